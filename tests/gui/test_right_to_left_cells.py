"""In an Arabic (right-to-left) window, phone numbers and dates in tables keep their order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from twinplanner.ui.table_model import ColumnSpec, RowTableModel, isolate_ltr

pytestmark = pytest.mark.gui


def test_runs_without_arabic_letters_are_isolated_left_to_right() -> None:
    """A phone number is wrapped in a left-to-right isolate; Arabic text is left alone."""
    assert isolate_ltr("+49 6241 81 865") == "\u2066+49 6241 81 865\u2069"
    assert isolate_ltr("مغنٍّ") == "مغنٍّ"
    assert isolate_ltr("") == ""


def test_table_cells_are_isolated_only_in_a_right_to_left_window(qtbot) -> None:
    """The same cell shows plain text left to right, and isolated text right to left."""
    model = RowTableModel([ColumnSpec("Phone", lambda r: r)])
    model.set_rows(["+49 6241 81 865"])
    index = model.index(0, 0)
    app = QApplication.instance()
    assert model.data(index) == "+49 6241 81 865"
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        assert model.data(index) == "\u2066+49 6241 81 865\u2069"
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
