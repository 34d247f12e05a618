"""Readers, exercised for real: every fixture is generated inside tmp_path by the test itself."""
from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

import pytest

from ingest.readers import Document, ReadError, discover, read

CP1252_LINE = "Sammanträde med Socialnämnden i Östersunds kommun, ordförande Åsa Öberg"


def read_error(path: Path) -> str:
    """Read a file that must fail; return the message after checking it names the file on one line."""
    with pytest.raises(ReadError) as info:
        read(path)
    msg = str(info.value)
    assert path.name in msg
    assert "\n" not in msg and "\r" not in msg
    return msg


# --------------------------------------------------------------------------- txt

def test_txt_utf8(tmp_path):
    p = tmp_path / "protokoll.txt"
    data = "Protokoll\nKommunfullmäktige i Åre\n§ 1 Öppnande\n".encode("utf-8")
    p.write_bytes(data)
    doc = read(p)
    assert isinstance(doc, Document)
    assert doc.text == "Protokoll\nKommunfullmäktige i Åre\n§ 1 Öppnande\n"
    assert doc.format == "txt"
    assert doc.encoding == "utf-8"
    assert doc.warnings == []
    assert doc.name == "protokoll.txt"
    assert doc.path == str(p)
    assert doc.id == "doc:protokoll"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_txt_accepts_str_path(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Hej från Gävle\n", encoding="utf-8")
    assert read(str(p)).text == "Hej från Gävle\n"


def test_txt_utf8_bom_is_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    data = b"\xef\xbb\xbf" + "Närvarande: Åsa Öberg\n".encode("utf-8")
    p.write_bytes(data)
    doc = read(p)
    assert not doc.text.startswith("\ufeff")
    assert doc.text == "Närvarande: Åsa Öberg\n"
    assert doc.encoding == "utf-8-sig"
    assert doc.warnings == []
    assert doc.sha256 == hashlib.sha256(data).hexdigest()  # hash of the bytes, BOM included


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_txt_utf16_with_bom(tmp_path, codec):
    text = "Justering: Örjan Ängström\r\n§ 3 Äldreomsorg\r\n"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    p = tmp_path / "utf16.txt"
    p.write_bytes(bom + text.encode(codec))
    doc = read(p)
    assert not doc.text.startswith("\ufeff")
    assert doc.text == "Justering: Örjan Ängström\n§ 3 Äldreomsorg\n"
    assert doc.encoding == "utf-16"


def test_txt_cp1252_round_trips_swedish_letters_with_warning(tmp_path):
    p = tmp_path / "gammal.txt"
    data = CP1252_LINE.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is not UTF-8
    p.write_bytes(data)
    doc = read(p)
    assert doc.text == CP1252_LINE
    for ch in "äöÅÖ":  # the sentence has no lowercase å
        assert ch in doc.text
    assert doc.encoding == "cp1252"
    assert any("cp1252" in w for w in doc.warnings)
    assert all("\n" not in w for w in doc.warnings)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_txt_crlf_and_cr_normalised(tmp_path):
    p = tmp_path / "crlf.txt"
    data = "Rad ett\r\nRad två\r\n\r\nRad tre\rRad fyra\n".encode("utf-8")
    p.write_bytes(data)
    doc = read(p)
    assert doc.text == "Rad ett\nRad två\n\nRad tre\nRad fyra\n"
    assert "\r" not in doc.text
    assert doc.sha256 == hashlib.sha256(data).hexdigest()  # hash of the raw bytes, not the text


def test_txt_dot_text_extension(tmp_path):
    p = tmp_path / "anteckning.TEXT"
    p.write_text("Anteckning från mötet\n", encoding="utf-8")
    doc = read(p)
    assert doc.format == "txt"
    assert doc.text == "Anteckning från mötet\n"


# --------------------------------------------------------------------------- html

MUNICIPAL_PAGE = """<!DOCTYPE html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <title>Kommunstyrelsen – Härnösands kommun</title>
  <style>body { font-family: sans-serif; }</style>
</head>
<body>
  <nav>
    <a href="/">Startsida</a>
    <a href="/politik">Politik och påverkan</a>
  </nav>
  <script>var spårning = "hemligt skript som inte ska synas";</script>
  <main>
    <h1>Kommunstyrelsens sammanträde</h1>
    <p>Ärenden för mötet den 12 mars 2024 i Härnösand.</p>
    <ul>
      <li>Val av justerare</li>
      <li>
        Budget 2025 för äldreomsorgen
      </li>
      <li>Övriga frågor</li>
    </ul>
    <table>
      <tr>
        <th>Namn</th>
        <th>Parti</th>
        <th>Roll</th>
      </tr>
      <tr>
        <td>Åsa Öberg</td>
        <td>S</td>
        <td>Ordförande</td>
      </tr>
      <tr><td>Anna Berg</td><td>M</td><td>Ledamot</td></tr>
    </table>
    <!-- en kommentar som inte ska synas -->
  </main>
</body>
</html>
"""


def test_html_visible_text_bullets_and_table(tmp_path):
    p = tmp_path / "kallelse.html"
    data = MUNICIPAL_PAGE.encode("utf-8")
    p.write_bytes(data)
    doc = read(p)
    text = doc.text
    lines = text.split("\n")
    assert doc.format == "html"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    # script, style, head and comments are not visible text
    assert "hemligt skript" not in text
    assert "spårning" not in text
    assert "font-family" not in text
    assert "Härnösands kommun" not in text  # only in <title>
    assert "kommentar" not in text
    # visible text, with å ä ö intact
    assert "Kommunstyrelsens sammanträde" in lines
    assert "Ärenden för mötet den 12 mars 2024 i Härnösand." in lines
    assert "Politik och påverkan" in text
    # list items become bullet lines, in order, even when the <li> is pretty-printed
    bullets = [ln for ln in lines if ln.startswith("  • ")]
    assert bullets == ["  • Val av justerare", "  • Budget 2025 för äldreomsorgen", "  • Övriga frågor"]
    # table rows are tab-separated cells, pretty-printed or not
    assert "Namn\tParti\tRoll" in lines
    assert "Åsa Öberg\tS\tOrdförande" in lines
    assert "Anna Berg\tM\tLedamot" in lines
    # document order holds
    assert text.index("Kommunstyrelsens") < text.index("Val av") < text.index("Åsa Öberg")
    assert text.endswith("\n") and not text.startswith("\n")


def test_htm_extension_and_br(tmp_path):
    p = tmp_path / "sida.HTM"
    p.write_bytes("<html><body><p>Första raden<br>Andra raden</p></body></html>".encode("utf-8"))
    doc = read(p)
    assert doc.format == "html"
    assert doc.text.split("\n")[:2] == ["Första raden", "Andra raden"]


def test_html_iso_8859_1_with_meta_charset(tmp_path):
    page = ("<html><head><meta charset=\"iso-8859-1\"><title>Protokoll</title></head>"
            "<body><h1>Byggnadsnämnden i Älvdalen</h1>"
            "<p>Ordförande Åsa Öberg öppnade sammanträdet.</p></body></html>")
    data = page.encode("iso-8859-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    p = tmp_path / "latin1.html"
    p.write_bytes(data)
    doc = read(p)
    assert "Byggnadsnämnden i Älvdalen" in doc.text
    assert "Ordförande Åsa Öberg öppnade sammanträdet." in doc.text
    assert "\ufffd" not in doc.text and "Ã" not in doc.text
    assert doc.encoding is not None
    assert doc.encoding.lower().replace("_", "-") in {"iso-8859-1", "windows-1252", "cp1252", "latin-1"}


def test_html_with_only_script_is_an_error(tmp_path):
    p = tmp_path / "tom sida.html"
    p.write_bytes(b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    msg = read_error(p)
    assert "ingen text" in msg


# --------------------------------------------------------------------------- pdf

def _pdf_bytes(pages: list[list[str]], **canvas_kwargs) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, **canvas_kwargs)
    for lines in pages:
        c.setFont("Helvetica", 12)
        y = 780
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


PROTOCOL_PAGES = [
    ["Protokoll", "Kommunstyrelsen i Östersunds kommun", "Sammanträdesdatum 2024-03-12",
     "Ordförande Åsa Öberg"],
    ["§ 12 Budget 2025", "Beslut: Kommunstyrelsen godkänner förslaget.", "Justerare Märta Ångström"],
]


def test_pdf_two_page_protocol(tmp_path):
    p = tmp_path / "protokoll 2024-03-12.pdf"
    data = _pdf_bytes(PROTOCOL_PAGES)
    p.write_bytes(data)
    doc = read(p)
    assert doc.format == "pdf"
    assert doc.encoding is None
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    for s in ["Protokoll", "Sammanträdesdatum 2024-03-12", "§ 12 Budget 2025", "Åsa Öberg",
              "Östersunds kommun", "godkänner förslaget", "Märta Ångström"]:
        assert s in doc.text, s
    # pages in order, separated by a blank line
    assert doc.text.index("Åsa Öberg") < doc.text.index("§ 12 Budget 2025")
    assert "\n\n" in doc.text[doc.text.index("Åsa Öberg"):doc.text.index("§ 12")]
    assert doc.text.endswith("\n")


def test_pdf_with_user_password_is_refused(tmp_path):
    p = tmp_path / "hemlig.pdf"
    p.write_bytes(_pdf_bytes(PROTOCOL_PAGES, encrypt="hemligt"))
    msg = read_error(p)
    assert "lösenord" in msg


def test_pdf_encrypted_with_pypdf_user_password_is_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf_bytes(PROTOCOL_PAGES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="hemligt", owner_password="ägare", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    p = tmp_path / "krypterad.pdf"
    p.write_bytes(buf.getvalue())
    assert "lösenord" in read_error(p)


def test_pdf_with_only_owner_password_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption(userPassword="", ownerPassword="ägare", canModify=0)
    p = tmp_path / "skrivskyddad.pdf"
    p.write_bytes(_pdf_bytes(PROTOCOL_PAGES, encrypt=enc))
    doc = read(p)
    assert "Sammanträdesdatum 2024-03-12" in doc.text
    assert "Åsa Öberg" in doc.text


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 300, 200, fill=1)
    c.showPage()
    c.save()
    p = tmp_path / "inskannad.pdf"
    p.write_bytes(buf.getvalue())
    assert "OCR" in read_error(p)


def test_pdf_truncated(tmp_path):
    p = tmp_path / "avbruten.pdf"
    p.write_bytes(_pdf_bytes(PROTOCOL_PAGES)[:200])
    read_error(p)


def test_pdf_that_is_text_is_read_as_text_with_a_warning(tmp_path):
    p = tmp_path / "fel.pdf"
    p.write_bytes("Det här är ingen PDF, bara text.\n".encode("utf-8"))
    doc = read(p)
    assert doc.format == "txt" and doc.text.startswith("Det här är ingen PDF")
    assert any("filändelsen .pdf" in w and ".txt" in w for w in doc.warnings)


def test_pdf_that_is_garbage_is_refused(tmp_path):
    p = tmp_path / "fel.pdf"
    p.write_bytes(bytes(range(256)) * 8)
    read_error(p)


# --------------------------------------------------------------------------- docx

def _save_docx(doc, path: Path) -> bytes:
    doc.save(str(path))
    return path.read_bytes()


def test_docx_paragraphs_and_table_in_body_order(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Protokoll Kommunfullmäktige", level=1)
    d.add_paragraph("Sammanträdesdatum 2024-03-12")
    d.add_paragraph("Plats: Ale kommunhus, Nödinge")
    table = d.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["Namn", "Kommun", "Roll"]):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["Anna Berg (S)", "Ale kommun", "Ordförande"]):
        cell.text = value
    d.add_paragraph("§ 12 Budget 2025 för Älvängens skola")
    p = tmp_path / "protokoll.docx"
    data = _save_docx(d, p)

    doc = read(p)
    assert doc.format == "docx"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    lines = doc.text.split("\n")
    assert "Anna Berg (S)\tAle kommun\tOrdförande" in lines
    assert "Namn\tKommun\tRoll" in lines
    order = ["Protokoll Kommunfullmäktige", "Sammanträdesdatum 2024-03-12", "Plats: Ale kommunhus, Nödinge",
             "Namn\tKommun\tRoll", "Anna Berg (S)\tAle kommun\tOrdförande",
             "§ 12 Budget 2025 för Älvängens skola"]
    assert [ln for ln in lines if ln] == order
    assert doc.text.endswith("\n")


def test_docx_table_keeps_equal_and_empty_neighbour_cells(tmp_path):
    """A voting list has many adjacent cells with the same text; only merged cells collapse."""
    import docx

    d = docx.Document()
    d.add_paragraph("Omröstningslista § 12")
    table = d.add_table(rows=3, cols=4)
    rows = [["Ledamot", "Ja", "Nej", "Avstår"],
            ["Anna Berg (S)", "X", "", ""],
            ["Erik Ek (M)", "", "", "X"]]
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    merged = d.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1))
    merged.cell(0, 0).text = "Sammanslagen rubrik"
    merged.cell(0, 2).text = "Sista"
    p = tmp_path / "omrostning.docx"
    _save_docx(d, p)

    lines = read(p).text.split("\n")
    assert "Ledamot\tJa\tNej\tAvstår" in lines
    assert "Anna Berg (S)\tX\t\t" in lines or "Anna Berg (S)\tX" in lines
    assert "Erik Ek (M)\t\t\tX" in lines
    assert "Sammanslagen rubrik\tSista" in lines


