"""Search (graph/search.py, graph/search_index.py, `govgraph search`): Swedish word forms find each other, what the
samples hold is found with its provenance, user text is never syntax, filters narrow, and the index beside the
database is of the graph the file holds or is built again."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import indexed_documents
from graph import search_index
from graph.search import Query, SearchError, entries, marked, passages, root, snippet, terms
from graph.store import LadybugStore

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- words
@pytest.mark.parametrize("forms", [("psykiatri", "psykiatrin", "psykiatriska", "Psykiatrisk"),
                                   ("kommun", "kommunerna", "kommuner", "KOMMUNENS"),
                                   ("hemsjukvård", "hemsjukvården", "Hemsjukvårdens"),
                                   ("Östlund", "östlunds"),
                                   ("beslut", "beslutet", "besluten")])
def test_the_forms_of_a_word_have_one_root(forms):
    assert len({root(w) for w in forms}) == 1, {w: root(w) for w in forms}


def test_swedish_letters_are_letters_not_accents():
    assert root("får") != root("far")
    assert root("Ärende") == root("ärende")


def test_user_syntax_is_words_only():
    assert terms('"psykiatri" AND (SVOM OR *)') == [root("psykiatri"), "and", "svom", "or"]
    for nothing in ("", "   ", '"*"', "()", "- + ^"):
        with pytest.raises(SearchError, match="inga ord"):
            terms(nothing)


def test_query_filters_are_checked_with_one_swedish_line():
    with pytest.raises(SearchError, match="--kind"):
        Query("x", kind="nämnd")
    with pytest.raises(SearchError, match="ÅÅÅÅ-MM-DD"):
        Query("x", date_from="13 oktober 2023")


def test_found_words_are_marked_and_the_rest_escaped():
    text = 'Psykiatrin <b>och</b> "barnpsykiatri" & mer'
    out = marked(text, terms("psykiatri"))
    assert out == ('<mark>Psykiatrin</mark> &lt;b&gt;och&lt;/b&gt; &quot;<mark>barnpsykiatri</mark>&quot; '
                   '&amp; mer')
    long = "ord " * 200 + "psykiatri " + "ord " * 200
    cut = snippet(long, terms("psykiatri"), 100)
    assert "psykiatri" in cut and len(cut) <= 104 and cut.startswith("…") and cut.endswith("…")


# ---------------------------------------------------------------- passages
def test_passages_are_spans_of_the_text_cut_at_items():
    text = ("Protokoll\n\n§ 1 Val av justerare\nAnna valdes.\n\n§ 2 Psykiatri\n" + "Lång text. " * 300
            + "\n\nSlut")
    cuts = [text.index("§ 1"), text.index("§ 2")]
    spans = passages(text, cuts)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    assert [s for s, _ in spans if s in cuts] == cuts, "an item begins a passage"
    assert max(e - s for s, e in spans) <= 1200
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_run_on_text_without_line_breaks_is_cut_at_sentences():
    text = "Detta är en mening om psykiatri. " * 120
    spans = passages(text)
    assert len(spans) > 2 and all(text[e - 1] == "." for _, e in spans[:-1])


def test_every_entry_of_the_samples_has_provenance(sample_graph):
    docs = {n: d["text"] for n, d in sample_graph.nodes(data=True) if d["label"] == "Document"}
    seen = set()
    for e in entries(sample_graph):
        seen.add(e.kind)
        assert e.doc in docs, e
        assert docs[e.doc][e.start:e.end] == e.quote, e
    assert seen >= {"body", "person", "matter", "item", "decision", "assignment", "passage"}


# ---------------------------------------------------------------- the samples
def _ids(hits):
    return [h["id"] for h in hits]


def test_psykiatri_finds_the_matter_both_items_the_decision_and_the_svom_page(sample_store):
    for form in ("psykiatri", "psykiatrin", "psykiatriska"):
        hits = sample_store.search(Query(form, limit=40))
        ids = _ids(hits)
        matter = next(h for h in hits if h["kind"] == "matter")
        assert "SocSam" in matter["body_names"] and "SVOM" in matter["body_names"], matter
        items = {h["id"].split(":")[1].split("#")[0] for h in hits if h["kind"] == "item"}
        assert any(i.startswith("socsam") for i in items) and any(i.startswith("svom") for i in items), ids
        assert any(h["kind"] == "decision" and h["id"].startswith("decision:socsam") for h in hits), ids
        assert any(h["kind"] == "passage" and h["doc"] == "doc:svom-2023-10-webbsida" for h in hits), ids
        assert ids.index(matter["id"]) < 3, "a matter named by the word comes before passages that mention it"


def test_ostlund_finds_her_and_the_item_she_spoke_in(sample_store):
    hits = sample_store.search(Query("Östlund"))
    assert hits[0]["id"] == "person:maria-ostlund"
    item = next(h for h in hits if h["kind"] == "item")
    rows = sample_store.records("MATCH (p:Person {id: 'person:maria-ostlund'})-[:PRESENTED]->(i:AgendaItem) "
                                "RETURN i.id AS id")
    assert item["id"] in {r["id"] for r in rows}


def test_a_hit_quotes_its_source_exactly(sample_store):
    texts = {r["id"]: r["text"] for r in sample_store.records("MATCH (d:Document) RETURN d.id AS id, d.text AS text")}
    hits = sample_store.search(Query("SVOM", limit=50))
    assert len(hits) >= 20
    for h in hits:
        assert texts[h["doc"]][h["start"]:h["end"]] == h["quote"], h


def test_a_part_of_a_compound_finds_the_name(sample_store):
    hits = sample_store.search(Query("mottagning", kind="agreement"))
    assert [h["id"] for h in hits] == ["agreement:avtal-ungdomsmottagningen"]


def test_filters_narrow_by_kind_body_municipality_and_period(sample_store):
    all_hits = sample_store.search(Query("psykiatri", limit=100))
    assert {h["kind"] for h in sample_store.search(Query("psykiatri", kind="passage", limit=100))} == {"passage"}
    svom = sample_store.search(Query("psykiatri", body="SVOM", limit=100))
    assert svom and all("SVOM" in h["body_names"] for h in svom) and len(svom) < len(all_hits)
    assert sample_store.search(Query("psykiatri", body="svom", limit=100)) == svom
    autumn = sample_store.search(Query("psykiatri", date_from="2023-06", limit=100))
    assert autumn and all(h["date_max"] >= "2023-06" for h in autumn) and len(autumn) < len(all_hits)
    spring = sample_store.search(Query("psykiatri", date_to="2023-03", limit=100))
    assert spring and all(h["date_min"] <= "2023-03-31" for h in spring)
    berg = sample_store.search(Query("Östlund", municipality="Bergs kommun"))
    assert _ids(berg)[0] == "person:maria-ostlund"
    assert sample_store.search(Query("Östlund", municipality="2326")) == berg
    assert not sample_store.search(Query("Östlund", municipality="Kiruna"))


def test_user_syntax_cannot_break_a_search(sample_store):
    for text in ('psykiatri"', "psykiatri OR", "NEAR(psykiatri)", "psyk*", "^SVOM", "'; DROP TABLE entry; --"):
        sample_store.search(Query(text))  # no error: only the words are searched for


# ---------------------------------------------------------------- the index beside the database
def _graph_docs(db: Path) -> set[str]:
    store = LadybugStore(db)
    try:
        return {r["id"] for r in store.records("MATCH (d:Document) RETURN d.id AS id")}
    finally:
        store.close()


def test_an_ingest_writes_the_index_of_its_graph(sample_db):
    assert search_index.current(sample_db)
    assert indexed_documents(sample_db) == _graph_docs(sample_db)


def test_a_missing_or_stale_index_is_built_again_before_it_answers(sample_db, tmp_path):
    db = tmp_path / "govgraph.db"
    shutil.copy(sample_db, db)
    shutil.copy(search_index.index_path(sample_db), search_index.index_path(db))
    assert not search_index.current(db), "a copied file is another file: its index must be checked again"
    store = LadybugStore(db)
    try:
        assert _ids(store.search(Query("Östlund")))[0] == "person:maria-ostlund"
        assert search_index.current(db)
        search_index.index_path(db).write_bytes(b"not an index")
        assert not search_index.current(db)
        assert _ids(store.search(Query("Östlund")))[0] == "person:maria-ostlund"
        search_index.remove(db)
        assert _ids(store.search(Query("Östlund")))[0] == "person:maria-ostlund"
    finally:
        store.close()
    assert indexed_documents(db) == _graph_docs(db)


def test_remove_takes_the_document_out_of_the_index(sample_db, tmp_path):
    from ingest.pipeline import remove

    db = tmp_path / "govgraph.db"
    shutil.copy(sample_db, db)
    remove(["svom-2023-10-webbsida.txt"], db)
    assert search_index.current(db)
    assert "doc:svom-2023-10-webbsida" not in indexed_documents(db)
    assert indexed_documents(db) == _graph_docs(db)


def _index_content(db: Path) -> list:
    """What an index holds, whatever its rowids: its entries, sorted by id; after FTS5's own check of its full-text
    tables."""
    import sqlite3

    conn = sqlite3.connect(search_index.index_path(db))
    try:
        for table in ("word_index", "name_index"):
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        cols = [c[1] for c in conn.execute("PRAGMA table_info(entry)") if c[1] != "rowid"]
        shown = ", ".join(f'e."{c}"' for c in cols)
        assert conn.execute("SELECT count(*) FROM entry_key k JOIN entry e ON e.rowid = k.rowid AND e.id = k.id"
                            ).fetchone()[0] == conn.execute("SELECT count(*) FROM entry").fetchone()[0]
        return sorted(conn.execute(f"SELECT {shown} FROM entry e"), key=lambda r: r[cols.index("id")])
    finally:
        conn.close()


def _ranked(db: Path, text: str, **kw) -> list[tuple[str, float]]:
    return [(h["id"], h["score"]) for h in search_index.search(db, Query(text, limit=50, **kw))]


def test_an_ingest_into_a_stored_graph_changes_the_index_in_place_as_a_new_build_would(tmp_path, monkeypatch):
    """Adding and removing a document rewrites only the entries that differ; the index is then what a new index of
    the stored graph is, entry for entry, its full-text tables pass FTS5's integrity check, and searches rank
    alike. The SVOM page changes what is known of entries already there: SVOM's and Barnarenan's dates, the
    bodies of the matter it takes up from SocSam."""
    from graph.store_common import read_graph
    from ingest.pipeline import ingest, remove

    monkeypatch.setattr(search_index, "REWRITE_SHARE", 1.0)  # the samples are small: any change is a large share
    samples, page = ROOT / "data" / "sample-minutes", "svom-2023-10-webbsida.txt"
    first = tmp_path / "first"
    first.mkdir()
    for f in samples.iterdir():
        if f.name != page:
            shutil.copy(f, first)
    db = tmp_path / "govgraph.db"
    assert not ingest([first], db).failed
    before = _index_content(db)
    was = {r[5]: r for r in before}  # id: entry
    written = []
    prepare = search_index.prepare

    def watched(G, path, *args):
        pending = prepare(G, path, *args)
        written.append((pending.updated, pending.changed))
        return pending

    monkeypatch.setattr(search_index, "prepare", watched)
    assert not ingest([samples / page], db).failed
    assert [u for u, _ in written] == [True], "the write changed the index in place"
    added = _index_content(db)
    assert {"body:svom", "matter:socsam-2023-10-13#§55"} <= {r[5] for r in added if was.get(r[5], r) != r}
    assert 0 < written[0][1] < len(added)
    remove([page], db)
    assert [u for u, _ in written] == [True, True], "the removal changed the index in place"
    assert _index_content(db) == before, "taken out again, the page leaves the index as it was"
    changed = _index_content(db)
    queries = [("psykiatri", {}), ("Östlund", {}), ("protokoll", {"kind": "passage"}), ("beslut", {})]
    ranked = [_ranked(db, t, **kw) for t, kw in queries]
    assert indexed_documents(db) == _graph_docs(db)

    store = LadybugStore(db)
    try:
        G = read_graph(store.records)
    finally:
        store.close()
    search_index.install(search_index.build(G, db), db)
    assert changed == _index_content(db)
    assert ranked == [_ranked(db, t, **kw) for t, kw in queries]
    assert any(ranked)


def test_a_write_that_changes_much_of_the_index_builds_a_new_file(sample_db, tmp_path, monkeypatch):
    from ingest.pipeline import remove

    monkeypatch.setattr(search_index, "REWRITE_SHARE", 0.0)  # any change is too many
    db = tmp_path / "govgraph.db"
    shutil.copy(sample_db, db)
    LadybugStore(db).rebuild_index()
    inode = search_index.index_path(db).stat().st_ino
    remove(["svom-2023-10-webbsida.txt"], db)
    assert search_index.index_path(db).stat().st_ino != inode, "a new file was put in place"
    assert search_index.current(db) and indexed_documents(db) == _graph_docs(db)
    assert not list(tmp_path.glob("*.sok.building-*")) and not list(tmp_path.glob("*.sok-journal"))


def test_an_index_that_cannot_be_written_leaves_the_graph_and_its_index_as_they_were(sample_db, tmp_path,
                                                                                     monkeypatch):
    """The index is made while the graph is written; where it fails (a full disk), the graph is not committed
    either, and the user is told in one line what to do."""
    from graph.store_common import StoreError
    from ingest.pipeline import remove

    db = tmp_path / "govgraph.db"
    shutil.copy(sample_db, db)
    LadybugStore(db).rebuild_index()
    docs = _graph_docs(db)
    monkeypatch.setattr(search_index, "REWRITE_SHARE", 0.0)  # a new file, built by build()

    def full_disk(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(search_index, "build", full_disk)
    with pytest.raises(StoreError) as e:
        remove(["svom-2023-10-webbsida.txt"], db)
    assert "sökindexet kunde inte skrivas" in str(e.value) and "grafen är oförändrad" in str(e.value)
    assert str(search_index.index_path(db)) in str(e.value)
    assert _graph_docs(db) == docs, "the graph was not committed without its index"
    assert indexed_documents(db) == docs, "the index left is the old graph's"
    monkeypatch.undo()  # the disk has room again
    _assert_a_search_answers_from(db, docs)
    assert not list(tmp_path.glob("*.building-*"))


def _assert_a_search_answers_from(db: Path, docs: set[str]) -> None:
    """A search answers from the graph db holds, whose documents are docs. A write that failed and was rolled back
    may have touched the database file, so its index may be seen as stale and be built again first."""
    store = LadybugStore(db)
    try:
        assert _ids(store.search(Query("Östlund")))[0] == "person:maria-ostlund"
    finally:
        store.close()
    assert search_index.current(db) and indexed_documents(db) == docs


@pytest.mark.parametrize("index_path", ["changes", "a new file"])
def test_a_graph_that_fails_to_be_written_stops_its_index_and_leaves_nothing_behind(sample_db, tmp_path,
                                                                                    monkeypatch, index_path):
    import sqlite3

    import graph.store as store_module
    from ingest.pipeline import remove

    db = tmp_path / "govgraph.db"
    shutil.copy(sample_db, db)
    LadybugStore(db).rebuild_index()
    docs = _graph_docs(db)
    if index_path == "a new file":
        monkeypatch.setattr(search_index, "REWRITE_SHARE", 0.0)

    def broken(*args, **kwargs):
        raise RuntimeError("the engine failed")

    monkeypatch.setattr(store_module, "apply_changes", broken)
    monkeypatch.setattr(store_module, "write_graph", broken)
    with pytest.raises(RuntimeError, match="the engine failed") as failed:
        remove(["svom-2023-10-webbsida.txt"], db)
    assert not [t for t in threading.enumerate() if t.name == "search-index"], "the index's thread ended"
    assert not list(tmp_path.glob("*.building-*")) and not list(tmp_path.glob("*.sok-journal"))
    # while the error (and with it the writer's frames) is still held, no transaction on the index is left open
    conn = sqlite3.connect(search_index.index_path(db), timeout=0.1, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    del failed
    assert _graph_docs(db) == docs and indexed_documents(db) == docs
    monkeypatch.undo()
    _assert_a_search_answers_from(db, docs)


def test_a_stopped_preparation_ends_early_and_leaves_no_file(sample_graph, tmp_path):
    stop = threading.Event()
    stop.set()
    with pytest.raises(search_index._Stopped):
        search_index.prepare(sample_graph, tmp_path / "govgraph.db", stop)
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------- the command
def _govgraph(*args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOVGRAPH_", "NEO4J_"))}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "govgraph", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_the_command_prints_ranked_hits_with_quote_and_source(sample_db):
    p = _govgraph("search", "psykiatri", "--db", sample_db, "--limit", "5")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("1. Ärende: Skrivelse angående samverkan"), p.stdout
    assert "*psykiatri*" in p.stdout and "källa: doc:socsam-2023-03-24-utdrag-p21, tecken" in p.stdout
    p = _govgraph("search", "Östlund", "--db", sample_db, "--format", "json", "--kind", "person")
    rows = json.loads(p.stdout)
    assert [r["id"] for r in rows] == ["person:maria-ostlund"] and rows[0]["quote"] == "Maria Östlund"
    p = _govgraph("search", "psykiatri", "--db", sample_db, "--format", "csv", "--limit", "3")
    rows = list(csv.reader(io.StringIO(p.stdout)))
    assert rows[0] == ["kind", "id", "title", "para", "date", "bodies", "quote", "doc", "start", "end", "score"]
    assert len(rows) == 4 and rows[1][0] == "matter" and "psykiatri" in rows[1][6]


def test_the_command_says_what_was_searched_when_nothing_is_found(sample_db):
    p = _govgraph("search", "Östlund", "--db", sample_db, "--body", "Barnarenan")
    assert p.returncode == 0 and not p.stdout
    assert p.stderr.strip() == "Inget hittades för ”Östlund” (söktes som östlund); ta bort filtren (organ)."
    p = _govgraph("search", '"*"', "--db", sample_db)
    assert p.returncode == 2 and p.stderr.startswith("fel: Sökningen") and "Traceback" not in p.stderr
    p = _govgraph("search", "x", "--db", sample_db, "--from", "igår")
    assert p.returncode == 2 and "ÅÅÅÅ-MM-DD" in p.stderr
