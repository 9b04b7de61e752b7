"""Mail merge from real Excel and LibreOffice files (issue #14), through the command line:
numbers in the letter's locale, cells as they show, lost characters, country names, one line
per problem, nothing written when nothing is made, Excel's conventions, file names, --rows,
--preview, check TEMPLATE DATA and the salutation filter."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from batchletter import batch_letter
from openpyxl import Workbook
from openpyxl.styles.numbers import BUILTIN_FORMATS

from letterpress.batch.table import read_table
from letterpress.cli import main
from letterpress.language.salutation import salutation_text

ROOT = Path(__file__).resolve().parent.parent
SHEETS = ROOT / "tests" / "fixtures" / "sheets"
BRIEF = SHEETS / "brief.toml"
KONTAKTE = SHEETS / "kontakte.csv"


def template(
    tmp_path: Path, body: str, language: str = "en-GB", *, extra: str = "", **fields: str
) -> Path:
    """The batch letter (``fields``: its opening, country, postal_code) with ``extra`` after
    it, as t.toml."""
    path = tmp_path / "t.toml"
    text = batch_letter(f'"{body}"', subject="Invoice", language=language, **fields)
    path.write_text(text + extra, encoding="utf-8")
    return path


def data(tmp_path: Path, header: str, *lines: str, name: str = "d.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def workbook(
    tmp_path: Path,
    *rows: list[object],
    formats: dict[str, str] | None = None,
    name: str = "d.xlsx",
) -> Path:
    """``rows`` (the header first) on the first sheet of a workbook saved as ``name``;
    ``formats`` gives a column (its letter) a number format in every row below the header."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for column, number_format in (formats or {}).items():
        for number in range(2, len(rows) + 1):
            sheet[f"{column}{number}"].number_format = number_format
    path = tmp_path / name
    book.save(path)
    return path


def batch(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main(["batch", *map(str, args), "--jobs", "1"])
    out = capsys.readouterr()
    return code, out.out, out.err


def pdf_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def manifest(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


# 1. Numbers and money in the letter's locale ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "cell", "number", "money"),
    [
        ("en-GB", "1,234", "1,234.00", "£1,234.00"),
        ("de", "1.234", "1.234,00", "1.234,00\xa0£"),
        ("de", "12,50 €", "12,50", "12,50\xa0£"),
        ("en-GB", "£1,234.50", "1,234.50", "£1,234.50"),
        ("fr", "1 234,5", "1\u202f234,50", "1\u202f234,50\xa0£GB"),
        ("de", "1234.50", "1.234,50", "1.234,50\xa0£"),  # as programs write it: a point, no group
    ],
)
def test_numbers_are_read_in_the_letters_locale(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    cell: str,
    number: str,
    money: str,
) -> None:
    tpl = template(
        tmp_path,
        "N={{ row.amount | number(2) }} M={{ row.amount | money('GBP') }}",
        language=language,
    )
    path = data(tmp_path, "name;amount", f"Kim Berger;{cell}")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    text = " ".join(pdf_texts(tmp_path / "m.pdf")[0].split())
    assert f"N={' '.join(number.split())} M={' '.join(money.split())}" in text


def test_an_ambiguous_number_is_an_error_that_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "{{ row.amount | money('GBP') }}")
    path = data(tmp_path, "name;amount", "Kim Berger;12,50", "Mei Lee;12.50")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"letterpress: error: {path}, row 2, column 'amount' (body): '12,50' is not a number as "
        "English (United Kingdom) writes them (',' separates thousands, '.' decimals); write "
        "it like 1,234.50, or format the column as a number in the spreadsheet"
    ]


def test_a_space_that_separates_thousands_is_named_not_escaped() -> None:
    """French groups thousands with a narrow no-break space: the message says "a space",
    not '\\u202f'."""
    from letterpress.batch.filters import FilterError, _read_decimal

    with pytest.raises(FilterError) as caught:
        _read_decimal("1.234,50 €", "fr")
    assert caught.value.what == (
        "'1.234,50 €' is not a number as French writes them (a space separates thousands, "
        "',' decimals)"
    )


def test_a_number_cell_is_taken_as_the_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(
        tmp_path, ["name", "amount"], ["Kim Berger", 1234.5], formats={"B": "#,##0.00 [$€-407]"}
    )
    tpl = template(
        tmp_path, "shown {{ row.amount }} / {{ row.amount | money('EUR') }}", language="de"
    )
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "shown 1.234,50 € / 1.234,50 €" in pdf_texts(tmp_path / "m.pdf")[0]


@pytest.mark.parametrize(
    ("language", "shown"), [("de", "1234,5 | 0,25 | 1067"), ("en-GB", "1234.5 | 0.25 | 1067")]
)
def test_a_general_number_cell_shows_the_letter_s_decimal_sign(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, shown: str
) -> None:
    """A number in a cell left in Excel's General format: German Excel shows 1234.5 as
    1234,5, and a German letter printed 1234.5."""
    path = workbook(
        tmp_path, ["name", "amount", "share", "code"], ["Kim Berger", 1234.5, 0.25, 1067]
    )
    tpl = template(tmp_path, "{{ row.amount }} | {{ row.share }} | {{ row.code }}", language)
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert shown in pdf_texts(tmp_path / "m.pdf")[0]


def test_excel_s_zip_plus_4_and_phone_number_formats_show_as_in_excel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's "Special" formats put a number's digits into places with literals between
    them, and the phone format picks its section by a condition: they printed
    950141234-0000 and 2125551234-####."""
    path = workbook(
        tmp_path,
        ["name", "zip", "phone"],
        ["Kim Berger", 950141234, 2125551234],
        ["Mei Lee", 12345, 5551234],
        ["Ben Ode", 12344.5, 5551234],  # Excel rounds half away from zero
        formats={"B": "00000-0000", "C": "[<=9999999]###-####;(###) ###-####"},
    )
    tpl = template(tmp_path, "{{ row.zip }} | {{ row.phone }}", "en-US")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (  # a code holding a fraction prints as shown, with a warning
        0,
        f"letterpress: warning: {path}, row 4, column 'zip' (body): the cell "
        "holds 12344.5, which its format shows rounded, as '00001-2345'; '00001-2345' is "
        "printed; correct the cell if that is not the code\n",
    )
    pages = pdf_texts(tmp_path / "m.pdf")
    assert "95014-1234 | (212) 555-1234" in pages[0]
    assert "00001-2345 | 555-1234" in pages[1]
    assert "00001-2345 | 555-1234" in pages[2]


