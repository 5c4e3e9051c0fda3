"""Schema version in PRAGMA user_version, and the ordered steps that upgrade old files."""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from twinplanner.domain.text import fold

LATEST_VERSION = 3


def set_version(db: SqliteDatabase, version: int) -> None:
    """Record the schema version in the file."""
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def _v2_settings_and_search_keys(db: SqliteDatabase) -> None:
    """Version 2: per-visit settings, and folded search keys for people and households."""
    # Plain ALTER TABLE: playhouse's migrator adds a NOT NULL column by rebuilding the table,
    # and dropping the old table with foreign keys on cascades deletes into its children.
    for statement in (
        "ALTER TABLE visit ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE person ADD COLUMN search_key TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE household ADD COLUMN search_key TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX IF NOT EXISTS person_search_key ON person (search_key)",
        "CREATE INDEX IF NOT EXISTS household_search_key ON household (search_key)",
    ):
        db.execute_sql(statement)
    rows = db.execute_sql("SELECT id, full_name, phone, email FROM person").fetchall()
    for pid, name, phone, email in rows:
        key = " ".join(fold(x) for x in (name, phone, email) if x)
        db.execute_sql("UPDATE person SET search_key = ? WHERE id = ?", (key, pid))
    rows = db.execute_sql(
        "SELECT id, contact_name, members, phone, address FROM household"
    ).fetchall()
    for hid, name, members, phone, address in rows:
        key = " ".join(fold(x) for x in (name, members, phone, address) if x)
        db.execute_sql("UPDATE household SET search_key = ? WHERE id = ?", (key, hid))


def _v3_privacy_tables(db: SqliteDatabase) -> None:
    """Version 3: anonymous counts kept per visit after a purge, and association settings."""
    from twinplanner.data.models import Setting, VisitStatistics

    db.create_tables([VisitStatistics, Setting], safe=True)


# STEPS[n] upgrades a file of version n to version n + 1.
STEPS: dict[int, Callable[[SqliteDatabase], None]] = {
    1: _v2_settings_and_search_keys,
    2: _v3_privacy_tables,
}


def upgrade(db: SqliteDatabase, from_version: int) -> int:
    """Run every step from ``from_version`` to the latest, each in its own transaction.

    A step may rebuild a table, so foreign keys are off while steps run (as SQLite's own
    procedure for schema changes asks) and checked before each step commits.
    """
    version = from_version
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        while version < LATEST_VERSION:
            step = STEPS[version]
            with db.atomic():
                step(db)
                broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"schema step {version + 1} broke references: {broken[:3]}")
                set_version(db, version + 1)
            version += 1
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
    return version
