"""Write tables to CSV or XLSX, whole or not at all, readable by the owner only."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from twinplanner.domain.errors import ValidationError
from twinplanner.io.atomic import atomic_write, write_bytes

FORMATS = (".csv", ".xlsx")


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table to write: a title (the XLSX sheet name), the headers and the rows."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def format_of(path: Path | str) -> str:
    """'.csv' or '.xlsx' from the file name, or a ValidationError saying which are possible."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            f"{path}: write to a file ending in .csv or .xlsx, not “{suffix or 'no ending'}”."
        )
    return suffix


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not _looks_numeric(value):
        # A cell starting with '=' would run as a formula when the CSV is opened in a spreadsheet.
        return "'" + value
    return value


def _looks_numeric(text: str) -> bool:
    return text[:1] == "+" and text[1:].replace(" ", "").replace("-", "").isdigit()


def write_csv(path: Path | str, sheet: Sheet, *, delimiter: str = ",") -> Path:
    """Write one table as UTF-8 CSV with a byte-order mark (so spreadsheets read accents)."""
    path = Path(path)
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(sheet.headers)
        for row in sheet.rows:
            writer.writerow([_csv_value(v) for v in row])
    return path


def _xlsx_value(value: object) -> object:
    if isinstance(value, str) and value[:1] == "=":
        return "'" + value  # never a formula
    return value


def write_xlsx(path: Path | str, sheets: Sequence[Sheet]) -> Path:
    """Write tables as sheets of one workbook: bold frozen headers, filters, real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    used: set[str] = set()
    for sheet in sheets:
        title = _sheet_title(sheet.title, used)
        ws = book.create_sheet(title)
        ws.freeze_panes = "A2"
        widths = [min(max(len(str(h)), 8) + 2, 40) for h in sheet.headers]
        for row in sheet.rows[:200]:
            for i, value in enumerate(row[: len(widths)]):
                widths[i] = min(max(widths[i], len(str(value or "")) + 2), 50)
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        from openpyxl.cell import WriteOnlyCell

        header_cells = []
        for h in sheet.headers:
            cell = WriteOnlyCell(ws, value=h)
            cell.font = bold
            header_cells.append(cell)
        ws.append(header_cells)
        for row in sheet.rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(ws, value=_xlsx_value(value))
                if isinstance(value, dt.datetime):
                    cell.number_format = "YYYY-MM-DD HH:MM"
                elif isinstance(value, dt.date):
                    cell.number_format = "YYYY-MM-DD"
                cells.append(cell)
            ws.append(cells)
        if sheet.headers:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.headers))}{len(sheet.rows) + 1}"
    # Saved to memory first: a write-only workbook must always be saved, even when the target
    # folder turns out not to be writable.
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes(path, buffer.getvalue())
    return path


def _sheet_title(title: str, used: set[str]) -> str:
    clean = "".join("_" if c in "[]:*?/\\" else c for c in title)[:31] or "Sheet"
    candidate, n = clean, 2
    while candidate.casefold() in used:
        candidate = f"{clean[:28]} {n}"
        n += 1
    used.add(candidate.casefold())
    return candidate


def write_table(path: Path | str, sheet: Sheet, *, delimiter: str = ",") -> Path:
    """Write one table as CSV or XLSX, chosen by the file's ending."""
    if format_of(path) == ".csv":
        return write_csv(path, sheet, delimiter=delimiter)
    return write_xlsx(path, [sheet])
