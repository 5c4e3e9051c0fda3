"""Item models of the programme page: the event list, and lines (conflicts, proposal changes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from twinplanner.domain.rows import EventRow
from twinplanner.i18n import _
from twinplanner.ui.icons import icon
from twinplanner.ui.programme import style
from twinplanner.ui.table_model import ColumnSpec, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
EVENT_IDS_ROLE = Qt.ItemDataRole.UserRole + 11  # tuple of event ids a line is about
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 12


@dataclass(frozen=True, slots=True)
class ListRow:
    """An event as the list shows it: its snapshot, club names and its worst conflict."""

    event: EventRow
    clubs: str = ""
    severity: str = ""  # "error", "warning" or ""

    @property
    def id(self) -> int:
        """The event's id."""
        return self.event.id


def _severity_word(row: ListRow) -> str:
    return {"error": _("error"), "warning": _("warning")}.get(row.severity, "")


def event_columns() -> list[ColumnSpec[ListRow]]:
    """The columns of the event list."""
    return [
        ColumnSpec(
            _("Day"),
            lambda r: style.day_name(r.event.starts_at.date(), False),
            sort_key=lambda r: (r.event.starts_at, r.id),
        ),
        ColumnSpec(
            _("Time"),
            lambda r: style.span(r.event.starts_at, r.event.ends_at),
            sort_key=lambda r: (r.event.starts_at.time(), r.event.ends_at, r.id),
        ),
        ColumnSpec(_("Kind"), lambda r: style.kind_word(r.event.kind)),
        ColumnSpec(_("Title"), lambda r: r.event.title),
        ColumnSpec(_("Venue"), lambda r: r.event.venue_name or _("no venue")),
        ColumnSpec(
            _("Meeting"),
            lambda r: " ".join(
                part
                for part in (
                    r.event.meeting_point,
                    style.clock(r.event.meeting_at) if r.event.meeting_at else "",
                )
                if part
            ),
        ),
        ColumnSpec(_("Responsible"), lambda r: r.event.responsible_name),
        ColumnSpec(_("Taking part"), lambda r: r.clubs),
        ColumnSpec(_("Fixed"), lambda r: _("yes") if r.event.fixed else _("no")),
        ColumnSpec(
            _("Conflict"),
            _severity_word,
            sort_key=lambda r: {"error": 0, "warning": 1}.get(r.severity, 2),
        ),
    ]


class EventListModel(RowTableModel[ListRow]):
    """The programme as a sortable table (read-only: edits go through the editor)."""

    def __init__(self, parent=None) -> None:
        super().__init__(event_columns(), parent)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.isValid()
            and index.column() == 0
            and index.row() < self.rowCount()
        ):
            severity = self.row_at(index.row()).severity
            return style.severity_icon(severity) if severity else None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == 2
            and index.row() < self.rowCount()
        ):
            return QBrush(style.kind_colour(self.row_at(index.row()).event.kind))
        return super().data(index, role)


def haystack(row: ListRow) -> str:
    """The words the list's filter box searches."""
    e = row.event
    return " ".join(
        (
            e.title,
            e.venue_name,
            style.kind_word(e.kind),
            e.kind,
            row.clubs,
            e.responsible_name,
            e.meeting_point,
            e.category,
            e.notes,
        )
    )


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a list beside the timeline: words, severity or kind, the events it is about."""

    text: str
    severity: str = ""  # "error", "warning", "new", "moved", "unplaced", "note"
    event_ids: tuple[int, ...] = ()


class LineListModel(QAbstractListModel):
    """Lines such as conflicts or proposed changes; each knows the events it links to."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []

    def set_lines(self, lines: Sequence[Line]) -> None:
        """Show these lines."""
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[Line]:
        """The lines shown."""
        return list(self._lines)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"\u2068{line.text}\u2069"  # the sentence keeps its own direction
        if role == Qt.ItemDataRole.DecorationRole:
            if line.severity in ("error", "warning"):
                return style.severity_icon(line.severity)
            if line.severity == "unplaced":
                return icon("warning")
            if line.severity in ("new", "moved"):
                return style.severity_icon(line.severity)
            return None
        if role == EVENT_IDS_ROLE:
            return line.event_ids
        if role == SEVERITY_ROLE:
            return line.severity
        return None
