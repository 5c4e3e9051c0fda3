"""Privacy rules: retention purge with anonymous counts, safeguarding deletion, erasure.

Every write runs in one transaction and leaves a ``LogEntry`` that says what happened and
when, never whom it concerned.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from twinplanner.data.models import (
    Event,
    Household,
    LogEntry,
    Participation,
    Party,
    Person,
    Placement,
    PlacementExclusion,
    Setting,
    Visit,
    VisitStatistics,
    database,
)
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.domain.rules import age_on
from twinplanner.domain.text import fold
from twinplanner.i18n import _, ngettext
from twinplanner.services.changes import Changes, Entity

DEFAULT_RETENTION_YEARS = 3
RETENTION_KEY = "retention_years"
SAFEGUARDING_MONTHS = 3
ERASED = "[erased]"
_CHUNK = 500


@dataclass(frozen=True)
class PurgeCandidate:
    """A person or household the retention rule would purge."""

    id: int
    name: str
    last_seen: dt.date


@dataclass(frozen=True)
class PurgePreview:
    """What a purge would remove: shown to the organiser before they confirm."""

    years: int
    cutoff: dt.date
    people: tuple[PurgeCandidate, ...]
    households: tuple[PurgeCandidate, ...]
    visits_counted: tuple[int, ...]  # visits whose anonymous counts will be recorded first

    def __bool__(self) -> bool:
        return bool(self.people or self.households)


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def retention_years() -> int:
    """The retention period in years stored in the file (default 3)."""
    row = Setting.get_or_none(Setting.key == RETENTION_KEY)
    return int(row.value) if row is not None else DEFAULT_RETENTION_YEARS


def set_retention_years(years: int) -> Changes:
    """Store the retention period; 1 to 30 years."""
    if not 1 <= years <= 30:
        raise ValidationError(
            _("Retention: {years} years is out of range (1 to 30).").format(years=years),
            field="retention_years",
        )
    with database.atomic():
        Setting.replace(key=RETENTION_KEY, value=str(years)).execute()
        LogEntry.create(action="retention-set", detail=f"Retention period set to {years} years.")
    return Changes(message=_("Retention period: {years} years.").format(years=years))


def _last_seen_people() -> dict[int, dt.date]:
    """Each person's last day in a visit (participant, event participant or responsible)."""
    sql = """
        SELECT p.id, p.created_at, MAX(v.departure_at) FROM person p
        LEFT JOIN (
            SELECT person_id, visit_id FROM participation
            UNION SELECT ep.person_id, e.visit_id FROM event_person ep
                  JOIN event e ON e.id = ep.event_id
            UNION SELECT e.responsible_id, e.visit_id FROM event e
                  WHERE e.responsible_id IS NOT NULL
        ) x ON x.person_id = p.id
        LEFT JOIN visit v ON v.id = x.visit_id
        GROUP BY p.id
    """
    return {pid: _date(last or created) for pid, created, last in database.execute_sql(sql)}


def _last_seen_households() -> dict[int, dt.date]:
    """Each household's last day hosting or offering beds in a visit."""
    sql = """
        SELECT h.id, h.created_at, MAX(v.departure_at) FROM household h
        LEFT JOIN (
            SELECT household_id, visit_id FROM host_offer
            UNION SELECT household_id, visit_id FROM placement
        ) x ON x.household_id = h.id
        LEFT JOIN visit v ON v.id = x.visit_id
        GROUP BY h.id
    """
    return {hid: _date(last or created) for hid, created, last in database.execute_sql(sql)}


def _table(model: type) -> str:
    return model._meta.table_name  # type: ignore[attr-defined]


