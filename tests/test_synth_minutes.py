"""scripts/synth_minutes.py: the corpus is the same for the same seed, and ingested for real with the project's
pipeline it gives back what was generated (rosters, persons in two bodies, referrals as matters of two bodies)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MB = 0.3


def _load_script():
    spec = importlib.util.spec_from_file_location("synth_minutes", ROOT / "scripts" / "synth_minutes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


synth = _load_script()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "docs"
    files, digest, info = synth.write_corpus(out, MB, 1)
    return out, files, digest, info


@pytest.fixture(scope="module")
def graph(corpus, tmp_path_factory):
    """The corpus ingested once, as `govgraph ingest` does it (one process: the machine is shared)."""
    from graph.store import LadybugStore
    from ingest.pipeline import ingest

    out = corpus[0]
    db = tmp_path_factory.mktemp("synth-db") / "g.db"
    res = ingest([out], db, jobs=1)
    store = LadybugStore(db, read_only=True)
    yield res, store
    store.close()


def test_same_seed_same_corpus_another_seed_another(corpus, tmp_path):
    _, files, digest, info = corpus
    files2, digest2, info2 = synth.write_corpus(tmp_path / "again", MB, 1)
    assert digest2 == digest
    assert [f.name for f in files2] == [f.name for f in files]
    assert files2[-1].read_bytes() == files[-1].read_bytes()
    assert info2["referrals"] == info["referrals"]
    _, digest3, _ = synth.write_corpus(tmp_path / "other", MB, 2)
    assert digest3 != digest


def test_refuses_a_folder_with_documents(corpus):
    with pytest.raises(FileExistsError):
        synth.write_corpus(corpus[0], MB, 1)


def test_size_names_and_text(corpus):
    _, files, digest, info = corpus
    texts = [f.read_text(encoding="utf-8") for f in files]
    chars = sum(len(t) for t in texts)
    assert chars >= MB * 1e6 and chars == info["chars"]
    assert len(files) == info["documents"] == info["meetings"]
    assert re.fullmatch(r"[0-9a-f]{16}", digest)
    for f in files:
        assert re.fullmatch(r"[a-z0-9-]+-\d{4}-\d\d-\d\d\.txt", f.name), f.name
    sizes = sorted(len(t) for t in texts)
    assert 3000 <= sizes[len(sizes) // 2] <= 20000 and sizes[-1] < 25000
    joined = "\n".join(texts)
    assert all(c in joined for c in "åäöÅÄÖ")
    # at least three of the real layouts
    layouts = {"classic": "Övriga närvarande (tjänstepersoner)\t", "au": "SAMMANTRÄDESPROTOKOLL",
               "regional": "Vid protokollet", "socsam": "\nInnehåll\n", "notes": "Minnesanteckningar"}
    assert sum(1 for mark in layouts.values() if mark in joined) >= 3


def test_ingest_reads_every_document(corpus, graph):
    res, _ = graph
    assert not res.failed, res.failed
    assert len(res.added) == corpus[3]["documents"]


def _largest_social_roster(info):
    rosters = [r for r in info["rosters"].values() if r["kind"] == "sn" and r["meetings"] >= 2]
    assert rosters, "no social nämnd met twice"
    return max(rosters, key=lambda r: r["meetings"])


def test_a_roster_comes_back_with_parties(corpus, graph):
    _, store = graph
    roster = _largest_social_roster(corpus[3])
    rows = store.records(
        "MATCH (k:Municipality)<-[:BELONGS_TO]-(b:Body)-[:HELD]->(m:Meeting)<-[:ATTENDED|ABSENT_FROM]-(p:Person) "
        "WHERE b.name = $body AND k.name = $muni RETURN DISTINCT p.name AS name, p.party AS party",
        {"body": roster["name"], "muni": roster["municipality"]})
    found = {r["name"]: r["party"] for r in rows}
    members = {m["name"]: m["party"] for m in roster["members"]}
    assert set(members) <= set(found), sorted(set(members) - set(found))
    assert {n: found[n] for n in members} == members
    officials = {o["name"] for o in roster["officials"]}
    assert officials & set(found), "none of the nämnd's tjänstepersoner found at its meetings"


def test_a_chair_sits_in_the_nämnd_and_the_county_group(corpus, graph):
    _, store = graph
    info = corpus[3]
    groups = [r for r in info["rosters"].values() if r["kind"] == "group" and r["meetings"]]
    assert groups
    in_group = {m["name"] for g in groups for m in g["members"]}
    chairs = {r["members"][0]["name"]: r["name"] for r in info["rosters"].values()
              if r["kind"] == "sn" and r["meetings"] and r["members"][0]["name"] in in_group}
    assert chairs
    both = 0
    for person, nämnd in chairs.items():
        bodies = {r["b"] for r in store.records(
            "MATCH (p:Person {name: $n})-[:MEMBER_OF]->(b:Body) RETURN DISTINCT b.name AS b", {"n": person})}
        both += nämnd in bodies and any(g["name"].split(" (")[0] in bodies for g in groups)
    assert both >= 1


def test_a_referral_is_a_matter_of_both_bodies(corpus, graph):
    from graph.queries import find_query

    _, store = graph
    text, _ = find_query("matters_between")
    refs = [r for r in corpus[3]["referrals"] if r["step"] == "nämnd-grupp" and r["to_date"]]
    assert refs, "no referral from a nämnd was taken up by the county group"
    found = []
    for r in refs:
        rows = store.records(text, {"from": r["from_body"], "to": r["to_body"]})
        hit = [x for x in rows if (x["from_date"], x["from_para"], x["to_date"], x["to_para"])
               == (r["from_date"], r["from_para"], r["to_date"], r["to_para"])]
        if hit:
            assert hit[0]["from_body"] == r["from_body"] and hit[0]["to_body"] == r["to_body"]
            assert r["title"].lower()[:20] in hit[0]["matter"].lower()
            found.append(r)
    assert len(found) >= 0.8 * len(refs), f"{len(found)} of {len(refs)} referrals came out as a matter of both bodies"


def test_an_assignment_by_title_reaches_the_official(corpus, graph):
    _, store = graph
    officials = {o["name"] for r in corpus[3]["rosters"].values() for o in r["officials"]}
    rows = store.records("MATCH (a:Assignment)-[:ASSIGNED_TO]->(p:Person) RETURN DISTINCT p.name AS name", {})
    assert officials & {r["name"] for r in rows}
