"""A quick greedy placement: the baseline for benchmarks and the planner's starting hint."""

from __future__ import annotations

from collections import defaultdict

from twinplanner.planning.housing import minors
from twinplanner.planning.housing.candidates import Candidates, bit_indices, build_candidates
from twinplanner.planning.housing.problem import Household, HousingProblem, Party
from twinplanner.planning.housing.rules import bed_use, fits
from twinplanner.planning.housing.scoring import base_points, soft_key, specific_points


class _Load:
    """Guests per household while the greedy fills them."""

    def __init__(self, problem: HousingProblem) -> None:
        self.problem = problem
        self.people: dict[int, int] = defaultdict(int)
        self.couples: dict[int, int] = defaultdict(int)
        self.minors: dict[int, int] = defaultdict(int)
        self.locked_minors: dict[int, int] = defaultdict(int)
        self.use = {p.id: bed_use(p) for p in problem.parties}

    def add(self, party: Party, hid: int, sign: int = 1) -> None:
        people, couples = self.use[party.id]
        self.people[hid] += sign * people
        self.couples[hid] += sign * couples
        self.minors[hid] += sign * party.minors

    def room(self, party: Party, household: Household) -> bool:
        people, couples = self.use[party.id]
        hid = household.id
        return fits(household, self.people[hid] + people, self.couples[hid] + couples)

    def gain(self, party: Party, household: Household, points: int) -> int:
        """Points of putting the party here, with the household-wide terms it changes."""
        w = self.problem.weights
        gain = points
        if household.preferred_guests is not None:
            before = max(0, self.people[household.id] - household.preferred_guests)
            after = max(0, self.people[household.id] + party.size - household.preferred_guests)
            gain -= w.over_preferred * (after - before)
        if self.problem.settings.minors_in_pairs and party.minors == 1:
            gain += 1000 if self.minors[household.id] else 0  # join minors already there
        return gain


def greedy_placement(
    problem: HousingProblem, candidates: Candidates | None = None
) -> dict[int, int]:
    """Place the hardest parties first, each with its best household that still has room."""
    cands = candidates or build_candidates(problem)
    load = _Load(problem)
    placed: dict[int, int] = {}
    for party in problem.parties:
        if problem.fixed(party):
            hid = party.current_household
            assert hid is not None
            placed[party.id] = hid
            load.add(party, hid)
            load.locked_minors[hid] += party.minors
    free = [p for p in problem.parties if not problem.fixed(p)]
    free.sort(key=lambda p: (cands.allowed[p.id].bit_count(), -p.size, -p.minors, p.id))
    for party in free:
        hid = _best(problem, cands, load, party)
        if hid is not None:
            placed[party.id] = hid
            load.add(party, hid)
    if problem.settings.minors_in_pairs:
        _repair_lone_minors(problem, cands, load, placed)
    return placed


def _best(problem: HousingProblem, cands: Candidates, load: _Load, party: Party) -> int | None:
    best: tuple[int, int] | None = None
    for hid in cands.chosen.get(party.id, ()):
        household = problem.household(hid)
        if household is None or not load.room(party, household):
            continue
        gain = load.gain(party, household, cands.points[(party.id, hid)])
        if best is None or (gain, -hid) > (best[0], -best[1]):
            best = (gain, hid)
    if best is None and cands.pruned:  # every candidate is full: any allowed household
        base: dict[tuple, int] = {}
        for i in bit_indices(cands.allowed[party.id]):
            household = problem.households[i]
            if load.room(party, household):
                key = soft_key(problem, household)
                if key not in base:
                    base[key] = base_points(problem, party, household)
                points = base[key] + specific_points(problem, party, household)
                gain = load.gain(party, household, points)
                if best is None or (gain, -household.id) > (best[0], -best[1]):
                    best = (gain, household.id)
    return None if best is None else best[1]


def _repair_lone_minors(
    problem: HousingProblem, cands: Candidates, load: _Load, placed: dict[int, int]
) -> None:
    """Move (or, failing that, unplace) a party that left a minor alone in a household."""
    for _ in range(len(problem.parties) + 1):
        lone = [
            hid
            for hid, n in sorted(load.minors.items())
            if not minors.pairs_ok(n, True)
            and not load.locked_minors[hid]
            and problem.household(hid) is not None
        ]
        if not lone:
            return
        hid = lone[0]
        party = next(
            problem.party(pid)
            for pid, h in sorted(placed.items())
            if h == hid and problem.party(pid).minors and not problem.fixed(problem.party(pid))
        )
        load.add(party, hid, -1)
        del placed[party.id]
        for i in bit_indices(cands.allowed[party.id]):
            target = problem.households[i]
            if target.id != hid and load.minors[target.id] >= 1 and load.room(party, target):
                placed[party.id] = target.id
                load.add(party, target.id)
                break
