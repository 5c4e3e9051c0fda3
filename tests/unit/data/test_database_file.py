"""Opening files: schema version, upgrades from older files, refusing files that are not ours."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from twinplanner.data import migrations, queries
from twinplanner.data.db import close_database, open_database
from twinplanner.domain.errors import DatabaseFileError

DATA = Path(__file__).resolve().parents[2] / "data"


def test_new_file_gets_latest_schema_wal_and_private_mode(tmp_path: Path) -> None:
    """A new database has the latest schema version, WAL, foreign keys, and mode 0600."""
    path = tmp_path / "new.sqlite"
    db = open_database(path)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    close_database()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("old_version", range(1, migrations.LATEST_VERSION))
def test_stored_older_file_is_upgraded_and_keeps_its_data(tmp_path: Path, old_version: int) -> None:
    """A stored file of every older schema opens, is upgraded to the latest, keeps every record."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(DATA / f"schema_v{old_version}.sqlite", path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == old_version
    people_before = raw.execute("SELECT COUNT(*) FROM person").fetchone()[0]
    raw.close()

    db = open_database(path)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    assert db.execute_sql("SELECT COUNT(*) FROM person").fetchone()[0] == people_before
    key = db.execute_sql(
        "SELECT search_key FROM person WHERE full_name = 'Ștefan Popescu'"
    ).fetchone()[0]
    assert key.startswith("stefan popescu")
    visit_id = max(v.id for v in queries.visits())
    assert queries.visit(visit_id).settings == {}
    tables = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"visit_statistics", "setting"} <= tables
    assert len(queries.visit_people(visit_id)) == people_before
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    close_database()


def test_file_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    """A file with a newer schema version is refused with a message, and left byte for byte."""
    path = tmp_path / "future.sqlite"
    open_database(path)
    close_database()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 5}")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match="newer version of TwinPlanner"):
        open_database(path)
    assert path.read_bytes() == before


def test_file_that_is_not_a_database_is_refused_unchanged(tmp_path: Path) -> None:
    """A text file given as database is refused with a message naming it; it is not changed."""
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list: bread, milk\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match="not a TwinPlanner database"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    """An SQLite file of another program is not taken over."""
    path = tmp_path / "other.sqlite"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE moz_places (id INTEGER)")
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseFileError, match="another program"):
        open_database(path)
    raw = sqlite3.connect(path)
    assert [r[0] for r in raw.execute("SELECT name FROM sqlite_master")] == ["moz_places"]
    raw.close()


def test_missing_file_is_not_created_when_told_not_to(tmp_path: Path) -> None:
    """Opening without create= on a missing file says so and creates nothing."""
    path = tmp_path / "missing.sqlite"
    with pytest.raises(DatabaseFileError, match="no database file"):
        open_database(path, create=False)
    assert not path.exists()
