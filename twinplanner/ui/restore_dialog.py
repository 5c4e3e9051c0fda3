"""The restore dialog: automatic backups with date and counts; restore after a confirmation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import N_, _
from twinplanner.io.backup import BackupInfo, RestoreResult, list_backups, restore_database
from twinplanner.ui import prompts

_Index = QModelIndex | QPersistentModelIndex
Confirm = Callable[[QWidget, str, str], bool]

_REASONS = {
    "open": N_("on opening"),
    "change": N_("after changes"),
    "manual": N_("by hand"),
    "before-restore": N_("before a restore"),
    "damaged": N_("damaged file kept"),
    "before-encrypt": N_("before encrypting"),
    "before-passphrase": N_("before a passphrase change"),
    "before-decrypt": N_("before removing the encryption"),
    "before-import": N_("before an import"),
}


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


class BackupTableModel(QAbstractTableModel):
    """Backups as rows: date, why it was made, visits, people, households."""

    HEADERS = (N_("Date"), N_("Made"), N_("Visits"), N_("People"), N_("Households"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_rows(self, rows: Sequence[BackupInfo]) -> None:
        """Show these backups."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BackupInfo:
        """The backup shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        b = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if b.problem and index.column() == 2:
                return _("unreadable")
            return (
                b.taken_at.strftime("%Y-%m-%d %H:%M"),
                _(_REASONS.get(b.reason, b.reason)),
                _count(b.visits),
                _count(b.people),
                _count(b.households),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return b.problem or str(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return _(self.HEADERS[section])
        return None


class RestoreDialog(QDialog):
    """Lists the automatic backups of a database file and restores the one chosen.

    ``restored`` carries the RestoreResult: the window reloads everything it shows. The
    current state is always backed up before a restore (see ``io.backup.restore_database``).
    """

    restored = Signal(object)

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        confirm: Confirm | None = None,
        restore: Callable[[Path, Path], RestoreResult] = restore_database,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore a backup"))
        self._db_path = Path(db_path)
        self._confirm = confirm  # None: ask through prompts.ask_yes_no
        self._restore = restore
        self.model = BackupTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(_("Restore…"), self)
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _(
                    "Backups are made when the file is opened and after "
                    "changes. The current state is backed up before a restore."
                ),
                self,
            )
        )
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._buttons = buttons
        self._connect_signals()
        self.reload()
        self.resize(620, 380)

    def _connect_signals(self) -> None:
        self._buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)

    def reload(self) -> None:
        """Read the backup folder again."""
        self.model.set_rows(list_backups(self._db_path))
        self._on_view_selection_changed()
        if self.model.rowCount() == 0:
            self.message.setText(_("There are no backups of this file yet."))

    def selected_backup(self) -> BackupInfo | None:
        """The backup chosen in the list, if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_view_selection_changed(self, *_args: object) -> None:
        chosen = self.selected_backup()
        self.restore_button.setEnabled(chosen is not None and not chosen.problem)

    def _on_restore_button_clicked(self) -> None:
        chosen = self.selected_backup()
        if chosen is None:
            return
        question = _(
            "Restore the backup of {date}? It holds {visits} visits, {people} people and "
            "{households} households. The current state is kept as a backup first."
        ).format(
            date=chosen.taken_at.strftime("%Y-%m-%d %H:%M"),
            visits=_count(chosen.visits),
            people=_count(chosen.people),
            households=_count(chosen.households),
        )
        confirm = self._confirm or prompts.ask_yes_no
        if not confirm(self, _("Restore a backup"), question):
            return
        try:
            result = self._restore(chosen.path, self._db_path)
        except TwinPlannerError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            _("Restored the backup of {date}.").format(
                date=chosen.taken_at.strftime("%Y-%m-%d %H:%M")
            )
        )
        self.reload()
        self.restored.emit(result)
