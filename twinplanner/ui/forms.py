"""Detail forms: every field of the selected visitor or household, edited in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from twinplanner.ui.editors import MultiSelect, editor_value, make_editor, set_editor_value
from twinplanner.ui.table_model import EditorSpec


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: the service field, its label and its editor."""

    field: str
    label: str
    editor: EditorSpec
    value: Any = None  # optional getter(row) -> plain value; default: getattr(row, field)


class DetailForm(QScrollArea):
    """Shows one row's fields; a change asks for an edit, a refusal is shown under the field."""

    edit_requested = Signal(int, str, object, object)  # row id, field, before, after

    def __init__(self, title: str, fields: list[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        outer = QVBoxLayout(body)
        self.heading = QLabel(title)
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.heading)
        outer.addWidget(self.summary)
        self.layout_ = QFormLayout()
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.layout_)
        outer.addStretch(1)
        self.setWidget(body)
        self._fields = {f.field: f for f in fields}
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._row: Any = None
        for spec in fields:
            editor = make_editor(spec.editor)
            editor.setObjectName(f"field_{spec.field}")
            error = QLabel()
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            if isinstance(editor, MultiSelect):
                editor.setMaximumHeight(110)
            if isinstance(editor, QCheckBox):
                editor.setText(spec.label)  # a yes/no field carries its own label
                self.layout_.addRow(holder)
            else:
                label = QLabel(spec.label)
                label.setBuddy(editor)
                self.layout_.addRow(label, holder)
            self.editors[spec.field] = editor
            self.errors[spec.field] = error
            self._connect_editor(spec.field, editor)
        self.setEnabled(False)

    def _connect_editor(self, field: str, editor: QWidget) -> None:
        commit = lambda *_args, f=field: self._on_editor_committed(f)
        if isinstance(editor, QLineEdit):
            editor.editingFinished.connect(commit)
        elif isinstance(editor, QComboBox):
            editor.activated.connect(commit)
        elif isinstance(editor, QCheckBox):
            editor.clicked.connect(commit)
        elif isinstance(editor, MultiSelect):
            editor.committed.connect(commit)
        elif isinstance(editor, QDateEdit | QSpinBox):
            editor.editingFinished.connect(commit)

    def _plain(self, field: str) -> Any:
        spec = self._fields[field]
        if self._row is None:
            return None
        return spec.value(self._row) if spec.value else getattr(self._row, field, None)

    def set_row(self, row: Any, summary: str = "") -> None:
        """Show this row (None: nothing selected)."""
        self._row = row
        self.setEnabled(row is not None)
        self.summary.setText(summary)
        for field, editor in self.editors.items():
            editor.blockSignals(True)
            set_editor_value(editor, self._fields[field].editor, self._plain(field))
            editor.blockSignals(False)
            self.errors[field].hide()

    def set_editor_spec(self, field: str, spec: EditorSpec) -> None:
        """Offer new choices for a field (e.g. the clubs of another file)."""
        old = self._fields[field]
        self._fields[field] = FieldSpec(field, old.label, spec, old.value)
        editor = self.editors[field]
        if isinstance(editor, MultiSelect):
            editor.set_choices(spec.choices)
        elif isinstance(editor, QComboBox):
            editor.clear()
            for value, text in spec.choices:
                editor.addItem(text, value)

    def row(self) -> Any:
        """The row shown."""
        return self._row

    def show_error(self, field: str, message: str) -> None:
        """Show why a value was refused, under its field, and put the stored value back."""
        if field in self.errors:
            self.errors[field].setText(message)
            self.errors[field].show()
            editor = self.editors[field]
            editor.blockSignals(True)
            set_editor_value(editor, self._fields[field].editor, self._plain(field))
            editor.blockSignals(False)

    def _on_editor_committed(self, field: str) -> None:
        if self._row is None:
            return
        after = editor_value(self.editors[field], self._fields[field].editor)
        before = self._plain(field)
        if isinstance(before, tuple):
            after = tuple(after or ())
        if after == before or (before in (None, "") and after in (None, "")):
            return
        self.errors[field].hide()
        self.edit_requested.emit(self._row.id, field, before, after)
