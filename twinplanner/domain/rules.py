"""Rules derived from stored facts: ages and minors. One place for them."""

from __future__ import annotations

import datetime as dt

ADULT_AGE = 18


def age_on(birth_date: dt.date | None, day: dt.date) -> int | None:
    """Age in whole years on ``day``; None when the birth date is unknown."""
    if birth_date is None:
        return None
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def is_minor(birth_date: dt.date | None, day: dt.date) -> bool:
    """True when the person is under 18 on ``day`` (unknown birth dates count as adults)."""
    age = age_on(birth_date, day)
    return age is not None and age < ADULT_AGE


def age_band(age: int | None) -> str:
    """The age band printed on grant signature lists."""
    if age is None:
        return ""
    if age < 12:
        return "0-11"
    if age < 18:
        return "12-17"
    if age < 27:
        return "18-26"
    return "27+"
