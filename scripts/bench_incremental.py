"""What adding one protocol to a stored graph costs, and removing it again: `govgraph ingest NEW.txt` and
`govgraph remove NEW.txt`, wall clock of the whole command in a fresh process (start, loading the pipeline,
reading what is stored, resolving, writing), on a graph of one body's archive (`--corpus series`, the default:
200 protocols) or of the whole country's minutes (`--corpus synthetic --docs 5000`). Prints figures; asserts
nothing.

    .venv/bin/python scripts/bench_incremental.py [--corpus series|synthetic] [--docs 200] [--rounds 5]

The stored graph is built once (all documents but the newest); each round copies it, then times the ingest of
the newest document into the copy and the removal of it, and reports which way the store wrote (changes in one
transaction, or a new file). With --stages, the same ingest is also run in this process with the seconds of
each stage (read, extract, build, store).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def _corpus(kind: str, docs: int, out: Path) -> list[Path]:
    """At least docs documents, in the order they were written (the last is the newest)."""
    if kind == "series":
        from synth.series import build_corpus

        per_doc = 20_300  # characters of one shifted protocol
        files, _, _ = build_corpus(out, docs * per_doc / 1e6)
        return files[:docs]
    from bench_ingest import _synthetic_corpus

    files, _, _ = _synthetic_corpus(out, docs * 8_000 / 1e6, 1)  # about 7,300 characters a document, and some room
    files = sorted(files, key=lambda f: f.stat().st_mtime_ns)
    if len(files) < docs:
        raise SystemExit(f"the synthetic corpus gave {len(files)} documents, fewer than {docs}")
    return files[:docs]


def _govgraph(*args: str, quiet: bool = True) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOVGRAPH_", "NEO4J_"))}
    env["PYTHONPATH"] = str(ROOT)
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "govgraph", *args, *(["-q"] if quiet else [])], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        raise SystemExit(f"govgraph {' '.join(args)} failed:\n{p.stderr[-2000:]}")
    return wall, p.stderr


def _copy(base: Path, db: Path) -> None:
    """A copy of the stored graph with its search index: the index is of the same graph, so it is stamped with
    the copy (a copied file is another file, and an index of another file would be built anew by the ingest)."""
    import sqlite3

    from graph import search_index

    shutil.copy(base, db)
    shutil.copy(search_index.index_path(base), search_index.index_path(db))
    conn = sqlite3.connect(search_index.index_path(db))
    try:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'graph'", (search_index.stamp(db),))
        conn.commit()
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("series", "synthetic"), default="series")
    ap.add_argument("--docs", type=int, default=200, help="documents in the stored graph and the new one (default 200)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--stages", action="store_true", help="also time the stages of one ingest in this process")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="govgraph-incremental-") as tmp:
        work = Path(tmp)
        files = _corpus(args.corpus, args.docs, work / "corpus")
        old, new = work / "old", work / "new"
        old.mkdir()
        new.mkdir()
        for f in files[:-1]:
            f.rename(old / f.name)
        newest = new / files[-1].name
        files[-1].rename(newest)
        chars = sum(len(f.read_text(encoding="utf-8")) for f in old.iterdir())
        base = work / "base.lbug"
        t = time.perf_counter()
        _govgraph("ingest", str(old), "--db", str(base))
        print(f"corpus {args.corpus}: {len(files) - 1} documents stored ({chars / 1e6:.2f} MB of text), built in "
              f"{time.perf_counter() - t:.1f} s; new: {newest.name}")
        adds, removes = [], []
        for r in range(1, args.rounds + 1):
            db = work / f"round{r}.lbug"
            _copy(base, db)
            add, _ = _govgraph("ingest", str(newest), "--db", str(db))
            rem, _ = _govgraph("remove", newest.name, "--db", str(db), quiet=False)
            adds.append(add)
            removes.append(rem)
            print(f"round {r}: ingest NEW {add:.2f} s, remove NEW {rem:.2f} s")
            for p in work.glob(f"round{r}.lbug*"):
                p.unlink()
        print(f"median of {args.rounds}: ingest NEW {statistics.median(adds):.2f} s "
              f"({min(adds):.2f}-{max(adds):.2f}), remove NEW {statistics.median(removes):.2f} s "
              f"({min(removes):.2f}-{max(removes):.2f})")
        start, _ = _govgraph("--help", quiet=False)
        print(f"for comparison, `govgraph --help` (the start of a command alone): {start:.2f} s")
        if args.stages:
            from graph.store import LadybugStore
            from ingest import nlp, pipeline

            t = time.perf_counter()
            nlp.pipeline()
            loaded = time.perf_counter() - t
            db = work / "stages.lbug"
            _copy(base, db)
            stages: dict[str, float] = {}
            writes = []
            original = LadybugStore.replace_graph

            def replace_graph(self, G):
                out = original(self, G)
                writes.append(f"graph: {self.last_write}, search index: {self.last_index}")
                return out

            LadybugStore.replace_graph = replace_graph
            pipeline.ingest([newest], db, stages=stages, jobs=1)
            print(f"stages of the ingest in this process (pipeline loaded in {loaded:.2f} s): "
                  + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()) + f"; the store wrote {writes}")


if __name__ == "__main__":
    main()
