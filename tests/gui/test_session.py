"""The window's open file: writer lock, read-only when busy, backups, restore after a failure."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from twinplanner.app import open_session
from twinplanner.data.db import close_database
from twinplanner.data.lock import WriterLock, holder_of
from twinplanner.data.models import Household
from twinplanner.io.backup import list_backups
from twinplanner.ui import prompts
from twinplanner.ui.main_window import MainWindow
from twinplanner.ui.session import DatabaseSession

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_file(tmp_path: Path, demo_db) -> Path:
    """A closed copy of the demo database in its own folder."""
    path, _visit = demo_db
    close_database()
    target = tmp_path / "club" / "exchange.sqlite"
    target.parent.mkdir()
    shutil.copyfile(path, target)
    return target


def test_opening_holds_the_lock_backs_up_and_a_change_is_backed_up_later(qtbot, demo_file):
    """Opening takes the writer lock and makes a backup; closing backs up waiting changes."""
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, demo_file, load_demo=False) is True
    assert holder_of(demo_file) is not None and not session.readonly
    assert [b.reason for b in list_backups(demo_file, details=False)] == ["open"]
    window = MainWindow(demo_file, session=session)
    qtbot.addWidget(window)
    from twinplanner.services.changes import Changes, Entity

    Household.update(phone="+49 6241 000").where(Household.id == 1).execute()
    window.context.changes_made.emit(Changes.of(Entity.HOUSEHOLD, 1))
    assert session.autobackup is not None and session.autobackup.pending()
    window.close()
    reasons = sorted(b.reason for b in list_backups(demo_file, details=False))
    assert reasons == ["change", "open"]
    assert holder_of(demo_file) is None


def test_a_file_another_twinplanner_writes_opens_read_only_when_chosen(qtbot, demo_file):
    """With the lock held elsewhere the user is asked; read-only shows in the title."""
    other = WriterLock(demo_file).acquire()
    asked: list[str] = []
    try:
        session = DatabaseSession(lambda busy: asked.append(str(busy)) or True)
        assert open_session(session, demo_file, load_demo=False) is True
        assert session.readonly and asked
        window = MainWindow(demo_file, session=session)
        qtbot.addWidget(window)
        assert "[read-only]" in window.windowTitle()
        assert window.visitors.rowCount() == 68
        window.close()
        cancelled = DatabaseSession(lambda busy: False)
        assert open_session(cancelled, demo_file, load_demo=False) == 0
    finally:
        other.release()


def test_a_damaged_file_offers_its_backup_and_opens_the_restored_one(qtbot, demo_file, monkeypatch):
    """A file that is no longer a database is refused; restoring its backup lets work go on."""
    from twinplanner.io.backup import make_backup, restore_database

    make_backup(demo_file, reason="open", now=dt.datetime(2027, 5, 1, 9, 0))
    demo_file.write_bytes(b"\x00garbage" * 500)
    for suffix in ("-wal", "-shm"):
        Path(f"{demo_file}{suffix}").unlink(missing_ok=True)
    offered: list[str] = []

    def restore_newest(parent, db_path, problem):
        offered.append(problem)
        restore_database(list_backups(db_path)[0].path, db_path)
        return True

    monkeypatch.setattr(prompts, "restore_after_failure", restore_newest)
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, demo_file, load_demo=False) is True
    assert "not a TwinPlanner database" in offered[0]
    assert Household.select().count() == 45
    session.close()


def test_a_damaged_file_without_backups_is_refused_with_a_message(qtbot, tmp_path, monkeypatch):
    """No backup to offer: a clear message, exit status 1, and the file is left as it was."""
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"not a database" * 100)
    messages: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda parent, what, todo="": messages.append(what))
    session = DatabaseSession(lambda busy: False)
    assert open_session(session, path, load_demo=False) == 1
    assert "not a TwinPlanner database" in messages[0]
    assert path.read_bytes() == b"not a database" * 100
