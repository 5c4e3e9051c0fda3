"""The Housing page (placeholder until the housing board is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from twinplanner.i18n import _
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.pages.placeholder import PlaceholderPage


def housing_page(context: CommandContext, parent: QWidget | None = None) -> PlaceholderPage:
    """The placeholder of the housing board."""
    return PlaceholderPage(
        _("Housing"),
        _(
            "Coming next: the housing board. It will show each host household with its free beds "
            "and the parties placed there, let you drag parties onto households, lock agreed "
            "placements, and run the automatic placement, which explains every party it cannot "
            "place. Until then, the Visitors page shows who is not placed yet."
        ),
        parent,
    )
