"""The pages of the main window, one per task of the organiser."""

from __future__ import annotations

from typing import Protocol

from twinplanner.services.changes import Changes


class VisitPage(Protocol):
    """A page the main window keeps on the visit shown and tells about every change.

    ``show_visit`` is called when another visit is chosen (None: no visit); ``apply_changes``
    with every Changes value a service returned, from this page or any other, so that a page
    reloads only what it shows. Pages never call each other to refresh.
    """

    def show_visit(self, visit_id: int | None) -> None:
        """Show the given visit."""

    def apply_changes(self, changes: Changes) -> None:
        """Reload what the changes touch."""
