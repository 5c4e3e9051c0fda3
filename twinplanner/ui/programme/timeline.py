"""The timeline: events as blocks, days downwards and venues across; drag to move or resize."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from twinplanner.domain.rows import EventRow
from twinplanner.i18n import _
from twinplanner.planning.programme.snapshot import EventInfo
from twinplanner.ui.programme import style
from twinplanner.ui.programme import timeline_paint as paint
from twinplanner.ui.programme.geometry import (
    Column,
    Geometry,
    Slot,
    slots,
    snap,
    venue_of_column,
)
from twinplanner.ui.programme.timeline_keys import key_action

RULER = 64.0  # width of the hours at the side
HEADER = 44.0  # height of the venue names at the top
MIN_COLUMN = 108.0
EDGE = 6.0  # a press this close to a block's lower edge changes its length

# (allowed, words) for a candidate place: the page's check of a move as it is dragged
MoveCheck = Callable[[int, dt.datetime, dt.datetime, int | None], tuple[bool, str]]


@dataclass(frozen=True)
class Candidate:
    """Where a dragged or nudged event would go."""

    event_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue_id: int | None


@dataclass
class _Drag:
    event_id: int
    resize: bool
    press: QPointF  # content coordinates
    started: bool = False
    candidate: Candidate | None = None
    allowed: bool = True
    words: str = ""


class TimelineView(QAbstractScrollArea):
    """Paints the programme from row snapshots; asks for changes, never writes itself."""

    move_requested = Signal(object, bool)  # Candidate, True when a keyboard nudge
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    create_requested = Signal(object, object)  # starts (datetime), venue id or None
    selection_changed = Signal()
    drag_checked = Signal(bool, str)  # allowed, words ("" when no drag)
    day_scrolled = Signal(int)  # index of the day now at the top

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.geometry_ = Geometry([], [])
        self.rows: dict[int, EventRow] = {}
        self.slots: dict[int, Slot] = {}
        self.marks: dict[int, str] = {}  # event id -> "error" | "warning"
        self.ghosts: list[EventInfo] = []
        self.ghost_slots: dict[int, Slot] = {}
        self.selected: list[int] = []
        self.snap_minutes = 15
        self.check_move: MoveCheck | None = None
        self._drag: _Drag | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName(_("Programme timeline"))

    # -- data -------------------------------------------------------------------------------

    def set_programme(
        self,
        columns: Sequence[Column],
        days: Sequence[dt.date],
        hours: tuple[int, int],
        events: Sequence[EventRow],
        marks: dict[int, str],
    ) -> None:
        """Show these events in these columns and days; keeps the selection that still exists."""
        g = self.geometry_
        self.geometry_ = Geometry(
            list(columns),
            list(days),
            hours[0],
            hours[1],
            g.px_per_hour,
            g.column_width,
            g.day_header,
        )
        self.rows = {e.id: e for e in events}
        self.marks = dict(marks)
        self.selected = [i for i in self.selected if i in self.rows]
        self._drag = None
        self._relayout()

    def set_ghosts(self, events: Sequence[EventInfo]) -> None:
        """Show proposed places (dashed) over the programme; an empty list removes them."""
        self.ghosts = list(events)
        self.ghost_slots = self._ghost_layout()
        self.viewport().update()

    def _ghost_layout(self) -> dict[int, Slot]:
        numbered = [replace(e, id=-(i + 1)) for i, e in enumerate(self.ghosts)]
        return slots(self.geometry_, numbered)  # type: ignore[arg-type]

    def set_zoom(self, px_per_hour: float) -> None:
        """Pixels per hour (readable from 36 to 120)."""
        self.geometry_.px_per_hour = max(24.0, min(160.0, px_per_hour))
        self._relayout()

    def _relayout(self) -> None:
        g = self.geometry_
        columns = max(1, len(g.columns))
        g.column_width = max(MIN_COLUMN, (self.viewport().width() - RULER) / columns)
        self.slots = slots(g, list(self.rows.values()))
        self.ghost_slots = self._ghost_layout()
        self.horizontalScrollBar().setRange(
            0, int(max(0.0, g.width - (self.viewport().width() - RULER)))
        )
        self.verticalScrollBar().setRange(
            0, int(max(0.0, g.height - (self.viewport().height() - HEADER)))
        )
        self.horizontalScrollBar().setPageStep(self.viewport().width())
        self.verticalScrollBar().setPageStep(self.viewport().height())
        self.verticalScrollBar().setSingleStep(int(g.px_per_hour / 2))
        self.viewport().update()

    # -- selection and scrolling ------------------------------------------------------------

    def select(self, event_ids: Sequence[int], scroll: bool = True) -> None:
        """Select these events and bring the first into view."""
        chosen = [i for i in event_ids if i in self.rows]
        if chosen != self.selected:
            self.selected = chosen
            self.selection_changed.emit()
        if chosen and scroll:
            self.ensure_visible(chosen[0])
        self.viewport().update()

    def current(self) -> int | None:
        """The event the keyboard acts on: the first selected."""
        return self.selected[0] if self.selected else None

    def ensure_visible(self, event_id: int) -> None:
        """Scroll so that an event's block is in view (its top, when it is taller than the view).

        A negative id stands for a proposed place: -1 is the first proposal shown.
        """
        slot = self.slots.get(event_id) if event_id >= 0 else self.ghost_slots.get(event_id)
        if slot is None:
            return
        x, y, w, h = self.geometry_.rect_of(slot)
        bar = self.verticalScrollBar()
        view_h = self.viewport().height() - HEADER
        top = y - self.geometry_.day_header - 8
        if y < bar.value() or y + min(h, view_h - 20) > bar.value() + view_h:
            bar.setValue(int(top))
        hbar = self.horizontalScrollBar()
        view_w = self.viewport().width() - RULER
        if x < hbar.value() or x + w > hbar.value() + view_w:
            hbar.setValue(int(x - 8))

    def scroll_to_day(self, day: int) -> None:
        """Bring a day's band to the top."""
        self.verticalScrollBar().setValue(int(self.geometry_.day_top(day)))

    def day_at_top(self) -> int:
        """The index of the day whose band is at the top of the view."""
        g = self.geometry_
        return g.moment_at(self.verticalScrollBar().value() + g.day_header)[0] if g.days else 0

    # -- coordinates ------------------------------------------------------------------------

    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def to_view(self, x: float, y: float, w: float, h: float) -> QRectF:
        """Content rectangle to viewport rectangle (scrolled; mirrored right to left)."""
        left = x - self.horizontalScrollBar().value()
        top = y - self.verticalScrollBar().value() + HEADER
        if self._rtl():
            return QRectF(self.viewport().width() - RULER - left - w, top, w, h)
        return QRectF(RULER + left, top, w, h)

    def to_content(self, point: QPointF) -> QPointF:
        """Viewport point to content point."""
        x = (self.viewport().width() - RULER - point.x()) if self._rtl() else point.x() - RULER
        return QPointF(
            x + self.horizontalScrollBar().value(),
            point.y() - HEADER + self.verticalScrollBar().value(),
        )

    def block_rect(self, event_id: int) -> QRectF:
        """The viewport rectangle of an event's block (empty when it is not laid out)."""
        slot = self.slots.get(event_id)
        return paint.slot_rect(self.geometry_, slot, self.to_view) if slot else QRectF()

    def event_at(self, point: QPointF) -> int | None:
        """The event whose block is under a viewport point."""
        if point.y() < HEADER:
            return None
        for event_id in reversed(list(self.slots)):
            if self.block_rect(event_id).contains(point):
                return event_id
        return None

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        g, pal, rtl = self.geometry_, self.palette(), self._rtl()
        width, height = self.viewport().width(), self.viewport().height()
        p.fillRect(self.viewport().rect(), pal.color(pal.ColorRole.Base))
        top_left = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        visible = QRectF(top_left.x(), top_left.y(), width, height)
        paint.paint_grid(p, g, self.to_view, pal, visible, width - RULER if rtl else RULER)
        for event_id, slot in self.slots.items():
            rect = paint.slot_rect(g, slot, self.to_view)
            if rect.bottom() < HEADER or rect.top() > height:
                continue
            paint.paint_block(
                p,
                rect,
                self.rows[event_id],
                self.marks.get(event_id),
                event_id in self.selected,
                rtl,
            )
        for index, slot in self.ghost_slots.items():
            ghost = self.ghosts[-index - 1]
            paint.paint_ghost(
                p,
                paint.slot_rect(g, slot, self.to_view),
                ghost.title,
                style.span(ghost.starts_at, ghost.ends_at),
                rtl,
            )
        drag = self._drag
        if drag is not None and drag.started and drag.candidate is not None:
            rect = self._candidate_rect(drag.candidate)
            if rect is not None:
                paint.paint_drag(
                    p,
                    rect,
                    style.span(drag.candidate.starts_at, drag.candidate.ends_at),
                    not drag.allowed,
                )
        ruler = QRectF(width - RULER if rtl else 0, HEADER, RULER, height - HEADER)
        paint.paint_ruler(p, g, self.to_view, pal, ruler, visible)
        corner = QRectF(width - RULER if rtl else 0, 0, RULER, HEADER)
        day = style.day_name(g.days[self.day_at_top()], False) if g.days else ""
        paint.paint_header(p, g, self.to_view, pal, HEADER, corner, day)
        p.end()

    def _candidate_rect(self, c: Candidate) -> QRectF | None:
        fake = _moved(self.rows[c.event_id], c)
        slot = slots(self.geometry_, [fake]).get(c.event_id)
        return paint.slot_rect(self.geometry_, slot, self.to_view) if slot else None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        self.viewport().update()
        if dy:
            self.day_scrolled.emit(self.day_at_top())

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip:
            point = QPointF(event.pos())  # type: ignore[attr-defined]
            event_id = self.event_at(point)
            if event_id is not None:
                QToolTip.showText(
                    event.globalPos(),
                    self.tooltip_of(event_id),  # type: ignore
                    self.viewport(),
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_of(self, event_id: int) -> str:
        """The words shown when the pointer rests on a block."""
        row = self.rows[event_id]
        lines = [
            row.title,
            f"{style.day_name(row.starts_at.date(), False)} "
            f"{style.span(row.starts_at, row.ends_at)} · {style.kind_word(row.kind)}",
        ]
        if row.venue_name:
            lines.append(row.venue_name)
        if row.meeting_point or row.meeting_at:
            when = style.clock(row.meeting_at) if row.meeting_at else ""
            lines.append(_("Meet: {place} {time}").format(place=row.meeting_point, time=when))
        if not row.fixed:
            lines.append(_("Not fixed: proposals may move it."))
        return "\n".join(lines)

    # -- mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        point = event.position()
        event_id = self.event_at(point)
        if event_id is None:
            self.select([], scroll=False)
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            chosen = [i for i in self.selected if i != event_id]
            if len(chosen) == len(self.selected):
                chosen.append(event_id)
            self.select(chosen, scroll=False)
            return
        if event_id not in self.selected:
            self.select([event_id], scroll=False)
        rect = self.block_rect(event_id)
        resize = rect.bottom() - point.y() <= EDGE and rect.height() > 2 * EDGE
        self._drag = _Drag(event_id, resize, self.to_content(point))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position()
        drag = self._drag
        if drag is None:
            event_id = self.event_at(point)
            near_edge = (
                event_id is not None and self.block_rect(event_id).bottom() - point.y() <= EDGE
            )
            self.viewport().setCursor(
                Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor
            )
            return
        self.drag_to(point)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self._drag is not None:
            self.drop()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position()
        event_id = self.event_at(point)
        self._drag = None
        if event_id is not None:
            self.edit_requested.emit(event_id)
            return
        if point.y() < HEADER:
            return
        content = self.to_content(point)
        g = self.geometry_
        if not g.days or not g.columns:
            return
        day, minute = g.moment_at(content.y())
        column = g.columns[g.column_at(content.x())]
        self.create_requested.emit(g.datetime_of(day, snap(minute, 30)), venue_of_column(column))

    def drag_to(self, point: QPointF) -> None:
        """Follow the pointer during a drag: snap, choose the column, check the place."""
        drag = self._drag
        if drag is None:
            return
        content = self.to_content(point)
        if not drag.started:
            moved = (content - drag.press).manhattanLength()
            if moved < QApplication.startDragDistance():
                return
            drag.started = True
        self._autoscroll(point)
        drag.candidate = self.candidate_at(drag.event_id, drag.resize, drag.press, content)
        self._check(drag)
        self.viewport().update()

    def candidate_at(
        self, event_id: int, resize: bool, press: QPointF, content: QPointF
    ) -> Candidate:
        """Where an event goes when the pointer pressed at ``press`` is now at ``content``."""
        g, row, step = self.geometry_, self.rows[event_id], self.snap_minutes
        slot = self.slots[event_id]
        if resize:
            day, minute = g.moment_at(content.y())
            day = slot.day
            inside = content.y() - g.day_top(day) - g.day_header
            minute = g.first_minute + inside / g.px_per_hour * 60
            ends = g.datetime_of(day, max(snap(minute, step), 0))
            return Candidate(event_id, row.starts_at, ends, row.venue_id)
        top = g.y_of(slot.day, slot.first) + (content.y() - press.y())
        day, minute = g.moment_at(top)
        starts = g.datetime_of(day, snap(minute, step))
        column = g.columns[g.column_at(content.x())]
        return Candidate(
            event_id, starts, starts + (row.ends_at - row.starts_at), venue_of_column(column)
        )

    def _check(self, drag: _Drag) -> None:
        c = drag.candidate
        if c is None:
            return
        if self.check_move is None:
            drag.allowed, drag.words = c.ends_at > c.starts_at, ""
        else:
            drag.allowed, drag.words = self.check_move(
                c.event_id, c.starts_at, c.ends_at, c.venue_id
            )
        self.drag_checked.emit(drag.allowed, drag.words)

    def _autoscroll(self, point: QPointF) -> None:
        bar = self.verticalScrollBar()
        if point.y() < HEADER + 24:
            bar.setValue(bar.value() - 24)
        elif point.y() > self.viewport().height() - 24:
            bar.setValue(bar.value() + 24)

    def drop(self) -> Candidate | None:
        """End a drag: ask for the move when the place is allowed and differs; returns it."""
        drag, self._drag = self._drag, None
        self.viewport().update()
        self.drag_checked.emit(True, "")
        if drag is None or not drag.started or drag.candidate is None or not drag.allowed:
            return None
        c, row = drag.candidate, self.rows[drag.event_id]
        if (c.starts_at, c.ends_at, c.venue_id) == (row.starts_at, row.ends_at, row.venue_id):
            return None
        self.move_requested.emit(c, False)
        return c

    def cancel_drag(self) -> None:
        """Forget a drag in progress (Escape)."""
        if self._drag is not None:
            self._drag = None
            self.drag_checked.emit(True, "")
            self.viewport().update()

    # -- keyboard ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self.cancel_drag()
            return
        if not key_action(self, event):
            super().keyPressEvent(event)

    def nudge(self, minutes: int = 0, columns: int = 0, length: int = 0) -> Candidate | None:
        """Move the current event by minutes or columns, or change its length; asks for it."""
        event_id = self.current()
        if event_id is None:
            return None
        row, g = self.rows[event_id], self.geometry_
        venue = row.venue_id
        if columns:
            index = next((i for i, c in enumerate(g.columns) if venue_of_column(c) == venue), 0)
            index = max(0, min(len(g.columns) - 1, index + columns))
            venue = venue_of_column(g.columns[index])
        starts = row.starts_at + dt.timedelta(minutes=minutes)
        ends = row.ends_at + dt.timedelta(minutes=minutes + length)
        c = Candidate(event_id, starts, ends, venue)
        if (starts, ends, venue) == (row.starts_at, row.ends_at, row.venue_id):
            return None
        allowed, words = (
            self.check_move(event_id, starts, ends, venue)
            if self.check_move
            else (ends > starts, "")
        )
        if not allowed:
            self.drag_checked.emit(False, words)
            return None
        self.move_requested.emit(c, True)
        return c

    def ordered(self) -> list[int]:
        """Events in reading order: by day, time and column."""
        return sorted(self.slots, key=lambda i: (self.rows[i].starts_at, self.slots[i].column, i))

    def view_point(self, event_id: int) -> QPoint:
        """A point inside an event's block (for tests and for menus)."""
        return self.block_rect(event_id).center().toPoint()


def _moved(row: EventRow, c: Candidate) -> EventRow:
    return replace(row, starts_at=c.starts_at, ends_at=c.ends_at, venue_id=c.venue_id)
