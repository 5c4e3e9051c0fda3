"""Read queries that return frozen row snapshots (tuples underneath, for speed)."""

from __future__ import annotations

import json
from collections import defaultdict

from twinplanner.data.models import (
    Award,
    Club,
    Partnership,
    Town,
    Venue,
    Visit,
    database,
)
from twinplanner.data.stored import as_date, as_datetime
from twinplanner.domain.errors import NotFoundError
from twinplanner.domain.rows import (
    AwardRow,
    ClubRow,
    EventRow,
    HouseholdRow,
    PartnershipRow,
    PartyRow,
    PersonRow,
    TownRow,
    VenueRow,
    VisitRow,
)
from twinplanner.domain.rules import age_on
from twinplanner.domain.text import fold, split_list


def _town(t: Town) -> TownRow:
    return TownRow(t.id, t.name, t.country, t.language)


def towns() -> list[TownRow]:
    """All towns, by name."""
    return [_town(t) for t in Town.select().order_by(Town.name)]


def partnerships() -> list[PartnershipRow]:
    """All partnerships with their towns and awards."""
    awards: dict[int, list[AwardRow]] = defaultdict(list)
    for pid, kind, year in Award.select(Award.partnership, Award.kind, Award.year).tuples():
        awards[pid].append(AwardRow(kind, year))
    rows = []
    Ours = Town.alias()
    Theirs = Town.alias()
    query = (
        Partnership.select(Partnership, Ours, Theirs)
        .join(Ours, on=(Partnership.our_town == Ours.id))
        .switch(Partnership)
        .join(Theirs, on=(Partnership.partner_town == Theirs.id))
        .order_by(Theirs.name)
    )
    for p in query:
        rows.append(
            PartnershipRow(
                p.id,
                _town(p.our_town),
                _town(p.partner_town),
                p.kind,
                p.since,
                p.charter_signed_on,
                p.notes,
                tuple(sorted(awards[p.id], key=lambda a: a.year)),
            )
        )
    return rows


def _visit_row(v: Visit, label: str) -> VisitRow:
    try:
        settings = json.loads(v.settings or "{}")
    except ValueError:
        settings = {}
    return VisitRow(
        v.id,
        v.partnership_id,
        label,
        v.year,
        v.title,
        v.direction,
        as_datetime(v.arrival_at),
        as_datetime(v.departure_at),
        v.arrival_place,
        v.departure_place,
        v.status,
        split_list(v.working_languages),
        settings,
    )


def visits() -> list[VisitRow]:
    """All visits, newest first."""
    labels = {p.id: p.label for p in partnerships()}
    query = Visit.select().order_by(Visit.year.desc(), Visit.arrival_at.desc())
    return [_visit_row(v, labels.get(v.partnership_id, "")) for v in query]


def visit(visit_id: int) -> VisitRow:
    """One visit; NotFoundError names the id when it does not exist."""
    v = Visit.get_or_none(Visit.id == visit_id)
    if v is None:
        raise NotFoundError(f"There is no visit with id {visit_id}.")
    labels = {p.id: p.label for p in partnerships()}
    return _visit_row(v, labels.get(v.partnership_id, ""))


def clubs() -> list[ClubRow]:
    """All clubs with their town."""
    query = Club.select(Club, Town).join(Town).order_by(Town.name, Club.name)
    return [ClubRow(c.id, c.town_id, c.town.name, c.name, c.kind, c.category) for c in query]


def _memberships(person_ids: list[int] | None = None) -> dict[int, list[tuple[int, str]]]:
    sql = (
        "SELECT m.person_id, c.id, c.name FROM membership m JOIN club c ON c.id = m.club_id"
        " ORDER BY c.name"
    )
    result: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pid, cid, name in database.execute_sql(sql):
        result[pid].append((cid, name))
    return result


_PERSON_COLUMNS = (
    "p.id, p.full_name, p.gender, p.birth_date, p.languages, p.town_id, t.name, t.country,"
    " p.role, p.dietary_needs, p.allergies, p.animal_allergies, p.smoker, p.needs_smoke_free,"
    " p.needs_step_free, p.phone, p.email, p.emergency_contact, p.notes, p.consent_photos,"
    " p.consent_health"
)


