"""Member organisations of a joint body: municipalities listed in the head ('Bjurholm Nordmaling Robertsfors …'),
beside the members ('Roger Ingvarsson, ledamot, Skinnskattebergs kommun', 'Ingemar Nyman, Bjurholm'), in the body's
name ('samverkan Region Jönköpings län och länets kommuner') or as representatives ('representanter från X och Y');
and the municipality acting as an organisation ('Söderhamns kommun'), as a body of kind 'kommun'."""
from __future__ import annotations

import bisect
import re

from graph.text import sentence_bounds
from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import body, municipality, region, set_kind
from ingest.extract.names import body_kind, resolve_municipality
from ingest.extract.patterns import LOW, NAME, TRANSCRIPT_LINE_RE, UP
from ingest.extract.references import bodies_in
from ingest.nlp import organ_kind
from ingest.scan import ORGANISATION_GUARDS, Guarded

# kinds of body that are organisations a letterhead names or that sit in a joint body
ORGANISATION_KINDS = ("förbund", "region", "kommun", "organisation")


MEMBER_ROLE_RE = re.compile(r",[ \t]*(?:(?:1:e|2:e|förste|andre)[ \t]+)?(?:vice[ \t]+)?(?P<role>ordförande|ledamot|"
                            r"ersättare|tjänstgörande[ \t]+ersättare|tjg[ \t]+ersättare|adjungerad)"
                            r"(?:[ \t]*,[ \t]*[a-zåäö0-9 \t–-]{1,40}?)?[ \t]*,[ \t]*")

def kommun_body(cx: DocContext, mk: str, start: int, end: int, rule: str, written: str | None = None) -> str:
    """A municipality acting as an organisation (the owner of its nämnder, a member of a förbund) as a body of
    kind 'kommun': 'Söderhamns kommun', 'Stockholms stad' as written in the text."""
    name = cx.by_key[mk].props["name"]
    if written and re.fullmatch(rf"(?i)[{UP}][\w-]*(?:[ \t]+[\w-]+){{0,2}}[ \t]+(?:kommun|stad)", written.strip()):
        words = written.split()
        # "KALMAR KOMMUN" -> "Kalmar kommun"
        full = " ".join(words[:-1] + [words[-1].lower()]) if not caps(written) else \
            " ".join([w.capitalize() for w in words[:-1]] + [words[-1].lower()])
    else:
        full = f"{name} kommun" if name[-1] in "aeiouyåäöAEIOUYÅÄÖ" or name.endswith(("s", "x", "z")) \
            else f"{name}s kommun"
    return set_kind(cx, body(cx, full, start, end, rule, conf=0.9), "kommun")



def content_start(cx: DocContext) -> int:
    """Where the document's own text begins: after a document-sharing site's 'Transkript' line."""
    m = TRANSCRIPT_LINE_RE.search(cx.text, 0, min(len(cx.text), 3000))
    return m.end() if m else 0


def caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)



def member_list(cx: DocContext, top: str) -> None:
    """'Bjurholm Nordmaling Robertsfors Umeå Vindeln Vännäs Minnesanteckningar …': three or more
    municipalities named in a row in the head are the members of the document's organisation."""
    text = cx.seg.masked
    c0 = content_start(cx)
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
# "Ingvar Persson (M), Bollnäs": a party code between a name and the place it sits for
PARTY_BEFORE_PLACE_RE = re.compile(r"[ \t]*\([A-ZÅÄÖa-zåäö]{1,3}\)[ \t]*,[ \t]*$")


def span_ends(cx: DocContext) -> set[int]:
    """Where the names of places and organisations end."""
    return {sp.end_char for lab in ("MUNI", "REGION", "BODY") for sp in cx.spans[lab]}


def row_start(text: str, persons: list[tuple[int, int]], ends: set[int], name_end: int) -> int | None:
    """Where the row of a name that ends at name_end begins: the person's name read so far, else a name's shape
    after the place or organisation (ends: `span_ends`) that ends the row before ('Bjurholm Ulla-Maj Andersson':
    the name only)."""
    row = person_start(persons, name_end - 1)
    if row is not None:
        return row
    nm = NAME_END_RE.search(text[max(0, name_end - 60):name_end])
    if not nm:
        return None
    row = name_end - len(nm.group())
    for w in re.finditer(r"[^ \t]+[ \t]+", nm.group()):
        if row + w.end() < name_end and (row + w.start() + len(w.group().rstrip())) in ends and \
                len(text[row + w.end():name_end].split()) >= 2:
            return row + w.end()
    return row


