"""Titles written next to names (ingest/extract/titles.py), in the layouts real minutes use."""
from __future__ import annotations

import pytest

from ingest.evaluate.scoring import _title_ok
from ingest.extract.names import split_title
from ingest.extract.titles import _head, _title_at


def held(tmp_path, text: str, rule: str | None = None) -> set[tuple[str, str]]:
    """(person, title) of every HOLDS the rules (or one rule) find in a document of this text."""
    from ingest.pipeline import extract_document
    from ingest.readers import read

    path = tmp_path / "protokoll.txt"
    path.write_text(text, encoding="utf-8")
    _, x = extract_document(read(path))
    by_key = {m.key: m for m in x.mentions}
    return {(by_key[c.src].props["name"], by_key[c.dst].props["title"]) for c in x.claims
            if c.type == "HOLDS" and rule in (None, c.evidence.rule)}


def phrase(text: str):
    toks = [(0, 0, w) for w in text.split()]
    return _title_at(toks, 0)


@pytest.mark.parametrize("text, title, plural", [
    ("tf verksamhetschef", "tillförordnad verksamhetschef", False),
    ("politisk sekreterare", "politisk sekreterare", False),
    ("administrativ chef", "administrativ chef", False),
    ("medicinskt ansvarig sjuksköterska", "medicinskt ansvarig sjuksköterska", False),
    ("hälso- och sjukvårdschef", "hälso- och sjukvårdschef", False),
    ("1:e vice ordf", "1:e vice ordförande", False),
    ("HR-direktör", "hr-direktör", False),
    ("enhetschef/utvecklingsstrateg", "enhetschef/utvecklingsstrateg", False),
    ("avdelningschefer", "avdelningschef", True),
    ("Utvärderarna", "utvärderare", True),
    ("Skogslänsgruppens ordförande", "skogslänsgruppens ordförande", False),
])
def test_title_phrases(text, title, plural):
    t = phrase(text)
    assert t is not None and t[1:] == (title, plural)


@pytest.mark.parametrize("word", ["Kommunhuset", "Socialnämnden", "beslut", "chef", "chefer", "information", "ordinarie"])
def test_ordinary_words_are_no_titles(word):
    assert _head(word) is None


def test_name_comma_title_and_title_name_in_one_list(tmp_path):
    got = held(tmp_path, "Protokoll\n\nÖvriga närvarande: Anne-Li Lehnberg, politisk sekreterare Eva Wikström, "
                         "HR-direktör Olle Romlin, politisk sekreterare\n\nSocialdirektör Pernilla Thunander "
                         "föredrar ärendet.\n")
    assert {("Anne-Li Lehnberg", "politisk sekreterare"), ("Eva Wikström", "hr-direktör"),
            ("Olle Romlin", "politisk sekreterare"), ("Pernilla Thunander", "socialdirektör")} <= got
    assert ("Eva Wikström", "politisk sekreterare") not in got


def test_run_on_names_and_titles_without_commas(tmp_path):
    got = held(tmp_path, "Tjänstemän Sune Samson tf landstingsdirektör Göran Jonsson ekonomidirektör "
                         "Mats Bertheden folkhälsochef Göran Wiebe kanslidirektör, sekreterare\n")
    assert {("Sune Samson", "tillförordnad landstingsdirektör"), ("Göran Jonsson", "ekonomidirektör"),
            ("Mats Bertheden", "folkhälsochef"), ("Göran Wiebe", "kanslidirektör"),
            ("Göran Wiebe", "sekreterare")} <= got
    assert ("Göran Jonsson", "tillförordnad landstingsdirektör") not in got


def test_titles_before_names_in_a_list(tmp_path):
    got = held(tmp_path, "Övriga närvarande Förvaltningschef, Maria Holm Ekonomichef Karin Lund Personalchef "
                         "Per Olsson 55 Avdelningschef Arbetsmarknad och sysselsättning Maria Nilsson 55\n\n"
                         "- Månadsrapport, tillförordnad förvaltningschef Anna Berg samt avdelningschefer "
                         "Lena Ek, Eva Strand samt Jenny Holm - Workshop\n")
    assert {("Maria Holm", "förvaltningschef"), ("Karin Lund", "ekonomichef"), ("Per Olsson", "personalchef"),
            ("Maria Nilsson", "avdelningschef"), ("Anna Berg", "tillförordnad förvaltningschef"),
            ("Lena Ek", "avdelningschef"), ("Eva Strand", "avdelningschef"), ("Jenny Holm", "avdelningschef")} <= got
    assert ("Karin Lund", "personalchef") not in got


def test_a_presidium_in_running_text(tmp_path):
    got = held(tmp_path, "Ett presidium valdes också: Niklas Daoson ordförande, Karin Jonsson 1:e vice ordförande, "
                         "Simon Högberg 2:e vice ordförande. Vidare antogs en tidplan.\n")
    assert {("Karin Jonsson", "1:e vice ordförande"), ("Simon Högberg", "2:e vice ordförande")} <= got
    assert ("Simon Högberg", "1:e vice ordförande") not in got


