"""Dates in running text: every form found once, a span read by one form never read again by another."""
from ingest.dates import find_dates


def _iso(text: str) -> list[str | None]:
    return [h.iso(2023) for h in find_dates(text)]


def test_forms_in_order_and_each_span_once():
    text = ("Sammanträde 2023-10-13 kl 9. Nästa möte fredagen den 24 november 2023, "
            "därefter 8/12 och 2024-02-09; J/H är inget datum, inte heller 45/13.")
    assert _iso(text) == ["2023-10-13", "2023-11-24", "2023-12-08", "2024-02-09"]


def test_a_span_taken_by_an_iso_date_is_not_read_again():
    # "2023-10-13/14" holds an ISO date; the slash form after it overlaps its span and is no second date
    hits = find_dates("Möte 2023-10-13/14 i Östersund")
    assert [(h.start, h.end) for h in hits] == [(5, 15)]


def test_many_dates_on_one_line_are_all_found():
    # a run-on transcript: hundreds of dates in one line, found in order, none twice
    text = ", ".join([f"{d} mars 2024 och 2024-04-{d:02d}" for d in range(1, 29)] * 20)
    hits = find_dates(text)
    assert len(hits) == 2 * 28 * 20
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:]))
