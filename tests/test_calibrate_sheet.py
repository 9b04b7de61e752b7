"""The calibration sheet's arithmetic: the formulas and the worked example it prints are the
ones that put cross-hair A where it should be, on the plain sheet (A4 and Letter) and on the
check sheet already moved by a stored offset (``--printer``), whose offset ``--set`` replaces."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pdfplumber
import pytest
from conftest import MM, ROOT, run_cli

INSETS = {"a4": 30.0, "letter": 31.75}
NUMBER = r"-?\d+(?:\.\d+)?"


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("LETTERPRESS_CONFIG_DIR", str(folder))
    return folder


def _sheet(path: Path) -> tuple[str, list[float], list[float]]:
    """The sheet's text (its labels, then its instructions: the text of 9 pt and more, without
    the rulers' numbers, lines joined by spaces) and the x and y (mm from the top-left corner)
    of its long cross-hair lines."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        labels = page.filter(lambda obj: obj.get("size", 9) == 8).extract_text()
        body = page.filter(lambda obj: obj.get("size", 9) >= 9).extract_text()
        text = " ".join(f"{labels}\n{body}".split())
        hairs = [line for line in page.lines if abs(line["x1"] - line["x0"]) > 20 * MM] + [
            line for line in page.lines if abs(line["bottom"] - line["top"]) > 20 * MM
        ]
        xs = [line["x0"] / MM for line in hairs if line["x0"] == line["x1"]]
        ys = [line["top"] / MM for line in hairs if line["top"] == line["bottom"]]
    return text, sorted(xs), sorted(ys)


