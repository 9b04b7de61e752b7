"""Reading typed values out of one table of an input file, naming the field in every error.

Shared by the letter, the call sheet, the follow-up advice and the delivery estimate: the same
input is read, and refused, the same way whichever command reads it.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from .errors import UserError, Where
from .limits import FIRST_YEAR, LAST_YEAR

# The fields of a party (``[sender]``, ``[recipient]``, the stored profile's sender): one
# schema for the letter file, the profile and the web form.
PARTY_FIELDS = (
    "name",
    "organization",
    "department",
    "street",
    "address_lines",
    "postal_code",
    "city",
    "region",
    "country",
    "phone",
    "email",
)

# Fields whose text may hold one item per line instead of a list.
LINE_LISTS = ("address_lines", "notes")

# What a text field of a known form holds, for the hint when a file wrote something else there
# (``layout = true``); any other field's hint shows ``key = "..."``.
EXAMPLES = {
    "layout": "din5008-b",
    "envelope": "DL",
    "language": "en-GB",
    "typography": "typographic",
    "country": "DE",
    "postal_code": "20095",
    "phone": "+49 40 1234567",
    "timezone": "America/Chicago",
    "caller_timezone": "Europe/Berlin",
    "best_time": "09:00-11:00",
}


class Fields:
    """Typed access to one table of the input, naming its place in every error.

    ``where`` is the table's place (``Where(file="letter.toml", field="sender")``; no field
    for the top level); keys outside ``allowed`` are refused with the closest known one.
    """

    def __init__(self, data: Any, where: Where, allowed: tuple[str, ...]) -> None:
        self.place = where
        if not isinstance(data, dict):
            if not where.field:
                raise UserError("the top level must be a table", where=where)
            raise not_table(data, where)
        self.data: dict[str, Any] = data
        for key in data:
            if key not in allowed:
                raise UserError(
                    f"unknown field {key!r}",
                    where=self.at(key),
                    hint=_field_hint(key, data, allowed),
                )

    def at(self, key: str) -> Where:
        """The place of field ``key`` of this table."""
        return self.place.at(key)

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        """A text (a number is taken as its digits), stripped; ``body`` keeps inner lines."""
        value = self.data.get(key)
        if not isinstance(value, str):  # text is the usual case: one look
            if value is None:
                if required:
                    raise UserError("missing field", where=self.at(key), hint=f'add {key} = "..."')
                return default
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise not_text(key, value, self.at(key))
            value = str(value)
        if required and not value.strip():
            raise UserError("must not be empty", where=self.at(key))
        return value.strip("\n") if key == "body" else value.strip()

    def optional_text(self, key: str) -> str | None:
        """The text, or None when the field is absent."""
        return self.text(key) if key in self.data else None

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of texts; a single text is one item (one per line for ``LINE_LISTS``)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (
                tuple(line for line in value.splitlines() if line.strip())
                if key in LINE_LISTS
                else (value.strip(),)
            )
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UserError(
                "must be a list of texts", where=self.at(key), hint=f'write {key} = ["...", "..."]'
            )
        return tuple(v.strip() for v in value if v.strip())

    def day(self, key: str) -> date | None:
        """A date, or None when the field is absent."""
        value = self.data.get(key)
        if value is None:
            return None
        return parse_day(value, self.at(key))


def _field_hint(key: str, data: dict[str, Any], allowed: tuple[str, ...]) -> str:
    """What to write instead of an unknown field: the field an address list's name for it
    stands for (state -> region), else the closest known field, else all of them."""
    from .fieldnames import party_hint

    hint = party_hint(key, data[key], allowed)
    if hint:
        return hint
    import difflib  # only for the hint: a run with no mistakes never loads it

    close = difflib.get_close_matches(key, allowed, n=1)
    return f"did you mean {close[0]!r}?" if close else f"known fields: {', '.join(allowed)}"


def not_text(key: str, value: Any, where: Where) -> UserError:
    """The error for a value where text belongs, said as the file wrote it (``layout = true``,
    ``subject = ["a"]``) with what to write instead: the list's texts as one text, else an
    example of the field (a date as it is, quoted)."""
    import json

    how = "write it in quotes"
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        how, example = "write it as one text in quotes", ", ".join(v.strip() for v in value)
    elif isinstance(value, (date, time)):
        example = written(value)
    else:
        example = EXAMPLES.get(key, "...")
    shown = json.dumps(example, ensure_ascii=False)
    return UserError(
        f"{written(value)} is not text", where=where, hint=f"{how}, e.g. {key} = {shown}"
    )


def not_table(value: Any, where: Where) -> UserError:
    """The error for a value where a table belongs (``sender = "Jo"``), said as the file
    wrote it, with how to write the table."""
    field = where.field
    hint = (
        f"write [{field}] on a line of its own, with its fields below it"
        if "[" not in field
        else 'write it as a table, e.g. {name = "..."}'
    )
    return UserError(f"{written(value)} is not a table", where=where, hint=hint)


def written(value: Any) -> str:
    """A value as the file wrote it (TOML and JSON alike), not as Python shows it: a text in
    quotes ('soon'), true and false, a list in brackets (["DE"]), a date as 2026-11-26, a
    table as a table."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, list):
        import json

        return (
            "["
            + ", ".join(json.dumps(v) if isinstance(v, str) else written(v) for v in value)
            + "]"
        )
    if isinstance(value, dict):
        return "a table"
    return str(value)


