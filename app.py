"""govgraph explorer (Streamlit). The UI only renders: data comes through graph/explore.py, graph/picture.py and
the saved queries in queries/. User-facing text is Swedish."""
from __future__ import annotations

import html
import os
import re
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from graph import explore, schema
from graph.model import GovgraphError
from graph.picture import MAX_NODES, network_html
from graph.queries import saved_queries
from graph.redirects import follow
from graph.report import md_text
from graph.store_api import Store, default_db_path, graph_from_store, open_store, query_limits, write_target

st.set_page_config(page_title="govgraph – samverkansstrukturen", page_icon="🏛️", layout="wide")

# The schema's labels as the app's users say them
LABELS_SV = {"Document": "Dokument", "Person": "Personer", "Role": "Roller", "Body": "Organ", "Municipality": "Kommuner",
             "Meeting": "Möten", "AgendaItem": "Paragrafer", "Decision": "Beslut", "Assignment": "Uppdrag",
             "Matter": "Ärenden", "Agreement": "Avtal", "Redirect": "Omdirigerade id"}
# ad hoc Cypher: read only, and stopped after this long or this many rows (GOVGRAPH_QUERY_TIMEOUT, GOVGRAPH_MAX_ROWS)
QUERY_TIMEOUT_MS, QUERY_MAX_ROWS = query_limits(timeout_s=10, max_rows=2_000)
PROV_COLS = ("doc", "para", "start", "stop", "quote")


# ---------------------------------------------------------------- data access (cached per database version)
def db_path() -> Path:
    return Path(os.environ.get("GOVGRAPH_DB") or default_db_path())


def neo4j_uri() -> str | None:
    return os.environ.get("NEO4J_URI") or None


