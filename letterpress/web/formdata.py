"""Form fields to a letter file (the dict ``letterpress letter`` reads) and back.

A form field is named by its path in the file (``recipient.postal_code``) and has a kind:
``text``, ``lines`` (a list, one item a line), ``day`` (a date), ``moment`` (a date and time),
``flag`` (true or false) or ``people`` (contacts, one a line: name, e-mail, phone). The
``more`` field holds, as TOML, whatever the file has that the form has no field for, so an
imported file comes back out whole.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import tomli_w

from ..errors import UserError, Where
from ..fields import PARTY_FIELDS

MORE = "more"
# A hidden field: the signature image the opened file names (the page opens no file by name).
SIGNATURE_NAMED = "signature_named"
# A party's fields as the form has them: free-form address lines are kept only in the file.
PARTY = tuple(f for f in PARTY_FIELDS if f != "address_lines")


def party(table: str, keys: tuple[str, ...] = PARTY) -> dict[str, str]:
    """The text fields of a ``[sender]`` or ``[recipient]`` table."""
    return {f"{table}.{key}": "text" for key in keys}


LETTER: dict[str, str] = {
    "layout": "text",
    "language": "text",
    "typeface": "text",
    "date": "day",
    "place": "text",
    **party("sender"),
    **party("recipient"),
    "recipient.notes": "lines",
    "references.your_reference": "text",
    "references.your_letter_of": "day",
    "references.our_reference": "text",
    "subject": "text",
    "opening": "text",
    "body": "text",
    "closing": "text",
    "signature": "text",
    "enclosures": "lines",
    "cc": "lines",
}
FOLLOWUP: dict[str, str] = {
    "interview.date": "moment",
    "interview.process": "text",
    "interview.decision_by": "day",
    "interview.in_person": "flag",
    "interview.hr_contact.name": "text",
    "interview.hr_contact.email": "text",
    "interview.hr_contact.phone": "text",
    "interview.involved": "people",
    "interview.card.name": "text",
    "interview.card.phone": "text",
    "interview.card.email": "text",
    **{
        k: v
        for k, v in LETTER.items()
        if k not in ("typeface", "place", "recipient.notes", "enclosures", "cc")
    },
}
CALL_TEXTS = (
    "contact",
    "role",
    "organization",
    "timezone",
    "caller_timezone",
    "best_time",
    "position",
    "clarified",
    "purpose",
    "opening",
    "feedback",
    "voicemail",
    "closing",
)
CALL: dict[str, str] = {
    "language": "text",
    "layout": "text",
    "call.phone": "text",
    **{f"call.{k}": "text" for k in CALL_TEXTS},
    "call.call_on": "day",
    "call.interview_on": "day",
    "call.points": "lines",
    "call.questions": "lines",
    **party("sender", ("name", "phone", "country")),
    **party("recipient", ("name", "organization", "department", "country")),
}
# Tables made even when all their fields are empty, so a missing name is named as a field.
TABLES = ("sender", "recipient", "interview", "call")


def _text(value: str, where: Where = Where()) -> Any:
    return value


def _lines(value: str, where: Where = Where()) -> Any:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _day(value: str, where: Where = Where()) -> Any:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value  # the engine names the field and says how to write it


def _moment(value: str, where: Where = Where()) -> Any:
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value


def _flag(value: str, where: Where = Where()) -> Any:
    return value not in ("", "off", "false", "no")


# The order a line of the "people" box gives a person's details in (its hint says it).
PERSON = ("name", "email", "phone")


# The details of a person apart: a comma, semicolon or tab outside "quotes" ("Berg, Tom").
_APART = re.compile(r'[,;\t](?=(?:[^"]*"[^"]*")*[^"]*$)')
# A person as an e-mail program writes them, pasted: ``Tom Berg <tom.berg@example.com>``.
_MAILBOX = re.compile(
    r'\s*(?:"(?P<quoted>[^"]*)"|(?P<name>[^"<,;\t]*?))\s*<(?P<email>[^<>\s]+@[^<>\s]+)>\s*'
)


def _people(value: str, where: Where) -> Any:
    """One person a line: a name, then an e-mail address (with @) and a phone number (with
    digits) in any order, apart by commas, semicolons or tabs (as pasted from an e-mail
    program, ``Tom Berg <tom.berg@example.com>``, or a spreadsheet); a placeholder
    (``[their email address]``) is the detail its place in the line names. Anything else is
    refused at the box, not kept as a phone number."""
    out = []
    for number, line in enumerate(_lines(value), start=1):
        parts = [p.strip() for p in _APART.split(line)]
        first = _MAILBOX.fullmatch(parts[0])
        if first:  # the name and the address in one, then the rest
            parts[:1] = [(first["quoted"] or first["name"] or "").strip(), first["email"]]
        parts = [found["email"] if (found := _MAILBOX.fullmatch(p)) else p for p in parts]
        parts = [p[1:-1].strip() if len(p) > 1 and p[0] == p[-1] == '"' else p for p in parts]
        person = {"name": parts[0]}
        for place, part in enumerate(parts[1:], start=1):
            if not part:
                continue
            if "@" in part:
                key = "email"
            elif any(c.isdigit() for c in part):
                key = "phone"  # the engine checks the number and says what is wrong with it
            elif part.startswith("[") and place < len(PERSON):
                key = PERSON[place]
            else:
                raise UserError(
                    f"{part!r} (line {number}) is neither an e-mail address nor a phone number",
                    where=where,
                    hint="write one person a line as name, e-mail, phone, e.g. "
                    "Tom Berg, tom.berg@example.com, +49 89 1234567",
                )
            if key in person:
                raise UserError(
                    f"{part!r} (line {number}) is a second "
                    + ("e-mail address" if key == "email" else "phone number"),
                    where=where,
                    hint="write one person a line as name, e-mail, phone, one of each",
                )
            person[key] = part
        out.append(person)
    return out


# Form text -> file value, per kind.
READ: dict[str, Callable[[str, Where], Any]] = {
    "text": _text,
    "lines": _lines,
    "day": _day,
    "moment": _moment,
    "flag": _flag,
    "people": _people,
}


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at a dotted path, making the tables on the way."""
    *tables, key = path.split(".")
    for name in tables:
        data = data.setdefault(name, {})
    data[key] = value


