"""The organisation a document's body belongs to: the letterhead ('SÖDERHAMNS KOMMUN … Arbetsmarknads- och
socialnämnden', 'Hem > Ljungby kommun > Kommunstyrelsen'), the home municipality of a generic organ, a genitive in
the body's name ('Östhammars socialnämnd'); 'styrelsen för Kommunförbundet Norrbotten'; organs named by their
owner's genitive ('Region Västerbottens kansli'); 'Au § 12' (PREPARES_FOR); 'landstinget (nuvarande Region Örebro
län)' (SUCCEEDED); and, through `members`, the member organisations and, through `structure.reported`, the groups
that report to or prepare for the body."""
from __future__ import annotations

import re

from ingest import lexicon
from ingest.extract.context import DocContext, SpanLike
from ingest.extract.entities import body, organ_of, region, set_kind
from ingest.extract.names import body_kind, resolve_municipality
from ingest.extract.patterns import ORGAN_FOR_RE, UP
from ingest.scan import ORGANISATION_GUARDS, Guarded
from ingest.extract.references import bodies_in
from ingest.extract.members import (ORGANISATION_KINDS, caps, content_start, joint_name_members, kommun_body,
                                    member_list, member_rows, municipality_column, representatives)
from ingest.extract.structure import reported
from ingest.extract.vocabulary import CALENDAR_WORDS, NATIONAL_ORGANISATIONS, NOT_NAME
from ingest.nlp import organ_kind

# organs that belong to an organisation (a nämnd to its municipality, an utskott to its förbund); an
# organisation itself (förbund, region, kommun) or a unit (kansli, förvaltning) is not given a letterhead owner
# (only an organisation's statutory organs: a råd, beredning or group under a region's letterhead is often a joint
# body of the region and the municipalities)
ORGAN_KINDS = ("nämnd", "styrelse", "utskott", "fullmäktige", "presidium")
# "landstinget (nuvarande Region Örebro län)", "Regionförbundet (numera Region Sörmland)"
SUCCESSOR_RE = re.compile(r"\([ \t]*(?:nuvarande|numera|nu|idag|i dag)[ \t\n]+")
OLD_NAME_RE = re.compile(r"(?P<old>[\wåäöÅÄÖ-]+)[ \t\n]*$")


def letterhead(cx: DocContext) -> tuple[str, int, int] | None:
    """The organisation named in the document's head: a municipality ('SÖDERHAMNS KOMMUN', 'Stockholms stad'),
    a region or landsting, or a förbund, in the first lines of the text or as an upper-case letterhead on its
    first pages; a breadcrumb 'Hem > Ljungby kommun > Kommunstyrelsen' names it before the body."""
    text = cx.seg.masked
    c0 = content_start(cx)
    head_end = min(len(text), c0 + 400)
    far = min(len(text), c0 + 3000)
    own = cx.by_key[cx.body_key].props.get("name", "") if cx.body_key in cx.by_key else ""
    crumb = re.search(r"(?m)^[^\n>]{0,40}>[ \t]*(?:Hem[ \t]*>[ \t]*)?(?P<org>[^>\n]{3,60}?)[ \t]*>[ \t]*"
                      r"(?P<organ>[^>\n]{3,80}?)[ \t]*(?:>|$)", text[:3000])
    cands: list[tuple[int, int, str]] = []

    def heads_page(sp: SpanLike) -> bool:
        """'2 Kungsörs kommun Socialnämnden SAMMANTRÄDESPROTOKOLL': a page's head, the organisation right
        before the body's own name."""
        after = re.match(r"[ \t]*(?:kommun|stad)?[ \t]*(?P<n>[^\n]{0,80})", text[sp.end_char:sp.end_char + 100])
        return bool(own) and after is not None and after["n"].lower().startswith(own.lower()) and \
            not re.match(r"[\w-]", after["n"][len(own):len(own) + 1])

    def in_head(sp: SpanLike) -> bool:
        return sp.start_char < far and (sp.start_char < head_end or caps(sp.text) or heads_page(sp))
    for sp in cx.spans["MUNI"]:
        if in_head(sp) and \
                re.search(r"(?i)\b(?:kommun|stad)\b", text[sp.start_char:sp.end_char + 5]):
            cands.append((sp.start_char, sp.end_char, "MUNI"))
    for sp in cx.spans["REGION"]:
        if in_head(sp):
            cands.append((sp.start_char, sp.end_char, "REGION"))
    for sp in cx.spans["BODY"]:
        if in_head(sp) and body_kind(sp.text) in ORGANISATION_KINDS and not own.lower().startswith(sp.text.lower()):
            cands.append((sp.start_char, sp.end_char, "BODY"))
    # "RIKSDAGEN" above "SOCIALUTSKOTTET": a national organisation in capitals on a line of its own, or in
    # capitals or on a line of its own in the first lines; before the first item, where a remiss names it
    first_item = min([it.start for it in cx.seg.items] + [far])
    for m in NATIONAL_RE.finditer(text, c0, max(c0, first_item)):
        line = re.fullmatch(r"[ \t]*", text[text.rfind("\n", 0, m.start()) + 1:m.start()]) and \
            re.match(r"[ \t]*(?:\n|$)", text[m.end():m.end() + 20])
        if (caps(m.group()) and line) or ((caps(m.group()) or line) and m.start() < head_end):
            cands.append((m.start(), m.end(), "NATIONAL"))
    if crumb:
        a, b = crumb.start("org"), crumb.end("org")
        cands = [c for c in cands if a <= c[0] < b] + [(a, b, "CRUMB")]
    for a, b, lab in sorted(cands):
        if cx.inside_person(a):
            continue
        k = _organisation(cx, a, b, lab)
        if k and k != cx.body_key:
            # "Malmö stad": the quote is the organisation's whole name
            stad = re.match(r"[ \t]*stad\b", cx.text[b:b + 8]) if lab in ("MUNI", "CRUMB") else None
            return k, a, b + (stad.end() if stad else 0)
    return None


