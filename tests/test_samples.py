"""Hand-checked facts about the five sample documents, each checked on its own in the ingested sample database.

The truth about a sample document is written once, in its expectation file (data/sample-minutes/<stem>
.expect.toml, the format of docs/eval.md), which `govgraph eval` scores as well; this module reads it through the
same loader (ingest.evaluate.load_expectation) and checks
- every entry of its lists as a fact the graph must hold (`persons` -> person, `titles` -> role, `attendance`
  -> attended/absent at the file's meeting, …; see `from_lists`), with the keys eval scores and the ones only
  these checks read (`paras`, `org`, `founded`, `min_decisions` …); every `not` entry as one it must not hold;
- `meeting = { … }` as a meeting that must be there (with its place and time when given);
- the `must` and `must_not` lists: what the lists cannot say (the document's kind, presenters, representation,
  memberships, aliases, agreement shares, names that must not contain a word …).

Why there and not in a file of tests' own (there used to be tests/facts/<stem>.toml, which said most of it a
second time): the expectation file is the format every document of the evaluation corpus, and a user's own, is
written in, eval needs its complete lists for precision, and the few kinds and filters the tests add fit in it.
One file per document, each fact stated once. A fact the code gets wrong today carries `xfail = "reason"` and
runs as a strict xfail, so that fixing the code turns it into a visible XPASS. The loader rejects unknown kinds
and keys; a check here that reads a key evaluate.CHECKS does not declare for its kind fails.

Every fact is one parameterised Cypher query (plus a filter in Python for optional fields), scoped to the
document: relationships by their `doc` provenance, entities by MENTIONED_IN, meeting facts by the meeting
(body + date) given in the file's `meeting` table or in the fact.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest import evaluate

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "sample-minutes"
KINDS: dict[str, callable] = {}


def kind(name):
    def deco(fn):
        KINDS[name] = fn
        return fn
    return deco


# --------------------------------------------------------------------------- helpers

def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() or c in "-." else "_" for c in s).strip("_")


def _eq(a, b) -> bool:
    return a is not None and b is not None and str(a).strip().lower() == str(b).strip().lower()


def _names(node: dict) -> set[str]:
    """Every way a node may be named in a fact: name, short, title, id, aliases, code."""
    out = {node.get(k) for k in ("name", "short", "title", "id", "code")}
    out |= set(node.get("aliases") or [])
    return {s.lower() for s in out if s}


def _named(node: dict, want: str) -> bool:
    return want.lower() in _names(node)


def _contains(hay, needle) -> bool:
    return hay is not None and needle.lower() in " ".join(str(hay).split()).lower()


def _party_ok(node: dict, fact: dict) -> bool:
    if "party" not in fact:
        return True
    if fact["party"] == "":
        return not node.get("party")
    return node.get("party") == fact["party"]


def _meeting(fact: dict, ctx: dict) -> tuple[str, str]:
    body = fact.get("meeting_body", ctx.get("meeting", {}).get("body"))
    date = fact.get("meeting_date", ctx.get("meeting", {}).get("date"))
    assert body and date, "fact needs a meeting: [meeting] body/date in the file or meeting_body/meeting_date"
    return body, date


MEETING_MATCH = ("MATCH (b:Body)-[:HELD]->(m:Meeting) "
                 "WHERE (b.short = $body OR b.name = $body OR b.id = $body) AND m.date = $date ")


# --------------------------------------------------------------------------- fact kinds
# Each returns the list of matching rows (dicts); `must` wants >= 1 (or `count`), `must_not` wants 0.

@kind("document")
def _document(store, fact, ctx):
    rows = store.records("MATCH (d:Document {id: $doc}) RETURN d", {"doc": ctx["doc"]})
    fields = {"doc_kind": "kind", "date": "date", "body": "body", "format": "format"}
    return [r["d"] for r in rows if all(_eq(r["d"].get(prop), fact[k]) for k, prop in fields.items() if k in fact)]


@kind("meeting")
def _meeting_fact(store, fact, ctx):
    body, date = _meeting(fact, ctx)
    rows = store.records(MEETING_MATCH + "RETURN m", {"body": body, "date": date})
    out = []
    for r in rows:
        m = r["m"]
        if "place_contains" in fact and not _contains(m.get("place"), fact["place_contains"]):
            continue
        if "time" in fact and not _eq(m.get("time"), fact["time"]):
            continue
        if "kind_of_meeting" in fact and not _eq(m.get("kind"), fact["kind_of_meeting"]):
            continue
        out.append(m)
    return out


@kind("person")
def _person(store, fact, ctx):
    rows = store.records("MATCH (p:Person)-[:MENTIONED_IN]->(d:Document {id: $doc}) RETURN DISTINCT p",
                         {"doc": ctx["doc"]})
    out = []
    for r in rows:
        p = r["p"]
        if "name" in fact and p.get("name") != fact["name"]:
            continue
        if "name_contains" in fact and not _contains(p.get("name"), fact["name_contains"]):
            continue
        if _party_ok(p, fact):
            out.append(p)
    return out


@kind("alias")
def _alias(store, fact, ctx):
    rows = store.records("MATCH (p:Person)-[:MENTIONED_IN]->(d:Document {id: $doc}) WHERE p.name = $name "
                         "RETURN DISTINCT p", {"doc": ctx["doc"], "name": fact["name"]})
    return [r["p"] for r in rows if fact["alias"] in (r["p"].get("aliases") or [])]


def _presence(store, fact, ctx, rel):
    body, date = _meeting(fact, ctx)
    paras = "r.paras" if rel == "ATTENDED" else "NULL"  # ABSENT_FROM has no paras property
    rows = store.records(MEETING_MATCH + f"MATCH (m)<-[r:{rel}]-(p:Person) WHERE p.name = $person "
                         f"RETURN r.role AS role, {paras} AS paras, r.quote AS quote",
                         {"body": body, "date": date, "person": fact["person"]})
    return [r for r in rows
            if ("role" not in fact or _eq(r["role"], fact["role"]))
            and (rel != "ATTENDED" or "paras" not in fact or _eq(r["paras"], fact["paras"]))]


@kind("attended")
def _attended(store, fact, ctx):
    return _presence(store, fact, ctx, "ATTENDED")


@kind("absent")
def _absent(store, fact, ctx):
    return _presence(store, fact, ctx, "ABSENT_FROM")


@kind("item")
def _item(store, fact, ctx):
    body, date = _meeting(fact, ctx)
    params = {"body": body, "date": date}
    where = ""
    if "number" in fact:  # without a number: any item of the meeting
        where, params["number"] = "WHERE i.number = $number ", str(fact["number"])
    rows = store.records(MEETING_MATCH + f"MATCH (m)-[:HAS_ITEM]->(i:AgendaItem) {where}"
                         "OPTIONAL MATCH (i)-[:HAS_DECISION]->(d:Decision) "
                         "RETURN i.title AS title, i.dnr AS dnr, i.number_inferred AS inferred, count(d) AS decisions",
                         params)
    out = []
    for r in rows:
        if "title" in fact and " ".join((r["title"] or "").split()) != fact["title"]:
            continue
        if "title_contains" in fact and not _contains(r["title"], fact["title_contains"]):
            continue
        if "dnr" in fact and r["dnr"] != fact["dnr"]:
            continue
        if "min_decisions" in fact and r["decisions"] < fact["min_decisions"]:
            continue
        if "max_decisions" in fact and r["decisions"] > fact["max_decisions"]:
            continue
        out.append(r)
    return out


@kind("items")
def _items(store, fact, ctx):
    """The meeting's agenda items are exactly these numbers (no table-of-contents or page-header items): those
    given, or else those of the file's `items` list."""
    body, date = _meeting(fact, ctx)
    _, rows = store.query(MEETING_MATCH + "MATCH (m)-[:HAS_ITEM]->(i:AgendaItem) RETURN i.number",
                          {"body": body, "date": date})
    got = sorted((n for (n,) in rows), key=lambda s: (len(s or ""), s or ""))
    numbers = fact["numbers"] if "numbers" in fact else ctx["items"]
    assert numbers is not None, "kind = items without numbers needs an items list in the file"
    want = sorted((str(n) for n in numbers), key=lambda s: (len(s), s))
    return [got] if got == want else []


