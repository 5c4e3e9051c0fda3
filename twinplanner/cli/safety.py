"""Safety and privacy subcommands: backup, backups, restore, purge, retention, person export
and erasure, statistics."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from twinplanner.cli.common import db_path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the safety and privacy subcommands."""
    p = sub.add_parser("backup", help="write a consistent copy of the database to FILE")
    p.add_argument("file", metavar="FILE", help="the backup file to write")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list the automatic backups with date and counts")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser(
        "restore", help="replace the database by a backup (the current state is backed up first)"
    )
    p.add_argument("file", metavar="FILE", help="the backup file to restore")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("purge", help="purge personal data of people with no visit for N years")
    p.add_argument(
        "--years",
        type=int,
        metavar="N",
        help="retention period (default: the stored setting, 3 years)",
    )
    p.add_argument("--yes", action="store_true", help="purge without asking")
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser("retention", help="show or set the retention period in years")
    p.add_argument("years", type=int, nargs="?", metavar="N", help="new retention period")
    p.set_defaults(func=cmd_retention)

    p = sub.add_parser("statistics", help="anonymous counts kept per visit and country")
    p.add_argument("--visit", type=int, metavar="ID", help="one visit only")
    p.set_defaults(func=cmd_statistics)

    p = sub.add_parser("person-export", help="export everything held about a person")
    p.add_argument("person", type=int, metavar="ID", help="person id")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.json or FILE.pdf")
    p.set_defaults(func=cmd_person_export)

    p = sub.add_parser("person-erase", help="erase a person everywhere")
    p.add_argument("person", type=int, metavar="ID", help="person id")
    p.add_argument("--yes", action="store_true", help="erase without asking")
    p.set_defaults(func=cmd_person_erase)


@contextmanager
def _writing(args: argparse.Namespace) -> Iterator[Path]:
    """Open the database under the writer lock for the time of a command."""
    from twinplanner.data.lock import open_guarded

    path = db_path(args)
    opened = open_guarded(path, create=False)
    assert opened is not None  # no question asked: a busy file raises
    try:
        yield path
    finally:
        opened.close()


def _confirm(question: str) -> bool:
    """Ask on the terminal; without one, the answer is no."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a backup of the database to FILE."""
    from twinplanner.io.backup import backup_to, inspect_file

    dest = backup_to(db_path(args), Path(args.file))
    facts = inspect_file(dest, check=True)
    print(
        f"Backed up to {dest}: {facts.visits} visits, {facts.people} people, "
        f"{facts.households} households."
    )
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    """List the automatic backups, newest first."""
    from twinplanner.io.backup import list_backups

    found = list_backups(db_path(args))
    if not found:
        print("No automatic backups yet.")
    for b in found:
        what = b.problem or (f"{b.visits} visits, {b.people} people, {b.households} households")
        print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{what}\t{b.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup; the current state is kept as a backup first."""
    from twinplanner.io.backup import restore_database

    result = restore_database(Path(args.file), db_path(args))
    f = result.facts
    print(
        f"Restored {result.restored_from}: {f.visits} visits, {f.people} people, "
        f"{f.households} households."
    )
    for kept in result.kept_before:
        print(f"The state before the restore is kept in {kept}.")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    """Preview the retention purge, then purge after a confirmation."""
    from twinplanner.services import privacy

    with _writing(args):
        preview = privacy.preview_purge(args.years)
        due = privacy.expired_safeguarding()
        print(f"Retention: {preview.years} years (no visit since {preview.cutoff}).")
        print(f"People to purge: {len(preview.people)}")
        for c in preview.people:
            print(f"  {c.id}\t{c.name}\tlast seen {c.last_seen}")
        print(f"Host households to purge: {len(preview.households)}")
        for c in preview.households:
            print(f"  {c.id}\t{c.name}\tlast seen {c.last_seen}")
        print(f"Anonymous counts to keep first for {len(preview.visits_counted)} visits.")
        print(f"Safeguarding records due for deletion: {len(due)}")
        if not preview and not due:
            print("Nothing to purge.")
            return 0
        if not (args.yes or _confirm("Purge these records now? This cannot be undone.")):
            print("Nothing was purged. Run again with --yes to purge.")
            return 0
        changes = privacy.purge(preview)
        safeguarding = privacy.delete_expired_safeguarding()
        print(changes.message or "Nothing was purged.")
        if safeguarding:
            print(safeguarding.message)
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """Show or set the retention period."""
    from twinplanner.services import privacy

    with _writing(args):
        if args.years is not None:
            privacy.set_retention_years(args.years)
        print(f"Retention period: {privacy.retention_years()} years.")
    return 0


def cmd_statistics(args: argparse.Namespace) -> int:
    """Print the anonymous counts kept per visit and country."""
    from twinplanner.services import privacy

    with _writing(args):
        rows = privacy.visit_statistics(args.visit)
    if not rows:
        print("No anonymous counts kept yet.")
    for r in rows:
        print(
            f"{r.visit_year}\t{r.visit_label}\t{r.country or '??'}\tparticipants "
            f"{r.participants}\tguests {r.guests}\tminors {r.minors}\tadults {r.adults}"
            f"\tage unknown {r.age_unknown}"
        )
    return 0


def cmd_person_export(args: argparse.Namespace) -> int:
    """Export everything held about a person to JSON or PDF."""
    from twinplanner.data.db import open_database
    from twinplanner.services.privacy_export import export_person

    open_database(db_path(args), create=False, readonly=True)
    path = export_person(args.person, Path(args.output))
    print(f"Wrote {path}.")
    return 0


def cmd_person_erase(args: argparse.Namespace) -> int:
    """Erase a person everywhere after a confirmation."""
    from twinplanner.data.models import Person
    from twinplanner.domain.errors import NotFoundError
    from twinplanner.services import privacy

    with _writing(args):
        person = Person.get_or_none(Person.id == args.person)
        if person is None:
            raise NotFoundError(f"Person {args.person} does not exist.")
        if not (
            args.yes or _confirm(f"Erase {person.full_name} everywhere? This cannot be undone.")
        ):
            print("Nothing was erased. Run again with --yes to erase.")
            return 0
        privacy.erase_person(args.person)
        print(f"Erased person {args.person}.")
    return 0
