"""The words the synthetic minutes are made of: names, parties, rooms, topics, item templates and prose, and
the small helpers that write Swedish names and dates (file-name slugs, genitives, "X kommun", long dates)."""
from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # scripts/synth/words.py -> the repository
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
