"""Shared test set-up: headless Qt, a private data folder, temporary file databases, the demo."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from twinplanner.data.db import close_database, open_database  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _private_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep every test away from the user's real data folder."""
    home = tmp_path_factory.mktemp("home")
    old = os.environ.get("TWINPLANNER_HOME")
    os.environ["TWINPLANNER_HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("TWINPLANNER_HOME", None)
    else:
        os.environ["TWINPLANNER_HOME"] = old


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A new, empty TwinPlanner database file, open as the current database."""
    path = tmp_path / "test.sqlite"
    open_database(path)
    yield path
    close_database()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The demo exchange, built once per session and copied for each test."""
    from twinplanner.data.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    visit_id = load_demo()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return path, visit_id


@pytest.fixture
def demo_db(tmp_path: Path, _demo_template: tuple[Path, int]) -> Iterator[tuple[Path, int]]:
    """A private copy of the demo database, open; yields (path, id of the 2027 visit)."""
    template, visit_id = _demo_template
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(template, path)
    open_database(path)
    yield path, visit_id
    close_database()
