"""Search across the graph and the documents' text (`govgraph search`, the Sök page): what is searched, how Swedish
words are folded so that the forms of one word find each other, and how a hit is shown. Engine-neutral: the
embedded store keeps these entries in an SQLite FTS5 file beside its database (`graph/search_index.py`), Neo4j in
its own full-text indexes (`graph/neo4j_store.py`).

An *entry* is one thing a search can find: a node (body, person, role, matter, agenda item, decision, assignment,
agreement) with the quote and place of its first mention, or a *passage* of a document (a paragraph, cut at agenda
items, with its character span and the § it stands under). Every entry carries the bodies, municipalities and dates
a search can be narrowed by."""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

import networkx as nx
import snowballstemmer

from graph.model import GovgraphError

# what a search can ask for (--kind), and the label each stands for; a passage is a piece of a document's text
KINDS: dict[str, str | None] = {"body": "Body", "person": "Person", "role": "Role", "matter": "Matter",
                                "item": "AgendaItem", "decision": "Decision", "assignment": "Assignment",
                                "agreement": "Agreement", "passage": None}
KIND_OF_LABEL = {label: kind for kind, label in KINDS.items() if label}
KINDS_SV = {"body": "Organ", "person": "Person", "role": "Roll", "matter": "Ärende", "item": "Paragraf",
            "decision": "Beslut", "assignment": "Uppdrag", "agreement": "Avtal", "passage": "Textavsnitt"}

PASSAGE_MAX = 1200  # characters: a passage is paragraph-sized, so that its quote can be read in a result list
PASSAGE_MIN = 200  # shorter paragraphs under one heading are joined (a protocol writes one line per paragraph)

_WORD = re.compile(r"[^\W_]+")
_VOWELS = frozenset("aeiouyåäöéü")
_STEMMER = snowballstemmer.stemmer("swedish")
_ROOTS: dict[str, str] = {}


class SearchError(GovgraphError):
    """A search that cannot be run as written: the message says what was searched and what to write instead."""


def root(word: str) -> str:
    """The form a word is searched by: lower case, Snowball's Swedish stem, then from a long stem the derivational
    -isk, a definite -n after a vowel and a final vowel, so that 'psykiatrin', 'psykiatriska' and 'psykiatri' are
    one root ('psykiatr'). The same on both sides of a search, so it only has to be consistent, not a lemma."""
    r = _ROOTS.get(word)
    if r is None:
        w = word.lower()
        r = _STEMMER.stemWord(w) if not w.isdigit() else w
        if len(r) >= 8 and r.endswith("isk"):
            r = r[:-3]
        if len(r) >= 7 and r[-1] == "n" and r[-2] in _VOWELS:
            r = r[:-1]
        if len(r) >= 7 and r[-1] in _VOWELS and r[-2] not in _VOWELS:
            r = r[:-1]
        if len(_ROOTS) < 500_000:
            _ROOTS[word] = r
    return r


def words(text: str) -> list[str]:
    """A text's words as written (letters and digits)."""
    return _WORD.findall(text)


def municipality_key(m: str) -> str:
    """A municipality as a filter names it, folded: 'Östersunds kommun' and 'Östersund' are 'östersund'."""
    return re.sub(r"s? kommun$", "", m.casefold().strip())


def roots(text: str) -> list[str]:
    """The roots of a text's words, in order (a word seen before is one dict lookup: this runs over every word of
    every document when an index is built)."""
    known = _ROOTS.get
    return [known(w) or root(w) for w in _WORD.findall(text)]


def terms(query: str) -> list[str]:
    """The roots a query searches for, each once; a query of no words is a SearchError. Whatever else the user
    writes (quotes, AND, *, NEAR, parentheses) is not syntax: only words are searched for."""
    seen: dict[str, None] = {}
    for r in roots(query):
        seen.setdefault(r, None)
    if not seen:
        raise SearchError(f"Sökningen ”{query.strip()[:60]}” innehåller inga ord att söka efter; "
                          f"skriv ett eller flera ord, till exempel psykiatri")
    return list(seen)


