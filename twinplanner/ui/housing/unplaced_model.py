"""The parties still needing a household, with their needs; dropping a party here unplaces it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from twinplanner.domain.text import fold
from twinplanner.i18n import _
from twinplanner.ui.housing import texts
from twinplanner.ui.housing.board_model import OVERRIDE, right_to_left
from twinplanner.ui.housing.items import PartyItem
from twinplanner.ui.housing.mime import PARTY_MIME, party_mime, party_of_mime
from twinplanner.ui.icons import icon
from twinplanner.ui.table_model import ROW_ID_ROLE

_Index = QModelIndex | QPersistentModelIndex


def party_card(item: PartyItem) -> str:
    """The lines shown for a party in the list: name and size, needs, wishes."""
    lines = [texts.party_title(item.party), item.summary]
    if item.dropped_out_from:
        lines.insert(
            1, _("{host} backed out: needs a new household").format(host=item.dropped_out_from)
        )
    if item.wishes:
        lines.append(item.wishes)
    return "\n".join(lines)


class UnplacedModel(QAbstractListModel):
    """Parties not placed, or placed with a household that backed out."""

    unplace_requested = Signal(int)  # party id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[PartyItem] = []
        self._placed: set[int] = set()  # parties on the board, which a drop here unplaces
        self._visit_id = 0

    def set_items(self, visit_id: int, items: Sequence[PartyItem], placed: set[int]) -> None:
        """Show these parties; ``placed`` are the parties a drop on the list takes out."""
        self.beginResetModel()
        self._visit_id = visit_id
        self._items = list(items)
        self._placed = set(placed) | {i.id for i in items if i.placed}
        self.endResetModel()

    def items(self) -> list[PartyItem]:
        """The parties shown."""
        return list(self._items)

    def item_at(self, row: int) -> PartyItem:
        """The party in ``row``."""
        return self._items[row]

    def row_of(self, party_id: int) -> int:
        """The row of a party, or -1."""
        for row, item in enumerate(self._items):
            if item.id == party_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts.isolated(party_card(item), right_to_left())
        if role == ROW_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(m.name for m in item.party.members)
        if role == Qt.ItemDataRole.DecorationRole and item.dropped_out_from:
            return icon("warning")
        if role == Qt.ItemDataRole.ForegroundRole and item.dropped_out_from:
            return QBrush(OVERRIDE)
        if role == Qt.ItemDataRole.FontRole and item.dropped_out_from:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return party_card(item).replace("\n", ". ")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PARTY_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            if index.isValid():
                return party_mime(self._visit_id, self._items[index.row()].id)
        return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return party_of_mime(data, self._visit_id) in self._placed

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """A placed party dropped on the list asks to be taken out of its household."""
        party_id = party_of_mime(data, self._visit_id)
        if party_id is None or party_id not in self._placed:
            return False
        self.unplace_requested.emit(party_id)
        return False  # the list is rebuilt once the change is saved


class PartyFilter(QSortFilterProxyModel):
    """Keeps the parties whose card holds every typed word (case and accents ignored)."""

    def __init__(self, source: UnplacedModel, parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._source = source
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        """Filter by the words typed."""
        words = fold(text).split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        item = self._source.item_at(source_row)
        text = fold(party_card(item) + " " + " ".join(m.name for m in item.party.members))
        return all(word in text for word in self._words)
