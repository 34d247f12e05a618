"""Persons by a model of Swedish names, wherever they stand: a capitalised run that begins with one of Sweden's
common first names (data/reference/fornamn.txt) and goes on with a surname. It reads names that no layout rule
reaches — in run-on text from a PDF or a web page ("Närvarande Ingemar Nyman, Bjurholm Dagmar Schröder, …"), after
an organisation or municipality column ("Bjurholm Kurt-Allan Egelby"), in lists and prose without a party mark —
and leaves alone names that earlier stages already read."""
from __future__ import annotations

import re

from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import hold, person
from ingest.extract.names import is_first_name, plausible_name, split_title
from ingest.extract.patterns import WORD
from ingest.extract.vocabulary import CALENDAR_WORDS, NOT_NAME

# a run of capitalised words on one line (a name never runs over a line break or a comma)
# (a middle initial inside a run: "Göte W Swén", "Per G. Hansson")
INITIAL = r"[A-ZÅÄÖ]\.?(?=[ \t]+[A-ZÅÄÖ])"
# (a particle is a word of its own: "de" is no name's part in "Anna Berg dessutom", nor "van" in "vann")
PARTICLE = r"(?:von|af|de|van|der)(?![\w-])"
RUN_RE = re.compile(rf"{WORD}(?:[ \t]+(?:{WORD}|{INITIAL}|{PARTICLE}))*")
TOKEN_RE = re.compile(rf"{WORD}|{INITIAL}|{PARTICLE}")
# endings of Swedish surnames: a second surname word is taken only when it looks like one ("Ågren Wikström")
SURNAME_END = re.compile(r"(?:s?son|berg|ström|lund|qvist|kvist|gren|man|mark|ling|stedt|dahl|holm|fors|sjö|by|"
                         r"ell|ér|ius|ander|lin|blad|bäck|näs|vall|borg|hed|ek|rot)$")
PARTICLES = {"von", "af", "de", "van", "der"}
# What a list says right after a name: a party without brackets or with one ("Eva Nilsson, Överkalix, (s, ers",
# "Bo Ek, c,") and a title after a comma ("Gunilla Andersson, landstingsdirektör Harald …")
PARTY_AFTER_RE = re.compile(r"(?:,[ \t]*[A-ZÅÄÖ][\wåäö-]+)?[ \t]*(?:,[ \t]*)?"
                            r"(?:\((?P<a>[A-Za-zÅÄÖåäö]{1,4})(?=[),])|(?P<b>[A-Za-zÅÄÖåäö]{1,4})(?=[ \t]*,))")
TITLE_AFTER_RE = re.compile(r",[ \t]*(?P<title>[a-zåäö][\wåäö/-]*(?:-[ \t]+och[ \t]+[a-zåäö][\wåäö-]*)?)")


def _surname_like(tok: str) -> bool:
    return tok in lexicon.surnames() or bool(SURNAME_END.search(tok.lower())) or "-" in tok


def _names_in_run(toks: list[str]) -> list[tuple[int, int]]:
    """(first, last) token indexes of the names in a run: a first name (or two: 'Anna Lena'), then a surname and,
    when it looks like one, a second ('Ågren Wikström'); a first name after a surname begins the next name."""
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t in PARTICLES or t in NOT_NAME or t in CALENDAR_WORDS or not is_first_name(t):
            i += 1
            continue
        j = i + 1
        # a double first name: "Anna Lena Svedberg", "Karl Johan Bergmark"
        if j + 1 < len(toks) and is_first_name(toks[j]) and not is_first_name(toks[j + 1]):
            j += 1
        if j + 1 < len(toks) and re.fullmatch(r"[A-ZÅÄÖ]\.?", toks[j]) and len(toks[j + 1]) > 2 \
                and not is_first_name(toks[j + 1]):
            j += 1  # "Göte W Swén": a middle initial
        while j < len(toks) and toks[j] in PARTICLES:  # "Eva von Schantz"
            j += 1
        if j >= len(toks) or is_first_name(toks[j]) or toks[j] in NOT_NAME or len(toks[j].rstrip(".")) == 1:
            i += 1
            continue
        end = j
        if end + 1 < len(toks) and not is_first_name(toks[end + 1]) and _surname_like(toks[end + 1]) \
                and toks[end + 1] not in NOT_NAME:
            end += 1
        out.append((i, end))
        i = end + 1
    return out


def persons_by_name(cx: DocContext) -> None:
    text = cx.seg.masked
    for run in RUN_RE.finditer(text):
        toks = list(TOKEN_RE.finditer(run.group()))
        if len(toks) < 2:
            continue
        for a, b in _names_in_run([t.group() for t in toks]):
            s, e = run.start() + toks[a].start(), run.start() + toks[b].end()
            name = text[s:e]
            last = toks[b].group()
            # "Olof Palmes gata", "Anna Lindhs minnesfond": a genitive before a noun names a thing, not a person
            if last.endswith("s") and last not in lexicon.surnames() and re.match(r"[ \t]+[a-zåäö]", text[e:e + 2]):
                continue
            if plausible_name(name) and not cx.inside_person(s):
                person(cx, s, e, "name-model", _party_after(text, e), conf=0.8)
    # in run-on text (no attendance was read from lines), every name read so far by any stage: a party or a title
    # the list gives right after it; line layouts have their own rules for the columns after a name
    if cx.claims_of("ATTENDED"):
        return
    held = {c.evidence.start for c in cx.claims_of("HOLDS")}
    for s, e in cx.person_spans():
        party = _party_after(text, e)
        tm = TITLE_AFTER_RE.match(text, e)
        title = split_title(tm["title"])[0] if tm and lexicon.is_title_word(tm["title"].split()[0]) else None
        # "Gudrun Gustafsson, justerare", "Mikael Lindfors, ordförande" in a signature: a task in the meeting
        if title in ("justerare", "ordförande"):
            title = None
        if party or (title and s not in held):
            pk = person(cx, s, e, "name-model", party, conf=0.8)
            if title and s not in held:
                hold(cx, pk, title, None, s, tm.end(), "name-model", 0.8)


def _party_after(text: str, end: int) -> str | None:
    pm = PARTY_AFTER_RE.match(text, end)
    code = pm and (pm["a"] or pm["b"])
    return code if code and code.upper() in lexicon.parties() else None
