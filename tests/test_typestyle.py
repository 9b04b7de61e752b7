"""The house style as data: a layout's ``[type]`` table changes the sizes and spacing read back
from the PDF; without it the defaults apply; a bad entry is a one-line error."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pdfplumber
import pytest
import tomli_w
from conftest import ROOT, letter

from letterpress.errors import LayoutError
from letterpress.letter import render_letter
from letterpress.letter.layout import load_layout
from letterpress.letter.typestyle import TypeStyle


def _layout_with(tmp_path: Path, **entries: object) -> Path:
    data = tomllib.loads((ROOT / "layouts" / "din5008-b.toml").read_text(encoding="utf-8"))
    data["type"] = entries
    path = tmp_path / "house.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _sizes(pdf: bytes, text: str) -> set[float]:
    """The sizes in which the characters of the words ``text`` are set on page 1."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        words = doc.pages[0].extract_words(extra_attrs=["size"])
    return {round(w["size"], 2) for w in words if w["text"] in text.split()}


def test_bundled_layouts_use_the_defaults() -> None:
    assert load_layout("din5008-b").type == TypeStyle()


def test_a_type_table_changes_what_is_printed(tmp_path: Path) -> None:
    layout = _layout_with(tmp_path, letterhead_name_size=16, value_size=10.5, subject_space=3)
    plain = render_letter(letter()).pdf
    house = render_letter(letter(layout=str(layout))).pdf
    assert _sizes(plain, "Jonas Petersen") >= {13.0}
    assert 16.0 in _sizes(house, "Jonas Petersen")
    assert 10.5 in _sizes(house, "26 November 2026")
    with pdfplumber.open(io.BytesIO(plain)) as a, pdfplumber.open(io.BytesIO(house)) as b:

        def top(doc: pdfplumber.PDF) -> float:
            return next(w["top"] for w in doc.pages[0].extract_words() if w["text"] == "Dear")

        # 1.5 more leadings (14.5 pt) after the subject
        assert top(b) - top(a) == pytest.approx(1.5 * 14.5, abs=0.05)


@pytest.mark.parametrize(
    "entries,message",
    [
        ({"letterhead_size": "big"}, "type.letterhead_size: letterhead_size must be a number"),
        ({"font_size": 9}, "unknown entry 'font_size' in [type]"),
        ({"grey": -1}, "type.grey: grey must be a number, not -1"),
    ],
)
def test_a_bad_type_entry_names_the_file_and_entry(
    tmp_path: Path, entries: dict, message: str
) -> None:
    path = _layout_with(tmp_path, **entries)
    with pytest.raises(LayoutError) as caught:
        load_layout(str(path))
    assert message in caught.value.line()
    assert str(path) in caught.value.line()
