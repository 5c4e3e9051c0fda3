"""The board's message area: what was done, why a placement was refused, and the override."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from twinplanner.i18n import _

_STYLES = {
    "info": "background: #e8f0fe; color: #174ea6;",
    "ok": "background: #e6f4ea; color: #0d652d;",
    "refused": "background: #fdecea; color: #8a1c14;",
}


class MessageBar(QFrame):
    """One line of feedback above the board; a refusal adds a reason field to force it."""

    override_requested = Signal(int, int, str)  # party id, household id, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("housingMessage")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("Reason for placing anyway (recorded)"))
        self.reason.setAccessibleName(_("Reason for overriding the rules"))
        self.reason.setMinimumWidth(260)
        self.force = QPushButton(_("Place an&yway"))
        self.force.setToolTip(
            _(
                "Place the party despite the rules above; the reason is "
                "recorded, shown on the board, and the placement is locked."
            )
        )
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(_("Close the message"))
        self.close_button.setToolTip(_("Close the message (Esc)"))
        override = QHBoxLayout()
        override.setContentsMargins(0, 0, 0, 0)
        override.addWidget(self.reason, 1)
        override.addWidget(self.force)
        self.override_row = QWidget()
        self.override_row.setLayout(override)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        column.addWidget(self.override_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addLayout(column, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._target: tuple[int, int] | None = None
        self._held = False  # a refusal waiting for its reason is not replaced by a passing note
        self._connect_signals()
        self.clear()

    def _connect_signals(self) -> None:
        self.reason.textChanged.connect(self._on_reason_text_changed)
        self.reason.returnPressed.connect(self._on_force_clicked)
        self.force.clicked.connect(self._on_force_clicked)
        self.close_button.clicked.connect(self.clear)

    def kind(self) -> str:
        """'info', 'ok' or 'refused' while shown; '' when hidden."""
        return "" if self.isHidden() else str(self.property("kind") or "")

    def message(self) -> str:
        """The text shown ('' when hidden)."""
        return self.text.text() if not self.isHidden() else ""

    def show_message(self, text: str, kind: str = "info", *, hold: bool = False) -> None:
        """Show a message; ``hold`` keeps it until closed or replaced by another held one."""
        if self._held and not hold:
            return
        self._held = hold
        self._target = None
        self.override_row.hide()
        self._show(text, kind)

    def show_refusal(self, text: str, party_id: int, household_id: int) -> None:
        """Say why a placement was refused and offer to force it with a reason."""
        self._held = True
        self._target = (party_id, household_id)
        self.reason.clear()
        self.override_row.show()
        self._show(text, "refused")
        self.force.setEnabled(False)
        self.reason.setFocus()

    def pending_override(self) -> tuple[int, int] | None:
        """The party and household a refusal is about, while its reason field is shown."""
        return self._target

    def clear(self) -> None:
        """Hide the message."""
        self._held = False
        self._target = None
        self.text.clear()
        self.hide()

    def _show(self, text: str, kind: str) -> None:
        self.setProperty("kind", kind)
        self.setStyleSheet(f"QFrame#housingMessage {{ {_STYLES[kind]} border-radius: 3px; }}")
        self.text.setText(text)
        self.show()

    def _on_reason_text_changed(self, text: str) -> None:
        self.force.setEnabled(bool(text.strip()))

    def _on_force_clicked(self) -> None:
        reason = " ".join(self.reason.text().split())
        if self._target is None or not reason:
            return
        party_id, household_id = self._target
        self.override_requested.emit(party_id, household_id, reason)
