"""Layout files: every shipped layout passes its own window check; marks and geometry from data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from conftest import MM, assert_one_line_error, home_letter, run_cli

from letterpress.errors import UserError
from letterpress.letter import render_letter
from letterpress.letter.address import AddressLine
from letterpress.letter.addressfield import fit_address
from letterpress.letter.layout import available_layouts, choose_envelope, load_layout
from letterpress.letter.window import (
    centred_window,
    check_field,
    safe_box,
    window_on_sheet,
    window_reach,
)

LAYOUTS = sorted(available_layouts())
VARIANTS = [(name, env.name) for name in LAYOUTS for env in load_layout(name).envelopes]
REQUIRED = {"din5008-a", "din5008-b", "us-letter-10", "uk-dl", "ch-right", "ch-left", "fr-right"}


def test_all_required_layouts_ship() -> None:
    assert REQUIRED <= set(LAYOUTS)


@pytest.mark.parametrize("name,envelope", VARIANTS)
def test_the_lines_each_envelope_promises_keep_clear(name: str, envelope: str) -> None:
    """The layout's own numbers: as many lines as the envelope promises to keep clear
    (``lines_in_view``), with accented capitals on top and descenders below, notes where the
    layout has a zone for them and a return line where it prints one, pass the tap test."""
    layout = choose_envelope(load_layout(name), envelope)
    total = layout.envelope.lines_in_view
    address = min(total, layout.address.max_lines)
    lines = [
        AddressLine("Émile Ångström", "recipient.name"),
        *[AddressLine("Nordlicht Logistik", f"recipient.line{i}") for i in range(address - 2)],
        AddressLine("Königsberg", "recipient.city"),
    ]
    notes = [AddressLine("Persönlich", "recipient.notes")] * (total - address)
    field = fit_address(
        layout,
        lines,
        where="test",
        notes=notes,
        return_text="Jürgen Example · Hafenstraße 12 · 20457 Hamburg",
    )
    report = check_field(layout, field)
    assert report.ok, report.summary()
    assert field.size >= layout.address.min_size


@pytest.mark.parametrize("name", LAYOUTS)
def test_address_zone_lies_where_the_default_envelope_keeps_clear(name: str) -> None:
    layout = load_layout(name)
    safe = safe_box(layout)
    assert layout.address_x >= safe.x - 1e-6
    assert layout.address.top >= safe.y - 1e-6
    assert layout.address.top + layout.address.height >= safe.bottom - 1e-6


@pytest.mark.parametrize("name,envelope", VARIANTS)
def test_text_starts_below_everything_the_window_can_show(name: str, envelope: str) -> None:
    layout = choose_envelope(load_layout(name), envelope)
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
    """#10 9.5 x 4.125 in, packet 8.5 x 3.75 in, window 1/2 in from the bottom: centred, the
    window shows 2.3125-3.4375 in from the top; at the ends of the slide (3/8 in up and down, 1
    in sideways) it always shows 2.5-3.25 in down and 7/8-4 3/8 in across, so the address may
    use 2.625-3.125 in and 1-4.25 in (1/8 in clear)."""
    layout = load_layout("us-letter-10")
    window = centred_window(layout)
    assert window.y / 25.4 == pytest.approx(2.3125)
    assert window.bottom / 25.4 == pytest.approx(3.4375)
    assert window.x / 25.4 == pytest.approx(0.375)
    safe = safe_box(layout)
    assert (safe.x / 25.4, safe.right / 25.4) == pytest.approx((1.0, 4.25))
    assert (safe.y / 25.4, safe.bottom / 25.4) == pytest.approx((2.625, 3.125))


def test_din_b_tolerances_matches_hand_computation() -> None:
    """DIN 680's tolerances: a DL may be 1.5 mm larger (the packet slides 11.5 x 6.5 mm) and
    each window edge may lie 1 mm in: the window always shows x 21-97.5, y 52.5-89."""
    safe = safe_box(load_layout("din5008-b"))
    assert (safe.x, safe.right, safe.y, safe.bottom) == pytest.approx((24, 94.5, 55.5, 86))


def _marks_from_pdf(pdf_path: Path) -> list[tuple[float, float]]:
    """(y from top in mm, length in mm) of short horizontal lines near the left edge."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        return [
            (line["top"] / MM, (line["x1"] - line["x0"]) / MM)
            for line in page.lines
            if line["x0"] / MM < 12 and abs(line["top"] - line["bottom"]) < 0.5
        ]


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
    custom.write_text(
        text.replace("folds = [105.0, 210.0]", "folds = [105.0, 211.0]"), encoding="utf-8"
    )
    src = write_letter(home_letter(str(custom), "DE"))
    out = tmp_path / "c.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert any(abs(y - 211.0) <= 0.3 for y, _ in _marks_from_pdf(out))


