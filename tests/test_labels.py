"""Address labels read back from the PDF: every address on its label within 0.2 mm of the
sheet's geometry, rows in order across sheets, --start, templates, and the CLI's messages."""

from __future__ import annotations

import csv
import subprocess
import tomllib
from pathlib import Path

import pdfplumber
import pytest
from conftest import MM, ROOT, assert_one_line_error, letter, run_cli

from letterpress.labels import bundled_sheets

SHEETS = {s.name: s for s in bundled_sheets()}


def _geometry(name: str) -> dict:
    """The sheet's numbers read straight from its data file (not through letterpress)."""
    for path in (ROOT / "label-sheets").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if name in data["sheets"]:
            return {
                **data["sheets"][name],
                "paper": data["paper"],
                "margin": data["printable_margin"],
                "sources": data["sources"],
            }
    raise KeyError(name)


def _people(path: Path, count: int, country: str = "DE") -> Path:
    rows = {
        "DE": ("Hafenstraße {n}", "20457", "Hamburg", ""),
        "US": ("{n} Main Street", "94043", "Mountain View", "CA"),
    }[country]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["name", "street", "zip", "city", "state", "country"])
        for n in range(1, count + 1):
            out.writerow(
                [f"Person {n:02d}", rows[0].format(n=n), rows[1], rows[2], rows[3], country]
            )
    return path


def _csv(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    """``text`` written as the data file ``name`` in ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _labels(
    data: Path | str,
    sheet: str,
    out: Path | str,
    *args: str,
    home: str | None = "DE",
    cwd: Path | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``letterpress labels DATA --sheet SHEET -o OUT --from HOME ARGS`` (no --from when
    ``home`` is None)."""
    origin = () if home is None else ("--from", home)
    command = ("labels", str(data), "--sheet", sheet, "-o", str(out), *origin, *args)
    return run_cli(*command, cwd=cwd, stdin=stdin)


def _first_page(pdf_path: Path) -> str:
    """The text of the first sheet of labels."""
    with pdfplumber.open(pdf_path) as pdf:
        return pdf.pages[0].extract_text() or ""


def _blocks(pdf_path: Path) -> list[list[dict]]:
    """Per page: the address blocks as lists of words (top to bottom), in reading order of
    their first line."""
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(use_text_flow=True, keep_blank_chars=True)
            starts = [w for w in words if w["text"].upper().startswith("PERSON ")]
            blocks = []
            for start in starts:
                blocks.append(
                    [
                        w
                        for w in words
                        if abs(w["x0"] - start["x0"]) < 0.5
                        and 0 <= w["top"] - start["top"] < 20 * MM
                    ]
                )
            pages.append(blocks)
    return pages


def _expected_label(geo: dict, position: int) -> tuple[float, float, float, float]:
    row, column = divmod(position, geo["columns"])
    x = geo["left"] + column * geo["pitch_x"]
    y = geo["top"] + row * geo["pitch_y"]
    return x, y, geo["width"], geo["height"]


@pytest.mark.parametrize(
    "sheet,country,clearance",
    [
        ("L7163", "DE", 3.0),
        ("L7160", "DE", 3.0),
        ("3474", "DE", 3.0),
        ("5160", "US", 3.175),
        ("5163", "US", 3.175),
    ],
)
def test_every_label_of_a_sheet_holds_its_address_where_the_geometry_says(
    sheet: str, country: str, clearance: float, tmp_path: Path
) -> None:
    geo = _geometry(sheet)
    count = geo["columns"] * geo["rows"]
    data = _people(tmp_path / "people.csv", count, country)
    out = tmp_path / "labels.pdf"
    proc = _labels(data, sheet, out, home=country)
    assert proc.returncode == 0, proc.stderr
    [page] = _blocks(out)
    assert len(page) == count
    margin = geo["margin"]
    offsets = []
    for position, block in enumerate(page):
        assert block[0]["text"].upper() == f"PERSON {position + 1:02d}"
        x, y, w, h = _expected_label(geo, position)
        left = max(x + clearance, margin)
        assert abs(block[0]["x0"] / MM - left) <= 0.2, (position, block[0]["x0"] / MM, left)
        top, bottom = block[0]["top"] / MM, block[-1]["bottom"] / MM
        assert y + clearance - 0.7 <= top and bottom <= y + h - clearance + 0.7, (position, top)
        offsets.append(top - max(y, margin - clearance))
        for word in block:
            assert (
                x + clearance - 0.01 <= word["x0"] / MM
                and word["x1"] / MM <= x + w - clearance + 0.01
            )
    # every label's address sits at the same place within its label: the pitches hold
    rows = geo["rows"]
    inner = [o for i, o in enumerate(offsets) if 0 < i // geo["columns"] < rows - 1]
    assert max(inner) - min(inner) <= 0.2, offsets


def test_rows_in_order_across_sheets_from_the_start_label(tmp_path: Path) -> None:
    data = _people(tmp_path / "people.csv", 30)
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7163", out, "--start", "5")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        f"Wrote {out}: 30 labels on 3 Avery L7163 sheets (from label 5); 0 rows failed."
    )
    pages = _blocks(out)
    assert [len(p) for p in pages] == [10, 14, 6]
    names = [block[0]["text"] for page in pages for block in page]
    assert names == [f"Person {n:02d}" for n in range(1, 31)]
    geo = _geometry("L7163")
    x, y, _, _ = _expected_label(geo, 4)  # label 5: first column, third row
    first = pages[0][0][0]
    assert abs(first["x0"] / MM - (x + 3.0)) <= 0.2
    assert y < first["top"] / MM < y + geo["height"]


def test_addresses_from_standard_input(tmp_path: Path) -> None:
    """`-` as DATA: the addresses piped in, as from a file; errors name `<stdin>`."""
    data = _people(tmp_path / "people.csv", 3).read_text(encoding="utf-8")
    proc = _labels("-", "L7163", "labels.pdf", cwd=tmp_path, stdin=data)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.strip() == (
        "Wrote labels.pdf: 3 labels on 1 Avery L7163 sheet (from label 1); 0 rows failed."
    )
    names = [block[0]["text"] for page in _blocks(tmp_path / "labels.pdf") for block in page]
    assert names == ["Person 01", "Person 02", "Person 03"]
    bad = "name,street,zip,city\nBad Row,Somewhere 1,1234,Berlin\n"
    proc = _labels("-", "L7163", "bad.pdf", cwd=tmp_path, stdin=bad)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0].startswith(
        "letterpress: error: <stdin>, row 2, column 'zip' (recipient.postal_code): "
    )


