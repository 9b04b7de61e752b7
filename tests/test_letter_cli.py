"""``letterpress letter`` as a user calls it: outputs, exit codes and one-line messages."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from conftest import ROOT, assert_one_line_error, letter, run_cli
from pypdf import PdfReader


def test_bundled_example_renders_with_default_output_name(tmp_path: Path) -> None:
    src = tmp_path / "thank-you.toml"
    src.write_text(
        (ROOT / "examples" / "thank-you.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    proc = run_cli("letter", str(src))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "thank-you.pdf"
    assert out.is_file() and len(PdfReader(out).pages) == 1
    assert f"Wrote {out}" in proc.stdout and "\nWindow: OK, " in proc.stdout
    assert list(tmp_path.glob(".*part")) == []


def test_python_api_and_json_input_agree(tmp_path: Path, write_letter) -> None:
    from letterpress import render_letter

    src = write_letter(letter())
    run_cli("letter", str(src), "-o", str(tmp_path / "cli.pdf"))
    render_letter(json.loads(src.read_text(encoding="utf-8")), tmp_path / "api.pdf")
    assert (tmp_path / "cli.pdf").read_bytes() == (tmp_path / "api.pdf").read_bytes()


def test_version_and_help() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("letterpress ")
    assert run_cli().returncode == 2


def test_date_option_overrides_the_file(tmp_path: Path, write_letter) -> None:
    out = tmp_path / "d.pdf"
    proc = run_cli("letter", str(write_letter(letter())), "-o", str(out), "--date", "2027-01-04")
    assert proc.returncode == 0
    assert "4 January 2027" in PdfReader(out).pages[0].extract_text()


def test_layout_option_overrides_the_file(tmp_path: Path, write_letter) -> None:
    out = tmp_path / "l.pdf"
    proc = run_cli("letter", str(write_letter(letter())), "-o", str(out), "--layout", "din5008-a")
    assert proc.returncode == 0 and "layout din5008-a" in proc.stdout


@pytest.mark.parametrize(
    "changes,needles",
    [
        (
            {
                "recipient__street": None,
                "recipient__city": None,
                "recipient__postal_code": None,
                "recipient__address_lines": ["Line 1", "Line 2", "Line 3", "Line 4", "Line 5"],
                "recipient__department": "Dept",
            },
            ["recipient.address_lines[4]", "too many address lines (8"],
        ),
        (
            {
                "recipient__street": (
                    "Große Elbstraße am Fischmarkt gegenüber der Fischauktionshalle 12"
                )
            },
            ["recipient.street", "mm wide at 8 pt; the window leaves"],
        ),
        ({"subject": None}, ["subject", "missing field"]),
        ({"recipient__name": None, "recipient__organization": None}, ["recipient.name", "missing"]),
        ({"date": "2026-02-30"}, ["date", "not a valid date", "YYYY-MM-DD"]),
        ({"language": "xx-YY"}, ["language", "unknown language"]),
        (
            {"recipient__name": "Mei Lee \U0001f600"},
            ["recipient.name", "U+1F600", "cannot be drawn"],
        ),
        ({"body": "Thanks \U0001d11e"}, ["body", "U+1D11E"]),
        ({"recipient__postal_code": "1234"}, ["recipient.postal_code", "not a valid postal code"]),
        ({"subjekt": "x"}, ["subjekt", "did you mean 'subject'"]),
        (
            {"recipient__country": "Germny"},
            ["recipient.country", "unknown country 'Germny'", "did you mean 'Germany' (DE)?"],
        ),
    ],
)
def test_unusable_input_is_one_line_exit_2_and_writes_nothing(
    changes, needles, tmp_path: Path, write_letter
) -> None:
    out = tmp_path / "x.pdf"
    src = write_letter(letter(**changes))
    proc = run_cli("letter", str(src), "-o", str(out))
    assert_one_line_error(proc, str(src), *needles)
    assert not out.exists()
    assert list(tmp_path.glob(".*part")) == []


@pytest.mark.parametrize(
    ("key", "value", "hint"),
    [
        ("state", "WA", 'write it as region = "WA"'),
        ("zip", "98421", 'write it as postal_code = "98421"'),
        ("Postcode", "EC1A 1BB", 'write it as postal_code = "EC1A 1BB"'),
        ("province", "Québec", 'write it as region = "Québec"'),
        ("town", "Tacoma", 'write it as city = "Tacoma"'),
        ("company", "Harbor & Pine", 'write it as organization = "Harbor & Pine"'),
        ("first_name", "Mei", 'write the whole name as name = "..."'),
        ("house_number", "12", 'write the house number with the street: street = "..."'),
        ("strret", "Hafenstraße 12", "did you mean 'street'?"),
    ],
)
def test_an_address_field_named_as_address_lists_name_it_says_the_field_to_write(
    key: str, value: str, hint: str, tmp_path: Path, write_letter
) -> None:
    """A US or UK writer types state, zip or postcode, as forms and address lists call them:
    one line naming the field letterpress reads instead, with the value to keep."""
    data = letter()
    data["recipient"][key] = value
    src = write_letter(data)
    out = tmp_path / "x.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 2
    assert proc.stderr == (
        f"letterpress: error: {src}, recipient.{key}: unknown field {key!r}; {hint}\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("sign", "street", "postal_code", "city", "line"),
    [
        ("A", "Kärntner Straße 5", "1010", "Wien", "AUSTRIA"),
        ("FL", "Städtle 12", "9490", "Vaduz", "LIECHTENSTEIN"),
    ],
)
def test_a_country_written_as_its_car_sticker_is_that_country(
    sign: str, street: str, postal_code: str, city: str, line: str, tmp_path: Path, write_letter
) -> None:
    """German address lists write the country as the oval sticker does (D, A, FL): "unknown
    country 'A'" refused a letter the post delivers; it goes abroad with its country line."""
    data = letter()
    data["recipient"].update(
        country=sign, street=street, postal_code=postal_code, city=city, region=None
    )
    data["recipient"] = {k: v for k, v in data["recipient"].items() if v is not None}
    src = write_letter(data)
    out = tmp_path / "x.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert f"{postal_code} {city.upper()}\n{line}" in text, text


