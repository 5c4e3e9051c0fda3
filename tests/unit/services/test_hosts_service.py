"""The hosts service: households and their offer for a visit, with validation."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import make_host, make_visit
from twinplanner.data.models import HostOffer, Household
from twinplanner.domain.errors import ValidationError
from twinplanner.services import hosts
from twinplanner.services.changes import Entity


def test_create_household_offers_it_for_the_visit_and_sets_the_search_key(db_path) -> None:
    """A new household offers beds for the visit and is findable by its address."""
    visit = make_visit()
    changes = hosts.create_household(
        "Sabine Müller",
        visit_id=visit.id,
        beds=3,
        address="Lindenstraße 4",
        phone="+49 6241 12 345",
    )
    hid = next(iter(changes.ids[Entity.HOUSEHOLD]))
    assert HostOffer.select().where(HostOffer.household == hid).count() == 1
    key = Household.get_by_id(hid).search_key
    assert "sabine muller" in key and "lindenstrasse 4" in key


def test_double_beds_cannot_exceed_half_the_beds(db_path) -> None:
    """Two double beds need four beds; the refusal names the field and changes nothing."""
    household = make_host(beds=2)
    with pytest.raises(ValidationError) as caught:
        hosts.update_household(household.id, "double_beds", 2)
    assert caught.value.field == "double_beds" and "at least 4 beds" in str(caught.value)
    assert Household.get_by_id(household.id).double_beds == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("beds", 51),
        ("beds", "many"),
        ("pets", ("cat", "dragon")),
        ("gender_preference", "aliens"),
        ("contact_name", ""),
    ],
)
def test_bad_household_values_are_refused(db_path, field, value) -> None:
    """Out-of-range or unknown values are refused with the field named."""
    household = make_host()
    before = Household.select().where(Household.id == household.id).dicts().get()
    with pytest.raises(ValidationError) as caught:
        hosts.update_household(household.id, field, value)
    assert caught.value.field == field
    assert Household.select().where(Household.id == household.id).dicts().get() == before


def test_offer_dates_must_be_in_order(db_path) -> None:
    """Available until must come after available from (or after the visit's arrival)."""
    visit = make_visit()
    household = make_host(visit)
    with pytest.raises(ValidationError, match="available until after"):
        hosts.update_field(
            visit.id, household.id, "available_until", dt.datetime(2027, 5, 1, 12, 0)
        )
    hosts.update_field(visit.id, household.id, "available_until", "2027-05-15 12:00")
    offer = HostOffer.get(HostOffer.household == household.id)
    assert offer.available_until == dt.datetime(2027, 5, 15, 12, 0)


def test_phone_change_refreshes_the_household_key(db_path) -> None:
    """The search key of a household follows its phone number."""
    household = make_host(phone="+49 1")
    hosts.update_household(household.id, "phone", "+49 6241 99 000")
    assert "+49 6241 99 000" in Household.get_by_id(household.id).search_key
