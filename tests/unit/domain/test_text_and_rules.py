"""Folding of names for search and sort, list fields, ages and minors."""

from __future__ import annotations

import datetime as dt

from twinplanner.domain.rules import age_band, age_on, is_minor
from twinplanner.domain.text import fold, join_list, split_list


def test_fold_matches_accents_and_case_across_scripts() -> None:
    """'mü' finds 'MÜLLER', 'tar' finds 'Țăranu', 'ozt' finds 'Öztürk', ß folds to ss."""
    assert fold("MÜLLER").startswith(fold("mü"))
    assert fold("Țăranu").startswith("tar")
    assert fold("Öztürk").startswith("ozt")
    assert fold("Straße") == "strasse"
    assert fold("Ștefan") == "stefan"
    assert fold(None) == ""


def test_sorting_by_folded_name_puts_accented_names_in_place() -> None:
    """Öztürk, Ștefan and Țăranu sort among the plain letters, not after Zimmermann."""
    names = ["Zimmermann", "Țăranu", "Öztürk", "Ștefan", "Becker"]
    assert sorted(names, key=fold) == ["Becker", "Öztürk", "Ștefan", "Țăranu", "Zimmermann"]


def test_list_fields_split_and_join_without_duplicates() -> None:
    """Stored comma lists are trimmed, de-duplicated and keep their order."""
    assert split_list(" de, fr ,,ro ") == ("de", "fr", "ro")
    assert join_list(["de", "fr", "de", " ro "]) == "de,fr,ro"
    assert join_list(["cat, dog", "cat"]) == "cat,dog"


def test_age_and_minor_on_the_visit_start() -> None:
    """A person is a minor until the day before their 18th birthday; leap days count right."""
    birth = dt.date(2009, 5, 13)
    assert age_on(birth, dt.date(2027, 5, 12)) == 17
    assert is_minor(birth, dt.date(2027, 5, 12))
    assert not is_minor(birth, dt.date(2027, 5, 13))
    assert age_on(dt.date(1984, 2, 29), dt.date(2027, 2, 28)) == 42
    assert age_on(None, dt.date(2027, 1, 1)) is None and not is_minor(None, dt.date(2027, 1, 1))
    assert age_band(11) == "0-11" and age_band(17) == "12-17" and age_band(40) == "27+"