def test_warnings_name_the_row_and_the_column(tmp_path: Path) -> None:
    """A doubt about a row's address names the column that filled the field, with or
    without a template (it named only the row); --strict stops on it with the same text."""
    data = _csv(
        tmp_path,
        "name,street,zip,city,state,country\n"
        "Mei Lee,1600 Amphitheatre Pkwy,94043,Mountain View,Texas,US\n"
        "Tom Berg,1 Main St,94043,Mountain View,,US\n",
        "us.csv",
    )
    template = tmp_path / "labels.toml"
    template.write_text(
        "[recipient]\n"
        + "".join(
            f'{field} = "{{{{ row.{column} }}}}"\n'
            for field, column in [
                ("name", "name"),
                ("street", "street"),
                ("postal_code", "zip"),
                ("city", "city"),
                ("region", "state"),
                ("country", "country"),
            ]
        ),
        encoding="utf-8",
    )
    lines = [
        f"letterpress: warning: {data}, row 2, column 'state' (recipient.region): ZIP 94043 is "
        "in California (CA), but region is Texas; printed as written; check the state and the "
        "ZIP",
        f"letterpress: info: {data}, row 3, column 'state' (recipient.region): not given; state "
        "California (CA) taken from the ZIP 94043; give region to print another",
    ]
    for extra in ([], ["--template", str(template)]):
        proc = _labels(data, "5160", "us.pdf", *extra, home="US", cwd=tmp_path)
        assert (proc.returncode, proc.stderr.splitlines()) == (0, lines)
        strict = _labels(data, "5160", "strict.pdf", *extra, "--strict", home="US", cwd=tmp_path)
        assert (strict.returncode, strict.stderr.splitlines()) == (
            2,
            [lines[0].replace("warning", "error", 1)],
        )
    assert not (tmp_path / "strict.pdf").exists()


def test_a_label_too_small_for_the_address_is_one_line_naming_the_row(tmp_path: Path) -> None:
    data = _csv(
        tmp_path,
        "name,organization,street,postcode,city,country\n"
        "Mei Lee,Nordlicht,Hafenstraße 12,20457,Hamburg,DE\n"
        "Tom Berg,,Wilhelm-Leuschner-Straße 127 Hinterhaus Aufgang C,22587,Hamburg,DE\n",
    )
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7160", out)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [  # a street line never breaks: the post reads it whole
        f"letterpress: error: {data}, row 3, column 'street' (recipient.street): "
        "address line 'Wilhelm-Leuschner-Straße 127 Hinterhaus Aufgang C' is 70.7 mm "
        "wide at 8 pt; a label of sheet L7160 (63.5 x 38.1 mm) leaves "
        "57.5 mm; use a sheet with larger labels, or shorten the address"
    ]
    assert out.is_file()  # the good row is printed
    proc = _labels(data, "L7163", out)
    assert proc.returncode == 0, proc.stderr


