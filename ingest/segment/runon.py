"""Agenda items in run-on text, where no item has a line of its own (a PDF transcript, a copied web page): the
longest run of numbered labels inside the text, or a contents list run into one line."""
from __future__ import annotations

import itertools
import re
from functools import cache

from ingest import lexicon
from ingest.segment.model import Item, Segmented


# An item's label inside running text: "§ 12", "KS § 12", "SON 108", "Ärende 3", "Sn 49" (a transcript that lost its §
# signs),
# "3." or "26" before a capital or a diary number.
INLINE_ITEM_RE = re.compile(r"(?<![\w§/.,:(-])(?P<prefix>(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}[ \t]?)?§|[A-ZÅÄÖ]{2,5}"
                            r"|(?:Ärende|Punkt|Dagordningspunkt)"
                            r"|(?!(?:Sida|Sid|Blad|Dnr|Kl|Nr|Tel|Tid|Den|Kap|Bil|Mål|Steg|Fas)\b)[A-ZÅÄÖ][a-zåäö]{1,3})?[ \t]?"
                            r"(?P<num>\d{1,3})(?:(?P<dot>[./])[ \t]+|(?P<colon>:)[ \t]*|[ \t]+)"
                            r"(?=Dnr[ \t]|[A-ZÅÄÖ]-?[a-zåäö]|[A-ZÅÄÖ]{2,5}/[^ \t\n]*[ \t]+[A-ZÅÄÖ][a-zåäö]|[A-ZÅÄÖ]{2,5}[ \t]\d|[a-h]\)[ \t]+[A-ZÅÄÖ][a-zåäö])")
# a diary number before the title: "Dnr KS 2018/14 …", "138 LK/2012/0345 Föredragningslistan" (its digits lost: "LK/ ")
INLINE_DNR_RE = re.compile(r"Dnr[ \t]+\S+(?:[ \t]+\d{4}/\S+|[ \t]+\S+/\d+)?[ \t]+|[A-ZÅÄÖ]{2,5}/[^ \t\n]*[ \t]+")
HEAD_PAGE_RE = re.compile(r"\b(?:Plats och tid|Tid och plats|Underskrifter|Innehåll|INNEHÅLL|Innehållsförteckning|"
                          r"Beslutande|Sammanträdesdatum|Sammanträdestid|Justeringens plats)\b")
INLINE_TITLE_END_RE = re.compile(r"\.{3}|…|[ \t]{3,}|\n")


