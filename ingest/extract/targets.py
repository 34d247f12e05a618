"""Where a referral goes: the bodies named right after its verb — one or a list ('Region Jämtland Härjedalen och
kommunerna', a distribution list one name a line), by abbreviation, body or region name, a word for several
organisations at once ('kommunerna', 'landstinget'), a genitive before 'sammanträde' ('styrelsens nästa
sammanträde') or a bare organ word that the document's own body or its organisation gives an owner ('styrelsen' in
an arbetsutskott's minutes)."""
from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from graph.model import Hints
from graph.text import sentence_bounds
from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import body, organ_of, region, self_reference, set_kind
from ingest.extract.names import body_kind, norm_body
from ingest.extract.patterns import LOW, UP
from ingest.extract.vocabulary import NOT_ABBR, OWNED_ORGANS
from ingest.nlp import organ_kind, organ_lemma

# before a target: an article or a quantifier that is no part of its name
_LEAD = re.compile(r"[ \t]*(?:(?:det|den|de|samtliga|alla|berörda)[ \t]+(?=\w))?")
# between two targets of one list; a line break only in a distribution list
_SEP = re.compile(r"[ \t]*(?:,|;|\boch\b|\bsamt\b|\brespektive\b)[ \t]*(?:\n[ \t]*)?")
_LINE_SEP = re.compile(r"[ \t]*(?:[,;])?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[-–•*][ \t]+)?")
# "styrelsens nästa sammanträde": the body whose meeting a matter is taken up at
_MEETING = re.compile(r"(?::s|s)?[ \t]+(?:nästa[ \t]+|kommande[ \t]+|ordinarie[ \t]+)?(?:sammanträde|möte)\b")
_ADJ_ORGAN = re.compile(rf"(?P<adj>[{LOW}]+a)[ \t]+(?P<organ>[{LOW}]+)\b")
_WORD = re.compile(rf"[{UP}{LOW}][{LOW}-]*[{LOW}]")
# adjectives before an organ word that say which one without naming it ("nya nämnden", "berörda nämnder")
_NOT_NAMING = frozenset({"nya", "hela", "samma", "egna", "andra", "olika", "båda", "berörda", "aktuella", "gamla",
                         "nästa", "övriga", "respektive", "gemensamma", "politiska", "ansvariga", "sådana",
                         "vissa", "flera", "enda", "första", "sista", "denna", "dessa", "varje", "alla", "inga"})
_ENTRY = re.compile(r"[^\s,;.:][^,;.:\n]{0,38}(?:,[ \t]*\n?[ \t]*|[ \t]*\n(?![ \t]*\n)[ \t]*(?:[-–•*][ \t]+)?)")
_PAREN = re.compile(r"[ \t]*\([^()]{1,80}\)")
_BLANKS = re.compile(r"[ \t]+")
# the first part of the compound that names a municipality's, region's or association's top organ
_OWN_ORGAN_PREFIXES = ("kommun", "region", "förbunds", "landstings")
_SPAN_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_END_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# an acronym written right before a place ('OFB 15-05-20', 'från FK till NNS')
_ACRONYM_BEFORE = re.compile(rf"(?<![\w-])[{UP}][{UP}A-Za-zåäö]{{1,6}}$")


@cache
def _collectives() -> tuple[tuple[re.Pattern, str], ...]:
    rows = sorted(lexicon.rules_csv("collective_bodies.csv"), key=lambda r: -len(r["phrase"]))
    # "kommunerna i Örebro län": the county named after the word is part of the name
    return tuple((re.compile(rf"(?i){re.escape(r['phrase'])}(?:[ \t]+i[ \t]+[{UP}][{LOW}]+[ \t]+län)?(?![\w-])"),
                  r["kind"]) for r in rows)


def _spans_at(cx: DocContext, pos: int):
    """The body and region spans that begin at pos."""
    idx = _SPAN_INDEX.get(cx)
    if idx is None:
        spans = sorted(cx.spans["BODY"] + cx.spans["REGION"], key=lambda sp: (sp.start_char, -sp.end_char))
        idx = _SPAN_INDEX[cx] = ([sp.start_char for sp in spans], spans)
    starts, spans = idx
    i = bisect.bisect_left(starts, pos)
    out = []
    while i < len(spans) and starts[i] == pos:
        out.append(spans[i])
        i += 1
    return out


