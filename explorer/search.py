"""The Sök page and the search field in the sidebar of every page: one search across bodies, persons, matters,
items, decisions, assignments and the documents' text, grouped by kind, the found words marked in each quote, every
hit linked to its page or to Källa at the passage."""
from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from explorer.common import body_caption, get, no_graph, show_error, source_url
from graph.search import KINDS, KINDS_SV, Query, SearchError, marked, no_hits, snippet, terms

KIND_TITLES = {"body": "Organ", "person": "Personer", "role": "Roller", "matter": "Ärenden", "item": "Paragrafer",
               "decision": "Beslut", "assignment": "Uppdrag", "agreement": "Avtal", "passage": "Textavsnitt"}
ANY = "(alla)"


def sidebar_search(search_page) -> None:
    """A search field on every page; Enter (or Sök) opens the Sök page with the text in its URL."""
    with st.sidebar.form("sidebar-search", border=False):
        text = st.text_input("Sök", placeholder="t.ex. psykiatri, Östlund", key="sidebar-search-text")
        if st.form_submit_button("Sök") and text.strip():
            st.switch_page(search_page, query_params={"q": text.strip()})


def page_link(hit: dict) -> str | None:
    """Where a hit is shown best: a person's, a body's or a matter's own page, else Källa at its span."""
    page = {"person": ("personer", "id"), "body": ("organ", "id"), "matter": ("arenden", "arende")}.get(hit["kind"])
    if page:
        return f"./{page[0]}?" + urlencode({page[1]: hit["id"]})
    return source_url(hit.get("doc"), hit.get("start"), hit.get("end"))


def page_search() -> None:
    st.title("Sök")
    if no_graph():
        return
    text = st.text_input("Sök efter", st.query_params.get("q", ""), placeholder="ett ord, ett namn, ett ärende …",
                         help="Böjningsformer hittar varandra (psykiatri, psykiatrin, psykiatriska); ett ord hittar "
                              "också längre ord som börjar med det, och delen av ett sammansatt namn hittar namnet.")
    if text.strip() != st.query_params.get("q", ""):
        st.query_params["q"] = text.strip()
    c1, c2, c3, c4, c5 = st.columns([2, 3, 2, 2, 2])
    kind = c1.selectbox("Slag", [ANY, *KINDS], format_func=lambda k: KIND_TITLES.get(k, k))
    bodies = get("bodies")
    body = c2.selectbox("Organ", [ANY, *(b["id"] for b in bodies)],
                        format_func=lambda b: b if b == ANY else body_caption(next(x for x in bodies if x["id"] == b)))
    muni = c3.selectbox("Kommun", [ANY, *get("municipalities")])
    start = c4.date_input("Från", value=None, format="YYYY-MM-DD")
    end = c5.date_input("Till", value=None, format="YYYY-MM-DD")
    if not text.strip():
        st.caption("Skriv ett eller flera ord. Sökningen går igenom organ, personer, roller, ärenden, paragrafer, "
                   "beslut, uppdrag, avtal och dokumentens text.")
        return
    filters = {"kind": None if kind == ANY else kind, "body": None if body == ANY else body,
               "municipality": None if muni == ANY else muni, "date_from": start.isoformat() if start else None,
               "date_to": end.isoformat() if end else None}
    try:
        q = Query(text, **filters)
        wanted = terms(text)
        hits = get("search", text, **filters)
    except SearchError as e:  # text of no words, a filter written wrong: one line, what to write instead
        st.warning(str(e))
        return
    except Exception as e:  # one readable message, never a traceback
        show_error(e)
        return
    if not hits:
        st.info(no_hits(q))
        return
    groups = {k: [h for h in hits if h["kind"] == k] for k in KINDS}
    st.caption(f"{len(hits)} träffar för ”{text.strip()}” (söktes som {', '.join(wanted)}): "
               + ", ".join(f"{KIND_TITLES[k].lower()} {len(v)}" for k, v in groups.items() if v))
    for kind_, found in groups.items():
        if not found:
            continue
        st.subheader(f"{KIND_TITLES[kind_]} ({len(found)})")
        for h in found:
            show_hit(h, wanted)


def show_hit(h: dict, wanted: list[str]) -> None:
    """One hit: its name linked to its page, where and when, the quote with the found words marked, and its source.
    Every string from a document is escaped before it is marked."""
    title = html.escape(h["title"] or h["id"])
    link = page_link(h)
    head = f"[{title}]({link})" if link else title
    date = h["date_min"] if h["date_min"] == h["date_max"] else "–".join(filter(None, (h["date_min"], h["date_max"])))
    meta = " · ".join(html.escape(x) for x in (KINDS_SV[h["kind"]], ", ".join(h["body_names"]), date, h["para"]) if x)
    quote = marked(snippet(" ".join((h["quote"] or "").split()), wanted, 320), wanted)
    why = ""
    if "<mark>" not in quote and h.get("context"):  # found by what else is known of it: a matter, a speaker, an alias
        why = "  \n<small>Hittad genom: " + marked(snippet(h["context"], wanted, 200), wanted) + "</small>"
    src = source_url(h.get("doc"), h.get("start"), h.get("end"))
    st.markdown(f"**{head}**  \n<small>{meta}</small>  \n{quote}{why}" + (f"  \n[visa källan]({src})" if src else ""),
                unsafe_allow_html=True)