def test_too_many_lines_for_a_label_names_the_row_not_the_country(tmp_path: Path) -> None:
    """Six lines on a 1 in label: the line named column 'country', as if the country were
    wrong; the whole address is too tall, so the row is named. A US Letter sheet's size is
    said in the inches its users measure in (it was "66.7 x 25.4 mm")."""
    data = _csv(
        tmp_path,
        "name,organization,street,postcode,city,state,country\n"
        "Mei Lee,Nordlicht,1 Main St,10027,New York,NY,US\n"
        "Rhys Concannon,Lucitt Holdings,5 Foley Street,D01 F5P2,Dublin 1,,IE\n",
    )
    proc = _labels(data, "5160", tmp_path / "labels.pdf", home="US")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {data}, row 3: 6 address lines do not fit a label of sheet 5160 "
        "(2 5/8 x 1 in) even at 8 pt; use a sheet with larger labels, or shorten the address"
    ]


def test_bad_rows_are_skipped_with_their_column_and_nothing_written_when_all_fail(
    tmp_path: Path,
) -> None:
    data = _csv(tmp_path, "name,street,zip,city\nBad Row,Somewhere 1,123456,Berlin\n")
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7163", out)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {data}, row 2, column 'zip' (recipient.postal_code): '123456' is not "
        "a valid postal code for Germany; e.g. 26133, 53225, or give address_lines for a "
        "free-form address",
        f"letterpress: error: {data}: no label made: the row failed; nothing was written; "
        "fix the problems above and run again",
    ]
    assert not out.exists()


def test_strict_prints_no_label_when_a_row_fails(tmp_path: Path) -> None:
    """--strict: one bad row among good ones stops the sheet (exit 2) and says what to do."""
    data = _csv(
        tmp_path,
        "name,street,zip,city\nMei Lee,Hafenstraße 12,20457,Hamburg\n"
        "Bad Row,Somewhere 1,1234,Berlin\n",
    )
    out = tmp_path / "labels.pdf"
    assert _labels(data, "L7163", out).returncode == 1 and out.is_file()
    out.unlink()
    proc = _labels(data, "L7163", out, "--strict")
    assert proc.returncode == 2 and not out.exists()
    assert proc.stderr.splitlines()[-1] == (
        f"letterpress: error: {data}: --strict: 1 of 2 rows failed; nothing was written; fix "
        "the row above, or leave out --strict to print the others"
    )


