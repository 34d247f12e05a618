"""Plain dataclasses that travel between the stages: read -> segment -> extract -> resolve -> build -> store."""
from __future__ import annotations

import base64
import json
import re
import sys
import unicodedata
import zlib
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any


class GovgraphError(Exception):
    """Base error: its message is one line for a user, naming the file, the place and the fix."""


@dataclass(slots=True)
class Evidence:
    doc: str
    para: str | None
    start: int
    end: int
    quote: str
    rule: str
    confidence: float = 1.0

    def props(self) -> dict[str, Any]:
        return {"doc": self.doc, "para": self.para, "start": self.start, "end": self.end, "quote": self.quote,
                "rule": self.rule, "confidence": self.confidence}


@dataclass(slots=True)
class Warning_:
    doc: str
    message: str
    start: int | None = None
    end: int | None = None
    para: str | None = None

    def __str__(self) -> str:
        return f"{self.doc}{self.place()}: {self.message}"

    def place(self) -> str:
        where = f" [{self.para}]" if self.para else ""
        at = f" (tecken {self.start}-{self.end})" if self.start is not None else ""
        return where + at

    def local(self) -> str:
        """The warning as its own document lists it (without the document id)."""
        return f"{self.place().strip()}: {self.message}" if self.place() else self.message


@dataclass(frozen=True, slots=True)
class Hints:
    """What extraction tells resolution about a mention beyond its properties (never written to the graph)."""
    owner: str | None = None  # an owned organ ('SocSam:s presidium'): its owner's key in the same document
    organ: str | None = None  # ... and its organ word ('presidium')
    region: str | None = None  # a generic organ in a region's own minutes: that region's slug (kept apart by it)
    candidate: bool = False  # an abbreviation used without a definition: joins a body defined elsewhere, or is dropped
    year: int | None = None  # a meeting: the document's year, where its date is unknown
    context: str | None = None  # a matter: the heading or sentence before the referral, for matching its title
    same_day: bool = False  # a matter taken up at the same day's meeting of the receiving body
    start: int | None = None  # an agenda item: where its text begins and ends in the document
    end: int | None = None

    def merged(self, other: "Hints") -> "Hints":
        """These hints with the fields they lack taken from other (a mention found again)."""
        new = {f.name: getattr(other, f.name) for f in fields(self)
               if getattr(other, f.name) not in (None, False) and getattr(self, f.name) in (None, False)}
        return replace(self, **new) if new else self

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, False)}


NO_HINTS = Hints()
# the underscored properties by which versions before Hints passed them, for extractions stored by those versions
_OLD_HINT_PROPS = {"_owner": "owner", "_organ": "organ", "_region": "region", "_candidate": "candidate",
                   "_year": "year", "_context": "context", "_same_day": "same_day", "_start": "start", "_end": "end"}


def _hints_from_old_props(props: dict[str, Any]) -> Hints:
    old = {k: props.pop(k) for k in list(props) if k in _OLD_HINT_PROPS}
    return Hints(**{_OLD_HINT_PROPS[k]: v for k, v in old.items()}) if old else NO_HINTS


@dataclass(slots=True)
class Mention:
    """An entity as found in one document, before resolution. `key` is local to the document."""
    key: str
    label: str
    props: dict[str, Any]
    evidence: Evidence
    hints: Hints = NO_HINTS


