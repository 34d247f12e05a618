"""Attendance read from run-on text, where a PDF transcript gives a protocol's whole head on one line."""
from __future__ import annotations

RUN_ON = ("Protokoll Socialnämnden 2024-03-12 Plats Kommunhuset Beslutande Karin Lund (S) ordförande "
          "Per Olsson (M) 1:e vice ordförande Anna Berg (C) Ersättare Lars Ek (S) tjg ersättare Eva Strand (V) "
          "Tjänstepersoner Maria Holm, socialchef Utses att justera Per Olsson Paragrafer 1-5\n")


def test_persons_attend_in_the_role_of_their_section(minutes_store):
    store = minutes_store("run-on", {"socialnamnden-2024-03-12.txt": RUN_ON})
    rows = store.records("MATCH (p:Person)-[a:ATTENDED]->(:Meeting) RETURN p.name AS name, a.role AS role")
    got = {(r["name"], r["role"]) for r in rows}
    assert {("Karin Lund", "beslutande"), ("Karin Lund", "ordförande"), ("Per Olsson", "beslutande"),
            ("Anna Berg", "beslutande"), ("Lars Ek", "ersättare"),
            ("Lars Ek", "tjänstgörande ersättare"), ("Eva Strand", "ersättare"),
            ("Maria Holm", "tjänsteperson")} <= got
    # a vice ordförande is a presidium member, not a role at the meeting; the name after "Utses att justera"
    # is a justerare, not one more tjänsteperson
    assert ("Per Olsson", "1:e vice ordförande") not in got
    assert ("Per Olsson", "tjänsteperson") not in got


def test_the_body_of_a_run_on_head_after_a_sites_own_lines(minutes_store):
    """A PDF transcript from a document site: the site's lines come first, the protocol's head runs on after."""
    text = ("Beslutande Karin Lund (S) ordförande\n\nStorlek: px\n\nTranskript\n\n1 Protokoll 1 (12) "
            "Socialnämnden Plats Kommunhuset Beslutande Karin Lund (S) ordförande Per Olsson (M) Utses att justera\n")
    store = minutes_store("run-on-head", {"protokoll.txt": text})
    rows = store.records("MATCH (b:Body)-[:HELD]->(m:Meeting)<-[a:ATTENDED]-(p:Person) "
                         "RETURN b.name AS body, p.name AS name, a.role AS role")
    assert {(r["body"], r["name"], r["role"]) for r in rows} >= {("Socialnämnden", "Karin Lund", "beslutande"),
                                                                 ("Socialnämnden", "Karin Lund", "ordförande")}


def _attended(text: str) -> tuple[set[tuple[str, str]], dict[str, str]]:
    """(name, role) of every ATTENDED claim, and the parties the persons' mentions carry."""
    from ingest.pipeline import extract_document
    from ingest.readers import Document

    doc = Document(id="doc:protokoll", name="protokoll.txt", path="protokoll.txt", format="txt", text=text, sha256="")
    _, x = extract_document(doc, {})
    names = {m.key: m.props["name"] for m in x.mentions if m.label == "Person"}
    parties = {m.props["name"]: m.props["party"] for m in x.mentions if m.label == "Person" and m.props.get("party")}
    return {(names[c.src], c.props.get("role")) for c in x.claims if c.type == "ATTENDED"}, parties


# a PDF transcript's head: no body named, the columns' headings first, then the names
STACKED = ("1 Protokoll 1 (21) Plats och tid Kommunkontoret måndagen den 27 september 2004 kl Beslutande Övriga "
           "deltagande Mikael Lindfors (s), ordförande Lars-Åke Holmgren (kd) Gudrun Gustafsson (c) Thorbjörn "
           "Olsson, kommunchef Elly Karlsson, NUAB Utses att justera Gudrun Gustafsson Paragrafer 177-182\n")


def test_stacked_headings_give_members_and_others_their_roles():
    got, _ = _attended(STACKED)
    assert {("Mikael Lindfors", "beslutande"), ("Mikael Lindfors", "ordförande"), ("Lars-Åke Holmgren", "beslutande"),
            ("Thorbjörn Olsson", "övrig deltagare"), ("Thorbjörn Olsson", "tjänsteperson"),
            ("Elly Karlsson", "övrig deltagare"), ("Gudrun Gustafsson", "justerare")} <= got
    # "NUAB" is no official's title, and members are not among the others
    assert ("Elly Karlsson", "tjänsteperson") not in got
    assert ("Lars-Åke Holmgren", "övrig deltagare") not in got


