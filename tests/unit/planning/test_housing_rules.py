"""The hard rules of placement, one by one, through the manual check the window uses."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories_housing import guest, home, minor, party, problem
from twinplanner.domain.errors import ValidationError
from twinplanner.planning.housing.problem import HousingSettings, Weights
from twinplanner.planning.housing.rules import RuleCode, check_placement, fits


def codes(verdict) -> set[RuleCode]:  # type: ignore[no-untyped-def]
    """The rules a verdict names."""
    return {b.rule for b in verdict.breaches}


def test_allergy_is_named_in_the_organisers_words() -> None:
    """An animal allergy never meets that animal, and the sentence names person and animal."""
    ana = guest(1, "Ana Popescu", animal_allergies=("cat",))
    pr = problem([party(1, ana, name="Popescu")], [home(7, name="Sabine Müller", pets=("cat",))])
    verdict = check_placement(pr, 1, 7)
    assert not verdict.allowed
    assert codes(verdict) == {RuleCode.ALLERGY}
    assert "Ana Popescu is allergic to cats; Sabine Müller's household keeps a cat" in verdict.text


def test_allergy_to_another_animal_is_no_obstacle() -> None:
    """A dog allergy does not forbid a household that keeps only a cat."""
    pr = problem([party(1, guest(1, animal_allergies=("dog",)))], [home(7, pets=("cat",))])
    assert check_placement(pr, 1, 7).allowed


def test_smoke_free_need_meets_no_smoking_household() -> None:
    """A visitor who needs a smoke-free home never goes to a smoking household."""
    pr = problem(
        [party(1, guest(1, "Noémie Garnier", needs_smoke_free=True))],
        [home(7, smoking=True), home(8)],
    )
    verdict = check_placement(pr, 1, 7)
    assert codes(verdict) == {RuleCode.SMOKING}
    assert "Noémie Garnier needs a smoke-free home" in verdict.text
    assert check_placement(pr, 1, 8).allowed


def test_step_free_need_meets_step_free_home() -> None:
    """A step-free need goes only to a step-free home."""
    pr = problem([party(1, guest(1, needs_step_free=True))], [home(7), home(8, step_free=True)])
    assert codes(check_placement(pr, 1, 7)) == {RuleCode.STEP_FREE}
    assert check_placement(pr, 1, 8).allowed


def test_minor_needs_a_cleared_household() -> None:
    """A minor goes only to a household cleared to host minors; the age is in the sentence."""
    pr = problem(
        [party(1, minor(1, "Léa Martin", age=15))], [home(7, minors_cleared=False), home(8)]
    )
    verdict = check_placement(pr, 1, 7)
    assert codes(verdict) == {RuleCode.MINORS_NOT_CLEARED}
    assert "Léa Martin (15) is a minor" in verdict.text
    assert check_placement(pr, 1, 8).allowed


def test_household_that_takes_no_minors_gets_none() -> None:
    """A household's own 'no minors' limit holds even when it is cleared."""
    pr = problem([party(1, minor(1))], [home(7, no_minors=True)])
    assert codes(check_placement(pr, 1, 7)) == {RuleCode.NO_MINORS}


def test_gender_limit_is_hard_by_default_and_soft_when_the_visit_says_so() -> None:
    """'Only female guests' refuses a man; with the limit soft it only earns fewer points."""
    men = party(1, guest(1, "Marc Simon", gender="male"))
    hard = problem([men], [home(7, gender_preference="female_only")])
    verdict = check_placement(hard, 1, 7)
    assert codes(verdict) == {RuleCode.GENDER_LIMIT}
    assert "Marc Simon is male" in verdict.text
    soft = problem(
        [men],
        [home(7, gender_preference="female_only")],
        settings=HousingSettings(gender_limit_hard=False),
    )
    assert check_placement(soft, 1, 7).allowed


def test_unknown_gender_is_not_taken_for_the_wanted_one() -> None:
    """A guest whose gender is not recorded cannot go to a female-only household."""
    pr = problem([party(1, guest(1, gender="unknown"))], [home(7, gender_preference="female_only")])
    verdict = check_placement(pr, 1, 7)
    assert codes(verdict) == {RuleCode.GENDER_LIMIT}
    assert "gender is not recorded" in verdict.text


def test_household_must_be_available_for_the_whole_stay() -> None:
    """A household away on the last night cannot host a party staying to the end."""
    away = home(7, available_until=dt.date(2027, 5, 15))
    pr = problem([party(1), party(2, last_day=dt.date(2027, 5, 15))], [away])
    assert codes(check_placement(pr, 1, 7)) == {RuleCode.AVAILABILITY}
    assert check_placement(pr, 2, 7).allowed


def test_party_larger_than_the_household_is_refused() -> None:
    """A party stays whole: three people never go to a household with two beds."""
    pr = problem([party(1, guest(1), guest(2), guest(3), name="Popescu")], [home(7, beds=2)])
    verdict = check_placement(pr, 1, 7)
    assert codes(verdict) == {RuleCode.TOO_FEW_BEDS}
    assert "the Popescu party are 3" in verdict.text


