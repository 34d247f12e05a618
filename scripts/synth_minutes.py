#!/usr/bin/env python3
"""Synthetic Swedish governance minutes, as text files, at national scale: a corpus for benchmarking ingest.

    .venv/bin/python scripts/synth_minutes.py OUT_DIR [--mb 5] [--seed 1] [--manifest FILE]

What it writes: for a number of Sweden's municipalities (data/reference/kommuner.csv, in that order, grouped by
county; all 290 for large corpora) each municipality's bodies (Kommunstyrelsen, a social nämnd, often a Vård-
och omsorgsnämnd, an arbetsutskott or utskott) and per county the region's own bodies (Regionstyrelsen and a
health nämnd, named with the region) and its collaboration bodies (a samrådsgrupp, a länsberedning, a network
of socialchefer). Every body has a stable roster (ledamöter with party, ersättare, tjänstepersoner with titles);
the social nämnd's ordförande also sits in the county's samrådsgrupp, its socialchef in the network. Each
meeting is one protocol or memory note, in one of five layouts found in real documents (a classic §-protocol
with a tab-separated attendance head, an arbetsutskott protocol with "KSAU § 12" headings, a regional protocol,
a SocSam-style protocol with a table of contents, network memory notes), with items, diary numbers, decisions,
assignments ("uppdrar åt socialchefen att … senast 2024-06-30") and reporting lines. Matters move: a nämnd
refers an item to the county's samrådsgrupp, whose next meeting takes it up naming the sender; some go on to the
region's health nämnd. Names are written in the forms the project's rules read as one body per municipality or
county (comments say where the usual wording is not). Everything is drawn from one random.Random(seed); the
same seed and size give the same bytes.

Size: documents are written (one at a time, never all held in memory) until at least --mb MB of text exist
(characters / 1e6). The number of municipalities and counties grows with the size; the meetings run over as
many years as the size needs. Prints one summary line. write_corpus (alias build_corpus) has the signature of
scripts/synth/samples.build_corpus and returns (files, sha256 digest, info); info["referrals"] lists the
referrals written, with where each was taken up, and info["rosters"] each body's persons.

The parts are in the package scripts/synth/ (beside samples.py and series.py, the other corpora of
scripts/bench_ingest.py): words (names, templates, helpers), country (municipalities, bodies,
rosters), agenda (items, referrals, take-ups), layouts (the five renderers), generator (the seeded Generator).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

# the parts live in the package scripts/synth/; tests and scripts/bench_ingest.py load this file by its path
# (importlib spec_from_file_location), which does not put scripts/ on sys.path, so this file's folder is added
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from synth.country import Body, Country, Person  # noqa: E402
from synth.generator import Generator  # noqa: E402

__all__ = ["Body", "Country", "Generator", "Person", "build_corpus", "main", "write_corpus"]


def write_corpus(out: Path, mb: float, seed: int) -> tuple[list[Path], str, dict]:
    """Write at least mb MB of synthetic minutes into out; return (files, sha256 digest[:16], info)."""
    t0 = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("*.txt")):  # documents of an earlier run would be ingested along with these
        raise FileExistsError(f"{out} already holds .txt files; give an empty or new folder")
    g = Generator(mb, seed)
    country = g.country
    h = hashlib.sha256()
    files: list[Path] = []
    total = 0
    meetings = 0
    target = mb * 1e6
    for year in g.years():
        for d, _, b in g.schedule(year):
            text = g.meeting(b, d)
            name = f"{b.slug}-{d.isoformat()}.txt"
            data = text.encode("utf-8")
            h.update(name.encode())
            h.update(data)
            f = out / name
            f.write_bytes(data)
            files.append(f)
            total += len(text)
            meetings += 1
            if total >= target:
                break
        if total >= target:
            break
    referrals = [{k: v for k, v in r.items() if k != "from_date_obj"} for r in g.agenda.referrals]
    rosters = {b.slug: {"name": b.name, "org": b.org, "kind": b.kind, "meetings": b.meetings,
                        "municipality": b.muni["name"] if b.muni else None, "county": b.county["lan"],
                        "members": [{"name": p.name, "party": p.party, "role": r} for p, r in b.members],
                        "subs": [p.name for p in b.subs],
                        "officials": [{"name": p.name, "title": p.title} for p in b.officials + [b.secretary] if p]}
               for b in g.bodies}
    info = {"documents": len(files), "chars": total, "mb": total / 1e6, "municipalities": len(country.munis),
            "counties": [c["lan"] for c in country.county_list], "bodies": len(g.bodies),
            "bodies_with_meetings": sum(1 for b in g.bodies if b.meetings), "persons": country.persons,
            "meetings": meetings, "referrals": referrals,
            "referrals_taken_up": sum(1 for r in referrals if r["to_date"]), "rosters": rosters,
            "seconds": time.perf_counter() - t0,
            # the keys scripts/bench_ingest.py prints about its corpus, so that this can stand in for
            # synth/samples.build_corpus
            "copies": len(files), "src_surnames": len(country.surnames),
            "src_munis": [m["name"] for m in country.munis],
            "src_counties": [c["lan"] for c in country.county_list]}
    return files, h.hexdigest()[:16], info


build_corpus = write_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write the documents into (created if missing)")
    ap.add_argument("--mb", type=float, default=5.0, help="MB of text to write at least (characters / 1e6)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--manifest", type=Path, help="also write what was generated (rosters, referrals) as JSON "
                    "here (outside OUT_DIR, or ingest lists it as a file passed over)")
    a = ap.parse_args()
    files, digest, info = write_corpus(a.out, a.mb, a.seed)
    if a.manifest:
        a.manifest.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{info['documents']} documents, {info['mb']:.2f} MB, {info['municipalities']} municipalities in "
          f"{len(info['counties'])} counties, {info['bodies']} bodies, {info['persons']} persons, "
          f"{info['meetings']} meetings, {len(info['referrals'])} referrals ({info['referrals_taken_up']} taken up); "
          f"sha256 {digest}; {info['seconds']:.1f} s ({info['mb'] / max(info['seconds'], 1e-9):.1f} MB/s)")


if __name__ == "__main__":
    main()
