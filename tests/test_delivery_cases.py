"""Worked delivery examples (tests/cases/delivery/*.toml), forward and reverse."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from letterpress.delivery import describe, estimate_delivery, latest_posting
from letterpress.delivery.data import load_carriers

CASES_DIR = Path(__file__).parent / "cases" / "delivery"


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text("utf-8"))["cases"], 1):
            cases.append((f"{path.stem}-{number}", case))
    return cases


CASES = _load()


def _args(case: dict[str, Any]) -> dict[str, Any]:
    return dict(
        origin=case["from"],
        destination=case["to"],
        origin_postcode=case.get("from_postcode"),
        destination_postcode=case.get("to_postcode"),
    )


def _forward(case: dict[str, Any], posted: datetime):
    return estimate_delivery(case["carrier"], case["service"], posted=posted, **_args(case))


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_forward_matches_hand_computation(case: dict[str, Any]) -> None:
    estimate = _forward(case, datetime.fromisoformat(case["posted"]))
    got = {key: getattr(estimate, key) for key in ("deposit_day", "earliest", "expected", "latest")}
    want = {key: case[key] for key in got}
    assert got == want, case["name"]
    if "valid_from" in case:
        assert estimate.valid_from == case["valid_from"]
    if "text" in case:
        assert describe(estimate, year=estimate.posted.year) == case["text"]
    assert estimate.source and estimate.target


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_reverse_agrees_with_forward(case: dict[str, Any]) -> None:
    arrive_by: date = case["expected"]
    posted = latest_posting(case["carrier"], case["service"], arrive_by=arrive_by, **_args(case))
    # The answer meets the date, is no earlier than the case's own posting ...
    assert _forward(case, posted).expected <= arrive_by
    assert posted.date() >= case["deposit_day"]
    # ... and is the last such time: one minute later misses it.
    assert _forward(case, posted + timedelta(minutes=1)).expected > arrive_by


def test_every_carrier_and_service_has_worked_cases() -> None:
    covered = {(case["carrier"], case["service"]) for _, case in CASES}
    services = {
        (carrier.id, service)
        for carrier in load_carriers().values()
        for service in carrier.services
    }
    # upu and eu-cross-border are reached through other carriers' international cases.
    missing = {pair for pair in services - covered if pair[0] not in ("upu", "eu-cross-border")}
    assert not missing


def test_cases_cover_weekends_holidays_cutoffs_year_ends_and_rule_changes() -> None:
    posted = [datetime.fromisoformat(case["posted"]) for _, case in CASES]
    assert any(p.weekday() >= 5 for p in posted)
    assert any(
        case["deposit_day"] != datetime.fromisoformat(case["posted"]).date()
        and datetime.fromisoformat(case["posted"]).weekday() < 5
        for _, case in CASES
    )
    assert any(
        case["latest"].year > case["deposit_day"].year
        or case["deposit_day"].year > datetime.fromisoformat(case["posted"]).year
        for _, case in CASES
    )
    assert any("-" in case["from"] for _, case in CASES)
    assert sum("valid_from" in case for _, case in CASES) >= 8
