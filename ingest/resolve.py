"""Resolution across documents: one person, body, municipality and matter across spellings and files.

Extraction emits document-local mentions; this stage gives them stable ids, merges spellings with a reason
for every merge, links matters that travel between bodies, and builds the networkx graph.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rapidfuzz import fuzz

from graph import schema
from graph.model import NO_HINTS, DocExtraction, Evidence, Hints, Warning_, slug
from graph.text import genitive_forms, sentence_around
from ingest.dates import month_of, parse_one

STOP = {"mellan", "angående", "samt", "från", "till", "inom", "eller", "och", "för", "med", "som", "att", "den",
        "det", "denna", "detta", "skall", "ska", "kommer", "också", "även", "under", "efter", "inför", "avseende",
        "gällande", "punkten", "upp", "särskilt", "tas", "vid", "har", "hade", "sedan", "över", "läns", "länets"}
ABBREV = {"ang.": "angående", "ang": "angående", "bl.a.": "bland annat", "resp.": "respektive"}
LINK_THRESHOLD = 0.6
REVIEW_THRESHOLD = 0.3
NEXT_MEETINGS = 10  # how many of the receiving body's meetings after a referral may take the matter up


@dataclass
class Corpus:
    """Documents with their extractions, as the store keeps them."""
    docs: dict[str, dict] = field(default_factory=dict)  # doc id -> Document props (with text)
    extractions: dict[str, DocExtraction] = field(default_factory=dict)


class UnionFind:
    def __init__(self):
        self.parent: dict = {}
        self.reason: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.reason[(a, b)] = reason


_ABBREV_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(ABBREV, key=len, reverse=True))
                        + r")(?!\w)")
_STEM_WORD = re.compile(r"[a-zåäöé]{4,}")


def _stems(text: str) -> set[str]:
    """Content words cut to six letters ('kommunerna', 'kommuner' -> 'kommun'), abbreviations written out."""
    t = _ABBREV_RE.sub(lambda m: ABBREV[m.group()], text.lower())
    return {w[:6] for w in _STEM_WORD.findall(t) if w not in STOP}


# facts that hold at a time: dated by the document's meeting (observed), and given the period the text states
DATED = ("HOLDS", "MEMBER_OF", "REPRESENTS", "REPORTS_TO", "PREPARES_FOR", "PART_OF", "SUCCEEDED")
PERIODS = ("HOLDS", "MEMBER_OF", "REPRESENTS", "REPORTS_TO", "PREPARES_FOR", "PART_OF")
_WHEN = r"(?:den\s+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-zåäö]+\.?\s+\d{4}|[a-zåäö]+\s+\d{4}|\d{4})\b"
FROM_RE = re.compile(r"(?i)\b(?:från\s+och\s+med|fr\.\s?o\.\s?m\.?|from|med\s+start|från|sedan|fr\.?\s?o\.?\s?m)\s+"
                     + _WHEN)
TO_RE = re.compile(r"(?i)\b(?:till\s+och\s+med|t\.\s?o\.\s?m\.?|tom|fram\s+till|till\s+den|upphör\w*|avslutas|"
                   r"avslutades|läggs\s+ned|lades\s+ned)\s+(?:vid\s+|i\s+|den\s+|med\s+)?" + _WHEN)


def _when(text: str, last: bool = False) -> str | None:
    """'2024-01-01', '1 januari 2024', 'februari 2023' or '2024' as ISO text (a month or a year kept as such)."""
    iso = parse_one(text)
    if iso:
        return iso
    month = month_of(text)
    if month:
        return month
    m = re.fullmatch(r"(19|20)\d\d", text.strip())
    return m.group() if m else None


def stated_period(text: str, start: int, end: int, rule: str, date: str | None) -> dict[str, str]:
    """The start and end a text states for the fact at start:end: 'från och med 2024', 't.o.m. 2026-12-31',
    and for an election ('utsågs i februari 2023') the date it names."""
    sentence = sentence_around(text, start, end)
    out = {}
    m = FROM_RE.search(sentence)
    if m and (w := _when(m.group(1))):
        out["valid_from"] = w
    elif date and rule == "election":  # the election rule dates the fact by the month the text names
        out["valid_from"] = date
    m = TO_RE.search(sentence)
    if m and (w := _when(m.group(1))):
        out["valid_to"] = w
    return out


class Resolver:
    def __init__(self, corpus: Corpus):
        self.c = corpus
        self.G = nx.MultiDiGraph()
        self.warnings: list[Warning_] = []
        self.ids: dict[tuple[str, str], str] = {}  # (doc, local key) -> canonical id
        self.merges: list[str] = []
        self._meeting_cache: dict[str, tuple] = {}
        self.meeting_year: dict[str, int | None] = {}
        self._rep_cache: dict[str, dict] = {}
        self._person_ids: dict[str, list[str]] = {}  # full name -> person ids (one per municipality)
        self._matter_hints: dict[str, Hints] = {}  # matter id -> what its referral sentence adds
        self._items_by_day: dict[str, dict[str | None, list[str]]] = {}  # body -> meeting date -> its items
        self._belongs_to: dict[str, set[str]] = {}  # body -> the municipalities it belongs to (after the edges)

    # ------------------------------------------------------------ entry
    def run(self) -> nx.MultiDiGraph:
        for did, props in self.c.docs.items():
            self.G.add_node(did, **{**props, "label": "Document", "id": did})
            self.ids[(did, "doc")] = did
        self._municipalities()
        self._bodies()
        self._persons()
        self._meetings_and_rest()
        self._edges()
        self._link_matters()
        self._link_by_dnr()
        self._link_report_backs()
        return self.G

    def mentions(self, label: str):
        for did, x in self.c.extractions.items():
            for m in x.mentions:
                if m.label == label:
                    yield did, m

    def add_node(self, cid: str, label: str, props: dict) -> None:
        props = {k: v for k, v in props.items() if not k.startswith("_") and k in schema.NODE_BY_LABEL[label].props}
        if cid in self.G:
            node = self.G.nodes[cid]
            for k, v in props.items():
                if v not in (None, "", []) and node.get(k) in (None, "", []):
                    node[k] = v
        else:
            self.G.add_node(cid, **{**props, "label": label, "id": cid})

    # ------------------------------------------------------------ municipalities
    def _municipalities(self) -> None:
        for did, m in self.mentions("Municipality"):
            cid = f"municipality:{m.props['code']}"
            self.ids[(did, m.key)] = cid
            self.add_node(cid, "Municipality", m.props)

    # ------------------------------------------------------------ bodies
    def _bodies(self) -> None:
        uf = UnionFind()
        recs = [(did, m) for did, m in self.mentions("Body")]
        # an abbreviation used without definition counts only where another document defines it
        defined = {m.props["short"].lower() for _, m in recs if m.props.get("short") and not m.hints.candidate}
        recs = [(did, m) for did, m in recs if not m.hints.candidate or m.props["short"].lower() in defined]
        by_short: dict[str, tuple] = {}
        by_norm: dict[str, list] = defaultdict(list)
        for did, m in recs:
            node = (did, m.key)
            uf.find(node)
            norm = m.key.split(":", 1)[1]
            by_norm[norm].append(node)
            short = m.props.get("short")
            if short:
                key = short.lower()
                if key in by_short:
                    uf.union(by_short[key], node, f"samma förkortning {short}")
                else:
                    by_short[key] = node
        for norm, nodes in by_norm.items():
            for n in nodes[1:]:
                uf.union(nodes[0], n, "samma namn")
        # a bare abbreviation ('SVOM' in a referral) is the body that defines it
        for did, m in recs:
            name = m.props.get("name", "")
            if name.lower() in by_short:
                uf.union(by_short[name.lower()], (did, m.key), f"förkortningen {name}")
        # spellings: 'Fredaggruppen' / 'Fredagsgruppen'; 'Kommunförbundet Jämtland Härjedalens' (genitive);
        # 'Kommunförbundet J/H' (initials); a bare 'Kommunförbundet' when only one such body is known.
        norms = list(by_norm)
        # compare only names that begin alike (a spelling variant, a genitive and initials all keep the start):
        # pairwise over everything would grow with the square of the corpus
        blocks: dict[str, list[str]] = defaultdict(list)
        for n in norms:
            blocks[n[:4]].append(n)
        for block in blocks.values():
            for i, a in enumerate(block):
                qa = "@" in a
                for b in block[i + 1:]:
                    if ("@" in b) != qa or (qa and a.split("@")[1] != b.split("@")[1]):
                        continue
                    reason = _same_body(a.split("@")[0], b.split("@")[0])
                    if reason:
                        uf.union(by_norm[a][0], by_norm[b][0], reason)
        # a region's generic organ ('Regionstyrelsen' in Region Västerbotten's minutes) is the one another
        # document names with the region ('Region Västerbottens regionstyrelse')
        for n in norms:
            if "@region-" in n and "#" not in n:
                base, region = n.split("@", 1)
                for named in (f"{region}s-{base}", f"{region}-{base}"):
                    if named in by_norm:
                        uf.union(by_norm[named][0], by_norm[n][0], "regionens eget organ")
        by_first: dict[str, list[str]] = defaultdict(list)
        for n in norms:
            if "-" in n and "@" not in n and "#" not in n:
                by_first[n.split("-", 1)[0]].append(n)
        for stem in norms:
            if "-" in stem or "@" in stem or "#" in stem:
                continue
            longer = {uf.find(by_norm[n][0]) for n in by_first.get(stem, ())}
            if len(longer) == 1:
                uf.union(longer.pop(), by_norm[stem][0], "enda organet med det namnet")
        # an owned organ ('SocSam:s presidium', 'Sociala samrådsgruppens presidium') is one body per owner
        owned: dict = {}
        for did, m in recs:
            if m.hints.owner:
                k = (uf.find((did, m.hints.owner)), m.hints.organ)
                if k in owned:
                    uf.union(owned[k], (did, m.key), "samma organ hos samma ägare")
                else:
                    owned[k] = (did, m.key)
        groups: dict = defaultdict(list)
        for did, m in recs:
            groups[uf.find((did, m.key))].append((did, m))
        for _, members in groups.items():
            names = Counter(m.props["name"] for _, m in members)
            shorts = Counter(m.props["short"] for _, m in members if m.props.get("short"))
            short = shorts.most_common(1)[0][0] if shorts else None
            full = [n for n in names if not (short and n == short) and "/" not in n]
            # the name as a header or definition writes it, in its basic (not genitive) form
            def score(n):
                defined = sum(1 for _, m in members if m.props["name"] == n and m.evidence.rule in
                              ("abbreviation", "header", "manifest"))
                return (defined, not n.endswith("s") or n.endswith("ss"), n[:1].isupper(), names[n], len(n))
            name = max(full, key=score) if full else (short or members[0][1].props["name"])
            kinds = Counter(m.props.get("kind") for _, m in members if m.props.get("kind"))
            muni = next((m.props.get("municipality") for _, m in members if m.props.get("municipality")), None)
            region = next((m.hints.region for _, m in members if m.hints.region), None)
            base = slug(short or name)
            cid = f"body:{slug(self.G.nodes[f'municipality:{muni}']['name']) + '-' if muni and f'municipality:{muni}' in self.G else ''}{base}"
            if region and not muni and not base.startswith(region):  # 'body:region-uppsala-regionstyrelsen'
                cid = f"body:{region}-{base}"
            aliases = sorted({n for n in names if n != name} | ({short} if short and short != name else set()))
            self.add_node(cid, "Body", {"name": name, "short": short, "kind": kinds.most_common(1)[0][0]
                                        if kinds else "organ", "aliases": aliases, "municipality": muni,
                                        "founded": next((m.props["founded"] for _, m in members
                                                         if m.props.get("founded")), None)})
            for did, m in members:
                self.ids[(did, m.key)] = cid
            if len(names) > 1:
                self.merges.append(f"{cid}: {', '.join(sorted(names))}")
        # an owned organ is also known by every name of its owner: 'Sociala samrådsgruppens presidium' and
        # 'SocSam:s presidium' are one body and either name finds it
        for did, m in recs:
            if not m.hints.owner:
                continue
            cid, owner = self.ids.get((did, m.key)), self.ids.get((did, m.hints.owner))
            if not cid or not owner or owner not in self.G:
                continue
            o = self.G.nodes[owner]
            organ = m.hints.organ
            forms = {g + " " + organ for n in [o.get("name"), o.get("short"), *(o.get("aliases") or [])] if n
                     for g in genitive_forms(n)}
            node = self.G.nodes[cid]
            node["aliases"] = sorted((set(node.get("aliases") or []) | forms) - {node.get("name")})

    # ------------------------------------------------------------ persons
    def _persons(self) -> None:
        full: dict[str, list] = defaultdict(list)
        initials = []
        for did, m in self.mentions("Person"):
            name = m.props["name"]
            if re.match(r"^[A-ZÅÄÖ]\.\s?", name):
                initials.append((did, m))
            else:
                full[name].append((did, m))
        for name, all_recs in full.items():
            for cid, recs in self._same_name_groups(name, all_recs):
                self._person_node(cid, name, recs)
        # "M. Östlund": the full name with that initial and surname, in the same document first, then anywhere
        by_surname: dict[str, list[str]] = defaultdict(list)
        for n in full:
            by_surname[n.split()[-1]].append(n)
        for did, m in initials:
            name = m.props["name"]
            ini = name[0]
            surname = re.sub(r"^[A-ZÅÄÖ]\.\s?", "", name)

            def matches(n: str) -> bool:
                parts = n.split()
                return n.endswith(" " + surname) and parts[0][0] == ini

            pool = by_surname.get(surname.split()[-1], [])
            same_doc = {n for n in pool if matches(n) and any(d == did for d, _ in full[n])}
            cands = same_doc or {n for n in pool if matches(n)}
            if len(cands) == 1:
                target = cands.pop()
                cids = self._person_ids.get(target, [])
                here = [c for c in cids if any(self.ids.get((d, x.key)) == c for d, x in full[target] if d == did)]
                if len(cids) != 1 and len(here) != 1:
                    self.warnings.append(Warning_(did, f"{name} kunde inte lösas ({target} finns i flera kommuner); "
                                                       f"inget antogs", m.evidence.start, m.evidence.end,
                                                  m.evidence.para))
                    continue
                cid = cids[0] if len(cids) == 1 else here[0]
                self.ids[(did, m.key)] = cid
                node = self.G.nodes[cid]
                if name not in node["aliases"]:
                    node["aliases"] = node["aliases"] + [name]
                self.merges.append(f"{cid}: {name} = {target} (initial och efternamn"
                                   f"{' i samma dokument' if same_doc else ''})")
            else:
                why = "flera möjliga personer: " + ", ".join(sorted(cands)) if cands else "ingen person med det namnet"
                self.warnings.append(Warning_(did, f"{name} kunde inte lösas ({why}); inget antogs",
                                              m.evidence.start, m.evidence.end, m.evidence.para))

    def _person_node(self, cid: str, name: str, recs: list) -> None:
        parties = Counter(m.props.get("party") for _, m in recs if m.props.get("party"))
        party = parties.most_common(1)[0][0] if parties else None
        pname = next((m.props.get("party_name") for _, m in recs if m.props.get("party") == party), None)
        if len(parties) > 1:
            self.warnings.append(Warning_(recs[0][0], f"{name} står med flera partier: "
                                                      f"{', '.join(parties)}; {party} används"))
        self.add_node(cid, "Person", {"name": name, "party": party, "party_name": pname, "aliases": []})
        for did, m in recs:
            self.ids[(did, m.key)] = cid
        self._person_ids.setdefault(name, []).append(cid)
        docs = sorted({d for d, _ in recs})
        if len(docs) > 1:
            self.merges.append(f"{cid}: {name} i {len(docs)} dokument (samma fullständiga namn"
                               f"{', samma kommun' if '@' in cid else ''})")

    def _same_name_groups(self, name: str, recs: list) -> list[tuple[str, list]]:
        """One person per municipality: mentions of a name are one person unless they stand for different
        municipalities. A mention with no municipality joins the only group there is, or the one group whose
        party it shares; otherwise it stays a person of its own and a warning says so."""
        by_muni: dict[str, list] = defaultdict(list)
        loose = []
        for did, m in recs:
            code = self._person_municipality(did, m.key)
            (by_muni[code] if code else loose).append((did, m))
        base = "person:" + slug(name)
        if len(by_muni) <= 1:
            return self._split_by_party(name, base, recs)
        groups = {code: list(rs) for code, rs in sorted(by_muni.items())}
        rest = []
        for did, m in loose:
            party = m.props.get("party")
            fits = [c for c, rs in groups.items() if party and any(x.props.get("party") == party for _, x in rs)]
            if len(fits) == 1:
                groups[fits[0]].append((did, m))
            else:
                rest.append((did, m))
                self.warnings.append(Warning_(did, f"{name} finns i flera kommuner ({', '.join(groups)}); "
                                                   f"det här omnämnandet kunde inte knytas till någon av dem",
                                              m.evidence.start, m.evidence.end, m.evidence.para))
        out = [(f"{base}@{code}", rs) for code, rs in groups.items()]
        if rest:
            out.append((base, rest))
        self.merges.append(f"{base}: {name} hålls isär som {len(groups)} personer (olika kommuner: "
                           f"{', '.join(groups)})")
        return out

    def _split_by_party(self, name: str, base: str, recs: list) -> list[tuple[str, list]]:
        """Mentions of one name in one municipality (or none) that carry different parties are different people
        ("Daniel Danielsson (M)" and "Daniel Danielsson (KD)"); a mention without a party joins the group of the
        party its own document gives that name, or the largest group."""
        parties = {m.props.get("party") for _, m in recs if m.props.get("party")}
        if len(parties) <= 1:
            return [(base, recs)]
        groups: dict[str, list] = {p: [] for p in sorted(parties)}
        for did, m in recs:
            if m.props.get("party"):
                groups[m.props["party"]].append((did, m))
        for did, m in recs:
            if not m.props.get("party"):
                same_doc = [p for p, rs in groups.items() if any(d == did for d, _ in rs)]
                target = same_doc[0] if len(same_doc) == 1 else max(groups, key=lambda p: len(groups[p]))
                groups[target].append((did, m))
        self.merges.append(f"{base}: {name} hålls isär som {len(groups)} personer (olika partier: "
                           f"{', '.join(groups)})")
        return [(f"{base}~{slug(p)}", rs) for p, rs in groups.items()]

    def _person_municipality(self, did: str, key: str) -> str | None:
        """The kommunkod a person stands for in a document (REPRESENTS a municipality), if exactly one."""
        x = self.c.extractions[did]
        cache = self._rep_cache.get(did)
        if cache is None:
            munis = {m.key: m.props.get("code") for m in x.mentions if m.label == "Municipality"}
            cache = defaultdict(set)
            for c in x.claims:
                if c.type == "REPRESENTS" and c.dst in munis and munis[c.dst]:
                    cache[c.src].add(munis[c.dst])
            self._rep_cache[did] = cache
        codes = cache.get(key, set())
        return next(iter(codes)) if len(codes) == 1 else None

    # ------------------------------------------------------------ meetings, items and the rest
    def _meetings_and_rest(self) -> None:
        for did, x in self.c.extractions.items():
            ids = self.ids
            held = {c.dst: c.src for c in x.claims if c.type == "HELD"}
            for m in x.mentions:
                if m.label != "Meeting":
                    continue
                body = ids.get((did, held.get(m.key, ""))) if held.get(m.key) else None
                bshort = (self.G.nodes[body].get("short") or self.G.nodes[body]["name"]) if body else None
                bslug = body.split(":", 1)[1] if body else "okant-organ"
                date = m.props.get("date")
                cid = f"meeting:{bslug}-{date}" if date else f"meeting:{bslug}-{did.split(':', 1)[1]}"
                props = dict(m.props)
                if bshort:
                    props["title"] = props["name"] = f"{bshort} {date or '(datum okänt)'}"
                ids[(did, m.key)] = cid
                self.meeting_year[cid] = m.hints.year
                self.add_node(cid, "Meeting", props)
            has_item = {c.dst: c.src for c in x.claims if c.type == "HAS_ITEM"}
            for m in x.mentions:
                if m.label == "AgendaItem":
                    meet = ids.get((did, has_item.get(m.key, "")))
                    base = meet.split(":", 1)[1] if meet else did.split(":", 1)[1]
                    label = m.key.split(":", 1)[1]
                    label = label.replace(" ", "") if not label.startswith("meeting") else "uppdrag"
                    cid = f"item:{base}#{label}"
                    ids[(did, m.key)] = cid
                    self.add_node(cid, "AgendaItem", m.props)
            parent = {}
            for c in x.claims:
                if c.type in ("HAS_DECISION", "ASSIGNS"):
                    parent[c.dst] = c.src
            counters: dict[str, int] = Counter()
            for m in x.mentions:
                if m.label in ("Decision", "Assignment"):
                    src = parent.get(m.key)
                    owner = ids.get((did, src)) if src else None
                    owner = owner or did
                    tag = "beslut" if m.label == "Decision" else "uppdrag"
                    counters[(owner, tag)] += 1
                    cid = f"{owner.replace('item:', 'decision:' if tag == 'beslut' else 'assignment:', 1)}" \
                          f"/{tag}-{counters[(owner, tag)]}"
                    if not cid.startswith(("decision:", "assignment:")):
                        cid = f"{'decision' if tag == 'beslut' else 'assignment'}:{owner.split(':', 1)[1]}/{tag}-{counters[(owner, tag)]}"
                    ids[(did, m.key)] = cid
                    self.add_node(cid, m.label, m.props)
            for m in x.mentions:
                if m.label == "Matter":
                    src = next((c.src for c in x.claims if c.type == "CONCERNS" and c.dst == m.key), None)
                    owner = ids.get((did, src)) if src else None
                    cid = "matter:" + (owner.split(":", 1)[1] if owner else slug(m.props.get("title", "x"))[:60])
                    ids[(did, m.key)] = cid
                    self.add_node(cid, "Matter", m.props)
                    if m.hints.context or m.hints.same_day:
                        self._matter_hints[cid] = m.hints
                elif m.label == "Agreement":
                    cid = "agreement:" + slug(m.props.get("name", "avtal"))[:60]
                    ids[(did, m.key)] = cid
                    self.add_node(cid, "Agreement", m.props)
            for m in x.mentions:
                if m.label == "Role":
                    org_local = m.key.split("@", 1)[1]
                    if not org_local:  # a title with no organisation named
                        cid = f"role:{slug(m.props['title'])}"
                        ids[(did, m.key)] = cid
                        self.add_node(cid, "Role", {**m.props, "name": m.props["title"]})
                        continue
                    org = ids.get((did, org_local))
                    if not org:
                        continue
                    cid = f"role:{slug(m.props['title'])}@{org.split(':', 1)[1]}"
                    props = dict(m.props)
                    on = self.G.nodes[org]
                    props["name"] = f"{m.props['title']}, {on.get('short') or on.get('name')}"
                    ids[(did, m.key)] = cid
                    self.add_node(cid, "Role", props)

    # ------------------------------------------------------------ edges
    def _edges(self) -> None:
        seen = set()
        for did, x in self.c.extractions.items():
            for c in x.claims:
                src, dst = self.ids.get((did, c.src)), self.ids.get((did, c.dst))
                if not src or not dst or src == dst:
                    continue
                props = dict(c.props)
                if c.type in DATED and not props.get("date"):  # as of the meeting the document records
                    props["date"] = self.c.docs[did].get("date")
                if c.type in PERIODS:
                    ev = c.evidence
                    props.update(stated_period(self.c.docs[did]["text"], ev.start, ev.end, ev.rule, props.get("date")))
                if "matter" in props:
                    props["matter"] = self.ids.get((did, props["matter"]), props["matter"])
                self.add_edge(src, dst, c.type, c.evidence, props, seen)

    def add_edge(self, src: str, dst: str, type_: str, ev: Evidence, props: dict, seen: set | None = None) -> None:
        # the graph's node dict, not the NodeView: this runs once per fact, and the view's lookup cost a tenth
        # of the build
        nodes = self.G._node
        sl, dl = nodes[src]["label"], nodes[dst]["label"]
        if (type_, sl, dl) not in schema.ALLOWED:
            self.warnings.append(Warning_(ev.doc, f"internt: {type_} från {sl} till {dl} finns inte i schemat",
                                          ev.start, ev.end, ev.para))
            return
        key = (src, dst, type_, ev.doc, ev.start, ev.end, props.get("role"))
        if seen is not None:
            if key in seen:
                return
            seen.add(key)
        allowed = schema.REL_BY_TYPE[type_].props
        attrs = {k: v for k, v in props.items() if k in allowed} if props else {}
        attrs.update(type=type_, doc=ev.doc, para=ev.para, start=ev.start, end=ev.end, quote=ev.quote, rule=ev.rule,
                     confidence=ev.confidence)
        self.G.add_edge(src, dst, key=f"{type_}:{ev.doc}:{ev.start}:{len(seen or ())}", **attrs)

    # ------------------------------------------------------------ matters across documents
    def _link_matters(self) -> None:
        """A matter referred from body A to body B is the same matter as an item at B that names A and
        speaks of the same thing (no shared case number is needed). Weaker candidates are listed for review."""
        G = self.G
        held_by: dict[str, str] = {}
        item_meeting: dict[str, str] = {}
        item_doc: dict[str, str] = {}
        refs = []
        for u, v, d in G.edges(data=True):
            t = d["type"]
            if t == "HELD":
                held_by[v] = u
            elif t == "HAS_ITEM":
                item_meeting[v] = u
            elif t == "MENTIONED_IN" and G.nodes[u]["label"] == "AgendaItem":
                item_doc.setdefault(u, v)
            elif t == "REFERRED_TO" and d.get("matter"):
                refs.append((u, v, d))
        items_of: dict[str, list[str]] = defaultdict(list)
        for item, meeting in item_meeting.items():
            if meeting in held_by:
                items_of[held_by[meeting]].append(item)
        spans = self._item_spans()
        item_stems: dict[str, set[str]] = {}
        windows: dict[tuple[str, str], list] = {}
        patterns: dict[str, re.Pattern | None] = {}
        done = set()
        for u, target, d in refs:
            matter = d["matter"]
            if (matter, target) in done or matter not in G or target not in items_of:
                continue
            done.add((matter, target))
            src_item = next((a for a, _, e in G.in_edges(matter, data=True) if e["type"] == "CONCERNS"), None)
            src_meeting = item_meeting.get(src_item)
            src_body = held_by.get(src_meeting)
            if not src_body:
                continue
            src_date = G.nodes[src_meeting].get("date")
            if src_body not in patterns:
                names = _body_names(G.nodes[src_body])
                patterns[src_body] = re.compile(
                    r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
                ) if names else None
            pattern = patterns[src_body]
            title_stems = _stems(G.nodes[matter].get("title", ""))
            hints = self._matter_hints.get(matter, NO_HINTS)
            if hints.context and len(title_stems) < 3:
                # "Ärendet om översyn": the words of the sentence before it say what the matter is
                title_stems |= _stems(hints.context)
            if hints.same_day:
                if self._link_same_day(matter, target, src_item, src_date, title_stems, items_of, item_meeting,
                                       item_doc, spans):
                    continue
            if pattern is None or not title_stems:
                continue
            cands = []
            need = REVIEW_THRESHOLD * len(title_stems)
            for item in self._next_items(target, src_date, items_of, item_meeting):
                st = item_stems.get(item)
                if st is None:
                    idoc = item_doc.get(item)
                    span = spans.get(item)
                    text = self.c.docs.get(idoc, {}).get("text", "") if idoc else ""
                    # cheap test first: does the item's text hold enough of the matter's words at all?
                    st = item_stems[item] = _stems(text[span[0]:span[1]]) if text and span else set()
                if item == src_item or len(st & title_stems) < need:
                    continue
                idoc = item_doc[item]
                wkey = (item, src_body)
                if wkey not in windows:
                    windows[wkey] = _windows(self.c.docs[idoc]["text"], spans[item], pattern)
                best = _best_window(windows[wkey], title_stems)
                if best:
                    mdate = G.nodes[item_meeting[item]].get("date")
                    cands.append((best[0], item, best[1], best[2], idoc, mdate or "9999"))
            # the best wording wins; among equally good ones the next meeting after the referral
            cands.sort(key=lambda c: (-round(c[0], 1), c[5]))
            for k, (score, item, s, e, idoc, _) in enumerate(cands):
                if score >= LINK_THRESHOLD and k == 0:
                    ev = Evidence(idoc, self._para(idoc, item), s, e, self.c.docs[idoc]["text"][s:e],
                                  "matter-link", round(score, 2))
                    self.add_edge(item, matter, "CONCERNS", ev, {"step": "uppföljning"})
                elif score >= REVIEW_THRESHOLD:
                    self.warnings.append(Warning_(idoc, f"möjlig koppling till ärendet "
                                                        f"{G.nodes[matter].get('title')!r} (säkerhet {score:.2f}); "
                                                        f"granska och bekräfta", s, e, self._para(idoc, item)))

    def _link_same_day(self, matter, target, src_item, src_date, stems, items_of, item_meeting, item_doc,
                       spans) -> bool:
        """'… bereds SVOM på dagens sammanträde': the item of the receiving body's meeting that day whose text
        shares most of the matter's words is where it went (it need not name the sender). Confidence 0.7."""
        if not src_date or not stems:
            return False
        best = None
        by_day = self._items_by_day.get(target)
        if by_day is None:  # the body's items by meeting date, once per body (a body may hold thousands)
            by_day = self._items_by_day[target] = defaultdict(list)
            for item in items_of.get(target, []):
                by_day[self.G.nodes[item_meeting[item]].get("date")].append(item)
        for item in by_day.get(src_date, []):
            if item == src_item or item not in spans:
                continue
            idoc = item_doc.get(item)
            text = self.c.docs.get(idoc, {}).get("text", "") if idoc else ""
            a, b = spans[item]
            shared = _stems(text[a:b]) & stems
            score = len(shared) / len(stems)
            if score >= LINK_THRESHOLD and (best is None or score > best[0]):
                # the evidence: the passage of the item that holds most of the shared words
                words = sorted(shared, key=len, reverse=True)
                pat = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*")
                win = _best_window(_windows(text, (a, b), pat), stems)
                if win:
                    best = (score, item, idoc, win[1], win[2])
        if not best:
            return False
        score, item, idoc, s, e = best
        ev = Evidence(idoc, self._para(idoc, item), s, e, self.c.docs[idoc]["text"][s:e], "matter-same-day",
                      round(0.7 * score, 2))
        self.add_edge(item, matter, "CONCERNS", ev, {"step": "uppföljning"})
        return True

    def _owner_of(self, item: str) -> str:
        """The municipality (or municipalities) whose body held the item's meeting; '' when none is known."""
        G = self.G
        m = self._meeting_of(item)
        if not m:
            return ""
        owners = set()
        for b, _, e in G.in_edges(m, data=True):
            if e["type"] == "HELD":
                # once per body: a body's out-edges hold every meeting it held, and items are many
                if b not in self._belongs_to:
                    self._belongs_to[b] = {v for _, v, e2 in G.out_edges(b, data=True) if e2["type"] == "BELONGS_TO"}
                owners |= self._belongs_to[b]
        return ",".join(sorted(owners))

    def _link_by_dnr(self) -> None:
        """Items at different meetings with the same diary number (Dnr) handle one matter: they share a Matter,
        each linked with the place its document writes the number."""
        G = self.G
        spans = self._item_spans()
        by_dnr: dict[str, list[str]] = defaultdict(list)
        # a diary number is unique within one organisation only: "SN 2023/88" in Kalmar and in Västervik are two
        # matters, so items are grouped by the number and the municipality whose body held the meeting
        for n, d in G.nodes(data=True):
            if d["label"] == "AgendaItem" and d.get("dnr") and n in spans:
                by_dnr[_dnr_key(d["dnr"]) + "@" + self._owner_of(n)].append(n)
        for key, items in sorted(by_dnr.items()):
            meeting = {i: self._meeting_of(i) for i in items}
            if len(items) < 2 or len(set(meeting.values())) < 2:
                continue
            items.sort(key=lambda i: ((G.nodes[meeting[i]].get("date") or "9999") if meeting[i] else "9999", i))
            existing = [v for i in items for _, v, e in G.out_edges(i, data=True) if e["type"] == "CONCERNS"]
            dnr, owner = key.split("@", 1)
            matter = existing[0] if existing else "matter:dnr-" + slug(dnr)[:60] + (
                "@" + owner.replace("municipality:", "") if owner else "")
            first = G.nodes[items[0]]
            if matter not in G:
                self.add_node(matter, "Matter", {"title": first.get("title") or dnr, "name": first.get("title") or dnr,
                                                 "dnr": first.get("dnr")})
            elif not G.nodes[matter].get("dnr"):
                G.nodes[matter]["dnr"] = first.get("dnr")
            for k, item in enumerate(items):
                if any(v == matter for _, v, e in G.out_edges(item, data=True) if e["type"] == "CONCERNS"):
                    continue
                did = _doc_of(G, item)
                text = self.c.docs.get(did, {}).get("text", "") if did else ""
                a, b = spans[item]
                m = re.search(_dnr_pattern(G.nodes[item]["dnr"]), text[a:b])
                if not m:
                    continue
                ev = Evidence(did, self._para(did, item), a + m.start(), a + m.end(), m.group(), "shared-dnr", 0.95)
                self.add_edge(item, matter, "CONCERNS", ev, {"step": "diarienummer" if k else "ärende"})
                if not any(v == did for _, v, e in G.out_edges(matter, data=True) if e["type"] == "MENTIONED_IN"):
                    self.add_edge(matter, did, "MENTIONED_IN", ev, {})

    def _link_report_backs(self) -> None:
        """An assignment is reported back at a later item of the body that gave it or of a body it was given to,
        within that body's next meetings: an item that speaks of reporting back (återrapport, redovisning,
        uppföljning, …) and either handles the same matter or shares most of the task's words. The line that
        says so is the evidence; the best line of the earliest such item wins. Weaker candidates are warnings."""
        G = self.G
        held_by, item_meeting, items_of = {}, {}, defaultdict(list)
        for u, v, d in G.edges(data=True):
            if d["type"] == "HELD":
                held_by[v] = u
            elif d["type"] == "HAS_ITEM":
                item_meeting[v] = u
        for item, meeting in item_meeting.items():
            if meeting in held_by:
                items_of[held_by[meeting]].append(item)
        spans = self._item_spans()
        matters_of = defaultdict(set)
        for u, v, d in G.edges(data=True):
            if d["type"] == "CONCERNS":
                matters_of[u].add(v)
        for a, data in list(G.nodes(data=True)):
            if data["label"] != "Assignment":
                continue
            src_item = None
            for u, _, d in G.in_edges(a, data=True):
                if d["type"] == "ASSIGNS":
                    src_item = u if G.nodes[u]["label"] == "AgendaItem" else next(
                        (i for i, _, e in G.in_edges(u, data=True) if e["type"] == "HAS_DECISION"), None)
                    break
            src_meeting = item_meeting.get(src_item)
            if not src_meeting or src_meeting not in held_by:
                continue
            src_date = G.nodes[src_meeting].get("date")
            task = _stems(data.get("task") or "") - REPORT_STEMS
            bodies = [held_by[src_meeting]] + sorted(v for _, v, d in G.out_edges(a, data=True)
                                                     if d["type"] == "ASSIGNED_TO" and G.nodes[v]["label"] == "Body")
            best = None
            for body in dict.fromkeys(bodies):
                if body not in items_of:
                    continue
                for item in self._next_items(body, src_date, items_of, item_meeting):
                    meeting = item_meeting[item]
                    mdate = G.nodes[meeting].get("date")
                    if meeting == src_meeting or not mdate or not src_date or mdate <= src_date or item not in spans:
                        continue
                    did = _doc_of(G, item)
                    text = self.c.docs.get(did, {}).get("text", "") if did else ""
                    same_matter = bool(matters_of[item] & matters_of.get(src_item, set()))
                    hit = _report_line(text, spans[item], task)
                    if not hit:
                        continue
                    score, s, e = hit
                    if same_matter:
                        score = max(score, 0.9)
                    if best is None or (round(-score, 1), mdate) < (round(-best[0], 1), best[4]):
                        best = (score, item, s, e, mdate, did)
            if not best:
                continue
            score, item, s, e, _, did = best
            if score >= LINK_THRESHOLD:
                ev = Evidence(did, self._para(did, item), s, e, self.c.docs[did]["text"][s:e], "report-back",
                              round(min(score, 1.0), 2))
                self.add_edge(a, item, "REPORTED_IN", ev, {})
            elif score >= REVIEW_THRESHOLD:
                self.warnings.append(Warning_(did, f"möjlig återrapportering av uppdraget {data.get('task')!r} "
                                                   f"(säkerhet {score:.2f}); granska och bekräfta", s, e,
                                              self._para(did, item)))

    def _meeting_of(self, item: str) -> str | None:
        return next((u for u, _, e in self.G.in_edges(item, data=True) if e["type"] == "HAS_ITEM"), None)

    def _next_items(self, body: str, after: str | None, items_of: dict, item_meeting: dict) -> list[str]:
        """Items of the body's next NEXT_MEETINGS meetings on or after a date (and of meetings without a date):
        a referral is taken up within a few meetings, and this keeps linking linear in the corpus."""
        cache = self._meeting_cache.get(body)
        if cache is None:
            by_meeting: dict[str, list[str]] = defaultdict(list)
            for it in items_of[body]:
                by_meeting[item_meeting[it]].append(it)
            dated = sorted((self.G.nodes[m].get("date"), m) for m in by_meeting if self.G.nodes[m].get("date"))
            # a meeting without a date is placed by the year its document mostly speaks of
            undated = sorted((str(self.meeting_year.get(m) or "0000"), m) for m in by_meeting
                             if not self.G.nodes[m].get("date"))
            cache = self._meeting_cache[body] = (by_meeting, dated, undated)
        by_meeting, dated, undated = cache
        i = bisect.bisect_left(dated, (after, "")) if after else 0
        j = bisect.bisect_left(undated, (after[:4], "")) if after else 0
        unknown = [m for y, m in undated if y == "0000"]
        meetings = [m for _, m in dated[i:i + NEXT_MEETINGS]] + [m for _, m in undated[j:j + NEXT_MEETINGS]] + unknown
        return [it for m in meetings for it in by_meeting[m]]

    def _item_spans(self) -> dict[str, tuple[int, int]]:
        """Each agenda item's character span in its document (items a memo implies have none)."""
        out = {}
        for did, x in self.c.extractions.items():
            for m in x.mentions:
                if m.label == "AgendaItem" and m.hints.start is not None:
                    cid = self.ids.get((did, m.key))
                    if cid:
                        out[cid] = (m.hints.start, m.hints.end)
        return out

    def _para(self, did: str, item: str) -> str | None:
        n = self.G.nodes[item].get("number")
        return f"§ {n}" if n else None


