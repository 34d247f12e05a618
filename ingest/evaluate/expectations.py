"""The expectation-file format (docs/eval.md): the kinds, the keys each kind takes, the one loader of the files,
and the thresholds."""
from __future__ import annotations

import itertools
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import GovgraphError
from ingest.evaluate.facts import _short, norm_number
from ingest.gold import GoldError, gold_path, load_gold

THRESHOLDS = Path(__file__).resolve().parents[1] / "rules" / "eval-thresholds.toml"
EXPECT_SUFFIX = ".expect.toml"

KINDS = ("persons", "party", "titles", "attendance", "bodies", "municipalities", "meetings", "items", "decisions",
         "assignments", "referrals", "flows", "relations", "matters", "agreements")
LABELS = {"persons": "personer", "party": "parti", "titles": "titlar", "attendance": "närvaro",
          "bodies": "organ", "municipalities": "kommuner", "meetings": "möten", "items": "paragrafer",
          "decisions": "beslut", "assignments": "uppdrag", "referrals": "remisser/överlämnanden",
          "flows": "ärenden till rätt organ",
          "relations": "organrelationer", "matters": "ärenden mellan dokument", "agreements": "avtal"}


class EvalError(GovgraphError):
    """An expectation file that cannot be used."""


def _as_list(v: Any) -> list:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def _parse_item_label(s: str, path: Path) -> tuple[str, str, str]:
    m = re.fullmatch(r"\s*(.+?)\s+(\d{4}-\d\d-\d\d)\s+(?:§\s*)?(\S+)\s*", str(s))
    if not m:
        raise EvalError(f"{path}: ärendepunkten {s!r} ska skrivas \"ORGAN ÅÅÅÅ-MM-DD §NUMMER\"")
    return m.group(1), m.group(2), norm_number(m.group(3))


# The keys each list entry may have: those eval scores (the first set), and those only the project's own tests
# check in the stored graph of the sample documents (tests/test_samples.py; eval passes over them). Every entry
# may carry `quote` (scored) and `xfail = "why"` (a true fact the code misses today; for the tests). A key in
# neither set is an error, so that a misspelt key is never silently ignored.
ENTRY_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    k: (frozenset(scored), frozenset(tested)) for k, (scored, tested) in {
        "persons": (("name", "party"), ()),
        "party": (("name", "party"), ()),
        "titles": (("person", "title"), ("org", "org_municipality")),
        "attendance": (("person", "role", "absent"), ("paras",)),
        "bodies": (("name",), ("short", "primary_name", "founded", "municipality")),
        "municipalities": (("code",), ("name",)),
        "meetings": (("body", "date"), ("place_contains", "time", "kind_of_meeting")),
        "items": (("number", "title", "title_like", "dnr"), ("min_decisions", "max_decisions")),
        "decisions": (("item", "text"), ()),
        "assignments": (("item", "to", "task", "due"), ()),
        "referrals": (("item", "to"), ()),
        "flows": (("from", "to"), ()),
        "relations": (("type", "from", "to"), ()),
        "agreements": (("name", "parties"), ()),
        "matters": (("items",), ()),
    }.items()}
REQUIRED: dict[str, tuple[str, ...]] = {
    "persons": ("name",), "party": ("name", "party"), "titles": ("person", "title"),
    "attendance": ("person", "role"), "bodies": ("name",), "municipalities": ("code",),
    "meetings": ("body", "date"), "items": (), "decisions": ("text",), "referrals": ("to",), "flows": ("to",),
    "relations": ("type", "from", "to"), "agreements": ("name",), "matters": ("items",)}
# the document's meeting (`meeting = { body, date }`): where the tests look for items, attendance and decisions
MEETING_KEYS = (frozenset({"body", "date"}), frozenset({"place_contains", "time", "kind_of_meeting"}))

# Facts beyond what the lists can say, in the lists `must` (the graph must hold it) and `must_not`: checked by the
# project's tests in the stored graph of the sample documents, not scored by eval (docs/eval.md). Per kind:
# (required keys, optional keys); a fact about a meeting may name it with meeting_body and meeting_date.
_AT = ("meeting_body", "meeting_date")
CHECKS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "document": ((), ("doc_kind", "date", "body", "format")),
    "meeting": ((), _AT + ("place_contains", "time", "kind_of_meeting")),
    "person": ((), ("name", "name_contains", "party")),
    "alias": (("name", "alias"), ()),
    "attended": (("person",), _AT + ("role", "paras")),
    "absent": (("person",), _AT + ("role",)),
    "item": ((), _AT + ("number", "title", "title_contains", "dnr", "min_decisions", "max_decisions")),
    "items": ((), _AT + ("numbers",)),
    "decision": (("text_contains",), _AT + ("item",)),
    "presented": (("item", "person"), _AT),
    "referred": (("to",), _AT + ("item",)),
    "represents": (("person",), ("municipality_code", "body")),
    "member": (("person", "body"), ("role",)),
    "role": (("person", "title"), ("org", "org_municipality")),
    "body": ((), ("name", "primary_name", "short", "name_contains", "founded", "municipality")),
    "relation": (("type", "from", "to"), ()),
    "assignment": ((), ("task_contains", "due", "item")),
    "assigned": ((), ("task_contains", "to", "to_contains", "item")),
    "municipality": (("code",), ("name",)),
    "matter": (("title_contains",), ("dnr", "item")),
    "linked": (("items",), ()),
    "agreement": (("name_contains",), ("total_contains", "party", "share_contains")),
}
TOP_LEVEL = ("document", "meeting", "not", "must", "must_not")


