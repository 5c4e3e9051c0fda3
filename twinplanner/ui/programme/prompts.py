"""The programme page's blocking question (where to save a calendar), replaceable in tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from twinplanner.i18n import _


def calendar_path(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """Ask where to save an iCalendar file; '.ics' is added when no suffix is typed."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(start),
                                                _("Calendar (*.ics);;All files (*)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".ics")