def test_template_fills_the_recipient_per_row(tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    template = str(ROOT / "examples/batch/workshop.toml")
    proc = _labels(
        ROOT / "examples/batch/workshop.csv", "L7163", out, "--template", template, home=None
    )
    assert proc.returncode == 0, proc.stderr
    text = _first_page(out)
    with open(ROOT / "examples/batch/workshop.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    # two labels across: the first line holds rows 2 and 3's names, in order
    assert text.splitlines()[0] == (
        f"{rows[0]['first_name']} {rows[0]['last_name']} "
        f"{rows[1]['first_name']} {rows[1]['last_name']}"
    )


@pytest.mark.parametrize(
    "args,message",
    [
        (["--sheet", "L9999"], "letterpress: error: --sheet: unknown label sheet 'L9999'"),
        (  # nothing near: the sheets to choose from, said as what to do
            ["--sheet", "help"],
            "letterpress: error: --sheet: unknown label sheet 'help'; use one of L7159, L7160,",
        ),
        (
            ["--sheet", "L7163", "--start", "15"],
            "letterpress: error: --start: sheet L7163 has labels 1 to 14; count the used labels "
            "left to right, then top to bottom",
        ),
    ],
)
def test_cli_refuses_unusable_options_in_one_line(
    args: list[str], message: str, tmp_path: Path
) -> None:
    data = _people(tmp_path / "people.csv", 2)
    proc = run_cli("labels", str(data), "-o", str(tmp_path / "l.pdf"), *args)
    assert_one_line_error(proc)
    assert proc.stderr.strip().startswith(message)


def test_every_sheet_file_cites_its_sources_and_fits_its_paper() -> None:
    for sheet in SHEETS.values():
        geo = _geometry(sheet.name)
        assert geo["sources"]
        last = sheet.label(sheet.count - 1)
        assert last.right <= sheet.paper_width + 0.01 and last.bottom <= sheet.paper_height + 0.01
    assert {"L7160", "L7161", "L7163", "5160", "5163", "3474"} <= set(SHEETS)


def test_one_label_is_counted_in_the_singular(tmp_path: Path) -> None:
    data = _people(tmp_path / "people.csv", 1)
    proc = _labels(data, "L7163", "one.pdf", cwd=tmp_path)
    assert proc.stdout.strip() == (
        "Wrote one.pdf: 1 label on 1 Avery L7163 sheet (from label 1); 0 rows failed."
    )


def test_addresses_on_a_workbook_s_second_worksheet_are_read_with_worksheet(
    tmp_path: Path,
) -> None:
    """A workbook that starts with a notes sheet: the error names the option that picks the
    worksheet here (--worksheet; --sheet is the label sheet), and that option reads it."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Info"
    sheet = book.create_sheet("Adressen")
    sheet.append(["name", "street", "postal_code", "city", "country"])
    sheet.append(["Person 01", "Ring 2", "20457", "Hamburg", "DE"])
    data = tmp_path / "list.xlsx"
    book.save(data)
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7160", out)
    assert (proc.returncode, proc.stderr) == (
        2,
        f"letterpress: error: {data}: the data file has no header row in its first sheet "
        "'Info'; give the sheet with the addresses: --worksheet 'Adressen'\n",
    )
    proc = _labels(data, "L7160", out, "--worksheet", "Adressen")
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        f"Wrote {out}: 1 label on 1 Avery L7160 sheet (from label 1); 0 rows failed.\n",
        "",
    )
    assert [[w["text"] for w in b] for b in _blocks(out)[0]] == [
        ["Person 01", "Ring 2", "20457 Hamburg"]
    ]
    proc = _labels(data, "L7160", out, "--worksheet", "Adressen", "--delimiter", ";")
    assert_one_line_error(proc, "--delimiter applies to CSV files only")
    proc = _labels(data, "Adressen", out, home=None)
    assert (proc.returncode, proc.stderr) == (
        2,
        "letterpress: error: --sheet: unknown label sheet 'Adressen'; 'Adressen' is a "
        f"worksheet of {data}: give it as --worksheet 'Adressen', and the label sheet "
        "(L7160, 5160, ...) as --sheet\n",
    )


@pytest.mark.parametrize("template", [False, True])
def test_names_that_lost_a_character_in_a_windows_export_stop_their_rows(
    tmp_path: Path, template: bool
) -> None:
    """Excel's "CSV (Windows)" wrote ?ukasz for Łukasz and Ay?e for Ayşe: those labels are
    not printed (as the batch stops those letters), each row one line saying what to save
    instead; the other rows are."""
    sheets = ROOT / "tests" / "fixtures" / "sheets"
    data = sheets / "kontakte-windows.csv"
    out = tmp_path / "labels.pdf"
    extra = ("--template", str(sheets / "brief.toml")) if template else ()
    proc = _labels(data, "L7160", out, *extra)
    hint = 'save the sheet as "CSV UTF-8" or .xlsx and use that file'
    assert (proc.returncode, proc.stderr.splitlines()) == (
        1,
        [
            f"letterpress: error: {data}, row 3, column 'Vorname': a character was lost when "
            f"the sheet was saved ('?ukasz'); {hint}",
            f"letterpress: error: {data}, row 4, column 'Vorname': a character was lost when "
            f"the sheet was saved ('Ay?e'); {hint}",
        ],
    )
    text = _first_page(out)
    assert "Weiß" in text and "Lee" in text and "Smith" in text and "?" not in text


def test_a_title_above_the_header_of_a_workbook_is_named_as_such(tmp_path: Path) -> None:
    """A merged title in row 1 of an .xlsx: the title reads as the header, and the error says
    row 1 looks like a title, as the batch says, not "name a column name"."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Career fair 2026 contacts"])
    sheet.merge_cells("A1:E1")
    sheet.append(["name", "street", "postal_code", "city", "country"])
    sheet.append(["Person 01", "Ring 2", "20457", "Hamburg", "DE"])
    data = tmp_path / "list.xlsx"
    book.save(data)
    proc = _labels(data, "L7160", tmp_path / "l.pdf", home=None)
    assert (proc.returncode, proc.stderr) == (
        2,
        f"letterpress: error: {data}: no column gives the recipient's name; row 1 looks like "
        "a title: delete it so the column names are in row 1\n",
    )


