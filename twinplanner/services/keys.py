"""Folded search keys of people and households, kept up to date on every write."""

from __future__ import annotations

from twinplanner.data.models import Household, Person
from twinplanner.domain.text import fold


def person_key(full_name: str, phone: str, email: str) -> str:
    """The folded name, phone and e-mail of a person, as stored in ``Person.search_key``."""
    return " ".join(fold(x) for x in (full_name, phone, email) if x)


def household_key(contact_name: str, members: str, phone: str, address: str) -> str:
    """The folded name, members, phone and address of a household (``Household.search_key``)."""
    return " ".join(fold(x) for x in (contact_name, members, phone, address) if x)


def refresh_person(person_id: int) -> None:
    """Recompute one person's search key from the stored record."""
    p = Person.get_by_id(person_id)
    Person.update(search_key=person_key(p.full_name, p.phone, p.email)).where(
        Person.id == person_id
    ).execute()


def refresh_household(household_id: int) -> None:
    """Recompute one household's search key from the stored record."""
    h = Household.get_by_id(household_id)
    Household.update(search_key=household_key(h.contact_name, h.members, h.phone, h.address)).where(
        Household.id == household_id
    ).execute()
