"""Encryption of the database file: unreadable without its passphrase, opened with it, wrong
ones refused without change, conversions that keep every record, encrypted backups, check and
the command line."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.safety.helpers import child, stop, wait_for_line
from twinplanner.cli import main
from twinplanner.data import cipher
from twinplanner.data.cipher import SQLITE_MAGIC, FileKind, PassphraseNeeded, file_kind
from twinplanner.data.db import close_database, is_encrypted, open_asking, open_database
from twinplanner.data.health import database_report
from twinplanner.data.lock import DatabaseInUseError, open_guarded
from twinplanner.data.models import Household, Person, Visit
from twinplanner.domain.errors import DatabaseFileError
from twinplanner.io import backup
from twinplanner.io.encryption import change_passphrase, decrypt_database, encrypt_database

SECRET = "Linden tree by the well"
OTHER = "Twinned since 1963!"
NOW = dt.datetime(2027, 6, 15, 12, 0, 0)


@pytest.fixture(autouse=True)
def _forget_passphrases() -> Iterator[None]:
    """Each test starts and ends with no passphrase known to the process."""
    cipher.forget_all_passphrases()
    yield
    close_database()
    cipher.forget_all_passphrases()


def _table_rows(path: Path, passphrase: str | None = None) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order, read through its own connection."""
    con = cipher.connect(str(path), passphrase)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        con.close()


def _plain_sqlite_reads(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()
    return True


@pytest.fixture
def encrypted_demo(demo_db: tuple[Path, int]) -> tuple[Path, str]:
    """The demo database encrypted with SECRET, closed, no passphrase known; (path, a name)."""
    path, _ = demo_db
    name = Person.select().order_by(Person.id).first().full_name
    encrypt_database(path, SECRET)
    close_database()
    cipher.forget_all_passphrases()
    return path, name


def test_an_encrypted_file_cannot_be_read_without_its_passphrase(
    encrypted_demo: tuple[Path, str],
) -> None:
    """No SQLite header, no readable names, plain sqlite3 fails, opening asks for the passphrase."""
    path, name = encrypted_demo
    raw = path.read_bytes()
    assert raw[:16] != SQLITE_MAGIC
    assert name.encode("utf-8") not in raw and b"CREATE TABLE" not in raw
    assert file_kind(path) is FileKind.UNKNOWN
    assert not _plain_sqlite_reads(path)
    with pytest.raises(PassphraseNeeded, match="or it is encrypted: give its passphrase") as caught:
        open_database(path)
    assert not caught.value.wrong


def test_an_encrypted_file_opens_with_its_passphrase_read_write(
    encrypted_demo: tuple[Path, str],
) -> None:
    """The right passphrase opens the file for writing; a change survives closing and opening."""
    path, name = encrypted_demo
    db = open_database(path, passphrase=SECRET)
    assert is_encrypted(db)
    assert Person.select().where(Person.id == 1).get().full_name == name
    Visit.update(title="Encrypted visit").where(Visit.id == 1).execute()
    close_database()
    cipher.forget_all_passphrases()
    open_database(path, passphrase=SECRET, readonly=True)
    assert Visit.get_by_id(1).title == "Encrypted visit"
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_wrong_passphrase_is_refused_clearly_and_changes_nothing(
    encrypted_demo: tuple[Path, str],
) -> None:
    """A wrong passphrase raises PassphraseNeeded saying so; the file keeps every byte."""
    path, _ = encrypted_demo
    before = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(PassphraseNeeded, match="passphrase does not open") as caught:
            open_database(path, passphrase="not the right one", readonly=readonly)
        assert caught.value.wrong
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_encrypt_work_decrypt_keeps_every_record(demo_db: tuple[Path, int]) -> None:
    """Encrypting, working on the encrypted file and decrypting keeps every row of every table."""
    path, _ = demo_db
    close_database()
    before = _table_rows(path)
    open_database(path)
    result = encrypt_database(path, SECRET)
    assert result.encrypted and is_encrypted()
    assert (result.facts.visits, result.facts.households) == (2, 45)
    assert _table_rows(path, SECRET) == before
    added = Household.create(contact_name="Familie Verschlüsselt", address="Lindenweg 1", beds=2)
    result = decrypt_database(path)
    assert not result.encrypted and not is_encrypted()
    assert path.read_bytes()[:16] == SQLITE_MAGIC
    after = _table_rows(path)
    assert Household.get_by_id(added.id).contact_name == "Familie Verschlüsselt"
    added_row = [r for r in after["household"] if r[0] == added.id]
    assert after["household"] == before["household"] + added_row
    assert {t: rows for t, rows in after.items() if t != "household"} == {
        t: rows for t, rows in before.items() if t != "household"
    }
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] > 0
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def test_automatic_backups_of_an_encrypted_file_are_encrypted_and_restore_with_it(
    encrypted_demo: tuple[Path, str],
) -> None:
    """Backups are encrypted; listed with counts; restored with the passphrase, not without."""
    path, _ = encrypted_demo
    open_database(path, passphrase=SECRET)
    people = Person.select().count()
    names = sorted(h.contact_name for h in Household.select())
    made = backup.make_backup(path, reason="open", now=NOW)
    assert file_kind(made) is FileKind.UNKNOWN and not _plain_sqlite_reads(made)
    info = next(b for b in backup.list_backups(path) if b.path == made)
    assert info.people == people and not info.problem
    Household.update(contact_name="Overwritten").execute()
    close_database()
    cipher.forget_all_passphrases()
    assert "encrypted" in backup.list_backups(path)[0].problem
    with pytest.raises(PassphraseNeeded):
        backup.restore_database(made, path)
    assert file_kind(path) is FileKind.UNKNOWN  # refused before anything was touched
    result = backup.restore_database(made, path, passphrase=SECRET)
    assert result.facts.people == people
    open_database(path, passphrase=SECRET)
    assert sorted(h.contact_name for h in Household.select()) == names
    assert file_kind(path) is FileKind.UNKNOWN and not _plain_sqlite_reads(path)
    kept = result.kept_before[0]
    assert file_kind(kept) is FileKind.UNKNOWN  # the state before the restore, encrypted too


