"""PDF/A-2b on request (``--pdfa``), checked clause by clause with what runs here (veraPDF,
the reference validator, is not installable from the package registries this project uses):
the XMP identification (ISO 19005-2, 6.6.4), XMP matching the document information
(6.6.3), an sRGB output intent with its ICC profile (6.2.3), every font embedded with one
cmap encoding for symbolic TrueType fonts (6.2.11.4, 6.2.11.6), an uncompressed metadata
stream, a file identifier and no encryption (6.1.3), and qpdf's structural check. Then
Apache PDFBox Preflight (Debian's libpdfbox2-java), a validator for PDF/A-1b, checks the
files against every rule PDF/A-1b and PDF/A-2b share: it may only object to what PDF/A-2
allows and PDF/A-1 does not (the ICC version 4 profile, ``pdfaid:part`` 2)."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT, letter, run_cli
from test_pdf_fonts import assert_all_embedded

from letterpress.letter import render_letter

WORKSHOP = ROOT / "examples" / "batch"
JARS = Path("/usr/share/java")
PREFLIGHT = [
    JARS / name
    for name in (
        "preflight.jar",
        "pdfbox2.jar",
        "fontbox2.jar",
        "xmpbox.jar",
        "commons-logging.jar",
        "javax.activation.jar",
        "jaxb-api.jar",
    )
]
# What PDFBox Preflight (PDF/A-1b) rightly says of a PDF/A-2b file: PDF/A-2 allows ICC
# version 4 profiles (ISO 19005-2, 6.2.3) and its identification says part 2.
PDFA_1_ONLY = {
    "2.1.6 : Invalid graphics object, Invalid version of the ICCProfile",
    "7.11.2 : Error on MetaData, part must be 1",
}


def preflight_findings(path: Path) -> set[str]:
    """The error lines Apache PDFBox Preflight prints for ``path`` (skips the test where it
    is not installed, unless LETTERPRESS_REQUIRE_PREFLIGHT is set, as in CI)."""
    missing = [jar.name for jar in PREFLIGHT if not jar.exists()]
    if missing or shutil.which("java") is None:
        if os.environ.get("LETTERPRESS_REQUIRE_PREFLIGHT"):
            raise AssertionError(f"PDFBox Preflight is not installed: {missing or 'java'}")
        pytest.skip("PDFBox Preflight (apt-get install libpdfbox2-java ...) is not installed")
    classpath = os.pathsep.join(str(jar) for jar in PREFLIGHT)
    validator = "org.apache.pdfbox.preflight.Validator_A1b"
    proc = subprocess.run(
        ["java", "-cp", classpath, validator, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Exception" not in proc.stderr, proc.stderr
    return {line.strip() for line in proc.stdout.splitlines()[1:] if line.strip()}


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
        assert profile.read_bytes()[12:16] in (b"mntr", b"prtr")  # 6.2.3: a device profile
        assert profile.read_bytes()[8] < 5  # 6.2.3: ICC version below 5
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
        assert preflight_findings(out) == PDFA_1_ONLY, name


def test_a_transparent_signature_is_pdfa_2b(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    picture = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(picture).line((10, 80, 290, 20), fill=(0, 0, 80, 255), width=4)
    picture.save(tmp_path / "signature.png")
    text = (ROOT / "examples" / "thank-you.toml").read_text(encoding="utf-8")
    source = tmp_path / "letter.toml"
    source.write_text(
        text.replace('signature = "Jonas Petersen"', 'signature_image = "signature.png"'),
        encoding="utf-8",
    )
    out = tmp_path / "letter.pdf"
    proc = run_cli("letter", str(source), "-o", str(out), "--pdfa")
    assert proc.returncode == 0, proc.stderr
    assert_pdfa_2b(out.read_bytes())
    # PDF/A-2 allows soft masks (ISO 19005-2, 6.2.10); PDF/A-1 does not
    soft_mask = "2.2.2 : Invalid graphics transparency, Soft Mask must be null or None"
    findings = preflight_findings(out)
    assert {line for line in findings if not line.startswith(soft_mask)} == PDFA_1_ONLY
    assert any(line.startswith(soft_mask) for line in findings)


def test_preflight_finds_what_a_plain_pdf_lacks(tmp_path: Path) -> None:
    out = tmp_path / "plain.pdf"
    assert (
        run_cli("letter", str(ROOT / "examples" / "thank-you.toml"), "-o", str(out)).returncode == 0
    )
    findings = preflight_findings(out)
    assert "7.1 : Error on MetaData, Metadata is not a stream" in findings  # no XMP
    assert any("can't be used with CMYK Profile" in line for line in findings)  # no intent


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
