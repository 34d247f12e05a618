"""What the extraction stages of one document share: the text, its segments and spans, the mentions and claims
found so far (with an index by type), the person-span index, and the few facts one stage hands the next (the
document's municipality or region, its abbreviations, its body and its meeting).

Those facts and the typed indexes are read and written through this class only, so that a tracer can record
what each stage reads and writes and `tests/test_stages.py` can check the order that `STAGES` declares.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from graph.model import NO_HINTS, Claim, DocExtraction, Evidence, Hints, Mention, Warning_
from ingest import lexicon
from ingest.nlp import SPANS_KEY
from ingest.readers import Document
from ingest.segment import Segmented


@dataclass
class SpanLike:
    """A span found outside spaCy (same fields the rules read from a spaCy Span)."""
    start_char: int
    end_char: int
    text: str
    label_: str


def _listed_ambiguous(text: str, munis: list) -> list[SpanLike]:
    """'Orsa, Mora och Älvdalen': a name that is also a word (Mora, Berg) is a municipality when it stands in
    a list with other municipalities."""
    names = [n for n in lexicon.AMBIGUOUS_MUNICIPALITIES if n in text]
    if not names or not munis:
        return []
    edges = {sp.end_char for sp in munis} | {sp.start_char for sp in munis}
    out = []
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, names)) + r")\b", text):
        # "Tomas Eriksson (Boden)" in a list where the others also carry their municipality in parentheses
        if text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
            ls, le = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
            le = len(text) if le < 0 else le
            if any(ls <= e_ - 1 and s_ >= ls and e_ <= le and text[s_ - 1:s_] == "(" for s_, e_ in
                   ((sp.start_char, sp.end_char) for sp in munis)):
                out.append(SpanLike(m.start(), m.end(), m.group(), "MUNI"))
                continue
        before = re.search(r"(?:,|\boch|\bsamt)\s*$", text[max(0, m.start() - 6):m.start()])
        after = re.match(r"\s*(?:,|och\b|samt\b)\s*", text[m.end():m.end() + 6])
        left = before and any(m.start() - 6 <= e <= m.start() for e in edges)
        right = after and (m.end() + after.end()) in edges
        if left or right:
            out.append(SpanLike(m.start(), m.end(), m.group(), "MUNI"))
    return out



class _Handed:
    """A fact one stage hands the next, kept on the context under a private name; every read and write is told
    to the context's tracer, so that tests/test_stages.py can check what STAGES declare."""

    def __init__(self, doc: str):
        self.__doc__ = doc

    def __set_name__(self, owner, name: str) -> None:
        self.name, self.slot = name, "_" + name

    def __get__(self, cx, owner=None):
        if cx is None:
            return self
        cx._note("read", self.name)
        return getattr(cx, self.slot)

    def __set__(self, cx, value) -> None:
        cx._note("write", self.name)
        setattr(cx, self.slot, value)

