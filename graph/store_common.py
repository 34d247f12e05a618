"""What both engines share: the store error, the check every read query passes before it runs, one wording for
an engine's query error, the limits a user can raise, and the embedded database's default file.

Both engine modules (graph/store.py, graph/neo4j_store.py) import this one and never each other; what callers
use is graph/store_api.py, above both."""
from __future__ import annotations

import os
import re
from pathlib import Path

from graph.model import GovgraphError

ROOT = Path(__file__).resolve().parent.parent
WRITE_RE = re.compile(r"(?i)\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|ALTER|COPY|LOAD|INSTALL|IMPORT|EXPORT|"
                      r"ATTACH|CHECKPOINT|BEGIN|COMMIT|ROLLBACK)\b")
NEO4J_HINTS = [
    (re.compile(r"(?i)\btype\s*\("), "ladybug skriver label(r) i stället för Neo4j:s type(r)"),
    (re.compile(r"(?i)\blabels\s*\("), "ladybug skriver label(n) (en sträng) i stället för labels(n) (en lista)"),
    (re.compile(r"(?i)shortestPath"), "ladybug skriver (a)-[* SHORTEST 1..10]-(b) i stället för shortestPath"),
    (re.compile(r"\[\s*\w+\s+IN\s+[^\]]+\|"), "ladybug har list_transform/list_filter i stället för listomfattningar"),
    (re.compile(r"(?i)\bCALL\s+db\."), "ladybug har CALL show_tables() i stället för db.labels()"),
]


# what a read of the whole graph by the project itself passes to query(): no row limit and no time limit that a
# user's ad hoc query has (a national graph has more than 100,000 items, and reading it takes minutes)
WHOLE_GRAPH = {"max_rows": 1 << 62, "timeout_ms": 24 * 3600 * 1000}


class StoreError(GovgraphError):
    """A database that cannot be opened, written or queried; the message says what to do."""


MAX_RANGE = 10_000_000
_RANGE_RE = re.compile(r"(?i)\brange\s*\(\s*(-?\d+)\s*,\s*(-?\d+)")


def check_read_query(cypher: str) -> None:
    """What both engines refuse before a read query runs: a write (the read-only database or transaction refuses
    it again), and a range() long enough to fill the memory before the time limit can stop it (the engine
    builds the whole list first)."""
    bare = _strip_strings(cypher)
    if WRITE_RE.search(bare):
        raise StoreError("frågan försöker ändra grafen; här körs bara läsfrågor (MATCH … RETURN)")
    for m in _RANGE_RE.finditer(bare):
        if abs(int(m[2]) - int(m[1])) > MAX_RANGE:
            limit = f"{MAX_RANGE:,}".replace(",", " ")
            raise StoreError(f"range({m[1]}, {m[2]}) är längre än {limit} värden och körs inte här; "
                             f"begränsa intervallet")


def _strip_strings(cypher: str) -> str:
    no_comments = re.sub(r"//[^\n]*", "", cypher)
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`", "''", no_comments)


def explain_error(msg: str, cypher: str) -> str:
    first = msg.strip().splitlines()[0] if msg.strip() else "okänt fel"
    hints = [h for rx, h in NEO4J_HINTS if rx.search(cypher)]
    if "timeout" in first.lower() or "interrupted" in first.lower():
        return "frågan tog för lång tid och avbröts; begränsa den med WHERE eller LIMIT"
    out = f"frågan kunde inte köras: {first}"
    if hints:
        out += f" (tips: {hints[0]})"
    return out


def env_number(name: str, default: float, minimum: float = 1) -> float:
    """A number from the environment (a limit the user can raise), the default when unset or unreadable."""
    try:
        return max(minimum, float(os.environ.get(name, default)))
    except ValueError:
        return default


def query_limits(timeout_s: int = 30, max_rows: int = 100_000) -> tuple[int, int]:
    """(timeout in ms, rows) for an ad hoc query: the given defaults, raised or lowered by GOVGRAPH_QUERY_TIMEOUT
    (seconds) and GOVGRAPH_MAX_ROWS."""
    return (int(env_number("GOVGRAPH_QUERY_TIMEOUT", timeout_s)) * 1000,
            int(env_number("GOVGRAPH_MAX_ROWS", max_rows)))


def default_db_path() -> Path:
    """The embedded database file: GOVGRAPH_DB, else data/graph/govgraph.db in the project."""
    return Path(os.environ.get("GOVGRAPH_DB", ROOT / "data" / "graph" / "govgraph.db"))


def read_graph(records) -> "nx.MultiDiGraph":
    """The whole graph of a store as networkx, read through its records(cypher) (either engine): for copying it to
    the other engine, and for building the search index of a graph that was written without one."""
    import networkx as nx

    from graph import schema

    G = nx.MultiDiGraph()
    for nt in schema.NODES:
        for r in records(f"MATCH (n:{nt.label}) RETURN n", **WHOLE_GRAPH):
            n = r["n"]
            G.add_node(n["id"], **{k: v for k, v in n.items() if not k.startswith("_") and v is not None},
                       label=nt.label)
    n = 0  # the edges so far, for a unique key (networkx counts them anew on every number_of_edges())
    for rt in schema.RELS:
        for r in records(f"MATCH (a)-[r:{rt.type}]->(b) RETURN a.id AS a, b.id AS b, r", **WHOLE_GRAPH):
            props = {k: v for k, v in r["r"].items() if not k.startswith("_") and v is not None}
            G.add_edge(r["a"], r["b"], key=f"{rt.type}:{props.get('doc')}:{props.get('start')}:{n}", type=rt.type,
                       **props)
            n += 1
    return G
