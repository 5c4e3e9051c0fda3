"""The partnership editor: the two towns, the kind of link, its dates, notes and awards."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QSpinBox, QWidget

from twinplanner.domain.enums import AwardKind, PartnershipKind
from twinplanner.domain.rows import PartnershipRow
from twinplanner.i18n import N_, _
from twinplanner.ui import choices as ch
from twinplanner.ui.dialogs.base import FormDialog
from twinplanner.ui.editors import editor_value, make_editor, set_editor_value

_AWARD_WORDS = {
    AwardKind.EUROPEAN_DIPLOMA: N_("European Diploma"),
    AwardKind.PLAQUE_OF_HONOUR: N_("Plaque of Honour"),
    AwardKind.FLAG_OF_HONOUR: N_("Flag of Honour"),
    AwardKind.EUROPE_PRIZE: N_("Europe Prize"),
}


class PartnershipDialog(FormDialog):
    """Create a partnership (partnership None) or edit one (the towns stay as they are)."""

    def __init__(
        self, partnership: PartnershipRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            _("New partnership") if partnership is None else _("Edit partnership"), parent
        )
        self.partnership = partnership
        self.town_fields: dict[str, QLineEdit] = {}
        for side, caption in (("our", _("&Our town")), ("partner", _("&Partner town"))):
            name, country, language = QLineEdit(), QLineEdit(), QLineEdit()
            country.setPlaceholderText(_("country, e.g. DE"))
            country.setMaxLength(2)
            language.setPlaceholderText(_("language, e.g. de"))
            language.setMaxLength(2)
            row = QWidget()
            grid = QGridLayout(row)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.addWidget(name, 0, 0)
            grid.addWidget(country, 0, 1)
            grid.addWidget(language, 0, 2)
            grid.setColumnStretch(0, 3)
            self.add_field(f"{side}_town", caption, row, focus=name)
            self.town_fields.update(
                {f"{side}_town": name, f"{side}_country": country, f"{side}_language": language}
            )
            row.setEnabled(partnership is None)
        self.kind = make_editor(ch.enum_spec(PartnershipKind))
        self.since = make_editor(ch.DATE)
        self.signed = make_editor(ch.DATE)
        self.notes = QLineEdit()
        self.add_field("kind", _("&Kind"), self.kind)
        self.add_field("since", _("Partners &since"), self.since)
        self.add_field("charter_signed_on", _("&Charter signed on"), self.signed)
        self.add_field("notes", _("&Notes"), self.notes)
        awards = QWidget()
        grid = QGridLayout(awards)
        grid.setContentsMargins(0, 0, 0, 0)
        self.award_boxes: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        for number, kind in enumerate(AwardKind):
            box, year = QCheckBox(_(_AWARD_WORDS[kind])), QSpinBox()
            year.setRange(1950, 2200)
            year.setValue(2000)
            year.setEnabled(False)
            box.toggled.connect(year.setEnabled)
            grid.addWidget(box, number, 0)
            grid.addWidget(year, number, 1)
            self.award_boxes[kind.value] = (box, year)
        self.add_field("awards", _("Council of Europe &awards"), awards)
        if partnership is not None:
            for side, town in (
                ("our", partnership.our_town),
                ("partner", partnership.partner_town),
            ):
                self.town_fields[f"{side}_town"].setText(town.name)
                self.town_fields[f"{side}_country"].setText(town.country)
                self.town_fields[f"{side}_language"].setText(town.language)
        self._load(partnership)

    def _load(self, p: PartnershipRow | None) -> None:
        set_editor_value(
            self.kind, ch.enum_spec(PartnershipKind), p.kind if p else PartnershipKind.FORMAL.value
        )
        set_editor_value(self.since, ch.DATE, p.since if p else None)
        set_editor_value(self.signed, ch.DATE, p.charter_signed_on if p else None)
        self.notes.setText(p.notes if p else "")
        for award in p.awards if p else ():
            box, year = self.award_boxes[award.kind]
            box.setChecked(True)
            year.setValue(award.year)

    def values(self) -> dict[str, Any]:
        """The partnership's fields; ``awards`` is a list of (kind, year)."""
        values: dict[str, Any] = {
            "kind": editor_value(self.kind, ch.enum_spec(PartnershipKind)),
            "since": editor_value(self.since, ch.DATE),
            "charter_signed_on": editor_value(self.signed, ch.DATE),
            "notes": self.notes.text(),
            "awards": [
                (kind, year.value())
                for kind, (box, year) in self.award_boxes.items()
                if box.isChecked()
            ],
        }
        if self.partnership is None:
            values.update({name: field.text() for name, field in self.town_fields.items()})
        return values

    @staticmethod
    def values_of(p: PartnershipRow) -> dict[str, Any]:
        """A stored partnership's editable fields in the same form as values()."""
        return {
            "kind": p.kind,
            "since": p.since,
            "charter_signed_on": p.charter_signed_on,
            "notes": p.notes,
            "awards": [(a.kind, a.year) for a in p.awards],
        }