def db_version() -> float:
    if neo4j_uri():  # a server others may write to: read again every half minute
        return float(int(time.time() // 30))
    p = db_path()
    return p.stat().st_mtime if p.exists() else 0.0


@st.cache_resource
def _store(path: str, version: float) -> Store:
    return open_store(path, read_only=True)  # Neo4j when NEO4J_URI is set


def store() -> Store:
    return _store(str(db_path()), db_version())


@st.cache_data(show_spinner=False, max_entries=256)
def cached(fn_name: str, version: float, *args, **kwargs):
    return getattr(explore, fn_name)(_store(str(db_path()), version), *args, **kwargs)


def get(fn_name: str, *args, **kwargs):
    return cached(fn_name, db_version(), *args, **kwargs)


def show_error(e: Exception) -> None:
    st.error(str(e) if isinstance(e, GovgraphError) else f"Något gick fel ({type(e).__name__}). Försök igen; "
                                                         "kvarstår felet, läs in dokumenten på nytt.")


# ---------------------------------------------------------------- provenance: every fact links to its source
def source_url(doc: str | None, start: int | None, stop: int | None) -> str | None:
    if not doc:
        return None
    q = {"doc": doc}
    if start is not None and stop is not None:
        q |= {"start": int(start), "end": int(stop)}
    return "./kalla?" + urlencode(q)


def fact_table(rows: list[dict], columns: dict[str, str] | None = None, key: str | None = None) -> None:
    """A table of facts, each with its § and quote and a link to the highlighted source."""
    if not rows:
        st.caption("Inget att visa.")
        return
    df = pd.DataFrame(rows)
    if "doc" in df.columns:
        df["källa"] = [source_url(r.get("doc"), r.get("start"), r.get("stop")) for r in rows]
    if "curated" in df.columns and not df["curated"].notna().any():
        df = df.drop(columns=["curated"])  # shown only where a reviewer changed something
    keep = [c for c in df.columns if c not in ("start", "stop", "doc", "id") and not c.endswith("_id")]
    df = df[keep].rename(columns={"para": "§", "quote": "citat", "curated": "rättad av granskare",
                                  **(columns or {})})
    for c in df.columns:
        if df[c].map(lambda v: isinstance(v, list)).any():
            df[c] = df[c].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
    # one fact read twice at one place (by two rules) is one row; an empty cell is empty, not "None"
    df = df.astype(object).where(df.notna(), "").drop_duplicates()
    st.dataframe(df, width="stretch", hide_index=True, key=key,
                 column_config={"källa": st.column_config.LinkColumn("källa", display_text="visa källan"),
                                "citat": st.column_config.TextColumn("citat", width="large")})


def draw(picture, height: int) -> None:
    if picture.reduced:
        st.warning(f"Bilden visar de {picture.shown} mest sammankopplade av {picture.total} noder "
                   f"(gränsen är {MAX_NODES}). Filtrera för att se resten.")
    # our own page (graph.picture): document text is in it as JSON data only, never as markup
    st.iframe(picture.html, height=height + 20)


def no_graph() -> bool:
    if not neo4j_uri() and not db_path().exists():
        st.info("Ingen graf ännu. Läs in dokument på sidan Översikt, eller kör `govgraph ingest data/sample-minutes`.")
        return True
    return False


def pick(label: str, options: list[dict], param: str, fmt, default=None, key: str | None = None):
    """A select box whose choice is also in the URL (?param=id), so pages can link to each other."""
    ids = [o["id"] for o in options]
    wanted = st.query_params.get(param) or default
    if wanted and wanted not in ids:  # a saved link to an id a later merge retired
        wanted = follow(store(), wanted)
    index = ids.index(wanted) if wanted in ids else 0
    by_id = {o["id"]: o for o in options}
    choice = st.selectbox(label, ids, index=index, format_func=lambda i: fmt(by_id[i]), key=key)
    if choice != st.query_params.get(param):
        st.query_params[param] = choice
    return choice


def body_caption(b: dict) -> str:
    return f"{b['name']} ({b['short']})" if b.get("short") and b["short"] != b["name"] else b["name"]


# ---------------------------------------------------------------- pages
def page_overview() -> None:
    st.title("Översikt")
    st.caption("Samverkansstrukturen ur protokoll, utdrag, minnesanteckningar och webbsidor – varje uppgift med "
               "dokument, paragraf och citat.")
    upload()
    if no_graph():
        return
    try:
        counts = get("counts")
        cols = st.columns(6)
        for i, n in enumerate(schema.NODES):
            cols[i % 6].metric(LABELS_SV.get(n.label, n.label), counts.get(n.label, 0),
                               help=f"{n.label}: {n.description}")
        st.subheader("Dokument")
        docs = get("documents")
        st.dataframe(pd.DataFrame(docs).drop(columns=["id"], errors="ignore").fillna(""), width="stretch",
                     hide_index=True)
        left, right = st.columns(2)
        with left:
            st.subheader("Mest sammankopplade organ")
            st.dataframe(pd.DataFrame(get("most_connected", "Body")).drop(columns=["id"], errors="ignore"),
                         width="stretch", hide_index=True)
        with right:
            st.subheader("Mest sammankopplade personer")
            st.dataframe(pd.DataFrame(get("most_connected", "Person")).drop(columns=["id"], errors="ignore"),
                         width="stretch", hide_index=True)
        st.subheader("Varningar från inläsningen")
        w = get("warnings")
        if w:
            st.dataframe(pd.DataFrame(w), width="stretch", hide_index=True)
        else:
            st.caption("Inga varningar.")
        with st.expander("Teckenförklaring"):
            for n in schema.NODES:
                st.markdown(f"<span style='color:{n.colour}'>■</span> **{LABELS_SV.get(n.label, n.label)}** "
                            f"(`{n.label}`) – {html.escape(n.description)}",
                            unsafe_allow_html=True)
    except GovgraphError as e:
        show_error(e)


def upload() -> None:
    with st.expander("Lägg till dokument (.txt, .html, .pdf, .docx)", expanded=not db_path().exists()):
        files = st.file_uploader("Välj filer", type=["txt", "html", "htm", "pdf", "docx"], accept_multiple_files=True)
        if not files or not st.button("Läs in", type="primary"):
            return
        from ingest.pipeline import ingest

        # kept beside the database, so the documents stay where the graph says they came from
        uploads = db_path().parent / "uppladdat"
        uploads.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=time.strftime("%Y-%m-%d-%H%M%S-"), dir=uploads))
        for f in files:
            (folder / Path(f.name).name).write_bytes(f.getvalue())
        bar = st.progress(0.0, text="Läser in …")

        def progress(i: int, n: int, name: str) -> None:
            bar.progress(min(1.0, (i + 1) / max(n, 1)), text=f"{i + 1} av {n}: {Path(name).name}")

        try:
            _store.clear()  # let go of the open database: the ingest replaces its file
            res = ingest([folder], write_target(db_path()), progress=progress, curation=curation_path(),
                         waiting=lambda message: bar.progress(0.0, text=message))
        except Exception as e:  # one readable message; the graph is as it was
            bar.empty()
            show_error(e)
            return
        finally:
            cached.clear()
        bar.progress(1.0, text="Klart")
        st.success(f"Nya: {len(res.added)}, ändrade: {len(res.updated)}, oförändrade: {len(res.unchanged)}.")
        for f in res.failed:
            st.error(f)
        if res.warnings:
            st.warning(f"{len(res.warnings)} varningar")
            st.dataframe(pd.DataFrame([{"varning": str(w)} for w in res.warnings]), width="stretch",
                         hide_index=True)


