"""The Documents page on the demo: making documents, cancelling, preview, recipients, models."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from twinplanner.data import queries
from twinplanner.services import placement, print_runs, printing
from twinplanner.ui import prompts as dialogs
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.printing.page import DocumentsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Replace the system viewer: the paths the page asks to open are recorded."""
    paths: list[Path] = []
    monkeypatch.setattr(dialogs, "open_externally", lambda path: paths.append(path) or True)
    return paths


@pytest.fixture
def page(qtbot, demo_db, tmp_path: Path, opened: list[Path]) -> DocumentsPage:
    """The Documents page on the demo's 2027 visit, making documents under tmp_path/out."""
    _path, visit_id = demo_db
    widget = DocumentsPage(CommandContext(QUndoStack()))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.show_visit(visit_id)
    widget.options.set_folder(tmp_path / "out")
    yield widget
    widget.runner.cancel()
    widget.runner.wait()


def choose_kinds(page: DocumentsPage, *kinds: str) -> None:
    """Tick exactly these kinds and read the selection again."""
    for kind, box in page.options.kind_boxes.items():
        box.setChecked(kind in kinds)
    page.refresh()


def make(qtbot, page: DocumentsPage) -> None:
    """Make the documents chosen and wait for the run to end."""
    with qtbot.waitSignal(
        page.runner.task_finished,
        timeout=60000,
        check_params_cb=lambda r: isinstance(r, printing.PrintResult),
    ):
        page.run_bar.make.click()
    page.runner.wait()


def recipients(page: DocumentsPage, kind: str) -> list[str]:
    """The readers listed for one kind."""
    return [e.recipient for e in page.model.rows() if e.kind == kind]


def test_making_documents_writes_files_and_combined_pdfs(qtbot, page, tmp_path, opened) -> None:
    """Make documents makes one file per party and a combined PDF per kind in a new folder;
    a guest's name can be read back from the combined itineraries; the result is opened."""
    choose_kinds(page, "itineraries", "programme")
    assert page.job is not None and page.job.document_count == 41
    make(qtbot, page)
    result = page.result
    assert result is not None and result.folder.parent == tmp_path / "out"
    assert len(list((result.folder / "itineraries").glob("*.pdf"))) == 40
    assert (result.folder / "itineraries.pdf").is_file()
    assert (result.folder / "programme.pdf").is_file()
    text = "".join(p.extract_text() for p in PdfReader(result.folder / "itineraries.pdf").pages)
    assert "Mathis Arnaud" in text
    assert opened == [result.folder]  # two kinds: the folder is shown
    assert "41 documents made" in page.run_bar.status.text()
    assert page.run_bar.open_pdf.isEnabled()
    run = print_runs.last_run(page.visit_id)
    assert run is not None and run.documents == 41


def test_one_kind_opens_its_combined_pdf(qtbot, page, opened) -> None:
    """With one kind chosen, the combined PDF is opened when done; the buttons open again."""
    choose_kinds(page, "programme")
    make(qtbot, page)
    assert opened == [page.result.folder / "programme.pdf"]
    page.run_bar.open_folder.click()
    assert opened[-1] == page.result.folder


def test_cancelling_leaves_no_half_files(qtbot, page, tmp_path, monkeypatch) -> None:
    """Cancel during a run stops it and removes what was made: no folder, no temporary file."""
    reached, gate = threading.Event(), threading.Event()
    staged: list[int] = []
    real = printing.write_documents

    def slow(documents, out_dir, **kwargs):
        progress = kwargs["progress"]

        def held(done, total, message):
            progress(done, total, message)
            if done == 3 and not reached.is_set():
                staged.append(len(list(Path(out_dir).rglob("*.pdf"))))
                reached.set()
                gate.wait(10)

        return real(documents, out_dir, **{**kwargs, "progress": held})

    monkeypatch.setattr(printing, "write_documents", slow)
    choose_kinds(page, "itineraries")
    page.run_bar.make.click()
    assert reached.wait(30)
    with qtbot.waitSignal(page.runner.task_cancelled, timeout=5000):
        page.run_bar.cancel.click()
    gate.set()
    page.runner.wait()
    assert staged == [3]  # three files were written before the cancel
    out = tmp_path / "out"
    assert list(out.rglob("*")) == []
    assert "Cancelled" in page.run_bar.status.text()
    assert page.run_bar.make.isEnabled() and not page.run_bar.cancel.isEnabled()
    assert print_runs.last_run(page.visit_id) is None


def test_preview_shows_the_first_pages(qtbot, page) -> None:
    """The preview draws the first pages of the selection, then of the document selected."""
    choose_kinds(page, "itineraries")
    qtbot.waitUntil(lambda: len(page.preview.images()) > 0, timeout=30000)
    image = page.preview.images()[0]
    assert image.width() > 300 and image.height() > image.width()  # a portrait page
    assert "Arnaud & Picard" in page.preview.heading.text()
    page.view.selectRow(2)
    qtbot.waitUntil(lambda: "Bertrand" in page.preview.heading.text(), timeout=30000)
    assert page.preview.images()


