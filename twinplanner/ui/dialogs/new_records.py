"""Small dialogs for a new visitor and a new host household: the few fields needed to start."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QWidget

from twinplanner.domain.enums import Gender, Role
from twinplanner.i18n import _
from twinplanner.ui import choices as ch
from twinplanner.ui.dialogs.base import FormDialog
from twinplanner.ui.editors import editor_value, make_editor, set_editor_value


class AddVisitorDialog(FormDialog):
    """Name, guest or local, gender, birth date, role, languages and phone of a new person."""

    def __init__(self, languages: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(_("Add visitor"), parent)
        self.name = self.add_field("full_name", _("&Name"), QLineEdit())
        self.guest = self.add_field("is_guest", _("&Guest to be housed"), QCheckBox())
        self.guest.setChecked(True)
        self.gender = self.add_field("gender", _("G&ender"), make_editor(ch.enum_spec(Gender)))
        set_editor_value(self.gender, ch.enum_spec(Gender), Gender.UNKNOWN.value)
        self.birth = self.add_field("birth_date", _("&Born"), make_editor(ch.DATE))
        set_editor_value(self.birth, ch.DATE, None)
        self.role = self.add_field("role", _("&Role"), make_editor(ch.enum_spec(Role)))
        set_editor_value(self.role, ch.enum_spec(Role), Role.OTHER.value)
        self.languages = self.add_field(
            "languages", _("&Languages"), make_editor(ch.languages_spec())
        )
        self.languages.setMaximumHeight(110)
        set_editor_value(self.languages, ch.languages_spec(), languages)
        self.phone = self.add_field("phone", _("&Phone"), QLineEdit())
        self.resize(440, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        """The new person's fields."""
        return {
            "full_name": self.name.text(),
            "is_guest": self.guest.isChecked(),
            "gender": editor_value(self.gender, ch.enum_spec(Gender)),
            "birth_date": editor_value(self.birth, ch.DATE),
            "role": editor_value(self.role, ch.enum_spec(Role)),
            "languages": tuple(editor_value(self.languages, ch.languages_spec())),
            "phone": self.phone.text(),
        }


class AddHouseholdDialog(FormDialog):
    """Contact, address, district, phone and beds of a new host household."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Add host household"), parent)
        self.name = self.add_field("contact_name", _("&Contact"), QLineEdit())
        self.address = self.add_field("address", _("&Address"), QLineEdit())
        self.district = self.add_field("district", _("&District"), QLineEdit())
        self.phone = self.add_field("phone", _("&Phone"), QLineEdit())
        self.beds = self.add_field("beds", _("&Beds"), QSpinBox())
        self.beds.setRange(0, 50)
        self.beds.setValue(2)
        self.languages = self.add_field(
            "languages", _("&Languages"), make_editor(ch.languages_spec())
        )
        self.languages.setMaximumHeight(110)
        self.resize(440, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        """The new household's fields."""
        return {
            "contact_name": self.name.text(),
            "address": self.address.text(),
            "district": self.district.text(),
            "phone": self.phone.text(),
            "beds": self.beds.value(),
            "languages": tuple(editor_value(self.languages, ch.languages_spec())),
        }
