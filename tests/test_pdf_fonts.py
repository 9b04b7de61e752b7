"""Every glyph of every kind of output comes from an embedded font (what ``pdffonts`` shows
as "emb yes"): letters on every layout, call sheets, envelopes, labels, the calibration sheet
and merged batches of each kind. Print shops and hybrid-mail services reject a PDF with a
font that is not embedded in preflight."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import ROOT, home_letter, letter, run_cli
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from letterpress.letter import render_letter
from letterpress.letter.layout import available_layouts, load_layout

CALL = ROOT / "examples" / "call.toml"
WORKSHOP = ROOT / "examples" / "batch"
LONG_BODY = "\n\n".join(f"Paragraph {n}: " + "Some text of a long letter. " * 40 for n in range(6))
BULLETS = (
    "I enjoyed the conversation about *the role*:\n\n- the team\n- the **office**\n"
    "- the *plans*\n\nI look forward to hearing from you."
)


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def font_dictionaries(pdf: bytes | Path) -> list[dict[str, Any]]:
    """Every font dictionary in the file (each object of /Type /Font, whether a page uses
    it or not, as pdffonts would list it), each as {name, subtype, embedded}."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    fonts = []
    for generation, objects in reader.xref.items():
        for number in objects:
            obj = reader.get_object(IndirectObject(number, generation, reader))
            if not isinstance(obj, DictionaryObject) or obj.get("/Type") != "/Font":
                continue
            subtype = obj.get("/Subtype")
            if subtype == "/Type3":  # glyphs drawn by the PDF itself: nothing to embed
                fonts.append({"name": str(obj.get("/Name")), "subtype": subtype, "embedded": True})
                continue
            if subtype == "/Type0":
                descendant = _resolve(_resolve(obj["/DescendantFonts"])[0])
                descriptor = _resolve(descendant.get("/FontDescriptor"))
            else:
                descriptor = _resolve(obj.get("/FontDescriptor"))
            embedded = descriptor is not None and any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts.append(
                {"name": str(obj.get("/BaseFont")), "subtype": subtype, "embedded": embedded}
            )
    return fonts


def assert_all_embedded(pdf: bytes | Path) -> None:
    fonts = font_dictionaries(pdf)
    assert fonts, "no fonts at all: the walk found nothing to check"
    missing = [f["name"] for f in fonts if not f["embedded"]]
    assert not missing, f"fonts not embedded: {missing}"


def test_the_check_catches_a_base14_font() -> None:
    """The walk sees ReportLab's default Helvetica when a canvas uses it (the check can fail)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canv = Canvas(buffer)
    canv.drawString(100, 100, "Helvetica, not embedded")
    canv.save()
    fonts = font_dictionaries(buffer.getvalue())
    assert {"name": "/Helvetica", "subtype": "/Type1", "embedded": False} in fonts


@pytest.mark.parametrize("name", list(available_layouts()))
def test_letters_on_every_layout_embed_every_font(name: str) -> None:
    country = load_layout(name).country
    data = home_letter(name, country)
    data["body"] = BULLETS
    data["typeface"] = "serif"
    data["enclosures"] = ["CV"]
    assert_all_embedded(render_letter(data).pdf)


def test_a_two_page_sans_letter_embeds_every_font() -> None:
    result = render_letter(letter(body=LONG_BODY + "\n\n" + BULLETS))
    assert result.pages >= 2
    assert_all_embedded(result.pdf)


def test_bullets_are_drawn_in_the_paragraphs_own_font_and_copy_as_bullets() -> None:
    pdf = render_letter(letter(body=BULLETS)).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = doc.pages[0].chars
    bullets = [c for c in chars if c["text"] == "\u2022"]
    assert len(bullets) == 3
    assert {c["fontname"].split("+")[-1] for c in bullets} == {"NotoSans-Regular"}
    assert "(cid:" not in "".join(c["text"] for c in chars)


def test_call_sheet_envelope_labels_and_calibration_embed_every_font(tmp_path: Path) -> None:
    outputs = {
        "call.pdf": ("call", str(CALL)),
        "envelope.pdf": ("envelope", str(ROOT / "examples" / "thank-you.toml")),
        "labels.pdf": (
            "labels",
            str(ROOT / "examples" / "labels.csv"),
            "--sheet",
            "L7163",
            "--from",
            "DE",
        ),
        "calibration.pdf": ("calibrate",),
    }
    for name, args in outputs.items():
        out = tmp_path / name
        proc = run_cli(*args, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        assert_all_embedded(out)


def test_an_envelope_with_its_back_page_embeds_every_font(tmp_path: Path) -> None:
    data = home_letter("uk-dl", "GB")  # Royal Mail: the return address on the back
    from letterpress.envelope import render_envelope

    result = render_envelope(data, tmp_path / "e.pdf")
    assert result.pages == 2
    assert_all_embedded(tmp_path / "e.pdf")


@pytest.mark.parametrize("kind", ["letter", "both", "envelope"])
def test_merged_batches_embed_every_font(kind: str, tmp_path: Path) -> None:
    template = tmp_path / "template.toml"
    text = (WORKSHOP / "workshop.toml").read_text(encoding="utf-8")
    text = text.replace('body = """\n', 'body = """\n- one point\n- another point\n\n')
    if kind == "both":  # the call sheet's table from the example call file
        text += "\n[call]\n" + CALL.read_text(encoding="utf-8").split("\n[call]\n", 1)[1]
    template.write_text(text, encoding="utf-8")
    out = tmp_path / "merged.pdf"
    proc = run_cli(
        "batch", str(template), str(WORKSHOP / "workshop.csv"), "-o", str(out), "--kind", kind
    )
    assert proc.returncode == 0, proc.stderr
    assert_all_embedded(out)
    with pdfplumber.open(out) as doc:
        assert "(cid:" not in "".join(page.extract_text() or "" for page in doc.pages)


def test_a_merged_batch_of_call_sheets_embeds_every_font(tmp_path: Path) -> None:
    out = tmp_path / "calls.pdf"
    proc = run_cli(
        "batch", str(CALL), str(WORKSHOP / "workshop.csv"), "-o", str(out), "--kind", "call"
    )
    assert proc.returncode == 0, proc.stderr
    assert_all_embedded(out)


def test_the_drawable_characters_kept_in_the_cache_folder_are_the_fonts_own(
    tmp_path: Path,
) -> None:
    """The characters a font draws are worked out from the font once, kept in the cache folder
    and read back by the next process: the same set both times, and a character the font lacks
    is still refused."""
    import os
    import subprocess
    import sys

    code = (
        "from letterpress.pdf import fonts; name = fonts.face('sans').regular; "
        "kept = fonts._drawable(name); "
        "own = frozenset(map(chr, fonts._coverage(name))) | fonts._IGNORED; "
        "print(kept == own, len(own) > 2000, fonts.drawable('Grüße €'), fonts.drawable('\\u4e00'))"
    )
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # worked out and kept, then read back
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.split() == ["True", "True", "True", "False"]
    assert list(tmp_path.glob("drawable-*.marshal"))


def test_glyph_boxes_kept_in_blocks_measure_as_the_fonts_own(tmp_path: Path) -> None:
    """The glyph boxes the window check measures by are kept in blocks decoded on demand: a
    new process (building them, then reading them back) measures every text as the boxes read
    from the font file do, a character the font lacks included, decoding only the blocks the
    texts need."""
    import os
    import subprocess
    import sys

    code = """
