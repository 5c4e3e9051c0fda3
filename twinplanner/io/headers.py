"""Column headers in English, German, French and Romanian, and mapping files for the rest."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from twinplanner.domain.errors import ValidationError
from twinplanner.domain.text import fold

VISITORS = "visitors"
HOSTS = "hosts"
KINDS = (VISITORS, HOSTS)
LANGUAGES = ("en", "de", "fr", "ro")
IGNORE = ""  # a column mapped to nothing is left out


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One importable field: its name, how its cells are read, and its headers per language."""

    name: str
    kind: str  # text, date, flag, gender, languages, species, role, int, email, allergies, ...
    labels: Mapping[str, tuple[str, ...]] = field(hash=False, compare=False)

    def label(self, lang: str) -> str:
        """The header written for this field in a template or export."""
        return self.labels.get(lang, self.labels["en"])[0]


def _f(name: str, kind: str, en: str, de: str, fr: str, ro: str) -> FieldSpec:
    """A field whose labels are given as '|'-separated synonyms, the first one written."""
    split = {
        lang: tuple(s.strip() for s in text.split("|"))
        for lang, text in (("en", en), ("de", de), ("fr", fr), ("ro", ro))
    }
    return FieldSpec(name, kind, split)


_NAME = [
    _f(
        "full_name",
        "text",
        "Full name|Name|Name and surname|Participant",
        "Name|Vollständiger Name|Vor- und Nachname|Teilnehmer|Teilnehmerin",
        "Nom complet|Nom et prénom|Prénom et nom|Participant",
        "Nume complet|Nume și prenume|Prenume și nume|Participant",
    ),
    _f("first_name", "text", "First name|Given name|Forename", "Vorname", "Prénom", "Prenume"),
    _f(
        "last_name",
        "text",
        "Last name|Surname|Family name",
        "Nachname|Familienname|Zuname",
        "Nom|Nom de famille",
        "Nume|Nume de familie",
    ),
]
_CONTACT = [
    _f(
        "phone",
        "phone",
        "Phone|Telephone|Mobile|Tel|Phone number",
        "Telefon|Handy|Mobil|Tel|Telefonnummer|Mobilnummer",
        "Téléphone|Portable|Tél|Numéro de téléphone|Mobile",
        "Telefon|Mobil|Număr de telefon|Tel",
    ),
    _f(
        "email",
        "email",
        "E-mail|Email|Mail|E-mail address",
        "E-Mail|E-Mail-Adresse|Mail",
        "E-mail|Courriel|Adresse e-mail|Mél|Mail",
        "E-mail|Adresă de e-mail|Mail",
    ),
    _f(
        "languages",
        "languages",
        "Languages|Language|Spoken languages",
        "Sprachen|Sprache|Sprachkenntnisse",
        "Langues parlées|Langues|Langue",
        "Limbi vorbite|Limbi|Limba",
    ),
    _f(
        "notes",
        "text",
        "Notes|Remarks|Comments|Note",
        "Bemerkungen|Anmerkungen|Notizen|Hinweise|Bemerkung",
        "Remarques|Commentaires|Observations|Remarque",
        "Observații|Note|Mențiuni|Comentarii",
    ),
]

