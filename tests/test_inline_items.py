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
