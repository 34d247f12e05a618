"""Entity factories: a body (with its owner, municipality or region), a person, a municipality, a region and a
role held, each a mention with its evidence and the claims that come with it."""
from __future__ import annotations

import re

from graph.model import NO_HINTS, Hints
from graph.text import genitive
from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.names import (body_kind, clean_body_name, is_generic_organ, leading_non_name, norm_body,
                                  resolve_municipality, second_name_start, split_title)
from ingest.extract.vocabulary import MEMBER_ROLES, OWNED_ORGANS
from ingest.nlp import organ_kind, organ_lemma


def body(cx: DocContext, name: str, start: int, end: int, rule: str, short: str | None = None,
         conf: float = 1.0, muni: str | None = None, said: tuple[int, int] | None = None) -> str:
    """A body mention; the key is its normalised name, so spellings in one document meet. said: where the text
    says that the body is muni's (a row 'Name (S) Östersunds kommun Ordf. Vård och omsorgsnämnden'), the quote of
    its BELONGS_TO; else the name's own span."""
    name = clean_body_name(name)
    words = name.split(" ")
    # "Statens beredning för medicinsk och social utvärdering", "Statens institutionsstyrelse": a state agency's
    # name, not an organ of "Staten"
    if len(words) >= 2 and words[-1].lower() in OWNED_ORGANS and short is None and words[0] != "Statens":
        owner_text = " ".join(words[:-1])
        owner_text = owner_text[:-2] if owner_text.endswith(":s") else owner_text
        owner = cx.abbr.get(owner_text)
        if owner is None:
            base = owner_text[:-1] if owner_text.endswith("s") and not owner_text.endswith("ss") else owner_text
            owner = cx.abbr.get(base) or body(cx, base, start, end, rule, conf=conf)
        return organ_of(cx, owner, words[-1].lower(), start, end, rule, conf)
    if short and short in cx.abbr:
        k = cx.abbr[short]
        aliases = cx.by_key[k].props.setdefault("aliases", [])
        if name != cx.by_key[k].props.get("name") and name not in aliases:
            aliases.append(name)
        return k
    ap = re.fullmatch(r"([a-zåäö-]+) ([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,6}[A-ZÅÄÖ])", name)
    if ap and organ_kind(ap.group(1)):
        kind_ap = organ_kind(ap.group(1))
        k = body(cx, ap.group(2), start, end, rule, short=ap.group(2), conf=conf)
        cx.by_key[k].props.setdefault("kind", kind_ap)
        return k
    # "Arbetsutskottet utser …" in the minutes of Socialnämndens arbetsutskott: this document's body
    if len(words) == 1 and cx.body_key and cx.body_key in cx.by_key and short is None:
        # (and "Beredningen …" in Demokratiberedningen's: the organ word its name ends in)
        if self_reference(cx, words[0]):
            return cx.body_key
    kind = body_kind(name)
    if muni is None and kind in ("nämnd", "utskott", "styrelse", "fullmäktige", "presidium") \
            and is_generic_organ(name) and cx.home_muni:
        muni = cx.home_muni
    region = None
    if muni is None and not cx.home_muni and cx.home_region and is_generic_organ(name) \
            and kind in ("nämnd", "utskott", "styrelse", "fullmäktige", "presidium"):
        region = cx.home_region.split(":", 1)[1]
    key = "body:" + norm_body(name) + (f"@{muni}" if muni else "") + (f"@{region}" if region else "")
    props = {"name": name, "kind": kind, "short": short}
    if muni:
        props["municipality"] = muni.split(":", 1)[1]
    # its id is the region's: 'Regionstyrelsen' of two regions is two bodies
    k = cx.mention(key, "Body", props, start, end, rule, conf, Hints(region=region) if region else NO_HINTS)
    if muni:
        cx.claim("BELONGS_TO", k, muni, *(said or (start, end)), rule, conf)
    if short:
        cx.define_abbr(short, k)
        cx.by_key[k].props.setdefault("aliases", [])
        cx.by_key[k].props["short"] = cx.by_key[k].props.get("short") or short
    return k


