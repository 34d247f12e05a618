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
from ingest.extract.names import official_title, plausible_name
from ingest.extract.patterns import PARTY_CODE
from ingest.extract.run_on_signatures import run_on_signatures
from ingest.extract.shifted import decode_shifted
from ingest.extract.vocabulary import OFFICIAL_UNITS
from ingest.scan import Guarded, prefix_guard

# Words of a protocol's head that end an attendance list.
STOP_RE = re.compile(r"(?<![\w-])(?:Utses att justera|Utsedd att justera|Justering(?:ens)?|Justeras|Paragrafer|"
                     r"Underskrifter|UNDERSKRIFTER|Plats och tid|Sammanträdes(?:tid|plats|datum)|Protokollet|"
                     r"(?<!\()(?<!,[ ])Sekreterare\b(?![ \t]*[,)]))")
# A meeting role right after a name: "Fredrik Larsson (M) ordförande", "Jonas Niklasson, 2:e vice ordförande (C)"
ROLE_AFTER_RE = re.compile(r"[ \t,]*(?:" + PARTY_CODE + r"[ \t,]*|[A-ZÅÄÖ]{1,3}[ \t]*,[ \t]*)?\(?"
                           r"(?P<role>(?:1:[ \t]?e|2:[ \t]?e|förste|andre)?[ \t]?vice ordförande|ordförande|ordf\.?|tjg ersättare|tjänstgörande ersättare)",
                           re.IGNORECASE)


@cache
def _section_words() -> list[tuple[re.Pattern[str], str, str]]:
    # (a heading whose word space a PDF lost reads as one word: "Tjänstgörandeersättare")
    return [(re.compile(rf"(?i)(?<![\w-])(?:{r['pattern'].replace(' ', '[ ]?')})(?![\w-])"), r["role"], r["status"])
            for r in lexicon.rules_csv("sections.csv")]


@cache
def _any_section_word() -> re.Pattern[str]:
    """One pass over the text finds where a section word may begin (each word's own pattern then says which)."""
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(f"(?:{r['pattern'].replace(' ', '[ ]?')})"
                                                      for r in lexicon.rules_csv("sections.csv")) + r")(?![\w-])")


@cache
def _section_scan() -> Guarded | re.Pattern[str]:
    """_any_section_word tried only where a section word may begin (the words' first letters, read from the pattern)."""
    return _scan(_any_section_word())


@cache
def _scan(rx: re.Pattern[str]) -> Guarded | re.Pattern[str]:
    """A pattern that begins at a word's start, tried only where its prefixes begin (ingest/scan.py)."""
    guard = prefix_guard(rx, r"(?<![\w-])")
    return Guarded(rx, guard) if guard else rx


OPENS_RE = re.compile(r"(?:öppnade|öppnar|förklarade|förklarar|hälsade|hälsar)[ \t]+(?:mötet|sammanträdet|alla|"
                      r"samtliga|de)\b")
OPENER_RE = re.compile(r"(?:[A-ZÅÄÖ][\w-]+[ \t]+){1,3}$")