def _spans_ending(cx: DocContext, pos: int):
    """The body and region spans that end at pos."""
    idx = _END_INDEX.get(cx)
    if idx is None:
        idx = _END_INDEX[cx] = {}
        for sp in cx.spans["BODY"] + cx.spans["REGION"]:
            idx.setdefault(sp.end_char, []).append(sp)
    return sorted(idx.get(pos, ()), key=lambda sp: sp.start_char)


@dataclass(frozen=True)
class Target:
    """A body named at start:end; `make()` reads it into the document (a mention) only when the referral holds."""
    start: int
    end: int
    make: Callable[[], str | None]


def target_at(cx: DocContext, pos: int, limit: int, rule: str) -> Target | None:
    """The one body named at pos (after an article)."""
    text = cx.seg.masked
    lead = _LEAD.match(text, pos, limit)
    p = lead.end() if lead else pos
    if p >= limit:
        return None
    window = text[p:min(limit, p + 120)]
    abbr = cx.abbr
    if cx.abbr_longest_first[0] != len(abbr):  # define_abbr only adds: the count says whether the keys changed
        cx.abbr_longest_first = (len(abbr), sorted(abbr, key=len, reverse=True))
    for short in cx.abbr_longest_first[1]:
        if window.startswith(short) and not re.match(r"[\w-]", window[len(short):len(short) + 1]):
            return Target(p, p + len(short), lambda k=abbr[short]: k)
    for sp in _spans_at(cx, p):
        if sp.end_char > limit or cx.inside_person(sp.start_char):
            continue
        if sp.label_ == "REGION":
            return Target(sp.start_char, sp.end_char,
                          lambda sp=sp: region(cx, sp.start_char, sp.end_char, rule))
        return Target(sp.start_char, sp.end_char, lambda sp=sp: cx.containing_body(sp) or body(
            cx, sp.text, sp.start_char, sp.end_char, rule))
    wm = _WORD.match(window)
    if wm and wm.group().lower() in ("regionen", "regionens") and cx.home_region:
        return Target(p, p + wm.end(), lambda: cx.home_region)  # the document's own region, where it has one
    t = collective_at(cx, p, limit, rule)
    if t:
        return t
    # "lyfts till SVOM", "SamReKo HSI": an acronym this document does not define
    ac = re.match(rf"[{UP}][A-Za-zÅÄÖåäö]{{1,7}}(?:[ \t][A-ZÅÄÖ]{{2,5}})?(?![\w-])", window)
    if ac and sum(c.isupper() for c in ac.group().split()[0]) >= 2 and ac.group().split()[0] not in NOT_ABBR:
        return Target(p, p + ac.end(), lambda a=ac.group(): body(cx, a, p, p + len(a), rule, short=a, conf=0.7))
    if not wm:
        return None
    word = wm.group()
    am = _ADJ_ORGAN.match(window)
    if am and am["adj"] not in _NOT_NAMING and organ_kind(am["organ"]) and _definite(am["organ"]):
        # "tekniska förvaltningen", "sociala utskottet": an organ named by its field
        return Target(p, p + am.end(), lambda e=p + am.end(): body(cx, text[p:e], p, e, rule, conf=0.9))
    if organ_kind(word) and _definite(word):
        make = bare_organ(cx, word, p, p + wm.end(), rule)
        if make:
            return Target(p, p + wm.end(), make)
    return None


def target_before(cx: DocContext, pos: int, rule: str, genitive: bool = False) -> Target | None:
    """The one body whose name ends right at pos ('Kommunförbundet Blekinge anhåller', 'OFB 15-05-20'); with
    genitive, written in the genitive ('Kommunförbundet Blekinges anhållan', 'SVOM:s begäran')."""
    text = cx.seg.masked
    ends = [pos]
    if genitive:
        if text.endswith(":s", 0, pos):
            ends = [pos - 2]
        elif text.endswith("s", 0, pos) and not text.endswith("ss", 0, pos):
            ends = [pos - 1, pos]
        else:
            return None
    for e in ends:
        for sp in _spans_ending(cx, e):
            t = target_at(cx, sp.start_char, e, rule)
            if t and t.end == e:
                return t
        word = _ACRONYM_BEFORE.search(text, max(0, e - 8), e)
        if word and sum(c.isupper() for c in word.group()) >= 2:
            t = target_at(cx, word.start(), e, rule)
            if t and t.end == e and t.start == word.start():
                return t
    return None


