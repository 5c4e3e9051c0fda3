"""Benchmark of host placement on generated visits: the planner against the greedy baseline.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_placement.py [--sizes 60x45,300x200]``.
Each size runs in its own process so peak memory is that run's alone. Prints a Markdown table:
build and search time, people placed of the bound, score, bound and gap, when the first complete
placement and a gap under 1% were reached, and peak memory; then the same for the greedy.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = "60x45:5,300x200:10,1000x650:10,3000x2000:60"


def one(visitors: int, households: int, seed: int, limit: float, greedy: bool) -> dict:
    """Run one size in this process and return its figures."""
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    import ortools.sat.python.cp_model  # noqa: F401  (import time is not build time)

    from twinplanner.planning.housing.generate import generate
    from twinplanner.planning.housing.rules import plan_breaches
    from twinplanner.planning.housing.solver import SolverOptions, plan_greedy, solve

    imported = time.perf_counter() - started
    problem = generate(visitors, households, seed=seed)
    marks: dict[str, float] = {}

    def progress(p) -> None:  # type: ignore[no-untyped-def]
        if p.people_placed >= p.people_bound:
            marks.setdefault("complete", p.seconds)
            if (
                p.score is not None
                and p.score_bound is not None
                and (p.score_bound - p.score <= 0.01 * max(abs(p.score_bound), 1))
            ):
                marks.setdefault("gap1", p.seconds)

    if greedy:
        result = plan_greedy(problem)
    else:
        result = solve(problem, SolverOptions(time_limit=limit), progress)
    if result.people_placed >= result.people_bound:
        marks.setdefault("complete", result.build_seconds + result.solve_seconds)
    if result.gap is not None and result.gap < 0.01:
        marks.setdefault("gap1", result.build_seconds + result.solve_seconds)
    return {
        "size": f"{visitors}/{households}",
        "method": "greedy" if greedy else f"CP-SAT ({limit:g} s)",
        "import": round(imported, 2),
        "build": round(result.build_seconds, 2),
        "search": round(result.solve_seconds, 2),
        "placed": result.people_placed,
        "bound": result.people_bound,
        "people": result.people_total,
        "score": result.score,
        "score_bound": result.score_bound,
        "gap": None if result.gap is None else round(100 * result.gap, 2),
        "status": result.status.value,
        "complete_at": round(marks["complete"], 1) if "complete" in marks else None,
        "gap1_at": round(marks["gap1"], 1) if "gap1" in marks else None,
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "breaches": len(plan_breaches(problem, result.as_mapping())),
    }


def _row(r: dict) -> str:
    gap = "–" if r["gap"] is None else f"{r['gap']:.2f}%"
    bound = "–" if r["score_bound"] is None else str(r["score_bound"])
    cells = [
        r["size"],
        r["method"],
        f"{r['build']:.2f}",
        f"{r['search']:.2f}",
        f"{r['placed']}/{r['bound']} ({r['people']})",
        str(r["score"]),
        bound,
        gap,
        r["status"],
        "–" if r["complete_at"] is None else f"{r['complete_at']}",
        "–" if r["gap1_at"] is None else f"{r['gap1_at']}",
        str(r["peak_mib"]),
        str(r["breaches"]),
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> int:
    """Run every size (planner and greedy) in child processes and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=SIZES, help="VISITORSxHOUSEHOLDS:LIMIT,... ")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--greedy", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        size, limit = args.one.split(":")
        v, h = size.split("x")
        print(json.dumps(one(int(v), int(h), args.seed, float(limit), args.greedy)))
        return 0
    print(f"load average before: {os.getloadavg()[0]:.2f}, cores: {os.cpu_count()}")
    print(
        "| size | method | build s | search s | placed/bound (visitors) | score | score bound "
        "| gap | status | complete at s | gap<1% at s | peak MiB | broken rules |"
    )
    print("|" + "---|" * 13)
    for spec in args.sizes.split(","):
        for greedy in (False, True):
            cmd = [sys.executable, __file__, "--one", spec, "--seed", str(args.seed)]
            out = subprocess.run(
                cmd + (["--greedy"] if greedy else []), capture_output=True, text=True, check=True
            ).stdout
            print(_row(json.loads(out.strip().splitlines()[-1])), flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
