"""The organisation a document's body belongs to and the organisations that are members of it: the letterhead
('SÖDERHAMNS KOMMUN … Arbetsmarknads- och socialnämnden', 'Hem > Ljungby kommun > Kommunstyrelsen'), 'styrelsen
för Kommunförbundet Norrbotten', member municipalities listed in the head ('Bjurholm Nordmaling Robertsfors …') or
beside the members ('Roger Ingvarsson, ledamot, Skinnskattebergs kommun'), and 'landstinget (nuvarande Region
Örebro län)'."""
from __future__ import annotations

import re

from ingest import lexicon
from ingest.extract.context import DocContext, SpanLike
from ingest.extract.entities import body, municipality, organ_of, region, set_kind
from ingest.extract.names import body_kind, resolve_municipality
from ingest.extract.patterns import LOW, NAME, UP
from ingest.extract.references import bodies_in
from graph.text import sentence_bounds
from ingest.extract.structure import reported
from ingest.extract.vocabulary import CALENDAR_WORDS, NOT_NAME
from ingest.nlp import organ_kind

# organs that belong to an organisation (a nämnd to its municipality, an utskott to its förbund); an
# organisation itself (förbund, region, kommun) or a unit (kansli, förvaltning) is not given a letterhead owner
# (only an organisation's statutory organs: a råd, beredning or group under a region's letterhead is often a joint
# body of the region and the municipalities)
ORGAN_KINDS = ("nämnd", "styrelse", "utskott", "fullmäktige", "presidium")
# kinds of body that are organisations a letterhead names
ORGANISATION_KINDS = ("förbund", "region", "kommun", "organisation")
MEMBER_ROLE_RE = re.compile(r",[ \t]*(?:(?:1:e|2:e|förste|andre)[ \t]+)?(?:vice[ \t]+)?(?P<role>ordförande|ledamot|"
                            r"ersättare|tjänstgörande[ \t]+ersättare|tjg[ \t]+ersättare|adjungerad)"
                            r"(?:[ \t]*,[ \t]*[a-zåäö0-9 \t–-]{1,40}?)?[ \t]*,[ \t]*")
# "landstinget (nuvarande Region Örebro län)", "Regionförbundet (numera Region Sörmland)"
SUCCESSOR_RE = re.compile(r"\([ \t]*(?:nuvarande|numera|nu|idag|i dag)[ \t\n]+")
OLD_NAME_RE = re.compile(r"(?P<old>[\wåäöÅÄÖ-]+)[ \t\n]*$")
TRANSCRIPT_RE = re.compile(r"(?m)^Transkript[ \t]*$")


def kommun_body(cx: DocContext, mk: str, start: int, end: int, rule: str, written: str | None = None) -> str:
    """A municipality acting as an organisation (the owner of its nämnder, a member of a förbund) as a body of
    kind 'kommun': 'Söderhamns kommun', 'Stockholms stad' as written in the text."""
    name = cx.by_key[mk].props["name"]
    if written and re.fullmatch(rf"(?i)[{UP}][\w-]*(?:[ \t]+[\w-]+){{0,2}}[ \t]+(?:kommun|stad)", written.strip()):
        words = written.split()
        # "KALMAR KOMMUN" -> "Kalmar kommun"
        full = " ".join(words[:-1] + [words[-1].lower()]) if not _caps(written) else \
            " ".join([w.capitalize() for w in words[:-1]] + [words[-1].lower()])
    else:
        full = f"{name} kommun" if name[-1] in "aeiouyåäöAEIOUYÅÄÖ" or name.endswith(("s", "x", "z")) \
            else f"{name}s kommun"
    return set_kind(cx, body(cx, full, start, end, rule, conf=0.9), "kommun")


def _content_start(cx: DocContext) -> int:
    """Where the document's own text begins: after a document-sharing site's 'Transkript' line."""
    m = TRANSCRIPT_RE.search(cx.text, 0, min(len(cx.text), 3000))
    return m.end() if m else 0


