"""Undo commands of the programme: move, create, change, delete events, accept a proposal."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoCommand

from twinplanner.domain.errors import ValidationError
from twinplanner.i18n import _
from twinplanner.planning.programme.proposal import ChangeKind, Proposal
from twinplanner.services import programme as service
from twinplanner.services import programme_undo as undo
from twinplanner.services.changes import Changes, Entity
from twinplanner.ui.commands import CommandContext, ServiceCommand

Place = tuple[dt.datetime, dt.datetime, int | None]  # starts, ends, venue
_NUDGE_ID = 8101  # keyboard nudges of one event merge into one undo step


class MoveEvent(ServiceCommand):
    """Move an event in time or to another venue, or change its length."""

    def __init__(
        self,
        context: CommandContext,
        event_id: int,
        title: str,
        before: Place,
        after: Place,
        *,
        nudge: bool = False,
    ) -> None:
        super().__init__(context, _("moving '{title}'").format(title=title))
        self.event_id, self.before, self.after, self.nudge = event_id, before, after, nudge

    def _go(self, place: Place) -> Changes:
        starts, ends, venue = place
        return service.move_event(
            self.event_id, starts, ends_at=ends, venue_id=venue, keep_venue=False
        )

    def _redo(self) -> Changes:
        return self._go(self.after)

    def _undo(self) -> Changes:
        return self._go(self.before)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _NUDGE_ID if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, MoveEvent) or other.event_id != self.event_id:
            return False
        self.after = other.after
        return True


class CreateEvent(ServiceCommand):
    """Add an event; undo removes it, redo puts it back under the same id."""

    def __init__(self, context: CommandContext, visit_id: int, data: service.EventInput) -> None:
        super().__init__(context, _("adding '{title}'").format(title=data.title.strip()))
        self.visit_id, self.data = visit_id, data
        self.event_id: int | None = None

    def _redo(self) -> Changes:
        if self.event_id is None:
            changes = service.create_event(self.visit_id, self.data)
            self.event_id = next(iter(changes.ids[Entity.EVENT]))
            return changes
        return undo.restore_event(self.visit_id, self.event_id, self.data)

    def _undo(self) -> Changes:
        assert self.event_id is not None
        return service.delete_event(self.event_id)


class UpdateEvent(ServiceCommand):
    """Change an event's values and who takes part."""

    def __init__(
        self,
        context: CommandContext,
        event_id: int,
        before: service.EventInput,
        after: service.EventInput,
    ) -> None:
        super().__init__(context, _("change of '{title}'").format(title=after.title.strip()))
        self.event_id, self.before, self.after = event_id, before, after

    def _redo(self) -> Changes:
        return service.update_event(self.event_id, self.after)

    def _undo(self) -> Changes:
        return service.update_event(self.event_id, self.before)


class DeleteEvent(ServiceCommand):
    """Remove an event; undo puts it back with its id and the rehearsals that prepared it."""

    def __init__(
        self, context: CommandContext, visit_id: int, event_id: int, data: service.EventInput
    ) -> None:
        super().__init__(context, _("removing '{title}'").format(title=data.title))
        self.visit_id, self.event_id, self.data = visit_id, event_id, data
        self.prepared_by: tuple[int, ...] = ()

    def _redo(self) -> Changes:
        self.prepared_by = undo.preparations_of(self.event_id)
        return service.delete_event(self.event_id)

    def _undo(self) -> Changes:
        return undo.restore_event(self.visit_id, self.event_id, self.data, self.prepared_by)


class AcceptProposal(ServiceCommand):
    """Write a proposal (all its changes) in one step; undo removes and moves back in one step."""

    def __init__(self, context: CommandContext, proposal: Proposal, what: str) -> None:
        super().__init__(context, what)
        self.proposal = proposal
        self.new_events: list[tuple[int, service.EventInput]] = []
        self.moved: list[tuple[int, Place, Place]] = []  # id, before, after

    def _redo(self) -> Changes:
        if self.new_events or self.moved:
            return undo.reapply_proposal(
                self.proposal.visit_id, self.new_events, [(i, after) for i, _b, after in self.moved]
            )
        changes = service.accept_proposal(self.proposal)
        moved = [c for c in self.proposal.changes if c.kind is ChangeKind.MOVED]
        new = [c for c in self.proposal.changes if c.kind is ChangeKind.NEW]
        moved_ids = {c.event.id for c in moved}
        created = sorted(i for i in changes.ids.get(Entity.EVENT, ()) if i not in moved_ids)
        if len(created) != len(new):  # pragma: no cover - accept_proposal writes one per change
            raise ValidationError(
                _(
                    "The proposal was written, but its new events cannot be "
                    "told apart; undo is not possible."
                )
            )
        self.new_events = [
            (i, undo.input_of_info(c.event)) for i, c in zip(created, new, strict=True)
        ]
        for c in moved:
            assert c.previous is not None
            self.moved.append(
                (
                    c.event.id,
                    (c.previous.starts_at, c.previous.ends_at, c.previous.venue_id),
                    (c.event.starts_at, c.event.ends_at, c.event.venue_id),
                )
            )
        return changes

    def _undo(self) -> Changes:
        return undo.withdraw_proposal(
            [i for i, _d in self.new_events], [(i, before) for i, before, _a in self.moved]
        )
