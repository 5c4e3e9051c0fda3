"""Backups of the database file: SQLite online backup, rotation, listing, checked restore.

Backups are whole SQLite files made with ``sqlite3.Connection.backup`` through a connection of
their own, so they are consistent even while the program (or another one) writes. Automatic
backups live beside the user data in ``paths.backup_dir(db_path)``, named
``<db stem>-YYYYMMDD-HHMMSS[-n]-<reason>.sqlite``, readable by the owner only, and rotated:
the newest ``KEEP_LAST`` plus the newest of each of the last ``KEEP_MONTHS`` calendar months.

Backups of an encrypted file are encrypted with the same passphrase (the one that opened the
file in this process, see ``data.cipher.known_passphrase``, unless one is passed); reading or
restoring an encrypted backup needs it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from twinplanner.data import migrations
from twinplanner.data.cipher import (
    FileKind,
    PassphraseNeeded,
    database_errors,
    file_kind,
    is_not_a_database,
    known_passphrase,
    remember_passphrase,
)
from twinplanner.data.cipher import connect as connect_file
from twinplanner.domain.errors import DatabaseFileError
from twinplanner.io.atomic import FileWriteError, explain_os_error
from twinplanner.paths import backup_dir, ensure_private_dir

KEEP_LAST = 10
KEEP_MONTHS = 12
REQUIRED_TABLES = frozenset({"visit", "person", "household"})
# Backups of a damaged file are the only copy of its last state: rotation leaves them alone.
UNROTATED_REASONS = frozenset({"damaged"})
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken, why, and what it holds."""

    path: Path
    taken_at: dt.datetime
    reason: str
    size: int
    schema_version: int | None = None
    visits: int | None = None
    people: int | None = None
    households: int | None = None
    problem: str = ""  # why the file cannot be read; empty when it can

    @property
    def name(self) -> str:
        """The file name."""
        return self.path.name


@dataclass(frozen=True)
class FileFacts:
    """What a database file holds, read without changing it."""

    schema_version: int
    visits: int
    people: int
    households: int


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?-([a-z-]+)\.sqlite$")


def backup_name(db_path: Path, taken_at: dt.datetime, reason: str, n: int = 0) -> str:
    """The file name of an automatic backup of ``db_path``."""
    counter = f"-{n}" if n else ""
    return f"{db_path.stem}-{taken_at.strftime(_STAMP)}{counter}-{reason}.sqlite"


