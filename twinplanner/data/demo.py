"""The demo exchange: Lindenfeld's choir and youth teams host Beaulieu-sur-Loire for five days."""

from __future__ import annotations

import datetime as dt
import json
import random

from twinplanner.data.demo_people import HOUSEHOLDS, PARTIES
from twinplanner.data.models import (
    Award,
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
    PlacementWish,
    Town,
    Venue,
    Visit,
    database,
)
from twinplanner.domain.text import fold

ANIMALS = {"cat", "dog", "horse"}
FOOD = {"veg": "vegetarian", "gluten": "gluten-free"}

# The previous year's visit: who came, and where they stayed (repeat pairing for 2027).
PREVIOUS_PLACEMENTS = {
    "Lefèvre": "Heike Hoffmann",
    "Dubois": "Klaus Meyer",
    "Girard": "Reinhard König",
    "Renard": "Dieter Becker",
    "Mercier": "Andrea Fischer",
    "Gauthier": "Jürgen Schneider",
    "Bertrand": "Gabriele Wolf",
    "Leclerc": "Peter Schröder",
    "Popescu": "Ioana Țăranu",
    "Mathieu": "Karin Zimmermann",
}

LOCALS = [
    # name, gender, birth, role, club key, languages, phone
    (
        "Katharina Brandt",
        "f",
        "1972-04-18",
        "organiser",
        "officials_de",
        "de,fr,en",
        "+49 6241 55 3101",
    ),
    ("Matthias Vogel", "m", "1966-09-02", "organiser", "choir_de", "de,fr", "+49 6241 55 3102"),
    (
        "Dr. Ulrike Sommer",
        "f",
        "1970-01-15",
        "official",
        "officials_de",
        "de,en",
        "+49 6241 55 3100",
    ),
    ("Jonas Brandt", "m", "2012-03-03", "player", "u15_de", "de", ""),
    ("Mia Fischer", "f", "2014-11-21", "player", "u13_de", "de", ""),
    ("Tobias Koch", "m", "1979-05-05", "coach", "u13_de", "de,en", "+49 171 330 2211"),
    ("Sven Neumann", "m", "1977-08-08", "coach", "u15_de", "de", "+49 171 330 4455"),
    ("Eva Lindner", "f", "1975-02-12", "singer", "choir_de", "de,fr", ""),
    ("Christoph Adler", "m", "1969-07-30", "musician", "choir_de", "de,en", "+49 6241 55 3130"),
]


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _person_key(name: str, phone: str, email: str) -> str:
    return " ".join(fold(x) for x in (name, phone, email) if x)


def is_empty() -> bool:
    """True when the database holds no visit yet (a first start)."""
    return not Visit.select().exists()


def load_demo() -> int:
    """Load the demo exchange into the open database in one transaction; returns the 2027 visit id."""
    rng = random.Random(2027)
    with database.atomic():
        return _load(rng)


