"""One writer at a time: an exclusive OS lock on ``<database>.lock`` while a process may write.

The lock is an OS lock (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows) on a small
file beside the database that names its holder (process, user, computer, since when). The
operating system drops the lock when the holder ends, even by a crash or ``kill -9``, so a
stale lock file of a dead process is simply taken over. A second process that tries to write
gets ``DatabaseInUseError`` naming the holder, and may open the file read-only instead::

    opened = open_guarded(path, ask_readonly=prompts.ask_open_readonly)
    if opened is None:   # the organiser cancelled
        ...
    ...
    opened.close()       # closes the database and releases the lock

Only where the file system offers no OS locks (some network shares) does the lock fall back to
the process id written in the file (taken over when that process is gone).
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from twinplanner.domain.errors import DatabaseFileError

LOCK_SUFFIX = ".lock"
_HELD: dict[Path, WriterLock] = {}
_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES}
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}


def lock_path(db_path: Path | str) -> Path:
    """The lock file of a database file."""
    return Path(f"{db_path}{LOCK_SUFFIX}")


@dataclass(frozen=True)
class LockHolder:
    """Who holds the writer lock of a database file."""

    pid: int | None
    user: str
    host: str
    since: str  # ISO date and time, local

    def describe(self) -> str:
        """A short phrase naming the holder, for messages."""
        parts = []
        if self.user:
            parts.append(f"by {self.user}")
        if self.host:
            parts.append(f"on {self.host}")
        if self.since:
            parts.append(f"since {self.since.replace('T', ' ')}")
        if self.pid:
            parts.append(f"process {self.pid}")
        return ", ".join(parts) or "by another TwinPlanner"


class DatabaseInUseError(DatabaseFileError):
    """Another running TwinPlanner has the database open for writing."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        super().__init__(
            f"{path} is open in another TwinPlanner ({holder.describe()}). Close it there, "
            "or open the file read-only."
        )
        self.path = path
        self.holder = holder


def _me() -> LockHolder:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: not worth failing for
        user = ""
    since = dt.datetime.now().replace(microsecond=0).isoformat()
    return LockHolder(os.getpid(), user, socket.gethostname(), since)


def _read_holder(fd: int) -> LockHolder:
    try:
        raw = os.pread(fd, 4096, 0) if hasattr(os, "pread") else b""
        data = json.loads(raw.decode("utf-8")) if raw else {}
    except (OSError, ValueError):
        data = {}
    pid = data.get("pid")
    return LockHolder(
        pid if isinstance(pid, int) else None,
        str(data.get("user", "")),
        str(data.get("host", "")),
        str(data.get("since", "")),
    )


def _write_holder(fd: int, holder: LockHolder) -> None:
    payload = json.dumps(
        {"pid": holder.pid, "user": holder.user, "host": holder.host, "since": holder.since}
    ).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, payload)


def _try_os_lock(fd: int) -> bool | None:
    """Lock ``fd`` without waiting: True when locked, False when busy, None when unsupported."""
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _UNSUPPORTED:
            return None
        if exc.errno in _BUSY or isinstance(exc, BlockingIOError):
            return False
        raise
    return True


