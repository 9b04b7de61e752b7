"""What every PDF says about itself, read back with pypdf: /Lang, a title from the subject (or
"Letters to N recipients" for a merged batch), the sender as author, and the viewer
preference to print at actual size (a print dialog that scales to fit moves the address)."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, letter, run_cli
from pypdf import PdfReader

from letterpress.letter import render_letter

WORKSHOP = ROOT / "examples" / "batch"


def facts(path: Path) -> dict[str, object]:
    """The document's language, title, author and print scaling preference."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    prefs = root.get("/ViewerPreferences")
    prefs = prefs.get_object() if prefs is not None else {}
    info = reader.metadata or {}
    return {
        "lang": root.get("/Lang"),
        "title": info.get("/Title"),
        "author": info.get("/Author"),
        "scaling": prefs.get("/PrintScaling"),
        "display_title": prefs.get("/DisplayDocTitle"),
    }


def test_a_letter_carries_language_title_author_and_actual_size(tmp_path: Path) -> None:
    out = tmp_path / "l.pdf"
    render_letter(letter(language="fr", subject="Candidature au poste d’analyste"), out)
    assert facts(out) == {
        "lang": "fr",
        "title": "Candidature au poste d’analyste",
        "author": "Jonas Petersen",
        "scaling": "/None",
        "display_title": True,
    }


def test_call_sheet_envelope_labels_and_calibration_carry_them_too(tmp_path: Path) -> None:
    outputs = {
        "call.pdf": ("call", str(ROOT / "examples" / "call.toml")),
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
    seen = {}
    for name, args in outputs.items():
        out = tmp_path / name
        proc = run_cli(*args, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        seen[name] = facts(out)
        assert seen[name]["scaling"] == "/None", name
        assert seen[name]["lang"], name
        assert seen[name]["title"], name
    assert seen["call.pdf"]["author"] == "Anna Keller"
    assert seen["envelope.pdf"]["author"] == "Jonas Petersen"
    assert seen["envelope.pdf"]["lang"] == "en-GB"


def test_a_merged_batch_is_titled_by_its_count_in_the_letters_language(tmp_path: Path) -> None:
    template = tmp_path / "einladung.toml"
    text = (WORKSHOP / "workshop.toml").read_text(encoding="utf-8")
    template.write_text(text.replace('language = "en-GB"', 'language = "de"'), encoding="utf-8")
    out = tmp_path / "merged.pdf"
    proc = run_cli("batch", str(template), str(WORKSHOP / "workshop.csv"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert facts(out) == {
        "lang": "de",
        "title": "Briefe an 4 Empfänger",
        "author": "Careers Service",
        "scaling": "/None",
        "display_title": True,
    }


def test_a_merged_batch_in_english_counts_its_recipients(tmp_path: Path) -> None:
    out = tmp_path / "merged.pdf"
    proc = run_cli(
        "batch", str(WORKSHOP / "workshop.toml"), str(WORKSHOP / "workshop.csv"), "-o", str(out)
    )
    assert proc.returncode == 0, proc.stderr
    assert facts(out)["title"] == "Letters to 4 recipients"
    assert facts(out)["lang"] == "en-GB"
