"""A page with a filter bar, a sortable table and a detail form beside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twinplanner.ui.delegates import FieldDelegate
from twinplanner.ui.forms import DetailForm
from twinplanner.ui.models.filters import RowFilterProxy
from twinplanner.ui.table_model import ROW_ID_ROLE, RowTableModel

FILTER_DELAY_MS = 120  # wait for a pause in typing before filtering a long list


def fill_choices(combo: QComboBox, first: str, items: Iterable[tuple[object, str]]) -> None:
    """Offer ``first`` (meaning all, data None) and these (data, text) items, keeping the choice.

    Emits no change signal: the caller refilters once after filling.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


class TablePage(QWidget):
    """A filter box, extra filter widgets, the table and the detail form of the selected row."""

    edit_requested = Signal(int, str, object, object)  # row id, field, before, after
    selection_changed = Signal()

    def __init__(
        self,
        model: RowTableModel,
        proxy: RowFilterProxy,
        form: DetailForm,
        filter_hint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.proxy, self.form = model, proxy, form
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(filter_hint)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setMinimumWidth(220)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.filter_box, 2)
        self.count_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            "background: #fdecea; color: #8a1c14; padding: 4px 8px; border-radius: 3px;"
        )
        self.message.hide()
        self.view = QTableView()
        self.view.setModel(proxy)
        self.view.setItemDelegate(FieldDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(60)  # columns sized on a sample
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        form.setMinimumWidth(300)
        self.splitter.setSizes([960, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._sized = False
        self._filter_widgets: list[QWidget] = []
        self._connect_base_signals()

    def _connect_base_signals(self) -> None:
        self.filter_box.textChanged.connect(self._on_filter_box_text_changed)
        self._filter_timer.timeout.connect(self.apply_filter_text)
        self.model.edit_requested.connect(self.edit_requested)
        self.form.edit_requested.connect(self.edit_requested)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # -- filtering ------------------------------------------------------------------------

    def add_to_filter_bar(self, filters: Sequence[QWidget], buttons: Sequence[QWidget]) -> None:
        """Put these filter widgets after the filter box, then a gap and the buttons.

        The check boxes and pickers among ``filters`` are reset by ``clear_filters``.
        """
        for widget in filters:
            self.filter_bar.addWidget(widget)
        self.filter_bar.addStretch(1)
        for widget in buttons:
            self.filter_bar.addWidget(widget)
        self._filter_widgets.extend(filters)

    def _on_filter_box_text_changed(self, _text: str) -> None:
        # Short lists filter at once; long ones wait for a pause in typing.
        if self.model.rowCount() <= 2000:
            self.apply_filter_text()
        else:
            self._filter_timer.start()

    def apply_filter_text(self) -> None:
        """Filter the table by the words in the filter box now."""
        self._filter_timer.stop()
        self.proxy.set_text(self.filter_box.text())
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.count_text(shown, total))

    def count_text(self, shown: int, total: int) -> str:
        """'12 of 68 shown'-style text under the table."""
        return f"{shown} / {total}"

    # -- column widths ---------------------------------------------------------------------

    def header_state(self) -> QByteArray:
        """The columns' order, widths and sort, to remember for the next start."""
        return self.view.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        """Lay the columns out as remembered; the first rows then keep these widths."""
        header = self.view.horizontalHeader()
        header.restoreState(state)
        header.setSortIndicatorShown(True)
        self._sized = True

    # -- rows and selection ---------------------------------------------------------------

    def set_rows(self, rows: list) -> None:
        """Show new rows, keeping the selection when the same records are still there."""
        selected = self.selected_ids()
        self.model.set_rows(rows)
        if not self._sized and rows:
            self.view.resizeColumnsToContents()
            self._sized = True
        if selected and self.selected_ids() != selected:
            self.select_ids(selected)
        self._refresh_form()
        self._update_count()

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, in table order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(ROW_ID_ROLE) for r in rows]

    def select_ids(self, ids: list[int], *, focus: bool = False) -> bool:
        """Select the rows of these records (clearing filters that hide them)."""
        rows = [self.model.row_of_id(i) for i in ids]
        rows = [r for r in rows if r >= 0]
        if not rows:
            return False
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = None
        for source_row in rows:
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                self.clear_filters()
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtCenter)
        if focus:
            self.view.setFocus()
        return True

    def clear_filters(self) -> None:
        """Show every row again: untick the filter boxes, pick 'all' and empty the filter box."""
        for widget in self._filter_widgets:
            if isinstance(widget, QCheckBox):
                widget.setChecked(False)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
        self.filter_box.clear()
        self.apply_filter_text()

    def show_ids(self, ids: list[int]) -> bool:
        """Clear the filters and select these records; False when none of them is listed."""
        self.clear_filters()
        return self.select_ids(ids, focus=True)

    def _on_view_selection_changed(self, *_args: object) -> None:
        self._refresh_form()
        self.selection_changed.emit()

    def _refresh_form(self) -> None:
        ids = self.selected_ids()
        row = None
        if len(ids) == 1:
            number = self.model.row_of_id(ids[0])
            row = self.model.row_at(number) if number >= 0 else None
        self.form.set_row(row, self.summary(row) if row is not None else "")

    def summary(self, row: object) -> str:
        """Read-only facts about the row shown above the form."""
        return ""

    # -- refusals -------------------------------------------------------------------------

    def show_refusal(self, row_id: int, field: str, message: str) -> None:
        """Say why a value was refused: above the table, on the cell, and under the form field."""
        self.message.setText(message)
        self.message.show()
        self.form.show_error(field, message)
        self.model.set_refusal(row_id, field, message)

    def clear_refusal(self) -> None:
        """Hide the last refusal message."""
        self.message.hide()
        self.model.set_refusal(None)
