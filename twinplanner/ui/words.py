"""Short words for fields, used in the Edit menu ("Undo change of Ana Popescu's phone")."""

from __future__ import annotations

from twinplanner.i18n import N_, _

_FIELD_WORDS = {
    "full_name": N_("name"),
    "contact_name": N_("name"),
    "gender": N_("gender"),
    "birth_date": N_("birth date"),
    "languages": N_("languages"),
    "role": N_("role"),
    "dietary_needs": N_("diet"),
    "allergies": N_("allergies"),
    "animal_allergies": N_("animal allergies"),
    "smoker": N_("smoking"),
    "needs_smoke_free": N_("need of a smoke-free home"),
    "needs_step_free": N_("need of a step-free home"),
    "phone": N_("phone"),
    "email": N_("e-mail"),
    "emergency_contact": N_("emergency contact"),
    "notes": N_("notes"),
    "consent_photos": N_("photo consent"),
    "consent_health": N_("health data consent"),
    "is_guest": N_("guest status"),
    "arrival_at": N_("arrival"),
    "departure_at": N_("departure"),
    "club_ids": N_("clubs"),
    "members": N_("members"),
    "address": N_("address"),
    "district": N_("district"),
    "beds": N_("beds"),
    "double_beds": N_("double beds"),
    "pets": N_("pets"),
    "smoking": N_("smoking"),
    "step_free": N_("step-free access"),
    "minors_cleared": N_("clearance for minors"),
    "safeguarding_checked_on": N_("safeguarding check"),
    "gender_preference": N_("gender preference"),
    "age_group": N_("age group"),
    "no_minors": N_("no-minors wish"),
    "max_guests": N_("most guests"),
    "preferred_guests": N_("preferred guests"),
    "available_from": N_("available from"),
    "available_until": N_("available until"),
}


def field_word(field: str) -> str:
    """The short word for a field, in the window's language."""
    return _(_FIELD_WORDS.get(field, field.replace("_", " ")))
