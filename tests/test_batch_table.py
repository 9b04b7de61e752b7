"""Reading mail-merge data as spreadsheets export it: encodings, delimiters, xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest

from letterpress.batch.csvdata import sniff_delimiter
from letterpress.batch.decode import decode
from letterpress.batch.lost import lost_characters
from letterpress.batch.table import read_table
from letterpress.errors import UserError

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
EXPORTS = ["utf8-bom-comma.csv", "utf8-semicolon.csv", "cp1252-semicolon.csv", "utf16-tab.txt"]
COLUMNS = ("first_name", "last_name", "street", "postcode", "city", "workshop")


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_reads_the_same_rows(name: str) -> None:
    table = read_table(FIXTURES / name)
    assert table.columns == COLUMNS  # trimmed, BOM gone
    assert [r.number for r in table.rows] == [2, 3, 4, 5, 6]
    first, second, third, fourth, _ = (r.values for r in table.rows)
    assert first["postcode"] == "01067"  # leading zero kept: values stay strings
    assert second["first_name"] == "Jörg" and second["city"] == "Düsseldorf"
    assert third["street"] == "Am Hof 3\nHinterhaus"  # quoted line break
    assert fourth["last_name"] == "O'Neill, Jr."
    assert all(not r.problems for r in table.rows)


def test_encodings_and_delimiters_are_recognised() -> None:
    found = {name: read_table(FIXTURES / name) for name in EXPORTS}
    assert [(t.encoding, t.delimiter) for t in found.values()] == [
        ("utf-8-sig", ","),
        ("utf-8", ";"),
        ("cp1252", ";"),
        ("utf-16", "\t"),
    ]


def test_delimiter_override(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("name|note\nAnna|a;b;c\n", encoding="utf-8")
    assert read_table(path).delimiter == "|"
    table = read_table(path, delimiter=";")  # the option wins over detection
    assert table.delimiter == ";" and table.columns == ("name|note",)
    assert read_table(path, delimiter="pipe").rows[0].values == {"name": "Anna", "note": "a;b;c"}


def test_sniffing_ignores_delimiters_inside_quotes() -> None:
    assert sniff_delimiter('"a,b,c,d";x;y\n1;2;3') == ";"
    assert sniff_delimiter("only\n1") == ","


def test_undecodable_bytes_are_reported_per_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("name;city\nAnna;Köln\n".encode() + b"Ben;K\x81ln\n")
    table = read_table(path)
    assert lost_characters(table, ()) == [
        (
            3,
            "city",
            "a character was lost when the sheet was saved ('K\ufffdln')",
            'save the sheet as "CSV UTF-8" or .xlsx and use that file',
        )
    ]


def test_utf16_without_bom_and_explicit_encoding() -> None:
    assert decode("a;b\n1;2\n".encode("utf-16-le"), "x").text == "a;b\n1;2\n"
    assert decode("Köln".encode("latin-1"), "x", "latin-1").text == "Köln"
    with pytest.raises(UserError, match="unknown encoding"):
        decode(b"x", "x", "klingon")


def test_rows_with_too_many_values_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a,b\n1,2\n,\n3,4,5\n6\n", encoding="utf-8")
    table = read_table(path)
    assert [r.number for r in table.rows] == [2, 4, 5]  # the blank row 3 is no letter
    assert "3 values" in table.rows[1].problems[0][1]
    assert table.rows[2].values == {"a": "6", "b": ""}


@pytest.mark.parametrize(
    "text, message",
    [
        ("a,a\n1,2\n", "appears twice"),
        ("a,\n1,2\n", "no name"),
        ("a,b\n", "no rows"),
        ("", "empty"),
    ],
)
def test_unusable_tables(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        read_table(path)


def write_xlsx(path: Path, sheet: str = "Guests") -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Notes"
    ws["A1"] = "not the data"
    data = book.create_sheet(sheet)
    data.append(["  first_name ", "postcode", "zip_as_number", "joined", "score"])
    data.append(["Anna", "01067", 1067, None, 2.5])
    data.cell(row=2, column=3).number_format = "00000"
    from datetime import datetime

    data.append(["Ben", "20457", 1067, datetime(2026, 12, 3), 3.0])
    book.save(path)


def test_xlsx_values_stay_strings(tmp_path: Path) -> None:
    path = tmp_path / "guests.xlsx"
    write_xlsx(path)
    table = read_table(path, sheet="Guests")
    assert table.columns == ("first_name", "postcode", "zip_as_number", "joined", "score")
    anna, ben = (r.values for r in table.rows)
    assert anna == {
        "first_name": "Anna",
        "postcode": "01067",
        "zip_as_number": "01067",
        "joined": "",
        "score": "2.5",
    }  # the "00000" format keeps the zero
    assert ben["zip_as_number"] == "1067" and ben["joined"] == "2026-12-03"
    assert ben["score"] == "3"
    assert table.rows[1].numeric >= {"zip_as_number"}
    with pytest.raises(UserError, match="no sheet named 'Gusts'.*Notes, Guests"):
        read_table(path, sheet="Gusts")
    with pytest.raises(UserError, match="no rows"):  # default: the first sheet
        read_table(path)
