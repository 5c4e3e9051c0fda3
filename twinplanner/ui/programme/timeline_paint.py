"""Painting of the timeline: day bands, hour lines, event blocks, proposals, headers and ruler."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen

from twinplanner.domain.rows import EventRow
from twinplanner.i18n import _
from twinplanner.ui.programme import style
from twinplanner.ui.programme.geometry import Geometry, Slot

ToView = Callable[[float, float, float, float], QRectF]

_WRAP = Qt.TextFlag.TextWordWrap


def paint_grid(
    p: QPainter, g: Geometry, to_view: ToView, palette: QPalette, visible: QRectF, ruler_edge: float
) -> None:
    """Day bands with their title lines, hour and half-hour lines, column separators."""
    line = palette.color(QPalette.ColorRole.Mid)
    faint = QColor(line)
    faint.setAlpha(70)
    band = palette.color(QPalette.ColorRole.AlternateBase)
    for day in range(len(g.days)):
        top = g.day_top(day)
        if top > visible.bottom() or top + g.day_height < visible.top():
            continue
        header = to_view(0, top, g.width, g.day_header)
        p.fillRect(header, band)
        title = QRectF(max(header.left(), ruler_edge) + 6, header.top(), 400, header.height())
        if to_view(0, 0, 10, 0).left() > to_view(10, 0, 10, 0).left():  # right to left
            title = QRectF(
                min(header.right(), ruler_edge) - 406, header.top(), 400, header.height()
            )
        p.setPen(QPen(palette.color(QPalette.ColorRole.WindowText)))
        p.drawText(
            title,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading),
            style.day_name(g.days[day]),
        )
        for minute in range(g.first_minute, g.last_minute + 1, 30):
            y = to_view(0, g.y_of(day, minute), g.width, 0)
            p.setPen(QPen(line if minute % 60 == 0 else faint, 1))
            p.drawLine(QPointF(y.left(), y.top()), QPointF(y.right(), y.top()))
    p.setPen(QPen(faint, 1))
    for column in range(len(g.columns) + 1):
        x = to_view(g.x_of(column), 0, 0, g.height)
        p.drawLine(QPointF(x.left(), x.top()), QPointF(x.left(), x.bottom()))


def paint_block(
    p: QPainter, rect: QRectF, row: EventRow, severity: str | None, selected: bool, rtl: bool
) -> None:
    """One event: kind colour, time and title; a red or amber edge and a mark for conflicts."""
    strong = style.kind_colour(row.kind)
    path = QPainterPath()
    path.addRoundedRect(rect, 4, 4)
    p.fillPath(path, style.kind_fill(row.kind))
    strip = QRectF(rect.right() - 5 if rtl else rect.left(), rect.top(), 5, rect.height())
    p.fillRect(strip, strong)
    edge = style.severity_colour(severity)
    if edge is not None:
        p.setPen(QPen(edge, 3))
        p.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
    pen = QPen(strong.darker(130), 1, Qt.PenStyle.SolidLine if row.fixed else Qt.PenStyle.DashLine)
    if selected:
        pen = QPen(style.SELECTED_COLOUR, 2.5)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect, 4, 4)
    text = rect.adjusted(8 if not rtl else 4, 2, -4 if not rtl else -8, -2)
    if edge is not None:
        mark = QRectF(text.left() if rtl else text.right() - 14, text.top() + 1, 14, 14)
        p.setBrush(QBrush(edge))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(mark)
        p.setPen(QPen(QColor("white") if severity == "error" else QColor("black")))
        bold = QFont(p.font())
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(mark, Qt.AlignmentFlag.AlignCenter, "!")
        text = text.adjusted(16 if rtl else 0, 0, 0 if rtl else -16, 0)
    _paint_text(
        p,
        text,
        f"{style.span(row.starts_at, row.ends_at)}  {style.kind_word(row.kind)}",
        row.title,
        rtl,
    )


def paint_ghost(p: QPainter, rect: QRectF, title: str, time_text: str, rtl: bool) -> None:
    """A proposed place: dashed outline over a see-through fill."""
    fill = QColor(style.PROPOSED_COLOUR)
    fill.setAlpha(45)
    p.fillRect(rect, fill)
    p.setPen(QPen(style.PROPOSED_COLOUR, 2, Qt.PenStyle.DashLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect, 4, 4)
    _paint_text(
        p, rect.adjusted(6, 2, -6, -2), _("Proposed {time}").format(time=time_text), title, rtl
    )


def paint_drag(p: QPainter, rect: QRectF, text: str, refused: bool) -> None:
    """The place the dragged block would go, with its new times."""
    colour = style.ERROR_COLOUR if refused else style.SELECTED_COLOUR
    fill = QColor(colour)
    fill.setAlpha(50)
    p.fillRect(rect, fill)
    p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
    p.drawRect(rect)
    p.setPen(QPen(colour.darker(140)))
    bold = QFont(p.font())
    bold.setBold(True)
    p.setFont(bold)
    p.drawText(rect.adjusted(6, 2, -6, -2), int(Qt.AlignmentFlag.AlignTop | _WRAP), text)


def _paint_text(p: QPainter, rect: QRectF, first: str, title: str, rtl: bool) -> None:
    align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    small = QFont(p.font())
    small.setPointSizeF(max(small.pointSizeF() * 0.85, 7.0))
    p.setFont(small)
    p.setPen(QPen(QColor("#202020")))
    line = p.fontMetrics().height()
    if rect.height() < line * 1.6:  # a short block: one line, the title first
        p.drawText(
            rect,
            int(align | Qt.AlignmentFlag.AlignVCenter),
            p.fontMetrics().elidedText(
                f"{title} · {first}", Qt.TextElideMode.ElideRight, int(rect.width())
            ),
        )
        return
    p.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), line),
        int(align),
        p.fontMetrics().elidedText(first, Qt.TextElideMode.ElideRight, int(rect.width())),
    )
    bold = QFont(small)
    bold.setBold(True)
    p.setFont(bold)
    body = QRectF(rect.left(), rect.top() + line, rect.width(), rect.height() - line)
    p.drawText(body, int(align | Qt.AlignmentFlag.AlignTop | _WRAP), title)


def paint_header(
    p: QPainter,
    g: Geometry,
    to_view: ToView,
    palette: QPalette,
    height: float,
    corner: QRectF,
    corner_text: str,
) -> None:
    """The venue names across the top, over the scrolled content; the day shown in the corner."""
    base = palette.color(QPalette.ColorRole.Window)
    bold = QFont(p.font())
    bold.setBold(True)
    p.setFont(bold)
    for i, column in enumerate(g.columns):
        r = to_view(g.x_of(i), 0, g.column_width, 0)
        cell = QRectF(r.left(), 0, r.width(), height)
        p.fillRect(cell, base)
        p.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        p.drawLine(cell.bottomLeft(), cell.bottomRight())
        p.drawLine(cell.topLeft(), cell.bottomLeft())
        p.setPen(QPen(palette.color(QPalette.ColorRole.WindowText)))
        p.drawText(
            cell.adjusted(4, 2, -4, -2), int(Qt.AlignmentFlag.AlignCenter | _WRAP), column.name
        )
    p.fillRect(corner, base)
    p.setPen(QPen(palette.color(QPalette.ColorRole.WindowText)))
    p.drawText(
        corner.adjusted(2, 2, -2, -2), int(Qt.AlignmentFlag.AlignCenter | _WRAP), corner_text
    )


def paint_ruler(
    p: QPainter, g: Geometry, to_view: ToView, palette: QPalette, ruler: QRectF, visible: QRectF
) -> None:
    """Hours at the side of the content and each day's short name at its band."""
    p.fillRect(ruler, palette.color(QPalette.ColorRole.Window))
    p.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
    p.drawLine(
        QPointF(ruler.right() if ruler.left() == 0 else ruler.left(), ruler.top()),
        QPointF(ruler.right() if ruler.left() == 0 else ruler.left(), ruler.bottom()),
    )
    normal = QFont(p.font())
    bold = QFont(normal)
    bold.setBold(True)
    text_colour = palette.color(QPalette.ColorRole.WindowText)
    for day in range(len(g.days)):
        top = g.day_top(day)
        if top > visible.bottom() or top + g.day_height < visible.top():
            continue
        y = to_view(0, top, 0, g.day_header).top()
        p.setFont(bold)
        p.setPen(QPen(text_colour))
        p.drawText(
            QRectF(ruler.left(), y, ruler.width(), g.day_header),
            int(Qt.AlignmentFlag.AlignCenter),
            style.day_name(g.days[day], False),
        )
        p.setFont(normal)
        for minute in range(g.first_minute, g.last_minute, 60):
            y = to_view(0, g.y_of(day, minute), 0, 0).top()
            p.drawText(
                QRectF(ruler.left() + 2, y + 1, ruler.width() - 6, 16),
                int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight),
                f"{minute // 60:02d}:00",
            )


def slot_rect(g: Geometry, slot: Slot, to_view: ToView) -> QRectF:
    """The view rectangle of a block."""
    return to_view(*g.rect_of(slot))
