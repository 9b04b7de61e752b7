"""The tone and leftovers check (``letterpress check``): eager phrasing, placeholders, pay, copying.

``check_source`` is the Python API; it reads any letter file, even an unfinished one, because a
draft full of placeholders is exactly what it is for.
"""

from __future__ import annotations

from typing import Any

from msgspec.structs import replace

from ..source import LetterInput, load_source
from . import detectors
from .copied import copied
from .fields import names, texts
from .findings import KINDS, Finding
from .lists import load_lists
from .wording import check_wording, language_code

__all__ = ["KINDS", "Finding", "check_data", "check_source"]


def check_data(data: dict[str, Any], language: str | None = None) -> list[Finding]:
    """Findings for a letter file's raw data, in field order; suggestions in ``language``
    (a BCP 47 tag; default: the file's ``language``)."""
    lists = load_lists()
    every = texts(data, numbers=True)
    items = [item for item in every if not item.number]
    proper = names(data)
    thank_you = detectors.is_thank_you(items, lists, has_interview="interview" in data)
    language = language_code(language or data.get("language"))
    says = check_wording(language)["alternatives"]
    out = [detectors.number(item, says) for item in every if item.number]
    for item in items:
        out += detectors.placeholders(item, lists, says)
        if item.prose:
            out += detectors.phrases(item, lists, thank_you=thank_you, language=language)
            if not item.field.startswith("call."):
                out += detectors.capitals(item, lists, proper, says)
                out += detectors.exclamations(item, lists, check_wording(language))
        if item.long:
            out += copied(item, lists, says)
    order = {item.field: index for index, item in reversed(list(enumerate(every)))}
    # a finding on a text's first line names it too when the text has more lines
    lines = {item.field: item.text.strip("\n").count("\n") + 1 for item in items}
    out = [replace(f, lines=lines.get(f.field, 1)) for f in out]
    return sorted(out, key=lambda f: (order.get(f.field, len(every)), f.line))


def check_source(source: LetterInput, language: str | None = None) -> list[Finding]:
    """Load a letter file (path or dict) and check it; unreadable input raises UserError.
    Suggestions are in ``language`` (default: the file's)."""
    return check_data(load_source(source).data, language)
