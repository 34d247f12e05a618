"""The graph pictures: self-contained (no CDN), document text never run as HTML, large graphs reduced and said so."""
from __future__ import annotations

import json
import re

import networkx as nx

from graph.picture import network_html

EVIL = ["<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>"]


def _graph(n_nodes: int = 3) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(n_nodes):
        G.add_node(f"body:{i}", name=f"Organ {i}", label="Body", kind="nämnd")
    for i in range(1, n_nodes):
        G.add_edge(f"body:{i}", f"body:{(i - 1) // 2}", type="REPORTS_TO", wording="rapporterar till",
                   quote=f"Organ {i} rapporterar till Organ {(i - 1) // 2}", doc="doc:x", para="§ 1")
    return G


def _data(page: str, name: str) -> list[dict]:
    m = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert m, f"no {name} in the page"
    return json.loads(m.group(1))


def test_no_resource_from_the_internet():
    page = network_html(_graph(), hierarchical=True).html
    for m in re.finditer(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=\"([^\"]+)\"", page):
        assert not m.group(1).startswith(("http:", "https:", "//")), m.group(0)
    assert "new vis.Network" in page


def test_markup_in_names_and_quotes_is_data_not_html():
    G = nx.MultiDiGraph()
    G.add_node("a", name=EVIL[0], label="Body")
    G.add_node("b", name=EVIL[1], label="Person")
    G.add_edge("a", "b", type="REPORTS_TO", quote=EVIL[2])
    page = network_html(G).html
    for s in EVIL:
        assert s not in page  # never as markup in the page
    nodes, edges = _data(page, "nodes"), _data(page, "edges")
    # … but kept as the text itself, for vis-network to show as text
    assert {n["title"] for n in nodes} == {EVIL[0], EVIL[1]}
    assert EVIL[2] in edges[0]["title"]


def test_large_graph_is_reduced_and_says_so():
    pic = network_html(_graph(1200), max_nodes=300)
    assert pic.reduced and pic.shown == 300 and pic.total == 1200
    assert len(_data(pic.html, "nodes")) == 300


def test_focus_and_highlight_survive_the_reduction():
    pic = network_html(_graph(1200), max_nodes=50, focus="body:1199", highlight={"body:1198"})
    ids = {n["id"] for n in _data(pic.html, "nodes")}
    assert {"body:1199", "body:1198"} <= ids

