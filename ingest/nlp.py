"""The spaCy pipeline: spacy.blank("sv"), the lookup lemmatizer, span rulers fed from data files, and our
own components for bodies and titles. No trained model is needed or downloaded."""
from __future__ import annotations

import re
from functools import cache, lru_cache

import numpy as np
import spacy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span
from spacy.util import load_language_data, registry

from graph.text import genitive
from ingest import lexicon

SPANS_KEY = "gg"
LABELS = ("MUNI", "REGION", "BODY", "TITLE")

# The head of a body name: a word ending in an organ noun, in any form ("socialnämnden", "samrådsgruppens").
_FORMS = {"nämnd": "nämnd(en|s|ens|er|erna|ernas)?", "styrelse": "styrelse(n|s|ns|r|rna)?",
          "utskott": "utskott(et|s|ets|en)?", "presidium": "presidi(um|et|ets|er)",
          "beredning": "beredning(en|s|ens|ar|arna)?", "grupp": "grupp(en|s|ens|er|erna|ernas)?",
          "råd": "råd(et|s|ets)?", "nätverk": "nätverk(et|s|ets|en)?", "arena": "aren(a|an|ans|or|orna)",
          "förbund": "förbund(et|s|ets)?", "kommitté": "kommitté(n|ns|er|erna)?", "forum": "forum(et|s|ets)?",
          "delegation": "delegation(en|s|ens)?", "kansli": "kansli(et|ets|er)?",
          "fullmäktige": "fullmäktige(s)?", "departement": "departement(et|ets)?",
          "organ": "organ(et|ets|en|s)?", "förvaltning": "förvaltning(en|s|ens|ar|arna)?"}
# Endings of a definite or genitive form: "nämnden", "gruppens", "rådet" name one body; "nämnder" do not.
_DEFINITE = {"en", "et", "n", "t", "an", "ns", "ens", "ets", "s", "erna", "ernas", "arna", "orna", "et", "iet",
             "iets", "ns", "ts"}


@cache
def _expand(pattern: str) -> tuple[str, ...]:
    """'nämnd(en|s)?' -> ['nämnd', 'nämnden', 'nämnds']."""
    m = re.fullmatch(r"(\w+)\(([\w|]+)\)(\?)?", pattern)
    stem, ends, optional = m.group(1), m.group(2).split("|"), m.group(3)
    return tuple(([stem] if optional else []) + [stem + e for e in ends])


@cache
def organ_suffixes() -> dict[str, str]:
    """Every inflected form of every organ noun -> the noun's kind, for a fast str.endswith test."""
    out: dict[str, str] = {}
    heads = {**lexicon.organ_heads(), "departement": "departement"}
    for head, kind in heads.items():
        base = next((b for b in _FORMS if head.endswith(b)), None)
        if base is None:
            out[head] = kind
            continue
        prefix = head[: len(head) - len(base)]
        for form in _expand(_FORMS[base]):
            out.setdefault(prefix + form, kind)
    return out


@cache
def _suffix_tuple() -> tuple[str, ...]:
    return tuple(sorted(organ_suffixes(), key=len, reverse=True))


# Words that end like an organ noun but are none: "området" ends in "rådet".
_FALSE_HEADS = ("område", "området", "områden", "områdena", "områdets", "gruppering", "grupperingar",
                "grupperingarna", "förbundsstrateg")


@lru_cache(maxsize=65536)
def organ_kind(word: str) -> str | None:
    """The kind of body a word names by its head noun, or None: 'socialnämndens' -> 'nämnd'."""
    w = word.lower().rstrip(":")
    if not w.endswith(_suffix_tuple()) or w.endswith(_FALSE_HEADS):
        return None
    for suf in _suffix_tuple():
        if w.endswith(suf):
            # "morgan" ends in "organ", "konrad" almost in "råd": a compound needs a real first part
            if 0 < len(w) - len(suf) < 3:
                return None
            return organ_suffixes()[suf]
    return None


@lru_cache(maxsize=65536)
def organ_lemma(word: str) -> str:
    """'samrådsgruppens' -> 'samrådsgrupp', 'nämnderna' -> 'nämnd' (for stoplist checks)."""
    w = word.lower()
    for base, forms in _FORMS.items():
        for form in sorted(_expand(forms), key=len, reverse=True):
            if w.endswith(form):
                return w[: len(w) - len(form)] + base
    return w


