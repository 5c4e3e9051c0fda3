"""Planning on the housing page: background run, cancel, proposal, accept and undo, stale plans."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.factories_housing_board import (
    HeldPlanner,
    all_stored,
    fitting,
    open_page,
    stored,
)
from twinplanner.data.models import HostOffer
from twinplanner.services import placement
from twinplanner.ui.housing.planning import SolverPlanner
from twinplanner.ui.main_window import MainWindow
from twinplanner.ui.pages.housing import HousingPage
from twinplanner.ui.settings import Settings

pytestmark = pytest.mark.gui

QUICK = SolverPlanner(time_limit=5.0)


def _wait_for_proposal(qtbot, page: HousingPage) -> None:
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.proposal, timeout=30000)
    page.planner.wait()


def test_plan_accept_undo_redo(qtbot, demo_db) -> None:
    """The planner runs in the background; its proposal lists the changes and wishes; accepting
    saves it as one undo step; undo puts every placement back, redo applies it again."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id, QUICK)
    before = all_stored(visit_id)
    assert page.plan()
    assert page.progress.isVisible() and not page.plan_action.isEnabled()
    _wait_for_proposal(qtbot, page)
    problem, result, _version = page.proposal_plan
    assert all_stored(visit_id) == before  # nothing saved before accepting
    assert page.proposal.moves.rowCount() == len(result.moves) > 30
    assert page.proposal.heading.text().startswith("Proposal: ")
    assert "Proven best" in page.proposal.proof.text()
    wishes = [page.proposal.wishes.row_at(r) for r in range(page.proposal.wishes.rowCount())]
    assert wishes[-1].label == "Total" and wishes[-1].points == result.score
    assert page.proposal.accept_button.isEnabled()
    qtbot.mouseClick(page.proposal.accept_button, Qt.MouseButton.LeftButton)
    after = all_stored(visit_id)
    assert {p: s.household_id for p, s in after.items()} == result.as_mapping()
    assert page.stack.currentWidget() is page.board
    assert page.context.stack.count() == 1
    assert page.context.stack.undoText() == "accepting the plan"
    page.context.stack.undo()
    assert all_stored(visit_id) == before
    page.context.stack.redo()
    assert all_stored(visit_id) == after
    assert page.failures == []


