"""``letterpress call`` through the real command line: exit codes, one-line messages, files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_call_support import page_count, page_text, squash

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "call.toml"
# "Now" for every run, so that no call_on of these files has passed whenever the tests run.
NOW = "2026-12-01T09:00"


def run(*args: str, cwd: Path, now: str = NOW) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LETTERPRESS_TZ": "Europe/Berlin"}
    return subprocess.run(
        [sys.executable, "-m", "letterpress", "call", *args, "--now", now],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_example_renders_beside_the_input(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "call.toml")
    done = run("call.toml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and "Wrote call-call.pdf (1 page, a4" in done.stdout
    pdf = (tmp_path / "call-call.pdf").read_bytes()
    assert page_count(pdf) == 1
    text = squash(page_text(pdf))
    for expected in (
        "Ms. Dana Whitfield",
        "+1 312-555-0147",
        "9:30 AM–11:00 AM",
        "3:30 PM–5:00 PM",
        "Thu, Mar 25, 2027",
        "Would a short work sample",
    ):
        assert squash(expected) in text, expected
    again = run("call.toml", "-o", "again.pdf", cwd=tmp_path)
    assert again.returncode == 0 and (tmp_path / "again.pdf").read_bytes() == pdf


def test_paper_option(tmp_path: Path) -> None:
    done = run(str(EXAMPLE), "-o", "sheet.pdf", "--paper", "letter", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "letter" in done.stdout
    assert b"/MediaBox [ 0 0 612 792 ]" in (tmp_path / "sheet.pdf").read_bytes()


BASE = '[sender]\nname = "Jonas Petersen"\n[recipient]\nname = "Ms Mei Lee"\n'


def call_file(
    *,
    language: str | None = None,
    address: str = "",
    country: str | None = None,
    call_on: str | None = "2027-03-25",
    **call: str,
) -> str:
    """A file for ``call``: BASE, with ``language`` above it and the recipient's ``address``
    lines and ``country`` below it, then [call]: each of ``call`` in quotes, call_on last."""
    head = "" if language is None else f'language = "{language}"\n'
    where = address + ("" if country is None else f'country = "{country}"\n')
    fields = "".join(f'{key} = "{value}"\n' for key, value in call.items())
    day = "" if call_on is None else f"call_on = {call_on}\n"
    return f"{head}{BASE}{where}[call]\n{fields}{day}"


def mumbai(best_time: str, language: str | None = None) -> str:
    """A call to an office in Mumbai (IST: 4 h 30 ahead of Berlin in March) at ``best_time``."""
    return call_file(language=language, country="IN", phone="+91 22 2266 0000", best_time=best_time)


def run_file(tmp_path: Path, content: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``content`` written as f.toml in ``tmp_path``, and ``letterpress call f.toml ARGS`` run
    there (the sheet goes to f-call.pdf)."""
    (tmp_path / "f.toml").write_text(content, encoding="utf-8")
    return run("f.toml", *args, cwd=tmp_path)


def sheet(tmp_path: Path, name: str = "f-call.pdf") -> str:
    """The text of the call sheet ``name`` written in ``tmp_path``."""
    return page_text((tmp_path / name).read_bytes())


