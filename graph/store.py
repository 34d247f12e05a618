"""The embedded Cypher store (ladybug): schema DDL from graph.schema, bulk writes, read-only queries; the
graph.store_api.Store interface on one database file.

A write changes only what differs from the stored graph (graph/store_diff.py), in one transaction: a reader
sees the old graph or the new one, and a writer killed at any moment leaves the old one (the engine's write-ahead
log is replayed or dropped when the file is next opened). A graph that is new, of an older version or mostly
changed is built into a new database file beside the old one instead, and swapped in with one rename.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from contextlib import AbstractContextManager, contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import networkx as nx
import pyarrow as pa

from graph import schema, search_index, store_diff
from graph.search import Query
from graph.store_common import WHOLE_GRAPH, StoreError, check_read_query, env_number, explain_error, read_graph


def _lb():
    import ladybug

    return ladybug


class LadybugStore:
    """One database file. Open read-only for queries; `replace_graph` writes a whole new graph atomically."""

    dialect = "ladybug"

    def __init__(self, path: str | Path, read_only: bool = True, check_schema: bool = True):
        self.path = Path(path)
        self.read_only = read_only
        self.check_schema = check_schema and read_only
        self._db = None
        self._conn = None
        self._lock = threading.Lock()
        self.last_write: str | None = None  # how replace_graph wrote: "changes" (one transaction) or "file"
        self.last_index: str | None = None  # how replace_graph wrote the search index: "changes" or "file"

    # ------------------------------------------------------------ lifecycle
    def exists(self) -> bool:
        return self.path.exists()

    def connect(self):
        if self._conn is None:
            lb = _lb()
            if self.read_only and not self.path.exists():
                raise StoreError(f"{self.path}: ingen graf finns här ännu; kör först `govgraph ingest data/`")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    self._db = lb.Database(str(self.path), read_only=self.read_only)
                except RuntimeError as e:
                    if not (self.read_only and "recovery is pending" in str(e)):
                        raise
                    self._db = self._after_checkpoint(lb)
                self._conn = lb.Connection(self._db)
            except RuntimeError as e:
                msg = str(e).splitlines()[0]
                if "lock" in msg.lower():
                    raise StoreError(f"{self.path}: databasen används av en annan skrivande process; "
                                     f"vänta tills den är klar") from None
                raise StoreError(f"{self.path}: databasen kunde inte öppnas ({msg}); "
                                 f"ta bort filen och kör ingest igen") from None
            if self.check_schema:
                self._check_schema()
        return self._conn

    def _after_checkpoint(self, lb):
        """Open read-only a database whose writer is writing its log into the file (the last step of writing
        changes, graph/store_diff.py), which the engine refuses to read meanwhile: wait for the writer's lock,
        and where the writer was killed in that step, finish the step (a read-write open does) before reading."""
        with _write_lock(self.path):
            db = lb.Database(str(self.path))
            db.close()
        return lb.Database(str(self.path), read_only=True)

    def _check_schema(self) -> None:
        """A graph written by an older version lacks tables or properties the queries use: one message that
        says how to rebuild it (the documents are kept in the graph and read again), instead of a query error."""
        for name, want, _, have in _table_columns(self._conn):
            if want - have:
                missing = sorted(want - have)[0] if have else "(tabellen)"
                self.close()
                raise StoreError(f"{self.path}: grafen byggdes av en äldre version av govgraph ({name}.{missing} "
                                 f"saknas); bygg om den med `govgraph ingest data/` – dokumenten läses om och "
                                 f"inget går förlorat")

    def close(self) -> None:
        self._conn = None
        self._db = None

    # ------------------------------------------------------------ writing
    @staticmethod
    def create_schema(conn) -> None:
        for ddl in schema.ladybug_ddl():
            conn.execute(ddl)

    def writing(self, waiting: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """Hold the database's write lock (see _write_lock) for a run of reads and writes: an ingest. waiting
        is told once when another writer holds it."""
        return _write_lock(self.path, waiting)

    def replace_graph(self, G: nx.MultiDiGraph) -> dict[str, int]:
        """Make the database hold G: the differences in one transaction where a graph of this version is stored
        and less than store_diff.REWRITE_SHARE of it changes, else a new file swapped in. Either way a reader
        sees the old graph or the new one, and a writer killed at any moment leaves the old one (or, killed
        after its transaction committed, the new one)."""
        self.close()
        dig = store_diff.digests(G)
        with _write_lock(self.path):
            # the search index is made while the graph is written (in a thread), waited for before the graph is
            # committed and put in place after it, stamped with the file as written: a writer killed between the
            # two leaves an index that search_index sees is not of this graph
            index = search_index.Preparing(G, self.path)

            def index_ready() -> None:
                try:
                    index.wait()
                except OSError as e:
                    raise StoreError(f"{search_index.index_path(self.path)}: sökindexet kunde inte skrivas "
                                     f"({e.strerror}); grafen är oförändrad. Kontrollera att det finns plats på "
                                     f"disken och att mappen går att skriva i, och kör igen") from None

            try:
                if dig is not None and self.path.exists() and self._write_changes(G, dig, index_ready):
                    self.last_write = "changes"
                    counts = store_diff.graph_counts(G)
                else:
                    self.last_write = "file"
                    counts = self._write_new_file(G, dig, index_ready)
            except BaseException:
                index.discard()
                raise
            index.install()
            self.last_index = "changes" if index.updated else "file"
            return counts

    def _write_changes(self, G: nx.MultiDiGraph, dig: store_diff.Digests, ready: Callable[[], object]) -> bool:
        """Write what differs between the stored graph and G in one transaction, committed once ready() returns;
        False (nothing written) where the stored graph lacks this version's tables and columns or would change too
        much to be worth it."""
        lb = _lb()
        try:
            db = lb.Database(str(self.path))
            conn = lb.Connection(db)
        except RuntimeError:
            return False  # a file that does not open is replaced whole
        try:
            stored = _stored_digests(conn)
            if stored is None:
                return False
            ch = store_diff.changes(dig, *stored)
            if not ch.worth_writing(*stored):
                return False
            if ch.empty():
                return True
            conn.execute("BEGIN TRANSACTION")
            try:
                apply_changes(conn, G, dig, ch)
                ready()
                conn.execute("COMMIT")
            except BaseException:
                try:
                    conn.execute("ROLLBACK")
                except RuntimeError:
                    pass
                raise
            # the log written into the file now rather than when the database closes: the file is the whole graph
            # again (a copy of it is a backup) and its time tells the explorer that the graph changed
            conn.execute("CHECKPOINT")
            return True
        finally:
            del conn
            del db

    def _write_new_file(self, G: nx.MultiDiGraph, dig: store_diff.Digests | None,
                        ready: Callable[[], object]) -> dict[str, int]:
        """Write G into a fresh database beside the current one, then, once ready() returns, swap it in with one
        rename."""
        tmp = self.path.with_name(self.path.name + f".building-{os.getpid()}")
        _remove_db(tmp)
        lb = _lb()
        # one explicit checkpoint at the end: an automatic one after every COPY cost three times the COPY
        db = lb.Database(str(tmp), auto_checkpoint=False)
        conn = lb.Connection(db)
        try:
            self.create_schema(conn)
            counts = write_graph(conn, G, dig)
            conn.execute("CHECKPOINT")
            ready()
        except BaseException:
            del conn
            del db
            _remove_db(tmp)
            raise
        del conn
        del db
        wal = Path(str(tmp) + ".wal")
        if wal.exists() and wal.stat().st_size:  # checkpointed: the database is one file
            _remove_db(tmp)
            raise StoreError(f"{self.path}: den nya grafen kunde inte skrivas klart; den tidigare finns kvar")
        wal.unlink(missing_ok=True)
        Path(str(self.path) + ".wal").unlink(missing_ok=True)
        os.replace(tmp, self.path)
        return counts

    # ------------------------------------------------------------ searching
    def search(self, q: Query) -> list[dict[str, Any]]:
        """What a search finds in the index beside the database file; an index that is missing or not of the graph
        the file holds (a writer killed between the two, a graph written by an older version) is built first."""
        try:
            return search_index.search(self.path, q)
        except search_index.StaleIndex:
            self.rebuild_index()
            return search_index.search(self.path, q)

    def rebuild_index(self) -> None:
        """Build the search index of the stored graph, under the write lock so that no writer changes the graph
        while it is read."""
        if not self.path.exists():
            raise StoreError(f"{self.path}: ingen graf finns här ännu; kör först `govgraph ingest data/`")
        try:
            with _write_lock(self.path):
                if search_index.current(self.path):
                    return
                self.close()  # a connection opened before a writer swapped the file in would read the old graph
                G = read_graph(self.records)
                self.close()
                search_index.install(search_index.build(G, self.path), self.path)
        except OSError as e:
            raise StoreError(f"{search_index.index_path(self.path)}: sökindexet kunde inte byggas ({e.strerror}); "
                             f"kontrollera att mappen går att skriva i") from None

    # ------------------------------------------------------------ reading
    def query(self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True,
              timeout_ms: int = 30000, max_rows: int = 100000) -> tuple[list[str], list[list[Any]]]:
        if read_only:
            check_read_query(cypher)
        conn = self.connect()
        with self._lock:
            try:
                conn.set_query_timeout(timeout_ms)
                res = conn.execute(cypher, params or {})
            except RuntimeError as e:
                raise StoreError(explain_error(str(e), cypher)) from None
            cols = res.get_column_names()
            rows = []
            while res.has_next():
                if len(rows) >= max_rows:
                    break
                rows.append([to_plain(v) for v in res.get_next()])
        return cols, rows

    def records(self, cypher: str, params: dict[str, Any] | None = None, **kw) -> list[dict[str, Any]]:
        cols, rows = self.query(cypher, params, **kw)
        return [dict(zip(cols, r)) for r in rows]

    def load_documents(self) -> list[dict[str, Any]]:
        """Every stored Document with its text and cached extraction, for a rebuild."""
        if not self.exists():
            return []
        return [r["d"] for r in self.records("MATCH (d:Document) RETURN d", **WHOLE_GRAPH)]


def _internal_id(v: Any) -> str:
    """The engine's own node id ({'table': 3, 'offset': 9} -> '3:9'): what joins a relationship to its ends."""
    return f"{v.get('table')}:{v.get('offset')}" if isinstance(v, dict) else str(v)