def page_structure() -> None:
    st.title("Struktur – vem rapporterar till vem")
    if no_graph():
        return
    st.caption("Pilarna går från organet till det som det rapporterar till, bereder åt, ingår i eller efterträdde. "
               "Håll muspekaren över en pil för att se citatet den bygger på.")
    c1, c2, c3 = st.columns(3)
    kinds = c1.multiselect("Typ av organ", get("body_kinds"), placeholder="alla typer")
    munis = ["(alla)"] + get("municipalities")
    muni = c2.selectbox("Kommun", munis)
    until = c3.date_input("Strukturen per dag", value=None, format="YYYY-MM-DD",
                          help="Vägar som var kända den dagen och inte upphört enligt texten")
    s = get("structure", kinds or None, None if muni == "(alla)" else muni, until.isoformat() if until else None)
    G = s.graph
    if s.dropped:
        st.caption(f"Filtren döljer {s.dropped} relationer.")
    if not G.number_of_edges():
        st.info("Inga relationer mellan organ med dessa filter.")
        return
    options = [{"id": n, "name": d.get("name"), "short": d.get("short")} for n, d in G.nodes(data=True)]
    options.sort(key=lambda o: o["name"] or "")
    default = next((o["id"] for o in options if o.get("short") == "SocSam"), "")
    focus = pick("Välj ett organ för att se kedjan uppåt och det som hör under det",
                 [{"id": "", "name": "(hela strukturen)"}] + options, "organ", body_caption, default=default)
    up, down = explore.chain_and_subtree(G, focus) if focus else (set(), set())
    shown = G
    if focus:  # the body, its chain up, its subtree and the bodies right next to them
        near = {focus} | up | down
        near |= {x for n in list(near) for x in (*G.predecessors(n), *G.successors(n))}
        shown = G.subgraph(near).copy()
        st.caption(f"Visar {shown.number_of_nodes()} av {G.number_of_nodes()} organ: kedjan uppåt från det valda, "
                   "det som hör under det och deras närmaste grannar. Välj ”(hela strukturen)” för allt.")
    draw(network_html(shown, hierarchical=True, height=560, highlight=up | down, focus=focus or None), 560)
    rows = [{"från": G.nodes[a].get("name"), "relation": d["wording"], "till": G.nodes[b].get("name"),
             **{k: d.get(k) for k in PROV_COLS}, "dokument": d.get("doc_name")}
            for a, b, d in G.edges(data=True) if not focus or {a, b} & ({focus} | up | down)]
    if focus:
        st.markdown(f"**Kedjan uppåt:** {', '.join(sorted(G.nodes[n]['name'] for n in up)) or '–'}  \n"
                    f"**Under:** {', '.join(sorted(G.nodes[n]['name'] for n in down)) or '–'}")
    fact_table(rows)
    changes_between()


def changes_between() -> None:
    """The structure's changes between two days, each with links to the facts that show them."""
    import datetime as dt

    st.subheader("Förändringar mellan två datum")
    st.caption("Ledamöter och roller räknas som aktuella ett år efter att ett dokument nämner dem, eller under den "
               "period texten anger (”utsågs i februari 2023”, ”från och med 2024”, ”till och med 2026”). Organ "
               "räknas från första omnämnandet tills ett annat organ ersätter dem.")
    c1, c2 = st.columns(2)
    before = c1.date_input("Från", dt.date.today() - dt.timedelta(days=3 * 365), format="YYYY-MM-DD", key="diff-from")
    after = c2.date_input("Till", dt.date.today(), format="YYYY-MM-DD", key="diff-to")
    changes = get("structure_diff", before.isoformat(), after.isoformat())
    any_change = False
    for kind, titles in explore.CHANGE_TITLES.items():
        for title, side, mark in ((titles[0], "added", "+"), (titles[1], "removed", "−")):
            entries = changes[kind][side]
            if not entries:
                continue
            any_change = True
            lines = []
            for e in entries:
                links = " ".join(f"[källa]({source_url(f.get('doc'), f.get('start'), f.get('stop'))})"
                                 for f in (e.get("facts") or [])[:3] if f.get("doc"))
                lines.append(f"- {mark} {md_text(explore.describe_change(kind, e))} {links}")
            st.markdown(f"**{title} ({len(entries)})**\n\n" + "\n".join(lines))
    if not any_change:
        st.caption("Inga förändringar mellan de två datumen.")


