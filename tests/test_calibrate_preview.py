"""Printer calibration (the sheet, stored offsets, every text moved by exactly the offset) and
PNG previews (decoded, at the asked pixel size)."""

from __future__ import annotations

import io
import subprocess
import tomllib
from pathlib import Path

import pdfplumber
import pytest
from conftest import MM, ROOT, assert_one_line_error, letter, run_cli
from PIL import Image

from letterpress.config import config_path


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings folder of this test's own (for the CLI run as a subprocess too)."""
    folder = tmp_path / "config"
    monkeypatch.setenv("LETTERPRESS_CONFIG_DIR", str(folder))
    return folder


def _chars(path: Path) -> list[tuple[int, str, float, float]]:
    with pdfplumber.open(path) as pdf:
        return [
            (n, c["text"], c["x0"] / MM, c["top"] / MM)
            for n, page in enumerate(pdf.pages)
            for c in page.chars
        ]


def test_calibration_sheet_has_its_crosshairs_where_it_says(tmp_path: Path) -> None:
    out = tmp_path / "calibration.pdf"
    proc = run_cli("calibrate", "--paper", "letter", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert (page.width / MM, page.height / MM) == (pytest.approx(215.9), pytest.approx(279.4))
        lines = page.lines
        text = page.extract_text()
    verticals = {round(line["x0"] / MM, 2) for line in lines if line["x0"] == line["x1"]}
    assert 31.75 in verticals and round(215.9 - 31.75, 2) in verticals
    assert "31.75 mm from the left edge, 31.75 mm from the top edge" in text
    assert 'letterpress calibrate --set "PRINTER NAME" --dx DX --dy DY [--scale S]' in text


def test_set_stores_the_offset_and_the_first_printer_becomes_the_default(settings: Path) -> None:
    proc = run_cli("calibrate", "--set", "Office laser", "--dx", "1.5", "--dy", "-0.8")
    assert proc.returncode == 0, proc.stderr
    path = settings / "config.toml"
    assert proc.stdout.strip() == (
        f"Stored printer 'Office laser': content moved +1.5 mm "
        f"across, -0.8 mm down (the default printer) in {path}."
    )
    stored = tomllib.loads(path.read_text(encoding="utf-8"))["printers"]
    assert stored == {
        "default": "Office laser",
        "offsets": {"Office laser": {"dx": 1.5, "dy": -0.8, "scale": 1.0}},
    }
    run_cli("calibrate", "--set", "Inkjet", "--dx", "-2", "--scale", "1.01")
    assert run_cli("calibrate", "--list").stdout.splitlines() == [
        "Inkjet: dx -2 mm, dy +0 mm, scale 1.01",
        "Office laser: dx +1.5 mm, dy -0.8 mm, scale 1  (default)",
    ]
    assert config_path() == path


@pytest.mark.parametrize("command,suffix", [("letter", ".pdf"), ("envelope", "-envelope.pdf")])
def test_the_offset_moves_every_text_by_exactly_the_offset(
    command: str, suffix: str, settings: Path, write_letter, tmp_path: Path
) -> None:
    path = write_letter(letter())
    plain = tmp_path / "plain.pdf"
    assert run_cli(command, str(path), "-o", str(plain)).returncode == 0
    assert run_cli("calibrate", "--set", "Office", "--dx", "1.5", "--dy", "-0.8").returncode == 0
    moved = tmp_path / f"letter{suffix}"
    proc = run_cli(command, str(path))  # the default printer applies without --printer
    assert proc.returncode == 0, proc.stderr
    assert (
        "Calibrated for printer 'Office': content moved +1.5 mm across, -0.8 mm down."
        in proc.stdout.splitlines()
    )
    before, after = _chars(plain), _chars(moved)
    assert len(before) == len(after) >= 80
    for (page, text, x, y), (page2, text2, x2, y2) in zip(before, after):
        assert (page, text) == (page2, text2)
        assert x2 - x == pytest.approx(1.5, abs=1e-3) and y2 - y == pytest.approx(-0.8, abs=1e-3)


def test_the_window_check_is_where_the_address_lands_on_the_calibrated_printer(
    settings: Path, write_letter, tmp_path: Path
) -> None:
    path = write_letter(letter())
    plain = run_cli("letter", str(path), "-o", str(tmp_path / "a.pdf"))
    run_cli("calibrate", "--set", "Office", "--dx", "2.5", "--dy", "1")
    moved = run_cli("letter", str(path), "-o", str(tmp_path / "b.pdf"), "--printer", "Office")
    window = [line for line in plain.stdout.splitlines() if line.startswith("Window: ")]
    assert window and window[0] in moved.stdout.splitlines()


def test_an_offset_that_pushes_the_marks_off_the_page_is_a_warning(
    settings: Path, write_letter
) -> None:
    path = write_letter(letter())
    run_cli("calibrate", "--set", "Skewed", "--dx", "-9")
    proc = run_cli("letter", str(path), "--printer", "Skewed")
    assert proc.returncode == 0
    assert (
        f"letterpress: warning: {path}: the offset of printer 'Skewed' moves page 1's marks "
        "or letterhead past the left edge of the page, where nothing prints; measure the "
        "printer again (letterpress calibrate), or leave out --printer" in proc.stderr.splitlines()
    )
    strict = run_cli("letter", str(path), "--printer", "Skewed", "--strict")
    assert strict.returncode == 2


def test_unknown_printer_is_one_line(settings: Path, write_letter) -> None:
    run_cli("calibrate", "--set", "Office laser", "--dx", "1")
    proc = run_cli("letter", str(write_letter(letter())), "--printer", "Office lazer")
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        "letterpress: error: --printer: no calibration stored for "
        "printer 'Office lazer'; did you mean 'Office laser'?"
    )


