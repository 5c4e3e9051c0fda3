"""Frozen rows of the housing board, built from the board snapshot with the words to show."""

from __future__ import annotations

from dataclasses import dataclass

from twinplanner.domain.text import fold
from twinplanner.i18n import _
from twinplanner.planning.housing.problem import Household, Party
from twinplanner.services.housing_board import Board, PlacementState
from twinplanner.ui.housing import texts


@dataclass(frozen=True)
class PartyItem:
    """A party as the board shows it: its needs, wishes and placement."""

    party: Party
    state: PlacementState | None
    summary: str  # size, kind, languages and needs
    details: str  # kind and needs
    wishes: str
    dropped_out_from: str = ""  # contact name of the household that backed out, if any

    @property
    def id(self) -> int:
        """The party's id."""
        return self.party.id

    @property
    def placed(self) -> bool:
        """True when the party has a placement (perhaps with a household that backed out)."""
        return self.state is not None

    @property
    def locked(self) -> bool:
        """True when the placement is locked."""
        return self.state is not None and self.state.locked

    def status(self) -> str:
        """Lock, override and who placed it, in words ('' when nothing special)."""
        if self.state is None:
            return ""
        parts = []
        if self.state.locked:
            parts.append(_("locked"))
        if self.state.override_reason:
            parts.append(_("rules overridden: {reason}").format(reason=self.state.override_reason))
        elif self.state.source == "planner":
            parts.append(_("by the planner"))
        return " · ".join(parts)


@dataclass(frozen=True)
class HouseholdItem:
    """A household as the board shows it, with the parties placed there."""

    household: Household
    used: int
    flags: str
    parties: tuple[PartyItem, ...]

    @property
    def id(self) -> int:
        """The household's id."""
        return self.household.id

    @property
    def free(self) -> int:
        """Guests it can still take (negative when an override filled it beyond)."""
        return self.household.capacity - self.used


def board_items(board: Board) -> tuple[list[HouseholdItem], list[PartyItem]]:
    """Households with their parties, and the parties needing a household, in board order."""
    problem = board.problem
    by_household: dict[int, list[PartyItem]] = {}
    waiting: list[PartyItem] = []
    for party in sorted(problem.parties, key=lambda p: (fold(p.name), p.id)):
        state = board.placements.get(party.id)
        item = PartyItem(
            party,
            state,
            texts.party_summary(problem, party),
            texts.party_details(problem, party),
            " · ".join(texts.party_wishes(problem, party)),
            board.dropped_out.get(state.household_id, "") if state is not None else "",
        )
        if state is None or item.dropped_out_from:
            waiting.append(item)
        else:
            by_household.setdefault(state.household_id, []).append(item)
    households = []
    for household in sorted(problem.households, key=lambda h: (fold(h.name), h.id)):
        guests = tuple(by_household.get(household.id, ()))
        households.append(
            HouseholdItem(
                household,
                sum(p.party.size for p in guests),
                texts.household_flags(problem, household),
                guests,
            )
        )
    # Parties whose household backed out come first: they are the ones to re-plan.
    waiting.sort(key=lambda p: (not p.dropped_out_from, fold(p.party.name), p.id))
    return households, waiting
