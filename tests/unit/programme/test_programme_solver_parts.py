"""The parts of the timetable planner: windows, rules as data, greedy start, grid pass, bound."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.unit.programme.programme_helpers import PITCH1, at, replace
from tests.unit.programme.test_programme_timetable import LUNCH, tournament
from twinplanner.planning.programme.greedy import Greedy
from twinplanner.planning.programme.grid import GridModel, grid_windows
from twinplanner.planning.programme.model import TimetableModel, lower_bound
from twinplanner.planning.programme.proposal import propose
from twinplanner.planning.programme.rules import Problem, make_problem
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.planning.programme.tasks import build_plan
from twinplanner.planning.programme.windows import (
    Window,
    packed_starts,
    subtract,
    union,
)


def problem_of(snap: ProgrammeSnapshot) -> Problem:
    """The solver's view of a visit."""
    return make_problem(snap, build_plan(snap))


def first_day_starts(pb: Problem, key: str) -> list[dt.datetime]:
    """Every start a task may take on the visit's first day, as moments."""
    [w] = [w for w in pb.windows[key] if w.day == 0]
    return [pb.clock.at(g) for lo, hi in w.ranges for g in range(lo, hi + 1)]


def solve_fixed(pb: Problem, chosen: dict[str, tuple[Window, int]]) -> str:
    """Status of the full interval model with every task pinned to ``chosen``."""
    tm = TimetableModel(pb)
    tm.build()
    tm.pin(chosen)
    solver = tm.cp.CpSolver()
    solver.parameters.max_time_in_seconds = 10
    solver.parameters.num_workers = 1
    return str(solver.status_name(solver.solve(tm.model)))


def test_ranges_subtract_union_and_packing() -> None:
    """Holes are cut out, overlapping ranges merged, packed starts skip the holes."""
    assert subtract(((0, 20),), [(5, 7), (18, 30)]) == ((0, 4), (8, 17))
    assert union([((0, 3),), ((4, 6), (10, 12)), ((11, 15),)]) == ((0, 6), (10, 15))
    assert packed_starts(((0, 9), (15, 30)), 4) == [0, 4, 8, 15, 19, 23, 27]
    assert packed_starts((), 4) == []


def test_match_windows_keep_clear_of_lunch_and_the_way_there() -> None:
    """Lunch for everyone 12:30-13:30 at the town hall, 15 min away: a one-hour match on a
    pitch may start at 11:15 at the latest, and again from 13:45."""
    pb = problem_of(tournament(4))
    key = next(t.key for t in pb.plan.tasks if t.kind == "match")
    starts = first_day_starts(pb, key)
    assert at(11, 15) in starts and at(13, 45) in starts and at(9) in starts
    assert not [s for s in starts if at(11, 15) < s < at(13, 45)]


def test_without_travel_buffer_the_match_may_end_when_lunch_starts() -> None:
    """With no travel buffer, a match may start at 11:30 and again at 13:30."""
    snap = tournament(4, travel_buffer_minutes=0)
    pb = problem_of(snap)
    key = next(t.key for t in pb.plan.tasks if t.kind == "match")
    starts = first_day_starts(pb, key)
    assert at(11, 30) in starts and at(13, 30) in starts and at(11, 45) not in starts


def test_identical_pitches_form_one_pool_of_two() -> None:
    """Two pitches with the same hours and nothing kept there are one pool holding two."""
    pb = problem_of(tournament(4))
    venues = [r for r in pb.rules.resources if r.name.startswith("venue")]
    assert [(r.capacity, len(r.uses)) for r in venues] == [(2, 6)]


def test_a_kept_event_on_a_pitch_splits_the_pool() -> None:
    """A fixed match on pitch 1 makes that pitch a venue of its own, blocked at that time."""
    kept = dataclasses.replace(LUNCH, id=91, kind="match", venue_id=PITCH1, title="Old boys")
    kept = dataclasses.replace(kept, starts_at=at(9), ends_at=at(10), club_ids=(10,))
    pb = problem_of(tournament(4, kept))
    venues = {r.name: r for r in pb.rules.resources if r.name.startswith("venue")}
    assert sorted(r.capacity for r in venues.values()) == [1, 1]
    own = venues[f"venue {PITCH1}"]
    assert own.blocked == ((pb.clock.floor(at(9)), pb.clock.floor(at(10))),)