NATIONAL_RE = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"[ \t\n]+")
                                                         for n in NATIONAL_ORGANISATIONS) + r")(?![\w-])")


def _organisation(cx: DocContext, a: int, b: int, lab: str) -> str | None:
    raw = cx.text[a:b]
    if lab == "NATIONAL":
        name = next(n for n in NATIONAL_ORGANISATIONS if n.lower() == re.sub(r"\s+", " ", raw).lower())
        return set_kind(cx, body(cx, name, a, b, "letterhead", conf=0.9), "organisation")
    stad = re.match(r"[ \t]*stad\b", cx.text[b:b + 8])
    if lab in ("MUNI", "CRUMB"):
        written = raw + stad.group() if stad else raw
        m = resolve_municipality(re.sub(r"(?i)\s+stad$", " kommun", written.strip()))
        if m is None and re.search(r"(?i)\s+stad$", written.strip()):
            m = resolve_municipality(re.sub(r"(?i)s?\s+stad$", "", written.strip()))
        if m is not None:
            mk = cx.mention(f"muni:{m.code}", "Municipality", {"name": m.name, "code": m.code,
                                                               "county": m.county}, a, b, "letterhead")
            return kommun_body(cx, mk, a, a + len(written), "letterhead", written)
        if lab == "MUNI":
            return None
    if lab in ("REGION", "CRUMB"):
        k = region(cx, a, b, "letterhead")
        if k or lab == "REGION":
            return k
    name = raw.strip()
    if caps(name):
        name = name.title()
    if lab == "CRUMB" and not body_kind(name):
        return None
    return body(cx, name, a, b, "letterhead", conf=0.9)


def _home_organisation(cx: DocContext) -> tuple[str, int, int] | None:
    """The municipality a generic organ of the document belongs to ('Socialnämnden' of the municipality its head
    or its author's e-mail names), as an organisation: where it was read."""
    own = cx.body_key
    muni = next((c.dst for c in cx.claims_of("BELONGS_TO") if c.src == own), None)
    if not muni or muni != cx.home_muni:
        return None
    named = _named_municipality(cx, cx.by_key[muni].props.get("code"))
    if named is None:  # known from an e-mail domain only: no text says whose the organ is
        return None
    a, b = named
    own_region = next((r for r in lexicon.regions() if r.name == f"Region {cx.by_key[muni].props['name']}"), None)
    if own_region:  # Gotland: the municipality is a region
        return body(cx, own_region.name, a, b, "home-municipality"), a, b
    return kommun_body(cx, muni, a, b, "home-municipality",
                       cx.text[a:b] if re.search(r"(?i)\bkommun\b", cx.text[a:b]) else None), a, b


