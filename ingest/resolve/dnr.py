"""Diary numbers: items at different meetings with the same diary number (Dnr) within one municipality handle
one matter."""
from __future__ import annotations

import re
from collections import defaultdict

from graph.model import Evidence, slug
from ingest.resolve.state import State, doc_of


def link_by_dnr(st: State) -> None:
    """Items at different meetings with the same diary number (Dnr) handle one matter: they share a Matter,
    each linked with the place its document writes the number."""
    G = st.G
    spans = st.item_spans()
    by_dnr: dict[str, list[str]] = defaultdict(list)
    # a diary number is unique within one organisation only: "SN 2023/88" in Kalmar and in Västervik are two
    # matters, so items are grouped by the number and the municipality whose body held the meeting
    for n, d in G.nodes(data=True):
        if d["label"] == "AgendaItem" and d.get("dnr") and n in spans:
            by_dnr[_dnr_key(d["dnr"]) + "@" + _owner_of(st, n)].append(n)
    for key, items in sorted(by_dnr.items()):
        meeting = {i: st.meeting_of(i) for i in items}
        if len(items) < 2 or len(set(meeting.values())) < 2:
            continue
        items.sort(key=lambda i: ((G.nodes[meeting[i]].get("date") or "9999") if meeting[i] else "9999", i))
        existing = [v for i in items for _, v, e in G.out_edges(i, data=True) if e["type"] == "CONCERNS"]
        dnr, owner = key.split("@", 1)
        matter = existing[0] if existing else "matter:dnr-" + slug(dnr)[:60] + (
            "@" + owner.replace("municipality:", "") if owner else "")
        first = G.nodes[items[0]]
        if matter not in G:
            st.add_node(matter, "Matter", {"title": first.get("title") or dnr, "name": first.get("title") or dnr,
                                             "dnr": first.get("dnr")})
        elif not G.nodes[matter].get("dnr"):
            G.nodes[matter]["dnr"] = first.get("dnr")
        # the documents the matter is mentioned in, kept as a set: a matter may come up at many meetings
        mentioned = {v for _, v, e in G.out_edges(matter, data=True) if e["type"] == "MENTIONED_IN"}
        for k, item in enumerate(items):
            if any(v == matter for _, v, e in G.out_edges(item, data=True) if e["type"] == "CONCERNS"):
                continue
            did = doc_of(G, item)
            text = st.c.docs.get(did, {}).get("text", "") if did else ""
            a, b = spans[item]
            m = re.search(_dnr_pattern(G.nodes[item]["dnr"]), text[a:b])
            if not m:
                continue
            ev = Evidence(did, st.para(did, item), a + m.start(), a + m.end(), m.group(), "shared-dnr", 0.95)
            st.add_edge(item, matter, "CONCERNS", ev, {"step": "diarienummer" if k else "ärende"})
            if did not in mentioned:
                mentioned.add(did)
                st.add_edge(matter, did, "MENTIONED_IN", ev, {})



def _owner_of(st: State, item: str) -> str:
    """The municipality (or municipalities) whose body held the item's meeting; '' when none is known."""
    G = st.G
    m = st.meeting_of(item)
    if not m:
        return ""
    owners = set()
    for b, _, e in G.in_edges(m, data=True):
        if e["type"] == "HELD":
            # once per body: a body's out-edges hold every meeting it held, and items are many
            if b not in st.belongs_to:
                st.belongs_to[b] = {v for _, v, e2 in G.out_edges(b, data=True) if e2["type"] == "BELONGS_TO"}
            owners |= st.belongs_to[b]
    return ",".join(sorted(owners))



def _dnr_key(dnr: str) -> str:
    """'SN 2023/88', 'sn2023/88' -> 'SN2023/88'."""
    return re.sub(r"\s+", "", dnr).upper()


def _dnr_pattern(dnr: str) -> str:
    """The diary number as a pattern that allows any spacing: 'SN 2023/88' also finds 'SN2023/88'."""
    return r"\s*".join(re.escape(c) for c in re.sub(r"\s+", "", dnr))
