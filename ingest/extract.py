"""Extraction: segments and spaCy spans in, mentions and claims (with evidence) out, for one document.

Every rule here is general to Swedish minutes; each names the layout it serves. Nothing is resolved
across documents here: that is `ingest.resolve`.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from graph.model import Claim, DocExtraction, Evidence, Mention, Warning_, slug
from ingest import lexicon
from ingest.dates import MONTHS as MONTH_NUMBER, find_dates, parse_one, month_of
from ingest.nlp import SPANS_KEY, organ_kind, organ_lemma
from ingest.readers import Document
from ingest.segment import NAME_LINE_RE, Item, Segmented, section_of

UP = "A-ZÅÄÖÉÜ"
LOW = "a-zåäöéüß"
# "Anna", "Karl-Erik", "AnnSofie" (one capital inside a first name)
WORD = rf"[{UP}][{LOW}'’]+(?:[{UP}][{LOW}]+)?(?:-[{UP}{LOW}][{LOW}]+)?"
NAME = rf"{WORD}(?:[ \t]+(?:{WORD}|von|af|de|van|der)){{1,3}}"
NAME_RE = re.compile(NAME)
PARTY = r"\((?P<party>[A-Za-zÅÄÖåäö]{1,4})\)"
NAME_PARTY_RE = re.compile(rf"(?P<name>{NAME})[ \t]*{PARTY}")
PARAS_RE = re.compile(r"(?:§§?|p\.)[ \t]*(\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?(?:[ \t]*,[ \t]*\d{1,4})*)")
ABBR_DEF_RE = re.compile(r"\((?P<abbr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}(?: [A-ZÅÄÖ]{2,4})?)\)")
ABBR_DASH_RE = re.compile(r"^[ \t]*(?:[-–,][ \t]*)(?P<abbr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}(?: [A-ZÅÄÖ]{2,4})?)\b")
EMAIL_RE = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+)\.(?:se|nu|org|com)\b")
TIME_RE = re.compile(r"(?i)\b(?:kl\.?|klockan)?[ \t]*(\d{1,2}(?:[.:]\d\d)?)[ \t]*[-–][ \t]*(\d{1,2}(?:[.:]\d\d)?)\b")
DNR_RE = re.compile(r"(?i)\b(?:dnr|diarienummer|diarienr)\.?:?[ \t]*(?P<dnr>[A-ZÅÄÖ]{1,5}[ \t]?\d{2,4}[/-][\w/-]+)")
SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)|\n")

# Words that start a capitalised run but are never part of a person's name.
NOT_NAME = {"Region", "Regionen", "Regionens", "Kommun", "Kommunen", "Kommunerna", "Kommunernas", "Ordförande",
            "Ordföranden", "Sekreterare", "Justerare", "Ledamot", "Vice", "Sociala", "Social", "Socialtjänsten",
            "Förslag", "Beslut", "Sammanfattning", "Bakgrund", "Ärendet", "Inga", "Övriga", "Protokoll",
            "Protokollet", "Utdrag", "Plats", "Datum", "Tid", "Närvarande", "Beslutande", "Ersättare",
            "Föredragande", "Underskrifter", "Justering", "Justeringens", "Paragrafer", "Innehåll", "Digitalt",
            "Teams", "Hoppa", "Rätt", "Muntligen", "Bilagor", "Dnr", "Sammanträde", "Sammanträdesdatum",
            "Minnesanteckningar", "Extrainsatt", "Skrivelse", "Skrivelsen", "Uppföljning", "Uppdrag", "Inför",
            "Med", "Vid", "Dessförinnan", "Allt", "Syftet", "Det", "Den", "De", "Vi", "Elevhälsan", "Landstinget",
            "Länets", "Jämtlands", "Jämtland", "Härjedalen", "Sveriges", "Sverige", "Centrum", "Nationellt",
            "Myndigheten", "Myndighetssamverkan", "Inspektionen", "Kvinnojouren", "Förbundet", "Kommunförbundet",
            "Ungdomsmottagningen", "Dals", "Norra", "Södra", "Västra", "Östra", "Gällande", "Vidare", "Dock",
            "Resurscentrum", "Fördelning", "Prioriterade", "Reform", "Brister", "Arbetsformer", "Valärende",
            "Sammanträdestider", "Upprop", "Punkten", "Presentationen", "Uppdraget", "Målet", "Förslaget",
            "Styrning", "Verksamheten", "Avtalet", "Rapporten", "Omvärldsbevakningen", "Fördelningsmodellen",
            "Lokalkostnader", "Kommunerna", "Närmottagningar", "Ordf", "Ord", "Bitr", "Nämnd", "Styrelse",
            "Pwc", "Teams", "Yrkesresan", "Samhällsutveckling", "Enhet", "Projekt", "Utredning"}
# Function words that begin a sentence and so carry a capital: "Då Lennart Raswill har avsagt sig …".
NOT_NAME |= {"Då", "När", "Om", "Men", "Och", "Att", "Som", "Efter", "Innan", "Eftersom", "Även", "Under", "Sedan",
             "Nu", "Här", "Där", "Enligt", "Inom", "Hos", "Av", "Till", "Från", "För", "Mellan", "Genom", "Utan",
             "Trots", "Bland", "Kring", "Mot", "Vad", "Vem", "Vilka", "Varför", "Hur", "Både", "Varje", "Alla",
             "Ingen", "Inget", "Någon", "Några", "Ett", "En", "Denna", "Detta", "Dessa", "Han", "Hon", "Hen", "Man",
             "Ni", "Jag", "Du", "Samtliga", "Bifogat", "Bilaga", "Tack", "Ja", "Nej", "Kl", "Se"}
MONTHS = {"Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober",
          "November", "December", "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Fredagen", "Lördag", "Söndag"}
# Verbs after a bare name in running text that mark it as a person ("Elin Ring informerar").
PERSON_VERBS = ("informerar", "föredrar", "inleder", "redogör", "delger", "beskriver", "bekräftar", "visar",
                "lyfter", "tar", "återkommer", "hälsar", "tackar", "meddelar", "presenterar", "berättar",
                "svarar", "framför", "yrkar", "föreslår", "deltar", "ansvarar", "kommer", "har", "är", "blir",
                "uppdras", "utses", "väljs", "valdes", "anmäler", "öppnar", "avslutar", "förklarar", "konstaterar")
PRESENT_VERBS = {"föredrar", "presenterar", "inleder", "informerar"}
REFERRAL_RE = re.compile(
    r"(?i)\b(?P<verb>(?:överlämnar|överlämna|översänder|översända|skickar|skicka|remitterar|remittera)"
    r"(?:[ \t]+(?!till\b)[a-zåäö-]+){1,4}(?=[ \t]+till\b)|"
    # "föreslår kommunfullmäktige besluta": a proposal sent on to the body that decides
    r"föreslår(?=[ \t]+[\wåäöÅÄÖ-]+(?:[ \t]+[\wåäöÅÄÖ-]+){0,4}?[ \t]+(?:att[ \t]+)?besluta\b)|"
    r"överlämnas|överlämna|överlämnades|lyfts|lyftas|lyfta|lyftes|hänskjuts|remitteras|"
    r"översänds|skickas|återrapporteras|återrapportering\b[^.]{0,80}?\bske|bereds|beredas|hanteras|"
    r"tas upp|överförs)(?:\s+(?:direkt|vidare|för beslut|för kännedom))?\s+(?P<prep>till|i|på|av|hos|vid)?\s*")
# The task runs to the end of the sentence, over a wrapped line but not into a new bullet or paragraph.
TASK = r"(?P<task>(?:[^.\n]|\n(?![ \t]*\n)(?![ \t]*(?:[•·\-–]|\d+[.)])))+)"
ASSIGN_RES = [
    re.compile(r"(?i)\buppdra(?:r|s)?\s+(?:till|åt)\s+(?P<who>.+?)\s+att\s+" + TASK),
    re.compile(r"(?i)\b(?:uppdrag|uppdraget)\s+ges\s+(?:till|åt)\s+(?P<who>.+?)\s+att\s+" + TASK),
    re.compile(r"(?i)\bger?\s+(?P<who>.+?)\s+i\s+uppdrag\s+att\s+" + TASK),  # "ger X", "att ge X"
    re.compile(rf"(?P<who>{NAME})\s+får\s+i\s+uppdrag\s+att\s+" + TASK),
    re.compile(r"(?i)\bfår\s+(?!i\s)(?P<who>.+?)\s+(?:i\s+)?uppdrag(?:et)?\s+att\s+" + TASK),
    re.compile(rf"(?P<who>(?:[{UP}][\w-]+[ \t]+){{0,4}}[\w-]+)\s+uppdras\s+att\s+" + TASK),
    re.compile(r"(?i)\bgavs\s+uppdraget\s+att\s+" + TASK),
    # "bestämdes även att socialcheferna skulle diskutera …": a named group or body told to do something
    re.compile(rf"(?i)\b(?:bestämdes|beslutades|beslöts)(?:[ \t]+(?:även|också|därför))?[ \t]+att[ \t]+"
               rf"(?P<who>(?:[{UP}][\w-]+(?:[ \t]+[{UP}][\w-]+){{0,3}})|[a-zåäö-]+(?:erna|arna|orna))"
               r"[ \t]+(?:skulle|ska|skall)[ \t]+" + TASK),
    # an assignment's description: "Målet med översynen ska vara att identifiera …" (no one named)
    re.compile(r"(?i)\b(?:målet|syftet)\s+med\s+(?:översynen|uppdraget|utredningen|kartläggningen)\s+"
               r"(?:ska\s+vara|skall\s+vara|är)\s+att\s+" + TASK),
]
# Words around which ASSIGN_RES can match (the passages the patterns are tried on).
ASSIGN_TRIGGER_RE = re.compile(r"uppdr|bestämdes|beslutades|beslöts|målet med|syftet med")
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
# Words that begin a clause, never a name ("Det", "Dessa", "Samtliga").
PRONOUNS = {"det", "den", "detta", "denna", "dessa", "de", "vi", "man", "han", "hon", "hen", "ni", "jag", "du",
            "alla", "samtliga", "varje", "någon", "några", "inget", "ingen", "en", "ett", "här", "där", "nu"}
# An organisational unit named after its cue word: "enhet Samhällsutveckling", "sektionen för vuxna".
UNIT_RE = re.compile(r"(?<![\wåäö-])(?P<cue>enhet(?:en)?|avdelning(?:en)?|sektion(?:en)?|verksamhetsområde(?:t)?)"
                     r"[ \t]+(?P<name>för[ \t]+[a-zåäö-]+(?:[ \t]+och[ \t]+[a-zåäö-]+)?|"
                     r"[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+)?)")
# A named unit or operation without a cue word: "Centrum mot våld", "FoU Jämt", "Social välfärd".
UNIT_NAME = (r"[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+(?:för|mot|om)[ \t]+[a-zåäö-]+(?:[ \t]+och[ \t]+[a-zåäö-]+)?|"
             r"(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+){0,2})")
# "Social välfärd och FoU Jämt avvecklas inom enhet Samhällsutveckling", "projekt X skulle bedrivas inom Y"
INSIDE_VERB_RE = re.compile(r"(?:avvecklas|bedrivs|bedrivas|drivs|drivas|finns|ligger|organiseras|inryms|placeras|"
                            r"läggs)[ \t]+$")
# "Styrgrupp för projektet är Myndighetssamverkan mot våld"
STEERING_RE = re.compile(r"(?i)\bstyrgrupp(?:en)?[ \t]+för[ \t]+(?:projektet|satsningen|arbetet|uppdraget)"
                         r"(?:[ \t]+[”\"](?P<q>[^”\"\n]{2,60})[”\"])?[ \t]+är[ \t]+")
PREPARES_CASES_RE = re.compile(r"(?i)\b(?P<verb>bereder|förbereder)\b[^.]{0,60}?\b(?P<cases>ärenden|ärendena)\s+"
                               r"(?:som\s+)?(?:ska\s+|skall\s+)?(?:avgöras|avgörs|beslutas|behandlas)\s+"
                               r"(?:av|i)\s+")
AGREEMENT_RE = re.compile(r"(?i)\b(?P<kind>samverkansavtal|huvudavtal|avtal|överenskommelse)\b")
# "samverkansavtalet", "ett avtal om sociala jouren", "överenskommelsen mellan regionen och kommunerna"
AGREEMENT_NOUN_RE = re.compile(r"(?i)(?<![\wåäö-])(?P<noun>[a-zåäö-]*(?:avtal|avtalssamverkan|överenskommelse)"
                               r"(?:et|en|n|er|r)?)(?![\wåäö-])"
                               r"(?:[ \t]+(?:om|för|kring|avseende|gällande)[ \t]+(?P<topic>[^.,;:()\n]{3,60}))?")
PARTIES_AFTER_RE = re.compile(r"[ \t](?:med|mellan)[ \t]")  # "avtal med regionen", "mellan Region X och …"
AGREEMENT_TRIGGER_RE = re.compile(r"(?i)avtal|överenskommelse")
PERIOD_RE = re.compile(r"(?P<a>(?:19|20)\d\d-\d\d-\d\d)[ \t]*(?:–|-|—|till|t\.o\.m\.?)[ \t]*(?P<b>(?:19|20)\d\d-\d\d-\d\d)")
SUM_RE = re.compile(r"(?i)(?:totalt|sammanlagt|totala?\s+kostnaden?[^.\d]{0,30}?)\s*(?:ca\.?\s+)?"
                    r"(?P<sum>\d[\d  ]*(?:,\d+)?\s*(?:kronor|kr|mkr|miljoner kronor|tkr))")
SHARE_VERB_RE = re.compile(r"\s(?:bekostar|står för|finansierar|betalar)\s+(?P<what>[^.\n]{2,120})")
# Words without which a sentence states no structure: checked first, so most sentences cost one search.
INVERTED_REPORT_RE = re.compile(r"(?i)\b(?:från och med|fr\.o\.m\.|sedan|numera|därefter|framöver|i fortsättningen|"
                                r"från|efter|under|nu)\b[^.\n]{0,40}?\b(?P<verb>rapporterar|återrapporterar|redovisar)"
                                r"[ \t]+(?:[^.\n]{2,80}?)[ \t]+(?P<prep>till|direkt till)\b")
STRUCTURE_TRIGGER = re.compile(r"kopplad|kopplat|knuten|knutet|underställ|ansvarig inför|rapporterar|redovisar till|"
                               r"tjänstemannaberedning|beredningsgrupp|"
                               r"lyder under|svarar mot|bereder|beredning|förbereder|etablerades|bildades|inrättades|"
                               r"startade|grundades|tillkom|presidi|styrelse|utskott|ingår i|en del av|tillhör|"
                               r"ersatte|ersätter|efterträd|avlöste|tog över efter|upplöst|avveckla|lagts ned|"
                               r"lades ned|ersatts")
ELECTION_ROLE = r"(?P<role>(?:1:e |2:e |förste |andre )?vice ordförande|ordförande|ledamot|ersättare|sekreterare)"
DISSOLVED_RE = re.compile(r"(?i)\b(?:upplöst[s]?|upplöstes|avvecklats|avvecklades|lagts ned|lades ned|ersatts|ersattes)"
                         r"[ \t]+(?:med anledning av|i samband med|genom|av|när)[ \t]+")
REGION_ORGAN_RE = re.compile(r"[ \t]+(?P<organ>(?:[a-zåäö]+-,?[ \t]+)*(?:(?:och|eller)[ \t]+)?[a-zåäö]*"
                             r"(?:nämnd|styrelse|utskott|beredning|fullmäktige)(?:en|et|s)?)\b")
CERTIFIER_RE = re.compile(rf"(?im)^[ \t]*(?:rätt utdraget (?:intygar|bestyrkes)|utdragsbestyrkande)[ \t]*:?[ \t]*"
                          rf"(?P<name>{NAME})")
MONTH_YEAR_RE = re.compile(r"(?i)\b(?P<month>" + "|".join(m for m in MONTH_NUMBER if len(m) > 3) + r")[ \t]+(?P<year>(?:19|20)\d\d)\b")
ELECTION_RES = [
    re.compile(rf"\b(?:väljer|utser|valde|utsåg)[ \t]+(?P<name>{NAME})(?:[ \t]*{PARTY})?[ \t]+(?:till|som)[ \t]+"
               rf"{ELECTION_ROLE}(?:[ \t]+i[ \t]+(?P<body>[^.,\n]{{2,60}}))?"),
    re.compile(rf"(?P<name>{NAME})(?:[ \t]*{PARTY})?(?:,[^,.\n]{{2,40}},)?[ \t]+(?:utsågs|valdes|är vald|har valts|"
               rf"utses|väljs|blev vald)(?:[ \t]+[^.\n]{{0,30}}?)?[ \t]+till[ \t]+{ELECTION_ROLE}"
               rf"(?:[ \t]+i[ \t]+(?P<body>[^.,\n]{{2,60}}))?"),
]
CANDIDATE_ABBR_RE = re.compile(r"(?<![\w-])(?=\w*[A-ZÅÄÖ]\w*[A-ZÅÄÖ])[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,9}(?![\w-])")
# Upper-case words that are no body: document and unit abbreviations common in minutes.
NOT_ABBR = {"PPT", "PDF", "IT", "HR", "IFO", "LSS", "SoL", "HSL", "SIP", "HVB", "VD", "KL", "OK", "EU", "SCB", "AB",
            "PwC", "RSS", "FoU", "SAF", "VoF", "MFoF", "TN", "BBIC", "SKR", "NPM", "ASIH", "OCR", "CSV"}
DECIDED_IN_TEXT_RE = re.compile(r"(?i)\b(?:beslutade|beslutar|beslöt|beslutades)\s+(?:att|om)\b|"
                                r"\b(?:godkändes|fastställdes|antogs|bifölls|avslogs|beslutades)\b|"
                                # "Rapporten lades till handlingarna"
                                r"\b(?:lades|läggs)\s+till\s+handlingarna\b|"
                                # "Rolf Carlsson (m) utses att jämte ordföranden justera …"
                                r"\b(?:utser|utses)\b")
QUOTED_NAME_RE = re.compile(r"[”\"“](?P<name>[A-ZÅÄÖ][\w-]+(?: [\w-]+){0,6})[”\"]")
DECISION_LINE_RE = re.compile(r"^[ \t]*(?:(?P<num>\d{1,2})[.)]|[-–•*])[ \t]+(?P<text>\S.*)$")


@dataclass
class SpanLike:
    """A span found outside spaCy (same fields the rules read from a spaCy Span)."""
    start_char: int
    end_char: int
    text: str
    label_: str


COLUMN_HEADERS = {"namn", "parti", "kommun", "uppdrag", "roll", "funktion", "titel", "organisation", "ledamot",
                  "ersättare", "närvaro", "tjänstgör", "paragraf", "§", "ja", "nej", "avstår", "tjg", "ej tjg"}


def _column_header(line: str) -> bool:
    """'Namn<TAB>Parti<TAB>Uppdrag': the header row of an attendance table."""
    cells = [c.strip().lower() for c in line.split("\t") if c.strip()]
    return len(cells) >= 2 and all(c in COLUMN_HEADERS for c in cells)


def _listed_ambiguous(text: str, munis: list) -> list[SpanLike]:
    """'Orsa, Mora och Älvdalen': a name that is also a word (Mora, Berg) is a municipality when it stands in
    a list with other municipalities."""
    names = [n for n in lexicon.AMBIGUOUS_MUNICIPALITIES if n in text]
    if not names or not munis:
        return []
    edges = {sp.end_char for sp in munis} | {sp.start_char for sp in munis}
    out = []
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, names)) + r")\b", text):
        # "Tomas Eriksson (Boden)" in a list where the others also carry their municipality in parentheses
        if text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
            ls, le = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
            le = len(text) if le < 0 else le
            if any(ls <= e_ - 1 and s_ >= ls and e_ <= le and text[s_ - 1:s_] == "(" for s_, e_ in
                   ((sp.start_char, sp.end_char) for sp in munis)):
                out.append(SpanLike(m.start(), m.end(), m.group(), "MUNI"))
                continue
        before = re.search(r"(?:,|\boch|\bsamt)\s*$", text[max(0, m.start() - 6):m.start()])
        after = re.match(r"\s*(?:,|och\b|samt\b)\s*", text[m.end():m.end() + 6])
        left = before and any(m.start() - 6 <= e <= m.start() for e in edges)
        right = after and (m.end() + after.end()) in edges
        if left or right:
            out.append(SpanLike(m.start(), m.end(), m.group(), "MUNI"))
    return out


@dataclass
class Row:
    name: tuple[int, int]
    party: tuple[int, int] | None
    muni: tuple[int, int] | None
    title: tuple[int, int] | None
    paras: str | None
    markers: list[str]


class Extractor:
    def __init__(self, doc: Document, seg: Segmented, sdoc, meta: dict | None = None):
        self.doc, self.seg, self.sdoc, self.meta = doc, seg, sdoc, meta or {}
        self.text = doc.text
        self.x = DocExtraction(doc.id)
        self.by_key: dict[str, Mention] = {}
        self._body_evidence: list[tuple[int, int, str]] = []  # where each body was first read
        self.spans = {lab: [] for lab in ("MUNI", "REGION", "BODY", "TITLE")}
        for sp in sdoc.spans.get(SPANS_KEY, []):
            self.spans[sp.label_].append(sp)
        # "Region Jämtland Härjedalen", "Kommunförbundet Jämtland Härjedalen": a municipality name inside a
        # region's or body's name is no mention of the municipality
        outer = sorted((sp.start_char, sp.end_char) for sp in self.spans["REGION"] + self.spans["BODY"])
        outer_starts = [a for a, _ in outer]
        reach = list(itertools.accumulate((b for _, b in outer), max))  # the furthest end among the first i

        def inside(sp) -> bool:
            i = bisect.bisect_right(outer_starts, sp.start_char)
            if not i or reach[i - 1] < sp.end_char:
                return False
            return any(sp.end_char <= b and (a, b) != (sp.start_char, sp.end_char) for a, b in outer[:i][::-1])

        self.spans["MUNI"] = [sp for sp in self.spans["MUNI"] if not inside(sp)]
        self.spans["MUNI"] += _listed_ambiguous(seg.masked, self.spans["MUNI"])
        self.person_spans: list[tuple[int, int]] = []
        self._person_sorted: list[tuple[int, int]] = []
        self._person_starts: list[int] = []
        self.meeting_key: str | None = None
        self.body_key: str | None = None
        self.abbr: dict[str, str] = {}  # abbreviation -> body key, from this document's definitions
        self.home_muni: str | None = None
        self.home_region: str | None = None  # a region's own document ("Region Uppsala" in its head)
        self._body_index: tuple | None = None
        self._abbr_re: tuple | None = None

    # ------------------------------------------------------------ helpers
    def ev(self, start: int, end: int, rule: str, conf: float = 1.0) -> Evidence:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(self.doc.id, self.seg.para_at(start), start, end, self.text[start:end], rule, conf)

    def warn(self, msg: str, start: int | None = None, end: int | None = None) -> None:
        para = self.seg.para_at(start) if start is not None else None
        self.x.warnings.append(Warning_(self.doc.id, msg, start, end, para))

    def mention(self, key: str, label: str, props: dict, start: int, end: int, rule: str,
                conf: float = 1.0) -> str:
        m = self.by_key.get(key)
        if m is None:
            m = Mention(key, label, {k: v for k, v in props.items() if v not in (None, "")},
                        self.ev(start, end, rule, conf))
            self.by_key[key] = m
            self.x.mentions.append(m)
            if label == "Body":
                self._body_evidence.append((m.evidence.start, m.evidence.end, key))
            if label != "Document":
                self.x.claims.append(Claim("MENTIONED_IN", key, "doc", m.evidence))
        else:
            for k, v in props.items():
                if v not in (None, "") and not m.props.get(k):
                    m.props[k] = v
        return key

    def claim(self, type_: str, src: str, dst: str, start: int, end: int, rule: str, conf: float = 1.0,
              **props) -> None:
        self.x.claims.append(Claim(type_, src, dst, self.ev(start, end, rule, conf),
                                   {k: v for k, v in props.items() if v is not None}))

    def masked(self, a: int, b: int) -> str:
        return self.seg.masked[a:b]

    # ------------------------------------------------------------ run
    def run(self) -> DocExtraction:
        self.mention("doc", "Document", {}, 0, 0, "document")
        self._home_municipality()
        self._abbreviations()
        self._meeting()
        self._attendance()
        self._signatures()
        self._items()
        self._persons_in_text()
        self._bodies_in_text()
        self._municipalities_in_text()
        self._structure()
        self._prepares_cases()
        self._units()
        self._assignments_outside_decisions()
        self._agreements()
        self._elections()
        self._region_anaphora()
        self._candidate_abbreviations()
        return self.x

    # ------------------------------------------------------------ document level
    def _home_municipality(self) -> None:
        """The municipality a document belongs to: 'Kiruna kommun' in its head (before any list or item), or a
        memo author's e-mail domain (name@ekero.se -> Ekerö)."""
        firsts = [sec.start for sec in self.seg.sections] + [it.start for it in self.seg.items]
        head_end = min(firsts + [len(self.text)])
        head_lines = self.seg.title_lines[:6]
        limit = min(head_end, head_lines[-1].end if head_lines else 0)
        for sp in self.spans["MUNI"]:
            if sp.start_char < limit and "kommun" in sp.text.lower():
                self.home_muni = self.municipality(sp.start_char, sp.end_char, "document-head")
                return
        # a region's minutes: its generic organs ("Regionstyrelsen", "Hälso- och sjukvårdsnämnden") are that
        # region's, as a municipality's nämnder are the municipality's
        for sp in self.spans["REGION"]:
            if sp.start_char < limit:
                self.home_region = self.region(sp.start_char, sp.end_char, "document-head")
                if self.home_region:
                    return
        for m in EMAIL_RE.finditer(self.text, 0, min(len(self.text), 3000)):
            muni = lexicon.municipality_by_slug().get(m["domain"].lower().replace("-", ""))
            if muni:
                self.home_muni = self.mention(f"muni:{muni.code}", "Municipality",
                                              {"name": muni.name, "code": muni.code, "county": muni.county},
                                              m.start(), m.end(), "email-domain", 0.8)
                return

    def body(self, name: str, start: int, end: int, rule: str, short: str | None = None,
             conf: float = 1.0, muni: str | None = None) -> str:
        """A body mention; the key is its normalised name, so spellings in one document meet."""
        name = clean_body_name(name)
        words = name.split(" ")
        if len(words) >= 2 and words[-1].lower() in OWNED_ORGANS and short is None:
            owner_text = " ".join(words[:-1])
            owner_text = owner_text[:-2] if owner_text.endswith(":s") else owner_text
            owner = self.abbr.get(owner_text)
            if owner is None:
                base = owner_text[:-1] if owner_text.endswith("s") and not owner_text.endswith("ss") else owner_text
                owner = self.abbr.get(base) or self.body(base, start, end, rule, conf=conf)
            return self.organ_of(owner, words[-1].lower(), start, end, rule, conf)
        if short and short in self.abbr:
            k = self.abbr[short]
            aliases = self.by_key[k].props.setdefault("aliases", [])
            if name != self.by_key[k].props.get("name") and name not in aliases:
                aliases.append(name)
            return k
        ap = re.fullmatch(r"([a-zåäö-]+) ([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,6}[A-ZÅÄÖ])", name)
        if ap and organ_kind(ap.group(1)):
            kind_ap = organ_kind(ap.group(1))
            k = self.body(ap.group(2), start, end, rule, short=ap.group(2), conf=conf)
            self.by_key[k].props.setdefault("kind", kind_ap)
            return k
        # "Arbetsutskottet utser …" in the minutes of Socialnämndens arbetsutskott: this document's body
        if len(words) == 1 and self.body_key and self.body_key in self.by_key and short is None:
            # (and "Beredningen …" in Demokratiberedningen's: the organ word its name ends in)
            if self._self_reference(words[0]):
                return self.body_key
        kind = body_kind(name)
        if muni is None and kind in ("nämnd", "utskott", "styrelse", "fullmäktige", "presidium") \
                and is_generic_organ(name) and self.home_muni:
            muni = self.home_muni
        region = None
        if muni is None and not self.home_muni and self.home_region and is_generic_organ(name) \
                and kind in ("nämnd", "utskott", "styrelse", "fullmäktige", "presidium"):
            region = self.home_region.split(":", 1)[1]
        key = "body:" + norm_body(name) + (f"@{muni}" if muni else "") + (f"@{region}" if region else "")
        props = {"name": name, "kind": kind, "short": short}
        if muni:
            props["municipality"] = muni.split(":", 1)[1]
        if region:
            props["_region"] = region  # its id is the region's: 'Regionstyrelsen' of two regions is two bodies
        k = self.mention(key, "Body", props, start, end, rule, conf)
        if muni:
            self.claim("BELONGS_TO", k, muni, start, end, rule, conf)
        if short:
            self.abbr[short] = k
            self.by_key[k].props.setdefault("aliases", [])
            self.by_key[k].props["short"] = self.by_key[k].props.get("short") or short
        return k

    def organ_of(self, owner: str, organ: str, start: int, end: int, rule: str, conf: float = 0.9) -> str:
        """'SocSam:s presidium', 'Kommunförbundets styrelse': a body that is part of its owner."""
        organ = organ_lemma(organ)
        op = self.by_key[owner].props
        name = f"{genitive_name(op.get('short') or op['name'])} {organ}"
        key = f"body:{owner.split(':', 1)[1]}#{organ}"
        props = {"name": name, "kind": organ_kind(organ) or organ, "_owner": owner, "_organ": organ}
        if op.get("municipality"):  # "Kommunstyrelsens arbetsutskott": the municipality's, as its owner is
            props["municipality"] = op["municipality"]
        if op.get("_region"):  # "Regionstyrelsens arbetsutskott" of a region's own minutes: that region's
            props["_region"] = op["_region"]
        k = self.mention(key, "Body", props, start, end, rule, conf)
        self.claim("PART_OF", k, owner, start, end, rule, conf)
        return k

    def _kind(self, key: str, kind: str) -> str:
        """Give a body a kind where its name gives none ('IVO' an organisation, 'Samhällsutveckling' an enhet)."""
        props = self.by_key[key].props
        props["kind"] = props.get("kind") or kind
        return key

    def _abbreviations(self) -> None:
        """'Sociala vård- och omsorgsgruppen (SVOM)', 'Sociala samrådsgruppen – SocSam', '…, SocSam,'."""
        bodies = sorted(self.spans["BODY"], key=lambda s: s.start_char)
        for sp in bodies:
            after = self.seg.masked[sp.end_char: sp.end_char + 40]
            # "Politiska samverkansberedningen i Norrbotten (PSB)": the place it serves may stand between
            place = re.match(rf"^[ \t]+i[ \t]+[{UP}][{LOW}]+(?:[ \t]+[{UP}][{LOW}]+)?(?=[ \t]*\()", after)
            m = re.match(r"^[ \t]*" + ABBR_DEF_RE.pattern, after[place.end():] if place else after) \
                or (None if place else ABBR_DASH_RE.match(after))
            if m and place:
                self.body(self.text[sp.start_char: sp.end_char + place.end()], sp.start_char,
                          sp.end_char + place.end() + m.end(), "abbreviation", short=m["abbr"])
                continue
            if m:
                abbr = m["abbr"]
                if abbr.lower() in ("och", "samt") or organ_kind(abbr):
                    continue
                self.body(sp.text, sp.start_char, sp.end_char + m.end(), "abbreviation", short=abbr)
        # "Inspektionen för vård och omsorg (IVO)": an organisation whose words' initials spell the abbreviation
        for m in ABBR_DEF_RE.finditer(self.seg.masked):
            if m["abbr"] not in self.abbr:
                hit = _defined_by_initials(self.seg.masked, m.start(), m["abbr"])
                if hit:
                    self._kind(self.body(self.text[hit[0]:hit[1]], hit[0], m.end(), "abbreviation-initials",
                                         short=m["abbr"], conf=0.9), "organisation")
        # "Socialchefer nätverket (SCHNV)": a capitalised run ending in an organ word, not found as a span
        for m in ABBR_DEF_RE.finditer(self.seg.masked):
            if m["abbr"] in self.abbr:
                continue
            words = list(re.finditer(r"[\w-]+", self.seg.masked[max(0, m.start() - 80): m.start()]))
            base = max(0, m.start() - 80)
            run = []
            for w in reversed(words):
                t = w.group()
                if organ_kind(t) or (t[:1].isupper() and t not in NOT_NAME and t not in MONTHS):
                    run.insert(0, w)
                    continue
                break
            if run and organ_kind(run[-1].group()) and len(run) <= 5:
                a = base + run[0].start()
                self.body(self.text[a: base + run[-1].end()], a, m.end(), "abbreviation", short=m["abbr"])

    def _meeting(self) -> None:
        seg, meta = self.seg, self.meta
        body_name, bstart, bend, short, rule = None, 0, 0, None, "header"
        f = seg.field("body")
        if meta.get("body"):
            body_name, rule = meta["body"], "manifest"
        elif f:
            body_name, bstart, bend = f.value, f.start, f.end
        else:
            for ln in seg.title_lines:
                spans = [s for s in self.spans["BODY"] if ln.start <= s.start_char < ln.end]
                abbr_bodies = [k for a, k in self.abbr.items()
                               if ln.start <= self.by_key[k].evidence.start < ln.end]
                if abbr_bodies:
                    k = abbr_bodies[0]
                    self.body_key = k
                    body_name = None
                    bstart, bend = self.by_key[k].evidence.start, self.by_key[k].evidence.end
                    break
                if spans:
                    s = spans[0]
                    body_name, bstart, bend = s.text, s.start_char, s.end_char
                    break
        if body_name and not self.body_key:
            m = re.match(rf"^(?P<name>.+?)[ \t]*(?:[-–,][ \t]*|\()(?P<abbr>[{UP}][A-Za-zÅÄÖåäö]{{1,7}})\)?[ \t]*$",
                         body_name)
            if m and (organ_kind(m["name"].split()[-1]) or m["abbr"].isupper()):
                body_name, short = m["name"], m["abbr"]
            if rule == "manifest":
                known = self.abbr.get(body_name)
                # the text does not name it: the evidence is the document's first line, with the rule "manifest"
                self.body_key = known or self.body(body_name, *self._first_line_span(), "manifest", short=short)
            else:
                self.body_key = self.body(body_name, bstart, bend, "header", short=short)
        if not self.body_key:
            self.body_key = self._infer_body()
        date = meta.get("date") or seg.meeting_date or meta.get("date_fallback")
        if not meta.get("date") and not seg.meeting_date and meta.get("date_fallback"):
            self.warn(f"mötets datum {date} är taget ur filnamnet (--date-from-filename)")
        if not date and self.body_key:
            self.warn("mötets datum står inte i dokumentet; ange det i en manifestfil (date = ...) "
                      "eller med --date")
        place, time_ = self._place_time()
        if self.body_key is None and not seg.items:
            return  # a memo without a meeting of its own
        props = {"date": date, "place": place, "time": time_, "kind": self.doc_kind(), "_year": seg.year}
        bname = self.by_key[self.body_key].props.get("short") or self.by_key[self.body_key].props["name"] \
            if self.body_key else "okänt organ"
        props["title"] = f"{bname} {date or '(datum okänt)'}"
        props["name"] = props["title"]
        ev_start, ev_end = (bstart, bend) if bend else self._first_line_span()
        self.meeting_key = self.mention("meeting", "Meeting", props, ev_start, ev_end,
                                        "header" if bend else "manifest")
        if self.body_key:
            mk = self.by_key[self.body_key]
            s, e = (bstart, bend) if bend else (mk.evidence.start, mk.evidence.end)
            if e <= s:
                s, e = self._first_line_span()
            self.claim("HELD", self.body_key, self.meeting_key, s, e, "header" if bend else rule)
        else:
            self.warn("dokumentet säger inte vilket organ som höll mötet; ange det i en manifestfil (body = ...)")

    def _first_line_span(self) -> tuple[int, int]:
        ln = self.seg.title_lines[0] if self.seg.title_lines else None
        return (ln.start, ln.end) if ln else (0, min(len(self.text), 40))

    def _infer_body(self) -> str | None:
        """A page that names no body in its head: the body it names most, if it clearly leads (SVOM's web
        page speaks of 'nästa SVOM' and 'Sammanträdestider SVOM 2024'). Said as a warning."""
        counts: dict[str, int] = {}
        where: dict[str, tuple[int, int]] = {}
        for abbr, k in self.abbr.items():
            for m in re.finditer(rf"\b{re.escape(abbr)}\b", self.seg.masked):
                w = 3 if re.search(rf"(?i)(nästa|sammanträdestider|dagens|detta)\s+{re.escape(abbr)}\b",
                                   self.seg.masked[max(0, m.start() - 20): m.end()]) else 1
                counts[k] = counts.get(k, 0) + w
                where.setdefault(k, m.span())
        if not counts or not self.seg.items:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        k = ranked[0][0]
        s, e = where[k]
        self.warn(f"organet står inte i dokumentets huvud; antaget {self.by_key[k].props['name']} "
                  f"(nämns oftast); ange det i en manifestfil om det är fel", s, e)
        return k

    def doc_kind(self) -> str:
        # a kind word that heads a line of the document's opening ("Utdrag ur …", "Minnesanteckningar")
        heads = [ln.strip.lower() for ln in self.seg.title_lines[:3]]
        for word, kind in (("utdrag", "utdrag"), ("minnesanteckning", "minnesanteckningar"),
                           ("tjänsteskrivelse", "tjänsteskrivelse"), ("protokoll", "protokoll"),
                           ("sammanträdesprotokoll", "protokoll"), ("kallelse", "kallelse"),
                           ("föredragningslista", "dagordning")):
            if any(h.startswith(word) or f" {word}" in h[:80] and not h.startswith("•") for h in heads):
                return kind
        if self.seg.item_style == "bullets":
            return "webbsida"
        return "protokoll" if self.seg.sections else "dokument"

    def _place_time(self) -> tuple[str | None, str | None]:
        seg = self.seg
        place = seg.field("place").value if seg.field("place") else None
        time_ = seg.field("time").value if seg.field("time") else None
        pt = seg.field("placetime")
        if pt:
            v = pt.value
            tm = TIME_RE.search(v)
            if tm and not time_:
                time_ = f"{tm[1]}-{tm[2]}"
            rest = v
            for h in reversed(find_dates(v)):
                rest = rest[:h.start] + rest[h.end:]
            if tm:
                rest = rest.replace(tm.group().strip(), "")
            rest = re.sub(r"(?i)\b(kl\.?|klockan)\b", "", rest).strip(" ,\t")
            if rest:
                place = place or rest
            else:
                ln = next((x for x in seg.lines if x.start > pt.end and x.strip), None)
                if ln and len(ln.strip) < 60 and not section_of(ln.strip):
                    place = place or ln.strip
        return place, time_

    # ------------------------------------------------------------ attendance
    def _attendance(self) -> None:
        self._attendance_rows()
        present = {c.src for c in self.x.claims if c.type == "ATTENDED"}
        for c in self.x.claims:
            if c.type == "ABSENT_FROM" and c.src in present:
                self.warn(f"{self.by_key[c.src].props['name']} står både som närvarande och som ej närvarande; "
                          f"båda uppgifterna behålls", c.evidence.start, c.evidence.end)

    def _attendance_rows(self) -> None:
        for sec in self.seg.sections:
            if sec.inline:
                self._inline_attendance(sec)
                continue
            if sec.columns:
                self._table_rows(sec)
                continue
            for ln in sec.rows:
                row = self._parse_row(ln.start, ln.end)
                if row:
                    self._row_facts(row, sec.role, sec.status, ln.start, ln.end)
                elif ln.strip and not re.fullmatch(r"[-–.\s]*", ln.strip) and not _column_header(ln.strip):
                    self.warn(f"raden i närvarolistan kunde inte tolkas: {ln.strip[:60]!r}", ln.start, ln.end)

    def _table_rows(self, sec) -> None:
        """Rows of a collapsed PDF table: 'Birgitta Svahn s X', 'Stina Rosén v - X' (X in the second column),
        'Per Ivarsson kd X tjg ersättare', the party glued to the mark ('Nils Björk SDX'), a title after a comma
        ('Marie Åkesson, ordförande SX'), a name broken over two lines ('Karl-Johan' / 'Lindgren m X') and
        paragraph ranges on a line of their own under a name ('§§ 34-35')."""
        rows = [ln for ln in sec.rows if ln.strip]
        parties = lexicon.parties()
        replaced: list[tuple[int, int, str | None]] = []  # "tjg ersättare för Camilla Strand"
        k = 0
        while k < len(rows):
            ln = rows[k]
            start = ln.start + (len(ln.text) - len(ln.text.lstrip()))
            text = ln.text.strip()
            if re.fullmatch(rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?", text) and k + 1 < len(rows):
                nxt = rows[k + 1]  # the first name alone on a line: the row goes on below
                text = text + " " + nxt.text.strip()
                end_line = nxt
                k += 1
            elif text.endswith("-") and k + 1 < len(rows) and rows[k + 1].text.strip()[:1].islower():
                nxt = rows[k + 1]  # "Åsa Lind-" / "qvist V X": a name hyphenated over the line break
                text = text + nxt.text.strip()
                end_line = nxt
                k += 1
            else:
                end_line = ln
            k += 1
            if PARAS_RE.fullmatch(text) or re.fullmatch(r"(?:§§?[ \t]*[\d\s,–-]+)?(?:\(p\.[ \t]*[\d\s,–-]+\))?", text):
                continue  # the paragraphs the row above was present for
            row = self._table_row(text, parties)
            if row is None or not self._plausible_name(row["name"]):
                if text and not _column_header(text):
                    self.warn(f"raden i närvarotabellen kunde inte tolkas: {text[:60]!r}", ln.start, end_line.end)
                continue
            # offsets in the document: the name may run over the line break
            name_words = row["name"].split()
            ns = self.text.index(name_words[0], start)
            last = name_words[-1].rsplit("-", 1)[-1]
            ne = self.text.index(last, ns + len(name_words[0])) + len(last)
            ps = self.text.index(row["party"], ne)
            marks = row["marks"]
            col = next((i for i, x in enumerate(marks) if x.lower() in ("x", "✓", "×")), None)
            column = sec.columns[col] if col is not None and col < len(sec.columns) else ""
            absent = column.startswith(("ej", "nej", "frånv"))
            rest = row["rest"].strip()
            role = sec.role
            if rest.lower().startswith(("tjg ers", "tjänstgörande ers")):
                role = "tjänstgörande ersättare"
                served_for = self._replaced_member(ps, end_line.end)
                if served_for:
                    replaced.append(served_for)
            pk = self.person(ns, ne, "attendance-table", self.text[ps:ps + len(row["party"])])
            if row["title"]:
                ta = self.text.index(row["title"], ne)
                self._row_title(pk, ta, ta + len(row["title"]), ns, end_line.end)
            if self.meeting_key:
                if absent:
                    self.claim("ABSENT_FROM", pk, self.meeting_key, ns, end_line.end, "attendance-table", role=sec.role)
                elif col is not None or (sec.role == "ersättare" and role == sec.role):
                    # an ersättare listed in the table without a mark was there without serving
                    self.claim("ATTENDED", pk, self.meeting_key, ns, end_line.end, "attendance-table", role=role)
            if self.body_key and sec.role in ("ledamot", "beslutande", "ersättare"):
                self.claim("MEMBER_OF", pk, self.body_key, ns, end_line.end, "attendance-table",
                           role="ersättare" if "ersättare" in role else "ledamot")
        # after the table: the member served for may have a row of their own, below as well as above
        for served_for in replaced:
            self._absent_member(*served_for)

    def _replaced_member(self, a: int, b: int) -> tuple[int, int, str | None] | None:
        """'tjänstgörande ersättare för Ahmed Karimi (V)', '… ersätter Maria Hansson (M)' in text[a:b]: the span and
        the party of the member served for."""
        fm = re.search(rf"\b(?:för|ersätter)[ \t]+(?P<who>{NAME})[ \t]*(?:{PARTY})?", self.text[a:b])
        if not fm or not self._plausible_name(fm["who"]):
            return None
        return a + fm.start("who"), a + fm.end("who"), fm["party"]

    def _absent_member(self, wa: int, wb: int, party: str | None) -> None:
        """The member a tjänstgörande ersättare served for was not there (a table mark read as present is dropped)."""
        if not self.meeting_key:
            return
        pk = self.person(wa, wb, "replaced-member", party)
        self.x.claims = [c for c in self.x.claims if not (c.type == "ATTENDED" and c.src == pk and
                                                          c.dst == self.meeting_key and
                                                          c.evidence.rule == "attendance-table")]
        if not any(c.type == "ABSENT_FROM" and c.src == pk and c.dst == self.meeting_key for c in self.x.claims):
            self.claim("ABSENT_FROM", pk, self.meeting_key, wa, wb, "replaced-member", 0.9, role="ledamot")

    @staticmethod
    def _table_row(text: str, parties) -> dict | None:
        """'Name[, title] PARTY[X] [marks] [rest]' split into its cells, or None."""
        m = re.match(rf"^(?P<name>{NAME})(?P<tail>.*)$", text)
        if not m:
            return None
        tail = m["tail"]
        title = None
        tokens = list(re.finditer(r"\S+", tail))
        i = 0
        if tail.startswith(","):  # "Marie Åkesson, ordförande SX": the title runs up to the party
            for j, t in enumerate(tokens):
                w = t.group().lstrip(",")
                if w.upper() in parties or (w[-1:] in "Xx" and w[:-1].upper() in parties and w[:-1]):
                    if j == 0:
                        return None
                    title = tail[tokens[0].start(): tokens[j - 1].end()].lstrip(", \t")
                    i = j
                    break
            else:
                return None
        if i >= len(tokens):
            return None
        w = tokens[i].group()
        marks = []
        if w.upper() in parties and len(w) <= 4:
            party = w
        elif w[-1:] in "Xx✓×" and w[:-1].upper() in parties and w[:-1]:
            party, marks = w[:-1], [w[-1]]  # "SDX": the mark of the first column glued to the party
        else:
            return None
        i += 1
        while i < len(tokens) and re.fullmatch(r"[Xx✓×-]", tokens[i].group()):
            marks.append(tokens[i].group())
            i += 1
        rest = tail[tokens[i].start():] if i < len(tokens) else ""
        return {"name": m["name"], "title": title, "party": party, "marks": marks, "rest": rest}

    def _row_title(self, pk: str, a: int, b: int, row_a: int, row_b: int) -> None:
        """A title in an attendance row ('ordförande', '1:e vice ordförande') held in this body."""
        title = self.text[a:b]
        if not any(lexicon.is_title_word(w.lower().strip(".,")) for w in title.split()):
            return
        self._title_facts(pk, (a, b), self.body_key, row_a, row_b, "attendance-table")

    def _parse_row(self, a: int, b: int) -> Row | None:
        """'Name (P)<TAB>Municipality<TAB>Title §51-57', 'Name, title, org', or the same with columns
        collapsed into spaces ('Karl-Erik Lundin (KD) Ragunda Kommun Ordf. Sociala utskottet')."""
        line = self.seg.masked[a:b]
        if "\t" in line.strip():
            head = line.split("\t", 1)[0] if line.split("\t", 1)[0].strip() else line
        else:  # columns collapsed into spaces: the name ends where the municipality or body begins
            head = line
            for sp in self.spans["MUNI"] + self.spans["REGION"] + self.spans["BODY"]:
                if a < sp.start_char < a + len(head) and not re.match(r"\s*\(", line[sp.end_char - a:]):
                    head = line[: sp.start_char - a]
        m = re.match(rf"^[ \t•\-–]*(?P<name>{NAME})[ \t]*(?:{PARTY})?[ \t]*,?", head)
        if not m or not self._plausible_name(m["name"]):
            return None
        name = (a + m.start("name"), a + m.end("name"))
        party = (a + m.start("party"), a + m.end("party")) if m["party"] else None
        rest_a = a + m.end()
        # "Maria Holm SD tjg ersättare", "Erik Sand S": a party code without brackets right after the name
        bare = re.match(r"[ \t]+(?P<p>[A-ZÅÄÖ]{1,4}|[a-zåäö]{1,3})(?=[ \t]*$|[ \t]+(?:tjg|tjänstgörande|ej|ersättare|"
                        r"ordf|§|\(|[Xx]\b))", line[m.end("name"):]) if party is None else None
        if bare and bare["p"].upper() in lexicon.parties():
            pa = a + m.end("name") + bare.start("p")
            party = (pa, pa + len(bare["p"]))
            rest_a = pa + len(bare["p"])
        rest = self.seg.masked[rest_a:b]
        cols = [c for c in re.split(r"\t+|[ ]{2,}", rest)]
        muni = None
        for sp in self.spans["MUNI"] + self.spans["REGION"]:
            if rest_a <= sp.start_char < b:
                muni = (sp.start_char, sp.end_char)
                break
        markers = [mk.strip().lower() for mk in re.findall(r"\(([^()]{2,30})\)", rest)]
        paras = None
        pm = PARAS_RE.search(rest)
        if pm:
            paras = re.sub(r"\s", "", pm.group(1))
        # a party in a column of its own ("Anna Lindqvist<TAB>S<TAB>ordförande")
        if party is None and "\t" in rest:
            off = rest_a
            for cell in rest.split("\t"):
                c = cell.strip()
                if c and c.upper() in lexicon.parties() and len(c) <= 4:
                    ca = off + cell.index(c)
                    party = (ca, ca + len(c))
                    rest_a = ca + len(c)
                    break
                off += len(cell) + 1
        # title: what is left after the municipality column, without markers and paragraph ranges
        t_a = muni[1] if muni else rest_a
        tail = self.seg.masked[t_a:b]
        cut = len(tail)
        for rx in (PARAS_RE, re.compile(r"\([^()]{2,30}\)")):
            mm = rx.search(tail)
            if mm:
                cut = min(cut, mm.start())
        tail_text = tail[:cut]
        lead = len(tail_text) - len(tail_text.lstrip(" \t,"))
        tail_text = tail_text.strip(" \t,")
        title = (t_a + lead, t_a + lead + len(tail_text)) if tail_text else None
        if muni:
            # "Johan Axelsson, socialchef, Halmstads kommun": the title stands before the municipality column
            before = self.seg.masked[rest_a:muni[0]]
            bt = before.strip(" \t,")
            words = [w.lower().strip(".,") for w in bt.split()] if bt else []
            if bt and "\n" not in bt and len(bt) < 60 and any(lexicon.is_title_word(w) for w in words):
                ba = rest_a + before.index(bt)
                title = (ba, ba + len(bt))
        if not muni and cols and title is None:
            title = None
        return Row(name, party, muni, title, paras, markers)

    def _plausible_name(self, name: str) -> bool:
        words = name.split()
        if len(words) < 2 or words[0] in NOT_NAME or words[0] in MONTHS:
            return False
        if section_of(words[0]) or words[0].lower() in lexicon.header_labels():  # "Ledamöter Mats Ekholm"
            return False
        if any(organ_kind(w) for w in words) or name.lower() in lexicon.stop_phrases():
            return False
        if any(lexicon.is_title_word(w.lower()) for w in words):
            return False
        if words[0] in lexicon.bare_municipality_names() and len(words) == 2 and words[1] in ("kommun", "Kommun"):
            return False
        # "Norrbottens Kommuner", "Västra Götalands Regionförbund": an organisation of places, not a person
        if words[-1].lower() in ("kommuner", "kommun", "region", "regioner", "län", "landsting"):
            return False
        return True

    def person(self, start: int, end: int, rule: str, party: str | None = None, conf: float = 1.0) -> str:
        # "Åsa Lind-" / "qvist": a name hyphenated over a line break is one word
        name = re.sub(r"\s+", " ", re.sub(r"-[ \t]*\n[ \t]*(?=[a-zåäö])", "", self.text[start:end])).strip()
        props = {"name": name}
        if party:
            code = party.upper()
            known = lexicon.parties().get(code)
            if known:
                props["party"] = known[2]
                props["party_name"] = known[1]
                if known[0] != known[2]:
                    props["party_written"] = party
            else:
                self.warn(f"okänd partibeteckning ({party}) vid {name}", start, end)
        self.person_spans.append((start, end))
        return self.mention("person:" + name, "Person", props, start, end, rule, conf)

    def municipality(self, start: int, end: int, rule: str) -> str | None:
        raw = self.text[start:end]
        m = resolve_municipality(raw)
        if m is None:
            return None
        return self.mention(f"muni:{m.code}", "Municipality", {"name": m.name, "code": m.code,
                                                               "county": m.county}, start, end, rule)

    def region(self, start: int, end: int, rule: str) -> str | None:
        raw = re.sub(r"\s+", " ", self.text[start:end]).strip()
        for r in lexicon.regions():
            if raw.lower() in (r.name.lower(), *(a.lower() for a in r.aliases)):
                return self.body(r.name, start, end, rule, short=None)
        return None

    def _row_facts(self, row: Row, role: str, status: str, a: int, b: int) -> None:
        party = self.text[row.party[0]:row.party[1]] if row.party else None
        pk = self.person(*row.name, "attendance-row", party)
        attend_role = role
        if role == "övrig deltagare" and not row.party:  # "Maja Öhman, ekonomichef § 24": an official
            attend_role = role = "tjänsteperson"
        title_text = self.text[row.title[0]:row.title[1]].lower() if row.title else ""
        if any(mk.startswith(("tjg ers", "tjänstgörande ers")) for mk in row.markers) or \
                title_text.startswith(("tjg ers", "tjänstgörande ers")):
            attend_role = "tjänstgörande ersättare"
        if attend_role == "tjänstgörande ersättare" or title_text.startswith("ersätter"):
            # "tjänstgörande ersättare för Ahmed Karimi (V)", "Kjell Sundberg (M) ersätter Maria Hansson (M)"
            served_for = self._replaced_member(row.name[1], b)
            if served_for:
                self._absent_member(*served_for)
        if self.meeting_key:
            if status == "absent":
                self.claim("ABSENT_FROM", pk, self.meeting_key, a, b, "attendance-row", role=role)
            else:
                self.claim("ATTENDED", pk, self.meeting_key, a, b, "attendance-row", role=attend_role,
                           paras=row.paras)
                if attend_role != role and role == "beslutande":  # a serving substitute listed among beslutande
                    self.claim("ATTENDED", pk, self.meeting_key, a, b, "attendance-row", role=role,
                               paras=row.paras)
            if any(mk.startswith("ordf") for mk in row.markers) and status != "absent":
                self.claim("ATTENDED", pk, self.meeting_key, a, b, "attendance-marker", role="ordförande")
        if self.body_key and role in ("beslutande", "ledamot", "ersättare", "tjänstgörande ersättare",
                                      "ej tjänstgörande ersättare"):
            member_role = "ersättare" if "ersättare" in attend_role or role == "ersättare" else "ledamot"
            self.claim("MEMBER_OF", pk, self.body_key, a, b, "attendance-row", role=member_role)
        mk_ = None
        if row.muni:
            s, e = row.muni
            mk_ = self.municipality(s, e, "attendance-row") or self.region(s, e, "attendance-row")
            if mk_ and mk_.startswith("muni:"):
                self.claim("REPRESENTS", pk, mk_, a, b, "attendance-row")
            elif mk_:
                self.claim("REPRESENTS", pk, mk_, a, b, "attendance-row")
        else:
            org = self._org_column(row, a, b)
            if org:
                mk_ = org
                self.claim("REPRESENTS", pk, org, a, b, "attendance-row")
        if row.title:
            self._title_facts(pk, row.title, mk_, a, b, "attendance-row")

    def _org_column(self, row: Row, a: int, b: int) -> str | None:
        """The second column when it is not a municipality: 'Kommunförbundet J/H', a region, a body."""
        cols = [c for c in re.split(r"\t+", self.text[row.name[1]:b])]
        if len(cols) < 3:
            return None
        col = cols[1].strip(" ,()")
        if not col:
            return None
        start = self.text.index(col, row.name[1])
        return self.region(start, start + len(col), "attendance-row") or (
            self.body(col, start, start + len(col), "attendance-row") if body_kind(col) or "/" in col else None)

    def _title_facts(self, pk: str, span: tuple[int, int], org_key: str | None, a: int, b: int, rule: str) -> None:
        """'Ordf. Vård och omsorgsnämnden' -> role ordförande in that nämnd (of the row's municipality);
        'Förvaltningschef, SAF' -> role förvaltningschef in the municipality, org 'SAF'."""
        raw = self.text[span[0]:span[1]]
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
        if not org and title in MEMBER_ROLES and self.body_key:
            # "Anna Lindqvist (S), ordförande" in a body's list: the role is in that body
            target = self.body_key
            self.claim("MEMBER_OF", pk, target, a, b, rule, role=title)
        elif org and body_kind(org):
            muni = org_key if org_key and org_key.startswith("muni:") else None
            off = raw.rfind(org)
            target = self.body(org, span[0] + off, span[0] + off + len(org), rule, muni=muni)
            role_in_member = title in ("ordförande", "vice ordförande", "1:e vice ordförande",
                                       "2:e vice ordförande", "ledamot", "ersättare")
            if role_in_member:
                self.claim("MEMBER_OF", pk, target, a, b, rule, role=title)
        elif org or title not in MEMBER_ROLES:
            # "Henrik Sundqvist, kommundirektör": an official of the row's organisation or municipality, else of
            # the document's own; "samordnare Barnahus Halland": a unit that is no body here stays as text
            org_text = org
            target = org_key or self.home_muni
            if target is None:
                self._hold(pk, title, None, a, b, rule)
                return
        if target is None:
            return
        tprops = self.by_key[target].props
        tname = tprops.get("short") or tprops.get("name")
        rk = self.mention(f"role:{title}@{target}", "Role", {"title": title, "name": f"{title}, {tname}",
                                                              "org": org_text},
                          span[0], span[1], rule)
        self.claim("HOLDS", pk, rk, a, b, rule)
        self.claim("ROLE_IN", rk, target, span[0], span[1], rule)

    def _inline_attendance(self, sec) -> None:
        """'Närvarande: A, B, C (p. 1) samt D (p.2) och E.' One name listed twice is one person."""
        row = sec.rows[0]
        text = self.seg.masked[row.start:row.end]
        for m in re.finditer(rf"(?P<name>{NAME})(?:[ \t]*{PARTY})?(?P<paras>[ \t]*\((?:p\.|§|punkt)[ \t]*[\d\s,–-]+\))?",
                             text):
            name = m["name"]
            for lead in ("samt ", "och "):
                if name.startswith(lead):
                    name = name[len(lead):]
            if not self._plausible_name(name):
                continue
            s = row.start + m.start("name") + (len(m["name"]) - len(name))
            e = row.start + m.end("name")
            pk = self.person(s, e, "attendance-list", m["party"])
            paras = re.sub(r"[^\d,–-]", "", m["paras"]) if m["paras"] else None
            role = sec.role
            if role == "övrig deltagare" and not m["party"]:  # "Övriga deltagande: Jonas Ekelund, regiondirektör"
                role = "tjänsteperson"
            if self.meeting_key:
                t = "ABSENT_FROM" if sec.status == "absent" else "ATTENDED"
                props = {"role": role} if t == "ABSENT_FROM" else {"role": role, "paras": paras}
                self.claim(t, pk, self.meeting_key, s, row.start + m.end(), "attendance-list", **props)
            # "Tomas Vikberg (M), vice ordförande, Sanna Lidström (C)": a role after the name in the list
            tm = re.match(r"[ \t]*,[ \t]*(?P<title>(?:1:e |2:e )?(?:vice )?ordförande|ledamot|ersättare|"
                          r"[a-zåäö]+-[ \t]+och[ \t]+[a-zåäö]+|"  # "hälso- och sjukvårdsdirektör"
                          r"[a-zåäö-]+)(?=[ \t]*(?:,|$|\.|[ \t]och[ \t]|[ \t]samt[ \t]))", text[m.end():])
            if tm and tm["title"] not in MEMBER_ROLES and not lexicon.is_title_word(tm["title"].split()[-1]):
                tm = None
            if tm and (self.body_key or tm["title"] not in MEMBER_ROLES):
                ta, tb = row.start + m.end() + tm.start("title"), row.start + m.end() + tm.end("title")
                self._title_facts(pk, (ta, tb), None, s, tb, "attendance-list")
            elif not tm:
                # "förvaltningschef Monica Frid, medicinskt ansvarig sjuksköterska Ann Hedlund": the title before
                before = text[:m.start("name") + (len(m["name"]) - len(name))]
                bm = re.search(r"(?:^|[,:;][ \t]*|[ \t](?:och|samt)[ \t]+)(?P<title>(?:[a-zåäö:-]+[ \t]+){1,4})$", before)
                if bm and lexicon.is_title_word(bm["title"].split()[-1].lower()):
                    ta = row.start + bm.start("title")
                    self._title_facts(pk, (ta, ta + len(bm["title"].rstrip())), None, ta, e, "attendance-list")

    def _signatures(self) -> None:
        seg = self.seg
        if not self.meeting_key:
            return
        signed = {re.sub(r"\s+", " ", self.text[s.name_span[0]:s.name_span[1]]): s.role for s in seg.signatures}
        for f in seg.fields:
            if f.name in ("chair", "secretary", "adjuster"):
                role = {"chair": "ordförande", "secretary": "sekreterare", "adjuster": "justerare"}[f.name]
                for m in NAME_RE.finditer(self.seg.masked, f.start, f.end):
                    # "Justeras av: Elin Ring / Sekreterare": the signature below says which role she signs in
                    if signed.get(m.group(), role) != role:
                        continue
                    if self._plausible_name(m.group()):
                        pk = self.person(m.start(), m.end(), "header")
                        self.claim("ATTENDED", pk, self.meeting_key, f.line_start, f.end, "header", role=role)
        # "Rätt utdraget intygar: Elin Ring": who certifies an extract is named, but did not attend for that
        for m in CERTIFIER_RE.finditer(self.seg.masked):
            if self._plausible_name(m["name"]) and not self._inside_person(m.start("name")):
                self.person(m.start("name"), m.end("name"), "certifier")
        for s in seg.signatures:
            pk = self.person(*s.name_span, "signature")
            self.claim("ATTENDED", pk, self.meeting_key, *s.span, "signature", role=s.role)
        self._chair_holds_role()
        # "Ordföranden, Katarina Nyberg Finn (S), hälsar välkommen": the chair named in an apposition
        for m in re.finditer(rf"(?i:ordföranden|mötesordföranden),?[ \t]+(?P<name>{NAME})[ \t]*(?:{PARTY})?",
                             self.seg.masked):
            if self._plausible_name(m["name"]):
                pk = self.person(m.start("name"), m.end("name"), "chair-apposition", m["party"])
                self.claim("ATTENDED", pk, self.meeting_key, m.start(), m.end(), "chair-apposition",
                           role="ordförande")

    def _chair_holds_role(self) -> None:
        """Who chairs a body's meeting is, as a rule, the body's ordförande (said with confidence 0.8)."""
        if not self.body_key:
            return
        chairs = [c for c in self.x.claims if c.type == "ATTENDED" and c.props.get("role") == "ordförande"]
        for c in {c.src: c for c in chairs}.values():
            ev = c.evidence
            self.claim("MEMBER_OF", c.src, self.body_key, ev.start, ev.end, "meeting-chair", 0.8, role="ordförande")
            self._hold(c.src, "ordförande", self.body_key, ev.start, ev.end, "meeting-chair", 0.8)

    def _hold(self, pk: str, title: str, target: str | None, a: int, b: int, rule: str, conf: float = 1.0,
              date: str | None = None) -> str:
        if target is None:  # "Moa Lindunger, projektledare från PwC": a title whose organisation is no body here
            rk = self.mention(f"role:{title}@", "Role", {"title": title, "name": title}, a, b, rule, conf)
            self.claim("HOLDS", pk, rk, a, b, rule, conf, date=date)
            return rk
        tprops = self.by_key[target].props
        rk = self.mention(f"role:{title}@{target}", "Role",
                          {"title": title, "name": f"{title}, {tprops.get('short') or tprops.get('name')}"},
                          a, b, rule, conf)
        self.claim("HOLDS", pk, rk, a, b, rule, conf, date=date)
        self.claim("ROLE_IN", rk, target, a, b, rule, conf)
        return rk

    def _elections(self) -> None:
        """'… väljer Karl-Erik Lundin (KD) till vice ordförande', 'Lennart Raswill (C) är vald till 2:e vice
        ordförande i SVOM', '… utsågs i februari 2023 till vice ordförande i Sociala samrådsgruppen'."""
        text = self.seg.masked
        for rx in ELECTION_RES:
            for m in rx.finditer(text):
                if not self._plausible_name(m["name"]):
                    continue
                role = lexicon.title_forms().get(m["role"].lower().rstrip("."), m["role"].lower())
                target = None
                if m.groupdict().get("body"):
                    bt = m["body"].strip()
                    ba = m.start("body") + (len(m["body"]) - len(m["body"].lstrip()))
                    target = self._body_ref(bt, ba) or (self.body(bt, ba, ba + len(bt), "election")
                                                        if body_kind(bt) else None)
                target = target or self.body_key
                if not target:
                    continue
                pk = self.person(m.start("name"), m.end("name"), "election", m.groupdict().get("party"))
                s_ = _sentence_start(self.text, m.start(), 0)
                # "utsågs i februari 2023 till …": the election's month; else the meeting's date (in resolution)
                when = MONTH_YEAR_RE.search(text, s_, m.end())
                date = f"{when['year']}-{MONTH_NUMBER[when['month'].lower()]:02d}" if when else None
                self.claim("MEMBER_OF", pk, target, s_, m.end(), "election", role=role, date=date)
                self._hold(pk, role, target, s_, m.end(), "election", date=date)

    def _region_anaphora(self) -> None:
        """'landstinget', 'regionen': the region of the document's county (where the municipalities it names
        lie), said with confidence 0.7."""
        county = self._county()
        if not county:  # the one region the document names outright, if it names exactly one
            named = {sp.text.lower() for sp in self.spans["REGION"]}
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
                             r"(?![ \t]+hus\b)", self.seg.masked):
            if self._inside_person(m.start()):
                continue
            rk = self.body(region.name, m.start(), m.end(), "region-anaphora", conf=0.7)
            # "regionens hälso- och sjukvårdsnämnd": the region's own organ, part of it
            om = REGION_ORGAN_RE.match(self.seg.masked, m.end())
            if om and m.group().lower().endswith("s"):
                self.organ_of(rk, om["organ"], m.start(), om.end(), "region-anaphora", 0.7)

    def _county(self) -> str | None:
        codes = [m.props["code"] for m in self.x.mentions if m.label == "Municipality"]
        if self.home_muni:
            codes = [self.by_key[self.home_muni].props["code"]] * 3 + codes
        counties = [c[:2] for c in codes]
        if not counties:
            return None
        top = max(set(counties), key=counties.count)
        return top if counties.count(top) / len(counties) >= 0.6 else None

    def _candidate_abbreviations(self) -> None:
        """Abbreviations this document uses without defining ('Skrivelse från SocSam'): kept as candidates that
        resolution joins to a body another document defines, and drops otherwise. 'X består av …' and
        'X:s presidium' name a body outright."""
        # an upper-case word of seven letters or more is a word in capitals ("PROTOKOLL"), not an abbreviation
        found = [m for m in CANDIDATE_ABBR_RE.finditer(self.seg.masked)
                 if m.group().upper() not in lexicon.parties() and m.group() not in NOT_ABBR
                 and not (m.group().isupper() and len(m.group()) >= 7)
                 and not self._inside_person(m.start())]
        for m in found:
            after = self.seg.masked[m.end(): m.end() + 20]
            am = re.match(r"(?::s\s+(presidium|styrelse|arbetsutskott|beredning|kansli|ordförande|sammanträde)\b|"
                          r"\s+består av)", after)
            if not am:
                continue
            k = self.abbr.get(m.group()) or self.body(m.group(), m.start(), m.end(), "abbreviation-use",
                                                      short=m.group(), conf=0.8)
            if am.group(1) in ("presidium", "styrelse", "arbetsutskott", "beredning", "kansli"):
                # "SocSam:s presidium": the owner's organ, part of it
                self.organ_of(k, am.group(1), m.start(), m.end() + am.end(), "abbreviation-use", 0.8)
        known_words = {w for a in self.abbr for w in a.split()}
        for m in found:
            abbr = m.group()
            if abbr in self.abbr or abbr in known_words:
                continue
            key = f"body:?{abbr}"
            self.mention(key, "Body", {"name": abbr, "short": abbr, "_candidate": True}, m.start(), m.end(),
                         "abbreviation-use", 0.7)

    # ------------------------------------------------------------ items
    def _items(self) -> None:
        for it in self.seg.items:
            ik = f"item:{it.label}"
            props = {"number": it.number, "title": it.title, "name": f"{it.label} {it.title}",
                     "number_inferred": it.number_inferred, "_start": it.start, "_end": it.end}
            dm = DNR_RE.search(self.seg.masked, it.start, it.end)
            if dm:
                props["dnr"] = dm["dnr"]
            self.mention(ik, "AgendaItem", props, it.title_span[0], it.title_span[1], "item-heading")
            if self.meeting_key:
                self.claim("HAS_ITEM", self.meeting_key, ik, it.head[0], max(it.head[1], it.title_span[1]),
                           "item-heading", 0.8 if it.number_inferred else 1.0)
            if it.number_inferred:
                self.warn(f"punkten saknar nummer i texten; numrerad {it.label} efter sina grannar",
                          it.title_span[0], it.title_span[1])
            for part in it.parts:
                if part.kind == "presenters":
                    self._presenters(ik, part)
            decisions = [p for p in it.parts if p.kind == "decision"] or \
                        [p for p in it.parts if p.kind == "proposal"]
            for part in decisions[:1] if decisions and decisions[0].kind == "decision" else decisions:
                self._decisions(it, ik, part)
            if not it.parts:  # notes without headings decide in prose; a "Bakgrund" reports others' decisions
                self._decisions_in_text(it, ik)
            self._referrals(it, ik)

    def _presenters(self, ik: str, part) -> None:
        """'Föredragande: Maria Östlund, IFO-chef Bergs kommun' / 'ordförande X, Y, Östersund och Z, titel'."""
        line_end = self.text.find("\n", part.head[0])
        line_end = len(self.text) if line_end < 0 else line_end
        a = self.text.index(":", part.head[0]) + 1
        for m in NAME_RE.finditer(self.seg.masked, a, line_end):
            if not self._plausible_name(m.group()):
                continue
            pk = self.person(m.start(), m.end(), "presenter")
            self.claim("PRESENTED", pk, ik, part.head[0], line_end, "presenter")
            # a title and organisation right after the name: ", förbundschef, Kommunförbundet …"
            tail = self.seg.masked[m.end(): line_end]
            tm = re.match(r"^,[ \t]*([^,]+?)(?:,[ \t]*([^,]+?))?(?=,|[ \t]+och[ \t]|$|\.)", tail)
            if tm:
                raw = tm.group(1).strip()
                t0 = m.end() + tail.index(raw)
                title, org = split_title(raw)
                org_raw = tm.group(2).strip() if tm.group(2) else org
                org_key = None
                if org_raw:
                    o = self.seg.masked.find(org_raw, m.end(), line_end)
                    if o >= 0:
                        org_key = self.municipality(o, o + len(org_raw), "presenter") or \
                            self.region(o, o + len(org_raw), "presenter") or \
                            (self.body(org_raw, o, o + len(org_raw), "presenter") if body_kind(org_raw) else None)
                if title and org_key:
                    self._title_facts(pk, (t0, t0 + len(raw)), org_key, part.head[0], line_end, "presenter")
        # "Föredragande: Socialcheferna" names a group, not a person: nothing to add.

    def _decisions_in_text(self, it: Item, ik: str) -> None:
        """Memory notes decide in prose: 'Nätverket beslutade att …', '… godkändes.' (confidence 0.8)."""
        k = 0
        for m in DECIDED_IN_TEXT_RE.finditer(self.seg.masked, it.head[1], it.end):
            a, b = _sentence_bounds(self.seg.masked, m.start())
            a = max(a, it.head[1])
            while a < b and self.text[a].isspace():
                a += 1
            k += 1
            dk = f"decision:{it.label}:{k}"
            if dk in self.by_key:
                continue
            text = re.sub(r"\s+", " ", self.text[a:b]).strip()
            self.mention(dk, "Decision", {"text": text, "number": str(k), "name": f"{it.label}.{k}"}, a, b,
                         "decision-in-text", 0.8)
            self.claim("HAS_DECISION", ik, dk, a, b, "decision-in-text", 0.8)
            self._assignments(dk, a, b)
            self._referrals_in(ik, dk, a, b)

    def _decisions(self, it: Item, ik: str, part) -> None:
        lines = [ln for ln in self.seg.lines if part.head[1] < ln.start < part.end]
        items: list[tuple[str | None, int, int]] = []
        inline = self.seg.masked[part.head[0]:part.head[1]]
        im = re.match(r"(?i)^\s*(?:beslut|förslag till beslut|ställningstagande)\s*:\s*(?P<t>\S.*)$", inline)
        if im:  # "Beslut: Äldrenämnden fastställer …" on the heading's own line
            items.append((None, part.head[0] + im.start("t"), part.head[1]))
        elif re.search(r"(?i)\bbeslutar\b(?:[ \t]+(?:att|om)\b|[ \t]+\S)(?!.*:\s*$)", inline) and \
                len(inline.strip()) > 30:
            # "Arbetsutskottet beslutar att utse Tomas Vikberg att justera dagens protokoll.": the line is the decision
            a0 = part.head[0] + (len(inline) - len(inline.lstrip()))
            items.append((None, a0, part.head[1]))
        for ln in lines:
            s = ln.strip
            if not s:
                continue
            m = DECISION_LINE_RE.match(ln.text)
            if m:
                items.append((m["num"], ln.start + m.start("text"), ln.end))
            elif re.match(r"[ \t]*att[ \t]", ln.text):  # "att godkänna …," / "att överlämna …": one decision each
                items.append((None, ln.start + (len(ln.text) - len(ln.text.lstrip())), ln.end))
            elif items and _continues(self.text, items[-1][2], ln.start):
                num, a, _ = items[-1]
                items[-1] = (num, a, ln.end)
            elif not items and re.search(r"(?i)\bbesluta[r]?(?:[ \t]+att)?:?$", s):
                # "Arbetsutskottet föreslår regionstyrelsen besluta att": a lead-in to the points below, and the
                # proposal's way on to the body that decides
                self._referrals_in(ik, ik, ln.start, ln.end)
            elif not items and not s.endswith(":") and not re.search(r"(?i)\bbeslutar\b.*:$", s):
                items.append((None, ln.start + (len(ln.text) - len(ln.text.lstrip())), ln.end))
            elif items and not s.endswith(":"):
                break
        for k, (num, a, b) in enumerate(items, 1):
            dk = f"decision:{it.label}:{k}"
            text = re.sub(r"\s+", " ", self.text[a:b]).strip()
            self.mention(dk, "Decision", {"text": text, "number": num or str(k), "name": f"{it.label}.{k}"},
                         a, b, "decision-line")
            self.claim("HAS_DECISION", ik, dk, a, b, "decision-line")
            self._assignments(dk, a, b)
            self._referrals_in(ik, dk, a, b)

    # ------------------------------------------------------------ assignments
    def _assignments(self, src_key: str, a: int, b: int, rule: str = "assignment") -> None:
        low = self.seg.masked[a:b].lower()
        # every pattern has one of ASSIGN_TRIGGER_RE's words: look only at the passages around them
        # (a passage ends at a full stop or a blank line, as the patterns' tasks do)
        hits = [m.start() for m in ASSIGN_TRIGGER_RE.finditer(low)]
        passages = []
        for i in hits:
            ps = max(low.rfind(".", 0, i) + 1, low.rfind("\n\n", 0, i) + 2, 0)
            ends = [x for x in (low.find(".", i), low.find("\n\n", i)) if x >= 0]
            pe = min(ends) + 1 if ends else len(low)
            if not passages or ps >= passages[-1][1]:
                passages.append((ps, pe))
        for ps, pe in passages:
            self._assignments_in(src_key, a + ps, a + pe, rule)

    def _assignments_in(self, src_key: str, a: int, b: int, rule: str) -> None:
        seg_text = self.seg.masked[a:b]
        for k, rx in enumerate(ASSIGN_RES):
            for m in rx.finditer(seg_text):
                task = re.sub(r"\s+", " ", m["task"]).strip().rstrip(",;")
                ts, te = a + m.start(), a + m.end("task")
                key = f"assignment:{src_key}:{ts}"
                if key in self.by_key or any(x.key.startswith(f"assignment:{src_key}:") and
                                             self.by_key[x.key].evidence.start <= ts <
                                             self.by_key[x.key].evidence.end for x in self.x.mentions
                                             if x.label == "Assignment"):
                    continue
                if rule == "assignment-in-text" and self._restates(src_key, task):
                    continue
                due = self._due(ts, min(len(self.text), te + 300))
                ak = self.mention(key, "Assignment", {"task": task, "due": due, "name": task[:80]}, ts, te, rule)
                self.claim("ASSIGNS", src_key, ak, ts, te, rule)
                if "who" in m.groupdict() and m["who"]:
                    self._assignees(ak, a + m.start("who"), a + m.end("who"), ts, te)

    def _restates(self, src_key: str, task: str) -> bool:
        """An item's summary that repeats what its decision assigned ('ledamöter uppdras att ta hem …')."""
        if not src_key.startswith("item:"):
            return False
        head = " ".join(task.lower().split()[:2])
        decisions = {c.dst for c in self.x.claims if c.type == "HAS_DECISION" and c.src == src_key}
        return any(c.type == "ASSIGNS" and c.src in decisions and
                   " ".join(self.by_key[c.dst].props["task"].lower().split()[:2]) == head for c in self.x.claims)

    def _due(self, a: int, b: int) -> str | None:
        """A due date in the assignment's sentence or a 'återrapportering … <date>' right after it."""
        chunk = self.seg.masked[a:b]
        m = re.search(r"(?i)(senast|till|före|återrapporter\w*|redovisas)[^.]*", chunk)
        if not m:
            return None
        hits = find_dates(self.seg.masked, a + m.start(), a + m.end())
        dates = [h.iso(self.seg.year) for h in hits]
        dates = [d for d in dates if d]
        # "med återrapportering … i december 2024": a month is a due date too
        return dates[-1] if dates else month_of(chunk[m.start():m.end()])

    def _assignees(self, ak: str, a: int, b: int, ts: int, te: int) -> None:
        who = self.seg.masked[a:b]
        # "A, B och C"; not "hälso- och sjukvårdsdirektören" (one word shared over "och")
        for part in re.finditer(r"[^,]+?(?=,|(?<!-)\s+och\s+|\s+samt\s+|$)", who):
            p = part.group().strip()
            if p.startswith(("och ", "samt ")):
                p = p.split(" ", 1)[1]
            if not p:
                continue
            pa = a + who.index(p, part.start())
            nm = None
            for m in NAME_RE.finditer(p):
                if self._plausible_name(m.group()):
                    nm = m
            if nm:
                pk = self.person(pa + nm.start(), pa + nm.end(), "assignee")
                self.claim("ASSIGNED_TO", ak, pk, ts, te, "assignee")
                title_raw = p[: nm.start()].strip()
                if title_raw and (title_raw.lower() in lexicon.title_forms() or
                                  title_raw.lower().endswith(lexicon.title_suffixes())):
                    tk = self._known_role_org(pk)
                    if tk:
                        self._title_facts(pk, (pa, pa + len(title_raw)), tk, ts, te, "assignee")
                continue
            role_person = self._meeting_role_person(p)
            if role_person:
                self.claim("ASSIGNED_TO", ak, role_person, ts, te, "assignee-role", 0.8)
                continue
            bk = self._body_ref(p, pa)
            if bk:
                self.claim("ASSIGNED_TO", ak, bk, ts, te, "assignee")
            else:
                self.warn(f"uppdraget ges till {p!r}, som inte kunde kopplas till en person eller ett organ",
                          pa, pa + len(p))

    def _meeting_role_person(self, phrase: str) -> str | None:
        """'sekreterare' / 'ordföranden' in an assignment: the person who had that role at the meeting."""
        low = phrase.strip().lower()
        role = lexicon.title_forms().get(low)
        if role not in ("sekreterare", "ordförande"):
            # "socialchefen": the one person this document names with that title
            base = re.sub(r"(?:en|n)$", "", low)
            compound = re.fullmatch(r"[a-zåäö]+-[ \t]+och[ \t]+[a-zåäö]+", base)  # "hälso- och sjukvårdsdirektör"
            if (" " in low and not compound) or base == low or not lexicon.is_title_word(base.split()[-1]):
                return None
            roles = {m.key for m in self.x.mentions if m.label == "Role" and m.props.get("title") == base}
            people = {c.src for c in self.x.claims if c.type == "HOLDS" and c.dst in roles}
            return people.pop() if len(people) == 1 else None
        people = {c.src for c in self.x.claims if c.type == "ATTENDED" and c.props.get("role") == role}
        return people.pop() if len(people) == 1 else None

    def _known_role_org(self, pk: str) -> str | None:
        for c in self.x.claims:
            if c.type == "REPRESENTS" and c.src == pk:
                return c.dst
        return None

    def _body_ref(self, phrase: str, pa: int) -> str | None:
        """A phrase naming a body: an abbreviation, a body name, 'presidiet' (this body's), 'X:s ledamöter'."""
        p = phrase.strip()
        low = p.lower()
        if low in ("presidiet", "presidium", "arbetsutskottet", "au") and self.body_key:
            return self.organ_of(self.body_key, "presidium" if "presid" in low else "arbetsutskott", pa,
                                 pa + len(p), "anaphora", 0.8)
        if low in ("styrelsen", "nämnden") and self.body_key:
            return None
        if re.search(r"(?i)\bledamöte(r|rna)\b", p):  # "X:s ledamöter": the members of X, or of this body
            owner = re.sub(r"(?i)(:s|s)?\s*ledamöte(r|rna)\b.*", "", p).strip()
            if not owner:
                return self.body_key
        for abbr, k in self.abbr.items():
            if re.search(rf"\b{re.escape(abbr)}\b", p):
                return k
        # "socialcheferna": the network of socialchefer this document names, if it names one
        gm = re.fullmatch(r"(?P<stem>[a-zåäö-]+?)(?:erna|arna|orna)", low)
        if gm and lexicon.is_title_word(gm["stem"]):
            hits = {m.key for m in self.x.mentions if m.label == "Body" and
                    gm["stem"] in norm_body(m.props.get("name", "")).replace("-", "")}
            if len(hits) == 1:
                return hits.pop()
        for m in re.finditer(r"[\w-]+", p):
            if organ_kind(m.group()):
                # the body name: the words up to and including the organ word
                name = p[: m.end()]
                name = re.sub(r"(?i)\s+(ledamöter|ledamot|presidium)$", "", name)
                return self.body(name, pa, pa + len(name), "assignee")
        # "Norrbottens Kommuner", "Skånes Kommuner": the municipalities' association of a county
        if re.fullmatch(rf"[{UP}][{LOW}]+s[ \t]+(?:Kommuner|Kommunförbund|kommunförbund)", p):
            return self._kind(self.body(p, pa, pa + len(p), "assignee", conf=0.8), "förbund")
        # "ger Västkom i uppdrag" where the document also speaks of "Västkoms styrelse": an organisation
        if re.fullmatch(rf"[{UP}][{LOW}]{{2,}}", p) and p not in NOT_NAME and re.search(
                rf"\b{re.escape(p)}(?::s|s)[ \t]+(?:styrelse|presidium|kansli|ledningsgrupp|förbundsstyrelse)\b",
                self.seg.masked):
            return self._kind(self.body(p, pa, pa + len(p), "assignee", conf=0.8), "organisation")
        ab = re.fullmatch(rf"[{UP}][A-Za-zÅÄÖåäö]{{1,7}}(?: [A-ZÅÄÖ]{{2,5}})?", p)
        if ab and sum(c.isupper() for c in p) >= 2:
            return self.body(p, pa, pa + len(p), "assignee", short=p, conf=0.7)
        return None

    def _assignments_outside_decisions(self) -> None:
        """'Liselott Åsberg uppdras att …' in an item's summary; a memo's 'gavs uppdraget att …'."""
        for it in self.seg.items:
            parts = [p for p in it.parts if p.kind not in ("decision", "proposal")]
            spans = [(p.start, p.end) for p in parts] or [(it.start, it.end)]
            # passages that hold a decision line already gave their assignments through it
            decided = [(m.evidence.start, m.evidence.end) for m in self.x.mentions
                       if m.label == "Decision" and it.start <= m.evidence.start < it.end]
            for a, b in spans:
                for da, db in sorted(decided):
                    if a < da:
                        self._assignments(f"item:{it.label}", a, min(b, da), "assignment-in-text")
                    a = max(a, db)
                if a < b:
                    self._assignments(f"item:{it.label}", a, b, "assignment-in-text")
        if not self.seg.items:
            before = len(self.x.mentions)
            self._assignments("doc-assign", 0, len(self.text), "assignment-in-text")
            new = [m for m in self.x.mentions[before:] if m.label == "Assignment"]
            for m in new:
                self._memo_meeting(m)

    def _memo_meeting(self, am: Mention) -> None:
        """'Vid Socialnämndens arbetsutskotts sammanträde 2013-11-20 gavs uppdraget …': the assignment comes
        from a meeting the memo names; that meeting, item and decision are facts the memo states."""
        s = am.evidence.start
        line_start = self.text.rfind("\n", 0, s) + 1
        sentence = self.seg.masked[line_start: am.evidence.end]
        m = re.search(r"(?i)\bvid\s+(?P<body>.+?)\s+(?:sammanträde|möte)\s+(?:den\s+)?(?P<date>[\d-]{8,10}|\d{1,2}\s+\w+\s+\d{4})",
                      sentence)
        # drop the ASSIGNS claim from the placeholder source, it is re-attached below
        self.x.claims = [c for c in self.x.claims if not (c.type == "ASSIGNS" and c.src == "doc-assign")]
        if not m:
            self.warn("ett uppdrag nämns utan beslut eller möte att knyta det till", s, am.evidence.end)
            return
        body_name = m["body"]
        words = body_name.split()
        # "Socialnämndens arbetsutskotts": the last organ word names the body, earlier ones its parent
        bname = " ".join(words)
        bname = re.sub(r"s$", "", bname) if organ_kind(words[-1]) and words[-1].endswith("s") else bname
        ba = line_start + m.start("body")
        bk = self.body(bname, ba, ba + len(body_name), "memo-meeting")
        if len(words) > 1 and organ_kind(words[0]):
            parent = words[0][:-1] if words[0].endswith("s") else words[0]
            pk = self.body(parent, ba, ba + len(words[0]), "memo-meeting")
            self.claim("PART_OF", bk, pk, ba, ba + len(body_name), "memo-meeting")
        date = parse_one(m["date"], self.seg.year)
        mk = self.mention(f"meeting:{bk}:{date}", "Meeting",
                          {"date": date, "title": f"{self.by_key[bk].props['name']} {date}",
                           "name": f"{self.by_key[bk].props['name']} {date}", "kind": "omnämnt"},
                          line_start + m.start(), line_start + m.end(), "memo-meeting")
        self.claim("HELD", bk, mk, line_start + m.start(), line_start + m.end(), "memo-meeting")
        title_ln = self._memo_title()
        ik = self.mention(f"item:{mk}", "AgendaItem", {"title": title_ln[2] if title_ln else am.props["task"],
                                                      "name": title_ln[2] if title_ln else am.props["task"],
                                                      "number_inferred": True},
                          *(title_ln[:2] if title_ln else (am.evidence.start, am.evidence.end)), "memo-meeting")
        self.claim("HAS_ITEM", mk, ik, line_start + m.start(), am.evidence.end, "memo-meeting", 0.8)
        dk = self.mention(f"decision:{mk}", "Decision", {"text": sentence.strip(), "name": "uppdrag"},
                          line_start, am.evidence.end, "memo-meeting")
        self.claim("HAS_DECISION", ik, dk, line_start, am.evidence.end, "memo-meeting")
        self.claim("ASSIGNS", dk, am.key, am.evidence.start, am.evidence.end, "memo-meeting")
        # the memo answers the assignment: its author is the one who carries it out
        author = self._memo_author()
        if author:
            self.claim("ASSIGNED_TO", am.key, author[0], author[1], author[2], "memo-author", 0.7)
        dnr = DNR_RE.search(self.seg.masked)
        mat = self.mention("matter:memo", "Matter", {"title": self.by_key[ik].props["title"],
                                                     "name": self.by_key[ik].props["title"],
                                                     "dnr": dnr["dnr"] if dnr else None},
                           *(title_ln[:2] if title_ln else (am.evidence.start, am.evidence.end)), "memo-title")
        self.claim("CONCERNS", ik, mat, *(title_ln[:2] if title_ln else (s, am.evidence.end)), "memo-title",
                   step="uppdrag")

    def _memo_title(self) -> tuple[int, int, str] | None:
        """The memo's subject line: the first line of some length before the diary number."""
        for ln in self.seg.lines[:15]:
            s = ln.strip
            if len(s) > 20 and not EMAIL_RE.search(s) and not DNR_RE.search(s):
                off = ln.text.index(s)
                return ln.start + off, ln.start + off + len(s), s
        return None

    def _memo_author(self) -> tuple[str, int, int] | None:
        """'Inger Norin / Sektionschef / inger.norin@ekero.se' at the head of a memo."""
        lines = [ln for ln in self.seg.lines[:8] if ln.strip]
        for k, ln in enumerate(lines[:-1]):
            m = NAME_LINE_RE.match(ln.text)
            nxt = lines[k + 1].strip
            if m and self._plausible_name(m["name"]) and (nxt.lower().endswith(lexicon.title_suffixes()) or
                                                          nxt.lower() in lexicon.title_forms()):
                s = ln.start + m.start("name")
                pk = self.person(s, s + len(m["name"]), "memo-author")
                t0 = lines[k + 1].start + lines[k + 1].text.index(nxt)
                if self.home_muni:
                    self._title_facts(pk, (t0, t0 + len(nxt)), self.home_muni, ln.start, lines[k + 1].end,
                                      "memo-author")
                    self.claim("REPRESENTS", pk, self.home_muni, ln.start, lines[k + 1].end, "memo-author", 0.8)
                return pk, ln.start, lines[k + 1].end
        return None

    # ------------------------------------------------------------ referrals and matters
    def _referrals(self, it: Item, ik: str) -> None:
        decided = {c.evidence.start for c in self.x.claims if c.type == "REFERRED_TO"}
        parts = [p for p in it.parts if p.kind not in ("decision", "proposal")]
        spans = [(p.start, p.end) for p in parts] or [(it.head[1], it.end)]
        if not it.parts:
            spans = [(it.head[1], it.end)]
        for a, b in spans:
            self._referrals_in(ik, ik, a, b, decided)

    def _referrals_in(self, ik: str, src: str, a: int, b: int, skip: set[int] | None = None) -> None:
        """'… överlämnas till SVOM', 'bereds SVOM på dagens sammanträde', 'lyftas till SVOM'."""
        text = self.seg.masked
        for m in REFERRAL_RE.finditer(text, a, b):
            tail = text[m.end(): min(b, m.end() + 80)]
            target = self._body_at(m.end(), tail)
            if not target:
                continue
            bk, te = target
            if bk == self.body_key:
                continue
            verb = re.sub(r"\s+", " ", m["verb"].lower()).split()[0]
            if verb == "föreslår":  # the quote says what is proposed: "föreslår kommunfullmäktige besluta"
                bm = re.match(r"[ \t]+(?:att[ \t]+)?besluta\b", text[te:te + 20])
                te += bm.end() if bm else 0
            s_start = _sentence_start(self.text, m.start(), a)
            if skip and s_start in skip:
                continue
            item_title = self.by_key[ik].props.get("title", "")
            obj = self._referral_object(s_start, m.start()) or item_title
            mk = f"matter:{ik}"
            props = {"title": obj, "name": obj}
            if re.match(r"(?i)(?:ärendet|frågan)\b", obj) and len(obj) < 40:
                # "Ärendet om översyn bereds SVOM": the matter is what the sentence before says
                prev = self.seg.masked[max(a, s_start - 400):s_start]
                props["_context"] = re.sub(r"\s+", " ", prev).strip()
            if "på dagens sammanträde" in self.seg.masked[m.start():min(b, te + 60)].lower():
                props["_same_day"] = True
            self.mention(mk, "Matter", props, s_start, te, "referral")
            if not any(c.type == "CONCERNS" and c.src == ik and c.dst == mk for c in self.x.claims):
                self.claim("CONCERNS", ik, mk, s_start, te, "referral", step="remiss")
            self.claim("REFERRED_TO", src, bk, s_start, te, "referral", verb=verb, matter=mk)

    def _referral_object(self, s: int, v: int) -> str | None:
        """The subject of 'X överlämnas till Y' when it names a document or matter ('Skrivelse angående …')."""
        subj = re.sub(r"\s+", " ", self.text[s:v]).strip(" -–•\t")
        subj = re.sub(r"^(?:\d+\.\s*)", "", subj)
        if 8 <= len(subj) <= 160 and re.match(r"(?i)(skrivelse|ärendet|frågan|förslag|rapport|remiss|motion|"
                                              r"medborgarförslag|begäran|yttrande|avtal|handlingsplan|policy|"
                                              r"riktlinje|program)", subj):
            return subj
        return None

    def _body_at(self, pos: int, tail: str) -> tuple[str, int] | None:
        """The body named at the start of tail (an abbreviation or a body name), and where it ends."""
        m = re.match(r"^\s*(?:det\s+|den\s+)?", tail)
        off = m.end() if m else 0
        for abbr, k in sorted(self.abbr.items(), key=lambda kv: -len(kv[0])):
            if re.match(rf"{re.escape(abbr)}\b", tail[off:]):
                return k, pos + off + len(abbr)
        for sp in self.spans["BODY"] + self.spans["REGION"]:
            if pos + off <= sp.start_char <= pos + off + 40 and not self.seg.masked[pos:sp.start_char].strip(
                    ).replace("det", "").replace("den", "").strip(" ,"):
                if sp.label_ == "REGION":
                    return self.region(sp.start_char, sp.end_char, "referral"), sp.end_char
                return self.body(sp.text, sp.start_char, sp.end_char, "referral"), sp.end_char
        am = re.match(rf"([{UP}][A-Za-zÅÄÖåäö]{{1,7}})\b", tail[off:])
        if am and sum(c.isupper() for c in am.group(1)) >= 2:
            k = self.abbr.get(am.group(1))
            if k:
                return k, pos + off + len(am.group(1))
            k = self.body(am.group(1), pos + off, pos + off + len(am.group(1)), "referral", short=am.group(1),
                          conf=0.7)
            return k, pos + off + len(am.group(1))
        return None

    # ------------------------------------------------------------ running text
    def _persons_in_text(self) -> None:
        """Names in prose: 'Name (P)', 'title Name', 'Name informerar', and names already known in this
        document (from lists) wherever they recur. A name is never guessed from a single capital word."""
        text = self.seg.masked
        known = {m.props["name"] for m in self.x.mentions if m.label == "Person"}
        for m in NAME_PARTY_RE.finditer(text):
            if self._plausible_name(m["name"]) and not self._inside_person(m.start("name")):
                self.person(m.start("name"), m.end("name"), "name-party", m["party"])
        for sp in self.spans["TITLE"]:
            nm = re.match(rf"[ \t]+(?P<name>{NAME})", text[sp.end_char: sp.end_char + 60])
            if nm and self._plausible_name(nm["name"]) and sp.text[:1].islower() or \
                    (nm and sp.text[:1].isupper() and self._plausible_name(nm["name"]) and nm["name"] in known):
                s = sp.end_char + nm.start("name")
                if not self._inside_person(s):
                    self.person(s, s + len(nm["name"]), "title-name")
        # "Moa Lindunger, projektledare från PwC, tar vid"; "Robert Brandt, Östersunds kommun, redogör"
        muni_starts = {sp.start_char for sp in self.spans["MUNI"] + self.spans["REGION"]}
        for m in re.finditer(rf"(?P<name>{NAME}),[ \t]+(?P<app>[^,.\n]{{2,60}}),", text):
            app = m["app"].strip()
            first = app.split()[0].lower()
            is_title = lexicon.is_title_word(first)
            is_place = (m.start("app") + len(m["app"]) - len(m["app"].lstrip())) in muni_starts
            if (is_title or is_place) and self._plausible_name(m["name"]) and not self._inside_person(m.start()):
                pk = self.person(m.start("name"), m.end("name"), "name-apposition", conf=0.9)
                if is_title:
                    self._title_in_prose(pk, app, m.start("app") + len(m["app"]) - len(m["app"].lstrip()),
                                         m.start(), m.end() - 1, "name-apposition")
        # "börjar Malin Elmerstig som övergripande strateg"; "Rosi Hoffer (ordf. i …)"
        for m in re.finditer(rf"(?P<name>{NAME})(?:[ \t]+som[ \t]+(?:\w+[ \t]+)?(?P<t1>\w+)|[ \t]*\((?P<t2>[a-zåäö.]+))",
                             text):
            t = (m["t1"] or m["t2"] or "").lower()
            if (t in lexicon.title_forms() or t.rstrip(".") in lexicon.title_forms() or
                    t.endswith(lexicon.title_suffixes())) and self._plausible_name(m["name"]) \
                    and not self._inside_person(m.start()):
                pk = self.person(m.start("name"), m.end("name"), "name-title", conf=0.9)
                if m["t2"]:  # "Rosi Hoffer (ordf. i barn- och utbildningsnämnden i Östersund och BUZ)"
                    close = text.find(")", m.start("t2"), m.start("t2") + 120)
                    phrase = text[m.start("t2"):close if close > 0 else m.end()]
                    self._title_in_prose(pk, phrase, m.start("t2"), m.start(), m.start("t2") + len(phrase),
                                         "name-title")
                if m["t1"]:  # "börjar Malin Elmerstig som övergripande strateg inom förbundet"
                    ts = text.rfind("som", m.start(), m.start("t1")) + 3
                    phrase = text[ts:min(len(text), m.end() + 80)]
                    self._title_in_prose(pk, phrase.strip(), ts + len(phrase) - len(phrase.lstrip()), m.start(),
                                         m.end(), "name-title")
        verbs = "|".join(PERSON_VERBS)
        for m in re.finditer(rf"(?P<names>{NAME}(?:[ \t]+och[ \t]+{NAME})?)(?:,[^,.\n]{{2,60}},)?[ \t]+"
                             rf"(?:tar vid och )?(?P<verb>{verbs})\b(?P<obj>[ \t]+punkten|[ \t]+ärendet)?", text):
            for nm in NAME_RE.finditer(m["names"]):
                s = m.start("names") + nm.start()
                if self._plausible_name(nm.group()) and not self._inside_person(s):
                    self.person(s, s + len(nm.group()), "name-verb", conf=0.9)
                # "Maria Höög och Helena Ivansson föredrar punkten": presenters of the item they stand in
                if m["verb"] in PRESENT_VERBS and self._plausible_name(nm.group()):
                    it = next((i for i in self.seg.items if i.start <= m.start() < i.end), None)
                    if it:
                        pk = "person:" + re.sub(r"\s+", " ", nm.group()).strip()
                        if pk in self.by_key:
                            self.claim("PRESENTED", pk, f"item:{it.label}", m.start(), m.end(), "name-verb", 0.9)
        known = {m.props["name"] for m in self.x.mentions if m.label == "Person"}
        if known:
            alt = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
                if not self._inside_person(m.start()):
                    self.person(m.start(), m.end(), "known-name")
        # "M. Östlund": an initial and a surname; kept as written and joined to the full name in resolution
        for m in re.finditer(rf"\b(?P<name>[{UP}]\.[ \t]?[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)\b", text):
            if not self._inside_person(m.start()):
                self.person(m.start(), m.end(), "initial-name", conf=0.8)

    def _title_in_prose(self, pk: str, phrase: str, at: int, a: int, b: int, rule: str) -> None:
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
        pm = re.match(r"[ \t]+(?:från|på|vid|i|inom|för)[ \t]+", self.text[rest_at:rest_at + 12])
        target = None
        if pm:
            pos = rest_at + pm.end()
            hit = self._body_at(pos, self.seg.masked[pos:pos + 80])
            target = hit[0] if hit else None
            if target is None:
                sp = next((sp for sp in self.spans["MUNI"] if sp.start_char == pos), None)
                target = self.municipality(sp.start_char, sp.end_char, rule) if sp else None
        self._hold(pk, title, target, a, max(b, rest_at), rule, 0.8)

    def _inside_person(self, pos: int) -> bool:
        # spans only ever appended: the new ones are inserted in order (sorting all again was quadratic in a
        # document with thousands of names)
        for span in self.person_spans[len(self._person_sorted):]:
            k = bisect.bisect_right(self._person_sorted, span)
            self._person_sorted.insert(k, span)
            self._person_starts.insert(k, span[0])
        i = bisect.bisect_right(self._person_starts, pos) - 1
        # spans may nest or overlap a little: look back over a few
        for a, b in self._person_sorted[max(0, i - 3): i + 1]:
            if a <= pos < b:
                return True
        return False

    def _bodies_in_text(self) -> None:
        rows = [(sec.start, sec.end) for sec in self.seg.sections]
        # a bare organ word inside a longer body name already read ("socialnämndens arbetsutskott") is that body
        for sp in self.spans["BODY"]:
            if sp.text.lower() in lexicon.stop_phrases() or self._inside_person(sp.start_char) or \
                    any(a <= sp.start_char < b for a, b in rows):
                continue
            if self._containing_body(sp):
                continue
            name = sp.text
            after = self.text[sp.end_char: sp.end_char + 2]
            if after.startswith("/") and len(after) == 2 and after[1].isupper():  # "Kommunförbundet J/H"
                continue
            self.body(name, sp.start_char, sp.end_char, "body-name", conf=0.9)
        for sp in self.spans["REGION"]:
            self.region(sp.start_char, sp.end_char, "region-name")
        # a quoted name that begins or ends with an organ word: 'dåvarande ”Rådet för regional utveckling”'
        for m in QUOTED_NAME_RE.finditer(self.seg.masked):
            words = m["name"].split()
            if organ_kind(words[0]) or organ_kind(words[-1]):
                self.body(m["name"], m.start("name"), m.end("name"), "quoted-body-name", conf=0.9)

    def _municipalities_in_text(self) -> None:
        for sp in self.spans["MUNI"]:
            if self._inside_person(sp.start_char):
                continue
            self.municipality(sp.start_char, sp.end_char, "municipality-name")

    # ------------------------------------------------------------ structure statements
    def _structure(self) -> None:
        text = self.seg.masked
        done: set[int] = set()
        # searched in lower case without IGNORECASE: the engine can then skip ahead on the first letters
        for tm in STRUCTURE_TRIGGER.finditer(text.lower()):
            s, e = _sentence_bounds(text, tm.start())
            if s in done:
                continue
            done.add(s)
            sent = text[s:e]
            if len(sent) < 15:
                continue
            bodies = self._bodies_in(s, e)
            if not bodies:
                continue
            for type_, rx in STRUCTURE_RES:
                for m in rx.finditer(sent):
                    before = [b for b in bodies if b[1] <= s + m.start()]
                    after = [b for b in bodies if b[1] >= s + m.end()]
                    tgt = after[0] if after else self._anaphor(sent[m.end():], s + m.end(), bodies)
                    if not before:  # "Beredningen rapporterar till …": the document's own body as the subject
                        first = re.match(r"[ \t]*(?P<w>[A-ZÅÄÖ][a-zåäö]+)\b", sent)
                        if first and self._self_reference(first["w"]) and s + first.end() <= s + m.start():
                            before = [(self.body_key, s + first.start("w"), s + first.end("w"))]
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
                            self.claim(type_, src[0], t[0], s, e, "structure-" + type_.lower())
            # inverted word order after an adverbial (Swedish V2): "Från och med 2024 rapporterar beredningen
            # till kommunfullmäktige": the subject stands between the verb and "till"
            for m in INVERTED_REPORT_RE.finditer(sent):
                inside = [b for b in bodies if s + m.end("verb") <= b[1] and b[2] <= s + m.start("prep")]
                after = [b for b in bodies if b[1] >= s + m.end()]
                if len(inside) == 1 and after and inside[0][0] != after[0][0]:
                    self.claim("REPORTS_TO", inside[0][0], after[0][0], s, e, "structure-reports_to-inverted")
            # "Primärkommunala rådet som har upplösts med anledning av Kommunförbundet Jämtland Härjedalens
            # bildande": the body named after the phrase succeeded the one before it
            for m in DISSOLVED_RE.finditer(sent):
                before = [b for b in bodies if b[1] <= s + m.start()]
                after = [b for b in bodies if b[1] >= s + m.end()]
                if before and after and before[-1][0] != after[0][0]:
                    self.claim("SUCCEEDED", after[0][0], before[-1][0], s, e, "structure-dissolved", 0.8)
            self._preparatory_groups(sent, s, e)
            self._founding(sent, s, e, bodies)
            self._part_of_genitive(sent, s, e)

    # ------------------------------------------------------------ units and operations
    def _units(self) -> None:
        """Units inside an organisation and what runs inside them: 'enhet Samhällsutveckling, Region X' (PART_OF
        the region), 'A och B avvecklas inom enhet C' (PART_OF C), 'Styrgrupp för projektet är D' (REPORTS_TO)."""
        text = self.seg.masked
        rows = [(sec.start, sec.end) for sec in self.seg.sections]
        has_cue = any(w in text for w in ("enhet", "avdelning", "sektion", "verksamhetsområde"))
        for m in UNIT_RE.finditer(text) if has_cue else ():
            if any(a <= m.start() < b for a, b in rows) or self._inside_person(m.start("name")):
                continue
            uk = self._unit(m)
            # "enhet Samhällsutveckling, Region Jämtland Härjedalen": the organisation it belongs to
            owner = [b for b in self._bodies_in(m.end(), m.end() + 60) if b[1] - m.end() <= 3
                     and re.fullmatch(r",?[ \t]*(?:inom|vid|i|på)?[ \t]*", text[m.end(): b[1]])]
            if uk and owner and owner[0][0] != uk:
                self.claim("PART_OF", uk, owner[0][0], m.start(), owner[0][2], "unit-of", 0.9)
        for m in re.finditer(r"inom[ \t]+", text):  # "… avvecklas inom …", found from the literal word
            vm = INSIDE_VERB_RE.search(text, max(0, m.start() - 14), m.start())
            if not vm or (vm.start() and text[vm.start() - 1].isalpha()):
                continue
            s, e = _sentence_bounds(text, m.start())
            after = text[m.end(): e]
            um = UNIT_RE.match(after)
            target, tend = None, m.end()
            if um:
                target, tend = self._unit(um, m.end()), m.end() + um.end()
            else:
                bodies = [b for b in self._bodies_in(m.end(), e) if b[1] == m.end()]
                nm = re.match(UNIT_NAME, after)
                if bodies:
                    target, tend = bodies[0][0], bodies[0][2]
                elif nm and nm.group().split()[0].lower() not in PRONOUNS:
                    target = self._kind(self.body(nm.group(), m.end(), m.end() + nm.end(), "unit", conf=0.8),
                                        "verksamhet")
                    tend = m.end() + nm.end()
            if not target:
                continue
            for a, b in self._inside_subjects(text, s, vm.start()):
                k = self._kind(self.body(text[a:b], a, b, "unit", conf=0.8), "verksamhet")
                if k != target:
                    self.claim("PART_OF", k, target, a, tend, "unit-inside", 0.8)
        for m in STEERING_RE.finditer(text) if "tyrgrupp" in text else ():
            s, e = _sentence_bounds(text, m.start())
            bodies = [b for b in self._bodies_in(m.end(), e) if b[1] == m.end()]
            nm = re.match(UNIT_NAME, text[m.end(): e])
            target = bodies[0][0] if bodies else (
                self.body(nm.group(), m.end(), m.end() + nm.end(), "steering-group", conf=0.8) if nm else None)
            if not target:
                continue
            if m["q"]:
                qa, qb = m.start("q"), m.end("q")
            else:  # "projektet": the project named in quotes before, in the same item
                it = next((it for it in self.seg.items if it.start <= m.start() < it.end), None)
                floor = it.start if it else max(0, m.start() - 1500)
                quoted = list(QUOTED_NAME_RE.finditer(text, floor, m.start()))
                if not quoted:
                    continue
                qa, qb = quoted[-1].start("name"), quoted[-1].end("name")
            pk = self._kind(self.body(text[qa:qb], qa, qb, "steering-group", conf=0.8), "projekt")
            if pk != target:
                self.claim("REPORTS_TO", pk, target, m.start(), m.end() + (nm.end() if nm else 0),
                           "steering-group", 0.8)

    def _unit(self, m: re.Match, offset: int = 0) -> str | None:
        cue, name = m["cue"], m["name"]
        a = offset + m.start("name")
        if name.startswith("för"):  # "sektionen för vuxna" is the name
            a, name = offset + m.start(), m.group()
        elif name.split()[0].lower() in PRONOUNS or name.split()[0] in MONTHS:
            return None
        kind = next(base for base in ("enhet", "avdelning", "sektion", "verksamhetsområde") if cue.lower().startswith(base))
        return self._kind(self.body(name, a, a + len(name), "unit", conf=0.8), kind)

    def _inside_subjects(self, text: str, s: int, verb_at: int) -> list[tuple[int, int]]:
        """The named things before 'avvecklas inom …': a quoted name, or 'A och B' of capitalised words."""
        # "… skulle bedrivas inom", "kommer A och B att organiseras inom": the modal is no part of the name
        before = re.sub(r"(?:^|[ \t]+)(?:skulle|ska|skall|kommer att|att)$", "", text[s:verb_at].rstrip())
        q = re.search(r"[”\"](?P<name>[A-ZÅÄÖ][^”\"]{1,60})[”\"]$", before)
        if q:
            return [(s + q.start("name"), s + q.end("name"))]
        # "att A och B organiseras", "kommer A och B att organiseras", "där A ska drivas"
        cut = max([0] + [mm.end() for mm in re.finditer(r"(?:\batt|\bsom|\bdär|\bkommer|\bska|\bskall|\bskulle|,|:)"
                                                          r"[ \t]+", before)])
        chunk = before[cut:]
        out = []
        for pm in re.finditer(r"[^ \t].*?(?=[ \t]+och[ \t]+|$)", chunk):
            part = pm.group().removeprefix("och ").strip()
            if not re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wåäö-]+){0,2}", part) or \
                    part.split()[0].lower() in PRONOUNS:
                return []
            a = s + cut + chunk.index(part, pm.start())
            if self._inside_person(a):
                return []
            out.append((a, a + len(part)))
        return out

    def _self_reference(self, word: str) -> bool:
        """'Arbetsutskottet' in the minutes of Socialnämndens arbetsutskott, 'Beredningen' in Demokratiberedningen's:
        a bare organ word that names this document's own body."""
        if not self.body_key or self.body_key not in self.by_key or not organ_kind(word):
            return False
        own = self.by_key[self.body_key].props.get("name", "").split()
        if not own:
            return False
        lemma, own_lemma = organ_lemma(word), organ_lemma(own[-1])
        return (lemma == own_lemma and len(own) > 1) or (
            lemma != own_lemma and own_lemma.endswith(lemma) and len(lemma) >= 5)

    def _prepares_cases(self) -> None:
        """'(X) bereder (X) ärenden som ska avgöras av Y': X prepares for Y, its subject before or after the verb;
        the sentence may wrap over a line."""
        text = self.seg.masked
        for m in PREPARES_CASES_RE.finditer(text):
            s = max(text.rfind(".", 0, m.start()) + 1, text.rfind("\n\n", 0, m.start()) + 2, 0)
            e = text.find(".", m.end())
            e = len(text) if e < 0 else e + 1
            bodies = self._bodies_in(s, e)
            tgt = [b for b in bodies if b[1] >= m.end()]
            src = [b for b in bodies if m.start("verb") <= b[1] < m.start("cases")] or \
                [b for b in bodies if b[1] < m.start("verb")][-1:]
            if src and tgt and src[0][0] != tgt[0][0]:
                while s < e and text[s].isspace():
                    s += 1
                self.claim("PREPARES_FOR", src[0][0], tgt[0][0], s, e, "structure-prepares_for", 0.9)

    def _containing_body(self, sp) -> str | None:
        """The body whose name, already read, holds this span: 'arbetsutskott' in 'socialnämndens arbetsutskott'."""
        a, b = sp.start_char, sp.end_char
        for s_, e_, key in self._body_evidence:
            if s_ <= a and b <= e_ and (s_, e_) != (a, b) and e_ - s_ < 120:
                return key
        return None

    def _bodies_in(self, s: int, e: int) -> list[tuple[str, int, int]]:
        """Bodies named in text[s:e] (spans and this document's abbreviations), in order."""
        if self._body_index is None:
            rows = [(sec.start, sec.end) for sec in self.seg.sections]
            spans = sorted((sp for sp in self.spans["BODY"] + self.spans["REGION"]
                            if not any(a <= sp.start_char < b for a, b in rows)), key=lambda sp: sp.start_char)
            self._body_index = ([sp.start_char for sp in spans], spans)
        starts, spans = self._body_index
        out = []
        for sp in spans[bisect.bisect_left(starts, s): bisect.bisect_left(starts, e)]:
            if self._inside_person(sp.start_char):
                continue
            k = self.region(sp.start_char, sp.end_char, "structure") if sp.label_ == "REGION" else \
                (self._containing_body(sp) or self.body(sp.text, sp.start_char, sp.end_char, "body-name", conf=0.9))
            if k:
                out.append((k, sp.start_char, sp.end_char))
        if self.abbr:
            if self._abbr_re is None or self._abbr_re[0] != len(self.abbr):
                alt = "|".join(re.escape(a) for a in sorted(self.abbr, key=len, reverse=True))
                self._abbr_re = (len(self.abbr), re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])"))
            for m in self._abbr_re[1].finditer(self.seg.masked, s, e):
                out.append((self.abbr[m.group()], m.start(), m.end()))
        out.sort(key=lambda t: t[1])
        return out

    def _anaphor(self, rest: str, pos: int, bodies: list) -> tuple | None:
        """'kopplat till styrelsen': the styrelse named earlier in the sentence ('… Kommunförbundet Jämtland
        Härjedalens styrelse …')."""
        m = re.match(r"\s*(?:till\s+|under\s+|mot\s+)?(?:den\s+|det\s+)?(?P<w>styrelsen|nämnden|förbundet|"
                     r"regionen|fullmäktige)\b", rest)
        if not m:
            return None
        w = m["w"]
        stem = w[:-2] if w.endswith(("en", "et")) else w
        for k, a, b in reversed(bodies):
            name = self.by_key[k].props.get("name", "").lower()
            if stem in name:
                return k, a, b
        # "X-förbundets styrelse": a genitive owner followed by the word
        text = self.seg.masked[max(0, pos - 400): pos]
        gm = list(re.finditer(rf"(?P<owner>(?:[{UP}][\w-]+[ \t]+){{0,3}}[{UP}][\w-]+s)[ \t]+{stem}", text))
        if gm:
            g = gm[-1]
            a = max(0, pos - 400) + g.start()
            owner = g["owner"][:-1]
            ok = self.abbr.get(owner) or self.body(owner, a, a + len(g["owner"]), "anaphora", conf=0.8)
            k = self.organ_of(ok, w, a, max(0, pos - 400) + g.end(), "anaphora", 0.8)
            return k, a, max(0, pos - 400) + g.end()
        return None

    def _preparatory_groups(self, sent: str, s: int, e: int) -> None:
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
            bodies = self._bodies_in(s, e)
            heads = [b for b in bodies if b[2] <= s + cm.start()]
            groups = [b for b in bodies if b[1] >= s + cm.end()]
            if heads and groups:
                for gk, _, _ in groups:
                    if gk != heads[-1][0]:
                        self.claim("PREPARES_FOR", gk, heads[-1][0], s, e, "preparatory-groups")
            return
        inner_a = s + m.start("inner")
        for gm in re.finditer(r"(?P<head>[^:,]+):(?P<list>[^:]+?)(?=,[^,:]+:|$)", m["inner"]):
            head = gm["head"].strip()
            ha = inner_a + gm.start("head") + gm["head"].index(head)
            hk = self._body_ref(head, ha)
            if not hk:
                continue
            for it in re.finditer(r"[^,]+?(?=\s+och\s+|,|$)", gm["list"]):
                p = it.group().strip()
                p = re.sub(r"^(och|samt)\s+", "", p)
                if not p:
                    continue
                pa = inner_a + gm.start("list") + gm["list"].index(p, it.start())
                pk = self._body_ref(p, pa) or self.body(p, pa, pa + len(p), "preparatory-group", conf=0.8)
                if pk and pk != hk:
                    self.claim("PREPARES_FOR", pk, hk, s, e, "preparatory-groups")

    def _founding(self, sent: str, s: int, e: int, bodies: list) -> None:
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
            bm = self.by_key[subject[0]]
            bm.props.setdefault("founded", yr.group())
        nxt = SENT_RE.search(self.seg.masked, e)
        while nxt and not nxt.group().strip():
            nxt = SENT_RE.search(self.seg.masked, nxt.end())
        if nxt and re.match(r"(?i)\s*(dessförinnan|innan dess|före dess|tidigare)\b", nxt.group()):
            for k, a, b in self._bodies_in(nxt.start(), nxt.end()):
                if k != subject[0] and self.by_key[k].props.get("kind") not in ("region",) and \
                        not k.startswith("body:region"):
                    self.claim("SUCCEEDED", subject[0], k, s, nxt.end(), "founding-sequence", 0.8)

    def _part_of_genitive(self, sent: str, s: int, e: int) -> None:
        """'SocSam:s presidium', 'Kommunförbundets styrelse', 'Socialnämndens arbetsutskott' -> PART_OF."""
        for m in re.finditer(rf"(?P<owner>[{UP}][\w-]+(?:[ \t]+[{UP}][\w-]+){{0,3}})(?::s|s)[ \t]+"
                             rf"(?P<organ>presidium|presidiet|styrelse|arbetsutskott|utskott|beredning)\b", sent):
            owner = m["owner"]
            oa = s + m.start("owner")
            ok = self.abbr.get(owner) or (self.body(owner, oa, oa + len(owner), "genitive-organ", conf=0.9)
                                          if organ_kind(owner.split()[-1]) or owner.startswith(("Kommunförbund",
                                                                                                "Region")) else None)
            if not ok:
                continue
            self.organ_of(ok, m["organ"], s + m.start(), s + m.end(), "genitive-organ", 0.9)

    # ------------------------------------------------------------ agreements
    def _agreements(self) -> None:
        """An item that proposes or states an agreement (avtal, samverkansavtal, överenskommelse): its parties
        and what each pays (percent, kronor, posts)."""
        for it in self.seg.items:
            body = self.seg.masked[it.start:it.end]
            low = body.lower()
            if "avtal" not in low and "överenskommelse" not in low:
                continue
            m = AGREEMENT_RE.search(body)
            shares = []
            for vm in SHARE_VERB_RE.finditer(body):
                # the party: back to the start of the clause (a line, a bullet or a sentence), at most 80 characters
                a = max(body.rfind(ch, max(0, vm.start() - 80), vm.start()) for ch in ".\n•")
                a = max(a + 1, vm.start() - 80)
                shares.append((a, vm.start(), vm.end("what"), vm["what"]))
            if not m or not shares:
                continue
            kind = m["kind"].lower()
            topic = re.split(r"\s[–-]\s|\si\s|:", it.title)[0].strip()
            topic = re.sub(r"\s+(?:19|20)\d\d(?:[–-](?:19|20)\d\d)?$", "", topic)  # "… 2023–2025": the period
            if topic.lower().startswith(kind):  # "Samverkansavtal om Barnahus Halland" names itself
                name = topic[0].upper() + topic[1:]
            else:
                name = f"{kind.capitalize()} {topic}" if topic else kind.capitalize()
            ak = self.mention(f"agreement:{it.label}", "Agreement", {"name": name},
                              it.start + m.start("kind"), it.start + m.end("kind"), "agreement")
            tm = re.search(r"(?i)(?:totala?|sammanlagda?)[^.]{0,60}?(?:uppgår till|är|om)\s+(?:ca\.?\s+)?"
                           r"(?P<sum>[\d  ]+(?:,\d+)?\s*(?:kronor|kr|mkr|miljoner kronor))", body)
            if tm:
                self.by_key[ak].props["total"] = re.sub(r"\s+", " ", tm["sum"]).strip()
            # "samverkansavtal … mellan Region Halland och kommunerna Halmstad, Varberg …": every party named
            sharing = set()
            for a, b, e, what in shares:
                sharing.update(self._parties_in(it.start + a, it.start + b))
            for am in AGREEMENT_NOUN_RE.finditer(body):
                wm = PARTIES_AFTER_RE.search(body[am.end():am.end() + 120])
                if not wm:
                    continue
                pa = it.start + am.end() + wm.end()
                ends = [x for x in (self.seg.masked.find(ch, pa, it.end) for ch in ".\n") if x >= 0]
                pe = min(ends) if ends else it.end
                for pk in self._parties_in(pa, pe):
                    if pk not in sharing:
                        sharing.add(pk)
                        self.claim("PARTY_TO", pk, ak, it.start + am.start(), pe, "agreement-party", 0.9)
            pm = PERIOD_RE.search(body)
            if pm and not self.by_key[ak].props.get("period"):
                self.by_key[ak].props["period"] = f"{pm['a']}–{pm['b']}"
            for a, b, e, what in shares:
                pa, pb = it.start + a, it.start + b
                what = re.sub(r"\s+", " ", what).strip()
                share = re.search(r"\d+(?:,\d+)?\s?%", what)
                share_txt = share.group() if share else what[:60]
                for pk in self._parties_in(pa, pb):
                    self.claim("PARTY_TO", pk, ak, pa, it.start + e, "agreement-share", 0.9, share=share_txt)

        self._agreements_in_prose()

    def _agreements_in_prose(self) -> None:
        """Agreements named in a sentence with a topic or with parties ('avtal om sociala jouren med
        regionen', 'samverkansavtalet mellan Region X och länets kommuner'), with the period and total the
        sentence gives. A bare 'enligt avtalet' with neither names no agreement."""
        text = self.seg.masked
        # an item that states an agreement with its shares speaks of that one agreement throughout
        taken = [(it.start, it.end) for it in self.seg.items
                 if any(m.label == "Agreement" and it.start <= m.evidence.start < it.end for m in self.x.mentions)]
        named: dict[tuple[str, str], str] = {}  # (item, kind of agreement) -> the agreement named in it first
        for m in self._agreement_nouns(text):
            noun = m["noun"].lower()
            if (noun.startswith(("avtals", "avtalad")) and noun != "avtalssamverkan") \
                    or any(a <= m.start() < b for a, b in taken):
                continue
            a = max(text.rfind(ch, max(0, m.start() - 200), m.start()) for ch in ".\n•")
            a = max(a + 1, m.start() - 200)
            ends = [i for i in (text.find(ch, m.end(), m.end() + 300) for ch in ".\n") if i >= 0]
            b = min(ends) if ends else min(len(text), m.end() + 300)
            # the parties: named after "med" or "mellan" ("avtal med regionen", "mellan Region X och Y kommun")
            wm = PARTIES_AFTER_RE.search(text, m.end(), min(b, m.end() + 80))
            parties = []
            if wm:
                pa = wm.end()
                parties = self._parties_in(pa, b) + [self._body_ref(sp.text, sp.start_char) for sp in self.spans["BODY"]
                                                     if pa <= sp.start_char < b and not self._inside_person(sp.start_char)]
            if not parties:  # "Orsa, Mora och Älvdalen har en avtalssamverkan kring …": the municipalities before it
                parties = self._parties_in(a, m.start())
            parties = [p for p in dict.fromkeys(parties) if p]
            topic = (m["topic"] or "").strip()
            if re.fullmatch(r"[\d\s–-]+", topic):  # "överenskommelsen för 2019-2021": a period, not a topic
                topic = ""
            if noun.endswith(("överenskommelsen", "överenskommelser")):
                base = noun[:-1]
            elif noun.endswith(("avtalet", "avtalen")):
                base = noun[:-2]
            else:
                base = noun
            # a compound names its kind of agreement ("samverkansavtal"); a bare "avtal" needs a topic or parties
            compound = len(base) - len(re.sub(r"^[a-zåäö-]*?(avtal|avtalssamverkan|överenskommelse)$", r"\1", base)) >= 4
            if not topic and not parties and not compound:
                continue
            if noun.endswith("överenskommelser") and not topic:
                continue
            name = base.capitalize() + (f" om {topic}" if topic else "")
            it = next((i for i in self.seg.items if i.start <= m.start() < i.end), None)
            definite = noun != base
            if definite and not topic and it and (it.label, base) in named:
                # "godkänner samverkansavtalet mellan …" under the heading "Samverkansavtal om …": that agreement
                ak = named[(it.label, base)]
            else:
                if not topic and parties:
                    names = [self.by_key[p].props.get("short") or self.by_key[p].props.get("name") for p in parties]
                    name += " med " + ", ".join(sorted(n for n in names if n))
                ak = self.mention(f"agreement:{slug(name)}", "Agreement", {"name": name}, m.start(), m.end(),
                                  "agreement-prose", 0.8)
                if it:
                    named.setdefault((it.label, base), ak)
            pm = PERIOD_RE.search(text, a, b)
            if pm and not self.by_key[ak].props.get("period"):
                self.by_key[ak].props["period"] = f"{pm['a']}–{pm['b']}"
            sm = SUM_RE.search(text, a, b)
            if sm and not self.by_key[ak].props.get("total"):
                self.by_key[ak].props["total"] = re.sub(r"\s+", " ", sm["sum"]).strip()
            for p in parties:
                if self.by_key[p].label in ("Body", "Municipality"):
                    self.claim("PARTY_TO", p, ak, a, b, "agreement-prose", 0.8)

    @staticmethod
    def _agreement_nouns(text: str):
        """AGREEMENT_NOUN_RE matches, found from the literal words first (a pattern that starts with a letter
        class would be tried at every position of the text)."""
        last = -1
        for hit in AGREEMENT_TRIGGER_RE.finditer(text):
            a = hit.start()
            while a > 0 and (text[a - 1].isalpha() or text[a - 1] == "-"):
                a -= 1
            if a <= last:
                continue
            m = AGREEMENT_NOUN_RE.match(text, a)
            if m:
                last = m.end()
                yield m

    def _parties_in(self, a: int, b: int) -> list[str]:
        out = []
        for sp in self.spans["REGION"]:
            if a <= sp.start_char < b:
                k = self.region(sp.start_char, sp.end_char, "agreement-party")
                if k:
                    out.append(k)
        for sp in self.spans["MUNI"]:
            if a <= sp.start_char < b and not self._inside_person(sp.start_char):
                k = self.municipality(sp.start_char, sp.end_char, "agreement-party")
                if k:
                    out.append(k)
        return out


