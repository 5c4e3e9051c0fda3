"""Editing records from the window: cell and form edits, new records, parties, visit editors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from twinplanner.data import queries
from twinplanner.domain.errors import TwinPlannerError, ValidationError
from twinplanner.i18n import _
from twinplanner.services.changes import Entity
from twinplanner.ui import commands as cmd
from twinplanner.ui.dialogs.about import AboutDialog
from twinplanner.ui.dialogs.find import FindDialog
from twinplanner.ui.dialogs.new_records import AddHouseholdDialog, AddVisitorDialog
from twinplanner.ui.dialogs.partnership import PartnershipDialog
from twinplanner.ui.dialogs.visit import VisitDialog

if TYPE_CHECKING:
    from twinplanner.ui.main_window import MainWindow


class RecordEditing(QObject):
    """Turns edit requests of pages and dialogs into undo commands, and shows refusals in place."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None  # the dialog open, kept alive while it is shown
        self.find_dialog = FindDialog(window)
        self._connect_signals()

    def _connect_signals(self) -> None:
        w, a = self.window, self.window.menu_actions
        w.visitors_page.edit_requested.connect(self._on_visitors_edit_requested)
        w.hosts_page.edit_requested.connect(self._on_hosts_edit_requested)
        w.visitors_page.add_requested.connect(self.add_visitor)
        w.visitors_page.group_requested.connect(self.group_party)
        w.visitors_page.ungroup_requested.connect(self.leave_party)
        w.hosts_page.add_requested.connect(self.add_household)
        w.overview.edit_visit_requested.connect(self.edit_visit)
        a.add_visitor.triggered.connect(self.add_visitor)
        a.add_household.triggered.connect(self.add_household)
        a.group_party.triggered.connect(lambda: self.group_party(w.visitors_page.selected_ids()))
        a.leave_party.triggered.connect(self._on_leave_party_triggered)
        a.new_partnership.triggered.connect(self.new_partnership)
        a.edit_partnership.triggered.connect(self.edit_partnership)
        a.new_visit.triggered.connect(self.new_visit)
        a.edit_visit.triggered.connect(self.edit_visit)
        a.find.triggered.connect(lambda: self.find_dialog.start(w.current_visit_id()))
        a.about.triggered.connect(self.about)
        self.find_dialog.jump_requested.connect(w.jump_to)

    # -- edits of one field ---------------------------------------------------------------

    def _edit(
        self, entity: Entity, page, row_id: int, field: str, before: object, after: object
    ) -> None:
        number = page.model.row_of_id(row_id)
        if number < 0:
            return
        row = page.model.row_at(number)
        name = getattr(row, "full_name", None) or getattr(row, "contact_name", "")
        command = cmd.EditField(
            self.window.context,
            entity,
            self.window.current_visit_id(),
            row_id,
            name,
            field,
            before,
            after,
        )
        error = self.window.context.run(command)
        if error is not None:
            page.show_refusal(row_id, field, str(error))
        else:
            page.clear_refusal()

    def _on_visitors_edit_requested(
        self, row_id: int, field: str, before: object, after: object
    ) -> None:
        self._edit(Entity.PERSON, self.window.visitors_page, row_id, field, before, after)

    def _on_hosts_edit_requested(
        self, row_id: int, field: str, before: object, after: object
    ) -> None:
        self._edit(Entity.HOUSEHOLD, self.window.hosts_page, row_id, field, before, after)

    # -- new records and parties ----------------------------------------------------------

    def _open(self, dialog, on_submit) -> None:
        self.dialog = dialog
        dialog.submitted.connect(on_submit)
        dialog.open()

    def _run_from_dialog(self, command: cmd.ServiceCommand) -> bool:
        error = self.window.context.run(command)
        if error is not None:
            self.dialog.show_error(str(error), getattr(error, "field", None))
            return False
        self.dialog.accept()
        return True

    def add_visitor(self) -> None:
        """Ask for a new visitor's first facts and add them to the visit."""
        visit_id = self.window.current_visit_id()
        if visit_id is None:
            return
        visit = queries.visit(visit_id)
        self._open(
            AddVisitorDialog(tuple(visit.working_languages[1:2]), self.window),
            self._on_add_visitor_submitted,
        )

    def _on_add_visitor_submitted(self, values: dict) -> None:
        values = dict(values)
        name, is_guest = values.pop("full_name"), values.pop("is_guest")
        command = cmd.AddVisitor(
            self.window.context, self.window.current_visit_id(), name, values, is_guest=is_guest
        )
        if self._run_from_dialog(command):
            self.window.tabs.setCurrentWidget(self.window.visitors_page)
            self.window.visitors_page.show_ids([command.person_id])

    def add_household(self) -> None:
        """Ask for a new household's first facts and offer its beds for the visit."""
        if self.window.current_visit_id() is None:
            return
        self._open(AddHouseholdDialog(self.window), self._on_add_household_submitted)

    def _on_add_household_submitted(self, values: dict) -> None:
        values = dict(values)
        name = values.pop("contact_name")
        command = cmd.AddHousehold(
            self.window.context, self.window.current_visit_id(), name, values
        )
        if self._run_from_dialog(command):
            self.window.tabs.setCurrentWidget(self.window.hosts_page)
            self.window.hosts_page.show_ids([command.household_id])

    def group_party(self, person_ids: list[int]) -> None:
        """Group the selected visitors into one party."""
        page, visit_id = self.window.visitors_page, self.window.current_visit_id()
        if visit_id is None:
            return
        names = [page.model.row_at(page.model.row_of_id(i)).full_name for i in person_ids]
        error = self.window.context.run(
            cmd.GroupParty(self.window.context, visit_id, person_ids, names)
        )
        if error is not None:
            page.show_refusal(-1, "", str(error))
        else:
            page.clear_refusal()
            page.select_ids(person_ids)

    def _on_leave_party_triggered(self) -> None:
        ids = self.window.visitors_page.selected_ids()
        if len(ids) == 1:
            self.leave_party(ids[0])

    def leave_party(self, person_id: int) -> None:
        """Take one visitor out of their party."""
        page, visit_id = self.window.visitors_page, self.window.current_visit_id()
        number = page.model.row_of_id(person_id)
        if visit_id is None or number < 0:
            return
        error = self.window.context.run(
            cmd.RemoveFromParty(
                self.window.context, visit_id, person_id, page.model.row_at(number).full_name
            )
        )
        if error is not None:
            page.show_refusal(person_id, "", str(error))
        else:
            page.clear_refusal()

    # -- partnerships and visits ----------------------------------------------------------

    def new_partnership(self) -> None:
        """Open the partnership editor for a new partnership."""
        self._open(PartnershipDialog(None, self.window), self._on_new_partnership_submitted)

    def _on_new_partnership_submitted(self, values: dict) -> None:
        values = dict(values)
        awards = values.pop("awards")
        self._run_from_dialog(cmd.CreatePartnership(self.window.context, values, awards))

    def edit_partnership(self) -> None:
        """Open the partnership editor on the chosen partnership."""
        pid = self.window.current_partnership_id()
        chosen = [p for p in queries.partnerships() if p.id == pid]
        if not chosen:
            return
        dialog = PartnershipDialog(chosen[0], self.window)
        self._open(dialog, lambda values: self._on_edit_partnership_submitted(chosen[0], values))

    def _on_edit_partnership_submitted(self, partnership, values: dict) -> None:
        before = PartnershipDialog.values_of(partnership)
        split = lambda v: ({k: x for k, x in v.items() if k != "awards"}, list(v["awards"]))
        if values == before:
            self.dialog.accept()
            return
        self._run_from_dialog(
            cmd.EditPartnership(
                self.window.context, partnership.id, partnership.label, split(before), split(values)
            )
        )

    def new_visit(self) -> None:
        """Open the visit editor for a new visit of the chosen partnership."""
        partnerships = queries.partnerships()
        if not partnerships:
            self.window.report_error(
                ValidationError(_("Create a partnership first (Visit › New partnership)."))
            )
            return
        dialog = VisitDialog(partnerships, None, self.window.current_partnership_id(), self.window)
        self._open(
            dialog,
            lambda values: self._run_from_dialog(
                cmd.CreateVisit(self.window.context, dialog.partnership_id(), values)
            ),
        )

    def edit_visit(self) -> None:
        """Open the visit editor on the visit shown."""
        visit_id = self.window.current_visit_id()
        if visit_id is None:
            return
        visit = queries.visit(visit_id)
        dialog = VisitDialog(queries.partnerships(), visit, parent=self.window)
        self._open(dialog, lambda values: self._on_edit_visit_submitted(visit, values))

    def _on_edit_visit_submitted(self, visit, values: dict) -> None:
        before = VisitDialog.values_of(visit)
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            self.dialog.accept()
            return
        try:
            self._run_from_dialog(
                cmd.EditVisit(
                    self.window.context,
                    visit.id,
                    visit.label,
                    {k: before[k] for k in changed},
                    changed,
                )
            )
        except TwinPlannerError as exc:  # pragma: no cover - run() returns refusals
            self.dialog.show_error(str(exc))

    def about(self) -> None:
        """Show the About dialog."""
        self.dialog = AboutDialog(self.window)
        self.dialog.open()
