"""The review dossier: one per body, and one for the whole structure, as Markdown and HTML.

A dossier is a list of sections of lines; every line carries the facts it rests on (document, §, character span
and quote), rendered as numbered notes. The text is what the graph says; where the graph has nothing, the
section says so instead of guessing.
"""
from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph import explore
from graph.explore import PROV, STRUCTURE_RELS
from graph.store_api import Store
from graph.text import sentences

MANDATE_RE = re.compile(r"(?i)\b(mandat(?!period)\w*|ansvarar för|ansvar för|har till uppgift|uppgift(en)? är|syfte[nt]?|"
                        r"syftar|ska (?:verka|bereda|samordna|arbeta|följa|ansvara|vara)|bereder|samordnar|"
                        r"reglemente\w*|arbetsordning\w*|styrdokument\w*|sammansättning\w*|består av)\b")
PLANNED_RE = re.compile(r"(?i)\b(nästa (?:möte|sammanträde|träff)|kommande (?:möte|sammanträde)n?|mötesdatum|"
                        r"sammanträdesdatum för|mötesplan\w*|sammanträdesplan\w*|planerade möten|mötestider|"
                        r"sammanträdestider)\b")
DATE_OR_YEAR = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2} (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*", re.I)
SUPPORT_RE = re.compile(r"(?i)sekreterare|protokollförare|strateg|samordnare|handläggare|utredare|processledare|"
                        r"kansli|nämndsekreterare")
LIST_BODIES = 'se `govgraph query "MATCH (b:Body) RETURN b.id, b.name"`'


@dataclass(frozen=True)
class Source:
    doc: str
    name: str
    para: str | None
    start: int
    end: int
    quote: str


@dataclass
class Line:
    text: str
    sources: list[Source] = field(default_factory=list)


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    empty: str = "Inget i grafen."


@dataclass
class Dossier:
    title: str
    subtitle: str
    sections: list[Section]


class _Docs:
    """Document names and, when asked, texts, read once per dossier."""

    def __init__(self, store: Store):
        self.store = store
        self.meta = {r["id"]: r for r in store.records(
            "MATCH (d:Document) RETURN d.id AS id, d.name AS name, d.path AS path, d.date AS date")}
        self._text: dict[str, str] = {}

    def source(self, r: dict[str, Any], doc_key="doc", start="start", stop="stop", quote="quote",
               para="para") -> Source | None:
        if not r.get(doc_key) or r.get(start) is None or not r.get(quote):
            return None
        name = self.meta.get(r[doc_key], {}).get("name") or r[doc_key]
        return Source(r[doc_key], name, r.get(para), int(r[start]), int(r[stop]), r[quote])

    def sources(self, rows: list[dict[str, Any]], **kw) -> list[Source]:
        return list(dict.fromkeys(s for s in (self.source(r, **kw) for r in rows) if s))

    def text(self, did: str) -> str:
        if did not in self._text:
            rows = self.store.records("MATCH (d:Document {id: $id}) RETURN d.text AS t", {"id": did})
            self._text[did] = rows[0]["t"] if rows else ""
        return self._text[did]


def _sentences(docs: _Docs, dids: list[str], names: list[str], pattern: re.Pattern, limit: int = 8) -> list[Line]:
    """Sentences of these documents that name the body and match the pattern, each its own source."""
    name_re = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n), re.I) \
        if any(names) else None
    out, seen = [], set()
    for did in dids:
        text = docs.text(did)
        for a, b in sentences(text):
            raw = text[a:b]
            sentence = raw.strip()
            if len(sentence) < 20 or not pattern.search(sentence) or (name_re and not name_re.search(sentence)):
                continue
            if pattern is PLANNED_RE and not DATE_OR_YEAR.search(sentence):  # a planned date says when
                continue
            key = re.sub(r"\W+", " ", sentence.lower())
            if key in seen:
                continue
            seen.add(key)
            start = a + (len(raw) - len(raw.lstrip()))
            src = Source(did, docs.meta.get(did, {}).get("name") or did, None, start, start + len(sentence), sentence)
            out.append(Line(f"”{sentence}”", [src]))
            if len(out) >= limit:
                return out
    return out


