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


@dataclass
class Digests:
    nodes: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, id) -> digest
    parts: dict[str, str] = field(default_factory=dict)  # document id -> digest of its part
    edges_of: dict[str, list[tuple[str, str, dict]]] = field(default_factory=dict)  # document id -> its part


def digests(G: nx.MultiDiGraph) -> Digests | None:
    """The digests of G, or None where a relationship's provenance names no Document of G (a part would have no
    node to keep its digest on: such a graph is written whole).

    A digest is taken of the repr of the node's or relationship's attribute dict as resolution made it: the same
    facts are made in the same order by the same code, so the same graph gives the same digests in any process;
    where two runs made one dict in different orders, the digests differ and the part is written again — more
    work, never a wrong graph."""
    out = Digests()
    lines: dict[str, list[str]] = {}
    edges_of = out.edges_of
    for e in G.edges(data=True):
        doc = e[2].get("doc")
        part = lines.get(doc)
        if part is None:
            if doc is None:
                return None
            part = lines[doc] = []
            edges_of[doc] = []
        part.append(repr(e))
        edges_of[doc].append(e)
    nodes = G._node  # the graph's node dict: this runs once per node and part
    for doc, part in lines.items():
        node = nodes.get(doc)
        if not node or node.get("label") != "Document":
            return None
        part.sort()
        out.parts[doc] = _hash("\n".join(part))
    props = {nt.label: tuple(nt.props) for nt in schema.NODES}
    for n, d in nodes.items():
        # the schema's properties in the schema's order: what is written (a Document read back from the store
        # carries the engine's own keys beside them, in another order)
        text = repr([d.get(k) for k in props[d["label"]]])
        if d["label"] == "Document":
            text += out.parts.get(n, "")
        out.nodes[(d["label"], n)] = _hash(text)
    return out


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