def collective_at(cx: DocContext, p: int, limit: int, rule: str) -> Target | None:
    """A word for several organisations at once at p ('kommunerna', 'landstinget', 'nämnderna')."""
    window = cx.seg.masked[p:min(limit, p + 120)]
    for rx, kind in _collectives():
        m = rx.match(window)
        if m:
            name = re.sub(r"\s+", " ", m.group())
            name = name[0].lower() + name[1:]
            return Target(p, p + m.end(), lambda name=name, e=p + m.end(), kind=kind: _collective(
                cx, name, kind, p, e, rule))
    return None


def _collective(cx: DocContext, name: str, kind: str, a: int, b: int, rule: str) -> str:
    """'kommunerna', 'landstinget': the ones of the document's own region where it has one (the municipalities
    of Jämtland are not those of Örebro län), else as written."""
    region = cx.home_region.split(":", 1)[1] if cx.home_region else None
    if not region and kind == "nämnd" and cx.home_muni:
        # "nämnderna" of the municipality: all its committees, not this document's own (which a bare organ word is)
        muni = cx.home_muni
        k = cx.mention(f"body:{norm_body(name)}@{muni}", "Body", {"name": name, "kind": kind,
                                                                   "municipality": muni.split(":", 1)[1]},
                       a, b, rule, 0.9)
        # the sentence that speaks of them ("Kommunstyrelsen har beslutat att nämnderna ska redovisa …"), not the
        # bare word
        w0 = max(0, a - 300)
        s0, e0 = sentence_bounds(cx.seg.masked[w0:b + 300], a - w0)
        cx.claim("BELONGS_TO", k, muni, w0 + s0, w0 + max(e0, b - w0), rule, 0.9)
        return k
    if not region:
        return set_kind(cx, body(cx, name, a, b, rule, conf=0.9), kind)
    return cx.mention(f"body:{norm_body(name)}@{region}", "Body", {"name": name, "kind": kind}, a, b, rule, 0.9,
                      Hints(region=region))


def _definite(word: str) -> bool:
    w = word.lower()
    return w.endswith(("en", "et", "ens", "ets", "fullmäktige", "fullmäktiges", "ns")) and not w.endswith("ern")


def bare_organ(cx: DocContext, word: str, a: int, b: int, rule: str) -> Callable[[], str | None] | None:
    """'styrelsen', 'nämndens': a bare organ word is the document's own body ('Utskottet' in an utskott's
    minutes), its owner ('styrelsen' in the minutes of Förbundsstyrelsens arbetsutskott), the one body of the
    document whose name ends in that word ('kommunstyrelsen' written before), or the organ of the one
    organisation the document names ('Kommunförbundet Skånes styrelse'); else none."""
    lemma = organ_lemma(word.rstrip(":"))
    if lemma not in lexicon.organ_stop():  # "kommunstyrelsen": a name of its own
        return lambda: body(cx, word, a, b, rule)
    own = cx.body_key
    if own and own in cx.by_key and self_reference(cx, word):
        return lambda: own
    if own and own in cx.by_key:
        owner = cx.by_key[own].hints.owner
        if owner and owner in cx.by_key:
            oname = cx.by_key[owner].props.get("name", "").split()
            if oname and organ_lemma(oname[-1]).endswith(lemma):
                return lambda: owner
            if lemma in OWNED_ORGANS:
                return lambda: organ_of(cx, owner, lemma, a, b, rule, 0.8)
    same, orgs = set(), set()
    for m in cx.mentions_of("Body"):
        if m.key == own:
            continue
        words = m.props.get("name", "").split()
        if not words:
            continue
        last = organ_lemma(words[-1].lower())
        # "styrelsen" after "Kommunstyrelsen": the municipality's, region's or association's own organ of that
        # kind (not Länsstyrelsen or Socialstyrelsen, authorities of their own)
        if len(words) == 1 and last.endswith(lemma) and last.startswith(_OWN_ORGAN_PREFIXES) and not m.hints.owner:
            same.add(m.key)
        if m.props.get("kind") in ("förbund", "organisation", "region"):
            orgs.add(m.key)
    if len(same) == 1:
        k = same.pop()
        return lambda: k
    if same or lemma not in OWNED_ORGANS:
        return None
    if len(orgs) == 1:
        o = orgs.pop()
        return lambda: _organ_named_as_written(cx, o, lemma, a, b, rule)
    if orgs:
        return None
    # the organisation the document names but has not read yet ("Kommunförbundet Skåne" in its head)
    named = {}
    for sp in cx.spans["BODY"]:
        if body_kind(sp.text) == "förbund" and not cx.inside_person(sp.start_char):
            named.setdefault(norm_body(sp.text), sp)
    if len(named) == 1:
        sp = next(iter(named.values()))
        return lambda: _organ_named_as_written(cx, body(cx, sp.text, sp.start_char, sp.end_char, rule, conf=0.9),
                                               lemma, a, b, rule)
    return None


