"""The planner: most people housed, wishes, over-full visits, re-planning, determinism, cancel."""

from __future__ import annotations

import dataclasses
import threading

from tests.factories_housing import guest, home, minor, party, problem
from twinplanner.planning.housing.generate import generate
from twinplanner.planning.housing.greedy import greedy_placement
from twinplanner.planning.housing.problem import HousingSettings
from twinplanner.planning.housing.result import SolveStatus
from twinplanner.planning.housing.rules import plan_breaches
from twinplanner.planning.housing.solver import SolverOptions, plan_greedy, solve

QUICK = SolverOptions(time_limit=5.0)


def test_everyone_is_placed_when_beds_allow_and_proven_best() -> None:
    """A small visit with room for all is placed completely and proven optimal."""
    pr = problem([party(i) for i in range(1, 6)], [home(7, beds=3), home(8, beds=2)])
    result = solve(pr, QUICK)
    assert result.people_placed == 5 and not result.unplaced
    assert result.optimal and result.gap == 0.0
    assert plan_breaches(pr, result.as_mapping()) == []


def test_over_full_visit_places_as_many_as_possible_and_names_the_shortage() -> None:
    """More guests than beds: the most people are housed and the others hear who took the beds."""
    big = party(1, guest(1), guest(2), guest(3), name="Popescu")
    small = [party(i, name=f"Single {i}") for i in range(2, 5)]
    pr = problem([big, *small], [home(7, beds=3, name="Sabine Müller"), home(8, beds=1)])
    result = solve(pr, QUICK)
    assert result.people_placed == 4  # the family of three and one single: every bed used
    assert result.people_bound == 4 and result.optimal
    assert len(result.unplaced) == 2
    for item in result.unplaced:
        assert "took the last fitting beds" in item.reason
        assert item.reason.endswith(".")


def test_unplaceable_party_names_the_rule_that_leaves_no_household() -> None:
    """When no household fits, the reason counts the households each rule rules out."""
    allergic = party(1, guest(1, "Ana Popescu", animal_allergies=("cat",)), name="Popescu")
    pr = problem([allergic], [home(7, pets=("cat",)), home(8, pets=("cat", "dog"))])
    result = solve(pr, QUICK)
    (item,) = result.unplaced
    assert "No household fits the Popescu party" in item.reason
    assert "2 keep an animal a member is allergic to" in item.reason
    assert "Ana Popescu is allergic to cats" in item.reason


def test_repeat_host_and_named_wish_are_preferred() -> None:
    """Among equal households, the earlier host and a named wish win."""
    again = party(1, previous_hosts=((8, 1),))
    wishing = party(2, wished=frozenset({9}))
    pr = problem([again, wishing], [home(7, beds=1), home(8, beds=1), home(9, beds=1)])
    result = solve(pr, QUICK)
    assert result.household_of(1) == 8 and result.household_of(2) == 9
    met = {w.key: w.met for w in result.breakdown}
    assert met["repeat_host"] == 1 and met["named_wish"] == 1


def test_shared_language_is_preferred() -> None:
    """A French speaker goes to the household that speaks French."""
    pr = problem(
        [party(1, guest(1, languages=("fr",)))],
        [home(7, languages=("de",)), home(8, languages=("de", "fr"))],
    )
    assert solve(pr, QUICK).household_of(1) == 8


def test_placing_people_dominates_every_wish() -> None:
    """A wish is given up when keeping it would leave someone without a bed."""
    wishing = party(1, wished=frozenset({7}), previous_hosts=((7, 1),))
    picky = party(2, guest(2, needs_step_free=True))  # only household 7 is step-free
    pr = problem([wishing, picky], [home(7, beds=1, step_free=True), home(8, beds=1)])
    result = solve(pr, QUICK)
    assert result.people_placed == 2
    assert result.household_of(2) == 7 and result.household_of(1) == 8


def test_locked_placement_is_kept() -> None:
    """A locked party stays with its household even when another would score more."""
    locked = party(1, current_household=7, locked=True, wished=frozenset({8}))
    pr = problem([locked], [home(7), home(8)])
    result = solve(pr, QUICK)
    assert result.household_of(1) == 7 and not result.moves