from math import inf
from letterpress.pdf import fonts
from letterpress.resources import data_dir
name = fonts.face('sans').regular
own = fonts._read_outlines(data_dir('fonts') / 'NotoSans-Regular.ttf')
def reference(text, size):
    x, left, bottom, right, top = 0.0, inf, inf, -inf, -inf
    for char in text:
        glyph = own.get(ord(char), (0.0,))
        if len(glyph) == 5:
            left, bottom = min(left, x + glyph[1]), min(bottom, glyph[2])
            right, top = max(right, x + glyph[3]), max(top, glyph[4])
        x += glyph[0]
    if left == inf:
        return (0.0, 0.0, 0.0, 0.0)
    return (left * size, right * size, top * size, -bottom * size)
texts = ['Hafenstraße 12', 'ÅNGSTRÖM ÿ', 'Ελληνικά Кириллица', 'Jörg \u4e00 Ölçü', '', ' ']
same = all(
    tuple(getattr(fonts.ink(t, name, 10.0), k) for k in ('left', 'right', 'top', 'bottom'))
    == reference(t, 10.0)
    for t in texts
)
boxes = fonts._outlines(name)
print(same, len(boxes.known) < 1000, len(boxes.groups.encoded) > 3)
"""
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # made and kept, then read back
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.split() == ["True", "True", "True"]
    assert list(tmp_path.glob("outlines-NotoSans-Regular.marshal"))


def test_a_font_read_back_from_the_cache_folder_has_the_parsed_fonts_tables(
    tmp_path: Path,
) -> None:
    """A font's tables are parsed once and read back by the next process: every table
    ReportLab's font holds is the parsed one's, the glyphs' characters (read only by text
    shaping) decoded when first read."""
    import os
    import subprocess
    import sys

    code = (
        "from letterpress.pdf import fonts; "
        "from letterpress.resources import data_dir; "
        "from reportlab.pdfbase.ttfonts import TTFont; "
        "path = data_dir('fonts') / 'NotoSans-Bold.ttf'; "
        "face = fonts._load('x', path).face; stored = type(face).__name__; "
        "decoded = 'glyphToChar' in vars(face); "
        "own = TTFont('y', str(path)).face; "
        "arrays = ('glyphPos', 'hmetrics'); "
        "kept = lambda k: list(getattr(face, k)) if k in arrays else getattr(face, k); "
        "same = all(kept(k) == v for k, v in vars(own).items() if k != '_pdfScale'); "
        "print(stored, decoded, same, face.glyphToChar == own.glyphToChar, len(own.glyphToChar))"
    )
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)  # parsed and kept, then read back
    ]
    assert runs[0][:4] == ["TTFontFace", "True", "True", "True"]
    assert runs[1][:4] == ["_StoredFace", "False", "True", "True"]
    assert int(runs[1][4]) > 2000
    assert list(tmp_path.glob("font-NotoSans-Bold.marshal"))


def _gap_before_closing(body: str) -> float:
    """Points from the body's last baseline to the closing's."""
    pdf = render_letter(letter(body=body, closing="Kind regards,")).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        words = doc.pages[0].extract_words()
    closing = next(w for w in words if w["text"] == "Kind")
    last = max(w["bottom"] for w in words if w["bottom"] < closing["top"])
    return float(closing["bottom"] - last)


def test_the_closing_keeps_the_paragraph_space_after_a_closing_list() -> None:
    """A body that ends in a bullet item: the closing sits a paragraph's space below it, as
    below a paragraph, not the items' tighter pitch."""
    after_paragraph = _gap_before_closing("Thank you.\n\n- one point\n\nA last word.")
    after_list = _gap_before_closing("Thank you.\n\n- one point\n- a last point")
    assert after_list == pytest.approx(after_paragraph, abs=0.01)
