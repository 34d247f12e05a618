"""Corpora for benchmarking ingest. The parts of scripts/synth_minutes.py (synthetic national minutes): words
(names, templates, helpers), country (municipalities, bodies, rosters), agenda (items, referrals, take-ups), layouts
(the five renderers) and generator (the seeded Generator tying them together); scripts/synth_minutes.py is the entry
and has write_corpus. samples: varied copies of the five sample documents; series: one body's protocols, meeting
after meeting (the other corpora of scripts/bench_ingest.py)."""
