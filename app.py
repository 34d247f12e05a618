"""govgraph explorer (Streamlit). The UI only renders: data comes through graph/ and the saved queries."""
from __future__ import annotations

import html
import os

import pandas as pd
import streamlit as st

from graph import schema
from graph.model import GovgraphError
from graph.queries import saved_queries
from graph.store import LadybugStore, default_db_path

st.set_page_config(page_title="govgraph – samverkansstrukturen", layout="wide")

MAX_NODES = 300


@st.cache_resource
def store() -> LadybugStore:
    return LadybugStore(os.environ.get("GOVGRAPH_DB") or default_db_path(), read_only=True)


@st.cache_data(ttl=30)
def run(cypher: str, params: tuple = ()) -> pd.DataFrame:
    cols, rows = store().query(cypher, dict(params))
    return pd.DataFrame(rows, columns=cols)


def show_error(e: Exception) -> None:
    st.error(str(e) if isinstance(e, GovgraphError) else f"Något gick fel: {type(e).__name__}")


def graph_html(edges: list[tuple[str, str, str, str]], kinds: dict[str, str]) -> str:
    """A pyvis picture that works offline (vis-network inline) with every document string escaped."""
    from pyvis.network import Network

    net = Network(height="560px", width="100%", directed=True, cdn_resources="in_line")
    net.set_options('{"layout": {"hierarchical": {"enabled": true, "direction": "DU", "sortMethod": "directed"}},'
                    ' "physics": {"enabled": false}}')
    colours = {n.label: n.colour for n in schema.NODES}
    nodes = {}
    for a, b, _, _ in edges:
        nodes.setdefault(a, None)
        nodes.setdefault(b, None)
    for n in list(nodes)[:MAX_NODES]:
        net.add_node(n, label=html.escape(n), title=html.escape(n), color=colours.get(kinds.get(n, "Body"), "#d62728"))
    for a, b, rel, quote in edges:
        if a in net.get_nodes() and b in net.get_nodes():
            net.add_edge(a, b, label=html.escape(rel), title=html.escape(quote or ""))
    return net.generate_html()


def page_overview() -> None:
    st.title("Översikt")
    st.caption("Samverkansstrukturen ur protokoll, utdrag, minnesanteckningar och webbsidor.")
    try:
        docs = run("MATCH (d:Document) RETURN d.name AS dokument, d.body AS organ, d.date AS datum, "
                   "d.kind AS typ, size(d.warnings) AS varningar ORDER BY datum")
    except GovgraphError as e:
        show_error(e)
        return
    counts = []
    for n in schema.NODES:
        counts.append((n.label, int(run(f"MATCH (n:{n.label}) RETURN count(n) AS n")["n"][0])))
    cols = st.columns(6)
    for i, (label, c) in enumerate(counts):
        cols[i % 6].metric(label, c)
    st.subheader("Dokument")
    st.dataframe(docs, use_container_width=True, hide_index=True)
    st.subheader("Mest sammankopplade organ")
    st.dataframe(run("MATCH (b:Body)-[r]-() RETURN b.name AS organ, count(r) AS kopplingar "
                     "ORDER BY kopplingar DESC LIMIT 10"), use_container_width=True, hide_index=True)
    st.subheader("Varningar")
    w = run("MATCH (d:Document) UNWIND d.warnings AS varning RETURN d.name AS dokument, varning")
    st.dataframe(w, use_container_width=True, hide_index=True)


def page_structure() -> None:
    st.title("Struktur – vem rapporterar till vem")
    q = {s.name: s for s in saved_queries()}["reporting_tree"]
    df = run(q.text)
    if df.empty:
        st.info("Inga uttalade relationer mellan organ ännu.")
        return
    edges = [(r.body, r.to_body, r.relation, r.quote) for r in df.itertuples()]
    st.components.v1.html(graph_html(edges, {}), height=600)
    st.dataframe(df, use_container_width=True, hide_index=True)


def page_matters() -> None:
    st.title("Ärenden mellan organ")
    bodies = run("MATCH (b:Body)-[:HELD]->(:Meeting) RETURN DISTINCT coalesce(b.short, b.name) AS b ORDER BY b")["b"].tolist()
    if not bodies:
        st.info("Inga möten i grafen ännu.")
        return
    a = st.selectbox("Från organ", bodies, index=bodies.index("SocSam") if "SocSam" in bodies else 0)
    b = st.selectbox("Till organ", bodies, index=bodies.index("SVOM") if "SVOM" in bodies else 0)
    q = {s.name: s for s in saved_queries()}["matters_between"]
    st.dataframe(run(q.text, (("from", a), ("to", b))), use_container_width=True, hide_index=True)
    trail = {s.name: s for s in saved_queries()}["matter_trail"]
    term = st.text_input("Följ ett ärende (del av rubriken)", "psykiatri")
    st.dataframe(run(trail.text, (("matter", term),)), use_container_width=True, hide_index=True)


def page_cypher() -> None:
    st.title("Cypher")
    qs = saved_queries()
    choice = st.selectbox("Sparad fråga", ["(egen fråga)"] + [q.title for q in qs])
    text, params = "MATCH (b:Body) RETURN b.name AS organ, b.short AS kort LIMIT 25", {}
    if choice != "(egen fråga)":
        q = next(q for q in qs if q.title == choice)
        st.caption(q.description)
        text = q.text
        params = {k: st.text_input(k, v) for k, v in q.params.items()}
    text = st.text_area("Fråga (bara läsning)", text, height=200)
    if st.button("Kör"):
        try:
            df = run(text, tuple(sorted(params.items())))
        except Exception as e:  # one readable message, never a traceback
            show_error(e)
            return
        st.dataframe(df.astype(str), use_container_width=True, hide_index=True)
        st.download_button("Ladda ner CSV", df.to_csv(index=False).encode("utf-8"), "resultat.csv", "text/csv")


def page_source() -> None:
    st.title("Källa")
    docs = run("MATCH (d:Document) RETURN d.id AS id, d.name AS name ORDER BY name")
    if docs.empty:
        st.info("Inga dokument ännu.")
        return
    did = st.selectbox("Dokument", docs["id"].tolist(), format_func=lambda i: docs.set_index("id")["name"][i])
    text = run("MATCH (d:Document {id: $id}) RETURN d.text AS t", (("id", did),))["t"][0]
    start = st.number_input("Från tecken", 0, len(text), 0)
    end = st.number_input("Till tecken", 0, len(text), 0)
    body = html.escape(text[:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>" + html.escape(text[end:])
    st.markdown(f"<pre style='white-space: pre-wrap'>{body}</pre>", unsafe_allow_html=True)


pg = st.navigation([st.Page(page_overview, title="Översikt", url_path="oversikt", default=True),
                    st.Page(page_structure, title="Struktur", url_path="struktur"),
                    st.Page(page_matters, title="Ärenden", url_path="arenden"),
                    st.Page(page_cypher, title="Cypher", url_path="cypher"),
                    st.Page(page_source, title="Källa", url_path="kalla")])
pg.run()
