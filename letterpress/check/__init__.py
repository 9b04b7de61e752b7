"""The tone and leftovers check (``letterpress check``): eager phrasing, placeholders, pay, copying.

``check_source`` is the Python API; it reads any letter file, even an unfinished one, because a
draft full of placeholders is exactly what it is for.
"""
from __future__ import annotations

import os
from typing import Any

from ..source import Source, load_source
from . import detectors
from .copied import copied
from .fields import names, texts
from .findings import KINDS, Finding
from .lists import load_lists

__all__ = ["KINDS", "Finding", "check_data", "check_source"]


def check_data(data: dict[str, Any]) -> list[Finding]:
    """Findings for a letter file's raw data, in field order."""
    lists = load_lists()
    items = texts(data)
    proper = names(data)
    thank_you = detectors.is_thank_you(items, lists, has_interview="interview" in data)
    language = str(data.get("language") or "en").replace("_", "-").split("-")[0].lower()
    out: list[Finding] = []
    for item in items:
        out += detectors.placeholders(item, lists)
        if item.prose:
            out += detectors.phrases(item, lists, thank_you=thank_you, language=language)
            if not item.field.startswith("call."):
                out += detectors.capitals(item, lists, proper)
                out += detectors.exclamations(item, lists)
        if item.long:
            out += copied(item, lists)
    order = {item.field: index for index, item in reversed(list(enumerate(items)))}
    return sorted(out, key=lambda f: (order.get(f.field, len(items)), f.line))


def check_source(source: str | os.PathLike[str] | dict[str, Any] | Source) -> list[Finding]:
    """Load a letter file (path or dict) and check it; unreadable input raises UserError."""
    return check_data(load_source(source).data)
