"""Countries as people write them: ISO codes, and names in the major languages.

Spreadsheets and letter files hold ``Deutschland``, ``Österreich``, ``United Kingdom`` or
``USA`` as often as ``DE``. ``country_code`` turns any of these into the ISO 3166-1 alpha-2
code: the codes and names come from CLDR (through Babel) in the languages listed below, plus
the common short forms in ``aliases.toml``. The table of names is built once and kept in the
cache folder (``letterpress.cachefiles``), since CLDR's files take a tenth of a second to read.
"""

from __future__ import annotations

import marshal
import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

import babel
from babel import Locale

from .. import cachefiles
from ..errors import UserError, Where

# Languages whose CLDR country names are understood (the post's users and their neighbours).
LANGUAGES = (
    "en",
    "de",
    "fr",
    "it",
    "es",
    "pt",
    "nl",
    "pl",
    "cs",
    "sk",
    "sl",
    "hu",
    "ro",
    "sv",
    "da",
    "nb",
    "fi",
    "tr",
    "ru",
    "uk",
    "el",
    "ja",
    "zh",
    "ko",
)
_SPACES = re.compile(r"[\s.]+")


def normalise(text: str) -> str:
    """A name as compared: case-folded, dots and runs of spaces dropped ("U.S.A." -> "usa")."""
    if text.isalpha():  # a code or a one-word name ("DE", "Deutschland"): nothing to drop
        return text.casefold()
    return _SPACES.sub(" ", text.replace(".", "")).strip().casefold()


def _aliases_file() -> Path:
    return Path(str(resources.files("letterpress.countries") / "aliases.toml"))


def _build() -> tuple[dict[str, str], dict[str, str]]:
    """Every known name (normalised) -> ISO code, and every ISO code (lower case) -> itself;
    and each normalised name -> the name as CLDR or the aliases write it ("Deutschland"), for
    suggestions."""
    names: dict[str, str] = {}
    shown: dict[str, str] = {}
    english = Locale.parse("en").territories
    for code in map(str, english):
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
            names[code.lower()] = code
            shown[code.lower()] = code
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if code.lower() in names and normalise(name) not in names:
                names[normalise(name)] = code
                shown[normalise(name)] = name
    for code, alpha3 in _alpha3():
        if code.lower() in names and alpha3.lower() not in names:
            names[alpha3.lower()] = code
            shown[alpha3.lower()] = alpha3
    data = tomllib.loads(_aliases_file().read_text(encoding="utf-8"))
    for code, spellings in (*data["aliases"].items(), *data["vehicle"].items()):
        for spelling in spellings:
            names[normalise(spelling)] = code
            shown[normalise(spelling)] = spelling
    return names, shown


def _alpha3() -> list[tuple[str, str]]:
    """ISO 3166-1's alpha-2 and alpha-3 codes (``DE``, ``DEU``), as the holidays library
    lists them for its countries (every country of ISO 3166-1): exports from HR and CRM
    systems write the three letters."""
    from holidays.registry import COUNTRIES

    return [
        (entry[1], entry[2])
        for entry in COUNTRIES.values()
        if len(entry) > 2 and len(entry[1]) == 2 and len(entry[2]) == 3
    ]


@cache
def _kept() -> tuple[cachefiles.Groups, bytes]:
    """The table as kept in the cache folder (CLDR's files take a tenth of a second to read):
    the names (normalised) -> ISO codes in groups by first character, so a lookup decodes
    only its own group; and, as marshal data, the names as shown. Read once per process (it
    is bundled data, never changed)."""
    # ISO's alpha-3 codes do not change with the holidays library's version (and importing
    # it to ask would cost a run 80 ms): the stamp names only what the table is built from.
    stamp = cachefiles.stamp(_aliases_file(), babel.__version__, LANGUAGES, "grouped-4")
    kept = cachefiles.read("countries.marshal", stamp)
    if isinstance(kept, list) and len(kept) == 2 and isinstance(kept[1], bytes):
        names = cachefiles.Groups.kept(kept[0])
        if names is not None:
            return names, kept[1]
    built, shown = _build()
    kept = [cachefiles.grouped(built, 1), marshal.dumps(shown)]
    cachefiles.write("countries.marshal", stamp, kept)
    return cachefiles.Groups(*kept[0]), kept[1]


def _table() -> tuple[dict[str, str], dict[str, str]]:
    """Every known name (normalised) -> ISO code, and each normalised name -> the name as
    written, for suggestions."""
    names, shown = _kept()
    return names.everything(), marshal.loads(shown)


def country_code(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for a code or a name as people write it, or None."""
    found = _kept()[0].get(normalise(text))
    return found if isinstance(found, str) else None


def in_a_sentence(code: str) -> str:
    """A country named in an English sentence, as CLDR writes it in English, with "the" where
    English puts one: "Germany", "the United States"."""
    name = Locale.parse("en").territories.get(code.upper(), code.upper())
    return f"the {name}" if code.upper() in _with_article() else name


@cache
def _with_article() -> frozenset[str]:
    data = tomllib.loads(_aliases_file().read_text(encoding="utf-8"))
    return frozenset(data["english"]["the"])


def suggestion(text: str) -> str | None:
    """The closest known name or code to an unknown one, as it is written ("Germany",
    "Deutschland", "DE"), for the error's hint."""
    import difflib  # only for the hint: a run with no mistakes never loads it

    names, shown = _table()
    wanted = normalise(text)
    # a two-letter code is never the near miss of a longer text ("AUT" is not AU, Australia)
    known = [name for name in names if len(name) > 2] if len(wanted) > 2 else list(names)
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.8)
    return shown[close[0]] if close else None


def parse_country(text: str, where: Where) -> str:
    """The ISO code of a country given by code or name (``""`` for an empty text); an unknown
    one is a UserError at ``where`` that shows the text as written and the closest name."""
    text = text.strip()
    if not text:
        return ""
    code = country_code(text)
    if code is not None:
        return code
    close = suggestion(text)
    hint = (
        f"did you mean {close!r} ({country_code(close)})?"
        if close
        else "write the country's name, e.g. Deutschland, or its ISO code, e.g. DE"
    )
    raise UserError(f"unknown country {text!r}", where=where, hint=hint)
