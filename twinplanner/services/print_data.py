"""Document data for a visit, read from the database: who stays where, who does what, in
which language each reader reads, and only the personal data each reader needs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from twinplanner.data import queries
from twinplanner.data.models import Person
from twinplanner.documents.data import (
    Contact,
    Guest,
    HostInfo,
    HostListData,
    HostListEntry,
    HostSheetData,
    ItineraryData,
    ProgrammeData,
    ProgrammeEvent,
    Transfer,
    Traveller,
    VisitInfo,
)
from twinplanner.domain.enums import Direction, Role
from twinplanner.domain.rows import EventRow, HouseholdRow, PartyRow, PersonRow, VisitRow
from twinplanner.domain.text import fold


@dataclass(frozen=True)
class VisitSnapshot:
    """Everything the documents of one visit are made from, read once."""

    visit: VisitRow
    info: VisitInfo
    host_town: tuple[str, str, str]  # name, country, language
    guest_town: tuple[str, str, str]
    people: tuple[PersonRow, ...]
    households: tuple[HouseholdRow, ...]
    parties: tuple[PartyRow, ...]
    events: tuple[EventRow, ...]
    venue_address: dict[int, str]
    organisers: tuple[Contact, ...]

    @property
    def working_language(self) -> str:
        """The language lists for organisers are printed in."""
        return self.info.working_language

    def guests(self) -> list[PersonRow]:
        """The visiting people (housed in parties)."""
        return [p for p in self.people if p.is_guest]


def read_snapshot(visit_id: int) -> VisitSnapshot:
    """Read a visit and everything its documents need (GUI thread or command line)."""
    visit = queries.visit(visit_id)
    partnership = next(p for p in queries.partnerships() if p.id == visit.partnership_id)
    ours, theirs = partnership.our_town, partnership.partner_town
    host, guest = (ours, theirs) if visit.direction == Direction.WE_HOST.value else (theirs, ours)
    working = visit.working_languages[0] if visit.working_languages else host.language or "en"
    info = VisitInfo(
        partnership=partnership.label,
        title=visit.title or partnership.label,
        arrival_at=visit.arrival_at,
        departure_at=visit.departure_at,
        arrival_place=visit.arrival_place,
        departure_place=visit.departure_place,
        working_language=working,
        host_town=host.name,
        guest_town=guest.name,
    )
    return VisitSnapshot(
        visit=visit,
        info=info,
        host_town=(host.name, host.country, host.language),
        guest_town=(guest.name, guest.country, guest.language),
        people=tuple(queries.visit_people(visit_id)),
        households=tuple(queries.visit_households(visit_id)),
        parties=tuple(queries.visit_parties(visit_id)),
        events=tuple(queries.visit_events(visit_id)),
        venue_address={v.id: v.address for v in queries.venues()},
        organisers=_organisers((host.id, guest.id), (host.name, guest.name)),
    )


def _organisers(town_ids: tuple[int, int], names: tuple[str, str]) -> tuple[Contact, ...]:
    """The organisers of both towns, host town first, by name."""
    query = Person.select(Person.full_name, Person.town, Person.phone, Person.email).where(
        (Person.role == Role.ORGANISER.value) & (Person.town.in_(town_ids))
    )
    town_name = dict(zip(town_ids, names, strict=True))
    rows = sorted(query.tuples(), key=lambda r: (town_ids.index(r[1]), fold(r[0])))
    return tuple(
        Contact(name, town_name[town], phone or "", email or "")
        for name, town, phone, email in rows
    )


def event_people(snapshot: VisitSnapshot) -> dict[int, set[int]]:
    """The people of the visit taking part in each event: members of its clubs and people
    named on it. An event naming nobody is for everyone (a day with the host families)."""
    club_members: dict[int, set[int]] = defaultdict(set)
    for person in snapshot.people:
        for club_id in person.club_ids:
            club_members[club_id].add(person.id)
    everyone = {p.id for p in snapshot.people}
    result: dict[int, set[int]] = {}
    for event in snapshot.events:
        if not event.club_ids and not event.person_ids:
            result[event.id] = set(everyone)
            continue
        members = {pid for cid in event.club_ids for pid in club_members.get(cid, ())}
        result[event.id] = members | (set(event.person_ids) & everyone)
    return result


def programme_event(event: EventRow, snapshot: VisitSnapshot) -> ProgrammeEvent:
    """An event as printed on a programme."""
    address = snapshot.venue_address.get(event.venue_id, "") if event.venue_id else ""
    return ProgrammeEvent(
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        title=event.title,
        kind=event.kind,
        venue=event.venue_name,
        venue_address=address,
        meeting_point=event.meeting_point,
        meeting_at=event.meeting_at,
        transport=event.transport,
        public=event.public,
    )


def host_info(household: HouseholdRow) -> HostInfo:
    """A household as its guests and drivers see it."""
    return HostInfo(
        household.contact_name,
        household.address,
        household.district,
        household.phone,
        household.members,
        household.email,
        household.languages,
    )


def _language(languages: tuple[str, ...], fallback: str) -> str:
    return languages[0] if languages else fallback


def _arrival(people: list[PersonRow], snapshot: VisitSnapshot) -> Transfer:
    times = [p.arrival_at or snapshot.visit.arrival_at for p in people]
    return Transfer(
        min(times) if times else snapshot.visit.arrival_at, snapshot.visit.arrival_place
    )


def _departure(people: list[PersonRow], snapshot: VisitSnapshot) -> Transfer:
    times = [p.departure_at or snapshot.visit.departure_at for p in people]
    return Transfer(
        max(times) if times else snapshot.visit.departure_at, snapshot.visit.departure_place
    )


def safety_contact(snapshot: VisitSnapshot) -> Contact | None:
    """Whom a guest calls when they feel unsafe: an organiser of their own town with a phone,
    else one of the host town."""
    for town in (snapshot.info.guest_town, snapshot.info.host_town):
        for contact in snapshot.organisers:
            if contact.town == town and contact.phone:
                return contact
    return None


def itineraries(snapshot: VisitSnapshot) -> list[ItineraryData]:
    """One itinerary per party, in the language of its first member."""
    people = {p.id: p for p in snapshot.people}
    households = {h.id: h for h in snapshot.households}
    taking_part = event_people(snapshot)
    safety = safety_contact(snapshot)
    result = []
    for party in snapshot.parties:
        members = [people[pid] for pid in party.member_ids if pid in people]
        if not members:
            continue
        ids = {m.id for m in members}
        events = tuple(
            programme_event(e, snapshot)
            for e in snapshot.events
            if taking_part.get(e.id, set()) & ids
        )
        household = households.get(party.household_id) if party.household_id else None
        result.append(
            ItineraryData(
                visit=snapshot.info,
                language=_language(members[0].languages, snapshot.working_language),
                party_name=party.name,
                members=tuple(
                    Traveller(m.full_name, m.age if m.is_minor else None, m.languages, m.phone)
                    for m in members
                ),
                host=host_info(household) if household else None,
                arrival=_arrival(members, snapshot),
                departure=_departure(members, snapshot),
                events=events,
                organisers=snapshot.organisers,
                safety_contact=safety,
            )
        )
    return result


def guest(person: PersonRow, snapshot: VisitSnapshot) -> Guest:
    """A guest as their host sees them: health data only with the guest's consent."""
    shared = person.consent_health
    return Guest(
        name=person.full_name,
        age=person.age if person.is_minor else None,
        languages=person.languages,
        phone=person.phone,
        health_shared=shared,
        dietary_needs=person.dietary_needs if shared else "",
        allergies=person.allergies if shared else "",
        animal_allergies=person.animal_allergies if shared else (),
        arrival=Transfer(
            person.arrival_at or snapshot.visit.arrival_at, snapshot.visit.arrival_place
        ),
        departure=Transfer(
            person.departure_at or snapshot.visit.departure_at, snapshot.visit.departure_place
        ),
    )


