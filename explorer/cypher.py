"""The Cypher page: saved and ad hoc read-only queries, as a table and, where the result is a graph, a picture."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer.common import QUERY_MAX_ROWS, QUERY_TIMEOUT_MS, draw, no_graph, show_error, store
from graph import explore
from graph.picture import network_html
from graph.queries import saved_queries


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
