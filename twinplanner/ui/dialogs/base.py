"""A form dialog whose OK asks the window to save; a refusal is shown in the dialog, which stays."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


class FormDialog(QDialog):
    """Fields in a form, a line for refusals, OK and Cancel; open it with open()."""

    submitted = Signal(dict)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def add_field(
        self, name: str, label: str, widget: QWidget, focus: QWidget | None = None
    ) -> QWidget:
        """Add a labelled field; the label's & letter focuses ``focus`` (default: the widget)."""
        caption = QLabel(label)
        caption.setBuddy(focus or widget)
        widget.setObjectName(f"field_{name}")
        self.form.addRow(caption, widget)
        self.fields[name] = focus or widget
        return widget

    def values(self) -> dict[str, Any]:
        """The plain values of the form."""
        raise NotImplementedError

    def show_error(self, message: str, field: str | None = None) -> None:
        """Say why the values were refused and focus the field at fault."""
        self.error.setText(message)
        self.error.show()
        if field and field in self.fields:
            self.fields[field].setFocus()

    def _on_buttons_accepted(self) -> None:
        self.error.hide()
        self.submitted.emit(self.values())
