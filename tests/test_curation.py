"""Reviewers' corrections on the sample graph: merge, split, reject and add, from the CLI as a reviewer runs them;
each with who, when and why in the corrections file; applied on every build, and kept when the documents they
touch are read again."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph import curation
from graph.model import GovgraphError
from graph.store import LadybugStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "sample-minutes"


def govgraph(*args, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")}
    env["PYTHONPATH"] = str(ROOT)
    env["GOVGRAPH_USER"] = "Granskare Test"
    return subprocess.run([sys.executable, "-m", "govgraph", *map(str, args)], env=env, capture_output=True, text=True,
                          timeout=300, **kw)


def q(db: Path, cypher: str, **params) -> list[dict]:
    store = LadybugStore(db, read_only=True)
    try:
        return store.records(cypher, params)
    finally:
        store.close()


@pytest.fixture()
def work(tmp_path, sample_db):
    folder = tmp_path / "protokoll"
    shutil.copytree(SAMPLES, folder)
    db = tmp_path / "govgraph.db"
    shutil.copy(sample_db, db)
    return folder, db, tmp_path / "curation.toml"


def test_merge_split_reject_add_with_who_when_why_and_a_full_reingest_keeps_them(work):
    folder, db, cur = work
    c = ["--db", db, "--curation", cur]
    p = govgraph("curate", "merge", "person:lennart-raswill", "person:karl-erik-lundin", "--why",
                 "samma uppdrag i protokollen", *c)
    assert p.returncode == 0, p.stderr
    assert q(db, "MATCH (p:Person {id: 'person:karl-erik-lundin'}) RETURN count(p) AS n")[0]["n"] == 0
    merged = q(db, "MATCH (p:Person {id: 'person:lennart-raswill'}) RETURN p.aliases AS a, p.curated AS c")[0]
    assert "Karl-Erik Lundin" in merged["a"] and "Granskare Test" in merged["c"] and "samma uppdrag" in merged["c"]
    assert q(db, "MATCH (r:Redirect {id: 'person:karl-erik-lundin'}) RETURN r.target AS t") == [
        {"t": "person:lennart-raswill"}]

    before = q(db, "MATCH (:Body {id: 'body:socsam'})-[r:REPORTS_TO]->(b:Body) RETURN b.id AS b")
    assert before
    p = govgraph("curate", "reject", "REPORTS_TO", "body:socsam", before[0]["b"], "--why", "fel läsning", *c)
    assert p.returncode == 0, p.stderr
    assert not q(db, "MATCH (:Body {id: 'body:socsam'})-[r:REPORTS_TO]->(b:Body {id: $b}) RETURN b.id AS b",
                 b=before[0]["b"])

    p = govgraph("curate", "add", "PREPARES_FOR", "body:fredagsgruppen", "body:barnarenan", "--doc",
                 "doc:svom-2023-10-webbsida", "--quote", "Fredagsgruppen", "--why", "står i stycket om stöd", *c)
    assert p.returncode == 0, p.stderr
    added = q(db, "MATCH (:Body {id: 'body:fredagsgruppen'})-[r:PREPARES_FOR]->(:Body {id: 'body:barnarenan'}) "
                  "RETURN r.quote AS quote, r.start AS s, r.`end` AS e, r.curated AS c, r.rule AS rule, r.doc AS doc")
    assert len(added) == 1 and added[0]["rule"] == "curation" and "står i stycket" in added[0]["c"]
    text = q(db, "MATCH (d:Document {id: $d}) RETURN d.text AS t", d=added[0]["doc"])[0]["t"]
    assert text[added[0]["s"]:added[0]["e"]] == added[0]["quote"] == "Fredagsgruppen"

    p = govgraph("curate", "split", "person:margareta-winberg", "--doc", "doc:socsam-2023-03-24-utdrag-p21",
                 "--why", "en annan person med samma namn i utdraget", *c)
    assert p.returncode == 0, p.stderr
    split = q(db, "MATCH (p:Person)-[r]->(x) WHERE p.id STARTS WITH 'person:margareta-winberg~' "
                  "RETURN DISTINCT r.doc AS doc")
    assert {r["doc"] for r in split} == {"doc:socsam-2023-03-24-utdrag-p21"}
    assert not q(db, "MATCH (p:Person {id: 'person:margareta-winberg'})-[r]->() "
                     "WHERE r.doc = 'doc:socsam-2023-03-24-utdrag-p21' RETURN r.doc AS d")

    rows = curation.load(cur)
    assert [r["action"] for r in rows] == ["merge", "reject", "add", "split"]
    assert all(r["who"] == "Granskare Test" and r["when"] and r["why"] for r in rows)

    # every document touched is changed on disk and read again: the corrections still hold
    for f in folder.glob("*.txt"):
        f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    p = govgraph("ingest", folder, *c)
    assert p.returncode == 0, p.stderr
    assert "uppdaterade: 5" in p.stdout
    assert q(db, "MATCH (p:Person {id: 'person:karl-erik-lundin'}) RETURN count(p) AS n")[0]["n"] == 0
    assert not q(db, "MATCH (:Body {id: 'body:socsam'})-[r:REPORTS_TO]->(b:Body {id: $b}) RETURN b.id AS b",
                 b=before[0]["b"])
    assert len(q(db, "MATCH (:Body {id: 'body:fredagsgruppen'})-[r:PREPARES_FOR]->(:Body {id: 'body:barnarenan'}) "
                     "RETURN r.curated AS c")) == 1
    assert q(db, "MATCH (p:Person) WHERE p.id STARTS WITH 'person:margareta-winberg~' RETURN p.id AS id")

    # taking one back rebuilds without it
    p = govgraph("curate", "undo", "2", *c)
    assert p.returncode == 0, p.stderr
    assert q(db, "MATCH (:Body {id: 'body:socsam'})-[r:REPORTS_TO]->(b:Body {id: $b}) RETURN b.id AS b",
             b=before[0]["b"])


def test_a_correction_that_no_longer_applies_is_a_warning_not_a_failure(work):
    folder, db, cur = work
    curation.append(cur, {"action": "merge", "ids": ["person:finns-inte", "person:margareta-winberg"],
                          "why": "test", "who": "t"})
    p = govgraph("ingest", folder, "--db", db, "--curation", cur)
    assert p.returncode == 0, p.stderr
    assert "rättelse 1" in p.stderr and "gäller inte längre" in p.stderr


def test_an_added_fact_needs_its_quote_in_the_document(work):
    folder, db, cur = work
    p = govgraph("curate", "add", "REPORTS_TO", "body:svom", "body:socsam", "--doc", "doc:svom-2023-10-webbsida",
                 "--quote", "ett citat som inte står där", "--why", "test", "--db", db, "--curation", cur)
    assert p.returncode == 0
    assert "citatet" in p.stderr and "gäller inte längre" in p.stderr
    assert not q(db, "MATCH (:Body {id: 'body:svom'})-[r:REPORTS_TO]->(:Body {id: 'body:socsam'}) RETURN r.doc AS d")


def test_a_broken_corrections_file_is_one_message_naming_it(work, tmp_path):
    folder, db, cur = work
    cur.write_text("version = 1\n[[correction]]\naction = 'merge'\nids = ['a']\n", encoding="utf-8")
    p = govgraph("ingest", folder, "--db", db, "--curation", cur)
    assert p.returncode == 2 and str(cur) in p.stderr and "Traceback" not in p.stderr
    with pytest.raises(GovgraphError, match="okänd åtgärd"):
        curation.check({"action": "rename", "who": "a", "when": "b", "why": "c"}, "x")
    cur.write_text("version = [", encoding="utf-8")
    with pytest.raises(GovgraphError, match="TOML"):
        curation.load(cur)


def test_facts_added_between_the_same_nodes_in_one_second_are_all_kept():
    # two reviewers (or one, quickly) add REPORTS_TO between the same bodies within one second, each with its own
    # quote, and one of them sends the same correction twice: every fact is an edge of its own, none replaces another
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("body:a", label="Body", name="Arbetsgruppen")
    G.add_node("body:b", label="Body", name="Styrgruppen")
    G.add_node("doc:x", label="Document", text="Arbetsgruppen rapporterar till styrgruppen. Arbetsgruppen "
                                                "återrapporterar varje kvartal.")
    base = {"action": "add", "type": "REPORTS_TO", "from": "body:a", "to": "body:b", "doc": "doc:x",
            "why": "granskat", "when": "2026-12-02T10:00:00"}
    corrections = [{**base, "who": "Anna", "quote": "Arbetsgruppen rapporterar till styrgruppen"},
                   {**base, "who": "Per", "quote": "Arbetsgruppen återrapporterar varje kvartal"},
                   {**base, "who": "Per", "quote": "Arbetsgruppen återrapporterar varje kvartal"}]
    done, warnings = curation.apply(G, corrections)
    assert len(done) == 3 and not warnings
    quotes = [d["quote"] for _, _, d in G.out_edges("body:a", data=True) if d.get("type") == "REPORTS_TO"]
    assert sorted(quotes) == ["Arbetsgruppen rapporterar till styrgruppen",
                              "Arbetsgruppen återrapporterar varje kvartal",
                              "Arbetsgruppen återrapporterar varje kvartal"]


def test_a_merged_id_becomes_a_redirect_to_the_node_it_joined():
    # saved links and queries name person:k-lundin; after a reviewer's merge they reach person:karl-lundin, and an
    # older redirect to the merged id follows it too
    import networkx as nx

    from graph.redirects import follow_in

    G = nx.MultiDiGraph()
    G.add_node("person:karl-lundin", label="Person", name="Karl Lundin")
    G.add_node("person:k-lundin", label="Person", name="K. Lundin")
    G.add_node("person:kalle-lundin", label="Redirect", id="person:kalle-lundin", target="person:k-lundin")
    done, warnings = curation.apply(G, [{"action": "merge", "ids": ["person:karl-lundin", "person:k-lundin"],
                                         "why": "samma person", "who": "Anna", "when": "2026-12-02T10:00:00"}])
    assert done and not warnings
    assert G.nodes["person:k-lundin"]["label"] == "Redirect"
    assert follow_in(G, "person:k-lundin") == "person:karl-lundin"
    assert follow_in(G, "person:kalle-lundin") == "person:karl-lundin"
