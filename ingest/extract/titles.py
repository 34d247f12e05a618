"""Titles written next to names, in whatever layout: "Anna Svensson, socialchef", "socialchef Anna Svensson",
"Sune Samson tf landstingsdirektör Göran Jonsson ekonomidirektör", "Patrik Jonsson" over "Socialchef" on the next
line, "Handläggare: Patrik Jonsson", "avdelningschefer A, B samt C", two signature columns collapsed into one line
("Daniel Ljungkvist Anna Persson Ordförande Sekreterare").

The names are the persons earlier stages read; between two names the text is read as a short sequence of titles
and glue (party marks, commas, units, paragraph numbers). A sentence's end, a verb, running text, a heading or a
label ends a sequence. A title belongs to the name it is written tight against ("Name, title Unit Name2": the
first) when only one side is tight, and a title on a name's line to that name; otherwise to the side the whole
sequence is written on, as a list is written one way throughout: a sequence that begins with a name is written
"Name title" (the common way), one that begins with a title and ends with a name "title Name", one that begins and
ends with a title "title Name" unless a comma joins a title to the name before it. A plural title names the list
after it; "Sekreterare"/"Handläggare" before a name, or alone on the line under it, is a label (label_titles.txt).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import hold, person, written_name
from ingest.extract.names import is_first_name, plausible_name
from ingest.extract.patterns import NAME, PARTY, PARTY_CODE
from ingest.extract.vocabulary import (FUNCTION_WORDS, LABEL_TITLES, MEMBER_ROLES, PERSON_VERBS, TITLE_BREAKS,
                                       TITLE_MODIFIERS)
from ingest.nlp import _tokens_where, organ_kind
from ingest.segment import section_of

_HINTS: dict[int, bool] = {}  # spaCy word -> whether it is a title word (kept across documents)
WINDOW = 100  # how far from a name a title of it is looked for (a longer gap is read at both ends)
# a parenthesis, a list mark ("c)"), a separator, "1:e", or a word
TOKEN_RE = re.compile(r"\([^()\n]{0,60}\)|\b[a-z\d]\)|[,;:•]|\d:[a-zåäö]+|[^\s,;:()•]+")
# roles one has in the meeting rather than an office: they take part in the pairing but give no title
ROLE_ONLY = frozenset(MEMBER_ROLES - {"vice ordförande", "1:e vice ordförande", "2:e vice ordförande"}
                      | {"justerare"})
GLUE = frozenset(FUNCTION_WORDS | {"från", "vid", "inom", "hos", "§", "§§", "pkt", "punkt", "–", "-", "--", "/",
                                   "m.fl.", "mfl"})
# abbreviations ending in a full stop that end no sentence
NO_STOP = frozenset({"kl.", "ca.", "t.ex.", "bl.a.", "m.fl.", "fr.o.m.", "t.o.m.", "nr.", "tel.", "p.", "jfr.", "s."})
PARTY_GAP = r"(?:" + PARTY_CODE + r"|,[ \t]*[A-Za-zÅÄÖåäö]{1,4}(?=[ \t]*,))?"
TIGHT_BEFORE_RE = re.compile(rf"^\s*{PARTY_GAP}\s*[,–-]?\s*$")  # name -> title: "Name (S), title", "Name, M, title"
TIGHT_AFTER_RE = re.compile(r"^\s*[,:]?\s*$")  # title -> name: "Förvaltningschef, Silvia …", "Handläggare: Bo"
COMMA_BEFORE_RE = re.compile(rf"^\s*{PARTY_GAP}\s*,\s*$")
# what ends a sequence in a gap without titles: a sentence's end, a label's colon, a list mark, a bullet
BREAK_SIGN_RE = re.compile(r"[!?;:•]|\.(?:\s|$)|\b[a-z\d]\)")
WORD_RE = re.compile(r"[^\s,;:()•]+")
LIST_GAP_RE = re.compile(r"^\s*(?:,|och|samt)?\s*$")  # between the names of one list
# "1:e vice Ordförande Stéphanie Forsmark (C)": a name after a title, read together with it by the name pattern
TITLED_NAME_RE = re.compile(rf"(?P<name>{NAME})[ \t]*{PARTY}")
# "sitt uppdrag som kommunpolis", "i sin roll som samordnare", "i egenskap av ordförande"
ROLE_AS_RE = re.compile(r"\b(?:(?:sin|sitt|hans|hennes)\s+(?:uppdrag|roll|tjänst|befattning|anställning)\s+som|"
                        r"i\s+egenskap\s+av)\s+$")
TITLE_COMMA_NAME_RE = re.compile(rf"[^\s,]+,?[ \t]+(?P<name>{NAME})[ \t]+")


@dataclass
class El:
    kind: str  # N (a name), T (a title), B (a break)
    start: int
    end: int
    title: str = ""
    role_only: bool = False
    plural: bool = False
    paren: bool = False  # "(Sekreterare)" right after a name
    label: bool = False  # "Sekreterare: Anna Svensson": a field's label, for the name after it


def titles(cx: DocContext) -> None:
    text = cx.seg.masked
    # where the title words are (spaCy's tokens, each distinct word tested once)
    hints = sorted(cx.sdoc[i].idx for i in _tokens_where(cx.sdoc, _HINTS, lambda w: _head(w) is not None))
    _titled_names(cx, text, hints)
    names: list[tuple[int, int]] = []
    for s, e in cx.person_spans():
        if names and s < names[-1][1]:
            continue
        names.append((s, e))
    if not names:
        return
    els: list[El] = []
    prev_end = max(0, names[0][0] - WINDOW)
    for s, e in names:
        _gap(text, prev_end, s, els, hints)
        # "samordnare Barnahus Halland, sekreterare": after a title, a run of capitals that begins with no first
        # name may be the title's unit that an earlier stage took for a name
        words = text[s:e].split()
        if els and els[-1].kind == "T" and text[els[-1].start:els[-1].start + 1].islower() \
                and not text[els[-1].end:s].strip() and not is_first_name(words[0]) and words[-1] in _places():
            els.append(El("B", s, e))
            prev_end = e
            continue
        els.append(El("N", s, e))
        prev_end = e
    _gap(text, prev_end, min(len(text), prev_end + WINDOW), els, hints)
    held = _held(cx)
    chain: list[El] = []
    for el in els + [El("B", len(text), len(text))]:
        if el.kind == "B":
            for n, t in _pairs(text, chain):
                if not _label(text, n, t):
                    _emit(cx, n, t, held)
            chain = []
        else:
            chain.append(el)
    _in_the_role(cx, text, names, hints, held)


def _in_the_role(cx: DocContext, text: str, names: list[tuple[int, int]], hints: list[int], held: dict) -> None:
    """'Jenny Sjöström informerar om sitt uppdrag som kommunpolis': the title of the sentence's person."""
    starts = [s for s, _ in names]
    for h in hints:
        if not ROLE_AS_RE.search(text, max(0, h - 40), h):
            continue
        toks = [(x.start(), x.end(), x.group()) for x in TOKEN_RE.finditer(text, h, min(len(text), h + 80))]
        t = _title_at(toks, 0) if toks else None
        k = bisect.bisect_right(starts, h) - 1
        if not t or k < 0 or t[2]:
            continue
        s, e = names[k]
        # the same sentence, the person its subject: no other name and no sentence's end between
        if h - e > 200 or re.search(r"[.!?](?:\s|$)|\n\s*\n", text[e:h]):
            continue
        _emit(cx, El("N", s, e), El("T", h, toks[t[0] - 1][1], t[1], t[1] in ROLE_ONLY), held)


