"""Encrypted files in the window: the passphrase asked on opening (three tries), the File menu
entries that encrypt, change the passphrase and decrypt, the title, the passphrase dialogs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from twinplanner.app import open_session
from twinplanner.data import cipher
from twinplanner.data.cipher import SQLITE_MAGIC, FileKind, file_kind
from twinplanner.data.db import close_database
from twinplanner.data.lock import WriterLock, holder_of
from twinplanner.data.models import Household
from twinplanner.io.backup import list_backups
from twinplanner.io.encryption import encrypt_database
from twinplanner.ui import prompts
from twinplanner.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseDialog
from twinplanner.ui.main_window import MainWindow
from twinplanner.ui.session import DatabaseSession
from twinplanner.ui.settings import Settings

pytestmark = pytest.mark.gui

SECRET = "Linden tree by the well"
OTHER = "Twinned since 1963!"


@pytest.fixture(autouse=True)
def _quiet_prompts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Messages are recorded, questions answered no, passphrases refused, unless a test says."""
    log: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "error", lambda _p, what, todo="": log.append(("error", what)))
    monkeypatch.setattr(prompts, "info", lambda _p, text: log.append(("info", text)))
    monkeypatch.setattr(prompts, "confirm", lambda _p, q: log.append(("confirm", q)) or False)
    monkeypatch.setattr(prompts, "restore_after_failure", lambda *_a: False)
    monkeypatch.setattr(prompts, "ask_passphrase", lambda *_a, **_k: None)
    monkeypatch.setattr(prompts, "ask_new_passphrase", lambda *_a: None)
    cipher.forget_all_passphrases()
    yield log
    close_database()
    cipher.forget_all_passphrases()


@pytest.fixture
def plain_file(tmp_path: Path, demo_db: tuple[Path, int]) -> Path:
    """A closed copy of the demo database in its own folder."""
    path, _visit = demo_db
    close_database()
    target = tmp_path / "club" / "exchange.sqlite"
    target.parent.mkdir()
    shutil.copyfile(path, target)
    return target


@pytest.fixture
def encrypted_file(plain_file: Path) -> Path:
    """The demo copy encrypted with SECRET, closed, its passphrase not known to the process."""
    encrypt_database(plain_file, SECRET)
    close_database()
    cipher.forget_all_passphrases()
    return plain_file


def _window(qtbot, path: Path, session: DatabaseSession, tmp_path: Path) -> MainWindow:
    window = MainWindow(path, Settings(tmp_path / "settings.ini"), session=session)
    qtbot.addWidget(window)
    return window


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> list[bool]:
    """Replace the passphrase question by these answers; returns the ``wrong`` flags asked."""
    asked: list[bool] = []
    queue = list(answers)

    def ask(_parent, _path, *, wrong: bool = False) -> str | None:
        asked.append(wrong)
        return queue.pop(0)

    monkeypatch.setattr(prompts, "ask_passphrase", ask)
    return asked


def test_the_window_asks_the_passphrase_and_opens_the_file_read_write(
    qtbot, encrypted_file, monkeypatch, tmp_path
) -> None:
    """A wrong passphrase is asked again saying so; the right one opens for writing."""
    asked = _answers(monkeypatch, "not it at all", SECRET)
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, encrypted_file, load_demo=False) is True
    assert asked == [False, True]
    assert not session.readonly and session.encrypted
    assert holder_of(encrypted_file) is not None
    window = _window(qtbot, encrypted_file, session, tmp_path)
    assert "(encrypted)" in window.windowTitle()
    assert window.visitors.rowCount() == 68
    Household.update(phone="+49 6241 000").where(Household.id == 1).execute()
    opening = [b for b in list_backups(encrypted_file) if b.reason == "open"]
    assert opening and file_kind(opening[0].path) is FileKind.UNKNOWN
    assert opening[0].households == 45  # read with the passphrase of the open file
    window.close()
    assert holder_of(encrypted_file) is None


def test_cancelling_the_passphrase_leaves_the_file_alone(
    qtbot, encrypted_file, monkeypatch
) -> None:
    """Cancel: nothing opens, the lock is free, the file keeps every byte."""
    before = encrypted_file.read_bytes()
    _answers(monkeypatch, None)
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, encrypted_file, load_demo=False) == 0
    assert session.opened is None and holder_of(encrypted_file) is None
    assert encrypted_file.read_bytes() == before


def test_three_wrong_passphrases_end_with_a_clear_message(
    qtbot, encrypted_file, monkeypatch, _quiet_prompts
) -> None:
    """After three wrong tries the window says the passphrase does not open the file."""
    asked = _answers(monkeypatch, "wrong one", "wrong two", "wrong three")
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, encrypted_file, load_demo=False) == 1
    assert asked == [False, True, True]
    assert "passphrase does not open" in _quiet_prompts[-1][1]
    assert holder_of(encrypted_file) is None


