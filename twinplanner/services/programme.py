"""Programme use cases: the snapshot of a visit, events, settings, travel times, proposals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from twinplanner.data import queries
from twinplanner.data.models import (
    Club,
    Event,
    EventClub,
    EventPerson,
    Partnership,
    Person,
    TravelTime,
    Venue,
    database,
)
from twinplanner.domain.enums import Direction, EventKind
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.domain.rows import PersonRow
from twinplanner.i18n import _, ngettext
from twinplanner.planning.programme.conflicts import Conflict, check_programme
from twinplanner.planning.programme.proposal import ChangeKind, Proposal, propose
from twinplanner.planning.programme.snapshot import (
    ClubInfo,
    EventInfo,
    PersonInfo,
    ProgrammeSettings,
    ProgrammeSnapshot,
    VenueInfo,
    parse_clock,
)
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.visit_settings import settings_of, store_settings, visit_record

SETTINGS_KEY = "programme"  # the part of Visit.settings that belongs to the programme


def _moment(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def programme_settings(visit_id: int) -> ProgrammeSettings:
    """The programme settings of a visit (defaults where none are stored)."""
    return ProgrammeSettings.from_json(settings_of(visit_record(visit_id)).get(SETTINGS_KEY))


def update_programme_settings(visit_id: int, values: Mapping[str, object]) -> Changes:
    """Change some programme settings (e.g. ``{"late_hour": "21:30"}``); other keys are kept."""
    with database.atomic():
        v = visit_record(visit_id)
        data = settings_of(v)
        merged = {**data.get(SETTINGS_KEY, {}), **values}
        ProgrammeSettings.from_json(merged)  # refuses a bad value, naming it
        data[SETTINGS_KEY] = merged
        store_settings(v, data)
    return Changes.of(Entity.VISIT, visit_id, message=_("Programme settings changed"))


def set_travel_time(visit_id: int, venue_a: int, venue_b: int, minutes: int | None) -> Changes:
    """Minutes between two venues for a visit, both ways; None goes back to the default buffer."""
    if venue_a == venue_b:
        raise ValidationError(_("A travel time needs two different venues."), field="venue_b")
    if minutes is not None and (not isinstance(minutes, int) or minutes < 0 or minutes > 24 * 60):
        raise ValidationError(
            _("Travel time: {minutes} is not a number of minutes (0 to 1440).").format(
                minutes=repr(minutes)
            ),
            field="minutes",
        )
    with database.atomic():
        visit_record(visit_id)
        for vid in (venue_a, venue_b):
            if Venue.get_or_none(Venue.id == vid) is None:
                raise NotFoundError(_("There is no venue with id {id}.").format(id=vid))
        for a, b in ((venue_a, venue_b), (venue_b, venue_a)):
            TravelTime.delete().where(
                (TravelTime.visit == visit_id)
                & (TravelTime.venue_a == a)
                & (TravelTime.venue_b == b)
            ).execute()
            if minutes is not None:
                TravelTime.create(visit=visit_id, venue_a=a, venue_b=b, minutes=minutes)
    return Changes.of(Entity.VENUE, venue_a, venue_b, message=_("Travel time changed"))


def build_snapshot(visit_id: int, people: Sequence[PersonRow] | None = None) -> ProgrammeSnapshot:
    """Read everything the programme checker and planner need for one visit.

    ``people`` may be passed when the caller has just read the visit's people.
    """
    v = queries.visit(visit_id)
    partnership = Partnership.get_by_id(v.partnership_id)
    towns = {partnership.our_town_id, partnership.partner_town_id}
    if people is None:
        people = queries.visit_people(visit_id)
    events = queries.visit_events(visit_id)
    wanted = {c for p in people for c in p.club_ids} | {c for e in events for c in e.club_ids}
    clubs = tuple(
        ClubInfo(c.id, c.name, c.kind, c.category, c.town_id, c.town_id == partnership.our_town_id)
        for c in queries.clubs()
        if c.town_id in towns or c.id in wanted
    )
    venues = tuple(
        VenueInfo(
            r.id,
            r.name,
            r.kind,
            r.capacity,
            parse_clock(r.opens_at, f"Opening time of {r.name}"),
            parse_clock(r.closes_at, f"Closing time of {r.name}"),
            None,
            r.address,
        )
        for r in queries.venues()
    )
    persons = tuple(
        PersonInfo(p.id, p.full_name, p.is_minor, p.arrival_at, p.departure_at, p.club_ids)
        for p in people
    )
    infos = tuple(
        EventInfo(
            e.id,
            e.kind,
            e.title,
            e.starts_at,
            e.ends_at,
            e.venue_id,
            e.meeting_point,
            e.meeting_at,
            e.responsible_id,
            e.public,
            e.fixed,
            e.prepares_id,
            e.category,
            e.club_ids,
            e.person_ids,
            e.notes,
        )
        for e in events
    )
    travel = tuple(
        TravelTime.select(TravelTime.venue_a, TravelTime.venue_b, TravelTime.minutes)
        .where(TravelTime.visit == visit_id)
        .tuples()
    )
    settings = ProgrammeSettings.from_json(v.settings.get(SETTINGS_KEY))
    title = v.title or v.partnership_label
    return ProgrammeSnapshot(
        v.id, title, v.arrival_at, v.departure_at, infos, venues, clubs, persons, travel, settings
    )


def check_visit(visit_id: int, people: Sequence[PersonRow] | None = None) -> list[Conflict]:
    """Every conflict in a visit's programme, errors first (``people``: as build_snapshot)."""
    return check_programme(build_snapshot(visit_id, people))