def person_start(persons: list[tuple[int, int]], pos: int) -> int | None:
    """Where the name of a person read so far that holds pos begins (persons: `DocContext.person_spans()`)."""
    i = bisect.bisect_right(persons, (pos, len(persons) + 10**9))
    for a, b in persons[max(0, i - 4):i][::-1]:
        if a <= pos < b:
            return a
    return None
ORG_WORD_RE = re.compile(rf"[{UP}][{LOW}]+(?:kassan|förmedlingen|verket|myndigheten|styrelsen|inspektionen)\b")


def member_rows(cx: DocContext, top: str) -> None:
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
    cands: dict[str, tuple[str, int, int, int]] = {}
    persons, ends = cx.person_spans(), span_ends(cx)
    for m in MEMBER_ROLE_RE.finditer(text):
        # a person's name before the role: read by an earlier stage, or a name's shape
        row = row_start(text, persons, ends, m.start())
        if row is None:
            continue
        at = m.end()
        sp = starts.get(at)
        # each with the row that says it ("Roger Ingvarsson, ledamot, Skinnskattebergs kommun")
        if sp is not None and sp.label_ == "MUNI":
            mu = resolve_municipality(sp.text)
            if mu and re.search(r"(?i)\b(?:kommun|stad)\b", sp.text):
                cands.setdefault("muni:" + mu.code, ("MUNI", sp.start_char, sp.end_char, row))
        elif sp is not None and sp.label_ == "REGION":
            cands.setdefault("region:" + sp.text.lower(), ("REGION", sp.start_char, sp.end_char, row))
        elif sp is not None and body_kind(sp.text) in ORGANISATION_KINDS:
            cands.setdefault("body:" + sp.text.lower(), ("BODY", sp.start_char, sp.end_char, row))
        else:
            om = ORG_WORD_RE.match(text, at)
            if om:
                cands.setdefault("org:" + om.group().lower(), ("ORG", at, om.end(), row))
    # a joint body's members sit for several organisations; members who all sit for one municipality ("…,
    # ledamot, Umeå kommun" in Umeå's own beredning) say nothing of member organisations; the home municipality
    # (the host's) is one of them where two others sit beside it
    if len([c for c in cands if c != f"muni:{home_code}"]) < 2:
        return
    for lab, a, b, row in cands.values():
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
            cx.claim("MEMBER_OF", k, top, row, b, "member-row", 0.8)



# "Ledningsgruppen för samverkan Region Jönköpings län och länets kommuner", "samverkansberedning
# Kommunerna-Landstinget": a joint body named by its parties
JOINT_RE = re.compile(r"(?i)\bsamverkan(?:s(?:beredning|grupp|råd|forum|organ)\w*)?[ \t\n]+(?:mellan[ \t\n]+)?")
_JOINT = Guarded(JOINT_RE, *ORGANISATION_GUARDS["joint"])  # ingest/scan.py
PARTY_RE = re.compile(r"(?:(?:länets|regionens|de|alla)[ \t]+)?[Kk]ommuner(?:na)?\b|[Ll]andstinget\b|[Rr]egionen\b")
REGION_NAME_RE = re.compile(rf"Region[ \t\n]+[{UP}][\w-]+(?:[ \t\n]+(?:län|[{UP}][\w-]+))?")
JOINT_SEP_RE = re.compile(r"[ \t\n]*(?:och|samt|,|-|–)[ \t\n]*")


def joint_name_members(cx: DocContext) -> None:
    """The parties a joint body's name lists are MEMBER_OF it."""
    text = cx.seg.masked
    if "amverkan" not in text:
        return
    regions = {sp.start_char: sp for sp in cx.spans["REGION"]}
    for m in _JOINT.finditer(text):
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


