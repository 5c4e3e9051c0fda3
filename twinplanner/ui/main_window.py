"""The main window: a visit picker and the visit's visitors and host households."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from twinplanner.data import queries
from twinplanner.i18n import _
from twinplanner.ui.row_models import hosts_model, visitors_model
from twinplanner.ui.table_model import SORT_ROLE


def _table(model) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view, proxy


class MainWindow(QMainWindow):
    """Shows the visits of one database file."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.setWindowTitle(f"{db_path.name} – TwinPlanner")
        self.resize(1280, 760)
        self.visit_picker = QComboBox()
        self.visitors = visitors_model(self)
        self.hosts = hosts_model(self)
        self.visitors_view, self.visitors_proxy = _table(self.visitors)
        self.hosts_view, self.hosts_proxy = _table(self.hosts)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.visitors_view, _("Visitors"))
        self.tabs.addTab(self.hosts_view, _("Hosts"))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Visit:")))
        top.addWidget(self.visit_picker, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self._connect_signals()
        self.reload_visits()

    def _connect_signals(self) -> None:
        self.visit_picker.currentIndexChanged.connect(self._on_visit_picker_changed)

    def reload_visits(self) -> None:
        """Fill the visit picker from the database."""
        self.visit_picker.blockSignals(True)
        self.visit_picker.clear()
        for visit in queries.visits():
            self.visit_picker.addItem(visit.label, visit.id)
        self.visit_picker.blockSignals(False)
        self._on_visit_picker_changed(self.visit_picker.currentIndex())

    def current_visit_id(self) -> int | None:
        """The id of the visit shown."""
        data = self.visit_picker.currentData()
        return int(data) if data is not None else None

    def _on_visit_picker_changed(self, _index: int) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            self.visitors.set_rows([])
            self.hosts.set_rows([])
            return
        self.visitors.set_rows(queries.visit_people(visit_id))
        self.hosts.set_rows(queries.visit_households(visit_id))
        for view in (self.visitors_view, self.hosts_view):
            view.resizeColumnsToContents()
