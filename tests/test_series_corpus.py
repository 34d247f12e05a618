"""scripts/synth/series.py: one body's archive for the benchmark, the SocSam protocol moved forward meeting by
meeting. The same size gives the same bytes; dates move by the interval, § numbers by the year's earlier
items; everything else (roster, matters, assignments) stays as the source has it."""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

from synth.samples import DATE_RE, MONTHS, PARA_RE  # noqa: E402
from synth.series import INTERVAL_DAYS, SOURCE, build_corpus  # noqa: E402


def _skeleton(text: str) -> str:
    """The text with its dates and § numbers blanked."""
    return PARA_RE.sub(lambda m: m.group(1) + "N", DATE_RE.sub("D", text))


def test_series_moves_dates_and_paragraphs_and_keeps_the_rest(tmp_path):
    files, digest, info = build_corpus(tmp_path / "a", 0.25)
    source = SOURCE.read_text(encoding="utf-8")
    assert sum(len(f.read_text(encoding="utf-8")) for f in files) >= 250_000
    assert info["protocols"] == len(files) and info["interval_days"] == INTERVAL_DAYS
    dates = [dt.date.fromisoformat(re.search(r"\d{4}-\d\d-\d\d", f.name).group()) for f in files]
    assert all((b - a).days == INTERVAL_DAYS for a, b in zip(dates, dates[1:]))
    first_para = {}
    for f, d in zip(files, dates):
        text = f.read_text(encoding="utf-8")
        assert _skeleton(text) == _skeleton(source)
        assert f"den {d.day} {MONTHS[d.month - 1]} {d.year} kl." in text  # "Fredagen den 13 oktober 2023 kl. 9-12"
        first_para.setdefault(d.year, []).append(int(re.search(r"Paragrafer: §(\d+)", text).group(1)))
    for year, starts in first_para.items():  # numbering starts again each year, 13 items a meeting
        assert starts == [1 + 13 * k for k in range(len(starts))], year
    again, digest2, _ = build_corpus(tmp_path / "b", 0.25)
    assert digest2 == digest and [f.name for f in again] == [f.name for f in files]
