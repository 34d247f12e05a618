"""Mentions in running text: persons ('Elin Ring informerar'), their titles, bodies, municipalities, 'regionen'
and 'landstinget' as the county's region, and abbreviations used without a definition."""
from __future__ import annotations

import re

from graph.model import Hints
from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import body, hold, municipality, organ_of, person, region
from ingest.extract.names import plausible_name
from ingest.extract.patterns import LOW, NAME, NAME_RE, PARTY, QUOTED_NAME_RE, UP
from ingest.extract.references import body_at
from ingest.extract.vocabulary import NOT_ABBR, PERSON_VERBS, PRESENT_VERBS
from ingest.nlp import organ_kind


NAME_PARTY_RE = re.compile(rf"(?P<name>{NAME})[ \t]*{PARTY}")

REGION_ORGAN_RE = re.compile(r"[ \t]+(?P<organ>(?:[a-zåäö]+-,?[ \t]+)*(?:(?:och|eller)[ \t]+)?[a-zåäö]*"
                             r"(?:nämnd|styrelse|utskott|beredning|fullmäktige)(?:en|et|s)?)\b")

CANDIDATE_ABBR_RE = re.compile(r"(?<![\w-])(?=\w*[A-ZÅÄÖ]\w*[A-ZÅÄÖ])[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,9}(?![\w-])")


def region_anaphora(cx: DocContext) -> None:
    """'landstinget', 'regionen': the region of the document's county (where the municipalities it names
    lie), said with confidence 0.7."""
    county = _county(cx)
    if not county:  # the one region the document names outright, if it names exactly one
        named = {sp.text.lower() for sp in cx.spans["REGION"]}
        codes = {r.county_code for r in lexicon.regions()
                 if {r.name.lower(), *(a.lower() for a in r.aliases)} & named}
        county = codes.pop() if len(codes) == 1 else None
    if not county:
        return
    region = next((r for r in lexicon.regions() if r.county_code == county), None)
    if not region:
        return
    # "Regionens hus", "Landstingets kansli­hus": a building is a place, not the organisation
    for m in re.finditer(r"\b(?:[Ll]andstinget|[Rr]egionen|[Rr]egionens|[Ll]andstingets|dåvarande landstinget)\b"
                         r"(?![ \t]+hus\b)", cx.seg.masked):
        if cx.inside_person(m.start()):
            continue
        rk = body(cx, region.name, m.start(), m.end(), "region-anaphora", conf=0.7)
        # "regionens hälso- och sjukvårdsnämnd": the region's own organ, part of it
        om = REGION_ORGAN_RE.match(cx.seg.masked, m.end())
        if om and m.group().lower().endswith("s"):
            organ_of(cx, rk, om["organ"], m.start(), om.end(), "region-anaphora", 0.7)


def _county(cx: DocContext) -> str | None:
    codes = [m.props["code"] for m in cx.mentions_of("Municipality")]
    if cx.home_muni:
        codes = [cx.by_key[cx.home_muni].props["code"]] * 3 + codes
    counties = [c[:2] for c in codes]
    if not counties:
        return None
    top = max(set(counties), key=counties.count)
    return top if counties.count(top) / len(counties) >= 0.6 else None


def candidate_abbreviations(cx: DocContext) -> None:
    """Abbreviations this document uses without defining ('Skrivelse från SocSam'): kept as candidates that
    resolution joins to a body another document defines, and drops otherwise. 'X består av …' and
    'X:s presidium' name a body outright."""
    # an upper-case word of seven letters or more is a word in capitals ("PROTOKOLL"), not an abbreviation
    found = [m for m in CANDIDATE_ABBR_RE.finditer(cx.seg.masked)
             if m.group().upper() not in lexicon.parties() and m.group() not in NOT_ABBR
             and not (m.group().isupper() and len(m.group()) >= 7)
             and not cx.inside_person(m.start())]
    for m in found:
        after = cx.seg.masked[m.end(): m.end() + 20]
        am = re.match(r"(?::s\s+(presidium|styrelse|arbetsutskott|beredning|kansli|ordförande|sammanträde)\b|"
                      r"\s+består av)", after)
        if not am:
            continue
        k = cx.abbr.get(m.group()) or body(cx, m.group(), m.start(), m.end(), "abbreviation-use",
                                           short=m.group(), conf=0.8)
        if am.group(1) in ("presidium", "styrelse", "arbetsutskott", "beredning", "kansli"):
            # "SocSam:s presidium": the owner's organ, part of it
            organ_of(cx, k, am.group(1), m.start(), m.end() + am.end(), "abbreviation-use", 0.8)
    known_words = {w for a in cx.abbr for w in a.split()}
    for m in found:
        abbr = m.group()
        if abbr in cx.abbr or abbr in known_words:
            continue
        key = f"body:?{abbr}"
        cx.mention(key, "Body", {"name": abbr, "short": abbr}, m.start(), m.end(), "abbreviation-use", 0.7,
                   Hints(candidate=True))


