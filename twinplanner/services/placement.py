"""Housing use cases: the planner's snapshot of a visit, applying a plan, placing by hand."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from twinplanner.data import queries
from twinplanner.data.models import (
    LogEntry,
    Party,
    Placement,
    PlacementExclusion,
    PlacementWish,
    Visit,
    database,
)
from twinplanner.data.stored import as_date
from twinplanner.domain.enums import PlacementSource
from twinplanner.domain.errors import NotFoundError, TwinPlannerError, ValidationError
from twinplanner.domain.rules import age_on, is_minor
from twinplanner.domain.text import fold, split_list
from twinplanner.i18n import _, ngettext
from twinplanner.planning.housing import problem as hp
from twinplanner.planning.housing.result import HousingResult, Progress
from twinplanner.planning.housing.rules import Verdict, check_placement
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.visit_settings import settings_of, visit_record

SETTINGS_KEY = "housing"  # the part of Visit.settings that belongs to housing


class StalePlanError(TwinPlannerError):
    """The placements changed while the planner ran; its result no longer applies."""


class PlacementRefused(ValidationError):
    """A manual placement breaks hard rules and no reason to override them was given."""

    def __init__(self, message: str, verdict: Verdict) -> None:
        super().__init__(message, field="household")
        self.verdict = verdict


def housing_settings(visit_id: int) -> tuple[hp.Weights, hp.HousingSettings]:
    """The weights and rule switches of a visit (defaults where none are stored)."""
    return _parse_settings(visit_record(visit_id))


def _parse_settings(visit: Visit) -> tuple[hp.Weights, hp.HousingSettings]:
    data = settings_of(visit)
    housing = data.get(SETTINGS_KEY) or {}
    where = _("Visit {id} housing settings").format(id=visit.id)
    if not isinstance(housing, dict):
        raise ValidationError(
            _("{where}: expected an object, not {value}.").format(where=where, value=repr(housing))
        )
    weights = hp.Weights.from_dict(housing.get("weights") or {}, where)
    pairs = housing.get("minors_in_pairs", data.get("minors_in_pairs", False))
    groups = housing.get("district_groups") or []
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and all(isinstance(d, str) for d in g) for g in groups
    ):
        raise ValidationError(
            _("{where}: district_groups must be lists of district names.").format(where=where)
        )
    candidates = housing.get("candidates_per_party", hp.HousingSettings().candidates_per_party)
    if isinstance(candidates, bool) or not isinstance(candidates, int) or candidates < 1:
        raise ValidationError(
            _("{where}: candidates_per_party must be a whole number above 0.").format(where=where)
        )
    settings = hp.HousingSettings(
        minors_in_pairs=bool(pairs),
        gender_limit_hard=bool(housing.get("gender_limit_hard", True)),
        district_groups=tuple(tuple(g) for g in groups if g),
        candidates_per_party=candidates,
    )
    return weights, settings


def update_housing_settings(
    visit_id: int,
    *,
    weights: Mapping[str, int] | None = None,
    minors_in_pairs: bool | None = None,
    gender_limit_hard: bool | None = None,
    district_groups: Sequence[Sequence[str]] | None = None,
) -> Changes:
    """Change some housing settings of a visit; other settings are kept."""
    with database.atomic():
        visit = visit_record(visit_id)
        data = settings_of(visit)
        housing = dict(data.get(SETTINGS_KEY) or {})
        if weights is not None:
            merged = {**(housing.get("weights") or {}), **weights}
            housing["weights"] = hp.Weights.from_dict(merged, "Housing weights").as_dict()
        if minors_in_pairs is not None:
            housing["minors_in_pairs"] = bool(minors_in_pairs)
        if gender_limit_hard is not None:
            housing["gender_limit_hard"] = bool(gender_limit_hard)
        if district_groups is not None:
            housing["district_groups"] = [
                [str(d).strip() for d in g if str(d).strip()] for g in district_groups
            ]
        data[SETTINGS_KEY] = housing
        visit.settings = json.dumps(data, ensure_ascii=False, sort_keys=True)
        _parse_settings(visit)  # refuse what could not be read back
        visit.save()
    return Changes.of(Entity.VISIT, visit_id, message=_("Housing settings changed"))


def build_problem(visit_id: int, *, replan: bool = False) -> hp.HousingProblem:
    """The frozen snapshot the planner needs for a visit (read in the GUI thread)."""
    visit = visit_record(visit_id)
    weights, settings = _parse_settings(visit)
    arrival = as_date(visit.arrival_at)
    departure = as_date(visit.departure_at)
    assert arrival is not None and departure is not None
    if departure <= arrival:
        raise ValidationError(
            _("Visit {visit_id} leaves on the day it arrives; nobody needs a bed.").format(
                visit_id=visit_id
            )
        )
    households = _households(visit_id)
    parties = _parties(visit_id, arrival, departure, visit.arrival_at)
    return hp.HousingProblem(
        visit_id, arrival, departure, parties, households, weights, settings, replan
    )


def _households(visit_id: int) -> tuple[hp.Household, ...]:
    rows = sorted(queries.visit_households(visit_id), key=lambda h: h.id)
    return tuple(
        hp.Household(
            id=h.id,
            name=h.contact_name,
            beds=h.beds,
            double_beds=h.double_beds,
            district=h.district,
            languages=h.languages,
            pets=h.pets,
            smoking=h.smoking,
            step_free=h.step_free,
            minors_cleared=h.minors_cleared,
            no_minors=h.no_minors,
            gender_preference=h.gender_preference,
            age_group=h.age_group,
            max_guests=h.max_guests,
            preferred_guests=h.preferred_guests,
            available_from=as_date(h.available_from),
            available_until=as_date(h.available_until),
        )
        for h in rows
    )


def _parties(
    visit_id: int, arrival: dt.date, departure: dt.date, visit_start: object
) -> tuple[hp.Party, ...]:
    clubs: dict[int, list[int]] = defaultdict(list)
    for pid, cid in database.execute_sql(
        "SELECT m.person_id, m.club_id FROM membership m JOIN participation pa"
        " ON pa.person_id = m.person_id WHERE pa.visit_id = ? ORDER BY m.club_id",
        (visit_id,),
    ):
        clubs[pid].append(cid)
    members: dict[int, list[hp.Member]] = defaultdict(list)
    stays: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    sql = (
        "SELECT pa.party_id, p.id, p.full_name, p.gender, p.birth_date, p.languages,"
        " p.animal_allergies, p.needs_smoke_free, p.needs_step_free, pa.arrival_at,"
        " pa.departure_at FROM participation pa JOIN person p ON p.id = pa.person_id"
        " WHERE pa.visit_id = ? AND pa.is_guest AND pa.party_id IS NOT NULL ORDER BY p.id"
    )
    for r in database.execute_sql(sql, (visit_id,)):
        birth = as_date(r[4])
        members[r[0]].append(
            hp.Member(
                id=r[1],
                name=r[2],
                gender=r[3],
                age=age_on(birth, arrival),
                minor=is_minor(birth, arrival),
                languages=split_list(r[5]),
                animal_allergies=split_list(r[6]),
                needs_smoke_free=bool(r[7]),
                needs_step_free=bool(r[8]),
                club_ids=tuple(clubs.get(r[1], ())),
            )
        )
        stays[r[0]].append((as_date(r[9]) or arrival, as_date(r[10]) or departure))
    placed = {
        r[0]: (r[1], bool(r[2]))
        for r in database.execute_sql(
            "SELECT party_id, household_id, locked FROM placement WHERE visit_id = ?", (visit_id,)
        )
    }
    wished: dict[int, set[int]] = defaultdict(set)
    for party_id, hid in (
        PlacementWish.select(PlacementWish.party, PlacementWish.household)
        .join(Party)
        .where(Party.visit == visit_id)
        .tuples()
    ):
        wished[party_id].add(hid)
    excluded: dict[int, set[int]] = defaultdict(set)
    for party_id, hid in (
        PlacementExclusion.select(PlacementExclusion.party, PlacementExclusion.household)
        .join(Party)
        .where(Party.visit == visit_id)
        .tuples()
    ):
        excluded[party_id].add(hid)
    previous = _previous_hosts(visit_id, visit_start)
    result = []
    for party_id, name, kind in database.execute_sql(
        "SELECT id, name, kind FROM party WHERE visit_id = ? ORDER BY id", (visit_id,)
    ):
        if not members.get(party_id):
            continue
        first = min(s[0] for s in stays[party_id])
        last = max(s[1] for s in stays[party_id])
        household, locked = placed.get(party_id, (None, False))
        result.append(
            hp.Party(
                id=party_id,
                name=name,
                members=tuple(members[party_id]),
                kind=kind,
                first_night=None if first == arrival else first,
                last_day=None if last == departure else last,
                current_household=household,
                locked=locked,
                excluded=frozenset(excluded[party_id]),
                wished=frozenset(wished[party_id]),
                previous_hosts=tuple(sorted(previous[party_id].items())),
            )
        )
    return tuple(result)


def _previous_hosts(visit_id: int, visit_start: object) -> dict[int, dict[int, int]]:
    """Party of this visit -> household -> members who stayed there at an earlier visit."""
    sql = (
        "SELECT now.party_id, pl.household_id, COUNT(DISTINCT now.person_id)"
        " FROM participation now"
        " JOIN participation was ON was.person_id = now.person_id AND was.visit_id <> now.visit_id"
        " JOIN visit v ON v.id = was.visit_id"
        " JOIN placement pl ON pl.party_id = was.party_id AND pl.visit_id = was.visit_id"
        " WHERE now.visit_id = ? AND now.party_id IS NOT NULL AND v.arrival_at < ?"
        " GROUP BY now.party_id, pl.household_id"
    )
    result: dict[int, dict[int, int]] = defaultdict(dict)
    for party_id, hid, count in database.execute_sql(sql, (visit_id, visit_start)):
        result[party_id][hid] = count
    return result


def plan(
    visit_id: int,
    *,
    replan: bool = False,
    time_limit: float = 10.0,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> tuple[hp.HousingProblem, HousingResult]:
    """Snapshot a visit and run the planner on it (the window runs the two steps apart)."""
    from twinplanner.planning.housing.solver import SolverOptions, solve

    problem = build_problem(visit_id, replan=replan)
    return problem, solve(problem, SolverOptions(time_limit=time_limit), progress, cancel)


def apply_result(problem: hp.HousingProblem, result: HousingResult) -> Changes:
    """Write a plan in one transaction; refuse it when the placements changed meanwhile."""
    if result.visit_id != problem.visit_id:
        raise ValidationError(
            _("This plan is for visit {plan_visit}, not visit {visit}.").format(
                plan_visit=result.visit_id, visit=problem.visit_id
            )
        )
    new = result.as_mapping()
    moved: list[int] = []
    households: set[int] = set()
    with database.atomic():
        now = {
            r[0]: (r[1], bool(r[2]))
            for r in database.execute_sql(
                "SELECT party_id, household_id, locked FROM placement WHERE visit_id = ?",
                (problem.visit_id,),
            )
        }
        for party in problem.parties:
            before = (party.current_household, party.locked) if party.current_household else None
            if now.get(party.id) != before:
                raise StalePlanError(
                    _(
                        "The placement of the {name} party changed while the planner ran; nothing "
                        "was saved. Plan again."
                    ).format(name=party.name)
                )
        for party in problem.parties:
            target = new.get(party.id)
            if problem.fixed(party) or target == party.current_household:
                continue
            moved.append(party.id)
            households.update(h for h in (party.current_household, target) if h is not None)
            if target is None:
                Placement.delete().where(Placement.party == party.id).execute()
            elif party.current_household is None:
                Placement.create(
                    visit=problem.visit_id,
                    party=party.id,
                    household=target,
                    source=PlacementSource.PLANNER.value,
                )
            else:
                Placement.update(
                    household=target,
                    locked=False,
                    override_reason="",
                    source=PlacementSource.PLANNER.value,
                ).where(Placement.party == party.id).execute()
    message = ngettext(
        "Planned: {placed} of {total} visitor housed",
        "Planned: {placed} of {total} visitors housed",
        result.people_total,
    ).format(placed=result.people_placed, total=result.people_total)
    changes = Changes.of(Entity.PLACEMENT, *moved, message=message)
    return changes | Changes.of(Entity.PARTY, *moved) | Changes.of(Entity.HOUSEHOLD, *households)


def _party(party_id: int) -> Party:
    party = Party.get_or_none(Party.id == party_id)
    if party is None:
        raise NotFoundError(_("There is no party with id {id}.").format(id=party_id))
    return party


def check_party_household(party_id: int, household_id: int) -> Verdict:
    """Whether a party may go to a household now, with every rule that forbids it."""
    party = _party(party_id)
    problem = build_problem(party.visit_id)
    if party_id not in {p.id for p in problem.parties}:
        raise ValidationError(
            _("The {name} party has no guests to house.").format(name=party.name), field="party"
        )
    return check_placement(problem, party_id, household_id)


def place_party(
    party_id: int, household_id: int, *, override_reason: str = "", lock: bool | None = None
) -> Changes:
    """Place a party by hand; a placement that breaks a rule needs a reason and is locked.

    Without a reason, a placement that breaks a hard rule is refused with every rule named.
    With one, it is saved with the reason, locked (so the planner keeps it) and logged.
    """
    party = _party(party_id)
    reason = " ".join(override_reason.split())
    verdict = check_party_household(party_id, household_id)
    if not verdict.allowed and not reason:
        rules_text = "; ".join(b.text for b in verdict.breaches)
        raise PlacementRefused(
            f"The {party.name} party cannot stay there: {rules_text}. Give a reason to place "
            "it anyway.",
            verdict,
        )
    forced = not verdict.allowed
    existing = Placement.get_or_none(Placement.party == party_id)
    locked = True if forced else (lock if lock is not None else bool(existing and existing.locked))
    with database.atomic():
        fields = dict(
            household=household_id,
            locked=locked,
            source=PlacementSource.HAND.value,
            override_reason=reason if forced else "",
        )
        if existing is None:
            Placement.create(visit=party.visit_id, party=party_id, **fields)
        else:
            Placement.update(**fields).where(Placement.party == party_id).execute()
        if forced:
            codes = ", ".join(b.rule.value for b in verdict.breaches)
            LogEntry.create(
                action="placement override",
                detail=f"party {party_id} -> household {household_id}: {codes}; reason: {reason}",
            )
    touched = {household_id} | ({existing.household_id} if existing else set())
    return (
        Changes.of(
            Entity.PLACEMENT, party_id, message=_("{name} placed by hand").format(name=party.name)
        )
        | Changes.of(Entity.PARTY, party_id)
        | Changes.of(Entity.HOUSEHOLD, *touched)
    )


def unplace_party(party_id: int) -> Changes:
    """Take a party out of its household (its lock goes with the placement)."""
    party = _party(party_id)
    existing = Placement.get_or_none(Placement.party == party_id)
    if existing is None:
        return Changes()
    with database.atomic():
        Placement.delete().where(Placement.party == party_id).execute()
    return (
        Changes.of(
            Entity.PLACEMENT,
            party_id,
            message=_("{name} has no household now").format(name=party.name),
        )
        | Changes.of(Entity.PARTY, party_id)
        | Changes.of(Entity.HOUSEHOLD, existing.household_id)
    )


def set_locked(party_id: int, locked: bool) -> Changes:
    """Lock a party's placement so the planner keeps it, or unlock it."""
    party = _party(party_id)
    existing = Placement.get_or_none(Placement.party == party_id)
    if existing is None:
        raise ValidationError(
            _("The {name} party has no household to lock it to.").format(name=party.name),
            field="locked",
        )
    with database.atomic():
        Placement.update(locked=bool(locked)).where(Placement.party == party_id).execute()
    message = _("{name} locked") if locked else _("{name} unlocked")
    return Changes.of(
        Entity.PLACEMENT, party_id, message=message.format(name=party.name)
    ) | Changes.of(Entity.PARTY, party_id)


