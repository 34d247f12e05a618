"""Shared fixtures: the five sample documents ingested once per session, as a ladybug database and as the
networkx graph `build()` returns. Paths are resolved from the repository root, so the suite runs from any cwd."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "sample-minutes"
if str(ROOT) not in sys.path:  # the project is not pip-installed in every environment
    sys.path.insert(0, str(ROOT))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite the snapshots (tests/snapshots/*.json, tests/snapshots/extraction/) and the eval "
                          "baseline from the current code instead of comparing")


@pytest.fixture(scope="session")
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


def compare_snapshot(path: Path, current: str, what: str, update: bool, test_file: str) -> None:
    """The stored snapshot at path against the current rendering: rewritten with --update-snapshots, otherwise a
    difference fails with a unified diff of the lines that changed."""
    import difflib

    rel = path.relative_to(ROOT / "tests").as_posix()
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(current, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {rel}; create it with `pytest {test_file} --update-snapshots`", pytrace=False)
    stored = path.read_text(encoding="utf-8")
    if stored != current:
        diff = list(difflib.unified_diff(stored.splitlines(), current.splitlines(), f"{rel} (stored)",
                                         f"{what} (current extraction)", lineterm="", n=0))
        shown = "\n".join(diff[:150]) + (f"\n… {len(diff) - 150} more diff lines" if len(diff) > 150 else "")
        pytest.fail(f"extraction of {what} differs from its snapshot "
                    f"(rewrite with --update-snapshots if the change is intended):\n{shown}", pytrace=False)


def indexed_documents(db: Path) -> set[str]:
    """The documents the search index beside db holds passages of (to compare with the graph's)."""
    import sqlite3

    from graph import search_index

    conn = sqlite3.connect(search_index.index_path(db))
    try:
        return {r[0] for r in conn.execute("SELECT DISTINCT doc FROM entry WHERE kind = 'passage'")}
    finally:
        conn.close()


def sample_files() -> list[Path]:
    from ingest.readers import discover

    files, _ = discover([SAMPLES])
    return files


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five samples ingested once, exactly as `govgraph ingest data/sample-minutes` does."""
    from ingest.pipeline import ingest

    db = tmp_path_factory.mktemp("sample-db") / "govgraph.db"
    result = ingest([SAMPLES], db)
    assert not result.failed, result.failed
    assert len(result.added) == 5, result.added
    return db


@pytest.fixture(scope="session")
def sample_store(sample_db: Path):
    """One read-only connection to the sample database for the whole session."""
    from graph.store import LadybugStore

    store = LadybugStore(sample_db, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def sample_extractions() -> list[tuple[dict, object]]:
    """(document props, DocExtraction) for each sample, with the manifest metadata as pipeline.ingest gives it."""
    from ingest.pipeline import extract_document, load_manifest
    from ingest.readers import read

    manifest = load_manifest(SAMPLES)
    return [extract_document(read(f), dict(manifest.get(f.name, {}))) for f in sample_files()]


@pytest.fixture(scope="session")
def sample_build(sample_extractions):
    """The (graph, warnings, merges) triple `build()` returns over the five samples."""
    from ingest.pipeline import build

    return build(list(sample_extractions))


@pytest.fixture(scope="session")
def sample_graph(sample_build):
    """The networkx MultiDiGraph over the five samples."""
    return sample_build[0]


@pytest.fixture(scope="module")
def minutes_store(tmp_path_factory):
    """A factory: minutes written by a test (file name -> text) ingested into their own database, opened
    read-only; closed when the module's tests are done."""
    from graph.store import LadybugStore
    from ingest.pipeline import ingest

    opened = []

    def make(name: str, files: dict[str, str]) -> LadybugStore:
        folder = tmp_path_factory.mktemp(name)
        for fname, text in files.items():
            (folder / fname).write_text(text, encoding="utf-8")
        db = folder / "govgraph.db"
        res = ingest([folder], db)
        assert not res.failed, res.failed
        store = LadybugStore(db, read_only=True)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
