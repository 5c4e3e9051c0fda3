"""iCalendar export from the Programme page, the list view and filter, and the models' contract."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt

from tests.gui.programme_helpers import U13_MATCH, event_id, programme
from tests.gui.window_helpers import prompt_log  # noqa: F401  (autouse fixture)
from twinplanner.ui import prompts as programme_prompts

pytestmark = pytest.mark.gui


def _summaries(path) -> list[str]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]


def test_export_writes_a_calendar_that_parses_back(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    """'Export calendar › Whole programme' writes the chosen file; it parses as iCalendar with
    every event of the visit; the page says how many were written."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    target = tmp_path / "out" / "programme"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(
        programme_prompts,
        "calendar_path",
        lambda _p, title, start: asked.append(start) or target.with_suffix(".ics"),
    )
    page.export_menu.actions()[0].trigger()
    written = target.with_suffix(".ics")
    assert asked and asked[0].suffix == ".ics"
    summaries = _summaries(written)
    assert len(summaries) == len(page.rows) and U13_MATCH in summaries
    assert str(len(page.rows)) in page.message.text()


def test_export_of_one_club_holds_only_its_events(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    """Exporting one club's programme leaves out events it has no part in (the U15 match)."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    written = tmp_path / "u13.ics"
    monkeypatch.setattr(programme_prompts, "calendar_path", lambda *_a: written)
    action = next(a for a in page.export_menu.actions() if a.text().startswith("SV Lindenfeld U13"))
    action.trigger()
    summaries = _summaries(written)
    assert U13_MATCH in summaries
    assert not any(s.startswith("U15") for s in summaries)


def test_cancelled_export_writes_nothing(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    """Cancelling the save dialog writes no file and shows no message."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    monkeypatch.setattr(programme_prompts, "calendar_path", lambda *_a: None)
    page.export(None)
    assert page.message.isHidden() and not list(tmp_path.glob("*.ics"))


def test_list_view_sorts_filters_and_follows_changes(qtbot, demo_db, tmp_path) -> None:
    """The list shows every event; the kind filter and the words filter narrow it; 'only with
    conflicts' keeps the events marked; a move on the timeline shows in the list."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    page.set_view(1)
    panel = page.list_panel
    assert panel.proxy.rowCount() == len(page.rows)
    panel.kind.setCurrentIndex(panel.kind.findData("match"))
    assert panel.proxy.rowCount() == 2
    panel.filter_box.setText("u13")
    assert panel.proxy.rowCount() == 1
    panel.filter_box.clear()
    panel.kind.setCurrentIndex(0)
    panel.only_conflicts.setChecked(True)
    assert panel.proxy.rowCount() == len(page.timeline.marks)
    panel.only_conflicts.setChecked(False)
    match = event_id(page, U13_MATCH)
    friday = dt.datetime(2027, 5, 14, 11, 0)
    page.move_event(match, friday, friday + dt.timedelta(hours=1), None)
    row = panel.model.row_at(panel.model.row_of_id(match))
    assert row.event.starts_at == friday and row.severity == "error"
    panel.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    titles = [panel.proxy.index(r, 3).data() for r in range(panel.proxy.rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def test_list_keys_edit_and_delete(qtbot, demo_db, tmp_path) -> None:
    """In the list, Enter opens the editor of the current event and Delete removes it."""
    window, page = programme(qtbot, demo_db, tmp_path)
    page.set_view(1)
    match = event_id(page, U13_MATCH)
    page.show_events((match,))
    view = page.list_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.editor.isVisible() and page.editor.row.id == match
    page.editor.reject()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert match not in page.rows and window.undo_stack.count() == 1


def test_programme_models_pass_the_model_tester(qtbot, qtmodeltester, demo_db, tmp_path) -> None:
    """The event list, the conflict lists and the proposal lines keep Qt's model contract."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    qtmodeltester.check(page.list_panel.model)
    qtmodeltester.check(page.list_panel.proxy)
    qtmodeltester.check(page.conflict_panel.errors)
    qtmodeltester.check(page.conflict_panel.warnings)
    qtmodeltester.check(page.proposal_panel.changes)
