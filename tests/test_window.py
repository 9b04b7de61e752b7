"""The window check as the post makes it (USPS: the tap test), through the CLI, measured with an
independent model (``tapmodel``): every layout and every envelope it lists, with the shortest
and the longest address it allows, a long organisation and a two-page letter, keeps the layout's
clearance wherever the folded sheet slides; what does not is a warning, or exit 2 under
``--strict``; the window line, the envelope choice and the print-at-100 % preference."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import HOME_RECIPIENTS, ROOT, home_letter, letter
from pypdf import PdfReader
from tapmodel import envelopes, layout_data, tap_test

from letterpress.cli import main
from letterpress.letter.layout import Rect, available_layouts
from letterpress.letter.plan import RULE_WEIGHT, AddressField, SetLine
from letterpress.letter.window import Clearance
from letterpress.pdf import fonts
from letterpress.pdf.units import to_mm

LAYOUTS = sorted(available_layouts())
VARIANTS = [(name, env.name) for name in LAYOUTS for env in envelopes(name)]

# A destination abroad for each home country: its country line is the address's last line.
ABROAD = {
    "DE": {"country": "AT", "street": "Stephansplatz 1", "postal_code": "1010", "city": "Wien"},
    "CH": {"country": "DE", "street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
    "FR": {"country": "DE", "street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
    "GB": {"country": "DE", "street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
    "US": {
        "country": "CA",
        "street": "24 Sussex Drive",
        "postal_code": "K1A 0B1",
        "city": "Ottawa",
        "region": "ON",
    },
}
LONG_ORGANISATION = {
    "FR": "Logistique Nordlicht et Entreposage SA",  # 38 characters, the most
    "US": "Nordlicht Logistics and Warehousing Inc",
}
WINDOW_OK = re.compile(
    r"^Window: OK, (\d+\.\d) mm clear at the worst position "
    r"\(needs (\d+\.\d)\)$",
    re.M,
)
PRINT_LINE = (
    'Print at actual size (100 %, not "fit to page"): scaling moves the address out of the window.'
)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    """``letterpress ARGS`` in this process, as a user calls it: exit code, stdout, stderr."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _with_lines(name: str, lines: int) -> dict:
    """A letter to an address abroad of exactly ``lines`` lines (notes included) on the layout:
    name, organisation, department, street, town, country, then notes."""
    data = layout_data(name)
    country = data["country"]
    letter_data = home_letter(name, country)
    recipient = {"name": "Émile Ångström", **ABROAD[country]}
    extra = {5: ("organization",), 6: ("organization", "department")}
    notes_zone = "notes" in data
    address = min(lines, 6) if notes_zone else min(lines - (lines >= 5), 6)
    for key in extra.get(address, ()):
        recipient[key] = {"organization": "Nordlicht Logistik", "department": "Personalabteilung"}[
            key
        ]
    notes = lines - address
    if notes:
        recipient["notes"] = ["Persönlich/Vertraulich", "Einschreiben", "Bitte nicht knicken"][
            :notes
        ]
    letter_data["recipient"] = recipient
    # the return line as for mail at home: the lines an envelope keeps clear are counted
    # with it at its full size (mail abroad adds the sender's country, which can set it smaller)
    home = HOME_RECIPIENTS[country]
    town = (
        f"{home['city']} {home['region']} {home['postal_code']}"
        if "region" in home
        else f"{home['postal_code']} {home['city']}"
    )
    letter_data["return_line"] = f"Alex Example · {home['street']} · {town}"
    return letter_data


def _shortest(name: str, envelope: str = "") -> dict:
    """The shortest address the layout allows: a name, a street and the town (home country)."""
    data = home_letter(name, layout_data(name)["country"])
    data["recipient"].pop("organization")
    return data


def _long_organisation(name: str, envelope: str) -> dict:
    """A long organisation, wider than the window at the layout's size (the French one has the
    38 characters La Poste allows); the person's name left out where the envelope keeps only
    four lines clear and the country's format needs five (UK: the postcode has a line)."""
    country = layout_data(name)["country"]
    data = home_letter(name, country)
    data["recipient"]["organization"] = LONG_ORGANISATION.get(
        country, "Nordlicht Logistik und Lagerhaltung GmbH"
    )
    if country == "GB" and _env(name, envelope).lines_in_view < 5:
        data["recipient"].pop("name")
    return data


