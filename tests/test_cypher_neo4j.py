"""Every saved query, and every statement the Neo4j backend sends, parsed and semantically checked by Neo4j's own
Cypher language support (@neo4j-cypher/language-support, pinned in tools/cypher-check/package.json, run with
Node.js). The saved queries also run on the embedded engine (tests/test_queries.py); here they must be Neo4j
Cypher too, so that moving to Neo4j is a configuration change.

Skipped, with the reason, when Node.js or the package is not installed (`./dev.py test` installs it with npm)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graph import schema, search
from graph.neo4j_store import (create_rels_cypher, delete_nodes_cypher, delete_parts_cypher, digests_cypher,
                               merge_nodes_cypher, merge_rels_cypher, remove_stale_nodes_cypher, set_nodes_cypher,
                               remove_stale_rels_cypher)
from graph.queries import saved_queries

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "cypher-check"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(not NODE or not (TOOL / "node_modules" / "@neo4j-cypher").exists(),
                                reason="Node.js eller @neo4j-cypher/language-support saknas "
                                       "(./dev.py test installerar paketet med npm i tools/cypher-check)")


def check(queries: list[dict], map_keys: tuple[str, ...] = ()) -> dict[str, list[dict]]:
    """Diagnostics per query. map_keys: keys of parameter maps the statements read (row.src), which the checker
    cannot tell from property keys."""
    props = sorted({p for n in schema.NODES for p in n.props} | {p for r in schema.RELS for p in schema.rel_props(r)}
                   | {p for n in schema.NODES for p in schema.store_columns(n.label)} | set(map_keys))
    payload = {"schema": {"labels": list(schema.NODE_LABELS), "relationshipTypes": list(schema.REL_TYPES),
                          "propertyKeys": props}, "queries": queries}
    res = subprocess.run([NODE, str(TOOL / "check.mjs")], input=json.dumps(payload), capture_output=True,
                         text=True, cwd=TOOL, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    return {r["name"]: r["diagnostics"] for r in json.loads(res.stdout)}


def test_every_saved_query_is_neo4j_cypher():
    qs = saved_queries()
    assert qs
    found = check([{"name": q.name, "text": q.text, "params": q.params} for q in qs])
    problems = {name: [d["message"] for d in ds] for name, ds in found.items() if ds}
    assert not problems, problems


def test_the_backends_own_statements_are_neo4j_cypher():
    stmts = [{"name": f"constraint-{i}", "text": s} for i, s in enumerate(schema.neo4j_constraints())]
    stmts += [{"name": f"nodes-{n.label}", "text": merge_nodes_cypher(n.label), "params": {"rows": []}}
              for n in schema.NODES]
    stmts += [{"name": f"rels-{r.type}-{role}", "text": merge_rels_cypher(r.type, role), "params": {"rows": []}}
              for r in schema.RELS for role in (False, True)]
    stmts += [{"name": f"stale-{n.label}", "text": remove_stale_nodes_cypher(n.label), "params": {"ids": []}}
              for n in schema.NODES]
    stmts += [{"name": f"stale-{r.type}", "text": remove_stale_rels_cypher(r.type), "params": {"keys": []}}
              for r in schema.RELS]
    # the changes written in one transaction (graph/store_diff.py)
    stmts += [{"name": f"digests-{n.label}", "text": digests_cypher(n.label)} for n in schema.NODES]
    stmts += [{"name": f"set-{n.label}", "text": set_nodes_cypher(n.label), "params": {"rows": []}}
              for n in schema.NODES]
    stmts += [{"name": f"delete-{n.label}", "text": delete_nodes_cypher(n.label), "params": {"ids": []}}
              for n in schema.NODES]
    stmts += [{"name": f"parts-{r.type}", "text": delete_parts_cypher(r.type), "params": {"docs": []}}
              for r in schema.RELS]
    stmts += [{"name": f"create-{r.type}-{a}-{b}", "text": create_rels_cypher(r.type, a, b), "params": {"rows": []}}
              for r in schema.RELS for a, b in r.pairs]
    stmts += [{"name": f"read-{n.label}", "text": f"MATCH (n:{n.label}) RETURN n"} for n in schema.NODES]
    stmts += [{"name": f"read-{r.type}", "text": f"MATCH (a)-[r:{r.type}]->(b) RETURN a.id AS a, b.id AS b, r"}
              for r in schema.RELS]
    # search: the full-text indexes and the statements that read them (graph/search.py)
    stmts += [{"name": f"fulltext-{i}", "text": s} for i, s in enumerate(search.neo4j_indexes())]
    stmts += [{"name": "search-nodes", "text": search.NEO4J_NODES, "params": {"query": "x", "limit": 1}},
              {"name": "search-documents", "text": search.NEO4J_DOCUMENTS, "params": {"query": "x", "limit": 1}},
              {"name": "search-bodies", "text": search.NEO4J_BODIES, "params": {"ids": []}}]
    found = check(stmts, map_keys=("src", "dst", "props"))
    problems = {name: [d["message"] for d in ds] for name, ds in found.items() if ds}
    assert not problems, problems


def test_the_checker_catches_what_neo4j_would_refuse():
    """The check is real: a syntax error, an undefined variable and the embedded engine's label(r) all fail."""
    found = check([{"name": "syntax", "text": "MATCH (a:Body RETURN a"},
                   {"name": "undefined", "text": "MATCH (a:Body) RETURN b"},
                   {"name": "dialect", "text": "MATCH (:Body)-[r:REPORTS_TO]->(:Body) RETURN label(r)"}])
    assert all(found[k] for k in ("syntax", "undefined", "dialect")), found
