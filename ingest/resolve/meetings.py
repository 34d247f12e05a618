"""The nodes each document holds on its own (meetings, agenda items, decisions, assignments, matters,
agreements, roles) with ids stable across documents, and the edges of every claim, dated by the meeting and
given the period the text states."""
from __future__ import annotations

from collections import Counter

from graph.model import slug
from ingest.resolve.periods import DATED, PERIODS, stated_period
from ingest.resolve.state import State


def resolve_meetings_and_rest(st: State) -> None:
    for did, x in st.c.extractions.items():
        ids = st.ids
        held = {c.dst: c.src for c in x.claims if c.type == "HELD"}
        for m in x.mentions:
            if m.label != "Meeting":
                continue
            body = ids.get((did, held.get(m.key, ""))) if held.get(m.key) else None
            bshort = (st.G.nodes[body].get("short") or st.G.nodes[body]["name"]) if body else None
            bslug = body.split(":", 1)[1] if body else "okant-organ"
            date = m.props.get("date")
            cid = f"meeting:{bslug}-{date}" if date else f"meeting:{bslug}-{did.split(':', 1)[1]}"
            props = dict(m.props)
            if bshort:
                props["title"] = props["name"] = f"{bshort} {date or '(datum okänt)'}"
            ids[(did, m.key)] = cid
            st.meeting_year[cid] = m.hints.year
            st.add_node(cid, "Meeting", props)
        has_item = {c.dst: c.src for c in x.claims if c.type == "HAS_ITEM"}
        for m in x.mentions:
            if m.label == "AgendaItem":
                meet = ids.get((did, has_item.get(m.key, "")))
                base = meet.split(":", 1)[1] if meet else did.split(":", 1)[1]
                label = m.key.split(":", 1)[1]
                label = label.replace(" ", "") if not label.startswith("meeting") else "uppdrag"
                cid = f"item:{base}#{label}"
                ids[(did, m.key)] = cid
                st.add_node(cid, "AgendaItem", m.props)
        parent = {}
        for c in x.claims:
            if c.type in ("HAS_DECISION", "ASSIGNS"):
                parent[c.dst] = c.src
        counters: dict[str, int] = Counter()
        for m in x.mentions:
            if m.label in ("Decision", "Assignment"):
                src = parent.get(m.key)
                owner = ids.get((did, src)) if src else None
                owner = owner or did
                tag = "beslut" if m.label == "Decision" else "uppdrag"
                counters[(owner, tag)] += 1
                cid = f"{owner.replace('item:', 'decision:' if tag == 'beslut' else 'assignment:', 1)}" \
                      f"/{tag}-{counters[(owner, tag)]}"
                if not cid.startswith(("decision:", "assignment:")):
                    cid = f"{'decision' if tag == 'beslut' else 'assignment'}:{owner.split(':', 1)[1]}/{tag}-{counters[(owner, tag)]}"
                ids[(did, m.key)] = cid
                st.add_node(cid, m.label, m.props)
        concerned_by: dict[str, str] = {}  # matter -> the first item said to concern it, one pass over the claims
        for c in x.claims:
            if c.type == "CONCERNS":
                concerned_by.setdefault(c.dst, c.src)
        for m in x.mentions:
            if m.label == "Matter":
                src = concerned_by.get(m.key)
                owner = ids.get((did, src)) if src else None
                cid = "matter:" + (owner.split(":", 1)[1] if owner else slug(m.props.get("title", "x"))[:60])
                ids[(did, m.key)] = cid
                st.add_node(cid, "Matter", m.props)
                if m.hints.context or m.hints.same_day:
                    st.matter_hints[cid] = m.hints
            elif m.label == "Agreement":
                cid = "agreement:" + slug(m.props.get("name", "avtal"))[:60]
                ids[(did, m.key)] = cid
                st.add_node(cid, "Agreement", m.props)
        for m in x.mentions:
            if m.label == "Role":
                org_local = m.key.split("@", 1)[1]
                if not org_local:  # a title with no organisation named
                    cid = f"role:{slug(m.props['title'])}"
                    ids[(did, m.key)] = cid
                    st.add_node(cid, "Role", {**m.props, "name": m.props["title"]})
                    continue
                org = ids.get((did, org_local))
                if not org:
                    continue
                cid = f"role:{slug(m.props['title'])}@{org.split(':', 1)[1]}"
                props = dict(m.props)
                on = st.G.nodes[org]
                props["name"] = f"{m.props['title']}, {on.get('short') or on.get('name')}"
                ids[(did, m.key)] = cid
                st.add_node(cid, "Role", props)



def resolve_edges(st: State) -> None:
    seen = set()
    periods: dict[tuple, dict] = {}  # a roster row states one period for the several facts read from it
    for did, x in st.c.extractions.items():
        for c in x.claims:
            src, dst = st.ids.get((did, c.src)), st.ids.get((did, c.dst))
            if not src or not dst or src == dst:
                continue
            props = dict(c.props)
            if c.type in DATED and not props.get("date"):  # as of the meeting the document records
                props["date"] = st.c.docs[did].get("date")
            if c.type in PERIODS:
                ev = c.evidence
                pkey = (did, ev.start, ev.end, ev.rule, props.get("date"))
                if pkey not in periods:
                    periods[pkey] = stated_period(st.c.docs[did]["text"], ev.start, ev.end, ev.rule, pkey[4])
                props.update(periods[pkey])
            if "matter" in props:
                props["matter"] = st.ids.get((did, props["matter"]), props["matter"])
            st.add_edge(src, dst, c.type, c.evidence, props, seen)
