"""Layout files: every shipped layout passes its own window check; marks and geometry from data."""
from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest

from conftest import MM, assert_one_line_error, home_letter, run_cli
from letterpress.letter.address import AddressLine
from letterpress.letter.addressfield import fit_address
from letterpress.errors import UserError
from letterpress.letter.layout import available_layouts, load_layout
from letterpress.letter import render_letter
from letterpress.letter.window import centred_window, check_block, window_on_sheet, window_reach

LAYOUTS = sorted(available_layouts())
REQUIRED = {"din5008-a", "din5008-b", "us-letter-10", "uk-dl", "ch-right", "ch-left", "fr-right"}


def test_all_required_layouts_ship() -> None:
    assert REQUIRED <= set(LAYOUTS)


@pytest.mark.parametrize("name", LAYOUTS)
def test_fullest_address_block_passes_centred_check(name: str) -> None:
    """The layout's own numbers: max_lines lines as wide as the zone allows must fit the window."""
    layout = load_layout(name)
    lines = [AddressLine("M" * 3, f"recipient.line{i}") for i in range(layout.address.max_lines)]
    field = fit_address(layout, lines, where="test")
    report = check_block(layout, field.block)
    assert report.ok, report.summary()
    assert field.size >= layout.address.min_size


@pytest.mark.parametrize("name", LAYOUTS)
def test_address_zone_lies_in_centred_window_with_clearance(name: str) -> None:
    layout = load_layout(name)
    window = centred_window(layout).inset(layout.envelope.clearance)
    assert layout.address_x >= window.x - 1e-6
    assert layout.address.top >= window.y - 1e-6


@pytest.mark.parametrize("name", LAYOUTS)
def test_text_starts_below_everything_the_window_can_show(name: str) -> None:
    layout = load_layout(name)
    assert layout.subject_y >= window_reach(layout).bottom


def test_din_b_window_matches_hand_computation() -> None:
    """DL 220 x 110, packet 210 x 105, centred: offsets 5 and 2.5 mm (worked by hand)."""
    layout = load_layout("din5008-b")
    window = centred_window(layout)
    assert window.x == pytest.approx(15.0)  # 20 from the envelope's left - 5
    assert window.y == pytest.approx(47.5)  # 105 + 2.5 - (15 + 45)
    assert window.bottom == pytest.approx(92.5)
    # at the bottom of the envelope (offset 0) the window shows exactly the DIN address field
    bottom = window_on_sheet(layout, 5.0, 0.0)
    assert (bottom.y, bottom.bottom) == pytest.approx((45.0, 90.0))


def test_us_window_matches_hand_computation() -> None:
    """#10 9.5 x 4.125 in, packet 8.5 x 3.75 in: the window shows 2.1875-3.3125 in from the top."""
    window = centred_window(load_layout("us-letter-10"))
    assert window.y / 25.4 == pytest.approx(2.1875)
    assert window.bottom / 25.4 == pytest.approx(3.3125)
    assert window.x / 25.4 == pytest.approx(0.375)


def _marks_from_pdf(pdf_path: Path) -> list[tuple[float, float]]:
    """(y from top in mm, length in mm) of short horizontal lines near the left edge."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        return [(line["top"] / MM, (line["x1"] - line["x0"]) / MM) for line in page.lines
                if line["x0"] / MM < 12 and abs(line["top"] - line["bottom"]) < 0.5]


@pytest.mark.parametrize("name", LAYOUTS)
def test_fold_and_punch_marks_within_0_3_mm(name: str, tmp_path: Path) -> None:
    layout = load_layout(name)
    out = tmp_path / "m.pdf"
    render_letter(home_letter(name, layout.country), out)
    marks = _marks_from_pdf(out)
    expected = list(layout.marks.folds)
    if layout.marks.punch is not None and layout.marks.punch_length > 0:
        expected.append(layout.marks.punch)
    assert len(marks) == len(expected)
    for y in expected:
        assert min(abs(found - y) for found, _ in marks) <= 0.3, (y, marks)


def test_layouts_command_lists_every_layout_on_one_line() -> None:
    proc = run_cli("layouts")
    assert proc.returncode == 0
    lines = proc.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == LAYOUTS


def test_copied_layout_with_changed_numbers_is_used(tmp_path: Path, write_letter) -> None:
    custom = tmp_path / "my-layout.toml"
    text = (available_layouts()["din5008-b"]).read_text(encoding="utf-8")
    custom.write_text(text.replace("folds = [105.0, 210.0]", "folds = [105.0, 211.0]"),
                      encoding="utf-8")
    src = write_letter(home_letter(str(custom), "DE"))
    out = tmp_path / "c.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert any(abs(y - 211.0) <= 0.3 for y, _ in _marks_from_pdf(out))


def test_layout_whose_window_misses_the_address_fails(tmp_path: Path, write_letter) -> None:
    custom = tmp_path / "bad.toml"
    text = (available_layouts()["din5008-b"]).read_text(encoding="utf-8")
    custom.write_text(text.replace("bottom = 15.0", "bottom = 45.0"), encoding="utf-8")
    with pytest.raises(UserError):
        render_letter(home_letter(str(custom), "DE"), None)
    proc = run_cli("letter", str(write_letter(home_letter(str(custom), "DE"))), "-o",
                   str(tmp_path / "x.pdf"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_broken_layout_file_names_the_field(tmp_path: Path, write_letter) -> None:
    custom = tmp_path / "broken.toml"
    text = (available_layouts()["din5008-b"]).read_text(encoding="utf-8")
    custom.write_text(text.replace("width = 85.0", 'width = "wide"'), encoding="utf-8")
    proc = run_cli("letter", str(write_letter(home_letter(str(custom), "DE"))), "-o",
                   str(tmp_path / "x.pdf"))
    assert_one_line_error(proc, "broken.toml", "address_field", "width")


def test_unknown_layout_suggests_a_name(tmp_path: Path, write_letter) -> None:
    proc = run_cli("letter", str(write_letter(home_letter("din5008-c", "DE"))), "-o",
                   str(tmp_path / "x.pdf"))
    assert_one_line_error(proc, "layout", "din5008-c", "did you mean")


def test_layout_files_are_plain_data(tmp_path: Path) -> None:
    """A layout copied anywhere loads by path (the wheel test covers installed layouts)."""
    target = tmp_path / "copy.toml"
    shutil.copy(available_layouts()["uk-dl"], target)
    assert load_layout(str(target)).envelope.clearance == 5.0
