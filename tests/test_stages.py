"""The extraction stages as `ingest.extract.STAGES` declares them: each stage reads only what an earlier stage
assigned (or what it assigns itself) and writes only what it declares, checked by tracing every document in data/.
A newcomer can then reorder, add or split stages knowing what each needs."""
from __future__ import annotations

import ast
import collections
from pathlib import Path

import pytest

from conftest import ROOT

DATA = [ROOT / "data" / "sample-minutes", ROOT / "data" / "eval"]


def order_errors(stages) -> list[str]:
    """Requirements that no earlier stage assigns."""
    assigned: set[str] = set()
    errors = []
    for st in stages:
        missing = sorted(set(st.requires) - assigned)
        if missing:
            errors.append(f"{st.name} requires {missing}, which no earlier stage assigns")
        assigned |= set(st.assigns)
    return errors


def trace_errors(stages, traced: dict[str, dict[str, set[str]]]) -> list[str]:
    """What a stage read or wrote beyond its declaration."""
    errors = []
    for st in stages:
        reads, writes = traced.get(st.name, {}).get("read", set()), traced.get(st.name, {}).get("write", set())
        undeclared_reads = sorted(reads - set(st.requires) - set(st.assigns))
        undeclared_writes = sorted(writes - set(st.assigns))
        if undeclared_reads:
            errors.append(f"{st.name} reads {undeclared_reads} without declaring them in requires")
        if undeclared_writes:
            errors.append(f"{st.name} writes {undeclared_writes} without declaring them in assigns")
    return errors


@pytest.fixture(scope="module")
def traced() -> dict[str, dict[str, set[str]]]:
    """What each stage read and wrote over every document in data/."""
    from ingest import nlp
    from ingest.extract import run_stages
    from ingest.extract.context import DocContext
    from ingest.pipeline import load_manifest
    from ingest.readers import discover, read
    from ingest.segment import segment

    seen: dict[str, dict[str, set[str]]] = collections.defaultdict(lambda: collections.defaultdict(set))
    n = 0
    for folder in DATA:
        files, _ = discover([folder])
        manifest = load_manifest(folder)
        for f in files:
            doc = read(f)
            seg = segment(doc.text)
            cx = DocContext(doc, seg, nlp.run(seg.masked), dict(manifest.get(f.name, {})))
            current = ["(before the stages)"]
            cx.trace = lambda kind, what: seen[current[0]][kind].add(what)
            run_stages(cx, lambda stage: current.__setitem__(0, stage.name))
            n += 1
    assert n >= 20, f"only {n} documents traced"
    return seen


def test_every_requirement_is_assigned_by_an_earlier_stage():
    from ingest.extract import STAGES

    assert order_errors(STAGES) == []


def test_the_order_check_catches_a_stage_moved_before_what_it_needs():
    from ingest.extract import STAGES

    names = [st.name for st in STAGES]
    swapped = list(STAGES)
    a, b = names.index("abbreviations"), names.index("meeting_head")
    swapped[a], swapped[b] = swapped[b], swapped[a]
    assert any("meeting_head requires ['abbr']" in e for e in order_errors(swapped))


def test_stages_read_and_write_only_what_they_declare(traced):
    from ingest.extract import STAGES

    traced = dict(traced)
    before = traced.pop("(before the stages)", {})
    assert before == {"write": {"mentions:Document"}}, f"before the stages only the document's mention: {before}"
    assert set(traced) <= {st.name for st in STAGES}, "something outside a stage read or wrote the context"
    assert trace_errors(STAGES, traced) == []


def test_the_trace_check_catches_an_undeclared_read(traced):
    from dataclasses import replace

    from ingest.extract import STAGES

    # items reads who represents what (an assignee's organisation); without the declaration the check must say so
    stripped = [replace(st, requires=tuple(r for r in st.requires if r != "claims:REPRESENTS"))
                if st.name == "items" else st for st in STAGES]
    assert any("items reads ['claims:REPRESENTS']" in e for e in trace_errors(stripped, traced))


def test_stage_names_are_unique_and_functions_are_plain():
    from ingest.extract import STAGES

    names = [st.name for st in STAGES]
    assert len(names) == len(set(names))
    for st in STAGES:
        assert st.run.__module__.startswith("ingest.extract."), st.name


# ---------------------------------------------------------------------------- rooms a person reads in a sitting
MAX_MODULE_LINES = 500
MAX_METHODS = 25


def project_files() -> list[Path]:
    """The application's own modules (the scripts that generate benchmark corpora are tools, not rooms)."""
    files = [ROOT / "app.py"]
    for top in ("graph", "ingest", "govgraph"):
        files += sorted((ROOT / top).rglob("*.py")) if (ROOT / top).exists() else []
    return [f for f in files if "__pycache__" not in f.parts]


def test_no_extraction_module_is_longer_than_a_sitting():
    long = {f.name: n for f in (ROOT / "ingest" / "extract").glob("*.py")
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules of ingest/extract over {MAX_MODULE_LINES} lines: {long}; split them along their concerns"


def test_no_class_has_more_methods_than_a_sitting():
    big = {}
    for f in project_files():
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                n = sum(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) for b in node.body)
                if n > MAX_METHODS:
                    big[f"{f.relative_to(ROOT)}:{node.name}"] = n
    assert not big, f"classes with more than {MAX_METHODS} methods: {big}"


def test_architecture_lists_the_stages_in_order():
    """ARCHITECTURE.md's stage table names every stage, in order, with the module that holds it."""
    import re

    from ingest.extract import STAGES

    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| `(\w+)\.py`", text.split("## Extraction stages", 1)[-1], re.M)
    assert rows == [(st.name, st.run.__module__.rsplit(".", 1)[-1]) for st in STAGES]
