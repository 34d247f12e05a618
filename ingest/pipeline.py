"""The ingest pipeline: read -> segment -> nlp -> extract -> resolve -> build -> store."""
from __future__ import annotations

import gc
import hashlib
import os
import time
import tomllib
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import networkx as nx

from graph.model import DocExtraction, GovgraphError, Warning_, pack_extraction, slug, unpack_extraction
from graph.curation import apply as apply_curation, load as load_curation
from graph.redirects import GivenIds, given_ids
from graph.store import LadybugStore
from ingest import nlp
from ingest.dates import parse_one
from ingest.extract import extract
from ingest.readers import Document, ReadError, discover, doc_id_for, read
from ingest.resolve import corpus_from, resolve
from ingest.resolve.sticky import keep_ids
from ingest.segment import segment

MANIFEST_NAMES = ("manifest.toml", "govgraph.toml")


class ManifestError(GovgraphError):
    """A manifest that cannot be read."""


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line each: file and fix
    warnings: list[Warning_] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files of other types in the folders, passed over
    removed: list[str] = field(default_factory=list)  # documents taken out (govgraph remove)


def load_manifest(folder: Path) -> dict[str, dict]:
    """Metadata a document lacks, given by the user beside the files: [\"file.txt\"] body = …, date = …"""
    for name in MANIFEST_NAMES:
        p = folder / name
        if p.exists():
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                raise ManifestError(f"{p}: manifestet kunde inte läsas ({e}); rätta TOML-syntaxen") from None
            out = {}
            for fname, meta in data.items():
                if not isinstance(meta, dict):
                    raise ManifestError(f"{p}: posten {fname!r} ska vara en tabell, t.ex. [\"{fname}\"] body = \"…\"")
                if "date" in meta:
                    iso = parse_one(str(meta["date"]))
                    if not iso:
                        raise ManifestError(f"{p}: datumet {meta['date']!r} för {fname} kunde inte tolkas; "
                                            f"skriv det som ÅÅÅÅ-MM-DD")
                    meta = {**meta, "date": iso}
                out[fname] = meta
            return out
    return {}


def extract_document(doc: Document, meta: dict | None = None) -> tuple[dict, DocExtraction]:
    """One document through segmentation, the spaCy pipeline and the rules."""
    seg = segment(doc.text)
    sdoc = nlp.run(seg.masked)
    x = extract(doc, seg, sdoc, meta or {})
    for w in doc.warnings:
        x.warnings.insert(0, Warning_(doc.id, w))
    title = next((ln.strip for ln in seg.lines if ln.strip), doc.name)[:120]
    props = {"id": doc.id, "name": doc.name, "title": title, "path": doc.path, "format": doc.format,
             "encoding": doc.encoding, "sha256": doc.sha256, "chars": len(doc.text), "text": doc.text,
             "extractor": extractor_version(),
             "kind": None, "date": None, "body": None, "warnings": [], "meta": meta or {},
             # packed here, in the worker process, so that the parent's serial build does less
             "extraction": pack_extraction(x, meta or {})}
    meeting = next((m for m in x.mentions if m.key == "meeting"), None)
    if meeting:
        props["kind"] = meeting.props.get("kind")
        props["date"] = meeting.props.get("date")
    else:  # a memo or letter: no meeting of its own; a diary number marks a skrivelse in a case
        from ingest.extract.patterns import DNR_RE

        props["kind"] = "skrivelse" if DNR_RE.search(seg.masked) else "dokument"
    return props, x


