"""The structure segment() finds: lines, header fields, attendance sections, items and their parts, signatures."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

@dataclass
class Line:
    start: int
    end: int  # without the newline
    text: str  # masked text of the line

    @cached_property  # read many times per line by the stages; a line's text never changes
    def strip(self) -> str:
        return self.text.strip()


@dataclass
class Field:
    name: str
    value: str
    start: int
    end: int
    line_start: int


@dataclass
class Section:
    role: str
    status: str
    start: int
    end: int
    head: tuple[int, int]
    rows: list[Line] = field(default_factory=list)
    inline: bool = False  # "Närvarande: a, b, c" on one line
    columns: tuple[str, ...] = ()  # "Ledamöter Parti Närv Ej närv": a table exported from PDF, columns collapsed


@dataclass
class Part:
    kind: str
    start: int
    end: int
    head: tuple[int, int]


@dataclass
class Item:
    number: str
    label: str  # "§ 45", "SON 108", "1."
    title: str
    start: int
    end: int
    head: tuple[int, int]
    title_span: tuple[int, int]
    number_inferred: bool = False
    title_inferred: bool = False
    parts: list[Part] = field(default_factory=list)


@dataclass
class Signature:
    role: str
    name_span: tuple[int, int]
    span: tuple[int, int]


@dataclass
class Segmented:
    text: str
    masked: str
    masks: list[tuple[int, int, str]]
    lines: list[Line]
    title_lines: list[Line]
    fields: list[Field]
    sections: list[Section]
    items: list[Item]
    signatures: list[Signature]
    year: int | None
    meeting_date: str | None = None
    doc_date: str | None = None
    item_style: str = "none"
    warnings: list[str] = field(default_factory=list)

    def para_at(self, pos: int) -> str | None:
        for it in self.items:
            if it.start <= pos < it.end:
                return it.label
        return None

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)
