"""The Programme page (placeholder until the programme timeline is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from twinplanner.i18n import _
from twinplanner.ui.commands import CommandContext
from twinplanner.ui.pages.placeholder import PlaceholderPage


def programme_page(context: CommandContext, parent: QWidget | None = None) -> PlaceholderPage:
    """The placeholder of the programme timeline."""
    return PlaceholderPage(
        _("Programme"),
        _(
            "Coming next: the programme timeline. It will show the events of the visit day by day "
            "with venues, meeting points and who takes part, mark every conflict (people or venues "
            "booked twice, too little travel time, minors out late) and propose times for the "
            "events that are not fixed yet."
        ),
        parent,
    )