REPORT_RE = re.compile(r"(?i)\b(?:åter|av|slut|läges)?rapport\w*|\bredovis\w*|\buppföljning\w*|\båterkoppl\w*|"
                       r"\båterkom\w*")
REPORT_STEMS = {"återra", "rapport", "redovi", "uppföl", "följa", "återko", "senast", "uppdra", "nämnde",
                "sammantr", "samman", "möte", "mötet"}


def _report_line(text: str, span: tuple[int, int], task: set[str]) -> tuple[float, int, int] | None:
    """The line of an item that speaks of reporting back and shares most of the task's words: (share of the
    task's words in the item, start, end of that line). None when no line reports back."""
    a, b = span
    body = text[a:b]
    if not REPORT_RE.search(body):
        return None
    item_stems = _stems(body)
    share = len(task & item_stems) / len(task) if task else 0.0
    best = None
    pos = 0
    for line in body.split("\n"):
        start = pos
        pos += len(line) + 1
        if not REPORT_RE.search(line):
            continue
        words = len(task & _stems(line))
        stripped = line.strip()
        if best is None or words > best[0]:
            lead = len(line) - len(line.lstrip())
            best = (words, a + start + lead, a + start + lead + len(stripped))
    return (share, best[1], best[2]) if best else None


def _doc_of(G: nx.MultiDiGraph, node: str) -> str | None:
    for _, v, d in G.out_edges(node, data=True):
        if d["type"] == "MENTIONED_IN":
            return v
    return None


