"""The frozen housing problem: parties, households, weights and settings of one visit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields

from twinplanner.domain.errors import ValidationError
from twinplanner.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Weights:
    """Points for each soft wish; placing people always comes first (it is not a weight).

    The planner first houses as many people as it can, then, keeping that number, maximises
    the sum of these points. Defaults, and what one unit buys:

    - ``repeat_host`` 40 per guest who stayed with the same household at an earlier visit;
    - ``named_wish`` 30 per party placed where a named wish (either side) asks;
    - ``shared_language`` 10 per guest who shares a language with the household;
    - ``household_preference`` 6 per guest of the household's preferred age group (and
      gender, when the gender wish is treated as soft);
    - ``over_preferred`` 8 taken off per guest beyond the household's preferred number;
    - ``club_area`` 4 per guest housed in their club's home area (so pick-ups are short);
    - ``keep_placement`` 200 per party left where it was when re-planning, so moves are few.
    """

    repeat_host: int = 40
    named_wish: int = 30
    shared_language: int = 10
    household_preference: int = 6
    over_preferred: int = 8
    club_area: int = 4
    keep_placement: int = 200

    MAX = 10_000

    @classmethod
    def from_dict(cls, data: Mapping[str, object], where: str = N_("housing weights")) -> Weights:
        """Weights from stored settings; unknown names or bad values raise a clear error."""
        known = {f.name for f in fields(cls)}
        values: dict[str, int] = {}
        for name, value in data.items():
            if name not in known:
                raise ValidationError(
                    _("{where}: unknown weight '{name}' (known: {value}).").format(
                        where=_(where), name=name, value=", ".join(sorted(known))
                    ),
                    field=name,
                )
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= cls.MAX:
                raise ValidationError(
                    _(
                        "{where}: weight '{name}' must be a whole number from 0 to {maximum}, not "
                        "{value}."
                    ).format(where=_(where), name=name, maximum=cls.MAX, value=repr(value)),
                    field=name,
                )
            values[name] = value
        return cls(**values)

    def as_dict(self) -> dict[str, int]:
        """The weights as a plain dict for storage."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class HousingSettings:
    """Per-visit switches of the housing rules."""

    minors_in_pairs: bool = False  # a household hosting minors hosts at least two
    gender_limit_hard: bool = True  # "female/male guests only" is a limit, not a wish
    district_groups: tuple[tuple[str, ...], ...] = ()  # neighbouring districts, one area each
    candidates_per_party: int = 30  # households the planner weighs per party on big visits

    def area_of(self, district: str) -> str:
        """The area a district belongs to: its group's first district, or itself."""
        for group in self.district_groups:
            if district in group:
                return group[0]
        return district


@dataclass(frozen=True, slots=True)
class Member:
    """A visitor of a party as the planner sees them."""

    id: int
    name: str
    gender: str = "unknown"
    age: int | None = None
    minor: bool = False  # under 18 at the visit's arrival
    languages: tuple[str, ...] = ()
    animal_allergies: tuple[str, ...] = ()
    needs_smoke_free: bool = False
    needs_step_free: bool = False
    club_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Party:
    """People who stay together, with what the organiser recorded about them."""

    id: int
    name: str
    members: tuple[Member, ...]
    kind: str = "single"
    first_night: dt.date | None = None  # None: the visit's arrival
    last_day: dt.date | None = None  # departure day; None: the visit's departure
    current_household: int | None = None  # where the party stays now
    locked: bool = False  # must stay with current_household
    excluded: frozenset[int] = frozenset()  # households it must never go to
    wished: frozenset[int] = frozenset()  # households named in a wish, either side
    previous_hosts: tuple[tuple[int, int], ...] = ()  # (household, members who stayed there)

    @property
    def size(self) -> int:
        """Number of people (= beds needed, before couples share)."""
        return len(self.members)

    @property
    def minors(self) -> int:
        """Number of minors in the party."""
        return sum(1 for m in self.members if m.minor)

    @property
    def club_ids(self) -> frozenset[int]:
        """Clubs any member belongs to."""
        return frozenset(c for m in self.members for c in m.club_ids)

    @property
    def club(self) -> int | None:
        """The club most members belong to (lowest id on a tie); None when no member has one."""
        counts: dict[int, int] = {}
        for m in self.members:
            for c in m.club_ids:
                counts[c] = counts.get(c, 0) + 1
        if not counts:
            return None
        return min(counts, key=lambda c: (-counts[c], c))

    def repeat_guests(self, household_id: int) -> int:
        """Members who stayed with this household at an earlier visit."""
        for hid, count in self.previous_hosts:
            if hid == household_id:
                return count
        return 0