def _organ_named_as_written(cx: DocContext, owner: str, lemma: str, a: int, b: int, rule: str) -> str:
    """'styrelsen' of the one association the document names: 'Styrelsen för Kommunförbundet Skåne', the word the
    text writes and whose it is (the same body as 'Kommunförbundet Skånes styrelse' elsewhere: one key per owner and
    organ)."""
    written = cx.text[a:b].rstrip(":")
    written = written[:-1] if written.endswith("s") and organ_kind(written[:-1]) else written
    op = cx.by_key[owner].props
    k = cx.mention(f"body:{owner.split(':', 1)[1]}#{lemma}", "Body",
                   {"name": f"{written[:1].upper()}{written[1:].lower()} för {op.get('short') or op['name']}",
                    "kind": organ_kind(lemma) or lemma}, a, b, rule, 0.8,
                   Hints(owner=owner, organ=lemma, region=cx.by_key[owner].hints.region))
    cx.claim("PART_OF", k, owner, a, b, rule, 0.8)
    return k


def targets_at(cx: DocContext, pos: int, limit: int, rule: str, lines: bool = False,
               meeting: bool = False) -> list[Target]:
    """The bodies named from pos on: 'X', 'X och Y', 'X, Y samt Z' (and one a line, given lines); with meeting,
    a genitive before 'sammanträde' or 'möte' ('vid styrelsens nästa sammanträde')."""
    out: list[Target] = []
    text = cx.seg.masked
    p, entries, passed = pos, 0, 0
    while p < limit and entries < 12:
        entries += 1
        t = target_at(cx, p, limit, rule)
        if t is None and meeting:
            t = _meeting_of(cx, p, limit, rule)
        if t is None and lines:
            # "Beslutet skickas till: Socialchefen, Kommunstyrelsen, Akten": a person or file in the list is
            # passed over (an entry of a few words that ends at a comma or a line's end)
            em = _ENTRY.match(text, p, limit)
            if em and passed < 2:
                p, passed = em.end(), passed + 1
                continue
        if t is None:
            break
        passed = 0
        out.append(t)
        p = t.end
        # "landstinget (nuvarande Region Örebro län)": a parenthesis that says more of the one before
        p = after_paren(text, p, limit)
        if meeting and _MEETING.match(text, p, limit):
            break
        sm = (_LINE_SEP if lines else _SEP).match(text, p, limit)
        if (not sm or sm.end() == p) and lines:
            # a list run into one line (a PDF's text): "Expedieras till Kommunstyrelsen Region Örebro län"
            sm = _SEP.match(text, p, limit) or _BLANKS.match(text, p, limit)
        if not sm or sm.end() == p:
            break
        p = sm.end()
    return out


def after_paren(text: str, p: int, limit: int) -> int:
    """Past a parenthesis right after a target ('landstinget (nuvarande Region Örebro län), att …')."""
    m = _PAREN.match(text, p, limit)
    return m.end() if m else p


def _meeting_of(cx: DocContext, p: int, limit: int, rule: str) -> Target | None:
    """'styrelsens nästa sammanträde', 'Socialnämndens möte': the genitive's body."""
    text = cx.seg.masked
    lead = _LEAD.match(text, p, limit)
    q = lead.end() if lead else p
    wm = _WORD.match(text, q, limit)
    if not wm or not wm.group().endswith("s") or not organ_kind(wm.group()[:-1]):
        return None
    if not _MEETING.match(text, wm.end() - 1, limit):
        return None
    make = bare_organ(cx, wm.group()[:-1], q, wm.end(), rule)
    return Target(q, wm.end(), make) if make else None
