"""Referrals: 'överlämnas till SVOM', 'föreslår kommunfullmäktige besluta' — the matter an item sends to a body."""
from __future__ import annotations

import re

from graph.model import Hints
from ingest.extract.context import DocContext
from ingest.extract.references import body_at
from graph.text import wrapped_sentence_start
from ingest.segment import Item


REFERRAL_RE = re.compile(
    r"(?i)\b(?P<verb>(?:överlämnar|överlämna|översänder|översända|skickar|skicka|remitterar|remittera)"
    r"(?:[ \t]+(?!till\b)[a-zåäö-]+){1,4}(?=[ \t]+till\b)|"
    # "föreslår kommunfullmäktige besluta": a proposal sent on to the body that decides
    r"föreslår(?=[ \t]+[\wåäöÅÄÖ-]+(?:[ \t]+[\wåäöÅÄÖ-]+){0,4}?[ \t]+(?:att[ \t]+)?besluta\b)|"
    r"överlämnas|överlämna|överlämnades|lyfts|lyftas|lyfta|lyftes|hänskjuts|remitteras|"
    r"översänds|skickas|återrapporteras|återrapportering\b[^.]{0,80}?\bske|bereds|beredas|hanteras|"
    r"tas upp|överförs)(?:\s+(?:direkt|vidare|för beslut|för kännedom))?\s+(?P<prep>till|i|på|av|hos|vid)?\s*")


def referrals(cx: DocContext, it: Item, ik: str) -> None:
    decided = {c.evidence.start for c in cx.claims_of("REFERRED_TO")}
    parts = [p for p in it.parts if p.kind not in ("decision", "proposal")]
    spans = [(p.start, p.end) for p in parts] or [(it.head[1], it.end)]
    if not it.parts:
        spans = [(it.head[1], it.end)]
    for a, b in spans:
        referrals_in(cx, ik, ik, a, b, decided)


def referrals_in(cx: DocContext, ik: str, src: str, a: int, b: int, skip: set[int] | None = None) -> None:
    """'… överlämnas till SVOM', 'bereds SVOM på dagens sammanträde', 'lyftas till SVOM'."""
    text = cx.seg.masked
    for m in REFERRAL_RE.finditer(text, a, b):
        tail = text[m.end(): min(b, m.end() + 80)]
        target = body_at(cx, m.end(), tail)
        if not target:
            continue
        bk, te = target
        if bk == cx.body_key:
            continue
        verb = re.sub(r"\s+", " ", m["verb"].lower()).split()[0]
        if verb == "föreslår":  # the quote says what is proposed: "föreslår kommunfullmäktige besluta"
            bm = re.match(r"[ \t]+(?:att[ \t]+)?besluta\b", text[te:te + 20])
            te += bm.end() if bm else 0
        s_start = wrapped_sentence_start(cx.text, m.start(), a)
        if skip and s_start in skip:
            continue
        item_title = cx.by_key[ik].props.get("title", "")
        obj = _referral_object(cx, s_start, m.start()) or item_title
        mk = f"matter:{ik}"
        props = {"title": obj, "name": obj}
        context = None
        if re.match(r"(?i)(?:ärendet|frågan)\b", obj) and len(obj) < 40:
            # "Ärendet om översyn bereds SVOM": the matter is what the sentence before says
            prev = cx.seg.masked[max(a, s_start - 400):s_start]
            context = re.sub(r"\s+", " ", prev).strip() or None
        same_day = "på dagens sammanträde" in cx.seg.masked[m.start():min(b, te + 60)].lower()
        cx.mention(mk, "Matter", props, s_start, te, "referral", hints=Hints(context=context, same_day=same_day))
        if not any(c.src == ik and c.dst == mk for c in cx.claims_of("CONCERNS")):
            cx.claim("CONCERNS", ik, mk, s_start, te, "referral", step="remiss")
        cx.claim("REFERRED_TO", src, bk, s_start, te, "referral", verb=verb, matter=mk)


def _referral_object(cx: DocContext, s: int, v: int) -> str | None:
    """The subject of 'X överlämnas till Y' when it names a document or matter ('Skrivelse angående …')."""
    subj = re.sub(r"\s+", " ", cx.text[s:v]).strip(" -–•\t")
    subj = re.sub(r"^(?:\d+\.\s*)", "", subj)
    if 8 <= len(subj) <= 160 and re.match(r"(?i)(skrivelse|ärendet|frågan|förslag|rapport|remiss|motion|"
                                          r"medborgarförslag|begäran|yttrande|avtal|handlingsplan|policy|"
                                          r"riktlinje|program)", subj):
        return subj
    return None
