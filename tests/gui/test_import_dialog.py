"""The import dialog: background read, problems by row and column, mapping, dates, import."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from tests.factories_import import big_csv, german_semicolon_cp1252
from twinplanner.data.models import Person
from twinplanner.services import importing
from twinplanner.services.changes import Entity
from twinplanner.ui.import_dialog import ImportDialog, ImportServices

pytestmark = pytest.mark.gui


@pytest.fixture
def pool() -> QThreadPool:
    """A private thread pool, waited for at the end so no read outlives its test."""
    pool = QThreadPool()
    yield pool
    pool.waitForDone(10_000)


def _dialog(
    qtbot,
    visit_id: int,
    pool: QThreadPool,
    services: ImportServices | None = None,
    kind: str = "visitors",
) -> ImportDialog:
    dialog = ImportDialog(None, visit_id, services, kind=kind, pool=pool)
    qtbot.addWidget(dialog)
    return dialog


def _load(qtbot, dialog: ImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000):
        dialog.load_file(path)


def test_problems_are_shown_by_row_and_column_and_block_the_import(
    qtbot, qtmodeltester, demo_db: tuple[Path, int], tmp_path: Path, pool: QThreadPool
) -> None:
    """A list with a bad date and a missing name shows each problem; Import stays disabled."""
    _, visit_id = demo_db
    path = tmp_path / "bad.csv"
    path.write_text(
        "Nom;Prénom;Date de naissance\nDupont;Jean;31/02/2001\n;;01/01/2000\n", encoding="utf-8"
    )
    dialog = _dialog(qtbot, visit_id, pool)
    _load(qtbot, dialog, path)
    qtmodeltester.check(dialog.problems)
    rows = [
        [dialog.problems.index(r, c).data() for c in range(4)]
        for r in range(dialog.problems.rowCount())
    ]
    assert ["2", "Date de naissance", "error"] == rows[0][:3] and "31/02/2001" in rows[0][3]
    assert rows[1][0] == "3" and "name is missing" in rows[1][3]
    assert not dialog.import_button.isEnabled()
    assert "2 error(s)" in dialog.status.text()


def test_a_good_list_imports_and_reports_changes(
    qtbot, demo_db: tuple[Path, int], tmp_path: Path, pool: QThreadPool
) -> None:
    """A clean German CSV previews four new visitors; Import writes them and emits the Changes."""
    _, visit_id = demo_db
    before = Person.select().count()
    dialog = _dialog(qtbot, visit_id, pool)
    _load(qtbot, dialog, german_semicolon_cp1252(tmp_path / "de.csv"))
    assert dialog.import_button.isEnabled()
    assert "4 new" in dialog.status.text() and "Jürgen Müller" in dialog.changes_text.toPlainText()
    with qtbot.waitSignal(dialog.imported) as blocker:
        dialog.import_button.click()
    assert blocker.args[0].touches(Entity.PERSON)
    assert Person.select().count() == before + 4


def test_unrecognised_column_is_mapped_in_the_dialog(
    qtbot, demo_db: tuple[Path, int], tmp_path: Path, pool: QThreadPool
) -> None:
    """A column the program does not know gets its field from the list; the preview then passes."""
    _, visit_id = demo_db
    path = tmp_path / "odd.csv"
    path.write_text("Teilnehmer*in,Geburtsdatum\nAnke Groß,01.02.1990\n", encoding="utf-8")
    dialog = _dialog(qtbot, visit_id, pool)
    _load(qtbot, dialog, path)
    assert dialog.mapping()["Teilnehmer*in"] == ""
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000):
        dialog.set_column_field("Teilnehmer*in", "full_name")
    assert dialog.preview is not None and dialog.preview.ok
    assert dialog.preview.plans[0].name == "Anke Groß" and dialog.import_button.isEnabled()


def test_ambiguous_dates_ask_which_comes_first(
    qtbot, demo_db: tuple[Path, int], tmp_path: Path, pool: QThreadPool
) -> None:
    """05/06/2009 in an English list shows the date question; choosing month first settles it."""
    _, visit_id = demo_db
    path = tmp_path / "en.csv"
    path.write_text("Full name,Date of birth\nAna Pop,05/06/2009\n", encoding="utf-8")
    dialog = _dialog(qtbot, visit_id, pool)
    _load(qtbot, dialog, path)
    assert dialog.date_box.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000):
        dialog.month_first.click()
    assert dialog.preview.ok
    assert str(dialog.parsed.records[0].values["birth_date"]) == "2009-05-06"


def test_a_stale_read_is_dropped_when_another_file_is_chosen(
    qtbot, demo_db: tuple[Path, int], tmp_path: Path, pool: QThreadPool
) -> None:
    """When a second file is chosen while the first is still being read, only the second shows."""
    _, visit_id = demo_db
    gate = threading.Event()

    def slow_read(path, kind, *, progress=None):
        if path.name == "first.csv":
            gate.wait(10)
        return importing.read(path, kind, progress=progress)

    services = dataclasses.replace(ImportServices(), read=slow_read)
    first = tmp_path / "first.csv"
    first.write_text("Full name\nFirst Person\n", encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("Full name\nSecond Person\n", encoding="utf-8")
    dialog = _dialog(qtbot, visit_id, pool, services)
    dialog.load_file(first)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000):
        dialog.load_file(second)
    gate.set()
    pool.waitForDone(10_000)
    qtbot.wait(50)  # let the stale result's queued signal arrive
    assert [p.name for p in dialog.preview.plans] == ["Second Person"]


def test_a_large_file_is_read_in_the_background(
    qtbot, demo_db: tuple[Path, int], tmp_path: Path, pool: QThreadPool
) -> None:
    """While 3,000 rows are read the dialog stays responsive (busy), then shows the preview."""
    _, visit_id = demo_db
    path = big_csv(tmp_path / "big.csv", 3000)
    dialog = _dialog(qtbot, visit_id, pool)
    dialog.load_file(path)
    assert dialog.busy  # the read did not block this call
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=60_000)
    assert not dialog.busy and dialog.preview.count("new") == 3000
