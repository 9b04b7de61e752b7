"""Countries as spreadsheets and letter files hold them: codes, names in many languages."""

from __future__ import annotations

import pytest

from letterpress.countries import country_code, suggestion


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("DE", "DE"),
        ("de", "DE"),
        ("Deutschland", "DE"),
        ("Österreich", "AT"),
        ("Schweiz", "CH"),
        ("United Kingdom", "GB"),
        ("UK", "GB"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("Vereinigte Staaten", "US"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("España", "ES"),
        ("Россия", "RU"),
        ("日本", "JP"),
        ("Czech Republic", "CZ"),
        ("  france ", "FR"),
    ],
)
def test_known_codes_and_names(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["xx", "XX", "ZZ", "Atlantis", "EU", ""])
def test_unknown_ones_are_none(text: str) -> None:
    assert country_code(text) is None


def test_a_misspelt_name_gets_a_suggestion() -> None:
    assert suggestion("Germny") == "Germany"  # as the name is written, not as compared
    assert suggestion("Deutschlnd") == "Deutschland"
    assert suggestion("Östereich") == "Österreich"
    assert suggestion("Narnia") is None  # not the nearest spelling of some country's name
    assert suggestion("qqqqqq") is None
