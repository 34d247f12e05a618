"""Attendance tables exported from PDF whose columns collapsed: 'Ledamöter Parti Närv Ej närv' over rows such
as 'Birgitta Svahn s X' and 'Per Ivarsson kd X tjg ersättare'."""
from __future__ import annotations

import re

from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import person, title_facts
from ingest.extract.names import plausible_name
from ingest.extract.patterns import LOW, NAME, PARAS_RE, UP
from ingest.extract.substitutes import absent_member, replaced_member
from ingest.extract.vocabulary import COLUMN_HEADERS


def _column_header(line: str) -> bool:
    """'Namn<TAB>Parti<TAB>Uppdrag': the header row of an attendance table."""
    cells = [c.strip().lower() for c in line.split("\t") if c.strip()]
    return len(cells) >= 2 and all(c in COLUMN_HEADERS for c in cells)


def table_rows(cx: DocContext, sec) -> None:
    """Rows of a collapsed PDF table: 'Birgitta Svahn s X', 'Stina Rosén v - X' (X in the second column),
    'Per Ivarsson kd X tjg ersättare', the party glued to the mark ('Nils Björk SDX'), a title after a comma
    ('Marie Åkesson, ordförande SX'), a name broken over two lines ('Karl-Johan' / 'Lindgren m X') and
    paragraph ranges on a line of their own under a name ('§§ 34-35')."""
    rows = [ln for ln in sec.rows if ln.strip]
    parties = lexicon.parties()
    replaced: list[tuple[int, int, str | None]] = []  # "tjg ersättare för Camilla Strand"
    k = 0
    while k < len(rows):
        ln = rows[k]
        start = ln.start + (len(ln.text) - len(ln.text.lstrip()))
        text = ln.text.strip()
        if re.fullmatch(rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?", text) and k + 1 < len(rows):
            nxt = rows[k + 1]  # the first name alone on a line: the row goes on below
            text = text + " " + nxt.text.strip()
            end_line = nxt
            k += 1
        elif text.endswith("-") and k + 1 < len(rows) and rows[k + 1].text.strip()[:1].islower():
            nxt = rows[k + 1]  # "Åsa Lind-" / "qvist V X": a name hyphenated over the line break
            text = text + nxt.text.strip()
            end_line = nxt
            k += 1
        else:
            end_line = ln
        k += 1
        if PARAS_RE.fullmatch(text) or re.fullmatch(r"(?:§§?[ \t]*[\d\s,–-]+)?(?:\(p\.[ \t]*[\d\s,–-]+\))?", text):
            continue  # the paragraphs the row above was present for
        row = _table_row(text, parties)
        if row is None or not plausible_name(row["name"]):
            if text and not _column_header(text):
                cx.warn(f"raden i närvarotabellen kunde inte tolkas: {text[:60]!r}", ln.start, end_line.end)
            continue
        # offsets in the document: the name may run over the line break
        name_words = row["name"].split()
        ns = cx.text.index(name_words[0], start)
        last = name_words[-1].rsplit("-", 1)[-1]
        ne = cx.text.index(last, ns + len(name_words[0])) + len(last)
        ps = cx.text.index(row["party"], ne)
        marks = row["marks"]
        col = next((i for i, x in enumerate(marks) if x.lower() in ("x", "✓", "×")), None)
        column = sec.columns[col] if col is not None and col < len(sec.columns) else ""
        absent = column.startswith(("ej", "nej", "frånv"))
        rest = row["rest"].strip()
        role = sec.role
        if rest.lower().startswith(("tjg ers", "tjänstgörande ers")):
            role = "tjänstgörande ersättare"
            served_for = replaced_member(cx, ps, end_line.end)
            if served_for:
                replaced.append(served_for)
        pk = person(cx, ns, ne, "attendance-table", cx.text[ps:ps + len(row["party"])])
        if row["title"]:
            ta = cx.text.index(row["title"], ne)
            _row_title(cx, pk, ta, ta + len(row["title"]), ns, end_line.end)
        if cx.meeting_key:
            if absent:
                cx.claim("ABSENT_FROM", pk, cx.meeting_key, ns, end_line.end, "attendance-table", role=sec.role)
            elif col is not None or (sec.role == "ersättare" and role == sec.role):
                # an ersättare listed in the table without a mark was there without serving
                cx.claim("ATTENDED", pk, cx.meeting_key, ns, end_line.end, "attendance-table", role=role)
        if cx.body_key and sec.role in ("ledamot", "beslutande", "ersättare"):
            cx.claim("MEMBER_OF", pk, cx.body_key, ns, end_line.end, "attendance-table",
                     role="ersättare" if "ersättare" in role else "ledamot")
    # after the table: the member served for may have a row of their own, below as well as above
    for served_for in replaced:
        absent_member(cx, *served_for)


def _table_row(text: str, parties) -> dict | None:
    """'Name[, title] PARTY[X] [marks] [rest]' split into its cells, or None."""
    m = re.match(rf"^(?P<name>{NAME})(?P<tail>.*)$", text)
    if not m:
        return None
    tail = m["tail"]
    title = None
    tokens = list(re.finditer(r"\S+", tail))
    i = 0
    if tail.startswith(","):  # "Marie Åkesson, ordförande SX": the title runs up to the party
        for j, t in enumerate(tokens):
            w = t.group().lstrip(",")
            if w.upper() in parties or (w[-1:] in "Xx" and w[:-1].upper() in parties and w[:-1]):
                if j == 0:
                    return None
                title = tail[tokens[0].start(): tokens[j - 1].end()].lstrip(", \t")
                i = j
                break
        else:
            return None
    if i >= len(tokens):
        return None
    w = tokens[i].group()
    marks = []
    if w.upper() in parties and len(w) <= 4:
        party = w
    elif w[-1:] in "Xx✓×" and w[:-1].upper() in parties and w[:-1]:
        party, marks = w[:-1], [w[-1]]  # "SDX": the mark of the first column glued to the party
    else:
        return None
    i += 1
    while i < len(tokens) and re.fullmatch(r"[Xx✓×-]", tokens[i].group()):
        marks.append(tokens[i].group())
        i += 1
    rest = tail[tokens[i].start():] if i < len(tokens) else ""
    return {"name": m["name"], "title": title, "party": party, "marks": marks, "rest": rest}


def _row_title(cx: DocContext, pk: str, a: int, b: int, row_a: int, row_b: int) -> None:
    """A title in an attendance row ('ordförande', '1:e vice ordförande') held in this body."""
    title = cx.text[a:b]
    if not any(lexicon.is_title_word(w.lower().strip(".,")) for w in title.split()):
        return
    title_facts(cx, pk, (a, b), cx.body_key, row_a, row_b, "attendance-table")
