"""Assignments (uppdrag): 'uppdrar åt X att …', 'X får i uppdrag att …', 'bestämdes att X skulle …', with whom,
due date and source; a memo's assignment tied to the meeting it names."""
from __future__ import annotations

import re

from graph.model import Mention
from ingest import lexicon
from ingest.dates import find_dates, month_of, parse_one
from ingest.extract.context import DocContext
from ingest.extract.entities import body, municipality, person, title_facts
from ingest.extract.names import plausible_name, resolve_municipality
from ingest.extract.patterns import DNR_RE, EMAIL_RE, NAME, NAME_RE, UP
from ingest.extract.references import body_ref
from ingest.extract.targets import collective_at, target_at
from ingest.nlp import organ_kind
from ingest.segment import NAME_LINE_RE


# The task runs to the end of the sentence, over a wrapped line but not into a new bullet or paragraph.
TASK = r"(?P<task>(?:[^.\n]|\n(?![ \t]*\n)(?![ \t]*(?:[•·\-–]|\d+[.)])))+)"

ASSIGN_RES = [
    re.compile(r"(?i)\buppdra(?:r|s)?\s+(?:till|åt)\s+(?P<who>.+?)\s+att\s+" + TASK),
    re.compile(r"(?i)\b(?:uppdrag|uppdraget)\s+ges\s+(?:till|åt)\s+(?P<who>.+?)\s+att\s+" + TASK),
    re.compile(r"(?i)\bger?\s+(?P<who>.+?)\s+i\s+uppdrag\s+att\s+" + TASK),  # "ger X", "att ge X"
    re.compile(rf"(?P<who>{NAME})\s+får\s+i\s+uppdrag\s+att\s+" + TASK),
    # "Socialförvaltningen får i uppdrag att", "Barn- och utbildningsförvaltningen ges i uppdrag att",
    # "tekniska förvaltningen får i uppdrag att": one organ (or title) named in a word or two
    re.compile(r"(?P<who>(?<![\w-])(?:[\wåäöÅÄÖ]+-[ \t]+och[ \t]+|[a-zåäö]+a[ \t]+)?[\wåäöÅÄÖ-]+)"
               r"\s+(?:får|ges)\s+i\s+uppdrag\s+att\s+" + TASK),
    re.compile(r"(?i)\bfår\s+(?!i\s)(?P<who>.+?)\s+(?:i\s+)?uppdrag(?:et)?\s+att\s+" + TASK),
    re.compile(rf"(?P<who>(?:[{UP}][\w-]+[ \t]+){{0,4}}[\w-]+)\s+uppdras\s+att\s+" + TASK),
    re.compile(r"(?i)\bgavs\s+uppdraget\s+att\s+" + TASK),
    # "En ny arbetsgrupp tillsattes i april 2014 med uppdraget att ta fram …": a group formed for a task
    re.compile(r"(?i)\b(?:(?:en|ett)\s+)?(?:(?:ny|nytt|särskild|särskilt|gemensam|gemensamt)\s+)?"
               r"(?P<who>[\wåäö-]+)\s+(?:tillsattes|tillsätts|bildades|bildas|inrättades|inrättas)"
               r"(?:\s+(?!med\b)[\wåäö-]+){0,4}\s+med\s+(?:uppdraget|uppdrag|i\s+uppdrag)\s+att\s+" + TASK),
    # "bestämdes även att socialcheferna skulle diskutera …": a named group or body told to do something
    # "Kommunstyrelsen har beslutat att nämnderna ska redovisa …": a decision reported that tells a body to act
    re.compile(rf"(?i)\b(?:bestämdes|beslutades|beslöts|(?:har|hade)[ \t]+(?:beslutat|bestämt))"
               rf"(?:[ \t]+(?:även|också|därför))?[ \t]+att[ \t]+"
               rf"(?P<who>(?:[{UP}][\w-]+(?:[ \t]+[{UP}][\w-]+){{0,3}})|[a-zåäö-]+(?:erna|arna|orna))"
               r"[ \t]+(?:skulle|ska|skall)[ \t]+" + TASK),
    # an assignment's description: "Målet med översynen ska vara att identifiera …" (no one named)
    re.compile(r"(?i)\b(?:målet|syftet)\s+med\s+(?:översynen|uppdraget|utredningen|kartläggningen)\s+"
               r"(?:ska\s+vara|skall\s+vara|är)\s+att\s+" + TASK),
]

