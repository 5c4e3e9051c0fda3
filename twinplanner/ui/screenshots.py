"""Screenshots of the window on the demo exchange at 1366x768: python -m twinplanner.ui.screenshots."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)
PAGES = ("overview", "visitors", "hosts", "housing", "programme", "documents")


def take(out_dir: Path, lang: str = "en", pages: tuple[str, ...] = PAGES) -> list[Path]:
    """Open the demo in a fresh file and save one PNG per page; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from twinplanner.app import apply_language
    from twinplanner.data.db import close_database, open_database
    from twinplanner.data.demo import load_demo

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_language(app, lang)
    from twinplanner.ui.main_window import MainWindow
    from twinplanner.ui.settings import Settings

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        open_database(db)
        visit_id = load_demo()
        window = MainWindow(db, Settings(Path(tmp) / "settings.ini"))
        window.resize(*SIZE)
        window.show()
        window.reload_pickers(visit_id)
        suffix = "" if lang == "en" else f"-{lang}"
        for name in pages:
            page = {
                "overview": window.overview,
                "visitors": window.visitors_page,
                "hosts": window.hosts_page,
                "housing": window.housing_page,
                "programme": window.programme_page,
                "documents": window.documents_page,
            }[name]
            window.tabs.setCurrentWidget(page)
            if name == "visitors":
                window.visitors_page.select_ids([_first_placed(window)])
            if name == "hosts":
                window.hosts_page.select_ids([window.hosts.row_at(0).id])
            app.processEvents()  # a one-off script: let the pages lay out before grabbing
            path = out_dir / f"{name}{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
        window.close()
        close_database()
    return written


def _first_placed(window) -> int:
    for row in window.visitors.rows():
        if row.household_id is not None:
            return row.id
    return window.visitors.row_at(0).id


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots into a folder (default docs/screenshots)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    for path in take(Path(args.out), args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
