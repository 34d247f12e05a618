"""Swedish text as both floors read it: where a sentence begins and ends, and how a name is put in the genitive.

One notion of a sentence serves extraction, resolution and the dossier: it ends at . ! ? (however many) or at a
line break. Minutes wrap long sentences over lines, so one more reading looks back over wrapped lines to where a
sentence begins (`wrapped_sentence_start`); both are here, named for what they do.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence: text up to . ! ? (a run of them) or to the end of its line.
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|(?=\n)|$)")
_ENDS = ".!?\n"


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The (start, end) of every sentence in text[start:end], blank ones left out."""
    for m in SENTENCE_RE.finditer(text, start, len(text) if end is None else end):
        if m.group().strip():
            yield m.start(), m.end()


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around pos: from after the . ! ? or line break before it to the end of the one after it."""
    a = max(text.rfind(ch, 0, pos) for ch in _ENDS) + 1
    ends = [i for i in (text.find(ch, pos) for ch in _ENDS) if i >= 0]
    e = min(ends) if ends else len(text)
    while e < len(text) and text[e] in ".!?":
        e += 1
    return a, e


def sentence_around(text: str, start: int, end: int, reach: int = 300) -> str:
    """The sentence or sentences a span stands in, at most `reach` characters to either side of it."""
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - reach)
    stops = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    b = min([*stops, end + reach, len(text)])
    return text[max(0, a):b]


def wrapped_sentence_start(text: str, pos: int, floor: int) -> int:
    """Where the sentence holding pos begins when lines are wrapped: after . ! ? and a space, or after a blank
    line, never before floor; bullets and dashes that open it are skipped."""
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


def _initialism(word: str) -> bool:
    """'SVOM', 'IVO', 'SocSam', 'BUZ': two capitals or more in the word's last part ('Dals-Ed' has one)."""
    return sum(c.isupper() for c in word.rsplit("-", 1)[-1]) >= 2


def genitive(name: str) -> str:
    """The genitive as minutes write it: 'SocSam' -> 'SocSam:s', 'IVO' -> 'IVO:s', 'Östersund' -> 'Östersunds',
    'Kramfors' -> 'Kramfors', 'Kommunförbundet Jämtland Härjedalen' -> '… Härjedalens'."""
    if _initialism(name.split()[-1]):
        return name + ":s"
    return name if name.endswith(("s", "x", "z")) else name + "s"


def genitive_forms(name: str) -> set[str]:
    """Every genitive real documents write: an abbreviation read as a word also without the colon ('SocSams')."""
    forms = {genitive(name)}
    last = name.split()[-1]
    if _initialism(last) and not last.isupper():
        forms.add(name + "s")
    return forms
