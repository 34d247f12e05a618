"""govgraph explorer (Streamlit): the pages in one navigation, and a search field in the sidebar of every page. The
pages are in explorer/ (one module each); they render only: data comes through graph/explore.py, graph/picture.py
and the saved queries. User-facing text is Swedish."""
from __future__ import annotations

import streamlit as st

from explorer.assignments import page_assignments
from explorer.common import show_error
from explorer.curation import page_curation
from explorer.cypher import page_cypher
from explorer.dossier import page_dossier
from explorer.matters import page_matters
from explorer.overlaps import page_overlaps
from explorer.overview import page_overview
from explorer.profiles import page_bodies, page_persons
from explorer.search import page_search, sidebar_search
from explorer.source import page_source
from explorer.structure import page_structure
from graph.model import GovgraphError

st.set_page_config(page_title="govgraph – samverkansstrukturen", page_icon="🏛️", layout="wide")

search = st.Page(page_search, title="Sök", url_path="sok")
pg = st.navigation([st.Page(page_overview, title="Översikt", url_path="oversikt", default=True),
                    search,
                    st.Page(page_structure, title="Struktur", url_path="struktur"),
                    st.Page(page_matters, title="Ärenden", url_path="arenden"),
                    st.Page(page_persons, title="Personer", url_path="personer"),
                    st.Page(page_bodies, title="Organ", url_path="organ"),
                    st.Page(page_overlaps, title="Överlapp", url_path="overlapp"),
                    st.Page(page_assignments, title="Uppdrag", url_path="uppdrag"),
                    st.Page(page_dossier, title="Underlag", url_path="underlag"),
                    st.Page(page_curation, title="Rättelser", url_path="rattelser"),
                    st.Page(page_cypher, title="Cypher", url_path="cypher"),
                    st.Page(page_source, title="Källa", url_path="kalla")])
try:
    sidebar_search(search)
    pg.run()
except GovgraphError as e:  # a database that cannot be read, a query that fails: one message, no traceback
    show_error(e)