def _titled_names(cx: DocContext, text: str, hints: list[int]) -> None:
    """'1:e vice Ordförande Stéphanie Forsmark (C)': the name after a capitalised title, with its party mark."""
    for h in hints:
        m = TITLED_NAME_RE.match(text, h) if text[h].isupper() else None
        if not m or cx.inside_person(m.start("name")) or plausible_name(m["name"]):
            continue
        toks = [(w.start() + m.start(), w.end() + m.start(), w.group()) for w in re.finditer(r"\S+", m["name"])]
        t = _title_at(toks, 0)
        if t and len(toks) - t[0] >= 2:
            s = toks[t[0]][0]
            if plausible_name(text[s:m.end("name")]) and not cx.inside_person(s):
                person(cx, s, m.end("name"), "title-name-party", m["party"])
    # "Förvaltningschef, Silvia Sandin-Viberg Sekreterare, …": a name between two titles of a list, without
    # a party mark, when it looks like a name (a first name from the list or a surname)
    for k, h in enumerate(hints[:-1]):
        if not text[h].isupper():
            continue
        m = TITLE_COMMA_NAME_RE.match(text, h)
        if not m or m.end() != hints[k + 1] or not text[hints[k + 1]].isupper():
            continue
        words = m["name"].split()
        if plausible_name(m["name"]) and _name_like(words) and words[-1] not in _places() \
                and not cx.inside_person(m.start("name")):
            person(cx, m.start("name"), m.end("name"), "title-name")