def test_final_never_before_the_match_for_third_place() -> None:
    """The final and the match for third place are alike: the final starts no earlier."""
    snap = tournament(8)
    pb = problem_of(snap)
    [order] = [o for o in pb.rules.orders if o.later == "U15 final" and o.gap == 0]
    assert order.first == "U15 third place"
    after = propose(snap, time_limit=5).apply_to(snap)
    final = next(e for e in after.events if e.title.startswith("U15 final"))
    third = next(e for e in after.events if e.title.startswith("U15 third place"))
    assert final.starts_at >= third.starts_at


def test_greedy_timetable_keeps_every_rule_of_the_full_model() -> None:
    """The greedy places every match and rehearsal, and the interval model accepts it."""
    for snap in (tournament(4), tournament(8)):
        pb = problem_of(snap)
        chosen = Greedy(pb, pb.windows).solve()
        assert set(chosen) == {t.key for t in pb.plan.tasks}
        assert solve_fixed(pb, chosen) == "OPTIMAL"


def test_grid_timetable_keeps_every_rule_of_the_full_model() -> None:
    """The grid pass starts on the grid only, and its timetable is one of the full model."""
    pb = problem_of(tournament(8))
    grid = GridModel(pb)
    grid.build()
    grid.hint(Greedy(pb, grid.windows).solve())
    solver = grid.cp.CpSolver()
    solver.parameters.max_time_in_seconds = 5
    solver.parameters.num_workers = 1
    assert solver.status_name(solver.solve(grid.model)) in ("OPTIMAL", "FEASIBLE")
    chosen = grid.chosen(solver)
    grids = grid_windows(pb)
    assert all(any(w == g for g in grids[k]) for k, (w, _) in chosen.items())
    assert all(lo == hi for w, _ in chosen.values() for lo, hi in w.ranges)  # starts on the grid
    assert solve_fixed(pb, chosen) == "OPTIMAL"


def test_lower_bound_is_at_most_the_proven_optimum() -> None:
    """The quick bound never exceeds the best timetable the full model proves."""
    for snap in (tournament(4), tournament(6), tournament(8)):
        pb = problem_of(snap)
        tm = TimetableModel(pb)
        tm.build()
        solver = tm.cp.CpSolver()
        solver.parameters.max_time_in_seconds = 20
        solver.parameters.num_workers = 2
        assert solver.status_name(solver.solve(tm.model)) == "OPTIMAL"
        assert lower_bound(pb) <= solver.ObjectiveValue()


def test_planner_stops_at_the_proven_optimum() -> None:
    """A round robin of four is proven optimal well before the time limit."""
    result = propose(tournament(4), time_limit=30).result
    assert result.status == "optimal" and result.gap == 0
    assert result.seconds < 25 and result.first_complete_seconds is not None


def test_stop_request_still_gives_the_greedy_timetable() -> None:
    """Asked to stop at once, the planner still returns a timetable that places everything."""
    snap = tournament(8)
    proposal = propose(snap, time_limit=30, should_stop=lambda: True)
    assert proposal.unplaced == () and proposal.result.status in ("feasible", "optimal")
    assert proposal.result.seconds < 25


def test_a_day_without_room_leaves_tasks_unplaced_with_the_unplaced_price() -> None:
    """Pitches open one hour a day hold three matches in three days: the rest is unplaced."""
    snap = tournament(4)
    venues = tuple(
        dataclasses.replace(v, opens_at=dt.time(9), closes_at=dt.time(10))
        if v.kind == "pitch"
        else v
        for v in snap.venues
    )
    snap = replace(snap, venues=venues)
    proposal = propose(snap, time_limit=10)
    assert len(proposal.changes) == 6 and proposal.unplaced == ()  # two pitches, three days
    one_pitch = replace(snap, venues=tuple(v for v in venues if v.id != PITCH1))
    fewer = propose(one_pitch, time_limit=10)
    assert len(fewer.changes) == 3 and len(fewer.unplaced) == 3
    assert all("no free time" in u.reason for u in fewer.unplaced)
