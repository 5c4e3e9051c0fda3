"""The restore dialog lists backups with date and counts and restores after a confirmation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from twinplanner.data.models import Person
from twinplanner.io.backup import make_backup
from twinplanner.ui.restore_dialog import RestoreDialog

pytestmark = pytest.mark.gui


def _dialog(qtbot, path: Path, answers: list[bool], asked: list[str]) -> RestoreDialog:
    def confirm(parent, title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    dialog = RestoreDialog(path, confirm=confirm)
    qtbot.addWidget(dialog)
    return dialog


def test_lists_backups_with_counts(qtbot, qtmodeltester, demo_db: tuple[Path, int]) -> None:
    """Each backup shows its date and its counts of visits, people and households."""
    path, _ = demo_db
    make_backup(path, reason="open", now=dt.datetime(2027, 5, 1, 8, 30))
    dialog = _dialog(qtbot, path, [], [])
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[0] == "2027-05-01 08:30"
    assert row[2:] == ["2", str(Person.select().count()), "45"]
    assert not dialog.restore_button.isEnabled()


def test_restores_after_confirmation_only(qtbot, demo_db: tuple[Path, int]) -> None:
    """Declining changes nothing; confirming restores, keeps the state before and signals."""
    path, _ = demo_db
    people = Person.select().count()
    make_backup(path, reason="open", now=dt.datetime(2027, 5, 1, 8, 30))
    Person.delete().where(Person.id <= 3).execute()
    asked: list[str] = []
    dialog = _dialog(qtbot, path, [False, True], asked)
    dialog.view.selectRow(0)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert Person.select().count() == people - 3 and len(asked) == 1
    assert f"{people} people" in asked[0]
    with qtbot.waitSignal(dialog.restored, timeout=5000) as blocker:
        dialog.restore_button.click()
    assert Person.select().count() == people
    assert blocker.args[0].kept_before
    assert dialog.model.rowCount() == 2  # the backup and the state kept before the restore
    assert "Restored" in dialog.message.text()


def test_restore_error_is_shown_not_raised(qtbot, demo_db: tuple[Path, int]) -> None:
    """A backup that turned bad is refused with its message in the dialog."""
    path, _ = demo_db
    made = make_backup(path, reason="open", now=dt.datetime(2027, 5, 1, 8, 30))
    dialog = _dialog(qtbot, path, [True], [])
    made.write_bytes(b"garbage")
    dialog.view.selectRow(0)
    dialog.restore_button.click()
    assert "not a TwinPlanner database" in dialog.message.text()
