"""When to back up automatically: at every opening, and after changes at most every 10 minutes.

``backup_due`` is the pure rule. ``AutoBackup`` keeps the little state the rule needs and makes
the backup when due; the window owns one per open database and calls it::

    self._autobackup = AutoBackup(db_path)
    self._autobackup.opened()                 # right after opening the file
    # on every Changes value a service returned:
    self._autobackup.changed()
    # from a QTimer firing every AutoBackup.TICK_SECONDS (60 s), and when the window closes:
    self._autobackup.tick()   /   self._autobackup.closing()

Each call returns the backup file made, or None. A failure (full disk, read-only folder)
raises a TwinPlannerError the window shows in its status bar; the next call tries again.
Read-only windows do not back up (nothing changes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from twinplanner.io.backup import make_backup

MIN_INTERVAL = dt.timedelta(minutes=10)


def backup_due(
    last_backup_at: dt.datetime | None,
    last_change_at: dt.datetime | None,
    now: dt.datetime,
    *,
    min_interval: dt.timedelta = MIN_INTERVAL,
) -> bool:
    """True when a change is newer than the last backup and that backup is old enough."""
    if last_change_at is None:
        return False
    if last_backup_at is None:
        return True
    return last_change_at > last_backup_at and now - last_backup_at >= min_interval


class AutoBackup:
    """Automatic backups of one database file, following ``backup_due``."""

    TICK_SECONDS = 60

    def __init__(
        self,
        db_path: Path | str,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        backup: Callable[..., Path] = make_backup,
        min_interval: dt.timedelta = MIN_INTERVAL,
    ) -> None:
        self.db_path = Path(db_path)
        self._clock = clock
        self._backup = backup
        self._min_interval = min_interval
        self.last_backup_at: dt.datetime | None = None
        self.last_change_at: dt.datetime | None = None

    def _make(self, reason: str) -> Path:
        now = self._clock()
        path = self._backup(self.db_path, reason=reason, now=now)
        self.last_backup_at = now
        return path

    def opened(self) -> Path:
        """Back up the file as it was opened (before this session changes anything)."""
        return self._make("open")

    def changed(self) -> Path | None:
        """Note a change; back up now if the last backup is at least 10 minutes old."""
        self.last_change_at = self._clock()
        return self.tick()

    def tick(self) -> Path | None:
        """Back up if changes wait and the interval has passed (call from a timer)."""
        if backup_due(
            self.last_backup_at, self.last_change_at, self._clock(), min_interval=self._min_interval
        ):
            return self._make("change")
        return None

    def pending(self) -> bool:
        """True when changes are not yet in any backup."""
        return self.last_change_at is not None and (
            self.last_backup_at is None or self.last_change_at > self.last_backup_at
        )

    def closing(self) -> Path | None:
        """Back up the changes not yet backed up, whatever the interval (the window closes)."""
        return self._make("change") if self.pending() else None

    def seconds_until_due(self) -> float | None:
        """Seconds until a waiting change may be backed up, or None when nothing waits."""
        if not self.pending():
            return None
        if self.last_backup_at is None:
            return 0.0
        wait = self.last_backup_at + self._min_interval - self._clock()
        return max(0.0, wait.total_seconds())
