"""The govgraph command line: ingest, remove, curate, query, search, report, structure, diff, export, eval, extract,
schema, app, push, pull. It sits above graph/ and ingest/ and may import both; the options and helpers several commands
share are in govgraph/options.py."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import click

from govgraph import swedish
from govgraph.options import (cell, counts, curation_option, curation_path, db_option, db_path, neo4j_option,
                              parse_params, say, table, where, who_option, why_option)
from graph.model import GovgraphError
from graph.schema import NODE_LABELS, REL_TYPES

ROOT = Path(__file__).resolve().parent.parent


@click.group(cls=swedish.Group, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """govgraph: samverkansstrukturen ur protokoll och minnesanteckningar, som en graf."""


@cli.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="SÖKVÄGAR...")
@click.option("--expect", "expect_dir", type=click.Path(file_okay=False), default=None,
              help="Mapp med förväntningsfiler (<namn>.expect.toml); standard: bredvid dokumenten.")
@click.option("--thresholds", type=click.Path(dir_okay=False), default=None,
              help="Egna krav per slag (TOML); standard: ingest/rules/eval-thresholds.toml.")
@click.option("--details", is_flag=True, help="Visa varje miss och varje falskt fynd med citat.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=0, show_default=True,
              help="Antal processer (0 = automatiskt).")
def eval_(paths: tuple[str, ...], expect_dir: str | None, thresholds: str | None, details: bool, fmt: str,
          jobs: int) -> None:
    """Mät extraktionen mot handkontrollerade förväntningar: precision och recall per slag."""
    from ingest.evaluate import format_corpora, run_corpora

    corpora = run_corpora(list(paths), expect_dir, thresholds, jobs=jobs)
    if fmt == "json":
        out = corpora[0].report.to_dict() if len(corpora) == 1 else \
            {"corpora": [{"path": str(c.path), "made_up": c.made_up, **c.report.to_dict()} for c in corpora]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_corpora(corpora, details))
    if any(c.report.failing() for c in corpora):
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="SÖKVÄGAR...")
@db_option
@click.option("--body", default=None, metavar="ORGAN",
              help="Organ för dokument som inte själva säger det (gäller alla filer).")
@click.option("--date", "date_", default=None, metavar="ÅÅÅÅ-MM-DD",
              help="Mötesdatum ÅÅÅÅ-MM-DD för dokument som saknar det.")
@click.option("--date-from-filename", is_flag=True,
              help="Ta mötesdatum ur filnamnet (t.ex. 2023-10-13) när dokumentet självt saknar det.")
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=0, show_default=True,
              help="Antal processer för att läsa dokumenten (0 = automatiskt: en per kärna vid många dokument).")
@click.option("--quiet", "-q", is_flag=True, help="Skriv bara sammanfattningen, inte varje varning.")
@neo4j_option
@click.option("--curation", "curation", type=click.Path(dir_okay=False), default=None, envvar="GOVGRAPH_CURATION",
              help="Granskarnas rättelser (standard: data/curation.toml, eller GOVGRAPH_CURATION).")
def ingest(paths: tuple[str, ...], db: str | None, body: str | None, date_: str | None, date_from_filename: bool,
           jobs: int, quiet: bool, neo4j: str | None, curation: str | None) -> None:
    """Läs in filer och mappar (.txt, .html, .pdf, .docx) i grafen."""
    from graph.store_api import write_target
    from ingest.dates import parse_one
    from ingest.pipeline import ingest as run

    meta = {}
    if body:
        meta["body"] = body
    if date_:
        iso = parse_one(date_)
        if not iso:
            raise GovgraphError(f"--date {date_!r} kunde inte tolkas; skriv datumet som ÅÅÅÅ-MM-DD")
        meta["date"] = iso

    def progress(i: int, n: int, name: str) -> None:
        click.echo(f"[{i}/{n}] {name}", err=True)

    target = write_target(db, neo4j)
    res = run(list(paths), target, meta=meta, progress=progress, date_from_filename=date_from_filename,
              jobs=jobs, waiting=say, curation=curation_path(curation))
    for line in res.failed:
        click.echo(f"fel: {line}", err=True)
    if not quiet:
        for w in res.warnings:
            click.echo(f"varning: {w}", err=True)
    if res.skipped:
        shown = ", ".join(res.skipped[:5]) + (f" och {len(res.skipped) - 5} till" if len(res.skipped) > 5 else "")
        click.echo(f"obs: {len(res.skipped)} filer av andra typer hoppades över: {shown}", err=True)
    click.echo(f"Tillagda: {len(res.added)}, uppdaterade: {len(res.updated)}, oförändrade: {len(res.unchanged)}, "
               f"misslyckade: {len(res.failed)}")
    if any(res.counts.values()):
        nodes = ", ".join(f"{k} {res.counts[k]}" for k in NODE_LABELS if res.counts.get(k))
        rels = ", ".join(f"{k} {res.counts[k]}" for k in REL_TYPES if res.counts.get(k))
        click.echo(f"Noder: {nodes}")
        click.echo(f"Relationer: {rels}")
    click.echo(f"Varningar: {len(res.warnings)}  Databas: {where(target)}")
    if res.failed:
        sys.exit(1)


@cli.command()
@click.argument("documents", nargs=-1, required=True, metavar="DOKUMENT...")
@db_option
@neo4j_option
def remove(documents: tuple[str, ...], db: str | None, neo4j: str | None) -> None:
    """Ta bort dokuments fakta ur grafen (ange dokument-id, filnamn eller sökväg som vid inläsningen)."""
    from graph.store_api import write_target
    from ingest.pipeline import remove as run

    target = write_target(db, neo4j)
    res = run(list(documents), target, waiting=say, curation=curation_path(None))
    for line in res.failed:
        click.echo(f"fel: {line}", err=True)
    click.echo(f"Borttagna: {len(res.removed)}" + (f" ({', '.join(res.removed)})" if res.removed else "")
               + f"  Databas: {where(target)}")
    if res.failed:
        sys.exit(1)


@cli.command()
@click.option("--as-of", "as_of", required=True, metavar="ÅÅÅÅ-MM-DD",
              help="Dagen strukturen ska visas för (ÅÅÅÅ-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
@neo4j_option
def structure(as_of: str, fmt: str, db: str | None, neo4j: str | None) -> None:
    """Strukturen en given dag: organ, rapporterings- och beredningsvägar, ledamöter och roller med källa."""
    from graph import explore
    from graph.store_api import open_store
    from ingest.dates import parse_one

    day = parse_one(as_of)
    if not day:
        raise GovgraphError(f"--as-of {as_of!r} kunde inte tolkas som datum; skriv ÅÅÅÅ-MM-DD")
    at = explore.structure_at(open_store(db, neo4j, read_only=True), day)
    if fmt == "json":
        out = {kind: [{"what": explore.describe_change(kind, e | {"key": k}),
                       "sources": [{x: f.get(x) for x in ("doc", "para", "start", "stop", "quote")}
                                   for f in e.get("facts", [])]} for k, e in sorted(at[kind].items(), key=str)]
               for kind in at}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(f"Strukturen {day}: {len(at['bodies'])} organ, {len(at['lines'])} vägar, "
               f"{len({k[0] for k in at['members']})} personer i organ")
    for title, kind in (("Rapporterings- och beredningsvägar", "lines"), ("Ledamöter och roller i organ", "members")):
        click.echo(f"\n{title}:")
        for k, e in sorted(at[kind].items(), key=lambda kv: explore.describe_change(kind, kv[1])):
            f = e["facts"][0]
            click.echo(f"  {explore.describe_change(kind, e)} [{f.get('doc')}, tecken {f.get('start')}–{f.get('stop')}]")


@cli.command()
@click.argument("before", metavar="FRÅN")
@click.argument("after", metavar="TILL")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
@neo4j_option
def diff(before: str, after: str, fmt: str, db: str | None, neo4j: str | None) -> None:
    """Vad som ändrats i strukturen mellan två datum (ÅÅÅÅ-MM-DD): organ, ledamöter, roller och rapporteringsvägar."""
    from graph import explore
    from graph.store_api import open_store
    from ingest.dates import parse_one

    days = []
    for d in (before, after):
        iso = parse_one(d)
        if not iso:
            raise GovgraphError(f"{d!r} kunde inte tolkas som datum; skriv ÅÅÅÅ-MM-DD")
        days.append(iso)
    changes = explore.structure_diff(open_store(db, neo4j, read_only=True), *days)
    if fmt == "json":
        out = {kind: {side: [{"what": explore.describe_change(kind, e),
                              "sources": [{k: f.get(k) for k in ("doc", "para", "start", "stop", "quote")}
                                          for f in e.get("facts", [])]} for e in entries]
                      for side, entries in sides.items()} for kind, sides in changes.items()}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(f"Förändringar {days[0]} → {days[1]}")
    for kind, (added_title, removed_title) in explore.CHANGE_TITLES.items():
        for title, entries in ((added_title, changes[kind]["added"]), (removed_title, changes[kind]["removed"])):
            if not entries:
                continue
            click.echo(f"\n{title} ({len(entries)}):")
            for e in entries:
                f = (e.get("facts") or [{}])[0]
                para = f" {f['para']}" if f.get("para") else ""
                where = f" [{f.get('doc')}{para}, tecken {f.get('start')}–{f.get('stop')}]" if f.get("doc") else ""
                click.echo(f"  {'+' if entries is changes[kind]['added'] else '-'} {explore.describe_change(kind, e)}"
                           f"{where}")


@cli.group()
def curate() -> None:
    """Rätta grafen: slå ihop eller dela personer och organ, avvisa ett fakta, lägg till ett som saknas.

    Rättelserna sparas med vem, när och varför i data/curation.toml och tillämpas vid varje inläsning."""


def _curate(db: str | None, curation: str | None, correction: dict) -> None:
    from graph.curation import append
    from ingest.pipeline import rebuild

    path = curation_path(curation)
    c = append(path, correction)
    click.echo(f"Rättelse sparad i {path}: {c['action']} ({c['why']})", err=True)
    res = rebuild(db_path(db), curation=path, waiting=say)
    for w in res.warnings:
        if "rättelse" in w.message:
            click.echo(f"varning: {w}", err=True)
    for line in res.merges:
        if line.startswith("rättelse"):
            click.echo(line)


@curate.command("merge")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option("--name", default=None, help="Namnet den sammanslagna noden ska ha.")
@why_option
@who_option
@db_option
@curation_option
def curate_merge(ids, name, why, who, db, curation) -> None:
    """Slå ihop noder (personer eller organ) till den första."""
    _curate(db, curation, {"action": "merge", "ids": list(ids), "name": name, "why": why, "who": who})


@curate.command("split")
@click.argument("node_id", metavar="ID")
@click.option("--doc", "docs", multiple=True, required=True, help="Dokument vars fakta blir en egen nod.")
@click.option("--name", default=None)
@click.option("--new-id", default=None)
@why_option
@who_option
@db_option
@curation_option
def curate_split(node_id, docs, name, new_id, why, who, db, curation) -> None:
    """Dela en nod: det som dokumenten säger om den blir en egen nod."""
    _curate(db, curation, {"action": "split", "id": node_id, "doc": list(docs), "name": name, "new_id": new_id,
                           "why": why, "who": who})


@curate.command("reject")
@click.argument("rel_type", metavar="RELATIONSTYP")
@click.argument("source", metavar="FRÅN-ID")
@click.argument("target", metavar="TILL-ID")
@click.option("--doc", default=None, help="Bara faktat ur det här dokumentet.")
@click.option("--quote", default=None, help="Bara faktat vars citat innehåller den här texten.")
@why_option
@who_option
@db_option
@curation_option
def curate_reject(rel_type, source, target, doc, quote, why, who, db, curation) -> None:
    """Avvisa ett fakta: RELATIONSTYP FRÅN-ID TILL-ID."""
    _curate(db, curation, {"action": "reject", "type": rel_type, "from": source, "to": target, "doc": doc,
                           "quote": quote, "why": why, "who": who})


@curate.command("add")
@click.argument("rel_type", metavar="RELATIONSTYP")
@click.argument("source", metavar="FRÅN-ID")
@click.argument("target", metavar="TILL-ID")
@click.option("--doc", required=True, help="Dokumentet där det står.")
@click.option("--quote", required=True, help="Texten i dokumentet som säger det (ordagrant).")
@click.option("--role", default=None)
@why_option
@who_option
@db_option
@curation_option
def curate_add(rel_type, source, target, doc, quote, role, why, who, db, curation) -> None:
    """Lägg till ett fakta som reglerna missade, med citatet ur dokumentet som källa."""
    _curate(db, curation, {"action": "add", "type": rel_type, "from": source, "to": target, "doc": doc,
                           "quote": quote, "props": {"role": role} if role else None, "why": why, "who": who})


@curate.command("list")
@curation_option
def curate_list(curation) -> None:
    """Visa rättelserna i ordning, med vem, när och varför."""
    from graph.curation import load

    path = curation_path(curation)
    rows = load(path)
    if not rows:
        click.echo(f"Inga rättelser i {path}.")
    for i, c in enumerate(rows, 1):
        what = c.get("ids") or c.get("id") or f"{c.get('type')} {c.get('from')} → {c.get('to')}"
        click.echo(f"{i}. {c['action']} {what} – {c['who']} {c['when']}: {c['why']}")


@curate.command("undo")
@click.argument("number", type=int, metavar="NUMMER")
@db_option
@curation_option
def curate_undo(number, db, curation) -> None:
    """Ta tillbaka rättelse nummer N (se `govgraph curate list`)."""
    from graph.curation import remove_at
    from ingest.pipeline import rebuild

    path = curation_path(curation)
    gone = remove_at(path, number)
    click.echo(f"Rättelse {number} borttagen: {gone['action']} ({gone['why']})", err=True)
    rebuild(db_path(db), curation=path, waiting=say)


@cli.command()
@click.argument("body", required=False, metavar="[ORGAN]")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None, help="Fil att skriva (annars skärmen).")
@click.option("--as-of", "as_of", default=None, metavar="ÅÅÅÅ-MM-DD",
              help="Dag som uppdragens ålder räknas till (ÅÅÅÅ-MM-DD; standard i dag).")
@db_option
@neo4j_option
def report(body: str | None, fmt: str, out: str | None, as_of: str | None, db: str | None, neo4j: str | None) -> None:
    """Underlag för översynen: ett organ (id, kortnamn eller namn) eller hela strukturen, med källa för varje rad."""
    from graph import report as rp
    from graph.store_api import open_store

    if as_of and not rp.explore._day(as_of):
        raise GovgraphError(f"--as-of {as_of!r} kunde inte tolkas; skriv datumet som ÅÅÅÅ-MM-DD")
    store = open_store(db, neo4j, read_only=True)
    dossier = rp.body_dossier(store, rp.find_body(store, body), as_of) if body else rp.structure_dossier(store, as_of)
    text = rp.to_markdown(dossier) if fmt == "md" else rp.to_html(dossier)
    if out:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as e:
            raise GovgraphError(f"{out}: kunde inte skrivas ({e.strerror}); kontrollera sökvägen") from None
        click.echo(f"Skrev {dossier.title} till {out}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["popolo", "graphml", "csv"]), required=True,
              help="popolo: Popolo JSON; graphml: för Gephi och networkx; csv: en fil per etikett och relationstyp.")
@click.option("--out", "out", type=click.Path(), required=True, help="Fil (popolo, graphml) eller mapp (csv).")
@click.option("--with-text", is_flag=True, help="Ta med dokumentens fulltext (GraphML och CSV).")
@db_option
@neo4j_option
def export(fmt: str, out: str, with_text: bool, db: str | None, neo4j: str | None) -> None:
    """Exportera grafen: Popolo JSON, GraphML eller CSV."""
    from graph import export as ex
    from graph.store_api import graph_from_store, open_store

    G = graph_from_store(open_store(db, neo4j, read_only=True))
    path = Path(out)
    if fmt != "csv" and path.is_dir():
        raise GovgraphError(f"{path}: är en mapp; ange en fil, t.ex. {path / ('graf.' + ('json' if fmt == 'popolo' else fmt))}")
    if fmt != "csv":
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        written = (ex.write_popolo(G, path) if fmt == "popolo" else
                   ex.write_graphml(G, path, with_text) if fmt == "graphml" else ex.write_csv(G, path, with_text))
    except OSError as e:
        raise GovgraphError(f"{path}: kunde inte skrivas ({e.strerror}); kontrollera sökvägen och behörigheten") from None
    click.echo(f"Exporterat till {path}: " + ", ".join(f"{k} {v}" for k, v in written.items() if v))


@cli.command()
@click.argument("cypher_or_file", metavar="FRÅGA")
@db_option
@click.option("--param", "-p", "params", multiple=True, metavar="NAMN=VÄRDE",
              help="Parameter namn=värde (kan upprepas).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--timeout", "timeout_s", type=click.IntRange(1, None), default=None,
              help="Avbryt frågan efter så många sekunder (standard 30, eller GOVGRAPH_QUERY_TIMEOUT).")
@click.option("--max-rows", type=click.IntRange(1, None), default=None,
              help="Visa högst så många rader (standard 100 000, eller GOVGRAPH_MAX_ROWS).")
@neo4j_option
def query(cypher_or_file: str, db: str | None, params: tuple[str, ...], fmt: str, timeout_s: int | None,
          max_rows: int | None, neo4j: str | None) -> None:
    """Kör en Cypher-fråga (text, en .cypher-fil eller namnet på en sparad fråga); bara läsning."""
    from graph.queries import find_query
    from graph.redirects import follow_query
    from graph.store_api import open_store, query_limits

    text, defaults = find_query(cypher_or_file)
    p = {**defaults, **parse_params(params)}
    timeout_ms, cap = query_limits()
    timeout_ms, cap = (timeout_s * 1000 if timeout_s else timeout_ms), (max_rows or cap)
    store = open_store(db, neo4j, read_only=True)
    text, p, followed = follow_query(store, text, p)
    for old, new in followed.items():
        click.echo(f"obs: {old} har slagits ihop med {new}; frågan använder {new}", err=True)
    cols, rows = store.query(text, p, timeout_ms=timeout_ms, max_rows=cap)
    if len(rows) >= cap:
        click.echo(f"obs: resultatet är avkortat till {cap} rader; begränsa frågan eller höj gränsen med "
                   f"--max-rows", err=True)
    if fmt == "json":
        click.echo(json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow([cell(v) for v in r])
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(table(cols, rows))


@cli.command()
@click.argument("text", metavar="TEXT")
@click.option("--kind", type=click.Choice(["body", "person", "role", "matter", "item", "decision", "assignment",
                                           "agreement", "passage"]), default=None,
              help="Bara ett slag: organ, personer, roller, ärenden, paragrafer, beslut, uppdrag, avtal eller "
                   "textavsnitt.")
@click.option("--body", default=None, metavar="ORGAN",
              help="Bara det som hör till organet (id, namn eller förkortning).")
@click.option("--municipality", default=None, metavar="KOMMUN",
              help="Bara det som hör till kommunen (namn eller kod).")
@click.option("--from", "date_from", default=None, metavar="DATUM",
              help="Från och med datum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ).")
@click.option("--to", "date_to", default=None, metavar="DATUM", help="Till och med datum.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Högst så många träffar.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@db_option
@neo4j_option
def search(text: str, kind: str | None, body: str | None, municipality: str | None, date_from: str | None,
           date_to: str | None, limit: int, fmt: str, db: str | None, neo4j: str | None) -> None:
    """Sök i grafen och i dokumentens text: organ, personer, ärenden, paragrafer, beslut, uppdrag och textavsnitt."""
    from graph.search import KINDS_SV, Query, marked, no_hits, snippet
    from graph.store_api import open_store

    q = Query(text, kind=kind, body=body, municipality=municipality, date_from=date_from, date_to=date_to,
              limit=limit)
    store = open_store(db, neo4j, read_only=True)
    hits = store.search(q)
    if not hits:
        click.echo(no_hits(q), err=True)
        return
    cols = ["kind", "id", "title", "para", "date", "bodies", "quote", "doc", "start", "end", "score"]
    rows = [{"kind": h["kind"], "id": h["id"], "title": h["title"], "para": h["para"],
             "date": h["date_min"] if h["date_min"] == h["date_max"] else
             "–".join(filter(None, (h["date_min"], h["date_max"]))) or None,
             "bodies": h["body_names"], "quote": h["quote"], "doc": h["doc"], "start": h["start"], "end": h["end"],
             "score": h["score"]} for h in hits]
    if fmt == "json":
        click.echo(json.dumps([{**r, "terms": q.terms} for r in rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow([cell(r[c]) for c in cols])
        click.echo(buf.getvalue(), nl=False)
    else:  # one hit a few lines, best first: a quote cut to fit a table column would lose the word searched for
        for i, (r, h) in enumerate(zip(rows, hits), 1):
            place = " · ".join(filter(None, [", ".join(r["bodies"]), r["date"], r["para"]]))
            quote = marked(snippet(" ".join(r["quote"].split()), q.terms, 200), q.terms, "*", "*", escape=False)
            node = f"  [{r['id']}]" if r["kind"] != "passage" else ""
            click.echo(f"{i}. {KINDS_SV[r['kind']]}: {r['title']}{node}")
            if place:
                click.echo(f"   {place}")
            click.echo(f"   ”{quote}”")
            if "*" not in quote and h.get("context"):  # found by what else is known of it: a matter, a speaker
                why = marked(snippet(h["context"], q.terms, 160), q.terms, "*", "*", escape=False)
                click.echo(f"   hittad genom: {why}")
            if r["doc"]:
                click.echo(f"   källa: {r['doc']}, tecken {r['start']}–{r['end']}")
        click.echo(f"({len(rows)} {'träff' if len(rows) == 1 else 'träffar'})")


@cli.command()
@click.argument("file", type=click.Path(), metavar="FIL")
@click.option("--body", default=None, metavar="ORGAN", help="Organ om dokumentet inte självt säger det.")
@click.option("--date", "date_", default=None, metavar="ÅÅÅÅ-MM-DD", help="Mötesdatum om dokumentet saknar det.")
def extract(file: str, body: str | None, date_: str | None) -> None:
    """Visa vad reglerna hittar i ett dokument (JSON), utan att ändra grafen."""
    from ingest.pipeline import extract_document
    from ingest.readers import read

    meta = {k: v for k, v in (("body", body), ("date", date_)) if v}
    props, x = extract_document(read(file), meta)
    out = x.to_dict()
    out["document"] = {k: v for k, v in props.items() if k != "text"}
    click.echo(json.dumps(out, ensure_ascii=False, indent=1))


@cli.command()
def schema() -> None:
    """Skriv grafens schema som Markdown."""
    from graph.schema import markdown_table

    click.echo(markdown_table())


@cli.command()
@db_option
@click.option("--port", default=8501, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Lyssna bara lokalt om inget annat anges.")
@click.option("--open/--no-open", "open_browser", default=False, help="Öppna utforskaren i webbläsaren.")
@neo4j_option
def app(db: str | None, port: int, host: str, open_browser: bool, neo4j: str | None) -> None:
    """Starta utforskaren (Streamlit) mot grafen."""
    env = {**os.environ, "GOVGRAPH_DB": str(db_path(db).resolve())}
    if neo4j:
        env["NEO4J_URI"] = neo4j
    # always headless: a non-headless first start asks for an e-mail address on the terminal and waits
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", host,
           "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.headless", "true"]
    url = f"http://{host}:{port}"
    click.echo(f"Öppna {url} i webbläsaren (avsluta med Ctrl+C).", err=True)
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)  # .streamlit/config.toml is read from here
    try:
        if open_browser:
            _open_when_up(url, proc)
        sys.exit(proc.wait())
    except KeyboardInterrupt:
        proc.terminate()
        sys.exit(0)


def _open_when_up(url: str, proc: subprocess.Popen) -> None:
    """Open the explorer in the default browser once the server answers (at most 60 s)."""
    import time
    import urllib.request
    import webbrowser

    for _ in range(120):
        if proc.poll() is not None:
            return
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                webbrowser.open(url)
                return
        except OSError:
            time.sleep(0.5)


@cli.command()
@db_option
@neo4j_option
def push(db: str | None, neo4j: str | None) -> None:
    """Kopiera den inbyggda grafen (databasfilen) till Neo4j och jämför antalen på båda sidor."""
    from graph.store_api import open_store

    _copy(open_store(db, engine="ladybug"), open_store(neo4j=neo4j, engine="neo4j", read_only=False))


@cli.command()
@db_option
@neo4j_option
def pull(db: str | None, neo4j: str | None) -> None:
    """Kopiera grafen i Neo4j till den inbyggda databasfilen och jämför antalen på båda sidor."""
    from graph.store_api import open_store

    _copy(open_store(neo4j=neo4j, engine="neo4j"), open_store(db, engine="ladybug", read_only=False))


def _copy(source, target) -> None:
    from graph.store_api import graph_from_store

    G = graph_from_store(source)
    source.close()
    written = target.replace_graph(G)
    again = graph_from_store(_reader(target))
    diff = {k: (written.get(k, 0), n) for k, n in counts(again).items() if written.get(k, 0) != n}
    click.echo(f"Kopierat från {source.path} till {target.path}: "
               + ", ".join(f"{k} {v}" for k, v in written.items() if v))
    if diff:
        raise GovgraphError(f"antalen skiljer sig efter kopieringen: {diff}")
    click.echo("Antalen stämmer på båda sidor.")


def _reader(store):
    """The store just written, to read back: a database file is opened anew, read-only; a server is read through
    the same connection."""
    from graph.store_api import open_store

    return open_store(store.path, engine="ladybug") if store.dialect == "ladybug" else store


def main() -> None:
    """Run the command line: every error is one line and an exit status (2 for a mistake on the command line or
    a GovgraphError, 1 for a failed document or evaluation, 130 when interrupted), never a traceback."""
    try:
        cli(standalone_mode=False)
    except _HELP_ERRORS as e:  # `govgraph` or `govgraph curate` alone: the help, as click shows it
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("avbrutet", err=True)
        sys.exit(130)
    except click.ClickException as e:
        click.echo(f"fel: {swedish.one_line(e)}", err=True)
        sys.exit(e.exit_code)
    except GovgraphError as e:
        click.echo(f"fel: {e}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("avbrutet", err=True)
        sys.exit(130)
    except Exception as e:  # no traceback reaches a user; GOVGRAPH_DEBUG=1 shows it
        if os.environ.get("GOVGRAPH_DEBUG"):
            raise
        click.echo(f"fel: oväntat internt fel ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}); "
                   f"kör med GOVGRAPH_DEBUG=1 och rapportera felet", err=True)
        sys.exit(3)


_HELP_ERRORS = tuple(filter(None, [getattr(click.exceptions, "NoArgsIsHelpError", None)]))  # click 8.2 and later


if __name__ == "__main__":
    main()