def organ_of(cx: DocContext, owner: str, organ: str, start: int, end: int, rule: str, conf: float = 0.9,
             name: str | None = None) -> str:
    """'SocSam:s presidium', 'Kommunförbundets styrelse': a body that is part of its owner (named as the text
    writes it where the caller gives that: 'styrelsen för Kommunförbundet Norrbotten')."""
    organ = organ_lemma(organ)
    op = cx.by_key[owner].props
    base = op.get('short') or op['name']
    if base.isupper() and organ_kind(base.split()[-1]):  # "REGIONSTYRELSEN" of a letterhead is no abbreviation
        base = base.capitalize()
    name = name or f"{genitive(base)} {organ}"
    key = f"body:{owner.split(':', 1)[1]}#{organ}"
    props = {"name": name, "kind": organ_kind(organ) or organ}
    if op.get("municipality"):  # "Kommunstyrelsens arbetsutskott": the municipality's, as its owner is
        props["municipality"] = op["municipality"]
    # "Regionstyrelsens arbetsutskott" of a region's own minutes: that region's
    hints = Hints(owner=owner, organ=organ, region=cx.by_key[owner].hints.region)
    k = cx.mention(key, "Body", props, start, end, rule, conf, hints)
    cx.claim("PART_OF", k, owner, start, end, rule, conf)
    return k


def set_kind(cx: DocContext, key: str, kind: str) -> str:
    """Give a body a kind where its name gives none ('IVO' an organisation, 'Samhällsutveckling' an enhet)."""
    props = cx.by_key[key].props
    props["kind"] = props.get("kind") or kind
    return key


def written_name(raw: str) -> str:
    """A person's name as the text writes it, one space between words; "Åsa Lind-" / "qvist", a name hyphenated
    over a line break, is one word. The person factory keys a person by it ("person:" + name)."""
    return re.sub(r"\s+", " ", re.sub(r"-[ \t]*\n[ \t]*(?=[a-zåäö])", "", raw)).strip()


def person(cx: DocContext, start: int, end: int, rule: str, party: str | None = None, conf: float = 1.0,
           local_party: bool = False) -> str:
    """A person's mention; `local_party`: an unknown code in capitals ("(SIV)") is a local party's, as in an
    attendance list where the others' codes are national parties'."""
    # "Bjurholm Kurt-Allan Egelby", "Åklagarkammaren Östersund Jenny Einebrant": an organisation or municipality
    # column before the name is no part of it (the name begins at its first name)
    start = start + leading_non_name(cx.text[start:end])
    second = second_name_start(cx.text[start:end])
    if second:
        # "Göran Nilsson Björn Kihl (M)": two names run together; the first is a person of its own, the party
        # and what the caller says are the second's
        first_end = start + len(cx.text[start:start + second].rstrip())
        person(cx, start, first_end, rule, None, conf)
        start += second
    name = written_name(cx.text[start:end])
    props = {"name": name}
    if party:
        code = party.upper()
        known = lexicon.parties().get(code)
        if known:
            props["party"] = known[2]
            props["party_name"] = known[1]
            if known[0] != known[2]:
                props["party_written"] = party
        elif local_party and re.fullmatch(r"[A-ZÅÄÖ]{2,4}", party):
            props["party"] = party
        else:
            cx.warn(f"okänd partibeteckning ({party}) vid {name}", start, end)
    cx.add_person_span(start, end)
    return cx.mention("person:" + name, "Person", props, start, end, rule, conf)


def municipality(cx: DocContext, start: int, end: int, rule: str) -> str | None:
    raw = cx.text[start:end]
    m = resolve_municipality(raw)
    if m is None:
        return None
    return cx.mention(f"muni:{m.code}", "Municipality", {"name": m.name, "code": m.code,
                                                         "county": m.county}, start, end, rule)


def region(cx: DocContext, start: int, end: int, rule: str) -> str | None:
    raw = re.sub(r"\s+", " ", cx.text[start:end]).strip()
    for r in lexicon.regions():
        if raw.lower() in (r.name.lower(), *(a.lower() for a in r.aliases)):
            k = body(cx, r.name, start, end, rule, short=None)
            m = cx.by_key[k]
            # "LANDSTINGET I VÄRMLAND", "Landstinget Västmanland": the landsting is named as the text names it
            # (the region's name is its id, so it is one body with the region it became)
            if "landsting" in raw.lower() and m.props.get("name") == r.name and m.evidence.start == start:
                words = raw.split()
                m.props["name"] = " ".join(w.capitalize() if w.isupper() and (i == 0 or len(w) > 2) else
                                           (w.lower() if w.isupper() else w) for i, w in enumerate(words))
            return k
    return None