SUBSTITUTES = ("Protokoll Plats och tid: Regionkontoret, den 21 mars 2017 Beslutande: Börje Wennberg (S), ordförande "
               "Malena Ranch (MP) Thomas Eriksson (S), ersättare för Ida Svensson (S) Annika Forssell (MP) "
               "Katarina Rosberg, S, tjg ers för Jörgen Blom, V Ersättare: Tomas Andersson (S) Kerstin Ramdén (S) "
               "Göte W Swén, M, ej tjg ers Övriga deltagare: Staffan Isling, regiondirektör Jakob Larsson, "
               "pressekreterare Underskrifter: Sekreterare Jessica Bräck Paragraf Ordförande Justerare Börje Wennberg "
               "Anna-Karin Klomp ANSLAG/BEVIS Justeringen har tillkännagivits\n")


def test_substitutes_and_the_members_they_served_for():
    got, parties = _attended(SUBSTITUTES)
    assert {("Thomas Eriksson", "beslutande"), ("Thomas Eriksson", "tjänstgörande ersättare"),
            ("Katarina Rosberg", "tjänstgörande ersättare"), ("Göte W Swén", "ersättare"),
            ("Tomas Andersson", "ersättare"), ("Staffan Isling", "tjänsteperson")} <= got
    # the members served for were not there
    assert not {n for n, _ in got} & {"Ida Svensson", "Jörgen Blom"}
    assert ("Göte W Swén", "tjänstgörande ersättare") not in got
    # "Katarina Rosberg, S": the party after a comma
    assert parties.get("Katarina Rosberg") == "S"


def test_a_run_on_signature_block_gives_its_roles_in_order():
    got, _ = _attended(SUBSTITUTES)
    assert {("Jessica Bräck", "sekreterare"), ("Börje Wennberg", "ordförande"),
            ("Anna-Karin Klomp", "justerare")} <= got
    assert ("Börje Wennberg", "justerare") not in got


def test_a_meeting_without_a_named_body_still_has_its_attendance():
    """'Beslutande ledamöter … Jan-Olov Häggström (S) Ordf.': no body or item was read, the list is still there."""
    text = ("1 Humanistisk nämnd (21) Plats och tid Beslutande ledamöter Beslutande ersättare Stadshuset, kl 14:30 "
            "Jan-Olov Häggström (S) Ordf. Camilla Svensson (M) Eva Bergström (S) Ulla Talus (KD) Närvarande "
            "ersättare Carin Eriksson (S) Göran Åström (KD) Godkännande av närvaro\n")
    got, _ = _attended(text)
    assert {("Jan-Olov Häggström", "beslutande"), ("Ulla Talus", "beslutande"), ("Carin Eriksson", "ersättare")} <= got


def test_two_names_run_together_are_two_persons():
    text = ("Protokoll Socialnämnden 2024-03-12 Beslutande Karin Andersson (M) ersättare för Göran Nilsson "
            "Björn Kihl (M) Thomas Ohlsson (C) Marianne Utterdahl (SIV) Ersättare Maria Widlund (M)\n")
    got, parties = _attended(text)
    assert ("Björn Kihl", "beslutande") in got
    assert not any(n in ("Göran Nilsson Björn Kihl", "Göran Nilsson") for n, _ in got)
    assert parties.get("Björn Kihl") == "M"
    # a local party among the members
    assert parties.get("Marianne Utterdahl") == "SIV"


