"""`govgraph eval`: the scoring itself (on a small protocol with a known answer key), the project's own
evaluation corpus against its thresholds (with documents turned into PDF and Word by the test), and the
messages for bad expectation files."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest import evaluate
from tests.test_variants import write_pdf

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "data" / "eval"
SAMPLES = ROOT / "data" / "sample-minutes"

PROTOCOL = """Storumans kommun
Socialnämnden
PROTOKOLL

Sammanträdesdatum 2024-04-09

Beslutande
Eva Lund (S), ordförande
Nils Berg (C)
Kim Åström (M)

Övriga deltagande
Lars Falk, socialchef

§ 31 Uppföljning av budget
Dnr SN 2024/12

Beslut
Socialnämnden godkänner uppföljningen.

§ 32 Riktlinjer för bistånd

Beslut
Ärendet överlämnas till kommunstyrelsen.
"""

# Answer key with one deliberate error per kind scored below: a person who is not in the text, an item
# number that is not there, and a missing decision line.
EXPECT = """meeting = { body = "Socialnämnden", date = "2024-04-09" }
persons = [
  { name = "Eva Lund", party = "S" },
  { name = "Nils Berg", party = "C" },
  { name = "Kim Åström", party = "M" },
  { name = "Lars Falk" },
  { name = "Gunilla Finns Inte" },
]
items = [
  { number = "31", title = "Uppföljning av budget", dnr = "SN 2024/12" },
  { number = "33" },
]
decisions = [
  { item = "31", text = "godkänner uppföljningen" },
]
referrals = [{ item = "32", to = "Kommunstyrelsen", quote = "överlämnas till kommunstyrelsen" }]
not = [{ kind = "bodies", name = "Övriga deltagande" }]
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> evaluate.Report:
    d = tmp_path_factory.mktemp("eval-small")
    (d / "storuman-sn-2024-04-09.txt").write_text(PROTOCOL, encoding="utf-8")
    (d / "storuman-sn-2024-04-09.expect.toml").write_text(EXPECT, encoding="utf-8")
    return evaluate.run([d])


def test_recall_counts_the_missing_person(small):
    s = small.scores["persons"]
    assert (s.expected, s.tp, s.fn) == (5, 4, 1)
    assert s.recall == pytest.approx(0.8)
    assert any("Gunilla Finns Inte" in m for m in s.misses)


def test_precision_counts_facts_beyond_a_complete_list(small):
    s = small.scores["items"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)  # § 32 is found but not listed; § 33 is listed but not there
    assert s.precision == pytest.approx(0.5)
    d = small.scores["decisions"]
    assert d.fp == 1 and d.tp == 1  # the decision of § 32 is not in the (deliberately short) list


def test_party_is_scored_from_the_persons_list(small):
    s = small.scores["party"]
    assert (s.expected, s.tp, s.fp) == (3, 3, 0)


def test_quote_is_checked(small):
    assert small.scores["referrals"].tp == 1
    assert small.provenance_errors == []


def test_below_thresholds_fails(small):
    failing = small.failing()
    assert any(f.startswith("personer: f1") for f in failing)  # recall 0.8: F1 0.89 < 0.92
    assert any(f.startswith("paragrafer: f1") for f in failing)


def test_a_wrong_quote_is_a_miss(tmp_path):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "a.expect.toml").write_text(
        'referrals = [{ item = "32", to = "Kommunstyrelsen", quote = "lyfts till kommunstyrelsen" }]\n',
        encoding="utf-8")
    r = evaluate.run([tmp_path])
    assert r.scores["referrals"].tp == 0 and r.scores["referrals"].fn == 1


def test_expectations_in_their_own_folder(tmp_path):
    docs, exp = tmp_path / "docs", tmp_path / "facit"
    docs.mkdir()
    exp.mkdir()
    (docs / "protokoll.txt").write_text(PROTOCOL, encoding="utf-8")
    (exp / "svar.expect.toml").write_text('document = "protokoll.txt"\nmunicipalities = ["2421"]\n',
                                          encoding="utf-8")
    r = evaluate.run([docs], expect_dir=exp)
    assert r.documents == ["protokoll.txt"]
    assert r.scores["municipalities"].tp == 1


