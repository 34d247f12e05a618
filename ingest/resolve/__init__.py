"""Resolution across documents: one person, body, municipality and matter across spellings and files.

Extraction emits document-local mentions; this stage gives them stable ids, merges spellings with a reason
for every merge, links matters that travel between bodies, and builds the networkx graph. The steps run in
order over one shared state (`state.State`):

- `bodies`: municipalities, and bodies by union-find over spellings and abbreviations
- `persons`: one person per full name and municipality (and party); initials resolved to a full name
- `meetings`: meetings, items, decisions, assignments, matters, agreements and roles, then the claims' edges,
  dated by the meeting and given the period the text states (`periods`)
- `matters`: matters linked across documents from referral wording
- `dnr`: matters linked by shared diary numbers within one municipality
- `report_backs`: assignments linked to the item that reports them back (REPORTED_IN)
"""
from __future__ import annotations

import gc

import networkx as nx

from graph.model import DocExtraction, Warning_
from ingest.resolve.bodies import UnionFind, resolve_bodies, resolve_municipalities
from ingest.resolve.dnr import link_by_dnr
from ingest.resolve.matters import link_matters
from ingest.resolve.meetings import resolve_edges, resolve_meetings_and_rest
from ingest.resolve.periods import DATED, FROM_RE, PERIODS, TO_RE, stated_period
from ingest.resolve.persons import resolve_persons
from ingest.resolve.report_backs import REPORT_RE, REPORT_STEMS, link_report_backs
from ingest.resolve.state import (ABBREV, LINK_THRESHOLD, NEXT_MEETINGS, REVIEW_THRESHOLD, STOP, Corpus, State,
                                  word_stems)

__all__ = ["ABBREV", "DATED", "FROM_RE", "LINK_THRESHOLD", "NEXT_MEETINGS", "PERIODS", "REPORT_RE", "REPORT_STEMS",
           "REVIEW_THRESHOLD", "STOP", "TO_RE", "Corpus", "Resolver", "UnionFind", "corpus_from", "resolve",
           "stated_period", "word_stems"]


class Resolver(State):
    """Runs the steps of resolution in order over one corpus."""

    def run(self) -> nx.MultiDiGraph:
        # Resolution makes hundreds of thousands of long-lived dicts (the graph's nodes and edges) and few cycles;
        # the collector's full passes over them cost a fifth of the build, so it waits until the graph is made.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._run()
        finally:
            if was_enabled:
                gc.enable()

    def _run(self) -> nx.MultiDiGraph:
        for did, props in self.c.docs.items():
            self.G.add_node(did, **{**props, "label": "Document", "id": did})
            self.ids[(did, "doc")] = did
        resolve_municipalities(self)
        resolve_bodies(self)
        resolve_persons(self)
        resolve_meetings_and_rest(self)
        resolve_edges(self)
        link_matters(self)
        link_by_dnr(self)
        link_report_backs(self)
        return self.G


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
