"""``letterpress init``: starters the check flags until filled, and that render once filled."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import HOME_RECIPIENTS, assert_one_line_error, run_cli

from letterpress.check import check_data
from letterpress.starters import KINDS, languages, starter_text

LANGUAGES = ["en", "de", "fr"]
COUNTRY = {"en": "GB", "de": "DE", "fr": "FR"}
PHONE = {"GB": "+44 20 7946 0000", "DE": "+49 30 1234567", "FR": "+33 1 99 00 12 34"}
INLINE = {
    "day": "Tuesday",
    "Tag": "Dienstag",
    "position": "Data Analyst",
    "Position": "Datenanalyst",
    "day of the interview": "24 November",
    "Tag des Gesprächs": "24. November",
    "date": "mardi 24 novembre",
    "intitulé du poste": "Analyste de données",
    "date de l’entretien": "24 novembre",
    "Madame / Monsieur": "Madame",
}
OWN_WORDS = {
    "en": "The question about late deliveries has stayed with me since.",
    "de": "Die Frage nach verspäteten Lieferungen beschäftigt mich seitdem.",
    "fr": "La question des livraisons en retard a depuis retenu toute mon attention.",
}
OPENING = {"en": "Dear Ms Lee,", "de": "Sehr geehrte Frau Lee,", "fr": "Madame,"}
PLACE = {"en": "Hamburg", "de": "Hamburg", "fr": "Lyon"}


def fill(data: Any, language: str, path: str = "") -> Any:
    """Replace every placeholder as a user would: real values, and own sentences in the body."""
    country = COUNTRY[language]
    if isinstance(data, dict):
        return {k: fill(v, language, f"{path}.{k}".lstrip(".")) for k, v in data.items()}
    if isinstance(data, list):
        return [fill(v, language, f"{path}[]") for v in data]
    if not isinstance(data, str) or "[" not in data:
        return data
    key = path.rsplit(".", 1)[-1]
    if key == "date":
        return "2026-11-24T10:00"
    if key in ("street", "postal_code", "city"):
        return HOME_RECIPIENTS[country][key]
    if key == "email":
        return "someone@example.org"
    if key == "phone":
        return PHONE[country]
    if key == "body":
        lines = [
            OWN_WORDS[language] if line.startswith("[") else line for line in data.splitlines()
        ]
        data = "\n".join(lines)
    if key in ("name", "organization", "place", "opening") or key.startswith("points"):
        whole = {
            "name": "Mei Lee",
            "organization": "Nordlicht Logistik",
            "place": PLACE[language],
            "opening": OPENING[language],
        }
        return whole.get(key, "The new cross-dock hall")
    return re.sub(r"\[([^\]]*)\]", lambda m: INLINE.get(m.group(1), "Tuesday"), data)


def _starter(kind: str, language: str) -> dict[str, Any]:
    from letterpress.source import parse_toml

    return parse_toml(starter_text(kind, language), "starter")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_starters_are_valid_commented_toml_with_placeholders(kind: str, language: str) -> None:
    text = starter_text(kind, language)
    assert text.startswith("# ")
    tomllib.loads(text)
    findings = check_data(_starter(kind, language))
    assert findings and {f.kind for f in findings} <= {"placeholder", "copied-example"}
    assert any(f.field == "sender.name" for f in findings)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["thank-you", "follow-up"])
def test_filled_letter_starters_pass_the_check_and_render(
    kind: str, language: str, tmp_path: Path
) -> None:
    from letterpress.letter import render_letter

    data = fill(_starter(kind, language), language)
    assert check_data(data) == []
    result = render_letter(data, tmp_path / "out.pdf")
    assert result.pages == 1
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("language", LANGUAGES)
def test_filled_call_starter_passes_the_check_and_renders(language: str, tmp_path: Path) -> None:
    from letterpress.callsheet import render_call_sheet

    data = fill(_starter("call", language), language)
    assert check_data(data) == []
    result = render_call_sheet(data, tmp_path / "call.pdf", now=datetime(2026, 11, 25, 9, 0))
    assert (tmp_path / "call.pdf").read_bytes().startswith(b"%PDF")
    assert result.pages == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_filled_follow_up_starter_gets_advice(language: str) -> None:
    from letterpress.advice import advise_file, load_followup

    data = fill(_starter("follow-up", language), language)
    advice = advise_file(load_followup(data), datetime(2026, 11, 24, 15, 0))
    assert advice.recommended == ("email",)
    assert advice.language == language


def test_init_writes_the_starter_and_check_flags_it(tmp_path: Path) -> None:
    proc = run_cli("init", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    written = tmp_path / "thank-you.toml"
    assert _undated(written.read_text(encoding="utf-8")) == _undated(
        starter_text("thank-you", "en")
    )
    assert "letterpress check thank-you.toml" in proc.stdout
    check = run_cli("check", "thank-you.toml", "--json", cwd=tmp_path)
    assert check.returncode == 1
    kinds = {f["kind"] for f in json.loads(check.stdout)["findings"]}
    assert "placeholder" in kinds


def test_init_filled_file_renders_through_the_cli(tmp_path: Path) -> None:
    run_cli("init", "follow-up", "--language", "de", "-o", "f.toml", cwd=tmp_path)
    data = fill(_starter("follow-up", "de"), "de")
    (tmp_path / "f.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run_cli("check", "f.json", cwd=tmp_path).returncode == 0
    letter = run_cli("letter", "f.json", "-o", "f.pdf", cwd=tmp_path)
    assert letter.returncode == 0, letter.stderr
    assert (tmp_path / "f.pdf").read_bytes().startswith(b"%PDF")


def test_init_french_thank_you_filled_renders_one_french_page(tmp_path: Path) -> None:
    from pypdf import PdfReader

    proc = run_cli("init", "thank-you", "--language", "fr", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    written = tmp_path / "thank-you.toml"
    assert _undated(written.read_text(encoding="utf-8")) == _undated(
        starter_text("thank-you", "fr")
    )
    data = fill(tomllib.loads(written.read_text(encoding="utf-8")), "fr")
    assert (data["layout"], data["language"], data["sender"]["country"]) == (
        "fr-right",
        "fr-FR",
        "FR",
    )
    (tmp_path / "merci.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run_cli("check", "merci.json", cwd=tmp_path).returncode == 0
    letter = run_cli(
        "letter", "merci.json", "-o", "merci.pdf", "--date", "2026-11-25", cwd=tmp_path
    )
    assert letter.returncode == 0, letter.stderr
    assert "letterpress: warning" not in letter.stderr
    assert "1 page, layout fr-right" in letter.stdout
    reader = PdfReader(tmp_path / "merci.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for french in (
        "Objet",
        "Remerciements pour l’entretien du 24 novembre",
        "Madame,",
        "Lyon, le 25 novembre 2026",
        "Je vous remercie pour notre entretien",
        "salutations distinguées",
        "75001 PARIS",
    ):
        assert french in text, (french, text)


@pytest.mark.parametrize("kind", KINDS)
def test_french_starters_use_french_spacing(kind: str) -> None:
    text = starter_text(kind, "fr")
    assert not re.search(r"[ \u00a0][;?!]| [:;?!]|\u202f:", text)
    assert "\u00a0:" in text and "\u202f;" in text


@pytest.mark.parametrize("kind", KINDS)
def test_init_kinds_and_languages(kind: str, tmp_path: Path) -> None:
    for language in languages():
        out = tmp_path / f"{kind}-{language}.toml"
        proc = run_cli("init", kind, "--language", language, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        assert _undated(out.read_text(encoding="utf-8")) == _undated(starter_text(kind, language))


def _undated(text: str) -> str:
    """The starter without its example dates (init counts them from the day it runs)."""
    return re.sub(r"\d{4}-\d{2}-\d{2}(T\d\d:\d\d)?", "DAY", text)


@pytest.mark.parametrize(
    ("language", "now", "day"),
    [
        ("en", "2027-03-10T09:00", "2027-03-11"),  # Wednesday: Thursday
        ("en", "2026-12-23T09:00", "2026-12-29"),  # Christmas Eve, Christmas, Boxing Day (Mon)
        ("de-CH", "2027-05-05T09:00", "2027-05-07"),  # Ascension Day, 6 May
        ("fr", "2027-07-13T09:00", "2027-07-15"),  # 14 July
    ],
)
def test_the_call_starter_s_call_on_example_is_the_next_working_day(
    language: str, now: str, day: str, tmp_path: Path
) -> None:
    """'# call_on = 2026-12-23' was bundled: uncommented after that day, the sheet warned that
    it had passed. init dates it the next day the advice would call on, after today."""
    out = tmp_path / "call.toml"
    assert (
        run_cli("init", "call", "--language", language, "--now", now, "-o", str(out)).returncode
        == 0
    )
    (line,) = [x for x in out.read_text(encoding="utf-8").splitlines() if "call_on" in x]
    assert line.startswith(f"# call_on = {day}     # ")


def test_init_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("precious", encoding="utf-8")
    proc = run_cli("init", "-o", str(target))
    assert_one_line_error(proc, "mine.toml", "already exists")
    assert target.read_text(encoding="utf-8") == "precious"


def test_init_into_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run_cli("init", "-o", str(tmp_path / "nope" / "x.toml"))
    assert_one_line_error(proc, "does not exist")


def test_init_into_a_json_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """-o thank-you.json wrote the TOML starter, which check and letter then refused as
    invalid JSON."""
    target = tmp_path / "thank-you.json"
    proc = run_cli("init", "-o", str(target))
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (
        f"letterpress: error: {target}: a starter is commented TOML, and a .json file is read "
        f"as JSON; name it {tmp_path / 'thank-you.toml'}\n"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("kind", "name", "line"),
    [
        (
            "thank-you",
            "brief.pdf",
            "brief.pdf: a starter is the text file you edit, not the PDF made from it; name it "
            "brief.toml, the file 'letterpress letter brief.toml' reads",
        ),
        (
            "call",
            "anruf.PNG",
            "anruf.PNG: a starter is the text file you edit, not the PNG made from it; name it "
            "anruf.toml, the file 'letterpress call anruf.toml' reads",
        ),
    ],
)
def test_init_into_a_pdf_name_is_refused_before_anything_is_written(
    kind: str, name: str, line: str, tmp_path: Path
) -> None:
    """-o brief.pdf wrote the TOML starter under a PDF's name, and 'letterpress letter
    brief.pdf' then stopped: "the output would overwrite the input"."""
    proc = run_cli("init", kind, "-o", name, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"letterpress: error: {line}\n")
    assert list(tmp_path.iterdir()) == []


