"""The opening items a segmentation would miss. An unnumbered "Justering" before the first numbered item: minutes that number only their matters still report
the choice of the person who checks them, under a heading of its own ("Justering\n\n1. SN/2018:98 Uppdrag …",
"… Justering Utsågs Ulric Andersson att jämte ordföranden justera dagens protokoll. 138 LK/ Föredragningslistan
…"). It is an item of the agenda, unnumbered. Never where an item already chooses the checker ("Val av
justerare"). And where a run-on transcript gave no item at all, its agenda's approval still shows as a heading
followed by its own decision: "Dagordning 177 Dagordningen godkännes med följande ändringar", "NVSam Dagordning
Dagordningen föredras." (the number, where one stands between them, is the paragraph's)."""
from __future__ import annotations

import re

from ingest.segment.model import Item, Segmented

# the heading on a line of its own, right before the first item (only blank lines between)
JUSTERING_LINE_RE = re.compile(r"(?m)^[ \t]*Justering[ \t]*\n(?:[ \t]*\n)*[ \t]*\Z")
# the heading inside run-on text, its sentence choosing the checker: "Justering Utsågs … att … justera …"
# (a sentence, ended by its point: a head page's labels "Justering Kommunkansliet … Utses att justera" are none)
JUSTERING_INLINE_RE = re.compile(r"(?<![\w-])Justering[ \t]+(?=[A-ZÅÄÖ][a-zåäö]+[ \t][^\n.]{0,120}?\bjustera\b"
                                 r"[^\n.]{0,80}\.)")
CHECKER_TITLE_RE = re.compile(r"(?i)\bjuster")
WINDOW = 400


def opening_items(seg: Segmented) -> None:
    if not seg.items or not seg.items[0].number or any(CHECKER_TITLE_RE.search(it.title) for it in seg.items):
        return
    first = seg.items[0]
    lo = max(0, first.start - WINDOW)
    before = seg.masked[lo:first.start]
    m = JUSTERING_LINE_RE.search(before)
    if m is None and seg.item_style == "inline":
        m = next((x for x in JUSTERING_INLINE_RE.finditer(before)), None)
    if m is None:
        return
    a = lo + m.start() + len(m.group()) - len(m.group().lstrip())
    b = a + len("Justering")
    seg.items.insert(0, Item("", "Justering", "Justering", a, first.start, (a, b), (a, b)))


AGENDA_ITEM_RE = re.compile(r"(?<![\w-])(?P<title>Dagordning|Föredragningslista)(?:[ \t]+(?P<num>\d{1,3}))?[ \t]+"
                            r"(?P=title)(?:en|n)[ \t]+[a-zåäö]")


def agenda_item(seg: Segmented) -> None:
    if seg.items:
        return
    m = AGENDA_ITEM_RE.search(seg.masked)
    if m is None:
        return
    a, b = m.start("title"), m.end("title")
    num = m["num"] or ""
    end = seg.masked.find("\n\n", m.end())  # to the end of its page
    end = len(seg.masked) if end < 0 else end
    seg.items.append(Item(num, num or m["title"], m["title"], a, end, (a, m.end("num") if num else b),
                          (a, b)))
    seg.item_style = "inline"
