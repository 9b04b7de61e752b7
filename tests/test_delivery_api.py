"""The delivery API: [mailing] tables, defaults, notes, data validation and the human sentence."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from letterpress.delivery import (
    Estimate,
    carrier_for_country,
    describe,
    estimate_delivery,
    estimate_from_mailing,
    latest_posting,
)
from letterpress.delivery.data import load_carrier
from letterpress.errors import UserError

NOON = datetime(2026, 3, 2, 12, 0)  # a Monday without holidays anywhere covered here


def mailing(table: dict, **overrides) -> Estimate:
    args = dict(
        where="thank-you.toml",
        origin_country="DE",
        destination_country="DE",
        destination_postcode=None,
        origin_postcode=None,
        default_posted=NOON,
        now=datetime(2026, 2, 27, 9, 0),  # the Friday before
    )
    args.update(overrides)
    return estimate_from_mailing(table, **args)


def test_mailing_string_and_toml_datetimes_agree() -> None:
    a = mailing({"carrier": "deutsche-post", "service": "standard", "posted": "2026-12-23T18:00"})
    b = mailing({"carrier": "deutsche-post", "posted": datetime(2026, 12, 23, 18, 0)})
    assert a == b and a.expected == date(2026, 12, 30)


def test_mailing_defaults_carrier_service_and_posting_time() -> None:
    estimate = mailing({})
    assert (estimate.carrier, estimate.service, estimate.posted) == (
        "deutsche-post",
        "standard",
        NOON,
    )


def test_mailing_date_only_is_before_the_collection_with_a_note() -> None:
    estimate = mailing({"posted": date(2026, 3, 2)})
    assert estimate.deposit_day == date(2026, 3, 2)
    assert estimate.notes[0].startswith("No posting time given")


def test_mailing_from_to_override_countries_with_subdivision() -> None:
    estimate = mailing({"from": "DE-BY", "posted": "2024-12-31T18:00"})
    assert estimate.expected == date(2025, 1, 7)  # Epiphany in Bavaria


@pytest.mark.parametrize(
    ("table", "where"),
    [
        ({"carrier": "dhl"}, "thank-you.toml, mailing.carrier: unknown carrier 'dhl'"),
        ({"service": "prio"}, "thank-you.toml, mailing.service: unknown service 'prio'"),
        ({"posted": "tomorrow"}, "thank-you.toml, mailing.posted: 'tomorrow' is not"),
        ({"cutoff": "late"}, "thank-you.toml, mailing.cutoff: 'late' is not a time"),
        ({"to": "DE-XX"}, "thank-you.toml, mailing.to: unknown subdivision"),
        ({"colour": "red"}, "thank-you.toml, mailing.colour: unknown key 'colour'"),
    ],
)
def test_mailing_errors_name_file_and_key(table: dict, where: str) -> None:
    with pytest.raises(UserError) as info:
        mailing(table)
    assert info.value.line().startswith(where), info.value.line()


def test_carrier_for_country() -> None:
    assert carrier_for_country("GB") == ("royal-mail", "second")
    assert carrier_for_country("de-by") == ("deutsche-post", "standard")
    assert carrier_for_country("BR") is None


def test_estimate_is_frozen_and_typed() -> None:
    estimate = estimate_delivery("royal-mail", "first", origin="GB", destination="GB", posted=NOON)
    assert isinstance(estimate.posted, datetime) and isinstance(estimate.expected, date)
    with pytest.raises(AttributeError, match="immutable"):
        estimate.expected = date(2026, 1, 1)  # type: ignore[misc]


def test_cutoff_argument_overrides_the_carrier_default() -> None:
    late = datetime(2026, 3, 2, 17, 30)
    args = dict(origin="DE", destination="DE", posted=late)
    assert estimate_delivery("deutsche-post", "standard", **args).deposit_day == date(2026, 3, 3)
    assert estimate_delivery(
        "deutsche-post", "standard", cutoff=time(18, 0), **args
    ).deposit_day == date(2026, 3, 2)


def test_international_within_eu_uses_the_directive_for_any_carrier() -> None:
    for carrier, origin in (("la-poste", "FR"), ("postnl", "NL"), ("correos", "ES")):
        estimate = estimate_delivery(carrier, None, origin=origin, destination="AT", posted=NOON)
        assert "85% by D+3, 97% by D+5" in estimate.target
        assert estimate.valid_from == date(1999, 2, 10)
        assert "within the EU" in estimate.notes[0]


def test_international_outside_eu_is_a_flagged_upu_estimate() -> None:
    estimate = estimate_delivery("deutsche-post", None, origin="DE", destination="US", posted=NOON)
    assert estimate.expected == date(2026, 3, 9) and estimate.expected_share == 80
    assert "not a promise" in estimate.notes[0]


def test_royal_mail_international_standard_by_destination_group() -> None:
    europe = estimate_delivery("royal-mail", "first", origin="GB", destination="FR", posted=NOON)
    assert (europe.expected, europe.expected_share) == (date(2026, 3, 5), None)
    assert europe.notes[0] == (
        "International letter: Royal Mail's published time to Europe applies."
    )
    world = estimate_delivery("royal-mail", "first", origin="GB", destination="JP", posted=NOON)
    assert (world.earliest, world.expected) == (date(2026, 3, 6), date(2026, 3, 10))


def test_postcodes_choose_the_canada_post_zone() -> None:
    def expected(a: str | None, b: str | None) -> date:
        return estimate_delivery(
            "canada-post",
            None,
            origin="CA",
            destination="CA",
            posted=NOON,
            origin_postcode=a,
            destination_postcode=b,
        ).expected

    assert expected("K1A 0B1", "K1A 0A6") == date(2026, 3, 4)  # local, 2 days
    assert expected("K1P 1J1", "M5V 2T6") == date(2026, 3, 5)  # Ontario, 3 days
    assert expected("K1P 1J1", "V6B 1A1") == date(2026, 3, 6)  # national, 4 days
    assert expected(None, "V6B 1A1") == date(2026, 3, 6)  # unknown: national


def test_australia_without_postcodes_gives_the_state_range_and_says_why() -> None:
    estimate = estimate_delivery(
        "australia-post", "regular", origin="AU-NSW", destination="AU-NSW", posted=NOON
    )
    assert (estimate.earliest, estimate.expected) == (date(2026, 3, 5), date(2026, 3, 9))
    assert any("needs both postcodes" in note for note in estimate.notes)
    nowhere = estimate_delivery(
        "australia-post", "regular", origin="AU", destination="AU", posted=NOON
    )
    # No state: holidays of any state count. Mon 2 Mar is Labour Day in WA, so the letter is
    # deposited Tue 3; Mon 9 Mar is a holiday in ACT, SA, TAS and VIC: 3 days Fri 6, 7 days Fri 13.
    assert (nowhere.deposit_day, nowhere.earliest, nowhere.expected) == (
        date(2026, 3, 3),
        date(2026, 3, 6),
        date(2026, 3, 13),
    )
    assert any("without both states or postcodes" in note for note in nowhere.notes)


def test_describe_variants() -> None:
    weekend = estimate_delivery(
        "austrian-post",
        "premium",
        origin="AT",
        destination="AT",
        posted=datetime(2026, 3, 7, 10, 0),
    )
    assert describe(weekend, year=2026) == (
        "Posted Sat 7 Mar, a day without collection (counts from "
        "Mon 9 Mar): expected by Tue 10 Mar (95%), at the latest "
        "Fri 13 Mar (100%)."
    )
    no_share = estimate_delivery("canada-post", None, origin="CA", destination="CA", posted=NOON)
    assert describe(no_share, year=2026) == (
        "Posted Mon 2 Mar before the 17:00 collection: expected by Fri 6 Mar."
    )


def test_reverse_mode_skips_days_without_collection() -> None:
    posted = latest_posting(
        "postnl", None, origin="NL", destination="NL", arrive_by=date(2026, 3, 10)
    )
    assert posted == datetime(2026, 3, 9, 17, 0)  # Monday; Saturday is no collection day


def test_bad_carrier_data_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad-post.toml"
    path.write_text(
        'id = "bad-post"\nname = "Bad"\ncountries = ["DE"]\n'
        'default_service = "x"\ncutoff = "17:00"\ncutoff_source = "t"\n'
        'collection_days = "mon-fri"\n[services.x]\nname = "X"\n'
        '[[services.x.rules]]\nvalid_from = 2025-01-01\nsource = "s"\n'
        'counted_days = "mon-fri"\nexpected = { days = 0 }\n',
        "utf-8",
    )
    with pytest.raises(UserError) as info:
        load_carrier(path)
    assert "services.x.rules[1].expected.days" in info.value.line()


def test_the_public_api_is_called_as_before_without_now_or_year() -> None:
    """estimate_from_mailing and describe take ``now`` and ``year`` as options: a caller of
    the released API, which had neither, reads the clock as before."""
    estimate = estimate_from_mailing(
        {"carrier": "deutsche-post", "posted": datetime(2026, 3, 2, 12, 0)},
        where="thank-you.toml",
        origin_country="DE",
        destination_country="DE",
        destination_postcode=None,
        origin_postcode=None,
        default_posted=NOON,
    )
    assert estimate.expected == date(2026, 3, 5)  # D+3, the standard letter's expected day
    sentence = describe(estimate)
    assert sentence.startswith("Posted Mon 2 Mar")
    assert ("2026" in sentence) == (date.today().year != 2026)
