"""Every fact's quote is the text that states it, not only one of its ends: checked over every document of
data/real, data/sample-minutes and data/eval, and rule by rule on short phrasings.

The criteria, as near as a test can state them:
- a meeting role said by a word (ordförande, justerare, sekreterare) quotes that word with the name: "Ordförande
  Jan Sahlén", "Utses att justera Gudrun Gustafsson", "Vid protokollet Sara Olsson" (a role given by a list's
  heading quotes the name only: the heading is far above);
- an organisation's MEMBER_OF quotes more than its own name: the row of the person who sits for it ("Roger Ingvarsson,
  ledamot, Skinnskattebergs kommun"), the list it stands in, or the phrase that names the joint body;
- a BELONGS_TO never quotes a bare word for several bodies ('nämnderna'), and a letterhead's PART_OF quotes the
  organisation's name, never an e-mail address;
- a relation between organisations (PART_OF, MEMBER_OF, REPORTS_TO, PREPARES_FOR, SUCCEEDED, BELONGS_TO) names
  each end in its quote (a word of its name, its abbreviation or an alias; or an anaphor, 'regionens', 'projektet';
  or, for a footnote, the footnote's number it begins with), unless that end is the document's own: its body,
  that body's owners, the municipality or region its head names, which the document's head states once for all.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.pipeline import extract_document, extract_paths
from ingest.readers import read

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "data" / "real", ROOT / "data" / "sample-minutes", ROOT / "data" / "eval"]

ROLE_WORDS = {"ordförande": r"ordf|tjänstgör\w* som ordförande",
              "justerare": r"juster",
              "sekreterare": r"sekr|protokollför|vid protokollet"}
COLLECTIVE_RE = re.compile(r"(?i)(?:de[ \t]+|alla[ \t]+|samtliga[ \t]+)?(?:nämnderna|kommunerna|förvaltningarna|"
                           r"styrelserna|regionerna)")


RELATIONS = ("PART_OF", "MEMBER_OF", "REPORTS_TO", "PREPARES_FOR", "SUCCEEDED", "BELONGS_TO")
NOT_NAMING = {"och", "för", "kommun", "stad", "region", "län", "läns", "den", "det", "de", "i"}
ANAPHOR_RE = re.compile(r"(?i)\b(?:regionens?|kommunens?|förbundets?|landstingets?|projektets?|nämndens?|"
                        r"styrelsens?|gruppens?)\b")


def _named(m, quote: str) -> bool:
    """A word of the mention's name, abbreviation or aliases begins a word of the quote (its first five letters:
    'Tillväxtberedningens' names Tillväxtberedningen)."""
    forms = {w[:5] for n in [m.props.get("name"), m.props.get("short"), *(m.props.get("aliases") or [])]
             for w in re.findall(r"\w{2,}", (n or "").lower()) if w not in NOT_NAMING}
    return any(w.startswith(f) for w in re.findall(r"\w{2,}", quote.lower()) for f in forms)


def _own(x) -> set[str]:
    """The document's own: the body whose meeting it is, its owners, the municipality or region of its head."""
    own = {c.src for c in x.claims if c.type == "HELD"}
    for _ in range(3):
        own |= {c.dst for c in x.claims if c.type in ("PART_OF", "BELONGS_TO") and c.src in own}
    return own | {m.key for m in x.mentions if m.evidence.rule in ("document-head", "email-domain")}


@pytest.fixture(scope="module")
def corpus():
    out, failed = extract_paths([str(f) for f in FOLDERS if f.exists()])
    assert not failed
    return out


