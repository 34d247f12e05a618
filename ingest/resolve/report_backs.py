"""Report-backs: an assignment is reported back (REPORTED_IN) at a later item of the body that gave it or of a
body it was given to, within that body's next meetings."""
from __future__ import annotations

import re
from collections import defaultdict

from graph.model import Evidence, Warning_
from ingest.resolve.state import LINK_THRESHOLD, REVIEW_THRESHOLD, State, doc_of, word_stems

REPORT_RE = re.compile(r"(?i)\b(?:åter|av|slut|läges)?rapport\w*|\bredovis\w*|\buppföljning\w*|\båterkoppl\w*|"
                       r"\båterkom\w*")
REPORT_STEMS = {"återra", "rapport", "redovi", "uppföl", "följa", "återko", "senast", "uppdra", "nämnde",
                "sammantr", "samman", "möte", "mötet"}


def _report_lines(text: str, span: tuple[int, int]) -> tuple[set[str], list[tuple[set[str], int, int]]] | None:
    """An item's word stems and, for each of its lines that speaks of reporting back, the line's stems, start and
    end; None when no line reports back. Read once per item (an item is weighed against every assignment before
    it, and a run-on item is one long line)."""
    a, b = span
    body = text[a:b]
    if not REPORT_RE.search(body):
        return None
    lines = []
    pos = 0
    for line in body.split("\n"):
        start = pos
        pos += len(line) + 1
        if not REPORT_RE.search(line):
            continue
        lead = len(line) - len(line.lstrip())
        lines.append((word_stems(line), a + start + lead, a + start + lead + len(line.strip())))
    return word_stems(body), lines


def _report_line(read, task: set[str]) -> tuple[float, int, int] | None:
    """The line of an item that speaks of reporting back and shares most of the task's words: (share of the
    task's words in the item, start, end of that line). None when no line reports back."""
    if read is None:
        return None
    item_stems, lines = read
    share = len(task & item_stems) / len(task) if task else 0.0
    best = None
    for stems, s, e in lines:
        words = len(task & stems)
        if best is None or words > best[0]:
            best = (words, s, e)
    return (share, best[1], best[2]) if best else None


def link_report_backs(st: State) -> None:
    """An assignment is reported back at a later item of the body that gave it or of a body it was given to,
    within that body's next meetings: an item that speaks of reporting back (återrapport, redovisning,
    uppföljning, …) and either handles the same matter or shares most of the task's words. The line that
    says so is the evidence; the best line of the earliest such item wins. Weaker candidates are warnings."""
    G = st.G
    held_by, item_meeting, items_of, matters_of = {}, {}, defaultdict(list), defaultdict(set)
    for u, v, d in G.edges(data=True):
        if d["type"] == "HELD":
            held_by[v] = u
        elif d["type"] == "HAS_ITEM":
            item_meeting[v] = u
        elif d["type"] == "CONCERNS":
            matters_of[u].add(v)
    for item, meeting in item_meeting.items():
        if meeting in held_by:
            items_of[held_by[meeting]].append(item)
    spans = st.item_spans()
    # What an item offers as a report-back is read once per item, and the candidates of a body after a date once
    # per (body, date): a body's series holds hundreds of assignments, each weighed against its next meetings.
    offers: dict[str, tuple | None] = {}  # item -> (date, doc, report lines), None when it reports nothing
    candidates: dict[tuple[str, str], list[tuple[str, str, str, tuple]]] = {}
    for a, data in list(G.nodes(data=True)):
        if data["label"] != "Assignment":
            continue
        src_item = None
        for u, _, d in G.in_edges(a, data=True):
            if d["type"] == "ASSIGNS":
                src_item = u if G.nodes[u]["label"] == "AgendaItem" else next(
                    (i for i, _, e in G.in_edges(u, data=True) if e["type"] == "HAS_DECISION"), None)
                break
        src_meeting = item_meeting.get(src_item)
        if not src_meeting or src_meeting not in held_by:
            continue
        src_date = G.nodes[src_meeting].get("date")
        if not src_date:
            continue
        src_matters = matters_of.get(src_item, set())
        task = word_stems(data.get("task") or "") - REPORT_STEMS
        bodies = [held_by[src_meeting]] + sorted(v for _, v, d in G.out_edges(a, data=True)
                                                 if d["type"] == "ASSIGNED_TO" and G.nodes[v]["label"] == "Body")
        best = None
        for body in dict.fromkeys(bodies):
            if body not in items_of:
                continue
            key = (body, src_date)
            if key not in candidates:
                candidates[key] = _candidates(st, body, src_date, items_of, item_meeting, spans, offers)
            for item, mdate, did, read in candidates[key]:
                hit = _report_line(read, task)
                if not hit:
                    continue
                score, s, e = hit
                if src_matters and matters_of[item] & src_matters:  # the same matter
                    score = max(score, 0.9)
                if best is None or (round(-score, 1), mdate) < (round(-best[0], 1), best[4]):
                    best = (score, item, s, e, mdate, did)
        if not best:
            continue
        score, item, s, e, _, did = best
        if score >= LINK_THRESHOLD:
            ev = Evidence(did, st.para(did, item), s, e, st.c.docs[did]["text"][s:e], "report-back",
                          round(min(score, 1.0), 2))
            st.add_edge(a, item, "REPORTED_IN", ev, {})
        elif score >= REVIEW_THRESHOLD:
            st.warnings.append(Warning_(did, f"möjlig återrapportering av uppdraget {data.get('task')!r} "
                                               f"(säkerhet {score:.2f}); granska och bekräfta", s, e,
                                          st.para(did, item)))


def _candidates(st: State, body: str, after: str, items_of, item_meeting, spans, offers) -> list:
    """The items of the body's next meetings after a date that speak of reporting back, in meeting order, as
    (item, meeting date, document, report lines); what each item offers is read once into offers."""
    G = st.G
    out = []
    for item in st.next_items(body, after, items_of, item_meeting):
        if item not in offers:
            mdate = G.nodes[item_meeting[item]].get("date")
            offer = None
            if mdate and item in spans:
                did = doc_of(G, item)
                text = st.c.docs.get(did, {}).get("text", "") if did else ""
                lines = _report_lines(text, spans[item])
                offer = (mdate, did, lines) if lines else None
            offers[item] = offer
        offer = offers[item]
        if offer and offer[0] > after:  # a later meeting (the assignment's own meeting has its date)
            out.append((item, offer[0], offer[1], offer[2]))
    return out
