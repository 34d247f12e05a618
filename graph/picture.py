"""Graph pictures with pyvis that work offline and never run a document's text.

- vis-network is written into the page (pyvis ``cdn_resources="in_line"``) and the Bootstrap links pyvis's template
  adds are removed: nothing is fetched from the internet.
- Names and quotes go in as data: pyvis writes them with Jinja's ``tojson`` (``<`` becomes ``\\u003c``), and
  vis-network shows a string title as text, so ``<script>`` in a name is shown, not run.
- Above ``max_nodes`` the picture keeps the best-connected nodes and says how many it left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from graph import schema

MAX_NODES = 300
# pyvis's template links Bootstrap from a CDN even with in-line resources; the picture needs none of it
_CDN_TAG = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.I)


@dataclass
class Picture:
    html: str
    shown: int  # nodes drawn
    total: int  # nodes in the graph given
    edges: int

    @property
    def reduced(self) -> bool:
        return self.shown < self.total


def _caption(text: str, width: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _tint(colour: str, amount: float = 0.8) -> str:
    """A light fill of a schema colour, so the caption inside a box stays readable."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c + (255 - c) * amount):02x}" for c in (r, g, b))


def reduce(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES, keep: set[str] | None = None) -> nx.MultiDiGraph:
    """At most max_nodes nodes: the ones in ``keep`` and then the best connected."""
    if G.number_of_nodes() <= max_nodes:
        return G
    keep = set(keep or ())
    ranked = sorted(G.nodes, key=lambda n: (n not in keep, -G.degree(n), str(n)))
    return G.subgraph(ranked[:max_nodes]).copy()


def network_html(G: nx.MultiDiGraph, *, hierarchical: bool = False, height: int = 600,
                 max_nodes: int = MAX_NODES, highlight: set[str] | None = None,
                 focus: str | None = None) -> Picture:
    """A self-contained HTML page drawing G. Node attributes used: name, label (schema label), kind; edge
    attributes: type or wording, quote (shown on hover), doc and para."""
    from pyvis.network import Network

    total = G.number_of_nodes()
    H = reduce(G, max_nodes, keep=(highlight or set()) | ({focus} if focus else set()))
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    if hierarchical:
        net.set_options('{"layout": {"hierarchical": {"enabled": true, "direction": "DU", '
                        '"sortMethod": "directed", "levelSeparation": 110, "nodeSpacing": 170}},'
                        ' "physics": {"enabled": false}, "interaction": {"hover": true}}')
    elif H.number_of_nodes() > 300:
        # a large picture: no Kamada-Kawai start layout (improvedLayout, slow above a few hundred nodes), straight
        # edges and a short stabilisation, so 2,000 nodes draw in seconds
        net.set_options('{"layout": {"improvedLayout": false}, "edges": {"smooth": false}, '
                        '"physics": {"solver": "barnesHut", "stabilization": {"iterations": 40, "updateInterval": 40}, '
                        '"barnesHut": {"gravitationalConstant": -3000, "springLength": 90}}, '
                        '"interaction": {"hover": true, "hideEdgesOnDrag": true}}')
    else:
        net.set_options('{"physics": {"stabilization": {"iterations": 120}, '
                        '"barnesHut": {"gravitationalConstant": -4000}}, "interaction": {"hover": true}}')
    colours = {n.label: n.colour for n in schema.NODES}
    for n, d in H.nodes(data=True):
        name = d.get("short") or d.get("name") or str(n)
        full = d.get("name") or str(n)
        kind = d.get("kind")
        colour = colours.get(d.get("label") or "Body", "#7f7f7f")
        border = 4 if (highlight and n in highlight) or n == focus else 1
        is_box = d.get("label", "Body") == "Body"
        net.add_node(str(n), label=_caption(name, 60), widthConstraint={"maximum": 200}, title=f"{full}" + (f" ({kind})" if kind else ""),
                     color={"background": _tint(colour), "border": colour} if is_box else colour,
                     borderWidth=border, shape="box" if is_box else "dot", font={"size": 16})
    for a, b, d in H.edges(data=True):
        wording = d.get("wording") or d.get("type") or ""
        where = " ".join(x for x in (d.get("doc_name") or d.get("doc") or "", d.get("para") or "") if x)
        title = wording + (f"\n”{d['quote']}”" if d.get("quote") else "") + (f"\n{where}" if where else "")
        net.add_edge(str(a), str(b), label=_caption(wording, 20), title=title)
    page = _CDN_TAG.sub("", net.generate_html())
    return Picture(page, H.number_of_nodes(), total, H.number_of_edges())
