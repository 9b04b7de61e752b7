"""Your stored details (``init --me``, ``config``): files without [sender] use them, starters
follow your language and country, and the call sheet's "your time" says where it came from."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from conftest import HOME_RECIPIENTS, letter, run_cli

ME = [
    "--me",
    "--name",
    "Jonas Petersen",
    "--street",
    "Lindenallee 8",
    "--postal-code",
    "22587",
    "--city",
    "Hamburg",
    "--country",
    "Deutschland",
    "--phone",
    "040 1234 5678",
    "--email",
    "jonas@example.org",
]


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings folder of this test's own (for the test and the commands it runs)."""
    folder = tmp_path / "settings"
    monkeypatch.setenv("LETTERPRESS_CONFIG_DIR", str(folder))
    monkeypatch.delenv("LETTERPRESS_TZ", raising=False)
    return folder / "config.toml"


def no_sender(**changes: object) -> dict[str, object]:
    """The base letter without [sender], language or layout."""
    return letter(sender=None, language=None, layout=None, **changes)


def test_init_me_with_options_stores_tidied_details(settings: Path) -> None:
    done = run_cli("init", *ME)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Stored your details in {settings}:",
        "  name         Jonas Petersen",
        "  country      DE",
        "  street       Lindenallee 8",
        "  postal_code  22587",
        "  city         Hamburg",
        "  phone        +49 40 12345678",
        "  email        jonas@example.org",
        "  language     de-DE",
        "  layout       din5008-b",
        "  timezone     Europe/Berlin",
        "Files without [sender] now use them ('letterpress config' shows them).",
    ]
    assert tomllib.loads(settings.read_text(encoding="utf-8"))["me"] == {
        "name": "Jonas Petersen",
        "street": "Lindenallee 8",
        "postal_code": "22587",
        "city": "Hamburg",
        "country": "DE",
        "phone": "+49 40 12345678",
        "email": "jonas@example.org",
        "language": "de-DE",
        "layout": "din5008-b",
        "timezone": "Europe/Berlin",
    }


def test_options_given_later_change_only_those_details(settings: Path) -> None:
    run_cli("init", *ME)
    done = run_cli("init", "--me", "--language", "en-GB", "--email", "jp@example.org")
    assert done.returncode == 0, done.stderr
    me = tomllib.loads(settings.read_text(encoding="utf-8"))["me"]
    assert (me["language"], me["email"], me["layout"], me["name"]) == (
        "en-GB",
        "jp@example.org",
        "din5008-b",
        "Jonas Petersen",
    )


def test_a_us_profile_gets_us_letter_and_the_zone_of_its_area_code(settings: Path) -> None:
    done = run_cli(
        "init",
        "--me",
        "--name",
        "Dana Whitfield",
        "--street",
        "233 S Wacker Dr",
        "--postal-code",
        "60606",
        "--city",
        "Chicago",
        "--region",
        "IL",
        "--country",
        "USA",
        "--phone",
        "(312) 555-0147",
    )
    assert done.returncode == 0, done.stderr
    me = tomllib.loads(settings.read_text(encoding="utf-8"))["me"]
    assert (me["country"], me["language"], me["layout"], me["timezone"], me["phone"]) == (
        "US",
        "en-US",
        "us-letter-10",
        "America/Chicago",
        "+1 312-555-0147",
    )


