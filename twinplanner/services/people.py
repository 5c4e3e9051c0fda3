"""Visitors: create, change one field at a time, take part in a visit, group into parties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from twinplanner.data.models import Club, Membership, Participation, Party, Person, Visit, database
from twinplanner.domain.enums import Gender, PartyKind, Role, Species
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.i18n import N_, _
from twinplanner.services import keys
from twinplanner.services import validation as check
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.parties import (  # noqa: F401  (people are grouped from here)
    PartySnapshot,
    _delete_empty_parties,
    group_into_party,
    parties_of,
    party_snapshots,
    remove_from_party,
    restore_parties,
)


def _birth(value: object, field: str, label: str) -> dt.date | None:
    return check.date(value, field, label, earliest=dt.date(1900, 1, 1), latest=dt.date.today())


_Cleaner = Callable[[object, str, str], object]

# field -> (label used in messages, cleaner turning a plain value into the stored value)
PERSON_FIELDS: dict[str, tuple[str, _Cleaner]] = {
    "full_name": (
        N_("The name"),
        lambda v, f, lb: check.text(v, f, lb, required=True, max_length=200),
    ),
    "gender": (N_("The gender"), lambda v, f, lb: check.choice(v, f, lb, Gender)),
    "birth_date": (N_("The birth date"), _birth),
    "languages": (N_("The languages"), check.languages),
    "role": (N_("The role"), lambda v, f, lb: check.choice(v, f, lb, Role)),
    "dietary_needs": (N_("The dietary needs"), check.text),
    "allergies": (N_("The allergies"), check.text),
    "animal_allergies": (
        N_("The animal allergies"),
        lambda v, f, lb: check.members_of(v, f, lb, Species),
    ),
    "smoker": (N_("Smoker"), check.flag),
    "needs_smoke_free": (N_("Needs a smoke-free home"), check.flag),
    "needs_step_free": (N_("Needs a step-free home"), check.flag),
    "phone": (N_("The phone number"), check.phone),
    "email": (N_("The e-mail address"), check.email),
    "emergency_contact": (N_("The emergency contact"), check.text),
    "notes": (N_("The notes"), check.text),
    "consent_photos": (N_("Consent to photos"), check.flag),
    "consent_health": (N_("Consent to share health data"), check.flag),
}
PARTICIPATION_FIELDS: dict[str, tuple[str, _Cleaner]] = {
    "is_guest": (N_("Guest (to be housed)"), check.flag),
    "arrival_at": (N_("The own arrival"), check.moment),
    "departure_at": (N_("The own departure"), check.moment),
}
_KEY_FIELDS = {"full_name", "phone", "email"}


def clean_person_field(field: str, value: object) -> object:
    """The stored form of ``value`` for a person's ``field``; ValidationError when refused."""
    if field not in PERSON_FIELDS:
        raise ValidationError(
            _("A person has no field “{field}”.").format(field=field), field=field
        )
    label, cleaner = PERSON_FIELDS[field]
    return cleaner(value, field, label)


def _person(person_id: int) -> Person:
    p = Person.get_or_none(Person.id == person_id)
    if p is None:
        raise NotFoundError(_("There is no person with id {id}.").format(id=person_id))
    return p


def _participation(visit_id: int, person_id: int) -> Participation:
    pa = Participation.get_or_none(
        (Participation.visit == visit_id) & (Participation.person == person_id)
    )
    if pa is None:
        name = _person(person_id).full_name
        raise NotFoundError(_("{name} does not take part in this visit.").format(name=name))
    return pa


def update_person(person_id: int, field: str, value: object) -> Changes:
    """Change one field of a person; a refused value changes nothing and says why."""
    stored = clean_person_field(field, value)
    extra: dict[str, object] = {}
    if field in ("consent_photos", "consent_health"):
        extra[f"{field}_on"] = dt.date.today() if stored else None
    with database.atomic():
        _person(person_id)
        Person.update(
            {getattr(Person, field): stored, **{getattr(Person, k): v for k, v in extra.items()}}
        ).where(Person.id == person_id).execute()
        if field in _KEY_FIELDS:
            keys.refresh_person(person_id)
    return Changes.of(Entity.PERSON, person_id)


def update_participation(visit_id: int, person_id: int, field: str, value: object) -> Changes:
    """Change how a person takes part in a visit: guest or local, own arrival and departure."""
    if field not in PARTICIPATION_FIELDS:
        raise ValidationError(
            _("Taking part in a visit has no field “{field}”.").format(field=field), field=field
        )
    label, cleaner = PARTICIPATION_FIELDS[field]
    stored = cleaner(value, field, label)
    with database.atomic():
        pa = _participation(visit_id, person_id)
        visit = Visit.get_by_id(visit_id)
        arrival = stored if field == "arrival_at" else pa.arrival_at
        departure = stored if field == "departure_at" else pa.departure_at
        first = arrival or visit.arrival_at
        last = departure or visit.departure_at
        if last <= first:
            raise ValidationError(_("The departure must come after the arrival."), field=field)
        Participation.update({getattr(Participation, field): stored}).where(
            Participation.id == pa.id
        ).execute()
    return Changes.of(Entity.PERSON, person_id)