def test_encrypt_change_and_remove_from_the_file_menu(
    qtbot, plain_file, monkeypatch, tmp_path, _quiet_prompts
) -> None:
    """The three File menu entries convert the open file; title and entries follow."""
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, plain_file, load_demo=False) is True
    window = _window(qtbot, plain_file, session, tmp_path)
    a = window.menu_actions
    assert a.encrypt_file.isEnabled() and not a.decrypt_file.isEnabled()
    assert "(encrypted)" not in window.windowTitle()

    monkeypatch.setattr(prompts, "ask_new_passphrase", lambda *_a: SECRET)
    a.encrypt_file.trigger()
    assert file_kind(plain_file) is FileKind.UNKNOWN and cipher.opens_with(plain_file, SECRET)
    assert "(encrypted)" in window.windowTitle()
    assert not a.encrypt_file.isEnabled() and a.change_passphrase.isEnabled()
    assert window.visitors.rowCount() == 68 and Household.select().count() == 45

    _answers(monkeypatch, "a guess by someone")
    monkeypatch.setattr(prompts, "ask_new_passphrase", lambda *_a: OTHER)
    a.change_passphrase.trigger()
    assert "not the passphrase" in _quiet_prompts[-1][1]
    assert cipher.opens_with(plain_file, SECRET)
    _answers(monkeypatch, SECRET)
    a.change_passphrase.trigger()
    assert cipher.opens_with(plain_file, OTHER) and not cipher.opens_with(plain_file, SECRET)

    _answers(monkeypatch, OTHER)
    a.decrypt_file.trigger()  # the confirmation is answered no
    assert file_kind(plain_file) is FileKind.UNKNOWN
    _answers(monkeypatch, OTHER)
    monkeypatch.setattr(prompts, "confirm", lambda *_a: True)
    a.decrypt_file.trigger()
    assert plain_file.read_bytes()[:16] == SQLITE_MAGIC
    assert "(encrypted)" not in window.windowTitle() and a.encrypt_file.isEnabled()
    Household.update(phone="+49 6241 111").where(Household.id == 1).execute()  # still writable
    window.close()


def test_a_read_only_window_offers_no_encryption(qtbot, plain_file, tmp_path) -> None:
    """With another TwinPlanner writing, the file cannot be converted from this window."""
    other = WriterLock(plain_file).acquire()
    try:
        session = DatabaseSession(lambda busy: True)
        assert open_session(session, plain_file, load_demo=False) is True
        window = _window(qtbot, plain_file, session, tmp_path)
        a = window.menu_actions
        assert not (
            a.encrypt_file.isEnabled()
            or a.change_passphrase.isEnabled()
            or a.decrypt_file.isEnabled()
        )
        window.close()
    finally:
        other.release()


def test_file_open_asks_for_an_encrypted_file_and_cancel_keeps_the_old_one(
    qtbot, plain_file, tmp_path, monkeypatch
) -> None:
    """File › Open of an encrypted file asks its passphrase; cancelling keeps the file open."""
    encrypted = tmp_path / "other.sqlite"
    shutil.copyfile(plain_file, encrypted)
    encrypt_database(encrypted, SECRET)
    close_database()
    cipher.forget_all_passphrases()
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, plain_file, load_demo=False) is True
    window = _window(qtbot, plain_file, session, tmp_path)
    _answers(monkeypatch, None)
    assert window.files.open_path(encrypted) is False
    assert window.db_path == plain_file and Household.select().count() == 45
    assert holder_of(plain_file) is not None and holder_of(encrypted) is None
    asked = _answers(monkeypatch, SECRET)
    assert window.files.open_path(encrypted) is True
    assert asked == [False] and window.db_path == encrypted
    assert "(encrypted)" in window.windowTitle() and not window.menu_actions.encrypt_file.isEnabled()
    window.close()


def test_the_passphrase_dialogs_hide_the_text_and_check_the_new_one_twice(qtbot, tmp_path) -> None:
    """Both dialogs echo no characters; OK needs two equal, long enough passphrases."""
    ask = PassphraseDialog(tmp_path / "x.sqlite", wrong=True)
    qtbot.addWidget(ask)
    assert ask.line.echoMode() == QLineEdit.EchoMode.Password
    assert "does not open" in ask.message.text()
    new = NewPassphraseDialog("Encrypt")
    qtbot.addWidget(new)
    ok = new.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert new.first.echoMode() == new.second.echoMode() == QLineEdit.EchoMode.Password
    assert not ok.isEnabled()
    new.first.setText("short")
    assert "Too short" in new.problem.text() and not ok.isEnabled()
    new.first.setText(SECRET)
    new.second.setText(SECRET + "x")
    assert "differ" in new.problem.text() and not ok.isEnabled()
    new.second.setText(SECRET)
    assert ok.isEnabled() and new.passphrase() == SECRET
