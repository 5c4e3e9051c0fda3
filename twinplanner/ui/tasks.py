"""Long work off the GUI thread: one worker at a time, throttled progress, cancel, stale guard.

A task is a pure function ``fn(progress, cancel)`` over a snapshot: ``progress(fraction,
message)`` may be called as often as the work likes (the runner passes on at most ten reports a
second) and ``cancel`` is a ``threading.Event`` the function checks. Each start gets a token;
a result or report carrying an older token is dropped, so a result computed on data that has
since been replaced never reaches the page as if it were current.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from twinplanner.domain.errors import TwinPlannerError

Progress = Callable[[float, str], None]
Task = Callable[[Progress, threading.Event], Any]

_MIN_INTERVAL_S = 0.1


class _Relay(QObject):
    """Carries a worker's reports to the GUI thread (queued: the relay lives there)."""

    progressed = Signal(int, float, str)
    succeeded = Signal(int, object)
    failed = Signal(int, str, str)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Task, cancel: threading.Event, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token, self._fn, self._cancel, self._relay = token, fn, cancel, relay
        self._last = 0.0

    def _progress(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if now - self._last >= _MIN_INTERVAL_S or fraction >= 1.0:
            self._last = now
            self._relay.progressed.emit(self._token, float(fraction), message)

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._cancel)
        except TwinPlannerError as exc:
            self._relay.failed.emit(self._token, str(exc), "")
        except Exception as exc:  # noqa: BLE001 - reported to the window, logged there
            self._relay.failed.emit(
                self._token, f"{type(exc).__name__}: {exc}", traceback.format_exc()
            )
        else:
            self._relay.succeeded.emit(self._token, result)


class TaskRunner(QObject):
    """Runs one task at a time in a worker thread and reports to the GUI thread."""

    progress_changed = Signal(float, str)
    task_finished = Signal(object)  # the result, when not cancelled and not stale
    task_failed = Signal(str, str)  # message for the user, details for the log ("" if none)
    task_cancelled = Signal()
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._token = 0
        self._cancel: threading.Event | None = None
        self._running = False
        self._relay.progressed.connect(self._on_relay_progressed)
        self._relay.succeeded.connect(self._on_relay_succeeded)
        self._relay.failed.connect(self._on_relay_failed)

    @property
    def token(self) -> int:
        """The token of the newest task started."""
        return self._token

    def is_running(self) -> bool:
        """True while the newest task has not reported its end."""
        return self._running

    def start(self, fn: Task) -> int:
        """Start ``fn`` in the worker (cancelling a task still running); returns its token."""
        if self._cancel is not None:
            self._cancel.set()
        self._token += 1
        self._cancel = threading.Event()
        self._set_running(True)
        self._pool.start(_Job(self._token, fn, self._cancel, self._relay))
        return self._token

    def cancel(self) -> None:
        """Ask the running task to stop; its result, if any, is dropped."""
        if self._cancel is not None and self._running:
            self._cancel.set()
            self._token += 1  # whatever the old task still delivers is now stale
            self._set_running(False)
            self.task_cancelled.emit()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the worker is idle (for closing the window and for tests)."""
        return self._pool.waitForDone(msecs)

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)

    def _on_relay_progressed(self, token: int, fraction: float, message: str) -> None:
        if token == self._token and self._running:
            self.progress_changed.emit(fraction, message)

    def _on_relay_succeeded(self, token: int, result: object) -> None:
        if token != self._token:
            return
        self._set_running(False)
        if self._cancel is not None and self._cancel.is_set():
            self.task_cancelled.emit()
            return
        self.task_finished.emit(result)

    def _on_relay_failed(self, token: int, message: str, details: str) -> None:
        if token != self._token:
            return
        self._set_running(False)
        self.task_failed.emit(message, details)
