"""The Hosts page: the households offering beds for the visit, filters and the detail form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from twinplanner.domain.enums import AgeGroup, GenderPreference, Species
from twinplanner.domain.rows import HouseholdRow
from twinplanner.i18n import _, ngettext
from twinplanner.ui import choices as ch
from twinplanner.ui.forms import DetailForm, FieldSpec
from twinplanner.ui.models.filters import RowFilterProxy
from twinplanner.ui.models.hosts import HostsModel, host_haystack
from twinplanner.ui.pages.table_page import TablePage, fill_choices


def household_fields() -> list[FieldSpec]:
    """The fields of the household form."""
    return [
        FieldSpec("contact_name", _("Contact"), ch.TEXT),
        FieldSpec("members", _("Living there"), ch.TEXT),
        FieldSpec("address", _("Address"), ch.TEXT),
        FieldSpec("district", _("District"), ch.TEXT),
        FieldSpec("phone", _("Phone"), ch.TEXT),
        FieldSpec("email", _("E-mail"), ch.TEXT),
        FieldSpec("languages", _("Languages"), ch.languages_spec()),
        FieldSpec("beds", _("Beds"), ch.COUNT),
        FieldSpec("double_beds", _("Double beds"), ch.COUNT),
        FieldSpec("pets", _("Pets"), ch.multi_spec(Species)),
        FieldSpec("smoking", _("Smoking household"), ch.FLAG),
        FieldSpec("step_free", _("Step-free"), ch.FLAG),
        FieldSpec("minors_cleared", _("Cleared to host minors"), ch.FLAG),
        FieldSpec("safeguarding_checked_on", _("Safeguarding checked on"), ch.DATE),
        FieldSpec("no_minors", _("No minors, please"), ch.FLAG),
        FieldSpec("gender_preference", _("Guests' gender"), ch.enum_spec(GenderPreference)),
        FieldSpec("age_group", _("Age group"), ch.enum_spec(AgeGroup)),
        FieldSpec("max_guests", _("Most guests"), ch.OPTIONAL_COUNT),
        FieldSpec("preferred_guests", _("Preferred guests"), ch.OPTIONAL_COUNT),
        FieldSpec("available_from", _("Available from"), ch.MOMENT),
        FieldSpec("available_until", _("Available until"), ch.MOMENT),
        FieldSpec("notes", _("Notes"), ch.TEXT),
    ]


class HostsPage(TablePage):
    """The host households of the visit."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        model = HostsModel()
        proxy = RowFilterProxy(model, host_haystack)
        form = DetailForm(_("Host household"), household_fields())
        super().__init__(model, proxy, form, _("Filter by name, street, district, phone…"), parent)
        model.setParent(self)
        proxy.setParent(self)
        self.language_filter = QComboBox()
        self.language_filter.setAccessibleName(_("Language"))
        self.free_only = QCheckBox(_("Free &beds"))
        self.minors_cleared_only = QCheckBox(_("Cleared for &minors"))
        self.no_pets_only = QCheckBox(_("No pe&ts"))
        self.add_button = QPushButton(_("&Add household…"))
        self.add_to_filter_bar(
            (self.language_filter, self.free_only, self.minors_cleared_only, self.no_pets_only),
            (self.add_button,),
        )
        self.set_languages([])
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.language_filter.currentIndexChanged.connect(self._on_filters_changed)
        for box in (self.free_only, self.minors_cleared_only, self.no_pets_only):
            box.toggled.connect(self._on_filters_changed)
        self.add_button.clicked.connect(self.add_requested)

    def set_languages(self, languages: list[str]) -> None:
        """Offer these languages in the language filter."""
        fill_choices(self.language_filter, _("All languages"), ch.language_choices(languages))
        self._on_filters_changed()

    def _on_filters_changed(self, *_args: object) -> None:
        language = self.language_filter.currentData()
        self.proxy.set_filter(
            "language", None if language is None else (lambda h, lang=language: lang in h.languages)
        )
        self.proxy.set_filter(
            "free", (lambda h: h.beds_free > 0) if self.free_only.isChecked() else None
        )
        self.proxy.set_filter(
            "minors", (lambda h: h.minors_cleared) if self.minors_cleared_only.isChecked() else None
        )
        self.proxy.set_filter(
            "pets", (lambda h: not h.pets) if self.no_pets_only.isChecked() else None
        )
        self._update_count()

    def count_text(self, shown: int, total: int) -> str:
        """'12 of 45 households shown'."""
        return ngettext(
            "{shown} of {total} household shown", "{shown} of {total} households shown", total
        ).format(shown=shown, total=total)

    def summary(self, row: HouseholdRow) -> str:
        """Beds taken and free."""
        return _("{guests} guests placed, {free} of {beds} beds free").format(
            guests=row.guests, free=row.beds_free, beds=row.beds
        )
