"""Benchmark of search on the embedded store: how fast the SQLite FTS5 index beside the database file
(graph/search_index.py) answers, and what building it costs beside the ingest it is part of. Prints figures;
asserts nothing.

    .venv/bin/python scripts/bench_search.py [--mb 100] [--rounds 5] [--writes 3] [--seed 1] [--keep DIR]

The corpus is synthetic national minutes of --mb MB of text (scripts/synth_minutes.py, as `bench_ingest.py
--corpus synthetic`), ingested into a new database in this process by ingest.pipeline.ingest on all cores (what
`govgraph ingest CORPUS --db DB` runs; wall clock and stages timed). That ingest makes the search index in its
store stage (LadybugStore.replace_graph), in a thread beside the graph's write (search_index.Preparing): the
seconds that thread ran and those the writer waited for it after writing the graph are printed.

What the index adds to an ingest is what the store stage takes with it less what it takes without it: the
ingest's graph is written --writes times into a new database file with its index and --writes times without
(search_index.Preparing replaced by nothing), alternating, and the difference of the medians is compared with the
ingest's wall time ("adds X s to an ingest of Y s = Z %"). The index is then built once more alone, in the
benchmark's thread, for what it would add if the writer made it itself before writing the graph. The graph is not
read back from the stored database for this: graph_from_store is far slower than the build (minutes for 2 MB of
text).

Latency: a fixed list of Swedish queries (single words, a surname of the corpus, two-word queries, a prefix, and
queries narrowed by --kind passage, --from a date in the middle of the corpus and --body a body of the corpus) is
run --rounds times over, in-process by search_index.search(db, Query(...)), each call timed alone (it opens the
index file, checks its stamp, runs the FTS5 queries, reads the rows). Reported: per query the median and the hits,
and over all calls p50 / p90 / max in ms. For context the wall clock of one `govgraph search WORD --db DB` in a
fresh process (start, imports, the search, printing) is timed as well.

The corpus and database go to a temporary folder, removed at the end; with --keep DIR they are kept there, and a
later run with the same DIR skips generating and ingesting (the first run's ingest and index figures are
remembered in DIR/ingest.json and printed again; an index no longer current, e.g. of an older index format, makes
it ingest the kept corpus again). 100 MB of text takes several GB of memory and many minutes to ingest on two
cores.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

DB_NAME = "govgraph.db"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOVGRAPH_", "NEO4J_"))}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _govgraph(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "govgraph", *args], env=_env(), capture_output=True, text=True)
    return time.perf_counter() - t, p


def _revision() -> str:
    """The commit the code measured is at, and whether the code beside it differs (the figures are of that code)."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "graph", "ingest",
                                "govgraph"], capture_output=True, text=True).stdout.strip()
        return f"code at {head or '?'}" + (" with uncommitted changes in graph/ ingest/ govgraph/" if dirty else "")
    except OSError:
        return "code revision unknown"


def _mb(path: Path) -> float:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6
    return path.stat().st_size / 1e6 if path.exists() else 0.0


def _pct(xs: list[float], p: float) -> float:
    """The p-th percentile (0-100) by the nearest rank."""
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


def _ingest(corpus: Path, db: Path) -> dict:
    """Ingest corpus into a new database at db in this process, on all cores as `govgraph ingest` runs by default,
    timing the search index's build and install inside it; the ingest's graph is kept for a second build."""
    from graph import search_index
    from ingest.pipeline import ingest

    for f in db.parent.glob(db.name + "*"):  # a database of an earlier run, with its index, lock and WAL
        shutil.rmtree(f) if f.is_dir() else f.unlink()
    seen: list = []
    real = search_index.Preparing

    class Watched(real):  # graph.store makes it by the module's name
        def __init__(self, G, path):
            super().__init__(G, path)
            seen.append((G, self))

    search_index.Preparing = Watched
    stages: dict[str, float] = {}
    try:
        a = time.perf_counter()
        res = ingest([corpus], db, stages=stages)
        wall = time.perf_counter() - a
    finally:
        search_index.Preparing = real
    G, index = seen[-1]
    return {"ingest_s": wall, "stages": stages, "index_thread_s": index.seconds, "index_waited_s": index.waited,
            "added": len(res.added), "failed": len(res.failed), "warnings": len(res.warnings),
            "nodes_rels": sum(res.counts.values()), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "G": G}


