"""Every page of the explorer under Streamlit's AppTest, on the sample graph: it renders without an exception and
shows what the page is for. The pictures are checked for offline use and escaping in test_picture.py; the real
browser run is tests/e2e/test_browser.py."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "sample-minutes"

pytest.importorskip("streamlit.testing.v1")
from streamlit.testing.v1 import AppTest  # noqa: E402


@pytest.fixture(scope="module")
def app_db(tmp_path_factory) -> Path:
    from ingest.pipeline import ingest

    db = tmp_path_factory.mktemp("app-db") / "govgraph.db"
    assert not ingest([SAMPLES], db).failed
    return db


@pytest.fixture()
def app(app_db, monkeypatch) -> AppTest:
    monkeypatch.setenv("GOVGRAPH_DB", str(app_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, url_path: str, **params) -> AppTest:
    """Go to a page of st.navigation by its url_path (AppTest.switch_page only knows file pages)."""
    page = next((h for h, info in at._registered_pages.items() if info.get("url_pathname") == url_path), None)
    assert page, f"no page {url_path}: {[i.get('url_pathname') for i in at._registered_pages.values()]}"
    at._page_hash = page
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.title] + \
            [e.value for e in at.header] + [e.value for e in at.subheader] + [e.value for e in at.info] + \
            [e.value for e in at.warning] + [e.value for e in at.error]
    return "\n".join(str(p) for p in parts)


def test_overview(app):
    assert app.title[0].value == "Översikt"
    metrics = {m.label: int(m.value) for m in app.metric}
    assert metrics["Dokument"] == 5 and metrics["Personer"] > 20 and metrics["Organ"] > 5
    docs = app.dataframe[0].value
    assert len(docs) == 5 and "socsam-2023-10-13-protokoll.txt" in set(docs["dokument"])


def test_structure_draws_the_reporting_graph(app):
    at = open_page(app, "struktur")
    assert at.title[0].value.startswith("Struktur")
    pictures = [e.proto.srcdoc for e in at.get("iframe")]
    assert pictures and "nodes = new vis.DataSet" in pictures[0]
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", pictures[0], re.S).group(1))
    assert any(n["title"].startswith("Kommunförbundet Jämtland Härjedalen") for n in nodes)
    assert "cdn.jsdelivr" not in pictures[0]  # nothing fetched from the internet
    table = at.dataframe[0].value
    assert {"från", "relation", "till", "citat", "källa"} <= set(table.columns)
    assert (table["citat"].str.len() > 0).all()
    assert table["källa"].str.startswith("./kalla?doc=").all()


def test_structure_focus_shows_chain_up_and_subtree(app):
    at = open_page(app, "struktur", organ="body:socsam")
    shown = texts(at)
    assert "Kedjan uppåt" in shown and "Kommunförbundet Jämtland Härjedalen" in shown


def test_matters_default_socsam_to_svom(app):
    at = open_page(app, "arenden")
    moved = at.dataframe[0].value
    assert len(moved) >= 1
    assert moved.iloc[0]["från"] == "Sociala samrådsgruppen"
    assert "psykiatri" in moved.iloc[0]["ärende"]
    shown = texts(at)
    assert "2023-03-24" in shown and "2023-10-13" in shown  # the trail's two steps
    assert "överlämnas till SVOM" in shown.replace("\n", " ")


def test_person_page(app):
    at = open_page(app, "personer", id="person:margareta-winberg")
    assert at.header[0].value == "Margareta Winberg"
    shown = texts(at)
    assert "Roller" in shown and "Möten" in shown
    roles = at.dataframe[0].value
    assert "ordförande" in set(roles["roll"]) and roles["citat"].str.len().gt(0).all()


def test_body_page(app):
    at = open_page(app, "organ", id="body:socsam")
    assert "Sociala samrådsgruppen" in at.header[0].value
    composition = at.dataframe[0].value  # per municipality
    assert composition["antal"].sum() >= 8
    assert "Per parti" in texts(at)


def test_cypher_saved_query_runs_with_its_parameters(app):
    at = open_page(app, "cypher")
    at.selectbox[0].select("reporting_chain").run()
    assert [t.label for t in at.main.text_input] == ["body"]
    at.button[0].click().run()
    assert not at.exception
    result = at.dataframe[0].value
    assert len(result) >= 1 and "to_body" in result.columns


def test_cypher_refuses_writes_with_one_message(app):
    at = open_page(app, "cypher")
    at.text_area[0].input("MATCH (p:Person) SET p.name = 'x' RETURN p").run()
    at.button[0].click().run()
    assert not at.exception
    assert "läsfrågor" in at.error[0].value


def test_cypher_error_hints_at_the_dialect(app):
    at = open_page(app, "cypher")
    at.text_area[0].input("MATCH (a:Body)-[r]->(b:Body) RETURN type(r) LIMIT 3").run()
    at.button[0].click().run()
    assert not at.exception
    assert "label(r)" in at.error[0].value


def test_source_highlights_the_quoted_span(app):
    from graph.store import LadybugStore

    store = LadybugStore(os.environ["GOVGRAPH_DB"], read_only=True)
    r = store.records("MATCH (:Body)-[r:REPORTS_TO]->(:Body) RETURN r.doc AS doc, r.start AS s, r.`end` AS e, "
                      "r.quote AS q LIMIT 1")[0]
    store.close()
    at = open_page(app, "kalla", doc=r["doc"], start=str(r["s"]), end=str(r["e"]))
    page = "\n".join(m.value for m in at.markdown)
    assert f"<mark id='govgraph-mark'>{r['q']}</mark>" in page.replace("&#x27;", "'")


# --------------------------------------------------------------------------- document text inside HTML

EVIL_MINUTES = """Protokoll
Socialnämnden i Åre kommun
Sammanträdesdatum 2024-03-12