def find_body(store: Store, name: str) -> str:
    """A body's id from its id, short name or name (any case); one clear message when none or several match."""
    from graph.model import GovgraphError
    from graph.redirects import follow

    rows = store.records("MATCH (b:Body) RETURN b.id AS id, b.name AS name, b.short AS short, "
                         "b.municipality AS municipality")
    want = follow(store, name.strip()).lower()  # an id a later merge retired finds the body it joined
    hits = [r for r in rows if want == r["id"].lower()] or \
        [r for r in rows if want in ((r["short"] or "").lower(), (r["name"] or "").lower())]
    if len(hits) == 1:
        return hits[0]["id"]
    if not hits:
        near = [r for r in rows if want in (r["name"] or "").lower() or want in (r["short"] or "").lower()]
        hint = f"; menar du {', '.join(r['id'] for r in near[:5])}?" if near else "; " + LIST_BODIES
        raise GovgraphError(f"{name}: inget organ heter så{hint}")
    raise GovgraphError(f"{name}: flera organ heter så ({', '.join(r['id'] for r in hits[:8])}); ange id:t")


def body_dossier(store: Store, bid: str, as_of: str | None = None) -> Dossier:
    """The review brief of one body: mandate and composition as the documents state them, members by
    municipality, party and role, meetings per year and planned dates, reporting and preparation paths, matters
    that passed through it, open assignments, and who supports it administratively."""
    docs = _Docs(store)
    b = explore.body(store, bid)
    head = b["body"]
    if head is None:
        from graph.model import GovgraphError

        raise GovgraphError(f"{bid}: inget organ med det id:t; " + LIST_BODIES)
    names = [head.get("name"), head.get("short"), *(head.get("aliases") or [])]
    mentioned = [r["doc"] for r in store.records(
        "MATCH (b:Body {id: $id})-[r:MENTIONED_IN]->(d:Document) RETURN DISTINCT d.id AS doc ORDER BY doc",
        {"id": bid})]
    sections = [Section("Uppdrag och sammansättning enligt texten",
                        _sentences(docs, mentioned, [n for n in names if n], MANDATE_RE),
                        "Dokumenten beskriver inte organets uppdrag med egna ord.")]

    members = b["members"]
    comp = Section("Ledamöter per kommun, parti och roll")
    for key, title in (("kommuner", "kommun"), ("parti", "parti"), ("roll", "roll")):
        groups: dict[str, list[dict]] = defaultdict(list)
        for m in members:
            vals = m[key] if isinstance(m[key], list) else [m[key]]
            for v in (vals or [None]):
                groups[v or "(okänd)"].append(m)
        for value, rows in sorted(groups.items(), key=lambda kv: (-len({r["person_id"] for r in kv[1]}), kv[0])):
            persons = sorted({r["person"] for r in rows})
            comp.lines.append(Line(f"{title.capitalize()} {value}: {len(persons)} – {', '.join(persons)}",
                                   docs.sources(rows)))
    sections.append(comp)

    meetings = Section("Möten per år och planerade datum")
    by_year: dict[str, list[dict]] = defaultdict(list)
    for m in b["meetings"]:
        by_year[(m.get("datum") or "okänt år")[:4]].append(m)
    for year, rows in sorted(by_year.items()):
        dates = ", ".join(r["datum"] or "datum okänt" for r in rows)
        meetings.lines.append(Line(f"{year}: {_n(len(rows), 'möte', 'möten')} ({dates})", docs.sources(rows)))
    # planned dates: in the body's own minutes as they stand, elsewhere only where the body is named
    own = list(dict.fromkeys(m["doc"] for m in b["meetings"] if m.get("doc")))
    planned = _sentences(docs, own, [], PLANNED_RE, limit=6) + \
        _sentences(docs, [d for d in mentioned if d not in own], [n for n in names if n], PLANNED_RE, limit=4)
    meetings.lines += [Line("Planerat: " + ln.text, ln.sources) for ln in planned]
    sections.append(meetings)

    paths = Section("Rapporterings- och beredningsvägar")
    for r in b["up"]:
        paths.lines.append(Line(f"{head.get('short') or head['name']} {r['relation']} {r['organ']}", docs.sources([r])))
    for r in b["down"]:
        paths.lines.append(Line(f"{r['organ']} {r['relation']} {head.get('short') or head['name']}", docs.sources([r])))
    sections.append(paths)

    matters = Section("Ärenden som passerat organet")
    rows = store.records(
        "MATCH (b:Body {id: $id})-[:HELD]->(m:Meeting)-[:HAS_ITEM]->(i:AgendaItem)-[r:CONCERNS]->(mt:Matter) "
        f"RETURN mt.id AS matter, mt.title AS title, m.date AS date, i.number AS number, {PROV} "
        "ORDER BY date, matter", {"id": bid})
    by_matter: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_matter[r["matter"]].append(r)
    for mid, rs in by_matter.items():
        others = store.records(
            "MATCH (mt:Matter {id: $id})<-[:CONCERNS]-(:AgendaItem)<-[:HAS_ITEM]-(:Meeting)<-[:HELD]-(o:Body) "
            "WHERE o.id <> $body RETURN DISTINCT o.name AS name ORDER BY name", {"id": mid, "body": bid})
        via = f"; även hos {', '.join(o['name'] for o in others)}" if others else ""
        when = ", ".join(f"{r['date'] or '?'} § {r['number'] or '?'}" for r in rs)
        matters.lines.append(Line(f"{rs[0]['title']} ({when}{via})", docs.sources(rs)))
    sections.append(matters)

    given = {r["id"] for r in store.records(
        "MATCH (b:Body {id: $id})-[:HELD]->(:Meeting)-[:HAS_ITEM]->(i:AgendaItem)-[:ASSIGNS]->(a:Assignment) "
        "RETURN a.id AS id UNION MATCH (b:Body {id: $id})-[:HELD]->(:Meeting)-[:HAS_ITEM]->(:AgendaItem)"
        "-[:HAS_DECISION]->(:Decision)-[:ASSIGNS]->(a:Assignment) RETURN a.id AS id "
        "UNION MATCH (a:Assignment)-[:ASSIGNED_TO]->(b:Body {id: $id}) RETURN a.id AS id", {"id": bid})}
    register = [r for r in explore.assignment_register(store, as_of) if r["id"] in given]
    assignments = Section("Öppna uppdrag", empty="Inga öppna uppdrag.")
    for r in register:
        if r["status"] != "öppen":
            continue
        who = ", ".join(r["assigned_to"]) or "ingen namngiven"
        due = f", förfaller {r['due']}" + (" (förfallet)" if r["overdue"] else "") if r["due"] else ""
        age = f", {r['age_days']} dagar" if r["age_days"] is not None else ""
        assignments.lines.append(Line(f"{r['task']} – till {who}, givet {r['given'] or '?'}{due}{age}",
                                      docs.sources([r])))
    closed = [r for r in register if r["status"] != "öppen"]
    for r in closed:
        assignments.lines.append(Line(f"Återrapporterat {r['reported']}: {r['task']}",
                                      docs.sources([r]) + docs.sources([r], doc_key="reported_doc",
                                                                         start="reported_start",
                                                                         stop="reported_stop",
                                                                         quote="reported_quote",
                                                                         para="reported_para")))
    sections.append(assignments)
    sections.append(_support(store, docs, bid, len(b["meetings"])))
    sections.append(_overlaps_of(store, docs, bid))
    kind = f"{head.get('kind')}" if head.get("kind") else "organ"
    for sec in sections:
        sec.lines = _merged(sec.lines)
    return Dossier(f"{head['name']}" + (f" ({head['short']})" if head.get("short") else ""),
                   f"Underlag för översynen · {kind} · "
                   f"{_n(len({m['person_id'] for m in members}), 'ledamot eller ersättare', 'ledamöter och ersättare')} · {_n(len(b['meetings']), 'möte', 'möten')} i grafen", sections)


