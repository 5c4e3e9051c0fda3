"""The bar under the choices: make the documents, follow and cancel the run, open the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
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
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(240)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_when_done = QCheckBox(_("Show the result when done"))
        self.open_when_done.setChecked(True)
        self.open_folder = QPushButton(_("Open the fol&der"))
        self.open_pdf = QPushButton(_("Open co&mbined PDF"))
        self.open_pdf.setMenu(QMenu(self.open_pdf))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.make)
        row.addWidget(self.progress, 1)
        self._gap = row.count()
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addSpacing(12)
        row.addWidget(self.open_when_done)
        row.addWidget(self.open_folder)
        row.addWidget(self.open_pdf)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self._row = row
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
        # the stretch takes the progress bar's place while idle, so the buttons stay put
        self._row.setStretch(self._gap, 0 if running else 1)
        if running:
            self.set_progress(0.0, _("Starting…"))

    def set_progress(self, fraction: float, message: str) -> None:
        """Show how far the run is."""
        self.progress.setValue(int(max(0.0, min(fraction, 1.0)) * 1000))
        self.progress.setFormat(f"{message.replace('%', '%%')} – %p%")

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
            action = menu.addAction(
                f"{words.kind_label(printed.kind).replace('&', '')} ({printed.combined.name})"
            )
            action.triggered.connect(
                lambda _c=False, path=printed.combined: self.open_requested.emit(path)
            )
        self.open_folder.setEnabled(result is not None)
        self.open_pdf.setEnabled(bool(combined))

    def _on_open_folder_clicked(self) -> None:
        if self._result is not None:
            self.open_requested.emit(Path(self._result.folder))
