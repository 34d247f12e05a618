"""Identity across documents: one person per name and municipality, merges with a reason, and nothing joined
without evidence."""
from __future__ import annotations

from ingest.pipeline import build, extract_paths

HEAD = """{muni} kommun
Socialnämnden
PROTOKOLL

Sammanträdesdatum {date}

Beslutande
Anna Berg (S), ordförande\t{muni} kommun
Erik Holm (M)\t{muni} kommun

§ 1 Budget

Beslut
Socialnämnden godkänner budgeten.
"""


def _graph(tmp_path, docs: dict[str, str]):
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    extracted, failed = extract_paths([tmp_path])
    assert not failed
    return build(extracted)


def _persons(G, name):
    return sorted(n for n, d in G.nodes(data=True) if d["label"] == "Person" and d.get("name") == name)


def test_same_name_in_two_municipalities_stays_two_people(tmp_path):
    G, warnings, merges = _graph(tmp_path, {
        "umea-sn-2024-01-10.txt": HEAD.format(muni="Umeå", date="2024-01-10"),
        "kalix-sn-2024-02-14.txt": HEAD.format(muni="Kalix", date="2024-02-14"),
    })
    people = _persons(G, "Anna Berg")
    assert len(people) == 2, people
    assert any("hålls isär" in m and "Anna Berg" in m for m in merges)


def test_same_name_same_municipality_is_one_person_with_a_reason(tmp_path):
    G, warnings, merges = _graph(tmp_path, {
        "umea-sn-2024-01-10.txt": HEAD.format(muni="Umeå", date="2024-01-10"),
        "umea-sn-2024-03-06.txt": HEAD.format(muni="Umeå", date="2024-03-06"),
    })
    assert len(_persons(G, "Anna Berg")) == 1
    assert any("Anna Berg i 2 dokument" in m for m in merges)
    # she attended both meetings
    person = _persons(G, "Anna Berg")[0]
    meetings = {v for _, v, d in G.out_edges(person, data=True) if d["type"] == "ATTENDED"}
    assert len(meetings) == 2


DNR_DOC = """{muni} kommun
Socialnämnden
PROTOKOLL

Sammanträdesdatum {date}

§ {num} Delårsrapport
Dnr SN 2023/88

Beslut
Socialnämnden godkänner delårsrapporten.
"""


def _matters_of_dnr(G):
    return {v for a, v, e in G.edges(data=True) if e["type"] == "CONCERNS" and G.nodes[v].get("dnr")}


def test_one_diary_number_in_two_municipalities_is_two_matters(tmp_path):
    """A diary number is unique within one organisation: SN 2023/88 in Kalmar is not SN 2023/88 in Umeå."""
    G, _, _ = _graph(tmp_path, {
        "kalmar-sn-2023-10-18.txt": DNR_DOC.format(muni="Kalmar", date="2023-10-18", num=35),
        "umea-sn-2023-11-20.txt": DNR_DOC.format(muni="Umeå", date="2023-11-20", num=12),
    })
    assert not _matters_of_dnr(G)


def test_one_diary_number_at_two_meetings_of_one_municipality_is_one_matter(tmp_path):
    G, _, _ = _graph(tmp_path, {
        "kalmar-sn-2023-10-18.txt": DNR_DOC.format(muni="Kalmar", date="2023-10-18", num=35),
        "kalmar-sn-2023-11-22.txt": DNR_DOC.format(muni="Kalmar", date="2023-11-22", num=41),
    })
    matters = _matters_of_dnr(G)
    assert len(matters) == 1
    items = [a for a, v, e in G.edges(data=True) if e["type"] == "CONCERNS" and v in matters]
    assert len(items) == 2


def test_one_name_with_two_parties_is_two_people_with_a_reason(tmp_path):
    doc = """Sollefteå kommun\nSocialnämnden\nPROTOKOLL\n\nSammanträdesdatum {date}\n\nBeslutande\n{who}\nErik Holm (M)\n
§ 1 Budget\n\nBeslut\nSocialnämnden godkänner budgeten.\n"""
    G, _, merges = _graph(tmp_path, {
        "a-2024-01-10.txt": doc.format(date="2024-01-10", who="Anna Berg (S), ordförande"),
        "b-2024-02-14.txt": doc.format(date="2024-02-14", who="Anna Berg (KD)"),
    })
    people = _persons(G, "Anna Berg")
    assert len(people) == 2
    assert {G.nodes[p]["party"] for p in people} == {"S", "KD"}
    assert any("olika partier" in m for m in merges)
    assert len(_persons(G, "Erik Holm")) == 1  # the same name and party in both stays one person


