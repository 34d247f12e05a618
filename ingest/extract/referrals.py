"""Referrals: 'överlämnas till SVOM', 'föreslår kommunfullmäktige besluta', 'beslutar att rekommendera Region X och
kommunerna att', 'tas upp vid styrelsens nästa sammanträde', 'Expedieras till' lists, a route of bodies with their
days ('OFB 15-05-20 AU 15-06-03'), bodies given the chance to comment — the matter an item sends to a body (or, for
'Svar på remiss från kommunstyrelsen', 'X:s anhållan om', 'lyfts av X', that a body sent to this one)."""
from __future__ import annotations

import re
import weakref

from graph.model import Hints
from graph.text import wrapped_sentence_start
from ingest import lexicon
from ingest.extract.assignments import ASSIGN_RES
from ingest.extract.context import DocContext
from ingest.extract.entities import self_reference
from ingest.extract.names import norm_body
from ingest.extract.targets import after_paren, target_at, target_before, targets_at
from ingest.nlp import organ_kind
from ingest.scan import REFERRAL_GUARDS, Guarded
from ingest.segment import Item

W = r"[\wåäöÅÄÖ-]+"
# The letters a referral verb may begin with: a look at one character before the many alternatives are tried, which
# more than halves the time the pattern takes (tests/test_referrals.py checks the guard never changes what it finds).
VERB_INITIALS = "abdfghilrstuvyåö"
REFERRAL_RE = re.compile(
    rf"(?i)\b(?=[{VERB_INITIALS}])"
    r"(?P<verb>(?:överlämnar|överlämna|översänder|översända|skickar|skicka|remitterar|remittera|lämnar|lämna|"
    r"anmäler|anmäla|"
    r"hänvisar|hänvisa|vidarebefordrar|vidarebefordra|sänder|sända|återremitterar|återremittera)"
    r"(?:[ \t]+(?!till\b)[a-zåäö-]+){1,4}(?=[ \t]+till\b)|"
    # "föreslår kommunfullmäktige besluta", "föreslås fullmäktige att anta": a proposal sent on to the body that
    # decides
    rf"(?:föreslår|föreslås|föreslog|föreslå)(?=[ \t]+{W}(?:[ \t]+{W}){{0,4}}?[ \t]+(?:att[ \t]+)?besluta\b|"
    rf"[ \t]+{W}(?:[ \t]+{W}){{0,3}}?[ \t]+att[ \t]+(?:anta|godkänna|fastställa|bevilja|avslå|bifalla|"
    r"teckna|ingå|utse|upphäva|revidera)\b)|"
    # "Kommunstyrelsen rekommenderar kommunfullmäktige att besluta"
    rf"(?:rekommenderar|rekommenderas)(?=[ \t]+{W}(?:[ \t]+{W}){{0,4}}?[ \t]+(?:att[ \t]+)?besluta\b)|"
    # "Överlämnande av medborgarförslag till kommunstyrelsen"
    r"överlämnande(?:[ \t]+(?!till\b)[\wåäö-]+){0,4}(?=[ \t]+till\b)|"
    # "föreslår att kommunfullmäktige beslutar"
    rf"föreslår[ \t]+att(?=[ \t]+{W}(?:[ \t]+{W}){{0,3}}?[ \t]+(?:beslutar|antar|godkänner|fastställer)\b)|"
    # "beslutar att rekommendera Region Jämtland Härjedalen och kommunerna att:", "beslutat rekommendera …": a
    # decision to recommend (a body's own "rekommenderar" may be its view, not a decision sent on)
    r"(?:beslutar|beslutat|beslutade|beslöt)\s+(?:att\s+)?(?P<rec>rekommendera)(?=[ \t]+[\wÅÄÖåäö])|"
    # "socialchefernas rekommendation till kommundirektörsnätverket", "Yttrande till Länsstyrelsen", "skickas på
    # remiss till"
    # "Framställan ställd till regeringen", "skrivelse riktad till": the letter's addressee
    r"(?:rekommendation|yttrande|yttrandet|remissvar|skrivelse|hemställan|begäran|framställan|framställning)"
    r"(?:[ \t]+(?:ställd|ställt|riktad|riktat|skickad|skickat|sänd|sänt|lämnad|lämnat|överlämnad|överlämnat))?"
    r"(?=[ \t]+till\b)|"
    # "skickas på remiss till": this body's action (not "X har skickat … på remiss till oss")
    r"(?:skickas|sänds|skicka|sända|går|gå)[ \t]+(?:ut[ \t]+)?på[ \t]+remiss(?=[ \t]+till\b)|"
    # "Rapporten ska lämnas in till regionstyrelsen", "avge yttrande till", "ställt fråga till"
    r"(?:lämnas|lämna|lämnar)(?:[ \t]+(?:in|över|vidare))?(?=[ \t]+till\b)|"
    r"(?:avge|avger|avges|lämna|lämnar|lämnas)[ \t]+(?:ett[ \t]+)?yttrande(?=[ \t]+till\b)|"
    r"(?:ställt|ställer|ställde|ställa)[ \t]+(?:en[ \t]+)?fråga(?:n)?(?=[ \t]+till\b)|"
    # "redovisas för kommunstyrelsen", "återrapporteras till nämnden"
    r"(?:redovisas|rapporteras|återrapporteras|återredovisas|redovisa|rapportera|återrapportera)[ \t]+(?:till|för)\b|"
    # "skulle återkoppla sin tidsplan vid Kommun- och regionledningsforum": a report back, its object between
    r"(?:återkoppla|återkopplas|återkopplar)(?:[ \t]+(?!till\b|vid\b)[a-zåäö]+){0,3}?[ \t]+(?:till|vid)\b|"
    r"(?:hemställer|hemställa|hemställde|hemställs)(?=[ \t]+(?:hos|till)\b)|"
    # "begära yttrande från Socialnämnden": the body asked for its view
    r"(?:begär|begära|begärs|begärde|inhämta|inhämtas)[ \t]+(?:in[ \t]+)?(?:ett[ \t]+)?yttrande[ \t]+från\b|"
    # "lägga fram förslag till SVOM om …", "Förslag till kommunstyrelsen att föreslå fullmäktige …"
    r"(?:lägga|lägger|lade)[ \t]+fram[ \t]+(?:ett[ \t]+)?förslag(?=[ \t]+till\b)|förslag(?=[ \t]+till\b)|"
    # "behandla ärendet på styrelsens sammanträde"
    r"(?P<meet>behandla|behandlas)(?:[ \t]+(?:ärendet|frågan))?(?=[ \t]+(?:på|vid)\b)|"
    # "medlen rekvireras av VästKom", "genomförs av kommunerna": the body that carries the matter out
    r"(?:rekvireras|administreras|verkställs|genomförs|utförs)(?=[ \t]+av[ \t]+[A-ZÅÄÖa-zåäö])|"
    r"överlämnas|överlämna|överlämnades|lyfts|lyftas|lyfta|lyftes|hänskjuts|remitteras|återremitteras|"
    r"hänvisas|vidarebefordras|sänds|anmäls|anmälas|tillställs|tillställa|delges|går[ \t]+vidare|"
    r"översänds|skickas|återrapporteras|återrapportering\b[^.]{0,80}?\bske|bereds|beredas|hanteras|"
    r"tas upp|överförs|beredning)(?:\s+(?:direkt|vidare|för beslut|för kännedom|för yttrande|för handläggning|"
    # "Yttrandet överlämnas som svar på remissen till kommunstyrelsen"
    r"för åtgärd|för beredning|som svar(?:[ \t]+på[ \t]+[a-zåäö]+)?))?"
    r"\s+(?:(?P<prep>till|inför|i|på|av|hos|vid)\b)?\s*")

