"""Referrals and assignments that send a matter on to a body: the phrasings real minutes use ('beslutar att
rekommendera X och kommunerna att', 'Expedieras till' lists, 'Svar på remiss från X', 'tas upp vid styrelsens nästa
sammanträde', 'X får i uppdrag att' …), tried on short documents of their own, each edge with its quote."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import extract_document
from ingest.readers import read

MINUTES = """PROTOKOLL
Kommunstyrelsens arbetsutskott
Sammanträdesdatum 2024-03-12

Närvarande: Åsa Öberg (S), ordförande; Per Ångström (M)

§ 12 Hemtjänstens bemanning
Socialförvaltningen får i uppdrag att ta fram en handlingsplan för hemtjänstens bemanning.
Ärendet remitteras till socialnämnden och tekniska nämnden.

§ 13 Digitala hjälpmedel
Beslut
Arbetsutskottet föreslår kommunstyrelsen besluta att anta planen.

§ 14 Remiss om ny lag
Arbetsutskottet beslutar att avge yttrande till regeringen.

§ 15 Budget
Arbetsutskottet beslutar att rekommendera medlemskommunerna och landstinget (nuvarande Region Örebro län) att anta budgeten.
Uppdraget återrapporteras till kommunstyrelsen i juni.

§ 16 Avtal
Beredning inför kommunfullmäktige.

§ 17 Skolskjutsar
Frågan tas upp vid kommunstyrelsens nästa sammanträde.

Beslutet skickas till
Barn- och utbildningsnämnden
Kultur- och fritidsnämnden

§ 18 Yttrande
Svar på remiss från kommunstyrelsen
Protokollsutdrag till: Socialnämnden, Länsstyrelsen

§ 19 Taxa
Förvaltningen föreslår arbetsutskottet besluta att anta taxan.

§ 20 Arbetsgrupp
En ny arbetsgrupp tillsattes i april 2014 med uppdraget att ta fram ett förslag till en överenskommelse.
Uppdrag ges till Fredagsgruppen att utse en arbetsgrupp. Återrapportering av uppdraget ska ske till Fredagsgruppen.

§ 21 Motion
Anna Berg (V) yrkar att ärendet överlämnas till socialnämnden.