def test_excel_s_fraction_formats_show_as_in_excel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's Fraction formats (# ?/?, # ??/??, # ?/4 "As quarters") show a number as a
    whole part and a fraction: the letter printed '/2', '/ 2' and '2 ?/4' for 1.5."""
    path = workbook(
        tmp_path,
        ["name", "hours", "finer", "quarters", "size"],
        ["Kim Berger", 1.5, 0.3333333, 2.75, 12345.5],
        ["Mei Lee", 5, 2.1875, 0.25, 0.5],
        formats={"B": "# ?/?", "C": "# ??/??", "D": '# ?/4" h"', "E": "#,##0 ?/?"},
    )
    body = "{{ row.hours }} | {{ row.finer }} | {{ row.quarters }} | {{ row.size }}"
    tpl = template(tmp_path, body, "de-DE")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    pages = pdf_texts(tmp_path / "m.pdf")
    assert "1 1/2 | 1/3 | 2 3/4 h | 12.345 1/2" in pages[0]
    assert "5 | 2 3/16 | 1/4 h | 0 1/2" in pages[1]


# 2. Times and dates as the cell shows them -----------------------------------------------


def test_xlsx_cells_show_as_in_the_spreadsheet() -> None:
    table = read_table(SHEETS / "kontakte.xlsx", locale="de")
    kim = table.rows[0].values
    assert (kim["PLZ"], kim["Betrag"], kim["Termin"], kim["Uhrzeit"]) == (
        "01067",
        "1.234,50\xa0€",  # a no-break space: the amount and its unit stay on one line
        "03.12.2026",
        "10:00",
    )
    english = read_table(SHEETS / "kontakte.xlsx", locale="en").rows[0].values
    assert (english["Betrag"], english["Uhrzeit"]) == ("1,234.50\xa0€", "10:00")


@pytest.mark.parametrize("name", ["zahlen.ods", "zahlen.xls"])
def test_ods_and_xls_cells_show_as_libreoffice_showed_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """An .ods keeps the text each cell showed, an .xls each cell's number format: a
    postcode formatted 00000 keeps its zero, money, dates and times print as the sheet
    showed them (they printed 1067, 1234.5 and 2026-12-03; in an .xls a postcode column
    failed every row as a lost leading zero). The table starts at C3, so the data rows are
    rows 4 and 5 (they were numbered 6 and 7)."""
    body = "{{ row.PLZ }} | {{ row.Betrag }} | {{ row.Termin }} | {{ row.Uhrzeit }}"
    tpl = template(tmp_path, body, postal_code="{{ row.PLZ }}")
    code, out, err = batch(capsys, tpl, SHEETS / name, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    pages = [" ".join(t.split()) for t in pdf_texts(tmp_path / "m.pdf")]
    assert "01067 | 1,234.50 € | 03.12.2026 | 10:00" in pages[0]
    assert "08001 | 12.50 € | 04.12.2026 | 14:30" in pages[1]
    assert "01067 Hamburg" in pages[0]
    assert [row.number for row in read_table(SHEETS / name).rows] == [4, 5]


@pytest.mark.parametrize("name", ["kontakte.csv", "kontakte.xlsx", "kontakte.ods", "kontakte.xls"])
def test_every_program_s_file_gives_the_same_letters(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = batch(capsys, BRIEF, SHEETS / name, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert (
        out.splitlines()[0] == f"Geschrieben: {tmp_path / 'm.pdf'}: 5 Dokumente aus 5 "
        "Zeilen (5 Seiten); 0 Zeilen fehlgeschlagen."
    )  # a German letter
    pages = [" ".join(t.split()) for t in pdf_texts(tmp_path / "m.pdf")]
    assert "Ihr Beratungstermin am 3. Dezember 2026 um 10:00 Uhr" in pages[0]
    assert "Sehr geehrte Frau Weiß," in pages[0]
    assert (
        "Termin am 03.12.2026 um 10:00 Uhr. Die Gebühr von 1.234,50 € (1.234,50 Euro)" in pages[0]
    )
    assert "Sehr geehrter Herr Nowak," in pages[1] and "1010 WIEN ÖSTERREICH" in pages[1]
    assert "Guten Tag Ayşe Yılmaz," in pages[2] and "8001 ZÜRICH SCHWEIZ" in pages[2]
    assert "Sehr geehrte Frau Dr. Lee," in pages[3] and "VEREINIGTES KÖNIGREICH" in pages[3]
    assert "WASHINGTON, DC 20500 VEREINIGTE STAATEN" in pages[4]
    assert "um 16:45 Uhr" in pages[4] and "250,00 €" in pages[4]


# 3. Characters lost by an 8-bit export ---------------------------------------------------


def test_question_marks_from_a_windows_export_stop_their_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = SHEETS / "kontakte-windows.csv"
    code, out, err = batch(capsys, BRIEF, source, "-o", tmp_path / "m.pdf")
    assert code == 1
    hint = 'save the sheet as "CSV UTF-8" or .xlsx and use that file'
    assert err.splitlines() == [
        f"letterpress: error: {source}, row 3, column 'Vorname' (recipient.name): a character "
        f"was lost when the sheet was saved ('?ukasz'); {hint}",
        f"letterpress: error: {source}, row 4, column 'Vorname' (recipient.name): a character "
        f"was lost when the sheet was saved ('Ay?e'); {hint}",
        f"letterpress: error: {source}, row 4, column 'Nachname' (recipient.name): a character "
        f"was lost when the sheet was saved ('Y?lmaz'); {hint}",
    ]
    assert "3 Dokumente aus 5 Zeilen (3 Seiten); 2 Zeilen fehlgeschlagen." in out
    rows = manifest(tmp_path / "m.manifest.csv")
    assert [(r["row"], r["status"]) for r in rows] == [
        ("2", "ok"),
        ("3", "failed"),
        ("4", "failed"),
        ("5", "ok"),
        ("6", "ok"),
    ]


def test_check_template_data_stops_on_the_rows_the_batch_stops_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check TEMPLATE DATA said "5 rows checked, no findings" of an export that lost Ł and ş
    (and of a file with U+FFFD), and batch then failed those rows: it says what batch says."""
    source = SHEETS / "kontakte-windows.csv"
    hint = 'save the sheet as "CSV UTF-8" or .xlsx and use that file'
    code = main(["check", str(BRIEF), str(source)])
    out = capsys.readouterr()
    assert (code, out.out) == (1, "")
    assert out.err.splitlines()[:2] == [
        f"letterpress: error: {source}, row 3, column 'Vorname' (recipient.name): a character "
        f"was lost when the sheet was saved ('?ukasz'); {hint}",
        f"letterpress: error: {source}, row 4, column 'Vorname' (recipient.name): a character "
        f"was lost when the sheet was saved ('Ay?e'); {hint}",
    ]
    tpl = template(tmp_path, "Hello")
    path = tmp_path / "d.csv"
    path.write_bytes("name;city\nAnna Groß;Köln-Süd\n".encode() + b"Ben Wei\xdf;K\xf6ln\n")
    code = main(["check", str(tpl), str(path), "--json"])
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert code == 1
    assert [(r["row"], r["error"]) for r in rows] == [
        (2, None),
        (3, f"a character was lost when the sheet was saved ('Ben Wei\ufffd'); {hint}"),
    ]


def test_check_template_data_reports_the_rows_batch_would_fail_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown country and a postcode that lost its 0 filled in fine, so check said "3 rows
    checked, no findings" and batch then failed two of them: check says batch's lines."""
    tpl = template(tmp_path, "Thank you, {{ row.name }}!!", country="{{ row.Land }}")
    path = data(tmp_path, "name;Land", "Kim Berger;Deutschland", "Mei Lee;Atlantis", "Ben;DE")
    code = main(["batch", str(tpl), str(path), "--check", "--jobs", "1"])
    said = capsys.readouterr().err.splitlines()
    failed = [line for line in said if line.startswith("letterpress: error:")]
    assert code == 1 and len(failed) == 1 and "unknown country 'Atlantis'" in failed[0]
    code = main(["check", str(tpl), str(path)])
    out = capsys.readouterr()
    assert code == 1
    assert out.out.splitlines() == [
        f'{path}, rows 2-4 (3 rows): body: eager: "!!"; suggestion: End the sentence with a '
        "full stop; one exclamation mark in a letter is plenty."
    ]
    assert out.err.splitlines() == [
        *failed,
        "3 rows checked: 1 row that batch would fail, 3 findings; fix the errors above, "
        "replace or rephrase the findings, then check again.",
    ]
    code = main(["check", str(tpl), str(path), "--json"])
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [r["error"] is not None for r in rows] == [False, True, False]
    assert all(r["findings"] for r in rows)  # the row batch fails is checked for tone too


def test_question_marks_meant_as_such_and_utf8_files_are_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Note: {{ row.note }}")
    path = tmp_path / "d.csv"
    path.write_bytes("name;note\nKim Berger?;who?is this\nJörg Weiß;x\n".encode("cp1252"))
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")  # after a word, and in a column that names no one
    path.write_text("name;note\n?ukasz Nowak;x\n", encoding="utf-8")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")  # UTF-8 keeps every letter: a ? there was typed


def test_replacement_characters_stop_their_rows_in_any_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Hello")
    path = tmp_path / "d.csv"
    path.write_bytes("name;city\nAnna Groß;Köln-Süd\n".encode() + b"Ben Wei\xdf;K\xf6ln\n")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"letterpress: error: {path}, row 3, column 'name' (recipient.name): a character was "
        "lost when the sheet was saved ('Ben Wei\ufffd'); save the sheet as \"CSV UTF-8\" or "
        ".xlsx and use that file",
        f"letterpress: error: {path}, row 3, column 'city': a character was lost when the "
        "sheet was saved ('K\ufffdln'); save the sheet as \"CSV UTF-8\" or .xlsx and use that "
        "file",
    ]


# 4. Country names --------------------------------------------------------------------------


def test_country_names_are_accepted_and_an_unknown_one_is_shown_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Hello", country="{{ row.Land }}")
    path = data(
        tmp_path, "name;Land", "Kim Berger;Deutschland", "Mei Lee;Deutschlnd", "Ben Berg;Atlantis"
    )
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"letterpress: error: {path}, row 3, column 'Land' (recipient.country): unknown "
        "country 'Deutschlnd'; did you mean Deutschland? write the country's name or its "
        "two-letter ISO code (DE, AT, CH, GB, US)",
        f"letterpress: error: {path}, row 4, column 'Land' (recipient.country): unknown "
        "country 'Atlantis'; write the country's name or its two-letter ISO code (DE, AT, CH, "
        "GB, US)",
    ]


# 5. One message per problem ---------------------------------------------------------------


