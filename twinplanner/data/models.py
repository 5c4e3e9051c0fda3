"""The peewee models of the whole product: one SQLite file holds them all."""

from __future__ import annotations

import datetime as dt

from peewee import (
    BooleanField,
    Check,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from twinplanner.data.cipher import CipherDatabase
from twinplanner.domain.enums import (
    AgeGroup,
    AwardKind,
    ClubKind,
    Direction,
    EventKind,
    Gender,
    GenderPreference,
    PartnershipKind,
    PartyKind,
    PlacementSource,
    Role,
    VenueKind,
    VisitStatus,
    values,
)

# Deferred: initialised by ``twinplanner.data.db.open_database`` (plain or encrypted file).
database = CipherDatabase(None)


def _in(column: str, enum: type) -> Check:
    """A CHECK constraint keeping ``column`` inside an enum's values."""
    allowed = ", ".join(f"'{v}'" for v in values(enum))
    return Check(f"{column} IN ({allowed})")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    """Base of every model: the shared deferred database."""

    class Meta:
        database = database
        legacy_table_names = False


class Town(BaseModel):
    """A town or association: ours or a partner."""

    name = TextField()
    country = TextField()  # ISO 3166 alpha-2, e.g. "DE"
    language = TextField()  # ISO 639-1, e.g. "de"

    class Meta:
        indexes = ((("name", "country"), True),)
        constraints = [Check("length(trim(name)) > 0"), Check("length(country) = 2")]


class Partnership(BaseModel):
    """The link between our town and a partner town."""

    our_town = ForeignKeyField(Town, backref="partnerships_as_ours", on_delete="RESTRICT")
    partner_town = ForeignKeyField(Town, backref="partnerships_as_partner", on_delete="RESTRICT")
    kind = TextField(
        default=PartnershipKind.FORMAL.value, constraints=[_in("kind", PartnershipKind)]
    )
    since = DateField(null=True)
    charter_signed_on = DateField(null=True)
    notes = TextField(default="")

    class Meta:
        indexes = ((("our_town", "partner_town"), True),)
        constraints = [Check("our_town_id <> partner_town_id")]


class Award(BaseModel):
    """A Council of Europe award received by a partnership."""

    partnership = ForeignKeyField(Partnership, backref="awards", on_delete="CASCADE")
    kind = TextField(constraints=[_in("kind", AwardKind)])
    year = IntegerField(constraints=[Check("year BETWEEN 1950 AND 2200")])

    class Meta:
        indexes = ((("partnership", "kind"), True),)


class Visit(BaseModel):
    """One exchange of a partnership in one year and one direction."""

    partnership = ForeignKeyField(Partnership, backref="visits", on_delete="CASCADE")
    year = IntegerField(constraints=[Check("year BETWEEN 1950 AND 2200")])
    title = TextField(default="")
    direction = TextField(
        default=Direction.WE_HOST.value, constraints=[_in("direction", Direction)]
    )
    arrival_at = DateTimeField()
    departure_at = DateTimeField()
    arrival_place = TextField(default="")
    departure_place = TextField(default="")
    status = TextField(default=VisitStatus.PLANNING.value, constraints=[_in("status", VisitStatus)])
    working_languages = TextField(default="")  # comma-separated ISO 639-1 codes
    settings = TextField(default="{}")  # JSON: solver weights, minors' rules, buffers (v2)

    class Meta:
        indexes = ((("partnership", "year", "direction"), False),)
        constraints = [Check("departure_at > arrival_at")]


class Club(BaseModel):
    """A club, ensemble or team of one town."""

    town = ForeignKeyField(Town, backref="clubs", on_delete="CASCADE")
    name = TextField()
    kind = TextField(default=ClubKind.OTHER.value, constraints=[_in("kind", ClubKind)])
    category = TextField(default="")  # e.g. "U15" for a youth team

    class Meta:
        indexes = ((("town", "name"), True),)
        constraints = [Check("length(trim(name)) > 0")]


class Person(BaseModel):
    """A person who takes part in visits, as guest or as local participant."""

    full_name = TextField()
    gender = TextField(default=Gender.UNKNOWN.value, constraints=[_in("gender", Gender)])
    birth_date = DateField(null=True)
    languages = TextField(default="")
    town = ForeignKeyField(Town, backref="people", null=True, on_delete="SET NULL")
    role = TextField(default=Role.OTHER.value, constraints=[_in("role", Role)])
    dietary_needs = TextField(default="")
    allergies = TextField(default="")  # free text: food and other allergies
    animal_allergies = TextField(default="")  # comma-separated Species values
    smoker = BooleanField(default=False)
    needs_smoke_free = BooleanField(default=False)
    needs_step_free = BooleanField(default=False)
    phone = TextField(default="")
    email = TextField(default="")
    emergency_contact = TextField(default="")
    notes = TextField(default="")
    consent_photos = BooleanField(default=False)
    consent_photos_on = DateField(null=True)
    consent_health = BooleanField(default=False)  # may share health data with the host
    consent_health_on = DateField(null=True)
    search_key = TextField(default="", index=True)  # folded name, phone, e-mail (v2)
    created_at = DateTimeField(default=_now)

    class Meta:
        constraints = [Check("length(trim(full_name)) > 0")]


class Membership(BaseModel):
    """A person belongs to a club."""

    person = ForeignKeyField(Person, backref="memberships", on_delete="CASCADE")
    club = ForeignKeyField(Club, backref="memberships", on_delete="CASCADE")

    class Meta:
        indexes = ((("person", "club"), True),)


class Household(BaseModel):
    """A private host household."""

    contact_name = TextField()
    members = TextField(default="")  # the other people living there, free text
    address = TextField(default="")
    district = TextField(default="")
    town = ForeignKeyField(Town, backref="households", null=True, on_delete="SET NULL")
    phone = TextField(default="")
    email = TextField(default="")
    languages = TextField(default="")
    beds = IntegerField(default=1, constraints=[Check("beds >= 0 AND beds <= 50")])
    double_beds = IntegerField(default=0, constraints=[Check("double_beds >= 0")])
    pets = TextField(default="")  # comma-separated Species values
    smoking = BooleanField(default=False)
    step_free = BooleanField(default=False)
    minors_cleared = BooleanField(default=False)
    safeguarding_checked_on = DateField(null=True)
    gender_preference = TextField(
        default=GenderPreference.ANY.value, constraints=[_in("gender_preference", GenderPreference)]
    )
    age_group = TextField(default=AgeGroup.ANY.value, constraints=[_in("age_group", AgeGroup)])
    no_minors = BooleanField(default=False)
    max_guests = IntegerField(
        null=True, constraints=[Check("max_guests IS NULL OR max_guests >= 0")]
    )
    preferred_guests = IntegerField(
        null=True, constraints=[Check("preferred_guests IS NULL OR preferred_guests >= 0")]
    )
    notes = TextField(default="")
    search_key = TextField(default="", index=True)  # v2
    created_at = DateTimeField(default=_now)

    class Meta:
        constraints = [
            Check("length(trim(contact_name)) > 0"),
            Check("double_beds * 2 <= beds"),
        ]


class HostOffer(BaseModel):
    """A household offers beds for one visit, available between two dates."""

    visit = ForeignKeyField(Visit, backref="host_offers", on_delete="CASCADE")
    household = ForeignKeyField(Household, backref="offers", on_delete="CASCADE")
    available_from = DateTimeField(null=True)  # None: from the visit's arrival
    available_until = DateTimeField(null=True)  # None: until the visit's departure
    notes = TextField(default="")

    class Meta:
        indexes = ((("visit", "household"), True),)
        constraints = [
            Check(
                "available_from IS NULL OR available_until IS NULL "
                "OR available_until > available_from"
            )
        ]


class Party(BaseModel):
    """People of one visit who must stay together."""

    visit = ForeignKeyField(Visit, backref="parties", on_delete="CASCADE")
    name = TextField()
    kind = TextField(default=PartyKind.SINGLE.value, constraints=[_in("kind", PartyKind)])
    notes = TextField(default="")

    class Meta:
        indexes = ((("visit", "name"), False),)
        constraints = [Check("length(trim(name)) > 0")]


class Participation(BaseModel):
    """A person takes part in a visit; guests belong to a party to be housed."""

    visit = ForeignKeyField(Visit, backref="participations", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="participations", on_delete="CASCADE")
    party = ForeignKeyField(Party, backref="participations", null=True, on_delete="SET NULL")
    is_guest = BooleanField(default=True)  # False: a local participant, not housed
    arrival_at = DateTimeField(null=True)  # None: with the visit
    departure_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("visit", "person"), True),)
        constraints = [
            Check("arrival_at IS NULL OR departure_at IS NULL OR departure_at > arrival_at")
        ]