def set_clubs(person_id: int, club_ids: Iterable[int]) -> Changes:
    """Replace the clubs a person belongs to."""
    wanted = list(dict.fromkeys(int(c) for c in club_ids))
    with database.atomic():
        _person(person_id)
        known = {c.id for c in Club.select(Club.id).where(Club.id.in_(wanted))}
        missing = [c for c in wanted if c not in known]
        if missing:
            raise ValidationError(
                _("There is no club with id {id}.").format(id=missing[0]), field="club_ids"
            )
        Membership.delete().where(Membership.person == person_id).execute()
        for club_id in wanted:
            Membership.create(person=person_id, club=club_id)
    return Changes.of(Entity.PERSON, person_id)


def update_field(visit_id: int | None, person_id: int, field: str, value: object) -> Changes:
    """Change one field shown for a visitor, whichever record holds it."""
    if field == "club_ids":
        return set_clubs(person_id, value)  # type: ignore[arg-type]
    if field in PARTICIPATION_FIELDS:
        if visit_id is None:
            raise ValidationError(
                _("{field} belongs to a visit.").format(field=_(PARTICIPATION_FIELDS[field][0])),
                field=field,
            )
        return update_participation(visit_id, person_id, field, value)
    return update_person(person_id, field, value)


def create_person(
    full_name: str,
    *,
    visit_id: int | None = None,
    is_guest: bool = True,
    town_id: int | None = None,
    person_id: int | None = None,
    party_id: int | None = None,
    **values: object,
) -> Changes:
    """Create a person, taking part in ``visit_id`` when given; a guest gets a party of their own."""
    clean = {
        name: clean_person_field(name, value)
        for name, value in dict(values, full_name=full_name).items()
    }
    with database.atomic():
        if visit_id is not None and Visit.get_or_none(Visit.id == visit_id) is None:
            raise NotFoundError(_("There is no visit with id {id}.").format(id=visit_id))
        if person_id is not None:
            clean["id"] = person_id
        person = Person.create(town=town_id, **clean)
        keys.refresh_person(person.id)
        changes = Changes.of(Entity.PERSON, person.id, message=str(clean["full_name"]))
        if visit_id is not None:
            changes = changes | add_to_visit(
                visit_id, person.id, is_guest=is_guest, party_id=party_id
            )
    return changes


def delete_person(person_id: int) -> Changes:
    """Delete a person and the parties they leave empty (used to undo their creation)."""
    with database.atomic():
        _person(person_id)
        party_ids = [
            pa.party_id
            for pa in Participation.select().where(Participation.person == person_id)
            if pa.party_id
        ]
        Person.delete().where(Person.id == person_id).execute()
        emptied = _delete_empty_parties(party_ids)
    return Changes.of(Entity.PERSON, person_id) | (
        Changes.of(Entity.PARTY, *emptied) if emptied else Changes()
    )


def add_to_visit(
    visit_id: int, person_id: int, *, is_guest: bool = True, party_id: int | None = None
) -> Changes:
    """Let a person take part in a visit; a guest gets a party of their own (to be housed)."""
    with database.atomic():
        person = _person(person_id)
        if (
            Participation.select()
            .where((Participation.visit == visit_id) & (Participation.person == person_id))
            .exists()
        ):
            raise ValidationError(
                _("{name} already takes part in this visit.").format(name=person.full_name),
                field="visit",
            )
        party = None
        if is_guest:
            fields = dict(visit=visit_id, name=person.full_name, kind=PartyKind.SINGLE.value)
            if party_id is not None:
                fields["id"] = party_id
            party = Party.create(**fields)
        Participation.create(visit=visit_id, person=person_id, party=party, is_guest=is_guest)
    changes = Changes.of(Entity.PERSON, person_id)
    return changes | Changes.of(Entity.PARTY, party.id) if party else changes


def remove_from_visit(visit_id: int, person_id: int) -> Changes:
    """A person no longer takes part in a visit; a party left empty is deleted."""
    with database.atomic():
        pa = _participation(visit_id, person_id)
        party_id = pa.party_id
        pa.delete_instance()
        emptied = _delete_empty_parties([party_id] if party_id else [])
    return Changes.of(Entity.PERSON, person_id) | (
        Changes.of(Entity.PARTY, *emptied) if emptied else Changes()
    )