def _two_pages(name: str, envelope: str) -> dict:
    data = _shortest(name, envelope)
    data["body"] = "\n\n".join(["Thank you for meeting me on Tuesday. " * 12] * 9)
    return data


def _env(name: str, envelope: str):
    return next(e for e in envelopes(name) if e.name == envelope)


CASES = {"shortest": _shortest, "long-organisation": _long_organisation, "two-pages": _two_pages}


def _render(
    capsys, tmp_path: Path, data: dict, envelope: str, *extra: str
) -> tuple[int, str, str, Path]:
    src = tmp_path / "letter.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "letter.pdf"
    code, stdout, stderr = _run(
        capsys, "letter", str(src), "-o", str(out), "--envelope", envelope, *extra
    )
    return code, stdout, stderr, out


def _assert_passes(capsys, tmp_path: Path, name: str, envelope: str, data: dict) -> str:
    """Render through the CLI; the tap test (independent) keeps the layout's clearance, and
    the CLI's window line says the same within 0.05 mm. Returns what the window shows."""
    code, stdout, stderr, out = _render(capsys, tmp_path, data, envelope)
    assert code == 0, stderr
    assert "when the sheet slides" not in stderr, stderr
    env = next(e for e in envelopes(name) if e.name == envelope)
    verdict = tap_test(out, name, envelope)
    assert verdict.worst >= env.clearance - 0.01, (verdict, stdout)
    said = WINDOW_OK.search(stdout)
    assert said, stdout
    assert abs(float(said.group(1)) - verdict.worst) <= 0.051, (said.group(0), verdict)
    assert float(said.group(2)) == round(env.clearance, 1)
    assert PRINT_LINE in stdout.splitlines()
    assert f"envelope {envelope})." in stdout
    return verdict.shown


