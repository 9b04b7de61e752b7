"""What a mail merge writes in the user's language (``wording/<lang>.toml`` over English): the
merged PDF's bookmarks and the summary lines of ``letterpress batch``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from .. import cachefiles
from ..language.wording import load_wording


def language_code(tag: object) -> str:
    """The language of a BCP 47 tag (``de-CH`` -> ``de``) when there are words for it; English
    for others, none, or a template (``{{ row.lang }}``)."""
    text = tag.strip() if isinstance(tag, str) and "{" not in tag else "en"
    code = re.split(r"[-_]", text)[0].lower()
    folder = resources.files("letterpress.batch") / "wording"
    return code if code and (folder / f"{code}.toml").is_file() else "en"


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


def count(
    words: dict[str, Any], one: str, many: str, number: int, code: str, table: str = "summary"
) -> str:
    """``1 page`` or ``3 pages``: the words' form (in ``table``) for one, or for many, as the
    language counts (French says "0 ligne")."""
    from babel.plural import PluralRule

    forms = words[table]
    singular = PluralRule(plural_rules(code))(number) == "one"
    return str(forms[one] if singular else forms[many]).format(count=number)


def plural_rules(code: str) -> dict[str, str]:
    """The language's CLDR plural rules (Babel's, as text), kept in the cache folder: Babel
    reads them from the locale's whole data, which costs the summary line more than a row."""
    import babel

    rules = cachefiles.entry(
        "plural-rules.marshal",
        cachefiles.babel_stamp(),
        code,
        dict,
        lambda: dict(babel.Locale.parse(code).plural_form.rules),
    )
    assert isinstance(rules, dict)
    return rules
