"""A plan shown as changes to accept or discard: who moves where, wishes met, who stays out."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twinplanner.domain.text import fold
from twinplanner.i18n import _, ngettext
from twinplanner.planning.housing.problem import HousingProblem
from twinplanner.planning.housing.result import HousingResult, SolveStatus
from twinplanner.ui.housing import texts
from twinplanner.ui.table_model import ColumnSpec, RowTableModel


@dataclass(frozen=True, slots=True)
class MoveRow:
    """One party the plan places, moves or leaves without a household."""

    id: int
    party: str
    size: int
    source: str
    target: str
    moved: bool  # True: it had a household before


@dataclass(frozen=True, slots=True)
class WishRow:
    """How one soft wish fares in the plan."""

    id: int
    label: str
    met: int | None  # None: the total row
    points: int


def move_rows(
    problem: HousingProblem, result: HousingResult, dropped_out: dict[int, str]
) -> list[MoveRow]:
    """The plan's changes: parties moved first, then parties newly placed or left out."""

    def name(household_id: int | None) -> str:
        if household_id is None:
            return _("not placed")
        household = problem.household(household_id)
        if household is not None:
            return household.name
        return _("{host} (backed out)").format(
            host=dropped_out.get(household_id, f"#{household_id}")
        )

    rows = [
        MoveRow(
            m.party_id,
            m.party_name,
            problem.party(m.party_id).size,
            name(m.from_household),
            name(m.to_household),
            m.from_household is not None,
        )
        for m in result.moves
    ]
    rows.sort(key=lambda r: (not r.moved, fold(r.party)))
    return rows


def summary(problem: HousingProblem, result: HousingResult) -> tuple[str, str]:
    """The heading of a plan and the sentence on how good it is."""
    heading = _("{placed} of {total} visitors placed ({parties} of {all} parties); {moves}").format(
        placed=result.people_placed,
        total=result.people_total,
        parties=len(result.assignments),
        all=len(problem.parties),
        moves=ngettext("{n} change", "{n} changes", len(result.moves)).format(n=len(result.moves)),
    )
    if result.status is SolveStatus.OPTIMAL:
        proof = _("Proven best: no placement houses more people or meets more wishes.")
    elif result.status is SolveStatus.CANCELLED:
        proof = _("Stopped early: the best placement found so far.")
    elif result.gap is None:
        proof = _("Not proven best: no bound on the wishes is known yet.")
    else:
        proof = _(
            "Not proven best: wishes score {score} of at most {bound} (gap {gap:.1f}%)."
        ).format(score=result.score, bound=result.score_bound, gap=100 * result.gap)
    if result.people_placed < result.people_bound:
        proof += " " + _(
            "Perhaps up to {n} visitors could be housed; plan again with more time."
        ).format(n=result.people_bound)
    return heading, proof


