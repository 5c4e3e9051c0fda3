"""Running the planner off the GUI thread and turning its proposal into lines to accept or drop."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from twinplanner.i18n import _
from twinplanner.planning.programme.conflicts import check_programme, errors
from twinplanner.planning.programme.proposal import ChangeKind, Proposal
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.services.programme_parts import Part, propose_part
from twinplanner.ui.programme.models import Line
from twinplanner.ui.tasks import TaskRunner


def part_heading(part: Part) -> str:
    """'Proposed fixtures' or 'Proposed concert timetable'."""
    return _("Proposed fixtures") if part is Part.FIXTURES else _("Proposed concert timetable")


@dataclass(frozen=True)
class Outcome:
    """A finished plan: the proposal, the snapshot it was made on, and the data version then."""

    part: Part
    proposal: Proposal
    snap: ProgrammeSnapshot
    version: int


def plan_task(
    snap: ProgrammeSnapshot, part: Part, time_limit: float
) -> Callable[[Callable[[float, str], None], threading.Event], Proposal]:
    """The worker's function: a pure plan on the snapshot, stopping when cancelled."""

    def run(progress: Callable[[float, str], None], cancel: threading.Event) -> Proposal:
        began = time.monotonic()

        def should_stop() -> bool:
            spent = time.monotonic() - began
            progress(min(spent / time_limit, 0.99), _("Improving the timetable…"))
            return cancel.is_set()

        progress(0.0, _("Planning…"))
        return propose_part(snap, part, time_limit=time_limit, should_stop=should_stop)

    return run


def change_lines(outcome: Outcome) -> list[Line]:
    """One line per new or moved event, linked to the event it moves."""
    names = {v.id: v.name for v in outcome.snap.venues}
    lines = []
    for change in outcome.proposal.changes:
        ids = (change.event.id,) if change.kind is ChangeKind.MOVED else ()
        lines.append(Line(change.describe(names), change.kind.value, ids))
    return lines


def unplaced_lines(outcome: Outcome) -> list[Line]:
    """What did not fit and why, then the planner's notes."""
    lines = [
        Line(
            _("'{title}': {reason}.").format(title=u.task.title, reason=u.reason),
            "unplaced",
            (u.task.event_id,) if u.task.event_id else (),
        )
        for u in outcome.proposal.unplaced
    ]
    lines += [Line(note, "note") for note in outcome.proposal.notes]
    return lines


def summary(outcome: Outcome) -> str:
    """Errors in the programme now and with the proposal accepted."""
    before = len(errors(check_programme(outcome.snap)))
    after = len(errors(outcome.proposal.conflicts_after(outcome.snap)))
    return _("Errors in the programme: {before} now, {after} with the proposal.").format(
        before=before, after=after
    )


def status_words(outcome: Outcome) -> str:
    """How good the timetable is and how long the planner took."""
    r = outcome.proposal.result
    words = {
        "optimal": _("best possible"),
        "feasible": _("good, not proven best"),
        "infeasible": _("no timetable fits"),
        "unknown": _("none found in time"),
        "empty": _("nothing to plan"),
    }.get(r.status, r.status)
    return _("Planner: {status}, {seconds:.1f} s.").format(status=words, seconds=r.seconds)


class PlanRunner(QObject):
    """Starts plans on snapshots and reports their outcome with the data version they saw."""

    progressed = Signal(float, str)
    finished = Signal(object)  # Outcome
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self._started: tuple[Part, ProgrammeSnapshot, int] | None = None
        self._began = 0.0
        self._limit = 1.0
        self._clock = QTimer(self)
        self._clock.setInterval(250)
        self.runner.progress_changed.connect(self._on_runner_progress_changed)
        self.runner.task_finished.connect(self._on_runner_task_finished)
        self.runner.task_failed.connect(self._on_runner_task_failed)
        self.runner.task_cancelled.connect(self._on_runner_task_cancelled)
        self._clock.timeout.connect(self._on_clock_timeout)

    def start(
        self, snap: ProgrammeSnapshot, part: Part, version: int, time_limit: float | None = None
    ) -> None:
        """Plan one part of the programme on a snapshot taken on the GUI thread."""
        self._limit = time_limit or snap.settings.time_limit_seconds
        self._started = (part, snap, version)
        self._began = time.monotonic()
        self.runner.start(plan_task(snap, part, self._limit))
        self._clock.start()

    def is_running(self) -> bool:
        """True while a plan runs."""
        return self.runner.is_running()

    def cancel(self) -> None:
        """Stop the plan; whatever it still delivers is dropped."""
        self._clock.stop()
        self.runner.cancel()

    def _on_clock_timeout(self) -> None:
        spent = time.monotonic() - self._began
        self.progressed.emit(
            min(spent / self._limit, 0.99),
            _("Planning… {spent:.0f} of at most {limit:.0f} s").format(
                spent=spent, limit=self._limit
            ),
        )

    def _on_runner_progress_changed(self, fraction: float, message: str) -> None:
        self.progressed.emit(fraction, message)

    def _on_runner_task_finished(self, proposal: object) -> None:
        self._clock.stop()
        assert self._started is not None and isinstance(proposal, Proposal)
        part, snap, version = self._started
        self.finished.emit(Outcome(part, proposal, snap, version))

    def _on_runner_task_failed(self, message: str, _details: str) -> None:
        self._clock.stop()
        self.failed.emit(message)

    def _on_runner_task_cancelled(self) -> None:
        self._clock.stop()
        self.cancelled.emit()
