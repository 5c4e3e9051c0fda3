"""The planning half of the housing page: start, progress, cancel, the proposal and accepting it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import N_, _
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.planning.housing.result import HousingResult
from twinplanner.services import placement
from twinplanner.ui.housing.commands import PlacementCommand

if TYPE_CHECKING:
    from twinplanner.ui.pages.housing import HousingPage

OUTDATED = N_(
    "The visit changed after this plan was made, so it is outdated and cannot be "
    "accepted. Plan again."
)


class PlanningPart:
    """Planning on the page that mixes this in (the page owns the widgets and the runner).

    A plan runs on a snapshot taken on the GUI thread and carries the page's data version of
    that moment; when the version moved on before the plan is accepted, the plan is shown as
    outdated and never applied.
    """

    def plan(self: HousingPage, *, replan: bool = False) -> bool:
        """Start the planner on the visit in the background; False when there is nothing."""
        if self.visit_id is None or self.planner.is_running():
            return False
        try:
            problem = placement.build_problem(self.visit_id, replan=replan)
        except TwinPlannerError as exc:
            self.message.show_message(str(exc), "refused", hold=True)
            return False
        if not problem.parties or not problem.households:
            self.message.show_message(
                _(
                    "There is nothing to plan: the visit needs parties "
                    "to house and households offering beds."
                ),
                hold=True,
            )
            return False
        self.message.clear()
        self.progress.reset()
        self.planner.start(problem, self.version)
        return True

    def _on_planner_running_changed(self: HousingPage, running: bool) -> None:
        self.progress.setVisible(running)
        self._update_actions()

    def _on_planner_finished(
        self: HousingPage, problem: HousingProblem, result: HousingResult, version: int
    ) -> None:
        if problem.visit_id != self.visit_id:
            return
        self.proposal_plan = (problem, result, version)
        self.proposal.show_result(
            problem, result, dict(self.board.board.dropped_out) if self.board.board else {}
        )
        if version != self.version:
            self.proposal.set_outdated(
                _(
                    "The visit changed while the planner ran, so this plan "
                    "is outdated and cannot be accepted. Plan again."
                )
            )
        self.stack.setCurrentWidget(self.proposal)
        self.proposal.accept_button.setFocus()
        self._update_actions()

    def _on_planner_failed(self: HousingPage, message: str, details: str) -> None:
        self.message.show_message(
            _("Planning failed: {error}").format(error=message), "refused", hold=True
        )

    def _on_planner_cancelled(self: HousingPage) -> None:
        self.message.show_message(_("Planning cancelled; nothing was changed."), hold=True)

    def accept_proposal(self: HousingPage) -> bool:
        """Apply the plan shown (one undo step); an outdated plan is refused and said so."""
        if self.proposal_plan is None or self.visit_id is None:
            return False
        problem, result, version = self.proposal_plan
        if version != self.version:
            self.proposal.set_outdated(_(OUTDATED))
            return False
        title = _("re-planning") if problem.replan else _("accepting the plan")
        command = PlacementCommand(
            self.context, self.visit_id, title, lambda: placement.apply_result(problem, result)
        )
        error = self.context.run(command)
        if isinstance(error, placement.StalePlanError):
            self.proposal.set_outdated(str(error))
            return False
        if error is not None:
            self.message.show_message(str(error), "refused", hold=True)
            return False
        self.close_proposal()
        moved = [m.party_name for m in result.moves if m.from_household is not None]
        text = _("Plan accepted: {n} changes saved (Ctrl+Z undoes them).").format(
            n=len(command.moved_parties())
        )
        if moved:
            text += " " + _("Moved: {parties}; reprint their sheets.").format(
                parties=", ".join(moved)
            )
        self.message.show_message(text, "ok", hold=True)
        return True

    def close_proposal(self: HousingPage) -> None:
        """Go back to the board, dropping the plan shown."""
        self.proposal_plan = None
        self.stack.setCurrentWidget(self.board)
        self._update_actions()

    def _on_proposal_plan_again_requested(self: HousingPage) -> None:
        replan = self.proposal_plan is not None and self.proposal_plan[0].replan
        self.close_proposal()
        self.plan(replan=replan)
