"""Call-sheet building blocks: phone formats, time windows across DST, voicemail length, wording."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from test_call_support import BERLIN, MINIMAL, TYPICAL, data

from letterpress.callsheet.model import parse_call
from letterpress.callsheet.phone import parse_phone
from letterpress.callsheet.script import resolve
from letterpress.callsheet.timewindow import guess_zone, local_zone, parse_window
from letterpress.callsheet.voicemail import spoken_seconds, too_long, word_count
from letterpress.callsheet.wording import available, wording
from letterpress.errors import UserError
from letterpress.source import load_source

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    "text, region, international, national, e164, zone",
    [
        (
            "+49 89 12345670",
            "",
            "+49 89 12345670",
            "089 12345670",
            "+498912345670",
            "Europe/Berlin",
        ),
        ("089 12345670", "DE", "+49 89 12345670", "089 12345670", "+498912345670", "Europe/Berlin"),
        (
            "(212) 555-0100",
            "US",
            "+1 212-555-0100",
            "(212) 555-0100",
            "+12125550100",
            "America/New_York",
        ),
        (
            "+44 20 7946 0018",
            "DE",
            "+44 20 7946 0018",
            "020 7946 0018",
            "+442079460018",
            "Europe/London",
        ),
        (
            "01 42 68 53 00",
            "FR",
            "+33 1 42 68 53 00",
            "01 42 68 53 00",
            "+33142685300",
            "Europe/Paris",
        ),
        ("+81 3-1234-5678", "", "+81 3-1234-5678", "03-1234-5678", "+81312345678", "Asia/Tokyo"),
        (
            "044 668 18 00",
            "CH",
            "+41 44 668 18 00",
            "044 668 18 00",
            "+41446681800",
            "Europe/Zurich",
        ),
    ],
)
def test_number_formats_by_country(
    text: str, region: str, international: str, national: str, e164: str, zone: str
) -> None:
    phone = parse_phone(text, default_region=region)
    assert (phone.international, phone.national, phone.e164) == (international, national, e164)
    assert phone.tel_uri == f"tel:{e164}"
    assert phone.zones == (zone,)


@pytest.mark.parametrize(
    "text, region", [("12345", "DE"), ("not a number", "DE"), ("089 1234567", ""), ("+49 1", "")]
)
def test_bad_numbers_are_user_errors(text: str, region: str) -> None:
    with pytest.raises(UserError) as err:
        parse_phone(text, default_region=region, where="f.toml, call.phone")
    assert err.value.where == "f.toml, call.phone" and "\n" not in err.value.line()


@pytest.mark.parametrize(
    "day, berlin_start",
    [
        (date(2026, 2, 20), "16:30"),  # both on standard time: 7 hours apart
        (date(2026, 3, 20), "15:30"),  # Chicago already on DST (8 March), Berlin not yet: 6 hours
        (date(2026, 3, 30), "16:30"),  # both on summer time (Berlin changed 29 March): 7 hours
        (date(2026, 10, 30), "15:30"),  # Berlin back on winter time (25 Oct), Chicago not (1 Nov)
    ],
)
def test_window_conversion_across_dst(day: date, berlin_start: str) -> None:
    window = parse_window("09:30-11:00", day, CHICAGO, "call.best_time")
    mine = window.to(BERLIN)
    assert mine.start.strftime("%H:%M") == berlin_start
    assert mine.end - mine.start == timedelta(minutes=90)
    assert mine.day_shift(day) == 0


def test_window_spanning_the_spring_forward_night_is_an_hour_shorter() -> None:
    window = parse_window("01:00-04:00", date(2026, 3, 29), BERLIN, "w")
    utc = window.to(ZoneInfo("UTC"))
    assert (utc.start.hour, utc.end.hour) == (0, 2)
    assert window.end.tzname() == "CEST" and window.start.tzname() == "CET"


def test_window_over_midnight_and_previous_day() -> None:
    window = parse_window("22:00-01:00", date(2026, 11, 26), BERLIN, "w")
    assert window.end - window.start == timedelta(hours=3)
    sydney = parse_window("09:00-10:00", date(2026, 11, 26), ZoneInfo("Australia/Sydney"), "w")
    assert sydney.to(BERLIN).day_shift(date(2026, 11, 26)) == -1
    assert sydney.to(BERLIN).start.strftime("%H:%M") == "23:00"


@pytest.mark.parametrize(
    "text", ["2-4", "13pm-2pm", "09:00", "25:00-26:00", "09:00-09:00", "nine to five"]
)
def test_bad_windows(text: str) -> None:
    with pytest.raises(UserError):
        parse_window(text, date(2026, 11, 26), BERLIN, "f.toml, call.best_time")


def test_zone_guess_needs_one_offset() -> None:
    assert guess_zone(("Europe/Berlin",), date(2026, 1, 1)) == BERLIN
    toll_free = parse_phone("+1 800 555 0100").zones
    assert len(toll_free) > 1 and guess_zone(toll_free, date(2026, 1, 1)) is None


def test_ambiguous_zone_with_best_time_asks_for_timezone() -> None:
    src = load_source(data(MINIMAL, phone="+1 800 555 0100", best_time="09:00-10:00"))
    with pytest.raises(UserError) as err:
        resolve(parse_call(src), today=date(2026, 1, 5), caller_zone=BERLIN)
    assert "timezone" in err.value.hint
    ok = load_source(
        data(MINIMAL, phone="+1 800 555 0100", best_time="09:00-10:00", timezone="America/Denver")
    )
    sheet = resolve(parse_call(ok), today=date(2026, 1, 5), caller_zone=BERLIN)
    assert sheet.when[1].value == "5:00\u202fPM\u20136:00\u202fPM" or "17:00" in sheet.when[1].value


def test_local_zone_honours_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LETTERPRESS_TZ", "Asia/Tokyo")
    assert local_zone() == ZoneInfo("Asia/Tokyo")
    monkeypatch.setenv("LETTERPRESS_TZ", "Mars/Olympus")
    with pytest.raises(UserError):
        local_zone()


def test_voicemail_length() -> None:
    assert word_count("Hello Ms Lee, this is Jonas. Call me on +49 40 1234 5678.") == 13
    assert spoken_seconds(" ".join(["word"] * 75)) == 30 and not too_long(30)
    assert spoken_seconds(" ".join(["word"] * 76)) == 31 and too_long(31)


@pytest.mark.parametrize("code", ["de", "fr"])
def test_wording_files_have_the_same_keys(code: str) -> None:
    assert {"en", "de", "fr"} <= set(available())
    en = wording("en")
    for table in ("labels", "defaults", "reminders"):
        own = set(
            __import__("tomllib").loads(
                (
                    __import__("importlib").resources.files("letterpress.callsheet")
                    / "text"
                    / f"{code}.toml"
                ).read_text(encoding="utf-8")
            )[table]
        )
        assert own == set(en[table]), table
    assert wording("de")["labels"]["notes"] == "Notizen" and wording("xx") is en
    assert wording("fr")["labels"]["call_on"] == "Appeler le"


def _sheet(source: dict, **kw):  # type: ignore[no-untyped-def]
    return resolve(
        parse_call(load_source(source)), today=date(2026, 11, 25), caller_zone=BERLIN, **kw
    )


def test_defaults_in_english() -> None:
    sheet = _sheet(TYPICAL)
    assert sheet.opening.startswith("Hello Ms Lee, this is Jonas Petersen.")
    assert (
        sheet.closing == "Thank you for your time, Ms Lee. I look forward to hearing from "
        "you. Goodbye."
    )
    assert sheet.voicemail.startswith("Hello Ms Lee, this is Jonas Petersen.")
    assert sheet.purpose.startswith("Thank Ms Mei Lee,")
    assert "interview for the Data Analyst position on 24 November 2026" in sheet.opening
    assert any("how reporting and the spring project share the week" in p for p in sheet.points)
    assert any("timeline" in q for q in sheet.questions)
    assert any("next steps" in q for q in sheet.questions)
    assert "organised" in sheet.feedback
    # the callback number is kept on one line with no-break spaces
    assert "+49\u00a040\u00a012345678" in sheet.voicemail and not sheet.voicemail_too_long
    assert any("pay" in r for r in sheet.reminders)
    assert sheet.role_line == "Human Resources  ·  Nordlicht Logistik GmbH"


def test_defaults_in_german() -> None:
    sheet = _sheet(
        {**TYPICAL, "language": "de"}
        | {
            "call": {
                **TYPICAL["call"],
                "clarified": "die Aufteilung zwischen Reporting und Projekt",
            }
        }
    )
    assert sheet.opening.startswith("Guten Tag, Frau Lee, hier spricht Jonas Petersen.")
    assert sheet.closing.startswith("Vielen Dank für Ihre Zeit, Frau Lee.")
    assert "Vorstellungsgespräch am 24. November 2026 zur Stelle als Data Analyst" in sheet.opening
    assert (
        "Gut, dass wir die Aufteilung zwischen Reporting und Projekt klären konnten."
        in sheet.points
    )
    assert any("Zeitplan" in q for q in sheet.questions)
    assert any("Gehalt" in r for r in sheet.reminders)
    assert sheet.labels["their_time"] == "Dort" and sheet.when[0].value == "09:00\u201311:00"


def test_defaults_in_french() -> None:
    sheet = _sheet({**TYPICAL, "language": "fr"})
    assert sheet.opening.startswith("Bonjour Madame Lee, ici Jonas Petersen.")
    assert "l'entretien du 24 novembre 2026 pour le poste de Data Analyst" in sheet.opening
    assert sheet.opening.endswith("m'accorder\u202f?")  # French spacing, unbreakable
    assert any("calendrier" in q for q in sheet.questions)
    assert any("salaire" in r for r in sheet.reminders)
    assert not any("wording" in w.line() for w in sheet.warnings)


def test_interview_date_from_interview_table_and_fallback_language() -> None:
    source = {**MINIMAL, "language": "nl", "interview": {"date": datetime(2026, 11, 24, 10)}}
    sheet = _sheet(source)
    assert "November 24, 2026" in sheet.opening or "24 November 2026" in sheet.opening
    assert any("wording" in w.line() for w in sheet.warnings)


def test_empty_fields_leave_parts_out_and_absent_ones_default() -> None:
    sheet = _sheet(data(MINIMAL, feedback="", points=[], if_asked=[]))
    assert sheet.feedback == "" and sheet.points == () and sheet.if_asked == ()
    assert sheet.questions and sheet.closing


def test_if_asked_as_table_or_list() -> None:
    table = _sheet(data(MINIMAL, if_asked={"Salary?": "Later, please."}))
    listed = _sheet(data(MINIMAL, if_asked=[{"question": "Salary?", "answer": "Later, please."}]))
    assert table.if_asked == listed.if_asked and table.if_asked[0].answer == "Later, please."
    with pytest.raises(UserError):
        _sheet(data(MINIMAL, if_asked=[{"question": "Salary?"}]))


@pytest.mark.parametrize(
    "call, where",
    [
        ({"phone": None}, "call.phone"),
        ({"phne": "1"}, "call.phne"),
        ({"timezone": "Europe/Hamburg"}, "call.timezone"),
        ({"call_on": "26.11.2026"}, "call.call_on"),
        ({"points": "one"}, None),
    ],
)
def test_field_errors_name_the_field(call: dict, where: str | None) -> None:
    source = data(MINIMAL, **call)
    source["call"] = {k: v for k, v in source["call"].items() if v is not None}
    if where is None:  # a single string is accepted as a one-item list
        assert _sheet(source).points == ("one",)
        return
    with pytest.raises(UserError) as err:
        _sheet(source)
    assert err.value.where.endswith(where)


def test_voicemail_warning() -> None:
    sheet = _sheet(data(MINIMAL, voicemail=" ".join(["word"] * 90)))
    assert sheet.voicemail_seconds == 36 and sheet.voicemail_too_long
    assert any("voicemail" in w.line() for w in sheet.warnings)


def test_same_zone_shows_one_time() -> None:
    sheet = _sheet(data(MINIMAL, best_time="09:00-11:00", call_on="2026-11-26"))
    labels = [cell.label for cell in sheet.when]
    assert labels == ["Their time", "Call on"] and "same as yours" in sheet.when[0].note


def test_caller_zone_and_dates_in_when_row() -> None:
    sheet = _sheet(TYPICAL)
    assert [c.value for c in sheet.when] == [
        "09:00\u201311:00",
        "03:00\u201305:00",
        "Thu, 26 Nov 2026",
    ]
    assert sheet.when[1].note == "America/New York · EST"
    assert sheet.window and sheet.window.start.astimezone(UTC).hour == 8


def test_opening_without_the_name_warns() -> None:
    assert not _sheet(data(MINIMAL, opening="Hello, Ms Lee here is Jonas.")).warnings
    warned = _sheet(data(MINIMAL, opening="Hello, this is Jonas."))
    assert any("name" in w.line() for w in warned.warnings)
