"""A new version of the rules reads unchanged documents again; documents outside the paths given keep their
stored extraction with a warning."""
from __future__ import annotations

import shutil
from pathlib import Path

from ingest import pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample-minutes" / "socsam-2023-03-24-utdrag-p21.txt"


def test_new_rules_read_unchanged_documents_again(tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(SAMPLE, a)
    (b / "other.txt").write_text("Socialnämnden\nProtokoll 2024-01-10\n\n§ 1 Budget\n", encoding="utf-8")
    db = tmp_path / "g.db"
    first = pipeline.ingest([a, b], db)
    assert len(first.added) == 2
    again = pipeline.ingest([a], db)
    assert again.unchanged == [SAMPLE.name] and not again.updated
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "a-newer-version")
    newer = pipeline.ingest([a], db)
    assert newer.updated == [SAMPLE.name] and not newer.unchanged
    stale = [w for w in newer.warnings if "äldre version" in w.message]
    assert len(stale) == 1 and "other.txt" in stale[0].message
