"""The best time to call as a card or a note writes it, read into a window: a part of the day
("mornings", "nachmittags", "l'après-midi"), a window open at one end ("after 2pm", "bis 12
Uhr"), noon by name ("noon-2pm"), the same hour twice ("9-9", with a warning), several
windows (the first, with a warning), or the clock (:func:`.timewindow.parse_window`); in the
zone it names at its end ("2-4pm ET"). The words and their hours are in ``dayparts.toml``, the
zones in ``zonewords.toml``.

``letterpress call``, ``advise`` and the web page's call form all read ``best_time`` here.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import UserError, Where
from ..notices import Notice
from .timewindow import Window, one_time, parse_window, twelve_hours

# Windows one after another: "9-12 und 14-16 Uhr", "9-11, 14-16", "mornings or afternoons".
_SEVERAL = re.compile(r"\s*(?:[,;/&+]|\b(?:and|or|und|oder|et|ou)\b)\s*", re.IGNORECASE)
_COUNTS = {2: "two", 3: "three", 4: "four"}


@cache
def dayparts() -> dict[str, Any]:
    """``callsheet/dayparts.toml``."""
    path = resources.files("letterpress.callsheet") / "dayparts.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def zonewords() -> dict[str, Any]:
    """``callsheet/zonewords.toml``."""
    path = resources.files("letterpress.callsheet") / "zonewords.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def split_zone(text: str) -> tuple[str, str | None]:
    """``text`` without the time zone it names at its end ("10am-12pm EST"), and that zone's
    IANA name ("" for the contact's own: "local time"); None when it names none."""
    data = zonewords()
    named = [(word, name) for name, words in data["zones"].items() for word in words]
    named += [(word, "") for word in data["local"]["words"]]
    body = text.strip()
    for word, name in sorted(named, key=lambda pair: len(pair[0]), reverse=True):
        flags = 0 if word.isupper() else re.IGNORECASE
        match = re.search(rf"(?:\s+|\s*\(\s*){re.escape(word)}\s*\)?$", body, flags)
        if match and match.start() > 0:
            return body[: match.start()].rstrip(" ,"), name
    return body, None


def named_zone(text: str) -> ZoneInfo | None:
    """The zone a best time names at its end ("2-4pm ET": America/New_York), else None."""
    name = split_zone(text)[1]
    return ZoneInfo(name) if name else None


def read_window(text: str, day: date, tz: ZoneInfo, where: Where) -> tuple[Window, Notice | None]:
    """The window ``text`` names, as local times on ``day`` in ``tz``, and the warning for one
    that is read but doubtful; a UserError (naming ``where``) for one that names none.
    A window in a zone it names ("2-4pm ET") is read there and shown in ``tz``."""
    body, name = split_zone(text)
    if not name:
        return _windows(body, day, tz, where)
    window, doubt = _windows(body, day, ZoneInfo(name), where)
    shown = window.to(tz)
    if doubt is not None or window.start.utcoffset() == shown.start.utcoffset():
        return shown, doubt
    return shown, Notice(
        f"{text!r} is {name} time: {shown.start:%H:%M}-{shown.end:%H:%M} in {tz}, where the "
        "contact is",
        where,
        kind="call-window-zone",
        level="info",
    )


def _windows(text: str, day: date, tz: ZoneInfo, where: Where) -> tuple[Window, Notice | None]:
    """One window, or several ("9-12 und 14-16 Uhr"): the first, with a warning, as the sheet
    has room for one."""
    pieces = _SEVERAL.split(text.strip())
    if len(pieces) > 1:
        try:
            windows = [_one(piece, day, tz, where)[0] for piece in pieces]
        except UserError:
            pass  # not several windows ("between 9 and 11"): one, or none
        else:
            first, second = (f"{w.start:%H:%M}-{w.end:%H:%M}" for w in windows[:2])
            return windows[0], Notice(
                f"{text!r} is {_COUNTS.get(len(windows), len(windows))} windows, and the sheet "
                f"prints one: the first, {first}",
                where,
                f'write the one you will call in, e.g. {_key(where)} = "{second}"',
                kind="call-window",
            )
    return _one(text, day, tz, where)


def _one(text: str, day: date, tz: ZoneInfo, where: Where) -> tuple[Window, Notice | None]:
    """One window: a part of the day, the same hour twice, a time with one end open, or the
    clock."""
    data = dayparts()
    said = " ".join(unicodedata.normalize("NFC", text).replace("’", "'").lower().split())
    office = f"{data['office']['opens']}-{data['office']['closes']}"
    for part in data["parts"].values():
        if said in (word.lower() for word in part["words"]):
            return parse_window(part.get("window", office), day, tz, where, said=text), None
    twelve = twelve_hours(text)
    if twelve is not None:
        return parse_window(twelve, day, tz, where, said=text), Notice(
            f"{text!r} is read as {twelve}, twelve hours",
            where,
            f'write {_key(where)} = "{twelve}" if that is meant, else the window you mean',
            kind="call-window",
        )
    opened = _open_window(said, text, data, where)
    clock = opened if opened is not None else _noon(text, data["noon"]["words"])
    return parse_window(clock, day, tz, where, said=text), None


def _open_window(said: str, text: str, data: dict[str, Any], where: Where) -> str | None:
    """The window of a time with one end left to the office day ("after 2pm": 14:00-17:00,
    "bis 12 Uhr": 09:00-12:00), as the 24-hour clock writes it; None when ``said`` is not
    one; a UserError when the office day leaves no window on that side of the time."""
    opens, closes = data["office"]["opens"], data["office"]["closes"]
    for side in ("from", "until"):
        for word in sorted((w.lower() for w in data["open"][side]), key=len, reverse=True):
            if not said.startswith(word + " "):
                continue
            hm = one_time(_noon(said[len(word) + 1 :], data["noon"]["words"]))
            if hm is None:
                return None
            at = f"{hm[0]:02d}:{hm[1]:02d}"
            if side == "from" and at < closes:
                return f"{at}-{closes}"
            if side == "until" and at > opens:
                return f"{opens}-{at}"
            if side == "from":
                raise UserError(
                    f"{text!r} gives only a start, {at}, when office hours "
                    f"({opens}-{closes}) are over",
                    where=where,
                    hint=f'write the end too, e.g. {_key(where)} = "{at}-{_shift(hm, 2)}"',
                )
            raise UserError(
                f"{text!r} gives only an end, {at}, before office hours ({opens}-{closes})",
                where=where,
                hint=f'write the start too, e.g. {_key(where)} = "{_shift(hm, -2)}-{at}"',
            )
    return None


def _key(where: Where) -> str:
    """The field's name as the file writes it (``best_time``)."""
    return where.field.rsplit(".", 1)[-1] if where.field else "best_time"


def _noon(text: str, words: list[str]) -> str:
    """``text`` with noon by name ("noon", "midi", "Mittag") as 12:00, not inside a word
    ("mittags"); "l'après-midi" is a part of the day, read before."""
    names = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{names})(?!\w)", "12:00", text, flags=re.IGNORECASE)


def _shift(hm: tuple[int, int], hours: int) -> str:
    """``hm`` moved by ``hours``, on the 24-hour clock."""
    moved = datetime(2000, 1, 1, *hm) + timedelta(hours=hours)
    return f"{moved:%H:%M}"