@kind("decision")
def _decision(store, fact, ctx):
    """A decision of the meeting's item `item`; without an item, any decision the document records (as eval reads
    a decision without an item: one quoted from another meeting)."""
    if "item" not in fact:
        rows = store.records("MATCH (d:Decision)-[:MENTIONED_IN]->(:Document {id: $doc}) "
                             "RETURN DISTINCT d.text AS text", {"doc": ctx["doc"]})
        return [r for r in rows if _contains(r["text"], fact["text_contains"])]
    body, date = _meeting(fact, ctx)
    rows = store.records(MEETING_MATCH + "MATCH (m)-[:HAS_ITEM]->(i:AgendaItem)-[:HAS_DECISION]->(d:Decision) "
                         "WHERE i.number = $number RETURN d.text AS text, d.number AS number",
                         {"body": body, "date": date, "number": str(fact["item"])})
    return [r for r in rows if _contains(r["text"], fact["text_contains"])]


@kind("presented")
def _presented(store, fact, ctx):
    body, date = _meeting(fact, ctx)
    return store.records(MEETING_MATCH + "MATCH (m)-[:HAS_ITEM]->(i:AgendaItem)<-[r:PRESENTED]-(p:Person) "
                         "WHERE i.number = $number AND p.name = $person RETURN r.quote AS quote",
                         {"body": body, "date": date, "number": str(fact["item"]), "person": fact["person"]})


