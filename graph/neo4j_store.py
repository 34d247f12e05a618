"""Neo4j behind the same interface as the embedded store (graph.store_api.Store), through the official driver.

- Connection: a bolt/neo4j URI with NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE (or arguments); the database is
  passed on every call (``database_``), so a cluster or Aura routes without guessing.
- Schema: the uniqueness constraints and name indexes generated from graph/schema.py.
- Writes: where the server holds a graph written with digests (graph/store_diff.py: `_digest` on every node,
  `_part` on a Document), only what differs, in one write transaction — the same changes the embedded store
  writes. Otherwise one transaction per document, with batched ``UNWIND $rows … MERGE`` per label and per
  relationship type; a relationship is merged on its ends and its provenance (doc, start, end), so writing the
  same graph twice changes nothing, and what is no longer in the graph is removed at the end.
- Reads: read transactions (routed to readers in a cluster) with a time limit, results in the same plain shape as
  the embedded store: nodes {'_label', '_id', props}, relationships {'_type', '_src', '_dst', props}, paths.
"""
from __future__ import annotations

import os
from collections import defaultdict
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Callable

import networkx as nx

from graph import schema, search, store_diff
from graph.store_common import WHOLE_GRAPH, StoreError, check_read_query, explain_error

BATCH = 1000


def neo4j_settings(uri: str | None = None) -> dict[str, str | None]:
    return {"uri": uri or os.environ.get("NEO4J_URI"), "user": os.environ.get("NEO4J_USER", "neo4j"),
            "password": os.environ.get("NEO4J_PASSWORD"), "database": os.environ.get("NEO4J_DATABASE") or None}


def node_rows(G: nx.MultiDiGraph, nodes, dig: store_diff.Digests | None = None) -> dict[str, list[dict[str, Any]]]:
    """Nodes by label, each as {'id', 'props'} with only the schema's properties and no empty values, and with
    the digests (schema.store_columns) where dig is given."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in nodes:
        d = G.nodes[n]
        label = d["label"]
        allowed = schema.NODE_BY_LABEL[label].props
        props = {k: _value(v) for k, v in d.items() if k in allowed and k != "id" and v not in (None, [])}
        if dig is not None:
            props[schema.DIGEST] = dig.nodes[(label, n)]
            if label == "Document" and n in dig.parts:
                props[schema.PART] = dig.parts[n]
        out[label].append({"id": n, "props": props})
    return out


def rel_rows(G: nx.MultiDiGraph, edges) -> dict[str, list[dict[str, Any]]]:
    """Relationships by type, each as {'src', 'dst', 'doc', 'start', 'end', 'props'}."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for u, v, d in edges:
        rt = schema.REL_BY_TYPE[d["type"]]
        allowed = schema.rel_props(rt)
        props = {k: _value(val) for k, val in d.items() if k in allowed and val is not None}
        out[d["type"]].append({"src": u, "dst": v, "doc": d.get("doc"), "start": d.get("start"),
                               "end": d.get("end"), "props": props})
    return out


def merge_nodes_cypher(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props"


def merge_rels_cypher(rel_type: str, with_role: bool = False) -> str:
    """One relationship per type, ends and provenance span, and role where it has one (a person can attend one
    meeting as ledamot and as ordförande, read from the same row)."""
    role = ", role: row.props.role" if with_role else ""
    return (f"UNWIND $rows AS row MATCH (a {{id: row.src}}) MATCH (b {{id: row.dst}}) "
            f"MERGE (a)-[r:{rel_type} {{doc: row.doc, start: row.start, `end`: row.end{role}}}]->(b) "
            f"SET r += row.props")


def set_nodes_cypher(label: str) -> str:
    """A node's properties replaced whole (a property it no longer has is removed), or the node created."""
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props, n.id = row.id"


def create_rels_cypher(rel_type: str, src: str, dst: str) -> str:
    """A changed part's relationships, created afresh (the part's old ones were deleted in the same transaction)."""
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
            f"CREATE (a)-[r:{rel_type}]->(b) SET r = row.props")


