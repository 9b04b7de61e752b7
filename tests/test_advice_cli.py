"""``advise`` and ``check`` through the real CLI: exit codes, JSON, --write artefacts, the .eml
draft read back with the standard library, --strict, and one-line errors without tracebacks.
(The bundled example's advice through the CLI is a scenario in tests/cases/advice/wording.toml.)"""

from __future__ import annotations

import json
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, assert_one_line_error, home_letter, letter, run_cli

EXAMPLE = str(ROOT / "examples" / "follow-up.toml")


def follow_up_file(write_letter: Any, interview: dict[str, Any], **changes: Any) -> Path:
    data = letter(**changes)
    data["interview"] = interview
    return write_letter(data, "follow.json")


def test_write_produces_the_eml_draft_with_to_and_cc(tmp_path: Path, write_letter: Any) -> None:
    path = follow_up_file(
        write_letter,
        {
            "date": "2026-11-24T10:00",
            "process": "email",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
            "involved": [
                {"name": "Jürgen Groß", "email": "juergen.gross@example.com"},
                {"name": "Tom Berg", "email": "tom.berg@example.com"},
            ],
        },
    )
    out = tmp_path / "out"
    proc = run_cli("advise", str(path), "--now", "2026-11-24T15:00", "--write", str(out))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["follow-email.eml"]
    msg = BytesParser(policy=policy.default).parse((out / "follow-email.eml").open("rb"))
    assert [a.addr_spec for a in msg["To"].addresses] == ["mei.lee@example.com"]
    assert [(a.display_name, a.addr_spec) for a in msg["Cc"].addresses] == [
        ("Jürgen Groß", "juergen.gross@example.com"),
        ("Tom Berg", "tom.berg@example.com"),
    ]
    assert msg["From"].addresses[0].addr_spec == "jonas@example.org"
    assert msg["Subject"] == "Thank you for the interview"
    assert msg["X-Unsent"] == "1"
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("Dear Ms Lee,\n\nThank you for meeting me on Tuesday.")
    assert body.rstrip().endswith("Kind regards,\nJonas Petersen")


FRENCH_LETTER: dict[str, Any] = {
    "layout": "fr-right",
    "language": "fr-FR",
    "place": "Lyon",
    "subject": "Remerciements pour l’entretien du 24 novembre",
    "opening": "Madame,",
    "body": "Je vous remercie pour notre entretien de mardi au sujet du poste "
    "«\u00a0Analyste de données\u00a0».\n\n"
    "La question des livraisons en retard a depuis retenu toute mon attention.",
    "closing": "Je vous prie d’agréer, Madame, l’expression de mes salutations distinguées.",
    "sender": {
        "name": "Camille Martin",
        "street": "8 quai Saint-Antoine",
        "postal_code": "69002",
        "city": "Lyon",
        "country": "FR",
        "phone": "+33 4 78 00 00 00",
        "email": "camille.martin@example.org",
    },
    "recipient": {
        "name": "Madame Mei Lee",
        "organization": "Rhône Logistique",
        "street": "12 rue de Rivoli",
        "postal_code": "75001",
        "city": "Paris",
        "country": "FR",
    },
}


