"""Exports from the sample graph: Popolo JSON validated against the Popolo JSON Schemas (offline, from
data/reference/popolo-schemas), GraphML read back by networkx, CSV per label and relationship type."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from graph import export, schema
from graph.store_api import graph_from_store

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "data" / "reference" / "popolo-schemas"
KINDS = {"persons": "person", "organizations": "organization", "posts": "post", "memberships": "membership",
         "events": "event"}


@pytest.fixture(scope="module")
def stored_graph(sample_store) -> nx.MultiDiGraph:
    return graph_from_store(sample_store)


@pytest.fixture(scope="module")
def popolo(stored_graph) -> dict:
    return export.popolo(stored_graph)


def _validator(kind: str):
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    resources = []
    for f in SCHEMAS.glob("*.json"):
        doc = json.loads(f.read_text(encoding="utf-8"))
        resources.append((doc["id"], Resource(contents=doc, specification=DRAFT3)))
    registry = Registry().with_resources(resources)
    main = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(main, registry=registry, format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("collection", list(KINDS))
def test_popolo_objects_validate_against_the_popolo_schemas(popolo, collection):
    validator = _validator(KINDS[collection])
    assert popolo[collection], collection
    errors = [f"{o.get('id')}: {e.message}" for o in popolo[collection] for e in validator.iter_errors(o)]
    assert not errors, errors[:10]


def test_the_validator_would_catch_a_broken_object():
    bad = {"id": "membership:x", "start_date": "i februari", "sources": [{"note": "utan url"}]}
    assert list(_validator("membership").iter_errors(bad))


def test_every_popolo_object_has_sources_that_quote_their_span(popolo, stored_graph):
    texts = {n: d.get("text") for n, d in stored_graph.nodes(data=True) if d["label"] == "Document"}
    paths = {d.get("path"): n for n, d in stored_graph.nodes(data=True) if d["label"] == "Document"}
    for collection, objects in popolo.items():
        for o in objects:
            assert o["sources"], f"{collection} {o['id']} without a source"
            for s in o["sources"]:
                path, frag = s["url"].split("#char=")
                start, end = map(int, frag.split(","))
                quote = s["note"].split(": ”", 1)[1][:-1]
                assert texts[paths[path]][start:end] == quote, (o["id"], s)


def test_memberships_carry_on_behalf_of_posts_and_dates(popolo):
    socsam = [m for m in popolo["memberships"] if m.get("organization_id") == "body:socsam"]
    assert len(socsam) >= 8
    assert sum(1 for m in socsam if str(m.get("on_behalf_of_id", "")).startswith("municipality:")) >= 8
    assert all(m["observed_dates"] for m in socsam)
    posts = {p["id"] for p in popolo["posts"]}
    assert all(m["post_id"] in posts for m in popolo["memberships"] if "post_id" in m)
    orgs = {o["id"] for o in popolo["organizations"]}
    persons = {p["id"] for p in popolo["persons"]}
    for m in popolo["memberships"]:
        assert m["person_id"] in persons
        assert m.get("organization_id") is None or m["organization_id"] in orgs
        assert m.get("on_behalf_of_id") is None or m["on_behalf_of_id"] in orgs
    municipality = next(o for o in popolo["organizations"] if o["id"].startswith("municipality:"))
    assert municipality["identifiers"][0]["scheme"] == "SCB kommunkod"
    assert any(e.get("start_date") == "2023-10-13" and e.get("organization_id") == "body:socsam"
               for e in popolo["events"])


def test_graphml_reads_back_with_every_node_and_edge(stored_graph, tmp_path):
    path = tmp_path / "graf.graphml"
    counts = export.write_graphml(stored_graph, path)
    H = nx.read_graphml(path, force_multigraph=True)
    assert H.number_of_nodes() == stored_graph.number_of_nodes() == counts["nodes"]
    assert H.number_of_edges() == stored_graph.number_of_edges()
    doc = next(n for n, d in H.nodes(data=True) if d["label"] == "Document")
    assert "text" not in H.nodes[doc] and "extraction" not in H.nodes[doc]
    edge = next(d for _, _, d in H.edges(data=True) if d["type"] == "REPORTS_TO")
    assert edge["quote"] and edge["doc"] and int(edge["start"]) < int(edge["end"])
    assert "Å" in path.read_text(encoding="utf-8") or "ä" in path.read_text(encoding="utf-8")


def test_csv_has_a_file_per_label_and_type_with_the_schema_columns(stored_graph, tmp_path):
    counts = export.write_csv(stored_graph, tmp_path / "csv")
    for nt in schema.NODES:
        with open(tmp_path / "csv" / f"nodes-{nt.label}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == [c for c in nt.props if c not in schema.INTERNAL_PROPS]
        assert len(rows) - 1 == counts[nt.label]
    with open(tmp_path / "csv" / "rels-REPORTS_TO.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["from"] and r["to"] and r["quote"] and r["doc"] for r in rows)
    assert sum(counts[r.type] for r in schema.RELS) == stored_graph.number_of_edges()


def test_export_from_the_cli_in_every_format(sample_db, tmp_path):
    from click.testing import CliRunner

    from govgraph.cli import cli

    for fmt, out in (("popolo", tmp_path / "p.json"), ("graphml", tmp_path / "g.graphml"), ("csv", tmp_path / "c")):
        res = CliRunner().invoke(cli, ["export", "--format", fmt, "--out", str(out), "--db", str(sample_db)])
        assert res.exit_code == 0, res.output
        assert out.exists() and "Exporterat" in res.output
