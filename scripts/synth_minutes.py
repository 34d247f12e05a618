#!/usr/bin/env python3
"""Synthetic Swedish governance minutes, as text files, at national scale: a corpus for benchmarking ingest.

    .venv/bin/python scripts/synth_minutes.py OUT_DIR [--mb 5] [--seed 1] [--manifest FILE]

What it writes: for a number of Sweden's municipalities (data/reference/kommuner.csv, in that order, grouped by
county; all 290 for large corpora) each municipality's bodies (Kommunstyrelsen, a social nämnd, often a Vård-
och omsorgsnämnd, an arbetsutskott or utskott) and per county the region's own bodies (Regionstyrelsen and a
health nämnd, named with the region) and its collaboration bodies (a samrådsgrupp, a länsberedning, a network
of socialchefer). Every body has a stable roster (ledamöter with party, ersättare, tjänstepersoner with titles);
the social nämnd's ordförande also sits in the county's samrådsgrupp, its socialchef in the network. Each
meeting is one protocol or memory note, in one of five layouts found in real documents (a classic §-protocol
with a tab-separated attendance head, an arbetsutskott protocol with "KSAU § 12" headings, a regional protocol,
a SocSam-style protocol with a table of contents, network memory notes), with items, diary numbers, decisions,
assignments ("uppdrar åt socialchefen att … senast 2024-06-30") and reporting lines. Matters move: a nämnd
refers an item to the county's samrådsgrupp, whose next meeting takes it up naming the sender; some go on to the
region's health nämnd. Names are written in the forms the project's rules read as one body per municipality or
county (comments say where the usual wording is not). Everything is drawn from one random.Random(seed); the
same seed and size give the same bytes.

Size: documents are written (one at a time, never all held in memory) until at least --mb MB of text exist
(characters / 1e6). The number of municipalities and counties grows with the size; the meetings run over as
many years as the size needs. Prints one summary line. write_corpus (alias build_corpus) has the signature of
scripts/bench_ingest.build_corpus and returns (files, sha256 digest, info); info["referrals"] lists the
referrals written, with where each was taken up, and info["rosters"] each body's persons.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import math
import random
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KOMMUNER = ROOT / "data" / "reference" / "kommuner.csv"
REGIONS = ROOT / "ingest" / "rules" / "regions.csv"

PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]
# weights roughly like municipal councils: S and M large, MP small
PARTY_WEIGHTS = [30, 20, 16, 9, 7, 6, 5, 3]

FIRST_NAMES = """Anna Eva Maria Karin Sara Lena Kerstin Ingrid Marie Malin Emma Kristina Elin Johanna Annika Linda
Susanne Helena Camilla Åsa Ulla Birgitta Margareta Gunilla Monica Cecilia Jenny Ida Linnéa Hanna Sofia Frida
Therese Louise Ylva Märta Britt Agneta Carina Lotta Ulrika Katarina Jessica Matilda Amanda Ebba Tove Signe Astrid
Greta Elsa Maja Klara Josefin Mikaela Anneli Petra Yvonne Gunnel Inger Solveig Lars Anders Johan Per Erik Karl
Peter Jan Mikael Hans Thomas Daniel Fredrik Stefan Bengt Mats Magnus Jonas Martin Niklas Björn Göran Håkan Jörgen
Åke Örjan Ulf Leif Kjell Sven Rolf Tomas Patrik Henrik Andreas Oskar Gustav Viktor Emil Axel Olof Nils Gunnar
Roger Tommy Kent Christer Lennart Arne Sören Torbjörn Robert Joakim Marcus Rickard Sebastian Jens Pär Ingemar
Karl-Erik Bo-Göran Per-Olof Ann-Christin Eva-Lena Lars-Åke Anna-Karin Britt-Marie Jan-Erik Ann-Sofie""".split()

SURNAMES = """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson
Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström Olofsson Lindqvist Lindgren
Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg
Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson
Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström
Mårtensson Lundström Viklund Björklund Eliasson Pålsson Berggren Sandström Nordin Ström Åberg Hermansson
Ekström Holmgren Sundberg Hedlund Dahlberg Hellström Sjögren Abrahamsson Falk Öberg Martinsson Andreasson Blom
Månsson Strand Åkesson Sundström Holmström Norberg Sjöstrand Wiklund Nordqvist Hedberg Lundmark Backman Ågren
Jernberg Edlund Strömberg Hägglund Grahn Wennberg Lindholm Nordlund Östberg Rask Boström Åström Ekman Åkerlund
Öhman Wahlström Sundqvist Rönnbäck Marklund Lidström Vikberg Sjöström Hedman Norén Sandén Häggkvist Östlund
Lundh Engman Strandberg Backlund Näslund Lindkvist Sundin Bergkvist Nordgren Söderlund Sjödin Wallén Ekholm
Grönlund Östman Lundkvist Hellberg Nyholm Forsgren Hjalmarsson Kvist Lidén Modig Rydberg Sandvik Tegnér
Vestin Wadström Zetterberg Älmqvist Ödman""".split()

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]

# The county groups are named "<Organ> för <field> i <place>": the rules keep "i <place>" in the name only when
# <place> is a municipality or a one-word region name (Kalmar, Norrbotten), so each county gets its own body.
# Counties without such a word get names of their own (read without a place, but unique in the corpus).
SPECIAL_GROUPS = {
    "23": ("Sociala samrådsgruppen (SocSam)", "Länsberedningen för social välfärd i Jämtlands län",
           "Förvaltningschefsnätverket i Jämtlands län"),
    "14": ("Sociala välfärdsrådet", "Beredningen för social välfärd i Västra Götalands län",
           "Socialchefsnätverket i Västra Götalands län"),
}

# the county seat (residensstad), where the region meets
SEATS = {"01": "Stockholm", "03": "Uppsala", "04": "Nyköping", "05": "Linköping", "06": "Jönköping",
         "07": "Växjö", "08": "Kalmar", "09": "Visby", "10": "Karlskrona", "12": "Malmö", "13": "Halmstad",
         "14": "Göteborg", "17": "Karlstad", "18": "Örebro", "19": "Västerås", "20": "Falun", "21": "Gävle",
         "22": "Härnösand", "23": "Östersund", "24": "Umeå", "25": "Luleå"}

# county letters (länsbokstav): the region's diary prefix, so that "RF 2023/17" is one item in one region
# (the rules group items by diary number and municipality; a region's bodies have no municipality)
LETTERS = {"01": "AB", "03": "C", "04": "D", "05": "E", "06": "F", "07": "G", "08": "H", "09": "I", "10": "K",
           "12": "M", "13": "N", "14": "O", "17": "S", "18": "T", "19": "U", "20": "W", "21": "X", "22": "Y",
           "23": "Z", "24": "AC", "25": "BD"}

SOCIAL_NAMES = ["Socialnämnden", "Socialnämnden", "Socialnämnden", "Social- och arbetsmarknadsnämnden",
                "Individ- och familjeomsorgsnämnden", "Vård- och socialnämnden"]
# rooms in lower case after the first word: "Rum Ekorren" would be read as a person's name
ROOMS = ["Sessionssalen", "sal Linné", "Kommunhuset, sal 1", "Stadshuset, sal Kåge", "Lilla salen", "sal Ekorren",
         "sammanträdesrummet Älven", "konferensrummet Tallen", "Stora sammanträdesrummet"]

# Content words of topics that matters between bodies are about; the title combines a frame and a topic.
# ("Överenskommelse om …" would also be read as an agreement, with the rest of the sentence as its topic)
FRAMES = ["Gemensam rutin för", "Länsgemensam handlingsplan för", "Samverkan kring", "Gemensam upphandling av",
          "Kartläggning av", "Regional satsning på", "Samordnade insatser för", "Gemensamma riktlinjer för",
          "Utveckling av", "Finansiering av"]
TOPICS = ["skyddat boende för våldsutsatta", "barn i familjehem", "missbruksvård för unga",
          "hemsjukvård i ordinärt boende",
          "psykisk hälsa bland äldre", "samordnad individuell plan", "utskrivning från slutenvård",
          "korttidsplatser för barn med funktionsnedsättning", "läkemedelsgenomgångar i särskilt boende",
          "hemlöshet bland unga vuxna", "spelberoende", "våld i nära relationer", "suicidprevention",
          "digitala hjälpmedel i hemtjänsten", "kompetensförsörjning inom äldreomsorgen", "ensamkommande barn",
          "föräldraskapsstöd", "tidiga insatser för barn och unga", "personligt ombud", "sociala jouren",
          "familjerätt", "nära vård", "mobila team för äldre", "heroinbehandling", "barnahus",
          "stöd till anhöriga", "boendestöd i socialpsykiatrin", "arbetsmarknadsinsatser för unga",
          "hedersrelaterat våld", "demensvård", "rehabilitering efter sjukhusvistelse",
          "vård av äldre med missbruk",
          "välfärdsteknik", "samsjuklighet", "ekonomiskt bistånd till barnfamiljer", "övergång från BBIC",
          "placeringar av unga på institution", "sommarjobb för unga", "stödboende för unga", "trygg hemgång"]

REFERRAL_PURPOSE = ["för ställningstagande", "för kännedom och fortsatt hantering",
                    "för beslut om fortsatt arbete", "för samordning i länet"]

# Filler prose: neutral statements without the verbs the rules read as referrals, reports or assignments.
PROSE = [
    "Förvaltningen har sammanställt underlaget utifrån uppgifter från verksamheterna under {year}.",
    "Antalet ärenden inom området har ökat med {pct} procent jämfört med föregående år.",
    "Kostnaderna för {topic} uppgår hittills till {sum} kronor, vilket är {pct} procent över budget.",
    "Arbetet med {topic} har pågått sedan {month} och omfattar samtliga enheter.",
    "En enkät till brukarna visar att {pct} procent är nöjda med insatserna.",
    "Personalomsättningen inom verksamheten var {pct} procent under det senaste halvåret.",
    "Underlaget har stämts av med de fackliga organisationerna enligt gällande samverkansordning.",
    "Den nya lagstiftningen innebär ökade krav på dokumentation och uppföljning.",
    "Det finns i nuläget {n} personer i kö till insatsen, vilket är färre än vid samma tid förra året.",
    "Förslaget bedöms inte medföra några ytterligare kostnader under innevarande år.",
    "Verksamheten har under perioden genomfört {n} utbildningstillfällen för personalen.",
    # ("Socialstyrelsens …" would be read as a styrelse of the municipality)
    "De öppna jämförelserna visar att kommunen ligger nära riksgenomsnittet.",
    "Bedömningen är att målen för året kommer att nås med undantag för {topic}.",
    "Dialog har förts med brukarorganisationerna vid {n} tillfällen under hösten.",
    "Ett statsbidrag om {sum} kronor har beviljats för {topic} under {year}.",
    "Förvaltningen föreslår att nuvarande inriktning ligger fast under resten av året.",
    "Prognosen för helåret visar ett underskott om {sum} kronor.",
    "De ekonomiska konsekvenserna bedöms som små och ryms inom befintlig ram.",
    "Inom {topic} har väntetiderna minskat till i genomsnitt {n} dagar.",
    "Arbetet följs upp i samband med delårsbokslutet och årsredovisningen.",
    "Frågan har diskuterats vid flera tillfällen i förvaltningens ledning.",
    "Barnrättsperspektivet har beaktats i beredningen av förslaget.",
    "Det saknas i dag en samlad bild av behoven i länet när det gäller {topic}.",
    "Kommunerna i länet har olika förutsättningar, och flera mindre kommuner har svårt att rekrytera.",
    "Ett gemensamt arbetssätt skulle enligt förvaltningen ge bättre kontinuitet för de enskilda.",
    "Uppföljningen visar att {pct} procent av de planerade insatserna har genomförts.",
    "Ledamöterna för en dialog om hur arbetet kan utvecklas under {year}.",
    "Statistiken för {month} visar ett fortsatt högt tryck inom myndighetsutövningen.",
    "Sedan förra mätningen har andelen vakanta tjänster ändrats från {pct} till {pct2} procent.",
    "Under {month} inkom {n} ansökningar, varav de flesta gällde {topic}.",
    "Verksamheten har haft svårt att rekrytera socialsekreterare med erfarenhet, särskilt till barn och unga.",
    "Förvaltningen har genomfört en risk- och konsekvensanalys med deltagande av medarbetare och skyddsombud.",
    "I jämförelse med liknande kommuner är kostnaden per invånare {pct} procent lägre.",
    "Ett utvecklingsarbete inom {topic} startade under {year} med stöd av regionala utvecklingsledare.",
    "Förslaget har tagits fram i dialog med brukarråd, pensionärsråd och funktionshindersråd.",
    "Insatserna ska bygga på bästa tillgängliga kunskap, den enskildes erfarenheter och professionens kunnande.",
    "Det totala antalet placerade barn och unga uppgick vid periodens slut till {n}.",
    "Digitala besök har ökat och utgör nu {pct} procent av alla uppföljningssamtal.",
    "Arbetsmiljöverkets inspektion under {month} ledde inte till några krav på åtgärder.",
    "Ordföranden betonar vikten av att frågan följs upp under kommande sammanträden.",
    "Ledamöterna ställer frågor om tidplanen, som besvaras av förvaltningen.",
    "Kostnaden för externa placeringar har ökat med {sum} kronor jämfört med samma period förra året.",
    "Resultatet redovisas per verksamhetsområde i bilagan till tjänsteskrivelsen.",
    "Målgruppen omfattar i första hand personer med omfattande behov av stöd från flera huvudmän.",
]

# each template with the fields it uses, so that prose() draws only the numbers a sentence needs
PROSE_FIELDS = [(s, {f for f in ("year", "pct", "pct2", "n", "topic", "sum", "month") if "{" + f + "}" in s})
                for s in PROSE]

# Ordinary items of a municipal social nämnd: (title, decision infinitive, decision passive)
SOCIAL_ITEMS = [
    ("Anmälan av delegationsbeslut", "lägga redovisningen av delegationsbeslut till handlingarna",
     "Redovisningen av delegationsbeslut läggs till handlingarna."),
    ("Meddelanden", "lägga meddelandena till handlingarna", "Meddelandena läggs till handlingarna."),
    ("Budgetuppföljning {month} {year}", "godkänna budgetuppföljningen", "Budgetuppföljningen godkänns."),
    ("Internkontrollplan {year}", "anta internkontrollplanen för {year}", "Internkontrollplanen för {year} antas."),
    ("Rapportering av ej verkställda beslut, kvartal {q}", "lägga rapporten till handlingarna",
     "Rapporten läggs till handlingarna."),
    ("Riktlinjer för {topic}", "anta reviderade riktlinjer", "Reviderade riktlinjer antas."),
    ("Yttrande över motion om {topic}", "anta förvaltningens yttrande", "Förvaltningens yttrande antas."),
    ("Patientsäkerhetsberättelse {year}", "godkänna patientsäkerhetsberättelsen",
     "Patientsäkerhetsberättelsen godkänns."),
    ("Information från socialchefen", "tacka för informationen", "Informationen läggs till handlingarna."),
    ("Svar på medborgarförslag om {topic}", "anse medborgarförslaget besvarat",
     "Medborgarförslaget anses besvarat."),
    ("Avgifter inom äldreomsorgen {year}", "fastställa avgifterna enligt förvaltningens förslag",
     "Avgifterna fastställs enligt förvaltningens förslag."),
    ("Uppföljning av {topic}", "godkänna uppföljningen", "Uppföljningen godkänns."),
    ("Remissvar om {topic}", "anta förvaltningens förslag till remissvar",
     "Förvaltningens förslag till remissvar antas."),
]
KS_ITEMS = [
    ("Budgetuppföljning {month} {year}", "godkänna budgetuppföljningen", "Budgetuppföljningen godkänns."),
    ("Taxor och avgifter {year}", "föreslå kommunfullmäktige att anta taxorna",
     "Kommunstyrelsen tillstyrker förslaget till taxor."),
    ("Revisionsrapport om intern kontroll", "lägga revisionsrapporten till handlingarna",
     "Revisionsrapporten läggs till handlingarna."),
    ("Motion om {topic}", "avslå motionen", "Motionen avslås."),
    ("Delegationsordning för kommunstyrelsen", "anta reviderad delegationsordning",
     "Reviderad delegationsordning antas."),
    ("Lokalförsörjning för {topic}", "godkänna lokalförsörjningsplanen", "Lokalförsörjningsplanen godkänns."),
    ("Information om bostadsförsörjning", "tacka för informationen", "Informationen läggs till handlingarna."),
    ("Medborgarförslag om {topic}", "anse medborgarförslaget besvarat", "Medborgarförslaget anses besvarat."),
    ("Årsredovisning {year}", "godkänna årsredovisningen", "Årsredovisningen godkänns."),
]
REGION_ITEMS = [
    ("Månadsrapport {month} {year}", "godkänna månadsrapporten", "Månadsrapporten godkänns."),
    ("Tillgänglighet i vården", "lägga informationen till handlingarna", "Informationen läggs till handlingarna."),
    ("Regional handlingsplan för {topic}", "anta handlingsplanen", "Handlingsplanen antas."),
    ("Avgifter i hälso- och sjukvården {year}", "fastställa avgifterna", "Avgifterna fastställs."),
    ("Patientsäkerhetsberättelse {year}", "godkänna patientsäkerhetsberättelsen",
     "Patientsäkerhetsberättelsen godkänns."),
    ("Remiss om {topic}", "anta förslaget till remissvar", "Förslaget till remissvar antas."),
]
GROUP_ITEMS = [
    ("Information från regionen om {topic}", "tacka för informationen", "Informationen läggs till handlingarna."),
    ("Lägesrapport {topic}", "tacka för lägesrapporten", "Lägesrapporten läggs till handlingarna."),
    ("Fördelning av statsbidrag för {topic}", "godkänna den föreslagna fördelningen",
     "Den föreslagna fördelningen godkänns."),
    ("Sammanträdestider {next}", "fastställa sammanträdestiderna", "Sammanträdestiderna fastställs."),
    ("Prioriterade områden {year}", "ställa sig bakom de prioriterade områdena",
     "De prioriterade områdena fastställs."),
]
NETWORK_POINTS = ["Föregående anteckningar", "Aktuellt från kommunerna", "Statsbidrag {year}",
                  "Kompetensförsörjning", "Frågor inför nästa sammanträde", "Läget inom {topic}",
                  "Nationella riktlinjer för {topic}"]


def slug(s: str) -> str:
    """'Vård- och omsorgsnämnden' -> 'vard-och-omsorgsnamnden' (for file names)."""
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    out, dash = [], False
    for c in s:
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def genitive(name: str) -> str:
    """'Samrådsgruppen' -> 'Samrådsgruppens'."""
    return name if name[-1] in "sxz" else name + "s"


def muni_org(name: str) -> str:
    """'Gnosjö kommun', 'Jönköpings kommun': the genitive -s after a consonant."""
    return f"{name} kommun" if name[-1] in "aeiouyåäöé" or name in ("Kalmar",) or name[-1] in "sxz" \
        else f"{name}s kommun"


def long_date(d: dt.date, definite: bool = False, cap: bool = False) -> str:
    """'torsdag 13 oktober 2023' or 'torsdagen den 13 oktober 2023'."""
    wd = WEEKDAYS[d.weekday()] + ("en den" if definite else "")
    s = f"{wd} {d.day} {MONTHS[d.month - 1]} {d.year}"
    return s[0].upper() + s[1:] if cap else s


class Person:
    __slots__ = ("name", "party", "title", "org", "home_body")

    def __init__(self, name: str, party: str | None, title: str | None, org: str | None):
        self.name, self.party, self.title, self.org = name, party, title, org
        self.home_body = None  # the body a county group's member chairs at home

    def np(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


class Body:
    __slots__ = ("kind", "name", "org", "muni", "county", "layout", "slug", "members", "subs", "officials",
                 "secretary", "dnr", "prefix", "per_year", "weekday", "place", "para", "para_year", "dnr_n",
                 "pending", "short", "group", "meetings", "au_of", "proposals")

    def __init__(self, kind, name, org, muni, county, layout, dnr, prefix=""):
        self.kind, self.name, self.org, self.muni, self.county = kind, name, org, muni, county
        self.layout, self.dnr, self.prefix = layout, dnr, prefix
        base = name.split(" (")[0]
        if muni:
            self.slug = f"{muni['slug']}-{slug(base)}"
        else:
            self.slug = slug(base if county["short"].lower() in base.lower() else f"{county['short']}-{base}")
        self.members: list[tuple[Person, str]] = []  # (person, role in the body), chair first
        self.subs: list[Person] = []
        self.officials: list[Person] = []
        self.secretary: Person | None = None
        self.per_year, self.weekday, self.place = 10, 1, ""
        self.para, self.para_year, self.dnr_n = 0, 0, {}
        self.pending: list[dict] = []  # referrals sent to this body and not yet taken up
        self.short = name  # how decisions name the body ("Socialnämnden", "Arbetsutskottet")
        self.group = None  # for a social nämnd: the county group it refers matters to
        self.meetings = 0
        self.au_of = None
        self.proposals: list[dict] = []  # items its arbetsutskott prepared for it


class Generator:
    """The national structure and its meetings, all drawn from one seeded random.Random."""

    def __init__(self, mb: float, seed: int):
        self.rng = random.Random(seed)
        self.mb = mb
        self.used_names: set[str] = set()
        self.persons = 0
        self.referrals: list[dict] = []
        self._load_geography()
        self._build()

    # ------------------------------------------------------------ structure
    def _load_geography(self) -> None:
        with open(KOMMUNER, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with open(REGIONS, encoding="utf-8", newline="") as f:
            regions = {r["lanskod"]: r["name"] for r in csv.DictReader(f)}
        self.muni_names = {r["kommun"] for r in rows}
        self.home = {muni_org(r["kommun"]): r["kommun"] for r in rows}  # "Jönköpings kommun" -> "Jönköping"
        counties: dict[str, dict] = {}
        for r in rows:
            c = counties.setdefault(r["lanskod"], {"code": r["lanskod"], "lan": r["lan"], "munis": [],
                                                   "region": regions.get(r["lanskod"], "Region " + r["lan"])})
            c["munis"].append({"code": r["kommunkod"], "name": r["kommun"], "county": c, "slug": slug(r["kommun"])})
        for c in counties.values():
            stem = c["lan"][: -len(" län")]
            tail = c["region"][len("Region "):] if c["region"].startswith("Region ") else ""
            # a one-word region name or a municipality name: the rules keep it in "… i <place>"
            seat = stem if stem in self.muni_names else stem[:-1] if stem[:-1] in self.muni_names else None
            c["place"] = tail if tail and " " not in tail else seat
            c["short"] = c["place"] or stem
            c["seat"] = SEATS.get(c["code"]) or seat or c["munis"][0]["name"]
        self.counties = list(counties.values())
        # Habo and Håbo: the same letters in a file name, so such names get their code
        seen = Counter(m["slug"] for c in self.counties for m in c["munis"])
        for c in self.counties:
            for m in c["munis"]:
                if seen[m["slug"]] > 1:
                    m["slug"] += "-" + m["code"]
        # surnames that are also municipality names would be read as places
        self.surnames = [s for s in SURNAMES if s not in self.muni_names]

    def _choose(self) -> list[dict]:
        """Municipalities for the size: a few of one county for a small corpus, all 290 for hundreds of MB."""
        n_munis = max(3, min(290, round(self.mb + 2)))
        n_counties = max(1, min(len(self.counties), math.ceil(self.mb / 1.5)))  # a county per 1.5 MB
        start = self.rng.randrange(len(self.counties))
        order = self.counties[start:] + self.counties[:start]
        chosen_counties = order[:n_counties]
        while sum(len(c["munis"]) for c in chosen_counties) < n_munis:
            chosen_counties = order[:len(chosen_counties) + 1]
        chosen_counties.sort(key=lambda c: c["code"])  # kommuner.csv order
        # round robin over the chosen counties, each in kommuner.csv order
        picked: list[dict] = []
        queues = [list(c["munis"]) for c in chosen_counties]
        while len(picked) < n_munis:
            for q in queues:
                if q and len(picked) < n_munis:
                    picked.append(q.pop(0))
        codes = {m["code"] for m in picked}
        self.county_list = chosen_counties
        return [m for c in chosen_counties for m in c["munis"] if m["code"] in codes]

    def person(self, title: str | None = None, org: str | None = None, politician: bool = True) -> Person:
        """A new person with a name not used before in the corpus (a politician gets a party)."""
        rng = self.rng
        for k in range(200):
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(self.surnames)
            if k > 20 or rng.random() < 0.06:  # a double surname now and then, and when the plain ones run out
                last = f"{rng.choice(self.surnames)} {last}"
            name = f"{first} {last}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        self.persons += 1
        party = rng.choices(PARTIES, PARTY_WEIGHTS)[0] if politician else None
        return Person(name, party, title, org)

    def roster(self, body: Body, n: int, n_subs: int, org: str | None) -> None:
        """n members (the presidium first) and n_subs ersättare, all new persons."""
        chairs = ("ordförande", "1:e vice ordförande", "2:e vice ordförande")
        for j in range(n):
            body.members.append((self.person(org=org), chairs[j] if j < len(chairs) else "ledamot"))
        body.subs = [self.person(org=org) for _ in range(n_subs)]

    def _build(self) -> None:
        rng = self.rng
        self.munis = self._choose()
        self.bodies: list[Body] = []
        for c in self.county_list:
            c["chosen"] = [m for m in self.munis if m["county"] is c]
        for m in self.munis:
            c = m["county"]
            org = muni_org(m['name'])
            layout = rng.choice(["classic", "classic", "classic_i"])
            ks = Body("ks", "Kommunstyrelsen", org, m, c, layout, "KS")
            self.roster(ks, 13, 6, org)
            ks.officials = [self.person(title="kommundirektör", org=org, politician=False),
                            self.person(title="ekonomichef", org=org, politician=False),
                            self.person(title="kanslichef", org=org, politician=False)]
            ks.secretary = self.person(title="nämndsekreterare", org=org, politician=False)
            ks.weekday, ks.per_year, ks.place = 1, 9, f"Stadshuset, {rng.choice(ROOMS)}"
            social_name = rng.choice(SOCIAL_NAMES)
            sn = Body("sn", social_name, org, m, c, layout, "SN" if social_name == "Socialnämnden" else
                      "".join(w[0] for w in social_name.replace("-", " ").split() if w != "och").upper() + "N")
            self.roster(sn, 11, 5, org)
            sn.officials = [self.person(title="socialchef", org=org, politician=False),
                            self.person(title="ekonomichef", org=org, politician=False),
                            self.person(title=rng.choice(["IFO-chef", "verksamhetschef", "enhetschef"]), org=org,
                                        politician=False)]
            sn.secretary = self.person(title="nämndsekreterare", org=org, politician=False)
            sn.weekday, sn.per_year, sn.place = rng.choice([2, 3]), 10, f"{rng.choice(ROOMS)}, {m['name']}"
            m["bodies"] = [ks, sn]
            m["ks"], m["social"] = ks, sn
            if rng.random() < 0.55:
                von = Body("von", "Vård- och omsorgsnämnden", org, m, c, layout, "VON")
                self.roster(von, 11, 5, org)
                von.officials = [self.person(title="förvaltningschef", org=org, politician=False),
                                 self.person(title="medicinskt ansvarig sjuksköterska", org=org, politician=False)]
                von.secretary = self.person(title="nämndsekreterare", org=org, politician=False)
                von.weekday, von.per_year, von.place = 3, 9, f"{rng.choice(ROOMS)}, {m['name']}"
                m["bodies"].append(von)
            # an arbetsutskott: of the kommunstyrelse or of the social nämnd; members taken from its parent
            parent = ks if rng.random() < 0.5 else sn
            # ("Kommunstyrelsens arbetsutskott" is the kommunstyrelse's own organ, one per municipality; the social
            # nämnd's utskott has a name of its own)
            if parent is ks:
                au_name, prefix, short = "Kommunstyrelsens arbetsutskott", "KSAU", "Arbetsutskottet"
            else:
                au_name, prefix = rng.choice([("Individutskottet", "IU"), ("Sociala utskottet", "SU")])
                short = au_name
            au = Body("au", au_name, org, m, c, "au", parent.dnr, prefix=prefix)
            au.members = [(p, ("ordförande", "vice ordförande")[j] if j < 2 else "ledamot")
                          for j, (p, _) in enumerate(parent.members[:5])]
            au.subs = parent.subs[:2]
            au.officials = parent.officials[:1]
            au.secretary = parent.secretary
            au.short, au.au_of = short, parent
            au.weekday, au.per_year, au.place = 1, 10, parent.place
            m["bodies"].insert(0 if parent is ks else 2, au)
            self.bodies += m["bodies"]
        for c in self.county_list:
            self._county_bodies(c)
        assert len({b.slug for b in self.bodies}) == len(self.bodies), "two bodies would share file names"

    def _county_bodies(self, c: dict) -> None:
        rng = self.rng
        region = c["region"]
        diary = "R" + LETTERS.get(c["code"], c["code"])
        place = c["place"]
        if c["code"] in SPECIAL_GROUPS:
            gname, bname, nname = SPECIAL_GROUPS[c["code"]]
        else:
            gname = rng.choice(["Samrådsgruppen för social välfärd", "Samverkansgruppen för socialtjänst"])
            gname += f" i {place}"
            bname = f"Länsberedningen för social välfärd i {place}"
            nname = f"Länsnätverket för socialchefer i {place}"
        # the region is written into the names ("Regionstyrelsen Uppsala"); a bare "Regionstyrelsen" under a
        # "Region X" head is read as that region's too, but the corpus keeps these names so that the same seed
        # still gives the same bytes
        tail = region[len("Region "):] if region.startswith("Region ") else "Västra Götaland"
        rs = Body("rs", f"Regionstyrelsen {tail}", region, None, c, "regional", diary)
        self.roster(rs, 15, 5, region)
        rs.officials = [self.person(title="regiondirektör", org=region, politician=False)]
        rs.secretary = self.person(title="nämndsekreterare", org=region, politician=False)
        # decisions name a county body in full: a bare "Regionstyrelsen" or "Samrådsgruppen" is not read as the
        # document's own body when its name ends in a place, and would become one body for all counties
        rs.weekday, rs.per_year, rs.place = 1, 9, f"Regionens hus, {c['seat']}"
        hsn_name = f"Nämnden för hälso- och sjukvård i {place}" if place else \
            {"23": "Hälso- och sjukvårdsnämnden"}.get(c["code"], "Hälso- och sjukvårdsstyrelsen")
        hsn = Body("hsn", hsn_name, region, None, c, "regional", diary)
        self.roster(hsn, 13, 5, region)
        hsn.officials = [self.person(title="hälso- och sjukvårdsdirektör", org=region, politician=False)]
        hsn.secretary = self.person(title="nämndsekreterare", org=region, politician=False)
        hsn.short, hsn.weekday, hsn.per_year, hsn.place = "Nämnden", 2, 9, f"Regionens hus, {c['seat']}"
        # the group: the social nämnder's chairs; municipalities outside the corpus send a person of their own
        group = Body("group", gname, region, None, c, rng.choice(["socsam", "regional"]), diary)
        group.short = gname.split(" (")[0]
        for m in c["munis"][:12]:
            if "social" in m:
                p, _ = m["social"].members[0]
                group.members.append((p, "ledamot"))
                p.home_body = m["social"].name
            elif len(group.members) < 8:
                group.members.append((self.person(org=muni_org(m['name'])), "ledamot"))
        group.members.append((hsn.members[0][0], "ledamot"))
        hsn.members[0][0].home_body = hsn.name
        chair = rng.randrange(len(group.members))
        group.members.insert(0, (group.members.pop(chair)[0], "ordförande"))
        if len(group.members) > 1:
            group.members[1] = (group.members[1][0], "vice ordförande")
        group.subs = [self.person(org=region) for _ in range(2)]
        group.officials = [m["social"].officials[0] for m in c["munis"] if "social" in m][:6]
        group.secretary = self.person(title=rng.choice(["utvecklingsledare", "regional samordnare", "FoU-ledare"]),
                                      org=region, politician=False)
        group.weekday, group.per_year = 4, 7
        group.place = rng.choice(["Digitalt via Teams", f"Regionens hus, {c['seat']}"])
        ber = Body("beredning", bname, region, None, c, "regional", diary)
        for k, m in enumerate(c["chosen"][:8]):  # vice chairs of kommunstyrelser and social nämnder
            ber.members.append(((m["ks"] if k % 2 else m["social"]).members[1][0], "ledamot"))
        while len(ber.members) < 5:
            ber.members.append((self.person(org=region), "ledamot"))
        ber.members += [(hsn.members[1][0], "ledamot"), (rs.members[2][0], "ledamot")]
        ber.members[0] = (ber.members[0][0], "ordförande")
        ber.members[1] = (ber.members[1][0], "vice ordförande")
        ber.officials = [hsn.officials[0]] + group.officials[:2]
        ber.secretary = self.person(title="nämndsekreterare", org=region, politician=False)
        ber.weekday, ber.per_year, ber.place = 4, 5, f"Regionens hus, {c['seat']}"
        net = Body("network", nname, region, None, c, "notes", "")
        net.short = "Nätverket"
        net.officials = [m["social"].officials[0] for m in c["chosen"]][:10]
        for m in c["munis"][:10]:
            if len(net.officials) >= 6:
                break
            if "social" not in m:
                net.officials.append(self.person(title="socialchef", org=muni_org(m['name']), politician=False))
        net.secretary = group.secretary
        net.weekday, net.per_year, net.place = 3, 8, "Teams"
        shared: dict = {}  # one diary for the region's bodies: a number is never given twice
        for b in (rs, hsn, group, ber):
            b.dnr_n = shared
        c["group"], c["hsn"], c["rs"], c["network"], c["beredning"] = group, hsn, rs, net, ber
        for m in c["chosen"]:
            m["social"].group = group
        self.bodies += [rs, hsn, group, ber, net]

    # ------------------------------------------------------------ meetings
    def schedule(self, year: int) -> list[tuple[dt.date, int, Body]]:
        """Each body's meetings in a year: no meetings in July, one a month at most, on the body's weekday."""
        rng = self.rng
        out = []
        months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
        for i, b in enumerate(self.bodies):
            for mo in sorted(rng.sample(months, min(b.per_year, len(months)))):
                d = dt.date(year, mo, rng.randint(1, 21))
                d += dt.timedelta(days=(b.weekday - d.weekday()) % 7)
                out.append((d, i, b))
        out.sort(key=lambda t: (t[0], t[1]))
        return out

    def prose(self, n: int, topic: str, year: int) -> str:
        """n sentences of filler; numbers from rng.random() (randint is several times slower)."""
        rnd = self.rng.random
        out = []
        for s, fields in self.rng.sample(PROSE_FIELDS, n):
            if not fields:
                out.append(s)
                continue
            v = {"year": year, "topic": topic}
            if "pct" in fields:
                v["pct"] = 2 + int(rnd() * 39)
            if "pct2" in fields:
                v["pct2"] = 2 + int(rnd() * 39)
            if "n" in fields:
                v["n"] = 3 + int(rnd() * 88)
            if "month" in fields:
                v["month"] = MONTHS[int(rnd() * 12)]
            if "sum" in fields:
                v["sum"] = (f"{1 + int(rnd() * 95)} {int(rnd() * 1000):03d} {int(rnd() * 1000):03d}" if rnd() < 0.3
                            else f"{120 + int(rnd() * 871)} 000")
            out.append(s.format_map(v))
        return " ".join(out)

    def dnr(self, b: Body, year: int) -> str:
        """The body's next diary number in a year, 'SN 2023/88' (numbers rise, with gaps)."""
        n = b.dnr_n.get(year, self.rng.randint(10, 60)) + self.rng.randint(1, 9)
        b.dnr_n[year] = n
        return f"{b.dnr} {year}/{n}"

    def topic_title(self, avoid: set[str]) -> tuple[str, str]:
        """A matter's title and topic, not one of the titles in avoid (those still open at the receiver)."""
        rng = self.rng
        for _ in range(30):
            topic = rng.choice(TOPICS)
            title = f"{rng.choice(FRAMES)} {topic}"
            if title not in avoid:
                return title, topic
        return title, topic

    def items(self, b: Body, d: dt.date) -> list[dict]:
        """The agenda of one meeting: each item a dict with title, dnr, presenter, text, decisions, referral."""
        rng = self.rng
        year = d.year
        month = MONTHS[(d.month - 2) % 12]
        out: list[dict] = []
        taken = []
        # matters sent here earlier are taken up first (a week at least after they were sent)
        for r in list(b.pending):
            waited = (d - r["from_date_obj"]).days
            if waited >= 7 and (rng.random() < 0.85 or waited > 90):
                b.pending.remove(r)
                taken.append(r)
        n = {"sn": (6, 14), "von": (5, 12), "ks": (6, 16), "au": (4, 10), "network": (5, 9)}.get(b.kind, (5, 10))
        n = rng.randint(*n)
        if b.kind in ("ks", "sn", "von") and rng.random() < 0.08:  # a long meeting now and then (budget, year end)
            n += 6
        if b.kind != "network":
            out.append({"title": "Val av justerare", "decisions": [], "justerare": True})
        for r in taken:
            out.append(self._take_up(b, r, d))
        # what the arbetsutskott prepared comes to the nämnd with the same title and diary number
        while b.proposals:
            out.append(b.proposals.pop(0))
        pool = {"sn": SOCIAL_ITEMS, "von": SOCIAL_ITEMS, "ks": KS_ITEMS, "au": KS_ITEMS if b.au_of and
                b.au_of.kind == "ks" else SOCIAL_ITEMS, "rs": REGION_ITEMS, "hsn": REGION_ITEMS,
                "group": GROUP_ITEMS, "beredning": GROUP_ITEMS, "network": NETWORK_POINTS}[b.kind]
        # structure stated in text: once a year the county bodies describe how they work
        if b.kind in ("group", "network", "beredning") and b.meetings % b.per_year == 0:
            out.append(self._structure_item(b, year))
        # a social nämnd (rarely its arbetsutskott) sends a matter to the county group; always at its first meeting
        social = b.muni["social"] if b.muni else None
        if social and social.group and (b is social or b.au_of is social) and \
                (rng.random() < (0.22 if b is social else 0.05) or (b is social and b.meetings == 0)):
            out.append(self._referral_item(b, d))
        choices = rng.sample(pool, len(pool))
        while len(out) < n and choices:
            topic = rng.choice(TOPICS)
            if b.kind == "network":
                out.append(self._network_point(b, choices.pop().format(year=year, topic=topic), topic, year))
                continue
            template, inf, pas = choices.pop()
            q = (MONTHS.index(month) // 3) + 1
            title = template.format(year=year, next=year + 1, month=month, topic=topic, q=q)
            inf, pas = inf.format(year=year), pas.format(year=year)
            it = {"title": title, "dnr": None, "decisions": [(inf, pas)], "underlag": []}
            if b.dnr and rng.random() < 0.8:
                it["dnr"] = self.dnr(b.au_of or b, year)
            if rng.random() < 0.5 and b.officials:
                it["presenter"] = rng.choice(b.officials)
            it["text"] = self.prose(rng.randint(4, 10), topic, year)
            if rng.random() < 0.45:
                it["assessment"] = self.prose(rng.randint(2, 6), topic, year)
            if rng.random() < 0.25 and b.officials:
                # to the body's first official, who is always present; by title where the body has one such
                who = b.officials[0] if b.muni else rng.choice(b.officials)
                due = dt.date(year + (d.month > 8), rng.choice([3, 4, 5, 6, 9, 10, 11, 12]), rng.choice([15, 30]))
                task = f"ta fram en handlingsplan för {topic} senast {due.isoformat()}"
                to = f"{who.title}en" if b.muni else f"{who.title} {who.name}"
                it["decisions"].append((f"uppdra åt {to} att {task}", f"{b.short} uppdrar åt {to} att {task}."))
            if b.kind == "ks" and rng.random() < 0.2:
                it["decisions"].append(("överlämna ärendet till kommunfullmäktige för beslut",
                                        "Ärendet överlämnas till kommunfullmäktige för beslut."))
            # only items about a topic: "Riktlinjer för ekonomiskt bistånd" prepared every month would leave the
            # rules several equally good items to choose between
            if b.kind == "au" and "{topic}" in template and rng.random() < 0.5:
                # "föreslår socialnämnden besluta att …": the nämnd decides at its next meeting
                parent = b.au_of
                it["decisions"] = [(f"föreslå {parent.name.lower()} besluta att {inf}",
                                    f"{b.short} föreslår {parent.name.lower()} besluta att {inf}.")]
                if it["dnr"]:
                    parent.proposals.append({"title": title, "dnr": it["dnr"], "decisions": [(inf, pas)],
                                             "underlag": [f"Protokollsutdrag från {b.name} {d.isoformat()}"],
                                             "text": f"{b.name} har den {d.day} {MONTHS[d.month - 1]} berett "
                                                     f"ärendet om {title[0].lower() + title[1:]}. "
                                                     + self.prose(rng.randint(2, 4), topic, year)})
            if rng.random() < 0.5:
                it["underlag"] = [f"Tjänsteskrivelse {(d - dt.timedelta(days=rng.randint(7, 30))).isoformat()}"]
            out.append(it)
        out.append({"title": "Övriga frågor", "decisions": [], "text": rng.choice(
            ["Inga övriga frågor anmäls.", "Inga övriga frågor lyfts.",
             "Ordföranden informerar om kommande utbildningsdag för förtroendevalda." if b.kind != "network"
             else "Deltagarna delger varandra aktuella frågor från kommunerna."])})
        return out

    def _referral_item(self, b: Body, d: dt.date) -> dict:
        """An item referring a matter to the county group ("Ärendet överlämnas till … för ställningstagande")."""
        rng = self.rng
        group = b.muni["social"].group
        title, topic = self.topic_title({r["title"] for r in group.pending})
        social = b.muni["social"]
        it = {"title": title, "dnr": self.dnr(b.au_of or b, d.year), "decisions": [],
              "underlag": [f"Tjänsteskrivelse {(d - dt.timedelta(days=rng.randint(7, 30))).isoformat()}"],
              "presenter": social.officials[0]}
        it["text"] = (f"Frågan om {title[0].lower() + title[1:]} berör flera kommuner i länet. "
                      + self.prose(rng.randint(3, 6), topic, d.year)
                      + f" {social.officials[0].title.capitalize()}en bedömer att frågan bör behandlas gemensamt "
                        "i länet.")
        to = group.name.split(" (")[0]
        purpose = rng.choice(REFERRAL_PURPOSE)
        it["decisions"] = [("ställa sig bakom förvaltningens bedömning", "Förvaltningens bedömning godkänns."),
                           (f"överlämna ärendet till {to} {purpose}", f"Ärendet överlämnas till {to} {purpose}.")]
        it["referral"] = self._refer(b.name, b.org, b.slug, d, title, topic, it["dnr"], group, "nämnd-grupp")
        return it

    def _refer(self, name, org, from_slug, d, title, topic, dnr, to: Body, step: str) -> dict:
        """Record a referral (info["referrals"]) and queue it at the receiving body."""
        ref = {"from_body": name, "from_org": org, "from_slug": from_slug, "from_date": d.isoformat(),
               "from_date_obj": d, "from_para": None, "title": title, "topic": topic, "dnr": dnr,
               "to_body": to.name.split(" (")[0], "to_slug": to.slug, "to_date": None, "to_para": None,
               "step": step}
        self.referrals.append(ref)
        to.pending.append(ref)
        return ref

    def _take_up(self, b: Body, r: dict, d: dt.date) -> dict:
        """The item at which a body takes up a matter sent to it: the same title words and the sender named."""
        rng = self.rng
        title = r["title"]
        low = title[0].lower() + title[1:]
        sent = r["from_date_obj"]
        para = f", § {r['from_para']}" if rng.random() < 0.7 else ""
        # the sender's number as "ärende SN 2023/62", not "dnr …": the rules would take a "dnr" here for the
        # item's own number, and the same number in another municipality would then join unrelated items
        dnr = f" (ärende {r['dnr']})" if r.get("dnr") and rng.random() < 0.5 else ""
        sender = r["from_body"] + (f" i {r['from_org']}" if r["from_org"] else "")
        chain = b.kind == "group" and rng.random() < 0.25
        # the heading may name the sender, but not when the matter goes on: its title must stay the matter's
        it = {"title": title if chain or rng.random() < 0.6 else f"{title} – från {sender}", "dnr": None,
              "decisions": [], "underlag": [f"Protokollsutdrag från {sender} {r['from_date']}{para}"]}
        # the recipient is not named here: "till samrådsgruppen" would be read as a body of its own
        it["text"] = (f"{sender} har den {sent.day} {MONTHS[sent.month - 1]} {sent.year}{para}{dnr} överlämnat "
                      f"frågan om {low} för gemensamt ställningstagande. "
                      + self.prose(rng.randint(3, 7), r["topic"], d.year))
        if chain:
            hsn = b.county["hsn"]
            it["decisions"].append(("ställa sig bakom förslaget", f"{b.short} ställer sig bakom förslaget."))
            it["decisions"].append((f"överlämna ärendet till {hsn.name} för beslut",
                                    f"Ärendet överlämnas till {hsn.name} för beslut."))
            it["referral"] = self._refer(b.name.split(" (")[0], "", b.slug, d, title, r["topic"], None, hsn,
                                         "grupp-region")
        else:
            inf, pas = rng.choice([
                ("ställa sig bakom förslaget och rekommendera kommunerna att tillämpa det",
                 f"{b.short} ställer sig bakom förslaget och rekommenderar kommunerna att tillämpa det."),
                ("tacka för informationen och återkomma i frågan", f"{b.short} tackar för informationen."),
                ("godkänna förslaget", f"{b.short} godkänner förslaget.")])
            it["decisions"].append((inf, pas))
        it["took_up"] = r
        return it

    def _structure_item(self, b: Body, year: int) -> dict:
        """'X rapporterar till Y', 'X bereder ärenden åt Y': how the county bodies hang together."""
        c = b.county
        g, net, ber = c["group"].name.split(" (")[0], c["network"].name, c["beredning"].name
        if b.kind == "group":
            # (not "… och till kommunstyrelserna": the plural is read as a body of its own)
            text = (f"{g} rapporterar till {c['rs'].name}. "
                    f"{net} bereder ärenden åt {g}. " + self.prose(2, "samverkan i länet", year))
        elif b.kind == "network":
            text = f"{net} rapporterar till {g}. " + self.prose(2, "samverkan i länet", year)
        else:
            text = f"{ber} bereder ärenden åt {g}. " + self.prose(2, "samverkan i länet", year)
        return {"title": f"Arbetsformer och uppdrag {year}", "dnr": None, "text": text, "underlag": [],
                "decisions": [("fastställa arbetsformerna för året", "Arbetsformerna för året fastställs.")]}

    def _network_point(self, b: Body, title: str, topic: str, year: int) -> dict:
        """A point of a network's memory notes, now and then with a task for two participants."""
        rng = self.rng
        text = self.prose(rng.randint(4, 9), topic, year)
        if rng.random() < 0.35 and len(b.officials) >= 2:
            a, c = rng.sample(b.officials, 2)
            text += f" Nätverket uppdrar åt {a.name} och {c.name} att ta fram ett underlag till nästa möte."
        elif rng.random() < 0.3:
            text += " Nätverket tackar för informationen."
        return {"title": title, "dnr": None, "text": text, "decisions": [], "underlag": []}

    # ------------------------------------------------------------ one meeting
    def meeting(self, b: Body, d: dt.date) -> str:
        """One meeting of b on d as the text of its document: agenda, attendance (some absent), the layout's form."""
        rng = self.rng
        if b.para_year != d.year:
            b.para_year, b.para = d.year, rng.randint(0, 3)
        items = self.items(b, d)
        first = b.para + 1
        for it in items:
            b.para += 1
            it["number"] = b.para
            if it.get("referral"):
                it["referral"]["from_para"] = str(b.para)
            if it.get("took_up"):
                it["took_up"]["to_date"], it["took_up"]["to_para"] = d.isoformat(), str(b.para)
        present = list(b.members)
        absent: list[tuple[Person, str]] = []
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            if len(present) > 3:
                k = rng.randrange(2, len(present))
                absent.append(present.pop(k))
        serving = list(zip(b.subs, absent))
        rest_subs = b.subs[len(serving):]
        extra = rng.sample(rest_subs, min(len(rest_subs), rng.randint(0, 2)))
        officials = b.officials[:1] + [o for o in b.officials[1:] if rng.random() < 0.85]
        voters = [p for p, _ in present[1:]] or [p for p, _ in present]
        just = rng.choice(voters) if voters else None  # a network has no members, only participants
        m = {"date": d, "items": items, "present": present, "absent": absent, "serving": serving,
             "subs": extra, "officials": officials, "justerare": just, "first": first, "last": b.para,
             "chair": present[0][0] if present else None}
        b.meetings += 1
        return getattr(self, "render_" + b.layout.replace("classic_i", "classic"))(b, m)

    # ------------------------------------------------------------ layouts
    def _hours(self, b: Body) -> tuple[str, str]:
        rng = self.rng
        h = rng.choice([8, 9, 10, 13, 14])
        end = f"{h + rng.randint(2, 4):02d}.{rng.choice(['00', '10', '30', '45'])}"
        return f"{h:02d}.{rng.choice(['00', '15', '30'])}", end

    def _decision_block(self, b: Body, it: dict, style: str, label: str | None = None) -> list[str]:
        """The decisions as 'att …' clauses, as numbered sentences, or as one 'X beslutar att …'."""
        decs = it["decisions"]
        if not decs:
            return []
        out = []
        if style == "att":
            out.append(f"{b.short} beslutar")
            out += [f"att {inf}{',' if k < len(decs) - 1 else '.'}" for k, (inf, _) in enumerate(decs)]
        elif style == "num":
            out.append(label or f"{b.short} beslutar")
            out += [f"{k + 1}. {pas}" if len(decs) > 1 else pas for k, (_, pas) in enumerate(decs)]
        else:
            out.append("Beslut")
            if len(decs) == 1:
                out.append(f"{b.short} beslutar att {decs[0][0]}.")
            else:
                out += [f"{k + 1}. {pas}" for k, (_, pas) in enumerate(decs)]
        return out

    def render_classic(self, b: Body, m: dict) -> str:
        """A municipal nämnd's protocol: tab-separated attendance head, '§ 12 Title', 'Dnr', 'X beslutar'."""
        rng = self.rng
        d = m["date"]
        t0, t1 = self._hours(b)
        L = []
        if b.layout == "classic_i":
            L += [f"{b.name} i {b.org}", "Sammanträdesprotokoll", f"Sammanträdesdatum\t{d.isoformat()}", ""]
            L.append(f"Plats och tid\t{b.place}, kl. {t0}–{t1}")
        else:
            L += [b.org, b.name, f"Protokoll {d.isoformat()}", ""]
            L.append(f"Tid och plats\t{long_date(d, cap=True)} kl. {t0}–{t1}, {b.place}")
        rows = []
        for p, role in m["present"]:
            rows.append(p.np() + (f", {role}" if role != "ledamot" else ""))
        for sub, (ab, _) in m["serving"]:
            rows.append(f"{sub.np()}, tjänstgörande ersättare för {ab.np()}")
        L += self._tab_rows("Beslutande", rows)
        L += self._tab_rows("Ersättare", [p.np() for p in m["subs"]])
        off = []
        for o in m["officials"] + [b.secretary]:
            extra = ""
            if o is not b.secretary and rng.random() < 0.3:
                a = rng.randint(m["first"], m["last"])
                extra = f" § {a}"
            off.append(f"{o.name}, {o.title}{extra}")
        L += self._tab_rows("Övriga närvarande (tjänstepersoner)", off)
        unserved = [p for p, _ in m["absent"][len(m["serving"]):]]
        L += self._tab_rows("Frånvarande", [p.np() for p in unserved])
        L.append(f"Justerare\t{m['justerare'].name}")
        L.append(f"Justeringens plats och tid\tKommunhuset, {b.muni['name']}, {(d + dt.timedelta(days=5)).isoformat()}")
        L.append(f"Paragrafer\t§§ {m['first']}–{m['last']}")
        L.append("")
        style = rng.choice(["att", "num", "sent"])
        slash = rng.random() < 0.3
        for it in m["items"]:
            n = it["number"]
            L.append(f"§ {n}/{d.year} {it['title']}" if slash else f"§ {n} {it['title']}")
            if it.get("dnr"):
                L.append(f"Dnr {it['dnr']}")
            if it.get("justerare"):
                L.append(f"{b.short} beslutar att utse {m['justerare'].name} att jämte ordföranden justera "
                         "protokollet.")
                L.append("")
                continue
            if it.get("presenter"):
                p = it["presenter"]
                L.append(f"Föredragande: {p.title} {p.name}")
            if not it["decisions"]:
                L += [it.get("text", ""), ""]
                continue
            L += self._decision_block(b, it, style)
            L.append("")
            if it.get("text"):
                L += ["Sammanfattning av ärendet", it["text"], ""]
            if it.get("assessment"):
                L += ["Förvaltningens bedömning", it["assessment"], ""]
            if it.get("underlag"):
                L += ["Beslutsunderlag"] + it["underlag"] + [""]
        L += ["Underskrifter", f"Sekreterare\t{b.secretary.name}", f"Ordförande\t{m['chair'].name}",
              f"Justerare\t{m['justerare'].name}", ""]
        return "\n".join(L)

    @staticmethod
    def _tab_rows(label: str, rows: list[str]) -> list[str]:
        if not rows:
            return []
        return [f"{label}\t{rows[0]}"] + [f"\t{r}" for r in rows[1:]]

    def render_au(self, b: Body, m: dict) -> str:
        """An arbetsutskott's protocol: 'Närvarande:' on one line, signatures first, 'KSAU § 23   Dnr …'."""
        rng = self.rng
        d = m["date"]
        t0, t1 = self._hours(b)
        pres = ", ".join(p.np() + (f", {r}" if r != "ledamot" else "") for p, r in m["present"])
        L = [b.org.upper(), "SAMMANTRÄDESPROTOKOLL", b.name, "",
             f"Sammanträdesdatum: {long_date(d, definite=True)}", f"Plats och tid: {b.place}, kl. {t0}–{t1}", "",
             f"Närvarande: {pres}", ""]
        if m["serving"]:
            L.append("Tjänstgörande ersättare: " + ", ".join(f"{s.np()} för {a.name}"
                                                              for s, (a, _) in m["serving"]))
            L.append("")
        L.append("Övriga närvarande")
        for o in m["officials"]:
            paras = f" §§ {m['first']}-{m['last']}" if rng.random() < 0.4 else ""
            L.append(f"{o.name}, {o.title}{paras}")
        L += [f"{b.secretary.name}, {b.secretary.title}", "",
              f"Utses att justera: {m['justerare'].name}",
              f"Justeringens plats och tid: {b.place.split(',')[0]} {(d + dt.timedelta(days=2)).isoformat()}",
              f"Paragrafer: {m['first']}-{m['last']}", "", "Underskrifter", "Sekreterare", b.secretary.name,
              "Ordförande", m["chair"].name, "Justerande", m["justerare"].name, ""]
        for it in m["items"]:
            head = f"{b.prefix} § {it['number']}"
            L.append(f"{head}   Dnr {it['dnr']}" if it.get("dnr") else head)
            L.append(it["title"])
            if it.get("justerare"):
                L += [f"{b.short} beslutar att utse {m['justerare'].name} att justera dagens protokoll.", ""]
                continue
            L += self._item_plain(b, it)
        L += ["ANSLAG/BEVIS", "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
              f"Organ: {b.name}", f"Datum då anslaget sätts upp: {(d + dt.timedelta(days=3)).isoformat()}", ""]
        return "\n".join(L)

    def _item_plain(self, b: Body, it: dict) -> list[str]:
        """An item's text, assessment and numbered decisions under 'Beslut', as the arbetsutskott and regional
        layouts write them."""
        L = [x for x in (it.get("text"), it.get("assessment")) if x]
        if it["decisions"]:
            L += self._decision_block(b, it, "num", label="Beslut")
        return L + [""]

    def _member_row(self, p: Person, role: str, own: bool = False) -> str:
        parts = [p.np()]
        if p.org and not own:  # the region's own nämnd does not repeat the region after each name
            parts.append(p.org)
        if role != "ledamot":
            parts.append(role)
        return ", ".join(parts)

    def render_regional(self, b: Body, m: dict) -> str:
        """A region's or county body's protocol: rows 'Name (P), X kommun, ordförande', '§ 12' on its own line."""
        d = m["date"]
        t0, t1 = self._hours(b)
        L = [b.county["region"].upper() if self.rng.random() < 0.5 else b.county["region"], "PROTOKOLL",
             b.name.split(" (")[0], "",
             f"Sammanträdesdatum: {long_date(d, definite=True)}", f"Plats och tid: {b.place}, kl. {t0}–{t1}", "",
             "Beslutande"]
        own = b.kind in ("rs", "hsn")
        L += [self._member_row(p, r, own) for p, r in m["present"]]
        L += [f"{s.np()}, tjänstgörande ersättare" for s, _ in m["serving"]]
        L += ["", "Övriga deltagande"]
        L += [f"{o.name}, {o.title}, {o.org}" for o in m["officials"]]
        L += [f"{b.secretary.name}, {b.secretary.title}", ""]
        if m["absent"]:
            L += ["Frånvarande"] + [self._member_row(p, "ledamot", own) for p, _ in m["absent"]] + [""]
        L += [f"Justerare: {m['justerare'].name}", f"Paragrafer: {m['first']}–{m['last']}", ""]
        for it in m["items"]:
            L.append(f"§ {it['number']}   Dnr {it['dnr']}" if it.get("dnr") else f"§ {it['number']}")
            L.append(it["title"])
            if it.get("justerare"):
                L += ["Beslut", f"{b.short} beslutar att utse {m['justerare'].name} att justera protokollet.", ""]
                continue
            L += self._item_plain(b, it)
        L += ["Vid protokollet", b.secretary.name, "", "Ordförande", m["chair"].name, "", "Justerare",
              m["justerare"].name, ""]
        return "\n".join(L)

    def render_socsam(self, b: Body, m: dict) -> str:
        """As SocSam's protocol: tab rows 'Name (P)\tX kommun\tOrdf. Socialnämnden', a table of contents, the
        body's name above every paragraph."""
        rng = self.rng
        d = m["date"]
        head = b.name
        t0, t1 = rng.choice([("9", "12"), ("13", "16"), ("9.30", "12")])
        # "Sociala samrådsgruppens beslut"; a name ending in its place gets "Beslut" ("… i Uppsalas" is a new name)
        gen = "Beslut" if " i " in b.short else f"{genitive(b.short)} beslut"
        L = ["", head, "", f"Plats och tid: {long_date(d, definite=True, cap=True)} kl. {t0}-{t1}", b.place, "",
             "Närvarande", "", "Beslutande", ""]
        for p, r in m["present"]:
            note = f" (<i>{'ordf.' if r == 'ordförande' else 'v. ordf.'}</i>)" if r != "ledamot" else ""
            L.append(f"{p.np()}\t{p.org}\tOrdf. {p.home_body or 'Socialnämnden'}{note}")
        if m["subs"] or m["serving"]:
            L += ["", "Övriga deltagande (förtroendevalda ersättare)", ""]
            L += [f"{s.np()}\t{s.org}\tErsättare" for s in m["subs"] + [s for s, _ in m["serving"]]]
        L += ["", "Övriga deltagande (tjänstepersoner)", ""]
        L += [f"{o.name}\t{o.org}\t{o.title[0].upper() + o.title[1:]}" for o in m["officials"] + [b.secretary]]
        L.append("")
        if m["absent"]:
            L += [head, "", "Ej närvarande", "", "Beslutande", ""]
            L += [f"{p.np()}\t{p.org}\tOrdf. {p.home_body or 'Socialnämnden'}" for p, _ in m["absent"]]
            L.append("")
        # as in the SocSam protocol: the name above the role it signs as
        L += [f"Paragrafer: §{m['first']}-{m['last']}", "", f"Justeras av: {m['justerare'].name}", "",
              b.secretary.name, "Sekreterare", "", m["chair"].np(), "Ordförande", "", m["justerare"].np(),
              "Justerare", "", head, "", "Innehåll", ""]
        for k, it in enumerate(m["items"]):
            L.append(f"§ {it['number']} {it['title']}\t{k + 5}")
        L.append("")
        for it in m["items"]:
            L += [head, "", f"§ {it['number']} {it['title']}", ""]
            if it.get("justerare"):
                L += [gen, "", f"1. {b.short} väljer {m['justerare'].name} att tillsammans med "
                      f"ordförande justera protokollet", ""]
                continue
            if it.get("presenter"):
                p = it["presenter"]
                L += [f"Föredragande: {p.name}, {p.title}, {p.org}", ""]
            if it["decisions"]:
                L += [gen, ""]
                L += [f"{k + 1}. {pas}" for k, (_, pas) in enumerate(it["decisions"])]
                L.append("")
            if it.get("text"):
                L += ["Sammanfattning av ärendet", "", it["text"], ""]
            if it.get("assessment"):
                L += [it["assessment"], ""]
        L += ["Muntligen justerat", ""]
        return "\n".join(L)

    def render_notes(self, b: Body, m: dict) -> str:
        """A network's memory notes: 'Närvarande:' as bullets or on one line, numbered points."""
        rng = self.rng
        d = m["date"]
        people = m["officials"] + [b.secretary]
        L = ["Minnesanteckningar", b.name]
        bullets = rng.random() < 0.5
        if bullets:
            L += [f"Datum: {d.isoformat()}", f"Plats: {b.place}", "", "Närvarande:"]
            L += [f"• {p.name}, {p.title}, {p.org}" for p in people]
        else:
            doc_date = d + dt.timedelta(days=rng.randint(0, 7))
            L += [f"Datum: {doc_date.strftime('%y%m%d')}", "",
                  f"Möte {long_date(d, definite=True)}, kl. 9–12 via {b.place}", "",
                  "Närvarande: " + ", ".join(f"{p.name} ({self.home.get(p.org, p.org)})" for p in people)]
        L.append("")
        for k, it in enumerate(m["items"], 1):
            L.append(f"{k}. {it['title']}")
            L.append(it.get("text") or "Inga frågor.")
            L.append("")
        nxt = d + dt.timedelta(days=35)
        L.append(f"Nästa möte hålls den {nxt.day} {MONTHS[nxt.month - 1]}.")
        L.append("")
        return "\n".join(L)

    # ------------------------------------------------------------ corpus
    def years(self) -> list[int]:
        """Enough years for the size, ending in 2024 (earlier start for larger corpora)."""
        per_year = sum(b.per_year for b in self.bodies) * 7200 / 1e6  # MB a year, about 7.2 kB a document
        start = max(1990, 2025 - max(2, math.ceil(self.mb / per_year)))
        return list(range(start, 2100))


def write_corpus(out: Path, mb: float, seed: int) -> tuple[list[Path], str, dict]:
    """Write at least mb MB of synthetic minutes into out; return (files, sha256 digest[:16], info)."""
    t0 = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("*.txt")):  # documents of an earlier run would be ingested along with these
        raise FileExistsError(f"{out} already holds .txt files; give an empty or new folder")
    g = Generator(mb, seed)
    h = hashlib.sha256()
    files: list[Path] = []
    total = 0
    meetings = 0
    target = mb * 1e6
    for year in g.years():
        for d, _, b in g.schedule(year):
            text = g.meeting(b, d)
            name = f"{b.slug}-{d.isoformat()}.txt"
            data = text.encode("utf-8")
            h.update(name.encode())
            h.update(data)
            f = out / name
            f.write_bytes(data)
            files.append(f)
            total += len(text)
            meetings += 1
            if total >= target:
                break
        if total >= target:
            break
    referrals = [{k: v for k, v in r.items() if k != "from_date_obj"} for r in g.referrals]
    rosters = {b.slug: {"name": b.name, "org": b.org, "kind": b.kind, "meetings": b.meetings,
                        "municipality": b.muni["name"] if b.muni else None, "county": b.county["lan"],
                        "members": [{"name": p.name, "party": p.party, "role": r} for p, r in b.members],
                        "subs": [p.name for p in b.subs],
                        "officials": [{"name": p.name, "title": p.title} for p in b.officials + [b.secretary] if p]}
               for b in g.bodies}
    info = {"documents": len(files), "chars": total, "mb": total / 1e6, "municipalities": len(g.munis),
            "counties": [c["lan"] for c in g.county_list], "bodies": len(g.bodies),
            "bodies_with_meetings": sum(1 for b in g.bodies if b.meetings), "persons": g.persons,
            "meetings": meetings, "referrals": referrals,
            "referrals_taken_up": sum(1 for r in referrals if r["to_date"]), "rosters": rosters,
            "seconds": time.perf_counter() - t0,
            # the keys scripts/bench_ingest.py prints about its corpus, so that this can stand in for its build_corpus
            "copies": len(files), "src_surnames": len(g.surnames), "src_munis": [m["name"] for m in g.munis],
            "src_counties": [c["lan"] for c in g.county_list]}
    return files, h.hexdigest()[:16], info


build_corpus = write_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write the documents into (created if missing)")
    ap.add_argument("--mb", type=float, default=5.0, help="MB of text to write at least (characters / 1e6)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--manifest", type=Path, help="also write what was generated (rosters, referrals) as JSON "
                    "here (outside OUT_DIR, or ingest lists it as a file passed over)")
    a = ap.parse_args()
    files, digest, info = write_corpus(a.out, a.mb, a.seed)
    if a.manifest:
        a.manifest.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{info['documents']} documents, {info['mb']:.2f} MB, {info['municipalities']} municipalities in "
          f"{len(info['counties'])} counties, {info['bodies']} bodies, {info['persons']} persons, "
          f"{info['meetings']} meetings, {len(info['referrals'])} referrals ({info['referrals_taken_up']} taken up); "
          f"sha256 {digest}; {info['seconds']:.1f} s ({info['mb'] / max(info['seconds'], 1e-9):.1f} MB/s)")


if __name__ == "__main__":
    main()
