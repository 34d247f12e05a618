"""Signature blocks and elected adjusters in run-on text, where a PDF transcript or a copied web page gives the
protocol's head on one line: "Underskrifter Sekreterare Paragrafer 26 -- 38 Maria Hedman Ordförande Jan Sahlén (S)
Justerare Ida Stafrin (C)", "Utses att justera Gudrun Gustafsson", "Ulla Jakobsson valdes till justerare". Each role
is quoted with its role word and the name it is given to."""
from __future__ import annotations

import bisect
import re

from ingest.extract.context import DocContext
from ingest.extract.entities import person
from ingest.extract.names import plausible_name
from ingest.extract.patterns import PARTY_CODE


# The signature block of a run-on head: "Underskrifter Sekreterare Paragrafer 26 -- 38 Maria Hedman Ordförande Jan
# Sahlén (S) Justerare Ida Stafrin (C)", "Sekreterare Ordförande Sara Månsson Anneli Persson (S)"
# (not "(Ordförande)" after a name, nor "Ordförande förklarade mötet öppnat", nor "Sekreterare, Inger Nilsson")
SIGN_WORD_RE = re.compile(r"(?<![\w(-])(?<!,[ ])(?P<w>Sekreterare|Protokollförare|Ordförande|Justerare|Justerande)(?![\w-])"
                          r"(?![ \t]*[,)])(?![ \t]+(?!paragraf)[a-zåäö])")
SIGN_ROLE = {"sekreterare": "sekreterare", "protokollförare": "sekreterare", "ordförande": "ordförande",
             "justerare": "justerare", "justerande": "justerare"}
# where a signature block ends: the notice of its posting, or the list of those present
SIGN_END_RE = re.compile(r"(?<![\w-])(?:ANSLAG|BEVIS|Justeringen|Protokollet är|Anslaget|Beslutande|Närvarande)")
# "Utses att justera Gudrun Gustafsson", "Justerare Eva Handmark och Eva Ljungdahl"
ADJUSTER_RE = re.compile(r"(?<![\w-])(?:Utses att justera|Utsedd att justera|Utsedda att justera|Justerare)[ \t]*:?[ \t]+$")
SIGNED_AS_RE = re.compile(r"[ \t]*(?:" + PARTY_CODE + r")?[ \t]*,[ \t]*(?P<role>(?i:ordförande|sekreterare|justerare|"
                          r"justerande))(?P<dots>[ \t]*(?:\.{3}|…))?")
# "Ulla Jakobsson valdes till justerare", "Per-Erik Sandberg utsågs att justera dagens protokoll", "att utse Björn
# Ahlkvist att jämte ordföranden justera protokollet"
ELECTED_ADJUSTER_RE = re.compile(r"[ \t]*(?:" + PARTY_CODE + r")?[ \t]+(?:valdes|väljs|utsågs|utses)[ \t]+"
                                 r"(?:till[ \t]+(?:protokoll)?justerare|att[ \t]+(?:jämte[ \t]+ordföranden[ \t]+)?justera)")
ELECTS_ADJUSTER_RE = re.compile(r"[ \t]*(?:" + PARTY_CODE + r")?[ \t]+att[ \t]+(?:jämte[ \t]+ordföranden[ \t]+)?"
                                r"justera")
UNREAD_NAME_RE = re.compile(r"[ \t]*(?:\.{2,}|…)?[ \t]*(?P<n>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?[ \t]+"
                            r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?![\w-])")
SIGN_GAP = 120  # characters between the role words of one block, and after its last


