"""The main window: the visit picker, the pages of the organiser's tasks, menus, undo and routing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from twinplanner.data import queries
from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.overview import TodoItem, TodoKind, visit_overview
from twinplanner.ui import commands as cmd
from twinplanner.ui import prompts
from twinplanner.ui.files import FileController
from twinplanner.ui.menus import build_menus
from twinplanner.ui.pages import VisitPage
from twinplanner.ui.pages.documents import documents_page
from twinplanner.ui.pages.hosts import HostsPage
from twinplanner.ui.pages.housing import housing_page
from twinplanner.ui.pages.overview import OverviewPage
from twinplanner.ui.pages.programme import programme_page
from twinplanner.ui.pages.visitors import VisitorsPage
from twinplanner.ui.records import RecordEditing
from twinplanner.ui.session import DatabaseSession
from twinplanner.ui.settings import Settings

MIN_SIZE = (1024, 640)
_SHOW_VISIT = object()  # a hidden page must show another visit when it is shown


class MainWindow(QMainWindow):
    """Shows one database file: pick a visit, then work on its overview, visitors and hosts."""

    def __init__(
        self,
        db_path: Path,
        settings: Settings | None = None,
        *,
        session: DatabaseSession | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.settings = settings or Settings()
        # The writer lock and automatic backups of the open file (None: the caller opened it).
        self.session = session
        self.undo_stack = QUndoStack(self)
        # What each hidden page has yet to learn: _SHOW_VISIT, or the Changes made meanwhile.
        self._waiting: dict[QWidget, object] = {}
        self.context = cmd.CommandContext(self.undo_stack, self)
        self.partnership_picker = QComboBox()
        self.partnership_picker.setMinimumContentsLength(24)
        self.visit_picker = QComboBox()
        self.visit_picker.setMinimumContentsLength(36)
        self.overview = OverviewPage()
        self.visitors_page = VisitorsPage()
        self.hosts_page = HostsPage()
        self.housing_page = housing_page(self.context)
        self.programme_page = programme_page(self.context)
        self.documents_page = documents_page(self.context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        titles = [
            _("Overview"),
            _("Visitors"),
            _("Hosts"),
            _("Housing"),
            _("Programme"),
            _("Documents"),
        ]
        for page, title in zip(
            (
                self.overview,
                self.visitors_page,
                self.hosts_page,
                self.housing_page,
                self.programme_page,
                self.documents_page,
            ),
            titles,
            strict=True,
        ):
            self.tabs.addTab(page, title)
        self._build_layout()
        self.menu_actions = build_menus(
            self,
            self.undo_stack.createUndoAction(self, _("Undo")),
            self.undo_stack.createRedoAction(self, _("Redo")),
            titles,
        )
        self.files = FileController(self)
        self.records = RecordEditing(self)
        self.statusBar()
        self.setMinimumSize(*MIN_SIZE)
        self._connect_signals()
        self._restore_window_state()
        self.set_title()
        self.reload_all()

    # -- construction ---------------------------------------------------------------------

    @property
    def visitors(self):
        """The visitors table model."""
        return self.visitors_page.model

    @property
    def visitors_proxy(self):
        """The filter proxy over the visitors."""
        return self.visitors_page.proxy

    @property
    def hosts(self):
        """The host households table model."""
        return self.hosts_page.model

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        partnership_label = QLabel(_("&Partnership:"))
        partnership_label.setBuddy(self.partnership_picker)
        visit_label = QLabel(_("Vi&sit:"))
        visit_label.setBuddy(self.visit_picker)
        top.addWidget(partnership_label)
        top.addWidget(self.partnership_picker, 2)
        top.addSpacing(12)
        top.addWidget(visit_label)
        top.addWidget(self.visit_picker, 3)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.partnership_picker, self.visit_picker)
        self.setTabOrder(self.visit_picker, self.tabs)

    def _connect_signals(self) -> None:
        a = self.menu_actions
        if self.session is not None:
            self.session.warning.connect(self._on_session_warning)
        self.partnership_picker.currentIndexChanged.connect(self._on_partnership_picker_changed)
        self.visit_picker.currentIndexChanged.connect(self._on_visit_picker_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.context.changes_made.connect(self._on_context_changes_made)
        self.context.failed.connect(self._on_context_failed)
        self.overview.todo_requested.connect(self._on_overview_todo_requested)
        for number, action in enumerate(a.pages):
            action.triggered.connect(lambda _c=False, n=number: self.tabs.setCurrentIndex(n))
        a.languages[self.settings.language].setChecked(True)
        for code, action in a.languages.items():
            action.triggered.connect(lambda _c=False, lang=code: self._on_language_chosen(lang))
        a.quit.triggered.connect(self.close)

    # -- the visit shown ------------------------------------------------------------------

    def current_visit_id(self) -> int | None:
        """The id of the visit shown."""
        data = self.visit_picker.currentData()
        return int(data) if data is not None else None

    def current_partnership_id(self) -> int | None:
        """The id of the partnership chosen."""
        data = self.partnership_picker.currentData()
        return int(data) if data is not None else None

    def reload_all(self, visit_id: int | None = None) -> None:
        """Read everything again (after opening a file); show ``visit_id`` or the newest visit."""
        self.reload_pickers(visit_id)

    def reload_pickers(self, visit_id: int | None = None) -> None:
        """Fill the partnership and visit pickers, keeping or choosing the visit shown."""
        keep = visit_id if visit_id is not None else self.current_visit_id()
        self._visits = queries.visits()
        if keep is None or keep not in {v.id for v in self._visits}:
            keep = self._visits[0].id if self._visits else None
        partnership_of = {v.id: v.partnership_id for v in self._visits}
        self.partnership_picker.blockSignals(True)
        self.partnership_picker.clear()
        for p in queries.partnerships():
            self.partnership_picker.addItem(p.label, p.id)
        if keep is not None:
            self.partnership_picker.setCurrentIndex(
                max(self.partnership_picker.findData(partnership_of[keep]), 0)
            )
        self.partnership_picker.blockSignals(False)
        self._fill_visit_picker(keep)

    def _fill_visit_picker(self, visit_id: int | None) -> None:
        partnership_id = self.current_partnership_id()
        self.visit_picker.blockSignals(True)
        self.visit_picker.clear()
        for v in self._visits:
            if v.partnership_id == partnership_id:
                self.visit_picker.addItem(v.label, v.id)
        if visit_id is not None and self.visit_picker.findData(visit_id) >= 0:
            self.visit_picker.setCurrentIndex(self.visit_picker.findData(visit_id))
        self.visit_picker.blockSignals(False)
        self.show_visit()

    def _on_partnership_picker_changed(self, _index: int) -> None:
        self._fill_visit_picker(None)

    def _on_visit_picker_changed(self, _index: int) -> None:
        self.undo_stack.clear()  # commands belong to the visit they were made in
        self.show_visit()

    def show_visit(self) -> None:
        """Show the chosen visit on every page."""
        visit_id = self.current_visit_id()
        for action in (
            self.menu_actions.edit_visit,
            self.menu_actions.add_visitor,
            self.menu_actions.add_household,
        ):
            action.setEnabled(visit_id is not None)
        self.menu_actions.edit_partnership.setEnabled(self.current_partnership_id() is not None)
        self.reload_people()
        self.reload_households()
        self.reload_overview()
        for page in self._visit_pages():
            self._waiting[page] = _SHOW_VISIT
        self._bring_current_page_up_to_date()

    def _visit_pages(self) -> tuple[VisitPage, ...]:
        """The pages that follow the visit shown and the changes made on their own."""
        return (self.housing_page, self.programme_page, self.documents_page)

    def _bring_current_page_up_to_date(self) -> None:
        """Tell the page shown what it missed while hidden: a new visit, or the changes made.

        Hidden pages read nothing: on a visit of thousands of people, opening the window or
        making an edit would otherwise wait for three pages nobody is looking at.
        """
        page = self.tabs.currentWidget()
        waiting = self._waiting.pop(page, None)
        if waiting is _SHOW_VISIT:
            page.show_visit(self.current_visit_id())
        elif waiting is not None:
            page.apply_changes(waiting)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._bring_current_page_up_to_date()

    def reload_people(self, *, clubs: bool = True) -> None:
        """Read the visitors of the visit again, and the clubs too unless ``clubs`` is False."""
        visit_id = self.current_visit_id()
        rows = queries.visit_people(visit_id) if visit_id is not None else []
        languages = sorted({code for row in rows for code in row.languages})
        self.visitors_page.set_rows(rows)
        self.visitors_page.set_filter_choices(queries.clubs() if clubs else None, languages)

    def reload_households(self) -> None:
        """Read the host households of the visit again."""
        visit_id = self.current_visit_id()
        rows = queries.visit_households(visit_id) if visit_id is not None else []
        self.hosts_page.set_rows(rows)
        self.hosts_page.set_languages(sorted({c for row in rows for c in row.languages}))

    def reload_overview(self) -> None:
        """Count again and rebuild the checklist."""
        visit_id = self.current_visit_id()
        if visit_id is None:
            self.overview.show_overview(None, None)
            return
        overview = visit_overview(visit_id, self.visitors.rows(), self.hosts.rows())
        self.overview.show_overview(queries.visit(visit_id), overview)

    # -- routing of changes ---------------------------------------------------------------

    def _on_context_changes_made(self, changes: Changes) -> None:
        if changes.touches(Entity.PARTNERSHIP) or changes.touches(Entity.VISIT):
            new_visits = changes.ids.get(Entity.VISIT, frozenset())
            shown = {v.id for v in getattr(self, "_visits", [])}
            fresh = [v for v in new_visits if v not in shown]
            self.reload_pickers(fresh[0] if fresh else None)
            return
        people = any(
            changes.touches(e) for e in (Entity.PERSON, Entity.PARTY, Entity.PLACEMENT, Entity.CLUB)
        )
        households = any(
            changes.touches(e) for e in (Entity.HOUSEHOLD, Entity.PLACEMENT, Entity.PARTY)
        )
        if people:
            self.reload_people(clubs=changes.touches(Entity.CLUB))
        if households:
            self.reload_households()
        if people or households or changes.touches(Entity.EVENT):
            self.reload_overview()
        for page in self._visit_pages():
            waiting = self._waiting.get(page)
            if waiting is not _SHOW_VISIT:
                self._waiting[page] = changes if waiting is None else waiting | changes
        self._bring_current_page_up_to_date()
        if self.session is not None and changes:
            self.session.changed()
        if changes.message:
            self.statusBar().showMessage(changes.message, 4000)

    def _on_session_warning(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _on_context_failed(self, message: str) -> None:
        prompts.error(self, message, _("The step was taken off the undo list."))
        self.show_visit()

    def _on_overview_todo_requested(self, item: TodoItem) -> None:
        if item.kind == TodoKind.PARTIES_NOT_PLACED:
            self.tabs.setCurrentWidget(self.housing_page)
        elif item.kind in (TodoKind.NO_EMERGENCY_CONTACT, TodoKind.MINORS_WITHOUT_CONSENT):
            self.tabs.setCurrentWidget(self.visitors_page)
            self.visitors_page.show_ids(list(item.ids))
        elif item.kind == TodoKind.HOUSEHOLDS_WITHOUT_PHONE:
            self.tabs.setCurrentWidget(self.hosts_page)
            self.hosts_page.show_ids(list(item.ids))
        else:
            self.tabs.setCurrentWidget(self.programme_page)

    def jump_to(self, kind: str, record_id: int) -> bool:
        """Show a person or household of the visit on its page and select it."""
        page = self.visitors_page if kind == "person" else self.hosts_page
        self.tabs.setCurrentWidget(page)
        found = page.show_ids([record_id])
        if not found:
            self.statusBar().showMessage(_("Not part of the visit shown."), 5000)
        return found

    # -- preferences and window state -----------------------------------------------------

    def _on_language_chosen(self, code: str) -> None:
        if code != self.settings.language:
            self.settings.language = code
            self.settings.sync()
            prompts.info(self, _("TwinPlanner will use the new language from its next start."))

    def set_title(self) -> None:
        """Show the open file in the title bar."""
        self.setWindowFilePath(str(self.db_path))
        read_only = self.session is not None and self.session.readonly
        suffix = _(" [read-only]") if read_only else ""
        if self.files.encryption.encrypted():
            suffix += _(" (encrypted)")
        self.setWindowTitle(f"{self.db_path.name}{suffix} ({self.db_path.parent}) – TwinPlanner")

    def _restore_window_state(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        for name, page in (("visitors", self.visitors_page), ("hosts", self.hosts_page)):
            header_state = self.settings.header_state(name)
            if header_state is not None:
                page.restore_header_state(header_state)

    def save_window_state(self) -> None:
        """Remember geometry, column widths and the file for the next start."""
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        for name, page in (("visitors", self.visitors_page), ("hosts", self.hosts_page)):
            self.settings.set_header_state(name, page.header_state())
        self.settings.note_opened(self.db_path)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_window_state()
        if self.session is not None:
            self.session.close()
        super().closeEvent(event)

    def report_error(self, exc: Exception) -> None:
        """Show an expected error as a message box."""
        if isinstance(exc, TwinPlannerError):
            prompts.error(self, str(exc))
        else:
            from twinplanner.ui.errors import report

            report(exc, lambda what, todo: prompts.error(self, what, todo))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self.tabs.currentWidget() in (
            self.visitors_page,
            self.hosts_page,
        ):
            self.tabs.currentWidget().clear_refusal()
        super().keyPressEvent(event)
