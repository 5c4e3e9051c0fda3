"""The open database file of the window: writer lock, automatic backups, clean-up at opening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from twinplanner.data.lock import DatabaseInUseError, OpenedDatabase, open_guarded
from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.services.autobackup import AutoBackup


class DatabaseSession(QObject):
    """Holds one file open: for writing under its lock (or read-only), backed up as it changes.

    ``open()`` asks through ``ask_readonly(error)`` when another TwinPlanner has the file,
    and through ``ask_passphrase(path, wrong)`` (three tries) when the file is encrypted;
    backups are made at opening, after changes at most every 10 minutes (a timer checks each
    minute), and at closing when changes wait. A failing backup is reported by ``warning``,
    never stops the work.
    """

    warning = Signal(str)

    def __init__(self, ask_readonly, parent: QObject | None = None, *, ask_passphrase=None) -> None:
        super().__init__(parent)
        self._ask_readonly = ask_readonly
        self._ask_passphrase = ask_passphrase or _ask_passphrase
        self.opened: OpenedDatabase | None = None
        self.autobackup: AutoBackup | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(AutoBackup.TICK_SECONDS * 1000)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def path(self) -> Path | None:
        """The file held open."""
        return self.opened.path if self.opened is not None else None

    @property
    def readonly(self) -> bool:
        """True when another TwinPlanner writes to the file and it was opened read-only."""
        return self.opened is not None and self.opened.readonly

    @property
    def encrypted(self) -> bool:
        """True when the file held open is encrypted with a passphrase."""
        from twinplanner.data.db import is_encrypted

        return self.opened is not None and is_encrypted(self.opened.database)

    def open(self, path: Path) -> bool:
        """Open ``path`` (closing the file held before); False when the user cancelled.

        Raises DatabaseFileError (with the old file closed) when the file cannot be used.
        """
        self.close()
        opened = open_guarded(
            path, ask_readonly=self._ask_readonly, ask_passphrase=self._ask_passphrase
        )
        if opened is None:
            return False
        self.opened = opened
        if not opened.readonly:
            self._after_opening()
        return True

    def _after_opening(self) -> None:
        from twinplanner.services.privacy import delete_expired_safeguarding

        assert self.opened is not None
        self.autobackup = AutoBackup(self.opened.path)
        self._guard(self.autobackup.opened)
        self._guard(delete_expired_safeguarding)
        self._timer.start()

    def _guard(self, action) -> None:
        try:
            action()
        except (TwinPlannerError, OSError) as exc:
            self.warning.emit(_("Automatic upkeep failed: {error}").format(error=exc))

    def changed(self) -> None:
        """Note that the user changed something (a backup follows when one is due)."""
        if self.autobackup is not None:
            self._guard(self.autobackup.changed)

    def _on_timer_timeout(self) -> None:
        if self.autobackup is not None:
            self._guard(self.autobackup.tick)

    def close(self) -> None:
        """Back up waiting changes, close the file and give its lock up."""
        self._timer.stop()
        if self.autobackup is not None:
            self._guard(self.autobackup.closing)
            self.autobackup = None
        if self.opened is not None:
            self.opened.close()
            self.opened = None


def _ask_passphrase(path: Path, wrong: bool) -> str | None:
    """The passphrase question of the window (looked up when asked, so tests replace it)."""
    from twinplanner.ui import prompts

    return prompts.ask_passphrase(None, path, wrong=wrong)


def describe_busy(error: DatabaseInUseError) -> str:
    """The question shown when another TwinPlanner has the file open."""
    return _(
        "{error}\n\nOpen it read-only (you can look and print, not change), or cancel?"
    ).format(error=error)
