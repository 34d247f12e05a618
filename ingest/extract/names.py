"""Names of bodies, titles and municipalities as strings: normal forms, kinds, titles, and whether a run of capitals
can be a person's name."""
from __future__ import annotations

import re
from functools import lru_cache

from graph.model import slug
from ingest import lexicon
from ingest.extract.vocabulary import CALENDAR_WORDS, MEMBER_ROLES, NOT_NAME, NOT_OFFICIALS
from ingest.nlp import organ_kind, organ_lemma
from ingest.segment import section_of


HEAD_LABEL_RE = re.compile(r"^(?:Nämnd|Styrelse|Organ|Instans|Beslutande organ)(?::[ \t]*|[ \t]+(?=[A-ZÅÄÖ])|(?=[A-ZÅÄÖ]))")
HEAD_TAIL_RE = re.compile(r"(?i)[ \t]+(?:sammanträdesprotokoll|protokoll|sammanträdesdatum|kallelse|sida|datum|"
                          r"tid|plats)\b")


def clean_body_name(name: str) -> str:
    """Whitespace folded; a genitive organ word in its basic form ('Socialnämndens' -> 'Socialnämnden')."""
    name = re.sub(r"\s+", " ", name).strip(" ,.:;()\t–-")
    # "Nämnd:Arbetsmarknads- och socialnämnden", "Organ Kommunstyrelsen", "StyrelseArbetsmarknads- och …": a
    # form's label before the name (glued where a PDF's columns ran together)
    lab = HEAD_LABEL_RE.match(name)
    if lab and organ_kind(name[lab.end():].split(" ")[-1]):
        name = name[lab.end():]
    # "KOMMUNFÖRBUNDET NORRBOTTEN SAMMANTRÄDESPROTOKOLL Sida", "Förbundsstyrelsen Sammanträdesdatum": the head's
    # words after the name
    cut = HEAD_TAIL_RE.search(name)
    if cut and cut.start() > 0:
        name = name[:cut.start()].rstrip(" ,:")
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


def _title_form_at_start(low: str, forms: dict[str, str]) -> str | None:
    """The longest written form of a title that the (lower-cased) text begins with as a whole word."""
    for form in sorted(forms, key=len, reverse=True):
        if low.startswith(form) and (len(low) == len(form) or not low[len(form)].isalpha()):
            return form
    return None


def split_title(raw: str) -> tuple[str | None, str | None]:
    """'Ordf. Vård och omsorgsnämnden' -> ('ordförande', 'Vård och omsorgsnämnden');
    'Förvaltningschef, SAF' -> ('förvaltningschef', 'SAF'); '2:e Vice ordf. X' -> ('2:e vice ordförande', 'X')."""
    raw = re.sub(r"\s+", " ", raw).strip(" ,")
    forms = lexicon.title_forms()
    best = _title_form_at_start(raw.lower(), forms)
    prefix = ""
    if best and forms[best] in ("biträdande", "tillförordnad"):
        prefix = forms[best] + " "
        raw = raw[len(best):].strip()
        best = _title_form_at_start(raw.lower(), forms)
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
        # "enhetschef/utvecklingsstrateg": two titles held together
        both = re.match(r"/([\wåäöÅÄÖ-]+)", raw[len(w):])
        if both and (both.group(1).lower().endswith(lexicon.title_suffixes()) or both.group(1).lower() in forms):
            w += both.group()
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


def plausible_name(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or words[0] in NOT_NAME or words[0] in CALENDAR_WORDS:
        return False
    if section_of(words[0]) or words[0].lower() in lexicon.header_labels():  # "Ledamöter Mats Ekholm"
        return False
    # "Mona Wandel Justeringens", "Stihna Johansson-Evertsson Övriga": a label or heading run on after a name
    if words[-1] in NOT_NAME or section_of(words[-1]) or words[-1].lower() in lexicon.header_labels():
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


def is_first_name(tok: str) -> bool:
    """'Anna', and a hyphenated first name by its parts ('Kurt-Allan', 'Ewa-May'): one of Sweden's common ones."""
    names = lexicon.first_names()
    return tok in names or ("-" in tok and all(p in names for p in tok.split("-")))


def official_title(word: str) -> bool:
    """'regiondirektör', 'samordnare', 'kommunsekreterare': a word that names an official's post (an elected
    role or an auditor's is none)."""
    w = word.lower()
    return lexicon.is_title_word(w) and w not in MEMBER_ROLES and not w.startswith("ordf") and \
        not w.endswith(NOT_OFFICIALS)


def second_name_start(raw: str) -> int:
    """Where a second person's name begins in what was read as one: 'Göran Nilsson Björn Kihl' -> 14 (two names
    that a run-on list wrote without a separator): four words, the first and the third common first names, the
    second and the fourth not; else 0 ('Anne Marie Nilsson Brodén', 'Anna Berg von Linde' stay one)."""
    words = list(re.finditer(r"\S+", raw))
    if len(words) != 4:
        return 0
    w = [m.group() for m in words]
    if is_first_name(w[0]) and not is_first_name(w[1]) and is_first_name(w[2]) and not is_first_name(w[3]) \
            and w[1][:1].isupper() and w[3][:1].isupper():
        return words[2].start()
    return 0


def leading_non_name(raw: str) -> int:
    """How many characters of a name's text go before its first name: 'Bjurholm Kurt-Allan Egelby' -> 9, when the
    words before are no first names and at least a first name and a surname follow; else 0."""
    words = list(re.finditer(r"\S+", raw))
    for k, w in enumerate(words[:-1]):
        if is_first_name(w.group()):
            return w.start() if k and len(words) - k >= 2 else 0
    return 0


def definite(w: str) -> str:
    """'regionråd' -> 'Regionrådet', 'styrgrupp' -> 'Styrgruppen', 'styrelse' -> 'Styrelsen'."""
    w = w.lower()
    if w.endswith("presidium"):
        w = w[:-2] + "et"
    elif w.endswith("é"):
        w += "n"
    elif w.endswith("e"):
        w += "n"
    elif w.endswith(("råd", "utskott", "förbund", "nätverk", "forum", "kansli", "organ")):
        w += "et"
    else:
        w += "en"
    return w[:1].upper() + w[1:]