def inline_items(seg: Segmented) -> bool:
    """Items numbered inside run-on text: the longest run of at least three labels of one style with numbers that
    follow each other ("1. Val av justerare 2. Dagordning 3. …", "26 Dnr KS 2018/14 Information... 27 Dnr …");
    each item runs to the next label, its title to the first '...' or to 150 characters. True where only weaker
    labels were found (see _weak_labels): a register then goes first."""
    text = _without_furniture(seg.masked)
    chains: dict[tuple, list] = {}
    runs: list[list] = []
    best: list = []
    found = list(INLINE_ITEM_RE.finditer(text))
    weak = False
    for m in found:
        style = _inline_style(m)
        num = int(m["num"])
        chain = chains.pop((style, num), None)
        if chain is None:
            chain = []
            runs.append(chain)
        chain.append(m)
        chains[(style, num + 1)] = chain
        # a dotted run wins a tie: "1 … 2 …" at the starts of a transcript's pages are page numbers
        if len(chain) > len(best) or len(chain) == len(best) and m["dot"] and not best[0]["dot"]:
            best = chain
    # a list numbered from 1 after the last label of an agenda in another style is a list inside that last item
    # ("1:Mötet öppnas … 4: Regional strategi … Mer om innehållet: 1. Syftet … 5. Insatsområden")
    if best and best[0]["num"] == "1":
        before = [r for r in runs if len(r) >= 3 and r[-1].start() < best[0].start()
                  and _inline_style(r[0]) != _inline_style(best[0])]
        if before:
            best = max(before, key=len)
    # a transcript's page number before the protocol's head ("1 Plats och tid …", "2 Underskrifter Sekreterare …",
    # "3 Innehåll Sid 115 …") is no item
    best = [m for m in best if not HEAD_PAGE_RE.search(text, m.end(), min(len(text), m.end() + 40))]
    if _prose_list(text, best):
        best = []
    # a bare number before one word cut off by the end of the text ("… till handlingarna. 6 Arbetsu"): as likely a
    # page's number before its header as a label, and no title to read
    if len(best) > 3 and not best[-1]["prefix"] and CUT_TAIL_RE.fullmatch(text, best[-1].end()):
        best = best[:-1]
    elif len(best) >= 3:
        best = best + _later_agendas(text, runs, best)
    # two points in a row open a memo's agenda ("Mötet öppnas … 2. Föregående möte … 3. Info …") when dotted and
    # numbered from its start
    if len(best) < 2 or len(best) == 2 and not (best[0]["dot"] and int(best[0]["num"]) <= 2):
        best = _weak_labels(text, found, runs)
        if not best:
            return False
        weak = True
    seg.item_style = "inline"
    agenda = 1
    for k, m in enumerate(best):
        if k and not weak and m["num"] == "1" and int(best[k - 1]["num"]) > 1:  # a later agenda from 1 again
            agenda += 1
        end = best[k + 1].start() if k + 1 < len(best) else len(text)
        ts = m.end()
        while ts < end and text[ts] in " \t":  # past the page furniture blanked right after the label
            ts += 1
        dnr = INLINE_DNR_RE.match(text, ts, end)
        if dnr:
            ts = dnr.end()
        raw = text[ts:min(end, ts + 150)]
        stop = INLINE_TITLE_END_RE.search(raw)
        title = (raw[:stop.start()] if stop else raw).rstrip(" \t,;:-–")
        prefix = (m["prefix"] or "").strip()
        label = f"{prefix} {m['num']}" if prefix else (f"{m['num']}." if m["dot"] or m["colon"] else m["num"])
        if agenda > 1:  # a label of its own: "1. (2)" is the second agenda's first point
            label = f"{label} ({agenda})"
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        seg.items.append(Item(m["num"], label, title, start, end, (start, m.end()), (ts, ts + len(title)),
                              title_inferred=not title))
    _column_after(seg, text)
    return weak


# numbers written in a column of their own: "… Anmälningsärenden 9 10 Meddelanden delegationsbeslut Meddelanden …"
COLUMN_RE = re.compile(r"(?<![\w/.,:-])(\d{1,3})(?:[ \t]+\d{1,3})+(?=[ \t]+[A-ZÅÄÖ][a-zåäö])")


def _column_after(seg: Segmented, text: str) -> None:
    """A run's last label, then its next numbers in a column, then their titles (an agenda table whose columns the
    PDF's text layer wrote one after the other): the titles after the column are items, read as a register's."""
    last = seg.items[-1]
    line_end = text.find("\n", last.head[1])
    line_end = len(text) if line_end < 0 else line_end
    cm = COLUMN_RE.search(text, last.head[1], min(line_end, last.head[1] + 2000))
    if cm is None or not last.number.isdigit():
        return
    nums = [int(x) for x in cm.group().split()]
    if nums != list(range(int(last.number) + 1, int(last.number) + 1 + len(nums))):
        return
    more = _register(seg.text, cm.start(), line_end, 2)
    if not more:
        return
    last.end = cm.start()
    a, b = last.title_span
    if b > cm.start():  # the title ends where the column begins
        last.title = text[a:cm.start()].rstrip(" \t,;:-–")
        last.title_span = (a, a + len(last.title))
    for k, it in enumerate(more, len(seg.items) + 1):
        if not it.number:
            it.label = f"punkt {k}"
    seg.items.extend(more)


