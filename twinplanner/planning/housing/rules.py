"""The hard rules of placement: one check per party and household, in the organiser's words.

Each rule that depends only on the people and the home is an ``AttributeRule``: a key read
from the party, a key read from the household, a predicate on the two keys and a sentence.
``check_placement`` (the window's drag and drop) and the planner's candidate filter both use
the same rule objects, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from twinplanner.planning.housing import minors
from twinplanner.planning.housing.problem import Household, HousingProblem, HousingSettings, Party


class RuleCode(StrEnum):
    """The hard rules, named for grouping and tests."""

    NOT_OFFERED = "not_offered"
    ALLERGY = "allergy"
    SMOKING = "smoking"
    STEP_FREE = "step_free"
    MINORS_NOT_CLEARED = "minors_not_cleared"
    NO_MINORS = "no_minors"
    GENDER_LIMIT = "gender_limit"
    AVAILABILITY = "availability"
    TOO_FEW_BEDS = "too_few_beds"
    EXCLUDED = "excluded"
    LOCKED_ELSEWHERE = "locked_elsewhere"
    BEDS_TAKEN = "beds_taken"
    MINORS_PAIRS = "minors_pairs"


@dataclass(frozen=True, slots=True)
class Breach:
    """One rule that a placement breaks, with the sentence that says so."""

    rule: RuleCode
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a party may go to a household; every rule that forbids it; warnings."""

    allowed: bool
    breaches: tuple[Breach, ...] = ()
    warnings: tuple[Breach, ...] = ()

    @property
    def text(self) -> str:
        """All breaches and warnings as sentences, one per line."""
        return "\n".join(b.text + "." for b in (*self.breaches, *self.warnings))


@dataclass(frozen=True, slots=True)
class AttributeRule:
    """A rule decided by what is recorded about the party and the household alone."""

    code: RuleCode
    party_key: Callable[[HousingProblem, Party], Hashable]
    household_key: Callable[[HousingProblem, Household], Hashable]
    forbids: Callable[[Hashable, Hashable], bool]
    describe: Callable[[HousingProblem, Party, Household], str]
    households_phrase: str  # "12 households <phrase>" in explanations


_ANIMALS = {
    "cat": ("cats", "a cat"),
    "dog": ("dogs", "a dog"),
    "horse": ("horses", "a horse"),
    "rabbit": ("rabbits", "a rabbit"),
    "rodent": ("rodents", "rodents"),
    "bird": ("birds", "birds"),
}


def _animal(species: str, plural: bool) -> str:
    names = _ANIMALS.get(species, (species + "s", "a " + species))
    return names[0] if plural else names[1]


def _day(d: object) -> str:
    return f"{d.day} {d:%B}"  # type: ignore[attr-defined]


def bed_use(party: Party) -> tuple[int, int]:
    """(people, couples sharing a double bed) a party brings into a household."""
    return party.size, 1 if minors.shares_double_bed(party) else 0


def fits(household: Household, people: int, couples: int) -> bool:
    """True when the guests fit: one bed each, a couple two to a double bed.

    A double bed counts as two of the household's beds; anyone but a couple sleeps in it
    alone. So ``people`` fit when they are at most the household's capacity and, counting
    each sharing couple once, at most the beds left when every double bed holds one person.
    """
    return (
        people <= household.capacity and people - couples <= household.beds - household.double_beds
    )


def _describe_allergy(problem: HousingProblem, party: Party, household: Household) -> str:
    parts = []
    for m in party.members:
        hit = [a for a in m.animal_allergies if a in household.pets]
        if hit:
            animals = " and ".join(_animal(a, True) for a in hit)
            kept = " and ".join(_animal(a, False) for a in hit)
            parts.append(f"{m.name} is allergic to {animals}; {household.label} keeps {kept}")
    return "; ".join(parts)


def _describe_smoking(problem: HousingProblem, party: Party, household: Household) -> str:
    names = minors._join([m.name for m in party.members if m.needs_smoke_free])
    verb = "needs" if sum(m.needs_smoke_free for m in party.members) == 1 else "need"
    return f"{names} {verb} a smoke-free home; {household.label} allows smoking"


def _describe_step_free(problem: HousingProblem, party: Party, household: Household) -> str:
    names = minors._join([m.name for m in party.members if m.needs_step_free])
    verb = "needs" if sum(m.needs_step_free for m in party.members) == 1 else "need"
    return f"{names} {verb} a step-free home; {household.label} is not step-free"