def _problems(props: dict, x) -> list[str]:
    names = {m.key: m.props.get("name") or m.key for m in x.mentions}
    labels = {m.key: m.label for m in x.mentions}
    by_key = {m.key: m for m in x.mentions}
    own = _own(x)
    out = []
    for c in x.claims:
        q, role = c.evidence.quote, c.props.get("role")
        where = f"{props['name']}: {c.type} {names.get(c.src)} -> {names.get(c.dst)} ({c.evidence.rule}) «{q[:80]}»"
        if c.type in ("ATTENDED", "ABSENT_FROM") and role in ROLE_WORDS:
            last = (names.get(c.src) or "").split()[-1:]
            if not re.search(ROLE_WORDS[role], q, re.IGNORECASE) or (last and last[0] not in q):
                out.append(f"role {role} not stated: {where}")
        if c.type == "MEMBER_OF" and labels.get(c.src) != "Person":
            member = {w.lower() for w in re.findall(r"\w+", names.get(c.src) or "")} | {"kommun", "stad"}
            words = [w for w in re.findall(r"\w{2,}", q.lower()) if not any(w.startswith(m[:4]) for m in member)]
            if not words:
                out.append(f"membership not stated: {where}")
        if c.type == "BELONGS_TO" and COLLECTIVE_RE.fullmatch(q.strip()):
            out.append(f"bare collective word: {where}")
        if c.type == "PART_OF" and c.evidence.rule == "letterhead" and "@" in q:
            out.append(f"letterhead quotes an e-mail address: {where}")
        if c.type in RELATIONS and labels.get(c.src) != "Person":
            for end in (c.src, c.dst):
                if not (end in own or _named(by_key[end], q) or ANAPHOR_RE.search(q) or re.match(r"\d{1,2}\s", q)):
                    out.append(f"{names.get(end)} not named: {where}")
    return out


def test_every_quote_states_its_fact(corpus):
    problems = [p for props, x in corpus for p in _problems(props, x)]
    assert not problems, "\n".join(problems[:40])


