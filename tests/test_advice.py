"""The advice rules: email, post (with the late-letter rule on real holiday dates), phone, card,
the 24-hour rule, what to do today, wording in en, de and fr, and the [interview] table's errors."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from conftest import ROOT, letter
from letterpress.advice import advise_file, load_followup
from letterpress.advice.report import as_json, as_text
from letterpress.errors import UserError

HR = {"name": "Mei Lee", "email": "mei.lee@example.com"}
TOM = {"name": "Tom Berg", "email": "tom.berg@example.com"}


def follow_up(interview: dict[str, Any], mailing: dict[str, Any] | None = None,
              **changes: Any) -> dict[str, Any]:
    data = letter(**changes)
    data["interview"] = interview
    if mailing is not None:
        data["mailing"] = mailing
    return data


def run(data: dict[str, Any], now: str) -> Any:
    return advise_file(load_followup(data), datetime.fromisoformat(now))


def test_mostly_email_means_a_thank_you_email_to_hr_with_everyone_in_copy() -> None:
    data = follow_up({"date": "2026-11-24T10:00", "process": "email", "hr_contact": HR,
                      "involved": [TOM, {"name": "Ana Ruiz", "email": "ana@example.com"},
                                   {"name": "No Address"}]})
    advice = run(data, "2026-11-24T15:00")
    assert advice.recommended == ("email",)
    assert [p.email for p in advice.email_to] == ["mei.lee@example.com"]
    assert [p.email for p in advice.email_cc] == ["tom.berg@example.com", "ana@example.com"]
    assert "with Tom Berg and Ana Ruiz in copy" in advice.reasons[0]
    assert advice.send_by == datetime(2026, 11, 25, 10, 0)
    assert advice.today == ("Send the thank-you email to Mei Lee (copy to Tom Berg and Ana Ruiz).",)
    assert as_json(advice)["letter_arrives"] is None


def test_email_process_without_any_address_falls_back_to_a_call() -> None:
    data = follow_up({"date": "2026-11-24T10:00", "process": "email",
                      "hr_contact": {"name": "Mei Lee", "phone": "+49 40 555 0100"}})
    advice = run(data, "2026-11-24T15:00")
    assert advice.recommended == ("call",)
    assert "no email address is known for Mei Lee" in advice.reasons[0]


CHRISTMAS = {"carrier": "deutsche-post", "service": "standard"}


def test_post_a_letter_when_it_arrives_before_the_decision() -> None:
    data = follow_up({"date": "2026-12-22T10:00", "process": "post", "hr_contact": HR,
                      "decision_by": "2026-12-30"}, CHRISTMAS)
    advice = run(data, "2026-12-22T16:00")
    assert advice.recommended == ("letter",)
    assert as_json(advice)["letter_arrives"] == "2026-12-28"   # 25 and 26 Dec are holidays
    assert "expected Mon 28 Dec" in advice.reasons[0]
    assert "before the decision date, Wed 30 Dec" in advice.reasons[0]
    assert advice.today == ("Print the letter, sign it and post it before the 17:00 collection.",)


def test_late_letter_on_or_after_the_decision_date_recommends_a_call() -> None:
    hr = {**HR, "phone": "+49 40 555 0100"}
    data = follow_up({"date": "2026-12-22T10:00", "process": "post", "hr_contact": hr,
                      "decision_by": "2026-12-29"}, CHRISTMAS)
    advice = run(data, "2026-12-22T18:00")          # after the 17:00 collection
    out = as_json(advice)
    assert out["recommended"] == ["call"]
    assert out["letter_arrives"] == "2026-12-29" and out["letter_latest"] == "2026-12-30"
    assert "would arrive Tue 29 Dec" in out["reasons"][0]
    assert "on or after the decision date, Tue 29 Dec" in out["reasons"][0]
    assert out["reasons"][1] == "Call Mei Lee instead: a short call arrives the same day."
    assert out["call_on"] == {"date": "2026-12-23", "from": "10:00", "until": "12:00",
                              "name": "Mei Lee", "phone": "+49 40 555 0100"}


def test_late_letter_without_a_number_recommends_email_and_without_both_the_letter() -> None:
    data = follow_up({"date": "2026-12-22T10:00", "process": "post", "hr_contact": HR,
                      "decision_by": "2026-12-29"}, CHRISTMAS)
    assert run(data, "2026-12-22T18:00").recommended == ("email",)
    data["interview"]["hr_contact"] = {"name": "Mei Lee"}
    advice = run(data, "2026-12-22T18:00")
    assert advice.recommended == ("letter",)
    assert "the letter is still the best way" in advice.reasons[1]


def test_without_a_decision_date_a_week_after_the_interview_is_the_limit() -> None:
    # Posted Wed 23 Dec before the collection: Thu 24, Mon 28, Tue 29 -> 29 Dec, a week after.
    data = follow_up({"date": "2026-12-22T10:00", "process": "post", "hr_contact": HR},
                     CHRISTMAS)
    on_time = run(data, "2026-12-23T11:00")
    assert on_time.recommended == ("letter",) and on_time.letter.expected == date(2026, 12, 29)
    # After the collection it is deposited on the 24th; Christmas pushes it to Wed 30 Dec.
    late = run(data, "2026-12-23T18:00")
    assert late.letter.expected == date(2026, 12, 30)
    assert late.recommended == ("email",)
    assert "more than a week after the interview (Tue 29 Dec)" in late.reasons[0]
    # The same timing a week earlier, with no holidays on the way, is in time.
    data["interview"]["date"] = "2026-12-15T10:00"
    early = run(data, "2026-12-16T18:00")
    assert early.recommended == ("letter",) and early.letter.expected == date(2026, 12, 21)


def test_a_business_card_from_someone_met_in_person_makes_a_call_welcome() -> None:
    card = {"name": "Tom Berg", "phone": "+49 89 1234567"}
    data = follow_up({"date": "2026-12-23T10:00", "process": "email", "hr_contact": HR,
                      "involved": [TOM], "card": card})
    advice = run(data, "2026-12-23T15:00")
    assert advice.recommended == ("email", "call")
    # 24 Dec: offices empty; 25/26 Dec: holidays; 27 Dec: Sunday; Monday: the afternoon window.
    assert as_json(advice)["call_on"]["date"] == "2026-12-28"
    assert (advice.call.slot.start.hour, advice.call.slot.end.hour) == (14, 16)
    assert "Tom Berg gave you a business card in person: a call is welcome, on Mon 28 Dec " \
           "between 14:00 and 16:00" in advice.reasons[1]
    assert advice.today[1] == "Print the call sheet for your call on Mon 28 Dec."
    assert advice.later == ("Mon 28 Dec, 14:00-16:00: call Tom Berg on +49 89 1234567.",)


def test_call_today_when_the_window_is_still_open() -> None:
    card = {"name": "Tom Berg", "phone": "+49 89 1234567"}
    data = follow_up({"date": "2026-11-23T16:00", "hr_contact": HR, "card": card})
    morning = run(data, "2026-11-24T09:30")
    assert morning.call.slot.day == date(2026, 11, 24)
    assert "Call Tom Berg on +49 89 1234567 between 10:00 and 12:00." in morning.today
    assert morning.later == ()
    afternoon = run(data, "2026-11-24T12:30")
    assert afternoon.call.slot.day == date(2026, 11, 25)


def test_a_card_without_meeting_in_person_or_without_a_phone() -> None:
    remote = follow_up({"date": "2026-11-24T10:00", "hr_contact": HR, "in_person": False,
                        "card": {"name": "Tom Berg", "phone": "+49 89 1234567"}})
    advice = run(remote, "2026-11-24T15:00")
    assert advice.recommended == ("email",)
    assert any("did not meet in person" in r for r in advice.reasons)
    mail_only = follow_up({"date": "2026-11-24T10:00", "hr_contact": HR,
                           "card": {"name": "Tom Berg", "email": "tom.berg@example.com"}})
    advice = run(mail_only, "2026-11-24T15:00")
    assert advice.recommended == ("email",)
    assert [p.email for p in advice.email_cc] == ["tom.berg@example.com"]


def test_phone_process_recommends_a_call_and_an_email() -> None:
    data = follow_up({"date": "2026-11-24T10:00", "process": "phone",
                      "hr_contact": {**HR, "phone": "+49 40 555 0100"}})
    advice = run(data, "2026-11-24T15:00")
    assert advice.recommended == ("call", "email")
    assert advice.call.phone == "+49 40 555 0100"


def test_always_within_24_hours_and_overdue_after() -> None:
    data = follow_up({"date": "2026-11-24T10:00", "hr_contact": HR})
    assert run(data, "2026-11-25T09:59").reasons[-1] == \
        "Send your thanks within 24 hours of the interview, that is by Wed 25 Nov 10:00."
    late = run(data, "2026-11-26T09:00").reasons[-1]
    assert late.startswith("More than 24 hours have passed since the interview")
    assert "send your thanks today anyway" in late


def test_decision_date_passed_and_date_without_time() -> None:
    data = follow_up({"date": "2026-11-24", "hr_contact": HR, "decision_by": "2026-11-30"})
    advice = run(data, "2026-12-02T09:00")
    assert advice.reasons[0] == "interview.date has no time of day; it was taken as 12:00."
    assert advice.reasons[1].startswith("The decision date (Mon 30 Nov) has passed")


def test_interview_after_now_is_an_error() -> None:
    data = follow_up({"date": "2026-11-24T10:00", "hr_contact": HR})
    with pytest.raises(UserError, match="is after now"):
        run(data, "2026-11-24T09:00")


def test_wording_follows_the_letter_language() -> None:
    data = follow_up({"date": "2026-12-22T10:00", "process": "post", "hr_contact": HR,
                      "decision_by": "2026-12-30"}, CHRISTMAS, language="de")
    advice = run(data, "2026-12-22T16:00")
    assert advice.reasons[0].startswith("Sie wurden per Brief eingeladen")
    assert "Mo., 28. Dez." in advice.reasons[0]
    text = as_text(advice, "de")
    assert text.startswith("Empfohlen: Brief")
    assert "Heute (Di., 22. Dez.):" in text


LA_POSTE = {"carrier": "la-poste", "service": "lettre-verte"}
FRENCH = {"language": "fr-FR", "layout": "fr-right",
          "sender": {"name": "Camille Martin", "street": "8 quai Saint-Antoine",
                     "postal_code": "69002", "city": "Lyon", "country": "FR"},
          "recipient": {"name": "Madame Mei Lee", "organization": "Rhône Logistique",
                        "street": "12 rue de Rivoli", "postal_code": "75001", "city": "Paris",
                        "country": "FR"}}


def test_french_wording_for_a_letter_posted_with_la_poste() -> None:
    data = follow_up({"date": "2026-12-22T10:00", "process": "post", "hr_contact": HR,
                      "decision_by": "2026-12-30"}, LA_POSTE, **FRENCH)
    advice = run(data, "2026-12-22T16:00")
    assert advice.recommended == ("letter",) and advice.language == "fr"
    assert advice.reasons[0].startswith("L’invitation est arrivée par courrier\u00a0:")
    assert "Postée le mardi 22 décembre, elle devrait arriver le lundi 28 décembre" \
        in advice.reasons[0]
    assert advice.reasons[0].endswith("avant la date de décision, le mercredi 30 décembre.")
    assert advice.today == ("Imprimez la lettre, signez-la et postez-la avant la levée de 17:00.",)
    text = as_text(advice, "fr-FR")
    assert text.startswith("À privilégier\u00a0: lettre\n\nPourquoi\u00a0:\n")
    assert "Aujourd’hui (mardi 22 décembre)\u00a0:" in text


def test_french_wording_for_email_copies_and_a_card() -> None:
    card = {"name": "Tom Berg", "phone": "+33 1 99 00 12 34"}
    data = follow_up({"date": "2026-12-23T10:00", "hr_contact": HR,
                      "involved": [TOM, {"name": "Ana Ruiz", "email": "ana@example.com"}],
                      "card": card}, **FRENCH)
    advice = run(data, "2026-12-23T15:00")
    assert advice.recommended == ("email", "call")
    assert advice.reasons[0].endswith("remerciez donc Mei Lee par e-mail, avec Tom Berg et "
                                      "Ana Ruiz en copie.")
    # 24 Dec: offices empty; 25 Dec: holiday; 26 and 27 Dec: weekend; Monday afternoon.
    assert "un appel est bienvenu, le lundi 28 décembre entre 14:00 et 16:00" in advice.reasons[1]
    assert advice.reasons[-1] == ("Envoyez vos remerciements dans les 24 heures qui suivent "
                                  "l’entretien (échéance\u00a0: jeudi 24 décembre 10:00).")
    assert advice.today == (
        "Envoyez l’e-mail de remerciement à Mei Lee (copie à Tom Berg et Ana Ruiz).",
        "Imprimez le mémo d’appel pour l’appel prévu le lundi 28 décembre.")
    assert advice.later == ("Le lundi 28 décembre, de 14:00 à 16:00\u00a0: appelez Tom Berg "
                            "au +33 1 99 00 12 34.",)
    overdue = run(data, "2026-12-28T09:00").reasons[-1]
    assert overdue.startswith("Le délai de 24 heures après l’entretien est dépassé")
    monday = run(data, "2026-12-28T13:00")
    assert "Appelez Tom Berg au +33 1 99 00 12 34 entre 14:00 et 16:00." in monday.today
    assert monday.later == () and "Plus tard" not in as_text(monday, "fr")


@pytest.mark.parametrize("language", ["de", "fr"])
def test_wording_files_have_the_english_keys_and_fields(language: str) -> None:
    import string
    import tomllib

    folder = ROOT / "letterpress" / "advice" / "wording"
    english = tomllib.loads((folder / "en.toml").read_text(encoding="utf-8"))
    own = tomllib.loads((folder / f"{language}.toml").read_text(encoding="utf-8"))

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for section, value in english.items():
        assert section in own, section
        if isinstance(value, dict):
            assert set(own[section]) == set(value), section
            for key, text in value.items():
                assert fields(own[section][key]) == fields(text), (section, key)
    assert set(own) == set(english)


def test_french_wording_keeps_french_spacing() -> None:
    import re

    text = (ROOT / "letterpress" / "advice" / "wording" / "fr.toml").read_text(encoding="utf-8")
    strings = re.findall(r'^\w+ = "(.*)"', text, flags=re.M)
    assert strings
    for value in strings:
        assert not re.search(r"[ \u00a0][;?!]| [:;?!]|\u202f:", value), value


def test_a_language_without_wording_falls_back_to_english_days() -> None:
    data = follow_up({"date": "2026-11-24T10:00", "hr_contact": HR}, language="it")
    assert run(data, "2026-11-24T15:00").reasons[-1].endswith("by Wed 25 Nov 10:00.")


def test_json_has_the_documented_keys() -> None:
    data = follow_up({"date": "2026-11-24T10:00", "hr_contact": HR})
    out = as_json(run(data, "2026-11-24T15:00"))
    assert {"recommended", "reasons", "letter_arrives", "call_on", "send_by"} <= set(out)
    assert out["send_by"] == "2026-11-25T10:00"
    assert out["email"] == {"to": ["mei.lee@example.com"], "cc": []}


@pytest.mark.parametrize("interview, needle", [
    ({"process": "email"}, "interview.date: missing field"),
    ({"date": "soon"}, "interview.date: 'soon' is not a date and time"),
    ({"date": "2026-11-24T10:00", "process": "fax"}, "unknown process 'fax'"),
    ({"date": "2026-11-24T10:00", "decison_by": "2026-12-01"}, "did you mean 'decision_by'?"),
    ({"date": "2026-11-24T10:00", "hr_contact": {"name": "A", "mail": "a@x"}},
     "interview.hr_contact.mail"),
    ({"date": "2026-11-24T10:00", "hr_contact": {"email": "not an address"}},
     "is not an email address"),
    ({"date": "2026-11-24T10:00", "involved": "Tom"}, "interview.involved: must be a list"),
    ({"date": "2026-11-24T10:00", "in_person": "yes"}, "must be true or false"),
])
def test_interview_table_errors_name_the_field(interview: dict[str, Any], needle: str) -> None:
    with pytest.raises(UserError) as exc:
        load_followup(follow_up(interview))
    assert needle in exc.value.line()


def test_missing_interview_table() -> None:
    with pytest.raises(UserError, match=r"missing table \[interview\]"):
        load_followup(letter())


def test_without_hr_contact_the_recipient_stands_in() -> None:
    data = follow_up({"date": "2026-11-24T10:00"}, recipient__email="mei@example.com")
    advice = run(data, "2026-11-24T15:00")
    assert [p.email for p in advice.email_to] == ["mei@example.com"]


def test_one_reading_of_dates_with_times_everywhere() -> None:
    """The interview's date, --now, --posted and [mailing] posted share one parser: the same
    forms are accepted, a date alone means the same moment whether quoted or not."""
    from datetime import date, datetime, time

    from letterpress.delivery.mailing import parse_posted
    from letterpress.letter.model import parse_moment

    noon = time(12, 0)
    assert parse_moment(date(2026, 12, 22), "x", date_alone_at=noon) == \
        parse_moment("2026-12-22", "x", date_alone_at=noon) == (datetime(2026, 12, 22, 12), False)
    for text in ("2026-12-22T18:00", "2026-12-22 18:00", "2026-12-22T18:00:00+01:00"):
        assert parse_moment(text, "x") == (datetime(2026, 12, 22, 18), True)
        assert parse_posted(text, where="posted") == datetime(2026, 12, 22, 18)
    for bad in ("2026-12-22", "22.12.2026 18:00", "tomorrow", 20261222):
        with pytest.raises(UserError) as exc:
            parse_moment(bad, "--now")
        assert exc.value.line().startswith(f"--now: {bad!r} is not a date and time")
        assert "2026-12-22T10:00" in exc.value.line()
    interview = load_followup(follow_up({"date": "2026-11-24"})).interview
    assert (interview.when, interview.time_given) == (datetime(2026, 11, 24, 12), False)
