"""The hard rules of placement: one check per party and household, in the organiser's words.

Each rule that depends only on the people and the home is an ``AttributeRule``: a key read
from the party, a key read from the household, a predicate on the two keys and a sentence.
``check_placement`` (the window's drag and drop) and the planner's candidate filter both use
the same rule objects, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from twinplanner.i18n import N_, _, format_date, join_words, ngettext
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
    households_phrase: Callable[[int], str]  # "12 keep an animal …" in explanations, with {n}


# (allergic to …, keeps …): the animals in general and the animals a household keeps.
_ANIMALS = {
    "cat": (N_("cats"), N_("a cat")),
    "dog": (N_("dogs"), N_("a dog")),
    "horse": (N_("horses"), N_("a horse")),
    "rabbit": (N_("rabbits"), N_("a rabbit")),
    "rodent": (N_("rodents"), N_("pet rodents")),
    "bird": (N_("birds"), N_("pet birds")),
}


def _animal(species: str, plural: bool) -> str:
    names = _ANIMALS.get(species)
    if names is None:
        return species
    return _(names[0] if plural else names[1])


def _day(d: dt.date) -> str:
    return format_date(d, "day")


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
            parts.append(
                _("{name} is allergic to {animals}; {household} keeps {kept}").format(
                    name=m.name,
                    animals=join_words([_animal(a, True) for a in hit]),
                    household=household.label,
                    kept=join_words([_animal(a, False) for a in hit]),
                )
            )
    return "; ".join(parts)


def _describe_smoking(problem: HousingProblem, party: Party, household: Household) -> str:
    needing = [m.name for m in party.members if m.needs_smoke_free]
    return ngettext(
        "{names} needs a smoke-free home; {household} allows smoking",
        "{names} need a smoke-free home; {household} allows smoking",
        len(needing),
    ).format(names=join_words(needing), household=household.label)


def _describe_step_free(problem: HousingProblem, party: Party, household: Household) -> str:
    needing = [m.name for m in party.members if m.needs_step_free]
    return ngettext(
        "{names} needs a step-free home; {household} is not step-free",
        "{names} need a step-free home; {household} is not step-free",
        len(needing),
    ).format(names=join_words(needing), household=household.label)


def _gender_forbids(genders: Hashable, preference: Hashable) -> bool:
    wanted = {"female_only": "female", "male_only": "male"}.get(str(preference))
    return wanted is not None and any(g != wanted for g in genders)  # type: ignore[attr-defined]


def _describe_gender(problem: HousingProblem, party: Party, household: Household) -> str:
    wanted = "female" if household.gender_preference == "female_only" else "male"
    others = [m for m in party.members if m.gender != wanted]
    texts = [_(_GENDER_IS.get(m.gender, _GENDER_UNKNOWN)).format(name=m.name) for m in others]
    limit = (
        _("{household} takes only female guests")
        if wanted == "female"
        else _("{household} takes only male guests")
    )
    return "; ".join([*texts, limit.format(household=household.label)])


_GENDER_IS = {
    "female": N_("{name} is female"),
    "male": N_("{name} is male"),
    "diverse": N_("{name} is diverse"),
}
_GENDER_UNKNOWN = N_("{name}'s gender is not recorded")


def _availability_forbids(stay: Hashable, available: Hashable) -> bool:
    (first, last), (start, end) = stay, available  # type: ignore[misc]
    return start > first or end < last


def _describe_availability(problem: HousingProblem, party: Party, household: Household) -> str:
    first, last = problem.stay_of(party)
    start, end = problem.availability_of(household)
    return _(
        "the {party} party stays from {first} to {last}; {household} can host from {start} to {end}"
    ).format(
        party=party.name,
        first=_day(first),
        last=_day(last),
        household=household.label,
        start=_day(start),
        end=_day(end),
    )


def _too_big(use: Hashable, beds: Hashable) -> bool:
    (people, couples), household = use, beds  # type: ignore[misc]
    return not fits(household, people, couples)


def _describe_too_big(problem: HousingProblem, party: Party, household: Household) -> str:
    people, couples = bed_use(party)
    who = ngettext("the {party} party is {n}", "the {party} party are {n}", people).format(
        party=party.name, n=people
    )
    if people > household.capacity:
        if household.max_guests is not None and household.max_guests < household.beds:
            return ngettext(
                "{party_size}; {household} takes at most {n} guests",
                "{party_size}; {household} takes at most {n} guests",
                household.max_guests,
            ).format(party_size=who, household=household.label, n=household.max_guests)
        return ngettext(
            "{party_size}; {household} has {n} beds",
            "{party_size}; {household} has {n} beds",
            household.beds,
        ).format(party_size=who, household=household.label, n=household.beds)
    singles = household.beds - household.double_beds
    return _(
        "{party_size} who do not share a bed; {household} has {beds} beds, {in_double} of them "
        "in double beds, so room for {room}"
    ).format(
        party_size=who,
        household=household.label,
        beds=household.beds,
        in_double=2 * household.double_beds,
        room=singles,
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
            lambda n: ngettext(
                "{n} keeps an animal a member is allergic to",
                "{n} keep an animal a member is allergic to",
                n,
            ),
        ),
        AttributeRule(
            RuleCode.SMOKING,
            lambda pr, p: any(m.needs_smoke_free for m in p.members),
            lambda pr, h: h.smoking,
            lambda a, b: bool(a and b),
            _describe_smoking,
            lambda n: ngettext("{n} allows smoking", "{n} allow smoking", n),
        ),
        AttributeRule(
            RuleCode.STEP_FREE,
            lambda pr, p: any(m.needs_step_free for m in p.members),
            lambda pr, h: h.step_free,
            lambda a, b: bool(a and not b),
            _describe_step_free,
            lambda n: ngettext("{n} is not step-free", "{n} are not step-free", n),
        ),
        AttributeRule(
            RuleCode.MINORS_NOT_CLEARED,
            lambda pr, p: p.minors > 0,
            lambda pr, h: h.minors_cleared,
            lambda a, b: minors.not_cleared(bool(a), bool(b)),
            lambda pr, p, h: minors.describe_not_cleared(p, h),
            lambda n: ngettext(
                "{n} is not cleared to host minors", "{n} are not cleared to host minors", n
            ),
        ),
        AttributeRule(
            RuleCode.NO_MINORS,
            lambda pr, p: p.minors > 0,
            lambda pr, h: h.no_minors,
            lambda a, b: minors.refuses_minors(bool(a), bool(b)),
            lambda pr, p, h: minors.describe_refuses(p, h),
            lambda n: ngettext("{n} takes no minors", "{n} take no minors", n),
        ),
        AttributeRule(
            RuleCode.AVAILABILITY,
            lambda pr, p: pr.stay_of(p),
            lambda pr, h: pr.availability_of(h),
            _availability_forbids,
            _describe_availability,
            lambda n: ngettext(
                "{n} cannot host for the whole stay", "{n} cannot host for the whole stay", n
            ),
        ),
        AttributeRule(
            RuleCode.TOO_FEW_BEDS,
            lambda pr, p: bed_use(p),
            _bed_key,
            _too_big,
            _describe_too_big,
            lambda n: ngettext("{n} has too few beds", "{n} have too few beds", n),
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
                lambda n: ngettext(
                    "{n} takes only guests of another gender",
                    "{n} take only guests of another gender",
                    n,
                ),
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
                _("the {party} party is locked to its household; unlock it first").format(
                    party=party.name
                ),
            )
        )
    if household is None:
        breaches.append(
            Breach(
                RuleCode.NOT_OFFERED,
                _("household {id} has not offered beds for this visit").format(id=household_id),
            )
        )
        return Verdict(False, tuple(breaches))
    if household_id in party.excluded:
        breaches.append(
            Breach(
                RuleCode.EXCLUDED,
                _("the organiser excluded {household} for the {party} party").format(
                    household=household.label, party=party.name
                ),
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
        names = join_words([f"{p.name} ({p.size})" for p in others])
        breaches.append(
            Breach(
                RuleCode.BEDS_TAKEN,
                _("{household} has room for {n}; {parties} already stay there").format(
                    household=household.label, n=household.capacity, parties=names
                ),
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
            found.append(
                Breach(RuleCode.NOT_OFFERED, _("household {id} offers no beds").format(id=hid))
            )
            continue
        if hid in party.excluded:
            found.append(
                Breach(
                    RuleCode.EXCLUDED,
                    _("{party} is excluded from {household}").format(
                        party=party.name, household=household.label
                    ),
                )
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
            found.append(
                Breach(
                    RuleCode.BEDS_TAKEN,
                    ngettext(
                        "{household} holds {n} guests", "{household} holds {n} guests", people
                    ).format(household=household.label, n=people),
                )
            )
        # A lone minor locked in by the organiser is their choice; the rule binds the rest.
        if not any(p.minors for p in fixed) and not minors.pairs_ok(
            sum(p.minors for p in guests), problem.settings.minors_in_pairs
        ):
            found.append(
                Breach(
                    RuleCode.MINORS_PAIRS,
                    _("{household} hosts a lone minor").format(household=household.label),
                )
            )
    return found