def _pid_alive(holder: LockHolder) -> bool:
    """Whether the holder named in an unlocked file still runs (fallback without OS locks)."""
    if holder.pid is None or holder.pid == os.getpid():
        return False
    if holder.host and holder.host != socket.gethostname():
        return True  # another computer: we cannot tell, so assume it runs
    if os.name == "nt":
        return True  # os.kill would end the process on Windows
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class WriterLock:
    """The writer lock of one database file; ``acquire`` raises DatabaseInUseError when taken."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> WriterLock:
        """Take the lock, or raise DatabaseInUseError naming the process that has it."""
        if self._fd is not None:
            return self
        key = self.db_path.resolve()
        if key in _HELD:
            raise DatabaseInUseError(self.db_path, _HELD[key]._holder())
        for _ in range(10):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise DatabaseFileError(
                    f"Cannot create the lock file {self.path}: {exc.strerror}. The folder may "
                    "be read-only; open the database read-only instead."
                ) from exc
            locked = _try_os_lock(fd)
            if locked is False:
                holder = _read_holder(fd)
                os.close(fd)
                raise DatabaseInUseError(self.db_path, holder)
            if locked is None and _pid_alive(holder := _read_holder(fd)):
                os.close(fd)
                raise DatabaseInUseError(self.db_path, holder)
            if locked and not self._still_linked(fd):
                os.close(fd)  # the holder removed the file as we opened it: try again
                continue
            _write_holder(fd, _me())
            self._fd = fd
            _HELD[key] = self
            return self
        raise DatabaseFileError(f"Could not take the lock {self.path}; try again.")

    def _still_linked(self, fd: int) -> bool:
        if os.name == "nt":
            return True
        try:
            on_disk = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)

    def _holder(self) -> LockHolder:
        return _read_holder(self._fd) if self._fd is not None else _me()

    def release(self) -> None:
        """Give the lock up and remove the lock file."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _HELD.pop(self.db_path.resolve(), None)
        if os.name != "nt":
            # Removed while still locked, so a waiting process never locks a removed file
            # (it checks that the file it locked is still the one on disk).
            self.path.unlink(missing_ok=True)
        os.close(fd)
        if os.name == "nt":
            try:
                self.path.unlink()
            except OSError:
                pass

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def held_here(db_path: Path | str) -> WriterLock | None:
    """The lock this process holds on ``db_path``, if any."""
    return _HELD.get(Path(db_path).resolve())


def holder_of(db_path: Path | str) -> LockHolder | None:
    """Who has ``db_path`` open for writing (this process included), or None when nobody."""
    mine = held_here(db_path)
    if mine is not None:
        return mine._holder()
    probe = WriterLock(db_path)
    try:
        probe.acquire()
    except DatabaseInUseError as exc:
        return exc.holder
    probe.release()
    return None


@dataclass
class OpenedDatabase:
    """A database opened by the window or a command: read-only, or holding the writer lock."""

    path: Path
    database: SqliteDatabase
    lock: WriterLock | None

    @property
    def readonly(self) -> bool:
        """True when opened without the writer lock."""
        return self.lock is None

    def close(self) -> None:
        """Close the database, then give the lock up."""
        from twinplanner.data.db import close_database

        close_database()
        if self.lock is not None:
            self.lock.release()


def open_guarded(
    path: Path | str,
    *,
    ask_readonly: Callable[[DatabaseInUseError], bool] | None = None,
    create: bool = True,
    passphrase: str | None = None,
    ask_passphrase: Callable[[Path, bool], str | None] | None = None,
) -> OpenedDatabase | None:
    """Open ``path`` for writing under its writer lock.

    When another TwinPlanner has it, ``ask_readonly(error)`` decides: True opens it read-only,
    False cancels and returns None. Without ``ask_readonly`` the DatabaseInUseError is raised.
    ``passphrase`` opens an encrypted file; when it is missing or wrong,
    ``ask_passphrase(path, wrong)`` is asked (three times at most; None cancels) and without
    it PassphraseNeeded is raised.
    """
    from twinplanner.data.db import open_asking

    path = Path(path)
    lock = WriterLock(path)
    try:
        lock.acquire()
    except DatabaseInUseError as exc:
        if ask_readonly is None:
            raise
        if not ask_readonly(exc):
            return None
        db = open_asking(
            path, create=False, readonly=True, passphrase=passphrase, ask=ask_passphrase
        )
        return None if db is None else OpenedDatabase(path, db, None)
    try:
        db = open_asking(path, create=create, passphrase=passphrase, ask=ask_passphrase)
    except BaseException:
        lock.release()
        raise
    if db is None:
        lock.release()
        return None
    return OpenedDatabase(path, db, lock)