def page_matters() -> None:
    st.title("Ärenden – vad gick från ett organ till ett annat")
    if no_graph():
        return
    bodies = get("bodies_with_meetings")
    if not bodies:
        st.info("Inga möten i grafen ännu.")
        return
    labels = {b["id"]: body_caption(b) for b in bodies}
    ids = list(labels)
    short = {b.get("short"): b["id"] for b in bodies if b.get("short")}
    c1, c2 = st.columns(2)
    a = c1.selectbox("Från organ", ids, index=ids.index(short.get("SocSam", ids[0])), format_func=labels.get)
    b = c2.selectbox("Till organ", ids, index=ids.index(short.get("SVOM", ids[-1])), format_func=labels.get)
    moved = get("matters_between", a, b)
    st.subheader(f"Ärenden från {labels[a]} till {labels[b]}")
    if moved:
        st.dataframe(pd.DataFrame(moved).drop(columns=["to_doc"], errors="ignore").rename(columns={
            "matter": "ärende", "from_body": "från", "from_date": "datum", "from_para": "§", "from_quote": "citat",
            "to_body": "till", "to_date": "datum till", "to_para": "§ till", "to_quote": "citat till",
            "confidence": "säkerhet"}), width="stretch", hide_index=True)
    else:
        st.caption("Inga ärenden har gått den vägen i de inlästa dokumenten.")
    st.subheader("Ett ärendes väg")
    all_matters = get("matters")
    if not all_matters:
        st.caption("Inget ärende har behandlats vid mer än ett möte.")
        return
    first = next((m["id"] for m in all_matters if moved and m["title"] == moved[0]["matter"]), None)
    mid = pick("Ärende", all_matters, "arende", lambda m: f"{m['title']} ({m['steps']} steg)"
               + (f" – {m['dnr']}" if m.get("dnr") else ""), default=first)
    trail = get("matter_trail", mid)
    timeline(trail)
    for step in trail:
        with st.container(border=True):
            st.markdown(f"**{html.escape(step['date'] or 'datum okänt')} · {html.escape(step['body'])} · "
                        f"§ {html.escape(step['number'] or '?')} {html.escape(step['title'] or '')}**")
            if step.get("quote"):
                st.markdown(f"> {html.escape(step['quote'])}  \n[visa källan]({source_url(step['doc'], step['start'], step['stop'])})")
            for d in step.get("decisions") or []:
                st.markdown(f"- Beslut: {html.escape(d)}")
            for r in step.get("referrals") or []:
                st.markdown(f"- {html.escape(r['verb'] or 'skickas')} till **{html.escape(r['to_body'])}**: "
                            f"”{html.escape(r['quote'] or '')}” [visa källan]({source_url(r['doc'], r['start'], r['stop'])})")


def timeline(trail: list[dict]) -> None:
    """One lane per body, one mark per meeting; hover for the decision, the referral and the quote."""
    import altair as alt

    rows = [{"datum": t["date"], "organ": t["body"], "paragraf": f"§ {t['number']}", "rubrik": t["title"],
             "beslut": " | ".join(t.get("decisions") or [])[:300], "citat": (t.get("quote") or "")[:300],
             "remiss": ", ".join(r["to_body"] for r in t.get("referrals") or [])} for t in trail if t.get("date")]
    if not rows:
        return
    df = pd.DataFrame(rows)
    base = alt.Chart(df).encode(x=alt.X("datum:T", title="datum", axis=alt.Axis(format="%Y-%m-%d", labelAngle=0)),
                                y=alt.Y("organ:N", title=None, axis=alt.Axis(labelLimit=320)))
    # the grey line follows the matter from meeting to meeting, across the lanes
    chart = (base.mark_line(color="#999").encode(order="datum:T") +
             base.mark_circle(size=220).encode(color=alt.Color("organ:N", legend=None),
                                               tooltip=["datum", "organ", "paragraf", "rubrik", "beslut", "remiss",
                                                        "citat"]) +
             base.mark_text(dy=-16).encode(text="paragraf"))
    st.altair_chart(chart.properties(height=70 + 60 * df["organ"].nunique()), width="stretch")


