"""Property-based tests with hypothesis: the readers, segmentation and extraction never crash on any input, and
every invariant holds on what they return — a quote equals its span, a label or type is in the schema, an
offset lies inside the text. The inputs mix random bytes and characters with the pieces real minutes are made of
(paragraph marks, Swedish dates, names with party codes, attendance headings), so the rules' paths are reached."""
from __future__ import annotations

import hashlib
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import schema
from ingest.pipeline import build, extract_document
from ingest.readers import SUPPORTED, Document, ReadError, read
from ingest.segment import segment

PIECES = ["Protokoll", "Sammanträdesdatum", "2024-03-12", "den 5 mars 2023", "12 okt. 2023", "§ 12", "§12", "SON 108",
          "Närvarande:", "Ledamöter", "Ersättare", "Tjänstgörande ersättare", "Övriga närvarande", "Justerare",
          "Ordförande", "Sekreterare", "Åsa Öberg (S)", "Per Ångström (M)", "Märta Ödmark (C)", "Lars Berg, KD",
          "Socialnämnden", "Kommunstyrelsen", "Region Jämtland Härjedalen", "Östersunds kommun", "Åre kommun",
          "SocSam", "SVOM", "Beslut", "Beslutet skickas till", "Förslag till beslut", "Dnr SN 2023/45",
          "uppdrar åt", "att återrapportera", "överlämnas till", "Ärendet", "Bilaga 1", "Paragrafer", "1.", "•",
          "\t", "\n", "\n\n", " ", ":", ",", "–", "(", ")", "å", "ä", "ö", "Å", "Ä", "Ö", "é"]

_flat = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=120).map("".join)
# lines of pieces, as minutes are laid out: these reach the attendance, decision and referral rules
_lines = st.lists(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), min_size=1, max_size=8)
                  .map(" ".join), max_size=40).map("\n".join)
minutes_text = st.one_of(_flat, _lines)


def _document(text: str, name: str = "egen.txt") -> Document:
    return Document(id="doc:egen", name=name, path=name, format="txt", text=text,
                    sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


# --------------------------------------------------------------------------- readers

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), ext=st.sampled_from(sorted(SUPPORTED)),
       head=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html><body>",
                             b"\x89PNG\r\n\x1a\n", b"{\\rtf1"]))
def test_a_reader_returns_a_document_or_one_line_naming_the_file(tmp_path, data, ext, head):
    p = tmp_path / f"fil{ext}"
    p.write_bytes(head + data)
    try:
        doc = read(p)
    except ReadError as e:
        msg = str(e)
        assert str(p) in msg and "\n" not in msg and ";" in msg
        return
    assert doc.text.strip() and "\r" not in doc.text
    assert doc.format in SUPPORTED.values()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(st.sampled_from(["word/document.xml", "[Content_Types].xml", "x.bin",
                                                   "word/_rels/document.xml.rels"]), st.binary(max_size=400)),
                        max_size=4, unique_by=lambda e: e[0]))
def test_a_broken_word_package_is_one_line(tmp_path, entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, payload in entries:
            z.writestr(name, payload)
    p = tmp_path / "protokoll.docx"
    p.write_bytes(buf.getvalue())
    try:
        read(p)
    except ReadError as e:
        assert "protokoll.docx" in str(e) and "\n" not in str(e)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=minutes_text, enc=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_text_in_any_encoding_reads_back_as_written(tmp_path, text, enc):
    text = text.replace("\r", "")
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        return
    p = tmp_path / "protokoll.txt"
    p.write_bytes(data)
    try:
        doc = read(p)
    except ReadError:
        assert not text.strip() or any(ch < " " and ch not in "\t\n" for ch in text) or enc == "cp1252"
        return
    if enc != "cp1252" or text.isascii():  # a short single-byte text can be taken for another code page
        assert doc.text == text


# --------------------------------------------------------------------------- segmentation

@settings(max_examples=120, deadline=None)
@given(text=minutes_text)
def test_segmentation_never_crashes_and_keeps_offsets_inside_the_text(text):
    seg = segment(text)
    assert len(seg.masked) == len(text)
    for ln in seg.lines:
        assert 0 <= ln.start <= ln.end <= len(text)
    for sec in seg.sections:
        assert 0 <= sec.start <= sec.end <= len(text)
        for row in sec.rows:
            assert sec.start <= row.start <= row.end <= len(text)


# --------------------------------------------------------------------------- extraction and the graph

@settings(max_examples=80, deadline=None)
@given(text=minutes_text)
def test_extraction_quotes_equal_their_spans_and_labels_are_in_the_schema(text):
    if not text.strip():
        return
    doc = _document(text)
    props, x = extract_document(doc)
    labels = set(schema.NODE_LABELS)
    for m in x.mentions:
        assert m.label in labels, m
        e = m.evidence
        assert 0 <= e.start <= e.end <= len(text), m
        assert text[e.start:e.end] == e.quote, m
    for c in x.claims:
        assert c.type in schema.REL_TYPES, c
        e = c.evidence
        assert 0 <= e.start <= e.end <= len(text) and text[e.start:e.end] == e.quote, c
        assert e.quote, f"a fact without a quote: {c}"
    G, warnings, _ = build([(props, x)])
    for u, v, d in G.edges(data=True):
        assert (d["type"], G.nodes[u]["label"], G.nodes[v]["label"]) in schema.ALLOWED, (u, v, d["type"])
        assert d.get("quote") and text[d["start"]:d["end"]] == d["quote"], (u, v, d)
    for w in warnings:
        if w.start is not None:
            assert 0 <= w.start <= (w.end or w.start) <= len(text)