def test_signature_lines_with_the_role_after_the_name():
    """'_____ / Pär-Olof Stål, ordförande' on lines, and 'Siv Bäckström, sekreterare...' in a run-on head."""
    lines = ("PROTOKOLL\nArbetsmarknads- och socialnämnden\n2019-01-28\nBeslutande\nPär-Olof Stål (C)\nIda Viberg (S)\n"
             "Underskrifter_____________________\nPär-Olof Stål, ordförande\n_____________________\n"
             "Laila Nabb, sekreterare\n_____________________\nIda Viberg, justerare\n")
    got, _ = _attended(lines)
    assert {("Pär-Olof Stål", "ordförande"), ("Laila Nabb", "sekreterare"), ("Ida Viberg", "justerare")} <= got
    run_on = ("1 PROTOKOLL Plats och tid Kommunkontoret 2004-09-27 Beslutande Övriga deltagande Mikael Lindfors (s), "
              "ordförande Lars-Åke Holmgren (kd) Siv Bäckström, sekreterare Paragrafer: Underskrift... Siv Bäckström, "
              "sekreterare... Mikael Lindfors, ordförande... Lars-Åke Holmgren, justerare BEVIS OM ANSLAG\n")
    got, _ = _attended(run_on)
    assert {("Siv Bäckström", "sekreterare"), ("Lars-Åke Holmgren", "justerare")} <= got


def test_the_chair_who_opens_the_meeting():
    text = ("Minnesanteckningar Regionrådsmöte 2012-06-12 Närvarande Ingemar Nyman, Bjurholm Johan Söderling, Vännäs "
            "Ulf Eriksson, Vännäs Lennart Holmlund, Umeå Anders Ågren, Umeå\n"
            "1. Mötet öppnas Mötet öppnades av ordförande Johan Söderling. Två övriga frågor lades till.\n")
    got, _ = _attended(text)
    assert ("Johan Söderling", "ordförande") in got
    assert ("Ingemar Nyman", "närvarande") in got


def test_the_list_ends_where_the_minutes_begin():
    """'Dessutom: …' heads the others present; 'Pär Nuder öppnade mötet' and the first agenda item end the list;
    'Ulla Jakobsson valdes till justerare'."""
    text = ("Beslutsgruppen 4/97 1 Protokoll från beslutsgruppsmöte den 3 oktober 1997 Närvarande: Pär Nuder, ordf. "
            "Ledamöter: Berit Adolfsson Anita Bohman Margit Viklund Ulla Jakobsson Bo Hansson Dessutom: "
            "Marianne Bull och Leif Grahm (punkt 5) Pär Nuder öppnade mötet och hälsade alla välkomna. "
            "1. Fastställande av dagordning Dagordningen fastställdes. 2. Val av justerare Ulla Jakobsson valdes "
            "till justerare. 3. Rapporter Margit Viklund rapporterade.\n")
    got, _ = _attended(text)
    assert {("Berit Adolfsson", "ledamot"), ("Marianne Bull", "övrig deltagare"), ("Leif Grahm", "övrig deltagare"),
            ("Ulla Jakobsson", "justerare")} <= got
    assert ("Pär Nuder", "övrig deltagare") not in got


def test_officials_by_a_title_before_or_after_their_name():
    text = ("1 Protokoll 1 (22) Plats Landstingshuset Beslutande Fredrik Larsson (M) ordförande Jane Larsson (C) "
            "Ersättare Maria Widlund (M) Erik Jansson (SIV) I tjänsten Ingrid Magnusson, hälso- och sjukvårdschef "
            "Anna-Lena Wingqvist, administrativ chef Eva Wikström, HR-direktör Tove Forsberg, praktikant "
            "Övriga närvarande Ekonomichef Maria Edblad-Jansson Personalchef Katarina Straschman Utses att justera "
            "Jane Larsson\n")
    got, _ = _attended(text)
    assert {("Ingrid Magnusson", "tjänsteperson"), ("Anna-Lena Wingqvist", "tjänsteperson"),
            ("Eva Wikström", "tjänsteperson"), ("Maria Edblad-Jansson", "tjänsteperson"),
            ("Katarina Straschman", "tjänsteperson"), ("Tove Forsberg", "övrig deltagare")} <= got
    assert ("Tove Forsberg", "tjänsteperson") not in got


