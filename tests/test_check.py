"""The tone and leftovers check: every phrase class, fields and alternatives, no false alarms."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, letter, run_cli

from letterpress.check import KINDS, check_data

CALM_LETTERS = {
    "en-analyst": """
Thank you for meeting me on Tuesday about the Data Analyst role. I enjoyed hearing how your HR
and IT teams share one KPI dashboard, and the question about cleaning SQL exports from SAP SE
has stayed with me.

It was a bonus to meet two future colleagues, and finally seeing the ISO 9001 audit plan made
the role concrete. I would pay attention to the same details in the first months.

Having worked three years with DATEV and Excel, and during COVID with remote teams of 12, I
think I could contribute from the start. My CV is attached as a PDF, as requested.

I look forward to hearing from you. Have a good weekend!
""",
    "en-nurse": """
Many thanks for showing me around Ward 4 yesterday. Meeting the night team, and hearing why you
moved handovers to the bedside, gave me a clear picture of how the unit works.

I was glad to talk about my placement at St Mary's (London W2 1NY) and the NHS training I
finished in March. The role feels like the right next step, and I would be glad to join you.

Please let me know if I can send anything else.
""",
    "en-short": """
Thank you for your time today and for the open conversation about the team's plans for 2027.
I remain very interested in the position and look forward to the next steps.
""",
    "de-logistik": """
vielen Dank für das Gespräch am Dienstag und die Führung durch das neue Lager. Besonders die
Frage, wie die IT-Abteilung die Touren mit SAP plant, ist mir im Kopf geblieben; es hat sich
gelohnt, das vor Ort zu sehen.

Nach drei Jahren in der Disposition bei der BASF SE kenne ich Lieferketten mit knappen Fenstern
gut, und ich würde diese Erfahrung gern in Ihr Team einbringen. Die DSGVO-Schulung habe ich im
Mai abgeschlossen.

Ich freue mich, von Ihnen zu hören.
""",
    "de-kurz": """
herzlichen Dank für das freundliche Gespräch heute Vormittag. Die Stelle interessiert mich
weiterhin sehr, und ich freue mich auf Ihre Rückmeldung zu den nächsten Schritten.
""",
    "fr-logistique": """
Je vous remercie pour notre entretien de mardi et pour la visite du nouvel entrepôt de
Vénissieux. La façon dont le service RH et la DSI partagent un même tableau de bord SAP a
retenu mon attention\u202f; c’était concret et instructif.

Après trois ans à la planification chez un transporteur régional, je connais bien les créneaux
serrés et les pics de fin d’année. Ce que vous avez décrit pour le premier semestre rejoint
cette expérience, et j’aurais plaisir à y contribuer.

Je reste à votre disposition pour tout complément d’information et attends avec intérêt la
suite du processus.
""",
    "fr-court": """
Merci encore pour votre accueil et pour cet échange ouvert sur les projets de l’équipe en 2027.
Le poste m’intéresse toujours vivement\u202f; je vous souhaite une bonne fin de semaine\u202f!
""",
}

# What each language's letters put around the body, for the calm letters above.
FRAME = {
    "de": {
        "language": "de",
        "opening": "Sehr geehrte Frau Lee,",
        "subject": "Vielen Dank für das Gespräch",
        "closing": "Mit freundlichen Grüßen",
    },
    "fr": {
        "language": "fr-FR",
        "opening": "Madame,",
        "subject": "Remerciements pour l’entretien du 24 novembre",
        "closing": "Je vous prie d’agréer, Madame, l’expression de mes salutations distinguées.",
    },
}


def _kinds(data: dict) -> list[tuple[str, str, str]]:
    return [(f.kind, f.field, f.phrase) for f in check_data(data)]


def _found(kind: str, **changes: Any) -> list[Any]:
    """The findings of ``kind`` in the base letter with ``changes``."""
    return [f for f in check_data(letter(**changes)) if f.kind == kind]


def _to_hamburg(postal_code: object = "20457", **changes: Any) -> dict[str, Any]:
    """The base letter from and to Germany, to a full Hamburg address (as [mailing] needs)."""
    data = letter(**{"sender__country": "DE", "recipient__country": "DE", **changes})
    data["recipient"].update(street="Hafenstraße 12", postal_code=postal_code, city="Hamburg")
    return data


def _letter(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``letterpress letter PATH`` to the PDF beside it."""
    return run_cli("letter", str(path), "-o", str(path.with_suffix(".pdf")), *args)


TEMPLATE = ROOT / "tests" / "fixtures" / "batch" / "template.toml"
HEADER = "first_name,last_name,street,postcode,city,workshop"


def _rows_to_check(tmp_path: Path, template: str, *rows: str, header: str = HEADER) -> str:
    """``template`` written as t.toml and ``rows`` under ``header`` as d.csv in ``tmp_path``,
    for ``check t.toml d.csv``; returns the CSV text."""
    (tmp_path / "t.toml").write_text(template, encoding="utf-8")
    text = "\n".join([header, *rows]) + "\n"
    (tmp_path / "d.csv").write_text(text, encoding="utf-8")
    return text


