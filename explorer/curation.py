"""The Rättelser page: reviewers' corrections with who, when and why, and what they changed in the graph."""
from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from explorer.common import cached, curation_path, db_path, fact_table, get, neo4j_uri, no_graph, show_error, store_at
from explorer.dossier import dossier_of
from graph import schema
from graph.model import GovgraphError


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
            store_at.clear()  # the rebuild replaces the database file
            res = rebuild(db_path(), curation=path)
        except Exception as e:  # one readable message; the graph is as it was
            show_error(e)
        else:
            cached.clear()
            dossier_of.clear()
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