WORKSHOP = ROOT / "examples" / "batch"


@pytest.mark.parametrize("kind", ["letter", "envelope"])
@pytest.mark.parametrize("where", ["-o", "--out-dir"])
def test_batch_moves_every_text_by_exactly_the_offset(
    kind: str, where: str, settings: Path, tmp_path: Path
) -> None:
    def made(folder: str, *extra: str) -> tuple[subprocess.CompletedProcess[str], Path]:
        target = tmp_path / folder
        target.mkdir()
        out = [where, str(target / "all.pdf" if where == "-o" else target)]
        proc = run_cli(
            "batch",
            str(WORKSHOP / "workshop.toml"),
            str(WORKSHOP / "workshop.csv"),
            "--kind",
            kind,
            "--rows",
            "2-3",
            "--jobs",
            "1",
            *out,
            *extra,
        )
        assert proc.returncode == 0, proc.stderr
        return proc, target / "all.pdf" if where == "-o" else target / "row-3.pdf"

    plain, plain_pdf = made("plain")
    assert "Calibrated for" not in plain.stdout
    run_cli("calibrate", "--set", "Office", "--dx", "2", "--dy", "5")  # not the default...
    run_cli("calibrate", "--set", "Inkjet", "--dx", "0.5", "--dy", "0.25", "--default")
    moved, moved_pdf = made("moved", "--printer", "Office")
    assert moved.stdout.splitlines()[-1] == (
        "Calibrated for printer 'Office': content moved +2 mm across, +5 mm down."
    )
    before, after = _chars(plain_pdf), _chars(moved_pdf)
    assert len(before) == len(after) >= 60
    for (page, text, x, y), (page2, text2, x2, y2) in zip(before, after):
        assert (page, text) == (page2, text2)
        assert x2 - x == pytest.approx(2, abs=1e-3) and y2 - y == pytest.approx(5, abs=1e-3)
    default, default_pdf = made("default")  # without --printer: the default printer's offset
    assert "Calibrated for printer 'Inkjet'" in default.stdout
    for (_, _, x, y), (_, _, x2, y2) in zip(before, _chars(default_pdf), strict=True):
        assert x2 - x == pytest.approx(0.5, abs=1e-3) and y2 - y == pytest.approx(0.25, abs=1e-3)


