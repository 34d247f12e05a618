"""What sticky ids cost an ingest into a stored graph: reading the ids it has given (redirects.given_ids) and
keeping them (sticky.keep_ids), against the whole `rebuild` of the same graph. Prints figures; asserts nothing
about speed.

    python scripts/bench_sticky.py --mb 1
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_ingest import build_corpus  # noqa: E402

from graph.redirects import given_ids  # noqa: E402
from graph.store import LadybugStore  # noqa: E402
from ingest import pipeline  # noqa: E402
from ingest.resolve.sticky import keep_ids  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="MB of varied sample minutes (default 1)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "corpus").mkdir()
        files, _, _ = build_corpus(work / "corpus", args.mb, args.seed)
        db = work / "g.db"
        pipeline.ingest([work / "corpus"], db)
        t = time.perf_counter()
        pipeline.rebuild(db)
        rebuild = time.perf_counter() - t
        store = LadybugStore(db, check_schema=False)
        t = time.perf_counter()
        given = given_ids(store)
        read = time.perf_counter() - t
        t = time.perf_counter()
        given.need_mentions()  # what a merge or a rename reads besides (a document only added does not)
        read_mentions = time.perf_counter() - t
        store.close()
        store = LadybugStore(db)
        from graph.store_api import graph_from_store
        G = graph_from_store(store)
        store.close()
        t = time.perf_counter()
        lines = keep_ids(G, given)
        keep = time.perf_counter() - t
        print(f"{len(files)} documents, {len(given.labels)} ids, {len(given.mentions)} mentions; "
              f"rebuild {rebuild:.2f} s (given_ids and keep_ids included); given_ids {read:.2f} s "
              f"({read / rebuild:.1%}), and the mentions behind the ids {read_mentions:.2f} s where a merge or rename "
              f"needs them; keep_ids {keep:.2f} s ({keep / rebuild:.1%}); {len(lines)} merges")


if __name__ == "__main__":
    main()
