"""The Documents page: choose what to print, see the first pages, make the documents in the
background, and open the folder or the combined PDF when they are done."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twinplanner.data import queries
from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _, ngettext
from twinplanner.services import print_runs
from twinplanner.services import print_selection as sel
from twinplanner.services.changes import Changes
from twinplanner.services.printing import Document, PrintResult
from twinplanner.ui import prompts
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.printing import preview
from twinplanner.ui.printing.folder import FolderMemory
from twinplanner.ui.printing.models import DocumentListModel
from twinplanner.ui.printing.options import OptionsPanel
from twinplanner.ui.printing.preview_pane import PreviewPane
from twinplanner.ui.printing.run_bar import RunBar
from twinplanner.ui.tasks import TaskRunner

REFRESH_DELAY_MS = 150  # wait for a pause in clicking before reading the selection again
PREVIEW, PRINT = "preview", "print"


class DocumentsPage(QWidget):
    """The print centre of the visit shown."""

    def __init__(self, context: CommandContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit_id: int | None = None
        self.job: sel.PrintJob | None = None
        self.result: PrintResult | None = None
        self.data_version = 0  # bumped by every change: a run on older data is outdated
        self._dirty = False
        self._folders: FolderMemory | None = None
        self._task: str | None = None  # PREVIEW or PRINT while the runner works
        self._print_version = 0
        self._print_job: sel.PrintJob | None = None
        self._preview_pending = False
        self.runner = TaskRunner(self)
        self.options = OptionsPanel()
        self.model = DocumentListModel(self)
        self.view = QTableView()
        self.preview = PreviewPane()
        self.run_bar = RunBar()
        self.heading = QLabel()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._build_layout()
        self._connect_signals()

    # -- construction ---------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setAccessibleName(_("Documents to make"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.options)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.heading)
        middle_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (scroll, middle, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.preview.setMinimumWidth(300)
        self.splitter.setSizes([390, 520, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.run_bar)
        self.setTabOrder(self.options.browse, self.view)
        self.setTabOrder(self.view, self.preview.scroll)
        self.setTabOrder(self.preview.scroll, self.run_bar.make)

    def _connect_signals(self) -> None:
        self.options.options_changed.connect(self._refresh_timer.start)
        self.options.browse_requested.connect(self._on_options_browse_requested)
        self.options.folder_edit.editingFinished.connect(self._on_folder_edit_finished)
        self._refresh_timer.timeout.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.run_bar.make_requested.connect(self.make_documents)
        self.run_bar.cancel_requested.connect(self.cancel)
        self.run_bar.open_requested.connect(self._on_run_bar_open_requested)
        self.runner.progress_changed.connect(self._on_runner_progress_changed)
        self.runner.task_finished.connect(self._on_runner_task_finished)
        self.runner.task_failed.connect(self._on_runner_task_failed)
        self.runner.task_cancelled.connect(self._on_runner_task_cancelled)
        QShortcut(QKeySequence("Ctrl+P"), self, self.make_documents)

    # -- the VisitPage protocol -----------------------------------------------------------

    def show_visit(self, visit_id: int | None) -> None:
        """Show the print centre of another visit (None: no visit)."""
        self.visit_id = visit_id
        self.result = None
        self.run_bar.show_result(None)
        self.run_bar.say("")
        self.data_version += 1
        clubs = []
        if visit_id is not None:
            ids = {c for p in queries.visit_people(visit_id) for c in p.club_ids}
            clubs = [c for c in queries.clubs() if c.id in ids]
        self.options.set_clubs(clubs)
        self.options.set_folder(self._folder_memory().folder())
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """Any change may alter a document: read the selection again when the page is seen."""
        if not changes:
            return
        self.data_version += 1
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # -- the selection --------------------------------------------------------------------

    def _folder_memory(self) -> FolderMemory:
        if self._folders is None:
            settings = getattr(self.window(), "settings", None)
            self._folders = FolderMemory(settings)
        return self._folders

    def _collect(self) -> sel.PrintJob | None:
        """Read the documents chosen now (GUI thread: this reads the database)."""
        options = self.options.options()
        if self.visit_id is None or not options.kinds:
            return None
        return sel.collect_job(
            self.visit_id,
            options.kinds,
            recipients=options.recipients,
            club_id=options.club_id,
            lang=options.lang,
            paper=options.paper,
        )

    def refresh(self) -> None:
        """Read the selection again, list its documents and start a new preview."""
        self._refresh_timer.stop()
        self._dirty = False
        self.options.set_last_run(print_runs.last_run(self.visit_id) if self.visit_id else None)
        try:
            self.job = self._collect()
        except TwinPlannerError as exc:
            self.job = None
            self.model.set_rows([])
            self.heading.setText(str(exc))
            self.preview.show_message(str(exc))
            return
        self.model.set_rows(list(self.job.entries) if self.job else [])
        self.view.resizeColumnsToContents()
        self.heading.setText(self._heading_text())
        self.start_preview()

    def _heading_text(self) -> str:
        from twinplanner.ui.printing.words import count_text

        if self.visit_id is None:
            return _("Choose a visit first.")
        if not self.options.options().kinds:
            return _("Tick at least one kind of document.")
        return count_text(self.job)

    def _documents(self) -> list[tuple[str, Document, str]]:
        """The documents of the selection in list order, as (kind, document, caption)."""
        if self.job is None:
            return []
        from twinplanner.ui.printing.words import kind_word

        result = []
        position: dict[str, int] = {}
        for entry in self.job.entries:
            number = position.get(entry.kind, 0)
            position[entry.kind] = number + 1
            caption = (
                f"{kind_word(entry.kind)}: {entry.recipient}"
                if entry.recipient
                else kind_word(entry.kind)
            )
            result.append((entry.kind, self.job.documents[entry.kind][number], caption))
        return result

    # -- preview --------------------------------------------------------------------------

    def start_preview(self) -> None:
        """Draw the first pages of the selected document, else of the selection, in the worker."""
        if self._task == PRINT:
            self._preview_pending = True
            return
        documents = self._documents()
        if not documents or self.job is None:
            self.preview.show_message(_("Nothing to preview."))
            return
        rows = self.view.selectionModel().selectedRows()
        first = rows[0].row() if rows else 0
        chosen = documents[first:] if 0 <= first < len(documents) else documents
        lang, paper = self.job.lang, self.job.paper
        self.preview.show_message(_("Preparing the preview…"))
        self._task = PREVIEW
        self.runner.start(
            lambda _progress, cancel: preview.make_preview(
                chosen[: preview.PAGES_SHOWN], lang, paper, cancel
            )
        )

    def _on_view_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self.start_preview()

    # -- printing -------------------------------------------------------------------------

    def make_documents(self) -> None:
        """Make the documents chosen in the background (asks for a folder if none is set)."""
        if self._task == PRINT:
            return
        self.refresh()  # the newest data, even if a change arrived a moment ago
        job = self.job
        if job is None or not job.document_count:
            self.run_bar.say(_("There are no documents to make with these choices."), "warning")
            return
        folder = self.options.options().folder
        if not self.options.folder_edit.text().strip():
            chosen = prompts.choose_folder(self, self._folder_memory().folder())
            if chosen is None:
                return
            folder = chosen
            self.options.set_folder(folder)
        self._folder_memory().remember(folder)
        label = queries.visit(job.visit_id).label
        name = print_runs.folder_name(label, dt.datetime.now())
        self._print_job, self._print_version = job, self.data_version
        self._task = PRINT
        self.run_bar.set_running(True)
        self.run_bar.show_result(None)
        self.run_bar.say("")

        steps = self._step_captions(job)

        def task(progress, cancel: threading.Event) -> PrintResult:
            def report(done: int, total: int, _message: str) -> None:
                progress(
                    done / total if total else 1.0, steps[done] if done < len(steps) else _("Done")
                )

            return print_runs.write_run(job, folder, name, progress=report, cancel=cancel)

        self.runner.start(task)

    @staticmethod
    def _step_captions(job: sel.PrintJob) -> list[str]:
        """What each step of the run makes, in the printing service's order."""
        from twinplanner.ui.printing.words import kind_label, kind_word

        steps = []
        for kind, docs in job.documents.items():
            if not docs:
                continue
            steps += [
                f"{kind_word(e.kind)}: {e.recipient}" if e.recipient else kind_word(e.kind)
                for e in job.entries
                if e.kind == kind
            ]
            steps.append(
                _("joining the {kind} into one PDF").format(kind=kind_label(kind).replace("&", ""))
            )
        return steps

    def cancel(self) -> None:
        """Stop the documents being made; the files made so far are removed."""
        if self._task == PRINT:
            self.runner.cancel()

    def _finish_task(self) -> str | None:
        task, self._task = self._task, None
        if task == PRINT:
            self.run_bar.set_running(False)
            if self._preview_pending:
                self._preview_pending = False
                self.start_preview()
        return task

    def _on_runner_progress_changed(self, fraction: float, message: str) -> None:
        if self._task == PRINT:
            self.run_bar.set_progress(fraction, message)

    def _on_runner_task_finished(self, result: object) -> None:
        task = self._finish_task()
        if task == PREVIEW and isinstance(result, preview.PreviewResult):
            self.preview.show_result(result)
        elif task == PRINT and isinstance(result, PrintResult):
            self._printed(result)

    def _printed(self, result: PrintResult) -> None:
        job = self._print_job
        assert job is not None
        self.result = result
        print_runs.record_run(job, result.folder)
        self.run_bar.show_result(result)
        text = ngettext(
            "{n} document made in {folder}.", "{n} documents made in {folder}.", job.document_count
        ).format(n=job.document_count, folder=result.folder)
        if self._print_version != self.data_version or job.visit_id != self.visit_id:
            self.run_bar.say(
                text
                + " "
                + _(
                    "The visit changed while they were made: they show it as it was when you "
                    "started. Make them again to print the changes."
                ),
                "warning",
            )
        else:
            self.run_bar.say(text, "done")
        self.refresh()
        if self.run_bar.open_when_done.isChecked():
            combined = [k.combined for k in result.kinds if k.combined is not None]
            self._open(combined[0] if len(combined) == 1 else result.folder)

    def _on_runner_task_failed(self, message: str, details: str) -> None:
        task = self._finish_task()
        if task == PREVIEW:
            self.preview.show_message(message)
        elif task == PRINT:
            self.run_bar.say(
                _("The documents could not be made: {reason}").format(reason=message), "error"
            )

    def _on_runner_task_cancelled(self) -> None:
        if self._finish_task() == PRINT:
            self.run_bar.say(_("Cancelled: the documents made so far were removed."), "warning")

    # -- folder and viewer ----------------------------------------------------------------

    def _on_options_browse_requested(self) -> None:
        chosen = prompts.choose_folder(self, self.options.options().folder)
        if chosen is not None:
            self.options.set_folder(chosen)
            self._folder_memory().remember(chosen)

    def _on_folder_edit_finished(self) -> None:
        text = self.options.folder_edit.text().strip()
        if text:
            self._folder_memory().remember(Path(text))

    def _on_run_bar_open_requested(self, path: object) -> None:
        self._open(Path(str(path)))

    def _open(self, path: Path) -> None:
        if not prompts.open_externally(path):
            self.run_bar.say(
                _("No program opened {path}; open it from your file manager.").format(path=path),
                "warning",
            )