@dataclass(frozen=True)
class EventInput:
    """The values of an event as the organiser enters them."""

    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue_id: int | None = None
    meeting_point: str = ""
    meeting_at: dt.datetime | None = None
    transport: str = ""
    responsible_id: int | None = None
    public: bool = False
    fixed: bool = True
    prepares_id: int | None = None
    category: str = ""
    notes: str = ""
    club_ids: tuple[int, ...] = field(default=())
    person_ids: tuple[int, ...] = field(default=())


def _validate(visit_id: int, data: EventInput, event_id: int | None = None) -> None:
    if data.kind not in {k.value for k in EventKind}:
        allowed = ", ".join(k.value for k in EventKind)
        raise ValidationError(
            _("Event kind must be one of {allowed}, not '{kind}'.").format(
                allowed=allowed, kind=data.kind
            ),
            field="kind",
        )
    if not data.title.strip():
        raise ValidationError(_("An event needs a title."), field="title")
    if data.ends_at <= data.starts_at:
        raise ValidationError(
            _("'{title}' must end after it starts ({starts_at} – {ends_at}).").format(
                title=data.title,
                starts_at=format(data.starts_at, "%Y-%m-%d %H:%M"),
                ends_at=format(data.ends_at, "%Y-%m-%d %H:%M"),
            ),
            field="ends_at",
        )
    if data.meeting_at is not None and data.meeting_at > data.starts_at:
        raise ValidationError(
            _("The meeting time of '{title}' is after its start.").format(title=data.title),
            field="meeting_at",
        )
    if data.venue_id is not None and Venue.get_or_none(Venue.id == data.venue_id) is None:
        raise NotFoundError(_("There is no venue with id {id}.").format(id=data.venue_id))
    if (
        data.responsible_id is not None
        and Person.get_or_none(Person.id == data.responsible_id) is None
    ):
        raise NotFoundError(_("There is no person with id {id}.").format(id=data.responsible_id))
    if data.prepares_id is not None:
        target = Event.get_or_none(Event.id == data.prepares_id)
        if target is None or target.visit_id != visit_id:
            raise ValidationError(
                _("'{title}' prepares event {prepares_id}, which is not in this visit.").format(
                    title=data.title, prepares_id=data.prepares_id
                ),
                field="prepares_id",
            )
        if data.prepares_id == event_id:
            raise ValidationError(
                _("'{title}' cannot prepare itself.").format(title=data.title), field="prepares_id"
            )
    missing_clubs = set(data.club_ids) - {
        c.id for c in Club.select(Club.id).where(Club.id.in_(data.club_ids))
    }
    if missing_clubs:
        raise NotFoundError(_("There is no club with id {id}.").format(id=min(missing_clubs)))
    found = {p.id for p in Person.select(Person.id).where(Person.id.in_(data.person_ids))}
    if set(data.person_ids) - found:
        raise NotFoundError(
            _("There is no person with id {id}.").format(id=min(set(data.person_ids) - found))
        )


