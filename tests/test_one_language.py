"""One language per run: check, advise and batch speak the letter's language (or --lang's), not
German advice with English suggestions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import letter, run_cli

GERMAN: dict[str, Any] = {
    "language": "de",
    "layout": "din5008-b",
    "subject": "Vielen Dank für das Gespräch",
    "opening": "Sehr geehrte Frau Lee,",
    "body": "vielen Dank für das Gespräch am Dienstag.\n\n"
    "Ich kann es kaum erwarten, von Ihnen zu hören!!\n\n[Ein eigener Satz]",
    "closing": "Mit freundlichen Grüßen",
}


def german_file(write_letter: Any, **changes: Any) -> Path:
    return write_letter(letter(**GERMAN, **changes), "danke.json")


def test_check_speaks_the_letters_language(write_letter: Any) -> None:
    path = german_file(write_letter)
    done = run_cli("check", str(path))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{path}: body, Zeile 3: übereifrig: „kann es kaum erwarten“; Vorschlag: Ich freue mich "
        "auf Ihre Rückmeldung.",
        f"{path}: body, Zeile 3: übereifrig: „!!“; Vorschlag: Beenden Sie den Satz mit einem "
        "Punkt; ein Ausrufezeichen in einem Brief genügt.",
        f"{path}: body, Zeile 5: Platzhalter: „[Ein eigener Satz]“; Vorschlag: Ersetzen Sie ihn "
        "durch den richtigen Text.",
    ]
    assert done.stderr == "3 Funde: ersetzen oder umformulieren, dann erneut prüfen.\n"


def test_check_lang_names_another_language(write_letter: Any) -> None:
    path = german_file(write_letter)
    done = run_cli("check", str(path), "--lang", "en")
    assert done.stdout.splitlines()[1:] == [
        f'{path}: body, line 3: eager: "!!"; suggestion: End the sentence with a full stop; one '
        "exclamation mark in a letter is plenty.",
        f'{path}: body, line 5: placeholder: "[Ein eigener Satz]"; suggestion: Replace it with '
        "the real text.",
    ]
    assert done.stderr == "3 findings: replace or rephrase, then check again.\n"
    json_out = run_cli("check", str(path), "--json")
    assert '"kind": "placeholder"' in json_out.stdout  # ids stay the same in every language
    assert "Ersetzen Sie ihn durch den richtigen Text." in json_out.stdout


def test_a_clean_french_letter_says_so_in_french(write_letter: Any) -> None:
    path = write_letter(
        letter(language="fr-FR", subject="Merci", body="Merci pour mardi.", opening="Madame,"),
        "merci.json",
    )
    done = run_cli("check", str(path))
    assert done.returncode == 0
    assert done.stdout == f"{path}\u00a0: rien à signaler.\n"


def test_advise_in_german_with_german_warnings_and_lang_en(write_letter: Any) -> None:
    path = german_file(
        write_letter,
        interview={
            "date": "2026-11-24T10:00",
            "process": "email",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
        },
    )
    done = run_cli("advise", str(path), "--now", "2026-11-24T15:00")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Empfohlen: E-Mail\n\nWarum:\n")
    assert done.stderr.splitlines()[0] == (
        f"letterpress: warning: {path}: body, Zeile 3: übereifrig: „kann es kaum erwarten“; "
        "Vorschlag: Ich freue mich auf Ihre Rückmeldung."
    )
    english = run_cli("advise", str(path), "--now", "2026-11-24T15:00", "--lang", "en")
    assert english.stdout.startswith("Recommended: email\n\nWhy:\n")
    assert "Ich freue" not in english.stdout
    assert english.stderr.splitlines()[0] == (
        f'letterpress: warning: {path}: body, line 3: eager: "kann es kaum erwarten"; '
        "suggestion: Ich freue mich auf Ihre Rückmeldung."
    )


def test_batch_bookmarks_and_summary_in_the_templates_language(tmp_path: Path) -> None:
    from pypdf import PdfReader

    template = tmp_path / "lettre.toml"
    template.write_text(
        'language = "fr-FR"\nlayout = "fr-right"\nsubject = "Invitation"\nopening = "Madame,"\n'
        'body = "Nous vous attendons le 3 décembre."\n'
        '[sender]\nname = "Camille Martin"\nstreet = "8 quai Saint-Antoine"\n'
        'postal_code = "69002"\ncity = "Lyon"\ncountry = "FR"\n'
        '[recipient]\nname = "{{ row.nom }}"\nstreet = "12 rue de Rivoli"\n'
        'postal_code = "75001"\ncity = "Paris"\n',
        encoding="utf-8",
    )
    data = tmp_path / "gens.csv"
    data.write_text("nom\nMei Lee\n\nTom Berg\n", encoding="utf-8")
    out = tmp_path / "fusion.pdf"
    done = run_cli("batch", str(template), str(data), "-o", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert [item.title for item in PdfReader(out).outline] == [
        "Ligne 2\u00a0: lettre à Mei Lee",
        "Ligne 4\u00a0: lettre à Tom Berg",
    ]
    assert done.stdout.splitlines() == [
        f"Écrit\u00a0: {out}\u00a0: 2 documents pour 2 lignes (2 pages)\u202f; "
        "0 ligne en échec.",  # French counts zero in the singular
        f"Manifeste\u00a0: {tmp_path / 'fusion.manifest.csv'}",
    ]
    checked = run_cli("batch", str(template), str(data), "--check", "--lang", "en")
    assert checked.stdout == "Checked 2 rows: 2 ready, 0 with problems.\n"


def test_check_of_a_mail_merge_speaks_the_templates_language(tmp_path: Path) -> None:
    template = tmp_path / "vorlage.toml"
    template.write_text(
        'language = "de"\nsubject = "Einladung"\nopening = "Guten Tag {{ row.name }},"\n'
        'body = "Ich kann es kaum erwarten, Sie zu sehen."\n'
        '[sender]\nname = "Jonas Petersen"\n[recipient]\nname = "{{ row.name }}"\n',
        encoding="utf-8",
    )
    data = tmp_path / "leute.csv"
    data.write_text("name\nMei Lee\nTom Berg\n", encoding="utf-8")
    done = run_cli("check", str(template), str(data))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{data}, rows 2-3 (2 rows): body: übereifrig: „kann es kaum erwarten“; Vorschlag: Ich "
        "freue mich auf Ihre Rückmeldung."
    ]
    english = run_cli("check", str(template), str(data), "--lang", "en")
    assert english.stdout.splitlines() == [
        f'{data}, rows 2-3 (2 rows): body: eager: "kann es kaum erwarten"; suggestion: Ich '
        "freue mich auf Ihre Rückmeldung."
    ]


def _vorlage(tmp_path: Path, body: str) -> Path:
    """A German mail-merge template greeting ``row.name``, with ``body``."""
    template = tmp_path / "vorlage.toml"
    template.write_text(
        'language = "de"\nsubject = "Einladung"\nopening = "Guten Tag {{ row.name }},"\n'
        f'body = "{body}"\n'
        '[sender]\nname = "Dana Okafor"\nstreet = "Lindenallee 8"\npostal_code = "22587"\n'
        'city = "Hamburg"\ncountry = "DE"\n'
        '[recipient]\nname = "{{ row.name }}"\nstreet = "Königsallee 12"\n'
        'postal_code = "40212"\ncity = "Düsseldorf"\ncountry = "DE"\n',
        encoding="utf-8",
    )
    return template


def test_batch_summary_counts_one_row_in_the_singular(tmp_path: Path) -> None:
    """One row, one warning, one row kept: each count in the form for one, as the language
    says it ("1 Zeile", "1 ligne vérifiée : 1 prête"), not "1 Zeilen"."""
    template = _vorlage(tmp_path, "wir sehen uns am {{ row.datum }}.")
    data = tmp_path / "gaeste.csv"
    data.write_text("name,datum\nMei Lee,03/04/2026\n", encoding="utf-8")  # reads two ways
    checked = run_cli("batch", str(template), str(data), "--check")
    assert checked.stdout == "1 Zeile geprüft: 1 bereit, 0 mit Problemen, 1 Warnung.\n"
    checked = run_cli("batch", str(template), str(data), "--check", "--lang", "fr")
    assert checked.stdout == (
        "1 ligne vérifiée\u00a0: 1 prête, 0 avec des problèmes, 1 avertissement.\n"
    )
    out = tmp_path / "briefe.pdf"
    done = run_cli("batch", str(template), str(data), "-o", str(out))
    assert done.stdout.splitlines()[0] == (
        f"Geschrieben: {out}: 1 Dokument aus 1 Zeile (1 Seite); 0 Zeilen fehlgeschlagen."
    )
    folder = tmp_path / "einzeln"
    run_cli("batch", str(template), str(data), "--out-dir", str(folder))
    again = run_cli("batch", str(template), str(data), "--out-dir", str(folder), "--resume")
    assert again.stdout.splitlines()[0] == (
        f"Geschrieben: {folder}/: 1 Dokument aus 1 Zeile (1 Seite), 1 Zeile aus dem letzten "
        "Lauf übernommen; 0 Zeilen fehlgeschlagen."
    )
    previews = run_cli("batch", str(template), str(data), "--preview", str(tmp_path / "bilder"))
    assert previews.stdout == f"Vorschaubilder in {tmp_path / 'bilder'}/: 1 Bild (row-2.png).\n"


def test_check_of_a_mail_merge_counts_its_rows_in_the_templates_language(tmp_path: Path) -> None:
    """'1 Zeile geprüft', '1 ligne vérifiée': the summary's counts as the language says them."""
    template = _vorlage(tmp_path, "wir sehen uns bald.")
    data = tmp_path / "gaeste.csv"
    data.write_text("name\nMei Lee\n", encoding="utf-8")
    done = run_cli("check", str(template), str(data))
    assert (done.returncode, done.stdout) == (0, f"{data}: 1 Zeile geprüft, nichts gefunden.\n")
    done = run_cli("check", str(template), str(data), "--lang", "fr")
    assert done.stdout == f"{data}\u00a0: 1 ligne vérifiée, rien à signaler.\n"
    data.write_text("name\nMei Lee!!\nTom Berg\n", encoding="utf-8")
    done = run_cli("check", str(template), str(data), "--lang", "en")
    assert done.returncode == 1
    assert done.stderr == "2 rows checked: 1 finding; replace or rephrase, then check again.\n"


