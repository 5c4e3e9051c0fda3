"""Intake templates (XLSX) for the partner committee or the hosts, in their language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from twinplanner.io.atomic import atomic_write
from twinplanner.io.headers import FIELDS, READ_ONLY_FIELDS, spec_of
from twinplanner.io.template_text import (
    DATE_FORMATS,
    PY_DATE_FORMATS,
    SHEETS,
    TITLES,
    WHO,
    instructions,
)
from twinplanner.io.values import COMMON_LANGUAGES, TEMPLATE_LANGUAGES, language_name, words

HEADER_ROW = 3
TEMPLATE_ROWS = {"visitors": 400, "hosts": 300}
_LISTS = "Lists"
# Which list a field's dropdown offers, and whether a cell may hold several items.
_DROPDOWNS = {
    "flag": ("flag", False),
    "gender": ("gender", False),
    "role": ("role", False),
    "species": ("species", True),
    "allergies": ("species", True),
    "languages": ("languages", True),
    "gender_preference": ("gender_preference", False),
    "age_group": ("age_group", False),
}
_WIDTHS = {
    "text": 22,
    "date": 14,
    "flag": 10,
    "gender": 12,
    "languages": 24,
    "species": 18,
    "allergies": 22,
    "role": 16,
    "int": 9,
    "email": 28,
    "phone": 18,
}


@dataclass(frozen=True, slots=True)
class TemplateVisit:
    """What a template says about the visit."""

    title: str
    arrival: dt.date
    departure: dt.date


def template_language(lang: str) -> str:
    """The template language for a requested one: en, de, fr or ro (English for the rest)."""
    base = (lang or "en").replace("-", "_").split("_")[0].lower()
    return base if base in TEMPLATE_LANGUAGES else "en"


def template_fields(kind: str) -> list[str]:
    """The fields a template has a column for, in order."""
    return [spec.name for spec in FIELDS[kind] if spec.name not in READ_ONLY_FIELDS]


def build_template(kind: str, lang: str, visit: TemplateVisit):
    """An openpyxl workbook: instructions, the sheet to fill in, and hidden dropdown lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = template_language(lang)
    fields = template_fields(kind)
    labels = {name: spec_of(kind, name).label(lang) for name in fields}
    book = Workbook()
    guide = book.active
    guide.title = SHEETS["instructions"][lang]
    sheet = book.create_sheet(SHEETS[kind][lang][:31])
    lists = book.create_sheet(_LISTS)
    lists.sheet_state = "hidden"

    fmt = PY_DATE_FORMATS[lang]
    start, end = visit.arrival.strftime(fmt), visit.departure.strftime(fmt)
    title = TITLES[kind][lang].format(title=visit.title, start=start, end=end)
    guide["A1"] = title
    guide["A1"].font = Font(bold=True, size=14)
    values = dict(
        sheet=sheet.title,
        who=WHO[kind][lang],
        title=visit.title,
        start=start,
        end=end,
        date_format=DATE_FORMATS[lang],
        example=dt.date(2009, 5, 12).strftime(fmt),
        party=labels.get("party", ""),
        available_from=labels.get("available_from", ""),
        available_until=labels.get("available_until", ""),
    )
    for i, line in enumerate(instructions(kind, lang, **values), start=3):
        guide.cell(row=i, column=1, value=line).alignment = Alignment(wrap_text=True)
    guide.column_dimensions["A"].width = 110

    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=min(len(fields), 8))
    fill = PatternFill("solid", fgColor="DDE7F0")
    for col, name in enumerate(fields, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=labels[name])
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        kind_of = spec_of(kind, name).kind
        sheet.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(kind_of, 18)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)

    last = HEADER_ROW + TEMPLATE_ROWS[kind]
    list_columns: dict[str, str] = {}
    for col, name in enumerate(fields, start=1):
        kind_of = spec_of(kind, name).kind
        letter = get_column_letter(col)
        cells = f"{letter}{HEADER_ROW + 1}:{letter}{last}"
        if kind_of == "date":
            for row in range(HEADER_ROW + 1, last + 1):
                sheet[f"{letter}{row}"].number_format = DATE_FORMATS[lang]
            continue
        if kind_of not in _DROPDOWNS:
            continue
        list_name, several = _DROPDOWNS[kind_of]
        if list_name not in list_columns:
            items = _language_items(lang) if list_name == "languages" else words(list_name, lang)
            list_col = get_column_letter(len(list_columns) + 1)
            for r, item in enumerate(items, start=1):
                lists[f"{list_col}{r}"] = item
            list_columns[list_name] = f"{_LISTS}!${list_col}$1:${list_col}${len(items)}"
        validation = DataValidation(
            type="list", formula1=f"={list_columns[list_name]}", allow_blank=True
        )
        if several:  # "Deutsch, Französisch" is fine: warn but accept typed lists
            validation.errorStyle = "warning"
            validation.showErrorMessage = False
        sheet.add_data_validation(validation)
        validation.add(cells)
    book.active = 0
    return book


def _language_items(lang: str) -> list[str]:
    return [language_name(code, lang) for code in COMMON_LANGUAGES]


def write_template(path: Path | str, kind: str, lang: str, visit: TemplateVisit) -> Path:
    """Write the template to ``path`` whole or not at all, readable by the owner only."""
    path = Path(path)
    book = build_template(kind, lang, visit)
    with atomic_write(path) as out:
        book.save(out)
    return path