def test_encrypting_converts_the_plain_backups_so_no_plain_copy_stays(
    demo_db: tuple[Path, int],
) -> None:
    """Backups made before encryption are encrypted with it; after decryption they are plain."""
    path, _ = demo_db
    old = backup.make_backup(path, reason="open", now=NOW)
    result = encrypt_database(path, SECRET)
    assert old in result.backups_converted and result.kept_before in result.backups_converted
    assert not result.backups_left
    for b in backup.list_backups(path):
        assert file_kind(b.path) is FileKind.UNKNOWN and not b.problem, b
    result = decrypt_database(path)
    for b in backup.list_backups(path):
        assert b.path.read_bytes()[:16] == SQLITE_MAGIC and not b.problem, b


def test_a_changed_passphrase_replaces_the_old_one_for_file_and_backups(
    encrypted_demo: tuple[Path, str],
) -> None:
    """After a change only the new passphrase opens the file and its backups."""
    path, _ = encrypted_demo
    open_database(path, passphrase=SECRET)
    made = backup.make_backup(path, reason="open", now=NOW)
    result = change_passphrase(path, OTHER)
    assert made in result.backups_converted and result.encrypted
    for target in (path, made, result.kept_before):
        assert not cipher.opens_with(target, SECRET)
        assert cipher.opens_with(target, OTHER)
    close_database()
    cipher.forget_all_passphrases()
    with pytest.raises(PassphraseNeeded, match="does not open"):
        open_database(path, passphrase=SECRET)
    open_database(path, passphrase=OTHER)
    assert Household.select().count() == 45


def test_conversions_refuse_what_they_cannot_do(demo_db: tuple[Path, int], tmp_path: Path) -> None:
    """Short passphrase, encrypting twice, decrypting a plain file, same passphrase: refused."""
    path, _ = demo_db
    with pytest.raises(DatabaseFileError, match="too short"):
        encrypt_database(path, "short")
    with pytest.raises(DatabaseFileError, match="not encrypted"):
        decrypt_database(path)
    encrypt_database(path, SECRET)
    with pytest.raises(DatabaseFileError, match="already encrypted"):
        encrypt_database(path, OTHER)
    with pytest.raises(DatabaseFileError, match="same as the current"):
        change_passphrase(path, SECRET)
    with pytest.raises(PassphraseNeeded, match="does not open"):
        change_passphrase(path, OTHER, passphrase="a wrong passphrase")
    with pytest.raises(DatabaseFileError, match="no database"):
        encrypt_database(tmp_path / "missing.sqlite", SECRET)


