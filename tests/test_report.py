"""The review dossier (govgraph report): for SocSam, for SVOM and for the whole structure every line rests on at
least one fact whose quote is exactly its span in the document; the text of documents is never markup."""
from __future__ import annotations

import re

import pytest

from graph import report
from graph.model import GovgraphError


def texts(store) -> dict[str, str]:
    return {r["id"]: r["t"] for r in store.records("MATCH (d:Document) RETURN d.id AS id, d.text AS t")}


def check_sourced(dossier, store) -> int:
    docs = texts(store)
    n = 0
    for sec in dossier.sections:
        for ln in sec.lines:
            assert ln.sources, f"{sec.title}: a line without a source: {ln.text}"
            for s in ln.sources:
                assert docs[s.doc][s.start:s.end] == s.quote, (sec.title, ln.text, s)
            n += 1
    return n


@pytest.mark.parametrize("short", ["SocSam", "SVOM"])
def test_every_line_of_a_body_dossier_is_sourced(sample_store, short):
    d = report.body_dossier(sample_store, report.find_body(sample_store, short), as_of="2026-12-01")
    assert check_sourced(d, sample_store) >= 8
    titles = [s.title for s in d.sections]
    assert titles == ["Uppdrag och sammansättning enligt texten", "Ledamöter per kommun, parti och roll",
                      "Möten per år och planerade datum", "Rapporterings- och beredningsvägar",
                      "Ärenden som passerat organet", "Öppna uppdrag", "Administrativt stöd",
                      "Överlapp med andra organ"]


def test_the_socsam_dossier_reads_as_a_brief(sample_store):
    d = report.body_dossier(sample_store, "body:socsam", as_of="2026-12-01")
    md = report.to_markdown(d)
    assert "rapporterar till Kommunförbundet Jämtland Härjedalens styrelse" in md
    assert re.search(r"Kommun Östersund: \d+ – .*Margareta Winberg", md)
    assert "Roll ordförande: 1 – Margareta Winberg" in md
    assert "2023: 2 möten (2023-03-24, 2023-10-13)" in md
    assert "Skrivelse angående samverkan mellan Jämtlands läns kommuner och psykiatri" in md
    assert "även hos Sociala vård- och omsorgsgruppen" in md  # the matter went on to SVOM
    assert "Elin Ring (sekreterare)" in md
    notes = re.findall(r"^\[\^(\d+)\]: ", md, re.M)
    used = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    assert notes and used == set(notes)  # every note used, every reference has its note


def test_the_svom_dossier_names_who_prepares_for_it(sample_store):
    md = report.to_markdown(report.body_dossier(sample_store, "body:svom", as_of="2026-12-01"))
    assert "Fredagsgruppen bereder åt SVOM" in md and "SamReKo HSI bereder åt SVOM" in md
    assert "efterträdde LAKO" in md
    assert "Planerat:" in md and "Sammanträdestider" in md


def test_the_structure_dossier_is_sourced_and_lists_every_body_that_met(sample_store):
    d = report.structure_dossier(sample_store, as_of="2026-12-01")
    check_sourced(d, sample_store)
    met = sample_store.records("MATCH (b:Body)-[:HELD]->(:Meeting) RETURN count(DISTINCT b) AS n")[0]["n"]
    assert len(d.sections[0].lines) == met


def test_find_body_says_when_a_name_is_unknown_or_ambiguous(sample_store):
    assert report.find_body(sample_store, "svom") == "body:svom"
    with pytest.raises(GovgraphError, match="inget organ"):
        report.find_body(sample_store, "Finns inte-nämnden")


def test_document_text_is_never_markup_in_markdown_or_html():
    src = report.Source("doc:x", "x.txt", "§ 1", 0, 10, "<script>alert(1)</script> [länk](javascript:x)")
    d = report.Dossier("<b>Organ</b>", "under", [report.Section("S", [report.Line("Namn <img src=x onerror=y>",
                                                                                  [src])])])
    page = report.to_html(d)
    assert "<script>" not in page and "<img" not in page and "&lt;img src=x onerror=y&gt;" in page
    md = report.to_markdown(d)
    assert not re.search(r"(?<!\\)<(img|b|script)", md) and "\\[länk\\]" in md


def test_report_from_the_cli_in_both_formats(sample_db, tmp_path):
    from click.testing import CliRunner

    from govgraph.cli import cli

    res = CliRunner().invoke(cli, ["report", "SocSam", "--db", str(sample_db), "--as-of", "2026-12-01"])
    assert res.exit_code == 0 and res.output.startswith("# Sociala samrådsgruppen (SocSam)")
    out = tmp_path / "svom.html"
    res = CliRunner().invoke(cli, ["report", "SVOM", "--format", "html", "--out", str(out), "--db", str(sample_db)])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    res = CliRunner().invoke(cli, ["report", "--db", str(sample_db)])
    assert res.exit_code == 0 and "# Samverkansstrukturen" in res.output
