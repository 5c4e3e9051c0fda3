"""The visitors table: one row per person taking part in the visit, most fields editable."""

from __future__ import annotations

from enum import IntEnum

from twinplanner.domain.enums import Gender, Role, Species
from twinplanner.domain.rows import ClubRow, PersonRow
from twinplanner.i18n import _
from twinplanner.ui import choices as ch
from twinplanner.ui.table_model import ColumnSpec, EditorSpec, RowTableModel


class VisitorColumn(IntEnum):
    """The columns of the visitors table, in order."""

    NAME = 0
    GUEST = 1
    PARTY = 2
    STAYING_WITH = 3
    HOST_PHONE = 4
    AGE = 5
    BIRTH_DATE = 6
    GENDER = 7
    ROLE = 8
    CLUBS = 9
    LANGUAGES = 10
    PHONE = 11
    EMERGENCY = 12
    DIET = 13
    ALLERGIES = 14
    ANIMAL_ALLERGIES = 15
    CONSENT_PHOTOS = 16
    CONSENT_HEALTH = 17
    TOWN = 18


def club_spec(clubs: list[ClubRow]) -> EditorSpec:
    """A multi-select of the clubs, by id, shown with their town."""
    return EditorSpec("multi", tuple((c.id, f"{c.name} ({c.town_name})") for c in clubs))


def visitor_columns(clubs: list[ClubRow]) -> list[ColumnSpec[PersonRow]]:
    """The column specs, in VisitorColumn order."""
    date_text = lambda d: "" if d is None else f"{d:%Y-%m-%d}"
    columns = {
        VisitorColumn.NAME: ColumnSpec(
            _("Name"), lambda p: p.full_name, field="full_name", editor=ch.TEXT
        ),
        VisitorColumn.GUEST: ColumnSpec(
            _("Guest"),
            lambda p: "",
            field="is_guest",
            editor=ch.FLAG,
            tooltip=_("Ticked: a guest to be housed; else a local"),
        ),
        VisitorColumn.PARTY: ColumnSpec(_("Party"), lambda p: p.party_name),
        VisitorColumn.STAYING_WITH: ColumnSpec(
            _("Staying with"), lambda p: p.household_name or (_("not placed") if p.is_guest else "")
        ),
        VisitorColumn.HOST_PHONE: ColumnSpec(_("Host phone"), lambda p: p.household_phone),
        VisitorColumn.AGE: ColumnSpec(
            _("Age"),
            lambda p: "" if p.age is None else str(p.age),
            lambda p: -1 if p.age is None else p.age,
            align_right=True,
        ),
        VisitorColumn.BIRTH_DATE: ColumnSpec(
            _("Born"),
            lambda p: date_text(p.birth_date),
            lambda p: "" if p.birth_date is None else p.birth_date.isoformat(),
            field="birth_date",
            editor=ch.DATE,
        ),
        VisitorColumn.GENDER: ColumnSpec(
            _("Gender"), lambda p: ch.label(p.gender), field="gender", editor=ch.enum_spec(Gender)
        ),
        VisitorColumn.ROLE: ColumnSpec(
            _("Role"), lambda p: ch.label(p.role), field="role", editor=ch.enum_spec(Role)
        ),
        VisitorColumn.CLUBS: ColumnSpec(
            _("Clubs"), lambda p: ", ".join(p.clubs), field="club_ids", editor=club_spec(clubs)
        ),
        VisitorColumn.LANGUAGES: ColumnSpec(
            _("Languages"),
            lambda p: ", ".join(p.languages),
            field="languages",
            editor=ch.languages_spec(),
        ),
        VisitorColumn.PHONE: ColumnSpec(
            _("Phone"), lambda p: p.phone, field="phone", editor=ch.TEXT
        ),
        VisitorColumn.EMERGENCY: ColumnSpec(
            _("Emergency contact"),
            lambda p: p.emergency_contact,
            field="emergency_contact",
            editor=ch.TEXT,
        ),
        VisitorColumn.DIET: ColumnSpec(
            _("Diet"), lambda p: p.dietary_needs, field="dietary_needs", editor=ch.TEXT
        ),
        VisitorColumn.ALLERGIES: ColumnSpec(
            _("Allergies"), lambda p: p.allergies, field="allergies", editor=ch.TEXT
        ),
        VisitorColumn.ANIMAL_ALLERGIES: ColumnSpec(
            _("Animal allergies"),
            lambda p: ch.labels(p.animal_allergies),
            field="animal_allergies",
            editor=ch.multi_spec(Species),
        ),
        VisitorColumn.CONSENT_PHOTOS: ColumnSpec(
            _("Photos"),
            lambda p: "",
            field="consent_photos",
            editor=ch.FLAG,
            tooltip=_("Consents to photos"),
        ),
        VisitorColumn.CONSENT_HEALTH: ColumnSpec(
            _("Health data"),
            lambda p: "",
            field="consent_health",
            editor=ch.FLAG,
            tooltip=_("Consents to sharing health data with the host"),
        ),
        VisitorColumn.TOWN: ColumnSpec(_("Town"), lambda p: p.town_name),
    }
    return [columns[c] for c in VisitorColumn]


def visitor_haystack(p: PersonRow) -> str:
    """The text the filter box searches in a visitor's row."""
    return " ".join(
        (
            p.full_name,
            p.phone,
            p.email,
            p.town_name,
            p.party_name,
            p.household_name,
            " ".join(p.clubs),
            " ".join(p.languages),
            p.role,
        )
    )


class VisitorsModel(RowTableModel[PersonRow]):
    """The people of the selected visit."""

    def __init__(self, parent=None) -> None:
        super().__init__(visitor_columns([]), parent)
        self._clubs: list[ClubRow] = []

    def set_clubs(self, clubs: list[ClubRow]) -> None:
        """Offer these clubs in the clubs editor (the table resets only when they differ)."""
        if clubs == self._clubs:
            return
        self._clubs = list(clubs)
        self.beginResetModel()
        self._columns = visitor_columns(clubs)
        self.endResetModel()
