"""The soft wishes: points a placement earns, per party and household and for a whole plan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from twinplanner.planning.housing.problem import Household, HousingProblem, Party
from twinplanner.planning.housing.result import WishScore

WISH_LABELS = {
    "repeat_host": "guests with the same host as before",
    "named_wish": "named wishes met",
    "shared_language": "guests sharing a language with their hosts",
    "household_preference": "guests of the age group (or gender) the hosts prefer",
    "keep_placement": "parties left where they were",
    "over_preferred": "guests beyond the hosts' preferred number",
    "club_area": "guests housed in their club's home area",
}


def soft_key(problem: HousingProblem, household: Household) -> tuple:
    """What ``base_counts`` reads from a household; equal keys give equal counts."""
    gender = "any" if problem.settings.gender_limit_hard else household.gender_preference
    return (frozenset(household.languages), household.age_group, gender)


def base_counts(problem: HousingProblem, party: Party, household: Household) -> tuple[int, int]:
    """(guests sharing a language, guests the household prefers) for this party there."""
    languages = set(household.languages)
    shared = sum(1 for m in party.members if languages.intersection(m.languages))
    preferred = 0
    if household.age_group == "minors":
        preferred += sum(1 for m in party.members if m.minor)
    elif household.age_group == "adults":
        preferred += sum(1 for m in party.members if not m.minor)
    if not problem.settings.gender_limit_hard:
        wanted = {"female_only": "female", "male_only": "male"}.get(household.gender_preference)
        if wanted:
            preferred += sum(1 for m in party.members if m.gender == wanted)
    return shared, preferred


def base_points(problem: HousingProblem, party: Party, household: Household) -> int:
    """Points from language and household preference (same for households of one soft key)."""
    shared, preferred = base_counts(problem, party, household)
    w = problem.weights
    return w.shared_language * shared + w.household_preference * preferred


def club_home_areas(problem: HousingProblem) -> dict[int, str]:
    """Each club's home area: where its guests should stay so pick-ups are short.

    Clubs are taken biggest first; each gets the area where most of its previous hosts
    live, if that area still has beds for it, or else the area with the most beds left.
    A pure function of the problem, so the same visit always gets the same areas.
    """
    return problem.cached("home_areas", lambda: _home_areas(problem))  # type: ignore[return-value]


def _home_areas(problem: HousingProblem) -> dict[int, str]:
    area_of = problem.settings.area_of
    beds: dict[str, int] = defaultdict(int)
    for h in problem.households:
        beds[area_of(h.district)] += h.capacity
    if not beds:
        return {}
    guests: dict[int, int] = defaultdict(int)
    previous: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for p in problem.parties:
        club = p.club
        if club is None:
            continue
        guests[club] += p.size
        for hid, count in p.previous_hosts:
            h = problem.household(hid)
            if h is not None:
                previous[club][area_of(h.district)] += count
    homes: dict[int, str] = {}
    for club in sorted(guests, key=lambda c: (-guests[c], c)):
        liked = sorted(previous[club].items(), key=lambda kv: (-kv[1], kv[0]))
        roomy = [a for a, _ in liked if beds[a] >= guests[club]]
        area = roomy[0] if roomy else min(beds, key=lambda a: (-beds[a], a))
        homes[club] = area
        beds[area] -= guests[club]
    return homes


def _clubs(problem: HousingProblem) -> dict[int, int | None]:
    return problem.cached(  # type: ignore[return-value]
        "party_clubs", lambda: {p.id: p.club for p in problem.parties}
    )


def specific_counts(
    problem: HousingProblem, party: Party, household: Household
) -> tuple[int, int, int, int]:
    """(repeat guests, named wish met, placement kept, guests in the club's home area)."""
    hid = household.id
    repeat = party.repeat_guests(hid)
    wish = 1 if hid in party.wished else 0
    keep = (
        1 if (problem.replan and not problem.fixed(party) and party.current_household == hid) else 0
    )
    club = _clubs(problem).get(party.id)
    home = 0
    if club is not None and club_home_areas(problem).get(club) == problem.settings.area_of(
        household.district
    ):
        home = party.size
    return repeat, wish, keep, home


def specific_points(problem: HousingProblem, party: Party, household: Household) -> int:
    """Points from the same host as before, a named wish, the club's area and staying put."""
    repeat, wish, keep, home = specific_counts(problem, party, household)
    w = problem.weights
    return (
        w.repeat_host * repeat + w.named_wish * wish + w.keep_placement * keep + w.club_area * home
    )


def pair_points(problem: HousingProblem, party: Party, household: Household) -> int:
    """All points a party earns with a household, before household-wide terms."""
    return base_points(problem, party, household) + specific_points(problem, party, household)


def plan_score(
    problem: HousingProblem, placed: Mapping[int, int]
) -> tuple[int, tuple[WishScore, ...]]:
    """The soft score of a whole placement and its breakdown by wish."""
    w = problem.weights
    met: dict[str, int] = defaultdict(int)
    load: dict[int, int] = defaultdict(int)
    for pid, hid in placed.items():
        party = problem.party(pid)
        household = problem.household(hid)
        if household is None:
            continue
        shared, preferred = base_counts(problem, party, household)
        repeat, wish, keep, home = specific_counts(problem, party, household)
        met["shared_language"] += shared
        met["household_preference"] += preferred
        met["repeat_host"] += repeat
        met["named_wish"] += wish
        met["keep_placement"] += keep
        met["club_area"] += home
        load[hid] += party.size
    for hid, guests in load.items():
        preferred_guests = problem.household(hid).preferred_guests  # type: ignore[union-attr]
        if preferred_guests is not None:
            met["over_preferred"] += max(0, guests - preferred_guests)
    sign = {"over_preferred": -1}
    breakdown = []
    total = 0
    for key, label in WISH_LABELS.items():
        if key == "keep_placement" and not problem.replan:
            continue
        points = sign.get(key, 1) * getattr(w, key) * met[key]
        total += points
        breakdown.append(WishScore(key, label, met[key], points))
    return total, tuple(breakdown)
