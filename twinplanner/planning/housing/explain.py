"""Why a party was left without a household, in sentences an organiser can act on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from twinplanner.planning.housing import minors, rules
from twinplanner.planning.housing.candidates import bit_indices, rule_masks
from twinplanner.planning.housing.problem import HousingProblem, Party
from twinplanner.planning.housing.result import Unplaced

SHOW = 3  # households named in a sentence before "and N more"


def explain_unplaced(
    problem: HousingProblem, placed: Mapping[int, int], allowed: Mapping[int, int]
) -> tuple[Unplaced, ...]:
    """One reason for every party not in ``placed``; ``allowed`` as from allowed_masks()."""
    missing = [p for p in problem.parties if p.id not in placed]
    if not missing:
        return ()
    guests: dict[int, list[Party]] = defaultdict(list)
    for pid, hid in sorted(placed.items()):
        guests[hid].append(problem.party(pid))
    forbidden = rule_masks(problem) if any(not allowed.get(p.id) for p in missing) else {}
    result = []
    for party in missing:
        mask = allowed.get(party.id, 0)
        if not problem.households:
            reason = "no household offers beds for this visit"
        elif not mask:
            reason = _no_household(problem, party, forbidden)
        else:
            reason = _all_full(problem, party, mask, guests)
        result.append(Unplaced(party.id, party.name, party.size, _sentence(reason)))
    return tuple(result)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _households(n: int) -> str:
    return f"{n} household" if n == 1 else f"{n} households"


def _no_household(
    problem: HousingProblem, party: Party, forbidden: dict[rules.RuleCode, dict[int, int]]
) -> str:
    """Which rules leave no household: how many each forbids, with one example each."""
    parts = []
    for rule in rules.attribute_rules(problem.settings):
        mask = forbidden[rule.code][party.id]
        if not mask:
            continue
        example = problem.households[bit_indices(mask & -mask)[0]]
        count = mask.bit_count()
        phrase = rule.households_phrase
        if count == 1:
            phrase = _singular(phrase)
        parts.append(f"{count} {phrase} (e.g. {rule.describe(problem, party, example)})")
    excluded = [h for h in problem.households if h.id in party.excluded]
    if excluded:
        parts.append(
            f"{len(excluded)} {'is' if len(excluded) == 1 else 'are'} excluded by the organiser"
        )
    return (
        f"no household fits the {party.name} party ({party.size}) among "
        f"{_households(len(problem.households))} offering beds: " + "; ".join(parts)
    )


def _singular(phrase: str) -> str:
    for plural, single in (
        ("keep ", "keeps "),
        ("allow ", "allows "),
        ("are ", "is "),
        ("take ", "takes "),
        ("have ", "has "),
        ("cannot", "cannot"),
    ):
        if phrase.startswith(plural):
            return single + phrase[len(plural) :]
    return phrase


def _all_full(
    problem: HousingProblem, party: Party, mask: int, guests: Mapping[int, list[Party]]
) -> str:
    """The fitting households are full (name who took the beds), or why room was not used."""
    size, shares = rules.bed_use(party)
    fitting = [problem.households[i] for i in bit_indices(mask)]
    roomy = []
    for h in fitting:
        people = sum(rules.bed_use(p)[0] for p in guests.get(h.id, ()))
        couples = sum(rules.bed_use(p)[1] for p in guests.get(h.id, ()))
        if rules.fits(h, people + size, couples + shares):
            roomy.append(h)
    if roomy:
        if (
            problem.settings.minors_in_pairs
            and party.minors == 1
            and not any(p.minors for h in roomy for p in guests.get(h.id, ()))
        ):
            return (
                f"{minors.minor_names(party)} would be the only minor in each of the "
                f"{_households(len(roomy))} that fit and have room, e.g. {roomy[0].label}; this "
                "visit places minors at least in pairs"
            )
        return (
            f"the planner stopped before placing the {party.name} party ({party.size}); "
            f"{roomy[0].label} still has room: plan again with more time or place it by hand"
        )
    shown = []
    for h in fitting[:SHOW]:
        names = minors._join([p.name for p in guests.get(h.id, ())]) or "locked guests"
        shown.append(f"{h.label} ({names})")
    more = len(fitting) - len(shown)
    tail = f" and {more} more" if more > 0 else ""
    which = "the only household" if len(fitting) == 1 else f"all {_households(len(fitting))}"
    return (
        f"{which} that fit the {party.name} party ({party.size}) "
        f"{'is' if len(fitting) == 1 else 'are'} full: "
        + "; ".join(shown)
        + tail
        + " took the last fitting beds"
    )
