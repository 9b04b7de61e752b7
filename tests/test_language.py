"""The one long-date function and the one wording loader every document uses."""

from __future__ import annotations

from datetime import date

import pytest

from letterpress.language.dates import long_date


@pytest.mark.parametrize(
    ("day", "locale", "pattern", "skeleton", "text"),
    [
        (date(2026, 12, 1), "fr", "long", "", "1er décembre 2026"),
        (date(2026, 12, 11), "fr", "long", "", "11 décembre 2026"),
        (date(2026, 12, 1), "en_GB", "long", "", "1 December 2026"),
        (date(2026, 12, 1), "de", "long", "", "1. Dezember 2026"),
        (date(2026, 12, 1), "fr", "EEEE d MMMM", "", "mardi 1er décembre"),
        (date(2026, 12, 1), "fr", "long", "yMMMEd", "mar. 1er déc. 2026"),
        (date(2026, 12, 1), "en_US", "long", "yMMMEd", "Tue, Dec 1, 2026"),
    ],
)
def test_long_date_writes_the_first_of_the_month_as_french_does(
    day: date, locale: str, pattern: str, skeleton: str, text: str
) -> None:
    assert long_date(day, locale, pattern, skeleton=skeleton) == text


def test_load_wording_merges_a_language_over_english_table_by_table(tmp_path) -> None:
    from letterpress.language.wording import load_wording

    (tmp_path / "en.toml").write_text(
        'hello = "Hello"\nbye = "Bye"\n[labels]\na = "A"\nb = "B"\n', encoding="utf-8"
    )
    (tmp_path / "de.toml").write_text('hello = "Hallo"\n[labels]\nb = "Be"\n', encoding="utf-8")
    assert load_wording(tmp_path, "de") == {
        "hello": "Hallo",
        "bye": "Bye",
        "labels": {"a": "A", "b": "Be"},
    }
    assert (
        load_wording(tmp_path, "xx")
        == load_wording(tmp_path, "en")
        == {"hello": "Hello", "bye": "Bye", "labels": {"a": "A", "b": "B"}}
    )


def test_the_letter_wording_ships_beside_the_letter_engine() -> None:
    from letterpress.language import resolve_language

    assert resolve_language("de").word("enclosures") != resolve_language("en").word("enclosures")
    assert resolve_language("pt").words == resolve_language("en").words  # no file: English
