"""Structure statements: reports to, prepares for, part of, succeeded, founded and dissolved, preparatory groups."""
from __future__ import annotations

import re

from ingest.extract.context import DocContext
from ingest.extract.entities import body, organ_of, self_reference
from ingest.extract.patterns import UP
from ingest.extract.references import anaphor, bodies_in, body_ref
from graph.text import sentence_bounds, sentences
from ingest.extract.names import definite
from ingest.nlp import organ_kind, organ_lemma
from ingest.scan import ORGANISATION_GUARDS, Guarded


STRUCTURE_RES = [
    # "X kommer ... att fungera som en samrådsgrupp kopplat till styrelsen"
    ("REPORTS_TO", re.compile(r"(?i)\b(?:kopplad|kopplat|knuten|knutet|underställd|underställt|ansvarig inför|"
                              r"rapporterar till|återrapporterar till|redovisar till|lyder under|svarar mot)\b")),
    ("PREPARES_FOR", re.compile(r"(?i)\b(?:bereder (?:ärenden )?(?:till|för|åt)|beredningsgrupp (?:till|för)|"
                                r"förbereder ärenden (?:till|för))\b")),
    # "Rådet för barn och unga ingår i Länsstyrgruppen"
    ("PART_OF", re.compile(r"(?i)\b(?:ingår i|är en del av|är en del i|tillhör)\b")),
    # "Länsstyrgruppen ersatte 2015 det tidigare Länssamverkansrådet"
    ("SUCCEEDED", re.compile(r"(?i)\b(?:ersatte|ersätter|efterträdde|efterträder|avlöste|tog över efter)\b")),
]

PREPARES_CASES_RE = re.compile(r"(?i)\b(?P<verb>bereder|förbereder)\b[^.]{0,60}?\b(?P<cases>ärenden|ärendena)\s+"
                               r"(?:som\s+)?(?:ska\s+|skall\s+)?(?:avgöras|avgörs|beslutas|behandlas)\s+"
                               r"(?:av|i)\s+")

# Words without which a sentence states no structure: checked first, so most sentences cost one search.
INVERTED_REPORT_RE = re.compile(r"(?i)\b(?:från och med|fr\.o\.m\.|sedan|numera|därefter|framöver|i fortsättningen|"
                                r"från|efter|under|nu)\b[^.\n]{0,40}?\b(?P<verb>rapporterar|återrapporterar|redovisar)"
                                r"[ \t]+(?:[^.\n]{2,80}?)[ \t]+(?P<prep>till|direkt till)\b")

STRUCTURE_TRIGGER = re.compile(r"kopplad|kopplat|knuten|knutet|underställ|ansvarig inför|rapporterar|redovisar till|"
                               r"tjänstemannaberedning|beredningsgrupp|"
                               r"lyder under|svarar mot|bereder|beredning|förbereder|etablerades|bildades|inrättades|"
                               r"startade|grundades|tillkom|presidi|styrelse|utskott|ingår i|en del av|tillhör|"
                               r"ersatte|ersätter|efterträd|avlöste|tog över efter|upplöst|avveckla|lagts ned|"
                               r"lades ned|ersatts|består av|bestående av")

DISSOLVED_RE = re.compile(r"(?i)\b(?:upplöst[s]?|upplöstes|avvecklats|avvecklades|lagts ned|lades ned|ersatts|ersattes)"
                          r"[ \t]+(?:med anledning av|i samband med|genom|av|när)[ \t]+")


