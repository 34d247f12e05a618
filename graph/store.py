"""The embedded Cypher store (ladybug): schema DDL from graph.schema, bulk writes, read-only queries; the
graph.store_api.Store interface on one database file.

A write builds the whole graph into a new database file beside the old one and swaps it in with one
rename, so a reader never sees half a document and a killed ingest leaves the previous graph intact.
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

from graph import schema
from graph.store_common import StoreError, check_read_query, env_number, explain_error


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
                self._db = lb.Database(str(self.path), read_only=self.read_only)
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

    def _check_schema(self) -> None:
        """A graph written by an older version lacks tables or properties the queries use: one message that
        says how to rebuild it (the documents are kept in the graph and read again), instead of a query error."""
        for kind, items in (("node", schema.NODES), ("rel", schema.RELS)):
            for t in items:
                name = t.label if kind == "node" else t.type
                want = set(t.props) if kind == "node" else set(schema.rel_props(t))
                try:
                    res = self._conn.execute(f"CALL table_info('{name}') RETURN name")
                    have = set()
                    while res.has_next():
                        have.add(res.get_next()[0])
                except RuntimeError:
                    have = set()
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
        """Write G into a fresh database beside the current one, then swap it in with one rename: a reader
        sees the old graph or the new one, and a writer killed at any moment leaves the old one."""
        self.close()
        with _write_lock(self.path):
            tmp = self.path.with_name(self.path.name + f".building-{os.getpid()}")
            _remove_db(tmp)
            lb = _lb()
            # one explicit checkpoint at the end: an automatic one after every COPY cost three times the COPY
            db = lb.Database(str(tmp), auto_checkpoint=False)
            conn = lb.Connection(db)
            try:
                self.create_schema(conn)
                counts = write_graph(conn, G)
                conn.execute("CHECKPOINT")
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
        return [r["d"] for r in self.records("MATCH (d:Document) RETURN d")]


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


def write_graph(conn, G: nx.MultiDiGraph) -> dict[str, int]:
    """Bulk-load G with COPY FROM Arrow tables: one per label and one per relationship type and pair."""
    counts: dict[str, int] = {}
    by_label: dict[str, list[dict]] = {}
    for nid, d in G.nodes(data=True):
        by_label.setdefault(d["label"], []).append(d)
    for nt in schema.NODES:
        rows = by_label.get(nt.label, [])
        counts[nt.label] = len(rows)
        if rows:
            conn.execute(f"COPY {nt.label} FROM $df", {"df": _frame(rows, nt.props)})
    labels = {n: d["label"] for n, d in G.nodes(data=True)}
    by_rel: dict[tuple[str, str, str], tuple[list[str], list[str], list[dict]]] = {}
    for u, v, d in G.edges(data=True):
        key = (d["type"], labels[u], labels[v])
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


def _frame(rows: list[dict], types: dict[str, str], first: dict[str, list[str]] | None = None) -> pa.Table:
    """An Arrow table, column by column: the string columns in first (a relationship's from and to), then the
    properties in types. Values already of their type pass untouched (the common case), others are converted."""
    first = first or {}
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
    return pa.Table.from_arrays(cols, names=[*first, *types])


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
