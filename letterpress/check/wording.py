"""What the check says, per language (``wording/<lang>.toml`` over English): kind names, the
suggestions for placeholders, capitals, exclamation marks and copied text, and its lines."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from ..language.wording import load_wording
from .findings import Finding


def language_code(tag: str | None) -> str:
    """The language of a BCP 47 tag (``de-CH`` -> ``de``); English for none."""
    code = re.split(r"[-_]", str(tag or "en").strip())[0].lower()
    return code or "en"


@cache
def check_wording(code: str) -> dict[str, Any]:
    """The check's words for a language code; English where the language has none (bundled
    data, read once per process)."""
    return load_wording(resources.files("letterpress.check") / "wording", code)


def where_text(finding: Finding, words: dict[str, Any]) -> str:
    """Where the finding is, in the wording's language: ``body, line 3`` or ``subject``."""
    if not finding.at_line:
        return finding.field
    return str(words["lines"]["field_line"].format(field=finding.field, line=finding.line))


def finding_text(
    origin: str, finding: Finding, words: dict[str, Any], where: str | None = None
) -> str:
    """A finding as one line in the wording's language: file, field (or ``where``, the places
    of the same finding), kind, the phrase and a suggestion."""
    lines = words["lines"]
    return lines["finding"].format(
        origin=origin,
        where=where or where_text(finding, words),
        kind=words["kinds"].get(finding.kind, finding.kind),
        phrase=finding.phrase,
        alternative=finding.alternative,
    )


def summary_text(origin: str, count: int, words: dict[str, Any], *, rephrase: bool = True) -> str:
    """How many findings there are (or that there are none), as the last line says it: to
    replace or rephrase them when all are wording (``rephrase``), else to do what each says."""
    lines = words["lines"]
    if count == 0:
        return str(lines["clean"].format(origin=origin))
    key = ("one" if count == 1 else "many") + ("" if rephrase else "_fix")
    return str(lines[key].format(count=count))