def test_layout_whose_window_misses_the_address_fails(tmp_path: Path, write_letter) -> None:
    """A window moved to the right half (where the information block is): exit 2 naming the
    layout file, nothing written."""
    custom = tmp_path / "bad.toml"
    text = (available_layouts()["din5008-b"]).read_text(encoding="utf-8")
    custom.write_text(
        text.replace("left = 20.0, bottom = 15.0", "left = 120.0, bottom = 15.0"), encoding="utf-8"
    )
    with pytest.raises(UserError):
        render_letter(home_letter(str(custom), "DE"), None)
    proc = run_cli(
        "letter", str(write_letter(home_letter(str(custom), "DE"))), "-o", str(tmp_path / "x.pdf")
    )
    assert_one_line_error(proc, "bad.toml", "the info block reaches into the window area")
    assert not (tmp_path / "x.pdf").exists()


def test_broken_layout_file_names_the_field(tmp_path: Path, write_letter) -> None:
    custom = tmp_path / "broken.toml"
    text = (available_layouts()["din5008-b"]).read_text(encoding="utf-8")
    custom.write_text(text.replace("width = 85.0", 'width = "wide"'), encoding="utf-8")
    proc = run_cli(
        "letter", str(write_letter(home_letter(str(custom), "DE"))), "-o", str(tmp_path / "x.pdf")
    )
    assert_one_line_error(proc, "broken.toml", "address_field", "width")


def test_unknown_layout_suggests_a_name(tmp_path: Path, write_letter) -> None:
    proc = run_cli(
        "letter", str(write_letter(home_letter("din5008-c", "DE"))), "-o", str(tmp_path / "x.pdf")
    )
    assert_one_line_error(proc, "layout", "din5008-c", "did you mean")


def test_unknown_layout_with_none_near_lists_the_layouts(tmp_path: Path, write_letter) -> None:
    letter = write_letter(home_letter("din5008-b", "DE"))
    proc = run_cli("letter", str(letter), "--layout", "german", "-o", str(tmp_path / "x.pdf"))
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        "letterpress: error: --layout: unknown layout 'german'; use one of ch-left, ch-right, "
        "din5008-a, din5008-b, fr-right, uk-dl, us-letter-10"
    )


def test_layout_files_are_plain_data(tmp_path: Path) -> None:
    """A layout copied anywhere loads by path (the wheel test covers installed layouts)."""
    target = tmp_path / "copy.toml"
    shutil.copy(available_layouts()["uk-dl"], target)
    assert load_layout(str(target)).envelope.clearance == 5.0


@pytest.mark.parametrize("name,envelope", VARIANTS)
def test_every_envelope_is_a_standard_size(name: str, envelope: str) -> None:
    """The layouts' envelopes are sizes that envelopes/sizes.toml knows (ISO 269, DIN 678,
    EMA), so the two data files cannot drift apart."""
    from letterpress.envelope.sizes import bundled_sizes

    env = choose_envelope(load_layout(name), envelope).envelope
    assert any(
        (s.width, s.height) == pytest.approx((env.width, env.height)) for s in bundled_sizes()
    ), (name, envelope)


LEFT_WINDOW = {
    "din5008-a": "DE",
    "din5008-b": "DE",
    "ch-left": "CH",
    "uk-dl": "GB",
    "us-letter-10": "US",
}


