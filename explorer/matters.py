"""The Ärenden page: the matters that moved from one body to another, and one matter's trail as a timeline."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from explorer.common import body_caption, get, no_graph, pick, source_url


def page_matters() -> None:
    st.title("Ärenden – vad gick från ett organ till ett annat")
    if no_graph():
        return
    bodies = get("bodies_with_meetings")
    if not bodies:
        st.info("Inga möten i grafen ännu.")
        return
    labels = {b["id"]: body_caption(b) for b in bodies}
    ids = list(labels)
    short = {b.get("short"): b["id"] for b in bodies if b.get("short")}
    c1, c2 = st.columns(2)
    a = c1.selectbox("Från organ", ids, index=ids.index(short.get("SocSam", ids[0])), format_func=labels.get)
    b = c2.selectbox("Till organ", ids, index=ids.index(short.get("SVOM", ids[-1])), format_func=labels.get)
    moved = get("matters_between", a, b)
    st.subheader(f"Ärenden från {labels[a]} till {labels[b]}")
    if moved:
        st.dataframe(pd.DataFrame(moved).drop(columns=["to_doc"], errors="ignore").rename(columns={
            "matter": "ärende", "from_body": "från", "from_date": "datum", "from_para": "§", "from_quote": "citat",
            "to_body": "till", "to_date": "datum till", "to_para": "§ till", "to_quote": "citat till",
            "confidence": "säkerhet"}), width="stretch", hide_index=True)
    else:
        st.caption("Inga ärenden har gått den vägen i de inlästa dokumenten.")
    st.subheader("Ett ärendes väg")
    all_matters = get("matters")
    if not all_matters:
        st.caption("Inget ärende har behandlats vid mer än ett möte.")
        return
    first = next((m["id"] for m in all_matters if moved and m["title"] == moved[0]["matter"]), None)
    mid = pick("Ärende", all_matters, "arende", lambda m: f"{m['title']} ({m['steps']} steg)"
               + (f" – {m['dnr']}" if m.get("dnr") else ""), default=first)
    trail = get("matter_trail", mid)
    timeline(trail)
    for step in trail:
        with st.container(border=True):
            st.markdown(f"**{html.escape(step['date'] or 'datum okänt')} · {html.escape(step['body'])} · "
                        f"§ {html.escape(step['number'] or '?')} {html.escape(step['title'] or '')}**")
            if step.get("quote"):
                st.markdown(f"> {html.escape(step['quote'])}  \n[visa källan]({source_url(step['doc'], step['start'], step['stop'])})")
            for d in step.get("decisions") or []:
                st.markdown(f"- Beslut: {html.escape(d)}")
            for r in step.get("referrals") or []:
                st.markdown(f"- {html.escape(r['verb'] or 'skickas')} till **{html.escape(r['to_body'])}**: "
                            f"”{html.escape(r['quote'] or '')}” [visa källan]({source_url(r['doc'], r['start'], r['stop'])})")


def timeline(trail: list[dict]) -> None:
    """One lane per body, one mark per meeting; hover for the decision, the referral and the quote."""
    import altair as alt

    rows = [{"datum": t["date"], "organ": t["body"], "paragraf": f"§ {t['number']}", "rubrik": t["title"],
             "beslut": " | ".join(t.get("decisions") or [])[:300], "citat": (t.get("quote") or "")[:300],
             "remiss": ", ".join(r["to_body"] for r in t.get("referrals") or [])} for t in trail if t.get("date")]
    if not rows:
        return
    df = pd.DataFrame(rows)
    base = alt.Chart(df).encode(x=alt.X("datum:T", title="datum", axis=alt.Axis(format="%Y-%m-%d", labelAngle=0)),
                                y=alt.Y("organ:N", title=None, axis=alt.Axis(labelLimit=320)))
    # the grey line follows the matter from meeting to meeting, across the lanes
    chart = (base.mark_line(color="#999").encode(order="datum:T") +
             base.mark_circle(size=220).encode(color=alt.Color("organ:N", legend=None),
                                               tooltip=["datum", "organ", "paragraf", "rubrik", "beslut", "remiss",
                                                        "citat"]) +
             base.mark_text(dy=-16).encode(text="paragraf"))
    st.altair_chart(chart.properties(height=70 + 60 * df["organ"].nunique()), width="stretch")
