"""The table models of visits, visitors and host households."""

from __future__ import annotations

from twinplanner.domain.rows import HouseholdRow, PersonRow, VisitRow
from twinplanner.i18n import _
from twinplanner.ui.table_model import ColumnSpec, RowTableModel


def _yes(flag: bool) -> str:
    return _("yes") if flag else ""


def visits_model(parent=None) -> RowTableModel[VisitRow]:
    """Visits: year, partnership, direction, dates, status."""
    return RowTableModel(
        [
            ColumnSpec(_("Year"), lambda v: str(v.year), lambda v: v.year),
            ColumnSpec(_("Visit"), lambda v: v.title or v.partnership_label),
            ColumnSpec(_("Arrival"), lambda v: f"{v.arrival_at:%Y-%m-%d %H:%M}"),
            ColumnSpec(_("Departure"), lambda v: f"{v.departure_at:%Y-%m-%d %H:%M}"),
            ColumnSpec(_("Status"), lambda v: v.status),
        ],
        parent,
    )


def visitors_model(parent=None) -> RowTableModel[PersonRow]:
    """People of a visit: name, town, role, age, party, languages, where they stay."""
    return RowTableModel(
        [
            ColumnSpec(_("Name"), lambda p: p.full_name),
            ColumnSpec(_("Town"), lambda p: p.town_name),
            ColumnSpec(_("Role"), lambda p: p.role),
            ColumnSpec(
                _("Age"),
                lambda p: "" if p.age is None else str(p.age),
                lambda p: -1 if p.age is None else p.age,
                align_right=True,
            ),
            ColumnSpec(_("Party"), lambda p: p.party_name),
            ColumnSpec(_("Languages"), lambda p: ", ".join(p.languages)),
            ColumnSpec(_("Clubs"), lambda p: ", ".join(p.clubs)),
            ColumnSpec(_("Staying with"), lambda p: p.household_name),
            ColumnSpec(_("Phone"), lambda p: p.phone),
        ],
        parent,
    )


def hosts_model(parent=None) -> RowTableModel[HouseholdRow]:
    """Households of a visit: contact, district, beds, guests, pets and flags."""
    return RowTableModel(
        [
            ColumnSpec(_("Household"), lambda h: h.contact_name),
            ColumnSpec(_("District"), lambda h: h.district),
            ColumnSpec(_("Phone"), lambda h: h.phone),
            ColumnSpec(_("Beds"), lambda h: str(h.beds), lambda h: h.beds, align_right=True),
            ColumnSpec(_("Guests"), lambda h: str(h.guests), lambda h: h.guests, align_right=True),
            ColumnSpec(_("Languages"), lambda h: ", ".join(h.languages)),
            ColumnSpec(_("Pets"), lambda h: ", ".join(h.pets)),
            ColumnSpec(_("Smoking"), lambda h: _yes(h.smoking)),
            ColumnSpec(_("Minors cleared"), lambda h: _yes(h.minors_cleared)),
        ],
        parent,
    )
