"""The Housing page: the board of households and parties, placing by hand, and planning."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.planning.housing.result import HousingResult
from twinplanner.services import housing_board as hb
from twinplanner.services import placement
from twinplanner.services.changes import Changes, Entity
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.housing import texts
from twinplanner.ui.housing.board_widget import BoardWidget
from twinplanner.ui.housing.commands import DropOutCommand, PlacementCommand
from twinplanner.ui.housing.message_bar import MessageBar
from twinplanner.ui.housing.place_dialog import PlaceDialog, choices
from twinplanner.ui.housing.plan_flow import OUTDATED, PlanningPart
from twinplanner.ui.housing.planning import Planner, PlanProgress, PlanRunner
from twinplanner.ui.housing.proposal import ProposalView

# Changes to these records can change where a party may go, so the board reads them again.
_WATCHED = (
    Entity.PERSON,
    Entity.PARTY,
    Entity.HOUSEHOLD,
    Entity.PLACEMENT,
    Entity.VISIT,
    Entity.CLUB,
)


def _action(
    page: QWidget, text: str, shortcut: str | QKeySequence | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, page)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip.strip())
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    page.addAction(action)
    return action


def _button(action: QAction) -> QPushButton:
    """A push button that triggers an action and follows its text and enabled state."""
    button = QPushButton(action.text())
    button.setToolTip(action.toolTip())

    def follow() -> None:
        button.setText(action.text())
        button.setEnabled(action.isEnabled())
        button.setVisible(action.isVisible())

    action.changed.connect(follow)
    button.clicked.connect(action.trigger)
    follow()
    return button


class HousingPage(PlanningPart, QWidget):
    """Every household with its guests, the parties still to place, and the planner."""

    def __init__(
        self, context: CommandContext, parent: QWidget | None = None, planner: Planner | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.visit_id: int | None = None
        self.version = 0  # bumped by every change that could make a plan outdated
        self.proposal_plan: tuple[HousingProblem, HousingResult, int] | None = None
        self.board = BoardWidget()
        self.message = MessageBar()
        self.progress = PlanProgress()
        self.proposal = ProposalView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.proposal)
        self.planner = PlanRunner(planner, self)
        self.place_dialog: PlaceDialog | None = None
        self._build_actions()
        self._build_layout()
        self._connect_signals()
        self._update_actions()
        app = QCoreApplication.instance()
        if app is not None:  # a plan still running must not keep the program from quitting
            app.aboutToQuit.connect(self.planner.cancel)

    # -- construction ---------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.place_action = _action(
            self, _("Place &with…"), "Ctrl+Return", _("Choose a household for the selected party")
        )
        self.unplace_action = _action(
            self,
            _("&Take out"),
            QKeySequence.StandardKey.Delete,
            _("Take the selected party out of its household"),
        )
        self.lock_action = _action(
            self,
            _("&Lock"),
            "Ctrl+L",
            _("Lock or unlock the selected placement: the planner keeps locked placements"),
        )
        self.drop_out_action = _action(
            self,
            _("Household &backs out"),
            None,
            _(
                "The selected household no longer offers beds; its "
                "guests are listed to be placed again"
            ),
        )
        self.plan_action = _action(
            self,
            _("Plan a&utomatically"),
            "Ctrl+Shift+U",
            _("Place every party that is not locked, in the background"),
        )
        self.replan_action = _action(
            self,
            _("&Re-plan"),
            "Ctrl+Shift+R",
            _("Place whoever needs a household, moving as few parties as possible"),
        )
        self.escape_action = _action(self, _("Cancel or close the message"), "Esc")
        for view in (self.board.unplaced_view, self.board.board_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions([self.place_action, self.unplace_action, self.lock_action])
        self.board.board_view.addAction(self.drop_out_action)

    def _build_layout(self) -> None:
        tools = QHBoxLayout()
        for action in (
            self.place_action,
            self.unplace_action,
            self.lock_action,
            self.drop_out_action,
        ):
            tools.addWidget(_button(action))
        tools.addStretch(1)
        for action in (self.plan_action, self.replan_action):
            tools.addWidget(_button(action))
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(tools)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

    def _connect_signals(self) -> None:
        self.place_action.triggered.connect(self._on_place_action_triggered)
        self.unplace_action.triggered.connect(self._on_unplace_action_triggered)
        self.lock_action.triggered.connect(self._on_lock_action_triggered)
        self.drop_out_action.triggered.connect(self._on_drop_out_action_triggered)
        self.plan_action.triggered.connect(lambda: self.plan(replan=False))
        self.replan_action.triggered.connect(lambda: self.plan(replan=True))
        self.escape_action.triggered.connect(self._on_escape_action_triggered)
        self.board.selection_changed.connect(self._update_actions)
        self.board.place_requested.connect(self.place)
        self.board.unplace_requested.connect(self.unplace)
        self.board.activated.connect(self.choose_household)
        self.board.drag_hovered.connect(self._on_board_drag_hovered)
        self.message.override_requested.connect(self.place)
        self.progress.cancel_requested.connect(self.planner.cancel)
        self.planner.progressed.connect(self.progress.set_progress)
        self.planner.finished.connect(self._on_planner_finished)
        self.planner.failed.connect(self._on_planner_failed)
        self.planner.cancelled.connect(self._on_planner_cancelled)
        self.planner.running_changed.connect(self._on_planner_running_changed)
        self.proposal.accept_requested.connect(self.accept_proposal)
        self.proposal.discard_requested.connect(self.close_proposal)
        self.proposal.plan_again_requested.connect(self._on_proposal_plan_again_requested)

    # -- the visit and its changes (VisitPage) --------------------------------------------

    def show_visit(self, visit_id: int | None) -> None:
        """Show another visit: a plan running or shown for the old one is dropped."""
        if self.planner.is_running():
            self.planner.cancel()
        self.visit_id = visit_id
        self.version += 1
        self.close_proposal()
        self.message.clear()
        self.reload()

    def apply_changes(self, changes: Changes) -> None:
        """Read the board again when the change can concern it; a plan shown becomes outdated."""
        if not any(changes.touches(e) for e in _WATCHED):
            return
        self.version += 1
        if self.proposal_plan is not None and self.proposal_plan[2] != self.version:
            self.proposal.set_outdated(_(OUTDATED))
        self.reload()

    def reload(self) -> None:
        """Read the board of the visit shown."""
        board = None
        if self.visit_id is not None:
            try:
                board = hb.board(self.visit_id)
            except TwinPlannerError as exc:
                self.message.show_message(str(exc), "refused", hold=True)
        self.board.set_board(self.visit_id or 0, board)
        self._update_actions()

    # -- placing by hand ------------------------------------------------------------------

    def place(self, party_id: int, household_id: int, reason: str = "") -> bool:
        """Place a party (a drop, the dialog, or an override with its reason); True if saved."""
        party = self.board.party(party_id)
        household = self.board.household(household_id)
        if self.visit_id is None or party is None or household is None:
            return False
        if (
            party.state is not None
            and party.state.household_id == household_id
            and not party.dropped_out_from
        ):
            self.message.show_message(
                _("The {party} party already stays with {host}.").format(
                    party=party.party.name, host=household.household.name
                )
            )
            return False
        verdict = self.board.verdict(party_id, household_id)
        if verdict is not None and not verdict.allowed and not reason:
            self._refuse(party_id, household_id, texts.reasons(verdict))
            return False
        if reason:
            text = _("placing {party} with {host} despite the rules")
        elif party.state is not None:
            text = _("moving {party} to {host}")
        else:
            text = _("placing {party} with {host}")
        command = PlacementCommand(
            self.context,
            self.visit_id,
            text.format(party=party.party.name, host=household.household.name),
            lambda: placement.place_party(party_id, household_id, override_reason=reason),
        )
        error = self.context.run(command)
        if isinstance(error, placement.PlacementRefused):
            self._refuse(party_id, household_id, texts.reasons(error.verdict))
            return False
        if error is not None:
            self.message.show_message(str(error), "refused", hold=True)
            return False
        self.message.clear()
        if verdict is not None and verdict.warnings:
            self.message.show_message(texts.reasons(verdict))
        self.board.select_party(party_id)
        return True

    def _refuse(self, party_id: int, household_id: int, reasons: str) -> None:
        party = self.board.party(party_id)
        household = self.board.household(household_id)
        assert party is not None and household is not None
        self.message.show_refusal(
            _(
                "The {party} party cannot stay with {host}: {reasons} Give a reason to place it "
                "anyway, or choose another household."
            ).format(party=party.party.name, host=household.household.name, reasons=reasons),
            party_id,
            household_id,
        )

    def unplace(self, party_id: int) -> bool:
        """Take a party out of its household (refused while its placement is locked)."""
        party = self.board.party(party_id)
        if self.visit_id is None or party is None or party.state is None:
            return False
        if party.locked and not party.dropped_out_from:
            self.message.show_message(
                _("The {party} party is locked to its household; unlock it first (Ctrl+L).").format(
                    party=party.party.name
                ),
                "refused",
                hold=True,
            )
            return False
        command = PlacementCommand(
            self.context,
            self.visit_id,
            _("taking {party} out of its household").format(party=party.party.name),
            lambda: placement.unplace_party(party_id),
        )
        error = self.context.run(command)
        if error is not None:
            self.message.show_message(str(error), "refused", hold=True)
            return False
        self.message.clear()
        self.board.select_party(party_id)
        return True

    def set_locked(self, party_id: int, locked: bool) -> bool:
        """Lock or unlock a party's placement."""
        party = self.board.party(party_id)
        if self.visit_id is None or party is None or party.state is None:
            return False
        text = _("locking {party}") if locked else _("unlocking {party}")
        command = PlacementCommand(
            self.context,
            self.visit_id,
            text.format(party=party.party.name),
            lambda: placement.set_locked(party_id, locked),
        )
        error = self.context.run(command)
        if error is not None:
            self.message.show_message(str(error), "refused", hold=True)
            return False
        self.board.select_party(party_id)
        return True

    def drop_out(self, household_id: int) -> bool:
        """A household backs out: its guests wait for a new household (undoable)."""
        household = self.board.household(household_id)
        if self.visit_id is None or household is None:
            return False
        error = self.context.run(
            DropOutCommand(self.context, self.visit_id, household_id, household.household.name)
        )
        if error is not None:
            self.message.show_message(str(error), "refused", hold=True)
            return False
        if household.parties:
            self.message.show_message(
                _(
                    "{host} no longer offers beds. Its guests are listed under Not placed; "
                    "Re-plan finds them new households and leaves everyone else where they "
                    "are."
                ).format(host=household.household.name),
                hold=True,
            )
        return True

    def choose_household(self, party_id: int | None = None) -> PlaceDialog | None:
        """Open the 'Place with…' list for a party (default: the one selected)."""
        if party_id is None:
            current = self.board.current_party()
            party_id = current.id if current is not None else None
        party = self.board.party(party_id) if party_id is not None else None
        if party is None:
            return None
        current_home = (
            None if party.state is None or party.dropped_out_from else party.state.household_id
        )
        rows = choices(self.board.households, self.board.verdicts(party.id), current_home)
        self.place_dialog = PlaceDialog(party, rows, self)
        self.place_dialog.chosen.connect(self.place)
        self.place_dialog.finished.connect(self.place_dialog.deleteLater)
        self.place_dialog.open()
        return self.place_dialog

    # -- actions --------------------------------------------------------------------------

    def _update_actions(self, *_args: object) -> None:
        party = self.board.current_party()
        household = self.board.current_household()
        board_shown = self.stack.currentWidget() is self.board and self.visit_id is not None
        running = self.planner.is_running()
        self.place_action.setEnabled(board_shown and party is not None)
        self.unplace_action.setEnabled(board_shown and party is not None and party.placed)
        self.lock_action.setEnabled(
            board_shown and party is not None and party.placed and not party.dropped_out_from
        )
        self.lock_action.setText(_("Un&lock") if party is not None and party.locked else _("&Lock"))
        self.drop_out_action.setEnabled(board_shown and household is not None and party is None)
        self.plan_action.setEnabled(board_shown and not running)
        self.replan_action.setEnabled(board_shown and not running)

    def _on_place_action_triggered(self) -> None:
        self.choose_household()

    def _on_unplace_action_triggered(self) -> None:
        party = self.board.current_party()
        if party is not None:
            self.unplace(party.id)

    def _on_lock_action_triggered(self) -> None:
        party = self.board.current_party()
        if party is not None:
            self.set_locked(party.id, not party.locked)

    def _on_drop_out_action_triggered(self) -> None:
        household = self.board.current_household()
        if household is not None:
            self.drop_out(household.id)

    def _on_escape_action_triggered(self) -> None:
        if self.planner.is_running():
            self.planner.cancel()
        else:
            self.message.clear()

    def _on_board_drag_hovered(self, party_id: int | None, household_id: int | None) -> None:
        party = self.board.party(party_id) if party_id is not None else None
        household = self.board.household(household_id) if household_id is not None else None
        if party is None or household is None:
            self.board.show_fits(party)
            return
        verdict = self.board.verdict(party.id, household.id)
        if verdict is None or verdict.allowed:
            text = _("Drop to place the {party} party with {host}.")
        else:
            text = _(
                "The {party} party cannot stay with {host}: {reasons} Drop to give a "
                "reason and place it anyway."
            )
        reasons = texts.reasons(verdict) if verdict is not None else ""
        self.board.show_drag_feedback(
            text.format(party=party.party.name, host=household.household.name, reasons=reasons),
            verdict is None or verdict.allowed,
        )


def housing_page(context: CommandContext, parent: QWidget | None = None) -> HousingPage:
    """The housing board of the main window."""
    return HousingPage(context, parent)
