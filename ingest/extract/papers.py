"""Matters that reach a body by a paper rather than by a verb: a decision paper's or tjänsteskrivelse's addressee
('BESLUTSUNDERLAG SVOM', 'TJÄNSTESKRIVELSE Socialförvaltningen … Till Socialnämnden'), an item that carries its
arbetsutskott's paragraph beside the body's own ('Sn 50 Au 84': the arbetsutskott prepared it for the body) and the
paper an item's matter came on ('Underlaget utgjordes av en promemoria från Socialdepartementet'); and what the
titles of items read from a register say ('INNEHÅLLSFÖRTECKNING … Framställan ställd till regeringen om …')."""
from __future__ import annotations

import re

from ingest.extract.context import DocContext
from ingest.extract.referrals import came_from, referrals_in, refers
from ingest.extract.targets import target_at
from ingest.segment import Item

# "BESLUTSUNDERLAG SOCIALA VÅRD- OCH OMSORGSGRUPPEN, SVOM, 20190315", "Tjänsteskrivelse till Socialnämnden": a
# paper the document's head addresses to the body that is to decide on it
ADDRESSED_RE = re.compile(r"(?i)\b(?:beslutsunderlag|underlag[ \t]+för[ \t]+beslut|tjänsteskrivelse)"
                          r"(?:[ \t]+(?:till|för|inför))?[ \t]*:?[ \t]+")
_HEAD = 400
# a tjänsteskrivelse's head fields, anywhere in the document (a kallelse carries its papers): "TJÄNSTESKRIVELSE
# Socialförvaltningen TJÄNSTESTÄLLE … Till Socialnämnden HANDLÄGGARE …", "Tjänsteskrivelse\nMottagare:
# Kommunstyrelsen"
MEMO_RE = re.compile(r"(?i)\btjänsteskrivelse\b")
# the addressee field: a label with a capital, at a line's start or between the head's fields
TO_FIELD_RE = re.compile(r"(?:^|(?<=[ \t]))(?:Till|Mottagare)[ \t]*:?(?:[ \t]+|[ \t]*\n[ \t]*)", re.M)
_FIELDS = 300
# a sentence between the label and "Till": prose about a tjänsteskrivelse, no head
_SENTENCE_END = re.compile(r"[a-zåäö]{2}[.!?][ \t\n]")
# what may follow the addressee in a head: the line's end or the next field (a capital or a digit), not a sentence
# going on ("Till Socialnämndens sammanträde har …")
_FIELD_END = re.compile(r"[ \t]*(?:,[ \t]*)?(?:$|[A-ZÅÄÖ0-9])", re.M)
# "Au § 84", "AU 84", "KSAU § 12", "SnAu 7" beside the body's own paragraph at the head of an item
AU_PARAGRAPH_RE = re.compile(r"(?<![\w-])(?:[A-ZÅÄÖ][a-zåäö]?|[A-ZÅÄÖ]{2,3})?(?:Au|AU|au)"
                             r"[ \t]*(?:§[ \t]*)?\d{1,4}(?![\d-])")
_AU_ORGANS = ("styrelse", "nämnd", "direktion")
# "Underlaget utgjordes av en överläggningspromemoria från Socialdepartementet": the paper the matter came on, and
# the body it came from
BASIS_RE = re.compile(r"(?i)\bunderlaget[ \t]+(?:utgjordes|utgörs|bestod|består)[ \t]+av"
                      r"(?:[ \t]+(?!från\b)[a-zåäö-]+){1,5}[ \t]+från[ \t]+")


def papers(cx: DocContext) -> None:
    """Every rule of the module, for the document's items and its head."""
    addressed(cx)
    memo_addressee(cx)
    for it in cx.seg.items:
        ik = f"item:{it.label}"
        au_paragraph(cx, it, ik)
        basis(cx, ik, it.start, it.end)
    register_titles(cx)