def test_parties_written_after_a_comma_or_a_space_in_a_run_on_list():
    """Names no earlier stage read are known by the party after them; the member served for keeps its party."""
    text = ("SAMMANTRÄDESPROTOKOLL Plats och tid Kommunhuset Beslutande Ledamöter Maria Söderberg, C, ordf "
            "Cristine Persson, C, tjg ers för Mikaela Munck af Rosenschöld, C Mi Bringsaas, S Ulrika Nilsson (S "
            "Kenneth Johannesson (S) Anna Berg s Per Ek m Justerare Mi Bringsaas\n")
    got, parties = _attended(text)
    assert parties.get("Cristine Persson") == "C" and parties.get("Mi Bringsaas") == "S"
    assert parties.get("Ulrika Nilsson") == "S" and parties.get("Anna Berg") == "S"
    assert ("Cristine Persson", "tjänstgörande ersättare") in got
    assert not any(n.startswith("Mikaela") for n, _ in got)


def test_headings_in_a_font_that_lost_its_encoding():
    """'/HGDP WHU' is 'Ledamöter', '7MlQVWJ UDQGHHUVlWWDUH' 'Tjänstgörande ersättare' (29 code points below)."""
    from ingest.extract.shifted import decode_shifted

    text = ("1 /$1'67,1*(7+$//$1' 7LG kl , ODWV Landstingshuset, Halmstad /HGDP WHU Anne Marie Nilsson Brodén (m) "
            "ordförande Göran Karlsson (c) 1:e vice ordförande Mats Eriksson (m) Dan Skantz (s) 7MlQVWJ UDQGHHUVlWWDUH "
            "Per G Hansson (m) (UVlWWDUH Anita Persson (m) Hans Andersson (m) 7MlQVWHPlQ Sune Samson tf "
            "landstingsdirektör Göran Wiebe kanslidirektör, sekreterare\n2 -XVWHULQJ att utse Mats Eriksson\n")
    decoded = decode_shifted(text)
    assert len(decoded) == len(text)
    assert "Ledamöter Anne Marie" in decoded and "Tjänstgörandeersättare Per" in decoded and "Justering" in decoded
    # ordinary text is left as it is ("(SOU 2017:114)" is no shifted word)
    assert decode_shifted("remiss (SOU 2017:114) Ledamöter") == "remiss (SOU 2017:114) Ledamöter"
    got, _ = _attended(text)
    assert {("Anne Marie Nilsson Brodén", "ledamot"), ("Anne Marie Nilsson Brodén", "ordförande"),
            ("Per G Hansson", "tjänstgörande ersättare"), ("Per G Hansson", "beslutande"),
            ("Anita Persson", "ersättare"), ("Sune Samson", "tjänsteperson")} <= got


def test_the_secretary_and_the_chair_named_after_a_name():
    text = ("1 PROTOKOLL FRÅN STYRGRUPPSMÖTE Tisdag den 3 juni 2008 Närvarande: Maria Norrfalk (Ordförande), Christer "
            "Sjölin, Anna Lindström och Håkan Sternberg (Sekreterare) Förhinder: Martin Bergdahl, Anders Ahlgren "
            "Övriga deltagare: Jessica Bräck, sekreterare Anne-Li Lehnberg, politisk sekreterare Justering Utsågs "
            "Christer Sjölin att jämte ordföranden justera protokollet\n")
    got, _ = _attended(text)
    assert {("Maria Norrfalk", "ordförande"), ("Håkan Sternberg", "sekreterare"), ("Jessica Bräck", "sekreterare"),
            ("Christer Sjölin", "justerare")} <= got
    assert ("Anne-Li Lehnberg", "sekreterare") not in got


def test_merged_member_columns_are_present_with_a_warning():
    """'Närvarande Beslutande Ersättare Maria Björkman, Ordförande (S) …': which column a name stood in is lost;
    the presidium still decides, a serving substitute too, and the document gets a warning."""
    from ingest.pipeline import extract_document
    from ingest.readers import Document

    text = ("Protokoll Socialnämnden 2017-09-20 Plats och tid Visborg Närvarande Beslutande Ersättare Maria Björkman, "
            "Ordförande (S) Monika Eriksson, 1:e vice ordförande (V) Jonas Niklasson (C) Åke Hansson (S) tjg ersättare "
            "Lena Stenström (M) Övriga närvarande Anna Svensson – socialchef Utses att justera Jonas Niklasson\n")
    got, _ = _attended(text)
    assert {("Maria Björkman", "närvarande"), ("Maria Björkman", "beslutande"), ("Monika Eriksson", "beslutande"),
            ("Åke Hansson", "tjänstgörande ersättare"), ("Åke Hansson", "beslutande"), ("Lena Stenström", "närvarande"),
            ("Anna Svensson", "tjänsteperson")} <= got
    assert ("Lena Stenström", "beslutande") not in got and ("Lena Stenström", "ersättare") not in got
    doc = Document(id="doc:p", name="p.txt", path="p.txt", format="txt", text=text, sha256="")
    _, x = extract_document(doc, {})
    assert any("flutit ihop" in w.message for w in x.warnings)


