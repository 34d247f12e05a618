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


def test_two_processes_give_the_same_graph_as_one(tmp_path):
    one = ingest([ROOT / "data" / "sample-minutes"], tmp_path / "one.db", jobs=1)
    two = ingest([ROOT / "data" / "sample-minutes"], tmp_path / "two.db", jobs=2)
    assert one.added == two.added and len(one.added) == 5
    assert counts(tmp_path / "one.db") == counts(tmp_path / "two.db")
