"""Phone numbers: parsing with phonenumbers, display formats, the tel: URI and time-zone guess."""

from __future__ import annotations

import re

import phonenumbers
from msgspec import Struct
from phonenumbers import CountryCodeSource, PhoneNumberFormat, timezone

from ..errors import UserError, Where
from ..zones import current_name

_UNKNOWN_ZONE = "Etc/Unknown"
_WORD = re.compile(r"[^\W\d_]+")


class Phone(Struct, frozen=True):
    """A validated number in the forms the sheet needs."""

    e164: str
    international: str
    national: str
    region: str
    zones: tuple[
        str, ...
    ]  # IANA zones (current names) phonenumbers gives the number (maybe several)
    extension: str = ""  # the digits after "ext." ("12"), which E.164 leaves out

    @property
    def tel_uri(self) -> str:
        """The URI a phone dials when the QR code is scanned, with the extension after a
        pause (``tel:+442079460958,12``): phones' dialers dial that, while RFC 3966's
        ``;ext=12`` is sent by Android as the tones of "ext=12" (396 12) and shown by iOS as a
        separate button."""
        return f"tel:{self.e164},{self.extension}" if self.extension else f"tel:{self.e164}"


def with_plus(digits: str) -> str:
    """``digits`` as the international number they are with a ``+`` in front
    (``4930123456`` -> ``+49 30 123456``), or "" when that is no valid number."""
    try:
        number = phonenumbers.parse(f"+{digits}")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def _words(text: str, extension: str = "") -> list[str]:
    """The words written after a number's first digit or ``+`` (text before it, such as
    "Tel.", is not read), without the marker of the ``extension`` phonenumbers found ("ext."
    before "12") and without a vanity number's (capitals, or joined on: 1-800-Flowers)."""
    start = re.search(r"[+\d]", text)
    if start is None:
        return []
    rest = text[start.start() :]
    if extension:
        rest = re.sub(rf"[^\W\d_]*\W*{re.escape(extension)}\W*$", "", rest)
    return [
        m.group()
        for m in _WORD.finditer(rest)
        if not m.group().isupper() and rest[max(m.start() - 1, 0)] not in "-0123456789"
    ]


def _refuse_words(text: str, words: list[str], where: Where) -> None:
    """Refuse a number with words in it ("App. 12", "poste 12", "Durchwahl"): phonenumbers
    reads three letters or more as a vanity number's digits, so the word would be dialled."""
    if not words:
        return
    raise UserError(
        f"{text!r} has words in it ({', '.join(words)}), which a phone would dial as digits",
        where=where,
        hint="write only the number, with an extension as ext. 12",
    )


def _parsed(text: str, region: str | None) -> phonenumbers.PhoneNumber:
    """``text`` read in ``region``; "0049 89 ..." is read as +49 wherever 00 is not how
    that region dials abroad (the US: 011) but the number means nothing else: 00 is the
    international prefix ITU-T E.164 recommends, and most of the world's."""
    try:
        number = phonenumbers.parse(text, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        number = None
    abroad = text.strip().startswith("00")
    if abroad and (number is None or not phonenumbers.is_valid_number(number)):
        try:
            written = phonenumbers.parse("+" + text.strip()[2:], None, keep_raw_input=True)
        except phonenumbers.NumberParseException:
            written = None
        if written is not None and phonenumbers.is_valid_number(written):
            return written
    return number if number is not None else phonenumbers.parse(text, region, keep_raw_input=True)


def parse_phone(
    text: str, *, default_region: str = "", where: Where = Where(field="call.phone")
) -> Phone:
    """Parse and validate a number; national numbers need ``default_region`` (ISO country)."""
    region = default_region.upper() or None
    hint = "write it with the country code, e.g. +49 89 1234567"
    try:
        number = _parsed(text, region)
    except phonenumbers.NumberParseException as exc:
        _refuse_words(text, _words(text), where)
        what = {
            phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: (
                "has no country code (and no recipient country to assume)"
            ),
            phonenumbers.NumberParseException.NOT_A_NUMBER: "is not a phone number",
            phonenumbers.NumberParseException.TOO_SHORT_NSN: "is too short",
            phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "is too short",
            phonenumbers.NumberParseException.TOO_LONG: "is too long",
        }.get(exc.error_type, "cannot be read")
        raise UserError(f"{text!r} {what}", where=where, hint=hint) from None
    if sum(c.isalpha() for c in text) >= 3:  # fewer letters are dropped, not dialled
        _refuse_words(text, _words(text, number.extension or ""), where)
    if not phonenumbers.is_valid_number(number):
        if region and number.country_code_source == CountryCodeSource.FROM_DEFAULT_COUNTRY:
            from ..countries import in_a_sentence

            abroad = "+44 20 7946 0958" if region == "DE" else "+49 89 1234567"
            raise UserError(  # read as a national number: say in which country
                f"{text!r} is not a valid phone number in {in_a_sentence(region)}",
                where=where,
                hint="check the digits; if it is in another country, write it with that "
                f"country's code, e.g. {abroad}",
            )
        raise UserError(
            f"{text!r} is not a valid phone number", where=where, hint=f"check the digits; {hint}"
        )
    zones = tuple(
        current_name(z) for z in timezone.time_zones_for_number(number) if z != _UNKNOWN_ZONE
    )
    return Phone(
        e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        international=phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        national=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        region=phonenumbers.region_code_for_number(number) or "",
        zones=zones,
        extension=number.extension or "",
    )