# "Svar på remiss från kommunstyrelsen", "Remiss från Socialdepartementet", "Svar till skrivelse kring … från
# Anhörigföreningen", "Anhållan från X": a matter sent to this body (a letter's words may stand between the noun and
# "från": lower-case words or a genitive, "synpunkter till Socialnämndens svar")
_LETTER = (r"(?i:remiss(?:en)?|skrivelse(?:n)?|anhållan|framställan|framställning(?:en)?|begäran|förfrågan|"
           r"förfrågningen|ansökan|inbjudan|meddelande(?:t)?|brev(?:et)?)")
INCOMING_RE = re.compile(r"\b(?:(?P<asked>(?i:begäran[ \t]+om[ \t]+(?:remiss)?yttrande))|"
                         r"(?P<answer>(?i:svar[ \t]+(?:på|till)|yttrande[ \t]+(?:över|på))[ \t]+)?"
                         rf"(?P<noun>{_LETTER}))"
                         r"(?P<gap>(?:[ \t]+(?!från\b)(?:[a-zåäö][\wåäö-]*|[A-ZÅÄÖ][\wåäö-]*[a-zåäö](?::s|s)))"
                         r"{0,10}?)[ \t]+(?i:från)[ \t]+")
# nouns that only bring a matter here when the text answers them ("Svar på skrivelse från"); on their own they
# may be a letter noted or sent on ("Skrivelse från X" among the items)
_ANSWERED_ONLY = ("skrivelse", "skrivelsen", "meddelande", "meddelandet", "brev", "brevet")
# "Kommunförbundet Blekinges anhållan om förslag", "Kommunförbundet Blekinge anhåller om": the sender asks this body
SENDER_RE = re.compile(r"(?P<gen>[ \t]+)(?i:anhållan|framställan|framställning|begäran|förfrågan|remiss|inbjudan)"
                       r"[ \t]+(?:om|angående|gällande|avseende|rörande|kring)\b|"
                       r"(?P<act>[ \t]+)(?:anhåller|hemställer|begär|efterfrågar)[ \t]+(?:om|att|hos|få)\b|"
                       # "Frågan har från början lyfts av kommunerna i X", "väcktes av": who raised the matter here
                       r"(?P<by>\b(?:lyfts|lyftes|väckts|väcktes|initierats|initierades|aktualiserats|"
                       r"aktualiserades)(?:[ \t]+[a-zåäö]+){0,3}?[ \t]+av[ \t]+)")
