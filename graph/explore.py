"""What the explorer shows, read from the store: one function per view, each returning plain rows (lists of
dicts) or a networkx graph. The Streamlit app only renders these; nothing here knows about Streamlit.

Every fact row carries its provenance (doc, para, start, end, quote) so the app can link to the source."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph import schema
from graph.queries import saved_queries
from graph.redirects import follow
from graph.search import Query
from graph.store_api import Store

# Relations between bodies the structure view draws, with their Swedish wording.
STRUCTURE_RELS = {"REPORTS_TO": "rapporterar till", "PREPARES_FOR": "bereder åt", "PART_OF": "är en del av",
                  "SUCCEEDED": "efterträdde"}
PROV = "r.doc AS doc, r.para AS para, r.start AS start, r.`end` AS stop, r.quote AS quote, r.curated AS curated"


def _type_fn(store: Store) -> str:
    """The function that names a relationship's type: label(r) on the embedded engine, type(r) on Neo4j."""
    return "type" if store.dialect == "neo4j" else "label"


def saved(name: str) -> str:
    return {q.name: q for q in saved_queries()}[name].text


# ---------------------------------------------------------------- overview
def counts(store: Store) -> dict[str, int]:
    out = {}
    for n in schema.NODES:
        rows = store.records(f"MATCH (n:{n.label}) RETURN count(n) AS n")
        out[n.label] = int(rows[0]["n"]) if rows else 0
    return out


def search(store: Store, text: str, kind: str | None = None, body: str | None = None,
           municipality: str | None = None, date_from: str | None = None, date_to: str | None = None,
           limit: int = 100) -> list[dict[str, Any]]:
    """What a search finds (graph/search.py), best first; a SearchError says what to write instead."""
    return store.search(Query(text, kind=kind, body=body, municipality=municipality, date_from=date_from,
                              date_to=date_to, limit=limit))


def documents(store: Store) -> list[dict[str, Any]]:
    return store.records("MATCH (d:Document) RETURN d.id AS id, d.name AS dokument, d.date AS datum, d.body AS organ, "
                         "d.kind AS typ, d.chars AS tecken, size(d.warnings) AS varningar ORDER BY datum, dokument")


def warnings(store: Store) -> list[dict[str, Any]]:
    return store.records("MATCH (d:Document) UNWIND d.warnings AS w RETURN d.name AS dokument, w AS varning "
                         "ORDER BY dokument")


def most_connected(store: Store, label: str, limit: int = 10) -> list[dict[str, Any]]:
    if label not in schema.NODE_LABELS:  # a label cannot be a parameter: only the schema's are written in
        raise ValueError(f"okänd etikett {label!r}")
    return store.records(f"MATCH (n:{label})-[r]-() WHERE {_type_fn(store)}(r) <> 'MENTIONED_IN' "
                         f"RETURN n.id AS id, n.name AS namn, count(r) AS kopplingar "
                         f"ORDER BY kopplingar DESC, namn LIMIT {int(limit)}")


# ---------------------------------------------------------------- assignments
def _day(value: str | None, last: bool = False):
    """A date from '2024-06-30', '2024-06' or '2024' (the last day of the month or year when last is set)."""
    import calendar
    import datetime as dt

    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
        d = int(parts[2]) if len(parts) > 2 else (calendar.monthrange(y, m)[1] if last else 1)
        return dt.date(y, m, d)
    except (ValueError, IndexError):
        return None


def assignment_register(store: Store, as_of: str | None = None) -> list[dict[str, Any]]:
    """Every assignment (the saved query assignment_register) with its age in days: open ones from the day it
    was given to as_of (default today), reported ones until the meeting that reported back; overdue when open
    past its due date. Open ones first, the oldest first."""
    import datetime as dt

    today = _day(as_of) or dt.date.today()
    rows = store.records(saved("assignment_register"))
    for r in rows:
        given, reported, due = _day(r.get("given")), _day(r.get("reported")), _day(r.get("due"), last=True)
        end = reported if r["status"] != "öppen" and reported else today
        r["age_days"] = (end - given).days if given else None
        r["overdue"] = bool(r["status"] == "öppen" and due and due < today)
    rows.sort(key=lambda r: (r["status"] != "öppen", -(r["age_days"] or -1), r.get("given") or "", r["id"]))
    return rows