def _caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def letterhead(cx: DocContext) -> tuple[str, int, int] | None:
    """The organisation named in the document's head: a municipality ('SÖDERHAMNS KOMMUN', 'Stockholms stad'),
    a region or landsting, or a förbund, in the first lines of the text or as an upper-case letterhead on its
    first pages; a breadcrumb 'Hem > Ljungby kommun > Kommunstyrelsen' names it before the body."""
    text = cx.seg.masked
    c0 = _content_start(cx)
    head_end = min(len(text), c0 + 400)
    far = min(len(text), c0 + 3000)
    own = cx.by_key[cx.body_key].props.get("name", "") if cx.body_key in cx.by_key else ""
    crumb = re.search(r"(?m)^[^\n>]{0,40}>[ \t]*(?:Hem[ \t]*>[ \t]*)?(?P<org>[^>\n]{3,60}?)[ \t]*>[ \t]*"
                      r"(?P<organ>[^>\n]{3,80}?)[ \t]*(?:>|$)", text[:3000])
    cands: list[tuple[int, int, str]] = []
    for sp in cx.spans["MUNI"]:
        if sp.start_char < far and (sp.start_char < head_end or _caps(sp.text)) and \
                re.search(r"(?i)\b(?:kommun|stad)\b", text[sp.start_char:sp.end_char + 5]):
            cands.append((sp.start_char, sp.end_char, "MUNI"))
    for sp in cx.spans["REGION"]:
        if sp.start_char < far and (sp.start_char < head_end or _caps(sp.text)):
            cands.append((sp.start_char, sp.end_char, "REGION"))
    for sp in cx.spans["BODY"]:
        if sp.start_char < far and (sp.start_char < head_end or _caps(sp.text)) and \
                body_kind(sp.text) in ORGANISATION_KINDS and sp.text.lower() != own.lower():
            cands.append((sp.start_char, sp.end_char, "BODY"))
    if crumb:
        a, b = crumb.start("org"), crumb.end("org")
        cands = [c for c in cands if a <= c[0] < b] + [(a, b, "CRUMB")]
    for a, b, lab in sorted(cands):
        if cx.inside_person(a):
            continue
        k = _organisation(cx, a, b, lab)
        if k and k != cx.body_key:
            return k, a, b
    return None


def _organisation(cx: DocContext, a: int, b: int, lab: str) -> str | None:
    raw = cx.text[a:b]
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
    if _caps(name):
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
    ev = cx.by_key[muni].evidence
    own_region = next((r for r in lexicon.regions() if r.name == f"Region {cx.by_key[muni].props['name']}"), None)
    if own_region:  # Gotland: the municipality is a region
        return body(cx, own_region.name, ev.start, ev.end, "home-municipality"), ev.start, ev.end
    return kommun_body(cx, muni, ev.start, ev.end, "home-municipality",
                       cx.text[ev.start:ev.end] if re.search(r"(?i)\bkommun\b", ev.quote) else None), ev.start, ev.end


def _named_owner(cx: DocContext) -> tuple[str, int, int] | None:
    """'Östhammars socialnämnd', 'Region Gotlands hälso- och sjukvårdsnämnd': the municipality or region whose
    genitive begins the body's name."""
    m = cx.by_key[cx.body_key]
    words = m.props.get("name", "").split()
    if len(words) < 2 or not organ_kind(words[-1]):
        return None
    ev = m.evidence
    mu = lexicon.bare_municipality_names().get(words[0])
    if mu and words[0].endswith("s") and words[0] != mu.name:
        mk = cx.mention(f"muni:{mu.code}", "Municipality", {"name": mu.name, "code": mu.code, "county": mu.county},
                        ev.start, ev.end, "owner-in-name")
        return kommun_body(cx, mk, ev.start, ev.end, "owner-in-name"), ev.start, ev.end
    return None


def _owned(cx: DocContext, k: str) -> bool:
    return any(c.src == k for c in cx.claims_of("PART_OF"))


