"""The Överlapp page: bodies that share members, and possible parallel structures."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer.common import get, no_graph
from graph import explore


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