def _table(model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class ProposalView(QWidget):
    """Shows one plan; Accept applies it (undoable), Discard drops it."""

    accept_requested = Signal()
    discard_requested = Signal()
    plan_again_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.proof = QLabel()
        self.proof.setWordWrap(True)
        self.outdated = QLabel()
        self.outdated.setWordWrap(True)
        self.outdated.setStyleSheet("background: #fdecea; color: #8a1c14; padding: 4px 8px;")
        self.plan_again = QPushButton(_("Plan &again"))
        self.accept_button = QPushButton(_("&Accept"))
        self.accept_button.setDefault(True)
        self.discard_button = QPushButton(_("Dis&card"))
        self.moves = RowTableModel(
            [
                ColumnSpec(_("Party"), lambda r: r.party),
                ColumnSpec(
                    _("People"), lambda r: str(r.size), sort_key=lambda r: r.size, align_right=True
                ),
                ColumnSpec(_("From"), lambda r: r.source),
                ColumnSpec(_("To"), lambda r: r.target),
            ],
            self,
        )
        self.wishes = RowTableModel(
            [
                ColumnSpec(_("Wish"), lambda r: r.label),
                ColumnSpec(
                    _("Met"),
                    lambda r: "" if r.met is None else str(r.met),
                    sort_key=lambda r: r.met or 0,
                    align_right=True,
                ),
                ColumnSpec(
                    _("Points"),
                    lambda r: f"{r.points:+d}",
                    sort_key=lambda r: r.points,
                    align_right=True,
                ),
            ],
            self,
        )
        self.moves_view = _table(self.moves)
        self.wishes_view = _table(self.wishes)
        self.unplaced = QLabel()
        self.unplaced.setWordWrap(True)
        self.unplaced.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.unplaced.setTextFormat(Qt.TextFormat.PlainText)
        self.unplaced.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_layout()
        self.plan_again.clicked.connect(self.plan_again_requested)
        self.accept_button.clicked.connect(self.accept_requested)
        self.discard_button.clicked.connect(self.discard_requested)

    def _build_layout(self) -> None:
        self.moves_heading = QLabel()
        self.unplaced_heading = QLabel()
        for label in (self.moves_heading, self.unplaced_heading):
            label.setStyleSheet("font-weight: bold;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.moves_heading)
        left_layout.addWidget(self.moves_view, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.unplaced)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        wishes_heading = QLabel(_("Score by wish"))
        wishes_heading.setStyleSheet("font-weight: bold;")
        right_layout.addWidget(wishes_heading)
        right_layout.addWidget(self.wishes_view)
        right_layout.addWidget(self.unplaced_heading)
        right_layout.addWidget(scroll, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 640])
        outdated_row = QHBoxLayout()
        outdated_row.addWidget(self.outdated, 1)
        outdated_row.addWidget(self.plan_again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.proof, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addLayout(outdated_row)
        layout.addWidget(splitter, 1)
        self._outdated_row = (self.outdated, self.plan_again)

    def show_result(
        self, problem: HousingProblem, result: HousingResult, dropped_out: dict[int, str]
    ) -> None:
        """Show a plan for acceptance."""
        heading, proof = summary(problem, result)
        title = _("Re-plan") if problem.replan else _("Proposal")
        self.heading.setText(f"{title}: {heading}")
        notes = " ".join(f"({n[:1].upper()}{n[1:]}.)" for n in result.notes)
        self.proof.setText(f"{proof} {notes}".strip())
        rows = move_rows(problem, result, dropped_out)
        moved = sum(1 for r in rows if r.moved)
        self.moves.set_rows(rows)
        self.moves_heading.setText(
            ngettext(
                "Changes: {n} party moves from a household",
                "Changes: {n} parties move from a household",
                moved,
            ).format(n=moved)
            if moved
            else _("Changes")
        )
        self.wishes.set_rows(
            [
                WishRow(n, texts.wish_label(w.key, w.label), w.met, w.points)
                for n, w in enumerate(result.breakdown)
            ]
            + [WishRow(len(result.breakdown), _("Total"), None, result.score)]
        )
        self.moves_view.resizeColumnsToContents()
        self.wishes_view.resizeColumnToContents(0)
        lines = self.wishes.rowCount()
        self.wishes_view.setFixedHeight(
            self.wishes_view.horizontalHeader().sizeHint().height()
            + lines * self.wishes_view.verticalHeader().defaultSectionSize()
            + 4
        )
        people = sum(u.size for u in result.unplaced)
        self.unplaced_heading.setText(
            ngettext("Not placed: {n} visitor", "Not placed: {n} visitors", people).format(n=people)
        )
        self.unplaced.setText(
            "\n\n".join(f"{u.party_name} ({u.size}): {u.reason}" for u in result.unplaced)
            or _("Everyone has a household.")
        )
        self.set_outdated("")

    def set_outdated(self, why: str) -> None:
        """Mark the plan outdated (it can no longer be accepted); '' shows it as current."""
        for widget in self._outdated_row:
            widget.setVisible(bool(why))
        self.outdated.setText(why)
        self.accept_button.setEnabled(not why)

    def is_outdated(self) -> bool:
        """True when the plan was marked outdated."""
        return not self.accept_button.isEnabled()
