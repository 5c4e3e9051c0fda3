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
    "short": "d MMM",
    "medium": "EEE d MMM",
    "long": "d MMMM y",
    "full": "EEEE d MMMM y",
}
_DATE_FORMATS_BY_LANG = {
    "de": {
        "short": "d. MMM",
        "medium": "EEE, d. MMM",
        "long": "d. MMMM y",
        "full": "EEEE, d. MMMM y",
    },
    "ro": {"medium": "EEE, d MMM"},
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


def format_date(value: dt.date, form: str = "short", lang: str | None = None) -> str:
    """A date in the window's language: short '12 May', medium 'Tue 12 May', long '12 May 2026'.

    ``form`` is one of short, medium, long, full, or a babel pattern such as 'EEE d.M.'.
    """
    from babel.dates import format_date as babel_date

    code = lang or _language
    pattern = _DATE_FORMATS_BY_LANG.get(code, {}).get(form) or _DATE_FORMATS.get(form, form)
    return babel_date(value, pattern, locale=code)


def format_time(value: dt.time | dt.datetime, lang: str | None = None) -> str:
    """A time of day as HH:MM (24 hours); every language of the window writes it so."""
    from babel.dates import format_time as babel_time

    return babel_time(value, "HH:mm", locale=lang or _language)