@pytest.mark.parametrize("content, needle", [
    ("persons = [ { name = ", "rätta TOML-syntaxen"),
    ("people = []\n", "okänt slag 'people'"),
    ('matters = [{ items = ["SN 2024-04-09 §31"] }]\n', "minst två punkter"),
    ('matters = [{ items = ["SN den 9 april §31", "KS 2024-05-01 §3"] }]\n', "ÅÅÅÅ-MM-DD"),
])
def test_bad_expectation_file_is_one_clear_message(tmp_path, content, needle):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "a.expect.toml").write_text(content, encoding="utf-8")
    with pytest.raises(evaluate.EvalError) as e:
        evaluate.run([tmp_path])
    assert "a.expect.toml" in str(e.value) and needle in str(e.value)


# A misspelt key used to be passed over in silence: the entry then asserted less than it seemed to.
@pytest.mark.parametrize("content, where, key", [
    ('persons = [{ name = "Eva Lund", prty = "S" }]\n', 'persons nr 1 { name = "Eva Lund", prty = "S" }', "prty"),
    ('items = [{ number = "31", titel = "Budget" }]\n', 'items nr 1 { number = "31", titel = "Budget" }', "titel"),
    ('not = [{ kind = "bodies", nmae = "Övriga deltagande" }]\n',
     'not nr 1 { kind = "bodies", nmae = "Övriga deltagande" }', "nmae"),
    ('meeting = { body = "Socialnämnden", date = "2024-04-09", plase_contains = "Storuman" }\n',
     'meeting { body = "Socialnämnden", date = "2024-04-09", plase_contains = "Storuman" }', "plase_contains"),
    ('persons = [{ name = "Eva Lund" }]\n\n[[must]]\nkind = "meeting"\nplase_contains = "Storuman"\n',
     'must nr 1 { kind = "meeting", plase_contains = "Storuman" }', "plase_contains"),
    ('must_not = [{ kind = "person", name_contain = "Sammanfattning" }]\n',
     'must_not nr 1 { kind = "person", name_contain = "Sammanfattning" }', "name_contain"),
])
def test_an_unknown_key_is_named_with_its_file_and_fact(tmp_path, content, where, key):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "a.expect.toml").write_text(content, encoding="utf-8")
    with pytest.raises(evaluate.EvalError) as e:
        evaluate.run([tmp_path])
    msg = str(e.value)
    assert "a.expect.toml" in msg and where in msg and f"okänd nyckel {key!r}" in msg, msg
    assert "\n" not in msg


@pytest.mark.parametrize("content, needle", [
    ('must = [{ kind = "meetng" }]\n', "okänt slag 'meetng'"),
    ('must = [{ kind = "alias", name = "Eva Lund" }]\n', "nyckeln 'alias' saknas"),
    ('attendance = [{ person = "Eva Lund" }]\n', "nyckeln 'role' saknas"),
    ('persons = [{ name = "Eva Lund", xfail = true }]\n', "xfail ska vara en text"),
    ('not = [{ kind = "matters", items = ["SN 2024-04-09 §31", "KS 2024-05-01 §3"] }]\n', "varje post i not"),
])
def test_an_unknown_kind_or_a_missing_key_is_one_clear_message(tmp_path, content, needle):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "a.expect.toml").write_text(content, encoding="utf-8")
    with pytest.raises(evaluate.EvalError) as e:
        evaluate.run([tmp_path])
    assert "a.expect.toml" in str(e.value) and needle in str(e.value), str(e.value)


