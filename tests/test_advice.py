"""The advice's wording files, the [interview] table's errors and the one date parser. The
channel-choice scenarios (email, post against real holidays, phone, card, the 24-hour rule, what
to do today, wording in en, de and fr) are data: tests/cases/advice/*.toml."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ROOT, letter

from letterpress.advice import load_followup
from letterpress.errors import UserError


def follow_up(interview: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = letter(**changes)
    data["interview"] = interview
    return data


@pytest.mark.parametrize("language", ["de", "fr"])
def test_wording_files_have_the_english_keys_and_fields(language: str) -> None:
    import string
    import tomllib

    folder = ROOT / "letterpress" / "advice" / "wording"
    english = tomllib.loads((folder / "en.toml").read_text(encoding="utf-8"))
    own = tomllib.loads((folder / f"{language}.toml").read_text(encoding="utf-8"))

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for section, value in english.items():
        assert section in own, section
        if isinstance(value, dict):
            assert set(own[section]) == set(value), section
            for key, text in value.items():
                assert fields(own[section][key]) == fields(text), (section, key)
    assert set(own) == set(english)


def test_french_wording_keeps_french_spacing() -> None:
    import re

    text = (ROOT / "letterpress" / "advice" / "wording" / "fr.toml").read_text(encoding="utf-8")
    strings = re.findall(r'^\w+ = "(.*)"', text, flags=re.M)
    assert strings
    for value in strings:
        assert not re.search(r"[ \u00a0][;?!]| [:;?!]|\u202f:", value), value


@pytest.mark.parametrize(
    "interview, needle",
    [
        ({"process": "email"}, "interview.date: missing field"),
        ({"date": "soon"}, "interview.date: 'soon' is not a date and time"),
        ({"date": "2026-11-24T10:00", "process": "fax"}, "unknown process 'fax'"),
        ({"date": "2026-11-24T10:00", "decison_by": "2026-12-01"}, "did you mean 'decision_by'?"),
        (
            {"date": "2026-11-24T10:00", "hr_contact": {"name": "A", "mail": "a@x"}},
            "interview.hr_contact.mail",
        ),
        (
            {"date": "2026-11-24T10:00", "hr_contact": {"email": "not an address"}},
            "is not an email address",
        ),
        ({"date": "2026-11-24T10:00", "involved": "Tom"}, "interview.involved: must be a list"),
        ({"date": "2026-11-24T10:00", "in_person": "yes"}, "must be true or false"),
    ],
)
def test_interview_table_errors_name_the_field(interview: dict[str, Any], needle: str) -> None:
    with pytest.raises(UserError) as exc:
        load_followup(follow_up(interview))
    assert needle in exc.value.line()


def test_missing_interview_table() -> None:
    with pytest.raises(UserError, match=r"missing table \[interview\]"):
        load_followup(letter())


def test_one_reading_of_dates_with_times_everywhere() -> None:
    """The interview's date, --now, --posted and [mailing] posted share one parser: the same
    forms are accepted, a date alone means the same moment whether quoted or not."""
    from datetime import date, datetime, time

    from letterpress.delivery.mailing import parse_posted
    from letterpress.fields import parse_moment

    noon = time(12, 0)
    assert (
        parse_moment(date(2026, 12, 22), "x", date_alone_at=noon)
        == parse_moment("2026-12-22", "x", date_alone_at=noon)
        == (datetime(2026, 12, 22, 12), False)
    )
    for text in ("2026-12-22T18:00", "2026-12-22 18:00", "2026-12-22T18:00:00+01:00"):
        assert parse_moment(text, "x") == (datetime(2026, 12, 22, 18), True)
        assert parse_posted(text, where="posted") == datetime(2026, 12, 22, 18)
    for bad in ("2026-12-22", "22.12.2026 18:00", "tomorrow", 20261222):
        with pytest.raises(UserError) as exc:
            parse_moment(bad, "--now")
        assert exc.value.line().startswith(f"--now: {bad!r} is not a date and time")
        assert "2026-12-22T10:00" in exc.value.line()
    interview = load_followup(follow_up({"date": "2026-11-24"})).interview
    assert (interview.when, interview.time_given) == (datetime(2026, 11, 24, 12), False)