@dataclass(slots=True)
class Claim:
    """A relationship between two mentions (by key), with its evidence."""
    type: str
    src: str
    dst: str
    evidence: Evidence
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class DocExtraction:
    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies every value and cost more than the extraction it stores
        return {"doc_id": self.doc_id,
                "mentions": [{"key": m.key, "label": m.label, "props": m.props, "evidence": m.evidence.props(),
                              **({"hints": h} if (h := m.hints.to_dict()) else {})}
                             for m in self.mentions],
                "claims": [{"type": c.type, "src": c.src, "dst": c.dst, "evidence": c.evidence.props(),
                            "props": c.props} for c in self.claims],
                "warnings": [{"doc": w.doc, "message": w.message, "start": w.start, "end": w.end, "para": w.para}
                             for w in self.warnings]}

    def to_wire(self) -> dict[str, Any]:
        """A compact form for the store: quotes are left out (they are text[start:end]) and so are the
        MENTIONED_IN claims (one per mention, with the mention's evidence). Seven times smaller than to_dict."""
        def ev(e: Evidence) -> list:
            return [e.para, e.start, e.end, e.rule, e.confidence]

        return {"v": 2, "doc_id": self.doc_id,
                "m": [[m.key, m.label, m.props, ev(m.evidence), *([h] if (h := m.hints.to_dict()) else [])]
                      for m in self.mentions],
                "c": [[c.type, c.src, c.dst, ev(c.evidence), c.props] for c in self.claims
                      if c.type != "MENTIONED_IN"],
                "w": [[w.message, w.start, w.end, w.para] for w in self.warnings]}

    @classmethod
    def from_wire(cls, d: dict[str, Any], text: str) -> "DocExtraction":
        doc = d["doc_id"]
        # the JSON decoder makes a new string of every label, type, rule, key and § it reads: interned, the
        # thousands of copies of each are one object, as they are in an extraction made in this process
        i = sys.intern

        def ev(e: list) -> Evidence:
            return Evidence(doc, e[0] and i(e[0]), e[1], e[2], text[e[1]:e[2]], i(e[3]), e[4])

        x = cls(doc_id=doc)
        old = d.get("v", 1) < 2
        for key, label, props, e, *hints in d["m"]:
            h = _hints_from_old_props(props) if old else (Hints(**hints[0]) if hints else NO_HINTS)
            m = Mention(i(key), i(label), _interned(props), ev(e), h)
            x.mentions.append(m)
            if label != "Document":
                x.claims.append(Claim("MENTIONED_IN", m.key, "doc", m.evidence))
        x.claims += [Claim(i(t), i(s), i(dst), ev(e), _interned(props)) for t, s, dst, e, props in d["c"]]
        x.warnings = [Warning_(doc, msg, a, b, para) for msg, a, b, para in d["w"]]
        return x

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DocExtraction":
        return cls(
            doc_id=d["doc_id"],
            mentions=[Mention(m["key"], m["label"], m["props"], Evidence(**m["evidence"]),
                              Hints(**m["hints"]) if m.get("hints") else NO_HINTS) for m in d["mentions"]],
            claims=[Claim(c["type"], c["src"], c["dst"], Evidence(**c["evidence"]), c.get("props", {}))
                    for c in d["claims"]],
            warnings=[Warning_(**w) for w in d["warnings"]],
        )


def _interned(props: dict[str, Any]) -> dict[str, Any]:
    """props with its keys and short string values interned (roles, parties, kinds recur across documents)."""
    return {sys.intern(k): sys.intern(v) if isinstance(v, str) and len(v) <= 40 else v for k, v in props.items()}


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "ae", "ø": "o"})


def slug(text: str) -> str:
    """A lowercase ASCII slug for ids only; names keep their letters."""
    t = text.lower().translate(_FOLD)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "x"


# The stored form of an extraction on its Document node: compact JSON (to_wire) compressed with zlib and written
# in base64, prefixed with its format. Plain JSON, as stored by earlier versions, is read as well.
_PACKED = "z1:"


def pack_extraction(x: "DocExtraction", meta: dict[str, Any] | None = None) -> str:
    wire = x.to_wire()
    wire["meta"] = meta or {}
    raw = json.dumps(wire, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _PACKED + base64.b64encode(zlib.compress(raw, 1)).decode("ascii")


def unpack_extraction(s: str | None) -> dict[str, Any]:
    if not s:
        return {}
    if s.startswith(_PACKED):
        try:
            return json.loads(zlib.decompress(base64.b64decode(s[len(_PACKED):])).decode("utf-8"))
        except zlib.error as e:  # damaged: the caller reads the document again
            raise ValueError(f"stored extraction cannot be unpacked: {e}") from None
    return json.loads(s)
