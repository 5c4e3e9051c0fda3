"""A lean reader of one XLSX sheet's cell values, three to five times faster than openpyxl's rows.

It reuses what openpyxl already parsed when opening the workbook (shared strings, which styles
are dates, the date epoch) and reads the sheet XML with ElementTree's C parser. Anything it does
not expect raises, and the caller then falls back to openpyxl.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

_REF = re.compile(r"([A-Z]+)(\d+)")
_COLUMN_CACHE: dict[str, int] = {}


def _column(letters: str) -> int:
    index = _COLUMN_CACHE.get(letters)
    if index is None:
        index = 0
        for ch in letters:
            index = index * 26 + ord(ch) - 64
        _COLUMN_CACHE[letters] = index
    return index


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_sheet_values(
    workbook, sheet, progress: Callable[[int], None] | None = None
) -> list[list[object]]:
    """Every row of ``sheet`` (a read-only openpyxl worksheet) as a list of cell values."""
    from openpyxl.utils.datetime import from_excel

    shared = sheet._shared_strings
    date_styles = workbook._date_formats
    epoch = workbook.epoch
    rows: list[list[object]] = []
    with workbook._archive.open(sheet._worksheet_path) as source:
        row_number = 0
        cells: dict[int, object] = {}
        next_column = 1
        for _event, element in ET.iterparse(source, events=("end",)):
            tag = _local(element.tag)
            if tag == "c":
                ref = element.get("r")
                if ref:
                    match = _REF.match(ref)
                    if match is None:
                        raise ValueError(f"cell reference {ref!r}")
                    column = _column(match[1])
                else:
                    column = next_column
                next_column = column + 1
                value = _value(element, shared, date_styles, epoch, from_excel)
                if value is not None:
                    cells[column] = value
                element.clear()
            elif tag == "row":
                r = element.get("r")
                row_number = int(r) if r else row_number + 1
                while len(rows) < row_number - 1:
                    rows.append([])
                width = max(cells) if cells else 0
                rows.append([cells.get(i) for i in range(1, width + 1)])
                cells = {}
                next_column = 1
                element.clear()
                if progress is not None and row_number % 1000 == 0:
                    progress(row_number)
    return rows


def _value(element, shared, date_styles, epoch, from_excel) -> object:
    kind = element.get("t", "n")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in element.iter() if _local(t.tag) == "t") or None
    raw = None
    for child in element:
        if _local(child.tag) == "v":
            raw = child.text
            break
    if raw is None:
        return None
    if kind == "s":
        text = shared[int(raw)]
        return str(text) if text is not None else None
    if kind in ("str", "e"):
        return raw if kind == "str" else None
    if kind == "b":
        return raw == "1"
    if kind == "d":
        return dt.datetime.fromisoformat(raw)
    real = float(raw)
    number = int(raw) if real.is_integer() and "." not in raw and "E" not in raw.upper() else real
    style = int(element.get("s", 0))
    if style in date_styles:
        return from_excel(number, epoch)
    return number
