"""Passphrase dialogs: the passphrase of an encrypted file, or a new one typed twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from twinplanner.data.cipher import MIN_PASSPHRASE_LENGTH
from twinplanner.i18n import _


def _secret_line(parent: QWidget) -> QLineEdit:
    line = QLineEdit(parent)
    line.setEchoMode(QLineEdit.EchoMode.Password)
    line.setMinimumWidth(320)
    return line


class PassphraseDialog(QDialog):
    """Asks the passphrase of an encrypted file (the text is never shown)."""

    def __init__(self, path: Path, *, wrong: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Passphrase"))
        text = _(
            "{file} is encrypted, or it is not a TwinPlanner file. Type its passphrase to open it."
        ).format(file=path.name)
        if wrong:
            text = _(
                "That passphrase does not open {file}. Check it (and the Caps Lock key) "
                "and try again."
            ).format(file=path.name)
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.line = _secret_line(self)
        self.line.setAccessibleName(_("Passphrase"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._open = buttons.button(QDialogButtonBox.StandardButton.Open)
        self._open.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.line)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.line.textChanged.connect(self._on_line_text_changed)

    def _on_line_text_changed(self, text: str) -> None:
        self._open.setEnabled(bool(text))

    def passphrase(self) -> str:
        """What was typed."""
        return self.line.text()


class NewPassphraseDialog(QDialog):
    """Asks a new passphrase twice and says that a lost one cannot be recovered."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        warning = QLabel(
            _(
                "Everyone who opens this file will need the passphrase, and so will its backups. "
                "Keep it somewhere safe: a lost passphrase cannot be recovered, not even by "
                "TwinPlanner, and the data is then lost with it. Use at least {n} characters; a "
                "few words are easy to remember and hard to guess."
            ).format(n=MIN_PASSPHRASE_LENGTH),
            self,
        )
        warning.setWordWrap(True)
        self.first = _secret_line(self)
        self.second = _secret_line(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("New passphrase:"), self.first)
        form.addRow(_("Once more:"), self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.first.textChanged.connect(self._on_text_changed)
        self.second.textChanged.connect(self._on_text_changed)
        self._on_text_changed()

    def _on_text_changed(self, *_args: object) -> None:
        first, second = self.first.text(), self.second.text()
        problem = ""
        if first and len(first) < MIN_PASSPHRASE_LENGTH:
            problem = _("Too short: use at least {n} characters.").format(n=MIN_PASSPHRASE_LENGTH)
        elif second and first != second:
            problem = _("The two passphrases differ.")
        self.problem.setText(problem)
        self._ok.setEnabled(bool(first) and first == second and not problem)

    def passphrase(self) -> str:
        """The new passphrase (both lines agree when the dialog was accepted)."""
        return self.first.text()
