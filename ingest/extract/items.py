"""Agenda items (§, numbered points, bullets, headings): the item, its presenters and its decisions, with the
assignments and referrals a decision makes."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from graph.model import Hints
from ingest.extract.assignments import assignments_at
from ingest.extract.context import DocContext
from ingest.extract.entities import body, municipality, person, region, title_facts
from ingest.extract.names import body_kind, plausible_name, split_title
from ingest.extract.patterns import DNR_RE, NAME_RE
from ingest.extract.papers import papers
from ingest.extract.outside_items import referrals_outside_items
from ingest.extract.referrals import referrals, referrals_in
from graph.text import sentence_bounds
from ingest.segment import GARBLED_MESSAGE, Item


DECIDED_IN_TEXT_RE = re.compile(r"(?i)\b(?:beslutade|beslutar|beslöt|beslutades)\s+"
                                # "Utskottet beslutade med stöd av 7 kap. 12 § riksdagsordningen att överlägga …"
                                r"(?:med\s+stöd\s+av\s+[^\n;]{1,80}?\s+)?(?:att|om)\b|"
                                # "Arbetsutskottet föreslår styrelsen besluta att lägga den ekonomiska rapporten …"
                                r"\bföreslår\s+(?:\w+\s+){1,3}?besluta\s+att\b|"
                                # "Styrgruppen beslutade lägga protokollet till handlingarna"
                                r"\b(?:beslutade|beslöt)\s+(?:lägga|godkänna|anta|utse|fastställa|bifalla|avslå|"
                                r"uppdra|överlämna|återremittera|tillstyrka|avstyrka|notera)\b|"
                                r"\b(?:godkändes|fastställdes|antogs|bifölls|bifalls|avslogs|beslutades)\b|"
                                # "Dagordningen fastställs med följande tillägg", "Dagordningen godkännes"
                                r"\b(?:fastställs|fastställes|godkänns|godkännes)\b|"
                                # "Rapporten lades till handlingarna", "Två övriga frågor lades till dagordningen"
                                r"\b(?:lades|läggs)\s+till\s+(?:handlingarna|dagordningen)\b|"
                                # "Rolf Carlsson (m) utses att jämte ordföranden justera …", "Ulla Jakobsson valdes
                                # till justerare"
                                r"\b(?:utser|utses|utsågs|valdes)\b")

AGREED_RE = re.compile(r"(?:Förslaget|Yrkandet)\s+(?:bifalls|bifölls|godkänns|godkändes|antas|antogs)\b")
PROPOSES_RE = re.compile(r"\b(?:föreslår|föreslog|yrkar|yrkade)\s+att\b")
# a point followed by a lower-case word or a number goes on with the sentence ("7 kap. 12 §", "t.o.m. oktober")
ABBREV_GO_ON_RE = re.compile(r"[ \t]+[a-zåäö0-9§]")
DECISION_LINE_RE = re.compile(r"^[ \t]*(?:(?P<num>\d{1,2})[.)]|[-–•*])[ \t]+(?P<text>\S.*)$")


def _continues(text: str, prev_end: int, start: int) -> bool:
    """A wrapped decision line: the previous line does not end a sentence and no blank line is between."""
    between = text[prev_end:start]
    prev = text[:prev_end].rstrip()
    return prev.endswith(":") and between.count("\n") <= 2 or (between.count("\n") <= 1 and not prev.endswith("."))


def items(cx: DocContext) -> None:
    if any(w.startswith(GARBLED_MESSAGE[:30]) for w in cx.seg.warnings):  # the document is named in the warning
        cx.warn(next(w for w in cx.seg.warnings if w.startswith(GARBLED_MESSAGE[:30])))
    for it in cx.seg.items:
        ik = f"item:{it.label}"
        props = {"number": it.number, "title": it.title, "name": f"{it.label} {it.title}",
                 "number_inferred": it.number_inferred}
        dm = DNR_RE.search(cx.seg.masked, it.start, it.end)
        if dm:
            props["dnr"] = dm["dnr"]
        cx.mention(ik, "AgendaItem", props, it.title_span[0], it.title_span[1], "item-heading",
                   hints=Hints(start=it.start, end=it.end))
        if cx.meeting_key:
            cx.claim("HAS_ITEM", cx.meeting_key, ik, it.head[0], max(it.head[1], it.title_span[1]),
                     "item-heading", 0.8 if it.number_inferred else 1.0)
        if it.number_inferred:
            cx.warn(f"punkten saknar nummer i texten; numrerad {it.label} efter sina grannar",
                    it.title_span[0], it.title_span[1])
        for part in it.parts:
            if part.kind == "presenters":
                _presenters(cx, ik, part)
        decisions = [p for p in it.parts if p.kind == "decision"] or \
                    [p for p in it.parts if p.kind == "proposal"]
        for part in decisions[:1] if decisions and decisions[0].kind == "decision" else decisions:
            _decisions(cx, it, ik, part)
        if not it.parts:  # notes without headings decide in prose; a "Bakgrund" reports others' decisions
            _decisions_in_text(cx, it, ik)
        referrals(cx, it, ik)
    papers(cx)
    referrals_outside_items(cx)


def _presenters(cx: DocContext, ik: str, part) -> None:
    """'Föredragande: Maria Östlund, IFO-chef Bergs kommun' / 'ordförande X, Y, Östersund och Z, titel'."""
    line_end = cx.text.find("\n", part.head[0])
    line_end = len(cx.text) if line_end < 0 else line_end
    a = cx.text.index(":", part.head[0]) + 1
    for m in NAME_RE.finditer(cx.seg.masked, a, line_end):
        if not plausible_name(m.group()):
            continue
        pk = person(cx, m.start(), m.end(), "presenter")
        cx.claim("PRESENTED", pk, ik, part.head[0], line_end, "presenter")
        # a title and organisation right after the name: ", förbundschef, Kommunförbundet …"
        tail = cx.seg.masked[m.end(): line_end]
        tm = re.match(r"^,[ \t]*([^,]+?)(?:,[ \t]*([^,]+?))?(?=,|[ \t]+och[ \t]|$|\.)", tail)
        if tm:
            raw = tm.group(1).strip()
            t0 = m.end() + tail.index(raw)
            title, org = split_title(raw)
            org_raw = tm.group(2).strip() if tm.group(2) else org
            org_key = None
            if org_raw:
                o = cx.seg.masked.find(org_raw, m.end(), line_end)
                if o >= 0:
                    org_key = municipality(cx, o, o + len(org_raw), "presenter") or \
                        region(cx, o, o + len(org_raw), "presenter") or \
                        (body(cx, org_raw, o, o + len(org_raw), "presenter") if body_kind(org_raw) else None)
            if title and org_key:
                title_facts(cx, pk, (t0, t0 + len(raw)), org_key, part.head[0], line_end, "presenter")


def _decisions_in_text(cx: DocContext, it: Item, ik: str) -> None:
    """Memory notes decide in prose: 'Nätverket beslutade att …', '… godkändes.' (confidence 0.8)."""
    k = 0
    seen: set[tuple[int, int]] = set()
    for m in DECIDED_IN_TEXT_RE.finditer(cx.seg.masked, it.head[1], it.end):
        a, b = sentence_bounds(cx.seg.masked, m.start())
        for _ in range(3):  # past an abbreviation's point: "med stöd av 7 kap. 12 § riksdagsordningen att …"
            if not (b < it.end and cx.seg.masked[b - 1] == "." and ABBREV_GO_ON_RE.match(cx.seg.masked, b)):
                break
            b = min(sentence_bounds(cx.seg.masked, b + 1)[1], it.end)
        if AGREED_RE.match(cx.seg.masked[a:b].lstrip()):
            # "Ordföranden föreslår att … Förslaget bifalls av övriga ledamöter.": the proposal is the decision
            pa = max(sentence_bounds(cx.seg.masked, max(a - 2, 0))[0], it.head[1])
            if PROPOSES_RE.search(cx.seg.masked, pa, a):
                a = pa
        a = max(a, it.head[1])
        while a < b and cx.text[a].isspace():
            a += 1
        if (a, b) in seen:  # "Anteckningarna godkändes och lades till handlingarna.": one sentence, one decision
            continue
        seen.add((a, b))
        k += 1
        dk = f"decision:{it.label}:{k}"
        if dk in cx.by_key:
            continue
        text = re.sub(r"\s+", " ", cx.text[a:b]).strip()
        cx.mention(dk, "Decision", {"text": text, "number": str(k), "name": f"{it.label}.{k}"}, a, b,
                   "decision-in-text", 0.8)
        cx.claim("HAS_DECISION", ik, dk, a, b, "decision-in-text", 0.8)
        assignments_at(cx, dk, a, b)
        referrals_in(cx, ik, dk, a, b)


def _decisions(cx: DocContext, it: Item, ik: str, part) -> None:
    # the lines after the part's heading, before its end (cx.seg.lines rise by start: found by bisection)
    start, lines = attrgetter("start"), cx.seg.lines
    lines = lines[bisect_right(lines, part.head[1], key=start):bisect_left(lines, part.end, key=start)]
    items: list[tuple[str | None, int, int]] = []
    inline = cx.seg.masked[part.head[0]:part.head[1]]
    im = re.match(r"(?i)^\s*(?:beslut|förslag till beslut|ställningstagande)\s*:\s*(?P<t>\S.*)$", inline)
    if im:  # "Beslut: Äldrenämnden fastställer …" on the heading's own line
        items.append((None, part.head[0] + im.start("t"), part.head[1]))
    elif re.search(r"(?i)\bbeslutar\b(?:[ \t]+(?:att|om)\b|[ \t]+\S)(?!.*:\s*$)", inline) and \
            len(inline.strip()) > 30:
        # "Arbetsutskottet beslutar att utse Tomas Vikberg att justera dagens protokoll.": the line is the decision
        a0 = part.head[0] + (len(inline) - len(inline.lstrip()))
        items.append((None, a0, part.head[1]))
    for ln in lines:
        s = ln.strip
        if not s:
            continue
        m = DECISION_LINE_RE.match(ln.text)
        if m:
            items.append((m["num"], ln.start + m.start("text"), ln.end))
        elif re.match(r"[ \t]*att[ \t]", ln.text):  # "att godkänna …," / "att överlämna …": one decision each
            items.append((None, ln.start + (len(ln.text) - len(ln.text.lstrip())), ln.end))
        elif items and _continues(cx.text, items[-1][2], ln.start):
            num, a, _ = items[-1]
            items[-1] = (num, a, ln.end)
        elif not items and re.search(r"(?i)\bbesluta[r]?(?:[ \t]+att)?:?$", s):
            # "Arbetsutskottet föreslår regionstyrelsen besluta att": a lead-in to the points below, and the
            # proposal's way on to the body that decides
            referrals_in(cx, ik, ik, ln.start, ln.end)
        elif not items and s.endswith(":"):
            # "SVOM beslutar att rekommendera Region Jämtland Härjedalen och kommunerna att:": whom the points
            # below go to
            referrals_in(cx, ik, ik, ln.start, ln.end)
        elif not items:
            items.append((None, ln.start + (len(ln.text) - len(ln.text.lstrip())), ln.end))
        elif items and not s.endswith(":"):
            break
    for k, (num, a, b) in enumerate(items, 1):
        dk = f"decision:{it.label}:{k}"
        text = re.sub(r"\s+", " ", cx.text[a:b]).strip()
        cx.mention(dk, "Decision", {"text": text, "number": num or str(k), "name": f"{it.label}.{k}"},
                   a, b, "decision-line")
        cx.claim("HAS_DECISION", ik, dk, a, b, "decision-line")
        assignments_at(cx, dk, a, b)
        referrals_in(cx, ik, dk, a, b)
