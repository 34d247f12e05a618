"""The Struktur page: who reports to, prepares for, is part of or succeeded whom, as a hierarchical picture
with filters, a body's chain up and subtree, and the changes between two days."""
from __future__ import annotations

import streamlit as st

from explorer.common import PROV_COLS, body_caption, draw, fact_table, get, no_graph, pick, source_url
from graph import explore
from graph.picture import network_html
from graph.report import md_text


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