Närvarande: Åsa Öberg (S), ordförande; Per <b>Berg</b> (M)

§ 1 Handlingsplan <img src=x onerror=alert(1)> och <script>alert(2)</script>
Dnr SN 2024/1
Ärendet gäller <b>fet</b> text & mer.
Beslut: Socialnämnden beslutar att överlämna ärendet till SocSam <iframe src="javascript:alert(3)">.
Socialnämnden uppdrar åt förvaltningen <svg onload=alert(4)> att återrapportera i juni.
"""
RAW_TAGS = re.compile(r"<(img|script|svg|iframe|b)\b", re.I)


@pytest.fixture(scope="module")
def evil_db(tmp_path_factory) -> Path:
    from ingest.pipeline import ingest

    folder = tmp_path_factory.mktemp("evil")
    (folder / "ondskefull.txt").write_text(EVIL_MINUTES, encoding="utf-8")
    db = folder / "govgraph.db"
    assert not ingest([folder], db).failed
    return db


def test_document_strings_are_escaped_wherever_the_app_renders_html(evil_db, monkeypatch):
    """Names, titles and quotes from a document reach the page as text: every markdown element that may hold
    HTML holds none of the document's tags, and the tags are still there, escaped, for the reader to see."""
    from graph.store import LadybugStore

    monkeypatch.setenv("GOVGRAPH_DB", str(evil_db))
    store = LadybugStore(evil_db, read_only=True)
    person = store.records("MATCH (p:Person) WHERE p.name CONTAINS '<' RETURN p.id AS id")[0]["id"]
    body = store.records("MATCH (b:Body) RETURN b.id AS id ORDER BY b.id LIMIT 1")[0]["id"]
    item = store.records("MATCH (i:AgendaItem)-[r:MENTIONED_IN]->() RETURN r.doc AS doc, r.start AS s, "
                         "r.`end` AS e LIMIT 1")[0]
    store.close()
    pages = [("", {}), ("arenden", {}), ("personer", {"id": person}), ("organ", {"id": body}),
             ("struktur", {}), ("kalla", {"doc": item["doc"], "start": str(item["s"]), "end": str(item["e"])}),
             ("sok", {"q": "fet text"}), ("sok", {"q": "förvaltningen"})]
    escaped_seen = False
    for url, params in pages:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.run()
        open_page(at, url, **params)
        for m in at.markdown:
            if m.proto.allow_html:
                assert not RAW_TAGS.search(m.value), (url, m.value[:300])
                escaped_seen |= "&lt;img src=x onerror=alert(1)&gt;" in m.value
    assert escaped_seen  # the source page shows the text, escaped


def test_overlap_page_draws_the_heatmap_and_lists_shared_members(app):
    at = open_page(app, "overlapp")
    shown = texts(at)
    assert "Överlapp mellan organ" in shown
    pairs = at.dataframe[0].value
    assert len(pairs) >= 5 and (pairs["delade"] >= 1).all()
    assert "SocSam" in set(pairs["organ"]) | set(pairs["och"])
    assert "Socialnämnden (Krokom)" in set(pairs["organ"]) | set(pairs["och"])  # same-named bodies apart
    assert len(at.get("vega_lite_chart")) == 1


def test_assignments_page_lists_the_register_open_first(app):
    at = open_page(app, "uppdrag")
    table = at.dataframe[0].value
    assert len(table) >= 5 and set(table["status"].str.split().str[0]) == {"öppen"}
    assert table["källa"].str.startswith("./kalla?doc=").all()
    ages = table["ålder (dagar)"]
    known = list(ages.dropna())
    assert known == sorted(known, reverse=True) and ages.isna().sum() < len(ages)
    assert not ages[:len(known)].isna().any()  # assignments of undated documents last
    assert "öppna av" in texts(at)