@contextmanager
def _few_collections():
    """An ingest makes millions of small objects that live until it ends (mentions, claims, evidence, graph
    attributes); the cyclic garbage collector's passes over them cost a tenth of the run. During an ingest,
    objects that existed before it (the spaCy pipeline, the lexicons) are left out of the collector's scans and
    young objects are collected less often; the settings are restored afterwards."""
    old = gc.get_threshold()
    nlp.pipeline()  # loaded before the freeze, so that it is never scanned
    gc.freeze()
    gc.set_threshold(max(old[0], 20_000), max(old[1], 50), max(old[2], 100))
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def ingest(paths: list[str | Path], db: str | Path, *, meta: dict | None = None,
           progress: Callable[[int, int, str], None] | None = None,
           date_from_filename: bool = False, jobs: int = 0, stages: dict[str, float] | None = None,
           waiting: Callable[[str], None] | None = None, curation: Path | None = None) -> IngestResult:
    """Ingest files and folders into the database at db; unchanged documents are not read twice. If stages is
    given, the seconds spent in each stage are added to it (read, extract, build, store).

    The run holds the database's write lock from reading what is stored to its last write: a second ingest
    waits (told through waiting) and then sees the first one's documents. The store writes what differs from
    the stored graph in one transaction, or a new graph whole (graph/store.py): all or nothing either way.
    curation: the reviewers' corrections file, applied to the graph every time."""
    corrections = load_curation(curation)  # a broken file stops the run before anything is read
    with _writing(db, waiting), _few_collections():
        return _ingest(paths, db, meta, progress, date_from_filename, jobs, {} if stages is None else stages,
                       corrections)


def remove(names: list[str], db: str | Path, *, waiting: Callable[[str], None] | None = None,
           curation: Path | None = None) -> IngestResult:
    """Take documents' facts out of the graph: each name is a document id (doc:…), a file name or a path as
    ingested. The rest of the corpus is resolved again without them (a person or matter seen only there goes
    too), and the store writes what differs."""
    return _from_store(names, db, waiting, curation, always=False)


def rebuild(db: str | Path, *, curation: Path | None = None, waiting: Callable[[str], None] | None = None
            ) -> IngestResult:
    """Build the graph again from the stored documents, with the corrections as they now stand (after
    `govgraph curate`): nothing is read from disk but the database and the corrections file."""
    return _from_store([], db, waiting, curation, always=True)


def _is_file(db) -> bool:
    """db is the embedded database file's path (else a graph.store_api.Store to read and write: Neo4j)."""
    return isinstance(db, (str, os.PathLike))


def _reader(db):
    """The store to read what is stored from: the given store, or the database file without the schema check
    (an ingest is how a graph of an older version is rebuilt)."""
    return LadybugStore(db, read_only=True, check_schema=False) if _is_file(db) else db


def _writer(db):
    return LadybugStore(db, read_only=False) if _is_file(db) else db


def _from_store(names: list[str], db, waiting, curation: Path | None, always: bool) -> IngestResult:
    """The graph built again from the stored documents but those named, when any is named or always."""
    corrections = load_curation(curation)
    with _writing(db, waiting), _few_collections():
        store = _reader(db)
        if not store.exists():
            raise GovgraphError(f"{_where(db)}: ingen graf finns här ännu; kör först `govgraph ingest data/`")
        stored = {d["id"]: d for d in store.load_documents()}
        given = given_ids(store)
        store.close()
        result = IngestResult()
        gone: set[str] = set()
        for name in names:
            hits = [did for did, d in stored.items()
                    if name in (did, d.get("name"), d.get("path")) or doc_id_for(Path(name)) == did]
            if not hits:
                result.failed.append(f"{name}: inget inläst dokument heter så; se `govgraph query "
                                     f"\"MATCH (d:Document) RETURN d.id, d.name\"` för namnen")
            gone.update(hits)
        if gone or always:
            lost: list[Warning_] = []
            corpus = _stored_corpus({did: d for did, d in stored.items() if did not in gone}, lost)
            G, warnings, merges = build(list(corpus.values()), corrections, given)
            result.warnings, result.merges = [*warnings, *lost], merges
            result.counts = _writer(db).replace_graph(G)
            _remember_digest(db, _curation_digest(corrections))
            result.removed = sorted(stored[did].get("name") or did for did in gone)
        return result


def _curation_digest(corrections: list[dict] | None) -> str:
    import json

    return hashlib.sha256(json.dumps(corrections or [], sort_keys=True, default=str).encode()).hexdigest()[:16]


def _digest_file(db) -> Path | None:
    return Path(str(db) + ".curation") if _is_file(db) else None


def _stored_digest(db) -> str:
    """The digest of the corrections the stored graph was built with: a changed file means a rebuild."""
    f = _digest_file(db)
    if f is None or not f.exists():
        return _curation_digest(None)
    return f.read_text(encoding="utf-8").strip()