class Placement(BaseModel):
    """A party of a visit is housed with a household."""

    visit = ForeignKeyField(Visit, backref="placements", on_delete="CASCADE")
    party = ForeignKeyField(Party, backref="placements", unique=True, on_delete="CASCADE")
    household = ForeignKeyField(Household, backref="placements", on_delete="CASCADE")
    locked = BooleanField(default=False)
    source = TextField(
        default=PlacementSource.HAND.value, constraints=[_in("source", PlacementSource)]
    )
    override_reason = TextField(default="")  # non-empty: a hard rule was overridden on purpose
    created_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("visit", "household"), False),)


class PlacementWish(BaseModel):
    """A named wish: a party asks for a household, or a household for a party."""

    party = ForeignKeyField(Party, backref="wishes", on_delete="CASCADE")
    household = ForeignKeyField(Household, backref="wishes", on_delete="CASCADE")
    from_household = BooleanField(default=False)

    class Meta:
        indexes = ((("party", "household"), True),)


class PlacementExclusion(BaseModel):
    """The organiser says: never place this party with this household."""

    party = ForeignKeyField(Party, backref="exclusions", on_delete="CASCADE")
    household = ForeignKeyField(Household, backref="exclusions", on_delete="CASCADE")
    reason = TextField(default="")

    class Meta:
        indexes = ((("party", "household"), True),)