# a register's heading inside a line: "INNEHÅLLSFÖRTECKNING", "Innehåll Sid", "Ärendelista Sida", "Förteckning över
# kommunfullmäktiges ärenden", "Förteckning över förbundsstyrelsens ärenden den 23 september" (its column word and
# its date are no title)
TOC_RUN_RE = re.compile(r"(?:\b(?:INNEHÅLL|Innehåll)(?i:sförteckning)?\b(?:[ \t]+(?i:innehållsförteckning|innehåll)\b)*"
                        r"|\b(?:Ärendelista|ÄRENDELISTA|Förteckning[ \t]+över(?:[ \t]+[a-zåäö]+){1,3}?[ \t]+ärenden)\b"
                        r"(?:[ \t]+den[ \t]+\d{1,2}[ \t]+[a-zåäö]+(?:[ \t]+\d{4})?)?)"
                        r"(?:[ \t:]+(?:Sida|Sid|sid|sida)\b\.?)?[ \t:]*")
TOC_LEADER_RE = re.compile(r"[ \t]*(?:\.{3,}|…)[ \t]*\d{0,3}")
TOC_WORD_RE = re.compile(r"[^ \t\n]+")


REGISTER_WORDS = 3000
NUMBER_WORD_RE = re.compile(r"\d{1,3}\.?")


def register_items(seg: Segmented) -> list[Item]:
    """The titles of a register run into one line, as items; none where it is no register. A contents list of a PDF
    transcript, its page numbers lost: "INNEHÅLLSFÖRTECKNING 33 Delårsbokslut jan- april Förslag till direktiv …
    Övriga anmälningsärenden... 23". A title begins at a capitalised word after a word ending in a small letter,
    unless that word links on ("mellan Örebro läns …", "från Stråkgruppen"); a number before a title is its
    paragraph. At least three titles of at most 15 words, none with a sentence's end inside (else it is prose). Read
    from the text as written: masking blanks a line that ends in dot leaders and a page number. Numbers
    in a column of their own ("Informationsärenden 76 77 78 … 86 Förändringar av kungörelsen …") number the titles
    after them in turn; the register ends at its heading written again (the next page), at a signature (a first
    name and a capitalised word, or a label of rules/register_stops.txt) or at the line's end."""
    text = seg.text
    m = TOC_RUN_RE.search(text)
    if not m:
        return []
    stop = text.find("\n", m.end())
    stop = len(text) if stop < 0 else stop
    again = TOC_RUN_RE.search(text, m.end(), stop)
    if again:
        stop = again.start()
    # a protocol extract's contents list has one or two entries: "Innehåll Sid 115 Tobakstillsyn på …"
    paged = re.search(r"(?i)\bsida?\b", m.group()) is not None
    return _register(text, m.end(), stop, 2 if paged else 3)


