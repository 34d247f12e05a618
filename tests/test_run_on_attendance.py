"""Attendance read from run-on text, where a PDF transcript gives a protocol's whole head on one line."""
from __future__ import annotations

RUN_ON = ("Protokoll Socialnämnden 2024-03-12 Plats Kommunhuset Beslutande Karin Lund (S) ordförande "
          "Per Olsson (M) 1:e vice ordförande Anna Berg (C) Ersättare Lars Ek (S) tjg ersättare Eva Strand (V) "
          "Tjänstepersoner Maria Holm, socialchef Utses att justera Per Olsson Paragrafer 1-5\n")


def test_persons_attend_in_the_role_of_their_section(minutes_store):
    store = minutes_store("run-on", {"socialnamnden-2024-03-12.txt": RUN_ON})
    rows = store.records("MATCH (p:Person)-[a:ATTENDED]->(:Meeting) RETURN p.name AS name, a.role AS role")
    got = {(r["name"], r["role"]) for r in rows}
    assert {("Karin Lund", "beslutande"), ("Karin Lund", "ordförande"), ("Per Olsson", "beslutande"),
            ("Anna Berg", "beslutande"), ("Lars Ek", "ersättare"),
            ("Lars Ek", "tjänstgörande ersättare"), ("Eva Strand", "ersättare"),
            ("Maria Holm", "tjänsteperson")} <= got
    # a vice ordförande is a presidium member, not a role at the meeting; the name after "Utses att justera"
    # is a justerare, not one more tjänsteperson
    assert ("Per Olsson", "1:e vice ordförande") not in got
    assert ("Per Olsson", "tjänsteperson") not in got


def test_the_body_of_a_run_on_head_after_a_sites_own_lines(minutes_store):
    """A PDF transcript from a document site: the site's lines come first, the protocol's head runs on after."""
    text = ("Beslutande Karin Lund (S) ordförande\n\nStorlek: px\n\nTranskript\n\n1 Protokoll 1 (12) "
            "Socialnämnden Plats Kommunhuset Beslutande Karin Lund (S) ordförande Per Olsson (M) Utses att justera\n")
    store = minutes_store("run-on-head", {"protokoll.txt": text})
    rows = store.records("MATCH (b:Body)-[:HELD]->(m:Meeting)<-[a:ATTENDED]-(p:Person) "
                         "RETURN b.name AS body, p.name AS name, a.role AS role")
    assert {(r["body"], r["name"], r["role"]) for r in rows} >= {("Socialnämnden", "Karin Lund", "beslutande"),
                                                                 ("Socialnämnden", "Karin Lund", "ordförande")}