@dataclass(frozen=True, slots=True)
class VisitorPlacement:
    """Where one visitor stays: the row of a placement list or export."""

    person_id: int
    visitor: str
    party_id: int | None
    party: str
    household_id: int | None
    household: str
    address: str
    phone: str
    minor: bool  # under age on the day the visit arrives
    district: str
    locked: bool
    placed_by: str  # a PlacementSource value; empty when not placed
    override_reason: str


def placements_by_visitor(visit_id: int) -> list[VisitorPlacement]:
    """One row per guest of a visit (unplaced guests with empty household fields), by name."""
    arrival = as_date(visit_record(visit_id).arrival_at)
    assert arrival is not None  # a visit always has an arrival
    sql = (
        "SELECT p.id, p.full_name, py.id, py.name, h.id, h.contact_name, h.address, h.phone,"
        " p.birth_date, h.district, pl.locked, pl.source, pl.override_reason"
        " FROM participation pa JOIN person p ON p.id = pa.person_id"
        " LEFT JOIN party py ON py.id = pa.party_id"
        " LEFT JOIN placement pl ON pl.party_id = pa.party_id AND pl.visit_id = pa.visit_id"
        " LEFT JOIN household h ON h.id = pl.household_id"
        " WHERE pa.visit_id = ? AND pa.is_guest"
    )
    rows = [
        VisitorPlacement(
            r[0],
            r[1],
            r[2],
            r[3] or "",
            r[4],
            r[5] or "",
            r[6] or "",
            r[7] or "",
            is_minor(as_date(r[8]), arrival),
            r[9] or "",
            bool(r[10]),
            r[11] or "",
            r[12] or "",
        )
        for r in database.execute_sql(sql, (visit_id,))
    ]
    # One folded key per row: a COLLATE with a Python function costs a call per comparison.
    rows.sort(key=lambda v: (fold(v.visitor), v.person_id))
    return rows
