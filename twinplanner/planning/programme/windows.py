"""Where and when each task may start: venues, days and start slots around the kept events."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from twinplanner.domain.enums import EventKind
from twinplanner.i18n import _, format_moment, format_time, join_words, ngettext
from twinplanner.planning.programme.snapshot import (
    EventInfo,
    PersonInfo,
    ProgrammeSnapshot,
    VenueInfo,
)
from twinplanner.planning.programme.tasks import Plan, Task

Ranges = tuple[tuple[int, int], ...]  # sorted, disjoint, inclusive (first, last) start slots


@dataclass(frozen=True, slots=True)
class Window:
    """The start slots a task may take at one venue (or pool of venues) on one day."""

    venue_id: int
    day: int
    ranges: Ranges
    base: int  # slot at which the venue opens that day, for "early in the day"

    @property
    def lo(self) -> int:
        """Earliest start slot."""
        return self.ranges[0][0]

    @property
    def hi(self) -> int:
        """Latest start slot."""
        return self.ranges[-1][1]


@dataclass(frozen=True, slots=True)
class Clock:
    """Slots of ``unit`` minutes counted from midnight of the visit's first day."""

    origin: dt.datetime
    unit: int

    def floor(self, moment: dt.datetime) -> int:
        """The slot a moment falls in."""
        return math.floor((moment - self.origin).total_seconds() / 60 / self.unit)

    def ceil(self, moment: dt.datetime) -> int:
        """The first slot starting at or after a moment."""
        return math.ceil((moment - self.origin).total_seconds() / 60 / self.unit)

    def at(self, slot: int) -> dt.datetime:
        """The moment a slot starts."""
        return self.origin + dt.timedelta(minutes=slot * self.unit)

    def slots(self, minutes: int) -> int:
        """How many slots ``minutes`` take, rounded up."""
        return math.ceil(minutes / self.unit)

    def span(self, event: EventInfo, extra_minutes: int = 0) -> tuple[int, int]:
        """The slots [first, end) a kept event blocks, with ``extra_minutes`` after it."""
        lo = self.floor(event.starts_at)
        hi = self.ceil(event.ends_at + dt.timedelta(minutes=extra_minutes))
        return lo, max(hi, lo + 1)


def for_everyone(e: EventInfo) -> bool:
    """A kept event naming nobody is for everyone (the reception, a meal)."""
    return not e.club_ids and not e.person_ids and e.kind != EventKind.FREE_TIME.value


def participants(snap: ProgrammeSnapshot, task: Task) -> frozenset[int]:
    """People of the visit taking part in a task: listed persons and members of its clubs."""
    ids = {p for p in task.person_ids if p in snap.person_by_id}
    for cid in task.club_ids:
        ids |= snap.members.get(cid, frozenset())
    return frozenset(ids)


def venue_pools(snap: ProgrammeSnapshot, plan: Plan) -> dict[int, tuple[int, ...]]:
    """Interchangeable venues, as {first venue: every venue of the pool}.

    Venues with the same hours, size and kind, nothing kept there and no travel times of their
    own form one pool that the model treats as a whole; each pool is turned back into named
    venues after solving. Without this, four identical pitches make 24 symmetric copies of
    every timetable and the solver never proves the optimum.
    """
    used = {v for t in plan.tasks for v in t.venue_ids if v in snap.venue_by_id}
    special = {e.venue_id for e in plan.kept} | {a for a, _, _ in snap.travel}
    special |= {b for _, b, _ in snap.travel}
    pools: dict[object, list[int]] = defaultdict(list)
    for vid in sorted(used):
        v = snap.venue_by_id[vid]
        sig = ("own", vid) if vid in special else (v.kind, v.capacity, v.opens_at, v.closes_at)
        pools[sig].append(vid)
    return {ids[0]: tuple(ids) for ids in pools.values()}


def subtract(ranges: Ranges, holes: Iterable[tuple[int, int]]) -> Ranges:
    """``ranges`` without the inclusive ``holes``."""
    out = list(ranges)
    for a, b in sorted(holes):
        nxt: list[tuple[int, int]] = []
        for lo, hi in out:
            if b < lo or a > hi:
                nxt.append((lo, hi))
                continue
            if lo < a:
                nxt.append((lo, a - 1))
            if b < hi:
                nxt.append((b + 1, hi))
        out = nxt
    return tuple(out)


def first_at_or_after(ranges: Sequence[tuple[int, int]], slot: int) -> int | None:
    """The first slot of ``ranges`` at or after ``slot`` (None when there is none)."""
    for lo, hi in ranges:
        if slot <= hi:
            return max(lo, slot)
    return None


