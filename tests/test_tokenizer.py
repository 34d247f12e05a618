"""The pipeline's tokenizer remembers chunks for speed; its tokens must be exactly spaCy's own Swedish tokens."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.nlp import ChunkCachedTokenizer, pipeline
from ingest.readers import discover, read

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bare():
    return spacy.blank("sv")


def _tokens(doc) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]


def test_pipeline_uses_the_chunk_cache():
    assert isinstance(pipeline().tokenizer, ChunkCachedTokenizer)


def test_same_tokens_as_spacy_on_every_document_in_data(bare):
    files, _ = discover([ROOT / "data"])
    assert len(files) >= 20
    ours = ChunkCachedTokenizer(spacy.blank("sv").tokenizer)
    for f in files:
        text = read(f).text
        for _ in range(2):  # the second pass reads every chunk from the memo
            assert _tokens(ours(text)) == _tokens(bare.make_doc(text)), f.name


# Text of the kinds that spaCy's prefix, suffix, infix and special-case rules act on, with every kind of
# whitespace (runs of spaces, tabs, newlines, no-break spaces) at the start, inside and at the end.
_PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\t", " \n", "\n ", "\xa0", "§", "§§", "21", "2023-10-13", "t.ex.", "bl.a.", "kl.",
    "(SocSam)", "SocSam:s", "Vård-", "och", "omsorgsnämnden", "\"citat\"", "–", "-", "...", "S", "(S)", "Östersund,",
    "Hörru", "e-post:", "https://example.se/a?b=1", "10km", "50%", "ÅÄÖ", "å", ":", ";", "!", "?", "'", "kommun."])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40))
def test_same_tokens_as_spacy_on_any_text(bare, pieces):
    text = "".join(pieces)
    ours = ChunkCachedTokenizer(bare.tokenizer)
    assert _tokens(ours(text)) == _tokens(bare.make_doc(text))
    assert ours(text).text == text


def test_same_lemmas_as_spacys_own_lemmatizer_on_every_document_in_data():
    """The lemmatizer reads its lookup table into a plain dict (a quicker start); every token of data/ must get
    the lemma spaCy's own lookup lemmatizer gives it."""
    own = spacy.blank("sv")
    own.add_pipe("lemmatizer", config={"mode": "lookup"})
    own.initialize()
    ours = pipeline()
    assert ours.get_pipe("lemmatizer")._table, "the table was not read into the dict"
    files, _ = discover([ROOT / "data"])
    checked = 0
    for f in files[::3]:
        text = read(f).text[:20_000]
        expected = [t.lemma_ for t in own(text)]
        doc = ours.make_doc(text)
        doc = ours.get_pipe("lemmatizer")(doc)
        assert [t.lemma_ for t in doc] == expected, f.name
        checked += sum(t.lemma_ != t.text for t in doc)
    assert checked > 1000  # the table changed words, not only passed them through
