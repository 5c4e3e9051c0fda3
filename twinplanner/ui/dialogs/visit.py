"""The visit editor: partnership, year, dates and places, status and working languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from twinplanner.domain.enums import Direction, VisitStatus
from twinplanner.domain.rows import PartnershipRow, VisitRow
from twinplanner.i18n import _
from twinplanner.ui import choices as ch
from twinplanner.ui.dialogs.base import FormDialog
from twinplanner.ui.editors import editor_value, make_editor, set_editor_value
from twinplanner.ui.table_model import EditorSpec

_MOMENT = EditorSpec("datetime", optional=False)


class VisitDialog(FormDialog):
    """Create a visit (visit None) or edit one."""

    def __init__(
        self,
        partnerships: list[PartnershipRow],
        visit: VisitRow | None = None,
        partnership_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("New visit") if visit is None else _("Edit visit"), parent)
        self.visit = visit
        self.partnership = QComboBox()
        for p in partnerships:
            self.partnership.addItem(p.label, p.id)
        chosen = visit.partnership_id if visit else partnership_id
        if chosen is not None:
            self.partnership.setCurrentIndex(max(self.partnership.findData(chosen), 0))
        self.partnership.setEnabled(visit is None)
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.title_edit = QLineEdit()
        self.direction = make_editor(ch.enum_spec(Direction))
        self.status = make_editor(ch.enum_spec(VisitStatus))
        self.arrival = make_editor(_MOMENT)
        self.departure = make_editor(_MOMENT)
        self.arrival_place = QLineEdit()
        self.departure_place = QLineEdit()
        self.languages = make_editor(ch.languages_spec())
        self.languages.setMaximumHeight(120)
        self.add_field("partnership", _("&Partnership"), self.partnership)
        self.add_field("year", _("&Year"), self.year)
        self.add_field("title", _("&Title"), self.title_edit)
        self.add_field("direction", _("&Direction"), self.direction)
        self.add_field("arrival_at", _("&Arrival"), self.arrival)
        self.add_field("arrival_place", _("Arrival &place"), self.arrival_place)
        self.add_field("departure_at", _("D&eparture"), self.departure)
        self.add_field("departure_place", _("Departure p&lace"), self.departure_place)
        self.add_field("status", _("&Status"), self.status)
        self.add_field("working_languages", _("&Working languages"), self.languages)
        if visit is None:
            start = dt.datetime(dt.date.today().year + 1, 5, 1, 17, 0)
            self.year.setValue(start.year)
            set_editor_value(self.arrival, _MOMENT, start)
            set_editor_value(self.departure, _MOMENT, start + dt.timedelta(days=4))
            set_editor_value(self.direction, ch.enum_spec(Direction), Direction.WE_HOST.value)
            set_editor_value(self.status, ch.enum_spec(VisitStatus), VisitStatus.PLANNING.value)
        else:
            self.year.setValue(visit.year)
            self.title_edit.setText(visit.title)
            set_editor_value(self.direction, ch.enum_spec(Direction), visit.direction)
            set_editor_value(self.status, ch.enum_spec(VisitStatus), visit.status)
            set_editor_value(self.arrival, _MOMENT, visit.arrival_at)
            set_editor_value(self.departure, _MOMENT, visit.departure_at)
            self.arrival_place.setText(visit.arrival_place)
            self.departure_place.setText(visit.departure_place)
            set_editor_value(self.languages, ch.languages_spec(), visit.working_languages)
        self.resize(520, self.sizeHint().height())

    def partnership_id(self) -> int | None:
        """The partnership chosen."""
        data = self.partnership.currentData()
        return int(data) if data is not None else None

    def values(self) -> dict[str, Any]:
        """The visit's fields as plain values."""
        return {
            "year": self.year.value(),
            "title": self.title_edit.text(),
            "direction": editor_value(self.direction, ch.enum_spec(Direction)),
            "arrival_at": editor_value(self.arrival, _MOMENT),
            "departure_at": editor_value(self.departure, _MOMENT),
            "arrival_place": self.arrival_place.text(),
            "departure_place": self.departure_place.text(),
            "status": editor_value(self.status, ch.enum_spec(VisitStatus)),
            "working_languages": tuple(editor_value(self.languages, ch.languages_spec())),
        }

    @staticmethod
    def values_of(visit: VisitRow) -> dict[str, Any]:
        """A stored visit's fields in the same form as values()."""
        return {
            "year": visit.year,
            "title": visit.title,
            "direction": visit.direction,
            "arrival_at": visit.arrival_at,
            "departure_at": visit.departure_at,
            "arrival_place": visit.arrival_place,
            "departure_place": visit.departure_place,
            "status": visit.status,
            "working_languages": tuple(visit.working_languages),
        }
