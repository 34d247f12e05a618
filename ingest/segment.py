"""Segmentation: find the structure of a minutes text without changing it.

Boilerplate (tables of contents, repeated page headers, HTML remnants, navigation and cookie text) is
masked: replaced by spaces in a copy of the same length, so that every offset stays true to the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest import lexicon
from ingest.dates import document_year, find_dates, parse_compact, parse_one

TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,200})?/?>|&nbsp;")
TOC_LINE_RE = re.compile(r"^[ \t]*(?:§\s*\d+|\d+(?:\.\d+)*\.?)\s+\S.*?(?:\.{3,}[ \t]*\d*|\t[ \t]*\d{1,3})[ \t]*$")
TOC_HEAD_RE = re.compile(r"(?i)^\s*(innehåll|innehållsförteckning|ärendelista|föredragningslista)\s*:?\s*$")
BULLET_RE = re.compile(r"^([ \t]*)[•·▪◦‣●\-–*][ \t]+")
PARA_RE = re.compile(r"^[ \t]*(?:[•·▪●][ \t]+)?(?:(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}(?:/[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5})?)"
                     r"[ \t]+)?§[ \t]*(?P<num>\d{1,4})"
                     r"(?P<year>/\d{2,4})?(?![\d-])[ \t:.]*(?P<rest>.*?)[ \t]*$")
# "SON 108 Val av justerare", or "SON 108" alone with the title (or "Dnr …" and the title) below it
PREFIXED_RE = re.compile(r"^[ \t]*(?P<prefix>[A-ZÅÄÖ]{2,6})[ \t]+(?P<num>\d{1,4})(?![\d/.-])"
                         r"(?:[ \t:.]+(?P<rest>[A-ZÅÄÖ].*?))?[ \t]*$")
WORD_ITEM_RE = re.compile(r"^[ \t]*(?P<word>(?i:ärende|punkt|dagordningspunkt))[ \t]+(?P<num>\d{1,3})(?![\d/.-])"
                          r"(?:[ \t:.–-]+(?P<rest>[A-ZÅÄÖ].*?))?[ \t]*$")
POINT_RE = re.compile(r"^[ \t]*(?P<num>\d{1,2})[.)][ \t]+(?P<rest>\S.*?)[ \t]*$")
# "Sammanträdesdatum 2022-05-17": a date label and its value with only spaces between (a letterhead, a PDF)
SPACED_LABEL_RE = re.compile(r"^[ \t]*(?P<label>(?i:sammanträdesdatum|mötesdatum|datum|tid|dnr|diarienummer))[ \t]+"
                             r"(?P<value>\d.*?)[ \t]*$")
LABEL_RE = re.compile(r"^[ \t]*(?P<label>[A-ZÅÄÖa-zåäö][A-Za-zÅÄÖåäö/ ]{1,40}?)[ \t]*(?::[ \t]*|\t+[ \t]*|[ ]{3,})"
                      r"(?P<value>\S.*?)[ \t]*$")

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
STOP_ATTENDANCE = re.compile(r"(?i)^\s*(justering|justeringens|justeras|utses att justera|paragrafer|underskrifter|"
                             r"sekreterare|ordförande|justerare|protokollet|plats och tid)\b")
SIGN_ROLES = {"sekreterare": "sekreterare", "ordförande": "ordförande", "justerare": "justerare",
              "justerande": "justerare", "mötesordförande": "ordförande", "protokollförare": "sekreterare",
              "vid protokollet": "sekreterare"}


@dataclass
class Line:
    start: int
    end: int  # without the newline
    text: str  # masked text of the line

    @property
    def strip(self) -> str:
        return self.text.strip()


@dataclass
class Field:
    name: str
    value: str
    start: int
    end: int
    line_start: int


@dataclass
class Section:
    role: str
    status: str
    start: int
    end: int
    head: tuple[int, int]
    rows: list[Line] = field(default_factory=list)
    inline: bool = False  # "Närvarande: a, b, c" on one line
    columns: tuple[str, ...] = ()  # "Ledamöter Parti Närv Ej närv": a table exported from PDF, columns collapsed


@dataclass
class Part:
    kind: str
    start: int
    end: int
    head: tuple[int, int]


@dataclass
class Item:
    number: str
    label: str  # "§ 45", "SON 108", "1."
    title: str
    start: int
    end: int
    head: tuple[int, int]
    title_span: tuple[int, int]
    number_inferred: bool = False
    title_inferred: bool = False
    parts: list[Part] = field(default_factory=list)


@dataclass
class Signature:
    role: str
    name_span: tuple[int, int]
    span: tuple[int, int]


@dataclass
class Segmented:
    text: str
    masked: str
    masks: list[tuple[int, int, str]]
    lines: list[Line]
    title_lines: list[Line]
    fields: list[Field]
    sections: list[Section]
    items: list[Item]
    signatures: list[Signature]
    year: int | None
    meeting_date: str | None = None
    doc_date: str | None = None
    item_style: str = "none"
    warnings: list[str] = field(default_factory=list)

    def para_at(self, pos: int) -> str | None:
        for it in self.items:
            if it.start <= pos < it.end:
                return it.label
        return None

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


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


def segment(text: str) -> Segmented:
    masked, masks = mask_boilerplate(text)
    lines = split_lines(masked)
    nonempty = [ln for ln in lines if ln.strip]
    seg = Segmented(text=text, masked=masked, masks=masks, lines=lines, title_lines=nonempty[:4], fields=[],
                    sections=[], items=[], signatures=[], year=document_year(text))
    _find_items(seg)
    if not seg.items:  # a PDF transcript or a copied web page: the agenda runs on within a line
        _inline_items(seg)
    # inline items may be a register at the top of the text: the head and the attendance are not cut off there
    body_end = seg.items[0].start if seg.items and seg.item_style != "inline" else len(text)
    _find_fields(seg, body_end)
    _find_sections(seg, body_end)
    _find_signatures(seg)
    for it in seg.items:
        _find_parts(seg, it)
    _dates(seg)
    return seg


# ---------------------------------------------------------------- items

def _attendance_zone(lines: list[Line]) -> set[int]:
    """Lines of the lists under an attendance heading ("Närvarande:" and the bullets below it, to a blank line):
    they are people, not agenda items."""
    zone: set[int] = set()
    for i, ln in enumerate(lines):
        head = ln.strip.rstrip(":")
        if head and len(head) < 40 and section_of(head):
            for j in range(i + 1, len(lines)):
                if not lines[j].strip:
                    break
                zone.add(j)
    return zone


def _find_items(seg: Segmented) -> None:
    lines = seg.lines
    para_lines = [(i, m) for i, ln in enumerate(lines) if (m := PARA_RE.match(ln.text))]
    zone = _attendance_zone(lines)
    bullet_lines = [(i, m) for i, ln in enumerate(lines) if (m := BULLET_RE.match(ln.text)) and i not in zone]
    if para_lines and any(BULLET_RE.match(lines[i].text) for i, _ in para_lines):
        seg.item_style = "bullets"
        _bullet_items(seg, bullet_lines)
        return
    if para_lines:
        seg.item_style = "paragraphs"
        heads = []
        for i, m in para_lines:
            # "§ 21 enligt ovan" inside prose is a reference, not a heading: a heading starts its line and is short.
            rest = m["rest"]
            if len(rest) > 200:
                continue
            # "§ 37 (p. 1)" under a name in an attendance list: the paragraphs one was present for
            if re.fullmatch(r"\([^()]*\)", rest.strip()):
                continue
            label = f"{m['prefix'] + ' ' if m['prefix'] else ''}§ {m['num']}{m['year'] or ''}"
            heads.append((i, m["num"], label, rest))
        _items_from_heads(seg, heads)
        return
    # "Ärende 2 Länsgemensam handlingsplan", "Punkt 3: Information": a numbered item word
    worded = [(i, m) for i, ln in enumerate(lines) if (m := WORD_ITEM_RE.match(ln.text))]
    # a tjänsteskrivelse is written for one ärende, named in its first line ("Ärende 5 Överenskommelse …")
    first = next((i for i, ln in enumerate(lines) if ln.strip), None)
    single = len(worded) == 1 and worded[0][0] == first and worded[0][1]["word"].lower() == "ärende"
    if (len(worded) >= 2 or single) and _increasing([int(m["num"]) for _, m in worded]):
        seg.item_style = "worded"
        _items_from_heads(seg, [(i, m["num"], f"{m['word'].capitalize()} {m['num']}", m["rest"] or "")
                                for i, m in worded])
        return
    prefixed = [(i, m) for i, ln in enumerate(lines) if (m := PREFIXED_RE.match(ln.text))]
    by_prefix: dict[str, list] = {}
    for i, m in prefixed:
        by_prefix.setdefault(m["prefix"], []).append((i, m))
    best = max(by_prefix.values(), key=len, default=[])
    if len(best) >= 2 and _increasing([int(m["num"]) for _, m in best]):
        seg.item_style = "prefixed"
        _items_from_heads(seg, [(i, m["num"], f"{m['prefix']} {m['num']}", m["rest"] or "") for i, m in best])
        return
    # "3. Information" also as a web bullet "• 3. Information" (the bullet blanked, so offsets stay)
    points = [(i, m) for i, ln in enumerate(lines)
              if (m := POINT_RE.match(ln.text) or POINT_RE.match(BULLET_RE.sub(lambda b: " " * len(b.group()), ln.text)))
              and _heading_like(lines, i)]
    run = _point_run(points)
    if len(run) >= 2:
        seg.item_style = "points"
        _items_from_heads(seg, [(i, m["num"], f"{m['num']}.", m["rest"]) for i, m in run])
        return
    top = _top_bullets(lines, bullet_lines)
    if len(top) >= 3:
        seg.item_style = "bullets"
        _bullet_items(seg, bullet_lines)
        return
    # memory notes that list who took part: unnumbered headings, each a short line between a blank line and its
    # text (a memo with section headings and no participants has no agenda items)
    heads = _heading_lines(lines, zone) if zone else []
    if len(heads) >= 2:
        seg.item_style = "headings"
        _items_from_heads(seg, [(i, str(k), f"punkt {k}", lines[i].strip) for k, i in enumerate(heads, 1)])
        for it in seg.items:
            it.number_inferred = True


def _heading_lines(lines: list[Line], zone: set[int]) -> list[int]:
    """Short lines that stand as headings in notes without numbers: a blank line (or the start) before, text
    right after, a capital first letter, no colon, no full stop at the end, not a list line; the document's own
    head (its first lines up to the first blank line) is left out."""
    first_blank = next((i for i, ln in enumerate(lines) if not ln.strip and i > 0), 0)
    out = []
    for i, ln in enumerate(lines):
        s_ = ln.strip
        if i <= first_blank or i in zone or not s_ or len(s_) > 80 or not s_[:1].isupper():
            continue
        if ":" in s_ or s_.endswith((".", ",", ";", "?", "!")) or BULLET_RE.match(ln.text) or POINT_RE.match(ln.text):
            continue
        if lines[i - 1].strip or i + 1 >= len(lines) or not lines[i + 1].strip:
            continue
        if section_of(s_) or LABEL_RE.match(ln.text) or NAME_LINE_RE.fullmatch(s_) \
                or any(rx.match(s_) for _, rx in PART_HEADS):
            continue
        # a protocol head's label with its value on another line ("Plats och tid"), a name present for "§§ 12-18"
        if s_.lower() in lexicon.header_labels() or "§" in s_:
            continue
        out.append(i)
    return out


def _increasing(nums: list[int]) -> bool:
    return all(b > a for a, b in zip(nums, nums[1:]))


def _heading_like(lines: list[Line], i: int) -> bool:
    """A numbered line that stands as a heading: short, followed by a blank line or a new paragraph."""
    ln = lines[i]
    if len(ln.strip) > 140:
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or not nxt.strip:
        return True
    # "2. Barn och unga i samhällets vård" directly followed by its text: a short title, not a sentence
    return len(ln.strip) <= 80 and not ln.strip.endswith((".", ":", ";", ",")) and not POINT_RE.match(nxt.text)


def _point_run(points: list) -> list:
    """The longest run 1, 2, 3 ... of numbered heading lines."""
    best: list = []
    for k, (i, m) in enumerate(points):
        if m["num"] != "1":
            continue
        run = [(i, m)]
        for j, mj in points[k + 1:]:
            if int(mj["num"]) == int(run[-1][1]["num"]) + 1:
                run.append((j, mj))
        if len(run) > len(best):
            best = run
    return best


def _top_bullets(lines: list[Line], bullets: list) -> list:
    if not bullets:
        return []
    indent = min(len(m.group(1).expandtabs()) for _, m in bullets)
    return [(i, m) for i, m in bullets if len(m.group(1).expandtabs()) == indent]


DNR_ONLY_RE = re.compile(r"(?i)^(?:dnr|diarienummer|diarienr)\.?:?\s*\S+(?:\s\S+)?$")


# An item's label inside running text: "§ 12", "KS § 12", "SON 108", "3." or "26" before a capital or a diary number.
INLINE_ITEM_RE = re.compile(r"(?<![\w§/.,:(-])(?P<prefix>(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}[ \t]?)?§|[A-ZÅÄÖ]{2,5})?[ \t]?"
                            r"(?P<num>\d{1,3})(?P<dot>\.)?[ \t]+(?=Dnr[ \t]|[A-ZÅÄÖ][a-zåäö]|[A-ZÅÄÖ]{2,5}[ \t]\d)")
INLINE_DNR_RE = re.compile(r"Dnr[ \t]+\S+(?:[ \t]+\d{4}/\S+|[ \t]+\S+/\d+)?[ \t]+")
INLINE_TITLE_END_RE = re.compile(r"\.{3}|…|[ \t]{3,}|\n")


def _inline_items(seg: Segmented) -> None:
    """Items numbered inside run-on text: the longest run of at least three labels of one style with numbers that
    follow each other ("1. Val av justerare 2. Dagordning 3. …", "26 Dnr KS 2018/14 Information... 27 Dnr …");
    each item runs to the next label, its title to the first '...' or to 150 characters."""
    text = seg.masked
    chains: dict[tuple, list] = {}
    best: list = []
    for m in INLINE_ITEM_RE.finditer(text):
        style = ((m["prefix"] or "").replace(" ", ""), bool(m["dot"]))
        num = int(m["num"])
        chain = chains.pop((style, num), None) or []
        chain.append(m)
        chains[(style, num + 1)] = chain
        if len(chain) > len(best):
            best = chain
    if len(best) < 3:
        return
    seg.item_style = "inline"
    for k, m in enumerate(best):
        end = best[k + 1].start() if k + 1 < len(best) else len(text)
        ts = m.end()
        dnr = INLINE_DNR_RE.match(text, ts, end)
        if dnr:
            ts = dnr.end()
        raw = text[ts:min(end, ts + 150)]
        stop = INLINE_TITLE_END_RE.search(raw)
        title = (raw[:stop.start()] if stop else raw).rstrip(" \t,;:-–")
        prefix = (m["prefix"] or "").strip()
        label = f"{prefix} {m['num']}" if prefix else (f"{m['num']}." if m["dot"] else m["num"])
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        seg.items.append(Item(m["num"], label, title, start, end, (start, m.end()), (ts, ts + len(title)),
                              title_inferred=not title))


def _items_from_heads(seg: Segmented, heads: list) -> None:
    lines = seg.lines
    seen: set[str] = set()
    clean = []
    for i, num, label, rest in heads:
        if label in seen:  # a second heading with the same number: a continuation page, keep the first
            continue
        seen.add(label)
        clean.append((i, num, label, rest))
    for k, (i, num, label, rest) in enumerate(clean):
        ln = lines[i]
        end = lines[clean[k + 1][0]].start if k + 1 < len(clean) else len(seg.text)
        title, tspan, inferred = rest.strip(), None, False
        if DNR_ONLY_RE.match(title):  # "KSAU § 24   Dnr KS 2024/56" with the title on the next line
            title = ""
        if title:
            off = ln.text.index(title, len(ln.text) - len(ln.text.lstrip()))
            tspan = (ln.start + off, ln.start + off + len(title))
        else:
            nxt = _title_line(lines, i, end)
            if nxt is not None:
                title = nxt.strip
                off = nxt.text.index(title)
                tspan = (nxt.start + off, nxt.start + off + len(title))
            else:
                tspan, inferred = (ln.start, ln.end), True
        seg.items.append(Item(num, label, title, ln.start, end, (ln.start, ln.end), tspan, title_inferred=inferred))


def _title_line(lines: list[Line], i: int, end: int) -> Line | None:
    """The line below heading i that holds the item's title: the next with text, or the one after a line with
    only the diary number ("§ 35/2023" / "Dnr SN 2023/88" / the title)."""
    nxt = _next_content(lines, i, end)
    if nxt is not None and DNR_ONLY_RE.match(nxt.strip):
        j = next(j for j in range(i + 1, len(lines)) if lines[j] is nxt)
        nxt = _next_content(lines, j, end) or nxt
    return nxt


def _next_content(lines: list[Line], i: int, end: int) -> Line | None:
    for ln in lines[i + 1:]:
        if ln.start >= end:
            return None
        if ln.strip:
            return ln
    return None


def _bullet_items(seg: Segmented, bullets: list) -> None:
    """Web pages list each item as a bullet; some bullets carry "§ 30" and a title, others only text."""
    lines = seg.lines
    top = _top_bullets(lines, bullets)
    heads = []
    for i, m in top:
        ln = lines[i]
        body = ln.text[m.end():]
        pm = PARA_RE.match(body)
        heads.append((i, m, pm))
    known = [(k, int(pm["num"])) for k, (_, _, pm) in enumerate(heads) if pm]
    for k, (i, m, pm) in enumerate(heads):
        ln = lines[i]
        end = lines[heads[k + 1][0]].start if k + 1 < len(heads) else len(seg.text)
        end = _trim_tail(seg, ln.start, end)
        inferred = pm is None
        if pm:
            num = pm["num"]
        else:
            num = _interpolate(k, known)
        label = f"§ {num}" if num else f"punkt {k + 1}"
        rest = pm["rest"].strip() if pm else ""
        if pm and rest:
            off = ln.text.index(rest, m.end())
            title, tspan, t_inf = rest, (ln.start + off, ln.start + off + len(rest)), False
        elif pm:
            nxt = _title_line(lines, i, end)
            if nxt is not None:
                title = nxt.strip
                off = nxt.text.index(title)
                title, tspan, t_inf = title, (nxt.start + off, nxt.start + off + len(title)), False
            else:
                title, tspan, t_inf = label, (ln.start, ln.end), True
        else:
            src, src_off = ln, m.end()
            first = ln.text[m.end():].strip()
            if any(rx.match(first) for _, rx in PART_HEADS):  # "• Bakgrund": name it by its first sentence
                nxt = _next_content(lines, i, end)
                if nxt is not None:
                    src, src_off, first = nxt, 0, nxt.strip
            off = src.text.index(first, src_off) if first else src_off
            title = _first_sentence(first)
            tspan, t_inf = (src.start + off, src.start + off + len(title)), True
        seg.items.append(Item(num or str(k + 1), label, title, ln.start, end, (ln.start, ln.end), tspan,
                              number_inferred=inferred, title_inferred=t_inf))


def _trim_tail(seg: Segmented, start: int, end: int) -> int:
    """The last item of a web page ends where its text ends, not at the cookie banner below it."""
    chunk = seg.masked[start:end]
    return start + len(chunk.rstrip())


def _interpolate(k: int, known: list[tuple[int, int]]) -> str | None:
    """Number an unnumbered bullet from its numbered neighbours: the bullet two after § 30 is § 32."""
    before = [(i, n) for i, n in known if i < k]
    after = [(i, n) for i, n in known if i > k]
    if before:
        i, n = before[-1]
        return str(n + (k - i))
    if after:
        i, n = after[0]
        guess = n - (i - k)
        return str(guess) if guess > 0 else None
    return None


def _first_sentence(s: str, limit: int = 90) -> str:
    m = re.match(r"(.{10,}?[.!?])(\s|$)", s)
    t = m.group(1) if m else s
    if len(t) > limit:
        cut = t[:limit].rsplit(" ", 1)[0]
        t = cut
    return t


# ---------------------------------------------------------------- header fields

@lru_cache(maxsize=1)
def _glued_label_re() -> re.Pattern[str]:
    """'Utses att justeraIsabel Hildén', 'Paragrafer12 – 22': a header label glued to its value, as a PDF's text
    layer gives a two-column head (the value begins with a capital or a digit)."""
    alt = "|".join(re.escape(lab) for lab in sorted(lexicon.header_labels(), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?P<label>(?i:{alt}))(?=[A-ZÅÄÖ0-9])(?P<value>\S.*?)[ \t]*$")


def _find_fields(seg: Segmented, body_end: int) -> None:
    labels = lexicon.header_labels()
    lines = seg.lines
    for k, ln in enumerate(lines):
        if ln.start >= body_end:
            break
        m = LABEL_RE.match(ln.text) or SPACED_LABEL_RE.match(ln.text) or _glued_label_re().match(ln.text)
        if not m:
            # "Sammanträdesdatum" / "2023-10-18": a label alone on its line, the value on the next one (a
            # letterhead exported from PDF); the role words of a signature block are not such labels
            label = ln.strip.rstrip(":").lower()
            name = labels.get(label)
            if name and name not in ("chair", "secretary") and label not in ("justerare", "justerande"):
                nxt = next((x for x in lines[k + 1:k + 3] if x.strip), None)
                if nxt and nxt.start < body_end and nxt.strip.rstrip(":").lower() not in labels \
                        and not LABEL_RE.match(nxt.text):
                    vs = nxt.start + nxt.text.index(nxt.strip)
                    seg.fields.append(Field(name, nxt.strip, vs, vs + len(nxt.strip), ln.start))
            continue
        label = m["label"].strip().lower()
        name = labels.get(label)
        if not name:
            continue
        v = m["value"]
        vs = ln.start + m.start("value")
        seg.fields.append(Field(name, v, vs, vs + len(v), ln.start))
    # "Sekreterare" / "Ordförande" written on the line below a name are signatures, handled elsewhere.


MEETING_LINE_RE = re.compile(r"(?i)^(?:möte|mötet|sammanträde|sammanträdet|träff|nätverksträff)\b")


def _dates(seg: Segmented) -> None:
    y = seg.year
    dates = []
    for f in seg.fields:
        if f.name in ("date", "placetime", "datetime", "time"):
            iso = parse_compact(f.value) if f.name == "date" else None
            iso = iso or parse_one(f.value, y)
            if iso:
                dates.append((f, iso))
    if not dates:
        # memory notes: "Möte tisdagen den 3 maj 2022" or a date alone on a line at the head
        first = min([s.start for s in seg.sections] + [it.start for it in seg.items] + [len(seg.text)])
        for ln in seg.title_lines[:6]:
            if ln.start >= first:
                break
            iso = parse_one(ln.strip, y) if find_dates(ln.text) else None
            if iso:
                seg.doc_date = seg.meeting_date = iso
                seg.warnings.append("mötesdatum taget ur en rad i dokumentets huvud")
                return
    if dates:
        seg.doc_date = dates[0][1]
        # Memory notes carry the note's own date first and the meeting's date beside "Tid"/"Plats" later.
        seg.meeting_date = dates[-1][1] if len(dates) > 1 else dates[0][1]
        # … or on a line of the head that says "Möte torsdagen den 8 september" (the year from the notes' date)
        first = min([s_.start for s_ in seg.sections] + [it.start for it in seg.items] + [len(seg.text)])
        for ln in seg.title_lines[:8]:
            if ln.start >= first:
                break
            if MEETING_LINE_RE.match(ln.strip) and find_dates(ln.text):
                iso = parse_one(ln.strip, int(seg.doc_date[:4]) if seg.doc_date else seg.year)
                if iso and iso != seg.doc_date:
                    seg.meeting_date = iso
                    break


# ---------------------------------------------------------------- attendance

@lru_cache(maxsize=65536)
def section_of(s: str) -> tuple[str, str] | None:
    s = s.strip()
    for rx, role, status in lexicon.sections():
        if rx.match(s):
            return role, status
    return None


# The mark columns of an attendance table ("Närv Ej närv", "Tjg Ej tjg", "Ja Nej Avstår")
MARK_WORDS = r"(?:(?:ej[ \t]+)?(?:närv(?:arande)?|tjg|tjänstgörande|frånv(?:arande)?|ja|nej|avstår))"
MARK_COLUMN = re.compile(rf"(?i)\b{MARK_WORDS}\b")
TABLE_HEAD_RE = re.compile(r"(?i)^(?P<label>ledamöter|ledamot|ordinarie ledamöter|ersättare|beslutande|namn)[ \t]+"
                           rf"parti(?P<cols>(?:[ \t]+{MARK_WORDS})+)[ \t]*$")
INLINE_ATTENDANCE = re.compile(r"(?i)^[ \t]*(?P<label>närvarande|deltagare|deltagande|närvarande ledamöter|"
                               r"ledamöter|ordinarie ledamöter|"
                               r"beslutande|ersättare|tjänstepersoner|tjänstemän|övriga närvarande|övriga deltagande|"
                               r"övriga deltagare|övriga|närvarande tjänstepersoner|tjänstgörande ersättare|frånvarande|"
                               r"ej närvarande|förhinder)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$")


# Columns aligned with spaces in a text export: three or more spaces between a label and its value
COLUMN_GAP = re.compile(r"\S[ ]{3,}\S")


def _find_sections(seg: Segmented, body_end: int) -> None:
    status = "present"
    current: Section | None = None
    region_open = False
    for ln in seg.lines:
        if ln.start >= body_end:
            break
        s = ln.strip
        if not s:
            continue
        im = INLINE_ATTENDANCE.match(ln.text)
        if im:
            sec = section_of(im["label"])
            role, st = sec if sec else ("närvarande", "present")
            if not role:  # "Frånvarande: …" names members who were not there; "Närvarande: …" says no more
                role = "ledamot" if st == "absent" else None
            vs = ln.start + im.start("value")
            row = Line(vs, vs + len(im["value"]), im["value"])
            seg.sections.append(Section(role or "närvarande", st or status, ln.start, ln.end, (ln.start, vs), [row],
                                        inline=True))
            current = None
            continue
        tm = TABLE_HEAD_RE.match(s)
        if tm:
            # "Ledamöter Parti Närv Ej närv": the rows below are "Name party X", with an X under the column that
            # holds (a "-" marks an empty cell before it)
            tsec = section_of(tm["label"])
            role = tsec[0] if tsec and tsec[0] else "ledamot"
            cols = tuple(c.strip().lower() for c in MARK_COLUMN.findall(tm["cols"]))
            current = Section(role, "present", ln.start, ln.end, (ln.start, ln.end), columns=cols)
            seg.sections.append(current)
            region_open = True
            continue
        if "\t" in s or ("   " in s and COLUMN_GAP.search(s)):
            # the two-column protocol head: "Beslutande<TAB>Jenny Sundqvist (S), ordförande" (or the columns
            # aligned with spaces), the next names on lines of their own; another label in the first column
            # ("Justerare<TAB>…") ends the list
            label, value = re.split(r"\t+|[ ]{3,}", s, maxsplit=1)
            label, value = label.strip(), value.strip()
            lsec = section_of(label) if label else None
            if lsec and lsec[0] and value:
                ls = ln.start + ln.text.index(label)
                vs = ln.start + ln.text.index(value, ls - ln.start + len(label))
                vsec = section_of(value)
                if vsec and vsec[0]:
                    # "Övriga närvarande<TAB>Ersättare": the value is a heading of its own, the names follow below;
                    # its role is the more precise one ("Beslutande / Ledamöter" stay beslutande)
                    role = lsec[0] if (lsec[0], vsec[0]) == ("beslutande", "ledamot") else vsec[0]
                    current = Section(role, vsec[1] or lsec[1] or status, ln.start, ln.end,
                                      (vs, vs + len(value)))
                else:
                    current = Section(lsec[0], lsec[1] or status, ln.start, ln.end, (ls, ls + len(label)),
                                      [Line(vs, ln.end, ln.text[vs - ln.start:])])
                seg.sections.append(current)
                region_open = True
                continue
            if current is not None and label and label.lower() in lexicon.header_labels():
                current = None
                continue
        sec = section_of(s)
        if sec:
            role, st = sec
            region_open = True
            if st and not role:
                status = st
                current = None
                # "Närvarande:" / "Förhinder" with the names on the lines below (a sub-heading below opens its own)
                current = Section("närvarande" if st == "present" else "ledamot", st, ln.start, ln.end,
                                  (ln.start + ln.text.index(s), ln.start + ln.text.index(s) + len(s)))
                seg.sections.append(current)
                continue
            current = Section(role, st or status, ln.start, ln.end, (ln.start + ln.text.index(s),
                                                                      ln.start + ln.text.index(s) + len(s)))
            seg.sections.append(current)
            continue
        if region_open and STOP_ATTENDANCE.match(s):
            current = None
            region_open = False
            continue
        if current is not None:
            current.rows.append(ln)
            current.end = ln.end


# ---------------------------------------------------------------- signatures

NAME_LINE_RE = re.compile(r"^[ \t]*(?P<name>[A-ZÅÄÖÉ][\w'’-]+(?:[ \t]+(?:[A-ZÅÄÖÉ][\w'’-]+|von|af|de|van)){1,4})"
                          r"(?:[ \t]*\((?P<party>[A-Za-zÅÄÖåäö]{1,4})\))?[ \t]*$")


def _name_in(line: Line) -> tuple[int, int] | None:
    text = line.text
    lm = LABEL_RE.match(text)
    if lm and lm["label"].strip().lower() in lexicon.header_labels():
        text = " " * lm.start("value") + lm["value"]
    m = NAME_LINE_RE.match(text) or SIGNED_RE.match(text)
    if not m or m["name"].lower() in SIGN_ROLES or section_of(m["name"]):
        return None
    return line.start + m.start("name"), line.start + m.end("name")


SIGNED_RE = re.compile(r"^[ \t]*(?P<name>[A-ZÅÄÖ]\w+(?:[ \t]+[A-ZÅÄÖ][\w-]+){1,3})(?=[ \t]+har (godkänt|justerat|signerat))")


def _find_signatures(seg: Segmented) -> None:
    """Role lines (Sekreterare, Ordförande, Justerare) with the name written just above or below them.

    A block keeps one layout: where a role line has a name on one side only, that side is the block's
    layout, and role lines with a name on both sides follow their nearest unambiguous neighbour."""
    lines = [ln for ln in seg.lines if ln.strip]
    roles = []
    first_item = seg.items[0].start if seg.items else len(seg.text)
    for k, ln in enumerate(lines):
        if "\t" in ln.strip and ln.start > first_item:
            # "Sekreterare<TAB>Sofia Engman" in a signature block after the items
            label, value = ln.strip.split("\t", 1)
            srole = SIGN_ROLES.get(label.strip().rstrip(":").lower())
            nm = NAME_LINE_RE.match(value.strip()) if srole else None
            if nm:
                off = ln.text.index(value.strip(), ln.text.index(label) + len(label))
                span = (ln.start + off + nm.start("name"), ln.start + off + nm.end("name"))
                seg.signatures.append(Signature(srole, span, (ln.start, ln.end)))
                continue
        # "Sekreterare Paragrafer 34–37": the paragraphs signed for may share the role's line
        label = re.sub(r"(?i)[ \t]+(?:paragrafer|§§?)[ \t]*[\d \t,–-]+$", "", ln.strip) \
            if ln.strip[-1:].isdigit() else ln.strip
        if "..." in label or "…" in label or "___" in label:  # "Sekreterare ........" (the line to sign on)
            label = re.sub(r"[ \t]*[.…_]{3,}.*$", "", label)
        # "Underskrifter<TAB>Sekreterare": the role in the second column of a labelled head
        cols = re.split(r"\t+|[ ]{3,}", label)
        if len(cols) == 2 and cols[0].lower().rstrip(":") in ("underskrifter", "underskrift", "signaturer"):
            label = cols[1]
        role = SIGN_ROLES.get(label.rstrip(":").lower())
        if role:
            above = _name_in(lines[k - 1]) if k > 0 else None
            below = _name_in(lines[k + 1]) if k + 1 < len(lines) else None
            roles.append((ln, role, above, below))
    sides = [("above" if a and not b else "below" if b and not a else None) for _, _, a, b in roles]
    for i, (ln, role, above, below) in enumerate(roles):
        side = sides[i]
        if side is None and above and below:
            near = [sides[j] for j in sorted(range(len(roles)), key=lambda j: (abs(j - i), j > i)) if sides[j]]
            side = near[0] if near else "above"
        span = above if side == "above" else below if side == "below" else None
        if span:
            seg.signatures.append(Signature(role, span, (min(span[0], ln.start), max(span[1], ln.end))))


# ---------------------------------------------------------------- parts of an item

def _find_parts(seg: Segmented, it: Item) -> None:
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