def test_missing_file_and_bad_toml(tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("letter", str(tmp_path / "nope.toml")), "nope.toml", "file not found"
    )
    bad = tmp_path / "bad.toml"
    bad.write_text('subject = "unterminated\n', encoding="utf-8")
    assert_one_line_error(run_cli("letter", str(bad)), "bad.toml", "invalid TOML")


def test_a_file_not_saved_as_utf8_names_the_line_and_the_character(tmp_path: Path) -> None:
    """A letter saved by an older Windows editor (Windows-1252) or as UTF-16: one line that
    says where the editor shows the first odd character, and how to save it; nothing written."""
    text = (ROOT / "examples/thank-you.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("subject"))
    lines[number] = 'subject = "Vielen Dank für das Gespräch"'
    path = tmp_path / "brief.toml"
    path.write_bytes("\n".join(lines).encode("cp1252"))
    out = tmp_path / "brief.pdf"
    proc = run_cli("letter", str(path), "-o", str(out))
    assert_one_line_error(proc)
    assert proc.stderr == (
        f"letterpress: error: {path}: not UTF-8 text: line {number + 1}, column 25 has the "
        "byte 0xFC ('ü' in Windows-1252); save the file as UTF-8\n"
    )
    path.write_text(text, encoding="utf-16")
    proc = run_cli("letter", str(path), "-o", str(out))
    assert proc.stderr == (
        f"letterpress: error: {path}: not UTF-8 text: the file is saved as UTF-16; save the "
        "file as UTF-8\n"
    )
    assert not out.exists()


def test_missing_output_folder(tmp_path: Path, write_letter) -> None:
    proc = run_cli("letter", str(write_letter(letter())), "-o", str(tmp_path / "no" / "x.pdf"))
    assert_one_line_error(proc, "does not exist")


def test_existing_output_survives_a_failed_render(tmp_path: Path, write_letter) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"previous good file")
    proc = run_cli("letter", str(write_letter(letter(date="nope"))), "-o", str(out))
    assert proc.returncode == 2
    assert out.read_bytes() == b"previous good file"


