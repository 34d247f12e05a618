"""Who signed and who chaired: header fields (ordförande, sekreterare, justerare), signatures, certifiers,
'Ordföranden, X, hälsar välkommen'; the chair of a meeting as the body's ordförande."""
from __future__ import annotations

import re

from ingest.extract.context import DocContext
from ingest.extract.entities import hold, person
from ingest.extract.names import plausible_name
from ingest.extract.patterns import NAME, NAME_RE, PARTY, PARTY_CODE
from ingest.scan import SIGNATURE_GUARDS, Guarded


CERTIFIER_RE = re.compile(rf"(?im)^[ \t]*(?:rätt utdraget (?:intygar|bestyrkes)|utdragsbestyrkande)[ \t]*:?[ \t]*"
                          rf"(?P<name>{NAME})")

# "Ordföranden, Katarina Nyberg Finn (S), hälsar välkommen", "Mötet öppnades av ordförande Johan Söderling"
CHAIR_RE = re.compile(rf"(?:(?i:ordföranden|mötesordföranden),?[ \t]+|(?i:mötesordförande)[ \t]+|(?i:öppnades|leddes)[ \t]+av[ \t]+"
                      rf"(?i:ordförande|ordföranden|mötesordförande)[ \t]+|(?<![\w-])ordförande[ \t]+(?={NAME}"
                      r"(?:[ \t]*" + PARTY_CODE + r")?[ \t]+(?:öppnar|öppnade|hälsar|hälsade|förklarar|förklarade)[ \t]))"
                      rf"(?P<name>{NAME})[ \t]*(?:{PARTY})?")
_CHAIR = Guarded(CHAIR_RE, *SIGNATURE_GUARDS["chair"])  # ingest/scan.py


def signatures(cx: DocContext) -> None:
    seg = cx.seg
    if not cx.meeting_key:
        return
    signed = {re.sub(r"\s+", " ", cx.text[s.name_span[0]:s.name_span[1]]): s.role for s in seg.signatures}
    for f in seg.fields:
        if f.name in ("chair", "secretary", "adjuster"):
            role = {"chair": "ordförande", "secretary": "sekreterare", "adjuster": "justerare"}[f.name]
            for m in NAME_RE.finditer(cx.seg.masked, f.start, f.end):
                # "Justeras av: Elin Ring / Sekreterare": the signature below says which role she signs in
                if signed.get(m.group(), role) != role:
                    continue
                if plausible_name(m.group()):
                    pk = person(cx, m.start(), m.end(), "header")
                    cx.claim("ATTENDED", pk, cx.meeting_key, f.line_start, f.end, "header", role=role)
    # "Rätt utdraget intygar: Elin Ring": who certifies an extract is named, but did not attend for that
    for m in CERTIFIER_RE.finditer(cx.seg.masked):
        if plausible_name(m["name"]) and not cx.inside_person(m.start("name")):
            person(cx, m.start("name"), m.end("name"), "certifier")
    for s in seg.signatures:
        pk = person(cx, *s.name_span, "signature")
        cx.claim("ATTENDED", pk, cx.meeting_key, *s.span, "signature", role=s.role)
    _chair_holds_role(cx)
    # "Ordföranden, Katarina Nyberg Finn (S), hälsar välkommen": the chair named in an apposition; "Mötet
    # öppnades av ordförande Johan Söderling", "Skogslänsgruppens ordförande Matts Lundgren hälsar samtliga välkomna"
    for m in _CHAIR.finditer(cx.seg.masked):
        if plausible_name(m["name"]):
            pk = person(cx, m.start("name"), m.end("name"), "chair-apposition", m["party"])
            cx.claim("ATTENDED", pk, cx.meeting_key, m.start(), m.end(), "chair-apposition",
                     role="ordförande")


def _chair_holds_role(cx: DocContext) -> None:
    """Who chairs a body's meeting is, as a rule, the body's ordförande (said with confidence 0.8)."""
    if not cx.body_key:
        return
    chairs = [c for c in cx.claims_of("ATTENDED") if c.props.get("role") == "ordförande"]
    for c in {c.src: c for c in chairs}.values():
        ev = c.evidence
        cx.claim("MEMBER_OF", c.src, cx.body_key, ev.start, ev.end, "meeting-chair", 0.8, role="ordförande")
        hold(cx, c.src, "ordförande", cx.body_key, ev.start, ev.end, "meeting-chair", 0.8)
