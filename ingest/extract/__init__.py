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
from ingest.extract import (agreements, assignments, attendance, elections, header, items, name_model, organisation,
                            prose, run_on_attendance, signatures, structure, titles, units)
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


# What the entity factories (`entities`) write besides their mention: a body its municipality and owner (and, given
# a short form, the abbreviation); a person the span index; a role its holder, its organisation and, for a member's
# role, the body.
HOME = ("home_muni", "home_region")
BODIES = ("mentions:Body", "claims:BELONGS_TO", "claims:PART_OF")
PERSONS = ("mentions:Person", "persons")
ROLES = ("mentions:Role", "claims:HOLDS", "claims:ROLE_IN", "claims:MEMBER_OF")
ASSIGNMENTS = ("mentions:Assignment", "claims:ASSIGNS", "claims:ASSIGNED_TO")
REFERRALS = ("mentions:Matter", "claims:REFERRED_TO", "claims:CONCERNS")

STAGES: tuple[Stage, ...] = (
    Stage("home_municipality", header.home_municipality,
          assigns=(*HOME, "mentions:Municipality", *BODIES)),
    Stage("abbreviations", header.abbreviations,
          requires=HOME, assigns=("abbr", *BODIES)),
    Stage("meeting_head", header.meeting_head,
          requires=("abbr", *HOME), assigns=("body_key", "meeting_key", "mentions:Meeting", "claims:HELD", *BODIES)),
    Stage("attendance", attendance.attendance,
          requires=("body_key", "meeting_key", *HOME),
          assigns=("claims:ATTENDED", "claims:ABSENT_FROM", "claims:REPRESENTS", "mentions:Municipality", *PERSONS,
                   *ROLES, *BODIES)),
    Stage("signatures", signatures.signatures,
          requires=("body_key", "meeting_key", "claims:ATTENDED", "persons"),
          assigns=("claims:ATTENDED", *PERSONS, *ROLES)),
    Stage("items", items.items,
          requires=("abbr", "body_key", "meeting_key", *HOME, "claims:ATTENDED", "claims:HOLDS", "claims:REPRESENTS",
                    "mentions:Role"),
          assigns=("mentions:AgendaItem", "claims:HAS_ITEM", "mentions:Decision", "claims:HAS_DECISION",
                   "claims:PRESENTED", *ASSIGNMENTS, *REFERRALS, "mentions:Municipality", *PERSONS, *ROLES, "abbr",
                   *BODIES)),
    Stage("persons_in_prose", prose.persons_in_prose,
          requires=("abbr", *HOME, "mentions:Person", "persons"),
          assigns=("claims:PRESENTED", *PERSONS, *ROLES, *BODIES)),
    Stage("bodies_in_prose", prose.bodies_in_prose,
          requires=("abbr", "body_key", *HOME, "mentions:Body", "persons"), assigns=("abbr", *BODIES)),
    Stage("municipalities_in_prose", prose.municipalities_in_prose,
          requires=("persons",), assigns=("mentions:Municipality",)),
    Stage("structure", structure.structure,
          requires=("abbr", "body_key", *HOME, "mentions:Body", "persons"),
          assigns=("claims:REPORTS_TO", "claims:PREPARES_FOR", "claims:SUCCEEDED", "abbr", *BODIES)),
    Stage("prepares_cases", structure.prepares_cases,
          requires=("abbr", "body_key", *HOME, "mentions:Body", "persons"),
          assigns=("claims:PREPARES_FOR", *BODIES)),
    Stage("units", units.units,
          requires=("abbr", "body_key", *HOME, "mentions:Body", "persons"),
          assigns=("claims:REPORTS_TO", *BODIES)),
    Stage("organisation", organisation.organisation,
          requires=("abbr", "body_key", *HOME, "mentions:Body", "persons", "claims:PART_OF", "claims:BELONGS_TO"),
          assigns=("claims:MEMBER_OF", "claims:SUCCEEDED", "claims:REPORTS_TO", "claims:PREPARES_FOR",
                   "mentions:Municipality", *BODIES)),
    Stage("assignments_outside_decisions", assignments.assignments_outside_decisions,
          requires=("abbr", "body_key", *HOME, "claims:ASSIGNS", "claims:ATTENDED", "claims:HAS_DECISION",
                    "claims:HOLDS", "claims:REPRESENTS", "mentions:Assignment", "mentions:Body", "mentions:Decision",
                    "mentions:Role"),
          assigns=("mentions:Meeting", "claims:HELD", "mentions:AgendaItem", "claims:HAS_ITEM", "mentions:Decision",
                   "claims:HAS_DECISION", "claims:REPRESENTS", *ASSIGNMENTS, *REFERRALS, *PERSONS, *ROLES, *BODIES)),
    Stage("agreements", agreements.agreements,
          requires=(*HOME, "persons"),
          assigns=("mentions:Agreement", "claims:PARTY_TO", "mentions:Municipality", *BODIES)),
    Stage("elections", elections.elections,
          requires=("abbr", "body_key", *HOME), assigns=(*PERSONS, *ROLES, *BODIES)),
    Stage("region_anaphora", prose.region_anaphora,
          requires=(*HOME, "mentions:Municipality", "persons"), assigns=BODIES),
    Stage("candidate_abbreviations", prose.candidate_abbreviations,
          requires=("abbr", "body_key", *HOME, "persons"), assigns=("abbr", *BODIES)),
    # last: the names no layout rule reached
    Stage("persons_by_name", name_model.persons_by_name, requires=("persons", "claims:ATTENDED", "claims:HOLDS"),
          assigns=(*PERSONS, "mentions:Role", "claims:HOLDS")),
    Stage("run_on_attendance", run_on_attendance.run_on_attendance,
          requires=("meeting_key", "claims:ATTENDED", "claims:ABSENT_FROM", "persons"),
          assigns=("claims:ATTENDED", "claims:ABSENT_FROM", *PERSONS)),
    # after every stage that reads names: the titles written next to them
    Stage("titles", titles.titles,
          requires=("persons", "claims:HOLDS", "mentions:Role", *HOME),
          assigns=(*PERSONS, *ROLES)),
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
