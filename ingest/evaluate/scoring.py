"""Scoring the graph against the expectations: when a found fact matches an expected one, and precision and
recall per kind."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

import networkx as nx

from ingest.evaluate.expectations import KINDS, LABELS, Expectation, _as_list
from ingest.evaluate.facts import Fact, GraphFacts, _short, norm, norm_number
from ingest.extract.names import split_title


def _quote_ok(e: dict, f: Fact) -> bool:
    return "quote" not in e or norm(e["quote"]) in norm(f.quote)


def _eq(a: Any, b: Any) -> bool:
    return a is not None and b is not None and norm(a) == norm(b)


def _title_ok(want: Any, got: Any) -> bool:
    """'verksamhetschef' for 'verksamhetschef IFO': a title matches when one is the other with a unit added, as
    written or with its abbreviations written out as titles.csv does ('tf verksamhetschef' = 'tillförordnad
    verksamhetschef', '1:e vice ordf' = '1:e vice ordförande')."""
    if want is None or got is None:
        return False
    for a, b in ((norm(want), norm(got)), (_title_written_out(want), _title_written_out(got))):
        if a == b or a.startswith(b + " ") or b.startswith(a + " "):
            return True
    return False


def _title_written_out(s: Any) -> str:
    title, rest = split_title(str(s))
    return norm(f"{title} {rest or ''}") if title else norm(s)


def _body_form(s: str) -> str:
    """A body's name without case, punctuation, party marks or its genitive and plural endings: the form in which
    a real document's gold names a body ('SVOM:s' ~ 'SVOM', 'Bergs kommun' ~ 'Berg kommun')."""
    s = re.sub(r"\((?:s|m|c|v|kd|l|mp|sd|fp)\)", " ", norm(s))
    s = " ".join(re.sub(r"[–—\-:,.()\"'«»]", " ", s).split())
    return re.sub(r"s\b", "", s)


def _body_like(want: str, name: str) -> bool:
    a, b = _body_form(want), _body_form(name)
    return bool(a and b) and (a == b or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a))


def _names_hit(want: str | tuple[str, ...], names: set[str]) -> bool:
    """A name written in an expectation file is one of the node's names. A gold file's body is a tuple of its name
    and aliases, matched as the real-minutes scorer does: one contains the other, genitive and case aside."""
    if isinstance(want, tuple):
        return any(_body_like(w, n) for w in want for n in names)
    return norm(want) in names


def _role_ok(e: dict, f: Fact) -> bool:
    """The attendance role; 'närvarande' (a real document's list of those present) is any role of one present."""
    if e.get("role") == "närvarande":
        return not f.fields["absent"]
    if e.get("role") == "ej närvarande":
        return f.fields["absent"]
    if bool(e.get("absent", False)) != f.fields["absent"]:
        return False
    return _eq(e.get("role"), f.fields["role"]) or norm(e.get("role")) in ROLE_ALSO.get(norm(f.fields["role"]), ())


STRICT: dict[str, Callable[[dict, Fact], bool]] = {
    "attendance": lambda e, f: (_eq(e.get("person"), f.fields["person"]) and _eq(e.get("role"), f.fields["role"])
                                and bool(e.get("absent", False)) == f.fields["absent"]),
}
# A role the graph records that a gold file also writes as another: a member under "Ledamöter" decides
# (beslutande), and a serving substitute is both an ersättare and among those who decide.
ROLE_ALSO = {"ledamot": ("beslutande",), "tjänstgörande ersättare": ("ersättare", "beslutande")}


def _words(s: Any) -> set[str]:
    return {w for w in re.findall(r"\w+", norm(s or "")) if len(w) > 2}


