"""Which households each party may go to, and the best few the planner weighs on big visits.

The hard rules are applied in bulk with bit sets over the households: each attribute rule is
decided once per distinct pair of keys, never once per party and household. On big visits
each party keeps only its best candidates (specific ties first, then the best-scoring groups
of households, in a window that differs per party so demand spreads); households that are
identical in every respect are kept or dropped together so the planner may order them.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections import defaultdict
from dataclasses import dataclass

from twinplanner.planning.housing import rules
from twinplanner.planning.housing.problem import Household, HousingProblem, Party
from twinplanner.planning.housing.scoring import (
    base_points,
    club_home_areas,
    soft_key,
    specific_points,
)

# Below this many allowed party-household pairs every pair is weighed (so small visits are
# solved to a proof over all households); above it each party keeps its best candidates.
PRUNE_ABOVE_PAIRS = 20_000


@dataclass(frozen=True)
class Candidates:
    """Allowed and chosen households per party, their points, and interchangeable households."""

    allowed: dict[int, int]  # party id -> bit set over problem.households (all hard rules)
    chosen: dict[int, tuple[int, ...]]  # party id -> household ids the planner weighs
    points: dict[tuple[int, int], int]  # (party id, household id) -> points
    groups: tuple[tuple[int, ...], ...]  # identical households, each group sorted by id
    pruned: bool

    def allowed_ids(self, problem: HousingProblem, party_id: int) -> list[int]:
        """All household ids the hard rules allow for a party (before pruning)."""
        return [problem.households[i].id for i in bit_indices(self.allowed.get(party_id, 0))]


def bit_indices(mask: int) -> list[int]:
    """Positions of the set bits, lowest first."""
    result = []
    while mask:
        low = mask & -mask
        result.append(low.bit_length() - 1)
        mask ^= low
    return result


def rule_masks(problem: HousingProblem) -> dict[rules.RuleCode, dict[int, int]]:
    """For every attribute rule, the bit set of households it forbids, per party id."""
    households = problem.households
    result: dict[rules.RuleCode, dict[int, int]] = {}
    for rule in rules.attribute_rules(problem.settings):
        groups: dict[object, int] = defaultdict(int)
        for i, h in enumerate(households):
            groups[rule.household_key(problem, h)] |= 1 << i
        cache: dict[object, int] = {}
        forbidden: dict[int, int] = {}
        for party in problem.parties:
            key = rule.party_key(problem, party)
            mask = cache.get(key)
            if mask is None:
                mask = 0
                for hkey, group_mask in groups.items():
                    if rule.forbids(key, hkey):
                        mask |= group_mask
                cache[key] = mask
            forbidden[party.id] = mask
        result[rule.code] = forbidden
    return result


def allowed_masks(problem: HousingProblem) -> dict[int, int]:
    """Party id to the bit set of households every hard rule of the pair allows."""
    full = (1 << len(problem.households)) - 1
    index = {h.id: i for i, h in enumerate(problem.households)}
    masks = {p.id: full for p in problem.parties}
    for forbidden in rule_masks(problem).values():
        for pid, mask in forbidden.items():
            masks[pid] &= ~mask
    for party in problem.parties:
        for hid in party.excluded:
            if hid in index:
                masks[party.id] &= ~(1 << index[hid])
    return masks


def _special_households(problem: HousingProblem) -> set[int]:
    special: set[int] = set()
    for p in problem.parties:
        special |= p.wished | p.excluded
        special.update(hid for hid, _ in p.previous_hosts)
        if p.current_household is not None:
            special.add(p.current_household)
    return special


def _identity(problem: HousingProblem, h: Household) -> Household:
    return dataclasses.replace(h, id=0, name="", district=problem.settings.area_of(h.district))


def identical_groups(problem: HousingProblem) -> dict[int, tuple[int, ...]]:
    """Household index to the indices of households identical to it (itself included)."""
    special = _special_households(problem)
    by_key: dict[Household, list[int]] = defaultdict(list)
    result: dict[int, tuple[int, ...]] = {}
    for i, h in enumerate(problem.households):
        if h.id in special:
            result[i] = (i,)
        else:
            by_key[_identity(problem, h)].append(i)
    for members in by_key.values():
        for i in members:
            result[i] = tuple(members)
    return result


def _spread(party_id: int, size: int) -> int:
    return zlib.crc32(party_id.to_bytes(8, "little", signed=True)) % size if size else 0


def build_candidates(
    problem: HousingProblem, must_include: dict[int, int] | None = None, limit: int | None = None
) -> Candidates:
    """Allowed households per party and the ones the planner weighs, with their points.

    ``must_include`` (e.g. the greedy placement) adds a household to a party's candidates.
    """
    households = problem.households
    must_include = must_include or {}
    limit = problem.settings.candidates_per_party if limit is None else limit
    index = {h.id: i for i, h in enumerate(households)}
    allowed = allowed_masks(problem)
    free = [p for p in problem.parties if not problem.fixed(p)]
    pruned = sum(allowed[p.id].bit_count() for p in free) > PRUNE_ABOVE_PAIRS
    identical = identical_groups(problem)
    classes: dict[tuple, list[int]] = defaultdict(list)
    for i, h in enumerate(households):
        classes[soft_key(problem, h)].append(i)
    class_list = [
        sorted(m, key=lambda i: (identical[i][0], i))
        for _, m in sorted(classes.items(), key=lambda kv: kv[1][0])
    ]
    class_masks = [sum(1 << i for i in members) for members in class_list]
    class_of = {i: c for c, members in enumerate(class_list) for i in members}
    spread_order = sorted(range(len(households)), key=lambda i: (identical[i][0], i))
    area_masks: dict[str, int] = defaultdict(int)
    for i, h in enumerate(households):
        area_masks[problem.settings.area_of(h.district)] |= 1 << i
    chosen: dict[int, tuple[int, ...]] = {}
    points: dict[tuple[int, int], int] = {}
    for party in free:
        mask = allowed[party.id]
        if not pruned or mask.bit_count() <= limit:
            picked = set(bit_indices(mask))
        else:
            home = club_home_areas(problem).get(party.club) if party.club is not None else None
            home_mask = area_masks.get(home, 0) if home is not None else 0
            picked = _prune(
                problem, party, mask, limit, class_list, class_masks, home_mask, identical, index
            )
            _widen(party, mask, limit + limit // 3, spread_order, identical, picked)
        extra = must_include.get(party.id)
        if extra is not None and extra in index and mask >> index[extra] & 1:
            picked.update(identical[index[extra]])
        ids = tuple(sorted(households[i].id for i in picked))
        chosen[party.id] = ids
        base_cache: dict[int, int] = {}
        for i in sorted(picked):
            h = households[i]
            key = class_of[i]
            if key not in base_cache:
                base_cache[key] = base_points(problem, party, h)
            points[(party.id, h.id)] = base_cache[key] + specific_points(problem, party, h)
    groups = tuple(
        sorted(
            {tuple(sorted(households[i].id for i in g)) for g in identical.values() if len(g) > 1}
        )
    )
    return Candidates(allowed, chosen, points, groups, pruned)


def _prune(
    problem: HousingProblem,
    party: Party,
    mask: int,
    limit: int,
    class_list: list[list[int]],
    class_masks: list[int],
    home_mask: int,
    identical: dict[int, tuple[int, ...]],
    index: dict[int, int],
) -> set[int]:
    """The party's best allowed households: specific ties, then the best groups, spread."""
    picked: set[int] = set()
    ties = set(party.wished) | {hid for hid, _ in party.previous_hosts}
    if party.current_household is not None:
        ties.add(party.current_household)
    for hid in ties:
        i = index.get(hid)
        if i is not None and mask >> i & 1:
            picked.add(i)
    # Groups of households with the same points for this party: a soft class, split into the
    # club's home area and the rest.
    bonus = problem.weights.club_area * party.size
    everywhere = (1 << len(problem.households)) - 1
    scored = []
    for c, members in enumerate(class_list):
        base = base_points(problem, party, problem.households[members[0]])
        if mask & class_masks[c] & home_mask:
            scored.append((-(base + bonus), c, 0, mask & home_mask))
        if mask & class_masks[c] & ~home_mask:
            scored.append((-base, c, 1, mask & (everywhere ^ home_mask)))
    scored.sort(key=lambda t: t[:3])
    best = limit  # then _widen adds a third more from all households
    for _, c, _, sub in scored:
        members = class_list[c]
        n = len(members)
        start = _spread(party.id, n)
        for step in range(n):
            if len(picked) >= best:
                break
            i = members[(start + step) % n]
            if sub >> i & 1 and i not in picked:
                picked.update(identical[i])
        if len(picked) >= best:
            break
    return picked


