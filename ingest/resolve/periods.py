"""The periods facts hold: the meeting's date as the date a fact was observed, and the start and end the text
states ('från och med 2024', 't.o.m. 2026-12-31', 'utsågs i februari 2023')."""
from __future__ import annotations

import re

from graph.text import sentence_around
from ingest.dates import month_of, parse_one

# facts that hold at a time: dated by the document's meeting (observed), and given the period the text states
DATED = ("HOLDS", "MEMBER_OF", "REPRESENTS", "REPORTS_TO", "PREPARES_FOR", "PART_OF", "SUCCEEDED")
PERIODS = ("HOLDS", "MEMBER_OF", "REPRESENTS", "REPORTS_TO", "PREPARES_FOR", "PART_OF")
_WHEN = r"(?:den\s+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-zåäö]+\.?\s+\d{4}|[a-zåäö]+\s+\d{4}|\d{4})\b"
FROM_RE = re.compile(r"(?i)\b(?:från\s+och\s+med|fr\.\s?o\.\s?m\.?|from|med\s+start|från|sedan|fr\.?\s?o\.?\s?m)\s+"
                     + _WHEN)
TO_RE = re.compile(r"(?i)\b(?:till\s+och\s+med|t\.\s?o\.\s?m\.?|tom|fram\s+till|till\s+den|upphör\w*|avslutas|"
                   r"avslutades|läggs\s+ned|lades\s+ned)\s+(?:vid\s+|i\s+|den\s+|med\s+)?" + _WHEN)


def _when(text: str, last: bool = False) -> str | None:
    """'2024-01-01', '1 januari 2024', 'februari 2023' or '2024' as ISO text (a month or a year kept as such)."""
    iso = parse_one(text)
    if iso:
        return iso
    month = month_of(text)
    if month:
        return month
    m = re.fullmatch(r"(19|20)\d\d", text.strip())
    return m.group() if m else None


def stated_period(text: str, start: int, end: int, rule: str, date: str | None) -> dict[str, str]:
    """The start and end a text states for the fact at start:end: 'från och med 2024', 't.o.m. 2026-12-31',
    and for an election ('utsågs i februari 2023') the date it names."""
    sentence = sentence_around(text, start, end)
    out = {}
    m = FROM_RE.search(sentence)
    if m and (w := _when(m.group(1))):
        out["valid_from"] = w
    elif date and rule == "election":  # the election rule dates the fact by the month the text names
        out["valid_from"] = date
    m = TO_RE.search(sentence)
    if m and (w := _when(m.group(1))):
        out["valid_to"] = w
    return out
