"""Where TwinPlanner keeps its files: the user's data folder unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "TwinPlanner"
DB_FILENAME = "twinplanner.sqlite"


def data_dir() -> Path:
    """The user's data folder (``TWINPLANNER_HOME`` overrides it, e.g. for tests)."""
    override = os.environ.get("TWINPLANNER_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The default database file."""
    return data_dir() / DB_FILENAME


def log_dir() -> Path:
    """Where unexpected errors are logged."""
    return data_dir() / "logs"


def backup_dir(db_path: Path) -> Path:
    """Where automatic backups of a database file are kept: beside it."""
    return db_path.parent / "backups"


def ensure_private_dir(path: Path) -> Path:
    """Create a folder readable by the owner only (personal data lives there)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
