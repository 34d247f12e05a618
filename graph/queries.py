"""Saved queries: one .cypher file per question in queries/, with a header of `// key: value` lines.

    // title: Vem rapporterar till vem
    // description: …
    // param: body = SocSam
    // engines: ladybug, neo4j
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import GovgraphError

ROOT = Path(__file__).resolve().parent.parent
HEADER_RE = re.compile(r"^//\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*)$")


@dataclass
class SavedQuery:
    name: str
    title: str
    description: str
    text: str
    params: dict[str, str] = field(default_factory=dict)  # name -> default
    engines: tuple[str, ...] = ("ladybug", "neo4j")
    path: Path | None = None


def queries_dir() -> Path:
    return Path(os.environ.get("GOVGRAPH_QUERIES", ROOT / "queries"))


def parse(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        m = HEADER_RE.match(line.strip())
        if not m:
            if line.strip() and not line.strip().startswith("//"):
                break
            continue
        key, value = m["key"], m["value"].strip()
        if key == "param":
            name, _, default = value.partition("=")
            params[name.strip()] = default.strip()
        else:
            meta[key] = value
    if "title" not in meta:
        raise GovgraphError(f"{path}: den sparade frågan saknar rubrikraden '// title: …'")
    engines = tuple(e.strip() for e in meta.get("engines", "ladybug, neo4j").split(","))
    return SavedQuery(path.stem, meta["title"], meta.get("description", ""), text, params, engines, path)


def saved_queries() -> list[SavedQuery]:
    return [parse(p) for p in sorted(queries_dir().glob("*.cypher"))]


def find_query(arg: str) -> tuple[str, dict]:
    """A file path, a saved query's name, or Cypher text -> (text, default parameters)."""
    p = Path(arg)
    if arg.endswith(".cypher") or (len(arg) < 255 and "\n" not in arg and p.is_file()):
        if not p.is_file():
            p = queries_dir() / Path(arg).name
        if not p.is_file():
            raise GovgraphError(f"{arg}: filen finns inte; ange en .cypher-fil eller en sparad fråga "
                                f"({', '.join(q.name for q in saved_queries())})")
        try:
            params = parse(p).params
        except GovgraphError:  # a plain .cypher file without a header has no defaults
            params = {}
        return p.read_text(encoding="utf-8"), params
    named = queries_dir() / f"{arg}.cypher"
    if re.fullmatch(r"[\w-]+", arg) and named.is_file():
        q = parse(named)
        return q.text, q.params
    return arg, {}
