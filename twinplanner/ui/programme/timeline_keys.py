"""The timeline's keys: arrows choose an event, Ctrl+arrows move it, Ctrl+Shift+arrows resize it.

Up/Down: previous/next event in time; Left/Right: the nearest event in the next column;
Ctrl+Up/Down: earlier/later by the snap step; Ctrl+Left/Right: to the next venue column;
Ctrl+Page Up/Page Down: a day earlier/later; Ctrl+Shift+Up/Down: shorter/longer;
Enter: edit; Delete: delete; Insert: a new event at the selected one's time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from twinplanner.ui.programme.geometry import venue_of_column

if TYPE_CHECKING:
    from twinplanner.ui.programme.timeline import TimelineView

_DAY = 24 * 60


def key_action(view: TimelineView, event: QKeyEvent) -> bool:
    """Act on a key pressed in the timeline; False when the key is not the timeline's."""
    key, mods = event.key(), event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    step = view.snap_minutes
    rtl = view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    right = 1 if not rtl else -1
    current = view.current()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
        view.edit_requested.emit(current)
        return True
    if key == Qt.Key.Key_Delete and current is not None:
        view.delete_requested.emit(current)
        return True
    if key == Qt.Key.Key_Insert:
        g = view.geometry_
        if current is not None:
            row = view.rows[current]
            view.create_requested.emit(row.starts_at, row.venue_id)
        elif g.days and g.columns:
            view.create_requested.emit(
                g.datetime_of(view.day_at_top(), g.first_minute), venue_of_column(g.columns[0])
            )
        return True
    if ctrl and current is not None:
        moves = {
            Qt.Key.Key_Up: (-step, 0, 0),
            Qt.Key.Key_Down: (step, 0, 0),
            Qt.Key.Key_Left: (0, -right, 0),
            Qt.Key.Key_Right: (0, right, 0),
            Qt.Key.Key_PageUp: (-_DAY, 0, 0),
            Qt.Key.Key_PageDown: (_DAY, 0, 0),
        }
        if shift and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            view.nudge(length=-step if key == Qt.Key.Key_Up else step)
            return True
        if key in moves:
            minutes, columns, _length = moves[key]  # type: ignore[index]
            view.nudge(minutes=minutes, columns=columns)
            return True
        return False
    if ctrl:
        return False
    order = view.ordered()
    if not order:
        return False
    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End):
        if key == Qt.Key.Key_Home or current is None and key == Qt.Key.Key_Down:
            view.select([order[0]])
        elif key == Qt.Key.Key_End or current is None:
            view.select([order[-1]])
        else:
            at = order.index(current) + (1 if key == Qt.Key.Key_Down else -1)
            view.select([order[max(0, min(len(order) - 1, at))]])
        return True
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        if current is None:
            view.select([order[0]])
            return True
        delta = right if key == Qt.Key.Key_Right else -right
        here = view.slots[current]
        row = view.rows[current]
        others = [i for i in order if view.slots[i].column == here.column + delta]
        if others:
            nearest = min(
                others, key=lambda i: abs((view.rows[i].starts_at - row.starts_at).total_seconds())
            )
            view.select([nearest])
        return True
    return False
