"""The uppdrag register on minutes written here: an assignment is open until a later item of the body that gave it
(or of the body it was given to) reports back on it; its age counts in days; a report on something else does not
close it."""
from __future__ import annotations

import pytest

from graph import explore

MARCH = """Protokoll
Socialnämnden i Åre kommun
Sammanträdesdatum 2024-03-12

Närvarande: Åsa Öberg (S), ordförande; Per Ångström (M)

§ 12 Hemtjänstens bemanning
Beslut: Socialnämnden uppdrar åt socialchefen Karin Holm att ta fram en handlingsplan för hemtjänstens bemanning och återrapportera senast 2024-06-30.

§ 13 Digitala hjälpmedel
Beslut: Socialnämnden uppdrar åt förvaltningen att utreda digitala trygghetslarm i särskilt boende senast den 31 maj 2024.
"""
JUNE = """Protokoll
Socialnämnden i Åre kommun
Sammanträdesdatum 2024-06-11

Närvarande: Åsa Öberg (S), ordförande; Per Ångström (M)

§ 30 Återrapportering: handlingsplan för hemtjänstens bemanning
Socialchefen Karin Holm redovisar handlingsplanen för hemtjänstens bemanning.
Beslut: Socialnämnden godkänner redovisningen.

§ 31 Budgetuppföljning april
Beslut: Socialnämnden lägger uppföljningen till handlingarna.
"""


@pytest.fixture(scope="module")
def store(minutes_store):
    return minutes_store("uppdrag", {"sn-2024-03-12.txt": MARCH, "sn-2024-06-11.txt": JUNE})


def test_an_assignment_reported_back_at_a_later_meeting_is_closed_with_its_quote(store):
    rows = explore.assignment_register(store, as_of="2024-12-01")
    plan = next(r for r in rows if "handlingsplan" in r["task"])
    assert plan["status"] == "återrapporterad" and plan["reported"] == "2024-06-11"
    assert plan["reported_para"] == "§ 30" and "Återrapportering: handlingsplan" in plan["reported_quote"]
    assert plan["age_days"] == 91 and not plan["overdue"]
    text = store.records("MATCH (d:Document {id: $id}) RETURN d.text AS t", {"id": plan["reported_doc"]})[0]["t"]
    assert text[plan["reported_start"]:plan["reported_stop"]] == plan["reported_quote"]


def test_a_report_on_something_else_leaves_it_open_and_overdue(store):
    rows = explore.assignment_register(store, as_of="2024-12-01")
    alarms = next(r for r in rows if "trygghetslarm" in r["task"])
    assert alarms["status"] == "öppen" and alarms["reported"] is None
    assert alarms["age_days"] == (264) and alarms["overdue"]  # due 31 May 2024
    assert rows[0] is alarms  # open ones first, the oldest first
    early = next(r for r in explore.assignment_register(store, as_of="2024-05-15") if "trygghetslarm" in r["task"])
    assert not early["overdue"] and early["age_days"] == 64


def test_the_saved_query_runs_on_the_samples_with_every_assignment(sample_store):
    rows = explore.assignment_register(sample_store, as_of="2026-12-01")
    total = sample_store.records("MATCH (a:Assignment) RETURN count(a) AS n")[0]["n"]
    assert len({r["id"] for r in rows}) == total
    assert all(r["quote"] and r["doc"] for r in rows)
