"""The ``salutation`` filter: the formal salutation from a title/gender cell and the name, in
the letter's language, with the wording as data (``salutations/<language>.toml``).

``{{ row.title | salutation(row.first_name, row.last_name) }}`` -> "Sehr geehrte Frau Weiß,",
"Sehr geehrter Herr Dr. Weiß,", "Guten Tag Kim Berger," (no gender), "Dear Ms Weiß,",
"Madame,".
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from ..language.wording import load_wording
from .filters import FilterError

GENDERS = ("female", "male", "neutral")


class SalutationError(ValueError):
    """A title cell the filter cannot read: what and what to do."""


@cache
def _words() -> dict[str, frozenset[str]]:
    """The recognised gender words and academic titles, lower case, without final dots."""
    path = resources.files("letterpress.batch") / "salutations" / "words.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {key: frozenset(_key(w) for w in words) for key, words in data.items()}


@cache
def _wording(language: str) -> dict[str, str]:
    """The salutations for ``language`` ("de", "en-US"): the region's over the language's
    over English."""
    base, _, region = language.replace("_", "-").partition("-")
    data = load_wording(resources.files("letterpress.batch") / "salutations", base.lower())
    regional = data.get("regions", {}).get(region.upper(), {}) if region else {}
    return {k: v for k, v in {**data, **regional}.items() if isinstance(v, str)}


def _key(word: str) -> str:
    return " ".join(word.casefold().replace(".", ". ").split()).rstrip(".").replace(". ", ".")


def parse_title(cell: str) -> tuple[str, str]:
    """(gender, academic title as written) from a cell such as "Frau Dr." or "m"."""
    words = _words()
    gender = "neutral"
    title: list[str] = []
    for token in cell.replace(",", " ").split():
        key = _key(token)
        found = next((g for g in GENDERS if key in words[g]), None)
        if found is not None and key:
            gender = found if found != "neutral" else gender
        elif key in words["titles"] or _key(" ".join([*title, token])) in words["titles"]:
            title.append(token)
        else:
            raise SalutationError(f"{cell!r} is neither a title nor a gender letterpress knows")
    return gender, " ".join(title)


def salutation_text(cell: str, first: str, last: str, language: str) -> str:
    """The salutation for the title/gender ``cell`` and the name, in ``language``."""
    gender, title = parse_title(cell.strip())
    wording = _wording(language)
    surname = last.strip() or first.strip()
    name = " ".join(p for p in (first.strip(), last.strip()) if p)
    if gender != "neutral" and not surname:
        gender = "neutral"
    key = f"titled_{gender}" if title and f"titled_{gender}" in wording else gender
    return (
        wording[key]
        .format(surname=surname, name=name, title=title, titled=f"{title} " if title else "")
        .strip()
    )


@pass_context
def salutation(context: Context, cell: Any, first: Any = "", last: Any = "") -> str:
    """The filter: ``{{ row.title | salutation(row.first_name, row.last_name) }}``."""
    language = str(context.get("letter_language") or "en")
    try:
        return salutation_text(str(cell), str(first), str(last), language)
    except SalutationError as exc:
        raise FilterError(
            str(exc),
            "write Frau or Herr, Ms or Mr, Madame or Monsieur (with a "
            "title such as Dr. if there is one), or leave the cell empty",
            getattr(cell, "column", ""),
        ) from None
