"""Letters read back from the PDF: address in the window, text round-trips, pages, determinism."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from conftest import MM, home_letter, letter, run_cli
from pypdf import PdfReader

from letterpress.letter import render_letter
from letterpress.letter.layout import available_layouts, load_layout
from letterpress.letter.window import centred_window, window_reach

LAYOUTS = sorted(available_layouts())


def _words(path: Path, page: int = 0) -> list[dict]:
    with pdfplumber.open(path) as pdf:
        return pdf.pages[page].extract_words(keep_blank_chars=True, use_text_flow=True)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_address_line_lies_inside_the_window_with_clearance(
    name: str, tmp_path: Path
) -> None:
    layout = load_layout(name)
    data = home_letter(name, layout.country)
    data["recipient"]["department"] = "Human Resources"
    out = tmp_path / f"{name}.pdf"
    result = render_letter(data, out)
    window = centred_window(layout).inset(layout.envelope.clearance)
    lines = [line.text for line in result.address.address]
    assert len(lines) >= 4
    with pdfplumber.open(out) as pdf:
        chars = pdf.pages[0].chars
    for text in lines:
        found = [c for c in chars if abs(c["size"] - result.address.size) < 0.01]
        row = _row_with_text(found, text)
        assert row, f"address line {text!r} not found in the PDF"
        x0 = min(c["x0"] for c in row) / MM
        x1 = max(c["x1"] for c in row) / MM
        top = min(c["top"] for c in row) / MM
        bottom = max(c["bottom"] for c in row) / MM
        assert window.x - 0.01 <= x0 and x1 <= window.right + 0.01, (text, x0, x1, window)
        assert window.y - 0.01 <= top and bottom <= window.bottom + 0.01, (text, top, bottom)


def _row_with_text(chars: list[dict], text: str) -> list[dict]:
    rows: dict[float, list[dict]] = {}
    for c in chars:
        rows.setdefault(round(c["top"], 1), []).append(c)
    for row in rows.values():
        row.sort(key=lambda c: c["x0"])
        if "".join(c["text"] for c in row).replace(" ", "") == text.replace(" ", ""):
            return row
    return []


NAMES = {
    "latin-extended": "Łukasz Žemaitė-Ğülşen Ŧřő",
    "vietnamese": "Nguyễn Thị Phương Thảo",
    "greek": "Αλέξανδρος Παπαδόπουλος",
    "cyrillic": "Ярослава Мирошниченко",
}


@pytest.mark.parametrize("script", sorted(NAMES))
def test_names_round_trip_unchanged(script: str, tmp_path: Path) -> None:
    name = NAMES[script]
    out = tmp_path / "n.pdf"
    render_letter(letter(recipient__name=name, signature=name, opening=f"Dear {name},"), out)
    text = _text(out)
    assert text.count(name) >= 3, text


def test_markup_like_input_prints_literally_and_reads_no_file(tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    body = (
        'We met AT&T <Legal> and <img src="/etc/passwd"/> & <b>not bold</b>.\n\n'
        "2*3*4 stays as typed; **this is bold** and *this italic*."
    )
    render_letter(
        letter(
            recipient__organization="AT&T <Legal>",
            body=body,  # quotes as typed
            subject="Re: <font size=40>big</font>",
            typography="as-typed",
        ),
        out,
    )
    text = _text(out)
    assert 'AT&T <Legal> and <img src="/etc/passwd"/> & <b>not bold</b>.' in text
    assert "Re: <font size=40>big</font>" in text
    assert "AT&T <Legal>" in text.splitlines()
    assert "2*3*4 stays as typed; this is bold and this italic." in text
    assert "root:" not in text
    with pdfplumber.open(out) as pdf:
        fonts = {
            c["fontname"].split("+")[-1] for c in pdf.pages[0].chars if c["text"] in "this is bold"
        }
        italic = {
            c["fontname"].split("+")[-1]
            for c in pdf.pages[0].chars
            if c["text"] in "italic" and c["top"] > 0 and "Italic" in c["fontname"]
        }
    assert any("Bold" in f for f in fonts)
    assert italic  # the italic style is read on demand, and used


LONG_BODY = "\n\n".join(
    f"Paragraph {i}: " + "I appreciated the clear structure of the interview and the time the "
    "team took to answer my questions about the role and the way it grows over time. " * 3
    for i in range(1, 16)
)


def test_continuation_pages_are_numbered_and_have_a_header(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    result = render_letter(letter(body=LONG_BODY), out)
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert result.pages == pages >= 2
    first = reader.pages[0].extract_text()
    assert f"Page 1 of {pages}" in first
    for number in range(2, pages + 1):
        text = reader.pages[number - 1].extract_text()
        assert f"Page {number} of {pages}" in text
        assert "Ms Mei Lee" in text and "26 November 2026" in text
    assert "Paragraph 15" in _text(out)


def test_single_page_letter_has_no_page_numbers(tmp_path: Path) -> None:
    out = tmp_path / "one.pdf"
    render_letter(letter(), out)
    assert len(PdfReader(out).pages) == 1
    assert "Page" not in _text(out)


def _body_lines(page) -> list[dict]:
    """Body text lines of a page, without the continuation header and page number."""
    return [
        line
        for line in page.extract_text_lines()
        if line["top"] / MM > 30 and not line["text"].startswith("Page ")
    ]


@pytest.mark.parametrize("extra", range(6))
def test_no_widows_or_orphans(extra: int, tmp_path: Path) -> None:
    """A paragraph split across pages keeps at least two lines on each side."""
    words = "the team explained how the role grows and I valued the candour of the answers "
    body = "\n\n".join(f"P{i} " + words * (2 + (i * 7 + extra) % 5) for i in range(1, 18))
    out = tmp_path / "wo.pdf"
    render_letter(letter(body=body), out)
    with pdfplumber.open(out) as pdf:
        pages = [_body_lines(page) for page in pdf.pages]
    assert len(pages) >= 2
    for before, after in zip(pages, pages[1:]):
        if after and not after[0]["text"].startswith(("P", "Kind")):  # a paragraph continues
            starts = [i for i, line in enumerate(before) if line["text"].startswith("P")]
            assert len(before) - starts[-1] >= 2, "orphan: one line left at the page foot"
            nxt = [i for i, line in enumerate(after) if line["text"].startswith(("P", "Kind"))]
            assert (nxt[0] if nxt else len(after)) >= 2, "widow: one line at the page head"


@pytest.mark.parametrize("paragraphs", [15, 16])  # the enclosures, then the closing, fell over
def test_the_closing_and_the_enclosures_never_start_the_last_page_alone(
    paragraphs: int, write_letter
) -> None:
    """A last page holding only "Kind regards," and the name, or only the enclosures, is not a
    letter's last page: the closing, signature and enclosures stay together, and the body's
    last two lines go with them to the new page."""
    words = "the team explained how the role grows and I valued the candour of the answers "
    body = "\n\n".join(f"P{i} " + words * 4 for i in range(1, paragraphs + 1))
    path = write_letter(letter(body=body, enclosures=["CV", "Certificates"]))
    proc = run_cli("letter", str(path), "-q")
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(path.with_suffix(".pdf")) as pdf:
        assert len(pdf.pages) == 3
        before = [line["text"] for line in _body_lines(pdf.pages[1])]
        last = [line["text"] for line in _body_lines(pdf.pages[2])]
    closing = last.index("Kind regards,")
    assert closing == 2, last  # the last paragraph's last two lines, then the closing
    assert before[-1].startswith("team explained") and not last[0].startswith("P"), (before, last)
    assert last[closing:] == ["Kind regards,", "Jonas Petersen", "Enclosures", "CV", "Certificates"]


@pytest.mark.parametrize(
    "tag,expected",
    [
        ("en-US", "November 26, 2026"),
        ("en-GB", "26 November 2026"),
        ("de", "26. November 2026"),
        ("fr", "26 novembre 2026"),
    ],
)
def test_dates_are_localised(tag: str, expected: str, tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    render_letter(letter(language=tag), out)
    assert expected in _text(out)


def test_french_place_and_date_line(tmp_path: Path) -> None:
    data = home_letter("fr-right", "FR")
    data.update(language="fr", place="Paris")
    out = tmp_path / "fr.pdf"
    render_letter(data, out)
    text = _text(out)
    assert "Paris, le 26 novembre 2026" in text
    assert "Objet : Thank you for the interview" in text


def test_international_mail_gets_a_country_line_in_capitals_last(tmp_path: Path) -> None:
    data = letter(
        recipient__country="AT",
        recipient__postal_code="1010",
        recipient__city="Wien",
        recipient__street="Stephansplatz 1",
        language="de",
    )
    result = render_letter(data, tmp_path / "i.pdf")
    lines = [line.text for line in result.address.address]
    assert lines[-1] == "ÖSTERREICH"
    domestic = render_letter(letter(), None)
    assert all(line.text != "DEUTSCHLAND" for line in domestic.address.address)


def test_same_input_gives_identical_bytes_dated_by_the_letter(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_letter(letter(), a)
    render_letter(letter(), b)
    assert a.read_bytes() == b.read_bytes()
    assert PdfReader(a).metadata["/CreationDate"].startswith("D:20261126")


def test_the_api_takes_any_mapping_and_leaves_it_unchanged() -> None:
    """``render_letter`` takes the file's contents as any mapping (here a read-only one) and
    neither changes it nor prints it differently from the same dict."""
    import copy
    from types import MappingProxyType

    data = letter()
    before = copy.deepcopy(data)
    from_proxy = render_letter(MappingProxyType(data), None)
    assert data == before
    assert from_proxy.pdf == render_letter(letter(), None).pdf
    assert from_proxy.pages == 1


def test_fonts_are_embedded_as_subsets(tmp_path: Path) -> None:
    out = tmp_path / "f.pdf"
    render_letter(letter(), out)
    with pdfplumber.open(out) as pdf:
        names = {c["fontname"] for c in pdf.pages[0].chars}
    assert names and all("+" in n for n in names), names
    assert out.stat().st_size < 120_000


def test_nothing_but_the_address_inks_the_window_area(tmp_path: Path) -> None:
    """Render page 1 to pixels: inside the area the window can show, ink only where the return
    line, notes and address are set."""
    data = letter(recipient__notes=["Personal"])
    out = tmp_path / "w.pdf"
    result = render_letter(data, out)
    layout = load_layout("din5008-b")
    reach = window_reach(layout)
    dpi = 100
    page = pypdfium2.PdfDocument(str(out))[0]
    image = page.render(scale=dpi / 72).to_pil().convert("L")
    px = dpi / 25.4
    allowed = []
    fld = result.address
    drawn = [fld.return_line] if fld.return_line else []
    for line in drawn + list(fld.notes) + list(fld.address):
        allowed.append(
            (
                line.x - 0.5,
                line.baseline - line.size / MM * 1.1,
                line.x + 95,
                line.baseline + line.size / MM * 0.4 + 1.2,
            )
        )
    dark_outside = 0
    for y in range(int(reach.y * px), int(reach.bottom * px)):
        for x in range(int(reach.x * px), int(reach.right * px)):
            if image.getpixel((x, y)) < 128:
                xm, ym = x / px, y / px
                if not any(a <= xm <= c and b <= ym <= d for a, b, c, d in allowed):
                    dark_outside += 1
    assert dark_outside == 0
    # and the address itself is inked
    first = fld.address[0]
    ink = sum(
        1
        for x in range(int(first.x * px), int((first.x + 20) * px))
        if image.getpixel((x, int((first.baseline - 1) * px))) < 160
    )
    assert ink > 0


@pytest.mark.parametrize("sender_country", ["CH", "DE"])
def test_swiss_postcode_has_no_country_prefix(sender_country: str) -> None:
    data = home_letter("ch-right", "CH")
    data["sender"]["country"] = sender_country
    if sender_country == "DE":
        data["sender"].update(street="Hafenstraße 12", postal_code="20457", city="Hamburg")
    lines = [line.text for line in render_letter(data, None).address.address]
    # domestic Swiss mail in mixed case; mail from abroad names the town in capitals (UPU S42)
    assert ("8001 Zürich" if sender_country == "CH" else "8001 ZÜRICH") in lines
    assert not any(line.startswith("CH-") for line in lines)


HYPHEN_WORDS = {
    "de": [
        "Bewerbungsunterlagen",
        "und",
        "Vorstellungsgespräch",
        "mit",
        "Personalabteilung",
        "für",
        "Zusammenarbeit",
        "die",
        "Verantwortung",
        "wir",
    ],
    "en-GB": [
        "responsibilities",
        "and",
        "organisation",
        "the",
        "communication",
        "of",
        "opportunity",
        "we",
        "understanding",
        "to",
    ],
}


@pytest.mark.parametrize("tag", sorted(HYPHEN_WORDS))
def test_hyphenation_follows_the_letters_language(tag: str, tmp_path: Path) -> None:
    import random

    import pyphen

    rng = random.Random(7)
    words = HYPHEN_WORDS[tag]
    body = " ".join(rng.choice(words) for _ in range(400))
    out = tmp_path / "h.pdf"
    render_letter(letter(language=tag, body=body), out)
    dictionary = pyphen.Pyphen(lang=tag.replace("-", "_"))
    breaks = []
    for page in PdfReader(out).pages:
        lines = page.extract_text().splitlines()
        breaks += [
            (line.split()[-1], nxt.split()[0])
            for line, nxt in zip(lines, lines[1:])
            if line.endswith("-") and nxt.split()
        ]
    assert len(breaks) >= 3, "too few hyphenated line ends to judge"
    for head, tail in breaks:
        word = head[:-1] + tail
        assert word in words, (head, tail)
        assert len(head) - 1 in dictionary.positions(word), (head, tail)
        assert len(head) - 1 >= 3 and len(tail) >= 3


def test_signature_image_enclosures_and_cc(tmp_path: Path) -> None:
    from PIL import Image as PILImage

    sig = tmp_path / "sig.png"
    PILImage.new("RGB", (300, 100), "white").save(sig)
    data = letter(
        signature_image="sig.png", enclosures=["CV", "Certificates"], cc=["Tom Berg", "Ana Ruiz"]
    )
    src = tmp_path / "l.json"
    import json

    src.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "s.pdf"
    render_letter(src, out)
    page = PdfReader(out).pages[0]
    assert any(
        str(x["/Subtype"]) == "/Image"
        for x in page["/Resources"]["/XObject"].values()
        if "/Subtype" in x.get_object()
    )
    text = page.extract_text()
    assert "Enclosures\nCV\nCertificates" in text
    assert "cc Tom Berg, Ana Ruiz" in text


def test_free_form_address_lines_and_notes_zone(tmp_path: Path) -> None:
    data = letter(
        recipient={
            "name": "Mei Lee",
            "address_lines": ["Postfach 10 20 30", "20457 Hamburg"],
            "notes": ["Persönlich/Vertraulich"],
        }
    )
    result = render_letter(data, tmp_path / "f.pdf")
    assert [line.text for line in result.address.address] == [
        "Mei Lee",
        "Postfach 10 20 30",
        "20457 Hamburg",
    ]
    (note,) = result.address.notes
    assert note.text == "Persönlich/Vertraulich" and note.size == 8.0
    layout = load_layout("din5008-b")
    assert layout.address.top - 12.7 < note.baseline < layout.address.top
    window = centred_window(layout)
    assert window.y < note.baseline - note.size / MM
    with pdfplumber.open(tmp_path / "f.pdf") as pdf:
        words = pdf.pages[0].extract_words()
    assert any(
        w["text"] == "Persönlich/Vertraulich" and abs(w["bottom"] / MM - note.baseline) < 1.5
        for w in words
    )


def test_a_wide_line_shrinks_the_whole_block_but_never_below_8_pt(tmp_path: Path) -> None:
    org = "Nordlicht Logistik und Lagerhaltung GmbH & Co. KG"
    result = render_letter(letter(recipient__organization=org), tmp_path / "s.pdf")
    assert 8.0 <= result.address.size < 10.0
    assert {line.size for line in result.address.address} == {result.address.size}
    with pdfplumber.open(tmp_path / "s.pdf") as pdf:
        sizes = {round(c["size"], 2) for c in pdf.pages[0].chars if c["text"] in org}
    assert round(result.address.size, 2) in sizes
    window = centred_window(load_layout("din5008-b")).inset(3.0)
    assert result.address.block.right <= window.right + 1e-6


def test_french_no_break_spaces_never_break() -> None:
    """U+202F before ? ; ! (French typography) must keep the sign on its word's line, at any
    width; ReportLab alone would break there and drop the space."""
    from reportlab.platypus import Paragraph

    from letterpress.letter.layout import load_layout
    from letterpress.letter.markup import escape
    from letterpress.letter.story import styles

    body = styles(load_layout("fr-right"), "sans", "", ()).body
    for filler in range(40):
        text = (
            "Auriez-vous " + "x" * filler + " deux minutes à m\u2019accorder\u202f? "
            "Merci\u202f; à bientôt\u202f!"
        )
        para = Paragraph(escape(text), body)
        para.wrap(200, 1000)
        lines = [" ".join(words) for _, words in para.blPara.lines]
        assert not any(line.lstrip()[:1] in "?;!" for line in lines), lines
        assert "accorder\u00a0?" in "".join(lines) + " ".join(lines)


def test_french_dates_write_the_first_of_the_month_as_an_ordinal() -> None:
    import io
    from datetime import date

    from conftest import home_letter

    from letterpress.language import resolve_language

    data = home_letter("fr-right", "FR")
    data.update(language="fr-FR", date="2026-12-01", place="Paris")
    text = PdfReader(io.BytesIO(render_letter(data).pdf)).pages[0].extract_text()
    assert "Paris, le 1er décembre 2026" in text
    assert resolve_language("fr").long_date(date(2026, 12, 11)) == "11 décembre 2026"
    assert resolve_language("en-GB").long_date(date(2026, 12, 1)) == "1 December 2026"
