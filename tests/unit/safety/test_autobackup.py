"""Automatic backups: at every opening, after changes at most every ten minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from twinplanner.io.backup import list_backups
from twinplanner.services.autobackup import AutoBackup, backup_due

T0 = dt.datetime(2027, 5, 12, 9, 0, 0)
MIN = dt.timedelta(minutes=1)


def test_rule() -> None:
    """Due only when a change is newer than the last backup and that is 10 minutes old."""
    assert not backup_due(T0, None, T0 + 60 * MIN)
    assert backup_due(None, T0, T0)
    assert not backup_due(T0, T0 + MIN, T0 + 9 * MIN)
    assert backup_due(T0, T0 + MIN, T0 + 10 * MIN)
    assert not backup_due(T0 + 2 * MIN, T0 + MIN, T0 + 60 * MIN)


class _Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def test_auto_backup_sequence() -> None:
    """Opening backs up; changes are backed up no more than every ten minutes; closing flushes."""
    clock = _Clock()
    made: list[tuple[str, dt.datetime]] = []

    def fake(path: Path, *, reason: str, now: dt.datetime) -> Path:
        made.append((reason, now))
        return path

    auto = AutoBackup(Path("x.sqlite"), clock=clock, backup=fake)
    auto.opened()
    clock.now += MIN
    assert auto.changed() is None  # only a minute after the opening backup
    assert auto.seconds_until_due() == 540
    clock.now += 5 * MIN
    assert auto.tick() is None
    clock.now += 4 * MIN
    assert auto.tick() is not None  # ten minutes: the change is backed up
    assert auto.tick() is None and not auto.pending()
    clock.now += MIN
    auto.changed()
    assert auto.closing() is not None
    assert auto.closing() is None
    assert [r for r, _ in made] == ["open", "change", "change"]


def test_auto_backup_writes_real_files(demo_db: tuple[Path, int]) -> None:
    """With the real backup function the files appear in the backup folder."""
    path, _ = demo_db
    clock = _Clock()
    auto = AutoBackup(path, clock=clock)
    auto.opened()
    clock.now += 11 * MIN
    auto.changed()
    assert [b.reason for b in list_backups(path)] == ["change", "open"]