def test_identical_findings_are_one_line_and_the_manifest_keeps_every_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Hello", country="{{ row.Land }}")
    lines = ["Kim Berger;Atlantis"] * 20 + ["Mei Lee;DE", "Ben Berg;Atlantis"]
    path = data(tmp_path, "name;Land", *lines)
    code, out, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"letterpress: error: {path}, rows 2-21 and 23 (21 rows), column 'Land' "
        "(recipient.country): unknown country 'Atlantis'; write the country's name or its "
        "two-letter ISO code (DE, AT, CH, GB, US)"
    ]
    assert "1 document from 22 rows (1 page); 21 rows failed." in out
    rows = manifest(tmp_path / "m.manifest.csv")
    assert len(rows) == 22 and sum(r["status"] == "failed" for r in rows) == 21


# 6. Nothing made, nothing written ----------------------------------------------------------


def test_when_every_row_fails_nothing_is_written_and_a_good_pdf_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Hello", country="{{ row.Land }}")
    good = data(tmp_path, "name;Land", "Kim Berger;DE", name="good.csv")
    out = tmp_path / "m.pdf"
    assert batch(capsys, tpl, good, "-o", out)[0] == 0
    before = hashlib.sha256(out.read_bytes()).hexdigest()
    before_manifest = (tmp_path / "m.manifest.csv").read_bytes()
    bad = data(tmp_path, "name;Land", "Kim Berger;Atlantis", "Mei Lee;Atlantis")
    code, stdout, err = batch(capsys, tpl, bad, "-o", out)
    assert code == 2 and stdout == ""
    assert err.splitlines()[-1] == (
        f"letterpress: error: {bad}: no document could be made: all 2 rows failed; nothing "
        "was written; fix the problems above and run again"
    )
    assert hashlib.sha256(out.read_bytes()).hexdigest() == before
    assert (tmp_path / "m.manifest.csv").read_bytes() == before_manifest
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "d.csv",
        "good.csv",
        "m.manifest.csv",
        "m.pdf",
        "t.toml",
    ]
    code, _, _ = batch(capsys, tpl, bad, "--out-dir", tmp_path / "letters")
    assert code == 2 and not (tmp_path / "letters").exists()  # the run made it: removed again


# 7. Excel's own conventions ----------------------------------------------------------------


def test_a_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    table = read_table(SHEETS / "sep.csv")
    assert table.delimiter == ";" and table.columns[0] == "Name"
    assert [r.number for r in table.rows] == [2, 3]  # the sep= line is no row, as in Excel
    assert table.rows[1].values["Name"] == "Berger, Kim"


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        (
            "utf-8",
            "the file is not UTF-8 (byte 0xDF on line 1); leave out --encoding to let "
            "letterpress recognise it, or name the encoding the file was saved in, e.g. "
            "--encoding cp1252",
        ),
        (
            "rot13",
            "--encoding: 'rot13' is not an encoding a data file can be saved in; use e.g. "
            "utf-8, cp1252, latin-1, utf-16",
        ),
        (
            "base64",
            "--encoding: 'base64' is not an encoding a data file can be saved in; use e.g. "
            "utf-8, cp1252, latin-1, utf-16",
        ),
        (
            "idna",
            "--encoding: 'idna' is not an encoding a data file can be saved in; use e.g. "
            "utf-8, cp1252, latin-1, utf-16",
        ),
        (
            "klingon",
            "--encoding: unknown encoding 'klingon'; use e.g. utf-8, cp1252, latin-1, utf-16",
        ),
    ],
)
def test_a_wrong_encoding_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, message: str
) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes("name;Straße\nJörg Weiß;Ring 2\n".encode("cp1252"))
    code, _, err = batch(
        capsys, template(tmp_path, "Hi"), path, "-o", tmp_path / "m.pdf", "--encoding", encoding
    )
    prefix = "" if message.startswith("--") else f"{path}: "
    assert (code, err) == (2, f"letterpress: error: {prefix}{message}\n")


def test_an_unreadable_header_names_the_encoding_not_a_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(
        "name;Straße;Ort\nJörg Weiß;Ring 2;Köln\n".encode().replace("ß".encode(), b"\xdf", 1)
    )
    code, _, err = batch(
        capsys, template(tmp_path, "{{ row['Straße'] }}"), path, "-o", tmp_path / "m.pdf"
    )
    assert (code, err) == (
        2,
        f"letterpress: error: {path}, row 1: the header row has "
        "characters that could not be read as utf-8; save the sheet as "
        '"CSV UTF-8", or give --encoding (e.g. cp1252)\n',
    )


def test_an_8_bit_encoding_named_for_a_utf8_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data(tmp_path, "name;Straße", "Jörg Weiß;Ring 2")
    code, _, err = batch(
        capsys, template(tmp_path, "Hi"), path, "-o", tmp_path / "m.pdf", "--encoding", "latin-1"
    )
    assert (code, err) == (
        2,
        f"letterpress: error: {path}: the file is UTF-8, not latin-1; "
        "leave out --encoding (or give --encoding utf-8)\n",
    )


# 8. File names -----------------------------------------------------------------------------


def test_file_names_keep_what_file_systems_allow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Hi")
    path = data(
        tmp_path,
        "name;file",
        "Kim Berger;Berger, Kim",
        "A;O'Brien: Zoë*",
        "B;CON",
        "C;CON.txt",
        "D;COM¹",
        "E;trailing. ",
        "F;a/b\\c",
        "G;" + "李" * 100,
        'H;"Tab\there"',
    )
    code, _, err = batch(
        capsys, tpl, path, "--out-dir", tmp_path / "out", "--name", "{{ row.file }}"
    )
    assert (code, err) == (0, "")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    cjk = "李" * 66 + ".pdf"  # 198 bytes of name: capped in bytes, between characters
    assert names == sorted(
        [
            "Berger, Kim.pdf",
            "O'Brien- Zoë-.pdf",
            "CON_.pdf",
            "CON_.txt.pdf",
            "COM¹_.pdf",
            "trailing.pdf",
            "a-b-c.pdf",
            cjk,
            "Tab here.pdf",
            "manifest.csv",
        ]
    )
    assert all(len(n.encode()) <= 255 for n in names)


def test_names_are_unique_across_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    call = '\n[call]\nphone = "+49 40 1234 5678"\npurpose = "Confirm the seat"\n'
    tpl = template(tmp_path, "Hi", extra=call)
    path = data(tmp_path, "name;file", "Kim Berger;Lee", "Mei Lee;Lee-call", "Ben Berg;lee")
    code, _, err = batch(
        capsys,
        tpl,
        path,
        "--out-dir",
        tmp_path / "out",
        "--name",
        "{{ row.file }}",
        "--kind",
        "both",
    )
    assert (code, err) == (0, "")
    rows = manifest(tmp_path / "out" / "manifest.csv")
    assert [(r["row"], r["kind"], r["output"]) for r in rows] == [
        ("2", "letter", "Lee.pdf"),
        ("2", "call", "Lee-call.pdf"),
        ("3", "letter", "Lee-call-2.pdf"),
        ("3", "call", "Lee-call-2-call.pdf"),
        ("4", "letter", "lee-2.pdf"),
        ("4", "call", "lee-2-call.pdf"),
    ]
    assert (
        len(
            {
                hashlib.sha256((tmp_path / "out" / r["output"]).read_bytes()).hexdigest()
                for r in rows
            }
        )
        == 6
    )


# 9. --rows, --preview, check TEMPLATE DATA ---------------------------------------------------


def test_rows_renders_only_those_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = batch(capsys, BRIEF, KONTAKTE, "-o", tmp_path / "m.pdf", "--rows", "2,4-5")
    assert (code, err) == (0, "")
    assert "3 Dokumente aus 3 Zeilen (3 Seiten)" in out
    assert [r["row"] for r in manifest(tmp_path / "m.manifest.csv")] == ["2", "4", "5"]
    pages = pdf_texts(tmp_path / "m.pdf")
    assert "Weiß" in pages[0] and "Yılmaz" in pages[1] and "Lee" in pages[2]
    code, _, err = batch(capsys, BRIEF, KONTAKTE, "-o", tmp_path / "m.pdf", "--rows", "2,9-12")
    assert (code, err) == (
        2,
        f"letterpress: error: {KONTAKTE}, --rows: no data in rows "
        "9-12; its data rows are 2-6 (row 1 is the header; blank rows "
        "are skipped)\n",
    )
    code, _, err = batch(capsys, BRIEF, KONTAKTE, "-o", tmp_path / "m.pdf", "--rows", "two")
    assert (code, err) == (
        2,
        "letterpress: error: --rows: 'two' is not a list of rows; write "
        "row numbers as the spreadsheet shows them, e.g. 7, 2-5 or "
        "2-5,12\n",
    )


