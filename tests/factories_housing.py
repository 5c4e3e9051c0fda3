"""Builders of small housing problems for the planner's tests, with explicit defaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from twinplanner.planning.housing.problem import (
    Household,
    HousingProblem,
    HousingSettings,
    Member,
    Party,
    Weights,
)

ARRIVAL = dt.date(2027, 5, 12)
DEPARTURE = dt.date(2027, 5, 16)


def guest(member_id: int, name: str = "", **fields: object) -> Member:
    """An adult guest with no needs unless given."""
    fields.setdefault("gender", "female")
    fields.setdefault("age", 40)
    return Member(member_id, name or f"Guest {member_id}", **fields)  # type: ignore[arg-type]


def minor(member_id: int, name: str = "", age: int = 15, **fields: object) -> Member:
    """A guest under 18."""
    return guest(member_id, name, age=age, minor=True, **fields)


def party(party_id: int, *members: Member, name: str = "", **fields: object) -> Party:
    """A party of the given members (one adult guest when none are given)."""
    members = members or (guest(party_id * 100),)
    return Party(party_id, name or f"P{party_id}", tuple(members), **fields)  # type: ignore[arg-type]


def home(household_id: int, beds: int = 2, name: str = "", **fields: object) -> Household:
    """A household with ``beds`` beds, cleared for minors unless said otherwise."""
    fields.setdefault("minors_cleared", True)
    return Household(household_id, name or f"Host {household_id}", beds, **fields)  # type: ignore[arg-type]


def problem(
    parties: Sequence[Party],
    households: Sequence[Household],
    *,
    settings: HousingSettings | None = None,
    weights: Weights | None = None,
    replan: bool = False,
) -> HousingProblem:
    """A visit from 12 to 16 May 2027 with these parties and households."""
    return HousingProblem(
        visit_id=1,
        first_night=ARRIVAL,
        last_day=DEPARTURE,
        parties=tuple(parties),
        households=tuple(households),
        weights=weights or Weights(),
        settings=settings or HousingSettings(),
        replan=replan,
    )
