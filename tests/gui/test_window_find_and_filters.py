"""Find anyone, filters of the Visitors and Hosts pages, the overview's links, model contracts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.gui.window_helpers import open_window, person_id, prompt_log  # noqa: F401
from twinplanner.services.overview import TodoKind

pytestmark = pytest.mark.gui


def _type(widget, text: str) -> None:
    """Type text, also non-ASCII, by key events that carry it (see FACTS.md)."""
    for ch in text:
        QApplication.sendEvent(
            widget,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )


def test_find_shows_where_a_visitor_stays_and_jumps_to_them(qtbot, demo_db, tmp_path) -> None:
    """Ctrl+F, 'boyer': the answer names the host and the host's phone; Enter selects the row."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.menu_actions.find.trigger()
    dialog = window.records.find_dialog
    assert dialog.isVisible()
    _type(dialog.query, "gérard boy")
    dialog.search_now()
    assert dialog.results.count() == 1
    assert "Reinhard König" in dialog.details.text()
    assert "+49 6241" in dialog.details.text()
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.tabs.currentWidget() is window.visitors_page
    assert window.visitors_page.selected_ids() == [person_id(window, "Gérard Boyer")]


def test_find_a_household_by_phone_digits(qtbot, demo_db, tmp_path) -> None:
    """Typing digits of a host's phone without spaces finds the household."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    host = window.hosts.row_at(0)
    digits = "".join(ch for ch in host.phone if ch.isdigit())[-5:]
    dialog = window.records.find_dialog
    dialog.start(window.current_visit_id())
    qtbot.keyClicks(dialog.query, digits)
    dialog.search_now()
    assert host.contact_name in [hit.name for hit in dialog.hits]
    row = [hit.name for hit in dialog.hits].index(host.contact_name)
    dialog.results.setCurrentRow(row)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.hosts_page
    assert window.hosts_page.selected_ids() == [host.id]


def test_visitor_filters_narrow_the_table(qtbot, demo_db, tmp_path) -> None:
    """Typed words, minors, not placed, club and language each narrow the visitors shown."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    page, proxy = window.visitors_page, window.visitors_proxy
    total = proxy.rowCount()
    qtbot.keyClicks(page.filter_box, "popescu")
    page.apply_filter_text()
    assert {proxy.index(r, 0).data() for r in range(proxy.rowCount())} == {
        "Ana Popescu",
        "Mihai Popescu",
        "Ștefan Popescu",
    }
    page.filter_box.clear()
    _type(page.filter_box, "ștefan")
    page.apply_filter_text()
    assert proxy.rowCount() == 1
    page.clear_filters()
    assert proxy.rowCount() == total
    page.minors_only.setChecked(True)
    assert 0 < proxy.rowCount() < total
    assert all(
        page.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).is_minor
        for r in range(proxy.rowCount())
    )
    page.minors_only.setChecked(False)
    page.unplaced_only.setChecked(True)
    unplaced = proxy.rowCount()
    assert unplaced == sum(1 for p in page.model.rows() if p.is_guest and not p.household_id)
    page.unplaced_only.setChecked(False)
    page.club_filter.setCurrentIndex(page.club_filter.findText("AS Beaulieu U13"))
    assert proxy.rowCount() == sum(1 for p in page.model.rows() if "AS Beaulieu U13" in p.clubs)
    page.club_filter.setCurrentIndex(0)
    page.language_filter.setCurrentIndex(page.language_filter.findData("ar"))
    assert proxy.rowCount() == sum(1 for p in page.model.rows() if "ar" in p.languages)
    assert "of 68 people shown" in page.count_label.text()


def test_host_filters(qtbot, demo_db, tmp_path) -> None:
    """Free beds, cleared for minors and no pets narrow the host households."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    page = window.hosts_page
    page.minors_cleared_only.setChecked(True)
    assert page.proxy.rowCount() == sum(1 for h in page.model.rows() if h.minors_cleared)
    page.no_pets_only.setChecked(True)
    assert page.proxy.rowCount() == sum(
        1 for h in page.model.rows() if h.minors_cleared and not h.pets
    )


def test_overview_counts_and_links_to_the_place_to_fix(qtbot, demo_db, tmp_path) -> None:
    """The checklist's Show buttons open the place to fix: Housing for unplaced parties."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    overview = window.overview
    assert overview.tile_values["guests"].text() == "59"
    assert overview.tile_values["parties"].text() == "1 / 40"
    qtbot.mouseClick(overview.todo_buttons[TodoKind.PARTIES_NOT_PLACED], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.housing_page
    qtbot.mouseClick(
        overview.todo_buttons[TodoKind.NO_EMERGENCY_CONTACT], Qt.MouseButton.LeftButton
    )
    selected = {
        window.visitors.row_at(window.visitors.row_of_id(i)).full_name
        for i in window.visitors_page.selected_ids()
    }
    assert selected == {"Antoine David", "Thierry Gauthier"}


def test_an_edit_reaches_the_overview_through_the_window(qtbot, demo_db, tmp_path) -> None:
    """Clearing a host's phone on the Hosts page adds it to the overview's checklist at once."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    assert TodoKind.HOUSEHOLDS_WITHOUT_PHONE not in window.overview.todo_buttons
    page = window.hosts_page
    host = page.model.row_at(0)
    index = page.proxy.mapFromSource(page.model.index(0, page.model.column_of_field("phone")))
    page.proxy.setData(index, "")
    assert TodoKind.HOUSEHOLDS_WITHOUT_PHONE in window.overview.todo_buttons
    assert (
        host.contact_name in window.overview.todo_labels[TodoKind.HOUSEHOLDS_WITHOUT_PHONE].text()
    )


def test_models_keep_the_qt_model_contract(qtbot, qtmodeltester, demo_db, tmp_path) -> None:
    """Visitors, hosts and their filter proxies pass the model tester, also after a sort."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.visitors_page.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    for model in (window.visitors, window.hosts, window.visitors_proxy, window.hosts_page.proxy):
        qtmodeltester.check(model)
