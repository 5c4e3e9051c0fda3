"""Schema version in PRAGMA user_version, and the ordered steps that upgrade old files."""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase, TextField
from playhouse.migrate import SqliteMigrator, migrate

from twinplanner.domain.text import fold

LATEST_VERSION = 2


def set_version(db: SqliteDatabase, version: int) -> None:
    """Record the schema version in the file."""
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def _v2_settings_and_search_keys(db: SqliteDatabase) -> None:
    """Version 2: per-visit settings, and folded search keys for people and households."""
    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("visit", "settings", TextField(default="{}")),
        migrator.add_column("person", "search_key", TextField(default="")),
        migrator.add_column("household", "search_key", TextField(default="")),
        migrator.add_index("person", ("search_key",), False),
        migrator.add_index("household", ("search_key",), False),
    )
    rows = db.execute_sql("SELECT id, full_name, phone, email FROM person").fetchall()
    for pid, name, phone, email in rows:
        key = " ".join(fold(x) for x in (name, phone, email) if x)
        db.execute_sql("UPDATE person SET search_key = ? WHERE id = ?", (key, pid))
    rows = db.execute_sql("SELECT id, contact_name, members, phone, address FROM household").fetchall()
    for hid, name, members, phone, address in rows:
        key = " ".join(fold(x) for x in (name, members, phone, address) if x)
        db.execute_sql("UPDATE household SET search_key = ? WHERE id = ?", (key, hid))


# STEPS[n] upgrades a file of version n to version n + 1.
STEPS: dict[int, Callable[[SqliteDatabase], None]] = {
    1: _v2_settings_and_search_keys,
}


def upgrade(db: SqliteDatabase, from_version: int) -> int:
    """Run every step from ``from_version`` to the latest, each in its own transaction."""
    version = from_version
    while version < LATEST_VERSION:
        step = STEPS[version]
        with db.atomic():
            step(db)
            set_version(db, version + 1)
        version += 1
    return version
