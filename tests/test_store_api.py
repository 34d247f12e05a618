"""One store interface: both engines implement graph.store_api.Store in full, with the same signatures, and
open_store is the one place that picks an engine."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from graph.neo4j_store import Neo4jStore
from graph.store import LadybugStore
from graph.store_api import Store, open_store, write_target

ROOT = Path(__file__).resolve().parents[1]
METHODS = sorted(n for n, v in vars(Store).items() if callable(v) and not n.startswith("_"))
ATTRIBUTES = sorted(Store.__annotations__)


def _unreachable_neo4j(read_only: bool = True) -> Neo4jStore:
    return Neo4jStore("neo4j://127.0.0.1:1", "neo4j", "x", None, read_only=read_only)


def test_the_protocol_declares_what_callers_use():
    assert {"exists", "connect", "close", "writing", "replace_graph", "query", "records",
            "load_documents"} <= set(METHODS)
    assert {"dialect", "path", "read_only"} <= set(ATTRIBUTES)


@pytest.mark.parametrize("cls", [LadybugStore, Neo4jStore])
def test_each_engine_has_every_method_with_the_protocols_signature(cls):
    for name in METHODS:
        assert name in vars(cls), f"{cls.__name__} has no {name}() of its own"
        want = inspect.signature(getattr(Store, name)).parameters
        have = inspect.signature(getattr(cls, name)).parameters
        assert [(p.name, p.kind, p.default) for p in have.values()] == \
               [(p.name, p.kind, p.default) for p in want.values()], f"{cls.__name__}.{name}"


def test_both_engines_are_stores(tmp_path):
    for store in (LadybugStore(tmp_path / "g.db"), _unreachable_neo4j()):
        assert isinstance(store, Store)
        for name in ATTRIBUTES:
            assert hasattr(store, name), f"{type(store).__name__}.{name}"
    assert {LadybugStore.dialect, Neo4jStore.dialect} == {"ladybug", "neo4j"}


def test_open_store_picks_the_embedded_file_unless_neo4j_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("GOVGRAPH_DB", str(tmp_path / "env.db"))
    assert isinstance(open_store(), LadybugStore) and open_store().path == tmp_path / "env.db"
    assert open_store(tmp_path / "a.db").path == tmp_path / "a.db"
    assert open_store(tmp_path / "a.db", read_only=False).read_only is False
    named = open_store(tmp_path / "a.db", "bolt://127.0.0.1:9")
    assert isinstance(named, Neo4jStore) and named.path == "bolt://127.0.0.1:9"
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:8")
    assert isinstance(open_store(tmp_path / "a.db"), Neo4jStore)
    # push and pull ask for an engine whatever NEO4J_URI says
    assert isinstance(open_store(tmp_path / "a.db", engine="ladybug"), LadybugStore)
    assert open_store(engine="neo4j").path == "bolt://127.0.0.1:8"
    with pytest.raises(ValueError):
        open_store(engine="sqlite")  # type: ignore[arg-type]


def test_write_target_is_the_file_for_the_pipeline_or_the_server_store(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert write_target(tmp_path / "a.db") == tmp_path / "a.db"
    server = write_target(tmp_path / "a.db", "bolt://127.0.0.1:9")
    assert isinstance(server, Neo4jStore) and server.read_only is False


def test_neo4j_writing_holds_nothing_and_never_waits():
    told = []
    with _unreachable_neo4j(read_only=False).writing(told.append):
        pass
    assert told == []


def test_the_embedded_writing_is_the_file_lock(tmp_path):
    db = tmp_path / "g.db"
    with LadybugStore(db, read_only=False).writing():
        assert Path(str(db) + ".lock").exists()


def test_only_the_store_modules_construct_an_engine():
    """open_store picks the engine; the engines' own modules and the pipeline (which opens the database file it is
    given) are the only others that name a constructor."""
    allowed = {"graph/store_api.py", "graph/store.py", "graph/neo4j_store.py", "ingest/pipeline.py"}
    files = [*ROOT.glob("graph/**/*.py"), *ROOT.glob("ingest/**/*.py"), *ROOT.glob("govgraph/**/*.py"),
             ROOT / "app.py"]
    found = []
    for f in files:
        rel = f.relative_to(ROOT).as_posix()
        if rel in allowed:
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in ("LadybugStore", "Neo4jStore", "Neo4jStore.from_env"):
                    found.append(f"{rel}:{node.lineno}: {name}(…)")
    assert not found, "open a store with graph.store_api.open_store: " + "; ".join(found)


def test_the_projects_own_reads_of_the_whole_graph_have_no_row_limit(sample_db, monkeypatch):
    """A user's query stops at a row limit; the graph read whole (for the search index, export, push, an ingest's
    stored documents) must not: with the limit cut to 3 rows, every node, relationship and document still comes."""
    from graph.store_api import graph_from_store, open_store

    full = graph_from_store(open_store(sample_db))
    monkeypatch.setitem(LadybugStore.query.__kwdefaults__, "max_rows", 3)
    store = open_store(sample_db)
    try:
        assert len(store.records("MATCH (n:Person) RETURN n.id")) == 3  # the cut holds for a query
        G = graph_from_store(store)
        assert (G.number_of_nodes(), G.number_of_edges()) == (full.number_of_nodes(), full.number_of_edges())
        assert len(store.load_documents()) == 5
    finally:
        store.close()
