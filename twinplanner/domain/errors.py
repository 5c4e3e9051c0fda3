"""Errors the organiser can understand: each says what is wrong and where."""

from __future__ import annotations


class TwinPlannerError(Exception):
    """Base of all expected errors; its message is shown to the user as it is."""


class ValidationError(TwinPlannerError):
    """A value was refused; ``field`` names the field, the message says why."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(TwinPlannerError):
    """A visit, person, household or other record does not exist."""


class DatabaseFileError(TwinPlannerError):
    """The database file cannot be used (not a database, damaged, too new, not writable)."""