def _load(rng: random.Random) -> int:
    lindenfeld, _ = Town.get_or_create(name="Lindenfeld", country="DE", defaults={"language": "de"})
    beaulieu, _ = Town.get_or_create(
        name="Beaulieu-sur-Loire", country="FR", defaults={"language": "fr"}
    )
    sanpetru, _ = Town.get_or_create(name="Sânpetru", country="RO", defaults={"language": "ro"})
    bir_halima, _ = Town.get_or_create(name="Bir Halima", country="TN", defaults={"language": "ar"})

    partnership = Partnership.create(
        our_town=lindenfeld,
        partner_town=beaulieu,
        kind="formal",
        since=_d("1972-05-14"),
        charter_signed_on=_d("1972-05-14"),
        notes="Founded by the two parishes' choirs; youth football exchange since 1998.",
    )
    for kind, year in (
        ("european_diploma", 1986),
        ("plaque_of_honour", 1995),
        ("flag_of_honour", 2007),
    ):
        Award.create(partnership=partnership, kind=kind, year=year)
    Partnership.create(
        our_town=lindenfeld,
        partner_town=sanpetru,
        kind="friendship",
        since=_d("2019-09-01"),
        notes="Project friendship: school orchestra exchange, agreed until 2028.",
    )
    Partnership.create(
        our_town=lindenfeld,
        partner_town=bir_halima,
        kind="contact",
        notes="Contact through the Lindenfeld–Bir Halima youth workshop.",
    )

    clubs = {
        "choir_de": Club.create(town=lindenfeld, name="Liederkranz Lindenfeld", kind="choir"),
        "u13_de": Club.create(
            town=lindenfeld, name="SV Lindenfeld U13", kind="sports_team", category="U13"
        ),
        "u15_de": Club.create(
            town=lindenfeld, name="SV Lindenfeld U15", kind="sports_team", category="U15"
        ),
        "officials_de": Club.create(
            town=lindenfeld, name="Partnerschaftskomitee Lindenfeld", kind="officials"
        ),
        "choir_fr": Club.create(town=beaulieu, name="Chœur de Beaulieu", kind="choir"),
        "u13_fr": Club.create(
            town=beaulieu, name="AS Beaulieu U13", kind="sports_team", category="U13"
        ),
        "u15_fr": Club.create(
            town=beaulieu, name="AS Beaulieu U15", kind="sports_team", category="U15"
        ),
        "officials_fr": Club.create(
            town=beaulieu, name="Comité de jumelage de Beaulieu", kind="officials"
        ),
    }

    households = _households(lindenfeld, rng)
    people_by_party = _visitors(beaulieu, clubs, rng)
    locals_ = _locals(lindenfeld, clubs)

    previous = _previous_visit(partnership, people_by_party, households)
    visit = Visit.create(
        partnership=partnership,
        year=2027,
        title="Beaulieu-sur-Loire in Lindenfeld: choir and youth football",
        direction="we_host",
        arrival_at=dt.datetime(2027, 5, 12, 17, 0),
        departure_at=dt.datetime(2027, 5, 16, 10, 0),
        arrival_place="Lindenfeld, Rathausplatz (coach stop)",
        departure_place="Lindenfeld, Rathausplatz (coach stop)",
        status="confirmed",
        working_languages="de,fr",
        settings=json.dumps({"housing": {"minors_in_pairs": False}}),
    )
    parties = {}
    for party_name, kind, members in PARTIES:
        party = Party.create(visit=visit, name=party_name, kind=kind)
        parties[party_name] = party
        for person in people_by_party[party_name]:
            arrival = departure = None
            if person.full_name == "Dominique Nicolas":  # the organiser comes a day early
                arrival = dt.datetime(2027, 5, 11, 18, 30)
            if person.full_name == "Marc Simon":  # leaves on Saturday evening
                departure = dt.datetime(2027, 5, 15, 22, 0)
            Participation.create(
                visit=visit,
                person=person,
                party=party,
                is_guest=True,
                arrival_at=arrival,
                departure_at=departure,
            )
    for person in locals_:
        Participation.create(visit=visit, person=person, is_guest=False)
    for name, household in households.items():
        since = until = None
        if name == "Jutta Huber":  # away on the last night
            until = dt.datetime(2027, 5, 15, 12, 0)
        if name == "Anke Walter":  # takes in the partner's organiser, who comes a day early
            since = dt.datetime(2027, 5, 11, 12, 0)
        HostOffer.create(
            visit=visit, household=household, available_from=since, available_until=until
        )
    # Named wishes, both ways.
    PlacementWish.create(party=parties["Haddad"], household=households["Leila Haddad-Schmidt"])
    PlacementWish.create(
        party=parties["Morel & Blanc"], household=households["Sandra Schmitz"], from_household=True
    )
    # Already agreed by phone and locked: the Boyers (step-free) with the Königs.
    Placement.create(
        visit=visit,
        party=parties["Boyer"],
        household=households["Reinhard König"],
        locked=True,
        source="hand",
    )
    _programme(visit, clubs, people_by_party, locals_)
    del previous
    return visit.id


