"""Partnerships, awards and visits: creation and changes with validation."""

from __future__ import annotations

import datetime as dt

import pytest

from twinplanner.data.models import Award, Partnership, Town, Visit
from twinplanner.domain.errors import ValidationError
from twinplanner.services import visits
from twinplanner.services.changes import Entity


def _partnership() -> int:
    changes = visits.create_partnership(
        "Lindenfeld", "DE", "de", "Beaulieu-sur-Loire", "fr", "fr", since=dt.date(1972, 5, 14)
    )
    return next(iter(changes.ids[Entity.PARTNERSHIP]))


def test_create_partnership_creates_both_towns(db_path) -> None:
    """The towns are created with upper-case country codes and their language."""
    pid = _partnership()
    assert Partnership.get_by_id(pid).since == dt.date(1972, 5, 14)
    assert {(t.name, t.country, t.language) for t in Town.select()} == {
        ("Lindenfeld", "DE", "de"),
        ("Beaulieu-sur-Loire", "FR", "fr"),
    }
    with pytest.raises(ValidationError, match="already partners"):
        _partnership()


def test_partnership_refuses_a_bad_country_code(db_path) -> None:
    """A country must be a two-letter code."""
    with pytest.raises(ValidationError) as caught:
        visits.create_partnership("Lindenfeld", "Germany", "de", "Beaulieu", "FR", "fr")
    assert caught.value.field == "our_country"
    assert Town.select().count() == 0


def test_awards_come_in_order(db_path) -> None:
    """A flag of honour earlier than the diploma is refused; a good list replaces the old one."""
    pid = _partnership()
    visits.set_awards(pid, [("european_diploma", 1986), ("flag_of_honour", 2007)])
    with pytest.raises(ValidationError, match="later award"):
        visits.set_awards(pid, [("european_diploma", 1990), ("flag_of_honour", 1980)])
    assert sorted((a.kind, a.year) for a in Award.select()) == [
        ("european_diploma", 1986),
        ("flag_of_honour", 2007),
    ]


def test_create_and_update_a_visit(db_path) -> None:
    """A visit is created; a departure before the arrival is refused and nothing changes."""
    pid = _partnership()
    changes = visits.create_visit(
        pid,
        2027,
        dt.datetime(2027, 5, 12, 17),
        "2027-05-16 10:00",
        working_languages=("de", "fr"),
        title="Choir visit",
    )
    vid = next(iter(changes.ids[Entity.VISIT]))
    assert Visit.get_by_id(vid).working_languages == "de,fr"
    with pytest.raises(ValidationError, match="after the arrival"):
        visits.update_visit(vid, {"departure_at": dt.datetime(2027, 5, 11, 10)})
    assert Visit.get_by_id(vid).departure_at == dt.datetime(2027, 5, 16, 10)
    visits.update_visit(vid, {"status": "confirmed", "title": "Choir and football"})
    assert Visit.get_by_id(vid).status == "confirmed"


def test_a_visit_must_start_in_its_year(db_path) -> None:
    """The arrival must fall in the visit's year."""
    pid = _partnership()
    with pytest.raises(ValidationError) as caught:
        visits.create_visit(pid, 2026, dt.datetime(2027, 5, 12, 17), dt.datetime(2027, 5, 16))
    assert caught.value.field == "arrival_at"


def test_delete_visit_only_while_empty(db_path) -> None:
    """An empty visit can be deleted (undo of its creation)."""
    pid = _partnership()
    changes = visits.create_visit(
        pid, 2027, dt.datetime(2027, 5, 12, 17), dt.datetime(2027, 5, 16, 10)
    )
    vid = next(iter(changes.ids[Entity.VISIT]))
    visits.delete_visit(vid)
    assert Visit.select().count() == 0