def to_plain(v: Any) -> Any:
    """ladybug values -> one plain shape: nodes {'_label', props}, relationships {'_type', props}, paths."""
    if isinstance(v, dict):
        if "_NODES" in v and "_RELS" in v:
            return {"_path": True, "nodes": [to_plain(n) for n in v["_NODES"]],
                    "rels": [to_plain(r) for r in v["_RELS"]]}
        if "_SRC" in v and "_DST" in v:
            out = {k: to_plain(x) for k, x in v.items() if not k.startswith("_")}
            out["_type"] = v.get("_LABEL")
            out["_src"], out["_dst"] = _internal_id(v["_SRC"]), _internal_id(v["_DST"])
            return out
        if "_LABEL" in v and "_ID" in v:
            out = {k: to_plain(x) for k, x in v.items() if not k.startswith("_")}
            out["_label"] = v["_LABEL"]
            out["_id"] = _internal_id(v["_ID"])
            return out
        return {k: to_plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_plain(x) for x in v]
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, Decimal):  # sum() of integers comes back as a decimal
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def _remove_db(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal"), Path(str(path) + ".shadow")):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()


_HELD: set[tuple[str, int]] = set()  # (database, thread) pairs whose write lock is held in this process


def lock_wait() -> float:
    """Seconds a second writer waits for the first before it stops (GOVGRAPH_LOCK_WAIT, default ten minutes)."""
    return env_number("GOVGRAPH_LOCK_WAIT", 600, minimum=0)


@contextmanager
def _write_lock(path: Path, waiting=None):
    """One writer at a time: an advisory lock on a file beside the database, held for a whole ingest (from
    reading what is stored to the swap), so that a second ingest cannot write a graph that lacks the first
    one's documents. The second waits (saying so once through waiting) and stops with a clear message after
    lock_wait() seconds. Re-entrant within a thread (two of the explorer's sessions are two threads, and the
    second waits like another process). The lock dies with its process, SIGKILL included."""
    import fcntl

    key = (str(path.resolve()), threading.get_ident())
    if key in _HELD:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = Path(str(path) + ".lock")
    with open(lock, "a+") as f:
        deadline = time.monotonic() + lock_wait()
        told = False
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    raise StoreError(f"{path}: en annan inläsning skriver till databasen; försök igen när den är "
                                     f"klar (eller vänta längre med GOVGRAPH_LOCK_WAIT=sekunder)") from None
                if waiting and not told:
                    waiting(f"{path}: en annan inläsning pågår; väntar på att den ska bli klar …")
                    told = True
                time.sleep(0.2)
        _HELD.add(key)
        try:
            _remove_stale_builds(path)
            yield
        finally:
            _HELD.discard(key)
            fcntl.flock(f, fcntl.LOCK_UN)


def _remove_stale_builds(path: Path) -> None:
    """A killed writer leaves its half-built database beside the real one; whoever holds the lock next
    removes it (no other writer can be building while the lock is held)."""
    for p in path.parent.glob(path.name + ".building-*"):
        _remove_db(p)


def _table_columns(conn):
    """For every table of the schema: its name, the graph's properties in it, the store's own columns
    (schema.store_columns) and the columns the database has (none where the table is missing)."""
    for kind, items in (("node", schema.NODES), ("rel", schema.RELS)):
        for t in items:
            name = t.label if kind == "node" else t.type
            props = set(t.props) if kind == "node" else set(schema.rel_props(t))
            own = set(schema.store_columns(t.label)) if kind == "node" else set()
            try:
                res = conn.execute(f"CALL table_info('{name}') RETURN name")
                have = set()
                while res.has_next():
                    have.add(res.get_next()[0])
            except RuntimeError:
                have = set()
            yield name, props, own, have


def _stored_digests(conn) -> tuple[dict[tuple[str, str], str], dict[str, str]] | None:
    """The digests the database holds, or None where its tables or columns are not this version's (a graph
    written before digests, or before a property was added: it is written anew)."""
    if any(have != props | own for _, props, own, have in _table_columns(conn)):
        return None
    nodes: dict[tuple[str, str], str] = {}
    parts: dict[str, str] = {}
    for nt in schema.NODES:
        document = nt.label == "Document"
        cypher = f"MATCH (n:{nt.label}) RETURN n.id, n.{schema.DIGEST}"
        res = conn.execute(cypher + (f", n.{schema.PART}" if document else ""))
        while res.has_next():
            row = res.get_next()
            nodes[(nt.label, row[0])] = row[1]
            if document and row[2]:
                parts[row[0]] = row[2]
    return nodes, parts


def apply_changes(conn, G: nx.MultiDiGraph, dig: store_diff.Digests, ch: store_diff.Changes) -> None:
    """The changes inside the caller's transaction: the changed parts' relationships deleted, the nodes that
    are gone deleted, changed nodes' properties set, new nodes created, the changed parts written again.

    Statements, not COPY: a COPY into a table that holds rows makes the commit write the table's pages again
    (0.8 s on a body's series of 200 protocols), where these statements' commit writes only what they changed."""
    if ch.parts_gone:
        for rt in schema.RELS:
            conn.execute(f"MATCH ()-[r:{rt.type}]->() WHERE r.doc IN $docs DELETE r", {"docs": ch.parts_gone})
    for label, ids in ch.nodes_gone.items():
        conn.execute(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", {"ids": ids})
    for label, ids in ch.nodes_changed.items():
        cols = _columns(schema.NODE_BY_LABEL[label].props, schema.store_columns(label))
        sets = ", ".join(f"n.{name} = {value}" for name, value in cols if name != "id")
        rows = _node_rows(G, dig, label, ids)
        conn.execute(f"UNWIND $rows AS r MATCH (n:{label} {{id: r.id}}) SET {sets}", {"rows": rows})
    for label, ids in ch.nodes_new.items():
        cols = _columns(schema.NODE_BY_LABEL[label].props, schema.store_columns(label))
        props = ", ".join(f"{name}: {value}" for name, value in cols)
        rows = _node_rows(G, dig, label, ids)
        conn.execute(f"UNWIND $rows AS r CREATE (n:{label} {{{props}}})", {"rows": rows})
    nodes = G._node
    by_rel: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, d in store_diff.edges_of(G, ch.parts_new):
        key = (d["type"], nodes[u]["label"], nodes[v]["label"])
        by_rel.setdefault(key, []).append({"src": u, "dst": v, **d})
    for (rel_type, a, b), edges in by_rel.items():
        types = schema.rel_props(schema.REL_BY_TYPE[rel_type])
        cols = _columns(types)
        props = ", ".join(f"{name}: {value}" for name, value in cols)
        rows = [{"src": e["src"], "dst": e["dst"], **{c: _value(e.get(c), t) for c, t in types.items()}}
                for e in edges]
        conn.execute(f"UNWIND $rows AS r MATCH (a:{a} {{id: r.src}}) MATCH (b:{b} {{id: r.dst}}) "
                     f"CREATE (a)-[:{rel_type} {{{props}}}]->(b)", {"rows": rows})


def _columns(*types: dict[str, str]) -> list[tuple[str, str]]:
    """(column, the row's value cast to the column's type) for statements over UNWIND rows: a parameter's type
    is guessed from its values, and a column of nulls or empty lists would be guessed wrong."""
    out = []
    for t in types:
        for c, kind in t.items():
            q = schema.quote_name(c)
            out.append((q, f"CAST(r.{q} AS {kind})"))
    return out


def _value(v: Any, t: str) -> Any:
    if v is None:
        return [] if t == schema.STRING_LIST else None
    return _cell(v, t)


def _node_rows(G: nx.MultiDiGraph, dig: store_diff.Digests, label: str, ids: list[str]) -> list[dict[str, Any]]:
    props = schema.NODE_BY_LABEL[label].props
    own = _store_values(dig, label, ids)
    rows = []
    for i, n in enumerate(ids):
        d = G.nodes[n]
        row = {c: _value(d.get(c), t) for c, t in props.items()}
        row.update({c: vals[i] for c, vals in own.items()})
        rows.append(row)
    return rows


def _store_values(dig: store_diff.Digests | None, label: str, ids: list[str]) -> dict[str, list]:
    """The store's own columns (schema.store_columns) for nodes of a label."""
    if dig is None:
        return {c: [None] * len(ids) for c in schema.store_columns(label)}
    out = {schema.DIGEST: [dig.nodes[(label, n)] for n in ids]}
    if label == "Document":
        out[schema.PART] = [dig.parts.get(n) for n in ids]
    return out


def write_graph(conn, G: nx.MultiDiGraph, dig: store_diff.Digests | None = None) -> dict[str, int]:
    """Bulk-load G with COPY FROM Arrow tables: one per label and one per relationship type and pair."""
    counts: dict[str, int] = {}
    by_label: dict[str, list[str]] = {}
    for nid, d in G.nodes(data=True):
        by_label.setdefault(d["label"], []).append(nid)
    for nt in schema.NODES:
        ids = by_label.get(nt.label, [])
        counts[nt.label] = len(ids)
        if ids:
            rows = [G.nodes[n] for n in ids]
            conn.execute(f"COPY {nt.label} FROM $df", {"df": _frame(rows, nt.props,
                                                                    last=_store_values(dig, nt.label, ids))})
    counts.update(_copy_edges(conn, G, G.edges(data=True)))
    return counts


def _copy_edges(conn, G: nx.MultiDiGraph, edges) -> dict[str, int]:
    """COPY relationships (u, v, data) in: one Arrow table per type and pair of labels."""
    counts: dict[str, int] = {}
    labels = G._node  # the graph's node dict: this runs once per relationship
    by_rel: dict[tuple[str, str, str], tuple[list[str], list[str], list[dict]]] = {}
    for u, v, d in edges:
        key = (d["type"], labels[u]["label"], labels[v]["label"])
        group = by_rel.get(key)
        if group is None:
            group = by_rel[key] = ([], [], [])
        group[0].append(u)
        group[1].append(v)
        group[2].append(d)
    for rt in schema.RELS:
        props = schema.rel_props(rt)
        n = 0
        for a, b in rt.pairs:
            sources, targets, rows = by_rel.get((rt.type, a, b), ([], [], []))
            if not rows:
                continue
            n += len(rows)
            table = _frame(rows, props, {"from": sources, "to": targets})
            if len(rt.pairs) > 1:
                conn.execute(f"COPY {rt.type} FROM $df (from='{a}', to='{b}')", {"df": table})
            else:
                conn.execute(f"COPY {rt.type} FROM $df", {"df": table})
        counts[rt.type] = n
    return counts


_ARROW = {schema.STRING: pa.string(), schema.INT: pa.int64(), schema.FLOAT: pa.float64(), schema.BOOL: pa.bool_(),
          schema.STRING_LIST: pa.list_(pa.string())}


def _frame(rows: list[dict], types: dict[str, str], first: dict[str, list[str]] | None = None,
           last: dict[str, list[str]] | None = None) -> pa.Table:
    """An Arrow table, column by column: the string columns in first (a relationship's from and to), then the
    properties in types, then the string columns in last (the store's own, schema.store_columns). Values already
    of their type pass untouched (the common case), others are converted."""
    first, last = first or {}, last or {}
    cols = [pa.array(v, type=pa.string()) for v in first.values()]
    for c, t in types.items():
        values = [r.get(c) for r in rows]
        if t == schema.STRING_LIST:
            cols.append(pa.array([_cell(v, t) if v is not None else [] for v in values], type=_ARROW[t]))
            continue
        try:  # values already of their type (the common case) are taken as they are, in C
            cols.append(pa.array(values, type=_ARROW[t]))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
            cols.append(pa.array([_cell(v, t) for v in values], type=_ARROW[t]))
    cols += [pa.array(v, type=pa.string()) for v in last.values()]
    return pa.Table.from_arrays(cols, names=[*first, *types, *last])


def _cell(v: Any, t: str) -> Any:
    if v is None:
        return None
    if t == schema.INT:
        return int(v)
    if t == schema.FLOAT:
        return float(v)
    if t == schema.BOOL:
        return bool(v)
    if t == schema.STRING_LIST:
        return [str(x) for x in v] if isinstance(v, (list, tuple, set)) else [str(v)]
    return str(v)
