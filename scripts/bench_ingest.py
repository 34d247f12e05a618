"""Benchmark of the ingest path against bare spaCy tokenisation, on one core and on all. Prints figures; asserts
nothing.

    .venv/bin/python scripts/bench_ingest.py [--mb 10] [--seed 1] [--corpus samples|synthetic|series] [--rounds 3]
                                             [--profile] [--layout lines|runon|both]

--corpus samples (the default) generates at least --mb MB of text from the five sample documents in
data/sample-minutes/: every copy shifts the dates, renames the persons (surnames rotated through a list of
Swedish surnames), renumbers the § paragraphs, swaps the municipalities (and their county and region) for those
of another or the same county, permutes the committee names and reorders the rows of the attendance tables.
Line layout, tabs and headings are kept. --corpus synthetic writes minutes of the whole country's bodies with
scripts/synth_minutes.py instead. --corpus series is one body's archive: the SocSam protocol of 2023-10-13
repeated every 14 days with its dates and § numbers moved forward (stable roster, recurring matters, assignments
reported back; 200 protocols ~ 4 MB), where every meeting is a candidate for the earlier ones' matters. The
generators are in scripts/synth/ (samples.py, series.py, and the package synth_minutes.py uses). The files go to a temporary folder (never into the repository), which is
removed at the end.

Each round measures, one after the other on the machine as it is at that moment: bare spacy.blank("sv")
tokenisation of the same texts (the faster of make_doc and nlp.pipe), then the real entry point
ingest.pipeline.ingest() into a new database on one core (read -> extract -> build -> store, seconds per
stage), then the same on all cores as `govgraph ingest` runs by default. Ratios are taken within a round and
the medians reported, since this shared machine's speed drifts by a third between minutes. The spaCy
pipeline's load is timed apart and excluded. MB means MB of text: characters of document text / 1e6.

--layout runon writes every document's lines joined by spaces into one line, as PDF and web copies come; with
--layout both (the default) each round also ingests that run-on copy on one core, and the summary prints the
seconds per MB of both layouts side by side (run-on text must cost no more than lines). The run-on copy keeps
every character but the line breaks and the blanks around them, so its MB are a little fewer.
"""
from __future__ import annotations

import os

# One core: thread pools are sized before numpy/spaCy/ladybug are imported; the process is pinned below.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import cProfile  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import pstats  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "scripts"):  # the project, and the corpus generators in scripts/synth/
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

SAMPLES = ROOT / "data" / "sample-minutes"
TARGET_RATIO = 2.5

def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


ALL_CPUS: set[int] = set()


def pin_one_core() -> str:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        ALL_CPUS.update(cpus)
        os.sched_setaffinity(0, {cpus[0]})
        return f"pinned to CPU {cpus[0]} (of {len(cpus)} available)"
    except (AttributeError, OSError) as e:
        return f"not pinned ({e}); thread pools limited to 1"


# ---------------------------------------------------------------- measurement
def mbps(chars: int, secs: float) -> float:
    return chars / 1e6 / secs if secs > 0 else float("inf")


