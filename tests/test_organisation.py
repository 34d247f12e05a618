"""Relations between bodies read from a document's head and its lists: the letterhead's organisation owns the
meeting's organ, member organisations, successors, groups that report to or prepare for the body. Each rule is
tried on a short document of real minutes' wording."""
from __future__ import annotations

import pytest

from ingest.pipeline import extract_document
from ingest.readers import read


def _extract(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    _, x = extract_document(doc, {})
    return doc.text, x


def _relations(x, type_: str) -> set[tuple[str, str]]:
    names = {m.key: m.props["name"] for m in x.mentions if m.label == "Body"}
    return {(names.get(c.src), names.get(c.dst)) for c in x.claims if c.type == type_ and c.src in names}


def _quotes_true(text: str, x) -> None:
    for c in x.claims:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.quote


def test_letterhead_municipality_owns_the_nämnd(tmp_path):
    text, x = _extract(tmp_path, "soderhamn.txt", "SAMMANTRÄDESPROTOKOLL\n\nSÖDERHAMNS KOMMUN\n\nNämnd\n"
                       "Arbetsmarknads- och socialnämnden\n\n2019-01-28\n\n§ 12 Budget\nNämnden beslutar att anta "
                       "budgeten.\n")
    assert ("Arbetsmarknads- och socialnämnden", "Söderhamns kommun") in _relations(x, "PART_OF")
    _quotes_true(text, x)


def test_breadcrumb_names_the_organisation(tmp_path):
    _, x = _extract(tmp_path, "ljungby.txt", "Din position: Hem > Ljungby kommun > Kommunstyrelsen > Sammanträde "
                    "2008-05-06\n\nSammanträde 2008-05-06\n\n1 Förslag till justerare.\n\n2 Budgetuppföljning.\n")
    assert ("Kommunstyrelsen", "Ljungby kommun") in _relations(x, "PART_OF")


def test_a_joint_group_under_a_regions_letterhead_is_not_the_regions(tmp_path):
    _, x = _extract(tmp_path, "rad.txt", "Region Gävleborg\nVälfärdsrådet Gävleborg\nMinnesanteckningar 2023-06-02\n\n"
                    "§ 1 Mötet öppnas\n")
    assert not _relations(x, "PART_OF")


def test_member_rows_give_the_member_organisations(tmp_path):
    text, x = _extract(tmp_path, "nvsam.txt", "Norra Västmanlands Samordningsförbund\nProtokoll 2015-03-12\n"
                       "Beslutande\nLinnéa Landerstedt, ordförande, Landstinget Västmanland\n"
                       "Hans Söderström, tjänstgörande ersättare, Försäkringskassan\n"
                       "Roger Ingvarsson, ledamot, Skinnskattebergs kommun\n"
                       "Karin Karlsson, ledamot, Sala kommun\n\n§ 36 Dagordning\n")
    members = {a for a, _ in _relations(x, "MEMBER_OF")}
    assert {"Landstinget Västmanland", "Försäkringskassan", "Skinnskattebergs kommun", "Sala kommun"} <= members
    _quotes_true(text, x)


def test_members_of_one_municipality_are_no_member_organisations(tmp_path):
    _, x = _extract(tmp_path, "umea.txt", "Startsida / Kommun och politik / Beredningar / Demokratiberedningen\n\n"
                    "Minnesanteckningar från Demokratiberedningen\n\nLedamöter\n"
                    "Lena Forsberg, ordförande, Umeå kommun\nJonas Wiklund, vice ordförande, Umeå kommun\n"
                    "Sara Öberg, ledamot, Umeå kommun\n")
    assert not _relations(x, "MEMBER_OF")


def test_meeting_word_and_member_list_in_the_head(tmp_path):
    _, x = _extract(tmp_path, "umearegionen.txt", "Transkript\n\n1 Bjurholm Nordmaling Robertsfors Umeå Vindeln Vännäs "
                    "Minnesanteckningar Regionrådsmöte Umeåregionen Dag tisdagen den 12 juni 2012 Närvarande "
                    "Ingemar Nyman, Bjurholm\n")
    assert ("Regionrådet", "Umeåregionen") in _relations(x, "PART_OF")
    members = _relations(x, "MEMBER_OF")
    assert ("Bjurholms kommun", "Umeåregionen") in members and ("Vännäs kommun", "Umeåregionen") in members


def test_successor_in_parentheses(tmp_path):
    _, x = _extract(tmp_path, "orebro.txt", "Tjänsteskrivelse 2015-01-23\n\nMaritgruppen har beslutat rekommendera "
                    "kommunerna och landstinget (nuvarande Region Örebro län), att anta överenskommelsen.\n")
    assert ("Region Örebro län", "landstinget") in _relations(x, "SUCCEEDED")


def test_groups_that_report_and_propose(tmp_path):
    text, x = _extract(tmp_path, "gotland.txt", "REGION GOTLAND\nPROTOKOLL\nSocialnämnden\n§ 120\n"
                       "Delgivning av beslut i individutskottet; §§ 289– 516/2011\n§ 121\n"
                       "Rapportering från de tre strategigrupperna\n")
    reports = _relations(x, "REPORTS_TO")
    assert ("individutskottet", "Socialnämnden") in reports
    assert ("Strategigruppen", "Socialnämnden") in reports
    _quotes_true(text, x)


def test_an_utskott_proposing_to_the_styrelse_prepares_for_it(tmp_path):
    _, x = _extract(tmp_path, "skane.txt", "Arbetsutskottet\nKommunförbundet Skåne, Baravägen 1, Lund\n"
                    "Protokoll 2008-11-14\n\n§ 108 Datum för förbundsmöte\n"
                    "Arbetsutskottet föreslår styrelsen besluta att förbundsmötet hålls i maj.\n")
    assert ("Arbetsutskottet", "Kommunförbundet Skåne") in _relations(x, "PART_OF")
    assert any(a == "Arbetsutskottet" and b.lower().startswith("styrelse")
               for a, b in _relations(x, "PREPARES_FOR"))


@pytest.mark.parametrize("phrase,owner,organ", [
    ("Region Västerbottens kansli redovisar läget.", "Region Västerbotten", "Region Västerbottens kansli"),
    ("Blekinge Turisms styrelse har lämnat en skrivelse.", "Blekinge Turism", "Blekinge Turisms styrelse"),
])
def test_an_organ_named_by_its_owners_genitive(tmp_path, phrase, owner, organ):
    _, x = _extract(tmp_path, "owned.txt", f"Protokoll 2018-05-30\n\n§ 12 Information\n{phrase}\n")
    assert (organ, owner) in _relations(x, "PART_OF")


def test_joint_body_named_by_its_parties(tmp_path):
    _, x = _extract(tmp_path, "rjl.txt", "Minnesanteckningar från möte med\nLedningsgruppen för samverkan Region\n"
                    "Jönköpings län och länets kommuner\nTid: 2015-01-29\n")
    members = {a for a, _ in _relations(x, "MEMBER_OF")}
    assert {"Region Jönköpings län", "länets kommuner"} <= members


def test_au_paragraph_beside_the_styrelses_own(tmp_path):
    _, x = _extract(tmp_path, "rs.txt", "REGIONSTYRELSEN\nProtokoll 2018-05-30\n\n§ 12 Ekonomisk rapport\n"
                    "Rs § 45, Au § 12\nRegionstyrelsen beslutar att godkänna rapporten.\n")
    assert any(b == "REGIONSTYRELSEN" and "arbetsutskott" in a.lower() for a, b in _relations(x, "PREPARES_FOR"))


def test_representatives_of_organisations_are_members(tmp_path):
    text, x = _extract(tmp_path, "repr.txt", "Protokoll 2015-03-12\n\n§ 5 Information\nLänsgruppen består av "
                       "representanter från Region Jönköpings län, Försäkringskassan och länets kommuner.\n")
    members = _relations(x, "MEMBER_OF")
    assert {("Region Jönköpings län", "Länsgruppen"), ("Försäkringskassan", "Länsgruppen"),
            ("länets kommuner", "Länsgruppen")} <= members
    _quotes_true(text, x)


def test_an_owners_adjective_organ(tmp_path):
    _, x = _extract(tmp_path, "halland.txt", "Protokoll 2021-05-27\n\n§ 3 Uppföljning\nRegion Hallands lokala "
                    "nämnder ska lämna en rapport.\n")
    assert ("Region Hallands lokala nämnder", "Region Halland") in _relations(x, "PART_OF")


def test_head_date_of_a_run_on_transcript(tmp_path):
    _, x = _extract(tmp_path, "transcript.txt", "Storlek: px\n\nTranskript\n\n1 NORSJÖ KOMMUN PROTOKOLL 1(21) Plats "
                    "och tid Kommunkontoret måndagen den 27 september 2004 kl Beslutande Mikael Lindfors (s), "
                    "ordförande\n\n§ 178 Budget\nArbetsutskottet beslutar att godkänna budgeten.\n")
    meeting = next(m for m in x.mentions if m.label == "Meeting")
    assert meeting.props.get("date") == "2004-09-27"


def test_an_organs_proposal_in_the_styrelses_minutes(tmp_path):
    _, x = _extract(tmp_path, "ks.txt", "KOMMUNSTYRELSEN\nProtokoll 2018-05-30\n\n§ 12 Budget\nArbetsutskottets "
                    "förslag\nKommunstyrelsen beslutar att anta budgeten.\n§ 13 Taxor\nFörslag från socialutskottet\n"
                    "Kommunstyrelsen beslutar att anta taxan.\n")
    prepares = _relations(x, "PREPARES_FOR")
    assert ("Arbetsutskottet", "KOMMUNSTYRELSEN") in prepares and ("socialutskottet", "KOMMUNSTYRELSEN") in prepares


def test_a_municipalitys_genitive_in_the_bodys_name(tmp_path):
    _, x = _extract(tmp_path, "osthammar.txt", "Östhammars socialnämnd\nProtokoll 2020-03-12\n\n§ 12 Budget\n"
                    "Socialnämnden beslutar att anta budgeten.\n")
    assert ("Östhammars socialnämnd", "Östhammars kommun") in _relations(x, "PART_OF")


def test_an_organisations_genitive_in_the_bodys_name(tmp_path):
    _, x = _extract(tmp_path, "pkn.txt", "Regionförbundets Primärkommunala nämnd\nProtokoll 2008-09-11\n\n§ 12 Budget\n"
                    "Nämnden beslutar att anta budgeten.\n")
    assert ("Regionförbundets Primärkommunala nämnd", "Regionförbundet") in _relations(x, "PART_OF")
    assert not any(b == "Regionförbundets Primärkommunala" for _, b in _relations(x, "PART_OF"))


def test_page_head_names_the_organisation_before_the_body(tmp_path):
    # the organisation only in each page's head, after the agenda ("2 Kungsörs kommun Socialnämnden …")
    agenda = "".join(f"{i} Ärende nummer {i} Meddelanden\n" for i in range(1, 25))
    text, x = _extract(tmp_path, "kungsor.txt", "KALLELSE Datum Sammanträdande organ Socialnämnden Tid Tisdagen den "
                       "23 april 2019, kl Plats Hellqvistsalen, kommunhuset\n\n" + agenda +
                       "\n\n2 Kungsörs kommun Socialnämnden SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Blad Presentation "
                       "av ny enhetschef\n")
    assert ("Socialnämnden", "Kungsörs kommun") in _relations(x, "PART_OF")
    _quotes_true(text, x)


def test_letterhead_owns_an_organ_of_an_organ_too(tmp_path):
    text, x = _extract(tmp_path, "ronneby.txt", "RONNEBY KOMMUN SAMMANTRÄDESPROTOKOLL 1 (29)\n"
                       "Kommunstyrelsens arbetsutskott\n\nSammanträdesdatum 2000-01-17\n\n§ 1 Budget\n"
                       "Arbetsutskottet beslutar att anta budgeten.\n")
    rel = _relations(x, "PART_OF")
    assert ("Kommunstyrelsens arbetsutskott", "Kommunstyrelsen") in rel
    assert ("Kommunstyrelsens arbetsutskott", "Ronneby kommun") in rel
    _quotes_true(text, x)


def test_a_place_after_the_organs_name_is_no_letterhead_of_an_organ_of_an_organ(tmp_path):
    _, x = _extract(tmp_path, "rsau.txt", "REGIONSTYRELSEN Arbetsutskottet\n\nTid och plats Onsdagen den 30 maj 2018 "
                    "kl 9, Region Blekinge, Karlskrona\n\n§ 1 Budget\nArbetsutskottet beslutar att anta budgeten.\n")
    assert not any(b == "Region Blekinge" for _, b in _relations(x, "PART_OF"))


def test_a_regions_compound_organs_are_the_regions(tmp_path):
    text, x = _extract(tmp_path, "vr.txt", "Minnesanteckningar från möte med Värmlandsrådet den 12 februari 2021\n\n"
                       "Inbjudan till mötet går till presidierna i Region Värmlands regionstyrelse och hälso- och "
                       "sjukvårdsnämnd samt till ordföranden.\n")
    rel = _relations(x, "PART_OF")
    assert ("Region Värmlands regionstyrelse", "Region Värmland") in rel
    assert ("Region Värmlands hälso- och sjukvårdsnämnd", "Region Värmland") in rel
    _quotes_true(text, x)


@pytest.mark.parametrize("mark", ["Sn 50 Au 84", "AU 15-06-03", "Au § 12"])
def test_au_paragraph_or_date_beside_an_item(tmp_path, mark):
    _, x = _extract(tmp_path, "sn.txt", "VILHELMINA KOMMUN PROTOKOLL 1(54)\nSocialnämnden\n\n"
                    f"§ 50 Budget\n{mark} Dnr 2016/12\nSocialnämnden beslutar att anta budgeten.\n")
    assert ("Socialnämndens arbetsutskott", "Socialnämnden") in _relations(x, "PREPARES_FOR")


def test_an_au_date_range_or_a_long_number_is_no_paragraph(tmp_path):
    _, x = _extract(tmp_path, "sn.txt", "VILHELMINA KOMMUN PROTOKOLL 1(54)\nSocialnämnden\n\n"
                    "§ 50 Budget\nAU 2015-2018-03 i projektet\nSocialnämnden beslutar att anta budgeten.\n")
    assert not _relations(x, "PREPARES_FOR")


def test_the_notice_of_the_protocol_names_the_body(tmp_path):
    text, x = _extract(tmp_path, "au.txt", "1 PROTOKOLL 1 (28) Sammanträdestid kl 09:00-12:30 Sammanträdesplats "
                       "Tallen, Region Västerbotten, Umeå Beslutande Enligt närvarolista BEVIS OM ANSLAG Justering har "
                       "tillkännagivits genom anslag på Region Västerbottens digitala anslagstavla. Myndighet "
                       "Arbetsutskottet Anslagsdatum 2020-01-01\n\n§ 1 Budget\n")
    assert ("Arbetsutskottet", "Region Västerbotten") in _relations(x, "PART_OF")
    _quotes_true(text, x)


def test_protocol_from_a_beredning_among_the_delgivningar(tmp_path):
    text, x = _extract(tmp_path, "kfn.txt", "KOMMUNFÖRBUNDET NORRBOTTEN SAMMANTRÄDESPROTOKOLL\nStyrelsen\n2006-02-09\n\n"
                       "§ 12 Delgivningar\na Skrivelse från Socialstyrelsen b Protokoll från Länshandikapprådet "
                       "c Protokoll från Tillväxtberedningen d Protokoll från Skogslänsgruppen\n")
    reports = _relations(x, "REPORTS_TO")
    assert ("Tillväxtberedningen", "Styrelsen") in reports
    # a council's minutes are advice, a group's may be a joint group's: no report
    assert not any(a in ("Länshandikapprådet", "Skogslänsgruppen") for a, _ in reports)
    _quotes_true(text, x)


def test_organ_for_its_organisation_is_the_heads_organ(tmp_path):
    _, x = _extract(tmp_path, "rf.txt", "Förbundsstyrelsen\nProtokoll 2006-06-01\n\n§ 1 Öppnande\n"
                    "Förbundsstyrelsen för Regionförbundet Örebro beslutar att anta dagordningen.\n")
    part = _relations(x, "PART_OF")
    assert ("Förbundsstyrelsen", "Regionförbundet Örebro") in part
    assert not any(a.startswith("Förbundsstyrelsen för") for a, _ in part)


def test_the_office_under_the_letterhead_is_the_organisations(tmp_path):
    text, x = _extract(tmp_path, "malmo.txt", "Malmö stad 1 (5) Stadskontoret Datum Tjänsteskrivelse 2015-06-17 "
                       "Vår referens Johanna Sandberg Utredningssekreterare\nYttrande gällande förslag\nFörslag till beslut "
                       "Kommunstyrelsen föreslås besluta att avge yttrande.\n")
    assert ("Stadskontoret", "Malmö stad") in _relations(x, "PART_OF")
    _quotes_true(text, x)


def test_member_column_after_the_party(tmp_path):
    text, x = _extract(tmp_path, "hr.txt", "Hälsingerådet 2014 09 03 Tid och plats 09.00-12.00 Järvsöbaden Paragrafer "
                       "102-111 Beslutande Marie Centerwall (S), Bollnäs (ordförande) Ingvar Persson (M), Bollnäs Caroline "
                       "Schmidt (C), Hudiksvall Mikael Löthstam (S), Hudiksvall Monica Olsson (S), Nordanstig Stig Eng "
                       "(C), Nordanstig Yoomi Renström (S), Ovanåker Björn Mårtensson (C), Ovanåker Sven-Erik Lindestam "
                       "(S), Söderhamn Leif Persson (S), Ljusdal Karin Jansson (Mp), Ljusdal Övriga deltagare Gun "
                       "Hedlund, Bollnäs kommun\n\n"
                       "§ 102 Mötet öppnas\n")
    members = {a for a, b in _relations(x, "MEMBER_OF") if b == "Hälsingerådet"}
    assert {"Hudiksvalls kommun", "Nordanstigs kommun", "Ovanåkers kommun", "Ljusdals kommun"} <= members
    _quotes_true(text, x)


def test_representatives_in_a_footnote_are_the_footnoted_groups_members(tmp_path):
    text, x = _extract(tmp_path, "ts.txt", "Tjänsteskrivelse 2015-01-23\nSocialnämnden\n\nSamverkansgruppen för hälso- "
                       "och sjukvård, socialtjänst, elevhälsa och\nskolvård – Maritgruppen 2, har vid sitt sammanträde "
                       "den 12 december\n2014 beslutat rekommendera kommunerna och landstinget att anta "
                       "överenskommelsen.\nBeslutsunderlag\nSocialförvaltningens tjänsteskrivelse den 23 januari 2015\n"
                       "2\nPolitiska representanter från Regionförbundet och Landstinget.\n")
    members = _relations(x, "MEMBER_OF")
    assert ("Regionförbundet", "Maritgruppen") in members
    assert ("landstinget", "Maritgruppen") in members or ("Landstinget", "Maritgruppen") in members
    _quotes_true(text, x)


def test_decision_route_of_a_tjänsteskrivelse(tmp_path):
    text, x = _extract(tmp_path, "ts.txt", "Malmö stad 1 (5) Stadskontoret Datum Tjänsteskrivelse 2015-06-17\n"
                       "Beslutsplanering KS Arbetsutskott 2015-06-22 Kommunstyrelsen 2015-08-12 Ärendet\n")
    assert ("KS Arbetsutskott", "Kommunstyrelsen") in _relations(x, "PREPARES_FOR")
    _quotes_true(text, x)


def test_a_later_utskott_day_is_no_route(tmp_path):
    _, x = _extract(tmp_path, "ts.txt", "Tjänsteskrivelse 2015-06-17\n"
                    "Kommunstyrelsen 2015-05-01 och Arbetsutskottet 2015-06-22 Kommunstyrelsen 2015-05-12\n")
    assert not _relations(x, "PREPARES_FOR")


@pytest.mark.parametrize("word, is_org", [("Landstinget", True), ("Institutet", True), ("Kansliet", True),
                                          ("Länsstyrelse", True), ("Kanslitet", False), ("Verkette", False)])
def test_only_the_definite_ending_comes_off_an_organisations_word(word, is_org):
    # "landstinget (nuvarande Region Örebro län)": the old name's head less its ending "-et", never more letters
    from ingest.extract.organisation import organisation_word
    assert organisation_word(word) is is_org


def test_a_letterhead_city_is_quoted_whole(tmp_path):
    # "Malmö stad 1 (5) Stadskontoret": the organisation's name with its "stad", not the bare place name
    text, x = _extract(tmp_path, "vasteras.txt", "Västerås stad\nKulturnämnden\nProtokoll 2019-03-04\n\n§ 12 Budget\n"
                       "Nämnden beslutar att anta budgeten.\n")
    names = {m.key: m.props["name"] for m in x.mentions if m.label == "Body"}
    quotes = {c.evidence.quote for c in x.claims if c.type == "PART_OF" and names.get(c.src) == "Kulturnämnden"}
    assert quotes == {"Västerås stad"}
    _quotes_true(text, x)


def test_member_rows_count_the_host_municipality_among_others(tmp_path):
    # the förbund's host municipality (its address in the head) sits in the förbund like the others
    _, x = _extract(tmp_path, "samordning.txt", "Samordningsförbundet Mitt\nHallstahammars kommun, Box 12\n"
                    "Protokoll 2016-05-10\nBeslutande\nAnna Berg, ledamot, Hallstahammars kommun\n"
                    "Per Ek, ordförande, Region Västmanland\nLisa Holm, ersättare, Surahammars kommun\n"
                    "Olle Ring, ledamot, Arbetsförmedlingen\n\n§ 3 Dagordning\n")
    members = {a for a, _ in _relations(x, "MEMBER_OF")}
    assert {"Hallstahammars kommun", "Surahammars kommun", "Arbetsförmedlingen"} <= members


def test_presenters_under_agenda_points_are_no_members(tmp_path):
    # a council's programme names who presents each point and their municipality: no member column
    _, x = _extract(tmp_path, "radet.txt", "Länsrådet 12 mars 2021\n\n§ 1 Välkomna\nAnna Berg, Region Dalarna och "
                    "Per Ek, Falu kommun\n\n§ 2 Vattendirektivet\nOla Lind, Mora kommun, Eva Sand, Leksands kommun, "
                    "Kim Åberg, Rättviks kommun samt Lars Holm, Orsa kommun\n\n§ 3 Övriga frågor\n")
    assert not _relations(x, "MEMBER_OF")


def test_a_state_agency_is_no_organ_of_the_state(tmp_path):
    _, x = _extract(tmp_path, "sou.txt", "Socialutskottet\nProtokoll 2026-03-03\n\n§ 1 Information\nFöreträdare för "
                    "Statens beredning för medicinsk och social utvärdering informerade.\n")
    assert not {a for a, b in _relations(x, "PART_OF") if b == "Staten"}


def test_a_national_organisation_in_the_letterhead_owns_the_utskott(tmp_path):
    _, x = _extract(tmp_path, "utskott.txt", "Protokoll utskottssammanträde 2023/24:12\n\nRIKSDAGEN\n\nKULTURUTSKOTTET"
                    "\n\nPROTOKOLL\n\nDATUM\n\n2023-11-14\n\n§ 1\n\nJustering av protokoll\n\nUtskottet justerade "
                    "protokoll 2023/24:11.\n")
    assert ("Kulturutskottet", "Riksdagen") in {(a.capitalize(), b) for a, b in _relations(x, "PART_OF")}


def test_a_national_organisation_named_in_running_text_is_no_letterhead(tmp_path):
    _, x = _extract(tmp_path, "sn.txt", "Socialnämnden\nProtokoll 2019-04-23\n\n§ 4 Lagändring\nRiksdagen har "
                    "beslutat om en ny socialtjänstlag.\n")
    assert not {a for a, b in _relations(x, "PART_OF") if b == "Riksdagen"}


def test_the_organs_a_group_consists_of_are_its_members(tmp_path):
    _, x = _extract(tmp_path, "forum.txt", "Ledningsforum\nMinnesanteckningar 2020-03-04\n\n§ 1 Hemsjukvård\n"
                    "Forumet enades om att styrgruppen bestående av kommunstyrelsens arbetsutskott och "
                    "socialnämnden ska återkomma i april.\n")
    members = {a for a, _ in _relations(x, "MEMBER_OF")}
    assert {"kommunstyrelsens arbetsutskott", "socialnämnden"} <= {m.lower() for m in members}


def test_people_a_group_consists_of_make_no_members(tmp_path):
    _, x = _extract(tmp_path, "socsam.txt", "Samrådsgruppen\nMinnesanteckningar 2021-06-04\n\n§ 2 Rapporter\n"
                    "SocSam består av ordf. i kommunernas socialnämnder och rapporterade om läget.\n")
    assert not _relations(x, "MEMBER_OF")


def test_a_national_organisation_in_capitals_inside_an_item_is_no_letterhead(tmp_path):
    _, x = _extract(tmp_path, "ks.txt", "Kommunstyrelsen\nProtokoll 2024-02-13\n\n§ 1 Val av justerare\n\n"
                    "§ 2 Remiss\nRemissvar till RIKSDAGEN om kommunernas ansvar för krisberedskap lämnas enligt "
                    "förslaget.\n")
    assert not {a for a, b in _relations(x, "PART_OF") if b == "Riksdagen"}