# "Expedieras till", "Beslutet skickas till:", "Protokollsutdrag till:" followed by the bodies, one a line
DISPATCH_RE = re.compile(r"(?i)(?:^|(?<=[\s.]))(?:beslutet[ \t]+)?(?:(?:expedieras|skickas|sänds|protokollsutdrag|"
                         r"utdrag|beslut[ \t]+expedieras|kopia|protokollsutdrag[ \t]+skickas)[ \t]+till[ \t]*:?|"
                         r"(?:expediering|expedieras|exp\.?|protokollsutdrag|delges|sändlista)[ \t]*:)"
                         r"[ \t]*\n?[ \t]*")
# a matter's route, each body with the day it takes the matter up: "OFB 15-05-20 HHE AU 15-06-03",
# "Beslutsplanering KS Arbetsutskott 2015-06-22 Kommunstyrelsen 2015-08-12"
ROUTE_DATE_RE = re.compile(r"(?<![\w/-])(?:\d{4}|\d{2})-[01]\d-[0-3]\d(?![\w/-])")
# between one body's day and the next body: a handläggare's initials ("HHE") at most
_ROUTE_GAP = re.compile(r"[ \t]*[,;]?[ \t]+(?:[A-ZÅÄÖ]{2,4}[ \t]+)?")
# a label that says the bodies listed are the ones that will handle the matter (all of them, the first included)
_ROUTE_LABEL = re.compile(r"(?i)(?:beslutsplanering|beredningsgång|ärendegång|handläggning|behandlas[ \t]+i|"
                          r"behandling)[ \t]*:?[ \t]*(?:[A-ZÅÄÖ]{2,5}[ \t]+)?$")
# "Fredagsgruppen och SamReKo HSI har den 17 maj 2024 getts möjlighet att inkomma med synpunkter": the bodies
# consulted (a remiss put in other words)
CONSULTED_RE = re.compile(r"(?i)(?:[ \t]+(?:har|hade|har[ \t]+nu|har[ \t]+också))?(?P<when>[ \t]+(?:den[ \t]+)?"
                          r"[\w ]{0,20}?)?[ \t]+(?:getts|fått|gavs|ges|får|givits|erbjudits|erbjuds)[ \t]+"
                          r"(?:möjlighet|möjligheten|tillfälle)[ \t]+att[ \t]+(?:[a-zåäö]+[ \t]+){0,4}?"
                          r"(?:synpunkter|yttrande|yttra[ \t]+sig|svar)\b")
