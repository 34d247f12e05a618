"""Reviewers' corrections: merge or split persons and bodies, reject a fact, add a missing one.

Corrections live in one TOML file in the project's data folder (``data/curation.toml``, or GOVGRAPH_CURATION),
which the project keeps under version control beside the documents. Each correction says who made it, when and
why. They are applied, in the order written, to the graph every build produces — so a re-ingest of the
documents they touch keeps them. A correction that no longer finds what it names is reported, not dropped.

    version = 1

    [[correction]]
    action = "merge"                      # merge | split | reject | add
    ids = ["person:anna-ek", "person:anna-eek"]
    who = "Karin"
    when = "2026-12-01T10:15:00"
    why = "Samma person; efternamnet felstavat i protokollet från mars"
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import tomllib
from pathlib import Path
from typing import Any

import networkx as nx

from graph import schema
from graph.model import GovgraphError, Warning_, slug
from graph.redirects import REDIRECT, follow_in

VERSION = 1
ACTIONS = {"merge": ("ids",), "split": ("id", "doc"), "reject": ("type", "from", "to"),
           "add": ("type", "from", "to", "doc", "quote")}
ROOT = Path(__file__).resolve().parent.parent
HEADER = ("# Granskarnas rättelser av grafen (govgraph curate). Läses vid varje inläsning och tillämpas i ordning.\n"
          "# Håll filen under versionshantering tillsammans med dokumenten.\n")


class CurationError(GovgraphError):
    """A curation file or correction that cannot be used; the message names the file and the fix."""


def default_path() -> Path:
    return Path(os.environ.get("GOVGRAPH_CURATION", ROOT / "data" / "curation.toml"))


def load(path: Path | None) -> list[dict[str, Any]]:
    """The corrections in a file (none when it does not exist), each checked for its action's fields."""
    if path is None or not Path(path).exists():
        return []
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CurationError(f"{path}: rättelsefilen kunde inte läsas ({e}); rätta TOML-syntaxen eller ta bort "
                            f"den senaste ändringen") from None
    if data.get("version", VERSION) > VERSION:
        raise CurationError(f"{path}: rättelsefilen har version {data['version']}, nyare än den här versionen "
                            f"av govgraph ({VERSION}); uppdatera govgraph")
    out = data.get("correction", [])
    for i, c in enumerate(out, 1):
        check(c, f"{path}: rättelse {i}")
    return out


def check(c: dict[str, Any], where: str) -> None:
    action = c.get("action")
    if action not in ACTIONS:
        raise CurationError(f"{where}: okänd åtgärd {action!r}; använd {', '.join(ACTIONS)}")
    missing = [k for k in (*ACTIONS[action], "who", "when", "why") if not c.get(k)]
    if missing:
        raise CurationError(f"{where}: {action} saknar {', '.join(missing)}")
    if action == "merge" and (not isinstance(c["ids"], list) or len(c["ids"]) < 2):
        raise CurationError(f"{where}: merge behöver minst två id i ids")
    if action in ("reject", "add") and c["type"] not in schema.REL_TYPES:
        raise CurationError(f"{where}: relationstypen {c['type']!r} finns inte i schemat")