def _similar(a: Any, b: Any) -> bool:
    """Two item titles that share most of their words (a title copied with a line's break or a number cut)."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _item_ok(e: dict, f: Fact) -> bool:
    return "item" not in e or (f.fields.get("item") is not None
                               and norm_number(e["item"]) == norm_number(f.fields["item"]))


def _item_like(e: dict, f: Fact) -> bool:
    """An item by its number, else by its title's words; a gold item whose text shows neither (a web page's bullet)
    pairs with any item left over, as the real-minutes scorer pairs them by count."""
    if e.get("blank"):
        return True
    if ("number" in e or "title_like" not in e) and norm_number(e.get("number", "")) != norm_number(f.fields["number"] or ""):
        return False
    return (("title" not in e or _eq(e["title"], f.fields["title"]))
            and ("title_like" not in e or _similar(e["title_like"], f.fields["title"]))
            and ("dnr" not in e or _eq(e["dnr"], f.fields["dnr"])))


def _place_ok(label: tuple[str, str, str], place: tuple[set[str], str | None, str | None]) -> bool:
    body, date, number = label
    bodies, fdate, fnumber = place
    return date == fdate and fnumber is not None and number == norm_number(fnumber) and norm(body) in bodies


MATCH: dict[str, Callable[[dict, Fact], bool]] = {
    "persons": lambda e, f: _eq(e.get("name"), f.fields["name"]),
    "party": lambda e, f: _eq(e.get("name"), f.fields["name"]) and _eq(e.get("party"), f.fields["party"]),
    "titles": lambda e, f: _eq(e.get("person"), f.fields["person"]) and _title_ok(e.get("title"), f.fields["title"]),
    "attendance": lambda e, f: _eq(e.get("person"), f.fields["person"]) and _role_ok(e, f),
    "bodies": lambda e, f: _names_hit(e["name"], f.fields["names"]),
    "municipalities": lambda e, f: str(e["code"]) == str(f.fields["code"]),
    "meetings": lambda e, f: e.get("date") == f.fields["date"] and _names_hit(e.get("body", ""), f.fields["names"]),
    "items": lambda e, f: _item_like(e, f),
    "decisions": lambda e, f: _item_ok(e, f) and norm(e.get("text", "")) in norm(f.fields["text"] or ""),
    "assignments": lambda e, f: (_item_ok(e, f)
                                 and all(_names_hit(t, f.fields["to"]) for t in _as_list(e.get("to")))
                                 and ("task" not in e or norm(e["task"]) in norm(f.fields["task"] or ""))
                                 and ("due" not in e or str(f.fields["due"] or "").startswith(str(e["due"])))),
    "referrals": lambda e, f: _item_ok(e, f) and _names_hit(e.get("to", ""), f.fields["names"]),
    "flows": lambda e, f: _names_hit(e.get("to", ""), f.fields["names"]),
    "relations": lambda e, f: (e.get("type") == f.fields["type"] and _names_hit(e.get("from", ""), f.fields["from_names"])
                               and _names_hit(e.get("to", ""), f.fields["to_names"])),
    "agreements": lambda e, f: (norm(e.get("name", "")) in norm(f.fields["name"] or "")
                                and all(_names_hit(p, f.fields["parties"]) for p in _as_list(e.get("parties")))),
    "matters": lambda e, f: ((_place_ok(e["a"], f.fields["a"]) and _place_ok(e["b"], f.fields["b"]))
                             or (_place_ok(e["a"], f.fields["b"]) and _place_ok(e["b"], f.fields["a"]))),
}


def _expected_text(kind: str, e: dict) -> str:
    if kind == "matters":
        return " ~ ".join(f"{a} {b} §{c}" for a, b, c in (e["a"], e["b"]))
    return ", ".join(f"{k}={_short(v)}" for k, v in e.items())


@dataclass
class Score:
    kind: str
    expected: int = 0
    found: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)


# Kinds where one found fact answers every expected one it matches: a flow is found when an edge reaches its target
# body, however many flows the gold sends there (as the real-minutes scorer counts them).
SHARED = ("flows",)


def _shared(kind: str, e: dict) -> bool:
    """Whether a found fact that answered one expected entry may answer this one too: a flow (above), and a gold
    file's "närvarande" beside a person's other role at the same meeting -- being there is what any role of one
    present already says."""
    return kind in SHARED or (kind == "attendance" and e.get("role") == "närvarande")


def _match(kind: str, expected: list[dict], found: list[Fact], score: Score, doc_name: str) -> None:
    used = [False] * len(found)
    hits: list[int | None] = [None] * len(expected)
    # exact matches first, so that a lenient one (a role written another way) never takes a fact an exact one needs
    for pred in dict.fromkeys((STRICT.get(kind, MATCH[kind]), MATCH[kind])):
        for j, e in enumerate(expected):
            if hits[j] is None:
                hits[j] = next((i for i, f in enumerate(found) if (_shared(kind, e) or not used[i]) and pred(e, f)
                                and _quote_ok(e, f)), None)
                if hits[j] is not None:
                    used[hits[j]] = True
    for e, hit in zip(expected, hits):
        if hit is None:
            score.fn += 1
            score.misses.append(f"{doc_name}: {_expected_text(kind, e)}")
        else:
            score.tp += 1
    for i, f in enumerate(found):
        if not used[i]:
            score.fp += 1
            score.false.append(f"{doc_name}: {f.show()}")


@dataclass
class Report:
    scores: dict[str, Score]
    thresholds: dict[str, dict[str, float]]
    documents: list[str]
    unscored: list[str]
    failed: list[str]
    provenance_errors: list[str]

    def failing(self) -> list[str]:
        out = []
        for kind, s in self.scores.items():
            t = self.thresholds.get(kind, {})
            for what, value in (("precision", s.precision), ("recall", s.recall), ("f1", s.f1)):
                if what in t and value is not None and value < t[what]:
                    out.append(f"{LABELS[kind]}: {what} {value:.3f} < {t[what]}")
        if self.provenance_errors:
            out.append(f"{len(self.provenance_errors)} fakta med citat som inte stämmer med texten")
        return out

    def to_dict(self) -> dict:
        return {"documents": self.documents, "unscored": self.unscored, "failed": self.failed,
                "provenance_errors": self.provenance_errors, "failing": self.failing(),
                "kinds": {k: {"expected": s.expected, "found": s.found, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                              "precision": s.precision, "recall": s.recall, "f1": s.f1,
                              "thresholds": self.thresholds.get(k, {}), "misses": s.misses,
                              "false_positives": s.false}
                          for k, s in self.scores.items()}}


def evaluate(G: nx.MultiDiGraph, expectations: dict[str, Expectation],
             thresholds: dict[str, dict[str, float]]) -> Report:
    facts = GraphFacts(G)
    doc_by_name = {d.get("name"): n for n, d in G.nodes(data=True) if d["label"] == "Document"}
    scores = {k: Score(k) for k in KINDS}
    matter_docs = set()
    matter_expected: list[dict] = []
    seen_links: set = set()
    for name, ex in sorted(expectations.items()):
        did = doc_by_name.get(name)
        if did is None:
            continue
        for kind, expected in ex.kinds.items():
            if kind == "matters":
                matter_docs.add(did)
                for e in expected:
                    key = frozenset([e["a"], e["b"]])
                    if key not in seen_links:
                        seen_links.add(key)
                        matter_expected.append(e)
                continue
            found = facts.found(kind, did)
            if kind == "party":  # scored for the persons whose party the file gives (or says is not written)
                given = {norm(p["name"]) for p in ex.kinds.get("persons", []) if "party" in p} | \
                        {norm(p["name"]) for p in expected}
                found = [f for f in found if norm(f.fields["name"]) in given]
            scores[kind].expected += len(expected)
            scores[kind].found += len(found)
            _match(kind, expected, found, scores[kind], name)
        for e in ex.forbidden:
            kind = e["kind"]
            if kind in ex.kinds:
                continue  # a complete list already counts every fact beyond it
            probe = {k: v for k, v in e.items() if k != "kind"}
            if kind == "bodies" and "name" not in probe:
                continue
            for f in facts.found(kind, did):
                if MATCH[kind](probe, f):
                    scores[kind].fp += 1
                    scores[kind].found += 1
                    scores[kind].false.append(f"{name}: (not) {f.show()}")
    if matter_docs:
        links = facts.matter_links(matter_docs)
        s = scores["matters"]
        s.expected += len(matter_expected)
        s.found += len(links)
        _match("matters", matter_expected, links, s, "korpus")
    scored = [n for n in expectations if n in doc_by_name]
    return Report({k: s for k, s in scores.items() if s.expected or s.found}, thresholds, sorted(scored),
                  sorted(set(doc_by_name) - set(scored)), [], provenance_errors(G, {doc_by_name[n] for n in scored}))


def provenance_errors(G: nx.MultiDiGraph, docs: set[str]) -> list[str]:
    """Facts of the documents whose quote is not exactly the document's text between start and end."""
    out = []
    texts = {d: G.nodes[d].get("text") or "" for d in docs}
    for u, v, e in G.edges(data=True):
        d = e.get("doc")
        if d not in texts:
            continue
        if texts[d][e.get("start", 0):e.get("end", 0)] != e.get("quote"):
            out.append(f"{G.nodes[d].get('name')}: {e['type']} {u} -> {v} [{e.get('start')}-{e.get('end')}]")
    return out
