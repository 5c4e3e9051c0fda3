"""Planning in the background: the planner runs on a snapshot in a worker, with cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from twinplanner.i18n import _
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.planning.housing.result import HousingResult, Progress
from twinplanner.ui.tasks import TaskRunner

Planner = Callable[[HousingProblem, Callable[[Progress], None], threading.Event], HousingResult]


@dataclass(frozen=True)
class SolverPlanner:
    """The CP-SAT planner with a time limit (imported in the worker: it loads OR-Tools)."""

    time_limit: float = 10.0

    def __call__(
        self, problem: HousingProblem, progress: Callable[[Progress], None], cancel: threading.Event
    ) -> HousingResult:
        from twinplanner.planning.housing.solver import SolverOptions, solve

        return solve(problem, SolverOptions(time_limit=self.time_limit), progress, cancel)


def progress_text(report: Progress) -> str:
    """A planner's progress report in words."""
    text = _("{placed} of at most {bound} visitors placed").format(
        placed=report.people_placed, bound=report.people_bound
    )
    if report.score is not None:
        text += " · " + _("wishes {score}").format(score=report.score)
        if report.score_bound is not None:
            text += " " + _("(at most {bound})").format(bound=report.score_bound)
    return text + " · " + _("{s:.1f} s").format(s=report.seconds)


@dataclass(frozen=True)
class PendingPlan:
    """A plan being computed: on which snapshot, and the board's data version then."""

    token: int
    problem: HousingProblem
    version: int


class PlanRunner(QObject):
    """Runs the planner on a snapshot in a worker; reports progress, results and cancel."""

    progressed = Signal(float, str)
    finished = Signal(object, object, int)  # problem, result, data version of the snapshot
    failed = Signal(str, str)
    cancelled = Signal()
    running_changed = Signal(bool)

    def __init__(self, planner: Planner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.planner: Planner = planner or SolverPlanner()
        self.runner = TaskRunner(self)
        self._pending: PendingPlan | None = None
        self.runner.progress_changed.connect(self.progressed)
        self.runner.task_finished.connect(self._on_runner_task_finished)
        self.runner.task_failed.connect(self._on_runner_task_failed)
        self.runner.task_cancelled.connect(self._on_runner_task_cancelled)
        self.runner.running_changed.connect(self.running_changed)

    def is_running(self) -> bool:
        """True while a plan is being computed."""
        return self.runner.is_running()

    def start(self, problem: HousingProblem, version: int) -> None:
        """Plan this snapshot in the worker (a plan still running is cancelled)."""
        planner = self.planner
        limit = float(getattr(planner, "time_limit", 0.0)) or None

        def task(progress: Callable[[float, str], None], cancel: threading.Event) -> object:
            def report(p: Progress) -> None:
                fraction = min(p.seconds / limit, 0.99) if limit else 0.0
                progress(fraction, progress_text(p))

            return planner(problem, report, cancel)

        token = self.runner.start(task)
        self._pending = PendingPlan(token, problem, version)

    def cancel(self) -> None:
        """Stop the plan running; its result is dropped."""
        self.runner.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the worker is idle (closing and tests)."""
        return self.runner.wait(msecs)

    def _on_runner_task_finished(self, result: object) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and isinstance(result, HousingResult):
            self.finished.emit(pending.problem, result, pending.version)

    def _on_runner_task_failed(self, message: str, details: str) -> None:
        self._pending = None
        self.failed.emit(message, details)

    def _on_runner_task_cancelled(self) -> None:
        self._pending = None
        self.cancelled.emit()


class PlanProgress(QWidget):
    """A progress bar with what the planner has reached, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(220)
        self.bar.setAccessibleName(_("Planning progress"))
        self.label = QLabel(_("Planning…"))
        self.cancel_button = QPushButton(_("&Cancel"))
        self.cancel_button.setToolTip(_("Stop planning; nothing is changed (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel_requested)

    def reset(self) -> None:
        """Start again at zero."""
        self.bar.setValue(0)
        self.label.setText(_("Planning…"))

    def set_progress(self, fraction: float, text: str) -> None:
        """Show how far the planner has got."""
        self.bar.setValue(int(round(100 * fraction)))
        self.label.setText(text)