def test_preview_writes_page_one_of_each_row_as_png(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "preview"
    code, out, err = batch(
        capsys, BRIEF, SHEETS / "kontakte.xlsx", "--rows", "3,6", "--preview", folder
    )
    assert (code, err) == (0, "")
    assert out == f"Vorschaubilder in {folder}/: 2 Bilder (row-3.png, row-6.png).\n"  # as BRIEF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["preview"]  # no PDF, no manifest
    for name in ("row-3.png", "row-6.png"):
        png = (folder / name).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (827, 1170)  # A4 at 100 dpi, rounded up


def test_check_template_data_says_to_fix_rows_it_could_not_fill_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row that cannot be filled in (a bad date) is an error line; the summary says to fix
    the errors, and to rephrase only when there are findings too."""
    tpl = template(tmp_path, "Hello {{ row.name }}, see you on {{ row.day | long_date }}.")
    path = data(tmp_path, "name;day", "Kim Berger;2026-12-03", "Mei Lee;next week")
    code = main(["check", str(tpl), str(path)])
    out = capsys.readouterr()
    assert code == 1 and out.err.splitlines()[-1] == (
        "2 rows checked: 1 row that batch would fail; fix the errors above, then check again."
    )
    tpl = template(tmp_path, "Hello {{ row.name }}!! See you on {{ row.day | long_date }}.")
    code = main(["check", str(tpl), str(path)])
    out = capsys.readouterr()
    assert code == 1 and out.err.splitlines()[-1] == (
        "2 rows checked: 1 row that batch would fail, 1 finding; fix the errors above, "
        "replace or rephrase the findings, then check again."
    )


def test_check_template_data_checks_each_filled_in_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "We are SO EXCITED, {{ row.name }}!! {{ row.extra }}")
    path = data(
        tmp_path, "name;extra", "Kim Berger;", "Mei Lee;I really need this job", "Ben Berg;"
    )
    code = main(["check", str(tpl), str(path)])
    out = capsys.readouterr()
    assert code == 1
    assert out.out.splitlines() == [
        f'{path}, rows 2-4 (3 rows): body: eager: "SO EXCITED"; suggestion: Write it in normal '
        "case; if a word needs weight, *italic* is enough.",
        f'{path}, rows 2-4 (3 rows): body: eager: "!!"; suggestion: End the sentence with a '
        "full stop; one exclamation mark in a letter is plenty.",
        f'{path}, row 3: body: eager: "I really need this job"; suggestion: I would be glad '
        "to take on this role.",
    ]
    assert out.err == "3 rows checked: 7 findings; replace or rephrase, then check again.\n"
    code = main(["check", str(tpl)])  # the template alone: its {{ }} are placeholders
    out = capsys.readouterr()
    assert code == 1 and "placeholder" in out.out
    assert out.err.splitlines()[-1] == (
        f"{tpl} is a mail-merge template: give the data file too (letterpress check {tpl} "
        "DATA) to check each row's letter."
    )


# 10. The salutation filter ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "language", "expected"),
    [
        ("Frau", "de", "Sehr geehrte Frau Weiß,"),
        ("Herr", "de", "Sehr geehrter Herr Weiß,"),
        ("", "de", "Guten Tag Kim Weiß,"),
        ("divers", "de", "Guten Tag Kim Weiß,"),
        ("Frau Dr.", "de", "Sehr geehrte Frau Dr. Weiß,"),
        ("w", "de", "Sehr geehrte Frau Weiß,"),
        ("Ms", "en-GB", "Dear Ms Weiß,"),
        ("Frau", "en", "Dear Ms Weiß,"),
        ("m", "en", "Dear Mr Weiß,"),
        ("Dr.", "en", "Dear Dr. Weiß,"),
        ("", "en", "Dear Kim Weiß,"),
        ("Mrs.", "en-US", "Dear Ms. Weiß:"),
        ("Madame", "fr", "Madame,"),
        ("Herr", "fr", "Monsieur,"),
        ("", "fr", "Bonjour Kim Weiß,"),
    ],
)
def test_salutations_in_the_letters_language(cell: str, language: str, expected: str) -> None:
    assert salutation_text(cell, "Kim", "Weiß", language) == expected


@pytest.mark.parametrize(
    ("cell", "first", "last", "language", "expected"),
    [
        ("Frau", "", "", "de", "Sehr geehrte Damen und Herren,"),
        ("", "", "", "de", "Sehr geehrte Damen und Herren,"),
        ("Frau", "Anna", "", "de", "Guten Tag Anna,"),  # not "Sehr geehrte Frau Anna,"
        ("Ms", "", "", "en-GB", "Dear Sir or Madam,"),
        ("Mr", "Tom", "", "en-GB", "Dear Tom,"),
        ("", "", "", "en-US", "Dear Sir or Madam:"),
        ("", "", "", "fr", "Madame, Monsieur,"),
        ("Madame", "", "", "fr", "Madame,"),  # French greets without the name anyway
    ],
)
def test_a_row_without_a_name_gets_a_salutation_that_needs_none(
    cell: str, first: str, last: str, language: str, expected: str
) -> None:
    assert salutation_text(cell, first, last, language) == expected


def test_an_opening_with_an_empty_name_prints_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Dear {{ row.name }},' on a row without a name: printed, one warning naming the row
    and column; --strict refuses it."""
    tpl = template(tmp_path, "Hi", opening="Dear {{ row.name }},")
    text = tpl.read_text(encoding="utf-8").replace(
        'name = "{{ row.name }}"', 'name = "{{ row.name }}"\norganization = "Initech"', 1
    )
    tpl.write_text(text, encoding="utf-8")
    path = data(tmp_path, "name;title", ";Frau", "Mei Lee;Frau")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 0
    assert err.splitlines() == [
        f"letterpress: warning: {path}, row 2, column 'name' (opening): the opening 'Dear ,' "
        "has an empty place where a name would be; fill in the name, or write the opening "
        "with the salutation filter, which greets a row without a name as 'Dear Sir or Madam,'"
    ]
    assert len(pdf_texts(tmp_path / "m.pdf")) == 2
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "s.pdf", "--strict")
    assert code == 2 and "letterpress: error:" in err and not (tmp_path / "s.pdf").exists()


def test_an_unknown_title_fails_its_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = template(tmp_path, "Hi", opening="{{ row.title | salutation('', row.name) }}")
    path = data(tmp_path, "name;title", "Kim Berger;Frau", "Mei Lee;Hx")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"letterpress: error: {path}, row 3, column 'title' (opening): 'Hx' is neither a title "
        "nor a gender letterpress knows; write Frau or Herr, Ms or Mr, Madame or Monsieur "
        "(with a title such as Dr. if there is one), or leave the cell empty"
    ]
    assert "Dear Ms Kim Berger," in pdf_texts(tmp_path / "m.pdf")[0]


# Issue #20: the workbook reader -----------------------------------------------------------


def xlsx_with(tmp_path: Path, change: dict[str, bytes | None]) -> Path:
    """A workbook of three rows made by openpyxl, with parts replaced (or removed)."""
    book = Workbook()
    sheet = book.active
    for row in (["name"], ["Kim Berger"], ["Mei Lee"], ["Ben Berg"]):
        sheet.append(row)
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    path = tmp_path / "d.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data_ = src.read(item.filename)
            if item.filename in change:
                replaced = change[item.filename]
                if replaced is None:
                    continue
                data_ = replaced
            dst.writestr(item.filename, data_)
    plain.unlink()
    return path


def sheet_xml(dimension: str) -> bytes:
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{name}</t></is></c></row>'
        for i, name in enumerate(["name", "Kim Berger", "Mei Lee", "Ben Berg"], 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/>'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()


@pytest.mark.parametrize("dimension", ["A1:A2", "A1:XFD1048576"])
def test_xlsx_rows_are_the_real_cells_not_the_declared_range(
    tmp_path: Path, dimension: str
) -> None:
    path = xlsx_with(tmp_path, {"xl/worksheets/sheet1.xml": sheet_xml(dimension)})
    assert path.stat().st_size < 6000
    table = read_table(path)
    assert [r.values["name"] for r in table.rows] == ["Kim Berger", "Mei Lee", "Ben Berg"]
    assert all(r.columns is table.columns for r in table.rows)  # one tuple, shared


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"xl/worksheets/sheet1.xml": LAUGHS}, "not a readable .xlsx workbook"),
        ({"xl/worksheets/sheet1.xml": None}, "the workbook has no worksheet"),
    ],
)
def test_hostile_or_broken_workbooks_are_one_clean_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, bytes | None],
    message: str,
) -> None:
    path = xlsx_with(tmp_path, change)
    code, _, err = batch(capsys, template(tmp_path, "Hi"), path, "-o", tmp_path / "m.pdf")
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"letterpress: error: {path}: {message}")
    assert err.endswith("; open it in the spreadsheet program and save it again\n")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(600):
                member.write(block)
    assert path.stat().st_size < 1_000_000
    code, _, err = batch(capsys, template(tmp_path, "Hi"), path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {path}: the workbook unpacks to 600 MiB, "
        "more than the 512 MiB an address list needs; split it into "
        "smaller files, or save it again\n",
    )