def _boundaries(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, role, status) of every section word that begins with a capital inside the text, the longest
    at each place; a head word is a boundary with no role. Headings in a font that lost its encoding are read back
    first (`shifted`)."""
    text = decode_shifted(text)
    found: dict[int, tuple[int, str, str]] = {}
    for c in _section_scan().finditer(text):
        if not text[c.start()].isupper():
            continue
        if NOTE_AFTER_NAME_RE.match(text, c.start()) and re.search(r"\)[ \t]*$", text[max(0, c.start() - 4):c.start()]):
            continue  # "Krister Lumme (S) Ersättare för Maj-Britt Magnusson (S)": a note of the row, not a heading
        for rx, role, status in _section_words():
            m = rx.match(text, c.start())
            if m and (m.start() not in found or m.end() > found[m.start()][0]):
                found[m.start()] = (m.end(), role, status)
    for m in _scan(STOP_RE).finditer(text):
        found.setdefault(m.start(), (m.end(), "", "stop"))
    for m in _scan(ORPHAN_HEAD_RE).finditer(text):
        found.setdefault(m.start(), (m.end(), "beslutande", ""))
    for m in _scan(SPLIT_SUBSTITUTE_RE).finditer(text):
        found.setdefault(m.start(), (m.end(), "tjänstgörande ersättare", ""))
    # "… Leif Grahm (punkt 5) Pär Nuder öppnade mötet": the first sentence of the minutes ends the list
    for m in OPENS_RE.finditer(text):
        om = OPENER_RE.search(text, max(0, m.start() - 80), m.start())
        if om:
            found.setdefault(om.start(), (om.start(), "", "stop"))
    return sorted((s, e, role, status) for s, (e, role, status) in found.items())


# "Thomas Eriksson (S), ersättare för Ida Svensson (S)", "Katarina Rosberg, S, tjg ers för Jörgen Blom": the member
# served for is named after the substitute and was not there
# "sekreterare" right after a name (or after its title and a comma), never "politisk sekreterare"
SECRETARY_AFTER_RE = re.compile(r"(?:[ \t]*,?[ \t]*[a-zåäö-]+[ \t]*,)?[ \t]*,?[ \t]*\(?[Ss]ekreterare\)?(?![\w-])")
SERVED_FOR_RE = re.compile(r"(?:\bför|\bersätter)[ \t]+$")
# A substitute's mark after the name (and its party, bracketed or after a comma: "Cristine Persson, C, tjg ers för")
PARTY_AFTER = r"(?:[ \t]*" + PARTY_CODE + r"|[ \t]*,[ \t]*[A-ZÅÄÖ]{1,3}(?=[ \t]*,))?[ \t]*,?[ \t]*"
SUBSTITUTE_RE = re.compile(PARTY_AFTER + r"(?:(?P<not>ej[ \t]+tjg\.?|ej[ \t]+tjänstgörande|icke[ \t]+tjänstgörande)"
                           r"[ \t]+ers(?:\.|ättare)?|(?:tjg\.?|tjänstgörande)[ \t]+ers(?:\.|ättare)?|ersättare[ \t]+för|"
                           r"ersätter)(?![\w])", re.IGNORECASE)
# "Staffan Isling, regiondirektör", "Jonas Wells, samordnare": a title after a name without a party
TITLE_AFTER_RE = re.compile(r"[ \t]*(?P<comma>,|[-–](?=[ \t]))?[ \t]*(?P<title>(?:[A-ZÅÄÖa-zåäö][\w-]*(?:[ \t]+och)?[ \t]+){0,3}"
                            r"[A-ZÅÄÖa-zåäö][\w-]*)")
# "Förvaltningschef, Silvia Sandin-Viberg", "Ekonomichef Maria Edblad-Jansson": a title written before the name
# ("Tf. socialchef Lisbeth Bodén", "Administrativ chef Torbjörn Nyqvist", "Verksamhetsområdeschef hemvård Johan
# Steinbrecher": lower-case words of the title after its capital)
TITLE_BEFORE_RE = re.compile(r"(?<![\w-])(?P<title>[A-ZÅÄÖ][a-zåäö-]+\.?(?:[ \t]+[a-zåäö][a-zåäö-]+){0,2})[ \t]*,?[ \t]*$")


def _official_before(title: str) -> bool:
    return any(official_title(w) for w in re.findall(r"[\wåäöÅÄÖ-]+", title))


def _official_after(text: str, b: int, end: int) -> int | None:
    """The end of an official's title written after a name ('Staffan Isling, regiondirektör', 'Ingrid Magnusson,
    hälso- och sjukvårdschef', 'Anne-Li Lehnberg, politisk sekreterare'); a capitalised word without a comma
    begins the next entry, not this one's title."""
    tm = TITLE_AFTER_RE.match(text, b, min(end, b + 60))
    if not tm:
        return None
    pos = tm.start("title")
    for k, w in enumerate(re.finditer(r"[\w-]+", tm["title"])):
        word = w.group()
        if word[:1].isupper() and (k or not tm["comma"]) and not re.match(r"[A-ZÅÄÖ]{2,}-", word):
            return None
        if official_title(word.strip("-")) or (word.lower().endswith(OFFICIAL_UNITS) and tm["comma"]):
            return pos + w.end()
    return None
