"""graph/explore.py on the sample graph: the rows the explorer shows, with their provenance."""
from __future__ import annotations

from graph import explore


def test_composition_counts_each_person_once_per_value():
    from graph.explore import composition

    members = [{"person_id": "p1", "roll": "ledamot", "parti": "S"}, {"person_id": "p1", "roll": "ordförande", "parti": "S"},
               {"person_id": "p2", "roll": "ledamot", "parti": None}, {"person_id": "p2", "roll": "ledamot", "parti": None}]
    assert {r["roll"]: r["antal"] for r in composition(members, "roll")} == {"ledamot": 2, "ordförande": 1}
    assert {r["parti"]: r["antal"] for r in composition(members, "parti")} == {"S": 1, "(okänt)": 1}


def test_structure_edges_carry_their_quote(sample_store):
    s = explore.structure(sample_store)
    assert s.graph.number_of_edges() >= 5
    for a, b, d in s.graph.edges(data=True):
        assert d["quote"] and d["doc"] and d["stop"] > d["start"]


def test_structure_filters_by_date_and_kind(sample_store):
    everything = explore.structure(sample_store)
    early = explore.structure(sample_store, until="2023-06-30")
    assert early.graph.number_of_edges() < everything.graph.number_of_edges()
    assert all(d["date"] is None or d["date"] <= "2023-06-30" for _, _, d in early.graph.edges(data=True))
    assert early.dropped == everything.graph.number_of_edges() - early.graph.number_of_edges()
    only = explore.structure(sample_store, kinds=["samrådsgrupp"])
    assert all("samrådsgrupp" in (only.graph.nodes[a]["kind"], only.graph.nodes[b]["kind"])
               for a, b in only.graph.edges())


def test_chain_up_and_subtree_of_socsam(sample_store):
    G = explore.structure(sample_store).graph
    up, down = explore.chain_and_subtree(G, "body:socsam")
    names = {G.nodes[n]["name"] for n in up}
    assert "Kommunförbundet Jämtland Härjedalens styrelse" in names
    assert "Primärkommunala rådet" not in names  # succession is history, not reporting
    assert all(n not in up for n in down)


def test_matter_trail_socsam_to_svom(sample_store):
    moved = explore.matters_between(sample_store, "SocSam", "SVOM")
    assert any("psykiatri" in m["matter"] for m in moved)
    mid = next(m["id"] for m in explore.matters(sample_store) if "psykiatri" in m["title"])
    trail = explore.matter_trail(sample_store, mid)
    assert [t["date"] for t in trail] == sorted(t["date"] for t in trail)
    assert {t["body"] for t in trail} >= {"Sociala samrådsgruppen", "Sociala vård- och omsorgsgruppen"}
    first = trail[0]
    assert first["referrals"] and first["referrals"][0]["to_body"] == "Sociala vård- och omsorgsgruppen"


def test_query_result_as_a_graph(sample_store):
    cols, rows = sample_store.query("MATCH p = (a:Body)-[:REPORTS_TO]->(b:Body) RETURN p")
    G = explore.result_graph(cols, rows)
    assert G is not None and G.number_of_edges() == len(rows) and G.number_of_nodes() >= 2
    cols, rows = sample_store.query("MATCH (b:Body) RETURN b.name AS name LIMIT 3")
    assert explore.result_graph(cols, rows) is None  # no nodes in a table of names
