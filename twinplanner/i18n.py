"""Words and languages: gettext for the window, and per-recipient translations for documents."""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
DOMAIN = "twinplanner"

_current: gettext.NullTranslations = gettext.NullTranslations()


def translation_for(lang: str) -> gettext.NullTranslations:
    """The translations of one language (English text when none is installed)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def set_language(lang: str) -> None:
    """Switch the window's language."""
    global _current
    _current = translation_for(lang)


def _(message: str) -> str:
    """Translate a message into the window's language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant for translation without translating it yet."""
    return message
