"""File menu, remembered window state, the About dialog, error messages and the error log."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.window_helpers import open_window, prompt_log  # noqa: F401  (autouse fixture)
from twinplanner.data.db import open_database
from twinplanner.data.models import Visit
from twinplanner.domain.errors import ValidationError
from twinplanner.ui import errors, prompts
from twinplanner.ui.settings import Settings

pytestmark = pytest.mark.gui


def test_new_file_then_back_through_the_recent_files(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    """File › New opens an empty file (title shows it); Open recent brings the demo back."""
    path, visit_id = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.settings.note_opened(path)
    new = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(prompts, "save_path", lambda *_a: new)
    window.menu_actions.new_file.trigger()
    assert window.db_path == new and "fresh.sqlite" in window.windowTitle()
    assert window.current_visit_id() is None and window.visitors.rowCount() == 0
    assert window.overview.title.text() == "No visit yet"
    menu = window.menu_actions.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if path.name in a.text()]
    assert entries, [a.text() for a in menu.actions()]
    entries[0].trigger()
    assert window.db_path == path and window.current_visit_id() == visit_id


def test_opening_a_file_that_is_not_a_database_keeps_the_old_one(
    qtbot, demo_db, tmp_path, monkeypatch, prompt_log
) -> None:
    """A text file is refused with a clear message; the demo stays open and usable."""
    path, visit_id = demo_db
    window = open_window(qtbot, path, tmp_path)
    junk = tmp_path / "notes.sqlite"
    junk.write_text("shopping list\n" * 200)
    monkeypatch.setattr(prompts, "open_path", lambda *_a: junk)
    window.menu_actions.open_file.trigger()
    assert prompt_log and "not a TwinPlanner database" in prompt_log[-1][1]
    assert window.db_path == path
    assert Visit.get_by_id(visit_id).year == 2027


def test_save_a_copy_writes_a_database_that_opens(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    """The copy holds the same visits; the window keeps the original file open."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    target = tmp_path / "copies" / "copy.sqlite"
    monkeypatch.setattr(prompts, "save_path", lambda *_a: target)
    window.menu_actions.save_copy.trigger()
    assert target.exists() and window.db_path == path
    count = Visit.select().count()
    open_database(target)
    assert Visit.select().count() == count
    open_database(path)


def test_geometry_column_widths_and_last_file_are_remembered(qtbot, demo_db, tmp_path) -> None:
    """Closing saves geometry, column widths and the file; a new window restores them."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.resize(1100, 690)
    window.visitors_page.view.setColumnWidth(0, 321)
    window.close()
    settings = Settings(tmp_path / "settings.ini")
    assert settings.last_file() == path.resolve()
    again = open_window(qtbot, path, tmp_path)
    assert again.visitors_page.view.columnWidth(0) == 321
    assert again.size().height() == 690  # the offscreen screen is too narrow for the width


def test_keyboard_shortcuts_are_shown_and_switch_pages(qtbot, demo_db, tmp_path) -> None:
    """Undo, redo, find and the pages have shortcuts; Ctrl+3 opens the Hosts page."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    a = window.menu_actions
    assert a.undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in a.redo.shortcuts()]
    assert [s.toString() for s in a.find.shortcuts()] == ["Ctrl+F", "Ctrl+K"]
    a.pages[2].trigger()
    assert window.tabs.currentWidget() is window.hosts_page
    assert a.pages[2].shortcut().toString() == "Ctrl+3"


def test_about_lists_version_and_licences(qtbot, demo_db, tmp_path) -> None:
    """The About dialog names TwinPlanner's version and each library and font with a licence."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.menu_actions.about.trigger()
    dialog = window.records.dialog
    shown = dialog.libraries_shown()
    assert "PySide6-Essentials" in shown and "reportlab" in shown
    assert any("Noto Naskh Arabic" in name for name in shown)
    assert all(dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount()))
    dialog.close()


def test_unexpected_errors_are_logged_and_explained(tmp_path) -> None:
    """An unexpected error goes to the log file; the message says what to do, no traceback."""
    shown: list[tuple[str, str]] = []
    try:
        raise KeyError("party 12")
    except KeyError as exc:
        errors.report(exc, lambda what, todo: shown.append((what, todo)))
    log = errors.log_path().read_text(encoding="utf-8")
    assert "KeyError: 'party 12'" in log and "Traceback" in log
    what, todo = shown[0]
    assert "KeyError" in what and "Traceback" not in what + todo
    assert str(errors.log_path()) in todo


def test_expected_errors_are_shown_as_they_are_and_not_logged(tmp_path) -> None:
    """A ValidationError reaches the user as its own sentence."""
    before = errors.log_path().read_text(encoding="utf-8") if errors.log_path().exists() else ""
    shown: list[tuple[str, str]] = []
    errors.report(
        ValidationError("The phone number is not a phone number."),
        lambda what, todo: shown.append((what, todo)),
    )
    assert shown == [("The phone number is not a phone number.", "")]
    after = errors.log_path().read_text(encoding="utf-8") if errors.log_path().exists() else ""
    assert after == before


def test_import_and_restore_entries(qtbot, demo_db, tmp_path, prompt_log) -> None:
    """Restore backup and Import open their dialogs (Import says so plainly while it is absent)."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.menu_actions.restore_backup.trigger()
    assert type(window.files._dialog).__name__ == "RestoreDialog"
    window.files._dialog.close()
    window.menu_actions.import_data.trigger()
    assert type(window.files._dialog).__name__ == "ImportDialog"
    window.files._dialog.close()


def test_arabic_turns_the_window_right_to_left(qtbot, demo_db, tmp_path, qapp) -> None:
    """With Arabic as the language the layout runs right to left; English restores it."""
    from twinplanner.app import apply_language

    try:
        apply_language(qapp, "ar")
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        path, _ = demo_db
        window = open_window(qtbot, path, tmp_path)
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        apply_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