def _extract(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, x = extract_document(read(path), {})
    return x


def _roles(x) -> dict[tuple[str, str], str]:
    names = {m.key: m.props.get("name") for m in x.mentions}
    return {(names[c.src], c.props["role"]): c.evidence.quote for c in x.claims
            if c.type == "ATTENDED" and c.props.get("role") in ROLE_WORDS}


def test_run_on_signature_roles_quote_their_words(tmp_path):
    x = _extract(tmp_path, "head.txt", "Socialnämnden Plats och tid Stadshuset 2018-03-01 Beslutande Per Holm (S) "
                 "Karin Berg (M) Underskrifter Sekreterare Paragrafer 12 -- 20 Lena Ek Ordförande Per Holm (S) "
                 "Justerare Karin Berg (M)\n\n§ 12 Budget\nNämnden beslutar att anta budgeten.\n")
    roles = _roles(x)
    assert roles[("Lena Ek", "sekreterare")].startswith("Sekreterare")
    assert roles[("Per Holm", "ordförande")] == "Ordförande Per Holm"
    assert roles[("Karin Berg", "justerare")] == "Justerare Karin Berg"


@pytest.mark.parametrize("phrase, quote", [
    ("Utses att justera Anna Lind", "Utses att justera Anna Lind"),
    ("Anna Lind (C) valdes till justerare", "Anna Lind (C) valdes till justerare"),
])
def test_an_adjuster_quotes_the_words_that_elect_her(tmp_path, phrase, quote):
    x = _extract(tmp_path, "adj.txt", "Kommunstyrelsen Plats och tid Kommunhuset 2019-04-02 Beslutande Per Holm (S) "
                 f"Anna Lind (C) {phrase} Paragrafer 1-4\n\n§ 1 Budget\nStyrelsen beslutar att anta budgeten.\n")
    assert _roles(x)[("Anna Lind", "justerare")] == quote


def _members(x) -> dict[str, str]:
    names = {m.key: m.props.get("name") for m in x.mentions}
    return {names[c.src]: c.evidence.quote for c in x.claims if c.type == "MEMBER_OF"}


def test_a_member_row_quotes_the_person_who_sits_for_the_organisation(tmp_path):
    x = _extract(tmp_path, "forbund.txt", "PROTOKOLL\nSamordningsförbundet Södra Dalarna\nStyrelsen\n2016-02-10\n\n"
                 "Närvarande\nKarin Borg, ordförande, Borlänge kommun\nOlle Sten, ledamot, Hedemora kommun\n"
                 "Eva Ek, ersättare, Region Dalarna\n\n§ 1 Budget\nStyrelsen beslutar att anta budgeten.\n")
    members = _members(x)
    assert members.get("Hedemora kommun") == "Olle Sten, ledamot, Hedemora kommun"
    assert members.get("Borlänge kommun") == "Karin Borg, ordförande, Borlänge kommun"


def test_a_member_column_quotes_the_row_not_the_row_before(tmp_path):
    # "Ingvar Persson (M), Bollnäs": the party between the name and the place; each quote holds its own row
    # (and at most the one word before it where no stage has read the name yet: "Närvarande Lars Berg (S), Gävle")
    x = _extract(tmp_path, "radet.txt", "Minnesanteckningar\nSamverkansrådet i Gävleborg\n2014-09-03\n"
                 "Närvarande Lars Berg (S), Gävle Eva Holm (M), Sandviken Anna Ek (C), Hofors Per Lind (V), Ockelbo\n"
                 "\n1. Mötets öppnande\nOrdförande hälsade välkommen.\n")
    members = _members(x)
    assert members, "no members read"
    for member, quote in members.items():
        assert re.fullmatch(r"(?:[A-ZÅÄÖ]\w+ )?[A-ZÅÄÖ]\w+ [A-ZÅÄÖ]\w+ \([A-Z]+\), \w+", quote), (member, quote)
        assert quote.endswith(member.split()[0].rstrip("s")[:5]) or member.split()[0][:5] in quote.split(",")[-1]


def test_a_bare_collective_belongs_to_the_municipality_by_its_sentence(tmp_path):
    x = _extract(tmp_path, "sn.txt", "VÄSTERVIKS KOMMUN\nProtokoll\nSocialnämnden\n2016-06-09\n\n§ 50 Uppföljning\n"
                 "Kommunstyrelsen har beslutat att nämnderna ska redovisa kostnaderna månadsvis.\n"
                 "Socialnämnden beslutar att godkänna redovisningen.\n")
    names = {m.key: m.props.get("name") for m in x.mentions}
    quotes = [c.evidence.quote for c in x.claims if c.type == "BELONGS_TO" and names.get(c.src) == "nämnderna"]
    assert quotes and all("nämnderna ska redovisa" in q for q in quotes)


def test_an_e_mail_domain_is_no_letterhead(tmp_path):
    # the author's e-mail says whose the memo is (BELONGS_TO), but no text names the organisation: no PART_OF
    x = _extract(tmp_path, "memo.txt", "TJÄNSTESKRIVELSE\nSocialnämnden\n2018-12-12\nHandläggare Anna Berg, "
                 "anna.berg@ekero.se\n\nÄrende: Budget\nSocialnämnden beslutar att anta budgeten.\n")
    assert not [c for c in x.claims if c.type == "PART_OF" and "@" in c.evidence.quote]
    x = _extract(tmp_path, "memo2.txt", "TJÄNSTESKRIVELSE\nEkerö kommun\nSocialnämnden\n2018-12-12\nHandläggare "
                 "anna.berg@ekero.se\n\nÄrende: Budget\nSocialnämnden beslutar att anta budgeten.\n")
    part = [c.evidence.quote for c in x.claims if c.type == "PART_OF"]
    assert part and all("@" not in q for q in part)


def test_a_presidium_post_before_the_name_is_quoted_with_it(tmp_path):
    # "Närvarande Ordförande - (S) 1:e vice ordförande Per-Ola Mattsson (S)": the post says why the member decides
    x = _extract(tmp_path, "au.txt", "Protokoll Arbetsutskottet Tid och plats Tisdagen den 4 juni 2019 Närvarande "
                 "Ordförande Anna Berg (M) 2:e vice ordförande Per Holm (S) Ledamöter Eva Ek (V) Tjänstemän Lars "
                 "Lind regiondirektör Paragrafer 1-5\n")
    names = {m.key: m.props.get("name") for m in x.mentions}
    deciding = {names[c.src]: c.evidence.quote for c in x.claims
                if c.type == "ATTENDED" and c.props.get("role") == "beslutande"}
    assert deciding.get("Per Holm") == "2:e vice ordförande Per Holm"
    assert deciding.get("Anna Berg") == "Ordförande Anna Berg"