def _is_definite_or_genitive(w: str) -> bool:
    w = w.lower()
    if w.endswith(("fullmäktige", "fullmäktiges")):
        return True
    for base, forms in _FORMS.items():
        stem = base[:-1] if base.endswith(("a", "e")) or base == "presidium" else base
        stem = "presidi" if base == "presidium" else stem
        for form in sorted(_expand(forms), key=len, reverse=True):
            if w.endswith(form):
                return form[len(stem):] in _DEFINITE
    return False


def is_singular_indefinite(w: str) -> bool:
    """'nämnd', 'grupp': the bare form, which after a genitive ('regionens nämnd') names one body."""
    return w.lower().endswith(tuple(_FORMS))


def _tokens_where(doc: Doc, memo: dict[int, bool], test) -> list[int]:
    """Indices of the tokens whose text passes test. Each distinct word is tested once (memo, kept across
    documents) and the tokens are picked with numpy, instead of a Python loop over every token (that loop cost
    more than the tokenizer itself)."""
    orths = doc.user_data.get("orths")
    if orths is None:  # shared by the components
        orths = doc.user_data["orths"] = doc.to_array(ORTH)
        doc.user_data["distinct"] = np.unique(orths).tolist()
    strings = doc.vocab.strings
    hits = []
    for o in doc.user_data["distinct"]:
        ok = memo.get(o)
        if ok is None:
            ok = memo[o] = bool(test(strings[o]))
        if ok:
            hits.append(o)
    if not hits:
        return []
    return np.flatnonzero(np.isin(orths, np.array(hits, dtype=orths.dtype))).tolist()


_ORGAN_WORDS: dict[int, bool] = {}
_TITLE_WORDS: dict[int, bool] = {}


def _organ_word(t: str) -> bool:
    # "IFO-chefsnätverket", "Barn- och ungdomsnämnden" (the hyphenated part joined): a word with hyphens inside
    return len(t) >= 4 and t.replace("-", "").isalpha() and not t.endswith("-") and organ_kind(t) is not None


def _title_word(t: str) -> bool:
    low = t.lower()
    return low in lexicon.title_forms() or (len(low) > 4 and low.isalpha() and low.endswith(lexicon.title_suffixes()))


@cache
def _place_words() -> frozenset[str]:
    """Municipality and county names and their genitives ('Gävleborg', 'Hallands', 'Umeå')."""
    out = set()
    for m in lexicon.municipalities():
        out |= {m.name, genitive(m.name)}
    for r in lexicon.regions():
        for name in (r.name, *r.aliases):
            if name.startswith("Region "):
                tail = name[len("Region "):]
                if " " not in tail:
                    out |= {tail, genitive(tail)}
    return frozenset(out)


