"""Export visitors, host households, placements or a whole visit to CSV/XLSX; templates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from twinplanner.data import queries
from twinplanner.domain.errors import ValidationError
from twinplanner.domain.rows import HouseholdRow, PersonRow
from twinplanner.domain.text import fold
from twinplanner.i18n import _
from twinplanner.io.export import Sheet, format_of, write_table, write_xlsx
from twinplanner.io.headers import HOSTS, VISITORS, spec_of
from twinplanner.io.templates import (
    TemplateVisit,
    template_fields,
    template_language,
    write_template,
)
from twinplanner.io.values import language_name, word
from twinplanner.services import placement

EXPORT_KINDS = ("visitors", "hosts", "placements", "visit")
_EXTRA = {
    "en": {
        "household": "Staying with",
        "household_phone": "Host phone",
        "guests": "Guests placed",
        "age": "Age",
    },
    "de": {
        "household": "Wohnt bei",
        "household_phone": "Telefon Gastgeber",
        "guests": "Untergebrachte Gäste",
        "age": "Alter",
    },
    "fr": {
        "household": "Logé chez",
        "household_phone": "Téléphone de l'hôte",
        "guests": "Invités logés",
        "age": "Âge",
    },
    "ro": {
        "household": "Cazat la",
        "household_phone": "Telefonul gazdei",
        "guests": "Oaspeți cazați",
        "age": "Vârsta",
    },
}


def _cell(kind: str, name: str, value: object, lang: str) -> object:
    """A stored value as the words a spreadsheet reader expects, in ``lang``."""
    field_kind = spec_of(kind, name).kind
    if value is None or value == () or value == "":
        return None
    if field_kind == "flag":
        return word("flag", "yes" if value else "no", lang)
    if field_kind in ("gender", "role", "gender_preference", "age_group"):
        try:
            return word(field_kind, str(value), lang)
        except KeyError:
            return str(value)
    if field_kind == "languages":
        return ", ".join(language_name(code, lang) for code in value)  # type: ignore[union-attr]
    if field_kind in ("species", "allergies") and isinstance(value, tuple):
        return ", ".join(word("species", s, lang) for s in value)
    return value


def _person_value(person: PersonRow, name: str) -> object:
    if name == "party":
        return person.party_name
    if name == "club":
        return person.clubs[0] if person.clubs else ""
    return getattr(person, name)


def visitors_sheet(visit_id: int, lang: str = "en") -> Sheet:
    """The guests of a visit, one row each, in the columns an import reads back."""
    lang = template_language(lang)
    fields = template_fields(VISITORS)
    extra = _EXTRA[lang]
    headers = (
        *[spec_of(VISITORS, f).label(lang) for f in fields],
        extra["age"],
        extra["household"],
        extra["household_phone"],
    )
    rows = []
    for person in queries.visit_people(visit_id):
        if not person.is_guest:
            continue
        cells = [_cell(VISITORS, f, _person_value(person, f), lang) for f in fields]
        rows.append(
            (*cells, person.age, person.household_name or None, person.household_phone or None)
        )
    return Sheet(_title(VISITORS, lang), headers, tuple(rows))


def _household_value(household: HouseholdRow, name: str) -> object:
    if name == "full_name":
        return household.contact_name
    if name in ("available_from", "available_until"):
        return getattr(household, name)
    return getattr(household, name)


def hosts_sheet(visit_id: int, lang: str = "en") -> Sheet:
    """The households offering beds for a visit, in the columns an import reads back."""
    lang = template_language(lang)
    fields = template_fields(HOSTS)
    headers = (*[spec_of(HOSTS, f).label(lang) for f in fields], _EXTRA[lang]["guests"])
    rows = []
    for household in queries.visit_households(visit_id):
        cells = [_cell(HOSTS, f, _household_value(household, f), lang) for f in fields]
        rows.append((*cells, household.guests))
    return Sheet(_title(HOSTS, lang), headers, tuple(rows))


PLACEMENT_HEADERS = (
    "Visitor",
    "Party",
    "Minor",
    "Household",
    "Address",
    "District",
    "Host phone",
    "Locked",
    "Placed by",
    "Override reason",
)


def placements_sheet(visit_id: int) -> Sheet:
    """Every guest of a visit with the household they stay with (empty when not yet placed)."""
    placements = placement.placements_by_visitor(visit_id)
    placements.sort(
        key=lambda v: (v.household_id is None, fold(v.household), fold(v.party), fold(v.visitor))
    )
    rows = []
    for v in placements:
        placed = v.household_id is not None
        rows.append(
            (
                v.visitor,
                v.party or None,
                "yes" if v.minor else "no",
                v.household if placed else None,
                v.address if placed else None,
                v.district if placed else None,
                v.phone if placed else None,
                ("yes" if v.locked else "no") if placed else None,
                v.placed_by or None,
                v.override_reason or None,
            )
        )
    return Sheet("Placements", PLACEMENT_HEADERS, tuple(rows))


def _title(kind: str, lang: str) -> str:
    from twinplanner.io.template_text import SHEETS

    return SHEETS[kind][lang]


def visit_workbook_sheets(visit_id: int, lang: str = "en") -> list[Sheet]:
    """The whole visit as sheets: summary, visitors, parties, households, placements, programme."""
    visit = queries.visit(visit_id)
    summary = Sheet(
        "Visit",
        ("Item", "Value"),
        (
            ("Visit", visit.title or visit.partnership_label),
            ("Partnership", visit.partnership_label),
            ("Year", visit.year),
            ("Direction", visit.direction),
            ("Status", visit.status),
            ("Arrival", visit.arrival_at),
            ("Arrival place", visit.arrival_place),
            ("Departure", visit.departure_at),
            ("Departure place", visit.departure_place),
            ("Working languages", ", ".join(visit.working_languages)),
            ("Exported", dt.datetime.now().replace(microsecond=0)),
        ),
    )
    parties = Sheet(
        "Parties",
        ("Party", "Kind", "Size", "Members", "Household", "Locked"),
        tuple(
            (
                p.name,
                p.kind,
                p.size,
                ", ".join(p.member_names),
                p.household_name or None,
                "yes" if p.locked else "no",
            )
            for p in queries.visit_parties(visit_id)
        ),
    )
    events = Sheet(
        "Programme",
        (
            "Starts",
            "Ends",
            "Event",
            "Kind",
            "Venue",
            "Meeting point",
            "Meeting at",
            "Transport",
            "Responsible",
            "Public",
            "Notes",
        ),
        tuple(
            (
                e.starts_at,
                e.ends_at,
                e.title,
                e.kind,
                e.venue_name or None,
                e.meeting_point or None,
                e.meeting_at,
                e.transport or None,
                e.responsible_name or None,
                "yes" if e.public else "no",
                e.notes or None,
            )
            for e in queries.visit_events(visit_id)
        ),
    )
    return [
        summary,
        visitors_sheet(visit_id, lang),
        parties,
        hosts_sheet(visit_id, lang),
        placements_sheet(visit_id),
        events,
    ]


def export(
    kind: str, visit_id: int, path: Path | str, *, lang: str = "en", delimiter: str = ","
) -> Path:
    """Write one export to ``path`` (.csv or .xlsx); the whole visit needs .xlsx."""
    suffix = format_of(path)
    if kind == "visitors":
        return write_table(path, visitors_sheet(visit_id, lang), delimiter=delimiter)
    if kind == "hosts":
        return write_table(path, hosts_sheet(visit_id, lang), delimiter=delimiter)
    if kind == "placements":
        return write_table(path, placements_sheet(visit_id), delimiter=delimiter)
    if kind == "visit":
        if suffix != ".xlsx":
            raise ValidationError(
                _(
                    "{path}: the whole visit is exported as one workbook; use a file ending in "
                    ".xlsx."
                ).format(path=path)
            )
        return write_xlsx(path, visit_workbook_sheets(visit_id, lang))
    raise ValidationError(
        _("Export “{kind}”? Choose one of {kinds}.").format(
            kind=kind, kinds=", ".join(EXPORT_KINDS)
        )
    )


def template(kind: str, visit_id: int, path: Path | str, *, lang: str) -> Path:
    """Write the intake template of ``kind`` ('visitors' or 'hosts') for a visit, in ``lang``."""
    if kind not in (VISITORS, HOSTS):
        raise ValidationError(_("Template “{kind}”? Choose visitors or hosts.").format(kind=kind))
    if Path(path).suffix.lower() != ".xlsx":
        raise ValidationError(
            _("{path}: a template is a workbook; use a file ending in .xlsx.").format(path=path)
        )
    visit = queries.visit(visit_id)
    info = TemplateVisit(
        visit.title or visit.partnership_label, visit.arrival_at.date(), visit.departure_at.date()
    )
    return write_template(path, kind, lang, info)
