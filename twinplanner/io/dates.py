"""Dates as partners write them: real date cells, 12.05.2009, 2009-05-12, 12/05/2009, serials."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# Excel counts days from 1899-12-30 (the 1900 leap-year bug included).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_ISO = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DMY = re.compile(
    r"^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?$")

# Languages whose writers put the day first (12.05.2009 / 12/05/2009); English is ambiguous.
DAY_FIRST_LANGUAGES = frozenset({"de", "fr", "ro", "it", "es", "pl", "nl", "pt", "cs", "ar", "tr"})


class DateOrder(StrEnum):
    """How to read a date such as 05/06/2009."""

    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a cell, or the reason it could not be read."""

    value: dt.date | None
    time: dt.time | None = None
    error: str = ""
    warning: str = ""


def _two_digit_year(yy: int, today: dt.date) -> int:
    """'09' is 2009 and '58' is 1958: years after this one go back a century."""
    year = 2000 + yy
    return year if year <= today.year else year - 100


def _time_of(text: str) -> dt.time | None:
    match = _TIME.search(text)
    if not match or ":" not in text:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return dt.time(hour, minute, second)


def _make(year: int, month: int, day: int, shown: str) -> ParsedDate:
    try:
        return ParsedDate(dt.date(year, month, day))
    except ValueError:
        return ParsedDate(None, error=f"“{shown}” is not a real date (day {day}, month {month}).")


def _split(text: str) -> tuple[int, int, int, bool] | None:
    """(first, second, year, two_digit) of a day/month/year text, or None."""
    match = _DMY.match(text)
    if not match:
        return None
    year_text = match[4]
    return int(match[1]), int(match[3]), int(year_text), len(year_text) == 2


def parse_date(
    value: object, order: DateOrder | None = None, *, today: dt.date | None = None
) -> ParsedDate:
    """Read one cell as a date; ``order`` decides 05/06/2009 (day first when None)."""
    today = today or dt.date.today()
    if value is None:
        return ParsedDate(None)
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), value.time() if value.time() != dt.time(0) else None)
    if isinstance(value, dt.date):
        return ParsedDate(value)
    if isinstance(value, bool):
        return ParsedDate(None, error=f"“{value}” is not a date.")
    if isinstance(value, int | float):
        if 1 <= value < 2_958_466:
            return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=int(value)))
        return ParsedDate(None, error=f"“{value}” is not a date.")
    text = str(value).strip()
    if not text:
        return ParsedDate(None)
    iso = _ISO.match(text)
    if iso:
        parsed = _make(int(iso[1]), int(iso[2]), int(iso[3]), text)
        return ParsedDate(parsed.value, _time_of(text), parsed.error)
    parts = _split(text)
    if parts is None:
        return ParsedDate(
            None, error=f"“{text}” is not a date (write it as 12.05.2009 or 2009-05-12)."
        )
    first, second, year, two_digit = parts
    warning = ""
    if two_digit:
        year = _two_digit_year(year, today)
        warning = f"“{text}” has a two-digit year, read as {year}."
    if order is DateOrder.MONTH_FIRST and "." not in text:
        day, month = second, first
    else:
        day, month = first, second
    parsed = _make(year, month, day, text)
    return ParsedDate(parsed.value, _time_of(text), parsed.error, warning if parsed.value else "")


def infer_order(texts: Iterable[object], language: str | None = None) -> tuple[DateOrder, bool]:
    """The order of a column's slash/dash dates, and whether it is still ambiguous.

    A value such as 25/05/2009 proves day first and 05/25/2009 proves month first; dotted dates
    are day first everywhere. Otherwise the file's language decides, and English (or no
    language) leaves the question open.
    """
    day_first_seen = month_first_seen = undecided = False
    for value in texts:
        if not isinstance(value, str):
            continue
        text = value.strip()
        parts = _split(text)
        if parts is None or "." in text:
            continue
        first, second, _year, _two = parts
        if first > 12 >= second:
            day_first_seen = True
        elif second > 12 >= first:
            month_first_seen = True
        elif first != second:
            undecided = True
    if day_first_seen and not month_first_seen:
        return DateOrder.DAY_FIRST, False
    if month_first_seen and not day_first_seen:
        return DateOrder.MONTH_FIRST, False
    if language in DAY_FIRST_LANGUAGES:
        return DateOrder.DAY_FIRST, False
    ambiguous = undecided or (day_first_seen and month_first_seen)
    return DateOrder.DAY_FIRST, ambiguous