def _overlaps_of(store: Store, docs: _Docs, bid: str) -> Section:
    """The bodies this one shares members with, and whether the two look like parallel structures."""
    section = Section("Överlapp med andra organ", empty="Organet delar inga ledamöter med andra organ i grafen.")
    ov = explore.overlaps(store)
    pairs = [r for r in ov["pairs"] if bid in (r["a"], r["b"])]
    facts: dict[tuple[str, str], list[dict]] = defaultdict(list)
    ids = sorted({bid} | {r["a"] for r in pairs} | {r["b"] for r in pairs})
    for r in store.records(f"MATCH (p:Person)-[r:MEMBER_OF]->(b:Body) WHERE b.id IN $ids "
                           f"RETURN p.name AS person, b.id AS body, {PROV}", {"ids": ids}) if pairs else []:
        facts[(r["person"], r["body"])].append(r)
    for r in pairs:
        other = r["b"] if r["a"] == bid else r["a"]
        rows = [f for p in r["persons"] for key in ((p, bid), (p, other)) for f in facts.get(key, [])]
        flag = " – möjlig parallell struktur" if r["parallel"] else ""
        section.lines.append(Line(f"{explore.body_label(ov, other)}: {_n(r['shared'], 'gemensam person', 'gemensamma personer')} "
                                  f"({', '.join(r['persons'])}), vikt {r['weight']}, likhet {r['similarity']:.0%}{flag}",
                                  docs.sources(rows)))
    return section


