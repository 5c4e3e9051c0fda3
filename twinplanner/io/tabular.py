"""Read a spreadsheet (CSV in any usual encoding and delimiter, or XLSX) into plain rows."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from twinplanner.io.headers import match_headers

MAX_HEADER_SCAN = 25  # rows looked at to find the header below title rows
MAX_BYTES = 200 * 1024 * 1024

Cell = object  # str, int, float, bool, datetime, date or None
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row of the file; ``number`` is the row number the spreadsheet shows."""

    number: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """What was read from a file: where the header is, the data rows, and any file problem."""

    source: str
    format: str = ""  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    header_row: int = 0
    headers: tuple[str, ...] = ()
    rows: tuple[SourceRow, ...] = ()
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when the file could be read and has a header."""
        return not self.problems and bool(self.headers)


def read_table(path: Path | str, kind: str, *, progress: Progress | None = None) -> Table:
    """Read ``path`` for an import of ``kind``; never raises for bad content, reports instead."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return Table(
                str(path),
                problems=(f"{path} is larger than 200 MB; it is not a list of visitors or hosts.",),
            )
        data = path.read_bytes()
    except FileNotFoundError:
        return Table(str(path), problems=(f"There is no file {path}.",))
    except IsADirectoryError:
        return Table(str(path), problems=(f"{path} is a folder, not a file.",))
    except OSError as exc:
        return Table(str(path), problems=(f"Cannot read {path}: {exc.strerror or exc}.",))
    return read_bytes(data, kind, source=str(path), progress=progress)


def read_bytes(
    data: bytes, kind: str, *, source: str = "the file", progress: Progress | None = None
) -> Table:
    """Read a file's bytes (XLSX when it is a zip, CSV otherwise) into a Table."""
    try:
        if data[:4] == b"PK\x03\x04":
            return _read_xlsx(data, kind, source, progress)
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            return Table(
                source,
                problems=(
                    f"{source} is an old Excel file (.xls). Open it in "
                    "your spreadsheet program and save it as .xlsx or .csv.",
                ),
            )
        return _read_csv(data, kind, source)
    except MemoryError:
        return Table(source, problems=(f"{source} is too large to read.",))
    except Exception as exc:  # noqa: BLE001 - a damaged file must give a report, not a traceback
        return Table(
            source,
            problems=(
                f"{source} cannot be read as a spreadsheet ({type(exc).__name__}: "
                f"{str(exc)[:200]}).",
            ),
        )


# ---------------------------------------------------------------- CSV