def _widen(
    party: Party,
    mask: int,
    limit: int,
    order: list[int],
    identical: dict[int, tuple[int, ...]],
    picked: set[int],
) -> None:
    """Add allowed households from anywhere, in a window that differs per party.

    Candidates from the best groups alone crowd every party into the same households; these
    give the planner room to move parties out of the way.
    """
    n = len(order)
    start = _spread(party.id + 7919, n)
    for step in range(n):
        if len(picked) >= limit:
            return
        i = order[(start + step) % n]
        if mask >> i & 1 and i not in picked:
            picked.update(identical[i])


def include(problem: HousingProblem, cands: Candidates, placement: dict[int, int]) -> Candidates:
    """The candidates with each party's household in ``placement`` (and its twins) added."""
    index = {h.id: i for i, h in enumerate(problem.households)}
    identical = identical_groups(problem)
    chosen = dict(cands.chosen)
    points = dict(cands.points)
    for pid, hid in placement.items():
        if pid not in chosen or hid not in index or hid in chosen[pid]:
            continue
        party = problem.party(pid)
        added = [problem.households[i] for i in identical[index[hid]]]
        chosen[pid] = tuple(sorted(set(chosen[pid]) | {h.id for h in added}))
        for h in added:
            points[(pid, h.id)] = base_points(problem, party, h) + specific_points(
                problem, party, h
            )
    return dataclasses.replace(cands, chosen=chosen, points=points)
