"""Snapshots of each document's own extraction, before corpus-wide resolution: for every document in data/
(data/sample-minutes and data/eval), what `ingest.pipeline.extract_document` returns for it, with the metadata
its folder's manifest gives, as an ingest does.

A snapshot is machine-written (tests/snapshots/extraction/<folder>/<stem>.json), sorted and stable, one mention,
claim or warning per line with its evidence (para, start, end, quote, rule, confidence), so that a diff shows
exactly which fact changed. A difference fails with a unified diff; after checking that the change is intended,
rewrite them with

    pytest tests/test_extraction_snapshots.py --update-snapshots

The graph snapshots (tests/test_snapshots.py) record what resolution makes of the same documents.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import compare_snapshot

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "extraction"

# The document properties extract_document decides from the text and the manifest; path, sha256, text, the
# extractor digest and the packed extraction are left out (machine-bound, or the rest of this file again).
DOC_PROPS = ("id", "name", "title", "format", "encoding", "chars", "kind", "date", "body", "warnings", "meta")


def documents() -> list[Path]:
    """Every document file in data/, as an ingest of data/ finds them."""
    from ingest.readers import discover

    files, _ = discover([p for p in sorted(DATA.iterdir()) if p.is_dir() and p.name != "reference"])
    return files


def snapshot_name(path: Path) -> str:
    """'sample-minutes/socsam-2023-10-13-protokoll': the document's folder under data/ and its stem."""
    return path.parent.relative_to(DATA).as_posix() + "/" + path.stem


NAMES = [snapshot_name(p) for p in documents()]


def _evidence(ev, doc_id: str) -> dict:
    out = {"para": ev.para, "start": ev.start, "end": ev.end, "quote": ev.quote, "rule": ev.rule,
           "confidence": ev.confidence}
    if ev.doc != doc_id:  # always the document itself today; shown when it is not
        out["doc"] = ev.doc
    return out


def _mention(m, doc_id: str) -> list:
    """[label, key, props, evidence] and, when it has any, the hints it gives resolution (graph.model.Hints)."""
    row = [m.label, m.key, m.props, _evidence(m.evidence, doc_id)]
    hints = m.hints.to_dict()
    return row + [hints] if hints else row


def snapshot(props: dict, x) -> dict:
    """The extraction as plain rows: mentions [label, key, props, evidence, hints (when it has any)], claims
    [type, src, dst, props, evidence], warnings [para, start, end, message]; each list sorted, so that only
    content counts."""
    doc_id = x.doc_id
    mentions = [_mention(m, doc_id) for m in x.mentions]
    claims = [[c.type, c.src, c.dst, c.props, _evidence(c.evidence, doc_id)] for c in x.claims]
    warnings = [[w.para, w.start, w.end, w.message] + ([w.doc] if w.doc != doc_id else []) for w in x.warnings]

    def key(row):
        return json.dumps(row, ensure_ascii=False, sort_keys=True)

    return {"document": doc_id, "props": {k: props.get(k) for k in DOC_PROPS},
            "mentions": sorted(mentions, key=key), "claims": sorted(claims, key=key),
            "warnings": sorted(warnings, key=key)}


def _line(v) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, allow_nan=False)


def render(snap: dict) -> str:
    """One mention, claim or warning per line, so that a diff shows exactly which fact changed."""
    def block(name: str, rows: list) -> list[str]:
        if not rows:
            return [f' "{name}": []']
        return [f' "{name}": [', ",\n".join("  " + _line(r) for r in rows), " ]"]

    lines = ["{", f' "document": {_line(snap["document"])},', f' "props": {_line(snap["props"])},']
    for name in ("mentions", "claims", "warnings"):
        lines += block(name, snap[name])
        lines[-1] += ","
    lines[-1] = lines[-1][:-1]
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == json.loads(_line(snap)), "the rendering must be the snapshot, line for line"
    return text


def render_all() -> dict[str, str]:
    """name -> rendered snapshot, for every document; each rendered as soon as it is extracted, so that nothing
    done later to the objects (resolution, another test) can reach it."""
    from ingest.pipeline import extract_document, file_meta
    from ingest.readers import read

    manifests: dict = {}
    out = {}
    for path in documents():
        props, x = extract_document(read(path), file_meta(path, manifests, None, False))
        out[snapshot_name(path)] = render(snapshot(props, x))
    return out


@pytest.fixture(scope="session")
def rendered() -> dict[str, str]:
    return render_all()


def test_names_are_unique():
    assert len(NAMES) == len(set(NAMES)), "two documents of one folder share a stem: their snapshots would clash"


@pytest.mark.parametrize("name", NAMES)
def test_extraction_snapshot(rendered, update_snapshots, name):
    current = rendered[name]
    compare_snapshot(SNAPSHOTS / f"{name}.json", current, name, update_snapshots,
                     "tests/test_extraction_snapshots.py")


def test_no_stale_extraction_snapshots():
    stored = {p.relative_to(SNAPSHOTS).with_suffix("").as_posix() for p in SNAPSHOTS.rglob("*.json")}
    stale = sorted(stored - set(NAMES))
    assert not stale, f"extraction snapshots without a document in data/: {stale}"


def test_extraction_snapshot_is_stable(rendered):
    """Extracting and rendering again in this process gives the same bytes (no set or dict order leaks)."""
    assert render_all() == rendered


def test_extraction_snapshot_is_the_same_in_a_fresh_process(rendered):
    """Another process with another string hash seed gives the same bytes: nothing in the extraction may depend
    on the order of a set of strings, or the snapshots would change from one run to the next."""
    code = ("import json, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; import test_extraction_snapshots as t; "
            "sys.stdout.write(json.dumps(t.render_all()))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    run = subprocess.run([sys.executable, "-c", code, str(ROOT), str(Path(__file__).resolve().parent)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    other = json.loads(run.stdout)
    differ = sorted(n for n in set(other) | set(rendered) if other.get(n) != rendered.get(n))
    assert not differ, f"a fresh process extracts these documents differently: {differ}"
