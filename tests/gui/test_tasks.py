"""The task runner: results reach the GUI thread, progress is throttled, cancel and stale guard."""

from __future__ import annotations

import threading
import time

import pytest

from twinplanner.domain.errors import ValidationError
from twinplanner.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def test_result_is_delivered_on_the_gui_thread(qtbot) -> None:
    """A task's result arrives through task_finished, in the GUI thread, and running ends."""
    runner = TaskRunner()
    seen: list[tuple[object, bool]] = []
    runner.task_finished.connect(
        lambda r: seen.append((r, threading.current_thread() is threading.main_thread()))
    )
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.start(lambda progress, cancel: sum(range(10)))
    assert seen == [(45, True)]
    assert not runner.is_running()
    runner.wait()


def test_progress_is_throttled(qtbot) -> None:
    """A task reporting 10,000 times reaches the window a handful of times, the last at 100%."""
    runner = TaskRunner()
    reports: list[float] = []
    runner.progress_changed.connect(lambda f, _m: reports.append(f))

    def work(progress, cancel):
        for i in range(10_000):
            progress((i + 1) / 10_000, "counting")
        time.sleep(0.05)
        return "done"

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.start(work)
    assert 1 <= len(reports) < 100
    assert reports[-1] == 1.0
    runner.wait()


def test_cancel_stops_the_task_and_drops_its_result(qtbot) -> None:
    """Cancel sets the task's flag; the runner reports cancelled and never delivers the result."""
    runner = TaskRunner()
    started = threading.Event()
    finished: list[object] = []
    runner.task_finished.connect(finished.append)

    def work(progress, cancel):
        started.set()
        while not cancel.is_set():
            time.sleep(0.01)
        return "should not arrive"

    runner.start(work)
    assert started.wait(5)
    with qtbot.waitSignal(runner.task_cancelled, timeout=5000):
        runner.cancel()
    runner.wait()
    qtbot.wait(50)
    assert finished == []
    assert not runner.is_running()


def test_a_newer_task_makes_the_older_result_stale(qtbot) -> None:
    """Starting a second task cancels the first; only the second result is delivered."""
    runner = TaskRunner()
    results: list[object] = []
    runner.task_finished.connect(results.append)

    def slow(progress, cancel):
        time.sleep(0.2)
        return "old"

    runner.start(slow)
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.start(lambda p, c: "new")
    runner.wait()
    qtbot.wait(50)
    assert results == ["new"]


def test_errors_become_messages_not_tracebacks(qtbot) -> None:
    """An expected error gives its sentence; an unexpected one gives a message plus details."""
    runner = TaskRunner()
    failures: list[tuple[str, str]] = []
    runner.task_failed.connect(lambda m, d: failures.append((m, d)))

    def refuse(progress, cancel):
        raise ValidationError("The visit has no host households.")

    with qtbot.waitSignal(runner.task_failed, timeout=5000):
        runner.start(refuse)
    with qtbot.waitSignal(runner.task_failed, timeout=5000):
        runner.start(lambda p, c: 1 / 0)
    runner.wait()
    assert failures[0] == ("The visit has no host households.", "")
    assert failures[1][0].startswith("ZeroDivisionError") and "Traceback" in failures[1][1]