def run_on_signatures(cx: DocContext) -> None:
    """The roles of a run-on signature block: the names after its role words take them in order; several names
    after the last 'Justerare' all adjust. A role already read from lines keeps its own reading."""
    text = cx.seg.masked
    known = {c.props.get("role") for c in cx.claims_of("ATTENDED") if c.evidence.rule in ("signature", "header")}
    spans = cx.person_spans()
    starts = [a for a, _ in spans]
    words = list(SIGN_WORD_RE.finditer(text))
    signed: set[str] = set()
    k = 0
    while k < len(words):
        j = k
        while j + 1 < len(words) and words[j + 1].start() - words[j].end() <= SIGN_GAP:
            j += 1
        block = words[k:j + 1]
        k = j + 1
        if len({SIGN_ROLE[m["w"].lower()] for m in block}) < 2:
            continue
        end_m = SIGN_END_RE.search(text, block[-1].end(), block[-1].end() + SIGN_GAP)
        end = end_m.start() if end_m else min(len(text), block[-1].end() + SIGN_GAP)
        if _names_over_roles(cx, text, block, spans, starts, known, signed):
            continue
        events = [(m.start(), m.end(), SIGN_ROLE[m["w"].lower()]) for m in block]
        events += [(a, b, "") for a, b in spans[bisect.bisect_left(starts, block[0].end()):
                                                 bisect.bisect_left(starts, end)]]
        queue: list[tuple[str, int]] = []  # the roles not yet taken, with where their word stands
        last = ("", 0)
        events.sort()
        for n, (a, b, role) in enumerate(events):
            if role:
                # "Sekreterare Fitim Kunushevci Ordförande …": a name no stage read took this role; the names after
                # it do not
                nxt = events[n + 1][0] if n + 1 < len(events) else end
                un = UNREAD_NAME_RE.match(text, b, nxt)
                if not (un and plausible_name(un["n"]) and not un["n"].split()[0].endswith(("ande", "are"))):
                    queue.append((role, a))
                last = (role, a)
                continue
            took, at = queue.pop(0) if queue else (last if last[0] == "justerare" else ("", 0))
            if took and took not in known:
                pk = person(cx, a, b, "run-on-signature")
                # the quote from the role word to the name: the block's order says which name takes it
                cx.claim("ATTENDED", pk, cx.meeting_key, at, b, "run-on-signature", 0.8, role=took)
                signed.add(took)
    # "Underskrift... Siv Bäckström, sekreterare... Mikael Lindfors, ordförande...": the role after the name, on the
    # dotted line
    for a, b in spans:
        sm = SIGNED_AS_RE.match(text, b, b + 30)
        # on a dotted line, or the last of a chain of them ("… Mikael Lindfors, ordförande... Gudrun Gustafsson,
        # justerare")
        if sm and (sm["dots"] or re.search(r"(?:\.{3}|…)[ \t]*$", text[max(0, a - 6):a])) and \
                SIGN_ROLE[sm["role"].lower()] not in known:
            pk = person(cx, a, b, "run-on-signature")
            cx.claim("ATTENDED", pk, cx.meeting_key, a, sm.end(), "run-on-signature", 0.8,
                     role=SIGN_ROLE[sm["role"].lower()])
            signed.add(SIGN_ROLE[sm["role"].lower()])
    if "justerare" in known or "justerare" in signed:
        return
    for a, b in spans:
        said = _adjuster_said(text, a, b)
        if said:
            # the quote says it: "Utses att justera Gudrun Gustafsson", "Ulla Jakobsson valdes till justerare"
            qa, qb = said
            pk = person(cx, a, b, "run-on-signature")
            cx.claim("ATTENDED", pk, cx.meeting_key, qa, qb, "run-on-signature", 0.8, role="justerare")
            m = re.match(r"[ \t]*(?:" + PARTY_CODE + r")?[ \t]+och[ \t]+", text[b:b + 12])
            k2 = bisect.bisect_left(starts, b + m.end()) if m else None
            if m and k2 is not None and k2 < len(spans) and spans[k2][0] == b + m.end():
                pk2 = person(cx, *spans[k2], "run-on-signature")
                cx.claim("ATTENDED", pk2, cx.meeting_key, qa, max(qb, spans[k2][1]), "run-on-signature", 0.8,
                         role="justerare")


def _adjuster_said(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span that says the name at a:b adjusts the minutes: 'Utses att justera Gudrun Gustafsson', 'Ulla Jakobsson
    valdes till justerare', 'att utse Björn Ahlkvist att jämte ordföranden justera protokollet'; else None."""
    before = ADJUSTER_RE.search(text, max(0, a - 25), a)
    if before:
        return before.start(), b
    after = ELECTED_ADJUSTER_RE.match(text, b, b + 60)
    if after:
        return a, after.end()
    after = ELECTS_ADJUSTER_RE.match(text, b, b + 60)
    verb = re.search(r"(?i)\b(?:utse|utses|utsågs|valdes|väljs)[ \t]+$", text[max(0, a - 10):a]) if after else None
    if verb:
        return max(0, a - 10) + verb.start(), after.end()
    return None


def _names_over_roles(cx: DocContext, text: str, block: list, spans: list[tuple[int, int]], starts: list[int],
                      known: set, signed: set[str]) -> bool:
    """'UNDERSKRIFTER Kjell-Åke Halldén Sekreterare Britta Flinkfeldt Ordförande Peter Waara Justerare': each role
    word written under its name, so right after it (a party between); true where every role word of the block is."""
    pairs = []
    for m in block:
        k = bisect.bisect_left(starts, m.start()) - 1
        if k < 0 or not re.fullmatch(r"[ \t]*(?:" + PARTY_CODE + r")?[ \t]*", text[spans[k][1]:m.start()]):
            return False
        pairs.append((spans[k], m))
    if len({p for p, _ in pairs}) < len(pairs):
        return False
    for (a, b), m in pairs:
        role = SIGN_ROLE[m["w"].lower()]
        if role not in known:
            pk = person(cx, a, b, "run-on-signature")
            cx.claim("ATTENDED", pk, cx.meeting_key, a, m.end(), "run-on-signature", 0.8, role=role)
            signed.add(role)
    return True
