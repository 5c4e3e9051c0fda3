"""The Documents page: the print centre of the visit shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from twinplanner.ui.commands import CommandContext
from twinplanner.ui.printing.page import DocumentsPage


def documents_page(context: CommandContext, parent: QWidget | None = None) -> DocumentsPage:
    """The print centre: choose documents, preview them, make them in the background."""
    return DocumentsPage(context, parent)
