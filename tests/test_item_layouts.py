"""Agenda items in line layouts of real minutes (ingest/segment/items.py): web bullets with a number alone,
numbered points inside a bullet, agendas as "12 Title" lines, a register above § paragraphs, diary numbers
before a point's title."""
from __future__ import annotations

from ingest.segment import segment


def items(text: str) -> list[tuple[str, str, bool]]:
    return [(it.label, it.title, it.number_inferred) for it in segment(text).items]


def test_a_bullet_with_its_number_alone_and_the_title_below():
    text = ("Hoppa över navigering\n •   1\n\n  Justering\n\n •   2\n\n  Godkännande av föredragningslistan\n\n"
            " • Jenny Sjöström informerar om sitt uppdrag som kommunpolis i Kungsbacka.\n\n"
            " • Under våren 2021 beslutade regionfullmäktige om den nya regionala utvecklingsstrategin (RUS).\n")
    got = items(text)
    assert got[:2] == [("1", "Justering", False), ("2", "Godkännande av föredragningslistan", False)]
    # the bullets after them are numbered from their neighbours, in the neighbours' style (no §)
    assert [(label, inferred) for label, _, inferred in got[2:]] == [("3", True), ("4", True)]
    assert got[3][1].endswith("utvecklingsstrategin (RUS).")


def test_numbered_points_inside_a_bullet_are_items():
    text = (" • § 2\n\n  Val av justerare\n\n • En presentationsrunda genomförs.\n\n"
            " • 1. Verksamhetsberättelse 2022\n\n  Elin går igenom verksamhetsberättelsen.\n\n"
            "  2. Kommunförbundet - statusrapport\n\n  En diskussion förs om status i frågan.\n\n"
            " • Maria Höög föredrar punkten.\n")
    got = items(text)
    assert ("1.", "Verksamhetsberättelse 2022", False) in got
    assert ("2.", "Kommunförbundet - statusrapport", False) in got
    # a point's number does not number the bullets around it
    assert got[-1][0] == "§ 5"


def test_an_agenda_of_numbered_lines():
    text = ("Sammanträde 2008-05-06\n\nPlats\nSammanträdesrummet Bolmen\n\n1 Förslag till justerare Harriet "
            "Kristensson.\n\nInformation\n\n2 Information om Kommunassurans Syd. - Sarah Philipson\n\n"
            "3 Kommunstyrelsens ordförande informerar.\n\n5 Lönekartläggning. - Åsa Lönn\n")
    assert [label for label, _, _ in items(text)] == ["1", "2", "3", "5"]


def test_transcript_pages_are_no_agenda():
    # a PDF transcript numbers its pages at the start of each page's line
    long = "Arbetsutskottet beslutar att sammanträdet hålles på förbundskansliet i Lund. " * 4
    text = (f"Transkript\n\n1 Arbetsutskottet (19) Plats och tid {long}\n\n2 Arbetsutskottet (Dnr ) Plats för "
            "sammanträde\n\n3 Arbetsutskottet (Dnr ) Datum för förbundsmöte\n")
    assert segment(text).item_style != "numbered"


def test_a_register_above_the_paragraphs():
    text = ("Sammanträde 2011-11-24\n\n1 Sammanträdets öppnande och godkännande av föredragningslista\n\n"
            "2 Val av protokolljusterare\n\nRemissärenden\n\n3 Program för kvalitetsutveckling\n\n"
            "4 Nämndens frågor\n\n§1 Sammanträdets öppnande och godkännande av föredragningslista\n\n"
            "Ordföranden öppnade sammanträdet.\n")
    got = items(text)
    assert [label for label, _, _ in got] == ["§ 2", "§ 3", "§ 4", "§ 1"]
    assert got[-1][1].startswith("Sammanträdets öppnande")


def test_a_diary_number_before_a_points_title():
    text = ("ÄRENDEN\n\n1. SN/2018:98 Uppdrag ur strategisk plan 2018- 2021 att i samarbete med barn-, utbildnings- "
            "och kulturnämnden utforma arbetssätt och genomföra stöd och utbildning till vårdnadshavare\n\n"
            "2. SN/2018:134 Extra sammanträdesdag för socialnämnden den 8 januari 2019\n\n"
            "3. Inkomna synpunkter\n")
    got = items(text)
    assert [label for label, _, _ in got] == ["1.", "2.", "3."]
    assert got[1][1] == "Extra sammanträdesdag för socialnämnden den 8 januari 2019"
    assert got[0][1].startswith("Uppdrag ur strategisk plan")


def test_a_notice_dates_its_meeting_by_the_meeting_line():
    seg = segment("Sida KALLELSE 1(2)\n\n2018-12-03\n\nSammanträde med: Socialnämnd Tid: 2018-12-12 kl 10:00\n\n"
                  "1. Val av justerare\n\n2. Information\n")
    assert (seg.doc_date, seg.meeting_date) == ("2018-12-03", "2018-12-12")