def append(path: Path, correction: dict[str, Any]) -> dict[str, Any]:
    """Add a correction (who defaults to the logged-in user, when to now) and write the file back."""
    import tomli_w

    c = {k: v for k, v in correction.items() if v not in (None, "", [])}
    c.setdefault("who", os.environ.get("GOVGRAPH_USER") or getpass.getuser())
    c.setdefault("when", dt.datetime.now().replace(microsecond=0).isoformat())
    check(c, str(path))
    existing = load(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(HEADER + tomli_w.dumps({"version": VERSION, "correction": [*existing, c]}), encoding="utf-8")
    os.replace(tmp, path)  # the file is never half-written
    return c


def remove_at(path: Path, index: int) -> dict[str, Any]:
    """Take back correction number index (1-based)."""
    import tomli_w

    existing = load(path)
    if not 1 <= index <= len(existing):
        raise CurationError(f"{path}: det finns ingen rättelse nummer {index} (det finns {len(existing)})")
    gone = existing.pop(index - 1)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(HEADER + tomli_w.dumps({"version": VERSION, "correction": existing}), encoding="utf-8")
    os.replace(tmp, path)
    return gone


def note(c: dict[str, Any]) -> str:
    return f"{c['action']} av {c['who']} {c['when']}: {c['why']}"


def apply(G: nx.MultiDiGraph, corrections: list[dict[str, Any]]) -> tuple[list[str], list[Warning_]]:
    """Apply the corrections to G in order. Returns a line per correction applied and a warning for each that
    no longer finds what it names."""
    done: list[str] = []
    warnings: list[Warning_] = []
    for i, c in enumerate(corrections, 1):
        try:
            done.append(f"{i}. " + _APPLY[c["action"]](G, _followed(G, c)))
        except _Stale as e:
            warnings.append(Warning_(c.get("doc") or "curation", f"rättelse {i} ({c['action']}, {c['why']}) gäller "
                                                                  f"inte längre: {e}; ta bort eller ändra den"))
    return done, warnings


class _Stale(Exception):
    pass


def _followed(G: nx.MultiDiGraph, c: dict[str, Any]) -> dict[str, Any]:
    """The correction with each id a later merge retired replaced by the id that stands for it now."""
    out = dict(c)
    for k in ("id", "from", "to"):
        if isinstance(out.get(k), str):
            out[k] = follow_in(G, out[k])
    if isinstance(out.get("ids"), list):
        out["ids"] = list(dict.fromkeys(follow_in(G, i) for i in out["ids"]))
    return out


def _need(G: nx.MultiDiGraph, nid: str) -> dict:
    if nid not in G:
        raise _Stale(f"{nid} finns inte i grafen")
    return G.nodes[nid]


def _move_edges(G: nx.MultiDiGraph, old: str, new: str, keep=lambda d: True) -> int:
    moved = 0
    for u, v, k, d in list(G.in_edges(old, keys=True, data=True)) + list(G.out_edges(old, keys=True, data=True)):
        if not keep(d):
            continue
        a, b = (new if u == old else u), (new if v == old else v)
        G.remove_edge(u, v, key=k)
        if a != b:
            G.add_edge(a, b, key=k, **d)
        moved += 1
    return moved


def _merge(G: nx.MultiDiGraph, c: dict[str, Any]) -> str:
    into, rest = c["ids"][0], c["ids"][1:]
    target = _need(G, into)
    for other in rest:
        node = _need(G, other)
        if node["label"] != target["label"]:
            raise _Stale(f"{other} är {node['label']}, {into} är {target['label']}")
        _move_edges(G, other, into)
        names = [*(target.get("aliases") or []), node.get("name"), *(node.get("aliases") or [])]
        target["aliases"] = sorted({n for n in names if n and n != target.get("name")})
        G.remove_node(other)
        # the merged id is retired, not lost: saved links and queries naming it reach the node it joined
        G.add_node(other, label=REDIRECT, id=other, target=into, name=node.get("name") or other)
        for _, d in G.nodes(data=True):
            if d.get("label") == REDIRECT and d.get("target") == other:
                d["target"] = into
    if c.get("name"):
        target["name"] = c["name"]
    target["curated"] = _join(target.get("curated"), note(c))
    return f"{', '.join(rest)} sammanslagen med {into}"


def _split(G: nx.MultiDiGraph, c: dict[str, Any]) -> str:
    node = _need(G, c["id"])
    docs = c["doc"] if isinstance(c["doc"], list) else [c["doc"]]
    new = c.get("new_id") or f"{c['id']}~{slug(docs[0].removeprefix('doc:'))}"
    G.add_node(new, **{**node, "id": new, "curated": _join(None, note(c))})
    if c.get("name"):
        G.nodes[new]["name"] = c["name"]
    moved = _move_edges(G, c["id"], new, keep=lambda d: d.get("doc") in docs)
    if not moved:
        G.remove_node(new)
        raise _Stale(f"{c['id']} har inga fakta från {', '.join(docs)}")
    node["curated"] = _join(node.get("curated"), note(c))
    return f"{c['id']} delad: {moved} fakta från {', '.join(docs)} till {new}"


def _reject(G: nx.MultiDiGraph, c: dict[str, Any]) -> str:
    _need(G, c["from"])
    _need(G, c["to"])
    hits = [(u, v, k) for u, v, k, d in G.out_edges(c["from"], keys=True, data=True)
            if v == c["to"] and d["type"] == c["type"] and (not c.get("doc") or d.get("doc") == c["doc"])
            and (not c.get("quote") or c["quote"] in (d.get("quote") or ""))]
    if not hits:
        raise _Stale(f"ingen {c['type']} från {c['from']} till {c['to']}")
    for u, v, k in hits:
        G.remove_edge(u, v, key=k)
    return f"{len(hits)} {c['type']} från {c['from']} till {c['to']} avvisad"


def _add(G: nx.MultiDiGraph, c: dict[str, Any]) -> str:
    a, b = _need(G, c["from"]), _need(G, c["to"])
    if (c["type"], a["label"], b["label"]) not in schema.ALLOWED:
        raise _Stale(f"{c['type']} från {a['label']} till {b['label']} finns inte i schemat")
    doc = _need(G, c["doc"])
    text = doc.get("text") or ""
    start = text.find(c["quote"], int(c.get("start", 0)))
    if start < 0:
        raise _Stale(f"citatet {c['quote'][:60]!r} finns inte i {c['doc']}")
    allowed = schema.REL_BY_TYPE[c["type"]].props
    props = {k: v for k, v in (c.get("props") or {}).items() if k in allowed}
    G.add_edge(c["from"], c["to"], key=_edge_key(G, c), type=c["type"], doc=c["doc"],
               para=c.get("para"), start=start, end=start + len(c["quote"]), quote=c["quote"], rule="curation",
               confidence=1.0, curated=note(c), **props)
    return f"{c['type']} från {c['from']} till {c['to']} tillagd"


def _edge_key(G: nx.MultiDiGraph, c: dict[str, Any]) -> str:
    """The key of a fact a reviewer added: its type, time and a digest of what it says, so that two facts added between
    the same nodes within one second are two edges; the same correction written twice gets a running number."""
    said = json.dumps({k: c.get(k) for k in ("type", "from", "to", "doc", "para", "start", "quote", "who", "why",
                                             "props")}, sort_keys=True, ensure_ascii=False, default=str)
    key = f"{c['type']}:curation:{c['when']}:{hashlib.sha256(said.encode()).hexdigest()[:8]}"
    n, found = 1, key
    while G.has_edge(c["from"], c["to"], found):
        n += 1
        found = f"{key}:{n}"
    return found


def _join(old: str | None, new: str) -> str:
    return f"{old}; {new}" if old else new


_APPLY = {"merge": _merge, "split": _split, "reject": _reject, "add": _add}
