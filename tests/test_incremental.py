"""Adding documents to a stored graph gives the graph a full ingest of them all gives, and removing them gives
back the graph without them: the property the incremental path has to keep, tested on real documents of data/
in orders and subsets hypothesis picks, with the embedded database for real.

Ids are sticky (ingest/resolve/sticky.py): a graph that grew document by document may call a node by the id an
earlier document gave it where a graph built in one go names it anew, and keeps a Redirect for an id a later
merge retired. So the graphs are compared by a digest that names every node by what it stands for, not by its
id: a document by its id (its file name), every other node by its label and the mentions behind it (document,
start, end of its MENTIONED_IN edges), with every id first followed through its redirects."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.redirects import follow_in
from graph.store import LadybugStore
from graph.store_api import graph_from_store
from ingest import pipeline

ROOT = Path(__file__).resolve().parents[1]

# documents that speak of the same bodies, persons and matters: SocSam, SVOM and their members
POOL = [ROOT / "data" / "sample-minutes" / f for f in (
    "socsam-2023-10-13-protokoll.txt", "socsam-2023-03-24-utdrag-p21.txt", "svom-2023-10-webbsida.txt",
    "dalarna-socialchefsnatverket-2021-minnesanteckningar.txt")] + [ROOT / "data" / "real" / f for f in (
        "01_svom-2021-06-04.txt", "02_svom-2021-12-03.txt", "04_svom-2023-02-24.txt")]

VOLATILE = {"id", "label", "warnings"}  # a warning names the ids of the graph it was written in


def stored_graph(db: Path) -> nx.MultiDiGraph:
    store = LadybugStore(db)
    try:
        return graph_from_store(store)
    finally:
        store.close()


def graph_digest(G: nx.MultiDiGraph) -> tuple[str, dict]:
    """A digest of the graph's nodes, edges and provenance that names each node by what it stands for; with
    the canonical nodes and edges for a readable difference when two digests differ."""
    def live(n: str) -> str:
        return follow_in(G, n)

    mentions: dict[str, list] = {}
    for u, v, d in G.edges(data=True):
        if d["type"] == "MENTIONED_IN":
            mentions.setdefault(live(u), []).append((v, d.get("start"), d.get("end")))
    name: dict[str, str] = {}
    for n, d in G.nodes(data=True):
        if d["label"] == "Redirect":
            continue
        name[n] = n if d["label"] == "Document" else f"{d['label']}{sorted(mentions.get(n, []))}"

    def canon(value):
        if isinstance(value, str) and value in G and G.nodes[value]["label"] != "Document":
            return name.get(live(value), value)
        if isinstance(value, list):
            return sorted(canon(x) for x in value)
        return value

    nodes = {name[n]: {k: canon(v) for k, v in sorted(d.items()) if k not in VOLATILE}
             for n, d in G.nodes(data=True) if n in name}
    edges = sorted(json.dumps([name[live(u)], name[live(v)], {k: canon(x) for k, x in sorted(d.items())}],
                              ensure_ascii=False, default=str)
                   for u, v, d in G.edges(data=True))
    body = json.dumps([sorted(nodes.items()), edges], ensure_ascii=False, default=str, sort_keys=True)
    return hashlib.sha256(body.encode()).hexdigest(), {"nodes": nodes, "edges": edges}


def difference(a: dict, b: dict) -> str:
    only_a = sorted(set(a["nodes"]) - set(b["nodes"]))[:5]
    only_b = sorted(set(b["nodes"]) - set(a["nodes"]))[:5]
    props = [(k, a["nodes"][k], b["nodes"][k]) for k in sorted(set(a["nodes"]) & set(b["nodes"]))
             if a["nodes"][k] != b["nodes"][k]][:3]
    ea, eb = set(a["edges"]), set(b["edges"])
    return (f"nodes only in the first: {only_a}\nnodes only in the second: {only_b}\nproperties differ: {props}\n"
            f"edges only in the first: {sorted(ea - eb)[:5]}\nedges only in the second: {sorted(eb - ea)[:5]}")


def assert_same_graph(db_a: Path, db_b: Path) -> None:
    da, ca = graph_digest(stored_graph(db_a))
    db_, cb = graph_digest(stored_graph(db_b))
    assert da == db_, difference(ca, cb)


@st.composite
def two_parts(draw):
    """Two disjoint, non-empty groups of documents from the pool, each in an order of its own."""
    chosen = draw(st.lists(st.sampled_from(POOL), min_size=2, max_size=5, unique=True))
    cut = draw(st.integers(min_value=1, max_value=len(chosen) - 1))
    return chosen[:cut], chosen[cut:]


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(parts=two_parts())
def test_adding_then_removing_documents_is_a_full_ingest(tmp_path_factory, parts):
    a, b = parts
    work = tmp_path_factory.mktemp("incremental")
    grown, whole, first = work / "grown.lbug", work / "whole.lbug", work / "first.lbug"
    pipeline.ingest(a, grown, jobs=1)
    pipeline.ingest(b, grown, jobs=1)
    pipeline.ingest([*a, *b], whole, jobs=1)
    assert_same_graph(grown, whole)
    result = pipeline.remove([p.name for p in b], grown)
    assert not result.failed
    pipeline.ingest(a, first, jobs=1)
    assert_same_graph(grown, first)


def test_the_digest_tells_graphs_apart(tmp_path):
    """The digest is not blind: one document more is another graph, the same documents are the same one."""
    one, two, again = tmp_path / "one.lbug", tmp_path / "two.lbug", tmp_path / "again.lbug"
    pipeline.ingest(POOL[:1], one, jobs=1)
    pipeline.ingest(POOL[:2], two, jobs=1)
    pipeline.ingest(list(reversed(POOL[:2])), again, jobs=1)
    assert graph_digest(stored_graph(one))[0] != graph_digest(stored_graph(two))[0]
    assert_same_graph(two, again)


def test_one_document_more_is_written_as_changes_to_the_stored_graph(tmp_path):
    """A document added to a stored graph changes a small part of it: only that part is written, in one
    transaction into the stored file, and the graph is the one a full ingest gives."""
    grown, whole = tmp_path / "grown.lbug", tmp_path / "whole.lbug"
    pipeline.ingest(POOL[:5], grown, jobs=1)
    store = LadybugStore(grown, read_only=False)
    G = pipeline.build(list(pipeline._stored_corpus({d["id"]: d for d in store.load_documents()}).values()))[0]
    store.close()
    # the graph built again from what is stored is the stored graph: writing it changes nothing
    assert store.replace_graph(G) and store.last_write == "changes"
    before = grown.stat().st_ino
    pipeline.ingest(POOL[5:6], grown, jobs=1)
    assert grown.stat().st_ino == before, "the stored file was written in place, not replaced by a new one"
    pipeline.ingest(POOL[:6], whole, jobs=1)
    assert_same_graph(grown, whole)


def test_a_graph_written_before_digests_is_written_anew(tmp_path):
    """A graph of an earlier version has no digests to compare with: the next ingest writes the whole graph into a
    new file, with them, and the graph is the one a full ingest gives."""
    import ladybug

    from graph import schema

    old, whole = tmp_path / "old.lbug", tmp_path / "whole.lbug"
    pipeline.ingest(POOL[:2], old, jobs=1)
    db = ladybug.Database(str(old))
    conn = ladybug.Connection(db)
    for nt in schema.NODES:
        for column in schema.store_columns(nt.label):
            conn.execute(f"ALTER TABLE {nt.label} DROP {column}")
    del conn, db
    before = old.stat().st_ino
    pipeline.ingest(POOL[2:3], old, jobs=1)
    assert old.stat().st_ino != before, "a new file was swapped in"
    pipeline.ingest(POOL[:3], whole, jobs=1)
    assert_same_graph(old, whole)
    store = LadybugStore(old)
    try:
        assert store.records(f"MATCH (n:Document) RETURN n.{schema.PART} AS p")[0]["p"]
    finally:
        store.close()
