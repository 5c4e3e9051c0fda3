"""Typed access to QSettings: the user's preferences apart from the window's remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from twinplanner.paths import data_dir

MAX_RECENT = 8
LANGUAGES = ("en", "de", "fr", "ro", "ar")  # the window's languages: English plus the catalogues


class Settings:
    """Preferences (language) and window state (geometry, column widths, last and recent files)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "settings.ini"
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- preferences ----------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The window's language (ISO 639-1); English unless the user chose another."""
        value = str(self._q.value("preferences/language", "en") or "en")
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, code: str) -> None:
        self._q.setValue("preferences/language", code if code in LANGUAGES else "en")

    @property
    def print_folder(self) -> Path | None:
        """The folder the print centre made documents in last (None: not chosen yet)."""
        value = self._q.value("preferences/print_folder")
        return Path(str(value)) if value else None

    @print_folder.setter
    def print_folder(self, path: Path) -> None:
        self._q.setValue("preferences/print_folder", str(path))

    # -- window state ---------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        """The saved window geometry."""
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        """Remember the window geometry."""
        self._q.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        """The saved tool bar and dock state."""
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, value: QByteArray) -> None:
        """Remember the tool bar and dock state."""
        self._q.setValue("window/state", value)

    def header_state(self, table: str) -> QByteArray | None:
        """The saved column widths and order of a table."""
        value = self._q.value(f"tables/{table}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_header_state(self, table: str, value: QByteArray) -> None:
        """Remember the column widths and order of a table."""
        self._q.setValue(f"tables/{table}", value)

    def last_file(self) -> Path | None:
        """The database file open when the window was last closed."""
        value = self._q.value("files/last")
        return Path(str(value)) if value else None

    def recent_files(self) -> list[Path]:
        """Recently opened database files, newest first, those still existing."""
        value = self._q.value("files/recent") or []
        if isinstance(value, str):
            value = [value]
        return [Path(str(v)) for v in value if v and Path(str(v)).exists()]

    def note_opened(self, path: Path) -> None:
        """Remember a file as the last one and at the top of the recent files."""
        path = Path(path).resolve()
        recent = [p for p in self.recent_files() if p.resolve() != path]
        self._q.setValue("files/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])
        self._q.setValue("files/last", str(path))

    def sync(self) -> None:
        """Write the settings to disk now."""
        self._q.sync()