@kind("referred")
def _referred(store, fact, ctx):
    if "item" not in fact:  # any referral the document records
        rows = store.records("MATCH ()-[r:REFERRED_TO]->(t:Body) WHERE r.doc = $doc RETURN t AS t, r.verb AS verb",
                             {"doc": ctx["doc"]})
        return [r for r in rows if _named(r["t"], fact["to"])]
    body, date = _meeting(fact, ctx)
    p = {"body": body, "date": date, "number": str(fact["item"])}
    rows = store.records(MEETING_MATCH + "MATCH (m)-[:HAS_ITEM]->(i:AgendaItem)-[r:REFERRED_TO]->(t:Body) "
                         "WHERE i.number = $number RETURN t AS t, r.verb AS verb", p)
    rows += store.records(MEETING_MATCH + "MATCH (m)-[:HAS_ITEM]->(i:AgendaItem)-[:HAS_DECISION]->(:Decision)"
                          "-[r:REFERRED_TO]->(t:Body) WHERE i.number = $number RETURN t AS t, r.verb AS verb", p)
    return [r for r in rows if _named(r["t"], fact["to"])]


@kind("represents")
def _represents(store, fact, ctx):
    rows = store.records("MATCH (p:Person)-[r:REPRESENTS]->(x) WHERE p.name = $person AND r.doc = $doc "
                         "RETURN x", {"person": fact["person"], "doc": ctx["doc"]})
    want = fact.get("municipality_code") or fact.get("body")
    return [r["x"] for r in rows if _named(r["x"], want)]


@kind("member")
def _member(store, fact, ctx):
    rows = store.records("MATCH (p:Person)-[r:MEMBER_OF]->(b:Body) WHERE p.name = $person AND r.doc = $doc "
                         "RETURN b, r.role AS role", {"person": fact["person"], "doc": ctx["doc"]})
    return [r for r in rows if _named(r["b"], fact["body"]) and ("role" not in fact or _eq(r["role"], fact["role"]))]


@kind("role")
def _role(store, fact, ctx):
    """A person holds a title in an organisation: HOLDS -> Role -ROLE_IN-> org, or MEMBER_OF with that role."""
    p = {"person": fact["person"], "doc": ctx["doc"]}
    rows = store.records("MATCH (p:Person)-[h:HOLDS]->(ro:Role) WHERE p.name = $person AND h.doc = $doc "
                         "OPTIONAL MATCH (ro)-[:ROLE_IN]->(o) RETURN ro.title AS title, o AS org", p)
    rows += store.records("MATCH (p:Person)-[r:MEMBER_OF]->(o:Body) WHERE p.name = $person AND r.doc = $doc "
                          "RETURN r.role AS title, o AS org", p)
    out = []
    for r in rows:
        org = r["org"]
        if not _eq(r["title"], fact["title"]):
            continue
        if "org" in fact and (org is None or not _named(org, fact["org"])):
            continue
        if "org_municipality" in fact and (org is None or org.get("municipality") != fact["org_municipality"]):
            continue
        out.append(r)
    return out