def _support(store: Store, docs: _Docs, bid: str, n_meetings: int) -> Section:
    """Who supports the body administratively (secretaries, strategists, coordinators at its meetings or in a
    role in it) and how many of its meetings, and of all bodies' meetings, each serves."""
    section = Section("Administrativt stöd", empty="Grafen visar ingen sekreterare eller strateg för organet.")
    here = store.records(
        "MATCH (b:Body {id: $id})-[:HELD]->(m:Meeting)<-[r:ATTENDED]-(p:Person) "
        f"RETURN p.id AS person_id, p.name AS person, r.role AS role, m.id AS meeting, {PROV}", {"id": bid})
    held = store.records(
        "MATCH (p:Person)-[r:HOLDS]->(ro:Role)-[:ROLE_IN]->(b:Body {id: $id}) "
        f"RETURN p.id AS person_id, p.name AS person, ro.title AS role, {PROV}", {"id": bid})
    support: dict[str, dict[str, Any]] = {}
    for r in here + held:
        if r["role"] and SUPPORT_RE.search(r["role"]):
            s = support.setdefault(r["person_id"], {"name": r["person"], "roles": set(), "meetings": set(), "rows": []})
            s["roles"].add(r["role"])
            if r.get("meeting"):
                s["meetings"].add(r["meeting"])
            s["rows"].append(r)
    for pid, s in sorted(support.items(), key=lambda kv: (-len(kv[1]["meetings"]), kv[1]["name"])):
        everywhere = store.records(
            "MATCH (p:Person {id: $id})-[r:ATTENDED]->(m:Meeting)<-[:HELD]-(o:Body) "
            "RETURN r.role AS role, m.id AS meeting, o.name AS body", {"id": pid})
        served = [r for r in everywhere if r["role"] and SUPPORT_RE.search(r["role"])]
        bodies = sorted({r["body"] for r in served})
        total = len({r["meeting"] for r in served})
        section.lines.append(Line(
            f"{s['name']} ({', '.join(sorted(s['roles']))}): {len(s['meetings'])} av organets "
            f"{_n(n_meetings, 'möte', 'möten')}"
            + (f"; stöd vid {_n(total, 'möte', 'möten')} i {len(bodies)} organ ({', '.join(bodies)})" if total else ""),
            docs.sources(s["rows"])))
    return section


