"""Creating visits, visitors and households through the window's dialogs, with undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.window_helpers import open_window, prompt_log  # noqa: F401  (autouse fixture)
from twinplanner.data.models import Household, Participation, Person, Visit
from twinplanner.ui.dialogs.visit import _MOMENT
from twinplanner.ui.editors import set_editor_value

pytestmark = pytest.mark.gui


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_create_a_visit_then_undo(qtbot, demo_db, tmp_path) -> None:
    """The visit editor creates a visit that the picker then shows; undo deletes it again."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    count = Visit.select().count()
    window.menu_actions.new_visit.trigger()
    dialog = window.records.dialog
    assert dialog.isVisible()
    dialog.year.setValue(2028)
    dialog.title_edit.setText("Lindenfeld in Beaulieu 2028")
    set_editor_value(dialog.arrival, _MOMENT, dt.datetime(2028, 6, 1, 16, 0))
    set_editor_value(dialog.departure, _MOMENT, dt.datetime(2028, 6, 5, 9, 0))
    _ok(dialog)
    assert not dialog.isVisible()
    created = Visit.get(Visit.title == "Lindenfeld in Beaulieu 2028")
    assert Visit.select().count() == count + 1
    assert window.current_visit_id() == created.id
    assert window.visitors.rowCount() == 0
    window.undo_stack.undo()
    assert Visit.select().count() == count
    window.undo_stack.redo()
    assert Visit.get_by_id(created.id).year == 2028


def test_visit_editor_refuses_a_departure_before_the_arrival(qtbot, demo_db, tmp_path) -> None:
    """The dialog stays open with the reason; the stored visit is unchanged."""
    path, visit_id = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.menu_actions.edit_visit.trigger()
    dialog = window.records.dialog
    set_editor_value(dialog.departure, _MOMENT, dt.datetime(2027, 5, 1, 9, 0))
    _ok(dialog)
    assert dialog.isVisible() and "after the arrival" in dialog.error.text()
    assert Visit.get_by_id(visit_id).departure_at == dt.datetime(2027, 5, 16, 10, 0)
    dialog.title_edit.setText("Choir and football 2027")
    set_editor_value(dialog.departure, _MOMENT, dt.datetime(2027, 5, 16, 10, 0))
    _ok(dialog)
    assert Visit.get_by_id(visit_id).title == "Choir and football 2027"
    assert window.overview.title.text() == "Choir and football 2027"
    window.undo_stack.undo()
    assert Visit.get_by_id(visit_id).title.startswith("Beaulieu-sur-Loire in Lindenfeld")


def test_add_a_visitor_then_undo_and_redo(qtbot, demo_db, tmp_path) -> None:
    """A new visitor is stored in the visit and selected; undo removes, redo brings them back."""
    path, visit_id = demo_db
    window = open_window(qtbot, path, tmp_path)
    rows = window.visitors.rowCount()
    window.menu_actions.add_visitor.trigger()
    dialog = window.records.dialog
    dialog.name.setText("Zoë Ørsted-Łukasz")
    dialog.phone.setText("+33 6 99 88 77 66")
    _ok(dialog)
    person = Person.get(Person.full_name == "Zoë Ørsted-Łukasz")
    assert Participation.get(Participation.person == person.id).visit_id == visit_id
    assert window.visitors.rowCount() == rows + 1
    assert window.visitors_page.selected_ids() == [person.id]
    window.undo_stack.undo()
    assert Person.get_or_none(Person.id == person.id) is None
    assert window.visitors.rowCount() == rows
    window.undo_stack.redo()
    assert Person.get_by_id(person.id).phone == "+33 6 99 88 77 66"


def test_add_visitor_without_a_name_is_refused_in_the_dialog(qtbot, demo_db, tmp_path) -> None:
    """An empty name keeps the dialog open with the reason and adds nobody."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    people = Person.select().count()
    window.menu_actions.add_visitor.trigger()
    dialog = window.records.dialog
    _ok(dialog)
    assert dialog.isVisible() and "must not be empty" in dialog.error.text()
    assert Person.select().count() == people
    assert window.undo_stack.count() == 0


def test_add_a_household_and_edit_its_beds(qtbot, demo_db, tmp_path) -> None:
    """A new household appears on the Hosts page; its beds are edited and undone."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.menu_actions.add_household.trigger()
    dialog = window.records.dialog
    dialog.name.setText("Familie Öztürk")
    dialog.beds.setValue(3)
    _ok(dialog)
    household = Household.get(Household.contact_name == "Familie Öztürk")
    page = window.hosts_page
    assert page.selected_ids() == [household.id]
    beds = page.proxy.mapFromSource(
        page.model.index(page.model.row_of_id(household.id), page.model.column_of_field("beds"))
    )
    page.proxy.setData(beds, 4)
    assert Household.get_by_id(household.id).beds == 4
    assert window.menu_actions.undo.text() == "Undo change of Familie Öztürk's beds"
    window.undo_stack.undo()
    assert Household.get_by_id(household.id).beds == 3
