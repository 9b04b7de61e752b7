"""Hostile or broken input files through the command line: one error line, exit 2, never a
traceback or a hang (issue #20), and the TOML traps people fall into explained with their
fix (issue #16, item 6)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, assert_one_line_error, letter, run_cli

EXAMPLE = (ROOT / "examples" / "thank-you.toml").read_text(encoding="utf-8")


def _toml(tmp_path: Path, text: str, name: str = "letter.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(proc) -> str:
    assert_one_line_error(proc)
    return proc.stderr.strip()


# --- files that crashed the readers ---------------------------------------------------


@pytest.mark.parametrize(
    "name, text",
    [
        ("deep.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("deep.json", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("dotted.toml", "a" + ".a" * 100 + " = 1\n"),
    ],
)
def test_deep_nesting_is_one_line(tmp_path: Path, name: str, text: str) -> None:
    path = _toml(tmp_path, text, name)
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}: tables or lists are nested more than 32 deep; a letter "
        "file needs three levels at most; check the brackets"
    )
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    "name, text",
    [
        ("long.toml", 'subject = "x"\npostal = ' + "9" * 5000 + "\n"),
        ("long.json", '{"subject": "x", "postal": ' + "9" * 5000 + "}"),
    ],
)
def test_a_number_over_4300_digits_is_one_line(tmp_path: Path, name: str, text: str) -> None:
    path = _toml(tmp_path, text, name)
    line = 2 if name.endswith(".toml") else 1
    assert _error(run_cli("check", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}: a number has too many digits (line {line}); write it in "
        "quotes as text, or shorten it"
    )


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = _toml(tmp_path, 'subject = "x"\n' + "#" * (1 << 20) + "\n")
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}: the file is larger than 1 MiB; check that this is the "
        "right file"
    )


def test_an_endless_input_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    """A device such as /dev/zero, played by a pipe that never ends (never a real device)."""
    fifo = tmp_path / "endless.toml"
    os.mkfifo(fifo)
    stop = threading.Event()

    def write() -> None:
        with open(fifo, "wb") as pipe:
            try:
                while not stop.is_set():
                    pipe.write(b"\0" * 65536)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    started = time.monotonic()
    proc = run_cli("letter", str(fifo), cwd=tmp_path)
    stop.set()
    assert time.monotonic() - started < 60
    assert _error(proc) == (
        f"letterpress: error: {fifo}: the file is larger than 1 MiB; "
        "check that this is the right file"
    )


def test_a_folder_as_input(tmp_path: Path) -> None:
    assert _error(run_cli("letter", str(tmp_path), cwd=tmp_path)) == (
        f"letterpress: error: {tmp_path}: is a folder, not a file; name the file inside it"
    )


@pytest.mark.parametrize("command", ["check", "letter", "batch"])
def test_a_spreadsheet_given_as_the_letter_file(tmp_path: Path, command: str) -> None:
    """`check people.csv letter.toml` (the two swapped) said "invalid TOML: Expected '=' after
    a key in a key/value pair (at line 1, column 5)" of the spreadsheet."""
    data = tmp_path / "people.csv"
    data.write_text("name;city\nMei Lee;Hamburg\n", encoding="utf-8")
    letter = _toml(tmp_path, EXAMPLE)
    args = {"letter": [str(data)], "check": [str(data), str(letter)]}.get(
        command, [str(data), str(letter), "--check"]
    )
    assert _error(run_cli(command, *args, cwd=tmp_path)) == (
        f"letterpress: error: {data}: a spreadsheet, not a letter file (TOML or JSON); give the "
        "letter file here; in a mail merge the spreadsheet comes after the template "
        "(letterpress batch letter.toml people.csv)"
    )


# --- TOML traps: the fix, not the parser's message ------------------------------------


def test_curly_quotes_from_a_word_processor(tmp_path: Path) -> None:
    lines = EXAMPLE.splitlines()
    line = lines.index('city = "Hamburg"') + 1  # the sender's
    lines[line - 1] = "city = “Leipzig”"
    path = _toml(tmp_path, "\n".join(lines) + "\n")
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}, sender.city: invalid TOML, line {line}: the text "
        '“Leipzig” is in curly quotes; use straight quotes: "Leipzig" (a word processor '
        "curls them; turn off smart quotes or use a plain-text editor)"
    )


