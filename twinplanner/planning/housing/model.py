"""The CP-SAT model of a placement: one yes/no per party and candidate household."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from twinplanner.planning.housing.candidates import Candidates
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.planning.housing.rules import bed_use, fits
from twinplanner.planning.housing.scoring import pair_points


@dataclass
class PlacementModel:
    """The model with its variables and the two objectives (people, then points)."""

    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar]
    people: cp_model.LinearExpr
    points: cp_model.LinearExpr
    locked_people: int
    locked_points: int  # points of locked placements, constant in every solution
    free_people_bound: int  # people of free parties that have at least one candidate
    points_terms: list[tuple[cp_model.IntVar, int]] = field(default_factory=list)
    # helper variables with the x keys that decide them, so a hint can be completed
    minors_hosted: list[tuple[cp_model.IntVar, list[tuple[int, int]]]] = field(default_factory=list)
    over: list[tuple[cp_model.IntVar, list[tuple[int, int]], int]] = field(default_factory=list)

    def points_span(self, problem: HousingProblem) -> int:
        """More than the points of the best placement minus those of the worst."""
        best: dict[int, int] = {}
        for (pid, _), coef in self._points_by_key().items():
            best[pid] = max(best.get(pid, 0), coef)
        return sum(best.values()) + self.worst_penalty(problem) + 1

    def worst_penalty(self, problem: HousingProblem) -> int:
        """The most points the household-wide terms can take off."""
        return problem.weights.over_preferred * sum(self._over_bounds())

    def _points_by_key(self) -> dict[tuple[int, int], int]:
        keys = {id(var): key for key, var in self.x.items()}
        return {keys[id(var)]: coef for var, coef in self.points_terms}

    def _over_bounds(self) -> list[int]:
        return [var.proto.domain[-1] for var, _, _ in self.over]

    def hint(self, problem: HousingProblem, chosen: dict[tuple[int, int], int]) -> None:
        """Hint every variable: the placements given, and the helpers they imply."""
        self.model.clear_hints()
        for key, var in self.x.items():
            self.model.add_hint(var, chosen.get(key, 0))
        for var, keys in self.minors_hosted:
            self.model.add_hint(var, int(any(chosen.get(k, 0) for k in keys)))
        for var, keys, offset in self.over:
            load = sum(problem.party(k[0]).size for k in keys if chosen.get(k, 0))
            self.model.add_hint(var, max(0, load + offset))


def build_model(problem: HousingProblem, cands: Candidates) -> PlacementModel:
    """Variables, hard rules as constraints, and both objectives as expressions."""
    model = cp_model.CpModel()
    w = problem.weights
    settings = problem.settings
    locked_people: dict[int, int] = defaultdict(int)
    locked_couples: dict[int, int] = defaultdict(int)
    locked_minors: dict[int, int] = defaultdict(int)
    locked_points = 0
    locked_total = 0
    for party in problem.parties:
        if problem.fixed(party):
            hid = party.current_household
            assert hid is not None
            people, couples = bed_use(party)
            locked_total += people
            household = problem.household(hid)
            assert household is not None
            locked_people[hid] += people
            locked_couples[hid] += couples
            locked_minors[hid] += party.minors
            locked_points += pair_points(problem, party, household)

    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_household: dict[int, list[tuple[int, int]]] = defaultdict(list)
    free_bound = 0
    for party in problem.parties:
        if problem.fixed(party):
            continue
        people, couples = bed_use(party)
        own = []
        for hid in cands.chosen.get(party.id, ()):
            household = problem.household(hid)
            if household is None or not fits(
                household, locked_people[hid] + people, locked_couples[hid] + couples
            ):
                continue
            var = model.new_bool_var(f"x_{party.id}_{hid}")
            x[(party.id, hid)] = var
            own.append(var)
            by_household[hid].append((party.id, hid))
        if own:
            free_bound += people
            model.add_at_most_one(own)

    over_terms: list[cp_model.IntVar] = []
    minors_hosted: list = []
    over_list: list = []
    for hid, keys in sorted(by_household.items()):
        household = problem.household(hid)
        assert household is not None
        sizes = [(x[k], bed_use(problem.party(k[0]))) for k in keys]
        load = cp_model.LinearExpr.weighted_sum([v for v, _ in sizes], [u[0] for _, u in sizes])
        most = sum(size for _, (size, _) in sizes)
        room = household.capacity - locked_people[hid]
        if most > room:
            model.add(load <= room)
        singles = (
            household.beds - household.double_beds - (locked_people[hid] - locked_couples[hid])
        )
        if sum(size - couples for _, (size, couples) in sizes) > singles:
            model.add(
                cp_model.LinearExpr.weighted_sum(
                    [v for v, _ in sizes], [u[0] - u[1] for _, u in sizes]
                )
                <= singles
            )
        if settings.minors_in_pairs and not locked_minors[hid]:
            minor_terms = [
                (var, problem.party(k[0]).minors)
                for var, k in zip((v for v, _ in sizes), keys, strict=True)
                if problem.party(k[0]).minors
            ]
            if any(n == 1 for _, n in minor_terms):
                hosts = model.new_bool_var(f"minors_{hid}")
                count = sum(n * var for var, n in minor_terms)
                model.add(count >= 2).only_enforce_if(hosts)
                model.add(count == 0).only_enforce_if(~hosts)
                minors_hosted.append((hosts, [k for k in keys if problem.party(k[0]).minors]))
        pref = household.preferred_guests
        if pref is not None and w.over_preferred and locked_people[hid] + most > pref:
            over = model.new_int_var(0, locked_people[hid] + most, f"over_{hid}")
            model.add(over >= locked_people[hid] + load - pref)
            over_terms.append(over)
            over_list.append((over, keys, locked_people[hid] - pref))

    for group in cands.groups:  # identical households: fill them in order
        loads = []
        for hid in group:
            keys = by_household.get(hid, [])
            loads.append(
                cp_model.LinearExpr.weighted_sum(
                    [x[k] for k in keys], [problem.party(k[0]).size for k in keys]
                )
            )
        if all(by_household.get(hid) for hid in group):
            for a, b in zip(loads, loads[1:], strict=False):
                model.add(a >= b)

    people = cp_model.LinearExpr.weighted_sum(
        list(x.values()), [problem.party(pid).size for pid, _ in x]
    )
    terms = [(var, cands.points[key]) for key, var in x.items() if cands.points[key]]
    points = cp_model.LinearExpr.weighted_sum(
        [v for v, _ in terms] + over_terms,
        [c for _, c in terms] + [-w.over_preferred] * len(over_terms),
    )
    return PlacementModel(
        model,
        x,
        people,
        points,
        locked_total,
        locked_points,
        free_bound,
        terms,
        minors_hosted,
        over_list,
    )