def _remember_digest(db, digest: str) -> None:
    f = _digest_file(db)
    if f is not None:
        f.write_text(digest + "\n", encoding="utf-8")


def _unique_id(doc: Document, taken: dict[str, str], stored: dict[str, dict]) -> None:
    """A document's id comes from its file name. Two files of the same name in one run (protokoll.pdf beside
    protokoll.docx, or protokoll.txt in two folders) would be one document and the second would replace the
    first: the second gets the id with its extension, then its folder, and a warning says so. A file of the
    same name as a stored document from another place is taken as that document moved or copied, and replaces
    it; a warning says so when the other file is still there with other content."""
    def clash(did: str) -> bool:
        return did in taken and taken[did] != doc.path

    first = doc.id
    if clash(first):
        path = Path(doc.path)
        for candidate in (f"{first}-{slug(path.suffix.lstrip('.'))}", f"{first}-{slug(path.parent.name)}",
                          f"{first}-{hashlib.sha256(doc.path.encode()).hexdigest()[:8]}"):
            if not clash(candidate):
                doc.id = candidate
                break
        doc.warnings.append(f"en annan fil har samma namn ({taken[first]}); dokumentet heter {doc.id} i grafen")
        return
    old = stored.get(first)
    if old and old.get("path") != doc.path and old.get("sha256") != doc.sha256 and Path(old.get("path") or "").exists():
        doc.warnings.append(f"ersätter dokumentet med samma namn från {old.get('path')}; byt namn på en av filerna "
                            f"om de är olika dokument")


def _where(db) -> str:
    return str(getattr(db, "uri", None) or getattr(db, "path", None) or db)


@contextmanager
def _writing(db, waiting):
    """The store's right to write: the embedded database's write lock (a Neo4j server orders its own
    transactions, and its writing() holds nothing)."""
    with _writer(db).writing(waiting):
        yield


def _stored_corpus(stored: dict[str, dict], lost: list[Warning_] | None = None
                   ) -> dict[str, tuple[dict, DocExtraction]]:
    """The stored documents with their extraction; one that cannot be unpacked (written by a much older
    version) is left out and said in lost, so that the user can read its file again."""
    corpus: dict[str, tuple[dict, DocExtraction]] = {}
    for did, d in stored.items():
        try:
            wire = unpack_extraction(d["extraction"])
            x = DocExtraction.from_wire(wire, d["text"])
        except (TypeError, ValueError, KeyError):
            if lost is not None:
                lost.append(Warning_(did, f"{d.get('name') or did} kunde inte läsas ur den lagrade grafen och är inte "
                                          f"med i den nya; läs in filen igen (govgraph ingest {d.get('path') or ''})"))
            continue
        d = dict(d)
        d["meta"] = wire.get("meta", {})  # unpacked once: the stored extraction is most of the document's bytes
        corpus[did] = (d, x)
    return corpus


