"""Realistic generated placement problems for benchmarks and tests (seeded, reproducible)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from twinplanner.planning.housing.problem import (
    Household,
    HousingProblem,
    HousingSettings,
    Member,
    Party,
)

ARRIVAL = dt.date(2027, 5, 12)
DEPARTURE = dt.date(2027, 5, 16)
SPECIES = ("cat", "dog", "horse", "rabbit", "rodent", "bird")
FIRST = ("Ana", "Élodie", "Mihai", "Jan", "Zofia", "Luca", "Marie", "Pierre", "Ioana", "Tomasz")
LAST = ("Popescu", "Lefèvre", "Kowalski", "Rossi", "Dubois", "Nowak", "Țăranu", "Martin")
HOST_FIRST = ("Heike", "Klaus", "Jutta", "Ayşe", "Peter")
HOSTS = ("Müller", "Schmidt", "Hoffmann", "Meyer", "Wolf", "König", "Becker", "Öztürk")


def _member(rng: random.Random, next_id: int, minor: bool, clubs: int) -> Member:
    age = rng.randint(11, 17) if minor else rng.randint(18, 80)
    gender = rng.choices(("female", "male", "diverse", "unknown"), (48, 48, 2, 2))[0]
    languages = ("fr",) + tuple(lang for lang, p in (("en", 0.5), ("de", 0.3)) if rng.random() < p)
    allergies = tuple(sorted({rng.choice(SPECIES[:3])} if rng.random() < 0.08 else set()))
    return Member(
        id=next_id,
        name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {next_id}",
        gender=gender,
        age=age,
        minor=minor,
        languages=languages,
        animal_allergies=allergies,
        needs_smoke_free=rng.random() < 0.10,
        needs_step_free=not minor and rng.random() < 0.03,
        club_ids=(rng.randrange(clubs),) if rng.random() < 0.9 else (),
    )


def _parties(rng: random.Random, visitors: int, households: int) -> list[Party]:
    parties: list[Party] = []
    clubs = max(1, visitors // 20)
    people = 0
    while people < visitors:
        size = min(rng.choices((1, 2, 3, 4, 5), (35, 35, 15, 10, 5))[0], visitors - people)
        pid = len(parties) + 1
        if size >= 3 and rng.random() < 0.6:  # a family: two adults and children
            flags = [False, False] + [True] * (size - 2)
            kind = "family"
        elif size <= 3 and rng.random() < 0.2:  # young friends travelling together
            flags = [True] * size
            kind = "friends"
        else:
            flags = [False] * size
            kind = (
                "couple"
                if size == 2 and rng.random() < 0.6
                else ("single" if size == 1 else "friends")
            )
        members = tuple(_member(rng, people + k + 1, minor, clubs) for k, minor in enumerate(flags))
        club = members[0].club_ids  # a party travels with one club
        members = tuple(dataclasses.replace(m, club_ids=club) for m in members)
        first, last = ARRIVAL, DEPARTURE
        if rng.random() < 0.05:
            first = ARRIVAL + dt.timedelta(days=1)
        if rng.random() < 0.05:
            last = DEPARTURE - dt.timedelta(days=1)
        parties.append(Party(pid, f"{rng.choice(LAST)} {pid}", members, kind, first, last))
        people += size
    return parties


def _household(rng: random.Random, hid: int, districts: int) -> Household:
    beds = rng.choices((1, 2, 3, 4, 5, 6), (15, 40, 20, 15, 6, 4))[0]
    doubles = 1 if beds >= 2 and rng.random() < 0.4 else 0
    cleared = rng.random() < 0.45
    pets = tuple(sorted({rng.choice(SPECIES)} if rng.random() < 0.3 else set()))
    return Household(
        id=hid,
        name=f"{rng.choice(HOST_FIRST)} {rng.choice(HOSTS)} {hid}",
        beds=beds,
        double_beds=doubles,
        district=f"District {rng.randrange(districts) + 1}",
        languages=("de",)
        + tuple(lang for lang, p in (("en", 0.5), ("fr", 0.3)) if rng.random() < p),
        pets=pets,
        smoking=rng.random() < 0.10,
        step_free=rng.random() < 0.25,
        minors_cleared=cleared,
        no_minors=not cleared and rng.random() < 0.2,
        gender_preference=rng.choices(("any", "female_only", "male_only"), (93, 5, 2))[0],
        age_group=rng.choices(("any", "adults", "minors"), (80, 12, 8))[0],
        max_guests=beds - 1 if beds >= 3 and rng.random() < 0.1 else None,
        preferred_guests=max(1, beds - 1) if beds >= 2 and rng.random() < 0.3 else None,
        available_from=ARRIVAL + dt.timedelta(days=1) if rng.random() < 0.04 else None,
        available_until=DEPARTURE - dt.timedelta(days=1) if rng.random() < 0.04 else None,
    )


def generate(
    visitors: int, households: int, *, seed: int = 1, settings: HousingSettings | None = None
) -> HousingProblem:
    """A visit of about ``visitors`` people in parties of 1 to 5 and ``households`` hosts.

    About 20% minors, pets and animal allergies, smokers, step-free needs, gender limits,
    availability gaps, a few named wishes and exclusions, and repeat pairs from a previous
    visit for about a third of the parties.
    """
    rng = random.Random(seed)
    districts = max(3, households // 60)
    homes = [_household(rng, hid + 1, districts) for hid in range(households)]
    parties = _parties(rng, visitors, households)
    ids = [h.id for h in homes]
    finished = []
    for party in parties:
        previous = ()
        if rng.random() < 0.33:
            previous = ((rng.choice(ids), max(1, party.size - rng.randint(0, 1))),)
        wished = frozenset({rng.choice(ids)}) if rng.random() < 0.05 else frozenset()
        excluded = frozenset({rng.choice(ids)}) if rng.random() < 0.02 else frozenset()
        finished.append(
            dataclasses.replace(party, previous_hosts=previous, wished=wished, excluded=excluded)
        )
    return HousingProblem(
        visit_id=1,
        first_night=ARRIVAL,
        last_day=DEPARTURE,
        parties=tuple(finished),
        households=tuple(homes),
        settings=settings or HousingSettings(),
    )