def _example_with(tmp_path: Path, old: str, new: str) -> Path:
    """The example file with one line replaced, written as ``tmp_path/call.toml``."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    src = tmp_path / "call.toml"
    src.write_text(text.replace(old, new, 1), encoding="utf-8")
    return src


def warns_then_strict_refuses(
    src: Path, line: str, now: str = NOW
) -> subprocess.CompletedProcess[str]:
    """``call SRC -o w.pdf`` exits 0 with ``line`` as its one warning; with --strict (to
    s.pdf) it exits 2 with the same line as the error and writes nothing. The first run is
    returned, for what else it says."""
    cwd = src.parent
    warned = run(str(src), "-o", "w.pdf", cwd=cwd, now=now)
    assert warned.returncode == 0 and warned.stderr == f"letterpress: warning: {src}, {line}\n"
    stopped = run(str(src), "-o", "s.pdf", "--strict", cwd=cwd, now=now)
    assert stopped.returncode == 2 and stopped.stderr == f"letterpress: error: {src}, {line}\n"
    assert not (cwd / "s.pdf").exists()
    return warned


@pytest.mark.parametrize(
    "content, fragment",
    [
        (call_file(best_time="09:00-11:00", call_on=None), "call.phone: missing field"),
        (call_file(phone="12345", call_on=None), "call.phone: '12345'"),
        (
            call_file(phone="+49 89 12345670", best_time="whenever", call_on=None),
            "call.best_time: 'whenever' is not a time window",
        ),
        (
            BASE + '[call]\nphone = "+49 89 12345670"\nquestion = ["x"]\n',
            "unknown field 'question'; did you mean 'questions'?",
        ),
        (
            BASE
            + '[call]\nphone = "+49 89 12345670"\npoints = ['
            + ", ".join(
                ['"A point that takes up a whole line on the sheet, or nearly so, each time."'] * 90
            )
            + "]\n",
            "call.points: the call sheet does not fit on one page even at 9 pt type; shorten "
            "call.points by about",
        ),
        (BASE, "missing table [call]"),
        ("[call\n", "invalid TOML"),
    ],
)
def test_user_errors_exit_2_with_one_line(tmp_path: Path, content: str, fragment: str) -> None:
    done = run_file(tmp_path, content)
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("letterpress: error: f.toml")
    assert fragment in lines[0]
    assert not (tmp_path / "f-call.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["f.toml"]  # no temporary left behind


def test_missing_file_and_long_voicemail_warning(tmp_path: Path) -> None:
    done = run("nope.toml", cwd=tmp_path)
    assert (
        done.returncode == 2
        and done.stderr.strip() == "letterpress: error: nope.toml: file not found; check the path"
    )
    long = call_file(phone="+49 89 12345670", voicemail="word " * 90, call_on=None)
    done = run_file(tmp_path, long)
    assert done.returncode == 0
    assert done.stderr.startswith(
        "letterpress: warning: f.toml, call.voicemail: the voicemail runs about 36 s"
    )
    assert "over 30 s: shorten it" in sheet(tmp_path)


def test_strict_stops_on_leftover_placeholders_before_writing(tmp_path: Path) -> None:
    marker = 'purpose = "Thank Ms. Whitfield,'
    src = _example_with(tmp_path, marker, 'purpose = "Thank [Name of the HR employee],')
    warned = run(str(src), "-o", "w.pdf", cwd=tmp_path)
    assert warned.returncode == 0 and "placeholder" in warned.stderr
    stopped = run(str(src), "-o", "s.pdf", "--strict", cwd=tmp_path)
    assert stopped.returncode == 2 and "placeholder" in stopped.stderr
    assert len(stopped.stderr.strip().splitlines()) == 1 and "Traceback" not in stopped.stderr
    assert not (tmp_path / "s.pdf").exists()


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2027-03-27", "a Saturday"),
        (
            "2027-05-31",
            "Memorial Day, a public holiday in the United States",
        ),  # the contact's country
        ("2029-12-24", "Christmas Eve"),  # no holiday, but the advice never calls then
        ("2029-12-31", "New Year's Eve"),
    ],
)
def test_a_call_on_day_offices_are_closed_warns_and_strict_refuses(
    tmp_path: Path, day: str, why: str
) -> None:
    src = _example_with(tmp_path, "call_on = 2027-03-25", f"call_on = {day}")
    line = f"call.call_on: {day} is {why}, when offices are closed; give a working day as call_on"
    warns_then_strict_refuses(src, line)


NO_BEST_TIME = 'best_time = "09:30-11:00"         # Chicago time: she said mornings are quietest\n'


def test_a_city_as_caller_timezone_warns_and_is_taken_even_without_best_time(
    tmp_path: Path,
) -> None:
    src = _example_with(tmp_path, NO_BEST_TIME, "")
    src.write_text(
        src.read_text(encoding="utf-8").replace('"Europe/Berlin"', '"Berlin"'), encoding="utf-8"
    )
    line = (
        "call.caller_timezone: 'Berlin' is not an IANA time zone name; taking Europe/Berlin; "
        'write caller_timezone = "Europe/Berlin"'
    )
    warns_then_strict_refuses(src, line)
    assert "+1 312-555-0147" in sheet(tmp_path, "w.pdf")


def test_a_city_as_contact_timezone_warns_and_converts_the_window(tmp_path: Path) -> None:
    src = _example_with(
        tmp_path, "call_on = 2027-03-25", 'call_on = 2027-03-25\ntimezone = "chicago"'
    )
    done = run(str(src), "-o", "w.pdf", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == (
        f"letterpress: warning: {src}, call.timezone: 'chicago' is not an IANA time zone name; "
        'taking America/Chicago; write timezone = "America/Chicago"\n'
    )
    text = squash(sheet(tmp_path, "w.pdf"))
    for expected in ("America/Chicago", "9:30 AM–11:00 AM", "3:30 PM–5:00 PM"):
        assert squash(expected) in text, expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "Atlantis",
            "unknown time zone 'Atlantis'; use an IANA name such as 'Europe/Berlin' or "
            "'America/New_York'",
        ),
        (
            "Eastern",  # US/Eastern or Canada/Eastern
            "'Eastern' is not an IANA time zone name and could be any of America/New_York, "
            'America/Toronto; write the one you mean, e.g. caller_timezone = "America/New_York"',
        ),
    ],
)
def test_a_caller_timezone_that_names_no_one_zone_is_an_error_even_without_best_time(
    tmp_path: Path, value: str, message: str
) -> None:
    src = _example_with(tmp_path, NO_BEST_TIME, "")
    src.write_text(
        src.read_text(encoding="utf-8").replace('"Europe/Berlin"', f'"{value}"'), encoding="utf-8"
    )
    done = run(str(src), "-o", "w.pdf", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"letterpress: error: {src}, call.caller_timezone: {message}\n"
    assert not (tmp_path / "w.pdf").exists()


@pytest.mark.parametrize(
    ("language", "name", "opening", "said"),
    [
        ("en-US", "Ms Dana Whitfield", "Hello Ms. Whitfield, this is", "Ms. Whitfield"),
        ("en-US", "Dr Tom Whitfield", "Hello Dr. Whitfield, this is", "Dr. Whitfield"),
        # no honorific in the name: the letter's opening says it, in US style too
        ("en-US", "Dana Whitfield", "Hello Ms. Whitfield, this is", "Ms. Whitfield"),
        ("en-GB", "Ms. Dana Whitfield", "Hello Ms Whitfield, this is", "Ms Whitfield"),
        ("de", "Ms. Dana Whitfield", "Guten Tag, Frau Whitfield, hier spricht", "Frau Whitfield"),
        ("fr", "Ms. Dana Whitfield", "Bonjour Madame Whitfield, ici", "Madame Whitfield"),
    ],
)
def test_the_default_opening_writes_the_title_as_the_language_and_country_do(
    tmp_path: Path, language: str, name: str, opening: str, said: str
) -> None:
    """American English puts a stop after Ms./Mr./Dr., as its letters do; British does not."""
    done = run_file(
        tmp_path,
        f'language = "{language}"\nopening = "Dear Ms. Whitfield:"\n'
        f'[sender]\nname = "Anna Keller"\n[recipient]\nname = "{name}"\ncountry = "US"\n'
        '[call]\nphone = "+1 312 555 0147"\ncall_on = 2027-03-25\n',
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    text = squash(sheet(tmp_path))
    assert squash(opening) in text
    assert text.count(squash(said)) == 3  # the opening, the voicemail and the closing
    if language.startswith("en"):  # and never the other country's form
        other = said.replace(".", "") if language == "en-US" else said.replace(" ", ". ")
        assert squash(other) not in text


@pytest.mark.parametrize(
    ("day", "now"),
    [
        ("2027-03-25", "2027-03-26T09:00"),  # the day after
        ("2027-03-27", "2027-03-29T09:00"),  # a Saturday that has passed: one warning, this
    ],
)
def test_a_call_on_day_that_has_passed_warns_and_strict_refuses(
    tmp_path: Path, day: str, now: str
) -> None:
    """The sheet is printed for the day written (it is deliverable), with one line saying
    the day has gone and what to write; --strict stops before anything is written."""
    src = _example_with(tmp_path, "call_on = 2027-03-25", f"call_on = {day}")
    line = (
        f"call.call_on: {day} has passed (today is {now[:10]}); write the day you will call "
        "as call_on, or leave call_on out for today"
    )
    warned = warns_then_strict_refuses(src, line, now=now)
    assert f"({day}); voicemail" in warned.stdout
    assert squash("Mar 2") in squash(sheet(tmp_path, "w.pdf"))


def test_call_on_today_or_left_out_is_no_warning(tmp_path: Path) -> None:
    """--now fixes "today": the call day itself is not past, and without call_on the sheet
    is for --now's day."""
    done = run(str(EXAMPLE), "-o", "w.pdf", cwd=tmp_path, now="2027-03-25T08:00")
    assert (done.returncode, done.stderr) == (0, "")
    src = _example_with(tmp_path, "call_on = 2027-03-25", "")
    done = run(str(src), "-o", "w.pdf", cwd=tmp_path, now="2027-03-24T08:00")
    assert (done.returncode, done.stderr) == (0, "")
    assert "(2027-03-24); voicemail" in done.stdout
    assert squash("Wed, Mar 24, 2027") in squash(sheet(tmp_path, "w.pdf"))


