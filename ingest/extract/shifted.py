"""Headings whose PDF font lost its encoding: every character written 29 code points below its letter, as a subset
font's glyph numbers ("/HGDP WHU" for "Ledamöter", "7MlQVWJ UDQGHHUVlWWDUH" for "Tjänstgörande ersättare",
"-XVWHULQJ" for "Justering"). The word spaces are lost and an "ö" comes out as a space. `decode_shifted` gives a
copy of the text of the same length with such runs read back, so that rules can find the headings at their true
offsets; the text itself is never changed."""
from __future__ import annotations

import re

# the shifted alphabet: '$'..']' for 'A'..'z'; 'l' is an 'ä', 'n' an 'å'
_TABLE = {c: chr(c + 29) for c in range(0x24, 0x5E)} | {ord("l"): "ä", ord("n"): "å"}
_SHIFTED = "\\x24-\\x5dln"
TOKEN_RE = re.compile(rf"(?<![\w$%&'()*+,./:;<=>\[\]\\-])[{_SHIFTED}]{{2,}}(?![\w])")
# a character that no ordinary word holds: proof that a token is shifted
_PROOF = re.compile(r"^-|[$%&'()*+,./:;<=>\[\]\\]|[0-9][A-Za-z]|[A-Za-z][0-9]")
# what a shifted word reads as: letters only, lower case after an optional capital
_WORD = re.compile(r"[A-ZÅÄÖ]?[a-zåäö]*[aeiouyåäö][a-zåäö]*")


def _decoded(tok: str) -> str | None:
    d = tok.translate(_TABLE)
    return d if _WORD.fullmatch(d) else None


def decode_shifted(text: str) -> str:
    """The text with its shifted runs read back (same length, same offsets); the text itself where it has none."""
    out: list[str] | None = None
    prev_end = -2
    for m in TOKEN_RE.finditer(text):
        tok = m.group()
        d = _decoded(tok)
        # a token is read back when it proves to be shifted, or continues a shifted one after an "ö" ("/HGDP WHU")
        if d is None or not ((_PROOF.search(tok) and len(tok) >= 4) or m.start() == prev_end + 1):
            continue
        if out is None:
            out = list(text)
        out[m.start():m.end()] = d
        if m.start() == prev_end + 1 and text[prev_end] == " ":
            out[prev_end] = "ö"
        prev_end = m.end()
    return "".join(out) if out is not None else text
