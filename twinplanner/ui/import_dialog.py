"""File > Import: choose a spreadsheet, map its columns, answer the date question, preview, import.

Reading and checking the file run in a worker (QThreadPool); the result comes back by a queued
signal carrying a token, and a result whose token is stale is dropped. The preview and the
import itself touch the database and run on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import N_, _, current_language, ngettext
from twinplanner.io.dates import DateOrder
from twinplanner.io.headers import FIELDS, HOSTS, VISITORS
from twinplanner.io.records import ParsedImport, Problem
from twinplanner.io.tabular import Table
from twinplanner.services import importing

_FILTER = "Spreadsheets (*.xlsx *.csv *.txt);;*"


@dataclass(frozen=True)
class ImportServices:
    """The use cases the dialog calls; tests may pass their own."""

    read: Callable[..., Any] = importing.read
    parse: Callable[..., ParsedImport] = importing.parse
    preview: Callable[[int, ParsedImport], importing.ImportPreview] = importing.preview
    apply: Callable[[int, ParsedImport], importing.ImportResult] = importing.apply_after_backup


class _Cancelled(BaseException):
    """The user closed the dialog or chose another file while a read was running.

    A BaseException so that the reader's catch-all for damaged files does not turn it into a
    report about the file.
    """


class _WorkerSignals(QObject):
    """Signals of a background read; connected queued so slots run on the GUI thread."""

    finished = Signal(int, object)  # token, (table, parsed)
    failed = Signal(int, str)
    progress = Signal(int, int)  # token, rows read


class _ReadTask(QRunnable):
    """Read and check a file (pure work, no database) in the thread pool."""

    def __init__(
        self,
        token: int,
        job: Callable[[Callable[[int], None]], object],
        signals: _WorkerSignals,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self._token, self._job, self._signals, self._cancel = token, job, signals, cancel

    def run(self) -> None:
        def progress(rows: int) -> None:
            if self._cancel.is_set():
                raise _Cancelled
            self._signals.progress.emit(self._token, rows)

        try:
            result = self._job(progress)
        except _Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a crash
            self._signals.failed.emit(self._token, f"{type(exc).__name__}: {exc}")
            return
        self._signals.finished.emit(self._token, result)


_ACTIONS = {"new": N_("new"), "update": N_("update"), "unchanged": N_("unchanged")}


class ProblemsModel(QAbstractTableModel):
    """The problems of a preview: row, column, severity and message."""

    HEADERS = (N_("Row"), N_("Column"), N_("Kind"), N_("Problem"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: tuple[Problem, ...] = ()

    def set_problems(self, problems: tuple[Problem, ...]) -> None:
        """Show these problems."""
        self.beginResetModel()
        self._problems = tuple(problems)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        problem = self._problems[index.row()]
        column = index.column()
        if column == 0:
            return str(problem.row) if problem.row else _("file")
        if column == 1:
            return problem.column
        if column == 2:
            return _("error") if problem.severity == importing.ERROR else _("warning")
        return problem.message

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.HEADERS[section])
        return None


class ImportDialog(QDialog):
    """Import visitors or hosts into one visit; emits ``imported`` with the Changes."""

    imported = Signal(object)
    preview_ready = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        visit_id: int,
        services: ImportServices | None = None,
        *,
        kind: str = VISITORS,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import from a spreadsheet"))
        self.resize(820, 620)
        self._visit_id = visit_id
        self._services = services or ImportServices()
        self._pool = pool or QThreadPool.globalInstance()
        self._token = 0
        self._cancel = threading.Event()
        self._path: Path | None = None
        self._table: Table | None = None
        self.parsed: ParsedImport | None = None
        self.preview: importing.ImportPreview | None = None
        self._combos: dict[str, QComboBox] = {}
        self._signals = _WorkerSignals(self)
        self._build(kind)
        self._connect_signals()

    # ------------------------------------------------------------------ building

    def _build(self, kind: str) -> None:
        self.kind_box = QComboBox()
        self.kind_box.addItem(_("Visitors"), VISITORS)
        self.kind_box.addItem(_("Host households"), HOSTS)
        self.kind_box.setCurrentIndex(0 if kind == VISITORS else 1)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(_("Choose a .xlsx or .csv file"))
        self.choose_button = QPushButton(_("Choose…"))
        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.file_edit, 1)
        top.addWidget(self.choose_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()

        self.mapping_box = QGroupBox(_("Columns"))
        self.mapping_form = QFormLayout()
        inner = QWidget()
        inner.setLayout(self.mapping_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.addWidget(scroll)

        self.date_box = QGroupBox(_("Dates such as 05/06/2009 mean"))
        self.day_first = QRadioButton(_("5 June (day first)"))
        self.month_first = QRadioButton(_("6 May (month first)"))
        self.date_group = QButtonGroup(self)
        self.date_group.addButton(self.day_first)
        self.date_group.addButton(self.month_first)
        date_layout = QHBoxLayout(self.date_box)
        date_layout.addWidget(self.day_first)
        date_layout.addWidget(self.month_first)
        self.date_box.hide()

        self.problems = ProblemsModel(self)
        self.problem_view = QTableView()
        self.problem_view.setModel(self.problems)
        self.problem_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problem_view.verticalHeader().hide()
        self.changes_text = QPlainTextEdit()
        self.changes_text.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.mapping_box)
        splitter.addWidget(self.problem_view)
        splitter.addWidget(self.changes_text)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.date_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.kind_box.currentIndexChanged.connect(self._on_kind_box_changed)
        self.date_group.buttonClicked.connect(self._on_date_group_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.buttons.rejected.connect(self.reject)
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.finished.connect(self._on_worker_finished, queued)
        self._signals.failed.connect(self._on_worker_failed, queued)
        self._signals.progress.connect(self._on_worker_progress, queued)

    # ------------------------------------------------------------------ public

    @property
    def kind(self) -> str:
        """'visitors' or 'hosts'."""
        return str(self.kind_box.currentData())

    @property
    def busy(self) -> bool:
        """True while a read is running in the background."""
        return not self.progress.isHidden()

    def load_file(self, path: Path | str) -> None:
        """Read ``path`` in the background; any read still running is abandoned."""
        self._path = Path(path)
        self.file_edit.setText(str(self._path))
        self._table = None
        self._start(self._read_job(self._path, self.kind))

    def mapping(self) -> dict[str, str]:
        """The field chosen for each column ('' when not imported)."""
        return {header: str(combo.currentData() or "") for header, combo in self._combos.items()}

    def set_column_field(self, header: str, field: str) -> None:
        """Choose the field of one column (as the user would in its list), then check again."""
        combo = self._combos[header]
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def date_order(self) -> DateOrder | None:
        """The order the user chose for ambiguous dates, if any."""
        if self.month_first.isChecked():
            return DateOrder.MONTH_FIRST
        if self.day_first.isChecked():
            return DateOrder.DAY_FIRST
        return None

    # ------------------------------------------------------------------ work

    def _read_job(self, path: Path, kind: str) -> Callable[[Callable[[int], None]], object]:
        read, parse = self._services.read, self._services.parse

        def job(progress: Callable[[int], None]) -> object:
            table, _match = read(path, kind, progress=progress)
            return table, parse(table, kind, None, None)

        return job

    def _parse_job(
        self, table: Table, kind: str, mapping: dict[str, str], order: DateOrder | None
    ) -> Callable[[Callable[[int], None]], object]:
        parse = self._services.parse

        def job(progress: Callable[[int], None]) -> object:
            return table, parse(table, kind, mapping, order)

        return job

    def _start(self, job: Callable[[Callable[[int], None]], object]) -> None:
        self._cancel.set()  # the previous task stops at its next progress report
        self._cancel = threading.Event()
        self._token += 1
        self.import_button.setEnabled(False)
        self.progress.show()
        self.status.setText(_("Reading {file}…").format(file=self._path.name if self._path else ""))
        self._pool.start(_ReadTask(self._token, job, self._signals, self._cancel))

    def _reparse(self) -> None:
        if self._table is not None:
            self._start(self._parse_job(self._table, self.kind, self.mapping(), self.date_order()))

    def _on_worker_progress(self, token: int, rows: int) -> None:
        if token == self._token:
            self.status.setText(_("Reading… {rows} rows").format(rows=rows))

    def _on_worker_failed(self, token: int, message: str) -> None:
        if token != self._token:
            return
        self.progress.hide()
        self.status.setText(_("The file could not be read: {message}").format(message=message))

    def _on_worker_finished(self, token: int, result: object) -> None:
        if token != self._token:
            return  # a newer file or mapping was chosen meanwhile
        self.progress.hide()
        table, parsed = result  # type: ignore[misc]
        first_read = self._table is None
        self._table, self.parsed = table, parsed
        if first_read:
            self._fill_mapping(parsed)
        self.date_box.setVisible(parsed.date_order_ambiguous or self.date_order() is not None)
        try:
            self.preview = self._services.preview(self._visit_id, parsed)
        except TwinPlannerError as exc:
            self.status.setText(str(exc))
            return
        self._show_preview(self.preview)
        self.preview_ready.emit()

    def _fill_mapping(self, parsed: ParsedImport) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self._combos.clear()
        samples = {
            i: next(
                (
                    str(r.cells[i])
                    for r in (self._table.rows if self._table else ())
                    if i < len(r.cells) and r.cells[i] is not None
                ),
                "",
            )
            for i in range(len(parsed.columns))
        }
        for i, (header, field) in enumerate(parsed.columns):
            if not header:
                continue
            combo = QComboBox()
            combo.addItem(_("— not imported —"), "")
            for spec in FIELDS[parsed.kind]:
                combo.addItem(spec.label(current_language()), spec.name)
            combo.setCurrentIndex(max(combo.findData(field or ""), 0))
            label = QLabel(
                f"{header}  <span style='color:gray'>{samples[i][:30]}</span>"
                if samples[i]
                else header
            )
            if not field:
                label.setStyleSheet("font-weight: bold;")
            self.mapping_form.addRow(label, combo)
            self._combos[header] = combo
            combo.currentIndexChanged.connect(self._on_mapping_combo_changed)

    def _show_preview(self, preview: importing.ImportPreview) -> None:
        parsed = preview.parsed
        found = (
            _("sheet “{sheet}”, column names in row {row}: {summary}.")
            if parsed.sheet
            else _("column names in row {row}: {summary}.")
        ).format(sheet=parsed.sheet, row=parsed.header_row, summary=preview.summary())
        errors = ngettext("{n} error(s)", "{n} error(s)", len(preview.errors)).format(
            n=len(preview.errors)
        )
        warnings = ngettext("{n} warning(s)", "{n} warning(s)", len(preview.warnings)).format(
            n=len(preview.warnings)
        )
        self.status.setText(
            _("{found} {errors}, {warnings}.").format(found=found, errors=errors, warnings=warnings)
        )
        self.problems.set_problems(preview.problems)
        lines = [
            (
                _("row {row}: {name}: {action} ({changes})")
                if p.changes
                else _("row {row}: {name}: {action}")
            ).format(
                row=p.row,
                name=p.name,
                action=_(_ACTIONS.get(p.action, p.action)),
                changes="; ".join(p.changes),
            )
            for p in preview.plans
            if p.action != "unchanged"
        ][:2000]
        self.changes_text.setPlainText("\n".join(lines))
        self.import_button.setEnabled(preview.ok and bool(preview.plans))

    # ------------------------------------------------------------------ slots

    def _on_choose_button_clicked(self) -> None:
        chooser = QFileDialog(
            self, _("Import a spreadsheet"), str(self._path.parent if self._path else ""), _FILTER
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(self.load_file)
        chooser.open()

    def _on_kind_box_changed(self, _index: int) -> None:
        if self._path is not None:
            self.load_file(self._path)

    def _on_mapping_combo_changed(self, _index: int) -> None:
        self._reparse()

    def _on_date_group_clicked(self, _button: object) -> None:
        self._reparse()

    def _on_import_button_clicked(self) -> None:
        if self.parsed is None:
            return
        try:
            result = self._services.apply(self._visit_id, self.parsed)
        except TwinPlannerError as exc:
            self.status.setText(str(exc))
            self.import_button.setEnabled(False)
            return
        self.status.setText(result.message)
        self.imported.emit(result.changes)
        self.accept()

    def done(self, result: int) -> None:
        """Stop any running read when the dialog closes."""
        self._cancel.set()
        self._token += 1
        super().done(result)
