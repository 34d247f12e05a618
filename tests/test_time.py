"""The structure over time, on minutes written here: a body's composition as of a day, explicit periods read from
the text ("utsågs i februari 2024", "från och med 2024", "till och med 2023"), and the diff between two days."""
from __future__ import annotations

import pytest

from graph import explore
from ingest.resolve import stated_period

FEB_2023 = """Protokoll
Välfärdsberedningen i Åre kommun
Sammanträdesdatum 2023-02-10

Ledamöter
Åsa Öberg (S), ordförande
Per Ångström (M)
Märta Ödmark (C)

§ 1 Beredningens uppdrag
Välfärdsberedningen rapporterar till kommunstyrelsen till och med 2023.
Beslut: Välfärdsberedningen noterar informationen.
"""
MAR_2024 = """Protokoll
Välfärdsberedningen i Åre kommun
Sammanträdesdatum 2024-03-15

Ledamöter
Åsa Öberg (S)
Per Ångström (M)
Lars Berg (KD), ordförande

§ 4 Ny ordförande
Lars Berg (KD) utsågs i februari 2024 till ordförande i Välfärdsberedningen.
Från och med 2024 rapporterar Välfärdsberedningen till kommunfullmäktige.
Beslut: Välfärdsberedningen noterar informationen.
"""


@pytest.fixture(scope="module")
def store(minutes_store):
    return minutes_store("tid", {"vb-2023-02-10.txt": FEB_2023, "vb-2024-03-15.txt": MAR_2024})


def members(at: dict) -> set[tuple[str, str]]:
    return {(e["row"]["person"], e["row"]["role"]) for e in at["members"].values()}


def test_stated_periods_are_read_from_the_sentence():
    text = "Gruppen rapporterar till styrelsen från och med 1 januari 2025 och till och med 2026."
    assert stated_period(text, 0, 30, "structure", "2024-11-01") == {"valid_from": "2025-01-01", "valid_to": "2026"}
    text = "Lars Berg (KD) utsågs i februari 2024 till ordförande."
    assert stated_period(text, 0, 14, "election", "2024-02") == {"valid_from": "2024-02"}
    assert stated_period("Anna Ek rapporterar till nämnden.", 0, 7, "structure", "2024-01-01") == {}


def test_the_structure_as_of_a_day(store):
    spring_2023 = explore.structure_at(store, "2023-06-01")
    assert members(spring_2023) == {("Åsa Öberg", "ordförande"), ("Åsa Öberg", "ledamot"),
                                    ("Per Ångström", "ledamot"), ("Märta Ödmark", "ledamot")}
    lines = {(e["row"]["a_name"], e["row"]["b_name"]) for e in spring_2023["lines"].values()}
    assert lines == {("Välfärdsberedningen", "kommunstyrelsen")}
    summer_2024 = explore.structure_at(store, "2024-06-01")
    assert ("Lars Berg", "ordförande") in members(summer_2024)
    assert ("Märta Ödmark", "ledamot") not in members(summer_2024)  # not seen for more than a year
    lines = {(e["row"]["a_name"], e["row"]["b_name"]) for e in summer_2024["lines"].values()}
    assert lines == {("Välfärdsberedningen", "kommunfullmäktige")}  # the old line ended with 2023


def test_an_election_counts_from_the_month_it_names(store):
    # the minutes are from March, the text says he was appointed in February
    assert ("Lars Berg", "ordförande") in members(explore.structure_at(store, "2024-02-20"))
    assert ("Lars Berg", "ordförande") not in members(explore.structure_at(store, "2024-01-20"))


def test_the_diff_between_two_days_says_what_changed_with_sources(store):
    d = explore.structure_diff(store, "2023-06-01", "2024-06-01")
    said = {kind: {side: {explore.describe_change(kind, e) for e in d[kind][side]} for side in ("added", "removed")}
            for kind in d}
    assert "Lars Berg – ordförande i Välfärdsberedningen" in said["members"]["added"]
    assert "Märta Ödmark – ledamot i Välfärdsberedningen" in said["members"]["removed"]
    assert "Åsa Öberg – ordförande i Välfärdsberedningen" in said["members"]["removed"]
    assert said["lines"]["added"] == {"Välfärdsberedningen rapporterar till kommunfullmäktige"}
    assert said["lines"]["removed"] == {"Välfärdsberedningen rapporterar till kommunstyrelsen"}
    texts = {r["id"]: r["t"] for r in store.records("MATCH (d:Document) RETURN d.id AS id, d.text AS t")}
    for kind in d:
        for side in ("added", "removed"):
            for e in d[kind][side]:
                for f in e.get("facts", []):
                    assert texts[f["doc"]][f["start"]:f["stop"]] == f["quote"]


def test_the_structure_page_filter_ends_a_line_its_text_ends(store):
    late = explore.structure(store, until="2024-06-01").graph
    assert {late.nodes[b]["name"] for _, b in late.edges()} == {"kommunfullmäktige"}
    early = explore.structure(store, until="2023-06-01").graph
    assert {early.nodes[b]["name"] for _, b in early.edges()} == {"kommunstyrelsen"}


def test_diff_from_the_cli(store):
    from click.testing import CliRunner

    from govgraph.cli import cli

    res = CliRunner().invoke(cli, ["diff", "2023-06-01", "2024-06-01", "--db", str(store.path)])
    assert res.exit_code == 0, res.output
    assert "+ Välfärdsberedningen rapporterar till kommunfullmäktige" in res.output
    assert "- Välfärdsberedningen rapporterar till kommunstyrelsen" in res.output
    res = CliRunner().invoke(cli, ["diff", "i våras", "2024-06-01", "--db", str(store.path)])
    assert res.exit_code != 0


def test_the_structure_as_of_a_day_from_the_cli(store):
    from click.testing import CliRunner

    from govgraph.cli import cli

    res = CliRunner().invoke(cli, ["structure", "--as-of", "2023-06-01", "--db", str(store.path)])
    assert res.exit_code == 0, res.output
    assert "Välfärdsberedningen rapporterar till kommunstyrelsen [doc:vb-2023-02-10" in res.output
    assert "Märta Ödmark – ledamot i Välfärdsberedningen" in res.output and "Lars Berg" not in res.output
