"""Programme subcommands: conflicts, schedule, and the iCalendar export (ics)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from twinplanner.cli.common import add_json_argument, add_visit_argument, open_db


def register(sub: argparse._SubParsersAction) -> None:
    """Add the programme subcommands."""
    p = sub.add_parser("conflicts", help="list every conflict in a visit's programme")
    add_visit_argument(p)
    add_json_argument(p)
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser(
        "schedule",
        help="propose times for matches, concerts and rehearsals and apply them",
        description="Plan the visit's matches, concerts and rehearsals around the fixed events. "
        "Without --dry-run the proposal is written (as events that are not fixed).",
    )
    add_visit_argument(p)
    p.add_argument("--dry-run", action="store_true", help="show the proposal, write nothing")
    p.add_argument("--time-limit", type=float, metavar="SECONDS", help="planner time limit")
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("ics", help="export the programme as an iCalendar (.ics) file")
    add_ics_arguments(p)
    p.set_defaults(func=export_ics)


def add_ics_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the iCalendar export: --visit, --club, -o."""
    add_visit_argument(parser)
    parser.add_argument(
        "--club", metavar="NAME", help="only this club's events (and those for everyone)"
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE.ics", help="file to write")


def cmd_conflicts(args: argparse.Namespace) -> int:
    """Print the conflicts of a visit's programme: errors, then warnings."""
    from twinplanner.planning.programme.conflicts import Severity
    from twinplanner.services.programme import check_visit

    open_db(args, create=False)
    conflicts = check_visit(args.visit)
    if args.json:
        rows = [
            {
                "severity": c.severity.value,
                "kind": c.kind.value,
                "message": c.message,
                "at": c.at.isoformat(),
                "event_ids": list(c.event_ids),
                "person_ids": list(c.person_ids),
                "club_ids": list(c.club_ids),
                "venue_id": c.venue_id,
            }
            for c in conflicts
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    errors = [c for c in conflicts if c.severity is Severity.ERROR]
    warnings = [c for c in conflicts if c.severity is Severity.WARNING]
    for title, group in (("Errors", errors), ("Warnings", warnings)):
        if group:
            print(f"{title} ({len(group)}):")
            for c in group:
                print(f"  [{c.kind.value}] {c.message}")
    print(f"{len(errors)} error(s), {len(warnings)} warning(s).")
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    """Propose a timetable; write it unless --dry-run."""
    from twinplanner.planning.programme.conflicts import check_programme, errors
    from twinplanner.services.programme import accept_proposal, build_snapshot, propose_schedule

    open_db(args, create=False)
    snap = build_snapshot(args.visit)
    proposal = propose_schedule(args.visit, time_limit=args.time_limit)
    r = proposal.result
    for line in proposal.lines(snap):
        print(line)
    gap = f", gap {r.gap:.1%}" if r.gap is not None else ""
    print(
        f"Planner: {r.status}{gap}, {r.seconds:.1f} s; {len(proposal.changes)} change(s), "
        f"{len(proposal.unplaced)} not placed."
    )
    before = len(errors(check_programme(snap)))
    after = len(errors(proposal.conflicts_after(snap)))
    print(f"Errors in the programme: {before} now, {after} with the proposal.")
    if args.dry_run or not proposal.changes:
        print("Nothing was written." if args.dry_run else "Nothing to write.")
        return 0
    changes = accept_proposal(proposal)
    print(changes.message + ".")
    return 0


def export_ics(args: argparse.Namespace) -> int:
    """Write a visit's programme (or one club's part of it) as an iCalendar file.

    Needs ``args.visit``, ``args.output`` and optionally ``args.club``; used by the ``ics``
    subcommand and meant for an ``export ics`` subcommand as well (see add_ics_arguments).
    """
    from twinplanner.services.programme import export_calendar

    open_db(args, create=False)
    data, count = export_calendar(args.visit, getattr(args, "club", None))
    path = Path(args.output)
    path.write_bytes(data)
    print(f"Wrote {count} event(s) to {path}.")
    return 0
