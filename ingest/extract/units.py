"""Organisational units and operations: 'enhet Samhällsutveckling', 'X avvecklas inom enhet Y', steering groups."""
from __future__ import annotations

import re

from ingest.extract.context import DocContext
from ingest.extract.entities import body, set_kind
from ingest.extract.patterns import QUOTED_NAME_RE
from ingest.extract.references import bodies_in
from graph.text import sentence_bounds
from ingest.extract.vocabulary import CALENDAR_WORDS, PRONOUNS


# An organisational unit named after its cue word: "enhet Samhällsutveckling", "sektionen för vuxna".
UNIT_RE = re.compile(r"(?<![\wåäö-])(?P<cue>enhet(?:en)?|avdelning(?:en)?|sektion(?:en)?|verksamhetsområde(?:t)?)"
                     r"[ \t]+(?P<name>för[ \t]+[a-zåäö-]+(?:[ \t]+och[ \t]+[a-zåäö-]+)?|"
                     r"[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+)?)")

# A named unit or operation without a cue word: "Centrum mot våld", "FoU Jämt", "Social välfärd".
UNIT_NAME = (r"[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+(?:för|mot|om)[ \t]+[a-zåäö-]+(?:[ \t]+och[ \t]+[a-zåäö-]+)?|"
             r"(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+){0,2})")

# "Social välfärd och FoU Jämt avvecklas inom enhet Samhällsutveckling", "projekt X skulle bedrivas inom Y"
INSIDE_VERB_RE = re.compile(r"(?:avvecklas|bedrivs|bedrivas|drivs|drivas|finns|ligger|organiseras|inryms|placeras|"
                            r"läggs)[ \t]+$")

# "Styrgrupp för projektet är Myndighetssamverkan mot våld"
STEERING_RE = re.compile(r"(?i)\bstyrgrupp(?:en)?[ \t]+för[ \t]+(?:projektet|satsningen|arbetet|uppdraget)"
                         r"(?:[ \t]+[”\"](?P<q>[^”\"\n]{2,60})[”\"])?[ \t]+är[ \t]+")


def units(cx: DocContext) -> None:
    """Units inside an organisation and what runs inside them: 'enhet Samhällsutveckling, Region X' (PART_OF
    the region), 'A och B avvecklas inom enhet C' (PART_OF C), 'Styrgrupp för projektet är D' (REPORTS_TO)."""
    text = cx.seg.masked
    rows = [(sec.start, sec.end) for sec in cx.seg.sections]
    has_cue = any(w in text for w in ("enhet", "avdelning", "sektion", "verksamhetsområde"))
    for m in UNIT_RE.finditer(text) if has_cue else ():
        if any(a <= m.start() < b for a, b in rows) or cx.inside_person(m.start("name")):
            continue
        uk = _unit(cx, m)
        # "enhet Samhällsutveckling, Region Jämtland Härjedalen": the organisation it belongs to
        owner = [b for b in bodies_in(cx, m.end(), m.end() + 60) if b[1] - m.end() <= 3
                 and re.fullmatch(r",?[ \t]*(?:inom|vid|i|på)?[ \t]*", text[m.end(): b[1]])]
        if uk and owner and owner[0][0] != uk:
            cx.claim("PART_OF", uk, owner[0][0], m.start(), owner[0][2], "unit-of", 0.9)
    for m in re.finditer(r"inom[ \t]+", text):  # "… avvecklas inom …", found from the literal word
        vm = INSIDE_VERB_RE.search(text, max(0, m.start() - 14), m.start())
        if not vm or (vm.start() and text[vm.start() - 1].isalpha()):
            continue
        s, e = sentence_bounds(text, m.start())
        after = text[m.end(): e]
        um = UNIT_RE.match(after)
        target, tend = None, m.end()
        if um:
            target, tend = _unit(cx, um, m.end()), m.end() + um.end()
        else:
            bodies = [b for b in bodies_in(cx, m.end(), e) if b[1] == m.end()]
            nm = re.match(UNIT_NAME, after)
            if bodies:
                target, tend = bodies[0][0], bodies[0][2]
            elif nm and nm.group().split()[0].lower() not in PRONOUNS:
                target = set_kind(cx, body(cx, nm.group(), m.end(), m.end() + nm.end(), "unit", conf=0.8),
                                  "verksamhet")
                tend = m.end() + nm.end()
        if not target:
            continue
        for a, b in _inside_subjects(cx, text, s, vm.start()):
            k = set_kind(cx, body(cx, text[a:b], a, b, "unit", conf=0.8), "verksamhet")
            if k != target:
                cx.claim("PART_OF", k, target, a, tend, "unit-inside", 0.8)
    for m in STEERING_RE.finditer(text) if "tyrgrupp" in text else ():
        s, e = sentence_bounds(text, m.start())
        bodies = [b for b in bodies_in(cx, m.end(), e) if b[1] == m.end()]
        nm = re.match(UNIT_NAME, text[m.end(): e])
        target = bodies[0][0] if bodies else (
            body(cx, nm.group(), m.end(), m.end() + nm.end(), "steering-group", conf=0.8) if nm else None)
        if not target:
            continue
        if m["q"]:
            qa, qb = m.start("q"), m.end("q")
        else:  # "projektet": the project named in quotes before, in the same item
            it = next((it for it in cx.seg.items if it.start <= m.start() < it.end), None)
            floor = it.start if it else max(0, m.start() - 1500)
            quoted = list(QUOTED_NAME_RE.finditer(text, floor, m.start()))
            if not quoted:
                continue
            qa, qb = quoted[-1].start("name"), quoted[-1].end("name")
        pk = set_kind(cx, body(cx, text[qa:qb], qa, qb, "steering-group", conf=0.8), "projekt")
        if pk != target:
            cx.claim("REPORTS_TO", pk, target, m.start(), m.end() + (nm.end() if nm else 0),
                     "steering-group", 0.8)


