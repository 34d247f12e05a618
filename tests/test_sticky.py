"""Sticky ids: an id a stored graph gave stays when later documents arrive; a merge found later leaves a
Redirect that `govgraph query`, the explorer and curation follow (ingest/resolve/sticky.py, graph/redirects.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import explore
from graph.store import LadybugStore
from ingest import pipeline
from ingest.readers import read

ROOT = Path(__file__).resolve().parents[1]

# one body's minutes: the first names it in full only, the second defines its abbreviation, and a third
# defines the same abbreviation with another name ('SocSam' and 'Sociala samrådsgruppen' are then one body)
FULL_NAME = ("Sociala samrådsgruppen", "2024-02-10", "Sociala samrådsgruppen beslutar att godkänna budgeten.")
DEFINES = ("Sociala samrådsgruppen (SocSam)", "2024-03-10", "SocSam beslutar att lägga uppföljningen till handlingarna.")
OTHER_NAME = ("Samrådsgruppen för socialtjänst (SocSam)", "2024-01-10", "SocSam beslutar att godkänna budgeten.")


def minutes(folder: Path, name: str, head: str, date: str, text: str) -> Path:
    d = folder / name
    d.mkdir()
    (d / f"{name}.txt").write_text(f"Protokoll\n{head}\nSammanträde {date}\n\nNärvarande: Anna Ek, Per Berg\n\n"
                                   f"§ 1 Budget\n{text}\n", encoding="utf-8")
    return d


def ids(db: Path, label: str) -> set[str]:
    store = LadybugStore(db)
    try:
        return {r["id"] for r in store.records(f"MATCH (n:{label}) RETURN n.id AS id")}
    finally:
        store.close()


def redirects(db: Path) -> dict[str, str]:
    store = LadybugStore(db)
    try:
        return {r["id"]: r["t"] for r in store.records("MATCH (r:Redirect) RETURN r.id AS id, r.target AS t")}
    finally:
        store.close()


def test_resolution_alone_renames_a_body_when_a_later_document_defines_its_abbreviation(tmp_path):
    """Why ids must be kept: resolved over the whole corpus, a document that arrives later changes the id."""
    a = minutes(tmp_path, "a", *FULL_NAME)
    b = minutes(tmp_path, "b", *DEFINES)
    docs = [pipeline.extract_document(read(next(d.iterdir()))) for d in (a, b)]
    G1, _, _ = pipeline.build(docs[:1])
    G2, _, _ = pipeline.build(docs)
    bodies = lambda G: {n for n, d in G.nodes(data=True) if d["label"] == "Body"}  # noqa: E731
    assert bodies(G1) == {"body:sociala-samradsgruppen"}
    assert bodies(G2) == {"body:socsam"}


def test_ids_survive_a_later_document_that_renames(tmp_path):
    a = minutes(tmp_path, "a", *FULL_NAME)
    b = minutes(tmp_path, "b", *DEFINES)
    db = tmp_path / "g.db"
    pipeline.ingest([a], db)
    before = {label: ids(db, label) for label in ("Body", "Meeting", "AgendaItem", "Decision", "Person")}
    pipeline.ingest([a, b], db)
    for label, old in before.items():
        assert old <= ids(db, label), label
    assert ids(db, "Body") == {"body:sociala-samradsgruppen"}
    assert not redirects(db)  # nothing was retired: the one body kept its id
    # in one go the same documents give the id resolution chooses
    pipeline.ingest([a, b], tmp_path / "one.db")
    assert ids(tmp_path / "one.db", "Body") == {"body:socsam"}


@pytest.fixture()
def merged(tmp_path):
    """Two bodies in a stored graph, then a document that shows they are one."""
    folders = [minutes(tmp_path, n, *spec) for n, spec in (("a", OTHER_NAME), ("b", FULL_NAME), ("c", DEFINES))]
    db = tmp_path / "g.db"
    pipeline.ingest(folders[:2], db)
    assert ids(db, "Body") == {"body:socsam", "body:sociala-samradsgruppen"}
    result = pipeline.ingest(folders, db)
    return db, folders, result


def test_a_merge_keeps_the_earliest_id_and_leaves_a_redirect(merged):
    db, _, result = merged
    # body:socsam is named by the earliest minutes (2024-01-10)
    assert ids(db, "Body") == {"body:socsam"}
    assert redirects(db) == {"body:sociala-samradsgruppen": "body:socsam"}
    assert any("body:sociala-samradsgruppen" in m and m.startswith("body:socsam") for m in result.merges)
    # the other ids of the retired body's minutes are kept
    assert "meeting:sociala-samradsgruppen-2024-02-10" in ids(db, "Meeting")


def test_redirects_survive_a_rebuild_and_go_when_the_merge_is_undone(merged):
    db, folders, _ = merged
    pipeline.rebuild(db)
    assert redirects(db) == {"body:sociala-samradsgruppen": "body:socsam"}
    pipeline.remove([next(folders[2].iterdir()).name], db)
    # without the document that joined them the two bodies are two again, each with its old id
    assert ids(db, "Body") == {"body:socsam", "body:sociala-samradsgruppen"}
    assert not redirects(db)


def test_the_explorer_follows_a_redirect(merged):
    db, _, _ = merged
    store = LadybugStore(db)
    try:
        page = explore.body(store, "body:sociala-samradsgruppen")
        assert page["body"] and page["body"]["short"] == "SocSam"
        assert {m["datum"] for m in page["meetings"]} == {"2024-01-10", "2024-02-10", "2024-03-10"}
    finally:
        store.close()


def test_query_follows_a_redirect_in_parameters_and_literals(merged):
    db, _, _ = merged
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")}
    env["PYTHONPATH"] = str(ROOT)
    for args in (["MATCH (b:Body {id: $id}) RETURN b.short AS short", "-p", "id=body:sociala-samradsgruppen"],
                 ["MATCH (b:Body) WHERE b.id = 'body:sociala-samradsgruppen' RETURN b.short AS short"]):
        p = subprocess.run([sys.executable, "-m", "govgraph", "query", *args, "--db", str(db), "--format", "csv"],
                           env=env, capture_output=True, text=True, timeout=300, cwd=db.parent)
        assert p.returncode == 0, p.stderr
        assert p.stdout.splitlines() == ["short", "SocSam"], p.stdout
        assert "body:sociala-samradsgruppen har slagits ihop med body:socsam" in p.stderr


def test_curation_follows_a_redirect(merged, tmp_path):
    db, folders, _ = merged
    corrections = tmp_path / "curation.toml"
    corrections.write_text(
        'version = 1\n\n[[correction]]\naction = "add"\ntype = "MEMBER_OF"\nfrom = "person:anna-ek"\n'
        'to = "body:sociala-samradsgruppen"\ndoc = "doc:b"\nquote = "Anna Ek"\nwho = "Granskare"\n'
        'when = "2026-12-01T10:00:00"\nwhy = "Ledamot enligt närvarolistan"\n', encoding="utf-8")
    result = pipeline.rebuild(db, curation=corrections)
    assert not [w for w in result.warnings if "rättelse" in w.message], result.warnings
    store = LadybugStore(db)
    try:
        rows = store.records("MATCH (p:Person)-[r:MEMBER_OF]->(b:Body) WHERE r.curated IS NOT NULL "
                             "RETURN p.id AS p, b.id AS b")
    finally:
        store.close()
    assert rows == [{"p": "person:anna-ek", "b": "body:socsam"}]


def test_the_popolo_export_names_a_retired_id(merged):
    from graph import export
    from graph.store_api import graph_from_store

    db, _, _ = merged
    store = LadybugStore(db)
    try:
        G = graph_from_store(store)
    finally:
        store.close()
    org = next(o for o in export.popolo(G)["organizations"] if o["id"] == "body:socsam")
    assert org["identifiers"] == [{"scheme": "govgraph tidigare id", "identifier": "body:sociala-samradsgruppen"}]


def test_an_explorer_url_with_a_retired_id_opens_the_node(merged, monkeypatch):
    from streamlit.testing.v1 import AppTest

    db, _, _ = merged
    monkeypatch.setenv("GOVGRAPH_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    page = next(h for h, info in at._registered_pages.items() if info.get("url_pathname") == "underlag")
    at._page_hash = page
    at.query_params["id"] = "body:sociala-samradsgruppen"
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox[0].value == "body:socsam"  # without following, the page falls back to the whole structure


def test_an_earlier_redirect_follows_its_target_into_a_later_merge():
    import networkx as nx

    from graph.redirects import GivenIds
    from ingest.resolve.sticky import keep_ids

    given = GivenIds(labels={"body:x": "Body", "body:y": "Body"},
                     mentions={("Body", "doc:1", 0, 5): {"body:x"}, ("Body", "doc:2", 0, 5): {"body:y"}},
                     first_seen={"body:x": "2024-01-01", "body:y": "2023-01-01"},
                     names={"body:x": "X", "body:y": "Y"}, redirects={"body:w": "body:x"})
    G = nx.MultiDiGraph()
    G.add_node("doc:1", label="Document", id="doc:1")
    G.add_node("doc:2", label="Document", id="doc:2")
    G.add_node("body:z", label="Body", id="body:z", name="Z")
    for doc in ("doc:1", "doc:2"):
        G.add_edge("body:z", doc, type="MENTIONED_IN", doc=doc, start=0, end=5)
    G.add_node("body:x-new", label="Body", id="body:x-new", name="X")  # a new body with no old mentions
    lines = keep_ids(G, given)
    # the earliest given id (body:y, first named in 2023) survives; body:x and the redirect to it lead there
    assert G.nodes["body:y"]["name"] == "Z" and "body:z" not in G
    assert {n: d["target"] for n, d in G.nodes(data=True) if d["label"] == "Redirect"} == \
        {"body:x": "body:y", "body:w": "body:y"}
    assert lines == ["body:y: body:x är samma och leder nu hit"]
    assert "body:x-new" in G


def _digest(db: Path) -> tuple[set, set]:
    from graph.store_api import graph_from_store

    store = LadybugStore(db)
    try:
        G = graph_from_store(store)
    finally:
        store.close()
    nodes = {(d["label"], n, d.get("name") or d.get("title")) for n, d in G.nodes(data=True)}
    edges = {(d["type"], u, v, d.get("doc"), d.get("start"), d.get("end")) for u, v, d in G.edges(data=True)}
    return nodes, edges


def test_the_samples_one_at_a_time_give_the_graph_of_one_go(sample_db, tmp_path):
    """Where no later document changes what an earlier one's ids name, keeping ids changes nothing."""
    import shutil

    from conftest import SAMPLES, sample_files

    db = tmp_path / "g.db"
    for k, f in enumerate(sample_files(), 1):
        folder = tmp_path / f"step{k}"
        folder.mkdir()
        shutil.copy(SAMPLES / "manifest.toml", folder)  # the dates and bodies the samples' manifest gives
        for g in sample_files()[:k]:
            shutil.copy(g, folder)
        assert not pipeline.ingest([folder], db).failed
    assert not redirects(db)
    assert _digest(db) == _digest(sample_db)


def test_the_report_finds_a_body_by_a_retired_id(merged):
    from graph import report

    db, _, _ = merged
    store = LadybugStore(db)
    try:
        assert report.find_body(store, "body:sociala-samradsgruppen") == "body:socsam"
    finally:
        store.close()