@kind("body")
def _body(store, fact, ctx):
    rows = store.records("MATCH (b:Body)-[:MENTIONED_IN]->(d:Document {id: $doc}) RETURN DISTINCT b",
                         {"doc": ctx["doc"]})
    out = []
    for r in rows:
        b = r["b"]
        if "name" in fact and not _named(b, fact["name"]):
            continue
        if "primary_name" in fact and b.get("name") != fact["primary_name"]:
            continue
        if "short" in fact and b.get("short") != fact["short"]:
            continue
        if "name_contains" in fact and not any(fact["name_contains"].lower() in n for n in _names(b)):
            continue
        if "founded" in fact and b.get("founded") != fact["founded"]:
            continue
        if "municipality" in fact and b.get("municipality") != fact["municipality"]:
            continue
        out.append(b)
    return out


@kind("relation")
def _relation(store, fact, ctx):
    rows = store.records("MATCH (a:Body)-[r]->(b:Body) WHERE label(r) = $type AND r.doc = $doc "
                         "RETURN a, b, r.quote AS quote", {"type": fact["type"], "doc": ctx["doc"]})
    return [r for r in rows if _named(r["a"], fact["from"]) and _named(r["b"], fact["to"])]


def _assignments(store, fact, ctx):
    """The document's assignments whose task contains task_contains, given at `item` when the fact names one."""
    rows = store.records("MATCH (a:Assignment)-[:MENTIONED_IN]->(d:Document {id: $doc}) "
                         "OPTIONAL MATCH (i:AgendaItem)-[:ASSIGNS]->(a) "
                         "OPTIONAL MATCH (j:AgendaItem)-[:HAS_DECISION]->(:Decision)-[:ASSIGNS]->(a) "
                         "OPTIONAL MATCH (a)-[r:ASSIGNED_TO]->(x) "
                         "RETURN a.task AS task, a.due AS due, i.number AS item, j.number AS by_decision, x",
                         {"doc": ctx["doc"]})
    return [r for r in rows if _contains(r["task"], fact.get("task_contains", ""))
            and ("item" not in fact or str(fact["item"]) in (r["item"], r["by_decision"]))]


@kind("assignment")
def _assignment(store, fact, ctx):
    # a due date as precise as the document gives it: "2022-09" for a due "2022-09-30" (as eval compares it)
    return [r for r in _assignments(store, fact, ctx)
            if "due" not in fact or str(r["due"] or "").startswith(str(fact["due"]))]


@kind("assigned")
def _assigned(store, fact, ctx):
    out = []
    for r in _assignments(store, fact, ctx):
        x = r["x"]
        if x is None:
            continue
        if "to" in fact and not _named(x, fact["to"]):
            continue
        if "to_contains" in fact and not _contains(x.get("name"), fact["to_contains"]):
            continue
        out.append(r)
    return out


@kind("municipality")
def _municipality(store, fact, ctx):
    rows = store.records("MATCH (mu:Municipality)-[:MENTIONED_IN]->(d:Document {id: $doc}) RETURN DISTINCT mu",
                         {"doc": ctx["doc"]})
    return [r["mu"] for r in rows if r["mu"].get("code") == fact["code"]
            and ("name" not in fact or r["mu"].get("name") == fact["name"])]


@kind("matter")
def _matter(store, fact, ctx):
    rows = store.records("MATCH (i:AgendaItem)-[r:CONCERNS]->(mt:Matter) WHERE r.doc = $doc "
                         "RETURN mt.title AS title, mt.dnr AS dnr, i.number AS item", {"doc": ctx["doc"]})
    return [r for r in rows if _contains(r["title"], fact["title_contains"])
            and ("dnr" not in fact or r["dnr"] == fact["dnr"])
            and ("item" not in fact or r["item"] == str(fact["item"]))]


