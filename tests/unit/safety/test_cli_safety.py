"""The safety commands: backup, restore, backups, purge, person export and erasure, check."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from twinplanner.cli import main
from twinplanner.data.db import close_database, open_database
from twinplanner.data.models import LogEntry, Person


@pytest.fixture
def demo_file(demo_db: tuple[Path, int]) -> Path:
    """The demo database, closed so commands open it themselves."""
    path, _ = demo_db
    close_database()
    return path


def _people(path: Path) -> int:
    open_database(path)
    try:
        return Person.select().count()
    finally:
        close_database()


def test_backup_and_restore_commands(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`backup FILE` writes a private copy; `restore FILE` brings it back and keeps the state."""
    saved = tmp_path / "saved.sqlite"
    assert main(["--db", str(demo_file), "backup", str(saved)]) == 0
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    people = _people(demo_file)
    assert main(["--db", str(demo_file), "person-erase", "1", "--yes"]) == 0
    assert _people(demo_file) == people - 1
    assert main(["--db", str(demo_file), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "is kept in" in out
    assert _people(demo_file) == people
    assert main(["--db", str(demo_file), "backups"]) == 0
    assert "before-restore" in capsys.readouterr().out


def test_restore_refuses_bad_file(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not a database is refused with a one-line message; exit status 1."""
    bad = tmp_path / "hosts.csv"
    bad.write_text("name;phone\n")
    assert main(["--db", str(demo_file), "restore", str(bad)]) == 1
    assert "not a TwinPlanner database" in capsys.readouterr().err


def test_purge_previews_without_yes(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --yes (and no terminal) purge only previews; with --yes it purges."""
    open_database(demo_file)
    Person.create(full_name="Old Member", created_at="2001-01-01 10:00:00")
    close_database()
    people = _people(demo_file)
    assert main(["--db", str(demo_file), "purge", "--years", "3"]) == 0
    out = capsys.readouterr().out
    assert "People to purge: 1" in out and "Old Member" in out and "Nothing was purged" in out
    assert _people(demo_file) == people
    assert main(["--db", str(demo_file), "purge", "--years", "3", "--yes"]) == 0
    assert "Purged 1 people" in capsys.readouterr().out
    assert _people(demo_file) == people - 1


def test_check_lists_backups(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check --json` reports the automatic backups with their counts."""
    from twinplanner.io.backup import make_backup

    make_backup(demo_file)
    assert main(["--db", str(demo_file), "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity"] == "ok" and len(report["backups"]) == 1
    assert report["backup_list"][0]["households"] == 45


def test_person_export_and_erase(demo_file: Path, tmp_path: Path) -> None:
    """`person-export` writes JSON; `person-erase --yes` erases and logs without the name."""
    out = tmp_path / "p.json"
    assert main(["--db", str(demo_file), "person-export", "2", "-o", str(out)]) == 0
    name = json.loads(out.read_text(encoding="utf-8"))["person"]["full_name"]
    assert main(["--db", str(demo_file), "person-erase", "2"]) == 0  # no terminal: not erased
    assert main(["--db", str(demo_file), "person-erase", "2", "--yes"]) == 0
    open_database(demo_file)
    try:
        assert Person.get_or_none(Person.id == 2) is None
        assert all(name not in e.detail for e in LogEntry.select())
    finally:
        close_database()


def test_write_command_refused_while_another_process_writes(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A write command fails with a clear message when another TwinPlanner holds the file."""
    from tests.unit.safety.helpers import child, stop, wait_for_line

    holder = child(
        "import sys\nfrom twinplanner.data.lock import WriterLock\n"
        "WriterLock(sys.argv[1]).acquire()\nprint('locked', flush=True)\n"
        "sys.stdin.readline()\n",
        str(demo_file),
    )
    try:
        wait_for_line(holder, "locked")
        assert main(["--db", str(demo_file), "person-erase", "2", "--yes"]) == 1
        assert "open in another TwinPlanner" in capsys.readouterr().err
    finally:
        stop(holder)
    assert _people(demo_file) > 0
