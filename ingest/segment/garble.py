"""Text whose font encoding is garbled in the PDF's text layer (a bold heading font without its character map:
"$QPlODQDYLQNRPQDVNULYHOVHUPP" for "Anmälan av inkomna skrivelser m.m."): the document is named in a warning, and
no item takes a garbled title, rather than items read from nonsense."""
from __future__ import annotations

import re

from ingest.segment.model import Segmented

TOKEN_RE = re.compile(r"\S{10,}")
HINT_RE = re.compile(r"[A-ZÅÄÖ][a-zåäö][A-ZÅÄÖ]|[$'*()/,+%#&][^\s$'*()/,+%#&]{0,6}[$'*()/,+%#&]")
GARBLED_MESSAGE = ("texten har förvrängd teckenkodning (typsnitt utan teckentabell i PDF:en, t.ex. {example!r}); "
                   "rubriker och punkter kan saknas")


def garbled(token: str) -> bool:
    """A long token of capitals with a small letter between two of them and no run of three small letters
    ("UDQGHHUVlWWDUH"), or one with three or more of $ ' * ( ) / , + % # & among its letters."""
    if sum(c.isupper() for c in token) >= 5 and re.search(r"[A-ZÅÄÖ][a-zåäö][A-ZÅÄÖ]", token) \
            and not re.search(r"[a-zåäö]{3}", token):
        return True
    inner = token.strip("()\"'.,:;")
    return len(re.findall(r"[$'*()/,+%#&]", inner)) >= 3 and sum(c.isalpha() for c in inner) >= 5


def check_garbled(seg: Segmented) -> None:
    """Three garbled tokens make a garbled document: a warning, and items with a garbled title are dropped."""
    found: list[str] = []
    text, pos = seg.text, 0
    while len(found) < 3:  # only the tokens with a hint of garble are tested, each once
        m = HINT_RE.search(text, pos)
        if m is None:
            break
        a, b = m.start(), m.end()
        while a > 0 and not text[a - 1].isspace() and m.start() - a < 200:
            a -= 1
        while b < len(text) and not text[b].isspace() and b - m.end() < 200:
            b += 1
        if b - a >= 10 and garbled(text[a:b]):
            found.append(text[a:b])
        pos = b
    if len(found) < 3:
        return
    seg.warnings.append(GARBLED_MESSAGE.format(example=found[0]))
    seg.items[:] = [it for it in seg.items if not any(garbled(t) for t in TOKEN_RE.findall(it.title))]