def organisation(cx: DocContext) -> None:
    """The meeting's body PART_OF the letterhead's organisation; 'styrelsen för X' PART_OF X; member
    organisations MEMBER_OF the organisation; successors."""
    top = cx.body_key
    if cx.body_key in cx.by_key:
        kind = cx.by_key[cx.body_key].props.get("kind")
        org = letterhead(cx) or _home_organisation(cx) or _named_owner(cx) \
            if kind in ORGAN_KINDS and not _owned(cx, cx.body_key) else None
        if org and \
                not any(c.src == org[0] and c.dst == cx.body_key for c in cx.claims_of("PART_OF")):
            cx.claim("PART_OF", cx.body_key, org[0], org[1], org[2], "letterhead", 0.8)
        # members of a joint body's organisation: 'Regionrådet' of Umeåregionen, whose members are the
        # municipalities
        owners = [c.dst for c in cx.claims_of("PART_OF") if c.src == cx.body_key]
        if owners and cx.by_key[owners[0]].props.get("kind") not in ("kommun",) and \
                cx.by_key[owners[0]].props.get("kind") in ORGANISATION_KINDS:
            top = owners[0]
    _organ_for(cx)
    if top:
        _member_list(cx, top)
        _member_rows(cx, top)
        _municipality_column(cx, top)
    _successors(cx)
    _joint_name_members(cx)
    _representatives(cx)
    _owned_organs(cx)
    _au_numbers(cx)
    reported(cx)


def _organ_for(cx: DocContext) -> None:
    """'styrelsen för Kommunförbundet Norrbotten', 'arbetsutskottet för Region X': the organ PART_OF the
    organisation named after 'för'."""
    text = cx.seg.masked
    for m in re.finditer(r"(?i)\b(?P<organ>styrelsen|arbetsutskottet|presidiet|direktionen|förbundsstyrelsen)"
                         r"[ \t]+för[ \t]+", text):
        hit = [b for b in bodies_in(cx, m.end(), m.end() + 80) if b[1] == m.end()]
        if not hit:
            continue
        ok, _, end = hit[0]
        if cx.by_key[ok].props.get("kind") not in ORGANISATION_KINDS:
            continue
        written = f"{m['organ']} för {cx.text[hit[0][1]:end]}"
        organ_of(cx, ok, m["organ"], m.start(), end, "organ-for", 0.9, name=written)


def _member_list(cx: DocContext, top: str) -> None:
    """'Bjurholm Nordmaling Robertsfors Umeå Vindeln Vännäs Minnesanteckningar …': three or more
    municipalities named in a row in the head are the members of the document's organisation."""
    text = cx.seg.masked
    c0 = _content_start(cx)
    munis = sorted((sp for sp in cx.spans["MUNI"] if c0 <= sp.start_char < c0 + 400),
                   key=lambda sp: sp.start_char)
    runs: list[list] = []
    for sp in munis:
        if runs and re.fullmatch(r"[ \t\n,]*(?:och[ \t]+|samt[ \t]+)?", text[runs[-1][-1].end_char:sp.start_char]):
            runs[-1].append(sp)
        else:
            runs.append([sp])
    for run in runs:
        if len(run) < 3:
            continue
        a, b = run[0].start_char, run[-1].end_char
        for sp in run:
            mk = municipality(cx, sp.start_char, sp.end_char, "member-list")
            if mk:
                k = kommun_body(cx, mk, sp.start_char, sp.end_char, "member-list")
                if k != top:
                    cx.claim("MEMBER_OF", k, top, a, b, "member-list", 0.8)


JOINT_KINDS = ("förbund", "råd", "samrådsgrupp", "forum", "nätverk", "ledningsgrupp", "beredning", "grupp",
               "organisation", "arena", "delegation")
MEMBER_ROLE_TRIGGER = re.compile(r"(?:ordförande|ledamot|ersättare|adjungerad)[ \t]*,")
NAME_END_RE = re.compile(rf"{NAME}$")
ORG_WORD_RE = re.compile(rf"[{UP}][{LOW}]+(?:kassan|förmedlingen|verket|myndigheten|styrelsen|inspektionen)\b")