def matches(word: str, wanted: list[str]) -> bool:
    """Whether a word of a text is one a search for these roots finds: a root is also a prefix ('psyk'), and a
    longer one also the part of a compound ('mottagning' in 'Ungdomsmottagningen')."""
    r = root(word)
    return any(r.startswith(t) or (len(t) >= 5 and t in r) for t in wanted)


def marked(text: str, wanted: list[str], before: str = "<mark>", after: str = "</mark>",
           escape: bool = True) -> str:
    """The text with the words a search found between before and after; escaped for HTML unless told not to."""
    out, last = [], 0
    esc = html.escape if escape else (lambda s: s)
    for m in _WORD.finditer(text):
        if matches(m.group(), wanted):
            out.append(esc(text[last:m.start()]) + before + esc(m.group()) + after)
            last = m.end()
    out.append(esc(text[last:]))
    return "".join(out)


def snippet(text: str, wanted: list[str], width: int = 280) -> str:
    """About width characters of a long text around its first found word."""
    if len(text) <= width:
        return text
    first = next((m.start() for m in _WORD.finditer(text) if matches(m.group(), wanted)), 0)
    start = max(0, first - width // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    cut = text.rfind(" ", start, end) if end < len(text) else end
    body = text[start:cut if cut > start else end].strip()
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


# ---------------------------------------------------------------- passages
_BREAK = re.compile(r"\n[ \t\f\r]*\n")
_SENTENCE_END = re.compile(r"[.!?:;]\s")


def passages(text: str, cuts: list[int] = ()) -> list[tuple[int, int]]:
    """The text in paragraph-sized passages, as (start, end) spans of the text as read: split at blank lines and at
    cuts (where an agenda item begins), a long paragraph at line ends or sentence ends (a PDF transcript or a
    copied web page has no blank lines), short paragraphs under one heading joined."""
    bounds = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    pieces: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:]):
        start = a
        for m in _BREAK.finditer(text, a, b):
            pieces.extend(_split_long(text, start, m.start()))
            start = m.end()
        pieces.extend(_split_long(text, start, b))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        s, e = _trimmed(text, s, e)
        if s >= e:
            continue
        if out:
            i = bisect.bisect_left(bounds, out[-1][1])
            item_between = i < len(bounds) and 0 < bounds[i] <= s
            if not item_between and e - out[-1][0] <= PASSAGE_MIN * 3 and \
                    min(e - s, out[-1][1] - out[-1][0]) < PASSAGE_MIN:
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def _split_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > PASSAGE_MAX:
        window = text[start:start + PASSAGE_MAX]
        at = window.rfind("\n", PASSAGE_MAX // 2)
        if at < 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(window, PASSAGE_MAX // 2)]
            at = ends[-1] - 1 if ends else window.rfind(" ", PASSAGE_MAX // 2)
        if at <= 0:
            at = PASSAGE_MAX
        yield start, start + at
        start += at
    yield start, end


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# ---------------------------------------------------------------- entries
@dataclass
class Entry:
    """One thing a search can find, with its provenance and what it can be narrowed by."""
    kind: str
    id: str  # the node's id, or for a passage its document's id and span: 'doc:x#120-480'
    title: str
    text: str  # what is searched besides the title (aliases, a decision's text, the passage itself)
    quote: str
    doc: str | None = None
    para: str | None = None
    start: int | None = None
    end: int | None = None
    bodies: list[str] = field(default_factory=list)  # body ids
    body_names: list[str] = field(default_factory=list)
    municipalities: list[str] = field(default_factory=list)  # kommunkoder and names
    date_min: str | None = None
    date_max: str | None = None

    def row(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "title": self.title, "quote": self.quote, "doc": self.doc,
                "para": self.para, "start": self.start, "end": self.end, "bodies": self.bodies,
                "body_names": self.body_names, "municipalities": self.municipalities, "date_min": self.date_min,
                "date_max": self.date_max}


# the searchable text of each kind of node besides its name
_NODE_TEXT = {"Body": ("short", "aliases"), "Person": ("aliases", "party", "party_name"), "Role": ("title",),
              "Matter": ("title", "dnr"), "AgendaItem": ("title", "dnr"), "Decision": ("text",),
              "Assignment": ("task",), "Agreement": ("period",)}


def entries(G: nx.MultiDiGraph) -> Iterator[Entry]:
    """Every entry of a graph: its nodes of the searched kinds, then its documents' passages."""
    nodes = G._node  # the graph's node dict: this runs once per node and relationship
    first: dict[str, tuple] = {}
    docs_of: dict[str, set[str]] = {}
    held, item_meeting, parent, presenters = {}, {}, {}, {}
    bodies_of: dict[str, set[str]] = {}
    concerns: dict[str, set[str]] = {}  # matter -> the items that handle it
    handles: dict[str, list[str]] = {}  # item -> the matters it handles
    munis_of: dict[str, set[str]] = {}
    item_starts: dict[str, list[tuple[int, str]]] = {}
    for u, v, d in G.edges(data=True):
        t = d["type"]
        if t == "MENTIONED_IN":
            docs_of.setdefault(u, set()).add(v)
            old = first.get(u)
            key = (nodes[v].get("date") or "9999", v, d.get("start") or 0)
            if old is None or key < old[0]:
                first[u] = (key, d)
            if nodes[u]["label"] == "AgendaItem" and d.get("start") is not None:
                number = nodes[u].get("number")  # the § as the item's own facts name it ('§ 14', '14', 'punkt 1')
                item_starts.setdefault(v, []).append((d["start"], d.get("para") or (f"§ {number}" if number else "")))
        elif t == "HELD":
            held[v] = u
        elif t == "HAS_ITEM":
            item_meeting[v] = u
        elif t in ("HAS_DECISION", "ASSIGNS"):
            parent.setdefault(v, u)
        elif t == "PRESENTED":
            presenters.setdefault(v, []).append(nodes[u].get("name") or "")
        elif t == "CONCERNS":
            concerns.setdefault(v, set()).add(u)
            handles.setdefault(u, []).append(v)
        elif t in ("MEMBER_OF", "REPRESENTS", "ROLE_IN", "ASSIGNED_TO") and nodes[v]["label"] == "Body":
            bodies_of.setdefault(u, set()).add(v)
        elif t == "PARTY_TO" and nodes[u]["label"] == "Body":
            bodies_of.setdefault(v, set()).add(u)
        elif t in ("REPRESENTS", "ROLE_IN", "PARTY_TO") and "Municipality" in (nodes[u]["label"], nodes[v]["label"]):
            m, other = (u, v) if nodes[u]["label"] == "Municipality" else (v, u)
            munis_of.setdefault(other, set()).add(m)
        elif t == "ATTENDED":
            bodies_of.setdefault(u, set()).add(v)  # the meeting: its body is found below
    doc_bodies: dict[str, set[str]] = {}
    for meeting, body in held.items():
        for doc in docs_of.get(meeting, ()):
            doc_bodies.setdefault(doc, set()).add(body)

    def item_of(n: str) -> str | None:
        while n in parent:
            n = parent[n]
        return n if nodes.get(n, {}).get("label") == "AgendaItem" else None

    def bodies(n: str, label: str) -> set[str]:
        if label == "Body":
            return {n}
        if label in ("AgendaItem", "Decision", "Assignment"):
            item = item_of(n) if label != "AgendaItem" else n
            out = {held[item_meeting[item]]} if item in item_meeting and item_meeting[item] in held else set()
            return out | {b for b in bodies_of.get(n, ()) if nodes[b]["label"] == "Body"}
        if label == "Matter":
            return {b for it in concerns.get(n, ()) for b in bodies(it, "AgendaItem")}
        out = set()
        for b in bodies_of.get(n, ()):
            if nodes[b]["label"] == "Meeting":
                if b in held:
                    out.add(held[b])
            else:
                out.add(b)
        return out

    muni_by_code = {d.get("code"): n for n, d in nodes.items() if d["label"] == "Municipality" and d.get("code")}

    def municipalities(n: str, bs: set[str]) -> list[str]:
        """Kommunkoder and names: a filter may name either."""
        ms = set(munis_of.get(n, ())) | {muni_by_code[c] for c in (nodes[b].get("municipality") for b in bs)
                                         if c in muni_by_code}
        return sorted({x for m in ms for x in (nodes[m].get("code"), nodes[m].get("name")) if x})

    def dates(n: str) -> list[str]:
        return sorted(d for d in (nodes[doc].get("date") for doc in docs_of.get(n, ())) if d)

    for n, d in nodes.items():
        label = d["label"]
        kind = KIND_OF_LABEL.get(label)
        if kind is None:
            continue
        title = str(d.get("name") or d.get("title") or n)
        extra = []
        for k in _NODE_TEXT.get(label, ()):
            v = d.get(k)
            if isinstance(v, list):
                extra.extend(str(x) for x in v)
            elif v and str(v) != title:
                extra.append(str(v))
        if label == "AgendaItem":  # the item is found by who spoke in it and by the matters it handles
            extra.extend(presenters.get(n, ()))
            extra.extend(str(nodes[m].get("title") or "") for m in handles.get(n, ()))
        bs = bodies(n, label)
        ds = dates(n)
        ev = first.get(n, (None, {}))[1]
        yield Entry(kind, n, title, " ".join(extra), ev.get("quote") or title, ev.get("doc"), ev.get("para"),
                    ev.get("start"), ev.get("end"), sorted(bs), sorted(_body_name(nodes[b]) for b in bs),
                    municipalities(n, bs), ds[0] if ds else None, ds[-1] if ds else None)
    for did, d in nodes.items():
        if d["label"] != "Document" or not d.get("text"):
            continue
        text = d["text"]
        starts = sorted(item_starts.get(did, ()))
        bs = doc_bodies.get(did, set())
        names = sorted(_body_name(nodes[b]) for b in bs)
        munis = municipalities(did, bs)
        date = d.get("date")
        heads = [s for s, _ in starts]
        i = 0
        para = None
        for s, e in passages(text, heads):
            while i < len(starts) and starts[i][0] <= s:
                para = starts[i][1] or None
                i += 1
            quote = text[s:e]
            yield Entry("passage", f"{did}#{s}-{e}", d.get("name") or did, quote, quote, did, para, s, e, sorted(bs),
                        names, munis, date, date)


def _body_name(d: dict) -> str:
    return d.get("short") or d.get("name") or d.get("id")


# ---------------------------------------------------------------- what a search asks
@dataclass
class Query:
    """A search: the user's text and what narrows it."""
    text: str
    kind: str | None = None
    body: str | None = None  # a body's id, name or short name
    municipality: str | None = None  # a kommunkod or a municipality's name
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 20

    def __post_init__(self):
        if self.kind is not None and self.kind not in KINDS:
            raise SearchError(f"--kind {self.kind}: okänt slag; välj bland {', '.join(KINDS)}")
        if self.limit < 1:
            raise SearchError(f"--limit {self.limit}: ange minst 1")
        for name in ("date_from", "date_to"):
            v = getattr(self, name)
            if v and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
                option = "--from" if name == "date_from" else "--to"
                raise SearchError(f"{option} {v}: skriv datumet som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ")

    @property
    def terms(self) -> list[str]:
        return terms(self.text)

    def keeps(self, row: dict[str, Any]) -> bool:
        """Whether a found entry passes the filters (the engines that cannot filter inside the index ask this)."""
        if self.kind and row["kind"] != self.kind:
            return False
        if self.body and not _names_body(self.body, row):
            return False
        if self.municipality and not _names_municipality(self.municipality, row):
            return False
        if self.date_from and (row.get("date_max") or "") < self.date_from:
            return False
        if self.date_to and (row.get("date_min") or "9999") > _last_day(self.date_to):
            return False
        return True


def _last_day(date: str) -> str:
    """The end of a period written as a year or a month, for comparison with full dates ('2024' covers 2024-12-31)."""
    return date + "-99" if len(date) == 7 else (date + "-99-99" if len(date) == 4 else date)


def _names_body(body: str, row: dict[str, Any]) -> bool:
    b = body.casefold()
    return any(b == x.casefold() for x in [*row.get("bodies", ()), *row.get("body_names", ())])


def _names_municipality(m: str, row: dict[str, Any]) -> bool:
    """A kommunkod ('2380'), a name ('Östersund') or the name with 'kommun' ('Östersunds kommun')."""
    m = municipality_key(m)
    return bool(m) and any(m == x.casefold() or x.casefold().startswith(m) for x in row.get("municipalities", ()))


def date_bounds(q: Query) -> tuple[str | None, str | None]:
    """The filter's dates as the index compares them."""
    return q.date_from, (_last_day(q.date_to) if q.date_to else None)


def no_hits(q: Query) -> str:
    """What an empty result says: what was searched, and how to search more broadly."""
    narrowed = [x for x, v in (("slag", q.kind), ("organ", q.body), ("kommun", q.municipality),
                                ("från", q.date_from), ("till", q.date_to)) if v]
    words = q.terms
    if narrowed:
        hint = f"ta bort filtren ({', '.join(narrowed)})"
    elif len(words) > 1:
        hint = "sök på färre ord"
    else:
        hint = f"sök på början av ordet, till exempel {words[0][:max(3, len(words[0]) - 3)]}"
    return f"Inget hittades för ”{q.text.strip()}” (söktes som {', '.join(words)}); {hint}."


# ---------------------------------------------------------------- Neo4j: its own full-text indexes
NEO4J_NODE_INDEX, NEO4J_TEXT_INDEX = "govgraph_search", "govgraph_text"
_NEO4J_PROPS = ("name", "title", "short", "text", "task", "dnr")


def neo4j_indexes() -> list[str]:
    """Neo4j's full-text indexes for search, with its Swedish analyzer: the searched kinds' names and texts, and
    the documents' text (whose passages are cut out after, as here)."""
    labels = "|".join(label for label in KINDS.values() if label)
    props = ", ".join(f"n.{p}" for p in _NEO4J_PROPS)
    config = "OPTIONS {indexConfig: {`fulltext.analyzer`: 'swedish'}}"
    return [f"CREATE FULLTEXT INDEX {NEO4J_NODE_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}] {config}",
            f"CREATE FULLTEXT INDEX {NEO4J_TEXT_INDEX} IF NOT EXISTS FOR (n:Document) ON EACH [n.text] {config}"]


def neo4j_query(q: Query) -> str:
    """The query string for Neo4j's full-text index: every word of the search required, as a word or the beginning
    of one, and nothing of the user's text as Lucene syntax (only letters and digits pass)."""
    return " AND ".join(f"({w.lower()} OR {w.lower()}*)" for w in words(q.text)) or '""'


NEO4J_NODES = f"""CALL db.index.fulltext.queryNodes('{NEO4J_NODE_INDEX}', $query, {{limit: $limit}})
YIELD node, score
CALL (node) {{
  OPTIONAL MATCH (node)-[m:MENTIONED_IN]->(d:Document)
  WITH m, d
  ORDER BY coalesce(d.date, '9999'), m.start
  RETURN collect({{doc: d.id, para: m.para, start: m.start, end: m.`end`, quote: m.quote}})[0] AS first,
         min(d.date) AS date_min, max(d.date) AS date_max
}}
RETURN node.id AS id, labels(node)[0] AS label, coalesce(node.name, node.title, node.id) AS title, score, first,
       date_min, date_max,
       COLLECT {{
         MATCH (b:Body)-[:HELD]->(:Meeting)-[:HAS_ITEM]->(i:AgendaItem)-[:HAS_DECISION|ASSIGNS|CONCERNS*0..1]->(node)
         RETURN b.id
         UNION
         MATCH (node)-[:MEMBER_OF|REPRESENTS|ROLE_IN|ASSIGNED_TO]->(b:Body)
         RETURN b.id
         UNION
         MATCH (node)-[:ATTENDED]->(:Meeting)<-[:HELD]-(b:Body)
         RETURN b.id
         UNION
         MATCH (b:Body)-[:PARTY_TO]->(node)
         RETURN b.id
       }} AS bodies
ORDER BY score DESC"""

NEO4J_DOCUMENTS = f"""CALL db.index.fulltext.queryNodes('{NEO4J_TEXT_INDEX}', $query, {{limit: $limit}})
YIELD node, score
RETURN node.id AS id, node.name AS name, node.text AS text, node.date AS date, score,
       COLLECT {{
         MATCH (i:AgendaItem)-[m:MENTIONED_IN]->(node)
         RETURN [m.start, coalesce(m.para, '§ ' + i.number)]
       }} AS items,
       COLLECT {{
         MATCH (b:Body)-[:HELD]->(:Meeting)-[:MENTIONED_IN]->(node)
         RETURN DISTINCT b.id
       }} AS bodies
ORDER BY score DESC"""

NEO4J_BODIES = """MATCH (b:Body)
WHERE b.id IN $ids
OPTIONAL MATCH (b)-[:BELONGS_TO]->(m:Municipality)
RETURN b.id AS id, coalesce(b.short, b.name) AS name, collect(m.code) + collect(m.name) AS municipalities"""


def neo4j_hits(q: Query, nodes: list[dict[str, Any]], documents: list[dict[str, Any]],
               bodies: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows Neo4j's indexes gave as the entries graph/search_index.py gives, filtered and best first: nodes as
    their index ranked them, then the passages of the documents found that hold every word."""
    wanted = q.terms
    out = []

    def place(ids: list[str]) -> dict[str, Any]:
        ids = sorted(set(ids))
        return {"bodies": ids, "body_names": sorted(bodies[b]["name"] for b in ids if b in bodies),
                "municipalities": sorted({m for b in ids if b in bodies for m in bodies[b]["municipalities"] if m})}

    for r in nodes:
        first = r.get("first") or {}
        kind = KIND_OF_LABEL.get(r["label"])
        if kind is None:
            continue
        bs = [r["id"]] if kind == "body" else r.get("bodies") or []
        out.append({"kind": kind, "id": r["id"], "title": r["title"], "quote": first.get("quote") or r["title"],
                    "context": None,
                    "doc": first.get("doc"), "para": first.get("para"), "start": first.get("start"),
                    "end": first.get("end"), "date_min": r.get("date_min"), "date_max": r.get("date_max"),
                    "score": round(float(r["score"]), 3), **place(bs)})
    for r in documents:
        text = r.get("text") or ""
        items = sorted((s, para) for s, para in (r.get("items") or []) if s is not None)
        heads = [s for s, _ in items]
        i, para = 0, None
        for s, e in passages(text, heads):
            while i < len(items) and items[i][0] <= s:
                para = items[i][1]
                i += 1
            found = [m for m in _WORD.finditer(text, s, e) if matches(m.group(), wanted)]
            if not found or not all(any(matches(m.group(), [t]) for m in found) for t in wanted):
                continue
            out.append({"kind": "passage", "id": f"{r['id']}#{s}-{e}", "title": r.get("name") or r["id"],
                        "quote": text[s:e], "context": None, "doc": r["id"], "para": para, "start": s, "end": e,
                        "date_min": r.get("date"), "date_max": r.get("date"),
                        "score": round(float(r["score"]) * len(found) / 10, 3), **place(r.get("bodies") or [])})
    out = [h for h in out if q.keeps(h)]
    out.sort(key=lambda h: -h["score"])
    return out[:q.limit]
