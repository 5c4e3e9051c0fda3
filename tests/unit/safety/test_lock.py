"""One writer at a time: the writer lock, a second process refused, stale locks taken over."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.unit.safety.helpers import child, stop, wait_for_line
from twinplanner.data.db import close_database, open_database
from twinplanner.data.lock import (
    DatabaseInUseError,
    WriterLock,
    holder_of,
    lock_path,
    open_guarded,
)
from twinplanner.domain.errors import DatabaseFileError

HOLD = """
import sys
from twinplanner.data.lock import open_guarded
opened = open_guarded(sys.argv[1])
print("locked", flush=True)
sys.stdin.readline()
opened.close()
print("released", flush=True)
"""

TRY = """
import sys
from twinplanner.data.lock import WriterLock, DatabaseInUseError
try:
    WriterLock(sys.argv[1]).acquire()
except DatabaseInUseError as exc:
    print("refused:", exc, flush=True)
    sys.exit(3)
print("acquired", flush=True)
"""


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A closed, valid database file."""
    path = tmp_path / "club.sqlite"
    open_database(path)
    close_database()
    return path


def test_second_lock_in_same_process_is_refused(db_file: Path) -> None:
    """While one lock is held, another on the same file raises DatabaseInUseError."""
    with WriterLock(db_file):
        with pytest.raises(DatabaseInUseError, match="open in another TwinPlanner"):
            WriterLock(db_file).acquire()
    WriterLock(db_file).acquire().release()  # free again once released
    assert not lock_path(db_file).exists()


def test_lock_refused_for_a_second_process_and_freed_after(db_file: Path) -> None:
    """A second process cannot take the lock another process holds, and can once it is freed."""
    holder = child(HOLD, str(db_file))
    try:
        wait_for_line(holder, "locked")
        info = holder_of(db_file)
        assert info is not None and info.pid == holder.pid
        other = child(TRY, str(db_file))
        out, _ = other.communicate(timeout=60)
        assert other.returncode == 3
        assert f"process {holder.pid}" in out and "read-only" in out
        holder.stdin.write("\n")
        holder.stdin.flush()
        wait_for_line(holder, "released")
    finally:
        stop(holder)
    again = child(TRY, str(db_file))
    out, _ = again.communicate(timeout=60)
    assert again.returncode == 0 and "acquired" in out


def test_stale_lock_of_a_killed_process_is_taken_over(db_file: Path) -> None:
    """After the holder is killed (SIGKILL), its lock file remains but the lock is taken over."""
    holder = child(HOLD, str(db_file))
    wait_for_line(holder, "locked")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    stop(holder)
    stale = json.loads(lock_path(db_file).read_text())
    assert stale["pid"] == holder.pid  # the dead process's file is still there
    assert holder_of(db_file) is None
    with WriterLock(db_file):
        assert json.loads(lock_path(db_file).read_text())["pid"] == os.getpid()


def test_stale_lock_file_without_os_lock_is_taken_over(db_file: Path) -> None:
    """A lock file naming a process that no longer runs does not block anyone."""
    lock_path(db_file).write_text(json.dumps({"pid": 999_999_999, "user": "x", "host": "y"}))
    with WriterLock(db_file) as lock:
        assert lock.held


def test_open_guarded_offers_read_only_or_cancel(db_file: Path) -> None:
    """When another TwinPlanner writes, the caller chooses: read-only opens, cancel gives None."""
    holder = child(HOLD, str(db_file))
    try:
        wait_for_line(holder, "locked")
        asked: list[DatabaseInUseError] = []
        assert open_guarded(db_file, ask_readonly=lambda e: asked.append(e) or False) is None
        assert asked and asked[0].holder.pid == holder.pid
        opened = open_guarded(db_file, ask_readonly=lambda e: True)
        assert opened is not None and opened.readonly
        with pytest.raises(Exception, match="readonly"):
            opened.database.execute_sql(
                "INSERT INTO town (name, country, language) VALUES ('X', 'DE', 'de')"
            )
        opened.close()
        with pytest.raises(DatabaseInUseError):
            open_guarded(db_file)
    finally:
        stop(holder)


def test_open_guarded_holds_the_lock_until_closed(db_file: Path) -> None:
    """Opening for writing takes the lock; closing the database gives it up."""
    opened = open_guarded(db_file)
    assert opened is not None and not opened.readonly
    assert holder_of(db_file).pid == os.getpid()
    opened.close()
    assert holder_of(db_file) is None


def test_restore_refused_while_another_process_writes(db_file: Path, tmp_path: Path) -> None:
    """A restore never replaces a file another TwinPlanner has open for writing."""
    from twinplanner.io.backup import backup_to, restore_database

    saved = backup_to(db_file, tmp_path / "saved.sqlite")
    holder = child(HOLD, str(db_file))
    try:
        wait_for_line(holder, "locked")
        with pytest.raises(DatabaseInUseError):
            restore_database(saved, db_file)
    finally:
        stop(holder)


def test_lock_in_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    """A lock file that cannot be created gives a DatabaseFileError suggesting read-only."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseFileError, match="read-only"):
        WriterLock(blocker / "db.sqlite").acquire()
