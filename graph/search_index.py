"""The embedded store's search index: an SQLite file beside the database (`govgraph.db.sok`) holding the entries of
`graph/search.py` in an FTS5 table over their word roots, and the names of nodes once more in a trigram table, so
that a part of a compound finds the whole ('mottagning' finds Ungdomsmottagningen).

The index is written in the same step as the graph (`LadybugStore.replace_graph`): built into a file of its own
before the graph is written, then stamped with the identity of the database file as written (inode, size,
modification time) and renamed into place. A reader compares that stamp with the database file: where a writer was
killed between the two, or the file was changed by other means, the stamps differ and the index is built again from
the graph before it answers (`LadybugStore.search`). So a search never answers from a graph that is not there."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import networkx as nx

from graph.search import KINDS, Query, date_bounds, entries, municipality_key, root, roots, words

SUFFIX = ".sok"
FORMAT = "5"  # the index's layout and what its entries hold: an index of another is built again
BATCH = 5000


class StaleIndex(Exception):
    """The index is missing, of another layout, damaged, or of another graph than the database file holds."""


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


def build(G: nx.MultiDiGraph, db: Path) -> Path:
    """Write the index of G into a new file beside db; install() puts it in place once the graph is written."""
    remove_stale_builds(db)
    tmp = db.with_name(f"{db.name}{SUFFIX}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        # the columns a filter reads come first: SQLite reads a row's columns in order, and the long quotes after
        # them lie on overflow pages that a search reads only for the twenty rows it shows. The word index holds
        # no copy of its text (contentless): it is only matched and ranked, never shown.
        conn.executescript("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE entry (
                rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, date_min TEXT, date_max TEXT, body_keys TEXT,
                muni_keys TEXT, id TEXT NOT NULL, doc TEXT, para TEXT, start INTEGER, "end" INTEGER, bodies TEXT,
                body_names TEXT, municipalities TEXT, title TEXT, quote TEXT, context TEXT);
            CREATE VIRTUAL TABLE word_index USING fts5(title_words, words, content='',
                                                      tokenize='unicode61 remove_diacritics 0');
            CREATE VIRTUAL TABLE name_index USING fts5(title, content='entry', content_rowid='rowid',
                                                      tokenize='trigram');
        """)
        rows: list[tuple] = []
        words_of: list[tuple] = []
        insert = ("INSERT INTO entry (rowid, kind, date_min, date_max, body_keys, muni_keys, id, doc, para, start, "
                  "\"end\", bodies, body_names, municipalities, title, quote, context) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insert_words = "INSERT INTO word_index (rowid, title_words, words) VALUES (?, ?, ?)"
        for rowid, e in enumerate(entries(G), 1):
            passage = e.kind == "passage"
            rows.append((rowid, e.kind, e.date_min, e.date_max, _keys(e.bodies + e.body_names),
                         _keys(e.municipalities), e.id, e.doc, e.para, e.start, e.end, _list(e.bodies),
                         _list(e.body_names), _list(e.municipalities), e.title, e.quote,
                         None if passage else e.text))  # a passage's text is its quote
            words_of.append((rowid, "" if passage else " ".join(roots(e.title)), " ".join(roots(e.text))))
            if len(rows) >= BATCH:
                conn.executemany(insert, rows)
                conn.executemany(insert_words, words_of)
                rows.clear()
                words_of.clear()
        conn.executemany(insert, rows)
        conn.executemany(insert_words, words_of)
        conn.execute("INSERT INTO name_index(rowid, title) SELECT rowid, title FROM entry WHERE kind != 'passage'")
        conn.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
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
    os.replace(tmp, index_path(db))


def remove_stale_builds(db: Path) -> None:
    """Half-built indexes a killed writer left (the write lock is held: no other writer is building one)."""
    for p in db.parent.glob(f"{db.name}{SUFFIX}.building-*"):
        p.unlink(missing_ok=True)


def remove(db: Path) -> None:
    index_path(db).unlink(missing_ok=True)


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
    if meta.get("format") != FORMAT or meta.get("graph") != stamp(db):
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


def _quoted(column: str) -> str:
    return f'"{column}"'


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


__all__ = ["KINDS", "SUFFIX", "StaleIndex", "build", "index_path", "install", "remove", "root", "search", "stamp"]