def test_members_under_a_heading_that_says_present():
    """'Närvarande Ledamöter …' / 'Närvarande ersättare …': present, and in the sub-heading's role."""
    text = ("Arbetsutskottet (19) Plats och tid Närvarande Ledamöter Kommunförbundet, Lund kl Stefan Lundgren (m), "
            "ordförande Cecilia Lind (s) Ej tjänstgörande ersättare Bo Polsten (fp), Övriga deltagare Stig Ålund, "
            "sekreterare Utses att justera Cecilia Lind Beslutande Karl Berg (S) Närvarande ersättare Eva Ek (S)\n")
    got, _ = _attended(text)
    assert {("Stefan Lundgren", "ledamot"), ("Stefan Lundgren", "närvarande"), ("Bo Polsten", "närvarande"),
            ("Bo Polsten", "ej tjänstgörande ersättare"), ("Karl Berg", "beslutande"), ("Eva Ek", "ersättare"),
            ("Eva Ek", "närvarande")} <= got
    # "Beslutande" after the head word ended the present list says nothing of presence beyond its role
    assert ("Karl Berg", "närvarande") not in got


def test_a_person_listed_with_an_office_attends_as_an_official():
    text = ("Minnesanteckningar Regionrådsmöte 2012-06-12 Närvarande Ingemar Nyman, Bjurholm Dagmar Schröder, Bjurholm "
            "Ulf Eriksson, Vännäs Lisa Andersson Lindberg, Umeåregionens kansli Maria Lundström, Umeåregionens kansli "
            "Elly Karlsson, NUAB Helmut Hoffmann, revisor (utsedd av kommunparterna) Sida 1 av 8\n")
    got, _ = _attended(text)
    assert {("Lisa Andersson Lindberg", "tjänsteperson"), ("Maria Lundström", "tjänsteperson"),
            ("Ingemar Nyman", "närvarande")} <= got
    assert not {("Ingemar Nyman", "tjänsteperson"), ("Elly Karlsson", "tjänsteperson"),
                ("Helmut Hoffmann", "tjänsteperson")} & got


def test_a_document_sites_furniture_is_masked():
    """'Storlek: px', 'Starta visningen från sidan:', 'Transkript': a PDF transcript site's lines, not content."""
    from ingest.segment import segment

    text = "Protokoll\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n1 Protokoll Socialnämnden\n"
    seg = segment(text)
    assert "Storlek" not in seg.masked and "Transkript" not in seg.masked and "Socialnämnden" in seg.masked
    assert len(seg.masked) == len(text)


def test_a_present_list_with_a_split_substitute_heading_and_the_presidium_before_names():
    """'Närvarande Ordförande - (S) 1:e vice ordförande Per-Ola Mattsson (S) … Tjänstgörande Helene Nordin (Mp) för
    Christina Mattisson (S) ersättare Christel Friskopp (S) … Tjänstemän …': a two-line heading whose second line
    came after the first row, presidium posts written before the names, officials listed as present."""
    text = ("Protokoll Arbetsutskottet Tid och plats Onsdagen den 30 maj 2018 Närvarande Ordförande - (S) 1:e vice "
            "ordförande Per-Ola Mattsson (S) 2:e vice ordförande Lennarth Förberg (M) Ledamöter Sara Högelius (V) "
            "Frånvarande Christina Mattisson (S) Kalle Sandström (S) Tjänstgörande Helene Nordin (Mp) för Christina "
            "Mattisson (S) ersättare Christel Friskopp (S) för Kalle Sandström (S) Tjänstemän Anna-Lena Cederström "
            "regiondirektör Ingrid Ljungqvist kanslichef Paragrafer 1-5\n")
    got, _ = _attended(text)
    assert {("Per-Ola Mattsson", "beslutande"), ("Lennarth Förberg", "beslutande"), ("Sara Högelius", "ledamot"),
            ("Helene Nordin", "tjänstgörande ersättare"), ("Christel Friskopp", "tjänstgörande ersättare"),
            ("Anna-Lena Cederström", "tjänsteperson"), ("Anna-Lena Cederström", "närvarande")} <= got
    assert ("Christina Mattisson", "tjänstgörande ersättare") not in got
    assert ("Anna-Lena Cederström", "beslutande") not in got


