"""Helpers shared by the subcommands: opening the database, printing rows."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from twinplanner.data.db import open_database
from twinplanner.domain.errors import ValidationError


def db_path(args: argparse.Namespace) -> Path:
    """The database file named by ``--db`` or the default one."""
    from twinplanner.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


_opened: list = []


def open_db(args: argparse.Namespace, *, create: bool = True, readonly: bool = False,
            reading: bool = False):
    """Open the database the arguments name, holding the writer lock for the command's time.

    A command that only reads (``reading=True``) opens the file read-only when another
    TwinPlanner has it open for writing; a writing command is refused with the holder named.
    """
    from twinplanner.data.lock import open_guarded

    if readonly:
        return open_database(db_path(args), create=False, readonly=True)
    opened = open_guarded(db_path(args), create=create,
                          ask_readonly=(lambda _busy: True) if reading else None)
    _opened.append(opened)
    return opened.database


def close_opened() -> None:
    """Close what ``open_db`` opened and give the writer lock up."""
    while _opened:
        _opened.pop().close()


def add_visit_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """The ``--visit ID`` option."""
    parser.add_argument("--visit", type=int, required=required, metavar="ID", help="visit id")


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` option of list commands."""
    parser.add_argument("--json", action="store_true", help="print JSON that scripts can read")


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def row_dict(row: object) -> dict:
    """A frozen row as a JSON-ready dict."""
    return {f.name: _plain(getattr(row, f.name)) for f in dataclasses.fields(row)}  # type: ignore[arg-type]


def print_rows(
    rows: Sequence[object], columns: Iterable[str], *, as_json: bool, fields: Sequence[str] = ()
) -> None:
    """Print rows one per line, id first, or as a JSON list."""
    if as_json:
        print(json.dumps([row_dict(r) for r in rows], ensure_ascii=False, indent=1))
        return
    for row, text in zip(rows, columns, strict=True):
        print(f"{row.id}\t{text}")  # type: ignore[attr-defined]


def parse_date(text: str, what: str) -> dt.date:
    """A date in ISO form, or a ValidationError naming what was wrong."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(f"{what}: '{text}' is not a date (use YYYY-MM-DD).") from exc
