"""Blocking questions and messages in one place, so that tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from twinplanner.i18n import _

_DB_FILTER = "TwinPlanner (*.sqlite *.twinplanner *.db);;*"


def error(parent: QWidget | None, what: str, todo: str = "") -> None:
    """Tell the user what went wrong and what to do about it."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "TwinPlanner", what, QMessageBox.StandardButton.Ok, parent
    )
    if todo:
        box.setInformativeText(todo)
    box.exec()


def info(parent: QWidget | None, text: str) -> None:
    """Tell the user something (no question)."""
    QMessageBox.information(parent, "TwinPlanner", text)


def confirm(parent: QWidget | None, question: str) -> bool:
    """Ask a yes/no question."""
    answer = QMessageBox.question(parent, "TwinPlanner", question)
    return answer == QMessageBox.StandardButton.Yes


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask a yes/no question under its own title; No is the default answer."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_open_readonly(parent: QWidget | None, question: str) -> bool:
    """Another TwinPlanner has the file: True opens it read-only, False cancels."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "TwinPlanner",
        question,
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is read_only


def restore_after_failure(parent: QWidget | None, db_path: Path, problem: str) -> bool:
    """The file cannot be opened: offer its backups; True when one was restored."""
    from twinplanner.io.backup import list_backups
    from twinplanner.ui.restore_dialog import RestoreDialog

    if not list_backups(db_path, details=False):
        return False
    if not confirm(parent, _("{problem}\n\nRestore one of its backups?").format(problem=problem)):
        return False
    dialog = RestoreDialog(db_path, parent)
    restored: list[object] = []
    dialog.restored.connect(restored.append)
    dialog.restored.connect(dialog.accept)
    dialog.exec()
    return bool(restored)


def ask_passphrase(parent: QWidget | None, path: Path, *, wrong: bool = False) -> str | None:
    """Ask the passphrase of an encrypted file (``wrong``: the last one did not open it);
    None when the user cancels."""
    from twinplanner.ui.dialogs.passphrase import PassphraseDialog

    dialog = PassphraseDialog(Path(path), wrong=wrong, parent=parent)
    return dialog.passphrase() if dialog.exec() == PassphraseDialog.DialogCode.Accepted else None


def ask_new_passphrase(parent: QWidget | None, title: str) -> str | None:
    """Ask a new passphrase twice, warning that a lost one cannot be recovered; None cancels."""
    from twinplanner.ui.dialogs.passphrase import NewPassphraseDialog

    dialog = NewPassphraseDialog(title, parent)
    accepted = dialog.exec() == NewPassphraseDialog.DialogCode.Accepted
    return dialog.passphrase() if accepted else None


def open_path(parent: QWidget | None, start: Path) -> Path | None:
    """Ask for an existing database file to open."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Open a TwinPlanner file"), str(start), _DB_FILTER
    )
    return Path(name) if name else None


def save_path(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """Ask for a file name to create."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(start), _DB_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".sqlite")


def calendar_path(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """Ask where to save an iCalendar file; '.ics' is added when no suffix is typed."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(start), _("Calendar (*.ics);;All files (*)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".ics")


def choose_folder(parent: QWidget | None, start: Path) -> Path | None:
    """Ask for the folder the documents are made in; None when the user cancels."""
    name = QFileDialog.getExistingDirectory(parent, _("Folder for the documents"), str(start))
    return Path(name) if name else None


def open_externally(path: Path) -> bool:
    """Open a folder or a PDF with the system's own viewer; False when that failed."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