@pytest.mark.parametrize(
    ("options", "line"),
    [
        (
            ["--postal-code", "1234"],
            "--postal-code: '1234' is not a valid postal code for Germany; e.g. 26133, 53225",
        ),
        (
            [
                "--country",
                "US",
                "--region",
                "IL",
                "--postal-code",
                "6060",
                "--phone",
                "+49 40 1234 5678",
            ],
            "--postal-code: '6060' is not a valid postal code for the United States; "
            "e.g. 95014, 22162-1010",
        ),
        (
            ["--street", ""],
            "--street: missing field (required for addresses in Germany); add it",
        ),
        (["--country", "Germny"], "--country: unknown country 'Germny'; did you mean 'Germany'?"),
        (
            ["--phone", "12"],
            "--phone: '12' is not a phone number; write it with the country code, "
            "e.g. +49 40 1234 5678",
        ),
        (
            ["--email", "jonas"],
            "--email: 'jonas' is not an e-mail address; write it as name@example.org",
        ),
        (
            ["--timezone", "Mars/Olympus"],
            "--timezone: unknown time zone 'Mars/Olympus'; use an IANA "
            "name such as Europe/Berlin or America/Chicago",
        ),
        (
            ["--layout", "din5008-c"],
            "--layout: unknown layout 'din5008-c'; see letterpress layouts for the names",
        ),
        (
            ["--language", "xx-YY"],
            "--language: unknown language 'xx-YY'; use a BCP 47 tag such as "
            "'en-US', 'en-GB', 'de' or 'fr'",
        ),
    ],
)
def test_a_wrong_detail_is_one_line_naming_its_option(
    options: list[str], line: str, settings: Path
) -> None:
    done = run_cli("init", *ME, *options)
    assert done.returncode == 2
    assert done.stderr == f"letterpress: error: {line}\n"
    assert not settings.exists()


def test_an_address_without_its_country_asks_for_the_country(settings: Path) -> None:
    done = run_cli("init", "--me", "--name", "Jonas Petersen", "--city", "Hamburg")
    assert done.returncode == 2
    assert done.stderr == (
        "letterpress: error: --country: missing: your country; an address needs its country: "
        "give a code such as DE, US, GB, or its name\n"
    )  # not "missing field (required for addresses in )"
    assert not settings.exists()


STORED = (
    '[me]\nname = "Jonas Petersen"\nstreet = "Lindenallee 8"\npostal_code = "1234"\n'
    'city = "Hamburg"\ncountry = "DE"\nlanguage = "de-DE"\nlayout = "din5008-b"\n'
    'timezone = "Europe/Berlin"\n'
)


@pytest.mark.parametrize(
    ("stored", "options", "line"),
    [
        (
            "",
            ["--email", "jonas@example.org"],
            "me.postal_code: '1234' is not a valid postal code for Germany; fix it with "
            "'letterpress init --me --postal-code ...' (e.g. 26133, 53225)",
        ),
        (
            "",
            ["--country", "US", "--region", "IL"],
            "me.postal_code: '1234' is not a valid postal code for the United States; fix it with "
            "'letterpress init --me --postal-code ...' (e.g. 95014, 22162-1010)",
        ),
        (
            'phone = "12"\n',
            ["--postal-code", "22587"],
            "me.phone: '12' is not a phone number; fix it with 'letterpress init --me "
            "--phone ...' (write it with the country code, e.g. +49 40 1234 5678)",
        ),
    ],
)
def test_a_wrong_stored_detail_is_blamed_on_the_settings_file(
    stored: str, options: list[str], line: str, settings: Path
) -> None:
    """A detail not given now but wrong as stored (a hand-edited file, a postcode the new
    country refuses) names the settings file and its field, not an option left out."""
    settings.parent.mkdir(parents=True)
    settings.write_text(STORED + stored, encoding="utf-8")
    done = run_cli("init", "--me", *options)
    assert done.returncode == 2
    assert done.stderr == f"letterpress: error: {settings}, {line}\n"
    assert settings.read_text(encoding="utf-8") == STORED + stored  # nothing stored
    fixed = run_cli("init", "--me", *options, "--postal-code", "60606", "--phone", "")
    assert fixed.returncode == 0, fixed.stderr


