"""The frozen result of a placement run: placements, score by wish, reasons, bound and moves."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SolveStatus(StrEnum):
    """How far the planner got."""

    OPTIMAL = "optimal"  # proven best under the rules and weights
    FEASIBLE = "feasible"  # a good placement, not proven best (see the gap)
    GREEDY = "greedy"  # the quick baseline only
    CANCELLED = "cancelled"  # stopped on request; the best placement found so far


@dataclass(frozen=True, slots=True)
class Assignment:
    """A party housed with a household."""

    party_id: int
    household_id: int
    locked: bool = False


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A party left without a household, and why, in the organiser's words."""

    party_id: int
    party_name: str
    size: int
    reason: str


@dataclass(frozen=True, slots=True)
class Move:
    """A party that changed household (None: had none, or has none now)."""

    party_id: int
    party_name: str
    from_household: int | None
    to_household: int | None


@dataclass(frozen=True, slots=True)
class WishScore:
    """How one soft wish fared: how often it was met and the points it earned."""

    key: str
    label: str
    met: int
    points: int


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress report while the planner runs."""

    phase: str  # "greedy", "people", "wishes"
    people_placed: int
    people_bound: int
    score: int | None
    score_bound: int | None
    seconds: float


@dataclass(frozen=True)
class HousingResult:
    """A placement of one visit with its score, bounds and explanations."""

    visit_id: int
    assignments: tuple[Assignment, ...]
    unplaced: tuple[Unplaced, ...]
    moves: tuple[Move, ...]
    people_total: int
    people_placed: int
    people_bound: int  # no placement can house more (within the candidates weighed)
    score: int  # soft points, keeping people_placed
    score_bound: int | None  # no placement housing as many people scores more (None: unknown)
    breakdown: tuple[WishScore, ...]
    status: SolveStatus
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    pruned: bool = False  # True: each party weighed only its best candidate households
    notes: tuple[str, ...] = ()

    @property
    def optimal(self) -> bool:
        """True when proven best: every placeable person housed and the best score."""
        return self.status is SolveStatus.OPTIMAL

    @property
    def people_gap(self) -> float:
        """Share of the people bound not housed (0.0: everyone who could be is housed)."""
        if self.people_bound <= 0:
            return 0.0
        return max(0, self.people_bound - self.people_placed) / self.people_bound

    @property
    def gap(self) -> float | None:
        """Relative distance of the score from its bound; None when no bound is known."""
        if self.score_bound is None:
            return None
        if self.score_bound <= self.score:
            return 0.0
        return (self.score_bound - self.score) / max(abs(self.score_bound), 1)

    def household_of(self, party_id: int) -> int | None:
        """Where a party stays in this result."""
        for a in self.assignments:
            if a.party_id == party_id:
                return a.household_id
        return None

    def as_mapping(self) -> dict[int, int]:
        """Party id to household id."""
        return {a.party_id: a.household_id for a in self.assignments}
