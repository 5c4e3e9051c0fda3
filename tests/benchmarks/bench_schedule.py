"""Benchmark: a youth tournament (24 teams, 3 categories, 4 pitches, 3 days) plus a concert.

Run by hand:
``python tests/benchmarks/bench_schedule.py [--limit SECONDS] [--workers N] [--runs N]``.
Prints the time to the first timetable that places every match, to one within 1 % of the
bound, and to the proven optimum.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from twinplanner.domain.enums import ClubKind, EventKind, VenueKind
from twinplanner.planning.programme.conflicts import check_programme, errors
from twinplanner.planning.programme.proposal import propose
from twinplanner.planning.programme.snapshot import (
    ClubInfo,
    EventInfo,
    PersonInfo,
    ProgrammeSettings,
    ProgrammeSnapshot,
    VenueInfo,
)

CATEGORIES = ("U13", "U15", "U17")
DAY1 = dt.date(2026, 6, 12)


def tournament(settings: ProgrammeSettings | None = None) -> ProgrammeSnapshot:
    """The benchmark visit: 8 teams a category (4 per town), 2 choirs, fixed meals, a reception."""
    at = lambda d, h, m=0: dt.datetime.combine(DAY1 + dt.timedelta(days=d), dt.time(h, m))  # noqa: E731
    venues = [
        VenueInfo(i, f"Pitch {i}", VenueKind.PITCH.value, None, dt.time(9), dt.time(19))
        for i in range(1, 5)
    ]
    venues += [
        VenueInfo(10, "Town hall", VenueKind.HALL.value, 300, dt.time(8), dt.time(23)),
        VenueInfo(
            11, "St Martin's church", VenueKind.CHURCH.value, 400, dt.time(9), dt.time(22, 30)
        ),
        VenueInfo(12, "School hall", VenueKind.HALL.value, 120, dt.time(14), dt.time(21)),
        VenueInfo(13, "Clubhouse", VenueKind.RESTAURANT.value, 500),
    ]
    clubs, persons = [], []
    pid = 1000
    for c, category in enumerate(CATEGORIES):
        for t in range(8):
            club_id = 100 + c * 10 + t
            ours = t < 4
            clubs.append(
                ClubInfo(
                    club_id,
                    f"{'TSV' if ours else 'AS'} {category} {t % 4 + 1}",
                    ClubKind.SPORTS_TEAM.value,
                    category,
                    1 if ours else 2,
                    ours,
                )
            )
            arrival = None if ours or t != 7 else at(0, 12)  # one visiting team arrives late
            for _ in range(12):
                pid += 1
                persons.append(PersonInfo(pid, f"Player {pid}", True, arrival, None, (club_id,)))
    for club_id, name in ((201, "Liederkranz"), (202, "Chorale Saint-Martin")):
        clubs.append(
            ClubInfo(
                club_id, name, ClubKind.CHOIR.value, "", 1 if club_id == 201 else 2, club_id == 201
            )
        )
        for _ in range(30):
            pid += 1
            persons.append(PersonInfo(pid, f"Singer {pid}", False, None, None, (club_id,)))
    events = [
        EventInfo(
            1,
            EventKind.RECEPTION.value,
            "Reception at the town hall",
            at(0, 17),
            at(0, 18, 30),
            10,
            "Town hall",
            None,
            1001,
        ),
        EventInfo(
            2,
            EventKind.CONCERT.value,
            "Joint concert",
            at(2, 19),
            at(2, 20, 30),
            11,
            "Church porch",
            None,
            1001,
            True,
            True,
            None,
            "",
            (201, 202),
        ),
    ]
    for d in range(3):
        events.append(
            EventInfo(
                10 + d,
                EventKind.MEAL.value,
                f"Lunch day {d + 1}",
                at(d, 12, 30),
                at(d, 13, 30),
                13,
                "Clubhouse",
                None,
                1001,
            )
        )
    return ProgrammeSnapshot(
        1,
        "Youth tournament",
        at(0, 8),
        at(2, 22),
        tuple(events),
        tuple(venues),
        tuple(clubs),
        tuple(persons),
        (),
        settings or ProgrammeSettings(),
    )


def run(snap: ProgrammeSnapshot, limit: float, workers: int) -> None:
    """Solve once and print the figures."""
    began = time.perf_counter()
    proposal = propose(snap, time_limit=limit, workers=workers)
    wall = time.perf_counter() - began
    r = proposal.result
    within = next(
        (
            t
            for t, obj in r.progress
            if r.bound is not None and abs(obj - r.bound) / max(1.0, abs(obj)) <= 0.01
        ),
        None,
    )
    after = check_programme(proposal.apply_to(snap))
    kinds = sorted({c.kind.value for c in errors(after)})
    gap = f"{r.gap:.4f}" if r.gap is not None else "none"
    print(
        f"tasks: {len(r.placed) + len(r.unplaced)}, placed: {len(r.placed)}, "
        f"unplaced: {len(r.unplaced)}"
    )
    print(f"status: {r.status}, objective: {r.objective}, bound: {r.bound}, gap: {gap}")

    def seconds(value: float | None) -> str:
        return f"{value:.2f} s" if value is not None else "not reached"

    print(f"first solution: {seconds(r.first_feasible_seconds)}")
    print(f"first feasible timetable placing every match: {seconds(r.first_complete_seconds)}")
    print(f"within 1%: {seconds(within)}")
    print(
        f"solve total: {r.seconds:.2f} s "
        f"({'proven optimal' if r.status == 'optimal' else 'not proven'})"
    )
    print(
        f"propose wall time: {wall:.2f} s; "
        f"error conflicts after accepting: {len(errors(after))} {kinds}"
    )
    print("progress: " + ", ".join(f"{t:.2f} s: {obj:g}" for t, obj in r.progress[-6:]))
    for u in r.unplaced:
        print(f"  unplaced: {u.task.title}: {u.reason}")


def main() -> None:
    """Solve the benchmark (``--runs`` times) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=float, default=20.0, help="time limit in seconds")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--runs", type=int, default=1, help="how many times to solve")
    args = parser.parse_args()
    snap = tournament()
    for i in range(args.runs):
        if args.runs > 1:
            print(f"--- run {i + 1}")
        run(snap, args.limit, args.workers)


if __name__ == "__main__":
    main()
