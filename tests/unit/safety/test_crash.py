"""Crash safety: a process killed (SIGKILL) in the middle of a large write leaves a sound file
holding all or nothing of the interrupted operation."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from tests.factories import make_host, make_party, make_person, make_visit
from tests.unit.safety.helpers import child, stop, wait_for_line
from twinplanner.data.db import close_database, open_database
from twinplanner.data.models import Placement, database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

IMPORT = """
import sys
from twinplanner.data.db import open_database
from twinplanner.data.models import Person, Town, database
db = open_database(sys.argv[1])
db.execute_sql("PRAGMA cache_size = 20")  # a small cache spills pages to disk mid-transaction
mode = sys.argv[2]
town = Town.get().id
rows = [{"full_name": f"Imported Person {i}", "town": town, "email": f"p{i}@example.org",
         "search_key": f"imported person {i}"} for i in range(20000)]
with database.atomic():
    for start in range(0, 20000, 250):
        Person.insert_many(rows[start:start + 250]).execute()
        done = start + 250
        print(f"inserted {done}", flush=True)
        if mode == "pause" and done == 10000:
            print("paused", flush=True)
            sys.stdin.readline()
print("committed", flush=True)
"""

PLACE = """
import sys
from twinplanner.data.db import open_database
from twinplanner.data.models import Household, Placement, Party, database
db = open_database(sys.argv[1])
db.execute_sql("PRAGMA cache_size = 20")
visit, mode = int(sys.argv[2]), sys.argv[3]
query = Party.select(Party.id).where(Party.visit == visit).order_by(Party.id)
parties = [p for (p,) in query.tuples()]
homes = [h for (h,) in Household.select(Household.id).order_by(Household.id).tuples()]
with database.atomic():
    Placement.delete().where(Placement.visit == visit).execute()
    for i, party in enumerate(parties):
        Placement.create(visit=visit, party=party, household=homes[(i + 1) % len(homes)],
                         source="planner")
        if i % 20 == 0:
            print(f"placed {i}", flush=True)
        if mode == "pause" and i == len(parties) // 2:
            print("paused", flush=True)
            sys.stdin.readline()
print("committed", flush=True)
"""


def _check(path: Path) -> sqlite3.Connection:
    """Reopen like the program does (recovering the WAL) and require a sound file."""
    db = open_database(path)
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    return db


def _count(path: Path) -> int:
    db = _check(path)
    try:
        return db.execute_sql("SELECT COUNT(*) FROM person").fetchone()[0]
    finally:
        close_database()


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    """A database with one visit and a handful of people, closed."""
    path = tmp_path / "crash.sqlite"
    open_database(path)
    visit = make_visit()
    for i in range(5):
        make_party(visit, make_person(f"Guest {i}"))
    close_database()
    return path


def test_import_killed_mid_transaction_leaves_nothing(small_db: Path) -> None:
    """Killed after 10,000 of 20,000 rows (pages already spilled to disk): none is kept."""
    before = _count(small_db)
    wal = Path(f"{small_db}-wal")
    proc = child(IMPORT, str(small_db), "pause")
    try:
        wait_for_line(proc, "paused")
        assert wal.stat().st_size > 100_000  # uncommitted pages really reached the disk
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        out, _ = stop(proc)
    assert "committed" not in out
    assert _count(small_db) == before


def test_import_killed_at_any_moment_is_all_or_nothing(small_db: Path) -> None:
    """Killed while running freely: the file is sound and holds 0 or all 20,000 new people."""
    before = _count(small_db)
    proc = child(IMPORT, str(small_db), "run")
    try:
        wait_for_line(proc, "inserted 5000")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        stop(proc)
    assert _count(small_db) - before in (0, 20000)


@pytest.fixture
def placed_db(tmp_path: Path) -> tuple[Path, int, dict[int, int]]:
    """300 parties placed one to one with 300 households; returns path, visit, placements."""
    path = tmp_path / "placed.sqlite"
    open_database(path)
    visit = make_visit()
    with database.atomic():
        for i in range(300):
            party = make_party(visit, make_person(f"Guest {i}"))
            home = make_host(visit, f"Host {i}")
            Placement.create(visit=visit, party=party, household=home)
    placed = dict(Placement.select(Placement.party, Placement.household).tuples())
    close_database()
    return path, visit.id, placed


def _placements(path: Path, visit_id: int) -> dict[int, int]:
    _check(path)
    try:
        return dict(
            Placement.select(Placement.party, Placement.household)
            .where(Placement.visit == visit_id)
            .tuples()
        )
    finally:
        close_database()


@pytest.mark.parametrize("mode", ["pause", "run"])
def test_placement_killed_midway_keeps_old_or_new_placements(
    placed_db: tuple[Path, int, dict[int, int]], mode: str
) -> None:
    """Applying a new placement killed halfway: every party keeps its old host, or all moved."""
    path, visit_id, before = placed_db
    proc = child(PLACE, str(path), str(visit_id), mode)
    try:
        wait_for_line(proc, "paused" if mode == "pause" else "placed 100")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        out, _ = stop(proc)
    after = _placements(path, visit_id)
    assert len(after) == len(before)
    if mode == "pause":
        assert after == before
    else:
        assert after == before or all(after[p] != before[p] for p in before)