def test_an_inch_sheet_speaks_inches(tmp_path: Path) -> None:
    """Avery 5160 is sold as 2 5/8 x 1 in labels on US Letter: the line too wide for it is
    measured in inches (it said "is 80.6 mm wide ... (66.7 x 25.4 mm) leaves 60.3 mm" to
    people who measure in inches); an A4 sheet's message stays in millimetres."""
    data = _csv(
        tmp_path,
        "name,street,city,state,postal_code,country\n"
        "John Smith,1600 Pennsylvania Avenue Northwest Suite 1200,Washington,DC,20500,US\n",
    )
    out = tmp_path / "l.pdf"
    proc = _labels(data, "5160", out, home="US")
    assert (proc.returncode, proc.stderr.splitlines()) == (
        2,
        [
            f"letterpress: error: {data}, row 2, column 'street' (recipient.street): address "
            "line '1600 PENNSYLVANIA AVENUE NORTHWEST SUITE 1200' is 2.87 in wide at 8 pt; a "
            "label of sheet 5160 (2 5/8 x 1 in) leaves 2 3/8 in; use a sheet with larger "
            "labels, or shorten the address",
            f"letterpress: error: {data}: no label made: the row failed; nothing was written; "
            "fix the problems above and run again",
        ],
    )
    proc = _labels(data, "L7160", out, home="US")
    assert "a label of sheet L7160 (63.5 x 38.1 mm) leaves 57.2 mm;" in proc.stderr


@pytest.mark.parametrize(
    ("row", "lines"),
    [
        (
            "Anna-Katharina Schmidt-Weißenfels-Oberndorfer,Careers Service,Hauptstraße 1,"
            "01067,Dresden,DE",
            ["Anna-Katharina", "Schmidt-Weißenfels-Oberndorfer"],
        ),
        (
            "Tom Berg,Bundesamt für Lebensmittelsicherheit und Veterinärwesen,Lindenallee 8,"
            "22587,Hamburg,DE",
            ["Bundesamt für Lebensmittelsicherheit und", "Veterinärwesen"],
        ),
    ],
)
def test_a_name_or_organisation_too_wide_for_its_label_breaks_at_a_word(
    tmp_path: Path, row: str, lines: list[str]
) -> None:
    """A double-barrelled name or a long authority on Avery L7160 (63.5 mm labels): the row
    was refused ("is 65.5 mm wide at 8 pt; ... leaves 57.5 mm"), though the letter breaks such
    a line at a word and the post reads it so. The line now breaks onto a further line, every
    line inside the label by the post's 3 mm clearance."""
    data = _csv(tmp_path, f"name,organization,street,postcode,city,country\n{row}\n")
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7160", out)
    assert (proc.returncode, proc.stderr) == (0, "")
    geo = _geometry("L7160")
    x, y, width, height = _expected_label(geo, 0)
    with pdfplumber.open(out) as pdf:
        found = pdf.pages[0].extract_text_lines()
    texts = [line["text"] for line in found]
    start = texts.index(lines[0])
    assert texts[start : start + len(lines)] == lines, texts
    for line in found:
        assert x + 3.0 - 0.01 <= line["x0"] / MM and line["x1"] / MM <= x + width - 3.0 + 0.01
        assert y + 3.0 - 0.01 <= line["top"] / MM and line["bottom"] / MM <= y + height - 3.0


