"""How letterpress writes an address beyond what the address data says (``addressing.toml``,
with its sources): which fields are in capitals on which route, and the street abbreviations
and academic titles a return line too long for its strip loses."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

from msgspec import Struct

from .. import cachefiles


class Addressing(Struct, frozen=True):
    """The rules of ``addressing.toml``."""

    international_upper: frozenset[str]  # fields in capitals on mail abroad (plus the data's)
    domestic_upper: dict[str, frozenset[str]]  # a country's own rule for its domestic mail
    abbreviations: dict[str, tuple[tuple[str, str], ...]]  # language -> (key, short) as written
    titles: tuple[str, ...]
    posts: tuple[frozenset[str], ...]  # countries one post serves as domestic mail
    kept_prefixes: frozenset[str]  # countries whose data's postal-code prefix is no country's


@cache
def addressing() -> Addressing:
    """The bundled rules, read once per process (they ship with the package)."""
    path = resources.files("letterpress") / "letter" / "addressing.toml"
    data = cachefiles.toml(Path(str(path)))
    capitals = data["capitals"]
    return Addressing(
        international_upper=frozenset(capitals["international"]),
        domestic_upper={
            code: frozenset(fields) for code, fields in capitals.get("domestic", {}).items()
        },
        abbreviations={
            language: tuple((key, str(value)) for key, value in table.items())
            for language, table in data["street_abbreviations"].items()
        },
        titles=tuple(sorted(data["titles"]["academic"], key=len, reverse=True)),
        posts=tuple(frozenset(codes) for codes in data["domestic_mail"].values()),
        kept_prefixes=frozenset(data["postal_prefix"]["kept"]),
    )


def abroad(destination: str, home: str) -> bool:
    """Whether mail from ``home`` to ``destination`` goes abroad: another country, and not
    one the home post serves as domestic mail (the US and Puerto Rico)."""
    if not home or not destination or destination == home:
        return False
    return not any(destination in post and home in post for post in addressing().posts)


@cache
def _abbreviation(key: str, short: str) -> tuple[re.Pattern[str], str]:
    """A rule as a pattern: a whole word, or with a leading ``-`` also a word's end."""
    word = re.escape(key.lstrip("-"))
    start = r"(?<=\w)|\b" if key.startswith("-") else r"\b"
    return re.compile(rf"(?:{start}){word}(?!\w)", re.IGNORECASE), short


def upper_fields(
    data_upper: set[str] | frozenset[str], destination: str, home: str
) -> frozenset[str]:
    """The fields printed in capitals for mail from ``home`` to ``destination``, whose address
    data lists ``data_upper`` (the rules of ``addressing.toml``)."""
    rules = addressing()
    if abroad(destination, home):
        return frozenset(data_upper) | rules.international_upper
    return rules.domestic_upper.get(destination, frozenset(data_upper))


def abbreviate_street(text: str, languages: tuple[str, ...]) -> str:
    """``text`` with the street words of ``languages`` abbreviated (Hafenstraße -> Hafenstr.).

    A rule's pattern is compiled (once per process) only for a text that holds its word,
    case-folded: compiling them all cost every letter's run, and most streets have none."""
    rules = addressing().abbreviations
    folded = text.casefold()
    for language in languages:
        for key, short in rules.get(language, ()):
            if key.lstrip("-").casefold() in folded:
                pattern, short = _abbreviation(key, short)
                text = pattern.sub(_replacer(short), text)
                folded = text.casefold()
    return text


def _replacer(short: str) -> Callable[[re.Match[str]], str]:
    """A substitution writing ``short`` in the case the matched word starts with."""
    return lambda match: _same_case(match.group(0), short)


def _same_case(found: str, short: str) -> str:
    """``short`` with a capital first letter when ``found`` starts with one."""
    return short[:1].upper() + short[1:] if found[:1].isupper() else short


def without_titles(name: str) -> str:
    """The name without academic titles (Dr. Anna Muster, PhD -> Anna Muster); titles are
    matched as written (``DI`` is a title, ``Di`` in Di Stefano is not)."""
    for title in addressing().titles:
        if title in name:  # a pattern is compiled only for a title the name holds
            name = re.sub(rf"(?<!\w){re.escape(title)}(?!\w)", "", name)
    return re.sub(r"\s{2,}", " ", re.sub(r"\s*,\s*(,|$)", r"\1", name)).strip(" ,")
