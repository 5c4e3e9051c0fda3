"""Host households and their offer of beds for a visit: create and change with validation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from twinplanner.data.models import HostOffer, Household, Placement, Visit, database
from twinplanner.domain.enums import AgeGroup, GenderPreference, Species
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.i18n import N_, _
from twinplanner.services import keys
from twinplanner.services import validation as check
from twinplanner.services.changes import Changes, Entity

_Cleaner = Callable[[object, str, str], object]


def _checked_on(value: object, field: str, label: str) -> dt.date | None:
    return check.date(value, field, label, earliest=dt.date(1990, 1, 1), latest=dt.date.today())


HOUSEHOLD_FIELDS: dict[str, tuple[str, _Cleaner]] = {
    "contact_name": (
        N_("The contact name"),
        lambda v, f, lb: check.text(v, f, lb, required=True, max_length=200),
    ),
    "members": (N_("The members"), check.text),
    "address": (N_("The address"), check.text),
    "district": (N_("The district"), check.text),
    "phone": (N_("The phone number"), check.phone),
    "email": (N_("The e-mail address"), check.email),
    "languages": (N_("The languages"), check.languages),
    "beds": (N_("The number of beds"), lambda v, f, lb: check.count(v, f, lb, maximum=50)),
    "double_beds": (
        N_("The number of double beds"),
        lambda v, f, lb: check.count(v, f, lb, maximum=25),
    ),
    "pets": (N_("The pets"), lambda v, f, lb: check.members_of(v, f, lb, Species)),
    "smoking": (N_("Smoking household"), check.flag),
    "step_free": (N_("Step-free"), check.flag),
    "minors_cleared": (N_("Cleared to host minors"), check.flag),
    "safeguarding_checked_on": (N_("The safeguarding check date"), _checked_on),
    "gender_preference": (
        N_("The gender preference"),
        lambda v, f, lb: check.choice(v, f, lb, GenderPreference),
    ),
    "age_group": (N_("The preferred age group"), lambda v, f, lb: check.choice(v, f, lb, AgeGroup)),
    "no_minors": (N_("No minors"), check.flag),
    "max_guests": (
        N_("The most guests"),
        lambda v, f, lb: check.count(v, f, lb, maximum=50, optional=True),
    ),
    "preferred_guests": (
        N_("The preferred number of guests"),
        lambda v, f, lb: check.count(v, f, lb, maximum=50, optional=True),
    ),
    "notes": (N_("The notes"), check.text),
}
OFFER_FIELDS = ("available_from", "available_until")
_KEY_FIELDS = {"contact_name", "members", "phone", "address"}


def clean_household_field(field: str, value: object) -> object:
    """The stored form of ``value`` for a household's ``field``; ValidationError when refused."""
    if field not in HOUSEHOLD_FIELDS:
        raise ValidationError(
            _("A household has no field “{field}”.").format(field=field), field=field
        )
    label, cleaner = HOUSEHOLD_FIELDS[field]
    return cleaner(value, field, label)


def _household(household_id: int) -> Household:
    h = Household.get_or_none(Household.id == household_id)
    if h is None:
        raise NotFoundError(_("There is no host household with id {id}.").format(id=household_id))
    return h


def _check_beds(beds: int, double_beds: int, field: str) -> None:
    if double_beds * 2 > beds:
        raise ValidationError(
            _(
                "{double_beds} double beds need at least {value} beds in all, "
                "but the household has {beds}."
            ).format(double_beds=double_beds, value=double_beds * 2, beds=beds),
            field=field,
        )


def update_household(household_id: int, field: str, value: object) -> Changes:
    """Change one field of a household; a refused value changes nothing and says why."""
    stored = clean_household_field(field, value)
    with database.atomic():
        h = _household(household_id)
        if field in ("beds", "double_beds"):
            beds = stored if field == "beds" else h.beds
            doubles = stored if field == "double_beds" else h.double_beds
            _check_beds(int(beds), int(doubles), field)  # type: ignore[arg-type]
        Household.update({getattr(Household, field): stored}).where(
            Household.id == household_id
        ).execute()
        if field in _KEY_FIELDS:
            keys.refresh_household(household_id)
    return Changes.of(Entity.HOUSEHOLD, household_id)