# ---------------------------------------------------------------- curation
def curated(store: Store) -> dict[str, list[dict[str, Any]]]:
    """What reviewers changed, as the graph now has it: merged or split nodes, and facts they added."""
    nodes = []
    for n in schema.NODES:
        if "curated" not in n.props:  # a Redirect is no reviewer's
            continue
        nodes += store.records(f"MATCH (n:{n.label}) WHERE n.curated IS NOT NULL "
                               f"RETURN '{n.label}' AS label, n.id AS id, n.name AS name, n.curated AS curated")
    t = _type_fn(store)
    facts = store.records(f"MATCH (a)-[r]->(b) WHERE r.curated IS NOT NULL RETURN {t}(r) AS type, a.name AS från, "
                          f"b.name AS till, {PROV}")
    return {"nodes": nodes, "facts": facts}


# ---------------------------------------------------------------- the structure over time
WINDOW_DAYS = 365  # a membership or role seen in a document lasts this long unless seen again or a period is stated


def _facts_in_time(store: Store) -> dict[str, list[dict[str, Any]]]:
    q = {
        "members": "MATCH (p:Person)-[r:MEMBER_OF]->(b:Body) RETURN p.id AS p, p.name AS person, b.id AS b, "
                   f"b.name AS body, r.role AS role, r.date AS date, r.valid_from AS valid_from, "
                   f"r.valid_to AS valid_to, {PROV}",
        "roles": "MATCH (p:Person)-[r:HOLDS]->(ro:Role) RETURN p.id AS p, p.name AS person, ro.id AS role_id, "
                 f"ro.name AS role, r.date AS date, r.valid_from AS valid_from, r.valid_to AS valid_to, {PROV}",
        "lines": " UNION ALL ".join(
            f"MATCH (a:Body)-[r:{rel}]->(b:Body) RETURN a.id AS a, a.name AS a_name, '{rel}' AS type, b.id AS b, "
            f"b.name AS b_name, r.date AS date, r.valid_from AS valid_from, r.valid_to AS valid_to, {PROV}"
            for rel in ("REPORTS_TO", "PREPARES_FOR", "PART_OF")),
        "succeeded": "MATCH (a:Body)-[r:SUCCEEDED]->(b:Body) RETURN a.id AS new, a.founded AS founded, b.id AS old, "
                     f"r.date AS date, {PROV}",
        "bodies": "MATCH (b:Body)-[r:MENTIONED_IN]->(d:Document) RETURN b.id AS b, b.name AS body, b.short AS short, "
                  f"b.founded AS founded, min(d.date) AS first_seen",
    }
    return {k: store.records(v) for k, v in q.items()}


def _started(f: dict[str, Any], day: str) -> bool:
    start = f.get("valid_from") or f.get("date")
    return bool(start) and start <= day  # '2023-02' <= '2023-02-01': a month or a year counts from its start


def _ended(f: dict[str, Any], day: str) -> bool:
    end = f.get("valid_to")
    return bool(end) and day[:len(end)] > end  # 'till och med 2024' lasts through 2024


def _recent(f: dict[str, Any], day: str) -> bool:
    """An observation (no stated start) still counts WINDOW_DAYS after the document that made it."""
    if f.get("valid_from"):
        return True
    seen, at = _day(f.get("date")), _day(day)
    return bool(seen and at) and (at - seen).days <= WINDOW_DAYS


