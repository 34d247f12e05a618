"""Agenda items in every layout: § paragraphs, prefixed ("SON 108"), worded ("Ärende 2"), numbered points, web
bullets, unnumbered headings in notes, and numbered runs inside running text."""
from __future__ import annotations

import bisect
import re

from ingest import lexicon
from ingest.segment.attendance import section_of
from ingest.segment.head import LABEL_RE
from ingest.segment.lines import BULLET_RE
from ingest.segment.model import Item, Line, Segmented
from ingest.segment.parts import PART_HEADS
from ingest.segment.signatures import NAME_LINE_RE

PARA_RE = re.compile(r"^[ \t]*(?:[•·▪●][ \t]+)?(?:(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}(?:/[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5})?)"
                     r"[ \t]+)?§[ \t]*(?P<num>\d{1,4})"
                     r"(?P<year>/\d{2,4})?(?![\d-])[ \t:.]*(?P<rest>.*?)[ \t]*$")
# "SON 108 Val av justerare", or "SON 108" alone with the title (or "Dnr …" and the title) below it
PREFIXED_RE = re.compile(r"^[ \t]*(?P<prefix>[A-ZÅÄÖ]{2,6})[ \t]+(?P<num>\d{1,4})(?![\d/.-])"
                         r"(?:[ \t:.]+(?P<rest>[A-ZÅÄÖ].*?))?[ \t]*$")
WORD_ITEM_RE = re.compile(r"^[ \t]*(?P<word>(?i:ärende|punkt|dagordningspunkt))[ \t]+(?P<num>\d{1,3})(?![\d/.-])"
                          r"(?:[ \t:.–-]+(?P<rest>[A-ZÅÄÖ].*?))?[ \t]*$")
POINT_RE = re.compile(r"^[ \t]*(?P<num>\d{1,2})[.)][ \t]+(?P<rest>\S.*?)[ \t]*$")
# a diary number before a numbered point's title: "1. SN/2018:98 Uppdrag ur strategisk plan …"
DNR_LEAD_RE = re.compile(r"(?:(?i:dnr)\.?:?[ \t]*)?[A-ZÅÄÖ]{1,6}[ \t]?/?[ \t]?\d{2,4}[:/-]\d{1,5}(?:[./-]\d+)*[ \t]+"
                         r"(?=[A-ZÅÄÖ])")
# "12 Ombudgetering av kostverksamheten. - Magnus Johansson": an agenda line, its number without § or dot
NUMBER_LINE_RE = re.compile(r"^[ \t]*(?P<num>\d{1,3})[ \t]+(?:[a-h]\)[ \t]+)?(?P<rest>[A-ZÅÄÖ][a-zåäö].*?)[ \t]*$")


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


def find_items(seg: Segmented) -> None:
    _find_items(seg)
    if seg.item_style in ("paragraphs", "points", "numbered", "prefixed", "worded"):
        _lettered_points(seg)


# "15 a) Anmälan av protokollsjustering" / "b) Anmälan av handikapprådets protokoll": lettered points of an item
LETTER_RE = re.compile(r"^[ \t]*(?:\d{1,3}[.]?[ \t]+)?(?P<letter>[a-h])\)[ \t]*(?P<rest>.*?)[ \t]*$")


def _lettered_points(seg: Segmented) -> None:
    """The lettered points under an item (a, b, c … in a row, at least a and b) are items of their own, without a
    number; a point on the item's own line ("15 a) Anmälan av …") is the item itself."""
    lines = seg.lines
    starts = [ln.start for ln in lines]
    out: list[Item] = []
    for it in seg.items:
        found: list[tuple[int, re.Match]] = []
        for i in range(bisect.bisect_left(starts, it.head[0]), len(lines)):
            ln = lines[i]
            if ln.start >= it.end:
                break
            m = LETTER_RE.match(ln.text)
            if m and ord(m["letter"]) == ord("a") + len(found):
                found.append((i, m))
        if len(found) < 2:
            out.append(it)
            continue
        subs = [(i, m) for i, m in found if lines[i].start != it.head[0]]
        if not subs:
            out.append(it)
            continue
        parent_end = it.end
        it.end = lines[subs[0][0]].start
        out.append(it)
        for k, (i, m) in enumerate(subs):
            ln = lines[i]
            end = lines[subs[k + 1][0]].start if k + 1 < len(subs) else parent_end
            title, tline = m["rest"], ln
            if not title:  # "d)" alone, its title on the next line
                nxt = _next_content(lines, i, end)
                if nxt is None:
                    continue
                title, tline = nxt.strip, nxt
            off = tline.text.index(title)
            out.append(Item("", f"{it.number} {m['letter']})", title, ln.start, end, (ln.start, ln.end),
                            (tline.start + off, tline.start + off + len(title))))
    seg.items[:] = out