def municipality_column(cx: DocContext, top: str) -> None:
    """'Närvarande Ingemar Nyman, Bjurholm Dagmar Schröder, Bjurholm Ulla-Maj Andersson, Nordmaling …': those
    present sit for their municipalities; three or more municipalities are the body's (or its organisation's)
    members."""
    # only a joint body's: a region's or a municipality's own organs list their politicians' home towns too
    tp = cx.by_key[top].props
    if not (tp.get("kind") in JOINT_KINDS or (tp.get("kind") == "region" and not lexicon_region(tp.get("name", "")))):
        return
    text = cx.seg.masked
    found: dict[str, tuple[int, int, int, str]] = {}
    home = cx.by_key[cx.home_muni].props.get("code") if cx.home_muni else None
    head_end = content_start(cx) + 1500
    persons, ends = cx.person_spans(), span_ends(cx)
    # "Fredrik Larsson, Region Värmland och Peter Söderström, Arvika kommun" under an agenda point: those who
    # present it, not members; an attendance section inside an item still lists members
    # (a document has a few attendance sections; the spans are looked up among the items by bisection)
    sections = [(sec.start, sec.end) for sec in cx.seg.sections]
    items = sorted((it.start, it.end) for it in cx.seg.items
                   if not any(a <= it.start < b or it.start <= a < it.end for a, b in sections))
    item_starts = [a for a, _ in items]
    for sp in cx.spans["MUNI"]:
        base = max(0, sp.start_char - 60)
        before = text[base:sp.start_char]
        if not re.search(r",[ \t]*$", before) or cx.inside_person(sp.start_char):
            continue
        i = bisect.bisect_right(item_starts, sp.start_char) - 1
        if i >= 0 and sp.start_char < items[i][1]:
            continue
        # "Ingvar Persson (M), Bollnäs": the party after the name, in the head's lists (the name ends before it)
        pm = PARTY_BEFORE_PLACE_RE.search(before) if sp.start_char < head_end else None
        name = before[:pm.start()] if pm else before
        name = name.rstrip(" \t,")
        row = row_start(text, persons, ends, base + len(name))
        if row is None:
            continue
        mu = resolve_municipality(sp.text)
        if mu and mu.code not in found and (mu.code != home or sp.start_char < head_end):
            found[mu.code] = (row, sp.start_char, sp.end_char, sp.text)
    # the home municipality (the host's, the author's) counts in the head's list when three others sit beside it
    if len([c for c in found if c != home]) < 3:
        return
    for row, a, b, written in found.values():
        mk = municipality(cx, a, b, "member-column")
        if not mk:
            continue
        k = kommun_body(cx, mk, a, b, "member-column", written)
        if k != top:
            # the row that says it: "Ingemar Nyman, Bjurholm"
            cx.claim("MEMBER_OF", k, top, row, b, "member-column", 0.8)


def lexicon_region(raw: str) -> bool:
    raw = re.sub(r"\s+", " ", raw).strip().lower()
    return any(raw in (r.name.lower(), *(a.lower() for a in r.aliases)) for r in lexicon.regions())


# "Ledningsgruppen består av representanter från Region Jönköpings län och länets kommuner"
REPRESENTATIVES_RE = re.compile(r"(?i)\brepresentanter[ \t\n]+(?:från|för)[ \t\n]+")


def _footnoted(cx: DocContext, text: str, pos: int) -> tuple[str, int] | None:
    """'… – Maritgruppen 2, har vid sitt sammanträde …' and, below, the footnote '2\nPolitiska representanter
    från …': the joint body whose name carries the footnote's number, and where the footnote's number stands."""
    ls = text.rfind("\n", 0, pos) + 1
    if ls < 2:
        return None
    prev = text.rfind("\n", 0, ls - 1) + 1
    nm = re.fullmatch(r"[ \t]*(\d{1,2})[ \t]*", text[prev:ls - 1])
    at = prev
    if not nm:
        nm, at = re.match(r"[ \t]*(\d{1,2})[ \t]+(?=\S)", text[ls:pos]), ls
    if not nm:
        return None
    mark = re.compile(rf"[ \t]*{nm.group(1)}(?![\d.:-])")
    for k, _, e in reversed(bodies_in(cx, max(0, prev - 5000), prev)):
        if mark.match(text, e) and cx.by_key[k].props.get("kind") in JOINT_KINDS:
            return k, at + nm.start(1)
    return None


def representatives(cx: DocContext) -> None:
    """The organisations whose representatives a body has are MEMBER_OF it: the body named in the sentence
    before the phrase, else the document's own."""
    text = cx.seg.masked
    if "epresentanter" not in text:
        return
    spans = {sp.start_char: sp for sp in cx.spans["REGION"] + cx.spans["BODY"] + cx.spans["MUNI"]}
    for m in REPRESENTATIVES_RE.finditer(text):
        s, e = sentence_bounds(text, m.start())
        before = [b for b in bodies_in(cx, s, m.start()) if cx.by_key[b[0]].props.get("kind") in JOINT_KINDS]
        # the quote from where the body is named: its name in the sentence, or the footnote's number
        note = None if before else _footnoted(cx, text, m.start())
        target, said = (before[-1][0], before[-1][1]) if before else note or (cx.body_key, m.start())
        if not target:
            continue
        pos, parts = m.end(), []
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
            cx.claim("MEMBER_OF", k, target, said, parts[-1][1], "representatives", 0.8)
