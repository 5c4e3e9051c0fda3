"""The File menu's encryption entries: encrypt with a passphrase, change it, remove it."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from twinplanner.data import cipher
from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.ui import prompts

if TYPE_CHECKING:
    from twinplanner.io.encryption import ConversionResult
    from twinplanner.ui.main_window import MainWindow


class EncryptionController(QObject):
    """Runs the three encryption actions on the window's open file and keeps them enabled
    only where they apply (plain or encrypted file, not read-only, SQLCipher available)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        a = window.menu_actions
        a.encrypt_file.triggered.connect(self.encrypt_file)
        a.change_passphrase.triggered.connect(self.change_passphrase)
        a.decrypt_file.triggered.connect(self.decrypt_file)
        self.update_actions()

    @property
    def _path(self) -> Path:
        return Path(self.window.db_path)

    def encrypted(self) -> bool:
        """True when the open file is encrypted."""
        from twinplanner.data.db import is_encrypted

        session = self.window.session
        return session.encrypted if session is not None else is_encrypted()

    def _writable(self) -> bool:
        session = self.window.session
        return session is None or not session.readonly

    def update_actions(self) -> None:
        """Enable the entries that apply to the open file."""
        a = self.window.menu_actions
        available = cipher.available()
        encrypted, writable = self.encrypted(), self._writable()
        a.encrypt_file.setEnabled(available and writable and not encrypted)
        a.change_passphrase.setEnabled(available and writable and encrypted)
        a.decrypt_file.setEnabled(available and writable and encrypted)
        if not available:
            try:
                cipher.sqlcipher()
            except TwinPlannerError as exc:
                a.encrypt_file.setStatusTip(str(exc))

    def encrypt_file(self) -> None:
        """Ask a new passphrase twice and encrypt the open file and its backups with it."""
        from twinplanner.io.encryption import encrypt_database

        passphrase = prompts.ask_new_passphrase(self.window, _("Encrypt with a passphrase"))
        if passphrase is None:
            return
        self._run(
            lambda: encrypt_database(self._path, passphrase),
            _("{file} and its backups are encrypted. Keep the passphrase safe."),
        )

    def change_passphrase(self) -> None:
        """Check the current passphrase, ask a new one twice, and re-encrypt with it."""
        from twinplanner.io.encryption import change_passphrase

        if not self._current_passphrase_confirmed():
            return
        passphrase = prompts.ask_new_passphrase(self.window, _("Change passphrase"))
        if passphrase is None:
            return
        self._run(
            lambda: change_passphrase(self._path, passphrase),
            _("{file} and its backups now open with the new passphrase."),
        )

    def decrypt_file(self) -> None:
        """After the current passphrase and a confirmation, write the file back as plain."""
        from twinplanner.io.encryption import decrypt_database

        if not self._current_passphrase_confirmed():
            return
        question = _(
            "Remove the encryption of {file}? The file and its backups will then be "
            "readable by anyone who gets hold of them."
        ).format(file=self._path.name)
        if not prompts.confirm(self.window, question):
            return
        self._run(
            lambda: decrypt_database(self._path),
            _("{file} and its backups are no longer encrypted."),
        )

    def _current_passphrase_confirmed(self) -> bool:
        """Ask the current passphrase again, so nobody passing an open laptop can change it."""
        known = cipher.known_passphrase(self._path)
        typed = prompts.ask_passphrase(self.window, self._path)
        if typed is None:
            return False
        if known is None or not hmac.compare_digest(typed.encode(), known.encode()):
            prompts.error(
                self.window,
                _("That is not the passphrase of {file}.").format(file=self._path.name),
                _("Nothing was changed."),
            )
            return False
        return True

    def _run(self, convert: Callable[[], ConversionResult], done: str) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = convert()
        except TwinPlannerError as exc:
            QApplication.restoreOverrideCursor()
            prompts.error(self.window, str(exc), _("The file was left as it was."))
            return
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            self.window.report_error(exc)
            return
        QApplication.restoreOverrideCursor()
        self.window.set_title()
        self.update_actions()
        self.window.statusBar().showMessage(done.format(file=self._path.name), 8000)
        if result.backups_left:
            names = "\n".join(p.name for p in result.backups_left)
            prompts.info(
                self.window,
                _(
                    "These backups could not be converted (damaged copies, or under another "
                    "passphrase) and were left as they were; delete them if you no longer need "
                    "them:\n{names}"
                ).format(names=names),
            )