def _register(text: str, begin: int, stop: int, fewest: int) -> list[Item]:
    """The titles written between begin and stop as a register's items (at least fewest of them, or two with
    a number)."""
    links = lexicon.words("title_links.txt")
    stops = lexicon.words("register_stops.txt")
    first_names = lexicon.first_names()
    titles: list[list[re.Match]] = []
    # a register holds at most some hundred titles: the words beyond are read no further
    words = list(itertools.islice(TOC_WORD_RE.finditer(text, begin, stop), REGISTER_WORDS))
    # a report's chapters ("1. INLEDNING... 2 1.1 Utredningsuppdrag... 3") are no agenda
    if any(re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", w.group()) for w in words):
        return []
    cur: list[re.Match] = []
    column: list[str] = []  # numbers written in a column of their own, for the titles after them
    numbers: dict[int, str] = {}  # a title (its index) and the column's number it takes
    page = False  # a page number follows an entry's dot leaders
    ends = 0
    after_column = False
    skip = 0
    last = 0
    was_page = prev_page = False
    prefixes: dict[int, str] = {}
    places = _place_words()
    for k, w in enumerate(words):
        word = w.group()
        prev = words[k - 1].group() if k else ""
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        number = NUMBER_WORD_RE.fullmatch(word) is not None
        if page and number:
            page, was_page = False, True
            continue
        page, prev_page, was_page = False, was_page, False
        if word in ("Dnr", "Diarienummer") and cur and len(cur) == 1 and NUMBER_WORD_RE.fullmatch(cur[0].group()):
            skip = 2  # "Ks 129 Dnr Godkännande …", "12 Dnr KS 2024/3 Information": a label's diary number
            continue
        if skip and (DIARY_WORD_RE.fullmatch(word) or re.fullmatch(r"[A-ZÅÄÖ]{1,6}", word) and skip == 2):
            skip = 0 if DIARY_WORD_RE.fullmatch(word) else 1
            continue
        skip = 0
        if number and (NUMBER_WORD_RE.fullmatch(nxt) or NUMBER_WORD_RE.fullmatch(prev) and not prev_page):
            # numbers in a column count up ("76 77 78", "9 10"); a page number before a title's number is none
            if NUMBER_WORD_RE.fullmatch(nxt) and int(nxt.rstrip(".")) != int(word.rstrip(".")) + 1 and not column:
                continue
            column.append(word.rstrip("."))
            after_column = True
            continue
        if number and nxt[:1].isupper() and last and int(word.rstrip(".")) < last:
            break  # a register's numbers rise: a smaller one is a misread or no register's any more
        if number and nxt[:1].isupper():
            last = int(word.rstrip("."))
        if _label_prefix(word, nxt, words[k + 2].group() if k + 2 < len(words) else ""):
            prefixes[k + 1] = word  # "Ks 129 Dnr …": a body's abbreviation before the number
            continue
        if re.fullmatch(r"\.{3,}|…", word):
            if cur:
                titles.append(cur)
            cur, page = [], True
            continue
        if word[:1].isupper() and word.rstrip(".:,").lower() in stops \
                or (word in first_names and nxt[:1].isupper() and nxt[1:2].islower()):
            break  # the signature under the register
        starts = (number and nxt[:1].isupper()) \
            or (len(word) > 1 and word[0].isupper() and word[1].islower() and prev.lower() not in links
                and word.rstrip(",") not in places
                and not NUMBER_WORD_RE.fullmatch(prev)
                # after a small letter, or after an abbreviation in capitals ("Regionförbundet ÖSTSAM Valnämnden …")
                and (prev.rstrip(".…")[-1:].islower() or len(prev) >= 3 and prev.isalpha() and prev.isupper()))
        if (starts or after_column) and cur:
            titles.append(cur)
            cur = []
        after_column = False
        if not cur and not number and column:
            numbers[len(titles)] = column.pop(0)
        cur.append(w)
        # prose is no contents list: a title is short and ends no sentence inside it
        if len(cur) > 20:
            return []
        # … and has few sentences (a title may end in a full stop, "m.m." is no sentence's end)
        if re.search(r"[a-zåäö]{3}[.!?]$", word) and nxt[:1].isupper():
            ends += 1
            if ends > 1:
                return []
        if word.endswith(("...", "…")):
            titles.append(cur)
            cur, page = [], True
    if cur:
        titles.append(cur)
    # a title begins with a capital or its number (a date or a column word left over is none)
    titles = [t for t in titles if t[0].group()[:1].isupper() or NUMBER_WORD_RE.fullmatch(t[0].group()) and len(t) > 1]
    numbered = any(NUMBER_WORD_RE.fullmatch(t[0].group()) for t in titles)
    if len(titles) < fewest and not (numbered and (len(titles) == 2 or fewest <= 2 and len(titles) == 1)):
        return []
    index = {id(w): k for k, w in enumerate(words)}
    out = []
    for k, t in enumerate(titles, 1):
        num = t[0].group().rstrip(".") if NUMBER_WORD_RE.fullmatch(t[0].group()) else ""
        if num and len(t) == 1:
            continue
        body = t[1:] if num else t
        prefix = prefixes.get(index[id(t[0])], "") if num else ""
        num = num or numbers.get(k - 1, "")
        a, b = body[0].start(), body[-1].end()
        title = text[a:b].rstrip(".… ")
        head = t[0].start()
        label = f"{prefix} {num}" if prefix else num or f"punkt {k}"
        out.append(Item(num, label, title, head, b, (head, b), (a, a + len(title))))
    return out


DIARY_WORD_RE = re.compile(r"[A-ZÅÄÖa-zåäö]{0,6}[\d][\d/:.-]*\d")


def _label_prefix(word: str, nxt: str, after: str) -> bool:
    """"Ks" in "Ks 129 Dnr Godkännande …": a short capitalised word before a label's number and its title."""
    return re.fullmatch(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}", word) is not None and re.fullmatch(r"\d{1,3}", nxt) is not None \
        and (after[:1].isupper() and after[1:2].islower() or after in ("Dnr", "Diarienummer"))


@cache
def _place_words() -> frozenset[str]:
    """Names of municipalities and counties: a capitalised word inside a title ("Länstransportplan Skåne
    yttrande"), not the start of the next one."""
    names = set(lexicon.bare_municipality_names())
    for r in lexicon.regions():
        names.add(r.name.split()[-1])
    return frozenset(names)


def prefer_register(seg: Segmented, weak: bool = False) -> None:
    """A register run into one line beats the numbered run found inside it (its unnumbered titles are items too,
    and a numbered title does not run on into the next unnumbered one); the run wins where it reaches beyond."""
    register = register_items(seg)
    if not register:
        return
    a, b = register[0].start, register[-1].end
    if seg.items and not weak and not (all(a <= it.start < b for it in seg.items) and len(register) >= len(seg.items)):
        return
    seg.item_style = "contents"
    seg.items[:] = register


# a PDF page's header and footer inside run-on text: "Justerandes sign", "Utdragsbestyrkande", "Sida 3 av 12"
FURNITURE_RE = re.compile(r"\b(?:Justerandes[ \t]+sign(?:atur)?|Justerarnas[ \t]+sign(?:atur)?|Justerares[ \t]+sign(?:atur)?"
                          r"|Utdragsbestyrkande|Ordförandes[ \t]+sign(?:atur)?|(?:Sida|Sid)[ \t]+\d{1,3}[ \t]*(?:av|/)[ \t]*\d{1,3})\b")


def _without_furniture(text: str) -> str:
    """text with the page furniture of FURNITURE_RE blanked (offsets stay): it neither becomes nor breaks an item,
    and a title ends where it stands."""
    return FURNITURE_RE.sub(lambda m: " " * len(m.group()), text)


# an extract of one paragraph from a protocol: "Utdrag ur protokoll … § 45 Översyn av taxor"
EXTRACT_RE = re.compile(r"(?i)\b(?:utdrag[ \t]+ur[ \t]+(?:sammanträdes)?protokoll|protokollsutdrag)")
# "Paragrafer: 1-18", "Paragrafer 49-60" on a protocol's first page: the numbers its § carry
PARAGRAPHS_RE = re.compile(r"\bParagrafer[ \t]*:?[ \t]*(?P<lo>\d{1,3})[ \t]*[-–][ \t]*(?P<hi>\d{1,3})\b")
CUT_TAIL_RE = re.compile(r"[A-ZÅÄÖa-zåäö]{1,12}")
PAGE_HEAD_END_RE = re.compile(r"(?<![\w(])\d{1,3}[ \t]+\d{1,3}\(\d{1,3}\)[ \t]+$")
WEAK_BEFORE_RE = re.compile(r"(?:^|\n|[.)!?:][ \t]*|\(\d{1,3}\)[ \t]*)$")


def _prose_list(text: str, run: list[re.Match]) -> bool:
    """Points that a sentence announces, each one short sentence ("… har fem angelägna områden utkristalliserats.
    1. Viljan samt behovet av mer struktur i folkhälsoarbetet. 2. Hur ska arbetet organiseras …"): a list inside an
    item's text, not its agenda."""
    if len(run) < 3 or not all(m["dot"] for m in run):
        return False
    if not re.search(r"[a-zåäö]{2,}[.:][ \t]*$", text[max(0, run[0].start() - 40):run[0].start()]):
        return False
    spans = [text[a.end():b.start()].strip() for a, b in zip(run, run[1:])]
    return all(sp.endswith(".") and len(sp) < 100 and sp.count(". ") == 0 for sp in spans)


def _weak_labels(text: str, found: list[re.Match], runs: list[list]) -> list[re.Match]:
    """Where a PDF transcript lost its § signs, fewer labels stand out than a run of three: the numbers of the range
    the first page gives ("Paragrafer 49-60"), each first one after it; else two labels in a row with a body's
    abbreviation ("Sn 49 … Sn 50") or each after a sentence's or page header's end ("(14) 188 Fastställande …
    slutlig föredragningslista. 189 Landstingsdirektörens rapport"); else one label with its diary number
    ("AU 1 Dnr Kommunförbundet …", "35 Diarienummer 0371/11 Ekonomisk uppföljning"). A number before a first name
    is a paragraph someone attended ("t o m 15 Margaretha Lindbäck"), never an item."""
    names = lexicon.first_names()

    def plausible(m: re.Match) -> bool:
        word = re.match(r"[^\s,]*", text[m.end():m.end() + 30]).group()
        return word not in names

    def guarded(m: re.Match) -> bool:
        if m["prefix"] and "§" not in m["prefix"]:
            return True
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        return WEAK_BEFORE_RE.search(text, max(0, start - 6), start) is not None

    # a page's number right before a label ("SAMMANTRÄDESPROTOKOLL 2 AU 1 Dnr …") is none
    starts = {m.start() for m in found}
    found = [m for m in found if plausible(m) and (m["prefix"] or m.end() not in starts and m.end() - 1 not in starts)
             and not HEAD_PAGE_RE.search(text, m.end(), min(len(text), m.end() + 40))]
    pm = PARAGRAPHS_RE.search(text)
    if pm and int(pm["lo"]) < int(pm["hi"]) <= int(pm["lo"]) + 200:
        seen: set[int] = set()
        out = []
        for m in found:
            num = int(m["num"])
            if m.start() > pm.end() and int(pm["lo"]) <= num <= int(pm["hi"]) and num not in seen:
                seen.add(num)
                out.append(m)
        if out:
            return out
    em = EXTRACT_RE.search(text)
    if em:
        one = next((m for m in found if m.start() > em.end() and m["prefix"] and "§" in m["prefix"]), None)
        if one is not None:
            return [one]
    ok = {id(m) for m in found}
    for run in runs:
        if len(run) == 2 and all(id(m) in ok and guarded(m) for m in run):
            return run
    # a register's two labels right after a transcript page's header: "3 3(22) 31 Beslutad ärendelista 32 Information"
    for run in runs:
        if (len(run) == 2 and all(id(m) in ok for m in run) and not run[0]["prefix"]
                and _inline_style(run[0]) == _inline_style(run[1]) and run[1].start() - run[0].end() <= 60
                and PAGE_HEAD_END_RE.search(text, max(0, run[0].start() - 12), run[0].start() + 1)):
            return run
    for m in found:
        if re.match(r"(?:Dnr|Diarienummer)\b", text[m.end():m.end() + 12]):
            return [m]
    return []


# the word of an agenda's heading inside running text: "Dagordning för Socialberedningens sammanträde 1. Val av
# justerare …" (items.AGENDA_HEAD_RE is another thing: a line that is the heading and nothing else)
AGENDA_WORD_RE = re.compile(r"(?i)\b(?:dagordning|föredragningslista)\b")


def _later_agendas(text: str, runs: list[list], best: list[re.Match]) -> list[re.Match]:
    """A notice for several meetings (a joint one, then each body's own) has an agenda for each, each numbered from
    1 under its own heading ("… 9. Övriga frågor … Dagordning för Socialberedningens sammanträde 1. Val av justerare
    2. Dagordning 3. …"): a later run of the same style from 1, of at least three points, right after such a
    heading, is one more agenda."""
    style = _inline_style(best[0])
    out: list[re.Match] = []
    last = best[-1].start()
    for run in runs:
        if (len(run) >= 3 and run[0]["num"] == "1" and run[0].start() > last and _inline_style(run[0]) == style
                and AGENDA_WORD_RE.search(text, max(last + 3, run[0].start() - 100), run[0].start())):
            out.extend(run)
            last = run[-1].start()
    return out


def _inline_style(m: re.Match) -> tuple[str, str]:
    return (m["prefix"] or "").replace(" ", ""), "." if m["dot"] else ":" if m["colon"] else ""
