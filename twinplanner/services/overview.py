"""The overview of a visit: counts, and the checklist of what still needs doing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from twinplanner.data import queries
from twinplanner.domain.rows import HouseholdRow, PersonRow


class TodoKind(StrEnum):
    """The kinds of open task the overview lists."""

    PARTIES_NOT_PLACED = "parties_not_placed"
    NO_EMERGENCY_CONTACT = "no_emergency_contact"
    HOUSEHOLDS_WITHOUT_PHONE = "households_without_phone"
    MINORS_WITHOUT_CONSENT = "minors_without_consent"
    PROGRAMME_CONFLICTS = "programme_conflicts"


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One open task: how many records, which ones (ids and names)."""

    kind: TodoKind
    ids: tuple[int, ...]
    names: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many records need the task."""
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class VisitOverview:
    """Counts of a visit and its checklist."""

    visit_id: int
    guests: int
    locals: int
    minors: int
    parties: int
    parties_placed: int
    households: int
    beds: int
    beds_free: int
    todo: tuple[TodoItem, ...]
    clubs: tuple[tuple[str, int], ...] = ()  # club name, people of the visit in it
    languages: tuple[tuple[str, int, int], ...] = ()  # code, guests speaking it, households
    own_times: tuple[tuple[str, dt.datetime | None, dt.datetime | None], ...] = ()

    @property
    def open_tasks(self) -> int:
        """Records that still need something done, over all tasks."""
        return sum(item.count for item in self.todo)


def visit_overview(
    visit_id: int,
    people: list[PersonRow] | None = None,
    households: list[HouseholdRow] | None = None,
) -> VisitOverview:
    """Count a visit's people, parties and beds, and list what still needs doing.

    ``people`` and ``households`` may be passed when the caller has just read them.
    """
    if people is None:
        people = queries.visit_people(visit_id)
    if households is None:
        households = queries.visit_households(visit_id)
    # Parties with members in the visit, from the people rows (no second query).
    party_names: dict[int, str] = {}
    placed: set[int] = set()
    for p in people:
        if p.party_id is not None:
            party_names[p.party_id] = p.party_name
            if p.household_id is not None:
                placed.add(p.party_id)
    guests = [p for p in people if p.is_guest]
    unplaced = sorted(
        ((pid, name) for pid, name in party_names.items() if pid not in placed),
        key=lambda item: item[1].casefold(),
    )
    no_contact = sorted(
        (p for p in guests if not p.emergency_contact.strip()), key=lambda p: p.full_name.casefold()
    )
    no_phone = [h for h in households if not h.phone.strip()]
    no_consent = sorted(
        (p for p in people if p.is_minor and not (p.consent_photos and p.consent_health)),
        key=lambda p: p.full_name.casefold(),
    )
    todo = [
        TodoItem(
            TodoKind.PARTIES_NOT_PLACED,
            tuple(pid for pid, _ in unplaced),
            tuple(name for _, name in unplaced),
        ),
        TodoItem(
            TodoKind.NO_EMERGENCY_CONTACT,
            tuple(p.id for p in no_contact),
            tuple(p.full_name for p in no_contact),
        ),
        TodoItem(
            TodoKind.HOUSEHOLDS_WITHOUT_PHONE,
            tuple(h.id for h in no_phone),
            tuple(h.contact_name for h in no_phone),
        ),
        TodoItem(
            TodoKind.MINORS_WITHOUT_CONSENT,
            tuple(p.id for p in no_consent),
            tuple(p.full_name for p in no_consent),
        ),
    ]
    todo.append(TodoItem(TodoKind.PROGRAMME_CONFLICTS, *_programme_conflicts(visit_id, people)))
    beds = sum(h.beds for h in households)
    clubs = Counter(club for p in people for club in p.clubs)
    guest_languages = Counter(code for p in guests for code in p.languages)
    host_languages = Counter(code for h in households for code in h.languages)
    codes = sorted(
        set(guest_languages) | set(host_languages),
        key=lambda c: (-guest_languages[c], -host_languages[c], c),
    )
    return VisitOverview(
        visit_id=visit_id,
        guests=len(guests),
        locals=len(people) - len(guests),
        minors=sum(1 for p in people if p.is_minor),
        parties=len(party_names),
        parties_placed=len(party_names) - len(unplaced),
        households=len(households),
        beds=beds,
        beds_free=sum(h.beds_free for h in households),
        todo=tuple(todo),
        clubs=tuple(sorted(clubs.items(), key=lambda item: (-item[1], item[0]))),
        languages=tuple((c, guest_languages[c], host_languages[c]) for c in codes),
        own_times=tuple(
            (p.full_name, p.arrival_at, p.departure_at)
            for p in people
            if p.arrival_at is not None or p.departure_at is not None
        ),
    )


def _programme_conflicts(
    visit_id: int, people: list[PersonRow]
) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The programme's conflicts: the first event of each, and its sentence."""
    from twinplanner.services.programme import check_visit

    found = check_visit(visit_id, people)
    return (
        tuple(c.event_ids[0] if c.event_ids else 0 for c in found),
        tuple(c.message for c in found),
    )