def _find_items(seg: Segmented) -> None:
    lines = seg.lines
    para_lines = [(i, m) for i, ln in enumerate(lines) if (m := PARA_RE.match(ln.text))] or _number_first(lines)
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
        _items_from_heads(seg, heads + _register_before(lines, zone, heads))
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
        _items_from_heads(seg, [(i, m["num"], f"{m['num']}.", _without_dnr(m["rest"])) for i, m in run])
        return
    register = _number_lines(lines, zone)
    if len(register) >= 3:
        seg.item_style = "numbered"
        _items_from_heads(seg, [(i, m["num"], m["num"], m["rest"]) for i, m in register])
        return
    if _agenda_list(seg, bullet_lines):
        seg.item_style = "agenda"
        return
    # web bullets as items stand apart, each with its text below it; bullets on lines that follow each other are a
    # list ("Politiska samrådet ska • Ha gemensam spaning … • Bidra till …"), not an agenda
    top = _top_bullets(lines, bullet_lines)
    rows = {i for i, _ in top}
    loose = [(i, m) for i, m in top if i - 1 not in rows and i + 1 not in rows]
    if len(loose) >= 3:
        seg.item_style = "bullets"
        _bullet_items(seg, loose)
        return
    # memory notes that list who took part: unnumbered headings, each a short line between a blank line and its
    # text (a memo with section headings and no participants has no agenda items)
    heads = _heading_lines(lines, zone) if zone else []
    if len(heads) >= 2:
        seg.item_style = "headings"
        _items_from_heads(seg, [(i, str(k), f"punkt {k}", lines[i].strip) for k, i in enumerate(heads, 1)])
        for it in seg.items:
            it.number_inferred = True


# "5 § Val av justerare": the number before the sign, as some protocols write it
NUMBER_FIRST_RE = re.compile(r"^[ \t]*(?P<prefix>)(?P<num>\d{1,4})[ \t]*§(?P<year>)(?![\d§])[ \t:.]*"
                             r"(?P<rest>(?:[A-ZÅÄÖ].*?)?)[ \t]*$")


def _number_first(lines: list[Line]) -> list:
    """Paragraphs numbered "5 §" (at least two, the numbers rising): read as "§ 5"."""
    found = [(i, m) for i, ln in enumerate(lines) if (m := NUMBER_FIRST_RE.match(ln.text))]
    return found if len(found) >= 2 and _increasing([int(m["num"]) for _, m in found]) else []


# a line that is an agenda's heading and nothing else (runon.AGENDA_WORD_RE finds the word inside running text)
AGENDA_HEAD_RE = re.compile(r"(?i)^(?:agenda|dagordning|föredragningslista|ärendelista|ärenden)\s*:?$")


def _agenda_list(seg: Segmented, bullets: list) -> bool:
    """A web page's agenda as a list of bullets, one title each, with nothing but blank lines between them, whose
    titles come back below as the headings of the page's sections ("• Lägesrapport om covid-19" … "Lägesrapport om
    covid-19" / "Föredragande: …"; half of them, or one under a heading "Agenda"): each item is its section, or
    its bullet where no heading repeats it (a page's opening, cut short)."""
    lines = seg.lines
    by_line = dict(bullets)
    best: list[int] = []
    run: list[int] = []
    for i, ln in enumerate(lines):
        if i in by_line and len(ln.strip) <= 150 and _bullet_head(ln.text[by_line[i].end():]) is None:
            run.append(i)
        elif ln.strip:
            if len(run) > len(best):
                best = run
            run = []
    if len(run) > len(best):
        best = run
    if len(best) < 2:
        return False
    titles = {lines[i].text[by_line[i].end():].strip().lower(): i for i in best}
    heads: dict[int, int] = {}
    for j in range(best[-1] + 1, len(lines)):
        key = lines[j].strip.lower()
        if key in titles and titles[key] not in heads and j not in by_line:
            heads[titles[key]] = j
    above = next((ln.strip for ln in reversed(lines[:best[0]]) if ln.strip), "")
    if 2 * len(heads) < len(best) and not (heads and AGENDA_HEAD_RE.match(above)):
        return False
    list_end = lines[best[-1]].end
    starts = sorted(heads.get(i, i) for i in best)
    for k, i in enumerate(best, 1):
        h = heads.get(i, i)
        later = [x for x in starts if x > h]
        end = lines[later[0]].start if later else len(seg.text)
        if h == i:
            end = min(end, list_end)
        ln = lines[h]
        title = ln.text[by_line[i].end():].strip() if h == i else ln.strip
        off = ln.text.index(title, by_line[i].end() if h == i else 0)
        seg.items.append(Item("", f"punkt {k}", title, ln.start, _trim_tail(seg, ln.start, end), (ln.start, ln.end),
                              (ln.start + off, ln.start + off + len(title))))
    seg.items.sort(key=lambda it: it.start)
    return True


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