def _check_rows(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``letterpress check t.toml d.csv ARGS`` in ``tmp_path``."""
    return run_cli("check", "t.toml", "d.csv", *args, cwd=tmp_path)


@pytest.mark.parametrize("name", sorted(CALM_LETTERS))
def test_sincere_calm_letters_pass_clean(name: str) -> None:
    data = letter(body=CALM_LETTERS[name].strip("\n"))
    data.update(FRAME.get(name[:2], {}))
    data["interview"] = {"date": "2026-11-24T10:00", "process": "email"}
    assert check_data(data) == []


def test_the_base_letter_and_a_full_address_block_pass_clean() -> None:
    data = letter()
    data["sender"].update(postal_code="SW1A 2AA", city="LONDON", country="GB")
    data["recipient"]["organization"] = "NORDLICHT LOGISTIK GMBH"
    assert check_data(data) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("This is my last chance, to be honest.", "last chance"),
        ("I am desperate to join you.", "desperate"),
        ("Honestly, I really need this job.", "I really need this job"),
        ("I can’t wait to hear from you.", "can’t wait to hear"),
        ("I cannot\nwait to hear back.", "cannot wait to hear"),
        ("It would be my dream job.", "dream job"),
        ("I was so relieved when it ended.", "so relieved"),
        ("Das ist meine letzte Chance.", "letzte Chance"),
        ("Ich kann es kaum erwarten, von Ihnen zu hören.", "kann es kaum erwarten"),
        ("Ich brauche diese Stelle unbedingt.", "brauche diese Stelle unbedingt"),
        ("C’est ma dernière chance, je le sais.", "dernière chance"),
        ("Je suis désespérée depuis des semaines.", "désespérée"),
        ("J’ai vraiment besoin de ce poste.", "J’ai vraiment besoin de ce poste"),
        ("J’attends votre réponse avec impatience.", "avec impatience"),
        ("J'ai hâte de vous revoir.", "J'ai hâte"),
        ("Ce serait mon poste de\nrêve.", "poste de rêve"),
        ("J’étais tellement stressé pendant l’entretien.", "J’étais tellement stressé"),
        ("Merci de me répondre au plus vite.", "répondre au plus vite"),
        ("Sorry to bother you again.", "Sorry to bother you"),
        ("I just wanted to follow up on my application.", "just wanted to follow up"),
        ("Could you reply ASAP?", "ASAP"),
        ("If I don't hear back by Friday, I will call.", "If I don't hear back"),
        ("Entschuldigen Sie die Störung.", "Entschuldigen Sie die Störung"),
        ("Haben Sie sich schon entschieden?", "Haben Sie sich schon entschieden"),
        ("Désolée de vous déranger encore.", "Désolée de vous déranger"),
        ("Avez-vous pris une décision ?", "Avez-vous pris une décision"),
    ],
)
def test_eager_phrases_are_flagged_with_a_calmer_alternative(text: str, phrase: str) -> None:
    findings = check_data(letter(body=f"Thanks for Tuesday.\n\n{text}"))
    eager = [f for f in findings if f.kind == "eager"]
    assert len(eager) == 1, findings
    assert phrase.lower() in eager[0].phrase.lower()
    assert eager[0].field == "body" and eager[0].line == 3
    assert eager[0].alternative and eager[0].alternative.lower() != eager[0].phrase.lower()


def _bundled_phrases() -> list[str]:
    import tomllib

    folder = Path(__file__).parents[1] / "letterpress" / "check" / "phrases"
    found = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in ("eager", "pay"):
            for table in data.get(kind, []):
                found += [p for p in table.get("phrases", []) if p[:1].isalnum()]
    return found


def test_every_bundled_phrase_is_found_in_capitals_and_with_either_apostrophe() -> None:
    """Phrases are tried only where a text holds all their words (case-folded): that must not
    lose one typed in capitals, with a Turkish dotted capital I (which a case-insensitive
    expression matches as i), with the other apostrophe, or split over two lines."""
    phrases = _bundled_phrases()
    assert len(phrases) > 200
    for phrase in phrases:
        variants = {
            phrase,
            phrase.upper(),
            phrase.upper().replace("I", "\u0130"),
            phrase.replace("'", "\u2019") if "'" in phrase else phrase.replace("\u2019", "'"),
            phrase.replace(" ", "\n", 1),
        }
        for variant in variants:
            body = f"Thanks for Tuesday.\n\nSo: {variant} - that is all."
            findings = check_data(letter(body=body))
            said = [f for f in findings if f.kind in ("eager", "pay")]
            assert said, (phrase, variant)


def test_each_pattern_holds_one_of_its_groups_pattern_words() -> None:
    """A group's patterns are searched only in a text holding one of its ``pattern_words``;
    a pattern added to the group must name one of them (the tests above find each in use)."""
    import tomllib

    folder = Path(__file__).parents[1] / "letterpress" / "check" / "phrases"
    hinted = 0
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in ("eager", "pay"):
            for table in data.get(kind, []):
                hint = table.get("pattern_words")
                if hint is None:
                    continue
                hinted += 1
                assert table["patterns"] and all(w.isalpha() for w in hint), (path.name, hint)
                for pattern in table["patterns"]:
                    assert any(word in pattern for word in hint), (path.name, pattern)
    assert hinted >= 6


def test_a_text_without_a_groups_pattern_words_is_not_searched_with_its_patterns() -> None:
    from letterpress.check.lists import load_lists

    need = [g for g in load_lists().groups if g.alternative.startswith("I would be glad")]
    assert len(need) == 1 and need[0].kind == "eager"
    assert need[0].scan(frozenset({"i", "want", "this", "job"})) is None
    pattern = need[0].scan(frozenset({"i", "need", "this", "job"}))
    assert pattern is not None and pattern.search("I  need this job")


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("THANK YOU SO MUCH for the interview.", "THANK YOU SO MUCH"),
        ("I am VERY keen on the role.", "VERY"),
        ("It was AMAZING to meet the team.", "AMAZING"),
        ("I WANT THIS JOB.", "WANT THIS JOB"),
        ("Ich bin SEHR interessiert.", "SEHR"),
        ("Le poste m’intéresse TRÈS vivement.", "TRÈS"),
    ],
)
def test_all_caps_words_are_flagged(text: str, flagged: str) -> None:
    assert [f.phrase for f in _found("eager", body=text)] == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "My CV and the HR form are attached.",
        "I used SQL, AWS and SAP SE tools.",
        "Nordlicht Logistik GmbH in DE-20457 Hamburg.",
        "The UNESCO report, chapter IV.",
        "Postcode SW1A 2AA, near the BBC.",
        "We spoke about the NATO contract and COVID.",
        "Mon dossier URSSAF et les chiffres de l’INSEE, puis mon MBA à l’INSEAD.",
    ],
)
def test_acronyms_postcodes_and_names_are_not_shouting(text: str) -> None:
    assert check_data(letter(body=text)) == []


def test_repeated_and_many_exclamation_marks() -> None:
    findings = check_data(letter(body="It was great!! Really?!"))
    assert [f.phrase for f in findings] == ["!!", "?!"]
    many = check_data(letter(body="Great day! Lovely team! Thanks again!"))
    assert len(many) == 1 and many[0].phrase.startswith("3 exclamation marks")
    assert check_data(letter(body="Thank you, and have a good weekend!")) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Kind regards, [Your name]", "[Your name]"),
        ("Dear [Name of the HR employee],", "[Name of the HR employee]"),
        ("Dear {{ recipient.name }},", "{{ recipient.name }}"),
        ("TODO: add the date", "TODO"),
        ("We met on XXX.", "XXX"),
        ("Lorem ipsum dolor sit amet.", "Lorem ipsum"),
        ("Mit freundlichen Grüßen, Max Mustermann", "Max Mustermann"),
        ("Cordialement, Jean Dupont", "Jean Dupont"),
        ("Je vous prie d’agréer, [Madame / Monsieur], mes salutations.", "[Madame / Monsieur]"),
    ],
)
def test_leftover_placeholders(text: str, phrase: str) -> None:
    found = _found("placeholder", body=text)
    assert found and found[0].phrase == phrase, found
    assert found[0].alternative == "Replace it with the real text."


def test_placeholders_are_found_in_every_field_with_its_path() -> None:
    data = letter(recipient__name="[Name of the HR employee]", subject="Interview on [day]")
    data["interview"] = {
        "date": "2026-11-24T10:00",
        "involved": [{"name": "Tom", "email": "[their email address]"}],
    }
    fields = {(f.field, f.phrase) for f in check_data(data)}
    assert fields == {
        ("recipient.name", "[Name of the HR employee]"),
        ("subject", "[day]"),
        ("interview.involved[1].email", "[their email address]"),
    }


def test_pay_talk_is_flagged_in_a_thank_you_only() -> None:
    body = "Thank you for Tuesday. I would also like to discuss the salary and a signing bonus."
    pay = _found("pay", body=body)
    assert [f.phrase for f in pay] == ["salary", "signing bonus"]
    assert "offer" in pay[0].alternative
    # Not a thank-you (no thanks, no [interview]): salary is a normal topic, e.g. an offer reply.
    offer = letter(subject="Your offer", body="I accept the salary of EUR 52,000 per annum.")
    assert check_data(offer) == []
    de = letter(body="Vielen Dank! Meine Gehaltsvorstellung liegt bei 55.000 Euro.")
    assert [f.phrase for f in check_data(de) if f.kind == "pay"] == [
        "Gehaltsvorstellung",
        "55.000 Euro",
    ]
    fr = letter(
        body="Merci pour l’entretien. J’aimerais aussi parler de mes prétentions "
        "salariales et des tickets-restaurant."
    )
    pay = [f for f in check_data(fr) if f.kind == "pay"]
    assert [f.phrase for f in pay] == ["mes prétentions salariales", "tickets-restaurant"]
    assert "offre" in pay[0].alternative
    offre = letter(subject="Votre offre", body="J’accepte la rémunération proposée.")
    assert check_data(offre) == []


@pytest.mark.parametrize(
    "language, amount, alternative",
    [
        ("fr-FR", "45\u202f000 €", "offre"),
        ("fr-FR", "45 000 euros", "offre"),
        ("de", "45.000 €", "Angebot"),
        ("de", "45 000 EUR", "Angebot"),
        ("en-GB", "45,000 EUR", "offer"),
    ],
)
def test_an_amount_is_flagged_whole_and_once_in_the_letters_language(
    language: str, amount: str, alternative: str
) -> None:
    pay = _found("pay", language=language, body=f"Merci, danke, thank you. Mein Ziel: {amount}.")
    assert [f.phrase for f in pay] == [" ".join(amount.split())]
    assert alternative in pay[0].alternative


def test_pay_in_prepared_call_answers_is_not_pay_talk() -> None:
    data = letter()
    data["interview"] = {"date": "2026-11-24T10:00"}
    data["call"] = {
        "phone": "+49 40 123456",
        "if_asked": {"What are your salary expectations?": "Around 55k, flexible."},
    }
    assert check_data(data) == []


def test_the_bundled_example_copied_word_for_word_is_flagged(tmp_path) -> None:
    from conftest import ROOT

    from letterpress.source import load_source

    example = load_source(ROOT / "examples" / "thank-you.toml").data
    body = example["body"].replace("Baltic ports", "North Sea ports")
    found = _found("copied-example", body=body)
    assert len(found) >= 2
    assert found[0].phrase.startswith("Thank you for taking the time to meet me")
    assert all(f.field == "body" for f in found)
    # One borrowed sentence of ordinary length is not copying.
    assert check_data(letter(body="I look forward to hearing about the next steps.")) == []


STARTER_FILLS = {
    "en": {"[day]": "Tuesday", "[position]": "Data Analyst"},
    "de": {"[Tag]": "Dienstag", "[Position]": "Datenanalyst"},
    "fr": {"[date]": "mardi 24 novembre", "[intitulé du poste]": "Analyste de données"},
}


@pytest.mark.parametrize("language", sorted(STARTER_FILLS))
def test_unfilled_starter_text_is_flagged_and_filled_starter_is_not(language: str) -> None:
    import tomllib

    from letterpress.starters import starter_text

    body = tomllib.loads(starter_text("thank-you", language))["body"]
    kinds = {f.kind for f in check_data(letter(body=body))}
    assert kinds == {"placeholder", "copied-example"}
    filled = body
    for prompt, value in STARTER_FILLS[language].items():
        filled = filled.replace(prompt, value)
    filled = "\n".join(line for line in filled.splitlines() if not line.startswith("["))
    assert check_data(letter(body=filled)) == []


def test_french_starter_prose_copied_word_for_word_is_flagged() -> None:
    from letterpress.check.copied import known_texts

    origins = {origin for origin, _ in known_texts()}
    assert "starter fr/thank-you.toml body" in origins
    assert "starter fr/call.toml call.questions[1]" in origins
    copied = (
        "Je vous remercie pour notre entretien du [date] au sujet du poste "
        "« [intitulé du poste] ». [Une ou deux phrases personnelles"
    )
    found = _found("copied-example", body=copied)
    assert len(found) == 1 and found[0].phrase.startswith("Je vous remercie pour notre entretien")


def test_snapshot_of_the_examples_is_current() -> None:
    from conftest import ROOT

    from letterpress.check.snapshot import render

    stored = (ROOT / "letterpress" / "check" / "examples.toml").read_text(encoding="utf-8")
    assert stored == render(ROOT), "run: python -m letterpress.check.snapshot"


def test_kinds_are_the_documented_five() -> None:
    assert KINDS == ("eager", "placeholder", "copied-example", "pay", "number")


def test_copied_passages_are_found_alike_with_the_word_runs_kept_in_the_cache_folder(
    tmp_path: Path,
) -> None:
    """The runs of words of the bundled texts are built once, kept in the cache folder and read
    back by the next process: both find the same copied passage."""
    import sys

    code = (
        "from letterpress.check import check_data; "
        "body = 'Thank you for taking the time to meet me on Tuesday about the *Data "
        "Analyst* position. I enjoyed hearing how your team plans deliveries.'; "
        "print([(f.kind, f.phrase) for f in check_data({'body': body})])"
    )
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert list(tmp_path.glob("copied-*.marshal"))  # kept by the first, read by the second
    assert runs[0] == runs[1] and "copied-example" in runs[0]


def test_an_empty_file_is_not_a_clean_letter(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    done = run_cli("check", str(empty))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"letterpress: error: {empty}: the file is empty; write the letter in it "
        "(letterpress init thank-you writes a starter)\n"
    )


def test_a_finding_on_the_first_line_of_a_longer_text_names_its_line_too(
    tmp_path: Path,
) -> None:
    """A "!!" on the body's first line said "body:" while the findings below said "body,
    line 5:": which line it is matters as much there. A one-line field is named alone."""
    path = tmp_path / "draft.toml"
    path.write_text(
        'language = "en"\nsubject = "Thank you!!"\nbody = """\n'
        "Thank you for the conversation!! It was good to meet the team.\n\n"
        "I enjoyed the tour of the warehouse.\n\n"
        'TODO: the part about the rota\n"""\n',
        encoding="utf-8",
    )
    done = run_cli("check", str(path))
    assert done.returncode == 1, done.stderr
    advice = "End the sentence with a full stop; one exclamation mark in a letter is plenty."
    assert done.stdout.splitlines() == [
        f'{path}: subject: eager: "!!"; suggestion: {advice}',
        f'{path}: body, line 1: eager: "!!"; suggestion: {advice}',
        f'{path}: body, line 5: placeholder: "TODO"; suggestion: Replace it with the real text.',
    ]


@pytest.mark.parametrize(
    "changes, line",
    [
        (
            {"subject": ["a!!"]},
            'subject: ["a!!"] is not text; write it as one text in quotes, e.g. subject = "a!!"',
        ),
        (
            {"layout": True},
            'layout: true is not text; write it in quotes, e.g. layout = "din5008-b"',
        ),
        (
            {"place": {"a": "x"}},
            'place: a table is not text; write it in quotes, e.g. place = "..."',
        ),
        ({"signatur": "Jo"}, "unknown field 'signatur'"),
    ],
)
def test_check_reports_what_letter_refuses(
    write_letter: Any, changes: dict[str, Any], line: str
) -> None:
    path = write_letter(letter(**changes))
    made = _letter(path)
    assert made.returncode == 2
    refused = made.stderr.strip()
    assert line in refused
    done = run_cli("check", str(path))
    assert done.returncode == 1, done.stdout
    assert refused in done.stderr.splitlines()
    assert "no findings" not in done.stdout + done.stderr


def test_check_takes_a_call_file_as_call_reads_it(tmp_path: Path) -> None:
    """A call file has no subject or body: check does not refuse it as a letter, and a
    misspelt [call] field gets call's own line."""
    starter = tmp_path / "call.toml"
    assert run_cli("init", "call", "-o", str(starter)).returncode == 0
    done = run_cli("check", str(starter))
    assert "subject" not in done.stderr, done.stderr  # only the starter's placeholders
    text = starter.read_text(encoding="utf-8")
    starter.write_text(text.replace("best_time =", "best_tme ="), encoding="utf-8")
    refused = run_cli("call", str(starter), "-o", str(tmp_path / "c.pdf")).stderr.splitlines()[-1]
    assert refused.endswith("call.best_tme: unknown field 'best_tme'; did you mean 'best_time'?")
    done = run_cli("check", str(starter))
    assert done.returncode == 1
    assert refused in done.stderr.splitlines()


def test_apologetic_and_pressing_follow_ups_are_flagged_by_check(tmp_path: Path) -> None:
    """A follow-up that apologises for existing, or presses for a decision, reads as
    over-eager; check names each phrase with a calmer sentence."""
    path = tmp_path / "follow-up.toml"
    path.write_text(
        'body = """\n'
        "Thank you for Tuesday. I just wanted to follow up to see if you have made a decision."
        "\n\nSorry to bother you again; please reply ASAP.\n"
        '"""\n',
        encoding="utf-8",
    )
    proc = run_cli("check", str(path))
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[:4] == [
        f'{path}: body, line 1: eager: "just wanted to follow up"; suggestion: I look forward '
        "to hearing about the next steps.",
        f'{path}: body, line 1: eager: "if you have made a decision"; suggestion: I look '
        "forward to hearing about the next steps.",
        f'{path}: body, line 3: eager: "please reply ASAP"; suggestion: I look forward to '
        "hearing about the next steps.",
        f'{path}: body, line 3: eager: "Sorry to bother you"; suggestion: Thank you again for '
        "your time.",
    ]


@pytest.mark.parametrize(
    "mailing",
    [{"to": "DE-XX"}, {"posted": "soon"}, {"carrier": "nope"}],
    ids=["to", "posted", "carrier"],
)
def test_check_reports_a_mailing_value_letter_warns_about(
    write_letter: Any, mailing: dict[str, str]
) -> None:
    """letter prints a file whose [mailing] value it cannot use with one warning (the
    estimate left out); check said "no findings" and exit 0. It reports letter's own line."""
    path = write_letter({**_to_hamburg(), "mailing": mailing})
    made = _letter(path)
    assert made.returncode == 0, made.stderr
    warned = made.stderr.strip().removeprefix("letterpress: warning: ")
    assert "the delivery estimate is left out" in warned
    done = run_cli("check", str(path))
    assert (done.returncode, done.stdout) == (1, warned + "\n"), done.stderr
    assert done.stderr == "1 finding: fix it as its line says, then check again.\n"
    done = run_cli("check", str(path), "--json")
    field, what = warned.removeprefix(f"{path}, ").split(": ", 1)
    phrase, alternative = what.split("left out; ")
    phrase += "left out"
    assert (done.returncode, json.loads(done.stdout)["findings"]) == (
        1,
        [
            {
                "kind": "warning",
                "field": field,
                "phrase": phrase,
                "alternative": alternative,
                "line": 1,
            }
        ],
    )


def test_check_json_carries_what_letter_refuses(write_letter: Any) -> None:
    """check --json listed no finding for a file letter refuses: the refusal is one, of kind
    "refused", with letter's field, what and what to do."""
    path = write_letter(letter(signatur="Jo"))
    done = run_cli("check", str(path), "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["findings"] == [
        {
            "kind": "refused",
            "field": "signatur",
            "phrase": "unknown field 'signatur'",
            "alternative": "did you mean 'signature'?",
            "line": 1,
        }
    ]
    assert done.stderr == (
        f"letterpress: error: {path}, signatur: unknown field 'signatur'; "
        "did you mean 'signature'?\n"
    )


def test_check_leaves_what_letter_refuses_in_a_field_still_to_fill_in(tmp_path: Path) -> None:
    """A starter's '[Postcode]' is a placeholder to replace: check says so once, not also
    that letter refuses it as a postcode; filled in wrongly, the refusal is said."""
    starter = tmp_path / "thank-you.toml"
    assert run_cli("init", "-o", str(starter)).returncode == 0
    done = run_cli("check", str(starter))
    assert done.returncode == 1
    assert "error" not in done.stderr, done.stderr
    assert f'{starter}: sender.postal_code: placeholder: "[Postcode]"' in done.stdout


def test_a_number_where_text_belongs_is_one_warning_in_letter_and_a_finding_in_check(
    tmp_path: Path,
) -> None:
    """body = 5 printed "5" and phone = +4930123456 printed 4930123456 without a word, and
    check said nothing: letter prints them with one warning each, check reports the same line
    (exit 1), --strict stops."""
    path = tmp_path / "letter.toml"
    path.write_text(
        'subject = "Thank you"\nbody = 5\n'
        '[sender]\nname = "Jonas Petersen"\ncountry = "DE"\nphone = +4930123456\n'
        '[recipient]\nname = "Mei Lee"\nstreet = "Hafenstraße 12"\npostal_code = "20457"\n'
        'city = "Hamburg"\n',
        encoding="utf-8",
    )
    advice = "a number loses a leading 0 or +."
    lines = [
        f'{path}: body: number: "5"; suggestion: Write it in quotes, as it should print, '
        f'e.g. "5": {advice}',
        f'{path}: sender.phone: number: "4930123456"; suggestion: Write it in quotes, as it '
        f'should print, e.g. "4930123456": {advice}',
    ]
    made = run_cli("letter", str(path), "-o", str(tmp_path / "l.pdf"))
    assert made.returncode == 0, made.stderr
    assert made.stderr.splitlines() == [f"letterpress: warning: {line}" for line in lines]
    done = run_cli("check", str(path))
    assert (done.returncode, done.stdout.splitlines()) == (1, lines), done.stderr
    assert json.loads(run_cli("check", str(path), "--json").stdout)["findings"][0] == {
        "kind": "number",
        "field": "body",
        "phrase": "5",
        "alternative": f'Write it in quotes, as it should print, e.g. "5": {advice}',
        "line": 1,
    }
    stopped = run_cli("letter", str(path), "-o", str(tmp_path / "s.pdf"), "--strict")
    assert stopped.returncode == 2 and not (tmp_path / "s.pdf").exists()


def test_check_reads_a_follow_up_file_as_advise_does(write_letter: Any) -> None:
    """A follow-up file's [interview] is read by advise, not letter: check said "no
    findings" of process = "emial", which advise refuses, and of a contact's phone number
    advise warns about. It says advise's lines."""
    interview = {
        "date": "2026-11-30T10:00",
        "process": "emial",
        "hr_contact": {"name": "Mei Lee", "email": "mei@example.com", "phone": "12"},
    }
    path = write_letter({**letter(), "interview": interview})
    refused = run_cli("advise", str(path), "--now", "2026-12-01T10:00")
    assert refused.returncode == 2
    done = run_cli("check", str(path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == refused.stderr
    path = write_letter({**letter(), "interview": {**interview, "process": "email"}})
    advised = run_cli("advise", str(path), "--now", "2026-12-01T10:00")
    assert advised.returncode == 0, advised.stderr
    warned = advised.stderr.strip().removeprefix("letterpress: warning: ")
    assert "interview.hr_contact.phone: '12' is not a valid phone number" in warned
    done = run_cli("check", str(path))
    assert (done.returncode, done.stdout) == (1, warned + "\n")


def test_a_number_is_said_once_and_only_where_text_belongs(write_letter: Any) -> None:
    """[references] takes numbers (a customer number prints as typed); a number in a list
    of texts, or in a field letterpress does not know, is refused as such, not warned about
    a second time as a number."""
    path = write_letter(letter(references={"customer_number": 4711}))
    proc = run_cli("check", str(path))
    assert (proc.returncode, proc.stdout) == (0, f"{path}: no findings.\n"), proc.stderr
    proc = run_cli("check", str(write_letter(letter(enclosures=["CV", 3]))))
    assert proc.returncode == 1 and "number:" not in proc.stdout, proc.stdout
    assert "enclosures: must be a list of texts" in proc.stderr
    proc = run_cli("check", str(write_letter(letter(foo=1))))
    assert proc.returncode == 1 and "number:" not in proc.stdout, proc.stdout
    assert "foo: unknown field 'foo'" in proc.stderr


def test_the_summary_says_to_rephrase_only_when_every_finding_is_wording(
    write_letter: Any,
) -> None:
    """The summary said "replace or rephrase" for a number (to be quoted) or letter's warning
    and refusal too; those are fixed as their own line says. Wording alone keeps the line."""
    data = _to_hamburg(postal_code=20457)
    number = run_cli("check", str(write_letter(data)))
    assert number.returncode == 1
    assert number.stderr == "1 finding: fix it as its line says, then check again.\n"
    both = run_cli("check", str(write_letter({**data, "body": "I am SUPER EXCITED."})))
    assert both.stderr == "2 findings: fix each as its line says, then check again.\n"
    german = run_cli("check", str(write_letter(data)), "--lang", "de")
    assert german.stderr == "1 Fund: wie in der Zeile angegeben beheben, dann erneut prüfen.\n"
    data["recipient"]["postal_code"] = "20457"
    wording = run_cli("check", str(write_letter({**data, "body": "I am SUPER EXCITED."})))
    assert wording.stderr == "1 finding: replace or rephrase, then check again.\n"


def test_check_rows_says_the_warnings_batch_would_give(tmp_path: Path) -> None:
    """check TEMPLATE DATA said "no findings" (exit 0) for a row batch --check warns about (a
    date in a column that reads two ways); it now says batch's line, in batch's words."""
    _rows_to_check(
        tmp_path,
        TEMPLATE.read_text(encoding="utf-8"),
        "Anna,Schmidt,Hauptstraße 1,01067,01/02/2026,2026-12-03",
        "Ben,Müller,Ring 2,01067,Dresden,2026-12-03",
    )
    batch = run_cli("batch", "t.toml", "d.csv", "--check", cwd=tmp_path)
    warned = batch.stderr.strip()
    assert warned.startswith("letterpress: warning: d.csv, row 2, column 'city' (recipient.city)")
    done = _check_rows(tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        warned,
        "2 rows checked: 1 warning from batch; do what the warnings above say, then check again.",
    ]
    rows = json.loads(_check_rows(tmp_path, "--json").stdout)["rows"]
    assert rows[0]["warnings"] == [warned.split("(recipient.city): ")[1]]


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"mailing": {"posted": 5}}, "mailing.posted: 5 is not a posting date and time"),
        ({"mailing": {"to": 5}}, "mailing.to: unknown country '5'"),
        ({"date": 5}, "date: 5 is not a valid date"),
        ({"layout": 5}, "layout: unknown layout '5'"),
        ({"recipient__country": 5}, "recipient.country: unknown country '5'"),
    ],
    ids=["posted", "to", "date", "layout", "country"],
)
def test_a_number_in_a_field_letter_warns_about_or_refuses_is_one_line(
    write_letter: Any, changes: dict[str, Any], said: str
) -> None:
    """[mailing] posted = 5 printed two lines for one mistake: the number finding ("write it in
    quotes", which would not make it a date) and letter's warning that the estimate is left
    out. Letter's line, which says what the field takes, is the one line now; the same for a
    number letter refuses (date = 5, layout = 5)."""
    path = write_letter(_to_hamburg(**changes))
    made = _letter(path)
    letters = [line for line in made.stderr.splitlines() if said in line]
    assert len(letters) == 1, made.stderr
    done = run_cli("check", str(path))
    assert done.returncode == 1
    kind, line = letters[0].removeprefix("letterpress: ").split(": ", 1)
    if kind == "warning":
        assert (done.stdout, done.stderr) == (
            line + "\n",
            "1 finding: fix it as its line says, then check again.\n",
        )
    else:
        assert (done.stdout, done.stderr) == ("", letters[0] + "\n")
    findings = json.loads(run_cli("check", str(path), "--json").stdout)["findings"]
    assert [f["kind"] for f in findings] == ["warning" if kind == "warning" else "refused"]