MEMBER_ROLES = {"ordförande", "vice ordförande", "1:e vice ordförande", "2:e vice ordförande", "ledamot", "ersättare",
                "tjänstgörande ersättare"}
OWNED_ORGANS = {"styrelse", "presidium", "presidiet", "arbetsutskott", "arbetsutskottet", "beredning", "kansli"}


def _continues(text: str, prev_end: int, start: int) -> bool:
    """A wrapped decision line: the previous line does not end a sentence and no blank line is between."""
    between = text[prev_end:start]
    prev = text[:prev_end].rstrip()
    return prev.endswith(":") and between.count("\n") <= 2 or (between.count("\n") <= 1 and not prev.endswith("."))


FUNCTION_WORDS = {"och", "för", "i", "av", "om", "mot", "med", "samt", "till", "på", "&"}


def _defined_by_initials(text: str, paren: int, abbr: str) -> tuple[int, int] | None:
    """The span of the name before '(ABBR)' whose content words start with ABBR's capitals, in order, the first
    word capitalised and one of the words an organisation's head noun ('Myndigheten för familjerätt och
    föräldraskapsstöd (MFoF)'); None when no such name ends there."""
    caps = [c.lower() for c in abbr if c.isupper()]
    if len(caps) < 2 or " " in abbr:
        return None
    words = list(re.finditer(r"[\wåäöÅÄÖ]+-?", text[max(0, paren - 160): paren]))
    base = max(0, paren - 160)
    content = []
    for w in reversed(words):
        if w.group().lower() in FUNCTION_WORDS:
            continue
        content.insert(0, w)
        if len(content) == len(caps):
            break
    if len(content) != len(caps) or not content[0].group()[:1].isupper():
        return None
    if [w.group()[0].lower() for w in content] != caps:
        return None
    if text[base + content[-1].end(): paren].strip():
        return None
    # no sentence break inside the name
    if re.search(r"[.:;!?\n]", text[base + content[0].start(): paren]):
        return None
    heads = lexicon.organisation_heads()
    if not any(organ_kind(w.group().rstrip("-")) or
               re.sub(r"(en|et|n|t|er|erna)$", "", w.group().lower().rstrip("-")).endswith(heads) or
               w.group().lower().rstrip("-").endswith(heads) for w in content):
        return None
    return base + content[0].start(), base + content[-1].end()


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence (as SENT_RE would cut it: at . ! ? or a line break) around pos."""
    a = max(text.rfind(ch, 0, pos) for ch in ".!?\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in ".!?\n") if i >= 0]
    e = min(ends) if ends else len(text)
    while e < len(text) and text[e] in ".!?":
        e += 1
    return a, e


def _sentence_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor:
        c = text[i - 1]
        if c in ".!?" and text[i:i + 1].isspace():
            break
        if c == "\n" and i - 2 >= floor and text[i - 2] == "\n":
            break
        i -= 1
    while i < pos and text[i] in " \t\n-–•":
        i += 1
    return i


def genitive_name(name: str) -> str:
    """'SocSam' -> 'SocSam:s', 'Kommunförbundet Jämtland Härjedalen' -> '… Härjedalens'."""
    last = name.split()[-1]
    if sum(c.isupper() for c in last) >= 2:
        return name + ":s"
    return name if name.endswith(("s", "x", "z")) else name + "s"


def clean_body_name(name: str) -> str:
    """Whitespace folded; a genitive organ word in its basic form ('Socialnämndens' -> 'Socialnämnden')."""
    name = re.sub(r"\s+", " ", name).strip(" ,.:;()\t–-")
    words = name.split(" ")
    last = words[-1]
    if len(last) > 4 and last.endswith("s") and organ_kind(last) and organ_kind(last[:-1]) and \
            not last.endswith("ss"):
        words[-1] = last[:-1].rstrip(":")
    return " ".join(words)


def body_kind(name: str) -> str | None:
    words = name.split()
    if not words:
        return None
    if words[0] == "Region" or name.endswith("regionen"):
        return "region"
    for w in reversed(words):
        k = organ_kind(w)
        if k:
            return k
    return None


def is_generic_organ(name: str) -> bool:
    """'Socialnämnden', 'Vård- och omsorgsnämnden': an organ every municipality has, named without owner."""
    return not any(w[:1].isupper() for w in name.split()[1:]) and not re.search(r"[A-ZÅÄÖ]{2}", name)


@lru_cache(maxsize=65536)
def norm_body(name: str) -> str:
    """A key under which spellings of one body meet: 'Sociala samrådsgruppens' = 'Social samrådsgruppen'."""
    n = name.lower().replace("–", "-")
    n = re.sub(r"-\s+och\b", " och", n)
    n = re.sub(r"\s+", " ", n).strip()
    words = n.split(" ")
    out = []
    for i, w in enumerate(words):
        if i == len(words) - 1 and organ_kind(w):
            w = organ_lemma(w)
        elif organ_kind(w) and i < len(words) - 1:
            w = organ_lemma(w)
        elif len(w) > 4 and w.endswith("a") and i < len(words) - 1:
            w = w[:-1]  # "sociala" -> "social"
        out.append(w)
    return slug(" ".join(out))


def split_title(raw: str) -> tuple[str | None, str | None]:
    """'Ordf. Vård och omsorgsnämnden' -> ('ordförande', 'Vård och omsorgsnämnden');
    'Förvaltningschef, SAF' -> ('förvaltningschef', 'SAF'); '2:e Vice ordf. X' -> ('2:e vice ordförande', 'X')."""
    raw = re.sub(r"\s+", " ", raw).strip(" ,")
    forms = lexicon.title_forms()
    low = raw.lower()
    best = None
    for form in sorted(forms, key=len, reverse=True):
        if low.startswith(form) and (len(low) == len(form) or not low[len(form)].isalpha()):
            best = form
            break
    prefix = ""
    if best and forms[best] in ("biträdande", "tillförordnad"):
        prefix = forms[best] + " "
        raw = raw[len(best):].strip()
        low = raw.lower()
        best = None
        for form in sorted(forms, key=len, reverse=True):
            if low.startswith(form) and (len(low) == len(form) or not low[len(form)].isalpha()):
                best = form
                break
    if best:
        title = forms[best]
        rest = raw[len(best):].strip(" ,.")
    else:
        # "hälso- och sjukvårdsdirektör", "vård- och omsorgschef": a compound title joined by "och"
        m = re.match(r"^((?:[\wåäöÅÄÖ]+-,?[ \t]+)*(?:(?:och|eller)[ \t]+)?[\wåäöÅÄÖ-]+)", raw) \
            if re.match(r"^[\wåäöÅÄÖ]+-[ ,]", raw) else re.match(r"^([\wåäöÅÄÖ-]+)", raw)
        if not m:
            return None, None
        w = m.group(1)
        if not (w.lower().endswith(lexicon.title_suffixes()) or w.lower() in forms):
            return None, raw or None
        title = w.lower()
        rest = raw[len(w):].strip(" ,.")
    rest = re.sub(r"^(i|för|vid|inom)\s+", "", rest)
    return prefix + title, (rest or None)


def resolve_municipality(raw: str) -> lexicon.Municipality | None:
    raw = re.sub(r"\s+", " ", raw).strip()
    forms = lexicon.municipality_forms()
    m = forms.get(raw.lower())
    if m:
        return m
    bare = lexicon.bare_municipality_names()
    if raw in bare:
        return bare[raw]
    if raw in lexicon.AMBIGUOUS_MUNICIPALITIES:  # only spans found in a list of municipalities get here
        return next((m for m in lexicon.municipalities() if m.name == raw), None)
    return None


def extract(doc: Document, seg: Segmented, sdoc, meta: dict | None = None) -> DocExtraction:
    return Extractor(doc, seg, sdoc, meta).run()
