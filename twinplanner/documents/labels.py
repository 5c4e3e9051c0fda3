"""Labels, dates, times, language and country names in the reader's language (babel)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from twinplanner.documents.catalogue import LANGUAGES, MESSAGES
from twinplanner.documents.text import embed_ltr, is_rtl_language

DEFAULT_LANGUAGE = "en"


def _base(lang: str | None) -> str:
    return (lang or "").replace("-", "_").split("_")[0].lower()


@dataclass(frozen=True, slots=True)
class Labels:
    """The words of one language for the documents: ``labels("key", name=...)``."""

    lang: str

    @property
    def rtl(self) -> bool:
        """True when the language is written right to left."""
        return is_rtl_language(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        """The label ``key`` in this language, with its placeholders filled."""
        try:
            text = MESSAGES[key][self.lang]
        except KeyError as exc:
            raise KeyError(f"No document label {key!r} in language {self.lang!r}.") from exc
        if not values:
            return text
        if self.rtl:
            values = {k: embed_ltr(str(v)) for k, v in values.items()}
        return text.format(**values)

    def value(self, text: str) -> str:
        """User text to be joined with labels: kept whole and in its own order inside
        right-to-left text ('(coach stop)' does not lose its closing bracket to the left)."""
        return embed_ltr(text) if self.rtl and text else text

    def date(self, value: dt.date) -> str:
        """A full date: 'Freitag, 14. Mai 2027'."""
        return _format_date(_day(value), "full", self.lang)

    def short_date(self, value: dt.date) -> str:
        """A short date with weekday: 'Fr., 14. Mai'."""
        return _format_skeleton(_day(value), "MMMEd", self.lang)

    def time(self, value: dt.datetime | dt.time) -> str:
        """A time of day: '14:30' or '2:30 PM'."""
        clock = value.time() if isinstance(value, dt.datetime) else value
        return _format_time(clock.replace(second=0, microsecond=0), self.lang)

    def date_time(self, value: dt.datetime) -> str:
        """Short date and time: 'Fr., 14. Mai, 14:30'."""
        return f"{self.short_date(value)}, {self.time(value)}"

    def number(self, value: int) -> str:
        """A whole number in this language's digits and grouping."""
        return _format_number(value, self.lang)

    def language_name(self, code: str) -> str:
        """A language's name in this language ('fr' -> 'Französisch')."""
        return _language_name(code, self.lang)

    def languages(self, codes: tuple[str, ...] | list[str]) -> str:
        """Several language names, comma-separated."""
        return self.join(self.language_name(c) for c in codes)

    def join(self, items: Iterable[str]) -> str:
        """Items joined by this language's list comma."""
        return ("، " if self.lang == "ar" else ", ").join(items)

    def country_name(self, code: str) -> str:
        """A country's name in this language ('FR' -> 'Frankreich')."""
        return _country_name(code, self.lang)

    def event_kind(self, kind: str) -> str:
        """The name of an event kind ('concert' -> 'Konzert')."""
        key = f"kind_{kind}"
        return self(key) if key in MESSAGES else kind

    def period(self, start: dt.datetime, end: dt.datetime) -> str:
        """'14. Mai 2027 bis 18. Mai 2027'-style period."""
        return self(
            "dates_from_to",
            start=_format_date(_day(start), "long", self.lang),
            end=_format_date(_day(end), "long", self.lang),
        )


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# babel's formatting is slow next to the rest of a page; a visit has few distinct dates/times.
@functools.lru_cache(maxsize=4096)
def _format_date(value: dt.date, form: str, lang: str) -> str:
    from babel.dates import format_date

    return format_date(value, form, locale=lang)


@functools.lru_cache(maxsize=4096)
def _format_skeleton(value: dt.date, skeleton: str, lang: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, value, locale=lang)


@functools.lru_cache(maxsize=4096)
def _format_number(value: int, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=lang)


@functools.lru_cache(maxsize=8192)
def _format_time(value: dt.time, lang: str) -> str:
    from babel.dates import format_time

    return format_time(value, "short", locale=lang)


@functools.cache
def _language_name(code: str, lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale(lang).languages.get(_base(code))
    except (UnknownLocaleError, ValueError):
        name = None
    return name or code


@functools.cache
def _country_name(code: str, lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale(lang).territories.get(code.upper())
    except (UnknownLocaleError, ValueError):
        name = None
    return name or code


def supported(lang: str | None) -> bool:
    """True when every document label exists in this language."""
    return _base(lang) in LANGUAGES


def translation_for(lang: str | None, fallback: str | None = None) -> Labels:
    """The labels for a reader's language; a missing language falls back to ``fallback``
    (the visit's working language), then to English."""
    for candidate in (lang, fallback):
        if supported(candidate):
            return _labels(_base(candidate))
    return _labels(DEFAULT_LANGUAGE)


@functools.cache
def _labels(lang: str) -> Labels:
    return Labels(lang)
