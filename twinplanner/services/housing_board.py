"""The housing board's use cases: its snapshot, exact placement restores for undo, drop-outs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from peewee import IntegrityError

from twinplanner.data.models import HostOffer, Household, Party, Placement, Visit, database
from twinplanner.domain.enums import PlacementSource
from twinplanner.domain.errors import NotFoundError, TwinPlannerError, ValidationError
from twinplanner.i18n import _
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.services import placement
from twinplanner.services.changes import Changes, Entity


class PlacementsChangedError(TwinPlannerError):
    """A placement is no longer what an undo or redo step expects; nothing was written."""


@dataclass(frozen=True, slots=True)
class PlacementState:
    """Everything stored about one party's placement, to put it back exactly."""

    household_id: int
    locked: bool = False
    source: str = PlacementSource.HAND.value
    override_reason: str = ""


@dataclass(frozen=True, slots=True)
class OfferState:
    """A household's offer of beds for a visit, to put it back after a drop-out is undone."""

    available_from: dt.datetime | None = None
    available_until: dt.datetime | None = None
    notes: str = ""


@dataclass(frozen=True)
class Board:
    """What the housing board shows of a visit, read once per change on the GUI thread."""

    problem: HousingProblem
    placements: Mapping[int, PlacementState]  # party id -> its placement
    dropped_out: Mapping[int, str]  # households with guests but no offer now -> contact name

    def stranded(self, party_id: int) -> bool:
        """True when the party is placed with a household that no longer offers beds."""
        state = self.placements.get(party_id)
        return state is not None and state.household_id in self.dropped_out


def placement_states(visit_id: int) -> dict[int, PlacementState]:
    """Party id -> placement of every placed party of a visit."""
    sql = (
        "SELECT party_id, household_id, locked, source, override_reason FROM placement"
        " WHERE visit_id = ?"
    )
    return {
        r[0]: PlacementState(r[1], bool(r[2]), r[3], r[4] or "")
        for r in database.execute_sql(sql, (visit_id,))
    }


def board(visit_id: int) -> Board:
    """The board of a visit: the planner's snapshot plus how each placement was made."""
    problem = placement.build_problem(visit_id)
    states = placement_states(visit_id)
    offered = {h.id for h in problem.households}
    missing = sorted({s.household_id for s in states.values()} - offered)
    names: dict[int, str] = {}
    if missing:
        marks = ", ".join("?" * len(missing))
        sql = f"SELECT id, contact_name FROM household WHERE id IN ({marks})"
        names = dict(database.execute_sql(sql, missing).fetchall())
    return Board(problem, states, names)


def restore_placements(
    visit_id: int,
    expected: Mapping[int, PlacementState | None],
    target: Mapping[int, PlacementState | None],
    message: str = "",
) -> Changes:
    """Put placements back as ``target`` says, if they are still as ``expected`` says.

    Used by undo and redo: ``None`` means "not placed". When any listed party's placement is
    not what ``expected`` holds (something else changed it), nothing is written.
    """
    parties = set(expected) | set(target)
    households: set[int] = set()
    with database.atomic():
        names = _party_names(visit_id, parties)
        now = placement_states(visit_id)
        for party_id in sorted(parties):
            if now.get(party_id) != expected.get(party_id):
                raise PlacementsChangedError(
                    _(
                        "The placement of the {party} party changed in the meantime; this step can "
                        "no longer be undone or redone."
                    ).format(party=names[party_id])
                )
        for party_id in sorted(parties):
            state = target.get(party_id)
            old = now.get(party_id)
            households.update(s.household_id for s in (old, state) if s is not None)
            Placement.delete().where(Placement.party == party_id).execute()
            if state is not None:
                try:
                    Placement.create(
                        visit=visit_id,
                        party=party_id,
                        household=state.household_id,
                        locked=state.locked,
                        source=state.source,
                        override_reason=state.override_reason,
                    )
                except IntegrityError as exc:
                    raise NotFoundError(
                        _(
                            "The household of the {party} party (id {household_id}) no longer "
                            "exists; nothing was changed."
                        ).format(party=names[party_id], household_id=state.household_id)
                    ) from exc
    return (
        Changes.of(Entity.PLACEMENT, *parties, message=message)
        | Changes.of(Entity.PARTY, *parties)
        | Changes.of(Entity.HOUSEHOLD, *households)
    )


def _party_names(visit_id: int, party_ids: set[int]) -> dict[int, str]:
    names = {
        p.id: p.name
        for p in Party.select(Party.id, Party.name).where(
            (Party.visit == visit_id) & (Party.id.in_(sorted(party_ids)))
        )
    }
    for party_id in party_ids:
        if party_id not in names:
            raise NotFoundError(
                _("Visit {visit_id} has no party with id {party_id}.").format(
                    visit_id=visit_id, party_id=party_id
                )
            )
    return names


def offer_of(visit_id: int, household_id: int) -> OfferState:
    """The offer of a household for a visit (NotFoundError when it offers no beds)."""
    offer = HostOffer.get_or_none(
        (HostOffer.visit == visit_id) & (HostOffer.household == household_id)
    )
    if offer is None:
        raise NotFoundError(
            _("Household {household_id} offers no beds for visit {visit_id}.").format(
                household_id=household_id, visit_id=visit_id
            )
        )
    return OfferState(offer.available_from, offer.available_until, offer.notes or "")


def drop_out(visit_id: int, household_id: int) -> Changes:
    """A household backs out of a visit: its offer goes, its guests stay listed to be moved.

    The placements are kept on purpose, so that re-planning knows where the guests were and
    reports them as moved; the board lists them as needing a new household.
    """
    with database.atomic():
        offer_of(visit_id, household_id)
        household = Household.get_by_id(household_id)
        guests = _guests(visit_id, household_id)
        HostOffer.delete().where(
            (HostOffer.visit == visit_id) & (HostOffer.household == household_id)
        ).execute()
    message = f"{household.contact_name} no longer offers beds"
    changes = Changes.of(Entity.HOUSEHOLD, household_id, message=message)
    return _with_guests(changes, guests)


def restore_offer(visit_id: int, household_id: int, state: OfferState) -> Changes:
    """Offer a household's beds again exactly as before it backed out."""
    with database.atomic():
        if Visit.get_or_none(Visit.id == visit_id) is None:
            raise NotFoundError(_("There is no visit with id {id}.").format(id=visit_id))
        household = Household.get_or_none(Household.id == household_id)
        if household is None:
            raise NotFoundError(
                _("There is no host household with id {id}.").format(id=household_id)
            )
        if HostOffer.get_or_none(
            (HostOffer.visit == visit_id) & (HostOffer.household == household_id)
        ):
            raise ValidationError(
                _("{household} already offers beds for this visit.").format(
                    household=household.contact_name
                ),
                field="household",
            )
        HostOffer.create(
            visit=visit_id,
            household=household_id,
            available_from=state.available_from,
            available_until=state.available_until,
            notes=state.notes,
        )
        guests = _guests(visit_id, household_id)
    changes = Changes.of(
        Entity.HOUSEHOLD,
        household_id,
        message=_("{household} offers beds again").format(household=household.contact_name),
    )
    return _with_guests(changes, guests)


def _guests(visit_id: int, household_id: int) -> list[int]:
    sql = "SELECT party_id FROM placement WHERE visit_id = ? AND household_id = ?"
    return [r[0] for r in database.execute_sql(sql, (visit_id, household_id))]


def _with_guests(changes: Changes, guests: list[int]) -> Changes:
    if not guests:
        return changes
    return changes | Changes.of(Entity.PLACEMENT, *guests) | Changes.of(Entity.PARTY, *guests)