def test_strict_window_requires_visibility_over_the_whole_slide(
    tmp_path: Path, write_letter
) -> None:
    """A 90 x 35 DL window keeps four lines 5 mm clear while the sheet slides 11 mm: a
    five-line UK address is written with a warning, which --strict-window turns into exit 2;
    a DIN letter keeps clear and passes it."""
    from conftest import home_letter

    src = write_letter(home_letter("uk-dl", "GB"))
    ok = run_cli("letter", str(src), "-o", str(tmp_path / "a.pdf"), "--envelope", "DL-90x35")
    assert ok.returncode == 0, ok.stderr
    assert 'Window: FAILS, "SW1A 2AA" keeps only 4.2 mm of the 5.0 needed' in ok.stdout
    assert ok.stderr.startswith(f"letterpress: warning: {src}, recipient: ")
    strict = run_cli(
        "letter",
        str(src),
        "-o",
        str(tmp_path / "b.pdf"),
        "--envelope",
        "DL-90x35",
        "--strict-window",
    )
    assert_one_line_error(strict, "recipient", "from the bottom edge when the sheet slides")
    assert not (tmp_path / "b.pdf").exists()
    din = run_cli(
        "letter", str(write_letter(letter())), "-o", str(tmp_path / "c.pdf"), "--strict-window"
    )
    assert din.returncode == 0, din.stderr
    assert "Window: OK, 3.0 mm clear at the worst position (needs 3.0)" in din.stdout


MAILING_LETTER = """
layout = "din5008-b"
date = 2026-12-22
subject = "Thank you"
body = "Thank you for the interview."
[sender]
name = "Jonas Petersen"
country = "DE"
[recipient]
name = "Mei Lee"
street = "Hafenstraße 12"
postal_code = "20457"
city = "Hamburg"
[mailing]
carrier = "deutsche-post"
service = "SERVICE"
posted = 2026-12-22T18:00      # TOML 1.1 style: no seconds
"""


