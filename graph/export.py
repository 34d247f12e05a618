"""Exports in formats others read: Popolo JSON, GraphML (Gephi, networkx, yEd) and CSV per label and type.

All three are written from the graph of a store (either engine), so an export says exactly what the graph says.
Every Popolo object carries its sources: the document, the character span as an RFC 5147 fragment
(``path#char=start,end``) and the quote.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from graph import schema

DATE_RE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def _source(G: nx.MultiDiGraph, d: dict) -> dict[str, Any] | None:
    doc = G.nodes.get(d.get("doc")) or {}
    if d.get("start") is None or not d.get("quote"):
        return None
    where = doc.get("path") or doc.get("name") or d.get("doc")
    para = f" {d['para']}" if d.get("para") else ""
    return {"url": f"{where}#char={d['start']},{d['end']}",
            "note": f"{doc.get('name') or d.get('doc')}{para}: ”{d['quote']}”"}


def _sources(G: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    out, seen = [], set()
    for _, _, d in G.out_edges(node, data=True):
        if d["type"] == "MENTIONED_IN":
            s = _source(G, d)
            if s and s["url"] not in seen:
                seen.add(s["url"])
                out.append(s)
    return out


def _date(v: Any) -> str | None:
    return v if isinstance(v, str) and DATE_RE.match(v) else None


def _by_label(G: nx.MultiDiGraph, label: str) -> list[tuple[str, dict]]:
    return sorted(((n, d) for n, d in G.nodes(data=True) if d.get("label") == label), key=lambda x: x[0])


def _targets(G: nx.MultiDiGraph, node: str, rel: str, label: str | None = None) -> list[tuple[str, dict]]:
    return [(v, d) for _, v, d in G.out_edges(node, data=True)
            if d["type"] == rel and (label is None or G.nodes[v].get("label") == label)]


def popolo(G: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """Persons, organizations (bodies and municipalities), posts (roles), memberships and events (meetings).
    An id a later merge retired (a Redirect) is an identifier of the person or organization it leads to."""
    retired: dict[str, list[dict[str, str]]] = {}
    for n, d in sorted(_by_label(G, "Redirect")):
        retired.setdefault(d["target"], []).append({"scheme": "govgraph tidigare id", "identifier": n})
    persons = []
    for n, d in _by_label(G, "Person"):
        p = {"id": n, "name": d.get("name"), "sources": _sources(G, n)}
        if n in retired:
            p["identifiers"] = retired[n]
        names = [a for a in d.get("aliases") or [] if a != d.get("name")]
        if names:
            p["other_names"] = [{"name": a} for a in names]
        if d.get("party"):
            p["party"] = d["party"]  # beside Popolo's fields: the party code the minutes give
        persons.append(p)
    organizations = []
    for n, d in _by_label(G, "Body"):
        o = {"id": n, "name": d.get("name"), "classification": d.get("kind"), "sources": _sources(G, n)}
        others = [x for x in [d.get("short"), *(d.get("aliases") or [])] if x and x != d.get("name")]
        if others:
            o["other_names"] = [{"name": x} for x in dict.fromkeys(others)]
        parent = _targets(G, n, "PART_OF") or _targets(G, n, "BELONGS_TO")
        if parent:
            o["parent_id"] = parent[0][0]
        if _date(d.get("founded")):
            o["founding_date"] = d["founded"]
        if n in retired:
            o["identifiers"] = retired[n]
        organizations.append(o)
    for n, d in _by_label(G, "Municipality"):
        o = {"id": n, "name": d.get("name"), "classification": "kommun", "sources": _sources(G, n)}
        if d.get("code"):
            o["identifiers"] = [{"scheme": "SCB kommunkod", "identifier": d["code"]}]
        organizations.append(o)
    posts = []
    for n, d in _by_label(G, "Role"):
        p = {"id": n, "label": d.get("name") or d.get("title"), "role": d.get("title"), "sources": _sources(G, n)}
        org = _targets(G, n, "ROLE_IN")
        if org:
            p["organization_id"] = org[0][0]
        posts.append(p)
    memberships = _memberships(G)
    events = []
    for n, d in _by_label(G, "Meeting"):
        e = {"id": n, "name": d.get("title") or d.get("name"), "classification": d.get("kind") or "sammanträde",
             "sources": _sources(G, n)}
        if _date(d.get("date")):
            e["start_date"] = d["date"]
        if d.get("place"):
            e["location"] = d["place"]
        holder = [u for u, _, x in G.in_edges(n, data=True) if x["type"] == "HELD"]
        if holder:
            e["organization_id"] = holder[0]
        e["attendees"] = [{"id": u, "name": G.nodes[u].get("name")}
                          for u in sorted({u for u, _, x in G.in_edges(n, data=True) if x["type"] == "ATTENDED"})]
        events.append(e)
    return {"persons": persons, "organizations": organizations, "posts": posts, "memberships": memberships,
            "events": events}


def _memberships(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One Popolo membership per person and organization (and post): every observation of it is a source, its
    dates are the meeting dates it was observed on, a start only where the text states one."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for u, v, d in G.edges(data=True):
        if d["type"] == "MEMBER_OF":
            groups[(u, v, None, d.get("role"))].append(d)
        elif d["type"] == "HOLDS":
            org = _targets(G, v, "ROLE_IN")
            groups[(u, org[0][0] if org else None, v, G.nodes[v].get("title"))].append(d)
    out = []
    for (person, org, post, role), facts in sorted(groups.items(), key=lambda x: tuple(str(k) for k in x[0])):
        m: dict[str, Any] = {"id": "membership:" + ":".join(x.split(":", 1)[-1] for x in (person, org or "-",
                                                                                          post or "-")),
                             "person_id": person, "role": role}
        if G.nodes[person].get("label") == "Body":  # a member organisation: Popolo's member_id
            m["member_id"] = m.pop("person_id")
        if role is None:
            m.pop("role")
        if org:
            m["organization_id"] = org
        if post:
            m["post_id"] = post
        docs = {f.get("doc") for f in facts}
        behalf = [(v, d) for v, d in _targets(G, person, "REPRESENTS") if v != org]
        same_doc = [v for v, d in behalf if d.get("doc") in docs]
        choice = sorted(set(same_doc or [v for v, _ in behalf]))
        if len(choice) == 1:
            m["on_behalf_of_id"] = choice[0]
        # the period the text states (resolve.stated_period: "utsågs i februari 2023", "till och med 2026")
        starts = sorted(f["valid_from"] for f in facts if _date(f.get("valid_from")))
        ends = sorted(f["valid_to"] for f in facts if _date(f.get("valid_to")))
        if starts:
            m["start_date"] = starts[0]
        if ends:
            m["end_date"] = ends[-1]
        observed = sorted({f["date"] for f in facts if _date(f.get("date"))}
                          | {G.nodes[f["doc"]].get("date") for f in facts
                             if _date(G.nodes.get(f.get("doc"), {}).get("date"))})
        if observed:
            m["observed_dates"] = observed  # beside Popolo's fields: when the sources saw it
        m["sources"] = [s for s in (_source(G, f) for f in facts) if s]
        out.append(m)
    return out


def write_popolo(G: nx.MultiDiGraph, path: Path) -> dict[str, int]:
    data = popolo(G)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return {k: len(v) for k, v in data.items()}


def _plain(v: Any) -> Any:
    if isinstance(v, (list, tuple, set)):
        return "; ".join(map(str, v))
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def for_graphml(G: nx.MultiDiGraph, with_text: bool = False) -> nx.MultiDiGraph:
    """A copy GraphML can hold: scalar attributes only (lists joined with '; '), no nulls, and without the
    documents' full text and packed extraction unless asked."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: _plain(v) for k, v in d.items()
                         if v is not None and (with_text or k not in schema.INTERNAL_PROPS)})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: _plain(x) for a, x in d.items() if x is not None})
    return H


