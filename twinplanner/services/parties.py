"""Parties: group selected visitors, take one out, and put parties back as they were (undo)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from twinplanner.data.models import Participation, Party, Person, Placement, database
from twinplanner.domain.enums import PartyKind
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.i18n import N_, _
from twinplanner.services import validation as check
from twinplanner.services.changes import Changes, Entity


@dataclass(frozen=True, slots=True)
class PartySnapshot:
    """A party as it was: enough to put it back after a regrouping is undone."""

    id: int
    name: str
    kind: str
    notes: str
    member_ids: tuple[int, ...]
    household_id: int | None
    locked: bool
    source: str
    override_reason: str


def party_snapshots(visit_id: int, party_ids: Iterable[int]) -> list[PartySnapshot]:
    """Snapshots of some parties of a visit, with members and placement."""
    result = []
    for party in Party.select().where((Party.visit == visit_id) & Party.id.in_(list(party_ids))):
        members = tuple(
            pa.person_id
            for pa in Participation.select(Participation.person)
            .where(Participation.party == party.id)
            .order_by(Participation.id)
        )
        pl = Placement.get_or_none(Placement.party == party.id)
        result.append(
            PartySnapshot(
                party.id,
                party.name,
                party.kind,
                party.notes,
                members,
                pl.household_id if pl else None,
                bool(pl and pl.locked),
                pl.source if pl else "hand",
                pl.override_reason if pl else "",
            )
        )
    return result


def _surname(full_name: str) -> str:
    return full_name.split()[-1] if full_name.split() else full_name


def default_party_name(names: Sequence[str]) -> str:
    """'Popescu' when all share a family name, else 'Morel & Blanc' or 'Morel & 3 others'."""
    surnames = list(dict.fromkeys(_surname(n) for n in names))
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) <= 3:
        return " & ".join(surnames)
    return f"{surnames[0]} & {len(surnames) - 1} others"


def group_into_party(
    visit_id: int,
    person_ids: Iterable[int],
    *,
    name: str = "",
    kind: str = "",
    party_id: int | None = None,
) -> Changes:
    """Put the chosen guests of a visit into one new party; parties left empty are deleted."""
    wanted = check.ids(person_ids, "people", N_("person"))
    if len(wanted) < 2:
        raise ValidationError(
            _("Choose at least two people to group into a party."), field="people"
        )
    with database.atomic():
        rows = list(
            Participation.select(Participation, Person)
            .join(Person)
            .where((Participation.visit == visit_id) & Participation.person.in_(wanted))
        )
        found = {pa.person_id: pa for pa in rows}
        for pid in wanted:
            if pid not in found:
                raise NotFoundError(
                    _("The person with id {id} does not take part in this visit.").format(id=pid)
                )
            if not found[pid].is_guest:
                raise ValidationError(
                    _("{name} is a local participant, not a guest to be housed.").format(
                        name=found[pid].person.full_name
                    ),
                    field="people",
                )
        old_ids = {pa.party_id for pa in rows}
        if len(old_ids) == 1 and None not in old_ids:
            others = (
                Participation.select()
                .where(
                    (Participation.party == next(iter(old_ids)))
                    & Participation.person.not_in(wanted)
                )
                .exists()
            )
            if not others:
                raise ValidationError(
                    _("These people already form a party of their own."), field="people"
                )
        names = [found[pid].person.full_name for pid in wanted]
        party_name = check.text(name, "name", N_("The party name")) or default_party_name(names)
        if not kind:
            kind = (
                PartyKind.FAMILY.value
                if len({_surname(n) for n in names}) == 1
                else PartyKind.FRIENDS.value
            )
        kind = check.choice(kind, "kind", N_("The kind of party"), PartyKind)
        fields = dict(visit=visit_id, name=party_name, kind=kind)
        if party_id is not None:
            fields["id"] = party_id
        party = Party.create(**fields)
        Participation.update(party=party).where(
            (Participation.visit == visit_id) & Participation.person.in_(wanted)
        ).execute()
        emptied = _delete_empty_parties(p for p in old_ids if p)
    return Changes(
        {
            Entity.PERSON: frozenset(wanted),
            Entity.PARTY: frozenset({party.id, *old_ids} - {None}),
            **({Entity.PLACEMENT: frozenset(emptied)} if emptied else {}),
        },
        message=party_name,
    )


def remove_from_party(visit_id: int, person_id: int, *, party_id: int | None = None) -> Changes:
    """Take a guest out of their party into a party of their own (not yet placed)."""
    with database.atomic():
        pa = Participation.get_or_none(
            (Participation.visit == visit_id) & (Participation.person == person_id)
        )
        if pa is None:
            raise NotFoundError(
                _("The person with id {id} does not take part in this visit.").format(id=person_id)
            )
        person = Person.get_by_id(person_id)
        if pa.party_id is None:
            raise ValidationError(
                _("{name} is in no party.").format(name=person.full_name), field="party"
            )
        alone = (
            not Participation.select()
            .where((Participation.party == pa.party_id) & (Participation.id != pa.id))
            .exists()
        )
        if alone:
            raise ValidationError(
                _("{name} is already alone in a party.").format(name=person.full_name),
                field="party",
            )
        old = pa.party_id
        fields = dict(visit=visit_id, name=person.full_name, kind=PartyKind.SINGLE.value)
        if party_id is not None:
            fields["id"] = party_id
        party = Party.create(**fields)
        Participation.update(party=party).where(Participation.id == pa.id).execute()
    return Changes(
        {Entity.PERSON: frozenset({person_id}), Entity.PARTY: frozenset({party.id, old})},
        message=person.full_name,
    )


def restore_parties(
    visit_id: int, snapshots: Sequence[PartySnapshot], drop: Iterable[int] = ()
) -> Changes:
    """Put parties back as the snapshots say (members, placement), then delete ``drop`` if empty."""
    with database.atomic():
        for snap in snapshots:
            party = Party.get_or_none(Party.id == snap.id)
            if party is None:
                Party.create(
                    id=snap.id, visit=visit_id, name=snap.name, kind=snap.kind, notes=snap.notes
                )
            else:
                Party.update(name=snap.name, kind=snap.kind, notes=snap.notes).where(
                    Party.id == snap.id
                ).execute()
            Participation.update(party=snap.id).where(
                (Participation.visit == visit_id) & Participation.person.in_(list(snap.member_ids))
            ).execute()
            Placement.delete().where(Placement.party == snap.id).execute()
            if snap.household_id is not None:
                Placement.create(
                    visit=visit_id,
                    party=snap.id,
                    household=snap.household_id,
                    locked=snap.locked,
                    source=snap.source,
                    override_reason=snap.override_reason,
                )
        emptied = _delete_empty_parties(drop)
    people = frozenset(pid for snap in snapshots for pid in snap.member_ids)
    return Changes(
        {
            Entity.PERSON: people,
            Entity.PARTY: frozenset({s.id for s in snapshots} | set(emptied)),
            Entity.PLACEMENT: frozenset(s.id for s in snapshots),
        }
    )


def _delete_empty_parties(party_ids: Iterable[int]) -> list[int]:
    """Delete the given parties that no longer have members; returns their ids."""
    emptied = []
    for party_id in set(party_ids):
        if not Participation.select().where(Participation.party == party_id).exists():
            Party.delete().where(Party.id == party_id).execute()
            emptied.append(party_id)
    return emptied


def parties_of(visit_id: int, person_ids: Iterable[int]) -> list[int]:
    """The ids of the parties these people belong to in a visit."""
    query = (
        Participation.select(Participation.party)
        .distinct()
        .where(
            (Participation.visit == visit_id)
            & Participation.person.in_(list(person_ids))
            & Participation.party.is_null(False)
        )
    )
    return [pa.party_id for pa in query]
