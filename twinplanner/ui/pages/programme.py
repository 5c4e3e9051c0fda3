"""The Programme page: the timeline (or list) of events, conflicts beside it, proposals, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from twinplanner.data import queries
from twinplanner.domain.errors import TwinPlannerError
from twinplanner.domain.rows import EventRow
from twinplanner.i18n import N_, _
from twinplanner.planning.programme.conflicts import Conflict, check_programme
from twinplanner.planning.programme.proposal import ChangeKind
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.services import programme as service
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.programme_parts import Part
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.programme import commands as cmd
from twinplanner.ui.programme import proposals as plan
from twinplanner.ui.programme.editing import EventEditing
from twinplanner.ui.programme.export import export_calendar
from twinplanner.ui.programme.geometry import NO_VENUE, Column, days_of, hour_range
from twinplanner.ui.programme.list_view import EventListPanel
from twinplanner.ui.programme.models import ListRow
from twinplanner.ui.programme.side import ConflictPanel, ProposalPanel
from twinplanner.ui.programme.style import day_name
from twinplanner.ui.programme.timeline import TimelineView

_WATCHED = (Entity.EVENT, Entity.VENUE, Entity.VISIT, Entity.PERSON, Entity.CLUB, Entity.PARTY)
_KEYS_HELP = N_(
    "Drag a block to move it, its lower edge to change its length. Keys: arrows "
    "choose an event, Ctrl+arrows move it, Ctrl+Page Up/Down by a day, "
    "Ctrl+Shift+Up/Down change its length, Enter edits, Delete removes."
)


class ProgrammePage(QWidget, EventEditing):
    """Shows one visit's programme and turns the organiser's gestures into undoable commands."""

    def __init__(self, context: CommandContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit_id: int | None = None
        self.snap: ProgrammeSnapshot | None = None
        self.rows: dict[int, EventRow] = {}
        self.conflicts: list[Conflict] = []
        self.version = 0  # bumped by every change that may touch the programme
        self.outcome: plan.Outcome | None = None
        self.export_folder = Path.home()
        self._check_cache: tuple[tuple, tuple[bool, str]] | None = None
        self.timeline = TimelineView()
        self.timeline.check_move = self.check_move
        self.list_panel = EventListPanel()
        self.conflict_panel = ConflictPanel()
        self.proposal_panel = ProposalPanel()
        self.planner = plan.PlanRunner(self)
        self.views = QStackedWidget()
        self.views.addWidget(self.timeline)
        self.views.addWidget(self.list_panel)
        self.side = QStackedWidget()
        self.side.addWidget(self.conflict_panel)
        self.side.addWidget(self.proposal_panel)
        self.side.setMinimumWidth(300)
        self.hint = QLabel(_(_KEYS_HELP))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.toolbar = QToolBar()
        self.day_picker = QComboBox()
        self.snap_picker = QComboBox()
        self._build_actions()
        self._build_layout()
        self._connect_signals()
        self._set_visit_enabled(False)

    # -- construction -----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(
            f"{tip or text.replace('&', '').rstrip('…')}" + (f" ({shortcut})" if shortcut else "")
        )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.show_timeline = self._action(_("Timeline"), lambda: self.set_view(0), "Ctrl+Shift+T")
        self.show_list = self._action(_("List"), lambda: self.set_view(1), "Ctrl+Shift+L")
        for a in (self.show_timeline, self.show_list):
            a.setCheckable(True)
        self.show_timeline.setChecked(True)
        self.new_action = self._action(_("New event…"), self._on_new_triggered, "Ins")
        self.edit_action = self._action(_("Edit…"), self._on_edit_triggered, "F2")
        self.move_action = self._action(
            _("Move…"),
            self._on_move_triggered,
            "Ctrl+M",
            _("Change the time or the venue of the selected event"),
        )
        self.delete_action = self._action(_("Delete"), self._on_delete_triggered)
        self.fixtures_action = self._action(
            _("Propose fixtures"),
            lambda: self.propose(Part.FIXTURES),
            "Ctrl+Shift+F",
            _("Plan the matches of every category"),
        )
        self.concerts_action = self._action(
            _("Propose concert timetable"),
            lambda: self.propose(Part.CONCERTS),
            "Ctrl+Shift+K",
            _("Plan concerts that are not fixed and their rehearsals"),
        )
        self.zoom_in = self._action(_("Zoom in"), lambda: self._zoom(1.25), "Ctrl++")
        self.zoom_out = self._action(_("Zoom out"), lambda: self._zoom(0.8), "Ctrl+-")
        self.export_menu = QMenu(_("Export calendar"), self)
        self.export_button = QToolButton()
        self.export_button.setText(_("Export calendar"))
        self.export_button.setToolTip(_("Save the programme as an iCalendar (.ics) file"))
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _build_layout(self) -> None:
        t = self.toolbar
        t.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        t.addAction(self.show_timeline)
        t.addAction(self.show_list)
        t.addSeparator()
        day_label = QLabel(_("&Day:"))
        day_label.setBuddy(self.day_picker)
        t.addWidget(day_label)
        t.addWidget(self.day_picker)
        snap_label = QLabel(_(" S&nap:"))
        snap_label.setBuddy(self.snap_picker)
        for minutes in (5, 15):
            self.snap_picker.addItem(_("{n} min").format(n=minutes), minutes)
        self.snap_picker.setCurrentIndex(1)
        t.addWidget(snap_label)
        t.addWidget(self.snap_picker)
        t.addAction(self.zoom_out)
        t.addAction(self.zoom_in)
        t.addSeparator()
        for a in (self.new_action, self.edit_action, self.move_action, self.delete_action):
            t.addAction(a)
        t.addSeparator()
        t.addAction(self.fixtures_action)
        t.addAction(self.concerts_action)
        t.addWidget(self.export_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.views, 1)
        column.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([1000, 330])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        tl = self.timeline
        tl.move_requested.connect(self._on_timeline_move_requested)
        tl.edit_requested.connect(self.open_editor)
        tl.delete_requested.connect(self.delete_events)
        tl.create_requested.connect(self._on_timeline_create_requested)
        tl.drag_checked.connect(self._on_timeline_drag_checked)
        tl.selection_changed.connect(self._update_actions)
        tl.day_scrolled.connect(self._on_timeline_day_scrolled)
        self.list_panel.edit_requested.connect(self.open_editor)
        self.list_panel.delete_requested.connect(self.delete_events)
        self.list_panel.selection_changed.connect(self._update_actions)
        self.conflict_panel.events_chosen.connect(self.show_events)
        self.proposal_panel.events_chosen.connect(self.show_events)
        self.proposal_panel.cancel_requested.connect(self.planner.cancel)
        self.proposal_panel.accept_requested.connect(self.accept_proposal)
        self.proposal_panel.drop_requested.connect(self.close_proposal)
        self.proposal_panel.again_requested.connect(self._on_proposal_again_requested)
        self.planner.progressed.connect(self.proposal_panel.show_progress)
        self.planner.finished.connect(self._on_planner_finished)
        self.planner.failed.connect(self._on_planner_failed)
        self.planner.cancelled.connect(self._on_planner_cancelled)
        self.day_picker.activated.connect(self._on_day_picker_activated)
        self.snap_picker.currentIndexChanged.connect(self._on_snap_picker_changed)

    # -- VisitPage --------------------------------------------------------------------------

    def show_visit(self, visit_id: int | None) -> None:
        """Show a visit's programme (None: none)."""
        if self.planner.is_running():
            self.planner.cancel()
        self.close_proposal()
        self.visit_id = visit_id
        self.version += 1
        self.timeline.select([], scroll=False)
        self.reload()
        self.timeline.verticalScrollBar().setValue(0)

    def apply_changes(self, changes: Changes) -> None:
        """Read the programme again when a change may touch it; a proposal shown is outdated."""
        if not any(changes.touches(e) for e in _WATCHED):
            return
        self.version += 1
        if self.outcome is not None:
            self.proposal_panel.mark_outdated(True)
        self.reload()

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the visit's events, venues and conflicts again and show them."""
        self._check_cache = None
        if self.visit_id is None:
            self.snap, self.rows, self.conflicts = None, {}, []
            self.timeline.set_programme([], [], (480, 1320), [], {})
            self.list_panel.set_rows([])
            self.conflict_panel.show_conflicts([])
            self._set_visit_enabled(False)
            return
        self.snap = service.build_snapshot(self.visit_id)
        events = queries.visit_events(self.visit_id)
        self.rows = {e.id: e for e in events}
        self.conflicts = check_programme(self.snap)
        marks: dict[int, str] = {}
        for c in self.conflicts:
            for event_id in c.event_ids:
                if marks.get(event_id) != "error":
                    marks[event_id] = c.severity.value
        s = self.snap.settings
        columns = [Column(v.id, v.name) for v in sorted(self.snap.venues, key=lambda v: v.name)]
        columns.append(Column(NO_VENUE, _("No venue")))
        days = days_of(self.snap.arrival_at, self.snap.departure_at, events)
        self.timeline.set_programme(
            columns, days, hour_range(events, s.day_start, s.day_end), events, marks
        )
        clubs = self.snap.club_by_id
        self.list_panel.set_rows(
            [
                ListRow(
                    e,
                    ", ".join(clubs[c].name for c in e.club_ids if c in clubs),
                    marks.get(e.id, ""),
                )
                for e in events
            ]
        )
        self.conflict_panel.show_conflicts(self.conflicts)
        self._fill_day_picker(days)
        self._fill_export_menu()
        self._set_visit_enabled(True)

    def _fill_day_picker(self, days: list[dt.date]) -> None:
        keep = self.day_picker.currentIndex()
        self.day_picker.clear()
        for day in days:
            self.day_picker.addItem(day_name(day, False), day)
        self.day_picker.setCurrentIndex(max(0, min(keep, len(days) - 1)))

    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        whole = self.export_menu.addAction(_("Whole programme…"))
        whole.triggered.connect(lambda: self.export(None))
        if self.snap is None:
            return
        taking_part = {c for e in self.snap.events for c in e.club_ids}
        clubs = sorted((c for c in self.snap.clubs if c.id in taking_part), key=lambda c: c.name)
        if clubs:
            self.export_menu.addSeparator()
        for club in clubs:
            action = self.export_menu.addAction(_("{club}…").format(club=club.name))
            action.triggered.connect(lambda _c=False, name=club.name: self.export(name))

    def _set_visit_enabled(self, on: bool) -> None:
        for a in (self.new_action, self.fixtures_action, self.concerts_action):
            a.setEnabled(on)
        self.export_button.setEnabled(on)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = bool(self.selected_ids())
        for a in (self.edit_action, self.move_action, self.delete_action):
            a.setEnabled(chosen)

    # -- selection and views ----------------------------------------------------------------

    def set_view(self, index: int) -> None:
        """0: timeline, 1: list; the selection goes along."""
        ids = self.selected_ids()
        self.views.setCurrentIndex(index)
        self.show_timeline.setChecked(index == 0)
        self.show_list.setChecked(index == 1)
        self.day_picker.setEnabled(index == 0)
        self.show_events(tuple(ids))
        self.views.currentWidget().setFocus()

    def selected_ids(self) -> list[int]:
        """The events selected in the view shown."""
        if self.views.currentIndex() == 1:
            return self.list_panel.selected_ids()
        return list(self.timeline.selected)

    def show_events(self, ids: tuple[int, ...]) -> None:
        """Select these events in the view shown and scroll to them."""
        self.timeline.select(list(ids))
        self.list_panel.select_ids(list(ids))
        self._update_actions()

    def _on_day_picker_activated(self, index: int) -> None:
        self.timeline.scroll_to_day(index)

    def _on_timeline_day_scrolled(self, day: int) -> None:
        self.day_picker.setCurrentIndex(day)

    def _on_snap_picker_changed(self, _index: int) -> None:
        self.timeline.snap_minutes = int(self.snap_picker.currentData())

    def _zoom(self, factor: float) -> None:
        self.timeline.set_zoom(self.timeline.geometry_.px_per_hour * factor)

    def say(self, text: str, error: bool = False) -> None:
        """Show a line above the timeline (a result or a refusal)."""
        self.message.setText(text)
        self.message.setStyleSheet(
            "background: #fdecea; color: #8a1c14; padding: 4px 8px;"
            if error
            else "background: #e8f5e9; padding: 4px 8px;"
        )
        self.message.setVisible(bool(text))

    def _on_timeline_drag_checked(self, allowed: bool, words: str) -> None:
        self.hint.setText(words or _(_KEYS_HELP))
        self.hint.setStyleSheet(
            ""
            if not words
            else "color: #8a1c14; font-weight: bold;"
            if not allowed
            else "font-weight: bold;"
        )

    # -- proposals --------------------------------------------------------------------------

    def propose(self, part: Part, time_limit: float | None = None) -> None:
        """Plan one part of the programme in the background and show the proposal beside."""
        if self.visit_id is None:
            return
        snap = service.build_snapshot(self.visit_id)  # on the GUI thread: only it reads SQLite
        self.outcome = None
        self.timeline.set_ghosts([])
        self.side.setCurrentWidget(self.proposal_panel)
        self.proposal_panel.show_running(plan.part_heading(part))
        self._last_part = part
        self.planner.start(snap, part, self.version, time_limit)

    def _on_planner_finished(self, outcome: plan.Outcome) -> None:
        self.outcome = outcome
        outdated = outcome.version != self.version
        self.proposal_panel.show_result(
            plan.status_words(outcome),
            plan.change_lines(outcome),
            plan.unplaced_lines(outcome),
            plan.summary(outcome),
            outdated,
        )
        self.timeline.set_ghosts([c.event for c in outcome.proposal.changes])
        if outcome.proposal.changes:
            self.timeline.ensure_visible(-1)

    def _on_planner_failed(self, message: str) -> None:
        self.proposal_panel.show_failure(message)

    def _on_planner_cancelled(self) -> None:
        self.proposal_panel.show_failure(_("Cancelled; nothing was changed."))

    def _on_proposal_again_requested(self) -> None:
        self.propose(getattr(self, "_last_part", Part.FIXTURES))

    def accept_proposal(self) -> bool:
        """Write the proposal shown as one undoable step; False when refused or outdated."""
        outcome = self.outcome
        if outcome is None or outcome.version != self.version:
            self.proposal_panel.mark_outdated(outcome is not None)
            return False
        what = (
            _("accepting the proposed fixtures")
            if outcome.part is Part.FIXTURES
            else _("accepting the proposed concert timetable")
        )
        command = cmd.AcceptProposal(self.context, outcome.proposal, what)
        error = self.context.run(command)
        if error is not None:
            self.proposal_panel.show_failure(str(error))
            return False
        moved = [c.event.id for c in outcome.proposal.changes if c.kind is ChangeKind.MOVED]
        self.close_proposal()
        self.say(_("Proposal accepted. Undo takes it back in one step (Ctrl+Z)."))
        self.show_events(tuple(i for i, _d in command.new_events) + tuple(moved))
        return True

    def close_proposal(self) -> None:
        """Drop the proposal shown (cancelling a plan still running) and show the conflicts."""
        if self.planner.is_running():
            self.planner.cancel()
        self.outcome = None
        self.timeline.set_ghosts([])
        self.side.setCurrentWidget(self.conflict_panel)

    # -- export -----------------------------------------------------------------------------

    def export(self, club_name: str | None) -> None:
        """Save the programme (or one club's part) as an iCalendar file chosen by the user."""
        if self.visit_id is None:
            return
        try:
            words = export_calendar(self, self.visit_id, club_name, self.export_folder)
        except TwinPlannerError as exc:
            self.say(str(exc), error=True)
            return
        if words:
            self.say(words)


def programme_page(context: CommandContext, parent: QWidget | None = None) -> ProgrammePage:
    """The Programme page of the main window."""
    return ProgrammePage(context, parent)
