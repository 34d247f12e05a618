"""Agenda items numbered inside run-on text (a PDF transcript or a copied web page), where no item has a line of
its own (ingest/segment/items.py, inline_items)."""
from __future__ import annotations

from ingest.segment import segment


def items(text: str) -> list[tuple[str, str]]:
    seg = segment(text)
    return [(it.label, it.title) for it in seg.items]


def test_a_numbered_agenda_on_one_line():
    text = ("Kallelse Styrelsen 2024-03-01 Dagordning 1. Val av justerare 2. Fastställande av dagordning "
            "3. Budget 2025 Information av ekonomichefen 4. Övriga frågor\n")
    got = items(text)
    assert [label for label, _ in got] == ["1.", "2.", "3.", "4."]
    assert got[0][1] == "Val av justerare" and got[2][1].startswith("Budget 2025")


def test_a_register_with_diary_numbers_and_page_numbers():
    text = ("Kommunstyrelsens arbetsutskott Ärendelista 12 Dnr KS 2024/3 Information... 3 13 Dnr KS 2024/9 "
            "Årsredovisning 2023... 5 14 Dnr KS 2023/101 Svar på medborgarförslag om bussar... 9 Justering\n")
    got = items(text)
    assert got == [("12", "Information"), ("13", "Årsredovisning 2023"), ("14", "Svar på medborgarförslag om bussar")]


def test_two_numbers_in_a_row_are_no_agenda():
    # "39 Anna …, 40 Jenny …": the paragraphs a person was present for, not items
    assert items("Närvarande Anna Lindberg, direktör, 39 Jenny Hakeberg, projektledare, 40 Underskrifter\n") == []


def test_items_with_lines_of_their_own_are_read_as_before():
    text = "Protokoll\n\n§ 1 Val av justerare\n\nText.\n\n§ 2 Budget\n\nText 1. Första 2. Andra 3. Tredje\n"
    assert [label for label, _ in items(text)] == ["§ 1", "§ 2"]


def test_a_register_of_labels_before_their_titles():
    # "Register SON 108 SON 109 SON 110 Information …": the labels in a row, the titles after them
    got = items("Protokoll Register SON 108 SON 109 SON 110 Information Budget Övrigt\n")
    assert [label for label, _ in got] == ["SON 108", "SON 109", "SON 110"]


def test_a_tjansteskrivelse_is_written_for_the_one_arende_in_its_first_line():
    got = items("Ärende 5 Överenskommelse om hemsjukvård\n\nTjänsteskrivelse\n2015-01-23\nSammanfattning\nText.\n")
    assert got == [("Ärende 5", "Överenskommelse om hemsjukvård")]
    # further down, one "Ärende 5" is a reference, not the document's item
    assert items("Tjänsteskrivelse\n\nSe även\nÄrende 5 Budget\n") == []


def test_two_dotted_points_open_a_memos_agenda_and_beat_page_numbers():
    text = ("Transkript\n\n1 Minnesanteckningar Regionrådsmöte Dag tisdagen den 12 juni 2012\n\n2 Minnesanteckningar "
            "Mötet öppnas Mötet öppnades av ordförande Johan Söderling. 2. Föregående möte Minnesanteckningar från "
            "föregående möte gicks igenom. 3. Info Bemanning kansliet Föredragande: Eric Thorstensson\n")
    assert [label for label, _ in items(text)] == ["2.", "3."]


def test_colon_numbered_agenda_and_a_list_inside_its_last_item():
    text = ("PROTOKOLL Närvarande: Maria Norrfalk 1:Mötet öppnas av ordföranden Ordförande förklarade mötet öppnat. "
            "2:Val av protokolljusterare Per-Erik Sandberg utsågs att justera dagens protokoll. 3: Föregående mötes "
            "minnesanteckningar Protokollet gicks igenom. 4: Regional strategi för transporter Mer om innehållet: "
            "1. Syftet med strategin 2. Bakgrund transporter 3. Dalarnas transporter idag 4. Framtida samverkan "
            "5. Insatsområden\n")
    got = items(text)
    assert [label for label, _ in got] == ["1.", "2.", "3.", "4."]
    assert got[1][1].startswith("Val av protokolljusterare")


def test_a_register_headed_arendelista_without_numbers_for_most_titles():
    text = ("Transkript\n\n2 Socialnämnden SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Sid (18) Ärendelista 63. "
            "Fastställande av dagordning Redovisning av delegationsbeslut Ekonomisk uppföljning per april "
            "Internkontroll 2020, första halvåret\n")
    got = items(text)
    assert got == [("63", "Fastställande av dagordning"), ("punkt 2", "Redovisning av delegationsbeslut"),
                   ("punkt 3", "Ekonomisk uppföljning per april"), ("punkt 4", "Internkontroll 2020, första halvåret")]


