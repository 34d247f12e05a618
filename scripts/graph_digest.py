#!/usr/bin/env python3
"""Print a digest of the graph that `build()` makes of the given documents (default: every document in data/).

Nodes with all their properties and edges with all their provenance go in; left out are the properties that
belong to a machine or to a version of the code, not to the graph: a Document's cached `extraction`, the
`extractor` digest and its `path`. Two versions of the code that extract and resolve alike print the same digest.

    python scripts/graph_digest.py                 # data/sample-minutes and data/eval, each folder its own corpus
    python scripts/graph_digest.py FOLDER ...
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MACHINE_BOUND = {"extraction", "extractor", "path"}


def graph_digest(G) -> tuple[str, int, int]:
    h = hashlib.sha256()
    nodes = sorted(json.dumps([n, {k: v for k, v in d.items() if k not in MACHINE_BOUND}], ensure_ascii=False,
                              sort_keys=True, default=str) for n, d in G.nodes(data=True))
    edges = sorted(json.dumps([u, v, d], ensure_ascii=False, sort_keys=True, default=str)
                   for u, v, d in G.edges(data=True))
    for line in nodes + edges:
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()[:16], len(nodes), len(edges)


def folder_digest(folder: Path) -> tuple[str, int, int]:
    from ingest.pipeline import build, extract_document, load_manifest
    from ingest.readers import discover, read

    files, _ = discover([folder])
    manifest = load_manifest(folder)
    docs = [extract_document(read(f), dict(manifest.get(f.name, {}))) for f in files]
    G, _warnings, _merges = build(docs)
    return graph_digest(G)


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv] or [ROOT / "data" / "sample-minutes", ROOT / "data" / "eval"]
    for folder in folders:
        digest, n, e = folder_digest(folder)
        print(f"{folder.name}: {digest} ({n} nodes, {e} edges)")


if __name__ == "__main__":
    main(sys.argv[1:])
