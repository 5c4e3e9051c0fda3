"""Import visitors and hosts from a spreadsheet: read, preview every problem, apply all or nothing.

The reading and checking (``read``, ``parse``) are pure and may run in a worker thread; the
preview reads the database and the apply writes it, both on the thread that owns the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import peewee

from twinplanner.data.models import LogEntry, database
from twinplanner.domain.errors import ValidationError
from twinplanner.i18n import _, ngettext
from twinplanner.io.dates import DateOrder
from twinplanner.io.headers import HOSTS, KINDS, VISITORS, HeaderMatch, match_headers
from twinplanner.io.records import ERROR, WARNING, ParsedImport, Problem, parse_table
from twinplanner.io.tabular import Progress, Table, read_table
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.import_match import (
    NEW,
    UNCHANGED,
    UPDATE,
    RowPlan,
    plan_hosts,
    plan_visitors,
    visit_context,
)
from twinplanner.services.import_write import write_hosts, write_visitors

__all__ = [
    "ERROR",
    "WARNING",
    "ImportPreview",
    "ImportResult",
    "Problem",
    "apply",
    "check_kind",
    "parse",
    "preview",
    "read",
    "read_file",
]


def check_kind(kind: str) -> str:
    """``kind`` when it is 'visitors' or 'hosts', else a ValidationError."""
    if kind not in KINDS:
        raise ValidationError(
            _("Import “{kind}”? Choose visitors or hosts.").format(kind=kind), field="kind"
        )
    return kind


def read(
    path: Path | str, kind: str, *, progress: Progress | None = None
) -> tuple[Table, HeaderMatch]:
    """Read a file and recognise its headers (pure: safe in a worker thread)."""
    table = read_table(path, check_kind(kind), progress=progress)
    return table, match_headers(table.headers, kind)


def parse(
    table: Table,
    kind: str,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
) -> ParsedImport:
    """Check every row against the columns (``mapping``: header -> field overrides; pure)."""
    return parse_table(table, match_headers(table.headers, kind, mapping), kind, date_order)


def read_file(
    path: Path | str,
    kind: str,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
) -> ParsedImport:
    """Read and check a file in one step (pure)."""
    table, _ = read(path, kind)
    return parse(table, kind, mapping, date_order)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would do, row by row, and every problem, before anything is written."""

    visit_id: int
    parsed: ParsedImport
    plans: tuple[RowPlan, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stop the import."""
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems worth reading that do not stop the import."""
        return tuple(p for p in self.problems if p.severity == WARNING)

    @property
    def ok(self) -> bool:
        """True when the import can be applied."""
        return not self.errors

    def count(self, action: str) -> int:
        """How many rows would be created, updated or left unchanged."""
        return sum(1 for p in self.plans if p.action == action)

    def summary(self) -> str:
        """'3 new, 2 updated, 10 unchanged' with the kind of record."""
        template = (
            _("visitors: {new} new, {updated} updated, {unchanged} unchanged")
            if self.parsed.kind == VISITORS
            else _("host households: {new} new, {updated} updated, {unchanged} unchanged")
        )
        return template.format(
            new=self.count(NEW), updated=self.count(UPDATE), unchanged=self.count(UNCHANGED)
        )


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an applied import changed."""

    changes: Changes
    preview: ImportPreview

    @property
    def message(self) -> str:
        """One line for the status bar or the terminal."""
        return self.changes.message


def preview(visit_id: int, parsed: ParsedImport) -> ImportPreview:
    """Compare the checked rows with the database: every change and problem; writes nothing."""
    context = visit_context(visit_id)
    planner = plan_visitors if parsed.kind == VISITORS else plan_hosts
    plans, problems = planner(parsed, context)
    ordered = sorted((*parsed.problems, *problems), key=lambda p: (p.row or 0, p.column))
    return ImportPreview(visit_id, parsed, tuple(plans), tuple(ordered))


def apply(visit_id: int, parsed: ParsedImport) -> ImportResult:
    """Write the whole import in one transaction, or nothing when any row has an error."""
    try:
        with database.atomic():
            checked = preview(visit_id, parsed)
            if not checked.ok:
                first = checked.errors[0]
                raise ValidationError(
                    ngettext(
                        "Nothing was imported: {count} problem in {source}, at {first}.",
                        "Nothing was imported: {count} problems in {source}, the first at {first}.",
                        len(checked.errors),
                    ).format(count=len(checked.errors), source=parsed.source, first=first)
                )
            context = visit_context(visit_id)
            if parsed.kind == HOSTS:
                touched = write_hosts(checked.plans, context)
            else:
                touched = write_visitors(checked.plans, context)
            message = f"Imported {checked.summary()} from {Path(parsed.source).name}."
            LogEntry.create(
                action="import", detail=message, at=dt.datetime.now().replace(microsecond=0)
            )
    except peewee.IntegrityError as exc:
        raise ValidationError(
            _("Nothing was imported: the database refused a value ({exc}).").format(exc=exc)
        ) from exc
    ids = {Entity(k): frozenset(v) for k, v in touched.items() if v}
    return ImportResult(Changes(ids, message), checked)


def apply_after_backup(visit_id: int, parsed: ParsedImport) -> ImportResult:
    """Back the database file up, then import: the backup takes an import back as a whole.

    An import touches many records at once and is not an undo step; File › Restore a backup
    (or ``twinplanner restore``) returns to the state just before it.
    """
    from twinplanner.io.backup import make_backup

    make_backup(Path(database.database), reason="before-import")
    return apply(visit_id, parsed)
