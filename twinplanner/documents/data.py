"""The frozen data each document is printed from: plain values, no database rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

EMERGENCY_NUMBER = "112"  # the European emergency number, free from any phone


@dataclass(frozen=True, slots=True)
class VisitInfo:
    """What the page header says about the visit."""

    partnership: str
    title: str
    arrival_at: dt.datetime
    departure_at: dt.datetime
    arrival_place: str = ""
    departure_place: str = ""
    working_language: str = "en"
    host_town: str = ""
    guest_town: str = ""


@dataclass(frozen=True, slots=True)
class Contact:
    """A person to call: an organiser or the one to call when something is wrong."""

    name: str
    town: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class HostInfo:
    """A host household as its guests and the drivers need it."""

    name: str
    address: str
    district: str = ""
    phone: str = ""
    members: str = ""
    email: str = ""
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Transfer:
    """Where and when people are collected or brought back; ``at`` None: not known yet."""

    at: dt.datetime | None
    place: str


@dataclass(frozen=True, slots=True)
class ProgrammeEvent:
    """One item of the programme as printed."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    kind: str = ""
    venue: str = ""
    venue_address: str = ""
    meeting_point: str = ""
    meeting_at: dt.datetime | None = None
    transport: str = ""
    public: bool = False
    who: str = ""  # the clubs or people taking part, as one line


@dataclass(frozen=True, slots=True)
class Traveller:
    """A member of a visiting party; ``age`` only for minors."""

    name: str
    age: int | None = None
    languages: tuple[str, ...] = ()
    phone: str = ""


@dataclass(frozen=True, slots=True)
class ItineraryData:
    """A visiting party's itinerary: hosts, arrival and departure, programme, contacts."""

    visit: VisitInfo
    language: str
    party_name: str
    members: tuple[Traveller, ...]
    host: HostInfo | None
    arrival: Transfer
    departure: Transfer
    events: tuple[ProgrammeEvent, ...]
    organisers: tuple[Contact, ...]
    safety_contact: Contact | None = None
    emergency_number: str = EMERGENCY_NUMBER


@dataclass(frozen=True, slots=True)
class Guest:
    """A guest as their host sees them; health data only with the guest's consent."""

    name: str
    age: int | None = None  # only for minors
    languages: tuple[str, ...] = ()
    phone: str = ""
    health_shared: bool = False
    dietary_needs: str = ""  # empty unless health_shared
    allergies: str = ""  # empty unless health_shared
    animal_allergies: tuple[str, ...] = ()  # Species values; empty unless health_shared
    arrival: Transfer | None = None
    departure: Transfer | None = None


@dataclass(frozen=True, slots=True)
class HandOver:
    """A host brings guests to, or collects them from, a place at a time."""

    at: dt.datetime
    action: str  # "bring" or "collect"
    place: str
    guests: tuple[str, ...]
    event: str


@dataclass(frozen=True, slots=True)
class HostSheetData:
    """A host household's sheet: its guests, their arrival and departure, the day plan."""

    visit: VisitInfo
    language: str
    host: HostInfo
    guests: tuple[Guest, ...]
    arrival: Transfer
    departure: Transfer
    handovers: tuple[HandOver, ...]
    organisers: tuple[Contact, ...]
    emergency_number: str = EMERGENCY_NUMBER


@dataclass(frozen=True, slots=True)
class HostListEntry:
    """One household on the organisers' and drivers' list, with its guests' names."""

    host: HostInfo
    guests: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HostListData:
    """Every host household of a visit, for organisers and drivers."""

    visit: VisitInfo
    language: str
    entries: tuple[HostListEntry, ...]


@dataclass(frozen=True, slots=True)
class ProgrammeData:
    """The whole programme, printed in up to two languages side by side."""

    visit: VisitInfo
    languages: tuple[str, ...]
    events: tuple[ProgrammeEvent, ...]


@dataclass(frozen=True, slots=True)
class SignatureRow:
    """A participant line on a signature list; ``age_band`` only for youth."""

    name: str
    town: str
    country: str
    age_band: str = ""


@dataclass(frozen=True, slots=True)
class SignatureSection:
    """The participants from one sending town; ``local`` for the town where it takes place."""

    town: str
    country: str
    local: bool
    rows: tuple[SignatureRow, ...]


@dataclass(frozen=True, slots=True)
class SignatureListData:
    """A signature list for a grant report: one event or one day, one section per town."""

    visit: VisitInfo
    language: str
    title: str  # the event's title, or empty for a whole day
    day: dt.date
    starts_at: dt.datetime | None
    place: str
    sections: tuple[SignatureSection, ...]
    show_age_band: bool
    certifiers: tuple[Contact, ...] = ()  # one certification block per town

    def totals_by_country(self) -> dict[str, int]:
        """Participants per country code, in order of first appearance."""
        counts: Counter[str] = Counter()
        for section in self.sections:
            for row in section.rows:
                counts[row.country] += 1
        return dict(counts)

    def local_and_invited(self) -> tuple[int, int]:
        """The number of local and of invited participants."""
        local = sum(len(s.rows) for s in self.sections if s.local)
        invited = sum(len(s.rows) for s in self.sections if not s.local)
        return local, invited


@dataclass(frozen=True, slots=True)
class TransportStop:
    """Who is collected where and when."""

    at: dt.datetime | None
    place: str
    district: str
    contact: str
    phone: str
    people: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TransportListData:
    """A transport list for one event (or the arrival or departure of the guests)."""

    visit: VisitInfo
    language: str
    title: str
    starts_at: dt.datetime | None
    destination: str
    transport: str
    stops: tuple[TransportStop, ...]
