"""The planner: a greedy start, then CP-SAT houses the most people and meets the most wishes.

"House as many people as possible" dominates every wish exactly: when the greedy start
already houses everyone who has a fitting household, that number becomes a constraint and
CP-SAT maximises the points alone; otherwise the objective is people times a scale larger
than all points together, and the bounds on people and on points are read back from it.
Runs are deterministic: one worker, a fixed seed and a limit in CP-SAT's deterministic time,
so the same snapshot gives the same placement; a wall-clock limit stays as a safety net.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from twinplanner.i18n import _
from twinplanner.planning.housing.candidates import build_candidates, include
from twinplanner.planning.housing.explain import explain_unplaced
from twinplanner.planning.housing.greedy import greedy_placement
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.planning.housing.result import (
    Assignment,
    HousingResult,
    Move,
    Progress,
    SolveStatus,
)
from twinplanner.planning.housing.scoring import plan_score

ProgressFn = Callable[[Progress], None]

WALL_MARGIN = 2.0  # the wall-clock safety net, as a multiple of the deterministic limit
THROTTLE = 0.25  # seconds between progress reports


@dataclass(frozen=True, slots=True)
class SolverOptions:
    """How the planner searches; the defaults are what the benchmarks support."""

    time_limit: float = 10.0  # seconds, measured in CP-SAT's deterministic time
    workers: int = 1  # 1 keeps runs deterministic and leaves a core for the window
    seed: int = 20_27
    wall_margin: float = WALL_MARGIN  # the wall-clock safety net, times the limit


def solve(
    problem: HousingProblem,
    options: SolverOptions = SolverOptions(),
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> HousingResult:
    """Place the visit's parties; never breaks a hard rule; explains every party left out."""
    started = time.perf_counter()
    cancel = cancel or threading.Event()
    cands = build_candidates(problem)
    start = greedy_placement(problem, cands)
    cands = include(problem, cands, start)
    start = canonical(problem, start, cands.groups)
    report = _Reporter(progress, started)
    report("greedy", _people(problem, start), problem.people, None, None, force=True)

    from twinplanner.planning.housing.model import build_model

    built = build_model(problem, cands)
    build_seconds = time.perf_counter() - started
    bound_people = built.locked_people + built.free_people_bound
    placed = start
    status = SolveStatus.GREEDY
    score_bound = None
    if cancel.is_set():
        status = SolveStatus.CANCELLED
    elif not built.x:
        status = SolveStatus.OPTIMAL
    else:
        hint = {k: int(start.get(k[0]) == k[1]) for k in built.x}
        free_start = _people(problem, start) - built.locked_people
        if free_start >= built.free_people_bound:
            # The greedy start houses everyone who has a fitting household: keep that many
            # and maximise the points alone.
            built.model.add(built.people >= built.free_people_bound)
            built.model.maximize(built.points)
            scale = 0
        else:
            # Lexicographic in one objective: one more person outweighs every possible point.
            scale = built.points_span(problem)
            built.model.maximize(scale * built.people + built.points)
        outcome = _run(built, hint, options, options.time_limit, report, scale, cancel, problem)
        if outcome is not None:
            values, bound, optimal, _ = outcome
            placed = _placement(problem, built, values)
            free_people = _people(problem, placed) - built.locked_people
            if scale:
                # scale * people + points <= bound and points >= -worst, so no placement
                # houses more than (bound + worst) / scale free people.
                worst = built.worst_penalty(problem)
                best_people = min(built.free_people_bound, int((bound + worst + 1e-6) // scale))
                bound_people = built.locked_people + max(best_people, free_people)
                if free_people >= best_people:
                    score_bound = built.locked_points + int(bound - scale * free_people + 1e-6)
            else:
                score_bound = built.locked_points + int(bound + 1e-6)
            if cancel.is_set():
                status = SolveStatus.CANCELLED
            elif optimal:
                status = SolveStatus.OPTIMAL
            else:
                status = SolveStatus.FEASIBLE
        elif cancel.is_set():
            status = SolveStatus.CANCELLED
    solve_seconds = time.perf_counter() - started - build_seconds
    return finish(
        problem,
        placed,
        cands.allowed,
        status,
        bound_people,
        score_bound,
        build_seconds,
        solve_seconds,
        cands.pruned,
    )


class _Reporter:
    """Calls the progress function at most every THROTTLE seconds (and always when forced)."""

    def __init__(self, fn: ProgressFn | None, started: float) -> None:
        self.fn = fn
        self.started = started
        self.last = -THROTTLE

    def __call__(
        self,
        phase: str,
        people: int,
        bound: int,
        score: int | None,
        score_bound: int | None,
        *,
        force: bool = False,
    ) -> None:
        if self.fn is None:
            return
        now = time.perf_counter() - self.started
        if force or now - self.last >= THROTTLE:
            self.last = now
            self.fn(Progress(phase, people, bound, score, score_bound, now))


def _run(built, hint, options, limit, report, scale, cancel, problem):  # type: ignore[no-untyped-def]
    """One CP-SAT solve with hint, limits, progress, cancel: (values, bound, optimal, time used)."""
    from ortools.sat.python import cp_model

    model = built.model
    built.hint(problem, hint)
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = max(1, options.workers)
    params.random_seed = options.seed
    params.max_deterministic_time = limit
    params.max_time_in_seconds = limit * options.wall_margin
    params.linearization_level = 2
    params.cp_model_probing_level = 0
    if options.workers > 1:
        params.interleave_search = True

    class Callback(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            value = int(self.objective_value)
            bound = int(self.best_objective_bound + 1e-6)
            people = sum(problem.party(k[0]).size for k, v in built.x.items() if self.value(v))
            people_bound = built.free_people_bound
            if scale:
                worst = built.worst_penalty(problem)
                people_bound = min(people_bound, max(people, (bound + worst) // scale))
                value -= scale * people
                bound -= scale * people
            report(
                "search",
                built.locked_people + people,
                built.locked_people + people_bound,
                built.locked_points + value,
                built.locked_points + bound,
            )

    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if cancel.wait(0.05):
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, name="placement-cancel", daemon=True)
    watcher.start()
    try:
        status = solver.solve(model, Callback())
    finally:
        done.set()
        watcher.join()
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    values = {key: int(solver.boolean_value(var)) for key, var in built.x.items()}
    return (
        values,
        solver.best_objective_bound,
        status == cp_model.OPTIMAL,
        solver.deterministic_time,
    )


def _placement(problem: HousingProblem, built, values: dict) -> dict[int, int]:  # type: ignore[no-untyped-def]
    placed = {p.id: p.current_household for p in problem.parties if problem.fixed(p)}
    placed.update({pid: hid for (pid, hid), v in values.items() if v})
    return placed  # type: ignore[return-value]


def _people(problem: HousingProblem, placed: dict[int, int]) -> int:
    return sum(problem.party(pid).size for pid in placed)


def finish(
    problem: HousingProblem,
    placed: dict[int, int],
    allowed: dict[int, int],
    status: SolveStatus,
    people_bound: int,
    score_bound: int | None,
    build_seconds: float = 0.0,
    solve_seconds: float = 0.0,
    pruned: bool = False,
) -> HousingResult:
    """The result of a placement: assignments, reasons, moves, score and bounds."""
    score, breakdown = plan_score(problem, placed)
    moves = []
    for party in problem.parties:
        new = placed.get(party.id)
        if new != party.current_household:
            moves.append(Move(party.id, party.name, party.current_household, new))
    people = _people(problem, placed)
    notes = []
    if pruned:
        limit = problem.settings.candidates_per_party
        notes.append(
            _(
                "each party was weighed against about {n} of its fitting households (its best "
                "and a spread of others); the bound holds for those"
            ).format(n=limit + limit // 3)
        )
    return HousingResult(
        visit_id=problem.visit_id,
        assignments=tuple(
            Assignment(pid, hid, problem.fixed(problem.party(pid)))
            for pid, hid in sorted(placed.items())
        ),
        unplaced=explain_unplaced(problem, placed, allowed),
        moves=tuple(moves),
        people_total=problem.people,
        people_placed=people,
        people_bound=max(people_bound, people),
        score=score,
        score_bound=(
            score
            if status is SolveStatus.OPTIMAL
            else None
            if score_bound is None
            else max(score_bound, score)
        ),
        breakdown=breakdown,
        status=status,
        build_seconds=build_seconds,
        solve_seconds=solve_seconds,
        pruned=pruned,
        notes=tuple(notes),
    )


def plan_greedy(problem: HousingProblem) -> HousingResult:
    """The greedy baseline alone, as a result (for benchmarks and quick previews)."""
    started = time.perf_counter()
    cands = build_candidates(problem)
    placed = greedy_placement(problem, cands)
    bound = sum(p.size for p in problem.parties if cands.allowed.get(p.id) or problem.fixed(p))
    return finish(
        problem,
        placed,
        cands.allowed,
        SolveStatus.GREEDY,
        bound,
        None,
        0.0,
        time.perf_counter() - started,
        cands.pruned,
    )


def canonical(
    problem: HousingProblem, placed: dict[int, int], groups: tuple[tuple[int, ...], ...]
) -> dict[int, int]:
    """The same placement with identical households filled in id order, fullest first.

    The model orders identical households by load; a hint that does not would be refused.
    """
    result = dict(placed)
    for group in groups:
        contents = {hid: [pid for pid, h in placed.items() if h == hid] for hid in group}
        ordered = sorted(group, key=lambda hid: -_people(problem, {p: hid for p in contents[hid]}))
        for target, source in zip(group, ordered, strict=True):
            for pid in contents[source]:
                result[pid] = target
    return result
