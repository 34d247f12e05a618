"""The embedded store's search index: an SQLite file beside the database (`govgraph.db.sok`) holding the entries of
`graph/search.py` in an FTS5 table over their word roots, and the names of nodes once more in a trigram table, so
that a part of a compound finds the whole ('mottagning' finds Ungdomsmottagningen).

The index is written in the same step as the graph (`LadybugStore.replace_graph`, through `Preparing`, which runs
`prepare` in a thread while the graph is written and is waited for before the graph is committed): either the
entries that changed are taken out and written again in a transaction left open (where the index is of the stored
graph and little changes), or a new file is built; after the graph is written, the index is stamped with
the identity of the database file as written (inode, size, modification time) and committed, or renamed into place.
A reader compares that stamp with the database file: where a writer was killed between the two, or the file was
changed by other means, the stamps differ and the index is built again from the graph before it answers
(`LadybugStore.search`). So a search never answers from a graph that is not there."""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph import search as search_module
from graph.search import KINDS, Query, date_bounds, entries, municipality_key, root, roots, words

SUFFIX = ".sok"
FORMAT = "6"  # the index's layout and what its entries hold: an index of another is built again
BATCH = 5000


class StaleIndex(Exception):
    """The index is missing, of another layout, damaged, or of another graph than the database file holds."""


class _Stopped(Exception):
    """The graph an index was being prepared for is not written after all (Preparing.discard)."""


def index_path(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX)


def stamp(db: Path) -> str:
    """The identity of the database file as it is now: any write to it changes this, and so does a write-ahead log
    a killed writer left beside it (an index is stamped after the graph's checkpoint, when there is none)."""
    s = os.stat(db)
    wal = Path(f"{db}.wal")
    return f"{s.st_ino}:{s.st_size}:{s.st_mtime_ns}:{wal.stat().st_size if wal.exists() else 0}"


def _list(values: list[str]) -> str:
    """A short list of names in one column (JSON would cost a tenth of the build for lists of one or two)."""
    return "\x1f".join(values)


def _unlist(value: str | None) -> list[str]:
    return value.split("\x1f") if value else []


def _keys(values: list[str]) -> str:
    """Values in one string a filter finds with instr(): '|body:socsam|socsam|'."""
    return "|" + "|".join(v.casefold() for v in values) + "|" if values else ""


# the columns a filter reads come first: SQLite reads a row's columns in order, and the long quotes after them lie
# on overflow pages that a search reads only for the twenty rows it shows. The word index holds no copy of its
# text (contentless): it is only matched and ranked, never shown; FTS5 takes a row out of it by the words it was
# given, which are the roots of the entry's title and text again (the same code: see _code). An update reads the
# ids and signatures of entry_key whole, which are short.
_SCHEMA = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE entry (
        rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, date_min TEXT, date_max TEXT, body_keys TEXT,
        muni_keys TEXT, id TEXT NOT NULL, doc TEXT, para TEXT, start INTEGER, "end" INTEGER, bodies TEXT,
        body_names TEXT, municipalities TEXT, title TEXT, quote TEXT, context TEXT);
    CREATE TABLE entry_key (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, sig INTEGER);
    CREATE VIRTUAL TABLE word_index USING fts5(title_words, words, content='',
                                              tokenize='unicode61 remove_diacritics 0');
    CREATE VIRTUAL TABLE name_index USING fts5(title, content='entry', content_rowid='rowid', tokenize='trigram');
