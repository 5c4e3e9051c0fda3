"""Composition root: arguments, paths, database, translations, QApplication, main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def apply_language(app: QApplication, lang: str) -> None:
    """Use ``lang`` for the window's words, Qt's standard buttons and the layout direction."""
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator

    from twinplanner.i18n import set_language

    set_language(lang)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en" and translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    rtl = lang in ("ar", "he", "fa", "ur")
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )


def _database_path(args: argparse.Namespace, last: Path | None) -> tuple[Path, bool]:
    """The file to open and whether it is the default one (which gets the demo on first start)."""
    from twinplanner.paths import default_db_path

    if getattr(args, "db", None):
        return Path(args.db), False
    if last is not None and last.exists():
        return last, False
    return default_db_path(), True


def run_gui(args: argparse.Namespace) -> int:
    """Open the window on the database the arguments name (the last file, or the demo at first)."""
    from PySide6.QtWidgets import QApplication

    from twinplanner.ui import prompts
    from twinplanner.ui.errors import install_excepthook
    from twinplanner.ui.session import DatabaseSession, describe_busy
    from twinplanner.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("TwinPlanner")
    app.setOrganizationName("TwinPlanner")
    from twinplanner.ui.icons import icon

    app.setWindowIcon(icon("twinplanner"))
    settings = Settings()
    apply_language(app, settings.language)
    install_excepthook(lambda what, todo: prompts.error(app.activeWindow(), what, todo))
    path, is_default = _database_path(args, settings.last_file())
    session = DatabaseSession(lambda busy: prompts.ask_open_readonly(None, describe_busy(busy)))
    opened = open_session(session, path, load_demo=is_default)
    if opened is not True:
        return opened
    from twinplanner.ui.main_window import MainWindow

    window = MainWindow(path, settings, session=session)
    settings.note_opened(path)
    window.show()
    return app.exec()


def open_session(session, path: Path, *, load_demo: bool) -> bool | int:
    """Open the file for the window: True, or the exit status when the user cannot go on.

    A file that cannot be used is refused with a message; when it has backups, restoring one
    is offered and the restored file is opened. The demo goes into a new default file.
    """
    from twinplanner.data import demo
    from twinplanner.domain.errors import DatabaseFileError, TwinPlannerError
    from twinplanner.i18n import _
    from twinplanner.ui import prompts
    from twinplanner.ui.errors import report

    try:
        try:
            if not session.open(path):
                return 0
        except DatabaseFileError as exc:
            if not prompts.restore_after_failure(None, path, str(exc)):
                raise
            if not session.open(path):
                return 0
        if load_demo and not session.readonly and demo.is_empty():
            demo.load_demo()
    except TwinPlannerError as exc:
        prompts.error(
            None,
            str(exc),
            _(
                "Choose another file with --db PATH, or restore a "
                "backup with File › Restore a backup."
            ),
        )
        return 1
    except Exception as exc:  # noqa: BLE001 - shown as a message and logged, never a traceback
        report(exc, lambda what, todo: prompts.error(None, what, todo))
        return 1
    return True