# "Malmö stad", "KALMAR KOMMUN": the word after a municipality's name that makes it the organisation
MUNI_WORD_AFTER_RE = re.compile(r"[ \t]+(?i:kommun|stad)(?![\w-])")


def _named_municipality(cx: DocContext, code: str | None) -> tuple[int, int] | None:
    """Where the text names the municipality as an organisation ('Söderhamns kommun', 'Malmö stad'; else its name
    alone), first in the text: the letterhead that says whose a document's organ is."""
    best = None
    for sp in cx.spans["MUNI"]:
        mu = resolve_municipality(sp.text)
        if not mu or mu.code != code:
            continue
        after = MUNI_WORD_AFTER_RE.match(cx.text, sp.end_char)
        a, b = sp.start_char, after.end() if after else sp.end_char
        rank = (not re.search(r"(?i)\b(?:kommun|stad)\b", cx.text[a:b]), a)
        if best is None or rank < best[0]:
            best = (rank, a, b)
    return best[1:] if best else None


def _named_owner(cx: DocContext) -> tuple[str, int, int] | None:
    """'Östhammars socialnämnd', 'Region Gotlands hälso- och sjukvårdsnämnd': the municipality or region whose
    genitive begins the body's name."""
    m = cx.by_key[cx.body_key]
    words = m.props.get("name", "").split()
    if len(words) < 2 or not organ_kind(words[-1]):
        return None
    ev = m.evidence
    # "Regionförbundets Primärkommunala nämnd": an organisation's genitive
    om = OWNED_RE.fullmatch(m.props.get("name", ""))
    if om and (organ_kind(om["owner"]) or om["owner"].split()[0] == "Region") and not lexicon.bare_municipality_names(
    ).get(om["owner"].split()[0]):
        owner = region(cx, ev.start, ev.start + len(om["owner"]), "owner-in-name") \
            if om["owner"].startswith("Region ") else None
        owner = owner or body(cx, om["owner"], ev.start, ev.start + len(om["owner"]), "owner-in-name", conf=0.8)
        if owner != cx.body_key:
            return owner, ev.start, ev.end
    mu = lexicon.bare_municipality_names().get(words[0])
    if mu and words[0].endswith("s") and words[0] != mu.name:
        mk = cx.mention(f"muni:{mu.code}", "Municipality", {"name": mu.name, "code": mu.code, "county": mu.county},
                        ev.start, ev.end, "owner-in-name")
        return kommun_body(cx, mk, ev.start, ev.end, "owner-in-name"), ev.start, ev.end
    return None


def _owned(cx: DocContext, k: str) -> bool:
    return any(c.src == k for c in cx.claims_of("PART_OF"))


def _owned_by_organ_only(cx: DocContext, k: str) -> bool:
    """k is PART_OF organs (a styrelse, a nämnd) and of no organisation."""
    return all(cx.by_key[c.dst].props.get("kind") in ORGAN_KINDS for c in cx.claims_of("PART_OF") if c.src == k)


