"""The Visitors page: everyone taking part in the visit, filters, parties and the detail form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from twinplanner.domain.enums import Gender, Role, Species
from twinplanner.domain.rows import ClubRow, PersonRow
from twinplanner.i18n import _, ngettext
from twinplanner.ui import choices as ch
from twinplanner.ui.forms import DetailForm, FieldSpec
from twinplanner.ui.models.filters import RowFilterProxy
from twinplanner.ui.models.visitors import VisitorsModel, club_spec, visitor_haystack
from twinplanner.ui.pages.table_page import TablePage, fill_choices


def person_fields(clubs: list[ClubRow]) -> list[FieldSpec]:
    """The fields of the visitor form."""
    return [
        FieldSpec("full_name", _("Name"), ch.TEXT),
        FieldSpec("is_guest", _("Guest to be housed"), ch.FLAG),
        FieldSpec("gender", _("Gender"), ch.enum_spec(Gender)),
        FieldSpec("birth_date", _("Born"), ch.DATE),
        FieldSpec("role", _("Role"), ch.enum_spec(Role)),
        FieldSpec("club_ids", _("Clubs"), club_spec(clubs)),
        FieldSpec("languages", _("Languages"), ch.languages_spec()),
        FieldSpec("phone", _("Phone"), ch.TEXT),
        FieldSpec("email", _("E-mail"), ch.TEXT),
        FieldSpec("emergency_contact", _("Emergency contact"), ch.TEXT),
        FieldSpec("dietary_needs", _("Diet"), ch.TEXT),
        FieldSpec("allergies", _("Allergies"), ch.TEXT),
        FieldSpec("animal_allergies", _("Animal allergies"), ch.multi_spec(Species)),
        FieldSpec("smoker", _("Smoker"), ch.FLAG),
        FieldSpec("needs_smoke_free", _("Needs a smoke-free home"), ch.FLAG),
        FieldSpec("needs_step_free", _("Needs a step-free home"), ch.FLAG),
        FieldSpec("consent_photos", _("Consents to photos"), ch.FLAG),
        FieldSpec("consent_health", _("Consents to sharing health data"), ch.FLAG),
        FieldSpec("arrival_at", _("Own arrival"), ch.MOMENT),
        FieldSpec("departure_at", _("Own departure"), ch.MOMENT),
        FieldSpec("notes", _("Notes"), ch.TEXT),
    ]


class VisitorsPage(TablePage):
    """The people of the visit."""

    add_requested = Signal()
    group_requested = Signal(list)  # person ids
    ungroup_requested = Signal(int)  # person id

    def __init__(self, parent: QWidget | None = None) -> None:
        model = VisitorsModel()
        proxy = RowFilterProxy(model, visitor_haystack)
        form = DetailForm(_("Visitor"), person_fields([]))
        super().__init__(model, proxy, form, _("Filter by name, phone, town, party, club…"), parent)
        model.setParent(self)
        proxy.setParent(self)
        self.club_filter = QComboBox()
        self.club_filter.setAccessibleName(_("Club"))
        self.language_filter = QComboBox()
        self.language_filter.setAccessibleName(_("Language"))
        self.minors_only = QCheckBox(_("&Minors"))
        self.unplaced_only = QCheckBox(_("&Not placed"))
        self._clubs: list[ClubRow] = []
        self.add_button = QPushButton(_("&Add visitor…"))
        self.group_button = QPushButton(_("&Group into party"))
        self.ungroup_button = QPushButton(_("&Leave party"))
        self.add_to_filter_bar(
            (self.club_filter, self.language_filter, self.minors_only, self.unplaced_only),
            (self.add_button, self.group_button, self.ungroup_button),
        )
        self.set_filter_choices([], [])
        self._connect_signals()
        self._on_selection_changed()

    def _connect_signals(self) -> None:
        self.club_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.language_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.minors_only.toggled.connect(self._on_filters_changed)
        self.unplaced_only.toggled.connect(self._on_filters_changed)
        self.add_button.clicked.connect(self.add_requested)
        self.group_button.clicked.connect(lambda: self.group_requested.emit(self.selected_ids()))
        self.ungroup_button.clicked.connect(self._on_ungroup_button_clicked)
        self.selection_changed.connect(self._on_selection_changed)

    def set_filter_choices(self, clubs: list[ClubRow] | None, languages: list[str]) -> None:
        """Offer these clubs (None: the same as before) and languages in the filters and editors."""
        if clubs is None:
            clubs = self._clubs
        elif clubs != self._clubs:
            self._clubs = list(clubs)
            self.model.set_clubs(clubs)
            self.form.set_editor_spec("club_ids", club_spec(clubs))
        fill_choices(self.club_filter, _("All clubs"), [(c.id, c.name) for c in clubs])
        fill_choices(self.language_filter, _("All languages"), ch.language_choices(languages))
        self._on_filters_changed()

    def _on_filters_changed(self, *_args: object) -> None:
        club = self.club_filter.currentData()
        language = self.language_filter.currentData()
        self.proxy.set_filter("club", None if club is None else (lambda p, c=club: c in p.club_ids))
        self.proxy.set_filter(
            "language", None if language is None else (lambda p, lang=language: lang in p.languages)
        )
        self.proxy.set_filter(
            "minors", (lambda p: p.is_minor) if self.minors_only.isChecked() else None
        )
        self.proxy.set_filter(
            "unplaced",
            (lambda p: p.is_guest and p.household_id is None)
            if self.unplaced_only.isChecked()
            else None,
        )
        self._update_count()

    def _on_selection_changed(self) -> None:
        ids = self.selected_ids()
        self.group_button.setEnabled(len(ids) >= 2)
        row = self.form.row()
        self.ungroup_button.setEnabled(len(ids) == 1 and row is not None and bool(row.party_id))

    def _on_ungroup_button_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.ungroup_requested.emit(ids[0])

    def count_text(self, shown: int, total: int) -> str:
        """'12 of 68 people shown'."""
        return ngettext(
            "{shown} of {total} person shown", "{shown} of {total} people shown", total
        ).format(shown=shown, total=total)

    def summary(self, row: PersonRow) -> str:
        """Party, where the visitor stays and the host's phone."""
        parts = []
        if row.party_name:
            parts.append(_("Party: {party}").format(party=row.party_name))
        if row.household_name:
            parts.append(
                _("Staying with {host}, {phone}").format(
                    host=row.household_name, phone=row.household_phone
                )
            )
        elif row.is_guest:
            parts.append(_("Not placed yet"))
        if row.age is not None:
            parts.append(_("Age at arrival: {age}").format(age=row.age))
        return "\n".join(parts)