def _name_like(words: list[str]) -> bool:
    last = words[-1]
    return is_first_name(words[0]) or "-" in last or last in lexicon.surnames()


def _label(text: str, n: El, t: El) -> bool:
    """'Sekreterare Anna Svensson', 'Anna Svensson' over 'Sekreterare' alone on its line: the label of a head's
    field or a signature (the task in this meeting), not the title of an office."""
    if t.title not in LABEL_TITLES:
        return False
    if t.start < n.start:
        return True
    eol = text.find("\n", t.end, t.end + 300)
    return "\n" in text[n.end:t.start] and not text[t.end:eol if eol >= 0 else t.end + 300].strip()


def _gap(text: str, a: int, b: int, out: list[El], hints: list[int]) -> None:
    """The titles and breaks between two names (a long gap: its two ends, with a break between)."""
    k = bisect.bisect_left(hints, a)
    if k == len(hints) or hints[k] >= b:  # no title word: only whether the gap ends a sequence
        if b - a > 2 * WINDOW or _breaks(text[a:b]):
            out.append(El("B", a, b))
        return
    if b - a > 2 * WINDOW:
        _read(text, a, a + WINDOW, out)
        out.append(El("B", a + WINDOW, b - WINDOW))
        a = b - WINDOW
        while a < b and not text[a - 1].isspace():  # begin at a word
            a += 1
    _read(text, a, b, out)


def _breaks(gap: str) -> bool:
    """Whether a gap without titles ends a sequence (the same signs as _read's)."""
    if BREAK_SIGN_RE.search(gap):
        return True
    lower = 0
    for w in WORD_RE.findall(gap):
        if w[:1].isupper():
            if _stop_word(w, ""):
                return True
        elif w[:1].islower() and w not in GLUE and not w.endswith("-"):
            if w in PERSON_VERBS:
                return True
            lower += 1
            if lower >= 2:
                return True
    return False


