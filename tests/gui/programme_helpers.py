"""Helpers for the Programme page tests: the page in a window on the demo, stored event times."""

from __future__ import annotations

import datetime as dt

from tests.gui.window_helpers import open_window
from twinplanner.data.models import Event

U13_MATCH = "U13: SV Lindenfeld – AS Beaulieu"
EXCURSION = "Excursion to the Rhine valley and Rüdesheim"


def programme(qtbot, demo_db, tmp_path):
    """(window, page) with the Programme page shown on the 2027 demo visit."""
    path, _visit = demo_db
    window = open_window(qtbot, path, tmp_path)
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.programme_page)
    return window, window.programme_page


def event_id(page, title: str) -> int:
    """The id of an event shown on the page, by title."""
    for row in page.rows.values():
        if row.title == title:
            return row.id
    raise AssertionError(f"no event '{title}'")


def stored(event_id_: int) -> tuple[dt.datetime, dt.datetime, int | None] | None:
    """Start, end and venue of an event as the database has them (None: no such event)."""
    e = Event.get_or_none(Event.id == event_id_)
    if e is None:
        return None
    as_dt = lambda v: v if isinstance(v, dt.datetime) else dt.datetime.fromisoformat(str(v))  # noqa: E731
    return as_dt(e.starts_at), as_dt(e.ends_at), e.venue_id


def conflict_kinds(page, event_id_: int) -> set[str]:
    """The kinds of conflict listed beside the timeline that link to an event."""
    lines = page.conflict_panel.errors.lines() + page.conflict_panel.warnings.lines()
    kinds = {c.kind.value for c in page.conflicts if event_id_ in c.event_ids}
    assert {line.text for line in lines} == {c.message for c in page.conflicts}
    return kinds