def _member_rows(cx: DocContext, top: str) -> None:
    """'Roger Ingvarsson, ledamot, Skinnskattebergs kommun', 'Linnéa Landerstedt, ordförande, Landstinget
    Västmanland': the organisation a member sits for is a member of the body."""
    text = cx.seg.masked
    if not MEMBER_ROLE_TRIGGER.search(text):
        return
    starts: dict[int, object] = {}
    for sp in cx.spans["MUNI"] + cx.spans["REGION"] + cx.spans["BODY"]:
        if sp.start_char not in starts or sp.end_char > starts[sp.start_char].end_char:
            starts[sp.start_char] = sp
    home_code = cx.by_key[cx.home_muni].props.get("code") if cx.home_muni else None
    owners = {c.dst for c in cx.claims_of("PART_OF") if c.src == top}
    # first what each row names (nothing made yet), then the organisations, where there are two or more
    cands: dict[str, tuple[str, int, int]] = {}
    for m in MEMBER_ROLE_RE.finditer(text):
        # a person's name before the role: read by an earlier stage, or a name's shape
        if not (cx.inside_person(m.start() - 1) or NAME_END_RE.search(text, max(0, m.start() - 60), m.start())):
            continue
        at = m.end()
        sp = starts.get(at)
        if sp is not None and sp.label_ == "MUNI":
            mu = resolve_municipality(sp.text)
            if mu and re.search(r"(?i)\b(?:kommun|stad)\b", sp.text) and mu.code != home_code:
                cands.setdefault("muni:" + mu.code, ("MUNI", sp.start_char, sp.end_char))
        elif sp is not None and sp.label_ == "REGION":
            cands.setdefault("region:" + sp.text.lower(), ("REGION", sp.start_char, sp.end_char))
        elif sp is not None and body_kind(sp.text) in ORGANISATION_KINDS:
            cands.setdefault("body:" + sp.text.lower(), ("BODY", sp.start_char, sp.end_char))
        else:
            om = ORG_WORD_RE.match(text, at)
            if om:
                cands.setdefault("org:" + om.group().lower(), ("ORG", at, om.end()))
    # a joint body's members sit for several organisations; members who all sit for one municipality ("…,
    # ledamot, Umeå kommun" in Umeå's own beredning) say nothing of member organisations
    if len(cands) < 2:
        return
    for lab, a, b in cands.values():
        if lab == "MUNI":
            mk = municipality(cx, a, b, "member-row")
            k = kommun_body(cx, mk, a, b, "member-row", cx.text[a:b]) if mk else None
        elif lab == "REGION":
            k = region(cx, a, b, "member-row")
        elif lab == "BODY":
            k = body(cx, cx.text[a:b], a, b, "member-row", conf=0.8)
        else:
            k = set_kind(cx, body(cx, cx.text[a:b], a, b, "member-row", conf=0.8), "organisation")
        if k and k != top and k not in owners:
            cx.claim("MEMBER_OF", k, top, a, b, "member-row", 0.8)


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
            heads = lexicon.organisation_heads()
            if not (organ_kind(w) or w.lower().rstrip("et").endswith(heads) or
                    re.sub(r"(et|en)$", "", w.lower()).endswith(heads)):
                continue
            ok = set_kind(cx, body(cx, w, m.start("old"), m.end("old"), "successor", conf=0.8), "organisation")
        if ok != new[0][0]:
            cx.claim("SUCCEEDED", new[0][0], ok, m.start("old"), new[0][2], "successor", 0.8)


# "Region Västerbottens kansli", "Blekinge Turisms styrelse", "Regionförbundets kansli": an organ named by its
# owner's genitive
OWNED_RE = re.compile(rf"(?<![\w-])(?P<owner>[{UP}][\w-]+(?:[ \t]+[{UP}][\w-]+){{0,3}})(?::s|s)[ \t]+"
                      r"(?P<organ>kansli|kansliet|styrelse|presidium|presidiet|arbetsutskott|ledningsgrupp|"
                      r"förbundsstyrelse|beredningar|[\wåäöÅÄÖ]+a[ \t]+(?:nämnder|nämnden|nämnd|utskottet|utskott|"
                      r"beredningar|beredningen|beredning))\b")


def _owned_organs(cx: DocContext) -> None:
    """An organ named by its owner's genitive PART_OF the owner, where the owner is a region, a municipality, an
    abbreviation or a capitalised name ('Blekinge Turism'), and not a person."""
    text = cx.seg.masked
    regions = {sp.start_char: sp for sp in cx.spans["REGION"]}
    claimed = {c.evidence.start for c in cx.claims_of("PART_OF")}
    for m in OWNED_RE.finditer(text):
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
        if sp is not None and sp.end_char >= m.end("owner") - 1:
            ok = region(cx, sp.start_char, sp.end_char, "genitive-organ")
        else:
            ok = cx.abbr.get(owner) or body(cx, owner, a, m.end("owner"), "genitive-organ", conf=0.8)
            set_kind(cx, ok, "organisation")
        if ok:
            # "Region Hallands lokala nämnder": an adjective's organ is named as written
            organ_of(cx, ok, m["organ"], m.start(), m.end(), "genitive-organ", 0.8,
                     name=cx.text[m.start():m.end()] if " " in m["organ"] else None)