def _households(town: Town, rng: random.Random) -> dict[str, Household]:
    result = {}
    for (
        contact,
        members,
        street,
        district,
        langs,
        beds,
        doubles,
        pets,
        flags,
        cleared,
        max_guests,
        preferred,
    ) in HOUSEHOLDS:
        flag_set = set(flags.split(",")) if flags else set()
        phone = f"+49 6241 {rng.randint(10, 99)} {rng.randint(100, 999)}"
        email = fold(contact).replace(" ", ".").replace("-", "") + "@example.de"
        address = f"{street}, 67551 Lindenfeld"
        result[contact] = Household.create(
            contact_name=contact,
            members=members,
            address=address,
            district=district,
            town=town,
            phone=phone,
            email=email,
            languages=langs,
            beds=beds,
            double_beds=doubles,
            pets=pets,
            smoking="smoking" in flag_set,
            step_free="stepfree" in flag_set,
            minors_cleared=cleared,
            safeguarding_checked_on=_d("2027-03-10") if cleared else None,
            gender_preference="female_only" if "female_only" in flag_set else "any",
            age_group="adults"
            if "adults" in flag_set
            else ("minors" if "minors" in flag_set else "any"),
            no_minors="no_minors" in flag_set,
            max_guests=max_guests or None,
            preferred_guests=preferred or None,
            search_key=" ".join(fold(x) for x in (contact, members, phone, address)),
        )
    return result


