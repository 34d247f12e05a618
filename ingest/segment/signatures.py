"""Signatures: role lines (Sekreterare, Ordförande, Justerare) with the name written above, below or beside them."""
from __future__ import annotations

import re

from ingest import lexicon
from ingest.segment.attendance import section_of
from ingest.segment.head import LABEL_RE
from ingest.segment.model import Line, Segmented, Signature

SIGN_ROLES = {"sekreterare": "sekreterare", "ordförande": "ordförande", "justerare": "justerare",
              "justerande": "justerare", "mötesordförande": "ordförande", "protokollförare": "sekreterare",
              "vid protokollet": "sekreterare"}


NAME_LINE_RE = re.compile(r"^[ \t]*(?P<name>[A-ZÅÄÖÉ][\w'’-]+(?:[ \t]+(?:[A-ZÅÄÖÉ][\w'’-]+|von|af|de|van)){1,4})"
                          r"(?:[ \t]*\((?P<party>[A-Za-zÅÄÖåäö]{1,4})\))?[ \t]*$")


def _name_in(line: Line) -> tuple[int, int] | None:
    text = line.text
    lm = LABEL_RE.match(text)
    if lm and lm["label"].strip().lower() in lexicon.header_labels():
        text = " " * lm.start("value") + lm["value"]
    m = NAME_LINE_RE.match(text) or SIGNED_RE.match(text)
    if not m or m["name"].lower() in SIGN_ROLES or section_of(m["name"]):
        return None
    return line.start + m.start("name"), line.start + m.end("name")


SIGNED_AS_RE = re.compile(r"^[ \t]*(?P<name>[A-ZÅÄÖÉ][\w'’-]+(?:[ \t]+(?:[A-ZÅÄÖÉ][\w'’-]+|von|af|de|van)){1,4})"
                          r"(?:[ \t]*\([A-Za-zÅÄÖåäö]{1,4}\))?[ \t]*,[ \t]*(?P<role>(?i:ordförande|sekreterare|"
                          r"justerare|justerande))[ \t]*$")
SIGNED_RE = re.compile(r"^[ \t]*(?P<name>[A-ZÅÄÖ]\w+(?:[ \t]+[A-ZÅÄÖ][\w-]+){1,3})(?=[ \t]+har (godkänt|justerat|signerat))")


def find_signatures(seg: Segmented) -> None:
    """Role lines (Sekreterare, Ordförande, Justerare) with the name written just above or below them.

    A block keeps one layout: where a role line has a name on one side only, that side is the block's
    layout, and role lines with a name on both sides follow their nearest unambiguous neighbour."""
    lines = [ln for ln in seg.lines if ln.strip]
    roles = []
    first_item = seg.items[0].start if seg.items else len(seg.text)
    for k, ln in enumerate(lines):
        if "\t" in ln.strip and ln.start > first_item:
            # "Sekreterare<TAB>Sofia Engman" in a signature block after the items
            label, value = ln.strip.split("\t", 1)
            srole = SIGN_ROLES.get(label.strip().rstrip(":").lower())
            nm = NAME_LINE_RE.match(value.strip()) if srole else None
            if nm:
                off = ln.text.index(value.strip(), ln.text.index(label) + len(label))
                span = (ln.start + off + nm.start("name"), ln.start + off + nm.end("name"))
                seg.signatures.append(Signature(srole, span, (ln.start, ln.end)))
                continue
        # "Sekreterare Paragrafer 34–37": the paragraphs signed for may share the role's line
        label = re.sub(r"(?i)[ \t]+(?:paragrafer|§§?)[ \t]*[\d \t,–-]+$", "", ln.strip) \
            if ln.strip[-1:].isdigit() else ln.strip
        if "..." in label or "…" in label or "___" in label:  # "Sekreterare ........" (the line to sign on)
            label = re.sub(r"[ \t]*[.…_]{3,}.*$", "", label)
        # "Underskrifter<TAB>Sekreterare": the role in the second column of a labelled head
        cols = re.split(r"\t+|[ ]{3,}", label)
        if len(cols) == 2 and cols[0].lower().rstrip(":") in ("underskrifter", "underskrift", "signaturer"):
            label = cols[1]
        role = SIGN_ROLES.get(label.rstrip(":").lower())
        if role:
            above = _name_in(lines[k - 1]) if k > 0 else None
            below = _name_in(lines[k + 1]) if k + 1 < len(lines) else None
            roles.append((ln, role, above, below))
        # "_____________________" / "Pär-Olof Stål, ordförande": the name and the role it signs in, below the line
        sm = SIGNED_AS_RE.match(ln.text) if k > 0 and re.search(r"_{5,}|\.{5,}|…{3,}", lines[k - 1].strip) else None
        if sm and not section_of(sm["name"]):
            span = (ln.start + sm.start("name"), ln.start + sm.end("name"))
            seg.signatures.append(Signature(SIGN_ROLES[sm["role"].lower()], span, (ln.start, ln.end)))
    sides = [("above" if a and not b else "below" if b and not a else None) for _, _, a, b in roles]
    for i, (ln, role, above, below) in enumerate(roles):
        side = sides[i]
        if side is None and above and below:
            near = [sides[j] for j in sorted(range(len(roles)), key=lambda j: (abs(j - i), j > i)) if sides[j]]
            side = near[0] if near else "above"
        span = above if side == "above" else below if side == "below" else None
        if span:
            seg.signatures.append(Signature(role, span, (min(span[0], ln.start), max(span[1], ln.end))))