@kind("agreement")
def _agreement(store, fact, ctx):
    rows = store.records("MATCH (x)-[r:PARTY_TO]->(a:Agreement) WHERE r.doc = $doc "
                         "RETURN a, x, r.share AS share", {"doc": ctx["doc"]})
    if "party" not in fact and "share_contains" not in fact:  # an agreement the document names without parties
        rows += [{"a": r["a"], "x": None, "share": None} for r in store.records(
            "MATCH (a:Agreement)-[:MENTIONED_IN]->(d:Document {id: $doc}) RETURN DISTINCT a", {"doc": ctx["doc"]})]
    out = []
    for r in rows:
        if not _contains(r["a"].get("name"), fact["name_contains"]):
            continue
        if "total_contains" in fact and not _contains(r["a"].get("total"), fact["total_contains"]):
            continue
        if "party" in fact and not _named(r["x"], fact["party"]):
            continue
        if "share_contains" in fact and not _contains(r["share"], fact["share_contains"]):
            continue
        out.append(r)
    return out


@kind("linked")
def _linked(store, fact, ctx):
    """Two agenda items ("BODY YYYY-MM-DD §N", as in `matters`) concern one Matter."""
    places = [evaluate._parse_item_label(s, ctx["path"]) for s in fact["items"]]
    assert len(places) == 2, "a linked fact names two items"
    (b1, d1, n1), (b2, d2, n2) = places
    rows = store.records("MATCH (x:Body)-[:HELD]->(m:Meeting {date: $d1})-[:HAS_ITEM]->(i:AgendaItem {number: $n1})"
                         "-[:CONCERNS]->(mt:Matter)<-[:CONCERNS]-(j:AgendaItem {number: $n2})"
                         "<-[:HAS_ITEM]-(k:Meeting {date: $d2})<-[:HELD]-(y:Body) RETURN x, y, mt.title AS matter",
                         {"d1": d1, "n1": n1, "d2": d2, "n2": n2})
    return [r for r in rows if _named(r["x"], b1) and _named(r["y"], b2)]


# --------------------------------------------------------------------------- collection

class _Fact(dict):
    """A fact as its check reads it: reading a key that evaluate.CHECKS does not declare for the kind is an error
    here, so that a check and the loader's list of keys cannot drift apart."""

    def _declared(self, key) -> None:
        required, optional = evaluate.CHECKS[dict.__getitem__(self, "kind")]
        if key not in ("kind", "xfail", *required, *optional):
            raise AssertionError(f"the check of kind {self['kind']!r} reads {key!r}, which evaluate.CHECKS does "
                                 f"not declare for it")

    def __getitem__(self, key):
        self._declared(key)
        return dict.__getitem__(self, key)

    def __contains__(self, key):
        self._declared(key)
        return dict.__contains__(self, key)

    def get(self, key, default=None):
        self._declared(key)
        return dict.get(self, key, default)


def _copy(e: dict, *keys: str, **renamed: str) -> dict:
    """The entry's keys that the fact kind shares, and renamed ones (fact key = entry key)."""
    out = {k: e[k] for k in keys if k in e}
    out.update({new: e[old] for new, old in renamed.items() if old in e})
    return out