PASSIVE_RE = re.compile(r"(?i)\bföreslås[ \t]+(?:att[ \t]+)?besluta\b")
_MONEY = re.compile(r"(?i)\b(?:bidrag|stöd|ersättning|medel|kronor|tkr|anslag|lån|borgen|bidraget|stödet)\b")
# "Socialnämnden beslutar att föreslå kommunstyrelsen att teckna avtalet": the body's own decision to propose
_DECIDES_TO = re.compile(r"(?i)\b(?:beslutar|besluta|beslutade|beslöt|beslutat)[ \t]+(?:att[ \t]+)?\Z")
_REFERRALS, _INCOMING, _SENDER, _DISPATCH, _ROUTE_DATES, _PASSIVE = (Guarded(rx, *REFERRAL_GUARDS[k]) for rx, k in zip(
    (REFERRAL_RE, INCOMING_RE, SENDER_RE, DISPATCH_RE, ROUTE_DATE_RE, PASSIVE_RE), REFERRAL_GUARDS))  # ingest/scan.py
MOTION = re.compile(r"(?i)\b(?:yrkar|yrkade|yrkande|yrkandet)\b")
# what follows a recommendation's addressees: what they are recommended to do
_REC_TAIL = re.compile(r"[ \t]*(?:,[ \t]*)?(?:att\b|:)")


def referrals(cx: DocContext, it: Item, ik: str) -> None:
    decided = {c.evidence.start for c in cx.claims_of("REFERRED_TO")}
    # the item's text but its members' motions (a yrkande may fall); what its decision lines referred is taken
    spans, a = [], it.head[1]
    for p in it.parts:
        if p.kind == "motions":
            spans.append((a, p.start))
            a = p.end
    spans.append((a, it.end))
    for a, b in spans:
        if a < b:
            referrals_in(cx, ik, ik, a, b, decided)
    # the item's heading too: "Förslag till kommunstyrelsen att …", "Svar på remiss från kommunstyrelsen"
    if it.title_span[0] < it.head[1]:
        referrals_in(cx, ik, ik, it.title_span[0], it.head[1], decided)
    incoming(cx, ik, it.start, it.end, (it.title_span[0], max(it.title_span[1], it.head[1])))
    incoming_by_sender(cx, ik, it.start, it.end)
    dispatch(cx, ik, it.start, it.end)
    routes(cx, ik, it.start, it.end)
    for p in it.parts:
        if p.kind == "proposal":
            proposed_to(cx, ik, p.head[0], p.end)


# verbs that only say a proposal is addressed to a body: kept where nothing stronger in the item sends it there
WEAK = ("förslag",)
# a report back: not a referral to the ones who were given the task and report ("Återrapportering ska ske till
# Fredagsgruppen" when Fredagsgruppen has the uppdrag)
REPORT_BACK = ("återrapporteras", "återrapportering", "redovisas", "rapporteras", "återredovisas", "redovisa",
               "rapportera", "återrapportera", "återkoppla", "återkopplas", "återkopplar")