def test_a_postcode_formatted_00000_holding_a_fraction_is_printed_as_shown_with_a_warning(
    tmp_path: Path,
) -> None:
    """1067.5 typed in a postcode cell formatted 00000 shows 01068 in Excel: the label
    prints that, with one warning naming the cell (it printed 1067.5, no postcode)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["name", "street", "postcode", "city"])
    sheet.append(["Mei Lee", "Ring 4", 1067.5, "Dresden"])
    sheet["C2"].number_format = "00000"
    data = tmp_path / "people.xlsx"
    book.save(data)
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7163", out)
    assert (proc.returncode, proc.stderr.splitlines()) == (
        0,
        [
            f"letterpress: warning: {data}, row 2, column 'postcode': the cell holds 1067.5, "
            "which its format shows rounded, as '01068'; '01068' is printed; correct the cell "
            "if that is not the code"
        ],
    )
    assert "01068 Dresden" in _first_page(out)


@pytest.mark.parametrize(
    ("header", "row", "sheet", "home", "street"),
    [
        (
            "Vorname;Nachname;Straße;Hausnummer;PLZ;Ort",
            "Anna;Schmidt;Hauptstraße;12a;01067;Dresden",
            "L7163",
            "DE",
            "Hauptstraße 12a",
        ),
        (
            "Name;Street Number;Street Name;City;State;ZIP",
            "Mei Lee;1600;Amphitheatre Pkwy;Mountain View;CA;94043",
            "5160",
            "US",
            "1600 AMPHITHEATRE PKWY",
        ),
    ],
)
def test_a_house_number_column_joins_the_street(
    tmp_path: Path, header: str, row: str, sheet: str, home: str, street: str
) -> None:
    """A list that keeps the house number in a column of its own (Straße; Hausnummer): the
    label printed "Hauptstraße" without the number, which no postman can deliver; the
    number joins the street, on the side of it the sheet has it."""
    out = tmp_path / "labels.pdf"
    proc = _labels(_csv(tmp_path, f"{header}\n{row}\n"), sheet, out, home=home)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert street in _first_page(out).splitlines()


def test_a_house_number_column_goes_where_the_destination_country_writes_it(
    tmp_path: Path,
) -> None:
    """A German career centre's workbook (Straße, Hausnr.) with addresses abroad: the number
    followed the street for every row, so the labels read "rue de Rivoli 12" and
    "Amphitheatre Parkway 1600", which French and US sorting machines do not read as a street
    line. Each row's number now goes where its country writes it (a row without a country:
    the home country's way, here the US's); the sheet's column order decides only where the
    data does not say."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Straße", "Hausnr.", "PLZ", "Ort", "Bundesland", "Land"])
    sheet.append(["Jörg Weiß", "Königsallee", "12", "40212", "Düsseldorf", "", "Deutschland"])
    sheet.append(["Élodie Lefèvre", "rue de Rivoli", "12", "75001", "Paris", "", "Frankreich"])
    sheet.append(["Mei Lee", "Amphitheatre Parkway", "1600", "94043", "Mountain View", "CA", "USA"])
    sheet.append(["Oliver Smith", "Downing Street", "10", "SW1A 2AA", "London", "", "GB"])
    sheet.append(["Ana Ruiz", "Calle Mayor", "5", "28013", "Madrid", "Madrid", "ES"])
    data = tmp_path / "adressen.xlsx"
    book.save(data)
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7163", out, home="DE")
    assert (proc.returncode, proc.stderr) == (0, "")
    lines = [line.strip() for line in _first_page(out).splitlines()]
    for street in (
        "Königsallee 12",
        "12 rue de Rivoli",
        "1600 Amphitheatre Parkway",
        "10 Downing Street",
        "Calle Mayor 5",
    ):
        assert any(line == street or line.startswith(f"{street} ") for line in lines), lines
    # Without a country cell a row goes to the home country, and takes its custom.
    header = "Name;Straße;Hausnummer;ZIP;City;State"
    mei = "Mei Lee;Amphitheatre Pkwy;1600;94043;Mountain View;CA"
    proc = _labels(_csv(tmp_path, f"{header}\n{mei}\n"), "5160", out, home="US")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "1600 AMPHITHEATRE PKWY" in _first_page(out).splitlines()


OUTLOOK = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department",'
    '"Job Title","Business Street","Business Street 2","Business City","Business State",'
    '"Business Postal Code","Business Country/Region","Home Street","Home City",'
    '"Home Postal Code","Home Country/Region","E-mail Address","Notes"\n'
    '"","Anna","","Schmidt","","Nordlicht GmbH","","","Hafenstraße 12","","Hamburg","",'
    '"20457","Deutschland","Ring 4","Dresden","01067","Deutschland","anna@example.com",'
    '"met at the job fair"\n'
    '"","Ben","","Ode","","","","","","","","","","","Lindenallee 8","Hamburg","22587",'
    '"Deutschland","",""\n'
)
OUTLOOK_DE = (
    '"Anrede","Vorname","Nachname","Firma","Abteilung","Straße geschäftlich",'
    '"Straße geschäftlich 2","Ort geschäftlich","Postleitzahl geschäftlich",'
    '"Land/Region geschäftlich","Straße privat","Ort privat","Postleitzahl privat"\n'
    '"Frau","Anna","Schmidt","Nordlicht GmbH","Einkauf","Hafenstraße 12","Haus B","Hamburg",'
    '"20457","Deutschland","Ring 4","Dresden","01067"\n'
)
GOOGLE = (
    "Name,Given Name,Family Name,E-mail 1 - Value,Address 1 - Type,Address 1 - Formatted,"
    "Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,"
    "Address 1 - Postal Code,Address 1 - Country\n"
    'Mei Lee,Mei,Lee,mei@example.com,Home,"1600 Amphitheatre Pkwy\nMountain View, CA 94043",'
    "1600 Amphitheatre Pkwy,Mountain View,,CA,94043,US\n"
)


