"""Write a planned import (people, parties, clubs, households) inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from twinplanner.data.models import (
    BaseModel,
    Club,
    HostOffer,
    Household,
    Membership,
    Participation,
    Party,
    Person,
    database,
)
from twinplanner.domain.enums import ClubKind, PartyKind
from twinplanner.domain.rules import ADULT_AGE, age_on
from twinplanner.domain.text import fold
from twinplanner.services.import_match import NEW, UNCHANGED, RowPlan, VisitContext
from twinplanner.services.keys import household_key, person_key

COUPLE_AGE_GAP = 16  # two adults of one name further apart in age are parent and child


def insert_rows(model: type[BaseModel], rows: Sequence[Mapping[str, object]]) -> list[int]:
    """Insert rows with the model's defaults filled in; returns the new ids (raw SQL, for speed)."""
    fields = [f for f in model._meta.sorted_fields if f.name != "id"]
    sql = (
        f"INSERT INTO {model._meta.table_name} ({', '.join(f.column_name for f in fields)})"
        f" VALUES ({', '.join('?' * len(fields))})"
    )
    cursor = database.cursor()
    ids = []
    for row in rows:
        params = []
        for f in fields:
            if f.name in row:
                value = row[f.name]
            elif callable(f.default):
                value = f.default()
            else:
                value = f.default
            params.append(f.db_value(value))
        cursor.execute(sql, params)
        ids.append(cursor.lastrowid)
    return ids


def _consents(columns: dict[str, object], today: dt.date) -> dict[str, object]:
    for name in ("consent_photos", "consent_health"):
        if columns.get(name) is True:
            columns[f"{name}_on"] = today
        elif columns.get(name) is False:
            columns[f"{name}_on"] = None
    return columns


def write_visitors(plans: Iterable[RowPlan], context: VisitContext) -> dict[str, set[int]]:
    """Create and update people, their participation, party and club; returns the ids touched."""
    today = dt.date.today()
    plans = [p for p in plans if p.action != UNCHANGED]
    touched: dict[str, set[int]] = defaultdict(set)
    new_plans = [p for p in plans if p.action == NEW]
    new_ids = insert_rows(
        Person,
        [
            {
                **_consents(dict(p.columns), today),
                "town": context.visitor_town_id,
                "search_key": person_key(
                    str(p.columns.get("full_name", "")),
                    str(p.columns.get("phone", "")),
                    str(p.columns.get("email", "")),
                ),
            }
            for p in new_plans
        ],
    )
    person_of = {id(p): pid for p, pid in zip(new_plans, new_ids, strict=True)}
    for plan in plans:
        if plan.action != NEW and plan.columns:
            Person.update(**_consents(dict(plan.columns), today)).where(
                Person.id == plan.target_id
            ).execute()
            person = Person.get_by_id(plan.target_id)
            Person.update(
                search_key=person_key(person.full_name, person.phone, person.email)
            ).where(Person.id == plan.target_id).execute()
        person_of.setdefault(id(plan), plan.target_id)  # type: ignore[arg-type]
    touched["person"].update(person_of.values())
    _write_parties(plans, person_of, context, touched)
    _write_clubs(plans, person_of, context, touched)
    return touched


def _write_parties(
    plans: list[RowPlan],
    person_of: dict[int, int],
    context: VisitContext,
    touched: dict[str, set[int]],
) -> None:
    visit_id = context.visit_id
    day = _visit_start(visit_id)
    parties: dict[str, int] = {}
    kinds: dict[int, str] = {}
    for pid, name, kind in (
        Party.select(Party.id, Party.name, Party.kind).where(Party.visit == visit_id).tuples()
    ):
        parties.setdefault(fold(name), pid)
        kinds[pid] = kind
    current = {
        pid: party_id
        for pid, party_id in Participation.select(Participation.person, Participation.party)
        .where(Participation.visit == visit_id)
        .tuples()
    }
    # First decide each person's party: an existing id, or the key of a party to create.
    new_parties: dict[str, tuple[str, list[RowPlan]]] = {}
    target: dict[int, int | str] = {}
    left: set[int] = set()
    grown: set[int] = set()
    for plan in plans:
        person_id = person_of[id(plan)]
        party_id = current.get(person_id)
        if plan.party:
            key = fold(plan.party)
            if key in parties:
                chosen: int | str = parties[key]
                if party_id != chosen:
                    grown.add(parties[key])
            else:
                chosen = key
                new_parties.setdefault(key, (plan.party, []))[1].append(plan)
            if party_id and party_id != chosen:
                left.add(party_id)
        elif party_id is None:
            chosen = f"\0person {person_id}"  # a party of one, named after the person
            new_parties[chosen] = (str(plan.columns.get("full_name") or plan.name), [plan])
        else:
            chosen = party_id
        target[person_id] = chosen
    keys = list(new_parties)
    ids = insert_rows(
        Party,
        [
            {
                "visit": visit_id,
                "name": new_parties[k][0],
                "kind": _kind_of(
                    [
                        (str(p.columns.get("full_name") or p.name), p.columns.get("birth_date"))
                        for p in new_parties[k][1]
                    ],
                    day,
                ),
            }
            for k in keys
        ],
    )
    created = dict(zip(keys, ids, strict=True))
    new_participations = []
    for plan in plans:
        person_id = person_of[id(plan)]
        chosen = target[person_id]
        party_id = created[chosen] if isinstance(chosen, str) else chosen
        touched["party"].add(party_id)
        if person_id in current:
            if current[person_id] != party_id or plan.joins_visit:
                Participation.update(party=party_id, is_guest=True).where(
                    (Participation.visit == visit_id) & (Participation.person == person_id)
                ).execute()
        else:
            new_participations.append(
                {"visit": visit_id, "person": person_id, "party": party_id, "is_guest": True}
            )
        current[person_id] = party_id
    insert_rows(Participation, new_participations)
    _settle_party_kinds(visit_id, {g for g in grown if kinds.get(g) == PartyKind.SINGLE}, day)
    for party_id in left - set(current.values()):
        Party.delete().where(Party.id == party_id).execute()
        touched["party"].add(party_id)


