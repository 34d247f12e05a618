"""A meeting's programme as blocks without numbers: under a line "Program" (or "Dagordning", "Agenda"), each block
between blank lines is an entry whose first line is its title and whose other lines name who presents it
("Årshjul för Värmlandsrådet" / "Fredrik Larsson, Region Värmland …"). Read only where no other layout gave items."""
from __future__ import annotations

import re

from ingest.segment.model import Item, Line, Segmented

PROGRAM_HEAD_RE = re.compile(r"(?i)^[ \t]*(?:program|programpunkter|dagordning|agenda|föredragningslista)[ \t]*:?[ \t]*$")
# a break in the programme is no item
BREAK_RE = re.compile(r"(?i)^(?:paus|lunch|fika|kaffe|kaffepaus|bensträckare)\b[ \t.,]*(?:\d.*)?$")
# the notes or minutes of the meeting begin: the programme has ended
NOTES_RE = re.compile(r"(?i)^(?:minnesanteckningar|anteckningar|protokoll|mötesanteckningar)\b")


def program_items(seg: Segmented) -> None:
    lines = seg.lines
    head = next((i for i, ln in enumerate(lines) if PROGRAM_HEAD_RE.match(ln.text)), None)
    if head is None:
        return
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines[head + 1:]:
        s = ln.strip
        if not s:
            if cur:
                blocks.append(cur)
            cur = []
            continue
        if not cur and (len(s) > 250 or NOTES_RE.match(s)):
            break  # prose: the programme is over
        cur.append(ln)
    else:
        if cur:
            blocks.append(cur)
    entries = [b for b in blocks if len(b[0].strip) <= 200 and not b[0].strip.endswith(".")
               and not BREAK_RE.match(b[0].strip)]
    if len(entries) < 3:
        return
    seg.item_style = "program"
    for k, b in enumerate(entries, 1):
        ln = b[0]
        title = ln.strip.rstrip(" ,;:")
        off = ln.text.index(title)
        nxt = next((x for x in entries[k:k + 1]), None)
        end = nxt[0].start if nxt else b[-1].end
        seg.items.append(Item("", f"punkt {k}", title, ln.start, end, (ln.start, ln.end),
                              (ln.start + off, ln.start + off + len(title)), number_inferred=True))