def _read(text: str, a: int, b: int, out: list[El]) -> None:
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, a, b)]
    lower_words = 0
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        if w[:1].isupper() and _stop_word(w, nxt):
            out.append(El("B", s, e))  # "Beslutande", "Underskrifter", "Inbjuden:": a new list or field begins
            lower_words = 0
            i += 1
            continue
        t = _title_at(toks, i)
        if t:
            j, title, plural = t
            label = j < len(toks) and toks[j][2] == ":"
            out.append(El("T", s, toks[j - 1][1], title, title in ROLE_ONLY, plural, label=label))
            lower_words = 0
            last = toks[j - 1][2].lower()
            if last.endswith(".") and last not in lexicon.title_forms() and last not in TITLE_MODIFIERS:
                out.append(El("B", toks[j - 1][1], toks[j - 1][1]))  # "… sekreterare. Mötet öppnas"
            i = j
            continue
        low = w.lower()
        if w.startswith("("):
            inner = [(s + 1 + x.start(), s + 1 + x.end(), x.group()) for x in re.finditer(r"\S+", w[1:-1])]
            tt = _title_at(inner, 0) if inner else None
            if tt and tt[0] == len(inner):
                out.append(El("T", s, e, tt[1], tt[1] in ROLE_ONLY, tt[2], paren=True))
        elif w in ("•", ";") or w.endswith(")") or w[-1] in "!?" or (
                w.endswith(".") and low not in NO_STOP and not re.fullmatch(r"[A-ZÅÄÖ]\.", w)):
            out.append(El("B", s, e))
            lower_words = 0
        elif low in PERSON_VERBS:
            out.append(El("B", s, e))
            lower_words = 0
        elif w[:1].islower() and low not in GLUE and not w.endswith("-"):  # "hälso- och sjukvårdsstaben"
            lower_words += 1
            if lower_words >= 2:  # running text
                out.append(El("B", s, e))
                lower_words = 0
        i += 1


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Municipality and region names ('Halland' of 'Region Halland')."""
    out = set(lexicon.bare_municipality_names())
    for r in lexicon.regions():
        for name in (r.name, *r.aliases):
            out.add(name.split()[-1])
    return frozenset(out)


@lru_cache(maxsize=65536)
def _stop_word(word: str, nxt: str) -> bool:
    """A heading or label that no title is: 'Beslutande', 'Paragrafer', 'Styrgruppen:'."""
    w = word.rstrip(":.")
    low = w.lower()
    if low in TITLE_BREAKS or section_of(w) is not None:
        return True
    if _head(w):
        return False
    return word.endswith(":") or nxt == ":"  # a label


@lru_cache(maxsize=65536)
def _head(word: str) -> tuple[str, bool] | None:
    """A title word ('socialchef', 'HR-direktör', 'enhetschef/utvecklingsstrateg', 'Ordf.') as (title, plural);
    a plural ('avdelningschefer', 'Utvärderarna') in its singular."""
    low = word.lower().rstrip(",:")
    forms = lexicon.title_forms()
    for f in (low, low + ".", low.rstrip(".")):
        if f in forms:
            return forms[f], False
    if low.endswith(".") or len(low) < 5 or not low.replace("-", "").replace("/", "").isalpha() \
            or low.endswith("-") or low.startswith("-"):
        return None
    if all(_is_title(p) for p in low.split("/")):
        return low, False
    for end, add in (("erna", ""), ("arna", "are"), ("er", "")):
        if low.endswith(end) and "/" not in low:
            base = low[:-len(end)] + add
            # "avdelningschefer", not "chefer": a plural names a list only with its kind of office
            if len(base) >= 5 and _is_title(base):
                return base, True
    return None


def _is_title(low: str) -> bool:
    last = low.rsplit("-", 1)[-1]
    return lexicon.is_title_word(low) and (low in lexicon.title_forms() or len(last) >= 4 or "-" in low)


def _form(words: list[str]) -> str | None:
    forms = lexicon.title_forms()
    key = " ".join(words)
    for f in (key, key + ".", key.rstrip(".")):
        if f in forms:
            return forms[f]
    return None


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The words a title phrase of several words begins with ('1:e', 'vice', 'tf', 'medicinskt')."""
    return frozenset(p.split()[0] for p in (*lexicon.title_forms(), *TITLE_MODIFIERS))


@lru_cache(maxsize=65536)
def _may_begin(word: str) -> bool:
    low = word.lower()
    return low in _first_words() or low.rstrip(".") in _first_words() or low.endswith("-") \
        or (word[:1].isupper() and low.endswith("s")) or _head(word) is not None


