"""PDF/A-2b on request (``--pdfa``), checked clause by clause with what runs here (veraPDF,
the reference validator, is not installable from the package registries this project uses):
the XMP identification (ISO 19005-2, 6.6.4), XMP matching the document information
(6.6.3), an sRGB output intent with its ICC profile (6.2.3), every font embedded with one
cmap encoding for symbolic TrueType fonts (6.2.11.4, 6.2.11.6), an uncompressed metadata
stream, a file identifier and no encryption (6.1.3), and qpdf's structural check."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT, letter, run_cli
from test_pdf_fonts import assert_all_embedded

from letterpress.letter import render_letter

WORKSHOP = ROOT / "examples" / "batch"


def assert_pdfa_2b(pdf: bytes) -> None:
    """The clauses of PDF/A-2b these documents could break, checked one by one."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert doc.check_pdf_syntax() == []  # qpdf's structural check
        assert not doc.is_encrypted
        assert "/ID" in doc.trailer
        meta = doc.open_metadata()
        assert meta.pdfa_status == "2B"
        stream = doc.Root.Metadata
        assert "/Filter" not in stream.stream_dict
        info = doc.docinfo
        assert meta["dc:title"] == str(info.Title)
        if "/Author" in info:
            assert meta["dc:creator"] == [str(info.Author)]
        assert meta["pdf:Producer"] == str(info.Producer)
        assert meta["xmp:CreatorTool"] == str(info.Creator)
        assert meta["xmp:CreateDate"].startswith(str(info.CreationDate)[2:6])
        assert "/Trapped" not in info and "/Keywords" not in info
        intents = doc.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFA1"
        profile = intents[0].DestOutputProfile
        assert profile.N == 3 and profile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        assert profile.read_bytes()[16:20] == b"RGB "
        for page in doc.pages:
            for font in page.Resources.Font.values():
                data = font.FontDescriptor.FontFile2.read_bytes()
                if int(font.FontDescriptor.Flags) & 4:  # symbolic: no /Encoding, one cmap
                    assert "/Encoding" not in font
                    assert len(_cmap_subtables(data)) == 1
    assert_all_embedded(pdf)


def _cmap_subtables(font: bytes) -> list[tuple[int, int, int]]:
    """The (platform, encoding, offset) entries of a TrueType font program's cmap."""
    count = struct.unpack(">H", font[4:6])[0]
    for i in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", font[12 + 16 * i : 28 + 16 * i])
        if tag == b"cmap":
            subtables = struct.unpack(">H", font[offset + 2 : offset + 4])[0]
            return [
                struct.unpack(">HHI", font[offset + 4 + 8 * k : offset + 12 + 8 * k])
                for k in range(subtables)
            ]
    raise AssertionError("no cmap table")


def test_a_letter_is_pdfa_on_request_and_the_same_every_time() -> None:
    data = letter(
        language="fr",
        layout="fr-right",
        subject="Candidature",
        body="Merci !\n\n- un point\n- un autre",
    )
    plain = render_letter(data).pdf
    made = render_letter(data, pdfa=True).pdf
    assert_pdfa_2b(made)
    assert render_letter(data, pdfa=True).pdf == made
    with pikepdf.open(io.BytesIO(plain)) as doc:
        assert "/Metadata" not in doc.Root  # only on request


def test_the_check_catches_a_plain_pdf() -> None:
    with pytest.raises(AssertionError):
        assert_pdfa_2b(render_letter(letter()).pdf)


def test_the_commands_write_pdfa(tmp_path: Path) -> None:
    outputs = {
        "letter.pdf": ("letter", str(ROOT / "examples" / "thank-you.toml")),
        "call.pdf": ("call", str(ROOT / "examples" / "call.toml")),
        "merged.pdf": ("batch", str(WORKSHOP / "workshop.toml"), str(WORKSHOP / "workshop.csv")),
    }
    for name, args in outputs.items():
        out = tmp_path / name
        proc = run_cli(*args, "-o", str(out), "--pdfa")
        assert proc.returncode == 0, proc.stderr
        assert_pdfa_2b(out.read_bytes())


def test_pdfa_for_a_folder_of_files_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run_cli(
        "batch",
        str(WORKSHOP / "workshop.toml"),
        str(WORKSHOP / "workshop.csv"),
        "--out-dir",
        str(tmp_path / "out"),
        "--pdfa",
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "letterpress: error: --pdfa: --pdfa applies to the merged PDF (-o) only; write -o "
        "MERGED.pdf, or make each file with letterpress letter --pdfa"
    )
