"""A pattern scanned only where a cheap guard says it may match: the same matches as `pattern.finditer`, found faster.

Python's regex engine tries a pattern at every position of the text unless the pattern begins with a literal or a
character class (then a tight loop in C skips to the next position that can start it). A pattern that begins with
a word boundary, a lookbehind, a repeated class or an alternation of case-insensitive words is therefore tried in
full at every character. `Guarded` pairs such a pattern with guards: patterns that begin with one character class
(so the engine's fast skip applies), consume that one character and look around it, and match at every position
where the pattern can begin (a superset is fine: the pattern itself decides there). The guards' positions are found
once per text (the last text scanned is remembered, by identity, so that the many calls over one document's items
share one scan); `finditer(text, a, b)` then tries the pattern only at those positions, in order, with the same
bounds, so it yields exactly what `pattern.finditer(text, a, b)` yields. A guard for a case-insensitive word lists
the word's first letters in both cases and every character above U+007F (the engine's case-insensitive equivalents
of ASCII letters, such as 'ſ', 'K' and 'İ', are all outside ASCII). tests/test_scan.py checks every guarded pattern
against its plain scan on every document in data/.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

# every character outside ASCII: a guard's class includes it so that no case-insensitive equivalent is missed
NON_ASCII = "\x80-\U0010ffff"


class Guarded:
    """`pattern.finditer(text, a, b)`'s matches, the pattern tried only where a guard matches. A guard is a pattern,
    or (pattern, back): then the pattern is tried where the run of the characters of back before the guard's place
    begins (not before a or the last match's end), for a pattern that begins with a run of blanks."""

    def __init__(self, pattern: re.Pattern, *guards: str | tuple[str, str]):
        if pattern.match(""):
            raise ValueError("a guarded pattern must not match the empty string")
        self.pattern = pattern
        self.guards = [(re.compile(g), "") if isinstance(g, str) else (re.compile(g[0]), g[1]) for g in guards]
        self._text: str | None = None
        self._starts: list[tuple[int, str]] = []

    def starts(self, text: str) -> list[tuple[int, str]]:
        """The places in text where a guard matches, each with its guard's back (each guard consumes one character,
        so none is hidden)."""
        if text is not self._text:
            found: set[tuple[int, str]] = set()
            for g, back in self.guards:
                found.update((m.start(), back) for m in g.finditer(text))
            self._starts = sorted(found)
            self._text = text
        return self._starts

    def finditer(self, text: str, a: int = 0, b: int | None = None) -> Iterator[re.Match]:
        b = len(text) if b is None else min(b, len(text))
        starts = self.starts(text)
        match = self.pattern.match
        p = a
        for i in range(bisect_left(starts, (a, "")), len(starts)):
            s, back = starts[i]
            if s >= b:
                return
            if s < p:
                continue
            while back and s > p and text[s - 1] in back:
                s -= 1
            m = match(text, s, b)
            if m:
                yield m
                p = m.end()

    def search(self, text: str, a: int = 0, b: int | None = None) -> re.Match | None:
        return next(self.finditer(text, a, b), None)


def initials(letters: str) -> str:
    """A guard's class for words beginning with one of letters, in any case."""
    return f"[{letters.lower()}{letters.upper()}{NON_ASCII}]"


def words(firsts_rests: str, boundary: str = r"(?<!\w)") -> str:
    """A guard for words that begin as written, in any case: 'b:eslut|rev s:var' -> the class of the first letters
    (any case, and every character outside ASCII), then a look back at that character that checks the boundary
    before it and, case-insensitively, the letters after it."""
    alts, firsts = [], ""
    for part in firsts_rests.split():
        f, rest = part.split(":")
        firsts += f
        alts.append(f"{f}(?={rest})")
    return f"{initials(firsts)}(?<={boundary}(?i:{'|'.join(alts)}))"


# The guards of the referral patterns (ingest/extract/referrals.py): the first letters of every word each pattern's
# alternatives begin with (REFERRAL_RE: the first letters of each verb and noun, 'över' of 'överlämnar').
REFERRAL_GUARDS = {
    "referral": [words("ö:ver s:kick|änd|kriv|täll r:emi|eko|edo|app|ekv l:ämn|ägg|ade|yft h:änv|ems|äns|ant "
                       "v:ida|erk å:ter f:öres|rams|örsl b:esl|egä|eha|ere y:ttr g:å|eno a:vge|dmi|nmä i:nhä u:tfö "
                       "t:ill|as d:elg")],
    "incoming": [words("b:egäran|rev s:var|krivelse y:ttrande r:emiss a:nhållan|nsökan "
                       "f:ramställ|örfrågan|örfrågningen i:nbjudan m:eddelande")],
    # a run of blanks before the request ('… Blekinges anhållan om'), or the verb of 'lyfts av' and the like
    "sender": [(words("a:nhållan|nhåller f:ramställan|ramställning|örfrågan b:egäran|egär r:emiss i:nbjudan "
                      "h:emställer e:fterfrågar", r"(?<=[ \t])"), " \t"),
               r"l(?=yft)|v(?=äckt)|i(?=nitiera)|a(?=ktualisera)"],
    "dispatch": [words("b:eslut e:xp s:kick|änd p:rotokoll u:tdrag k:opia d:elges", r"(?<![^\s.])")],
    "route_date": [r"[\d](?<![\w/-].)"],
    "passive": [words("f:öreslås")],
}

# Whole-text scans of the organisation stage, each once a document: "styrelsen för X", "Au § 12", "Delgivning av
# beslut i …", "Rapport från …", "samverkan mellan …".
ORGANISATION_GUARDS = {
    "organ_for": [words("s:tyrelsen a:rbetsutskottet p:residiet d:irektionen f:örbundsstyrelsen")],
    "au": [r"[Aa](?<![\w-].)(?=[Uu])"],
    "reported": [words("d:elgivning a:nmälan r:edovisning|apport")],
    "joint": [words("s:amverkan")],
}

# "Ordföranden, X, hälsar välkommen", "Mötet öppnades av ordförande X" (ingest/extract/signatures.py CHAIR_RE; its
# words may begin inside a word: no boundary)
SIGNATURE_GUARDS = {"chair": [words("o:rdförande m:ötesordförande ö:ppnades l:eddes", "")]}


def prefixes(pattern: re.Pattern, n: int = 3) -> list[str] | None:
    """The first n characters every match of the pattern may begin with (fewer where a match is that short; its
    zero-width assertions skipped), read from the parsed pattern; None where that is no small set of literals (a
    class other than listed characters, a match that may be empty, an unknown construct). For a guard built from a
    word list (`prefix_guard`)."""
    from re import _constants as c, _parser

    def join(acc: set[str], opts: set[str]) -> set[str]:
        return {(a + o)[:n] if len(a) < n else a for a in acc for o in opts}

    def seq(items) -> set[str] | None:
        acc = {""}
        for op, av in items:
            opts = item(op, av)
            if opts is None:
                return None
            acc = join(acc, opts)
        return acc

    def item(op, av) -> set[str] | None:
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN and all(o is c.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {""}
        if op is c.SUBPATTERN:
            return seq(av[3].data)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            one = seq(av[2].data)
            if one is None:
                return None
            out, cur = set(), {""}
            for k in range(av[0] + n + 1):
                if k >= av[0]:
                    out |= cur
                if k >= av[1]:
                    break
                cur = join(cur, one)
            return out
        if op is c.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                got = seq(alt.data)
                if got is None:
                    return None
                out |= got
            return out
        return None

    got = seq(_parser.parse(pattern.pattern, pattern.flags).data)
    if got is None or "" in got or len(got) > 400:
        return None
    return sorted(got)


def prefix_guard(pattern: re.Pattern, boundary: str, n: int = 3) -> str | None:
    """A guard for a case-insensitive pattern that begins with one of a list of words, from its prefixes: their
    first letters, then (looking back at that letter) the boundary and the rest of a prefix."""
    got = prefixes(pattern, n)
    if got is None:
        return None
    rests: dict[str, set[str]] = {}
    for p in got:
        rests.setdefault(p[0], set()).add(re.escape(p[1:]))
    alts = [f"{re.escape(f)}(?={'|'.join(sorted(r, key=lambda x: (-len(x), x)))})" for f, r in rests.items()]
    cls = re.escape("".join(rests).lower() + "".join(rests).upper())
    return f"[{cls}{NON_ASCII}](?<={boundary}(?i:{'|'.join(alts)}))"
