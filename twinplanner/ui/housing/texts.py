"""The words the housing board shows for households, parties and their needs."""

from __future__ import annotations

import datetime as dt

from twinplanner.i18n import N_, _, format_date, ngettext
from twinplanner.planning.housing.problem import Household, HousingProblem, Party
from twinplanner.planning.housing.rules import Verdict
from twinplanner.ui import choices as ch

_WISH_LABELS = {
    "repeat_host": N_("guests with the same host as before"),
    "named_wish": N_("named wishes met"),
    "shared_language": N_("guests sharing a language with their hosts"),
    "household_preference": N_("guests of the age group (or gender) the hosts prefer"),
    "keep_placement": N_("parties left where they were"),
    "over_preferred": N_("guests beyond the hosts' preferred number"),
    "club_area": N_("guests housed in their club's home area"),
}


def isolated(text: str, right_to_left: bool) -> str:
    """Text kept in its own direction inside a right-to-left window (first-strong isolate).

    Without it "0 of 2 used" shows as "of 2 used 0" in Arabic: a line starting with a digit
    takes the window's direction. Each line is isolated so that cards keep their line order.
    """
    if not right_to_left or not text:
        return text
    return "\n".join(f"\u2068{line}\u2069" for line in text.split("\n"))


def reasons(verdict: Verdict) -> str:
    """Every rule a verdict names, as sentences: 'Ana Popescu is allergic to cats; …. The …'."""
    return " ".join(
        f"{b.text[:1].upper()}{b.text[1:]}." for b in (*verdict.breaches, *verdict.warnings)
    )


def wish_label(key: str, fallback: str) -> str:
    """The window's words for a soft wish of the planner."""
    return _(_WISH_LABELS[key]) if key in _WISH_LABELS else fallback


def day(value: dt.date) -> str:
    """A short day, e.g. '12 May', in the window's language."""
    return format_date(value, "short")


def people(n: int) -> str:
    """'1 person' / '3 people'."""
    return ngettext("{n} person", "{n} people", n).format(n=n)


def languages(codes: tuple[str, ...] | frozenset[str] | list[str]) -> str:
    """Language codes as shown on the board, e.g. 'de, fr'."""
    return ", ".join(codes) if codes else "–"


def beds_text(household: Household, used: int) -> str:
    """'2 of 3 beds used · 1 free' (or how far over capacity an override went)."""
    free = household.capacity - used
    text = _("{used} of {beds} used").format(used=used, beds=household.capacity)
    if free < 0:
        return text + " · " + _("{n} over").format(n=-free)
    return text + " · " + ngettext("{n} free", "{n} free", free).format(n=free)


def household_flags(problem: HousingProblem, household: Household) -> str:
    """The rules and wishes of a household in a few words: smoking, step-free, minors, limits."""
    flags = [_("smoking")] if household.smoking else []
    if household.step_free:
        flags.append(_("step-free"))
    if household.no_minors:
        flags.append(_("no minors"))
    elif household.minors_cleared:
        flags.append(_("cleared for minors"))
    if household.gender_preference != "any":
        flags.append(ch.label(household.gender_preference))
    if household.age_group != "any":
        flags.append(_("prefers {group}").format(group=ch.label(household.age_group)))
    if household.max_guests is not None and household.max_guests < household.beds:
        flags.append(_("at most {n} guests").format(n=household.max_guests))
    if household.preferred_guests is not None:
        flags.append(
            ngettext("prefers {n} guest", "prefers {n} guests", household.preferred_guests).format(
                n=household.preferred_guests
            )
        )
    if household.double_beds:
        flags.append(
            ngettext("{n} double bed", "{n} double beds", household.double_beds).format(
                n=household.double_beds
            )
        )
    start, end = problem.availability_of(household)
    if (start, end) != (problem.first_night, problem.last_day):
        flags.append(_("hosts {first}–{last}").format(first=day(start), last=day(end)))
    return " · ".join(flags) or "–"


def pets(household: Household) -> str:
    """The animals a household keeps, or a dash."""
    return ch.labels(household.pets) if household.pets else "–"


def party_title(party: Party) -> str:
    """'Lefèvre (2)'."""
    return f"{party.name} ({party.size})"


def party_languages(party: Party) -> tuple[str, ...]:
    """Every language a member speaks, in order of first mention."""
    seen: list[str] = []
    for member in party.members:
        for code in member.languages:
            if code not in seen:
                seen.append(code)
    return tuple(seen)


def party_needs(problem: HousingProblem, party: Party) -> list[str]:
    """What a party needs from its hosts, one short phrase each (empty when nothing special)."""
    needs = []
    if party.minors:
        needs.append(ngettext("{n} minor", "{n} minors", party.minors).format(n=party.minors))
    for member in party.members:
        if member.animal_allergies:
            needs.append(
                _("{name}: {animals} allergy").format(
                    name=member.name.split()[0], animals=ch.labels(member.animal_allergies)
                )
            )
    if any(m.needs_smoke_free for m in party.members):
        needs.append(_("smoke-free"))
    if any(m.needs_step_free for m in party.members):
        needs.append(_("step-free"))
    first, last = problem.stay_of(party)
    if (first, last) != (problem.first_night, problem.last_day):
        needs.append(_("stays {first}–{last}").format(first=day(first), last=day(last)))
    return needs


def party_wishes(problem: HousingProblem, party: Party) -> list[str]:
    """Named wishes, earlier hosts and exclusions of a party, by household name."""

    def name(household_id: int) -> str:
        household = problem.household(household_id)
        return household.name if household is not None else f"#{household_id}"

    wishes = [_("wish: {host}").format(host=name(h)) for h in sorted(party.wished)]
    wishes += [
        _("stayed with {host} before").format(host=name(h))
        for h, _count in party.previous_hosts
        if problem.household(h) is not None
    ]
    wishes += [_("not with {host}").format(host=name(h)) for h in sorted(party.excluded)]
    return wishes


def party_summary(problem: HousingProblem, party: Party) -> str:
    """One line: size, kind, languages and needs, e.g. '2 people · couple · fr, de · smoke-free'."""
    parts = [people(party.size), ch.label(party.kind), languages(party_languages(party))]
    return " · ".join(parts + party_needs(problem, party))


def party_details(problem: HousingProblem, party: Party) -> str:
    """Kind and needs without size and languages (the board shows those in their columns)."""
    return " · ".join([ch.label(party.kind), *party_needs(problem, party)])