def test_a_not_deciding_column_among_stacked_headings():
    """'Beslutande Ej beslutande Övriga deltagare …': the members' columns ran together; the others keep theirs."""
    text = ("1 (39) Plats och tid för sammanträdet Beslutande Ej beslutande Övriga deltagare Kommunkontoret, tisdag den "
            "23 maj 2006 Sten-Ove Danielsson, s, ordförande Inga-Britt Söderberg, s Birgitta Bolin, s, ersätter Åke "
            "Nyhlén, s Ove Beirot, s Göran Fjellström, kommunchef Justeringens plats Kommunkontoret\n")
    got, _ = _attended(text)
    assert {("Sten-Ove Danielsson", "beslutande"), ("Birgitta Bolin", "tjänstgörande ersättare"),
            ("Ove Beirot", "närvarande"), ("Göran Fjellström", "tjänsteperson")} <= got
    assert ("Ove Beirot", "övrig deltagare") not in got and ("Ove Beirot", "beslutande") not in got


def test_a_list_of_those_present_on_its_own_page():
    """'Beslutande Se deltagarlista på nästa sida.' refers to the list; 'Deltagarlista Beslutande …' lists those
    present; 'Ersättare för' after a name is the row's note; '… deltog ej' is absent."""
    text = ("1/54 Plats och tid Kommunhuset Paragrafer Beslutande Se deltagarlista på nästa sida. Närvarande ersättare "
            "Övriga deltagande Utses att justera Se deltagarlista på nästa sida. Anton Nordström (C) och Marie-Louise "
            "Forslund (KD) som ersättare. Justeringens plats och tid Kommunhuset\n\n"
            "2/54 Deltagarlista Beslutande Notering Tord Tjernström (S) ordf. Birgitta Wennerberg (FP) Tjänstgörande "
            "ersättare Eva Hellman (S) Ersättare för Solveig Danell (S) Krister Lumme (S) Ersättare för Maj-Britt "
            "Magnusson (S) Ersättare Göran Carrehed (M) Övriga Barbro Karlsson, Vision deltog ej Inger Grindelid, "
            "socialchef Justeringens plats\n")
    got, _ = _attended(text)
    assert {("Tord Tjernström", "beslutande"), ("Tord Tjernström", "närvarande"), ("Birgitta Wennerberg", "närvarande"),
            ("Krister Lumme", "tjänstgörande ersättare"), ("Göran Carrehed", "ersättare"),
            ("Inger Grindelid", "tjänsteperson")} <= got
    assert not {("Anton Nordström", "ersättare"), ("Marie-Louise Forslund", "övrig deltagare"),
                ("Krister Lumme", "ersättare"), ("Barbro Karlsson", "övrig deltagare")} & got


def test_others_present_divided_by_headings_and_a_member_who_chaired():
    """'Övriga närvarande Ersättare Övriga förtroendevalda … Tjänstemän …': present, and officials; 'Bo Frank (m),
    förste vice ordf. (tjänstgör som ordförande )' chaired the meeting."""
    text = ("1 (32) Tid Onsdagen den 23 september Plats Växjö Ledamöter Marie-Louise Hilmersson (c) ordförande Bo Frank "
            "(m), förste vice ordf. (tjänstgör som ordförande ) Suzanne Frank (m) Övriga närvarande Ersättare Övriga "
            "förtroendevalda Kjell Jormfeldt Tjänstemän Peter Hogla, Ulf Petersson Justering Justerare Suzanne Frank\n")
    got, _ = _attended(text)
    assert {("Bo Frank", "ordförande"), ("Bo Frank", "ledamot"), ("Peter Hogla", "tjänsteperson"),
            ("Peter Hogla", "närvarande"), ("Kjell Jormfeldt", "övrig deltagare")} <= got
    assert ("Suzanne Frank", "ordförande") not in got and ("Suzanne Frank", "närvarande") not in got


