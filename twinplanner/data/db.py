"""Opening the one SQLite file: pragmas, folding functions, schema creation and upgrades."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from twinplanner.data import migrations
from twinplanner.data.models import ALL_MODELS, database
from twinplanner.domain.errors import DatabaseFileError
from twinplanner.domain.text import fold

BUSY_TIMEOUT_MS = 5000


def _fold_collation(a: str, b: str) -> int:
    fa, fb = fold(a), fold(b)
    return (fa > fb) - (fa < fb)


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner only, so SQLite keeps that mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def open_database(path: Path | str, *, create: bool = True, readonly: bool = False) -> SqliteDatabase:
    """Open (and create or upgrade) the database file at ``path``.

    Raises DatabaseFileError with a sentence the organiser can act on when the file is not a
    TwinPlanner database, is damaged, was written by a newer version, or cannot be written.
    """
    path = Path(path)
    if not database.deferred and not database.is_closed():
        database.close()
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new and not create:
        raise DatabaseFileError(f"There is no database file at {path}.")
    if is_new and readonly:
        raise DatabaseFileError(f"{path} is empty; an empty file cannot be opened read-only.")
    try:
        if not path.exists():
            _create_private_file(path)
    except OSError as exc:
        raise DatabaseFileError(f"Cannot create the database file {path}: {exc.strerror}.") from exc

    pragmas = {"foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS}
    if readonly:
        database.init(f"file:{path}?mode=ro", uri=True, pragmas=pragmas)
    else:
        pragmas.update({"journal_mode": "wal", "synchronous": "normal"})
        database.init(str(path), pragmas=pragmas)
    database.register_function(fold, "fold", 1)
    database.register_collation(_fold_collation, "folded")
    try:
        database.connect(reuse_if_open=True)
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        _check_is_ours(path, version)
        if version > migrations.LATEST_VERSION:
            raise DatabaseFileError(
                f"{path} was written by a newer version of TwinPlanner (schema {version}; this "
                f"version reads up to {migrations.LATEST_VERSION}). Update TwinPlanner to open it."
            )
        if not readonly:
            if version == 0:
                with database.atomic():
                    database.create_tables(ALL_MODELS)
                    migrations.set_version(database, migrations.LATEST_VERSION)
            elif version < migrations.LATEST_VERSION:
                migrations.upgrade(database, version)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        if not database.is_closed():
            database.close()
        raise DatabaseFileError(_explain(path, exc)) from exc
    except DatabaseFileError:
        if not database.is_closed():
            database.close()
        raise
    return database


def _check_is_ours(path: Path, version: int) -> None:
    """Refuse a valid SQLite file that holds some other program's tables."""
    if version != 0:
        return
    tables = [r[0] for r in database.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")]
    if tables:
        raise DatabaseFileError(
            f"{path} is an SQLite database of another program (it has tables "
            f"{', '.join(sorted(tables)[:3])}), not a TwinPlanner file. Nothing was changed."
        )


def _explain(path: Path, exc: Exception) -> str:
    message = str(exc).lower()
    if "not a database" in message or "file is encrypted" in message:
        return f"{path} is not a TwinPlanner database (it is not an SQLite file). Nothing was changed."
    if "malformed" in message or "corrupt" in message:
        return f"{path} is damaged ({exc}). Restore a backup; the damaged file was left as it is."
    if "readonly" in message or "read-only" in message:
        return f"{path} cannot be written (read-only file or folder). Open it read-only or copy it."
    if "disk" in message and "full" in message:
        return f"The disk holding {path} is full. Free some space; nothing was changed."
    if "locked" in message or "busy" in message:
        return f"{path} is in use by another program and did not become free in time."
    return f"Cannot open {path}: {exc}."


def close_database() -> None:
    """Close the connection if open."""
    if not database.deferred and not database.is_closed():
        database.close()
