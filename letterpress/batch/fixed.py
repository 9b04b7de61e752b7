"""What the template fixes for every row (its language, layout and envelope, or the
``--envelope`` asked for; the call sheet's time zones, day and voicemail), checked once before
any row: a mistake there is the template's or the option's, one error naming it (exit 2), and
a doubt one warning naming it, not the same line for every row of the data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeGuard

from ..errors import UserError, Where
from ..notices import Notice
from ..source import Source


def check_fixed(source: Source, kind: str, envelope: str | None) -> None:
    """Raise the UserError a row would raise for a fixed field (a plain value, no ``{{``)."""
    from ..language import resolve_language

    data = source.data
    where = source.where
    language = _plain(data, "language", where)
    if language is not None:
        resolve_language(language, where=where.at("language"))
    if kind == "envelope" and envelope:  # the plain envelope's size, not a window envelope
        from ..envelope import find_size

        find_size(envelope, where=Where(option="--envelope"))
    if kind not in ("letter", "both"):
        return
    from ..fields import parse_day
    from ..letter.layout import DEFAULT_LAYOUT, choose_envelope, is_layout_file, load_layout

    day = data.get("date")
    if day is not None and not (isinstance(day, str) and "{" in day):
        parse_day(day, where.at("date"))
    name = _plain(data, "layout", where) if "layout" in data else DEFAULT_LAYOUT
    if name is None or is_layout_file(name):
        return  # a row's layout, or a layout file found beside the template
    layout = load_layout(name, where=where.at("layout"))
    given = _plain(data, "envelope", where)
    if envelope:
        choose_envelope(layout, envelope, where=Where(option="--envelope"))
    elif given is not None:
        choose_envelope(layout, given, where=where.at("envelope"))


def _fixed(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value) and "{" not in value


def _plain(data: dict[str, Any], key: str, where: Where) -> str | None:
    """The template's ``key`` when it fixes it for every row, read as a row reads it (a
    number as its digits, a true or a list refused); None when absent or a row fills it in."""
    from ..fields import Fields

    text = Fields(data, where, tuple(data)).text(key)
    return text if text and "{" not in text else None


def call_notices(source: Source, columns: tuple[str, ...], today: date) -> list[Notice]:
    """The call sheet's warnings that fields the template fixes cause, the same for every
    row (a time zone written as a city, a call_on that has passed before ``today`` or is a
    Sunday, a long voicemail, a language without call-sheet wording), at the template's
    place; raise the UserError a row would raise for a fixed time zone that is none.
    ``columns`` are the data's (a column such as ``recipient.country`` fills that field for
    each row)."""
    from ..callsheet import voicemail as vm
    from ..callsheet.script import (
        closed_notice,
        early_notice,
        past_notice,
        time_notice,
        voicemail_notice,
        wording_notice,
    )
    from ..callsheet.timewindow import file_zone
    from ..language import resolve_language

    data, where = source.data, source.where
    call = data.get("call")
    if not isinstance(call, dict):
        return []
    out: list[Notice | None] = []
    language = data.get("language", "en")
    if _fixed(language):
        code = resolve_language(language, where=where.at("language")).locale.language
        out.append(wording_notice(code, language, where.at("language")))
    for key in ("timezone", "caller_timezone"):
        if _fixed(call.get(key)):
            out.append(file_zone(call[key], where.at("call", key))[1])
    day = call.get("call_on")
    at = day.time() if isinstance(day, datetime) else None  # a TOML datetime: its time apart
    day = day.date() if isinstance(day, datetime) else day
    gone = past_notice(day, today, where.at("call", "call_on")) if isinstance(day, date) else None
    interview = call.get("interview_on")
    if gone is not None:
        out.append(gone)
    elif isinstance(day, date) and isinstance(interview, date) and day < interview:
        out.append(early_notice(day, interview, where.at("call", "call_on")))
    elif isinstance(day, date):
        country = _country(data, columns)
        closed = (
            closed_notice(day, country, where.at("call", "call_on"))
            if country is not None and (country or day.weekday() >= 5)
            else None
        )
        if closed is None and at is not None:
            closed = time_notice(day, at, where.at("call", "call_on"))
        out.append(closed)
    if _fixed(call.get("best_time")):
        out.append(_window_doubt(call["best_time"], day if isinstance(day, date) else today, where))
    if _fixed(call.get("voicemail")):
        seconds = vm.spoken_seconds(call["voicemail"])
        out.append(voicemail_notice(seconds, where.at("call", "voicemail")))
    return [n for n in out if n is not None]


def _window_doubt(best: str, day: date, where: Where) -> Notice | None:
    """The warning a fixed best time is read with ("9-9": twelve hours; two windows), the
    same in every row's zone; None for a clear one, and for one a row refuses (each row says
    so)."""
    from zoneinfo import ZoneInfo

    from ..callsheet.besttime import read_window

    try:
        doubt = read_window(best, day, ZoneInfo("UTC"), where.at("call", "best_time"))[1]
    except UserError:
        return None
    return doubt if doubt is not None and doubt.level == "warning" else None


def _country(data: dict[str, Any], columns: tuple[str, ...]) -> str | None:
    """The country code whose holidays close offices on the call's day when the template
    fixes it (the recipient's, else the sender's); "" when no party names one; None when a
    row's data gives it."""
    from ..countries import parse_country

    for party in ("recipient", "sender"):
        value = data.get(party, {}).get("country") if isinstance(data.get(party), dict) else None
        if f"{party}.country" in columns:
            return None
        if value:
            if not _fixed(value):
                return None
            try:
                return parse_country(value, Where())
            except UserError:
                return None  # each row says so
    return ""
