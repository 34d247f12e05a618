"""graph/text.py: the one notion of a sentence and the one spelling of a genitive that every floor uses."""
from __future__ import annotations

import pytest

from graph.text import (genitive, genitive_forms, sentence_around, sentence_bounds, sentences,
                        wrapped_sentence_start)


@pytest.mark.parametrize("name, expected", [
    ("SocSam", "SocSam:s"), ("SVOM", "SVOM:s"), ("IVO", "IVO:s"), ("BUZ", "BUZ:s"),
    ("Östersund", "Östersunds"), ("Kramfors", "Kramfors"), ("Dals-Ed", "Dals-Eds"),
    ("Sociala samrådsgruppen", "Sociala samrådsgruppens"),
    ("Kommunförbundet Jämtland Härjedalen", "Kommunförbundet Jämtland Härjedalens"),
])
def test_genitive(name, expected):
    assert genitive(name) == expected


def test_a_short_word_in_capitals_is_also_written_without_the_colon():
    assert genitive_forms("SocSam") == {"SocSam:s", "SocSams"}
    assert genitive_forms("SVOM") == {"SVOM:s"}
    assert genitive_forms("Socialnämnden") == {"Socialnämndens"}


def test_no_genitive_is_spelt_anywhere_else():
    """One spelling: no module but graph/text.py defines a function named like a genitive."""
    import ast

    from conftest import ROOT

    found = []
    for f in [*(ROOT / "graph").rglob("*.py"), *(ROOT / "ingest").rglob("*.py")]:
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and "genitive" in node.name and f.name != "text.py" \
                    and not node.name.startswith(("_is_", "_part_of")):
                found.append(f"{f.relative_to(ROOT)}:{node.name}")
    assert not found, found


def test_sentences_end_at_punctuation_or_a_line_break():
    text = "Mötet öppnas. SVOM rapporterar till\nSocSam!! Nästa möte?\n\n  \nSlut"
    got = [text[a:b].strip() for a, b in sentences(text)]
    assert got == ["Mötet öppnas.", "SVOM rapporterar till", "SocSam!!", "Nästa möte?", "Slut"]


def test_sentence_bounds_agree_with_sentences():
    text = "Första meningen. Andra meningen har SVOM i sig! Tredje\nfjärde."
    spans = list(sentences(text))
    for a, b in spans:
        for pos in range(a, b):
            if not text[pos].isspace() and text[pos] not in ".!?":
                assert sentence_bounds(text, pos) == (a, b)


def test_wrapped_sentence_start_reads_over_a_line_break_but_not_a_blank_line():
    text = "Slut.\n\nSocialnämnden uppdrar åt\nförvaltningen att utreda"
    pos = text.index("förvaltningen")
    assert text[wrapped_sentence_start(text, pos, 0):].startswith("Socialnämnden")
    text2 = "Inledning. Socialnämnden\nuppdrar"
    assert text2[wrapped_sentence_start(text2, text2.index("uppdrar"), 0):].startswith("Socialnämnden")


def test_sentence_around_a_span():
    text = "Före. Från och med 2024 rapporterar SVOM till SocSam. Efter."
    a = text.index("SVOM")
    assert sentence_around(text, a, a + 4).strip(" .") == "Från och med 2024 rapporterar SVOM till SocSam"


def test_no_sentence_splitter_is_written_anywhere_else():
    """One place cuts sentences: no other module writes its own sentence pattern or rfind over . ! ?."""
    from conftest import ROOT

    found = []
    for f in [*(ROOT / "graph").rglob("*.py"), *(ROOT / "ingest").rglob("*.py"), ROOT / "app.py"]:
        src = f.read_text(encoding="utf-8")
        if f.name != "text.py" and ("[^.!?\\n]+" in src or 'for ch in ".!?' in src):
            found.append(str(f.relative_to(ROOT)))
    assert not found, found
