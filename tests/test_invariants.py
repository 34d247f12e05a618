"""Invariants every graph must keep, checked on the five samples as stored and as built in memory."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph import schema
from graph.model import DocExtraction, unpack_extraction

ROOT = Path(__file__).resolve().parents[1]


def _texts(store) -> dict[str, str]:
    return {r["id"]: r["text"] for r in store.records("MATCH (d:Document) RETURN d.id AS id, d.text AS text")}


# --------------------------------------------------------------------------- provenance

@pytest.mark.parametrize("rel_type", schema.REL_TYPES)
def test_every_relationship_quotes_its_document_exactly(sample_store, rel_type):
    texts = _texts(sample_store)
    rows = sample_store.records(
        f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id AS src, b.id AS dst, r.doc AS doc, r.start AS start, "
        f"r.`end` AS stop, r.quote AS quote, r.rule AS rule, r.confidence AS confidence")
    problems = []
    for r in rows:
        where = f"{rel_type} {r['src']} -> {r['dst']} (rule {r['rule']})"
        if not r["doc"] or r["start"] is None or r["stop"] is None or r["quote"] is None or r["quote"] == "":
            problems.append(f"{where}: provenance missing: doc={r['doc']!r} start={r['start']} "
                            f"end={r['stop']} quote={r['quote']!r}")
            continue
        if r["doc"] not in texts:
            problems.append(f"{where}: doc {r['doc']!r} is not a stored Document")
            continue
        if not 0 <= r["start"] < r["stop"] <= len(texts[r["doc"]]):
            problems.append(f"{where}: span {r['start']}-{r['stop']} outside the document")
            continue
        actual = texts[r["doc"]][r["start"]:r["stop"]]
        if actual != r["quote"]:
            problems.append(f"{where}: quote {r['quote']!r} != text[{r['start']}:{r['stop']}] {actual!r}")
        if r["rule"] in (None, ""):
            problems.append(f"{where}: no rule recorded")
        if r["confidence"] is not None and not 0.0 <= r["confidence"] <= 1.0:
            problems.append(f"{where}: confidence {r['confidence']} outside 0..1")
    assert not problems, f"{len(problems)} of {len(rows)} {rel_type} relationships:\n" + "\n".join(problems[:30])


def test_every_relationship_in_memory_quotes_its_document(sample_graph):
    texts = {n: d["text"] for n, d in sample_graph.nodes(data=True) if d["label"] == "Document"}
    bad = []
    for u, v, d in sample_graph.edges(data=True):
        doc, start, end, quote = d.get("doc"), d.get("start"), d.get("end"), d.get("quote")
        if doc not in texts or start is None or end is None or quote is None or texts[doc][start:end] != quote:
            bad.append(f"{d.get('type')} {u} -> {v}: doc={doc!r} {start}-{end} quote={quote!r}")
    assert not bad, "\n".join(bad[:30])


# --------------------------------------------------------------------------- schema conformance

def test_stored_labels_and_types_are_declared(sample_store):
    _, labels = sample_store.query("MATCH (n) RETURN DISTINCT label(n)")
    _, types = sample_store.query("MATCH ()-[r]->() RETURN DISTINCT label(r)")
    assert {l for (l,) in labels} <= set(schema.NODE_LABELS)
    assert {t for (t,) in types} <= set(schema.REL_TYPES)
    # the samples exercise most of the schema; an empty graph would pass the subset test trivially
    assert {"Person", "Body", "Meeting", "AgendaItem", "Decision", "Document"} <= {l for (l,) in labels}


def test_graph_labels_types_and_endpoints_are_declared(sample_graph):
    bad_nodes = [(n, d.get("label")) for n, d in sample_graph.nodes(data=True)
                 if d.get("label") not in schema.NODE_LABELS]
    assert not bad_nodes, bad_nodes[:20]
    bad_edges = []
    for u, v, d in sample_graph.edges(data=True):
        a, b = sample_graph.nodes[u]["label"], sample_graph.nodes[v]["label"]
        if not schema.allowed(d.get("type"), a, b):
            bad_edges.append(f"{d.get('type')}: {a} {u} -> {b} {v}")
    assert not bad_edges, "\n".join(bad_edges[:20])


def test_graph_properties_are_declared(sample_graph):
    """Nothing the builder sets is silently dropped by the store: every property is in the schema."""
    bad = set()
    for n, d in sample_graph.nodes(data=True):
        declared = schema.NODE_BY_LABEL[d["label"]].props
        bad |= {f"{d['label']}.{k}" for k in d if k not in declared and k != "label" and d[k] not in (None, "", [])}
    for _, _, d in sample_graph.edges(data=True):
        declared = schema.rel_props(schema.REL_BY_TYPE[d["type"]])
        bad |= {f"{d['type']}.{k}" for k in d if k not in declared and k != "type" and d[k] not in (None, "", [])}
    assert not bad, sorted(bad)


@pytest.mark.parametrize("label", schema.NODE_LABELS)
def test_every_node_has_id_and_caption(sample_store, label):
    rows = sample_store.records(f"MATCH (n:{label}) RETURN n")
    bad = []
    for r in rows:
        n = r["n"]
        if not (n.get("id") or "").strip():
            bad.append(f"{label} without id: {n}")
        elif not ((n.get("name") or "").strip() or (n.get("title") or "").strip()):
            bad.append(f"{label} {n['id']} has neither name nor title")
    assert not bad, "\n".join(bad[:20])


def test_node_ids_are_unique_in_store(sample_store):
    _, rows = sample_store.query("MATCH (n) RETURN n.id AS id, count(*) AS c")
    dup = [(i, c) for i, c in rows if c > 1]
    assert not dup, dup


# --------------------------------------------------------------------------- memory == store

def test_graph_and_store_hold_the_same_nodes(sample_graph, sample_store):
    _, rows = sample_store.query("MATCH (n) RETURN n.id, label(n)")
    stored = {(i, l) for i, l in rows}
    built = {(n, d["label"]) for n, d in sample_graph.nodes(data=True)}
    assert stored == built, (f"only in store: {sorted(stored - built)[:20]}\n"
                             f"only in graph: {sorted(built - stored)[:20]}")


def test_graph_and_store_hold_the_same_edges_per_type(sample_graph, sample_store):
    _, rows = sample_store.query("MATCH ()-[r]->() RETURN label(r), count(*)")
    stored = {t: c for t, c in rows}
    built = Counter(d["type"] for _, _, d in sample_graph.edges(data=True))
    assert stored == dict(built)


def test_stored_extraction_equals_a_fresh_extraction(sample_store, sample_extractions):
    """The cached extraction on each Document (used for re-ingest) is what extracting again gives."""
    rows = sample_store.records("MATCH (d:Document) RETURN d.id AS id, d.extraction AS x, d.text AS t")
    stored = {r["id"]: r for r in rows}
    assert set(stored) == {x.doc_id for _, x in sample_extractions}
    for props, x in sample_extractions:
        cached = DocExtraction.from_wire(unpack_extraction(stored[x.doc_id]["x"]), stored[x.doc_id]["t"])
        # the stored form keeps every fact; MENTIONED_IN claims are rebuilt from the mentions, so order may differ
        assert cached.mentions == x.mentions and cached.warnings == x.warnings, x.doc_id
        assert sorted(map(repr, cached.claims)) == sorted(map(repr, x.claims)), \
            f"{x.doc_id}: stored extraction differs from a fresh one"


# --------------------------------------------------------------------------- DDL and documentation

def test_ddl_creates_every_label_and_type(tmp_path):
    import ladybug

    db = ladybug.Database(str(tmp_path / "fresh.db"))
    conn = ladybug.Connection(db)
    for stmt in schema.ladybug_ddl():
        conn.execute(stmt)
    for stmt in schema.ladybug_ddl():  # IF NOT EXISTS: running it twice is harmless
        conn.execute(stmt)

    def rows(q):
        res = conn.execute(q)
        out = []
        while res.has_next():
            out.append(res.get_next())
        return out

    def norm(types: dict[str, str]) -> dict[str, str]:  # the engine reports BOOLEAN as BOOL
        return {k: {"BOOLEAN": "BOOL"}.get(v, v) for k, v in types.items()}

    tables = {r[1]: r[2] for r in rows("CALL show_tables() RETURN *")}
    for label in schema.NODE_LABELS:
        assert tables.get(label) == "NODE", f"node table {label} missing"
        cols = {r[1]: r[2] for r in rows(f"CALL table_info('{label}') RETURN *")}
        assert norm(cols) == norm({**schema.NODE_BY_LABEL[label].props, **schema.store_columns(label)}), label
    for rel in schema.RELS:
        assert tables.get(rel.type) == "REL", f"rel table {rel.type} missing"
        cols = {r[1]: r[2] for r in rows(f"CALL table_info('{rel.type}') RETURN *")}
        assert norm(cols) == norm(schema.rel_props(rel)), rel.type
        pairs = {(r[0], r[1]) for r in rows(f"CALL show_connection('{rel.type}') RETURN *")}
        assert pairs == set(rel.pairs), rel.type
    del conn, db


def test_markdown_table_mentions_every_label_and_type():
    table = schema.markdown_table()
    for label in schema.NODE_LABELS:
        assert f"`{label}`" in table
    for t in schema.REL_TYPES:
        assert f"`{t}`" in table
    for p in schema.PROVENANCE:
        assert f"`{p}`" in table
    for p in schema.INTERNAL_PROPS:  # Document.text and .extraction are internal, not documented columns
        assert f"`{p}`" not in table


def test_readme_contains_the_schema_table():
    readme = ROOT / "README.md"
    # a missing README is a failure, not a skip: the table it should hold is the one users read
    assert readme.is_file(), "README.md does not exist at the repository root; it must hold schema.markdown_table()"
    text = readme.read_text(encoding="utf-8")
    table = schema.markdown_table()
    assert table in text, ("README.md does not contain the current schema.markdown_table(); "
                           "regenerate it with `govgraph schema`")


# --------------------------------------------------------------------------- serialisation

def test_doc_extraction_round_trips_through_json(sample_extractions):
    assert len(sample_extractions) == 5
    for props, x in sample_extractions:
        assert DocExtraction.from_dict(x.to_dict()) == x
        wire = json.loads(json.dumps(x.to_wire(), ensure_ascii=False))
        again = DocExtraction.from_wire(wire, props["text"])
        assert sorted(map(repr, again.claims)) == sorted(map(repr, x.claims)), x.doc_id
        wire = json.dumps(x.to_dict(), ensure_ascii=False)
        assert DocExtraction.from_dict(json.loads(wire)) == x, x.doc_id


def test_packed_extraction_round_trips_and_old_json_still_reads(sample_extractions):
    from graph.model import pack_extraction

    props, x = sample_extractions[0]
    packed = pack_extraction(x, {"body": "SVOM"})
    assert packed.startswith("z1:") and len(packed) < len(json.dumps(x.to_wire(), ensure_ascii=False))
    wire = unpack_extraction(packed)
    assert wire["meta"] == {"body": "SVOM"}
    assert DocExtraction.from_wire(wire, props["text"]).mentions == x.mentions
    legacy = json.dumps({**x.to_wire(), "meta": {}}, ensure_ascii=False)  # as earlier versions stored it
    assert DocExtraction.from_wire(unpack_extraction(legacy), props["text"]).mentions == x.mentions
    with pytest.raises(ValueError):
        unpack_extraction("z1:" + "A" * 40)