def _write_taking_part(event_id: int, club_ids: Iterable[int], person_ids: Iterable[int]) -> None:
    EventClub.delete().where(EventClub.event == event_id).execute()
    EventPerson.delete().where(EventPerson.event == event_id).execute()
    clubs = [{"event": event_id, "club": c} for c in sorted(set(club_ids))]
    people = [{"event": event_id, "person": p} for p in sorted(set(person_ids))]
    if clubs:
        EventClub.insert_many(clubs).execute()
    if people:
        EventPerson.insert_many(people).execute()


def _columns(data: EventInput) -> dict[str, object]:
    return dict(
        kind=data.kind,
        title=data.title.strip(),
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        venue=data.venue_id,
        meeting_point=data.meeting_point.strip(),
        meeting_at=data.meeting_at,
        transport=data.transport.strip(),
        responsible=data.responsible_id,
        public=data.public,
        fixed=data.fixed,
        prepares=data.prepares_id,
        category=data.category.strip(),
        notes=data.notes,
    )


def input_of_info(info: EventInfo) -> EventInput:
    """The values of a proposed event as an EventInput (not fixed, as accept_proposal writes it)."""
    return EventInput(
        info.kind,
        info.title,
        info.starts_at,
        info.ends_at,
        info.venue_id,
        info.meeting_point,
        info.meeting_at,
        "",
        info.responsible_id,
        info.public,
        False,
        info.prepares_id,
        info.category,
        info.notes,
        tuple(info.club_ids),
        tuple(info.person_ids),
    )


def insert_event(visit_id: int, data: EventInput, *, event_id: int | None = None) -> int:
    """Check and write a new event (under ``event_id`` when given) with who takes part.

    The caller holds the transaction; returns the event's id.
    """
    _validate(visit_id, data)
    columns = _columns(data) if event_id is None else {"id": event_id, **_columns(data)}
    event = Event.create(visit=visit_id, **columns)
    _write_taking_part(event.id, data.club_ids, data.person_ids)
    return int(event.id)


def create_event(visit_id: int, data: EventInput) -> Changes:
    """Add an event to a visit's programme; Changes names its id."""
    with database.atomic():
        visit_record(visit_id)
        event_id = insert_event(visit_id, data)
    return Changes.of(
        Entity.EVENT, event_id, message=_("Event '{value}' added").format(value=data.title.strip())
    )


def event_record(event_id: int) -> Event:
    """The stored event with ``event_id``; NotFoundError when there is none."""
    e = Event.get_or_none(Event.id == event_id)
    if e is None:
        raise NotFoundError(_("There is no event with id {id}.").format(id=event_id))
    return e


def update_event(event_id: int, data: EventInput) -> Changes:
    """Replace an event's values and who takes part."""
    with database.atomic():
        e = event_record(event_id)
        _validate(e.visit_id, data, event_id)
        Event.update(**_columns(data)).where(Event.id == event_id).execute()
        _write_taking_part(event_id, data.club_ids, data.person_ids)
    return Changes.of(
        Entity.EVENT,
        event_id,
        message=_("Event '{value}' changed").format(value=data.title.strip()),
    )


def move_event(
    event_id: int,
    starts_at: dt.datetime,
    *,
    ends_at: dt.datetime | None = None,
    venue_id: int | None = None,
    keep_venue: bool = True,
) -> Changes:
    """Move an event to a new time (same length unless ``ends_at``) and maybe another venue."""
    with database.atomic():
        e = event_record(event_id)
        length = e.ends_at - e.starts_at
        end = ends_at or starts_at + length
        if end <= starts_at:
            raise ValidationError(
                _("'{title}' must end after it starts.").format(title=e.title), field="ends_at"
            )
        venue = e.venue_id if keep_venue and venue_id is None else venue_id
        if venue is not None and Venue.get_or_none(Venue.id == venue) is None:
            raise NotFoundError(_("There is no venue with id {id}.").format(id=venue))
        meeting = e.meeting_at + (starts_at - e.starts_at) if e.meeting_at else None
        Event.update(starts_at=starts_at, ends_at=end, venue=venue, meeting_at=meeting).where(
            Event.id == event_id
        ).execute()
    return Changes.of(
        Entity.EVENT, event_id, message=_("Event '{title}' moved").format(title=e.title)
    )


