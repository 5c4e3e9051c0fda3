"""The same placement model on OR-Tools' MIP interface (HiGHS, SCIP), to compare with CP-SAT.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_placement_mip.py [--sizes 300x200:10]``.
Builds exactly the candidates, constraints and lexicographic objective the planner uses (one
binary per party and candidate household), solves with each MIP solver under the same time
limit, and prints time, people placed, points, bound and gap next to CP-SAT's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from twinplanner.planning.housing.candidates import build_candidates, include  # noqa: E402
from twinplanner.planning.housing.generate import generate  # noqa: E402
from twinplanner.planning.housing.greedy import greedy_placement  # noqa: E402
from twinplanner.planning.housing.problem import HousingProblem  # noqa: E402
from twinplanner.planning.housing.rules import bed_use  # noqa: E402
from twinplanner.planning.housing.solver import SolverOptions, solve  # noqa: E402


def mip(problem: HousingProblem, backend: str, limit: float) -> dict:
    """Solve the planner's model with a MIP backend; figures as a dict."""
    from ortools.linear_solver import pywraplp

    started = time.perf_counter()
    cands = build_candidates(problem)
    start = greedy_placement(problem, cands)
    cands = include(problem, cands, start)
    solver = pywraplp.Solver.CreateSolver(backend)
    x = {}
    by_household = defaultdict(list)
    for party in problem.parties:
        own = []
        for hid in cands.chosen.get(party.id, ()):
            var = solver.BoolVar(f"x_{party.id}_{hid}")
            x[(party.id, hid)] = var
            own.append(var)
            by_household[hid].append((party, var))
        if own:
            solver.Add(sum(own) <= 1)
    over_terms = []
    for hid, items in by_household.items():
        h = problem.household(hid)
        solver.Add(sum(bed_use(p)[0] * v for p, v in items) <= h.capacity)
        solver.Add(
            sum((bed_use(p)[0] - bed_use(p)[1]) * v for p, v in items) <= h.beds - h.double_beds
        )
        if problem.settings.minors_in_pairs and any(p.minors == 1 for p, _ in items):
            z = solver.BoolVar(f"z_{hid}")
            count = sum(p.minors * v for p, v in items)
            solver.Add(count >= 2 * z)
            solver.Add(count <= 10 * z)
        if h.preferred_guests is not None:
            over = solver.NumVar(0, solver.infinity(), f"over_{hid}")
            solver.Add(over >= sum(p.size * v for p, v in items) - h.preferred_guests)
            over_terms.append(over)
    people = sum(problem.party(pid).size * v for (pid, _), v in x.items())
    points = sum(cands.points[k] * v for k, v in x.items()) - problem.weights.over_preferred * sum(
        over_terms
    )
    best: dict[int, int] = defaultdict(int)
    for (pid, _), c in cands.points.items():
        best[pid] = max(best[pid], c)
    # Larger than all points together, as in the planner: people come first.
    scale = sum(best.values()) + problem.weights.over_preferred * problem.people + 1
    solver.Maximize(scale * people + points)
    solver.SetTimeLimit(int(limit * 1000))
    build = time.perf_counter() - started
    status = solver.Solve()
    found = status in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE)
    value = solver.Objective().Value() if found else None
    bound = solver.Objective().BestBound() if found else None
    placed = int(round(value // scale)) if value is not None else 0
    return {
        "method": backend,
        "build": round(build, 2),
        "search": round(time.perf_counter() - started - build, 2),
        "placed": placed,
        "points": None if value is None else round(value - placed * scale),
        "bound": None if bound is None else round(bound - placed * scale),
        "status": {pywraplp.Solver.OPTIMAL: "optimal", pywraplp.Solver.FEASIBLE: "feasible"}.get(
            status, "no solution"
        ),
    }


def main() -> int:
    """Compare CP-SAT with the MIP backends on each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300x200:10,1000x650:10")
    parser.add_argument("--backends", default="HIGHS,SCIP")
    args = parser.parse_args()
    print("| size | method | build s | search s | placed | points | points bound | status |")
    print("|---|---|---|---|---|---|---|---|")
    for spec in args.sizes.split(","):
        size, limit = spec.split(":")
        v, h = (int(n) for n in size.split("x"))
        problem = generate(v, h, seed=1)
        r = solve(problem, SolverOptions(time_limit=float(limit)))
        print(
            f"| {v}/{h} | CP-SAT | {r.build_seconds:.2f} | {r.solve_seconds:.2f} | "
            f"{r.people_placed} | {r.score} | {r.score_bound} | {r.status.value} |",
            flush=True,
        )
        for backend in args.backends.split(","):
            m = mip(problem, backend, float(limit))
            print(
                f"| {v}/{h} | {m['method']} | {m['build']} | {m['search']} | {m['placed']} | "
                f"{m['points']} | {m['bound']} | {m['status']} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
