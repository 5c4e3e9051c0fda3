"""The conflict checker: every clash in a visit's programme, said in words. Pure, no Qt."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from twinplanner.domain.enums import EventKind
from twinplanner.i18n import _, format_date, format_moment, format_time, ngettext
from twinplanner.planning.programme.snapshot import EventInfo, ProgrammeSnapshot


class Severity(StrEnum):
    """Errors go wrong on the day; warnings are worth a look. Neither blocks anything."""

    ERROR = "error"
    WARNING = "warning"


class ConflictKind(StrEnum):
    """The kinds of conflict the checker finds."""

    PERSON_DOUBLE_BOOKED = "person_double_booked"
    CLUB_DOUBLE_BOOKED = "club_double_booked"
    VENUE_DOUBLE_BOOKED = "venue_double_booked"
    VENUE_OVER_CAPACITY = "venue_over_capacity"
    OUTSIDE_VISIT = "outside_visit"
    OUTSIDE_OPENING_HOURS = "outside_opening_hours"
    OUTSIDE_STAY = "outside_stay"
    TRAVEL_TOO_SHORT = "travel_too_short"
    MINOR_LATE = "minor_late"
    REHEARSAL_AFTER_CONCERT = "rehearsal_after_concert"
    MATCH_BEFORE_ARRIVAL = "match_before_arrival"
    REST_TOO_SHORT = "rest_too_short"
    TOO_MANY_MATCHES = "too_many_matches"
    NO_MEETING_POINT = "no_meeting_point"
    NO_RESPONSIBLE = "no_responsible"


WARNING_KINDS = frozenset(
    {
        ConflictKind.REST_TOO_SHORT,
        ConflictKind.TOO_MANY_MATCHES,
        ConflictKind.NO_MEETING_POINT,
        ConflictKind.NO_RESPONSIBLE,
    }
)

# Kinds of event that need neither a meeting point nor a person responsible.
_SELF_ORGANISED = frozenset({EventKind.FREE_TIME.value})


@dataclass(frozen=True, slots=True)
class Conflict:
    """One conflict: what, who, where and when, as a sentence and as ids."""

    severity: Severity
    kind: ConflictKind
    message: str
    at: dt.datetime
    event_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()
    club_ids: tuple[int, ...] = ()
    venue_id: int | None = None


def when(start: dt.datetime, end: dt.datetime) -> str:
    """'Sat 13 Jun 15:00–17:00', or both dates when the event runs past midnight."""
    first = format_moment(start)
    if end.date() == start.date():
        return f"{first}–{format_time(end)}"
    return f"{first} – {format_moment(end)}"


class _Checker:
    """Collects the conflicts of one snapshot."""

    def __init__(self, snap: ProgrammeSnapshot) -> None:
        self.snap = snap
        self.out: list[Conflict] = []
        self.events = sorted(snap.events, key=lambda e: (e.starts_at, e.id))
        self.people = {e.id: snap.participants(e) for e in self.events}

    # ---- words -------------------------------------------------------------------------
    def where(self, event: EventInfo) -> str:
        venue = self.snap.venue_by_id.get(event.venue_id) if event.venue_id else None
        return _(" at {venue}").format(venue=venue.name) if venue else ""

    def describe(self, event: EventInfo) -> str:
        return _("'{title}'{where} ({when})").format(
            title=event.title, where=self.where(event), when=when(event.starts_at, event.ends_at)
        )

    def names(self, person_ids: Iterable[int], limit: int = 4) -> str:
        names = sorted(self.snap.person_by_id[p].name for p in person_ids)
        if len(names) > limit:
            more = len(names) - limit
            return ngettext("{names} and {n} more", "{names} and {n} more", more).format(
                names=", ".join(names[:limit]), n=more
            )
        if len(names) > 1:
            return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
        return names[0] if names else _("nobody")

    def club_names(self, club_ids: Iterable[int]) -> str:
        names = sorted(self.snap.club_by_id[c].name for c in club_ids if c in self.snap.club_by_id)
        if len(names) == 2:
            return _("{names} and {last}").format(names=names[0], last=names[1])
        return ", ".join(names)

    def add(
        self,
        kind: ConflictKind,
        message: str,
        at: dt.datetime,
        events: Iterable[int],
        *,
        persons: Iterable[int] = (),
        clubs: Iterable[int] = (),
        venue: int | None = None,
    ) -> None:
        severity = Severity.WARNING if kind in WARNING_KINDS else Severity.ERROR
        self.out.append(
            Conflict(
                severity,
                kind,
                message,
                at,
                tuple(events),
                tuple(sorted(persons)),
                tuple(sorted(clubs)),
                venue,
            )
        )

    # ---- checks ------------------------------------------------------------------------
    def overlapping_pairs(self) -> Iterable[tuple[EventInfo, EventInfo]]:
        for i, a in enumerate(self.events):
            for b in self.events[i + 1 :]:
                if b.starts_at >= a.ends_at:
                    break
                yield a, b

    def double_bookings(self) -> None:
        for a, b in self.overlapping_pairs():
            both = _("{first} and {second}").format(first=self.describe(a), second=self.describe(b))
            if a.venue_id is not None and a.venue_id == b.venue_id:
                venue = self.snap.venue_by_id.get(a.venue_id)
                self.add(
                    ConflictKind.VENUE_DOUBLE_BOOKED,
                    _("{venue} holds two events at once: {both}.").format(
                        venue=venue.name if venue else _("The venue"), both=both
                    ),
                    max(a.starts_at, b.starts_at),
                    (a.id, b.id),
                    venue=a.venue_id,
                )
            clubs = set(a.club_ids) & set(b.club_ids)
            if clubs:
                self.add(
                    ConflictKind.CLUB_DOUBLE_BOOKED,
                    ngettext(
                        "{who} is in two events at once: {both}.",
                        "{who} are in two events at once: {both}.",
                        len(clubs),
                    ).format(who=self.club_names(clubs), both=both),
                    max(a.starts_at, b.starts_at),
                    (a.id, b.id),
                    clubs=clubs,
                )
            covered: set[int] = set()
            for cid in clubs:
                covered |= self.snap.members.get(cid, frozenset())
            persons = (self.people[a.id] & self.people[b.id]) - covered
            if persons:
                self.add(
                    ConflictKind.PERSON_DOUBLE_BOOKED,
                    ngettext(
                        "{who} is in two events at once: {both}.",
                        "{who} are in two events at once: {both}.",
                        len(persons),
                    ).format(who=self.names(persons), both=both),
                    max(a.starts_at, b.starts_at),
                    (a.id, b.id),
                    persons=persons,
                )

    def capacity(self) -> None:
        for e in self.events:
            venue = self.snap.venue_by_id.get(e.venue_id) if e.venue_id else None
            if venue and venue.capacity is not None and len(self.people[e.id]) > venue.capacity:
                self.add(
                    ConflictKind.VENUE_OVER_CAPACITY,
                    _("{event} has {n} people taking part but {venue} holds only {most}.").format(
                        event=self.describe(e),
                        n=len(self.people[e.id]),
                        venue=venue.name,
                        most=venue.capacity,
                    ),
                    e.starts_at,
                    (e.id,),
                    venue=venue.id,
                )

    def visit_days(self) -> None:
        first = dt.datetime.combine(self.snap.arrival_at.date(), dt.time())
        after = dt.datetime.combine(self.snap.departure_at.date() + dt.timedelta(days=1), dt.time())
        span = when(self.snap.arrival_at, self.snap.departure_at)
        for e in self.events:
            if e.starts_at < first or e.ends_at > after:
                self.add(
                    ConflictKind.OUTSIDE_VISIT,
                    _("{event} is outside the visit's days ({span}).").format(
                        event=self.describe(e), span=span
                    ),
                    e.starts_at,
                    (e.id,),
                    venue=e.venue_id,
                )

    def opening_hours(self) -> None:
        for e in self.events:
            venue = self.snap.venue_by_id.get(e.venue_id) if e.venue_id else None
            if venue is None or (venue.opens_at is None and venue.closes_at is None):
                continue
            opens = venue.opens_at or dt.time(0, 0)
            closes = venue.closes_at or dt.time(23, 59, 59)
            day = e.starts_at.date()
            open_at = dt.datetime.combine(day, opens)
            close_at = dt.datetime.combine(day, closes)
            if closes <= opens:  # open past midnight
                close_at += dt.timedelta(days=1)
                if e.starts_at.time() < closes:  # an event after midnight belongs to the day before
                    open_at -= dt.timedelta(days=1)
                    close_at -= dt.timedelta(days=1)
            if closes == dt.time(23, 59, 59):
                close_at = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
            if e.starts_at < open_at or e.ends_at > close_at:
                until = format_time(venue.closes_at) if venue.closes_at else "24:00"
                hours = f"{format_time(opens)}–{until}"
                self.add(
                    ConflictKind.OUTSIDE_OPENING_HOURS,
                    _("{event} is outside the opening hours of {venue} ({hours}).").format(
                        event=self.describe(e), venue=venue.name, hours=hours
                    ),
                    e.starts_at,
                    (e.id,),
                    venue=venue.id,
                )

    def team_arrival(self, club_id: int) -> tuple[dt.datetime, dt.datetime] | None:
        """When the whole team is there: the last member's arrival, the first one's departure."""
        members = [self.snap.person_by_id[p] for p in self.snap.members.get(club_id, ())]
        if not members:
            return None
        stays = [self.snap.stay_of(p) for p in members]
        return max(s[0] for s in stays), min(s[1] for s in stays)

    def stays(self) -> None:
        for e in self.events:
            team_members: set[int] = set()
            if e.kind == EventKind.MATCH.value:
                for cid in e.club_ids:
                    stay = self.team_arrival(cid)
                    if stay is None:
                        continue
                    team_members |= self.snap.members.get(cid, frozenset())
                    name = self.club_names([cid])
                    if e.starts_at < stay[0]:
                        self.add(
                            ConflictKind.MATCH_BEFORE_ARRIVAL,
                            _(
                                "{team} plays {event} before the whole team has arrived ({at})."
                            ).format(
                                team=name,
                                event=self.describe(e),
                                at=format_moment(stay[0]),
                            ),
                            e.starts_at,
                            (e.id,),
                            clubs=[cid],
                            venue=e.venue_id,
                        )
                    elif e.ends_at > stay[1]:
                        self.add(
                            ConflictKind.OUTSIDE_STAY,
                            _(
                                "{team} plays {event} after part of the team has left ({at})."
                            ).format(
                                team=name,
                                event=self.describe(e),
                                at=format_moment(stay[1]),
                            ),
                            e.starts_at,
                            (e.id,),
                            clubs=[cid],
                            venue=e.venue_id,
                        )
            if e.kind == EventKind.TRAVEL.value:
                continue  # arriving and leaving are what the stay is measured by
            away = []
            for pid in self.people[e.id] - team_members:
                arrive, leave = self.snap.stay_of(self.snap.person_by_id[pid])
                if e.starts_at < arrive or e.ends_at > leave:
                    away.append(pid)
            if away:
                self.add(
                    ConflictKind.OUTSIDE_STAY,
                    ngettext(
                        "{who} is not there for {event}: it is outside their own stay.",
                        "{who} are not there for {event}: it is outside their own stay.",
                        len(away),
                    ).format(who=self.names(away), event=self.describe(e)),
                    e.starts_at,
                    (e.id,),
                    persons=away,
                    venue=e.venue_id,
                )

    def person_days(self) -> dict[int, list[EventInfo]]:
        days: dict[int, list[EventInfo]] = defaultdict(list)
        for e in self.events:
            for pid in self.people[e.id]:
                days[pid].append(e)
        return days

    def travel(self) -> None:
        pairs: dict[tuple[int, int], set[int]] = defaultdict(set)
        for pid, events in self.person_days().items():
            placed = [e for e in events if e.venue_id is not None]
            for a, b in zip(placed, placed[1:], strict=False):
                if a.ends_at > b.starts_at or a.venue_id == b.venue_id:
                    continue
                need = self.snap.travel_minutes(a.venue_id, b.venue_id)
                if (b.starts_at - a.ends_at) < dt.timedelta(minutes=need):
                    pairs[(a.id, b.id)].add(pid)
        for (aid, bid), persons in pairs.items():
            a, b = self.snap.event_by_id[aid], self.snap.event_by_id[bid]
            need = self.snap.travel_minutes(a.venue_id, b.venue_id)
            gap = int((b.starts_at - a.ends_at).total_seconds() // 60)
            clubs = set(a.club_ids) & set(b.club_ids)
            who = self.club_names(clubs) if clubs else self.names(persons)
            self.add(
                ConflictKind.TRAVEL_TOO_SHORT,
                _(
                    "{who} cannot get from {first} to {second} in time: "
                    "{gap} min between them, {need} min needed."
                ).format(
                    who=who,
                    first=self.describe(a),
                    second=self.describe(b),
                    gap=gap,
                    need=need,
                ),
                b.starts_at,
                (aid, bid),
                persons=persons,
                clubs=clubs,
                venue=b.venue_id,
            )

    def minors(self) -> None:
        late, early = self.snap.settings.late_hour, self.snap.settings.early_hour
        for e in self.events:
            minors = [p for p in self.people[e.id] if self.snap.person_by_id[p].is_minor]
            if not minors:
                continue
            day = e.starts_at.date() - dt.timedelta(days=1)
            while day <= e.ends_at.date():
                night_from = dt.datetime.combine(day, late)
                night_until = dt.datetime.combine(day + dt.timedelta(days=1), early)
                if e.starts_at < night_until and night_from < e.ends_at:
                    self.add(
                        ConflictKind.MINOR_LATE,
                        ngettext(
                            "{who} is a minor in {event}, after {late}.",
                            "{who} are minors in {event}, after {late}.",
                            len(minors),
                        ).format(
                            who=self.names(minors),
                            event=self.describe(e),
                            late=format_time(late),
                        ),
                        e.starts_at,
                        (e.id,),
                        persons=minors,
                        venue=e.venue_id,
                    )
                    break
                day += dt.timedelta(days=1)

    def rehearsals(self) -> None:
        for e in self.events:
            concert = self.snap.event_by_id.get(e.prepares_id) if e.prepares_id else None
            if concert is not None and e.ends_at > concert.starts_at:
                self.add(
                    ConflictKind.REHEARSAL_AFTER_CONCERT,
                    _(
                        "The rehearsal {event} ends after the start of the event it "
                        "prepares, {concert}."
                    ).format(event=self.describe(e), concert=self.describe(concert)),
                    e.starts_at,
                    (e.id, concert.id),
                    clubs=e.club_ids,
                    venue=e.venue_id,
                )

    def matches(self) -> None:
        rest = dt.timedelta(minutes=self.snap.settings.min_rest_minutes)
        most = self.snap.settings.max_matches_per_day
        by_club: dict[int, list[EventInfo]] = defaultdict(list)
        for e in self.events:
            if e.kind == EventKind.MATCH.value:
                for cid in e.club_ids:
                    by_club[cid].append(e)
        short: dict[tuple[int, int], list[int]] = defaultdict(list)
        crowded: dict[tuple[int, ...], list[int]] = defaultdict(list)
        for cid, games in by_club.items():
            for a, b in zip(games, games[1:], strict=False):
                if a.ends_at <= b.starts_at < a.ends_at + rest:
                    short[(a.id, b.id)].append(cid)
            per_day: dict[dt.date, list[EventInfo]] = defaultdict(list)
            for g in games:
                per_day[g.starts_at.date()].append(g)
            for day_games in per_day.values():
                if len(day_games) > most:
                    crowded[tuple(g.id for g in day_games)].append(cid)
        for (aid, bid), clubs in short.items():
            a, b = self.snap.event_by_id[aid], self.snap.event_by_id[bid]
            gap = int((b.starts_at - a.ends_at).total_seconds() // 60)
            self.add(
                ConflictKind.REST_TOO_SHORT,
                ngettext(
                    "{who} has only {gap} min rest between {first} and {second} "
                    "(at least {rest} min wanted).",
                    "{who} have only {gap} min rest between {first} and {second} "
                    "(at least {rest} min wanted).",
                    len(clubs),
                ).format(
                    who=self.club_names(clubs),
                    gap=gap,
                    first=self.describe(a),
                    second=self.describe(b),
                    rest=rest.seconds // 60,
                ),
                b.starts_at,
                (aid, bid),
                clubs=clubs,
                venue=b.venue_id,
            )
        for ids, clubs in crowded.items():
            first = self.snap.event_by_id[ids[0]]
            self.add(
                ConflictKind.TOO_MANY_MATCHES,
                ngettext(
                    "{who} plays {n} matches on {day} (at most {most} wanted): {matches}.",
                    "{who} play {n} matches on {day} (at most {most} wanted): {matches}.",
                    len(clubs),
                ).format(
                    who=self.club_names(clubs),
                    n=len(ids),
                    day=format_date(first.starts_at, "weekday"),
                    most=most,
                    matches=", ".join(self.describe(self.snap.event_by_id[i]) for i in ids),
                ),
                first.starts_at,
                ids,
                clubs=clubs,
            )

    def details(self) -> None:
        for e in self.events:
            if e.kind in _SELF_ORGANISED:
                continue
            if not e.meeting_point.strip():
                self.add(
                    ConflictKind.NO_MEETING_POINT,
                    _("{event} has no meeting point.").format(event=self.describe(e)),
                    e.starts_at,
                    (e.id,),
                    venue=e.venue_id,
                )
            if e.responsible_id is None:
                self.add(
                    ConflictKind.NO_RESPONSIBLE,
                    _("{event} has no person responsible.").format(event=self.describe(e)),
                    e.starts_at,
                    (e.id,),
                    venue=e.venue_id,
                )


def check_programme(snapshot: ProgrammeSnapshot) -> list[Conflict]:
    """Every conflict in the programme: errors first, then warnings, each in time order."""
    checker = _Checker(snapshot)
    checker.double_bookings()
    checker.capacity()
    checker.visit_days()
    checker.opening_hours()
    checker.stays()
    checker.travel()
    checker.minors()
    checker.rehearsals()
    checker.matches()
    checker.details()
    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    return sorted(checker.out, key=lambda c: (order[c.severity], c.at, c.kind.value, c.event_ids))


def errors(conflicts: Iterable[Conflict]) -> list[Conflict]:
    """Only the errors."""
    return [c for c in conflicts if c.severity is Severity.ERROR]


def warnings(conflicts: Iterable[Conflict]) -> list[Conflict]:
    """Only the warnings."""
    return [c for c in conflicts if c.severity is Severity.WARNING]
