"""Document labels: complete in five languages, fallback to the working language, local dates."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from twinplanner.documents.catalogue import LANGUAGES, MESSAGES
from twinplanner.documents.labels import translation_for


def test_every_label_exists_in_every_language_with_the_same_placeholders() -> None:
    """No label is missing in English, German, French, Romanian or Arabic, and each
    translation fills the same placeholders."""
    assert set(LANGUAGES) >= {"en", "de", "fr", "ro", "ar"}
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        fields = {
            lang: {f for _, f, _, _ in string.Formatter().parse(text) if f}
            for lang, text in texts.items()
        }
        assert len({frozenset(f) for f in fields.values()}) == 1, (key, fields)


def test_romanian_labels_use_comma_below_letters() -> None:
    """Romanian labels use ș and ț (comma below), not the cedilla look-alikes ş and ţ."""
    for texts in MESSAGES.values():
        assert "ş" not in texts["ro"] and "ţ" not in texts["ro"] and "Ş" not in texts["ro"]


@pytest.mark.parametrize(
    ("lang", "fallback", "expected"),
    [
        ("de", "fr", "de"),
        ("pl", "fr", "fr"),
        ("pl", "xx", "en"),
        (None, "ro", "ro"),
        ("de_AT", None, "de"),
        ("AR", None, "ar"),
    ],
)
def test_translation_for_falls_back_to_the_working_language(
    lang: str | None, fallback: str | None, expected: str
) -> None:
    """A missing language gives the visit's working language, then English."""
    assert translation_for(lang, fallback).lang == expected


def test_dates_and_times_follow_the_language() -> None:
    """Dates and times are written the way each language writes them."""
    day = dt.datetime(2027, 5, 14, 14, 30)
    assert translation_for("de").date(day) == "Freitag, 14. Mai 2027"
    assert translation_for("fr").date(day) == "vendredi 14 mai 2027"
    assert translation_for("ro").date(day) == "vineri, 14 mai 2027"
    assert "مايو" in translation_for("ar").date(day)
    assert translation_for("de").time(day) == "14:30"
    assert translation_for("en").time(day).replace("\u202f", " ") == "2:30 PM"


def test_arabic_labels_keep_latin_values_whole() -> None:
    """Values put into an Arabic label are marked left-to-right so they print in order."""
    text = translation_for("ar")("page_of", page=2, pages=5)
    assert "\u200e2\u200e" in text and "\u200e5\u200e" in text
    assert translation_for("de")("page_of", page=2, pages=5) == "Seite 2 von 5"


def test_language_and_country_names_in_the_readers_language() -> None:
    """Language and country names are given in the reader's language."""
    assert translation_for("de").languages(("fr", "ro")) == "Französisch, Rumänisch"
    assert translation_for("fr").country_name("DE") == "Allemagne"
    assert translation_for("ro").event_kind("concert") == "Concert"
    assert translation_for("de").event_kind("rehearsal") == "Probe"