§ 22 Information
Rekommendationen kommer från länets kommuner. Välfärdsrådet rekommenderar regionen riktlinjerna.
Socialdepartementet har skickat strategin på remiss till kommunstyrelsen.
"""


@pytest.fixture(scope="module")
def x(tmp_path_factory):
    path: Path = tmp_path_factory.mktemp("referrals") / "ks-au-2024-03-12.txt"
    path.write_text(MINUTES, encoding="utf-8")
    doc = read(path)
    _, x = extract_document(doc, {})
    return x


def _edges(x, type_: str) -> list[tuple[str, str, str]]:
    """(source key, target body's name, quote) of every claim of the type."""
    names = {m.key: m.props.get("name") for m in x.mentions}
    return [(c.src, names.get(c.dst), c.evidence.quote) for c in x.claims if c.type == type_]


def _sent(x, item: str) -> set[str]:
    """The bodies an item (or one of its decisions) refers a matter to."""
    label = item.removeprefix("item:")
    return {name.lower() for src, name, _ in _edges(x, "REFERRED_TO")
            if src == item or src.startswith(f"decision:{label}:")}


def test_a_list_of_bodies_after_the_verb(x):
    assert _sent(x, "item:§ 12") == {"socialnämnden", "tekniska nämnden"}


def test_a_proposal_to_the_body_that_decides(x):
    assert _sent(x, "item:§ 13") == {"kommunstyrelsen"}


def test_an_opinion_to_the_government(x):
    assert _sent(x, "item:§ 14") == {"regeringen"}


def test_a_recommendation_to_the_municipalities_and_a_report_back(x):
    assert _sent(x, "item:§ 15") == {"medlemskommunerna", "landstinget", "kommunstyrelsen"}


def test_preparation_before_another_body(x):
    assert _sent(x, "item:§ 16") == {"kommunfullmäktige"}


def test_taken_up_at_a_bodys_meeting_and_a_dispatch_list(x):
    assert _sent(x, "item:§ 17") == {"kommunstyrelsen", "barn- och utbildningsnämnden", "kultur- och fritidsnämnden"}
    quotes = {q for src, name, q in _edges(x, "REFERRED_TO") if src == "item:§ 17"}
    assert "Frågan tas upp vid kommunstyrelsens" in quotes


def test_an_answer_to_a_remiss_came_to_this_body_and_an_extract_goes_out(x):
    assert _sent(x, "item:§ 18") == {"kommunstyrelsens arbetsutskott", "socialnämnden", "länsstyrelsen"}


def test_an_officials_proposal_to_this_body(x):
    assert _sent(x, "item:§ 19") == {"kommunstyrelsens arbetsutskott"}


def test_a_report_back_to_the_ones_given_the_task_is_no_referral(x):
    assert _sent(x, "item:§ 20") == set()


def test_a_motion_refers_nothing(x):
    assert _sent(x, "item:§ 21") == set()


def test_others_recommendations_and_remisses_are_not_this_items_referrals(x):
    assert _sent(x, "item:§ 22") == set()


def test_assignments_to_an_organ_and_to_a_group_formed_for_the_task(x):
    given = {(name.lower(), q.split(" att ")[0]) for _, name, q in _edges(x, "ASSIGNED_TO")}
    assert ("socialförvaltningen", "Socialförvaltningen får i uppdrag") in given
    assert any(name == "arbetsgrupp" for name, _ in given)


def test_the_chair_of_a_body_is_no_assignee_body(tmp_path):
    path = tmp_path / "hsn-2022-01-20.txt"
    path.write_text("Hälso- och sjukvårdsnämnden\n\n§ 3 Utvärdering\nHälso- och sjukvårdsnämnden beslutade i april "
                    "2020 att uppdra till nämndens ordförande att lägga fram förslag till SVOM om en utvärdering.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert not [e for e in _edges(x, "ASSIGNED_TO")]
    assert {name for _, name, _ in _edges(x, "REFERRED_TO")} == {"SVOM"}


def test_a_proposal_put_to_the_body_the_sentence_opens_with(tmp_path):
    path = tmp_path / "direktion-2015-06-17.txt"
    path.write_text("Föredragningslista\nDirektionen\n\n§ 1 Budget\nFörslag till beslut\nKommunstyrelsen föreslås besluta "
                    "att anta budgeten.\n\n§ 2 Taxa\nTaxan föreslås ändras.\n\n§ 3 Revision\nRevisionen avslutas.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src.split(":")[1], name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("§ 1", "Kommunstyrelsen")}


def test_one_edge_to_a_body_answers_every_gold_flow_to_it():
    """As the real-minutes scorer counts: three remisses from kommunstyrelsen are three flows found by one edge."""
    from ingest.evaluate.facts import Fact
    from ingest.evaluate.scoring import Score, _match

    expected = [{"from": ("kommunstyrelsen",), "to": ("Socialnämnden",)}] * 3 + [{"to": ("regeringen",)}]
    found = [Fact("flows", "d", {"to": "Socialnämnden", "names": {"socialnämnden"}}),
             Fact("flows", "d", {"to": "Länsstyrelsen", "names": {"länsstyrelsen"}})]
    score = Score("flows")
    _match("flows", expected, found, score, "d")
    assert (score.tp, score.fn, score.fp) == (3, 1, 1)


def test_a_recommendation_to_the_council_and_a_request_for_an_opinion(tmp_path):
    path = tmp_path / "sn-2019-04-23.txt"
    path.write_text("Socialnämnden\nSammanträdesdatum 2019-04-23\n\n§ 45 Avtal\nKommunstyrelsen rekommenderar "
                    "kommunfullmäktige att besluta att anta avtalet.\n\n§ 46 Remiss\nBegäran om yttrande från "
                    "Länsstyrelsen angående tillsyn.\n\n§ 47 Övrigt\nInga övriga frågor.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("item:§ 45", "kommunfullmäktige"),
                                                                          ("item:§ 46", "Socialnämnden")}


def test_a_bare_styrelsen_is_the_one_associations_board_named_as_written(tmp_path):
    path = tmp_path / "kommunforbundet-skane-au-2008-11-14.txt"
    path.write_text("Kommunförbundet Skåne\nArbetsutskottet\nProtokoll 2008-11-14\n\n§ 3 Datum för förbundsmöte\n"
                    "Arbetsutskottet beslutar att behandla ärendet på styrelsens sammanträde.\n\n§ 4 Resa\n"
                    "Arbetsutskottet beslutar att frågan tas upp vid styrelsens nästa sammanträde.\n\n§ 5 Rapport\n"
                    "Arbetsutskottet föreslår styrelsen besluta att lägga rapporten till handlingarna.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "REFERRED_TO")} == {"Styrelsen för Kommunförbundet Skåne"}
    assert len({src for src, _, _ in _edges(x, "REFERRED_TO")}) == 3


def test_a_dispatch_list_passes_over_persons_and_files(tmp_path):
    path = tmp_path / "sn-2019-04-23.txt"
    path.write_text("Socialnämnden\nSammanträdesdatum 2019-04-23\n\n§ 45 Avtal\nSocialnämnden antar avtalet.\n\n"
                    "Beslutet skickas till: Socialchefen, Kommunstyrelsen, Akten, Region Örebro län\n\n"
                    "§ 46 Övrigt\nInga övriga frågor.\n\nJusterare\nAnna Berg\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "REFERRED_TO")} == {"Kommunstyrelsen", "Region Örebro län"}


def test_a_matter_a_sender_brought_to_this_body(tmp_path):
    """'Kommunförbundet Blekinges anhållan om', 'Svar till skrivelse … från X', 'lyfts av kommunerna': the matter
    came to the document's own body; a bare 'Skrivelse från X' is no such flow, and 'lyfts av' sends nothing to X."""
    path = tmp_path / "ksau-2000-01-17.txt"
    path.write_text("Kommunstyrelsens arbetsutskott\nSammanträdesdatum 2000-01-17\n\n"
                    "§ 1 Kommunförbundet Blekinges anhållan om förslag på ledamot\n"
                    "Kommunförbundet Blekinge anhåller om förslag på en ledamot och en ersättare.\n\n"
                    "§ 2 Svar till skrivelse kring hemtjänsten från Anhörigföreningen\nArbetsutskottet svarar.\n\n"
                    "§ 3 Plan- och byggsamverkan\nFrågan har från början lyfts av kommunerna i länet.\n\n"
                    "§ 4 Skrivelse från Socialstyrelsen\nSkrivelsen läggs till handlingarna.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    edges = {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")}
    assert edges == {("item:§ 1", "Kommunstyrelsens arbetsutskott"), ("item:§ 2", "Kommunstyrelsens arbetsutskott"),
                     ("item:§ 3", "Kommunstyrelsens arbetsutskott")}


def test_a_letter_to_a_named_body_and_a_framstallan(tmp_path):
    path = tmp_path / "fs-2016-12-16.txt"
    path.write_text("Förbundsstyrelsen\nSammanträdesdatum 2016-12-16\n\n§ 1 Meddelanden\n"
                    "Meddelande från FK till NNS beträffande OH-kostnader.\n\n"
                    "§ 2 Samverkansorgan\nFramställan ställd till regeringen om bildande av samverkansorgan.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("item:§ 1", "NNS"),
                                                                          ("item:§ 2", "regeringen")}


def test_a_route_of_bodies_with_their_days(tmp_path):
    """'OFB 15-05-20 HHE AU 15-06-03': from the first body to the next; under 'Beslutsplanering' to every body
    listed; one body with a day is a date line."""
    path = tmp_path / "direktion-2015-06-17.txt"
    path.write_text("Direktionen\nSammanträdesdatum 2015-06-17\n\n4. Betänkande service i glesbygd\n"
                    "OFB 15-05-20 HHE AU 15-06-03 RD 2015/79 Remissen besvaras.\n\n5. Planering\n"
                    "Beslutsplanering KS Arbetsutskott 2015-06-22 Kommunstyrelsen 2015-08-12\n\n"
                    "6. Information\nKommunstyrelsen 2015-08-12 informerade.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")} == {
        ("item:4.", "AU"), ("item:5.", "Arbetsutskott"), ("item:5.", "Kommunstyrelsen")}


def test_a_decision_reported_that_tells_the_committees_to_act(tmp_path):
    path = tmp_path / "sn-2016-06-09.txt"
    path.write_text("Vilhelmina kommun\nSocialnämnden\nSammanträdesdatum 2016-06-09\n\n§ 50 Budget\n"
                    "Kommunstyrelsen har beslutat att nämnderna ska redovisa personalkostnaderna månadsvis.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "ASSIGNED_TO")} == {"nämnderna"}


def test_the_numbered_points_of_a_decision_reported(tmp_path):
    """'beslutades följande: 1. … 2. Regionen och Östersunds kommun ska göra dragningen': a point that has bodies
    act is an assignment to them (a municipality acting as an organisation is a body)."""
    path = tmp_path / "svom-2024-06-03.txt"
    path.write_text("Sociala vård- och omsorgsgruppen\nSammanträdesdatum 2024-06-03\n\n § 17\n\n  Balanslista\n\n"
                    " • Ordföranden föredrar balanslistan.\n\n § 18\n\n  Utskrivningsklara\n\n • Bakgrund\n\n"
                    "  Vid SVOM den 23 februari 2024, § 11, beslutades följande:\n"
                    "  1. Information om utskrivningsklara diskuteras mer utförligt\n  vid nästkommande SVOM,\n"
                    "  2. Region Jämtland Härjedalen och Östersunds kommun ska göra dragningen gemensamt.\n\n"
                    "Elsy Bäckström föredrar ärendet.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "ASSIGNED_TO")} == {"Region Jämtland Härjedalen", "Östersunds kommun"}


def test_a_body_that_carries_the_matter_out_and_a_decision_paper_addressed_to_a_body(tmp_path):
    """'medlen rekvireras av VästKom': the body that carries it out; 'Beslutsunderlag till Socialnämnden' at the
    head of a paper: the body that is to decide (a heading in capitals is no acronym)."""
    path = tmp_path / "sro-2022-02-24.txt"
    path.write_text("Politiskt samrådsorgan\nSammanträdesdatum 2022-02-24\n\n§ 2 Länsgemensamma medel\n"
                    "SRO ställer sig bakom förslaget att de länsgemensamma medlen rekvireras av VästKom 2022.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "REFERRED_TO")} == {"VästKom"}
    path = tmp_path / "beslutsunderlag-2019-03-15.txt"
    path.write_text("2019-03-14 Barnahus\nBeslutsunderlag till Socialnämnden 2019-03-15\n"
                    "Arbetsgrupp Uppdrag Barnahus\nUrban Tirén, regionöverläkare\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "REFERRED_TO")} == {"Socialnämnden"}


def test_bodies_given_the_chance_to_comment(tmp_path):
    path = tmp_path / "svom-2024-06-03.txt"
    path.write_text("Sociala vård- och omsorgsgruppen (SVOM)\nSammanträdesdatum 2024-06-03\n\n§ 19 Balanslista\n"
                    "Fredagsgruppens presidium har reviderat balanslistan. Fredagsgruppen och SamReKo HSI har den "
                    "17 maj 2024 getts möjlighet att inkomma med synpunkter på dokumentet.\n\n§ 20 Yttrande\n"
                    "Sociala vård- och omsorgsgruppen har givits möjlighet att lämna synpunkter på förslaget.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("item:§ 19", "Fredagsgruppen"),
                                                                          ("item:§ 19", "SamReKo HSI")}


def test_sent_as_an_answer_or_for_an_opinion(tmp_path):
    path = tmp_path / "ksau-2024-03-12.txt"
    path.write_text("Kommunstyrelsens arbetsutskott\nSammanträdesdatum 2024-03-12\n\n§ 1 Remiss om äldreomsorg\n"
                    "Yttrandet överlämnas som svar på remissen till Region Västerbotten.\n\n§ 2 Riktlinjer\n"
                    "Ärendet skickas för yttrande till socialnämnden.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("item:§ 1", "Region Västerbotten"),
                                                                          ("item:§ 2", "socialnämnden")}


def test_the_verb_initials_guard_finds_what_the_whole_pattern_finds():
    """VERB_INITIALS only speeds REFERRAL_RE up: without it, the pattern finds the same verbs in every document."""
    import re
    from pathlib import Path

    from ingest.extract.referrals import REFERRAL_RE, VERB_INITIALS
    guard = rf"(?=[{VERB_INITIALS}])"
    assert guard in REFERRAL_RE.pattern
    unguarded = re.compile(REFERRAL_RE.pattern.replace(guard, "", 1))
    root = Path(__file__).resolve().parent.parent / "data"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))]
    assert len(texts) > 50
    for text in texts:
        assert [m.span() for m in REFERRAL_RE.finditer(text)] == [m.span() for m in unguarded.finditer(text)]
    # and a verb whose initial the guard lacks would be lost: the check above can fail
    assert not re.compile(REFERRAL_RE.pattern.replace(VERB_INITIALS, "abdfghilrtuvyåö", 1)).search("skickas till SVOM")


def test_a_tjansteskrivelse_addressed_to_a_body_in_its_head_fields(tmp_path):
    """A kallelse that carries its papers: 'TJÄNSTESKRIVELSE Förvaltningen TJÄNSTESTÄLLE … Till Nämnden
    HANDLÄGGARE …' sends the item's matter to the body of the 'Till' field (also 'Mottagare:' on a line of its
    own, or 'Till' over the body's name); prose about a tjänsteskrivelse, a sentence before 'Till', sends nothing."""
    path = tmp_path / "bun-kallelse-2019-02-13.txt"
    path.write_text("KALLELSE\nSammanträde med: Barn- och utbildningsnämnden Tid: 2019-02-13 kl 13:00\n\n"
                    "1. BUN/2019:4 Skolskjutsar\n\n2. BUN/2019:7 Lokalförsörjning\n\n"
                    "DATUM 2019-01-20\nTJÄNSTESKRIVELSE Barn- och utbildningsförvaltningen TJÄNSTESTÄLLE Barn- och "
                    "utbildningsförvaltningen kansli Till Barn- och utbildningsnämnden HANDLÄGGARE Anna Berg\n"
                    "DIARIENR BUN/2019:4 ÄRENDE Skolskjutsar\n\n"
                    "Tjänsteskrivelse\nMottagare: Kultur- och fritidsnämnden\nLokalförsörjning för idrotten\n\n"
                    "TJÄNSTESKRIVELSE\nDatum 2019-01-22\nTill\nMiljö- och byggnämnden\nÄrende Bygglov för förskola\n\n"
                    "Tjänsteskrivelsen har skickats ut. Till Tekniska nämnden kom inga svar.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    got = {(name, q.split()[0]) for _, name, q in _edges(x, "REFERRED_TO")}
    assert got == {("Barn- och utbildningsnämnden", "TJÄNSTESKRIVELSE"),
                   ("Kultur- och fritidsnämnden", "Tjänsteskrivelse"), ("Miljö- och byggnämnden", "TJÄNSTESKRIVELSE")}


def test_an_item_with_its_arbetsutskotts_paragraph_came_from_the_arbetsutskott(tmp_path):
    """'Ks § 45 KsAu § 120 Budget': the kommunstyrelse's item that gives its arbetsutskott's paragraph beside its
    own was prepared there and came to the styrelse (an item without one did not)."""
    path = tmp_path / "ks-2024-04-02.txt"
    path.write_text("Kommunstyrelsen\nSammanträdesdatum 2024-04-02\n\nKs § 45 KsAu § 120 Budget 2025\n"
                    "Ekonomichefen redovisar förslaget.\n\nKs § 46 Information\nKommundirektören informerar.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("item:Ks § 45", "Kommunstyrelsen")}
    assert any(q.startswith("KsAu § 120") for _, _, q in _edges(x, "REFERRED_TO"))


def test_an_uppdrag_outside_every_item_goes_from_the_meeting(tmp_path):
    """'Kommunstyrelsen beslutar att uppdra åt miljö- och byggnämnden att …' where no item holds the passage:
    the meeting sends the matter to the body (a person given the uppdrag is no body)."""
    path = tmp_path / "ks-2004-09-27.txt"
    path.write_text("Kommunstyrelsen\nSammanträdesdatum 2004-09-27\n\nKommunstyrelsen beslutar att uppdra åt "
                    "Miljö- och byggnämnden att utreda frågan. Kommunstyrelsen uppdrar åt kommunchefen att "
                    "återkomma.\n\n§ 1 Val av justerare\nAnna Berg utses att justera protokollet.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src, name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("meeting", "Miljö- och byggnämnden")}


def test_the_paper_an_items_matter_came_on(tmp_path):
    """'Underlaget utgjordes av en kommenterad dagordning från Finansdepartementet' (a Riksdag committee's
    överläggning): the matter came to the committee from the department."""
    path = tmp_path / "fiu-2020-05-12.txt"
    path.write_text("Finansutskottet\nSammanträdesdatum 2020-05-12\n\n§ 3\nÖverläggning med regeringen\n"
                    "Utskottet överlade med statssekreteraren om Ekofinrådets möte.\nUnderlaget utgjordes av en "
                    "kommenterad dagordning från Finansdepartementet.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert [(src, name.lower()) for src, name, _ in _edges(x, "REFERRED_TO")] == [("item:§ 3", "finansutskottet")]


def test_regionen_is_the_documents_region_or_else_a_region_as_written(tmp_path):
    """'Regionen och Strömsunds kommun ska …' in a forum's notes that name no region: the region as written (as
    'landstinget' is); in a region's own minutes, 'regionen' is that region."""
    path = tmp_path / "vardsamverkan-2024-05-03.txt"
    path.write_text("Vårdsamverkansgruppen\nSammanträdesdatum 2024-05-03\n\n § 7\n\n  Utskrivningsklara\n\n"
                    "  Vid förra mötet beslutades följande:\n  1. Regionen och Strömsunds kommun ska ta fram en "
                    "gemensam rutin.\n\nElsy Bäckström föredrar ärendet.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "ASSIGNED_TO")} == {"regionen", "Strömsunds kommun"}
    path = tmp_path / "region-vasterbotten-rs-2024-05-03.txt"
    path.write_text("Region Västerbotten\nRegionstyrelsen\nSammanträdesdatum 2024-05-03\n\n§ 7 Avtal\n"
                    "Ärendet överlämnas till regionen och kommunerna för beslut.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {name for _, name, _ in _edges(x, "REFERRED_TO")} == {"Region Västerbotten", "kommunerna"}


def test_items_read_from_a_register_send_what_their_titles_say(tmp_path):
    """A transcript whose only items are its register ('INNEHÅLLSFÖRTECKNING 12 Delårsbokslut … Yttrande till
    regeringen om …'): the register is masked as page furniture, yet its titles are the items' words."""
    path = tmp_path / "regionforbund-fs-2008-03-12.txt"
    path.write_text("1 PROTOKOLL Förbundsstyrelsen för Regionförbundet Västmanlands län Västerås "
                    "Förbundsstyrelsen\n\n"
                    "2 2 INNEHÅLLSFÖRTECKNING 12 Årsredovisning Sammanträdesplan Länstransportplan Motion om "
                    "pendeltåg Yttrande till regeringen om ny regional indelning Information från Tåggruppen "
                    "Anmälan av delegationsbeslut Övriga anmälningsärenden... 19\n\n3 3 Plats och tid: Beslutande: "
                    "Västerås Onsdag den 12 mars 2008 :00 12:00 Anna Berg (s), ordförande Per Ek (m)\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert [name for _, name, _ in _edges(x, "REFERRED_TO")] == ["regeringen"]
    assert [q for _, _, q in _edges(x, "REFERRED_TO")] == ["Yttrande till regeringen"]


def test_infinitive_verbs_of_a_decision_send_the_matter_on(tmp_path):
    """'beslutar att lämna ärendet till', 'att anmäla beslutet till', 'beslutar att föreslå kommunstyrelsen att
    teckna avtalet'; but in 'Förslag till kommunstyrelsen att föreslå fullmäktige …' the proposal to fullmäktige is
    the styrelse's, and the matter goes to the styrelse."""
    path = tmp_path / "omsorgsnamnden-2024-03-12.txt"
    path.write_text("Omsorgsnämnden\nSammanträdesdatum 2024-03-12\n\n§ 1 Yttrande\n"
                    "Omsorgsnämnden beslutar att lämna ärendet till kommunstyrelsen.\n\n§ 2 Plan\n"
                    "Omsorgsnämnden beslutar att anmäla beslutet till kommunfullmäktige.\n\n§ 3 Samverkan\n"
                    "Omsorgsnämnden beslutar att föreslå tekniska nämnden att teckna avtalet.\n\n"
                    "§ 4 Förslag till kommunstyrelsen att föreslå fullmäktige att ingå avtal om socialjour\n"
                    "Förvaltningschefen föredrar ärendet.\n", encoding="utf-8")
    _, x = extract_document(read(path), {})
    sent = {(src.split(":")[1], name.lower()) for src, name, _ in _edges(x, "REFERRED_TO")}
    assert sent == {("§ 1", "kommunstyrelsen"), ("§ 2", "kommunfullmäktige"), ("§ 3", "tekniska nämnden"),
                    ("§ 4", "kommunstyrelsen")}


def test_a_grant_to_an_association_is_no_referral(tmp_path):
    path = tmp_path / "kultur-och-fritidsnamnden-2024-03-12.txt"
    path.write_text("Kultur- och fritidsnämnden\nSammanträdesdatum 2024-03-12\n\n§ 1 Bidrag\n"
                    "Kultur- och fritidsnämnden beslutar att lämna bidrag till Kommunförbundet Skåne.\n\n§ 2 Remiss\n"
                    "Kultur- och fritidsnämnden beslutar att lämna yttrande till Kommunförbundet Skåne.\n",
                    encoding="utf-8")
    _, x = extract_document(read(path), {})
    assert {(src.split(":")[1], name) for src, name, _ in _edges(x, "REFERRED_TO")} == {("§ 2", "Kommunförbundet Skåne")}
