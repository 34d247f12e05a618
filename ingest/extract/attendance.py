"""Attendance lists: rows of 'Name (P)<TAB>Municipality<TAB>Title', one-line 'Närvarande: A, B och C' lists, and
the facts a row gives (attended, member, represents, title). Collapsed PDF tables are in `attendance_tables`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import lexicon
from ingest.extract.attendance_tables import _column_header, table_rows
from ingest.extract.context import DocContext
from ingest.extract.entities import body, municipality, person, region, title_facts
from ingest.extract.names import body_kind, plausible_name
from ingest.extract.patterns import NAME, PARAS_RE, PARTY
from ingest.extract.substitutes import absent_member, replaced_member
from ingest.extract.vocabulary import MEMBER_ROLES


@dataclass
class Row:
    name: tuple[int, int]
    party: tuple[int, int] | None
    muni: tuple[int, int] | None
    title: tuple[int, int] | None
    paras: str | None
    markers: list[str]


def attendance(cx: DocContext) -> None:
    _attendance_rows(cx)
    present = {c.src for c in cx.claims_of("ATTENDED")}
    for c in cx.claims_of("ABSENT_FROM"):
        if c.src in present:
            cx.warn(f"{cx.by_key[c.src].props['name']} står både som närvarande och som ej närvarande; "
                    f"båda uppgifterna behålls", c.evidence.start, c.evidence.end)


def _attendance_rows(cx: DocContext) -> None:
    for sec in cx.seg.sections:
        if sec.inline:
            _inline_attendance(cx, sec)
            continue
        if sec.columns:
            table_rows(cx, sec)
            continue
        for ln in sec.rows:
            row = _parse_row(cx, ln.start, ln.end)
            if row:
                _row_facts(cx, row, sec.role, sec.status, ln.start, ln.end)
            elif ln.strip and not re.fullmatch(r"[-–.\s]*", ln.strip) and not _column_header(ln.strip):
                cx.warn(f"raden i närvarolistan kunde inte tolkas: {ln.strip[:60]!r}", ln.start, ln.end)


def _parse_row(cx: DocContext, a: int, b: int) -> Row | None:
    """'Name (P)<TAB>Municipality<TAB>Title §51-57', 'Name, title, org', or the same with columns
    collapsed into spaces ('Karl-Erik Lundin (KD) Ragunda Kommun Ordf. Sociala utskottet')."""
    line = cx.seg.masked[a:b]
    if "\t" in line.strip():
        head = line.split("\t", 1)[0] if line.split("\t", 1)[0].strip() else line
    else:  # columns collapsed into spaces: the name ends where the municipality or body begins
        head = line
        for sp in cx.spans["MUNI"] + cx.spans["REGION"] + cx.spans["BODY"]:
            if a < sp.start_char < a + len(head) and not re.match(r"\s*\(", line[sp.end_char - a:]):
                head = line[: sp.start_char - a]
    m = re.match(rf"^[ \t•\-–]*(?P<name>{NAME})[ \t]*(?:{PARTY})?[ \t]*,?", head)
    if not m or not plausible_name(m["name"]):
        return None
    name = (a + m.start("name"), a + m.end("name"))
    party = (a + m.start("party"), a + m.end("party")) if m["party"] else None
    rest_a = a + m.end()
    # "Maria Holm SD tjg ersättare", "Erik Sand S": a party code without brackets right after the name
    bare = re.match(r"[ \t]*,?[ \t]+(?P<p>[A-ZÅÄÖ]{1,4}|[a-zåäö]{1,3})(?=[ \t]*$|[ \t]*,?[ \t]+(?:tjg|tjänstgörande|"
                    r"ej|ersättare|ordf|1:e|2:e|vice|§|\(|[Xx]\b))", line[m.end("name"):]) if party is None else None
    if bare and bare["p"].upper() in lexicon.parties():
        pa = a + m.end("name") + bare.start("p")
        party = (pa, pa + len(bare["p"]))
        rest_a = pa + len(bare["p"])
    rest = cx.seg.masked[rest_a:b]
    cols = [c for c in re.split(r"\t+|[ ]{2,}", rest)]
    muni = None
    for sp in cx.spans["MUNI"] + cx.spans["REGION"]:
        if rest_a <= sp.start_char < b:
            muni = (sp.start_char, sp.end_char)
            break
    markers = [mk.strip().lower() for mk in re.findall(r"\(([^()]{2,30})\)", rest)]
    paras = None
    pm = PARAS_RE.search(rest)
    if pm:
        paras = re.sub(r"\s", "", pm.group(1))
    # a party in a column of its own ("Anna Lindqvist<TAB>S<TAB>ordförande")
    if party is None and "\t" in rest:
        off = rest_a
        for cell in rest.split("\t"):
            c = cell.strip()
            if c and c.upper() in lexicon.parties() and len(c) <= 4:
                ca = off + cell.index(c)
                party = (ca, ca + len(c))
                rest_a = ca + len(c)
                break
            off += len(cell) + 1
    # title: what is left after the municipality column, without markers and paragraph ranges
    t_a = muni[1] if muni else rest_a
    tail = cx.seg.masked[t_a:b]
    cut = len(tail)
    for rx in (PARAS_RE, re.compile(r"\([^()]{2,30}\)")):
        mm = rx.search(tail)
        if mm:
            cut = min(cut, mm.start())
    tail_text = tail[:cut]
    lead = len(tail_text) - len(tail_text.lstrip(" \t,"))
    tail_text = tail_text.strip(" \t,")
    title = (t_a + lead, t_a + lead + len(tail_text)) if tail_text else None
    if muni:
        # "Johan Axelsson, socialchef, Halmstads kommun": the title stands before the municipality column
        before = cx.seg.masked[rest_a:muni[0]]
        bt = before.strip(" \t,")
        words = [w.lower().strip(".,") for w in bt.split()] if bt else []
        if bt and "\n" not in bt and len(bt) < 60 and any(lexicon.is_title_word(w) for w in words):
            ba = rest_a + before.index(bt)
            title = (ba, ba + len(bt))
    if not muni and cols and title is None:
        title = None
    return Row(name, party, muni, title, paras, markers)


def _row_facts(cx: DocContext, row: Row, role: str, status: str, a: int, b: int) -> None:
    party = cx.text[row.party[0]:row.party[1]] if row.party else None
    # among the members, an unknown code in brackets is a local party's ("Marianne Utterdahl (SIV)")
    pk = person(cx, *row.name, "attendance-row", party, local_party=role in MEMBER_ROLES or role == "beslutande")
    attend_role = role
    if role == "övrig deltagare" and not row.party:  # "Maja Öhman, ekonomichef § 24": an official
        attend_role = role = "tjänsteperson"
    title_text = cx.text[row.title[0]:row.title[1]].lower() if row.title else ""
    if any(mk.startswith(("tjg ers", "tjänstgörande ers")) for mk in row.markers) or \
            title_text.startswith(("tjg ers", "tjänstgörande ers")):
        attend_role = "tjänstgörande ersättare"
    if attend_role == "tjänstgörande ersättare" or title_text.startswith("ersätter"):
        # "tjänstgörande ersättare för Ahmed Karimi (V)", "Kjell Sundberg (M) ersätter Maria Hansson (M)"
        served_for = replaced_member(cx, row.name[1], b)
        if served_for:
            absent_member(cx, *served_for)
    if cx.meeting_key:
        if status == "absent":
            cx.claim("ABSENT_FROM", pk, cx.meeting_key, a, b, "attendance-row", role=role)
        else:
            cx.claim("ATTENDED", pk, cx.meeting_key, a, b, "attendance-row", role=attend_role,
                     paras=row.paras)
            if attend_role != role and role == "beslutande":  # a serving substitute listed among beslutande
                cx.claim("ATTENDED", pk, cx.meeting_key, a, b, "attendance-row", role=role,
                         paras=row.paras)
        if any(mk.startswith("ordf") for mk in row.markers) and status != "absent":
            cx.claim("ATTENDED", pk, cx.meeting_key, a, b, "attendance-marker", role="ordförande")
    if cx.body_key and role in ("beslutande", "ledamot", "ersättare", "tjänstgörande ersättare",
                                "ej tjänstgörande ersättare"):
        member_role = "ersättare" if "ersättare" in attend_role or role == "ersättare" else "ledamot"
        cx.claim("MEMBER_OF", pk, cx.body_key, a, b, "attendance-row", role=member_role)
    mk_ = None
    if row.muni:
        s, e = row.muni
        mk_ = municipality(cx, s, e, "attendance-row") or region(cx, s, e, "attendance-row")
        if mk_ and mk_.startswith("muni:"):
            cx.claim("REPRESENTS", pk, mk_, a, b, "attendance-row")
        elif mk_:
            cx.claim("REPRESENTS", pk, mk_, a, b, "attendance-row")
    else:
        org = _org_column(cx, row, a, b)
        if org:
            mk_ = org
            cx.claim("REPRESENTS", pk, org, a, b, "attendance-row")
    if row.title:
        title_facts(cx, pk, row.title, mk_, a, b, "attendance-row")


def _org_column(cx: DocContext, row: Row, a: int, b: int) -> str | None:
    """The second column when it is not a municipality: 'Kommunförbundet J/H', a region, a body."""
    cols = [c for c in re.split(r"\t+", cx.text[row.name[1]:b])]
    if len(cols) < 3:
        return None
    col = cols[1].strip(" ,()")
    if not col:
        return None
    start = cx.text.index(col, row.name[1])
    return region(cx, start, start + len(col), "attendance-row") or (
        body(cx, col, start, start + len(col), "attendance-row") if body_kind(col) or "/" in col else None)


def _inline_attendance(cx: DocContext, sec) -> None:
    """'Närvarande: A, B, C (p. 1) samt D (p.2) och E.' One name listed twice is one person."""
    row = sec.rows[0]
    text = cx.seg.masked[row.start:row.end]
    for m in re.finditer(rf"(?P<name>{NAME})(?:[ \t]*{PARTY})?(?P<paras>[ \t]*\((?:p\.|§|punkt)[ \t]*[\d\s,–-]+\))?",
                         text):
        name = m["name"]
        for lead in ("samt ", "och "):
            if name.startswith(lead):
                name = name[len(lead):]
        if not plausible_name(name):
            continue
        s = row.start + m.start("name") + (len(m["name"]) - len(name))
        e = row.start + m.end("name")
        pk = person(cx, s, e, "attendance-list", m["party"])
        paras = re.sub(r"[^\d,–-]", "", m["paras"]) if m["paras"] else None
        role = sec.role
        if role == "övrig deltagare" and not m["party"]:  # "Övriga deltagande: Jonas Ekelund, regiondirektör"
            role = "tjänsteperson"
        if cx.meeting_key:
            t = "ABSENT_FROM" if sec.status == "absent" else "ATTENDED"
            props = {"role": role} if t == "ABSENT_FROM" else {"role": role, "paras": paras}
            cx.claim(t, pk, cx.meeting_key, s, row.start + m.end(), "attendance-list", **props)
            # "Maria Norrfalk (Ordförande)", "Håkan Sternberg (Sekreterare)": the role at the meeting in brackets
            rb = re.match(r"[ \t]*\((?P<r>(?i:ordförande|ordf\.?|sekreterare|justerare))\)", text[m.end():])
            if rb and t == "ATTENDED":
                said = rb["r"].lower()
                cx.claim(t, pk, cx.meeting_key, s, row.start + m.end() + rb.end(), "attendance-list",
                         role="ordförande" if said.startswith("ordf") else said)
        # "Tomas Vikberg (M), vice ordförande, Sanna Lidström (C)": a role after the name in the list
        tm = re.match(r"[ \t]*,[ \t]*(?P<title>(?:1:e |2:e )?(?:vice )?ordförande|ledamot|ersättare|"
                      r"[a-zåäö]+-[ \t]+och[ \t]+[a-zåäö]+|"  # "hälso- och sjukvårdsdirektör"
                      r"[a-zåäö-]+)(?=[ \t]*(?:,|$|\.|[ \t]och[ \t]|[ \t]samt[ \t]))", text[m.end():])
        if tm and tm["title"] not in MEMBER_ROLES and not lexicon.is_title_word(tm["title"].split()[-1]):
            tm = None
        if tm and (cx.body_key or tm["title"] not in MEMBER_ROLES):
            ta, tb = row.start + m.end() + tm.start("title"), row.start + m.end() + tm.end("title")
            title_facts(cx, pk, (ta, tb), None, s, tb, "attendance-list")
        elif not tm:
            # "förvaltningschef Monica Frid, medicinskt ansvarig sjuksköterska Ann Hedlund": the title before
            before = text[:m.start("name") + (len(m["name"]) - len(name))]
            bm = re.search(r"(?:^|[,:;][ \t]*|[ \t](?:och|samt)[ \t]+)(?P<title>(?:[a-zåäö:-]+[ \t]+){1,4})$", before)
            if bm and lexicon.is_title_word(bm["title"].split()[-1].lower()):
                ta = row.start + bm.start("title")
                title_facts(cx, pk, (ta, ta + len(bm["title"].rstrip())), None, ta, e, "attendance-list")