def test_mailing_table_prints_the_estimate_after_rendering(tmp_path: Path) -> None:
    src = tmp_path / "m.toml"
    src.write_text(MAILING_LETTER.replace("SERVICE", "standard"), encoding="utf-8")
    proc = run_cli("letter", str(src), "-o", str(tmp_path / "m.pdf"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.replace(" 2026 ", " ")  # printed in another year, the days name 2026
    # deposit Wed 23 Dec; Mon-Sat working days, 25 and 26 Dec are holidays: E+3 = Tue 29 Dec
    assert (
        "Delivery: Posted Tue 22 Dec after the 17:00 collection: expected by Tue 29 Dec "
        "(95%), at the latest Wed 30 Dec (99%)"
    ) in out


def test_mailing_posted_now_is_taken_as_posted_now_is(tmp_path: Path) -> None:
    """--posted now worked, but [mailing] posted = "now" was refused ("'now' is not a posting
    date and time", the estimate left out); both read the same now."""
    src = tmp_path / "m.toml"
    text = MAILING_LETTER.replace("SERVICE", "standard")
    src.write_text(text.replace("posted = 2026-12-22T18:00", 'posted = "now"'), "utf-8")
    proc = run_cli("letter", str(src), "-o", str(tmp_path / "m.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert f"Delivery: Posted {datetime.now():%a} {datetime.now().day} " in proc.stdout


def test_a_letter_date_without_holiday_data_is_named_as_the_date_not_mailing_posted(
    tmp_path: Path,
) -> None:
    """Without mailing.posted the letter counts as posted on its date; a date the holiday data
    does not cover was reported at "mailing.posted", a key the file does not have; now at the
    field (or option) the date came from."""
    src = tmp_path / "m.toml"
    text = MAILING_LETTER.replace("SERVICE", "standard").replace("2026-12-22", "2200-12-22")
    src.write_text(text.replace("posted = 2200-12-22T18:00", ""), encoding="utf-8")
    out = tmp_path / "m.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0 and out.exists(), proc.stderr
    tail = (
        "no public-holiday data for DE in 2200; the delivery estimate is left out; letterpress "
        "knows the public holidays of Germany from 1991 to 2100; give a date in those years; "
        "or remove [mailing]"
    )
    assert proc.stderr.strip() == f"letterpress: warning: {src}, date: {tail}"
    dated = run_cli("letter", str(src), "-o", str(out), "--date", "2200-12-23")
    assert dated.returncode == 0, dated.stderr
    assert dated.stderr.strip() == f"letterpress: warning: --date: {tail}"


def test_mailing_estimate_names_the_year_of_a_day_in_another_year(tmp_path: Path) -> None:
    """The letter's "Delivery:" line wrote "Posted Mon 22 Dec" for a 2025 posting date; a day
    outside the current year names its year, as the advice does."""
    src = tmp_path / "m.toml"
    text = MAILING_LETTER.replace("SERVICE", "standard").replace("2026-12-22", "2025-12-22")
    src.write_text(text, encoding="utf-8")
    proc = run_cli("letter", str(src), "-o", str(tmp_path / "m.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert "Delivery: Posted Mon 22 Dec 2025 after the 17:00 collection: expected by " in (
        proc.stdout
    )


@pytest.mark.parametrize("posted", ["2026-12-22", '"2026-12-22"'], ids=["toml", "quoted"])
def test_mailing_posted_takes_a_date_alone_quoted_or_not_as_posted_does(
    tmp_path: Path, posted: str
) -> None:
    """--posted takes a date alone; [mailing] posted took it only unquoted and refused the
    quoted "2026-12-22" as no posting date and time."""
    src = tmp_path / "m.toml"
    text = MAILING_LETTER.replace("SERVICE", "standard")
    src.write_text(text.replace("posted = 2026-12-22T18:00", f"posted = {posted}"), "utf-8")
    proc = run_cli("letter", str(src), "-o", str(tmp_path / "m.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert (
        "Delivery: Posted Tue 22 Dec before the 17:00 collection: expected by Mon 28 Dec "
        "(95%), at the latest Tue 29 Dec (99%)."
    ) in proc.stdout.replace(" 2026 ", " ")  # printed in another year, the days name 2026


@pytest.mark.parametrize(
    "change, line",
    [
        (
            ('service = "SERVICE"', 'service = "express"'),
            "mailing.service: unknown service 'express' of deutsche-post; the delivery estimate "
            "is left out; deutsche-post services: standard, registered; or remove [mailing]",
        ),
        (
            ('service = "SERVICE"', 'service = "standard"\nto = "DE-XX"'),
            "mailing.to: unknown subdivision 'XX' of Germany; the delivery estimate is left out; "
            "known subdivisions: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH; "
            "or remove [mailing]",
        ),
        (
            ("posted = 2026-12-22T18:00", 'posted = "tomorrow"'),
            "mailing.posted: 'tomorrow' is not a posting date and time; the delivery estimate is "
            "left out; write it as YYYY-MM-DDTHH:MM (e.g. 2026-12-22T10:00), a date alone or "
            "now; or remove [mailing]",
        ),
    ],
    ids=["service", "to", "posted"],
)
def test_a_bad_mailing_value_prints_the_letter_with_one_warning(
    tmp_path: Path, change: tuple[str, str], line: str
) -> None:
    """[mailing] only feeds the estimate: the letter is written without it, with one warning
    naming the field; --strict stops before writing."""
    src = tmp_path / "m.toml"
    text = MAILING_LETTER.replace(*change).replace('service = "SERVICE"', 'service = "standard"')
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "m.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [proc.stderr.strip()], proc.stderr
    assert proc.stderr.startswith(f"letterpress: warning: {src}, {line}"), proc.stderr
    assert "Delivery:" not in proc.stdout
    assert "Mei Lee" in PdfReader(out).pages[0].extract_text()
    strict_out = tmp_path / "s.pdf"
    stopped = run_cli("letter", str(src), "-o", str(strict_out), "--strict")
    assert_one_line_error(stopped, line.split(";")[0])
    assert not strict_out.exists()


WRONG_CARRIER_LETTER = (
    MAILING_LETTER.replace('"deutsche-post"', '"usps"')
    + """
[interview]
date = 2026-12-22T10:00
process = "post"
hr_contact = { name = "Mei Lee", email = "mei.lee@example.com" }
"""
)


@pytest.mark.parametrize("command", ["letter", "advise"])
@pytest.mark.parametrize(
    "service, hint",
    [
        (
            'service = "first-class"',
            'write carrier = "deutsche-post", the carrier for letters posted in DE, with one of '
            "its services (see `letterpress carriers`), or leave carrier and service out",
        ),
        (
            "",
            'write carrier = "deutsche-post", the carrier for letters posted in DE, or leave '
            "carrier out",
        ),
    ],
    ids=["with-service", "no-service"],
)
def test_a_carrier_that_does_not_post_from_the_sender_country_names_the_field(
    tmp_path: Path, command: str, service: str, hint: str
) -> None:
    """[mailing] carrier = "usps" from DE: the file and mailing.carrier, not --carrier; letter
    prints without the estimate and advise advises without it, both with the same warning;
    --strict makes it the error."""
    src = tmp_path / "usps.toml"
    text = WRONG_CARRIER_LETTER.replace('service = "SERVICE"', service)
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "usps.pdf"
    args = ["-o", str(out)] if command == "letter" else ["--now", "2026-12-22T16:00"]
    proc = run_cli(command, str(src), *args)
    what = f"{src}, mailing.carrier: usps does not collect letters in DE (the sender's country)"
    line = f"{what}; the delivery estimate is left out; {hint}; or remove [mailing]"
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"letterpress: warning: {line}"
    if command == "letter":
        assert out.is_file()
    strict = run_cli(command, str(src), *args, "--strict")
    assert_one_line_error(strict)
    assert strict.stderr.strip() == f"letterpress: error: {line}"


def test_tone_findings_warn_and_strict_stops_before_writing(tmp_path: Path, write_letter) -> None:
    eager = write_letter(
        letter(body="I really need this job!!! Please answer soon.\n\nBest regards to the team.")
    )
    out = tmp_path / "w.pdf"
    warned = run_cli("letter", str(eager), "-o", str(out))
    assert warned.returncode == 0 and out.is_file()
    assert "letterpress: warning:" in warned.stderr and "eager" in warned.stderr
    strict_out = tmp_path / "s.pdf"
    stopped = run_cli("letter", str(eager), "-o", str(strict_out), "--strict")
    assert_one_line_error(stopped, "eager")
    assert not strict_out.exists()
    calm = run_cli("letter", str(write_letter(letter())), "-o", str(tmp_path / "c.pdf"), "--strict")
    assert calm.returncode == 0 and calm.stderr == ""


def test_italics_in_a_fresh_process(tmp_path: Path, write_letter) -> None:
    """The italic fonts are read only when a text uses them: a new process must find them."""
    path = write_letter(letter(body="It was good to hear about *Nordlicht Next* on Tuesday."))
    done = run_cli("letter", str(path), "-o", str(tmp_path / "i.pdf"))
    assert done.returncode == 0, done.stderr
    fonts = {
        str(f.get("/BaseFont"))
        for page in PdfReader(tmp_path / "i.pdf").pages
        for f in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("Italic" in f for f in fonts) and any("Regular" in f for f in fonts), fonts
    plain = write_letter(letter(), "plain.json")
    assert run_cli("letter", str(plain), "-o", str(tmp_path / "p.pdf")).returncode == 0
    fonts = {
        str(f.get("/BaseFont"))
        for page in PdfReader(tmp_path / "p.pdf").pages
        for f in page["/Resources"]["/Font"].get_object().values()
    }
    assert not any("Italic" in f for f in fonts), fonts


def test_the_layout_option_also_sets_the_home_country_of_the_estimate(
    tmp_path: Path, write_letter
) -> None:
    """A file without a layout or sender country, rendered with --layout us-letter-10, is a
    US letter: its [mailing] estimate uses the US carrier, like its address does."""
    from conftest import home_letter

    from letterpress.delivery.mailing import mailing_estimate
    from letterpress.letter import prepare_letter
    from letterpress.source import load_source

    data = home_letter("us-letter-10", "US")
    del data["layout"], data["sender"]["country"], data["recipient"]["country"]
    data.update(date="2026-12-07", mailing={"posted": "2026-12-07T10:00"})
    source = load_source(write_letter(data))
    estimate, notices = mailing_estimate(
        source, prepare_letter(source, layout="us-letter-10"), datetime(2026, 12, 7, 9, 0)
    )
    assert estimate is not None and notices == ()
    assert estimate.carrier == "usps"
    done = run_cli(
        "letter",
        str(write_letter(data)),
        "--layout",
        "us-letter-10",
        "-o",
        str(tmp_path / "us.pdf"),
    )
    assert done.returncode == 0, done.stderr
    assert "Delivery: Posted Mon 7 Dec" in done.stdout.replace(" 2026 ", " ")


def test_an_output_named_only_pdf_asks_for_a_name(tmp_path: Path) -> None:
    """`-o .pdf` is only the ending: one line asking for a name before it, not '.pdf.pdf'."""
    example = str(ROOT / "examples/thank-you.toml")
    proc = run_cli("letter", example, "-o", ".pdf", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (
        2,
        "letterpress: error: -o: .pdf is only the ending of a name (it would make a hidden "
        "file); put a name before it, e.g. letter.pdf\n",
    )
    batch = str(ROOT / "examples/batch/workshop.toml"), str(ROOT / "examples/batch/workshop.csv")
    proc = run_cli("batch", *batch, "-o", ".PDF", cwd=tmp_path)
    assert proc.returncode == 2 and "e.g. letter.PDF" in proc.stderr
    assert list(tmp_path.iterdir()) == []


IRISH_LETTER = """
layout = "uk-dl"
date = 2026-12-22
subject = "Thank you"
body = "Thank you for the interview."
[sender]
name = "Aoife Byrne"
street = "12 Main Street"
city = "Dublin"
postal_code = "D02 X285"
country = "IE"
[recipient]
name = "Mei Lee"
street = "1 Harbour Road"
city = "Cork"
postal_code = "T12 RX23"
country = "IE"
[mailing]
"""


@pytest.mark.parametrize("mailing", ["", 'posted = 2026-12-22T10:00\nto = "GB"'])
def test_mailing_without_carrier_from_a_country_with_none_known_prints_with_one_warning(
    tmp_path: Path, mailing: str
) -> None:
    """An empty (or defaulted) [mailing] from Ireland, where no carrier letterpress knows
    collects: the letter is written, with one warning that no estimate can be given."""
    src = tmp_path / "ie.toml"
    src.write_text(IRISH_LETTER + mailing + "\n", encoding="utf-8")
    out = tmp_path / "ie.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Delivery:" not in proc.stdout
    assert proc.stderr == (
        f"letterpress: warning: {src}, mailing: no delivery estimate for letters posted in "
        'Ireland: letterpress knows no carrier there; add carrier = "..." if one of '
        "`letterpress carriers` collects letters in Ireland, or remove [mailing]\n"
    )
    strict = run_cli("letter", str(src), "-o", str(tmp_path / "s.pdf"), "--strict")
    assert_one_line_error(strict, "mailing: no delivery estimate for letters posted in Ireland")
    assert not (tmp_path / "s.pdf").exists()


def test_mailing_with_a_carrier_that_cannot_post_from_the_sender_country_warns(
    tmp_path: Path,
) -> None:
    src = tmp_path / "ie.toml"
    src.write_text(IRISH_LETTER + 'carrier = "royal-mail"\n', encoding="utf-8")
    out = tmp_path / "ie.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith(
        f"letterpress: warning: {src}, mailing.carrier: royal-mail does not collect letters in "
        "IE (the sender's country); the delivery estimate is left out; "
    ), proc.stderr
    assert out.is_file()


def test_a_name_in_a_script_the_fonts_lack_is_asked_for_in_latin_letters(
    tmp_path: Path, write_letter
) -> None:
    """Japanese, Arabic or Hebrew letters are not an emoji to remove: the name is to be
    written in Latin letters, as mail abroad is addressed."""
    src = write_letter(letter(recipient__name="山田太郎"))
    proc = run_cli("letter", str(src), "-o", str(tmp_path / "x.pdf"))
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        f"letterpress: error: {src}, recipient.name: character '山' (U+5C71 CJK Unified "
        "Ideograph-5C71) cannot be drawn by the bundled fonts; they draw Latin, Greek and "
        "Cyrillic letters: write it in Latin letters, as addresses abroad are written"
    )


def test_a_language_without_letter_wording_prints_with_one_warning(
    tmp_path: Path, write_letter
) -> None:
    """A Spanish letter printed 'Your reference' and 'Date' beside '26 de noviembre de 2026'
    without a word: it still prints, and one line says which parts stay English."""
    src = write_letter(letter(language="es"))
    out = tmp_path / "x.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0 and out.exists()
    assert proc.stderr == (
        f"letterpress: warning: {src}, language: letterpress has no Spanish wording for the "
        "letter's labels (Date, Your reference, Page 1 of 2) and default opening and closing: "
        'they print in English, the dates in Spanish; set language = "de", "en" or "fr", or '
        "keep the mix on purpose\n"
    )
    strict = run_cli("letter", str(src), "-o", str(tmp_path / "s.pdf"), "--strict")
    assert strict.returncode == 2 and not (tmp_path / "s.pdf").exists()
    assert run_cli("letter", str(write_letter(letter(language="en-AU")))).stderr == ""


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        (
            {"mailing": {"posted": 5}},
            "warning: letter.json, mailing.posted: 5 is not a posting date and time; the "
            "delivery estimate is left out; write it as YYYY-MM-DDTHH:MM (e.g. "
            "2026-12-22T10:00), a date alone or now; or remove [mailing]",
        ),
        (
            {"date": 5},
            "error: letter.json, date: 5 is not a valid date; write it as YYYY-MM-DD, "
            "e.g. 2026-11-26",
        ),
        ({"layout": 5}, "error: letter.json, layout: unknown layout '5'; use one of "),
        (
            {"recipient__country": 5},
            "error: letter.json, recipient.country: unknown country '5'; write the "
            "country's name, e.g. Deutschland, or its ISO code, e.g. DE",
        ),
    ],
    ids=["posted", "date", "layout", "country"],
)
@pytest.mark.parametrize("strict", [False, True], ids=["", "strict"])
def test_a_number_in_a_field_letter_speaks_of_is_one_line(
    tmp_path: Path, write_letter, changes: dict[str, object], line: str, strict: bool
) -> None:
    """[mailing] posted = 5 printed two warnings for one mistake: the check's 'write it in
    quotes, e.g. "5"' (which would not make it a date) and letter's own; date = 5 the quote
    warning before the error. Letter's line alone says it, as letterpress check does; under
    --strict it is the error (not 'number "5" in date ... see letterpress check')."""
    path = write_letter(letter(**changes))
    out = tmp_path / "letter.pdf"
    proc = run_cli("letter", path.name, *(["--strict"] if strict else []), cwd=tmp_path)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    if strict:
        line = line.replace("warning: ", "error: ", 1)
    assert lines[0].startswith(f"letterpress: {line}"), lines[0]
    assert proc.returncode == (0 if line.startswith("warning") else 2)
    assert out.is_file() == (proc.returncode == 0)


def test_a_number_in_a_field_letter_does_not_print_still_warns(
    tmp_path: Path, write_letter
) -> None:
    """call_on = 5 in a letter file's [call] table: letter dropped the check's 'write it in
    quotes' because the call sheet refuses the field, a line letter itself never prints, so
    letter said nothing about it. Only what letter says takes a number's line over."""
    data = letter(call={"phone": "+49 89 1234567", "call_on": 5})
    proc = run_cli("letter", str(write_letter(data)), "-o", str(tmp_path / "out.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f'letterpress: warning: {write_letter(data)}: call.call_on: number: "5"; suggestion: '
        'Write it in quotes, as it should print, e.g. "5": a number loses a leading 0 or +.'
    ]


def test_warn_or_stop_hears_what_letter_said() -> None:
    """letter prepared a file with a number in it twice: once for its own lines, once more in
    the check to learn which fields those lines speak of. letter now hands the check what it
    says (``said``), and a number in a field it speaks of is left to letter's line; without
    ``said`` the check prepares the file itself, where nothing is said of the postcode."""
    from letterpress.check.printing import Printing
    from letterpress.cli.common import warn_or_stop
    from letterpress.errors import UserError, Where

    data = letter(recipient__postal_code=20457)
    refused = UserError("is not a postcode", where=Where(field="recipient.postal_code"))
    assert warn_or_stop(data, strict=True, said=Printing(refused=refused)) == []
    findings = warn_or_stop(data, strict=False)
    assert [(f.kind, f.field) for f in findings] == [("number", "recipient.postal_code")]


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"mailing": {"to": True}},
            "warning: letter.json, mailing.to: true is not a country; the delivery estimate "
            'is left out; write one country\'s name or ISO code in quotes, e.g. to = "DE"; '
            "or remove [mailing]",
        ),
        (
            {"mailing": {"to": ["DE"]}},
            'warning: letter.json, mailing.to: ["DE"] is not a country; the delivery '
            "estimate is left out; write one country's name or ISO code in quotes, e.g. "
            'to = "DE"; or remove [mailing]',
        ),
        (
            {"mailing": {"posted": True}},
            "warning: letter.json, mailing.posted: true is not a posting date and time; the "
            "delivery estimate is left out; write it as YYYY-MM-DDTHH:MM (e.g. "
            "2026-12-22T10:00), a date alone or now; or remove [mailing]",
        ),
        (
            {"mailing": {"cutoff": False}},
            "warning: letter.json, mailing.cutoff: false is not a time of day; the delivery "
            "estimate is left out; write it like 17:30; or remove [mailing]",
        ),
        (
            {"date": True},
            "error: letter.json, date: true is not a valid date; write it as YYYY-MM-DD, "
            "e.g. 2026-11-26",
        ),
    ],
    ids=["to-true", "to-list", "posted-true", "cutoff-false", "date-true"],
)
def test_a_value_of_the_wrong_kind_is_said_as_the_file_wrote_it(
    tmp_path: Path, write_letter, changes: dict[str, object], said: str
) -> None:
    """[mailing] to = true said "unknown country 'True'", to = ["DE"] "unknown country
    \"['DE']\"", posted = true "True is not a posting date": Python's spelling of the value,
    and for a list a country no one wrote. The line says the value as the file has it (true,
    ["DE"]) and what the field takes."""
    path = write_letter(letter(**changes))
    proc = run_cli("letter", path.name, cwd=tmp_path)
    assert proc.stderr == f"letterpress: {said}\n"
    assert proc.returncode == (0 if said.startswith("warning") else 2)


def _word_document(path: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("word/document.xml", "<w:document>Dear Ms Lee, thank you</w:document>")
    return path


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (
            "letter.pdf",
            "a PDF, not a letter file (TOML or JSON); give the letter file (.toml or .json) "
            "the PDF was made from",
        ),
        (
            "letter.docx",
            "a Word document, not a letter file (TOML or JSON); give the letter file (.toml "
            "or .json); copy the letter's text into its body (letterpress init thank-you "
            "writes a starter)",
        ),
        (
            "letter.doc",
            "a Word document (.doc), not a letter file (TOML or JSON); give the letter file "
            "(.toml or .json); copy the letter's text into its body (letterpress init "
            "thank-you writes a starter)",
        ),
    ],
    ids=["pdf", "docx", "doc"],
)
@pytest.mark.parametrize("command", ["letter", "check"])
def test_a_pdf_or_word_document_given_as_the_letter_file_is_named_as_such(
    tmp_path: Path, name: str, said: str, command: str
) -> None:
    """`letterpress check letter.pdf` said "not UTF-8 text: line 2, column 2 has the byte
    0x93 ...; save the file as UTF-8" (`letter letter.pdf`: "the output would overwrite the
    input"), and a .docx "line 1, column 12 has the byte 0x8A": advice that cannot help. The
    file is known by its first bytes, and the line says what it is and what to give."""
    path = tmp_path / name
    if name.endswith(".pdf"):
        path.write_bytes(b"%PDF-1.4\n%\x93\x8c\x8b\x9e ReportLab Generated PDF document\n")
    elif name.endswith(".docx"):
        _word_document(path)
    else:  # Word 97-2003: an OLE compound file holding a "WordDocument" stream
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
        path.write_bytes(ole + "WordDocument".encode("utf-16-le") + b"\x93" * 64)
    proc = run_cli(command, name, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"letterpress: error: {name}: {said}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        (
            {"return_line": ["Jo", "Hamburg"]},
            'return_line: ["Jo", "Hamburg"] is not text or false; write return_line = '
            '"Name · Street · Town", or return_line = false for none',
        ),
        (
            {"references": "DA-1"},
            "references: 'DA-1' is not a table; write [references] on a line of its own, "
            'with lines such as "Your reference" = "DA-2026-114" below it',
        ),
        (
            {"references": {"Your reference": True}},
            "references.Your reference: true is not text or a date; write it in quotes, e.g. "
            '"Your reference" = "DA-2026-114", or as a date',
        ),
    ],
    ids=["return_line", "references", "reference"],
)
def test_a_value_of_the_wrong_kind_names_what_the_file_wrote(
    tmp_path: Path, write_letter, changes: dict[str, object], line: str
) -> None:
    """return_line = ["Jo", ...] said "must be text, or false for none", references = "DA-1"
    "[references] must be a table of label = value" at no field, a reference = true "must be
    text or a date": now the value as written, the field, and what to write."""
    path = write_letter(letter(**changes))
    proc = run_cli("letter", str(path), "-o", str(tmp_path / "out.pdf"))
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"letterpress: error: {path}, {line}"]