def test_printing_the_whole_row_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Data: {{ row }}")
    path = data(tmp_path, "name", "Kim Berger")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 2
    assert err.splitlines()[0] == (
        f"letterpress: error: {path}, row 2, body: the template prints the whole row "
        "({{ row }}); write row.COLUMN for each value the letter shows, e.g. "
        "{{ row.last_name }}"
    )


# Standard input as the data ----------------------------------------------------------------


def _piped(tmp_path: Path, data: bytes, *args: object) -> subprocess.CompletedProcess[bytes]:
    """``... | letterpress ARGS`` with ``data`` on standard input."""
    return subprocess.run(
        [sys.executable, "-m", "letterpress", *map(str, args)],
        input=data,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )


@pytest.mark.parametrize("name", ["kontakte.csv", "kontakte.xlsx", "kontakte.ods", "kontakte.xls"])
def test_data_from_standard_input_is_read_like_the_file(tmp_path: Path, name: str) -> None:
    """`-` as DATA: CSV or a workbook, told apart by its first bytes, gives the same letters."""
    proc = _piped(tmp_path, (SHEETS / name).read_bytes(), "batch", BRIEF, "-", "-o", "m.pdf")
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout.decode().splitlines()[0] == (
        "Geschrieben: m.pdf: 5 Dokumente aus 5 Zeilen (5 Seiten); 0 Zeilen fehlgeschlagen."
    )
    pages = [" ".join(t.split()) for t in pdf_texts(tmp_path / "m.pdf")]
    assert "Sehr geehrte Frau Weiß," in pages[0] and "Guten Tag Ayşe Yılmaz," in pages[2]
    checked = _piped(tmp_path, (SHEETS / name).read_bytes(), "check", BRIEF, "-")
    assert checked.stdout.decode().startswith("<stdin>: 5 ")


def test_standard_input_data_is_checked_like_a_file(tmp_path: Path) -> None:
    xlsx = (SHEETS / "kontakte.xlsx").read_bytes()
    cases = [
        (
            (xlsx, "batch", BRIEF, "-", "-o", "m.pdf", "--encoding", "cp1252"),
            "letterpress: error: --encoding: --encoding applies to CSV files only (standard "
            "input holds a .xlsx workbook)",
        ),
        (
            (b"PK\x03\x04broken", "batch", BRIEF, "-", "-o", "m.pdf"),
            "letterpress: error: <stdin>: not a readable .xlsx workbook (not a zip file); open "
            "it in the spreadsheet program and save it again",
        ),
        (
            (BRIEF.read_bytes(), "batch", "-", "-", "-o", "m.pdf"),
            "letterpress: error: -: the template and the data cannot both be read from "
            "standard input; give one of them as a file",
        ),
        (
            (b"", "batch", BRIEF, "-", "-o", "m.pdf"),
            "letterpress: error: <stdin>: the data file has no header row; the first row must "
            "name the columns",
        ),
    ]
    for (data, *args), line in cases:
        proc = _piped(tmp_path, data, *args)
        assert (proc.returncode, proc.stderr.decode().strip()) == (2, line)
    assert not (tmp_path / "m.pdf").exists()


with zipfile.ZipFile(SHEETS / "zahlen.ods") as _ods:
    _ODS_CONTENT = _ods.read("content.xml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            _ODS_CONTENT.replace(
                b"?>", b"?>" + LAUGHS.split(b"]>")[0].split(b"?>")[1] + b"]>", 1
            ).replace(b"<text:p>01067</text:p>", b"<text:p>&lol9;</text:p>"),
            "the workbook's content declares XML entities, which a spreadsheet never writes",
        ),
        (b"<office:document-content", "not a readable .ods workbook"),
    ],
    ids=["entities", "truncated"],
)
def test_hostile_ods_content_is_one_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    """The .ods reader for the cells' shown texts parses content.xml itself: a file with XML
    entities or broken XML is one line, as for .xlsx."""
    path = tmp_path / "hostile.ods"
    with zipfile.ZipFile(SHEETS / "zahlen.ods") as good, zipfile.ZipFile(path, "w") as bad:
        for info in good.infolist():
            data = content if info.filename == "content.xml" else good.read(info)
            bad.writestr(info, data)
    code, _, err = batch(capsys, template(tmp_path, "Hi"), path, "-o", tmp_path / "m.pdf")
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"letterpress: error: {path}: {message}")
    assert err.endswith("; open it in the spreadsheet program and save it again\n")


def test_a_formula_without_a_saved_result_fails_its_row_where_the_template_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workbook written by a program (openpyxl, as exports do) keeps its formulas but not
    their results: a formula cell the letter reads fails its row with one line saying how to
    get the results kept; one in a column the letter does not read is no problem."""
    path = workbook(
        tmp_path,
        ["name", "company", "internal"],
        ["Kim Berger", '=A2&" Consulting"', "=1+1"],
        ["Mei Lee", "Initech", "=1+1"],
        name="export.xlsx",
    )
    tpl = template(tmp_path, "Your place at {{ row.company }} is confirmed.")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"letterpress: error: {path}, row 2, column 'company' (body): the cell holds a formula "
        "whose result the file does not keep; open the file in Excel or LibreOffice and save "
        "it: the results are then kept"
    ]
    assert pdf_texts(tmp_path / "m.pdf")[0].count("Initech") == 1  # row 3 only


def test_a_name_pattern_with_an_unknown_column_is_one_error_for_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "Hi")
    path = data(tmp_path, "name;title", "Kim Berger;Frau")
    folder = tmp_path / "out"
    code, _, err = batch(capsys, tpl, path, "--out-dir", folder, "--name", "{{ row.nam }}")
    assert (code, err) == (
        2,
        f"letterpress: error: --name: the file name pattern uses column 'nam', which {path} "
        "does not have; did you mean {{ row.name }}? the columns are name, title\n",
    )
    assert not list(folder.glob("*.pdf"))


def test_a_name_pattern_column_without_row_is_one_error_saying_how_to_write_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--name '{{ name }}'` (no `row.`) failed every row with "UndefinedError: 'name' is
    undefined" and then "no document could be made"; it is one error before any row."""
    tpl = template(tmp_path, "Hi")
    path = data(tmp_path, "name;title", "Kim Berger;Frau")
    folder = tmp_path / "out"
    code, _, err = batch(capsys, tpl, path, "--out-dir", folder, "--name", "{{ name }}-{{ n }}")
    assert (code, err) == (
        2,
        "letterpress: error: --name: the file name pattern uses 'name' without 'row.' in front; "
        "write {{ row.name }}\n",
    )
    assert not list(folder.glob("*"))


def test_a_character_no_font_draws_names_the_column_that_holds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = template(tmp_path, "{{ row.title }} {{ row.note }} {{ row.city }}")
    path = data(tmp_path, "name;title;note;city", "Kim Berger;Frau;emoji \U0001f600;Bonn")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 2
    assert err.splitlines()[0] == (
        f"letterpress: error: {path}, row 2, column 'note' (body): character '\U0001f600' "
        "(U+1F600 Grinning Face) cannot be drawn by the bundled fonts; replace or remove it"
    )


def test_rows_that_are_not_there_name_the_header_s_own_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two blank rows above the header: the header is row 3, as the spreadsheet shows it."""
    path = workbook(
        tmp_path,
        [],
        [],
        ["name", "title"],
        ["Kim Berger", "Frau"],
        ["Mei Lee", "Frau"],
        name="list.xlsx",
    )
    code, _, err = batch(
        capsys, template(tmp_path, "Hi"), path, "-o", tmp_path / "m.pdf", "--rows", "2"
    )
    assert (code, err) == (
        2,
        f"letterpress: error: {path}, --rows: no data in row 2; its data rows are 4-5 (row 3 is "
        "the header; blank rows are skipped)\n",
    )


def test_a_first_sheet_without_rows_names_the_other_sheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CRM export that starts with a notes sheet: the error says which sheet was read and
    how to pick the one with the addresses."""
    book = Workbook()
    book.active.title = "Info"
    book.active.append(["Generated by CRM export"])
    sheet = book.create_sheet("Teilnehmer")
    sheet.append(["name", "title"])
    sheet.append(["Kim Berger", "Frau"])
    path = tmp_path / "export.xlsx"
    book.save(path)
    tpl = template(tmp_path, "Hi")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {path}: the data file has a header but no rows in its first "
        "sheet 'Info'; give the sheet with the addresses: --sheet 'Teilnehmer'\n",
    )
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf", "--sheet", "Teilnehmer")
    assert (code, err) == (0, "")


# 11. Phone numbers the sheet kept as numbers ---------------------------------------------