def delete_event(event_id: int) -> Changes:
    """Remove an event from the programme."""
    with database.atomic():
        e = event_record(event_id)
        e.delete_instance()
    return Changes.of(
        Entity.EVENT, event_id, message=_("Event '{title}' removed").format(title=e.title)
    )


def propose_schedule(visit_id: int, *, time_limit: float | None = None) -> Proposal:
    """A proposal for the visit's matches, concerts and rehearsals; nothing is written."""
    return propose(build_snapshot(visit_id), time_limit=time_limit)


def accept_proposal(proposal: Proposal, indices: Iterable[int] | None = None) -> Changes:
    """Write the chosen changes of a proposal (all when ``indices`` is None) in one transaction.

    Refuses, writing nothing, when an event it moves has changed since the proposal was made.
    """
    chosen = [c for i, c in enumerate(proposal.changes) if indices is None or i in set(indices)]
    ids: list[int] = []
    with database.atomic():
        visit_record(proposal.visit_id)
        for change in chosen:
            e = change.event
            if change.kind is ChangeKind.MOVED:
                stored = Event.get_or_none(Event.id == e.id)
                before = change.previous
                if (
                    stored is None
                    or before is None
                    or (_moment(stored.starts_at), _moment(stored.ends_at), stored.venue_id)
                    != (before.starts_at, before.ends_at, before.venue_id)
                ):
                    raise ValidationError(
                        _("'{title}' has changed since the proposal was made; plan again.").format(
                            title=e.title
                        )
                    )
                Event.update(starts_at=e.starts_at, ends_at=e.ends_at, venue=e.venue_id).where(
                    Event.id == e.id
                ).execute()
                ids.append(e.id)
            else:
                ids.append(insert_event(proposal.visit_id, input_of_info(e)))
    return Changes.of(
        Entity.EVENT,
        *ids,
        message=ngettext(
            "{n} proposed event accepted", "{n} proposed events accepted", len(ids)
        ).format(n=len(ids)),
    )


def time_zone_of(visit_id: int) -> str:
    """The visit's time zone: its setting, else the main zone of the host town's country."""
    from twinplanner.io.ical import zone_for_country

    v = visit_record(visit_id)
    chosen = ProgrammeSettings.from_json(settings_of(v).get(SETTINGS_KEY)).time_zone
    if chosen:
        return chosen
    partnership = Partnership.get_by_id(v.partnership_id)
    host = (
        partnership.our_town if v.direction == Direction.WE_HOST.value else partnership.partner_town
    )
    return zone_for_country(host.country)


def export_calendar(visit_id: int, club_name: str | None = None) -> tuple[bytes, int]:
    """The programme (or one club's) as iCalendar bytes, and the number of events in it."""
    from twinplanner.domain.text import fold
    from twinplanner.io.ical import calendar_bytes, events_for_club

    snap = build_snapshot(visit_id)
    club_id = None
    name = snap.title
    if club_name:
        matches = [c for c in snap.clubs if fold(c.name) == fold(club_name)]
        if not matches:
            known = ", ".join(sorted(c.name for c in snap.clubs)) or "none"
            raise NotFoundError(
                _("There is no club named '{club_name}' in this visit (known: {known}).").format(
                    club_name=club_name, known=known
                )
            )
        if len(matches) > 1:
            raise ValidationError(
                _("Several clubs are named '{club_name}'; rename one to tell them apart.").format(
                    club_name=club_name
                )
            )
        club_id = matches[0].id
        name = f"{snap.title} – {matches[0].name}"
    events = events_for_club(snap, club_id)
    return calendar_bytes(snap, events, time_zone_of(visit_id), name=name), len(events)
