"""Extraction: segments and spaCy spans in, mentions and claims (with evidence) out, for one document.

Extraction runs as stages over one `DocContext`, in the order `STAGES` lists them, spaCy's way: each stage declares
what it `requires` (facts an earlier stage hands on) and what it `assigns`, and `tests/test_stages.py` checks the
declarations against what each stage really reads and writes. Every rule here is general to Swedish minutes;
each names the layout it serves. Nothing is resolved across documents here: that is `ingest.resolve`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.model import DocExtraction
from ingest.extract import (agreements, assignments, attendance, elections, header, items, prose, signatures,
                            structure, units)
from ingest.extract.context import DocContext
from ingest.readers import Document
from ingest.segment import Segmented


@dataclass(frozen=True)
class Stage:
    """One step of extraction: a function of the document's context, with what it needs and what it gives."""
    name: str
    run: Callable[[DocContext], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage("home_municipality", header.home_municipality),
    Stage("abbreviations", header.abbreviations),
    Stage("meeting_head", header.meeting_head),
    Stage("attendance", attendance.attendance),
    Stage("signatures", signatures.signatures),
    Stage("items", items.items),
    Stage("persons_in_prose", prose.persons_in_prose),
    Stage("bodies_in_prose", prose.bodies_in_prose),
    Stage("municipalities_in_prose", prose.municipalities_in_prose),
    Stage("structure", structure.structure),
    Stage("prepares_cases", structure.prepares_cases),
    Stage("units", units.units),
    Stage("assignments_outside_decisions", assignments.assignments_outside_decisions),
    Stage("agreements", agreements.agreements),
    Stage("elections", elections.elections),
    Stage("region_anaphora", prose.region_anaphora),
    Stage("candidate_abbreviations", prose.candidate_abbreviations),
)


def run_stages(cx: DocContext, on_stage: Callable[[Stage], None] | None = None) -> DocExtraction:
    """The document's mention, then every stage in order; `on_stage` is told before each (for tracing)."""
    cx.mention("doc", "Document", {}, 0, 0, "document")
    for stage in STAGES:
        if on_stage:
            on_stage(stage)
        stage.run(cx)
    return cx.x


def extract(doc: Document, seg: Segmented, sdoc, meta: dict | None = None) -> DocExtraction:
    return run_stages(DocContext(doc, seg, sdoc, meta))