def referrals_in(cx: DocContext, ik: str, src: str, a: int, b: int, skip: set[int] | None = None) -> None:
    """'… överlämnas till SVOM', 'bereds SVOM på dagens sammanträde', 'lyftas till SVOM'."""
    text = cx.seg.masked
    matches = list(_REFERRALS.finditer(text, a, b))
    weak = [m for m in matches if _verb(m) in WEAK]
    for m in [m for m in matches if _verb(m) not in WEAK] + weak:
        if m["prep"] == "av" and _verb(m).startswith("lyft"):
            continue  # "lyfts av kommunerna": who raised the matter (incoming_by_sender), not where it goes
        if _verb(m).startswith("lämna") and _MONEY.search(m.group()):
            continue  # "lämna bidrag till föreningen": a grant, no matter sent on
        limit = min(b, m.end() + 160)
        meeting = m["prep"] in ("i", "på", "vid", "inför") or bool(m["meet"])
        found = targets_at(cx, m.end(), limit, "referral", meeting=meeting)
        if not found:
            continue
        if m["rec"] and not _REC_TAIL.match(text, after_paren(text, found[-1].end, b), b):
            continue  # "rekommenderar Socialstyrelsens riktlinjer": no body is recommended to do anything
        if not meeting and _is_owner_of_next_noun(cx, text, found[-1]):
            continue  # "skickas till Socialstyrelsens expertgrupp": the genitive is not where it goes
        te = found[-1].end
        verb = _verb(m)
        if verb == "föreslå" and not _DECIDES_TO.search(text, max(a, m.start() - 30), m.start()):
            continue  # "Förslag till kommunstyrelsen att föreslå fullmäktige": the proposal is the other body's
        if verb in ("föreslår", "föreslå"):  # the quote says what is proposed: "föreslår fullmäktige besluta"
            bm = re.match(r"[ \t]+(?:att[ \t]+)?besluta\b", text[te:te + 20])
            te += bm.end() if bm else 0
        s_start = max(a, wrapped_sentence_start(cx.text, m.start(), a))
        if skip and s_start in skip or taken(cx, m.start()):
            continue
        if MOTION.search(text, s_start, m.start()):
            continue  # "Anna Berg (V) yrkar att ärendet överlämnas till …": a motion, which may fall
        if verb in REPORT_BACK:
            assignees = _assignees_in(cx, ik, a, b)
            found = [t for t in found if not any(cx.text[t.start:t.end] in w for w in assignees)]
        # "Beredning inför regionstyrelsen": prepared here for a body that decides, the document's own included
        own = verb == "föreslår" and _proposer_is_other(cx, text[s_start:m.start()]) or m["prep"] == "inför"
        targets = [k for k in dict.fromkeys(t.make() for t in found)
                   if k and (k != cx.body_key or own) and not (verb in WEAK and refers(cx, ik, k))]
        if not targets:
            continue
        mk = _matter(cx, ik, a, b, s_start, m.start(), te, text[m.start():min(b, te + 60)])
        for bk in targets:
            cx.claim("REFERRED_TO", src, bk, s_start, te, "referral", verb=verb, matter=mk)
    _proposed_passive(cx, ik, src, a, b)
    consulted(cx, src, a, b)


def consulted(cx: DocContext, src: str, a: int, b: int) -> None:
    """'Fredagsgruppen och SamReKo HSI har … getts möjlighet att inkomma med synpunkter': the bodies the sentence
    opens with were consulted on the matter (not the document's own body: 'Malmö stad har givits möjlighet att
    lämna synpunkter' is a remiss to it, read where it is answered)."""
    text = cx.seg.masked
    for m in re.finditer(r"(?i)\b(?:getts|fått|gavs|ges|får|givits|erbjudits|erbjuds)[ \t]+(?:möjlighet|tillfälle)",
                         text[a:b]):
        v = a + m.start()
        s_start = max(a, wrapped_sentence_start(cx.text, v, a))
        lead = re.match(r"[\s•·*–-]*", text[s_start:v])
        p = s_start + lead.end()
        found = targets_at(cx, p, v, "referral")
        cm = CONSULTED_RE.match(text, found[-1].end, b) if found else None
        if not cm or taken(cx, v):
            continue
        if cm["when"] and not re.search(r"\d", cm["when"]) and cm["when"].strip():
            continue  # words other than a day between the bodies and the verb: not the sentence's subject
        for k in dict.fromkeys(t.make() for t in found):
            if k and k != cx.body_key and not refers(cx, src, k):
                cx.claim("REFERRED_TO", src, k, p, cm.end(), "consulted", verb="synpunkter")


