"""Host placement: frozen problem snapshot, the rules, a CP-SAT planner and a greedy baseline."""

from twinplanner.planning.housing.problem import (
    Household,
    HousingProblem,
    HousingSettings,
    Member,
    Party,
    Weights,
)
from twinplanner.planning.housing.result import HousingResult, SolveStatus

__all__ = [
    "Household",
    "HousingProblem",
    "HousingResult",
    "HousingSettings",
    "Member",
    "Party",
    "SolveStatus",
    "Weights",
]