def from_lists(kind: str, e: dict) -> list[dict]:
    """The facts one list entry of an expectation file states, as fact kinds of this module."""
    if kind in ("persons", "party"):
        return [{"kind": "person", **_copy(e, "name", "party")}]
    if kind == "titles":
        return [{"kind": "role", **_copy(e, "person", "title", "org", "org_municipality")}]
    if kind == "attendance":
        return [{"kind": "absent" if e.get("absent") else "attended", **_copy(e, "person", "role", "paras")}]
    if kind == "bodies":
        return [{"kind": "body", **_copy(e, "name", "short", "primary_name", "founded", "municipality")}]
    if kind == "municipalities":
        return [{"kind": "municipality", **_copy(e, "code", "name")}]
    if kind == "meetings":
        return [{"kind": "meeting", **_copy(e, "place_contains", "time", "kind_of_meeting",
                                            meeting_body="body", meeting_date="date")}]
    if kind == "items":
        return [{"kind": "item", **_copy(e, "number", "title", "dnr", "min_decisions", "max_decisions")}]
    if kind == "decisions":
        return [{"kind": "decision", **_copy(e, "item", text_contains="text")}]
    if kind == "assignments":
        task = _copy(e, "item", "due", task_contains="task")
        to = evaluate._as_list(e.get("to"))
        return [{"kind": "assignment", **task}] + [{"kind": "assigned", **_copy(task, "task_contains", "item"),
                                                     "to": t} for t in to]
    if kind == "referrals":
        return [{"kind": "referred", **_copy(e, "item", "to")}]
    if kind == "relations":
        return [{"kind": "relation", **_copy(e, "type", "from", "to")}]
    if kind == "agreements":
        parties = evaluate._as_list(e.get("parties"))
        name = {"name_contains": e.get("name", "")}
        return [{"kind": "agreement", **name, "party": p} for p in parties] or [{"kind": "agreement", **name}]
    if kind == "matters":
        items = evaluate._as_list(e["items"])
        return [{"kind": "linked", "items": [a, b]} for i, a in enumerate(items) for b in items[i + 1:]]
    raise AssertionError(f"no facts for the list kind {kind!r}")


def facts_of(ex: evaluate.Expectation) -> list[tuple[str, dict, str]]:
    """(polarity, fact, where in the file) for everything an expectation file says."""
    out = []
    if ex.meeting:
        out.append(("must", {"kind": "meeting", **_copy(ex.meeting, "place_contains", "time", "kind_of_meeting")},
                    "meeting"))
    for kind, entries in ex.entries.items():
        for i, e in enumerate(entries, 1):
            for f in from_lists(kind, e):
                out.append(("must", {**f, **_copy(e, "xfail")}, f"{kind} nr {i}"))
    for i, e in enumerate(ex.not_entries, 1):
        facts = from_lists(e["kind"], {k: v for k, v in e.items() if k not in ("kind", "xfail")})
        assert len(facts) == 1, f"not nr {i}: a fact that must not be there is one fact"
        out.append(("must_not", {**facts[0], **_copy(e, "xfail")}, f"not nr {i}"))
    out += [("must", f, f"must nr {i}") for i, f in enumerate(ex.must, 1)]
    out += [("must_not", f, f"must_not nr {i}") for i, f in enumerate(ex.must_not, 1)]
    for _, f, where in out:  # what the lists turn into is held to the same keys as what is written
        evaluate.check_fact(ex.path, where, f)
    return out


def _fact_id(stem: str, polarity: str, fact: dict) -> str:
    skip = {"kind", "xfail"}
    parts = [str(v) if not isinstance(v, list) else "+".join(map(str, v))
             for k, v in fact.items() if k not in skip]
    return _fold(f"{stem}:{polarity}:{fact['kind']}:{'/'.join(parts)}")[:120]


def expectation_files() -> list[Path]:
    return sorted(SAMPLES.glob("*" + evaluate.EXPECT_SUFFIX))


def _load():
    params = []
    for path in expectation_files():
        stem = path.name[: -len(evaluate.EXPECT_SUFFIX)]
        ex = evaluate.load_expectation(path)
        items = [e["number"] for e in ex.entries["items"]] if "items" in ex.entries else None
        ctx = {"doc": "doc:" + stem, "meeting": ex.meeting, "stem": stem, "items": items, "path": path}
        for polarity, fact, where in facts_of(ex):
            marks = []
            if "xfail" in fact:
                marks.append(pytest.mark.xfail(strict=True, reason=fact["xfail"]))
            params.append(pytest.param(ctx, polarity, fact, where, id=_fact_id(stem, polarity, fact), marks=marks))
    return params


FACT_PARAMS = _load()


def test_every_sample_has_an_expectation_file():
    from conftest import sample_files

    stems = {p.stem for p in sample_files()}
    assert stems == {p.name[: -len(evaluate.EXPECT_SUFFIX)] for p in expectation_files()}


def test_every_check_kind_is_declared_for_the_loader():
    assert set(KINDS) == set(evaluate.CHECKS)


