#!/usr/bin/env python3
"""Peak memory of `ingest()` on synthetic minutes of the whole country, at several sizes. Prints figures.

Each size is written once (scripts/synth_minutes.py) and ingested into a new database by a fresh child process,
so that one size's memory does not count in the next and the corpus generator's does not count at all. The
child samples its resident set every 50 ms and says in which stage (read, extract, build, store) the peak fell.

    python scripts/bench_memory.py --mb 4 8 16 32            # one core, as the peak RSS in docs/benchmarks.md
    python scripts/bench_memory.py --mb 4 --jobs 2           # the parent of two worker processes
    python scripts/bench_memory.py --mb 4 --tracemalloc      # also the 15 largest holders at the end of build
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(corpus: Path, db: Path, jobs: int, trace: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from ingest import nlp, pipeline

    nlp.pipeline()
    setup = _rss_now_mb()
    peaks: dict[str, float] = {}
    stage = ["read"]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            now = _rss_now_mb()
            peaks[stage[0]] = max(peaks.get(stage[0], 0.0), now)

    stages: dict[str, float] = {}

    class Stages(dict):  # ingest() adds each stage's seconds as it ends: the next one begins
        def __setitem__(self, key, value):
            super().__setitem__(key, value)
            stage[0] = {"read": "extract", "extract": "build", "build": "store"}.get(key, key)

    if trace:
        import tracemalloc

        tracemalloc.start(1)
        real_build = pipeline.build

        def traced_build(*a, **kw):
            out = real_build(*a, **kw)
            snap = tracemalloc.take_snapshot()
            print("tracemalloc at the end of build, by line:", file=sys.stderr)
            for s in snap.statistics("lineno")[:15]:
                print(f"  {s.size / 2**20:8.1f} MB {s.count:>9,}  {s.traceback}", file=sys.stderr)
            return out

        pipeline.build = traced_build
    t = threading.Thread(target=sample, daemon=True)
    t.start()
    stages = Stages()
    a = time.perf_counter()
    res = pipeline.ingest([corpus], db, jobs=jobs, stages=stages)
    wall = time.perf_counter() - a
    stop.set()
    t.join()
    print(json.dumps({"setup": setup, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                      "stages": {k: round(v, 2) for k, v in stages.items()}, "by_stage": peaks, "wall": wall,
                      "documents": len(res.added), "nodes_rels": sum(res.counts.values())}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[4.0, 8.0, 16.0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes of the ingest (default 1: one core)")
    ap.add_argument("--tracemalloc", action="store_true", help="print the largest holders at the end of build")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.jobs, args.tracemalloc)
        return
    import importlib.util

    spec = importlib.util.spec_from_file_location("synth_minutes", ROOT / "scripts" / "synth_minutes.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    print(f"bench_memory: --mb {' '.join(map(str, args.mb))} --seed {args.seed} --jobs {args.jobs}; "
          f"Python {sys.version.split()[0]}")
    print(f"{'MB':>6} {'docs':>6} {'nodes+rels':>10} {'setup MB':>9} {'peak MB':>8} {'MB per MB':>9} "
          f"{'workers MB':>10}  peak by stage (read/extract/build/store MB); stage seconds")
    for mb in args.mb:
        work = Path(tempfile.mkdtemp(prefix="govgraph-mem-"))
        try:
            files, _digest, _info = synth.write_corpus(work / "corpus", mb, args.seed)
            text_mb = sum(len(f.read_text(encoding="utf-8")) for f in files) / 1e6
            cmd = [sys.executable, __file__, "--jobs", str(args.jobs), "--child", str(work / "corpus"),
                   str(work / "g.db")] + (["--tracemalloc"] if args.tracemalloc else [])
            out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if out.returncode:
                sys.exit(out.stderr)
            sys.stderr.write(out.stderr)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            by = "/".join(f"{r['by_stage'].get(s, 0):.0f}" for s in ("read", "extract", "build", "store"))
            secs = "/".join(f"{r['stages'].get(s, 0):.1f}" for s in ("read", "extract", "build", "store"))
            print(f"{text_mb:6.2f} {r['documents']:6} {r['nodes_rels']:10,} {r['setup']:9.0f} {r['peak']:8.0f} "
                  f"{(r['peak'] - r['setup']) / text_mb:9.1f} {r['workers']:10.0f}  {by}; {secs} s", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