def structure_dossier(store: Store, as_of: str | None = None) -> Dossier:
    """The whole structure: bodies with their members and meetings, the reporting and preparation paths,
    possible parallel structures, open assignments and the administrative support of each body."""
    docs = _Docs(store)
    munis = {r["id"]: r["m"] for r in store.records(
        "MATCH (b:Body)-[:BELONGS_TO]->(m:Municipality) RETURN b.id AS id, min(m.name) AS m")}
    bodies = store.records(
        "MATCH (b:Body)-[r:HELD]->(m:Meeting) RETURN b.id AS id, b.name AS name, b.short AS short, "
        f"count(DISTINCT m) AS meetings, collect({{doc: r.doc, para: r.para, start: r.start, stop: r.`end`, "
        f"quote: r.quote}}) AS facts ORDER BY meetings DESC, name")

    def label(bid: str, name: str, short: str | None = None) -> str:  # same-named bodies stay apart
        muni = munis.get(bid)
        base = name + (f" ({short})" if short and short != name else "")
        return f"{base}, {muni}" if muni and muni.split()[0] not in base else base

    listing = Section("Organ med möten i underlaget")
    for r in bodies:
        listing.lines.append(Line(f"{label(r['id'], r['name'], r.get('short'))}: "
                                  f"{_n(r['meetings'], 'möte', 'möten')}", docs.sources(r["facts"])))
    paths = Section("Rapporterings- och beredningsvägar")
    for rel, wording in STRUCTURE_RELS.items():
        for r in store.records(f"MATCH (a:Body)-[r:{rel}]->(b:Body) RETURN a.id AS a_id, a.name AS from_body, "
                               f"b.id AS b_id, b.name AS to_body, {PROV} ORDER BY from_body, to_body"):
            paths.lines.append(Line(f"{label(r['a_id'], r['from_body'])} {wording} {label(r['b_id'], r['to_body'])}",
                                    docs.sources([r])))
    overlap = Section("Överlapp och möjliga parallella strukturer", empty="Inga organ delar ledamöter.")
    ov = explore.overlaps(store)
    member_facts = {}
    for r in store.records(f"MATCH (p:Person)-[r:MEMBER_OF]->(b:Body) RETURN p.name AS person, b.id AS body, {PROV}"):
        member_facts.setdefault((r["person"], r["body"]), []).append(r)
    for r in ov["pairs"][:25]:
        facts = [f for p in r["persons"] for key in ((p, r["a"]), (p, r["b"])) for f in member_facts.get(key, [])]
        flag = "Möjlig parallell struktur: " if r["parallel"] else ""
        overlap.lines.append(Line(
            f"{flag}{explore.body_label(ov, r['a'])} och {explore.body_label(ov, r['b'])}: {r['shared']} gemensamma "
            f"({', '.join(r['persons'])}), vikt {r['weight']}, likhet {r['similarity']:.0%}", docs.sources(facts)))
    register = [r for r in explore.assignment_register(store, as_of) if r["status"] == "öppen"]
    open_ = Section("Öppna uppdrag, äldst först", empty="Inga öppna uppdrag.")
    for r in register:
        age = f", {r['age_days']} dagar" if r["age_days"] is not None else ""
        open_.lines.append(Line(f"{r['body'] or '?'}: {r['task']} – till {', '.join(r['assigned_to']) or '?'}"
                                f"{age}" + (" (förfallet)" if r["overdue"] else ""), docs.sources([r])))
    support = Section("Administrativt stöd per organ", empty="Grafen visar inget administrativt stöd.")
    for r in bodies:
        s = _support(store, docs, r["id"], r["meetings"])
        for ln in s.lines:
            support.lines.append(Line(f"{label(r['id'], r.get('short') or r['name'])}: {ln.text}", ln.sources))
    for sec in (paths, overlap, open_, support):  # the listing keeps one line per body, names alike or not
        sec.lines = _merged(sec.lines)
    counts = Counter(len(ln.sources) > 0 for s in (listing, paths, overlap, open_, support) for ln in s.lines)
    return Dossier("Samverkansstrukturen", f"Underlag för översynen · {len(bodies)} organ med möten · "
                                          f"{sum(counts.values())} påståenden med källa",
                   [listing, paths, overlap, open_, support])


