"""The Documents page inside the main window: keyboard, remembered folder, routed changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QWidget,
)

from twinplanner.services import printing
from twinplanner.ui import prompts as dialogs

from .window_helpers import open_window, prompt_log  # noqa: F401 - the fixture replaces prompts

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The main window on the demo, showing the Documents page; the viewer is replaced."""
    path, _visit_id = demo_db
    monkeypatch.setattr(dialogs, "open_externally", lambda _path: True)
    win = open_window(qtbot, path, tmp_path)
    win.resize(1366, 768)
    win.tabs.setCurrentWidget(win.documents_page)
    yield win
    win.documents_page.runner.cancel()
    win.documents_page.runner.wait()


def _focus_chain(start: QWidget) -> list[QWidget]:
    chain, widget = [], start.nextInFocusChain()
    while widget is not start and len(chain) < 20000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_every_control_is_reachable_with_the_tab_key(window) -> None:
    """Every button, box, list and the preview of the page take keyboard focus in the chain."""
    page = window.documents_page
    controls = [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QComboBox | QLineEdit | QAbstractItemView)
        or w is page.preview.scroll
    ]
    # Qt's own parts (corner button, a combo box's pop-up list) are not the page's controls
    controls = [
        w for w in controls if not w.objectName().startswith("qt_") and w.window() is window
    ]
    assert len(controls) > 20
    chain = set(_focus_chain(window))
    for control in controls:
        assert (
            isinstance(control, QAbstractScrollArea)
            or control.focusPolicy() & Qt.FocusPolicy.TabFocus
        ), control
        assert control in chain, control
    texts = [b.text() for b in page.findChildren(QAbstractButton) if b.text()]
    with_letter = [t for t in texts if "&" in t]
    letters = [t[t.index("&") + 1].lower() for t in with_letter]
    assert len(letters) == len(set(letters)), texts  # no letter used twice on the page
    assert not set(letters) & {"f", "e", "v", "i", "h", "p", "s"}  # menus and visit pickers


def test_ctrl_p_makes_the_documents_and_the_folder_is_remembered(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    """Ctrl+P on the page makes the documents; the folder chosen with Browse is remembered in
    the user's settings file for the next start."""
    page = window.documents_page
    chosen = tmp_path / "printed"
    monkeypatch.setattr(dialogs, "choose_folder", lambda _parent, _start: chosen)
    page.options.browse.click()
    assert page.options.folder_edit.text() == str(chosen)
    assert window.settings.print_folder == chosen
    for kind, box in page.options.kind_boxes.items():
        box.setChecked(kind == "programme")
    page.view.setFocus()
    with qtbot.waitSignal(
        page.runner.task_finished,
        timeout=60000,
        check_params_cb=lambda r: isinstance(r, printing.PrintResult),
    ):
        qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    page.runner.wait()
    assert (page.result.folder / "programme.pdf").is_file()
    assert page.result.folder.parent == chosen


def test_an_edit_and_its_undo_reach_changed_since_last_print(qtbot, window) -> None:
    """After a print, renaming a guest through the window's undo stack lists that party's
    itinerary as changed; undoing the rename makes it unchanged again."""
    from twinplanner.services.changes import Entity
    from twinplanner.ui.commands import EditField

    page = window.documents_page
    page.options.set_folder(window.db_path.parent / "out")
    for kind, box in page.options.kind_boxes.items():
        box.setChecked(kind == "itineraries")
    page.refresh()
    with qtbot.waitSignal(
        page.runner.task_finished,
        timeout=60000,
        check_params_cb=lambda r: isinstance(r, printing.PrintResult),
    ):
        page.run_bar.make.click()
    page.runner.wait()
    page.options.changed.setChecked(True)
    page.refresh()
    assert page.model.rowCount() == 0
    row = next(r for r in window.visitors.rows() if r.party_name == "Benali")
    command = EditField(
        window.context,
        Entity.PERSON,
        page.visit_id,
        row.id,
        row.full_name,
        "full_name",
        row.full_name,
        "Zora Benali",
    )
    assert window.context.run(command) is None
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.rows()[0].recipient == "Benali"
    assert page.model.rows()[0].status == "changed"
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
