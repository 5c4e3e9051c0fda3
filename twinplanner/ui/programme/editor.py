"""The event editor: every field of an event, who takes part; create, change or delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QDateTime, QSortFilterProxyModel, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twinplanner.domain.enums import EventKind
from twinplanner.domain.rows import EventRow
from twinplanner.i18n import _
from twinplanner.services.programme import EventInput
from twinplanner.ui.programme import style

Choice = tuple[int, str]  # id, name
_UTC = QTimeZone(QTimeZone.Initialization.UTC)


def _qdt(moment: dt.datetime) -> QDateTime:
    # Wall-clock times of the programme: in UTC terms, so no daylight-saving gap shifts them.
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute), _UTC
    )


def _pydt(edit: QDateTimeEdit) -> dt.datetime:
    d, t = edit.date(), edit.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setTimeZone(_UTC)
    edit.setDisplayFormat("ddd dd.MM.yyyy HH:mm")
    edit.setCalendarPopup(True)
    return edit


class CheckList(QWidget):
    """A filterable list of names with check boxes (clubs or people taking part)."""

    def __init__(self, choices: Sequence[Choice], checked: Sequence[int], hint: str) -> None:
        super().__init__()
        self.model = QStandardItemModel(self)
        for ident, name in choices:
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(ident, Qt.ItemDataRole.UserRole)
            item.setCheckState(
                Qt.CheckState.Checked if ident in checked else Qt.CheckState.Unchecked
            )
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(hint)
        self.filter.setClearButtonEnabled(True)
        self.view = QListView()
        self.view.setModel(self.proxy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        if len(choices) < 12:
            self.filter.hide()

    def checked(self) -> tuple[int, ...]:
        """The ids ticked."""
        return tuple(
            int(self.model.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.model.rowCount())
            if self.model.item(r).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, ids: Sequence[int]) -> None:
        """Tick exactly these ids."""
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            item.setCheckState(
                Qt.CheckState.Checked
                if int(item.data(Qt.ItemDataRole.UserRole)) in ids
                else Qt.CheckState.Unchecked
            )


class EventEditor(QDialog):
    """Edits one event (or a new one); OK asks the page to save, refusals stay in the dialog."""

    submitted = Signal(object)  # EventInput
    delete_requested = Signal()

    def __init__(
        self,
        row: EventRow | None,
        *,
        venues: Sequence[Choice],
        people: Sequence[Choice],
        clubs: Sequence[Choice],
        concerts: Sequence[Choice],
        starts: dt.datetime,
        venue_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(
            _("New event") if row is None else _("Event: {title}").format(title=row.title)
        )
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        for value, word in style.kind_choices():
            self.kind.addItem(word, value)
        self.title = QLineEdit()
        self.starts = _datetime_edit()
        self.ends = _datetime_edit()
        self.venue = QComboBox()
        self.venue.addItem(_("no venue"), None)
        for ident, name in venues:
            self.venue.addItem(name, ident)
        self.meeting_point = QLineEdit()
        self.has_meeting = QCheckBox(_("Meet at"))
        self.meeting_at = _datetime_edit()
        self.transport = QLineEdit()
        self.responsible = QComboBox()
        self.responsible.addItem(_("nobody yet"), None)
        for ident, name in people:
            self.responsible.addItem(name, ident)
        self.public = QCheckBox(_("Open to the public"))
        self.fixed = QCheckBox(_("Fixed (proposals leave it where it is)"))
        self.prepares = QComboBox()
        self.prepares.addItem(_("nothing"), None)
        for ident, title in concerts:
            self.prepares.addItem(title, ident)
        self.category = QLineEdit()
        self.category.setPlaceholderText(_("e.g. U15 for a match"))
        meeting = QHBoxLayout()
        meeting.addWidget(self.has_meeting)
        meeting.addWidget(self.meeting_at, 1)
        for name, label, widget in (
            ("kind", _("&Kind:"), self.kind),
            ("title", _("&Title:"), self.title),
            ("starts_at", _("&Starts:"), self.starts),
            ("ends_at", _("&Ends:"), self.ends),
            ("venue_id", _("&Venue:"), self.venue),
            ("meeting_point", _("&Meeting point:"), self.meeting_point),
        ):
            self._add(form, name, label, widget)
        caption = QLabel(_("Meeting &time:"))
        caption.setBuddy(self.has_meeting)
        form.addRow(caption, meeting)
        self.fields["meeting_at"] = self.meeting_at
        for name, label, widget in (
            ("transport", _("T&ransport:"), self.transport),
            ("responsible_id", _("&Person responsible:"), self.responsible),
            ("prepares_id", _("Pre&pares:"), self.prepares),
            ("category", _("&Category:"), self.category),
        ):
            self._add(form, name, label, widget)
        form.addRow("", self.public)
        form.addRow("", self.fixed)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        self._add(form, "notes", _("N&otes:"), self.notes)
        self.clubs = CheckList(clubs, row.club_ids if row else (), _("Find a club"))
        self.persons = CheckList(people, row.person_ids if row else (), _("Find a person"))
        self.fields["club_ids"] = self.clubs.view
        self.fields["person_ids"] = self.persons.view
        side = QVBoxLayout()
        for label, widget in (
            (_("C&lubs taking part:"), self.clubs),
            (_("People taking part &individually:"), self.persons),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget.view)
            side.addWidget(caption)
            side.addWidget(widget, 1)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addLayout(side, 2)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.delete = QPushButton(_("&Delete event"))
        if row is not None:
            self.buttons.addButton(self.delete, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.delete.clicked.connect(self.delete_requested)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.has_meeting.toggled.connect(self.meeting_at.setEnabled)
        self._fill(row, starts, venue_id)
        self.resize(860, 560)

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setObjectName(f"field_{name}")
        form.addRow(caption, widget)
        self.fields[name] = widget

    def _fill(self, row: EventRow | None, starts: dt.datetime, venue_id: int | None) -> None:
        if row is None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(EventKind.RECEPTION.value)))
            self.starts.setDateTime(_qdt(starts))
            self.ends.setDateTime(_qdt(starts + dt.timedelta(hours=1)))
            self.venue.setCurrentIndex(max(0, self.venue.findData(venue_id)))
            self.meeting_at.setDateTime(_qdt(starts - dt.timedelta(minutes=15)))
            self.has_meeting.setChecked(False)
            self.fixed.setChecked(True)
        else:
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
            self.title.setText(row.title)
            self.starts.setDateTime(_qdt(row.starts_at))
            self.ends.setDateTime(_qdt(row.ends_at))
            self.venue.setCurrentIndex(max(0, self.venue.findData(row.venue_id)))
            self.meeting_point.setText(row.meeting_point)
            self.has_meeting.setChecked(row.meeting_at is not None)
            self.meeting_at.setDateTime(
                _qdt(row.meeting_at or row.starts_at - dt.timedelta(minutes=15))
            )
            self.transport.setText(row.transport)
            self.responsible.setCurrentIndex(max(0, self.responsible.findData(row.responsible_id)))
            self.public.setChecked(row.public)
            self.fixed.setChecked(row.fixed)
            self.prepares.setCurrentIndex(max(0, self.prepares.findData(row.prepares_id)))
            self.category.setText(row.category)
            self.notes.setPlainText(row.notes)
        self.meeting_at.setEnabled(self.has_meeting.isChecked())
        self._on_kind_changed()

    def _on_kind_changed(self, _index: int = 0) -> None:
        rehearsal = self.kind.currentData() == EventKind.REHEARSAL.value
        self.prepares.setEnabled(rehearsal)

    def values(self) -> EventInput:
        """The event as entered."""
        rehearsal = self.kind.currentData() == EventKind.REHEARSAL.value
        return EventInput(
            kind=str(self.kind.currentData()),
            title=self.title.text(),
            starts_at=_pydt(self.starts),
            ends_at=_pydt(self.ends),
            venue_id=self.venue.currentData(),
            meeting_point=self.meeting_point.text(),
            meeting_at=_pydt(self.meeting_at) if self.has_meeting.isChecked() else None,
            transport=self.transport.text(),
            responsible_id=self.responsible.currentData(),
            public=self.public.isChecked(),
            fixed=self.fixed.isChecked(),
            prepares_id=self.prepares.currentData() if rehearsal else None,
            category=self.category.text(),
            notes=self.notes.toPlainText(),
            club_ids=self.clubs.checked(),
            person_ids=self.persons.checked(),
        )

    def show_error(self, message: str, field: str | None = None) -> None:
        """Say why the values were refused and focus the field at fault."""
        self.error.setText(message)
        self.error.show()
        if field and field in self.fields:
            self.fields[field].setFocus()

    def _on_buttons_accepted(self) -> None:
        self.error.hide()
        self.submitted.emit(self.values())