def _register_before(lines: list[Line], zone: set[int], heads: list) -> list:
    """A web page's agenda above its § paragraphs ("1 Sammanträdets öppnande …" … "16 Nämndens frågor", then
    "§1 Sammanträdets öppnande …"): the agenda's lines whose numbers no § paragraph carries are items too."""
    if not heads:
        return []
    first = min(i for i, *_ in heads)
    register = _number_lines(lines[:first], zone)
    if len(register) < 3:
        return []
    have = {int(num) for _, num, *_ in heads}
    return [(i, m["num"], f"§ {m['num']}", m["rest"]) for i, m in register if int(m["num"]) not in have]


def _without_dnr(title: str) -> str:
    dm = DNR_LEAD_RE.match(title)
    return title[dm.end():] if dm else title


def _number_lines(lines: list[Line], zone: set[int]) -> list[tuple[int, re.Match]]:
    """An agenda as lines "1 Förslag till justerare …", "2 Information om …": each line alone between blank lines
    (or under a group heading), the numbers rising with at most two left out; the longest such run. A run with a
    long line in it is a PDF transcript's pages ("2 Arbetsutskottet (Dnr ) Plats för …"), not an agenda."""
    ends: dict[int, list] = {}
    best: list = []
    for i, ln in enumerate(lines):
        m = NUMBER_LINE_RE.match(ln.text)
        if not m or i in zone or NAME_LINE_RE.fullmatch(m["rest"]):
            continue
        if i + 1 < len(lines) and lines[i + 1].strip and NUMBER_LINE_RE.match(lines[i + 1].text) is None \
                and i > 0 and lines[i - 1].strip:
            continue  # inside a paragraph: a line that wraps, not an agenda line
        num = int(m["num"])
        prev = max((ends[n] for n in (num - 1, num - 2, num - 3) if n in ends), key=len, default=[])
        chain = prev + [(i, m)]
        ends[num] = chain
        if len(chain) > len(best):
            best = chain
    if any(len(lines[i].strip) > 200 for i, _ in best):
        return []
    return best


def _increasing(nums: list[int]) -> bool:
    return all(b > a for a, b in zip(nums, nums[1:]))


def _heading_like(lines: list[Line], i: int) -> bool:
    """A numbered line that stands as a heading: short, followed by a blank line or a new paragraph."""
    ln = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    # a long title stands alone between blank lines ("1. SN/2018:98 Uppdrag ur strategisk plan … vårdnadshavare")
    limit = 200 if nxt is None or not nxt.strip else 140
    if len(_without_dnr(POINT_RE.sub(r"\g<rest>", ln.strip))) > limit:
        return False
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
    """The bullets of the outermost level. A text copied from a page loses its first line's indent ("• § 105" above
    " • Socialdirektör …"): that line counts as the level of the bullets below it."""
    if not bullets:
        return []
    first = next((i for i, ln in enumerate(lines) if ln.strip), -1)
    rest = [len(m.group(1).expandtabs()) for i, m in bullets if i != first]
    indent = min(rest or [len(m.group(1).expandtabs()) for _, m in bullets])
    return [(i, m) for i, m in bullets if len(m.group(1).expandtabs()) == indent
            or (i == first and len(m.group(1).expandtabs()) < indent)]


