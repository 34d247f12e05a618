"""Sentence bounds in minutes: cut at . ! ? or a line break, a paragraph break stops a sentence's start."""
from __future__ import annotations

import re


SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)|\n")


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