def test_a_date_written_with_dots(tmp_path: Path) -> None:
    path = _toml(tmp_path, EXAMPLE.replace("date = 2026-11-26", "date = 27.11.2026"))
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}, date: invalid TOML, line 5: the date 27.11.2026 is not "
        "written as TOML reads dates; write dates as 2026-11-27 (year-month-day, no quotes)"
    )


@pytest.mark.parametrize(
    ("written", "why"),
    [("2026-13-01", "there is no month 13"), ("2026-02-30", "that month has no day 30")],
)
def test_a_date_the_calendar_does_not_have(tmp_path: Path, written: str, why: str) -> None:
    path = _toml(tmp_path, EXAMPLE.replace("date = 2026-11-26", f"date = {written}"))
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}, date: invalid TOML, line 5: {written} is not a date "
        f"({why}); write a day the calendar has, as year-month-day"
    )


def test_a_missing_closing_triple_quote(tmp_path: Path) -> None:
    text = EXAMPLE.replace('steps.\n"""\n', "steps.\n")
    path = _toml(tmp_path, text)
    lines = text.splitlines()
    opened = lines.index('body = """') + 1
    runs_into = next(i for i, line in enumerate(lines, 1) if line.startswith("closing = "))
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f'letterpress: error: {path}, body: invalid TOML: the text opened with """ on line '
        f'{opened} is never closed, and runs into line {runs_into}; add """ on a line of its '
        "own after the text"
    )
    path = _toml(tmp_path, 'subject = "x"\nbody = """\nThank you.\n', "end.toml")
    assert _error(run_cli("check", str(path), cwd=tmp_path)) == (
        f'letterpress: error: {path}, body: invalid TOML: the text opened with """ on line 2 '
        'is never closed and runs to the end of the file; add """ on a line of its own '
        "after the text"
    )


def test_a_space_toml_does_not_accept(tmp_path: Path) -> None:
    """Tabs and spaces mix freely; a no-break space pasted from a web page does not."""
    text = '[sender]\n\tname = "Jonas"\n  city\t= "Hamburg"\nstreet\u00a0= "Lindenallee 8"\n'
    path = _toml(tmp_path, text)
    assert _error(run_cli("check", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}: invalid TOML, line 4, column 7: a no-break space "
        "(U+00A0) where TOML expects a plain space or a tab; replace it with a plain space "
        "(word processors and web pages insert such spaces)"
    )
    path = _toml(tmp_path, text.replace("\u00a0", " "), "tabs.toml")
    read = run_cli("check", str(path), cwd=tmp_path)  # read: only the missing [recipient] left
    assert read.stderr.endswith(
        "tabs.toml: missing table [recipient]; add a [recipient] table with name and address\n"
    ), read.stderr


