"""Words and languages: gettext for the window, and per-recipient translations for documents."""

from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
DOMAIN = "twinplanner"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"

# The window shows dates in a few fixed shapes (day and month, with the weekday, with the year)
# whose words and order follow the language; German writes the day as an ordinal ("12. Mai").
_DATE_FORMATS = {
    "day": "d MMMM",
    "weekday": "EEE dd MMM",
    "short": "d MMM",
    "medium": "EEE d MMM",
    "long": "d MMMM y",
    "full": "EEEE d MMMM y",
}
_DATE_FORMATS_BY_LANG = {
    "de": {
        "day": "d. MMMM",
        "weekday": "EEE, d. MMM",
        "short": "d. MMM",
        "medium": "EEE, d. MMM",
        "long": "d. MMMM y",
        "full": "EEEE, d. MMMM y",
    },
    "fr": {"weekday": "EEE d MMM"},
    "ro": {"medium": "EEE, d MMM", "weekday": "EEE, d MMM"},
    "ar": {"weekday": "EEE d MMMM"},
}


def translation_for(lang: str) -> gettext.NullTranslations:
    """The translations of one language (English text when none is installed)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def set_language(lang: str) -> None:
    """Switch the window's language."""
    global _current, _language
    _current = translation_for(lang)
    _language = lang


def current_language() -> str:
    """The window's language (ISO 639-1), English unless another was set."""
    return _language


def _(message: str) -> str:
    """Translate a message into the window's language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant for translation without translating it yet."""
    return message


def join_words(items: list[str]) -> str:
    """Names or words as a list in the window's language: 'Ana, Ion and Maria'."""
    if len(items) <= 1:
        return "".join(items)
    head = items[0]
    for item in items[1:-1]:
        head = _("{list}, {item}").format(list=head, item=item)
    return _("{list} and {item}").format(list=head, item=items[-1])


def format_date(value: dt.date, form: str = "short", lang: str | None = None) -> str:
    """A date in the window's language: day '12 May', short '12 May' (abbreviated month),
    weekday 'Tue 05 May', medium 'Tue 5 May', long '12 May 2026', full 'Tuesday 12 May 2026'.

    ``form`` is one of those names or a babel pattern such as 'EEE d.M.'.
    """
    from babel.dates import format_date as babel_date

    code = lang or _language
    pattern = _DATE_FORMATS_BY_LANG.get(code, {}).get(form) or _DATE_FORMATS.get(form, form)
    return babel_date(value, pattern, locale=code)


def format_time(value: dt.time | dt.datetime, lang: str | None = None) -> str:
    """A time of day as HH:MM (24 hours); every language of the window writes it so."""
    from babel.dates import format_time as babel_time

    return babel_time(value, "HH:mm", locale=lang or _language)


def format_moment(value: dt.datetime, lang: str | None = None) -> str:
    """A day and time of day: 'Sat 13 Jun 15:00' in the window's language."""
    return f"{format_date(value, 'weekday', lang)} {format_time(value, lang)}"
