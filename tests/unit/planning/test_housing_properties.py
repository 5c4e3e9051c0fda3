"""Property tests: on random visits no hard rule ever breaks and every gap is explained."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories_housing import ARRIVAL, guest, home, party, problem
from twinplanner.planning.housing.candidates import allowed_masks
from twinplanner.planning.housing.greedy import greedy_placement
from twinplanner.planning.housing.problem import HousingProblem, HousingSettings
from twinplanner.planning.housing.rules import attribute_breaches, check_placement, plan_breaches
from twinplanner.planning.housing.scoring import plan_score
from twinplanner.planning.housing.solver import SolverOptions, solve

SPECIES = ("cat", "dog", "horse")
OPTIONS = SolverOptions(time_limit=5.0)
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def members(draw, first_id: int):  # type: ignore[no-untyped-def]
    """One to four random guests with ids from ``first_id``."""
    count = draw(st.integers(1, 4))
    result = []
    for k in range(count):
        age = draw(st.integers(8, 80))
        result.append(
            guest(
                first_id + k,
                gender=draw(st.sampled_from(("female", "male", "unknown"))),
                age=age,
                minor=age < 18,
                languages=tuple(draw(st.sets(st.sampled_from(("de", "fr", "en")), max_size=2))),
                animal_allergies=tuple(sorted(draw(st.sets(st.sampled_from(SPECIES), max_size=1)))),
                needs_smoke_free=draw(st.booleans()),
                needs_step_free=draw(st.integers(0, 9)) == 0,
                club_ids=(draw(st.integers(1, 2)),),
            )
        )
    return result


@st.composite
def visits(draw, max_parties: int = 8, max_households: int = 6):  # type: ignore[no-untyped-def]
    """A random visit: households with every kind of limit, parties with every kind of need."""
    n_homes = draw(st.integers(1, max_households))
    homes = []
    for hid in range(1, n_homes + 1):
        beds = draw(st.integers(0, 5))
        homes.append(
            home(
                hid,
                beds=beds,
                double_beds=draw(st.integers(0, beds // 2)),
                district=draw(st.sampled_from(("Nord", "Süd"))),
                languages=tuple(draw(st.sets(st.sampled_from(("de", "fr", "en")), max_size=2))),
                pets=tuple(sorted(draw(st.sets(st.sampled_from(SPECIES), max_size=2)))),
                smoking=draw(st.booleans()),
                step_free=draw(st.booleans()),
                minors_cleared=draw(st.booleans()),
                no_minors=draw(st.integers(0, 4)) == 0,
                gender_preference=draw(st.sampled_from(("any", "any", "female_only", "male_only"))),
                age_group=draw(st.sampled_from(("any", "adults", "minors"))),
                max_guests=draw(st.none() | st.integers(0, 4)),
                preferred_guests=draw(st.none() | st.integers(1, 3)),
                available_until=draw(st.none() | st.just(ARRIVAL + dt.timedelta(days=3))),
            )
        )
    parties = []
    for pid in range(1, draw(st.integers(1, max_parties)) + 1):
        people = draw(members(pid * 10))
        kind = "couple" if len(people) == 2 and draw(st.booleans()) else "friends"
        current = draw(st.none() | st.integers(1, n_homes))
        parties.append(
            party(
                pid,
                *people,
                kind=kind,
                last_day=draw(st.none() | st.just(ARRIVAL + dt.timedelta(days=3))),
                current_household=current,
                locked=current is not None and draw(st.integers(0, 3)) == 0,
                excluded=frozenset(draw(st.sets(st.integers(1, n_homes), max_size=1))),
                wished=frozenset(draw(st.sets(st.integers(1, n_homes), max_size=1))),
                previous_hosts=tuple(
                    (h, 1) for h in draw(st.sets(st.integers(1, n_homes), max_size=1))
                ),
            )
        )
    return problem(
        parties,
        homes,
        replan=draw(st.booleans()),
        settings=HousingSettings(
            minors_in_pairs=draw(st.booleans()), gender_limit_hard=draw(st.booleans())
        ),
    )


@PROPERTY
@given(visits())
def test_planner_never_breaks_a_hard_rule_and_explains_every_gap(pr: HousingProblem) -> None:
    """No hard rule broken, nobody placed twice, every unplaced party has a reason."""
    result = solve(pr, OPTIONS)
    assert plan_breaches(pr, result.as_mapping()) == []
    party_ids = [a.party_id for a in result.assignments]
    assert len(party_ids) == len(set(party_ids))
    unplaced = {u.party_id for u in result.unplaced}
    assert unplaced.isdisjoint(party_ids)
    assert unplaced | set(party_ids) == {p.id for p in pr.parties}
    assert all(len(u.reason) > 20 for u in result.unplaced)
    assert result.people_placed <= result.people_bound
    if result.score_bound is not None:
        assert result.score <= result.score_bound


@PROPERTY
@given(visits())
def test_greedy_never_breaks_a_hard_rule(pr: HousingProblem) -> None:
    """The greedy baseline and hint obeys every hard rule too."""
    assert plan_breaches(pr, greedy_placement(pr)) == []


@PROPERTY
@given(visits())
def test_bulk_filter_agrees_with_the_manual_check(pr: HousingProblem) -> None:
    """The planner's bulk filter allows exactly what the window's check allows on its own."""
    masks = allowed_masks(pr)
    for p in pr.parties:
        for i, h in enumerate(pr.households):
            alone = not attribute_breaches(pr, p, h) and h.id not in p.excluded
            assert bool(masks[p.id] >> i & 1) == alone
            if not pr.fixed(p):
                assert check_placement(pr, p.id, h.id, placed={}).allowed == alone


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(visits(max_parties=4, max_households=3))
def test_proven_optimum_matches_brute_force(pr: HousingProblem) -> None:
    """On tiny visits, a result called optimal houses the most people with the most points."""
    result = solve(pr, OPTIONS)
    if not result.optimal:
        return
    options = [None, *[h.id for h in pr.households]]
    best: tuple[int, int] | None = None
    for choice in itertools.product(options, repeat=len(pr.parties)):
        placed = {}
        for p, hid in zip(pr.parties, choice, strict=True):
            if pr.fixed(p):
                if hid != p.current_household:
                    break
            if hid is not None:
                placed[p.id] = hid
        else:
            if plan_breaches(pr, placed):
                continue
            value = (sum(pr.party(pid).size for pid in placed), plan_score(pr, placed)[0])
            best = value if best is None or value > best else best
    assert best == (result.people_placed, result.score)
