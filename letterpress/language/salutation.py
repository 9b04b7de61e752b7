"""Formal salutations in a language, as data (``salutations/<language>.toml``): from a title or
gender and a name ("Sehr geehrte Frau Dr. Weiß,", "Dear Ms Lee,", "Madame,"), and the
complimentary close that goes with a salutation by name ("Yours sincerely,")."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from msgspec import Struct

from .wording import load_wording, regional

GENDERS = ("female", "male", "neutral")


class SalutationError(ValueError):
    """A title cell that is neither a title nor a gender letterpress knows."""


# nothing prints or compares it: no generated repr or == (each costs a cold start)
class Greeting(Struct, frozen=True, eq=False):
    """A letter's salutation by name and the complimentary close that goes with it."""

    opening: str
    closing: str


@cache
def _words() -> dict[str, frozenset[str]]:
    """The recognised gender words, academic titles and surname particles, lower case,
    without final dots (bundled data, read once)."""
    path = resources.files("letterpress.language") / "salutations" / "words.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {key: frozenset(_key(w) for w in words) for key, words in data.items()}


@cache
def _wording(language: str) -> dict[str, str]:
    """The salutations for ``language`` ("de", "en-US"): the region's over the language's
    over English (bundled data, read once per language)."""
    base, _, region = language.replace("_", "-").partition("-")
    data = load_wording(resources.files("letterpress.language") / "salutations", base.lower())
    return {k: v for k, v in regional(data, region).items() if isinstance(v, str)}


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
    surname = last.strip()
    name = " ".join(p for p in (first.strip(), last.strip()) if p)
    key = f"titled_{gender}" if title and f"titled_{gender}" in wording else gender
    if not surname and "{surname}" in wording[key]:  # "Frau Anna" is no salutation
        key = "neutral"
    if not name and "{name}" in wording[key]:  # no name at all: "Dear Sir or Madam,"
        return wording["nameless"]
    return (
        wording[key]
        .format(surname=surname, name=name, title=title, titled=f"{title} " if title else "")
        .strip()
    )


def greeting_for(name: str, language: str) -> Greeting | None:
    """The salutation and close for a recipient written with a courtesy title ("Ms Mei Lee",
    "Herr Dr. Hans Weber", "Madame Claire Martin"); None for a name without one, whose
    gender the letter cannot know."""
    words = _words()
    tokens = name.replace(",", " ").split()
    lead = 0
    gendered = False
    while lead < len(tokens) - 1:
        key = _key(tokens[lead])
        if key in words["courtesy"]:
            gendered = True
        elif key not in words["titles"]:
            break
        lead += 1
    if not gendered:
        return None
    rest = tokens[lead:]
    start = len(rest) - 1  # the surname: the last word with the particles before it
    while start > 0 and _key(rest[start - 1]) in words["particles"]:
        start -= 1
    opening = salutation_text(
        " ".join(tokens[:lead]), " ".join(rest[:start]), " ".join(rest[start:]), language
    )
    return Greeting(opening, _wording(language)["closing"].format(salutation=opening))