def test_check_rows_from_standard_input_says_what_batch_would_fail(tmp_path: Path) -> None:
    """check TEMPLATE - (the data piped in) said only the rows a cell fails: batch could not
    read standard input a second time, so a postcode that lost its 0 or a date that reads two
    ways went unsaid (exit 0 when nothing else was found). The rows are checked in batch's one
    run now, so piped data gets the same lines as the file."""
    rows = _rows_to_check(
        tmp_path,
        TEMPLATE.read_text(encoding="utf-8"),
        "Anna,Schmidt,Hauptstraße 1,1067,Dresden,2026-12-03",
        "Ben,Müller,Ring 2,01067,01/02/2026,2026-12-03",
    )
    from_file = _check_rows(tmp_path)
    assert from_file.returncode == 1
    assert from_file.stderr.splitlines() == [
        "letterpress: warning: d.csv, row 3, column 'city' (recipient.city): date '01/02/2026' "
        "reads as 1 February 2026 or 2 January 2026; write it as YYYY-MM-DD (2026-02-01) so "
        "readers cannot misread it",
        "letterpress: error: d.csv, row 2, column 'postcode' (recipient.postal_code): postcode "
        "'1067' looks like it lost its leading zero (01067); format the column as Text in the "
        "spreadsheet and export again, or write 01067",
        "2 rows checked: 1 row that batch would fail, 1 warning from batch; fix the errors "
        "above, do what the warnings above say, then check again.",
    ]
    piped = run_cli("check", "t.toml", "-", cwd=tmp_path, stdin=rows)
    assert (piped.returncode, piped.stdout) == (1, from_file.stdout)
    assert piped.stderr == from_file.stderr.replace("d.csv, ", "<stdin>, ")


