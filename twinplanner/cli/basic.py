"""Basic subcommands: demo, visits, people, hosts, check."""

from __future__ import annotations

import argparse

from twinplanner.cli.common import (
    add_json_argument,
    add_visit_argument,
    db_path,
    open_db,
    print_rows,
)
from twinplanner.data import queries


def register(sub: argparse._SubParsersAction) -> None:
    """Add the basic subcommands."""
    p = sub.add_parser("demo", help="load the demo exchange into the database")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("visits", help="list the visits")
    add_json_argument(p)
    p.set_defaults(func=cmd_visits)

    p = sub.add_parser("people", help="list the people taking part in a visit")
    add_visit_argument(p)
    add_json_argument(p)
    p.set_defaults(func=cmd_people)

    p = sub.add_parser("hosts", help="list the host households offering beds for a visit")
    add_visit_argument(p)
    add_json_argument(p)
    p.set_defaults(func=cmd_hosts)

    p = sub.add_parser("check", help="check the database file: integrity, schema version, counts")
    add_json_argument(p)
    p.set_defaults(func=cmd_check)


def cmd_demo(args: argparse.Namespace) -> int:
    """Load the demo exchange."""
    from twinplanner.data.demo import load_demo

    open_db(args)
    visit_id = load_demo()
    print(f"Loaded the demo exchange into {db_path(args)}: visit {visit_id}.")
    return 0


def cmd_visits(args: argparse.Namespace) -> int:
    """List visits, one line each, id first."""
    open_db(args, reading=True)
    rows = queries.visits()
    lines = [
        f"{v.year}\t{v.direction}\t{v.status}\t{v.arrival_at:%Y-%m-%d}–{v.departure_at:%Y-%m-%d}"
        f"\t{v.title or v.partnership_label}"
        for v in rows
    ]
    print_rows(rows, lines, as_json=args.json)
    return 0


def cmd_people(args: argparse.Namespace) -> int:
    """List the people of a visit."""
    open_db(args, reading=True)
    rows = queries.visit_people(args.visit)
    lines = []
    for p in rows:
        status = "guest" if p.is_guest else "local"
        minor = "minor" if p.is_minor else ""
        where = p.household_name or ("unplaced" if p.is_guest else "")
        lines.append(
            f"{p.full_name}\t{p.town_name}\t{p.role}\t{status}\t{minor}\t{p.party_name}\t{where}"
        )
    print_rows(rows, lines, as_json=args.json)
    return 0


def cmd_hosts(args: argparse.Namespace) -> int:
    """List the households of a visit."""
    open_db(args, reading=True)
    rows = queries.visit_households(args.visit)
    lines = [
        f"{h.contact_name}\t{h.district}\t{h.phone}\tbeds {h.beds}\tguests {h.guests}"
        f"\t{','.join(h.pets) or '-'}\t{'minors cleared' if h.minors_cleared else ''}"
        for h in rows
    ]
    print_rows(rows, lines, as_json=args.json)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Run SQLite's integrity check and report the schema version and counts."""
    import json

    from twinplanner.data.health import database_report

    path = db_path(args)
    report = database_report(path)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(f"File: {report['path']}")
        print(f"Integrity: {report['integrity']}")
        if "encrypted" in report:
            print(f"Encrypted: {'yes' if report['encrypted'] else 'no'}")
        print(
            f"Schema version: {report['schema_version']} (this program: {report['latest_version']})"
        )
        print("Records: " + ", ".join(f"{k} {v}" for k, v in report["counts"].items()))
        backups = report.get("backups", [])
        print(f"Backups: {len(backups)}" + (f", newest {backups[0]}" if backups else ""))
    return 0 if report["integrity"] == "ok" else 1