def test_batch_unknown_printer_is_one_line_and_writes_nothing(
    settings: Path, tmp_path: Path
) -> None:
    run_cli("calibrate", "--set", "Office laser", "--dx", "1")
    out = tmp_path / "all.pdf"
    proc = run_cli(
        "batch",
        str(WORKSHOP / "workshop.toml"),
        str(WORKSHOP / "workshop.csv"),
        "-o",
        str(out),
        "--printer",
        "Office lazer",
    )
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        "letterpress: error: --printer: no calibration stored for "
        "printer 'Office lazer'; did you mean 'Office laser'?"
    )
    assert list(tmp_path.iterdir()) == [settings]


def test_labels_move_by_the_offset(settings: Path, tmp_path: Path) -> None:
    data = tmp_path / "people.csv"
    data.write_text(
        "name,street,zip,city\nMei Lee,Hafenstraße 12,20457,Hamburg\n", encoding="utf-8"
    )
    plain, moved = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert (
        run_cli(
            "labels", str(data), "--sheet", "L7163", "-o", str(plain), "--from", "DE"
        ).returncode
        == 0
    )
    run_cli("calibrate", "--set", "Office", "--dx", "-1.25", "--dy", "0.5")
    proc = run_cli(
        "labels",
        str(data),
        "--sheet",
        "L7163",
        "-o",
        str(moved),
        "--from",
        "DE",
        "--printer",
        "Office",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == (
        "Calibrated for printer 'Office': content moved -1.25 mm across, +0.5 mm down."
    )
    before, after = _chars(plain), _chars(moved)
    assert len(before) == len(after) >= 30
    for (page, text, x, y), (page2, text2, x2, y2) in zip(before, after):
        assert (page, text) == (page2, text2)
        assert x2 - x == pytest.approx(-1.25, abs=1e-3) and y2 - y == pytest.approx(0.5, abs=1e-3)


# --- PNG previews --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command,extra,width_in,height_in",
    [
        ("letter", [], 210 / 25.4, 297 / 25.4),
        ("envelope", ["--size", "#10"], 9.5, 4.125),
        ("call", [], 210 / 25.4, 297 / 25.4),
    ],
)
def test_png_preview_decodes_at_the_asked_size(
    command: str, extra: list[str], width_in: float, height_in: float, tmp_path: Path
) -> None:
    out = tmp_path / "page.png"
    proc = run_cli(command, str(ROOT / "examples/call.toml"), "-o", str(out), "--dpi", "72", *extra)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.png"]  # no PDF with -o x.png
    image = Image.open(io.BytesIO(out.read_bytes()))
    assert image.format == "PNG"
    assert abs(image.width - width_in * 72) <= 1 and abs(image.height - height_in * 72) <= 1


@pytest.mark.parametrize(
    "sheet,width_in,height_in", [("L7163", 210 / 25.4, 297 / 25.4), ("5160", 8.5, 11)]
)
def test_labels_png_preview_decodes_at_the_asked_size(
    sheet: str, width_in: float, height_in: float, tmp_path: Path
) -> None:
    out = tmp_path / "labels.png"
    proc = run_cli(
        "labels",
        str(ROOT / "examples/labels.csv"),
        "--sheet",
        sheet,
        "-o",
        str(out),
        "--from",
        "DE",
        "--dpi",
        "50",
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.png"]
    image = Image.open(io.BytesIO(out.read_bytes()))
    assert image.format == "PNG"
    assert abs(image.width - width_in * 50) <= 1 and abs(image.height - height_in * 50) <= 1
    assert image.convert("L").getextrema()[0] < 128  # the addresses are drawn on it


def test_png_beside_the_pdf_for_several_pages(tmp_path: Path, write_letter) -> None:
    body = "\n\n".join(["A paragraph that is long enough to take some room on the page. " * 6] * 12)
    path = write_letter(letter(body=body))
    proc = run_cli("letter", str(path), "--png", "--pages", "1-2", "--dpi", "30")
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["letter-1.png", "letter-2.png", "letter.json", "letter.pdf"]
    for name in ("letter-1.png", "letter-2.png"):
        image = Image.open(tmp_path / name)
        assert abs(image.width - 210 / 25.4 * 30) <= 1


def test_png_page_that_does_not_exist_writes_nothing(tmp_path: Path, write_letter) -> None:
    path = write_letter(letter())
    proc = run_cli("letter", str(path), "--png", "--pages", "3")
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        "letterpress: error: --pages: page 3 does not exist (the "
        "document has 1 page); choose pages between 1 and 1"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.json"]


def test_dpi_without_png_is_one_line(write_letter) -> None:
    proc = run_cli("letter", str(write_letter(letter())), "--dpi", "100")
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        "letterpress: error: --dpi: applies to PNG previews only; add --png, or write -o NAME.png"
    )


