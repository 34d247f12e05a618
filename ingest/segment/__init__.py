"""Segmentation: find the structure of a minutes text without changing it.

Boilerplate (tables of contents, repeated page headers, HTML remnants, navigation and cookie text) is
masked: replaced by spaces in a copy of the same length, so that every offset stays true to the text.

The modules, in the order segment() uses them: model (the dataclasses), lines (masking, split_lines),
items (agenda items in every line layout), opening (an unnumbered Justering before them), program (a programme of blocks), runon (items in run-on text),
garble (a garbled font encoding), head (header fields, dates), attendance (attendance sections), signatures, parts (the parts of an item).
"""
from __future__ import annotations

from ingest.dates import document_year
from ingest.segment.attendance import (COLUMN_GAP, INLINE_ATTENDANCE, MARK_COLUMN, MARK_WORDS, STOP_ATTENDANCE,
                                       TABLE_HEAD_RE, find_sections, section_of)
from ingest.segment.head import LABEL_RE, MEETING_LINE_RE, SPACED_LABEL_RE, find_fields, set_dates
from ingest.segment.items import DNR_ONLY_RE, PARA_RE, POINT_RE, PREFIXED_RE, WORD_ITEM_RE, find_items
from ingest.segment.garble import GARBLED_MESSAGE, check_garbled
from ingest.segment.opening import agenda_item, opening_items
from ingest.segment.program import program_items
from ingest.segment.runon import INLINE_DNR_RE, INLINE_ITEM_RE, INLINE_TITLE_END_RE, inline_items, prefer_register
from ingest.segment.lines import BULLET_RE, TAG_RE, TOC_HEAD_RE, TOC_LINE_RE, mask_boilerplate, split_lines
from ingest.segment.model import Field, Item, Line, Part, Section, Segmented, Signature
from ingest.segment.parts import (DECIDES_RE, INLINE_DECISION_RE, MOTION_RE, PART_HEADS, find_parts,
                                  heads_has_decision_after)
from ingest.segment.signatures import NAME_LINE_RE, SIGN_ROLES, SIGNED_RE, find_signatures

__all__ = [
    "segment", "GARBLED_MESSAGE", "Line", "Field", "Section", "Part", "Item", "Signature", "Segmented",
    "split_lines", "mask_boilerplate", "section_of", "heads_has_decision_after",
    "TAG_RE", "TOC_LINE_RE", "TOC_HEAD_RE", "BULLET_RE", "PARA_RE", "PREFIXED_RE", "WORD_ITEM_RE", "POINT_RE",
    "DNR_ONLY_RE", "INLINE_ITEM_RE", "INLINE_DNR_RE", "INLINE_TITLE_END_RE",
    "SPACED_LABEL_RE", "LABEL_RE", "MEETING_LINE_RE",
    "PART_HEADS", "INLINE_DECISION_RE", "MOTION_RE", "DECIDES_RE",
    "STOP_ATTENDANCE", "MARK_WORDS", "MARK_COLUMN", "TABLE_HEAD_RE", "INLINE_ATTENDANCE", "COLUMN_GAP",
    "SIGN_ROLES", "NAME_LINE_RE", "SIGNED_RE",
]


def segment(text: str) -> Segmented:
    masked, masks = mask_boilerplate(text)
    lines = split_lines(masked)
    nonempty = [ln for ln in lines if ln.strip]
    seg = Segmented(text=text, masked=masked, masks=masks, lines=lines, title_lines=nonempty[:4], fields=[],
                    sections=[], items=[], signatures=[], year=document_year(text))
    find_items(seg)
    if not seg.items:  # a programme of blocks without numbers under "Program"
        program_items(seg)
    if not seg.items:  # a PDF transcript or a copied web page: the agenda runs on within a line
        weak = inline_items(seg)
        # … or its register does, numbered or not
        prefer_register(seg, weak)
    agenda_item(seg)
    opening_items(seg)
    check_garbled(seg)
    # inline items may be a register at the top of the text: the head and the attendance are not cut off there
    body_end = seg.items[0].start if seg.items and seg.item_style not in ("inline", "contents") else len(text)
    find_fields(seg, body_end)
    find_sections(seg, body_end)
    find_signatures(seg)
    for it in seg.items:
        find_parts(seg, it)
    set_dates(seg)
    return seg