def test_check_rows_says_a_mistake_batch_names_once_in_batchs_line(tmp_path: Path) -> None:
    """check TEMPLATE DATA printed two lines for one mistake: a cell '[Land]' was a
    placeholder finding and batch's "unknown country '[Land]'"; the template's date = 5 a
    number finding and batch's "5 is not a valid date". Batch's line, which names the column
    and what to write, is the one line now; the row still counts as one batch would fail."""
    text = TEMPLATE.read_text(encoding="utf-8").replace(
        'country = "DE"\n\n[recipient]', 'country = "DE"\n\n[recipient]\ncountry = "{{ row.land }}"'
    )
    text = text.rsplit('country = "DE"', 1)[0]
    assert text.count("row.land") == 1, text
    _rows_to_check(
        tmp_path,
        text,
        "Anna,Schmidt,Hauptstraße 1,01067,Dresden,2026-12-03,[Land]",
        "Ben,Müller,Ring 2,01067,Dresden,2026-12-03,DE",
        header=HEADER + ",land",
    )
    done = _check_rows(tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines() == [
        "letterpress: error: d.csv, row 2, column 'land' (recipient.country): unknown country "
        "'[Land]'; write the country's name or its two-letter ISO code (DE, AT, CH, GB, US)",
        "2 rows checked: 1 row that batch would fail; fix the errors above, then check again.",
    ]
    # the template's own date = 5: one line naming the template (as batch does), no row's
    (tmp_path / "t.toml").write_text(text.replace("date = 2026-11-26", "date = 5"), "utf-8")
    done = _check_rows(tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        "letterpress: error: t.toml, date: 5 is not a valid date; write it as YYYY-MM-DD, "
        "e.g. 2026-11-26\n",
    )


def test_check_rows_summary_says_what_to_do_with_each_kind_of_line(tmp_path: Path) -> None:
    """The last line of check TEMPLATE DATA left out the warnings when a row also failed
    ("..., 1 warning from batch: fix the errors above, then check again."), and said "replace
    or rephrase" of a number the template writes, which is fixed by quoting it. It now says
    what to do with errors, warnings and findings, in that order, and each as its line says
    for a number."""
    text = TEMPLATE.read_text(encoding="utf-8")
    _rows_to_check(
        tmp_path,
        text,
        "Anna,Schmidt,Hauptstraße 1,1067,Dresden,2026-12-03",
        "Ben,Müller,Ring 2,01067,01/02/2026,2026-12-03",
        "Cem,Kaya,Weg 3,01067,Dresden,2026-12-03",
    )

    def last(*extra: str) -> str:
        done = _check_rows(tmp_path, *extra)
        assert done.returncode == 1, done.stderr
        return done.stderr.splitlines()[-1]

    assert last() == (
        "3 rows checked: 1 row that batch would fail, 1 warning from batch; fix the errors "
        "above, do what the warnings above say, then check again."
    )
    assert last("--lang", "de") == (
        "3 Zeilen geprüft: 1 Zeile, an der batch scheitern würde, 1 Warnung von batch; "
        "beheben Sie die Fehler oben, tun Sie, was die Warnungen oben sagen, dann erneut prüfen."
    )
    number = text.replace('postal_code = "22587"', "postal_code = 22587")
    assert number != text
    (tmp_path / "t.toml").write_text(number, encoding="utf-8")
    assert (
        last("--rows", "4")
        == "1 row checked: 1 finding; fix each as its line says, then check again."
    )
    assert last() == (
        "3 rows checked: 1 row that batch would fail, 1 warning from batch, 3 findings; fix "
        "the errors above, do what the warnings above say, fix the findings as their lines say, "
        "then check again."
    )


def test_check_rows_says_one_cell_filled_into_several_places_once(tmp_path: Path) -> None:
    """A company cell 'TODO' that the template puts in the address and twice in the body was
    three lines (body line 1, body line 3, recipient.organization) for one cell to fill in.
    It is one line naming the places; --json still lists each finding."""
    text = TEMPLATE.read_text(encoding="utf-8").replace(
        "Thank you for signing up, {{ row.first_name }}.",
        "Thank you for signing up for {{ row.company }}, {{ row.first_name }}.",
    )
    text = text.replace("Please bring a copy", "{{ row.company }} asks you to bring a copy")
    text = text.replace(
        'name = "{{ row.first_name }} {{ row.last_name }}"\n',
        'name = "{{ row.first_name }} {{ row.last_name }}"\norganization = "{{ row.company }}"\n',
    )
    assert text.count("row.company") == 3
    _rows_to_check(
        tmp_path,
        text,
        "Anna,Schmidt,Hauptstraße 1,01067,Dresden,2026-12-03,TODO",
        "Ben,Müller,Ring 2,01067,Dresden,2026-12-03,Initech",
        header=HEADER + ",company",
    )
    done = _check_rows(tmp_path)
    assert (done.returncode, done.stdout) == (
        1,
        'd.csv, row 2: body, line 1; body, line 3; recipient.organization: placeholder: "TODO"; '
        "suggestion: Replace it with the real text.\n",
    )
    assert done.stderr == "2 rows checked: 3 findings; replace or rephrase, then check again.\n"
    rows = json.loads(_check_rows(tmp_path, "--json").stdout)["rows"]
    assert [(f["field"], f["line"]) for f in rows[0]["findings"]] == [
        ("body", 1),
        ("body", 3),
        ("recipient.organization", 1),
    ]


def test_a_phone_number_written_without_quotes_is_one_line_saying_to_quote_it(
    tmp_path: Path,
) -> None:
    """call.phone = +49891234567 is read as the number 49891234567: check said that the
    number lost its + (quote it) and call's refusal "'49891234567' is not a valid phone
    number in the United Kingdom; check the digits", two lines for one mistake, the second
    blaming the digits. The number's line is the one line; quoted, the file is clean."""
    path = tmp_path / "call.toml"
    path.write_text(
        'language = "en-GB"\n[sender]\nname = "Anna Smith"\ncountry = "GB"\n'
        '[recipient]\nname = "Mei Lee"\norganization = "Initech"\n'
        '[call]\nphone = +49891234567\nbest_time = "10:00-12:00"\nposition = "Analyst"\n',
        encoding="utf-8",
    )
    done = run_cli("check", str(path))
    assert (done.returncode, done.stdout) == (
        1,
        f'{path}: call.phone: number: "49891234567"; suggestion: Write it in quotes, as it '
        'should print, e.g. "49891234567": a number loses a leading 0 or +.\n',
    )
    assert done.stderr == "1 finding: fix it as its line says, then check again.\n"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("+49891234567", '"+49 89 1234567"'), encoding="utf-8")
    assert run_cli("check", str(path)).returncode == 0