class DocContext:
    """One document under extraction. Stages are functions of a DocContext (see `ingest.extract.STAGES`)."""

    def __init__(self, doc: Document, seg: Segmented, sdoc, meta: dict | None = None):
        self.doc, self.seg, self.sdoc, self.meta = doc, seg, sdoc, meta or {}
        self.text = doc.text
        self.x = DocExtraction(doc.id)
        self.by_key: dict[str, Mention] = {}
        self._claims_by_type: dict[str, list[Claim]] = {}
        self._mentions_by_label: dict[str, list[Mention]] = {}
        self._body_evidence: list[tuple[int, int, str]] = []  # where each body was first read
        self.spans = {lab: [] for lab in ("MUNI", "REGION", "BODY", "TITLE")}
        for sp in sdoc.spans.get(SPANS_KEY, []):
            self.spans[sp.label_].append(sp)
        # "Region Jämtland Härjedalen", "Kommunförbundet Jämtland Härjedalen": a municipality name inside a
        # region's or body's name is no mention of the municipality
        outer = sorted((sp.start_char, sp.end_char) for sp in self.spans["REGION"] + self.spans["BODY"])
        outer_starts = [a for a, _ in outer]
        reach = list(itertools.accumulate((b for _, b in outer), max))  # the furthest end among the first i

        def inside(sp) -> bool:
            i = bisect.bisect_right(outer_starts, sp.start_char)
            if not i or reach[i - 1] < sp.end_char:
                return False
            return any(sp.end_char <= b and (a, b) != (sp.start_char, sp.end_char) for a, b in outer[:i][::-1])

        self.spans["MUNI"] = [sp for sp in self.spans["MUNI"] if not inside(sp)]
        self.spans["MUNI"] += _listed_ambiguous(seg.masked, self.spans["MUNI"])
        self._person_spans: list[tuple[int, int]] = []
        self._person_sorted: list[tuple[int, int]] = []
        self._person_starts: list[int] = []
        self._meeting_key: str | None = None
        self._body_key: str | None = None
        self._abbr: dict[str, str] = {}  # abbreviation -> body key, from this document's definitions
        self._home_muni: str | None = None
        self._home_region: str | None = None  # a region's own document ("Region Uppsala" in its head)
        # caches of references.bodies_in: the body spans by start, the abbreviations as one pattern
        self.body_span_index: tuple | None = None
        self.abbr_pattern: tuple | None = None
        # cache of targets.target_at: the abbreviations, longest first, with how many there were
        self.abbr_longest_first: tuple[int, list[str]] = (0, [])
        # set by a tracer: called with ("read" | "write", what) for every handed-on fact and typed index
        self.trace: Callable[[str, str], None] | None = None

    # ------------------------------------------------------------ the facts one stage hands the next
    def _note(self, kind: str, what: str) -> None:
        """Tell the tracer, if there is one, that a stage reads or writes what."""
        if self.trace:
            self.trace(kind, what)

    # the facts one stage hands the next, read and written through the tracer (see _Handed)
    home_muni = _Handed("the municipality the document belongs to (its head, or its author's e-mail domain)")
    home_region = _Handed("the region whose own document this is ('Region Uppsala' in its head)")
    body_key = _Handed("the body whose meeting or document this is")
    meeting_key = _Handed("the document's meeting")

    @property
    def abbr(self) -> dict[str, str]:
        """Abbreviation -> body key, from this document's definitions (read only: `define_abbr` adds one)."""
        self._note("read", "abbr")
        return self._abbr

    def define_abbr(self, short: str, key: str) -> None:
        self._note("write", "abbr")
        self._abbr[short] = key

    # ------------------------------------------------------------ evidence, mentions, claims, warnings
    def ev(self, start: int, end: int, rule: str, conf: float = 1.0) -> Evidence:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(self.doc.id, self.seg.para_at(start), start, end, self.text[start:end], rule, conf)

    def warn(self, msg: str, start: int | None = None, end: int | None = None) -> None:
        para = self.seg.para_at(start) if start is not None else None
        self.x.warnings.append(Warning_(self.doc.id, msg, start, end, para))

    def mention(self, key: str, label: str, props: dict, start: int, end: int, rule: str,
                conf: float = 1.0, hints: Hints = NO_HINTS) -> str:
        self._note("write", "mentions:" + label)
        m = self.by_key.get(key)
        if m is None:
            m = Mention(key, label, {k: v for k, v in props.items() if v not in (None, "")},
                        self.ev(start, end, rule, conf), hints)
            self.by_key[key] = m
            self.x.mentions.append(m)
            self._mentions_by_label.setdefault(label, []).append(m)
            if label == "Body":
                self._body_evidence.append((m.evidence.start, m.evidence.end, key))
            if label != "Document":
                self._add_claim(Claim("MENTIONED_IN", key, "doc", m.evidence))
        else:
            for k, v in props.items():
                if v not in (None, "") and not m.props.get(k):
                    m.props[k] = v
            if hints is not NO_HINTS:
                m.hints = m.hints.merged(hints)
        return key

    def claim(self, type_: str, src: str, dst: str, start: int, end: int, rule: str, conf: float = 1.0,
              **props) -> None:
        self._note("write", "claims:" + type_)
        self._add_claim(Claim(type_, src, dst, self.ev(start, end, rule, conf),
                              {k: v for k, v in props.items() if v is not None}))

    def _add_claim(self, c: Claim) -> None:
        self.x.claims.append(c)
        self._claims_by_type.setdefault(c.type, []).append(c)

    def claims_of(self, type_: str) -> list[Claim]:
        """The claims of one type found so far, in the order they were made (do not change the list)."""
        self._note("read", "claims:" + type_)
        return self._claims_by_type.get(type_, [])

    def mentions_of(self, label: str) -> list[Mention]:
        """The mentions of one label found so far, in the order they were made (do not change the list)."""
        self._note("read", "mentions:" + label)
        return self._mentions_by_label.get(label, [])

    def drop_claims(self, type_: str, drop: Callable[[Claim], bool]) -> None:
        """Take back claims of one type that a later finding contradicts."""
        self._note("write", "claims:" + type_)
        self.x.claims = [c for c in self.x.claims if not (c.type == type_ and drop(c))]
        self._claims_by_type[type_] = [c for c in self._claims_by_type.get(type_, []) if not drop(c)]

    def masked(self, a: int, b: int) -> str:
        return self.seg.masked[a:b]

    # ------------------------------------------------------------ where persons and bodies were read
    def add_person_span(self, start: int, end: int) -> None:
        self._note("write", "persons")
        self._person_spans.append((start, end))

    def person_spans(self) -> list[tuple[int, int]]:
        """Where persons' names were read so far, in text order."""
        self._note("read", "persons")
        return sorted(set(self._person_spans))

    def inside_person(self, pos: int) -> bool:
        """Whether pos lies inside a person's name read so far."""
        self._note("read", "persons")
        # spans only ever appended: the new ones are inserted in order (sorting all again was quadratic in a
        # document with thousands of names)
        for span in self._person_spans[len(self._person_sorted):]:
            k = bisect.bisect_right(self._person_sorted, span)
            self._person_sorted.insert(k, span)
            self._person_starts.insert(k, span[0])
        i = bisect.bisect_right(self._person_starts, pos) - 1
        # spans may nest or overlap a little: look back over a few
        for a, b in self._person_sorted[max(0, i - 3): i + 1]:
            if a <= pos < b:
                return True
        return False

    def containing_body(self, sp) -> str | None:
        """The body whose name, already read, holds this span: 'arbetsutskott' in 'socialnämndens arbetsutskott'."""
        self._note("read", "mentions:Body")
        a, b = sp.start_char, sp.end_char
        for s_, e_, key in self._body_evidence:
            if s_ <= a and b <= e_ and (s_, e_) != (a, b) and e_ - s_ < 120:
                return key
        return None