# Words around which ASSIGN_RES can match (the passages the patterns are tried on).
ASSIGN_TRIGGER_RE = re.compile(r"uppdr|bestämdes|beslutades|beslöts|beslutat|bestämt|målet med|syftet med")


# "Vid SVOM den 23 februari 2024, § 11, beslutades följande: 1. … 2. Regionen och Östersunds kommun ska göra
# dragningen gemensamt.": a decision's numbered points, each a sentence of its own
DECIDED_LIST_RE = re.compile(r"(?i)\b(?:beslutades|beslutade|beslöt|beslöts|beslutar|beslutas)(?:[ \t]+(?:det|även))?"
                             r"[ \t]+följande[ \t]*:")
POINT_RE = re.compile(rf"(?m)^[ \t]*\d{{1,2}}[.)][ \t]+(?P<who>[{UP}][\w-]+(?:[ \t]+(?:och|samt|[{UP}][\w-]+|"
                      r"kommun|region|län)){0,5}?)[ \t]+(?:ska|skall|skulle)[ \t]+(?P<task>[^\n]+)")


def assignments_at(cx: DocContext, src_key: str, a: int, b: int, rule: str = "assignment") -> None:
    for d in DECIDED_LIST_RE.finditer(cx.seg.masked, a, b):
        _decided_points(cx, src_key, d.end(), min(b, d.end() + 800), rule)
    low = cx.seg.masked[a:b].lower()
    # every pattern has one of ASSIGN_TRIGGER_RE's words: look only at the passages around them
    # (a passage ends at a full stop or a blank line, as the patterns' tasks do)
    hits = [m.start() for m in ASSIGN_TRIGGER_RE.finditer(low)]
    passages = []
    for i in hits:
        ps = max(low.rfind(".", 0, i) + 1, low.rfind("\n\n", 0, i) + 2, 0)
        ends = [x for x in (low.find(".", i), low.find("\n\n", i)) if x >= 0]
        pe = min(ends) + 1 if ends else len(low)
        if not passages or ps >= passages[-1][1]:
            passages.append((ps, pe))
    for ps, pe in passages:
        _assignments_in(cx, src_key, a + ps, a + pe, rule)


def _assignments_in(cx: DocContext, src_key: str, a: int, b: int, rule: str) -> None:
    seg_text = cx.seg.masked[a:b]
    for k, rx in enumerate(ASSIGN_RES):
        for m in rx.finditer(seg_text):
            task = re.sub(r"\s+", " ", m["task"]).strip().rstrip(",;")
            ts, te = a + m.start(), a + m.end("task")
            key = f"assignment:{src_key}:{ts}"
            if key in cx.by_key or any(x.key.startswith(f"assignment:{src_key}:") and
                                       cx.by_key[x.key].evidence.start <= ts <
                                       cx.by_key[x.key].evidence.end for x in cx.mentions_of("Assignment")):
                continue
            if rule == "assignment-in-text" and _restates(cx, src_key, task):
                continue
            due = _due(cx, ts, min(len(cx.text), te + 300))
            ak = cx.mention(key, "Assignment", {"task": task, "due": due, "name": task[:80]}, ts, te, rule)
            cx.claim("ASSIGNS", src_key, ak, ts, te, rule)
            if "who" in m.groupdict() and m["who"]:
                _assignees(cx, ak, a + m.start("who"), a + m.end("who"), ts, te)


def _decided_points(cx: DocContext, src_key: str, a: int, b: int, rule: str) -> None:
    """The numbered points right after 'beslutades följande:' that tell a body to act ('2. Regionen och
    Östersunds kommun ska göra dragningen gemensamt'); the list ends at a blank line."""
    text = cx.seg.masked
    p = a + (1 if text.startswith("\n", a) else 0)
    while p < b:
        line_end = text.find("\n", p, b)
        line_end = b if line_end < 0 else line_end
        if not text[p:line_end].strip():
            return
        m = POINT_RE.match(text, p, line_end)
        if m:
            task = m["task"].strip().rstrip(".,;")
            key = f"assignment:{src_key}:{m.start('who')}"
            if key not in cx.by_key:
                ak = cx.mention(key, "Assignment", {"task": task, "due": None, "name": task[:80]},
                                m.start("who"), m.end("task"), rule)
                cx.claim("ASSIGNS", src_key, ak, m.start("who"), m.end("task"), rule)
                _assignees(cx, ak, m.start("who"), m.end("who"), m.start("who"), m.end("task"))
        p = line_end + 1


