"""What the planner has to place: matches from fixtures, concerts and their rehearsals."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from twinplanner.domain.enums import ClubKind, EventKind, VenueKind
from twinplanner.i18n import _
from twinplanner.planning.programme.fixtures import Fixture, Team, generate_fixtures
from twinplanner.planning.programme.snapshot import EventInfo, ProgrammeSnapshot, VenueInfo

_REHEARSAL_VENUE_KINDS = frozenset(
    {VenueKind.HALL.value, VenueKind.CHURCH.value, VenueKind.OTHER.value}
)


@dataclass(frozen=True, slots=True)
class Task:
    """One event to place: its length, where it may go, who takes part, what must come first."""

    key: str
    kind: str
    title: str
    minutes: int
    venue_ids: tuple[int, ...]
    club_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()
    category: str = ""
    after: tuple[tuple[str, int], ...] = ()  # (task key, minutes between) that must end first
    deadline: dt.datetime | None = None  # must end by then (a fixed concert minus the break)
    not_before: dt.datetime | None = None  # must start at or after (a fixed rehearsal it follows)
    start_window: tuple[dt.time, dt.time] | None = None  # earliest and latest start of day
    event_id: int | None = None  # a stored event that is not fixed and may be moved
    prepares_id: int | None = None  # stored concert this rehearsal prepares
    pull_to_next: bool = False  # prefer late, close to what it prepares


@dataclass(frozen=True, slots=True)
class Plan:
    """The tasks of a visit and the stored events they leave where they are."""

    tasks: tuple[Task, ...]
    kept: tuple[EventInfo, ...]
    notes: tuple[str, ...] = ()  # things the organiser should know (e.g. no pitch)


def teams_by_category(snap: ProgrammeSnapshot) -> dict[str, list[Team]]:
    """Sports teams of both towns with a category, that have people in the visit or events."""
    in_events = {cid for e in snap.events for cid in e.club_ids}
    result: dict[str, list[Team]] = defaultdict(list)
    for club in snap.clubs:
        if club.kind != ClubKind.SPORTS_TEAM.value or not club.category.strip():
            continue
        if club.id in snap.members or club.id in in_events:
            result[club.category.strip()].append(
                Team(club.id, club.name, club.category.strip(), club.ours)
            )
    return dict(sorted(result.items()))


def pitches(snap: ProgrammeSnapshot) -> list[VenueInfo]:
    """Venues where matches may be placed: the chosen ones, else every pitch."""
    chosen = snap.settings.pitch_venue_ids
    if chosen:
        return [snap.venue_by_id[v] for v in chosen if v in snap.venue_by_id]
    return [v for v in snap.venues if v.kind == VenueKind.PITCH.value]


def _match_tasks(snap: ProgrammeSnapshot, notes: list[str]) -> tuple[list[Task], set[int]]:
    pitch_ids = tuple(v.id for v in pitches(snap))
    moved: set[int] = set()
    tasks: list[Task] = []
    matches = [e for e in snap.events if e.kind == EventKind.MATCH.value]
    for category, teams in teams_by_category(snap).items():
        fixtures = generate_fixtures(category, teams, snap.settings.format_for(category))
        if fixtures and not pitch_ids:
            notes.append(
                _(
                    "Category {category}: there is no pitch to play on (add a venue of kind pitch)."
                ).format(category=category)
            )
        keys_done: dict[str, EventInfo] = {}
        for fixture in fixtures:
            existing = _existing_match(fixture, matches)
            if existing is not None and existing.fixed:
                keys_done[fixture.key] = existing
                continue
            if existing is not None:
                moved.add(existing.id)
            tasks.append(_task_of(snap, fixture, pitch_ids, existing))
        tasks = [_after_fixed(t, keys_done) for t in tasks]
    return tasks, moved


def _existing_match(fixture: Fixture, matches: list[EventInfo]) -> EventInfo | None:
    for e in matches:
        if fixture.home is not None and fixture.away is not None:
            if e.category == fixture.category and set(e.club_ids) == set(fixture.club_ids):
                return e
        elif e.title == fixture.title:
            return e
    return None


def _task_of(
    snap: ProgrammeSnapshot, f: Fixture, pitch_ids: tuple[int, ...], existing: EventInfo | None
) -> Task:
    return Task(
        key=f.key,
        kind=EventKind.MATCH.value,
        title=f.title,
        minutes=(
            int((existing.ends_at - existing.starts_at).total_seconds() // 60)
            if existing
            else snap.settings.minutes_for_match(f.category)
        ),
        venue_ids=pitch_ids,
        club_ids=f.club_ids,
        category=f.category,
        after=tuple((k, snap.settings.min_rest_minutes) for k in f.after),
        event_id=existing.id if existing else None,
    )


def _after_fixed(task: Task, fixed: dict[str, EventInfo]) -> Task:
    """A final whose group games were fixed by hand starts after them (rest included)."""
    not_before = [fixed[k].ends_at for k, _ in task.after if k in fixed]
    if not not_before:
        return task
    from dataclasses import replace

    rest = dt.timedelta(minutes=max((gap for _, gap in task.after), default=0))
    return replace(
        task,
        after=tuple(a for a in task.after if a[0] not in fixed),
        not_before=max(not_before) + rest,
    )


def rehearsal_venues(snap: ProgrammeSnapshot, size: int) -> tuple[int, ...]:
    """Halls and churches big enough for ``size`` people."""
    return tuple(
        v.id
        for v in snap.venues
        if v.kind in _REHEARSAL_VENUE_KINDS and (v.capacity is None or v.capacity >= size)
    )


def _concert_tasks(snap: ProgrammeSnapshot, notes: list[str]) -> tuple[list[Task], set[int]]:
    s = snap.settings
    tasks: list[Task] = []
    moved: set[int] = set()
    for concert in (e for e in snap.events if e.kind == EventKind.CONCERT.value):
        ensembles = [c for c in concert.club_ids if c in snap.club_by_id]
        rehearsals = [e for e in snap.events if e.prepares_id == concert.id]
        size = len(snap.participants(concert))
        concert_key = f"concert {concert.id}"
        concert_venues = (concert.venue_id,) if concert.venue_id else rehearsal_venues(snap, size)
        if not concert.fixed:
            moved.add(concert.id)
            minutes = int((concert.ends_at - concert.starts_at).total_seconds() // 60)
            tasks.append(
                Task(
                    concert_key,
                    EventKind.CONCERT.value,
                    concert.title,
                    minutes,
                    concert_venues,
                    tuple(concert.club_ids),
                    tuple(concert.person_ids),
                    start_window=(s.concert_earliest, s.concert_latest),
                    event_id=concert.id,
                )
            )
        joint = next((r for r in rehearsals if len(r.club_ids) >= 2 or len(ensembles) < 2), None)
        joint_key = f"joint rehearsal {concert.id}"
        before_concert: dict[str, object] = (
            {"after": ((concert_key, s.concert_break_minutes),)}
            if not concert.fixed
            else {"deadline": concert.starts_at - dt.timedelta(minutes=s.concert_break_minutes)}
        )
        if joint is None or not joint.fixed:
            if joint is not None:
                moved.add(joint.id)
            minutes = (
                int((joint.ends_at - joint.starts_at).total_seconds() // 60)
                if joint
                else s.joint_rehearsal_minutes
            )
            tasks.append(
                _rehearsal(
                    joint_key,
                    _("Joint rehearsal: {concert}").format(concert=concert.title),
                    minutes,
                    concert_venues,
                    tuple(ensembles),
                    concert,
                    joint,
                    before_concert,
                )
            )
        for cid in ensembles if len(ensembles) >= 2 else []:
            own = next((r for r in rehearsals if tuple(r.club_ids) == (cid,)), None)
            if own is not None and own.fixed:
                continue
            if own is not None:
                moved.add(own.id)
            club = snap.club_by_id[cid]
            venues = rehearsal_venues(snap, len(snap.members.get(cid, ())))
            if concert.venue_id and concert.venue_id not in venues:
                venues = (*venues, concert.venue_id)
            minutes = (
                int((own.ends_at - own.starts_at).total_seconds() // 60)
                if own
                else s.rehearsal_minutes
            )
            nxt: dict[str, object]
            if joint is None or not joint.fixed:
                nxt = {"after": ((joint_key, 0),)}
            else:
                nxt = {"deadline": joint.starts_at}
            tasks.append(
                _rehearsal(
                    f"rehearsal {concert.id}/{cid}",
                    _("Rehearsal: {club}").format(club=club.name),
                    minutes,
                    venues,
                    (cid,),
                    concert,
                    own,
                    nxt,
                )
            )
        if not ensembles:
            notes.append(
                _("'{concert}' names no ensemble, so no rehearsal was planned for it.").format(
                    concert=concert.title
                )
            )
    # "after" on the follower: turn "X before Y" (stored on X) into "Y after X"
    return _invert_order(tasks), moved


def _rehearsal(
    key: str,
    title: str,
    minutes: int,
    venues: tuple[int, ...],
    clubs: tuple[int, ...],
    concert: EventInfo,
    existing: EventInfo | None,
    order: dict[str, object],
) -> Task:
    return Task(
        key,
        EventKind.REHEARSAL.value,
        existing.title if existing else title,
        minutes,
        venues,
        clubs,
        existing.person_ids if existing else (),
        event_id=existing.id if existing else None,
        prepares_id=concert.id,
        pull_to_next=True,
        **order,
    )  # type: ignore[arg-type]


def _invert_order(tasks: list[Task]) -> list[Task]:
    """Rehearsals were built with 'must come before K'; precedences are stored on the later task."""
    from dataclasses import replace

    befores: dict[str, list[tuple[str, int]]] = defaultdict(list)
    cleaned = []
    for t in tasks:
        if t.kind == EventKind.REHEARSAL.value and t.after:
            for later, gap in t.after:
                befores[later].append((t.key, gap))
            t = replace(t, after=())
        cleaned.append(t)
    return [replace(t, after=t.after + tuple(befores.get(t.key, ()))) for t in cleaned]


def build_plan(snap: ProgrammeSnapshot) -> Plan:
    """Every task to place for a visit, and the stored events that stay where they are."""
    notes: list[str] = []
    match_tasks, moved_matches = _match_tasks(snap, notes)
    concert_tasks, moved_concert = _concert_tasks(snap, notes)
    moved = moved_matches | moved_concert
    kept = tuple(e for e in snap.events if e.id not in moved)
    return Plan(tuple(match_tasks + concert_tasks), kept, tuple(notes))