@pytest.mark.parametrize(
    ("export", "sheet", "home", "expected"),
    [
        (
            OUTLOOK,
            "L7163",
            "DE",
            [
                "Anna Schmidt\nNordlicht GmbH\nHafenstraße 12\n20457 Hamburg",
                "Ben Ode\nLindenallee 8\n22587 Hamburg",
            ],
        ),
        (
            OUTLOOK_DE,
            "L7163",
            "DE",
            ["Anna Schmidt\nNordlicht GmbH\nEinkauf\nHafenstraße 12\nHaus B\n20457 Hamburg"],
        ),
        (GOOGLE, "5160", "US", ["MEI LEE\n1600 AMPHITHEATRE PKWY\nMOUNTAIN VIEW CA 94043"]),
    ],
)
def test_contacts_exported_by_outlook_or_google_print_their_address(
    tmp_path: Path, export: str, sheet: str, home: str, expected: list[str]
) -> None:
    """Outlook's CSV export keeps the business and the home address under "Business
    Street", "Home City" ... (German Outlook: "Straße geschäftlich", "Ort privat"); Google
    Contacts' under "Address 1 - Street": every row failed
    with "no postal address: street, postal code and town are all empty". A row's address
    is the first it fills (Ben Ode has a home address only)."""
    data = _csv(tmp_path, export, "contacts.csv")
    out = tmp_path / "labels.pdf"
    proc = _labels(data, sheet, out, home=home)
    assert (proc.returncode, proc.stderr) == (0, "")
    text = _first_page(out)
    lines = text.splitlines()  # labels side by side: their lines interleave
    assert all(line in lines for block in expected for line in block.splitlines()), text
    assert "Ring 4" not in text and "01067 Dresden" not in text  # Anna's home address
    assert "job fair" not in text  # Outlook's notes are the owner's, not lines for the post
    proc = _labels(data, sheet, out, home=None, cwd=tmp_path)
    assert proc.stderr.splitlines()[0] == (  # the home country is where the rows go (it was DE)
        f"letterpress: info: {data}: no home country given: taking {home}, where most rows go; "
        "addresses in other countries get a country line; give --from CC"
    )


GOOGLE_NOW = (
    "First Name,Middle Name,Last Name,Name Prefix,Organization Name,Organization Title,"
    "Organization Department,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Address 1 - Label,"
    "Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
    "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address\n"
    "Mei,,Lee,Ms,Acme Corporation,Recruiter,Human Resources,met at the fair,* myContacts,Work,"
    'mei@example.com,Work,"1600 Amphitheatre Parkway\nMountain View, CA 94043\nUSA",'
    "1600 Amphitheatre Parkway,Mountain View,,CA,94043,USA,Suite 200\n"
    "Anna,,Schmidt,,Careers Service,,,,* myContacts,,,Work,,Hauptstraße 1,Dresden,,,01067,"
    "Deutschland,Gebäude B\n"
)


def test_a_google_contacts_export_prints_the_company_department_and_second_line(
    tmp_path: Path,
) -> None:
    """Google Contacts exports the company as "Organization Name", its department as
    "Organization Department" and an address's second line as "Address 1 - Extended
    Address": labels for a recruiter at a company went out without the company, department
    or suite ("MEI LEE / 1600 AMPHITHEATRE PARKWAY ..."). They are printed now."""
    data = _csv(tmp_path, GOOGLE_NOW, "contacts.csv")
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7163", out, home="DE")
    assert (proc.returncode, proc.stderr) == (0, "")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        left = page.crop((0, 0, page.width / 2, page.height)).extract_text().splitlines()
        right = page.crop((page.width / 2, 0, page.width, page.height)).extract_text()
    assert left == [
        "Mei Lee",
        "Acme Corporation",
        "Human Resources",
        "1600 Amphitheatre Parkway",
        "Suite 200",
        "MOUNTAIN VIEW, CA 94043",
        "UNITED STATES",
    ]
    assert right.splitlines() == [
        "Anna Schmidt",
        "Careers Service",
        "Hauptstraße 1",
        "Gebäude B",
        "01067 Dresden",
    ]


