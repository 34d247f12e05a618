"""Expectations in the gold format of real-document sets (`data/real/gold/<stem>.json`): the JSON that people who
read a real document write about it (meetings, persons with party, titles and meeting roles, bodies, relations
between bodies, items with presenters, decisions and assignments, issue flows, municipalities), read as the kinds
`govgraph eval` scores. The format and its conventions are in data/real/README.md."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest import lexicon

# Meeting roles as the gold writes them -> the attendance roles the graph records ("föredragande" is a
# presentation, scored with the items; "närvarande" is any role at the meeting).
ROLES = {"tjg ersättare": "tjänstgörande ersättare", "tjänstgörande ersättare": "tjänstgörande ersättare",
         "beslutande": "beslutande", "ersättare": "ersättare", "ordförande": "ordförande",
         "sekreterare": "sekreterare", "justerare": "justerare", "tjänsteperson": "tjänsteperson",
         "närvarande": "närvarande", "ej närvarande": "ej närvarande", "vice ordförande": "vice ordförande"}
RELATION_TYPES = ("REPORTS_TO", "PREPARES_FOR", "PART_OF", "SUCCEEDED", "MEMBER_OF")


class GoldError(ValueError):
    """A gold file that cannot be read."""


def gold_path(document: Path) -> Path:
    return document.parent / "gold" / (document.stem + ".json")


def _party(code: str | None) -> str | None:
    """'FP' (as written in 2006) -> 'L': the party as the graph records it."""
    if not code:
        return None
    known = lexicon.parties().get(code.upper())
    return known[2] if known else code.upper()


def _municipality_code(name: str) -> str | None:
    forms = lexicon.municipality_forms()
    m = forms.get(name.lower()) or forms.get(f"{name.lower()} kommun")
    return m.code if m else None


def _item_label(paragraph: str | None) -> str | None:
    return paragraph.strip() if paragraph else None


def _body_names(gold: dict[str, Any]):
    """A body as the gold names it -> the tuple of that name and the aliases its `bodies` entry gives, which eval
    matches the way the real-minutes scorer does."""
    aliases: dict[str, tuple[str, ...]] = {}
    for b in gold.get("bodies", []):
        names = tuple(n for n in [b.get("name"), *(b.get("aliases") or [])] if n)
        for n in names:
            aliases.setdefault(n.casefold(), names)

    def known(name: str | None) -> tuple[str, ...]:
        return aliases.get(name.casefold(), (name,)) if name else ()
    return known


def kinds_from_gold(gold: dict[str, Any], path: Path) -> dict[str, list[dict]]:
    """The gold's facts as eval's kinds (each entry with the keys evaluate.ENTRY_KEYS scores)."""
    try:
        out: dict[str, list[dict]] = {
            "persons": [], "party": [], "titles": [], "attendance": [], "bodies": [], "municipalities": [],
            "meetings": [], "items": [], "decisions": [], "assignments": [], "relations": [], "flows": []}
        for p in gold.get("persons", []):
            name = p["name"]
            out["persons"].append({"name": name})
            if p.get("party"):
                out["party"].append({"name": name, "party": _party(p["party"])})
            for t in p.get("titles") or []:
                out["titles"].append({"person": name, "title": t})
            for r in p.get("meeting_roles") or []:
                if r in ROLES:
                    out["attendance"].append({"person": name, "role": ROLES[r]})
        known = _body_names(gold)
        for b in gold.get("bodies", []):
            if b.get("kind") != "kommun":  # a municipality acting is scored as a municipality
                out["bodies"].append({"name": known(b["name"])})
        for m in gold.get("municipalities", []):
            code = _municipality_code(m)
            if code:
                out["municipalities"].append({"code": code})
        for m in gold.get("meetings", []):
            # a meeting whose date the text does not give is still a meeting (the graph's has no date either)
            if m.get("body") or m.get("body_short"):
                names = tuple(dict.fromkeys(n for b in (m.get("body_short"), m.get("body")) if b for n in known(b)))
                out["meetings"].append({"body": names, "date": m.get("date")})
        blank: list[dict] = []  # items the text gives neither number nor title (web bullets): matched last, by count
        for it in gold.get("items", []):
            label = _item_label(it.get("paragraph"))
            # by number where it has one, else by the words of its title (as the gold's own scorer does)
            entry = {"number": label} if label else ({"title_like": it["title"]} if it.get("title") else {})
            (out["items"] if entry else blank).append(entry)
            for d in it.get("decisions") or []:
                out["decisions"].append({"text": d, **({"item": label} if label else {})})
            for a in it.get("assignments") or []:
                out["assignments"].append({"task": a["task"], **({"item": label} if label else {})})
        out["items"] += [{"blank": True} for _ in blank]
        for r in gold.get("body_relations", []):
            if r.get("rel") in RELATION_TYPES:
                out["relations"].append({"type": r["rel"], "from": known(r["from"]), "to": known(r["to"])})
        for f in gold.get("issue_flows", []):
            out["flows"].append({"from": known(f["from_body"]), "to": known(f["to_body"])})
    except (KeyError, TypeError, AttributeError) as e:
        raise GoldError(f"{path}: guldfilen följer inte formatet ({e!r} saknas eller är fel); se data/real/README.md")
    return {k: v for k, v in out.items() if v or k in ("persons", "items")}


def load_gold(path: Path) -> dict[str, list[dict]]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: guldfilen kunde inte läsas ({e}); rätta JSON-syntaxen") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{path}: guldfilen ska vara ett JSON-objekt; se data/real/README.md")
    return kinds_from_gold(gold, path)