class Venue(BaseModel):
    """A place where events happen."""

    name = TextField()
    address = TextField(default="")
    kind = TextField(default=VenueKind.HALL.value, constraints=[_in("kind", VenueKind)])
    capacity = IntegerField(null=True, constraints=[Check("capacity IS NULL OR capacity >= 0")])
    town = ForeignKeyField(Town, backref="venues", null=True, on_delete="SET NULL")
    opens_at = TextField(default="")  # "HH:MM", empty: no limit
    closes_at = TextField(default="")
    notes = TextField(default="")

    class Meta:
        constraints = [Check("length(trim(name)) > 0")]


class TravelTime(BaseModel):
    """Minutes needed between two venues for one visit (overrides the visit's default)."""

    visit = ForeignKeyField(Visit, backref="travel_times", on_delete="CASCADE")
    venue_a = ForeignKeyField(Venue, backref="travel_from", on_delete="CASCADE")
    venue_b = ForeignKeyField(Venue, backref="travel_to", on_delete="CASCADE")
    minutes = IntegerField(constraints=[Check("minutes >= 0")])

    class Meta:
        indexes = ((("visit", "venue_a", "venue_b"), True),)


class Event(BaseModel):
    """An item of a visit's programme."""

    visit = ForeignKeyField(Visit, backref="events", on_delete="CASCADE")
    kind = TextField(constraints=[_in("kind", EventKind)])
    title = TextField()
    starts_at = DateTimeField()
    ends_at = DateTimeField()
    venue = ForeignKeyField(Venue, backref="events", null=True, on_delete="SET NULL")
    meeting_point = TextField(default="")
    meeting_at = DateTimeField(null=True)
    transport = TextField(default="")
    responsible = ForeignKeyField(
        Person, backref="responsible_for", null=True, on_delete="SET NULL"
    )
    public = BooleanField(default=False)
    fixed = BooleanField(default=True)  # placed by the organiser; proposals fill around it
    prepares = ForeignKeyField(
        "self", backref="preparations", null=True, on_delete="SET NULL"
    )  # a rehearsal prepares a concert
    category = TextField(default="")  # for matches: the category, e.g. "U15"
    notes = TextField(default="")

    class Meta:
        indexes = ((("visit", "starts_at"), False),)
        constraints = [Check("ends_at > starts_at"), Check("length(trim(title)) > 0")]


class EventClub(BaseModel):
    """A club takes part in an event (all its members in the visit are busy)."""

    event = ForeignKeyField(Event, backref="clubs", on_delete="CASCADE")
    club = ForeignKeyField(Club, backref="events", on_delete="CASCADE")

    class Meta:
        indexes = ((("event", "club"), True),)


class EventPerson(BaseModel):
    """A person takes part in an event individually."""

    event = ForeignKeyField(Event, backref="people", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="events", on_delete="CASCADE")

    class Meta:
        indexes = ((("event", "person"), True),)


class LogEntry(BaseModel):
    """What happened and when (overrides, erasures, purges); never who was erased."""

    at = DateTimeField(default=_now)
    action = TextField()
    detail = TextField(default="")


class VisitStatistics(BaseModel):
    """Anonymous counts of one visit's participants from one country, kept after a purge (v3)."""

    # SET NULL: the counts outlive the visit record; year and label say which visit it was.
    visit = ForeignKeyField(Visit, backref="statistics", null=True, on_delete="SET NULL")
    visit_year = IntegerField()
    visit_label = TextField(default="")
    country = TextField(default="")  # ISO 3166 alpha-2; empty: unknown
    participants = IntegerField(default=0, constraints=[Check("participants >= 0")])
    guests = IntegerField(default=0, constraints=[Check("guests >= 0")])
    minors = IntegerField(default=0, constraints=[Check("minors >= 0")])
    adults = IntegerField(default=0, constraints=[Check("adults >= 0")])
    age_unknown = IntegerField(default=0, constraints=[Check("age_unknown >= 0")])
    recorded_at = DateTimeField(default=_now)

    class Meta:
        table_name = "visit_statistics"
        indexes = ((("visit", "country"), True),)
        constraints = [Check("minors + adults + age_unknown = participants")]


class Setting(BaseModel):
    """An association-wide setting stored in the file, e.g. ``retention_years`` (v3)."""

    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "setting"


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Town,
    Partnership,
    Award,
    Visit,
    Club,
    Person,
    Membership,
    Household,
    HostOffer,
    Party,
    Participation,
    Placement,
    PlacementWish,
    PlacementExclusion,
    Venue,
    TravelTime,
    Event,
    EventClub,
    EventPerson,
    LogEntry,
    VisitStatistics,
    Setting,
)
