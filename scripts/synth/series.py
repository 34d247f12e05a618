"""One body's archive (the `series` corpus of scripts/bench_ingest.py): the SocSam protocol of 2023-10-13 in
data/sample-minutes/ repeated meeting after meeting, its dates moved forward by the meeting interval and its §
numbers by the items of the meetings before it in the same year (numbering starts again each January, as a
body's does). The roster, the matters and the assignments stay, so every meeting is a candidate for the last
ones' matters and report-backs: what resolution meets in a body's own series, unlike the varied copies."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from synth.samples import PARA_RE, SAMPLES, Varier

SOURCE = SAMPLES / "socsam-2023-10-13-protokoll.txt"
FIRST = dt.date(2023, 10, 13)
INTERVAL_DAYS = 14
LAST_YEAR = 2049  # the year pattern of Varier.shift_dates reads 1950-2049


def _para_span(text: str) -> tuple[int, int]:
    nums = [int(n) for m in PARA_RE.finditer(text) for n in (m.group(2), m.group(4)) if n]
    return min(nums), max(nums)


def build_corpus(out: Path, mb: float, seed: int = 1) -> tuple[list[Path], str, dict]:
    """Write protocols until at least mb MB of text exist; returns (files, sha256 digest, info). The seed is
    unused: the series is the same for every seed (the signature is that of the other corpora)."""
    out.mkdir(parents=True, exist_ok=True)
    text = SOURCE.read_text(encoding="utf-8")
    lo, hi = _para_span(text)
    n_items = hi - lo + 1
    n = max(1, -(-int(mb * 1e6) // len(text)))  # enough protocols for mb MB; a shifted copy is about as long
    room = (dt.date(LAST_YEAR, 1, 1) - FIRST).days
    step = INTERVAL_DAYS if n * INTERVAL_DAYS < room else max(1, room // n)
    files: list[Path] = []
    h = hashlib.sha256()
    total, k, year, in_year = 0, 0, None, 0
    while total < mb * 1e6:
        date = FIRST + dt.timedelta(days=k * step)
        in_year = in_year + 1 if date.year == year else 0
        year = date.year
        off = 1 + in_year * n_items - lo  # this meeting's first § is 1 + the items of the year's earlier meetings
        v = Varier.shift_dates(text, (date - FIRST).days)
        v = PARA_RE.sub(lambda m: m.group(1) + str(int(m.group(2)) + off)
                        + (m.group(3) + str(int(m.group(4)) + off) if m.group(4) else ""), v)
        f = out / f"socsam-{date.isoformat()}-protokoll.txt"
        f.write_text(v, encoding="utf-8")
        h.update(hashlib.sha256(v.encode()).digest())
        files.append(f)
        total += len(v)
        k += 1
    info = {"protocols": len(files), "first": FIRST.isoformat(), "last": date.isoformat(), "interval_days": step,
            "items_per_protocol": n_items}
    return files, h.hexdigest()[:16], info