class _NoIndex:
    """search_index.Preparing's place taken by nothing: the graph written without its index."""

    updated = False

    def __init__(self, G, path):
        pass

    def wait(self):
        return None

    def install(self):
        pass

    def discard(self):
        pass


def writes(G, work: Path, n: int) -> tuple[list[float], list[float]]:
    """The seconds LadybugStore.replace_graph(G) takes into a new database file, n times with the search index and
    n times without, alternating (a machine that slows for a while slows both)."""
    from graph import search_index
    from graph.store import LadybugStore
    from ingest.pipeline import _few_collections

    with_s, without_s = [], []
    path = work / "writes" / DB_NAME
    for i in range(2 * n):
        shutil.rmtree(path.parent, ignore_errors=True)
        path.parent.mkdir()
        with_index = i % 2 == 0
        real = search_index.Preparing
        if not with_index:
            search_index.Preparing = _NoIndex
        try:
            with _few_collections():  # as in an ingest
                a = time.perf_counter()
                LadybugStore(path, read_only=False).replace_graph(G)
                (with_s if with_index else without_s).append(time.perf_counter() - a)
        finally:
            search_index.Preparing = real
        print(f"  write {i + 1}/{2 * n} {'with' if with_index else 'without'} the index: "
              f"{(with_s if with_index else without_s)[-1]:.1f} s", flush=True)
    shutil.rmtree(path.parent, ignore_errors=True)
    return with_s, without_s


def prepare(work: Path, mb: float, seed: int) -> tuple[Path, dict]:
    """The database of work (ingested now, or by an earlier run with --keep) and what is known of its ingest."""
    from bench_ingest import _synthetic_corpus
    from graph import search_index

    db, corpus, info_file = work / DB_NAME, work / "corpus", work / "ingest.json"
    if db.exists() and info_file.exists():
        info = json.loads(info_file.read_text())
        print(f"reusing {db} ({_mb(db):.1f} MB) and its corpus ({info['text_mb']:.2f} MB of text, "
              f"{info['documents']} documents), ingested by an earlier run with --mb {info['mb_asked']} "
              f"({info.get('revision', 'code revision not recorded')})")
        if info["mb_asked"] != mb:
            print(f"  note: that run asked for --mb {info['mb_asked']}, not {mb}; the figures are of the stored corpus")
        if search_index.current(db):
            return db, info
        print("  its search index is not current (another index format since, or a changed file): ingesting again")
    if db.exists() and not info_file.exists():
        print(f"{db} holds a database of no known ingest: ingesting again")
    if corpus.exists() and info_file.exists():
        files = sorted(corpus.glob("*.txt"))
        cinfo = {"mb": sum(len(f.read_text(encoding="utf-8")) for f in files) / 1e6}
        print(f"corpus: reusing {len(files)} documents in {corpus}, {cinfo['mb']:.2f} MB of text")
    else:
        if corpus.exists():
            shutil.rmtree(corpus)
        t = time.perf_counter()
        files, digest, cinfo = _synthetic_corpus(corpus, mb, seed)
        print(f"corpus: {len(files)} synthetic documents, {cinfo['mb']:.2f} MB of text ({cinfo['municipalities']} "
              f"municipalities, {cinfo['bodies']} bodies, {cinfo['persons']} persons), sha256 {digest}, "
              f"generated in {time.perf_counter() - t:.1f} s")
    print(f"ingest: ingest.pipeline.ingest([{corpus}], {db}) in this process, all cores ...", flush=True)
    info = _ingest(corpus, db)
    info.update({"mb_asked": mb, "seed": seed, "text_mb": cinfo["mb"], "documents": len(files),
                 "revision": _revision()})
    info_file.write_text(json.dumps({k: v for k, v in info.items() if k != "G"}, ensure_ascii=False, indent=1))
    return db, info