def test_now_that_is_no_time_is_one_line(tmp_path: Path) -> None:
    done = run(str(EXAMPLE), "-o", "w.pdf", cwd=tmp_path, now="yesterday")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "letterpress: error: --now: 'yesterday' is not a date and time; write it as "
        "YYYY-MM-DDTHH:MM, e.g. 2026-12-22T10:00\n"
    )
    assert not (tmp_path / "w.pdf").exists()


@pytest.mark.parametrize(
    ("phone", "country", "message"),
    [
        (  # Western Australia and South Australia share +61 8
            "+61 8 9222 3333",
            "AU",
            "cannot tell the contact's time zone from the number, which may be in "
            "Australia/Adelaide or Australia/Perth; add the one they are in to [call], e.g. "
            'timezone = "Australia/Adelaide"',
        ),
        (  # a mobile: anywhere in Australia
            "+61 412 345 678",
            "AU",
            "cannot tell the contact's time zone from the number; add timezone = "
            '"Australia/Adelaide" (the IANA name of where they are) to [call]',
        ),
        (
            "+1 800 555 0100",
            "US",
            "cannot tell the contact's time zone from the number; add timezone = "
            '"America/New_York" (the IANA name of where they are) to [call]',
        ),
    ],
)
def test_a_number_of_several_zones_names_them_not_new_york(
    tmp_path: Path, phone: str, country: str, message: str
) -> None:
    """The hint named America/New_York for a number in Perth; it names the number's zones."""
    done = run_file(tmp_path, call_file(country=country, phone=phone, best_time="09:00-10:00"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"letterpress: error: f.toml, call.best_time: {message}\n"


def test_the_contact_s_zone_is_shown_by_its_current_name(tmp_path: Path) -> None:
    """phonenumbers says Asia/Calcutta; the sheet says Asia/Kolkata, as tz has it since 2008."""
    done = run_file(tmp_path, mumbai("10:00-11:00", language="en-GB"))
    assert (done.returncode, done.stderr) == (0, "")
    text = squash(sheet(tmp_path))
    assert squash("Asia/Kolkata · IST") in text and "Calcutta" not in text
    assert squash("10:00–11:00") in text and squash("05:30–06:30") in text


@pytest.mark.parametrize(
    ("phone", "country", "message"),
    [
        (
            "020 7946 0958",  # a London card, read as a German number
            "DE",
            "'020 7946 0958' is not a valid phone number in Germany; check the digits; if it "
            "is in another country, write it with that country's code, e.g. +44 20 7946 0958",
        ),
        (
            "(312) 555-0147",
            "GB",
            "'(312) 555-0147' is not a valid phone number in the United Kingdom; check the "
            "digits; if it is in another country, write it with that country's code, e.g. "
            "+49 89 1234567",
        ),
        (
            "+44 20 7946 095",  # with a country code: no country was assumed
            "DE",
            "'+44 20 7946 095' is not a valid phone number; check the digits; write it with "
            "the country code, e.g. +49 89 1234567",
        ),
    ],
)
def test_a_national_number_that_is_none_says_which_country_it_was_read_in(
    tmp_path: Path, phone: str, country: str, message: str
) -> None:
    """A number without a country code is read in the recipient's country; when it is no
    number there, the error says which country that was (a card from abroad)."""
    done = run_file(tmp_path, call_file(country=country, phone=phone))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"letterpress: error: f.toml, call.phone: {message}\n"
    assert not (tmp_path / "f-call.pdf").exists()


@pytest.mark.parametrize("country", ["US", ""])
def test_a_number_written_with_00_for_abroad_is_read_as_international(
    tmp_path: Path, country: str
) -> None:
    """The number "0049 89 1234567", as most of the world writes a number abroad (00, ITU-T E.164's
    international prefix), was read as a US national number and refused ("not a valid phone
    number in the United States"), or, with no country, as one without a country code."""
    abroad = call_file(country=country, phone="0049 89 1234567", best_time="09:00-10:00")
    done = run_file(tmp_path, abroad)
    assert (done.returncode, done.stderr) == (0, "")
    assert squash("+49 89 1234567") in squash(sheet(tmp_path))


@pytest.mark.parametrize(
    ("phone", "words"),
    [
        ("+49 40 1234567 App. 12", "App"),  # was dialled as +49 40 123456727712
        ("+49 40 1234567 Tel", "Tel"),  # was +49 40 1234567835
        ("+33 1 23 45 67 89 poste 12", "poste"),
        ("+49 (0)40 1234567 Durchwahl 12", "Durchwahl"),
    ],
)
def test_a_number_with_words_in_it_is_refused_not_dialled_as_digits(
    tmp_path: Path, phone: str, words: str
) -> None:
    """phonenumbers reads three letters or more as a vanity number, so a business card's
    "App. 12" became digits of a wrong number, printed and put in the QR code."""
    done = run_file(tmp_path, call_file(country="DE", phone=phone))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"letterpress: error: f.toml, call.phone: '{phone}' has words in it ({words}), which "
        "a phone would dial as digits; write only the number, with an extension as ext. 12\n"
    )
    assert not (tmp_path / "f-call.pdf").exists()


@pytest.mark.parametrize(
    ("phone", "country", "shown"),
    [
        ("Tel. +49 40 1234567", "DE", "+49 40 1234567"),  # a label before the number
        ("+44 (0)20 7946 0958", "GB", "+44 20 7946 0958"),
        ("+44 20 7946 0958 ext. 12", "GB", "+44 20 7946 0958 x12"),
        ("+49 40 1234567-12", "DE", "+49 40 123456712"),  # a German direct-dial extension
        ("1-800-FLOWERS", "US", "+1 800-356-9377"),  # a vanity number, in capitals
        ("1-800-Flowers", "US", "+1 800-356-9377"),  # or joined on
    ],
)
def test_business_card_numbers_that_are_numbers(
    tmp_path: Path, phone: str, country: str, shown: str
) -> None:
    done = run_file(tmp_path, call_file(country=country, phone=phone))
    assert (done.returncode, done.stderr) == (0, "")
    assert f"on {shown} (2027-03-25)" in done.stdout


def test_the_german_purpose_needs_no_case_of_the_name(tmp_path: Path) -> None:
    """'Herr Tom Brandt danken' is wrong German (the dative is 'Herrn'): the default purpose
    thanks for the interview without declining the name, which heads the sheet anyway."""
    done = run_file(
        tmp_path,
        'language = "de"\n[sender]\nname = "Lea Müller"\n[recipient]\n'
        'name = "Herr Tom Brandt"\ncountry = "DE"\n[call]\nphone = "+49 40 1234567"\n'
        "call_on = 2027-03-25\n",
    )
    assert (done.returncode, done.stderr) == (0, "")
    text = squash(sheet(tmp_path))
    assert squash("Für das Gespräch danken, kurz Rückmeldung geben,") in text
    assert squash("Herr Tom Brandt danken") not in text
    assert squash("Guten Tag, Herr Brandt, hier spricht Lea Müller.") in text


@pytest.mark.parametrize(
    ("now", "warned"),
    [("2027-03-25T16:59", False), ("2027-03-25T17:00", True), ("2027-03-24T20:00", False)],
)
def test_a_best_time_that_ended_today_warns(tmp_path: Path, now: str, warned: bool) -> None:
    """The example's window is 15:30-17:00 in Berlin on 25 March: printed at 17:00 that day,
    the sheet is for a window that has gone, and says so in one line."""
    done = run(str(EXAMPLE), "-o", "w.pdf", cwd=tmp_path, now=now)
    assert done.returncode == 0 and (tmp_path / "w.pdf").exists()
    line = (
        f"letterpress: warning: {EXAMPLE}, call.call_on: the best time ended at 17:00 your "
        f"time (Europe/Berlin) on 2027-03-25, before now ({now.replace('T', ' ')}); write "
        "the day you will call as call_on\n"
    )
    assert done.stderr == (line if warned else "")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("interview_on = 2027-03-23", "interview_on = 2027-04-23"),  # a month mistyped
        ("interview_on = 2027-03-23", '[interview]\ndate = "2027-04-23T10:00"'),  # or there
    ],
)
def test_a_call_on_before_the_interview_warns(tmp_path: Path, old: str, new: str) -> None:
    """The sheet thanks for an interview that has not happened yet: one line says so."""
    text = EXAMPLE.read_text(encoding="utf-8").replace(old, "", 1)
    src = tmp_path / "call.toml"
    src.write_text(
        text + "\n" + new + "\n" if new.startswith("[") else EXAMPLE.read_text().replace(old, new),
        encoding="utf-8",
    )
    done = run(str(src), "-o", "w.pdf", cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "w.pdf").exists()
    assert done.stderr == (
        f"letterpress: warning: {src}, call.call_on: 2027-03-25 is before the interview on "
        "2027-04-23; check both dates: the call follows the interview up\n"
    )


