"""`govgraph eval`: documents read and resolved as an ingest does, the graph compared with hand-checked expectation
files (docs/eval.md), precision and recall per fact kind; here the run over corpora and the table it prints."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

# Every name of eval stays importable from here, as when it was one module: the CLI and the tests use them so.
from ingest.evaluate.expectations import (  # noqa: F401
    _AT, CHECKS, ENTRY_KEYS, EXPECT_SUFFIX, KINDS, LABELS, MEASURES, MEETING_KEYS, REQUIRED, THRESHOLDS, TOP_LEVEL,
    EvalError, Expectation, _as_list, _check_keys, _normalise_entry, _parse_item_label, _scored, _toml_value,
    check_fact, find_expectations, load_expectation, load_thresholds, show_entry)
from ingest.evaluate.facts import (  # noqa: F401
    DISTINCT, STRUCTURE, Fact, GraphFacts, _place, _short, norm, norm_number)
from ingest.evaluate.scoring import (  # noqa: F401
    MATCH, ROLE_ALSO, STRICT, Report, Score, _eq, _expected_text, _item_ok, _match, _names_hit, _place_ok, _quote_ok,
    _role_ok, _similar, _title_ok, _words, evaluate, provenance_errors)


def run(paths: list[str | Path], expect_dir: str | Path | None = None, thresholds_path: str | Path | None = None,
        jobs: int = 0, meta: dict | None = None) -> Report:
    from ingest.pipeline import build, extract_paths
    from ingest.readers import discover

    files, _ = discover(paths)
    expectations = find_expectations(files, Path(expect_dir) if expect_dir else None)
    if not expectations:
        raise EvalError(f"{', '.join(map(str, paths))}: inga förväntningsfiler hittades; skriv <namn>{EXPECT_SUFFIX} "
                        f"bredvid dokumenten eller ange mappen med --expect (se docs/eval.md)")
    thresholds = load_thresholds(Path(thresholds_path) if thresholds_path else None)
    docs, failed = extract_paths(paths, meta=meta, jobs=jobs)
    G, _, _ = build(docs)
    report = evaluate(G, expectations, thresholds)
    report.failed = failed
    return report


ABBREV = {"precision": "P", "recall": "R", "f1": "F1"}
CORPUS_FILE = "corpus.toml"


@dataclass
class Corpus:
    """One folder of documents scored on its own: real documents, or documents the project wrote itself."""
    path: Path
    made_up: bool
    report: Report


def is_made_up(path: Path) -> bool:
    """A folder whose corpus.toml says kind = "made-up": documents written for the project, kept as regression
    tests; the thresholds are for real documents."""
    p = path / CORPUS_FILE
    if not p.is_file():
        return False
    try:
        return tomllib.loads(p.read_text(encoding="utf-8")).get("kind") == "made-up"
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise EvalError(f"{p}: kunde inte läsas ({e}); skriv kind = \"made-up\" eller kind = \"real\"") from None


def run_corpora(paths: list[str | Path], expect_dir: str | Path | None = None,
                thresholds_path: str | Path | None = None, jobs: int = 0) -> list[Corpus]:
    """Each path scored as a corpus of its own, real ones against the thresholds, made-up ones without."""
    out = []
    for p in map(Path, paths):
        made_up = p.is_dir() and is_made_up(p)
        report = run([p], expect_dir, thresholds_path, jobs=jobs)
        if made_up:
            report.thresholds = {}
        out.append(Corpus(p, made_up, report))
    return out


def format_corpora(corpora: list[Corpus], details: bool = False) -> str:
    if len(corpora) == 1:
        return format_table(corpora[0].report, details)
    parts = []
    for c in corpora:
        what = "påhittade dokument: regressionstest, utan krav" if c.made_up else "verkliga dokument: kraven gäller"
        parts.append(f"== {c.path} ({what})\n" + format_table(c.report, details))
    return "\n\n".join(parts)


def format_table(report: Report, details: bool = False) -> str:
    rows = [("slag", "väntade", "funna", "rätt", "falska", "missade", "precision", "recall", "F1", "krav", "")]

    def pct(x: float | None) -> str:
        return "–" if x is None else f"{x:.3f}"

    failing = set()
    for kind, s in report.scores.items():
        t = report.thresholds.get(kind, {})
        bad = any(what in t and v is not None and v < t[what]
                  for what, v in (("precision", s.precision), ("recall", s.recall), ("f1", s.f1)))
        if bad:
            failing.add(kind)
        req = " ".join(f"{ABBREV[w]}≥{t[w]:.2f}" for w in MEASURES if w in t) or "–"
        rows.append((LABELS[kind], str(s.expected), str(s.found), str(s.tp), str(s.fp), str(s.fn), pct(s.precision),
                     pct(s.recall), pct(s.f1), req, "UNDER" if bad else "ok"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
             for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    out = [f"{len(report.documents)} dokument med förväntningar"
           + (f", {len(report.unscored)} utan (lästa men inte bedömda)" if report.unscored else ""), ""] + lines
    for f in report.failed:
        out.append(f"fel: {f}")
    for p in report.provenance_errors[:20]:
        out.append(f"citat stämmer inte: {p}")
    if details:
        for kind, s in report.scores.items():
            if s.misses or s.false:
                out.append(f"\n== {LABELS[kind]}")
                out += [f"  saknas: {m}" for m in s.misses]
                out += [f"  falskt: {f}" for f in s.false]
    fails = report.failing()
    out.append("")
    out.append("Alla slag når sina krav." if not fails else "Under kraven: " + "; ".join(fails))
    return "\n".join(out)
