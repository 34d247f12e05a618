#!/usr/bin/env python3
"""Benchmark of the explorer: how long each page takes to render on the sample graph, and how long a 2,000-node
graph takes to draw in a browser. Prints figures; asserts nothing (targets: a page < 2 s, the big graph < 5 s).

    python scripts/bench_app.py [--runs 3] [--nodes 2000] [--no-browser]

Page render: Streamlit's AppTest runs app.py for each page (the script run that produces what the browser shows;
the first run of a page fills the caches, later runs reuse them). Drawing: graph.picture.network_html builds the
page for a random tree-like graph with extra cross links, then headless Chromium (Debian's, with its chromedriver)
loads it and reports when vis-network has finished stabilising and drawn.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ["oversikt", "struktur", "arenden", "personer", "organ", "cypher", "kalla"]


def bench_pages(runs: int) -> None:
    from streamlit.testing.v1 import AppTest

    from ingest.pipeline import ingest

    work = Path(tempfile.mkdtemp(prefix="govgraph-bench-app-"))
    try:
        db = work / "govgraph.db"
        ingest([ROOT / "data" / "sample-minutes"], db)
        os.environ["GOVGRAPH_DB"] = str(db)
        print(f"page render on the sample graph (AppTest, {runs} runs after the first)")
        print(f"{'page':<12} {'first s':>8} {'median s':>9} {'max s':>7}   target < 2 s")
        import streamlit as st

        for page in PAGES:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.run()
            st.cache_data.clear()  # the first timed run of each page starts cold
            h = next(k for k, v in at._registered_pages.items() if v.get("url_pathname") in (page, "")
                     and (v.get("url_pathname") == page or page == "oversikt"))
            at._page_hash = h
            times = []
            for _ in range(runs + 1):
                t = time.perf_counter()
                at.run()
                times.append(time.perf_counter() - t)
                if at.exception:
                    print(f"{page}: exception {at.exception}")
                    break
            rest = times[1:] or times
            verdict = "met" if max(rest) < 2 else "NOT met"
            print(f"{page:<12} {times[0]:8.2f} {statistics.median(rest):9.2f} {max(rest):7.2f}   {verdict}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def big_graph(n: int, seed: int = 1):
    import networkx as nx

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"body:{i}", name=f"Organ {i}", label="Body", kind=rng.choice(["nämnd", "råd", "grupp"]))
    for i in range(1, n):  # a tree: each body reports to one earlier body …
        G.add_edge(f"body:{i}", f"body:{rng.randrange(max(1, i // 3), i) if i > 3 else 0}", type="REPORTS_TO",
                   wording="rapporterar till", quote=f"Organ {i} rapporterar till …")
    for _ in range(n // 5):  # … and some prepare for others
        a, b = rng.sample(range(n), 2)
        G.add_edge(f"body:{a}", f"body:{b}", type="PREPARES_FOR", wording="bereder åt", quote="…")
    return G


def bench_draw(n: int) -> None:
    from graph.picture import network_html

    G = big_graph(n)
    t = time.perf_counter()
    pic = network_html(G, max_nodes=n, height=900)
    build_s = time.perf_counter() - t
    print(f"\n{n}-node graph: {G.number_of_edges()} edges; page built by graph.picture in {build_s:.2f} s "
          f"({len(pic.html) / 1e6:.1f} MB of HTML)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (chromium and driver_path):
        print("Chromium/chromedriver not installed: drawing time not measured")
        return
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    hook = ("<script>window.__t0 = performance.now();"
            "document.addEventListener('DOMContentLoaded', function () {"
            " var done = function () { window.__drawn = performance.now(); };"
            " network.once('stabilizationIterationsDone', function () { network.once('afterDrawing', done); "
            "   network.redraw(); });"
            " setTimeout(function () { if (!window.__drawn) { network.once('afterDrawing', done); } }, 0);"
            "});</script>")
    page = pic.html.replace("<head>", "<head>" + hook, 1)
    work = Path(tempfile.mkdtemp(prefix="govgraph-bench-draw-"))
    try:
        f = work / "graph.html"
        f.write_text(page, encoding="utf-8")
        opts = Options()
        opts.binary_location = chromium
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--window-size=1400,1000"):
            opts.add_argument(arg)
        d = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
        try:
            t = time.perf_counter()
            d.get(f.as_uri())
            loaded = time.perf_counter() - t
            end = time.time() + 120
            drawn = None
            while time.time() < end and drawn is None:
                drawn = d.execute_script("return window.__drawn || null")
                time.sleep(0.05)
            wall = time.perf_counter() - t
            nodes = d.execute_script("return network.body.data.nodes.length")
            if drawn is None:
                print(f"not drawn within 120 s (page load {loaded:.2f} s)")
                return
            verdict = "met" if wall < 5 else "NOT met"
            print(f"browser: page loaded in {loaded:.2f} s; {nodes} nodes drawn {wall:.2f} s after the request "
                  f"(in the page: {(drawn - d.execute_script('return window.__t0')) / 1000:.2f} s)   "
                  f"target < 5 s: {verdict}")
            print(f"with the page built: {build_s + wall:.2f} s from graph to picture")
        finally:
            d.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="timed runs per page after the first (default 3)")
    ap.add_argument("--nodes", type=int, default=2000, help="nodes in the drawing benchmark (default 2000)")
    ap.add_argument("--no-browser", action="store_true", help="only the page render times")
    args = ap.parse_args()
    bench_pages(args.runs)
    if not args.no_browser:
        bench_draw(args.nodes)


if __name__ == "__main__":
    main()
