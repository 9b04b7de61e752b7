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


MARKUP_TEMPLATE = """\
language = "en-GB"
subject = "Your note"
opening = "Dear {{ row.name }},"
body = \"\"\"
Thank you, **really**. Your note: {{ row.note }} end.

{{ row.note }}
\"\"\"
closing = "Kind regards,"
signature = "Dana Okafor"
[sender]
name = "Dana Okafor"
street = "Lindenallee 8"
postal_code = "22587"
city = "Hamburg"
country = "DE"
[recipient]
name = "{{ row.name }}"
street = "Königsallee 12"
postal_code = "40212"
city = "Düsseldorf"
country = "DE"
"""


def test_a_cell_prints_as_typed_in_the_body_where_the_template_s_markup_works(
    tmp_path: Path,
) -> None:
    """Stars, a backslash and a line break followed by a dash in a cell are data: the body
    shows them as typed, on one line, in the regular face, and makes no bullet item of them;
    the template's own ``**really**`` is bold."""
    template = tmp_path / "note.toml"
    template.write_text(MARKUP_TEMPLATE, encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text(
        'name,note\n"**Bold** Corp","see *x* and C:\\\\temp\n\n- not a bullet"\n', encoding="utf-8"
    )
    out = tmp_path / "notes.pdf"
    assert cli.main(["batch", str(template), str(rows), "-o", str(out), "--jobs", "1"]) == 0
    with pdfplumber.open(out) as doc:
        page = doc.pages[0]
        lines = page.extract_text().splitlines()
        bold = "".join(c["text"] for c in page.chars if "Bold" in c["fontname"])
    note = "see *x* and C:\\\\temp - not a bullet"
    assert "Dear **Bold** Corp," in lines
    assert f"Thank you, really. Your note: {note} end." in " ".join(lines)
    assert note in lines  # the second paragraph: the cell alone, one line, no bullet
    assert "•" not in "".join(lines)
    assert bold == "Dana Okafor" + "Your note" + "really"  # letterhead, subject, template
