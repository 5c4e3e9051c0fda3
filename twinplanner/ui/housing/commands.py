"""Undo commands of the housing board: placements stored before and after, per party."""

from __future__ import annotations

from collections.abc import Callable

from twinplanner.i18n import _
from twinplanner.services import housing_board as hb
from twinplanner.services.changes import Changes
from twinplanner.ui.commands import CommandContext, ServiceCommand


class PlacementCommand(ServiceCommand):
    """One placement step (place, move, take out, lock, or a whole accepted plan).

    The first run calls the service that decides (``action``: it checks the rules, applies a
    plan, records an override); the placements of every party it touched are read before and
    after. Undo and redo then put exactly those placements back, and refuse when something
    else changed them in between.
    """

    def __init__(
        self, context: CommandContext, visit_id: int, text: str, action: Callable[[], Changes]
    ) -> None:
        super().__init__(context, text)
        self.visit_id = visit_id
        self._action = action
        self.before: dict[int, hb.PlacementState | None] = {}
        self.after: dict[int, hb.PlacementState | None] = {}

    def first(self) -> Changes:
        """Run the deciding service once and remember what it changed."""
        old = hb.placement_states(self.visit_id)
        changes = self._action()
        new = hb.placement_states(self.visit_id)
        touched = {p for p in set(old) | set(new) if old.get(p) != new.get(p)}
        self.before = {p: old.get(p) for p in touched}
        self.after = {p: new.get(p) for p in touched}
        self._skip_redo = True  # QUndoStack.push() calls redo(): the change is done already
        return changes

    def moved_parties(self) -> set[int]:
        """The parties whose placement this step changed."""
        return set(self.before)

    def _redo(self) -> Changes:
        return hb.restore_placements(self.visit_id, self.before, self.after, self.text())

    def _undo(self) -> Changes:
        return hb.restore_placements(
            self.visit_id, self.after, self.before, _("Undone: {step}").format(step=self.text())
        )


class DropOutCommand(ServiceCommand):
    """A household backs out of the visit; undo offers its beds again as they were."""

    def __init__(
        self, context: CommandContext, visit_id: int, household_id: int, name: str
    ) -> None:
        super().__init__(context, _("{host} backing out").format(host=name))
        self.visit_id, self.household_id = visit_id, household_id
        self.offer: hb.OfferState | None = None

    def _redo(self) -> Changes:
        self.offer = hb.offer_of(self.visit_id, self.household_id)
        return hb.drop_out(self.visit_id, self.household_id)

    def _undo(self) -> Changes:
        assert self.offer is not None
        return hb.restore_offer(self.visit_id, self.household_id, self.offer)
