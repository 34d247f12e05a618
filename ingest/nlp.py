"""The spaCy pipeline: spacy.blank("sv"), the lookup lemmatizer, span rulers fed from data files, and our
own components for bodies and titles. No trained model is needed or downloaded."""
from __future__ import annotations

import re
from functools import cache, lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

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
          "organ": "organ(et|ets|en|s)?"}
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


_WORD = re.compile(r"[^\W\d_]{3,}")


def _words_ending(doc: Doc, suffixes: tuple[str, ...]):
    """Tokens whose word ends in one of the suffixes, found with one C-level scan of the text instead of a
    Python loop over every token (that loop cost more than the tokenizer itself)."""
    words = doc.user_data.get("words")
    if words is None:  # one scan of the text, shared by the components
        text = doc.user_data.get("text") or doc.text  # Doc.text rebuilds the string from every token
        low = text.lower()
        words = doc.user_data["words"] = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
    for a, b, w in words:
        if w.endswith(suffixes):
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None and len(span) == 1:
                yield span[0]


@Language.component("organ_spans", assigns=["doc.spans"])
def organ_spans(doc: Doc) -> Doc:
    """BODY spans: a word ending in an organ noun, with the capitalised or hyphenated words before it
    ('Sociala samrådsgruppen', 'Vård- och omsorgsnämnden', 'Kommunförbundet Jämtland Härjedalen')."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    stop = lexicon.organ_stop()
    suffixes = _suffix_tuple()
    for tok in _words_ending(doc, suffixes):
        t = tok.text
        if len(t) < 4 or not t.isalpha() or organ_kind(t) is None:
            continue
        # "samverkansorganet LAKO", "nätverket SCHNV": a generic organ word with the body's acronym after it
        if tok.i + 1 < len(doc) and t[:1].islower() and _ACRONYM.fullmatch(doc[tok.i + 1].text):
            spans.append(Span(doc, tok.i, tok.i + 2, label="BODY"))
            continue
        if organ_lemma(t) in stop:
            # "av Primärkommunala rådet": a bare organ word named by a capitalised word inside a sentence
            j = tok.i - 1
            if j >= 1 and t[:1].islower() and doc[j].text[:1].isupper() and doc[j].text.isalpha() \
                    and doc[j].text.lower() not in _NOT_ADJ and doc[j].text not in _NOT_OWNER \
                    and not doc[j - 1].is_space and doc[j - 1].text not in ".:•!?" and _is_definite_or_genitive(t):
                spans.append(Span(doc, j, tok.i + 1, label="BODY"))
            continue
        prev = doc[tok.i - 1].text if tok.i else ""
        sentence_start = not prev or prev in ".:•\n" or doc[tok.i - 1].is_space
        capital_inside = t[0].isupper() and not sentence_start
        # "socialnämnder" (any such committees) names no body; "socialnämnden", "regionens nämnd" and a
        # capitalised name inside a sentence do.
        if not (_is_definite_or_genitive(t) or capital_inside or
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
        # "Kommunförbundet Jämtland Härjedalens styrelse": the owner's organ
        if end < len(doc) and doc[end - 1].text.endswith("s") and doc[end].text.lower() in _OWNED:
            end += 1
        spans.append(Span(doc, start, end, label="BODY"))
    doc.spans[SPANS_KEY] = spans
    return doc


_ACRONYM = re.compile(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,6}[A-ZÅÄÖ]")
_OWNED = {"styrelse", "presidium", "arbetsutskott", "beredning", "kansli"}
_NOT_OWNER = {"Ordf", "Ord", "Ledamot", "Vice", "Bitr", "Ordförande", "Förslag", "Beslut", "Inför", "Med", "Vid", "Enligt",
              "Från", "Till", "Mellan", "Inom", "Hos", "Om", "När", "Under", "Efter", "Sedan", "Region", "Och"}
_NOT_ADJ = {"inga", "alla", "denna", "detta", "dessa", "andra", "samma", "hela", "nya", "nästa", "vissa", "flera",
            "inom", "mellan", "under", "sedan", "vidare", "även", "både", "bara", "inte", "varje", "båda", "nuvarande",
            "kommande", "dåvarande", "tidigare", "ordinarie", "regionala", "kommunala", "länsgemensamma", "gemensamma",
            "övriga", "respektive", "befintliga", "politiska", "lokala", "nationella", "enda", "första", "sista",
            "ordförande", "vice", "ledamot", "ledamöter", "sekreterare", "de", "vi", "de", "om", "att", "på",
            "tjänstemannaberedningar", "parallella", "egna", "stora", "större", "mindre", "ena", "möte", "mötet"}
_NOT_ADJ |= {"den", "det", "en", "ett", "i", "för", "med", "till", "av", "och", "som", "från", "är", "har"}


@Language.component("title_spans", assigns=["doc.spans"])
def title_spans(doc: Doc) -> Doc:
    """TITLE spans: job titles by suffix (förbundsstrateg, socialchef) and the titles in titles.csv."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    suffixes = lexicon.title_suffixes()
    forms = lexicon.title_forms()
    single = tuple(f for f in forms if " " not in f and f.isalpha())
    for tok in _words_ending(doc, suffixes + single):
        low = tok.lower_
        if low in forms or (len(low) > 4 and low.isalpha() and low.endswith(suffixes)):
            spans.append(Span(doc, tok.i, tok.i + 1, label="TITLE"))
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
        g = lexicon.genitive(m.name)
        for form in {f"{g} kommun", f"{m.name} kommun"}:
            pats.append({"label": "MUNI", "id": m.code, "pattern": form.lower()})
    for r in lexicon.regions():
        for form in (r.name, *r.aliases):
            pats.append({"label": "REGION", "id": r.county_code, "pattern": form.lower()})
    return pats


@cache
def pipeline() -> Language:
    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
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
    doc.user_data["text"] = masked_text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