def _proposed_passive(cx: DocContext, ik: str, src: str, a: int, b: int) -> None:
    """'Kommunstyrelsen föreslås besluta att …', 'Direktionen föreslås besluta': a proposal put to the body the
    sentence opens with (this document's own too: the proposal comes from those who prepared it)."""
    text = cx.seg.masked
    for m in _PASSIVE.finditer(text, a, b):
        s_start = max(a, wrapped_sentence_start(cx.text, m.start(), a))
        lead = re.match(r"[\s•·*–-]*", text[s_start:m.start()])
        p = s_start + lead.end()
        t = target_at(cx, p, m.start(), "referral")
        if not t or text[t.end:m.start()].strip() or taken(cx, m.start()) or MOTION.search(text, p, m.start()):
            continue
        k = t.make()
        if k and not refers(cx, ik, k):
            mk = _matter(cx, ik, a, b, p, p, m.end(), "")
            cx.claim("REFERRED_TO", src, k, p, m.end(), "referral", verb="föreslås", matter=mk)


def _proposer_is_other(cx: DocContext, subject: str) -> bool:
    """'Arbetsutskottet föreslår direktionen besluta', 'Förvaltningen föreslår nämnden besluta' in the minutes of
    the body proposed to: the matter comes to it from another organ or an official (not its ordförande)."""
    words = re.findall(r"[\wåäöÅÄÖ-]+", subject)
    if not words or len(words) > 4:
        return False
    head = words[-1].lower()
    if organ_kind(head):
        return not self_reference(cx, head) and not (cx.body_key and norm_body(words[-1]) == cx.body_key[5:])
    return lexicon.is_title_word(head.removesuffix("en").removesuffix("n")) and not head.startswith("ordförande")


def _verb(m: re.Match) -> str:
    return "rekommendera" if m["rec"] else re.sub(r"\s+", " ", m["verb"].lower()).split()[0]


def refers(cx: DocContext, ik: str, bk: str) -> bool:
    """Whether the item (or one of its decisions) already sends something to the body."""
    label = ik.removeprefix("item:")
    return any(c.dst == bk and (c.src == ik or c.src.startswith(f"decision:{label}:"))
               for c in cx.claims_of("REFERRED_TO"))


_ASSIGNEES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _assignees_in(cx: DocContext, ik: str, a: int, b: int) -> list[str]:
    """Whom the item's text (or the passage a:b outside items) gives an uppdrag ('Uppdrag ges till Fredagsgruppen
    och SamReKo HSI att …'), as written (read once an item)."""
    seen = _ASSIGNEES.setdefault(cx, {})
    if ik.startswith("item:"):
        m = cx.by_key[ik]
        a, b = m.hints.start or m.evidence.start, m.hints.end or m.evidence.end
    if (ik, a) not in seen:
        seen[(ik, a)] = _assignees_read(cx, a, b)
    return seen[(ik, a)]


def _assignees_read(cx: DocContext, a: int, b: int) -> list[str]:
    text, out = cx.seg.masked, []
    # only the passages around the word (a pattern's lazy "who" must not run over a long run-on text)
    for u in re.finditer(r"(?i)uppdr", text[a:b]):
        w = text[max(a, a + u.start() - 200): min(b, a + u.end() + 200)]
        out += [am["who"] for rx in ASSIGN_RES if "who" in rx.groupindex for am in rx.finditer(w)]
    return out


def taken(cx: DocContext, pos: int) -> bool:
    """A referral already read at pos (by a decision line, before its item's text)."""
    return any(c.evidence.start <= pos < c.evidence.end for c in cx.claims_of("REFERRED_TO"))


def _is_owner_of_next_noun(cx: DocContext, text: str, t) -> bool:
    """A target written in the genitive with a noun after it: its owner's thing, not the body."""
    written = cx.text[t.start:t.end]
    if not written.endswith("s") or written.endswith("ss") or written.isupper():
        return False
    return bool(re.match(r"[ \t]+[a-zåäö]", text[t.end:t.end + 3])) and not re.match(
        r"[ \t]+(?:och|samt|att|om|i|på|för|med|senast|respektive)\b", text[t.end:t.end + 12])


