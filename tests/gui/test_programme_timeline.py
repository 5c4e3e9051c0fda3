"""The programme timeline: drag to move and resize, conflicts appear and go, undo and redo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from tests.gui.programme_helpers import (
    EXCURSION,
    U13_MATCH,
    conflict_kinds,
    event_id,
    programme,
    stored,
)
from tests.gui.window_helpers import prompt_log  # noqa: F401  (autouse fixture)

pytestmark = pytest.mark.gui


def _drag(qtbot, timeline, start: QPoint, end: QPoint) -> None:
    """Press at start, move through a midpoint to end, release (real mouse events)."""
    viewport = timeline.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    for point in (middle, end):
        qtbot.mouseMove(viewport, point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_moving_the_u13_match_onto_the_excursion_double_books_the_teams(
    qtbot, demo_db, tmp_path
) -> None:
    """Moving the U13 match into the excursion's time marks a club double-booking on both
    blocks and lists it; undo moves it back and the conflict goes; redo brings both again."""
    window, page = programme(qtbot, demo_db, tmp_path)
    match, excursion = event_id(page, U13_MATCH), event_id(page, EXCURSION)
    before = stored(match)
    assert "club_double_booked" not in conflict_kinds(page, match)
    friday = dt.datetime(2027, 5, 14, 11, 0)
    assert page.move_event(match, friday, friday + dt.timedelta(minutes=75), before[2])
    assert stored(match) == (friday, friday + dt.timedelta(minutes=75), before[2])
    assert "club_double_booked" in conflict_kinds(page, match)
    assert page.timeline.marks[match] == "error" and page.timeline.marks[excursion] == "error"
    window.undo_stack.undo()
    assert stored(match) == before
    assert "club_double_booked" not in conflict_kinds(page, match)
    assert match not in page.timeline.marks
    window.undo_stack.redo()
    assert stored(match)[0] == friday
    assert "club_double_booked" in conflict_kinds(page, match)


def test_dragging_a_block_to_another_column_moves_it_in_time_and_venue(
    qtbot, demo_db, tmp_path
) -> None:
    """A mouse drag one column over and one hour down moves the match by one hour (snapped)
    to the next venue, in one undoable step."""
    window, page = programme(qtbot, demo_db, tmp_path)
    tl = page.timeline
    match = event_id(page, U13_MATCH)
    starts, ends, venue = stored(match)
    page.show_events((match,))
    g = tl.geometry_
    column = tl.slots[match].column
    target_venue = g.columns[column + 1].venue_id
    start = tl.view_point(match)
    end = start + QPoint(int(g.column_width), int(g.px_per_hour) + 3)
    _drag(qtbot, tl, start, end)
    one_hour = dt.timedelta(hours=1)
    assert stored(match) == (starts + one_hour, ends + one_hour, target_venue)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert stored(match) == (starts, ends, venue)


def test_dragging_the_lower_edge_changes_the_length(qtbot, demo_db, tmp_path) -> None:
    """Dragging a block's lower edge down by half an hour makes the event 30 minutes longer;
    its start and venue stay; undo restores the length."""
    window, page = programme(qtbot, demo_db, tmp_path)
    tl = page.timeline
    match = event_id(page, U13_MATCH)
    starts, ends, venue = stored(match)
    page.show_events((match,))
    rect = tl.block_rect(match)
    start = QPoint(int(rect.center().x()), int(rect.bottom()) - 2)
    end = start + QPoint(0, int(tl.geometry_.px_per_hour / 2))
    _drag(qtbot, tl, start, end)
    assert stored(match) == (starts, ends + dt.timedelta(minutes=30), venue)
    window.undo_stack.undo()
    assert stored(match) == (starts, ends, venue)


def test_the_drag_check_refuses_a_too_short_event_and_names_new_conflicts(
    qtbot, demo_db, tmp_path
) -> None:
    """While dragging, a place that leaves the event under 5 minutes is refused with the reason
    (and dropping it changes nothing); a place in the excursion names the double-booking."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    tl = page.timeline
    match = event_id(page, U13_MATCH)
    starts, ends, venue = stored(match)
    allowed, words = page.check_move(match, starts, starts, venue)
    assert not allowed and "at least 5 minutes" in words
    friday = dt.datetime(2027, 5, 14, 11, 0)
    allowed, words = page.check_move(match, friday, friday + dt.timedelta(hours=1), venue)
    assert allowed and "in two events at once" in words and "Excursion" in words
    page.show_events((match,))
    rect = tl.block_rect(match)
    press = QPointF(rect.center().x(), rect.bottom() - 2)
    tl._drag = None
    qtbot.mousePress(tl.viewport(), Qt.MouseButton.LeftButton, pos=press.toPoint())
    tl.drag_to(QPointF(press.x(), rect.top() - 40))  # above the block's start: no length left
    assert tl._drag is not None and not tl._drag.allowed
    assert "at least 5 minutes" in page.hint.text()
    assert tl.drop() is None
    assert stored(match) == (starts, ends, venue)


def test_keyboard_selects_moves_resizes_and_merges_nudges(qtbot, demo_db, tmp_path) -> None:
    """Arrow keys choose events; Ctrl+Down moves the chosen one by the snap step, Ctrl+Shift+Down
    lengthens it; repeated nudges of one event are one undo step."""
    window, page = programme(qtbot, demo_db, tmp_path)
    tl = page.timeline
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key.Key_Home)
    first = tl.current()
    assert first == tl.ordered()[0]
    qtbot.keyClick(tl, Qt.Key.Key_Down)
    assert tl.current() == tl.ordered()[1]
    match = event_id(page, U13_MATCH)
    tl.select([match])
    starts, ends, venue = stored(match)
    qtbot.keyClick(tl, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tl, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    step = dt.timedelta(minutes=tl.snap_minutes)
    assert stored(match) == (starts + 2 * step, ends + 2 * step, venue)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert stored(match) == (starts, ends, venue)
    qtbot.keyClick(
        tl, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert stored(match) == (starts, ends + step, venue)
    qtbot.keyClick(tl, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert stored(match)[2] != venue


def test_delete_key_removes_an_event_and_undo_brings_it_back_with_its_id(
    qtbot, demo_db, tmp_path
) -> None:
    """Delete on the timeline removes the chosen event; undo restores it under the same id
    with its clubs; redo removes it again."""
    from twinplanner.data.models import EventClub

    window, page = programme(qtbot, demo_db, tmp_path)
    tl = page.timeline
    match = event_id(page, U13_MATCH)
    clubs = sorted(c.club_id for c in EventClub.select().where(EventClub.event == match))
    tl.setFocus()
    tl.select([match])
    qtbot.keyClick(tl, Qt.Key.Key_Delete)
    assert stored(match) is None and match not in page.rows
    window.undo_stack.undo()
    assert stored(match) is not None and match in page.rows
    assert sorted(c.club_id for c in EventClub.select().where(EventClub.event == match)) == clubs
    window.undo_stack.redo()
    assert stored(match) is None


def test_choosing_a_conflict_selects_and_shows_its_events(qtbot, demo_db, tmp_path) -> None:
    """Clicking a listed conflict selects the events it names on the timeline and in the list."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    view = page.conflict_panel.error_view
    index = page.conflict_panel.errors.index(0, 0)
    ids = page.conflict_panel.errors.lines()[0].event_ids
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert page.timeline.selected == list(ids)
    assert page.list_panel.selected_ids() == list(ids)
    rect = page.timeline.block_rect(ids[0])
    assert page.timeline.viewport().rect().intersects(rect.toRect())
