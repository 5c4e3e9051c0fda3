"""Importing visitors and hosts: preview by row and column, all or nothing, re-import updates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import make_host, make_person, make_visit
from tests.factories_import import german_semicolon_cp1252, ugly_xlsx, utf8_bom_csv
from twinplanner.data.db import close_database, open_database
from twinplanner.data.models import (
    Club,
    HostOffer,
    Household,
    Membership,
    Participation,
    Party,
    Person,
)
from twinplanner.domain.errors import ValidationError
from twinplanner.domain.text import fold
from twinplanner.io.dates import DateOrder
from twinplanner.services import import_write, importing
from twinplanner.services.changes import Entity


@pytest.fixture
def visit_db(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A database with one visit (Beaulieu-sur-Loire visits Lindenfeld)."""
    path = tmp_path / "t.sqlite"
    open_database(path)
    visit = make_visit()
    yield path, visit.id
    close_database()


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BAD_LIST = (
    "Full name,Date of birth,Languages,Smoker\n"
    'Ana Popescu,1984-02-29,"Romanian, French",no\n'
    ",1990-01-01,French,no\n"
    "Jean Dupont,1999-02-31,French,no\n"
    "Zoé Martin,2001-04-04,Klingon,no\n"
    "Ana Popescu,1984-02-29,ro,no\n"
)


def _db_bytes(path: Path) -> bytes:
    """The database file's bytes once every write is in the main file."""
    close_database()
    data = path.read_bytes()
    open_database(path)
    return data


