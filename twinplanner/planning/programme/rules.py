"""The rules of a timetable as plain data: resources with capacities, day limits and orders.

Both solver models (the interval model and the quick model on a grid of starts) state the
same rules from these values, so a timetable of the quick model is one of the full model.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from twinplanner.domain.enums import EventKind
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.planning.programme.tasks import Plan, Task
from twinplanner.planning.programme.windows import (
    Clock,
    Window,
    WindowFinder,
    for_everyone,
    participants,
)


@dataclass(frozen=True, slots=True)
class Use:
    """A task holding a resource for ``length`` slots from its start."""

    key: str
    length: int
    venue_id: int | None = None  # only when placed at this venue (pool); None: whenever placed


@dataclass(frozen=True, slots=True)
class Resource:
    """Something that holds at most ``capacity`` tasks at once: a venue, a pool, a team."""

    name: str
    capacity: int
    uses: tuple[Use, ...]
    blocked: tuple[tuple[int, int], ...] = ()  # [first, end) slots taken by kept events


@dataclass(frozen=True, slots=True)
class DayLimit:
    """At most ``most`` of these tasks on visit day ``day`` (a team's matches)."""

    keys: tuple[str, ...]
    day: int
    most: int


@dataclass(frozen=True, slots=True)
class Order:
    """Task ``later`` starts at least ``gap`` slots after the start of ``first``."""

    later: str
    first: str
    gap: int


@dataclass(frozen=True)
class Rules:
    """Every rule a timetable keeps besides its tasks' own windows."""

    resources: tuple[Resource, ...]
    day_limits: tuple[DayLimit, ...]
    orders: tuple[Order, ...]


def merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Spans of kept events, overlapping ones merged (they may already clash)."""
    out: list[list[int]] = []
    for lo, hi in sorted(spans):
        if out and lo < out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return tuple((lo, hi) for lo, hi in out)


class RuleMaker:
    """States the rules of a plan whose tasks have their windows."""

    def __init__(
        self,
        snap: ProgrammeSnapshot,
        plan: Plan,
        clock: Clock,
        windows: dict[str, list[Window]],
        pools: dict[int, tuple[int, ...]],
        people: dict[str, frozenset[int]],
    ) -> None:
        self.snap, self.plan, self.clock = snap, plan, clock
        self.windows, self.pools, self.people = windows, pools, people
        self.task_by_key = {t.key: t for t in plan.tasks}

    def rules(self) -> Rules:
        """Venues, people and clubs, rest between matches, day limits and orders."""
        teams, limits = self._matches()
        return Rules(
            tuple(self._venues() + self._actors() + teams), tuple(limits), tuple(self._orders())
        )

    def _venues_of(self, key: str) -> set[int]:
        return {v for w in self.windows[key] for v in self.pools.get(w.venue_id, (w.venue_id,))}

    def _venues(self) -> list[Resource]:
        """A venue holds one event at a time; a pool of P venues holds P."""
        uses: dict[int, list[Use]] = defaultdict(list)
        for t in self.plan.tasks:
            size = self.clock.slots(t.minutes)
            for venue_id in sorted({w.venue_id for w in self.windows[t.key]}):
                uses[venue_id].append(Use(t.key, size, venue_id))
        kept: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for e in self.plan.kept:
            if e.venue_id in uses:
                kept[e.venue_id].append(self.clock.span(e))
        return [
            Resource(
                f"venue {vid}",
                len(self.pools.get(vid, (vid,))),
                tuple(items),
                merged(kept[vid]),
            )
            for vid, items in sorted(uses.items())
        ]

    def _actor_groups(self) -> dict[tuple[tuple[str, ...], tuple[int, ...]], None]:
        """For each person and club: the tasks and kept events they take part in."""
        kept_people = {e.id: self.snap.participants(e) for e in self.plan.kept}
        groups: dict[tuple[tuple[str, ...], tuple[int, ...]], None] = {}
        actors: set[tuple[str, int]] = set()
        for t in self.plan.tasks:
            actors |= {("p", p) for p in self.people[t.key]} | {("c", c) for c in t.club_ids}
        for kind, ident in sorted(actors):
            if kind == "p":
                tasks = tuple(t.key for t in self.plan.tasks if ident in self.people[t.key])
                kept = tuple(
                    e.id for e in self.plan.kept if ident in kept_people[e.id] or for_everyone(e)
                )
            else:
                tasks = tuple(t.key for t in self.plan.tasks if ident in t.club_ids)
                kept = tuple(e.id for e in self.plan.kept if ident in e.club_ids or for_everyone(e))
            if tasks and len(tasks) + len(kept) >= 2:
                groups[(tasks, kept)] = None
        everyone = tuple(e.id for e in self.plan.kept if for_everyone(e))
        for t in self.plan.tasks:  # a final whose teams are not known yet: still not over lunch
            if not self.people[t.key] and not t.club_ids and everyone:
                groups[((t.key,), everyone)] = None
        return groups

    def _actors(self) -> list[Resource]:
        """Nobody in two places at once, with travel time between venues."""
        kept_by_id = {e.id: e for e in self.plan.kept}
        travel = self.snap.travel_minutes
        out = []
        for n, (task_keys, kept_ids) in enumerate(self._actor_groups()):
            task_venues = set().union(*(self._venues_of(k) for k in task_keys))
            venues = task_venues | {
                kept_by_id[i].venue_id for i in kept_ids if kept_by_id[i].venue_id
            }
            uses = []
            for k in task_keys:
                if not self.windows[k]:
                    continue
                own = self._venues_of(k)
                tail = max((travel(a, b) for a in own for b in venues), default=0)
                uses.append(Use(k, self.clock.slots(self.task_by_key[k].minutes + tail)))
            spans = []
            for i in kept_ids:
                e = kept_by_id[i]
                after = max((travel(e.venue_id, v) for v in task_venues), default=0)
                spans.append(self.clock.span(e, after))
            if len(uses) + len(spans) > 1 and uses:
                out.append(Resource(f"people {n}", 1, tuple(uses), merged(spans)))
        return out

    def _matches(self) -> tuple[list[Resource], list[DayLimit]]:
        """Rest between a team's matches and at most N matches a day."""
        s = self.snap.settings
        match = EventKind.MATCH.value
        teams = sorted({c for t in self.plan.tasks if t.kind == match for c in t.club_ids})
        resources, limits = [], []
        for cid in teams:
            games = [
                t
                for t in self.plan.tasks
                if t.kind == match and cid in t.club_ids and self.windows[t.key]
            ]
            kept = [e for e in self.plan.kept if e.kind == match and cid in e.club_ids]
            uses = tuple(
                Use(t.key, self.clock.slots(t.minutes + s.min_rest_minutes)) for t in games
            )
            spans = merged([self.clock.span(e, s.min_rest_minutes) for e in kept])
            if uses and len(uses) + len(spans) > 1:
                resources.append(Resource(f"team {cid}", 1, uses, spans))
            for k, day in enumerate(self.snap.days()):
                already = sum(1 for e in kept if e.starts_at.date() == day)
                keys = tuple(t.key for t in games if any(w.day == k for w in self.windows[t.key]))
                if keys and len(keys) + already > s.max_matches_per_day:
                    limits.append(DayLimit(keys, k, max(s.max_matches_per_day - already, 0)))
        return resources, limits

    def _orders(self) -> list[Order]:
        """What must come first ends first (group games before finals, rehearsals in order)."""
        out = self._twins()
        for t in self.plan.tasks:
            for key, gap in t.after:
                if key in self.task_by_key and self.windows[t.key] and self.windows[key]:
                    first = self.task_by_key[key]
                    out.append(Order(t.key, key, self.clock.slots(first.minutes + gap)))
        return out

    def _twins(self) -> list[Order]:
        """Tasks alike in every respect start in the order of the plan (the final after the
        match for third place): swapping two of them changes nothing, so the solver need not
        look at both orders."""
        followers: dict[str, set[tuple[str, int]]] = defaultdict(set)
        for u in self.plan.tasks:
            for key, gap in u.after:
                followers[key].add((u.key, gap))
        alike: dict[tuple[object, ...], list[str]] = defaultdict(list)
        for t in self.plan.tasks:
            if t.event_id is None and self.windows[t.key]:
                sig: tuple[object, ...] = (t.kind, t.minutes, t.venue_ids, t.club_ids)
                sig += (t.person_ids, t.category, t.after, t.deadline, t.not_before)
                sig += (t.start_window, t.prepares_id, t.pull_to_next)
                sig += (frozenset(followers[t.key]),)
                alike[sig].append(t.key)
        return [
            Order(later, first, 0)
            for keys in alike.values()
            for first, later in zip(keys, keys[1:], strict=False)
        ]


@dataclass(frozen=True)
class Problem:
    """A plan made ready for the solvers: slots, windows, pools and rules."""

    snap: ProgrammeSnapshot
    plan: Plan
    clock: Clock
    windows: dict[str, list[Window]]
    reasons: dict[str, str]  # tasks with no window at all, and why
    pools: dict[int, tuple[int, ...]]
    people: dict[str, frozenset[int]]
    size: dict[str, int]  # slots each task takes
    rules: Rules

    def pool(self, venue_id: int) -> tuple[int, ...]:
        """The venues a pool's first venue stands for (itself when it is no pool)."""
        return self.pools.get(venue_id, (venue_id,))

    def plan_task(self, key: str) -> Task:
        """The task of a key."""
        return self._tasks[key]

    @cached_property
    def _tasks(self) -> dict[str, Task]:
        return {t.key: t for t in self.plan.tasks}

    def latest(self, key: str) -> int:
        """The latest start slot a task may take at all."""
        return max(w.hi for w in self.windows[key])

    @cached_property
    def prepares(self) -> dict[str, tuple[str, int]]:
        """For a rehearsal: the task it prepares (listed as coming after it) and the order's gap."""
        out: dict[str, tuple[str, int]] = {}
        for o in self.rules.orders:
            later = self._tasks[o.later]
            if o.first not in out and any(k == o.first for k, _ in later.after):
                out[o.first] = (o.later, o.gap)
        return out


def make_problem(snap: ProgrammeSnapshot, plan: Plan) -> Problem:
    """Windows and rules of every task of the plan."""
    clock = Clock(
        dt.datetime.combine(snap.arrival_at.date(), dt.time()), snap.settings.slot_minutes
    )
    finder = WindowFinder(snap, plan, clock)
    people = {t.key: participants(snap, t) for t in plan.tasks}
    windows: dict[str, list[Window]] = {}
    reasons: dict[str, str] = {}
    for t in plan.tasks:
        windows[t.key], reason = finder.windows(t, people[t.key])
        if reason is not None:
            reasons[t.key] = reason
    rules = RuleMaker(snap, plan, clock, windows, finder.pools, people).rules()
    size = {t.key: clock.slots(t.minutes) for t in plan.tasks}
    return Problem(snap, plan, clock, windows, reasons, finder.pools, people, size, rules)