def _visit_start(visit_id: int) -> dt.date:
    start = database.execute_sql(
        "SELECT arrival_at FROM visit WHERE id = ?", (visit_id,)
    ).fetchone()[0]
    return dt.date.fromisoformat(str(start)[:10])


def _settle_party_kinds(visit_id: int, party_ids: set[int], day: dt.date) -> None:
    """A single party that grew gets its kind from its members."""
    if not party_ids:
        return
    members: dict[int, list[tuple[str, object]]] = defaultdict(list)
    for party_id, name, birth in (
        Participation.select(Participation.party, Person.full_name, Person.birth_date)
        .join(Person)
        .where(Participation.party.in_(sorted(party_ids)))
        .tuples()
    ):
        members[party_id].append((name, birth))
    for party_id in party_ids:
        people = members.get(party_id, [])
        if len(people) > 1:
            Party.update(kind=_kind_of(people, day)).where(Party.id == party_id).execute()


def _kind_of(people: list[tuple[str, object]], day: dt.date) -> str:
    """Single, couple (two adults of one name, close in age), family, or friends."""
    if len(people) <= 1:
        return PartyKind.SINGLE.value
    surnames = {fold(name.split()[-1]) for name, _ in people if name.split()}
    if len(surnames) > 1:
        return PartyKind.FRIENDS.value
    births = [b for _, b in people]
    adults = [b for b in births if not isinstance(b, dt.date) or (age_on(b, day) or 0) >= ADULT_AGE]
    if len(people) == 2 and len(adults) == 2:
        known = [b for b in births if isinstance(b, dt.date)]
        if len(known) < 2 or abs(known[0].year - known[1].year) < COUPLE_AGE_GAP:
            return PartyKind.COUPLE.value
    return PartyKind.FAMILY.value


def _write_clubs(
    plans: list[RowPlan],
    person_of: dict[int, int],
    context: VisitContext,
    touched: dict[str, set[int]],
) -> None:
    clubs: dict[str, int] = {}
    for cid, name, category in (
        Club.select(Club.id, Club.name, Club.category)
        .where(Club.town == context.visitor_town_id)
        .tuples()
    ):
        clubs.setdefault(fold(name), cid)
        if category:
            clubs.setdefault(fold(category), cid)
    existing = set(Membership.select(Membership.person, Membership.club).tuples())
    new = []
    for plan in plans:
        if not plan.club:
            continue
        key = fold(plan.club)
        if key not in clubs:
            clubs[key] = Club.insert(
                town=context.visitor_town_id, name=plan.club, kind=ClubKind.OTHER.value
            ).execute()
            touched["club"].add(clubs[key])
        pair = (person_of[id(plan)], clubs[key])
        if pair not in existing:
            existing.add(pair)
            new.append({"person": pair[0], "club": pair[1]})
    insert_rows(Membership, new)


def write_hosts(plans: Iterable[RowPlan], context: VisitContext) -> dict[str, set[int]]:
    """Create and update households and their offers for the visit; returns the ids touched."""
    touched: dict[str, set[int]] = defaultdict(set)
    plans = [p for p in plans if p.action != UNCHANGED]
    new_plans = [p for p in plans if p.action == NEW]
    new_ids = insert_rows(
        Household,
        [
            {
                **p.columns,
                "town": context.host_town_id,
                "search_key": household_key(
                    *(
                        str(p.columns.get(c, ""))
                        for c in ("contact_name", "members", "phone", "address")
                    )
                ),
            }
            for p in new_plans
        ],
    )
    household_of = {id(p): hid for p, hid in zip(new_plans, new_ids, strict=True)}
    for plan in plans:
        if plan.action != NEW and plan.columns:
            Household.update(**plan.columns).where(Household.id == plan.target_id).execute()
            h = Household.get_by_id(plan.target_id)
            Household.update(
                search_key=household_key(h.contact_name, h.members, h.phone, h.address)
            ).where(Household.id == plan.target_id).execute()
        household_of.setdefault(id(plan), plan.target_id)  # type: ignore[arg-type]
    offers = []
    for plan in plans:
        hid = household_of[id(plan)]
        if plan.joins_visit:
            offers.append({"visit": context.visit_id, "household": hid, **plan.offer})
        elif plan.offer:
            HostOffer.update(**plan.offer).where(
                (HostOffer.visit == context.visit_id) & (HostOffer.household == hid)
            ).execute()
    insert_rows(HostOffer, offers)
    touched["household"].update(household_of.values())
    return touched
