"""Shared helpers: run the real CLI, build letter dicts, read PDFs."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4

BASE_LETTER: dict[str, Any] = {
    "layout": "din5008-b",
    "language": "en-GB",
    "date": "2026-11-26",
    "subject": "Thank you for the interview",
    "opening": "Dear Ms Lee,",
    "body": "Thank you for meeting me on Tuesday.\n\nI look forward to hearing from you.",
    "closing": "Kind regards,",
    "sender": {
        "name": "Jonas Petersen",
        "street": "Lindenallee 8",
        "postal_code": "22587",
        "city": "Hamburg",
        "country": "DE",
        "email": "jonas@example.org",
    },
    "recipient": {
        "name": "Ms Mei Lee",
        "organization": "Nordlicht Logistik GmbH",
        "street": "Hafenstraße 12",
        "postal_code": "20457",
        "city": "Hamburg",
        "country": "DE",
    },
}

# A valid domestic recipient for each layout's home country.
HOME_RECIPIENTS: dict[str, dict[str, str]] = {
    "DE": {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
    "US": {
        "street": "1600 Amphitheatre Pkwy",
        "postal_code": "94043",
        "city": "Mountain View",
        "region": "CA",
    },
    "GB": {"street": "10 Downing Street", "postal_code": "SW1A 2AA", "city": "London"},
    "CH": {"street": "Bahnhofstrasse 1", "postal_code": "8001", "city": "Zürich"},
    "FR": {"street": "12 rue de Rivoli", "postal_code": "75001", "city": "Paris"},
}


def letter(**changes: Any) -> dict[str, Any]:
    """A fresh copy of the base letter with top-level or dotted ('recipient.name') changes."""
    data = copy.deepcopy(BASE_LETTER)
    for key, value in changes.items():
        parts = key.split("__")
        target = data
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        if value is None:
            target.pop(parts[-1], None)
        else:
            target[parts[-1]] = value
    return data


def home_letter(layout_name: str, country: str) -> dict[str, Any]:
    """A domestic letter for a layout: sender and recipient in the layout's home country."""
    data = letter(layout=layout_name)
    data["sender"] = {"name": "Alex Example", "country": country, **HOME_RECIPIENTS[country]}
    data["recipient"] = {
        "name": "Mei Lee",
        "organization": "Nordlicht Logistik",
        "country": country,
        **HOME_RECIPIENTS[country],
    }
    return data


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m letterpress ARGS`` as a user would (``stdin``: what they type or pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "letterpress", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        input=stdin,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2, one line on stderr naming every needle, no traceback."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.fixture(autouse=True, scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the hyphenation cache and the user's settings of the tests (and of the CLI they
    run) out of ~/.cache and ~/.config: no test reads or writes the real user's files."""
    import os

    os.environ["LETTERPRESS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["LETTERPRESS_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))


@pytest.fixture
def write_letter(tmp_path: Path):
    """Write a dict as a JSON letter file (letterpress reads the TOML schema as JSON too)."""
    import json

    def write(data: dict[str, Any], name: str = "letter.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write