def test_init_into_a_folder_writes_the_starter_inside_it(tmp_path: Path) -> None:
    """-o letters (a folder) stopped with "letters: already exists; not overwritten; ...
    remove the file"; the starter now goes into the folder, as cp puts a file there."""
    (tmp_path / "letters").mkdir()
    proc = run_cli("init", "follow-up", "-o", "letters", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    written = Path("letters") / "follow-up.toml"
    assert proc.stdout.startswith(f"Wrote {written} (")
    assert "[interview]" in (tmp_path / written).read_text(encoding="utf-8")
    again = run_cli("init", "follow-up", "-o", "letters", cwd=tmp_path)
    assert_one_line_error(again, f"{written}: already exists; not overwritten")


def test_languages_are_en_de_and_fr() -> None:
    assert set(languages()) >= {"en", "de", "fr"}


def test_init_with_an_unknown_country_in_the_language_is_a_one_line_error(
    tmp_path: Path,
) -> None:
    """en-ZZ names no country: one line, exit 2, no file; en-UK (a common slip) is en-GB."""
    out = tmp_path / "x.toml"
    proc = run_cli("init", "thank-you", "--language", "en-ZZ", "-o", str(out))
    assert proc.returncode == 2 and proc.stdout == "" and not out.exists()
    assert proc.stderr == (
        "letterpress: error: --language: unknown country 'ZZ' in 'en-ZZ'; give the country's "
        "ISO code: en-GB, en-US, de-CH, fr-FR\n"
    )
    proc = run_cli("init", "thank-you", "--language", "en-UK", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert (data["language"], data["layout"], data["recipient"]["country"]) == (
        "en-GB",
        "uk-dl",
        "GB",
    )


def test_swiss_german_writes_ss_for_eszett_in_starters_and_the_default_closing(
    tmp_path: Path,
) -> None:
    """de-CH (and de-LI) write no ß: the starter says "Grüssen" and "Strasse", and a Swiss
    letter without a closing gets "Mit freundlichen Grüssen"; Germany keeps "Grüßen"."""
    for tag, closing, street in (
        ("de-CH", "Mit freundlichen Grüssen", "[Strasse und Hausnummer]"),
        ("de-LI", "Mit freundlichen Grüssen", "[Strasse und Hausnummer]"),
        ("de-DE", "Mit freundlichen Grüßen", "[Straße und Hausnummer]"),
    ):
        folder = tmp_path / tag
        folder.mkdir()
        done = run_cli("init", "thank-you", "--language", tag, cwd=folder)
        assert done.returncode == 0, done.stderr
        data = tomllib.loads((folder / "thank-you.toml").read_text(encoding="utf-8"))
        assert (data["closing"], data["recipient"]["street"]) == (closing, street)
    from letterpress.language import resolve_language

    assert resolve_language("de-CH").words["closing"] == "Mit freundlichen Grüssen"
    assert resolve_language("de-AT").words["closing"] == "Mit freundlichen Grüßen"


@pytest.mark.parametrize("language", ["en-IE", "fr-BE", "de-LU"])
def test_follow_up_starter_for_a_country_without_a_known_carrier_has_no_mailing_table(
    language: str, tmp_path: Path
) -> None:
    """No carrier letterpress knows posts from IE, BE or LU: no [mailing] table, which could
    give no estimate; the starter for a country with a carrier keeps it (the national one)."""
    out = tmp_path / "f.toml"
    proc = run_cli("init", "follow-up", "--language", language, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert "mailing" not in data and "[mailing]" not in text and "interview" in data
    assert text.endswith("\n") and not text.endswith("\n\n")
    at = tmp_path / "at.toml"
    assert run_cli("init", "follow-up", "--language", "de-AT", "-o", str(at)).returncode == 0
    assert tomllib.loads(at.read_text(encoding="utf-8"))["mailing"] == {}


@pytest.mark.parametrize(
    ("language", "now", "interview", "decision"),
    [
        ("en", "2027-03-10T09:00", "2027-03-09T10:00", "2027-03-24"),
        ("en", "2027-03-08T09:00", "2027-03-05T10:00", "2027-03-22"),  # Monday: Friday before
        ("de", "2026-12-28T09:00", "2026-12-23T10:00", "2027-01-11"),  # over Christmas
        ("fr", "2027-07-15T09:00", "2027-07-13T10:00", "2027-07-29"),  # not on 14 July
    ],
)
def test_starters_date_their_examples_from_the_day_init_runs(
    language: str, now: str, interview: str, decision: str, tmp_path: Path
) -> None:
    """The bundled '# date = 2026-11-26' (thank-you), the interview's 'e.g. 2026-12-22T10:00'
    and '# decision_by = 2026-12-30' (follow-up) were written into every starter, passed or
    not: uncommented, the decision date had passed and the interview was months ago. init now
    dates them from the day it runs: the letter that day, the interview the working day before,
    the decision two weeks ahead on a working day; filled in as they are, letter and advise run
    clean."""
    today = now[:10]
    thanks, follow = tmp_path / "thanks.toml", tmp_path / "follow.toml"
    for kind, out in (("thank-you", thanks), ("follow-up", follow)):
        made = run_cli("init", kind, "--language", language, "--now", now, "-o", str(out))
        assert made.returncode == 0, made.stderr
    thanks_text = thanks.read_text(encoding="utf-8")
    assert re.search(rf"^# date = {today} +# ", thanks_text, flags=re.M)
    follow_text = follow.read_text(encoding="utf-8")
    assert re.search(rf'^date = "\[[^"\n]* {interview}\]"', follow_text, flags=re.M)
    assert re.search(rf"^# decision_by = {decision} # ", follow_text, flags=re.M)

    from letterpress.source import parse_toml  # as letterpress reads it: 10:00 without seconds

    letter_data = fill(parse_toml(thanks_text.replace("# date = ", "date = "), "t"), language)
    assert str(letter_data["date"]) == today
    (tmp_path / "thanks.json").write_text(json.dumps(letter_data, default=str), encoding="utf-8")
    printed = run_cli("letter", str(tmp_path / "thanks.json"), "-o", str(tmp_path / "t.pdf"))
    assert (printed.returncode, printed.stderr) == (0, "")

    uncommented = re.sub(r'^date = "\[.*$', f"date = {interview}", follow_text, flags=re.M)
    data = fill(
        parse_toml(uncommented.replace("# decision_by = ", "decision_by = "), "f"), language
    )
    (tmp_path / "follow.json").write_text(json.dumps(data, default=str), encoding="utf-8")
    advised = run_cli("advise", str(tmp_path / "follow.json"), "--now", now, "--json")
    assert (advised.returncode, advised.stderr) == (0, "")
    advice = json.loads(advised.stdout)
    assert advice["recommended"] == ["email"]
    assert not any(reason.startswith("The decision date") for reason in advice["reasons"])
