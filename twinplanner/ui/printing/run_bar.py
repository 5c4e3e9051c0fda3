"""The bar under the choices: make the documents, follow and cancel the run, open the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QWidget,
)

from twinplanner.i18n import _
from twinplanner.services.printing import PrintResult
from twinplanner.ui.printing import words

_NOTE = "padding: 4px 8px; border-radius: 3px;"
_STYLES = {
    "info": "",
    "done": f"background: #e6f4ea; color: #1e4620; {_NOTE}",
    "warning": f"background: #fff4e5; color: #663c00; {_NOTE}",
    "error": f"background: #fdecea; color: #8a1c14; {_NOTE}",
}


class RunBar(QWidget):
    """Buttons and progress of a print run; the page decides what they do."""

    make_requested = Signal()
    cancel_requested = Signal()
    open_requested = Signal(object)  # Path: the folder or a combined PDF

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.make = QPushButton(_("Ma&ke documents"))
        self.make.setDefault(True)
        self.make.setToolTip(_("Make the documents chosen (Ctrl+P)"))
        self.cancel = QPushButton(_("Cancel"))
        self.cancel.setToolTip(_("Stop making the documents (Esc)"))
        self.cancel.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.step = QLabel()
        self.step.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.open_when_done = QCheckBox(_("Show the result when done"))
        self.open_when_done.setChecked(True)
        self.open_folder = QPushButton(_("Open the fol&der"))
        self.open_pdf = QPushButton(_("Open co&mbined PDF"))
        self.open_pdf.setMenu(QMenu(self.open_pdf))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.make, 0, 0)
        grid.addWidget(self.progress, 0, 1)
        grid.addWidget(self.cancel, 0, 2)
        grid.addWidget(self.step, 1, 0, 1, 3)
        grid.addWidget(self.open_when_done, 2, 0, 1, 3)
        grid.addWidget(self.status, 3, 0, 1, 3)
        grid.addWidget(self.open_folder, 4, 0)
        grid.addWidget(self.open_pdf, 4, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        self.make.clicked.connect(self.make_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        self._result: PrintResult | None = None
        self.open_folder.clicked.connect(self._on_open_folder_clicked)
        self.set_running(False)
        self.show_result(None)

    def set_running(self, running: bool) -> None:
        """Switch between the idle bar and the bar of a run under way."""
        self.make.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.progress.setVisible(running)
        self.step.setVisible(running)
        if running:
            self.progress.setValue(0)
            self.step.setText(_("Starting…"))

    def set_progress(self, fraction: float, message: str) -> None:
        """Show how far the run is."""
        self.progress.setValue(int(max(0.0, min(fraction, 1.0)) * 1000))
        self.step.setText(message)

    def say(self, text: str, kind: str = "info") -> None:
        """Show a line under the buttons: info, done, warning or error."""
        self.status.setText(text)
        self.status.setStyleSheet(_STYLES[kind])
        self.status.setVisible(bool(text))

    def show_result(self, result: PrintResult | None) -> None:
        """Offer the folder and the combined PDFs of a finished run (None: nothing to open)."""
        self._result = result
        menu = self.open_pdf.menu()
        menu.clear()
        combined = [k for k in result.kinds if k.combined is not None] if result else []
        for printed in combined:
            action = menu.addAction(f"{words.kind_label(printed.kind).replace('&', '')} "
                                    f"({printed.combined.name})")
            action.triggered.connect(
                lambda _c=False, path=printed.combined: self.open_requested.emit(path))
        self.open_folder.setEnabled(result is not None)
        self.open_pdf.setEnabled(bool(combined))

    def _on_open_folder_clicked(self) -> None:
        if self._result is not None:
            self.open_requested.emit(Path(self._result.folder))
