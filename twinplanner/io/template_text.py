"""The words of the intake templates (sheet names, title, instructions) in en, de, fr and ro."""

from __future__ import annotations

SHEETS = {
    "visitors": {"en": "Visitors", "de": "Besucher", "fr": "Visiteurs", "ro": "Vizitatori"},
    "hosts": {
        "en": "Host households",
        "de": "Gastfamilien",
        "fr": "Familles d'accueil",
        "ro": "Familii gazdă",
    },
    "instructions": {
        "en": "Instructions",
        "de": "Anleitung",
        "fr": "Mode d'emploi",
        "ro": "Instrucțiuni",
    },
}

TITLES = {
    "visitors": {
        "en": "Visitors: {title}, {start} – {end}",
        "de": "Besucher: {title}, {start} – {end}",
        "fr": "Visiteurs : {title}, {start} – {end}",
        "ro": "Vizitatori: {title}, {start} – {end}",
    },
    "hosts": {
        "en": "Host households: {title}, {start} – {end}",
        "de": "Gastfamilien: {title}, {start} – {end}",
        "fr": "Familles d'accueil : {title}, {start} – {end}",
        "ro": "Familii gazdă: {title}, {start} – {end}",
    },
}

DATE_FORMATS = {"en": "DD/MM/YYYY", "de": "DD.MM.YYYY", "fr": "DD/MM/YYYY", "ro": "DD.MM.YYYY"}
PY_DATE_FORMATS = {"en": "%d/%m/%Y", "de": "%d.%m.%Y", "fr": "%d/%m/%Y", "ro": "%d.%m.%Y"}

_COMMON = {
    "en": [
        "Please fill in the sheet “{sheet}”: one row per {who}, starting below the column names.",
        "Do not rename, move or delete the columns; leave a cell empty when you do not know.",
        "The visit: {title}. Arrival {start}, departure {end}.",
        "Dates: write them as {date_format} (for example {example}).",
        "Cells with a small arrow offer a list: choose from it. Where several answers fit "
        "(languages, animals), write them separated by commas.",
        "This file holds personal data: send it only to the organisers, and delete copies you no "
        "longer need.",
    ],
    "de": [
        "Bitte füllen Sie das Blatt „{sheet}“ aus: eine Zeile pro {who}, unter den Spaltennamen.",
        "Bitte Spalten nicht umbenennen, verschieben oder löschen; lassen Sie ein Feld leer, wenn "
        "Sie etwas nicht wissen.",
        "Der Besuch: {title}. Ankunft {start}, Abreise {end}.",
        "Datumsangaben bitte als {date_format} (zum Beispiel {example}).",
        "Felder mit einem kleinen Pfeil bieten eine Liste: bitte daraus wählen. Passen mehrere "
        "Antworten (Sprachen, Tiere), schreiben Sie sie durch Kommas getrennt.",
        "Diese Datei enthält personenbezogene Daten: senden Sie sie nur an das Organisationsteam "
        "und löschen Sie Kopien, die Sie nicht mehr brauchen.",
    ],
    "fr": [
        "Merci de remplir la feuille « {sheet} » : une ligne par {who}, sous les noms de colonnes.",
        "Ne renommez, ne déplacez et ne supprimez pas les colonnes ; laissez une case vide si vous "
        "ne savez pas.",
        "La visite : {title}. Arrivée le {start}, départ le {end}.",
        "Dates : écrivez-les sous la forme {date_format} (par exemple {example}).",
        "Les cases avec une petite flèche proposent une liste : choisissez-y. Si plusieurs "
        "réponses conviennent (langues, animaux), séparez-les par des virgules.",
        "Ce fichier contient des données personnelles : envoyez-le seulement aux organisateurs et "
        "effacez les copies dont vous n'avez plus besoin.",
    ],
    "ro": [
        "Vă rugăm să completați foaia „{sheet}”: câte un rând pentru fiecare {who}, sub numele "
        "coloanelor.",
        "Nu redenumiți, nu mutați și nu ștergeți coloanele; lăsați o celulă goală dacă nu știți.",
        "Vizita: {title}. Sosire {start}, plecare {end}.",
        "Datele: scrieți-le ca {date_format} (de exemplu {example}).",
        "Celulele cu o săgeată mică oferă o listă: alegeți din ea. Când se potrivesc mai multe "
        "răspunsuri (limbi, animale), separați-le prin virgule.",
        "Acest fișier conține date personale: trimiteți-l doar organizatorilor și ștergeți copiile "
        "de care nu mai aveți nevoie.",
    ],
}

