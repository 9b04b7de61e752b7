"""Typography per language, read back from the PDFs: French spacing with no-break spaces (no
line starts with ``; : ? !`` or ``»``), labels spaced, no doubled subject prefix, German
``Betreff:`` dropped with a warning, typographic quotes and apostrophes per language (or as
typed), and the DIN information block's date without the place."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import letter, run_cli

from letterpress.language.typography import typed_prefix, typography
from letterpress.letter import prepare_letter, render_letter

NBSP, NNBSP = "\u00a0", "\u202f"
FRENCH = {
    "language": "fr",
    "layout": "fr-right",
    "opening": "Madame,",
    "closing": "Je vous prie d’agréer, Madame, mes salutations distinguées.",
}


def write_json(path: Path, data: dict[str, Any]) -> Path:
    """A letter file (JSON: letterpress reads the schema as JSON too)."""
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def lines(pdf: bytes) -> list[str]:
    """Every printed line of every page, as the reader sees it."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [line["text"] for page in doc.pages for line in page.extract_text_lines(strip=False)]


def text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


@pytest.mark.parametrize(
    "tag,typed,expected",
    [
        (
            "en",
            "She said \"it's O'Connor's 'best' idea\" in the '90s",
            "She said “it’s O’Connor’s ‘best’ idea” in the ’90s",
        ),
        ("en-GB", "the students' books", "the students’ books"),
        (
            "de",
            'Er sagte "Andreas\' Buch ist \'gut\'" - "ja"',
            "Er sagte „Andreas’ Buch ist ‚gut‘“ - „ja“",
        ),
        ("de-CH", 'Er sagte "ja"', "Er sagte «ja»"),
        (
            "fr",
            'l\'entretien "Data Analyst"; merci! Vraiment?! oui: 10:30 https://x.fr',
            f"l’entretien «{NNBSP}Data Analyst{NNBSP}»{NNBSP}; merci{NNBSP}! Vraiment{NNBSP}?! "
            f"oui{NBSP}: 10:30 https://x.fr",
        ),
        (
            "fr",
            'il a dit " bonjour " puis « oui » et «non»',
            f"il a dit «{NNBSP}bonjour{NNBSP}» puis «{NNBSP}oui{NNBSP}» et «{NNBSP}non{NNBSP}»",
        ),
        ("fr", "Tél.: 01 23 45 67 89", f"Tél.{NBSP}: 01 23 45 67 89"),
        ("en", '**"Bold"** and *"italic"*', "**“Bold”** and *“italic”*"),
        ("ja", 'unknown "rules"', 'unknown "rules"'),
    ],
)
def test_quotes_apostrophes_and_spaces_per_language(tag: str, typed: str, expected: str) -> None:
    assert typography(tag).set(typed) == expected


def test_as_typed_keeps_the_characters_but_never_lets_a_mark_start_a_line() -> None:
    fr = typography("fr")
    assert fr.set('merci ! "x" l\'a', "as-typed") == f'merci{NNBSP}! "x" l\'a'
    assert fr.set("merci!", "as-typed") == "merci!"


def test_a_typed_prefix_needs_its_colon() -> None:
    assert typed_prefix("Objet : Candidature", ["Objet"]) == ("Candidature", "Objet :")
    assert typed_prefix("objet: Candidature", ["Objet"]) == ("Candidature", "objet:")
    assert typed_prefix("Objet de ma lettre", ["Objet"]) == ("Objet de ma lettre", "")
    assert typed_prefix("Objet de ma lettre : ma candidature", ["Objet"]) == (
        "Objet de ma lettre : ma candidature",
        "",
    )
    assert typed_prefix("Betreff:Angebot", ["Betreff"]) == ("Angebot", "Betreff:")


def test_french_labels_and_text_are_spaced_in_the_pdf() -> None:
    """ReportLab writes a paragraph's no-break space with the space's code, so the PDF's text
    shows a space; that it does not break is proven below."""
    data = letter(
        **FRENCH,
        subject="Objet : Candidature au poste d'analyste",
        body="Merci pour l'entretien; c'était utile!",
        references={"our_reference": "CO-3", "your_letter_of": "2026-11-10"},
    )
    printed = lines(render_letter(data).pdf)
    assert "Notre référence : CO-3" in printed
    assert "Votre lettre du 2026-11-10" in printed  # "du" reads on into its date
    assert "Objet : Candidature au poste d’analyste" in printed  # not "Objet : Objet :"
    assert any("l’entretien ; c’était utile !" in line for line in printed)


