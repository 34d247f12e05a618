"""The rule data (ingest/rules/*) and the municipality reference list, loaded once."""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.text import genitive

RULES = Path(__file__).parent / "rules"
ROOT = Path(__file__).resolve().parent.parent


def _csv(name: str) -> list[dict[str, str]]:
    with open(RULES / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def rules_csv(name: str) -> list[dict[str, str]]:
    """A table of ingest/rules as rows."""
    return _csv(name)


def _lines(name: str) -> list[str]:
    out = []
    for ln in (RULES / name).read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if ln and not ln.startswith("#"):
            out.append(ln)
    return out


@cache
def words(name: str) -> frozenset[str]:
    """A word list of ingest/rules (one word or phrase a line, '#' for comments)."""
    return frozenset(_lines(name))


@cache
def ordered_words(name: str) -> tuple[str, ...]:
    """A word list whose order matters (tried in turn as alternatives of a pattern)."""
    return tuple(_lines(name))


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    county: str
    county_code: str


def reference_dir() -> Path:
    return Path(os.environ.get("GOVGRAPH_REFERENCE", ROOT / "data" / "reference"))


@cache
def first_names() -> frozenset[str]:
    """Sweden's most common first names (data/reference/fornamn.txt)."""
    return _reference_words("fornamn.txt")


@cache
def surnames() -> frozenset[str]:
    """Sweden's most common surnames (data/reference/efternamn.txt)."""
    return _reference_words("efternamn.txt")


def _reference_words(name: str) -> frozenset[str]:
    lines = (reference_dir() / name).read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@cache
def municipalities() -> tuple[Municipality, ...]:
    path = reference_dir() / "kommuner.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return tuple(Municipality(r["kommunkod"], r["kommun"], r["lan"], r["lanskod"]) for r in csv.DictReader(f))


# Names that are also everyday words: a bare mention is only a municipality with "kommun" after it.
AMBIGUOUS_MUNICIPALITIES = {"Vara", "Mark", "Berg", "Ale", "Sala", "Hjo", "Mora", "Lund", "Boden", "Nora", "Ydre",
                            "Bjuv", "Heby", "Malå", "Laxå"}


@cache
def municipality_forms() -> dict[str, Municipality]:
    """Lower-cased written forms -> municipality: 'östersunds kommun', 'östersund kommun', 'östersund'."""
    forms: dict[str, Municipality] = {}
    for m in municipalities():
        n = m.name
        for f in (f"{genitive(n)} kommun", f"{n} kommun", f"{genitive(n)} kommuns", f"kommunen {n}"):
            forms[f.lower()] = m
    return forms


@cache
def bare_municipality_names() -> dict[str, Municipality]:
    """Case-sensitive bare names (and genitives) that may stand alone: 'Östersund', 'Östersunds'."""
    out: dict[str, Municipality] = {}
    for m in municipalities():
        if m.name in AMBIGUOUS_MUNICIPALITIES:
            continue
        out[m.name] = m
        out.setdefault(genitive(m.name), m)
    return out


@cache
def municipality_by_slug() -> dict[str, Municipality]:
    from graph.model import slug

    return {slug(m.name).replace("-", ""): m for m in municipalities()}


@dataclass(frozen=True)
class Region:
    name: str
    county_code: str
    aliases: tuple[str, ...]


@cache
def regions() -> tuple[Region, ...]:
    return tuple(Region(r["name"], r["lanskod"], tuple(a for a in r["aliases"].split("|") if a))
                 for r in _csv("regions.csv"))


@cache
def parties() -> dict[str, tuple[str, str, str]]:
    """Written code (any case) -> (code as written upper, party name, current code)."""
    out = {}
    for r in _csv("parties.csv"):
        for form in [r["code"], *r["aliases"].split("|")]:
            if form:
                out[form.upper()] = (r["code"], r["name"], r["current"])
    return out


@cache
def organ_heads() -> dict[str, str]:
    return {r["head"]: r["kind"] for r in _csv("organs.csv")}


@cache
def organisation_heads() -> tuple[str, ...]:
    """Head nouns of organisations that are not organs ('myndighet', 'inspektion', 'centrum')."""
    return tuple(_lines("organisation_heads.txt"))


@cache
def organ_stop() -> frozenset[str]:
    return frozenset(_lines("organ_stop.txt"))


@cache
def title_forms() -> dict[str, str]:
    return {r["form"]: r["title"] for r in _csv("titles.csv")}


@cache
def title_suffixes() -> tuple[str, ...]:
    return tuple(_lines("title_suffixes.txt"))


def is_title_word(word: str) -> bool:
    """'socialchef', 'förbundsstrateg', 'ordförande': a title as titles.csv writes it, or ending like one."""
    return word in title_forms() or word.endswith(title_suffixes())


@cache
def sections() -> list[tuple[re.Pattern[str], str, str]]:
    return [(re.compile(rf"(?i)^(?:{r['pattern']})\s*:?$"), r["role"], r["status"]) for r in _csv("sections.csv")]


@cache
def header_labels() -> dict[str, str]:
    return {r["label"]: r["field"] for r in _csv("header_labels.csv")}


@cache
def boilerplate() -> re.Pattern[str]:
    return re.compile("(?i)^[ \t\xa0]*(?:" + "|".join(f"(?:{p})" for p in _lines("boilerplate.txt")) + r")[ \t\xa0]*$",
                      re.M)


@cache
def stop_phrases() -> frozenset[str]:
    return frozenset(p.lower() for p in _lines("stop_phrases.txt"))