def preview_purge(years: int | None = None, *, today: dt.date | None = None) -> PurgePreview:
    """Who the retention rule would purge: no visit in the last ``years`` years."""
    years = retention_years() if years is None else years
    if not 1 <= years <= 30:
        raise ValidationError(
            _("Retention: {years} years is out of range (1 to 30).").format(years=years),
            field="years",
        )
    cutoff = _years_before(today or dt.date.today(), years)
    people_seen = _last_seen_people()
    homes_seen = _last_seen_households()
    person_ids = sorted(pid for pid, seen in people_seen.items() if seen < cutoff)
    home_ids = sorted(hid for hid, seen in homes_seen.items() if seen < cutoff)
    names = dict(Person.select(Person.id, Person.full_name).tuples())
    homes = dict(Household.select(Household.id, Household.contact_name).tuples())
    people = tuple(PurgeCandidate(i, names[i], people_seen[i]) for i in person_ids)
    households = tuple(PurgeCandidate(i, homes[i], homes_seen[i]) for i in home_ids)
    return PurgePreview(years, cutoff, people, households, _uncounted_visits(person_ids))


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def _uncounted_visits(
    person_ids: Sequence[int], *, ended_before: dt.datetime | None = None
) -> tuple[int, ...]:
    visits: set[int] = set()
    for chunk in _chunks(person_ids):
        query = Participation.select(Participation.visit).where(Participation.person.in_(chunk))
        visits.update(v for (v,) in query.tuples())
    counted = {v for (v,) in VisitStatistics.select(VisitStatistics.visit).tuples()}
    result = visits - counted
    if ended_before is not None:
        ended = {
            v for (v,) in Visit.select(Visit.id).where(Visit.departure_at < ended_before).tuples()
        }
        result &= ended
    return tuple(sorted(result))


def record_visit_statistics(visit_id: int) -> int:
    """Store anonymous counts per country of one visit's participants; returns rows written."""
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise NotFoundError(_("Visit {visit_id} does not exist.").format(visit_id=visit_id))
    sql = """
        SELECT COALESCE(t.country, ''), p.birth_date, pa.is_guest FROM participation pa
        JOIN person p ON p.id = pa.person_id LEFT JOIN town t ON t.id = p.town_id
        WHERE pa.visit_id = ?
    """
    day = _date(visit.arrival_at)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for country, birth, is_guest in database.execute_sql(sql, (visit_id,)):
        c = counts[country]
        c["participants"] += 1
        c["guests"] += 1 if is_guest else 0
        age = age_on(_date(birth), day) if birth else None
        c["age_unknown" if age is None else ("minors" if age < 18 else "adults")] += 1
    towns = visit.partnership
    label = visit.title or f"{towns.our_town.name} – {towns.partner_town.name}"
    with database.atomic():
        VisitStatistics.delete().where(VisitStatistics.visit == visit_id).execute()
        for country, c in sorted(counts.items()):
            VisitStatistics.create(
                visit=visit_id, visit_year=visit.year, visit_label=label, country=country, **c
            )
    return len(counts)


def purge(preview: PurgePreview, *, today: dt.date | None = None) -> Changes:
    """Purge what ``preview`` showed and the rule still selects, keeping anonymous counts."""
    fresh = preview_purge(preview.years, today=today)
    person_ids = sorted({c.id for c in preview.people} & {c.id for c in fresh.people})
    home_ids = sorted({c.id for c in preview.households} & {c.id for c in fresh.households})
    with database.atomic():
        visits = _uncounted_visits(person_ids)
        for visit_id in visits:
            record_visit_statistics(visit_id)
        _delete_people(person_ids)
        for chunk in _chunks(home_ids):
            Household.delete().where(Household.id.in_(chunk)).execute()
        LogEntry.create(
            action="retention-purge",
            detail=(
                f"Purged {len(person_ids)} people and {len(home_ids)} households with no "
                f"visit for {preview.years} years; anonymous counts kept for "
                f"{len(visits)} visits."
            ),
        )
    changes = Changes(
        message=_("Purged {people} people, {households} households.").format(
            people=len(person_ids), households=len(home_ids)
        )
    )
    if person_ids:
        changes |= Changes.of(Entity.PERSON, *person_ids) | Changes.of(Entity.PARTY)
    if home_ids:
        changes |= Changes.of(Entity.HOUSEHOLD, *home_ids) | Changes.of(Entity.PLACEMENT)
    return changes


def _delete_people(person_ids: Sequence[int]) -> None:
    """Delete people (links cascade) and the parties that are left empty by it."""
    parties: set[int] = set()
    for chunk in _chunks(person_ids):
        query = Participation.select(Participation.party).where(
            Participation.person.in_(chunk), Participation.party.is_null(False)
        )
        parties.update(p for (p,) in query.tuples())
        Person.delete().where(Person.id.in_(chunk)).execute()
    still_used = {
        p
        for (p,) in Participation.select(Participation.party)
        .where(Participation.party.is_null(False))
        .distinct()
        .tuples()
    }
    empty = sorted(parties - still_used)
    for chunk in _chunks(empty):
        Party.delete().where(Party.id.in_(chunk)).execute()


