"""The graph's facts per eval kind and document, each with its quote and place, and the text normal forms eval
compares them in."""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import networkx as nx

STRUCTURE = ("REPORTS_TO", "PREPARES_FOR", "PART_OF", "SUCCEEDED")
DISTINCT = ("party", "titles", "attendance", "relations")  # kinds whose repeated statements count once


def norm(s: Any) -> str:
    """Case, spacing and Unicode form do not matter when names and quotes are compared."""
    return " ".join(unicodedata.normalize("NFC", str(s)).split()).casefold()


def norm_number(s: Any) -> str:
    return re.sub(r"^(?:[A-ZÅÄÖa-zåäö]+\s*)?§?\s*", "", str(s).strip()).split("/")[0].strip().rstrip(".")


@dataclass
class Fact:
    kind: str
    doc: str
    fields: dict[str, Any]
    quote: str = ""
    where: str = ""

    def show(self) -> str:
        shown = ", ".join(f"{k}={_short(v)}" for k, v in self.fields.items() if k != "names" and v not in (None, ""))
        return f"{shown}  [{self.where}] «{_short(self.quote, 90)}»"


def _short(v: Any, n: int = 60) -> str:
    if isinstance(v, (set, frozenset, list, tuple)):
        v = "/".join(sorted(map(str, v)))
    s = " ".join(str(v).split())
    return s if len(s) <= n else s[: n - 1] + "…"


