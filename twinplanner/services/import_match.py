"""Compare imported records with the database: who is new, who is known, and what would change."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from twinplanner.data.models import Club, Household, Partnership, Person, Visit, database
from twinplanner.domain.enums import Direction
from twinplanner.domain.errors import NotFoundError
from twinplanner.domain.text import fold, join_list
from twinplanner.i18n import _, current_language
from twinplanner.io.headers import HOSTS, spec_of
from twinplanner.io.records import WARNING, ParsedImport, Problem, Record

NEW = "new"
UPDATE = "update"
UNCHANGED = "unchanged"

PERSON_COLUMNS = (
    "full_name",
    "gender",
    "birth_date",
    "languages",
    "role",
    "dietary_needs",
    "allergies",
    "animal_allergies",
    "smoker",
    "needs_smoke_free",
    "needs_step_free",
    "phone",
    "email",
    "emergency_contact",
    "notes",
    "consent_photos",
    "consent_health",
)
HOUSEHOLD_COLUMNS = (
    "contact_name",
    "members",
    "address",
    "district",
    "phone",
    "email",
    "languages",
    "beds",
    "double_beds",
    "pets",
    "smoking",
    "step_free",
    "gender_preference",
    "age_group",
    "no_minors",
    "max_guests",
    "preferred_guests",
    "notes",
)
OFFER_COLUMNS = ("available_from", "available_until")


@dataclass(frozen=True, slots=True)
class RowPlan:
    """What importing one row would do: create, update or leave a record, and the changes."""

    row: int
    name: str
    action: str  # NEW, UPDATE or UNCHANGED
    target_id: int | None
    changes: tuple[str, ...] = ()
    columns: Mapping[str, object] = field(
        default_factory=dict, hash=False
    )  # stored values to write
    party: str | None = None  # visitors: the party to join (None: keep the present one)
    club: str | None = None
    joins_visit: bool = False  # needs a participation or host offer
    offer: Mapping[str, object] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class VisitContext:
    """The visit an import goes into: its id and the towns of its visitors and hosts."""

    visit_id: int
    visitor_town_id: int
    host_town_id: int


def visit_context(visit_id: int) -> VisitContext:
    """The towns of a visit's visitors and hosts; NotFoundError when there is no such visit."""
    row = (
        Visit.select(Visit.id, Visit.direction, Partnership.our_town, Partnership.partner_town)
        .join(Partnership)
        .where(Visit.id == visit_id)
        .tuples()
        .first()
    )
    if row is None:
        raise NotFoundError(_("There is no visit with id {id}.").format(id=visit_id))
    _year, direction, ours, theirs = row
    if direction == Direction.WE_HOST:
        return VisitContext(visit_id, theirs, ours)
    return VisitContext(visit_id, ours, theirs)


def stored(value: object) -> object:
    """A record value in the form a column stores it."""
    if isinstance(value, tuple):
        return join_list(value)
    return value


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def _same(old: object, new: object) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return old == new
    if isinstance(new, dt.date) and not isinstance(new, dt.datetime) and isinstance(old, str):
        return old[:10] == new.isoformat()
    if isinstance(new, dt.datetime) and isinstance(old, str):
        return old == str(new)
    if isinstance(new, bool):
        return bool(old) == new
    return old == new


def _diff(
    kind: str, current: Mapping[str, object], wanted: Mapping[str, object]
) -> tuple[dict, list[str]]:
    updates, lines = {}, []
    for column, value in wanted.items():
        old = current.get(column)
        if not _same(old, value):
            updates[column] = value
            name = "full_name" if column == "contact_name" else column
            label = spec_of(kind, name).label(current_language())
            lines.append(
                _("{field}: {old} → {new}").format(field=label, old=_shown(old), new=_shown(value))
            )
    return updates, lines


def _columns(record: Record, names: tuple[str, ...], rename: Mapping[str, str] = {}) -> dict:
    result = {}
    for key, value in record.values.items():
        column = rename.get(key, key)
        if column in names:
            result[column] = stored(value)
    return result


