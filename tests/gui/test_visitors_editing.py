"""Editing visitors in the table and the form, with undo and redo checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.gui.window_helpers import (  # noqa: F401  (prompt_log: autouse fixture)
    cell,
    check_state,
    open_window,
    person_id,
    prompt_log,
)
from twinplanner.data.models import Participation, Person

pytestmark = pytest.mark.gui


def _phone(pid: int) -> str:
    return Person.get_by_id(pid).phone


def test_edit_a_cell_then_undo_and_redo(qtbot, demo_db, tmp_path) -> None:
    """Typing a new phone into the cell stores it; undo and redo follow in the database."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.tabs.setCurrentWidget(window.visitors_page)
    ana = person_id(window, "Ana Popescu")
    old = _phone(ana)
    view = window.visitors_page.view
    index = cell(window.visitors_page, ana, "phone")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "+40 721 000 111")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: _phone(ana) == "+40 721 000 111")
    assert cell(window.visitors_page, ana, "phone").data() == "+40 721 000 111"
    assert window.menu_actions.undo.text() == "Undo change of Ana Popescu's phone"
    window.menu_actions.undo.trigger()
    assert _phone(ana) == old
    assert cell(window.visitors_page, ana, "phone").data() == old
    window.menu_actions.redo.trigger()
    assert _phone(ana) == "+40 721 000 111"


def test_a_bad_value_is_refused_in_place_and_nothing_changes(qtbot, demo_db, tmp_path) -> None:
    """A phone made of words is refused: the reason shows above the table, nothing is stored."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    page = window.visitors_page
    window.tabs.setCurrentWidget(page)
    ana = person_id(window, "Ana Popescu")
    before = Person.select().where(Person.id == ana).dicts().get()
    page.select_ids([ana])
    assert page.proxy.setData(cell(page, ana, "phone"), "ring the bell")
    assert page.message.isVisible() and "not a phone number" in page.message.text()
    assert page.form.errors["phone"].isVisible()
    assert Person.select().where(Person.id == ana).dicts().get() == before
    assert window.undo_stack.count() == 0
    refused = cell(page, ana, "phone")
    assert refused.data() == before["phone"]
    assert "not a phone number" in refused.data(Qt.ItemDataRole.ToolTipRole)


def test_non_ascii_name_and_a_checkbox_cell(qtbot, demo_db, tmp_path) -> None:
    """A name with ș and ț is stored as typed; unticking photo consent is undone by undo."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    page = window.visitors_page
    stefan = person_id(window, "Ștefan Popescu")
    name_index = cell(page, stefan, "full_name")
    page.view.edit(name_index)
    editor = page.view.findChild(QLineEdit)
    editor.setText("Ștefan Țăranu")  # typed text with non-ASCII letters (see FACTS.md)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Person.get_by_id(stefan).full_name == "Ștefan Țăranu")
    photos = cell(page, stefan, "consent_photos")
    was = check_state(photos) == Qt.CheckState.Checked
    new = Qt.CheckState.Unchecked if was else Qt.CheckState.Checked
    page.proxy.setData(photos, new.value, Qt.ItemDataRole.CheckStateRole)
    assert Person.get_by_id(stefan).consent_photos is (not was)
    window.undo_stack.undo()
    assert Person.get_by_id(stefan).consent_photos is was
    window.undo_stack.undo()
    assert Person.get_by_id(stefan).full_name == "Ștefan Popescu"


def test_the_detail_form_edits_fields_the_table_does_not_show(qtbot, demo_db, tmp_path) -> None:
    """The form's e-mail field stores a new address; a bad one shows its reason under it."""
    path, _ = demo_db
    window = open_window(qtbot, path, tmp_path)
    page = window.visitors_page
    ana = person_id(window, "Ana Popescu")
    page.select_ids([ana])
    email = page.form.editors["email"]
    email.setText("ana.popescu@example.ro")
    email.editingFinished.emit()
    assert Person.get_by_id(ana).email == "ana.popescu@example.ro"
    email.setText("not-an-address")
    email.editingFinished.emit()
    assert "not an e-mail address" in page.form.errors["email"].text()
    assert email.text() == "ana.popescu@example.ro"
    assert Person.get_by_id(ana).email == "ana.popescu@example.ro"


def test_group_two_people_into_a_party_then_undo(qtbot, demo_db, tmp_path) -> None:
    """Two selected visitors end up in one party; undo restores their own parties."""
    path, visit_id = demo_db
    window = open_window(qtbot, path, tmp_path)
    page = window.visitors_page
    a, b = person_id(window, "Léa Perrin"), person_id(window, "Karim Benali")

    def parties() -> tuple[int, int]:
        get = lambda pid: (
            Participation.get(
                (Participation.person == pid) & (Participation.visit == visit_id)
            ).party_id
        )
        return get(a), get(b)

    before = parties()
    assert before[0] != before[1]
    page.select_ids([a, b])
    assert page.group_button.isEnabled()
    qtbot.mouseClick(page.group_button, Qt.MouseButton.LeftButton)
    after = parties()
    assert after[0] == after[1] and after[0] not in before
    assert (
        page.model.row_at(page.model.row_of_id(a)).party_name == "Benali & Perrin"
    )  # in table order
    window.undo_stack.undo()
    assert parties() == before
    window.undo_stack.redo()
    assert parties() == after