def structure(cx: DocContext) -> None:
    text = cx.seg.masked
    done: set[int] = set()
    # searched in lower case without IGNORECASE: the engine can then skip ahead on the first letters
    for tm in STRUCTURE_TRIGGER.finditer(text.lower()):
        s, e = sentence_bounds(text, tm.start())
        if s in done:
            continue
        done.add(s)
        sent = text[s:e]
        if len(sent) < 15:
            continue
        bodies = bodies_in(cx, s, e)
        if not bodies:
            continue
        for type_, rx in STRUCTURE_RES:
            for m in rx.finditer(sent):
                before = [b for b in bodies if b[1] <= s + m.start()]
                after = [b for b in bodies if b[1] >= s + m.end()]
                tgt = after[0] if after else anaphor(cx, sent[m.end():], s + m.end(), bodies)
                if not before:  # "Beredningen rapporterar till …": the document's own body as the subject
                    first = re.match(r"[ \t]*(?P<w>[A-ZÅÄÖ][a-zåäö]+)\b", sent)
                    if first and self_reference(cx, first["w"]) and s + first.end() <= s + m.start():
                        before = [(cx.body_key, s + first.start("w"), s + first.end("w"))]
                if not before or not tgt:
                    continue
                # the subject: the last body named before the verb phrase, but not one that stands after a
                # preposition ("Välfärdsrådet är ett organ mellan Västra Götalandsregionen och kommunerna och
                # rapporterar till …": the region is no subject)
                free = [b for b in before if not re.search(r"(?i)\b(?:mellan|med|av|för|från|hos|inom|under)"
                                                           r"[ \t]+(?:\w+[ \t]+)?$", text[max(s, b[1] - 30):b[1]])]
                src = (free or before)[-1]
                targets = [tgt]
                # "rapporterar till hälso- och sjukvårdsnämnden och socialnämnden": both
                for nxt in after[1:]:
                    if re.fullmatch(r"[ \t]*(?:,|och|samt)[ \t]*", text[targets[-1][2]:nxt[1]]):
                        targets.append(nxt)
                    else:
                        break
                for t in targets:
                    if src[0] != t[0]:
                        cx.claim(type_, src[0], t[0], s, e, "structure-" + type_.lower())
        # inverted word order after an adverbial (Swedish V2): "Från och med 2024 rapporterar beredningen
        # till kommunfullmäktige": the subject stands between the verb and "till"
        for m in INVERTED_REPORT_RE.finditer(sent):
            inside = [b for b in bodies if s + m.end("verb") <= b[1] and b[2] <= s + m.start("prep")]
            after = [b for b in bodies if b[1] >= s + m.end()]
            if len(inside) == 1 and after and inside[0][0] != after[0][0]:
                cx.claim("REPORTS_TO", inside[0][0], after[0][0], s, e, "structure-reports_to-inverted")
        # "Primärkommunala rådet som har upplösts med anledning av Kommunförbundet Jämtland Härjedalens
        # bildande": the body named after the phrase succeeded the one before it
        for m in DISSOLVED_RE.finditer(sent):
            before = [b for b in bodies if b[1] <= s + m.start()]
            after = [b for b in bodies if b[1] >= s + m.end()]
            if before and after and before[-1][0] != after[0][0]:
                cx.claim("SUCCEEDED", after[0][0], before[-1][0], s, e, "structure-dissolved", 0.8)
        _preparatory_groups(cx, sent, s, e)
        _consists_of(cx, sent, s, e, bodies)
        _founding(cx, sent, s, e, bodies)
        _part_of_genitive(cx, sent, s, e)


# "den politiska gruppen bestående av regionstyrelsens arbetsutskott och …", "Styrgruppen består av
# socialnämnden och hälso- och sjukvårdsnämnden": the organs or organisations a group is made of
CONSISTS_RE = re.compile(r"[ \t]+(?:består|bestående)[ \t]+av[ \t\n]+")
# the group before the phrase, where no span names it: "(den) (politiska) gruppen"
GROUP_BEFORE_RE = re.compile(r"(?:(?P<adj>[a-zåäö]+a)[ \t]+)?(?P<n>[a-zåäö-]+)$")
MEMBER_GROUPS = ("grupp", "samrådsgrupp", "ledningsgrupp", "styrgrupp", "råd", "nätverk", "forum", "delegation",
                 "beredning", "kommitté", "arena", "förbund")


