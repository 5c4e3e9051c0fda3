"""Export of the programme (or one club's part) to an iCalendar file chosen by the organiser."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWidget

from twinplanner.i18n import _, ngettext
from twinplanner.io.atomic import write_bytes
from twinplanner.services import programme as service
from twinplanner.ui import prompts


def suggested_name(title: str) -> str:
    """A file name made of the programme's title: letters, digits and dashes, '.ics'."""
    stem = re.sub(r"[^\w]+", "-", title, flags=re.UNICODE).strip("-")[:60] or "programme"
    return f"{stem}.ics"


def export_calendar(
    parent: QWidget | None, visit_id: int, club_name: str | None, folder: Path
) -> str | None:
    """Ask for a file and write the calendar there; returns the words to show (None: cancelled).

    Raises TwinPlannerError (e.g. FileWriteError naming the path) when it cannot be written.
    """
    title = (
        _("Export the programme of {club}").format(club=club_name)
        if club_name
        else _("Export the programme")
    )
    name = suggested_name(f"{club_name or _('programme')}")
    path = prompts.calendar_path(parent, title, folder / name)
    if path is None:
        return None
    data, count = service.export_calendar(visit_id, club_name)
    write_bytes(path, data)
    return ngettext("Wrote {n} event to {path}.", "Wrote {n} events to {path}.", count).format(
        n=count, path=path
    )
