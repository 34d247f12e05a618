"""An unnumbered "Justering" heading before the first numbered item is an item (ingest/segment/opening.py)."""
from __future__ import annotations

from ingest.segment import segment


def labels(text: str) -> list[str]:
    return [it.label for it in segment(text).items]


def test_a_justering_heading_before_a_numbered_agenda():
    text = ("KALLELSE\n\nÄRENDEN\n\nJustering\n\n1. SN/2018:98 Uppdrag ur strategisk plan\n\n"
            "2. SN/2018:134 Extra sammanträdesdag för socialnämnden\n\n3. SN/2018:24 Rapportering av ej verkställda "
            "beslut\n\n4. Inkomna synpunkter\n")
    got = segment(text).items
    assert [it.label for it in got][:2] == ["Justering", "1."]
    assert got[0].title == "Justering" and got[0].number == ""


def test_a_justering_in_run_on_text_with_its_sentence():
    text = ("Ewa Pettersson, nämndsekreterare Justering Utsågs Ulric Andersson att jämte ordföranden justera dagens "
            "protokoll. 138 LK/ Föredragningslistan Godkändes upprättad föredragningslista. 139 Föredragningar "
            "Möjlighet att inrätta fler vårdplatser\n")
    assert labels(text) == ["Justering", "138", "139"]


def test_no_justering_item_where_an_item_chooses_the_checker():
    text = "Justering\n\n1. Val av justerare\n\n2. Budget\n\n3. Övriga frågor\n"
    assert "Justering" not in labels(text)


def test_a_head_field_named_justering_is_no_item():
    text = ("Justering\nKommunhuset 2024-03-05\n\nPlats och tid Kommunhuset\n\n1. Budget\n\n2. Taxor\n\n"
            "3. Övriga frågor\n")
    assert "Justering" not in labels(text)


def test_a_head_pages_labels_in_run_on_text_are_no_justering_item():
    # labels, no sentence ended by its point
    text = ("Plats och tid Kommunhuset Justering Kommunkansliet Utses att justera Anna Berg Underskrifter "
            "Sekreterare 12 Budget 13 Budget 2025 Beslut om budget 14 Taxor för vatten\n")
    assert "Justering" not in labels(text)


def test_the_agenda_approval_of_a_transcript_without_other_items():
    got = segment("2 NORSJÖ KOMMUN PROTOKOLL 2(21) Dagordning 177 Dagordningen godkännes med följande ändringar: "
                  "Tillägg: Förlängningar av avtal\n\n3 NORSJÖ KOMMUN PROTOKOLL 3(21) Samråd med NUAB\n").items
    assert [(it.number, it.title) for it in got] == [("177", "Dagordning")]
    assert got[0].end < 130  # to the end of its page
    assert [it.label for it in segment("3 NVSam Dagordning Dagordningen föredras. Två ärenden tillkommer").items] == \
        ["Dagordning"]
    # the word inside a sentence is no heading
    assert segment("Protokoll Ordföranden öppnade mötet och förslaget till dagordning Dagordningen godkändes.").items \
        == []