def pick(db: Path) -> dict:
    """Names and dates of this corpus for the queries: the commonest surname of its persons, the body most of the
    passages on budget belong to (found by a search, so through the index's own reading of its rows), the median
    date of its passages. Only the entry table's kind, title and date_min columns are read directly."""
    from graph import search_index
    from graph.search import Query

    conn = sqlite3.connect(f"{search_index.index_path(db).as_uri()}?mode=ro", uri=True)
    try:
        surnames = Counter(t.split()[-1] for (t,) in conn.execute("SELECT title FROM entry WHERE kind = 'person'")
                           if t and len(t.split()) > 1)
        dates = [d for (d,) in conn.execute("SELECT date_min FROM entry WHERE kind = 'passage' AND date_min "
                                            "IS NOT NULL ORDER BY date_min")]
        n_entries = Counter(k for (k,) in conn.execute("SELECT kind FROM entry"))
    finally:
        conn.close()
    bodies = Counter(b for h in search_index.search(db, Query("budget", kind="passage", limit=1000))
                     for b in h.get("bodies") or ())
    return {"surname": surnames.most_common(1)[0][0] if surnames else "Andersson",
            "body": bodies.most_common(1)[0][0] if bodies else None,
            "date": dates[len(dates) // 2] if dates else None, "entries": n_entries}


def queries(p: dict) -> list[tuple[str, dict]]:
    """(label, Query arguments): what a user of Swedish minutes searches for."""
    qs = [("psykiatri", {"text": "psykiatri"}),
          ("hemsjukvård", {"text": "hemsjukvård"}),
          ("socialnämnden", {"text": "socialnämnden"}),
          ("budget", {"text": "budget"}),
          ("äldreomsorg", {"text": "äldreomsorg"}),
          (f"{p['surname']} (surname)", {"text": p["surname"]}),
          ("barn unga", {"text": "barn unga"}),
          ("ekonomisk uppföljning", {"text": "ekonomisk uppföljning"}),
          ("äldreomsorg budget", {"text": "äldreomsorg budget"}),
          ("samverkan psykiatri (no entry holds both)", {"text": "samverkan psykiatri"}),
          ("psyk (prefix)", {"text": "psyk"}),
          ("missbruk --kind passage", {"text": "missbruk", "kind": "passage"})]
    if p["date"]:
        qs.append((f"psykiatri --from {p['date']}", {"text": "psykiatri", "date_from": p["date"]}))
    if p["body"]:
        qs.append((f"budget --body {p['body']}", {"text": "budget", "body": p["body"]}))
    return qs


def run(args, work: Path) -> None:
    from graph import search_index
    from graph.search import Query

    t_script = time.perf_counter()
    db, info = prepare(work, args.mb, args.seed)
    idx = search_index.index_path(db)
    ingest_s = info["ingest_s"]
    st = info["stages"]
    print(f"ingest: {ingest_s:.1f} s wall for {info['text_mb']:.2f} MB of text in {info['documents']} documents "
          f"(read {st.get('read', 0):.1f} s, extract {st.get('extract', 0):.1f} s, build {st.get('build', 0):.1f} s, "
          f"store {st.get('store', 0):.1f} s); {info['added']} added, {info['failed']} failed, {info['warnings']} "
          f"warnings; peak RSS {info['peak_rss_mb']:.0f} MB")
    print(f"database {_mb(db):.1f} MB; index file {_mb(idx):.1f} MB ({_mb(idx) / _mb(db):.2f}x the database file, "
          f"{_mb(idx) / info['text_mb']:.2f}x the text)")
    print(f"index inside that ingest (store stage): made in {info['index_thread_s']:.1f} s in a thread beside the "
          f"graph's write; the writer waited {info['index_waited_s']:.1f} s for it after writing the graph")

    G = info.pop("G", None)
    if G is not None:
        with_s, without_s = writes(G, work, args.writes)
        added = statistics.median(with_s) - statistics.median(without_s)
        print(f"the ingest's graph written {args.writes} times into a new file with its index, alternating with "
              f"{args.writes} times without (s): with {' '.join(f'{x:.1f}' for x in with_s)}; without "
              f"{' '.join(f'{x:.1f}' for x in without_s)}")
        print(f"index adds {added:.1f} s (median with {statistics.median(with_s):.1f} s less median without "
              f"{statistics.median(without_s):.1f} s; spread {min(with_s) - max(without_s):.1f} to "
              f"{max(with_s) - min(without_s):.1f} s) to an ingest of {ingest_s:.1f} s = "
              f"{100 * added / ingest_s:.1f} %")
        t = time.perf_counter()
        tmp = search_index.build(G, db)
        build_s = time.perf_counter() - t
        tmp_mb = _mb(tmp)
        t = time.perf_counter()
        search_index.install(tmp, db)
        install_s = time.perf_counter() - t
        index_s = build_s + install_s
        print(f"index build again, alone, in one thread, on the same graph ({G.number_of_nodes():,} nodes, "
              f"{G.number_of_edges():,} relationships): build {build_s:.1f} s + install {install_s:.2f} s = "
              f"{index_s:.1f} s, {tmp_mb:.1f} MB = {100 * index_s / ingest_s:.1f} % of the ingest (what it would "
              f"add if the writer made it itself, before the graph)")
        del G, info
    else:
        print("(index figures are those of the run that ingested; not measured again)")
    p = pick(db)
    print("entries: " + ", ".join(f"{k} {v:,}" for k, v in p["entries"].most_common()))

    # ---- latency, in-process
    qs = queries(p)
    times: dict[str, list[float]] = {label: [] for label, _ in qs}
    hits: dict[str, int] = {}
    for label, kw in qs:  # one warm-up call each: the first open of the file pages it in
        search_index.search(db, Query(**kw))
    for _ in range(args.rounds):
        for label, kw in qs:
            q = Query(**kw)
            a = time.perf_counter()
            rows = search_index.search(db, q)
            times[label].append((time.perf_counter() - a) * 1000)
            hits[label] = len(rows)
    print(f"\n== search_index.search(db, Query(...)) in-process, {args.rounds} rounds of {len(qs)} queries "
          f"(limit 20, after one warm-up call each); ms")
    print(f"{'query':<64} {'median':>8} {'max':>8} {'hits':>5}")
    for label, _ in qs:
        print(f"{label:<64} {statistics.median(times[label]):8.2f} {max(times[label]):8.2f} {hits[label]:5d}")
    every = [x for v in times.values() for x in v]
    print(f"all {len(every)} calls: p50 {_pct(every, 50):.2f} ms, p90 {_pct(every, 90):.2f} ms, "
          f"max {max(every):.2f} ms")

    # ---- one CLI call for context
    # whether the index is current for the code as it is on disk now (a fresh process), not as this one loaded it
    check = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from graph import "
                            "search_index; print(search_index.current(Path(sys.argv[1])))", str(db)],
                           env=_env(), capture_output=True, text=True).stdout.strip()
    mtime = idx.stat().st_mtime_ns
    wall, proc = _govgraph("search", "psykiatri", "--db", str(db))
    if check != "True" or idx.stat().st_mtime_ns != mtime:
        print("\nnote: the index was not current for the code on disk (it changed since this process started): the "
              "CLI call below had to build it again from the stored graph, so its time is not that of a search")
    last = (proc.stdout.strip().splitlines() or proc.stderr.strip().splitlines() or [""])[-1]
    wall_help, _ = _govgraph("--help")
    print(f"\n`govgraph search psykiatri --db DB` (fresh process): {wall:.2f} s wall, exit {proc.returncode} "
          f"({last}); `govgraph --help` alone {wall_help:.2f} s")
    if proc.returncode not in (0, 1):
        print(f"  its stderr: {proc.stderr.strip()[-1000:]}")
    print(f"script wall time {time.perf_counter() - t_script:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=100.0, help="MB of synthetic text to ingest (default 100)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds over the list of queries (default 5)")
    ap.add_argument("--writes", type=int, default=3,
                    help="times the graph is written with its index and without, for what the index adds (default 3)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpus (default 1)")
    ap.add_argument("--keep", type=Path, default=None, metavar="DIR",
                    help="keep the corpus and database in DIR; where DIR holds a database already, reuse it")
    args = ap.parse_args()
    print(f"bench_search: --mb {args.mb} --rounds {args.rounds} --writes {args.writes} --seed {args.seed}"
          + (f" --keep {args.keep}" if args.keep else "") + f"; Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, SQLite {sqlite3.sqlite_version}; {_revision()}", flush=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args, args.keep.resolve())
        return
    work = Path(tempfile.mkdtemp(prefix="govgraph-bench-search-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