def structure_at(store: Store, day: str, facts: dict | None = None) -> dict[str, dict]:
    """The structure as of a day: bodies seen by then and not succeeded, members and role holders seen within a
    year before it (or in a period the text states), and reporting, preparation and part-of lines stated by
    then and not ended. Each entry keeps the facts it rests on."""
    facts = facts or _facts_in_time(store)
    ended = {}
    for r in facts["succeeded"]:
        when = r.get("founded") or r.get("date")
        if when and when <= day:
            ended[r["old"]] = r
    out: dict[str, dict] = {"bodies": {}, "members": {}, "roles": {}, "lines": {}}
    for r in facts["bodies"]:
        seen = r.get("founded") or r.get("first_seen")
        if seen and seen <= day and r["b"] not in ended:
            out["bodies"][r["b"]] = {"name": r["body"], "short": r.get("short"), "facts": []}
    for key, rows, ident in (("members", facts["members"], lambda r: (r["p"], r["b"], r["role"] or "ledamot")),
                             ("roles", facts["roles"], lambda r: (r["p"], r["role_id"])),
                             ("lines", facts["lines"], lambda r: (r["a"], r["type"], r["b"]))):
        for r in rows:
            if not _started(r, day) or _ended(r, day) or (key != "lines" and not _recent(r, day)):
                continue
            entry = out[key].setdefault(ident(r), {"row": r, "facts": []})
            entry["facts"].append(r)
    return out


def structure_diff(store: Store, before: str, after: str) -> dict[str, dict[str, list]]:
    """What changed between two days: bodies that appeared or ended, members and roles that came or went,
    reporting lines that were added or removed; each with the facts that show it."""
    facts = _facts_in_time(store)
    a, b = structure_at(store, before, facts), structure_at(store, after, facts)
    return {kind: {"added": [b[kind][k] | {"key": k} for k in sorted(set(b[kind]) - set(a[kind]), key=str)],
                   "removed": [a[kind][k] | {"key": k} for k in sorted(set(a[kind]) - set(b[kind]), key=str)]}
            for kind in ("bodies", "members", "roles", "lines")}


CHANGE_TITLES = {"bodies": ("Organ som tillkommit", "Organ som upphört"),
                 "members": ("Nya ledamöter och roller i organ", "Ledamöter och roller som inte längre syns"),
                 "roles": ("Nya roller", "Roller som inte längre syns"),
                 "lines": ("Rapporterings- och beredningsvägar som tillkommit",
                           "Rapporterings- och beredningsvägar som upphört")}


def describe_change(kind: str, entry: dict[str, Any]) -> str:
    """One Swedish line for an entry of structure_diff."""
    r = entry.get("row") or {}
    if kind == "bodies":
        return entry["name"] + (f" ({entry['short']})" if entry.get("short") else "")
    if kind == "members":
        return f"{r['person']} – {r['role'] or 'ledamot'} i {r['body']}"
    if kind == "roles":
        return f"{r['person']} – {r['role']}"
    return f"{r['a_name']} {STRUCTURE_RELS.get(r['type'], r['type'])} {r['b_name']}"


# ---------------------------------------------------------------- overlaps
PARALLEL_SIMILARITY = 0.6  # share of the two bodies' members in common (Jaccard) that flags a parallel structure
PARALLEL_MIN_SHARED = 3


def overlaps(store: Store) -> dict[str, Any]:
    """Bodies that share members: every pair with its shared persons and role weight (the saved query
    body_overlap), each body's number of members, and the similarity of the two compositions (shared / all
    members of either); pairs at or above PARALLEL_SIMILARITY with at least PARALLEL_MIN_SHARED shared are
    flagged as possible parallel structures."""
    sizes = {r["id"]: r for r in store.records(
        "MATCH (p:Person)-[:MEMBER_OF]->(b:Body) OPTIONAL MATCH (b)-[:BELONGS_TO]->(m:Municipality) "
        "RETURN b.id AS id, b.name AS name, b.short AS short, min(m.name) AS municipality, "
        "count(DISTINCT p) AS members")}
    pairs = store.records(saved("body_overlap"))
    for r in pairs:
        na, nb = sizes[r["a"]]["members"], sizes[r["b"]]["members"]
        r["similarity"] = round(r["shared"] / max(1, na + nb - r["shared"]), 2)
        r["parallel"] = r["similarity"] >= PARALLEL_SIMILARITY and r["shared"] >= PARALLEL_MIN_SHARED
    return {"bodies": sizes, "pairs": pairs, "persons": store.records(saved("shared_members"))}


