"""The timetable planner: rules kept, fixed events untouched, what does not fit explained."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from tests.unit.programme.programme_helpers import (
    CHOIR,
    CHURCH,
    ORCHESTRA,
    PITCH1,
    at,
    event,
    replace,
    snapshot,
)
from twinplanner.planning.programme.conflicts import ConflictKind, check_programme, errors
from twinplanner.planning.programme.proposal import ChangeKind, propose
from twinplanner.planning.programme.snapshot import (
    ClubInfo,
    EventInfo,
    PersonInfo,
    ProgrammeSettings,
    ProgrammeSnapshot,
)

LUNCH = event(90, at(12, 30), at(13, 30), kind="meal", title="Lunch for everyone")


def tournament(teams: int = 4, *extra: EventInfo, **settings: object) -> ProgrammeSnapshot:
    """``teams`` U15 teams (half of each town), each with two players, plus the kept events."""
    base = snapshot(LUNCH, *extra)
    clubs = [c for c in base.clubs if c.kind != "sports_team"]
    persons = [p for p in base.persons if p.id in (1, 2)]
    for i in range(teams):
        cid = 200 + i
        clubs.append(ClubInfo(cid, f"Team {i + 1}", "sports_team", "U15", 1 + i % 2, i % 2 == 0))
        persons += [
            PersonInfo(1000 + 10 * i + j, f"Player {i}-{j}", True, None, None, (cid,))
            for j in range(2)
        ]
    return replace(
        base,
        clubs=tuple(clubs),
        persons=tuple(persons),
        settings=ProgrammeSettings.from_json(settings),
    )


def matches_of(snap: ProgrammeSnapshot) -> list[EventInfo]:
    return [e for e in snap.events if e.kind == "match"]


def test_round_robin_is_placed_keeping_every_rule() -> None:
    """Six matches: all placed, no team twice at once, 60 min rest, at most 2 a day, no clash."""
    snap = tournament(4)
    proposal = propose(snap, time_limit=10)
    assert proposal.unplaced == () and len(proposal.changes) == 6
    after = proposal.apply_to(snap)
    conflicts = check_programme(after)
    bad = {ConflictKind.REST_TOO_SHORT, ConflictKind.TOO_MANY_MATCHES}
    assert errors(conflicts) == [] and not [c for c in conflicts if c.kind in bad]
    per_team: dict[int, list[EventInfo]] = defaultdict(list)
    for m in matches_of(after):
        for cid in m.club_ids:
            per_team[cid].append(m)
        assert m.venue_id in (3, 4) and not m.fixed
        assert dt.time(9) <= m.starts_at.time() and m.ends_at.time() <= dt.time(19)
    for games in per_team.values():
        games.sort(key=lambda g: g.starts_at)
        for a, b in zip(games, games[1:], strict=False):
            assert b.starts_at - a.ends_at >= dt.timedelta(minutes=60)
        days = [g.starts_at.date() for g in games]
        assert max(days.count(d) for d in days) <= 2


def test_fixed_events_stay_and_are_kept_free() -> None:
    """The fixed lunch is not moved, and no match overlaps it (with travel time around it)."""
    snap = tournament(4)
    proposal = propose(snap, time_limit=10)
    after = proposal.apply_to(snap)
    assert after.event_by_id[90] == LUNCH
    assert all(c.kind is ChangeKind.NEW for c in proposal.changes)
    for m in matches_of(after):
        assert m.ends_at + dt.timedelta(
            minutes=15
        ) <= LUNCH.starts_at or m.starts_at >= LUNCH.ends_at + dt.timedelta(minutes=15)


def test_fixed_match_kept_and_movable_match_moved() -> None:
    """A fixed fixture is left alone; a fixture the organiser left movable may be moved."""
    fixed = event(
        50,
        at(9, 0, 1),
        at(10, 0, 1),
        kind="match",
        venue_id=PITCH1,
        club_ids=(200, 201),
        category="U15",
        fixed=True,
        title="Kept match",
    )
    movable = event(
        51,
        at(18, 0, 2),
        at(19, 0, 2),
        kind="match",
        venue_id=PITCH1,
        club_ids=(200, 202),
        category="U15",
        fixed=False,
        title="Movable match",
    )
    snap = tournament(4, fixed, movable)
    proposal = propose(snap, time_limit=10)
    after = proposal.apply_to(snap)
    assert after.event_by_id[50] == fixed
    pairs = [frozenset(m.club_ids) for m in matches_of(after)]
    assert len(pairs) == 6 and len(set(pairs)) == 6  # no pairing twice
    moved = [c for c in proposal.changes if c.kind is ChangeKind.MOVED]
    assert [c.event.id for c in moved] == [51] and moved[0].previous == movable
    assert moved[0].event.starts_at < movable.starts_at  # earlier in a day is better


def test_finals_after_group_games() -> None:
    """Groups plus finals: the final starts at least the rest time after every group game."""
    snap = tournament(8)
    proposal = propose(snap, time_limit=5, relative_gap=0.05)  # proven in about a second
    assert proposal.unplaced == ()
    after = matches_of(proposal.apply_to(snap))
    groups = [m for m in after if " group " in m.title.split(":")[0]]
    finals = [m for m in after if m.title.startswith("U15 final") or "third place" in m.title]
    assert len(groups) == 12 and len(finals) == 2
    last_group_end = max(g.ends_at for g in groups)
    assert all(f.starts_at >= last_group_end + dt.timedelta(minutes=60) for f in finals)


def test_what_does_not_fit_is_reported_with_the_reason() -> None:
    """Pitches open for 30 minutes cannot hold a 60-minute match; the reason says so."""
    snap = tournament(2)
    venues = tuple(
        dataclasses.replace(v, closes_at=dt.time(9, 30)) if v.kind == "pitch" else v
        for v in snap.venues
    )
    proposal = propose(replace(snap, venues=venues), time_limit=5)
    assert proposal.changes == ()
    [unplaced] = proposal.unplaced
    assert "open for 60 min" in unplaced.reason and "Pitch 1" in unplaced.reason


def test_no_pitch_is_a_note() -> None:
    """Without any pitch, the proposal says that a pitch is missing."""
    snap = tournament(2)
    proposal = propose(replace(snap, venues=tuple(v for v in snap.venues if v.kind != "pitch")))
    assert any("no pitch" in n for n in proposal.notes)
    assert [u.reason for u in proposal.unplaced] == ["there is no venue for it"]


def concert_visit(fixed: bool) -> ProgrammeSnapshot:
    """Two ensembles, a joint concert at the church, and the lunch for everyone."""
    concert = event(
        70,
        at(19, 0, 1),
        at(20, 30, 1),
        kind="concert",
        title="Joint concert",
        venue_id=CHURCH,
        club_ids=(CHOIR, ORCHESTRA),
        fixed=fixed,
    )
    base = snapshot(LUNCH, concert)
    return replace(base, clubs=tuple(c for c in base.clubs if c.kind != "sports_team"))


def test_concert_rehearsals_in_order_before_a_fixed_concert() -> None:
    """Own rehearsals, then the joint one at the concert venue, then the fixed concert."""
    snap = concert_visit(fixed=True)
    proposal = propose(snap, time_limit=10)
    assert proposal.unplaced == ()
    after = proposal.apply_to(snap)
    assert after.event_by_id[70] == snap.event_by_id[70]
    rehearsals = [e for e in after.events if e.kind == "rehearsal"]
    joint = next(r for r in rehearsals if len(r.club_ids) == 2)
    own = [r for r in rehearsals if len(r.club_ids) == 1]
    assert (
        len(own) == 2 and joint.venue_id == CHURCH and all(r.prepares_id == 70 for r in rehearsals)
    )
    assert joint.ends_at + dt.timedelta(minutes=60) <= at(19, 0, 1)
    assert all(r.ends_at <= joint.starts_at for r in own)
    assert errors(check_programme(after)) == []


def test_movable_concert_is_placed_in_the_evening_window() -> None:
    """A concert left movable starts between 18:00 and 20:30, after its joint rehearsal."""
    snap = concert_visit(fixed=False)
    proposal = propose(snap, time_limit=10)
    after = proposal.apply_to(snap)
    concert = after.event_by_id[70]
    assert dt.time(18) <= concert.starts_at.time() <= dt.time(20, 30)
    joint = next(e for e in after.events if e.kind == "rehearsal" and len(e.club_ids) == 2)
    assert joint.ends_at + dt.timedelta(minutes=60) <= concert.starts_at
    assert errors(check_programme(after)) == []


def test_existing_fixed_rehearsals_are_not_planned_again() -> None:
    """When the organiser placed all rehearsals by hand, the planner proposes nothing."""
    snap = concert_visit(fixed=True)
    hand = (
        event(71, at(10, 0, 1), at(11, 0, 1), kind="rehearsal", club_ids=(CHOIR,), prepares_id=70),
        event(
            72,
            at(10, 0, 1),
            at(11, 0, 1),
            kind="rehearsal",
            club_ids=(ORCHESTRA,),
            prepares_id=70,
            venue_id=CHURCH,
        ),
        event(
            73,
            at(15, 0, 2),
            at(17, 0, 2),
            kind="rehearsal",
            club_ids=(CHOIR, ORCHESTRA),
            prepares_id=70,
            venue_id=CHURCH,
        ),
    )
    snap = replace(snap, events=snap.events + hand)
    proposal = propose(snap)
    assert proposal.changes == () and proposal.unplaced == ()
    assert proposal.result.status == "empty"


def test_rehearsals_close_to_the_concert_they_prepare() -> None:
    """Rehearsals go on the concert's day, each one ending shortly before what follows it,
    not on the evening of the first day."""
    snap = concert_visit(fixed=True)
    after = propose(snap, time_limit=10).apply_to(snap)
    concert = after.event_by_id[70]
    rehearsals = [e for e in after.events if e.kind == "rehearsal"]
    joint = next(r for r in rehearsals if len(r.club_ids) == 2)
    assert all(r.starts_at.date() == concert.starts_at.date() for r in rehearsals)
    assert concert.starts_at - joint.ends_at <= dt.timedelta(minutes=75)  # 60 min break
    for own in (r for r in rehearsals if len(r.club_ids) == 1):
        assert joint.starts_at - own.ends_at <= dt.timedelta(minutes=30)
