"""The housing board: what it shows, drag and drop checked by the rules, overrides, locks, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.factories_housing_board import (
    drag_move,
    drop,
    fitting,
    household,
    open_page,
    party_named,
    row_centre,
    stored,
)
from twinplanner.data.models import LogEntry, Placement
from twinplanner.services import placement
from twinplanner.ui.housing.board_model import Column
from twinplanner.ui.housing.mime import party_mime

pytestmark = pytest.mark.gui


def test_board_shows_households_with_beds_and_parties_with_needs(qtbot, demo_db) -> None:
    """Each offering household is a row with beds, languages, pets, flags; parties list needs."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    model = page.board.board_model
    assert model.rowCount() == 45
    mueller = household(page, "Sabine Müller")
    row = model.household_index(mueller.id)
    cells = [model.index(row.row(), c).data() for c in Column]
    assert cells[0] == "Sabine Müller · Altstadt"
    assert cells[1] == "0 of 3 used · 3 free"
    assert cells[2] == "de, fr" and cells[3] == "cat"
    assert "cleared for minors" in cells[4] and "1 double bed" in cells[4]
    placed = {p.id for h in page.board.households for p in h.parties}
    assert len(placed) + page.board.unplaced_model.rowCount() == 40
    ana = party_named(page, "Ana Popescu")
    card = page.board.unplaced_model.index(page.board.unplaced_model.row_of(ana.id)).data()
    assert card.startswith("Popescu (3)")
    assert "1 minor" in card and "Ana: cat allergy" in card and "ro, fr" in card


def test_board_models_pass_the_model_tester(qtbot, qtmodeltester, demo_db) -> None:
    """The household tree, the party list and its filter keep Qt's model contract."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    qtmodeltester.check(page.board.board_model)
    qtmodeltester.check(page.board.unplaced_model)
    page.board.filter_box.setText("popescu")
    assert page.board.unplaced_proxy.rowCount() == 1
    qtmodeltester.check(page.board.unplaced_proxy)


def test_allowed_drop_places_the_party_and_undo_redo_restore_the_database(qtbot, demo_db) -> None:
    """A party dropped on a fitting household is placed by hand; undo removes it, redo puts it."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    party = page.board.waiting[0]
    target = fitting(page, party.id)
    view = page.board.board_view
    event = drag_move(
        view,
        visit_id,
        party.id,
        row_centre(view, page.board.board_model.household_index(target.id)),
    )
    assert event.isAccepted()
    kind, text = page.board.drag_feedback()
    assert kind == "ok" and target.household.name in text
    assert page.message.message() == ""  # nothing above the rows moves them during a drag
    drop(
        view,
        visit_id,
        party.id,
        row_centre(view, page.board.board_model.household_index(target.id)),
    )
    assert stored(party.id) is not None
    assert (stored(party.id).household_id, stored(party.id).source) == (target.id, "hand")
    assert page.board.board_model.party_index(party.id).isValid()
    assert page.board.unplaced_model.row_of(party.id) == -1
    page.context.stack.undo()
    assert stored(party.id) is None
    assert page.board.unplaced_model.row_of(party.id) >= 0
    page.context.stack.redo()
    assert stored(party.id).household_id == target.id


def test_drag_over_a_forbidden_household_says_why_and_the_drop_saves_nothing(
    qtbot, demo_db
) -> None:
    """Dragging Ana Popescu's party over a cat household names the allergy; dropping refuses."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    ana = party_named(page, "Ana Popescu")
    mueller = household(page, "Sabine Müller")
    view = page.board.board_view
    at = row_centre(view, page.board.board_model.household_index(mueller.id))
    event = drag_move(view, visit_id, ana.id, at)
    assert event.isAccepted()  # taken, so that dropping can offer the override
    kind, text = page.board.drag_feedback()
    assert kind == "refused"
    assert "Ana Popescu is allergic to cats; Sabine Müller's household keeps a cat" in text
    tint = page.board.board_model.household_index(mueller.id).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None  # the household under the drag is marked
    drop(view, visit_id, ana.id, at)
    assert stored(ana.id) is None
    assert page.message.pending_override() == (ana.id, mueller.id)
    assert not page.message.force.isEnabled()  # no reason yet


def test_forced_placement_records_the_reason_and_shows_it(qtbot, demo_db) -> None:
    """With a reason, a refused placement is saved locked, logged, shown; undo and redo follow."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    ana = party_named(page, "Ana Popescu")
    mueller = household(page, "Sabine Müller")
    page.board.board_model.dropMimeData(
        party_mime(visit_id, ana.id),
        Qt.DropAction.MoveAction,
        -1,
        -1,
        page.board.board_model.household_index(mueller.id),
    )
    assert stored(ana.id) is None
    page.message.reason.setText("the cat stays in the garden flat all week")
    assert page.message.force.isEnabled()
    logs = LogEntry.select().count()
    qtbot.mouseClick(page.message.force, Qt.MouseButton.LeftButton)
    state = stored(ana.id)
    assert state is not None and state.household_id == mueller.id and state.locked
    assert state.override_reason == "the cat stays in the garden flat all week"
    assert LogEntry.select().count() == logs + 1
    index = page.board.board_model.party_index(ana.id)
    details = index.siblingAtColumn(Column.DETAILS).data()
    assert "rules overridden: the cat stays in the garden flat all week" in details
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.message.message() == ""
    page.context.stack.undo()
    assert stored(ana.id) is None
    page.context.stack.redo()
    assert stored(ana.id) == state