def test_a_check_that_reads_an_undeclared_key_fails(sample_store, monkeypatch):
    """If evaluate.CHECKS stopped declaring a key a check reads, the loader would reject the key in the files
    while the check still looked for it (or the other way round): the guard makes that a failure."""
    ctx = next(p.values[0] for p in FACT_PARAMS if p.values[0]["stem"] == "socsam-2023-10-13-protokoll")
    fact = {"kind": "meeting", "place_contains": "Teams"}
    assert KINDS["meeting"](sample_store, _Fact(fact), ctx)
    required, optional = evaluate.CHECKS["meeting"]
    monkeypatch.setitem(evaluate.CHECKS, "meeting", (required, tuple(k for k in optional if k != "place_contains")))
    with pytest.raises(AssertionError, match="reads 'place_contains'"):
        KINDS["meeting"](sample_store, _Fact(fact), ctx)


def test_a_misspelt_key_in_a_sample_file_stops_the_tests(tmp_path):
    text = (SAMPLES / "socsam-2023-10-13-protokoll.expect.toml").read_text(encoding="utf-8")
    bad = tmp_path / "socsam-2023-10-13-protokoll.expect.toml"
    bad.write_text(text.replace('place_contains = "Teams"', 'plase_contains = "Teams"', 1), encoding="utf-8")
    with pytest.raises(evaluate.EvalError, match="meeting .*: okänd nyckel 'plase_contains'"):
        facts_of(evaluate.load_expectation(bad))


@pytest.mark.parametrize("ctx,polarity,fact,where", FACT_PARAMS)
def test_fact(sample_store, ctx, polarity, fact, where):
    rows = KINDS[fact["kind"]](sample_store, _Fact(fact), ctx)
    shown = {k: v for k, v in fact.items() if k != "xfail"}
    if polarity == "must":
        assert rows, f"{ctx['stem']} ({where}): expected in the graph but not found: {shown}"
    else:
        assert not rows, f"{ctx['stem']} ({where}): must not be in the graph but found: {shown}\n  -> {rows[:3]}"


# --------------------------------------------------------------------------- cross-document stories

def _saved(name: str):
    from graph.queries import saved_queries

    return next(q for q in saved_queries() if q.name == name)


def test_socsam_letter_on_psychiatry_moves_to_svom(sample_store):
    q = _saved("matters_between")
    rows = sample_store.records(q.text, {**q.params, "from": "SocSam", "to": "SVOM"})
    hits = [r for r in rows if "psykiatri" in (r["matter"] or "").lower()]
    assert hits, rows
    r = hits[0]
    assert r["from_date"] == "2023-03-24"
    assert r["to_date"] == "2023-10-13"
    assert (r["from_quote"] or "").strip() and (r["to_quote"] or "").strip()
    assert r["from_para"] == "21"


def test_reporting_chain_from_socsam_reaches_kommunforbundet(sample_store):
    q = _saved("reporting_chain")
    rows = sample_store.records(q.text, {**q.params, "body": "SocSam"})
    reached = {r["to_body"] for r in rows} | {r["body"] for r in rows}
    assert "Kommunförbundet Jämtland Härjedalen" in reached, rows
    assert all((r["quote"] or "").strip() for r in rows)


@pytest.mark.parametrize("group", ["Fredagsgruppen", "SamReKo HSI"])
def test_preparatory_groups_prepare_for_svom(sample_store, group):
    rows = sample_store.records("MATCH (a:Body)-[r:PREPARES_FOR]->(b:Body) WHERE (a.name = $a OR a.short = $a) "
                                "AND (b.short = 'SVOM' OR b.name = 'SVOM') RETURN r.quote AS quote", {"a": group})
    assert rows and all(r["quote"] for r in rows)


def test_abbreviated_name_resolves_to_the_full_person(sample_store):
    rows = sample_store.records("MATCH (p:Person) WHERE p.name CONTAINS 'Östlund' RETURN p.name AS name, "
                                "p.aliases AS aliases")
    assert [r["name"] for r in rows] == ["Maria Östlund"]
    assert "M. Östlund" in rows[0]["aliases"]
    # the utdrag's "M. Östlund" and the protocol's "Maria Östlund" are one node mentioned in both documents
    _, docs = sample_store.query("MATCH (p:Person {name: 'Maria Östlund'})-[:MENTIONED_IN]->(d:Document) "
                                 "RETURN DISTINCT d.id")
    assert {d for (d,) in docs} >= {"doc:socsam-2023-03-24-utdrag-p21", "doc:socsam-2023-10-13-protokoll"}