def test_a_register_with_its_numbers_in_a_column_and_its_heading_repeated():
    text = ("Sammanträdesprotokoll Sida 2(18) Förteckning över kommunfullmäktiges ärenden Informationsärenden 76 77 78 "
            "Förändringar av kungörelsen Fråga till kommunfullmäktiges ordförande angående motioner Motion Utredning "
            "om Långbrottskolans framtid Förteckning över kommunfullmäktiges ärenden Informationsärenden\n")
    got = items(text)
    # the column's numbers go to the titles after it; 'ordförande' inside a title ends nothing; 'Motion' links on
    assert [t for _, t in got] == ["Informationsärenden", "Förändringar av kungörelsen",
                                   "Fråga till kommunfullmäktiges ordförande angående motioner",
                                   "Motion Utredning om Långbrottskolans framtid"]
    assert [n for n, _ in got][1:] == ["76", "77", "78"]


def test_a_register_beats_the_numbered_run_inside_it():
    text = ("3 södra Småland (32) Förteckning över förbundsstyrelsens ärenden den 23 september Fastställande av "
            "dagordning 140 Aktuella frågor för regional utveckling 141 Aktuella trafikeringsfrågor 142 Redogörelse "
            "för det ekonomiska läget 143 Delårsrapport jan 2009 juni Länstransportplan Skåne yttrande 145 "
            "Länstransportplan Blekinge län yttrande\n")
    got = items(text)
    assert ("punkt 1", "Fastställande av dagordning") in got
    # a county's name inside a title starts no title of its own
    assert ("punkt 6", "Länstransportplan Skåne yttrande") in got and ("145", "Länstransportplan Blekinge län yttrande") in got
    assert ("143", "Delårsrapport jan 2009 juni") in got


def test_a_register_ends_at_its_signature():
    text = ("Innehållsförteckning: Sid. 65 Framtidsstrategi med treårsbudget Översyn av ägardirektiv 6 67 Rapport "
            "från strukturgruppen 9 68 Motionssvar - Förändring av överförmynderiverksamheten Linda Söder-Jonsson "
            "Ordförande\n")
    got = items(text)
    assert got == [("65", "Framtidsstrategi med treårsbudget"), ("punkt 2", "Översyn av ägardirektiv"),
                   ("67", "Rapport från strukturgruppen"), ("68", "Motionssvar - Förändring av överförmynderiverksamheten")]


def test_a_transcripts_head_pages_are_no_items():
    text = ("Transkript\n\n1 Plats och tid Ljusdalssalen, förvaltningshuset, Ljusdal, 08:30-18:20 Beslutande: Markus "
            "Evensson (S), ordförande Ann-Christine Fredriksson (S) Bengt Engström (S) Anna Olsson (S) Katarina "
            "Ljung (S) Jonny Mattsson (M) Ann Fagerström (C) Tomas Bergqvist (M) Olle Nilsson (C) Karin Jansson "
            "(V)\n\n2 Underskrifter Sekreterare... Paragrafer Kerstin Karell Ordförande... Markus Evensson\n\n"
            "3 Innehåll Sid 115 Tobakstillsyn på Aktiebolaget Öje\n")
    # the pages' numbers are no agenda; the contents list's one entry is the item (a company's name inside its title)
    assert items(text) == [("115", "Tobakstillsyn på Aktiebolaget Öje")]


def test_a_transcript_that_lost_its_section_signs_two_labels_after_sentence_ends():
    text = ("Transkript\n\n2 2 (14) 188 Fastställande av föredragningslista Enligt reglemente för landstingsstyrelsen "
            "hade preliminär föredragningslista utsänts. Preliminär föredragningslista fastställs i övrigt som slutlig "
            "föredragningslista. 189 Landstingsdirektörens rapport Prognosen för länssjukvården per november visar "
            "på ökat underskott.\n")
    assert [label for label, _ in items(text)] == ["188", "189"]


def test_a_number_before_a_first_name_is_an_attended_paragraph_not_an_item():
    text = ("Transkript\n\n1 1(19 Plats och tid Beslutande Bo Johansson, Älvsbyn, (s, ordförande Kenneth Stålnacke, "
            "Kiruna, (s, t o m 15 Margaretha Lindbäck, Luleå, (s Övriga deltagande Pär Röckner, kansliet. 16 Åsa "
            "Sturk, kansliet, sekr\n")
    assert items(text) == []


