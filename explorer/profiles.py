"""The Personer and Organ pages: one person's or one body's facts, each with its source."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer.common import body_caption, fact_table, get, no_graph, pick
from graph import explore


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
