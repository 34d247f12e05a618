#!/usr/bin/env python3
"""What one COPY of long strings costs the embedded engine in memory: a node table of N rows of SIZE characters
(like Document nodes with their text) loaded whole, or in parts, with or without a CHECKPOINT after each part,
into a new database. Prints the resident set before, after and at its peak.

    python scripts/bench_copy_memory.py --rows 4400 --size 12000                  # ~50 MB, one COPY
    python scripts/bench_copy_memory.py --rows 4400 --size 12000 --parts 1400 --checkpoint
    python scripts/bench_copy_memory.py --rows 4400 --size 12000 --buffer-pool-mb 256
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=4400)
    ap.add_argument("--size", type=int, default=12000, help="characters of each row's text")
    ap.add_argument("--parts", type=int, default=0, help="rows per COPY (default: all in one)")
    ap.add_argument("--checkpoint", action="store_true", help="CHECKPOINT after each part")
    ap.add_argument("--buffer-pool-mb", type=int, default=0, help="the engine's buffer pool (default: its own)")
    args = ap.parse_args()
    import ladybug as lb
    import pyarrow as pa

    work = tempfile.mkdtemp(prefix="govgraph-copy-")
    try:
        db = lb.Database(os.path.join(work, "g.db"), auto_checkpoint=False,
                         buffer_pool_size=args.buffer_pool_mb * 2**20)
        conn = lb.Connection(db)
        conn.execute("CREATE NODE TABLE D(id STRING, text STRING, PRIMARY KEY(id))")
        words = "sammanträde beslut ärende nämnd " * (args.size // 32 + 1)
        table = pa.table({"id": [f"d{i}" for i in range(args.rows)],
                          "text": [words[:args.size] + str(i) for i in range(args.rows)]})
        before = rss_mb()
        step = args.parts or args.rows
        try:
            for i in range(0, args.rows, step):
                conn.execute("COPY D FROM $df", {"df": table.slice(i, step)})
                if args.checkpoint:
                    conn.execute("CHECKPOINT")
            conn.execute("CHECKPOINT")
            outcome = f"after {rss_mb():.0f} MB"
        except RuntimeError as e:
            outcome = f"failed: {str(e).splitlines()[0]}"
        print(f"{args.rows} rows x {args.size} characters, Arrow table {table.nbytes / 2**20:.0f} MB, "
              f"{'one COPY' if not args.parts else f'COPY per {args.parts} rows'}"
              f"{', CHECKPOINT after each' if args.checkpoint else ''}"
              f"{f', buffer pool {args.buffer_pool_mb} MB' if args.buffer_pool_mb else ''}: "
              f"before {before:.0f} MB, {outcome}, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