def _matter(cx: DocContext, ik: str, a: int, b: int, s_start: int, v: int, te: int, after: str) -> str | None:
    """The item's matter, named by the referral's subject when it names one ('Skrivelse angående …'); none for a
    referral the meeting makes outside its items."""
    if not ik.startswith("item:"):
        return None
    item_title = cx.by_key[ik].props.get("title", "")
    obj = _referral_object(cx, s_start, v) or item_title
    mk = f"matter:{ik}"
    props = {"title": obj, "name": obj}
    context = None
    if re.match(r"(?i)(?:ärendet|frågan)\b", obj) and len(obj) < 40:
        # "Ärendet om översyn bereds SVOM": the matter is what the sentence before says
        prev = cx.seg.masked[max(a, s_start - 400):s_start]
        context = re.sub(r"\s+", " ", prev).strip() or None
    same_day = "på dagens sammanträde" in after.lower()
    cx.mention(mk, "Matter", props, s_start, te, "referral", hints=Hints(context=context, same_day=same_day))
    if not any(c.src == ik and c.dst == mk for c in cx.claims_of("CONCERNS")):
        cx.claim("CONCERNS", ik, mk, s_start, te, "referral", step="remiss")
    return mk


def incoming(cx: DocContext, ik: str, a: int, b: int, title: tuple[int, int] = (0, 0)) -> None:
    """'Svar på remiss från kommunstyrelsen': the matter came to this document's body from the sender; the item
    is where this body takes it up (REFERRED_TO this body, verb 'remiss från'). A bare 'Remiss från X' or 'Anhållan
    från X' counts in the item's heading only (in its Beslutsunderlag it is a document listed); 'Meddelande från FK
    till NNS' goes to the body it is addressed to."""
    text = cx.seg.masked
    for m in _INCOMING.finditer(text, a, b):
        sender = target_at(cx, m.end(), min(b, m.end() + 120), "remiss-sender")
        if not sender:
            if m["answer"] and _named_sender(cx, m.end()):  # "Svar till skrivelse … från Anhörigföreningen"
                came_from(cx, ik, a, b, m.start(), None, "svar till")
            continue
        tm = re.match(r"[ \t]+till[ \t]+", text[sender.end:sender.end + 12])
        to = target_at(cx, sender.end + tm.end(), min(b, sender.end + 140), "referral") if tm else None
        if to:  # "Meddelande från FK till NNS"
            sk, k = sender.make(), to.make()
            if sk and k and sk != k and not refers(cx, ik, k):
                cx.claim("REFERRED_TO", ik, k, m.start(), to.end, "letter-to", verb="från till")
            continue
        bare = not m["answer"] and not m["asked"]
        if not cx.body_key or bare and (not title[0] <= m.start() < title[1] or
                                        (m["noun"] or "").lower() in _ANSWERED_ONLY):
            continue
        came_from(cx, ik, a, b, m.start(), sender, "remiss från")


def _named_sender(cx: DocContext, p: int) -> bool:
    """A sender named by a capitalised word that no rule reads as a body ('Anhörigföreningen', 'LOV-utförare'),
    not a person (the answer to a person's letter is no matter sent by a body)."""
    m = re.match(r"[A-ZÅÄÖ][\wåäöÅÄÖ-]{3,}", cx.seg.masked[p:p + 60])
    return bool(m) and not cx.inside_person(p) and m.group() not in lexicon.first_names()


def incoming_by_sender(cx: DocContext, ik: str, a: int, b: int) -> None:
    """'Kommunförbundet Blekinges anhållan om …', 'X anhåller om …', 'Frågan har lyfts av kommunerna i X': the
    sender named before the request (or after 'av') brought the matter to this document's body."""
    if not cx.body_key:
        return
    text = cx.seg.masked
    for m in _SENDER.finditer(text, a, b):
        if m["by"] is not None:
            sender = target_at(cx, m.end(), min(b, m.end() + 120), "remiss-sender")
        else:
            sender = target_before(cx, m.start(), "remiss-sender", genitive=m["gen"] is not None)
        if sender:
            came_from(cx, ik, a, b, min(sender.start, m.start()), sender, "begäran från",
                       max(sender.end, m.end()))