def body_label(ov: dict[str, Any], bid: str) -> str:
    """A body's short name with its municipality: "Socialnämnden (Bergs kommun)" and "Socialnämnden (Åre kommun)"
    stay two rows and columns."""
    d = ov["bodies"].get(bid, {})
    base = d.get("short") or d.get("name") or bid
    muni = d.get("municipality")
    return f"{base} ({muni})" if muni and muni.split()[0] not in base else base


def overlap_matrix(ov: dict[str, Any], value: str = "weight", limit: int = 30) -> list[dict[str, Any]]:
    """The body x body matrix as long rows (body_a, body_b, value), both directions, for a heatmap: the
    limit bodies with the most weight."""
    total: dict[str, int] = {}
    for r in ov["pairs"]:
        total[r["a"]] = total.get(r["a"], 0) + r["weight"]
        total[r["b"]] = total.get(r["b"], 0) + r["weight"]
    keep = set(sorted(total, key=lambda b: (-total[b], b))[:limit])

    def name(b: str) -> str:
        return body_label(ov, b)

    rows = []
    for r in ov["pairs"]:
        if r["a"] in keep and r["b"] in keep:
            rows.append({"organ_a": name(r["a"]), "organ_b": name(r["b"]), value: r[value], "delade": r["shared"]})
            rows.append({"organ_a": name(r["b"]), "organ_b": name(r["a"]), value: r[value], "delade": r["shared"]})
    return rows


# ---------------------------------------------------------------- structure
@dataclass
class Structure:
    graph: nx.MultiDiGraph  # bodies (and roles) as nodes; edges with type, wording and provenance
    dropped: int = 0  # edges left out by the filters


def structure(store: Store, kinds: list[str] | None = None, municipality: str | None = None,
              until: str | None = None) -> Structure:
    """The reporting and preparation structure between bodies. Filters: body kinds (either end), a
    municipality (bodies of it or with members representing it), and a date: the structure as of that day
    (facts from documents dated on or before it, or starting by then as the text states, and not ended)."""
    G = nx.MultiDiGraph()
    rows = []
    for rel in STRUCTURE_RELS:
        period = "r.valid_from AS valid_from, r.valid_to AS valid_to" if "valid_to" in schema.REL_BY_TYPE[rel].props \
            else "NULL AS valid_from, NULL AS valid_to"
        rows += store.records(
            f"MATCH (a:Body)-[r:{rel}]->(b:Body) OPTIONAL MATCH (d:Document) WHERE d.id = r.doc "
            f"RETURN a.id AS a, a.name AS a_name, a.short AS a_short, a.kind AS a_kind, a.municipality AS a_muni, "
            f"b.id AS b, b.name AS b_name, b.short AS b_short, b.kind AS b_kind, b.municipality AS b_muni, "
            f"'{rel}' AS type, d.date AS date, d.name AS doc_name, {period}, {PROV}")
    munis = _body_municipalities(store) if municipality else {}
    dropped = 0
    for r in rows:
        if kinds and r["a_kind"] not in kinds and r["b_kind"] not in kinds:
            dropped += 1
            continue
        if municipality and municipality not in munis.get(r["a"], set()) | munis.get(r["b"], set()):
            dropped += 1
            continue
        if until and ((r["valid_from"] or r["date"] or "") > until or _ended(r, until)):
            dropped += 1
            continue
        for end in ("a", "b"):
            G.add_node(r[end], name=r[f"{end}_name"], short=r[f"{end}_short"], kind=r[f"{end}_kind"], label="Body")
        G.add_edge(r["a"], r["b"], key=f"{r['type']}:{r['doc']}:{r['start']}", type=r["type"],
                   wording=STRUCTURE_RELS[r["type"]],
                   **{k: r[k] for k in ("doc", "doc_name", "para", "start", "stop", "quote", "date")})
    return Structure(G, dropped)


