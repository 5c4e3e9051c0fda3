"""Cell values in four languages: yes/no, gender, pets and allergies, roles, language names."""

from __future__ import annotations

import functools
import re

from twinplanner.domain.enums import AgeGroup, Gender, GenderPreference, Role, Species
from twinplanner.domain.text import fold

TEMPLATE_LANGUAGES = ("en", "de", "fr", "ro")


def _words(table: dict[str, dict[str, str]]) -> dict[str, dict[str, tuple[str, ...]]]:
    return {
        value: {lang: tuple(w.strip() for w in text.split("|")) for lang, text in langs.items()}
        for value, langs in table.items()
    }


# value -> language -> words (the first is written in templates and exports)
YES_NO = _words(
    {
        "yes": {
            "en": "yes|y|x|true|1|✓|✔",
            "de": "ja|j|wahr",
            "fr": "oui|o|vrai",
            "ro": "da|adevărat",
        },
        "no": {
            "en": "no|n|false|0|-|none",
            "de": "nein|falsch|keine",
            "fr": "non|faux|aucun",
            "ro": "nu|fals|niciunul",
        },
    }
)
GENDERS = _words(
    {
        Gender.FEMALE: {
            "en": "female|f|woman|girl|w",
            "de": "weiblich|w|frau|mädchen|weibl",
            "fr": "féminin|femme|fille|f",
            "ro": "feminin|femeie|fată|f",
        },
        Gender.MALE: {
            "en": "male|m|man|boy",
            "de": "männlich|m|mann|junge|männl",
            "fr": "masculin|homme|garçon|h|m",
            "ro": "masculin|bărbat|băiat|b|m",
        },
        Gender.DIVERSE: {
            "en": "diverse|d|other|non-binary",
            "de": "divers|d|anderes",
            "fr": "autre|non binaire",
            "ro": "altul|non-binar",
        },
        Gender.UNKNOWN: {
            "en": "unknown|?",
            "de": "unbekannt|keine angabe",
            "fr": "inconnu|non précisé",
            "ro": "necunoscut|nespecificat",
        },
    }
)
SPECIES = _words(
    {
        Species.CAT: {
            "en": "cat|cats",
            "de": "Katze|Katzen",
            "fr": "chat|chats",
            "ro": "pisică|pisici",
        },
        Species.DOG: {
            "en": "dog|dogs",
            "de": "Hund|Hunde",
            "fr": "chien|chiens",
            "ro": "câine|câini",
        },
        Species.HORSE: {
            "en": "horse|horses",
            "de": "Pferd|Pferde",
            "fr": "cheval|chevaux",
            "ro": "cal|cai",
        },
        Species.RABBIT: {
            "en": "rabbit|rabbits",
            "de": "Kaninchen|Hase|Hasen",
            "fr": "lapin|lapins",
            "ro": "iepure|iepuri",
        },
        Species.RODENT: {
            "en": "rodent|rodents|hamster|guinea pig",
            "de": "Nagetier|Nagetiere|Hamster|Meerschweinchen",
            "fr": "rongeur|rongeurs|hamster|cochon d'Inde",
            "ro": "rozătoare|hamster|cobai",
        },
        Species.BIRD: {
            "en": "bird|birds",
            "de": "Vogel|Vögel",
            "fr": "oiseau|oiseaux",
            "ro": "pasăre|păsări",
        },
    }
)
ROLES = _words(
    {
        Role.SINGER: {
            "en": "singer|chorister",
            "de": "Sänger/in|Sänger|Sängerin|Chorsänger",
            "fr": "choriste|chanteur|chanteuse",
            "ro": "corist|coristă|cântăreț|cântăreață",
        },
        Role.MUSICIAN: {
            "en": "musician",
            "de": "Musiker/in|Musiker|Musikerin",
            "fr": "musicien|musicienne",
            "ro": "muzician|muziciană",
        },
        Role.PLAYER: {
            "en": "player",
            "de": "Spieler/in|Spieler|Spielerin",
            "fr": "joueur|joueuse",
            "ro": "jucător|jucătoare",
        },
        Role.COACH: {
            "en": "coach|trainer",
            "de": "Trainer/in|Trainer|Trainerin",
            "fr": "entraîneur|entraîneuse",
            "ro": "antrenor|antrenoare",
        },
        Role.CHAPERONE: {
            "en": "chaperone|carer|supervisor",
            "de": "Betreuer/in|Betreuer|Betreuerin|Begleitperson",
            "fr": "accompagnateur|accompagnatrice",
            "ro": "însoțitor|însoțitoare",
        },
        Role.OFFICIAL: {
            "en": "official|mayor|councillor",
            "de": "Offizielle/r|Offizieller|Bürgermeister|Bürgermeisterin|Ratsmitglied",
            "fr": "officiel|élu|élue|maire",
            "ro": "oficial|primar|consilier",
        },
        Role.ORGANISER: {
            "en": "organiser|organizer",
            "de": "Organisator/in|Organisator|Organisatorin",
            "fr": "organisateur|organisatrice",
            "ro": "organizator|organizatoare",
        },
        Role.OTHER: {"en": "other", "de": "andere|sonstige", "fr": "autre", "ro": "altul|alta"},
    }
)
GENDER_PREFERENCES = _words(
    {
        GenderPreference.ANY: {
            "en": "any|no preference",
            "de": "egal|keine Vorgabe",
            "fr": "indifférent|sans préférence",
            "ro": "indiferent|fără preferință",
        },
        GenderPreference.FEMALE_ONLY: {
            "en": "women only|female only",
            "de": "nur Frauen|nur weiblich",
            "fr": "femmes seulement",
            "ro": "doar femei",
        },
        GenderPreference.MALE_ONLY: {
            "en": "men only|male only",
            "de": "nur Männer|nur männlich",
            "fr": "hommes seulement",
            "ro": "doar bărbați",
        },
    }
)
AGE_GROUPS = _words(
    {
        AgeGroup.ANY: {
            "en": "any|no preference",
            "de": "egal|keine Vorgabe",
            "fr": "indifférent|sans préférence",
            "ro": "indiferent|fără preferință",
        },
        AgeGroup.MINORS: {
            "en": "young people|minors|children",
            "de": "Jugendliche|Minderjährige|Kinder",
            "fr": "jeunes|mineurs|enfants",
            "ro": "tineri|minori|copii",
        },
        AgeGroup.ADULTS: {"en": "adults", "de": "Erwachsene", "fr": "adultes", "ro": "adulți"},
    }
)
VOCABULARIES = {
    "flag": YES_NO,
    "gender": GENDERS,
    "species": SPECIES,
    "role": ROLES,
    "gender_preference": GENDER_PREFERENCES,
    "age_group": AGE_GROUPS,
}