@dataclass
class Expectation:
    path: Path
    document: str  # the document's file name
    kinds: dict[str, list[dict]] = field(default_factory=dict)  # what eval scores (without the tests' keys)
    forbidden: list[dict] = field(default_factory=list)
    # as written, for the project's tests: the meeting, the lists (with the tests' keys), must and must_not facts
    meeting: dict[str, Any] = field(default_factory=dict)
    entries: dict[str, list[dict]] = field(default_factory=dict)
    not_entries: list[dict] = field(default_factory=list)
    must: list[dict] = field(default_factory=list)
    must_not: list[dict] = field(default_factory=list)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, (int, float)):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)


def show_entry(e: Any) -> str:
    """An entry as it is written in the file: { person = "Eva Lund", role = "ordförande" }."""
    if not isinstance(e, dict):
        return _toml_value(e)
    return "{ " + ", ".join(f"{k} = {_short(_toml_value(v), 60)}" for k, v in e.items()) + " }"


def _check_keys(path: Path, where: str, e: dict, allowed: set[str] | frozenset[str], required=()) -> None:
    for k in e:
        if k not in allowed:
            raise EvalError(f"{path}: {where} {show_entry(e)}: okänd nyckel {k!r}; tillåtna är "
                            f"{', '.join(sorted(allowed))} (se docs/eval.md)")
    for k in required:
        if k not in e:
            raise EvalError(f"{path}: {where} {show_entry(e)}: nyckeln {k!r} saknas (se docs/eval.md)")
    if "xfail" in e and not (isinstance(e["xfail"], str) and e["xfail"].strip()):
        raise EvalError(f"{path}: {where} {show_entry(e)}: xfail ska vara en text som säger varför")


def check_fact(path: Path, where: str, fact: Any) -> dict:
    """A `must` or `must_not` fact: a known kind with known keys (the error names the file, the fact and the key)."""
    if not isinstance(fact, dict) or fact.get("kind") not in CHECKS:
        kind = fact.get("kind") if isinstance(fact, dict) else None
        raise EvalError(f"{path}: {where} {show_entry(fact)}: okänt slag {kind!r}; tillåtna är "
                        f"{', '.join(CHECKS)} (se docs/eval.md)")
    required, optional = CHECKS[fact["kind"]]
    _check_keys(path, where, fact, {"kind", "xfail", *required, *optional}, required)
    if fact["kind"] == "represents" and not ({"municipality_code", "body"} & set(fact)):
        raise EvalError(f"{path}: {where} {show_entry(fact)}: ange municipality_code eller body")
    return fact


def _normalise_entry(kind: str, e: Any, path: Path) -> dict:
    if kind == "bodies" and isinstance(e, str):
        return {"name": e}
    if kind == "municipalities" and isinstance(e, (str, int)):
        return {"code": str(e).zfill(4)}
    if not isinstance(e, dict):
        raise EvalError(f"{path}: en post under {kind} ska vara en tabell, t.ex. {{ name = \"…\" }}")
    return e


def _scored(kind: str, e: dict) -> dict:
    """The entry as eval sees it: without the keys only the tests check."""
    return {k: v for k, v in e.items() if k not in ENTRY_KEYS[kind][1] and k != "xfail"}


