"""The benchmark's mail merge with company names holding ``&``, ``<`` and ``>``: each such
paragraph is one fragment for the line breaker (issue #13), and every word of every letter
stays where ReportLab's parser's fragments put it (pdfplumber, to 0.01 pt).

A small version of the check run once over the 1,000 benchmark rows (every page the same
words at the same places as before; only the pages with an escaped character differ in bytes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import ROOT

from letterpress import cli
from letterpress.pdf import paragraph

ROWS = [
    "anrede;titel;first_name;last_name;company;street;postcode;city",
    "Frau;;Rosa-Maria;Thanel;Schwital Herrmann AG & Co. KGaA;Wesackallee 93/35;60603;Wernigerode",
    "Herr;Dr.;Axel;Köhler;Becker & Söhne GmbH & Co. KG;Annekatrin-Trubin-Ring 75;86428;Schwerin",
    "Frau;;Ilka;Beyer;<Reinhardt> Hübel AG;Geiselstr. 303;15779;Neubrandenburg",
    "Herr;;Hubert;Krebs;R&D>QA Ziegert-Donaudampfschifffahrtsgesellschaft & Partner;"
    "Adlerstr. 8;01146;Göppingen",
    "Frau;Prof. Dr.;Siegrid;Hamann;Hornig;Eberthallee 4;32322;Borna",
]


def _words(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Each page's words: text, left edge and top (points, to 0.01)."""
    with pdfplumber.open(pdf) as doc:
        return [
            [(w["text"], round(w["x0"], 2), round(w["top"], 2)) for w in page.extract_words()]
            for page in doc.pages
        ]


_one_fragment = paragraph._plain_fragments


def _parsed_fragments(text: str, style: Any) -> Any:
    """Text with an escaped character left to ReportLab's parser, as before: a fragment per
    escaped character and per run of text between them."""
    return None if "&" in text else _one_fragment(text, style)


def test_escaped_characters_leave_every_word_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    template = str(ROOT / "benchmarks" / "dank.toml")
    merged, parsed = tmp_path / "merged.pdf", tmp_path / "parsed.pdf"
    assert cli.main(["batch", template, str(rows), "-o", str(merged), "--jobs", "1"]) == 0
    monkeypatch.setattr(paragraph, "_plain_fragments", _parsed_fragments)
    assert cli.main(["batch", template, str(rows), "-o", str(parsed), "--jobs", "1"]) == 0
    words = _words(merged)
    assert len(words) == len(ROWS) - 1
    assert words == _words(parsed)
    texts = [{w[0] for w in page} for page in words]
    assert "&" in texts[0] and "<Reinhardt>" in texts[2] and "R&D>QA" in texts[3]
    assert merged.stat().st_size < parsed.stat().st_size  # fewer text operators
