"""``letterpress batch`` through the real command line: exit codes, messages, files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "batch"
NOW = "2026-12-01T09:00"  # --now for call sheets: examples/call.toml's call_on is to come


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "letterpress", "batch", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_merged_run_from_a_cp1252_export(tmp_path: Path) -> None:
    done = cli(
        str(FIXTURES / "template.toml"),
        str(FIXTURES / "cp1252-semicolon.csv"),
        "-o",
        "merged.pdf",
        "--jobs",
        "2",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote merged.pdf: 5 documents from 5 rows (5 pages); 0 rows failed." in done.stdout
    assert done.stderr == ""  # no progress bar when not on a terminal
    text = PdfReader(tmp_path / "merged.pdf").pages[1].extract_text()
    assert "Jörg Weiß" in text and "Düsseldorf" in text  # domestic: mixed case (DIN 5008)
    assert (tmp_path / "merged.manifest.csv").is_file()


def test_merged_run_from_an_excel_for_mac_export(tmp_path: Path) -> None:
    """Excel for Mac's "CSV (Macintosh)": Mac Roman, rows ended by CR alone, a line break in
    a cell LF. It was read as cp1252: "Jšrg Wei§" in the letter."""
    done = cli(
        str(FIXTURES / "template.toml"),
        str(FIXTURES / "macroman-cr-comma.csv"),
        "-o",
        "merged.pdf",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote merged.pdf: 5 documents from 5 rows (5 pages); 0 rows failed." in done.stdout
    pages = [page.extract_text() for page in PdfReader(tmp_path / "merged.pdf").pages]
    assert "Jörg Weiß" in pages[1] and "Königsallee 12" in pages[1]
    assert "Am Hof 3\nHinterhaus" in pages[2] and "Zoë Brandt" in pages[4]


@pytest.mark.parametrize("fixture", ["cp850-semicolon.csv", "cp437-comma.csv"])
def test_merged_run_from_an_excel_ms_dos_export(tmp_path: Path, fixture: str) -> None:
    """Excel for Windows' "CSV (MS-DOS)": the DOS code page (cp850 in Western Europe, cp437
    in the US). It was read as cp1252 without a word: "J”rg Weiá" in the letter."""
    done = cli(
        str(FIXTURES / "template.toml"), str(FIXTURES / fixture), "-o", "m.pdf", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    pages = [page.extract_text() for page in PdfReader(tmp_path / "m.pdf").pages]
    assert "Jörg Weiß" in pages[1] and "Königsallee 12" in pages[1]
    assert "Düsseldorf" in pages[1] and "Chloé" in pages[2] and "Zoë Brandt" in pages[4]


def test_cp1252_typography_is_not_taken_for_a_dos_export(tmp_path: Path) -> None:
    """Curly quotes, an apostrophe and € are cp1252 bytes that are letters in cp850 (’ is Æ):
    the file stays cp1252."""
    data = tmp_path / "d.csv"
    data.write_bytes(
        "first_name;last_name;street;postcode;city;workshop\r\n"
        "Seán;O’Neill;„Am Markt“ 2;01067;Dresden;2026-12-03\r\n".encode("cp1252")
    )
    done = cli(str(FIXTURES / "template.toml"), str(data), "-o", "m.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = PdfReader(tmp_path / "m.pdf").pages[0].extract_text()
    assert "Seán O’Neill" in text and "„Am Markt“ 2" in text


def test_partial_batch_exits_1_and_names_the_row(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text(
        "first_name,last_name,street,postcode,city,workshop\n"
        "Anna,Schmidt,Hauptstraße 1,01067,Dresden,2026-12-03\n"
        "Ben,Müller,Ring 2,1067,Dresden,2026-12-03\n",
        encoding="utf-8",
    )
    done = cli(str(FIXTURES / "template.toml"), str(data), "--out-dir", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert (
        "d.csv, row 3, column 'postcode' (recipient.postal_code): postcode '1067' looks "
        "like it lost its leading zero (01067)" in done.stderr
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["manifest.csv", "row-2.pdf"]


def test_check_and_unusable_input(tmp_path: Path) -> None:
    done = cli(
        str(FIXTURES / "template.toml"), str(FIXTURES / "utf16-tab.txt"), "--check", cwd=tmp_path
    )
    assert done.returncode == 0 and "Checked 5 rows: 5 ready, 0 with problems." in done.stdout
    assert list(tmp_path.iterdir()) == []
    done = cli(str(FIXTURES / "template.toml"), "missing.csv", "-o", "m.pdf", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr.strip() == "letterpress: error: missing.csv: data file not found; "
        "check the path"
    )
    done = cli(str(FIXTURES / "template.toml"), str(FIXTURES / "utf8-bom-comma.csv"), cwd=tmp_path)
    assert done.returncode == 2 and "give -o merged.pdf or --out-dir DIR" in done.stderr


def test_help_lists_the_interface(tmp_path: Path) -> None:
    done = cli("--help", cwd=tmp_path)
    for option in (
        "--out-dir",
        "--name",
        "--kind",
        "--check",
        "--strict",
        "--resume",
        "--duplex",
        "--jobs",
        "--delimiter",
        "--sheet",
        "--manifest",
    ):
        assert option in done.stdout


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """With stderr on a terminal, tqdm draws a bar counting rows; the output is unchanged."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 x 100
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "letterpress",
                "batch",
                str(FIXTURES / "template.toml"),
                str(FIXTURES / "cp1252-semicolon.csv"),
                "-o",
                "merged.pdf",
            ],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=slave,
        )
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the run is over
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=120) == 0
    finally:
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "/5 [" in text and "row/s]" in text, text  # tqdm: " 0/5 [00:00<?, ?row/s]"
    assert len(PdfReader(tmp_path / "merged.pdf").pages) == 5