@pytest.mark.parametrize(
    "text, place, what",
    [
        (
            'subject = "Thank you\nbody = "x"\n',
            ", subject",
            "invalid TOML, line 1: the text has "
            'no closing quote; end it with " on the same line, or write a text of several lines '
            'between """ and """',
        ),
        (
            '[sender]\npostal code = "22587"\n',
            "",
            "invalid TOML, line 2: the name 'postal code' "
            "has a space in it; write postal_code (names of fields have no spaces)",
        ),
        (  # a second street pasted under the first
            '[recipient]\nname = "Mei Lee"\nstreet = "Ring 2"\ncity = "Hamburg"\n'
            'street = "Ring 3"\n',
            ", recipient.street",
            "invalid TOML, line 5: recipient.street is given twice (first on line 3); keep "
            "one of the two lines",
        ),
        (
            '[sender]\nname = "Kim"\n[recipient]\nname = "Mei"\n[sender]\nphone = "1"\n',
            "",
            "invalid TOML, line 5: the table [sender] is opened twice (first on line 1); put "
            "everything of [sender] under one [sender] line",
        ),
        (  # TOML reads no number with a leading 0: a postcode, a phone number
            "[recipient]\npostal_code = 01067\n",
            ", recipient.postal_code",
            "invalid TOML, line 2: 01067 is written without quotes; write it in quotes, as it "
            'should print: postal_code = "01067"',
        ),
        (
            "[sender]\nphone = +49 30 1234567   # mobile\n",
            ", sender.phone",
            "invalid TOML, line 2: +49 30 1234567 is written without quotes; write it in "
            'quotes, as it should print: phone = "+49 30 1234567"',
        ),
        (
            'subject = "a\x01b"\n',
            ", subject",
            "invalid TOML, line 1, column 13: a control "
            "character (U+0001) in the text; remove it (it prints nothing; a copy from another "
            "program may have brought it)",
        ),
        (  # text typed as in a form
            "[recipient]\nname = Mei Lee # the HR lead\n",
            ", recipient.name",
            'invalid TOML, line 2: the text Mei Lee has no quotes; write name = "Mei Lee"',
        ),
        (
            "subject = 'Jonas's interview'\n",
            ", subject",
            "invalid TOML, line 1: the apostrophe in 'Jonas's interview' ends the text in "
            'single quotes; put the text in double quotes: subject = "Jonas\'s interview"',
        ),
        (  # a path copied from Windows Explorer
            'signature_image = "C:\\Users\\anna\\sig.png"\n',
            ", signature_image",
            'invalid TOML, line 1: the text "C:\\Users\\anna\\sig.png" holds a backslash, which '
            "TOML reads as the start of a code such as \\n; write the path with / "
            "(C:/Users/anna/sig.png), or in single quotes ('C:\\Users\\anna\\sig.png')",
        ),
    ],
)
def test_other_traps(tmp_path: Path, text: str, place: str, what: str) -> None:
    path = _toml(tmp_path, text)
    assert (
        _error(run_cli("check", str(path), cwd=tmp_path))
        == f"letterpress: error: {path}{place}: {what}"
    )


# --- characters no font draws ---------------------------------------------------------


@pytest.mark.parametrize(
    "char, name",
    [
        ("\uffff", "noncharacter"),
        ("\ufdd0", "noncharacter"),
        ("\x00", "control character"),
        ("\x1b", "control character"),
        ("\ud800", "surrogate"),
    ],
)
def test_control_and_noncharacters_are_refused_like_emoji(
    tmp_path: Path, char: str, name: str
) -> None:
    """U+FFFF and NUL passed the font check (the fonts map them to an empty glyph); JSON
    writes them (and a lone surrogate) as escapes."""
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(letter(subject=f"Thank you{char}")), encoding="ascii")
    proc = run_cli("letter", str(path), "-o", "out.pdf", cwd=tmp_path)
    code = f"U+{ord(char):04X}"
    assert _error(proc) == (
        f"letterpress: error: {path}, subject: character {char!r} ({code} {name}) cannot be "
        "drawn by the bundled fonts; replace or remove it"
    )
    assert not (tmp_path / "out.pdf").exists()


# --- dates, clocks and zones ----------------------------------------------------------


def test_a_call_sheet_dated_9999_12_31(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "call.toml").read_text(encoding="utf-8")
    path = _toml(
        tmp_path,
        text.replace("call_on = 2027-03-25", "call_on = 9999-12-31").replace(
            'best_time = "09:30-11:00"', 'best_time = "22:00-01:00"'
        ),
        "call.toml",
    )
    assert _error(run_cli("call", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}, call.call_on: 9999-12-31 is out of range; letterpress "
        "takes dates from 1900 to 2999"
    )


def test_a_20_digit_hour_in_a_cut_off(tmp_path: Path) -> None:
    proc = run_cli(
        "estimate",
        "--from",
        "DE",
        "--to",
        "DE",
        "--posted",
        "2026-11-20T10:00",
        "--cutoff",
        "99999999999999999999:00",
        cwd=tmp_path,
    )
    assert _error(proc) == (
        "letterpress: error: --cutoff: '99999999999999999999:00' is not a "
        "time of day; write it like 17:30"
    )


