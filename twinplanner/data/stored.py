"""Dates and times as SQLite hands them back (raw SQL gives ISO text) turned into Python values."""

from __future__ import annotations

import datetime as dt


def as_date(value: object) -> dt.date | None:
    """The date of a stored date or datetime (ISO text or Python value); None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_datetime(value: object) -> dt.datetime | None:
    """A stored datetime (ISO text or Python value); None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