DNR_ONLY_RE = re.compile(r"(?i)^(?:dnr|diarienummer|diarienr)\.?:?\s*\S+(?:\s\S+)?$")


def _items_from_heads(seg: Segmented, heads: list) -> None:
    lines = seg.lines
    seen: set[str] = set()
    clean = []
    for i, num, label, rest in sorted(heads, key=lambda h: h[0]):
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


# "•   2" with the title on the line below (a web page's agenda number standing alone)
BARE_NUMBER_RE = re.compile(r"^[ \t]*(?P<num>\d{1,3})[ \t]*$")


def _bullet_head(text: str) -> tuple[str, str, int, str] | None:
    """A bullet's own number: "§ 30 Title", "2" alone, or "1. Title"; as (number, rest, offset of rest, style)."""
    pm = PARA_RE.match(text)
    if pm:
        return pm["num"], pm["rest"], pm.start("rest"), "§"
    bm = BARE_NUMBER_RE.match(text)
    if bm:
        return bm["num"], "", bm.end(), "bare"
    qm = POINT_RE.match(text)
    if qm and len(qm["rest"]) <= 120 and not qm["rest"].endswith((".", ":", ";", ",")):
        return qm["num"], qm["rest"], qm.start("rest"), "point"
    return None


def _bullet_items(seg: Segmented, bullets: list) -> None:
    """Web pages list each item as a bullet; some bullets carry "§ 30" and a title (or a number alone, the title
    below it), others only text; a bullet numbered "1. Title" may hold its sibling "2. Title" as a heading inside."""
    lines = seg.lines
    top = _top_bullets(lines, bullets)
    heads = []
    for i, m in top:
        ln = lines[i]
        heads.append((i, m, _bullet_head(ln.text[m.end():])))
    # the agenda's own numbers (§ or bare) number the bullets between them; "1." numbers a point inside an item
    known = [(k, int(h[0])) for k, (_, _, h) in enumerate(heads) if h and h[3] != "point"]
    # the bullets between them are labelled as the agenda's own numbers are: "§ 31" beside "§ 30", "3" beside "2"
    para = any(h and h[3] == "§" for _, _, h in heads)
    for k, (i, m, h) in enumerate(heads):
        ln = lines[i]
        end = lines[heads[k + 1][0]].start if k + 1 < len(heads) else len(seg.text)
        end = _trim_tail(seg, ln.start, end)
        if h is not None and h[3] == "point":
            _point_bullet(seg, i, m, h, end)
            continue
        inferred = h is None
        num = h[0] if h else _interpolate(k, known)
        label = f"§ {num}" if num and (h[3] == "§" if h else para) else (num or f"punkt {k + 1}")
        rest = h[1].strip() if h else ""
        if h and rest:
            off = m.end() + h[2]
            title, tspan, t_inf = rest, (ln.start + off, ln.start + off + len(rest)), False
        elif h:
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


def _point_bullet(seg: Segmented, i: int, m: re.Match, h: tuple, end: int) -> None:
    """"• 1. Verksamhetsberättelse 2022" and, inside it, "2. Kommunförbundet - statusrapport" as a heading of its
    own: each numbered heading in a row is an item that runs to the next."""
    lines = seg.lines
    heads = [(i, h[0], m.end() + h[2], h[1].strip())]
    for j in range(i + 1, len(lines)):
        ln = lines[j]
        if ln.start >= end:
            break
        qm = POINT_RE.match(ln.text)
        if qm and int(qm["num"]) == int(heads[-1][1]) + 1 and _heading_like(lines, j) \
                and not qm["rest"].endswith((".", ":", ";", ",")):
            heads.append((j, qm["num"], qm.start("rest"), qm["rest"]))
    for k, (j, num, off, title) in enumerate(heads):
        ln = lines[j]
        stop = lines[heads[k + 1][0]].start if k + 1 < len(heads) else end
        start = lines[i].start if k == 0 else ln.start
        seg.items.append(Item(num, f"{num}.", title, start, stop, (ln.start, ln.end),
                              (ln.start + off, ln.start + off + len(title))))


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


def _first_sentence(s: str, limit: int = 200) -> str:
    m = re.match(r"(.{10,}?[.!?])(\s|$)", s)
    t = m.group(1) if m else s
    if len(t) > limit:
        cut = t[:limit].rsplit(" ", 1)[0]
        t = cut
    return t
