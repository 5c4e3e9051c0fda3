"""The import, template and export commands: messages that say what and where, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from twinplanner.cli import main
from twinplanner.data.db import close_database, open_database
from twinplanner.data.models import Person


@pytest.fixture
def demo_file(tmp_path: Path, _demo_template: tuple[Path, int]) -> tuple[str, str]:
    """A private copy of the demo database, closed, for commands to open: (path, visit id)."""
    template, visit_id = _demo_template
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(template, path)
    return str(path), str(visit_id)


def _count_people(db: str) -> int:
    open_database(db)
    try:
        return Person.select().count()
    finally:
        close_database()


def test_dry_run_lists_problems_by_row_and_column_and_writes_nothing(
    demo_file: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import --dry-run` of a bad list exits 1, names file, row and column, writes nothing."""
    db, visit = demo_file
    before = _count_people(db)
    bad = tmp_path / "liste.csv"
    bad.write_text(
        "Nom;Prénom;Date de naissance\nDupont;Jean;31/02/2001\n;;01/01/2000\n", encoding="cp1252"
    )
    status = main(["--db", db, "import", "visitors", str(bad), "--visit", visit, "--dry-run"])
    out = capsys.readouterr()
    assert status == 1
    assert "row 2, column “Date de naissance”: “31/02/2001” is not a real date" in out.out
    assert "row 3" in out.out and "name is missing" in out.out
    assert "Nothing was imported" in out.err and "liste.csv" in out.err
    assert "Traceback" not in out.err
    assert _count_people(db) == before


def test_import_with_mapping_file_then_again_changes_nothing(
    demo_file: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mapping file names an unknown column; the import writes; a second run changes nothing."""
    db, visit = demo_file
    before = _count_people(db)
    data = tmp_path / "list.csv"
    data.write_text(
        "Teilnehmer*in,Geburtsdatum,Lieblingsfarbe\nAnke Groß,01.02.1990,blau\n"
        "Ștefan Țăranu,12.05.2009,rot\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "map.json"
    mapping.write_text(
        json.dumps({"Teilnehmer*in": "full_name", "Lieblingsfarbe": None}), encoding="utf-8"
    )
    args = [
        "--db",
        db,
        "import",
        "visitors",
        str(data),
        "--visit",
        visit,
        "--mapping",
        str(mapping),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "2 new" in out and "Imported visitors" in out
    assert _count_people(db) == before + 2
    assert main(args) == 0
    assert "0 new, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_unrecognised_columns_and_bad_files_get_clear_messages(
    demo_file: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, a bad mapping and an unnamed column give one-line messages, exit 1."""
    db, visit = demo_file
    assert (
        main(["--db", db, "import", "visitors", str(tmp_path / "nope.xlsx"), "--visit", visit]) == 1
    )
    assert "There is no file" in capsys.readouterr().err
    data = tmp_path / "x.csv"
    data.write_text("Teilnehmer*in,Farbe\nAnke,blau\n", encoding="utf-8")
    assert main(["--db", db, "import", "visitors", str(data), "--visit", visit]) == 1
    out = capsys.readouterr()
    assert "Columns not imported" in out.out and "No column holds the names" in out.out
    mapping = tmp_path / "m.json"
    mapping.write_text('{"Farbe": "colour"}', encoding="utf-8")
    assert (
        main(
            [
                "--db",
                db,
                "import",
                "visitors",
                str(data),
                "--visit",
                visit,
                "--mapping",
                str(mapping),
            ]
        )
        == 1
    )
    assert "colour" in capsys.readouterr().err
    assert main(["--db", db, "import", "hosts", str(data), "--visit", "999", "--dry-run"]) == 1
    assert "no visit with id 999" in capsys.readouterr().err


def test_template_and_export_commands_write_private_files(
    demo_file: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`template` and `export` write their files (0600); a wrong ending is a one-line error."""
    db, visit = demo_file
    tpl = tmp_path / "t.xlsx"
    assert (
        main(["--db", db, "template", "hosts", "--visit", visit, "--lang", "de", "-o", str(tpl)])
        == 0
    )
    assert tpl.stat().st_mode & 0o777 == 0o600
    assert (
        main(
            [
                "--db",
                db,
                "template",
                "visitors",
                "--visit",
                visit,
                "--lang",
                "pl",
                "-o",
                str(tmp_path / "pl.xlsx"),
            ]
        )
        == 0
    )
    assert "writing it in English" in capsys.readouterr().out
    for kind, name in (
        ("visitors", "v.csv"),
        ("hosts", "h.xlsx"),
        ("placements", "p.xlsx"),
        ("visit", "all.xlsx"),
    ):
        assert main(["--db", db, "export", kind, "--visit", visit, "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    semicolon = tmp_path / "fr.csv"
    assert (
        main(
            [
                "--db",
                db,
                "export",
                "visitors",
                "--visit",
                visit,
                "--lang",
                "fr",
                "--delimiter",
                ";",
                "-o",
                str(semicolon),
            ]
        )
        == 0
    )
    assert semicolon.read_text(encoding="utf-8-sig").startswith("Nom complet;Sexe;")
    assert (
        main(["--db", db, "export", "visit", "--visit", visit, "-o", str(tmp_path / "a.csv")]) == 1
    )
    assert ".xlsx" in capsys.readouterr().err


def test_export_ics_reaches_the_programme_calendar_export(
    demo_file: tuple[str, str], tmp_path: Path
) -> None:
    """`export ics` writes the programme as an iCalendar file through the programme command."""
    db, visit = demo_file
    target = tmp_path / "programme.ics"
    assert main(["--db", db, "export", "ics", "--visit", visit, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") > 5


def test_an_import_is_preceded_by_a_backup_that_takes_it_back(tmp_path) -> None:
    """A command-line import first backs the file up; restoring that backup undoes it."""
    import subprocess
    import sys

    from twinplanner.io.backup import list_backups

    db = tmp_path / "club.sqlite"
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "twinplanner", "--db", str(db), *a],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run("demo").returncode == 0
    csv = tmp_path / "list.csv"
    csv.write_text("Name;Geburtsdatum;Sprachen\nIoana Mureșan;03.04.1990;ro\n", encoding="utf-8")
    done = run("import", "visitors", str(csv), "--visit", "2")
    assert done.returncode == 0, done.stderr
    backups = [b for b in list_backups(db) if b.reason == "before-import"]
    assert len(backups) == 1 and backups[0].people == 68
    assert "Ioana Mureșan" in run("people", "--visit", "2").stdout
    assert run("restore", str(backups[0].path)).returncode == 0
    assert "Ioana Mureșan" not in run("people", "--visit", "2").stdout