def test_a_body_abbreviation_before_the_number_and_the_head_pages_range():
    sn = ("Transkript\n\n3 VILHELMINA KOMMUN PROTOKOLL 3 Sn 49 Sammanträdets öppnande, formalia. Sn Ordförande öppnade "
          "sammanträdet.\n\n4 VILHELMINA KOMMUN PROTOKOLL 4 Socialnämnden Sn 50 Au 84 Sn 34 Au 57 Dnr 2016/ Budget och "
          "ekonomisk uppföljning år Au Förvaltningschef föredrar ärendet.\n")
    assert [label for label, _ in items(sn)][:2] == ["Sn 49", "Sn 50"]
    # "Paragrafer 49-60": the numbers in that range, each first one after it, also one written inside a sentence
    rng = ("Protokoll 54 Utses att justera Ann-Marie Fagerström Paragrafer 49-60\nProtokoll 55 49 Dagordning Nämnden "
           "beslutar att godkänna dagordningen med tillägg: 52 Tilläggsbeslut om hanteringen av överskott i "
           "projektet 50 Plan- och byggsamverkan Föredragande: Irene Tallhage Lönn\n")
    assert sorted(label for label, _ in items(rng)) == ["49", "50", "52"]


def test_one_label_with_its_diary_number():
    text = ("Transkript\n\n1 STENUNGSUNDS KOMMUN Tid: 9:00 KOMMUNSTYRELSENS SOCIALA UTSKOTT Plats: Rodret\n\n2 35 "
            "Diarienummer 0371/11 Ekonomisk uppföljning tom april 2011, Vård och äldreomsorg Vård och äldreomsorgen "
            "prognostiserar ett underskott.\n")
    assert [label for label, _ in items(text)] == ["35"]


def test_a_garbled_font_encoding_is_a_warning_not_items():
    text = ("Transkript\n\n2 2 /$1'67,1*6)8//0b.7,*(b5(1'(1 $QPlODQDYLQNRPQDVNULYHOVHUPP Följande skrivelser "
            "anmäldes för anteckning till protokollet: Yttrande över förslag till föreskrifter. 'HOnUVERNVOXWPHGnUVSURJQRV "
            "*RGNlQQDQGHDYI Centralförvaltningen redovisar.\n")
    seg = segment(text)
    assert any("förvrängd teckenkodning" in w for w in seg.warnings)
    # ordinary capitals and names are no garble
    assert not segment("KOMMUNSTYRELSENS ARBETSUTSKOTT SAMMANTRÄDESPROTOKOLL McDonald SocSam:s PowerPoint\n").warnings


def test_page_furniture_in_run_on_text_neither_becomes_nor_breaks_an_item():
    text = ("Transkript\n\n3 Sida 3 av 12 Justerandes sign § 13 Justerandes sign Utdragsbestyrkande Val av ombud "
            "Kommunstyrelsen utser Anna Berg. § 14 Delegationsbeslut Redovisas. Justerandes sign Utdragsbestyrkande "
            "§ 15 Övriga frågor Inga.\n")
    got = items(text)
    assert [label for label, _ in got] == ["§ 13", "§ 14", "§ 15"]
    assert got[0][1].startswith("Val av ombud") and "Justerandes" not in got[1][1]


def test_worded_labels_and_a_one_paragraph_extract_in_run_on_text():
    text = ("Transkript\n\n2 Ärende 3 Budget 2025 Nämnden beslutar att anta budgeten. Ärende 4 Val av ombud Nämnden "
            "utser Anna Berg. Ärende 5 Övriga frågor Inga.\n")
    assert [label for label, _ in items(text)] == ["Ärende 3", "Ärende 4", "Ärende 5"]
    extract = ("Transkript\n\n1 Utdrag ur protokoll fört vid sammanträde med kommunstyrelsen 2024-03-05 § 45 Översyn av "
               "taxor Kommunstyrelsen beslutar att anta förslaget. Justerandes sign Utdragsbestyrkande\n")
    assert [label for label, _ in items(extract)] == ["§ 45"]


def test_points_a_sentence_announces_are_a_list_in_prose_not_an_agenda():
    text = ("Transkript\n\n2 35 31 TEMA: Folkhälsa Utifrån den genomförda kommundialogen har fem angelägna områden "
            "utkristalliserats. 1. Viljan samt behovet av mer struktur i folkhälsoarbetet. 2. Hur ska arbetet "
            "organiseras för att få genomslagskraft. 3. Öka förståelsen för vad folkhälsa är. 4. Behov av "
            "kvalitetssäkring. 5. Formulera vad som skall ingå i folkhälsoarbetet. Monika Kling beskriver strukturen.\n")
    assert items(text) == []
    agenda = "Kallelse Styrelsen Dagordning 1. Mötets öppnande 2. Val av justerare 3. Budget 2025 4. Övriga frågor\n"
    assert len(items(agenda)) == 4


