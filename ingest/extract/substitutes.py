"""A tjänstgörande ersättare and the member served for, who was then not there."""
from __future__ import annotations

import re

from ingest.extract.context import DocContext
from ingest.extract.entities import person
from ingest.extract.names import plausible_name
from ingest.extract.patterns import NAME, PARTY


def replaced_member(cx: DocContext, a: int, b: int) -> tuple[int, int, str | None] | None:
    """'tjänstgörande ersättare för Ahmed Karimi (V)', '… ersätter Maria Hansson (M)' in text[a:b]: the span and
    the party of the member served for."""
    fm = re.search(rf"\b(?:för|ersätter)[ \t]+(?P<who>{NAME})[ \t]*(?:{PARTY})?", cx.text[a:b])
    if not fm or not plausible_name(fm["who"]):
        return None
    return a + fm.start("who"), a + fm.end("who"), fm["party"]


def absent_member(cx: DocContext, wa: int, wb: int, party: str | None) -> None:
    """The member a tjänstgörande ersättare served for was not there (a table mark read as present is dropped)."""
    if not cx.meeting_key:
        return
    pk = person(cx, wa, wb, "replaced-member", party)
    meeting = cx.meeting_key
    cx.drop_claims("ATTENDED", lambda c: c.src == pk and c.dst == meeting and c.evidence.rule == "attendance-table")
    if not any(c.src == pk and c.dst == meeting for c in cx.claims_of("ABSENT_FROM")):
        cx.claim("ABSENT_FROM", pk, cx.meeting_key, wa, wb, "replaced-member", 0.9, role="ledamot")