def _ingest(paths, db, meta, progress, date_from_filename, jobs, stages: dict[str, float],
            corrections: list[dict] | None = None) -> IngestResult:
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[stage] = stages.get(stage, 0.0) + now - clock
        clock = now

    files, skipped = discover(paths)
    if not files:
        raise GovgraphError(f"{', '.join(map(str, paths))}: inga filer att läsa (.txt, .html, .htm, .pdf, .docx)")
    result = IngestResult(skipped=skipped)
    # db: the embedded database file, or a store object (Neo4jStore) to write into
    store = _reader(db)
    stored = {d["id"]: d for d in store.load_documents()} if store.exists() else {}
    given = given_ids(store)
    store.close()
    lost: list[Warning_] = []
    corpus = _stored_corpus(stored, lost)
    manifests: dict[Path, dict] = {}
    taken: dict[str, str] = {}  # document id -> path, in this run
    todo: list[tuple[Document, dict, bool]] = []
    for f in files:
        fmeta = file_meta(f, manifests, meta, date_from_filename)
        try:
            doc = read(f)
        except ReadError as e:
            result.failed.append(str(e))
            continue
        _unique_id(doc, taken, stored)
        taken[doc.id] = doc.path
        old = stored.get(doc.id)
        # unchanged: the same bytes, the same metadata, read by the same rules (a new version re-reads); the
        # metadata as _stored_corpus unpacked it (a stored extraction that could not be unpacked is read again)
        if old and doc.id in corpus and old.get("sha256") == doc.sha256 and corpus[doc.id][0]["meta"] == fmeta \
                and old.get("extractor") == extractor_version():
            result.unchanged.append(doc.name)
            continue
        todo.append((doc, fmeta, old is not None))
    lap("read")
    for i, (doc, is_update, out) in enumerate(extract_many(todo, jobs), 1):
        if progress:
            progress(i, len(todo), doc.path)
        if isinstance(out, str):
            result.failed.append(out)
            continue
        (result.updated if is_update else result.added).append(doc.name)
        corpus[doc.id] = out
    lap("extract")
    G, warnings, merges = build(list(corpus.values()), corrections, given)
    result.warnings = [w for w in warnings] + [w for w in lost if w.doc not in corpus]
    reread = {doc.id for doc, _, _ in todo}
    for did, d in stored.items():
        if did in corpus and did not in reread and d.get("extractor") != extractor_version():
            result.warnings.append(Warning_(did, f"{d.get('name')} lästes av en äldre version av reglerna; "
                                                 f"läs in filen igen (govgraph ingest {d.get('path')}) för att uppdatera"))
    result.merges = merges
    lap("build")
    applied = _curation_digest(corrections)
    if result.added or result.updated or (not store.exists() and corpus) or applied != _stored_digest(db):
        result.counts = _writer(db).replace_graph(G)
        _remember_digest(db, applied)
    else:
        result.counts = {}
    lap("store")
    return result


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the extraction code and its rule files: documents read by other rules are read again."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for p in sorted([*here.rglob("*.py"), *(here / "rules").glob("*")]):
        # the evaluation code (the ingest/evaluate package) does not read documents: changing it re-reads nothing
        if p.is_file() and "evaluate" not in p.relative_to(here).parts[:1] and "__pycache__" not in p.parts:
            h.update(p.relative_to(here).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def file_meta(f: Path, manifests: dict[Path, dict], meta: dict | None, date_from_filename: bool) -> dict:
    """What the user says about a file: its folder's manifest, then the command line's options."""
    folder = f.parent
    if folder not in manifests:
        manifests[folder] = load_manifest(folder)
    fmeta = {**manifests[folder].get(f.name, {}), **(meta or {})}
    if date_from_filename and "date" not in fmeta:
        # only when the user asks: "socsam-2023-10-13-protokoll.txt" -> 2023-10-13 (used if the text has none)
        iso = parse_one(f.stem.replace("_", " "))
        if iso:
            fmeta["date_fallback"] = iso
    return fmeta


def extract_paths(paths: list[str | Path], *, meta: dict | None = None, jobs: int = 0,
                  date_from_filename: bool = False) -> tuple[list[tuple[dict, DocExtraction]], list[str]]:
    """Read and extract files and folders without any database: the extractions and one line per failed file."""
    files, _ = discover(paths)
    if not files:
        raise GovgraphError(f"{', '.join(map(str, paths))}: inga filer att läsa (.txt, .html, .htm, .pdf, .docx)")
    manifests: dict[Path, dict] = {}
    todo, failed = [], []
    for f in files:
        fmeta = file_meta(f, manifests, meta, date_from_filename)
        try:
            todo.append((read(f), fmeta, False))
        except ReadError as e:
            failed.append(str(e))
    out = []
    with _few_collections():
        for _doc, _, res in extract_many(todo, jobs):
            if isinstance(res, str):
                failed.append(res)
            else:
                out.append(res)
    return out, failed


def _failure(doc: Document, e: Exception) -> str:
    """One line for a document the rules could not read: the other documents are still ingested."""
    if isinstance(e, GovgraphError):
        return str(e)
    if os.environ.get("GOVGRAPH_DEBUG"):
        raise e
    what = str(e).splitlines()[0][:200] if str(e) else ""
    return (f"{doc.path}: kunde inte tolkas (internt fel {type(e).__name__}{': ' + what if what else ''}); "
            f"övriga filer lästes in. Rapportera felet med filen bifogad, eller kör med GOVGRAPH_DEBUG=1")


def _extract_one(item: tuple[Document, dict, bool]):
    doc, meta, is_update = item
    try:
        return doc, is_update, extract_document(doc, meta)
    except Exception as e:  # noqa: BLE001 - one document's failure is reported, not the run's
        return doc, is_update, _failure(doc, e)


def _extract_packed(item: tuple[Document, dict, bool]) -> dict | str:
    """In a worker process: the Document props with the extraction packed and without the text, which the
    parent has. Sending the extraction's objects back instead cost the parent more to unpickle (2.4 s per 10 MB
    of text) than rebuilding them from the packed form (0.65 s), and seven times the bytes."""
    doc, meta, _ = item
    try:
        props, _x = extract_document(doc, meta)
    except Exception as e:  # noqa: BLE001 - one document's failure is reported, not the run's
        return _failure(doc, e)
    props.pop("text")
    return props


def _unpacked(doc: Document, props: dict) -> tuple[dict, DocExtraction]:
    props["text"] = doc.text
    return props, DocExtraction.from_wire(unpack_extraction(props["extraction"]), doc.text)


def default_jobs(n_docs: int) -> int:
    """One process for a handful of documents (loading the pipeline costs ~2 s a process); else the cores."""
    return 1 if n_docs < 40 else max(1, min(os.cpu_count() or 1, 8))


def extract_many(todo: list[tuple[Document, dict, bool]], jobs: int = 0):
    """Extract documents, in parallel processes when there are many; yields (doc, is_update, result or
    error message) in input order."""
    jobs = jobs or default_jobs(len(todo))
    if jobs <= 1 or len(todo) < 2:
        for item in todo:
            yield _extract_one(item)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=nlp.pipeline) as ex:
        results = ex.map(_extract_packed, todo, chunksize=max(1, min(16, len(todo) // (jobs * 4))))
        for (doc, _, is_update), out in zip(todo, results):
            yield doc, is_update, (out if isinstance(out, str) else _unpacked(doc, out))


def build(docs: list[tuple[dict, DocExtraction]], curation: list[dict] | None = None,
          given: GivenIds | None = None) -> tuple[nx.MultiDiGraph, list[Warning_], list[str]]:
    """Resolve the corpus, keep the ids a stored graph gave (sticky.py), apply the reviewers' corrections
    (graph/curation.py) and build the graph; each Document node carries its warnings and extraction."""
    props_list = []
    for props, x in docs:
        p = dict(props)
        if not p.get("extraction"):  # read from the store or packed by extract_document already
            p["extraction"] = pack_extraction(x, props.get("meta", {}))
        p.pop("meta", None)
        props_list.append((p, x))
    corpus = corpus_from(props_list)
    G, warnings, merges = resolve(corpus)
    merges = [*merges, *keep_ids(G, given)] if given else merges
    if curation:
        applied, stale = apply_curation(G, curation)
        warnings = [*warnings, *stale]
        merges = [*merges, *(f"rättelse {line}" for line in applied)]
    all_warnings = []
    by_doc: dict[str, list[str]] = {}
    for _, x in props_list:
        for w in x.warnings:
            all_warnings.append(w)
            by_doc.setdefault(w.doc, []).append(w.local())
    for w in warnings:
        all_warnings.append(w)
        by_doc.setdefault(w.doc, []).append(w.local())
    for did in corpus.docs:
        node = G.nodes[did]
        node["warnings"] = by_doc.get(did, [])
        meeting = next((u for u, _, d in G.in_edges(did, data=True)
                        if d["type"] == "MENTIONED_IN" and G.nodes[u]["label"] == "Meeting"
                        and d.get("rule") in ("header", "manifest")), None)
        if meeting:
            body = next((u for u, _, d in G.in_edges(meeting, data=True) if d["type"] == "HELD"), None)
            node["date"] = G.nodes[meeting].get("date")
            if body:
                node["body"] = G.nodes[body].get("short") or G.nodes[body].get("name")
    return G, all_warnings, merges


__all__ = ["ingest", "remove", "rebuild", "build", "extract_document", "load_manifest", "IngestResult"]
