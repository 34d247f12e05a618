"""Sticky ids: what a stored graph has given (its ids and the mentions each stands for), and following a
retired id (a `Redirect` node) to the id that now stands for the same thing, in a store or in networkx."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

import networkx as nx

from graph import schema
from graph.store_common import WHOLE_GRAPH, StoreError

if TYPE_CHECKING:  # the stores import the engines; following an id in networkx (curation) needs neither
    from graph.store_api import Store

REDIRECT = "Redirect"


@dataclass
class GivenIds:
    """The ids a stored graph has given: each node's label and the mentions (label, doc, start, end) it was
    built from, the earliest date of a document mentioning it, and the redirects it holds."""
    labels: dict[str, str] = field(default_factory=dict)  # id -> label
    mentions: dict[tuple, set[str]] = field(default_factory=dict)  # (label, doc, start, end) -> ids
    first_seen: dict[str, str] = field(default_factory=dict)  # id -> earliest date of a document naming it
    names: dict[str, str] = field(default_factory=dict)  # id -> its name or title, for a redirect's caption
    redirects: dict[str, str] = field(default_factory=dict)  # retired id -> id
    loader: Callable[["GivenIds"], None] | None = None  # reads mentions and first_seen when they are first needed

    def need_mentions(self) -> None:
        """Read the mentions and first dates now: only a merge or a rename needs them (a document only added
        does not), and on a graph of thousands of documents they are a million rows."""
        if self.loader is not None:
            load, self.loader = self.loader, None
            load(self)


def given_ids(store: Store) -> GivenIds:
    """Read what a store's graph has given (an empty GivenIds when there is no graph); the mentions behind the
    ids are read from the same store when keep_ids first asks for them (`need_mentions`)."""
    out = GivenIds()
    if not store.exists():
        return out
    for nt in schema.NODES:
        if nt.label in ("Document", REDIRECT):
            continue
        for r in _rows(store, f"MATCH (n:{nt.label}) RETURN n.id AS id, n.{nt.display} AS name"):
            out.labels[r["id"]] = nt.label
            if r["name"]:
                out.names[r["id"]] = r["name"]
    for r in _rows(store, "MATCH (r:Redirect) RETURN r.id AS id, r.target AS target"):
        out.redirects[r["id"]] = r["target"]
    out.loader = lambda given: _read_mentions(store, given)
    return out


def _read_mentions(store: Store, out: GivenIds) -> None:
    for nt in schema.NODES:
        if nt.label in ("Document", REDIRECT):
            continue
        for r in _rows(store, f"MATCH (n:{nt.label})-[r:MENTIONED_IN]->(d:Document) "
                              f"RETURN n.id AS id, d.id AS doc, d.date AS date, r.start AS s, r.`end` AS e"):
            out.mentions.setdefault((nt.label, r["doc"], r["s"], r["e"]), set()).add(r["id"])
            day = r["date"] or "9999"
            if day < out.first_seen.get(r["id"], "9999~"):
                out.first_seen[r["id"]] = day
    store.close()


def _rows(store: Store, cypher: str) -> list[dict[str, Any]]:
    """The rows, or none where a graph of an older version lacks the table (an ingest rebuilds it)."""
    try:
        return store.records(cypher, **WHOLE_GRAPH)  # the whole graph, not a user's query
    except StoreError:
        return []


def follow(store: Store, nid: Any) -> Any:
    """The id that stands for nid now: nid itself unless a merge retired it (anything but a string is kept)."""
    if not isinstance(nid, str) or not nid:
        return nid
    try:
        rows = store.records("MATCH (r:Redirect) WHERE r.id = $id RETURN r.target AS target", {"id": nid})
    except StoreError:  # a graph of an older version has no redirects
        return nid
    return rows[0]["target"] if rows else nid


_LITERAL = re.compile(r"'([^'\\]*)'|\"([^\"\\]*)\"")


def follow_query(store: Store, cypher: str, params: dict[str, Any] | None
                 ) -> tuple[str, dict[str, Any], dict[str, str]]:
    """A query with every retired id among its parameters' values and its string literals replaced by the id
    that stands for it now; also what was replaced (retired id -> id)."""
    params = dict(params or {})
    literals = {a or b for a, b in _LITERAL.findall(cypher)}
    ids = sorted({v for v in [*params.values(), *literals] if isinstance(v, str) and ":" in v})
    if not ids:
        return cypher, params, {}
    try:
        rows = store.records("MATCH (r:Redirect) WHERE r.id IN $ids RETURN r.id AS id, r.target AS target",
                             {"ids": ids})
    except StoreError:  # a graph of an older version has no redirects
        return cypher, params, {}
    to = {r["id"]: r["target"] for r in rows}
    if not to:
        return cypher, params, {}
    params = {k: to.get(v, v) if isinstance(v, str) else v for k, v in params.items()}

    def swap(m: re.Match) -> str:
        q = m.group()[0]
        v = m.group(1) if m.group(1) is not None and q == "'" else m.group(2)
        return f"{q}{to[v]}{q}" if v in to else m.group()

    return _LITERAL.sub(swap, cypher), params, to


def follow_in(G: nx.MultiDiGraph, nid: str) -> str:
    """The same in a networkx graph: a Redirect node's target, or nid."""
    d = G.nodes.get(nid) if nid in G else None
    return d["target"] if d and d.get("label") == REDIRECT and d.get("target") else nid
