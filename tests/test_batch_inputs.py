"""Mail-merge data as people really hand it over, through the command line: cells holding a
spreadsheet's error values, files whose name does not say what they are, a cell longer than
the csv module's default limit, a title row above the header, a wrong --delimiter."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
import pytest
from batchletter import batch_letter
from openpyxl import Workbook

from letterpress.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHEETS = ROOT / "tests" / "fixtures" / "sheets"


def template(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "t.toml"
    path.write_text(batch_letter(f'"{body}"', subject="Your place"), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


# 1. A spreadsheet's error values ------------------------------------------------------------

ERROR_LINE = (
    "row 2, column 'company' (body): the cell holds the spreadsheet error #N/A; fix the "
    "formula in the spreadsheet and save the file again"
)


@pytest.mark.parametrize("name", ["fehler.xlsx", "fehler.ods", "fehler.xls", "fehler.csv"])
def test_a_cell_holding_a_spreadsheet_error_fails_its_row_where_the_template_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """LibreOffice saved a VLOOKUP that found nothing (#N/A, in the column the letter reads)
    and a division by zero (#DIV/0!, in a column it does not read): as error cells in .xlsx
    and .ods, as error records in .xls (which python-calamine reads as empty cells), as their
    text in CSV. The #N/A row fails with one line, the others print."""
    path = SHEETS / name
    tpl = template(tmp_path, "Your place at {{ row.company }} is confirmed.")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    assert (code, err.splitlines()) == (1, [f"letterpress: error: {path}, {ERROR_LINE}"])
    text = pdf_text(tmp_path / "m.pdf")
    assert "Initech" in text and "Umbrella" in text and "#" not in text
    code, _, err = run(capsys, "batch", tpl, path, "--check")
    assert (code, err.splitlines()[0]) == (1, f"letterpress: error: {path}, {ERROR_LINE}")
    code, _, err = run(capsys, "check", tpl, path)
    assert (code, err.splitlines()[0]) == (1, f"letterpress: error: {path}, {ERROR_LINE}")


def test_labels_fail_a_row_only_for_an_error_in_a_column_they_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The labels print the company: its #N/A fails row 2; the #DIV/0! in 'note', which no
    label prints, does not fail row 3."""
    tpl = template(tmp_path, "Hi")
    tpl.write_text(
        tpl.read_text(encoding="utf-8") + 'organization = "{{ row.company }}"\n', encoding="utf-8"
    )
    path = SHEETS / "fehler.xlsx"
    code, out, err = run(
        capsys, "labels", path, "--template", tpl, "--sheet", "L7160", "-o", tmp_path / "l.pdf"
    )
    assert (code, out, err) == (
        1,
        "Wrote " + str(tmp_path / "l.pdf") + ": 2 labels on 1 Avery L7160 sheet (from label 1); "
        "1 row failed.\n",
        f"letterpress: error: {path}, row 2, column 'company': the cell holds the spreadsheet "
        "error #N/A; fix the formula in the spreadsheet and save the file again\n",
    )


# 2. Files whose name does not say what they are ---------------------------------------------


def test_an_xls_named_like_csv_still_fails_the_row_of_its_error_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An .xls saved as "export.csv" is read from the open file: its #N/A is found there too."""
    path = tmp_path / "export.csv"
    path.write_bytes((SHEETS / "fehler.xls").read_bytes())
    tpl = template(tmp_path, "Your place at {{ row.company }} is confirmed.")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    assert (code, err.splitlines()[1:]) == (1, [f"letterpress: error: {path}, {ERROR_LINE}"])


@pytest.mark.parametrize("name", ["export.csv", "export"])
def test_a_workbook_named_like_csv_or_unnamed_is_read_as_the_workbook_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A portal's "export.csv" that is really an .xlsx, or a download without an extension:
    its bytes say it is a workbook; it is read as one, with an info line."""
    path = tmp_path / name
    path.write_bytes((SHEETS / "fehler.xlsx").read_bytes())
    tpl = template(tmp_path, "Your place at {{ row.company }} is confirmed.")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    named = f"ends in {path.suffix!r}" if path.suffix else "has no extension"
    assert (code, err.splitlines()) == (
        1,
        [
            f"letterpress: info: {path}: the file is an .xlsx workbook, though its name {named}; "
            "read as one",
            f"letterpress: error: {path}, {ERROR_LINE}",
        ],
    )
    assert "Initech" in pdf_text(tmp_path / "m.pdf")


def _word(path: Path) -> None:
    """A .docx as Word saves one: a zip of XML parts under word/."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        docx.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        docx.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')


@pytest.mark.parametrize(
    ("name", "make", "what"),
    [
        ("letters.pdf", "pdf", "this is a PDF, not a spreadsheet"),
        ("list.csv", "pdf", "this is a PDF, not a spreadsheet"),
        ("list.csv", "png", "this is a PNG image, not a spreadsheet"),
        ("list.docx", "docx", "this is a Word document, not a spreadsheet"),
        ("list.xlsx", "docx", "this is a Word document, not a spreadsheet"),
        ("list.xls", "doc", "this is a Word document (.doc), not a spreadsheet"),
        ("list.csv", "binary", "not a spreadsheet or a text file"),
    ],
)
def test_a_file_that_is_no_spreadsheet_is_one_line_without_its_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make: str, what: str
) -> None:
    """A PDF, a picture or a Word document given by mistake, whatever its name: one line that
    says what it is, never its bytes as "columns" on the terminal."""
    tpl = template(tmp_path, "Hi")
    path = tmp_path / name
    if make == "pdf":  # a real PDF: the letters of a batch
        csv_file = tmp_path / "ok.csv"
        csv_file.write_text("name\nKim Berger\n", encoding="utf-8")
        made = tmp_path / "made.pdf"
        assert main(["batch", str(tpl), str(csv_file), "-o", str(made), "--jobs", "1"]) == 0
        capsys.readouterr()
        path.write_bytes(made.read_bytes())
    elif make == "png":
        path.write_bytes((ROOT / "docs" / "envelope-dl.png").read_bytes())
    elif make == "docx":
        _word(path)
    elif make == "doc":  # Word 97-2003: an OLE compound file holding a "WordDocument" stream
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
        path.write_bytes(ole + "WordDocument".encode("utf-16-le") + bytes(512))
    else:
        path.write_bytes(bytes(range(256)) * 8)
    code, out, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, out, err) == (
        2,
        "",
        f"letterpress: error: {path}: {what}; save the sheet as .xlsx, .ods or CSV and give "
        "that file\n",
    )
    code, _, err = run(capsys, "labels", path, "--sheet", "L7160", "-o", tmp_path / "l.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {path}: {what}; save the sheet as .xlsx, .ods or CSV and give "
        "that file\n",
    )


