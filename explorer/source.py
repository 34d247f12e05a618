"""The Källa page: a document's text with the quoted span marked."""
from __future__ import annotations

import html

import streamlit as st

from explorer.common import get, no_graph, pick


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
