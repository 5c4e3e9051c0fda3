"""Find anyone (Ctrl+F): type part of a name, phone or town; see at once where a visitor stays."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from twinplanner.i18n import _
from twinplanner.services.search import SearchHit, find

SEARCH_DELAY_MS = 80


def hit_title(hit: SearchHit) -> str:
    """The line shown in the result list."""
    if hit.kind == "household":
        return _("{name} · host household · {town}").format(name=hit.name, town=hit.town)
    if hit.in_visit and hit.household_name:
        return _("{name} · staying with {host}, {phone}").format(
            name=hit.name, host=hit.household_name, phone=hit.household_phone
        )
    if hit.in_visit and hit.is_guest:
        return _("{name} · not placed yet").format(name=hit.name)
    if hit.in_visit:
        return _("{name} · local participant").format(name=hit.name)
    return _("{name} · not in this visit").format(name=hit.name)


def hit_details(hit: SearchHit) -> str:
    """The answer for one hit, as rich text: where they stay and the phone to call."""
    e = escape
    if hit.kind == "household":
        lines = [
            f"<b>{e(hit.name)}</b>",
            e(hit.household_address),
            _("Phone: {phone}").format(phone=e(hit.phone or "–")),
        ]
        if hit.guests:
            lines.append(_("Guests: {names}").format(names=e(", ".join(hit.guests))))
        return "<br>".join(lines)
    lines = [
        f"<b>{e(hit.name)}</b> ({e(hit.town)})",
        _("Phone: {phone}").format(phone=e(hit.phone or "–")),
    ]
    if hit.household_name:
        lines.append(
            _("Stays with <b>{host}</b>, {address}").format(
                host=e(hit.household_name), address=e(hit.household_address)
            )
        )
        lines.append(_("Host's phone: <b>{phone}</b>").format(phone=e(hit.household_phone or "–")))
    elif hit.in_visit and hit.is_guest:
        lines.append(_("Not placed with a host yet."))
    if hit.party_name:
        lines.append(_("Party: {party}").format(party=e(hit.party_name)))
    return "<br>".join(lines)


class FindDialog(QDialog):
    """A search box, the people and households found, and the answer for the one chosen."""

    jump_requested = Signal(str, int)  # "person" or "household", id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Find anyone"))
        self.visit_id: int | None = None
        self.query = QLineEdit()
        self.query.setPlaceholderText(_("Part of a name, phone number or town…"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(96)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        buttons = QDialogButtonBox()
        self.go_button = buttons.addButton(_("&Go to"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self.hits: list[SearchHit] = []
        self.resize(560, 460)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self.search_now)
        self.results.currentRowChanged.connect(self._on_results_current_row_changed)
        self.results.itemActivated.connect(lambda _item: self._jump())
        buttons.accepted.connect(self._jump)
        buttons.rejected.connect(self.reject)
        self.query.installEventFilter(self)

    def start(self, visit_id: int | None) -> None:
        """Open (non-blocking) for a visit, with the search box selected."""
        self.visit_id = visit_id
        self.open()
        self.query.setFocus()
        self.query.selectAll()

    def search_now(self) -> None:
        """Search for what is typed now."""
        self._timer.stop()
        self.hits = find(self.query.text(), self.visit_id)
        self.results.clear()
        for hit in self.hits:
            QListWidgetItem(hit_title(hit), self.results)
        if self.hits:
            self.results.setCurrentRow(0)
        else:
            self.details.setText(_("Nobody found.") if self.query.text().strip() else "")

    def _on_results_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.details.setText(hit_details(self.hits[row]))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # Up and Down in the search box move through the results; Enter jumps.
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.search_now()
                self._jump()
                return True
        return super().eventFilter(watched, event)

    def _jump(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            self.jump_requested.emit(hit.kind, hit.id)
            self.accept()