# "Au § 12" beside the body's own paragraph: the body's arbetsutskott prepared the matter
AU_RE = re.compile(r"(?<![\w-])(?:Au|AU|au)[ \t]*§[ \t]*\d+")


def _au_numbers(cx: DocContext) -> None:
    """A styrelse's or nämnd's minutes that give an item's paragraph in its arbetsutskott ('Au § 12'): the
    arbetsutskott PREPARES_FOR the body."""
    own = cx.body_key
    if not own or own not in cx.by_key or cx.by_key[own].props.get("kind") not in ("styrelse", "nämnd"):
        return
    m = AU_RE.search(cx.seg.masked)
    if m:
        au = organ_of(cx, own, "arbetsutskott", m.start(), m.end(), "au-paragraph", 0.8)
        cx.claim("PREPARES_FOR", au, own, m.start(), m.end(), "au-paragraph", 0.8)


# "Ledningsgruppen för samverkan Region Jönköpings län och länets kommuner", "samverkansberedning
# Kommunerna-Landstinget": a joint body named by its parties
JOINT_RE = re.compile(r"(?i)\bsamverkan(?:s(?:beredning|grupp|råd|forum|organ)\w*)?[ \t\n]+(?:mellan[ \t\n]+)?")
PARTY_RE = re.compile(r"(?:(?:länets|regionens|de|alla)[ \t]+)?[Kk]ommuner(?:na)?\b|[Ll]andstinget\b|[Rr]egionen\b")
REGION_NAME_RE = re.compile(rf"Region[ \t\n]+[{UP}][\w-]+(?:[ \t\n]+(?:län|[{UP}][\w-]+))?")
JOINT_SEP_RE = re.compile(r"[ \t\n]*(?:och|samt|,|-|–)[ \t\n]*")


def _joint_name_members(cx: DocContext) -> None:
    """The parties a joint body's name lists are MEMBER_OF it."""
    text = cx.seg.masked
    if "amverkan" not in text:
        return
    regions = {sp.start_char: sp for sp in cx.spans["REGION"]}
    for m in JOINT_RE.finditer(text):
        named = [b for b in bodies_in(cx, max(0, m.start() - 60), m.start() + 1) if b[1] <= m.start()]
        word = re.match(r"\w+", m.group()).group()
        if named and (named[-1][2] >= m.start() - 5 or
                      re.fullmatch(r"[ \t]+för[ \t]+", text[named[-1][2]:m.start()])):
            target = named[-1][0]
        elif organ_kind(word):  # "samverkansberedning Kommunerna-Landstinget" (made once its parties are read)
            target = None
        else:
            continue
        pos, parts = m.end(), []
        while len(parts) < 6:
            sp = regions.get(pos)
            rm = REGION_NAME_RE.match(text, pos) if sp is None else None
            if sp is not None or rm:
                a_, b_ = (sp.start_char, sp.end_char) if sp is not None else rm.span()
                if lexicon_region(text[a_:b_]):
                    parts.append(("REGION", a_, b_))
                    pos = b_
                else:
                    break
            else:
                pm = PARTY_RE.match(text, pos)
                if not pm:
                    break
                parts.append(("PARTY", pm.start(), pm.end()))
                pos = pm.end()
            sep = JOINT_SEP_RE.match(text, pos)
            if not sep:
                break
            pos = sep.end()
        if len(parts) < 2:
            continue
        target = target or body(cx, word, m.start(), m.start() + len(word), "joint-name", conf=0.8)
        for lab, a_, b_ in parts:
            k = region(cx, a_, b_, "joint-name") if lab == "REGION" else \
                set_kind(cx, body(cx, text[a_:b_], a_, b_, "joint-name", conf=0.8), "organisation")
            if k and k != target:
                cx.claim("MEMBER_OF", k, target, m.start(), parts[-1][2], "joint-name", 0.8)