# A party after a name: bracketed (a bracket left open before the next name too), or a code after a comma or a space
# ("Dan Blomgren, S", "Anna Berg s Per Ek") where it is a party's
PARTY_NEAR_RE = re.compile(r"[ \t]*(?:\((?P<p>[A-Za-zÅÄÖåäö]{1,4})(?:\)|(?=[ \t]+[A-ZÅÄÖ][a-zåäö]))|"
                           r"(?:,[ \t]*|[ \t]+)(?P<bare>[A-ZÅÄÖ]{1,3}|[a-zåäö]{1,3})(?![\w-])"
                           r"(?=[ \t]*(?:,|$|\n|[A-ZÅÄÖ(§])))")
PARTY_AFTER_PLACE_RE = re.compile(r"[ \t]*,[ \t]*[A-ZÅÄÖ][a-zåäö]+(?:[ \t]+[A-ZÅÄÖ][a-zåäö]+)?[ \t]*,?[ \t]*"
                                  r"\((?P<p>[A-Za-zÅÄÖåäö]{1,4})(?![\w-])(?P<bare>)")
# The roles of the members, as against those of the others present
MEMBER = {"beslutande", "ledamot", "ersättare", "tjänstgörande ersättare", "ej tjänstgörande ersättare"}
OTHERS = {"övrig deltagare", "tjänsteperson", "adjungerad"}
# "Beslut-|ande": a transcript that lost the first half of the column's heading keeps "ande" before the names
# ("Organ: Plats och tid: ande: Regionförbundets nämnd Nygatan 34 … Roland Åkesson, ordf": with its colon, the
# labels of a column whose values follow in order)
ORPHAN_HEAD_RE = re.compile(r"(?<![\w-])ande(?::(?=[ \t]+[A-ZÅÄÖ])|:?(?=[ \t]+(?:[A-ZÅÄÖ][a-zåäöé-]+[ \t]+){1,3}"
                            r"[A-ZÅÄÖ][a-zåäöé-]+[ \t]*(?:\(|,)))")


NOTE_AFTER_NAME_RE = re.compile(r"Ersättare[ \t]+för[ \t]+[A-ZÅÄÖ]")
# "Deltagarlista Beslutande …", "Närvarolista Ledamöter …": a list of those present, divided by its headings
LIST_OF_PRESENT_RE = re.compile(r"(?<![\w-])(?:Närvarolista|Deltagarlista|Deltagarförteckning|Närvaro)[ \t]*:?[ \t]*$")
# "Beslutande Se deltagarlista på nästa sida.", "Övriga närvarande Enligt närvarolista sidan 2": a section that
# refers to a list elsewhere holds none of its own names
REFERS_RE = re.compile(r"(?<![\w-])(?:Se|Enligt)[ \t]+(?:\w+[ \t]+)?(?:närvarolista|deltagarlista|bilaga|nästa sida|sidan)",
                       re.IGNORECASE)