def create_household(
    contact_name: str,
    *,
    visit_id: int | None = None,
    town_id: int | None = None,
    household_id: int | None = None,
    **values: object,
) -> Changes:
    """Create a household, offering beds for ``visit_id`` when given; Changes names its id."""
    clean = {
        name: clean_household_field(name, value)
        for name, value in dict(values, contact_name=contact_name).items()
    }
    _check_beds(
        int(clean.get("beds", 1)),
        int(clean.get("double_beds", 0)),  # type: ignore[arg-type]
        "double_beds",
    )
    with database.atomic():
        if household_id is not None:
            clean["id"] = household_id
        h = Household.create(town=town_id, **clean)
        keys.refresh_household(h.id)
        if visit_id is not None:
            set_offer(visit_id, h.id)
    return Changes.of(Entity.HOUSEHOLD, h.id, message=str(clean["contact_name"]))


def delete_household(household_id: int) -> Changes:
    """Delete a household nobody has been placed with (used to undo its creation)."""
    with database.atomic():
        h = _household(household_id)
        if Placement.select().where(Placement.household == household_id).exists():
            raise ValidationError(
                _("Guests are placed with {household}; the household cannot be deleted.").format(
                    household=h.contact_name
                ),
                field="household",
            )
        h.delete_instance(recursive=False)
    return Changes.of(Entity.HOUSEHOLD, household_id)


def _clean_offer(values: Mapping[str, object]) -> dict[str, dt.datetime | None]:
    unknown = set(values) - set(OFFER_FIELDS)
    if unknown:
        raise ValidationError(
            _("An offer has no field {value}.").format(value=", ".join(sorted(unknown))),
            field=sorted(unknown)[0],
        )
    labels = {"available_from": N_("Available from"), "available_until": N_("Available until")}
    return {k: check.moment(v, k, labels[k]) for k, v in values.items()}


def set_offer(visit_id: int, household_id: int, **values: object) -> Changes:
    """Offer a household's beds for a visit (or change the dates it is available)."""
    clean = _clean_offer(values)
    with database.atomic():
        _household(household_id)
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise NotFoundError(_("There is no visit with id {id}.").format(id=visit_id))
        offer, _created = HostOffer.get_or_create(visit=visit_id, household=household_id)
        start = clean.get("available_from", offer.available_from) or visit.arrival_at
        end = clean.get("available_until", offer.available_until) or visit.departure_at
        if end <= start:
            raise ValidationError(
                _("The household must be available until after it is available from."),
                field="available_until",
            )
        if clean:
            HostOffer.update(**clean).where(HostOffer.id == offer.id).execute()
    return Changes.of(Entity.HOUSEHOLD, household_id)


def withdraw_offer(visit_id: int, household_id: int) -> Changes:
    """A household no longer offers beds for a visit (refused while guests are placed there)."""
    with database.atomic():
        h = _household(household_id)
        if (
            Placement.select()
            .where((Placement.visit == visit_id) & (Placement.household == household_id))
            .exists()
        ):
            raise ValidationError(
                _("Guests are placed with {household} for this visit; move them first.").format(
                    household=h.contact_name
                ),
                field="household",
            )
        HostOffer.delete().where(
            (HostOffer.visit == visit_id) & (HostOffer.household == household_id)
        ).execute()
    return Changes.of(Entity.HOUSEHOLD, household_id)


def update_field(visit_id: int | None, household_id: int, field: str, value: object) -> Changes:
    """Change one field shown for a host household, whichever record holds it."""
    if field in OFFER_FIELDS:
        if visit_id is None:
            raise ValidationError(_("The dates of an offer belong to a visit."), field=field)
        return set_offer(visit_id, household_id, **{field: value})
    return update_household(household_id, field, value)
