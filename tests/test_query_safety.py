"""Ad hoc Cypher is read-only, time-limited and size-capped, and every value from a user reaches Cypher as a
parameter: on the embedded engine for real (the Neo4j side runs in test_neo4j.py when a server is set)."""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph import explore
from graph.store import LadybugStore
from graph.store_api import StoreError, query_limits
from graph.store_common import check_read_query

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = ["' OR 1=1 RETURN 1 //", "x'}) DETACH DELETE n //", "\\' MATCH (n) DETACH DELETE n //",
           "body:socsam'}) RETURN 1 UNION MATCH (n) RETURN n.id //", "{id: 1}", "$id", "`Body`", "ö' ä \" å"]


def counts(store) -> tuple[int, int]:
    return (store.records("MATCH (n) RETURN count(n) AS n")[0]["n"],
            store.records("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"])


@pytest.mark.parametrize("cypher", [
    "CREATE (:Person {id: 'x', name: 'x'})",
    "MATCH (p:Person) SET p.name = 'x' RETURN p",
    "MATCH (n) DETACH DELETE n",
    "MATCH (p:Person) WITH p LIMIT 1 MERGE (q:Person {id: 'y'}) RETURN q",
    "match (p:Person) remove p.name return p",
    "COPY Person FROM 'x.csv'",
    "CALL show_tables() RETURN *; DROP TABLE Person",
])
def test_writes_are_refused_before_they_reach_the_engine(sample_store, cypher):
    with pytest.raises(StoreError, match="läsfrågor"):
        sample_store.query(cypher)


def test_the_read_only_database_refuses_a_write_that_gets_past_the_check(sample_store):
    before = counts(sample_store)
    with pytest.raises(StoreError, match="read-only"):
        sample_store.query("CREATE (:Person {id: 'x', name: 'x'})", read_only=False)
    assert counts(sample_store) == before


def test_write_words_inside_strings_and_comments_are_not_writes(sample_store):
    rows = sample_store.records("MATCH (b:Body) WHERE b.name <> 'CREATE or DELETE' "
                                "// SET nothing\nRETURN count(b) AS n")
    assert rows[0]["n"] > 0


def test_a_long_query_is_stopped_with_one_message(sample_store):
    with pytest.raises(StoreError, match="för lång tid"):
        sample_store.query("MATCH p = (a)-[*1..10]-(b) RETURN count(p)", timeout_ms=200)


def test_a_range_that_would_fill_the_memory_is_refused_before_it_runs():
    with pytest.raises(StoreError, match="range"):
        check_read_query("UNWIND range(1, 2000000000) AS x RETURN sum(x)")
    check_read_query("UNWIND range(1, 1000) AS x RETURN sum(x)")


def test_rows_are_capped(sample_store):
    _, rows = sample_store.query("MATCH (n) RETURN n.id", max_rows=7)
    assert len(rows) == 7


def test_limits_come_from_the_environment(monkeypatch):
    assert query_limits(10, 2000) == (10_000, 2000)
    monkeypatch.setenv("GOVGRAPH_QUERY_TIMEOUT", "90")
    monkeypatch.setenv("GOVGRAPH_MAX_ROWS", "50000")
    assert query_limits(10, 2000) == (90_000, 50_000)
    monkeypatch.setenv("GOVGRAPH_MAX_ROWS", "många")
    assert query_limits(10, 2000)[1] == 2000


