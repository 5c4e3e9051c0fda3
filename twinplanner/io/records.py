"""Turn the rows of a read table into checked records, with every problem by row and column."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from twinplanner.domain.text import fold
from twinplanner.io.dates import DateOrder, infer_order, parse_date
from twinplanner.io.headers import HOSTS, VISITORS, HeaderMatch, spec_of
from twinplanner.io.tabular import Table
from twinplanner.io.values import read_choice, read_language, split_items

ERROR = "error"
WARNING = "warning"
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")
_INT = re.compile(r"^\s*(\d{1,4})(?:[.,]0+)?\b")
NAME_FIELDS = frozenset({"full_name", "first_name", "last_name"})
ADDRESS_PARTS = ("address", "postcode", "city")
UNTIL_HOUR = dt.time(12, 0)  # "available until 15 May": guests leave that day by noon


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the file: the row the spreadsheet shows (None: whole file) and column."""

    row: int | None
    column: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = ", ".join(
            x
            for x in (
                f"row {self.row}" if self.row else "",
                f"column “{self.column}”" if self.column else "",
            )
            if x
        )
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True, slots=True)
class Record:
    """One person or household read from a row: only the fields with a value in the file."""

    row: int
    values: Mapping[str, object] = field(hash=False)

    @property
    def name(self) -> str:
        """The person's or contact's full name."""
        return str(self.values.get("full_name", ""))