def page_persons() -> None:
    st.title("Personer")
    if no_graph():
        return
    people = get("persons")
    if not people:
        st.info("Inga personer i grafen ännu.")
        return
    pid = pick("Person", people, "id", lambda p: p["name"] + (f" ({p['party']})" if p.get("party") else ""))
    p = get("person", pid)
    head = p["person"] or {}
    st.header(head.get("name") or pid)
    if head.get("party"):
        st.caption(f"Parti: {head.get('party_name') or head['party']} ({head['party']})")
    if head.get("curated"):
        st.info(f"Rättad av granskare: {head['curated']}")
    sections = [("Roller", "roles"), ("Organ", "bodies"), ("Företräder", "municipalities"),
                ("Möten", "meetings"), ("Frånvarande", "absent"), ("Föredrog", "presented"), ("Uppdrag", "assignments")]
    for title, key in sections:
        st.subheader(f"{title} ({len(p[key])})")
        fact_table(p[key], key=f"p-{key}")


def page_bodies() -> None:
    st.title("Organ")
    if no_graph():
        return
    bodies = get("bodies")
    if not bodies:
        st.info("Inga organ i grafen ännu.")
        return
    default = next((b["id"] for b in bodies if b.get("short") == "SocSam"), None)
    bid = pick("Organ", bodies, "id", body_caption, default=default)
    b = get("body", bid)
    head = b["body"] or {}
    st.header(body_caption({"name": head.get("name") or bid, "short": head.get("short")}))
    if head.get("kind"):
        st.caption(f"Typ: {head['kind']}")
    if head.get("curated"):
        st.info(f"Rättad av granskare: {head['curated']}")
    c1, c2, c3 = st.columns(3)
    for col, key, title in ((c1, "kommuner", "Per kommun"), (c2, "parti", "Per parti"), (c3, "roll", "Per roll")):
        with col:
            st.markdown(f"**{title}**")
            comp = explore.composition(b["members"], key)
            if comp:
                st.dataframe(pd.DataFrame(comp), width="stretch", hide_index=True)
            else:
                st.caption("–")
    for title, key in (("Rapporterar till / bereder åt / ingår i", "up"), ("Det som hör till organet", "down"),
                       ("Ledamöter och ersättare", "members"), ("Roller", "roles"), ("Möten", "meetings"),
                       ("Paragrafer", "items")):
        st.subheader(f"{title} ({len(b[key])})")
        fact_table(b[key], key=f"b-{key}")


def page_assignments() -> None:
    st.title("Uppdrag")
    if no_graph():
        return
    import datetime as dt

    as_of = st.date_input("Per dag", dt.date.today(), format="YYYY-MM-DD")
    rows = get("assignment_register", as_of.isoformat())
    if not rows:
        st.info("Inga uppdrag i grafen.")
        return
    status = st.radio("Visa", ["öppna", "återrapporterade", "alla"], horizontal=True)
    shown = [r for r in rows if status == "alla" or (r["status"] == "öppen") == (status == "öppna")]
    open_ = [r for r in rows if r["status"] == "öppen"]
    st.caption(f"{len(open_)} öppna av {len(rows)} uppdrag, {sum(r['overdue'] for r in open_)} förfallna. Ett uppdrag "
               "är öppet tills en senare paragraf i organet som gav det, eller organet det gavs till, återrapporterar "
               "det. Ålder i dagar: från beslutet till vald dag, eller till återrapporteringen.")
    table = [{"status": r["status"] + (" (förfallet)" if r["overdue"] else ""), "ålder (dagar)": r["age_days"],
              "uppdrag": r["task"], "till": ", ".join(r["assigned_to"]), "organ": r["body"] or "",
              "givet": r["given"] or "", "förfaller": r["due"] or "", "återrapporterat": r["reported"] or "",
              "källa": source_url(r["doc"], r["start"], r["stop"]),
              "återrapportering": source_url(r["reported_doc"], r["reported_start"], r["reported_stop"])}
             for r in shown]
    st.dataframe(pd.DataFrame(table), width="stretch", hide_index=True,
                 column_config={"källa": st.column_config.LinkColumn("källa", display_text="visa källan"),
                                "återrapportering": st.column_config.LinkColumn("återrapportering",
                                                                               display_text="visa källan")})


@st.cache_data(show_spinner="Sammanställer underlaget …", max_entries=64)
def _dossier(bid: str, version: float):
    from graph import report

    s = _store(str(db_path()), version)
    return report.body_dossier(s, bid) if bid else report.structure_dossier(s)


