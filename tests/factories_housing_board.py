"""Helpers for the housing page tests: a page on the demo, its parties and households, drags."""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView

from twinplanner.data.models import Placement
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.planning.housing.result import HousingResult, Progress
from twinplanner.services.housing_board import PlacementState, placement_states
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.housing.items import HouseholdItem, PartyItem
from twinplanner.ui.housing.mime import party_mime
from twinplanner.ui.housing.planning import Planner
from twinplanner.ui.pages.housing import HousingPage


def open_page(qtbot, visit_id: int, planner: Planner | None = None) -> HousingPage:
    """A shown housing page on a visit, whose changes come back to it as the window routes them."""
    page = HousingPage(CommandContext(QUndoStack()), planner=planner)
    page.context.stack.setParent(page)
    page.context.setParent(page)
    page.context.changes_made.connect(page.apply_changes)
    page.failures = []  # type: ignore[attr-defined]
    page.context.failed.connect(page.failures.append)  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts work only in the active window
    page.show_visit(visit_id)
    return page


def party_named(page: HousingPage, member: str) -> PartyItem:
    """The party a visitor belongs to, by the visitor's full name."""
    for item in [*page.board.waiting, *(p for h in page.board.households for p in h.parties)]:
        if any(m.name == member for m in item.party.members):
            return item
    raise AssertionError(f"no party with {member}")


def household(page: HousingPage, name: str) -> HouseholdItem:
    """A household shown, by contact name."""
    for item in page.board.households:
        if item.household.name == name:
            return item
    raise AssertionError(f"no household {name}")


def fitting(page: HousingPage, party_id: int, skip: tuple[int, ...] = ()) -> HouseholdItem:
    """The first household (board order) where the party may go now."""
    for item in page.board.households:
        verdict = page.board.verdict(party_id, item.id)
        if item.id not in skip and verdict is not None and verdict.allowed:
            return item
    raise AssertionError("no household fits")


def stored(party_id: int) -> PlacementState | None:
    """The party's placement as the database holds it."""
    row = Placement.get_or_none(Placement.party == party_id)
    if row is None:
        return None
    return PlacementState(row.household_id, bool(row.locked), row.source, row.override_reason)


def all_stored(visit_id: int) -> dict[int, PlacementState]:
    """Every placement of the visit."""
    return placement_states(visit_id)


def row_centre(view: QAbstractItemView, index) -> QPoint:
    """The middle of a row in viewport coordinates."""
    view.scrollTo(index)
    return view.visualRect(index).center()


def drag_move(view: QAbstractItemView, visit_id: int, party_id: int, at: QPoint) -> QDragMoveEvent:
    """Send a drag-move of a party at a point of the view; returns the (handled) event."""
    data = party_mime(visit_id, party_id)  # the event keeps only a pointer: hold the data
    event = QDragMoveEvent(
        QPointF(at),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragMoveEvent(event)
    event.held_data = data  # type: ignore[attr-defined]
    return event


def drop(view: QAbstractItemView, visit_id: int, party_id: int, at: QPoint) -> QDropEvent:
    """Drop a party at a point of the view, as a finished drag does."""
    data = party_mime(visit_id, party_id)
    event = QDropEvent(
        QPointF(at),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    event.held_data = data  # type: ignore[attr-defined]
    return event


class HeldPlanner:
    """A planner that reports once, then waits until released or cancelled (for timing tests)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.saw_cancel = threading.Event()

    def __call__(self, problem: HousingProblem, progress, cancel: threading.Event) -> HousingResult:
        from twinplanner.planning.housing.solver import plan_greedy

        progress(Progress("greedy", 3, problem.people, 10, 20, 0.5))
        self.started.set()
        while not (self.release.is_set() or cancel.is_set()):
            cancel.wait(0.01)
        if cancel.is_set():
            self.saw_cancel.set()
        return plan_greedy(problem)