@pytest.mark.parametrize(
    ("stored", "line"),
    [
        (
            '[me]\nname = "Jonas Petersen"\ncountry = "DE"\nlanguage = 3\n',
            'me.language: 3 is not text; write it in quotes, e.g. language = "en-GB"',
        ),
        (
            'me = "Jonas"\n',
            "me: 'Jonas' is not a table; write [me] on a line of its own, with its fields below it",
        ),
    ],
)
def test_a_hand_edited_detail_of_the_wrong_kind_is_one_line_at_the_settings_file(
    stored: str, line: str, settings: Path, write_letter
) -> None:  # type: ignore[no-untyped-def]
    """``language = 3`` in [me] stopped ``init`` with a traceback ('int' object has no
    attribute 'strip'), and a stored ``name = 5`` printed "5" as the return address while
    ``check`` blamed the letter's own sender.name. Now every command says where the settings
    file is wrong and how to mend it, ``config`` shows the file and then that line, and
    ``init --me`` stores the details anew over it."""
    settings.parent.mkdir(parents=True)
    settings.write_text(stored, encoding="utf-8")
    expected = (
        f"letterpress: error: {settings}, {line}, or store your details again with "
        "'letterpress init --me'\n"
    )
    for command in (["init", "-o", "-"], ["letter", str(write_letter(no_sender()))]):
        done = run_cli(*command)
        assert (done.returncode, done.stderr) == (2, expected), command
    shown = run_cli("config")
    assert (shown.returncode, shown.stderr) == (2, expected)
    assert shown.stdout.startswith(f"Settings file: {settings}\n\n")
    mended = run_cli("init", "--me", "--name", "Jonas Petersen", "--country", "DE")
    assert mended.returncode == 0, mended.stderr
    assert tomllib.loads(settings.read_text(encoding="utf-8"))["me"]["language"] == "de-DE"
    assert run_cli("config").returncode == 0


def test_a_state_the_zip_code_contradicts_is_stored_with_the_warning_letters_give(
    settings: Path,
) -> None:
    """``--region Calif.`` with ZIP 10118 (New York) was stored without a word, and every
    envelope then printed "NEW YORK CALIF 10118" with a warning blaming the letter file's
    sender.region. ``init --me`` now says it once, at the option (or, later, at the settings
    file), and stores the details as given: the letter is deliverable."""
    us = ["--me", "--name", "Jordan Miller", "--street", "350 Fifth Avenue"]
    us += ["--postal-code", "10118", "--city", "New York", "--country", "US"]
    done = run_cli("init", *us, "--region", "Calif.")
    assert done.returncode == 0
    assert done.stderr == (
        "letterpress: warning: --region: 'Calif.' is not a state of the United States; ZIP "
        "10118 is in New York (NY); printed as written; check it\n"
    )
    assert tomllib.loads(settings.read_text(encoding="utf-8"))["me"]["region"] == "Calif."
    later = run_cli("init", "--me", "--email", "jordan@example.org")
    assert later.stderr == (
        f"letterpress: warning: {settings}, me.region: 'Calif.' is not a state of the United "
        "States; ZIP 10118 is in New York (NY); printed as written; check it\n"
    )
    fixed = run_cli("init", "--me", "--region", "NY")
    assert (fixed.returncode, fixed.stderr) == (0, "")


def test_a_settings_folder_that_cannot_be_made_says_how_to_store_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$LETTERPRESS_CONFIG_DIR naming a file (or a folder inside one): "cannot create the
    settings folder (File exists)", and nothing said what to do."""
    blocker = tmp_path / "letterpress"
    blocker.write_text("", encoding="utf-8")
    for folder, why in ((blocker, "a file is in the way"), (blocker / "sub", "Not a directory")):
        monkeypatch.setenv("LETTERPRESS_CONFIG_DIR", str(folder))
        done = run_cli("init", "--me", "--name", "Jonas Petersen", "--country", "DE")
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == (
            f"letterpress: error: {folder}: cannot create the settings folder ({why}); set "
            "LETTERPRESS_CONFIG_DIR to a folder you can write to\n"
        )
    assert blocker.read_text(encoding="utf-8") == ""


def test_a_name_is_required_and_detail_options_need_me(settings: Path) -> None:
    done = run_cli("init", "--me", "--city", "Hamburg")
    assert done.stderr == (
        "letterpress: error: --name: missing: your name; give the name your "
        "letters are signed with\n"
    )
    other = run_cli("init", "thank-you", "--name", "Jonas")
    assert other.stderr == (
        "letterpress: error: --name: applies with --me only; add --me to store your details\n"
    )