def test_lettered_points_are_items_without_a_number():
    text = ("Dagordning\n\n 1. Fastställande av dagordning\n\n 2. Information/vägledningsdiskussion\n\n"
            "  a) Rapport från konferensen\n      Lina Widlund, strateg\n  b) Regionfrågan\n  d)\n"
            "  Kommentarer\n\n 3. Delårsbokslut per den 31 augusti 2018\n")
    got = items(text)
    assert [(label, title) for label, title, _ in got] == [
        ("1.", "Fastställande av dagordning"), ("2.", "Information/vägledningsdiskussion"),
        ("2 a)", "Rapport från konferensen"), ("2 b)", "Regionfrågan"), ("3.", "Delårsbokslut per den 31 augusti 2018")]
    assert [it.number for it in segment(text).items] == ["1", "2", "", "", "3"]


def test_a_lettered_point_on_the_items_own_line_is_the_item():
    text = ("14 Anmälan av ansökan till e-tjänstprogrammet\n\n15 a) Anmälan av protokollsjustering\n\n"
            "b) Anmälan av handikapprådets protokoll\n\nc) Anmälan av delegationsprotokoll\n\n"
            "Övriga frågor\n\n16 Nämndens frågor\n")
    got = [(label, title) for label, title, _ in items(text)]
    assert ("15", "Anmälan av protokollsjustering") in got
    assert ("15 b)", "Anmälan av handikapprådets protokoll") in got and ("15 c)", "Anmälan av delegationsprotokoll") in got


def test_an_agenda_list_of_bullets_and_its_sections():
    text = ("Sammanställning från SRO 24 februari\n\nAgenda\n\n • Lägesrapport om covid-19\n"
            " • Fördelning av länsgemensamma medel 2022 för psykisk hälsa\n • Revidering av Färdplan\n\n"
            "Lägesrapport om covid-19\n\nFöredragande: Kaarina Sundelin, VGR\n\n • Fortfarande hög smittspridning\n"
            " • Antalet individer på sjukhus minskar\n\nStällningstagande: SRO noterar informationen.\n\n"
            "Fördelning av länsgemensamma medel 2022 för psykisk hälsa\n\nFöredragande: Catharina Sundström\n\n"
            " • brukarmedverkan\n • suicidprevention\n")
    seg = segment(text)
    assert seg.item_style == "agenda"
    assert [it.title for it in seg.items] == ["Revidering av Färdplan", "Lägesrapport om covid-19",
                                              "Fördelning av länsgemensamma medel 2022 för psykisk hälsa"]
    covid = seg.items[1]
    assert "SRO noterar informationen" in text[covid.start:covid.end]  # the section, not the agenda's bullet
    assert covid.end <= text.index("Fördelning av länsgemensamma medel 2022 för psykisk hälsa\n\nFöre")


def test_numbered_bullets_under_an_agenda_heading_stay_bullet_items():
    text = ("Dagordning\n\n• 1. Mötets öppnande\n• 2. Föregående minnesanteckningar\n• 3. Medborgardialog\n"
            "Mikael Strand redovisar upplägget.\nBeslut: Beredningen beslutar att genomföra dialogen.\n"
            "• 4. Översyn av riktlinjer\n• 5. Övriga frågor\n")
    assert segment(text).item_style != "agenda"


def test_decisions_in_prose_of_notes():
    from ingest.extract.items import DECIDED_IN_TEXT_RE as rx
    for s in ("Ulla Jakobsson valdes till justerare.", "Utsågs Ulric Andersson att jämte ordföranden justera.",
              "Två övriga frågor lades till dagordningen.", "Dagordningen godkännes med följande ändringar",
              "Styrgruppen beslutade lägga protokollet till handlingarna"):
        assert rx.search(s), s
    # the subject after the verb is no decision of its own
    assert not rx.search("I syfte att formulera ett medskick beslutade socialcheferna om ett extrainsatt möte")


def test_a_contents_list_run_into_one_line():
    text = ("Transkript\n\n1 PROTOKOLL Förbundsstyrelsen\n\n2 2 INNEHÅLLSFÖRTECKNING 33 Delårsbokslut jan- april "
            "Förslag till direktiv för budgetarbetet Samverkan mellan Örebro läns landsting och länets kommuner "
            "Framtidens kollektivtrafik i Örebro län Information från Stråkgruppen Övriga anmälningsärenden... 23\n\n"
            "3 3 Plats och tid: Net City, Örebro\n")
    seg = segment(text)
    assert seg.item_style == "contents"
    assert [(it.label, it.title) for it in seg.items] == [
        ("33", "Delårsbokslut jan- april"), ("punkt 2", "Förslag till direktiv för budgetarbetet"),
        ("punkt 3", "Samverkan mellan Örebro läns landsting och länets kommuner"),
        ("punkt 4", "Framtidens kollektivtrafik i Örebro län"), ("punkt 5", "Information från Stråkgruppen"),
        ("punkt 6", "Övriga anmälningsärenden")]
    assert all(text[it.title_span[0]:it.title_span[1]] == it.title for it in seg.items)


