"""The filter proxy: words typed in the filter box plus named filters; sorting stays in the source."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from twinplanner.domain.text import fold
from twinplanner.ui.table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex


class RowFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose folded text holds every typed word and that pass every filter."""

    def __init__(self, source: RowTableModel, haystack: Callable[[Any], str], parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._source = source
        self._haystack = haystack
        self._cache: dict[int, tuple[Any, str]] = {}
        self._words: list[str] = []
        self._filters: dict[str, Callable[[Any], bool]] = {}

    def _refilter(self, change) -> None:
        """Apply a change of the filter (Qt 6.9+: begin/end, which keeps the view's state)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        """Filter by the words typed (case and accents ignored)."""
        words = fold(text).split()
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def set_filter(self, name: str, predicate: Callable[[Any], bool] | None) -> None:
        """Add, replace or (with None) remove a named filter."""
        if predicate is None and name not in self._filters:
            return
        if predicate is None:
            self._refilter(lambda: self._filters.pop(name))
        else:
            self._refilter(lambda: self._filters.__setitem__(name, predicate))

    def _text_of(self, row: Any) -> str:
        key = id(row)
        cached = self._cache.get(key)
        if cached is None or cached[0] is not row:
            cached = (row, fold(self._haystack(row)))
            self._cache[key] = cached
        return cached[1]

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if source_parent.isValid():
            return False
        row = self._source.row_at(source_row)
        if self._words:
            text = self._text_of(row)
            if not all(word in text for word in self._words):
                return False
        return all(predicate(row) for predicate in self._filters.values())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the source model in Python, which is far faster on big lists."""
        self._source.sort(column, order)
