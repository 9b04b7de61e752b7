"""Countries as spreadsheets and letter files hold them: codes, names in many languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
        ("Korea, Republic of", "KR"),
        ("Viet Nam", "VN"),
        ("U.A.E.", "AE"),
        ("P.R. China", "CN"),
        ("PRC", "CN"),
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


def test_names_read_back_from_the_cache_folder_give_the_same_codes(tmp_path: Path) -> None:
    """The table is built from CLDR once and kept in the cache folder in groups by first
    character; a process that reads it back finds the same codes and suggestions, and decodes
    only the groups it looks in."""
    code = (
        "from letterpress import countries as c; "
        "found = [c.country_code(t) for t in ('Deutschland', 'U.S.A.', '日本', 'xx', '')]; "
        "decoded = ''.join(sorted({name[:1] for name in c._kept()[0].decoded})); "
        "print(found, c.suggestion('Germny'), decoded)"
    )
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)  # built and kept, then read back
    ]
    assert runs[0] == runs[1]
    found, decoded = runs[0].rsplit(" ", 1)
    assert found == "['DE', 'US', 'JP', None, None] Germany"
    assert decoded.strip() == "dux日"  # the groups looked in, no others
    assert list(tmp_path.glob("countries*.marshal"))


# A mail-merge template whose recipient comes from the row's columns.
TEMPLATE = (
    'layout = "din5008-b"\nlanguage = "en-GB"\ndate = 2026-11-26\nsubject = "S"\n'
    'opening = "Hello,"\nbody = "B"\nclosing = "Bye"\n[sender]\nname = "Careers"\n'
    'street = "Lindenallee 8"\npostal_code = "22587"\ncity = "Hamburg"\ncountry = "DE"\n'
    '[recipient]\nname = "{{ row.name }}"\nstreet = "{{ row.street }}"\n'
    'postal_code = "{{ row.postcode }}"\ncity = "{{ row.city }}"\n'
    'country = "{{ row.country }}"\n'
)


def _merge(tmp_path: Path, rows: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``letterpress batch`` of TEMPLATE over the CSV ``rows`` (name, street, postcode, city,
    country), as a user runs it."""
    data = tmp_path / "d.csv"
    data.write_text("name,street,postcode,city,country\n" + rows, encoding="utf-8")
    template = tmp_path / "t.toml"
    template.write_text(TEMPLATE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "letterpress", "batch", str(template), str(data), "-o", "m.pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path), "LETTERPRESS_CACHE_DIR": str(tmp_path)},
    )
    return data, done


def test_countries_as_a_spreadsheet_writes_them_reach_their_letters(tmp_path: Path) -> None:
    """Rows to Hong Kong, "UAE" (suggested as Ukraine's UA), "Republic of Ireland" and
    "Macao" failed as unknown countries."""
    _, done = _merge(
        tmp_path,
        "Chan Tai Man,88 Nathan Road,,Tsim Sha Tsui,Hong Kong\n"
        "Ahmed Al Mansoori,PO Box 12345,,Dubai,UAE\n"
        "Mary Byrne,Main Street,,Skibbereen,Republic of Ireland\n"
        "Ana Lopes,Rua 1,,Macau,Macao\n",
    )
    assert "unknown country" not in done.stderr
    assert "Wrote m.pdf: 4 documents from 4 rows (4 pages); 0 rows failed." in done.stdout


def test_iso_alpha_3_codes_are_countries_and_never_near_misses_of_two_letters(
    tmp_path: Path,
) -> None:
    """An export writing ISO 3166-1 alpha-3 codes failed every row, with a wrong suggestion
    ("AUT": did you mean AU, Australia; "IRL": IR, Iran); a short unknown text was taken for
    a two-letter code ("Ger": GR, Greece)."""
    data, done = _merge(
        tmp_path,
        "Lea Gruber,Ring 1,1010,Wien,AUT\n"
        "Mary Byrne,Main Street,,Skibbereen,IRL\n"
        "Hans Weber,Hafen 3,20457,Hamburg,Ger\n",
    )
    assert done.stderr.splitlines() == [
        f"letterpress: error: {data}, row 4, column 'country' (recipient.country): unknown "
        "country 'Ger'; write the country's name or its two-letter ISO code (DE, AT, CH, GB, US)"
    ]
    assert "Wrote m.pdf: 2 documents from 3 rows (2 pages); 1 row failed." in done.stdout