@dataclass(frozen=True, slots=True)
class ParsedImport:
    """A file read and checked, before any comparison with the database."""

    kind: str
    source: str
    sheet: str
    header_row: int
    columns: tuple[tuple[str, str | None], ...]  # (header, field) in file order
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]
    date_order: DateOrder | None
    date_order_ambiguous: bool
    language: str | None
    notes: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that stop the import."""
        return tuple(p for p in self.problems if p.severity == ERROR)

    def fields(self) -> frozenset[str]:
        """The fields the file has a column for."""
        return frozenset(f for _, f in self.columns if f)


def parse_table(
    table: Table,
    match: HeaderMatch,
    kind: str,
    date_order: DateOrder | None = None,
    *,
    today: dt.date | None = None,
) -> ParsedImport:
    """Check every row of ``table`` against the columns ``match`` recognised."""
    today = today or dt.date.today()
    columns = tuple(zip(table.headers, match.fields, strict=True))
    problems: list[Problem] = [Problem(None, "", p) for p in table.problems]
    if not table.ok:
        return ParsedImport(
            kind,
            table.source,
            table.sheet,
            table.header_row,
            columns,
            (),
            tuple(problems),
            date_order,
            False,
            match.language,
            table.notes,
        )
    header_of = {f: h for h, f in columns if f}
    if not NAME_FIELDS & set(header_of):
        problems.append(
            Problem(
                None,
                "",
                "No column holds the names (a column such as “Name” or "
                "“Vorname”/“Nachname”). Choose which column is the name.",
            )
        )
    date_fields = [f for f in header_of if spec_of(kind, f).kind == "date"]
    ambiguous = False
    order = date_order
    if order is None and date_fields:
        index = {f: i for i, (_, f) in enumerate(columns) if f}
        texts = [row.cells[index[f]] for f in date_fields for row in table.rows]
        order, ambiguous = infer_order(texts, match.language)
        if ambiguous:
            problems.append(
                Problem(
                    None,
                    header_of[date_fields[0]],
                    "Dates such as 05/06/2009 could mean 5 June or 6 May. Say "
                    "whether the day or the month comes first.",
                )
            )
    records = []
    for row in table.rows:
        values, row_problems = _parse_row(row.cells, columns, kind, order, today)
        problems.extend(Problem(row.number, col, msg, sev) for col, msg, sev in row_problems)
        if values is None:
            continue
        records.append(Record(row.number, values))
    problems.extend(_duplicates(records, kind, header_of))
    return ParsedImport(
        kind,
        table.source,
        table.sheet,
        table.header_row,
        columns,
        tuple(records),
        tuple(problems),
        order,
        ambiguous,
        match.language,
        table.notes,
    )


Issue = tuple[str, str, str]  # column header, message, severity


def _parse_row(
    cells: tuple[object, ...],
    columns: tuple[tuple[str, str | None], ...],
    kind: str,
    order: DateOrder | None,
    today: dt.date,
) -> tuple[dict | None, list[Issue]]:
    issues: list[Issue] = []
    values: dict[str, object] = {}
    raw: dict[str, object] = {}
    header_of: dict[str, str] = {}
    for (header, name), cell in zip(columns, cells, strict=False):
        if name and cell is not None:
            raw[name] = cell
            header_of[name] = header
    if not raw:
        return None, []
    for name, cell in raw.items():
        if name in NAME_FIELDS or name in ADDRESS_PARTS:
            continue
        reader = _READERS[spec_of(kind, name).kind]
        value, message, severity = reader(cell, name, order, today)
        if message:
            issues.append((header_of[name], message, severity))
        if value is not None and (not message or severity == WARNING):
            values[name] = value
    full = _full_name(raw)
    in_file = {f: h for h, f in columns if f}
    name_header = next(
        (in_file[f] for f in ("full_name", "last_name", "first_name") if f in in_file), ""
    )
    if not full:
        issues.append((name_header, "The name is missing.", ERROR))
    elif len(full) > 200:
        issues.append((name_header, "The name is longer than 200 characters.", ERROR))
    else:
        values["full_name"] = full
        missing = [f for f in ("first_name", "last_name") if f in in_file and raw.get(f) is None]
        if missing and ("first_name" in raw or "last_name" in raw) and "full_name" not in raw:
            part = "family name" if missing[0] == "last_name" else "first name"
            issues.append(
                (name_header, f"Only part of the name is given: the {part} is missing.", WARNING)
            )
    if kind == HOSTS:
        _host_checks(raw, values, header_of, issues)
    if "allergies" in values:
        text, animals = values.pop("allergies")  # type: ignore[misc]
        if text:
            values["allergies"] = text
        if animals:
            values["animal_allergies"] = tuple(
                dict.fromkeys(tuple(values.get("animal_allergies", ())) + animals)
            )  # type: ignore[arg-type]
    return values, issues


def _full_name(raw: Mapping[str, object]) -> str:
    parts = [raw.get("full_name"), raw.get("first_name"), raw.get("last_name")]
    if raw.get("full_name") is not None and raw.get("first_name") is not None:
        parts = [raw.get("first_name"), raw.get("full_name")]
    return " ".join(" ".join(str(p).split()) for p in parts if p is not None and str(p).strip())


def _host_checks(
    raw: Mapping[str, object],
    values: dict[str, object],
    header_of: Mapping[str, str],
    issues: list[Issue],
) -> None:
    parts = [str(raw[p]).strip() for p in ("address",) if raw.get(p) is not None]
    town = " ".join(str(raw[p]).strip() for p in ("postcode", "city") if raw.get(p) is not None)
    if town:
        parts.append(town)
    if parts:
        values["address"] = ", ".join(parts)
    beds, doubles = values.get("beds"), values.get("double_beds")
    if isinstance(beds, int) and isinstance(doubles, int) and doubles * 2 > beds:
        issues.append(
            (
                header_of.get("double_beds", ""),
                f"{doubles} double beds need at least {doubles * 2} beds, not {beds}.",
                ERROR,
            )
        )
    start, end = values.get("available_from"), values.get("available_until")
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime) and end <= start:
        issues.append(
            (
                header_of.get("available_until", ""),
                "“Available until” is not after “available from”.",
                ERROR,
            )
        )


Reader = Callable[[object, str, DateOrder | None, dt.date], tuple[object, str, str]]


def _text(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    if isinstance(cell, dt.datetime | dt.date):
        cell = cell.isoformat()[:10]
    elif isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    if len(text) > 2000:
        return None, "The text is longer than 2000 characters.", ERROR
    return text or None, "", ""


def _phone(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        # A phone number that the spreadsheet stored as a number lost its leading 0 or +.
        return (
            str(int(cell)),
            "The phone number was stored as a number; check its leading 0 or +.",
            WARNING,
        )
    return _text(cell, name, order, today)


def _email(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    text = str(cell).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not _EMAIL.match(text):
        return text, f"“{text}” does not look like an e-mail address.", WARNING
    return text, "", ""


def _date(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    parsed = parse_date(cell, order, today=today)
    if parsed.error:
        return None, parsed.error, ERROR
    if parsed.value is None:
        return None, "", ""
    if name == "birth_date":
        if parsed.value > today:
            return None, f"The date of birth {parsed.value:%d.%m.%Y} lies in the future.", ERROR
        if parsed.value.year < 1900:
            return None, f"The date of birth {parsed.value:%d.%m.%Y} is impossible.", ERROR
        return parsed.value, parsed.warning, WARNING if parsed.warning else ""
    if parsed.value.year < 2000 or parsed.value.year > 2200:
        return None, f"The date {parsed.value:%d.%m.%Y} is impossible for a visit.", ERROR
    time = parsed.time or (UNTIL_HOUR if name == "available_until" else dt.time(0))
    return (
        dt.datetime.combine(parsed.value, time),
        parsed.warning,
        WARNING if parsed.warning else "",
    )


def _choice(vocabulary: str, hint: str) -> Reader:
    def read(
        cell: object, name: str, order: DateOrder | None, today: dt.date
    ) -> tuple[object, str, str]:
        value = read_choice(vocabulary, cell)
        if value is None:
            return None, f"“{cell}” is not understood; write {hint}.", ERROR
        return (value == "yes") if vocabulary == "flag" else value, "", ""

    return read


def _role(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    value = read_choice("role", cell)
    if value is None:
        return (
            "other",
            f"The role “{cell}” is not one TwinPlanner knows; stored as “other”.",
            WARNING,
        )
    return value, "", ""


def _languages(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    codes: list[str] = []
    unknown: list[str] = []
    for item in split_items(str(cell)):
        code = read_language(item)
        (codes if code else unknown).append(code or item)
    if unknown:
        names = ", ".join(f"“{u}”" for u in unknown)
        return (
            None,
            f"Unknown language {names}: write the language's name or its two-letter code.",
            ERROR,
        )
    return tuple(dict.fromkeys(codes)) or None, "", ""


def _species(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    if read_choice("flag", cell) == "no":
        return (), "", ""
    found: list[str] = []
    unknown: list[str] = []
    for item in split_items(str(cell)):
        value = read_choice("species", item)
        (found if value else unknown).append(value or item)
    if unknown:
        names = ", ".join(f"“{u}”" for u in unknown)
        return (
            None,
            (
                f"Unknown animal {names}: write cat, dog, horse, rabbit, rodent or bird "
                "(in any of the list's languages)."
            ),
            ERROR,
        )
    return tuple(dict.fromkeys(found)), "", ""


def _allergies(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    """Food allergies stay text; animals named among them also become animal allergies."""
    text = str(cell).strip()
    if read_choice("flag", text) == "no":
        return ("", ()), "", ""
    items = split_items(text)
    animals = tuple(dict.fromkeys(a for a in (read_choice("species", i) for i in items) if a))
    rest = [i for i in items if not read_choice("species", i)]
    return (", ".join(rest), animals), "", ""


def _int(
    cell: object, name: str, order: DateOrder | None, today: dt.date
) -> tuple[object, str, str]:
    if isinstance(cell, bool):
        return None, f"“{cell}” is not a number.", ERROR
    if isinstance(cell, int | float):
        number = int(cell) if float(cell).is_integer() and cell >= 0 else None
    else:
        match = _INT.match(str(cell))
        number = int(match[1]) if match else None
    if number is None:
        return None, f"“{cell}” is not a whole number.", ERROR
    if number > 50:
        return None, f"{number} is more than a household can take (at most 50).", ERROR
    return number, "", ""


_READERS: dict[str, Reader] = {
    "text": _text,
    "phone": _phone,
    "email": _email,
    "date": _date,
    "role": _role,
    "languages": _languages,
    "species": _species,
    "allergies": _allergies,
    "int": _int,
    "flag": _choice("flag", "yes or no"),
    "gender": _choice("gender", "female, male, diverse or unknown"),
    "gender_preference": _choice("gender_preference", "any, women only or men only"),
    "age_group": _choice("age_group", "any, young people or adults"),
}


def person_key(record: Record) -> tuple[str, object]:
    """Folded name and birth date: two rows with the same key are the same person."""
    return fold(record.name), record.values.get("birth_date")


def _duplicates(records: list[Record], kind: str, header_of: Mapping[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[object, int] = {}
    name_header = next(
        (header_of[f] for f in ("full_name", "last_name", "first_name") if f in header_of), ""
    )
    for record in records:
        if not record.name:
            continue
        if kind == VISITORS:
            keys: list[object] = [("name", *person_key(record))]
        else:
            keys = [("name", fold(record.name), fold(str(record.values.get("address", ""))))]
        email = str(record.values.get("email", "")).strip().casefold()
        if email:
            keys.append(("email", email))
        for key in keys:
            if key in seen:
                what = "person" if kind == VISITORS else "household"
                how = (
                    "e-mail address"
                    if key[0] == "email"
                    else ("name and date of birth" if kind == VISITORS else "name and address")
                )
                problems.append(
                    Problem(
                        record.row, name_header, f"Duplicate {what}: same {how} as row {seen[key]}."
                    )
                )
                break
        for key in keys:
            seen.setdefault(key, record.row)
    return problems