def host_sheets(snapshot: VisitSnapshot) -> list[HostSheetData]:
    """One sheet per household with guests, in the household's language; each sheet holds
    only that household's guests."""
    from twinplanner.services.print_handovers import handovers

    by_household: dict[int, list[PersonRow]] = defaultdict(list)
    for person in snapshot.guests():
        if person.household_id is not None:
            by_household[person.household_id].append(person)
    taking_part = event_people(snapshot)
    result = []
    for household in snapshot.households:
        guests = by_household.get(household.id, [])
        if not guests:
            continue
        result.append(
            HostSheetData(
                visit=snapshot.info,
                language=_language(household.languages, snapshot.working_language),
                host=host_info(household),
                guests=tuple(guest(p, snapshot) for p in guests),
                arrival=Transfer(snapshot.visit.arrival_at, snapshot.visit.arrival_place),
                departure=Transfer(snapshot.visit.departure_at, snapshot.visit.departure_place),
                handovers=handovers(guests, snapshot, taking_part),
                organisers=snapshot.organisers,
            )
        )
    return result


def host_list(snapshot: VisitSnapshot) -> HostListData:
    """Every household offering beds, with its guests' names, for organisers and drivers."""
    names: dict[int, list[str]] = defaultdict(list)
    for person in snapshot.guests():
        if person.household_id is not None:
            names[person.household_id].append(person.full_name)
    entries = tuple(
        HostListEntry(host_info(h), tuple(names.get(h.id, ()))) for h in snapshot.households
    )
    return HostListData(snapshot.info, snapshot.working_language, entries)


def programme(snapshot: VisitSnapshot) -> ProgrammeData:
    """The whole programme in the host town's and the guest town's languages."""
    languages = tuple(
        dict.fromkeys(lang for lang in (snapshot.host_town[2], snapshot.guest_town[2]) if lang)
    ) or (snapshot.working_language,)
    events = tuple(programme_event(e, snapshot) for e in snapshot.events)
    return ProgrammeData(snapshot.info, languages, events)
