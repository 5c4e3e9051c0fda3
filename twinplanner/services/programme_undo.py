"""Programme writes that undo needs: an event put back under its own id, times set back exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from twinplanner.data.models import Event, database
from twinplanner.domain.errors import ValidationError
from twinplanner.domain.rows import EventRow
from twinplanner.i18n import _, ngettext
from twinplanner.services.changes import Changes, Entity

# A restored event is written by the programme service, so it obeys the rules of a new one.
from twinplanner.services.programme import EventInput, event_record, insert_event
from twinplanner.services.programme import input_of_info as input_of_info  # used by undo

Times = tuple[dt.datetime, dt.datetime, int | None]  # starts, ends, venue


def input_of_row(row: EventRow) -> EventInput:
    """The values of a stored event as an EventInput (for undo and for the editor)."""
    return EventInput(
        row.kind,
        row.title,
        row.starts_at,
        row.ends_at,
        row.venue_id,
        row.meeting_point,
        row.meeting_at,
        row.transport,
        row.responsible_id,
        row.public,
        row.fixed,
        row.prepares_id,
        row.category,
        row.notes,
        tuple(row.club_ids),
        tuple(row.person_ids),
    )


def preparations_of(event_id: int) -> tuple[int, ...]:
    """The ids of the rehearsals that prepare an event (deleting it unlinks them)."""
    return tuple(e.id for e in Event.select(Event.id).where(Event.prepares == event_id))


def _restore(visit_id: int, event_id: int, data: EventInput, prepared_by: Iterable[int]) -> None:
    if Event.get_or_none(Event.id == event_id) is not None:
        raise ValidationError(
            _("Event {event_id} exists already; it cannot be put back twice.").format(
                event_id=event_id
            )
        )
    insert_event(visit_id, data, event_id=event_id)
    ids = tuple(prepared_by)
    if ids:
        Event.update(prepares=event_id).where(Event.id.in_(ids)).execute()


def restore_event(
    visit_id: int, event_id: int, data: EventInput, prepared_by: Iterable[int] = ()
) -> Changes:
    """Put a removed event back under its old id, relinking the rehearsals that prepared it."""
    with database.atomic():
        _restore(visit_id, event_id, data, prepared_by)
    return Changes.of(
        Entity.EVENT, event_id, message=_("Event '{value}' back").format(value=data.title.strip())
    )


def _set_times(event_id: int, times: Times) -> None:
    starts, ends, venue = times
    if ends <= starts:
        raise ValidationError(
            _("Event {event_id} must end after it starts.").format(event_id=event_id),
            field="ends_at",
        )
    event_record(event_id)
    Event.update(starts_at=starts, ends_at=ends, venue=venue).where(Event.id == event_id).execute()


def withdraw_proposal(new_ids: Sequence[int], moved_back: Sequence[tuple[int, Times]]) -> Changes:
    """Undo an accepted proposal: remove the events it added, put moved ones back, in one step."""
    with database.atomic():
        for event_id in new_ids:
            event_record(event_id).delete_instance()
        for event_id, times in moved_back:
            _set_times(event_id, times)
    ids = [*new_ids, *(i for i, _t in moved_back)]
    return Changes.of(
        Entity.EVENT,
        *ids,
        message=ngettext(
            "{n} proposed change taken back", "{n} proposed changes taken back", len(ids)
        ).format(n=len(ids)),
    )


def reapply_proposal(
    visit_id: int,
    new_events: Sequence[tuple[int, EventInput]],
    moved_to: Sequence[tuple[int, Times]],
) -> Changes:
    """Redo an accepted proposal with the ids it had the first time, in one step."""
    with database.atomic():
        for event_id, data in new_events:
            _restore(visit_id, event_id, data, ())
        for event_id, times in moved_to:
            _set_times(event_id, times)
    ids = [*(i for i, _d in new_events), *(i for i, _t in moved_to)]
    return Changes.of(
        Entity.EVENT,
        *ids,
        message=ngettext(
            "{n} proposed change accepted", "{n} proposed changes accepted", len(ids)
        ).format(n=len(ids)),
    )
