"""A generated visit of any size for the printing tests and benchmark: towns, organisers,
clubs, visiting parties placed with host households, venues and a programme."""

from __future__ import annotations

import datetime as dt
import random

from twinplanner.data.models import (
    Club,
    Event,
    EventClub,
    EventPerson,
    HostOffer,
    Household,
    Membership,
    Participation,
    Partnership,
    Party,
    Person,
    Placement,
    Town,
    Venue,
    Visit,
    database,
)

FIRST = [
    "Élodie",
    "François",
    "Ana",
    "Ștefan",
    "Karim",
    "Nour",
    "Zofia",
    "Lucía",
    "Jérôme",
    "Chloé",
    "Mihai",
    "Yasmine",
    "Gaëlle",
    "Benoît",
    "Océane",
    "Raphaël",
    "كريم",
    "Inès",
]
LAST = [
    "Lefèvre",
    "Popescu",
    "Benali",
    "Haddad",
    "Kowalska",
    "García",
    "Dubois",
    "Țăranu",
    "Fontaine",
    "Girard",
    "Mercier",
    "Boyer",
    "Nicolas",
    "Roux",
    "بن علي",
    "Chevalier",
]
HOSTS = [
    "Müller",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Öztürk",
    "Țăranu",
    "Haddad-Schmidt",
    "Krüger",
    "Weiß",
]
DISTRICTS = ["Altstadt", "Nordviertel", "Südstadt", "Ostend", "Weststadt", "Am Lindenberg"]
STREETS = [
    "Lindenstraße",
    "Bahnhofstraße",
    "Am Lindenberg",
    "Schulgasse",
    "Gartenweg",
    "Mühlenstraße",
    "Rosenstraße",
    "Kirchplatz",
    "Feldstraße",
    "Hauptstraße",
]


def make_printing_visit(
    visitors: int = 300, households: int = 200, *, seed: int = 5, placed: float = 0.95
) -> int:
    """Create the visit in the open database; returns its id. Most parties are placed."""
    rng = random.Random(seed)
    with database.atomic():
        return _build(rng, visitors, households, placed)


def _build(rng: random.Random, visitors: int, households: int, placed: float) -> int:
    ours = Town.create(name="Lindenfeld", country="DE", language="de")
    theirs = Town.create(name="Beaulieu-sur-Loire", country="FR", language="fr")
    partnership = Partnership.create(our_town=ours, partner_town=theirs)
    start = dt.datetime(2027, 5, 12, 17, 0)
    visit = Visit.create(
        partnership=partnership,
        year=2027,
        title="Choirs and youth football",
        arrival_at=start,
        departure_at=start + dt.timedelta(days=4, hours=-7),
        arrival_place="Rathausplatz",
        departure_place="Rathausplatz",
        working_languages="de,fr",
    )
    for name, town, phone in (
        ("Katharina Brandt", ours, "+49 6241 55 3101"),
        ("Dominique Nicolas", theirs, "+33 6 12 34 56 78"),
    ):
        Person.create(full_name=name, town=town, role="organiser", phone=phone, languages="de,fr")
    clubs = [
        Club.create(town=theirs, name=f"Club {i}", kind="choir" if i < 2 else "sports_team")
        for i in range(4)
    ]
    local_clubs = [Club.create(town=ours, name=f"Verein {i}", kind="choir") for i in range(2)]
    homes = []
    for i in range(households):
        home = Household.create(
            contact_name=f"{rng.choice(['Sabine', 'Jürgen', 'Ioana', 'Leila', 'Emre'])} "
            f"{HOSTS[i % len(HOSTS)]} {i}",
            address=f"{rng.choice(STREETS)} {i + 1}, 67551 Lindenfeld",
            district=rng.choice(DISTRICTS),
            phone=f"+49 6241 {i:03d} {rng.randint(100, 999)}",
            languages=rng.choice(["de", "de,fr", "de,ro", "de,ar", "de,en"]),
            beds=4,
            town=ours,
        )
        HostOffer.create(visit=visit, household=home)
        homes.append(home)
    made = 0
    party_index = 0
    while made < visitors:
        size = min(rng.choice([1, 1, 2, 2, 2, 3, 4]), visitors - made)
        family = LAST[party_index % len(LAST)]
        party = Party.create(
            visit=visit, name=f"{family} {party_index}", kind="single" if size == 1 else "family"
        )
        lang = rng.choice(["fr", "fr", "fr", "ro", "ar", "de"])
        for m in range(size):
            minor = m >= 2 or rng.random() < 0.2
            birth = dt.date(2013 if minor else 1975, 1 + m, 10)
            person = Person.create(
                full_name=f"{rng.choice(FIRST)} {family}",
                birth_date=birth,
                town=theirs,
                languages=f"{lang},fr",
                role="player" if minor else "singer",
                allergies=rng.choice(["", "", "nuts", "lactose"]),
                dietary_needs=rng.choice(["", "vegetarian", ""]),
                consent_health=rng.random() < 0.8,
                phone="" if minor else "+33 6 11 22 33 44",
            )
            Participation.create(visit=visit, person=person, party=party, is_guest=True)
            Membership.create(person=person, club=clubs[(party_index + m) % len(clubs)])
            made += 1
        if rng.random() < placed:
            Placement.create(visit=visit, party=party, household=homes[party_index % households])
        party_index += 1
    for i in range(20):
        person = Person.create(
            full_name=f"Local {HOSTS[i % len(HOSTS)]} {i}",
            town=ours,
            birth_date=dt.date(1980, 1, 1),
            role="singer",
        )
        Participation.create(visit=visit, person=person, is_guest=False)
        Membership.create(person=person, club=local_clubs[i % 2])
    venues = [
        Venue.create(name=f"Venue {i}", address=f"{STREETS[i]} 1, 67551 Lindenfeld", town=ours)
        for i in range(4)
    ]
    for day in range(4):
        for slot in range(4):
            begin = dt.datetime(2027, 5, 13 + day, 9 + 3 * slot) if day < 3 else None
            if begin is None:
                continue
            event = Event.create(
                visit=visit,
                kind=rng.choice(["concert", "rehearsal", "match", "excursion"]),
                title=f"Programme {day + 1}.{slot + 1}",
                starts_at=begin,
                ends_at=begin + dt.timedelta(hours=2),
                venue=venues[slot],
                meeting_point="Rathausplatz",
                meeting_at=begin - dt.timedelta(minutes=15),
                transport="Coach" if slot == 0 else "",
            )
            EventClub.create(event=event, club=clubs[(day + slot) % len(clubs)])
            EventClub.create(event=event, club=local_clubs[slot % 2])
            if slot == 3:
                EventPerson.create(event=event, person=Person.get(Person.role == "organiser"))
    return visit.id
