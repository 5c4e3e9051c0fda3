"""Grouping people into parties, taking one out, and putting parties back as they were."""

from __future__ import annotations

import pytest

from tests.factories import make_host, make_party, make_person, make_visit
from twinplanner.data.models import Participation, Party, Placement
from twinplanner.domain.errors import ValidationError
from twinplanner.services import parties
from twinplanner.services.changes import Entity


def _party_of(person) -> int | None:
    return Participation.get(Participation.person == person.id).party_id


def test_grouping_two_singles_makes_one_party_and_deletes_the_empty_ones(db_path) -> None:
    """Two guests of the same family become one 'family' party named after them."""
    visit = make_visit()
    ana, mihai = make_person("Ana Popescu"), make_person("Mihai Popescu")
    first, second = make_party(visit, ana), make_party(visit, mihai)
    changes = parties.group_into_party(visit.id, [ana.id, mihai.id])
    new_id = _party_of(ana)
    assert new_id == _party_of(mihai)
    party = Party.get_by_id(new_id)
    assert (party.name, party.kind) == ("Popescu", "family")
    assert Party.get_or_none(Party.id == first.id) is None
    assert Party.get_or_none(Party.id == second.id) is None
    assert new_id in changes.ids[Entity.PARTY]


def test_restore_puts_parties_and_their_placement_back(db_path) -> None:
    """After a regrouping, restore_parties brings back the old parties, names and placements."""
    visit = make_visit()
    host = make_host(visit)
    ana, marc = make_person("Ana Popescu"), make_person("Marc Simon")
    first, second = make_party(visit, ana, name="Popescu"), make_party(visit, marc)
    Placement.create(visit=visit, party=first, household=host, locked=True)
    snapshots = parties.party_snapshots(visit.id, parties.parties_of(visit.id, [ana.id, marc.id]))
    parties.group_into_party(visit.id, [ana.id, marc.id], name="Friends")
    new_id = _party_of(ana)
    parties.restore_parties(visit.id, snapshots, drop=[new_id])
    assert (_party_of(ana), _party_of(marc)) == (first.id, second.id)
    assert Party.get_by_id(first.id).name == "Popescu"
    placement = Placement.get(Placement.party == first.id)
    assert placement.household_id == host.id and placement.locked
    assert Party.get_or_none(Party.id == new_id) is None


def test_grouping_refuses_locals_and_a_single_person(db_path) -> None:
    """Only guests can be grouped, and at least two of them."""
    visit = make_visit()
    ana = make_person("Ana Popescu")
    make_party(visit, ana)
    local = make_person("Eva Lindner")
    Participation.create(visit=visit, person=local, is_guest=False)
    with pytest.raises(ValidationError, match="at least two"):
        parties.group_into_party(visit.id, [ana.id])
    with pytest.raises(ValidationError, match="local participant"):
        parties.group_into_party(visit.id, [ana.id, local.id])
    assert Party.select().count() == 1


def test_remove_from_party_gives_the_person_a_single_party(db_path) -> None:
    """Taking one person out leaves the others in the old party and them alone in a new one."""
    visit = make_visit()
    ana, mihai = make_person("Ana Popescu"), make_person("Mihai Popescu")
    family = make_party(visit, ana, mihai, name="Popescu", kind="family")
    parties.remove_from_party(visit.id, mihai.id)
    assert _party_of(ana) == family.id
    assert Party.get_by_id(_party_of(mihai)).name == "Mihai Popescu"
    with pytest.raises(ValidationError, match="already alone"):
        parties.remove_from_party(visit.id, mihai.id)


def test_default_party_names() -> None:
    """Shared family names give that name; different ones are joined, many are counted."""
    assert parties.default_party_name(["Ana Popescu", "Mihai Popescu"]) == "Popescu"
    assert parties.default_party_name(["Jules Morel", "Enzo Blanc"]) == "Morel & Blanc"
    assert parties.default_party_name(["A B", "C D", "E F", "G H"]) == "B & 3 others"