class GraphFacts:
    """The graph's facts, per kind and document."""

    def __init__(self, G: nx.MultiDiGraph):
        self.G = G
        self.mentioned: dict[str, list[tuple[str, dict]]] = {}  # doc -> [(node, MENTIONED_IN edge)]
        self.by_type: dict[str, list[tuple[str, str, dict]]] = {}
        for u, v, d in G.edges(data=True):
            if d["type"] == "MENTIONED_IN":
                self.mentioned.setdefault(v, []).append((u, d))
            else:
                self.by_type.setdefault(d["type"], []).append((u, v, d))

    def names(self, n: str) -> set[str]:
        d = self.G.nodes[n]
        out = {d.get(k) for k in ("name", "short", "title", "code")}
        out |= set(d.get("aliases") or [])
        return {norm(x) for x in out if x}

    def _in(self, n: str, type_: str) -> list[str]:
        return [u for u, _, d in self.G.in_edges(n, data=True) if d["type"] == type_]

    def _out(self, n: str, type_: str) -> list[str]:
        return [v for _, v, d in self.G.out_edges(n, data=True) if d["type"] == type_]

    def item_of(self, n: str) -> str | None:
        """The agenda item number of an item, a decision or an assignment."""
        label = self.G.nodes[n]["label"]
        if label == "AgendaItem":
            return self.G.nodes[n].get("number")
        if label == "Decision":
            return next((self.item_of(i) for i in self._in(n, "HAS_DECISION")), None)
        if label == "Assignment":
            return next((self.item_of(i) for i in self._in(n, "ASSIGNS")), None)
        return None

    def item_place(self, n: str) -> tuple[set[str], str | None, str | None]:
        """(body names, date, number) of an agenda item."""
        for m in self._in(n, "HAS_ITEM"):
            bodies = set().union(*[self.names(b) for b in self._in(m, "HELD")]) if self._in(m, "HELD") else set()
            return bodies, self.G.nodes[m].get("date"), self.G.nodes[n].get("number")
        return set(), None, self.G.nodes[n].get("number")

    def _where(self, d: dict) -> str:
        para = d.get("para")
        return (f"{para}, " if para else "") + f"{d.get('start')}-{d.get('end')}"

    def _nodes(self, doc: str, label: str):
        seen = set()
        for n, e in self.mentioned.get(doc, []):
            if self.G.nodes[n]["label"] == label and n not in seen:
                seen.add(n)
                yield n, e

    def _edges(self, doc: str, *types: str):
        for t in types:
            for u, v, d in self.by_type.get(t, []):
                if d.get("doc") == doc:
                    yield u, v, d

    def found(self, kind: str, doc: str) -> list[Fact]:
        G, out = self.G, []

        def fact(fields: dict, e: dict) -> None:
            out.append(Fact(kind, doc, fields, e.get("quote", ""), self._where(e)))

        if kind in ("persons", "party"):
            for n, e in self._nodes(doc, "Person"):
                p = G.nodes[n]
                if kind == "persons":
                    fact({"name": p.get("name")}, e)
                elif p.get("party"):
                    fact({"name": p.get("name"), "party": p.get("party")}, e)
        elif kind == "titles":
            for u, v, e in self._edges(doc, "HOLDS"):
                fact({"person": G.nodes[u].get("name"), "title": G.nodes[v].get("title")}, e)
        elif kind == "attendance":
            for u, v, e in self._edges(doc, "ATTENDED", "ABSENT_FROM"):
                fact({"person": G.nodes[u].get("name"), "role": e.get("role"),
                      "absent": e["type"] == "ABSENT_FROM"}, e)
        elif kind == "bodies":
            for n, e in self._nodes(doc, "Body"):
                if G.nodes[n].get("kind") == "kommun":
                    continue  # a municipality acting as an organisation is scored as a municipality, as gold does
                fact({"name": G.nodes[n].get("name"), "names": self.names(n)}, e)
        elif kind == "municipalities":
            for n, e in self._nodes(doc, "Municipality"):
                fact({"code": G.nodes[n].get("code"), "name": G.nodes[n].get("name")}, e)
        elif kind == "meetings":
            for n, e in self._nodes(doc, "Meeting"):
                bodies = set().union(*[self.names(b) for b in self._in(n, "HELD")]) if self._in(n, "HELD") else set()
                fact({"date": G.nodes[n].get("date"), "body": G.nodes[n].get("title"), "names": bodies}, e)
        elif kind == "items":
            for n, e in self._nodes(doc, "AgendaItem"):
                d = G.nodes[n]
                fact({"number": d.get("number"), "title": d.get("title"), "dnr": d.get("dnr")}, e)
        elif kind == "decisions":
            for n, e in self._nodes(doc, "Decision"):
                fact({"item": self.item_of(n), "text": G.nodes[n].get("text")}, e)
        elif kind == "assignments":
            for n, e in self._nodes(doc, "Assignment"):
                d = G.nodes[n]
                to = set().union(*[self.names(t) for t in self._out(n, "ASSIGNED_TO")]) \
                    if self._out(n, "ASSIGNED_TO") else set()
                fact({"item": self.item_of(n), "task": d.get("task"), "due": d.get("due"), "to": to}, e)
        elif kind == "referrals":
            seen = set()  # an item and its decision both point at the body: one referral
            for u, v, e in sorted(self._edges(doc, "REFERRED_TO"), key=lambda t: G.nodes[t[0]]["label"] != "Decision"):
                key = (self.item_of(u) or u, v)
                if key not in seen:
                    seen.add(key)
                    fact({"item": self.item_of(u), "to": G.nodes[v].get("name"), "names": self.names(v)}, e)
        elif kind == "flows":  # a matter or a task that reaches a body: referred or assigned to it
            seen = set()
            for u, v, e in self._edges(doc, "REFERRED_TO", "ASSIGNED_TO"):
                if G.nodes[v]["label"] == "Body" and v not in seen:
                    seen.add(v)
                    fact({"to": G.nodes[v].get("name"), "names": self.names(v)}, e)
        elif kind == "relations":
            for u, v, e in self._edges(doc, *STRUCTURE, "MEMBER_OF"):
                if e["type"] == "MEMBER_OF" and G.nodes[u]["label"] != "Body":
                    continue  # a person's membership is attendance and roles; a body's is a relation
                fact({"type": e["type"], "from": G.nodes[u].get("name"), "to": G.nodes[v].get("name"),
                      "from_names": self.names(u), "to_names": self.names(v)}, e)
        elif kind == "agreements":
            for n, e in self._nodes(doc, "Agreement"):
                parties = set().union(*[self.names(p) for p in self._in(n, "PARTY_TO")]) \
                    if self._in(n, "PARTY_TO") else set()
                fact({"name": G.nodes[n].get("name"), "parties": parties}, e)
        if kind in DISTINCT:  # the same fact stated twice in a document is one fact
            seen, unique = set(), []
            for f in out:
                key = tuple(sorted((k, norm(v) if isinstance(v, str) else repr(v)) for k, v in f.fields.items()))
                if key not in seen:
                    seen.add(key)
                    unique.append(f)
            out = unique
        return out

    def matter_links(self, docs: set[str]) -> list[Fact]:
        """Pairs of items that share a Matter, both items from the given documents."""
        out = []
        for n, d in self.G.nodes(data=True):
            if d["label"] != "Matter":
                continue
            items = []
            for u, _, e in self.G.in_edges(n, data=True):
                if e["type"] == "CONCERNS" and e.get("doc") in docs:
                    items.append((u, e))
            for (a, ea), (b, eb) in itertools.combinations(sorted(items, key=lambda x: x[0]), 2):
                pa, pb = self.item_place(a), self.item_place(b)
                out.append(Fact("matters", ea.get("doc"), {"a": pa, "b": pb, "matter": d.get("title")},
                                f"{ea.get('quote', '')} | {eb.get('quote', '')}",
                                f"{_place(pa)} ~ {_place(pb)}"))
        return out


def _place(p: tuple[set[str], str | None, str | None]) -> str:
    bodies, date, number = p
    return f"{'/'.join(sorted(bodies))[:40]} {date} §{number}"