@dataclass(frozen=True, slots=True)
class Household:
    """A host household offering beds for the visit."""

    id: int
    name: str  # the contact's name, e.g. "Heike Hoffmann"
    beds: int
    double_beds: int = 0
    district: str = ""
    languages: tuple[str, ...] = ()
    pets: tuple[str, ...] = ()
    smoking: bool = False
    step_free: bool = False
    minors_cleared: bool = False
    no_minors: bool = False
    gender_preference: str = "any"
    age_group: str = "any"
    max_guests: int | None = None
    preferred_guests: int | None = None
    available_from: dt.date | None = None  # None: from the visit's arrival
    available_until: dt.date | None = None  # None: until the visit's departure

    @property
    def label(self) -> str:
        """How texts name the household: "Heike Hoffmann's household"."""
        return _("{name}'s household").format(name=self.name)

    @property
    def capacity(self) -> int:
        """Guests the household takes at most: beds, or fewer when it says so."""
        if self.max_guests is None:
            return self.beds
        return min(self.beds, self.max_guests)


@dataclass(frozen=True)
class HousingProblem:
    """Everything the planner needs for one visit; built by the service, never by a query."""

    visit_id: int
    first_night: dt.date
    last_day: dt.date
    parties: tuple[Party, ...]
    households: tuple[Household, ...]
    weights: Weights = Weights()
    settings: HousingSettings = HousingSettings()
    replan: bool = False  # keep existing placements where possible
    _party_index: dict[int, Party] = field(init=False, repr=False, compare=False)
    _household_index: dict[int, Household] = field(init=False, repr=False, compare=False)
    _cache: dict[str, object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.last_day <= self.first_night:
            raise ValidationError(
                _("Visit {visit_id}: the departure day must come after the arrival day.").format(
                    visit_id=self.visit_id
                )
            )
        parties = {p.id: p for p in self.parties}
        households = {h.id: h for h in self.households}
        if len(parties) != len(self.parties):
            raise ValidationError(
                _("Visit {visit_id}: a party appears twice.").format(visit_id=self.visit_id)
            )
        if len(households) != len(self.households):
            raise ValidationError(
                _("Visit {visit_id}: a household appears twice.").format(visit_id=self.visit_id)
            )
        for h in self.households:
            if h.beds < 0 or h.double_beds < 0 or 2 * h.double_beds > h.beds:
                raise ValidationError(
                    _(
                        "{household}: {beds} beds with {double_beds} double beds is impossible (a "
                        "double bed counts as two beds)."
                    ).format(household=h.label, beds=h.beds, double_beds=h.double_beds),
                    field="beds",
                )
        for p in self.parties:
            if not p.members:
                raise ValidationError(
                    _("Party {name}: it has no members to house.").format(name=p.name)
                )
        object.__setattr__(self, "_party_index", parties)
        object.__setattr__(self, "_household_index", households)
        object.__setattr__(self, "_cache", {})

    def party(self, party_id: int) -> Party:
        """The party with this id (KeyError when it is not in the problem)."""
        return self._party_index[party_id]

    def household(self, household_id: int) -> Household | None:
        """The household with this id, or None when it offers no beds for the visit."""
        return self._household_index.get(household_id)

    def stay_of(self, party: Party) -> tuple[dt.date, dt.date]:
        """First night and departure day of a party, defaulting to the visit's."""
        return (party.first_night or self.first_night, party.last_day or self.last_day)

    def availability_of(self, household: Household) -> tuple[dt.date, dt.date]:
        """First and last day a household can host, defaulting to the visit's."""
        return (
            household.available_from or self.first_night,
            household.available_until or self.last_day,
        )

    def cached(self, key: str, compute: Callable[[], object]) -> object:
        """A value derived from the problem, computed once (the problem never changes)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def fixed(self, party: Party) -> bool:
        """True when a party is locked to a household that still offers beds for the visit."""
        return (
            party.locked
            and party.current_household is not None
            and party.current_household in self._household_index
        )

    @property
    def people(self) -> int:
        """Visitors to house."""
        return sum(p.size for p in self.parties)

    def current_assignment(self) -> dict[int, int]:
        """Party id to household id for parties placed now (households of this visit only)."""
        return {p.id: p.current_household for p in self.parties if p.current_household is not None}