@pytest.mark.parametrize("name", sorted(LEFT_WINDOW))
def test_a_left_window_address_lines_up_with_the_body(
    name: str, write_letter, tmp_path: Path
) -> None:
    """Address and text share one left edge where the window is on the left (#15)."""
    data = home_letter(name, LEFT_WINDOW[name])
    data["body"] = "Zebra crossings are painted white.\n\nThank you."
    out = tmp_path / "letter.pdf"
    proc = run_cli("letter", str(write_letter(data)), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(out) as pdf:
        words = pdf.pages[0].extract_words()
    address = next(w for w in words if w["text"].upper() == "NORDLICHT")
    body = next(w for w in words if w["text"] == "Zebra")
    assert address["x0"] / MM == pytest.approx(body["x0"] / MM, abs=0.1)


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "max_lines = 6\nsize = 10.0",
            "max_lines = 6\nsize = nan",
            "address: size must be a number from 0 to 10,000, not nan; give it in "
            "millimetres (sizes in points)",
        ),
        (
            "size = 11.0",
            "size = inf",
            "text: size must be a number from 0 to 10,000, not inf; give it in millimetres "
            "(sizes in points)",
        ),
        (
            "size = 11.0",
            "size = 1e308",
            "text: size must be a number from 0 to 10,000, not 1e+308; give it in "
            "millimetres (sizes in points)",
        ),
        (
            "text_top = 32.0",
            "text_top = 276.0",
            "continuation: text_top 276 leaves no room for text on pages 2 and later: the "
            "text must end 20 mm above the bottom of the 297 mm sheet; leave room for at least "
            "3 lines of text",
        ),
        (
            "y = 98.46",
            "y = 270.0",
            "subject: y 270 leaves no room for text on page 1: the text must end 20 mm above "
            "the bottom of the 297 mm sheet; leave room for at least 3 lines of text",
        ),
        (
            "[continuation]",
            "[type]\ngrey = nan\n\n[continuation]",
            "type.grey: grey must be a number from 0 to 10,000, not nan",
        ),
    ],
    ids=["nan", "inf", "huge", "no-room-after-page-1", "no-room-on-page-1", "type-nan"],
)
def test_a_layout_number_that_cannot_lay_out_a_page_is_one_line(
    tmp_path: Path, write_letter, old: str, new: str, line: str
) -> None:
    """`address.size = nan` looped forever, `text.size = inf` was a traceback, and a
    continuation page without room for text blamed the letter: each is one line naming the
    layout file and the entry, before anything is made."""
    custom = tmp_path / "custom.toml"
    text = (available_layouts()["din5008-b"]).read_text(encoding="utf-8")
    assert old in text
    custom.write_text(text.replace(old, new, 1), encoding="utf-8")
    data = home_letter(str(custom), "DE")
    data["body"] = "\n\n".join(["A paragraph of the letter that goes on for a while. " * 8] * 12)
    proc = run_cli("letter", str(write_letter(data)), "-o", "x.pdf", cwd=tmp_path)
    assert_one_line_error(proc)
    assert proc.stderr.strip() == f"letterpress: error: {custom}, {line}"
    assert not (tmp_path / "x.pdf").exists()


def test_a_bundled_layout_read_back_from_the_cache_folder_is_the_file_as_read(
    tmp_path: Path,
) -> None:
    """Bundled layouts are parsed once and their tables kept in the cache folder: the next
    process reads back the same layout as reading the file gives."""
    import os
    import subprocess
    import sys

    code = (
        "from letterpress.letter.layout import available_layouts, load_layout, _load_path; "
        "from letterpress.resources import data_dir; "
        "print(all(load_layout(n) == _load_path((data_dir('layouts') / f'{n}.toml').resolve()) "
        "for n in available_layouts()))"
    )
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # parsed and kept, then read back
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.split() == ["True"]
    assert len(list(tmp_path.glob("toml-*.marshal"))) == len(available_layouts())
