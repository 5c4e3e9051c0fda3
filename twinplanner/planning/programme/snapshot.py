"""The frozen programme of one visit: days, events, venues, clubs, people and settings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from twinplanner.domain.errors import ValidationError
from twinplanner.i18n import _


def parse_clock(text: str | None, what: str = "time") -> dt.time | None:
    """'HH:MM' as a time (empty: None); '24:00' is the end of the day (23:59:59)."""
    if text is None or not str(text).strip():
        return None
    raw = str(text).strip()
    try:
        hours, minutes = (int(part) for part in raw.split(":"))
    except ValueError as exc:
        raise ValidationError(
            _("{what}: '{raw}' is not a time of day (use HH:MM).").format(what=what, raw=raw)
        ) from exc
    if (hours, minutes) == (24, 0):
        return dt.time(23, 59, 59)
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        raise ValidationError(
            _("{what}: '{raw}' is not a time of day (use HH:MM).").format(what=what, raw=raw)
        )
    return dt.time(hours, minutes)


def _time_zone(name: object) -> str:
    """An IANA time zone name that this computer knows, or ValidationError."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    text = str(name or "").strip()
    if not text:
        return ""
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _(
                "Programme setting time_zone: '{text}' is not a known time zone (use a name such "
                "as Europe/Berlin)."
            ).format(text=text),
            field="time_zone",
        ) from exc
    return text


@dataclass(frozen=True, slots=True)
class ProgrammeSettings:
    """Per-visit rules of the programme, stored in ``Visit.settings['programme']``."""

    travel_buffer_minutes: int = 15  # between two venues without their own travel time
    late_hour: dt.time = dt.time(22, 0)  # minors not in events after this...
    early_hour: dt.time = dt.time(6, 0)  # ...nor before this
    min_rest_minutes: int = 60  # between two matches of one team
    max_matches_per_day: int = 2  # per team
    match_minutes: int = 60
    match_minutes_by_category: tuple[tuple[str, int], ...] = ()
    slot_minutes: int = 15  # proposals start on these steps
    day_start: dt.time = dt.time(8, 0)  # for venues without opening hours
    day_end: dt.time = dt.time(22, 0)
    rehearsal_minutes: int = 90  # an ensemble's own rehearsal
    joint_rehearsal_minutes: int = 120
    concert_minutes: int = 90
    concert_break_minutes: int = 60  # between the joint rehearsal and the concert
    concert_earliest: dt.time = dt.time(18, 0)  # a concert the planner places starts in...
    concert_latest: dt.time = dt.time(20, 30)  # ...this window
    fixture_formats: tuple[tuple[str, str], ...] = ()  # category -> FixtureFormat value
    pitch_venue_ids: tuple[int, ...] = ()  # empty: every venue of kind pitch
    time_limit_seconds: float = 20.0
    time_zone: str = ""  # IANA name, e.g. "Europe/Berlin"; empty: from the host town's country

    _INTS = (
        "travel_buffer_minutes",
        "min_rest_minutes",
        "max_matches_per_day",
        "match_minutes",
        "slot_minutes",
        "rehearsal_minutes",
        "joint_rehearsal_minutes",
        "concert_minutes",
        "concert_break_minutes",
    )
    _TIMES = (
        "late_hour",
        "early_hour",
        "day_start",
        "day_end",
        "concert_earliest",
        "concert_latest",
    )

    def minutes_for_match(self, category: str) -> int:
        """Length of a match in a category."""
        return dict(self.match_minutes_by_category).get(category, self.match_minutes)

    def format_for(self, category: str) -> str:
        """The fixture format chosen for a category ('auto' when none)."""
        return dict(self.fixture_formats).get(category, "auto")

    @classmethod
    def from_json(cls, data: Mapping[str, object] | None) -> ProgrammeSettings:
        """Settings from the stored JSON object; a bad value raises ValidationError naming it."""
        if not data:
            return cls()
        values: dict[str, object] = {}
        for name in cls._INTS:
            if name in data:
                value = data[name]
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise ValidationError(
                        _(
                            "Programme setting {name}: {value} is not a whole number of 0 or more."
                        ).format(name=name, value=repr(value)),
                        field=name,
                    )
                values[name] = value
        if values.get("slot_minutes") == 0 or values.get("max_matches_per_day") == 0:
            raise ValidationError(
                _("Programme settings slot_minutes and max_matches_per_day must be above 0.")
            )
        for name in cls._TIMES:
            if name in data:
                values[name] = parse_clock(str(data[name]), f"Programme setting {name}")
        if "time_limit_seconds" in data:
            limit = data["time_limit_seconds"]
            if not isinstance(limit, int | float) or limit <= 0:
                raise ValidationError(
                    _("Programme setting time_limit_seconds: {limit} must be above 0.").format(
                        limit=repr(limit)
                    )
                )
            values["time_limit_seconds"] = float(limit)
        for name in ("match_minutes_by_category", "fixture_formats"):
            if name in data:
                mapping = data[name]
                if not isinstance(mapping, dict):
                    raise ValidationError(
                        _("Programme setting {name} must map a category to a value.").format(
                            name=name
                        )
                    )
                values[name] = tuple(sorted(mapping.items()))
        if "time_zone" in data:
            values["time_zone"] = _time_zone(data["time_zone"])
        if "pitch_venue_ids" in data:
            ids = data["pitch_venue_ids"]
            if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
                raise ValidationError(
                    _("Programme setting pitch_venue_ids must be a list of venue ids.")
                )
            values["pitch_venue_ids"] = tuple(ids)
        unknown = (
            set(data)
            - set(cls._INTS)
            - set(cls._TIMES)
            - {
                "time_limit_seconds",
                "match_minutes_by_category",
                "fixture_formats",
                "pitch_venue_ids",
                "time_zone",
            }
        )
        if unknown:
            raise ValidationError(
                _("Unknown programme setting(s): {names}.").format(names=", ".join(sorted(unknown)))
            )
        return cls(**values)  # type: ignore[arg-type]

    def to_json(self) -> dict[str, object]:
        """The settings as a JSON-ready object."""
        out: dict[str, object] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dt.time):
                out[f.name] = value.strftime("%H:%M")
            elif f.name in ("match_minutes_by_category", "fixture_formats"):
                out[f.name] = dict(value)
            elif isinstance(value, tuple):
                out[f.name] = list(value)
            else:
                out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class VenueInfo:
    """A venue as the programme needs it."""

    id: int
    name: str
    kind: str = "hall"
    capacity: int | None = None
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    town_id: int | None = None
    address: str = ""