def test_preview_lists_every_problem_by_row_and_column(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """Missing name, impossible date, unknown language and duplicate each name row and column."""
    _, visit_id = visit_db
    parsed = importing.read_file(_csv(tmp_path / "bad.csv", BAD_LIST), "visitors")
    preview = importing.preview(visit_id, parsed)
    found = {(p.row, p.column, p.severity) for p in preview.problems}
    assert (3, "Full name", "error") in found
    assert (4, "Date of birth", "error") in found
    assert (5, "Languages", "error") in found
    assert (6, "Full name", "error") in found
    messages = " | ".join(str(p) for p in preview.errors)
    assert "name is missing" in messages and "1999-02-31" in messages
    assert "Klingon" in messages and "same name and date of birth as row 2" in messages
    assert not preview.ok and Person.select().count() == 0


def test_failed_import_leaves_the_database_byte_for_byte(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """Applying a list with errors writes nothing: the database file's bytes do not change."""
    path, visit_id = visit_db
    make_person("Élodie Lefèvre")
    before = _db_bytes(path)
    parsed = importing.read_file(_csv(tmp_path / "bad.csv", BAD_LIST), "visitors")
    with pytest.raises(ValidationError, match="Nothing was imported: 4 problem"):
        importing.apply(visit_id, parsed)
    assert _db_bytes(path) == before


def test_a_failure_half_way_through_rolls_everything_back(
    visit_db: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When writing fails after people were inserted, none of them stay: one transaction."""
    path, visit_id = visit_db
    before = _db_bytes(path)
    parsed = importing.read_file(utf8_bom_csv(tmp_path / "ok.csv"), "visitors")

    def broken(*args: object) -> None:
        raise RuntimeError("disk went away")

    monkeypatch.setattr(import_write, "_write_clubs", broken)
    with pytest.raises(RuntimeError):
        importing.apply(visit_id, parsed)
    assert Person.select().count() == 0
    assert _db_bytes(path) == before


def test_visitors_join_the_visit_grouped_into_parties(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """Each visitor becomes a guest; the party column groups the Müllers as a couple."""
    _, visit_id = visit_db
    parsed = importing.read_file(german_semicolon_cp1252(tmp_path / "de.csv"), "visitors")
    result = importing.apply(visit_id, parsed)
    assert result.changes.touches(Entity.PERSON) and result.changes.touches(Entity.PARTY)
    assert "4 new" in result.message
    people = {p.full_name: p for p in Person.select()}
    assert set(people) == {"Jürgen Müller", "Gisela Müller", "Änne Weiß", "Süleyman Öztürk"}
    juergen = people["Jürgen Müller"]
    assert juergen.animal_allergies == "cat" and juergen.languages == "de,fr" and juergen.smoker
    assert juergen.birth_date == dt.date(1961, 7, 3)
    assert juergen.town.name == "Beaulieu-sur-Loire"  # visitors come from the partner town
    assert fold("Jürgen Müller") in juergen.search_key
    parts = {p.person.full_name: p for p in Participation.select()}
    assert all(p.is_guest and p.visit_id == visit_id for p in parts.values())
    assert parts["Jürgen Müller"].party_id == parts["Gisela Müller"].party_id
    assert Party.get_by_id(parts["Jürgen Müller"].party_id).kind == "couple"
    assert Party.get_by_id(parts["Änne Weiß"].party_id).kind == "single"
    assert Party.select().count() == 3


def test_reimport_updates_people_and_says_what_changed(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """A corrected list updates the people already there (by name and birth date, or e-mail)."""
    _, visit_id = visit_db
    first = _csv(
        tmp_path / "v1.csv",
        "Full name,Date of birth,Phone,E-mail\n"
        "Ana Popescu,1984-02-29,+33 6 11,ana@example.ro\n"
        "Jean Dupont,1990-01-01,,jean@example.fr\n",
    )
    importing.apply(visit_id, importing.read_file(first, "visitors"))
    second = _csv(
        tmp_path / "v2.csv",
        "Full name,Date of birth,Phone,E-mail\n"
        "Ana Popescu,1984-02-29,+33 6 22,ana@example.ro\n"
        "Jean-Pierre Dupont,1990-01-01,,jean@example.fr\n"
        "Zoé Martin,2001-04-04,,\n",
    )
    preview = importing.preview(visit_id, importing.read_file(second, "visitors"))
    assert (preview.count("new"), preview.count("update"), preview.count("unchanged")) == (1, 2, 0)
    changes = {p.name: p.changes for p in preview.plans}
    assert changes["Ana Popescu"] == ("Phone: +33 6 11 → +33 6 22",)
    assert changes["Jean-Pierre Dupont"] == ("Full name: Jean Dupont → Jean-Pierre Dupont",)
    importing.apply(visit_id, preview.parsed)
    assert Person.select().count() == 3
    ana = Person.get(Person.full_name == "Ana Popescu")
    assert ana.phone == "+33 6 22" and "+33 6 22" in ana.search_key
    assert Participation.select().count() == 3
    again = importing.preview(visit_id, importing.read_file(second, "visitors"))
    assert again.count("unchanged") == 3


def test_known_person_from_another_visit_joins_without_a_duplicate(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """Someone already stored (last year's visit) is matched and added to this visit."""
    _, visit_id = visit_db
    known = make_person("Ana Popescu", dt.date(1984, 2, 29))
    parsed = importing.read_file(
        _csv(
            tmp_path / "v.csv",
            "Nume,Prenume,Data nașterii,Cazați împreună\nPopescu,Ana,29.02.1984,Popescu\n",
        ),
        "visitors",
    )
    preview = importing.preview(visit_id, parsed)
    assert preview.plans[0].target_id == known.id and "joins the visit" in preview.plans[0].changes
    importing.apply(visit_id, parsed)
    assert Person.select().count() == 1
    assert Participation.get(Participation.person == known).party.name == "Popescu"


def test_ambiguous_dates_are_a_question_until_answered(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """An English list with 05/06/2009 asks for the order; the answer decides the date."""
    _, visit_id = visit_db
    path = _csv(tmp_path / "v.csv", "Full name,Date of birth\nAna Pop,05/06/2009\n")
    parsed = importing.read_file(path, "visitors")
    assert parsed.date_order_ambiguous and parsed.errors
    answered = importing.read_file(path, "visitors", date_order=DateOrder.MONTH_FIRST)
    assert answered.errors == () and answered.records[0].values["birth_date"] == dt.date(2009, 5, 6)


def test_xlsx_import_with_clubs_mapping_and_romanian_names(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """The ugly workbook imports; a mapped 'Chor' column creates the club and memberships."""
    _, visit_id = visit_db
    table, match = importing.read(ugly_xlsx(tmp_path / "u.xlsx"), "visitors")
    assert match.unrecognised == ()
    result = importing.apply(visit_id, importing.parse(table, "visitors"))
    assert "4 new" in result.message
    lefevre = Party.get(Party.name == "Lefèvre")
    assert lefevre.kind == "couple" and lefevre.participations.count() == 2
    bom = importing.read_file(
        utf8_bom_csv(tmp_path / "b.csv"), "visitors", mapping={"Party": "club"}
    )
    importing.apply(visit_id, bom)
    club = Club.get(Club.name == "Țăranu")
    assert Membership.select().where(Membership.club == club).count() == 2
    arab = Person.get(Person.email == "leila@example.tn")
    assert arab.full_name == "ليلى حداد" and arab.languages == "ar,fr"
    assert fold("ţaranu") in Person.get(Person.email == "stefan@example.ro").search_key


def test_hosts_create_households_with_offers_and_update_on_reimport(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """Hosts become households offering beds for the visit; a second list updates them."""
    _, visit_id = visit_db
    text = (
        "Gastgeber;Adresse;PLZ;Ort;Betten;Doppelbetten;Haustiere;Verfügbar bis;Raucherhaushalt\n"
        "Sabine Müller;Lindenstraße 3;67551;Lindenfeld;3;1;Katze, Hund;15.05.2027;nein\n"
        "Ioana Țăranu;Am Markt 1;67551;Lindenfeld;2;;;;ja\n"
    )
    first = _csv(tmp_path / "h1.csv", text)
    result = importing.apply(visit_id, importing.read_file(first, "hosts"))
    assert result.changes.touches(Entity.HOUSEHOLD)
    sabine = Household.get(Household.contact_name == "Sabine Müller")
    assert sabine.address == "Lindenstraße 3, 67551 Lindenfeld"
    assert (sabine.beds, sabine.double_beds, sabine.pets) == (3, 1, "cat,dog")
    assert sabine.town.name == "Lindenfeld" and fold("Lindenstraße") in sabine.search_key
    offer = HostOffer.get(HostOffer.household == sabine)
    assert offer.available_until == dt.datetime(2027, 5, 15, 12, 0)
    second = _csv(tmp_path / "h2.csv", text.replace(";3;1;", ";4;1;"))
    preview = importing.preview(visit_id, importing.read_file(second, "hosts"))
    assert [p.changes for p in preview.plans if p.action == "update"] == [("Beds: 3 → 4",)]
    importing.apply(visit_id, preview.parsed)
    assert Household.select().count() == 2 and HostOffer.select().count() == 2
    assert Household.get_by_id(sabine.id).beds == 4


def test_existing_household_joins_the_visit_and_impossible_beds_are_refused(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """A stored household is matched by name and offers beds; 2 double beds in 3 is an error."""
    _, visit_id = visit_db
    known = make_host(None, "Klaus Meyer", beds=2)
    ok = _csv(tmp_path / "h.csv", "Contact name,Beds\nKlaus Meyer,3\n")
    preview = importing.preview(visit_id, importing.read_file(ok, "hosts"))
    assert preview.plans[0].target_id == known.id
    assert set(preview.plans[0].changes) == {"Beds: 2 → 3", "offers beds for the visit"}
    bad = _csv(tmp_path / "bad.csv", "Contact name,Beds,Double beds\nEva Roth,3,2\n")
    problems = importing.preview(visit_id, importing.read_file(bad, "hosts")).errors
    assert problems and problems[0].row == 2 and "double beds" in problems[0].message


def test_corrected_parties_move_people_and_drop_emptied_parties(
    visit_db: tuple[Path, int], tmp_path: Path
) -> None:
    """A second list that moves Zoé to the Martins regroups her; her old, empty party goes."""
    _, visit_id = visit_db
    first = _csv(
        tmp_path / "p1.csv",
        "Full name,Date of birth,Party\nPaul Martin,1970-01-01,Martin\nZoé Martin,2001-04-04,Zoé\n",
    )
    importing.apply(visit_id, importing.read_file(first, "visitors"))
    assert Party.select().count() == 2
    second = _csv(tmp_path / "p2.csv", first.read_text().replace(",Zoé\n", ",Martin\n"))
    preview = importing.preview(visit_id, importing.read_file(second, "visitors"))
    assert [p.changes for p in preview.plans if p.action == "update"] == [("party: Zoé → Martin",)]
    importing.apply(visit_id, preview.parsed)
    assert [p.name for p in Party.select()] == ["Martin"]
    assert Party.get().kind == "family" and Party.get().participations.count() == 2


@pytest.mark.slow
def test_ten_thousand_rows_import_in_one_go(visit_db: tuple[Path, int], tmp_path: Path) -> None:
    """10,000 visitors from a CSV import completely; importing the file again changes nothing."""
    from tests.factories_import import big_csv

    _, visit_id = visit_db
    path = big_csv(tmp_path / "big.csv", 10_000)
    result = importing.apply(visit_id, importing.read_file(path, "visitors"))
    assert "10000 new" in result.message
    assert Person.select().count() == Participation.select().count() == 10_000
    again = importing.preview(visit_id, importing.read_file(path, "visitors"))
    assert again.count("unchanged") == 10_000
