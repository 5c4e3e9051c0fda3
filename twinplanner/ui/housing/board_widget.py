"""The board itself: parties needing a household beside the households and their guests."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from twinplanner.i18n import _, ngettext
from twinplanner.planning.housing.rules import Verdict, check_placement
from twinplanner.services.housing_board import Board
from twinplanner.ui.housing.board_model import BoardModel
from twinplanner.ui.housing.items import HouseholdItem, PartyItem, board_items
from twinplanner.ui.housing.unplaced_model import PartyFilter, UnplacedModel
from twinplanner.ui.housing.views import BoardView, PartyListView
from twinplanner.ui.table_model import ROW_ID_ROLE


def _heading(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    label.setWordWrap(True)
    return label


class BoardWidget(QWidget):
    """The list of parties to place and the tree of households; selection, drags and tints."""

    selection_changed = Signal()
    place_requested = Signal(int, int)  # party id, household id (a drop on a household)
    unplace_requested = Signal(int)  # party id (a drop on the list)
    activated = Signal(int)  # party id (Enter or double click on a party)
    drag_hovered = Signal(object, object)  # party id, household id (None: over none)
    drag_ended = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board: Board | None = None
        self.visit_id = 0
        self.households: list[HouseholdItem] = []
        self.waiting: list[PartyItem] = []
        self._parties: dict[int, PartyItem] = {}
        self._tinted: int | None = None  # the party whose fits the households show
        self.unplaced_model = UnplacedModel(self)
        self.unplaced_proxy = PartyFilter(self.unplaced_model, self)
        self.board_model = BoardModel(self)
        self.unplaced_heading = _heading()
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(_("Filter parties by name or need"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName(_("Filter the parties not placed"))
        self.unplaced_view = PartyListView()
        self.unplaced_view.setModel(self.unplaced_proxy)
        self.unplaced_view.setAccessibleName(_("Parties not placed"))
        self.board_heading = _heading()
        self.fit_label = QLabel()
        self.fit_label.setWordWrap(True)
        self.board_view = BoardView(self.board_model)
        self.board_view.setAccessibleName(_("Host households"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.unplaced_heading)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.unplaced_view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.board_heading)
        right_layout.addWidget(self.board_view, 1)
        right_layout.addWidget(self.fit_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        left.setMinimumWidth(260)
        self.splitter.setSizes([340, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setTabOrder(self.filter_box, self.unplaced_view)
        self.setTabOrder(self.unplaced_view, self.board_view)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_box.textChanged.connect(self.unplaced_proxy.set_text)
        self.unplaced_view.selectionModel().selectionChanged.connect(
            self._on_unplaced_view_selection_changed
        )
        self.board_view.selectionModel().selectionChanged.connect(
            self._on_board_view_selection_changed
        )
        self.board_model.drop_requested.connect(self.place_requested)
        self.unplaced_model.unplace_requested.connect(self.unplace_requested)
        self.unplaced_view.activated.connect(self._on_view_activated)
        self.board_view.activated.connect(self._on_view_activated)
        for view in (self.unplaced_view, self.board_view):
            view.drag_started.connect(self._on_view_drag_started)
            view.drag_finished.connect(self._on_view_drag_finished)
        self.board_view.hovered.connect(self._on_board_view_hovered)

    # -- content --------------------------------------------------------------------------

    def set_board(self, visit_id: int, board: Board | None) -> None:
        """Show a visit's board (None: nothing), keeping the selection where it still exists."""
        party, household = self.current_party(), self.current_household()
        self.board, self.visit_id = board, visit_id
        self.households, self.waiting = board_items(board) if board is not None else ([], [])
        self._parties = {p.id: p for p in self.waiting}
        self._parties.update({p.id: p for h in self.households for p in h.parties})
        placed = {p.id for h in self.households for p in h.parties}
        self.unplaced_model.set_items(visit_id, self.waiting, placed)
        self.board_model.set_items(visit_id, self.households)
        self.board_view.expandAll()
        self._update_headings()
        if party is not None and party.id in self._parties:
            self.select_party(party.id)
        elif household is not None:
            self.select_household(household.id)
        else:
            self._selection_moved()

    def _update_headings(self) -> None:
        people = sum(p.party.size for p in self.waiting)
        self.unplaced_heading.setText(
            ngettext("Not placed: {n} party", "Not placed: {n} parties", len(self.waiting)).format(
                n=len(self.waiting)
            )
            + " · "
            + ngettext("{n} visitor", "{n} visitors", people).format(n=people)
        )
        beds = sum(h.household.capacity for h in self.households)
        free = sum(max(h.free, 0) for h in self.households)
        self.board_heading.setText(
            ngettext("{n} host household", "{n} host households", len(self.households)).format(
                n=len(self.households)
            )
            + " · "
            + _("{free} of {beds} beds free").format(free=free, beds=beds)
        )

    def party(self, party_id: int) -> PartyItem | None:
        """A party of the board by id."""
        return self._parties.get(party_id)

    def household(self, household_id: int) -> HouseholdItem | None:
        """A household of the board by id."""
        for item in self.households:
            if item.id == household_id:
                return item
        return None

    def verdict(self, party_id: int, household_id: int) -> Verdict | None:
        """Whether a party may go to a household now, on the board's snapshot (no database)."""
        if self.board is None or party_id not in self._parties:
            return None
        return check_placement(self.board.problem, party_id, household_id)

    def verdicts(self, party_id: int) -> dict[int, Verdict]:
        """The verdict of every household for a party."""
        if self.board is None or party_id not in self._parties:
            return {}
        problem = self.board.problem
        return {h.id: check_placement(problem, party_id, h.id) for h in self.households}

    # -- selection ------------------------------------------------------------------------

    def current_party(self) -> PartyItem | None:
        """The party selected in the list or on the board."""
        index = self.unplaced_view.currentIndex()
        if self.unplaced_view.selectionModel().hasSelection() and index.isValid():
            return self._parties.get(index.data(ROW_ID_ROLE))
        index = self.board_view.currentIndex()
        if self.board_view.selectionModel().hasSelection():
            return self.board_model.party_at(index)
        return None

    def current_household(self) -> HouseholdItem | None:
        """The household selected on the board (or the one of the selected party row)."""
        if not self.board_view.selectionModel().hasSelection():
            return None
        return self.board_model.household_at(self.board_view.currentIndex())

    def select_party(self, party_id: int, *, focus: bool = False) -> bool:
        """Select a party wherever it is shown."""
        row = self.unplaced_model.row_of(party_id)
        if row >= 0:
            index = self.unplaced_proxy.mapFromSource(self.unplaced_model.index(row, 0))
            if not index.isValid():
                self.filter_box.clear()
                index = self.unplaced_proxy.mapFromSource(self.unplaced_model.index(row, 0))
            self._select(self.unplaced_view, index, focus)
            return True
        index = self.board_model.party_index(party_id)
        if index.isValid():
            self._select(self.board_view, index, focus)
            return True
        return False

    def select_household(self, household_id: int, *, focus: bool = False) -> bool:
        """Select a household on the board."""
        index = self.board_model.household_index(household_id)
        if index.isValid():
            self._select(self.board_view, index, focus)
        return index.isValid()

    def _select(self, view, index: QModelIndex, focus: bool) -> None:
        view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(index)
        if focus:
            view.setFocus()

    def _on_unplaced_view_selection_changed(self, *_args: object) -> None:
        if self.unplaced_view.selectionModel().hasSelection():
            self.board_view.selectionModel().clearSelection()
        self._selection_moved()

    def _on_board_view_selection_changed(self, *_args: object) -> None:
        if self.board_view.selectionModel().hasSelection():
            self.unplaced_view.selectionModel().clearSelection()
        self._selection_moved()

    def _selection_moved(self) -> None:
        self.show_fits(self.current_party())
        self.selection_changed.emit()

    def show_fits(self, party: PartyItem | None) -> None:
        """Tint the households by whether ``party`` fits there, and count them."""
        verdicts = self.verdicts(party.id) if party is not None else {}
        self._tinted = party.id if party is not None else None
        self.board_model.set_verdicts(verdicts)
        self._style_hint("")
        if party is None:
            self.fit_label.setText(
                _(
                    "Select a party to see where it fits; drag it onto a "
                    "household, or press Ctrl+Enter to choose one."
                )
            )
            return
        fits = sum(1 for v in verdicts.values() if v.allowed)
        self.fit_label.setText(
            ngettext(
                "The {party} party fits {n} of {total} households (green).",
                "The {party} party fits {n} of {total} households (green).",
                fits,
            ).format(party=party.party.name, n=fits, total=len(verdicts))
        )

    def show_drag_feedback(self, text: str, fits: bool) -> None:
        """Say under the households what dropping here would do (green: fits, red: refused).

        The words go below the tree rather than above it, so the rows never move under the
        pointer while a party is dragged.
        """
        self.fit_label.setText(text)
        self._style_hint("ok" if fits else "refused")

    def drag_feedback(self) -> tuple[str, str]:
        """The drag feedback shown: (kind, text); kind is 'ok', 'refused' or '' for none."""
        return str(self.fit_label.property("kind") or ""), self.fit_label.text()

    def _style_hint(self, kind: str) -> None:
        self.fit_label.setProperty("kind", kind)
        colours = {
            "ok": "background: #dff2e3; color: #0d652d;",
            "refused": "background: #fdecea; color: #8a1c14;",
        }
        self.fit_label.setStyleSheet(
            f"QLabel {{ {colours[kind]} padding: 2px 6px; }}" if kind else ""
        )

    # -- drags ----------------------------------------------------------------------------

    def _on_view_activated(self, index: QModelIndex) -> None:
        view = self.sender()
        if view is self.board_view and self.board_model.party_at(index) is None:
            return
        party_id = index.data(ROW_ID_ROLE)
        if party_id is not None:
            self.activated.emit(party_id)

    def _on_view_drag_started(self, party_id: int) -> None:
        party = self._parties.get(party_id)
        if party is not None:
            self.show_fits(party)

    def _on_view_drag_finished(self) -> None:
        self.board_model.set_drop_target(None)
        self.show_fits(self.current_party())
        self.drag_ended.emit()

    def _on_board_view_hovered(self, party_id: int | None, household_id: int | None) -> None:
        if party_id is not None and party_id != self._tinted and party_id in self._parties:
            self.show_fits(self._parties[party_id])
        self.board_model.set_drop_target(household_id)
        self.drag_hovered.emit(party_id, household_id)
