"""A greedy timetable in milliseconds: each task in turn takes its cheapest start still free.

It keeps every rule (resources, day limits, orders), so it is a valid first timetable; the
solver starts from it (a hint) and improves it. Tasks that go early in the day are placed
first, those that must come first before those that follow; rehearsals then go as late as
what they prepare allows, the last one first.
"""

from __future__ import annotations

from collections import defaultdict

from twinplanner.planning.programme.model import start_cost
from twinplanner.planning.programme.rules import DayLimit, Problem, Resource
from twinplanner.planning.programme.windows import Window

Chosen = dict[str, tuple[Window, int]]


def _topological(keys: list[str], before: dict[str, set[str]]) -> list[str]:
    """``keys`` with every task after those it follows, otherwise in the given order."""
    done: set[str] = set()
    out: list[str] = []
    pending = list(keys)
    while pending:
        ready = [k for k in pending if not (before[k] & set(pending)) - done]
        nxt = ready[0] if ready else pending[0]  # a cycle: break it in plan order
        pending.remove(nxt)
        done.add(nxt)
        out.append(nxt)
    return out


class Greedy:
    """Places the tasks one by one on the windows it is given."""

    def __init__(self, problem: Problem, windows: dict[str, list[Window]]) -> None:
        self.problem, self.windows = problem, windows
        self.resources_of: dict[str, list[tuple[Resource, int, int | None]]] = defaultdict(list)
        for r in problem.rules.resources:
            for u in r.uses:
                self.resources_of[u.key].append((r, u.length, u.venue_id))
        self.running: dict[str, list[tuple[int, int]]] = defaultdict(list)  # resource: spans
        self.limits_of: dict[str, list[DayLimit]] = defaultdict(list)
        for limit in problem.rules.day_limits:
            for k in limit.keys:
                self.limits_of[k].append(limit)
        self.count: dict[int, int] = defaultdict(int)  # id(limit) -> tasks placed
        self.chosen: Chosen = {}

    def solve(self) -> Chosen:
        """The greedy timetable: task key -> (window, start slot)."""
        tasks = self.problem.plan.tasks
        before: dict[str, set[str]] = defaultdict(set)
        after: dict[str, set[str]] = defaultdict(set)
        for o in self.problem.rules.orders:
            before[o.later].add(o.first)
            after[o.first].add(o.later)
        early = [t.key for t in tasks if not t.pull_to_next]
        late = [t.key for t in reversed(tasks) if t.pull_to_next]
        for key in _topological(early, before) + _topological(late, after):
            self._place(key)
        return self.chosen

    def _place(self, key: str) -> None:
        pb = self.problem
        lo, hi = -(10**9), 10**9
        for o in pb.rules.orders:
            if o.later == key and o.first in self.chosen:
                lo = max(lo, self.chosen[o.first][1] + o.gap)
            if o.first == key and o.later in self.chosen:
                hi = min(hi, self.chosen[o.later][1] - o.gap)
        options = [
            (start_cost(pb, key, w, g), g, i, w)
            for i, w in enumerate(self.windows[key])
            for a, b in w.ranges
            for g in range(max(a, lo), min(b, hi) + 1)
        ]
        for _, g, _, w in sorted(options, key=lambda o: o[:3]):
            if self._fits(key, w, g):
                self._take(key, w, g)
                return

    def _fits(self, key: str, w: Window, g: int) -> bool:
        for limit in self.limits_of[key]:
            if limit.day == w.day and self.count[id(limit)] >= limit.most:
                return False
        for r, length, venue_id in self.resources_of[key]:
            if venue_id is not None and venue_id != w.venue_id:
                continue
            end = g + length
            if any(g < b and a < end for a, b in r.blocked):
                return False
            spans = self.running[r.name]
            points = [g] + [a for a, _ in spans if g < a < end]
            for p in points:
                if sum(1 for a, b in spans if a <= p < b) + 1 > r.capacity:
                    return False
        return True

    def _take(self, key: str, w: Window, g: int) -> None:
        self.chosen[key] = (w, g)
        for limit in self.limits_of[key]:
            if limit.day == w.day:
                self.count[id(limit)] += 1
        for r, length, venue_id in self.resources_of[key]:
            if venue_id is None or venue_id == w.venue_id:
                self.running[r.name].append((g, g + length))