# "Namn Parti N ä r v a r o Reservation … Erik Bergkvist S 1 Ordförande … Tomas Mörtsell C - Vakant plats": a table
# with a column of presence marks (its heading written letter by letter, a column's vertical text)
PRESENCE_COLUMN_RE = re.compile(r"(?<![\w-])N[ \t]?ä[ \t]?r[ \t]?v[ \t]?a[ \t]?r[ \t]?o(?![\w-])")
PRESENCE_MARK_RE = re.compile(r"[ \t]+(?:[A-ZÅÄÖ]{1,3}|" + PARTY_CODE + r")[ \t]+(?P<mark>[-–xX1])(?=[ \t]|$)")
ROW_MARK_RE = re.compile(r"(?<=[a-zåäöé])[ \t]+(?:[A-ZÅÄÖ]{1,3}|" + PARTY_CODE + r")[ \t]+[-–xX1](?=[ \t]|$)")
# "Ledamöter (7) Erik Bergkvist S 1 …": a heading that counts its rows
COUNTED_RE = re.compile(r"[ \t]*\((?P<n>[1-9]\d?)\)")
# "Beslutande Kommunfullmäktiges samtliga ledamöter med undantag för Lars Rasch (KP), Kenneth Axelsson (M) och …":
# the members named after the exception were not there
EXCEPT_RE = re.compile(r"(?<![\w-])(?:med[ \t]+undantag[ \t]+(?:för|av)|utom|förutom)[ \t]+(?:[A-ZÅÄÖ][^.\n§0-9]*)?$")
# "Barbro Karlsson, Vision deltog ej": listed, but not there
ABSENT_AFTER_RE = re.compile(r"(?:[ \t]*,[ \t]*[A-ZÅÄÖ][\w-]*(?:[ \t]+[A-ZÅÄÖa-zåäö][\w-]*)?)?[ \t]*,?[ \t]*"
                             r"(?:deltog[ \t]+ej|deltog[ \t]+inte|ej[ \t]+närvarande|frånvarande)(?![\w-])")
# "Tjänstgörande Helene Nordin (Mp) för Christina Mattisson (S) ersättare Christel Friskopp (S)": a two-line heading
# of a table's first column whose second line came after the first row's names
SPLIT_SUBSTITUTE_RE = re.compile(r"(?<![\w-])(?<!(?:Ej|ej) )(?<!(?:Icke|icke) )Tjänstgörande(?=[ \t]+[A-ZÅÄÖ][a-zåäöé]"
                                 r"[^\n]{0,80}?[ \t]ersättare[ \t]+[A-ZÅÄÖ])")
# "1:e vice ordförande Per-Ola Mattsson (S)", "Ordförande Erik Berg (S)": a presidium post written before the name
PRESIDIUM_BEFORE_RE = re.compile(r"(?:(?<![\w-])(?:[Oo]rdförande|(?:\d:[ \t]?e[ \t]+|förste[ \t]+|andre[ \t]+)?"
                                 r"vice[ \t]+ordförande))[ \t]*:?[ \t]*$")

Stack = tuple[int, int, list[tuple[str, str]], int]


def _stacks(bounds: list[tuple[int, int, str, str]], text: str) -> list[Stack]:
    """Section words written one after another with nothing between them ("Beslutande Övriga deltagande Mikael
    Lindfors (s), ordförande …": two columns whose headings came first) as one section: (start of the names, end,
    the headings' (role, status), start of the headings)."""
    out: list[Stack] = []
    k = 0
    while k < len(bounds):
        s, e, role, status = bounds[k]
        heads = [(role, status)]
        while status != "stop" and k + 1 < len(bounds) and bounds[k + 1][3] != "stop" and \
                not text[e:bounds[k + 1][0]].strip(" \t.,:;-–"):
            k += 1
            e = bounds[k][1]
            heads.append(bounds[k][2:4])
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(text)
        if status != "stop" and k + 1 < len(bounds) and bounds[k + 1][3] == "stop" and \
                not text[e:end].strip(" \t.,:;-–"):
            # "Övriga deltagande Utses att justera Peter Molin, ersättare …": a head word between a heading and its
            # names is the other column's label, not the list's end
            nxt = bounds[k + 2][0] if k + 2 < len(bounds) else len(text)
            end = nxt
            k += 1
        out.append((e, end, heads, s))
        k += 1
    return out