def _consists_of(cx: DocContext, sent: str, s: int, e: int, bodies: list[tuple[str, int, int]]) -> None:
    """Bodies named right after 'består av' / 'bestående av' are MEMBER_OF the group named right before it
    (people and titles after the phrase are no bodies: 'består av ordf. i kommunernas socialnämnder')."""
    if "består" not in sent and "bestående" not in sent:
        return
    for m in CONSISTS_RE.finditer(sent):
        a, b = s + m.start(), s + m.end()
        longest: dict[int, tuple[str, int]] = {}  # "regionstyrelsens arbetsutskott", not "regionstyrelsen"
        for k, bs, be in bodies:
            if bs >= b and (bs not in longest or be > longest[bs][1]):
                longest[bs] = (k, be)
        members, pos, end = [], b, b
        while pos in longest and cx.by_key[longest[pos][0]].props.get("kind") is not None:
            k, end = longest[pos]
            members.append(k)
            sep = re.match(r"[ \t\n]*(?:,|och|samt)[ \t\n]+", cx.seg.masked[end:end + 12])
            if not sep:
                break
            pos = end + sep.end()
        if not members:
            continue
        named = [(bk, bs) for bk, bs, be in bodies if be == a]
        if named:
            group, from_ = named[0]
        else:
            gm = GROUP_BEFORE_RE.search(sent, max(0, m.start() - 40), m.start())
            if not gm or organ_kind(gm["n"]) not in MEMBER_GROUPS:
                continue
            from_ = s + gm.start()
            group = body(cx, sent[gm.start():m.start()], from_, a, "consists-of", conf=0.8)
        if cx.by_key[group].props.get("kind") not in MEMBER_GROUPS:
            continue
        for k in members:
            if k != group:
                # quoted from the group's name to the last member: "styrgruppen bestående av … och socialnämnden"
                cx.claim("MEMBER_OF", k, group, from_, end, "consists-of", 0.8)


# "Delgivning av beslut i individutskottet", "Rapportering från de tre strategigrupperna", "Rapporter från
# regionstyrelsens beredningar": the named group reports to the document's body
REPORTED_RE = re.compile(r"(?i)\b(?:(?:delgivning(?:ar)?|anmälan|redovisning)[ \t]+av[ \t]+(?:beslut|protokoll)[ \t]+"
                         r"(?:fattade[ \t]+)?(?:i|från)|rapport(?:er|ering)?[ \t]+från)[ \t]+"
                         r"(?:(?:de|det|den)[ \t]+(?:\w+[ \t]+)?)?(?=\w)")
_REPORTED = Guarded(REPORTED_RE, *ORGANISATION_GUARDS["reported"])  # ingest/scan.py
# "Tillväxtberedningens protokoll" among the delgivningar
PROTOCOL_OF_RE = re.compile(rf"\b(?P<b>[{UP}][\w-]+?)(?::s|s)[ \t]+protokoll\b")
PROTOCOL_FROM_RE = re.compile(r"\b[Pp]rotokoll[ \t]+från[ \t]+(?=[A-ZÅÄÖa-zåäö])")
# "Arbetsutskottet föreslår styrelsen besluta", "… föreslår kommunstyrelsen att besluta"
PROPOSES_RE = re.compile(r"\bföreslår[ \t]+(?P<t>[\wåäöÅÄÖ-]+)[ \t]+(?:att[ \t]+)?(?:besluta|fatta[ \t]+beslut|anta|"
                         r"godkänna|fastställa)\b")
PROPOSAL_OF_RE = re.compile(r"(?i)\b(?:(?P<g>[a-zåäö-]*(?:utskott|beredning|presidi)\w*?)(?::s|s)[ \t]+förslag|"
                            r"förslag[ \t]+från[ \t]+(?P<f>[a-zåäö-]*(?:utskottet|beredningen|presidiet)))\b")
# "Beredning inför regionstyrelsen"
BEFORE_RE = re.compile(r"(?i)\bberedning(?:en)?[ \t]+(?:inför|till)[ \t]+(?=\w)")
ORGAN_GROUPS = ("utskott", "beredning", "grupp", "samrådsgrupp", "ledningsgrupp", "styrgrupp", "råd", "nätverk",
                "forum", "presidium", "kommitté", "delegation", "arena")
# whose minutes delivered to the body are a report to it: its own preparing organs (a council's are advice; a
# group's or network's may be a joint one's, 'Protokoll från Skogslänsgruppen')
REPORTING_GROUPS = ("utskott", "beredning", "presidium", "kommitté", "delegation")


