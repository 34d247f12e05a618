"""The command line as a user runs it: `python -m govgraph …` in a subprocess, so the real entry point main()
(with its error handling) runs, from a working directory outside the repository."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "sample-minutes"


def govgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")}
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return subprocess.run([sys.executable, "-m", "govgraph", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def error_lines(p: subprocess.CompletedProcess) -> list[str]:
    """stderr without the progress lines '[i/n] file'."""
    return [ln for ln in p.stderr.splitlines() if ln.strip() and not ln.startswith("[")]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """Ingest the samples twice into a fresh database; return (db, first run, second run)."""
    work = tmp_path_factory.mktemp("cli")
    db = work / "graph.db"
    first = govgraph("ingest", SAMPLES, "--db", db, cwd=work)
    second = govgraph("ingest", SAMPLES, "--db", db, cwd=work)
    return db, first, second, work


def test_ingest_prints_a_summary(ingested):
    db, first, _, _ = ingested
    assert first.returncode == 0, first.stderr
    summary = [ln for ln in first.stdout.splitlines() if ln.startswith("Tillagda:")]
    assert summary == ["Tillagda: 5, uppdaterade: 0, oförändrade: 0, misslyckade: 0"], first.stdout
    assert "Traceback" not in first.stderr
    assert db.exists()


def test_second_ingest_reports_unchanged(ingested):
    _, _, second, _ = ingested
    assert second.returncode == 0, second.stderr
    assert "oförändrade: 5" in second.stdout
    assert "Tillagda: 0, uppdaterade: 0" in second.stdout


def test_query_json_is_an_array_of_objects(ingested):
    db, _, _, work = ingested
    p = govgraph("query", "MATCH (p:Person) WHERE p.party = 'KD' RETURN p.name AS name, p.party AS party "
                 "ORDER BY name", "--db", db, "--format", "json", cwd=work)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert isinstance(data, list) and data
    assert all(isinstance(r, dict) and set(r) == {"name", "party"} for r in data)
    assert {"name": "Karl-Erik Lundin", "party": "KD"} in data


def test_query_csv_has_a_header_row(ingested):
    db, _, _, work = ingested
    p = govgraph("query", "MATCH (b:Body) WHERE b.short IS NOT NULL RETURN b.short AS short, b.name AS name "
                 "ORDER BY short", "--db", db, "--format", "csv", cwd=work)
    assert p.returncode == 0, p.stderr
    rows = list(csv.reader(io.StringIO(p.stdout)))
    assert rows[0] == ["short", "name"]
    assert ["SocSam", "Sociala samrådsgruppen"] in rows[1:]


def test_query_table_by_saved_name_with_params(ingested):
    db, _, _, work = ingested
    p = govgraph("query", "matters_between", "--param", "from=SocSam", "--param", "to=SVOM", "--db", db, cwd=work)
    assert p.returncode == 0, p.stderr
    assert "Skrivelse angående samverkan" in p.stdout and "2023-03-24" in p.stdout
    assert p.stdout.rstrip().endswith(" rader)")


def test_write_query_is_refused(ingested):
    db, _, _, work = ingested
    p = govgraph("query", "CREATE (p:Person {id: 'person:x', name: 'X'}) RETURN p", "--db", db, cwd=work)
    assert p.returncode != 0
    assert "Traceback" not in p.stderr
    assert len(error_lines(p)) == 1, p.stderr
    check = govgraph("query", "MATCH (p:Person {id: 'person:x'}) RETURN p.name", "--db", db, "--format", "json",
                     cwd=work)
    assert json.loads(check.stdout) == []


def test_bad_cypher_is_one_line(ingested):
    db, _, _, work = ingested
    p = govgraph("query", "MATCH (n:NoSuchLabel) RETURN n", "--db", db, cwd=work)
    assert p.returncode != 0
    assert "Traceback" not in p.stderr
    assert len(error_lines(p)) == 1, p.stderr


def test_query_without_database_is_one_line(tmp_path):
    missing = tmp_path / "none.db"
    p = govgraph("query", "MATCH (n) RETURN n", "--db", missing, cwd=tmp_path)
    assert p.returncode != 0
    assert "Traceback" not in p.stderr
    lines = error_lines(p)
    assert len(lines) == 1 and str(missing) in lines[0], p.stderr
    assert not missing.exists()


def test_ingest_nonexistent_path(tmp_path):
    missing = tmp_path / "no-such-folder"
    p = govgraph("ingest", missing, "--db", tmp_path / "g.db", cwd=tmp_path)
    assert p.returncode != 0
    assert "Traceback" not in p.stderr
    lines = error_lines(p)
    assert len(lines) == 1, p.stderr
    assert str(missing) in lines[0]


def test_empty_file_among_good_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "socsam-2023-03-24-utdrag-p21.txt", folder)
    (folder / "tom.txt").write_text("", encoding="utf-8")
    db = tmp_path / "g.db"
    p = govgraph("ingest", folder, "--db", db, cwd=tmp_path)
    assert p.returncode == 1, (p.stdout, p.stderr)
    assert "Traceback" not in p.stderr
    named = [ln for ln in error_lines(p) if "tom.txt" in ln]
    assert len(named) == 1, p.stderr
    assert "Tillagda: 1" in p.stdout and "misslyckade: 1" in p.stdout
    q = govgraph("query", "MATCH (d:Document) RETURN d.name AS name", "--db", db, "--format", "json", cwd=tmp_path)
    assert json.loads(q.stdout) == [{"name": "socsam-2023-03-24-utdrag-p21.txt"}]


def test_schema_prints_the_markdown_table(tmp_path):
    from graph.schema import markdown_table

    p = govgraph("schema", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == markdown_table().strip()


def test_extract_prints_json_without_touching_a_graph(tmp_path):
    p = govgraph("extract", SAMPLES / "socsam-2023-03-24-utdrag-p21.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["doc_id"] == "doc:socsam-2023-03-24-utdrag-p21"
    assert any(m["label"] == "AgendaItem" for m in data["mentions"])
    assert "text" not in data["document"]
    assert not list(tmp_path.iterdir())


def test_unknown_command_is_a_usage_error(tmp_path):
    p = govgraph("no-such-command", cwd=tmp_path)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr


def test_every_command_is_in_the_readme():
    """The README's command table is where users look: a command added without a line there fails here."""
    from govgraph.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"govgraph {name}" not in readme]
    assert not missing, f"README.md does not mention: {', '.join(missing)}"
