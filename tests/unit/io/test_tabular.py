"""Reading ugly real-world spreadsheets: encodings, delimiters, title rows, merged cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories_import import (
    GERMAN_ROWS,
    german_semicolon_cp1252,
    ugly_xlsx,
    utf8_bom_csv,
)
from twinplanner.io.headers import VISITORS, match_headers
from twinplanner.io.records import parse_table
from twinplanner.io.tabular import decode, read_bytes, read_table, sniff_delimiter


def test_semicolon_csv_in_windows_1252_keeps_its_umlauts(tmp_path: Path) -> None:
    """A German Excel CSV (cp1252, ';') is decoded with ä, ö, ü, ß intact and split on ';'."""
    table = read_table(german_semicolon_cp1252(tmp_path / "liste.csv"), VISITORS)
    assert table.ok and table.encoding == "windows-1252" and table.delimiter == ";"
    assert table.headers[:3] == ("Name", "Vorname", "Geburtsdatum")
    assert [r.cells[0] for r in table.rows] == [r[0] for r in GERMAN_ROWS]
    assert table.rows[2].cells[1] == "Änne" and table.rows[0].number == 2


def test_utf8_with_bom_has_no_stray_mark_in_the_first_header(tmp_path: Path) -> None:
    """The byte-order mark is not part of the first header; Romanian and Arabic names survive."""
    table = read_table(utf8_bom_csv(tmp_path / "bom.csv"), VISITORS)
    assert table.encoding == "utf-8-sig" and table.headers[0] == "Full name"
    names = [r.cells[0] for r in table.rows]
    assert names == ["Ștefan Țăranu", "Ioana Țăranu", "ليلى حداد"]
    assert table.rows[0].cells[2] == "Romanian, French"  # quoted comma kept in one cell


def test_tab_and_comma_delimiters_are_detected() -> None:
    """Tab- and comma-separated text is split on the right character even with a title line."""
    assert sniff_delimiter("Name\tVorname\tOrt\nA\tB\tC\n") == "\t"
    assert sniff_delimiter("Title of the list\nName,Vorname,Ort\nA,B,C\nD,E,F\n") == ","
    assert sniff_delimiter("Name;Vorname;Ort\nMüller, Dr.;Hans;Mainz\n") == ";"


def test_encoding_detection_falls_back_from_utf8_to_windows_1252() -> None:
    """Valid UTF-8 stays UTF-8; bytes that are not UTF-8 are read as Windows-1252."""
    assert decode("Țăranu".encode()) == ("Țăranu", "utf-8")
    assert decode("Müller €".encode("cp1252")) == ("Müller €", "windows-1252")
    assert decode(b"\xff\xfeN\x00a\x00") == ("Na", "utf-16")


def test_ugly_xlsx_title_row_merged_cells_blank_rows_and_dates(tmp_path: Path) -> None:
    """The header is found under a merged title; blank rows go; merged 'Famille' fills both rows;
    trailing spaces go; date cells and text dates both become dates; row numbers are Excel's."""
    table = read_table(ugly_xlsx(tmp_path / "ugly.xlsx"), VISITORS)
    assert table.ok and table.format == "xlsx" and table.header_row == 3
    assert table.headers[:2] == ("Nom", "Prénom")
    assert [r.number for r in table.rows] == [4, 5, 8, 9]
    parsed = parse_table(table, match_headers(table.headers, VISITORS), VISITORS)
    assert parsed.errors == ()
    by_row = {r.row: r.values for r in parsed.records}
    assert (
        by_row[4]["full_name"] == "Élodie Lefèvre" and by_row[5]["full_name"] == "François Lefèvre"
    )
    assert by_row[4]["birth_date"] == dt.date(1968, 3, 14)
    assert by_row[5]["birth_date"] == dt.date(1965, 11, 2)
    assert by_row[8]["birth_date"] == dt.date(1984, 2, 29)
    assert by_row[9]["birth_date"] == dt.date(1955, 4, 1)
    assert by_row[4]["party"] == by_row[5]["party"] == "Lefèvre"


def test_file_problems_are_reported_not_raised(tmp_path: Path) -> None:
    """A missing file, a folder, an old .xls, an empty file and a damaged zip each give a report."""
    assert "no file" in read_table(tmp_path / "nope.csv", VISITORS).problems[0]
    assert "folder" in read_table(tmp_path, VISITORS).problems[0]
    assert (
        ".xls"
        in read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, VISITORS).problems[0]
    )
    assert "empty" in read_bytes(b"", VISITORS).problems[0]
    assert "XLSX" in read_bytes(b"PK\x03\x04garbage", VISITORS).problems[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=2000).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=500).map(lambda b: b"\xef\xbb\xbfName;Vorname\n" + b),
    )
)
def test_random_bytes_never_crash_the_reader(data: bytes) -> None:
    """Any bytes give a Table with a header or a problem, and the checker never raises on it."""
    table = read_bytes(data, VISITORS, source="random.bin")
    assert table.headers or table.problems
    assert all(isinstance(p, str) and p for p in table.problems)
    parsed = parse_table(table, match_headers(table.headers, VISITORS), VISITORS)
    assert isinstance(parsed.problems, tuple)


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_cell, min_size=1, max_size=6), max_size=12),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
)
def test_random_csv_text_never_crashes_the_reader(
    rows: list[list[str]], delimiter: str, with_header: bool
) -> None:
    """Random CSV text, with or without real headers, gives a report and checked records."""
    lines = ["Name", "Geburtsdatum", "Sprachen"] if with_header else []
    text = "\n".join([delimiter.join(lines)] + [delimiter.join(r) for r in rows])
    table = read_bytes(text.encode("utf-8"), VISITORS, source="random.csv")
    parsed = parse_table(table, match_headers(table.headers, VISITORS), VISITORS)
    for problem in parsed.problems:
        assert str(problem)
    for record in parsed.records:
        assert record.row >= 1


def test_fast_xlsx_reader_gives_the_same_values_as_openpyxl(tmp_path: Path) -> None:
    """Booleans, whole and decimal numbers, dates, date-times, inline text and gaps read alike."""
    import openpyxl

    from twinplanner.io.xlsx_fast import read_sheet_values

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Beds", "Share", "Born", "Arrives", "Smoker"])
    sheet.append(["Ana", 2, 0.5, dt.date(1984, 2, 29), dt.datetime(2027, 5, 12, 17, 30), True])
    sheet.append([None, None, None, None, None, False])
    sheet["H7"] = "far away"
    path = tmp_path / "types.xlsx"
    book.save(path)
    ugly = ugly_xlsx(tmp_path / "ugly.xlsx")
    for file in (path, ugly):
        wb = openpyxl.load_workbook(file, read_only=True, data_only=True)
        fast = read_sheet_values(wb, wb.active)
        slow = [list(r) for r in wb.active.iter_rows(values_only=True)]

        def trim(rows: list[list[object]]) -> list[tuple[object, ...]]:
            out = [
                tuple(r[: max([i + 1 for i, c in enumerate(r) if c is not None] or [0])])
                for r in rows
            ]
            while out and not out[-1]:
                out.pop()
            return out

        assert trim(fast) == trim(slow)
        wb.close()
