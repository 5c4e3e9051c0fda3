"""Tables for privacy: anonymous counts kept per visit, and association-wide settings.

These belong in ``models.py`` with a migration step; until then services create them on demand
with ``ensure_privacy_tables()`` (``CREATE TABLE IF NOT EXISTS``), which is safe on every file.
"""

from __future__ import annotations

import datetime as dt

from peewee import Check, DateTimeField, ForeignKeyField, IntegerField, TextField

from twinplanner.data.models import BaseModel, Visit, database


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class VisitStatistics(BaseModel):
    """Anonymous counts of one visit's participants from one country, kept after a purge."""

    # SET NULL: the counts outlive the visit record; year and label say which visit it was.
    visit = ForeignKeyField(Visit, backref="statistics", null=True, on_delete="SET NULL")
    visit_year = IntegerField()
    visit_label = TextField(default="")
    country = TextField(default="")  # ISO 3166 alpha-2; empty: unknown
    participants = IntegerField(default=0, constraints=[Check("participants >= 0")])
    guests = IntegerField(default=0, constraints=[Check("guests >= 0")])
    minors = IntegerField(default=0, constraints=[Check("minors >= 0")])
    adults = IntegerField(default=0, constraints=[Check("adults >= 0")])
    age_unknown = IntegerField(default=0, constraints=[Check("age_unknown >= 0")])
    recorded_at = DateTimeField(default=_now)

    class Meta:
        table_name = "visit_statistics"
        indexes = ((("visit", "country"), True),)
        constraints = [Check("minors + adults + age_unknown = participants")]


class Setting(BaseModel):
    """An association-wide setting stored in the file, e.g. ``retention_years``."""

    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "setting"


PRIVACY_MODELS: tuple[type[BaseModel], ...] = (VisitStatistics, Setting)


def ensure_privacy_tables() -> None:
    """Create the privacy tables in the open database when they are missing."""
    database.create_tables(PRIVACY_MODELS, safe=True)
