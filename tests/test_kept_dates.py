"""Long dates kept in the cache folder for a single letter's next run: exactly what Babel
writes, read back without loading the locale's data, the newest few kept, and a batch that
leaves the folder alone."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel import Locale

from letterpress.language import resolve_language
from letterpress.language.dates import KEPT_DATES, kept_long_date, long_date
from letterpress.letter.context import RenderContext


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LETTERPRESS_CACHE_DIR", str(folder))
    return folder


def _kept(cache: Path) -> dict[str, str]:
    stamp, table = marshal.loads((cache / "long-dates.marshal").read_bytes())
    assert isinstance(table, dict)
    return table


@pytest.mark.parametrize("tag", ["en_GB", "de_DE", "fr_FR", "de_CH", "ja_JP", "sr_Latn_RS"])
def test_a_kept_date_is_babels_built_and_read_back(cache: Path, tag: str) -> None:
    locale = Locale.parse(tag)
    for day in (date(2026, 11, 26), date(2026, 12, 1), date(2027, 1, 1)):
        expected = long_date(day, locale)
        assert kept_long_date(day, locale) == expected  # written
        assert _kept(cache)[f"{tag} {day.isoformat()}"] == expected
        assert kept_long_date(day, locale) == expected  # read back
    assert kept_long_date(date(2026, 12, 1), Locale.parse("fr_FR")) == "1er décembre 2026"


def test_a_kept_date_is_what_the_table_holds_and_only_the_newest_are_kept(cache: Path) -> None:
    locale = Locale.parse("de_DE")
    kept_long_date(date(2026, 11, 26), locale)
    path = cache / "long-dates.marshal"
    stamp, table = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((stamp, {"de_DE 2026-11-26": "read from the table"})))
    assert kept_long_date(date(2026, 11, 26), locale) == "read from the table"
    path.write_bytes(marshal.dumps((["another Babel"], {"de_DE 2026-11-26": "stale"})))
    assert kept_long_date(date(2026, 11, 26), locale) == "26. November 2026"
    for offset in range(KEPT_DATES + 5):
        kept_long_date(date(2026, 1, 1 + offset % 28).replace(month=1 + offset // 28), locale)
    table = _kept(cache)
    assert len(table) == KEPT_DATES
    assert list(table)[-1] == f"de_DE {date(2026, 2, 9).isoformat()}"  # the newest last


def test_a_run_keeps_its_dates_in_the_cache_folder(cache: Path) -> None:
    lang = resolve_language("en-GB")
    day = date(2026, 11, 26)
    assert not (cache / "long-dates.marshal").exists()
    assert RenderContext().long_date(lang, day) == "26 November 2026"
    assert _kept(cache) == {"en_GB 2026-11-26": "26 November 2026"}


def test_a_letters_second_run_loads_no_date_formatting(cache: Path, tmp_path: Path) -> None:
    """The second run of a letter takes its dates from the cache folder and never imports
    babel.dates (with zoneinfo and babel.numbers), and writes the same bytes."""
    example = Path(__file__).resolve().parents[1] / "examples" / "thank-you.toml"
    script = (
        "import sys\n"
        "from letterpress.cli import main\n"
        "code = main(['letter', sys.argv[1], '-o', sys.argv[2], '-q'])\n"
        "print(code, 'babel.dates' in sys.modules, 'babel.numbers' in sys.modules)\n"
    )
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(cache)}
    runs = []
    for name in ("first.pdf", "second.pdf"):
        out = subprocess.run(
            [sys.executable, "-c", script, str(example), str(tmp_path / name)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        runs.append(out.stdout.split())
    assert runs == [["0", "True", "True"], ["0", "False", "False"]]
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "second.pdf").read_bytes()