"""
def _quoted(column: str) -> str:
    return f'"{column}"'


# the columns of entry in the order of a row of _rows
_ROW = ("kind", "date_min", "date_max", "body_keys", "muni_keys", "id", "doc", "para", "start", "end", "bodies",
        "body_names", "municipalities", "title", "quote", "context")
_INSERT = (f"INSERT INTO entry (rowid, {', '.join(_quoted(c) for c in _ROW)}) "
           f"VALUES (?, {', '.join('?' * len(_ROW))})")
_INSERT_KEY = "INSERT INTO entry_key (rowid, id, sig) VALUES (?, ?, ?)"
_INDEX_WORDS = "INSERT INTO word_index (rowid, title_words, words) VALUES (?, ?, ?)"
# an update that would change more than this share of the entries writes a new file instead
REWRITE_SHARE = 0.3


def _rows(G: nx.MultiDiGraph, stop: threading.Event | None = None) -> Iterator[tuple[tuple, Any]]:
    """(the row of entry without its rowid, the Entry) for every entry of G; _Stopped once stop is set."""
    for i, e in enumerate(entries(G)):
        if stop is not None and not i % BATCH and stop.is_set():
            raise _Stopped
        passage = e.kind == "passage"
        yield (e.kind, e.date_min, e.date_max, _keys(e.bodies + e.body_names), _keys(e.municipalities), e.id, e.doc,
               e.para, e.start, e.end, _list(e.bodies), _list(e.body_names), _list(e.municipalities), e.title,
               e.quote, None if passage else e.text), e  # a passage's text is its quote


def _words(kind: str, title: str, text: str) -> tuple[str, str]:
    """What the word index is given for an entry: the roots of its title (none for a passage, whose title is its
    document's name) and of its text."""
    return "" if kind == "passage" else " ".join(roots(title)), " ".join(roots(text))


@lru_cache(maxsize=1)
def _code() -> str:
    """The index's layout and the code that makes its words: an index made by other code is built again, so that a
    row is always taken out of the word index by the words it was put in with."""
    h = hashlib.sha256(FORMAT.encode())
    try:
        h.update(importlib.metadata.version("snowballstemmer").encode())
    except importlib.metadata.PackageNotFoundError:
        pass
    for source in (search_module.__file__, __file__):
        try:
            h.update(Path(source).read_bytes())
        except (OSError, TypeError):  # no source beside the code: the layout and stemmer alone
            pass
    return f"{FORMAT}:{h.hexdigest()[:16]}"


def _sig(row: tuple) -> int:
    """What an entry holds, in eight bytes: an update rewrites the entries whose signature changed."""
    data = "\x1f".join(map(str, row)).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


class _Writer:
    """Rows into the tables of an open index, in batches, with their ids and signatures (none from a new file:
    those are made by the first update that needs them)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.rows: list[tuple] = []
        self.keys: list[tuple] = []
        self.words: list[tuple] = []

    def add(self, rowid: int, row: tuple, e: Any, sig: int | None = None) -> None:
        self.rows.append((rowid, *row))
        self.keys.append((rowid, e.id, sig))
        self.words.append((rowid, *_words(e.kind, e.title, e.text)))
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        self.conn.executemany(_INSERT, self.rows)
        self.conn.executemany(_INSERT_KEY, self.keys)
        self.conn.executemany(_INDEX_WORDS, self.words)
        self.rows.clear()
        self.keys.clear()
        self.words.clear()


def build(G: nx.MultiDiGraph, db: Path, stop: threading.Event | None = None) -> Path:
    """Write the index of G into a new file beside db; install() puts it in place once the graph is written."""
    remove_stale_builds(db)
    tmp = db.with_name(f"{db.name}{SUFFIX}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        out = _Writer(conn)
        for rowid, (row, e) in enumerate(_rows(G, stop), 1):
            out.add(rowid, row, e)  # unsigned: the first update signs them
        out.flush()
        conn.execute("INSERT INTO name_index(rowid, title) SELECT rowid, title FROM entry WHERE kind != 'passage'")
        conn.execute("INSERT INTO meta VALUES ('format', ?)", (_code(),))
        conn.commit()
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    return tmp


def install(tmp: Path, db: Path) -> None:
    """Stamp a built index with the database file as it is now and put it in place (one rename)."""
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('graph', ?)", (stamp(db),))
        conn.commit()
    finally:
        conn.close()
    # a journal a killed update left belongs to the file replaced here: applied to this one it would damage it
    _journal(db).unlink(missing_ok=True)
    os.replace(tmp, index_path(db))


def _journal(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX + "-journal")


class Pending:
    """The index of a graph about to be written: either a new file (build) or the changes to the index in place,
    in a transaction left open. install() puts it in place once the graph is written, stamped with the database
    file as written; discard() drops it, where the graph was not written. A writer killed between the two leaves
    the old index, which a reader sees is not of the graph the file holds."""

    def __init__(self, db: Path, *, tmp: Path | None = None, conn: sqlite3.Connection | None = None,
                 changed: int = 0):
        self.db, self.tmp, self.conn = db, tmp, conn
        self.changed = changed  # entries written (an update) or all of them (a new file: -1)

    @property
    def updated(self) -> bool:
        return self.conn is not None

    def install(self) -> None:
        if self.conn is None:
            install(self.tmp, self.db)
            return
        try:
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('graph', ?)", (stamp(self.db),))
            self.conn.execute("COMMIT")
        finally:
            self.conn.close()

    def discard(self) -> None:
        if self.conn is None:
            self.tmp.unlink(missing_ok=True)
            return
        try:
            self.conn.execute("ROLLBACK")
        finally:
            self.conn.close()


def prepare(G: nx.MultiDiGraph, db: Path, stop: threading.Event | None = None) -> Pending:
    """The index of G, to be put in place once the graph is written: where the index beside db is of the graph the
    file holds now, only the entries that differ are taken out and written again (in a transaction left open),
    else a new file is built. Call under the write lock; stop, once set, ends it early with _Stopped."""
    try:
        return _update(G, db, stop) or Pending(db, tmp=build(G, db, stop), changed=-1)
    except sqlite3.DatabaseError:  # an index damaged since it was checked: a new one
        return Pending(db, tmp=build(G, db, stop), changed=-1)


class Preparing:
    """prepare(G, db) in a thread of its own, started before the graph is written, so that the index is made while
    the graph engine writes (its copies and SQLite's inserts let the other run): the index then adds to a write
    only what outlasts the graph's own. The writer calls wait() before it commits the graph, so that an index that
    cannot be made leaves the old graph as before, then install(); or discard() where the graph is not written.

    Measured: the seconds the thread ran (seconds) and those the writer waited for it (waited)."""

    def __init__(self, G: nx.MultiDiGraph, db: Path):
        self._stop = threading.Event()
        self._pending: Pending | None = None
        self._error: BaseException | None = None
        self.seconds = self.waited = 0.0
        self._thread = threading.Thread(target=self._run, args=(G, db), name="search-index", daemon=True)
        self._thread.start()

    def _run(self, G: nx.MultiDiGraph, db: Path) -> None:
        t = time.perf_counter()
        try:
            self._pending = prepare(G, db, self._stop)
        except BaseException as e:  # noqa: BLE001 (handed to the writer's thread by wait())
            self._error = e
        self.seconds = time.perf_counter() - t

    def wait(self) -> Pending:
        """The prepared index, once ready; what failed in preparing it is raised here, in the writer's thread."""
        if self._thread.is_alive():
            t = time.perf_counter()
            self._thread.join()
            self.waited += time.perf_counter() - t
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._pending is not None
        return self._pending

    @property
    def updated(self) -> bool:
        return self.wait().updated

    def install(self) -> None:
        self.wait().install()

    def discard(self) -> None:
        """The graph is not written: the thread is stopped and what it made is dropped (its error with it)."""
        self._stop.set()
        self._thread.join()
        self._error = None
        if self._pending is not None:
            self._pending.discard()


def _update(G: nx.MultiDiGraph, db: Path, stop: threading.Event | None = None) -> Pending | None:
    if not db.exists():
        return None
    try:
        _open(db).close()
    except StaleIndex:
        return None
    # made in Preparing's thread, committed or rolled back in the writer's
    conn = sqlite3.connect(index_path(db), timeout=30, isolation_level=None, check_same_thread=False)
    try:
        # the changes stay in memory until the commit: readers go on reading the old index meanwhile
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("BEGIN IMMEDIATE")
        stored = {k: (rowid, sig) for rowid, k, sig in conn.execute("SELECT rowid, id, sig FROM entry_key")}
        _sign(conn, stored)
        most = REWRITE_SHARE * max(len(stored), 1)
        changed: list[tuple[tuple, Any, int]] = []
        gone: list[int] = []
        for row, e in _rows(G, stop):
            sig = _sig(row)
            old = stored.pop(e.id, None)
            if old is not None and old[1] == sig:
                continue
            if old is not None:
                gone.append(old[0])
            changed.append((row, e, sig))
            if len(changed) + len(gone) > most:
                break  # a new file is quicker than this many changes
        gone.extend(rowid for rowid, _ in stored.values())
        if len(changed) + len(gone) > most:
            conn.execute("ROLLBACK")
            conn.close()
            return None
        conn.execute("CREATE TEMP TABLE gone (rowid INTEGER PRIMARY KEY)")
        conn.executemany("INSERT INTO gone VALUES (?)", [(r,) for r in gone])
        # out of the word index by the words each row was put in with, out of the names while its title is there
        given = [(rowid, *_words(kind, title, quote if kind == "passage" else context or "")) for
                 rowid, kind, title, quote, context in conn.execute(
                     "SELECT rowid, kind, title, quote, context FROM entry WHERE rowid IN (SELECT rowid FROM gone)")]
        conn.executemany("INSERT INTO word_index (word_index, rowid, title_words, words) VALUES ('delete', ?, ?, ?)",
                         given)
        conn.execute("INSERT INTO name_index (name_index, rowid, title) SELECT 'delete', rowid, title FROM entry "
                     "WHERE rowid IN (SELECT rowid FROM gone) AND kind != 'passage'")
        conn.execute("DELETE FROM entry WHERE rowid IN (SELECT rowid FROM gone)")
        conn.execute("DELETE FROM entry_key WHERE rowid IN (SELECT rowid FROM gone)")
        conn.execute("DROP TABLE gone")
        first = (conn.execute("SELECT max(rowid) FROM entry").fetchone()[0] or 0) + 1
        out = _Writer(conn)
        for rowid, (row, e, sig) in enumerate(changed, first):
            out.add(rowid, row, e, sig)
        out.flush()
        conn.execute("INSERT INTO name_index (rowid, title) SELECT rowid, title FROM entry "
                     "WHERE rowid >= ? AND kind != 'passage'", (first,))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('graph', '')")  # of no graph until the commit stamps it
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        conn.close()
        raise
    return Pending(db, conn=conn, changed=len(changed) + len(gone))


def _sign(conn: sqlite3.Connection, stored: dict[str, tuple[int, int | None]]) -> None:
    """The signatures a new file was built without, from the rows as stored (once, by the first update)."""
    unsigned = {rowid: k for k, (rowid, sig) in stored.items() if sig is None}
    if not unsigned:
        return
    columns = ", ".join(_quoted(c) for c in _ROW)
    signed = []
    for row in conn.execute(f"SELECT rowid, {columns} FROM entry"):  # noqa: S608 (the names of _ROW)
        if row[0] in unsigned:
            sig = _sig(row[1:])
            stored[unsigned[row[0]]] = (row[0], sig)
            signed.append((sig, row[0]))
    conn.executemany("UPDATE entry_key SET sig = ? WHERE rowid = ?", signed)


def remove_stale_builds(db: Path) -> None:
    """Half-built indexes a killed writer left (the write lock is held: no other writer is building one)."""
    for p in db.parent.glob(f"{db.name}{SUFFIX}.building-*"):
        p.unlink(missing_ok=True)


def remove(db: Path) -> None:
    index_path(db).unlink(missing_ok=True)
    _journal(db).unlink(missing_ok=True)


def current(db: Path) -> bool:
    """Whether the index beside db is of the graph the file holds now."""
    try:
        _open(db).close()
        return True
    except StaleIndex:
        return False


def _open(db: Path) -> sqlite3.Connection:
    path = index_path(db)
    if not path.exists() or not db.exists():
        raise StaleIndex("saknas")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as e:
        raise StaleIndex(str(e)) from None
    if meta.get("format") != _code() or meta.get("graph") != stamp(db):
        conn.close()
        raise StaleIndex("av en annan graf")
    return conn


_COLUMNS = ("kind", "id", "title", "quote", "context", "doc", "para", "start", "end", "bodies", "body_names",
            "municipalities", "date_min", "date_max")


def search(db: Path, q: Query) -> list[dict[str, Any]]:
    """The entries a query finds, best first: those whose words hold every root of the query (as a word or the
    beginning of one), ranked by BM25 with names weighing more than text, then names that hold every query word
    inside a longer word. StaleIndex where the index does not belong to the database file as it is."""
    wanted = q.terms
    conn = _open(db)
    try:
        where, params = _filters(q)
        # a root is also the beginning of a longer word ('psyk'), but a very short one only itself ('or', 'vd')
        match = " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in wanted)
        # the best rows first, by rowid and score alone; only those are read whole
        filtered = " JOIN entry e ON e.rowid = word_index.rowid" if where else ""
        top = (f"SELECT word_index.rowid AS hit, bm25(word_index, 4.0, 1.0) AS score FROM word_index{filtered} "
               f"WHERE word_index MATCH ?{where} ORDER BY score LIMIT ?")
        shown = ", ".join("e." + _quoted(c) for c in _COLUMNS)
        try:
            found = conn.execute(f"SELECT {shown}, top.score FROM ({top}) AS top JOIN entry e ON e.rowid = top.hit "
                                 f"ORDER BY top.score", (match, *params, q.limit)).fetchall()
            seen = {r[1] for r in found}
            parts = [w.casefold() for w in words(q.text)]
            if len(found) < q.limit and parts and min(map(len, parts)) >= 4 and q.kind != "passage":
                grams = " AND ".join(f'"{w}"' for w in parts)
                more = conn.execute(
                    f"SELECT {shown}, NULL AS score FROM name_index JOIN entry e ON e.rowid = name_index.rowid "
                    f"WHERE name_index MATCH ?{where} LIMIT ?", (grams, *params, q.limit)).fetchall()
                found += [r for r in more if r[1] not in seen][:q.limit - len(found)]
        except sqlite3.DatabaseError as e:
            raise StaleIndex(str(e)) from None
    finally:
        conn.close()
    out = []
    for r in found:
        row = dict(zip(_COLUMNS, r[:-1]))
        for k in ("bodies", "body_names", "municipalities"):
            row[k] = _unlist(row[k])
        row["score"] = round(-r[-1], 3) if r[-1] is not None else 0.0  # a name that holds the words inside a longer one
        out.append(row)
    return out


def _filters(q: Query) -> tuple[str, list[Any]]:
    where, params = [], []
    if q.kind:
        where.append("e.kind = ?")
        params.append(q.kind)
    if q.body:
        where.append("instr(e.body_keys, ?) > 0")
        params.append(f"|{q.body.casefold()}|")
    if q.municipality:
        where.append("instr(e.muni_keys, ?) > 0")
        params.append(f"|{municipality_key(q.municipality)}")
    low, high = date_bounds(q)
    if low:
        where.append("e.date_max >= ?")
        params.append(low)
    if high:
        where.append("e.date_min <= ?")
        params.append(high)
    return "".join(f" AND {w}" for w in where), params


__all__ = ["KINDS", "SUFFIX", "Pending", "StaleIndex", "build", "index_path", "install", "prepare", "remove", "root",
           "search", "stamp"]