def test_an_orphan_heading_over_a_column_of_labels():
    """'Organ: Plats och tid: ande: Regionförbundets nämnd …': the labels came first, their values in order."""
    text = ("1 34 Organ: Plats och tid: ande: Regionförbundets Primärkommunala nämnd Regionförbundet, Nygatan 34, Kalmar "
            "Torsdagen den 11 september 2008 kl Roland Åkesson, ordf Lisbeth Lennartsson Ann-Marie Fagerström, Ewa "
            "Engdahl Övriga deltagare: Cecilia Nilsson Utses att justera: Ewa Engdahl Paragrafer: 31-40\n")
    got, _ = _attended(text)
    assert {("Roland Åkesson", "beslutande"), ("Roland Åkesson", "ordförande"), ("Lisbeth Lennartsson", "beslutande"),
            ("Ewa Engdahl", "beslutande"), ("Cecilia Nilsson", "övrig deltagare")} <= got
    assert ("Cecilia Nilsson", "beslutande") not in got


def test_a_table_with_a_presence_column_and_a_counted_heading():
    """'Namn Parti N ä r v a r o … Ledamöter (3) Erik Bergkvist S 1 … Tomas Mörtsell C - …': '1' present, '-' not
    there; the rows after the counted ones lost their heading and get no member's role."""
    text = ("2 PROTOKOLL 2 (28) Närvarolista Namn Parti N ä r v a r o Reservation Anteckningar/ Tjänstgörande ersättare "
            "Ledamöter (3) Erik Bergkvist S 1 Ordförande Anders Ågren M 1 Tomas Mörtsell C - Vakant plats Patrik Nilsson "
            "S - Janet Ågren S 1 Övriga närvarande Mona-Lisa Fjellström, nämndsekreterare Paragrafer 1-5\n")
    got, _ = _attended(text)
    assert {("Erik Bergkvist", "ledamot"), ("Erik Bergkvist", "närvarande"), ("Anders Ågren", "ledamot"),
            ("Janet Ågren", "närvarande")} <= got
    assert not {("Tomas Mörtsell", "ledamot"), ("Patrik Nilsson", "närvarande"), ("Patrik Nilsson", "ledamot"),
                ("Janet Ågren", "ledamot"), ("Janet Ågren", "tjänstgörande ersättare")} & got


def test_titles_before_names_and_a_signature_whose_first_name_was_not_read():
    """'Övriga deltagande … Tf. socialchef Lisbeth Bodén … Administrativ chef Torbjörn Nyqvist': a title of several
    words before the name; 'Sekreterare Fitim Kunushevci Ordförande Justerande Lisa Norén (S) …': a name that no
    stage read took the secretary's place, so the next name is the chair, not the secretary."""
    text = ("1 Socialnämnden SAMMANTRÄDESPROTOKOLL Plats och tid Beslutande Gröna rummet, kl.09:00-13:40 Enligt "
            "särskild närvarolista Övriga deltagande Tf. socialchef Lisbeth Bodén 63-68, 70, Administrativ chef "
            "Torbjörn Nyqvist Utses att justera Anna-Lena Söderblom (M) Justeringens plats och tid Socialkontoret "
            "Underskrifter Paragrafer Sekreterare Fitim Kunushevci Ordförande Justerande Lisa Norén (S) Anna-Lena "
            "Söderblom (M) Organ ANSLAG/BEVIS\n")
    got, _ = _attended(text)
    assert {("Lisbeth Bodén", "tjänsteperson"), ("Torbjörn Nyqvist", "tjänsteperson"), ("Lisa Norén", "ordförande"),
            ("Anna-Lena Söderblom", "justerare")} <= got
    assert ("Lisa Norén", "sekreterare") not in got and ("Anna-Lena Söderblom", "ordförande") not in got


