"""The cell delegate: opens the editor a column asks for (dates, lists, choices, counts)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from twinplanner.ui.editors import MultiSelect, editor_value, make_editor, set_editor_value
from twinplanner.ui.table_model import EDITOR_ROLE, VALUE_ROLE

_Index = QModelIndex | QPersistentModelIndex


class FieldDelegate(QStyledItemDelegate):
    """Edits a cell with the editor its column's EditorSpec names."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        spec = index.data(EDITOR_ROLE)
        if spec is None:
            return super().createEditor(parent, option, index)
        editor = make_editor(spec, parent)
        editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        spec = index.data(EDITOR_ROLE)
        if spec is None:
            super().setEditorData(editor, index)
            return
        set_editor_value(editor, spec, index.data(VALUE_ROLE))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        spec = index.data(EDITOR_ROLE)
        if spec is None:
            super().setModelData(editor, model, index)
            return
        model.setData(index, editor_value(editor, spec))

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, MultiSelect):
            # A list of choices needs room: open it below the cell, up to eight rows high.
            rows = min(max(editor.count(), 3), 8)
            rect.setHeight(editor.sizeHintForRow(0) * rows + 2 * editor.frameWidth() + 4)
            rect.setWidth(max(rect.width(), 180))
        editor.setGeometry(rect)