def persons_in_prose(cx: DocContext) -> None:
    """Names in prose: 'Name (P)', 'title Name', 'Name informerar', and names already known in this
    document (from lists) wherever they recur. A name is never guessed from a single capital word."""
    text = cx.seg.masked
    known = {m.props["name"] for m in cx.mentions_of("Person")}
    for m in NAME_PARTY_RE.finditer(text):
        if plausible_name(m["name"]) and not cx.inside_person(m.start("name")):
            person(cx, m.start("name"), m.end("name"), "name-party", m["party"])
    for sp in cx.spans["TITLE"]:
        nm = re.match(rf"[ \t]+(?P<name>{NAME})", text[sp.end_char: sp.end_char + 60])
        if nm and plausible_name(nm["name"]) and sp.text[:1].islower() or \
                (nm and sp.text[:1].isupper() and plausible_name(nm["name"]) and nm["name"] in known):
            s = sp.end_char + nm.start("name")
            if not cx.inside_person(s):
                person(cx, s, s + len(nm["name"]), "title-name")
    # "Moa Lindunger, projektledare från PwC, tar vid"; "Robert Brandt, Östersunds kommun, redogör"
    muni_starts = {sp.start_char for sp in cx.spans["MUNI"] + cx.spans["REGION"]}
    for m in re.finditer(rf"(?P<name>{NAME}),[ \t]+(?P<app>[^,.\n]{{2,60}}),", text):
        app = m["app"].strip()
        first = app.split()[0].lower()
        is_title = lexicon.is_title_word(first)
        is_place = (m.start("app") + len(m["app"]) - len(m["app"].lstrip())) in muni_starts
        if (is_title or is_place) and plausible_name(m["name"]) and not cx.inside_person(m.start()):
            pk = person(cx, m.start("name"), m.end("name"), "name-apposition", conf=0.9)
            if is_title:
                _title_in_prose(cx, pk, app, m.start("app") + len(m["app"]) - len(m["app"].lstrip()),
                                m.start(), m.end() - 1, "name-apposition")
    # "börjar Malin Elmerstig som övergripande strateg"; "Rosi Hoffer (ordf. i …)"
    for m in re.finditer(rf"(?P<name>{NAME})(?:[ \t]+som[ \t]+(?:\w+[ \t]+)?(?P<t1>\w+)|[ \t]*\((?P<t2>[a-zåäö.]+))",
                         text):
        t = (m["t1"] or m["t2"] or "").lower()
        if (t in lexicon.title_forms() or t.rstrip(".") in lexicon.title_forms() or
                t.endswith(lexicon.title_suffixes())) and plausible_name(m["name"]) \
                and not cx.inside_person(m.start()):
            pk = person(cx, m.start("name"), m.end("name"), "name-title", conf=0.9)
            if m["t2"]:  # "Rosi Hoffer (ordf. i barn- och utbildningsnämnden i Östersund och BUZ)"
                close = text.find(")", m.start("t2"), m.start("t2") + 120)
                phrase = text[m.start("t2"):close if close > 0 else m.end()]
                _title_in_prose(cx, pk, phrase, m.start("t2"), m.start(), m.start("t2") + len(phrase),
                                "name-title")
            if m["t1"]:  # "börjar Malin Elmerstig som övergripande strateg inom förbundet"
                ts = text.rfind("som", m.start(), m.start("t1")) + 3
                phrase = text[ts:min(len(text), m.end() + 80)]
                _title_in_prose(cx, pk, phrase.strip(), ts + len(phrase) - len(phrase.lstrip()), m.start(),
                                m.end(), "name-title")
    verbs = "|".join(PERSON_VERBS)
    for m in re.finditer(rf"(?P<names>{NAME}(?:[ \t]+och[ \t]+{NAME})?)(?:,[^,.\n]{{2,60}},)?[ \t]+"
                         rf"(?:tar vid och )?(?P<verb>{verbs})\b(?P<obj>[ \t]+punkten|[ \t]+ärendet)?", text):
        for nm in NAME_RE.finditer(m["names"]):
            s = m.start("names") + nm.start()
            if plausible_name(nm.group()) and not cx.inside_person(s):
                person(cx, s, s + len(nm.group()), "name-verb", conf=0.9)
            # "Maria Höög och Helena Ivansson föredrar punkten": presenters of the item they stand in
            if m["verb"] in PRESENT_VERBS and plausible_name(nm.group()):
                it = next((i for i in cx.seg.items if i.start <= m.start() < i.end), None)
                if it:
                    pk = "person:" + re.sub(r"\s+", " ", nm.group()).strip()
                    if pk in cx.by_key:
                        cx.claim("PRESENTED", pk, f"item:{it.label}", m.start(), m.end(), "name-verb", 0.9)
    known = {m.props["name"] for m in cx.mentions_of("Person")}
    for s, e in _known_names(text, known):
        if not cx.inside_person(s):
            person(cx, s, e, "known-name")
    # "M. Östlund": an initial and a surname; kept as written and joined to the full name in resolution
    for m in re.finditer(rf"\b(?P<name>[{UP}]\.[ \t]?[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)\b", text):
        if not cx.inside_person(m.start()):
            person(cx, m.start(), m.end(), "initial-name", conf=0.8)


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _known_names(text: str, known: set[str]) -> list[tuple[int, int]]:
    """The spans of the known names written as whole words, longest first where several begin at one place, left
    to right without overlap: what a scan with the alternation of the names, longest first, between (?<![\\w-]) and
    (?![\\w-]), finds, without compiling a new pattern for every document."""
    if "" in known:  # an empty name matches between words: the pattern itself
        alt = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
        return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text)]
    best: dict[int, int] = {}
    for n in known:
        i = text.find(n)
        while i >= 0:
            e = i + len(n)
            if not (i > 0 and _WORD_OR_HYPHEN.match(text, i - 1) or _WORD_OR_HYPHEN.match(text, e)):
                best[i] = max(best.get(i, e), e)
            i = text.find(n, i + 1)
    out, p = [], 0
    for i in sorted(best):
        if i >= p:
            out.append((i, best[i]))
            p = best[i]
    return out


