"""Ugly real-world spreadsheets for the import tests, as partner committees send them."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

GERMAN_ROWS = [
    # Name, Vorname, Geburtsdatum, Sprachen, Tierallergien, Raucher, Unterkunftsgruppe
    ("Müller", "Jürgen", "03.07.1961", "Deutsch, Französisch", "Katze", "ja", "Müller"),
    ("Müller", "Gisela", "11.11.1963", "Deutsch", "", "nein", "Müller"),
    ("Weiß", "Änne", "29.02.2008", "Deutsch/Englisch", "Hund", "", ""),
    ("Öztürk", "Süleyman", "01.12.1990", "Türkisch, Deutsch", "", "nein", ""),
]


def german_semicolon_cp1252(path: Path) -> Path:
    """A semicolon CSV in Windows-1252 with umlauts and ß, as German Excel saves it."""
    lines = ["Name;Vorname;Geburtsdatum;Sprachen;Tierallergien;Raucher;Unterkunftsgruppe"]
    lines += [";".join(row) for row in GERMAN_ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def utf8_bom_csv(path: Path) -> Path:
    """A comma CSV in UTF-8 with a byte-order mark, with Romanian and Arabic names and quotes."""
    text = (
        "Full name,Date of birth,Languages,Gender,E-mail,Party\r\n"
        'Ștefan Țăranu,2009-05-12,"Romanian, French",male,stefan@example.ro,Țăranu\r\n'
        "Ioana Țăranu,1980-01-30,ro,female,,Țăranu\r\n"
        'ليلى حداد,1975-03-08,"Arabic, French",female,leila@example.tn,\r\n'
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def ugly_xlsx(path: Path) -> Path:
    """An XLSX with a merged title row, real date cells next to text dates, blank rows,
    trailing spaces, a party column merged over a family, and a number stored as a date."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Liste"
    sheet["A1"] = "Comité de jumelage — liste des participants 2027"
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["Nom ", " Prénom", "Date de naissance", "Langues", "Famille", "Fumeur"])
    sheet.append(
        ["Lefèvre  ", "Élodie", dt.datetime(1968, 3, 14), "français, allemand", "Lefèvre", "non"]
    )
    sheet.append(["Lefèvre", "François ", "02/11/1965", "français", None, "non"])
    sheet.append([])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Popescu", "Ana", "1984-02-29", "roumain", "Popescu", "oui"])
    sheet.append(["Girard", "Isabelle", "01.04.1955", "français", None, None])
    sheet.merge_cells("E4:E5")  # the Lefèvre couple share one merged 'Famille' cell
    book.save(path)
    return path


def big_rows(n: int, seed: int = 7) -> list[tuple[str, ...]]:
    """``n`` visitor rows with names, dates, languages, parties of one to four, e-mail."""
    rng = random.Random(seed)
    first = ["Élodie", "Jean", "Ana", "Mihai", "Ștefan", "Chloé", "Jürgen", "Leïla", "Zoé", "Luca"]
    last = ["Lefèvre", "Popescu", "Țăranu", "Dubois", "Müller", "Haddad", "Girard", "Renard"]
    langs = ["français", "français, allemand", "roumain, français", "anglais", "fr, de"]
    rows = []
    party = 0
    left = 0
    for i in range(n):
        if left == 0:
            party += 1
            left = rng.randint(1, 4)
        left -= 1
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 25000))
        rows.append(
            (
                f"{rng.choice(first)} {rng.choice(last)} {i}",
                birth.strftime("%d/%m/%Y"),
                rng.choice(langs),
                rng.choice(["f", "m"]),
                f"p{i}@exemple.fr",
                f"Groupe {party}",
                rng.choice(["oui", "non"]),
            )
        )
    return rows


BIG_HEADERS = (
    "Nom complet",
    "Date de naissance",
    "Langues",
    "Sexe",
    "Courriel",
    "Hébergés ensemble",
    "Fumeur",
)


def big_csv(path: Path, n: int) -> Path:
    """A semicolon CSV in UTF-8 with ``n`` visitors."""
    lines = [";".join(BIG_HEADERS)] + [";".join(r) for r in big_rows(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def big_xlsx(path: Path, n: int) -> Path:
    """An XLSX with ``n`` visitors (dates as real date cells)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Visiteurs"
    sheet.append(BIG_HEADERS)
    for row in big_rows(n):
        birth = dt.datetime.strptime(row[1], "%d/%m/%Y")
        sheet.append([row[0], birth, *row[2:]])
    book.save(path)
    return path
