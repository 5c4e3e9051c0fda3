"""Match fixtures of both towns' teams: ours v theirs, round robin, or groups plus finals."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from twinplanner.domain.errors import ValidationError
from twinplanner.i18n import _


class FixtureFormat(StrEnum):
    """How the teams of one category meet."""

    AUTO = "auto"  # one pairing, a round robin up to 5 teams, else groups plus finals
    OURS_V_THEIRS = "ours_v_theirs"  # every team of ours against every team of theirs
    ROUND_ROBIN = "round_robin"  # everyone against everyone
    GROUPS_AND_FINALS = "groups_and_finals"  # groups of about four, then final matches


@dataclass(frozen=True, slots=True)
class Team:
    """A team taking part: a club of one of the two towns in a category."""

    club_id: int
    name: str
    category: str
    ours: bool


@dataclass(frozen=True, slots=True)
class Fixture:
    """One match to be played; final matches name the groups their teams come from."""

    key: str  # stable within a category, e.g. "U15 A3" or "U15 final"
    category: str
    stage: str  # "friendly", "round robin", "group A", "semi-final", "final", "third place"
    home: Team | None  # None: decided by earlier results
    away: Team | None
    home_label: str
    away_label: str
    after: tuple[str, ...] = ()  # keys of the fixtures that must be over first
    round: int = 0

    @property
    def club_ids(self) -> tuple[int, ...]:
        """The clubs known to play (none yet for a final)."""
        return tuple(t.club_id for t in (self.home, self.away) if t is not None)

    @property
    def title(self) -> str:
        """'U15 group A: TSV Lindenfeld v AS Beaulieu'."""
        return f"{self.category} {self.stage}: {self.home_label} v {self.away_label}"


def round_robin_rounds(teams: Sequence[Team]) -> list[list[tuple[Team, Team]]]:
    """Everyone meets everyone once, in rounds where nobody plays twice (circle method)."""
    players: list[Team | None] = list(teams)
    if len(players) % 2:
        players.append(None)
    n = len(players)
    rounds: list[list[tuple[Team, Team]]] = []
    for r in range(n - 1):
        pairs = []
        for i in range(n // 2):
            a, b = players[i], players[n - 1 - i]
            if a is not None and b is not None:
                # alternate home and away so nobody is always listed first
                pairs.append((a, b) if (r + i) % 2 == 0 else (b, a))
        rounds.append(pairs)
        players = [players[0], players[-1], *players[1:-1]]
    return rounds


def _mixed_order(teams: Sequence[Team]) -> list[Team]:
    """Ours and theirs alternately, so groups mix the two towns."""
    ours = [t for t in teams if t.ours]
    theirs = [t for t in teams if not t.ours]
    mixed: list[Team] = []
    for i in range(max(len(ours), len(theirs))):
        mixed.extend(x[i] for x in (ours, theirs) if i < len(x))
    return mixed


def _group_fixtures(category: str, teams: Sequence[Team]) -> tuple[list[Fixture], list[str]]:
    groups_count = max(2, math.ceil(len(teams) / 4))
    groups: list[list[Team]] = [[] for _ in range(groups_count)]
    for i, team in enumerate(_mixed_order(teams)):  # snake seeding
        row, col = divmod(i, groups_count)
        groups[col if row % 2 == 0 else groups_count - 1 - col].append(team)
    letters = [chr(ord("A") + g) for g in range(groups_count)]
    fixtures: list[Fixture] = []
    for letter, members in zip(letters, groups, strict=True):
        for r, pairs in enumerate(round_robin_rounds(members)):
            for i, (a, b) in enumerate(pairs):
                fixtures.append(
                    Fixture(
                        f"{category} {letter}{r + 1}.{i + 1}",
                        category,
                        f"group {letter}",
                        a,
                        b,
                        a.name,
                        b.name,
                        (),
                        r,
                    )
                )
    return fixtures, letters


def _finals(category: str, letters: list[str], group_keys: tuple[str, ...]) -> list[Fixture]:
    last_round = 100
    if len(letters) == 2:
        a, b = letters
        return [
            Fixture(
                f"{category} third place",
                category,
                "third place",
                None,
                None,
                f"second of group {a}",
                f"second of group {b}",
                group_keys,
                last_round,
            ),
            Fixture(
                f"{category} final",
                category,
                "final",
                None,
                None,
                f"winner of group {a}",
                f"winner of group {b}",
                group_keys,
                last_round,
            ),
        ]
    if len(letters) == 3:
        a, b, c = letters
        semis = [
            (f"winner of group {a}", "best second"),
            (f"winner of group {b}", f"winner of group {c}"),
        ]
    else:  # four or more groups: the first four group winners
        a, b, c, d = letters[:4]
        semis = [
            (f"winner of group {a}", f"winner of group {c}"),
            (f"winner of group {b}", f"winner of group {d}"),
        ]
    semi_fixtures = [
        Fixture(
            f"{category} semi-final {i + 1}",
            category,
            "semi-final",
            None,
            None,
            h,
            w,
            group_keys,
            last_round - 1,
        )
        for i, (h, w) in enumerate(semis)
    ]
    semi_keys = tuple(f.key for f in semi_fixtures)
    return [
        *semi_fixtures,
        Fixture(
            f"{category} third place",
            category,
            "third place",
            None,
            None,
            "loser of semi-final 1",
            "loser of semi-final 2",
            semi_keys,
            last_round,
        ),
        Fixture(
            f"{category} final",
            category,
            "final",
            None,
            None,
            "winner of semi-final 1",
            "winner of semi-final 2",
            semi_keys,
            last_round,
        ),
    ]


def generate_fixtures(
    category: str, teams: Sequence[Team], fmt: FixtureFormat | str = FixtureFormat.AUTO
) -> list[Fixture]:
    """The fixtures of one category; ValidationError when the teams cannot play that format."""
    try:
        fmt = FixtureFormat(fmt)
    except ValueError as exc:
        choices = ", ".join(f.value for f in FixtureFormat)
        raise ValidationError(
            _("Category {category}: unknown fixture format '{fmt}' ({choices}).").format(
                category=category, fmt=fmt, choices=choices
            )
        ) from exc
    teams = sorted(teams, key=lambda t: (not t.ours, t.name, t.club_id))
    if len({t.club_id for t in teams}) != len(teams):
        raise ValidationError(
            _("Category {category}: a team is listed twice.").format(category=category)
        )
    if len(teams) < 2:
        return []
    ours = [t for t in teams if t.ours]
    theirs = [t for t in teams if not t.ours]
    if fmt is FixtureFormat.AUTO:
        if len(ours) == 1 and len(theirs) == 1:
            fmt = FixtureFormat.OURS_V_THEIRS
        elif len(teams) <= 5:
            fmt = FixtureFormat.ROUND_ROBIN
        else:
            fmt = FixtureFormat.GROUPS_AND_FINALS
    if fmt is FixtureFormat.OURS_V_THEIRS:
        if not ours or not theirs:
            raise ValidationError(
                _(
                    "Category {category}: 'ours against theirs' needs a team of each town (ours: "
                    "{ours}, theirs: {theirs})."
                ).format(category=category, ours=len(ours), theirs=len(theirs))
            )
        return [
            Fixture(
                f"{category} {i + 1}.{j + 1}", category, "friendly", a, b, a.name, b.name, (), j
            )
            for i, a in enumerate(ours)
            for j, b in enumerate(theirs)
        ]
    if fmt is FixtureFormat.ROUND_ROBIN:
        return [
            Fixture(
                f"{category} R{r + 1}.{i + 1}", category, "round robin", a, b, a.name, b.name, (), r
            )
            for r, pairs in enumerate(round_robin_rounds(teams))
            for i, (a, b) in enumerate(pairs)
        ]
    if len(teams) < 4:
        raise ValidationError(
            _(
                "Category {category}: groups plus finals needs at least 4 teams ({count} given)."
            ).format(category=category, count=len(teams))
        )
    group_fixtures, letters = _group_fixtures(category, teams)
    return group_fixtures + _finals(category, letters, tuple(f.key for f in group_fixtures))