def test_a_fixed_field_of_the_template_is_one_error_naming_the_template(tmp_path: Path) -> None:
    """An unknown layout, language or envelope typed in the template (not from a column) is
    the template's mistake: one line naming the template and the field, before any row, not
    the same error for every row of the data; a wrong --envelope names the option."""
    template = (ROOT / "examples/batch/workshop.toml").read_text(encoding="utf-8")
    data = str(ROOT / "examples/batch/workshop.csv")
    cases = {
        ('layout = "din5008-b"', 'layout = "din5008"'): "layout: unknown layout 'din5008'; did "
        "you mean 'din5008-b'? (known: ch-left, ch-right, din5008-a, din5008-b, fr-right, uk-dl, "
        "us-letter-10)",
        ('language = "en-GB"', 'language = "English"'): "language: unknown language 'English'; "
        "use a BCP 47 tag such as 'en-US', 'en-GB', 'de' or 'fr'",
        ('place = "Hamburg"', 'place = "Hamburg"\nenvelope = "C4"'): "envelope: the din5008-b "
        "layout has no envelope 'C4'; its envelopes: DL, C6/5",
    }
    for (old, new), said in cases.items():
        path = tmp_path / "t.toml"
        path.write_text(template.replace(old, new), encoding="utf-8")
        done = cli(str(path), data, "-o", "out.pdf", cwd=tmp_path)
        assert (done.returncode, done.stderr) == (2, f"letterpress: error: {path}, {said}\n")
    done = cli(
        str(ROOT / "examples/batch/workshop.toml"),
        data,
        "-o",
        "o.pdf",
        "--envelope",
        "XL",
        cwd=tmp_path,
    )
    assert (done.returncode, done.stderr) == (
        2,
        "letterpress: error: --envelope: the din5008-b layout has no envelope 'XL'; its "
        "envelopes: DL, C6/5\n",
    )
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize(
    ("new", "said"),
    [
        ("date = 5", "date: 5 is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-26"),
        (
            'date = "soon"',
            "date: 'soon' is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-26",
        ),
        (
            "date = 2026-11-26\nlayout = 5",
            "layout: unknown layout '5'; use one of ch-left, ch-right, din5008-a, din5008-b, "
            "fr-right, uk-dl, us-letter-10",
        ),
    ],
    ids=["date-number", "date-text", "layout-number"],
)
def test_a_fixed_date_or_a_number_for_a_layout_is_one_error_naming_the_template(
    tmp_path: Path, new: str, said: str
) -> None:
    """date = 5 (or "soon", or layout = 5) in the template was said as the rows' error,
    "d.csv, rows 2-5 (4 rows), date: 5 is not a valid date" (and for the rows with no other
    error only): the template's mistake read as the data's. One line names the template and
    the field now, before any row."""
    template = (ROOT / "examples/batch/workshop.toml").read_text(encoding="utf-8")
    template = template.replace('layout = "din5008-b"\n', "").replace("date = 2026-11-26", new)
    (tmp_path / "t.toml").write_text(template, encoding="utf-8")
    data = (ROOT / "examples/batch/workshop.csv").read_text(encoding="utf-8")
    (tmp_path / "d.csv").write_text(data, encoding="utf-8")
    done = cli("t.toml", "d.csv", "-o", "out.pdf", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, f"letterpress: error: t.toml, {said}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv", "t.toml"]


