"""Dates as partners write them, and column headers in four languages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from twinplanner.domain.errors import ValidationError
from twinplanner.io.dates import DateOrder, infer_order, parse_date
from twinplanner.io.headers import (
    FIELDS,
    HOSTS,
    KINDS,
    VISITORS,
    load_mapping,
    match_headers,
    normalise,
    recognise,
)
from twinplanner.io.values import read_choice, read_language, split_items

TODAY = dt.date(2027, 3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "12.05.2009",
        "2009-05-12",
        "12/05/2009",
        "12-05-2009",
        "12.5.2009",
        " 12.05.2009 ",
        "2009/05/12",
    ],
)
def test_usual_date_spellings_read_as_the_same_day(text: str) -> None:
    """Dotted, ISO, slashed and dashed dates all read as 12 May 2009 (day first by default)."""
    assert parse_date(text, today=TODAY).value == dt.date(2009, 5, 12)


def test_month_first_order_swaps_slashed_dates_but_not_dotted_ones() -> None:
    """05/12/2009 is 12 May when the month comes first; dotted dates are always day first."""
    assert parse_date("05/12/2009", DateOrder.MONTH_FIRST, today=TODAY).value == dt.date(
        2009, 5, 12
    )
    assert parse_date("05.12.2009", DateOrder.MONTH_FIRST, today=TODAY).value == dt.date(
        2009, 12, 5
    )


def test_real_cells_and_excel_serials_are_dates() -> None:
    """A date cell, a datetime cell and an Excel serial number are all read as dates."""
    assert parse_date(dt.datetime(2009, 5, 12, 0, 0)).value == dt.date(2009, 5, 12)
    assert parse_date(dt.date(2009, 5, 12)).value == dt.date(2009, 5, 12)
    assert parse_date(39945).value == dt.date(2009, 5, 12)


@pytest.mark.parametrize("text", ["31.02.2009", "2009-13-01", "00.01.2000", "yesterday", "12.05"])
def test_impossible_or_unreadable_dates_say_why(text: str) -> None:
    """An impossible or unreadable date gives no value and a message quoting the text."""
    parsed = parse_date(text, today=TODAY)
    assert parsed.value is None
    assert text.strip() in parsed.error


def test_two_digit_years_go_back_a_century_when_in_the_future_and_warn() -> None:
    """'12.05.09' is 2009 and '12.05.58' is 1958, each with a warning."""
    assert parse_date("12.05.09", today=TODAY).value == dt.date(2009, 5, 12)
    late = parse_date("12.05.58", today=TODAY)
    assert late.value == dt.date(1958, 5, 12) and "1958" in late.warning


def test_order_is_inferred_from_the_column_or_the_language_else_ambiguous() -> None:
    """A day above 12 decides the order; German headers mean day first; English stays a question."""
    assert infer_order(["05/06/2009", "25/06/2009"]) == (DateOrder.DAY_FIRST, False)
    assert infer_order(["05/06/2009", "06/25/2009"]) == (DateOrder.MONTH_FIRST, False)
    assert infer_order(["05/06/2009"], "de") == (DateOrder.DAY_FIRST, False)
    assert infer_order(["05/06/2009"], "en") == (DateOrder.DAY_FIRST, True)
    assert infer_order(["05.06.2009", "2009-06-05", None, 3]) == (DateOrder.DAY_FIRST, False)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Geburtsdatum", "birth_date"),
        ("Date de naissance", "birth_date"),
        ("Data nașterii", "birth_date"),
        ("DATE OF BIRTH", "birth_date"),
        ("Date of birth ", "birth_date"),
        ("E-Mail", "email"),
        ("Courriel", "email"),
        ("Sprachen", "languages"),
        ("Limbi vorbite", "languages"),
        ("Tierhaarallergie", "animal_allergies"),
        ("Allergies aux animaux", "animal_allergies"),
        ("Raucher", "smoker"),
        ("Fumător", "smoker"),
        ("Stay together (party)", "party"),
        ("Hébergés ensemble", "party"),
        ("full_name", "full_name"),
    ],
)
def test_visitor_headers_are_recognised_in_four_languages(header: str, field: str) -> None:
    """Headers in en, de, fr and ro, in any case, accents or spacing, find their field."""
    assert recognise(header, VISITORS)[0] == field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Betten", "beds"),
        ("Lits", "beds"),
        ("Paturi", "beds"),
        ("Haustiere", "pets"),
        ("Animale de companie", "pets"),
        ("Verfügbar bis", "available_until"),
        ("PLZ", "postcode"),
        ("Ansprechpartner", "full_name"),
    ],
)
def test_host_headers_are_recognised(header: str, field: str) -> None:
    """The host questionnaire's headers are recognised in every language."""
    assert recognise(header, HOSTS)[0] == field