def parse_day(value: Any, where: Where) -> date:
    """A TOML date, a datetime, or a 'YYYY-MM-DD' string as a date (within ``in_range``)."""
    if isinstance(value, datetime):
        return in_range(value.date(), where)
    if isinstance(value, date):
        return in_range(value, where)
    if isinstance(value, str):
        try:
            return in_range(date.fromisoformat(value.strip()), where)
        except ValueError:
            pass
    raise UserError(
        f"{written(value)} is not a valid date",
        where=where,
        hint="write it as YYYY-MM-DD, e.g. 2026-11-26",
    )


def in_range(day: date, where: Where) -> date:
    """``day``, or a UserError when its year is outside ``FIRST_YEAR``..``LAST_YEAR``: far
    enough for any letter, near enough that no date arithmetic leaves the calendar."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UserError(
            f"{day.isoformat()} is out of range",
            where=where,
            hint=f"letterpress takes dates from {FIRST_YEAR} to {LAST_YEAR}",
        )
    return day


def parse_moment(
    value: Any,
    where: Where,
    *,
    what: str = "a date and time",
    date_alone_at: time | None = None,
    hint: str = "write it as YYYY-MM-DDTHH:MM, e.g. 2026-12-22T10:00",
) -> tuple[datetime, bool]:
    """A TOML datetime or a 'YYYY-MM-DDTHH:MM' string (a space for the T, seconds and an
    offset allowed; the offset is dropped: times are local) as a naive datetime, and whether
    a time of day was written. With ``date_alone_at``, a date alone is taken at that time;
    ``hint`` says what to write instead of an unreadable value.

    The one parser of dates with times: the interview's date, ``[mailing] posted``,
    ``--posted`` and ``--now`` all read and report the same way.
    """
    if isinstance(value, datetime):
        in_range(value.date(), where)
        return value.replace(tzinfo=None), True
    if isinstance(value, date) and date_alone_at is not None:
        return datetime.combine(in_range(value, where), date_alone_at), False
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            in_range(parsed.date(), where)
            if "T" in text or " " in text:
                return parsed.replace(tzinfo=None), True
            if date_alone_at is not None:
                return datetime.combine(parsed.date(), date_alone_at), False
    raise UserError(
        f"{written(value)} is not {what}",
        where=where,
        hint=hint,
    )