def test_a_phone_number_the_sheet_kept_as_a_number_says_what_was_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typed into Excel, +49 30 123456 becomes the number 4930123456 and 030 1234567 the
    number 301234567: the call sheet's row says the cell holds a number, and what to write
    (the number with its + when that is a valid one), not only "check the digits"."""
    text = (ROOT / "examples" / "call.toml").read_text(encoding="utf-8")
    tpl = tmp_path / "call.toml"
    tpl.write_text(
        text.replace('phone = "+1 312 555 0147"', 'phone = "{{ row.phone }}"'), encoding="utf-8"
    )
    path = workbook(
        tmp_path,
        ["phone"],
        [13125550147],
        [4930123456],
        [301234567],
        ["+1 312 555 0148"],
        name="calls.xlsx",
    )
    code, out, err = batch(capsys, tpl, path, "--kind", "call", "-o", tmp_path / "c.pdf")
    lost = (  # read as a national number of the template's recipient country
        "is not a valid phone number in the United States: the cell holds a number, which "
        "loses a leading + or 0"
    )
    where = f"letterpress: error: {path}, row"
    assert (code, err.splitlines()) == (
        1,
        [
            f"{where} 3, column 'phone' (call.phone): '4930123456' {lost}; format the column "
            "as Text in the spreadsheet and write +49 30 123456",
            f"{where} 4, column 'phone' (call.phone): '301234567' {lost}; format the column "
            "as Text in the spreadsheet and write the number with its country code, e.g. "
            "+49 89 1234567",
        ],
    )


def test_a_postcode_formatted_00000_holding_a_fraction_prints_as_the_sheet_shows_it_and_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A postcode column formatted 00000 (Excel's way to keep 01067's zero) where 1067.5 was
    typed by mistake: Excel shows 01068 (rounded half away from zero), and so does the
    letter now, with one warning naming the cell (it printed "1067.5", in no sheet); a
    negative number keeps its minus as in Excel (-01067 printed as 01067)."""
    path = workbook(
        tmp_path,
        ["name", "PLZ"],
        ["Kim Berger", 1067],
        ["Mei Lee", 1067.5],
        ["Ben Ode", -1067],
        formats={"B": "00000"},
    )
    tpl = template(tmp_path, "PLZ {{ row.PLZ }}")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        0,
        f"letterpress: warning: {path}, row 3, column 'PLZ' (body): the cell "
        "holds 1067.5, which its format shows rounded, as '01068'; '01068' is printed; "
        "correct the cell if that is not the code\n",
    )
    pages = pdf_texts(tmp_path / "m.pdf")
    assert "PLZ 01067" in pages[0] and "PLZ 01068" in pages[1] and "PLZ -01067" in pages[2]
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "r.pdf", "--rows", "2")
    assert (code, err) == (0, "")  # row 3 is not printed: nothing to warn about


def test_a_workbook_postcode_without_its_zero_says_what_the_cell_holds_and_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text cell "1067" in a workbook was told "format the column as Text in the
    spreadsheet and export again": the cell is text already, and a workbook is read as it
    is: the zero is missing in the cell itself, to be typed. A number cell 1069 was told
    the same, though formatting it as Text keeps 1069: the number format 00000 shows (and
    prints) 01069. After the fix, the letter prints the code with its zero."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "PLZ"])
    sheet.append(["Kim Berger", "1067"])
    sheet.append(["Mei Lee", 1069])
    sheet["B2"].number_format = "@"
    book.save(tmp_path / "d.xlsx")
    tpl = template(tmp_path, "Hello", postal_code="{{ row.PLZ }}")
    code, _, err = batch(capsys, tpl, tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf")
    where = f"letterpress: error: {tmp_path / 'd.xlsx'}, row"
    assert (code, err.splitlines()[:2]) == (
        2,
        [
            f"{where} 2, column 'PLZ' (recipient.postal_code): postcode '1067' is missing its "
            "leading zero (01067) in the cell; type 01067 in the cell itself",
            f"{where} 3, column 'PLZ' (recipient.postal_code): postcode '1069' looks like it "
            "lost its leading zero (01069): the cell holds a number; give the column the "
            "number format 00000, or format it as Text and type 01069",
        ],
    )
    sheet["B2"] = "01067"
    sheet["B3"].number_format = "00000"
    book.save(tmp_path / "d.xlsx")
    code, _, err = batch(capsys, tpl, tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    pages = pdf_texts(tmp_path / "m.pdf")
    assert "01067" in pages[0] and "01069" in pages[1]


@pytest.mark.parametrize("out", [["-o", "m.pdf"], ["--out-dir", "out"]], ids=["merged", "folder"])
def test_strict_stops_on_a_warning_found_reading_the_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: list[str]
) -> None:
    """README: --strict turns every warning into an error. A cell its format shows rounded
    (1067.5 under 00000, printed as 01068) was warned about and the PDF written, exit 0,
    under --strict too: the warning is the row's error now, and nothing is written."""
    path = workbook(
        tmp_path, ["name", "PLZ"], ["Kim Berger", 1067], ["Mei Lee", 1067.5], formats={"B": "00000"}
    )
    tpl = template(tmp_path, "PLZ {{ row.PLZ }}")
    where = [out[0], str(tmp_path / out[1])]
    code, _, err = batch(capsys, tpl, path, *where, "--strict")
    assert (code, err) == (
        2,
        f"letterpress: error: {path}, row 3, column 'PLZ' (body): the cell "
        "holds 1067.5, which its format shows rounded, as '01068'; '01068' is printed; "
        "correct the cell if that is not the code\n"
        f"letterpress: error: {path}: --strict: 1 of 2 rows has problems; "
        "nothing was written; fix the row above, or leave out --strict to write the others\n",
    )
    written = [p for p in tmp_path.rglob("*") if p.is_file()]  # --out-dir: its folder, empty
    assert sorted(p.name for p in written) == ["d.xlsx", "t.toml"]


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_an_ods_or_xls_postcode_holding_a_fraction_warns_as_the_xlsx_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """LibreOffice keeps the number (8001.5) and the text it showed for it under 00000
    (08002); Excel 97 keeps the number (an RK record: 800150 hundredths) and the format: the
    letter prints 08002, with the same warning as for an .xlsx (it printed 8001.5 from the
    .xls)."""
    path = tmp_path / f"zahlen.{kind}"
    if kind == "xls":
        path.write_bytes(
            (SHEETS / "zahlen.xls")
            .read_bytes()
            .replace(struct.pack("<I", 8001 << 2 | 2), struct.pack("<I", 800150 << 2 | 3))
        )
    else:
        with zipfile.ZipFile(SHEETS / "zahlen.ods") as source, zipfile.ZipFile(path, "w") as out:
            for item in source.infolist():
                part = source.read(item)
                if item.filename == "content.xml":
                    part = part.replace(
                        b'office:value="8001" calcext:value-type="float"><text:p>08001<',
                        b'office:value="8001.5" calcext:value-type="float"><text:p>08002<',
                    )
                out.writestr(item, part)
    tpl = template(tmp_path, "PLZ {{ row.PLZ }}")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        0,
        f"letterpress: warning: {path}, row 5, column 'PLZ' (body): the cell holds 8001.5, "
        "which its format shows rounded, as '08002'; '08002' is printed; correct the cell if "
        "that is not the code\n",
    )
    assert "PLZ 08002" in pdf_texts(tmp_path / "m.pdf")[1]