def title_facts(cx: DocContext, pk: str, span: tuple[int, int], org_key: str | None, a: int, b: int, rule: str) -> None:
    """'Ordf. Vård och omsorgsnämnden' -> role ordförande in that nämnd (of the row's municipality);
    'Förvaltningschef, SAF' -> role förvaltningschef in the municipality, org 'SAF'."""
    raw = cx.text[span[0]:span[1]]
    title, org = split_title(raw)
    if not title:
        return
    ol = (org or "").lower().strip(" ,.")
    if title.startswith(("tjänstgörande ers", "tjg ers", "ej tjänstgörande", "ersätter")):
        return  # "tjänstgörande ersättare för …" says how one attends, not a title
    # "processledare, sekreterare": a meeting role after the title is no organisation
    if org and (ol in MEMBER_ROLES or ol in ("sekreterare", "justerare") or ol.split(",")[-1].strip() in (
            "sekreterare", "justerare", "ordförande")):
        org = org.rsplit(",", 1)[0].strip() if "," in org else None
    target = org_key
    org_text = None
    if not org and title in MEMBER_ROLES and cx.body_key:
        # "Anna Lindqvist (S), ordförande" in a body's list: the role is in that body
        target = cx.body_key
        cx.claim("MEMBER_OF", pk, target, a, b, rule, role=title)
    elif org and body_kind(org):
        muni = org_key if org_key and org_key.startswith("muni:") else None
        off = raw.rfind(org)
        target = body(cx, org, span[0] + off, span[0] + off + len(org), rule, muni=muni, said=(a, b) if muni else None)
        role_in_member = title in ("ordförande", "vice ordförande", "1:e vice ordförande",
                                   "2:e vice ordförande", "ledamot", "ersättare")
        if role_in_member:
            cx.claim("MEMBER_OF", pk, target, a, b, rule, role=title)
    elif org or title not in MEMBER_ROLES:
        # "Henrik Sundqvist, kommundirektör": an official of the row's organisation or municipality, else of
        # the document's own; "samordnare Barnahus Halland": a unit that is no body here stays as text
        org_text = org
        target = org_key or cx.home_muni
        if target is None:
            hold(cx, pk, title, None, a, b, rule)
            return
    if target is None:
        return
    tprops = cx.by_key[target].props
    tname = tprops.get("short") or tprops.get("name")
    rk = cx.mention(f"role:{title}@{target}", "Role", {"title": title, "name": f"{title}, {tname}",
                                                       "org": org_text},
                    span[0], span[1], rule)
    cx.claim("HOLDS", pk, rk, a, b, rule)
    cx.claim("ROLE_IN", rk, target, span[0], span[1], rule)


def hold(cx: DocContext, pk: str, title: str, target: str | None, a: int, b: int, rule: str, conf: float = 1.0,
         date: str | None = None) -> str:
    if target is None:  # "Moa Lindunger, projektledare från PwC": a title whose organisation is no body here
        rk = cx.mention(f"role:{title}@", "Role", {"title": title, "name": title}, a, b, rule, conf)
        cx.claim("HOLDS", pk, rk, a, b, rule, conf, date=date)
        return rk
    tprops = cx.by_key[target].props
    rk = cx.mention(f"role:{title}@{target}", "Role",
                    {"title": title, "name": f"{title}, {tprops.get('short') or tprops.get('name')}"},
                    a, b, rule, conf)
    cx.claim("HOLDS", pk, rk, a, b, rule, conf, date=date)
    cx.claim("ROLE_IN", rk, target, a, b, rule, conf)
    return rk


def self_reference(cx: DocContext, word: str) -> bool:
    """'Arbetsutskottet' in the minutes of Socialnämndens arbetsutskott, 'Beredningen' in Demokratiberedningen's:
    a bare organ word that names this document's own body."""
    if not cx.body_key or cx.body_key not in cx.by_key or not organ_kind(word):
        return False
    own = cx.by_key[cx.body_key].props.get("name", "").split()
    if not own:
        return False
    lemma, own_lemma = organ_lemma(word), organ_lemma(own[-1])
    return (lemma == own_lemma and len(own) > 1) or (
        lemma != own_lemma and own_lemma.endswith(lemma) and len(lemma) >= 5)
