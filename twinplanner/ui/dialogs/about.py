"""The About dialog: version, licence, and the licences of the fonts and libraries shipped."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import twinplanner
from twinplanner.i18n import _

# (distribution, licence) of the libraries TwinPlanner runs on, and the fonts it embeds.
LIBRARIES = (
    ("PySide6-Essentials", "LGPL-3.0 (Qt for Python)"),
    ("peewee", "MIT"),
    ("reportlab", "BSD"),
    ("ortools", "Apache-2.0"),
    ("openpyxl", "MIT"),
    ("icalendar", "BSD-2-Clause"),
    ("babel", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("arabic-reshaper", "MIT"),
    ("python-bidi", "LGPL-3.0"),
)
FONTS = (
    ("DejaVu Sans", "2.37", "Bitstream Vera / DejaVu free licence"),
    ("Noto Naskh Arabic", "", "SIL Open Font License 1.1"),
)


def version_of(distribution: str) -> str:
    """The installed version of a library, or '–'."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "–"


def app_version() -> str:
    """TwinPlanner's own version."""
    version = getattr(twinplanner, "__version__", "")
    return version or version_of("twinplanner")


class AboutDialog(QDialog):
    """Version, licence and the list of libraries and fonts with their licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About TwinPlanner"))
        heading = QLabel(f"<h2>TwinPlanner {app_version()}</h2>")
        text = QLabel(
            _(
                "Plans town-twinning exchanges: visitors, host households, programme and "
                "printed documents, on one computer and offline.\n\nFree software under "
                "the GNU General Public License, version 3 or later."
            )
        )
        text.setWordWrap(True)
        self.table = QTableWidget(len(LIBRARIES) + len(FONTS), 3)
        self.table.setHorizontalHeaderLabels([_("Library or font"), _("Version"), _("Licence")])
        rows = [(name, version_of(name), licence) for name, licence in LIBRARIES]
        rows += [(f"{name} ({_('font')})", version, licence) for name, version, licence in FONTS]
        for number, cells in enumerate(rows):
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(number, column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def libraries_shown(self) -> list[str]:
        """The names in the first column (for tests)."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