def test_a_time_of_day_with_call_on_warns_that_the_sheet_does_not_print_it(
    tmp_path: Path,
) -> None:
    """call_on = 2027-03-25T10:00 printed the day alone, the 10:00 dropped without a word."""
    src = _example_with(tmp_path, "call_on = 2027-03-25", "call_on = 2027-03-25T10:00:00")
    done = run(str(src), "-o", "w.pdf", cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "w.pdf").exists()
    assert done.stderr == (
        f"letterpress: warning: {src}, call.call_on: 2027-03-25T10:00 has a time of day, which "
        "the sheet does not use; write call_on = 2027-03-25, and the time as best_time = "
        '"HH:MM-HH:MM" (their local time)\n'
    )


@pytest.mark.parametrize(
    ("address", "phone", "day", "why"),
    [
        (  # Bavaria, from the postcode
            'postal_code = "80337"\ncity = "München"\ncountry = "DE"\n',
            "+49 89 1234567",
            "2027-01-06",
            "Epiphany, a public holiday in Germany (BY)",
        ),
        (  # Massachusetts, from the region
            'region = "MA"\ncountry = "US"\n',
            "+1 617 555 0100",
            "2027-04-19",
            "Patriots' Day, a public holiday in the United States (MA)",
        ),
    ],
)
def test_a_regional_holiday_where_the_contact_works_warns(
    tmp_path: Path, address: str, phone: str, day: str, why: str
) -> None:
    """Only national holidays were known: a call to Munich on Epiphany printed silently."""
    done = run_file(tmp_path, call_file(address=address, phone=phone, call_on=day))
    assert done.returncode == 0 and (tmp_path / "f-call.pdf").exists()
    assert done.stderr == (
        f"letterpress: warning: f.toml, call.call_on: {day} is {why}, when offices are "
        "closed; give a working day as call_on\n"
    )