def test_a_reports_chapters_and_prose_are_no_contents_list():
    assert segment("1(17) Innehåll 1. INLEDNING... 2 1.1 Utredningsuppdrag... 3 1.2 Genomförande... 3 "
                   "2. BAKGRUND BARNAHUS... 4\n").items == []
    assert segment("Avtalets innehåll Parterna har kommit överens om att samarbeta. Samarbetet gäller "
                   "Region Gävleborg och kommunerna. Avtalet gäller från 1 januari.\n").items == []
    assert segment("Innehåll Parterna har kommit överens om att samarbeta. Samarbetet gäller Region Gävleborg "
                   "och kommunerna. Avtalet gäller från 1 januari.\n").items == []


def test_a_programme_of_blocks_without_numbers():
    text = ("Värmlandsrådet 12 februari 2021\nVarmt välkommen till webbmöte med Värmlandsrådet\n\n\nProgram \n\n"
            "Incheckning till möte \n\nVälkomna\nFredrik Larsson, Region Värmland och Peter Söderström, Arvika kommun \n\n"
            "Årshjul för Värmlandsrådet\nFredrik Larsson, Region Värmland\n\nPaus\n\nSmart specialisering\n"
            "Stina Höök och Anders Olsson, Region Värmland\n\nÖvriga frågor\n\n \n\n"
            "Minnesanteckningar från möte med Värmlandsrådet den 12 februari 2021\n\nInbjudan till mötet går till "
            "samtliga kommunstyrelseordföranden i länet.\n")
    # a break is no item; the notes below end the programme
    assert [t for _, t, _ in items(text)] == ["Incheckning till möte", "Välkomna", "Årshjul för Värmlandsrådet",
                                              "Smart specialisering", "Övriga frågor"]


def test_paragraphs_numbered_before_the_sign():
    text = "Protokoll\n\n5 § Val av justerare\n\nAnna Berg utses.\n\n6 § Budget\n\nText.\n\n7 § Övriga frågor\n\nInga.\n"
    assert [(label, title) for label, title, _ in items(text)] == [
        ("§ 5", "Val av justerare"), ("§ 6", "Budget"), ("§ 7", "Övriga frågor")]


def test_more_decisions_in_prose_and_one_per_sentence():
    from ingest.extract.items import DECIDED_IN_TEXT_RE as rx
    for s in ("Arbetsutskottet föreslår styrelsen besluta att lägga den ekonomiska rapporten till handlingarna.",
              "Utskottet beslutade med stöd av 7 kap. 12 § riksdagsordningen att överlägga med regeringen"):
        assert rx.search(s), s
    assert not rx.search("Förvaltningen föreslår att ärendet bordläggs")  # a proposal that is no decision
    from ingest.pipeline import extract_document
    from ingest.readers import Document

    text = ("Minnesanteckningar Regionrådet 2012-06-12\n\n1. Mötet öppnas 2. Föregående möte Minnesanteckningar "
            "gicks igenom. Anteckningarna godkändes och lades till handlingarna. 3. Info Bemanning. Utskottet "
            "beslutade med stöd av 7 kap. 12 § riksdagsordningen att överlägga med regeringen om utkastet.\n")
    _, x = extract_document(Document("doc:notes", "notes.txt", "notes.txt", "txt", text, "0"))
    got = sorted(m.props["text"] for m in x.mentions if m.label == "Decision")
    assert got == ["Anteckningarna godkändes och lades till handlingarna.",
                   "Utskottet beslutade med stöd av 7 kap. 12 § riksdagsordningen att överlägga med regeringen om "
                   "utkastet."]


def test_a_proposal_agreed_to_is_the_decision():
    from ingest.pipeline import extract_document
    from ingest.readers import Document

    text = ("Minnesanteckningar Samverkansrådet\n\n • § 59\n\n  Val av justerare\n\n • § 60\n\n  Kommunalförbund\n\n"
            "  Ordföranden föreslår att bildandet av kommunalförbund blir en stående punkt på dagordningen. "
            "Förslaget bifalls av övriga ledamöter.\n\n • § 61\n\n  Övriga frågor\n")
    _, x = extract_document(Document("doc:notes", "notes.txt", "notes.txt", "txt", text, "0"))
    got = [m.props["text"] for m in x.mentions if m.label == "Decision"]
    assert got == ["Ordföranden föreslår att bildandet av kommunalförbund blir en stående punkt på dagordningen. "
                   "Förslaget bifalls av övriga ledamöter."]