def organisation(cx: DocContext) -> None:
    """The meeting's body PART_OF the letterhead's organisation; 'styrelsen för X' PART_OF X; member
    organisations MEMBER_OF the organisation; successors."""
    top = cx.body_key
    lh = None
    if cx.body_key in cx.by_key:
        kind = cx.by_key[cx.body_key].props.get("kind")
        lh = letterhead(cx) if kind in ORGAN_KINDS else None
        org = lh or _home_organisation(cx) or _named_owner(cx) \
            if kind in ORGAN_KINDS and not _owned(cx, cx.body_key) else None
        # "RONNEBY KOMMUN … Kommunstyrelsens arbetsutskott": an organ of an organ belongs to the letterhead's
        # organisation too, where the letterhead comes before the organ's name
        if kind in ORGAN_KINDS and _owned(cx, cx.body_key) and _owned_by_organ_only(cx, cx.body_key):
            org = lh if lh and lh[1] < cx.by_key[cx.body_key].evidence.start else None
        if org and \
                not any(c.src == org[0] and c.dst == cx.body_key for c in cx.claims_of("PART_OF")):
            cx.claim("PART_OF", cx.body_key, org[0], org[1], org[2], "letterhead", 0.8)
        # members of a joint body's organisation: 'Regionrådet' of Umeåregionen, whose members are the
        # municipalities
        owners = [c.dst for c in cx.claims_of("PART_OF") if c.src == cx.body_key]
        if owners and cx.by_key[owners[0]].props.get("kind") not in ("kommun",) and \
                cx.by_key[owners[0]].props.get("kind") in ORGANISATION_KINDS:
            top = owners[0]
    _letterhead_unit(cx, lh)
    _organ_for(cx)
    if top:
        member_list(cx, top)
        member_rows(cx, top)
        municipality_column(cx, top)
    _successors(cx)
    joint_name_members(cx)
    representatives(cx)
    _owned_organs(cx)
    _au_numbers(cx)
    _decision_route(cx)
    reported(cx)


# "Malmö stad 1 (5) Stadskontoret", "Kalmar kommun\nSocialförvaltningen": the office that writes under the
# organisation's letterhead
UNIT_HEAD_RE = re.compile(r"[ \t]*(?:kommun|stad)?[ \t]*(?:\d+[ \t]*(?:\(\d+\)|/[ \t]*\d+)?)?[ \t]*\n?[ \t]*"
                          r"(?P<u>[A-ZÅÄÖ][a-zåäö-]*(?:kontoret|förvaltningen|kansliet))(?![\w-])")


def _letterhead_unit(cx: DocContext, lh: tuple[str, int, int] | None) -> None:
    """The unit named right after the letterhead's organisation at the document's start PART_OF it."""
    if not lh or lh[1] > content_start(cx) + 200:
        return
    m = UNIT_HEAD_RE.match(cx.seg.masked, lh[2])
    if m:
        u = set_kind(cx, body(cx, m["u"], m.start("u"), m.end("u"), "letterhead-unit", conf=0.8), "förvaltning")
        if u != lh[0]:
            cx.claim("PART_OF", u, lh[0], lh[1], m.end("u"), "letterhead-unit", 0.8)


def _organ_for(cx: DocContext) -> None:
    """'styrelsen för Kommunförbundet Norrbotten', 'arbetsutskottet för Region X': the organ PART_OF the
    organisation named after 'för'."""
    text = cx.seg.masked
    for m in _ORGAN_FOR.finditer(text):
        hit = [b for b in bodies_in(cx, m.end(), m.end() + 80) if b[1] == m.end()]
        if not hit:
            continue
        ok, _, end = hit[0]
        if cx.by_key[ok].props.get("kind") not in ORGANISATION_KINDS:
            continue
        own = cx.by_key[cx.body_key].props.get("name", "") if cx.body_key in cx.by_key else ""
        if own.lower() == m["organ"].lower():  # "Förbundsstyrelsen" of the head is the one 'för' names
            if not any(c.src == cx.body_key and c.dst == ok for c in cx.claims_of("PART_OF")):
                cx.claim("PART_OF", cx.body_key, ok, m.start(), end, "organ-for", 0.9)
            continue
        written = f"{m['organ']} för {cx.text[hit[0][1]:end]}"
        organ_of(cx, ok, m["organ"], m.start(), end, "organ-for", 0.9, name=written)


def organisation_word(w: str) -> bool:
    """'Landstinget', 'Institutet', 'Länsstyrelse': a word whose head, less its definite ending, is an
    organisation's (ingest/rules/organisation_heads.txt); only the ending comes off ('Kanslitet' is none)."""
    return re.sub(r"(?:et|en)$", "", w.lower()).endswith(lexicon.organisation_heads())


