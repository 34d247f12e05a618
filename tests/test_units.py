"""Units, operations and who steers them, and assignments stated without the word 'uppdrag': rules tried on
short documents of their own wording (not the samples'), each fact with its quote."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import extract_document
from ingest.readers import read

MEMO = """Region Västernorrland
Minnesanteckningar från länets chefsnätverk för socialtjänst 2024-04-11

§ 1 Omorganisation av stödet till kommunerna

Regionens avdelning Kunskapsstöd, Region Västernorrland, tar över ansvaret för utbildningsinsatserna.
Med anledning av detta kommer Kompetenscentrum och Läkemedelsrådet att organiseras inom avdelning Kunskapsstöd.
Projektet "Trygg hemgång" ska bedrivas inom Hälsocentralen Nord under två år. Styrgrupp för projektet är Länsledningsgruppen för vård och omsorg.
Vidare granskas verksamheten av Inspektionen för vård och omsorg (IVO) under hösten.
Enligt Lagen om stöd och service till vissa funktionshindrade (LSS) ska insatserna prövas.
På mötet bestämdes även att IFO-cheferna skulle sammanställa kommunernas synpunkter till nästa möte.

§ 2 Uppföljning

Nätverket ger IFO-chefer nätverket (IFOCN) i uppdrag att följa upp arbetet.
Syftet med kartläggningen är att beskriva hur kommunerna organiserar sitt stöd.
"""


@pytest.fixture(scope="module")
def memo(tmp_path_factory) -> tuple[str, object]:
    path: Path = tmp_path_factory.mktemp("units") / "vasternorrland-chefsnatverk-2024-04-11.txt"
    path.write_text(MEMO, encoding="utf-8")
    doc = read(path)
    _, x = extract_document(doc, {})
    return doc.text, x


def _bodies(x) -> dict[str, str]:
    return {m.key: m.props["name"] for m in x.mentions if m.label == "Body"}


def _relations(x, type_: str) -> set[tuple[str, str, str]]:
    names = _bodies(x)
    return {(names.get(c.src), names.get(c.dst), c.evidence.quote) for c in x.claims if c.type == type_}


def test_unit_belongs_to_the_organisation_named_after_it(memo):
    text, x = memo
    rels = {(a, b) for a, b, _ in _relations(x, "PART_OF")}
    assert ("Kunskapsstöd", "Region Västernorrland") in rels


def test_operations_organised_inside_a_unit(memo):
    _, x = memo
    rels = {(a, b): q for a, b, q in _relations(x, "PART_OF")}
    assert ("Kompetenscentrum", "Kunskapsstöd") in rels
    assert ("Läkemedelsrådet", "Kunskapsstöd") in rels
    assert ("Trygg hemgång", "Hälsocentralen Nord") in rels
    assert rels[("Trygg hemgång", "Hälsocentralen Nord")] == 'Trygg hemgång" ska bedrivas inom Hälsocentralen Nord'


def test_steering_group_of_a_project(memo):
    _, x = memo
    rels = {(a, b) for a, b, _ in _relations(x, "REPORTS_TO")}
    assert ("Trygg hemgång", "Länsledningsgruppen för vård och omsorg") in rels


def test_organisation_defined_by_its_initials_but_not_a_law(memo):
    _, x = memo
    bodies = {m.props["name"]: m for m in x.mentions if m.label == "Body"}
    assert "Inspektionen för vård och omsorg" in bodies
    assert bodies["Inspektionen för vård och omsorg"].props.get("short") == "IVO"
    assert not any("Lagen" in n or "LSS" in n for n in bodies)


def test_decided_that_a_group_should(memo):
    _, x = memo
    tasks = {m.props["task"] for m in x.mentions if m.label == "Assignment"}
    assert "sammanställa kommunernas synpunkter till nästa möte" in tasks
    assert any(t.startswith("beskriva hur kommunerna") for t in tasks)  # "Syftet med kartläggningen är att …"
    assert any(t.startswith("följa upp arbetet") for t in tasks)


def test_every_new_fact_quotes_its_text(memo):
    text, x = memo
    for m in x.mentions:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.quote
    for c in x.claims:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.quote