def test_the_cli_says_when_rows_were_cut(sample_db):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")}
    env["PYTHONPATH"] = str(ROOT)
    p = subprocess.run([sys.executable, "-m", "govgraph", "query", "MATCH (n:Person) RETURN n.name", "--db",
                        str(sample_db), "--max-rows", "3", "--format", "json"],
                       env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.count('"n.name"') == 3
    assert "avkortat till 3 rader" in p.stderr


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_parameters_everywhere_the_explorer_takes_one(sample_store, value):
    before = counts(sample_store)
    assert not any(explore.person(sample_store, value).values())
    assert not any(explore.body(sample_store, value).values())
    assert explore.matter_trail(sample_store, value) == []
    assert explore.matters_between(sample_store, value, value) == []
    assert explore.structure(sample_store, [value], value, "2099-01-01").graph.number_of_edges() == 0
    cols, rows = sample_store.query("MATCH (b:Body) WHERE b.id = $id OR b.name = $id RETURN b.id", {"id": value})
    assert rows == []
    assert counts(sample_store) == before


def test_a_label_is_never_taken_from_a_caller(sample_store):
    with pytest.raises(ValueError):
        explore.most_connected(sample_store, "Body) DETACH DELETE (n")


# names that may be written into Cypher text: schema labels and types and fixed fragments, never a user's value
ALLOWED_IN_CYPHER = {"label", "rel_type", "role", "nt.label", "rt.type", "n.label", "n.label.lower()", "cols",
                     "r.type", "pairs", "a", "b", "_type_fn(store)", "int(limit)", "PROV", "t", "rels", "rel",
                     "QUERY_MAX_ROWS", "name", "period", "nt.display", "schema.DIGEST", "schema.PART",
                     "sets", "props", "src", "dst",
                     # Neo4j's search indexes: their names are constants, their labels the schema's, their options fixed
                     "NEO4J_NODE_INDEX", "NEO4J_TEXT_INDEX", "labels", "config",
                     # the SQL of the search index file: its filters are fixed fragments whose values are ? parameters
                     "filtered", "where", "shown"}


def test_cypher_text_is_formatted_only_from_the_schema_and_fixed_fragments():
    """A guard for the future: an f-string that builds Cypher may interpolate only names on this list, each
    checked here to come from graph.schema or a constant; a user's value must be a $parameter."""
    kw = re.compile(r"\b(MATCH|RETURN|WHERE|COPY|MERGE|UNWIND|CREATE)\b")
    found = []
    for f in [*ROOT.glob("graph/*.py"), ROOT / "app.py", *ROOT.glob("explorer/*.py"), *ROOT.glob("ingest/*.py"),
              *ROOT.glob("govgraph/*.py")]:
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                const = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
                if kw.search(const):
                    found += [(f.name, node.lineno, ast.unparse(v.value)) for v in node.values
                              if isinstance(v, ast.FormattedValue)]
    unknown = [x for x in found if x[2] not in ALLOWED_IN_CYPHER]
    assert found and not unknown, unknown


def test_the_search_statements_format_only_constants_and_schema_labels():
    from graph import schema, search
    from graph.search_index import _filters

    assert re.fullmatch(r"[a-z_]+", search.NEO4J_NODE_INDEX) and re.fullmatch(r"[a-z_]+", search.NEO4J_TEXT_INDEX)
    labels = re.search(r"FOR \(n:([^)]*)\)", search.neo4j_indexes()[0]).group(1).split("|")
    assert labels and set(labels) <= set(schema.NODE_LABELS)
    hostile = "x' OR 1=1 --\") DETACH DELETE n //"
    where, params = _filters(search.Query("ord", kind="passage", body=hostile, municipality=hostile,
                                          date_from="2023-01-01", date_to="2023-12-31"))
    assert hostile not in where and "'" not in where and any(hostile.casefold() in str(v) for v in params)


def test_the_explorer_listens_on_localhost_unless_told_otherwise(monkeypatch):
    import tomllib

    from click.testing import CliRunner

    from govgraph import cli as cli_module

    started = []

    class FakeStreamlit:  # stands in for the server process only: what matters is how it would be started
        def __init__(self, cmd, **kw):
            started.append(cmd)

        def wait(self):
            return 0

    monkeypatch.setattr(cli_module.subprocess, "Popen", FakeStreamlit)
    CliRunner().invoke(cli_module.cli, ["app"])
    CliRunner().invoke(cli_module.cli, ["app", "--host", "0.0.0.0"])
    hosts = [cmd[cmd.index("--server.address") + 1] for cmd in started]
    assert hosts == ["127.0.0.1", "0.0.0.0"]
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"  # `streamlit run app.py` directly: also local only