def _successors(cx: DocContext) -> None:
    """'landstinget (nuvarande Region Örebro län)': the body named in the parentheses succeeded the one
    before them."""
    text = cx.seg.masked
    if "(" not in text:
        return
    for pm in SUCCESSOR_RE.finditer(text):
        new = [b for b in bodies_in(cx, pm.end(), pm.end() + 60) if b[1] == pm.end()]
        m = OLD_NAME_RE.search(text, max(0, pm.start() - 60), pm.start())
        if not new or not m:
            continue
        old = [b for b in bodies_in(cx, max(0, m.start() - 60), m.end("old")) if b[2] == m.end("old")]
        if old:
            ok = old[0][0]
        else:
            w = m["old"]
            if not (organ_kind(w) or organisation_word(w)):
                continue
            ok = set_kind(cx, body(cx, w, m.start("old"), m.end("old"), "successor", conf=0.8), "organisation")
        if ok != new[0][0]:
            cx.claim("SUCCEEDED", new[0][0], ok, m.start("old"), new[0][2], "successor", 0.8)


# "Region Västerbottens kansli", "Blekinge Turisms styrelse", "Regionförbundets kansli": an organ named by its
# owner's genitive
OWNED_RE = re.compile(rf"(?<![\w-])(?P<owner>[{UP}][\w-]+(?:[ \t]+[{UP}][\w-]+){{0,3}})(?::s|s)[ \t]+"
                      r"(?P<organ>kansli|kansliet|styrelse|presidium|presidiet|arbetsutskott|ledningsgrupp|"
                      r"förbundsstyrelse|beredningar|[\wåäöÅÄÖ]+a[ \t]+(?:nämnder|nämnden|nämnd|utskottet|utskott|"
                      r"beredningar|beredningen|beredning)|"
                      # "Region Värmlands regionstyrelse", "… hälso- och sjukvårdsnämnd": a region's own organ
                      r"(?P<compound>(?:[a-zåäö]+-[ \t]+och[ \t]+)?[a-zåäö]+(?:styrelse|nämnd|fullmäktige)))\b")
# "Region Värmlands regionstyrelse och hälso- och sjukvårdsnämnd": a second organ of the same owner
AND_ORGAN_RE = re.compile(r"[ \t]+och[ \t]+(?P<organ>(?:[a-zåäö]+-[ \t]+och[ \t]+)?[a-zåäö]+(?:styrelse|nämnd|"
                          r"fullmäktige))\b")


def _owned_organs(cx: DocContext) -> None:
    """An organ named by its owner's genitive PART_OF the owner, where the owner is a region, a municipality, an
    abbreviation or a capitalised name ('Blekinge Turism'), and not a person."""
    text = cx.seg.masked
    regions = {sp.start_char: sp for sp in cx.spans["REGION"]}
    claimed = {c.evidence.start for c in cx.claims_of("PART_OF")}
    own = cx.by_key[cx.body_key].props.get("name") if cx.body_key in cx.by_key else None
    for m in OWNED_RE.finditer(text):
        if m.group() == own:  # the document's own body, owned where its name was read
            continue
        a = m.start("owner")
        owner = m["owner"]
        words = owner.split()
        sp = regions.get(a)
        if sp is None and words[0] == "Region" and region(cx, a, m.end("owner"), "genitive-organ"):
            sp = SpanLike(a, m.end("owner"), owner, "REGION")
        if sp is None and (words[0] in NOT_NAME or words[0] in CALENDAR_WORDS):
            continue
        if cx.inside_person(a) or \
                m.start() in claimed:
            continue
        # "Ordförandens", "Kommunens": a word, not a name, unless it is an organ or an organisation
        if len(words) == 1 and not (organ_kind(owner) or owner in cx.abbr or owner.isupper() or
                                    owner.lower().endswith(lexicon.organisation_heads())):
            continue
        is_region = sp is not None and sp.end_char >= m.end("owner") - 1
        if m["compound"] and not is_region:  # "Östhammars socialnämnd": the body's name, not an owner's organ
            continue
        if is_region:
            ok = region(cx, sp.start_char, sp.end_char, "genitive-organ")
        else:
            ok = cx.abbr.get(owner) or body(cx, owner, a, m.end("owner"), "genitive-organ", conf=0.8)
            set_kind(cx, ok, "organisation")
        if ok:
            # "Region Hallands lokala nämnder": an adjective's organ is named as written
            organ_of(cx, ok, m["organ"], m.start(), m.end(), "genitive-organ", 0.8,
                     name=cx.text[m.start():m.end()] if " " in m["organ"] or m["compound"] else None)
            second = AND_ORGAN_RE.match(text, m.end()) if m["compound"] else None
            if second:
                organ_of(cx, ok, second["organ"], m.start(), second.end(), "genitive-organ", 0.8,
                         name=f"{cx.text[m.start():m.start('organ')]}{second['organ']}")


