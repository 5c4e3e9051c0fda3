"""Find anyone by part of name, phone or town; the overview's counts and checklist."""

from __future__ import annotations

from tests.factories import make_host, make_party, make_person, make_town, make_visit
from twinplanner.data.models import Participation, Placement
from twinplanner.services import hosts, people
from twinplanner.services.changes import Entity
from twinplanner.services.overview import TodoKind, visit_overview
from twinplanner.services.search import find


def test_find_folds_accents_and_case_and_shows_where_a_visitor_stays(db_path) -> None:
    """'taranu' finds Țăranu; the hit carries the host and the host's phone.

    The household comes from a factory without a search key: it is found by its name all the
    same.
    """
    visit = make_visit()
    host = make_host(visit, "Sabine Müller", phone="+49 6241 23 575", address="Hauptstr. 1")
    changes = people.create_person("Ioana Țăranu", visit_id=visit.id, phone="+40 721 555 010")
    person_id = next(iter(changes.ids[Entity.PERSON]))
    make_party(visit, make_person("Marc Simon"))
    pa = Participation.get(Participation.person == person_id)
    Placement.create(visit=visit, party=pa.party_id, household=host)
    hits = find("taranu", visit.id)
    assert [h.name for h in hits] == ["Ioana Țăranu"]
    assert (hits[0].household_name, hits[0].household_phone) == ("Sabine Müller", "+49 6241 23 575")
    assert find("MÜLLER", visit.id)[0].kind == "household"
    assert find("mul", visit.id)[0].guests == ("Ioana Țăranu",)


def test_find_by_phone_digits_and_by_town(db_path) -> None:
    """Digits match however the phone is spaced; a town name finds its people."""
    visit = make_visit()
    beaulieu = make_town("Beaulieu-sur-Loire", "FR", "fr")
    people.create_person(
        "Léa Perrin", visit_id=visit.id, town_id=beaulieu.id, phone="+33 6 12 34 56 78"
    )
    assert [h.name for h in find("612345", visit.id)] == ["Léa Perrin"]
    assert [h.name for h in find("beaulieu lea", visit.id)] == ["Léa Perrin"]
    assert find("zzz", visit.id) == []
    assert find("   ", visit.id) == []


def test_find_after_a_rename_uses_the_new_name(db_path) -> None:
    """Search keys are kept current on every write."""
    visit = make_visit()
    household = make_host(visit, "Sabine Müller")
    hosts.update_household(household.id, "contact_name", "Sabine Özdemir")
    assert [h.name for h in find("ozdem", visit.id)] == ["Sabine Özdemir"]
    assert find("muller", visit.id) == []


def test_overview_counts_and_checklist(db_path) -> None:
    """Counts of guests, minors and beds; the checklist names what still needs doing."""
    import datetime as dt

    visit = make_visit()
    adult = make_person("Ana Popescu", emergency_contact="Mihai: +40 1")
    child = make_person(
        "Timéo Barbier", birth=dt.date(2014, 1, 1), emergency_contact="x", consent_photos=True
    )
    placed = make_party(visit, adult)
    make_party(visit, child)
    host = make_host(visit, "Sabine Müller", beds=3, phone="")
    Placement.create(visit=visit, party=placed, household=host)
    overview = visit_overview(visit.id)
    assert (overview.guests, overview.minors, overview.parties, overview.parties_placed) == (
        2,
        1,
        2,
        1,
    )
    assert (overview.beds, overview.beds_free) == (3, 2)
    todo = {item.kind: item for item in overview.todo}
    assert todo[TodoKind.PARTIES_NOT_PLACED].names == ("Timéo Barbier",)
    assert todo[TodoKind.HOUSEHOLDS_WITHOUT_PHONE].ids == (host.id,)
    assert todo[TodoKind.MINORS_WITHOUT_CONSENT].names == ("Timéo Barbier",)
    assert todo[TodoKind.NO_EMERGENCY_CONTACT].count == 0
