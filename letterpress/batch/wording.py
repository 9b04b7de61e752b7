"""What a mail merge writes in the user's language (``wording/<lang>.toml`` over English): the
merged PDF's bookmarks and the summary lines of ``letterpress batch``."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from ..language.wording import load_wording


def language_code(tag: object) -> str:
    """The language of a BCP 47 tag (``de-CH`` -> ``de``); English for none or a template."""
    text = tag.strip() if isinstance(tag, str) and "{" not in tag else "en"
    return re.split(r"[-_]", text)[0].lower() or "en"


@cache
def batch_wording(code: str) -> dict[str, Any]:
    """The words for a language code; English where the language has none (bundled data,
    read once per process)."""
    return load_wording(resources.files("letterpress.batch") / "wording", code)


def bookmark(words: dict[str, Any], row: int, what: str, name: str) -> str:
    """'Row 7: letter to Mei Lee' in the wording's language."""
    kind = words["kinds"].get(what, what)
    key = "named" if name else "unnamed"
    return str(words["bookmarks"][key].format(row=row, what=kind, name=name))


def count(words: dict[str, Any], one: str, many: str, number: int) -> str:
    """``1 page`` or ``3 pages``: the summary's word for one, or for many."""
    summary = words["summary"]
    return str(summary[one] if number == 1 else summary[many].format(count=number))
