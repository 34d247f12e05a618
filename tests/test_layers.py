"""The layers hold: graph/ never imports ingest/, and neither imports the command line (govgraph/) or the app
(app.py), which sit above both and may import either; and no project module imports itself back through others. Read statically with ast, imports inside functions
included, so an import that runs late or only on one path counts as well."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "ingest", "govgraph", "explorer")  # the project's packages, each with subpackages
FILES = ("app.py",)  # modules outside the packages, by file
SCRIPT_DIRS = ("scripts",)  # run as files; their imports count, nothing imports them


def project_modules(root: Path = ROOT) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the project under root (a package by its __init__.py)."""
    mods: dict[str, Path] = {}
    for pkg in PACKAGES:
        for f in sorted((root / pkg).rglob("*.py")):
            parts = f.relative_to(root).with_suffix("").parts
            mods[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = f
    for name in FILES:
        if (root / name).exists():
            mods[Path(name).stem] = root / name
    for d in SCRIPT_DIRS:
        for f in sorted((root / d).glob("*.py")):
            mods[f"{d}.{f.stem}"] = f
    return mods


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int]]:
    """(module name as imported, line) for every import in the file, at any depth: `import a.b`, `from a import b`
    (a.b when that is a module, else a), relative imports resolved against the module's package (one that climbs
    to the project's root resolves there, as if the root were a package), and
    importlib.import_module / __import__ with a literal name."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                if node.level - 1 > len(base):
                    out.append(("." * node.level + (node.module or ""), node.lineno))  # beyond the top: named as is
                    continue
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}" if module else alias.name
                out.append((sub if sub in modules or not module else module, node.lineno))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) \
                and ast.unparse(node.func) in ("importlib.import_module", "import_module", "__import__"):
            out.append((node.args[0].value, node.lineno))
    return list(dict.fromkeys(out))  # `from a import b, c` is one import of a


def _owner(target: str, modules: dict[str, Path]) -> str | None:
    """The project module an imported name refers to: itself, or its nearest enclosing module or package."""
    parts = target.split(".")
    for i in range(len(parts), 0, -1):
        if ".".join(parts[:i]) in modules:
            return ".".join(parts[:i])
    return None


def import_graph(root: Path = ROOT) -> nx.DiGraph:
    """Modules as nodes, an edge a -> b where a imports b, with the places (file:line) on the edge."""
    modules = project_modules(root)
    G = nx.DiGraph()
    G.add_nodes_from(modules)
    for name, path in modules.items():
        for target, line in imports_of(name, path, modules):
            other = _owner(target, modules)
            if other and other != name:
                if not G.has_edge(name, other):
                    G.add_edge(name, other, where=[])
                G.edges[name, other]["where"].append(f"{path.relative_to(root).as_posix()}:{line}")
    return G


def cycles(G: nx.DiGraph) -> list[str]:
    """One line per group of modules that import each other: a cycle through them, with where each import is."""
    out = []
    for scc in nx.strongly_connected_components(G):
        if len(scc) > 1:
            loop = nx.find_cycle(G.subgraph(scc))
            path = " -> ".join([a for a, _ in loop] + [loop[0][0]])
            places = ", ".join(G.edges[a, b]["where"][0] for a, b in loop)
            out.append(f"{path} ({places}; {len(scc)} modules in the cycle: {', '.join(sorted(scc))})")
    return sorted(out)


# what each layer must not import: the layers above it
ABOVE = {"graph": ("ingest", "govgraph", "explorer", "app"), "ingest": ("govgraph", "explorer", "app")}


def upward_imports(layer: str, root: Path = ROOT) -> list[str]:
    """file:line and name of every import, by a module of the layer (a package), of a layer above it."""
    modules = project_modules(root)
    found = []
    for name, path in modules.items():
        if name == layer or name.startswith(layer + "."):
            for target, line in imports_of(name, path, modules):
                if any(target == up or target.startswith(up + ".") for up in ABOVE[layer]):
                    found.append(f"{path.relative_to(root).as_posix()}:{line}: {target}")
    return found


# ------------------------------------------------------------------------------------------ the project itself
def test_graph_never_imports_ingest_nor_the_command_line_nor_the_app():
    found = upward_imports("graph")
    assert not found, ("graph/ is below ingest/, govgraph/ and app.py and must not import them (move the caller up "
                       "to govgraph/ or app.py, or the shared piece down into graph/): " + "; ".join(found))


def test_ingest_never_imports_the_command_line_nor_the_app():
    found = upward_imports("ingest")
    assert not found, "ingest/ is below govgraph/ and app.py and must not import them: " + "; ".join(found)


def test_no_import_cycles():
    G = import_graph()
    assert {"graph.store_api", "ingest.pipeline", "govgraph.cli", "app"} <= set(G)  # the walk finds the project
    assert G.has_edge("govgraph.cli", "graph.store_api") and G.has_edge("ingest.pipeline", "graph.store")
    found = cycles(G)
    assert not found, "modules that import each other (break the cycle: move the shared piece into a module both " \
                      "import): " + " | ".join(found)


# ------------------------------------------------------------------------------------------ the checks themselves
def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


def test_the_layer_check_sees_every_way_of_importing_a_layer_above(tmp_path):
    root = _tree(tmp_path, {
        "graph/__init__.py": "",
        "graph/a.py": "def f():\n    import ingest\n",
        "graph/b.py": "from ingest.extract import rules\n",
        "graph/c.py": "from .. import ingest\n",
        "graph/sub/__init__.py": "",
        "graph/sub/d.py": "from ...ingest import pipeline\n",
        "graph/sub/far.py": "from ....ingest import pipeline\n",
        "graph/e.py": "import importlib\nX = importlib.import_module('ingest.pipeline')\n",
        "graph/ok.py": "from graph import a\nimport ingestion_tools\n",
        "graph/up.py": "def main():\n    from govgraph.cli import cli\n",
        "govgraph/__init__.py": "", "govgraph/cli.py": "",
        "ingest/__init__.py": "", "ingest/pipeline.py": "",
        "ingest/extract/__init__.py": "", "ingest/extract/rules.py": "",
    })
    found = upward_imports("graph", root)
    assert [f.split(":")[0] for f in found] == ["graph/a.py", "graph/b.py", "graph/c.py", "graph/e.py",
                                                "graph/sub/d.py", "graph/up.py"]
    assert found[1].endswith("ingest.extract.rules") and found[4].endswith("ingest.pipeline")
    assert found[5] == "graph/up.py:2: govgraph.cli"
    # graph/sub/far.py's `from ....ingest` climbs above the project's root: it cannot name the project's ingest
    assert "graph.sub.far" in project_modules(root)


def test_the_cycle_check_names_a_cycle_through_functions_packages_and_relative_imports(tmp_path):
    root = _tree(tmp_path, {
        "graph/__init__.py": "",
        "graph/store.py": "def open():\n    from graph.neo4j_store import N\n",
        "graph/neo4j_store.py": "from .store import S\n",
        "ingest/__init__.py": "",
        "ingest/extract/__init__.py": "from ingest.extract import rules\n",
        "ingest/extract/rules.py": "from ingest.extract import helpers\n",
        "ingest/extract/helpers.py": "import ingest.pipeline\n",
        "ingest/pipeline.py": "from graph import store\n",
        "govgraph/__init__.py": "from govgraph import swedish\n",
        "govgraph/swedish.py": "import click\n",
    })
    G = import_graph(root)
    assert G.has_edge("ingest.extract", "ingest.extract.rules")  # from a package import its submodule
    assert G.has_edge("ingest.extract.rules", "ingest.extract.helpers")
    found = cycles(G)
    assert len(found) == 1, found
    assert "graph.neo4j_store" in found[0] and "graph.store" in found[0]
    assert "graph/store.py:2" in found[0] and "graph/neo4j_store.py:1" in found[0]
    # a package importing its own submodule is no cycle; a submodule importing its package back is
    (root / "govgraph" / "swedish.py").write_text("import govgraph\n", encoding="utf-8")
    assert any("govgraph -> govgraph.swedish" in c or "govgraph.swedish -> govgraph" in c for c in cycles(import_graph(root)))