def print_profile(pr: cProfile.Profile, wall: float, top: int = 25) -> None:
    buf = io.StringIO()
    st = pstats.Stats(pr, stream=buf)
    st.sort_stats("cumulative").print_stats(top)
    print(buf.getvalue())
    # Own and cumulative share of the project's functions (cProfile adds overhead to every Python call).
    total = sum(v[2] for v in st.stats.values())  # own time of every function = the profiled total
    rows = []
    for (fn, _line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():
        p = Path(fn)
        if p.suffix == ".py" and ROOT in p.parents:
            rows.append((tt, ct, nc, f"{p.relative_to(ROOT)}:{func}"))
    print(f"== the project's functions by own time (share of {total:.2f} s profiled; wall under profiler {wall:.2f} s)")
    print(f"{'own s':>8} {'own %':>6} {'cum s':>8} {'cum %':>6} {'calls':>10}  function")
    for tt, ct, nc, name in sorted(rows, reverse=True)[:20]:
        print(f"{tt:8.3f} {100 * tt / total:6.1f} {ct:8.3f} {100 * ct / total:6.1f} {nc:10d}  {name}")
    print("\n== the project's functions by cumulative time")
    for tt, ct, nc, name in sorted(rows, key=lambda r: -r[1])[:15]:
        print(f"{ct:8.3f} {100 * ct / total:6.1f}%  {name}")


def profile_build(results, limit_chars: int) -> None:
    """How build scales with the corpus (no profiler), then cProfile of build over ~limit_chars of text."""
    from ingest.pipeline import build

    def head(n_chars):
        out, n = [], 0
        for r in results:
            if n >= n_chars:
                break
            out.append(r)
            n += r[0]["chars"]
        return out, n

    print("\n== build (resolve + graph) scaling, no profiler")
    patch = False
    for frac in (0.25, 0.5, 1.0):
        sub, n = head(int(limit_chars * frac))
        gc.collect()
        _, secs, note = build_guarded(build, sub)
        patch = patch or bool(note)
        print(f"{len(sub):6d} docs {n / 1e6:6.2f} MB  build {secs:7.2f} s  {mbps(n, secs):7.3f} MB/s"
              + ("  (with the _item_span workaround)" if note else ""))
    sub, n = head(limit_chars)
    print(f"\n== cProfile: build over the first {len(sub)} documents ({n / 1e6:.2f} MB of text)"
          + (" with the _item_span workaround" if patch else ""))
    pr = cProfile.Profile()
    gc.collect()
    t0 = time.perf_counter()
    pr.enable()
    build_guarded(build, sub, patch=patch)
    pr.disable()
    print_profile(pr, time.perf_counter() - t0)


def profile_extract(docs, limit_chars: int) -> None:
    from ingest import nlp
    from ingest.pipeline import extract_document
    from ingest.segment import segment

    sample, n = [], 0
    for d in docs:
        if n >= limit_chars:
            break
        sample.append(d)
        n += len(d.text)
    print(f"\n== cProfile: extract_document over the first {len(sample)} documents ({n / 1e6:.2f} MB of text)")
    pr = cProfile.Profile()
    t0 = time.perf_counter()
    pr.enable()
    for d in sample:
        extract_document(d, {})
    pr.disable()
    wall = time.perf_counter() - t0
    print_profile(pr, wall)

    # The spaCy pipeline component by component (Cython parts are opaque to cProfile), no profiler attached.
    pl = nlp.pipeline()
    masked = [segment(d.text).masked for d in sample]
    times = defaultdict(float)
    for t in masked:
        a = time.perf_counter()
        doc = pl.make_doc(t)
        times["tokenizer (make_doc)"] += time.perf_counter() - a
        for name, proc in pl.pipeline:
            a = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - a
    seg_t = 0.0
    for d in sample:
        a = time.perf_counter()
        segment(d.text)
        seg_t += time.perf_counter() - a
    print(f"\n== spaCy pipeline per component over the same {n / 1e6:.2f} MB (no profiler), and segment()")
    for name, s in [("segment (ingest/segment/)", seg_t), *times.items()]:
        print(f"{s:8.3f} s  {mbps(n, s):8.2f} MB/s  {name}")


def build_guarded(build, results, patch: bool = False):
    """ingest.pipeline.build, timed. Returns (out, seconds, None)."""
    a = time.perf_counter()
    out = build(results)
    return out, time.perf_counter() - a, None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="MB of text to generate (default 10)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the corpus variation (default 1)")
    ap.add_argument("--corpus", choices=("samples", "synthetic", "series"), default="samples",
                    help="varied copies of the five samples (default), synthetic minutes of the whole country "
                         "(scripts/synth_minutes.py), or one body's series of protocols (scripts/synth/series.py)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds of (bare tokenisation, one core, all cores), interleaved so that each ratio is "
                         "measured on the machine as it is at that moment; medians are reported (default 3)")
    ap.add_argument("--profile", action="store_true",
                    help="also cProfile extract_document over the first ~1 MB and print the top 25 entries; "
                         "then the build stage's scaling and profile")
    ap.add_argument("--profile-mb", type=float, default=1.0, help="MB of text profiled in extract (default 1)")
    ap.add_argument("--profile-build-mb", type=float, default=2.0,
                    help="with --profile: MB of text for the build scaling runs and build profile (default 2)")
    ap.add_argument("--layout", choices=("lines", "runon", "both"), default="both",
                    help="the documents as written (lines), each run on into one line (runon), or both: the "
                         "run-on copy is also ingested on one core each round and its seconds per MB printed "
                         "beside the line layout's (default both)")
    ap.add_argument("--batch-size", type=int, default=64, help="batch size for nlp.pipe (default 64)")
    args = ap.parse_args()

    print(f"bench_ingest: --mb {args.mb} --seed {args.seed} --corpus {args.corpus} --rounds {args.rounds} "
          f"--layout {args.layout}; "
          f"Python {sys.version.split()[0]}; {pin_one_core()}")
    work = Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _synthetic_corpus(out: Path, mb: float, seed: int):
    import importlib.util

    spec = importlib.util.spec_from_file_location("synth_minutes", ROOT / "scripts" / "synth_minutes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.write_corpus(out, mb, seed)


def _cpu_s(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run(args, work: Path) -> None:
    import statistics

    import spacy

    from ingest import nlp
    from ingest.pipeline import extract_document, ingest
    from ingest.readers import read

    t = time.perf_counter()
    t0 = time.perf_counter()
    nlp.pipeline()
    load_s = time.perf_counter() - t0

    corpus_dir = work / "corpus"
    corpus_dir.mkdir()
    t0 = time.perf_counter()
    if args.corpus == "synthetic":
        files, digest, info = _synthetic_corpus(corpus_dir, args.mb, args.seed)
        print(f"corpus: {len(files)} synthetic documents ({info['municipalities']} municipalities in "
              f"{len(info['counties'])} counties, {info['bodies']} bodies, {info['persons']} persons, "
              f"{len(info['referrals'])} referrals), sha256 {digest}, generated in {time.perf_counter() - t0:.1f} s")
    elif args.corpus == "series":
        from synth.series import build_corpus as series_corpus

        files, digest, info = series_corpus(corpus_dir, args.mb)
        print(f"corpus: {len(files)} protocols of one body (the SocSam protocol of 2023-10-13, {info['first']} to "
              f"{info['last']} every {info['interval_days']} days, {info['items_per_protocol']} items each, § numbers "
              f"from 1 each year), sha256 {digest}, generated in {time.perf_counter() - t0:.1f} s")
    else:
        from synth.samples import build_corpus

        files, digest, info = build_corpus(corpus_dir, args.mb, args.seed)
        print(f"corpus: {len(files)} documents ({info['copies']} varied copies of the 5 samples; "
              f"{info['src_surnames']} surnames, {len(info['src_munis'])} municipalities in "
              f"{len(info['src_counties'])} counties swapped), sha256 {digest}, generated in "
              f"{time.perf_counter() - t0:.1f} s")

    runon_dir = None
    if args.layout != "lines":
        runon_dir = work / "corpus-runon"
        runon_dir.mkdir()
        runon_files = []
        for f in files:
            one = " ".join(ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip())
            (runon_dir / f.name).write_text(one, encoding="utf-8")
            runon_files.append(runon_dir / f.name)
        if args.layout == "runon":  # the run-on copy is the corpus
            corpus_dir, files, runon_dir = runon_dir, runon_files, None
    runon_chars = sum(len(read(f).text) for f in runon_files) if runon_dir else 0

    # warm the rule caches (lexicon, lookup tables) on one small sample: not part of the throughput
    t0 = time.perf_counter()
    extract_document(read(min(SAMPLES.glob("*.txt"), key=lambda p: p.stat().st_size)), {})
    warm_s = time.perf_counter() - t0
    rss_setup = _rss_mb()
    docs = [read(f) for f in files]
    texts = [d.text for d in docs]
    chars = sum(len(tx) for tx in texts)
    mb = chars / 1e6
    print(f"\nMB = MB of text = {chars:,} characters / 1e6 = {mb:.3f} MB in {len(docs)} documents")
    print(f"pipeline model load, ingest.nlp.pipeline(): {load_s:.2f} s   (excluded from throughput)")
    print(f"cache warm-up, one extract_document on a sample: {warm_s:.2f} s   (excluded)")

    rounds = []
    first_stages: dict[str, float] = {}
    res = None
    rss_one = 0.0
    for r in range(1, max(1, args.rounds) + 1):
        # bare tokenisation: a new blank pipeline each round, the faster of make_doc and pipe
        if ALL_CPUS:
            os.sched_setaffinity(0, {min(ALL_CPUS)})
        gc.collect()
        bare = spacy.blank("sv")
        bare.make_doc("Uppvärmning av tokeniseraren.")
        a, c = time.perf_counter(), time.process_time()
        for tx in texts:
            bare.make_doc(tx)
        make_s, make_cpu = time.perf_counter() - a, time.process_time() - c
        bare = spacy.blank("sv")
        a, c = time.perf_counter(), time.process_time()
        ntok = sum(len(d) for d in bare.pipe(texts, batch_size=args.batch_size))
        pipe_s, pipe_cpu = time.perf_counter() - a, time.process_time() - c
        bare_s, bare_cpu = min(make_s, pipe_s), min(make_cpu, pipe_cpu)
        del bare
        gc.collect()
        # ours on one core: the real entry point, a new database
        stages: dict[str, float] = {}
        a, c = time.perf_counter(), time.process_time()
        res = ingest([corpus_dir], work / f"one-{r}.db", jobs=1, stages=stages)
        one_s, one_cpu = time.perf_counter() - a, time.process_time() - c
        rss_one = max(rss_one, _rss_mb())
        runon_s = None
        if runon_dir:
            gc.collect()
            a = time.perf_counter()
            ingest([runon_dir], work / f"runon-{r}.db", jobs=1)
            runon_s = time.perf_counter() - a
        if r == 1:
            first_stages = stages
        gc.collect()
        # ours on every core, as `govgraph ingest` runs by default
        two_s = cpu_two = None
        if ALL_CPUS and len(ALL_CPUS) > 1:
            os.sched_setaffinity(0, ALL_CPUS)
            cpu0 = _cpu_s(resource.RUSAGE_SELF) + _cpu_s(resource.RUSAGE_CHILDREN)
            a = time.perf_counter()
            ingest([corpus_dir], work / f"all-{r}.db", jobs=len(ALL_CPUS))
            two_s = time.perf_counter() - a
            cpu_two = _cpu_s(resource.RUSAGE_SELF) + _cpu_s(resource.RUSAGE_CHILDREN) - cpu0
        rounds.append({"bare": bare_s, "make": make_s, "pipe": pipe_s, "one": one_s, "two": two_s,
                       "cpu_two": cpu_two, "tokens": ntok, "bare_cpu": bare_cpu, "one_cpu": one_cpu,
                       "runon": runon_s})
        for f in work.glob("*.db*"):
            if f.is_file():
                f.unlink()
            else:
                shutil.rmtree(f, ignore_errors=True)

    counts = res.counts
    nodes = sum(v for k, v in counts.items() if k in _node_labels())
    edges = sum(counts.values()) - nodes
    print("\n== ours, end to end on one core: ingest.pipeline.ingest(folder, db, jobs=1), first round by stage")
    print(f"{'stage':<44} {'seconds':>8} {'share':>6} {'MB/s':>8}")
    total_first = rounds[0]["one"]
    for name, key in (("read (discover, manifest, ingest.readers.read)", "read"),
                      ("extract (segment, spaCy pipeline, rules)", "extract"),
                      ("build (resolve + networkx graph)", "build"),
                      ("store write (LadybugStore.replace_graph)", "store")):
        sec = first_stages.get(key, 0.0)
        print(f"{name:<44} {sec:8.2f} {100 * sec / total_first:5.1f}% {mbps(chars, sec):8.2f}")
    print(f"{'total (wall of the ingest call)':<44} {total_first:8.2f} {100.0:5.1f}% {mbps(chars, total_first):8.2f}")
    print(f"graph: {nodes:,} nodes, {edges:,} relationships stored; {len(res.warnings):,} warnings, "
          f"{len(res.merges):,} merges; {len(res.added)} documents added, {len(res.failed)} failed")

    print(f"\n== rounds: bare spacy.blank('sv') tokenisation (faster of make_doc and pipe, batch {args.batch_size}), "
          f"ours on one core, ours on all {len(ALL_CPUS) or 1} cores; seconds for {mb:.2f} MB")
    print(f"{'round':>5} {'make_doc':>9} {'pipe':>7} {'one core':>9} {'ratio':>6} {'CPU ratio':>10} {'all cores':>10} "
          f"{'speed-up':>9} {'CPU s':>7}")
    for i, x in enumerate(rounds, 1):
        two = f"{x['two']:10.2f} {x['one'] / x['two']:8.2f}x {x['cpu_two']:7.1f}" if x["two"] else ""
        print(f"{i:>5} {x['make']:9.2f} {x['pipe']:7.2f} {x['one']:9.2f} {x['one'] / x['bare']:5.2f}x "
              f"{x['one_cpu'] / x['bare_cpu']:9.2f}x {two}")
    ratio = statistics.median(x["one"] / x["bare"] for x in rounds)
    one_med = statistics.median(x["one"] for x in rounds)
    print("\n== summary (medians over the rounds)")
    print(f"ours end to end, one core: {mbps(chars, one_med):8.3f} MB/s of text  ({one_med:.2f} s for {mb:.2f} MB)")
    print(f"bare tokenisation:         {mbps(chars, statistics.median(x['bare'] for x in rounds)):8.3f} MB/s "
          f"({rounds[0]['tokens']:,} tokens)")
    print(f"ratio ours / bare, one core: {ratio:4.2f}x   target <= {TARGET_RATIO}x: "
          f"{'WITHIN' if ratio <= TARGET_RATIO else 'NOT within'}; in CPU seconds (what time another tenant of "
          f"the machine takes is left out) {statistics.median(x['one_cpu'] / x['bare_cpu'] for x in rounds):4.2f}x")
    if runon_dir:
        lines_spm = statistics.median(x["one"] / mb for x in rounds)
        runon_spm = statistics.median(x["runon"] / (runon_chars / 1e6) for x in rounds)
        print(f"layouts, one core: lines {lines_spm:.2f} s/MB, run-on (every document one line, "
              f"{runon_chars / 1e6:.2f} MB) {runon_spm:.2f} s/MB: run-on / lines "
              f"{statistics.median((x['runon'] / runon_chars) / (x['one'] / chars) for x in rounds):.2f}x "
              f"(ratio to bare tokenisation of the lines: lines "
              f"{ratio:.2f}x, run-on {statistics.median(x['runon'] / x['bare'] for x in rounds):.2f}x)")
    if rounds[0]["two"]:
        speed = statistics.median(x["one"] / x["two"] for x in rounds)
        two_med = statistics.median(x["two"] for x in rounds)
        print(f"ours on {len(ALL_CPUS)} cores: {mbps(chars, two_med):8.3f} MB/s ({two_med:.2f} s): {speed:.2f}x the "
              f"one-core figure (target >= 1.7x: {'MET' if speed >= 1.7 else 'NOT met'}); ratio to bare "
              f"tokenisation {statistics.median(x['two'] / x['bare'] for x in rounds):.2f}x")
    print(f"peak RSS (ru_maxrss): {rss_one:8.0f} MB in this process (after setup {rss_setup:.0f}); "
          f"worker processes at most {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB each")
    print(f"script wall time:        {time.perf_counter() - t:8.1f} s")

    if args.profile:
        profile_extract(docs, int(args.profile_mb * 1e6))
        sub, n = [], 0
        for d in docs:
            if n >= args.profile_build_mb * 1e6:
                break
            sub.append(extract_document(d, {}))
            n += len(d.text)
        profile_build(sub, int(args.profile_build_mb * 1e6))


def _node_labels() -> set[str]:
    from graph.schema import NODE_LABELS

    return set(NODE_LABELS)


if __name__ == "__main__":
    main()
