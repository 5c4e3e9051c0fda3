"""Frozen snapshots of stored records: what crosses from the data layer to the others."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TownRow:
    """A town or association."""

    id: int
    name: str
    country: str
    language: str


@dataclass(frozen=True, slots=True)
class AwardRow:
    """A Council of Europe award."""

    kind: str
    year: int


@dataclass(frozen=True, slots=True)
class PartnershipRow:
    """A partnership between our town and a partner town."""

    id: int
    our_town: TownRow
    partner_town: TownRow
    kind: str
    since: dt.date | None
    charter_signed_on: dt.date | None
    notes: str
    awards: tuple[AwardRow, ...] = ()

    @property
    def label(self) -> str:
        """'Lindenfeld – Beaulieu-sur-Loire'."""
        return f"{self.our_town.name} – {self.partner_town.name}"


@dataclass(frozen=True, slots=True)
class VisitRow:
    """A visit of a partnership."""

    id: int
    partnership_id: int
    partnership_label: str
    year: int
    title: str
    direction: str
    arrival_at: dt.datetime
    departure_at: dt.datetime
    arrival_place: str
    departure_place: str
    status: str
    working_languages: tuple[str, ...]
    settings: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def label(self) -> str:
        """'2026 · Beaulieu-sur-Loire in Lindenfeld'-style short label."""
        return f"{self.year} · {self.title or self.partnership_label}"


@dataclass(frozen=True, slots=True)
class ClubRow:
    """A club, ensemble or team."""

    id: int
    town_id: int
    town_name: str
    name: str
    kind: str
    category: str


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person, with their participation in one visit when read for a visit."""

    id: int
    full_name: str
    gender: str
    birth_date: dt.date | None
    languages: tuple[str, ...]
    town_id: int | None
    town_name: str
    country: str
    role: str
    dietary_needs: str
    allergies: str
    animal_allergies: tuple[str, ...]
    smoker: bool
    needs_smoke_free: bool
    needs_step_free: bool
    phone: str
    email: str
    emergency_contact: str
    notes: str
    consent_photos: bool
    consent_health: bool
    clubs: tuple[str, ...] = ()
    club_ids: tuple[int, ...] = ()
    # participation in the visit the row was read for
    party_id: int | None = None
    party_name: str = ""
    is_guest: bool = False
    arrival_at: dt.datetime | None = None
    departure_at: dt.datetime | None = None
    is_minor: bool = False
    age: int | None = None
    household_id: int | None = None
    household_name: str = ""
    household_phone: str = ""


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """A host household, with its offer for one visit when read for a visit."""

    id: int
    contact_name: str
    members: str
    address: str
    district: str
    town_id: int | None
    town_name: str
    phone: str
    email: str
    languages: tuple[str, ...]
    beds: int
    double_beds: int
    pets: tuple[str, ...]
    smoking: bool
    step_free: bool
    minors_cleared: bool
    safeguarding_checked_on: dt.date | None
    gender_preference: str
    age_group: str
    no_minors: bool
    max_guests: int | None
    preferred_guests: int | None
    notes: str
    available_from: dt.datetime | None = None
    available_until: dt.datetime | None = None
    guests: int = 0  # people placed with this household in the visit read for

    @property
    def beds_free(self) -> int:
        """Beds not yet taken in the visit the row was read for."""
        return max(self.beds - self.guests, 0)


@dataclass(frozen=True, slots=True)
class PartyRow:
    """A party of a visit with its members and placement."""

    id: int
    visit_id: int
    name: str
    kind: str
    member_ids: tuple[int, ...]
    member_names: tuple[str, ...]
    household_id: int | None = None
    household_name: str = ""
    locked: bool = False
    override_reason: str = ""

    @property
    def size(self) -> int:
        """Number of people in the party."""
        return len(self.member_ids)


@dataclass(frozen=True, slots=True)
class PlacementRow:
    """A party housed with a household in a visit."""

    id: int
    visit_id: int
    party_id: int
    household_id: int
    locked: bool
    source: str
    override_reason: str


@dataclass(frozen=True, slots=True)
class VenueRow:
    """A venue."""

    id: int
    name: str
    address: str
    kind: str
    capacity: int | None
    opens_at: str
    closes_at: str
    notes: str


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event of a visit's programme."""

    id: int
    visit_id: int
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue_id: int | None
    venue_name: str
    meeting_point: str
    meeting_at: dt.datetime | None
    transport: str
    responsible_id: int | None
    responsible_name: str
    public: bool
    fixed: bool
    prepares_id: int | None
    category: str
    notes: str
    club_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()