@Language.component("organ_spans", assigns=["doc.spans"])
def organ_spans(doc: Doc) -> Doc:
    """BODY spans: a word ending in an organ noun, with the capitalised or hyphenated words before it
    ('Sociala samrådsgruppen', 'Vård- och omsorgsnämnden', 'Kommunförbundet Jämtland Härjedalen')."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    stop = lexicon.organ_stop()
    for i in _tokens_where(doc, _ORGAN_WORDS, _organ_word):
        tok = doc[i]
        t = tok.text
        # "samverkansorganet LAKO", "nätverket SCHNV": a generic organ word with the body's acronym after it
        if tok.i + 1 < len(doc) and t[:1].islower() and _ACRONYM.fullmatch(doc[tok.i + 1].text):
            spans.append(Span(doc, tok.i, tok.i + 2, label="BODY"))
            continue
        named_field = t[:1].isupper() and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "för" \
            and doc[tok.i + 2].text.rstrip("-").isalpha() and doc[tok.i + 2].text.lower() not in _FIELD_STOP
        if organ_lemma(t) in stop and not named_field:  # "Rådet för barn och unga" is a name, "rådet" is not
            # "av Primärkommunala rådet": a bare organ word named by a capitalised word inside a sentence
            j = tok.i - 1
            # "Västkoms styrelse": an organisation's own organ, named by the organisation's genitive
            # (not the end of a longer name: "Kommunförbundet Jämtland Härjedalens styrelse")
            if j >= 0 and t.lower() in _OWNED and doc[j].text[:1].isupper() and doc[j].text.isalpha() \
                    and doc[j].text.endswith("s") and len(doc[j].text) > 3 and doc[j].text not in _NOT_OWNER \
                    and not (j >= 1 and doc[j - 1].text[:1].isupper() and doc[j - 1].text.isalpha()):
                spans.append(Span(doc, j, tok.i + 1, label="BODY"))
            elif j >= 1 and t[:1].islower() and doc[j].text[:1].isupper() and doc[j].text.isalpha() \
                    and doc[j].text.lower() not in _NOT_ADJ and doc[j].text not in _NOT_OWNER \
                    and (not doc[j - 1].is_space and doc[j - 1].text not in ".:•!?" or
                         doc[j].text.endswith("a") and doc[j].text.lower() not in _NOT_ADJ) \
                    and _is_definite_or_genitive(t):  # "Politiska samverkansberedningen" may open a line
                spans.append(Span(doc, j, tok.i + 1, label="BODY"))
            # "Regionala politiska samverkansrådet": a capitalised and a lower-case adjective before it
            elif j >= 2 and t[:1].islower() and doc[j].text.isalpha() and doc[j].text.endswith("a") \
                    and doc[j].text[:1].islower() \
                    and doc[j - 1].text[:1].isupper() and doc[j - 1].text.isalpha() \
                    and doc[j - 1].text.endswith("a") and doc[j - 1].text.lower() not in _NOT_ADJ \
                    and doc[j - 1].text not in _NOT_OWNER and _is_definite_or_genitive(t):
                spans.append(Span(doc, j - 1, tok.i + 1, label="BODY"))
            continue
        prev = doc[tok.i - 1].text if tok.i else ""
        sentence_start = not prev or prev in ".:•\n" or doc[tok.i - 1].is_space
        capital_inside = t[0].isupper() and not sentence_start
        # "socialnämnder" (any such committees) names no body; "socialnämnden", "regionens nämnd" and a
        # capitalised name inside a sentence do.
        # "Politisk samverkansberedning": an indefinite organ word named by the capitalised adjective before it
        named_by_adjective = bool(prev) and prev[:1].isupper() and prev.isalpha() and prev.lower() not in _NOT_ADJ \
            and prev not in _NOT_OWNER and t[:1].islower() and is_singular_indefinite(t)
        if not (_is_definite_or_genitive(t) or capital_inside or named_by_adjective or
                (prev.endswith("s") and prev.isalpha() and is_singular_indefinite(t))):
            continue
        start = tok.i
        # extend left over "X- och", "X-, Y- och" and capitalised adjectives ("Sociala")
        j = tok.i - 1
        while j >= 0:
            w = doc[j].text
            if w == "och" and j >= 1 and doc[j - 1].text.endswith("-"):
                j -= 2
                start = j + 1
                continue
            if w.endswith("-") and len(w) > 2:
                start = j
                j -= 1
                continue
            if w == "," and j >= 1 and doc[j - 1].text.endswith("-"):
                j -= 1
                continue
            if w[:1].islower() and w.isalpha() and w.endswith("a") and j == start - 1 and j >= 1 \
                    and tok.text[:1].islower() and doc[j - 1].text[:1].isupper() \
                    and doc[j - 1].text.isalpha() and doc[j - 1].text not in _NOT_OWNER \
                    and doc[j - 1].text.endswith("a") and (doc[j - 1].text.lower() not in _NOT_ADJ or (
                        j >= 2 and not doc[j - 2].is_space and doc[j - 2].text not in ".:•!?")):
                start = j - 1  # "Regionala politiska samverkansrådet": two adjectives, the first capitalised
                j -= 2
                continue
            if w == "Region" and j == start - 1 and start < tok.i and doc[start].text.endswith("s"):
                start = j  # "Region Västerbottens regionstyrelse"
                j -= 1
                continue
            if w[:1].isupper() and w.isalpha() and w.lower() not in _NOT_ADJ and w not in _NOT_OWNER \
                    and tok.text[:1].islower() and j == start - 1:
                start = j
                j -= 1
                continue
            break
        end = tok.i + 1
        # "Kommunförbundet Jämtland Härjedalen", "Rådet för regional utveckling"
        k = end
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].text.isalpha() and k - end < 3 \
                and organ_kind(doc[k].text) is None and doc[k].text.lower() not in _NOT_ADJ:
            k += 1
        if k > end and t.lower().startswith(("kommunförbund", "förbund", "region")):
            end = k
        # "Beredningsgruppen för äldreomsorg", "Rådet för barn och unga", "Ledningsgruppen för Barnahus Halland":
        # a capitalised organ word names its field after "för", up to a verb, a function word or punctuation
        if t[:1].isupper() and end == tok.i + 1 and end + 1 < len(doc) and doc[end].text == "för":
            k, words = end + 1, 0
            while k < len(doc) and words < 4:
                w = doc[k].text
                # "hälso- och sjukvård": a compound shared over "och" is one word of the field
                if w.endswith("-") and w[:-1].isalpha() and k + 2 < len(doc) and doc[k + 1].text == "och" \
                        and doc[k + 2].text.isalpha():
                    k += 3
                    words += 1
                    continue
                if w == "och" and words and k + 1 < len(doc) and doc[k + 1].text.isalpha() \
                        and doc[k + 1].text.lower() not in _FIELD_STOP and doc[k + 1].text[:1].islower():
                    k += 1
                    continue
                if w == "i" and words and k + 1 < len(doc) and doc[k + 1].text in _place_words():
                    k += 2  # "Länsnätverket för socialchefer i Norrbotten"
                    words += 1
                    break
                if w == "och" or w == "för" or not w.isalpha() or w.lower() in _FIELD_STOP or w[-1:] == "-" \
                        or organ_kind(w):
                    break
                k += 1
                words += 1
            if words and doc[k - 1].text != "och":
                end = k
        # "Välfärdsrådet Gävleborg", "Barnahus Halland": a capitalised organ word with the place it serves
        elif t[:1].isupper() and end == tok.i + 1 and end < len(doc) and doc[end].text in _place_words():
            end += 1
        # "Kommunförbundet Jämtland Härjedalens styrelse": the owner's organ
        if end < len(doc) and doc[end - 1].text.endswith("s") and doc[end].text.lower() in _OWNED:
            end += 1
        spans.append(Span(doc, start, end, label="BODY"))
    doc.spans[SPANS_KEY] = spans
    return doc


# Words that end the field of a body named "X för …": verbs and function words of a sentence.
_FIELD_STOP = {"angående", "gällande", "avseende", "kring", "rörande", "ang", "beträffande", "att", "den", "det", "de", "som", "är", "var", "har", "hade", "ska", "skall", "kan", "får", "finns",
               "rapporterar", "ingår", "ersatte", "ersätter", "bildades", "etablerades", "inrättades", "leds",
               "består", "träffas", "sammanträder", "beslutar", "beslutade", "föreslår", "lämnar", "tar", "ger",
               "gav", "behandlar", "bereder", "informerar", "redovisar", "godkänner", "med", "till", "i", "på",
               "av", "om", "under", "efter", "inom", "samt", "eller", "vid", "från", "mellan", "enligt", "genom",
               "hålls", "möts", "träffades", "arbetar", "ansvarar", "svarar", "kopplad", "kopplat", "knuten",
               "knutet", "rapporterade", "samordnar", "leder", "utser", "valde", "väljer", "inför", "efter", "när",
               # "lyfts till Välfärdsrådet för ställningstagande": what a matter is sent for, not the body's field
               "ställningstagande", "beslut", "kännedom", "information", "yttrande", "godkännande", "beredning",
               "synpunkter", "åtgärd", "handläggning", "samråd", "diskussion"}
_ACRONYM = re.compile(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,6}[A-ZÅÄÖ]")
_OWNED = {"styrelse", "presidium", "arbetsutskott", "beredning", "kansli"}
_NOT_OWNER = {"Ordf", "Ord", "Ledamot", "Vice", "Bitr", "Ordförande", "Förslag", "Beslut", "Inför", "Med", "Vid", "Enligt",
              "Från", "Till", "Mellan", "Inom", "Hos", "Om", "När", "Under", "Efter", "Sedan", "Region", "Och", "Rikets",
              "Ordförandens"}
_NOT_ADJ = {"inga", "alla", "denna", "detta", "dessa", "andra", "samma", "hela", "nya", "nästa", "vissa", "flera",
            "inom", "mellan", "under", "sedan", "vidare", "även", "både", "bara", "inte", "varje", "båda", "nuvarande",
            "kommande", "dåvarande", "tidigare", "ordinarie", "regionala", "kommunala", "länsgemensamma", "gemensamma",
            "övriga", "respektive", "befintliga", "lokala", "nationella", "enda", "första", "sista",
            "ordförande", "vice", "ledamot", "ledamöter", "sekreterare", "de", "vi", "de", "om", "att", "på",
            "tjänstemannaberedningar", "parallella", "egna", "stora", "större", "mindre", "ena", "möte", "mötet"}
_NOT_ADJ |= {"den", "det", "en", "ett", "i", "för", "med", "till", "av", "och", "som", "från", "är", "har"}


@Language.component("title_spans", assigns=["doc.spans"])
def title_spans(doc: Doc) -> Doc:
    """TITLE spans: job titles by suffix (förbundsstrateg, socialchef) and the titles in titles.csv."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    for i in _tokens_where(doc, _TITLE_WORDS, _title_word):
        spans.append(Span(doc, i, i + 1, label="TITLE"))
    doc.spans[SPANS_KEY] = spans
    return doc


