"""The host households table: one row per household offering beds for the visit."""

from __future__ import annotations

from enum import IntEnum

from twinplanner.domain.enums import AgeGroup, GenderPreference, Species
from twinplanner.domain.rows import HouseholdRow
from twinplanner.i18n import _, format_moment
from twinplanner.ui import choices as ch
from twinplanner.ui.table_model import ColumnSpec, RowTableModel


class HostColumn(IntEnum):
    """The columns of the host households table, in order."""

    NAME = 0
    DISTRICT = 1
    PHONE = 2
    BEDS = 3
    GUESTS = 4
    FREE = 5
    LANGUAGES = 6
    PETS = 7
    SMOKING = 8
    STEP_FREE = 9
    MINORS_CLEARED = 10
    GENDER_PREFERENCE = 11
    AGE_GROUP = 12
    AVAILABLE_UNTIL = 13
    ADDRESS = 14
    EMAIL = 15


def host_columns() -> list[ColumnSpec[HouseholdRow]]:
    """The column specs, in HostColumn order."""
    number = lambda get: lambda h: str(get(h))
    columns = {
        HostColumn.NAME: ColumnSpec(
            _("Household"), lambda h: h.contact_name, field="contact_name", editor=ch.TEXT
        ),
        HostColumn.DISTRICT: ColumnSpec(
            _("District"), lambda h: h.district, field="district", editor=ch.TEXT
        ),
        HostColumn.PHONE: ColumnSpec(_("Phone"), lambda h: h.phone, field="phone", editor=ch.TEXT),
        HostColumn.BEDS: ColumnSpec(
            _("Beds"),
            number(lambda h: h.beds),
            lambda h: h.beds,
            align_right=True,
            field="beds",
            editor=ch.COUNT,
        ),
        HostColumn.GUESTS: ColumnSpec(
            _("Guests"), number(lambda h: h.guests), lambda h: h.guests, align_right=True
        ),
        HostColumn.FREE: ColumnSpec(
            _("Free"),
            number(lambda h: h.beds_free),
            lambda h: h.beds_free,
            align_right=True,
            tooltip=_("Beds not yet taken"),
        ),
        HostColumn.LANGUAGES: ColumnSpec(
            _("Languages"),
            lambda h: ", ".join(h.languages),
            field="languages",
            editor=ch.languages_spec(),
        ),
        HostColumn.PETS: ColumnSpec(
            _("Pets"), lambda h: ch.labels(h.pets), field="pets", editor=ch.multi_spec(Species)
        ),
        HostColumn.SMOKING: ColumnSpec(_("Smoking"), lambda h: "", field="smoking", editor=ch.FLAG),
        HostColumn.STEP_FREE: ColumnSpec(
            _("Step-free"), lambda h: "", field="step_free", editor=ch.FLAG
        ),
        HostColumn.MINORS_CLEARED: ColumnSpec(
            _("Minors cleared"), lambda h: "", field="minors_cleared", editor=ch.FLAG
        ),
        HostColumn.GENDER_PREFERENCE: ColumnSpec(
            _("Guests' gender"),
            lambda h: ch.label(h.gender_preference),
            field="gender_preference",
            editor=ch.enum_spec(GenderPreference),
        ),
        HostColumn.AGE_GROUP: ColumnSpec(
            _("Age group"),
            lambda h: ch.label(h.age_group),
            field="age_group",
            editor=ch.enum_spec(AgeGroup),
        ),
        HostColumn.AVAILABLE_UNTIL: ColumnSpec(
            _("Available until"),
            lambda h: "" if h.available_until is None else format_moment(h.available_until),
            lambda h: "" if h.available_until is None else h.available_until.isoformat(),
            field="available_until",
            editor=ch.MOMENT,
        ),
        HostColumn.ADDRESS: ColumnSpec(
            _("Address"), lambda h: h.address, field="address", editor=ch.TEXT
        ),
        HostColumn.EMAIL: ColumnSpec(_("E-mail"), lambda h: h.email, field="email", editor=ch.TEXT),
    }
    return [columns[c] for c in HostColumn]


def host_haystack(h: HouseholdRow) -> str:
    """The text the filter box searches in a household's row."""
    return " ".join(
        (
            h.contact_name,
            h.members,
            h.address,
            h.district,
            h.phone,
            h.email,
            h.town_name,
            " ".join(h.languages),
        )
    )


class HostsModel(RowTableModel[HouseholdRow]):
    """The households offering beds for the selected visit."""

    def __init__(self, parent=None) -> None:
        super().__init__(host_columns(), parent)
