"""Plain envelopes read back from the PDF: page sizes, the address inside the post's read
area and out of its clear zones, the return address where the post wants it, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest
from conftest import MM, assert_one_line_error, home_letter, letter, run_cli
from pypdf import PdfReader

from letterpress.envelope import bundled_sizes, find_size, render_envelope
from letterpress.letter.layout import Rect
from letterpress.mailpiece.posts import bundled_posts, post_for

SIZES = [size.name for size in bundled_sizes()]
HOMES = [("din5008-b", "DE"), ("us-letter-10", "US"), ("uk-dl", "GB"), ("fr-right", "FR")]


def _text_box(path: Path, page: int = 0, size: float | None = None) -> list[Rect]:
    """Each text line's box on a page (of type ``size`` only, if given), in mm from the
    top-left corner."""
    return [box for box, _ in _lines(path, page, size)]


def _lines(path: Path, page: int = 0, size: float | None = None) -> list[tuple[Rect, str]]:
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[page].extract_words(
            use_text_flow=True, keep_blank_chars=True, extra_attrs=["size"]
        )
    return [
        (
            Rect(
                w["x0"] / MM, w["top"] / MM, (w["x1"] - w["x0"]) / MM, (w["bottom"] - w["top"]) / MM
            ),
            w["text"],
        )
        for w in words
        if size is None or abs(w["size"] - size) < 0.01
    ]


def _inside(inner: Rect, outer: Rect, tol: float = 0.01) -> bool:
    return (
        outer.x - tol <= inner.x
        and inner.right <= outer.right + tol
        and outer.y - tol <= inner.y
        and inner.bottom <= outer.bottom + tol
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_page_is_the_envelope_for_every_size(size: str, tmp_path: Path) -> None:
    result = render_envelope(letter(), tmp_path / "e.pdf", size=size)
    spec = find_size(size)
    page = PdfReader(tmp_path / "e.pdf").pages[0]
    assert float(page.mediabox.width) / MM == pytest.approx(spec.width, abs=0.01)
    assert float(page.mediabox.height) / MM == pytest.approx(spec.height, abs=0.01)
    assert result.pages == 1  # Deutsche Post: the return address on the front


@pytest.mark.parametrize("layout,country", HOMES)
@pytest.mark.parametrize("size", ["DL", "C6", "C5", "#10", "#6-3/4"])
def test_address_lies_in_the_read_area_and_out_of_every_clear_zone(
    layout: str, country: str, size: str, tmp_path: Path
) -> None:
    data = home_letter(layout, country)
    data["recipient"]["department"] = "Human Resources"
    out = tmp_path / "e.pdf"
    result = render_envelope(data, out, size=size)
    post, spec = result.prepared.post, result.prepared.size
    read = post.read_area(spec.width, spec.height)
    clear = post.clear_zones(spec.width, spec.height)
    block = result.prepared.layout.address
    lines = [line.text for line in block.lines]
    found = _lines(out, size=block.size)
    assert [text for _, text in found] == lines
    for box, _ in found:
        assert _inside(box, read), (box, read)
        for name, zone in clear:
            assert not box.intersects(zone), (name, box, zone)


def _words(path: Path, page: int = 0) -> list[str]:
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[page].extract_words(use_text_flow=True, keep_blank_chars=True)
    return [w["text"] for w in words]


def test_usps_envelope_keeps_the_ocr_read_area_and_the_barcode_clear_zone(tmp_path: Path) -> None:
    out = tmp_path / "e.pdf"
    data = home_letter("us-letter-10", "US")
    render_envelope(data, out)
    page = PdfReader(out).pages[0]
    width, height = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
    assert (width, height) == (pytest.approx(241.3), pytest.approx(104.775))  # #10
    # The USPS figures, in inches from the edges (Publication 28, A1), measured here
    # independently of the data file.
    ocr = Rect(0.5 * 25.4, height - 2.75 * 25.4, width - 1.0 * 25.4, (2.75 - 0.625) * 25.4)
    barcode = Rect(width - 4.75 * 25.4, height - 0.625 * 25.4, 4.75 * 25.4, 0.625 * 25.4)
    words = dict(zip(_words(out), _text_box(out)))
    for text in (
        "MEI LEE",
        "NORDLICHT LOGISTIK",
        "1600 AMPHITHEATRE PKWY",
        "MOUNTAIN VIEW CA 94043",
    ):
        assert _inside(words[text], ocr), (text, words[text], ocr)
        assert not words[text].intersects(barcode)
    # the return address: upper left corner, above the delivery address
    assert words["ALEX EXAMPLE"].x < 15 and words["ALEX EXAMPLE"].y < 15


def test_deutsche_post_zones_and_return_address_top_left(tmp_path: Path) -> None:
    out = tmp_path / "e.pdf"
    render_envelope(letter(), out, size="DL")
    words = dict(zip(_words(out), _text_box(out)))
    lese = Rect(15, 40, 220 - 30, 110 - 40 - 15)  # Lesezone on DL
    for text in ("Ms Mei Lee", "Nordlicht Logistik GmbH", "Hafenstraße 12", "20457 Hamburg"):
        assert _inside(words[text], lese), (text, words[text])
    sender = words["Jonas Petersen"]
    assert sender.bottom < 40 and sender.right < 220 - 74  # clear of the Freimachungszone


def test_royal_mail_puts_the_return_address_on_the_back(tmp_path: Path) -> None:
    data = home_letter("uk-dl", "GB")
    out = tmp_path / "e.pdf"
    result = render_envelope(data, out)
    assert result.pages == 2
    assert "Alex Example" not in _words(out, 0)
    assert _words(out, 1)[0] == "Alex Example"


def test_addresses_are_formatted_exactly_as_in_the_letter(tmp_path: Path) -> None:
    from letterpress.letter import render_letter

    data = letter(
        recipient__country="AT",
        recipient__postal_code="1010",
        recipient__city="Wien",
        recipient__street="Stephansplatz 1",
    )
    letter_lines = [line.text for line in render_letter(data).address.address]
    envelope = render_envelope(data, tmp_path / "e.pdf")
    assert [line.text for line in envelope.prepared.layout.address.lines] == letter_lines
    assert letter_lines[-1] == "ÖSTERREICH" or letter_lines[-1] == "AUSTRIA"
    # the return address names the sender's country on mail abroad
    assert "GERMANY" in [line.text for line in envelope.prepared.layout.return_block.lines]


def test_envelope_is_byte_identical_for_the_same_input(tmp_path: Path) -> None:
    assert render_envelope(letter()).pdf == render_envelope(letter()).pdf


def test_every_post_file_has_sources_and_consistent_zones() -> None:
    for post in bundled_posts():
        assert post.sources
        for size in bundled_sizes():
            read = post.read_area(size.width, size.height)
            assert read.width > 0 and read.height > 0, (post.key, size.name)
            for name, zone in post.clear_zones(size.width, size.height):
                assert not read.intersects(zone), (post.key, size.name, name)
    assert post_for("US").name == "USPS" and post_for("XX").key == "generic"


# --- the command line ----------------------------------------------------------------------


def test_cli_writes_the_envelope_and_reports_where_the_address_went(
    write_letter, tmp_path: Path
) -> None:
    path = write_letter(letter())
    proc = run_cli("envelope", str(path))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "letter-envelope.pdf"
    assert out.is_file()
    assert proc.stdout.splitlines() == [
        f"Wrote {out} (DL envelope, 220 x 110 mm).",
        "Address 11 pt, 99.0 mm from the left and 55.0 mm from the top edge, inside the "
        "Lesezone (address zone) of Deutsche Post.",
    ]
    french = write_letter(letter(sender__country="FR", sender__postal_code="69002"))
    proc = run_cli("envelope", str(french))  # no data for La Poste: the generic zones
    assert proc.stdout.splitlines()[1].endswith("inside the address area of any post.")


def test_cli_unknown_size_is_one_line(write_letter) -> None:
    proc = run_cli("envelope", str(write_letter(letter())), "--size", "C7")
    assert_one_line_error(proc)
    assert proc.stderr.strip().startswith(
        "letterpress: error: --size: unknown envelope size 'C7'; did you mean 'C6'? (known: DL,"
    )


def test_cli_unknown_size_with_none_near_lists_the_sizes(write_letter) -> None:
    proc = run_cli("envelope", str(write_letter(letter())), "--size", "zz")
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        "letterpress: error: --size: unknown envelope size 'zz'; use one of DL, C6/5, C6, C5, "
        "C4, B6, B5, B4, #10, #9, #6-3/4, Monarch, A2, A7, 6x9, 9x12"
    )


def test_cli_address_too_wide_for_a_small_envelope_names_the_field(
    write_letter, tmp_path: Path
) -> None:
    data = letter(  # a street line never breaks: the post reads it whole
        recipient__street="Wilhelm-Leuschner-Straße 127, Hinterhaus, Aufgang C, 4. Etage links, "
        "bei Familie Oberndorfer-Schmidt"
    )
    path = write_letter(data)
    proc = run_cli("envelope", str(path), "--size", "C6")
    assert_one_line_error(
        proc,
        f"{path}, recipient.street: address line",
        "the Deutsche Post Lesezone (address zone) of a C6 envelope leaves 132.0 mm",
        "shorten or abbreviate it, or use a larger envelope",
    )
    assert not (tmp_path / "letter-envelope.pdf").exists()


def test_a_name_or_organisation_too_wide_breaks_at_a_word_in_the_read_area(
    write_letter, tmp_path: Path
) -> None:
    """A federal authority's name on a C6 envelope, and a professor's return address on an
    A2: the envelope was refused ("address line ... leaves 132.0 mm"), and the return
    address left out, though the letter breaks such a line at a word. Both now break onto
    further lines: the address inside the Lesezone, the return address inside its corner."""
    organisation = (
        "Bundesamt für Lebensmittelsicherheit und Veterinärwesen, Abteilung Grenzkontrolle "
        "und Einfuhrüberwachung an den Außengrenzen der Union"
    )
    sender = "Prof. Dr. Maximilian Alexander von Hohenzollern-Sigmaringen"
    data = letter(recipient__organization=organisation, sender__name=sender)
    path = write_letter(data)
    for size, roomy in (("C6", True), ("A2", False)):  # C6: the sender fits whole
        out = tmp_path / f"{size}.pdf"
        proc = run_cli("envelope", str(path), "--size", size, "-o", str(out))
        assert (proc.returncode, proc.stderr) == (0, ""), size
        with pdfplumber.open(out) as pdf:
            found = pdf.pages[0].extract_text_lines()
        texts = [line["text"] for line in found]
        assert any(t.startswith("Prof. Dr. Maximilian") for t in texts), texts  # not left out
        assert (sender in texts) == roomy, texts
        envelope = find_size(size)
        post = post_for("DE")
        read = post.read_area(envelope.width, envelope.height)
        corner = post.return_area(envelope.width, envelope.height)
        words = " ".join(t for t in texts if not t.startswith(("Prof.", "Hohen", "Lindenallee")))
        assert organisation in words, texts
        for line in found:
            box = Rect(
                line["x0"] / MM,
                line["top"] / MM,
                (line["x1"] - line["x0"]) / MM,
                (line["bottom"] - line["top"]) / MM,
            )
            assert _inside(box, read) or _inside(box, corner), (line["text"], box)


@pytest.mark.parametrize(
    ("typed", "size"),
    [
        ("DIN lang", "DL"),
        ("DIN-lang", "DL"),
        ("DIN lang+", "C6/5"),
        ("DIN C5", "C5"),
        ("US #10", "#10"),
        ("No. 10", "#10"),
        ("#10 envelope", "#10"),
        ("#7 3/4", "Monarch"),
    ],
)
def test_cli_takes_an_envelope_size_as_shops_name_it(
    typed: str, size: str, write_letter, tmp_path: Path
) -> None:
    """German shops sell DL as "DIN lang" (DIN 678), and people write "DIN C5", "US #10" or
    "#10 envelope": each was "unknown envelope size". They now name the size they mean, and
    the page is that envelope."""
    out = tmp_path / "e.pdf"
    proc = run_cli("envelope", str(write_letter(letter())), "--size", typed, "-o", str(out))
    assert (proc.returncode, proc.stderr) == (0, "")
    spec = find_size(size)
    assert proc.stdout.startswith(f"Wrote {out} ({spec.name} envelope, ")
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) / MM == pytest.approx(spec.width, abs=0.01)
    assert float(page.mediabox.height) / MM == pytest.approx(spec.height, abs=0.01)


def test_cli_an_address_list_given_as_the_letter_file_says_how_to_make_envelopes_of_it(
    tmp_path: Path,
) -> None:
    """'letterpress envelope people.csv' said to run "letterpress batch letter.toml
    people.csv", which makes letters; for envelopes of a list it now names --kind envelope,
    and labels."""
    data = tmp_path / "people.csv"
    data.write_text("name,street,postal_code,city\nMei Lee,Hafenstraße 12,20457,Hamburg\n")
    proc = run_cli("envelope", "people.csv", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (
        "letterpress: error: people.csv: a spreadsheet, not a letter file (TOML or JSON); give "
        "the letter file here; for an envelope per row: letterpress batch letter.toml "
        "people.csv --kind envelope -o envelopes.pdf, or labels: letterpress labels people.csv "
        "--sheet L7163 -o labels.pdf\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.csv"]


def test_cli_envelope_needs_no_subject_or_body(tmp_path: Path) -> None:
    data = {"sender": letter()["sender"], "recipient": letter()["recipient"]}
    path = tmp_path / "addr.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    proc = run_cli("envelope", str(path), "-o", str(tmp_path / "x.pdf"))
    assert proc.returncode == 0, proc.stderr


def test_cli_missing_recipient_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "addr.json"
    path.write_text(json.dumps({"sender": letter()["sender"]}), encoding="utf-8")
    proc = run_cli("envelope", str(path))
    assert_one_line_error(proc)
    assert proc.stderr.strip() == (
        f"letterpress: error: {path}: missing table [recipient]; add "
        "a [recipient] table with name and address"
    )


def test_batch_makes_one_envelope_per_row(tmp_path: Path) -> None:
    from conftest import ROOT

    out = tmp_path / "envelopes.pdf"
    proc = run_cli(
        "batch",
        str(ROOT / "examples/batch/workshop.toml"),
        str(ROOT / "examples/batch/workshop.csv"),
        "-o",
        str(out),
        "--kind",
        "envelope",
        "--jobs",
        "1",
    )
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    for page in reader.pages:
        assert float(page.mediabox.width) / MM == pytest.approx(220.0, abs=0.01)
    names = [page.extract_text().splitlines()[3] for page in reader.pages]
    assert names == sorted(names, key=names.index)  # rows in order
    manifest = (tmp_path / "envelopes.manifest.csv").read_text(encoding="utf-8")
    assert manifest.count(",envelope,ok,") == 4


def test_batch_envelopes_in_the_size_asked_for(tmp_path: Path) -> None:
    """`batch --kind envelope --envelope C5`: the option was ignored and every envelope
    came out DL (220 x 110 mm) without a word; now C5 (229 x 162 mm), each address in the
    Deutsche Post Lesezone of that size (15 mm from the sides, 40 mm from the top, above the
    15 mm Codierzone); an unknown size is one line before any row."""
    from conftest import ROOT

    out = tmp_path / "envelopes.pdf"
    template, data = ROOT / "examples/batch/workshop.toml", ROOT / "examples/batch/workshop.csv"
    proc = run_cli(
        "batch", str(template), str(data), "-o", str(out), "--kind", "envelope", "--envelope", "C5"
    )
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    lesezone = Rect(15.0, 40.0, 229.0 - 30.0, 162.0 - 40.0 - 15.0)
    for number, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
        assert (width, height) == (pytest.approx(229.0, abs=0.01), pytest.approx(162.0, abs=0.01))
        address = _text_box(out, number, size=11.0)
        assert len(address) >= 3 and all(_inside(box, lesezone) for box in address), address
    proc = run_cli(
        "batch", str(template), str(data), "-o", str(out), "--kind", "envelope", "--envelope", "C55"
    )
    assert_one_line_error(
        proc, "letterpress: error: --envelope: unknown envelope size 'C55'; did you mean 'C5'?"
    )


def test_envelopes_and_labels_ignore_cells_only_the_letter_text_uses(tmp_path: Path) -> None:
    """A cell the letter's subject and body read ('next week' where a date should be) fails
    that row's letter, but not its envelope or its label: neither prints the text."""
    from conftest import ROOT

    template = ROOT / "examples/batch/workshop.toml"
    rows = (ROOT / "examples/batch/workshop.csv").read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].replace(";2026-12-03;", ";next week;")
    data = tmp_path / "people.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    letters = run_cli("batch", str(template), str(data), "-o", str(tmp_path / "l.pdf"))
    assert letters.returncode == 1
    assert letters.stderr.splitlines() == [
        f"letterpress: error: {data}, row 3, column 'workshop' (subject): 'next week' is not a "
        "date; write it as YYYY-MM-DD"
    ]
    out = tmp_path / "e.pdf"
    envelopes = run_cli("batch", str(template), str(data), "-o", str(out), "--kind", "envelope")
    assert (envelopes.returncode, envelopes.stderr) == (0, "")
    assert len(PdfReader(out).pages) == 4
    sheet = tmp_path / "labels.pdf"
    labels = run_cli(
        "labels", str(data), "--template", str(template), "--sheet", "L7163", "-o", str(sheet)
    )
    assert (labels.returncode, labels.stderr) == (0, "")
    assert "Jörg Weiß" in PdfReader(sheet).pages[0].extract_text()


def test_cli_names_an_inch_size_to_a_tenth_of_a_millimetre(write_letter) -> None:
    # 9 1/2 x 4 1/8 in is 241.3 x 104.775 mm; nobody measures an envelope to a micrometre
    proc = run_cli("envelope", str(write_letter(letter())), "--size", "#10")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].endswith(" (#10 envelope, 241.3 x 104.8 mm).")
