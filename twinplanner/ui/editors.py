"""Editors for field values, shared by table cells and detail forms: one factory per kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from twinplanner.i18n import _
from twinplanner.ui.table_model import EditorSpec

_NO_DATE = QDate(1900, 1, 1)
_NO_MOMENT = QDateTime(QDate(1900, 1, 1), QTime(0, 0))


class MultiSelect(QListWidget):
    """A list of checkable choices (languages, pets, clubs): the value is the tuple checked."""

    committed = Signal()

    def __init__(self, choices: tuple[tuple[object, str], ...], parent=None) -> None:
        super().__init__(parent)
        self.set_choices(choices)
        self.itemChanged.connect(lambda _item: self.committed.emit())

    def set_choices(self, choices: tuple[tuple[object, str], ...]) -> None:
        """Offer these (value, label) choices, none checked."""
        self.blockSignals(True)
        self.clear()
        for value, label in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def set_values(self, values: tuple[Any, ...]) -> None:
        """Check exactly these values; values not among the choices are added."""
        wanted = [str(v) for v in values]
        known = {str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())}
        self.blockSignals(True)
        for value in wanted:
            if value not in known:
                item = QListWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.addItem(item)
        for i in range(self.count()):
            item = self.item(i)
            checked = str(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def values(self) -> tuple[Any, ...]:
        """The checked values, in list order."""
        return tuple(
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )


def make_editor(spec: EditorSpec, parent: QWidget | None = None) -> QWidget:
    """A widget that edits values of this kind."""
    if spec.kind == "date":
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setMinimumDate(_NO_DATE)
        editor.setSpecialValueText(_("none") if spec.optional else "")
        return editor
    if spec.kind == "datetime":
        editor = QDateTimeEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd HH:mm")
        editor.setMinimumDateTime(_NO_MOMENT)
        editor.setSpecialValueText(_("with the visit") if spec.optional else "")
        return editor
    if spec.kind == "choice":
        editor = QComboBox(parent)
        for value, label in spec.choices:
            editor.addItem(label, value)
        return editor
    if spec.kind == "multi":
        return MultiSelect(spec.choices, parent)
    if spec.kind == "count":
        editor = QSpinBox(parent)
        editor.setRange(-1 if spec.optional else 0, 50)
        if spec.optional:
            editor.setSpecialValueText(_("no limit"))
        return editor
    if spec.kind == "flag":
        return QCheckBox(parent)
    return QLineEdit(parent)


def set_editor_value(editor: QWidget, spec: EditorSpec, value: Any) -> None:
    """Show ``value`` in an editor made by make_editor."""
    if isinstance(editor, QDateTimeEdit) and spec.kind == "datetime":
        editor.setDateTime(
            _NO_MOMENT
            if value is None
            else QDateTime(
                QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)
            )
        )
    elif isinstance(editor, QDateEdit):
        editor.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))
    elif isinstance(editor, QComboBox):
        position = editor.findData(value)
        editor.setCurrentIndex(max(position, 0))
    elif isinstance(editor, MultiSelect):
        editor.set_values(tuple(value or ()))
    elif isinstance(editor, QSpinBox):
        editor.setValue(editor.minimum() if value is None else int(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))


def editor_value(editor: QWidget, spec: EditorSpec) -> Any:
    """The plain value an editor holds (None for an empty date or count)."""
    if isinstance(editor, QDateTimeEdit) and spec.kind == "datetime":
        moment = editor.dateTime()
        if moment == _NO_MOMENT:
            return None
        d, t = moment.date(), moment.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    if isinstance(editor, QDateEdit):
        day = editor.date()
        return None if day == _NO_DATE else dt.date(day.year(), day.month(), day.day())
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, MultiSelect):
        return editor.values()
    if isinstance(editor, QSpinBox):
        return None if spec.optional and editor.value() == editor.minimum() else editor.value()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return None
