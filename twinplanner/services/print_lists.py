"""Signature lists and transport lists of a visit, from its snapshot."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from twinplanner.documents.data import (
    Contact,
    SignatureListData,
    SignatureRow,
    SignatureSection,
    TransportListData,
    TransportStop,
)
from twinplanner.domain.enums import EventKind
from twinplanner.domain.rows import EventRow, PersonRow
from twinplanner.domain.rules import age_band
from twinplanner.domain.text import fold
from twinplanner.i18n import _
from twinplanner.services.print_data import VisitSnapshot, event_people

# Arrivals, departures and free time are not activities a grant report counts.
_NOT_SIGNED = {EventKind.TRAVEL.value, EventKind.FREE_TIME.value}


def _town_of(person: PersonRow, snapshot: VisitSnapshot) -> tuple[str, str]:
    if person.town_name:
        return person.town_name, person.country
    side = snapshot.guest_town if person.is_guest else snapshot.host_town
    return side[0], side[1]


def _sections(
    people: list[PersonRow], snapshot: VisitSnapshot, youth: bool
) -> tuple[SignatureSection, ...]:
    """Participants grouped by their town, the host town first."""
    towns: dict[tuple[str, str], list[PersonRow]] = defaultdict(list)
    for person in people:
        towns[_town_of(person, snapshot)].append(person)
    host = snapshot.host_town[0]
    order = sorted(towns, key=lambda t: (t[0] != host, fold(t[0])))
    return tuple(
        SignatureSection(
            town,
            country,
            town == host,
            tuple(
                SignatureRow(p.full_name, town, country, age_band(p.age) if youth else "")
                for p in sorted(towns[(town, country)], key=lambda p: fold(p.full_name))
            ),
        )
        for town, country in order
    )


def _certifiers(
    sections: tuple[SignatureSection, ...], snapshot: VisitSnapshot
) -> tuple[Contact, ...]:
    """One organiser per town on the list (a blank line where a town has none)."""
    result = []
    for section in sections:
        found = next((c for c in snapshot.organisers if c.town == section.town), None)
        result.append(found or Contact("", section.town))
    return tuple(result)


def _signature_list(
    title: str,
    day: dt.date,
    starts_at: dt.datetime | None,
    place: str,
    people: list[PersonRow],
    snapshot: VisitSnapshot,
) -> SignatureListData:
    youth = any(p.is_minor for p in people)
    sections = _sections(people, snapshot, youth)
    return SignatureListData(
        snapshot.info,
        snapshot.working_language,
        title,
        day,
        starts_at,
        place,
        sections,
        youth,
        _certifiers(sections, snapshot),
    )


def signature_lists(snapshot: VisitSnapshot, *, per: str = "event") -> list[SignatureListData]:
    """Signature lists per event (activities only) or per day of the visit."""
    if per not in ("event", "day"):
        raise ValueError(
            _("Signature lists are per 'event' or per 'day', not {per}.").format(per=repr(per))
        )
    people = {p.id: p for p in snapshot.people}
    taking_part = event_people(snapshot)
    result = []
    if per == "event":
        for event in snapshot.events:
            ids = taking_part.get(event.id, set())
            if event.kind in _NOT_SIGNED or not ids:
                continue
            result.append(
                _signature_list(
                    event.title,
                    event.starts_at.date(),
                    event.starts_at,
                    event.venue_name or event.meeting_point,
                    [people[i] for i in ids],
                    snapshot,
                )
            )
        return result
    by_day: dict[dt.date, set[int]] = defaultdict(set)
    places: dict[dt.date, list[str]] = defaultdict(list)
    for event in snapshot.events:
        if event.kind in _NOT_SIGNED:
            continue
        by_day[event.starts_at.date()] |= taking_part.get(event.id, set())
        if event.venue_name and event.venue_name not in places[event.starts_at.date()]:
            places[event.starts_at.date()].append(event.venue_name)
    for day in sorted(by_day):
        if by_day[day]:
            result.append(
                _signature_list(
                    "",
                    day,
                    None,
                    ", ".join(places[day]),
                    [people[i] for i in by_day[day]],
                    snapshot,
                )
            )
    return result


def _needs_transport(event: EventRow) -> bool:
    return bool(event.transport.strip()) or event.kind == EventKind.TRAVEL.value


def transport_lists(snapshot: VisitSnapshot) -> list[TransportListData]:
    """For each event with transport: the households where its guests are collected, by
    district and address, with the time and the people."""
    households = {h.id: h for h in snapshot.households}
    people = {p.id: p for p in snapshot.people}
    taking_part = event_people(snapshot)
    result = []
    for event in snapshot.events:
        if not _needs_transport(event):
            continue
        guests = [people[i] for i in taking_part.get(event.id, ()) if people[i].is_guest]
        if not guests:
            continue
        at = event.meeting_at or event.starts_at
        stops: dict[int | None, list[str]] = defaultdict(list)
        for person in guests:
            stops[person.household_id].append(person.full_name)
        rows = []
        for household_id, names in stops.items():
            names.sort(key=fold)
            household = households.get(household_id) if household_id else None
            if household is None:
                rows.append(TransportStop(at, "", "", "", "", tuple(names)))
            else:
                rows.append(
                    TransportStop(
                        at,
                        household.address,
                        household.district,
                        household.contact_name,
                        household.phone,
                        tuple(names),
                    )
                )
        rows.sort(key=lambda s: (s.place == "", fold(s.district), fold(s.place)))
        result.append(
            TransportListData(
                snapshot.info,
                snapshot.working_language,
                event.title,
                at,
                event.meeting_point or event.venue_name,
                event.transport,
                tuple(rows),
            )
        )
    return result