def page_dossier() -> None:
    st.title("Underlag för översynen")
    if no_graph():
        return
    from graph import report

    choices = [{"id": "", "name": "Hela samverkansstrukturen", "short": None}] + get("bodies")
    bid = pick("Organ", choices, "id", body_caption, default="")
    try:
        dossier = _dossier(bid, db_version())
    except Exception as e:  # one readable message
        show_error(e)
        return
    st.header(dossier.title)
    st.caption(dossier.subtitle + ". Varje rad har sina källor: klicka på numret för att se stället i dokumentet.")
    order, _ = report.numbered(dossier)
    for sec in dossier.sections:
        st.subheader(sec.title)
        if not sec.lines:
            st.caption(sec.empty)
            continue
        st.markdown("\n".join(
            f"- {report.md_text(ln.text)} " + " ".join(f"[{order[s]}]({source_url(s.doc, s.start, s.end)})"
                                                  for s in ln.sources) for ln in sec.lines))
    name = re.sub(r"\W+", "-", dossier.title.lower()).strip("-") or "underlag"
    c1, c2 = st.columns(2)
    c1.download_button("Ladda ner som Markdown", report.to_markdown(dossier).encode("utf-8"), f"{name}.md",
                       "text/markdown")
    c2.download_button("Ladda ner som HTML", report.to_html(dossier).encode("utf-8"), f"{name}.html", "text/html")
    st.subheader("Exportera grafen")
    st.caption("Popolo JSON (personer, organisationer, poster, medlemskap med on_behalf_of, möten, med källor), "
               "GraphML för Gephi och networkx, eller en CSV-fil per etikett och relationstyp i en zip-fil.")
    if st.button("Skapa exportfiler") or st.session_state.get("exports-ready"):
        st.session_state["exports-ready"] = True
        files = _exports(db_version())
        c1, c2, c3 = st.columns(3)
        c1.download_button("Popolo JSON", files["popolo"], "govgraph-popolo.json", "application/json")
        c2.download_button("GraphML", files["graphml"], "govgraph.graphml", "application/xml")
        c3.download_button("CSV (zip)", files["csv"], "govgraph-csv.zip", "application/zip")


@st.cache_data(show_spinner="Skapar exportfilerna …", max_entries=4)
def _exports(version: float) -> dict[str, bytes]:
    import io
    import zipfile

    from graph import export

    G = graph_from_store(_store(str(db_path()), version))
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        export.write_popolo(G, t / "p.json")
        export.write_graphml(G, t / "g.graphml")
        export.write_csv(G, t / "csv")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted((t / "csv").iterdir()):
                z.write(f, f.name)
        return {"popolo": (t / "p.json").read_bytes(), "graphml": (t / "g.graphml").read_bytes(),
                "csv": buf.getvalue()}


def curation_path() -> Path:
    from graph.curation import default_path

    return default_path()


def page_curation() -> None:
    st.title("Rättelser")
    if no_graph():
        return
    from graph import curation

    path = curation_path()
    st.caption(f"Granskarnas rättelser sparas med vem, när och varför i {path.name} i projektets datamapp och "
               "tillämpas vid varje inläsning, så att de finns kvar när dokumenten läses in igen.")
    try:
        rows = curation.load(path)
    except GovgraphError as e:
        show_error(e)
        return
    if neo4j_uri():
        st.info("Rättelser görs mot den inbyggda databasen; kör `govgraph push` efteråt för att kopiera till Neo4j.")
    with st.form("rattelse", clear_on_submit=False):
        action = st.selectbox("Åtgärd", ["merge", "split", "reject", "add"], format_func=lambda a: {
            "merge": "Slå ihop personer eller organ", "split": "Dela en person eller ett organ",
            "reject": "Avvisa ett fakta", "add": "Lägg till ett fakta som saknas"}[a])
        st.caption("Slå ihop: id:n, ett per rad, det första behålls. Dela: id och dokument. Avvisa och lägg till: "
                   "relationstyp, från-id och till-id; lägg till kräver dokument och citat ur det.")
        ids = st.text_area("Id (ett per rad)", "")
        rel = st.selectbox("Relationstyp", [""] + [r for r in schema.REL_TYPES if r != "MENTIONED_IN"],
                           format_func=lambda r: r or "(ingen – för att slå ihop eller dela)")
        c1, c2 = st.columns(2)
        src, dst = c1.text_input("Från-id"), c2.text_input("Till-id")
        doc, quote = st.text_input("Dokument-id (doc:…)"), st.text_input("Citat ur dokumentet")
        who = st.text_input("Vem", os.environ.get("GOVGRAPH_USER", ""))
        why = st.text_input("Varför")
        sent = st.form_submit_button("Spara rättelsen", type="primary")
    if sent:
        lines = [x.strip() for x in ids.splitlines() if x.strip()]
        correction = {"merge": {"ids": lines}, "split": {"id": lines[0] if lines else "", "doc": doc},
                      "reject": {"type": rel, "from": src, "to": dst, "doc": doc or None, "quote": quote or None},
                      "add": {"type": rel, "from": src, "to": dst, "doc": doc, "quote": quote}}[action]
        try:
            from ingest.pipeline import rebuild

            curation.append(path, {"action": action, **correction, "who": who or None, "why": why})
            _store.clear()  # the rebuild replaces the database file
            res = rebuild(db_path(), curation=path)
        except Exception as e:  # one readable message; the graph is as it was
            show_error(e)
        else:
            cached.clear()
            _dossier.clear()
            stale = [w for w in res.warnings if "rättelse" in w.message]
            for w in stale:
                st.warning(w.message)
            if not stale:
                st.success("Rättelsen är sparad och grafen byggd på nytt.")
            rows = curation.load(path)
    st.subheader(f"Rättelser i filen ({len(rows)})")
    if rows:
        st.dataframe(pd.DataFrame([{"nr": i, "åtgärd": c["action"], "vad": ", ".join(c["ids"]) if c.get("ids") else
                                    c.get("id") or f"{c.get('type')} {c.get('from')} → {c.get('to')}",
                                    "vem": c["who"], "när": c["when"], "varför": c["why"]}
                                   for i, c in enumerate(rows, 1)]), width="stretch", hide_index=True)
    now = get("curated")
    st.subheader(f"Rättade noder i grafen ({len(now['nodes'])})")
    if now["nodes"]:
        st.dataframe(pd.DataFrame(now["nodes"]), width="stretch", hide_index=True)
    st.subheader(f"Fakta som granskare lagt till ({len(now['facts'])})")
    fact_table(now["facts"], key="curated-facts")