def test_a_failed_conversion_leaves_the_file_as_it_was(
    demo_db: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the export fails the file stays plain, whole and open as before."""
    from twinplanner.io import encryption

    path, _ = demo_db

    def fail(*_args: object) -> Path:
        raise DatabaseFileError("the disk went away")

    monkeypatch.setattr(encryption, "export_copy", fail)
    with pytest.raises(DatabaseFileError, match="disk went away"):
        encrypt_database(path, SECRET)
    assert path.read_bytes()[:16] == SQLITE_MAGIC
    assert Household.select().count() == 45 and not is_encrypted()
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


def test_encrypting_waits_for_the_writer_lock(demo_db: tuple[Path, int]) -> None:
    """While another process writes to the file, it is not encrypted under its feet."""
    path, _ = demo_db
    close_database()
    holder = child(
        "import sys\nfrom twinplanner.data.lock import WriterLock\n"
        "WriterLock(sys.argv[1]).acquire()\nprint('locked', flush=True)\n"
        "sys.stdin.readline()\n",
        str(path),
    )
    try:
        wait_for_line(holder, "locked")
        with pytest.raises(DatabaseInUseError):
            encrypt_database(path, SECRET)
    finally:
        stop(holder)
    assert path.read_bytes()[:16] == SQLITE_MAGIC


def test_a_new_file_given_a_passphrase_is_created_encrypted(tmp_path: Path) -> None:
    """open_database with a passphrase on a new file creates an encrypted TwinPlanner file."""
    path = tmp_path / "new.sqlite"
    open_database(path, passphrase=SECRET)
    assert is_encrypted() and Visit.select().count() == 0
    close_database()
    assert file_kind(path) is FileKind.UNKNOWN
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


def test_files_that_cannot_be_encrypted_databases_are_told_apart(tmp_path: Path) -> None:
    """Text and odd sizes are 'not a database'; random pages may be encrypted: both say so."""
    text = tmp_path / "list.sqlite"
    text.write_text("Name;Phone\n" * 512)
    noise = tmp_path / "noise.sqlite"
    noise.write_bytes(os.urandom(4096))
    assert file_kind(text) is FileKind.NOT_DATABASE
    assert file_kind(noise) is FileKind.UNKNOWN
    with pytest.raises(DatabaseFileError, match="it is not an SQLite file") as caught:
        open_database(text)
    assert not isinstance(caught.value, PassphraseNeeded)
    with pytest.raises(PassphraseNeeded, match="not a TwinPlanner database, or it is encrypted"):
        open_database(noise)
    with pytest.raises(PassphraseNeeded, match="does not open"):
        open_database(noise, passphrase=SECRET)
    assert len(noise.read_bytes()) == 4096


def test_opening_asks_for_the_passphrase_three_times_at_most(
    encrypted_demo: tuple[Path, str],
) -> None:
    """open_asking asks again after a wrong answer, stops after three, and None cancels."""
    path, _ = encrypted_demo
    asked: list[bool] = []
    answers = iter(["wrong one here", SECRET])

    def ask(_path: Path, wrong: bool) -> str | None:
        asked.append(wrong)
        return next(answers)

    assert open_asking(path, ask=ask) is not None
    assert asked == [False, True]
    close_database()
    cipher.forget_all_passphrases()
    asked.clear()
    with pytest.raises(PassphraseNeeded, match="does not open"):
        open_asking(path, ask=lambda p, wrong: asked.append(wrong) or "never right")
    assert asked == [False, True, True]
    assert open_asking(path, ask=lambda p, wrong: None) is None


def test_guarded_opening_passes_the_passphrase_and_frees_the_lock_on_failure(
    encrypted_demo: tuple[Path, str],
) -> None:
    """open_guarded opens with the passphrase under the lock; a refusal releases the lock."""
    from twinplanner.data.lock import held_here

    path, _ = encrypted_demo
    with pytest.raises(PassphraseNeeded):
        open_guarded(path)
    assert held_here(path) is None
    assert open_guarded(path, ask_passphrase=lambda p, wrong: None) is None
    assert held_here(path) is None
    opened = open_guarded(path, passphrase=SECRET)
    assert opened is not None and not opened.readonly and held_here(path) is not None
    opened.close()


def test_check_reports_on_an_encrypted_file(encrypted_demo: tuple[Path, str]) -> None:
    """The health report runs the integrity check on an encrypted file and reads its backups."""
    path, _ = encrypted_demo
    open_database(path, passphrase=SECRET)
    backup.make_backup(path, reason="open", now=NOW)
    close_database()
    report = database_report(path, passphrase=SECRET)
    assert report["integrity"] == "ok" and report["encrypted"]
    assert report["counts"]["household"] == 45
    assert all(not b["problem"] and b["households"] == 45 for b in report["backup_list"])


def test_cli_reads_the_passphrase_from_the_environment_and_never_prints_it(
    encrypted_demo: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`check` needs TWINPLANNER_PASSPHRASE (or says how to give it); it is never shown."""
    path, _ = encrypted_demo
    monkeypatch.delenv("TWINPLANNER_PASSPHRASE", raising=False)
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert "TWINPLANNER_PASSPHRASE" in err and "--passphrase-file" in err
    monkeypatch.setenv("TWINPLANNER_PASSPHRASE", "a wrong passphrase")
    assert main(["--db", str(path), "check"]) == 1
    assert "passphrase does not open" in capsys.readouterr().err
    monkeypatch.setenv("TWINPLANNER_PASSPHRASE", SECRET)
    assert main(["--db", str(path), "check"]) == 0
    assert main(["--db", str(path), "backup", str(path.parent / "copy.sqlite")]) == 0
    captured = capsys.readouterr()
    assert "Integrity: ok" in captured.out and "households" in captured.out
    assert SECRET not in captured.out + captured.err
    assert file_kind(path.parent / "copy.sqlite") is FileKind.UNKNOWN


def test_cli_encrypts_changes_and_decrypts_with_passphrase_files(
    demo_db: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """encrypt, change-passphrase and decrypt read passphrase files and never print them."""
    path, _ = demo_db
    close_database()
    monkeypatch.delenv("TWINPLANNER_PASSPHRASE", raising=False)
    monkeypatch.delenv("TWINPLANNER_NEW_PASSPHRASE", raising=False)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(SECRET + "\n", encoding="utf-8")
    second.write_text(OTHER + "\r\n", encoding="utf-8")
    assert main(["--db", str(path), "encrypt"]) == 1
    assert "No new passphrase given" in capsys.readouterr().err
    assert main(["--db", str(path), "--passphrase-file", str(first), "encrypt"]) == 0
    assert cipher.opens_with(path, SECRET)
    assert (
        main(
            [
                "--db",
                str(path),
                "--passphrase-file",
                str(first),
                "change-passphrase",
                "--new-passphrase-file",
                str(second),
            ]
        )
        == 0
    )
    assert cipher.opens_with(path, OTHER) and not cipher.opens_with(path, SECRET)
    assert main(["--db", str(path), "--passphrase-file", str(first), "decrypt"]) == 1
    assert main(["--db", str(path), "--passphrase-file", str(second), "visits"]) == 0
    assert main(["--db", str(path), "--passphrase-file", str(second), "decrypt"]) == 0
    captured = capsys.readouterr()
    assert "Removed the encryption" in captured.out and "Lindenweg" not in captured.out
    for secret in (SECRET, OTHER):
        assert secret not in captured.out + captured.err
    assert path.read_bytes()[:16] == SQLITE_MAGIC
    assert (
        main(["--db", str(path), "--passphrase-file", str(tmp_path / "none.txt"), "check"]) == 0
    )  # a plain file needs no passphrase: the option is not read


def test_without_the_sqlcipher_library_plain_files_work_and_encrypted_ones_say_why(
    encrypted_demo: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When sqlcipher3 cannot load, encryption is unavailable with a reason; plain files open."""
    path, _ = encrypted_demo
    monkeypatch.setattr(cipher, "_module", None)
    monkeypatch.setattr(cipher, "_import_problem", "No module named 'sqlcipher3'")
    assert not cipher.available()
    with pytest.raises(cipher.EncryptionUnavailable, match="cannot be used on this computer"):
        open_database(path, passphrase=SECRET)
    plain = tmp_path / "plain.sqlite"
    open_database(plain)
    assert Visit.select().count() == 0 and not is_encrypted()
    with pytest.raises(cipher.EncryptionUnavailable, match="sqlcipher3"):
        encrypt_database(plain, SECRET)
    assert plain.read_bytes()[:16] == SQLITE_MAGIC