def test_a_preview_folder_that_is_a_file_is_refused_before_any_row(tmp_path: Path) -> None:
    """--preview names a folder; a file there (or a file on the way) is one line, exit 2,
    before the merged PDF is made, not a traceback after it."""
    (tmp_path / "w.pdf").write_bytes(b"%PDF-1.7 kept")
    args = (str(ROOT / "examples/batch/workshop.toml"), str(ROOT / "examples/batch/workshop.csv"))
    done = cli(*args, "--preview", "w.pdf", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        2,
        "letterpress: error: w.pdf, --preview: is a file, not a folder: --preview takes a "
        "folder for the PNG images; name a folder, e.g. --preview previews\n",
    )
    done = cli(*args, "-o", "out.pdf", "--preview", "w.pdf/sub", cwd=tmp_path)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr and done.stderr.startswith("letterpress: error: w.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.pdf"]
    assert (tmp_path / "w.pdf").read_bytes() == b"%PDF-1.7 kept"


def test_call_sheet_warnings_reach_the_batch_and_strict_stops_on_them(tmp_path: Path) -> None:
    """A call sheet's doubts (here a city written as the caller's time zone) are reported for
    a mail merge as `letterpress call` reports them; one the template's fixed field causes is
    the same for every row: said once, naming the template and the field, not per row.
    --strict stops on it before any row."""
    text = (ROOT / "examples/call.toml").read_text(encoding="utf-8")
    template = tmp_path / "call.toml"
    template.write_text(
        text.replace('caller_timezone = "Europe/Berlin"', 'caller_timezone = "Berlin"'),
        encoding="utf-8",
    )
    assert 'caller_timezone = "Berlin"' in template.read_text(encoding="utf-8")
    data = tmp_path / "rows.csv"
    data.write_text("n\n1\n2\n", encoding="utf-8")
    line = (
        f"{template}, call.caller_timezone: 'Berlin' is not an IANA time zone "
        'name; taking Europe/Berlin; write caller_timezone = "Europe/Berlin"'
    )
    args = (str(template), str(data), "--kind", "call", "-o", "calls.pdf", "--now", NOW)
    done = cli(*args, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, f"letterpress: warning: {line}\n")
    assert len(PdfReader(tmp_path / "calls.pdf").pages) == 2
    (tmp_path / "calls.pdf").unlink()
    done = cli(*args, "--strict", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, f"letterpress: error: {line}\n")
    assert not (tmp_path / "calls.pdf").exists()


def test_a_call_template_s_fixed_day_and_zone_are_reported_once(tmp_path: Path) -> None:
    """The template fixes call_on on a Sunday: one warning naming the template, for both
    rows; a time zone that is none is one error naming the template (exit 2), not a failed
    row for every row of the data."""
    text = (ROOT / "examples/call.toml").read_text(encoding="utf-8")
    template = tmp_path / "call.toml"
    template.write_text(text.replace("call_on = 2027-03-25", "call_on = 2027-03-28"), "utf-8")
    data = tmp_path / "rows.csv"
    data.write_text("n\n1\n2\n", encoding="utf-8")
    args = (str(template), str(data), "--kind", "both", "-o", "out.pdf", "--now", NOW)
    done = cli(*args, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        0,
        f"letterpress: warning: {template}, call.call_on: 2027-03-28 is a Sunday, when "
        "offices are closed; give a working day as call_on\n",
    )
    assert len(PdfReader(tmp_path / "out.pdf").pages) == 4
    template.write_text(text.replace('"Europe/Berlin"', '"Europe/Munich"'), "utf-8")
    done = cli(*args, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        2,
        f"letterpress: error: {template}, call.caller_timezone: unknown time zone "
        "'Europe/Munich'; use an IANA name such as 'Europe/Berlin' or 'America/New_York'\n",
    )