# Languages offered in the template's dropdown (organisers may still type any other).
COMMON_LANGUAGES = (
    "de",
    "en",
    "fr",
    "ro",
    "it",
    "es",
    "pl",
    "nl",
    "pt",
    "cs",
    "hu",
    "tr",
    "ar",
    "el",
    "ru",
    "uk",
    "sv",
    "da",
    "sk",
    "hr",
)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w?✓✔-]+", " ", fold(text)).split())


@functools.cache
def _lookup(vocabulary_name: str) -> dict[str, str]:
    table = VOCABULARIES[vocabulary_name]
    result: dict[str, str] = {}
    for value, langs in table.items():
        result.setdefault(_key(str(value)), str(value))
        result.setdefault(_key(str(value).replace("_", " ")), str(value))
        for words in langs.values():
            for word in words:
                result.setdefault(_key(word), str(value))
    return result


def read_choice(vocabulary_name: str, text: object) -> str | None:
    """The stored value a cell names ('Ja' -> 'yes', 'weiblich' -> 'female'), or None."""
    if isinstance(text, bool):
        text = "yes" if text else "no"
    elif isinstance(text, int | float) and not isinstance(text, bool):
        text = str(int(text)) if float(text).is_integer() else str(text)
    return _read_choice(vocabulary_name, str(text))


@functools.lru_cache(maxsize=4096)
def _read_choice(vocabulary_name: str, text: str) -> str | None:
    return _lookup(vocabulary_name).get(_key(text))


def word(vocabulary_name: str, value: str, lang: str) -> str:
    """The word written for a stored value in ``lang`` (English when none)."""
    langs = VOCABULARIES[vocabulary_name][value]
    return langs.get(lang, langs["en"])[0]


def words(vocabulary_name: str, lang: str) -> list[str]:
    """Every value's written word in ``lang``, for a dropdown."""
    return [word(vocabulary_name, str(v), lang) for v in VOCABULARIES[vocabulary_name]]


def split_items(text: str) -> list[str]:
    """Items of a list cell: separated by commas, semicolons, slashes, '+' or 'and'."""
    return list(_split_items(text))


@functools.lru_cache(maxsize=4096)
def _split_items(text: str) -> tuple[str, ...]:
    parts = re.split(r"[,;/+\n]|\s(?:and|und|et|și|si)\s|\s&\s", text)
    return tuple(p.strip(" .") for p in parts if p.strip(" ."))


@functools.cache
def _language_names() -> dict[str, str]:
    from babel import Locale

    result: dict[str, str] = {}
    locales = [Locale.parse(lang) for lang in TEMPLATE_LANGUAGES]
    codes = {code for code in locales[0].languages if len(code) == 2}
    for code in sorted(codes):
        result[_key(code)] = code
    for locale in locales:
        for code, name in locale.languages.items():
            if len(code) == 2:
                result.setdefault(_key(name), code)
    for code in COMMON_LANGUAGES:  # each language's own name: 'Deutsch', 'română', 'العربية'
        try:
            own = Locale.parse(code).languages.get(code)
        except (ValueError, LookupError):
            own = None
        if own:
            result.setdefault(_key(own), code)
    extra = {
        "german": "de",
        "englisch": "en",
        "rumänisch": "ro",
        "roumain": "ro",
        "moldovan": "ro",
        "moldovenească": "ro",
        "schwyzerdütsch": "de",
        "flämisch": "nl",
        "flamand": "nl",
    }
    for name, code in extra.items():
        result.setdefault(_key(name), code)
    return result


@functools.lru_cache(maxsize=4096)
def read_language(text: str) -> str | None:
    """The ISO 639-1 code of a language name in en/de/fr/ro, an own name or a code; or None."""
    key = _key(text)
    if not key:
        return None
    names = _language_names()
    if key in names:
        return names[key]
    # 'fr-FR', 'de_AT', 'Französisch (gut)'
    head = re.split(r"[-_ (]", key, maxsplit=1)[0]
    return names.get(head)


def language_name(code: str, lang: str) -> str:
    """A language's name in ``lang`` ('fr' in 'de' -> 'Französisch')."""
    from babel import Locale

    try:
        name = Locale.parse(lang).languages.get(code)
    except (ValueError, LookupError):
        name = None
    return name[:1].upper() + name[1:] if name else code
