"""Persons read by the model of Swedish names (ingest/extract/name_model.py), wherever they stand."""
from __future__ import annotations

import pytest

from ingest.extract.name_model import RUN_RE, TOKEN_RE, _names_in_run
from ingest.extract.names import is_first_name, leading_non_name


def names(text: str) -> list[str]:
    toks = text.split()
    return [" ".join(toks[a:b + 1]) for a, b in _names_in_run(toks)]


@pytest.mark.parametrize("run, expected", [
    ("Ordförande Karin Lund", ["Karin Lund"]),                       # a label before the name
    ("Malå Per Olsson", ["Per Olsson"]),                              # a municipality column before it
    ("Karin Lund Per Olsson", ["Karin Lund", "Per Olsson"]),          # run-on: the next first name begins a name
    ("Anna Lena Svedberg", ["Anna Lena Svedberg"]),                   # a double first name
    ("Åsa Ågren Wikström", ["Åsa Ågren Wikström"]),                   # a double surname that looks like one
    ("Kurt-Allan Egelby", ["Kurt-Allan Egelby"]),                     # a hyphenated first name by its parts
    ("Eva von Schantz", ["Eva von Schantz"]),
    ("Regionens Hus", []), ("Maj Månad", []), ("Anna", []),          # no first name, a month, no surname
])
def test_names_in_a_run(run, expected):
    assert names(run) == expected


def test_first_names_come_from_the_reference_list():
    assert is_first_name("Ingemar") and is_first_name("Ulla-Maj") and not is_first_name("Bjurholm")


def test_leading_column_is_cut_only_before_a_first_name_and_a_surname():
    assert leading_non_name("Bjurholm Kurt-Allan Egelby") == len("Bjurholm ")
    assert leading_non_name("Karin Lund") == 0
    assert leading_non_name("Marica Gardell") == 0   # a first name not in the list: nothing is cut


def test_run_on_attendance_and_prose_give_persons(minutes_store):
    store = minutes_store("name-model", {"anteckningar.txt": (
        "Minnesanteckningar Samverkansrådet 2024-05-02 Närvarande Ingrid Berglund, Malå Tomas Wikström, Sorsele "
        "Lars-Erik Nyberg, kansliet Mötet öppnades av ordförande Ingrid Berglund. Olof Palmes gata är adressen.\n")})
    rows = store.records("MATCH (p:Person) RETURN p.name AS name ORDER BY name")
    assert [r["name"] for r in rows] == ["Ingrid Berglund", "Lars-Erik Nyberg", "Tomas Wikström"]


def test_run_on_lists_give_party_and_title_after_a_name(minutes_store):
    store = minutes_store("name-model-after", {"protokoll.txt": (
        "1 Protokoll Styrelsen Närvarande Eva Nilsson, Överkalix, (s, ers Bo Lindqvist, c, "
        "I tjänsten Gunilla Andersson, landstingsdirektör Harald Ludviksen, stabchef Utses att justera\n")})
    parties = {r["name"]: r["party"] for r in store.records("MATCH (p:Person) RETURN p.name AS name, p.party AS party")}
    assert parties["Eva Nilsson"] == "S" and parties["Bo Lindqvist"] == "C"
    titles = {(r["name"], r["title"]) for r in store.records(
        "MATCH (p:Person)-[:HOLDS]->(r:Role) RETURN p.name AS name, r.title AS title")}
    assert {("Gunilla Andersson", "landstingsdirektör"), ("Harald Ludviksen", "stabchef")} <= titles


def test_a_middle_initial_is_part_of_the_name():
    """'Göte W Swén, M, ej tjg ers', 'Per G Hansson (m)': a single capital between first name and surname."""
    from ingest.extract.name_model import RUN_RE, TOKEN_RE, _names_in_run

    def names(text):
        out = []
        for run in RUN_RE.finditer(text):
            toks = [t.group() for t in TOKEN_RE.finditer(run.group())]
            out += [" ".join(toks[a:b + 1]) for a, b in _names_in_run(toks)]
        return out

    assert names("Övriga närvarande Göte W Swén, M, ej tjg ers") == ["Göte W Swén"]
    assert "Per G Hansson" in names("Tjänstgörande ersättare Per G Hansson (m) Lars Gustafsson (kd)")
    # an initial is never the surname: "Lisa A L." is no name
    assert not any(n.startswith("Lisa") for n in names("Lisa A L. Maria"))


def test_a_name_particle_needs_a_surname_after_it():
    """'Tisdagen de 14 mars', 'Stihna Johansson-Evertsson Övriga de[ltagare]': a trailing 'de' is no particle."""
    from ingest.extract.patterns import NAME_RE
    assert NAME_RE.match("Anna Berg von Linde").group() == "Anna Berg von Linde"
    assert NAME_RE.match("Tisdagen de 14 mars") is None
    assert NAME_RE.match("Karin Lund de ").group() == "Karin Lund"


@pytest.mark.parametrize("text, run", [
    ("Anna Berg dessutom", "Anna Berg"),  # "de" is no particle at the start of a word
    ("Per Olsson vann omröstningen", "Per Olsson"),
    ("Ulla Ek deltog", "Ulla Ek"),
    ("Eva von Schantz och", "Eva von Schantz"),
    ("Carl af Ugglas (M)", "Carl af Ugglas"),
])
def test_a_particle_is_a_word_of_its_own(text, run):
    assert RUN_RE.match(text).group() == run
    assert [t.group() for t in TOKEN_RE.finditer(run)] == run.split()


@pytest.mark.parametrize("name, ok", [("Karin Lindqvist Justeringens", False), ("Olle Berg Övriga", False),
                                      ("Eva Holm Underskrift", False), ("Per Ek Dagordning", False),
                                      ("Karin Lindqvist", True), ("Olle Berg-Övrigt", True)])
def test_a_label_run_on_after_a_name_is_no_part_of_it(name, ok):
    # run-on heads: "… Mona Wandel Justeringens plats och tid …", "… Johansson-Evertsson Övriga deltagare …"
    from ingest.extract.names import plausible_name
    assert plausible_name(name) is ok