def plan_visitors(
    parsed: ParsedImport, context: VisitContext
) -> tuple[list[RowPlan], list[Problem]]:
    """Match each visitor with a stored person (name and birth date, or e-mail) and diff them."""
    by_key: dict[tuple[str, str], int] = {}
    by_email: dict[str, int] = {}
    rows: dict[int, dict] = {}
    for row in Person.select(Person.id, *[getattr(Person, c) for c in PERSON_COLUMNS]).dicts():
        rows[row["id"]] = row
        by_key.setdefault((fold(row["full_name"]), str(row["birth_date"] or "")[:10]), row["id"])
        if row["email"]:
            by_email.setdefault(row["email"].strip().casefold(), row["id"])
    in_visit: dict[int, tuple[int | None, bool]] = {}
    party_names: dict[int, str] = {}
    by_visit_name: dict[str, list[int]] = defaultdict(list)
    for pid, party_id, is_guest, party_name in database.execute_sql(
        "SELECT pa.person_id, pa.party_id, pa.is_guest, py.name FROM participation pa"
        " LEFT JOIN party py ON py.id = pa.party_id WHERE pa.visit_id = ?",
        (context.visit_id,),
    ):
        in_visit[pid] = (party_id, bool(is_guest))
        party_names[pid] = party_name or ""
        by_visit_name[fold(rows[pid]["full_name"])].append(pid)
    clubs = _clubs(context.visitor_town_id)
    plans, problems = [], []
    new_clubs: set[str] = set()
    for record in parsed.records:
        email = str(record.values.get("email", "")).strip().casefold()
        birth = record.values.get("birth_date")
        key = (fold(record.name), birth.isoformat() if isinstance(birth, dt.date) else "")
        target = by_key.get(key) or (by_email.get(email) if email else None)
        if target is None and birth is None and len(by_visit_name.get(key[0], [])) == 1:
            target = by_visit_name[key[0]][0]
        wanted = _columns(record, PERSON_COLUMNS)
        party = record.values.get("party")
        club = record.values.get("club")
        if club and fold(str(club)) not in clubs and fold(str(club)) not in new_clubs:
            new_clubs.add(fold(str(club)))
            problems.append(
                Problem(
                    record.row,
                    "",
                    _("The club “{club}” is new and will be created.").format(club=club),
                    WARNING,
                )
            )
        if target is None:
            plans.append(
                RowPlan(
                    record.row,
                    record.name,
                    NEW,
                    None,
                    (),
                    wanted,
                    str(party) if party else None,
                    str(club) if club else None,
                    True,
                )
            )
            continue
        updates, lines = _diff(parsed.kind, rows[target], wanted)
        joins = target not in in_visit or not in_visit[target][1]
        if target not in in_visit:
            lines.append(_("joins the visit"))
        elif not in_visit[target][1]:
            lines.append(_("becomes a guest of the visit"))
        if party and fold(str(party)) != fold(party_names.get(target, "")):
            lines.append(
                _("party: {old} → {new}").format(old=_shown(party_names.get(target)), new=party)
            )
            joins = True
        if club and target not in clubs.get(fold(str(club)), (0, set()))[1]:
            lines.append(_("club: + {club}").format(club=club))
        action = UPDATE if lines else UNCHANGED
        plans.append(
            RowPlan(
                record.row,
                record.name,
                action,
                target,
                tuple(lines),
                updates,
                str(party) if party else None,
                str(club) if club else None,
                joins,
            )
        )
    return plans, problems


def _clubs(town_id: int) -> dict[str, tuple[int, set[int]]]:
    """Clubs of a town by folded name (and category), with their members' ids."""
    members: dict[int, set[int]] = defaultdict(set)
    for person_id, club_id in database.execute_sql("SELECT person_id, club_id FROM membership"):
        members[club_id].add(person_id)
    result: dict[str, tuple[int, set[int]]] = {}
    for cid, name, category in (
        Club.select(Club.id, Club.name, Club.category).where(Club.town == town_id).tuples()
    ):
        result.setdefault(fold(name), (cid, members[cid]))
        if category:
            result.setdefault(fold(category), (cid, members[cid]))
    return result


def plan_hosts(parsed: ParsedImport, context: VisitContext) -> tuple[list[RowPlan], list[Problem]]:
    """Match each household by contact name and address, or e-mail, and diff it."""
    rows: dict[int, dict] = {}
    by_key: dict[tuple[str, str], int] = {}
    by_email: dict[str, int] = {}
    by_name: dict[str, list[int]] = defaultdict(list)
    for row in Household.select(
        Household.id, *[getattr(Household, c) for c in HOUSEHOLD_COLUMNS]
    ).dicts():
        rows[row["id"]] = row
        by_key.setdefault((fold(row["contact_name"]), fold(row["address"])), row["id"])
        by_name[fold(row["contact_name"])].append(row["id"])
        if row["email"]:
            by_email.setdefault(row["email"].strip().casefold(), row["id"])
    offers = {
        hid: (start, end)
        for hid, start, end in database.execute_sql(
            "SELECT household_id, available_from, available_until FROM host_offer"
            " WHERE visit_id = ?",
            (context.visit_id,),
        )
    }
    plans, problems = [], []
    for record in parsed.records:
        email = str(record.values.get("email", "")).strip().casefold()
        name = fold(record.name)
        address = fold(str(record.values.get("address", "")))
        target = by_key.get((name, address)) or (by_email.get(email) if email else None)
        if target is None and not address and len(by_name.get(name, [])) == 1:
            target = by_name[name][0]
        wanted = _columns(record, HOUSEHOLD_COLUMNS, {"full_name": "contact_name"})
        offer = {c: record.values[c] for c in OFFER_COLUMNS if c in record.values}
        current = rows.get(target, {}) if target else {}
        beds = wanted.get("beds", current.get("beds", 1))
        doubles = wanted.get("double_beds", current.get("double_beds", 0))
        if isinstance(beds, int) and isinstance(doubles, int) and doubles * 2 > beds:
            problems.append(
                Problem(
                    record.row,
                    "",
                    _("{double_beds} double beds need at least {needed} beds, not {beds}.").format(
                        double_beds=doubles, needed=doubles * 2, beds=beds
                    ),
                )
            )
        if target is None:
            if "beds" not in wanted:
                problems.append(
                    Problem(record.row, "", _("No number of beds given; counted as 1."), WARNING)
                )
            plans.append(
                RowPlan(
                    record.row, record.name, NEW, None, (), wanted, joins_visit=True, offer=offer
                )
            )
            continue
        updates, lines = _diff(HOSTS, current, wanted)
        joins = target not in offers
        if joins:
            lines.append(_("offers beds for the visit"))
        else:
            offer_updates, offer_lines = _diff(
                HOSTS, dict(zip(OFFER_COLUMNS, offers[target], strict=True)), offer
            )
            offer = offer_updates
            lines.extend(offer_lines)
        action = UPDATE if lines else UNCHANGED
        plans.append(
            RowPlan(
                record.row,
                record.name,
                action,
                target,
                tuple(lines),
                updates,
                joins_visit=joins,
                offer=offer,
            )
        )
    return plans, problems