def test_init_me_asks_when_no_option_is_given(settings: Path) -> None:
    answers = (
        "\n".join(
            [
                "Jonas Petersen",
                "DE",
                "Lindenallee 8",
                "22587",
                "Hamburg",
                "+49 40 1234 5678",
                "jonas@example.org",
                "",
                "",
                "",
            ]
        )
        + "\n"
    )
    done = run_cli("init", "--me", stdin=answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "Your details, for files without [sender] (Enter keeps the value in [brackets], - "
        "leaves it empty).\nYour name: Country (e.g. DE, US, Deutschland): Street and number: "
        "Postcode: Town or city: Phone (e.g. +49 40 1234 5678): E-mail: Language of your "
        "letters (e.g. en-GB, de-DE) [de-DE]: Layout (see letterpress layouts) [din5008-b]: "
        "Your time zone [Europe/Berlin]: Stored your details in "
    )
    me = tomllib.loads(settings.read_text(encoding="utf-8"))["me"]
    assert me["timezone"] == "Europe/Berlin" and me["phone"] == "+49 40 12345678"
    again = run_cli("init", "--me", stdin="\n\n\n\n\n-\n\nen-GB\n\n\n")  # keep all, drop phone
    assert again.returncode == 0, again.stderr
    assert "Your name [Jonas Petersen]: " in again.stdout
    me = tomllib.loads(settings.read_text(encoding="utf-8"))["me"]
    assert "phone" not in me and me["language"] == "en-GB" and me["city"] == "Hamburg"


def test_init_me_without_answers_is_one_line(settings: Path) -> None:
    done = run_cli("init", "--me", stdin="")
    assert done.returncode == 2
    assert done.stderr == (
        "letterpress: error: Your name: no answer; answer each question, or give your details "
        "as options: letterpress init --me --name ... (see letterpress init --help)\n"
    )
    wrong = run_cli("init", "--me", stdin="Jonas\nGermny\n")
    assert wrong.stderr == (
        "letterpress: error: Country: unknown country 'Germny'; did you mean 'Germany'?\n"
    )