def test_cancel_stops_a_running_plan_and_changes_nothing(qtbot, demo_db) -> None:
    """Cancel (the button or Esc) stops the worker; no proposal, no change, planning possible."""
    _, visit_id = demo_db
    held = HeldPlanner()
    page = open_page(qtbot, visit_id, held)
    before = all_stored(visit_id)
    assert page.plan()
    assert held.started.wait(5)
    qtbot.waitUntil(
        lambda: page.progress.bar.value() > 0 or "visitors" in page.progress.label.text(),
        timeout=5000,
    )
    assert "3 of at most" in page.progress.label.text()
    with qtbot.waitSignal(page.planner.cancelled, timeout=5000):
        qtbot.mouseClick(page.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert held.saw_cancel.wait(5)
    page.planner.wait()
    qtbot.wait(50)  # a late result would arrive now; it must be dropped
    assert page.stack.currentWidget() is page.board
    assert page.proposal_plan is None
    assert "cancelled" in page.message.message()
    assert not page.progress.isVisible() and page.plan_action.isEnabled()
    assert all_stored(visit_id) == before


def test_a_plan_computed_while_the_data_changed_is_shown_outdated(qtbot, demo_db) -> None:
    """A placement made while the planner runs makes its result outdated: shown, not applied."""
    _, visit_id = demo_db
    held = HeldPlanner()
    page = open_page(qtbot, visit_id, held)
    party = page.board.waiting[0]
    assert page.plan()
    assert held.started.wait(5)
    assert page.place(party.id, fitting(page, party.id).id)  # the organiser goes on working
    during = all_stored(visit_id)
    held.release.set()
    _wait_for_proposal(qtbot, page)
    assert page.proposal.is_outdated()
    assert "outdated" in page.proposal.outdated.text()
    assert page.proposal.plan_again.isVisible()
    assert not page.accept_proposal()
    assert all_stored(visit_id) == during
    qtbot.mouseClick(page.proposal.plan_again, Qt.MouseButton.LeftButton)
    assert page.planner.is_running()
    held.release.set()
    _wait_for_proposal(qtbot, page)
    assert not page.proposal.is_outdated()


def test_placements_changed_elsewhere_make_accept_refuse_as_outdated(qtbot, demo_db) -> None:
    """When placements change without the page hearing of it, accepting raises StalePlanError:
    the proposal says it is outdated, nothing is saved and nothing goes on the undo stack."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id, QUICK)
    assert page.plan()
    _wait_for_proposal(qtbot, page)
    party = page.board.waiting[0]
    placement.place_party(party.id, fitting(page, party.id).id)  # e.g. another program
    changed = all_stored(visit_id)
    assert not page.accept_proposal()
    assert page.proposal.is_outdated()
    assert "changed while the planner ran" in page.proposal.outdated.text()
    assert all_stored(visit_id) == changed
    assert page.context.stack.count() == 0


def test_a_household_backing_out_is_replanned_with_few_moves(qtbot, demo_db) -> None:
    """After a plan, a household backs out: its guests wait with a note; Re-plan moves only them;
    accepting and undoing work, and the backing out itself is undone too."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id, QUICK)
    page.plan()
    _wait_for_proposal(qtbot, page)
    page.accept_proposal()
    planned = all_stored(visit_id)
    counts: dict[int, int] = {}
    for state in planned.values():
        if not state.locked:
            counts[state.household_id] = counts.get(state.household_id, 0) + 1
    gone = max(counts, key=lambda h: (counts[h], -h))
    guests = {p for p, s in planned.items() if s.household_id == gone}
    assert page.board.select_household(gone, focus=True)
    assert page.drop_out_action.isEnabled()
    page.drop_out_action.trigger()
    assert (
        not HostOffer.select()
        .where((HostOffer.visit == visit_id) & (HostOffer.household == gone))
        .exists()
    )
    assert all_stored(visit_id) == planned  # the guests keep their old placement until moved
    waiting = {p.id for p in page.board.waiting}
    assert guests <= waiting
    card = page.board.unplaced_model.index(0).data()
    assert "backed out: needs a new household" in card
    assert "Re-plan" in page.message.message()
    page.replan_action.trigger()
    _wait_for_proposal(qtbot, page)
    problem, result, _version = page.proposal_plan
    assert problem.replan and page.proposal.heading.text().startswith("Re-plan: ")
    assert {m.party_id for m in result.moves} == guests
    assert "(backed out)" in page.proposal.moves.row_at(0).source
    assert page.accept_proposal()
    assert "Moved: " in page.message.message()
    replanned = all_stored(visit_id)
    assert all(replanned[p] == planned[p] for p in planned if p not in guests)
    assert all(replanned[p].household_id != gone for p in guests if p in replanned)
    page.context.stack.undo()  # the re-plan
    assert all_stored(visit_id) == planned
    page.context.stack.undo()  # the backing out
    assert (
        HostOffer.select()
        .where((HostOffer.visit == visit_id) & (HostOffer.household == gone))
        .exists()
    )
    assert not ({p.id for p in page.board.waiting} & guests)
    assert page.failures == []


def test_main_window_routes_housing_changes(qtbot, demo_db, tmp_path) -> None:
    """In the main window the Housing page is the board; a placement there reaches the Hosts
    page and the window's undo undoes it."""
    path, visit_id = demo_db
    window = MainWindow(path, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    page = window.housing_page
    window.tabs.setCurrentWidget(page)
    assert isinstance(page, HousingPage) and page.visit_id == visit_id
    party = page.board.waiting[0]
    target = fitting(page, party.id)
    assert page.place(party.id, target.id)
    row = window.hosts.rows()[window.hosts.row_of_id(target.id)]
    assert row.guests == party.party.size
    window.undo_stack.undo()
    assert stored(party.id) is None
    assert page.board.unplaced_model.row_of(party.id) >= 0