def test_title_on_the_line_below_and_a_line_as_one_entry(tmp_path):
    got = held(tmp_path, "Socialnämnden antar överenskommelsen.\nPatrik Jonsson\nSocialchef\nExpedieras till\n\n"
                         "Övriga deltagare\nHenrik Lindström\tÅre kommun\tStabschef\n"
                         "Erik Fredriksson\tÖstersunds kommun\tFörvaltningschef\n")
    assert {("Patrik Jonsson", "socialchef"), ("Henrik Lindström", "stabschef"),
            ("Erik Fredriksson", "förvaltningschef")} <= got
    assert ("Erik Fredriksson", "stabschef") not in got


def test_labels_of_a_signature_are_no_titles(tmp_path):
    got = held(tmp_path, "Underskrifter\nSekreterare\nTobias Ljung\nOrdförande\nJenny Sundqvist\n\n"
                         "Justeras av: Elin Ring\nSekreterare\n")
    assert not {t for t in got if t[1] in ("sekreterare", "ordförande")}


def test_a_genitive_organ_with_the_title_and_a_place_after_a_title(tmp_path):
    got = held(tmp_path, "Gunilla Svantorp, landstinget Inledning Skogslänsgruppens ordförande Matts Lundgren "
                         "hälsar samtliga välkomna.\n\nLena Wallin, samordnare Barnahus Halland, sekreterare\n")
    assert ("Matts Lundgren", "skogslänsgruppens ordförande") in got
    assert ("Gunilla Svantorp", "skogslänsgruppens ordförande") not in got
    got = held(tmp_path, "Storumans kommun\nSocialnämnden\nPROTOKOLL\n\nSammanträdesdatum 2024-04-09\n\n"
                         "Beslutande\nEva Lund (S), ordförande\n\nÖvriga närvarande\n"
                         "Lena Wallin, samordnare Barnahus Halland, sekreterare\n")
    assert not {t for t in got if t[0] == "Barnahus Halland"}


def test_the_scorer_reads_abbreviations_written_out():
    assert _title_ok("tf verksamhetschef", "tillförordnad verksamhetschef")
    assert _title_ok("1:e vice ordf", "1:e vice ordförande")
    assert _title_ok("Avdelningschef Arbetsmarknad och sysselsättning", "avdelningschef")
    assert not _title_ok("ordförande", "vice ordförande")
    assert split_title("enhetschef/utvecklingsstrateg") == ("enhetschef/utvecklingsstrateg", None)


def test_an_organisation_between_name_and_title(tmp_path):
    got = held(tmp_path, "Närvarande Anna Svensson, Region Gävleborg, verksamhetschef Bo Ek, Region Uppsala, "
                         "ekonom Lena Holm, Hofors kommun, utredare\n")
    assert {("Anna Svensson", "verksamhetschef"), ("Bo Ek", "ekonom"), ("Lena Holm", "utredare")} <= got
    assert ("Bo Ek", "verksamhetschef") not in got


def test_the_signers_of_run_on_minutes_hold_no_office_by_signing(tmp_path):
    got = held(tmp_path, "Justeringens tid och plats Kommunkontoret Underskrift... Siv Bäckström, sekreterare... "
                         "Mikael Lindfors, ordförande... Gudrun Gustafsson, justerare BEVIS OM ANSLAG\n")
    assert ("Siv Bäckström", "sekreterare") in got
    assert not {t for t in got if t[1] in ("justerare", "ordförande")}


def test_a_name_between_two_titles_of_a_list(tmp_path):
    got = held(tmp_path, "Övriga närvarande Förvaltningschef, Silvia Sandin-Viberg Sekreterare, Inger Nilsson\n")
    assert ("Silvia Sandin-Viberg", "förvaltningschef") in got


def test_the_title_of_a_persons_role_in_a_sentence(tmp_path):
    got = held(tmp_path, "Ärenden\n\n • Jenny Sjöström informerar om sitt uppdrag som kommunpolis i Kungsbacka.\n"
                         " • Anna Berg redogör för budgeten. Arbetet leds av en samordnare.\n")
    assert ("Jenny Sjöström", "kommunpolis") in got
    assert not {t for t in got if t[0] == "Anna Berg"}


def test_a_dash_between_name_and_title(tmp_path):
    got = held(tmp_path, "Övriga deltagare Anna Svensson – socialchef Bo Ek – ekonom Lena Holm – utredare\n")
    assert {("Anna Svensson", "socialchef"), ("Bo Ek", "ekonom"), ("Lena Holm", "utredare")} <= got
    assert ("Bo Ek", "socialchef") not in got


@pytest.mark.parametrize("raw, title", [("förste vice ordf.", "1:e vice ordförande"),
                                        ("andre vice ordförande", "2:e vice ordförande"),
                                        ("1: e vice ordförande", "1:e vice ordförande"),
                                        ("3:e vice ordförande", "3:e vice ordförande")])
def test_a_vice_chairs_ordinal_is_part_of_the_title(raw, title):
    # "Bo Frank (m), förste vice ordf.", "Monika Eriksson, 1: e vice ordförande" (a PDF's space after the colon)
    from ingest.extract.names import split_title
    assert split_title(raw)[0] == title