def _dnr_key(dnr: str) -> str:
    """'SN 2023/88', 'sn2023/88' -> 'SN2023/88'."""
    return re.sub(r"\s+", "", dnr).upper()


def _dnr_pattern(dnr: str) -> str:
    """The diary number as a pattern that allows any spacing: 'SN 2023/88' also finds 'SN2023/88'."""
    return r"\s*".join(re.escape(c) for c in re.sub(r"\s+", "", dnr))


def _body_names(node: dict) -> list[str]:
    names = [node.get("name", ""), node.get("short") or ""] + list(node.get("aliases") or [])
    return [n for n in names if n and len(n) >= 3]


def _windows(text: str, span: tuple[int, int], pattern: re.Pattern) -> list[tuple[set[str], int, int]]:
    """The passages of an item that name the source body: the line around each mention, at most 200 characters
    either side (lines, not sentences: abbreviations such as "ang." would cut a sentence in two)."""
    out = []
    for nm in pattern.finditer(text, span[0], span[1]):
        ls = max(text.rfind("\n", span[0], nm.start()) + 1, span[0])
        le = text.find("\n", nm.end(), span[1])
        le = span[1] if le < 0 else le
        a, b = max(ls, nm.start() - 200), min(le, nm.end() + 200)
        while a > ls and a < nm.start() and text[a - 1].isalnum():  # whole words only
            a += 1
        while b < le and b > nm.end() and text[b].isalnum():
            b -= 1
        window = text[a:b]
        out.append((_stems(window), a + (len(window) - len(window.lstrip())), a + len(window.rstrip())))
    return out