def page_overlaps() -> None:
    st.title("Överlapp mellan organ")
    if no_graph():
        return
    ov = get("overlaps")
    if not ov["pairs"]:
        st.info("Inga personer sitter i mer än ett organ i grafen.")
        return
    st.caption("Organ som delar ledamöter. Vikten räknar varje delad person efter roll (ordförande 3, vice "
               "ordförande och ledamot 2, ersättare 1); likheten är andelen gemensamma av alla ledamöter i de två "
               f"organen. Par med likhet ≥ {explore.PARALLEL_SIMILARITY:.0%} och minst "
               f"{explore.PARALLEL_MIN_SHARED} delade personer markeras som möjliga parallella strukturer.")
    parallel = [r for r in ov["pairs"] if r["parallel"]]
    for r in parallel:
        st.warning(f"Möjlig parallell struktur: {explore.body_label(ov, r['a'])} och {explore.body_label(ov, r['b'])} "
                   f"har {r['shared']} ledamöter "
                   f"gemensamt (likhet {r['similarity']:.0%}).")
    import altair as alt

    value = st.radio("Visa", ["weight", "delade"], horizontal=True,
                     format_func=lambda v: {"weight": "vikt efter roll", "delade": "antal delade personer"}[v])
    rows = explore.overlap_matrix(ov)
    chart = alt.Chart(pd.DataFrame(rows)).mark_rect().encode(
        x=alt.X("organ_a:N", title=None, sort="ascending"), y=alt.Y("organ_b:N", title=None, sort="ascending"),
        color=alt.Color(f"{value}:Q", title="vikt" if value == "weight" else "delade",
                        scale=alt.Scale(scheme="oranges")),
        tooltip=["organ_a", "organ_b", "weight", "delade"])
    st.altair_chart(chart, width="stretch")
    st.subheader(f"Par av organ ({len(ov['pairs'])})")
    table = [{"organ": explore.body_label(ov, r["a"]), "och": explore.body_label(ov, r["b"]), "delade": r["shared"], "vikt": r["weight"],
              "likhet": r["similarity"], "personer": ", ".join(r["persons"])} for r in ov["pairs"]]
    st.dataframe(pd.DataFrame(table), width="stretch", hide_index=True)
    st.subheader(f"Personer i flera organ ({len(ov['persons'])})")
    st.dataframe(pd.DataFrame([{**r, "bodies": ", ".join(r["bodies"]), "roles": ", ".join(r["roles"])}
                               for r in ov["persons"]]), width="stretch", hide_index=True)


