"""The print centre's blocking questions and hand-overs to the system, kept in one place so
that tests replace them (as ui/prompts does for the window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from twinplanner.i18n import _


def choose_folder(parent: QWidget | None, start: Path) -> Path | None:
    """Ask for the folder the documents are made in; None when the user cancels."""
    name = QFileDialog.getExistingDirectory(parent, _("Folder for the documents"), str(start))
    return Path(name) if name else None


def open_externally(path: Path) -> bool:
    """Open a folder or a PDF with the system's own viewer; False when that failed."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
