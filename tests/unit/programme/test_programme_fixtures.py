"""The fixture generator: every pairing once, rounds without a team twice, finals after groups."""

from __future__ import annotations

import itertools

import pytest

from twinplanner.domain.errors import ValidationError
from twinplanner.planning.programme.fixtures import (
    FixtureFormat,
    Team,
    generate_fixtures,
    round_robin_rounds,
)


def teams(ours: int, theirs: int, category: str = "U15") -> list[Team]:
    """``ours`` teams of our town and ``theirs`` of the partner town."""
    made = [Team(i + 1, f"SV {category} {i + 1}", category, True) for i in range(ours)]
    made += [Team(100 + i, f"AS {category} {i + 1}", category, False) for i in range(theirs)]
    return made


@pytest.mark.parametrize("count", range(2, 10))
def test_round_robin_every_pairing_exactly_once(count: int) -> None:
    """A round robin of n teams has each of the n(n-1)/2 pairings once and nobody twice a round."""
    field = teams(count // 2, count - count // 2)
    rounds = round_robin_rounds(field)
    pairs = [frozenset((a.club_id, b.club_id)) for r in rounds for a, b in r]
    expected = {frozenset((a.club_id, b.club_id)) for a, b in itertools.combinations(field, 2)}
    assert len(pairs) == len(expected) and set(pairs) == expected
    for r in rounds:
        playing = [t.club_id for pair in r for t in pair]
        assert len(playing) == len(set(playing))


def test_ours_against_theirs_pairs_every_cross_pair_once() -> None:
    """Two teams of ours and three of theirs give six friendlies, never two teams of one town."""
    fixtures = generate_fixtures("U13", teams(2, 3, "U13"), FixtureFormat.OURS_V_THEIRS)
    assert len(fixtures) == 6
    assert all(f.home.ours and not f.away.ours for f in fixtures)  # type: ignore[union-attr]
    assert len({frozenset(f.club_ids) for f in fixtures}) == 6


def test_auto_chooses_by_size() -> None:
    """One against one is a single match; up to five a round robin; more get groups and finals."""
    assert [f.stage for f in generate_fixtures("U9", teams(1, 1))] == ["friendly"]
    assert {f.stage for f in generate_fixtures("U9", teams(2, 3))} == {"round robin"}
    stages = {f.stage for f in generate_fixtures("U9", teams(4, 4))}
    assert stages == {"group A", "group B", "final", "third place"}


def test_groups_mix_towns_and_play_every_pairing_in_a_group() -> None:
    """Eight teams: two groups of four, each with two teams of each town and six games."""
    fixtures = generate_fixtures("U15", teams(4, 4), FixtureFormat.GROUPS_AND_FINALS)
    by_group: dict[str, set[int]] = {}
    for f in fixtures:
        if f.stage.startswith("group"):
            by_group.setdefault(f.stage, set()).update(f.club_ids)
    assert sorted(len(g) for g in by_group.values()) == [4, 4]
    for members in by_group.values():
        assert sum(1 for c in members if c < 100) == 2
        games = [f for f in fixtures if set(f.club_ids) <= members and f.club_ids]
        assert len(games) == 6 and len({frozenset(g.club_ids) for g in games}) == 6


def test_finals_come_after_all_group_games() -> None:
    """Final and third place wait for every group game; with 3+ groups semi-finals come first."""
    fixtures = generate_fixtures("U17", teams(4, 4), FixtureFormat.GROUPS_AND_FINALS)
    group_keys = {f.key for f in fixtures if f.stage.startswith("group")}
    final = next(f for f in fixtures if f.stage == "final")
    assert set(final.after) == group_keys and final.home is None
    big = generate_fixtures("U17", teams(6, 6), FixtureFormat.GROUPS_AND_FINALS)
    semis = {f.key for f in big if f.stage == "semi-final"}
    assert len(semis) == 2
    assert set(next(f for f in big if f.stage == "final").after) == semis


def test_bad_requests_are_refused_with_the_category() -> None:
    """Unknown formats, ours-v-theirs without both towns and tiny groups say what is wrong."""
    with pytest.raises(ValidationError, match="U11.*unknown fixture format"):
        generate_fixtures("U11", teams(1, 1), "knockout")
    with pytest.raises(ValidationError, match="needs a team of each town"):
        generate_fixtures("U11", teams(3, 0), FixtureFormat.OURS_V_THEIRS)
    with pytest.raises(ValidationError, match="at least 4 teams"):
        generate_fixtures("U11", teams(2, 1), FixtureFormat.GROUPS_AND_FINALS)
    assert generate_fixtures("U11", teams(1, 0)) == []
