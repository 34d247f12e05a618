"""The saved queries in queries/: well-formed headers, and each runs on the sample graph."""
from __future__ import annotations

import re

import pytest

from graph.queries import find_query, parse, queries_dir, saved_queries

QUERIES = saved_queries()
NAMES = [q.name for q in QUERIES]

# Questions the five samples can answer: each must return at least one row with its default parameters.
MUST_ANSWER = ["reporting_chain", "reporting_tree", "matters_between", "matter_trail", "body_members",
               "meeting_attendance", "person_bodies", "meeting_decisions", "provenance", "assignments", "referrals",
               "person_timeline"]

PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _body(text: str) -> str:
    """The Cypher without comment lines and string literals (a '$' inside a string is no parameter)."""
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("//")]
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", "\n".join(lines))


def test_there_are_saved_queries():
    assert len(QUERIES) >= len(MUST_ANSWER)
    assert set(MUST_ANSWER) <= set(NAMES), sorted(set(MUST_ANSWER) - set(NAMES))


@pytest.mark.parametrize("q", QUERIES, ids=NAMES)
def test_saved_query_header(q):
    assert q.title.strip(), f"{q.name}: no '// title:'"
    assert q.description.strip(), f"{q.name}: no '// description:'"
    assert "ladybug" in q.engines, f"{q.name}: engines {q.engines} does not include ladybug"
    used = set(PARAM_RE.findall(_body(q.text)))
    assert used <= set(q.params), f"{q.name}: parameters used but not declared: {sorted(used - set(q.params))}"
    assert set(q.params) <= used, f"{q.name}: parameters declared but not used: {sorted(set(q.params) - used)}"
    for name, default in q.params.items():
        assert default != "", f"{q.name}: parameter {name} has no default"


@pytest.mark.parametrize("q", QUERIES, ids=NAMES)
def test_saved_query_runs_with_defaults(sample_store, q):
    cols, rows = sample_store.query(q.text, dict(q.params))
    assert cols, f"{q.name}: no columns"
    assert len(set(cols)) == len(cols), f"{q.name}: duplicate column names {cols}"
    if q.name in MUST_ANSWER:
        assert rows, f"{q.name}: no rows on the sample graph with defaults {q.params}"


@pytest.mark.parametrize("name", NAMES)
def test_find_query_by_name_and_path(name):
    text, params = find_query(name)
    q = parse(queries_dir() / f"{name}.cypher")
    assert text == q.text and params == q.params
    text2, params2 = find_query(str(queries_dir() / f"{name}.cypher"))
    assert text2 == q.text and params2 == q.params


def test_find_query_passes_cypher_through():
    text, params = find_query("MATCH (n:Person) RETURN n.name")
    assert text == "MATCH (n:Person) RETURN n.name" and params == {}


def test_matters_between_defaults_find_the_psychiatry_letter(sample_store):
    q = next(q for q in QUERIES if q.name == "matters_between")
    rows = sample_store.records(q.text, dict(q.params))
    assert any("psykiatri" in (r["matter"] or "").lower() for r in rows)


def test_provenance_rows_carry_spans(sample_store):
    q = next(q for q in QUERIES if q.name == "provenance")
    rows = sample_store.records(q.text, dict(q.params))
    assert rows
    for r in rows:
        assert r["doc"] and r["quote"] and r["start"] is not None and r["end"] > r["start"]


def test_person_timeline_dates_an_election_by_its_month(sample_store):
    from graph.queries import find_query

    text, params = find_query("person_timeline")
    rows = sample_store.records(text, params)
    by_role = {(r["role"], r["org"]): r["date"] for r in rows}
    assert by_role[("vice ordförande", "Sociala samrådsgruppen")] == "2023-02"  # "utsågs i februari 2023"
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
