"""The Underlag page: the review dossier of a body or the whole structure, and the graph's exports."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import streamlit as st

from explorer.common import body_caption, db_path, db_version, get, no_graph, pick, show_error, source_url, store_at
from graph.store_api import graph_from_store


@st.cache_data(show_spinner="Sammanställer underlaget …", max_entries=64)
def dossier_of(bid: str, version: float):
    from graph import report

    s = store_at(str(db_path()), version)
    return report.body_dossier(s, bid) if bid else report.structure_dossier(s)


def page_dossier() -> None:
    st.title("Underlag för översynen")
    if no_graph():
        return
    from graph import report

    choices = [{"id": "", "name": "Hela samverkansstrukturen", "short": None}] + get("bodies")
    bid = pick("Organ", choices, "id", body_caption, default="")
    try:
        dossier = dossier_of(bid, db_version())
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

    G = graph_from_store(store_at(str(db_path()), version))
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