def test_changed_since_last_print_lists_only_the_moved_party(qtbot, page) -> None:
    """After a print, placing one party makes its itinerary and its new host's sheet the only
    documents listed under 'changed since the last print'."""
    choose_kinds(page, "itineraries", "host-sheets")
    make(qtbot, page)
    page.options.changed.setChecked(True)
    page.refresh()
    assert page.model.rowCount() == 0
    assert "No documents" in page.heading.text()
    party = next(p for p in queries.visit_parties(page.visit_id) if p.name == "Benali")
    household = next(
        h for h in queries.visit_households(page.visit_id) if h.contact_name == "Birgit Koch"
    )
    changes = placement.place_party(party.id, household.id)
    page.apply_changes(changes)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    assert recipients(page, "itineraries") == ["Benali"]
    assert recipients(page, "host-sheets") == ["Birgit Koch"]
    statuses = {e.kind: e.status for e in page.model.rows()}
    assert statuses == {"itineraries": "changed", "host-sheets": "new"}


def test_one_club_narrows_the_readers(page) -> None:
    """'One club' lists only the parties with a member of that club."""
    choose_kinds(page, "itineraries")
    everyone = set(recipients(page, "itineraries"))
    page.options.one_club.setChecked(True)
    picker = page.options.club_picker
    picker.setCurrentIndex(picker.findText("Chœur de Beaulieu", Qt.MatchFlag.MatchStartsWith))
    page.refresh()
    club = set(recipients(page, "itineraries"))
    people = queries.visit_people(page.visit_id)
    singers = {p.party_name for p in people if "Chœur de Beaulieu" in p.clubs}
    assert club == singers and club < everyone


def test_one_language_for_all_is_shown_and_used(qtbot, page) -> None:
    """'One language for all' prints every document in that language."""
    choose_kinds(page, "itineraries")
    page.options.one_language.setChecked(True)
    page.options.language_picker.setCurrentIndex(page.options.language_picker.findData("de"))
    page.refresh()
    assert {e.language for e in page.model.rows()} == {"de"}
    make(qtbot, page)
    text = PdfReader(page.result.folder / "itineraries.pdf").pages[0].extract_text()
    assert "Gastfamilie" in text or "Reisende" in text


def test_a_change_during_the_run_is_reported_as_outdated(qtbot, page, monkeypatch) -> None:
    """Documents finished after the visit changed are flagged as outdated, not passed off."""
    choose_kinds(page, "programme")
    reached, gate = threading.Event(), threading.Event()
    real = printing.write_documents

    def held(documents, out_dir, **kwargs):
        reached.set()
        gate.wait(10)
        return real(documents, out_dir, **kwargs)

    monkeypatch.setattr(printing, "write_documents", held)
    page.run_bar.make.click()
    assert reached.wait(30)
    boyer = next(p for p in queries.visit_parties(page.visit_id) if p.name == "Boyer")
    page.apply_changes(placement.unplace_party(boyer.id))
    with qtbot.waitSignal(page.runner.task_finished, timeout=30000):
        gate.set()
    page.runner.wait()
    assert "changed while they were made" in page.run_bar.status.text()


def test_no_folder_asks_for_one_and_cancel_makes_nothing(
    qtbot, page, tmp_path, monkeypatch
) -> None:
    """With the folder box empty, Make asks for a folder; cancelling that prompt starts nothing."""
    asked: list[Path] = []
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, start: asked.append(start))
    choose_kinds(page, "programme")
    page.options.folder_edit.clear()
    page.run_bar.make.click()
    assert len(asked) == 1
    assert page._task != "print" and page.result is None


def test_document_list_passes_the_model_tester(qtmodeltester, page) -> None:
    """The list of documents is a well-behaved Qt model."""
    choose_kinds(page, "itineraries", "signature-lists", "programme")
    assert page.model.rowCount() > 10
    qtmodeltester.check(page.model)


def test_preview_falls_back_to_pdftoppm_and_says_when_neither_is_there(monkeypatch) -> None:
    """Without pypdfium2 the pages are drawn by pdftoppm; without both, a clear message."""
    import shutil
    import sys

    from twinplanner.ui.printing import preview

    pdf = _one_page_pdf()
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails as if not installed
    if shutil.which("pdftoppm"):
        images = preview.render_pages(pdf)
        assert len(images) == 1 and not images[0].isNull()
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(preview.PreviewUnavailable, match="pypdfium2.*pdftoppm"):
        preview.render_pages(pdf)


def _one_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    drawing = canvas.Canvas(out)
    drawing.drawString(72, 720, "Ana Popescu")
    drawing.showPage()
    drawing.save()
    return out.getvalue()