def page_cypher() -> None:
    st.title("Cypher")
    if no_graph():
        return
    st.caption(f"Bara läsfrågor. En fråga avbryts efter {QUERY_TIMEOUT_MS // 1000} s och visar högst "
               f"{QUERY_MAX_ROWS} rader. Den inbyggda databasen skriver label(r) där Neo4j skriver type(r).")
    qs = saved_queries()
    names = ["(egen fråga)"] + [q.name for q in qs]
    titles = {q.name: q.title for q in qs}
    wanted = st.query_params.get("fraga")
    choice = st.selectbox("Sparad fråga", names, index=names.index(wanted) if wanted in names else 0,
                          format_func=lambda n: titles.get(n, n))
    text, params = "MATCH (b:Body) RETURN b.name AS organ, b.short AS kort LIMIT 25", {}
    if choice != "(egen fråga)":
        q = next(q for q in qs if q.name == choice)
        st.caption(q.description)
        text = q.text
        params = {k: st.text_input(k, v, key=f"param-{choice}-{k}") for k, v in q.params.items()}
    text = st.text_area("Fråga", text, height=220, key=f"cypher-{choice}")
    if not st.button("Kör", type="primary"):
        return
    try:
        cols, rows = store().query(text, params, read_only=True, timeout_ms=QUERY_TIMEOUT_MS, max_rows=QUERY_MAX_ROWS)
    except Exception as e:  # one readable message, never a traceback
        show_error(e)
        return
    if len(rows) >= QUERY_MAX_ROWS:
        st.warning(f"Resultatet är avkortat till {QUERY_MAX_ROWS} rader. Begränsa frågan med WHERE eller LIMIT.")
    st.caption(f"{len(rows)} rader")
    G = explore.result_graph(cols, rows)
    df = pd.DataFrame([[_cell(v) for v in r] for r in rows], columns=cols)
    if G is not None:
        draw(network_html(G, height=480), 480)
    st.dataframe(df, width="stretch", hide_index=True)
    st.download_button("Ladda ner CSV", df.to_csv(index=False).encode("utf-8"), "resultat.csv", "text/csv")


def _cell(v):
    if isinstance(v, dict):
        if v.get("_path"):
            return " → ".join(str(n.get("name") or n.get("title") or n.get("id")) for n in v["nodes"])
        if "_label" in v:
            return f"({v['_label']}) {v.get('name') or v.get('title') or v.get('id')}"
        if "_type" in v:
            return f"[{v['_type']}] {v.get('quote') or ''}"
    if isinstance(v, list):
        return "; ".join(str(_cell(x)) for x in v)
    return v


def page_source() -> None:
    st.title("Källa")
    if no_graph():
        return
    docs = get("documents")
    if not docs:
        st.info("Inga dokument ännu.")
        return
    options = [{"id": d["id"], "name": d["dokument"]} for d in docs]
    did = pick("Dokument", options, "doc", lambda d: d["name"])
    doc = get("document_text", did)
    text = doc["text"] or ""
    try:
        start = max(0, min(len(text), int(st.query_params.get("start", 0))))
        end = max(start, min(len(text), int(st.query_params.get("end", 0))))
    except ValueError:
        start = end = 0
    meta = " · ".join(x for x in (doc.get("body"), doc.get("date")) if x)
    if meta:
        st.caption(meta)
    if end > start:
        st.markdown(f"Markerat: tecken {start}–{end}")
    body = (html.escape(text[:start]) + "<mark id='govgraph-mark'>" + html.escape(text[start:end]) + "</mark>" +
            html.escape(text[end:]))
    st.markdown(f"<pre style='white-space: pre-wrap; font-size: 0.9rem'>{body}</pre>", unsafe_allow_html=True)


pg = st.navigation([st.Page(page_overview, title="Översikt", url_path="oversikt", default=True),
                    st.Page(page_structure, title="Struktur", url_path="struktur"),
                    st.Page(page_matters, title="Ärenden", url_path="arenden"),
                    st.Page(page_persons, title="Personer", url_path="personer"),
                    st.Page(page_bodies, title="Organ", url_path="organ"),
                    st.Page(page_overlaps, title="Överlapp", url_path="overlapp"),
                    st.Page(page_assignments, title="Uppdrag", url_path="uppdrag"),
                    st.Page(page_dossier, title="Underlag", url_path="underlag"),
                    st.Page(page_curation, title="Rättelser", url_path="rattelser"),
                    st.Page(page_cypher, title="Cypher", url_path="cypher"),
                    st.Page(page_source, title="Källa", url_path="kalla")])
try:
    pg.run()
except GovgraphError as e:  # a database that cannot be read, a query that fails: one message, no traceback
    show_error(e)