def test_moving_and_taking_out_by_drag_are_undoable(qtbot, demo_db) -> None:
    """A placed party dragged to another household moves; dragged to the list it is taken out."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    party = page.board.waiting[0]
    first = fitting(page, party.id)
    assert page.place(party.id, first.id)
    second = fitting(page, party.id, skip=(first.id,))
    view = page.board.board_view
    drop(
        view,
        visit_id,
        party.id,
        row_centre(view, page.board.board_model.household_index(second.id)),
    )
    assert stored(party.id).household_id == second.id
    # Dropped on another party's row, a party goes to that party's household.
    listed = page.board.unplaced_view
    drop(listed, visit_id, party.id, listed.rect().center())
    assert stored(party.id) is None
    assert page.board.unplaced_model.row_of(party.id) >= 0
    page.context.stack.undo()
    assert stored(party.id).household_id == second.id
    page.context.stack.undo()
    assert stored(party.id).household_id == first.id
    page.context.stack.redo()
    page.context.stack.redo()
    assert stored(party.id) is None
    assert page.failures == []


def test_unplaced_party_dropped_on_the_list_changes_nothing(qtbot, demo_db) -> None:
    """The list takes only placed parties; an unplaced one dropped there is not a change."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    party = page.board.waiting[0]
    model = page.board.unplaced_model
    assert not model.canDropMimeData(
        party_mime(visit_id, party.id), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )
    assert not model.dropMimeData(
        party_mime(visit_id, party.id), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )
    assert page.context.stack.count() == 0
    # A party of another visit is never taken.
    assert not page.board.board_model.canDropMimeData(
        party_mime(visit_id + 99, party.id),
        Qt.DropAction.MoveAction,
        -1,
        -1,
        page.board.board_model.index(0, 0),
    )


def test_lock_and_unlock_with_the_keyboard(qtbot, demo_db) -> None:
    """Ctrl+L locks the selected placement and unlocks it; a locked party is not taken out."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    party = page.board.waiting[0]
    assert page.place(party.id, fitting(page, party.id).id)
    assert page.board.select_party(party.id, focus=True)
    view = page.board.board_view
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert stored(party.id).locked
    assert page.lock_action.text() == "Un&lock"
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert stored(party.id) is not None  # refused: locked
    assert "unlock it first" in page.message.message()
    page.context.stack.undo()
    assert not stored(party.id).locked
    page.board.select_party(party.id, focus=True)
    QTest.keyClick(page.board.board_view, Qt.Key.Key_Delete)
    assert stored(party.id) is None


def test_place_with_dialog_lists_fitting_households_first(qtbot, demo_db) -> None:
    """Ctrl+Enter on a party opens the household list; choosing one places it, no mouse needed."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    ana = party_named(page, "Ana Popescu")
    page.board.select_party(ana.id, focus=True)
    QTest.keyClick(page.board.unplaced_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = page.place_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.model.rows()
    fits = [r.fits for r in rows]
    assert fits == sorted(fits, reverse=True) and fits[0]
    mueller = next(r for r in rows if r.name == "Sabine Müller")
    assert not mueller.fits and "allergic to cats" in mueller.reason
    dialog.filter_box.setText(rows[0].name)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    assert stored(ana.id) is not None and stored(ana.id).household_id == rows[0].id


def test_place_with_a_forbidden_household_offers_the_override(qtbot, demo_db) -> None:
    """Choosing a household that breaks a rule from the list refuses and asks for a reason."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    ana = party_named(page, "Ana Popescu")
    dialog = page.choose_household(ana.id)
    assert dialog is not None and dialog.select_household(household(page, "Sabine Müller").id)
    dialog.accept()
    assert stored(ana.id) is None
    assert "allergic to cats" in page.message.message()
    assert page.message.reason.hasFocus() or page.message.reason.isVisible()
    QTest.keyClicks(page.message.reason, "agreed with the family")
    QTest.keyClick(page.message.reason, Qt.Key.Key_Return)
    assert stored(ana.id).override_reason == "agreed with the family"
    assert Placement.select().where(Placement.party == ana.id).count() == 1


def test_undo_after_a_change_elsewhere_is_refused_and_changes_nothing(qtbot, demo_db) -> None:
    """When a placement was changed behind the board's back, undo says so and writes nothing."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    party = page.board.waiting[0]
    first = fitting(page, party.id)
    assert page.place(party.id, first.id)
    second = fitting(page, party.id, skip=(first.id,))
    placement.place_party(party.id, second.id)  # e.g. the command line, not through the page
    page.context.stack.undo()
    assert page.failures and "changed in the meantime" in page.failures[0]
    assert stored(party.id).household_id == second.id


def test_texts_keep_their_direction_in_a_right_to_left_window(qtbot, demo_db) -> None:
    """In Arabic, "0 of 3 used" is isolated so it does not read "of 3 used 0"."""
    _, visit_id = demo_db
    page = open_page(qtbot, visit_id)
    index = page.board.board_model.index(0, Column.BEDS)
    assert not index.data().startswith("\u2068")
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        assert index.data().startswith("\u2068") and index.data().endswith("\u2069")
        card = page.board.unplaced_model.index(0).data()
        assert all(line.startswith("\u2068") for line in card.split("\n"))
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
