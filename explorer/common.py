"""What every page of the explorer shares: the store and its cached reads (by the database file's version), one
error message, links to the source of a fact, a fact table, a picture, and a select box whose choice is in the URL.
Nothing here renders a page of its own."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from graph import explore
from graph.model import GovgraphError
from graph.picture import MAX_NODES
from graph.redirects import follow
from graph.store_api import default_db_path, open_store, query_limits, Store

# The schema's labels as the app's users say them
LABELS_SV = {"Document": "Dokument", "Person": "Personer", "Role": "Roller", "Body": "Organ", "Municipality": "Kommuner",
             "Meeting": "Möten", "AgendaItem": "Paragrafer", "Decision": "Beslut", "Assignment": "Uppdrag",
             "Matter": "Ärenden", "Agreement": "Avtal", "Redirect": "Omdirigerade id"}
# ad hoc Cypher: read only, and stopped after this long or this many rows (GOVGRAPH_QUERY_TIMEOUT, GOVGRAPH_MAX_ROWS)
QUERY_TIMEOUT_MS, QUERY_MAX_ROWS = query_limits(timeout_s=10, max_rows=2_000)
PROV_COLS = ("doc", "para", "start", "stop", "quote")


def db_path() -> Path:
    return Path(os.environ.get("GOVGRAPH_DB") or default_db_path())


def neo4j_uri() -> str | None:
    return os.environ.get("NEO4J_URI") or None


def db_version() -> float:
    if neo4j_uri():  # a server others may write to: read again every half minute
        return float(int(time.time() // 30))
    p = db_path()
    return p.stat().st_mtime if p.exists() else 0.0


@st.cache_resource
def store_at(path: str, version: float) -> Store:
    return open_store(path, read_only=True)  # Neo4j when NEO4J_URI is set


def store() -> Store:
    return store_at(str(db_path()), db_version())


@st.cache_data(show_spinner=False, max_entries=256)
def cached(fn_name: str, version: float, *args, **kwargs):
    return getattr(explore, fn_name)(store_at(str(db_path()), version), *args, **kwargs)


def get(fn_name: str, *args, **kwargs):
    return cached(fn_name, db_version(), *args, **kwargs)


def show_error(e: Exception) -> None:
    st.error(str(e) if isinstance(e, GovgraphError) else f"Något gick fel ({type(e).__name__}). Försök igen; "
                                                         "kvarstår felet, läs in dokumenten på nytt.")


def source_url(doc: str | None, start: int | None, stop: int | None) -> str | None:
    if not doc:
        return None
    q = {"doc": doc}
    if start is not None and stop is not None:
        q |= {"start": int(start), "end": int(stop)}
    return "./kalla?" + urlencode(q)


def fact_table(rows: list[dict], columns: dict[str, str] | None = None, key: str | None = None) -> None:
    """A table of facts, each with its § and quote and a link to the highlighted source."""
    if not rows:
        st.caption("Inget att visa.")
        return
    df = pd.DataFrame(rows)
    if "doc" in df.columns:
        df["källa"] = [source_url(r.get("doc"), r.get("start"), r.get("stop")) for r in rows]
    if "curated" in df.columns and not df["curated"].notna().any():
        df = df.drop(columns=["curated"])  # shown only where a reviewer changed something
    keep = [c for c in df.columns if c not in ("start", "stop", "doc", "id") and not c.endswith("_id")]
    df = df[keep].rename(columns={"para": "§", "quote": "citat", "curated": "rättad av granskare",
                                  **(columns or {})})
    for c in df.columns:
        if df[c].map(lambda v: isinstance(v, list)).any():
            df[c] = df[c].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
    # one fact read twice at one place (by two rules) is one row; an empty cell is empty, not "None"
    df = df.astype(object).where(df.notna(), "").drop_duplicates()
    st.dataframe(df, width="stretch", hide_index=True, key=key,
                 column_config={"källa": st.column_config.LinkColumn("källa", display_text="visa källan"),
                                "citat": st.column_config.TextColumn("citat", width="large")})


def draw(picture, height: int) -> None:
    if picture.reduced:
        st.warning(f"Bilden visar de {picture.shown} mest sammankopplade av {picture.total} noder "
                   f"(gränsen är {MAX_NODES}). Filtrera för att se resten.")
    # our own page (graph.picture): document text is in it as JSON data only, never as markup
    st.iframe(picture.html, height=height + 20)


def no_graph() -> bool:
    if not neo4j_uri() and not db_path().exists():
        st.info("Ingen graf ännu. Läs in dokument på sidan Översikt, eller kör `govgraph ingest data/sample-minutes`.")
        return True
    return False


def pick(label: str, options: list[dict], param: str, fmt, default=None, key: str | None = None):
    """A select box whose choice is also in the URL (?param=id), so pages can link to each other."""
    ids = [o["id"] for o in options]
    wanted = st.query_params.get(param) or default
    if wanted and wanted not in ids:  # a saved link to an id a later merge retired
        wanted = follow(store(), wanted)
    index = ids.index(wanted) if wanted in ids else 0
    by_id = {o["id"]: o for o in options}
    choice = st.selectbox(label, ids, index=index, format_func=lambda i: fmt(by_id[i]), key=key)
    if choice != st.query_params.get(param):
        st.query_params[param] = choice
    return choice


def body_caption(b: dict) -> str:
    return f"{b['name']} ({b['short']})" if b.get("short") and b["short"] != b["name"] else b["name"]


def curation_path() -> Path:
    from graph.curation import default_path

    return default_path()