def test_no_header_names_two_fields_of_the_same_kind() -> None:
    """Each header spelling names one field only, so recognition never guesses between two."""
    for kind in KINDS:
        owner: dict[str, str] = {}
        for spec in FIELDS[kind]:
            for labels in spec.labels.values():
                for label in labels:
                    key = normalise(label)
                    assert owner.setdefault(key, spec.name) == spec.name, (kind, label)


def test_split_names_and_their_language_are_found() -> None:
    """'Nom' beside 'Prénom' is the family name; 'Nom' alone the whole name; French found."""
    both = match_headers(["Nom", "Prénom", "Date de naissance"], VISITORS)
    assert both.fields == ("last_name", "first_name", "birth_date") and both.language == "fr"
    alone = match_headers(["Nom", "Téléphone"], VISITORS)
    assert alone.fields[0] == "full_name"
    german = match_headers(["Name", "Vorname", "Lieblingsfarbe"], VISITORS)
    assert german.fields == ("last_name", "first_name", None) and german.unrecognised == (2,)


def test_a_mapping_names_unrecognised_columns_and_can_ignore_columns() -> None:
    """A mapping gives a field to an unknown header and '' leaves a recognised one out."""
    match = match_headers(
        ["Teilnehmer*in", "Tel"], VISITORS, {"Teilnehmer*in": "full_name", "tel": ""}
    )
    assert match.fields == ("full_name", "")


def test_mapping_files_are_checked(tmp_path: Path) -> None:
    """A mapping file must be a JSON object of known fields; errors name the file and the field."""
    good = tmp_path / "map.json"
    good.write_text(
        json.dumps({"Teilnehmer*in": "full_name", "Geb.": "Geburtsdatum", "x": None}),
        encoding="utf-8",
    )
    assert load_mapping(good, VISITORS) == {
        "Teilnehmer*in": "full_name",
        "Geb.": "birth_date",
        "x": "",
    }
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"Farbe": "colour"}), encoding="utf-8")
    with pytest.raises(ValidationError, match="colour"):
        load_mapping(bad, VISITORS)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid JSON"):
        load_mapping(broken, VISITORS)
    with pytest.raises(ValidationError, match="Cannot read"):
        load_mapping(tmp_path / "missing.json", VISITORS)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Französisch", "fr"),
        ("français", "fr"),
        ("roumain", "ro"),
        ("Română", "ro"),
        ("GERMAN", "de"),
        ("de-AT", "de"),
        ("العربية", "ar"),
        ("en", "en"),
        ("Türkisch", "tr"),
    ],
)
def test_language_names_in_many_spellings_give_iso_codes(text: str, code: str) -> None:
    """Language names in en/de/fr/ro, own names and codes are read as ISO 639-1 codes."""
    assert read_language(text) == code


def test_unknown_language_and_choice_words_are_refused() -> None:
    """Made-up words are not read as a language or a yes/no."""
    assert read_language("Klingonisch") is None
    assert read_choice("flag", "vielleicht") is None
    assert read_choice("flag", "Ja") == "yes" and read_choice("flag", "nu") == "no"
    assert read_choice("gender", "weiblich") == "female" and read_choice("gender", "H") == "male"
    assert read_choice("species", "Katzen") == "cat" and read_choice("species", "pisică") == "cat"
    assert split_items("Deutsch und Englisch; fr/ro") == ["Deutsch", "Englisch", "fr", "ro"]
