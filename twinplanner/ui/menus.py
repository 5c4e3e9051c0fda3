"""The window's actions and menus: every command has a menu entry and a shortcut shown there."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from twinplanner.i18n import _
from twinplanner.ui.icons import icon
from twinplanner.ui.settings import LANGUAGES

_LANGUAGE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "ro": "Română",
    "ar": "العربية",
}


@dataclass
class Actions:
    """The actions of the main window, by what they do."""

    new_file: QAction
    open_file: QAction
    save_copy: QAction
    import_data: QAction
    restore_backup: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    new_partnership: QAction
    edit_partnership: QAction
    new_visit: QAction
    edit_visit: QAction
    add_visitor: QAction
    add_household: QAction
    group_party: QAction
    leave_party: QAction
    pages: list[QAction]
    languages: dict[str, QAction]
    about: QAction
    recent_menu: QMenu
    encrypt_file: QAction
    change_passphrase: QAction
    decrypt_file: QAction


def _action(
    window: QMainWindow,
    text: str,
    shortcut: QKeySequence | str | list | None = None,
    icon_name: str = "",
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon_name:
        action.setIcon(icon(icon_name))
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def build_menus(
    window: QMainWindow, undo: QAction, redo: QAction, page_titles: list[str]
) -> Actions:
    """Create every action and put it in the menu bar."""
    S = QKeySequence.StandardKey
    bar = window.menuBar()
    file_menu = bar.addMenu(_("&File"))
    new_file = _action(window, _("&New…"), S.New, "new")
    open_file = _action(window, _("&Open…"), S.Open, "open")
    recent_menu = QMenu(_("Open recen&t"), window)
    save_copy = _action(window, _("Save a &copy as…"), S.SaveAs, "save-copy")
    import_data = _action(window, _("&Import…"), "Ctrl+I")
    restore_backup = _action(window, _("&Restore backup…"))
    encrypt_file = _action(window, _("&Encrypt with a passphrase…"), None, "lock")
    change_passphrase = _action(window, _("C&hange passphrase…"))
    decrypt_file = _action(window, _("Remove encr&yption…"))
    quit_ = _action(window, _("&Quit"), S.Quit, "quit")
    for item in (
        new_file,
        open_file,
        recent_menu,
        save_copy,
        None,
        import_data,
        restore_backup,
        None,
        encrypt_file,
        change_passphrase,
        decrypt_file,
        None,
        quit_,
    ):
        if item is None:
            file_menu.addSeparator()
        elif isinstance(item, QMenu):
            file_menu.addMenu(item)
        else:
            file_menu.addAction(item)

    edit_menu = bar.addMenu(_("&Edit"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    undo.setIcon(icon("undo"))
    redo.setIcon(icon("redo"))
    window.addAction(undo)
    window.addAction(redo)
    find = _action(
        window, _("&Find anyone…"), [QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")], "find"
    )
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(find)

    visit_menu = bar.addMenu(_("&Visit"))
    new_partnership = _action(window, _("New &partnership…"))
    edit_partnership = _action(window, _("Edit p&artnership…"))
    new_visit = _action(window, _("&New visit…"), "Ctrl+Shift+V", "visit")
    edit_visit = _action(window, _("&Edit visit…"), "Ctrl+E")
    add_visitor = _action(window, _("Add &visitor…"), "Ctrl+Shift+P", "visitor-add")
    add_household = _action(window, _("Add host &household…"), "Ctrl+Shift+H", "household-add")
    group_party = _action(window, _("&Group selected into a party"), "Ctrl+G", "party")
    leave_party = _action(window, _("&Leave the party"), "Ctrl+Shift+G")
    for item in (
        new_partnership,
        edit_partnership,
        None,
        new_visit,
        edit_visit,
        None,
        add_visitor,
        add_household,
        None,
        group_party,
        leave_party,
    ):
        if item is None:
            visit_menu.addSeparator()
        else:
            visit_menu.addAction(item)

    view_menu = bar.addMenu(_("V&iew"))
    pages = []
    for number, title in enumerate(page_titles, start=1):
        action = _action(window, title, f"Ctrl+{number}")
        view_menu.addAction(action)
        pages.append(action)
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(_("&Language"))
    group = QActionGroup(window)
    languages = {}
    for code in LANGUAGES:
        action = QAction(_LANGUAGE_NAMES[code], window)
        action.setCheckable(True)
        group.addAction(action)
        language_menu.addAction(action)
        languages[code] = action

    help_menu = bar.addMenu(_("&Help"))
    about = _action(window, _("&About TwinPlanner"), None, "about")
    help_menu.addAction(about)
    return Actions(
        new_file,
        open_file,
        save_copy,
        import_data,
        restore_backup,
        quit_,
        undo,
        redo,
        find,
        new_partnership,
        edit_partnership,
        new_visit,
        edit_visit,
        add_visitor,
        add_household,
        group_party,
        leave_party,
        pages,
        languages,
        about,
        recent_menu,
        encrypt_file,
        change_passphrase,
        decrypt_file,
    )