def _gender_forbids(genders: Hashable, preference: Hashable) -> bool:
    wanted = {"female_only": "female", "male_only": "male"}.get(str(preference))
    return wanted is not None and any(g != wanted for g in genders)  # type: ignore[attr-defined]


def _describe_gender(problem: HousingProblem, party: Party, household: Household) -> str:
    wanted = "female" if household.gender_preference == "female_only" else "male"
    others = [m for m in party.members if m.gender != wanted]
    texts = [
        f"{m.name} is {m.gender}"
        if m.gender in ("female", "male", "diverse")
        else f"{m.name}'s gender is not recorded"
        for m in others
    ]
    return f"{'; '.join(texts)}; {household.label} takes only {wanted} guests"


def _availability_forbids(stay: Hashable, available: Hashable) -> bool:
    (first, last), (start, end) = stay, available  # type: ignore[misc]
    return start > first or end < last


def _describe_availability(problem: HousingProblem, party: Party, household: Household) -> str:
    first, last = problem.stay_of(party)
    start, end = problem.availability_of(household)
    return (
        f"the {party.name} party stays from {_day(first)} to {_day(last)}; {household.label} "
        f"can host from {_day(start)} to {_day(end)}"
    )


def _too_big(use: Hashable, beds: Hashable) -> bool:
    (people, couples), household = use, beds  # type: ignore[misc]
    return not fits(household, people, couples)


def _describe_too_big(problem: HousingProblem, party: Party, household: Household) -> str:
    people, couples = bed_use(party)
    who = f"the {party.name} party {'is' if people == 1 else 'are'} {people}"
    if people > household.capacity:
        if household.max_guests is not None and household.max_guests < household.beds:
            return f"{who}; {household.label} takes at most {household.max_guests} guests"
        return f"{who}; {household.label} has {household.beds} beds"
    singles = household.beds - household.double_beds
    return (
        f"{who} who do not share a bed; {household.label} has {household.beds} beds, "
        f"{2 * household.double_beds} of them in double beds, so room for {singles}"
    )


def _bed_key(problem: HousingProblem, household: Household) -> Hashable:
    # The household itself is hashable and fits() reads only its bed fields; keying on the
    # three numbers lets households with the same beds share one decision.
    return Household(0, "", household.beds, household.double_beds, max_guests=household.max_guests)


def attribute_rules(settings: HousingSettings) -> tuple[AttributeRule, ...]:
    """The rules decided by the party and the household alone, for these visit settings."""
    rules = [
        AttributeRule(
            RuleCode.ALLERGY,
            lambda pr, p: frozenset(a for m in p.members for a in m.animal_allergies),
            lambda pr, h: frozenset(h.pets),
            lambda a, b: bool(a & b),  # type: ignore[operator]
            _describe_allergy,
            "keep an animal a member is allergic to",
        ),
        AttributeRule(
            RuleCode.SMOKING,
            lambda pr, p: any(m.needs_smoke_free for m in p.members),
            lambda pr, h: h.smoking,
            lambda a, b: bool(a and b),
            _describe_smoking,
            "allow smoking",
        ),
        AttributeRule(
            RuleCode.STEP_FREE,
            lambda pr, p: any(m.needs_step_free for m in p.members),
            lambda pr, h: h.step_free,
            lambda a, b: bool(a and not b),
            _describe_step_free,
            "are not step-free",
        ),
        AttributeRule(
            RuleCode.MINORS_NOT_CLEARED,
            lambda pr, p: p.minors > 0,
            lambda pr, h: h.minors_cleared,
            lambda a, b: minors.not_cleared(bool(a), bool(b)),
            lambda pr, p, h: minors.describe_not_cleared(p, h),
            "are not cleared to host minors",
        ),
        AttributeRule(
            RuleCode.NO_MINORS,
            lambda pr, p: p.minors > 0,
            lambda pr, h: h.no_minors,
            lambda a, b: minors.refuses_minors(bool(a), bool(b)),
            lambda pr, p, h: minors.describe_refuses(p, h),
            "take no minors",
        ),
        AttributeRule(
            RuleCode.AVAILABILITY,
            lambda pr, p: pr.stay_of(p),
            lambda pr, h: pr.availability_of(h),
            _availability_forbids,
            _describe_availability,
            "cannot host for the whole stay",
        ),
        AttributeRule(
            RuleCode.TOO_FEW_BEDS,
            lambda pr, p: bed_use(p),
            _bed_key,
            _too_big,
            _describe_too_big,
            "have too few beds",
        ),
    ]
    if settings.gender_limit_hard:
        rules.append(
            AttributeRule(
                RuleCode.GENDER_LIMIT,
                lambda pr, p: frozenset(m.gender for m in p.members),
                lambda pr, h: h.gender_preference,
                _gender_forbids,
                _describe_gender,
                "take only guests of another gender",
            )
        )
    return tuple(rules)