def _title_at(toks: list, i: int) -> tuple[int, str, bool] | None:
    """The title phrase that begins at token i: (index after it, title, plural)."""
    if not _may_begin(toks[i][2]):
        return None
    words = [t[2] for t in toks[i:i + 6]]
    lows = [w.lower() for w in words]
    # a written form of several words ("1:e vice ordf", "tjg ersättare", "kommunstyrelsens ordförande")
    for n in (4, 3, 2):
        if len(lows) >= n and _form(lows[:n]):
            return i + n, _form(lows[:n]), False
    k, mods = 0, []
    while k < len(lows):
        two = " ".join(lows[k:k + 2])
        if two in TITLE_MODIFIERS:
            mods.append(two)
            k += 2
        elif lows[k] in TITLE_MODIFIERS:
            mods.append(lexicon.title_forms().get(lows[k], lows[k]).rstrip("."))
            k += 1
        else:
            break
    if k >= len(lows):
        return None
    # "Skogslänsgruppens ordförande": the body's genitive before the title is part of it
    if not mods and k + 1 < len(lows) and words[k][:1].isupper() and lows[k].endswith("s") and len(lows[k]) > 5 \
            and organ_kind(lows[k][:-1]) and lows[k + 1] in ("ordförande", "sekreterare", "vice"):
        rest = _title_at(toks, i + 1)
        if rest and not rest[2]:
            return rest[0], f"{lows[k]} {rest[1]}", False
        return None
    # "hälso- och sjukvårdschef", "vård- och omsorgsdirektör"
    if lows[k].endswith("-") and k + 2 < len(lows) and lows[k + 1] in ("och", "eller"):
        h = _head(words[k + 2])
        if h and not h[1]:
            return i + k + 3, " ".join(mods + [f"{lows[k]} {lows[k + 1]} {h[0]}"]), False
        return None
    # "administrativ chef": the bare word with a modifier
    h = ("chef", False) if mods and lows[k] == "chef" else _head(words[k])
    if not h:
        # "ansvarig för ekonomin": a modifier that is a title itself, with no title after it
        h = _head(words[0]) if k else None
        return (i + 1, h[0], h[1]) if h else None
    return i + k + 1, " ".join(mods + [h[0]]), h[1]


def _orientation(text: str, chain: list[El]) -> bool:
    """Whether the titles of a sequence stand before their names: where its ends show it (begins with a title and
    ends with a name, or the other way round); else after them ("Name, title" is the common way) unless the
    sequence begins with a title and no title follows a name and a comma."""
    kinds = [el.kind for el in chain]
    if kinds[0] == "N":
        return False
    if kinds[-1] == "N":  # "socialchef Anna Svensson, ekonom Bo Ek"
        return True
    return not any(el.kind == "T" and k and chain[k - 1].kind == "N" and
                   COMMA_BEFORE_RE.match(text[chain[k - 1].end:el.start]) for k, el in enumerate(chain))


