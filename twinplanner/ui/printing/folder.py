"""The folder documents are made in, remembered per user beside the window's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

_KEY = "printing/folder"


def default_folder() -> Path:
    """The user's documents folder, with a TwinPlanner folder inside."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "TwinPlanner"


class FolderMemory:
    """Reads and writes the chosen folder in the same settings file as the window's Settings
    (None: kept for this session only)."""

    def __init__(self, settings_path: Path | None) -> None:
        self._q = (QSettings(str(settings_path), QSettings.Format.IniFormat)
                   if settings_path is not None else None)
        self._session: Path | None = None

    def folder(self) -> Path:
        """The folder chosen last, else the default."""
        if self._q is not None:
            value = self._q.value(_KEY)
            if value:
                return Path(str(value))
        return self._session or default_folder()

    def remember(self, path: Path) -> None:
        """Keep ``path`` as the folder for the next print runs."""
        self._session = Path(path)
        if self._q is not None:
            self._q.setValue(_KEY, str(path))
            self._q.sync()
