"""Editing the programme: moving, resizing, creating and removing events as undoable steps."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt

from twinplanner.domain.rows import EventRow
from twinplanner.i18n import _
from twinplanner.planning.programme.conflicts import Conflict, check_programme
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.services import programme as service
from twinplanner.services.programme_undo import input_of_row
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.programme import commands as cmd
from twinplanner.ui.programme.editor import EventEditor
from twinplanner.ui.programme.style import day_name
from twinplanner.ui.programme.timeline import Candidate, TimelineView


class EventEditing:
    """The Programme page's editing gestures, each one undoable command.

    Mixed into the page, which provides the attributes below, ``say``, ``show_events`` and
    ``selected_ids``.
    """

    context: CommandContext
    visit_id: int | None
    snap: ProgrammeSnapshot | None
    rows: dict[int, EventRow]
    conflicts: list[Conflict]
    timeline: TimelineView
    editor: EventEditor  # the editor opened last
    _check_cache: tuple[tuple, tuple[bool, str]] | None

    # -- moving -----------------------------------------------------------------------------

    def check_move(
        self, event_id: int, starts: dt.datetime, ends: dt.datetime, venue_id: int | None
    ) -> tuple[bool, str]:
        """Whether a place is allowed, and the conflicts it would add, in words."""
        key = (event_id, starts, ends, venue_id)
        if self._check_cache is not None and self._check_cache[0] == key:
            return self._check_cache[1]
        result = self._check(event_id, starts, ends, venue_id)
        self._check_cache = (key, result)
        return result

    def _check(
        self, event_id: int, starts: dt.datetime, ends: dt.datetime, venue_id: int | None
    ) -> tuple[bool, str]:
        row = self.rows.get(event_id)
        if row is None or self.snap is None:
            return False, _("This event is no longer in the programme.")
        if ends - starts < dt.timedelta(minutes=5):
            return False, _("'{title}' must last at least 5 minutes.").format(title=row.title)
        events = [
            dataclasses.replace(e, starts_at=starts, ends_at=ends, venue_id=venue_id)
            if e.id == event_id
            else e
            for e in self.snap.events
        ]
        before = set(self.conflicts)
        new = [
            c
            for c in check_programme(self.snap.with_events(events))
            if event_id in c.event_ids and c not in before
        ]
        where = _("{day} {start}–{end}").format(
            day=day_name(starts.date(), False), start=f"{starts:%H:%M}", end=f"{ends:%H:%M}"
        )
        if not new:
            return True, _("{where}: no new conflict.").format(where=where)
        more = _(" (and {n} more)").format(n=len(new) - 1) if len(new) > 1 else ""
        return True, _("{where}: {conflict}{more}").format(
            where=where, conflict=new[0].message, more=more
        )

    def move_event(
        self,
        event_id: int,
        starts: dt.datetime,
        ends: dt.datetime,
        venue_id: int | None,
        nudge: bool = False,
    ) -> bool:
        """Move or resize an event as one undoable step; a refusal is shown and returns False."""
        row = self.rows[event_id]
        command = cmd.MoveEvent(
            self.context,
            event_id,
            row.title,
            (row.starts_at, row.ends_at, row.venue_id),
            (starts, ends, venue_id),
            nudge=nudge,
        )
        error = self.context.run(command)
        if error is not None:
            self.say(str(error), error=True)
            return False
        self.timeline.select([event_id])
        return True

    def _on_timeline_move_requested(self, c: Candidate, nudge: bool) -> None:
        self.move_event(c.event_id, c.starts_at, c.ends_at, c.venue_id, nudge)

    # -- editing ----------------------------------------------------------------------------

    def open_editor(
        self,
        event_id: int | None = None,
        starts: dt.datetime | None = None,
        venue_id: int | None = None,
        focus: str = "title",
    ) -> EventEditor | None:
        """Open the event editor (None: a new event at ``starts``); returns the dialog."""
        if self.visit_id is None or self.snap is None:
            return None
        snap = self.snap
        row = self.rows.get(event_id) if event_id is not None else None
        people = sorted(((p.id, p.name) for p in snap.persons), key=lambda p: p[1])
        concerts = [(e.id, e.title) for e in self.rows.values() if e.kind == "concert"]
        default = starts or dt.datetime.combine(snap.arrival_at.date(), dt.time(10, 0))
        editor = EventEditor(
            row,
            venues=[(v.id, v.name) for v in snap.venues],
            people=people,
            clubs=sorted(((c.id, c.name) for c in snap.clubs), key=lambda c: c[1]),
            concerts=concerts,
            starts=default,
            venue_id=venue_id,
            parent=self,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.submitted.connect(lambda data: self._on_editor_submitted(editor, data))
        editor.delete_requested.connect(lambda: self._on_editor_delete_requested(editor))
        editor.open()
        editor.fields.get(focus, editor.title).setFocus()
        self.editor = editor
        return editor

    def _on_editor_submitted(self, editor: EventEditor, data: service.EventInput) -> None:
        assert self.visit_id is not None
        row = editor.row
        if row is None:
            command: cmd.ServiceCommand = cmd.CreateEvent(self.context, self.visit_id, data)
        else:
            before = input_of_row(self.rows.get(row.id, row))
            if before == data:
                editor.accept()
                return
            command = cmd.UpdateEvent(self.context, row.id, before, data)
        error = self.context.run(command)
        if error is not None:
            editor.show_error(str(error), getattr(error, "field", None))
            return
        editor.accept()
        if isinstance(command, cmd.CreateEvent) and command.event_id is not None:
            self.show_events((command.event_id,))

    def _on_editor_delete_requested(self, editor: EventEditor) -> None:
        if editor.row is not None:
            self.delete_events(editor.row.id)
        editor.accept()

    def delete_events(self, event_id: int | None = None) -> None:
        """Remove an event (or the selected ones), each as one undoable step."""
        ids = [event_id] if event_id is not None else self.selected_ids()
        if self.visit_id is None:
            return
        for i in ids:
            row = self.rows.get(i)
            if row is None:
                continue
            error = self.context.run(
                cmd.DeleteEvent(self.context, self.visit_id, i, input_of_row(row))
            )
            if error is not None:
                self.say(str(error), error=True)
                return
        if ids:
            self.say(_("Removed. Undo brings it back (Ctrl+Z)."))

    def _on_new_triggered(self) -> None:
        current = self.timeline.current()
        row = self.rows.get(current) if current is not None else None
        self.open_editor(None, row.starts_at if row else None, row.venue_id if row else None)

    def _on_timeline_create_requested(self, starts: dt.datetime, venue_id: int | None) -> None:
        self.open_editor(None, starts, venue_id)

    def _on_edit_triggered(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_editor(ids[0])

    def _on_move_triggered(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_editor(ids[0], focus="starts_at")

    def _on_delete_triggered(self) -> None:
        self.delete_events()