def test_dossier_page_renders_a_body_with_source_links_and_downloads(app):
    at = open_page(app, "underlag", id="body:socsam")
    assert "Sociala samrådsgruppen (SocSam)" in at.header[0].value
    shown = texts(at)
    assert "Ledamöter per kommun, parti och roll" in shown
    lines = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert lines and all("](./kalla?doc=" in ln for ln in lines)  # every line links to its source
    assert len(at.get("download_button")) == 2


def test_dossier_page_for_the_whole_structure(app):
    at = open_page(app, "underlag")
    assert at.header[0].value == "Samverkansstrukturen"
    assert "Överlapp och möjliga parallella strukturer" in texts(at)


def test_structure_page_shows_changes_between_two_days(app):
    at = open_page(app, "struktur")
    assert "Förändringar mellan två datum" in texts(at)
    at.date_input(key="diff-from").set_value(__import__("datetime").date(2023, 1, 1)).run()
    at.date_input(key="diff-to").set_value(__import__("datetime").date(2023, 12, 31)).run()
    assert not at.exception
    shown = texts(at)
    assert "Nya ledamöter och roller i organ" in shown and "](./kalla?doc=" in shown


def test_curation_page_saves_a_merge_with_who_and_why_and_shows_it(app_db, tmp_path, monkeypatch):
    import shutil

    from graph import curation

    db = tmp_path / "govgraph.db"
    shutil.copy(app_db, db)
    cur = tmp_path / "curation.toml"
    monkeypatch.setenv("GOVGRAPH_DB", str(db))
    monkeypatch.setenv("GOVGRAPH_CURATION", str(cur))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    open_page(at, "rattelser")
    at.text_area[0].input("person:lennart-raswill\nperson:karl-erik-lundin")
    next(t for t in at.text_input if t.label == "Vem").input("Granskare i appen")
    next(t for t in at.text_input if t.label == "Varför").input("samma person")
    next(b for b in at.button if b.label == "Spara rättelsen").click().run()
    assert not at.exception, at.exception
    assert "Rättelsen är sparad" in at.success[0].value
    saved = curation.load(cur)
    assert saved[0]["ids"] == ["person:lennart-raswill", "person:karl-erik-lundin"]
    assert saved[0]["who"] == "Granskare i appen" and saved[0]["why"] == "samma person"
    nodes = at.dataframe[1].value  # the curated nodes now in the graph
    assert "person:lennart-raswill" in set(nodes["id"])


def test_dossier_page_exports_popolo_graphml_and_csv(app):
    at = open_page(app, "underlag")
    next(b for b in at.button if b.label == "Skapa exportfiler").click().run()
    assert not at.exception, at.exception
    labels = [d.proto.label for d in at.get("download_button")]
    assert {"Popolo JSON", "GraphML", "CSV (zip)"} <= set(labels)


def test_search_page_groups_the_hits_by_kind_and_marks_the_words(app):
    """The samples' Done-when search: 'psykiatri' finds the SocSam → SVOM matter, both items, the SocSam decision
    and the passage of the SVOM page, each linked to its page or to Källa at the passage."""
    at = open_page(app, "sok", q="psykiatri")
    assert at.title[0].value == "Sök"
    heads = [h.value for h in at.subheader]
    assert heads[:3] == ["Ärenden (1)", "Paragrafer (2)", "Beslut (1)"], heads
    assert any(h.startswith("Textavsnitt (") for h in heads)
    shown = "\n".join(m.value for m in at.markdown)
    assert "](./arenden?arende=matter%3Asocsam-2023-03-24%23%C2%A721)" in shown
    assert "<mark>psykiatri</mark>" in shown and "svom-2023-10-webbsida" in shown
    assert "kalla?doc=doc%3Asvom-2023-10-webbsida&start=" in shown


def test_search_page_says_what_was_searched_when_nothing_is_found(app):
    at = open_page(app, "sok", q="kvastfening")
    assert any("Inget hittades för ”kvastfening”" in i.value for i in at.info)
    at = open_page(app, "sok", q='"*"')
    assert any("inga ord att söka efter" in w.value for w in at.warning)


def test_the_sidebar_search_opens_the_search_page(app):
    app.sidebar.text_input[0].input("Östlund")
    app.sidebar.button[0].click()
    app.run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Sök" and app.main.text_input[0].value == "Östlund"
    assert [h.value for h in app.subheader][0] == "Personer (1)"
    assert "](./personer?id=person%3Amaria-ostlund)" in "\n".join(m.value for m in app.markdown)