# Breaks a word processor puts in the text it copies, which no box shows: Word's manual line
# break (vertical tab) as a line break, its page break (form feed) as a new paragraph.
_BREAKS = str.maketrans({"\v": "\n", "\f": "\n\n"})


def letter_file(form: Mapping[str, str], fields: Mapping[str, str], origin: str) -> dict[str, Any]:
    """The file's dict from a form: ``more`` first, the form's filled fields over it."""
    data = more_tables(form.get(MORE, ""), origin)
    for path, kind in fields.items():
        top = path.split(".")[0]
        if top in TABLES and "." in path and not isinstance(data.get(top), dict):
            data[top] = {}
        raw = form.get(path, "").replace("\r\n", "\n")  # browsers send CR LF in text areas
        raw = raw.translate(_BREAKS)  # a word processor's line or page break, pasted
        raw = raw if kind == "text" and raw.strip() else raw.strip()
        if raw or kind == "flag" and path in form:
            _put(data, path, READ[kind](raw, Where(file=origin, field=path)))
    return data


def more_tables(text: str, origin: str) -> dict[str, Any]:
    """The ``more`` field's TOML; bad TOML is an error at that field."""
    if not text.strip():
        return {}
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(
            f"invalid TOML: {exc}",
            where=Where(file=origin, field=MORE),
            hint="fix the syntax in this box (quotes, = signs, [tables])",
        ) from None


def _shown(value: Any, kind: str) -> str | None:
    """A file value as form text, or None when the field cannot show it (it stays in
    ``more``)."""
    if kind == "lines" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    if kind == "people" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return (
            "\n".join(
                ", ".join(_quoted(str(p[k])) for k in ("name", "email", "phone") if p.get(k))
                for p in value
                if set(p) <= {"name", "email", "phone"}
            )
            if all(set(p) <= {"name", "email", "phone"} for p in value)
            else None
        )
    if kind == "flag" and isinstance(value, bool):
        return "on" if value else "off"
    if kind in ("day", "moment"):
        return _when(value, kind)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and kind != "people":
        return value
    return None


def _quoted(detail: str) -> str:
    """A person's detail as the "people" box shows it: in quotes when it holds what would
    part it ("Berg, Tom")."""
    return f'"{detail}"' if re.search(r"[,;\t]", detail) and '"' not in detail else detail


def _when(value: Any, kind: str) -> str | None:
    """A date (``day``) or date and time (``moment``) as its box shows it; None for what the
    browser's date box cannot show ("26.11.2026", a date where a time is asked, an offset),
    which it would empty without a word: it stays in ``more``, where the engine names it."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return None
    if kind == "day" and isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if kind == "moment" and isinstance(value, datetime) and value.tzinfo is None:
        return value.strftime("%Y-%m-%dT%H:%M")
    return None


def form_values(data: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, str]:
    """A file's dict as form texts; what no field shows goes into ``more`` as TOML."""
    rest = copy.deepcopy(dict(data))
    values: dict[str, str] = {}
    for path, kind in fields.items():
        *tables, key = path.split(".")
        table: Any = rest
        for name in tables:
            table = table.get(name) if isinstance(table, dict) else None
        if not isinstance(table, dict) or key not in table:
            continue
        text = _shown(table[key], kind)
        if text is not None:
            values[path] = text
            del table[key]
    for name in TABLES + ("references",):
        if rest.get(name) == {}:
            del rest[name]
    values[MORE] = tomli_w.dumps(rest) if rest else ""
    return values


def as_toml(data: Mapping[str, Any]) -> str:
    """The file as TOML text, as ``letterpress letter`` reads it."""
    return tomli_w.dumps(dict(data))


def saved_file(
    form: Mapping[str, str], fields: Mapping[str, str], origin: str, signature: str = ""
) -> bytes:
    """The page's file to save, as TOML bytes the command reads: the form's fields, and
    ``signature`` (default: the one the opened file named) as its ``signature_image``."""
    data = letter_file(form, fields, origin)
    named = signature or form.get(SIGNATURE_NAMED, "")
    if named:
        data["signature_image"] = named
    return as_toml(data).encode("utf-8")
