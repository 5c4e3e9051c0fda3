"""The File menu's work: new, open, recent files, save a copy, import and restore backups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from twinplanner.data.db import open_asking, open_database
from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.ui import prompts
from twinplanner.ui.encryption import EncryptionController

if TYPE_CHECKING:
    from twinplanner.ui.main_window import MainWindow


class FileController(QObject):
    """Opens and copies database files for the window and keeps the recent-files menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._dialog = None
        a = window.menu_actions
        a.new_file.triggered.connect(self.new_file)
        a.open_file.triggered.connect(self.open_file)
        a.save_copy.triggered.connect(self.save_copy)
        a.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a.import_data.triggered.connect(self.import_data)
        a.restore_backup.triggered.connect(self.restore_backup)
        self.encryption = EncryptionController(window)
        self._fill_recent_menu()

    def _start_folder(self) -> Path:
        return self.window.db_path.parent

    def new_file(self) -> None:
        """Create an empty TwinPlanner file and open it."""
        path = prompts.save_path(
            self.window, _("New TwinPlanner file"), self._start_folder() / _("exchange.sqlite")
        )
        if path is None:
            return
        if path.exists():
            prompts.error(
                self.window,
                _("{file} already exists.").format(file=path),
                _("Choose a new name; to open the file, use File › Open."),
            )
            return
        self.open_path(path)

    def open_file(self) -> None:
        """Ask for a file and open it."""
        path = prompts.open_path(self.window, self._start_folder())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open (or create) the database at ``path`` and show it; the old file stays as it was."""
        old = self.window.db_path
        session = self.window.session
        try:
            if session is not None:
                if not session.open(Path(path)):
                    session.open(old)
                    return False
            elif open_asking(path, ask=self._ask_passphrase) is None:
                open_database(old)
                return False
        except TwinPlannerError as exc:
            prompts.error(self.window, str(exc), _("The file open before stays open."))
            if session is not None:
                session.open(old)
            else:
                open_database(old)
            return False
        self.window.db_path = Path(path)
        self.window.undo_stack.clear()
        self.window.settings.note_opened(Path(path))
        self.window.set_title()
        self.encryption.update_actions()
        self.window.reload_all()
        self.window.statusBar().showMessage(_("Opened {file}").format(file=path), 4000)
        return True

    def _ask_passphrase(self, path: Path, wrong: bool) -> str | None:
        return prompts.ask_passphrase(self.window, path, wrong=wrong)

    def save_copy(self) -> None:
        """Write a consistent copy of the open file under a new name (the open file stays open)."""
        from twinplanner.io.backup import backup_to

        target = prompts.save_path(
            self.window,
            _("Save a copy as"),
            self._start_folder() / f"{self.window.db_path.stem}-copy.sqlite",
        )
        if target is None:
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            backup_to(self.window.db_path, target)
        except OSError as exc:
            self.window.report_error(exc)
            return
        except TwinPlannerError as exc:
            prompts.error(self.window, str(exc))
            return
        self.window.statusBar().showMessage(_("Saved a copy as {file}").format(file=target), 5000)

    def _fill_recent_menu(self) -> None:
        menu = self.window.menu_actions.recent_menu
        menu.clear()
        files = [
            p
            for p in self.window.settings.recent_files()
            if p.resolve() != self.window.db_path.resolve()
        ]
        for number, path in enumerate(files, start=1):
            action = menu.addAction(f"&{number} {path.name}  ({path.parent})")
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        menu.setEnabled(bool(files))
        if not files:
            menu.addAction(_("No recent files")).setEnabled(False)

    def import_data(self) -> None:
        """Open the import dialog into the visit shown."""
        from twinplanner.ui.import_dialog import ImportDialog

        visit_id = self.window.current_visit_id()
        if visit_id is None:
            prompts.info(self.window, _("Choose or create a visit to import people into."))
            return
        dialog = ImportDialog(self.window, visit_id)
        # An import is not on the undo stack; its Changes are routed like any other.
        dialog.imported.connect(self.window.context.changes_made)
        self._dialog = dialog
        dialog.open()

    def restore_backup(self) -> None:
        """Open the restore dialog; after a restore everything is read again."""
        from twinplanner.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.window.db_path, self.window)
        dialog.restored.connect(self._on_restore_dialog_restored)
        self._dialog = dialog
        dialog.open()

    def _on_restore_dialog_restored(self, _result: object) -> None:
        self.window.undo_stack.clear()
        self.window.reload_all()