def attribute_breaches(problem: HousingProblem, party: Party, household: Household) -> list[Breach]:
    """Every rule about the people and the home that forbids this party in this household."""
    found = []
    for rule in attribute_rules(problem.settings):
        if rule.forbids(rule.party_key(problem, party), rule.household_key(problem, household)):
            found.append(Breach(rule.code, rule.describe(problem, party, household)))
    return found


def check_placement(
    problem: HousingProblem,
    party_id: int,
    household_id: int,
    placed: Mapping[int, int] | None = None,
) -> Verdict:
    """Whether a party may go to a household, given where the other parties stay.

    ``placed`` maps party ids to household ids (default: the problem's current placements);
    the party's own entry is ignored. Every rule that forbids the placement is listed.
    """
    party = problem.party(party_id)
    placed = problem.current_assignment() if placed is None else placed
    household = problem.household(household_id)
    breaches: list[Breach] = []
    warnings: list[Breach] = []
    if problem.fixed(party) and party.current_household != household_id:
        breaches.append(
            Breach(
                RuleCode.LOCKED_ELSEWHERE,
                f"the {party.name} party is locked to its household; unlock it first",
            )
        )
    if household is None:
        breaches.append(
            Breach(
                RuleCode.NOT_OFFERED,
                f"household {household_id} has not offered beds for this visit",
            )
        )
        return Verdict(False, tuple(breaches))
    if household_id in party.excluded:
        breaches.append(
            Breach(
                RuleCode.EXCLUDED,
                f"the organiser excluded {household.label} for the {party.name} party",
            )
        )
    breaches.extend(attribute_breaches(problem, party, household))
    others = [
        problem.party(pid)
        for pid, hid in sorted(placed.items())
        if hid == household_id and pid != party_id
    ]
    people = sum(bed_use(p)[0] for p in others)
    couples = sum(bed_use(p)[1] for p in others)
    size, shares = bed_use(party)
    if fits(household, size, shares) and not fits(household, people + size, couples + shares):
        names = minors._join([f"{p.name} ({p.size})" for p in others])
        breaches.append(
            Breach(
                RuleCode.BEDS_TAKEN,
                f"{household.label} has room for {household.capacity}; {names} already stay there",
            )
        )
    if party.minors and not minors.pairs_ok(
        party.minors + sum(p.minors for p in others), problem.settings.minors_in_pairs
    ):
        warnings.append(Breach(RuleCode.MINORS_PAIRS, minors.describe_lone_minor(party, household)))
    return Verdict(not breaches, tuple(breaches), tuple(warnings))


def plan_breaches(problem: HousingProblem, placed: Mapping[int, int]) -> list[Breach]:
    """Every hard rule a whole placement breaks (locked placements are taken as given)."""
    found: list[Breach] = []
    by_household: dict[int, list[Party]] = {}
    for pid, hid in sorted(placed.items()):
        party = problem.party(pid)
        by_household.setdefault(hid, []).append(party)
        if problem.fixed(party) and party.current_household == hid:
            continue
        household = problem.household(hid)
        if household is None:
            found.append(Breach(RuleCode.NOT_OFFERED, f"household {hid} offers no beds"))
            continue
        if hid in party.excluded:
            found.append(
                Breach(RuleCode.EXCLUDED, f"{party.name} is excluded from {household.label}")
            )
        found.extend(attribute_breaches(problem, party, household))
    for hid, guests in sorted(by_household.items()):
        household = problem.household(hid)
        if household is None:
            continue
        fixed = [p for p in guests if problem.fixed(p) and p.current_household == hid]
        if len(fixed) == len(guests):
            continue  # only locked guests: the organiser chose them, perhaps on purpose
        people = sum(bed_use(p)[0] for p in guests)
        couples = sum(bed_use(p)[1] for p in guests)
        if not fits(household, people, couples):
            found.append(Breach(RuleCode.BEDS_TAKEN, f"{household.label} holds {people} guests"))
        # A lone minor locked in by the organiser is their choice; the rule binds the rest.
        if not any(p.minors for p in fixed) and not minors.pairs_ok(
            sum(p.minors for p in guests), problem.settings.minors_in_pairs
        ):
            found.append(Breach(RuleCode.MINORS_PAIRS, f"{household.label} hosts a lone minor"))
    return found
