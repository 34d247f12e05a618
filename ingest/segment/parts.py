"""The parts of an item: föredragande, förslag, yrkanden, beslut, sammanfattning, bakgrund, underlag, bilagor …"""
from __future__ import annotations

import re

from ingest.segment.lines import BULLET_RE
from ingest.segment.model import Item, Line, Part, Segmented

PART_HEADS = [
    ("presenters", re.compile(r"(?i)^(föredragande|föredragare|presentatör(er)?|ansvarig för ärendet)\s*:")),
    # "Förslag till beslut", "Förvaltningens förslag", "Kommunstyrelsens förslag till kommunfullmäktige"
    ("proposal", re.compile(r"(?i)^((\w+s\s+)?förslag\s+till\s+(beslut|\w*fullmäktige|\w+)|förvaltningens förslag|"
                            r"arbetsutskottets förslag|ordförandens förslag)\s*:?$")),
    # the members' motions before the decision: never the decision itself
    ("motions", re.compile(r"(?i)^(yrkanden?|yrkande och proposition|propositionsordning)\s*:?$")),
    ("decision", re.compile(r"(?i)^(\S.{0,80}?\s)?(beslut|ställningstagande|beslutet|protokollsutdrag beslut)\s*:?$")),
    ("summary", re.compile(r"(?i)^(sammanfattning( av ärendet)?|ärendebeskrivning|beskrivning av ärendet)\s*:?$")),
    ("background", re.compile(r"(?i)^(bakgrund)\s*:?$")),
    ("case", re.compile(r"(?i)^(ärendet|ärende|överväganden|bedömning|analys)\s*:?$")),
    ("basis", re.compile(r"(?i)^(beslutsunderlag|underlag|handlingar)\s*:?$")),
    ("attachments", re.compile(r"(?i)^(bilagor?|bilaga \d+)\s*:?$")),
    ("dispatch", re.compile(r"(?i)^(expedieras till|beslutet skickas till|skickas till)\s*:?")),
]
INLINE_DECISION_RE = re.compile(r"(?i)^(beslut|ställningstagande)\s*:\s*\S")
MOTION_RE = re.compile(r"(?i)\b(?:yrkar|yrkade|föreslår|föreslog|finner att|ställer proposition)\b")
DECIDES_RE = re.compile(r"(?i)\b(beslutar|beslöt|beslutade)(?:\s+(att|följande|om)\b[^\n]*)?:?\s*$")


def find_parts(seg: Segmented, it: Item) -> None:
    heads = []
    for ln in seg.lines:
        if ln.start < it.head[0] or ln.start >= it.end:
            continue
        if ln.start == it.head[0]:
            if not it.title_inferred:
                continue
            bm = BULLET_RE.match(ln.text)  # "• Bakgrund": a web bullet that opens with a part heading
            ln = Line(ln.start + bm.end(), ln.end, ln.text[bm.end():]) if bm else ln
        s = ln.strip
        if not s:
            continue
        if len(s) > 120:  # a heading is short; only "Föredragande: A, B och C, …" may run long
            if PART_HEADS[0][1].match(s):
                heads.append(("presenters", ln))
            continue
        for kind, rx in PART_HEADS:
            if rx.match(s):
                heads.append((kind, ln))
                break
        else:
            if INLINE_DECISION_RE.match(s):
                heads.append(("decision", ln))
                continue
            # "Margareta Öst (v) yrkar att nämnden beslutar om …" is a motion, not the decision
            if DECIDES_RE.search(s) and not MOTION_RE.search(s) and not heads_has_decision_after(heads):
                heads.append(("decision", ln))
    for k, (kind, ln) in enumerate(heads):
        end = heads[k + 1][1].start if k + 1 < len(heads) else it.end
        off = len(ln.text) - len(ln.text.lstrip())
        it.parts.append(Part(kind, ln.start, end, (ln.start + off, ln.end)))


def heads_has_decision_after(heads: list) -> bool:
    """'X beslutar att:' directly under a 'beslut' heading belongs to it; do not open a second part."""
    return bool(heads) and heads[-1][0] in ("decision", "proposal")