def test_numbers_round_half_away_from_zero_as_excel_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel rounds a number its format shortens half away from zero (0.125 in 0.00 is 0.13,
    1234.5 in #,##0 is 1,235, 0.5 % in 0% is 1%); the letter printed 0.12, 1,234 and 0%
    (Babel's default, half to even), figures no sheet shows."""
    path = workbook(
        tmp_path,
        ["name", "share", "amount", "rate", "fee"],
        ["Kim Berger", 0.125, 1234.5, 0.005, 1.005],
        formats={"B": "0.00", "C": "#,##0", "D": "0%", "E": "#,##0.00 [$€-407]"},
    )
    tpl = template(tmp_path, "{{ row.share }} | {{ row.amount }} | {{ row.rate }} | {{ row.fee }}")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "0.13 | 1,235 | 1% | 1.01 €" in pdf_texts(tmp_path / "m.pdf")[0]


def test_commas_after_the_digits_scale_by_thousands_as_in_excel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comma after a format's last digit place divides by 1,000 (#,##0,"K" shows 1234567
    as 1,235K; #,##0.0,,"M" as 1.2M): the letter printed ",1234567K" and "1,234,567.0M"."""
    path = workbook(
        tmp_path,
        ["name", "raised", "budget"],
        ["Kim Berger", 1234567, 1234567],
        formats={"B": '#,##0,"K"', "C": '#,##0.0,,"M"'},
    )
    tpl = template(tmp_path, "{{ row.raised }} | {{ row.budget }}")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "1,235K | 1.2M" in pdf_texts(tmp_path / "m.pdf")[0]


ACCOUNTING = '_-* #,##0.00 €_-;-* #,##0.00 €_-;_-* "-"?? €_-;_-@_-'  # German Excel's


def test_a_zero_in_an_accounting_format_shows_its_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's Accounting format (German: _-* #,##0.00 €_-;-* #,##0.00 €_-;_-* "-"?? €_-;_-@_-)
    shows zero as a dash, its ?? places blank: the letter printed "-0 €", a minus zero."""
    path = workbook(
        tmp_path,
        ["name", "open", "paid"],
        ["Kim Berger", 0, 1234.5],
        formats={"B": ACCOUNTING, "C": ACCOUNTING},
    )
    tpl = template(tmp_path, "offen {{ row.open }} | bezahlt {{ row.paid }}", "de")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "offen - € | bezahlt 1.234,50 €" in pdf_texts(tmp_path / "m.pdf")[0]


def test_excel_s_scientific_format_shows_a_mantissa_and_a_power_of_ten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's Scientific format (0.00E+00) shows 123456 as 1.23E+05, in German Excel
    1,23E+05; ##0.0E+0 keeps the power a multiple of three: the letter printed the plain
    number (123456, 0.000123)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "big", "small", "engineering", "zero"])
    sheet.append(["Kim Berger", 123456, 0.000123, 123456, 0])
    for cell in ("B2", "C2", "E2"):
        sheet[cell].number_format = "0.00E+00"
    sheet["D2"].number_format = "##0.0E+0"
    book.save(tmp_path / "d.xlsx")
    body = "{{ row.big }} | {{ row.small }} | {{ row.engineering }} | {{ row.zero }}"
    for language, shown in (
        ("en-GB", "1.23E+05 | 1.23E-04 | 123.5E+3 | 0.00E+00"),
        ("de", "1,23E+05 | 1,23E-04 | 123,5E+3 | 0,00E+00"),
    ):
        tpl = template(tmp_path, body, language)
        code, _, err = batch(capsys, tpl, tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf")
        assert (code, err) == (0, "")
        assert shown in pdf_texts(tmp_path / "m.pdf")[0]


@pytest.mark.parametrize("name", ["d.xlsx", "buchhaltung.ods"])
def test_a_zero_in_the_us_accounting_format_keeps_the_dollar_apart_from_its_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Excel's US Accounting format (_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_))
    shows zero with the $ at the cell's left edge and the dash at its right: the letter
    printed "$-", which reads as a minus sign; it prints "$ -". The format of Excel's "$"
    button, named in a file by its number (44) alone, printed 1234.5 and 0: openpyxl's
    table of built-in formats lacks its semicolons. buchhaltung.ods is the workbook below,
    converted by LibreOffice 7.4, which keeps zero as "$-"."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "open", "paid", "owed", "button", "nil"])
    sheet.append(["Kim Berger", 0, 1234.5, -1234.5, 1234.5, 0])
    for cell in ("B2", "C2", "D2"):
        sheet[cell].number_format = '_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)'
    for cell in ("E2", "F2"):
        sheet[cell].number_format = BUILTIN_FORMATS[44]
    book.save(tmp_path / "d.xlsx")
    assert b'numFmtId="44"' in zipfile.ZipFile(tmp_path / "d.xlsx").read("xl/styles.xml")
    path = tmp_path / name if name == "d.xlsx" else SHEETS / name
    body = "{{ row.open }} | {{ row.paid }} | {{ row.owed }} | {{ row.button }} | {{ row.nil }}"
    code, _, err = batch(capsys, template(tmp_path, body), path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    shown = "$ - | $1,234.50 | $(1,234.50) | $1,234.50 | $ -"
    assert shown in pdf_texts(tmp_path / "m.pdf")[0]


def test_a_date_format_s_language_code_names_the_months_as_excel_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A date format with a language code ([$-409]mmmm d, yyyy: Excel's "March 14, 2012")
    shows English month names in any Excel: a German letter printed "Dezember 3, 2026", in
    neither language. It prints what the sheet shows, with a warning; Excel's system long
    date and time ([$-F800], [$-F400]) print as the letter's language writes them (they
    printed "Donnerstag, Dezember 03, 2026" and "2:30:00 PM")."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "us", "de", "system", "clock"])
    sheet.append(["Kim Berger", *[dt.datetime(2026, 12, 3)] * 3, dt.datetime(2026, 12, 3, 14, 30)])
    sheet["B2"].number_format = "[$-409]mmmm d, yyyy;@"
    sheet["C2"].number_format = "[$-407]d. mmmm yyyy;@"
    sheet["D2"].number_format = "[$-F800]dddd, mmmm dd, yyyy"
    sheet["E2"].number_format = "[$-F400]h:mm:ss AM/PM"
    book.save(tmp_path / "d.xlsx")
    body = "{{ row.us }} | {{ row.de }} | {{ row.system }} | {{ row.clock }}"
    code, _, err = batch(
        capsys, template(tmp_path, body, "de"), tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf"
    )
    assert (code, err) == (
        0,
        f"letterpress: warning: {tmp_path / 'd.xlsx'}, row 2, column 'us' (body): the cell's "
        "format writes the date in English, as 'December 3, 2026', in a letter in German; "
        "'December 3, 2026' is printed; the long_date filter writes it in the letter's "
        "language\n",
    )
    text = pdf_texts(tmp_path / "m.pdf")[0]
    assert "December 3, 2026 | 3. Dezember 2026 | Donnerstag, 3. Dezember 2026 | 14:30:00" in text
    code, _, err = batch(
        capsys, template(tmp_path, body, "en-GB"), tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf"
    )
    assert code == 0
    assert "column 'de' (body): the cell's format writes the date in German" in err
    text = pdf_texts(tmp_path / "m.pdf")[0]
    assert "December 3, 2026 | 3. Dezember 2026 | Thursday, 3 December 2026 | 14:30:00" in text


@pytest.mark.parametrize("name", ["d.xlsx", "rot.ods", "rot.xls"])
def test_a_negative_number_its_format_shows_without_a_sign_prints_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Excel offers negative numbers in red without a minus (#,##0.00;[Red]#,##0.00): the
    colour alone tells them, and a letter, printed in black, said 1,234.50 for -1234.5
    without a word. It prints what the sheet shows, with a warning (rot.ods and rot.xls are
    the workbook below, converted by LibreOffice 7.4)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "balance", "credit", "owed"])
    sheet.append(["Kim Berger", -1234.5, 1234.5, -1234.5])
    sheet["B2"].number_format = "#,##0.00;[Red]#,##0.00"
    sheet["C2"].number_format = "#,##0.00;[Red]#,##0.00"
    sheet["D2"].number_format = "#,##0.00_);[Red](#,##0.00)"
    book.save(tmp_path / "d.xlsx")
    path = tmp_path / name if name == "d.xlsx" else SHEETS / name
    tpl = template(tmp_path, "{{ row.balance }} | {{ row.credit }} | {{ row.owed }}", "en-US")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        0,
        f"letterpress: warning: {path}, row 2, column 'balance' (body): the cell holds "
        "-1234.5, which its format shows without a minus sign, as '1,234.50' (the sheet may "
        "show it in red); '1,234.50' is printed, in black; give the column a number format "
        "that shows the minus if the sign matters\n",
    )
    assert "1,234.50 | 1,234.50 | (1,234.50)" in pdf_texts(tmp_path / "m.pdf")[0]


def test_a_general_number_prints_as_a_wide_column_shows_it_and_lost_digits_warn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's General format shows 123456789012 in full in a wide column (1.23457E+11 in a
    narrow one): a letter has the room, so it prints the digits. A card number typed as a
    number keeps 15 digits (1234567890123456789 became 1234567890123450000): the letter
    printed Python's "1.23456789012346e+18", a figure no sheet shows, and 1e-07 for Excel's
    1E-07; it now prints the digits the sheet keeps, with a warning."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "customer", "card", "pi", "tiny"])
    sheet.append(["Kim Berger", 123456789012, 1.23456789012345e18, 3.14159265358979, 1e-07])
    book.save(tmp_path / "d.xlsx")
    body = "{{ row.customer }} | {{ row.card }} | {{ row.pi }} | {{ row.tiny }}"
    code, _, err = batch(
        capsys, template(tmp_path, body), tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf"
    )
    assert (code, err) == (
        0,
        f"letterpress: warning: {tmp_path / 'd.xlsx'}, row 2, column 'card' (body): the cell "
        "holds the number 1234567890123450000, longer than the 15 digits a spreadsheet keeps: "
        "the digits after the 15th were lost; '1234567890123450000' is printed; if it is a "
        "code (a card, account or reference number), format the column as Text in the "
        "spreadsheet and type it again\n",
    )
    text = pdf_texts(tmp_path / "m.pdf")[0]
    assert "123456789012 | 1234567890123450000 | 3.14159265358979 | 1E-07" in text


@pytest.mark.parametrize("name", ["d.xlsx", "dauer.ods"])
def test_elapsed_times_show_as_their_format_counts_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Excel's elapsed-time formats count on past a day: 27 h 5 min in [h]:mm:ss is 27:05:00,
    in [mm]:ss 1625:00; an .xlsx printed 27:05 for both, an .ods "PT27H05M00S" for every
    duration of over a day (dauer.ods is the workbook below, converted by LibreOffice 7.4)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "hours", "full", "minutes", "plain"])
    long = dt.timedelta(hours=27, minutes=5)
    sheet.append(["Kim Berger", long, long, long, dt.timedelta(hours=3, minutes=5, seconds=30)])
    sheet["B2"].number_format = "[h]:mm"
    sheet["C2"].number_format = "[h]:mm:ss"
    sheet["D2"].number_format = "[mm]:ss"
    sheet["E2"].number_format = "h:mm"
    book.save(tmp_path / "d.xlsx")
    path = tmp_path / name if name == "d.xlsx" else SHEETS / name
    body = "{{ row.hours }} | {{ row.full }} | {{ row.minutes }} | {{ row.plain }}"
    code, _, err = batch(capsys, template(tmp_path, body), path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "27:05 | 27:05:00 | 1625:00 | 3:05" in pdf_texts(tmp_path / "m.pdf")[0]


def test_a_percent_sign_apart_from_the_digits_still_shows_hundredths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LibreOffice's German percent format, saved in an .xlsx, is 0.00 % (a space before
    the %): Excel and LibreOffice show 0.5 as 50,00 %; the letter printed 0,50 %."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "rate", "share", "quoted"])
    sheet.append(["Kim Berger", 0.5, 0.1234, 12.5])
    sheet["B2"].number_format = "0.00 %"
    sheet["C2"].number_format = "0 %"
    sheet["D2"].number_format = '0.0 "%"'  # a quoted % is a plain character
    book.save(tmp_path / "d.xlsx")
    tpl = template(tmp_path, "{{ row.rate }} | {{ row.share }} | {{ row.quoted }}", "de")
    code, _, err = batch(capsys, tpl, tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "50,00 % | 12 % | 12,5 %" in pdf_texts(tmp_path / "m.pdf")[0]


@pytest.mark.parametrize("name", ["d.xlsx", "datum.xls"])
def test_a_date_format_s_language_code_gives_its_date_separator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A bare "/" in a date format is the date separator, and with a language code that
    language's: LibreOffice saves German 3. Dezember 2026 in an .xls as [$-407]d/ mmmm yyyy,
    and an English letter printed "3/ December 2026" (an .xlsx's [$-407]dd/mm/yyyy
    03/12/2026, its .ods 03.12.2026). datum.xls is the workbook below, converted by
    LibreOffice 7.4."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "due", "day"])
    sheet.append(["Kim Berger", dt.datetime(2026, 12, 3), dt.datetime(2026, 12, 3)])
    sheet["B2"].number_format = "[$-407]dd/mm/yyyy"
    sheet["C2"].number_format = "[$-407]d. mmmm yyyy;@"
    book.save(tmp_path / "d.xlsx")
    path = tmp_path / name if name == "d.xlsx" else SHEETS / name
    tpl = template(tmp_path, "{{ row.due }} | {{ row.day }}")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert code == 0
    assert "column 'day' (body): the cell's format writes the date in German" in err
    assert "03.12.2026 | 3. Dezember 2026" in pdf_texts(tmp_path / "m.pdf")[0]


def test_a_csv_number_excel_cut_short_prints_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel shows a long number in General in a narrow column as 1.23457E+11, and its CSV
    export keeps that text: the letter printed the customer number "1.23457E+11" without a
    word; it still prints it, with one warning saying the digits are not in the file."""
    path = data(tmp_path, "name;customer;note", "Kim Berger;1,23457E+11;Termin 3E+1")
    tpl = template(tmp_path, "Kundennummer {{ row.customer }}, {{ row.note }}", "de")
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        0,
        f"letterpress: warning: {path}, row 2, column 'customer' (body): the cell holds "
        "'1,23457E+11', a long number as a spreadsheet shows it in a narrow column: its other "
        "digits are not in the file; '1,23457E+11' is printed; in the spreadsheet give the "
        "column the Number format without decimals (a code of more than 15 digits: Text, "
        "and type it again) and export again\n",
    )
    assert "Kundennummer 1,23457E+11, Termin 3E+1" in pdf_texts(tmp_path / "m.pdf")[0]


def test_excel_s_short_date_in_an_xls_is_not_read_in_us_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel 97's built-in short date (format 14) shows in the reader's order (03.12.2026 in
    Germany); the .xls names it by its number, which xlrd spells m/d/yy: a German letter
    printed 3 December 2026 as "12.3.26", 12 March. It prints 2026-12-03, as from an .xlsx
    (kurz.xls is written by xlwt 1.3.0, which names built-in formats by number as Excel
    does)."""
    tpl = template(tmp_path, "am {{ row.due }} ({{ row.stamp }})", "de")
    code, _, err = batch(capsys, tpl, SHEETS / "kurz.xls", "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "am 2026-12-03 (2026-12-03 09:05)" in pdf_texts(tmp_path / "m.pdf")[0]


def test_an_ods_date_in_words_of_another_language_warns_as_an_xlsx_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An .ods keeps the text LibreOffice showed, "3. Dezember 2026" for a German date style
    with the month in words: an English letter printed it without the warning an .xlsx with
    the same format gives. datum.ods is the workbook of
    test_a_date_format_s_language_code_gives_its_date_separator, converted by LibreOffice
    7.4: its style is a text style whose map applies the German date style."""
    tpl = template(tmp_path, "{{ row.due }} | {{ row.day }}")
    path = SHEETS / "datum.ods"
    code, _, err = batch(capsys, tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        0,
        f"letterpress: warning: {path}, row 2, column 'day' (body): the cell's format writes "
        "the date in German, as '3. Dezember 2026', in a letter in English; '3. Dezember 2026' "
        "is printed; the long_date filter writes it in the letter's language\n",
    )
    assert "03.12.2026 | 3. Dezember 2026" in pdf_texts(tmp_path / "m.pdf")[0]
    code, _, err = batch(
        capsys, template(tmp_path, "{{ row.day }}", "de"), path, "-o", tmp_path / "m.pdf"
    )
    assert (code, err) == (0, "")  # a German letter: no doubt


def test_am_pm_shows_as_the_format_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel writes a 12-hour time's half as its format does (h:mm AM/PM: 2:30 PM, am/pm:
    9:05 am, A/P: 12:30 A), in any language: a British letter printed "2:30 pm" (its own
    marker), a German one "9:05 AM" for am/pm."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "call", "visit", "night"])
    sheet.append(["Kim Berger", dt.time(14, 30), dt.time(9, 5), dt.time(0, 30)])
    sheet["B2"].number_format = "h:mm AM/PM"
    sheet["C2"].number_format = "h:mm am/pm"
    sheet["D2"].number_format = "hh:mm A/P"
    book.save(tmp_path / "d.xlsx")
    for language in ("en-GB", "de"):
        tpl = template(tmp_path, "{{ row.call }} | {{ row.visit }} | {{ row.night }}", language)
        code, _, err = batch(capsys, tpl, tmp_path / "d.xlsx", "-o", tmp_path / "m.pdf")
        assert (code, err) == (0, "")
        assert "2:30 PM | 9:05 am | 12:30 A" in pdf_texts(tmp_path / "m.pdf")[0]


def test_a_number_and_the_unit_its_format_writes_stay_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A percentage in LibreOffice's German percent format (0.00 %) at a line end printed
    "50.00" on one line and "%." alone on the next; the space the format writes beside the
    number is a no-break space, as a typesetter puts it, and the warnings say it plainly."""
    path = workbook(
        tmp_path,
        ["name", "share", "amount"],
        ["Kim Berger", 0.5, -1234.5],
        formats={"B": "0.00 %", "C": '#,##0.00 "EUR";[Red]#,##0.00 "EUR"'},
    )
    body = (  # the share falls at the end of the line
        "Thank you for the visit, Acme GmbH. Amount 1,234.50, due 3. Dezember 2026, share "
        "{{ row.share }}."
    )
    code, _, err = batch(capsys, template(tmp_path, body), path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    (text,) = pdf_texts(tmp_path / "m.pdf")
    assert "\n50.00 %.\n" in text  # together on the next line (the no-break space read as " ")
    code, _, err = batch(
        capsys, template(tmp_path, "Amount {{ row.amount }}."), path, "-o", tmp_path / "n.pdf"
    )
    assert code == 0 and "as '1,234.50 EUR' (the sheet may show it in red)" in err