def test_tz_naming_a_file_that_is_not_a_zone(tmp_path: Path) -> None:
    (tmp_path / "zone").write_text("not a zone\n", encoding="utf-8")
    path = _toml(tmp_path, EXAMPLE)
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "letterpress", "letter", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "TZ": f":{tmp_path / 'zone'}"},
    )
    assert _error(proc) == (
        f"letterpress: error: TZ: ':{tmp_path / 'zone'}' is not a time zone (not a zone "
        "file); unset TZ, or set it to a zone name such as Europe/Berlin"
    )


def test_call_reads_interview_date_quoted_with_a_time(tmp_path: Path) -> None:
    """The README allows "2026-11-24T10:00" (quoted or not); call refused it."""
    path = _toml(
        tmp_path,
        'language = "en-GB"\n[sender]\nname = "Anna Keller"\n'
        '[recipient]\nname = "Dana Whitfield"\n'
        '[call]\nphone = "+49 89 1234567"\ncall_on = 2026-03-27\n'
        '[interview]\ndate = "2026-03-24T10:00"\n',
        "call.toml",
    )
    proc = run_cli("call", str(path), "-o", "call.pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    from pypdf import PdfReader

    text = " ".join(PdfReader(tmp_path / "call.pdf").pages[0].extract_text().split())
    assert "interview on 24 March 2026" in text


# --- the letter's size limits ---------------------------------------------------------


def test_body_and_paragraph_limits(write_letter, tmp_path: Path) -> None:
    """Laying out a 400 KB paragraph took 101 s; the limits refuse it at once."""
    words = ("word " * 2001)[:10_001]
    path = write_letter(letter(body=f"Thank you.\n\n{words}"))
    started = time.monotonic()
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}, body: the paragraph on line 3 has 10,001 characters; a "
        "paragraph may have at most 10,000; split it with blank lines into paragraphs"
    )
    path = write_letter(letter(body="\n\n".join([("word " * 1000)[:4999]] * 21)), "long.json")
    assert _error(run_cli("letter", str(path), cwd=tmp_path)) == (
        f"letterpress: error: {path}, body: the body has 105,019 characters; letterpress lays "
        "out at most 100,000 (about 30 pages); shorten it: a letter is read in a few minutes"
    )
    assert time.monotonic() - started < 30
    path = write_letter(letter(body=("word " * 2000)[:9999]), "ok.json")
    proc = run_cli("letter", str(path), "-o", "ok.pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


_SENTENCE = (
    "Planning inbound trucks by dock rather than by supplier would shorten the waiting "
    "times and give the team a clearer view of the work of each morning. "
)


@pytest.mark.parametrize(
    "body, pages",
    [
        ((_SENTENCE * 60)[:9000].strip(), 3),  # one paragraph just under the limit
        ("\n\n".join([(_SENTENCE * 6)[:900].strip()] * 55), 15),  # 50 KB in 55 paragraphs
        ("See https://example.org/" + "a/" * 4000, 3),  # a "word" of 8,000 characters
        ("**See** *here*: https://example.org/" + "a/" * 4000, 3),  # and with markup
    ],
    ids=["one-paragraph", "many-paragraphs", "long-address", "long-address-markup"],
)
def test_long_text_is_laid_out_in_seconds_within_the_margins(
    write_letter, tmp_path: Path, body: str, pages: int
) -> None:
    """A 9,000-character paragraph and 50 KB of text paginate in seconds, every character on
    a page and none beyond the right margin (ReportLab cut a long web address once at a
    slash and let the other 7,900 characters run off the page)."""
    import pdfplumber

    path = write_letter(letter(body=body))
    started = time.monotonic()
    proc = run_cli("letter", str(path), "-o", "long.pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - started < 30
    with pdfplumber.open(tmp_path / "long.pdf") as pdf:
        assert len(pdf.pages) == pages
        right = max(float(c["x1"]) for page in pdf.pages for c in page.chars)
        text = "".join(page.extract_text() for page in pdf.pages)
    assert right <= (210 - 20) / 25.4 * 72 + 0.5  # din5008-b: 20 mm right margin
    squeezed, wanted = ("".join(t.split()).replace("-", "") for t in (text, body))
    token = "a/" if "a/" in body else "Planning"
    assert squeezed.count(token) == wanted.count(token)
    assert wanted[-200:] in squeezed


def test_unmatched_bold_markers_take_linear_time(write_letter, tmp_path: Path) -> None:
    """'**a **a ...' made the bold expression scan to the end from every marker."""
    path = write_letter(letter(body="\n\n".join(["**a " * 2400] * 8)))
    started = time.monotonic()
    proc = run_cli("letter", str(path), "-o", "bold.pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - started < 30


def test_a_finding_quotes_at_most_100_characters(tmp_path: Path) -> None:
    """A 9,000-character "word" of x's (a placeholder) was quoted whole in the finding."""
    path = _toml(
        tmp_path, EXAMPLE.replace("Thank you for taking", "x" * 9000 + " Thank you for", 1)
    )
    proc = run_cli("check", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    assert (
        f'{path}: body, line 1: placeholder: "{"x" * 100}…"; '
        "suggestion: Replace it with the real text." in (proc.stdout.splitlines())
    )
    assert max(len(line) for line in proc.stdout.splitlines()) < 400


def test_check_is_linear(tmp_path: Path) -> None:
    """100,000 '?' took 75-101 s; 1 MB of an eager phrase did not finish in 3 minutes."""
    from letterpress.check import check_data

    started = time.monotonic()
    assert [f.kind for f in check_data({"body": "?" * 100_000})] == []
    marks = check_data({"body": "Really?!" + "?" * 100_000 + "!"})
    assert [(f.kind, f.phrase) for f in marks] == [("eager", "?!??????…")]
    eager = check_data({"body": "I can't wait to hear from you. " * 8000})
    assert len(eager) == 8000 and {f.phrase for f in eager} == {"can't wait to hear"}
    assert eager[-1].line == 1
    lines = check_data({"body": "TODO\n" * 50_000})
    assert len(lines) == 50_000 and lines[-1].line == 50_000
    assert time.monotonic() - started < 30


def test_json_input_keeps_working(write_letter, tmp_path: Path) -> None:
    path = write_letter(letter())
    proc = run_cli("letter", str(path), "-o", "out.pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(path.read_text(encoding="utf-8"))["subject"]


# --- every error line names the file --------------------------------------------------


def test_page_furniture_errors_name_the_file(write_letter, tmp_path: Path) -> None:
    """The information block is made without the file (a batch shares it between letters):
    its error named only a field."""
    refs = {f"item {i}": "value" for i in range(40)}
    path = write_letter(letter(references=refs))
    assert _error(run_cli("letter", str(path), cwd=tmp_path)).startswith(
        f"letterpress: error: {path}, references: the info block runs into the text"
    )


def test_a_broken_printer_setting_names_the_settings_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    settings = tmp_path / "settings"
    settings.mkdir()
    (settings / "config.toml").write_text(
        '[printers]\ndefault = "Office"\n[printers.offsets.Office]\ndx = "a"\n', encoding="utf-8"
    )
    path = _toml(tmp_path, EXAMPLE)
    proc = subprocess.run(
        [sys.executable, "-m", "letterpress", "letter", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "LETTERPRESS_CONFIG_DIR": str(settings)},
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == (
        f"letterpress: error: {settings / 'config.toml'}, printers.offsets.Office.dx: printer "
        "'Office': dx must be a number, not 'a'; set it again with letterpress calibrate --set "
        '"Office"'
    )


def test_standard_input_is_read_with_the_same_limit(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "letterpress", "check", "-"],
        input=b'subject = "x"\n' + b"#" * (1 << 20),
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert proc.stderr.decode().strip() == (
        "letterpress: error: <stdin>: the input is larger "
        "than 1 MiB; check what is sent to letterpress"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "letterpress", "check", "-"],
        input=b"a = " + b"[" * 5000 + b"]" * 5000,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.stderr.decode().strip() == (
        "letterpress: error: <stdin>: tables or lists are nested more than 32 deep; a letter "
        "file needs three levels at most; check the brackets"
    )