def _restates(cx: DocContext, src_key: str, task: str) -> bool:
    """An item's summary that repeats what its decision assigned ('ledamöter uppdras att ta hem …')."""
    if not src_key.startswith("item:"):
        return False
    head = " ".join(task.lower().split()[:2])
    decisions = {c.dst for c in cx.claims_of("HAS_DECISION") if c.src == src_key}
    return any(c.src in decisions and
               " ".join(cx.by_key[c.dst].props["task"].lower().split()[:2]) == head for c in cx.claims_of("ASSIGNS"))


def _due(cx: DocContext, a: int, b: int) -> str | None:
    """A due date in the assignment's sentence or a 'återrapportering … <date>' right after it."""
    chunk = cx.seg.masked[a:b]
    m = re.search(r"(?i)(senast|till|före|återrapporter\w*|redovisas)[^.]*", chunk)
    if not m:
        return None
    hits = find_dates(cx.seg.masked, a + m.start(), a + m.end())
    dates = [h.iso(cx.seg.year) for h in hits]
    dates = [d for d in dates if d]
    # "med återrapportering … i december 2024": a month is a due date too
    return dates[-1] if dates else month_of(chunk[m.start():m.end()])


def _assignees(cx: DocContext, ak: str, a: int, b: int, ts: int, te: int) -> None:
    who = cx.seg.masked[a:b]
    # "A, B och C"; not "hälso- och sjukvårdsdirektören" (one word shared over "och")
    for part in re.finditer(r"[^,]+?(?=,|(?<!-)\s+och\s+|\s+samt\s+|$)", who):
        p = part.group().strip()
        if p.startswith(("och ", "samt ")):
            p = p.split(" ", 1)[1]
        if not p:
            continue
        pa = a + who.index(p, part.start())
        nm = None
        for m in NAME_RE.finditer(p):
            if plausible_name(m.group()):
                nm = m
        if nm:
            pk = person(cx, pa + nm.start(), pa + nm.end(), "assignee")
            cx.claim("ASSIGNED_TO", ak, pk, ts, te, "assignee")
            title_raw = p[: nm.start()].strip()
            if title_raw and (title_raw.lower() in lexicon.title_forms() or
                              title_raw.lower().endswith(lexicon.title_suffixes())):
                tk = _known_role_org(cx, pk)
                if tk:
                    title_facts(cx, pk, (pa, pa + len(title_raw)), tk, ts, te, "assignee")
            continue
        role_person = _meeting_role_person(cx, p)
        if role_person:
            cx.claim("ASSIGNED_TO", ak, role_person, ts, te, "assignee-role", 0.8)
            continue
        words = p.split()
        if len(words) >= 2 and words[-2].endswith("s") and lexicon.is_title_word(words[-1].lower().removesuffix("n")):
            # "nämndens ordförande": a person by the office, not the body
            cx.warn(f"uppdraget ges till {p!r}, en person som texten inte namnger", pa, pa + len(p))
            continue
        # "nämnderna", "kommunerna": several organisations at once, not one body of the name
        ct = collective_at(cx, pa, pa + len(p), "assignee")
        bk = ct.make() if ct and ct.end == pa + len(p) else body_ref(cx, p, pa) or _place_as_body(cx, p, pa)
        if bk:
            cx.claim("ASSIGNED_TO", ak, bk, ts, te, "assignee")
        else:
            cx.warn(f"uppdraget ges till {p!r}, som inte kunde kopplas till en person eller ett organ",
                    pa, pa + len(p))


def _place_as_body(cx: DocContext, p: str, pa: int) -> str | None:
    """'Regionen' (the document's region), 'Region Jämtland Härjedalen', 'Östersunds kommun': a region or a
    municipality given a task acts as an organisation (a body of its own, that belongs to the municipality)."""
    t = target_at(cx, pa, pa + len(p), "assignee")
    if t and t.end == pa + len(p):
        return t.make()
    if re.fullmatch(rf"[{UP}][\wåäö-]+[ \t]+kommun", p) and resolve_municipality(p):
        mk = municipality(cx, pa, pa + len(p), "assignee")
        return body(cx, p, pa, pa + len(p), "assignee", muni=mk) if mk else None
    return None


