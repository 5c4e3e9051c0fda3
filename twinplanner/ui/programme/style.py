"""Colours and words of the programme: one colour per kind of event, severities, day names."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from twinplanner.domain.enums import EventKind
from twinplanner.i18n import N_, _, format_date

_KIND_WORDS = {
    EventKind.CONCERT: N_("concert"),
    EventKind.REHEARSAL: N_("rehearsal"),
    EventKind.MATCH: N_("match"),
    EventKind.TOURNAMENT: N_("tournament"),
    EventKind.RECEPTION: N_("reception"),
    EventKind.EXCURSION: N_("excursion"),
    EventKind.MEAL: N_("meal"),
    EventKind.FREE_TIME: N_("free time"),
    EventKind.TRAVEL: N_("travel"),
}

# Fill colours light enough for dark text; the strong colour marks the block's leading edge.
_KIND_COLOURS = {
    EventKind.CONCERT: "#7b1fa2",
    EventKind.REHEARSAL: "#ab47bc",
    EventKind.MATCH: "#2e7d32",
    EventKind.TOURNAMENT: "#558b2f",
    EventKind.RECEPTION: "#1565c0",
    EventKind.EXCURSION: "#00838f",
    EventKind.MEAL: "#ef6c00",
    EventKind.FREE_TIME: "#757575",
    EventKind.TRAVEL: "#5d4037",
}

ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#f9a825")
SELECTED_COLOUR = QColor("#0d47a1")
PROPOSED_COLOUR = QColor("#00897b")


def kind_word(kind: str) -> str:
    """The word for a kind of event, in the window's language."""
    word = _KIND_WORDS.get(kind)  # type: ignore[call-overload]
    return _(word) if word else kind


def kind_choices() -> list[tuple[str, str]]:
    """(stored value, word) for every kind of event, in a fixed order."""
    return [(k.value, kind_word(k.value)) for k in EventKind]


def kind_colour(kind: str) -> QColor:
    """The strong colour of a kind of event."""
    return QColor(_KIND_COLOURS.get(kind, "#455a64"))  # type: ignore[call-overload]


def kind_fill(kind: str) -> QColor:
    """The light fill of a block of this kind."""
    strong = kind_colour(kind)
    return QColor.fromHslF(strong.hslHueF(), min(strong.hslSaturationF(), 0.55), 0.9)


def severity_colour(severity: str | None) -> QColor | None:
    """Red for an error, amber for a warning, None for no conflict."""
    if severity == "error":
        return ERROR_COLOUR
    if severity == "warning":
        return WARNING_COLOUR
    return None


def severity_icon(severity: str) -> QIcon:
    """A round red (error) or amber (warning) mark with '!', as on the timeline's blocks."""
    colour = severity_colour(severity) or PROPOSED_COLOUR
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(2, 2, 28, 28)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(22)
    p.setFont(font)
    p.setPen(QColor("white") if severity != "warning" else QColor("black"))
    p.drawText(
        pixmap.rect(),
        int(Qt.AlignmentFlag.AlignCenter),
        "!" if severity in ("error", "warning") else "+",
    )
    p.end()
    return QIcon(pixmap)


def day_name(day: dt.date, long: bool = True) -> str:
    """'Thursday 13 May 2027' (long) or 'Thu 13 May' in the window's language (babel).

    Babel rather than QLocale: QLocale writes Arabic dates in Arabic-Indic digits while every
    other date and time of the window uses the Latin digits of the phone numbers and times.
    """
    return format_date(day, "full" if long else "medium")


def clock(moment: dt.datetime | dt.time) -> str:
    """'15:00'."""
    return moment.strftime("%H:%M")


def span(starts: dt.datetime, ends: dt.datetime) -> str:
    """'15:00–16:15', with the end's day when the event runs into another day.

    Kept left to right (an isolate) so that a right-to-left window does not swap the two times.
    """
    if ends.date() == starts.date() or (ends - dt.timedelta(seconds=1)).date() == starts.date():
        return f"\u2066{clock(starts)}–{clock(ends)}\u2069"
    return f"\u2066{clock(starts)}–{day_name(ends.date(), False)} {clock(ends)}\u2069"
