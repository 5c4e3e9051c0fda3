"""Every entity round-trips through SQLite; constraints refuse impossible rows."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from tests.factories import (
    make_club,
    make_event,
    make_host,
    make_party,
    make_person,
    make_town,
    make_venue,
    make_visit,
)
from twinplanner.data.models import (
    Award,
    Club,
    Event,
    EventClub,
    EventPerson,
    HostOffer,
    Household,
    LogEntry,
    Membership,
    Participation,
    Partnership,
    Party,
    Person,
    Placement,
    PlacementExclusion,
    PlacementWish,
    TravelTime,
    Venue,
    Visit,
    database,
)


def test_every_entity_round_trips(db_path) -> None:
    """Each model's row, written and read back after reopening the file, keeps its values."""
    visit = make_visit()
    Award.create(partnership=visit.partnership, kind="european_diploma", year=1986)
    club = make_club()
    ana = make_person(
        "Ana Popescu",
        languages="ro,fr",
        animal_allergies="cat",
        dietary_needs="vegetarian",
        needs_smoke_free=True,
        consent_health=True,
        consent_health_on=dt.date(2027, 2, 1),
    )
    Membership.create(person=ana, club=club)
    party = make_party(visit, ana, name="Popescu", kind="family")
    host = make_host(
        visit,
        "Sabine Müller",
        beds=3,
        double_beds=1,
        pets="dog",
        minors_cleared=True,
        safeguarding_checked_on=dt.date(2027, 3, 10),
        district="Altstadt",
    )
    Placement.create(visit=visit, party=party, household=host, locked=True)
    PlacementWish.create(party=party, household=host)
    other = make_host(visit, "Klaus Meyer")
    PlacementExclusion.create(party=party, household=other, reason="neighbours' dispute")
    hall = make_venue("Stadthalle", 600)
    church = make_venue("St.-Marien-Kirche", 350)
    TravelTime.create(visit=visit, venue_a=hall, venue_b=church, minutes=20)
    concert = make_event(visit, venue=hall, responsible=ana, meeting_point="Main door")
    rehearsal = make_event(
        visit,
        "Rehearsal",
        "rehearsal",
        dt.datetime(2027, 5, 15, 10),
        dt.datetime(2027, 5, 15, 12),
        prepares=concert,
    )
    EventClub.create(event=concert, club=club)
    EventPerson.create(event=concert, person=ana)
    LogEntry.create(action="erase", detail="one person erased")

    database.close()
    database.connect()

    v = Visit.get_by_id(visit.id)
    assert v.partnership.partner_town.name == "Beaulieu-sur-Loire"
    assert v.departure_at == dt.datetime(2027, 5, 16, 10, 0)
    assert Award.get().kind == "european_diploma"
    p = Person.get_by_id(ana.id)
    assert (p.full_name, p.languages, p.animal_allergies) == ("Ana Popescu", "ro,fr", "cat")
    assert p.consent_health and p.consent_health_on == dt.date(2027, 2, 1)
    assert [m.club.name for m in p.memberships] == ["Chœur de Beaulieu"]
    assert Participation.get(Participation.person == p).party.name == "Popescu"
    h = Household.get_by_id(host.id)
    assert (h.beds, h.double_beds, h.pets, h.minors_cleared) == (3, 1, "dog", True)
    assert h.safeguarding_checked_on == dt.date(2027, 3, 10)
    assert HostOffer.select().where(HostOffer.visit == v).count() == 2
    placement = Placement.get()
    assert (placement.party.name, placement.household.contact_name, placement.locked) == (
        "Popescu",
        "Sabine Müller",
        True,
    )
    assert PlacementWish.get().household_id == host.id
    assert PlacementExclusion.get().reason == "neighbours' dispute"
    assert TravelTime.get().minutes == 20
    e = Event.get_by_id(rehearsal.id)
    assert e.prepares.title == "Joint concert"
    assert [c.club.name for c in Event.get_by_id(concert.id).clubs] == ["Chœur de Beaulieu"]
    assert EventPerson.get().person_id == ana.id
    assert Venue.get_by_id(hall.id).capacity == 600
    assert Club.get_by_id(club.id).kind == "choir"
    assert Party.get_by_id(party.id).kind == "family"
    assert Partnership.get().kind == "formal"
    assert LogEntry.get().action == "erase"


@pytest.mark.parametrize(
    ("make", "column"),
    [
        (lambda: make_host(name="Bad beds", beds=-1), "beds"),
        (lambda: make_host(name="Too many doubles", beds=2, double_beds=2), "double_beds"),
        (lambda: make_host(name="   "), "contact_name"),
        (
            lambda: make_visit(
                arrival=dt.datetime(2027, 5, 16), departure=dt.datetime(2027, 5, 12)
            ),
            "departure_at",
        ),
        (lambda: make_person("Ana", gender="robot"), "gender"),
        (lambda: make_person(""), "full_name"),
        (lambda: make_venue("Hall", capacity=-5), "capacity"),
        (lambda: make_town("Nowhere", "DEU"), "country"),
    ],
)
def test_constraints_refuse_impossible_rows(db_path, make, column) -> None:
    """An impossible value is refused by the database and nothing is written."""
    before = {m.__name__: m.select().count() for m in (Household, Visit, Person, Venue)}
    with pytest.raises(peewee.IntegrityError) as info:
        with database.atomic():
            make()
    assert "CHECK constraint failed" in str(info.value)
    after = {m.__name__: m.select().count() for m in (Household, Visit, Person, Venue)}
    assert before == after, column


def test_event_must_end_after_it_starts(db_path) -> None:
    """An event that ends before it starts is refused."""
    visit = make_visit()
    with pytest.raises(peewee.IntegrityError):
        make_event(visit, start=dt.datetime(2027, 5, 15, 21), end=dt.datetime(2027, 5, 15, 19))


def test_foreign_keys_are_enforced(db_path) -> None:
    """A placement pointing at a household that does not exist is refused (foreign keys on)."""
    visit = make_visit()
    party = make_party(visit, make_person())
    with pytest.raises(peewee.IntegrityError):
        Placement.create(visit=visit, party=party, household=9999)


def test_a_party_is_placed_once(db_path) -> None:
    """A party cannot hold two placements at once."""
    visit = make_visit()
    party = make_party(visit, make_person())
    a, b = make_host(visit, "A"), make_host(visit, "B")
    Placement.create(visit=visit, party=party, household=a)
    with pytest.raises(peewee.IntegrityError):
        Placement.create(visit=visit, party=party, household=b)


def test_deleting_a_visit_removes_its_parties_and_placements(db_path) -> None:
    """Deleting a visit cascades to what belongs only to it, and keeps people and households."""
    visit = make_visit()
    person = make_person()
    party = make_party(visit, person)
    host = make_host(visit)
    Placement.create(visit=visit, party=party, household=host)
    visit.delete_instance()
    assert Party.select().count() == 0 and Placement.select().count() == 0
    assert Person.select().count() == 1 and Household.select().count() == 1
