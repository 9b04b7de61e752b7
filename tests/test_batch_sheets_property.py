"""Property: for any table of Unicode text in an .xlsx, what the cells show is what the merged
PDF's text says, for every row, nothing lost or reordered (issue #14)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pdfplumber
from batchletter import batch_letter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from letterpress.batch import Options, run_batch

# Letters and digits of the scripts the bundled fonts draw (Latin with its extensions, Greek,
# Cyrillic), and punctuation that is neither markup (* _) nor a formula (=).
LETTERS = st.one_of(
    st.characters(min_codepoint=0x30, max_codepoint=0x24F, categories=("Lu", "Ll", "Nd")),
    st.characters(min_codepoint=0x391, max_codepoint=0x3C9, categories=("Lu", "Ll")),
    st.characters(min_codepoint=0x410, max_codepoint=0x44F, categories=("Lu", "Ll")),
    st.sampled_from(list(".,;:!?'()&<>\"€£%+")),
)
WORD = st.text(LETTERS, min_size=1, max_size=10)
CELL = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
TABLES = st.integers(1, 3).flatmap(
    lambda width: st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=4)
)


def merged_text(folder: Path, rows: list[list[str]]) -> list[str]:
    """Each row's page text from the merged PDF of a batch over ``rows`` in an .xlsx."""
    columns = [f"c{i}" for i in range(len(rows[0]))]
    book = Workbook()
    sheet = book.active
    sheet.append(columns)
    for row in rows:
        sheet.append(row)
    book.save(folder / "data.xlsx")
    body = "\n\n".join(f"[{{{{ row.{c} }}}}]" for c in columns)
    # the cells as written (typography as-typed: no typographic quotes), each in brackets
    template = batch_letter(
        f'"""\n{body}\n"""', subject="Your entry", name="Kim Berger", typography="as-typed"
    )
    (folder / "t.toml").write_text(template, encoding="utf-8")
    said: list[str] = []
    summary = run_batch(
        Options(
            template=folder / "t.toml", data=folder / "data.xlsx", output=folder / "m.pdf", jobs=1
        ),
        report=said.append,
    )
    assert summary.exit_code == 0 and summary.made == len(rows), said
    with pdfplumber.open(folder / "m.pdf") as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TABLES)
def test_what_the_cells_show_is_what_the_letters_say(rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        pages = merged_text(Path(scratch), rows)
    assert len(pages) == len(rows)
    for page, row in zip(pages, rows):
        start = page.index("Hello,")
        for cell in row:  # in order, each where the template puts it
            found = page.find(f"[{cell}]", start)
            assert found >= 0, (cell, page)
            start = found + len(cell) + 2
