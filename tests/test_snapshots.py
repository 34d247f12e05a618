"""Snapshots of what the pipeline extracts from each sample document, built with `build()` over all five.

A snapshot is machine-written (tests/snapshots/<stem>.json), sorted and stable: the document's nodes as
[label, id, caption, {selected props}] and its relationships as [type, src, dst, para, quote, {props}].
A difference fails with a unified diff; after checking that the change is an improvement, rewrite them with

    pytest tests/test_snapshots.py --update-snapshots
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import compare_snapshot, sample_files
from graph import schema

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
STEMS = [p.stem for p in sample_files()]

# The properties worth pinning per label (text, extraction, sha256 and path are left out: too big or machine-bound).
SELECTED: dict[str, tuple[str, ...]] = {
    "Document": ("title", "kind", "date", "body", "format", "encoding", "chars", "warnings"),
    "Person": ("party", "party_name", "aliases"),
    "Role": ("title", "org"),
    "Body": ("short", "kind", "municipality", "founded", "aliases"),
    "Municipality": ("code", "county"),
    "Meeting": ("date", "place", "time", "kind"),
    "AgendaItem": ("number", "dnr", "number_inferred"),
    "Decision": ("number", "text"),
    "Assignment": ("task", "due"),
    "Matter": ("dnr",),
    "Agreement": ("total", "period"),
}


def _present(v) -> bool:
    return v not in (None, "", [], {})


def _norm(v):
    return sorted(v) if isinstance(v, list) and all(isinstance(x, str) for x in v) else v


def snapshot(G, doc_id: str) -> dict:
    edges, touched = [], {doc_id}
    for u, v, d in G.edges(data=True):
        if d.get("doc") != doc_id:
            continue
        touched |= {u, v}
        props = {k: d[k] for k in schema.REL_BY_TYPE[d["type"]].props if _present(d.get(k))}
        props["rule"] = d.get("rule")
        edges.append([d["type"], u, v, d.get("para"), d.get("quote"), props])
    nodes = []
    for n in touched:
        d = G.nodes[n]
        label = d["label"]
        caption = d.get(schema.NODE_BY_LABEL[label].display) or d.get("name") or d.get("title")
        props = {k: _norm(d[k]) for k in SELECTED[label] if _present(d.get(k))}
        nodes.append([label, n, caption, props])

    def key(x):
        return json.dumps(x, ensure_ascii=False, sort_keys=True)

    return {"document": doc_id, "nodes": sorted(nodes, key=key), "edges": sorted(edges, key=key)}


def render(snap: dict) -> str:
    """One node or edge per line, so that a diff shows exactly which fact changed."""
    def block(name: str, rows: list) -> list[str]:
        if not rows:
            return [f' "{name}": []']
        body = ",\n".join("  " + json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)
        return [f' "{name}": [', body, " ]"]

    lines = ["{", f' "document": {json.dumps(snap["document"], ensure_ascii=False)},']
    lines += block("nodes", snap["nodes"])
    lines[-1] += ","
    lines += block("edges", snap["edges"])
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == json.loads(json.dumps(snap, ensure_ascii=False))
    return text


@pytest.mark.parametrize("stem", STEMS)
def test_snapshot(sample_graph, update_snapshots, stem):
    doc_id = f"doc:{stem}"
    assert doc_id in sample_graph, f"{doc_id} is not in the graph"
    current = render(snapshot(sample_graph, doc_id))
    compare_snapshot(SNAPSHOTS / f"{stem}.json", current, stem, update_snapshots, "tests/test_snapshots.py")


def test_no_stale_snapshots():
    stale = sorted({p.stem for p in SNAPSHOTS.glob("*.json")} - set(STEMS))
    assert not stale, f"snapshots without a sample document: {stale}"


def test_snapshot_is_stable(sample_graph):
    """Rendering twice gives the same bytes (sorted, no set or dict ordering leaks)."""
    for stem in STEMS:
        a = render(snapshot(sample_graph, f"doc:{stem}"))
        b = render(snapshot(sample_graph, f"doc:{stem}"))
        assert a == b
