"""The closed vocabularies of town twinning, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class PartnershipKind(StrEnum):
    """The three kinds of link between towns."""

    FORMAL = "formal"  # Städtepartnerschaft: a charter, not limited in time or subject
    FRIENDSHIP = "friendship"  # Städtefreundschaft: limited in time or to projects
    CONTACT = "contact"  # loose contact without formal agreement


class AwardKind(StrEnum):
    """Council of Europe awards, in the order they are awarded."""

    EUROPEAN_DIPLOMA = "european_diploma"
    PLAQUE_OF_HONOUR = "plaque_of_honour"
    FLAG_OF_HONOUR = "flag_of_honour"
    EUROPE_PRIZE = "europe_prize"

    @property
    def rank(self) -> int:
        """Position in the order of award (0 = first)."""
        return list(AwardKind).index(self)


class Direction(StrEnum):
    """Whether our town hosts the visit or travels to the partner."""

    WE_HOST = "we_host"
    WE_TRAVEL = "we_travel"


class VisitStatus(StrEnum):
    """Where a visit stands."""

    PLANNING = "planning"
    CONFIRMED = "confirmed"
    UNDER_WAY = "under_way"
    DONE = "done"


class ClubKind(StrEnum):
    """Kinds of club, ensemble or team."""

    CHOIR = "choir"
    ORCHESTRA = "orchestra"
    BAND = "band"
    SPORTS_TEAM = "sports_team"
    YOUTH_GROUP = "youth_group"
    OFFICIALS = "officials"
    OTHER = "other"


class Gender(StrEnum):
    """Gender as the person gives it."""

    FEMALE = "female"
    MALE = "male"
    DIVERSE = "diverse"
    UNKNOWN = "unknown"


class Role(StrEnum):
    """What a person does in the exchange."""

    SINGER = "singer"
    MUSICIAN = "musician"
    PLAYER = "player"
    COACH = "coach"
    CHAPERONE = "chaperone"
    OFFICIAL = "official"
    ORGANISER = "organiser"
    OTHER = "other"


class Species(StrEnum):
    """Animals kept as pets, and the animal allergies that must not meet them."""

    CAT = "cat"
    DOG = "dog"
    HORSE = "horse"
    RABBIT = "rabbit"
    RODENT = "rodent"
    BIRD = "bird"


class PartyKind(StrEnum):
    """Why the people of a party stay together."""

    SINGLE = "single"
    COUPLE = "couple"
    FAMILY = "family"
    FRIENDS = "friends"


class GenderPreference(StrEnum):
    """A household's wish or limit on the guests' gender."""

    ANY = "any"
    FEMALE_ONLY = "female_only"
    MALE_ONLY = "male_only"


class AgeGroup(StrEnum):
    """A household's preferred age group of guests."""

    ANY = "any"
    MINORS = "minors"
    ADULTS = "adults"


class PlacementSource(StrEnum):
    """Who made a placement."""

    HAND = "hand"
    PLANNER = "planner"


class VenueKind(StrEnum):
    """Kinds of venue."""

    HALL = "hall"
    CHURCH = "church"
    PITCH = "pitch"
    GYM = "gym"
    RESTAURANT = "restaurant"
    OUTDOORS = "outdoors"
    OTHER = "other"


class EventKind(StrEnum):
    """Kinds of programme event."""

    CONCERT = "concert"
    REHEARSAL = "rehearsal"
    MATCH = "match"
    TOURNAMENT = "tournament"
    RECEPTION = "reception"
    EXCURSION = "excursion"
    MEAL = "meal"
    FREE_TIME = "free_time"
    TRAVEL = "travel"


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    """The stored values of an enum, for CHECK constraints and choices."""
    return tuple(member.value for member in enum)
