"""What resolution shares: the corpus, the graph under construction with the ids, warnings and merges it
has given so far, and the helpers every step uses (adding nodes and edges, an item's meeting, span and
paragraph, the next meetings of a body, the content words of a text).
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graph import schema
from graph.model import DocExtraction, Evidence, Hints, Warning_

STOP = {"mellan", "angående", "samt", "från", "till", "inom", "eller", "och", "för", "med", "som", "att", "den",
        "det", "denna", "detta", "skall", "ska", "kommer", "också", "även", "under", "efter", "inför", "avseende",
        "gällande", "punkten", "upp", "särskilt", "tas", "vid", "har", "hade", "sedan", "över", "läns", "länets"}
ABBREV = {"ang.": "angående", "ang": "angående", "bl.a.": "bland annat", "resp.": "respektive"}
LINK_THRESHOLD = 0.6
REVIEW_THRESHOLD = 0.3
NEXT_MEETINGS = 10  # how many of the receiving body's meetings after a referral may take the matter up


@dataclass
class Corpus:
    """Documents with their extractions, as the store keeps them."""
    docs: dict[str, dict] = field(default_factory=dict)  # doc id -> Document props (with text)
    extractions: dict[str, DocExtraction] = field(default_factory=dict)


_ABBREV_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(ABBREV, key=len, reverse=True))
                        + r")(?!\w)")
_STEM_WORD = re.compile(r"[a-zåäöé]{4,}")


def word_stems(text: str) -> set[str]:
    """Content words cut to six letters ('kommunerna', 'kommuner' -> 'kommun'), abbreviations written out."""
    t = _ABBREV_RE.sub(lambda m: ABBREV[m.group()], text.lower())
    return {w[:6] for w in _STEM_WORD.findall(t) if w not in STOP}


def doc_of(G: nx.MultiDiGraph, node: str) -> str | None:
    """The document a node is mentioned in (its first)."""
    for _, v, d in G.out_edges(node, data=True):
        if d["type"] == "MENTIONED_IN":
            return v
    return None


class State:
    """The graph under construction and what resolution has learnt so far, shared by its steps."""

    def __init__(self, corpus: Corpus):
        self.c = corpus
        self.G = nx.MultiDiGraph()
        self.warnings: list[Warning_] = []
        self.ids: dict[tuple[str, str], str] = {}  # (doc, local key) -> canonical id
        self.merges: list[str] = []
        self.meeting_cache: dict[str, tuple] = {}
        self.meeting_year: dict[str, int | None] = {}
        self.rep_cache: dict[str, dict] = {}
        self.person_ids: dict[str, list[str]] = {}  # full name -> person ids (one per municipality)
        self.matter_hints: dict[str, Hints] = {}  # matter id -> what its referral sentence adds
        self.items_by_day: dict[str, dict[str | None, list[str]]] = {}  # body -> meeting date -> its items
        self.belongs_to: dict[str, set[str]] = {}  # body -> the municipalities it belongs to (after the edges)

    def mentions(self, label: str):
        for did, x in self.c.extractions.items():
            for m in x.mentions:
                if m.label == label:
                    yield did, m

    def add_node(self, cid: str, label: str, props: dict) -> None:
        props = {k: v for k, v in props.items() if not k.startswith("_") and k in schema.NODE_BY_LABEL[label].props}
        if cid in self.G:
            node = self.G.nodes[cid]
            for k, v in props.items():
                if v not in (None, "", []) and node.get(k) in (None, "", []):
                    node[k] = v
        else:
            self.G.add_node(cid, **{**props, "label": label, "id": cid})


    def add_edge(self, src: str, dst: str, type_: str, ev: Evidence, props: dict, seen: set | None = None) -> None:
        # the graph's node dict, not the NodeView: this runs once per fact, and the view's lookup cost a tenth
        # of the build
        nodes = self.G._node
        sl, dl = nodes[src]["label"], nodes[dst]["label"]
        if (type_, sl, dl) not in schema.ALLOWED:
            self.warnings.append(Warning_(ev.doc, f"internt: {type_} från {sl} till {dl} finns inte i schemat",
                                          ev.start, ev.end, ev.para))
            return
        key = (src, dst, type_, ev.doc, ev.start, ev.end, props.get("role"))
        if seen is not None:
            if key in seen:
                return
            seen.add(key)
        allowed = schema.REL_BY_TYPE[type_].props
        attrs = {k: v for k, v in props.items() if k in allowed} if props else {}
        attrs.update(type=type_, doc=ev.doc, para=ev.para, start=ev.start, end=ev.end, quote=ev.quote, rule=ev.rule,
                     confidence=ev.confidence)
        self.G.add_edge(src, dst, key=f"{type_}:{ev.doc}:{ev.start}:{len(seen or ())}", **attrs)


    def meeting_of(self, item: str) -> str | None:
        return next((u for u, _, e in self.G.in_edges(item, data=True) if e["type"] == "HAS_ITEM"), None)

    def next_items(self, body: str, after: str | None, items_of: dict, item_meeting: dict) -> list[str]:
        """Items of the body's next NEXT_MEETINGS meetings on or after a date (and of meetings without a date):
        a referral is taken up within a few meetings, and this keeps linking linear in the corpus."""
        cache = self.meeting_cache.get(body)
        if cache is None:
            by_meeting: dict[str, list[str]] = defaultdict(list)
            for it in items_of[body]:
                by_meeting[item_meeting[it]].append(it)
            dated = sorted((self.G.nodes[m].get("date"), m) for m in by_meeting if self.G.nodes[m].get("date"))
            # a meeting without a date is placed by the year its document mostly speaks of
            undated = sorted((str(self.meeting_year.get(m) or "0000"), m) for m in by_meeting
                             if not self.G.nodes[m].get("date"))
            cache = self.meeting_cache[body] = (by_meeting, dated, undated)
        by_meeting, dated, undated = cache
        i = bisect.bisect_left(dated, (after, "")) if after else 0
        j = bisect.bisect_left(undated, (after[:4], "")) if after else 0
        unknown = [m for y, m in undated if y == "0000"]
        meetings = [m for _, m in dated[i:i + NEXT_MEETINGS]] + [m for _, m in undated[j:j + NEXT_MEETINGS]] + unknown
        return [it for m in meetings for it in by_meeting[m]]

    def item_spans(self) -> dict[str, tuple[int, int]]:
        """Each agenda item's character span in its document (items a memo implies have none)."""
        out = {}
        for did, x in self.c.extractions.items():
            for m in x.mentions:
                if m.label == "AgendaItem" and m.hints.start is not None:
                    cid = self.ids.get((did, m.key))
                    if cid:
                        out[cid] = (m.hints.start, m.hints.end)
        return out

    def para(self, did: str, item: str) -> str | None:
        n = self.G.nodes[item].get("number")
        return f"§ {n}" if n else None
