"""Lines and masking: boilerplate (tables of contents, repeated page headers, HTML remnants, navigation and cookie
text) is replaced by spaces in a copy of the same length, so that every offset stays true to the text."""
from __future__ import annotations

import bisect
import re

from ingest import lexicon
from ingest.segment.model import Line

TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,200})?/?>|&nbsp;")
TOC_LINE_RE = re.compile(r"^[ \t]*(?:§\s*\d+|\d+(?:\.\d+)*\.?)\s+\S.*?(?:\.{3,}[ \t]*\d*|\t[ \t]*\d{1,3})[ \t]*$")
TOC_HEAD_RE = re.compile(r"(?i)^\s*(innehåll|innehållsförteckning|ärendelista|föredragningslista)\s*:?\s*$")
BULLET_RE = re.compile(r"^([ \t]*)[•·▪◦‣●\-–*][ \t]+")


def split_lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for ln in text.split("\n"):
        out.append(Line(pos, pos + len(ln), ln))
        pos += len(ln) + 1
    return out


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    """text with every span's characters but line breaks turned into spaces (offsets stay)."""
    if not spans:
        return text
    out, pos = [], 0
    for a, b in sorted({(a, b) for a, b, _ in spans}):
        a = max(a, pos)
        if b <= a:
            continue
        out.append(text[pos:a])
        out.append(re.sub(r"[^\n]", " ", text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def mask_boilerplate(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """A copy of text with page furniture blanked out, and the masked spans with their reasons."""
    masks: list[tuple[int, int, str]] = []

    def add(a: int, b: int, why: str) -> None:
        if b > a:
            masks.append((a, b, why))

    for m in TAG_RE.finditer(text):
        add(m.start(), m.end(), "html")
    for m in lexicon.boilerplate().finditer(text):
        if m.group().strip():
            add(m.start(), m.end(), "boilerplate")
    lines = split_lines(text)
    # Tables of contents: lines ending in dot leaders or a tab and a page number, and a heading above them.
    in_toc = False
    for ln in lines:
        s = ln.text.strip()
        if TOC_HEAD_RE.match(s):
            in_toc = True
            add(ln.start, ln.end, "toc")
            continue
        if TOC_LINE_RE.match(ln.text) or (in_toc and s and re.match(r"^(§\s*)?\d+", s)):
            add(ln.start, ln.end, "toc")
            continue
        if in_toc and s and not TOC_LINE_RE.match(ln.text):
            in_toc = False
    # Page headers: the document's opening lines, repeated further down (often mid-sentence in a PDF export).
    content = [ln for ln in lines if ln.text.strip()]
    closing = {ln.start for ln in content[-4:]}  # a signature that repeats the author's name is no page header
    for head in content[:2]:
        key = head.text.strip()
        if len(key) > 120:
            continue
        repeats = [ln for ln in lines if ln.start > head.start and ln.text.strip() == key and ln.start not in closing]
        for ln in repeats:
            add(ln.start, ln.end, "page-header")
        if repeats:
            # a date or label line right below a repeated header belongs to it ("Minnesanteckningar / Datum: 210216")
            nxt_key = _next_nonempty(lines, head)
            if nxt_key and len(nxt_key.text.strip()) < 60:
                for ln in repeats:
                    nxt = _next_nonempty(lines, ln)
                    if nxt and nxt.text.strip() == nxt_key.text.strip():
                        add(nxt.start, nxt.end, "page-header")
    return _blank(text, masks), sorted(set(masks))


def _next_nonempty(lines: list[Line], ln: Line) -> Line | None:
    # lines are contiguous: find ln by its start offset (list.index compares dataclasses field by field)
    i = bisect.bisect_left([x.start for x in lines], ln.start)
    for nx in lines[i + 1:]:
        if nx.text.strip():
            return nx
    return None
