"""Composition root: arguments, paths, database, translations, QApplication, main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run_gui(args: argparse.Namespace) -> int:
    """Open the window on the database the arguments name (the demo on a first start)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from twinplanner.data import demo
    from twinplanner.data.db import open_database
    from twinplanner.domain.errors import TwinPlannerError
    from twinplanner.paths import default_db_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("TwinPlanner")
    app.setOrganizationName("TwinPlanner")
    path = Path(args.db) if args.db else default_db_path()
    try:
        open_database(path)
        if args.db is None and demo.is_empty():
            demo.load_demo()
    except TwinPlannerError as exc:
        QMessageBox.critical(None, "TwinPlanner", str(exc))
        return 1
    from twinplanner.ui.main_window import MainWindow

    window = MainWindow(path)
    window.show()
    return app.exec()
