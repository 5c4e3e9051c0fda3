"""The choices of a print run: kinds, recipients, language, paper and folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from twinplanner.domain.rows import ClubRow
from twinplanner.i18n import _
from twinplanner.services import print_selection as sel
from twinplanner.services.print_runs import PrintRun
from twinplanner.services.printing import KINDS
from twinplanner.ui.printing import words

DEFAULT_KINDS = ("itineraries", "host-sheets")


@dataclass(frozen=True)
class PrintOptions:
    """What the organiser chose on the page."""

    kinds: tuple[str, ...]
    recipients: str
    club_id: int | None
    lang: str | None  # None: each reader's own language
    paper: str
    folder: Path


class OptionsPanel(QWidget):
    """Check boxes, radio buttons and drop-downs; ``options_changed`` after every change."""

    options_changed = Signal()
    browse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._kinds_group())
        layout.addWidget(self._recipients_group())
        layout.addWidget(self._language_group())
        layout.addWidget(self._output_group())
        self._connect_signals()
        self._update_enabled()

    # -- construction ---------------------------------------------------------------------

    def _kinds_group(self) -> QGroupBox:
        group = QGroupBox(_("Documents"))
        grid = QVBoxLayout(group)
        grid.setSpacing(2)
        for kind in KINDS:
            box = QCheckBox(words.kind_label(kind))
            box.setChecked(kind in DEFAULT_KINDS)
            self.kind_boxes[kind] = box
            grid.addWidget(box)
        return group

    def _recipients_group(self) -> QGroupBox:
        group = QGroupBox(_("For whom"))
        grid = QGridLayout(group)
        grid.setVerticalSpacing(2)
        self.everyone = QRadioButton(_("Ever&yone"))
        self.one_club = QRadioButton(_("One &club:"))
        self.club_picker = QComboBox()
        self.club_picker.setMinimumContentsLength(16)
        self.club_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.changed = QRadioButton(_("Changed si&nce the last print"))
        self.last_print = QLabel()
        self.last_print.setWordWrap(True)
        self.last_print.setStyleSheet("color: palette(mid); margin-left: 22px;")
        self.recipients = QButtonGroup(self)
        for number, button in enumerate((self.everyone, self.one_club, self.changed)):
            self.recipients.addButton(button, number)
        self.everyone.setChecked(True)
        grid.addWidget(self.everyone, 0, 0, 1, 2)
        grid.addWidget(self.one_club, 1, 0)
        grid.addWidget(self.club_picker, 1, 1)
        grid.addWidget(self.changed, 2, 0, 1, 2)
        grid.addWidget(self.last_print, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return group

    def _language_group(self) -> QGroupBox:
        group = QGroupBox(_("Language"))
        grid = QGridLayout(group)
        grid.setVerticalSpacing(2)
        self.own_language = QRadioButton(_("Each reader's o&wn language"))
        self.one_language = QRadioButton(_("One language for &all:"))
        self.language_picker = QComboBox()
        for code, text in words.languages():
            self.language_picker.addItem(text, code)
        self.languages = QButtonGroup(self)
        self.languages.addButton(self.own_language, 0)
        self.languages.addButton(self.one_language, 1)
        self.own_language.setChecked(True)
        grid.addWidget(self.own_language, 0, 0, 1, 2)
        grid.addWidget(self.one_language, 1, 0)
        grid.addWidget(self.language_picker, 1, 1)
        grid.setColumnStretch(1, 1)
        return group

    def _output_group(self) -> QGroupBox:
        group = QGroupBox(_("Paper and folder"))
        grid = QGridLayout(group)
        grid.setVerticalSpacing(4)
        paper_label = QLabel(_("Paper si&ze:"))
        self.paper_picker = QComboBox()
        for code, text in words.PAPERS:
            self.paper_picker.addItem(_(text), code)
        paper_label.setBuddy(self.paper_picker)
        folder_label = QLabel(_("Folder:"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(_("Folder for the documents"))
        folder_label.setBuddy(self.folder_edit)
        self.browse = QPushButton(_("&Browse…"))
        grid.addWidget(paper_label, 0, 0)
        grid.addWidget(self.paper_picker, 0, 1, 1, 2)
        grid.addWidget(folder_label, 1, 0)
        grid.addWidget(self.folder_edit, 1, 1)
        grid.addWidget(self.browse, 1, 2)
        grid.setColumnStretch(1, 1)
        return group

    def _connect_signals(self) -> None:
        for box in self.kind_boxes.values():
            box.toggled.connect(self._on_option_changed)
        self.recipients.idToggled.connect(self._on_option_changed)
        self.languages.idToggled.connect(self._on_option_changed)
        self.club_picker.currentIndexChanged.connect(self._on_club_picker_changed)
        self.language_picker.currentIndexChanged.connect(self._on_language_picker_changed)
        self.paper_picker.currentIndexChanged.connect(self._on_option_changed)
        self.browse.clicked.connect(self.browse_requested)

    # -- state ----------------------------------------------------------------------------

    def options(self) -> PrintOptions:
        """The choices made now."""
        recipients = (
            sel.CLUB
            if self.one_club.isChecked()
            else sel.CHANGED
            if self.changed.isChecked()
            else sel.EVERYONE
        )
        club = self.club_picker.currentData()
        return PrintOptions(
            kinds=tuple(k for k, box in self.kind_boxes.items() if box.isChecked()),
            recipients=recipients,
            club_id=int(club) if recipients == sel.CLUB and club is not None else None,
            lang=(
                str(self.language_picker.currentData()) if self.one_language.isChecked() else None
            ),
            paper=str(self.paper_picker.currentData()),
            folder=Path(self.folder_edit.text().strip() or "."),
        )

    def set_clubs(self, clubs: list[ClubRow]) -> None:
        """Offer the clubs taking part in the visit shown (keeps the one chosen if still there)."""
        keep = self.club_picker.currentData()
        self.club_picker.blockSignals(True)
        self.club_picker.clear()
        for club in clubs:
            self.club_picker.addItem(f"{club.name} ({club.town_name})", club.id)
        index = self.club_picker.findData(keep) if keep is not None else -1
        self.club_picker.setCurrentIndex(max(index, 0) if clubs else -1)
        self.club_picker.blockSignals(False)
        if not clubs and self.one_club.isChecked():
            self.everyone.setChecked(True)
        self._update_enabled()

    def set_last_run(self, run: PrintRun | None) -> None:
        """Say when the visit's documents were last printed."""
        self.last_print.setText(
            _("Last print: {at}, {n} documents").format(at=words.moment(run.at), n=run.documents)
            if run is not None
            else _("Nothing printed yet: every document is new.")
        )

    def set_folder(self, folder: Path) -> None:
        """Show the folder documents are made in."""
        self.folder_edit.setText(str(folder))

    def _update_enabled(self) -> None:
        has_clubs = self.club_picker.count() > 0
        self.one_club.setEnabled(has_clubs)
        self.club_picker.setEnabled(has_clubs and self.one_club.isChecked())
        self.language_picker.setEnabled(self.one_language.isChecked())

    # -- slots ----------------------------------------------------------------------------

    def _on_option_changed(self, *_args: object) -> None:
        self._update_enabled()
        self.options_changed.emit()

    def _on_club_picker_changed(self, _index: int) -> None:
        if self.one_club.isChecked():
            self.options_changed.emit()

    def _on_language_picker_changed(self, _index: int) -> None:
        if self.one_language.isChecked():
            self.options_changed.emit()
