"""The ingest pipeline as a whole: parallel extraction gives the same graph as one process."""
from pathlib import Path

from graph.store import LadybugStore
from ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]


def counts(db: Path) -> dict:
    store = LadybugStore(db)
    rows = store.records("MATCH (n) RETURN label(n) AS l, count(n) AS c")
    rels = store.records("MATCH ()-[r]->() RETURN label(r) AS l, count(r) AS c")
    store.close()
    return {r["l"]: r["c"] for r in rows + rels}


def facts(db: Path) -> list[tuple]:
    store = LadybugStore(db)
    rows = store.query("MATCH (a)-[r]->(b) RETURN a.id, label(r), b.id, r.doc, r.start, r.`end`, r.quote, r.rule")[1]
    store.close()
    return sorted(map(tuple, rows), key=repr)


def test_two_processes_give_the_same_graph_as_one(tmp_path):
    # worker processes send the packed extraction back and the parent rebuilds it: every fact must survive that
    one = ingest([ROOT / "data"], tmp_path / "one.db", jobs=1)
    two = ingest([ROOT / "data"], tmp_path / "two.db", jobs=2)
    assert one.added == two.added and len(one.added) >= 25
    assert [str(w) for w in one.warnings] == [str(w) for w in two.warnings]
    assert counts(tmp_path / "one.db") == counts(tmp_path / "two.db")
    assert facts(tmp_path / "one.db") == facts(tmp_path / "two.db")