def test_minors_in_pairs_never_leaves_a_minor_alone() -> None:
    """With the pairs setting, two lone minors share a household or stay unplaced."""
    pr = problem(
        [party(1, minor(1)), party(2, minor(2)), party(3, minor(3))],
        [home(7, beds=2), home(8, beds=1)],
        settings=HousingSettings(minors_in_pairs=True),
    )
    result = solve(pr, QUICK)
    assert plan_breaches(pr, result.as_mapping()) == []
    assert result.people_placed == 2
    assert {result.household_of(p) for p in (1, 2, 3)} == {7, None}
    (item,) = result.unplaced
    assert "only minor" in item.reason or "took the last fitting beds" in item.reason


def test_couple_fills_a_double_bed() -> None:
    """A couple and a single fit in two beds that are one double bed plus one single."""
    couple = party(1, guest(1), guest(2), kind="couple")
    pr = problem([couple, party(2)], [home(7, beds=3, double_beds=1)])
    assert solve(pr, QUICK).people_placed == 3


def test_replan_after_a_household_drops_out_moves_only_its_guests() -> None:
    """Re-planning keeps every placement except those of the household that left."""
    first = generate(60, 45, seed=3)
    placed = solve(first, QUICK).as_mapping()
    gone = max(set(placed.values()), key=lambda h: (list(placed.values()).count(h), -h))
    parties = tuple(
        dataclasses.replace(p, current_household=placed.get(p.id)) for p in first.parties
    )
    households = tuple(h for h in first.households if h.id != gone)
    again = dataclasses.replace(first, parties=parties, households=households, replan=True)
    result = solve(again, QUICK)
    moved = {m.party_id for m in result.moves}
    assert moved == {pid for pid, hid in placed.items() if hid == gone}
    assert all(m.from_household == gone for m in result.moves)
    assert plan_breaches(again, result.as_mapping()) == []


def test_replan_after_a_cancellation_moves_nobody() -> None:
    """When a visitor cancels, the others keep their households."""
    first = generate(60, 45, seed=4)
    placed = solve(first, QUICK).as_mapping()
    dropped = min(placed)
    parties = tuple(
        dataclasses.replace(p, current_household=placed.get(p.id))
        for p in first.parties
        if p.id != dropped
    )
    again = dataclasses.replace(first, parties=parties, replan=True)
    result = solve(again, QUICK)
    assert [m for m in result.moves if m.from_household is not None] == []


def test_same_input_gives_the_same_placement() -> None:
    """Two runs on the same snapshot give the same placement and score.

    The search stops on its deterministic limit (the wall-clock net is set far away), so the
    comparison holds however busy the machine is.
    """
    pr = generate(300, 200, seed=5)
    options = SolverOptions(time_limit=0.3, wall_margin=50.0)
    one = solve(pr, options)
    two = solve(pr, options)
    assert one.assignments == two.assignments
    assert (one.score, one.score_bound, one.status) == (two.score, two.score_bound, two.status)


def test_planner_is_at_least_as_good_as_greedy() -> None:
    """The planner houses at least as many people as the greedy start, with as many points."""
    pr = generate(300, 200, seed=6)
    base = plan_greedy(pr)
    best = solve(pr, SolverOptions(time_limit=3.0))
    assert best.people_placed >= base.people_placed
    if best.people_placed == base.people_placed:
        assert best.score >= base.score


def test_greedy_obeys_the_hard_rules() -> None:
    """The greedy baseline never breaks a hard rule either."""
    pr = generate(300, 200, seed=7, settings=HousingSettings(minors_in_pairs=True))
    assert plan_breaches(pr, greedy_placement(pr)) == []


def test_progress_is_reported_and_cancel_stops_the_search() -> None:
    """Progress arrives while searching; a set cancel flag ends with the best found so far."""
    pr = generate(300, 200, seed=8)
    seen = []
    cancel = threading.Event()

    def report(p) -> None:  # type: ignore[no-untyped-def]
        seen.append(p)
        if p.phase == "search":
            cancel.set()

    result = solve(pr, SolverOptions(time_limit=30.0), report, cancel)
    assert seen and seen[0].phase == "greedy"
    assert result.status is SolveStatus.CANCELLED
    assert result.solve_seconds < 20
    assert plan_breaches(pr, result.as_mapping()) == []
    assert len({a.party_id for a in result.assignments}) == len(result.assignments)