DECIDING = {"beslutande", "ledamot"}
PRESENT_HEAD_RE = re.compile(r"(?:Övriga[ \t]+)?[Nn]ärvarande(?![\w-])")
# "Bo Frank (m), förste vice ordf. (tjänstgör som ordförande )": the member who chaired this meeting
CHAIRED_AFTER_RE = re.compile(r"(?:\([^()\n]{0,6}\)|[^()\n]){0,40}?\((?:tjänstgör|tjänstgjorde|fungerar|fungerade)[ \t]+som[ \t]+ordförande"
                              r"[ \t]*\)")


def _role_in(heads: list[tuple[str, str]], has_party: bool) -> tuple[str, str] | None:
    """The role and status of a name under stacked headings: a name with a party is a member's, one without the
    others' where such a heading is among them; members under several member headings are only present
    ("Beslutande Ledamöter" is one)."""
    real = [(r, st) for r, st in heads if st != "stop"]
    if not real:
        return None
    if len(real) == 1:
        return real[0]
    others = [(r, st) for r, st in real if r in OTHERS]
    members = [(r, st) for r, st in real if r not in OTHERS]
    if not has_party and others:
        return others[0]
    if len({r for r, _ in members}) == 1 or {r for r, _ in members} <= DECIDING:
        return members[0]
    absent = [h for h in members if h[1] == "absent"]
    return ("närvarande", "") if len(absent) < len(members) else absent[0]


SIGNED_RULES = ("signature", "header", "chair-apposition")


def run_on_attendance(cx: DocContext) -> None:
    if not cx.meeting_key:
        return
    # only where no list was read from lines (who signed, or chaired, says nothing of the list)
    if not any(c.evidence.rule not in SIGNED_RULES for c in cx.claims_of("ATTENDED") + cx.claims_of("ABSENT_FROM")):
        _run_on_lists(cx)
    run_on_signatures(cx)


# "Cristine Persson, C, tjg ers för …", "Mi Bringsaas, S Katarina Rosberg, S": a name and a party code after a comma
COMMA_PARTY_NAME_RE = re.compile(r"(?<![\w-])(?P<name>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?(?:[ \t]+(?:[A-ZÅÄÖ]"
                                 r"[a-zåäöé-]+|af|von|de)){1,3})(?:,[ \t]*(?P<party>[A-ZÅÄÖ]{1,3}|[a-zåäö]{1,3})(?=[ \t]*,|[ \t]*$|"
                                 r"[ \t]+[A-ZÅÄÖ])|[ \t]*\((?P<bp>[A-Za-zÅÄÖåäö]{1,4})\)|,[ \t]*(?P<title>[a-zåäö][\w-]+))")


def _comma_party_names(cx: DocContext, text: str, a: int, b: int) -> None:
    """Names in an attendance list that no earlier stage read, known by the party code after them (bracketed or
    after a comma: 'Yoomi Renström (S)'), or an official's title after a comma ('Marica Gardell, socialdirektör')."""
    for m in COMMA_PARTY_NAME_RE.finditer(text, a, b):
        party = m["party"] or m["bp"]
        if (party.upper() in lexicon.parties() if party else official_title(m["title"])) and \
                plausible_name(m["name"]) and not cx.inside_person(m.start("name")):
            person(cx, m.start("name"), m.end("name"), "run-on-attendance", party, 0.8)