def test_signature_roles_written_under_the_names():
    """'UNDERSKRIFTER Kjell-Åke Halldén Sekreterare Britta Flinkfeldt Ordförande Peter Waara Justerare': each role
    after its name; 'Kjell-Åke Halldén, Sekreterare Erica Mattsson' is a title after a comma, not a list's end."""
    text = ("1 Protokoll Socialnämnden 2019-05-14 BESLUTANDE Britta Flinkfeldt, (S), Arjeplog Peter Waara, (S), "
            "Haparanda ÖVRIGA DELTAGARE Kajsa Myrberg, Direktör Kjell-Åke Halldén, Sekreterare Erica Mattsson, VD, "
            "Swedish Lapland, 39 UNDERSKRIFTER Kjell-Åke Halldén Sekreterare Britta Flinkfeldt Ordförande Peter Waara "
            "Justerare 57 (86)\n")
    got, _ = _attended(text)
    assert {("Kjell-Åke Halldén", "sekreterare"), ("Britta Flinkfeldt", "ordförande"), ("Peter Waara", "justerare"),
            ("Erica Mattsson", "övrig deltagare")} <= got
    assert not {("Britta Flinkfeldt", "sekreterare"), ("Peter Waara", "ordförande"),
                ("Erica Mattsson", "tjänsteperson")} & got


def test_a_party_after_the_members_municipality():
    """'Maj-Britt Lindström, Piteå, (s Christian Lindgren, Boden, (s': the party after the municipality, its bracket
    left open."""
    text = ("1 Protokoll Socialnämnden 2006-02-09 Plats och tid Beslutande Luleå Bo Johansson, Älvsbyn, (s, ordförande "
            "Maj-Britt Lindström, Piteå, (s Lars Alriksson, Malmberget, (m Övriga deltagande Karl Bergdahl, kansliet "
            "Paragrafer 1-5\n")
    got, parties = _attended(text)
    assert {("Maj-Britt Lindström", "beslutande"), ("Lars Alriksson", "beslutande")} <= got
    assert parties.get("Maj-Britt Lindström") == "S" and parties.get("Lars Alriksson") == "M"
    assert "Karl Bergdahl" not in parties


def test_members_named_as_exceptions_were_not_there():
    """'Beslutande Kommunfullmäktiges samtliga ledamöter med undantag för Kenneth Axelsson (M) och Brittmari Svensson
    (S).': absent; 'Marie Nilsson (s) utom 47' is a paragraph's exception, not a person's."""
    text = ("Sammanträdesprotokoll Kommunfullmäktige 2012-08-29 Plats och tid Sessionssalen Beslutande "
            "Kommunfullmäktiges samtliga ledamöter med undantag för Kenneth Axelsson (M) och Brittmari Svensson (S). "
            "Ersättare Marie Nilsson (s) utom 47 Gunnar Pettersson (kd) Utses att justera Elisabeth Edlund (S)\n")
    from ingest.pipeline import extract_document
    from ingest.readers import Document
    doc = Document(id="doc:p", name="p.txt", path="p.txt", format="txt", text=text, sha256="")
    _, x = extract_document(doc, {})
    names = {m.key: m.props["name"] for m in x.mentions if m.label == "Person"}
    absent = {names[c.src] for c in x.claims if c.type == "ABSENT_FROM"}
    attended = {(names[c.src], c.props.get("role")) for c in x.claims if c.type == "ATTENDED"}
    assert {"Kenneth Axelsson", "Brittmari Svensson"} <= absent
    assert "Gunnar Pettersson" not in absent and ("Gunnar Pettersson", "ersättare") in attended
    assert ("Kenneth Axelsson", "beslutande") not in attended


def test_an_unread_name_known_by_an_officials_title_after_it():
    """'Övriga Marica Gardell, socialdirektör, , Helena Eskedahl, nämndsekreterare': a first name that no list
    holds is still a person where an official's title follows after a comma."""
    text = ("2 Protokoll Socialnämnden 2017-09-20 Plats och tid Rådhuset Närvarande Beslutande Maria Björkman, Ordförande "
            "(S) Övriga Marica Gardell, socialdirektör, , Helena Eskedahl, nämndsekreterare, , Utsedd att justera "
            "Maria Björkman\n")
    got, _ = _attended(text)
    assert {("Marica Gardell", "övrig deltagare"), ("Marica Gardell", "tjänsteperson")} <= got
