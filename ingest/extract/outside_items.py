"""Referrals where no item holds the passage (a page whose items the layout hides, an agenda before them, minutes
whose paragraph numbers were lost): the meeting is what sends the matter on, by the phrasings of referrals.py and by
an uppdrag given to bodies ('Arbetsutskottet beslutar att uppdra till tekniska förvaltningen att …')."""
from __future__ import annotations

import re

from graph.text import wrapped_sentence_start
from ingest.extract.context import DocContext
from ingest.extract.referrals import (MOTION, dispatch, incoming, incoming_by_sender, referrals_in, refers, routes,
                                      taken)
from ingest.extract.targets import targets_at


def referrals_outside_items(cx: DocContext) -> None:
    """Where no item holds the passage (a page whose items the layout hides, an agenda before them), the meeting
    is what sends the matter on: the same phrasings, with the meeting as the source and no matter of an item."""
    mk = cx.meeting_key
    if not mk:
        return
    a = 0
    for s_, e_ in sorted((it.start, it.end) for it in cx.seg.items) + [(len(cx.text), len(cx.text))]:
        if a < s_:
            referrals_in(cx, mk, mk, a, s_)
            incoming(cx, mk, a, s_)
            incoming_by_sender(cx, mk, a, s_)
            dispatch(cx, mk, a, s_)
            routes(cx, mk, a, s_)
            if cx.seg.items:  # with no items at all, the assignment stage reads the uppdrag with its task
                assigned(cx, mk, a, s_)
        a = max(a, e_)


# "Arbetsutskottet beslutar att uppdra till tekniska förvaltningen att riva …": an uppdrag outside every item
ASSIGNED_RE = re.compile(r"(?i)\buppdra(?:r|s|de|git)?[ \t]+(?:till|åt)[ \t]+")


def assigned(cx: DocContext, mk: str, a: int, b: int) -> None:
    """An uppdrag given to bodies in a passage no item holds (the minutes' paragraph numbers lost): the meeting
    sends the matter to them, the bodies named before 'att'."""
    text = cx.seg.masked
    for m in ASSIGNED_RE.finditer(text, a, b):
        found = targets_at(cx, m.end(), min(b, m.end() + 160), "assignment")
        s_start = max(a, wrapped_sentence_start(cx.text, m.start(), a))
        if not found or not re.match(r"[ \t]+att\b", text[found[-1].end:found[-1].end + 5]) or \
                MOTION.search(text, s_start, m.start()) or taken(cx, m.start()):
            continue
        for k in dict.fromkeys(t.make() for t in found):
            if k and k != cx.body_key and not refers(cx, mk, k):
                cx.claim("REFERRED_TO", mk, k, s_start, found[-1].end, "assignment", verb="uppdrag")
