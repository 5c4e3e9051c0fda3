"""The people service: one field at a time, refusals change nothing, search keys stay current."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import make_club, make_party, make_person, make_visit
from twinplanner.data.models import Membership, Participation, Party, Person
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.services import people
from twinplanner.services.changes import Entity


def test_update_phone_stores_it_and_refreshes_the_search_key(db_path) -> None:
    """A new phone number is stored, Changes names the person, and the search key holds it."""
    ana = make_person("Ana Popescu", phone="+40 700 000 000")
    changes = people.update_person(ana.id, "phone", "+33 6 11 22 33 44")
    assert changes.ids == {Entity.PERSON: frozenset({ana.id})}
    stored = Person.get_by_id(ana.id)
    assert stored.phone == "+33 6 11 22 33 44"
    assert "+33 6 11 22 33 44" in stored.search_key and "ana popescu" in stored.search_key


def test_renaming_folds_the_new_name_into_the_search_key(db_path) -> None:
    """The search key follows the name, folded for case and accents."""
    person = make_person("Stefan Popescu")
    people.update_person(person.id, "full_name", "  Ștefan Țăranu ")
    stored = Person.get_by_id(person.id)
    assert stored.full_name == "Ștefan Țăranu"
    assert "stefan taranu" in stored.search_key


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("phone", "call me maybe", "not a phone number"),
        ("email", "ana.at.example", "not an e-mail address"),
        ("full_name", "   ", "must not be empty"),
        ("languages", ("fr", "French"), "not a two-letter language code"),
        ("birth_date", "12/05/1990", "YYYY-MM-DD"),
        ("birth_date", dt.date.today() + dt.timedelta(days=3), "cannot be after"),
        ("gender", "robot", "must be one of"),
        ("animal_allergies", ("cat", "spiders"), "not one of"),
        ("smoker", "perhaps", "yes or no"),
    ],
)
def test_a_bad_value_is_refused_with_the_reason_and_nothing_changes(
    db_path, field, value, words
) -> None:
    """Each bad value raises ValidationError naming the field; the stored person is unchanged."""
    person = make_person(
        "Ana Popescu", phone="+40 700 000 000", email="ana@example.ro", languages="ro,fr"
    )
    before = Person.select().where(Person.id == person.id).dicts().get()
    with pytest.raises(ValidationError) as caught:
        people.update_person(person.id, field, value)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert Person.select().where(Person.id == person.id).dicts().get() == before


def test_languages_are_stored_as_lower_case_codes(db_path) -> None:
    """Languages given as a tuple are stored comma-separated, de-duplicated, in lower case."""
    person = make_person()
    people.update_person(person.id, "languages", ("FR", "de", "fr"))
    assert Person.get_by_id(person.id).languages == "fr,de"


def test_consent_stores_the_day_it_was_given(db_path) -> None:
    """Giving photo consent records today's date; withdrawing it clears the date."""
    person = make_person()
    people.update_person(person.id, "consent_photos", True)
    assert Person.get_by_id(person.id).consent_photos_on == dt.date.today()
    people.update_person(person.id, "consent_photos", False)
    assert Person.get_by_id(person.id).consent_photos_on is None


def test_create_person_in_a_visit_gives_a_guest_a_party_of_their_own(db_path) -> None:
    """A new guest takes part in the visit in a single party named after them."""
    visit = make_visit()
    changes = people.create_person(
        "Léa Perrin", visit_id=visit.id, phone="+33 6 12 34 56 78", languages=("fr", "en")
    )
    person_id = next(iter(changes.ids[Entity.PERSON]))
    pa = Participation.get(Participation.person == person_id)
    assert pa.visit_id == visit.id and pa.is_guest
    assert Party.get_by_id(pa.party_id).name == "Léa Perrin"
    assert "lea perrin" in Person.get_by_id(person_id).search_key


def test_delete_person_removes_the_party_left_empty(db_path) -> None:
    """Undoing a creation deletes the person and their single party, nothing else."""
    visit = make_visit()
    other = make_person("Marc Simon")
    make_party(visit, other)
    changes = people.create_person("Léa Perrin", visit_id=visit.id)
    person_id = next(iter(changes.ids[Entity.PERSON]))
    people.delete_person(person_id)
    assert Person.get_or_none(Person.id == person_id) is None
    assert [p.name for p in Party.select()] == ["Marc Simon"]


def test_participation_fields_need_the_departure_after_the_arrival(db_path) -> None:
    """An own departure before the visit's arrival is refused; a valid one is stored."""
    visit = make_visit()
    person = make_person()
    make_party(visit, person)
    with pytest.raises(ValidationError, match="after the arrival"):
        people.update_participation(
            visit.id, person.id, "departure_at", dt.datetime(2027, 5, 10, 9, 0)
        )
    people.update_participation(visit.id, person.id, "departure_at", "2027-05-15 22:00")
    pa = Participation.get(Participation.person == person.id)
    assert pa.departure_at == dt.datetime(2027, 5, 15, 22, 0)


def test_set_clubs_replaces_the_memberships(db_path) -> None:
    """The clubs of a person are replaced; an unknown club id is refused."""
    person = make_person()
    choir = make_club("Chœur de Beaulieu")
    team = make_club("AS Beaulieu U15", "sports_team")
    people.update_field(None, person.id, "club_ids", (choir.id, team.id))
    assert {m.club_id for m in Membership.select()} == {choir.id, team.id}
    with pytest.raises(ValidationError, match="no club"):
        people.set_clubs(person.id, (9999,))
    assert {m.club_id for m in Membership.select()} == {choir.id, team.id}


def test_unknown_person_is_a_clear_not_found(db_path) -> None:
    """Changing a person that does not exist says so."""
    with pytest.raises(NotFoundError, match="no person with id 424242"):
        people.update_person(424242, "phone", "+49 1")