WHO = {
    "visitors": {
        "en": "person travelling",
        "de": "reisende Person",
        "fr": "personne qui voyage",
        "ro": "persoană care călătorește",
    },
    "hosts": {
        "en": "host household",
        "de": "Gastfamilie",
        "fr": "famille d'accueil",
        "ro": "familie gazdă",
    },
}

_SPECIFIC = {
    "visitors": {
        "en": [
            "People who must stay together (a couple, a family, friends) get the same word in "
            "the column “{party}”, for example their family name.",
            "Animal allergies matter: hosts may keep cats, dogs or horses.",
        ],
        "de": [
            "Wer zusammen untergebracht werden muss (Paar, Familie, Freunde), bekommt in der "
            "Spalte „{party}“ dasselbe Wort, zum Beispiel den Familiennamen.",
            "Tierallergien sind wichtig: Gastfamilien haben manchmal Katzen, Hunde oder Pferde.",
        ],
        "fr": [
            "Les personnes à loger ensemble (couple, famille, amis) reçoivent le même mot dans la "
            "colonne « {party} », par exemple leur nom de famille.",
            "Les allergies aux animaux comptent : les familles d'accueil ont parfois des chats, "
            "des chiens ou des chevaux.",
        ],
        "ro": [
            "Persoanele care trebuie cazate împreună (cuplu, familie, prieteni) primesc același "
            "cuvânt în coloana „{party}”, de exemplu numele de familie.",
            "Alergiile la animale contează: gazdele pot avea pisici, câini sau cai.",
        ],
    },
    "hosts": {
        "en": [
            "Leave “{available_from}” and “{available_until}” empty if you can host for the "
            "whole visit. “Until” means the guests leave that day by noon.",
            "Beds: count every sleeping place for guests; a double bed counts as two.",
        ],
        "de": [
            "Lassen Sie „{available_from}“ und „{available_until}“ leer, wenn Sie den ganzen "
            "Besuch über Gäste aufnehmen können. „Bis“ heißt: Die Gäste reisen an dem Tag bis "
            "mittags ab.",
            "Betten: zählen Sie jeden Schlafplatz für Gäste; ein Doppelbett zählt als zwei.",
        ],
        "fr": [
            "Laissez « {available_from} » et « {available_until} » vides si vous pouvez accueillir "
            "pendant toute la visite. « Jusqu'au » veut dire que les invités partent ce jour-là "
            "avant midi.",
            "Lits : comptez chaque couchage pour invités ; un lit double compte pour deux.",
        ],
        "ro": [
            "Lăsați „{available_from}” și „{available_until}” goale dacă puteți găzdui pe toată "
            "durata vizitei. „Până la” înseamnă că oaspeții pleacă în acea zi până la prânz.",
            "Paturi: numărați fiecare loc de dormit pentru oaspeți; un pat dublu contează cât "
            "două.",
        ],
    },
}


def instructions(kind: str, lang: str, **values: str) -> list[str]:
    """The instruction lines of a template, filled with the visit's title, dates and headers."""
    lines = _COMMON.get(lang, _COMMON["en"]) + _SPECIFIC[kind].get(lang, _SPECIFIC[kind]["en"])
    return [line.format(**values) for line in lines]