def test_keys_only_the_tests_check_leave_the_scores_as_they_are(tmp_path):
    """paras, org, min_decisions … and xfail are for tests/test_samples.py: eval scores the entry without them."""
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    plain = EXPECT.replace('{ name = "Eva Lund", party = "S" }', '{ name = "Eva Lund", party = "S", xfail = "x" }')
    richer = plain.replace('{ number = "31", title = "Uppföljning av budget", dnr = "SN 2024/12" }',
                           '{ number = "31", title = "Uppföljning av budget", dnr = "SN 2024/12", min_decisions = 1 }')
    assert richer != plain != EXPECT
    scores = []
    for text in (EXPECT, richer):
        (tmp_path / "a.expect.toml").write_text(text, encoding="utf-8")
        scores.append(evaluate.run([tmp_path]).to_dict()["kinds"])
    assert scores[0] == scores[1]


def test_every_kind_and_key_is_documented():
    text = (ROOT / "docs" / "eval.md").read_text(encoding="utf-8")
    words = set(evaluate.KINDS) | set(evaluate.CHECKS) | set(evaluate.MEETING_KEYS[1])
    for kind, (required, optional) in evaluate.CHECKS.items():
        words |= set(required) | set(optional)
    for kind, (scored, tested) in evaluate.ENTRY_KEYS.items():
        words |= set(tested)
    missing = sorted(w for w in words if f"`{w}`" not in text and f"{w} =" not in text)
    assert not missing, f"docs/eval.md does not mention {missing}"


def test_cli_names_a_misspelt_key_on_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "a.expect.toml").write_text('must = [{ kind = "meeting", plase_contains = "Storuman" }]\n',
                                            encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "govgraph", "eval", str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT)
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert run.returncode != 0 and len(lines) == 1, run.stderr
    assert "a.expect.toml" in lines[0] and "plase_contains" in lines[0] and "Traceback" not in run.stderr


