"""Every rule about minors in one place: clearance, no-minor homes, own bed, pairs."""

from __future__ import annotations

from twinplanner.i18n import _, join_words, ngettext
from twinplanner.planning.housing.problem import Household, Party

# A minor is a visitor under 18 on the visit's arrival day; the service works that out with
# twinplanner.domain.rules.is_minor and records it on each Member.


def shares_double_bed(party: Party) -> bool:
    """True when the party may sleep two to a double bed: a couple of two adults.

    A minor always has a bed of their own, so a party with a minor never shares one.
    """
    return party.kind == "couple" and party.size == 2 and party.minors == 0


def minor_names(party: Party) -> str:
    """The minors of a party with their ages, for messages: "Léa Martin (15)"."""
    names = [
        f"{m.name} ({m.age})" if m.age is not None else m.name for m in party.members if m.minor
    ]
    return join_words(names)


def not_cleared(has_minor: bool, cleared: bool) -> bool:
    """A minor goes only to a household cleared to host minors."""
    return has_minor and not cleared


def refuses_minors(has_minor: bool, no_minors: bool) -> bool:
    """A household that takes no minors never gets one."""
    return has_minor and no_minors


def describe_not_cleared(party: Party, household: Household) -> str:
    """Why a minor may not stay with a household that is not cleared."""
    return ngettext(
        "{names} is a minor; {household} is not cleared to host minors",
        "{names} are minors; {household} is not cleared to host minors",
        party.minors,
    ).format(names=minor_names(party), household=household.label)


def describe_refuses(party: Party, household: Household) -> str:
    """Why a minor may not stay with a household that takes no minors."""
    return ngettext(
        "{names} is a minor; {household} takes no minors",
        "{names} are minors; {household} takes no minors",
        party.minors,
    ).format(names=minor_names(party), household=household.label)


def pairs_ok(minors_in_household: int, minors_in_pairs: bool) -> bool:
    """When the visit places minors at least in pairs, a household hosts none or two or more."""
    return not minors_in_pairs or minors_in_household != 1


def describe_lone_minor(party: Party, household: Household) -> str:
    """The warning for a minor who would be the only one in a household."""
    return _(
        "{names} would be the only minor with {household}; this visit places minors at least "
        "in pairs"
    ).format(names=minor_names(party), household=household.label)
