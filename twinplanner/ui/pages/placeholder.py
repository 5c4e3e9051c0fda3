"""A page that is not built yet: says what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """A heading and a paragraph saying what this page will hold."""

    def __init__(self, heading: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        title = QLabel(heading)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        self.body = body
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(1)

    def show_visit(self, visit_id: int | None) -> None:
        """A placeholder shows the same text for every visit."""

    def apply_changes(self, changes) -> None:
        """A placeholder shows no records, so no change concerns it."""
