"""Undo commands: each stores ids and before/after values and calls a service both ways."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.services import hosts, parties, people, visits
from twinplanner.services.changes import Changes, Entity
from twinplanner.ui.words import field_word


class CommandContext(QObject):
    """Runs commands on the undo stack and announces what they changed."""

    changes_made = Signal(object)  # Changes
    failed = Signal(str)  # an undo or redo that could not be done, in words

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def run(self, command: ServiceCommand) -> TwinPlannerError | None:
        """Do a command; a refused change is returned (and nothing is pushed or changed)."""
        try:
            changes = command.first()
        except TwinPlannerError as exc:
            return exc
        self.stack.push(command)
        self.changes_made.emit(changes)
        return None


class ServiceCommand(QUndoCommand):
    """A command whose first run happens before the push; later redos and undos call services."""

    def __init__(self, context: CommandContext, text: str) -> None:
        super().__init__(text)
        self._context = context
        self._skip_redo = False

    def first(self) -> Changes:
        """Do the change the first time (may raise ValidationError; then nothing changed)."""
        changes = self._redo()
        self._skip_redo = True  # QUndoStack.push() calls redo(): the change is done already
        return changes

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._call(self._redo)

    def undo(self) -> None:
        self._call(self._undo)

    def _call(self, action: Callable[[], Changes]) -> None:
        try:
            self._context.changes_made.emit(action())
        except TwinPlannerError as exc:
            self.setObsolete(True)
            self._context.failed.emit(str(exc))

    def _redo(self) -> Changes:
        raise NotImplementedError

    def _undo(self) -> Changes:
        raise NotImplementedError


class EditField(ServiceCommand):
    """Change one field of a visitor or a host household."""

    def __init__(
        self,
        context: CommandContext,
        entity: Entity,
        visit_id: int | None,
        record_id: int,
        name: str,
        field: str,
        before: Any,
        after: Any,
    ) -> None:
        super().__init__(
            context, _("change of {name}'s {field}").format(name=name, field=field_word(field))
        )
        self.entity, self.visit_id, self.record_id = entity, visit_id, record_id
        self.field, self.before, self.after = field, before, after

    def _set(self, value: Any) -> Changes:
        service = people if self.entity == Entity.PERSON else hosts
        return service.update_field(self.visit_id, self.record_id, self.field, value)

    def _redo(self) -> Changes:
        return self._set(self.after)

    def _undo(self) -> Changes:
        return self._set(self.before)


class AddVisitor(ServiceCommand):
    """Create a person taking part in the visit; undo deletes them again."""

    def __init__(
        self,
        context: CommandContext,
        visit_id: int,
        full_name: str,
        values: Mapping[str, Any],
        *,
        is_guest: bool = True,
    ) -> None:
        super().__init__(context, _("adding {name}").format(name=full_name))
        self.visit_id, self.full_name, self.values = visit_id, full_name, dict(values)
        self.is_guest = is_guest
        self.person_id: int | None = None
        self.party_id: int | None = None

    def _redo(self) -> Changes:
        changes = people.create_person(
            self.full_name,
            visit_id=self.visit_id,
            is_guest=self.is_guest,
            person_id=self.person_id,
            party_id=self.party_id,
            **self.values,
        )
        self.person_id = next(iter(changes.ids[Entity.PERSON]))
        self.party_id = next(iter(changes.ids.get(Entity.PARTY, ())), None)
        return changes

    def _undo(self) -> Changes:
        assert self.person_id is not None
        return people.delete_person(self.person_id)


class AddHousehold(ServiceCommand):
    """Create a host household offering beds for the visit; undo deletes it again."""

    def __init__(
        self, context: CommandContext, visit_id: int, contact_name: str, values: Mapping[str, Any]
    ) -> None:
        super().__init__(context, _("adding {name}").format(name=contact_name))
        self.visit_id, self.contact_name, self.values = visit_id, contact_name, dict(values)
        self.household_id: int | None = None

    def _redo(self) -> Changes:
        changes = hosts.create_household(
            self.contact_name, visit_id=self.visit_id, household_id=self.household_id, **self.values
        )
        self.household_id = next(iter(changes.ids[Entity.HOUSEHOLD]))
        return changes

    def _undo(self) -> Changes:
        assert self.household_id is not None
        return hosts.delete_household(self.household_id)


class GroupParty(ServiceCommand):
    """Group chosen guests into one party; undo puts the old parties back as they were."""

    def __init__(
        self, context: CommandContext, visit_id: int, person_ids: list[int], names: list[str]
    ) -> None:
        super().__init__(
            context,
            _("grouping {names}").format(
                names=", ".join(names[:3]) + ("…" if len(names) > 3 else "")
            ),
        )
        self.visit_id, self.person_ids = visit_id, list(person_ids)
        self.before: list[parties.PartySnapshot] = []
        self.party_id: int | None = None
        self.name = ""

    def _redo(self) -> Changes:
        old = parties.parties_of(self.visit_id, self.person_ids)
        self.before = parties.party_snapshots(self.visit_id, old)
        changes = parties.group_into_party(
            self.visit_id, self.person_ids, name=self.name, party_id=self.party_id
        )
        self.name = changes.message
        self.party_id = next(iter(changes.ids[Entity.PARTY] - set(old)))
        return changes

    def _undo(self) -> Changes:
        return parties.restore_parties(
            self.visit_id, self.before, drop=[self.party_id] if self.party_id else []
        )


class RemoveFromParty(ServiceCommand):
    """Take a guest out of their party into one of their own; undo puts them back."""

    def __init__(self, context: CommandContext, visit_id: int, person_id: int, name: str) -> None:
        super().__init__(context, _("taking {name} out of the party").format(name=name))
        self.visit_id, self.person_id = visit_id, person_id
        self.before: list[parties.PartySnapshot] = []
        self.party_id: int | None = None

    def _redo(self) -> Changes:
        old = parties.parties_of(self.visit_id, [self.person_id])
        self.before = parties.party_snapshots(self.visit_id, old)
        changes = parties.remove_from_party(self.visit_id, self.person_id, party_id=self.party_id)
        self.party_id = next(iter(changes.ids[Entity.PARTY] - set(old)))
        return changes

    def _undo(self) -> Changes:
        return parties.restore_parties(
            self.visit_id, self.before, drop=[self.party_id] if self.party_id else []
        )


class CreatePartnership(ServiceCommand):
    """Create a partnership (and its awards); undo deletes it while it has no visits."""

    def __init__(
        self, context: CommandContext, values: Mapping[str, Any], awards: list[tuple[str, int]]
    ) -> None:
        super().__init__(
            context, _("new partnership with {town}").format(town=values.get("partner_town", ""))
        )
        self.values, self.awards = dict(values), list(awards)
        self.partnership_id: int | None = None

    def _redo(self) -> Changes:
        changes = visits.create_partnership(partnership_id=self.partnership_id, **self.values)
        self.partnership_id = next(iter(changes.ids[Entity.PARTNERSHIP]))
        if self.awards:
            visits.set_awards(self.partnership_id, self.awards)
        return changes

    def _undo(self) -> Changes:
        assert self.partnership_id is not None
        return visits.delete_partnership(self.partnership_id)


class EditPartnership(ServiceCommand):
    """Change a partnership's kind, dates, notes and awards."""

    def __init__(
        self,
        context: CommandContext,
        partnership_id: int,
        label: str,
        before: tuple[dict, list],
        after: tuple[dict, list],
    ) -> None:
        super().__init__(context, _("change of the partnership {label}").format(label=label))
        self.partnership_id, self.before, self.after = partnership_id, before, after

    def _apply(self, state: tuple[dict, list]) -> Changes:
        values, awards = state
        changes = visits.update_partnership(self.partnership_id, values)
        return changes | visits.set_awards(self.partnership_id, awards)

    def _redo(self) -> Changes:
        return self._apply(self.after)

    def _undo(self) -> Changes:
        return self._apply(self.before)


class CreateVisit(ServiceCommand):
    """Create a visit; undo deletes it while nobody takes part in it yet."""

    def __init__(
        self, context: CommandContext, partnership_id: int, values: Mapping[str, Any]
    ) -> None:
        super().__init__(context, _("new visit {year}").format(year=values.get("year", "")))
        self.partnership_id, self.values = partnership_id, dict(values)
        self.visit_id: int | None = None

    def _redo(self) -> Changes:
        changes = visits.create_visit(self.partnership_id, visit_id=self.visit_id, **self.values)
        self.visit_id = next(iter(changes.ids[Entity.VISIT]))
        return changes

    def _undo(self) -> Changes:
        assert self.visit_id is not None
        return visits.delete_visit(self.visit_id)


class EditVisit(ServiceCommand):
    """Change fields of a visit."""

    def __init__(
        self,
        context: CommandContext,
        visit_id: int,
        label: str,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
    ) -> None:
        super().__init__(context, _("change of the visit {label}").format(label=label))
        self.visit_id, self.before, self.after = visit_id, dict(before), dict(after)

    def _redo(self) -> Changes:
        return visits.update_visit(self.visit_id, self.after)

    def _undo(self) -> Changes:
        return visits.update_visit(self.visit_id, self.before)