def test_a_postcode_that_lost_its_leading_zero_in_excel_says_so_as_the_batch_does(
    tmp_path: Path,
) -> None:
    """Excel keeps a typed 01067 as the number 1067. The label said "'1067' is not a valid
    postal code for Germany; e.g. 26133, 53225, or give address_lines for a free-form
    address", which does not say what went wrong or how to mend the sheet; the batch says
    both. The labels now say what the batch says, with or without a template."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Straße", "PLZ", "Ort"])
    sheet.append(["Anna Schmidt", "Hauptstraße 1", 1067, "Dresden"])
    sheet.append(["Tom Berg", "Lindenallee 8", 22587, "Hamburg"])
    data = tmp_path / "adressen.xlsx"
    book.save(data)
    template = tmp_path / "letter.toml"
    template.write_text(
        '[recipient]\nname = "{{ row.Name }}"\nstreet = "{{ row.Straße }}"\n'
        'postal_code = "{{ row.PLZ }}"\ncity = "{{ row.Ort }}"\ncountry = "DE"\n',
        encoding="utf-8",
    )
    expected = [
        f"letterpress: error: {data}, row 2, column 'PLZ' (recipient.postal_code): postcode "
        "'1067' looks like it lost its leading zero (01067): the cell holds a number; give the "
        "column the number format 00000, or format it as Text and type 01067"
    ]
    for options in ((), ("--template", str(template))):
        out = tmp_path / "labels.pdf"
        proc = _labels(data, "L7163", out, *options)
        assert (proc.returncode, proc.stderr.splitlines()) == (1, expected), options
        assert "22587 Hamburg" in _first_page(out)


@pytest.mark.parametrize(
    ("named", "sheet"),
    [("Avery L7160", "L7160"), ("avery zweckform 3474", "3474"), ("HERMA 4464", "4464")],
)
def test_a_sheet_named_with_its_maker_as_on_the_packet_is_found(
    tmp_path: Path, named: str, sheet: str
) -> None:
    """The packet says "Avery L7160" or "Avery Zweckform 3474"; typed so, it was "unknown
    label sheet 'Avery L7160'; did you mean 'L7160'?". The maker's name is now passed over."""
    data = _people(tmp_path / "people.csv", 3)
    named_pdf, plain_pdf = tmp_path / "named.pdf", tmp_path / "plain.pdf"
    proc = _labels(data, named, named_pdf)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert _labels(data, sheet, plain_pdf).returncode == 0
    assert named_pdf.read_bytes() == plain_pdf.read_bytes()


def test_a_list_without_address_columns_is_one_line_not_one_per_row(tmp_path: Path) -> None:
    """A list of names and e-mail addresses (an export of the wrong view): every row failed
    on its own ("row 2, recipient.street: no postal address: ..."), 300 lines for 300 rows.
    It is now one line naming the columns there are and the ones wanted."""
    rows = "".join(f"Person {n},p{n}@example.org\n" for n in range(1, 31))
    data = _csv(tmp_path, f"Name,E-Mail\n{rows}")
    out = tmp_path / "labels.pdf"
    proc = _labels(data, "L7163", out)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (
        f"letterpress: error: {data}: no column gives the address; the columns are 'Name', "
        "'E-Mail'; name the address columns street, postal_code and city (or Straße, PLZ, "
        "Ort), or give --template\n"
    )
    assert not out.exists()


def test_a_letter_file_given_as_the_address_list_says_to_give_it_as_template(
    tmp_path: Path, write_letter
) -> None:  # type: ignore[no-untyped-def]
    """'letterpress labels letter.toml ...' read the letter file as a CSV and said "no column
    gives the recipient's name"; it now says what the file is and where it goes."""
    path = write_letter(letter(), "letter.toml")
    proc = _labels(path, "L7163", tmp_path / "labels.pdf")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (
        f"letterpress: error: {path}: a letter file, not an address list; give the addresses "
        f"(.csv, .xlsx, .xls or .ods) first, and a letter file whose [recipient] they fill as "
        f"--template {path}\n"
    )


def test_german_headings_anschrift_and_wohnort_are_the_street_and_the_town(
    tmp_path: Path,
) -> None:
    """An association's member list headed Name; Anschrift; PLZ; Wohnort printed labels with
    the name and postcode alone: "Anschrift" (the street line) and "Wohnort" (the town) are
    what German lists call those columns."""
    data = _csv(
        tmp_path,
        "Name;Anschrift;PLZ;Wohnort\n"
        "Kim Berger;Hauptstraße 5;04109;Leipzig\n"
        "Jonas Petersen;Lindenallee 8;22587;Hamburg\n",
    )
    out = tmp_path / "labels.pdf"
    done = _labels(data, "3474", out)
    assert (done.returncode, done.stderr) == (0, "")
    # two labels side by side in the sheet's first row
    assert _first_page(out) == (
        "Kim Berger Jonas Petersen\nHauptstraße 5 Lindenallee 8\n04109 Leipzig 22587 Hamburg"
    )