def came_from(cx: DocContext, ik: str, a: int, b: int, s: int, sender, verb: str, e: int | None = None,
              rule: str = "remiss-incoming") -> None:
    if refers(cx, ik, cx.body_key) or MOTION.search(cx.seg.masked, max(a, s - 80), s):
        return
    if sender is not None:
        sk = sender.make()
        if not sk or sk == cx.body_key:
            return
    e = e or (sender.end if sender is not None else cx.seg.masked.find("från", s) + 4)
    mk = _matter(cx, ik, a, b, s, s, e, "")
    cx.claim("REFERRED_TO", ik, cx.body_key, s, e, rule, verb=verb, matter=mk)


def proposed_to(cx: DocContext, ik: str, a: int, b: int) -> None:
    """'Socialförvaltningens förslag till beslut / Socialnämnden antar överenskommelsen': a proposal goes to the
    body its first sentence has decide."""
    text = cx.seg.masked
    nl = text.find("\n", a, b)
    if nl < 0:
        return
    first = re.match(r"\s*", text[nl:b])
    p = nl + first.end()
    t = target_at(cx, p, min(b, p + 120), "proposal")
    if not t or t.start != p:
        return
    vm = re.match(r"[ \t]+(?:(?:föreslås|föreslår|beslutar|beslutade)[ \t]+(?:att[ \t]+)?)?[a-zåäö]{3,}(?:ar|er|r)\b",
                  text[t.end:t.end + 60])
    if not vm:
        return
    k = t.make()
    if k and k != cx.body_key and not refers(cx, ik, k):
        cx.claim("REFERRED_TO", ik, k, a, t.end + vm.end(), "proposal", verb="förslag")


def dispatch(cx: DocContext, ik: str, a: int, b: int) -> None:
    """'Expedieras till / Kommunstyrelsen / Region Örebro län': the bodies a decision is sent to, one a line or
    in a row with commas; a line that names no body ends the list."""
    for m in _DISPATCH.finditer(cx.seg.masked, a, b):
        s = m.start() + (len(m.group()) - len(m.group().lstrip()))
        for t in targets_at(cx, m.end(), min(b, m.end() + 400), "dispatch", lines=True):
            k = t.make()
            if k and k != cx.body_key and not refers(cx, ik, k):
                cx.claim("REFERRED_TO", ik, k, s, t.end, "dispatch", verb="expedieras")


def routes(cx: DocContext, src: str, a: int, b: int) -> None:
    """A run of bodies each followed by a day ('OFB 15-05-20 HHE AU 15-06-03'): the matter goes from the first
    to the next ones; under a planning label ('Beslutsplanering KS Arbetsutskott 2015-06-22 Kommunstyrelsen
    2015-08-12') to all of them. One body with a day is a date line, no route."""
    text = cx.seg.masked
    stops = []  # (target, date match)
    for d in _ROUTE_DATES.finditer(text, a, b):
        p = d.start()
        while p > a and text[p - 1] in " \t":
            p -= 1
        t = target_before(cx, p, "route")
        if t and t.start >= a:
            stops.append((t, d))
    runs, run = [], []
    for t, d in stops:
        if run and not (run[-1][0].end < t.start and _ROUTE_GAP.fullmatch(text, run[-1][1].end(), t.start)):
            runs.append(run)
            run = []
        run.append((t, d))
    runs.append(run)
    for run in runs:
        if len(run) < 2:
            continue
        first = run[0][0]
        labelled = bool(_ROUTE_LABEL.search(text, max(a, first.start - 40), first.start))
        seen = set()
        for t, d in run if labelled else run[1:]:
            k = t.make()
            if k and k not in seen and not refers(cx, src, k):
                seen.add(k)
                cx.claim("REFERRED_TO", src, k, first.start, d.end(), "route", verb="beredning")


def _referral_object(cx: DocContext, s: int, v: int) -> str | None:
    """The subject of 'X överlämnas till Y' when it names a document or matter ('Skrivelse angående …')."""
    subj = re.sub(r"\s+", " ", cx.text[s:v]).strip(" -–•\t")
    subj = re.sub(r"^(?:\d+\.\s*)", "", subj)
    if 8 <= len(subj) <= 160 and re.match(r"(?i)(skrivelse|ärendet|frågan|förslag|rapport|remiss|motion|"
                                          r"medborgarförslag|begäran|yttrande|avtal|handlingsplan|policy|"
                                          r"riktlinje|program)", subj):
        return subj
    return None