def _named_at(cx: DocContext, pos: int, kinds: tuple[str, ...] | None = None) -> tuple[str, int] | None:
    """The body named at pos: a span or abbreviation there, or a bare organ word ('individutskottet',
    'strategigrupperna': the group, named in the singular)."""
    m = re.match(r"(?P<w>[\wåäöÅÄÖ-]+?)(?::s|s)?[ \t]+(?P<o>beredningar|beredningen|beredning|utskott|"
                 r"arbetsutskott|presidium|presidiet)\b", cx.seg.masked[pos:pos + 80])
    if m and organ_kind(m["w"]) and organ_kind(m["w"]) not in ("förbund", "region"):
        own = cx.by_key[cx.body_key].props.get("name", "").lower() if cx.body_key in cx.by_key else ""
        owner = cx.body_key if self_reference(cx, m["w"]) or m["w"].lower() == own else body(cx, m["w"], pos, pos + m.end("w"),
                                                                  "reported", conf=0.8)
        return organ_of(cx, owner, m["o"], pos, pos + m.end(), "reported", 0.8,
                        name=cx.text[pos:pos + m.end()]), pos + m.end()
    hit = [b for b in bodies_in(cx, pos, pos + 80) if b[1] == pos]
    plural = re.match(r"[a-zåäö][\wåäö-]+(?:erna|arna|orna)\b", cx.seg.masked[pos:pos + 60])
    if hit and not plural:
        k = hit[0][0]
        if kinds is None or cx.by_key[k].props.get("kind") in kinds:
            return k, hit[0][2]
        return None
    m = re.match(r"[a-zåäö][\wåäö-]+", cx.seg.masked[pos:pos + 60])
    if not m or not organ_kind(m.group()) or (kinds and organ_kind(m.group()) not in kinds):
        return None
    w = m.group()
    if re.search(r"(?:erna|arna|orna)$", w):  # "strategigrupperna": the group
        name = definite(organ_lemma(w))
    else:
        name = w
    k = body(cx, name, pos, pos + len(w), "reported", conf=0.8)
    if cx.by_key[k].props.get("name") == w:  # an earlier stage named the group by the plural
        cx.by_key[k].props["name"] = name
    return k, pos + len(w)