def _best_window(windows: list, title: set[str]):
    """The window sharing most of the matter's words, as (score, start, end)."""
    best = None
    for stems, s, e in windows:
        score = len(stems & title) / len(title)
        if best is None or score > best[0]:
            best = (score, s, e)
    return best


def _same_body(a: str, b: str) -> str | None:
    """Two normalised names that are one body: a spelling variant, a genitive, or initials."""
    if "#" in a or "#" in b:  # an owned organ is matched through its owner, never by its name
        return None
    if a.rstrip("s") == b or b.rstrip("s") == a:
        return "genitiv"
    # "Länsberedningen för välfärd i Gävleborg" / "Länsberedningen för välfärd": the same name with its place
    short_, long_ = (a, b) if len(a) < len(b) else (b, a)
    if long_.startswith(short_ + "-i-") and long_[len(short_) + 3:].count("-") <= 1 and "-" in short_:
        return "samma namn med ort"
    pa, pb = a.split("-"), b.split("-")
    if pa[0] == pb[0] and len(pa) == len(pb) and all(len(x) == 1 for x in pa[1:]) != all(len(x) == 1 for x in pb[1:]):
        short, long_ = (pa, pb) if all(len(x) == 1 for x in pa[1:]) else (pb, pa)
        if [x[0] for x in long_[1:]] == short[1:]:
            return "initialer"
    if pa[-1] == pb[-1] or len(pa) == len(pb) == 1:
        if len(a) >= 8 and fuzz.ratio(a, b) >= 92:
            return f"stavningsvariant ({fuzz.ratio(a, b):.0f} %)"
    return None


def resolve(corpus: Corpus) -> tuple[nx.MultiDiGraph, list[Warning_], list[str]]:
    r = Resolver(corpus)
    G = r.run()
    return G, r.warnings, r.merges


def corpus_from(docs: list[tuple[dict, DocExtraction]]) -> Corpus:
    c = Corpus()
    for props, x in docs:
        c.docs[props["id"]] = props
        c.extractions[props["id"]] = x
    return c