# ---------------------------------------------------------------- rendering
def _merged(lines: list[Line]) -> list[Line]:
    """Lines that say the same thing (the same fact read in three places) as one line with all its sources."""
    out: dict[str, Line] = {}
    for ln in lines:
        if ln.text in out:
            out[ln.text].sources += [s for s in ln.sources if s not in out[ln.text].sources]
        else:
            out[ln.text] = Line(ln.text, list(ln.sources))
    return list(out.values())


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def numbered(d: Dossier) -> tuple[dict[Source, int], list[Source]]:
    """Each source's note number, in the order the lines first cite it, and the sources in that order."""
    order: dict[Source, int] = {}
    for s in d.sections:
        for ln in s.lines:
            for src in ln.sources:
                order.setdefault(src, len(order) + 1)
    return order, list(order)


def _where(src: Source) -> str:
    para = f", {src.para}" if src.para else ""
    return f"{src.name}{para}, tecken {src.start}–{src.end}"


def to_markdown(d: Dossier) -> str:
    order, notes = numbered(d)
    out = [f"# {md_text(d.title)}", "", f"*{md_text(d.subtitle)}*", ""]
    for s in d.sections:
        out += [f"## {md_text(s.title)}", ""]
        if not s.lines:
            out += [f"_{s.empty}_", ""]
            continue
        for ln in s.lines:
            refs = "".join(f"[^{order[src]}]" for src in ln.sources)
            out.append(f"- {md_text(ln.text)}{refs}")
        out.append("")
    if notes:
        out += ["## Källor", ""]
        for i, src in enumerate(notes, 1):
            out.append(f"[^{i}]: {md_text(_where(src))}: ”{md_text(' '.join(src.quote.split()))}”")
    return "\n".join(out) + "\n"


def md_text(text: str) -> str:
    """Text from documents as Markdown text, not markup (the explorer renders lines with it too)."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def to_html(d: Dossier, source_link=None) -> str:
    """A self-contained page. source_link(src) may give a URL for a source (the explorer's source page)."""
    order, notes = numbered(d)
    e = html.escape
    parts = ["<!doctype html>", "<html lang='sv'><head><meta charset='utf-8'>", f"<title>{e(d.title)}</title>",
             "<style>body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;"
             "line-height:1.45;color:#222}h1{margin-bottom:.2rem}.sub{color:#666}sup a{text-decoration:none}"
             "li{margin:.25rem 0}.empty{color:#888;font-style:italic}ol.notes{font-size:.85rem;color:#444}"
             "</style></head><body>", f"<h1>{e(d.title)}</h1>", f"<p class='sub'>{e(d.subtitle)}</p>"]
    for s in d.sections:
        parts.append(f"<h2>{e(s.title)}</h2>")
        if not s.lines:
            parts.append(f"<p class='empty'>{e(s.empty)}</p>")
            continue
        parts.append("<ul>")
        for ln in s.lines:
            refs = "".join(f"<sup><a href='#k{order[src]}'>[{order[src]}]</a></sup>" for src in ln.sources)
            parts.append(f"<li>{e(ln.text)}{refs}</li>")
        parts.append("</ul>")
    if notes:
        parts.append("<h2>Källor</h2><ol class='notes'>")
        for i, src in enumerate(notes, 1):
            where = e(_where(src))
            if source_link:
                where = f"<a href='{e(source_link(src))}'>{where}</a>"
            parts.append(f"<li id='k{i}'>{where}: ”{e(' '.join(src.quote.split()))}”</li>")
        parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
