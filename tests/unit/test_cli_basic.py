"""The command line: demo, visits, people, hosts, check, and its handling of bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from twinplanner.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m twinplanner`` in a child process, as a user would."""
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "twinplanner", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_demo_then_people_lists_the_demo_visitors(tmp_path: Path) -> None:
    """`demo` loads the exchange; `people --visit ID` prints one line per visitor, id first."""
    db = str(tmp_path / "d.sqlite")
    result = run_cli("--db", db, "demo")
    assert result.returncode == 0, result.stderr
    visits = run_cli("--db", db, "visits")
    lines = visits.stdout.strip().splitlines()
    assert len(lines) == 2 and "2027" in lines[0]
    visit_id = lines[0].split("\t")[0]
    people = run_cli("--db", db, "people", "--visit", visit_id)
    assert people.returncode == 0
    rows = people.stdout.strip().splitlines()
    assert len(rows) == 68
    assert all(row.split("\t")[0].isdigit() for row in rows)
    assert any("Ștefan Popescu" in row and "minor" in row for row in rows)
    assert any("Yasmine Benali" in row for row in rows)


def test_json_output_is_readable_by_scripts(demo_db, capsys) -> None:
    """`--json` prints a JSON list with ids, names, minors and placements."""
    path, visit_id = demo_db
    assert main(["--db", str(path), "people", "--visit", str(visit_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 68
    boyer = next(p for p in data if p["full_name"] == "Gérard Boyer")
    assert boyer["household_name"] == "Reinhard König"
    assert isinstance(boyer["id"], int) and boyer["is_minor"] is False
    assert main(["--db", str(path), "hosts", "--visit", str(visit_id), "--json"]) == 0
    hosts = json.loads(capsys.readouterr().out)
    assert len(hosts) == 45 and {"contact_name", "beds", "pets"} <= hosts[0].keys()


def test_unknown_visit_is_one_line_error(demo_db, capsys) -> None:
    """A visit id that does not exist gives a one-line error and exit status 1."""
    path, _ = demo_db
    assert main(["--db", str(path), "people", "--visit", "999"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "twinplanner: error: There is no visit with id 999."


@pytest.mark.parametrize(
    "args",
    [["people"], ["people", "--visit", "abc"], ["nonsense"], ["hosts", "--visit"]],
)
def test_bad_arguments_exit_2_without_traceback(tmp_path: Path, args: list[str]) -> None:
    """Bad arguments give a one-line usage error on stderr and exit status 2."""
    result = run_cli("--db", str(tmp_path / "x.sqlite"), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("twinplanner: error:")


def test_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    """Pointing --db at a text file says so in one line and leaves the file alone."""
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database at all\n" * 50)
    result = run_cli("--db", str(path), "visits")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "is not a TwinPlanner database" in result.stderr
    assert path.read_text() == "not a database at all\n" * 50


@pytest.mark.parametrize("command", ["demo", "visits", "people", "hosts", "check"])
def test_every_subcommand_has_help(command: str, capsys) -> None:
    """`COMMAND --help` explains the command and exits 0."""
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: twinplanner " + command in capsys.readouterr().out


def test_check_reports_integrity_version_and_counts(demo_db, capsys) -> None:
    """`check` runs the integrity check and reports the schema version and record counts."""
    path, _ = demo_db
    assert main(["--db", str(path), "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity"] == "ok"
    assert report["schema_version"] == report["latest_version"]
    assert report["counts"]["household"] == 45


def test_reading_commands_work_while_another_twinplanner_writes(demo_db) -> None:
    """With the writer lock held elsewhere, `people` still lists (read-only); `demo` is refused."""
    from twinplanner.data.lock import WriterLock

    path, visit_id = demo_db
    lock = WriterLock(path).acquire()
    try:
        listing = run_cli("--db", str(path), "people", "--visit", str(visit_id))
        assert listing.returncode == 0, listing.stderr
        assert len(listing.stdout.strip().splitlines()) == 68
        refused = run_cli("--db", str(path), "demo")
        assert refused.returncode == 1
        assert "Traceback" not in refused.stderr
        assert "twinplanner: error:" in refused.stderr and "open" in refused.stderr
    finally:
        lock.release()
