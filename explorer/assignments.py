"""The Uppdrag page: the register of assignments with their age, open ones first."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer.common import get, no_graph, source_url


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
