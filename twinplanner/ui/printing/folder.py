"""The folder documents are made in, remembered in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from twinplanner.ui.settings import Settings


def default_folder() -> Path:
    """The user's documents folder, with a TwinPlanner folder inside."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "TwinPlanner"


class FolderMemory:
    """The chosen folder, kept in the window's Settings (None: for this session only)."""

    def __init__(self, settings: Settings | None) -> None:
        self._settings = settings
        self._session: Path | None = None

    def folder(self) -> Path:
        """The folder chosen last, else the default."""
        stored = self._settings.print_folder if self._settings is not None else None
        return stored or self._session or default_folder()

    def remember(self, path: Path) -> None:
        """Keep ``path`` as the folder for the next print runs."""
        self._session = Path(path)
        if self._settings is not None:
            self._settings.print_folder = Path(path)
            self._settings.sync()