def on_terminal(*answers: str) -> tuple[int, list[str]]:
    """Run ``letterpress init --me`` on a terminal (a pty), typing each answer when a
    question appears (``EOF``: Ctrl-D); its exit code and what the terminal showed, by line."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterpress", "init", "--me"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
    )
    os.close(slave)
    shown = b""

    def question() -> bool:
        """Read until the next question (or the end); whether one was asked."""
        nonlocal shown
        start, deadline = len(shown), time.monotonic() + 60
        while time.monotonic() < deadline:
            if not select.select([master], [], [], 0.1)[0]:
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the run is over
                return False
            if not chunk:
                return False
            shown += chunk
            if shown[start:].endswith(b": "):
                return True
        return False

    try:
        for answer in answers:
            assert question(), shown.decode()
            os.write(master, b"\x04" if answer == "EOF" else answer.encode() + b"\n")
        question()
        code = proc.wait(timeout=60)
    finally:
        os.close(master)
    return code, shown.decode().replace("\r\n", "\n").splitlines()


def test_init_me_on_a_terminal_asks_a_refused_answer_again(settings: Path) -> None:
    code, shown = on_terminal(
        "Jonas Petersen", "DE", "Lindenallee 8", "1234", "22587", "Hamburg", "", "", "", "", ""
    )
    assert code == 0, shown
    assert shown[4:8] == [
        "Postcode: 1234",
        "letterpress: error: Postcode: '1234' is not a valid postal code for Germany; "
        "e.g. 26133, 53225",
        "Postcode: 22587",
        "Town or city: Hamburg",
    ]
    me = tomllib.loads(settings.read_text(encoding="utf-8"))["me"]
    assert (me["postal_code"], me["city"]) == ("22587", "Hamburg")


def test_init_me_on_a_terminal_ends_on_ctrl_d_with_one_line(settings: Path) -> None:
    code, shown = on_terminal("Jonas Petersen", "DE", "Lindenallee 8", "1234", "EOF")
    assert code == 2
    assert shown[-2:] == [  # the error on a line of its own, not after the question
        "Postcode: ",
        "letterpress: error: Postcode: no answer; answer each question, or give your details "
        "as options: letterpress init --me --name ... (see letterpress init --help)",
    ]
    assert not settings.exists()


def test_piped_answers_stop_at_the_first_wrong_one(settings: Path) -> None:
    """Asked again, a wrong answer would take the next question's answer: piped answers
    stop there, in one line."""
    done = run_cli("init", "--me", stdin="Jonas\nDE\nLindenallee 8\n1234\nHamburg\n\n\n\n\n\n")
    assert done.returncode == 2
    assert done.stderr == (
        "letterpress: error: Postcode: '1234' is not a valid postal code for Germany; "
        "e.g. 26133, 53225\n"
    )
    assert done.stdout.endswith("Street and number: Postcode: ")  # nothing asked after it
    assert not settings.exists()


def test_config_shows_where_the_settings_are_and_what_they_hold(settings: Path) -> None:
    empty = run_cli("config")
    assert empty.stdout == (
        f"Settings file: {settings} (not created yet).\nNo sender stored: "
        "'letterpress init --me' stores yours, for files without [sender].\n"
    )
    assert run_cli("config", "--path").stdout == f"{settings}\n"
    run_cli("init", *ME)
    shown = run_cli("config")
    assert shown.stdout.startswith(f'Settings file: {settings}\n\n[me]\nname = "Jonas Petersen"\n')
    assert 'timezone = "Europe/Berlin"' in shown.stdout


def test_a_letter_without_sender_uses_the_stored_one(settings: Path, write_letter) -> None:  # type: ignore[no-untyped-def]
    import pdfplumber

    run_cli("init", *ME)
    path = write_letter(no_sender())
    done = run_cli("letter", str(path), "-o", str(path.with_suffix(".pdf")))
    assert done.returncode == 0, done.stderr
    assert "layout din5008-b" in done.stdout
    with pdfplumber.open(path.with_suffix(".pdf")) as pdf:
        text = pdf.pages[0].extract_text()
    assert text.startswith(
        "Jonas Petersen\nLindenallee 8 · 22587 Hamburg\n+49 40 12345678 · jonas@example.org"
    )
    assert "26. November 2026" in text  # the stored language, German


def test_a_files_own_sender_wins(settings: Path, write_letter) -> None:  # type: ignore[no-untyped-def]
    from letterpress.letter import render_letter

    run_cli("init", *ME)
    result = render_letter(letter(sender={"name": "Alex Example", **HOME_RECIPIENTS["DE"]}))
    text = " ".join(page_text(result.pdf).split())
    assert "Alex Example" in text and "Jonas Petersen" not in text
    assert "26 November 2026" in text  # the file's own language, en-GB


def page_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_without_stored_details_a_missing_sender_is_still_an_error(
    settings: Path, write_letter
) -> None:  # type: ignore[no-untyped-def]
    path = write_letter(no_sender())
    done = run_cli("letter", str(path))
    assert done.returncode == 2
    assert done.stderr == (
        f"letterpress: error: {path}: missing table [sender]; add a [sender] "
        "table with name and address\n"
    )


def test_call_envelope_and_batch_use_the_stored_sender(settings: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    run_cli("init", *ME)
    call = tmp_path / "call.toml"
    call.write_text(
        '[recipient]\nname = "Herr Tom Brandt"\norganization = "Nordlicht"\n'
        'street = "Hafenstraße 12"\npostal_code = "20457"\ncity = "Hamburg"\n'
        '[call]\nphone = "+49 341 1234567"\nbest_time = "09:00-11:00"\n'
        "call_on = 2026-11-27\n",
        encoding="utf-8",
    )
    done = run_cli("call", str(call), "-o", str(tmp_path / "call.pdf"))
    assert done.returncode == 0, done.stderr
    text = " ".join(page_text((tmp_path / "call.pdf").read_bytes()).split())
    assert "Guten Tag, Herr Brandt, hier spricht Jonas Petersen." in text
    assert "Sie erreichen mich unter +49 40 12345678." in text
    envelope = run_cli("envelope", str(call), "-o", str(tmp_path / "env.pdf"))
    assert envelope.returncode == 0, envelope.stderr
    env_text = page_text((tmp_path / "env.pdf").read_bytes())
    assert "Jonas Petersen" in env_text and "Lindenallee 8" in env_text
    template = tmp_path / "tpl.toml"
    template.write_text(
        'subject = "Einladung"\nbody = "Hallo {{ row.name }}."\n'
        '[recipient]\nname = "{{ row.name }}"\nstreet = "Hafenstraße 12"\n'
        'postal_code = "20457"\ncity = "Hamburg"\n',
        encoding="utf-8",
    )
    rows = tmp_path / "rows.csv"
    rows.write_text("name\nMei Lee\nTom Berg\n", encoding="utf-8")
    batch = run_cli("batch", str(template), str(rows), "-o", str(tmp_path / "m.pdf"), "--jobs", "1")
    assert batch.returncode == 0, batch.stderr
    reader = PdfReader(tmp_path / "m.pdf")
    assert all(p.extract_text().startswith("Jonas Petersen") for p in reader.pages)
    assert [item.title for item in reader.outline] == [
        "Zeile 2: Brief an Mei Lee",
        "Zeile 3: Brief an Tom Berg",
    ]
    assert (
        batch.stdout.splitlines()[0]
        == f"Geschrieben: {tmp_path / 'm.pdf'}: 2 Dokumente aus 2 Zeilen (2 Seiten); 0 Zeilen "
        "fehlgeschlagen."
    )


# Starters for a language and country.


@pytest.mark.parametrize(
    ("tag", "layout", "language", "country"),
    [
        ("en-US", "us-letter-10", "en-US", "US"),
        ("de-CH", "ch-left", "de-CH", "CH"),
        ("fr-FR", "fr-right", "fr-FR", "FR"),
        ("de-AT", "din5008-b", "de-AT", "AT"),
        ("en", "uk-dl", "en-GB", "GB"),
        ("en-IE", "uk-dl", "en-IE", "IE"),
        ("fr-CA", "us-letter-10", "fr-CA", "CA"),
    ],
)
def test_starters_follow_language_and_country(
    tag: str, layout: str, language: str, country: str, settings: Path, tmp_path: Path
) -> None:
    out = tmp_path / "s.toml"
    done = run_cli("init", "--language", tag, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Wrote {out} ({layout}).")
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert (
        data["layout"],
        data["language"],
        data["sender"]["country"],
        data["recipient"]["country"],
    ) == (layout, language, country, country)


def test_us_starter_asks_for_a_state_and_a_zip_code_and_renders_on_us_letter(
    settings: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from letterpress.letter import render_letter

    out = tmp_path / "us.toml"
    run_cli("init", "follow-up", "--language", "en-US", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert (
        'postal_code = "[ZIP code]"\ncity = "[Town]"\nregion = "[State, e.g. IL]"\n'
        'country = "US"' in text
    )
    assert "carrier =" not in text  # the national carrier of the sender's country: USPS
    data = tomllib.loads(text)
    data["sender"] = {"name": "Dana Whitfield", "country": "US", **HOME_RECIPIENTS["US"]}
    data["recipient"] = {"name": "Mei Lee", "country": "US", **HOME_RECIPIENTS["US"]}
    data.update(
        subject="Thank you",
        body="Thank you for Tuesday.",
        place="Chicago",
        opening="Dear Ms Lee,",
        date="2026-11-26",
    )
    result = render_letter(data, tmp_path / "us.pdf")
    assert result.pages == 1
    box = PdfReader(tmp_path / "us.pdf").pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612.0, 792.0)
    assert "November 26, 2026" in page_text((tmp_path / "us.pdf").read_bytes())


def test_the_call_starter_shows_a_number_of_its_country(settings: Path) -> None:
    done = run_cli("init", "call", "--language", "en-US", "-o", "-")
    assert done.returncode == 0
    assert 'phone = "[Their number, e.g. +1 201-555-0123]"' in done.stdout
    assert 'layout = "us-letter-10"' in done.stdout


def test_layout_option_picks_another(settings: Path) -> None:
    done = run_cli("init", "--language", "de", "--layout", "din5008-a", "-o", "-")
    assert tomllib.loads(done.stdout)["layout"] == "din5008-a"
    wrong = run_cli("init", "--layout", "din5008-c", "-o", "-")
    assert wrong.stderr == (
        "letterpress: error: --layout: unknown layout 'din5008-c'; did you mean 'din5008-b'?\n"
    )


@pytest.mark.parametrize(
    ("tag", "line"),
    [
        (
            "es",
            "--language: no starter in 'es'; use en, de or fr, with a country if you like: "
            "en-US, de-CH, fr-FR",
        ),
        (
            "en-XX",
            "--language: unknown country 'XX' in 'en-XX'; give the country's ISO code: "
            "en-GB, en-US, de-CH, fr-FR",
        ),
    ],
)
def test_a_language_without_starters_is_one_line(tag: str, line: str, settings: Path) -> None:
    done = run_cli("init", "--language", tag, "-o", "-")
    assert done.returncode == 2
    assert done.stderr == f"letterpress: error: {line}\n"


def test_with_stored_details_starters_leave_sender_out_and_speak_your_language(
    settings: Path,
) -> None:
    run_cli("init", *ME)
    done = run_cli("init", "-o", "-")
    data = tomllib.loads(done.stdout)
    assert "sender" not in data
    assert (data["language"], data["layout"], data["recipient"]["country"]) == (
        "de-DE",
        "din5008-b",
        "DE",
    )
    assert (
        "# [sender]: Ihre gespeicherten Angaben werden verwendet (siehe `letterpress "
        "config`); eine eigene [sender]-Tabelle gilt stattdessen." in done.stdout
    )


# The call sheet's "your time".

CALL = {
    "language": "en-GB",
    "sender": {"name": "Jonas Petersen", "country": "DE", "phone": "+49 341 1234567"},
    "recipient": {"name": "Ms Dana Whitfield", "organization": "Lakeside Analytics"},
    "call": {"phone": "+1 312 555 0147", "best_time": "09:00-11:00", "call_on": "2026-11-27"},
}


def call_line(tmp_path: Path, data: dict[str, object], **env: str) -> str:
    import os
    import subprocess
    import sys

    path = tmp_path / "call.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "letterpress", "call", str(path), "-o", str(tmp_path / "call.pdf")],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1]


def test_your_time_from_the_sender_phone_then_country_then_computer(
    settings: Path, tmp_path: Path
) -> None:
    assert (
        call_line(tmp_path, CALL, TZ="UTC")
        == "Your time: Europe/Berlin, from your phone number +49 341 1234567."
    )
    no_phone = {**CALL, "sender": {"name": "Jonas Petersen", "country": "FR"}}
    assert (
        call_line(tmp_path, no_phone, TZ="UTC") == "Your time: Europe/Paris, from your "
        "country (FR)."
    )
    us = {**CALL, "sender": {"name": "Jonas Petersen", "country": "US"}}
    assert (
        call_line(tmp_path, us, TZ="Asia/Tokyo")
        == "Your time: Asia/Tokyo, from this computer's setting."
    )
    assert (
        call_line(tmp_path, CALL, LETTERPRESS_TZ="America/Denver")
        == "Your time: America/Denver, from $LETTERPRESS_TZ."
    )
    in_file = {**CALL, "call": {**CALL["call"], "caller_timezone": "Europe/London"}}  # type: ignore[dict-item]
    assert (
        call_line(tmp_path, in_file)
        == "Your time: Europe/London, from call.caller_timezone in the file."
    )


def test_your_time_from_the_stored_profile_first(settings: Path, tmp_path: Path) -> None:
    run_cli("init", *ME, "--timezone", "Asia/Tokyo")
    assert call_line(tmp_path, CALL, TZ="UTC") == "Your time: Asia/Tokyo, from your stored profile."
    text = " ".join(page_text((tmp_path / "call.pdf").read_bytes()).split())
    assert "00:00–02:00" in text and "Asia/Tokyo · JST · next day" in text  # 09:00 CST


def test_a_follow_up_without_sender_is_advised_and_signed_with_the_stored_one(
    settings: Path, tmp_path: Path, write_letter
) -> None:  # type: ignore[no-untyped-def]
    from email import policy
    from email.parser import BytesParser

    run_cli("init", *ME)
    data = no_sender()
    data["interview"] = {
        "date": "2026-11-24T10:00",
        "process": "email",
        "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
    }
    path = write_letter(data, "follow.json")
    done = run_cli(
        "advise", str(path), "--now", "2026-11-24T15:00", "--write", str(tmp_path / "out")
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Empfohlen: E-Mail\n")  # the stored language, German
    with (tmp_path / "out" / "follow-email.eml").open("rb") as handle:
        msg = BytesParser(policy=policy.default).parse(handle)
    assert (msg["From"].addresses[0].display_name, msg["From"].addresses[0].addr_spec) == (
        "Jonas Petersen",
        "jonas@example.org",
    )
    assert (
        msg.get_body(("plain",)).get_content().rstrip().endswith("Jonas Petersen\n+49 40 12345678")
    )
