"""The board's views: drags start here, say what is under them, and drop on whole rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTreeView

from twinplanner.ui.housing.board_model import HOUSEHOLD_ROLE, BoardModel, Column
from twinplanner.ui.housing.mime import PARTY_MIME, party_of_mime
from twinplanner.ui.table_model import ROW_ID_ROLE


def _dragged_party(view: QAbstractItemView) -> int | None:
    index = view.currentIndex()
    if not index.isValid():
        return None
    if index.data(HOUSEHOLD_ROLE) is not None and index.parent() == QModelIndex():
        return None  # a household row is not dragged
    return index.data(ROW_ID_ROLE)


class _DragFeedback:
    """Drag signals shared by both views (mixed into a QAbstractItemView)."""

    def _start_drag(self, supported: Qt.DropAction) -> None:
        party_id = _dragged_party(self)  # type: ignore[arg-type]
        if party_id is not None:
            self.drag_started.emit(party_id)  # type: ignore[attr-defined]
        try:
            super().startDrag(supported)  # type: ignore[misc]
        finally:
            self.drag_finished.emit()  # type: ignore[attr-defined]


class BoardView(_DragFeedback, QTreeView):
    """The households; a party dragged over a household row hears at once whether it fits."""

    drag_started = Signal(int)  # party id
    drag_finished = Signal()
    hovered = Signal(object, object)  # party id, household id (None when over no household)

    def __init__(self, model: BoardModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # the target row is tinted instead
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        self.setWordWrap(False)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Wide enough for "0 von 2 belegt · 2 frei" and the longest pets header (Haustiere).
        for column, width in (
            (Column.NAME, 270),
            (Column.BEDS, 170),
            (Column.LANGUAGES, 80),
            (Column.PETS, 80),
        ):
            self.setColumnWidth(column, width)

    def board(self) -> BoardModel:
        """The board model shown."""
        model = self.model()
        assert isinstance(model, BoardModel)
        return model

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802 - Qt's name
        self._start_drag(supported)

    def household_at(self, event: QDragMoveEvent | QDropEvent) -> int | None:
        """The household under a drag position (a party row counts as its household)."""
        index = self.indexAt(event.position().toPoint())
        item = self.board().household_at(index)
        return item.id if item is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasFormat(PARTY_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        super().dragMoveEvent(event)  # scrolls near the edges
        party_id = party_of_mime(event.mimeData(), self.board().visit_id)
        household_id = self.household_at(event)
        self.hovered.emit(party_id, household_id)
        # A refused drop is still taken: it explains itself and offers an override.
        if party_id is not None and household_id is not None:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt's name
        super().dragLeaveEvent(event)
        self.hovered.emit(None, None)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.position().toPoint())
        self.hovered.emit(None, None)
        if index.isValid():
            self.board().dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1, index)
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()
        self.stopAutoScroll()


class PartyListView(_DragFeedback, QListView):
    """The parties needing a household; a placed party dropped here is taken out."""

    drag_started = Signal(int)
    drag_finished = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSpacing(1)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802 - Qt's name
        self._start_drag(supported)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.model() is not None and self.model().canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        ):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        super().dragMoveEvent(event)
        if self.model().canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        taken = self.model().dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        )
        del taken  # the model never changes itself; a request was sent if the party fits
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.stopAutoScroll()
