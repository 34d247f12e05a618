"""The Översikt page: counts, documents, the best-connected bodies and persons, the ingest's warnings, and
*Lägg till dokument* (upload and ingest with a progress bar)."""
from __future__ import annotations

import html
import tempfile
import time
from pathlib import Path

import pandas as pd
import streamlit as st

from explorer.common import LABELS_SV, cached, curation_path, db_path, get, no_graph, show_error, store_at
from graph import schema
from graph.model import GovgraphError
from graph.store_api import write_target


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
            store_at.clear()  # let go of the open database: the ingest replaces its file
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