def test_max_guests_limits_below_the_beds() -> None:
    """'At most N guests' holds even when there are more beds."""
    pr = problem([party(1, guest(1), guest(2))], [home(7, beds=4, max_guests=1)])
    verdict = check_placement(pr, 1, 7)
    assert codes(verdict) == {RuleCode.TOO_FEW_BEDS}
    assert "takes at most 1 guests" in verdict.text


def test_couple_shares_a_double_bed_but_friends_do_not() -> None:
    """Two beds forming one double bed hold a couple, not two friends."""
    couple = party(1, guest(1), guest(2), kind="couple")
    friends = party(2, guest(3), guest(4), kind="friends")
    pr = problem([couple, friends], [home(7, beds=2, double_beds=1)])
    assert check_placement(pr, 1, 7, placed={}).allowed
    assert codes(check_placement(pr, 2, 7, placed={})) == {RuleCode.TOO_FEW_BEDS}


def test_couple_with_a_minor_never_shares_a_bed() -> None:
    """A minor has a bed of their own: a 'couple' with a minor cannot use a double bed."""
    pair = party(1, guest(1), minor(2), kind="couple")
    pr = problem([pair], [home(7, beds=2, double_beds=1)])
    assert codes(check_placement(pr, 1, 7)) == {RuleCode.TOO_FEW_BEDS}


def test_double_bed_arithmetic() -> None:
    """Beds count double-bed places; sharing couples save a place only in a double bed."""
    h = home(1, beds=4, double_beds=1)  # one double bed and two single beds
    assert fits(h, 4, 1)  # a couple in the double bed, two others in the singles
    assert not fits(h, 4, 0)  # four people who do not share need four beds of their own
    assert fits(h, 3, 0)


def test_exclusion_is_obeyed() -> None:
    """The organiser's exclusion forbids the household."""
    pr = problem([party(1, excluded=frozenset({7}))], [home(7)])
    verdict = check_placement(pr, 1, 7)
    assert codes(verdict) == {RuleCode.EXCLUDED}


def test_locked_party_must_be_unlocked_before_moving() -> None:
    """A party locked to a household cannot be moved by hand elsewhere."""
    pr = problem([party(1, current_household=7, locked=True)], [home(7), home(8)])
    assert codes(check_placement(pr, 1, 8)) == {RuleCode.LOCKED_ELSEWHERE}
    assert check_placement(pr, 1, 7).allowed


def test_beds_taken_by_others_name_them() -> None:
    """When others fill the beds, the check names who stays there."""
    pr = problem([party(1, name="Dubois"), party(2, name="Girard")], [home(7, beds=1)])
    verdict = check_placement(pr, 2, 7, placed={1: 7})
    assert codes(verdict) == {RuleCode.BEDS_TAKEN}
    assert "Dubois (1) already stay there" in verdict.text


def test_household_not_offering_beds() -> None:
    """A household that offers no beds for the visit is refused with that reason."""
    pr = problem([party(1)], [home(7)])
    assert codes(check_placement(pr, 1, 99)) == {RuleCode.NOT_OFFERED}


def test_every_breaking_rule_is_listed() -> None:
    """Several rules at once are all named, not only the first."""
    p = party(1, minor(1, animal_allergies=("dog",), needs_smoke_free=True))
    pr = problem([p], [home(7, pets=("dog",), smoking=True, minors_cleared=False)])
    assert codes(check_placement(pr, 1, 7)) == {
        RuleCode.ALLERGY,
        RuleCode.SMOKING,
        RuleCode.MINORS_NOT_CLEARED,
    }


def test_lone_minor_is_a_warning_when_minors_go_in_pairs() -> None:
    """With minors in pairs, a first lone minor is warned about, a second one is not."""
    pr = problem(
        [party(1, minor(1)), party(2, minor(2))],
        [home(7, beds=3)],
        settings=HousingSettings(minors_in_pairs=True),
    )
    first = check_placement(pr, 1, 7, placed={})
    assert first.allowed and {w.rule for w in first.warnings} == {RuleCode.MINORS_PAIRS}
    second = check_placement(pr, 2, 7, placed={1: 7})
    assert second.allowed and not second.warnings


def test_weights_from_settings_are_checked() -> None:
    """Stored weights with a wrong name or value give a message naming the weight."""
    assert Weights.from_dict({"repeat_host": 50}).repeat_host == 50
    with pytest.raises(ValidationError, match="unknown weight 'colour'"):
        Weights.from_dict({"colour": 3})
    with pytest.raises(ValidationError, match="'named_wish' must be a whole number"):
        Weights.from_dict({"named_wish": -1})


def test_problem_refuses_impossible_beds() -> None:
    """A household with more double-bed places than beds is refused with its name."""
    with pytest.raises(ValidationError, match="Host 7's household: 2 beds with 2 double beds"):
        problem([party(1)], [home(7, beds=2, double_beds=2)])
