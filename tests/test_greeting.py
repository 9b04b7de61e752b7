"""A letter without ``opening`` greets a recipient written with a courtesy title by name, in
the letter's language, and closes to match; without one, the general salutation stays."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest
from conftest import letter, run_cli


def _lines(tmp_path: Path, **changes: object) -> list[str]:
    """The text lines of the letter's PDF rendered through the CLI with ``changes``."""
    data = letter(**{"opening": None, "closing": None, **changes})
    src = tmp_path / "letter.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.pdf"
    done = run_cli("letter", str(src), "-o", str(out))
    assert done.returncode == 0, done.stderr
    with pdfplumber.open(out) as pdf:
        return [line for page in pdf.pages for line in page.extract_text().splitlines()]


@pytest.mark.parametrize(
    "language,name,opening,closing",
    [
        ("en-GB", "Ms Mei Lee", "Dear Ms Lee,", "Yours sincerely,"),
        ("en-US", "Mr. John Whitfield", "Dear Mr. Whitfield:", "Sincerely,"),
        (
            "de",
            "Herr Dr. Hans van der Berg",
            "Sehr geehrter Herr Dr. van der Berg,",
            "Mit freundlichen Grüßen",
        ),
        (
            "fr",
            "Madame Claire Martin",
            "Madame,",
            "Veuillez agréer, Madame, l’expression de mes salutations distinguées.",
        ),
    ],
)
def test_a_courtesy_title_gives_the_salutation_by_name(
    language: str, name: str, opening: str, closing: str, tmp_path: Path
) -> None:
    lines = _lines(tmp_path, language=language, recipient__name=name)
    assert opening in lines
    assert closing in lines


def test_a_name_without_a_courtesy_title_keeps_the_general_salutation(tmp_path: Path) -> None:
    lines = _lines(tmp_path, recipient__name="Mei Lee")
    assert "Dear Sir or Madam," in lines and "Yours faithfully," in lines


def test_the_files_own_opening_and_closing_win(tmp_path: Path) -> None:
    lines = _lines(tmp_path, recipient__name="Ms Mei Lee", opening="Hello Mei,")
    assert "Hello Mei," in lines and "Yours faithfully," in lines  # no name-bound close
    lines = _lines(tmp_path, recipient__name="Ms Mei Lee", closing="Best wishes,")
    assert "Dear Ms Lee," in lines and "Best wishes," in lines
