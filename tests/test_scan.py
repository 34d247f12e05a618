"""ingest/scan.py: a guarded scan finds exactly what the whole pattern finds, over any bounds, in every document."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.extract import members, organisation, referrals, signatures, structure
from ingest.scan import ORGANISATION_GUARDS, REFERRAL_GUARDS, SIGNATURE_GUARDS, Guarded, words

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = {"referral": referrals.REFERRAL_RE, "incoming": referrals.INCOMING_RE, "sender": referrals.SENDER_RE,
            "dispatch": referrals.DISPATCH_RE, "route_date": referrals.ROUTE_DATE_RE,
            "passive": referrals.PASSIVE_RE, "organ_for": organisation.ORGAN_FOR_RE, "au": organisation.AU_RE,
            "reported": structure.REPORTED_RE, "joint": members.JOINT_RE, "chair": signatures.CHAIR_RE}
GUARDS = {**REFERRAL_GUARDS, **ORGANISATION_GUARDS, **SIGNATURE_GUARDS}


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.txt"))]
    assert len(texts) > 50
    from ingest.segment import segment

    # the same documents run on into one line, as PDF and web copies come, and masked as the rules read them (long
    # runs of blanks where boilerplate was)
    return texts + [" ".join(t.split()) for t in texts] + [segment(t).masked for t in texts]


# phrasings of every alternative, in capitals, and with the characters the engine takes as case variants of ASCII
# letters ('ſ' of s, 'K' of k, 'İ' and 'ı' of i)
VARIANTS = ("Ärendet överlämnas till kommunstyrelsen. SKICKAS TILL SVOM. Förslag till nämnden. Tas upp vid mötet. "
            "Hemställer hos regeringen. Begära yttrande från Socialnämnden. Avger yttrande till KS. Lyfts av X. "
            "Kommunstyrelsen föreslår kommunfullmäktige besluta. FÖRESLÅS BESLUTA. Beslutat rekommendera Region X att "
            "Svar på remiss från KS. Anhållan från X. Meddelande från FK. Brev från Y. Ansökan från Z. "
            "Kommunförbundet Blekinges anhållan om medel. X  anhåller om  medel. Frågan väcktes av kommunerna. "
            "Expedieras till: KS\nBeslutet skickas till: Y\nProtokollsutdrag till KS\nKopia till X\nDelges: Y\n"
            "Exp. KS\nSändlista: X\nUtdrag till Y. OFB 15-05-20 HHE AU 15-06-03 "
            "X                  anhåller om medel.    \t  anhållan om     begär att Y\n"
            "Styrelsen för Kommunförbundet X. ARBETSUTSKOTTET FÖR Region Y. Au § 12 Sn 50 AU 84 au 15-06-03 "
            "Delgivning av beslut i individutskottet. Rapport från strategigrupperna. Redovisning av protokoll från X. "
            "Samverkan mellan kommunerna. Samverkansgrupp för X. ſamverkan mellan Y.\n"
            "Ordföranden, Katarina Nyberg Finn (S), hälsar välkommen. Mötet öppnades av ordförande Johan Söderling. "
            "Mötet leddes av mötesordföranden Anna Berg. Vice ordföranden Per Ek. Mötesordförande Eva Lund. "
            "Skogslänsgruppens ordförande Matts Lundgren hälsar samtliga välkomna.\n"
            "ſkickas till SVOM. Remiſs från KS. İnbjudan från X. ınbjudan från X. Kopia till Y. Utförs av X.")


@pytest.mark.parametrize("kind", sorted(PATTERNS))
def test_a_guarded_scan_finds_what_the_pattern_finds(kind):
    rx = PATTERNS[kind]
    g = Guarded(rx, *GUARDS[kind])
    found = 0
    for text in _texts() + [VARIANTS, VARIANTS.upper(), VARIANTS.lower()]:
        whole = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in g.finditer(text)] == whole
        found += len(whole)
        # bounds inside the text, as an item's passage is scanned
        for a in range(0, len(text), 1777):
            b = a + 2903
            assert [m.span() for m in g.finditer(text, a, b)] == [m.span() for m in rx.finditer(text, a, b)]
    assert found > 0


def test_a_guard_that_lacks_a_letter_loses_matches():
    """The check above can fail: a guard without the 's' of 'skickas' misses the referral."""
    text = "Ärendet skickas till socialnämnden."
    assert referrals.REFERRAL_RE.search(text)
    assert not Guarded(referrals.REFERRAL_RE, words("ö:v r:e")).search(text)
    assert Guarded(referrals.REFERRAL_RE, *REFERRAL_GUARDS["referral"]).search(text)


def test_a_guard_with_back_tries_the_pattern_where_the_blanks_begin():
    g = Guarded(re.compile(r"[ \t]+ab"), ("a(?<=[ \t].)", " \t"))
    text = "x   ab y\tab  zab"
    assert [m.span() for m in g.finditer(text)] == [m.span() for m in re.finditer(r"[ \t]+ab", text)]
    assert [m.span() for m in g.finditer(text, 2, 12)] == [(2, 6), (8, 11)]


def test_the_scan_of_one_text_is_remembered_and_a_new_text_rescanned():
    g = Guarded(re.compile(r"\bab"), r"a(?<!\w.)")
    assert [m.start() for m in g.finditer("ab cab ab")] == [0, 7]
    assert [m.start() for m in g.finditer("xx ab")] == [3]
    assert [m.start() for m in g.finditer("xx ab", 0, 4)] == []


def test_known_names_are_found_as_the_alternation_of_them_finds_them():
    """prose._known_names: the spans the longest-first alternation of the names finds between word boundaries."""
    from ingest.extract.prose import _known_names

    def regex(text, known):
        alt = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
        return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text)]

    known = {"Anna Berg", "Anna Berg Lind", "Berg Lind", "Per Ek", "Ek"}
    text = ("Anna Berg Lind och Anna Berg-Lind, Per Eklund, Per Ek. Anna Bergström; Per Ek Lind Berg Lind "
            "Anna Berg Lindx Ek Ek-x xEk Anna Berg Anna Berg Lind")
    assert _known_names(text, known) == regex(text, known)
    assert (0, 14) in _known_names(text, known)
    for path in sorted((ROOT / "data" / "sample-minutes").glob("*.txt")):
        t = path.read_text(encoding="utf-8")
        names = set(re.findall(r"[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?", t))
        assert names and _known_names(t, names) == regex(t, names)


def test_the_section_word_scan_finds_what_the_whole_pattern_finds():
    """run_on_attendance: the section words of sections.csv, tried where their prefixes (read from the pattern)
    begin, are found as the whole alternation finds them."""
    from ingest.extract.run_on_attendance import (ORPHAN_HEAD_RE, SPLIT_SUBSTITUTE_RE, STOP_RE, _any_section_word,
                                                  _scan, _section_scan)

    scans = [(rx, _scan(rx)) for rx in (STOP_RE, ORPHAN_HEAD_RE, SPLIT_SUBSTITUTE_RE)]
    scans.append((_any_section_word(), _section_scan()))
    assert all(isinstance(g, Guarded) for _, g in scans)
    variants = ("Beslutande ledamöter Anna Berg (S) Ej tjänstgörande ersättare Per Ek Ejtjänstgörande ersättare "
                "ÖVRIGA NÄRVARANDE Eva Lund Icke tjänstgörande ersättare Tjänstepersoner Adjungerad Insynsplats "
                "Frånvarande Anmält förhinder Deltagare Närvarande ordinarie ledamöter I tjänsten Dessutom närvarande "
                "Justering Utses att justera Paragrafer UNDERSKRIFTER Plats och tid Sammanträdesdatum Protokollet "
                "Sekreterare Anna Berg, Sekreterare (Sekreterare) Beslutande: Tjänstgörande Anna Berg (S) ersättare Per "
                "ande: Eva Lund Ej Tjänstgörande Per Ek (M) ersättare Ola")
    for text in _texts() + [variants, variants.upper(), variants.lower()]:
        for rx, g in scans:
            assert [m.span() for m in g.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_prefixes_are_read_from_the_pattern():
    from ingest.scan import prefixes

    assert prefixes(re.compile(r"(?i)\b(?:ab|cd)?ef")) == ["abe", "cde", "ef"]
    assert prefixes(re.compile(r"a[ ]?b+")) == ["a b", "ab", "abb"]
    assert prefixes(re.compile(r"\w+")) is None  # a class: no guard
    assert prefixes(re.compile(r"(a|)")) is None  # may match the empty string


def test_the_route_step_is_in_every_text_a_decision_route_is_found_in():
    """organisation._decision_route looks for ROUTE_STEP_RE before the whole ROUTE_RE: every route holds a step."""
    text = "Beslutsplanering KS Arbetsutskott 2015-06-22 Kommunstyrelsen 2015-08-12"
    assert organisation.ROUTE_RE.search(text) and organisation.ROUTE_STEP_RE.search(text)
    for t in _texts() + [text, "Beredningen 2020-01-02 Regionstyrelsen 2020-02-03"]:
        for m in organisation.ROUTE_RE.finditer(t):
            assert organisation.ROUTE_STEP_RE.search(m.group())