def municipality_patterns(case_sensitive: bool) -> list[dict]:
    """Phrase patterns generated from the reference list. Lower-cased: 'östersunds kommun', region names.
    Case-sensitive: the bare name ('Östersund') unless the name is also an everyday word."""
    pats = []
    if case_sensitive:
        for name, m in lexicon.bare_municipality_names().items():
            pats.append({"label": "MUNI", "id": m.code, "pattern": name})
        return pats
    for m in lexicon.municipalities():
        g = genitive(m.name)
        for form in {f"{g} kommun", f"{m.name} kommun"}:
            pats.append({"label": "MUNI", "id": m.code, "pattern": form.lower()})
    for r in lexicon.regions():
        for form in (r.name, *r.aliases):
            pats.append({"label": "REGION", "id": r.county_code, "pattern": form.lower()})
    return pats


class ArrayLookupLemmatizer(Lemmatizer):
    """spaCy's lookup lemmatizer (the same table from spacy-lookups-data, the same lemmas), applied to a whole
    document at once: each distinct word is looked up once and remembered, and the lemmas are written with one
    Doc.from_array call instead of a Python loop that sets token.lemma_ on every token."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lemma_of: dict[int, int] = {}  # orth hash -> lemma hash
        self._table: dict[str, str] | None = None  # word -> lemma, the lookup table as a plain dict

    def initialize(self, get_examples=None, *, nlp=None, lookups=None):
        """The lookup table as a plain dict read straight from spacy-lookups-data: spaCy's own `Lookups` table
        hashes and bloom-filters each of its 660,000 entries as it is built (1.6 s of every start of a command
        that reads documents); the dict takes a quarter of that and maps every word to the same lemma."""
        if self.mode != "lookup" or lookups is not None:
            return super().initialize(get_examples, nlp=nlp, lookups=lookups)
        data = registry.lookups.get(self.vocab.lang)
        self._table = dict(load_language_data(data["lemma_lookup"]))
        placeholder = Lookups()
        placeholder.add_table("lemma_lookup", {})  # what the base class checks is there; _table is read
        self.lookups = placeholder
        self._validate_tables()

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "lookup":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        if not len(doc):
            return doc
        table = self._table if self._table is not None else self.lookups.get_table("lemma_lookup", {})
        strings = doc.vocab.strings
        memo = self._lemma_of
        orths = doc.to_array(ORTH)
        uniq, inverse = np.unique(orths, return_inverse=True)
        lemmas = np.empty(len(uniq), dtype=np.uint64)
        for i, orth in enumerate(uniq.tolist()):
            h = memo.get(orth)
            if h is None:
                word = strings[orth]
                lemma = table.get(word, word)
                h = memo[orth] = strings.add(lemma if isinstance(lemma, str) else lemma[0])
            lemmas[i] = h
        new = lemmas[inverse]
        if not self.overwrite:
            old = doc.to_array(LEMMA)
            new = np.where(old == 0, new, old)
        doc.from_array([LEMMA], new.reshape(-1, 1))
        return doc


@Language.factory("array_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "lookup", "overwrite": False})
def make_array_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool) -> ArrayLookupLemmatizer:
    return ArrayLookupLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)


_RUNS = re.compile(r"\S+|\s+")


class ChunkCachedTokenizer:
    """spaCy's own tokenizer, called once per distinct whitespace-delimited chunk and remembered.

    The tokens are exactly those of the wrapped tokenizer: spaCy splits text on whitespace first and tokenizes
    each chunk on its own, which this class repeats with the same whitespace rules (one space after a token is
    its trailing whitespace; other whitespace is a token). It exists for speed: spaCy's tokenizer stops adding
    to its cache for the rest of a document once one special case has matched in it, so in long minutes nearly
    every chunk went through the prefix, suffix and infix searches again (0.5 MB/s). Remembering the chunks
    here makes the same tokens about five times faster."""

    MAX_MEMO = 300_000  # distinct chunks remembered; the memo starts over past this, so memory stays bounded

    def __init__(self, base):
        self.base = base
        self.vocab = base.vocab
        self._memo: dict[str, tuple[bool, tuple, tuple]] = {}

    def _entry(self, run: str) -> tuple[bool, tuple, tuple]:
        """(gives the previous token its space, words, their spaces) for one whitespace or text run."""
        if run[0].isspace():
            if run[0] == " ":
                rest = run[1:]
                return True, ((rest,) if rest else ()), ((False,) if rest else ())
            return False, (run,), (False,)
        words = tuple(t.text for t in self.base(run))
        return False, words, (False,) * len(words)

    def __call__(self, text: str) -> Doc:
        runs = _RUNS.findall(text)
        words: list[str] = []
        spaces: list[bool] = []
        if runs and runs[0][0].isspace():  # whitespace that opens the text is a token of its own
            words.append(runs.pop(0))
            spaces.append(False)
        memo = self._memo
        if len(memo) > self.MAX_MEMO:
            memo.clear()
        for run in runs:
            if run == " ":
                spaces[-1] = True
                continue
            e = memo.get(run)
            if e is None:
                e = memo[run] = self._entry(run)
            if e[0]:
                spaces[-1] = True
            words += e[1]
            spaces += e[2]
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy (de)serialises the tokenizer with the pipeline: the wrapped one's settings are the settings
    def to_bytes(self, **kwargs):
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.base.from_bytes(data, **kwargs)
        self._memo.clear()
        return self

    def to_disk(self, path, **kwargs):
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.base.from_disk(path, **kwargs)
        self._memo.clear()
        return self


@cache
def pipeline() -> Language:
    nlp = spacy.blank("sv")
    # spaCy refuses texts over a million characters to spare a parser's memory; this pipeline has none, and the
    # readers' size limit (GOVGRAPH_MAX_BYTES) is what bounds a document
    nlp.max_length = 2**31 - 1
    nlp.tokenizer = ChunkCachedTokenizer(nlp.tokenizer)
    nlp.add_pipe("array_lemmatizer", name="lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup table from spacy-lookups-data; the rulers below need no training
    for name, attr, cs in (("municipality_ruler", "LOWER", False), ("municipality_name_ruler", "ORTH", True)):
        ruler = nlp.add_pipe("span_ruler", name=name, config={"spans_key": SPANS_KEY, "phrase_matcher_attr": attr,
                                                             "overwrite": False})
        ruler.add_patterns(municipality_patterns(cs))
    nlp.add_pipe("organ_spans")
    nlp.add_pipe("title_spans")
    return nlp


def run(masked_text: str) -> Doc:
    nlp = pipeline()
    doc = nlp.make_doc(masked_text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