def reported(cx: DocContext) -> None:
    """A group whose decisions or reports come to the document's body REPORTS_TO it; a body that proposes
    another's decision, or prepares for it, PREPARES_FOR it."""
    own = cx.body_key
    if not own or own not in cx.by_key:
        return
    text = cx.seg.masked
    low = text.lower()
    if "från" in low or "av beslut" in low:
        for m in _REPORTED.finditer(text):
            hit = _named_at(cx, m.end(), ORGAN_GROUPS)
            if hit and hit[0] != own:
                cx.claim("REPORTS_TO", hit[0], own, m.start(), hit[1], "reported-to-body", 0.8)
    if "protokoll" in low and ("delgivning" in low or "anmäl" in low):
        for m in PROTOCOL_OF_RE.finditer(text):
            if not re.search(r"(?i)delgivning|anmäl", text[max(0, m.start() - 300):m.start()]):
                continue
            if not organ_kind(m["b"]) or organ_kind(m["b"]) not in ORGAN_GROUPS:
                continue
            k = body(cx, m["b"], m.start("b"), m.end("b"), "reported", conf=0.8)
            if k != own:
                cx.claim("REPORTS_TO", k, own, m.start(), m.end(), "reported-protocol", 0.8)
        # "b Protokoll från Länshandikapprådet c Protokoll från Tillväxtberedningen": the beredning reports
        for m in PROTOCOL_FROM_RE.finditer(text):
            if not re.search(r"(?i)delgivning|anmäl", text[max(0, m.start() - 300):m.start()]):
                continue
            hit = _named_at(cx, m.end(), REPORTING_GROUPS)
            if hit and hit[0] != own:
                cx.claim("REPORTS_TO", hit[0], own, m.start(), hit[1], "reported-protocol", 0.8)
    if "föreslår" in low:
        for m in PROPOSES_RE.finditer(text):
            t = m["t"]
            if not organ_kind(t):
                continue
            # "Förslag till beslut: Arbetsutskottet föreslår Direktionen besluta": the sentence begins after ':'
            s_ = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()),
                     text.rfind(":", max(0, m.start() - 60), m.start())) + 1
            src = [b for b in bodies_in(cx, s_, m.start()) if not text[b[2]:m.start()].strip()]
            first = re.match(r"[ \t]*(?P<w>[A-ZÅÄÖ][a-zåäö]+)[ \t]+$", text[s_:m.start()])
            sk = src[-1][0] if src else (own if first and (self_reference(cx, first["w"]) or
                                                            first["w"].lower() == cx.by_key[own].props.get(
                                                                "name", "").lower()) else None)
            if not sk:
                continue
            owner = next((c.dst for c in cx.claims_of("PART_OF") if c.src == sk), None)
            ta = m.start("t")
            if owner and organ_lemma(t) in ("styrelse", "nämnd", "fullmäktige") and t[:1].islower():
                tk = organ_of(cx, owner, t, ta, ta + len(t), "proposes", 0.8, name=t) \
                    if cx.by_key[owner].props.get("kind") in ("förbund", "region", "organisation") else owner
            else:
                tk = body(cx, t, ta, ta + len(t), "proposes", conf=0.8)
            if tk != sk:
                cx.claim("PREPARES_FOR", sk, tk, s_, m.end(), "proposes", 0.8)
    # "Arbetsutskottets förslag", "Förslag från presidiet": in a styrelse's or nämnd's minutes, the organ
    # whose proposal it decides on prepares for it
    if "förslag" in low and cx.by_key[own].props.get("kind") in ("styrelse", "nämnd", "fullmäktige"):
        for m in PROPOSAL_OF_RE.finditer(text):
            w = m["g"] or m["f"]
            if organ_kind(w) not in ("utskott", "beredning", "presidium"):
                continue
            a = m.start("g") if m["g"] else m.start("f")
            k = organ_of(cx, own, w, a, a + len(w), "proposal-of", 0.8, name=cx.text[a:a + len(w)]) \
                if w.lower().startswith(("arbetsutskott", "presidi", "au")) else \
                body(cx, w, a, a + len(w), "proposal-of", conf=0.8)
            if k != own:
                cx.claim("PREPARES_FOR", k, own, m.start(), m.end(), "proposal-of", 0.8)
    if "beredning" in low:
        for m in BEFORE_RE.finditer(text):
            hit = _named_at(cx, m.end())
            if hit and hit[0] != own and cx.by_key[own].props.get("kind") in ORGAN_GROUPS:
                cx.claim("PREPARES_FOR", own, hit[0], m.start(), hit[1], "prepares-before", 0.8)


def prepares_cases(cx: DocContext) -> None:
    """'(X) bereder (X) ärenden som ska avgöras av Y': X prepares for Y, its subject before or after the verb;
    the sentence may wrap over a line."""
    text = cx.seg.masked
    for m in PREPARES_CASES_RE.finditer(text):
        s = max(text.rfind(".", 0, m.start()) + 1, text.rfind("\n\n", 0, m.start()) + 2, 0)
        e = text.find(".", m.end())
        e = len(text) if e < 0 else e + 1
        bodies = bodies_in(cx, s, e)
        tgt = [b for b in bodies if b[1] >= m.end()]
        src = [b for b in bodies if m.start("verb") <= b[1] < m.start("cases")] or \
            [b for b in bodies if b[1] < m.start("verb")][-1:]
        if src and tgt and src[0][0] != tgt[0][0]:
            while s < e and text[s].isspace():
                s += 1
            cx.claim("PREPARES_FOR", src[0][0], tgt[0][0], s, e, "structure-prepares_for", 0.9)