def test_the_next_numbers_in_a_column_after_a_run_and_their_titles():
    text = ("Transkript\n\n1 KALLELSE Ärende Information Dnr 1 Presentation av ny enhetschef 2 Information från "
            "förvaltningen 3 Detaljbudget 2019 SN 2018/46 4 Budget SN 2019/71 Anmälningsärenden 5 6 Meddelanden "
            "delegationsbeslut Meddelanden Övrigt Linda Söder-Jonsson Ordförande\n")
    got = items(text)
    assert got[3] == ("4", "Budget SN 2019/71 Anmälningsärenden")
    assert got[4:] == [("5", "Meddelanden delegationsbeslut"), ("6", "Meddelanden"), ("punkt 7", "Övrigt")]


def test_a_notice_with_an_agenda_for_each_meeting():
    # a joint meeting's agenda, then a body's own agenda numbered from 1 under its own heading
    text = ("Kallelse Dagordning för sammanträde för beredningarna 1. Välkommen! 2. Val av justerare "
            "3. Föregående protokoll 4. Övriga frågor Socialberedningen Ordinarie ledamöter Dagordning för "
            "Socialberedningens sammanträde 1. Val av justerare 2. Dagordning 3. Föregående protokoll "
            "4. E-samhället kring E-hälsa Muntlig information\n")
    got = items(text)
    assert [label for label, _ in got] == ["1.", "2.", "3.", "4.", "1. (2)", "2. (2)", "3. (2)", "4. (2)"]
    assert got[4][1] == "Val av justerare" and got[7][1].startswith("E-samhället kring E-hälsa")


def test_a_list_from_1_without_an_agenda_heading_is_no_second_agenda():
    text = ("Kallelse Dagordning 1. Val av justerare 2. Budget 3. Övriga frågor Budgeten har tre delar "
            "och de är dessa 1. Drift 2. Investering 3. Finansiering\n")
    assert [label for label, _ in items(text)] == ["1.", "2.", "3."]


def test_a_number_before_a_diary_reference_that_lost_its_digits():
    # "138 LK/ Föredragningslistan": the § sign and the diary number's digits lost in a PDF transcript
    text = ("Utsågs Ulric Andersson att jämte ordföranden justera dagens protokoll. 138 LK/ "
            "Föredragningslistan Godkändes upprättad föredragningslista. 139 Föredragningar Möjlighet att "
            "inrätta fler vårdplatser\n")
    got = items(text)
    assert [label for label, _ in got] == ["138", "139"]
    assert got[0][1].startswith("Föredragningslistan")


def test_a_registers_two_labels_right_after_a_transcript_pages_header():
    text = ("2 2(22) Utses att justera Agneta Lenander Justeringens tid och plats Kommunledningskontoret\n\n"
            "3 3(22) 31 Beslutad ärendelista 32 Information Resultatbalansering hemvården Kamera i ordinärt boende\n")
    got = items(text)
    assert [label for label, _ in got] == ["31", "32"] and got[0][1].startswith("Beslutad ärendelista")


def test_two_labels_far_apart_after_a_page_header_are_no_register():
    text = ("3 3(22) 31 Beslutad ärendelista och en lång text som fortsätter om annat än ärenden under en rad "
            "som aldrig tar slut 32 Information\n")
    assert items(text) == []


def test_a_point_numbered_with_a_slash_goes_on_with_the_dotted_run():
    # "4/ Rapporter" after "1. … 2. … 3. …" on the transcript's next page
    text = ("Pär Nuder öppnade mötet. 1. Fastställande av dagordning Dagordningen fastställdes. 2. Föregående "
            "protokoll Protokollet lades till handlingarna. 3. Val av justerare Ulla Jakobsson valdes till "
            "justerare.\n\n2 Beslutsgruppen för mål 5b-skärgården 4/ Rapporter Rapport från kommitténs möte\n")
    got = items(text)
    assert [label for label, _ in got] == ["1.", "2.", "3.", "4."] and got[3][1].startswith("Rapporter")


def test_a_bare_number_before_a_word_cut_off_by_the_end_is_no_item():
    text = ("Arbetsutskottet 2 Plats för sammanträdet Beslut. 3 Datum för förbundsmöte Beslut. 4 Kommunledningsfrågor "
            "Information. 5 Ekonomisk rapport Rapporten läggs till handlingarna. 6 Arbetsu")
    assert [label for label, _ in items(text)] == ["2", "3", "4", "5"]
    # with a body's prefix the label stands: "Ks 138 Dnr Fö"
    text = "Ks 135 Dnr Budget Ks 136 Dnr Intranät Ks 137 Dnr Motion Ks 138 Dnr Fö"
    assert [label for label, _ in items(text)][-1] == "Ks 138"