def test_a_call_on_that_has_passed_is_said_once_for_the_template_or_per_row(
    tmp_path: Path,
) -> None:
    """A call_on the template fixes that is before --now is one warning naming the template
    (--strict: the error, nothing written); one a column gives is said for its row only."""
    text = (ROOT / "examples/call.toml").read_text(encoding="utf-8")
    template = tmp_path / "call.toml"
    template.write_text(text, "utf-8")
    data = tmp_path / "rows.csv"
    data.write_text("n\n1\n2\n", encoding="utf-8")
    args = (str(template), str(data), "--kind", "call", "-o", "calls.pdf")
    line = (
        f"{template}, call.call_on: 2027-03-25 has passed (today is 2027-04-01); write the "
        "day you will call as call_on, or leave call_on out for today"
    )
    done = cli(*args, "--now", "2027-04-01T09:00", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, f"letterpress: warning: {line}\n")
    assert len(PdfReader(tmp_path / "calls.pdf").pages) == 2
    (tmp_path / "calls.pdf").unlink()
    done = cli(*args, "--now", "2027-04-01T09:00", "--strict", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, f"letterpress: error: {line}\n")
    assert not (tmp_path / "calls.pdf").exists()
    template.write_text(text.replace("call_on = 2027-03-25", 'call_on = "{{ row.day }}"'), "utf-8")
    data.write_text("day\n2027-03-25\n2027-04-01\n", encoding="utf-8")
    done = cli(*args, "--now", "2027-04-01T09:00", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        0,
        f"letterpress: warning: {data}, row 2, column 'day' (call.call_on): 2027-03-25 has "
        "passed (today is 2027-04-01); write the day you will call as call_on, or leave "
        "call_on out for today\n",
    )