def _preparatory_groups(cx: DocContext, sent: str, s: int, e: int) -> None:
    """'… tjänstemannaberedningar (SVOM: Fredaggruppen och SamReKo HSI, Barnarenan: SamReKo HSI)':
    each group before a colon is prepared for by the bodies after it."""
    m = re.search(r"(?i)(beredning\w*|beredningsgrupp\w*|tjänstemannagrupp\w*)[^()]{0,40}\((?P<inner>[^()]+:[^()]+)\)",
                  sent)
    if not m:
        # "Till Länsstyrgruppen finns två tjänstemannaberedningar: A och B.": the groups after the colon
        # prepare for the body named before it
        cm = re.search(r"(?i)\b(?:tjänstemannaberedning\w*|beredningsgrupp\w*|beredningar|tjänstemannagrupp\w*)"
                       r"[ \t]*:", sent)
        if not cm:
            return
        bodies = bodies_in(cx, s, e)
        heads = [b for b in bodies if b[2] <= s + cm.start()]
        groups = [b for b in bodies if b[1] >= s + cm.end()]
        if heads and groups:
            for gk, _, _ in groups:
                if gk != heads[-1][0]:
                    cx.claim("PREPARES_FOR", gk, heads[-1][0], s, e, "preparatory-groups")
        return
    inner_a = s + m.start("inner")
    for gm in re.finditer(r"(?P<head>[^:,]+):(?P<list>[^:]+?)(?=,[^,:]+:|$)", m["inner"]):
        head = gm["head"].strip()
        ha = inner_a + gm.start("head") + gm["head"].index(head)
        hk = body_ref(cx, head, ha)
        if not hk:
            continue
        for it in re.finditer(r"[^,]+?(?=\s+och\s+|,|$)", gm["list"]):
            p = it.group().strip()
            p = re.sub(r"^(och|samt)\s+", "", p)
            if not p:
                continue
            pa = inner_a + gm.start("list") + gm["list"].index(p, it.start())
            pk = body_ref(cx, p, pa) or body(cx, p, pa, pa + len(p), "preparatory-group", conf=0.8)
            if pk and pk != hk:
                cx.claim("PREPARES_FOR", pk, hk, s, e, "preparatory-groups")


def _founding(cx: DocContext, sent: str, s: int, e: int, bodies: list) -> None:
    """'Med start under 2005 etablerades X'; and 'Dessförinnan … inom ramen för … Y' in the next sentence:
    X succeeded Y."""
    m = re.search(r"(?i)\b(etablerades|bildades|inrättades|startade|grundades|tillkom)\b", sent)
    if not m or not bodies:
        return
    yr = re.search(r"\b(19|20)\d\d\b", sent)
    # the founded body: the first one after the verb, or the subject before it
    after = [b for b in bodies if b[1] >= s + m.end()]
    before = [b for b in bodies if b[2] <= s + m.start()]
    subject = after[0] if after and re.search(r"(?i)etablerades|bildades|inrättades|grundades", m.group()) \
        else (before[0] if before else None)
    if not subject:
        return
    if yr:
        bm = cx.by_key[subject[0]]
        bm.props.setdefault("founded", yr.group())
    nxt = next(sentences(cx.seg.masked, e), None)
    if nxt and re.match(r"(?i)\s*(dessförinnan|innan dess|före dess|tidigare)\b", cx.seg.masked[nxt[0]:nxt[1]]):
        for k, a, b in bodies_in(cx, *nxt):
            if k != subject[0] and cx.by_key[k].props.get("kind") not in ("region",) and \
                    not k.startswith("body:region"):
                cx.claim("SUCCEEDED", subject[0], k, s, nxt[1], "founding-sequence", 0.8)


def _part_of_genitive(cx: DocContext, sent: str, s: int, e: int) -> None:
    """'SocSam:s presidium', 'Kommunförbundets styrelse', 'Socialnämndens arbetsutskott' -> PART_OF."""
    for m in re.finditer(rf"(?P<owner>[{UP}][\w-]+(?:[ \t]+[{UP}][\w-]+){{0,3}})(?::s|s)[ \t]+"
                         rf"(?P<organ>presidium|presidiet|styrelse|arbetsutskott|utskott|beredning)\b", sent):
        owner = m["owner"]
        oa = s + m.start("owner")
        ok = cx.abbr.get(owner) or (body(cx, owner, oa, oa + len(owner), "genitive-organ", conf=0.9)
                                    if organ_kind(owner.split()[-1]) or owner.startswith(("Kommunförbund",
                                                                                          "Region")) else None)
        if not ok:
            continue
        organ_of(cx, ok, m["organ"], s + m.start(), s + m.end(), "genitive-organ", 0.9)
