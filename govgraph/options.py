"""What the commands in govgraph/cli.py share: the options several of them take, and small helpers for paths,
messages, parameters and tables."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click
import networkx as nx

from graph.model import GovgraphError

db_option = click.option("--db", "db", type=click.Path(dir_okay=False), default=None, envvar="GOVGRAPH_DB",
                         help="Databasfil (standard: data/graph/govgraph.db, eller GOVGRAPH_DB).")

neo4j_option = click.option("--neo4j", "neo4j", default=None, metavar="URI",
                            help="Använd Neo4j (t.ex. neo4j://server:7687) i stället för databasfilen; "
                                 "NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD och NEO4J_DATABASE gäller också.")

curation_option = click.option("--curation", "curation", type=click.Path(dir_okay=False), default=None,
                               envvar="GOVGRAPH_CURATION",
                               help="Granskarnas rättelser (standard: data/curation.toml, eller GOVGRAPH_CURATION).")

why_option = click.option("--why", required=True, help="Varför rättelsen görs (sparas i filen).")
who_option = click.option("--who", default=None, help="Vem som gör rättelsen (standard: inloggad användare).")


def db_path(db: str | None) -> Path:
    """The embedded database file: --db, else GOVGRAPH_DB or data/graph/govgraph.db."""
    from graph.store_api import default_db_path

    return Path(db) if db else default_db_path()


def curation_path(path: str | None) -> Path:
    """The reviewers' corrections file: --curation, else GOVGRAPH_CURATION or data/curation.toml."""
    from graph.curation import default_path

    return Path(path) if path else default_path()


def where(target) -> str:
    """What a summary names: the database file, or the Neo4j server's URI."""
    return str(getattr(target, "path", target))


def say(message: str) -> None:
    """A line for the user beside the output (progress, waiting for a lock)."""
    click.echo(message, err=True)


def parse_params(values: tuple[str, ...]) -> dict:
    """--param name=value, repeated, as a dict of strings."""
    out = {}
    for v in values:
        if "=" not in v:
            raise GovgraphError(f"--param {v!r} saknar '='; skriv --param namn=värde")
        k, val = v.split("=", 1)
        out[k.strip()] = val  # a string, as typed: "0114" is a kommunkod, not the number 114
    return out


def cell(v) -> str:
    if isinstance(v, (dict, list)):
        if isinstance(v, dict) and "_label" in v:
            return f"({v['_label']} {v.get('name') or v.get('title') or v.get('id')})"
        return json.dumps(v, ensure_ascii=False, default=str)
    return "" if v is None else str(v)


def table(cols: list[str], rows: list[list]) -> str:
    """A query result as a text table, cells cut at 60 characters, with the row count."""
    cells = [[cell(v) for v in r] for r in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(cols)]
    line = " | ".join(c.ljust(w) for c, w in zip(cols, widths))
    out = [line, "-+-".join("-" * w for w in widths)]
    for r in cells:
        out.append(" | ".join((v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(r, widths)))
    out.append(f"({len(rows)} rader)")
    return "\n".join(out)


def counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes per label and relationships per type."""
    c = Counter(d["label"] for _, d in G.nodes(data=True))
    c.update(d["type"] for _, _, d in G.edges(data=True))
    return dict(c)
