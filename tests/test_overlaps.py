"""Overlaps between bodies, on documents written here in another layout: two bodies with the same five members
are flagged as a possible parallel structure, and bodies sharing one person are not."""
from __future__ import annotations

import pytest

from graph import explore

ROSTER = """Protokoll
{body}
Sammanträdesdatum {date}

Ledamöter
{members}

§ 1 Val av justerare
Beslut: Att utse {checker} att justera protokollet.
"""
FIVE = ["Åsa Öberg (S), Östersunds kommun, ordförande", "Per Ångström (M), Åre kommun",
        "Märta Ödmark (C), Bergs kommun", "Lars Berg (KD), Krokoms kommun", "Eva Sund (L), Strömsunds kommun"]
OTHERS = ["Åsa Öberg (S), Östersunds kommun", "Karin Holm (V), Bräcke kommun, ordförande",
          "Nils Ek (SD), Ragunda kommun", "Sara Lind (MP), Härjedalens kommun"]


@pytest.fixture(scope="module")
def store(minutes_store):
    files = {}
    for name, body, date, members in (("barnarenan", "Barnarenan", "2024-03-12", FIVE),
                                      ("lansgruppen", "Länsgruppen för barn och unga", "2024-04-02", FIVE[::-1]),
                                      ("folkhalsoradet", "Folkhälsorådet", "2024-05-06", OTHERS)):
        files[f"{name}.txt"] = ROSTER.format(body=body, date=date, members="\n".join(members),
                                             checker=members[1].split(" (")[0])
    return minutes_store("overlap", files)


def test_the_same_composition_is_flagged_as_a_possible_parallel_structure(store):
    ov = explore.overlaps(store)
    flagged = {(r["body_a"], r["body_b"]) for r in ov["pairs"] if r["parallel"]}
    assert flagged == {("Barnarenan", "Länsgruppen för barn och unga")}
    pair = next(r for r in ov["pairs"] if r["parallel"])
    assert pair["shared"] == 5 and pair["similarity"] == 1.0
    assert pair["weight"] == 3 + 4 * 2  # the chair in both, four members


def test_one_shared_person_is_an_overlap_but_not_a_parallel_structure(store):
    ov = explore.overlaps(store)
    with_council = [r for r in ov["pairs"] if "Folkhälsorådet" in (r["body_a"], r["body_b"])]
    assert len(with_council) == 2 and all(r["shared"] == 1 and not r["parallel"] for r in with_council)
    assert all(r["persons"] == ["Åsa Öberg"] for r in with_council)
    assert with_council[0]["weight"] == 2  # a chair in one, a member in the other: the lower counts


def test_persons_in_several_bodies(store):
    persons = {r["person"]: r for r in explore.overlaps(store)["persons"]}
    assert persons["Åsa Öberg"]["n_bodies"] == 3
    assert persons["Per Ångström"]["n_bodies"] == 2
    assert "Karin Holm" not in persons


def test_the_heatmap_rows_are_symmetric(store):
    rows = explore.overlap_matrix(explore.overlaps(store))
    cells = {(r["organ_a"], r["organ_b"]): r["weight"] for r in rows}
    assert cells and all(cells[(b, a)] == w for (a, b), w in cells.items())