def _unit(cx: DocContext, m: re.Match, offset: int = 0) -> str | None:
    cue, name = m["cue"], m["name"]
    a = offset + m.start("name")
    if name.startswith("för"):  # "sektionen för vuxna" is the name
        a, name = offset + m.start(), m.group()
    elif name.split()[0].lower() in PRONOUNS or name.split()[0] in CALENDAR_WORDS:
        return None
    kind = next(base for base in ("enhet", "avdelning", "sektion", "verksamhetsområde") if cue.lower().startswith(base))
    return set_kind(cx, body(cx, name, a, a + len(name), "unit", conf=0.8), kind)


def _inside_subjects(cx: DocContext, text: str, s: int, verb_at: int) -> list[tuple[int, int]]:
    """The named things before 'avvecklas inom …': a quoted name, or 'A och B' of capitalised words."""
    # "… skulle bedrivas inom", "kommer A och B att organiseras inom": the modal is no part of the name
    before = re.sub(r"(?:^|[ \t]+)(?:skulle|ska|skall|kommer att|att)$", "", text[s:verb_at].rstrip())
    q = re.search(r"[”\"](?P<name>[A-ZÅÄÖ][^”\"]{1,60})[”\"]$", before)
    if q:
        return [(s + q.start("name"), s + q.end("name"))]
    # "att A och B organiseras", "kommer A och B att organiseras", "där A ska drivas"
    cut = max([0] + [mm.end() for mm in re.finditer(r"(?:\batt|\bsom|\bdär|\bkommer|\bska|\bskall|\bskulle|,|:)"
                                                    r"[ \t]+", before)])
    chunk = before[cut:]
    out = []
    for pm in re.finditer(r"[^ \t].*?(?=[ \t]+och[ \t]+|$)", chunk):
        part = pm.group().removeprefix("och ").strip()
        if not re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wåäö-]+){0,2}", part) or \
                part.split()[0].lower() in PRONOUNS:
            return []
        a = s + cut + chunk.index(part, pm.start())
        if cx.inside_person(a):
            return []
        out.append((a, a + len(part)))
    return out
