"""Why a party was left without a household, in sentences an organiser can act on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from twinplanner.i18n import _, join_words, ngettext
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
            reason = _("no household offers beds for this visit")
        elif not mask:
            reason = _no_household(problem, party, forbidden)
        else:
            reason = _all_full(problem, party, mask, guests)
        result.append(Unplaced(party.id, party.name, party.size, _sentence(reason)))
    return tuple(result)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


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
        parts.append(
            _("{households} (e.g. {example})").format(
                households=rule.households_phrase(mask.bit_count()).format(n=mask.bit_count()),
                example=rule.describe(problem, party, example),
            )
        )
    excluded = [h for h in problem.households if h.id in party.excluded]
    if excluded:
        parts.append(
            ngettext(
                "{n} is excluded by the organiser",
                "{n} are excluded by the organiser",
                len(excluded),
            ).format(n=len(excluded))
        )
    return ngettext(
        "no household fits the {party} party ({size}) among {n} household offering beds: {reasons}",
        "no household fits the {party} party ({size}) among {n} households offering beds: "
        "{reasons}",
        len(problem.households),
    ).format(party=party.name, size=party.size, n=len(problem.households), reasons="; ".join(parts))


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
            return ngettext(
                "{names} would be the only minor in the {n} household that fits and has room, "
                "e.g. {household}; this visit places minors at least in pairs",
                "{names} would be the only minor in each of the {n} households that fit and have "
                "room, e.g. {household}; this visit places minors at least in pairs",
                len(roomy),
            ).format(names=minors.minor_names(party), n=len(roomy), household=roomy[0].label)
        return _(
            "the planner stopped before placing the {party} party ({size}); {household} still "
            "has room: plan again with more time or place it by hand"
        ).format(party=party.name, size=party.size, household=roomy[0].label)
    shown = []
    for h in fitting[:SHOW]:
        names = join_words([p.name for p in guests.get(h.id, ())]) or _("locked guests")
        shown.append(f"{h.label} ({names})")
    more = len(fitting) - len(shown)
    taken = "; ".join(shown)
    if more > 0:
        taken = ngettext("{households} and {n} more", "{households} and {n} more", more).format(
            households=taken, n=more
        )
    if len(fitting) == 1:
        return _(
            "the only household that fits the {party} party ({size}) is full: {households} took "
            "the last fitting beds"
        ).format(party=party.name, size=party.size, households=taken)
    return ngettext(
        "all {n} household that fit the {party} party ({size}) are full: {households} took "
        "the last fitting beds",
        "all {n} households that fit the {party} party ({size}) are full: {households} took "
        "the last fitting beds",
        len(fitting),
    ).format(n=len(fitting), party=party.name, size=party.size, households=taken)