def _person_base(r: tuple, clubs_of: dict[int, list[tuple[int, str]]]) -> dict:
    club_list = clubs_of.get(r[0], [])
    return dict(
        id=r[0],
        full_name=r[1],
        gender=r[2],
        birth_date=as_date(r[3]),
        languages=split_list(r[4]),
        town_id=r[5],
        town_name=r[6] or "",
        country=r[7] or "",
        role=r[8],
        dietary_needs=r[9],
        allergies=r[10],
        animal_allergies=split_list(r[11]),
        smoker=bool(r[12]),
        needs_smoke_free=bool(r[13]),
        needs_step_free=bool(r[14]),
        phone=r[15],
        email=r[16],
        emergency_contact=r[17],
        notes=r[18],
        consent_photos=bool(r[19]),
        consent_health=bool(r[20]),
        clubs=tuple(name for _, name in club_list),
        club_ids=tuple(cid for cid, _ in club_list),
    )


def visit_people(visit_id: int) -> list[PersonRow]:
    """Everyone taking part in a visit, with party, minor status and where they stay."""
    v = visit(visit_id)
    start = v.arrival_at.date()
    sql = (
        f"SELECT {_PERSON_COLUMNS}, pa.party_id, py.name, pa.is_guest, pa.arrival_at,"
        " pa.departure_at, h.id, h.contact_name, h.phone"
        " FROM participation pa JOIN person p ON p.id = pa.person_id"
        " LEFT JOIN town t ON t.id = p.town_id"
        " LEFT JOIN party py ON py.id = pa.party_id"
        " LEFT JOIN placement pl ON pl.party_id = pa.party_id"
        " LEFT JOIN household h ON h.id = pl.household_id"
        " WHERE pa.visit_id = ?"
    )
    clubs_of = _memberships()
    rows = []
    for r in database.execute_sql(sql, (visit_id,)):
        base = _person_base(r, clubs_of)
        age = age_on(base["birth_date"], start)
        rows.append(
            PersonRow(
                **base,
                party_id=r[21],
                party_name=r[22] or "",
                is_guest=bool(r[23]),
                arrival_at=as_datetime(r[24]),
                departure_at=as_datetime(r[25]),
                is_minor=age is not None and age < 18,
                age=age,
                household_id=r[26],
                household_name=r[27] or "",
                household_phone=r[28] or "",
            )
        )
    # One folded key per row: a COLLATE with a Python function costs a call per comparison.
    rows.sort(key=lambda p: (fold(p.full_name), p.id))
    return rows


def person(person_id: int, visit_id: int | None = None) -> PersonRow:
    """One person; read for a visit when ``visit_id`` is given."""
    if visit_id is not None:
        for row in visit_people(visit_id):
            if row.id == person_id:
                return row
    sql = (
        f"SELECT {_PERSON_COLUMNS} FROM person p LEFT JOIN town t ON t.id = p.town_id"
        " WHERE p.id = ?"
    )
    r = database.execute_sql(sql, (person_id,)).fetchone()
    if r is None:
        raise NotFoundError(f"There is no person with id {person_id}.")
    return PersonRow(**_person_base(r, _memberships()))


_HOUSEHOLD_COLUMNS = (
    "h.id, h.contact_name, h.members, h.address, h.district, h.town_id, t.name, h.phone,"
    " h.email, h.languages, h.beds, h.double_beds, h.pets, h.smoking, h.step_free,"
    " h.minors_cleared, h.safeguarding_checked_on, h.gender_preference, h.age_group,"
    " h.no_minors, h.max_guests, h.preferred_guests, h.notes"
)


def _household_base(r: tuple) -> dict:
    return dict(
        id=r[0],
        contact_name=r[1],
        members=r[2],
        address=r[3],
        district=r[4],
        town_id=r[5],
        town_name=r[6] or "",
        phone=r[7],
        email=r[8],
        languages=split_list(r[9]),
        beds=r[10],
        double_beds=r[11],
        pets=split_list(r[12]),
        smoking=bool(r[13]),
        step_free=bool(r[14]),
        minors_cleared=bool(r[15]),
        safeguarding_checked_on=as_date(r[16]),
        gender_preference=r[17],
        age_group=r[18],
        no_minors=bool(r[19]),
        max_guests=r[20],
        preferred_guests=r[21],
        notes=r[22],
    )


def visit_households(visit_id: int) -> list[HouseholdRow]:
    """The households offering beds for a visit, with the guests placed there."""
    visit(visit_id)
    guests: dict[int, int] = defaultdict(int)
    sql_guests = (
        "SELECT pl.household_id, COUNT(pa.id) FROM placement pl"
        " JOIN participation pa ON pa.party_id = pl.party_id"
        " WHERE pl.visit_id = ? GROUP BY pl.household_id"
    )
    for hid, count in database.execute_sql(sql_guests, (visit_id,)):
        guests[hid] = count
    sql = (
        f"SELECT {_HOUSEHOLD_COLUMNS}, o.available_from, o.available_until"
        " FROM host_offer o JOIN household h ON h.id = o.household_id"
        " LEFT JOIN town t ON t.id = h.town_id"
        " WHERE o.visit_id = ?"
    )
    rows = [
        HouseholdRow(
            **_household_base(r),
            available_from=as_datetime(r[23]),
            available_until=as_datetime(r[24]),
            guests=guests.get(r[0], 0),
        )
        for r in database.execute_sql(sql, (visit_id,))
    ]
    rows.sort(key=lambda h: (fold(h.contact_name), h.id))
    return rows