def _visitors(town: Town, clubs: dict[str, Club], rng: random.Random) -> dict[str, list[Person]]:
    result: dict[str, list[Person]] = {}
    for party_name, _kind, members in PARTIES:
        people = []
        for name, gender, birth, role, club, langs, extras in members:
            flags = set(extras.split(",")) if extras else set()
            birth_date = _d(birth)
            adult = birth_date.year < 2009
            phone = (
                f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                if adult
                else ""
            )
            email = (fold(name).replace(" ", ".").replace("-", "") + "@exemple.fr") if adult else ""
            diet = ", ".join(FOOD[f] for f in sorted(flags & set(FOOD)))
            allergies = "nuts" if "nuts" in flags else ""
            emergency = (
                ""
                if name in ("Thierry Gauthier", "Antoine David")
                else (
                    f"{'Parent' if not adult else 'Family'}: +33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                )
            )
            person = Person.create(
                full_name=name,
                gender={"f": "female", "m": "male"}[gender],
                birth_date=birth_date,
                languages=langs,
                town=town,
                role=role,
                dietary_needs=diet,
                allergies=allergies,
                animal_allergies=",".join(sorted(flags & ANIMALS)),
                smoker="smoker" in flags,
                needs_smoke_free="smokefree" in flags,
                needs_step_free="stepfree" in flags,
                phone=phone,
                email=email,
                emergency_contact=emergency,
                consent_photos="nophoto" not in flags and name != "Timéo Barbier",
                consent_photos_on=_d("2027-02-01") if "nophoto" not in flags else None,
                consent_health="nohealth" not in flags and name != "Zoé Chevalier",
                consent_health_on=_d("2027-02-01") if "nohealth" not in flags else None,
                search_key=_person_key(name, phone, email),
            )
            if club:
                Membership.create(person=person, club=clubs[club])
            people.append(person)
        result[party_name] = people
    return result


def _locals(town: Town, clubs: dict[str, Club]) -> list[Person]:
    people = []
    for name, gender, birth, role, club, langs, phone in LOCALS:
        email = (
            fold(name).replace("dr. ", "").replace(" ", ".") + "@lindenfeld.example"
            if phone
            else ""
        )
        person = Person.create(
            full_name=name,
            gender={"f": "female", "m": "male"}[gender],
            birth_date=_d(birth),
            languages=langs,
            town=town,
            role=role,
            phone=phone,
            email=email,
            emergency_contact="Partnerschaftsbüro: +49 6241 55 3000" if phone else "",
            consent_photos=True,
            consent_photos_on=_d("2027-01-15"),
            consent_health=True,
            consent_health_on=_d("2027-01-15"),
            search_key=_person_key(name, phone, email),
        )
        Membership.create(person=person, club=clubs[club])
        people.append(person)
    return people


def _previous_visit(
    partnership: Partnership,
    people_by_party: dict[str, list[Person]],
    households: dict[str, Household],
) -> Visit:
    visit = Visit.create(
        partnership=partnership,
        year=2026,
        title="Chœur de Beaulieu in Lindenfeld",
        direction="we_host",
        arrival_at=dt.datetime(2026, 5, 21, 18, 0),
        departure_at=dt.datetime(2026, 5, 25, 9, 0),
        arrival_place="Lindenfeld, Rathausplatz",
        departure_place="Lindenfeld, Rathausplatz",
        status="done",
        working_languages="de,fr",
    )
    for household in households.values():
        HostOffer.create(visit=visit, household=household)
    for party_name, host in PREVIOUS_PLACEMENTS.items():
        members = [p for p in people_by_party[party_name] if p.birth_date.year < 2009]
        kind = "couple" if len(members) == 2 else ("single" if len(members) == 1 else "family")
        party = Party.create(visit=visit, name=party_name, kind=kind)
        for person in members:
            Participation.create(visit=visit, person=person, party=party, is_guest=True)
        Placement.create(visit=visit, party=party, household=households[host], source="planner")
    return visit


def _venues(town: Town) -> dict[str, Venue]:
    spec = [
        ("hall", "Stadthalle Lindenfeld", "Rathausstraße 1", "hall", 600, "08:00", "23:30"),
        ("church", "St.-Marien-Kirche", "Kirchplatz 4", "church", 350, "07:00", "22:00"),
        ("townhall", "Rathaus, Festsaal", "Marktplatz 1", "hall", 120, "08:00", "20:00"),
        (
            "pitch1",
            "Sportpark am Lindenberg, Platz 1",
            "Am Sportplatz 1",
            "pitch",
            300,
            "09:00",
            "21:00",
        ),
        (
            "pitch2",
            "Sportpark am Lindenberg, Platz 2",
            "Am Sportplatz 1",
            "pitch",
            200,
            "09:00",
            "21:00",
        ),
        ("school", "Musikschule, Probensaal", "Schulgasse 8", "hall", 80, "09:00", "22:00"),
        ("inn", "Gasthaus Zur Linde", "Lindenstraße 1", "restaurant", 140, "11:00", "23:59"),
    ]
    return {
        key: Venue.create(
            name=name,
            address=f"{addr}, 67551 Lindenfeld",
            kind=kind,
            capacity=cap,
            town=town,
            opens_at=opens,
            closes_at=closes,
        )
        for key, name, addr, kind, cap, opens, closes in spec
    }


def _programme(
    visit: Visit,
    clubs: dict[str, Club],
    people_by_party: dict[str, list[Person]],
    locals_: list[Person],
) -> None:
    venues = _venues(Town.get(Town.name == "Lindenfeld"))
    brandt, vogel, mayor = locals_[0], locals_[1], locals_[2]
    koch, neumann = locals_[5], locals_[6]
    all_groups = list(clubs.values())

    def event(
        kind,
        title,
        day,
        start,
        end,
        venue,
        groups,
        *,
        meeting="",
        meet_at=None,
        responsible=None,
        public=False,
        transport="",
        prepares=None,
        category="",
    ):
        starts = dt.datetime(2027, 5, day, *start)
        ends = dt.datetime(2027, 5, day, *end)
        ev = Event.create(
            visit=visit,
            kind=kind,
            title=title,
            starts_at=starts,
            ends_at=ends,
            venue=venues[venue] if venue else None,
            meeting_point=meeting,
            meeting_at=dt.datetime(2027, 5, day, *meet_at) if meet_at else None,
            transport=transport,
            responsible=responsible,
            public=public,
            prepares=prepares,
            category=category,
        )
        for club in groups:
            EventClub.create(event=ev, club=club)
        return ev

    event(
        "travel",
        "Arrival of the coach from Beaulieu-sur-Loire",
        12,
        (17, 0),
        (18, 0),
        None,
        all_groups,
        meeting="Rathausplatz, coach stop",
        meet_at=(16, 45),
        responsible=brandt,
        transport="Coach from Beaulieu; hosts collect their guests",
    )
    event(
        "meal",
        "Welcome evening with the host families",
        12,
        (19, 0),
        (21, 30),
        "hall",
        all_groups,
        meeting="Stadthalle, main entrance",
        meet_at=(18, 45),
        responsible=vogel,
    )
    event(
        "reception",
        "Mayor's reception and signing of the guest book",
        13,
        (10, 0),
        (11, 30),
        "townhall",
        [clubs["officials_de"], clubs["officials_fr"], clubs["choir_fr"], clubs["choir_de"]],
        meeting="Marktplatz, Rathaus steps",
        meet_at=(9, 45),
        responsible=mayor,
        public=True,
    )
    concert = event(
        "concert",
        "Joint concert: Liederkranz Lindenfeld & Chœur de Beaulieu",
        15,
        (19, 0),
        (21, 0),
        "church",
        [clubs["choir_de"], clubs["choir_fr"]],
        meeting="St.-Marien-Kirche, sacristy",
        meet_at=(18, 15),
        responsible=vogel,
        public=True,
    )
    event(
        "rehearsal",
        "Chœur de Beaulieu: own rehearsal",
        13,
        (14, 0),
        (16, 0),
        "school",
        [clubs["choir_fr"]],
        meeting="Musikschule entrance",
        meet_at=(13, 50),
        responsible=people_by_party["Masson"][0],
        prepares=concert,
    )
    event(
        "rehearsal",
        "Liederkranz Lindenfeld: own rehearsal",
        13,
        (19, 30),
        (21, 0),
        "school",
        [clubs["choir_de"]],
        meeting="Musikschule entrance",
        meet_at=(19, 20),
        responsible=locals_[8],
        prepares=concert,
    )
    event(
        "match",
        "U13: SV Lindenfeld – AS Beaulieu",
        13,
        (15, 0),
        (16, 15),
        "pitch1",
        [clubs["u13_de"], clubs["u13_fr"]],
        meeting="Sportpark changing rooms",
        meet_at=(14, 15),
        responsible=koch,
        public=True,
        category="U13",
    )
    event(
        "match",
        "U15: SV Lindenfeld – AS Beaulieu",
        13,
        (16, 30),
        (18, 0),
        "pitch2",
        [clubs["u15_de"], clubs["u15_fr"]],
        meeting="Sportpark changing rooms",
        meet_at=(15, 45),
        responsible=neumann,
        public=True,
        category="U15",
    )
    event(
        "excursion",
        "Excursion to the Rhine valley and Rüdesheim",
        14,
        (9, 0),
        (18, 0),
        None,
        all_groups,
        meeting="Rathausplatz, coach stop",
        meet_at=(8, 45),
        responsible=brandt,
        transport="Two coaches, packed lunch from the hosts",
    )
    event(
        "rehearsal",
        "Joint rehearsal of both choirs",
        15,
        (10, 0),
        (12, 30),
        "church",
        [clubs["choir_de"], clubs["choir_fr"]],
        meeting="St.-Marien-Kirche",
        meet_at=(9, 45),
        responsible=vogel,
        prepares=concert,
    )
    event(
        "tournament",
        "Friendship tournament, mixed teams U13/U15",
        15,
        (10, 0),
        (15, 0),
        "pitch1",
        [clubs["u13_de"], clubs["u13_fr"], clubs["u15_de"], clubs["u15_fr"]],
        meeting="Sportpark changing rooms",
        meet_at=(9, 30),
        public=True,
    )
    event(
        "meal",
        "Farewell evening",
        15,
        (21, 30),
        (23, 30),
        "inn",
        all_groups,
        meeting="Gasthaus Zur Linde",
        responsible=brandt,
    )
    event(
        "free_time",
        "Day with the host families",
        14,
        (18, 30),
        (22, 0),
        None,
        [],
        meeting="At the host families",
    )
    event(
        "travel",
        "Departure of the coach",
        16,
        (10, 0),
        (10, 30),
        None,
        all_groups,
        meeting="Rathausplatz, coach stop",
        meet_at=(9, 30),
        responsible=brandt,
        transport="Hosts bring their guests to the coach",
    )
    # Individual speakers at the reception.
    reception = Event.get(Event.kind == "reception", Event.visit == visit)
    EventPerson.create(event=reception, person=mayor)
