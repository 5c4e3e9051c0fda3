"""The window in each of its languages: menus and tabs translated, keyboard letters apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu, QWidget

from twinplanner.app import apply_language
from twinplanner.i18n import translation_for
from twinplanner.ui.main_window import MainWindow
from twinplanner.ui.settings import LANGUAGES, Settings

pytestmark = pytest.mark.gui

ENGLISH_MENUS = ["&File", "&Edit", "&Visit", "V&iew", "&Help"]
ENGLISH_TABS = ["Overview", "Visitors", "Hosts", "Housing", "Programme", "Documents"]


@pytest.fixture
def language(qapp: QApplication) -> Iterator[callable]:
    """Set the window's language for one test; English and left-to-right again afterwards."""
    yield lambda code: apply_language(qapp, code)
    apply_language(qapp, "en")


def _window(qtbot, path: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(path, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    return window


def _letter(text: str) -> str | None:
    """The keyboard letter of a text with a mnemonic ('&Datei' -> 'd'), None without one."""
    i = text.replace("&&", "").find("&")
    cleaned = text.replace("&&", "")
    return cleaned[i + 1].casefold() if 0 <= i < len(cleaned) - 1 else None


def _clashes(texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    clashes = []
    for text in texts:
        letter = _letter(text)
        if letter is None:
            continue
        if letter in seen:
            clashes.append(f"{seen[letter]!r} and {text!r}")
        seen[letter] = text
    return clashes


def _page_texts(page: QWidget) -> list[str]:
    """Texts with a keyboard letter that a page shows at once (buttons, labels, group boxes)."""
    texts = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QAbstractButton | QGroupBox):
            text = widget.text() if isinstance(widget, QAbstractButton) else widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        else:
            continue
        if "&" in text and widget.property("mnemonic_group") is None:
            texts.append(text)
    return texts


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_menus_and_tabs_follow_the_language(qtbot, demo_db, tmp_path, language, code) -> None:
    """In German, French, Romanian and Arabic the menu titles and tab names are translated."""
    path, _visit = demo_db
    language(code)
    window = _window(qtbot, path, tmp_path)
    words = translation_for(code)
    menus = [a.text() for a in window.menuBar().actions()]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert menus == [words.gettext(t) for t in ENGLISH_MENUS]
    assert tabs == [words.gettext(t) for t in ENGLISH_TABS]
    # French keeps "Programme" and "Documents"; every other title changes in every language.
    assert not set(menus) & set(ENGLISH_MENUS), menus
    assert len(set(tabs) - set(ENGLISH_TABS)) >= 4, tabs
    rtl = code == "ar"
    assert (window.layoutDirection() == Qt.LayoutDirection.RightToLeft) is rtl


@pytest.mark.parametrize("code", LANGUAGES)
def test_keyboard_letters_do_not_clash(qtbot, demo_db, tmp_path, language, code) -> None:
    """In each language, English included, no letter is used twice in the menu bar, in a menu, or on a page
    together with the menu bar (Alt+letter must reach one thing only)."""
    path, _visit = demo_db
    language(code)
    window = _window(qtbot, path, tmp_path)
    bar = [a.text() for a in window.menuBar().actions()]
    bar += [
        label.text()
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and not window.tabs.isAncestorOf(label)
    ]
    problems = [f"menu bar: {c}" for c in _clashes(bar)]
    for menu in window.menuBar().findChildren(QMenu):
        items = [a.text() for a in menu.actions() if not a.isSeparator()]
        problems += [f"{menu.title()}: {c}" for c in _clashes(items)]
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        page = window.tabs.widget(i)
        problems += [f"{window.tabs.tabText(i)}: {c}" for c in _clashes(bar + _page_texts(page))]
    assert not problems, problems


def test_the_language_menu_offers_every_language_in_its_own_name(qtbot, demo_db, tmp_path) -> None:
    """View › Language lists every language in its own name; the current one is checked."""
    path, _visit = demo_db
    window = _window(qtbot, path, tmp_path)
    names = {code: action.text() for code, action in window.menu_actions.languages.items()}
    assert names == {
        "en": "English",
        "de": "Deutsch",
        "fr": "Français",
        "ro": "Română",
        "ar": "العربية",
    }
    assert window.menu_actions.languages["en"].isChecked()