def _punctuated_body() -> str:
    words = ("merci", "vraiment", "entretien", "équipe", "projet", "poste", "décision")
    sentences = [
        f"Le {words[i % 7]} {'est ' * (i % 5)}très {words[(i * 3) % 7]} {';:?!'[i % 4]} "
        for i in range(160)
    ]
    return "".join(sentences)


def test_no_french_line_starts_with_a_mark_where_english_rules_would_break_there() -> None:
    """The same text set without French rules does put a mark at the start of some line
    (so this test can fail); with them, never."""
    body = _punctuated_body()
    english = lines(render_letter(letter(body=body, language="en")).pdf)
    assert any(line[:1] in ";:?!" for line in english)
    for style in ("typographic", "as-typed"):
        french = lines(
            render_letter(letter(**FRENCH, body=body + " « oui »", typography=style)).pdf
        )
        assert not [line for line in french if line[:1] in ";:?!»"], style


def test_german_betreff_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = write_json(
        tmp_path / "brief.json", letter(language="de", subject="Betreff: Ihre Stelle")
    )
    proc = run_cli("letter", str(path), "-o", str(tmp_path / "b.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert (
        f"letterpress: warning: {path}, subject: the subject starts with 'Betreff:', "
        "which DIN 5008 no longer prints; it was left out; write the subject alone"
    ) in proc.stderr.splitlines()
    assert "Betreff" not in text((tmp_path / "b.pdf").read_bytes())
    assert "Ihre Stelle" in text((tmp_path / "b.pdf").read_bytes())
    strict = run_cli("letter", str(path), "-o", str(tmp_path / "s.pdf"), "--strict")
    assert strict.returncode == 2
    assert not (tmp_path / "s.pdf").exists()


def test_quotes_per_language_in_the_pdf() -> None:
    body = 'I said "thank you" to O\'Connor.'
    expected = {
        "en-GB": "I said “thank you” to O’Connor.",
        "de": "I said „thank you“ to O’Connor.",
        "fr": "I said « thank you » to O’Connor.",
    }
    for tag, printed in expected.items():
        assert printed in text(render_letter(letter(body=body, language=tag)).pdf), tag
    as_typed = render_letter(letter(body=body, language="en-GB", typography="as-typed")).pdf
    assert body in text(as_typed)


def test_an_unknown_typography_is_a_one_line_error(tmp_path: Path) -> None:
    path = write_json(tmp_path / "l.json", letter(typography="smart"))
    proc = run_cli("letter", str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"letterpress: error: {path}, typography: unknown typography "
        "'smart'; use 'typographic' (the default) or 'as-typed'"
    )


def test_the_din_information_block_dates_without_the_place() -> None:
    prep = prepare_letter(letter(language="de", place="Leipzig", date="2026-11-27"))
    values = [line.text for line in prep.first.lines]
    assert "27. November 2026" in values
    assert not [v for v in values if "Leipzig" in v]


def test_a_date_line_keeps_place_and_date() -> None:
    prep = prepare_letter(letter(**FRENCH, place="Paris", date="2026-11-26"))
    assert "Paris, le 26 novembre 2026" in [line.text for line in prep.first.lines]


def test_a_french_call_sheet_is_set_as_a_french_letter() -> None:
    from letterpress.callsheet import render_call_sheet

    source = {
        "language": "fr",
        "sender": {"name": "Claire O'Connor"},
        "recipient": {"name": "Mme Sophie Martin"},
        "call": {
            "phone": "+33 1 23 45 67 89",
            "caller_timezone": "Europe/Paris",
            "call_on": "2026-11-27",
            "points": ['Le poste "Analyste" me plaît; merci!'],
        },
    }
    printed = text(render_call_sheet(source, None).pdf)
    assert "Le poste « Analyste » me plaît ; merci !" in printed