def test_no_regional_holiday_elsewhere(tmp_path: Path) -> None:
    hamburg = 'postal_code = "20457"\ncity = "Hamburg"\n'
    epiphany = call_file(
        address=hamburg, country="DE", phone="+49 40 1234567", call_on="2027-01-06"
    )
    done = run_file(tmp_path, epiphany)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    "written",
    ["10-11", "10h-11h", "10:00-11:00 Uhr", "10.00 to 11", "10am-11am", "10-11 a.m.", "10 bis 11"],
)
def test_a_best_time_as_people_write_it_is_read(tmp_path: Path, written: str) -> None:
    """A business card or a note says "10-11", "10h-11h" or "10am-11am"; only 10:00-11:00
    was read ("is not a time window")."""
    done = run_file(tmp_path, mumbai(written, language="en-GB"))
    assert (done.returncode, done.stderr) == (0, "")
    text = squash(sheet(tmp_path))
    assert squash("10:00–11:00") in text and squash("05:30–06:30") in text


@pytest.mark.parametrize(
    ("written", "theirs", "yours"),
    [
        ("9-5", "09:00–17:00", "04:30–12:30"),
        ("8-4", "08:00–16:00", "03:30–11:30"),
        ("10-2", "10:00–14:00", "05:30–09:30"),
        ("9:30-5:00", "09:30–17:00", "05:00–12:30"),
        ("9am-5", "09:00–17:00", "04:30–12:30"),
        ("09:00-05:00", "09:00–05:00", "04:30–00:30"),
    ],
)
def test_office_hours_without_pm_end_in_the_afternoon(
    tmp_path: Path, written: str, theirs: str, yours: str
) -> None:
    """best_time = "9-5" printed 09:00-05:00 the next day, a 20-hour window, when people mean
    9 am to 5 pm; an end hour smaller than the start on the 12-hour clock is the afternoon.
    Written with a leading zero ("05:00") it is the 24-hour clock and passes midnight."""
    done = run_file(tmp_path, mumbai(written, language="en-GB"))
    assert (done.returncode, done.stderr) == (0, "")
    text = squash(sheet(tmp_path))
    assert squash(theirs) in text and squash(yours) in text


def test_bare_afternoon_hours_are_asked_for_with_am_pm_or_the_24_hour_clock(
    tmp_path: Path,
) -> None:
    """'2-4' is 14:00-16:00 on a card, and 02:00-04:00 on the 24-hour clock: it is asked for
    again; '2-4pm' is read."""
    done = run_file(tmp_path, mumbai("2-4"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "letterpress: error: f.toml, call.best_time: '2-4' could be the night or the "
        'afternoon; write it with the 24-hour clock ("14:00-16:00"), or with am or pm\n'
    )
    assert run_file(tmp_path, mumbai("2-4pm")).returncode == 0


@pytest.mark.parametrize(("written", "hint"), [("6-2", "06:00-14:00"), ("5-3", "05:00-15:00")])
def test_bare_early_hours_ending_before_they_start_get_a_window_that_exists(
    tmp_path: Path, written: str, hint: str
) -> None:
    """'6-2' was asked for again with the hint "18:00-14:00", a window that ends before it
    starts; the hint now gives the morning-to-afternoon reading."""
    done = run_file(tmp_path, mumbai(written))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"letterpress: error: f.toml, call.best_time: '{written}' could be the night or the "
        f'afternoon; write it with the 24-hour clock ("{hint}"), or with am or pm\n'
    )