def _pairs(text: str, chain: list[El]) -> list[tuple[El, El]]:
    """Which name each title of one sequence belongs to."""
    if not any(el.kind == "T" for el in chain) or not any(el.kind == "N" for el in chain):
        return []
    forward = _orientation(text, chain)
    out, rest = [], []
    for k, el in enumerate(chain):
        prev = chain[k - 1] if k else None
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        if el.kind != "T":
            rest.append(el)
            continue
        gap_p = text[prev.end:el.start] if prev and prev.kind == "N" else None
        gap_n = text[el.end:nxt.start] if nxt and nxt.kind == "N" else None
        if el.label or el.plural or (el.paren and gap_p is not None):
            if el.plural and gap_n is not None:  # "Utvärderarna Marianne Bull och Leif Grahm"
                j = k + 1
                while j < len(chain) and chain[j].kind == "N":
                    out.append((chain[j], el))
                    if j + 1 < len(chain) and not LIST_GAP_RE.match(text[chain[j].end:chain[j + 1].start]):
                        break
                    j += 1
            elif el.label and gap_n is not None:
                out.append((nxt, el))
            elif el.paren:
                out.append((prev, el))
            rest.append(El("B", el.start, el.end))
            continue
        if gap_p is None or gap_n is None:  # the sequence's way decides
            rest.append(el)
            continue
        # "Anna Svensson, Region Gävleborg, verksamhetschef": a comma before the title joins it to the entry before
        tight_p = bool(TIGHT_BEFORE_RE.match(gap_p)) or gap_p.rstrip().endswith(",")
        tight_n = bool(TIGHT_AFTER_RE.match(gap_n))
        # a line is one entry: "Henrik Lindström<TAB>Åre kommun<TAB>Stabschef" over "Erik Fredriksson …"
        line_p, line_n = "\n" not in gap_p, "\n" not in gap_n
        if line_p != line_n:
            tight_p, tight_n = line_p, line_n
        if re.search(r"\b(?:och|samt)\b", gap_p) and re.search(r"\b(?:och|samt)\b", gap_n):
            continue  # "A och vikarierande samordnare och B": whose?
        if tight_p and not tight_n:
            out.append((prev, el))
        elif tight_n and not tight_p and not el.plural:
            out.append((nxt, el))
        else:
            rest.append(el)
            continue
        rest.append(El("B", el.start, el.end))  # paired: it divides the runs on either side
    runs: list[list[El]] = []
    for el in rest:
        if runs and runs[-1][0].kind == el.kind:
            runs[-1].append(el)
        else:
            runs.append([el])
    for r, run in enumerate(runs):
        if run[0].kind != "T":
            continue
        k = r + 1 if forward else r - 1
        if not 0 <= k < len(runs) or runs[k][0].kind != "N":
            continue
        ns = runs[k]
        if len(ns) == len(run) >= 2:  # two columns run together: "A B Ordförande Sekreterare"
            out.extend(zip(ns, run))
        elif forward and len(run) == 1:
            # "avdelningschefer A, B samt C", a label "HANDLÄGGARE A B": every name of the run
            every = run[0].plural or text[run[0].start:run[0].end].isupper()
            out.extend((n, run[0]) for n in (ns if every else ns[:1]))
        elif forward:
            out.append((ns[0], run[-1]))
        else:
            # "Göran Wiebe kanslidirektör, sekreterare": the titles a comma or a line joins to the first
            t_prev = run[0]
            nxt = runs[r + 1][0] if r + 1 < len(runs) and runs[r + 1][0].kind == "N" else None
            for t in run:
                gap = text[t_prev.end:t.start]
                if t is not run[0] and not re.fullmatch(r"\s*[,/]\s*|[ \t]*\n\s*", gap):
                    break
                # "… politisk sekreterare" and on a new line "Socialdirektör Pernilla Thunander": the next name's
                if t is run[-1] and "\n" in gap and nxt and re.fullmatch(r"[ \t]*", text[t.end:nxt.start]):
                    out.append((nxt, t))
                    break
                if not t.plural:
                    out.append((ns[-1], t))
                t_prev = t
    return out


def _held(cx: DocContext) -> dict[str, list[tuple[str, int, int]]]:
    """The titles each person holds already, with where they were read."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for c in cx.claims_of("HOLDS"):
        role = cx.by_key.get(c.dst)
        out.setdefault(c.src, []).append((role.props.get("title", "") if role else "", c.evidence.start,
                                          c.evidence.end))
    return out


def _emit(cx: DocContext, n: El, t: El, held: dict) -> None:
    if t.role_only:
        return
    # the person read at this span (its key as the person factory makes it)
    pk = "person:" + written_name(cx.text[n.start:n.end])
    if pk not in cx.by_key:
        pk = person(cx, n.start, n.end, "title-next-to-name")
    for title, a, b in held.get(pk, []):
        if title == t.title or a <= t.start < b:
            return
    a, b = min(n.start, t.start), max(n.end, t.end)
    target = None if t.title in MEMBER_ROLES else cx.home_muni
    hold(cx, pk, t.title, target, a, b, "title-next-to-name", 0.9)
    held.setdefault(pk, []).append((t.title, a, b))
