"""The list of documents a print run makes: kind, reader, language and last printing."""

from __future__ import annotations

from twinplanner.i18n import _
from twinplanner.services.print_selection import Entry
from twinplanner.ui.printing import words
from twinplanner.ui.table_model import ColumnSpec, RowTableModel


def _columns() -> list[ColumnSpec[Entry]]:
    return [
        ColumnSpec(_("Document"), lambda e: words.kind_word(e.kind)),
        ColumnSpec(_("For"), lambda e: e.recipient or _("everyone")),
        ColumnSpec(_("Language"), lambda e: words.language_text(e.language)),
        ColumnSpec(
            _("Last printed"),
            lambda e: words.status_text(e.status, e.printed_at),
            sort_key=lambda e: (e.status, e.printed_at.isoformat() if e.printed_at else ""),
        ),
    ]


class DocumentListModel(RowTableModel[Entry]):
    """The documents of the current selection, in print order until sorted."""

    def __init__(self, parent=None) -> None:
        super().__init__(_columns(), parent)
