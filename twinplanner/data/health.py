"""The state of a database file: integrity, schema version, counts, backups present."""

from __future__ import annotations

from pathlib import Path

from twinplanner.data import migrations
from twinplanner.data.cipher import known_passphrase
from twinplanner.data.db import is_encrypted, open_database


def database_report(path: Path, *, passphrase: str | None = None) -> dict:
    """Open ``path`` read-only and report integrity, schema version, record counts, backups.

    ``backups`` lists the automatic backups' file names, newest first; ``backup_list`` gives
    each one's date, reason and counts (or the problem that makes it unreadable). An
    encrypted file needs ``passphrase`` (or the one that opened it in this process); its
    encrypted backups are read with it too.
    """
    from twinplanner.io.backup import list_backups

    db = open_database(path, create=False, readonly=True, passphrase=passphrase)
    encrypted = is_encrypted(db)
    integrity = "; ".join(r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall())
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    counts = {}
    for table in ("visit", "person", "household", "party", "placement", "event"):
        counts[table] = db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    found = list_backups(Path(path), passphrase=known_passphrase(path))
    return {
        "path": str(path),
        "encrypted": encrypted,
        "integrity": integrity,
        "schema_version": version,
        "latest_version": migrations.LATEST_VERSION,
        "counts": counts,
        "backups": [b.name for b in found],
        "backup_list": [
            {
                "file": str(b.path),
                "taken_at": b.taken_at.isoformat(),
                "reason": b.reason,
                "schema_version": b.schema_version,
                "visits": b.visits,
                "people": b.people,
                "households": b.households,
                "problem": b.problem,
            }
            for b in found
        ],
    }
