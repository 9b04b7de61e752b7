"""The carrier and postcode data files: every rule keeps its source and valid-from date, every
postcode table its source and date, and nothing cites a path outside the repository."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

CARRIERS = sorted((ROOT / "carriers").glob("*.toml"))
REGIONS = sorted((ROOT / "carriers" / "regions").glob("*.toml"))


def _rules(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every rule table of a carrier file, with its field path."""
    found = []
    for service_id, service in data.get("services", {}).items():
        for number, rule in enumerate(service.get("rules", []), 1):
            found.append((f"services.{service_id}.rules[{number}]", rule))
    for dest, rules in data.get("international", {}).items():
        for number, rule in enumerate(rules, 1):
            found.append((f"international.{dest}[{number}]", rule))
    return found


@pytest.mark.parametrize("path", CARRIERS, ids=[p.stem for p in CARRIERS])
def test_every_rule_has_a_source_and_a_valid_from(path: Path) -> None:
    rules = _rules(tomllib.loads(path.read_text(encoding="utf-8")))
    assert rules
    for field, rule in rules:
        assert isinstance(rule.get("source"), str) and rule["source"].strip(), field
        assert "valid_from" in rule, field


RULELESS = (
    'id = "bad-post"\nname = "Bad"\ncountries = ["DE"]\ndefault_service = "x"\n'
    'cutoff = "17:00"\ncutoff_source = "t"\ncollection_days = "mon-fri"\n'
    '[services.x]\nname = "X"\n[[services.x.rules]]\n{rule}'
    'counted_days = "mon-fri"\nexpected = {{ days = 1 }}\n'
)


@pytest.mark.parametrize(
    ("rule", "field", "what"),
    [
        ("valid_from = 2025-01-01\n", "source", "must be a non-empty string"),
        ('valid_from = 2025-01-01\nsource = " "\n', "source", "must be a non-empty string"),
        ('source = "s"\n', "valid_from", "must be a date like 2025-01-01"),
        (
            'valid_from = "2025-01-01"\nsource = "s"\n',
            "valid_from",
            "must be a date like 2025-01-01",
        ),
    ],
)
def test_a_rule_without_source_or_valid_from_is_refused(
    tmp_path: Path, rule: str, field: str, what: str
) -> None:
    """The loader itself refuses such a rule, so neither the product nor this suite can use it."""
    from letterpress.delivery.data import load_carrier
    from letterpress.errors import UserError

    path = tmp_path / "bad-post.toml"
    path.write_text(RULELESS.format(rule=rule), "utf-8")
    with pytest.raises(UserError) as info:
        load_carrier(path)
    assert info.value.line() == (
        f"{path}, services.x.rules[1].{field}: {what}; fix the carrier data file"
    )


@pytest.mark.parametrize("path", REGIONS, ids=[p.stem for p in REGIONS])
def test_every_postcode_table_has_a_source_and_a_date(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["source"].strip() and data["as_of"]
    if data["kind"] == "holidays":  # which parts' holidays count when the region is unknown
        assert isinstance(data["parts"], list) and not (data.get("ranges") or data.get("prefixes"))
    else:
        assert data.get("ranges") or data.get("prefixes")


def test_nothing_cites_the_shared_folder() -> None:
    outside = "." * 2 + "/shared"  # spelt so that this file does not match itself
    found = subprocess.run(
        ["git", "grep", "-n", "-F", outside], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if found.returncode > 1:
        pytest.skip("not a git checkout")
    assert found.stdout == ""