VISITOR_FIELDS: tuple[FieldSpec, ...] = (
    *_NAME,
    _f("gender", "gender", "Gender|Sex", "Geschlecht", "Sexe|Genre", "Sex|Gen"),
    _f(
        "birth_date",
        "date",
        "Date of birth|Birth date|Birthday|DOB|Born",
        "Geburtsdatum|Geb.-Datum|Geburtstag|Geboren am|Geb. am",
        "Date de naissance|Né le|Née le|Né(e) le|Naissance",
        "Data nașterii|Data de naștere|Născut la|Născută la",
    ),
    _f("role", "role", "Role|Function", "Rolle|Funktion", "Rôle|Fonction", "Rol|Funcție"),
    _f(
        "club",
        "text",
        "Club|Group|Team|Ensemble",
        "Verein|Gruppe|Mannschaft|Ensemble",
        "Club|Groupe|Équipe|Association|Ensemble",
        "Club|Grup|Echipă|Asociație|Ansamblu",
    ),
    _f(
        "party",
        "text",
        "Stay together (party)|Party|Stays with|Travelling together",
        "Gemeinsam unterbringen|Unterkunftsgruppe|Zusammen mit|Wohnt mit|Familie",
        "Hébergés ensemble|Groupe d'hébergement|Logé avec|Loge avec|Famille",
        "Cazați împreună|Grup de cazare|Cazat cu|Familie",
    ),
    *_CONTACT[:3],
    _f(
        "dietary_needs",
        "text",
        "Diet|Dietary needs|Food",
        "Ernährung|Essen|Speisen",
        "Régime alimentaire|Régime|Alimentation",
        "Regim alimentar|Dietă|Mâncare",
    ),
    _f(
        "allergies",
        "allergies",
        "Allergies|Food allergies|Intolerances",
        "Allergien|Lebensmittelallergien|Unverträglichkeiten|Allergie",
        "Allergies|Allergies alimentaires|Intolérances|Allergie",
        "Alergii|Alergii alimentare|Intoleranțe",
    ),
    _f(
        "animal_allergies",
        "species",
        "Animal allergies|Pet allergies|Allergic to animals",
        "Tierallergien|Tierhaarallergie|Tierhaarallergien|Allergisch gegen Tiere",
        "Allergies aux animaux|Allergique aux animaux",
        "Alergii la animale|Alergic la animale",
    ),
    _f(
        "smoker",
        "flag",
        "Smoker|Smokes",
        "Raucher|Raucher/in|Raucherin",
        "Fumeur|Fumeuse|Fumeur/fumeuse",
        "Fumător|Fumătoare",
    ),
    _f(
        "needs_smoke_free",
        "flag",
        "Needs smoke-free home|Non-smoking home",
        "Braucht Nichtraucherhaushalt|Nichtraucherhaushalt|Rauchfreier Haushalt",
        "Logement non-fumeur nécessaire|Logement non-fumeur",
        "Locuință pentru nefumători",
    ),
    _f(
        "needs_step_free",
        "flag",
        "Needs step-free access|Reduced mobility|Wheelchair",
        "Braucht Barrierefreiheit|Gehbehindert|Rollstuhl",
        "Accès sans marches nécessaire|Mobilité réduite|Fauteuil roulant",
        "Acces fără trepte necesar|Mobilitate redusă|Scaun cu rotile",
    ),
    _f(
        "emergency_contact",
        "text",
        "Emergency contact|In case of emergency",
        "Notfallkontakt|Im Notfall|Notfall",
        "Contact d'urgence|En cas d'urgence|Personne à prévenir",
        "Contact de urgență|În caz de urgență",
    ),
    _f(
        "consent_photos",
        "flag",
        "Photos allowed|Photo consent",
        "Fotos erlaubt|Fotoerlaubnis|Einverständnis Fotos",
        "Photos autorisées|Droit à l'image|Autorisation photos",
        "Fotografii permise|Acord fotografii",
    ),
    _f(
        "consent_health",
        "flag",
        "Host may know health needs|Health data consent",
        "Gastgeber darf Gesundheitsangaben kennen|Einverständnis Gesundheitsdaten",
        "L'hôte peut connaître les besoins de santé|Consentement données de santé",
        "Gazda poate cunoaște nevoile medicale|Acord date medicale",
    ),
    _CONTACT[3],
)