@pytest.mark.parametrize(
    ("written", "theirs", "yours"),
    [
        ("mornings", "09:00–12:00", "04:30–07:30"),
        ("morning", "09:00–12:00", "04:30–07:30"),
        ("in the morning", "09:00–12:00", "04:30–07:30"),
        ("Vormittags", "09:00–12:00", "04:30–07:30"),
        ("le matin", "09:00–12:00", "04:30–07:30"),
        ("before noon", "09:00–12:00", "04:30–07:30"),
        ("bis 12 Uhr", "09:00–12:00", "04:30–07:30"),
        ("afternoons", "14:00–17:00", "09:30–12:30"),
        ("afternoon", "14:00–17:00", "09:30–12:30"),
        ("after lunch", "14:00–17:00", "09:30–12:30"),
        ("nachmittags", "14:00–17:00", "09:30–12:30"),
        ("l’après-midi", "14:00–17:00", "09:30–12:30"),
        ("after 2pm", "14:00–17:00", "09:30–12:30"),
        ("ab 14 Uhr", "14:00–17:00", "09:30–12:30"),
        ("à partir de 14h30", "14:30–17:00", "10:00–12:30"),
        ("noon-2pm", "12:00–14:00", "07:30–09:30"),
        ("between 9 and 11", "09:00–11:00", "04:30–06:30"),
        ("von 9 bis 11 Uhr", "09:00–11:00", "04:30–06:30"),
        ("entre 9h et 11h", "09:00–11:00", "04:30–06:30"),
        ("anytime", "09:00–17:00", "04:30–12:30"),
        ("zu den Bürozeiten", "09:00–17:00", "04:30–12:30"),
    ],
)
def test_a_best_time_in_words_is_read_as_its_window(
    tmp_path: Path, written: str, theirs: str, yours: str
) -> None:
    """best_time = "mornings", "nachmittags", "after 2pm", "bis 12 Uhr" or "noon-2pm", as a
    card or a recruiter's e-mail says it, stopped the sheet ("is not a time window"). A part
    of the day is its window from callsheet/dayparts.toml (the morning 09:00-12:00, the
    afternoon 14:00-17:00), and one time with "after" or "bis" ends or starts with the office
    day there (09:00-17:00)."""
    done = run_file(tmp_path, mumbai(written, "en-GB"))
    assert (done.returncode, done.stderr) == (0, "")
    text = squash(sheet(tmp_path))
    assert squash(f"{theirs} Asia/Kolkata") in text and squash(f"{yours} Europe/Berlin") in text


@pytest.mark.parametrize(
    ("written", "theirs"),
    [
        ("9 to 5", "09:00–17:00"),
        ("9am to 5pm", "09:00–17:00"),
        ("09.00–17.00 Uhr", "09:00–17:00"),
        ("14-16h", "14:00–16:00"),
        ("12-2", "12:00–14:00"),
    ],
)
def test_office_hours_as_cards_write_them_keep_being_read(
    tmp_path: Path, written: str, theirs: str
) -> None:
    """Forms that were read before the words were: they stay exactly as they were read."""
    done = run_file(tmp_path, mumbai(written, "en-GB"))
    assert (done.returncode, done.stderr) == (0, "")
    assert squash(theirs) in squash(sheet(tmp_path))


def test_the_same_hour_twice_is_twelve_hours_with_a_warning(tmp_path: Path) -> None:
    """best_time = "9-9" (a shop's or a mobile's hours) stopped the sheet ("starts and ends at
    the same time"); it prints 09:00-21:00 with one warning saying so, and --strict stops."""
    done = run_file(tmp_path, mumbai("9-9", "en-GB"))
    line = (
        "f.toml, call.best_time: '9-9' is read as 09:00-21:00, twelve hours; write "
        'best_time = "09:00-21:00" if that is meant, else the window you mean'
    )
    assert (done.returncode, done.stderr) == (0, f"letterpress: warning: {line}\n")
    text = squash(sheet(tmp_path))
    assert squash("09:00–21:00 Asia/Kolkata") in text
    assert squash("04:30–16:30 Europe/Berlin") in text
    stopped = run("f.toml", "-o", "s.pdf", "--strict", cwd=tmp_path)
    assert (stopped.returncode, stopped.stderr) == (2, f"letterpress: error: {line}\n")
    assert not (tmp_path / "s.pdf").exists()


@pytest.mark.parametrize(
    ("written", "first", "other"),
    [
        ("9-12 und 14-16 Uhr", "09:00-12:00", "14:00-16:00"),
        ("10am-12pm, 2-4pm", "10:00-12:00", "14:00-16:00"),
        ("mornings or afternoons", "09:00-12:00", "14:00-17:00"),
    ],
)
def test_several_windows_print_the_first_with_a_warning(
    tmp_path: Path, written: str, first: str, other: str
) -> None:
    """Office hours given as two windows ("9-12 und 14-16 Uhr") stopped the sheet ("is not a
    time window"); the sheet has room for one: it prints the first, and says so."""
    done = run_file(tmp_path, mumbai(written, "en-GB"))
    assert (done.returncode, done.stderr) == (
        0,
        f"letterpress: warning: f.toml, call.best_time: '{written}' is two windows, and the "
        f"sheet prints one: the first, {first}; write the one you will call in, e.g. "
        f'best_time = "{other}"\n',
    )
    text = squash(sheet(tmp_path))
    assert squash(f"{first.replace('-', '–')} Asia/Kolkata") in text