SOCSAM_ATTENDANCE = {
    # name: (party or None, municipality code or None, present?) -- as the attendance lists of 2023-10-13 say
    "Margareta Winberg": ("S", "2380", True), "Karin Sundin": ("S", "2326", True),
    "Bo-Göran Danielsson": ("C", "2305", True), "Anders Häggkvist": ("C", "2361", True),
    "Gunnel Persson Westin": ("S", "2309", True), "Ellen Eriksson": ("S", "2303", True),
    "Morgan Olsson": ("S", "2313", True), "Bianca Sandén": ("V", "2321", True),
    "Björn Sandal": ("S", "2380", True), "Stig Andersson": ("KD", "2380", True),
    "Anneli Valter": (None, "2305", True), "Anda Embretzen": (None, "2361", True),
    "Anna Berkestedt Jonsson": (None, "2309", True), "Håkan Wretling": (None, "2303", True),
    "Gudrun Öjbrandt": (None, "2313", True), "Henrik Lindström": (None, "2321", True),
    "Erik Fredriksson": (None, "2380", True), "Elin Ring": (None, None, True),
    "Martin Söderström": (None, None, True), "Liselott Åsberg": (None, "2380", True),
    "Karl-Erik Lundin": ("KD", "2303", False), "Daniel Danielsson": ("M", "2326", False),
    "Barbro Norberg": ("S", "2305", False), "Christer Nordkvist": ("S", "2361", False),
    "Andreas Karlsson": ("C", "2309", False), "Eskil Ehnberg": ("M", "2313", False),
    "Gabrielle Nyberg": ("M", "2321", False), "Lise Hjemgaard Svensson": (None, "2380", False),
    "Mats Danielsson": (None, "2326", False), "Maria Östlund": (None, "2326", False),
    "Ingrid Larsson": (None, "2326", False), "Malin Andersson": (None, "2321", False),
    "Ulrika Nyberg": (None, "2380", False), "Robert Brandt": (None, "2380", False),
}


@pytest.mark.parametrize("name", sorted(SOCSAM_ATTENDANCE), ids=_fold)
def test_socsam_attendance_lists(sample_store, name):
    party, code, present = SOCSAM_ATTENDANCE[name]
    rows = sample_store.records(
        "MATCH (b:Body {short: 'SocSam'})-[:HELD]->(m:Meeting {date: '2023-10-13'}) "
        "MATCH (p:Person {name: $name}) OPTIONAL MATCH (p)-[a:ATTENDED]->(m) OPTIONAL MATCH (p)-[x:ABSENT_FROM]->(m) "
        "RETURN p.party AS party, count(a) AS attended, count(x) AS absent", {"name": name})
    assert rows, f"{name} is not a Person"
    r = rows[0]
    assert r["party"] == party
    if present:
        assert r["attended"] >= 1
    else:
        assert r["absent"] >= 1 and r["attended"] == 0
    if code:
        _, reps = sample_store.query("MATCH (p:Person {name: $name})-[:REPRESENTS]->(mu:Municipality) "
                                     "RETURN mu.code", {"name": name})
        assert code in {c for (c,) in reps}


def test_socsam_paragraphs_45_to_57(sample_store):
    _, rows = sample_store.query(
        "MATCH (b:Body {short: 'SocSam'})-[:HELD]->(m:Meeting {date: '2023-10-13'})-[:HAS_ITEM]->(i:AgendaItem) "
        "OPTIONAL MATCH (i)-[:HAS_DECISION]->(d:Decision) RETURN i.number, i.title, count(d)")
    by_number = {n: (t, c) for n, t, c in rows}
    assert sorted(by_number, key=int) == [str(n) for n in range(45, 58)]
    for n, (title, decisions) in by_number.items():
        assert title
        if n == "57":  # "Inga övriga frågor lyfts." -- the paragraph records no decision
            assert decisions == 0
        else:
            assert decisions >= 1, f"§ {n} {title} has no decision"