def expired_safeguarding(today: dt.date | None = None) -> list[tuple[int, str, dt.date]]:
    """Households whose safeguarding record is due for deletion: (id, name, visit end).

    A record serves the visits the household offered beds for or hosted that end on or after
    the check; it is deleted ``SAFEGUARDING_MONTHS`` months after the last of them ended,
    unless the household is offered for a visit not yet over.
    """
    today = today or dt.date.today()
    sql = """
        SELECT h.id, h.contact_name, h.safeguarding_checked_on, v.departure_at FROM household h
        JOIN (SELECT household_id, visit_id FROM host_offer
              UNION SELECT household_id, visit_id FROM placement) x ON x.household_id = h.id
        JOIN visit v ON v.id = x.visit_id
        WHERE h.minors_cleared = 1 OR h.safeguarding_checked_on IS NOT NULL
    """
    served: dict[int, list[dt.date]] = defaultdict(list)
    names: dict[int, str] = {}
    for hid, name, checked, departure in database.execute_sql(sql):
        names[hid] = name
        end = _date(departure)
        if checked is None or end >= _date(checked):
            served[hid].append(end)
    due = []
    for hid, ends in served.items():
        last = max(ends)
        if last < today and add_months(last, SAFEGUARDING_MONTHS) <= today:
            due.append((hid, names[hid], last))
    return sorted(due)


def delete_expired_safeguarding(today: dt.date | None = None) -> Changes:
    """Delete the safeguarding records that are due (the law asks for it; no confirmation)."""
    due = expired_safeguarding(today)
    if not due:
        return Changes()
    ids = [hid for hid, _, _ in due]
    with database.atomic():
        Household.update(minors_cleared=False, safeguarding_checked_on=None).where(
            Household.id.in_(ids)
        ).execute()
        LogEntry.create(
            action="safeguarding-deleted",
            detail=f"Safeguarding records of {len(ids)} households deleted "
            f"{SAFEGUARDING_MONTHS} months after their visit.",
        )
    return Changes.of(
        Entity.HOUSEHOLD,
        *ids,
        message=ngettext(
            "{n} safeguarding record deleted.", "{n} safeguarding records deleted.", len(ids)
        ).format(n=len(ids)),
    )


def _scrub(name: str) -> None:
    """Replace mentions of ``name`` in free text held elsewhere."""
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    key = fold(name)
    for model, field in (
        (Party, Party.name),
        (Placement, Placement.override_reason),
        (PlacementExclusion, PlacementExclusion.reason),
        (Event, Event.notes),
        (Household, Household.members),
        (Household, Household.notes),
        (LogEntry, LogEntry.detail),
    ):
        column = field.column_name
        rows = database.execute_sql(
            f"SELECT id, {column} FROM {_table(model)} WHERE instr(fold({column}), ?) > 0", (key,)
        )
        for row_id, text in rows.fetchall():
            cleaned = pattern.sub(ERASED, text)
            if cleaned == text:  # same name in other accents or case folding: drop the text
                cleaned = ERASED
            model.update({field: cleaned}).where(model.id == row_id).execute()


def erase_person(person_id: int, *, now: dt.datetime | None = None) -> Changes:
    """Erase a person everywhere; anonymous counts of ended visits are kept first."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise NotFoundError(_("Person {person_id} does not exist.").format(person_id=person_id))
    name = person.full_name
    with database.atomic():
        for visit_id in _uncounted_visits([person_id], ended_before=now or dt.datetime.now()):
            record_visit_statistics(visit_id)
        _delete_people([person_id])
        _scrub(name)
        LogEntry.create(
            action="person-erased", detail="The data of one person was erased on request."
        )
    return Changes.of(Entity.PERSON, person_id, message=_("Person erased.")) | Changes.of(
        Entity.PARTY
    )


@dataclass(frozen=True)
class StatisticsRow:
    """Anonymous counts of one visit's participants from one country."""

    visit_id: int | None
    visit_year: int
    visit_label: str
    country: str
    participants: int
    guests: int
    minors: int
    adults: int
    age_unknown: int


def visit_statistics(visit_id: int | None = None) -> list[StatisticsRow]:
    """The anonymous counts kept, for one visit or all, by year and country."""
    s = VisitStatistics
    query = s.select(
        s.visit,
        s.visit_year,
        s.visit_label,
        s.country,
        s.participants,
        s.guests,
        s.minors,
        s.adults,
        s.age_unknown,
    ).order_by(s.visit_year, s.visit, s.country)
    if visit_id is not None:
        query = query.where(s.visit == visit_id)
    return [StatisticsRow(*row) for row in query.tuples()]