def _evaluate(expression: str, **values: float) -> float:
    """A formula as printed (``-1.5 + (30 - X) × 1.002``) with the measurements put in."""
    for name, value in values.items():
        expression = expression.replace(name, f"({value!r})")
    expression = expression.replace("×", "*")
    assert re.fullmatch(r"[-+*/(). 0-9e]+", expression), expression
    return float(eval(expression))  # digits and operators only, checked above


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_worked_example_is_right_for_the_papers_geometry(paper: str, tmp_path: Path) -> None:
    out = tmp_path / "cal.pdf"
    proc = run_cli("calibrate", "--paper", paper, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text, xs, ys = _sheet(out)
    inset = INSETS[paper]
    assert xs[0] == pytest.approx(inset) and ys[0] == pytest.approx(inset)
    assert f"{inset:g} mm from the left edge, {inset:g} mm from the top edge" in text
    formula = re.search(r"4\. dx = (.+?), dy = (.+?) \(e\.g\.", text)
    assert formula, text
    assert formula.groups() == (f"{inset:g} - X × S", f"{inset:g} - Y × S")
    example = re.search(
        rf"measured X = ({NUMBER}) mm, S = 1: dx = ({NUMBER}) - ({NUMBER}) × 1 = ({NUMBER})\)",
        text,
    )
    assert example, text
    measured, first, second, result = map(float, example.groups())
    assert (first, second) == (inset, measured)
    assert result == pytest.approx(first - second, abs=0.005)
    assert _evaluate(formula[1], X=measured, S=1.0) == pytest.approx(result, abs=0.005)
    # a printer that moves the page by `error`: the formulas' offset puts A back at the inset
    for error in (1.5, -0.25):
        dx = _evaluate(formula[1], X=xs[0] + error, S=1.0)
        dy = _evaluate(formula[2], Y=ys[0] + error, S=1.0)
        assert inset + dx + error == pytest.approx(inset, abs=1e-3)
        assert dy == pytest.approx(dx, abs=1e-3)
    assert proc.stdout.strip() == (
        f"Wrote {out} (calibration sheet, {'A4' if paper == 'a4' else 'Letter'}). Print it at "
        "100 %, measure cross-hair A from the left edge (X mm) and the top edge (Y mm), then "
        'run letterpress calibrate --set "PRINTER NAME" --dx DX --dy DY [--scale S] with '
        f"dx = {inset:g} - X × S, dy = {inset:g} - Y × S (S = 1 unless you measure it as the "
        "sheet says)."
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_check_sheet_corrects_the_stored_offset_instead_of_wiping_it(
    paper: str, settings: Path, tmp_path: Path
) -> None:
    assert (
        run_cli("calibrate", "--set", "Office laser", "--dx", "-1.5", "--dy", "0.8").returncode == 0
    )
    out = tmp_path / "check.pdf"
    proc = run_cli("calibrate", "--paper", paper, "--printer", "Office laser", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    inset = INSETS[paper]
    text, xs, ys = _sheet(out)
    assert xs[0] == pytest.approx(inset - 1.5) and ys[0] == pytest.approx(inset + 0.8)
    assert "This sheet is already moved by the stored offset dx = -1.5, dy = 0.8:" in text
    assert f"A should measure {inset:g} mm from the left and from the top edge." in text
    formula = re.search(r"4\. New offset: dx = (.+?), dy = (.+?) \(e\.g\.", text)
    assert formula, text
    assert formula.groups() == (f"-1.5 + {inset:g} - X × S", f"0.8 + {inset:g} - Y × S")
    example = re.search(
        rf"measured X = ({NUMBER}) mm, S = 1: dx = ({NUMBER}) \+ ({NUMBER}) - ({NUMBER}) × 1 = "
        rf"({NUMBER})\)",
        text,
    )
    assert example, text
    measured, stored, first, second, result = map(float, example.groups())
    assert (stored, first, second) == (-1.5, inset, measured)
    assert result == pytest.approx(stored + first - second, abs=0.005)
    assert 'letterpress calibrate --set "Office laser" --dx DX --dy DY [--scale S]' in text
    assert proc.stdout.strip() == (
        f"Wrote {out} (check sheet for printer 'Office laser', "
        f"{'A4' if paper == 'a4' else 'Letter'}, already moved by its stored offset dx = -1.5, "
        f"dy = 0.8). Print it at 100 % on that printer: cross-hair A should measure {inset:g} mm "
        "from the left and the top edge, and then the offset is right. If it measures X and Y "
        f"mm, the new offset is dx = -1.5 + {inset:g} - X × S, dy = 0.8 + {inset:g} - Y × S "
        "(S = 1 unless you measure it as the sheet says); store it (it replaces the stored "
        'one) with letterpress calibrate --set "Office laser" --dx DX --dy DY [--scale S].'
    )
    # The printer really moves a page 2 mm right and 0.3 mm up (the stored offset was off):
    # A prints where the sheet draws it plus that, and following the sheet stores -2, +0.3.
    error_x, error_y = 2.0, -0.3
    dx = _evaluate(formula[1], X=xs[0] + error_x, S=1.0)
    dy = _evaluate(formula[2], Y=ys[0] + error_y, S=1.0)
    assert (dx, dy) == (pytest.approx(-error_x, abs=1e-3), pytest.approx(-error_y, abs=1e-3))
    stored = run_cli("calibrate", "--set", "Office laser", "--dx", f"{dx:.2f}", "--dy", f"{dy:.2f}")
    assert stored.returncode == 0, stored.stderr
    offsets = tomllib.loads((settings / "config.toml").read_text(encoding="utf-8"))["printers"]
    assert offsets["offsets"]["Office laser"] == {"dx": -2.0, "dy": 0.3, "scale": 1.0}
    # on a well calibrated printer A measures the inset, and the sheet keeps the offset
    assert _evaluate(formula[1], X=inset, S=1.0) == pytest.approx(-1.5, abs=1e-9)
    assert _evaluate(formula[2], Y=inset, S=1.0) == pytest.approx(0.8, abs=1e-9)


def test_the_check_sheet_of_a_scaled_printer_keeps_its_scale(
    settings: Path, tmp_path: Path
) -> None:
    run_cli("calibrate", "--set", "Inkjet", "--dx", "2", "--dy", "-0.4", "--scale", "1.002")
    out = tmp_path / "check.pdf"
    proc = run_cli("calibrate", "--printer", "Inkjet", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text, xs, ys = _sheet(out)
    assert xs[0] == pytest.approx(30 * 1.002 + 2) and ys[0] == pytest.approx(30 * 1.002 - 0.4)
    assert "already moved by the stored offset dx = 2, dy = -0.4, scale 1.002:" in text
    assert "S = 1.002 × 150 / D (else S = 1.002)" in text
    assert 'letterpress calibrate --set "Inkjet" --dx DX --dy DY --scale S' in text
    formula = re.search(r"4\. New offset: dx = (.+?), dy = (.+?) \(e\.g\.", text)
    assert formula, text
    assert formula[1] == "2 + 30 × 1.002 - X × S"
    # a printer that shrinks by 1/1.002 about the top-left corner and moves the page by e:
    # the new offset, at the kept scale, puts A at 30 mm
    shrink = 1 / 1.002
    for error in (0.0, 0.7, -1.1):
        dx = _evaluate(formula[1], X=xs[0] * shrink + error, S=1.002)
        assert (30 * 1.002 + dx) * shrink + error == pytest.approx(30, abs=1e-3)
    # one that has come to shrink by 1/1.005 instead: D measured on this sheet gives its
    # scale (step 3), and the offset at that scale puts A at 30 mm too
    step = re.search(r"3\. Optional: .*?D mm; S = 1\.002 × (.+?) / D \(else S = 1\.002\)\.", text)
    assert step, text
    shrink = 1 / 1.005
    scale = 1.002 * float(step[1]) / ((xs[-1] - xs[0]) * shrink)
    assert scale == pytest.approx(1.005)
    for error in (0.0, 0.7, -1.1):
        dx = _evaluate(formula[1], X=xs[0] * shrink + error, S=scale)
        assert (30 * scale + dx) * shrink + error == pytest.approx(30, abs=1e-3)
    example = re.search(
        rf"measured X = ({NUMBER}) mm, S = 1\.002: dx = ({NUMBER}) \+ 30 × 1\.002 - "
        rf"({NUMBER}) × 1\.002 = ({NUMBER})\)",
        text,
    )
    assert example, text
    measured, stored, second, result = map(float, example.groups())
    assert (stored, second) == (2, measured)
    assert result == pytest.approx(stored + (30 - second) * 1.002, abs=0.005)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_plain_sheet_puts_a_back_on_a_printer_whose_scale_is_measured(
    paper: str, settings: Path, tmp_path: Path
) -> None:
    """A printer that shrinks the page by 1/1.01 about its top-left corner and moves it: the
    user measures D, takes S from step 3 and the offset from step 4, stores both, and the
    letter's content (scaled by S, moved by dx) puts A where the sheet drew it."""
    out = tmp_path / "cal.pdf"
    assert run_cli("calibrate", "--paper", paper, "-o", str(out)).returncode == 0
    text, xs, ys = _sheet(out)
    step = re.search(r"3\. Optional: .*?D mm; S = (.+?) / D \(else S = 1\)\.", text)
    formula = re.search(r"4\. dx = (.+?), dy = (.+?) \(e\.g\.", text)
    assert step and formula, text
    shrink = 1 / 1.01

    def printed(drawn: float, error: float) -> float:
        return drawn * shrink + error

    between = xs[-1] - xs[0]  # A's and B's vertical lines, as drawn
    scale = float(step[1]) / (printed(xs[-1], 0.8) - printed(xs[0], 0.8))
    assert scale == pytest.approx(1.01)
    assert float(step[1]) == pytest.approx(between)
    for error_x, error_y in ((0.8, -0.6), (-1.2, 1.5)):
        dx = _evaluate(formula[1], X=printed(xs[0], error_x), S=scale)
        dy = _evaluate(formula[2], Y=printed(ys[0], error_y), S=scale)
        # the calibrated letter draws A at inset × S + dx, the printer shrinks and moves it
        assert printed(xs[0] * scale + dx, error_x) == pytest.approx(xs[0], abs=1e-3)
        assert printed(ys[0] * scale + dy, error_y) == pytest.approx(ys[0], abs=1e-3)


def _layout_papers() -> dict[str, list[tuple[str, float, float, list[str]]]]:
    """Each paper the bundled layouts declare (by name, lower case): every layout's size of
    it and the layout's sources."""
    found: dict[str, list[tuple[str, float, float, list[str]]]] = {}
    for path in sorted((ROOT / "layouts").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        paper = data["paper"]
        found.setdefault(paper["name"].lower(), []).append(
            (path.stem, paper["width"], paper["height"], data["sources"])
        )
    return found


def test_the_sheets_paper_and_insets_are_data_with_their_sources(tmp_path: Path) -> None:
    """The A4 and Letter sizes and the cross-hairs' insets were numbers in the code, without
    their sources. The sizes are the layouts' [paper] tables' (once per layout, each citing
    ISO 216 or ANSI/ASME Y14.1), the insets layouts/calibration/sheets.toml's; the sheet is
    drawn from them."""
    sheets = tomllib.loads(
        (ROOT / "layouts" / "calibration" / "sheets.toml").read_text(encoding="utf-8")
    )
    assert sheets["sources"]
    papers = _layout_papers()
    standards = {"a4": "ISO 216", "letter": "ANSI/ASME Y14.1"}
    assert set(sheets["sheets"]) == set(standards)
    for key, sheet in sheets["sheets"].items():
        declared = papers[sheet["paper"].lower()]
        assert len({(width, height) for _, width, height, _ in declared}) == 1, declared
        assert all(any(standards[key] in s for s in sources) for *_, sources in declared)
        _, width, height, _ = declared[0]
        out = tmp_path / f"{key}.pdf"
        proc = run_cli("calibrate", "--paper", key, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        with pdfplumber.open(out) as pdf:
            page = pdf.pages[0]
            assert (page.width / MM, page.height / MM) == (
                pytest.approx(width, abs=1e-3),
                pytest.approx(height, abs=1e-3),
            )
        _, xs, ys = _sheet(out)
        inset = sheet["inset"]
        assert (xs[0], ys[0]) == (pytest.approx(inset), pytest.approx(inset))
        assert (xs[-1], ys[-1]) == (pytest.approx(width - inset), pytest.approx(height - inset))


def test_making_a_stored_printer_the_default_keeps_its_offset(settings: Path) -> None:
    """calibrate --set "Home" --default (to make a stored printer the default) stored Home's
    offset as 0, 0 over the measured one without a word, as did --set alone. --default alone
    keeps the offset; --set alone is refused, naming what to give."""
    assert run_cli("calibrate", "--set", "Office", "--dx", "1.5", "--dy", "0.5").returncode == 0
    stored = run_cli("calibrate", "--set", "Home", "--dx", "-0.25", "--dy", "2", "--scale", "1.002")
    assert stored.returncode == 0, stored.stderr
    made = run_cli("calibrate", "--set", "Home", "--default")
    assert (made.returncode, made.stderr) == (0, "")
    assert made.stdout == (
        "Printer 'Home' is now the default printer (its offset kept: dx -0.25 mm, dy +2 mm, "
        f"scale 1.002) in {settings / 'config.toml'}.\n"
    )
    listed = run_cli("calibrate", "--list").stdout.splitlines()
    assert listed == [
        "Home: dx -0.25 mm, dy +2 mm, scale 1.002  (default)",
        "Office: dx +1.5 mm, dy +0.5 mm, scale 1",
    ]
    refused = run_cli("calibrate", "--set", "Office")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "letterpress: error: --set: stores an offset, and none was given; give --dx and --dy "
        "as measured on the test sheet (letterpress calibrate), or --default alone to make a "
        "stored printer the default\n"
    )
    assert run_cli("calibrate", "--list").stdout.splitlines() == listed
    unknown = run_cli("calibrate", "--set", "Hom", "--default")
    assert (unknown.returncode, unknown.stderr) == (
        2,
        "letterpress: error: --set: no calibration stored for printer 'Hom'; did you mean "
        "'Home'?\n",
    )
