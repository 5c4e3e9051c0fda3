"""Backups: online copy, rotation, listing with counts, checked restore, bad files refused."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from twinplanner.data import migrations
from twinplanner.data.db import close_database, open_database
from twinplanner.data.models import Person
from twinplanner.domain.errors import DatabaseFileError
from twinplanner.io import backup
from twinplanner.paths import backup_dir

NOW = dt.datetime(2027, 6, 15, 12, 0, 0)


def _people(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT COUNT(*) FROM person").fetchone()[0]
    finally:
        con.close()


def test_backup_is_private_and_lists_counts(demo_db: tuple[Path, int]) -> None:
    """An automatic backup lands in the backup folder, mode 0600, listed with its counts."""
    path, _ = demo_db
    made = backup.make_backup(path, reason="open", now=NOW)
    assert made.parent == backup_dir(path)
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    [info] = backup.list_backups(path)
    assert info.path == made and info.taken_at == NOW and info.reason == "open"
    assert info.people == Person.select().count() > 0
    assert (info.visits, info.households) == (2, 45)
    assert info.schema_version == migrations.LATEST_VERSION
    assert not Path(f"{made}-wal").exists()


def test_backup_is_consistent_while_another_connection_writes(demo_db: tuple[Path, int]) -> None:
    """A transaction open in another connection is not in the backup, committed data is."""
    path, _ = demo_db
    before = _people(path)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM participation")
    other.execute("DELETE FROM person")
    try:
        made = backup.make_backup(path, now=NOW)
    finally:
        other.rollback()
        other.close()
    assert _people(made) == before
    assert sqlite3.connect(made).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_backups_in_one_second_do_not_collide(demo_db: tuple[Path, int]) -> None:
    """Backups taken in the same second get distinct names and both are listed."""
    path, _ = demo_db
    first = backup.make_backup(path, now=NOW)
    second = backup.make_backup(path, now=NOW)
    assert first != second
    assert len(backup.list_backups(path)) == 2


def test_rotation_keeps_last_ten_and_one_per_month_for_a_year() -> None:
    """Of 60 daily backups plus 24 monthly ones, the newest 10 and the newest per month stay."""
    now = dt.datetime(2027, 6, 30, 12, 0)
    daily = [(f"d{i}", now - dt.timedelta(days=i)) for i in range(60)]
    monthly = [
        (f"m{k}", dt.datetime((2027 * 12 + 5 - k) // 12, (2027 * 12 + 5 - k) % 12 + 1, 10))
        for k in range(1, 25)
    ]
    doomed = backup.backups_to_delete(daily + monthly, now)
    kept = {name for name, _ in daily + monthly} - doomed
    kept_times = {name: t for name, t in daily + monthly if name in kept}
    assert {f"d{i}" for i in range(10)} <= kept
    months = {(t.year, t.month) for t in kept_times.values()}
    expected = {((2027 * 12 + 5 - k) // 12, (2027 * 12 + 5 - k) % 12 + 1) for k in range(12)}
    assert months == expected  # one per month, a year back, nothing older
    # ten newest (June), the newest of May (31 May, a daily one), one each April 2027 - July 2026
    assert kept == {f"d{i}" for i in range(10)} | {"d30"} | {f"m{k}" for k in range(2, 12)}


def test_rotation_deletes_files_beyond_the_policy(demo_db: tuple[Path, int]) -> None:
    """Three April backups then twelve in June: the ten newest and the newest of April stay."""
    path, _ = demo_db
    april = [dt.datetime(2027, 4, day, 9, 0) for day in (10, 20, 28)]
    june = [dt.datetime(2027, 6, day, 9, 0) for day in range(1, 13)]
    for when in april + june:
        backup.make_backup(path, reason="open", now=when)
    taken = sorted(b.taken_at for b in backup.list_backups(path, details=False))
    assert taken == [april[-1], *june[2:]]


def test_restore_keeps_a_backup_of_the_current_state_first(demo_db: tuple[Path, int]) -> None:
    """Restoring brings the old data back and the state just before is kept as a backup."""
    path, _ = demo_db
    original = Person.select().count()
    saved = backup.make_backup(path, now=NOW)
    Person.delete().where(Person.id <= 5).execute()
    result = backup.restore_database(saved, path, now=NOW + dt.timedelta(minutes=5))
    assert Person.select().count() == original  # the database is open again, restored
    [kept] = result.kept_before
    assert kept.name.endswith("-before-restore.sqlite")
    assert _people(kept) == original - 5
    assert open_database(path).execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_of_a_newer_schema_is_refused_and_changes_nothing(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    """A backup written by a newer TwinPlanner is refused; the database is left untouched."""
    path, _ = demo_db
    newer = tmp_path / "newer.sqlite"
    backup.backup_to(path, newer)
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    con.commit()
    con.close()
    before = Person.select().count()
    with pytest.raises(DatabaseFileError, match="newer version of TwinPlanner"):
        backup.restore_database(newer, path)
    assert Person.select().count() == before
    assert backup.list_backups(path) == []  # nothing was even backed up


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not an SQLite file"),
        (b"Name;Phone\nAna;0171\n", "not an SQLite file"),
    ],
)
def test_restore_of_a_file_that_is_not_a_database_is_refused(
    demo_db: tuple[Path, int], tmp_path: Path, content: bytes, message: str
) -> None:
    """A spreadsheet or empty file offered as a backup is refused with a clear message."""
    path, _ = demo_db
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(DatabaseFileError, match=message):
        backup.restore_database(bad, path)


def test_restore_of_another_programs_database_is_refused(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    """An SQLite file of another program is not taken for a TwinPlanner backup."""
    path, _ = demo_db
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE songs (title TEXT)")
    con.close()
    with pytest.raises(DatabaseFileError, match="not a TwinPlanner database"):
        backup.restore_database(other, path)


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of a database file with garbage."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(8192))


def test_damaged_backup_is_refused(demo_db: tuple[Path, int], tmp_path: Path) -> None:
    """A backup whose pages are damaged fails the check and is not restored."""
    path, _ = demo_db
    copy = tmp_path / "copy.sqlite"
    backup.backup_to(path, copy)
    _damage(copy)
    with pytest.raises(DatabaseFileError, match="damaged"):
        backup.restore_database(copy, path)


def test_restore_over_a_damaged_database_keeps_its_bytes(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    """When the current file is damaged, its bytes are kept before the good backup replaces it."""
    path, _ = demo_db
    good = tmp_path / "good.sqlite"
    backup.backup_to(path, good)
    close_database()
    open_database(path).execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    _damage(path)
    damaged_bytes = path.read_bytes()
    result = backup.restore_database(good, path)
    kept = result.kept_before[0]
    assert "damaged" in kept.name and kept.read_bytes() == damaged_bytes
    assert _people(path) == _people(good)


def test_inspect_refuses_missing_file(tmp_path: Path) -> None:
    """A backup path that does not exist is named in the message."""
    with pytest.raises(DatabaseFileError, match="no file at"):
        backup.inspect_file(tmp_path / "gone.sqlite")


def test_backup_into_read_only_folder_gives_clear_message(
    demo_db: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup folder that cannot be written gives a TwinPlannerError naming it."""
    import errno
    import tempfile

    from twinplanner.io.atomic import FileWriteError

    path, _ = demo_db

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(FileWriteError, match="read-only"):
        backup.make_backup(path, now=NOW)
