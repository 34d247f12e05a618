"""The store interface callers use, whichever engine holds the graph: the `Store` protocol, `open_store` (the one
place that picks an engine), and what works the same on either (`graph_from_store`).

    graph/store_api.py       Store, open_store, write_target, graph_from_store      <- callers import this
    graph/store.py           LadybugStore: the embedded database file
    graph/neo4j_store.py     Neo4jStore: a Neo4j server over bolt
    graph/store_common.py    StoreError, the read-query check, limits, the default file   <- both engines import this

The engine modules never import each other nor this one; this one imports both."""
from __future__ import annotations

import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Callable, Literal, Protocol, runtime_checkable

import networkx as nx

from graph import schema
from graph.neo4j_store import Neo4jStore
from graph.search import Query
from graph.store import LadybugStore
from graph.store_common import StoreError, default_db_path, query_limits, read_graph

__all__ = ["ENGINES", "Store", "StoreError", "default_db_path", "graph_from_store", "open_store", "query_limits",
           "write_target"]

ENGINES = ("ladybug", "neo4j")


@runtime_checkable
class Store(Protocol):
    """What both engines offer. Results come back in one plain shape: rows of plain values, nodes as
    {'_label', '_id', props}, relationships as {'_type', '_src', '_dst', props}, paths as {'_path', nodes, rels}."""

    dialect: str  # 'ladybug' or 'neo4j': the few places where the two engines' Cypher differs ask this
    path: Any  # what messages name: the database file (a Path) or the server's URI
    read_only: bool

    def exists(self) -> bool:
        """Whether there is a graph to read (a database file; a server holding documents)."""
        ...

    def connect(self) -> Any:
        """Open the connection now (it is otherwise opened by the first query); a StoreError says why not."""
        ...

    def close(self) -> None:
        """Let go of the connection; the store opens it again when asked."""
        ...

    def writing(self, waiting: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """Hold the right to write for a run of reads and writes (an ingest); waiting is told once if it waits."""
        ...

    def replace_graph(self, G: nx.MultiDiGraph) -> dict[str, int]:
        """Make the store hold G and nothing else, all or nothing; the counts per label and type written."""
        ...

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True,
              timeout_ms: int = 30000, max_rows: int = 100000) -> tuple[list[str], list[list[Any]]]:
        """(columns, rows) of a Cypher query; a read query is checked first (no writes, no huge ranges)."""
        ...

    def records(self, cypher: str, params: dict[str, Any] | None = None, **kw: Any) -> list[dict[str, Any]]:
        """The query's rows as dicts by column."""
        ...

    def load_documents(self) -> list[dict[str, Any]]:
        """Every stored Document with its text and cached extraction, for a rebuild."""
        ...

    def search(self, q: Query) -> list[dict[str, Any]]:
        """The entries (graph/search.py) a search finds, best first, each with its id or document span and quote."""
        ...


def open_store(db: str | Path | None = None, neo4j: str | None = None, *, read_only: bool = True,
               engine: Literal["ladybug", "neo4j"] | None = None) -> Store:
    """The store a command works on, and the one place that picks an engine: Neo4j when a URI is given (neo4j, or
    NEO4J_URI), else the embedded database file (db, GOVGRAPH_DB or data/graph/govgraph.db). engine asks for one
    of them whatever NEO4J_URI says: `govgraph push` and `pull` copy from one to the other."""
    if engine is None:
        engine = "neo4j" if neo4j or os.environ.get("NEO4J_URI") else "ladybug"
    if engine == "neo4j":
        return Neo4jStore.from_env(neo4j, read_only=read_only)
    if engine == "ladybug":
        return LadybugStore(Path(db) if db else default_db_path(), read_only=read_only)
    raise ValueError(f"engine {engine!r}: expected one of {ENGINES}")


def write_target(db: str | Path | None = None, neo4j: str | None = None) -> Store | Path:
    """What an ingest or a removal writes into (ingest.pipeline takes either): the Neo4j store when one is named,
    else the embedded database file's path, which the pipeline opens itself (it holds the file's write lock and
    reads a graph of an older version without the schema check, to rebuild it)."""
    store = open_store(db, neo4j, read_only=False)
    return store.path if isinstance(store, LadybugStore) else store


def graph_from_store(store: Store) -> nx.MultiDiGraph:
    """The whole graph of a store (either engine) as networkx, for copying it to the other engine."""
    return read_graph(store.records)