def _municipality_column(cx: DocContext, top: str) -> None:
    """'Närvarande Ingemar Nyman, Bjurholm Dagmar Schröder, Bjurholm Ulla-Maj Andersson, Nordmaling …': those
    present sit for their municipalities; three or more municipalities are the body's (or its organisation's)
    members."""
    # only a joint body's: a region's or a municipality's own organs list their politicians' home towns too
    tp = cx.by_key[top].props
    if not (tp.get("kind") in JOINT_KINDS or (tp.get("kind") == "region" and not lexicon_region(tp.get("name", "")))):
        return
    text = cx.seg.masked
    found: dict[str, tuple[int, int, str]] = {}
    for sp in cx.spans["MUNI"]:
        before = text[max(0, sp.start_char - 60):sp.start_char]
        if not re.search(r",[ \t]*$", before) or cx.inside_person(sp.start_char):
            continue
        if not (NAME_END_RE.search(before.rstrip(" \t,")) or cx.inside_person(len(before.rstrip(" \t,")) - 1 +
                                                                     max(0, sp.start_char - 60))):
            continue
        mu = resolve_municipality(sp.text)
        if mu and (not cx.home_muni or cx.by_key[cx.home_muni].props.get("code") != mu.code) and mu.code not in found:
            found[mu.code] = (sp.start_char, sp.end_char, sp.text)
    if len(found) < 3:
        return
    for a, b, written in found.values():
        mk = municipality(cx, a, b, "member-column")
        if not mk:
            continue
        k = kommun_body(cx, mk, a, b, "member-column", written)
        if k != top:
            cx.claim("MEMBER_OF", k, top, a, b, "member-column", 0.8)


def lexicon_region(raw: str) -> bool:
    raw = re.sub(r"\s+", " ", raw).strip().lower()
    return any(raw in (r.name.lower(), *(a.lower() for a in r.aliases)) for r in lexicon.regions())


# "Ledningsgruppen består av representanter från Region Jönköpings län och länets kommuner"
REPRESENTATIVES_RE = re.compile(r"(?i)\brepresentanter[ \t\n]+(?:från|för)[ \t\n]+")


def _representatives(cx: DocContext) -> None:
    """The organisations whose representatives a body has are MEMBER_OF it: the body named in the sentence
    before the phrase, else the document's own."""
    text = cx.seg.masked
    if "epresentanter" not in text:
        return
    for m in REPRESENTATIVES_RE.finditer(text):
        s, e = sentence_bounds(text, m.start())
        before = [b for b in bodies_in(cx, s, m.start()) if cx.by_key[b[0]].props.get("kind") in JOINT_KINDS]
        target = before[-1][0] if before else cx.body_key
        if not target:
            continue
        pos, parts = m.end(), []
        spans = {sp.start_char: sp for sp in cx.spans["REGION"] + cx.spans["BODY"] + cx.spans["MUNI"]}
        while len(parts) < 8:
            sp = spans.get(pos)
            if sp is not None and sp.label_ == "REGION":
                k, pos = region(cx, sp.start_char, sp.end_char, "representatives"), sp.end_char
            elif sp is not None and sp.label_ == "MUNI":
                mk = municipality(cx, sp.start_char, sp.end_char, "representatives")
                k = kommun_body(cx, mk, sp.start_char, sp.end_char, "representatives", sp.text) if mk else None
                pos = sp.end_char
            elif sp is not None and body_kind(sp.text) in ORGANISATION_KINDS:
                k, pos = body(cx, sp.text, sp.start_char, sp.end_char, "representatives", conf=0.8), sp.end_char
            else:
                pm = PARTY_RE.match(text, pos) or ORG_WORD_RE.match(text, pos)
                if not pm:
                    break
                k = set_kind(cx, body(cx, pm.group(), pm.start(), pm.end(), "representatives", conf=0.8),
                             "organisation")
                pos = pm.end()
            if k and k != target:
                parts.append((k, pos))
            sep = JOINT_SEP_RE.match(text, pos)
            if not sep:
                break
            pos = sep.end()
        for k, end in parts:
            cx.claim("MEMBER_OF", k, target, m.start(), parts[-1][1], "representatives", 0.8)
