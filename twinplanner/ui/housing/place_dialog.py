"""'Place with…': choose a household for a party from a list, fitting households first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twinplanner.domain.text import fold
from twinplanner.i18n import _
from twinplanner.planning.housing.rules import Verdict
from twinplanner.ui.housing import texts
from twinplanner.ui.housing.items import HouseholdItem, PartyItem
from twinplanner.ui.models.filters import RowFilterProxy
from twinplanner.ui.table_model import ROW_ID_ROLE, ColumnSpec, RowTableModel


@dataclass(frozen=True, slots=True)
class HouseholdChoice:
    """A household offered in the dialog, with whether the party fits there."""

    id: int
    name: str
    district: str
    free: int
    fits: bool
    reason: str


def choices(
    households: list[HouseholdItem], verdicts: Mapping[int, Verdict], current: int | None
) -> list[HouseholdChoice]:
    """Every household but the party's own, those that fit first, then by free beds."""
    rows = [
        HouseholdChoice(
            h.id,
            h.household.name,
            h.household.district,
            h.free,
            verdicts[h.id].allowed,
            texts.reasons(verdicts[h.id]),
        )
        for h in households
        if h.id != current and h.id in verdicts
    ]
    rows.sort(key=lambda c: (not c.fits, -c.free, fold(c.name)))
    return rows


def _columns() -> list[ColumnSpec[HouseholdChoice]]:
    return [
        ColumnSpec(_("Household"), lambda c: c.name),
        ColumnSpec(_("District"), lambda c: c.district),
        ColumnSpec(_("Free"), lambda c: str(c.free), sort_key=lambda c: c.free, align_right=True),
        ColumnSpec(
            _("Fits"), lambda c: _("yes") if c.fits else _("no: {why}").format(why=c.reason)
        ),
    ]


class PlaceDialog(QDialog):
    """Lists the households for one party; Enter places it with the selected one."""

    chosen = Signal(int, int)  # party id, household id

    def __init__(
        self, party: PartyItem, rows: list[HouseholdChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.party_id = party.id
        self.setWindowTitle(_("Place the {party} party").format(party=party.party.name))
        self.resize(760, 460)
        self.model = RowTableModel(_columns(), self)
        self.model.set_rows(rows)
        self.proxy = RowFilterProxy(self.model, lambda c: f"{c.name} {c.district}", self)
        intro = QLabel(party.summary)
        intro.setWordWrap(True)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(_("Filter households by name or district"))
        self.filter_box.setClearButtonEnabled(True)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(0, 200)
        self.view.setColumnWidth(1, 130)
        self.view.setColumnWidth(2, 50)
        self.view.setWordWrap(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Place"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.filter_box.textChanged.connect(self._on_filter_box_text_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.view.doubleClicked.connect(lambda _index: self.accept())
        self.finished.connect(self._on_finished)
        self.select_row(0)
        self.view.setFocus()

    def select_row(self, row: int) -> None:
        """Select a row of the list as shown."""
        index = self.proxy.index(row, 0)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def select_household(self, household_id: int) -> bool:
        """Select a household by id (False when it is not listed)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ID_ROLE) == household_id:
                self.select_row(row)
                return True
        return False

    def household_id(self) -> int | None:
        """The household selected."""
        index = self.view.selectionModel().currentIndex()
        return index.data(ROW_ID_ROLE) if index.isValid() else None

    def _on_filter_box_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        if not self.view.selectionModel().hasSelection():
            self.select_row(0)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Up and down in the filter box move through the list, so the mouse is never needed.
        if self.filter_box.hasFocus() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            current = self.view.currentIndex().row()
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.select_row(min(max(current + step, 0), self.proxy.rowCount() - 1))
            return
        super().keyPressEvent(event)

    def _on_finished(self, result: int) -> None:
        household_id = self.household_id()
        if result == QDialog.DialogCode.Accepted and household_id is not None:
            self.chosen.emit(self.party_id, household_id)