@pytest.mark.parametrize(
    ("phone", "timezone", "written", "theirs", "yours", "said"),
    [
        # a toll-free number has no one zone: the one best_time names is theirs
        ("+1 800 555 0100", "", "2-4pm ET", "14:00–16:00 America/New York", "19:00–21:00", ""),
        (
            "+1 312 555 0147",
            "",
            "10-12 (local time)",
            "10:00–12:00 America/Chicago",
            "16:00–18:00",
            "",
        ),
        ("+1 312 555 0147", "", "9-11 Uhr MEZ", "09:00–11:00 Europe/Berlin", "", ""),
        (
            "+1 312 555 0147",
            "America/Chicago",
            "10am-12pm EST",
            "09:00–11:00 America/Chicago",
            "15:00–17:00",
            "letterpress: info: f.toml, call.best_time: '10am-12pm EST' is America/New_York "
            "time: 09:00-11:00 in America/Chicago, where the contact is\n",
        ),
    ],
)
def test_a_best_time_in_a_zone_it_names_is_read_in_that_zone(
    tmp_path: Path, phone: str, timezone: str, written: str, theirs: str, yours: str, said: str
) -> None:
    """A recruiter's "2-4pm ET" or "10am-12pm EST", or a card's "9-11 Uhr MEZ", stopped the
    sheet ("is not a time window"; for a toll-free number, "add timezone"). The window is read
    in the zone it names (zonewords.toml, from CLDR's short names); that zone is theirs unless
    the file's timezone says another, where the window is shown, and an info line says so."""
    zone = {"timezone": timezone} if timezone else {}
    content = call_file(language="en-GB", country="US", phone=phone, **zone, best_time=written)
    done = run_file(tmp_path, content)
    assert (done.returncode, done.stderr) == (0, said)
    text = squash(sheet(tmp_path))
    assert squash(theirs) in text
    assert squash(f"{yours} Europe/Berlin" if yours else "same as yours") in text


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "after 6pm",
            "'after 6pm' gives only a start, 18:00, when office hours (09:00-17:00) are over; "
            'write the end too, e.g. best_time = "18:00-20:00"',
        ),
        (
            "bis 9 Uhr",
            "'bis 9 Uhr' gives only an end, 09:00, before office hours (09:00-17:00); write the "
            'start too, e.g. best_time = "07:00-09:00"',
        ),
        (
            "whenever",
            "'whenever' is not a time window; write it as \"09:00-11:00\" (24-hour clock, the "
            'contact\'s local time), or as "mornings" or "afternoons"',
        ),
    ],
)
def test_a_best_time_with_no_window_says_what_to_write(
    tmp_path: Path, written: str, message: str
) -> None:
    """One time outside the office day leaves no end (or start) to take; a word that names no
    part of the day is no window: one line each, saying what to write (the words too)."""
    done = run_file(tmp_path, mumbai(written, "en-GB"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"letterpress: error: f.toml, call.best_time: {message}\n"
    assert not (tmp_path / "f-call.pdf").exists()


def test_the_qr_code_dials_the_extension_after_a_pause(tmp_path: Path) -> None:
    """'+44 20 7946 0958 ext. 12' printed with its extension, but the QR code dialled the
    switchboard only: its tel: URI dials the extension after a pause (',12'; Android dials
    RFC 3966's ';ext=12' as the tones of 'ext=12')."""
    import pypdfium2
    import zxingcpp

    done = run_file(tmp_path, call_file(country="GB", phone="+44 20 7946 0958 ext. 12"))
    assert (done.returncode, done.stderr) == (0, "")
    doc = pypdfium2.PdfDocument((tmp_path / "f-call.pdf").read_bytes())
    image = doc[0].render(scale=200 / 72).to_pil()
    doc.close()
    codes = [b.text for b in zxingcpp.read_barcodes(image)]
    assert codes == ["tel:+442079460958,12"]


def test_the_voicemail_s_seconds_keep_their_unit_on_the_line(tmp_path: Path) -> None:
    """The label column is narrow: 'gesprochen etwa 19' ended a line and 's' began the next;
    the number and its unit are joined by a no-break space."""
    done = run_file(
        tmp_path,
        'language = "de-CH"\nlayout = "ch-left"\n[sender]\nname = "Lea Müller"\n'
        'phone = "044 668 18 00"\ncountry = "CH"\n[recipient]\nname = "Frau Dr. Anna Keller"\n'
        'organization = "Zürcher Kantonalbank AG"\n[call]\nphone = "+41 44 292 11 11"\n'
        'best_time = "10:00-12:00"\ncall_on = 2027-03-25\nposition = "Datenanalystin"\n'
        'points = ["Das Projekt zur Datenqualität im Risikomanagement", '
        '"Die Verbindung von Analyse und Beratung"]\n'
        'questions = ["Bis wann rechnen Sie mit einer Entscheidung?"]\n',
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "voicemail about 19 s" in done.stdout
    text = sheet(tmp_path)
    assert "etwa" in text and not re.search(r"\d\ns\n", text), text


def test_the_national_form_of_a_long_number_is_not_broken_in_two(tmp_path: Path) -> None:
    """'+33 1 42 68 53 00 ext. 245' left no room for its national form on the line: it broke
    after '53 00 ext.' and '245' stood alone under it; it now moves down whole."""
    done = run_file(
        tmp_path,
        'language = "fr-FR"\nlayout = "fr-right"\n[sender]\nname = "Camille Durand"\n'
        'country = "FR"\n[recipient]\nname = "Mme Hélène Lefèvre-Dubois"\n'
        'organization = "Société Générale des Transports SA"\n[call]\n'
        'phone = "01 42 68 53 00 ext. 245"\ncall_on = 2027-03-25\n',
    )
    assert (done.returncode, done.stderr) == (0, "")
    lines = sheet(tmp_path).splitlines()
    assert "Format national 01 42 68 53 00 ext. 245" in [x.strip() for x in lines], lines[:8]


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en-US", ("well organized", "reach me at +1")),
        ("en-GB", ("well organised", "reach me on +1")),
    ],
)
def test_the_default_texts_are_spelt_as_the_country_writes_them(
    tmp_path: Path, language: str, written: tuple[str, ...]
) -> None:
    """An en-US sheet said 'well organised' and 'You can reach me on +1 ...': British English
    on an American sheet; US English writes 'organized' and 'reach me at'."""
    done = run_file(
        tmp_path,
        f'language = "{language}"\n[sender]\nname = "Jordan Reyes"\nphone = "+1 312-555-0199"\n'
        'country = "US"\n[recipient]\nname = "Mr. Tom Berg"\ncountry = "US"\n[call]\n'
        'phone = "+1 213-555-0147"\ncall_on = 2027-03-25\n',
    )
    assert (done.returncode, done.stderr) == (0, "")
    text = squash(sheet(tmp_path))
    assert all(squash(w) in text for w in written), text


def test_a_long_name_breaks_at_its_hyphen_and_the_callback_number_stays_whole(
    tmp_path: Path,
) -> None:
    """The header split 'Mhaoldomhnaigh-Featherstonehaugh' as '...-Feat' / 'herstonehaugh',
    and the voicemail's 'reach me on +49 30' / '1234567' split the number to read out."""
    done = run_file(
        tmp_path,
        'language = "en-GB"\n[sender]\nname = "Jonas Petersen"\nphone = "+49 30 1234567"\n'
        'country = "DE"\n[recipient]\nname = "Dr Siobhán Ní Mhaoldomhnaigh-Featherstonehaugh"\n'
        'organization = "Commonwealth Scientific and Industrial Research Organisation (CSIRO) '
        'Data61 Division"\ndepartment = "Talent Acquisition and Workforce Planning, '
        'Asia-Pacific"\ncountry = "AU"\n[call]\nphone = "+61 2 9374 4000"\nbest_time = "9-11"\n'
        'call_on = 2027-03-25\nposition = "Machine Learning Engineer"\n',
    )
    assert (done.returncode, done.stderr) == (0, "")
    lines = sheet(tmp_path).splitlines()
    assert lines[1:3] == ["Dr Siobhán Ní Mhaoldomhnaigh-", "Featherstonehaugh"]
    assert any("+49 30 1234567. Thank you" in x for x in lines), lines


def test_the_heading_writes_the_name_as_the_script_below_does(tmp_path: Path) -> None:
    """The heading printed "O'Neill" with a typewriter apostrophe, the opening and closing
    below "O’Neill": the heading and role line are set in the language's typography too."""
    done = run_file(
        tmp_path,
        'language = "en-US"\n[sender]\nname = "Jordan Reyes"\ncountry = "US"\n'
        '[recipient]\nname = "Mr. Robert O\'Neill"\ncountry = "US"\n'
        'department = "Children\'s Services"\n[call]\nphone = "+1 213-555-0147"\n'
        "call_on = 2027-03-25\n",
    )
    assert (done.returncode, done.stderr) == (0, "")
    lines = sheet(tmp_path).splitlines()
    assert lines[1:3] == ["Mr. Robert O\u2019Neill", "Children\u2019s Services"]
    assert any("Hello Mr. O\u2019Neill" in x for x in lines)


@pytest.mark.parametrize("strict", [[], ["--strict"]], ids=["", "strict"])
def test_a_number_for_call_on_is_one_line_the_call_sheet_s(
    tmp_path: Path, strict: list[str]
) -> None:
    """call_on = 5 printed the check's 'number: "5"; ... Write it in quotes' (quoting makes
    no date of it) before the call sheet's error; under --strict the check's line alone,
    'number "5" in call.call_on'. The call sheet's line, which says what the field takes, is
    the one line now."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^call_on = .*$", "call_on = 5", text)
    (tmp_path / "call.toml").write_text(text, encoding="utf-8")
    done = run("call.toml", *strict, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        2,
        "letterpress: error: call.toml, call.call_on: 5 is not a valid date; write it as "
        "YYYY-MM-DD, e.g. 2026-11-26\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["call.toml"]


def test_if_asked_written_as_one_text_says_how_to_write_it(tmp_path: Path) -> None:
    """if_asked = "Why?" said "must be a table or a list" without the value."""
    done = run_file(
        tmp_path, call_file(country="DE", phone="+49 89 1234567", if_asked="Why?", call_on=None)
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "letterpress: error: f.toml, call.if_asked: 'Why?' is not a table or a list; write "
        '[call.if_asked] with "question" = "answer" lines, or a list of { question = "...", '
        'answer = "..." }\n'
    )
