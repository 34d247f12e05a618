#!/usr/bin/env python3
"""Benchmark of the review tools on synthetic national minutes: how long overlaps, the uppdrag register, the
structure as of a day and its diff, and the dossiers take as the corpus grows. Prints figures; asserts nothing.

    python scripts/bench_review.py [--mb 1 4] [--seed 7] [--runs 3]

Each size: scripts/synth_minutes.py writes the corpus, it is ingested into a fresh database (not timed here:
see bench_ingest.py), then each function runs --runs times on that database and the median is printed.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[1, 4])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from graph import explore, report
    from graph.store import LadybugStore
    from ingest.pipeline import ingest
    from synth_minutes import write_corpus

    print(f"{'MB':>5} {'nodes':>8} {'bodies':>7}  " + "  ".join(f"{n:>18}" for n in NAMES))
    for mb in args.mb:
        work = Path(tempfile.mkdtemp(prefix="bench-review-"))
        try:
            write_corpus(work / "minutes", mb, args.seed)
            ingest([work / "minutes"], work / "g.db")
            store = LadybugStore(work / "g.db")
            nodes = store.records("MATCH (n) RETURN count(n) AS n")[0]["n"]
            bodies = store.records("MATCH (b:Body) RETURN count(b) AS n")[0]["n"]
            busiest = store.records("MATCH (b:Body)-[:HELD]->(m:Meeting) RETURN b.id AS id, count(m) AS n "
                                    "ORDER BY n DESC LIMIT 1")[0]["id"]
            calls = {"overlaps": lambda: explore.overlaps(store),
                     "uppdrag register": lambda: explore.assignment_register(store, "2026-12-01"),
                     "structure as of": lambda: explore.structure_at(store, "2023-06-01"),
                     "diff of two days": lambda: explore.structure_diff(store, "2019-01-01", "2024-01-01"),
                     "body dossier": lambda: report.body_dossier(store, busiest, "2026-12-01"),
                     "structure dossier": lambda: report.structure_dossier(store, "2026-12-01")}
            cells = []
            for name in NAMES:
                times = []
                for _ in range(args.runs):
                    t = time.perf_counter()
                    calls[name]()
                    times.append(time.perf_counter() - t)
                cells.append(f"{statistics.median(times) * 1000:>15.0f} ms")
            print(f"{mb:>5g} {nodes:>8} {bodies:>7}  " + "  ".join(cells), flush=True)
            store.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)


NAMES = ["overlaps", "uppdrag register", "structure as of", "diff of two days", "body dossier", "structure dossier"]

if __name__ == "__main__":
    main()
