"""Swedish dates in the forms minutes use: 2023-10-13, 13 oktober 2023, fredagen den 13 oktober 2023,
24/2 2023, 210216 (YYMMDD after a date label) and "26 februari" with the year taken from the document."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
          "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
          "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\s+)?(?:den\s+)?"

ISO_RE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
LONG_RE = re.compile(rf"(?i)\b(\d{{1,2}})(?::e|:a)?\s+({_MONTH_RE})\.?(?:\s+((?:19|20)\d\d))?\b")
# "fredagen den 13 oktober": the weekday and "den" before the day belong to the date's span; looked for
# backwards from the day, which is much cheaper than an optional prefix tried at every position
WEEKDAY_BEFORE_RE = re.compile(rf"(?i){_WEEKDAY}$")
# "i december 2024": a month without a day (a due date, a period)
MONTH_YEAR_RE = re.compile(rf"(?i)(?<!\d\s)(?<!\d)\b({_MONTH_RE})\s+((?:19|20)\d\d)\b")
SLASH_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:\s+((?:19|20)\d\d))?\b")
COMPACT_RE = re.compile(r"\b(\d{2})(\d{2})(\d{2})\b")


@dataclass
class DateHit:
    start: int
    end: int
    year: int | None
    month: int
    day: int

    def iso(self, default_year: int | None = None) -> str | None:
        y = self.year or default_year
        if y is None:
            return None
        try:
            return date(y, self.month, self.day).isoformat()
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateHit]:
    """All dates in text[start:end], in order; offsets are into text."""
    end = len(text) if end is None else end
    hits: list[DateHit] = []
    # the spans already read, disjoint and kept in order: a span is free when it overlaps neither neighbour
    starts: list[int] = []
    ends: list[int] = []

    def free(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, a)
        return (i == 0 or ends[i - 1] <= a) and (i == len(starts) or b <= starts[i])

    def take(a: int, b: int) -> None:
        i = bisect.bisect_right(starts, a)
        starts.insert(i, a)
        ends.insert(i, b)

    for m in ISO_RE.finditer(text, start, end):
        hits.append(DateHit(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3])))
        take(*m.span())
    for m in LONG_RE.finditer(text, start, end):
        if free(*m.span()) and 1 <= int(m[1]) <= 31:
            wd = WEEKDAY_BEFORE_RE.search(text, max(start, m.start() - 20), m.start())
            s = wd.start() if wd and wd.group() else m.start()
            hits.append(DateHit(s, m.end(), int(m[3]) if m[3] else None, MONTHS[m[2].lower()], int(m[1])))
            take(s, m.end())
    for m in SLASH_RE.finditer(text, start, end):
        d, mo = int(m[1]), int(m[2])
        # "J/H", "24/2 2023": only a day/month pair that is a valid date and not part of a longer number
        if free(*m.span()) and 1 <= d <= 31 and 1 <= mo <= 12 and not text[max(0, m.start() - 1):m.start()].isalnum():
            hits.append(DateHit(m.start(), m.end(), int(m[3]) if m[3] else None, mo, d))
            take(*m.span())
    hits.sort(key=lambda h: h.start)
    return hits


def parse_compact(s: str) -> str | None:
    """YYMMDD, as in "Datum: 210216"; only called where a label says the value is a date."""
    m = COMPACT_RE.fullmatch(s.strip())
    if not m:
        return None
    try:
        return date(2000 + int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def parse_one(s: str, default_year: int | None = None) -> str | None:
    """The first date in a short string (a header value), as ISO text."""
    compact = parse_compact(s)
    if compact:
        return compact
    hits = find_dates(s)
    return hits[0].iso(default_year) if hits else None


def document_year(text: str) -> int | None:
    """The year most dates with a year in the document have: used for dates written without one."""
    years = Counter(h.year for h in find_dates(text) if h.year)
    for m in re.finditer(r"(?i)datum:?\s*(\d{6})\b", text):
        iso = parse_compact(m[1])
        if iso:
            years[int(iso[:4])] += 2
    return years.most_common(1)[0][0] if years else None


def month_of(text: str) -> str | None:
    """'i december 2024' -> '2024-12': the last month named with its year and without a day, or None."""
    hits = [m for m in MONTH_YEAR_RE.finditer(text) if not re.search(r"\d\s*$", text[:m.start()])]
    if not hits:
        return None
    m = hits[-1]
    return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}"
