"""Channel-choice scenarios (tests/cases/advice/*.toml): inputs and expected advice as data."""

from __future__ import annotations

import json
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, letter, run_cli

from letterpress.advice import advise_file, load_followup
from letterpress.advice.report import as_json, as_text
from letterpress.errors import UserError

CASES_DIR = Path(__file__).parent / "cases" / "advice"
CHECKS = ("equal", "contains", "starts", "ends")


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text("utf-8"))["cases"], 1):
            cases.append((f"{path.stem}-{number}", case))
    return cases


CASES = _load()


def _follow_up(case: dict[str, Any]) -> dict[str, Any]:
    """The letter file a scenario describes: the test letter, its changes, interview, mailing."""
    data = letter(**case.get("letter", {}))
    data["interview"] = case["interview"]
    if "mailing" in case:
        data["mailing"] = case["mailing"]
    return data


def _advise(case: dict[str, Any]) -> tuple[dict[str, Any], str | None, str | None]:
    """JSON advice, the text report (if the case checks it) and the advice's language."""
    text_language = case.get("text", {}).get("language")
    if "example" in case:
        path = str(ROOT / "examples" / case["example"])
        proc = run_cli("advise", path, "--now", case["now"], "--json")
        assert proc.returncode == 0, proc.stderr
        text = None
        if "text" in case:
            shown = run_cli("advise", path, "--now", case["now"])
            assert shown.returncode == 0, shown.stderr
            text = shown.stdout
        return json.loads(proc.stdout), text, None
    advice = advise_file(load_followup(_follow_up(case)), datetime.fromisoformat(case["now"]))
    text = as_text(advice, text_language) if "text" in case else None
    return as_json(advice), text, advice.language


def _check_item(kind: str, item: str, want: str) -> bool:
    """One item against one expectation of a kind."""
    return {
        "equal": item == want,
        "contains": want in item,
        "starts": item.startswith(want),
        "ends": item.endswith(want),
    }[kind]


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_advice_scenario(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(UserError, match=case["error"]):
            _advise(case)
        return
    out, text, language = _advise(case)
    for key, want in case.get("expect", {}).items():
        assert out[key] == want, (case["name"], key)
    for key in case.get("absent", []):
        assert out[key] is None, (case["name"], key)
    assert set(case.get("keys", [])) <= set(out)
    for field, json_key in (("call", "call_on"), ("email", "email")):
        for key, want in case.get(field, {}).items():
            assert out[json_key][key] == want, (case["name"], field, key)
    for kind in CHECKS:
        for field, checks in case.get(kind, {}).items():
            for index, want in checks:
                items = out[field] if index == "*" else [out[field][index]]
                assert any(_check_item(kind, item, want) for item in items), (
                    case["name"],
                    kind,
                    field,
                    index,
                    want,
                    out[field],
                )
    if "language" in case:
        assert language == case["language"]
    if "text" in case:
        assert text is not None
        spec = case["text"]
        assert text.startswith(spec.get("starts", "")), text
        for needle in spec.get("contains", []):
            assert needle in text, (needle, text)
        for needle in spec.get("absent", []):
            assert needle not in text, (needle, text)


def test_every_scenario_checks_something() -> None:
    checks = {"expect", "absent", "keys", "call", "email", "error", "text", *CHECKS}
    for name, case in CASES:
        assert checks & set(case), name