def test_french_follow_up_writes_a_french_email_draft(tmp_path: Path, write_letter: Any) -> None:
    data = {
        **FRENCH_LETTER,
        "interview": {
            "date": "2026-11-24T10:00",
            "process": "email",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
            "involved": [{"name": "Léa Dubois", "email": "lea.dubois@example.com"}],
        },
    }
    path = write_letter(data, "suivi.json")
    out = tmp_path / "out"
    proc = run_cli("advise", str(path), "--now", "2026-11-24T15:00", "--write", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith("À privilégier\u00a0: e-mail\n")
    assert "Aujourd’hui (mardi 24 novembre)\u00a0:" in proc.stdout
    assert "Envoyez l’e-mail de remerciement à Mei Lee (copie à Léa Dubois)." in proc.stdout
    assert sorted(p.name for p in out.iterdir()) == ["suivi-email.eml"]
    msg = BytesParser(policy=policy.default).parse((out / "suivi-email.eml").open("rb"))
    assert msg["Subject"] == "Remerciements pour l’entretien du 24 novembre"
    assert [(a.display_name, a.addr_spec) for a in msg["Cc"].addresses] == [
        ("Léa Dubois", "lea.dubois@example.com")
    ]
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("Madame,\n\nJe vous remercie pour notre entretien de mardi")
    assert body.rstrip().endswith("salutations distinguées.\nCamille Martin\n+33 4 78 00 00 00")


def test_french_follow_up_posted_writes_a_french_letter(tmp_path: Path, write_letter: Any) -> None:
    from pypdf import PdfReader

    data = {
        **FRENCH_LETTER,
        "interview": {
            "date": "2026-12-22T10:00",
            "process": "post",
            "decision_by": "2026-12-30",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
        },
        "mailing": {"carrier": "la-poste", "service": "lettre-verte"},
    }
    path = write_letter(data, "suivi.json")
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--write", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("À privilégier\u00a0: lettre\n")
    assert "elle devrait arriver le lundi 28 décembre" in proc.stdout
    reader = PdfReader(tmp_path / "suivi-letter.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Lyon, le 22 décembre 2026" in text and "Objet" in text


def test_email_table_overrides_subject_and_body(tmp_path: Path, write_letter: Any) -> None:
    data = letter()
    data["interview"] = {
        "date": "2026-11-24T10:00",
        "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
    }
    data["email"] = {"subject": "Thanks for today", "body": "Dear Mei,\n\nthanks for today.\n"}
    path = write_letter(data, "f.json")
    run_cli("advise", str(path), "--now", "2026-11-24T15:00", "--write", str(tmp_path))
    msg = BytesParser(policy=policy.default).parse((tmp_path / "f-email.eml").open("rb"))
    assert msg["Subject"] == "Thanks for today"
    assert msg.get_body(("plain",)).get_content() == "Dear Mei,\n\nthanks for today.\n"


def test_write_letter_and_call_sheet_for_the_example(tmp_path: Path) -> None:
    proc = run_cli(
        "advise", EXAMPLE, "--now", "2026-12-22T16:00", "--write", str(tmp_path), "--json"
    )
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["follow-up-call-sheet.pdf", "follow-up-letter.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in tmp_path.iterdir())
    assert len(json.loads(proc.stdout)["written"]) == 2


def test_findings_warn_and_strict_stops_before_writing(tmp_path: Path, write_letter: Any) -> None:
    path = follow_up_file(
        write_letter,
        {"date": "2026-11-24T10:00", "hr_contact": {"email": "mei@example.com"}},
        body="I can't wait to hear from you!!",
    )
    out = tmp_path / "out"
    warned = run_cli("advise", str(path), "--now", "2026-11-24T15:00")
    assert warned.returncode == 0
    assert "letterpress: warning:" in warned.stderr and "can't wait to hear" in warned.stderr
    strict = run_cli(
        "advise", str(path), "--now", "2026-11-24T15:00", "--strict", "--write", str(out)
    )
    assert_one_line_error(strict, "eager", "can't wait to hear", "and 1 more")
    assert not out.exists()


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--now", "tomorrow"], "--now: 'tomorrow' is not a date and time"),
        (["--now", "2026-11-24T09:00"], "is after now"),
    ],
)
def test_advise_errors_are_one_line(args: list[str], needle: str, write_letter: Any) -> None:
    path = follow_up_file(write_letter, {"date": "2026-11-24T10:00"})
    assert_one_line_error(run_cli("advise", str(path), *args), needle)


def test_advise_without_interview_table(write_letter: Any) -> None:
    path = write_letter(letter())
    assert_one_line_error(
        run_cli("advise", str(path)), "missing table [interview]", "letterpress init follow-up"
    )


def test_check_exit_codes_and_json(tmp_path: Path, write_letter: Any) -> None:
    clean = write_letter(letter(), "clean.json")
    proc = run_cli("check", str(clean))
    assert (proc.returncode, proc.stdout.strip()) == (0, f"{clean}: no findings.")
    bad = write_letter(
        letter(
            body="TODO: thank them. This is my last chance!!",
            recipient__name="[Name of the HR employee]",
        ),
        "bad.json",
    )
    proc = run_cli("check", str(bad))
    assert proc.returncode == 1
    assert f'{bad}: recipient.name: placeholder: "[Name of the HR employee]"' in proc.stdout
    data = json.loads(run_cli("check", str(bad), "--json").stdout)
    assert [(f["kind"], f["field"], f["phrase"]) for f in data["findings"]] == [
        ("placeholder", "body", "TODO"),
        ("eager", "body", "last chance"),
        ("eager", "body", "!!"),
        ("placeholder", "recipient.name", "[Name of the HR employee]"),
    ]
    assert all(f["alternative"] for f in data["findings"])


def test_check_flags_french_eagerness_and_placeholders(tmp_path: Path) -> None:
    path = tmp_path / "merci.toml"
    path.write_text(
        'layout = "fr-right"\nlanguage = "fr-FR"\n'
        'subject = "Remerciements pour l’entretien du [date de l’entretien]"\n'
        'opening = "Madame,"\n'
        'body = """\nJe vous remercie pour notre échange de mardi.\n\n'
        'C’est mon poste de rêve et j’attends votre réponse avec impatience\u202f!\n"""\n'
        '[sender]\nname = "[Votre prénom et nom]"\n'
        '[recipient]\nname = "Madame Mei Lee"\n',
        encoding="utf-8",
    )
    proc = run_cli("check", str(path), "--json")
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["kind"], f["field"], f["phrase"], f["line"]) for f in findings] == [
        ("placeholder", "subject", "[date de l’entretien]", 1),
        ("eager", "body", "avec impatience", 3),
        ("eager", "body", "poste de rêve", 3),
        ("placeholder", "sender.name", "[Votre prénom et nom]", 1),
        # and what letter would refuse the file with, as letter says it
        (
            "refused",
            "recipient.street",
            "no postal address: street, postal code and town are all empty",
            1,
        ),
    ]
    assert findings[2]["alternative"].startswith("Le poste correspond à ce que je souhaite")
    text = run_cli("check", str(path))  # a French letter: the check speaks French
    assert (
        f"{path}\u00a0: body, ligne 3\u00a0: empressement\u00a0: "
        "«\u00a0avec impatience\u00a0»\u202f; suggestion\u00a0: Je reste" in text.stdout
    )
    assert text.stderr.splitlines() == [
        "4 remarques\u00a0: corrigez chacune comme l’indique sa ligne, puis vérifiez à nouveau.",
        f"letterpress: error: {path}, recipient.street: no postal address: street, postal code "
        "and town are all empty; add the address, or give address_lines for a free-form address",
    ]
    english = run_cli("check", str(path), "--lang", "en")
    assert f'{path}: body, line 3: eager: "avec impatience"; suggestion: Je reste' in english.stdout
    assert (
        f'{path}: subject: placeholder: "[date de l’entretien]"; suggestion: Replace it '
        "with the real text." in english.stdout
    )
    assert (
        english.stderr.splitlines()[0] == "4 findings: fix each as its line says, then check again."
    )


def test_check_copied_example_through_the_cli() -> None:
    proc = run_cli("check", str(ROOT / "examples" / "thank-you.toml"), "--json")
    assert proc.returncode == 1
    assert [f["kind"] for f in json.loads(proc.stdout)["findings"]] == ["copied-example"]


@pytest.mark.parametrize(
    "content, needle",
    [
        (None, "file not found"),
        ("subject = ", "invalid TOML"),
    ],
)
def test_check_unusable_input_exits_2(tmp_path: Path, content: str | None, needle: str) -> None:
    path = tmp_path / "x.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert_one_line_error(run_cli("check", str(path)), needle)


