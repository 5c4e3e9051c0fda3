"""Helpers for the window tests: a window on the demo copy, with its own settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from twinplanner.ui import prompts
from twinplanner.ui.main_window import MainWindow
from twinplanner.ui.settings import Settings


def open_window(qtbot, path: Path, tmp_path: Path) -> MainWindow:
    """A shown main window on ``path`` whose settings live in ``tmp_path``."""
    window = MainWindow(path, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    return window


def cell(page, row_id: int, field: str):
    """The proxy index of a record's cell for ``field`` on a table page."""
    source_row = page.model.row_of_id(row_id)
    column = page.model.column_of_field(field)
    return page.proxy.mapFromSource(page.model.index(source_row, column))


def person_id(window: MainWindow, name: str) -> int:
    """The id of a visitor shown, by name."""
    for row in window.visitors.rows():
        if row.full_name == name:
            return row.id
    raise AssertionError(f"{name} is not shown")


def check_state(index) -> Qt.CheckState:
    """The check state of a yes/no cell."""
    return Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole))


@pytest.fixture(autouse=True)
def prompt_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replace every blocking prompt: messages are recorded, questions answered with no."""
    log: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "error", lambda _p, what, todo="": log.append(("error", what)))
    monkeypatch.setattr(prompts, "info", lambda _p, text: log.append(("info", text)))
    monkeypatch.setattr(prompts, "confirm", lambda _p, q: log.append(("confirm", q)) or False)
    monkeypatch.setattr(prompts, "open_path", lambda *_a: None)
    monkeypatch.setattr(prompts, "save_path", lambda *_a: None)
    monkeypatch.setattr(prompts, "calendar_path", lambda *_a: None)
    monkeypatch.setattr(prompts, "choose_folder", lambda *_a: None)
    monkeypatch.setattr(prompts, "open_externally", lambda path: log.append(("open", str(path))))
    monkeypatch.setattr(
        prompts, "ask_open_readonly", lambda _p, q: log.append(("busy", q)) or False
    )
    monkeypatch.setattr(prompts, "ask_passphrase", lambda *_a, **_k: None)
    monkeypatch.setattr(prompts, "ask_new_passphrase", lambda *_a, **_k: None)
    monkeypatch.setattr(prompts, "restore_after_failure", lambda *_a: False)
    return log
