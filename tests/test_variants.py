"""Documents in other layouts than the samples, written by the test itself: a municipal protocol as text,
as PDF (reportlab) and as Word (python-docx, attendance as a table), a web page with list items, and
memory notes. Each must give the general facts -- meeting date, body, persons with party, numbered items
with titles, decisions -- and every quote must be exactly text[start:end].

A fact that a reasonable general rule should catch but the code misses today is kept and marked
xfail(strict=True) with the reason (see XFAIL below).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

# --------------------------------------------------------------------------- the documents

KIRUNA = """KIRUNA KOMMUN
Socialnämnden
PROTOKOLL

Sammanträdesdatum 2022-05-17

Plats och tid: Stadshuset, kl. 13.00-15.30

Beslutande
Anna Lindqvist (S), ordförande
Per Nilsson (M), vice ordförande
Lena Holmgren (V)
Erik Paavo (C)
Johanna Stenberg (SD)

Ej tjänstgörande ersättare
Mikael Kero (S)

Övriga deltagande
Sara Mukka, socialchef
Olof Niemi, sekreterare

Justerare: Per Nilsson

Paragrafer: §§ 12-14

§ 12 Budget 2023
Dnr SN 2022/45

Ärendebeskrivning
Förvaltningen har tagit fram ett förslag till budget för 2023.

Beslut
1. Socialnämnden godkänner förslaget till budget 2023.
2. Socialnämnden uppdrar åt förvaltningen att ta fram en plan för minskade kostnader för försörjningsstöd till nämndens sammanträde i september.

§ 13 Riktlinjer för hemtjänst

Beslut
Socialnämnden antar riktlinjerna för hemtjänst.

§ 14 Medborgarförslag om utökad färdtjänst

Beslut
Ärendet överlämnas till kommunstyrelsen.
"""

GAVLE_HTML = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Äldrenämnden 2022-09-06 - Gävle kommun</title>
<script>var tracking = "Anna Andersson (S)";</script></head>
<body>
<nav><a href="#main">Hoppa till huvudinnehållet</a> <a href="/">Start</a> <a href="/politik">Politik</a></nav>
<main id="main">
<h1>Protokoll från Äldrenämnden i Gävle kommun</h1>
<p>Sammanträdesdatum: 2022-09-06</p>
<p>Plats: Rådhuset, Gävle</p>
<h2>Närvarande ledamöter</h2>
<ul>
  <li>Karin Gustafsson (S), ordförande</li>
  <li>Jonas Berglund (M)</li>
  <li>Maria Hedlund (L)</li>
</ul>
<h2>Ärenden</h2>
<ul>
  <li><h3>§ 101 Val av justerare</h3>
      <p>Beslut: Äldrenämnden utser Jonas Berglund (M) att justera protokollet.</p></li>
  <li><h3>§ 102 Taxor för trygghetslarm 2023</h3>
      <p>Beslut: Äldrenämnden fastställer taxorna för trygghetslarm enligt förvaltningens förslag.</p></li>
  <li><h3>§ 103 Uppföljning av hemtjänsten</h3>
      <p>Beslut: Äldrenämnden lägger informationen till handlingarna.</p></li>
</ul>
</main>
<footer>Vi använder kakor för att förbättra webbplatsen. <a href="/kakor">Läs mer</a></footer>
</body></html>
"""

MEMO = """Minnesanteckningar
Länsnätverket för socialchefer i Norrbotten

{date_line}

Närvarande: Helena Lundberg, Tomas Sundqvist och Eva Marklund

1. Föregående minnesanteckningar
{gap}Minnesanteckningarna från förra mötet godkändes.

2. Barn och unga i samhällets vård
{gap}Nätverket beslutade att bjuda in Länsstyrelsen till nästa möte. Eva Marklund får i uppdrag att sammanställa kommunernas synpunkter.

3. Nästa möte
{gap}Nästa möte hålls den 7 juni 2022.
"""
MEMO_DATE = "Datum: tisdagen den 3 maj 2022"