def test_a_header_with_control_characters_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stray control character in a header is shown as an escape, not sent to the
    terminal."""
    path = tmp_path / "list.csv"
    path.write_bytes(b"\x1b[31mwho;city\nKim Berger;Bonn\n")
    code, _, err = run(capsys, "batch", template(tmp_path, "Hi"), path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {tmp_path / 't.toml'}, recipient.name: the template uses column "
        f"'name', which {path} does not have; columns: \\x1b[31mwho, city\n",
    )


# 3, 5. A cell too long for a letter -------------------------------------------------------------


def test_a_csv_cell_over_the_csv_modules_limit_fails_only_its_row_where_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell of 150,000 characters (past the csv module's default 131,072) is read; it
    fails its row where the letter reads it, and a long cell no letter reads is no problem."""
    words = "word " * 30_000
    path = tmp_path / "list.csv"
    path.write_text(
        f'name;note;log\nKim Berger;"{words}";\nMei Lee;Room 4;"{words}"\n', encoding="utf-8"
    )
    tpl = template(tmp_path, "{{ row.note }}")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    assert (code, err) == (
        1,
        f"letterpress: error: {path}, row 2, column 'note' (body): the cell has 149,999 "
        "characters; a paragraph of a letter may have at most 10,000; shorten it in the "
        "spreadsheet\n",
    )
    assert "Room 4" in pdf_text(tmp_path / "m.pdf")


def test_a_long_workbook_cell_names_only_its_own_column_and_says_to_shorten_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The body reads three columns; only the long one is named, and the hint is one a cell
    allows (a cell has no blank lines to split it with)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "room", "time", "note"])
    sheet.append(["Kim Berger", "B 204", "10:00", "x" * 19_999])
    sheet.append(["Mei Lee", "B 204", "10:00", "Bring your CV."])
    path = tmp_path / "list.xlsx"
    book.save(path)
    tpl = template(tmp_path, "Room {{ row.room }} at {{ row.time }}. {{ row.note }}")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    assert (code, err) == (
        1,
        f"letterpress: error: {path}, row 2, column 'note' (body): the cell has 19,999 "
        "characters; a paragraph of a letter may have at most 10,000; shorten it in the "
        "spreadsheet\n",
    )