def test_a_date_where_text_belongs_is_said_as_written(tmp_path: Path) -> None:
    """subject = 2026-11-26 (a TOML date) is said as the file wrote it, with the date quoted
    as what to write, by letter and by check alike."""
    path = tmp_path / "letter.toml"
    text = (ROOT / "examples" / "thank-you.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('subject = "Thank you', "subject = 2026-11-26\n# ", 1))
    line = (
        f"letterpress: error: {path}, subject: 2026-11-26 is not text; write it in quotes, "
        'e.g. subject = "2026-11-26"'
    )
    made = run_cli("letter", str(path), "-o", str(tmp_path / "out.pdf"))
    assert made.returncode == 2 and made.stderr.splitlines()[-1] == line, made.stderr
    assert not (tmp_path / "out.pdf").exists()
    done = run_cli("check", str(path))
    assert done.returncode == 1 and line in done.stderr.splitlines(), done.stderr


def test_a_table_where_one_value_belongs_is_one_line(write_letter: Any) -> None:
    """[mailing] from = {a = 1} is one mistake: letter and check said a number warning for
    mailing.from.a and "a table is not a country"; now the table's line alone."""
    path = write_letter({**_to_hamburg(), "mailing": {"from": {"a": 1}}})
    line = (
        f"{path}, mailing.from: a table is not a country; the delivery estimate is left out; "
        'write one country\'s name or ISO code in quotes, e.g. from = "DE"; or remove [mailing]'
    )
    made = _letter(path)
    assert (made.returncode, made.stderr) == (0, f"letterpress: warning: {line}\n")
    done = run_cli("check", str(path))
    assert (done.returncode, done.stdout) == (1, line + "\n"), done.stderr
    refused = write_letter(letter(place={"a": 1}), "place.json")
    done = run_cli("check", str(refused))
    assert (done.returncode, done.stdout) == (1, ""), done.stdout
    assert done.stderr.splitlines()[-1].endswith(
        'place: a table is not text; write it in quotes, e.g. place = "..."'
    )


def test_check_rows_of_a_template_on_standard_input_speak_its_language(tmp_path: Path) -> None:
    """check - DATA (the template piped in) said its lines in English while the suggestions
    were in the letters' language: the template's language was looked up only for a file.
    Standard input is read once now, and the lines are in its language as for the file."""
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace('body = """', 'body = """\nIch freue mich SEHR!!!\n', 1)
    text = text.replace('language = "en-GB"', 'language = "de-DE"', 1)
    assert "SEHR" in text and "de-DE" in text
    _rows_to_check(tmp_path, text, "Anna,Schmidt,Hauptstraße 1,01067,Dresden,2026-12-03")
    from_file = _check_rows(tmp_path)
    assert from_file.returncode == 1
    assert "Zeile 1: übereifrig: „SEHR“" in from_file.stdout, from_file.stdout
    piped = run_cli("check", "-", "d.csv", cwd=tmp_path, stdin=text)
    assert (piped.returncode, piped.stdout, piped.stderr) == (
        1,
        from_file.stdout,
        from_file.stderr,
    )


@pytest.mark.parametrize(
    "value, line",
    [
        (
            "call_on = 5",
            "call.call_on: 5 is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-26",
        ),
        (
            "best_time = 5",
            "call.best_time: '5' is not a time window; write it as \"09:00-11:00\" (24-hour "
            'clock, the contact\'s local time), or as "mornings" or "afternoons"',
        ),
    ],
    ids=["call_on", "best_time"],
)
def test_check_of_a_letter_file_says_what_call_refuses(
    tmp_path: Path, value: str, line: str
) -> None:
    """A letter file with a [call] table (examples/call.toml) is printed by letter and call
    alike: check said only "number: write it in quotes" of call_on = 5, which call refuses.
    It says call's one line, and exit 1, as call would refuse the file."""
    path = tmp_path / "call.toml"
    text = (ROOT / "examples" / "call.toml").read_text(encoding="utf-8")
    key = value.split(" ", 1)[0]
    changed = re.sub(rf"(?m)^{key} = .*$", value, text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    refused = run_cli("call", str(path), "-o", str(tmp_path / "c.pdf"), "--now", "2027-03-01T09:00")
    assert refused.returncode == 2 and refused.stderr.splitlines()[-1].endswith(line)
    done = run_cli("check", str(path))
    assert done.returncode == 1, done.stderr
    assert "number:" not in done.stdout, done.stdout
    assert done.stderr.splitlines()[-1] == f"letterpress: error: {path}, {line}"


def test_a_value_where_a_table_belongs_says_how_to_write_the_table(tmp_path: Path) -> None:
    """sender = "Jo" said "sender must be a table" (no value, no advice), and mailing = "soon"
    "mailing: must be a table"; both say what the file wrote and how to write the table."""
    text = (ROOT / "examples" / "thank-you.toml").read_text(encoding="utf-8")
    sender = tmp_path / "sender.toml"
    start, rest = text.split("[sender]\n", 1)
    sender.write_text('sender = "Jo"\n' + start + rest.split("\n\n", 1)[1], encoding="utf-8")
    made = run_cli("letter", str(sender), "-o", str(tmp_path / "s.pdf"))
    assert made.returncode == 2
    assert made.stderr.splitlines()[-1] == (
        f"letterpress: error: {sender}, sender: 'Jo' is not a table; write [sender] on a line "
        "of its own, with its fields below it"
    )
    mailing = tmp_path / "mailing.toml"
    mailing.write_text('mailing = "soon"\n' + text, encoding="utf-8")
    made = run_cli("letter", str(mailing), "-o", str(tmp_path / "m.pdf"))
    assert made.returncode == 0
    assert made.stderr.splitlines()[-1] == (
        f"letterpress: warning: {mailing}, mailing: 'soon' is not a table; the delivery estimate "
        "is left out; write [mailing] on a line of its own, with its fields below it; or remove "
        "[mailing]"
    )