def addressed(cx: DocContext) -> None:
    """The body a decision paper or tjänsteskrivelse is addressed to in its head (its first lines): named right
    after the label, or the body the meeting's head read there; the document's meeting is the source."""
    mk = cx.meeting_key
    if not mk:
        return
    first = min([it.start for it in cx.seg.items] + [_HEAD])
    for m in ADDRESSED_RE.finditer(cx.seg.masked, 0, first):
        k, t = None, None
        if cx.body_key in cx.by_key and 0 <= cx.by_key[cx.body_key].evidence.start - m.end() < 60:
            k, t = cx.body_key, cx.by_key[cx.body_key].evidence
        else:
            t = target_at(cx, m.end(), min(len(cx.text), m.end() + 120), "addressed")
            # a heading in capitals is no acronym ("BESLUTSUNDERLAG SOCIALA VÅRD- OCH …")
            k = t.make() if t and not (cx.text[t.start:t.end].isupper() and t.end - t.start > 5) else None
        if k and not refers(cx, mk, k):
            cx.claim("REFERRED_TO", mk, k, m.start(), t.end, "addressed", verb="beslutsunderlag")
        return


def memo_addressee(cx: DocContext) -> None:
    """A tjänsteskrivelse's 'Till X' field: the förvaltning's paper goes to the body X; the item that holds the
    paper (or the meeting, outside every item) is the source."""
    mk = cx.meeting_key
    text = cx.seg.masked
    for m in MEMO_RE.finditer(text):
        f = TO_FIELD_RE.search(text, m.end(), min(len(text), m.end() + _FIELDS))
        if not f or _SENTENCE_END.search(text, m.end(), f.start()):
            continue  # a sentence between: prose about a tjänsteskrivelse, not its head
        t = target_at(cx, f.end(), min(len(text), f.end() + 120), "addressed")
        if not t or t.start != f.end() or not _FIELD_END.match(text, t.end):
            continue
        src = next((f"item:{it.label}" for it in cx.seg.items if it.start <= m.start() < it.end), mk)
        k = t.make() if src else None
        if k and not refers(cx, src, k):
            cx.claim("REFERRED_TO", src, k, m.start(), t.end, "memo-addressee", verb="tjänsteskrivelse")


def au_paragraph(cx: DocContext, it: Item, ik: str) -> None:
    """'Sn 50 Au 84 Budget …': a styrelse's or nämnd's item that gives its arbetsutskott's paragraph at its head
    came to the body from the arbetsutskott, which prepared it."""
    own = cx.body_key
    if not own or own not in cx.by_key or cx.by_key[own].props.get("kind") not in _AU_ORGANS:
        return
    end = min(it.end, max(it.head[1], it.title_span[0]) + 12)
    m = AU_PARAGRAPH_RE.search(cx.seg.masked, it.start, end)
    if m:
        came_from(cx, ik, it.start, it.end, m.start(), None, "beredning", m.end(), "au-paragraph")


def basis(cx: DocContext, ik: str, a: int, b: int) -> None:
    """'Underlaget utgjordes av en överläggningspromemoria från Socialdepartementet': the matter came to the
    document's body on a paper from the body named."""
    if not cx.body_key:
        return
    for m in BASIS_RE.finditer(cx.seg.masked, a, b):
        sender = target_at(cx, m.end(), min(b, m.end() + 120), "remiss-sender")
        if sender and sender.start == m.end():
            came_from(cx, ik, a, b, m.start(), sender, "underlag från", sender.end, "basis")


def register_titles(cx: DocContext) -> None:
    """Items read from a register (the document's items are its table of contents): the masking hides the
    register as page furniture, yet its titles are the items' only words; their referrals are read as written."""
    if cx.seg.item_style != "contents":
        return
    masked, parts, p = cx.seg.masked, [], 0
    titled = [it for it in cx.seg.items if it.title_span[0] < it.title_span[1]]
    for it in titled:
        a, b = it.title_span
        if a >= p:
            parts += [masked[p:a], cx.text[a:b]]
            p = b
    cx.seg.masked = "".join(parts + [masked[p:]])
    try:
        for it in titled:
            referrals_in(cx, f"item:{it.label}", f"item:{it.label}", *it.title_span)
    finally:
        cx.seg.masked = masked