def decode(data: bytes) -> tuple[str, str]:
    """The text of CSV bytes and the encoding used: UTF-8 (BOM or not), UTF-16, Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same, largest number of columns."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in (";", ",", "\t", "|"):
        counts = []
        for line in lines:
            try:
                counts.append(len(next(csv.reader([line], delimiter=delimiter))) - 1)
            except (csv.Error, StopIteration):
                counts.append(0)
        if not counts or max(counts) == 0:
            continue
        top = max(counts)
        # Rows with the widest split (the header and data); title rows may have fewer.
        score = top * sum(1 for c in counts if c == top) / len(counts)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes, kind: str, source: str) -> Table:
    text, encoding = decode(data)
    if "\x00" in text:
        text = text.replace("\x00", "")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    raw: list[tuple[int, list[Cell]]] = []
    line = 1
    try:
        for record in reader:
            raw.append((line, list(record)))
            line = reader.line_num + 1
    except csv.Error as exc:
        return Table(
            source,
            "csv",
            encoding,
            delimiter,
            problems=(f"{source}, line {reader.line_num}: the CSV cannot be read ({exc}).",),
        )
    names = {";": "semicolon", ",": "comma", "\t": "tab", "|": "bar"}
    table = _assemble(raw, kind, source, "csv")
    notes = (f"Read as {encoding} with {names[delimiter]}-separated columns.",)
    return Table(
        table.source,
        "csv",
        encoding,
        delimiter,
        "",
        table.header_row,
        table.headers,
        table.rows,
        table.problems,
        notes,
    )


# ---------------------------------------------------------------- XLSX


def _merged_ranges(archive: zipfile.ZipFile, sheet_path: str) -> list[tuple[int, int, int, int]]:
    """Merged cell ranges of a sheet as (min_row, min_col, max_row, max_col), 1-based."""
    from openpyxl.utils.cell import range_boundaries

    with archive.open(sheet_path) as handle:
        xml = handle.read()
    ranges = []
    for ref in re.findall(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"', xml):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        ranges.append((min_row, min_col, max_row, max_col))
    return ranges


def _read_xlsx(data: bytes, kind: str, source: str, progress: Progress | None) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return Table(
            source, "xlsx", problems=(f"{source} is not a readable XLSX workbook ({exc}).",)
        )
    try:
        best: Table | None = None
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            rows = _sheet_rows(workbook, sheet, progress)
            path = getattr(sheet, "_worksheet_path", None)
            if path:
                _fill_merged(rows, _merged_ranges(workbook._archive, path))
            table = _assemble(list(enumerate(rows, start=1)), kind, source, "xlsx")
            table = Table(
                source,
                "xlsx",
                "",
                "",
                sheet.title,
                table.header_row,
                table.headers,
                table.rows,
                table.problems,
            )
            if best is None or _score(table, kind) > _score(best, kind):
                best = table
        return best or Table(source, "xlsx", problems=(f"{source} has no visible sheet.",))
    finally:
        workbook.close()


def _sheet_rows(workbook, sheet, progress: Progress | None) -> list[list[Cell]]:
    from twinplanner.io.xlsx_fast import read_sheet_values

    try:
        return read_sheet_values(workbook, sheet, progress)
    except (
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        AttributeError,
        SyntaxError,
        OverflowError,
    ):
        pass  # something unusual: openpyxl's own, slower reading knows more cases
    rows: list[list[Cell]] = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(list(row))
        if progress is not None and len(rows) % 1000 == 0:
            progress(len(rows))
    return rows


def _fill_merged(rows: list[list[Cell]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Give every cell of a merged range the value of its top-left cell."""
    for min_row, min_col, max_row, max_col in ranges:
        if min_row > len(rows) or max_row - min_row > 10_000:
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < max_col:
                row.extend([None] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = value


def _score(table: Table, kind: str) -> tuple[int, int]:
    return (match_headers(table.headers, kind).score if table.headers else -1, len(table.rows))


# ---------------------------------------------------------------- shared


def _clean(value: Cell) -> Cell:
    if isinstance(value, str):
        value = value.replace("\u00a0", " ").strip()
        return value or None
    return value


def _is_blank(cells: Sequence[Cell]) -> bool:
    return all(c is None for c in cells)


def _header_index(raw: list[tuple[int, list[Cell]]], kind: str) -> int | None:
    """Index in ``raw`` of the header: most recognised headers, else the first wide row."""
    best_index, best_score = None, 0
    for i, (_number, cells) in enumerate(raw[:MAX_HEADER_SCAN]):
        score = match_headers([c if isinstance(c, str) else "" for c in cells], kind).score
        if score > best_score:
            best_index, best_score = i, score
    if best_index is not None:
        return best_index
    for i, (_number, cells) in enumerate(raw[:MAX_HEADER_SCAN]):
        if sum(1 for c in cells if isinstance(c, str)) >= 2:
            return i
    return None


def _assemble(raw: list[tuple[int, list[Cell]]], kind: str, source: str, fmt: str) -> Table:
    """Find the header below any title rows; keep the non-blank rows under it."""
    cleaned = [(n, [_clean(c) for c in cells]) for n, cells in raw]
    cleaned = [(n, cells) for n, cells in cleaned if not _is_blank(cells)]
    if not cleaned:
        return Table(source, fmt, problems=(f"{source} is empty: there is no row with text.",))
    index = _header_index(cleaned, kind)
    if index is None:
        return Table(
            source,
            fmt,
            problems=(
                f"{source} has no header row: the first rows should "
                "name the columns (name, date of birth, ...).",
            ),
        )
    header_number, header_cells = cleaned[index]
    width = max(len(header_cells), max(len(c) for _, c in cleaned[index:]))
    headers = tuple(str(c) if c is not None else "" for c in header_cells) + ("",) * (
        width - len(header_cells)
    )
    rows = tuple(
        SourceRow(n, tuple(cells) + (None,) * (width - len(cells)))
        for n, cells in cleaned[index + 1 :]
    )
    return Table(source, fmt, header_row=header_number, headers=headers, rows=rows)
