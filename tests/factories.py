"""Small factories for test records, with explicit defaults."""

from __future__ import annotations

import datetime as dt

from twinplanner.data.models import (
    Club,
    Event,
    HostOffer,
    Household,
    Participation,
    Partnership,
    Party,
    Person,
    Town,
    Venue,
    Visit,
)


def make_town(name: str = "Lindenfeld", country: str = "DE", language: str = "de") -> Town:
    """A town (reused when it exists)."""
    town, _ = Town.get_or_create(name=name, country=country, defaults={"language": language})
    return town


def make_visit(
    arrival: dt.datetime = dt.datetime(2027, 5, 12, 17, 0),
    departure: dt.datetime = dt.datetime(2027, 5, 16, 10, 0),
    year: int = 2027,
) -> Visit:
    """A visit of Beaulieu-sur-Loire to Lindenfeld."""
    ours = make_town()
    theirs = make_town("Beaulieu-sur-Loire", "FR", "fr")
    partnership, _ = Partnership.get_or_create(our_town=ours, partner_town=theirs)
    return Visit.create(
        partnership=partnership,
        year=year,
        arrival_at=arrival,
        departure_at=departure,
        working_languages="de,fr",
    )


def make_person(
    name: str = "Ana Popescu", birth: dt.date | None = dt.date(1984, 2, 29), **fields
) -> Person:
    """A person of the partner town."""
    fields.setdefault("town", make_town("Beaulieu-sur-Loire", "FR", "fr"))
    return Person.create(full_name=name, birth_date=birth, **fields)


def make_party(visit: Visit, *people: Person, name: str = "", kind: str = "single") -> Party:
    """A party of guests taking part in ``visit``."""
    party = Party.create(visit=visit, name=name or people[0].full_name, kind=kind)
    for person in people:
        Participation.create(visit=visit, person=person, party=party, is_guest=True)
    return party


def make_host(visit: Visit | None = None, name: str = "Sabine Müller", **fields) -> Household:
    """A household, offering beds for ``visit`` when given."""
    fields.setdefault("beds", 2)
    household = Household.create(contact_name=name, **fields)
    if visit is not None:
        HostOffer.create(visit=visit, household=household)
    return household


def make_club(
    name: str = "Chœur de Beaulieu", kind: str = "choir", town: Town | None = None
) -> Club:
    """A club of the partner town."""
    return Club.create(
        name=name, kind=kind, town=town or make_town("Beaulieu-sur-Loire", "FR", "fr")
    )


def make_venue(name: str = "Stadthalle", capacity: int | None = 300) -> Venue:
    """A venue."""
    return Venue.create(name=name, capacity=capacity)


def make_event(
    visit: Visit,
    title: str = "Joint concert",
    kind: str = "concert",
    start: dt.datetime = dt.datetime(2027, 5, 15, 19, 0),
    end: dt.datetime = dt.datetime(2027, 5, 15, 21, 0),
    **fields,
) -> Event:
    """An event of ``visit``."""
    return Event.create(visit=visit, title=title, kind=kind, starts_at=start, ends_at=end, **fields)
