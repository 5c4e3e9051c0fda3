"""The households of the board as a tree: each household a row, its parties as child rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication

from twinplanner.i18n import _
from twinplanner.planning.housing.rules import Verdict
from twinplanner.ui.housing import texts
from twinplanner.ui.housing.items import HouseholdItem, PartyItem
from twinplanner.ui.housing.mime import PARTY_MIME, party_mime, party_of_mime
from twinplanner.ui.icons import icon
from twinplanner.ui.table_model import ROW_ID_ROLE

_Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 10  # "household" or "party"
HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole + 11  # the household a row belongs to

FITS = QColor("#dff2e3")
REFUSED_TEXT = QColor("#8c8c8c")
TARGET_FITS = QColor("#b7e1c1")
TARGET_REFUSED = QColor("#f5b7b1")
OVERRIDE = QColor("#8a1c14")


class Column(IntEnum):
    """The columns of the board."""

    NAME = 0
    BEDS = 1
    LANGUAGES = 2
    PETS = 3
    DETAILS = 4


def right_to_left() -> bool:
    """True when the window is laid out right to left (Arabic)."""
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def headers() -> list[str]:
    """Column titles in the window's language."""
    return [
        _("Household / party"),
        _("Beds"),
        _("Languages"),
        _("Pets"),
        _("Rules, wishes and needs"),
    ]


class BoardModel(QAbstractItemModel):
    """Households and the parties placed there; a drop asks for a placement, never makes one."""

    drop_requested = Signal(int, int)  # party id, household id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[HouseholdItem] = []
        self._row_of: dict[int, int] = {}
        self._visit_id = 0
        self._verdicts: Mapping[int, Verdict] = {}  # household id -> verdict for a party
        self._target: int | None = None  # household under a drag

    # -- content --------------------------------------------------------------------------

    def set_items(self, visit_id: int, items: Sequence[HouseholdItem]) -> None:
        """Show these households (a reset: the board is small and rebuilt after each change)."""
        self.beginResetModel()
        self._visit_id = visit_id
        self._items = list(items)
        self._row_of = {item.id: row for row, item in enumerate(self._items)}
        self._verdicts = {}
        self._target = None
        self.endResetModel()

    @property
    def visit_id(self) -> int:
        """The visit whose households are shown."""
        return self._visit_id

    def items(self) -> list[HouseholdItem]:
        """The households shown."""
        return list(self._items)

    def household_index(self, household_id: int) -> QModelIndex:
        """The index of a household's row (invalid when not shown)."""
        row = self._row_of.get(household_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def party_index(self, party_id: int) -> QModelIndex:
        """The index of a placed party's row (invalid when not on the board)."""
        for row, item in enumerate(self._items):
            for child, party in enumerate(item.parties):
                if party.id == party_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def household_at(self, index: _Index) -> HouseholdItem | None:
        """The household of a row, or of the party row's household."""
        if not index.isValid():
            return None
        row = index.internalId() - 1 if index.internalId() else index.row()
        return self._items[row] if 0 <= row < len(self._items) else None

    def party_at(self, index: _Index) -> PartyItem | None:
        """The party of a child row (None for household rows)."""
        if not index.isValid() or not index.internalId():
            return None
        parties = self._items[index.internalId() - 1].parties
        return parties[index.row()] if index.row() < len(parties) else None

    def set_verdicts(self, verdicts: Mapping[int, Verdict]) -> None:
        """Tint the households a party would fit (green) or break a rule in (red); {} clears."""
        self._verdicts = dict(verdicts)
        self._repaint_households()

    def set_drop_target(self, household_id: int | None) -> None:
        """Mark the household a party is dragged over."""
        if household_id != self._target:
            self._target = household_id
            self._repaint_households()

    def _repaint_households(self) -> None:
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._items) - 1, len(Column) - 1),
                [
                    Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole,
                ],
            )

    # -- tree structure -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._items)
        if parent.internalId() or parent.column() != 0:
            return 0
        return len(self._items[parent.row()].parties)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return headers()[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.internalId():
            base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return base

    # -- data -----------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        party = self.party_at(index)
        household = self.household_at(index)
        if household is None:
            return None
        if role == ROW_ID_ROLE:
            return party.id if party is not None else household.id
        if role == KIND_ROLE:
            return "party" if party is not None else "household"
        if role == HOUSEHOLD_ROLE:
            return household.id
        if party is not None:
            value = self._party_data(party, Column(index.column()), role)
        else:
            value = self._household_data(household, Column(index.column()), role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return texts.isolated(value, right_to_left())
        return value

    def _household_data(self, item: HouseholdItem, column: Column, role: int) -> Any:
        h = item.household
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.NAME:
                return f"{h.name} · {h.district}" if h.district else h.name
            if column == Column.BEDS:
                return texts.beds_text(h, item.used)
            if column == Column.LANGUAGES:
                return texts.languages(h.languages)
            if column == Column.PETS:
                return texts.pets(h)
            return item.flags
        verdict = self._verdicts.get(item.id)
        if role == Qt.ItemDataRole.BackgroundRole and verdict is not None:
            target = item.id == self._target
            if verdict.allowed:
                return QBrush(TARGET_FITS if target else FITS)
            return QBrush(TARGET_REFUSED) if target else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.BEDS and item.free < 0:
                return QBrush(OVERRIDE)  # over capacity after an override: always in red
            if verdict is not None and not verdict.allowed:
                return QBrush(REFUSED_TEXT)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if verdict is not None and not verdict.allowed:
                return texts.reasons(verdict)
            return item.flags if column == Column.DETAILS else None
        if role == Qt.ItemDataRole.FontRole and column == Column.NAME:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _party_data(self, item: PartyItem, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.NAME:
                return texts.party_title(item.party)
            if column == Column.BEDS:
                return texts.people(item.party.size)
            if column == Column.LANGUAGES:
                return texts.languages(texts.party_languages(item.party))
            if column == Column.PETS:
                return ""
            return " · ".join(t for t in (item.status(), item.details, item.wishes) if t)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.NAME:
            if item.state is not None and item.state.override_reason:
                return icon("warning")
            if item.locked:
                return icon("lock")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.DETAILS:
            if item.state is not None and item.state.override_reason:
                return QBrush(OVERRIDE)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [", ".join(m.name for m in item.party.members), item.summary]
            lines += [t for t in (item.wishes, item.status()) if t]
            return "\n".join(lines)
        return None

    # -- drag and drop --------------------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PARTY_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            party = self.party_at(index)
            if party is not None:
                return party_mime(self._visit_id, party.id)
        return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return (
            party_of_mime(data, self._visit_id) is not None
            and self.household_at(parent) is not None
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """A party dropped on a household (or on a party row: its household) asks to go there."""
        party_id = party_of_mime(data, self._visit_id)
        household = self.household_at(parent)
        if party_id is None or household is None:
            return False
        self.drop_requested.emit(party_id, household.id)
        return False  # nothing moves in the model: the board is rebuilt once the change is saved
