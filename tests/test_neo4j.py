"""The Neo4j backend. Without a server: the statements it sends, the copy between engines (embedded to embedded
through the same code), and one clear message when the server cannot be reached. With NEO4J_URI set (see the
README: `docker compose up -d neo4j`), the live tests ingest, run every saved query, push and pull."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import schema
from govgraph.cli import cli
from graph.neo4j_store import Neo4jStore, merge_nodes_cypher, merge_rels_cypher, node_rows, rel_rows
from graph.store import LadybugStore
from graph.store_api import graph_from_store

ROOT = Path(__file__).resolve().parent.parent
LIVE = os.environ.get("NEO4J_URI")
live = pytest.mark.neo4j
skip_live = pytest.mark.skipif(not LIVE, reason="NEO4J_URI är inte satt: testerna mot en riktig Neo4j hoppas över "
                                           "(starta en med `docker compose up -d neo4j`, se README)")


def test_constraints_and_indexes_for_every_label():
    stmts = schema.neo4j_constraints()
    for n in schema.NODES:
        assert any(f"FOR (n:{n.label}) REQUIRE n.id IS UNIQUE" in s for s in stmts)
        assert any(f"FOR (n:{n.label}) ON (n.name)" in s for s in stmts)


def test_writes_are_idempotent_merges_keyed_on_id_and_provenance():
    assert merge_nodes_cypher("Person") == "UNWIND $rows AS row MERGE (n:Person {id: row.id}) SET n += row.props"
    rel = merge_rels_cypher("ATTENDED")
    assert rel.startswith("UNWIND $rows AS row MATCH (a {id: row.src}) MATCH (b {id: row.dst}) MERGE (a)-[r:ATTENDED")
    assert "{doc: row.doc, start: row.start, `end`: row.end}" in rel
    assert "role: row.props.role" in merge_rels_cypher("ATTENDED", with_role=True)


def test_rows_keep_schema_properties_and_provenance(sample_graph):
    people = node_rows(sample_graph, [n for n, d in sample_graph.nodes(data=True) if d["label"] == "Person"])
    assert set(people) == {"Person"}
    for row in people["Person"]:
        assert set(row["props"]) <= set(schema.NODE_BY_LABEL["Person"].props) and "id" not in row["props"]
    rels = rel_rows(sample_graph, sample_graph.edges(data=True))
    for rows in rels.values():
        for r in rows:
            assert r["props"]["quote"] is not None and r["end"] > r["start"]


def test_copy_between_stores_keeps_every_node_and_relationship(sample_db, tmp_path):
    source = LadybugStore(sample_db, read_only=True)
    G = graph_from_store(source)
    source.close()
    counts = LadybugStore(tmp_path / "copy.db", read_only=False).replace_graph(G)
    again = graph_from_store(LadybugStore(tmp_path / "copy.db", read_only=True))
    assert (again.number_of_nodes(), again.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert sum(counts.values()) == G.number_of_nodes() + G.number_of_edges()
    quotes = {d["quote"] for _, _, d in again.edges(data=True)}
    assert quotes == {d["quote"] for _, _, d in G.edges(data=True)}


def test_unreachable_server_is_one_message(sample_db, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    res = CliRunner().invoke(cli, ["push", "--db", str(sample_db), "--neo4j", "bolt://127.0.0.1:9"])
    assert res.exit_code != 0
    assert "Neo4j kunde inte nås" in (res.output + str(res.exception or ""))
    assert "Traceback" not in res.output


# --------------------------------------------------------------------------- against a live server
@pytest.fixture(scope="module")
def neo(tmp_path_factory):
    """The server NEO4J_URI names, emptied first: point the tests at a test server (compose.yaml), never at one
    whose data you want to keep."""
    store = Neo4jStore.from_env(read_only=False)
    store.connect().execute_query("MATCH (n) DETACH DELETE n", database_=store.database)
    yield store
    store.close()


@live
@skip_live
def test_ingest_into_neo4j_matches_the_embedded_graph(neo, sample_db):
    from ingest.pipeline import ingest

    res = ingest([ROOT / "data" / "sample-minutes"], neo)
    assert not res.failed
    embedded = LadybugStore(sample_db, read_only=True)
    for n in schema.NODES:
        want = embedded.records(f"MATCH (x:{n.label}) RETURN count(x) AS c")[0]["c"]
        assert neo.records(f"MATCH (x:{n.label}) RETURN count(x) AS c")[0]["c"] == want, n.label
    embedded.close()


@live
@skip_live
def test_every_saved_query_runs_on_neo4j_with_the_embedded_row_count(neo, sample_db):
    from graph.queries import saved_queries

    embedded = LadybugStore(sample_db, read_only=True)
    for q in saved_queries():
        want = len(embedded.query(q.text, q.params)[1])
        assert len(neo.query(q.text, q.params)[1]) == want, q.name
    embedded.close()


@live
@skip_live
def test_writing_the_same_graph_twice_changes_nothing(neo, sample_graph):
    first = neo.replace_graph(sample_graph)
    second = neo.replace_graph(sample_graph)
    assert first == second
    total = neo.records("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    assert total == sample_graph.number_of_edges()


@live
@skip_live
def test_push_and_pull_round_trip(sample_db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["push", "--db", str(sample_db)])
    assert res.exit_code == 0, res.output
    assert "Antalen stämmer" in res.output
    res = runner.invoke(cli, ["pull", "--db", str(tmp_path / "pulled.db")])
    assert res.exit_code == 0, res.output
    a = graph_from_store(LadybugStore(sample_db, read_only=True))
    b = graph_from_store(LadybugStore(tmp_path / "pulled.db", read_only=True))
    assert (a.number_of_nodes(), a.number_of_edges()) == (b.number_of_nodes(), b.number_of_edges())


def test_ad_hoc_queries_on_neo4j_are_checked_like_the_embedded_ones():
    """Without a server: the same refusal, before the driver is touched (a store for an unreachable URI)."""
    from graph.store_api import StoreError

    store = Neo4jStore("neo4j://127.0.0.1:1", "neo4j", "x", None, read_only=True)
    for cypher in ("MATCH (n) DETACH DELETE n", "UNWIND range(0, 99999999999) AS x RETURN x"):
        with pytest.raises(StoreError, match="läsfrågor|range"):
            store.query(cypher)


@live
@skip_live
def test_a_write_that_gets_past_the_check_is_refused_by_the_read_transaction(neo, monkeypatch):
    import graph.neo4j_store as ns
    from graph.store_api import StoreError

    monkeypatch.setattr(ns, "check_read_query", lambda cypher: None)
    with pytest.raises(StoreError):
        neo.query("CREATE (:Person {id: 'x'}) RETURN 1", read_only=True)
    assert neo.records("MATCH (p:Person {id: 'x'}) RETURN count(p) AS c")[0]["c"] == 0


@live
@skip_live
def test_a_long_query_on_neo4j_is_stopped(neo):
    from graph.store_api import StoreError

    with pytest.raises(StoreError):
        neo.query("UNWIND range(1, 9000000) AS x WITH x UNWIND range(1, 1000) AS y RETURN count(*)", timeout_ms=200)


@live
@skip_live
def test_neo4j_writes_the_same_changes_as_the_embedded_store(neo, tmp_path):
    """Adding a document and removing it again: Neo4j takes the one-transaction path the embedded store takes,
    and holds the same graph after each step (compared by the digest of tests/test_incremental.py)."""
    from ingest import pipeline
    from tests.test_incremental import POOL, graph_digest

    neo.connect().execute_query("MATCH (n) DETACH DELETE n", database_=neo.database)
    embedded = tmp_path / "embedded.lbug"
    for step in (POOL[:4], POOL[4:5]):
        pipeline.ingest(step, neo)
        pipeline.ingest(step, embedded)
    assert neo.last_write == "changes"
    assert graph_digest(graph_from_store(neo))[0] == graph_digest(graph_from_store(LadybugStore(embedded)))[0]
    pipeline.remove([POOL[4].name], neo)
    pipeline.remove([POOL[4].name], embedded)
    assert neo.last_write == "changes"
    assert graph_digest(graph_from_store(neo))[0] == graph_digest(graph_from_store(LadybugStore(embedded)))[0]


@live
@skip_live
def test_search_on_neo4j_finds_what_the_embedded_index_finds(neo, sample_db):
    """The samples' Done-when searches through Neo4j's full-text indexes: the SocSam → SVOM matter and the SocSam
    decision for 'psykiatri', Maria Östlund first for 'Östlund', each with its quote exactly as the document reads."""
    from graph.search import Query
    from ingest.pipeline import ingest

    assert not ingest([ROOT / "data" / "sample-minutes"], neo).failed
    neo.connect().execute_query("CALL db.awaitIndexes(300)", database_=neo.database)
    embedded = LadybugStore(sample_db, read_only=True)
    texts = {r["id"]: r["text"] for r in embedded.records("MATCH (d:Document) RETURN d.id AS id, d.text AS text")}
    for text, expected in (("psykiatri", {"matter:socsam-2023-03-24#§21", "decision:socsam-2023-03-24#§21/beslut-1"}),
                           ("Östlund", {"person:maria-ostlund"})):
        hits = neo.search(Query(text, limit=40))
        assert expected <= {h["id"] for h in hits}, (text, hits)
        assert expected <= {h["id"] for h in embedded.search(Query(text, limit=40))}
        for h in hits:
            if h["doc"]:
                assert texts[h["doc"]][h["start"]:h["end"]] == h["quote"], h
    assert any(h["kind"] == "passage" and h["doc"] == "doc:svom-2023-10-webbsida"
               for h in neo.search(Query("psykiatri", kind="passage")))
    embedded.close()
