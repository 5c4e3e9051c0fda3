"""Checks shared by the record services: each refuses a bad value with a sentence and the field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum

from twinplanner.domain.errors import ValidationError
from twinplanner.domain.text import join_list, split_list
from twinplanner.i18n import _

_LANGUAGE = re.compile(r"^[a-z]{2}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,30}$")
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")


def text(
    value: object, field: str, label: str, *, required: bool = False, max_length: int = 2000
) -> str:
    """A trimmed string; refused when required and empty, or too long."""
    result = "" if value is None else str(value).strip()
    if required and not result:
        raise ValidationError(_("{field} must not be empty.").format(field=_(label)), field=field)
    if len(result) > max_length:
        raise ValidationError(
            _("{field} is too long (at most {n} characters).").format(field=_(label), n=max_length),
            field=field,
        )
    return result


def choice(value: object, field: str, label: str, enum: type[StrEnum]) -> str:
    """One of an enum's stored values."""
    allowed = [m.value for m in enum]
    if str(value) not in allowed:
        raise ValidationError(
            _("{field} must be one of {allowed}, not “{value}”.").format(
                field=_(label), allowed=", ".join(allowed), value=value
            ),
            field=field,
        )
    return str(value)


def flag(value: object, field: str, label: str) -> bool:
    """A yes/no value (True/False, 1/0, yes/no)."""
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("yes", "no", "true", "false"):
        return value.strip().lower() in ("yes", "true")
    raise ValidationError(
        _("{field} must be yes or no, not “{value}”.").format(field=_(label), value=value),
        field=field,
    )


def date(
    value: object,
    field: str,
    label: str,
    *,
    required: bool = False,
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
) -> dt.date | None:
    """A calendar date (a date, or text as YYYY-MM-DD); empty means unknown unless required."""
    if value is None or value == "":
        if required:
            raise ValidationError(_("{field} is required.").format(field=_(label)), field=field)
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                _("{field} must be a date written as YYYY-MM-DD, not “{value}”.").format(
                    field=_(label), value=value
                ),
                field=field,
            ) from None
    if not isinstance(value, dt.date):
        raise ValidationError(_("{field} must be a date.").format(field=_(label)), field=field)
    if earliest is not None and value < earliest:
        raise ValidationError(
            _("{field} cannot be before {date}.").format(
                field=_(label), date=f"{earliest:%Y-%m-%d}"
            ),
            field=field,
        )
    if latest is not None and value > latest:
        raise ValidationError(
            _("{field} cannot be after {date}.").format(field=_(label), date=f"{latest:%Y-%m-%d}"),
            field=field,
        )
    return value


def moment(value: object, field: str, label: str, *, required: bool = False) -> dt.datetime | None:
    """A date and time (a datetime, or text as YYYY-MM-DD HH:MM)."""
    if value is None or value == "":
        if required:
            raise ValidationError(_("{field} is required.").format(field=_(label)), field=field)
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                _(
                    "{field} must be a date and time written as YYYY-MM-DD HH:MM, not “{value}”."
                ).format(field=_(label), value=value),
                field=field,
            ) from None
    if not isinstance(value, dt.datetime):
        raise ValidationError(
            _("{field} must be a date and time.").format(field=_(label)), field=field
        )
    return value.replace(second=0, microsecond=0)


def languages(value: object, field: str, label: str) -> str:
    """Languages as ISO 639-1 codes (``("de", "fr")`` or ``"de, fr"``), stored comma-separated."""
    items = split_list(value) if isinstance(value, str) else tuple(value or ())  # type: ignore[arg-type]
    codes = [str(code).strip().lower() for code in items]
    for code in codes:
        if not _LANGUAGE.match(code):
            raise ValidationError(
                _(
                    "{field}: “{code}” is not a two-letter language code such as de, fr or ar."
                ).format(field=_(label), code=code),
                field=field,
            )
    return join_list(codes)


def members_of(value: object, field: str, label: str, enum: type[StrEnum]) -> str:
    """A list of an enum's values (e.g. pets, animal allergies), stored comma-separated."""
    items = split_list(value) if isinstance(value, str) else tuple(value or ())  # type: ignore[arg-type]
    allowed = {m.value for m in enum}
    for item in items:
        if str(item) not in allowed:
            raise ValidationError(
                _("{field}: “{value}” is not one of {allowed}.").format(
                    field=_(label), value=item, allowed=", ".join(sorted(allowed))
                ),
                field=field,
            )
    return join_list(str(i) for i in items)


def phone(value: object, field: str, label: str) -> str:
    """A phone number: digits with spaces, +, -, /, dots or brackets; empty allowed."""
    result = text(value, field, label, max_length=40)
    if result and (not _PHONE.match(result) or sum(ch.isdigit() for ch in result) < 3):
        raise ValidationError(
            _("{field} “{value}” is not a phone number (digits, spaces, + - / ( ) only).").format(
                field=_(label), value=result
            ),
            field=field,
        )
    return result


def email(value: object, field: str, label: str) -> str:
    """An e-mail address with one @ and a dot in the domain; empty allowed."""
    result = text(value, field, label, max_length=254)
    if result and not _EMAIL.match(result):
        raise ValidationError(
            _("{field} “{value}” is not an e-mail address.").format(field=_(label), value=result),
            field=field,
        )
    return result


def count(
    value: object,
    field: str,
    label: str,
    *,
    minimum: int = 0,
    maximum: int = 50,
    optional: bool = False,
) -> int | None:
    """A whole number within bounds; empty means none when optional."""
    if (value is None or value == "") and optional:
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(
            _("{field} must be a whole number, not “{value}”.").format(field=_(label), value=value),
            field=field,
        ) from None
    if isinstance(number, bool) or not minimum <= number <= maximum:
        raise ValidationError(
            _("{field} must be between {minimum} and {maximum}.").format(
                field=_(label), minimum=minimum, maximum=maximum
            ),
            field=field,
        )
    return number


def ids(values: Iterable[int], field: str, label: str) -> list[int]:
    """Distinct record ids, order kept; refuses an empty list."""
    result = list(dict.fromkeys(int(v) for v in values))
    if not result:
        raise ValidationError(_("Choose at least one {item}.").format(item=_(label)), field=field)
    return result
