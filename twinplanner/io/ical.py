"""iCalendar (RFC 5545) export of a visit's programme, for participants' phones.

Times are stored as the local wall-clock time of the place where the visit happens. They are
written with ``TZID=<zone>`` and a VTIMEZONE built from the tz database (icalendar's
``add_missing_timezones``), not converted to UTC: the file then still says "19:00 Berlin time"
when someone reads it, a calendar in another zone converts it correctly, and summer time is
right on both sides of a change. RFC 5545 requires the VTIMEZONE for every TZID used, which
is why it is added rather than relying on the phone knowing the zone name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from twinplanner.domain.errors import ValidationError
from twinplanner.planning.programme.snapshot import EventInfo, ProgrammeSnapshot

PRODID = "-//TwinPlanner//Programme//EN"


def zone_for_country(country: str) -> str:
    """The main IANA time zone of a country (ISO 3166 alpha-2), from the tz database's zone.tab."""
    code = country.strip().upper()
    try:
        table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        table = ""
    for line in table.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0] == code:
            return parts[2]
    raise ValidationError(
        f"No time zone is known for country '{country}'; set the visit's programme setting "
        f"time_zone (e.g. Europe/Berlin).",
        field="time_zone",
    )


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(f"'{name}' is not a known time zone.", field="time_zone") from exc


def events_for_club(snap: ProgrammeSnapshot, club_id: int | None) -> list[EventInfo]:
    """The events a club's members take part in, plus those for everyone; all when no club."""
    if club_id is None:
        return sorted(snap.events, key=lambda e: (e.starts_at, e.id))
    members = snap.members.get(club_id, frozenset())
    chosen = [
        e
        for e in snap.events
        if club_id in e.club_ids
        or members & snap.participants(e)
        or (not e.club_ids and not e.person_ids)
    ]
    return sorted(chosen, key=lambda e: (e.starts_at, e.id))


def _description(snap: ProgrammeSnapshot, e: EventInfo) -> str:
    lines = []
    if e.meeting_point:
        meet = f" at {e.meeting_at:%H:%M}" if e.meeting_at else ""
        lines.append(f"Meeting point: {e.meeting_point}{meet}")
    responsible = snap.person_by_id.get(e.responsible_id) if e.responsible_id else None
    if responsible is not None:
        lines.append(f"Responsible: {responsible.name}")
    clubs = [snap.club_by_id[c].name for c in e.club_ids if c in snap.club_by_id]
    if clubs:
        lines.append(f"Taking part: {', '.join(clubs)}")
    if e.notes:
        lines.append(e.notes)
    return "\n".join(lines)


def calendar_bytes(
    snap: ProgrammeSnapshot,
    events: Iterable[EventInfo],
    zone_name: str,
    *,
    name: str = "",
    stamp: dt.datetime | None = None,
) -> bytes:
    """One VCALENDAR with a VEVENT per event, times in ``zone_name`` with its VTIMEZONE."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    zone = _zone(zone_name)
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name or snap.title)
    cal.add("x-wr-timezone", zone_name)
    for e in events:
        item = VEvent()
        item.add("uid", f"event-{e.id}.visit-{snap.visit_id}@twinplanner")
        item.add("dtstamp", stamp)
        item.add("dtstart", e.starts_at.replace(tzinfo=zone))
        item.add("dtend", e.ends_at.replace(tzinfo=zone))
        item.add("summary", e.title)
        venue = snap.venue_by_id.get(e.venue_id) if e.venue_id else None
        if venue is not None:
            item.add("location", ", ".join(x for x in (venue.name, venue.address) if x))
        description = _description(snap, e)
        if description:
            item.add("description", description)
        item.add("class", "PUBLIC" if e.public else "PRIVATE")
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()