def _connect_readonly(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    return connect_file(f"{path.resolve().as_uri()}?mode=ro", passphrase, uri=True)  # type: ignore[no-any-return]


def key_of(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to open ``path`` with: None for a plain file, else the one given or
    known; raises PassphraseNeeded when the file may be encrypted and none is known."""
    kind = file_kind(path)
    if kind is not FileKind.UNKNOWN:
        return None
    key = passphrase if passphrase is not None else known_passphrase(path)
    if key is None:
        raise PassphraseNeeded(path)
    return key


def inspect_file(
    path: Path | str, *, check: bool = True, passphrase: str | None = None
) -> FileFacts:
    """Read a database file's schema version and counts, refusing what TwinPlanner cannot use.

    Raises DatabaseFileError naming the file when it is missing, not an SQLite file, damaged
    (``check`` runs SQLite's quick check), not a TwinPlanner database, or written by a newer
    version; PassphraseNeeded when it is encrypted and ``passphrase`` is missing or wrong.
    The file is opened read-only and left as it is.
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseFileError(f"There is no file at {path}.")
    if file_kind(path) in (FileKind.EMPTY, FileKind.NOT_DATABASE):
        raise DatabaseFileError(f"{path} is not a TwinPlanner database (it is not an SQLite file).")
    key = key_of(path, passphrase)
    try:
        con = _connect_readonly(path, key)
        try:
            if check:
                result = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
                if result != ["ok"]:
                    raise DatabaseFileError(f"{path} is damaged ({'; '.join(result[:3])}).")
            version = con.execute("PRAGMA user_version").fetchone()[0]
            query = "SELECT name FROM sqlite_master WHERE type='table'"
            tables = {r[0] for r in con.execute(query)}
            if version > migrations.LATEST_VERSION:
                raise DatabaseFileError(
                    f"{path} was written by a newer version of TwinPlanner (schema {version}; "
                    f"this version reads up to {migrations.LATEST_VERSION}). Update TwinPlanner "
                    "to use it."
                )
            if version < 1 or not REQUIRED_TABLES <= tables:
                raise DatabaseFileError(f"{path} is an SQLite file but not a TwinPlanner database.")
            counts = [
                con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("visit", "person", "household")
            ]
        finally:
            con.close()
    except database_errors() as exc:
        if key is not None and is_not_a_database(exc):
            raise PassphraseNeeded(path, wrong=True) from exc
        raise DatabaseFileError(f"{path} is damaged or unreadable ({exc}).") from exc
    return FileFacts(version, *counts)


def _copy_database(
    source: Path, dest_folder: Path, dest_name_hint: str, key: str | None = None
) -> Path:
    """Copy ``source`` with the online backup API into a new private temporary file; an
    encrypted source (``key`` its passphrase) gives a copy encrypted with the same key."""
    fd, name = tempfile.mkstemp(prefix=f".{dest_name_hint}.", suffix=".tmp", dir=dest_folder)
    os.close(fd)
    temp = Path(name)
    try:
        src = connect_file(str(source), key, timeout=10)
        try:
            dst = connect_file(str(temp), key)
            try:
                src.backup(dst)
                # A backup is a single self-contained file: no -wal beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _fsync_folder(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_to(db_path: Path | str, dest: Path | str, *, passphrase: str | None = None) -> Path:
    """Write a consistent copy of the database at ``db_path`` to ``dest`` (owner may read only).

    A copy of an encrypted file is encrypted with the same passphrase (``passphrase``, or the
    one that opened the file in this process).
    """
    db_path, dest = Path(db_path), Path(dest)
    if not db_path.is_file():
        raise DatabaseFileError(f"There is no database file at {db_path} to back up.")
    if dest.resolve() == db_path.resolve():
        raise DatabaseFileError(f"The backup cannot replace the database itself ({dest}).")
    key = key_of(db_path, passphrase)
    try:
        temp = _copy_database(db_path, dest.parent, dest.name, key)
        os.replace(temp, dest)
        _fsync_folder(dest.parent)
        remember_passphrase(dest, key)  # the copy opens with the same passphrase
    except OSError as exc:
        raise FileWriteError(explain_os_error(dest, exc), path=dest, errno_=exc.errno) from exc
    except database_errors() as exc:
        _raise_sqlite(db_path, dest, exc, key)
    return dest


def _raise_sqlite(
    db_path: Path, dest: Path, exc: BaseException, key: str | None = None
) -> NoReturn:
    message = str(exc).lower()
    if key is not None and is_not_a_database(exc):
        raise PassphraseNeeded(db_path, wrong=True) from exc
    if "full" in message:
        raise FileWriteError(
            f"Cannot write {dest}: the disk is full. Free some space; nothing was written.",
            path=dest,
        ) from exc
    if "readonly" in message or "unable to open" in message:
        raise FileWriteError(
            f"Cannot write {dest}: the folder is read-only or not there.", path=dest
        ) from exc
    raise DatabaseFileError(f"Cannot back up {db_path}: {exc}.") from exc


def make_backup(
    db_path: Path | str,
    *,
    reason: str = "manual",
    now: dt.datetime | None = None,
    rotate: bool = True,
    passphrase: str | None = None,
) -> Path:
    """Make an automatic backup of ``db_path`` in its backup folder and rotate old ones (an
    encrypted file's backup is encrypted with its passphrase)."""
    db_path = Path(db_path)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backup_dir(db_path)
    try:
        ensure_private_dir(folder)
    except OSError as exc:
        raise FileWriteError(explain_os_error(folder, exc, doing="create"), path=folder) from exc
    n = 0
    while (dest := folder / backup_name(db_path, now, reason, n)).exists():
        n += 1
    backup_to(db_path, dest, passphrase=passphrase)
    if rotate:
        rotate_backups(db_path, now=now)
    return dest


def _parse(db_path: Path, path: Path) -> tuple[dt.datetime, int, str] | None:
    match = _name_pattern(db_path.stem).match(path.name)
    if not match:
        return None
    stamp, counter, reason = match.groups()
    try:
        taken_at = dt.datetime.strptime(stamp, _STAMP)
    except ValueError:
        return None
    return taken_at, int(counter or 0), reason


def list_backups(
    db_path: Path | str, *, details: bool = True, passphrase: str | None = None
) -> list[BackupInfo]:
    """The automatic backups of ``db_path``, newest first; ``details`` reads counts from each
    (encrypted ones with ``passphrase``, or the one that opened ``db_path`` in this process)."""
    db_path = Path(db_path)
    key = passphrase if passphrase is not None else known_passphrase(db_path)
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[tuple[tuple[dt.datetime, int], BackupInfo]] = []
    for path in folder.iterdir():
        parsed = _parse(db_path, path)
        if parsed is None or not path.is_file():
            continue
        taken_at, counter, reason = parsed
        info = BackupInfo(path, taken_at, reason, path.stat().st_size)
        if details:
            info = _with_details(info, key)
        found.append(((taken_at, counter), info))
    found.sort(key=lambda item: item[0], reverse=True)
    return [info for _, info in found]


def _with_details(info: BackupInfo, key: str | None) -> BackupInfo:
    try:
        facts = inspect_file(info.path, check=False, passphrase=key)
    except DatabaseFileError as exc:
        return BackupInfo(info.path, info.taken_at, info.reason, info.size, problem=str(exc))
    return BackupInfo(
        info.path,
        info.taken_at,
        info.reason,
        info.size,
        facts.schema_version,
        facts.visits,
        facts.people,
        facts.households,
    )


def backups_to_delete(
    backups: Sequence[tuple[str, dt.datetime]],
    now: dt.datetime,
    *,
    keep_last: int = KEEP_LAST,
    keep_months: int = KEEP_MONTHS,
) -> set[str]:
    """Which backups rotation removes: all but the newest ``keep_last`` and the newest of each
    of the last ``keep_months`` calendar months (pure: names and times in, names out)."""
    ordered = sorted(backups, key=lambda b: (b[1], b[0]), reverse=True)
    keep = {name for name, _ in ordered[:keep_last]}
    this_month = now.year * 12 + now.month - 1
    seen_months: set[int] = set()
    for name, taken_at in ordered:
        month = taken_at.year * 12 + taken_at.month - 1
        if 0 <= this_month - month < keep_months and month not in seen_months:
            seen_months.add(month)
            keep.add(name)
    return {name for name, _ in ordered} - keep


def rotate_backups(db_path: Path | str, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete the automatic backups rotation no longer keeps; returns the files removed."""
    db_path = Path(db_path)
    infos = [b for b in list_backups(db_path, details=False) if b.reason not in UNROTATED_REASONS]
    doomed = backups_to_delete([(b.name, b.taken_at) for b in infos], now or dt.datetime.now())
    removed = []
    for info in infos:
        if info.name in doomed:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def keep_damaged_copy(db_path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Copy a file SQLite cannot back up (and its -wal) byte for byte into the backup folder."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = ensure_private_dir(backup_dir(db_path))
    dest = folder / backup_name(db_path, now, "damaged")
    copied = []
    for suffix in ("", "-wal"):
        src = Path(f"{db_path}{suffix}")
        if src.exists() and (suffix == "" or src.stat().st_size > 0):
            target = Path(f"{dest}{suffix}")
            shutil.copyfile(src, target)
            os.chmod(target, 0o600)
            copied.append(target)
    return copied


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the file restored, and where the state before it was kept."""

    restored_from: Path
    facts: FileFacts
    kept_before: tuple[Path, ...]


def restore_database(
    source: Path | str,
    db_path: Path | str,
    *,
    now: dt.datetime | None = None,
    passphrase: str | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` by the backup ``source``, after backing it up.

    The backup is checked first (SQLite file, not damaged, a TwinPlanner database, not from a
    newer version); a refused backup changes nothing. The current file is then backed up
    (byte for byte if it is too damaged for SQLite), and the restored copy replaces it by a
    rename. Needs the writer lock: it is taken for the time of the restore unless this process
    holds it already. If this process had the database open, it is open again afterwards.
    An encrypted backup needs its passphrase: ``passphrase``, or the one known for the backup
    or for the database file; the restored file keeps the backup's encryption.
    """
    from twinplanner.data.db import close_database, open_database
    from twinplanner.data.lock import WriterLock, held_here
    from twinplanner.data.models import database

    source, db_path = Path(source), Path(db_path)
    if source.resolve() == db_path.resolve():
        raise DatabaseFileError(f"{source} is the database itself; choose a backup to restore.")
    if passphrase is None:
        passphrase = known_passphrase(source) or known_passphrase(db_path)
    facts = inspect_file(source, check=True, passphrase=passphrase)
    key = key_of(source, passphrase)
    lock = None if held_here(db_path) else WriterLock(db_path).acquire()
    try:
        was_open = _is_open_on(database, db_path)
        if was_open:
            close_database()
        kept = _keep_current(db_path, now)
        try:
            temp = _copy_database(source, db_path.parent, db_path.name, key)
        except OSError as exc:
            raise FileWriteError(explain_os_error(db_path, exc), path=db_path) from exc
        except database_errors() as exc:
            _raise_sqlite(source, db_path, exc, key)
        # The old write-ahead log belongs to the old file: replayed onto the restored one it
        # would damage it. The old state is safe in the backup just made.
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, db_path)
        _fsync_folder(db_path.parent)
        remember_passphrase(db_path, key)
        if was_open:
            open_database(db_path, passphrase=key)
    finally:
        if lock is not None:
            lock.release()
    return RestoreResult(source, facts, tuple(kept))


def _is_open_on(database: object, db_path: Path) -> bool:
    if getattr(database, "deferred", True) or database.is_closed():  # type: ignore[attr-defined]
        return False
    name = str(database.database)  # type: ignore[attr-defined]
    if name.startswith("file:"):
        name = name[5:].split("?", 1)[0]
    try:
        return Path(name).resolve() == db_path.resolve()
    except OSError:
        return False


def _keep_current(db_path: Path, now: dt.datetime | None) -> list[Path]:
    """Back the current file up before it is replaced; a damaged one is copied byte for byte."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return []
    try:
        inspect_file(db_path, check=True)
    except DatabaseFileError:
        return keep_damaged_copy(db_path, now=now)
    return [make_backup(db_path, reason="before-restore", now=now)]
