"""The Overview page: the visit at a glance and the checklist of what still needs doing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from twinplanner.domain.rows import VisitRow
from twinplanner.i18n import _, format_moment, ngettext
from twinplanner.services.overview import TodoItem, TodoKind, VisitOverview
from twinplanner.ui import choices as ch

_NAMES_SHOWN = 6


def todo_text(item: TodoItem) -> str:
    """The checklist line of one task, e.g. '39 parties are not placed yet'."""
    n = item.count
    if item.kind == TodoKind.PARTIES_NOT_PLACED:
        return (
            ngettext("{n} party is not placed yet", "{n} parties are not placed yet", n)
            if n
            else _("Every party is placed")
        ).format(n=n)
    if item.kind == TodoKind.NO_EMERGENCY_CONTACT:
        return (
            ngettext(
                "{n} guest has no emergency contact", "{n} guests have no emergency contact", n
            )
            if n
            else _("Every guest has an emergency contact")
        ).format(n=n)
    if item.kind == TodoKind.HOUSEHOLDS_WITHOUT_PHONE:
        return (
            ngettext("{n} household has no phone number", "{n} households have no phone number", n)
            if n
            else _("Every household has a phone number")
        ).format(n=n)
    if item.kind == TodoKind.MINORS_WITHOUT_CONSENT:
        return (
            ngettext(
                "{n} minor lacks a consent (photos or health data)",
                "{n} minors lack a consent (photos or health data)",
                n,
            )
            if n
            else _("Every minor has both consents")
        ).format(n=n)
    return (
        ngettext("{n} conflict in the programme", "{n} conflicts in the programme", n)
        if n
        else _("No conflicts in the programme")
    ).format(n=n)


class OverviewPage(QScrollArea):
    """Counts of the visit and a checklist whose lines lead to the place to fix them."""

    todo_requested = Signal(object)  # TodoItem
    edit_visit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.outer = QVBoxLayout(body)
        self.outer.setContentsMargins(18, 14, 18, 14)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.edit_visit = QPushButton(_("Edit visi&t…"))
        head = QHBoxLayout()
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.facts)
        head.addLayout(column, 1)
        head.addWidget(self.edit_visit, 0, Qt.AlignmentFlag.AlignTop)
        self.outer.addLayout(head)
        self.tiles = QGridLayout()
        self.tiles.setHorizontalSpacing(12)
        self.outer.addLayout(self.tiles)
        heading = QLabel(_("Still to do"))
        heading.setStyleSheet("font-size: 13pt; font-weight: bold; margin-top: 12px;")
        self.outer.addWidget(heading)
        self.checklist = QVBoxLayout()
        self.outer.addLayout(self.checklist)
        self.glance = QGridLayout()
        self.glance.setHorizontalSpacing(12)
        self.glance_labels: list[QLabel] = []
        for number, caption in enumerate(
            (_("Clubs and ensembles"), _("Languages"), _("Own arrival or departure"))
        ):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            title = QLabel(caption)
            title.setStyleSheet("font-weight: bold;")
            text = QLabel()
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
            box.addWidget(title)
            box.addWidget(text, 1)
            self.glance.addWidget(frame, 0, number)
            self.glance_labels.append(text)
        self.outer.addSpacing(12)
        self.outer.addLayout(self.glance, 1)
        self.setWidget(body)
        self.tile_values: dict[str, QLabel] = {}
        self.todo_buttons: dict[TodoKind, QPushButton] = {}
        self.todo_labels: dict[TodoKind, QLabel] = {}
        self.edit_visit.clicked.connect(self.edit_visit_requested)
        self.show_overview(None, None)

    def show_overview(self, visit: VisitRow | None, overview: VisitOverview | None) -> None:
        """Show a visit's overview (None: no visit chosen)."""
        self.edit_visit.setEnabled(visit is not None)
        if visit is None or overview is None:
            self.title.setText(_("No visit yet"))
            self.facts.setText(_("Create a partnership and a visit with the Visit menu."))
            self._fill_tiles([])
            self._fill_checklist([])
            for label in self.glance_labels:
                label.setText("")
            return
        self.title.setText(visit.title or visit.partnership_label)
        self.facts.setText(
            _(
                "{partnership} · {arrival} to {departure} · {direction} · {status}"
                " · working languages: {languages}"
            ).format(
                partnership=visit.partnership_label,
                arrival=format_moment(visit.arrival_at),
                departure=format_moment(visit.departure_at),
                direction=ch.label(visit.direction),
                status=ch.label(visit.status),
                languages=", ".join(visit.working_languages) or "–",
            )
        )
        o = overview
        self._fill_tiles(
            [
                ("guests", str(o.guests), _("guests")),
                ("minors", str(o.minors), _("of them minors") if o.minors else _("minors")),
                ("locals", str(o.locals), _("local participants")),
                ("parties", f"{o.parties_placed} / {o.parties}", _("parties placed")),
                ("households", str(o.households), _("host households")),
                ("beds_free", f"{o.beds_free} / {o.beds}", _("beds free")),
            ]
        )
        self._fill_checklist(list(o.todo))
        self._fill_glance(o)

    def _fill_glance(self, o: VisitOverview) -> None:
        from html import escape

        clubs = (
            "<br>".join(
                _("{name}: {count}").format(name=escape(name), count=n) for name, n in o.clubs
            )
            or "–"
        )
        languages = (
            "<br>".join(
                _("{language} — guests: {guests}, households: {households}").format(
                    language=escape(f"{code} · {ch.language_name(code)}"), guests=g, households=h
                )
                for code, g, h in o.languages
            )
            or "–"
        )
        times = "<br>".join(
            _("{name}: {times}").format(
                name=escape(name),
                times=", ".join(
                    part
                    for part in (
                        _("arrives {when}").format(when=format_moment(a)) if a else "",
                        _("leaves {when}").format(when=format_moment(d)) if d else "",
                    )
                    if part
                ),
            )
            for name, a, d in o.own_times
        ) or _("Everyone comes and goes with the visit.")
        # In a right-to-left window a line starting with a Latin name would run left to right:
        # Qt's rich text takes a block's direction from its first letter unless the block says.
        rtl = QGuiApplication.isRightToLeft()
        for label, text in zip(self.glance_labels, (clubs, languages, times), strict=True):
            label.setText(f'<div dir="rtl">{text}</div>' if rtl else text)

    def _fill_tiles(self, tiles: list[tuple[str, str, str]]) -> None:
        while self.tiles.count():
            widget = self.tiles.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.tile_values.clear()
        for number, (key, value, caption) in enumerate(tiles):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            big = QLabel(value)
            big.setStyleSheet("font-size: 20pt; font-weight: bold;")
            small = QLabel(caption)
            small.setWordWrap(True)
            box.addWidget(big)
            box.addWidget(small)
            self.tiles.addWidget(frame, number // 6, number % 6)
            self.tile_values[key] = big

    def _fill_checklist(self, items: list[TodoItem]) -> None:
        while self.checklist.count():
            widget = self.checklist.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.todo_buttons.clear()
        self.todo_labels.clear()
        for item in items:
            line = QFrame()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 2, 0, 2)
            mark = QLabel("✔" if item.count == 0 else "●")
            mark.setStyleSheet(
                f"color: {'#2e7d32' if item.count == 0 else '#e65100'}; font-size: 13pt;"
            )
            mark.setFixedWidth(22)
            text = QLabel(self._item_html(item))
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            if item.count:
                button = QPushButton(_("Show"))
                button.setToolTip(_("Go to the place where this is fixed"))
                button.clicked.connect(lambda _c=False, it=item: self.todo_requested.emit(it))
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
                self.todo_buttons[item.kind] = button
            self.checklist.addWidget(line)
            self.todo_labels[item.kind] = text

    @staticmethod
    def _item_html(item: TodoItem) -> str:
        from html import escape

        html = f"<b>{escape(todo_text(item))}</b>"
        if item.names and item.kind == TodoKind.PROGRAMME_CONFLICTS:
            # Conflicts are sentences: one per line, the first three.
            lines = "<br>".join(escape(text) for text in item.names[:3])
            more = item.count - 3
            if more > 0:
                lines += "<br>" + escape(
                    ngettext("and {n} more", "and {n} more", more).format(n=more)
                )
            return html + f"<br><span style='color: palette(mid)'>{lines}</span>"
        if item.names:
            names = ", ".join(item.names[:_NAMES_SHOWN])
            more = item.count - _NAMES_SHOWN
            if more > 0:
                names += " " + ngettext("and {n} more", "and {n} more", more).format(n=more)
            html += f"<br><span style='color: palette(mid)'>{escape(names)}</span>"
        return html