def _title_in_prose(cx: DocContext, pk: str, phrase: str, at: int, a: int, b: int, rule: str) -> None:
    """The title at the start of phrase ('övergripande strateg inom förbundet', 'projektledare från PwC'),
    held in the body or municipality named after it, if one is."""
    tm = re.match(r"(?P<title>[a-zåäöé-]+\.?(?:[ \t]+[a-zåäöé-]+\.?)?)", phrase)
    if not tm:
        return
    words = tm["title"].split()
    forms = lexicon.title_forms()
    # the title is the words up to the one that ends like a title ('övergripande strateg', 'ordf.')
    cut = next((i for i, w in enumerate(words) if lexicon.is_title_word(w) or w.rstrip(".") in forms), None)
    if cut is None:
        return
    title = " ".join(words[:cut + 1])
    title = forms.get(title) or forms.get(title.rstrip(".")) or title.rstrip(".")
    rest_at = at + len(" ".join(words[:cut + 1]))
    pm = re.match(r"[ \t]+(?:från|på|vid|i|inom|för)[ \t]+", cx.text[rest_at:rest_at + 12])
    target = None
    if pm:
        pos = rest_at + pm.end()
        hit = body_at(cx, pos, cx.seg.masked[pos:pos + 80])
        target = hit[0] if hit else None
        if target is None:
            sp = next((sp for sp in cx.spans["MUNI"] if sp.start_char == pos), None)
            target = municipality(cx, sp.start_char, sp.end_char, rule) if sp else None
    hold(cx, pk, title, target, a, max(b, rest_at), rule, 0.8)


def bodies_in_prose(cx: DocContext) -> None:
    rows = [(sec.start, sec.end) for sec in cx.seg.sections]
    # a bare organ word inside a longer body name already read ("socialnämndens arbetsutskott") is that body
    for sp in cx.spans["BODY"]:
        if sp.text.lower() in lexicon.stop_phrases() or cx.inside_person(sp.start_char) or \
                any(a <= sp.start_char < b for a, b in rows):
            continue
        if cx.containing_body(sp):
            continue
        name = sp.text
        after = cx.text[sp.end_char: sp.end_char + 2]
        if after.startswith("/") and len(after) == 2 and after[1].isupper():  # "Kommunförbundet J/H"
            continue
        body(cx, name, sp.start_char, sp.end_char, "body-name", conf=0.9)
    for sp in cx.spans["REGION"]:
        region(cx, sp.start_char, sp.end_char, "region-name")
    # a quoted name that begins or ends with an organ word: 'dåvarande ”Rådet för regional utveckling”'
    for m in QUOTED_NAME_RE.finditer(cx.seg.masked):
        words = m["name"].split()
        if organ_kind(words[0]) or organ_kind(words[-1]):
            body(cx, m["name"], m.start("name"), m.end("name"), "quoted-body-name", conf=0.9)


def municipalities_in_prose(cx: DocContext) -> None:
    for sp in cx.spans["MUNI"]:
        if cx.inside_person(sp.start_char):
            continue
        municipality(cx, sp.start_char, sp.end_char, "municipality-name")