def union(many: Iterable[Ranges]) -> Ranges:
    """The slots that are in any of the ranges."""
    merged: list[list[int]] = []
    for lo, hi in sorted(r for ranges in many for r in ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return tuple((lo, hi) for lo, hi in merged)


def packed_starts(starts: Ranges, size: int) -> list[int]:
    """Starts of tasks of ``size`` slots packed back to back, each as early as ``starts`` allow.

    On one venue, the i-th task of a day (by start) starts no earlier than the i-th of these:
    the first start any task may take, then the first one at or after the previous plus the
    shortest task.
    """
    seq: list[int] = []
    cur = first_at_or_after(starts, starts[0][0]) if starts else None
    while cur is not None:
        seq.append(cur)
        cur = first_at_or_after(starts, cur + size)
    return seq


def on_grid(window: Window, grid: Sequence[int]) -> Window | None:
    """The window with only the starts on ``grid`` (None when none is left)."""
    ranges = tuple((g, g) for g in grid if any(lo <= g <= hi for lo, hi in window.ranges))
    return replace(window, ranges=ranges) if ranges else None


class WindowFinder:
    """Computes every task's windows, and the reason when a task has none."""

    def __init__(self, snap: ProgrammeSnapshot, plan: Plan, clock: Clock) -> None:
        self.snap, self.plan, self.clock, self.s = snap, plan, clock, snap.settings
        self.pools = venue_pools(snap, plan)
        self.kept_people = {e.id: snap.participants(e) for e in plan.kept}

    def must_avoid(self, task: Task, people: frozenset[int]) -> list[EventInfo]:
        """Kept events the task's people or clubs attend, and the events for everyone."""
        clubs = set(task.club_ids)
        return [
            e
            for e in self.plan.kept
            if for_everyone(e) or people & self.kept_people[e.id] or clubs & set(e.club_ids)
        ]

    def blocked(self, task: Task, venue_id: int, avoid: list[EventInfo]) -> list[tuple[int, int]]:
        """Start slots a kept event rules out: the event itself, travel there and back.

        The same rule the model states with no-overlap constraints, written into the domain
        so that the per-day bounds know, for instance, that a match cannot start between
        11:15 and 13:45 around a lunch for everyone at another venue.
        """
        holes = []
        for e in avoid:
            there = self.snap.travel_minutes(venue_id, e.venue_id)
            back = self.snap.travel_minutes(e.venue_id, venue_id)
            lo, hi = self.clock.span(e, back)
            holes.append((lo - self.clock.slots(task.minutes + there) + 1, hi - 1))
        for e in self.plan.kept:  # the venue itself is taken (pools never hold kept events)
            if e.venue_id == venue_id:
                lo, hi = self.clock.span(e)
                holes.append((lo - self.clock.slots(task.minutes) + 1, hi - 1))
        return holes

    def windows(self, task: Task, people: frozenset[int]) -> tuple[list[Window], str | None]:
        """Where and when a task may start, and why it cannot go anywhere (None if it can)."""
        snap, s, clock = self.snap, self.s, self.clock
        persons = [snap.person_by_id[p] for p in people]
        stays = [snap.stay_of(p) for p in persons]
        arrive = max((a for a, _ in stays), default=snap.arrival_at)
        leave = min((b for _, b in stays), default=snap.departure_at)
        minors = any(p.is_minor for p in persons)
        duration = clock.slots(task.minutes)
        reps = {r for r, ids in self.pools.items() if set(ids) & set(task.venue_ids)}
        venues = [snap.venue_by_id[v] for v in sorted(reps)]
        fitting = [v for v in venues if v.capacity is None or v.capacity >= len(persons)]
        avoid = self.must_avoid(task, people)
        found: list[Window] = []
        for k, day in enumerate(snap.days()):
            for v in fitting:
                opens = v.opens_at or s.day_start
                closes = v.closes_at or s.day_end
                day_open = dt.datetime.combine(day, opens)
                day_close = (
                    dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
                    if closes <= opens or closes == dt.time(23, 59, 59)
                    else dt.datetime.combine(day, closes)
                )
                # the programme's day (day_start to day_end) bounds what the planner places
                earliest = [day_open, arrive, dt.datetime.combine(day, s.day_start)]
                latest_end = [day_close, leave, dt.datetime.combine(day, s.day_end)]
                if task.not_before:
                    earliest.append(task.not_before)
                if task.deadline:
                    latest_end.append(task.deadline)
                if minors:
                    earliest.append(dt.datetime.combine(day, s.early_hour))
                    latest_end.append(dt.datetime.combine(day, s.late_hour))
                if task.start_window:
                    earliest.append(dt.datetime.combine(day, task.start_window[0]))
                lo = clock.ceil(max(earliest))
                hi = clock.floor(min(latest_end)) - duration
                if task.start_window:
                    hi = min(hi, clock.floor(dt.datetime.combine(day, task.start_window[1])))
                if lo > hi:
                    continue
                ranges = subtract(((lo, hi),), self.blocked(task, v.id, avoid))
                if ranges:
                    base = clock.ceil(max(day_open, dt.datetime.combine(day, s.day_start)))
                    found.append(Window(v.id, k, ranges, base))
        if found:
            return found, None
        return found, self._why_none(task, venues, fitting, persons, minors, avoid)

    def _why_none(
        self,
        task: Task,
        venues: list[VenueInfo],
        fitting: list[VenueInfo],
        persons: Sequence[PersonInfo],
        minors: bool,
        avoid: list[EventInfo],
    ) -> str:
        if not venues:
            return _("there is no venue for it")
        if not fitting:
            biggest = max(v.capacity or 0 for v in venues)
            return ngettext(
                "no venue holds its {n} person (the largest holds {largest})",
                "no venue holds its {n} people (the largest holds {largest})",
                len(persons),
            ).format(n=len(persons), largest=biggest)
        names = ", ".join(v.name for v in fitting[:3]) + (" …" if len(fitting) > 3 else "")
        limits = [
            ngettext(
                "{venues} is open for {minutes} min",
                "{venues} are open for {minutes} min",
                len(fitting),
            ).format(venues=names, minutes=task.minutes)
        ]
        if persons:
            limits.append(_("everyone taking part is there"))
        if minors:
            limits.append(
                _("it ends by {time} for the minors").format(time=format_time(self.s.late_hour))
            )
        if task.deadline:
            limits.append(_("it ends by {moment}").format(moment=format_moment(task.deadline)))
        if task.start_window:
            a, b = task.start_window
            limits.append(
                _("it starts between {first} and {last}").format(
                    first=format_time(a), last=format_time(b)
                )
            )
        if avoid:
            limits.append(_("it keeps clear of the events already in the programme"))
        return _("there is no time on the visit's days when {conditions}").format(
            conditions=join_words(limits)
        )