def test_warn_or_stop_api(capsys: pytest.CaptureFixture[str]) -> None:
    from letterpress.cli.common import warn_or_stop
    from letterpress.errors import UserError

    assert warn_or_stop(letter(), strict=True) == []
    findings = warn_or_stop(letter(body="I am desperate."), strict=False)
    assert [f.phrase for f in findings] == ["desperate"]
    assert capsys.readouterr().err.startswith("letterpress: warning: <dict>: body: eager:")
    with pytest.raises(UserError) as exc:
        warn_or_stop(letter(body="I am desperate."), strict=True)
    assert exc.value.exit_code == 2 and "desperate" in exc.value.line()


PHONE_NO_NUMBER = (
    "The process ran by phone, so a call would fit best, but no phone number is known: write a "
    "thank-you email to Mei Lee instead, with Tom Berg in copy. Add interview.hr_contact.phone to "
    "get a call sheet."
)
WITHIN = "Send your thanks within 24 hours of the interview, that is by Wed 25 Nov, 10:00."


def test_phone_process_without_a_number_advises_the_email_without_contradiction(
    write_letter: Any,
) -> None:
    path = follow_up_file(
        write_letter,
        {
            "date": "2026-11-24T10:00",
            "process": "phone",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
            "involved": [{"name": "Tom Berg", "email": "tom.berg@example.com"}],
        },
    )
    shown = run_cli("advise", str(path), "--now", "2026-11-24T15:00")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Recommended: email\n\nWhy:\n"), shown.stdout
    assert f"  - {PHONE_NO_NUMBER}\n" in shown.stdout
    assert "mostly by email" not in shown.stdout
    proc = run_cli("advise", str(path), "--now", "2026-11-24T15:00", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["recommended"] == ["email"]
    assert out["reasons"] == [PHONE_NO_NUMBER, WITHIN]
    assert out["today"] == ["Send the thank-you email to Mei Lee (copy to Tom Berg)."]
    assert out["call_on"] is None and out["letter_arrives"] is None


@pytest.mark.parametrize(
    "process, first",
    [
        (
            "phone",
            "The process ran by phone, so a call would fit best, but no phone number or email "
            "address is known: add interview.hr_contact.phone to get a call sheet.",
        ),
        (
            "email",
            "The process ran by email, but no email address is known for Mei Lee: add "
            "interview.hr_contact.email.",
        ),
    ],
    ids=["phone", "email"],
)
def test_no_number_and_no_address_falls_back_to_a_letter_not_to_the_post_rule(
    process: str, first: str, write_letter: Any
) -> None:
    path = follow_up_file(
        write_letter,
        {"date": "2026-11-24T10:00", "process": process, "hr_contact": {"name": "Mei Lee"}},
    )
    letter_reason = (
        "A letter is the way left: posted Tue 24 Nov, it is expected Fri 27 Nov (at the latest "
        "Sat 28 Nov), before the end of the first week after the interview (Tue 1 Dec)."
    )
    proc = run_cli("advise", str(path), "--now", "2026-11-24T15:00", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["recommended"] == ["letter"]
    assert out["reasons"] == [first, letter_reason, WITHIN]
    shown = run_cli("advise", str(path), "--now", "2026-11-24T15:00")
    assert f"  - {first}\n  - {letter_reason}\n" in shown.stdout, shown.stdout
    assert "invited by post" not in shown.stdout


def test_phone_process_calling_a_remote_card_does_not_also_say_stay_with_writing(
    write_letter: Any,
) -> None:
    path = follow_up_file(
        write_letter,
        {
            "date": "2026-11-24T10:00",
            "process": "phone",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
            "card": {"name": "Tom Berg", "phone": "+49 89 1234567"},
            "in_person": False,
        },
    )
    proc = run_cli("advise", str(path), "--now", "2026-11-24T15:00", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["recommended"] == ["call", "email"]
    assert out["call_on"]["phone"] == "+49 89 1234567"
    assert out["reasons"] == [
        "The process ran by phone, so a short call to thank Tom Berg fits; an email puts the "
        "thanks in writing.",
        "Your thanks go out today by email, within 24 hours of the interview (by Wed 25 Nov, "
        "10:00); the call on Wed 25 Nov follows them up, so it need not fall within the 24 hours.",
    ]


POST_LATE = {
    "process": "post",
    "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
    "card": {"name": "Tom Berg", "phone": "+49 89 1234567"},
}
MAILING = {"carrier": "deutsche-post", "service": "standard"}


def test_late_thanks_go_out_today_by_email_not_only_by_tomorrows_call(write_letter: Any) -> None:
    path = follow_up_file(write_letter, {"date": "2026-12-18T10:00", **POST_LATE}, mailing=MAILING)
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["recommended"] == ["email", "call"]
    assert out["reasons"][1:] == [
        "Send an email instead: it arrives at once.",
        "Tom Berg gave you a business card in person: a call is welcome, on Wed 23 Dec between "
        "10:00 and 12:00 (their time).",
        "More than 24 hours have passed since the interview (Sat 19 Dec, 10:00): send your thanks "
        "today anyway; late thanks are better than none.",
    ]
    assert out["today"] == [
        "Send the thank-you email to Mei Lee.",
        "Print the call sheet for your call on Wed 23 Dec.",
    ]


def test_a_passed_decision_date_is_not_repeated_as_the_call_falling_after_it(
    write_letter: Any,
) -> None:
    path = follow_up_file(
        write_letter,
        {"date": "2026-12-10T10:00", "decision_by": "2026-12-15", **POST_LATE},
        mailing=MAILING,
    )
    shown = run_cli("advise", str(path), "--now", "2026-12-22T16:00")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Recommended: email, call\n"), shown.stdout
    assert "falls after the decision date" not in shown.stdout
    assert "Today (Tue 22 Dec):\n  - Send the thank-you email to Mei Lee.\n" in shown.stdout


def test_a_call_after_a_decision_still_to_come_adds_the_email(write_letter: Any) -> None:
    path = follow_up_file(
        write_letter,
        {"date": "2026-12-22T10:00", "decision_by": "2026-12-22", **POST_LATE},
        mailing=MAILING,
    )
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["recommended"] == ["call", "email"]
    assert (
        "The call on Wed 23 Dec falls after the decision date (Tue 22 Dec), so send a thank-you "
        "email today as well: it arrives before the decision." in out["reasons"]
    )
    assert "Send the thank-you email to Mei Lee." in out["today"]


def test_an_invalid_card_number_is_warned_about_and_not_called(
    tmp_path: Path, write_letter: Any
) -> None:
    path = follow_up_file(
        write_letter,
        {
            "date": "2026-12-22T10:00",
            "process": "post",
            "decision_by": "2026-12-30",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
            "card": {"name": "Tom Berg", "phone": "12"},
        },
        mailing=MAILING,
    )
    warning = (
        f"letterpress: warning: {path}, interview.card.phone: '12' is not a valid phone number "
        "in Germany, "
        "so no call to it is advised; check the digits and write it with the country code, "
        "e.g. +49 89 1234567"
    )
    shown = run_cli("advise", str(path), "--now", "2026-12-22T16:00")
    assert shown.returncode == 0, shown.stderr
    assert warning in shown.stderr.splitlines()
    assert shown.stdout.startswith("Recommended: letter\n"), shown.stdout
    assert "call Tom Berg" not in shown.stdout and " on 12" not in shown.stdout
    out = tmp_path / "out"
    wrote = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--write", str(out))
    assert wrote.returncode == 0, wrote.stderr
    assert warning in wrote.stderr.splitlines()
    assert sorted(p.name for p in out.iterdir()) == ["follow-letter.pdf"]
    strict = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--strict")
    assert strict.returncode == 2


def test_doubtful_dates_are_warned_about_and_other_years_are_printed(write_letter: Any) -> None:
    path = follow_up_file(
        write_letter,
        {
            "date": "2025-06-02T10:00",
            "decision_by": "2025-05-30",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
        },
    )
    shown = run_cli("advise", str(path), "--now", "2026-12-22T16:00")
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr.splitlines() == [
        f"letterpress: warning: {path}, interview.decision_by: the decision date 2025-05-30 is "
        "before the interview (2025-06-02); check the dates, often the year",
        f"letterpress: warning: {path}, interview.date: the interview (2025-06-02) was more than "
        "3 months before now (2026-12-22); check the date, often the year, or --now",
    ]
    assert "  - The decision date (Fri, 30 May 2025) has passed" in shown.stdout
    assert "since the interview (Tue, 3 Jun 2025, 10:00)" in shown.stdout
    assert "Today (Tue 22 Dec):" in shown.stdout


def test_write_from_standard_input_names_the_files_without_angle_brackets(tmp_path: Path) -> None:
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    proc = run_cli(
        "advise", "-", "--now", "2026-12-22T16:00", "--write", "out", cwd=tmp_path, stdin=text
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["call-sheet.pdf", "letter.pdf"]
    assert proc.stdout.splitlines()[-2:] == ["Wrote out/letter.pdf.", "Wrote out/call-sheet.pdf."]


def test_the_email_date_carries_the_senders_offset_not_utc(
    tmp_path: Path, write_letter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Date header is the sender's local time with its offset (the sender's country here:
    no zone in the environment or in stored details)."""
    monkeypatch.delenv("LETTERPRESS_TZ", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    interview = {
        "date": "2026-12-22T10:00",
        "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
    }
    out = tmp_path / "out"
    for name, now, offset in (
        ("winter", "2026-12-22T16:00", "+0100"),
        ("summer", "2026-07-22T16:00", "+0200"),
    ):
        path = follow_up_file(write_letter, {**interview, "date": f"{now[:10]}T10:00"})
        proc = run_cli("advise", str(path), "--now", now, "--write", str(out / name))
        assert proc.returncode == 0, proc.stderr
        msg = BytesParser(policy=policy.default).parse((out / name / "follow-email.eml").open("rb"))
        day = "Tue, 22 Dec 2026" if name == "winter" else "Wed, 22 Jul 2026"
        assert msg["Date"] == f"{day} 16:00:00 {offset}"


def test_invited_by_post_from_a_country_with_no_known_carrier_still_advises_the_letter(
    tmp_path: Path, write_letter: Any
) -> None:
    """Posted from Ireland, where letterpress knows no carrier: no delivery estimate can be
    given, but the letter is still the way to thank (exit 0), said plainly, not an error."""
    sender = {
        "name": "Aoife Byrne",
        "street": "12 Harbour Road",
        "postal_code": "D02 X285",
        "city": "Dublin",
        "country": "IE",
    }
    path = follow_up_file(
        write_letter,
        {
            "date": "2026-12-21T10:00",
            "process": "post",
            "hr_contact": {"name": "Mei Lee"},
        },
        layout="uk-dl",
        sender=sender,
        recipient={**sender, "name": "Mei Lee", "street": "1 Quay Street"},
    )
    proc = run_cli("advise", str(path), "--now", "2026-12-21T15:00", "--json")
    assert proc.returncode == 0, proc.stderr
    advice = json.loads(proc.stdout)
    assert advice["recommended"] == ["letter"]
    assert (
        "You were invited by post, so a printed letter stands out; letterpress knows no carrier "
        "in Ireland to say when it arrives, so post it today." in advice["reasons"]
    )
    assert "Print the letter, sign it and post it today." in advice["today"]


@pytest.mark.parametrize(
    "lang, reason",
    [
        (
            "en-GB",
            "You were invited by post, so a printed letter stands out: posted Tue 22 Dec, it is "
            "expected Mon 28 Dec, before the decision date, Wed 30 Dec.",
        ),
        (
            "de",
            "Sie wurden per Brief eingeladen, darum fällt ein gedruckter Brief auf: Di., 22. Dez. "
            "eingeworfen, kommt er voraussichtlich Mo., 28. Dez. an, also vor dem "
            "Entscheidungstermin, Mi., 30. Dez.",
        ),
        (
            "fr",
            "L’invitation est arrivée par courrier\u00a0: une lettre imprimée se remarquera. "
            "Postée le mardi 22 décembre, elle devrait arriver le lundi 28 décembre, avant la "
            "date de décision, le mercredi 30 décembre.",
        ),
    ],
)
def test_a_letter_with_no_later_backstop_names_its_day_once(
    lang: str, reason: str, write_letter: Any
) -> None:
    # La Poste publishes no backstop for the lettre verte: the latest day is the expected one.
    data = {
        **FRENCH_LETTER,
        "interview": {
            "date": "2026-12-22T10:00",
            "process": "post",
            "decision_by": "2026-12-30",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
        },
        "mailing": {"carrier": "la-poste", "service": "lettre-verte"},
    }
    path = write_letter(data, "suivi.json")
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--lang", lang, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["letter_arrives"] == out["letter_latest"] == "2026-12-28"
    assert out["reasons"][0] == reason
    shown = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--lang", lang)
    assert f"  - {reason}\n" in shown.stdout


def test_a_later_backstop_is_still_named(write_letter: Any) -> None:
    proc = run_cli("advise", EXAMPLE, "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["reasons"][0] == (
        "You were invited by post, so a printed letter stands out: posted Tue 22 Dec, it is "
        "expected Mon 28 Dec (at the latest Tue 29 Dec), before the decision date, Wed 30 Dec."
    )


def test_thanks_sent_today_let_a_call_past_the_24_hours_follow_them_up() -> None:
    # Interview Tue 10:00: the 24 hours end Wed 10:00, the very minute Tom Berg's call window
    # opens; the letter posted today carries the thanks, the call follows them up.
    proc = run_cli("advise", EXAMPLE, "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    reasons = json.loads(proc.stdout)["reasons"]
    assert reasons[-1] == (
        "Your thanks go out today by letter, within 24 hours of the interview (by Wed 23 Dec, "
        "10:00); the call on Wed 23 Dec follows them up, so it need not fall within the 24 hours."
    )
    assert not any("Send your thanks within 24 hours" in reason for reason in reasons)


@pytest.mark.parametrize(
    "interview_at, lang, reason",
    [
        (
            "2026-12-22T10:00",
            "en-GB",
            "Your thanks go with the call: call Mei Lee on Wed 23 Dec as soon as calls are "
            "welcome, from 10:00; a call cannot thank them sooner, even if the 24 hours after the "
            "interview are up by then (Wed 23 Dec, 10:00).",
        ),
        (
            "2026-12-22T11:00",
            "en-GB",
            "Your thanks go with the call: call Mei Lee on Wed 23 Dec between 10:00 and 11:00, "
            "within 24 hours of the interview.",
        ),
        (
            "2026-12-22T11:00",
            "de",
            "Ihr Dank kommt mit dem Anruf: rufen Sie Mei Lee am Mi., 23. Dez. zwischen 10:00 und "
            "11:00 an, innerhalb von 24 Stunden nach dem Gespräch.",
        ),
    ],
)
def test_a_call_that_carries_the_thanks_is_timed_against_the_24_hours(
    interview_at: str, lang: str, reason: str, write_letter: Any
) -> None:
    path = follow_up_file(
        write_letter,
        {
            "date": interview_at,
            "process": "phone",
            "hr_contact": {"name": "Mei Lee", "phone": "+49 40 555 0100"},
        },
    )
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    why = proc.stdout.split("\n\n")[1].splitlines()
    assert why[-1] == f"  - {reason}"


def test_a_late_letter_before_christmas_is_replaced_by_todays_email_not_a_call_days_later(
    write_letter: Any,
) -> None:
    # Interview Wed 23 Dec, 15:00 in London: no calls on 24 Dec, holidays 25 and 28 Dec, so the
    # first call window is Tue 29 Dec, five days after the 24 hours; an address is known.
    data = home_letter("uk-dl", "GB")
    data["interview"] = {
        "date": "2026-12-23T15:00",
        "process": "post",
        "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
        "card": {"name": "Tom Berg", "phone": "+44 20 7946 0000"},
    }
    path = write_letter(data, "follow.json")
    proc = run_cli("advise", str(path), "--now", "2026-12-23T18:00", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["recommended"] == ["email", "call"]
    assert out["reasons"][1] == "Send an email instead: it arrives at once."
    assert not any("Call Tom Berg instead" in reason for reason in out["reasons"])
    assert out["today"][0] == "Send the thank-you email to Mei Lee."
    assert out["reasons"][-1] == (
        "Your thanks go out today by email, within 24 hours of the interview (by Thu 24 Dec, "
        "15:00); the call on Tue 29 Dec follows them up, so it need not fall within the 24 hours."
    )


def test_today_lists_the_thank_you_email_before_preparing_a_later_call(
    write_letter: Any,
) -> None:
    path = follow_up_file(
        write_letter,
        {
            "date": "2026-12-31T10:00",
            "process": "phone",
            "hr_contact": {"name": "Mei Lee", "email": "mei.lee@example.com"},
            "card": {"name": "Tom Berg", "phone": "+49 89 1234567"},
            "in_person": False,
        },
    )
    proc = run_cli("advise", str(path), "--now", "2026-12-31T15:00", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["recommended"][0] == "call"
    assert out["today"][0] == "Send the thank-you email to Mei Lee."
    assert out["today"][1].startswith("Print the call sheet for your call on "), out["today"]
    shown = run_cli("advise", str(path), "--now", "2026-12-31T15:00")
    assert "  - Send the thank-you email to Mei Lee.\n  - Print the call sheet" in shown.stdout


@pytest.mark.parametrize(
    ("mailing", "field", "problem"),
    [
        (
            {**MAILING, "to": "DE-XX"},
            "mailing.to",
            "unknown subdivision 'XX' of Germany; the delivery estimate is left out; known "
            "subdivisions: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH; "
            "or remove [mailing]",
        ),
        (
            {"carrier": "dhl"},
            "mailing.carrier",
            "unknown carrier 'dhl'; the delivery estimate is left out; known carriers: "
            "australia-post, austrian-post, canada-post, correos, deutsche-post, "
            "eu-cross-border, japan-post, la-poste, poste-italiane, postnl, postnord-se, "
            "royal-mail, swiss-post, upu, usps; or remove [mailing]",
        ),
    ],
)
def test_a_bad_mailing_value_still_advises_with_one_warning_and_strict_stops(
    write_letter: Any, mailing: dict[str, str], field: str, problem: str
) -> None:
    """As `letter` prints such a file, `advise` advises without the posted letter's dates
    (email and call are still possible) and names the field in one warning line."""
    path = follow_up_file(write_letter, {"date": "2026-12-22T10:00", **POST_LATE}, mailing=mailing)
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == f"letterpress: warning: {path}, {field}: {problem}\n"
    data = json.loads(proc.stdout)
    assert data["recommended"] == ["letter", "call"]
    assert data["letter_arrives"] is None
    assert data["reasons"][0] == (
        "You were invited by post, so a printed letter stands out; [mailing] has a value "
        "letterpress cannot use (see the warning), so no arrival date is given: post it today."
    )
    strict = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--strict")
    assert strict.returncode == 2
    assert strict.stderr == f"letterpress: error: {path}, {field}: {problem}\n"
    assert strict.stdout == ""


def test_no_call_is_planned_on_a_holiday_of_the_contact_s_state(tmp_path: Path) -> None:
    """Interview Tue 5 Jan in Munich: the call was planned for Wed 6 Jan, Epiphany in Bavaria,
    and the call sheet made for it warned that offices are closed then; the advice reads the
    state from the recipient's postcode as the sheet does, and plans Thu 7 Jan."""
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    src = tmp_path / "fu.toml"
    src.write_text(
        text.replace("date = 2026-12-22T10:00", "date = 2027-01-05T10:00", 1).replace(
            "decision_by = 2026-12-30", "decision_by = 2027-01-20", 1
        ),
        encoding="utf-8",
    )
    proc = run_cli("advise", str(src), "--now", "2027-01-05T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["call_on"]["date"] == "2027-01-07"


def test_a_letter_that_letter_refuses_is_not_advised_and_its_reason_is_said(
    tmp_path: Path, write_letter: Any
) -> None:
    """Invited by post, with a postcode Germany does not have: `letter` refuses the letter
    (exit 2), yet advise recommended "Print the letter, sign it and post it". Now it says the
    letter cannot be printed, in `letter`'s own line, and advises the call instead."""
    path = follow_up_file(
        write_letter,
        {"date": "2026-12-22T10:00", **POST_LATE},
        mailing=MAILING,
        recipient__postal_code="2045",
    )
    refused = run_cli("letter", str(path), "-o", str(tmp_path / "letter.pdf"))
    assert_one_line_error(refused, "recipient.postal_code")
    reason = refused.stderr.strip().removeprefix(
        f"letterpress: error: {path}, recipient.postal_code: "
    )
    assert reason.startswith("'2045' is not a valid postal code for Germany; ")
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == (
        f"letterpress: warning: {path}, recipient.postal_code: the letter cannot be printed as "
        f"it stands: {reason}\n"
    )
    data = json.loads(proc.stdout)
    assert data["recommended"] == ["call"]
    assert data["reasons"][:2] == [
        "You were invited by post, so a printed letter would stand out, but letterpress cannot "
        "print it as it stands (see the warning): fix that and run advise again to post it.",
        "Call Tom Berg instead, on Wed 23 Dec: your thanks arrive with the call.",
    ]
    assert not any("letter" in step for step in data["today"])
    out = tmp_path / "out"
    wrote = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--write", str(out))
    assert wrote.returncode == 0, wrote.stderr
    assert sorted(p.name for p in out.iterdir()) == ["follow-call-sheet.pdf"]
    strict = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--strict")
    assert strict.returncode == 2
    assert strict.stderr == (
        f"letterpress: error: {path}, recipient.postal_code: the letter cannot be printed as it "
        f"stands: {reason}\n"
    )


def test_with_no_contact_a_letter_that_cannot_be_printed_is_not_the_way_left(
    tmp_path: Path, write_letter: Any
) -> None:
    """No phone number and no email address: the letter was "the way left" even when its
    address could not fit the window; now the advice says to fix it or add a contact, and
    --write makes no empty folder."""
    lines = [f"Line {n} of a long address" for n in range(1, 10)]
    path = follow_up_file(
        write_letter,
        {"date": "2026-12-22T10:00", "hr_contact": {"name": "Mei Lee"}},
        recipient__address_lines=lines,
    )
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    (warning,) = proc.stderr.splitlines()
    assert warning.startswith(
        f"letterpress: warning: {path}, recipient.address_lines[5]: the letter cannot be printed "
        "as it stands: too many address lines"
    )
    data = json.loads(proc.stdout)
    assert data["recommended"] == []
    assert data["today"] == []
    assert data["reasons"][1:3] == [
        "A letter is the way left, but letterpress cannot print it as it stands (see the "
        "warning): fix that and run advise again.",
        "No email address or phone number is known for anyone involved: add them to [interview].",
    ]
    out = tmp_path / "out"
    wrote = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--write", str(out))
    assert wrote.returncode == 0, wrote.stderr
    assert "Wrote" not in wrote.stdout
    assert not out.exists()


def test_write_reports_the_call_sheet_s_own_warnings_once_as_call_does(
    tmp_path: Path, write_letter: Any
) -> None:
    """--write made the call sheet from the file's [call] table but printed only the letter's
    warnings: a call_on that had passed and an opening without the contact's name went
    unsaid. They are printed now, each once, in the lines `letterpress call` prints."""
    path = follow_up_file(
        write_letter,
        {"date": "2026-12-22T10:00", **POST_LATE},
        mailing=MAILING,
        call={
            "phone": "+49 89 1234567",
            "contact": "Tom Berg",
            "call_on": "2026-12-21",
            "opening": "Hello, this is Jonas Petersen.",
        },
    )
    call = run_cli("call", str(path), "--now", "2026-12-22T16:00", "-o", str(tmp_path / "c.pdf"))
    assert call.returncode == 0, call.stderr
    assert call.stderr.splitlines() == [
        f"letterpress: warning: {path}, call.call_on: 2026-12-21 has passed (today is "
        "2026-12-22); write the day you will call as call_on, or leave call_on out for today",
        f"letterpress: warning: {path}, call.opening: the opening does not use the contact's "
        "name; greeting them by name sounds warmer",
    ]
    out = tmp_path / "out"
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--write", str(out))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["follow-call-sheet.pdf", "follow-letter.pdf"]
    assert proc.stderr == call.stderr
    strict = run_cli(
        "advise", str(path), "--now", "2026-12-22T16:00", "--write", str(out / "s"), "--strict"
    )
    assert strict.returncode == 2
    assert strict.stderr == call.stderr.splitlines()[0].replace("warning:", "error:", 1) + "\n"
    assert not (out / "s").exists()


def test_the_advice_names_the_call_the_file_s_call_table_fixes(tmp_path: Path) -> None:
    """The file's [call] table gives another number, a day and a window: --write printed them
    on the call sheet (under Tom Berg's name, from his card), while the advice told the user to
    call Tom Berg on his card's number on Wed 23 Dec. The advice now plans the table's call."""
    from pypdf import PdfReader

    src = tmp_path / "fu.toml"
    src.write_text(
        Path(EXAMPLE).read_text(encoding="utf-8")
        + '\n[call]\nphone = "+49 89 7654321"\ncall_on = 2026-12-28\nbest_time = "14:30-15:30"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    proc = run_cli("advise", str(src), "--now", "2026-12-22T16:00", "--json", "--write", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["call_on"] == {
        "date": "2026-12-28",
        "from": "14:30",
        "until": "15:30",
        "name": "Ms Mei Lee",
        "phone": "+49 89 7654321",
    }
    assert (
        "Your [call] table plans the call: Ms Mei Lee, on Mon 28 Dec between 14:30 and 15:30 "
        "(their time)." in data["reasons"]
    )
    assert data["later"] == ["Mon 28 Dec, 14:30–15:30: call Ms Mei Lee on +49 89 7654321."]
    sheet = " ".join(PdfReader(out / "fu-call-sheet.pdf").pages[0].extract_text().split())
    assert "Ms Mei Lee" in sheet and "Tom Berg" not in sheet
    assert "+49 89 7654321" in sheet and "28 Dec 2026" in sheet


@pytest.mark.parametrize(
    ("written", "theirs", "warned"),
    [
        ("nachmittags", "14:00–17:00", False),
        ("ab 14 Uhr", "14:00–17:00", False),
        ("9-9", "09:00–21:00", True),
        ("2-4pm ET", "14:00–16:00", False),
    ],
)
def test_the_advice_reads_the_call_table_s_best_time_as_the_sheet_does(
    tmp_path: Path, written: str, theirs: str, warned: bool
) -> None:
    """best_time = "nachmittags" in the [call] table: the advice warned that the sheet cannot
    be printed and planned a call at its own 10:00-12:00. It plans the window the sheet prints,
    and a doubtful one ("9-9") is said once, with --write too."""
    from pypdf import PdfReader

    src = tmp_path / "fu.toml"
    src.write_text(
        Path(EXAMPLE).read_text(encoding="utf-8")
        + f'\n[call]\nphone = "+49 89 7654321"\ncall_on = 2026-12-29\nbest_time = "{written}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    proc = run_cli("advise", str(src), "--now", "2026-12-22T16:00", "--json", "--write", str(out))
    assert proc.returncode == 0, proc.stderr
    start, _, end = theirs.partition("–")
    assert json.loads(proc.stdout)["call_on"] == {
        "date": "2026-12-29",
        "from": start,
        "until": end,
        "name": "Ms Mei Lee",
        "phone": "+49 89 7654321",
    }
    said = [line for line in proc.stderr.splitlines() if "call." in line]
    assert said == (
        [
            f"letterpress: warning: {src}, call.best_time: '9-9' is read as 09:00-21:00, "
            'twelve hours; write best_time = "09:00-21:00" if that is meant, else the window '
            "you mean"
        ]
        if warned
        else []
    )
    sheet = " ".join(PdfReader(out / "fu-call-sheet.pdf").pages[0].extract_text().split())
    assert theirs in sheet


@pytest.mark.parametrize(("written", "process"), [("E-Mail", "email"), (" Post ", "post")])
def test_the_process_is_read_however_it_is_capitalised(
    written: str, process: str, write_letter: Any
) -> None:
    """process = "E-Mail" (as German writes it) or "Post" stopped the advice with 'unknown
    process'; written with capitals, spaces or a hyphen, it is the same process."""
    interview = {"date": "2026-12-22T10:00", **POST_LATE}
    advice: dict[str, Any] = {}
    for value in (written, process):
        path = follow_up_file(write_letter, {**interview, "process": value}, mailing=MAILING)
        proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--json")
        assert (proc.returncode, proc.stderr) == (0, "")
        advice[value] = json.loads(proc.stdout)
    assert advice[written] == advice[process]


BAD_CALL_TABLES = [
    (
        {"best_time": "whenever"},
        "call.best_time",
        "'whenever' is not a time window; write it as \"09:00-11:00\" (24-hour clock, the "
        'contact\'s local time), or as "mornings" or "afternoons"',
    ),
    (
        {"phone": "12", "contact": "Tom Berg"},
        "call.phone",
        "'12' is not a valid phone number in Germany; check the digits; if it is in another "
        "country, write it with that country's code, e.g. +44 20 7946 0958",
    ),
]


@pytest.mark.parametrize(("table", "field", "line"), BAD_CALL_TABLES)
def test_check_says_what_the_call_table_of_a_follow_up_file_is_refused_with(
    tmp_path: Path, write_letter: Any, table: dict[str, str], field: str, line: str
) -> None:
    """`check` on a follow-up file said "no findings" (exit 0) for best_time = "whenever"
    while `advise --write` stopped (exit 2) on it: check never prepared the [call] table. It
    now says the line `advise --write` (and `call`) stops with, and exits 1."""
    path = follow_up_file(
        write_letter, {"date": "2026-12-22T10:00", **POST_LATE}, mailing=MAILING, call=table
    )
    proc = run_cli("check", str(path))
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1] == f"letterpress: error: {path}, {field}: {line}"
    # the same table in a letter file without [interview]: the line `call` stops with
    plain = write_letter(letter(call={"phone": "+49 89 1234567", **table}), "plain.json")
    call = run_cli("call", str(plain), "--now", "2026-12-22T16:00", "-o", str(tmp_path / "c.pdf"))
    assert call.returncode == 2
    assert call.stderr == f"letterpress: error: {plain}, {field}: {line}\n"
    proc = run_cli("check", str(plain))
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1] == call.stderr.strip()


def test_check_of_a_follow_up_file_with_a_good_call_table_finds_nothing(
    write_letter: Any,
) -> None:
    """The call sheet is prepared as advise --write makes it, its gaps (the number, the person)
    filled from the advice: a table with only a window is no finding."""
    path = follow_up_file(
        write_letter,
        {"date": "2026-12-22T10:00", **POST_LATE},
        mailing=MAILING,
        call={"best_time": "9-5"},
    )
    proc = run_cli("check", str(path))
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stdout


@pytest.mark.parametrize(("table", "field", "line"), BAD_CALL_TABLES)
def test_advise_does_not_recommend_a_call_sheet_call_refuses(
    tmp_path: Path, write_letter: Any, table: dict[str, str], field: str, line: str
) -> None:
    """advise said "Print the call sheet for your call on Wed 23 Dec" for a [call] table that
    `call` refuses (bad best_time, bad phone), and advise --write then stopped (exit 2) with
    nothing written. Now it warns in call's own line, says to fix the table, and --write
    writes the rest; --strict stops on the warning."""
    path = follow_up_file(
        write_letter, {"date": "2026-12-22T10:00", **POST_LATE}, mailing=MAILING, call=table
    )
    proc = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == (
        f"letterpress: warning: {path}, {field}: the call sheet cannot be printed as it "
        f"stands: {line}\n"
    )
    data = json.loads(proc.stdout)
    assert data["recommended"] == ["letter", "call"]
    assert data["today"][1] == (
        "Fix the [call] table (see the warning), then print the call sheet for your call on "
        "Wed 23 Dec."
    )
    assert not any("Print the call sheet" in step for step in data["today"])
    out = tmp_path / "out"
    wrote = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--write", str(out))
    assert wrote.returncode == 0, wrote.stderr
    assert wrote.stderr == proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["follow-letter.pdf"]
    strict = run_cli("advise", str(path), "--now", "2026-12-22T16:00", "--strict")
    assert strict.returncode == 2
    assert strict.stderr == proc.stderr.replace("warning:", "error:", 1)


@pytest.mark.parametrize(
    ("lang", "today", "deadline"),
    [
        (
            "en-US",
            "Print the call sheet for your call on Wed, Dec 23.",
            "(by Wed, Dec 23, 10:00\u202fAM)",
        ),
        ("en-GB", "Print the call sheet for your call on Wed 23 Dec.", "(by Wed 23 Dec, 10:00)"),
        ("de", "Drucken Sie den Gesprächszettel für den Anruf am Mi., 23. Dez.", "(bis Mi., 23. "),
        ("fr", "Imprimez le mémo d’appel pour l’appel prévu le mercredi 23 décembre.", " 10:00)"),
    ],
)
def test_days_and_times_are_written_as_the_locale_writes_them(
    lang: str, today: str, deadline: str
) -> None:
    """advise --lang en-US wrote "Wed 23 Dec" and "17:00" (British, fixed for all English),
    while the call sheet for the same file prints "Wed, Dec 23, 2026" and "10:00 AM". Days and
    times now follow the locale through Babel, as the call sheet's do."""
    proc = run_cli("advise", EXAMPLE, "--now", "2026-12-22T16:00", "--lang", lang, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["today"][1] == today
    assert deadline in data["reasons"][-1]
    if lang == "en-US":
        assert data["today"][0] == (
            "Print the letter, sign it and post it before the 5:00\u202fPM collection."
        )
        assert data["later"] == [
            "Wed, Dec 23, 10:00\u202fAM–12:00\u202fPM: call Tom Berg on +49 89 1234567."
        ]


def test_check_says_a_passed_call_on_against_today(write_letter: Any) -> None:
    """Checked before the interview, the follow-up file's call sheet said "(today is <the
    interview day>)": the sheet's warnings are now said against today, as advise --write says
    them on the day it runs."""
    from datetime import date

    interview = {"date": f"{date.today().year + 1}-01-12T10:00", **POST_LATE}
    path = follow_up_file(
        write_letter, interview, call={"call_on": "2020-01-02", "best_time": "9-5"}
    )
    proc = run_cli("check", str(path))
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == (
        f"{path}, call.call_on: 2020-01-02 has passed (today is {date.today().isoformat()}); "
        "write the day you will call as call_on, or leave call_on out for today"
    )


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"hr_contact": {"name": "Mei Lee", "phone": 4989123}},
            "interview.hr_contact.phone: 4989123 is not text; write it in quotes, e.g. "
            'phone = "+49 40 1234567"',
        ),
        (
            {"hr_contact": "Mei Lee"},
            "interview.hr_contact: 'Mei Lee' is not a table; write "
            '{ name = "...", email = "...", phone = "..." }',
        ),
    ],
    ids=["number", "text"],
)
def test_a_contact_of_the_wrong_kind_is_said_as_written(
    write_letter: Any, change: dict[str, Any], line: str
) -> None:
    """hr_contact.phone = 4989123 said "must be text" ("put it in quotes"), hr_contact =
    "Mei Lee" "must be a table": Python's terms, without the value; now the value as the file
    wrote it and what to write."""
    interview = {"date": "2026-11-24T10:00", "process": "email", **change}
    path = follow_up_file(write_letter, interview)
    proc = run_cli("advise", str(path), "--now", "2026-11-24T15:00")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == f"letterpress: error: {path}, {line}"
