"""The Documents page (placeholder until the print centre is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from twinplanner.i18n import _
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.pages.placeholder import PlaceholderPage


def documents_page(context: CommandContext, parent: QWidget | None = None) -> PlaceholderPage:
    """The placeholder of the print centre."""
    return PlaceholderPage(
        _("Documents"),
        _(
            "Coming next: the print centre. It will print each guest's itinerary and each host's "
            "information sheet in the reader's own language, the programme, the lists for the "
            "coach and the emergency phone list, and the grant signature lists."
        ),
        parent,
    )