def test_png_pages_api_is_deterministic() -> None:
    from letterpress.letter import render_letter
    from letterpress.pdf.preview import png_pages

    pdf = render_letter(letter()).pdf
    assert png_pages(pdf, [1], 40) == png_pages(pdf, [1], 40)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--dx", "nan", "--dx: must be a distance in millimetres between -50 and 50, not nan"),
        ("--dy", "1e308", "--dy: must be a distance in millimetres between -50 and 50, not 1e+308"),
        ("--scale", "0", "--scale: must be a number between 0.9 and 1.1, not 0"),
    ],
)
def test_an_offset_no_printer_has_is_refused_and_nothing_is_stored(
    settings: Path, option: str, value: str, message: str
) -> None:
    proc = run_cli("calibrate", "--set", "Office", option, value)
    assert_one_line_error(proc, message)
    assert not config_path().exists()


def test_an_option_the_way_of_calling_does_not_read_is_refused_not_ignored(
    settings: Path, tmp_path: Path
) -> None:
    """``--dx 3`` without ``--set`` wrote a sheet and stored nothing, without a word; ``-o``
    or ``--paper`` with ``--set`` stored the offset and wrote no sheet."""
    out = tmp_path / "test.pdf"
    cases = [
        (
            ("--dx", "-1.5", "-o", str(out)),
            "--dx: applies with --set only; without it nothing is stored; name the printer: "
            'letterpress calibrate --set "PRINTER NAME" --dx ...',
        ),
        (
            ("--set", "Office laser", "--dx", "-1.5", "-o", str(out)),
            "-o: applies to the test sheet, and --set writes none (it stores the offset); "
            "leave it out, or run letterpress calibrate -o ... without --set",
        ),
        (
            ("--list", "--set", "Office laser"),
            "--list: lists the stored printers and takes no other option (--set was given); "
            "run letterpress calibrate --list on its own",
        ),
    ]
    for args, line in cases:
        done = run_cli("calibrate", *args)
        assert (done.returncode, done.stdout) == (2, ""), args
        assert done.stderr == f"letterpress: error: {line}\n"
    assert not out.exists() and not (settings / "config.toml").exists()
    done = run_cli("calibrate", "--set", "Office laser", "--dx", "0")  # 0 is given too
    assert done.returncode == 0 and run_cli("calibrate", "--dx", "0").returncode == 2


def test_a_calibration_sheet_written_as_a_picture_says_to_print_the_pdf(tmp_path: Path) -> None:
    """-o sheet.png wrote only a picture, and said to print it at 100 %: a picture prints at
    whatever size the viewer chooses, so measuring it calibrates nothing."""
    out = tmp_path / "sheet.png"
    done = run_cli("calibrate", "-o", str(out))
    assert done.returncode == 0 and out.exists()
    assert done.stderr == (
        f"letterpress: warning: {out}: a picture of the sheet does not print at actual size, "
        "so what A measures on it says nothing about the printer; print the PDF: letterpress "
        f"calibrate -o {tmp_path / 'sheet.pdf'}\n"
    )
    pdf = run_cli("calibrate", "-o", str(tmp_path / "sheet.pdf"), "--png")
    assert pdf.returncode == 0 and pdf.stderr == ""  # the PDF is there to print
