"""Encrypting a database file, changing its passphrase, and decrypting it, backups included.

Each conversion holds the writer lock, backs the current state up first (``make_backup``),
writes the converted database into a new private file beside the old one with SQLCipher's
``sqlcipher_export`` into an attached database, checks that the new file opens with the new
passphrase and holds the same records, and only then renames it over the old file. A failure
at any step leaves the old file as it was.

The automatic backups of the file are converted the same way, so that no plain copy of an
encrypted file is left behind, a changed passphrase does not leave copies readable with the
old one, and a decrypted file's backups restore without the old passphrase. A backup that
cannot be converted (a damaged copy, or one under another passphrase) is left as it is and
named in the result.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from twinplanner.data.cipher import (
    FileKind,
    PassphraseNeeded,
    check_new_passphrase,
    database_errors,
    file_kind,
    is_not_a_database,
    known_passphrase,
    opens_with,
    quote,
    remember_passphrase,
    sqlcipher,
)
from twinplanner.domain.errors import DatabaseFileError
from twinplanner.io.atomic import FileWriteError, explain_os_error
from twinplanner.io.backup import (
    FileFacts,
    inspect_file,
    list_backups,
    make_backup,
)


@dataclass(frozen=True)
class ConversionResult:
    """What a conversion did: the file, its state now, the backup of the state before, and
    which automatic backups were converted with it or left as they were."""

    path: Path
    encrypted: bool
    facts: FileFacts
    kept_before: Path
    backups_converted: tuple[Path, ...]
    backups_left: tuple[Path, ...]


def encrypt_database(path: Path | str, passphrase: str) -> ConversionResult:
    """Encrypt the plain database file at ``path`` (and its backups) with ``passphrase``."""
    path = Path(path)
    kind = file_kind(path)
    if kind is FileKind.UNKNOWN:
        raise DatabaseFileError(
            f"{path} is already encrypted (or not a TwinPlanner database); "
            "to change its passphrase, use change-passphrase."
        )
    _require_database(path, kind)
    return _convert(path, None, check_new_passphrase(passphrase), "before-encrypt")


def change_passphrase(
    path: Path | str, new_passphrase: str, *, passphrase: str | None = None
) -> ConversionResult:
    """Encrypt the encrypted file at ``path`` (and its backups) with ``new_passphrase``;
    ``passphrase`` is the current one (default: the one that opened it in this process)."""
    path = Path(path)
    old = _current_key(path, passphrase)
    new = check_new_passphrase(new_passphrase)
    if new == old:
        raise DatabaseFileError("The new passphrase is the same as the current one.")
    return _convert(path, old, new, "before-passphrase")


def decrypt_database(path: Path | str, *, passphrase: str | None = None) -> ConversionResult:
    """Write the encrypted file at ``path`` (and its backups) back as plain SQLite files."""
    path = Path(path)
    return _convert(path, _current_key(path, passphrase), None, "before-decrypt")


def _require_database(path: Path, kind: FileKind) -> None:
    if kind in (FileKind.MISSING, FileKind.EMPTY):
        raise DatabaseFileError(f"There is no database at {path}.")
    if kind is FileKind.NOT_DATABASE:
        raise DatabaseFileError(
            f"{path} is not a TwinPlanner database (it is not an SQLite file). Nothing was changed."
        )


def _current_key(path: Path, passphrase: str | None) -> str:
    kind = file_kind(path)
    if kind is FileKind.PLAIN:
        raise DatabaseFileError(
            f"{path} is not encrypted; to protect it with a passphrase, use encrypt."
        )
    _require_database(path, kind)
    key = passphrase if passphrase is not None else known_passphrase(path)
    if key is None:
        raise PassphraseNeeded(path)
    return key


def _convert(path: Path, old_key: str | None, new_key: str | None, reason: str) -> ConversionResult:
    """Back up, export into a new file under ``new_key``, check it, rename it over ``path``."""
    from twinplanner.data.db import close_database, open_database
    from twinplanner.data.lock import WriterLock, held_here
    from twinplanner.data.models import database
    from twinplanner.io.backup import _fsync_folder, _is_open_on

    sqlcipher()  # EncryptionUnavailable says why nothing can be converted here
    facts = inspect_file(path, check=True, passphrase=old_key)
    lock = None if held_here(path) else WriterLock(path).acquire()
    try:
        was_open = _is_open_on(database, path)
        if was_open:
            close_database()
        key_now = old_key
        try:
            kept = make_backup(path, reason=reason, passphrase=old_key)
            temp = export_copy(path, old_key, new_key, path.parent)
            try:
                after = inspect_file(temp, check=True, passphrase=new_key)
                if after != facts:
                    raise DatabaseFileError(
                        f"The converted copy of {path} does not hold the "
                        "same records; nothing was changed."
                    )
                for suffix in ("-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                os.replace(temp, path)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
            _fsync_folder(path.parent)
            key_now = new_key
            remember_passphrase(path, new_key)
            converted, left = _convert_backups(path, old_key, new_key)
        finally:
            if was_open:
                open_database(path, passphrase=key_now)
    finally:
        if lock is not None:
            lock.release()
    return ConversionResult(path, new_key is not None, facts, kept, converted, left)


def export_copy(source: Path, source_key: str | None, dest_key: str | None, folder: Path) -> Path:
    """Write ``source`` into a new private temporary file in ``folder``, encrypted with
    ``dest_key`` (plain when None), with SQLCipher's ``sqlcipher_export``.

    Raises PassphraseNeeded (wrong) when ``source_key`` does not open ``source``.
    """
    module = sqlcipher()
    fd, name = tempfile.mkstemp(prefix=f".{source.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    temp = Path(name)
    try:
        con = module.connect(str(source), timeout=10, isolation_level=None)
        try:
            if source_key is not None:
                con.execute(f"PRAGMA key = {quote(source_key)}")
            user_version = int(con.execute("PRAGMA main.user_version").fetchone()[0])
            con.execute("ATTACH DATABASE ? AS converted KEY ?", (str(temp), dest_key or ""))
            # A temporary file that is thrown away on any failure needs no journal; it is
            # synced once, whole, before it replaces anything.
            con.execute("PRAGMA converted.journal_mode = OFF")
            con.execute("PRAGMA converted.synchronous = OFF")
            con.execute("SELECT sqlcipher_export('converted')")
            # sqlcipher_export copies tables and rows, not the header's schema version.
            con.execute(f"PRAGMA converted.user_version = {user_version}")
            con.execute("DETACH DATABASE converted")
        finally:
            con.close()
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise FileWriteError(explain_os_error(source, exc), path=source) from exc
    except database_errors() as exc:
        temp.unlink(missing_ok=True)
        message = str(exc).lower()
        if source_key is not None and is_not_a_database(exc):
            raise PassphraseNeeded(source, wrong=True) from exc
        if "full" in message:
            raise FileWriteError(
                f"The disk holding {source} is full. Free some space; nothing was changed.",
                path=source,
            ) from exc
        raise DatabaseFileError(f"Cannot convert {source}: {exc}. Nothing was changed.") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _convert_backups(
    db_path: Path, old_key: str | None, new_key: str | None
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Convert every automatic backup of ``db_path`` to ``new_key``; returns (done, left).

    Each key derivation costs SQLCipher about 0.15 s, so the old key is simply tried in the
    export itself; only a backup it does not open is tested against the new key.
    """
    done: list[Path] = []
    left: list[Path] = []
    for info in list_backups(db_path, details=False):
        backup = info.path
        kind = file_kind(backup)
        if kind is FileKind.PLAIN and new_key is None:
            done.append(backup)
            continue
        if kind not in (FileKind.PLAIN, FileKind.UNKNOWN):
            left.append(backup)
            continue
        key = None if kind is FileKind.PLAIN else old_key
        try:
            temp = export_copy(backup, key, new_key, backup.parent)
            try:
                inspect_file(temp, check=False, passphrase=new_key)
                os.replace(temp, backup)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
        except PassphraseNeeded:
            if new_key is not None and opens_with(backup, new_key):
                done.append(backup)  # converted already (an earlier, interrupted run)
            else:
                left.append(backup)
            continue
        except (DatabaseFileError, OSError):
            left.append(backup)
            continue
        done.append(backup)
    return tuple(done), tuple(left)