def household(household_id: int) -> HouseholdRow:
    """One household without visit data."""
    sql = (
        f"SELECT {_HOUSEHOLD_COLUMNS} FROM household h LEFT JOIN town t ON t.id = h.town_id"
        " WHERE h.id = ?"
    )
    r = database.execute_sql(sql, (household_id,)).fetchone()
    if r is None:
        raise NotFoundError(f"There is no host household with id {household_id}.")
    return HouseholdRow(**_household_base(r))


def visit_parties(visit_id: int) -> list[PartyRow]:
    """The parties of a visit with members and placement, by name."""
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    sql_members = (
        "SELECT pa.party_id, p.id, p.full_name FROM participation pa"
        " JOIN person p ON p.id = pa.person_id"
        " WHERE pa.visit_id = ? AND pa.party_id IS NOT NULL"
    )
    for party_id, pid, name in database.execute_sql(sql_members, (visit_id,)):
        members[party_id].append((pid, name))
    for member_list in members.values():
        member_list.sort(key=lambda m: (fold(m[1]), m[0]))
    sql = (
        "SELECT py.id, py.name, py.kind, pl.household_id, h.contact_name, pl.locked,"
        " pl.override_reason FROM party py"
        " LEFT JOIN placement pl ON pl.party_id = py.id"
        " LEFT JOIN household h ON h.id = pl.household_id"
        " WHERE py.visit_id = ?"
    )
    rows = [
        PartyRow(
            r[0],
            visit_id,
            r[1],
            r[2],
            tuple(pid for pid, _ in members[r[0]]),
            tuple(name for _, name in members[r[0]]),
            r[3],
            r[4] or "",
            bool(r[5]),
            r[6] or "",
        )
        for r in database.execute_sql(sql, (visit_id,))
    ]
    rows.sort(key=lambda p: (fold(p.name), p.id))
    return rows


def venues() -> list[VenueRow]:
    """All venues by name."""
    return [
        VenueRow(v.id, v.name, v.address, v.kind, v.capacity, v.opens_at, v.closes_at, v.notes)
        for v in Venue.select().order_by(Venue.name)
    ]


def visit_events(visit_id: int) -> list[EventRow]:
    """The programme of a visit in time order, with taking-part clubs and persons."""
    clubs_of: dict[int, list[int]] = defaultdict(list)
    people_of: dict[int, list[int]] = defaultdict(list)
    for eid, cid in database.execute_sql(
        "SELECT ec.event_id, ec.club_id FROM event_club ec JOIN event e ON e.id = ec.event_id"
        " WHERE e.visit_id = ?",
        (visit_id,),
    ):
        clubs_of[eid].append(cid)
    for eid, pid in database.execute_sql(
        "SELECT ep.event_id, ep.person_id FROM event_person ep JOIN event e ON e.id = ep.event_id"
        " WHERE e.visit_id = ?",
        (visit_id,),
    ):
        people_of[eid].append(pid)
    sql = (
        "SELECT e.id, e.kind, e.title, e.starts_at, e.ends_at, e.venue_id, v.name,"
        " e.meeting_point, e.meeting_at, e.transport, e.responsible_id, p.full_name, e.public,"
        " e.fixed, e.prepares_id, e.category, e.notes FROM event e"
        " LEFT JOIN venue v ON v.id = e.venue_id LEFT JOIN person p ON p.id = e.responsible_id"
        " WHERE e.visit_id = ? ORDER BY e.starts_at, e.id"
    )
    return [
        EventRow(
            r[0],
            visit_id,
            r[1],
            r[2],
            as_datetime(r[3]),
            as_datetime(r[4]),
            r[5],
            r[6] or "",
            r[7],
            as_datetime(r[8]),
            r[9],
            r[10],
            r[11] or "",
            bool(r[12]),
            bool(r[13]),
            r[14],
            r[15],
            r[16],
            tuple(sorted(clubs_of[r[0]])),
            tuple(sorted(people_of[r[0]])),
        )
        for r in database.execute_sql(sql, (visit_id,))
    ]
