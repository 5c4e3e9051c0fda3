"""The only module that names icons: themed icons, files in resources/icons, or Qt's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

ICON_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "icons"

# name -> (freedesktop theme name, Qt standard pixmap used when neither theme nor file has it)
_ICONS: dict[str, tuple[str, QStyle.StandardPixmap]] = {
    "new": ("document-new", QStyle.StandardPixmap.SP_FileIcon),
    "open": ("document-open", QStyle.StandardPixmap.SP_DialogOpenButton),
    "save-copy": ("document-save-as", QStyle.StandardPixmap.SP_DialogSaveButton),
    "undo": ("edit-undo", QStyle.StandardPixmap.SP_ArrowBack),
    "redo": ("edit-redo", QStyle.StandardPixmap.SP_ArrowForward),
    "find": ("edit-find", QStyle.StandardPixmap.SP_FileDialogContentsView),
    "quit": ("application-exit", QStyle.StandardPixmap.SP_DialogCloseButton),
    "about": ("help-about", QStyle.StandardPixmap.SP_MessageBoxInformation),
    "visitor-add": ("contact-new", QStyle.StandardPixmap.SP_FileDialogNewFolder),
    "household-add": ("go-home", QStyle.StandardPixmap.SP_DirHomeIcon),
    "party": ("system-users", QStyle.StandardPixmap.SP_FileDialogListView),
    "visit": ("x-office-calendar", QStyle.StandardPixmap.SP_FileDialogDetailedView),
    "warning": ("dialog-warning", QStyle.StandardPixmap.SP_MessageBoxWarning),
    "ok": ("emblem-default", QStyle.StandardPixmap.SP_DialogApplyButton),
    "lock": ("object-locked", QStyle.StandardPixmap.SP_DialogApplyButton),
    "twinplanner": ("", QStyle.StandardPixmap.SP_ComputerIcon),
}


def icon(name: str) -> QIcon:
    """The icon called ``name``: resources/icons/<name>.svg|png, else the theme, else Qt's own."""
    for suffix in (".svg", ".png"):
        path = ICON_DIR / f"{name}{suffix}"
        if path.exists():
            return QIcon(str(path))
    theme, standard = _ICONS.get(name, ("", QStyle.StandardPixmap.SP_FileIcon))
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    style = QApplication.style()
    return style.standardIcon(standard) if style is not None else QIcon()
