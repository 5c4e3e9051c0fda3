"""Intake templates in the partner's language and exports that read back without a mapping."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
from pathlib import Path

import openpyxl
import pytest

from twinplanner.data import queries
from twinplanner.data.models import HostOffer, Household, Participation, Person
from twinplanner.domain.errors import TwinPlannerError, ValidationError
from twinplanner.io import export as export_io
from twinplanner.io.export import Sheet, write_csv, write_table
from twinplanner.io.headers import spec_of
from twinplanner.io.templates import HEADER_ROW, template_fields
from twinplanner.services import exporting, importing


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _fill(path: Path, kind: str, lang: str, rows: list[dict[str, object]]) -> None:
    """Fill a template's data sheet the way a partner would, by header."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[1]  # after the instructions
    headers = {sheet.cell(HEADER_ROW, c).value: c for c in range(1, sheet.max_column + 1)}
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for name, value in values.items():
            sheet.cell(r, headers[spec_of(kind, name).label(lang)], value)
    book.save(path)


def test_visitor_template_in_german_has_dropdowns_instructions_and_dates(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    """The template speaks German, lists the visit's dates, offers dropdowns and is private."""
    _, visit_id = demo_db
    path = exporting.template("visitors", visit_id, tmp_path / "besucher.xlsx", lang="de")
    assert _mode(path) == 0o600
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Anleitung", "Besucher", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    guide = "\n".join(str(c.value) for c in book["Anleitung"]["A"] if c.value)
    assert "12.05.2027" in guide and "16.05.2027" in guide and "Ankunft" in guide
    sheet = book["Besucher"]
    headers = [sheet.cell(HEADER_ROW, c).value for c in range(1, sheet.max_column + 1)]
    assert headers[:3] == ["Name", "Geschlecht", "Geburtsdatum"]
    assert len(headers) == len(template_fields("visitors"))
    lists = {str(v.formula1) for v in sheet.data_validations.dataValidation}
    values = {c.value for col in book["Lists"].iter_cols() for c in col if c.value}
    assert {"ja", "nein", "weiblich", "männlich", "Katze", "Französisch"} <= values
    assert len(lists) >= 5  # yes/no, gender, role, languages, animals


def test_filled_template_imports_back_without_mapping(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    """A French partner fills the French template with dropdown words; no mapping is needed."""
    _, visit_id = demo_db
    path = exporting.template("visitors", visit_id, tmp_path / "visiteurs.xlsx", lang="fr")
    _fill(
        path,
        "visitors",
        "fr",
        [
            {
                "full_name": "Camille Rousseau",
                "gender": "féminin",
                "birth_date": dt.datetime(2010, 6, 1),
                "languages": "Français, Allemand",
                "animal_allergies": "chat",
                "smoker": "non",
                "party": "Rousseau",
                "role": "joueuse",
                "consent_photos": "oui",
            },
            {
                "full_name": "Hugo Rousseau",
                "gender": "masculin",
                "birth_date": "03/09/1978",
                "languages": "Français",
                "party": "Rousseau",
                "role": "accompagnateur",
            },
        ],
    )
    table, match = importing.read(path, "visitors")
    assert match.unrecognised == () and table.sheet == "Visiteurs"
    result = importing.apply(visit_id, importing.parse(table, "visitors"))
    assert "2 new" in result.message
    camille = Person.get(Person.full_name == "Camille Rousseau")
    assert (camille.gender, camille.languages, camille.animal_allergies, camille.role) == (
        "female",
        "fr,de",
        "cat",
        "player",
    )
    assert camille.consent_photos and camille.birth_date == dt.date(2010, 6, 1)
    hugo = Person.get(Person.full_name == "Hugo Rousseau")
    assert hugo.birth_date == dt.date(1978, 9, 3) and hugo.role == "chaperone"
    assert (
        Participation.get(Participation.person == camille).party_id
        == Participation.get(Participation.person == hugo).party_id
    )


def test_host_questionnaire_in_romanian_imports_back(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    """The Romanian host questionnaire, filled in, creates a household offering beds."""
    _, visit_id = demo_db
    path = exporting.template("hosts", visit_id, tmp_path / "gazde.xlsx", lang="ro")
    _fill(
        path,
        "hosts",
        "ro",
        [
            {
                "full_name": "Mihaela Ionescu",
                "address": "Strada Mare 4",
                "beds": 2,
                "pets": "câine",
                "smoking": "nu",
                "gender_preference": "doar femei",
                "available_from": dt.datetime(2027, 5, 13),
            }
        ],
    )
    table, match = importing.read(path, "hosts")
    assert match.unrecognised == ()
    importing.apply(visit_id, importing.parse(table, "hosts"))
    household = Household.get(Household.contact_name == "Mihaela Ionescu")
    assert (household.pets, household.gender_preference, household.beds) == (
        "dog",
        "female_only",
        2,
    )
    offer = HostOffer.get(HostOffer.household == household)
    assert offer.available_from == dt.datetime(2027, 5, 13, 0, 0)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["visitors", "hosts"])
def test_exports_read_back_as_unchanged(
    demo_db: tuple[Path, int], tmp_path: Path, kind: str, suffix: str
) -> None:
    """Exporting visitors or hosts and importing the file again changes nothing."""
    _, visit_id = demo_db
    path = exporting.export(kind, visit_id, tmp_path / f"out{suffix}", lang="de")
    assert _mode(path) == 0o600
    preview = importing.preview(visit_id, importing.read_file(path, kind))
    assert preview.errors == ()
    assert preview.count("new") == preview.count("update") == 0
    assert preview.count("unchanged") == len(preview.plans) > 40


def test_placements_and_whole_visit_exports(demo_db: tuple[Path, int], tmp_path: Path) -> None:
    """The placements list names each guest's household; the visit workbook has every sheet."""
    _, visit_id = demo_db
    csv_path = exporting.export("placements", visit_id, tmp_path / "placements.csv")
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.startswith("Visitor,Party,Minor,Household")
    assert "Reinhard König" in text  # the Boyers' locked placement
    guests = sum(1 for p in queries.visit_people(visit_id) if p.is_guest)
    assert len(text.strip().splitlines()) == guests + 1
    book = openpyxl.load_workbook(exporting.export("visit", visit_id, tmp_path / "visit.xlsx"))
    assert book.sheetnames == [
        "Visit",
        "Visitors",
        "Parties",
        "Host households",
        "Placements",
        "Programme",
    ]
    assert book["Programme"].max_row > 5 and isinstance(book["Programme"]["A2"].value, dt.datetime)
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        exporting.export("visit", visit_id, tmp_path / "visit.csv")
    with pytest.raises(ValidationError, match="ending in .csv or .xlsx"):
        exporting.export("visitors", visit_id, tmp_path / "visit.pdf")


def test_csv_cells_never_become_formulas_and_delimiter_is_chosen(tmp_path: Path) -> None:
    """A name starting with '=' is written as text; phones keep their '+'; ';' is possible."""
    sheet = Sheet("t", ("Name", "Phone"), (('=HYPERLINK("x")', "+33 6 11 22"),))
    text = write_csv(tmp_path / "t.csv", sheet, delimiter=";").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[1] == ['\'=HYPERLINK("x")', "+33 6 11 22"]


def test_failed_export_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When writing fails half-way, the previous export is still whole and no stray file is left."""
    target = tmp_path / "visitors.csv"
    target.write_text("old export\n", encoding="utf-8")

    class Boom(Exception):
        pass

    def failing(value: object) -> object:
        raise Boom

    monkeypatch.setattr(export_io, "_csv_value", failing)
    with pytest.raises(Boom):
        write_table(target, Sheet("t", ("Name",), (("Ana",),)))
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visitors.csv"]
    with pytest.raises(TwinPlannerError, match="does not exist"):
        write_table(tmp_path / "missing" / "x.xlsx", Sheet("t", ("Name",), ()))