def write_txt(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_pdf(path: Path, text: str) -> Path:
    """The protocol typeset in Helvetica, long lines wrapped as a word processor would."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 800
    for line in text.splitlines():
        while len(line) > 90:
            cut = line.rfind(" ", 0, 90)
            c.drawString(50, y, line[:cut])
            y -= 14
            line = line[cut + 1:]
        if line:
            c.drawString(50, y, line)
        y -= 14
        if y < 60:
            c.showPage()
            c.setFont("Helvetica", 10)
            y = 800
    c.save()
    return path


def write_docx(path: Path) -> Path:
    """A Word protocol: header fields and attendance as tables (name, party, assignment columns)."""
    import docx

    d = docx.Document()
    d.add_paragraph("Kiruna kommun")
    d.add_heading("Socialnämnden", level=1)
    d.add_paragraph("PROTOKOLL")
    head = d.add_table(rows=0, cols=2)
    for label, value in [("Sammanträdesdatum", "2022-05-17"), ("Plats och tid", "Stadshuset, kl. 13.00-15.30")]:
        cells = head.add_row().cells
        cells[0].text, cells[1].text = label, value
    d.add_paragraph("Beslutande")
    att = d.add_table(rows=1, cols=3)
    att.rows[0].cells[0].text, att.rows[0].cells[1].text, att.rows[0].cells[2].text = "Namn", "Parti", "Uppdrag"
    for name, party, role in [("Anna Lindqvist", "S", "ordförande"), ("Per Nilsson", "M", "vice ordförande"),
                              ("Lena Holmgren", "V", "ledamot"), ("Erik Paavo", "C", "ledamot"),
                              ("Johanna Stenberg", "SD", "ledamot")]:
        cells = att.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = name, party, role
    d.add_paragraph("Övriga deltagande")
    other = d.add_table(rows=0, cols=2)
    for name, title in [("Sara Mukka", "socialchef"), ("Olof Niemi", "sekreterare")]:
        cells = other.add_row().cells
        cells[0].text, cells[1].text = name, title
    for p in ["Justerare: Per Nilsson", "",
              "§ 12 Budget 2023", "Dnr SN 2022/45", "Beslut",
              "1. Socialnämnden godkänner förslaget till budget 2023.",
              "2. Socialnämnden uppdrar åt förvaltningen att ta fram en plan för minskade kostnader för "
              "försörjningsstöd till nämndens sammanträde i september.", "",
              "§ 13 Riktlinjer för hemtjänst", "Beslut", "Socialnämnden antar riktlinjerna för hemtjänst.", "",
              "§ 14 Medborgarförslag om utökad färdtjänst", "Beslut", "Ärendet överlämnas till kommunstyrelsen."]:
        d.add_paragraph(p)
    d.save(str(path))
    return path


# --------------------------------------------------------------------------- expectations

KIRUNA_EXPECT = dict(
    date="2022-05-17", body="Socialnämnden", municipality="2584",
    persons={"Anna Lindqvist": "S", "Per Nilsson": "M", "Lena Holmgren": "V", "Erik Paavo": "C",
             "Johanna Stenberg": "SD", "Sara Mukka": None, "Olof Niemi": None},
    present=["Anna Lindqvist", "Per Nilsson", "Lena Holmgren", "Erik Paavo", "Johanna Stenberg", "Sara Mukka",
             "Olof Niemi"],
    chair="Anna Lindqvist",
    items={"12": "Budget 2023", "13": "Riktlinjer för hemtjänst", "14": "Medborgarförslag om utökad färdtjänst"},
    decisions={"12": 2, "13": 1, "14": 1},
    assignment="ta fram en plan för minskade kostnader för försörjningsstöd",
    referral=("14", "kommunstyrelsen"),
)

EXPECT: dict[str, dict] = {
    "kiruna-txt": {**KIRUNA_EXPECT, "persons": {**KIRUNA_EXPECT["persons"], "Mikael Kero": "S"},
                   "not_voting": "Mikael Kero"},
    "kiruna-pdf": {**KIRUNA_EXPECT, "persons": {**KIRUNA_EXPECT["persons"], "Mikael Kero": "S"},
                   "not_voting": "Mikael Kero"},
    "kiruna-docx": dict(KIRUNA_EXPECT),
    "gavle-html": dict(
        date="2022-09-06", body="Äldrenämnden", municipality="2180",
        persons={"Karin Gustafsson": "S", "Jonas Berglund": "M", "Maria Hedlund": "L"},
        present=["Karin Gustafsson", "Jonas Berglund", "Maria Hedlund"], chair="Karin Gustafsson",
        items={"101": "Val av justerare", "102": "Taxor för trygghetslarm 2023", "103": "Uppföljning av hemtjänsten"},
        decisions={"101": 1, "102": 1, "103": 1}),
    "norrbotten-memo": dict(
        date="2022-05-03", body="Länsnätverket",
        persons={"Helena Lundberg": None, "Tomas Sundqvist": None, "Eva Marklund": None},
        present=["Helena Lundberg", "Tomas Sundqvist", "Eva Marklund"],
        items={"1": "Föregående minnesanteckningar", "2": "Barn och unga i samhällets vård", "3": "Nästa möte"},
        decisions={}, any_decision=True,
        assignment="sammanställa kommunernas synpunkter", assignee="Eva Marklund"),
}

XFAIL: dict[tuple[str, str], str] = {
}

CHECKS = ["date", "body", "municipality", "persons", "present", "chair", "not_voting", "items", "decisions",
          "assignment", "referral", "quotes"]


@dataclass
class Extracted:
    doc: object
    props: dict
    x: object
    G: object

    @property
    def meeting(self) -> str:
        ms = [n for n, d in self.G.nodes(data=True) if d["label"] == "Meeting"
              and any(e["type"] == "HELD" for _, _, e in self.G.in_edges(n, data=True))]
        assert len(ms) == 1, f"expected one meeting held by a body, found {ms}"
        return ms[0]

    def nodes(self, label: str) -> dict[str, dict]:
        return {n: d for n, d in self.G.nodes(data=True) if d["label"] == label}

    def edges(self, type_: str, src: str | None = None, dst: str | None = None) -> list[tuple[str, str, dict]]:
        return [(u, v, d) for u, v, d in self.G.edges(data=True) if d["type"] == type_
                and (src is None or u == src) and (dst is None or v == dst)]

    def person(self, name: str) -> str | None:
        return next((n for n, d in self.nodes("Person").items() if d.get("name") == name), None)

    def items(self) -> dict[str, str]:
        return {self.G.nodes[v]["number"]: v for _, v, _ in self.edges("HAS_ITEM", src=self.meeting)}


def extract(path: Path, meta: dict | None = None) -> Extracted:
    from ingest.pipeline import build, extract_document
    from ingest.readers import read

    doc = read(path)
    props, x = extract_document(doc, meta or {})
    G, _, _ = build([(props, x)])
    return Extracted(doc, props, x, G)


@pytest.fixture(scope="module")
def variants(tmp_path_factory) -> dict[str, Extracted]:
    d = tmp_path_factory.mktemp("variants")
    return {
        "kiruna-txt": extract(write_txt(d / "kiruna-socialnamnden-2022-05-17.txt", KIRUNA)),
        "kiruna-pdf": extract(write_pdf(d / "kiruna-socialnamnden-2022-05-17.pdf", KIRUNA)),
        "kiruna-docx": extract(write_docx(d / "kiruna-socialnamnden-2022-05-17.docx")),
        "gavle-html": extract(write_txt(d / "gavle-aldrenamnden.html", GAVLE_HTML)),
        "norrbotten-memo": extract(write_txt(d / "norrbotten-minnesanteckningar.txt",
                                             MEMO.format(date_line=MEMO_DATE, gap="\n"))),
    }


# --------------------------------------------------------------------------- the checks

def check_date(e: Extracted, want: dict) -> None:
    assert e.G.nodes[e.meeting].get("date") == want["date"]
    assert e.G.nodes[e.doc.id].get("date") == want["date"]


def check_body(e: Extracted, want: dict) -> None:
    bodies = [e.G.nodes[u] for u, _, _ in e.edges("HELD", dst=e.meeting)]
    assert len(bodies) == 1
    assert bodies[0]["name"].startswith(want["body"]), bodies[0]


def check_municipality(e: Extracted, want: dict) -> None:
    body = next(u for u, _, _ in e.edges("HELD", dst=e.meeting))
    tied = e.G.nodes[body].get("municipality") == want["municipality"] or any(
        v == f"municipality:{want['municipality']}" for _, v, _ in e.edges("BELONGS_TO", src=body))
    assert tied, f"{body} is not tied to municipality {want['municipality']}"


def check_persons(e: Extracted, want: dict) -> None:
    got = {d["name"]: d.get("party") for d in e.nodes("Person").values()}
    for name, party in want["persons"].items():
        assert name in got, f"{name} is not a Person (persons: {sorted(got)})"
        assert got[name] == party, f"{name}: party {got[name]!r}, the document says {party!r}"
    boiler = [n for n in got if any(w in n.lower() for w in ("hoppa", "kakor", "start", "protokoll", "beslut"))]
    assert not boiler, boiler


def check_present(e: Extracted, want: dict) -> None:
    for name in want["present"]:
        pid = e.person(name)
        assert pid, f"{name} is not a Person"
        assert e.edges("ATTENDED", src=pid, dst=e.meeting), f"{name} did not attend"


def check_chair(e: Extracted, want: dict) -> None:
    pid = e.person(want["chair"])
    assert pid
    roles = {d.get("role") for _, _, d in e.edges("ATTENDED", src=pid)} | \
            {d.get("role") for _, _, d in e.edges("MEMBER_OF", src=pid)} | \
            {e.G.nodes[v].get("title") for _, v, _ in e.edges("HOLDS", src=pid)}
    assert "ordförande" in roles, roles


def check_not_voting(e: Extracted, want: dict) -> None:
    pid = e.person(want["not_voting"])
    assert pid, f"{want['not_voting']} is not a Person"
    roles = {d.get("role") for _, _, d in e.edges("ATTENDED", src=pid)}
    assert "beslutande" not in roles, roles
    assert not any(d.get("role") == "ledamot" for _, _, d in e.edges("MEMBER_OF", src=pid))


def check_items(e: Extracted, want: dict) -> None:
    items = e.items()
    assert sorted(items, key=int) == sorted(want["items"], key=int), items
    for number, title in want["items"].items():
        assert e.G.nodes[items[number]]["title"] == title


def check_decisions(e: Extracted, want: dict) -> None:
    items = e.items()
    total = sum(len(e.edges("HAS_DECISION", src=i)) for i in items.values())
    assert total >= 1, "no decision at all"
    for number, n in want["decisions"].items():
        got = len(e.edges("HAS_DECISION", src=items[number]))
        assert got == n, f"item {number}: {got} decisions, the document has {n}"


def check_assignment(e: Extracted, want: dict) -> None:
    hits = [n for n, d in e.nodes("Assignment").items() if want["assignment"] in " ".join(d["task"].split())]
    assert hits, [d["task"] for d in e.nodes("Assignment").values()]
    if "assignee" in want:
        pid = e.person(want["assignee"])
        assert any(e.edges("ASSIGNED_TO", src=a, dst=pid) for a in hits)


def check_referral(e: Extracted, want: dict) -> None:
    number, to = want["referral"]
    item = e.items()[number]
    sources = [item] + [v for _, v, _ in e.edges("HAS_DECISION", src=item)]
    targets = {e.G.nodes[v]["name"].lower() for s in sources for _, v, _ in e.edges("REFERRED_TO", src=s)}
    assert to in targets, targets


def check_quotes(e: Extracted, want: dict) -> None:
    text = e.doc.text
    bad = [m.key for m in e.x.mentions if text[m.evidence.start:m.evidence.end] != m.evidence.quote]
    bad += [f"{c.type} {c.src}->{c.dst}" for c in e.x.claims
            if text[c.evidence.start:c.evidence.end] != c.evidence.quote]
    bad += [f"{d['type']} {u}->{v}" for u, v, d in e.G.edges(data=True)
            if d.get("doc") != e.doc.id or text[d["start"]:d["end"]] != d["quote"]]
    assert not bad, bad[:20]
    assert e.G.nodes[e.doc.id]["text"] == text


# checks that only apply when the document has the thing (a chair, an assignment, …)
NEEDS = {"municipality": "municipality", "chair": "chair", "not_voting": "not_voting", "assignment": "assignment",
         "referral": "referral"}


def _params():
    out = []
    for variant, want in EXPECT.items():
        for check in CHECKS:
            if check in NEEDS and NEEDS[check] not in want:
                continue
            reason = XFAIL.get((variant, check))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(variant, check, id=f"{variant}:{check}", marks=marks))
    return out


@pytest.mark.parametrize("variant,check", _params())
def test_variant(variants, variant, check):
    globals()[f"check_{check}"](variants[variant], EXPECT[variant])


# --------------------------------------------------------------------------- layout details

def test_pdf_text_layer_is_read(variants):
    e = variants["kiruna-pdf"]
    assert e.doc.format == "pdf"
    assert "Socialnämnden" in e.doc.text and "§ 12 Budget 2023" in e.doc.text
    assert "Johanna Stenberg (SD)" in e.doc.text


def test_docx_tables_become_tab_separated_rows(variants):
    e = variants["kiruna-docx"]
    assert e.doc.format == "docx"
    assert "Anna Lindqvist\tS\tordförande" in e.doc.text
    assert "Sammanträdesdatum\t2022-05-17" in e.doc.text


def test_html_boilerplate_and_scripts_are_not_facts(variants):
    e = variants["gavle-html"]
    assert "tracking" not in e.doc.text  # <script> is dropped by the reader
    names = {d["name"] for d in e.nodes("Person").values()}
    assert "Anna Andersson" not in names
    assert not any("kakor" in (d.get("title") or "").lower() for d in e.nodes("AgendaItem").values())


def test_same_protocol_as_text_and_pdf_gives_the_same_people_and_items(variants):
    t, p = variants["kiruna-txt"], variants["kiruna-pdf"]
    people = lambda e: {(d["name"], d.get("party")) for d in e.nodes("Person").values()}  # noqa: E731
    items = lambda e: {(d["number"], d["title"]) for d in e.nodes("AgendaItem").values()}  # noqa: E731
    assert people(t) == people(p)
    assert items(t) == items(p)


MEMO_DATE_FORMS = [
    pytest.param("Datum: tisdagen den 3 maj 2022", id="labelled-datum"),
    pytest.param("Tid: tisdagen den 3 maj 2022, kl. 9.00-11.00", id="labelled-tid"),
    pytest.param("Möte tisdagen den 3 maj 2022 via Teams", id="in-a-sentence"),
    pytest.param("Tisdagen den 3 maj 2022", id="date-line-alone"),
]


@pytest.mark.parametrize("date_line", MEMO_DATE_FORMS)
def test_memo_date_forms(tmp_path, date_line):
    e = extract(write_txt(tmp_path / "memo.txt", MEMO.format(date_line=date_line, gap="\n")))
    assert e.G.nodes[e.meeting].get("date") == "2022-05-03"


def test_memo_points_without_blank_line_after_heading(tmp_path):
    text = MEMO.format(date_line=MEMO_DATE, gap="")
    e = extract(write_txt(tmp_path / "memo.txt", text))
    assert {d["number"] for d in e.nodes("AgendaItem").values()} == {"1", "2", "3"}


def test_same_named_bodies_of_two_municipalities_stay_apart(tmp_path):
    from ingest.pipeline import build, extract_document
    from ingest.readers import read

    kiruna = KIRUNA.replace("Sammanträdesdatum 2022-05-17", "Sammanträdesdatum: 2022-05-17")
    gallivare = kiruna.replace("KIRUNA KOMMUN", "GÄLLIVARE KOMMUN").replace("Anna Lindqvist", "Berit Koski")
    docs = [extract_document(read(write_txt(tmp_path / f"{n}.txt", t)), {})
            for n, t in (("kiruna", kiruna), ("gallivare", gallivare))]
    G, _, _ = build(docs)
    meetings = [n for n, d in G.nodes(data=True) if d["label"] == "Meeting"]
    assert len(meetings) == 2, meetings
    holders = {u for m in meetings for u, _, d in G.in_edges(m, data=True) if d["type"] == "HELD"}
    assert len(holders) == 2, f"both protocols' Socialnämnden resolved to {holders}"