def write_graphml(G: nx.MultiDiGraph, path: Path, with_text: bool = False) -> dict[str, int]:
    H = for_graphml(G, with_text)
    nx.write_graphml(H, path, named_key_ids=True)
    return {"nodes": H.number_of_nodes(), "edges": H.number_of_edges()}


def write_csv(G: nx.MultiDiGraph, folder: Path, with_text: bool = False) -> dict[str, int]:
    """One file per label (nodes-<Label>.csv) and per relationship type (rels-<TYPE>.csv, with from and to)."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for nt in schema.NODES:
        cols = [c for c in nt.props if with_text or c not in schema.INTERNAL_PROPS]
        rows = [d for _, d in _by_label(G, nt.label)]
        with open(folder / f"nodes-{nt.label}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(cols)
            for d in rows:
                w.writerow(["" if d.get(c) is None else _plain(d.get(c)) for c in cols])
        counts[nt.label] = len(rows)
    for rt in schema.RELS:
        cols = list(schema.rel_props(rt))
        rows = sorted(((u, v, d) for u, v, d in G.edges(data=True) if d["type"] == rt.type),
                      key=lambda x: (x[0], x[1], str(x[2].get("doc")), x[2].get("start") or 0))
        with open(folder / f"rels-{rt.type}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["from", "to", *cols])
            for u, v, d in rows:
                w.writerow([u, v, *("" if d.get(c) is None else _plain(d.get(c)) for c in cols)])
        counts[rt.type] = len(rows)
    return counts