def test_a_paragraph_too_long_only_once_filled_in_names_its_cells_and_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two cells of 6,000 characters, each within the limit, in one paragraph of the
    template: the row fails naming those two columns (not the room, which is in another
    paragraph) and says what can be changed, the cells or the template's paragraphs, not
    the engine's "split it with blank lines", which the filled-in text does not have. The
    same line in batch --check; the other row prints."""
    path = tmp_path / "list.csv"
    path.write_text(
        "name;room;motivation;experience\n"
        f"Kim Berger;B 204;{'a' * 5_999};{'b' * 5_999}\n"
        "Mei Lee;B 204;Curious;Two years\n",
        encoding="utf-8",
    )
    tpl = template(
        tmp_path, "Room {{ row.room }}.\\n\\nYou wrote: {{ row.motivation }} {{ row.experience }}"
    )
    line = (
        f"letterpress: error: {path}, row 2, columns 'motivation', 'experience' (body): the "
        "paragraph filled in from the row has 12,010 characters; a paragraph may have at most "
        "10,000; shorten the cells in the spreadsheet, or start a new paragraph between them "
        "in the template (a blank line)"
    )
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    assert (code, err.splitlines()) == (1, [line])
    assert "Two years" in pdf_text(tmp_path / "m.pdf")
    code, _, err = run(capsys, "batch", tpl, path, "--check")
    assert (code, err.splitlines()) == (1, [line])


def test_a_cell_too_long_only_with_the_templates_words_says_to_give_it_a_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f"name;note\nKim Berger;{'a' * 9_990}\nMei Lee;Thanks\n", encoding="utf-8")
    tpl = template(tmp_path, "Thank you for your note, which we read with care: {{ row.note }}")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    assert (code, err) == (
        1,
        f"letterpress: error: {path}, row 2, column 'note' (body): the paragraph filled in "
        "from the row has 10,040 characters; a paragraph may have at most 10,000; shorten the "
        "cell in the spreadsheet, or give it a paragraph of its own in the template (a blank "
        "line before and after it)\n",
    )


# 4. A title above the header, a wrong --delimiter ---------------------------------------------

TITLE_HINT = "row 1 looks like a title: delete it so the column names are in row 1"


def test_a_title_row_above_the_header_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet with a merged title in row 1 (as people dress up a list), in .xlsx and as
    Excel exports it to CSV (the title's row padded with empty cells): the error says the
    first row looks like a title, not "columns: Workshop sign-ups"."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Workshop sign-ups"])
    sheet.merge_cells("A1:B1")
    sheet.append(["name", "company"])
    sheet.append(["Kim Berger", "Initech"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    tpl = template(tmp_path, "{{ row.company }}")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {tpl}, body: the template uses column 'company', which {path} "
        f"does not have; {TITLE_HINT}\n",
    )
    exported = tmp_path / "list.csv"
    exported.write_text("Workshop sign-ups,\r\nname,company\r\nKim Berger,Initech\r\n")
    code, _, err = run(capsys, "batch", tpl, exported, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {exported}, row 1: column 2 has values but no name in the "
        f"header row; {TITLE_HINT}\n",
    )


TITLE_AND_BLANK_HINT = (
    "rows 1 and 2 look like a title: delete them so the column names are in row 1"
)


@pytest.mark.parametrize("name", ["titled-utf8-bom-comma.csv", "titled-utf8-bom-semicolon.csv"])
def test_a_title_and_a_blank_row_above_an_excel_csv_s_header_are_both_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A title, a blank row, then the header, as Excel saves it as "CSV UTF-8" (BOM, CRLF,
    every row padded to the sheet's width; ';' in a German Excel): the hint named row 1 only,
    and deleting it left the blank row above the header, not the column names in row 1."""
    path = ROOT / "tests" / "fixtures" / "batch" / name
    tpl = ROOT / "tests" / "fixtures" / "batch" / "template.toml"
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {path}, row 1: column 2 has values but no name in the header "
        f"row; {TITLE_AND_BLANK_HINT}\n",
    )


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_title_and_a_blank_row_above_a_header_the_template_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A title in A1, row 2 empty, the header in row 3: in an .xlsx (where the title is the
    only named column) and in a CSV whose title line is not padded, the template's missing
    column said to delete row 1 only."""
    path = tmp_path / f"list.{kind}"
    if kind == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.append(["Workshop sign-ups"])
        sheet.append([])
        sheet.append(["name", "company"])
        sheet.append(["Kim Berger", "Initech"])
        book.save(path)
    else:
        path.write_bytes(b"Workshop sign-ups\r\n\r\nname,company\r\nKim Berger,Initech\r\n")
    tpl = template(tmp_path, "{{ row.company }}")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {tpl}, body: the template uses column 'company', which {path} "
        f"does not have; {TITLE_AND_BLANK_HINT}\n",
    )


@pytest.mark.parametrize(
    ("lines", "hint"),
    [
        (["name", "Kim Berger"], TITLE_HINT),
        (
            ["", "name", "Kim Berger"],
            "rows 1 and 2 look like a title: delete them so the column names are in row 1",
        ),
        (
            ["as of 3 December", "", "name", "Kim Berger"],
            "rows 1 to 3 look like a title: delete them so the column names are in row 1",
        ),
    ],
)
def test_a_title_above_a_one_column_list_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[str], hint: str
) -> None:
    """A list of names only, under a title: the title reads as the header of its one column,
    and the error says the rows above the real header look like a title, as for a list of
    several columns, instead of "columns: Career fair 2026 contacts"."""
    path = tmp_path / "list.csv"
    path.write_text("\n".join(["Career fair 2026 contacts", *lines]) + "\n", encoding="utf-8")
    tpl = template(tmp_path, "Hi")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {tpl}, recipient.name: the template uses column 'name', which "
        f"{path} does not have; {hint}\n",
    )


def test_a_note_beside_a_workbook_s_table_is_shown_not_miscounted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note typed two columns right of the table in an .xlsx: the row fails with the note
    quoted, so it can be found; it said "the row has 5 values" for a row of three."""
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "company"])
    sheet.append(["Kim Berger", "Initech", None, None, "called twice"])
    sheet.append(["Mei Lee", "Umbrella"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    tpl = template(tmp_path, "{{ row.company }}")
    code, _, err = run(capsys, "batch", tpl, path, "-o", tmp_path / "m.pdf", "--jobs", "1")
    assert (code, err) == (
        1,
        f"letterpress: error: {path}, row 2: the row has a value right of the 2 columns the "
        "header names ('called twice'); name every column in the header row, or delete the "
        "values right of the named columns\n",
    )
    assert "Umbrella" in pdf_text(tmp_path / "m.pdf")


def test_a_header_joined_by_another_delimiter_says_which_delimiter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name;company\nKim Berger;Initech\n", encoding="utf-8")
    tpl = template(tmp_path, "{{ row.company }}")
    code, _, err = run(capsys, "batch", tpl, path, "--delimiter", "comma", "-o", tmp_path / "m.pdf")
    assert (code, err) == (
        2,
        f"letterpress: error: {tpl}, body: the template uses column 'company', which {path} "
        "does not have; the header has ';' in it: leave out --delimiter or use --delimiter "
        "semicolon\n",
    )


# 4. Excel's "CSV (MS-DOS)" whose letters read as letters in cp1252 too -----------------------

DOS_TEMPLATE = ROOT / "tests" / "fixtures" / "batch" / "template.toml"
DOS_HEADER = "first_name;last_name;street;postcode;city;workshop\r\n"


@pytest.mark.parametrize(
    ("row", "shown"),
    [
        ("Anna;Schmidt;Seestraße 4;88662;Überlingen;2026-12-03", "Überlingen"),  # ß decides
        ("Anna;Schmidt;Seestrasse 4;88662;Überlingen;2026-12-03", "Überlingen"),
        ("Óscar;Martin;Calle Mayor 5;23400;Úbeda;2026-12-03", "Óscar Martin"),
        ("LARS;HANSEN;HAVNEGADE 4;93000;SÆBY;2026-12-03", "SÆBY"),
        ("Íñigo;Muñoz;Avenida 3;29001;Málaga;2026-12-03", "Íñigo Muñoz"),
    ],
)
def test_a_dos_export_is_read_as_dos_where_cp1252_reads_its_bytes_as_letters_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str, shown: str
) -> None:
    """Excel for Windows' "CSV (MS-DOS)" (cp850) of names and towns typed with a capital
    Ü, Ó or Æ: cp1252 reads those bytes as letters too (š, à, ’), and the file was read so,
    the letter saying "šberlingen", "àscar Martin", "S’BY". A small letter that starts no
    word (à, š) or an apostrophe where no language elides does not make cp1252 a reading;
    "Íñigo" (0xD6 0xA4, a valid UTF-8 pair by chance) made the file cp1252 whatever its
    letters said."""
    path = tmp_path / "dos.csv"
    path.write_bytes((DOS_HEADER + row + "\r\n").encode("cp850"))
    code, _, err = run(capsys, "batch", DOS_TEMPLATE, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert shown in pdf_text(tmp_path / "m.pdf")


def test_a_dos_export_that_reads_alike_in_cp1252_says_which_reading_it_took(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Änne" typed in DOS Excel is 0x8E, cp1252's "Ž": "Žnne" is a name as well (Slovene,
        Croatian). The file stays cp1252, with one warning at the first cell the letter prints
        that the other reading changes; --encoding cp850 takes the other. The labels say it too,
    and stop on it under --strict."""
    path = tmp_path / "dos.csv"
    path.write_bytes(
        (DOS_HEADER + "Änne;Schmidt;Ring 4;01067;Dresden;2026-12-03\r\n").encode("cp850")
    )
    code, _, err = run(capsys, "batch", DOS_TEMPLATE, path, "-o", tmp_path / "m.pdf")
    line = (
        f"{path}, row 2, column 'first_name' (recipient.name): the file reads as cp1252 and "
        "as cp850 alike; read as cp1252: 'Žnne' (as cp850: 'Änne'); if the sheet says "
        "'Änne', give --encoding cp850"
    )
    assert (code, err) == (0, f"letterpress: warning: {line}\n")
    assert "Žnne Schmidt" in pdf_text(tmp_path / "m.pdf")
    code, _, err = run(  # --strict: the warning is the row's error, nothing written
        capsys, "batch", DOS_TEMPLATE, path, "-o", tmp_path / "s.pdf", "--strict"
    )
    assert (code, err.splitlines()[0]) == (2, f"letterpress: error: {line}")
    assert not (tmp_path / "s.pdf").exists()
    code, _, err = run(
        capsys, "batch", DOS_TEMPLATE, path, "-o", tmp_path / "m.pdf", "--encoding", "cp850"
    )
    assert (code, err) == (0, "")
    assert "Änne Schmidt" in pdf_text(tmp_path / "m.pdf")
    path.write_bytes(
        (
            DOS_HEADER + "Änne;Schmidt;Ring 4;01067;Dresden;2026-12-03\r\n"
            "Ève;Martin;Ring 5;01067;Dresden;2026-12-03\r\n"
        ).encode("cp850")
    )
    code, _, err = run(capsys, "batch", DOS_TEMPLATE, path, "-o", tmp_path / "r.pdf", "--rows", "3")
    assert (code, err) == (  # --rows 3: the warning names a cell of the row printed
        0,
        f"letterpress: warning: {path}, row 3, column 'first_name' (recipient.name): the file "
        "reads as cp1252 and as cp850 alike; read as cp1252: 'Ôve' (as cp850: 'Ève'); if the "
        "sheet says 'Ève', give --encoding cp850\n",
    )
    labels = tmp_path / "labels.csv"
    labels.write_bytes(
        "name;street;postcode;city\r\nÄnne Schmidt;Ring 4;01067;Dresden\r\n".encode("cp850")
    )
    code, _, err = run(
        capsys, "labels", labels, "--sheet", "L7163", "--from", "DE", "-o", tmp_path / "l.pdf"
    )
    assert (code, err) == (
        0,
        f"letterpress: warning: {labels}, row 2, column 'name': the file reads as cp1252 and "
        "as cp850 alike; read as cp1252: 'Žnne Schmidt' (as cp850: 'Änne Schmidt'); if the "
        "sheet says 'Änne Schmidt', give --encoding cp850\n",
    )
    code, _, err = run(
        capsys,
        "labels",
        labels,
        "--sheet",
        "L7163",
        "--from",
        "DE",
        "-o",
        tmp_path / "s.pdf",
        "--strict",
    )
    assert code == 2 and "give --encoding cp850" in err and not (tmp_path / "s.pdf").exists()
    labels.write_bytes(  # in a column no label prints, either reading prints the same
        "name;street;postcode;city;Notiz\r\nAnna Schmidt;Ring 4;01067;Dresden;Änne\r\n".encode(
            "cp850"
        )
    )
    code, _, err = run(
        capsys, "labels", labels, "--sheet", "L7163", "--from", "DE", "-o", tmp_path / "l.pdf"
    )
    assert (code, err) == (0, "")


def test_a_cp1252_export_of_words_a_dos_capital_could_be_stays_cp1252(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """cp1252 words whose bytes are DOS capitals too ("étage", Portuguese "às", "D’ARCY")
    stay cp1252 without a word."""
    path = tmp_path / "win.csv"
    path.write_bytes(
        (DOS_HEADER + "Ana;D’ARCY;3e étage, 12 rue Haute;75001;Paris;2026-12-03\r\n").encode(
            "cp1252"
        )
    )
    code, _, err = run(capsys, "batch", DOS_TEMPLATE, path, "-o", tmp_path / "m.pdf")
    assert (code, err) == (0, "")
    assert "3e étage" in pdf_text(tmp_path / "m.pdf")