def _run_on_lists(cx: DocContext) -> None:
    text = cx.seg.masked
    bounds = _boundaries(text)
    if cx.seg.items:  # the agenda's first item ends the head and its lists ("1. Välkommen! Inledning av …")
        first = cx.seg.items[0].start
        if not any(s == first for s, *_ in bounds):
            bounds = sorted(bounds + [(first, first, "", "stop")])
    stacks = _stacks(bounds, text)
    for e, end, heads, _ in stacks:
        if heads[0][1] != "stop":
            _comma_party_names(cx, text, e, end)
    spans = cx.person_spans()
    starts = [a for a, _ in spans]
    under_present = False  # below a heading "Närvarande" that its sub-headings divide ("Närvarande: … Ledamöter: …")
    for e, end, heads, hs in stacks:
        if heads[0][1] == "stop":
            under_present = False
            continue
        if REFERS_RE.search(text, e, min(end, e + 60)):
            continue
        said_present = bool(PRESENT_HEAD_RE.match(text, hs, e) or LIST_OF_PRESENT_RE.search(text, max(0, hs - 24), hs))
        under_present = under_present or said_present
        marks = bool(PRESENCE_COLUMN_RE.search(text, max(0, hs - 160), e))
        counted = COUNTED_RE.match(text, e, end)
        rows_end = None
        if marks and counted and heads[-1][0] in MEMBER:
            # the headings before a counted one belong to other columns; its rows end at the n-th presence mark,
            # the rows after it lost their heading
            heads, e = heads[-1:], counted.end()
            rows = ROW_MARK_RE.finditer(text, e, end)
            for _ in range(int(counted["n"])):
                rows_end = next(rows, None)
                if rows_end is None:
                    break
            rows_end = rows_end.end() if rows_end else None
        members = {r for r, st in heads if r and r not in OTHERS and st != "absent"}
        if len(members) > 1 and not members <= DECIDING:
            cx.warn(f"närvarolistans kolumner ({', '.join(sorted(members))}) har flutit ihop i texten: vilka som "
                    f"var beslutande och vilka ersättare går inte att skilja, de listade anges som närvarande",
                    e, end)
        # only the names inside this section (a name-dense page has thousands of both)
        for a, b in spans[bisect.bisect_left(starts, e):bisect.bisect_left(starts, end)]:
            pm = PARTY_NEAR_RE.match(text, b, min(end, b + 8))
            if pm and pm["bare"] and pm["bare"].upper() not in lexicon.parties():
                pm = None
            if pm is None:
                # "Maj-Britt Lindström, Piteå, (s Christian Lindgren": the party after the member's municipality
                pm = PARTY_AFTER_PLACE_RE.match(text, b, min(end, b + 40))
                if pm and pm["p"].upper() not in lexicon.parties():
                    pm = None
            if SERVED_FOR_RE.search(text, max(0, a - 12), a) and not re.search(r"undantag[ \t]+för[ \t]+$", text[max(0, a - 16):a]):
                # the member a substitute served for was not there; the party written after the name is theirs
                party = pm and (pm["p"] or pm["bare"])
                if party:
                    person(cx, a, b, "run-on-attendance", party)
                continue
            has_party = bool(pm)
            got = _role_in(heads, has_party) if rows_end is None or a < rows_end else ("", "")
            if got is None:
                continue
            role, status = got
            # "Dan Blomgren, S": a party code after a comma is the name's party where it is one
            party = pm and (pm["p"] or pm["bare"])
            # among the members, an unknown code in brackets is a local party's ("Marianne Utterdahl (SIV)")
            pk = person(cx, a, b, "run-on-attendance", party, local_party=role in MEMBER)
            mark = PRESENCE_MARK_RE.match(text, b, min(end, b + 12)) if marks else None
            if status != "absent" and (ABSENT_AFTER_RE.match(text, b, min(end, b + 40)) or
                                       mark and mark["mark"] in "-–" or EXCEPT_RE.search(text, max(e, a - 160), a)):
                status = "absent"
                role = ""
            if status == "absent":
                cx.claim("ABSENT_FROM", pk, cx.meeting_key, a, b, "run-on-attendance", 0.8, role=role or None)
                continue
            sub = SUBSTITUTE_RE.match(text, b, min(end, b + 40))
            if sub and sub["not"]:
                role = "ersättare"  # "Göte W Swén, M, ej tjg ers": a substitute present who did not serve
            cx.claim("ATTENDED", pk, cx.meeting_key, a, b, "run-on-attendance", 0.8, role=role or "närvarande")
            if (under_present or mark and mark["mark"] not in "-–") and role and role not in ("närvarande", "övrig deltagare"):
                # "Närvarande Ledamöter …", "Närvarande ersättare …", "Närvarande … Tjänstemän Anna-Lena Cederström
                # regiondirektör": listed as present, and in that role
                cx.claim("ATTENDED", pk, cx.meeting_key, a, b, "run-on-attendance", 0.8, role="närvarande")
            if role == "tjänstgörande ersättare":  # a serving substitute is among those who decide
                cx.claim("ATTENDED", pk, cx.meeting_key, a, b, "run-on-attendance", 0.8, role="beslutande")
            if sub and not sub["not"] and role != "tjänstgörande ersättare":
                cx.claim("ATTENDED", pk, cx.meeting_key, a, sub.end(), "run-on-attendance", 0.8,
                         role="tjänstgörande ersättare")
                if role == "närvarande":  # "Andreas Gudinge (S), tjg ersättare" among merged columns: decides too
                    cx.claim("ATTENDED", pk, cx.meeting_key, a, sub.end(), "run-on-attendance", 0.8, role="beslutande")
            if not has_party and role not in MEMBER and role != "tjänsteperson":
                # "Övriga deltagare: Staffan Isling, regiondirektör": present, and there as an official
                te = _official_after(text, b, end)
                bm = TITLE_BEFORE_RE.search(text, max(e, a - 40), a) if te is None else None
                if bm and re.search(r"[a-zåäöé],[ \t]*$", text[max(0, bm.start() - 4):bm.start()]):
                    bm = None  # "Kjell-Åke Halldén, Sekreterare Erica Mattsson": the title of the entry before
                if te is not None or (bm and _official_before(bm["title"])):
                    cx.claim("ATTENDED", pk, cx.meeting_key, bm.start() if bm else a, te or b, "run-on-attendance",
                             0.8, role="tjänsteperson")
            if not has_party and SECRETARY_AFTER_RE.match(text, b, min(end, b + 40)):
                # "Jessica Bräck, sekreterare", "Göran Wiebe kanslidirektör, sekreterare": the meeting's secretary
                sm = SECRETARY_AFTER_RE.match(text, b, min(end, b + 40))
                cx.claim("ATTENDED", pk, cx.meeting_key, a, sm.end(), "run-on-attendance", 0.8, role="sekreterare")
            pres = PRESIDIUM_BEFORE_RE.search(text, max(e, a - 30), a) if has_party and role in ("", "närvarande") \
                and under_present else None
            if pres:
                # "Närvarande Ordförande - (S) 1:e vice ordförande Per-Ola Mattsson (S)": the presidium decides
                cx.claim("ATTENDED", pk, cx.meeting_key, pres.start(), b, "run-on-attendance", 0.8, role="beslutande")
            cm = CHAIRED_AFTER_RE.match(text, b, min(end, b + 80))
            if cm and role in MEMBER:
                cx.claim("ATTENDED", pk, cx.meeting_key, a, cm.end(), "run-on-attendance", 0.8, role="ordförande")
            rm = ROLE_AFTER_RE.match(text, b, min(end, b + 40))
            if rm and role == "närvarande" and "ordf" in rm["role"].lower():
                # the columns of members and substitutes ran together: a member of the presidium still decides
                cx.claim("ATTENDED", pk, cx.meeting_key, a, rm.end(), "run-on-attendance", 0.8, role="beslutande")
            # a vice ordförande is a member of the presidium, not a role at this meeting
            if rm and "vice" not in rm["role"].lower() and not sub:
                said = re.sub(r"\s+", " ", rm["role"].lower().replace(": e", ":e").replace(":e", ":e "))
                said = re.sub(r"\s+", " ", said).strip()
                meeting_role = lexicon.title_forms().get(said.rstrip("."), said)
                if "ersättare" in meeting_role:
                    meeting_role = "tjänstgörande ersättare"
                cx.claim("ATTENDED", pk, cx.meeting_key, a, rm.end(), "run-on-attendance", 0.8, role=meeting_role)