@pytest.mark.parametrize("name,envelope", VARIANTS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_envelope_keeps_the_clearance_wherever_the_sheet_slides(
    case: str, name: str, envelope: str, tmp_path: Path, capsys
) -> None:
    data = CASES[case](name, envelope)
    shown = _assert_passes(capsys, tmp_path, name, envelope, data).casefold()
    for key in ("name", "organization", "street", "city"):
        assert data["recipient"].get(key, "").casefold() in shown, (key, shown)
    if case == "two-pages":
        assert len(PdfReader(tmp_path / "letter.pdf").pages) == 2


@pytest.mark.parametrize("name,envelope", VARIANTS)
def test_the_longest_address_each_envelope_allows_keeps_clear(
    name: str, envelope: str, tmp_path: Path, capsys
) -> None:
    """As many lines as the layout file says the envelope keeps clear (``lines_in_view``),
    address and notes together, with a country line and an accented name."""
    env = next(e for e in envelopes(name) if e.name == envelope)
    assert env.lines_in_view >= 4, "every envelope must keep a four-line address clear"
    data = _with_lines(name, env.lines_in_view)
    shown = _assert_passes(capsys, tmp_path, name, envelope, data)
    lines = shown.splitlines()
    if "return_line" in layout_data(name):
        lines = lines[1:]  # the return line heads what the window shows
    assert len(lines) == env.lines_in_view, lines
    assert lines[-1] in ("AUSTRIA", "GERMANY", "CANADA")


@pytest.mark.parametrize("name,envelope", VARIANTS)
def test_one_line_more_than_the_envelope_keeps_clear_is_a_warning(
    name: str, envelope: str, tmp_path: Path, capsys
) -> None:
    """One line more than ``lines_in_view`` still prints, with the window-slide warning, as
    the README says; --strict stops with the same text and writes nothing."""
    env = next(e for e in envelopes(name) if e.name == envelope)
    data = layout_data(name)
    allowed = data["address"]["max_lines"] + data.get("notes", {}).get("max_lines", 0)
    if env.lines_in_view >= allowed:
        pytest.skip("the envelope keeps every line the layout allows clear")
    code, stdout, stderr, out = _render(
        capsys, tmp_path, _with_lines(name, env.lines_in_view + 1), envelope
    )
    assert code == 0, stderr
    warning = [line for line in stderr.splitlines() if "when the sheet slides" in line]
    assert len(warning) == 1 and warning[0].startswith("letterpress: warning: "), stderr
    assert f"in the {envelope} envelope; use fewer lines" in warning[0]
    assert stdout.splitlines()[1].startswith("Window: FAILS, ")
    assert tap_test(out, name, envelope).worst < env.clearance
    out.unlink()
    code, stdout, stderr, out = _render(
        capsys, tmp_path, _with_lines(name, env.lines_in_view + 1), envelope, "--strict"
    )
    assert code == 2 and not out.exists()
    assert stderr.strip() == warning[0].replace("letterpress: warning: ", "letterpress: error: ")


SLIDING = {
    # a five-line UK address in the 90 x 35 window, which keeps four lines 5 mm clear
    "uk-lines": (
        "uk-dl",
        "GB",
        {"department": "Human Resources"},
        "DL-90x35",
        '"Mei Lee" keeps only 2.5 mm of the 5.0 needed from the top edge when the sheet slides',
        "use fewer lines: the DL-90x35 envelope keeps 4 lines clear (address and "
        "notes); leave out a note or an address line, or use the DL envelope "
        "(--envelope)",
    ),
    # an organisation too long for what the #10 window keeps clear, not for the window
    "us-width": (
        "us-letter-10",
        "US",
        {"organization": "Nordlicht Logistics and Warehousing International Group"},
        "1/2-inch",
        '6.7 mm of "NORDLICHT LOGISTICS AND WAREHOUSING INTERNATIONAL GROUP" hides at '
        "the right edge when the sheet slides",
        'shorten "NORDLICHT LOGISTICS AND WAREHOUSING INTERNATIONAL GROUP": the '
        "1/2-inch envelope keeps 83 mm of width clear",
    ),
}


@pytest.mark.parametrize("case", sorted(SLIDING))
def test_the_window_line_and_warning_word_for_word(case: str, tmp_path: Path, capsys) -> None:
    """Fits the window with the sheet centred, not wherever it slides: written, with one
    warning and the FAILS line; --strict and --strict-window stop with the same text."""
    name, country, recipient, envelope, problem, hint = SLIDING[case]
    data = home_letter(name, country)
    data["recipient"].update(recipient)
    code, stdout, stderr, out = _render(capsys, tmp_path, data, envelope)
    src = tmp_path / "letter.json"
    what = f"{problem} in the {envelope} envelope"
    assert code == 0
    assert stderr.splitlines() == [f"letterpress: warning: {src}, recipient: {what}; {hint}"]
    assert stdout.splitlines() == [
        f"Wrote {out} (1 page, layout {name}, envelope {envelope}).",
        f"Window: FAILS, {problem}; {hint}",
        PRINT_LINE,
    ]
    assert tap_test(out, name, envelope).worst < _env(name, envelope).clearance
    for flag in ("--strict", "--strict-window"):
        out.unlink(missing_ok=True)
        code, stdout, stderr, out = _render(capsys, tmp_path, data, envelope, flag)
        assert (code, stdout, stderr) == (
            2,
            "",
            f"letterpress: error: {src}, recipient: {what}; {hint}\n",
        )
        assert not out.exists()


def test_window_line_of_a_letter_that_keeps_clear(tmp_path: Path, capsys) -> None:
    code, stdout, stderr, out = _render(capsys, tmp_path, letter(), "DL")
    assert code == 0
    assert stdout.splitlines() == [
        f"Wrote {out} (1 page, layout din5008-b, envelope DL).",
        "Window: OK, 3.0 mm clear at the worst position (needs 3.0)",
        PRINT_LINE,
    ]


def _broken_layout(tmp_path: Path) -> Path:
    """DIN 5008 form B with a window 45 mm shorter (20 high): too small for its address field."""
    text = (ROOT / "layouts" / "din5008-b.toml").read_text(encoding="utf-8")
    broken = tmp_path / "too-small.toml"
    broken.write_text(
        text.replace("width = 90.0, height = 45.0", "width = 90.0, height = 20.0"), encoding="utf-8"
    )
    return broken


def test_a_layout_whose_window_is_too_small_fails_its_own_promise(tmp_path: Path, capsys) -> None:
    """The check the bundled layouts pass (their ``lines_in_view`` lines keep clear) fails for
    a layout whose window is too small for its address field: exit 2, nothing written."""
    broken = _broken_layout(tmp_path)
    data = _with_lines("din5008-b", 7)
    data["layout"] = str(broken)
    code, stdout, stderr, out = _render(capsys, tmp_path, data, "DL")
    assert code == 2 and stdout == "" and not out.exists()
    assert stderr.startswith(f"letterpress: error: {tmp_path / 'letter.json'}, recipient.")
    assert "address lines do not fit the window of the too-small layout even at 8 pt" in stderr
    # three lines fit it with the sheet centred, but not wherever it slides: a warning
    short = _shortest("din5008-b")
    short["layout"] = str(broken)
    code, stdout, stderr, out = _render(capsys, tmp_path, short, "DL")
    assert code == 0 and "Window: FAILS, " in stdout
    assert "in the DL envelope; use fewer lines" in stderr
    assert tap_test(out, str(broken), "DL").worst < 3.0


def test_envelope_from_the_file_and_the_command_line(tmp_path: Path, capsys) -> None:
    data = letter(envelope="C6/5")
    code, stdout, _, _ = _render(capsys, tmp_path, data, "c6/5")
    assert code == 0 and "envelope C6/5)." in stdout
    src = tmp_path / "file.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    code, stdout, _ = _run(capsys, "letter", str(src), "-o", str(tmp_path / "f.pdf"))
    assert code == 0 and "envelope C6/5)." in stdout
    code, stdout, _ = _run(
        capsys, "letter", str(src), "-o", str(tmp_path / "g.pdf"), "--envelope", "DL"
    )
    assert code == 0 and "envelope DL)." in stdout


def test_unknown_envelope_is_one_line_naming_the_choices(tmp_path: Path, capsys) -> None:
    code, stdout, stderr, out = _render(capsys, tmp_path, letter(), "C5")
    assert (code, stdout) == (2, "") and not out.exists()
    assert stderr == (
        "letterpress: error: --envelope: the din5008-b layout has no envelope "
        "'C5'; did you mean 'C6/5'? its envelopes: DL, C6/5\n"
    )
    src = tmp_path / "file.json"
    src.write_text(json.dumps(letter(envelope="DL-90x35")), encoding="utf-8")
    code, _, stderr = _run(capsys, "letter", str(src), "-o", str(tmp_path / "f.pdf"))
    assert code == 2
    assert stderr == (
        f"letterpress: error: {src}, envelope: the din5008-b layout has no "
        "envelope 'DL-90x35'; its envelopes: DL, C6/5\n"
    )


def test_layouts_command_lists_the_envelopes_default_first(capsys) -> None:
    code, stdout, _ = _run(capsys, "layouts")
    assert code == 0
    lines = {line.split()[0]: line for line in stdout.splitlines()}
    for name in LAYOUTS:
        names = [e.name for e in envelopes(name)]
        expected = ", ".join([f"{names[0]} (default)", *names[1:]])
        assert lines[name].endswith(f"; envelopes {expected}"), lines[name]


def test_every_letter_pdf_asks_to_print_at_actual_size(tmp_path: Path, capsys) -> None:
    _, _, _, out = _render(capsys, tmp_path, letter(), "DL")
    prefs = PdfReader(out).trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None"


def test_the_merged_batch_asks_to_print_at_actual_size(tmp_path: Path, capsys) -> None:
    template = tmp_path / "t.json"
    template.write_text(json.dumps(letter(recipient__name="{{ row.name }}")), encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("name\nMei Lee\nTom Berg\n", encoding="utf-8")
    merged = tmp_path / "all.pdf"
    code, _, stderr = _run(
        capsys,
        "batch",
        str(template),
        str(rows),
        "-o",
        str(merged),
        "--jobs",
        "1",
        "--envelope",
        "C6/5",
    )
    assert code == 0, stderr
    reader = PdfReader(merged)
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"
    assert len(reader.pages) == 2


def test_the_readme_table_is_what_the_layout_files_promise() -> None:
    """The README's table of envelopes (lines kept clear, clearance) matches the layout files,
    whose promises the tests above measure."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| `([a-z0-9-]+)` \| `([^`]+)`[^|]*\| ([^|]+) \| ([\d.]+ (?:mm|in)) \| "
        r"(\d) \|$",
        readme,
        re.M,
    )
    assert rows, "no envelope table in the README"
    promised = {(name, env.name): env for name in LAYOUTS for env in envelopes(name)}
    assert {(r[0], r[1]) for r in rows} == set(promised)
    for name, envelope, _, clearance, lines in rows:
        env = promised[(name, envelope)]
        assert int(lines) == env.lines_in_view, (name, envelope)
        number, unit = clearance.split()
        assert float(number) * (25.4 if unit == "in" else 1) == pytest.approx(
            env.clearance, abs=0.01
        )


def test_a_batch_row_that_fails_the_tap_test_is_a_warning(tmp_path: Path, capsys) -> None:
    """The window check's warning names the row in a mail merge; --strict fails the row."""
    data = home_letter("uk-dl", "GB")
    data["recipient"]["name"] = "{{ row.name }}"
    template = tmp_path / "t.json"
    template.write_text(json.dumps(data), encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("name\nMei Lee\n", encoding="utf-8")
    merged = tmp_path / "all.pdf"
    args = (
        "batch",
        str(template),
        str(rows),
        "-o",
        str(merged),
        "--jobs",
        "1",
        "--envelope",
        "DL-90x35",
    )
    code, stdout, stderr = _run(capsys, *args)
    assert code == 0 and merged.exists()
    assert stderr.startswith(f"letterpress: warning: {rows}, row 2, ")
    assert "when the sheet slides in the DL-90x35 envelope; use fewer lines" in stderr
    merged.unlink()
    code, stdout, stderr = _run(capsys, *args, "--strict")
    assert code == 2 and not merged.exists()
    assert stderr.startswith(f"letterpress: error: {rows}, row 2, ")
    code, _, stderr = _run(capsys, *args[:-2])  # its default envelope, 90 x 45, keeps clear
    assert code == 0 and "window" not in stderr


def _ink_box(line: SetLine) -> Rect:
    """The reference measure: a placed line's ink on the sheet (mm) as a Rect."""
    ink = fonts.ink(line.text, line.font, line.size)
    return Rect(
        line.x + to_mm(ink.left),
        line.baseline - to_mm(ink.top),
        to_mm(ink.right - ink.left),
        to_mm(ink.top + ink.bottom),
    )


def _union(boxes: list[Rect]) -> Rect:
    left = min(b.x for b in boxes)
    top = min(b.y for b in boxes)
    return Rect(left, top, max(b.right for b in boxes) - left, max(b.bottom for b in boxes) - top)


def shown(field: AddressField) -> list[tuple[str, Rect]]:
    """Every line the window must show, with its ink box (the return line's joined with its
    rule's), measured with Rects."""
    out = []
    if field.return_line is not None:
        box = _ink_box(field.return_line)
        if field.rule is not None:
            half = to_mm(RULE_WEIGHT) / 2
            rule = Rect(field.rule.x, field.rule.y - half, field.rule.length, 2 * half)
            box = _union([box, rule])
        out.append((field.return_line.text, box))
    out += [(line.text, _ink_box(line)) for line in (*field.notes, *field.address)]
    return out


def clearance(box: Rect, window: Rect) -> Clearance:
    return Clearance(
        left=box.x - window.x,
        right=window.right - box.right,
        top=box.y - window.y,
        bottom=window.bottom - box.bottom,
    )


@pytest.mark.parametrize("name, envelope", VARIANTS)
def test_the_check_measures_each_line_as_its_ink_box(name: str, envelope: str) -> None:
    """The window check measures lines by their edges, without a Rect per line: the same
    clearances, line and side as measuring each line's ``ink_box`` (the return line's joined
    with its rule) with ``clearance``, for addresses that keep clear and ones that do not."""
    from letterpress.errors import UserError
    from letterpress.letter import prepare_letter
    from letterpress.letter.window import window_places

    data = layout_data(name)
    allowed = data["address"]["max_lines"] + data.get("notes", {}).get("max_lines", 0)
    checked = 0
    for lines in range(3, allowed + 1):
        try:
            prep = prepare_letter(_with_lines(name, lines), envelope=envelope)
        except UserError:
            continue  # more lines than this envelope's window takes at all
        places = window_places(prep.layout)
        boxes = shown(prep.address)
        worst = min(boxes, key=lambda item: clearance(item[1], places.view).least)
        assert prep.window.worst == clearance(worst[1], places.view).least
        assert (prep.window.line, prep.window.side) == (
            worst[0],
            clearance(worst[1], places.view).worst_side(),
        )
        assert prep.window.centred == min(clearance(b, places.centred).least for _, b in boxes)
        checked += 1
    assert checked >= 2
