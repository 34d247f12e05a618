"""Sticky ids: a node resolution builds keeps the id a stored graph gave the same thing, however a later
document renames or merges it ('Sociala samrådsgruppen' becomes body:socsam once a document defines SocSam).

A new node that resolution gives an old id keeps it; another old id goes to the new node that holds most of its
mentions (label, document, start, end). Where one node holds several old ids, the earliest given survives (the earliest
document date naming it, then the id) and the others become `Redirect` nodes to it; where an old id's mentions
went to several nodes, the node with most of them keeps it. A node holding no old id keeps the id resolution
gave it, or that id with a number when another node already has it. Old redirects are kept, pointing at the id
that stands for their target now, and dropped when that is gone or the id is in use again.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from graph.redirects import REDIRECT, GivenIds


def keep_ids(G: nx.MultiDiGraph, given: GivenIds) -> list[str]:
    """Give G's nodes the ids given before, add the redirects, and say what changed (a line per merge)."""
    if not given.labels and not given.redirects:
        return []
    nodes = G._node
    held: dict[str, list[str]] = defaultdict(list)  # new node -> the old ids it keeps
    for n, d in nodes.items():
        # resolution gave the same id again: the node keeps it even where a reviewer's merge had moved its
        # mentions to another node (the merge is applied again after this)
        if given.labels.get(n) == d["label"]:
            held[n].append(n)
    # the other old ids go by the mentions they stood for; in the common case (a document added, nothing
    # renamed or merged) there are none, and the graph's mentions are not read at all
    lost = {o for o, label in given.labels.items() if o not in held}
    votes: dict[str, Counter] = defaultdict(Counter)  # old id -> new node -> mentions it holds
    if lost:
        given.need_mentions()
        for u, v, d in G.edges(data=True):
            if d["type"] == "MENTIONED_IN":
                for old in given.mentions.get((nodes[u]["label"], v, d.get("start"), d.get("end")), ()):
                    if old in lost:
                        votes[old][u] += 1
    for old, counts in votes.items():
        best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]  # most mentions, then the smaller id
        held[best].append(old)
    mapping: dict[str, str] = {}
    retired: dict[str, str] = {}  # old id -> the new node it now redirects to
    if any(len(olds) > 1 for olds in held.values()):
        given.need_mentions()
    for n, olds in held.items():
        olds.sort(key=lambda o: (given.first_seen.get(o, "9999"), o))
        mapping[n] = olds[0]
        for o in olds[1:]:
            retired[o] = n
    taken = set(mapping.values())
    for n in G.nodes:
        if n in mapping:
            continue
        if n in taken:  # resolution gave this id to a new thing while an older thing keeps it
            i = 2
            while f"{n}-{i}" in taken or f"{n}-{i}" in G:
                i += 1
            mapping[n] = f"{n}-{i}"
            taken.add(mapping[n])
    lines = []
    renamed = {n: new for n, new in mapping.items() if n != new}
    if renamed:
        # through names no node has, so that two nodes may trade ids (a split undone) in one pass
        passing = {n: f"\0{i}" for i, n in enumerate(renamed)}
        nx.relabel_nodes(G, passing, copy=False)
        nx.relabel_nodes(G, {passing[n]: new for n, new in renamed.items()}, copy=False)
        for new in renamed.values():
            G.nodes[new]["id"] = new
        for _, _, d in G.edges(data=True):  # a referral names the matter it sends by id
            if d.get("matter") in renamed:
                d["matter"] = renamed[d["matter"]]
    final = {n: mapping.get(n, n) for n in held}
    redirects = {o: final[n] for o, n in retired.items()}
    for o, target in given.redirects.items():  # earlier merges: to whatever stands for their target now
        target = redirects.get(target, target)
        if o not in G and o not in redirects and target in G and G.nodes[target]["label"] != REDIRECT:
            redirects[o] = target
    for o, target in sorted(redirects.items()):
        if o in G:
            continue
        G.add_node(o, label=REDIRECT, id=o, target=target, name=given.names.get(o) or o)
        if o in retired:
            lines.append(f"{target}: {o} är samma och leder nu hit")
    return lines

