"""Helpers shared by the subcommands: opening the database (with its passphrase when it is
encrypted), printing rows."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from twinplanner.data.db import open_database
from twinplanner.domain.errors import DatabaseFileError, ValidationError

PASSPHRASE_ENV = "TWINPLANNER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "TWINPLANNER_NEW_PASSPHRASE"
PASSPHRASE_HINT = (
    f"Give the passphrase in the environment variable {PASSPHRASE_ENV} or in a "
    "file with --passphrase-file FILE (or type it when asked on a terminal)."
)


def db_path(args: argparse.Namespace) -> Path:
    """The database file named by ``--db`` or the default one."""
    from twinplanner.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


_opened: list = []


def open_db(
    args: argparse.Namespace, *, create: bool = True, readonly: bool = False, reading: bool = False
):
    """Open the database the arguments name, holding the writer lock for the command's time.

    A command that only reads (``reading=True``) opens the file read-only when another
    TwinPlanner has it open for writing; a writing command is refused with the holder named.
    """
    from twinplanner.data.cipher import known_passphrase
    from twinplanner.data.lock import open_guarded

    path = db_path(args)
    passphrase = known_passphrase(path)  # found by ``prepare_passphrase`` before the command
    if readonly:
        return open_database(path, create=False, readonly=True, passphrase=passphrase)
    opened = open_guarded(
        path,
        create=create,
        passphrase=passphrase,
        ask_readonly=(lambda _busy: True) if reading else None,
    )
    assert opened is not None  # neither question can be answered "cancel" here
    _opened.append(opened)
    return opened.database


def read_passphrase_file(name: str | os.PathLike[str]) -> str:
    """The passphrase held in a file: its text without the final line break."""
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DatabaseFileError(
            f"Cannot read the passphrase file {path}: {exc.strerror or exc}."
        ) from exc
    except UnicodeDecodeError as exc:
        raise DatabaseFileError(f"The passphrase file {path} is not UTF-8 text.") from exc
    text = text.removesuffix("\n").removesuffix("\r")
    if not text:
        raise DatabaseFileError(f"The passphrase file {path} is empty.")
    return text


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from ``--passphrase-file`` or else TWINPLANNER_PASSPHRASE, if any."""
    name = getattr(args, "passphrase_file", None)
    if name:
        return read_passphrase_file(name)
    return os.environ.get(PASSPHRASE_ENV) or None


def prepare_passphrase(args: argparse.Namespace, *, tries: int = 3) -> None:
    """When the database file is encrypted, find its passphrase before the command runs.

    It comes from ``--passphrase-file``, from TWINPLANNER_PASSPHRASE or, on a terminal, from
    a prompt that does not echo (asked again, up to ``tries`` times, while it is wrong); it is
    kept in memory only, for every part of the command that reads the file. Never from an
    argument: it would show in the list of processes.
    """
    from twinplanner.data.cipher import FileKind, file_kind, opens_with, remember_passphrase

    path = db_path(args)
    if file_kind(path) is not FileKind.UNKNOWN:
        return
    given = given_passphrase(args)
    if given is not None:
        remember_passphrase(path, given)  # a wrong one is reported by what opens the file
        return
    if not sys.stdin.isatty():
        return
    import getpass

    for _attempt in range(tries):
        typed = getpass.getpass(f"Passphrase for {path}: ")
        if typed and opens_with(path, typed):
            remember_passphrase(path, typed)
            return
        print("twinplanner: that passphrase does not open the file.", file=sys.stderr)


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
