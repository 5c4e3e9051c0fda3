"""The programme as a list: a sortable, filterable table of the events."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twinplanner.i18n import _
from twinplanner.ui.models.filters import RowFilterProxy
from twinplanner.ui.programme import style
from twinplanner.ui.programme.models import EventListModel, ListRow, haystack
from twinplanner.ui.table_model import ROW_ID_ROLE


class _EventTable(QTableView):
    """Enter edits the current event, Delete removes it."""

    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        current = self.currentIndex()
        event_id = current.data(ROW_ID_ROLE) if current.isValid() else None
        if event_id is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(int(event_id))
            return
        if event_id is not None and event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit(int(event_id))
            return
        super().keyPressEvent(event)


class EventListPanel(QWidget):
    """Filter words, a kind filter, 'only conflicts', and the table."""

    edit_requested = Signal(int)
    delete_requested = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventListModel(self)
        self.proxy = RowFilterProxy(self.model, haystack, self)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(_("Filter by title, venue, club, person…"))
        self.filter_box.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.addItem(_("Every kind"), None)
        for value, word in style.kind_choices():
            self.kind.addItem(word, value)
        self.only_conflicts = QCheckBox(_("Only with conflicts"))
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box, 2)
        bar.addWidget(self.kind)
        bar.addWidget(self.only_conflicts)
        bar.addWidget(self.count)
        self.view = _EventTable()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_box.textChanged.connect(self._on_filter_box_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.only_conflicts.toggled.connect(self._on_only_conflicts_toggled)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.edit_requested.connect(self.edit_requested)
        self.view.delete_requested.connect(self.delete_requested)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_a: self.selection_changed.emit()
        )
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def set_rows(self, rows: Sequence[ListRow]) -> None:
        """Show these events."""
        first = not self.model.rows()
        self.model.set_rows(rows)
        if first and rows:
            self.view.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.view.setColumnWidth(column, min(self.view.columnWidth(column), 320))
        self._update_count()

    def selected_ids(self) -> list[int]:
        """The ids of the selected events, in the order shown."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [int(self.proxy.index(r, 0).data(ROW_ID_ROLE)) for r in rows]

    def select_ids(self, ids: Sequence[int]) -> None:
        """Select these events and scroll to the first."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for event_id in ids:
            row = self.model.row_of_id(event_id)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                continue
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            first = first or index
        if first is not None:
            self.view.setCurrentIndex(first)
            selection.select(
                first,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(first)

    def _update_count(self, *_args: object) -> None:
        self.count.setText(
            _("{shown} of {total}").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def _on_filter_box_changed(self, text: str) -> None:
        self.proxy.set_text(text)

    def _on_kind_changed(self, _index: int) -> None:
        kind = self.kind.currentData()
        self.proxy.set_filter("kind", None if kind is None else (lambda r: r.event.kind == kind))

    def _on_only_conflicts_toggled(self, on: bool) -> None:
        self.proxy.set_filter("conflicts", (lambda r: bool(r.severity)) if on else None)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        event_id = index.data(ROW_ID_ROLE)
        if event_id is not None:
            self.edit_requested.emit(int(event_id))