@dataclass(frozen=True, slots=True)
class ClubInfo:
    """A club, ensemble or team, and whether it is of our town."""

    id: int
    name: str
    kind: str = "other"
    category: str = ""
    town_id: int | None = None
    ours: bool = True


@dataclass(frozen=True, slots=True)
class PersonInfo:
    """A person taking part in the visit, with their own stay (the visit's when not given)."""

    id: int
    name: str
    is_minor: bool = False
    arrival_at: dt.datetime | None = None
    departure_at: dt.datetime | None = None
    club_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class EventInfo:
    """An event of the programme; proposed events that are not stored yet have negative ids."""

    id: int
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue_id: int | None = None
    meeting_point: str = ""
    meeting_at: dt.datetime | None = None
    responsible_id: int | None = None
    public: bool = False
    fixed: bool = True
    prepares_id: int | None = None
    category: str = ""
    club_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()
    notes: str = ""

    def overlaps(self, other: EventInfo) -> bool:
        """True when the two events share some time."""
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


@dataclass(frozen=True)
class ProgrammeSnapshot:
    """Everything the checker and the planner read about one visit's programme."""

    visit_id: int
    title: str
    arrival_at: dt.datetime
    departure_at: dt.datetime
    events: tuple[EventInfo, ...] = ()
    venues: tuple[VenueInfo, ...] = ()
    clubs: tuple[ClubInfo, ...] = ()
    persons: tuple[PersonInfo, ...] = ()
    travel: tuple[tuple[int, int, int], ...] = ()  # (venue a, venue b, minutes)
    settings: ProgrammeSettings = field(default_factory=ProgrammeSettings)

    @cached_property
    def venue_by_id(self) -> dict[int, VenueInfo]:
        """Venues by id."""
        return {v.id: v for v in self.venues}

    @cached_property
    def club_by_id(self) -> dict[int, ClubInfo]:
        """Clubs by id."""
        return {c.id: c for c in self.clubs}

    @cached_property
    def person_by_id(self) -> dict[int, PersonInfo]:
        """People of the visit by id."""
        return {p.id: p for p in self.persons}

    @cached_property
    def event_by_id(self) -> dict[int, EventInfo]:
        """Events by id."""
        return {e.id: e for e in self.events}

    @cached_property
    def members(self) -> dict[int, frozenset[int]]:
        """The people of the visit in each club."""
        result: dict[int, set[int]] = defaultdict(set)
        for p in self.persons:
            for cid in p.club_ids:
                result[cid].add(p.id)
        return {cid: frozenset(ids) for cid, ids in result.items()}

    @cached_property
    def _travel_map(self) -> dict[tuple[int, int], int]:
        out: dict[tuple[int, int], int] = {}
        for a, b, minutes in self.travel:
            out[(a, b)] = minutes
            out.setdefault((b, a), minutes)
        return out

    def participants(self, event: EventInfo) -> frozenset[int]:
        """People of the visit taking part: listed persons and the members of listed clubs."""
        ids = {pid for pid in event.person_ids if pid in self.person_by_id}
        for cid in event.club_ids:
            ids |= self.members.get(cid, frozenset())
        return frozenset(ids)

    def travel_minutes(self, a: int | None, b: int | None) -> int:
        """Minutes to get from venue ``a`` to venue ``b`` (0 for the same or an unknown venue)."""
        if a is None or b is None or a == b:
            return 0
        return self._travel_map.get((a, b), self.settings.travel_buffer_minutes)

    def stay_of(self, person: PersonInfo) -> tuple[dt.datetime, dt.datetime]:
        """When the person is there: their own arrival and departure, else the visit's."""
        return (person.arrival_at or self.arrival_at, person.departure_at or self.departure_at)

    def days(self) -> list[dt.date]:
        """The calendar days of the visit, arrival day to departure day."""
        first, last = self.arrival_at.date(), self.departure_at.date()
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]

    def with_events(self, events: Iterable[EventInfo]) -> ProgrammeSnapshot:
        """The same visit with another list of events."""
        return dataclasses.replace(self, events=tuple(events))
