"""What differs between the graph a store holds and a new one, found by digests instead of by reading the stored
graph back: every node carries the digest of its properties, and every Document the digest of its *part* — the
relationships whose provenance (`doc`) is that document. A part is the unit of writing: a changed part has all its
relationships deleted and written again, an unchanged one is not touched.

Why this is enough: a relationship names both of its ends by id, so a part whose digest is unchanged refers only to
nodes that are still there; a node that is gone was referred to only by parts that changed. The digests are
stable across processes (no Python `hash`)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
import networkx as nx

from graph import schema

DIGEST, PART = schema.DIGEST, schema.PART  # on every node: its properties; on a Document: its part


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


_MOD = 1 << 96


@dataclass
class Digests:
    nodes: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, id) -> digest
    parts: dict[str, str] = field(default_factory=dict)  # document id -> digest of its part


def digests(G: nx.MultiDiGraph) -> Digests | None:
    """The digests of G, or None where a relationship's provenance names no Document of G (a part would have no
    node to keep its digest on: such a graph is written whole).

    A node's digest is taken of its schema properties in the schema's order (a Document read back from the store
    carries them in another order, and the engine's own keys beside them). A relationship's is taken of its
    attributes as resolution made them (`State.add_edge` makes them in one order; picking the schema's
    properties out of every one of a million relationships would double the time): where two graphs hold the
    same facts with their attributes in another order — one read back from a store, for `govgraph push` — the
    parts differ and are written again, which is more work but never a wrong graph. A part's digest is the sum
    of its relationships' digests, which does not depend on the order the relationships were made in and needs
    nothing kept per part but the sum."""
    out = Digests()
    sums: dict[str, int] = {}
    blake = hashlib.blake2b
    for e in G.edges(data=True):
        doc = e[2].get("doc")
        if doc is None:
            return None
        h = blake(repr(e).encode("utf-8", "surrogatepass"), digest_size=12).digest()
        sums[doc] = (sums.get(doc, 0) + int.from_bytes(h, "big")) % _MOD
    nodes = G._node  # the graph's node dict: this runs once per node and part
    for doc, total in sums.items():
        node = nodes.get(doc)
        if not node or node.get("label") != "Document":
            return None
        out.parts[doc] = f"{total:024x}"
    props = {nt.label: tuple(nt.props) for nt in schema.NODES}
    for n, d in nodes.items():
        text = repr([d.get(k) for k in props[d["label"]]])
        if d["label"] == "Document":
            text += out.parts.get(n, "")
        out.nodes[(d["label"], n)] = _hash(text)
    return out


def edges_of(G: nx.MultiDiGraph, docs) -> list[tuple[str, str, dict]]:
    """The relationships of the parts of docs."""
    docs = set(docs)
    return [e for e in G.edges(data=True) if e[2].get("doc") in docs] if docs else []


REWRITE_SHARE = 0.5  # above this share of nodes and parts changed, writing the graph whole is quicker


def graph_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes per label and relationships per type, as a write reports them."""
    counts = {nt.label: 0 for nt in schema.NODES} | {rt.type: 0 for rt in schema.RELS}
    for _, d in G.nodes(data=True):
        counts[d["label"]] += 1
    for _, _, d in G.edges(data=True):
        counts[d["type"]] += 1
    return counts


@dataclass
class Changes:
    """What to write to turn the stored graph into the new one."""
    nodes_gone: dict[str, list[str]] = field(default_factory=dict)  # label -> ids to delete
    nodes_changed: dict[str, list[str]] = field(default_factory=dict)  # label -> ids whose properties to set
    nodes_new: dict[str, list[str]] = field(default_factory=dict)  # label -> ids to create
    parts_gone: list[str] = field(default_factory=list)  # documents whose relationships to delete
    parts_new: list[str] = field(default_factory=list)  # documents whose relationships to write

    def size(self) -> int:
        return (sum(map(len, self.nodes_gone.values())) + sum(map(len, self.nodes_changed.values()))
                + sum(map(len, self.nodes_new.values())) + len(self.parts_gone) + len(self.parts_new))

    def empty(self) -> bool:
        return self.size() == 0

    def worth_writing(self, stored_nodes: dict, stored_parts: dict) -> bool:
        """Whether writing these changes beats writing the graph whole (at most REWRITE_SHARE of it changes)."""
        return self.size() <= REWRITE_SHARE * max(1, len(stored_nodes) + len(stored_parts))


def changes(new: Digests, stored_nodes: dict[tuple[str, str], str], stored_parts: dict[str, str]) -> Changes:
    ch = Changes()
    for key, digest in new.nodes.items():
        old = stored_nodes.get(key)
        if old is None:
            ch.nodes_new.setdefault(key[0], []).append(key[1])
        elif old != digest:
            ch.nodes_changed.setdefault(key[0], []).append(key[1])
    for key in stored_nodes.keys() - new.nodes.keys():
        ch.nodes_gone.setdefault(key[0], []).append(key[1])
    for doc, digest in stored_parts.items():
        if new.parts.get(doc) != digest:
            ch.parts_gone.append(doc)
    ch.parts_new = [doc for doc, digest in new.parts.items() if stored_parts.get(doc) != digest]
    return ch