HOST_FIELDS: tuple[FieldSpec, ...] = (
    _f(
        "full_name",
        "text",
        "Contact name|Host|Full name|Name",
        "Ansprechpartner|Gastgeber|Gastfamilie|Name|Vollständiger Name",
        "Nom du contact|Hôte|Famille d'accueil|Nom complet",
        "Persoană de contact|Gazdă|Familie gazdă|Nume complet",
    ),
    *_NAME[1:],
    _f(
        "members",
        "text",
        "Household members|Others in the household",
        "Haushaltsmitglieder|Weitere Personen im Haushalt|Mitbewohner",
        "Membres du foyer|Autres personnes du foyer",
        "Membrii gospodăriei|Alte persoane din gospodărie",
    ),
    _f(
        "address",
        "text",
        "Address|Street",
        "Adresse|Anschrift|Straße|Strasse",
        "Adresse|Rue",
        "Adresă|Adresa|Strada",
    ),
    _f(
        "postcode",
        "text",
        "Postcode|Postal code|ZIP",
        "PLZ|Postleitzahl",
        "Code postal|CP",
        "Cod poștal",
    ),
    _f("city", "text", "Town|City", "Ort|Wohnort|Stadt", "Ville|Commune", "Oraș|Localitate"),
    _f("district", "text", "District|Neighbourhood", "Ortsteil|Stadtteil", "Quartier", "Cartier"),
    *_CONTACT[:3],
    _f(
        "beds",
        "int",
        "Beds|Number of beds|Guest beds",
        "Betten|Anzahl Betten|Gästebetten|Schlafplätze",
        "Lits|Nombre de lits|Couchages",
        "Paturi|Număr de paturi|Locuri",
    ),
    _f(
        "double_beds",
        "int",
        "Double beds",
        "Doppelbetten|Davon Doppelbetten",
        "Lits doubles",
        "Paturi duble",
    ),
    _f(
        "pets",
        "species",
        "Pets|Animals",
        "Haustiere|Tiere",
        "Animaux|Animaux domestiques",
        "Animale|Animale de companie",
    ),
    _f(
        "smoking",
        "flag",
        "Smoking household|Smoking",
        "Raucherhaushalt|Es wird geraucht",
        "Foyer fumeur|On fume",
        "Se fumează|Gospodărie de fumători",
    ),
    _f(
        "step_free",
        "flag",
        "Step-free access|Step-free|Wheelchair accessible",
        "Barrierefrei|Stufenlos",
        "Accès sans marches|Accessible",
        "Acces fără trepte",
    ),
    _f(
        "gender_preference",
        "gender_preference",
        "Guests' gender|Gender preference",
        "Geschlecht der Gäste",
        "Sexe des invités",
        "Sexul oaspeților",
    ),
    _f(
        "age_group",
        "age_group",
        "Preferred age|Age group",
        "Bevorzugtes Alter|Altersgruppe",
        "Âge préféré|Tranche d'âge",
        "Vârsta preferată|Grupa de vârstă",
    ),
    _f(
        "no_minors",
        "flag",
        "No minors|No children",
        "Keine Minderjährigen|Keine Kinder",
        "Pas de mineurs|Pas d'enfants",
        "Fără minori|Fără copii",
    ),
    _f(
        "max_guests",
        "int",
        "Maximum guests|At most",
        "Höchstens Gäste|Max. Gäste",
        "Invités maximum|Au plus",
        "Număr maxim de oaspeți",
    ),
    _f(
        "preferred_guests",
        "int",
        "Preferred number of guests",
        "Gewünschte Gästezahl",
        "Nombre d'invités souhaité",
        "Număr dorit de oaspeți",
    ),
    _f(
        "available_from",
        "date",
        "Available from|From",
        "Verfügbar ab|Ab",
        "Disponible à partir du|Disponible du|Du",
        "Disponibil de la|De la",
    ),
    _f(
        "available_until",
        "date",
        "Available until|Until",
        "Verfügbar bis|Bis",
        "Disponible jusqu'au|Jusqu'au",
        "Disponibil până la|Până la",
    ),
    _CONTACT[3],
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {VISITORS: VISITOR_FIELDS, HOSTS: HOST_FIELDS}
# Fields written by templates and exports (parts of names and addresses are only read).
READ_ONLY_FIELDS = frozenset({"first_name", "last_name", "postcode", "city"})


def normalise(header: object) -> str:
    """A header folded to lower-case letters and digits separated by single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(str(header or ""))).split())


def _index(kind: str) -> dict[str, list[tuple[str, str]]]:
    result: dict[str, list[tuple[str, str]]] = {}
    for spec in FIELDS[kind]:
        result.setdefault(normalise(spec.name), []).append((spec.name, ""))
        for lang, labels in spec.labels.items():
            for label in labels:
                key = normalise(label)
                pairs = result.setdefault(key, [])
                if (spec.name, lang) not in pairs:
                    pairs.append((spec.name, lang))
    return result


_INDEXES = {kind: _index(kind) for kind in KINDS}


def field_names(kind: str) -> tuple[str, ...]:
    """The field names of one kind of import."""
    return tuple(spec.name for spec in FIELDS[kind])


def spec_of(kind: str, name: str) -> FieldSpec:
    """The field spec named ``name``."""
    for spec in FIELDS[kind]:
        if spec.name == name:
            return spec
    raise KeyError(name)


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """Which field each column holds, the columns left unrecognised, and the header language."""

    fields: tuple[str | None, ...]  # per column: field name, or None when not recognised
    unrecognised: tuple[int, ...]
    language: str | None

    @property
    def score(self) -> int:
        """How many columns were recognised."""
        return sum(1 for f in self.fields if f)


def recognise(header: object, kind: str) -> tuple[str | None, tuple[str, ...]]:
    """The field a header names (or None) and the languages it could be written in."""
    key = normalise(header)
    if not key:
        return None, ()
    pairs = _INDEXES[kind].get(key)
    if not pairs:
        bare = normalise(re.sub(r"\(.*?\)|\*", " ", str(header)))
        pairs = _INDEXES[kind].get(bare)
    if not pairs:
        return None, ()
    return pairs[0][0], tuple(lang for _, lang in pairs if lang)


def match_headers(
    headers: Sequence[object], kind: str, mapping: Mapping[str, str] | None = None
) -> HeaderMatch:
    """Recognise every header; ``mapping`` (file column -> field, '' to ignore) comes first."""
    fields: list[str | None] = []
    votes: Counter[str] = Counter()
    given = {normalise(k): v for k, v in (mapping or {}).items()}
    for header in headers:
        key = normalise(header)
        if key in given:
            fields.append(given[key] or IGNORE)
            continue
        name, langs = recognise(header, kind)
        fields.append(name)
        for lang in langs:
            votes[lang] += 1 if len(langs) == 1 else 0
    fields = _resolve_names(fields)
    seen: set[str] = set()
    for i, name in enumerate(fields):  # a field taken twice: the later column is not used
        if name:
            if name in seen:
                fields[i] = None
            seen.add(name)
    unrecognised = tuple(
        i
        for i, (h, f) in enumerate(zip(headers, fields, strict=True))
        if f is None and normalise(h)
    )
    language = votes.most_common(1)[0][0] if votes else None
    return HeaderMatch(tuple(fields), unrecognised, language)


def _resolve_names(fields: list[str | None]) -> list[str | None]:
    """'Nom' alone is the whole name; 'Name' beside 'Vorname' is the family name."""
    present = set(fields)
    if "last_name" in present and "first_name" not in present and "full_name" not in present:
        return ["full_name" if f == "last_name" else f for f in fields]
    if "full_name" in present and "first_name" in present and "last_name" not in present:
        return ["last_name" if f == "full_name" else f for f in fields]
    return fields


def load_mapping(path: Path | str, kind: str) -> dict[str, str]:
    """Read a mapping file: JSON {"file column": "field"}; "" or null ignores a column."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ValidationError(
            f"Cannot read the mapping file {path}: {exc.strerror or exc}."
        ) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(f"The mapping file {path} is not valid JSON: {exc}.") from exc
    if not isinstance(data, dict):
        raise ValidationError(
            f'The mapping file {path} must hold one JSON object: {{"file column": "field"}}.'
        )
    allowed = field_names(kind)
    result: dict[str, str] = {}
    for column, target in data.items():
        target = "" if target is None else str(target).strip()
        if target and target not in allowed:
            name, _ = recognise(target, kind)
            if name is None:
                raise ValidationError(
                    f"The mapping file {path} maps “{column}” to “{target}”, which is not a field "
                    f"of {kind}. Fields: {', '.join(allowed)}."
                )
            target = name
        result[str(column)] = target
    return result