def test_cli_exit_status_and_no_traceback(tmp_path):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "a.expect.toml").write_text(EXPECT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "govgraph", "eval", str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == 1, run.stderr
    assert "Under kraven" in run.stdout and "Traceback" not in run.stderr
    (tmp_path / "b.expect.toml").write_text("persons = [", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PROTOCOL, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "govgraph", "eval", str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode != 0 and "b.expect.toml" in run.stderr and "Traceback" not in run.stderr


# --------------------------------------------------------------------------- the project's evaluation corpus
# The five samples and the documents of data/eval, each with its expectation file. The first two protocols of
# data/eval are typeset as PDF and the third is written as Word by the test itself, so that the same answer
# key is checked through the PDF and DOCX readers. The scores may not fall below tests/eval-baseline.toml (the
# thresholds in ingest/rules/eval-thresholds.toml are the goal; the baseline is what main achieves today).
BASELINE = ROOT / "tests" / "eval-baseline.toml"


def write_docx_text(path: Path, text: str) -> Path:
    """A Word document with one paragraph per line (tabs kept as Word tabs)."""
    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(str(path))
    return path


def _eval_sources() -> list[Path]:
    return sorted(p for p in EVAL.glob("*.txt") if p.with_name(p.stem + evaluate.EXPECT_SUFFIX).exists())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[evaluate.Report, dict[str, str]]:
    root = tmp_path_factory.mktemp("eval-corpus")
    shutil.copytree(SAMPLES, root / "samples")
    shutil.copytree(EVAL, root / "eval")
    formats = {}
    for i, src in enumerate(_eval_sources()[:3]):
        text = src.read_text(encoding="utf-8")
        (root / "eval" / src.name).unlink()
        if i < 2:  # a PDF export: columns become runs of spaces
            write_pdf(root / "eval" / f"{src.stem}.pdf", text.expandtabs(8))
            formats[f"{src.stem}.pdf"] = "pdf"
        else:
            write_docx_text(root / "eval" / f"{src.stem}.docx", text)
            formats[f"{src.stem}.docx"] = "docx"
    return evaluate.run([root / "samples", root / "eval"]), formats


def test_corpus_has_own_documents_in_other_formats(corpus):
    report, formats = corpus
    own = [d for d in report.documents if not d.startswith(("socsam-", "svom-", "dalarna-", "ekero-"))]
    assert len(own) >= 10, own
    assert sorted(formats.values()) == ["docx", "pdf", "pdf"]
    assert set(formats) <= set(report.documents)
    assert not report.failed


def test_corpus_quotes_are_the_text(corpus):
    report, _ = corpus
    assert report.provenance_errors == []


def test_corpus_scores_hold_the_baseline(corpus, request):
    import tomllib

    report, _ = corpus
    got = {k: {"precision": s.precision, "recall": s.recall} for k, s in report.scores.items()}
    if request.config.getoption("--update-snapshots"):
        lines = ["# Scores of `govgraph eval data/sample-minutes data/eval` (with the PDF and Word versions the",
                 "# test makes) that main achieves; the test fails if a kind falls below them. Rewritten with",
                 "# pytest --update-snapshots. The goals are in ingest/rules/eval-thresholds.toml.", ""]
        for k, v in got.items():
            lines.append(f"[{k}]")
            lines += [f"{m} = {v[m]:.3f}" for m in ("precision", "recall") if v[m] is not None]
            lines.append("")
        BASELINE.write_text("\n".join(lines), encoding="utf-8")
    base = tomllib.loads(BASELINE.read_text(encoding="utf-8"))
    print("\n" + evaluate.format_table(report))
    drops = [f"{k} {m}: {got.get(k, {}).get(m)} < {v}" for k, ms in base.items() for m, v in ms.items()
             if got.get(k, {}).get(m) is None or got[k][m] < v - 0.0005]
    assert not drops, drops


# ---------------------------------------------------------------------------------------------- real documents
REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def test_every_real_document_has_gold_and_a_source():
    docs = sorted(p for p in REAL.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx"))
    assert len(docs) >= 15
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    for d in docs:
        assert (REAL / "gold" / f"{d.stem}.json").exists(), f"{d.name} has no gold file"
        assert d.name in sources, f"{d.name} is not in data/real/SOURCES.md"


def test_gold_evidence_is_the_documents_text():
    """Every relation's and flow's evidence in the gold is a verbatim quote of its document."""
    import json

    for g in sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = next(REAL.glob(g.stem + ".*")).read_text(encoding="utf-8")
        for r in gold.get("body_relations", []) + gold.get("issue_flows", []):
            assert r["evidence"] in text, (g.name, r["evidence"])


def test_gold_is_read_as_evals_kinds():
    from ingest.gold import load_gold

    kinds = load_gold(REAL / "gold" / "10_gotland-son-2017-09-20.json")
    assert {"number": "SON 108"} in kinds["items"]
    assert {"name": "Maria Björkman", "party": "S"} in kinds["party"]
    assert {"person": "Maria Björkman", "role": "ordförande"} in kinds["attendance"]
    fp = load_gold(REAL / "gold" / "14_regionforbundet-orebro-fs-2006-06-01.json")["party"]
    assert "FP" not in {p["party"] for p in fp} and "L" in {p["party"] for p in fp}  # fp is today's L


def test_a_bad_gold_file_is_one_line(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "x.txt").write_text("Protokoll\n", encoding="utf-8")
    (tmp_path / "gold" / "x.json").write_text('{"persons": [{"party": "S"}]}', encoding="utf-8")
    with pytest.raises(evaluate.EvalError, match=r"x\.json: guldfilen följer inte formatet"):
        evaluate.run([tmp_path])


def test_made_up_corpora_are_scored_without_thresholds(tmp_path):
    real, made = tmp_path / "real", tmp_path / "made"
    for d in (real, made):
        d.mkdir()
        (d / "storuman-sn-2024-04-09.txt").write_text(PROTOCOL, encoding="utf-8")
        (d / "storuman-sn-2024-04-09.expect.toml").write_text(EXPECT, encoding="utf-8")
    (made / "corpus.toml").write_text('kind = "made-up"\n', encoding="utf-8")
    corpora = evaluate.run_corpora([real, made])
    assert [c.made_up for c in corpora] == [False, True]
    assert corpora[0].report.failing() and not corpora[1].report.failing()
    shown = evaluate.format_corpora(corpora)
    assert "verkliga dokument: kraven gäller" in shown and "påhittade dokument" in shown