def delete_parts_cypher(rel_type: str) -> str:
    return f"MATCH ()-[r:{rel_type}]->() WHERE r.doc IN $docs DELETE r"


def delete_nodes_cypher(label: str) -> str:
    return f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n"


def digests_cypher(label: str) -> str:
    part = f", n.{schema.PART} AS part" if label == "Document" else ""
    return f"MATCH (n:{label}) RETURN n.id AS id, n.{schema.DIGEST} AS digest" + part


def remove_stale_nodes_cypher(label: str) -> str:
    return f"MATCH (n:{label}) WHERE NOT n.id IN $ids DETACH DELETE n"


def remove_stale_rels_cypher(rel_type: str) -> str:
    return (f"MATCH (a)-[r:{rel_type}]->(b) WHERE NOT [r.doc, r.start, r.`end`, a.id, b.id] IN $keys "
            f"DELETE r")


def _value(v: Any) -> Any:
    if isinstance(v, (set, tuple)):
        return [str(x) for x in v]
    return v


def _batches(rows: list, size: int = BATCH):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class Neo4jStore:
    """The graph in Neo4j: the graph.store_api.Store interface, and ``dialect = 'neo4j'`` for the few places where
    the two engines' Cypher differs."""

    dialect = "neo4j"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None, database: str | None = None,
                 read_only: bool = True):
        self.uri, self.user, self.password, self.database = uri, user, password, database
        self.read_only = read_only
        self.path = uri  # what messages name
        self._driver = None
        self.last_write: str | None = None  # how replace_graph wrote: "changes" (one transaction) or "parts"

    @classmethod
    def from_env(cls, uri: str | None = None, read_only: bool = True) -> "Neo4jStore":
        s = neo4j_settings(uri)
        if not s["uri"]:
            raise StoreError("ingen Neo4j angiven: ge --neo4j URI eller sätt NEO4J_URI")
        return cls(s["uri"], s["user"], s["password"], s["database"], read_only=read_only)

    # ------------------------------------------------------------ lifecycle
    def connect(self):
        if self._driver is None:
            import neo4j

            try:
                auth = (self.user, self.password) if self.password is not None else None
                self._driver = neo4j.GraphDatabase.driver(self.uri, auth=auth)
                self._driver.verify_connectivity()
            except Exception as e:  # the driver raises several kinds; all mean the same to the user
                self._driver = None
                raise StoreError(f"{self.uri}: Neo4j kunde inte nås ({type(e).__name__}: {' '.join(str(e).split())[:300]}); "
                                 f"kontrollera adressen, NEO4J_USER och NEO4J_PASSWORD") from None
        return self._driver

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def exists(self) -> bool:
        try:
            return bool(self.records("MATCH (d:Document) RETURN count(d) AS n")[0]["n"])
        except StoreError:
            return False

    def create_schema(self) -> None:
        driver = self.connect()
        for stmt in [*schema.neo4j_constraints(), *search.neo4j_indexes()]:
            driver.execute_query(stmt, database_=self.database)

    # ------------------------------------------------------------ writing
    def writing(self, waiting: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """Nothing to hold: there is no file to lock beside a server, which orders its own transactions (each
        document's facts are one). Two ingests into one server at once are not kept apart here: the one that
        replaces the graph last decides it. waiting is never called."""
        return nullcontext()

    def replace_graph(self, G: nx.MultiDiGraph) -> dict[str, int]:
        """Make the database hold G: where a graph with digests is stored and less than
        store_diff.REWRITE_SHARE of it changes, the changes in one transaction; else each document's facts in one
        transaction, then what G no longer has removed."""
        if self.read_only:
            raise StoreError(f"{self.uri}: öppnad för läsning")
        self.create_schema()
        driver = self.connect()
        dig = store_diff.digests(G)
        if dig is not None:
            stored = self._stored_digests()
            if stored is not None:
                ch = store_diff.changes(dig, *stored)
                if ch.worth_writing(*stored):
                    if not ch.empty():
                        with driver.session(database=self.database) as session:
                            session.execute_write(self._write_changes, G, dig, ch)
                    self.last_write = "changes"
                    return store_diff.graph_counts(G)
        self.last_write = "parts"
        by_doc: dict[str, list] = defaultdict(list)
        for u, v, d in G.edges(data=True):
            by_doc[d.get("doc") or ""].append((u, v, d))
        written: set[str] = set()
        with driver.session(database=self.database) as session:
            for did in sorted(by_doc, key=lambda k: (k not in G, k)):
                edges = by_doc[did]
                touched = {did} if did in G else set()
                for u, v, _ in edges:
                    touched |= {u, v}
                session.execute_write(self._write_part, G, sorted(touched - written), edges, dig)
                written |= touched
            rest = [n for n in G.nodes if n not in written]
            if rest:
                session.execute_write(self._write_part, G, rest, [], dig)
            session.execute_write(self._remove_stale, G)
        return store_diff.graph_counts(G)

    def _stored_digests(self) -> tuple[dict[tuple[str, str], str], dict[str, str]] | None:
        """The digests the server holds, or None where a node has none (written before digests, or by hand)."""
        nodes: dict[tuple[str, str], str] = {}
        parts: dict[str, str] = {}
        for nt in schema.NODES:
            for r in self.records(digests_cypher(nt.label), **WHOLE_GRAPH):
                if r["digest"] is None:
                    return None
                nodes[(nt.label, r["id"])] = r["digest"]
                if r.get("part"):
                    parts[r["id"]] = r["part"]
        return nodes, parts

    @staticmethod
    def _write_changes(tx, G: nx.MultiDiGraph, dig: store_diff.Digests, ch: store_diff.Changes) -> None:
        """The same changes as the embedded store's apply_changes, in the caller's one transaction."""
        if ch.parts_gone:
            for rt in schema.RELS:
                tx.run(delete_parts_cypher(rt.type), docs=ch.parts_gone)
        for label, ids in ch.nodes_gone.items():
            for batch in _batches(ids):
                tx.run(delete_nodes_cypher(label), ids=batch)
        changed = [n for ids in (*ch.nodes_changed.values(), *ch.nodes_new.values()) for n in ids]
        for label, rows in node_rows(G, changed, dig).items():
            for batch in _batches(rows):
                tx.run(set_nodes_cypher(label), rows=batch)
        nodes = G._node
        by_rel: dict[tuple[str, str, str], list] = defaultdict(list)
        for u, v, d in store_diff.edges_of(G, ch.parts_new):
            by_rel[(d["type"], nodes[u]["label"], nodes[v]["label"])].append((u, v, d))
        for (rel_type, a, b), edges in by_rel.items():
            rows = [{"src": r["src"], "dst": r["dst"], "props": r["props"]} for r in rel_rows(G, edges)[rel_type]]
            for batch in _batches(rows):
                tx.run(create_rels_cypher(rel_type, a, b), rows=batch)

    @staticmethod
    def _write_part(tx, G: nx.MultiDiGraph, nodes: list[str], edges: list,
                    dig: store_diff.Digests | None = None) -> None:
        for label, rows in node_rows(G, nodes, dig).items():
            for batch in _batches(rows):
                tx.run(merge_nodes_cypher(label), rows=batch)
        for rel_type, rows in rel_rows(G, edges).items():
            for with_role in (False, True):
                part = [r for r in rows if (r["props"].get("role") is not None) == with_role]
                for batch in _batches(part):
                    tx.run(merge_rels_cypher(rel_type, with_role), rows=batch)

    @staticmethod
    def _remove_stale(tx, G: nx.MultiDiGraph) -> None:
        for nt in schema.NODES:
            ids = [n for n, d in G.nodes(data=True) if d["label"] == nt.label]
            tx.run(remove_stale_nodes_cypher(nt.label), ids=ids)
        for rt in schema.RELS:
            keys = [[d.get("doc"), d.get("start"), d.get("end"), u, v] for u, v, d in G.edges(data=True)
                    if d["type"] == rt.type]
            tx.run(remove_stale_rels_cypher(rt.type), keys=keys)

    # ------------------------------------------------------------ reading
    def query(self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True,
              timeout_ms: int = 30000, max_rows: int = 100000) -> tuple[list[str], list[list[Any]]]:
        if read_only:
            check_read_query(cypher)
        import neo4j

        driver = self.connect()

        def work(tx):
            res = tx.run(cypher, params or {})
            cols = list(res.keys())
            rows = []
            for rec in res:
                if len(rows) >= max_rows:
                    break
                rows.append([to_plain(v) for v in rec.values()])
            return cols, rows

        tx_fn = neo4j.unit_of_work(timeout=timeout_ms / 1000)(work)
        try:
            with driver.session(database=self.database,
                                default_access_mode=neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS) as s:
                return s.execute_read(tx_fn) if read_only else s.execute_write(tx_fn)
        except neo4j.exceptions.Neo4jError as e:
            raise StoreError(explain_error(e.message or str(e), cypher)) from None
        except neo4j.exceptions.DriverError as e:
            raise StoreError(f"{self.uri}: {type(e).__name__}: {' '.join(str(e).split())[:200]}") from None

    def records(self, cypher: str, params: dict[str, Any] | None = None, **kw) -> list[dict[str, Any]]:
        cols, rows = self.query(cypher, params, **kw)
        return [dict(zip(cols, r)) for r in rows]

    def load_documents(self) -> list[dict[str, Any]]:
        return [r["d"] for r in self.records("MATCH (d:Document) RETURN d", **WHOLE_GRAPH)]

    # ------------------------------------------------------------ searching
    def search(self, q: search.Query) -> list[dict[str, Any]]:
        """What a search finds through Neo4j's full-text indexes (search.neo4j_indexes, made with the schema):
        more is asked of the index than the limit, since the filters are applied to its rows here."""
        params = {"query": search.neo4j_query(q), "limit": q.limit * 5}
        q.terms  # a search of no words is refused before the server is asked
        nodes = [] if q.kind == "passage" else self.records(search.NEO4J_NODES, params)
        documents = self.records(search.NEO4J_DOCUMENTS, params) if q.kind in (None, "passage") else []
        ids = sorted({b for r in nodes for b in (r.get("bodies") or [])} | {r["id"] for r in nodes
                                                                            if r["label"] == "Body"}
                     | {b for r in documents for b in (r.get("bodies") or [])})
        bodies = {r["id"]: r for r in self.records(search.NEO4J_BODIES, {"ids": ids})} if ids else {}
        return search.neo4j_hits(q, nodes, documents, bodies)


def to_plain(v: Any) -> Any:
    """Driver values -> the plain shape graph.store.to_plain gives for the embedded engine."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(v, Node):
        out = {k: to_plain(x) for k, x in v.items()}
        out["_label"] = next(iter(v.labels), None)
        out["_id"] = v.element_id
        return out
    if isinstance(v, Relationship):
        out = {k: to_plain(x) for k, x in v.items()}
        out["_type"] = v.type
        out["_src"], out["_dst"] = v.start_node.element_id, v.end_node.element_id
        return out
    if isinstance(v, Path):
        return {"_path": True, "nodes": [to_plain(n) for n in v.nodes], "rels": [to_plain(r) for r in v.relationships]}
    if isinstance(v, list):
        return [to_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: to_plain(x) for k, x in v.items()}
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v