@pytest.mark.parametrize("command", ["check", "advise", "batch"])
def test_a_lang_without_words_is_one_line_not_english(command: str, tmp_path: Path) -> None:
    """--lang xx used to run in English with exit 0; the words are in en, de and fr only."""
    done = run_cli(command, "--lang", "xx", str(tmp_path / "any.toml"), str(tmp_path / "d.csv"))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"letterpress: error: {command}: argument --lang: no words in 'xx': use en, de or fr "
        f"(with a country if you like: de-CH); see 'letterpress {command} --help'\n"
    )


def test_check_of_a_mail_merge_suggests_in_the_language_asked_for(tmp_path: Path) -> None:
    """--lang named the kind in English but left the suggestion in the template's German:
    the template's language took the place of the one asked for."""
    template = tmp_path / "vorlage.toml"
    template.write_text(
        'language = "de"\nsubject = "Einladung"\nopening = "Guten Tag {{ row.name }},"\n'
        'body = "Wir sehen uns am Montag!!"\n'
        '[sender]\nname = "Jonas Petersen"\n[recipient]\nname = "{{ row.name }}"\n',
        encoding="utf-8",
    )
    data = tmp_path / "leute.csv"
    data.write_text("name\nMei Lee\nTom Berg\n", encoding="utf-8")
    english = run_cli("check", str(template), str(data), "--lang", "en")
    assert english.returncode == 1
    assert english.stdout.splitlines() == [
        f'{data}, rows 2-3 (2 rows): body: eager: "!!"; suggestion: End the sentence with a '
        "full stop; one exclamation mark in a letter is plenty."
    ]
    german = run_cli("check", str(template), str(data))
    assert german.stdout.splitlines() == [
        f"{data}, rows 2-3 (2 rows): body: übereifrig: „!!“; Vorschlag: Beenden Sie den Satz "
        "mit einem Punkt; ein Ausrufezeichen in einem Brief genügt."
    ]
