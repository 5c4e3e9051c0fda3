"""The state of a database file: integrity, schema version, counts, backups present."""

from __future__ import annotations

from pathlib import Path

from twinplanner.data import migrations
from twinplanner.data.db import open_database
from twinplanner.paths import backup_dir


def database_report(path: Path) -> dict:
    """Open ``path`` read-only and report integrity, schema version, record counts, backups."""
    db = open_database(path, create=False, readonly=True)
    integrity = "; ".join(r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall())
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    counts = {}
    for table in ("visit", "person", "household", "party", "placement", "event"):
        counts[table] = db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    folder = backup_dir(path)
    backups = sorted((p.name for p in folder.glob("*.sqlite")), reverse=True) if folder.is_dir() else []
    return {
        "path": str(path),
        "integrity": integrity,
        "schema_version": version,
        "latest_version": migrations.LATEST_VERSION,
        "counts": counts,
        "backups": backups,
    }
