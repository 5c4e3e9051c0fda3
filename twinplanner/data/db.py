"""Opening the one SQLite file (plain or encrypted): pragmas, folding functions, schema creation
and upgrades."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from twinplanner.data import migrations
from twinplanner.data.cipher import (
    EncryptionUnavailable,
    FileKind,
    PassphraseNeeded,
    check_new_passphrase,
    database_errors,
    file_kind,
    is_not_a_database,
    known_passphrase,
    remember_passphrase,
    sqlcipher,
)
from twinplanner.data.models import ALL_MODELS, database
from twinplanner.domain.errors import DatabaseFileError
from twinplanner.domain.text import fold

BUSY_TIMEOUT_MS = 5000
PASSPHRASE_TRIES = 3
__all__ = ["PassphraseNeeded", "close_database", "is_encrypted", "open_asking", "open_database"]


def _fold_collation(a: str, b: str) -> int:
    fa, fb = fold(a), fold(b)
    return (fa > fb) - (fa < fb)


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner only, so SQLite keeps that mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    readonly: bool = False,
    passphrase: str | None = None,
) -> SqliteDatabase:
    """Open (and create or upgrade) the database file at ``path``.

    ``passphrase`` opens an encrypted file (without it, the one that last opened the file in
    this process is used); a new file given a passphrase is created encrypted; a plain file
    opens without one. Raises PassphraseNeeded when an encrypted file (or a file that may be
    one) comes without a passphrase or with a wrong one, and DatabaseFileError with a
    sentence the organiser can act on when the file is not a TwinPlanner database, is
    damaged, was written by a newer version, or cannot be written.
    """
    path = Path(path)
    if not database.deferred and not database.is_closed():
        database.close()
    kind = file_kind(path)
    is_new = kind in (FileKind.MISSING, FileKind.EMPTY)
    if is_new and not create:
        raise DatabaseFileError(f"There is no database file at {path}.")
    if is_new and readonly:
        raise DatabaseFileError(f"{path} is empty; an empty file cannot be opened read-only.")
    if kind is FileKind.NOT_DATABASE:
        raise DatabaseFileError(_not_sqlite(path))
    key = _key_for(path, kind, passphrase)
    try:
        if not path.exists():
            _create_private_file(path)
    except OSError as exc:
        raise DatabaseFileError(f"Cannot create the database file {path}: {exc.strerror}.") from exc

    pragmas: dict[str, object] = {"foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS}
    if readonly:
        database.init(f"file:{path}?mode=ro", uri=True, pragmas=pragmas, passphrase=key)
    else:
        pragmas.update({"journal_mode": "wal", "synchronous": "normal"})
        database.init(str(path), pragmas=pragmas, passphrase=key)
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
    except (peewee.DatabaseError, *database_errors()) as exc:  # type: ignore[misc]
        _close_quietly()
        if key is not None and is_not_a_database(exc):
            raise PassphraseNeeded(path, wrong=True) from exc
        raise DatabaseFileError(_explain(path, exc)) from exc
    except DatabaseFileError:
        _close_quietly()
        raise
    remember_passphrase(path, key)
    return database


def _key_for(path: Path, kind: FileKind, passphrase: str | None) -> str | None:
    """The passphrase to key the connection with: None for a plain file."""
    if kind is FileKind.PLAIN:
        return None
    if kind is FileKind.UNKNOWN:
        try:
            sqlcipher()
        except EncryptionUnavailable as exc:
            raise EncryptionUnavailable(
                f"{path} is not a TwinPlanner database, or it is encrypted. {exc}"
            ) from exc
        key = passphrase if passphrase is not None else known_passphrase(path)
        if key is None:
            raise PassphraseNeeded(path)
        return key
    if passphrase is not None:  # a new file, created encrypted
        sqlcipher()
        return check_new_passphrase(passphrase)
    return None


def open_asking(
    path: Path | str,
    *,
    ask: Callable[[Path, bool], str | None] | None,
    create: bool = True,
    readonly: bool = False,
    passphrase: str | None = None,
    tries: int = PASSPHRASE_TRIES,
) -> SqliteDatabase | None:
    """``open_database``, asking ``ask(path, wrong)`` for the passphrase up to ``tries`` times
    when the file needs one; None when the organiser gave none (cancelled)."""
    path = Path(path)
    asked = 0
    while True:
        try:
            return open_database(path, create=create, readonly=readonly, passphrase=passphrase)
        except PassphraseNeeded as exc:
            if ask is None or asked >= tries:
                raise
            passphrase = ask(path, exc.wrong)
            asked += 1
            if passphrase is None:
                return None


def is_encrypted(db: SqliteDatabase | None = None) -> bool:
    """True when the open database file is encrypted."""
    return bool(getattr(db if db is not None else database, "encrypted", False))


def _close_quietly() -> None:
    if not database.is_closed():
        database.close()


def _check_is_ours(path: Path, version: int) -> None:
    """Refuse a valid SQLite file that holds some other program's tables."""
    if version != 0:
        return
    query = "SELECT name FROM sqlite_master WHERE type='table'"
    tables = [r[0] for r in database.execute_sql(query)]
    if tables:
        raise DatabaseFileError(
            f"{path} is an SQLite database of another program (it has tables "
            f"{', '.join(sorted(tables)[:3])}), not a TwinPlanner file. Nothing was changed."
        )


def _explain(path: Path, exc: Exception) -> str:
    message = str(exc).lower()
    if "not a database" in message or "file is encrypted" in message:
        return _not_sqlite(path)
    if "malformed" in message or "corrupt" in message:
        return f"{path} is damaged ({exc}). Restore a backup; the damaged file was left as it is."
    if "readonly" in message or "read-only" in message:
        return f"{path} cannot be written (read-only file or folder). Open it read-only or copy it."
    if "disk" in message and "full" in message:
        return f"The disk holding {path} is full. Free some space; nothing was changed."
    if "locked" in message or "busy" in message:
        return f"{path} is in use by another program and did not become free in time."
    return f"Cannot open {path}: {exc}."


def _not_sqlite(path: Path) -> str:
    return f"{path} is not a TwinPlanner database (it is not an SQLite file). Nothing was changed."


def close_database() -> None:
    """Close the connection if open."""
    if not database.deferred and not database.is_closed():
        database.close()
