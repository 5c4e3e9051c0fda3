"""The window opens on the demo database and shows its visitors and host households."""

from __future__ import annotations

import pytest

from twinplanner.ui.main_window import MainWindow
from twinplanner.ui.table_model import ROW_ID_ROLE

pytestmark = pytest.mark.gui


def test_main_window_shows_demo_visitors(qtbot, demo_db) -> None:
    """The 2027 visit is selected and its visitors and households are in the tables."""
    path, visit_id = demo_db
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    assert window.current_visit_id() == visit_id
    names = {window.visitors.row_at(r).full_name for r in range(window.visitors.rowCount())}
    assert {"Ana Popescu", "Ștefan Popescu", "Yasmine Benali", "Élodie Lefèvre"} <= names
    assert window.visitors.rowCount() == 68
    assert window.hosts.rowCount() == 45
    first = window.visitors_proxy.index(0, 0)
    assert window.visitors_proxy.data(first, ROW_ID_ROLE) is not None


def test_visitor_and_host_models_pass_the_model_tester(qtbot, qtmodeltester, demo_db) -> None:
    """The visitors and hosts models keep Qt's model contract."""
    path, _ = demo_db
    window = MainWindow(path)
    qtbot.addWidget(window)
    qtmodeltester.check(window.visitors)
    qtmodeltester.check(window.hosts)