AU = """{muni} kommun
Kommunstyrelsens arbetsutskott
PROTOKOLL

Sammanträdesdatum {date}

Beslutande
Lena Ek (S), ordförande\t{muni} kommun

§ 1 Budget

Beslut
Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen att godkänna budgeten.
"""


def test_an_owned_organ_of_two_municipalities_stays_two_bodies(tmp_path):
    # each municipality's kommunstyrelse has its own arbetsutskott, part of that kommunstyrelse
    G, _, _ = _graph(tmp_path, {
        "umea-ksau-2024-01-10.txt": AU.format(muni="Umeå", date="2024-01-10"),
        "kalix-ksau-2024-02-14.txt": AU.format(muni="Kalix", date="2024-02-14"),
    })
    au = sorted(n for n, d in G.nodes(data=True) if d["label"] == "Body" and d["name"].endswith("arbetsutskott"))
    assert len(au) == 2, au
    owners = {v for a in au for _, v, d in G.out_edges(a, data=True) if d["type"] == "PART_OF"}
    # each is part of its own kommunstyrelse, and (the letterhead names it) of its own municipality
    assert owners == {"body:umea-kommunstyrelsen", "body:umea-kommun", "body:kalix-kommunstyrelsen",
                      "body:kalix-kommun"}, owners
    for a in au:
        parts = {v for _, v, d in G.out_edges(a, data=True) if d["type"] == "PART_OF"}
        assert len({p.split("-")[0] for p in parts}) == 1, (a, parts)  # never one municipality's and another's
    assert {G.nodes[a].get("municipality") for a in au} == {"2480", "2514"}


REGION_AU = """Region {region}
Regionstyrelsens arbetsutskott
PROTOKOLL

Sammanträdesdatum: {date}

Beslutande: {chair} (S), ordförande, Per Ångström (M)

§ 12 Budget
Beslut: Regionstyrelsens arbetsutskott föreslår att Regionstyrelsen godkänner budgeten.
"""


def test_a_regions_generic_organs_are_that_regions(minutes_store):
    """'Regionstyrelsens arbetsutskott' under 'Region Uppsala' and under 'Region Kronoberg' are two bodies, each
    part of its own region's Regionstyrelsen; a bare 'Regionstyrelsen' in Region Kronoberg's minutes is the
    'Region Kronobergs regionstyrelse' another document names."""
    store = minutes_store("regioner", {
        "uppsala.txt": REGION_AU.format(region="Uppsala", date="2024-03-05", chair="Karin Ström"),
        "kronoberg.txt": REGION_AU.format(region="Kronoberg", date="2024-03-05", chair="Anna Ek"),
        "skrivelse.txt": "Skrivelse\n\nRegion Kronobergs regionstyrelse har tagit emot förslaget.\n"})
    aus = store.records("MATCH (b:Body)-[:HELD]->(m:Meeting) WHERE b.name = 'Regionstyrelsens arbetsutskott' "
                        "RETURN b.id AS id, count(m) AS n ORDER BY id")
    assert [(r["id"], r["n"]) for r in aus] == [("body:region-kronoberg-regionstyrelsens-arbetsutskott", 1),
                                               ("body:region-uppsala-regionstyrelsens-arbetsutskott", 1)]
    boards = store.records("MATCH (au:Body)-[:PART_OF]->(b:Body) RETURN au.id AS au_id, b.id AS board")
    # each part of its own region's board and, the letterhead naming it, of its own region
    assert {(r["au_id"], r["board"]) for r in boards} == {
        ("body:region-uppsala-regionstyrelsens-arbetsutskott", "body:region-uppsala-regionstyrelsen"),
        ("body:region-uppsala-regionstyrelsens-arbetsutskott", "body:region-uppsala"),
        ("body:region-kronoberg-regionstyrelsens-arbetsutskott", "body:region-kronobergs-regionstyrelse"),
        ("body:region-kronoberg-regionstyrelsens-arbetsutskott", "body:region-kronoberg")}
    named = store.records("MATCH (b:Body) WHERE b.name = 'Region Kronobergs regionstyrelse' RETURN b.id AS id, "
                          "b.aliases AS aliases")
    assert len(named) == 1 and "Regionstyrelsen" in named[0]["aliases"]
