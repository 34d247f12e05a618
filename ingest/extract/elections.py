"""Elections: 'väljer X till vice ordförande', 'X utsågs i februari 2023 till ordförande i Y'."""
from __future__ import annotations

import re

from ingest import lexicon
from ingest.dates import MONTHS as MONTH_NUMBER
from ingest.extract.context import DocContext
from ingest.extract.entities import body, hold, person
from ingest.extract.names import body_kind, plausible_name
from ingest.extract.patterns import NAME, PARTY
from ingest.extract.references import body_ref
from graph.text import wrapped_sentence_start


ELECTION_ROLE = r"(?P<role>(?:1:e |2:e |förste |andre )?vice ordförande|ordförande|ledamot|ersättare|sekreterare)"

MONTH_YEAR_RE = re.compile(r"(?i)\b(?P<month>" + "|".join(m for m in MONTH_NUMBER if len(m) > 3) + r")[ \t]+(?P<year>(?:19|20)\d\d)\b")

ELECTION_RES = [
    re.compile(rf"\b(?:väljer|utser|valde|utsåg)[ \t]+(?P<name>{NAME})(?:[ \t]*{PARTY})?[ \t]+(?:till|som)[ \t]+"
               rf"{ELECTION_ROLE}(?:[ \t]+i[ \t]+(?P<body>[^.,\n]{{2,60}}))?"),
    re.compile(rf"(?P<name>{NAME})(?:[ \t]*{PARTY})?(?:,[^,.\n]{{2,40}},)?[ \t]+(?:utsågs|valdes|är vald|har valts|"
               rf"utses|väljs|blev vald)(?:[ \t]+[^.\n]{{0,30}}?)?[ \t]+till[ \t]+{ELECTION_ROLE}"
               rf"(?:[ \t]+i[ \t]+(?P<body>[^.,\n]{{2,60}}))?"),
]


def elections(cx: DocContext) -> None:
    """'… väljer Karl-Erik Lundin (KD) till vice ordförande', 'Lennart Raswill (C) är vald till 2:e vice
    ordförande i SVOM', '… utsågs i februari 2023 till vice ordförande i Sociala samrådsgruppen'."""
    text = cx.seg.masked
    for rx in ELECTION_RES:
        for m in rx.finditer(text):
            if not plausible_name(m["name"]):
                continue
            role = lexicon.title_forms().get(m["role"].lower().rstrip("."), m["role"].lower())
            target = None
            if m.groupdict().get("body"):
                bt = m["body"].strip()
                ba = m.start("body") + (len(m["body"]) - len(m["body"].lstrip()))
                target = body_ref(cx, bt, ba) or (body(cx, bt, ba, ba + len(bt), "election")
                                                  if body_kind(bt) else None)
            target = target or cx.body_key
            if not target:
                continue
            pk = person(cx, m.start("name"), m.end("name"), "election", m.groupdict().get("party"))
            s_ = wrapped_sentence_start(cx.text, m.start(), 0)
            # "utsågs i februari 2023 till …": the election's month; else the meeting's date (in resolution)
            when = MONTH_YEAR_RE.search(text, s_, m.end())
            date = f"{when['year']}-{MONTH_NUMBER[when['month'].lower()]:02d}" if when else None
            cx.claim("MEMBER_OF", pk, target, s_, m.end(), "election", role=role, date=date)
            hold(cx, pk, role, target, s_, m.end(), "election", date=date)