def _meeting_role_person(cx: DocContext, phrase: str) -> str | None:
    """'sekreterare' / 'ordföranden' in an assignment: the person who had that role at the meeting."""
    low = phrase.strip().lower()
    role = lexicon.title_forms().get(low)
    if role not in ("sekreterare", "ordförande"):
        # "socialchefen": the one person this document names with that title
        base = re.sub(r"(?:en|n)$", "", low)
        compound = re.fullmatch(r"[a-zåäö]+-[ \t]+och[ \t]+[a-zåäö]+", base)  # "hälso- och sjukvårdsdirektör"
        if (" " in low and not compound) or base == low or not lexicon.is_title_word(base.split()[-1]):
            return None
        roles = {m.key for m in cx.mentions_of("Role") if m.props.get("title") == base}
        people = {c.src for c in cx.claims_of("HOLDS") if c.dst in roles}
        return people.pop() if len(people) == 1 else None
    people = {c.src for c in cx.claims_of("ATTENDED") if c.props.get("role") == role}
    return people.pop() if len(people) == 1 else None


def _known_role_org(cx: DocContext, pk: str) -> str | None:
    for c in cx.claims_of("REPRESENTS"):
        if c.src == pk:
            return c.dst
    return None


def assignments_outside_decisions(cx: DocContext) -> None:
    """'Liselott Åsberg uppdras att …' in an item's summary; a memo's 'gavs uppdraget att …'."""
    for it in cx.seg.items:
        parts = [p for p in it.parts if p.kind not in ("decision", "proposal")]
        spans = [(p.start, p.end) for p in parts] or [(it.start, it.end)]
        # passages that hold a decision line already gave their assignments through it
        decided = [(m.evidence.start, m.evidence.end) for m in cx.mentions_of("Decision")
                   if it.start <= m.evidence.start < it.end]
        # "beslutades följande:" read as a decision line: its numbered points below are what it decided
        for m in cx.mentions_of("Decision"):
            if it.start <= m.evidence.start < it.end:
                for d in DECIDED_LIST_RE.finditer(cx.seg.masked, m.evidence.start, m.evidence.end):
                    _decided_points(cx, m.key, d.end(), min(it.end, d.end() + 800), "assignment")
        for a, b in spans:
            for da, db in sorted(decided):
                if a < da:
                    assignments_at(cx, f"item:{it.label}", a, min(b, da), "assignment-in-text")
                a = max(a, db)
            if a < b:
                assignments_at(cx, f"item:{it.label}", a, b, "assignment-in-text")
    if not cx.seg.items:
        before = len(cx.mentions_of("Assignment"))
        assignments_at(cx, "doc-assign", 0, len(cx.text), "assignment-in-text")
        new = cx.mentions_of("Assignment")[before:]
        for m in new:
            _memo_meeting(cx, m)


