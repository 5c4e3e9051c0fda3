"""Partnerships, their awards and their visits: create and update with validation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from twinplanner.data.models import Award, Partnership, Town, Visit, database
from twinplanner.domain.enums import AwardKind, Direction, PartnershipKind, VisitStatus
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.i18n import N_, _
from twinplanner.services import validation as check
from twinplanner.services.changes import Changes, Entity


def _town(name: object, country: object, language: object, side: str) -> Town:
    """Find or create a town, checking name, country and language."""
    label = _("The name of our town") if side == "our" else _("The name of the partner town")
    town_name = check.text(name, f"{side}_town", label, required=True)
    code = check.text(country, f"{side}_country", N_("The country code")).upper()
    if len(code) != 2 or not code.isalpha():
        raise ValidationError(
            _(
                "The country of {town} must be a two-letter code such as DE or FR, not “{code}”."
            ).format(town=town_name, code=code),
            field=f"{side}_country",
        )
    lang = check.languages(
        language, f"{side}_language", _("The language of {town}").format(town=town_name)
    )
    if not lang or "," in lang:
        raise ValidationError(
            _("Give one language code for {town}, such as de.").format(town=town_name),
            field=f"{side}_language",
        )
    town, created = Town.get_or_create(name=town_name, country=code, defaults={"language": lang})
    if not created and town.language != lang:
        Town.update(language=lang).where(Town.id == town.id).execute()
    return town


def create_partnership(
    our_town: str,
    our_country: str,
    our_language: str,
    partner_town: str,
    partner_country: str,
    partner_language: str,
    *,
    kind: str = PartnershipKind.FORMAL.value,
    since: dt.date | None = None,
    charter_signed_on: dt.date | None = None,
    notes: str = "",
    partnership_id: int | None = None,
) -> Changes:
    """Create a partnership between two towns (created as needed); Changes names its id."""
    kind = check.choice(kind, "kind", N_("The kind of partnership"), PartnershipKind)
    since = check.date(since, "since", N_("The start date"))
    signed = check.date(charter_signed_on, "charter_signed_on", N_("The charter date"))
    notes = check.text(notes, "notes", N_("Notes"))
    with database.atomic():
        ours = _town(our_town, our_country, our_language, "our")
        theirs = _town(partner_town, partner_country, partner_language, "partner")
        if ours.id == theirs.id:
            raise ValidationError(_("A town cannot be its own partner."), field="partner_town")
        if (
            Partnership.select()
            .where((Partnership.our_town == ours) & (Partnership.partner_town == theirs))
            .exists()
        ):
            raise ValidationError(
                _("{town} and {partner} are already partners.").format(
                    town=ours.name, partner=theirs.name
                ),
                field="partner_town",
            )
        fields = dict(
            our_town=ours,
            partner_town=theirs,
            kind=kind,
            since=since,
            charter_signed_on=signed,
            notes=notes,
        )
        if partnership_id is not None:
            fields["id"] = partnership_id
        p = Partnership.create(**fields)
    return Changes.of(Entity.PARTNERSHIP, p.id, message=f"{ours.name} – {theirs.name}")


_PARTNERSHIP_FIELDS = {"kind", "since", "charter_signed_on", "notes"}


def update_partnership(partnership_id: int, values: Mapping[str, object]) -> Changes:
    """Change the kind, dates or notes of a partnership."""
    unknown = set(values) - _PARTNERSHIP_FIELDS
    if unknown:
        raise ValidationError(
            _("A partnership has no field {value}.").format(value=", ".join(sorted(unknown))),
            field=sorted(unknown)[0],
        )
    clean: dict[str, object] = {}
    if "kind" in values:
        clean["kind"] = check.choice(
            values["kind"], "kind", N_("The kind of partnership"), PartnershipKind
        )
    for name, label in (
        ("since", N_("The start date")),
        ("charter_signed_on", N_("The charter date")),
    ):
        if name in values:
            clean[name] = check.date(values[name], name, label)
    if "notes" in values:
        clean["notes"] = check.text(values["notes"], "notes", N_("Notes"))
    with database.atomic():
        _partnership(partnership_id)
        if clean:
            Partnership.update(**clean).where(Partnership.id == partnership_id).execute()
    return Changes.of(Entity.PARTNERSHIP, partnership_id)


def delete_partnership(partnership_id: int) -> Changes:
    """Delete a partnership that has no visits (used to undo its creation)."""
    with database.atomic():
        _partnership(partnership_id)
        if Visit.select().where(Visit.partnership == partnership_id).exists():
            raise ValidationError(
                _("This partnership has visits; delete them first."), field="partnership"
            )
        Partnership.delete().where(Partnership.id == partnership_id).execute()
    return Changes.of(Entity.PARTNERSHIP, partnership_id)


def set_awards(partnership_id: int, awards: Iterable[tuple[str, int]]) -> Changes:
    """Replace the Council of Europe awards of a partnership (each kind once, in award order)."""
    clean: dict[str, int] = {}
    for kind, year in awards:
        kind = check.choice(kind, "awards", N_("The award"), AwardKind)
        year_value = check.count(
            year, "awards", N_("The year of the award"), minimum=1950, maximum=2200
        )
        if kind in clean:
            raise ValidationError(
                _("The award {kind} is listed twice.").format(kind=kind), field="awards"
            )
        clean[kind] = int(year_value or 0)
    ordered = sorted(clean.items(), key=lambda item: AwardKind(item[0]).rank)
    years = [year for _, year in ordered]
    if years != sorted(years):
        raise ValidationError(
            _(
                "Awards come in order: diploma, plaque, flag, Europe Prize; "
                "a later award cannot have an earlier year."
            ),
            field="awards",
        )
    with database.atomic():
        _partnership(partnership_id)
        Award.delete().where(Award.partnership == partnership_id).execute()
        for kind, year in ordered:
            Award.create(partnership=partnership_id, kind=kind, year=year)
    return Changes.of(Entity.PARTNERSHIP, partnership_id)


def _partnership(partnership_id: int) -> Partnership:
    p = Partnership.get_or_none(Partnership.id == partnership_id)
    if p is None:
        raise NotFoundError(_("There is no partnership with id {id}.").format(id=partnership_id))
    return p


VISIT_FIELDS = (
    "year",
    "title",
    "direction",
    "arrival_at",
    "departure_at",
    "arrival_place",
    "departure_place",
    "status",
    "working_languages",
)


def _clean_visit(values: Mapping[str, object]) -> dict[str, object]:
    unknown = set(values) - set(VISIT_FIELDS)
    if unknown:
        raise ValidationError(
            _("A visit has no field {value}.").format(value=", ".join(sorted(unknown))),
            field=sorted(unknown)[0],
        )
    clean: dict[str, object] = {}
    for name, value in values.items():
        if name == "year":
            clean[name] = check.count(value, name, N_("The year"), minimum=1950, maximum=2200)
        elif name in ("title", "arrival_place", "departure_place"):
            clean[name] = check.text(value, name, name.replace("_", " ").capitalize())
        elif name == "direction":
            clean[name] = check.choice(value, name, N_("The direction"), Direction)
        elif name == "status":
            clean[name] = check.choice(value, name, N_("The status"), VisitStatus)
        elif name in ("arrival_at", "departure_at"):
            label = N_("The arrival") if name == "arrival_at" else N_("The departure")
            clean[name] = check.moment(value, name, label, required=True)
        elif name == "working_languages":
            clean[name] = check.languages(value, name, N_("The working languages"))
    return clean


def _check_dates(arrival: dt.datetime, departure: dt.datetime, year: int) -> None:
    if departure <= arrival:
        raise ValidationError(_("The departure must come after the arrival."), field="departure_at")
    if (departure - arrival).days > 60:
        raise ValidationError(
            _("A visit lasts at most 60 days; check the departure date."), field="departure_at"
        )
    if arrival.year != year:
        raise ValidationError(
            _("The arrival ({arrival}) is not in the visit's year {year}.").format(
                arrival=format(arrival, "%Y-%m-%d"), year=year
            ),
            field="arrival_at",
        )


def create_visit(
    partnership_id: int,
    year: int,
    arrival_at: dt.datetime,
    departure_at: dt.datetime,
    *,
    visit_id: int | None = None,
    **values: object,
) -> Changes:
    """Create a visit of a partnership; Changes names its id."""
    clean = _clean_visit(dict(values, year=year, arrival_at=arrival_at, departure_at=departure_at))
    _check_dates(clean["arrival_at"], clean["departure_at"], clean["year"])  # type: ignore[arg-type]
    with database.atomic():
        _partnership(partnership_id)
        if visit_id is not None:
            clean["id"] = visit_id
        v = Visit.create(partnership=partnership_id, **clean)
    return Changes.of(Entity.VISIT, v.id, message=_("Visit {year}").format(year=year))


def update_visit(visit_id: int, values: Mapping[str, object]) -> Changes:
    """Change fields of a visit; the dates are checked together with the stored ones."""
    clean = _clean_visit(values)
    with database.atomic():
        v = Visit.get_or_none(Visit.id == visit_id)
        if v is None:
            raise NotFoundError(_("There is no visit with id {id}.").format(id=visit_id))
        arrival = clean.get("arrival_at", v.arrival_at)
        departure = clean.get("departure_at", v.departure_at)
        year = clean.get("year", v.year)
        _check_dates(arrival, departure, year)  # type: ignore[arg-type]
        if clean:
            Visit.update(**clean).where(Visit.id == visit_id).execute()
    return Changes.of(Entity.VISIT, visit_id)


def delete_visit(visit_id: int) -> Changes:
    """Delete a visit nobody takes part in yet (used to undo its creation)."""
    from twinplanner.data.models import Event, HostOffer, Participation

    with database.atomic():
        if Visit.get_or_none(Visit.id == visit_id) is None:
            raise NotFoundError(_("There is no visit with id {id}.").format(id=visit_id))
        refusals = (
            (Participation, _("This visit already has people; it cannot be deleted here.")),
            (HostOffer, _("This visit already has host households; it cannot be deleted here.")),
            (Event, _("This visit already has events; it cannot be deleted here.")),
        )
        for model, refusal in refusals:
            if model.select().where(model.visit == visit_id).exists():
                raise ValidationError(refusal, field="visit")
        Visit.delete().where(Visit.id == visit_id).execute()
    return Changes.of(Entity.VISIT, visit_id)
