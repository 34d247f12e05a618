#!/usr/bin/env python3
"""How the embedded store grows with the graph: synthetic governance data at national scale, loaded with the
project's own loader (graph.store.LadybugStore.replace_graph), then every saved query timed.

    python scripts/bench_scale.py [--sizes 10000 100000 1000000] [--runs 20] [--seed 1]

The generator (graph_rows) builds what the schema describes, with Sweden's 290 municipalities and 21 regions
(data/reference/kommuner.csv): per municipality a fullmäktige, a styrelse and nämnder, per region a styrelse,
a hälso- och sjukvårdsnämnd and collaboration groups (samrådsgrupp, beredning, nätverk) with reporting and
preparation chains; members with parties and the municipality they represent; meetings with their protocol,
items, decisions, assignments; and matters that move from a municipal nämnd to a regional group and on, with
referrals. Every relationship carries provenance (doc, para, span, quote) as an ingested one does. The number
of municipalities and of meetings per body is chosen so that the graph has about the asked number of nodes.

Prints, per size: nodes, relationships, load seconds, peak memory (RSS) and database size; then p50 and p95 of
each saved query over --runs runs with parameters taken from the generated graph. Targets (issue text): 1M nodes
loaded in <= 30 s; queries that start from one node p50 <= 20 ms at 1M nodes; whole-graph aggregates <= 1 s.
Nothing here is a test; it prints figures.
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]
FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Lena", "Anders", "Sara", "Mikael",
         "Ingrid", "Nils", "Elin", "Olof", "Malin", "Jonas", "Sofia", "Hans"]
LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Holm", "Berg", "Ek", "Lund", "Sjöberg", "Wikström",
        "Strand"]
MUNI_BODIES = [("Kommunfullmäktige", "fullmäktige"), ("Kommunstyrelsen", "styrelse"),
               ("Socialnämnden", "nämnd"), ("Barn- och utbildningsnämnden", "nämnd"),
               ("Vård- och omsorgsnämnden", "nämnd"), ("Socialnämndens arbetsutskott", "utskott")]
REGION_BODIES = [("Regionstyrelsen", "styrelse"), ("Hälso- och sjukvårdsnämnden", "nämnd"),
                 ("Sociala samrådsgruppen", "samrådsgrupp"), ("Politisk samverkansberedning", "beredning"),
                 ("Socialchefsnätverket", "nätverk"), ("Länsstyrgruppen", "styrgrupp")]
ITEMS_PER_MEETING = 5
MEMBERS_PER_BODY = 9


def _munis() -> list[tuple[str, str, str]]:
    with open(ROOT / "data" / "reference" / "kommuner.csv", encoding="utf-8") as f:
        return [(r["kommunkod"], r["kommun"], r["lan"]) for r in csv.DictReader(f)]


class Gen:
    def __init__(self, seed: int):
        self.G = nx.MultiDiGraph()
        self.rng = random.Random(seed)
        self.k = 0

    def node(self, nid: str, label: str, **props) -> str:
        self.G.add_node(nid, id=nid, label=label, name=props.pop("name", nid), **props)
        return nid

    def edge(self, a: str, b: str, type_: str, doc: str, quote: str, para: str | None = None, **props) -> None:
        self.k += 1
        start = (self.k * 37) % 5000
        self.G.add_edge(a, b, key=self.k, type=type_, doc=doc, para=para, start=start, end=start + len(quote),
                        quote=quote, rule="synthetic", confidence=1.0, **props)


def graph_rows(target: int, seed: int = 1) -> nx.MultiDiGraph:
    """About target nodes of synthetic governance data (see the module docstring)."""
    munis = _munis()
    per_meeting = 3 + ITEMS_PER_MEETING * 2.45  # document, meeting, items, decisions, some matters and assignments
    per_body_fixed = 1 + MEMBERS_PER_BODY * 1.1 + 1
    # municipalities and meetings per body so that the total is about target
    n_munis = min(len(munis), max(3, target // 3000))
    n_regions = min(21, max(1, n_munis // 14))
    bodies = n_munis * len(MUNI_BODIES) + n_regions * len(REGION_BODIES)
    meetings_per_body = max(1, round((target - bodies * per_body_fixed - n_munis) / (bodies * per_meeting)))
    g = Gen(seed)
    rng = g.rng
    chosen = sorted(rng.sample(munis, n_munis))
    counties = sorted({c for _, _, c in chosen})[:n_regions] or [chosen[0][2]]
    setup_doc = g.node("doc:organisation", "Document", name="organisation.txt", title="Organisation", text="",
                       extraction="", chars=0, kind="dokument", warnings=[])
    region_bodies: dict[str, list[str]] = {}
    for ci, county in enumerate(counties):
        rid = g.node(f"body:region-{ci}", "Body", name=f"Region {county.replace(' län', '')}", kind="region")
        ids = []
        for name, kind in REGION_BODIES:
            b = g.node(f"body:r{ci}-{kind}", "Body", name=f"{name} {county}", kind=kind, short=f"R{ci}{kind[:3].upper()}")
            g.edge(b, rid, "PART_OF", setup_doc, f"{name} är en del av regionen")
            ids.append(b)
        # samrådsgrupp -> beredning prepares; samrådsgrupp reports to regionstyrelsen; nätverk prepares for samråd
        g.edge(ids[3], ids[2], "PREPARES_FOR", setup_doc, "beredningen bereder ärenden åt samrådsgruppen")
        g.edge(ids[2], ids[0], "REPORTS_TO", setup_doc, "samrådsgruppen rapporterar till regionstyrelsen")
        g.edge(ids[4], ids[2], "PREPARES_FOR", setup_doc, "nätverket bereder frågor åt samrådsgruppen")
        g.edge(ids[5], ids[0], "REPORTS_TO", setup_doc, "styrgruppen rapporterar till regionstyrelsen")
        region_bodies[county] = ids
    all_bodies: list[tuple[str, str | None]] = [(b, None) for ids in region_bodies.values() for b in ids]
    muni_of_body: dict[str, str] = {}
    for code, mname, county in chosen:
        m = g.node(f"municipality:{code}", "Municipality", name=mname, code=code, county=county)
        ids = []
        for name, kind in MUNI_BODIES:
            b = g.node(f"body:{code}-{kind}-{len(ids)}", "Body", name=name, kind=kind, municipality=mname)
            g.edge(b, m, "BELONGS_TO", setup_doc, f"{name} i {mname}")
            ids.append(b)
            muni_of_body[b] = m
        g.edge(ids[1], ids[0], "REPORTS_TO", setup_doc, "kommunstyrelsen bereder åt fullmäktige")
        for nid in ids[2:5]:
            g.edge(nid, ids[0], "REPORTS_TO", setup_doc, "nämnden rapporterar till fullmäktige")
        g.edge(ids[5], ids[2], "PART_OF", setup_doc, "socialnämndens arbetsutskott")
        g.edge(ids[5], ids[2], "PREPARES_FOR", setup_doc, "arbetsutskottet bereder ärenden åt nämnden")
        reg = region_bodies.get(county) or next(iter(region_bodies.values()))
        g.edge(ids[2], reg[2], "REPORTS_TO", setup_doc, "socialnämnden är representerad i samrådsgruppen")
        all_bodies += [(b, m) for b in ids]
    # members
    members: dict[str, list[str]] = {}
    person_k = 0
    for b, m in all_bodies:
        ppl = []
        for j in range(MEMBERS_PER_BODY):
            person_k += 1
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {person_k}"
            p = g.node(f"person:{person_k}", "Person", name=name, party=rng.choice(PARTIES))
            role = "ordförande" if j == 0 else ("vice ordförande" if j == 1 else "ledamot")
            g.edge(p, b, "MEMBER_OF", setup_doc, f"{name}, {role}", role=role, date="2023-01-01")
            if m:
                g.edge(p, m, "REPRESENTS", setup_doc, f"{name}, {g.G.nodes[m]['name']}")
            if j == 0:
                r = g.node(f"role:ordforande@{b}", "Role", name=f"ordförande, {g.G.nodes[b]['name']}",
                           title="ordförande")
                g.edge(p, r, "HOLDS", setup_doc, f"{name} ordförande", date="2023-01-01")
                g.edge(r, b, "ROLE_IN", setup_doc, f"ordförande i {g.G.nodes[b]['name']}")
            ppl.append(p)
        members[b] = ppl
    # meetings, items, decisions, matters, assignments: the municipalities' bodies first, so that the regional
    # groups' later meetings can take up the matters the nämnder sent on
    all_bodies.sort(key=lambda bm: bm[1] is None)
    matter_k = 0
    open_matters: dict[str, list[str]] = {}  # region group -> matters sent to it and not yet taken up
    for b, m in all_bodies:
        region_group = None
        if m:
            county = g.G.nodes[m]["county"]
            region_group = (region_bodies.get(county) or next(iter(region_bodies.values())))[2]
        for k in range(meetings_per_body):
            date = f"{2015 + k * 10 // max(1, meetings_per_body)}-{1 + k % 12:02d}-{10 + k % 18:02d}"
            doc = g.node(f"doc:{b}-{k}", "Document", name=f"{b}-{k}.txt", title="Protokoll", date=date,
                         kind="protokoll", text="", extraction="", chars=4000, warnings=[])
            mt = g.node(f"meeting:{b}-{k}", "Meeting", name=f"{g.G.nodes[b]['name']} {date}",
                        title=f"{g.G.nodes[b]['name']} {date}", date=date, kind="protokoll")
            g.edge(b, mt, "HELD", doc, f"{g.G.nodes[b]['name']} {date}")
            g.edge(mt, doc, "MENTIONED_IN", doc, "Protokoll")
            for p in members[b][:6]:
                g.edge(p, mt, "ATTENDED", doc, g.G.nodes[p]["name"], role="ledamot")
            for i in range(1, ITEMS_PER_MEETING + 1):
                para = f"§ {i}"
                it = g.node(f"item:{b}-{k}-{i}", "AgendaItem", name=f"Ärende {i}", title=f"Ärende {k}-{i}",
                            number=str(i))
                g.edge(mt, it, "HAS_ITEM", doc, f"§ {i} Ärende", para)
                d = g.node(f"decision:{b}-{k}-{i}", "Decision", name=f"beslut {i}", text="Nämnden beslutar",
                           number="1")
                g.edge(it, d, "HAS_DECISION", doc, "Nämnden beslutar", para)
                if rng.random() < 0.1:
                    a = g.node(f"assignment:{b}-{k}-{i}", "Assignment", name="uppdrag", task="ta fram förslag")
                    g.edge(d, a, "ASSIGNS", doc, "uppdrar åt", para)
                    g.edge(a, members[b][0], "ASSIGNED_TO", doc, "uppdrar åt ordföranden", para)
                if i == 1 and open_matters.get(b) and rng.random() < 0.8:
                    # the regional group takes up a matter a municipal nämnd sent to it
                    mid = open_matters[b].pop(rng.randrange(len(open_matters[b])))
                    g.edge(it, mid, "CONCERNS", doc, "Ärendet från nämnden tas upp", para, step="ärende")
                elif i == 2 and region_group and rng.random() < 0.3:
                    matter_k += 1
                    mid = g.node(f"matter:{matter_k}", "Matter", name=f"Samverkansfråga {matter_k}",
                                 title=f"Samverkansfråga {matter_k}")
                    g.edge(it, mid, "CONCERNS", doc, f"Samverkansfråga {matter_k}", para, step="remiss")
                    g.edge(d, region_group, "REFERRED_TO", doc, "överlämnas till samrådsgruppen", para,
                           verb="överlämnas", matter=mid)
                    open_matters.setdefault(region_group, []).append(mid)
    return g.G


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def params_for(G: nx.MultiDiGraph) -> dict[str, str]:
    """Parameter values the saved queries can start from, taken from the generated graph."""
    def pred(n: str, type_: str) -> str:
        return next(u for u, _, d in G.in_edges(n, data=True) if d["type"] == type_)

    group = next(d for _, d in G.nodes(data=True) if d["label"] == "Body" and d.get("kind") == "samrådsgrupp")
    person = next(d["name"] for _, d in G.nodes(data=True) if d["label"] == "Person")
    meeting = next(d for _, d in G.nodes(data=True) if d["label"] == "Meeting")
    out = {"body": group["short"], "person": person, "matter": "Samverkansfråga 1", "title": "ordförande",
           "id": group["id"], "date": meeting["date"], "from": group["short"], "to": group["short"]}
    ref = next(((u, v) for u, v, d in G.edges(data=True) if d["type"] == "REFERRED_TO"
                and sum(1 for _, _, c in G.in_edges(d["matter"], data=True) if c["type"] == "CONCERNS") >= 2), None)
    if ref:  # a matter that moved: from the nämnd that sent it to the group that took it up
        out["from"] = pred(pred(pred(ref[0], "HAS_DECISION"), "HAS_ITEM"), "HELD")
        out["to"] = ref[1]
        out["matter"] = next(d["matter"] for u, v, d in G.out_edges(ref[0], data=True) if d["type"] == "REFERRED_TO")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from graph.queries import saved_queries
    from graph.store import LadybugStore

    work = Path(tempfile.mkdtemp(prefix="govgraph-bench-scale-"))
    try:
        for size in args.sizes:
            t = time.perf_counter()
            G = graph_rows(size, args.seed)
            gen_s = time.perf_counter() - t
            rss0 = rss_mb()
            db = work / f"scale-{size}.db"
            t = time.perf_counter()
            LadybugStore(db, read_only=False).replace_graph(G)
            load_s = time.perf_counter() - t
            size_mb = sum(f.stat().st_size for f in work.glob(f"scale-{size}.db*")) / 1e6
            print(f"\n== {G.number_of_nodes():,} nodes, {G.number_of_edges():,} relationships "
                  f"(generated in {gen_s:.1f} s)")
            print(f"load (LadybugStore.replace_graph): {load_s:.2f} s   peak RSS {rss_mb():.0f} MB "
                  f"(before the load {rss0:.0f} MB)   database {size_mb:.0f} MB"
                  + ("   target <= 30 s at 1M: " + ("met" if load_s <= 30 else "NOT met")
                     if G.number_of_nodes() >= 900_000 else ""))
            params = params_for(G)
            store = LadybugStore(db, read_only=True)
            print(f"{'query':<22} {'rows':>6} {'p50 ms':>8} {'p95 ms':>8}")
            for q in saved_queries():
                p = {k: params.get(k, v) for k, v in q.params.items()}
                times = []
                rows = 0
                for _ in range(args.runs):
                    a = time.perf_counter()
                    _, r = store.query(q.text, p)
                    times.append((time.perf_counter() - a) * 1000)
                    rows = len(r)
                times.sort()
                p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
                print(f"{q.name:<22} {rows:>6} {statistics.median(times):8.1f} {p95:8.1f}")
            store.close()
            del G
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True, exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
