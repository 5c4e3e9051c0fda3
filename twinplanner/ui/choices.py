"""Words shown for stored values (roles, genders, pets, languages) and the editor specs using them."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from twinplanner.domain.enums import (
    AgeGroup,
    Direction,
    Gender,
    GenderPreference,
    PartnershipKind,
    PartyKind,
    PlacementSource,
    Role,
    Species,
    VenueKind,
    VisitStatus,
)
from twinplanner.i18n import N_, _
from twinplanner.ui.table_model import EditorSpec

LANGUAGE_CODES = (
    "de",
    "fr",
    "en",
    "ar",
    "ro",
    "it",
    "es",
    "pl",
    "nl",
    "pt",
    "tr",
    "el",
    "ru",
    "uk",
    "cs",
    "hu",
    "da",
    "sv",
)

_LABELS: dict[str, str] = {
    # genders
    Gender.FEMALE: N_("female"),
    Gender.MALE: N_("male"),
    Gender.DIVERSE: N_("diverse"),
    Gender.UNKNOWN: N_("not given"),
    # roles
    Role.SINGER: N_("singer"),
    Role.MUSICIAN: N_("musician"),
    Role.PLAYER: N_("player"),
    Role.COACH: N_("coach"),
    Role.CHAPERONE: N_("chaperone"),
    Role.OFFICIAL: N_("official"),
    Role.ORGANISER: N_("organiser"),
    Role.OTHER: N_("other"),
    # animals
    Species.CAT: N_("cat"),
    Species.DOG: N_("dog"),
    Species.HORSE: N_("horse"),
    Species.RABBIT: N_("rabbit"),
    Species.RODENT: N_("rodent"),
    Species.BIRD: N_("bird"),
    # visits and partnerships
    Direction.WE_HOST: N_("we host"),
    Direction.WE_TRAVEL: N_("we travel"),
    VisitStatus.PLANNING: N_("planning"),
    VisitStatus.CONFIRMED: N_("confirmed"),
    VisitStatus.UNDER_WAY: N_("under way"),
    VisitStatus.DONE: N_("done"),
    PartnershipKind.FORMAL: N_("formal partnership"),
    PartnershipKind.FRIENDSHIP: N_("friendship"),
    PartnershipKind.CONTACT: N_("contact"),
    PartyKind.SINGLE: N_("single"),
    PartyKind.COUPLE: N_("couple"),
    PartyKind.FAMILY: N_("family"),
    PartyKind.FRIENDS: N_("friends"),
    # households
    GenderPreference.FEMALE_ONLY: N_("women only"),
    GenderPreference.MALE_ONLY: N_("men only"),
    AgeGroup.MINORS: N_("young guests"),
    AgeGroup.ADULTS: N_("adults"),
    # placements and venues
    PlacementSource.HAND: N_("by hand"),
    PlacementSource.PLANNER: N_("by the planner"),
    VenueKind.HALL: N_("hall"),
    VenueKind.CHURCH: N_("church"),
    VenueKind.PITCH: N_("pitch"),
    VenueKind.GYM: N_("gym"),
    VenueKind.RESTAURANT: N_("restaurant"),
    VenueKind.OUTDOORS: N_("outdoors"),
}
_ANY = N_("any")


def label(value: str) -> str:
    """The word shown for a stored enum value, in the window's language."""
    if value == "any":
        return _(_ANY)
    return _(_LABELS.get(value, value))


def labels(values: tuple[str, ...]) -> str:
    """The words for several stored values, comma-separated."""
    return ", ".join(label(v) for v in values)


# Each language's own name; a fixed table, so that no locale data is loaded at start-up.
_ENDONYMS = {
    "de": "Deutsch",
    "fr": "français",
    "en": "English",
    "ar": "العربية",
    "ro": "română",
    "it": "italiano",
    "es": "español",
    "pl": "polski",
    "nl": "Nederlands",
    "pt": "português",
    "tr": "Türkçe",
    "el": "Ελληνικά",
    "ru": "русский",
    "uk": "українська",
    "cs": "čeština",
    "hu": "magyar",
    "da": "dansk",
    "sv": "svenska",
}


@cache
def language_name(code: str) -> str:
    """A language's own name, e.g. 'Deutsch' for de (babel for codes not in the table)."""
    name = _ENDONYMS.get(code)
    if name is None:
        try:
            from babel import Locale

            name = Locale.parse(code).get_display_name(code)
        except Exception:  # noqa: BLE001 - any unknown code simply shows as itself
            return code
    # First-strong isolates keep an Arabic name from reordering the text around it.
    return f"\u2068{name}\u2069" if name else code


def enum_spec(enum: type) -> EditorSpec:
    """A drop-down of an enum's values."""
    return EditorSpec("choice", tuple((m.value, label(m.value)) for m in enum))


def multi_spec(enum: type) -> EditorSpec:
    """A multi-select of an enum's values."""
    return EditorSpec("multi", tuple((m.value, label(m.value)) for m in enum))


def language_choices(codes: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(code, 'de · Deutsch') pairs for these language codes, in their order."""
    return tuple((c, f"{c} · {language_name(c)}") for c in codes)


def languages_spec() -> EditorSpec:
    """A multi-select of languages, shown as 'de · Deutsch'."""
    return EditorSpec("multi", language_choices(LANGUAGE_CODES))


TEXT = EditorSpec("text")
FLAG = EditorSpec("flag")
DATE = EditorSpec("date")
MOMENT = EditorSpec("datetime")
COUNT = EditorSpec("count", optional=False)
OPTIONAL_COUNT = EditorSpec("count", optional=True)
