"""Errors reach the user as a message box; unexpected ones are also logged to a file."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.paths import ensure_private_dir, log_dir

LOG_NAME = "errors.log"


def log_path() -> Path:
    """The error log file in the user's data folder."""
    return log_dir() / LOG_NAME


def log_unexpected(exc: BaseException) -> Path:
    """Append the traceback of an unexpected error to the log; returns the log's path."""
    path = log_path()
    ensure_private_dir(path.parent)
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {stamp}\n{text}\n")
    return path


def explain(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for an error, in the window's language."""
    if isinstance(exc, TwinPlannerError):
        return str(exc), ""
    if isinstance(exc, PermissionError):
        return (
            _("TwinPlanner may not read or write {file}.").format(file=exc.filename),
            _("Check the file's permissions or choose another folder."),
        )
    if isinstance(exc, OSError):
        return (
            _("A file could not be used: {reason}.").format(reason=exc.strerror or exc),
            _("Check that the disk is there and not full, then try again."),
        )
    return (
        _("Something went wrong inside TwinPlanner ({kind}).").format(kind=type(exc).__name__),
        _(
            "Your data is safe: every change is saved the moment it is made. The details were "
            "written to {log}; please send that file to whoever looks after TwinPlanner."
        ).format(log=log_path()),
    )


def report(exc: BaseException, show: Callable[[str, str], None]) -> None:
    """Log an unexpected error and show the user a clear message (never a traceback)."""
    if not isinstance(exc, TwinPlannerError):
        log_unexpected(exc)
    what, todo = explain(exc)
    show(what, todo)


def install_excepthook(show: Callable[[str, str], None]) -> None:
    """Route every uncaught exception (also those raised in Qt slots) to ``report``."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        try:
            report(exc, show)
        except Exception:  # noqa: BLE001 - the last resort must never raise itself
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
