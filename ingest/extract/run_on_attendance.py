"""Attendance in run-on text, where a PDF transcript or a copied web page gives the whole head on one line:
"Beslutande Fredrik Larsson (M) ordförande Jane Larsson (C) 1:e vice ordförande … Ersättare Karin Andersson (M) …
I tjänsten Gunilla Andersson, landstingsdirektör". The section words of ingest/rules/sections.csv, written with a
capital inside the line, divide the text; the persons read there by the earlier stages attend in that section's
role until the next section word or a word of the protocol's head (justering, paragrafer, underskrifter …).
Used only where no attendance was read from lines, so that line layouts keep their own rules."""
from __future__ import annotations

import bisect
import re
from functools import cache

from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import person

# Words of a protocol's head that end an attendance list.
STOP_RE = re.compile(r"(?<![\w-])(?:Utses att justera|Utsedd att justera|Justering(?:ens)?|Justeras|Paragrafer|"
                     r"Underskrifter|Plats och tid|Sammanträdes(?:tid|plats|datum)|Protokollet|Sekreterare\b)")
# A meeting role right after a name: "Fredrik Larsson (M) ordförande", "Jonas Niklasson, 2:e vice ordförande (C)"
ROLE_AFTER_RE = re.compile(r"[ \t,]*(?:\([A-Za-zÅÄÖåäö]{1,4}\)[ \t,]*)?(?P<role>(?:1:[ \t]?e|2:[ \t]?e|förste|andre)?"
                           r"[ \t]?vice ordförande|ordförande|ordf\.?|tjg ersättare|tjänstgörande ersättare)",
                           re.IGNORECASE)


@cache
def _section_words() -> list[tuple[re.Pattern[str], str, str]]:
    return [(re.compile(rf"(?i)(?<![\w-])(?:{r['pattern']})(?![\w-])"), r["role"], r["status"])
            for r in lexicon.rules_csv("sections.csv")]


def _boundaries(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, role, status) of every section word that begins with a capital inside the text, the longest
    at each place; a head word is a boundary with no role."""
    found: dict[int, tuple[int, str, str]] = {}
    for rx, role, status in _section_words():
        for m in rx.finditer(text):
            if text[m.start()].isupper() and (m.start() not in found or m.end() > found[m.start()][0]):
                found[m.start()] = (m.end(), role, status)
    for m in STOP_RE.finditer(text):
        found.setdefault(m.start(), (m.end(), "", "stop"))
    return sorted((s, e, role, status) for s, (e, role, status) in found.items())


def run_on_attendance(cx: DocContext) -> None:
    if not cx.meeting_key or cx.claims_of("ATTENDED") or cx.claims_of("ABSENT_FROM"):
        return
    text = cx.seg.masked
    bounds = _boundaries(text)
    spans = cx.person_spans()
    starts = [a for a, _ in spans]
    for k, (s, e, role, status) in enumerate(bounds):
        if status == "stop":
            continue
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(text)
        # only the names inside this section (a name-dense page has thousands of both)
        for a, b in spans[bisect.bisect_left(starts, e):bisect.bisect_left(starts, end)]:
            pk = person(cx, a, b, "run-on-attendance")
            if status == "absent":
                cx.claim("ABSENT_FROM", pk, cx.meeting_key, a, b, "run-on-attendance", 0.8, role=role or None)
                continue
            cx.claim("ATTENDED", pk, cx.meeting_key, a, b, "run-on-attendance", 0.8, role=role or "närvarande")
            rm = ROLE_AFTER_RE.match(text, b, min(end, b + 40))
            # a vice ordförande is a member of the presidium, not a role at this meeting
            if rm and "vice" not in rm["role"].lower():
                said = re.sub(r"\s+", " ", rm["role"].lower().replace(": e", ":e").replace(":e", ":e "))
                said = re.sub(r"\s+", " ", said).strip()
                meeting_role = lexicon.title_forms().get(said.rstrip("."), said)
                if "ersättare" in meeting_role:
                    meeting_role = "tjänstgörande ersättare"
                cx.claim("ATTENDED", pk, cx.meeting_key, a, rm.end(), "run-on-attendance", 0.8, role=meeting_role)