# "Au § 12" beside the body's own paragraph: the body's arbetsutskott prepared the matter
# ("Sn 50 Au 84": the paragraph numbers side by side; "AU 15-06-03": the day the arbetsutskott dealt with it)
AU_RE = re.compile(r"(?<![\w-])(?:Au|AU|au)[ \t]*(?:§[ \t]*\d+|\d+(?![\d-])|(?:\d\d)?\d\d-\d\d-\d\d\b)")
_ORGAN_FOR, _AU = Guarded(ORGAN_FOR_RE, *ORGANISATION_GUARDS["organ_for"]), Guarded(AU_RE, *ORGANISATION_GUARDS["au"])


def _au_numbers(cx: DocContext) -> None:
    """A styrelse's or nämnd's minutes that give an item's paragraph in its arbetsutskott ('Au § 12'): the
    arbetsutskott PREPARES_FOR the body."""
    own = cx.body_key
    if not own or own not in cx.by_key or cx.by_key[own].props.get("kind") not in ("styrelse", "nämnd", "direktion"):
        return
    m = _AU.search(cx.seg.masked)
    if m:
        au = organ_of(cx, own, "arbetsutskott", m.start(), m.end(), "au-paragraph", 0.8)
        cx.by_key[au].props.setdefault("short", "AU")  # the minutes' own abbreviation of it
        cx.claim("PREPARES_FOR", au, own, m.start(), m.end(), "au-paragraph", 0.8)




# "Beslutsplanering KS Arbetsutskott 2015-06-22 Kommunstyrelsen 2015-08-12": the matter's way through the organs,
# each with its day; an utskott or beredning before a styrelse, nämnd or fullmäktige prepares for it
ROUTE_RE = re.compile(r"(?<![\w-])(?P<a>(?:[A-ZÅÄÖ]{2,5}[ \t]+)?[A-ZÅÄÖ][a-zåäö-]*(?:utskott|utskottet|beredning|"
                      r"beredningen))[ \t]+(?P<d1>\d{4}-\d\d-\d\d)[ \t]+(?P<b>[A-ZÅÄÖ][a-zåäö-]*(?:styrelse|styrelsen|"
                      r"nämnd|nämnden|fullmäktige))[ \t]+(?P<d2>\d{4}-\d\d-\d\d)\b")
# what every ROUTE_RE match holds: an utskott or beredning with its day
ROUTE_STEP_RE = re.compile(r"(?:utskott|beredning)(?:et|en)?[ \t]+\d{4}-\d\d-\d\d")


def _decision_route(cx: DocContext) -> None:
    """A tjänsteskrivelse's plan of the organs that deal with the matter, in order of their days."""
    text = cx.seg.masked
    if not ROUTE_STEP_RE.search(text):
        return  # no organ with its day: ROUTE_RE cannot match (a literal look first, the whole pattern then)
    for m in ROUTE_RE.finditer(text):
        if m["d1"] >= m["d2"]:
            continue
        bk = body(cx, m["b"], m.start("b"), m.end("b"), "decision-route", conf=0.8)
        words = m["a"].split()
        # "KS Arbetsutskott" before "Kommunstyrelsen": the styrelse's own utskott, as the abbreviation says
        if len(words) == 2 and _abbreviates(words[0], m["b"]):
            ak = organ_of(cx, bk, words[1].lower(), m.start("a"), m.end("a"), "decision-route", 0.8, name=m["a"])
        else:
            ak = body(cx, m["a"], m.start("a"), m.end("a"), "decision-route", conf=0.8)
        if ak != bk:
            cx.claim("PREPARES_FOR", ak, bk, m.start(), m.end(), "decision-route", 0.8)


def _abbreviates(abbr: str, name: str) -> bool:
    """'KS' for 'Kommunstyrelsen', 'SN' for 'Socialnämnden': the first letter and the organ word's."""
    kind = organ_kind(name)
    return len(abbr) == 2 and abbr[0] == name[0].upper() and kind is not None and abbr[1] == kind[0].upper()
