"""Beside the timeline: the conflicts (errors and warnings apart) and a proposal to accept."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twinplanner.i18n import _, ngettext
from twinplanner.planning.programme.conflicts import Conflict, Severity
from twinplanner.ui.programme.models import EVENT_IDS_ROLE, Line, LineListModel


def _list_view(model: LineListModel) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setSpacing(2)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; margin-top: 4px;")
    return label


class ConflictPanel(QWidget):
    """Errors and warnings of the programme; choosing one shows its events."""

    events_chosen = Signal(object)  # tuple of event ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = LineListModel(self)
        self.warnings = LineListModel(self)
        self.error_view = _list_view(self.errors)
        self.warning_view = _list_view(self.warnings)
        self.error_heading = _heading("")
        self.warning_heading = _heading("")
        self.error_heading.setBuddy(self.error_view)
        self.warning_heading.setBuddy(self.warning_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_heading)
        layout.addWidget(self.error_view, 3)
        layout.addWidget(self.warning_heading)
        layout.addWidget(self.warning_view, 2)
        for view in (self.error_view, self.warning_view):
            view.clicked.connect(self._on_view_clicked)
            view.activated.connect(self._on_view_clicked)
        self.show_conflicts([])

    def show_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        """List these conflicts, errors apart from warnings."""
        errors = [c for c in conflicts if c.severity is Severity.ERROR]
        warnings = [c for c in conflicts if c.severity is not Severity.ERROR]
        self.errors.set_lines([Line(c.message, "error", c.event_ids) for c in errors])
        self.warnings.set_lines([Line(c.message, "warning", c.event_ids) for c in warnings])
        self.error_heading.setText(
            ngettext("E&rrors: {n}", "E&rrors: {n}", len(errors)).format(n=len(errors))
        )
        self.warning_heading.setText(
            ngettext("&Warnings: {n}", "&Warnings: {n}", len(warnings)).format(n=len(warnings))
        )

    def _on_view_clicked(self, index: QModelIndex) -> None:
        ids = index.data(EVENT_IDS_ROLE)
        if ids:
            self.events_chosen.emit(tuple(ids))


class ProposalPanel(QWidget):
    """A running plan (progress, Cancel) or its proposal: changes, what did not fit, accept/drop."""

    cancel_requested = Signal()
    accept_requested = Signal()
    drop_requested = Signal()
    again_requested = Signal()
    events_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel = QPushButton(_("&Cancel"))
        self.outdated = QLabel(_("The programme has changed since this proposal was made."))
        self.outdated.setWordWrap(True)
        self.outdated.setStyleSheet("background: #fff4e5; color: #663c00; padding: 4px;")
        self.again = QPushButton(_("Plan a&gain"))
        self.changes = LineListModel(self)
        self.change_view = _list_view(self.changes)
        self.unplaced = LineListModel(self)
        self.unplaced_view = _list_view(self.unplaced)
        self.changes_heading = _heading(_("Changes"))
        self.unplaced_heading = _heading(_("Not placed, and why"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.accept = QPushButton(_("&Accept proposal"))
        self.drop = QPushButton(_("D&rop"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel)
        layout.addLayout(running)
        layout.addWidget(self.status)
        layout.addWidget(self.outdated)
        layout.addWidget(self.again, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.changes_heading)
        layout.addWidget(self.change_view, 3)
        layout.addWidget(self.unplaced_heading)
        layout.addWidget(self.unplaced_view, 2)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept)
        buttons.addWidget(self.drop)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.cancel.clicked.connect(self.cancel_requested)
        self.accept.clicked.connect(self.accept_requested)
        self.drop.clicked.connect(self.drop_requested)
        self.again.clicked.connect(self.again_requested)
        for view in (self.change_view, self.unplaced_view):
            view.clicked.connect(self._on_view_clicked)
            view.activated.connect(self._on_view_clicked)

    def show_running(self, heading: str) -> None:
        """A plan has started."""
        self.heading.setText(heading)
        self.status.setText(_("Planning…"))
        self.progress.setValue(0)
        for w in (self.progress, self.cancel):
            w.show()
        for w in (self.outdated, self.again, self.summary):
            w.hide()
        self.changes.set_lines([])
        self.unplaced.set_lines([])
        self.accept.setEnabled(False)
        self.drop.setText(_("C&lose"))

    def show_progress(self, fraction: float, message: str) -> None:
        """How far the plan is."""
        self.progress.setValue(int(fraction * 100))
        if message:
            self.status.setText(message)

    def show_result(
        self,
        status: str,
        changes: Sequence[Line],
        unplaced: Sequence[Line],
        summary: str,
        outdated: bool,
    ) -> None:
        """The proposal: what changes, what did not fit; accept only when it is current."""
        for w in (self.progress, self.cancel):
            w.hide()
        self.status.setText(status)
        self.changes.set_lines(changes)
        self.unplaced.set_lines(unplaced)
        self.unplaced_heading.setVisible(bool(unplaced))
        self.unplaced_view.setVisible(bool(unplaced))
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.mark_outdated(outdated)
        self.accept.setEnabled(bool(changes) and not outdated)
        self.drop.setText(_("D&rop") if changes else _("C&lose"))

    def show_failure(self, message: str) -> None:
        """The plan failed or was cancelled: say so; nothing to accept."""
        for w in (self.progress, self.cancel):
            w.hide()
        self.status.setText(message)
        self.accept.setEnabled(False)
        self.again.show()
        self.drop.setText(_("C&lose"))

    def mark_outdated(self, outdated: bool) -> None:
        """Show that the programme changed since the proposal was made (accepting is off)."""
        self.outdated.setVisible(outdated)
        self.again.setVisible(outdated)
        if outdated:
            self.accept.setEnabled(False)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        ids = index.data(EVENT_IDS_ROLE)
        if ids:
            self.events_chosen.emit(tuple(ids))