def _body_municipalities(store: Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in store.records("MATCH (b:Body)-[:BELONGS_TO]->(m:Municipality) RETURN b.id AS body, m.name AS muni"):
        out.setdefault(r["body"], set()).add(r["muni"])
    for r in store.records("MATCH (p:Person)-[:MEMBER_OF]->(b:Body), (p)-[:REPRESENTS]->(m:Municipality) "
                           "RETURN DISTINCT b.id AS body, m.name AS muni"):
        out.setdefault(r["body"], set()).add(r["muni"])
    return out


def body_kinds(store: Store) -> list[str]:
    return [r["k"] for r in store.records("MATCH (b:Body) WHERE b.kind IS NOT NULL RETURN DISTINCT b.kind AS k "
                                          "ORDER BY k")]


def municipalities(store: Store) -> list[str]:
    return [r["name"] for r in store.records("MATCH (m:Municipality) RETURN m.name AS name ORDER BY name")]


def chain_and_subtree(G: nx.MultiDiGraph, node: str) -> tuple[set[str], set[str]]:
    """Who a body answers to, all the way up (its chain), and what answers to it (its subtree).
    SUCCEEDED is history, not reporting: it is left out of both."""
    H = nx.DiGraph((a, b) for a, b, d in G.edges(data=True) if d["type"] != "SUCCEEDED")
    if node not in H:
        return set(), set()
    return nx.descendants(H, node), nx.ancestors(H, node)


# ---------------------------------------------------------------- matters
def bodies_with_meetings(store: Store) -> list[dict[str, Any]]:
    return store.records("MATCH (b:Body)-[:HELD]->(:Meeting) RETURN DISTINCT b.id AS id, b.name AS name, "
                         "b.short AS short ORDER BY name")


def matters_between(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    return store.records(saved("matters_between"), {"from": follow(store, a), "to": follow(store, b)})


def matters(store: Store) -> list[dict[str, Any]]:
    """Matters handled at two or more meetings (the ones with a trail), most steps first."""
    return store.records("MATCH (mt:Matter)<-[:CONCERNS]-(i:AgendaItem) WITH mt, count(DISTINCT i) AS steps "
                         "WHERE steps >= 2 RETURN mt.id AS id, mt.title AS title, mt.dnr AS dnr, steps "
                         "ORDER BY steps DESC, title")


def matter_trail(store: Store, matter_id: str) -> list[dict[str, Any]]:
    """Each step of a matter: the body, meeting date, §, the decisions and the referral, with quotes."""
    matter_id = follow(store, matter_id)  # a saved link to a matter a later merge renamed
    rows = store.records(
        "MATCH (mt:Matter {id: $id})<-[r:CONCERNS]-(i:AgendaItem)<-[:HAS_ITEM]-(m:Meeting)<-[:HELD]-(b:Body) "
        "OPTIONAL MATCH (i)-[:HAS_DECISION]->(d:Decision) "
        f"RETURN b.name AS body, m.date AS date, i.id AS item, i.number AS number, i.title AS title, r.step AS step, "
        f"collect(DISTINCT d.text) AS decisions, {PROV} ORDER BY date, number", {"id": matter_id})
    refs = store.records(
        "MATCH (mt:Matter {id: $id})<-[:CONCERNS]-(i:AgendaItem) "
        "MATCH (i)-[:HAS_DECISION*0..1]->(x)-[r:REFERRED_TO]->(to:Body) "
        f"RETURN DISTINCT i.id AS item, to.name AS to_body, r.verb AS verb, {PROV}", {"id": matter_id})
    by_item: dict[str, list] = {}
    for r in refs:
        by_item.setdefault(r["item"], []).append(r)
    for r in rows:
        r["referrals"] = by_item.get(r["item"], [])
    return rows


# ---------------------------------------------------------------- persons and bodies
def persons(store: Store) -> list[dict[str, Any]]:
    return store.records("MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.party AS party ORDER BY name")


def person(store: Store, pid: str) -> dict[str, Any]:
    q = {
        "roles": "MATCH (p:Person {id: $id})-[r:HOLDS]->(ro:Role) OPTIONAL MATCH (ro)-[:ROLE_IN]->(o) "
                 f"RETURN ro.title AS roll, o.name AS i, r.date AS datum, {PROV}",
        "bodies": "MATCH (p:Person {id: $id})-[r:MEMBER_OF]->(b:Body) "
                  f"RETURN b.id AS body_id, b.name AS organ, r.role AS roll, r.date AS datum, {PROV}",
        "municipalities": "MATCH (p:Person {id: $id})-[r:REPRESENTS]->(m) "
                          f"RETURN m.name AS för, r.date AS datum, {PROV}",
        "meetings": "MATCH (p:Person {id: $id})-[r:ATTENDED]->(m:Meeting) OPTIONAL MATCH (b:Body)-[:HELD]->(m) "
                    f"RETURN m.date AS datum, b.name AS organ, r.role AS roll, r.paras AS paragrafer, {PROV} "
                    "ORDER BY datum",
        "absent": "MATCH (p:Person {id: $id})-[r:ABSENT_FROM]->(m:Meeting) OPTIONAL MATCH (b:Body)-[:HELD]->(m) "
                  f"RETURN m.date AS datum, b.name AS organ, r.role AS roll, {PROV} ORDER BY datum",
        "presented": "MATCH (p:Person {id: $id})-[r:PRESENTED]->(i:AgendaItem)<-[:HAS_ITEM]-(m:Meeting) "
                     f"RETURN m.date AS datum, i.number AS paragraf, i.title AS rubrik, {PROV} ORDER BY datum",
        "assignments": "MATCH (a:Assignment)-[r:ASSIGNED_TO]->(p:Person {id: $id}) "
                       f"RETURN a.task AS uppdrag, a.due AS senast, {PROV}",
    }
    return _profile(store, pid, "person", "MATCH (p:Person {id: $id}) RETURN p.name AS name, p.party AS party, "
                                          "p.party_name AS party_name, p.aliases AS aliases, p.curated AS curated", q)


def _profile(store: Store, nid: str, key: str, head: str, sections: dict[str, str]) -> dict[str, Any]:
    """A page's head (one row or None) under key, and the rows of each section, all for the node nid."""
    nid = follow(store, nid)  # a saved link to a node a later merge renamed
    rows = store.records(head, {"id": nid})
    out: dict[str, Any] = {key: rows[0] if rows else None}
    for k, cypher in sections.items():
        out[k] = store.records(cypher, {"id": nid})
    return out


def bodies(store: Store) -> list[dict[str, Any]]:
    return store.records("MATCH (b:Body) RETURN b.id AS id, b.name AS name, b.short AS short, b.kind AS kind "
                         "ORDER BY name")


def body(store: Store, bid: str) -> dict[str, Any]:
    t, rels = _type_fn(store), "[" + ", ".join(f"'{r}'" for r in STRUCTURE_RELS) + "]"
    q = {
        "members": "MATCH (p:Person)-[r:MEMBER_OF]->(b:Body {id: $id}) "
                   "OPTIONAL MATCH (p)-[:REPRESENTS]->(m:Municipality) "
                   f"RETURN p.id AS person_id, p.name AS person, p.party AS parti, r.role AS roll, "
                   f"collect(DISTINCT m.name) AS kommuner, {PROV} ORDER BY roll, person",
        "meetings": "MATCH (b:Body {id: $id})-[r:HELD]->(m:Meeting) OPTIONAL MATCH (m)-[:HAS_ITEM]->(i:AgendaItem) "
                    f"RETURN m.date AS datum, m.title AS möte, count(DISTINCT i) AS paragrafer, {PROV} ORDER BY datum",
        "items": "MATCH (b:Body {id: $id})-[:HELD]->(m:Meeting)-[r:HAS_ITEM]->(i:AgendaItem) "
                 f"RETURN m.date AS datum, i.number AS paragraf, i.title AS rubrik, i.dnr AS dnr, {PROV} "
                 "ORDER BY datum, paragraf",
        "up": f"MATCH (b:Body {{id: $id}})-[r]->(o:Body) WHERE {t}(r) IN {rels} "
              f"RETURN {t}(r) AS relation, o.id AS body_id, o.name AS organ, {PROV}",
        "down": f"MATCH (o:Body)-[r]->(b:Body {{id: $id}}) WHERE {t}(r) IN {rels} "
                f"RETURN {t}(r) AS relation, o.id AS body_id, o.name AS organ, {PROV}",
        "roles": "MATCH (p:Person)-[r:HOLDS]->(ro:Role)-[:ROLE_IN]->(b:Body {id: $id}) "
                 f"RETURN ro.title AS roll, p.id AS person_id, p.name AS person, r.date AS datum, {PROV}",
    }
    out = _profile(store, bid, "body", "MATCH (b:Body {id: $id}) RETURN b.name AS name, b.short AS short, "
                                       "b.kind AS kind, b.aliases AS aliases, b.founded AS founded, "
                                       "b.curated AS curated", q)
    for r in out["up"] + out["down"]:
        r["relation"] = STRUCTURE_RELS.get(r["relation"], r["relation"])
    return out


def composition(members: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Members by municipality, party or role: each person counted once under each value they have (one person
    can be both ledamot and ordförande)."""
    values: dict[str, set[str]] = {}
    for m in members:
        vals = m[key] if isinstance(m[key], list) else [m[key]]
        values.setdefault(m["person_id"], set()).update(v or "(okänt)" for v in (vals or [None]))
    tally: dict[str, int] = {}
    for vals in values.values():
        if len(vals) > 1:
            vals.discard("(okänt)")
        for v in vals:
            tally[v] = tally.get(v, 0) + 1
    return [{key: k, "antal": n} for k, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))]


# ---------------------------------------------------------------- source
def document_text(store: Store, did: str) -> dict[str, Any] | None:
    rows = store.records("MATCH (d:Document {id: $id}) RETURN d.id AS id, d.name AS name, d.text AS text, "
                         "d.date AS date, d.body AS body", {"id": did})
    return rows[0] if rows else None


# ---------------------------------------------------------------- results as a graph
def result_graph(cols: list[str], rows: list[list[Any]]) -> nx.MultiDiGraph | None:
    """Nodes, relationships and paths in a query result as a graph; None when the result holds none."""
    G = nx.MultiDiGraph()
    rels = []

    def node(v: dict) -> str:
        key = v.get("_id") or v.get("id") or str(id(v))
        if key not in G:
            disp = schema.NODE_BY_LABEL.get(v.get("_label"))
            caption = v.get(disp.display) if disp else None
            G.add_node(key, label=v.get("_label"), name=caption or v.get("name") or key)
        return key

    def walk(v: Any) -> None:
        if isinstance(v, dict) and v.get("_path"):
            for n in v["nodes"]:
                walk(n)
            rels.extend(v["rels"])
        elif isinstance(v, dict) and "_label" in v:
            node(v)
        elif isinstance(v, dict) and "_type" in v:
            rels.append(v)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for row in rows:
        for v in row:
            walk(v)
    for r in rels:
        a, b = r.get("_src"), r.get("_dst")
        if a in G and b in G:
            G.add_edge(a, b, type=r.get("_type"), quote=r.get("quote"))
    return G if G.number_of_nodes() else None