def test_docx_that_is_text_is_read_as_text_with_a_warning(tmp_path):
    p = tmp_path / "x.docx"
    p.write_bytes("Det här är ingen Word-fil.\n".encode("utf-8"))
    doc = read(p)
    assert doc.format == "txt"
    assert any("filändelsen .docx" in w for w in doc.warnings)


def test_docx_that_is_not_a_zip(tmp_path):
    p = tmp_path / "x.docx"
    p.write_bytes(bytes(range(256)) * 8)
    assert "docx" in read_error(p)


@pytest.mark.parametrize("head,kind", [(b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff\xe0", "JPEG"),
                                       (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"), (b"{\\rtf1\\ansi", "RTF")])
def test_other_kinds_behind_a_document_extension_are_named(tmp_path, head, kind):
    p = tmp_path / "protokoll.txt"
    p.write_bytes(head + bytes(range(256)) * 4)
    assert kind in read_error(p)


def test_a_pdf_named_txt_is_read_as_pdf(tmp_path):
    p = tmp_path / "protokoll 2024-03-12.txt"
    p.write_bytes(_pdf_bytes(PROTOCOL_PAGES))
    doc = read(p)
    assert doc.format == "pdf" and "Åsa Öberg" in doc.text
    assert any("lästes som PDF" in w for w in doc.warnings)


def test_docx_zip_without_word_content(tmp_path):
    import zipfile

    p = tmp_path / "inte word.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hej.txt", "ingen Word-fil här")
    assert "docx" in read_error(p)


# --------------------------------------------------------------------------- errors

def test_empty_file(tmp_path):
    p = tmp_path / "tom.txt"
    p.write_bytes(b"")
    assert "tom" in read_error(p)


def test_whitespace_only_file(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_bytes(b"  \n\t\r\n   \n")
    read_error(p)


@pytest.mark.parametrize("name", ["tom.pdf", "tom.docx", "tom.html"])
def test_empty_file_of_every_format(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(b"")
    read_error(p)


def test_unsupported_extension(tmp_path):
    p = tmp_path / "närvarolista.xlsx"
    p.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    msg = read_error(p)
    assert ".xlsx" in msg


def test_no_extension(tmp_path):
    p = tmp_path / "README"
    p.write_text("hej", encoding="utf-8")
    read_error(p)


def test_binary_garbage_in_txt(tmp_path):
    p = tmp_path / "skräp.txt"
    data = random.Random(0).randbytes(4096)
    assert not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    p.write_bytes(data)
    read_error(p)


def test_utf8_bom_followed_by_invalid_bytes(tmp_path):
    p = tmp_path / "trasig bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + CP1252_LINE.encode("cp1252"))
    read_error(p)


def test_odd_length_utf16(tmp_path):
    p = tmp_path / "trasig utf16.txt"
    p.write_bytes(b"\xff\xfe" + "Hej".encode("utf-16-le") + b"\x00")
    read_error(p)


def test_missing_file(tmp_path):
    read_error(tmp_path / "finns inte.txt")


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVGRAPH_MAX_BYTES", "10")
    p = tmp_path / "stor.txt"
    p.write_text("Det här är längre än tio byte.\n", encoding="utf-8")
    assert "GOVGRAPH_MAX_BYTES" in read_error(p)


# --------------------------------------------------------------------------- discover and paths

def test_discover_recursive_sorted_skipping_hidden(tmp_path):
    root = tmp_path / "protokoll"
    (root / "2023").mkdir(parents=True)
    (root / "2024" / "mars").mkdir(parents=True)
    (root / ".git").mkdir()
    files = [root / "a.txt", root / "b.PDF", root / "2023" / "kf.docx", root / "2024" / "ks.html",
             root / "2024" / "mars" / "bn.htm", root / "2024" / "anteckning.text"]
    for f in files:
        f.write_bytes(b"x")
    skipped = [root / ".dold.txt", root / ".git" / "intern.txt", root / "lista.xlsx",
               root / "2024" / "bild.png", root / "2024" / "utan_andelse"]
    for f in skipped:
        f.write_bytes(b"x")

    found, notes = discover([root])
    assert set(found) == set(files)
    assert len(found) == len(files)
    assert isinstance(notes, list)
    # deterministic: the same call gives the same order, and within a folder names are sorted
    assert discover([root])[0] == found
    for folder in {f.parent for f in found}:
        names = [f.name for f in found if f.parent == folder]
        assert names == sorted(names)
    # subfolders are visited in sorted order
    assert found.index(root / "2023" / "kf.docx") < found.index(root / "2024" / "ks.html")


def test_discover_files_and_duplicates(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("a", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    b = sub / "b.txt"
    b.write_text("b", encoding="utf-8")
    found, _ = discover([a, tmp_path, str(b)])
    assert found == [a, b]  # each file once, first mention wins


def test_discover_missing_path(tmp_path):
    with pytest.raises(ReadError) as info:
        discover([tmp_path / "saknas"])
    assert "saknas" in str(info.value) and "\n" not in str(info.value)


def test_path_with_spaces_and_swedish_letters(tmp_path):
    folder = tmp_path / "Kommunstyrelsen 2024 – Åre"
    folder.mkdir()
    p = folder / "Mötes protokoll å.txt"
    p.write_text("Sammanträde i Åre kommun\r\nÖrjan Ärlig\r\n", encoding="utf-8")
    found, _ = discover([tmp_path])
    assert found == [p]
    doc = read(found[0])
    assert doc.name == "Mötes protokoll å.txt"
    assert doc.path == str(p)
    assert doc.id == "doc:motes-protokoll-a"
    assert doc.text == "Sammanträde i Åre kommun\nÖrjan Ärlig\n"


def test_error_message_names_file_with_swedish_path(tmp_path):
    p = tmp_path / "Mötes protokoll å.txt"
    p.write_bytes(b"   ")
    msg = read_error(p)
    assert "Mötes protokoll å.txt" in msg