def _memo_meeting(cx: DocContext, am: Mention) -> None:
    """'Vid Socialnämndens arbetsutskotts sammanträde 2013-11-20 gavs uppdraget …': the assignment comes
    from a meeting the memo names; that meeting, item and decision are facts the memo states."""
    s = am.evidence.start
    line_start = cx.text.rfind("\n", 0, s) + 1
    sentence = cx.seg.masked[line_start: am.evidence.end]
    m = re.search(r"(?i)\bvid\s+(?P<body>.+?)\s+(?:sammanträde|möte)\s+(?:den\s+)?(?P<date>[\d-]{8,10}|\d{1,2}\s+\w+\s+\d{4})",
                  sentence)
    # drop the ASSIGNS claim from the placeholder source, it is re-attached below
    cx.drop_claims("ASSIGNS", lambda c: c.src == "doc-assign")
    if not m:
        cx.warn("ett uppdrag nämns utan beslut eller möte att knyta det till", s, am.evidence.end)
        return
    body_name = m["body"]
    words = body_name.split()
    # "Socialnämndens arbetsutskotts": the last organ word names the body, earlier ones its parent
    bname = " ".join(words)
    bname = re.sub(r"s$", "", bname) if organ_kind(words[-1]) and words[-1].endswith("s") else bname
    ba = line_start + m.start("body")
    bk = body(cx, bname, ba, ba + len(body_name), "memo-meeting")
    if len(words) > 1 and organ_kind(words[0]):
        parent = words[0][:-1] if words[0].endswith("s") else words[0]
        pk = body(cx, parent, ba, ba + len(words[0]), "memo-meeting")
        cx.claim("PART_OF", bk, pk, ba, ba + len(body_name), "memo-meeting")
    date = parse_one(m["date"], cx.seg.year)
    mk = cx.mention(f"meeting:{bk}:{date}", "Meeting",
                    {"date": date, "title": f"{cx.by_key[bk].props['name']} {date}",
                     "name": f"{cx.by_key[bk].props['name']} {date}", "kind": "omnämnt"},
                    line_start + m.start(), line_start + m.end(), "memo-meeting")
    cx.claim("HELD", bk, mk, line_start + m.start(), line_start + m.end(), "memo-meeting")
    title_ln = _memo_title(cx)
    ik = cx.mention(f"item:{mk}", "AgendaItem", {"title": title_ln[2] if title_ln else am.props["task"],
                                                 "name": title_ln[2] if title_ln else am.props["task"],
                                                 "number_inferred": True},
                    *(title_ln[:2] if title_ln else (am.evidence.start, am.evidence.end)), "memo-meeting")
    cx.claim("HAS_ITEM", mk, ik, line_start + m.start(), am.evidence.end, "memo-meeting", 0.8)
    dk = cx.mention(f"decision:{mk}", "Decision", {"text": sentence.strip(), "name": "uppdrag"},
                    line_start, am.evidence.end, "memo-meeting")
    cx.claim("HAS_DECISION", ik, dk, line_start, am.evidence.end, "memo-meeting")
    cx.claim("ASSIGNS", dk, am.key, am.evidence.start, am.evidence.end, "memo-meeting")
    # the memo answers the assignment: its author is the one who carries it out
    author = _memo_author(cx)
    if author:
        cx.claim("ASSIGNED_TO", am.key, author[0], author[1], author[2], "memo-author", 0.7)
    dnr = DNR_RE.search(cx.seg.masked)
    mat = cx.mention("matter:memo", "Matter", {"title": cx.by_key[ik].props["title"],
                                               "name": cx.by_key[ik].props["title"],
                                               "dnr": dnr["dnr"] if dnr else None},
                     *(title_ln[:2] if title_ln else (am.evidence.start, am.evidence.end)), "memo-title")
    cx.claim("CONCERNS", ik, mat, *(title_ln[:2] if title_ln else (s, am.evidence.end)), "memo-title",
             step="uppdrag")


def _memo_title(cx: DocContext) -> tuple[int, int, str] | None:
    """The memo's subject line: the first line of some length before the diary number."""
    for ln in cx.seg.lines[:15]:
        s = ln.strip
        if len(s) > 20 and not EMAIL_RE.search(s) and not DNR_RE.search(s):
            off = ln.text.index(s)
            return ln.start + off, ln.start + off + len(s), s
    return None


def _memo_author(cx: DocContext) -> tuple[str, int, int] | None:
    """'Inger Norin / Sektionschef / inger.norin@ekero.se' at the head of a memo."""
    lines = [ln for ln in cx.seg.lines[:8] if ln.strip]
    for k, ln in enumerate(lines[:-1]):
        m = NAME_LINE_RE.match(ln.text)
        nxt = lines[k + 1].strip
        if m and plausible_name(m["name"]) and (nxt.lower().endswith(lexicon.title_suffixes()) or
                                                nxt.lower() in lexicon.title_forms()):
            s = ln.start + m.start("name")
            pk = person(cx, s, s + len(m["name"]), "memo-author")
            t0 = lines[k + 1].start + lines[k + 1].text.index(nxt)
            if cx.home_muni:
                title_facts(cx, pk, (t0, t0 + len(nxt)), cx.home_muni, ln.start, lines[k + 1].end,
                            "memo-author")
                cx.claim("REPRESENTS", pk, cx.home_muni, ln.start, lines[k + 1].end, "memo-author", 0.8)
            return pk, ln.start, lines[k + 1].end
    return None