def load_expectation(path: Path, document: str | None = None) -> Expectation:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise EvalError(f"{path}: förväntningsfilen kunde inte läsas ({e}); rätta TOML-syntaxen") from None
    doc = data.pop("document", None) or document
    meeting = data.pop("meeting", None)
    if isinstance(meeting, dict):  # lists written after a [meeting] header land inside it in TOML: lift them out
        for k in [k for k in meeting if k in KINDS or k in TOP_LEVEL]:
            data[k] = meeting.pop(k)
        doc = doc or data.pop("document", None)
        _check_keys(path, "meeting", meeting, MEETING_KEYS[0] | MEETING_KEYS[1])
    elif meeting is not None:
        raise EvalError(f"{path}: meeting ska vara en tabell, t.ex. "
                        f"meeting = {{ body = \"…\", date = \"ÅÅÅÅ-MM-DD\" }}")
    ex = Expectation(path, doc or "", meeting=meeting or {})
    for kind, entries in data.items():
        if kind in ("must", "must_not"):
            facts = [check_fact(path, f"{kind} nr {i}", f) for i, f in enumerate(_as_list(entries), 1)]
            setattr(ex, kind, facts)
            continue
        if kind == "not":
            for i, e in enumerate(_as_list(entries), 1):
                if not isinstance(e, dict) or e.get("kind") not in KINDS or e.get("kind") == "matters":
                    kinds = ", ".join(k for k in KINDS if k != "matters")
                    raise EvalError(f"{path}: not nr {i} {show_entry(e)}: varje post i not ska ha kind = något "
                                    f"av {kinds}")
                # no quote: a fact that must not be there is found by its fields alone
                scored, tested = ENTRY_KEYS[e["kind"]]
                _check_keys(path, f"not nr {i}", e, {"kind", "xfail"} | scored | tested,
                            ("code",) if e["kind"] == "municipalities" else ())
                ex.not_entries.append(e)
                ex.forbidden.append(_scored(e["kind"], e))
            continue
        if kind not in KINDS:
            raise EvalError(f"{path}: okänt slag {kind!r}; tillåtna är {', '.join(KINDS)} och not (se docs/eval.md)")
        listed = [_normalise_entry(kind, e, path) for e in _as_list(entries)]
        scored, tested = ENTRY_KEYS[kind]
        for i, e in enumerate(listed, 1):
            _check_keys(path, f"{kind} nr {i}", e, {"quote", "xfail"} | scored | tested, REQUIRED.get(kind, ()))
        ex.entries[kind] = listed
        ex.kinds[kind] = [_scored(kind, e) for e in listed]
    # a person's party is its own kind, scored where the file gives it
    if "persons" in ex.kinds and "party" not in ex.kinds:
        ex.kinds["party"] = [{"name": p["name"], "party": p["party"]} for p in ex.kinds["persons"]
                             if p.get("party")]
    if "matters" in ex.kinds:  # scored as links: every pair of items of one matter
        links = []
        for e in ex.kinds["matters"]:
            labels = [_parse_item_label(s, path) for s in _as_list(e.get("items"))]
            if len(labels) < 2:
                raise EvalError(f"{path}: ett ärende under matters behöver minst två punkter i items")
            links += [{"a": a, "b": b, **({"quote": e["quote"]} if "quote" in e else {})}
                      for a, b in itertools.combinations(labels, 2)]
        ex.kinds["matters"] = links
    return ex


def find_expectations(files: list[Path], expect_dir: Path | None) -> dict[str, Expectation]:
    """Expectation files for the documents, by document file name: <stem>.expect.toml beside the document or
    in expect_dir (where a file may also name its document with document = "…")."""
    out: dict[str, Expectation] = {}
    by_name = {f.name: f for f in files}
    if expect_dir is not None:
        if not expect_dir.is_dir():
            raise EvalError(f"{expect_dir}: mappen med förväntningsfiler finns inte")
        for p in sorted(expect_dir.glob("*" + EXPECT_SUFFIX)):
            ex = load_expectation(p)
            if not ex.document:
                stem = p.name[: -len(EXPECT_SUFFIX)]
                ex.document = next((f.name for f in files if f.stem == stem), "")
            if ex.document in by_name:
                out[ex.document] = ex
    for f in files:
        if f.name in out:
            continue
        p = f.with_name(f.stem + EXPECT_SUFFIX)
        if p.exists():
            out[f.name] = load_expectation(p, f.name)
        elif gold_path(f).exists():  # a real document's gold facts (data/real/gold/<stem>.json)
            try:
                out[f.name] = Expectation(gold_path(f), f.name, kinds=load_gold(gold_path(f)))
            except GoldError as e:
                raise EvalError(str(e)) from None
    return out


MEASURES = ("precision", "recall", "f1")


def load_thresholds(path: Path | None = None) -> dict[str, dict[str, float]]:
    p = path or THRESHOLDS
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise EvalError(f"{p}: tröskelfilen kunde inte läsas ({e})") from None
    for kind, goals in data.items():
        if kind not in KINDS:
            raise EvalError(f"{p}: okänt slag {kind!r}; tillåtna är {', '.join(KINDS)}")
        for what in goals:
            if what not in MEASURES:
                raise EvalError(f"{p}: [{kind}] {what}: okänt mått; tillåtna är {', '.join(MEASURES)}")
    return data