def test_out_dir_warns_of_pdfs_an_earlier_run_left(tmp_path: Path) -> None:
    """Renaming the files (--name) leaves the earlier run's PDFs beside the new ones: one
    warning names them, since printing the folder would print every letter twice."""
    args = (str(ROOT / "examples/batch/workshop.toml"), str(ROOT / "examples/batch/workshop.csv"))
    first = cli(*args, "--out-dir", "st", cwd=tmp_path)
    assert (first.returncode, first.stderr) == (0, "")
    again = cli(*args, "--out-dir", "st", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")  # the same names: nothing left over
    renamed = cli(*args, "--out-dir", "st", "--name", "{{ row.last_name }}", cwd=tmp_path)
    assert (renamed.returncode, renamed.stderr) == (
        0,
        "letterpress: warning: st/: 4 PDF files this run did not make are in the folder "
        "(row-2.pdf, row-3.pdf, row-4.pdf, ...); delete them before printing the whole folder\n",
    )


def _two_call_sheets(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    """The example call file with ``old`` replaced by ``new``, as a template that fixes every
    field, and a data file of two rows: a batch of two call sheets."""
    text = (ROOT / "examples/call.toml").read_text(encoding="utf-8")
    template = tmp_path / "call.toml"
    template.write_text(text.replace(old, new), "utf-8")
    data = tmp_path / "rows.csv"
    data.write_text("n\n1\n2\n", encoding="utf-8")
    return template, data


def test_a_template_s_call_on_before_its_interview_is_said_once(tmp_path: Path) -> None:
    template, data = _two_call_sheets(
        tmp_path, "interview_on = 2027-03-23", "interview_on = 2027-04-23"
    )
    done = cli(
        str(template), str(data), "--kind", "call", "-o", "c.pdf", "--now", NOW, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (
        0,
        f"letterpress: warning: {template}, call.call_on: 2027-03-25 is before the interview "
        "on 2027-04-23; check both dates: the call follows the interview up\n",
    )


def test_a_template_s_call_on_with_a_time_is_said_once(tmp_path: Path) -> None:
    """A TOML datetime as the template's call_on: one warning that its time is not used
    (the check of a day that has passed compared it with a date, for a batch)."""
    template, data = _two_call_sheets(
        tmp_path, "call_on = 2027-03-25", "call_on = 2027-03-25T10:00:00"
    )
    done = cli(
        str(template), str(data), "--kind", "call", "-o", "c.pdf", "--now", NOW, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (
        0,
        f"letterpress: warning: {template}, call.call_on: 2027-03-25T10:00 has a time of day, "
        "which the sheet does not use; write call_on = 2027-03-25, and the time as best_time = "
        '"HH:MM-HH:MM" (their local time)\n',
    )
    done = cli(
        str(template),
        str(data),
        "--kind",
        "call",
        "-o",
        "c.pdf",
        "--now",
        "2027-04-01T09:00",
        cwd=tmp_path,
    )
    assert done.returncode == 0 and "2027-03-25 has passed" in done.stderr


@pytest.mark.parametrize(
    ("best", "warning"),
    [
        (
            "9-9",
            "'9-9' is read as 09:00-21:00, twelve hours; write best_time = \"09:00-21:00\" if "
            "that is meant, else the window you mean",
        ),
        (
            "9-11 und 14-16 Uhr",
            "'9-11 und 14-16 Uhr' is two windows, and the sheet prints one: the first, "
            '09:00-11:00; write the one you will call in, e.g. best_time = "14:00-16:00"',
        ),
    ],
)
def test_a_template_s_doubtful_best_time_is_said_once(
    best: str, warning: str, tmp_path: Path
) -> None:
    """A best time every row shares, read with a doubt, was said once per run of rows
    ("rows 2-3 (2 rows)"); like the template's other fixed fields it is said once, at the
    template."""
    template, data = _two_call_sheets(tmp_path, '"09:30-11:00"', f'"{best}"')
    done = cli(
        str(template), str(data), "--kind", "call", "-o", "c.pdf", "--now", NOW, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (
        0,
        f"letterpress: warning: {template}, call.best_time: {warning}\n",
    )


def test_a_template_postcode_without_its_leading_zero_names_the_template_not_a_column(
    tmp_path: Path,
) -> None:
    """A template that fixes sender.postal_code = "1067" was told to "format the column as Text
    in the spreadsheet", though no column fills it; the line now says to fix the template."""
    template = tmp_path / "t.toml"
    text = (FIXTURES / "template.toml").read_text(encoding="utf-8")
    template.write_text(text.replace('postal_code = "22587"', 'postal_code = "1067"'), "utf-8")
    data = tmp_path / "d.csv"
    data.write_text(
        "first_name,last_name,street,postcode,city,workshop\n"
        "Anna,Schmidt,Hauptstraße 1,01067,Dresden,2026-12-03\n",
        encoding="utf-8",
    )
    line = (
        "letterpress: error: d.csv, row 2, sender.postal_code: postcode '1067' looks like it "
        'is missing its leading zero (01067); write postal_code = "01067" in the template\'s '
        "[sender] table"
    )
    checked = cli("t.toml", "d.csv", "--check", cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stderr.splitlines() == [line]
    done = subprocess.run(
        [sys.executable, "-m", "letterpress", "check", "t.toml", "d.csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == line


def test_a_file_name_pattern_that_cannot_be_read_is_said_in_plain_words(tmp_path: Path) -> None:
    """'--name: template error: expected 'end of print statement'.; write it like ...': the
    template engine's words, and '.;'."""
    args = (str(ROOT / "examples/batch/workshop.toml"), str(ROOT / "examples/batch/workshop.csv"))
    done = cli(*args, "--out-dir", "st", "--name", "{{ row.last_name }", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "letterpress: error: --name: '{{ row.last_name }' is not a file name pattern; put each "
        "column between {{ and }} and write the rest as it is, e.g. {{ row.last_name }}-{{ n }} "
        "(a column with spaces as {{ row['last name'] }})\n"
    )
    assert not (tmp_path / "st").exists()


@pytest.mark.parametrize("strict", [True, False], ids=["strict-stop", "no-row-made"])
def test_a_run_that_writes_nothing_leaves_no_folder_behind(tmp_path: Path, strict: bool) -> None:
    """batch --out-dir DIR --strict that stopped (exit 2), or a run in which no row could be
    made, left DIR created and empty: nothing written now leaves nothing behind, neither the
    folder nor its parents this run made; a folder that was there before stays."""
    template = tmp_path / "w.toml"
    template.write_text(
        (ROOT / "examples" / "batch" / "workshop.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    head = "first_name;last_name;street;postcode;city;country;workshop;time;room;note\n"
    good = "Anna;Schmidt;Hauptstraße 1;01067;Dresden;;2026-12-03;10:00;B 204;\n"
    bad = "Jörg;Weiß;Königsallee 12;40212;;;2026-12-03;14:00;B 204;\n"
    data = tmp_path / "w.csv"
    data.write_text(head + (good if strict else "") + bad, encoding="utf-8")
    flags = ("--strict",) if strict else ()
    done = cli(str(template), str(data), "--out-dir", "out/letters", *flags, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "nothing was written" in done.stderr.splitlines()[-1]
    assert not (tmp_path / "out").exists()
    (tmp_path / "kept").mkdir()
    done = cli(str(template), str(data), "--out-dir", "kept", *flags, cwd=tmp_path)
    assert done.returncode == 2 and (tmp_path / "kept").is_dir()


def test_a_data_file_with_only_its_header_says_what_to_add(tmp_path: Path) -> None:
    """A spreadsheet saved before its rows were typed: the refusal said what was wrong but
    not what to do."""
    data = tmp_path / "people.csv"
    data.write_text("first_name,last_name,street,postcode,city,workshop\n", encoding="utf-8")
    done = cli(str(FIXTURES / "template.toml"), str(data), "-o", "m.pdf", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        2,
        f"letterpress: error: {data}: the data file has a header but no rows; add a row below "
        "the header for each letter and save the file again\n",
    )
    assert not (tmp_path / "m.pdf").exists()
