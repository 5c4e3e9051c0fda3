"""The ``assign`` subcommand: place a visit's visitors with host households and say how it went."""

from __future__ import annotations

import argparse
import sys
import threading

from twinplanner.cli.common import add_visit_argument, open_db
from twinplanner.domain.errors import ValidationError

STOPPED = 130


def register(sub: argparse._SubParsersAction) -> None:
    """Add the housing subcommands."""
    p = sub.add_parser(
        "assign",
        help="place the visitors of a visit with host households",
        description="Place every party of a visit with a host household without breaking a "
        "hard rule; print who is placed, who is not and why, the wishes met, and whether the "
        "placement is proven best.",
    )
    add_visit_argument(p)
    p.add_argument(
        "--time-limit", type=float, default=10.0, metavar="S", help="seconds of search (default 10)"
    )
    p.add_argument(
        "--replan",
        action="store_true",
        help="keep existing placements where possible and list the parties that move",
    )
    p.add_argument("--dry-run", action="store_true", help="show the result without saving it")
    p.set_defaults(func=cmd_assign)


def cmd_assign(args: argparse.Namespace) -> int:
    """Plan the placement of a visit, print the summary, save unless --dry-run."""
    if not 0 < args.time_limit <= 3600:
        raise ValidationError(
            f"--time-limit: give seconds between 0 and 3600, not {args.time_limit:g}."
        )
    open_db(args)
    from twinplanner.planning.housing.solver import SolverOptions, solve
    from twinplanner.services import placement

    problem = placement.build_problem(args.visit, replan=args.replan)
    cancel = threading.Event()
    box: list = []
    worker = threading.Thread(
        target=lambda: box.append(
            solve(problem, SolverOptions(time_limit=args.time_limit), cancel=cancel)
        ),
        name="placement",
    )
    worker.start()
    interrupted = False
    while worker.is_alive():
        try:
            worker.join(0.2)
        except KeyboardInterrupt:
            interrupted = True
            cancel.set()
            print("Stopping the planner…", file=sys.stderr)
    if not box:
        return 1
    result = box[0]
    from twinplanner.data import queries

    names = {h.id: h.label for h in problem.households}
    for m in result.moves:
        if m.from_household is not None and m.from_household not in names:
            names[m.from_household] = (
                f"{queries.household(m.from_household).contact_name}'s household"
            )
    for line in summary_lines(problem, result, names):
        print(line)
    if interrupted:
        print("Stopped before the end: nothing was saved.")
        return STOPPED
    if args.dry_run:
        print("Dry run: nothing was saved.")
        return 0
    placement.apply_result(problem, result)
    print("Saved.")
    return 0


def summary_lines(problem, result, names=None) -> list[str]:  # type: ignore[no-untyped-def]
    """The printed summary: placed, unplaced with reasons, wishes met, optimal or gap."""
    names = names or {h.id: h.label for h in problem.households}
    parties_placed = len(result.assignments)
    households_used = len({a.household_id for a in result.assignments})
    lines = [
        f"Placed {result.people_placed} of {result.people_total} visitors "
        f"({parties_placed} of {len(problem.parties)} parties) with {households_used} of "
        f"{len(problem.households)} households.",
    ]
    if result.optimal:
        lines.append("Proven best: no placement houses more people or meets more wishes.")
    elif result.status.value == "cancelled":
        lines.append("Stopped on request: this is the best placement found so far.")
    else:
        if result.people_placed < result.people_bound:
            lines.append(
                f"Not proven: perhaps up to {result.people_bound} visitors could be "
                "housed; plan again with more time."
            )
        if result.gap is None:
            lines.append("Not proven best: no bound on the wishes yet.")
        else:
            lines.append(
                f"Not proven best: wishes score {result.score} of at most "
                f"{result.score_bound} (gap {100 * result.gap:.1f}%)."
            )
    lines.extend(f"({note[:1].upper()}{note[1:]}.)" for note in result.notes)
    lines.append(f"Wishes (score {result.score}):")
    for wish in result.breakdown:
        lines.append(f"  {wish.label:<56} {wish.met:>5}  {wish.points:+d}")
    if result.unplaced:
        people = sum(u.size for u in result.unplaced)
        lines.append(
            f"Not placed: {_count(len(result.unplaced), 'party', 'parties')}, "
            f"{_count(people, 'visitor', 'visitors')}:"
        )
        for u in result.unplaced:
            lines.append(f"  {u.party_name} ({u.size}): {u.reason}")
    if problem.replan or any(m.from_household is not None for m in result.moves):
        moved = [m for m in result.moves if m.from_household is not None]
        lines.append(f"Moved: {_count(len(moved), 'party', 'parties')} (reprint their sheets):")
        for m in moved:
            to = names.get(m.to_household, "no household") if m.to_household else "no household"
            lines.append(
                f"  {m.party_name}: {names.get(m.from_household, 'a household that dropped out')}"
                f" → {to}"
            )
    lines.append(
        f"Time: {result.build_seconds:.1f} s to prepare, {result.solve_seconds:.1f} s to search."
    )
    return lines


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
