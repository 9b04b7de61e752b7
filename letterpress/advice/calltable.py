"""What the file's own ``[call]`` table fixes of the call the advice plans: the number, the
person, the day and the window. ``--write`` makes the call sheet from that table, so the advice
names the same call; a value the sheet cannot read is left to the sheet, which refuses it."""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from msgspec import Struct

from ..errors import UserError, Where
from ..notices import Notice


class CallTable(Struct, frozen=True):
    """The ``[call]`` values the advice follows (empty: not given, or not readable)."""

    phone: str = ""
    contact: str = ""
    role: str = ""
    day: date | None = None
    window: tuple[time, time] | None = None
    doubt: Notice | None = None  # the warning the sheet reads its best_time with

    def same_number(self, phone: str, region: str) -> bool:
        """Whether ``phone`` is the table's number, however each is written."""
        from ..callsheet.phone import parse_phone

        try:
            mine = parse_phone(self.phone, default_region=region)
            theirs = parse_phone(phone, default_region=region)
        except UserError:
            return False
        return mine.e164 == theirs.e164


def _text(table: dict[str, Any], key: str) -> str:
    value = table.get(key)
    return value.strip() if isinstance(value, str) else ""


def read_call_table(table: Any, where: Where) -> CallTable:
    """The file's ``[call]`` table (``None`` or anything else: nothing fixed)."""
    from ..callsheet.besttime import named_zone, read_window
    from ..callsheet.timewindow import file_zone
    from ..fields import parse_day

    if not isinstance(table, dict):
        return CallTable()
    day = None
    if table.get("call_on") is not None:
        try:
            day = parse_day(table["call_on"], where.at("call", "call_on"))
        except UserError:
            pass
    window, doubt = None, None
    best = _text(table, "best_time")
    if best:
        try:  # their clock times, read as the sheet reads them, in the zone it takes as theirs
            zone = _text(table, "timezone")
            theirs = file_zone(zone, where.at("call", "timezone"))[0] if zone else None
            span, doubt = read_window(
                best,
                day or date.today(),
                theirs or named_zone(best) or ZoneInfo("UTC"),
                where.at("call", "best_time"),
            )
            window = (span.start.time(), span.end.time())
        except UserError:
            pass
    return CallTable(
        phone=_text(table, "phone"),
        contact=_text(table, "contact"),
        role=_text(table, "role"),
        day=day,
        window=window,
        doubt=doubt,
    )
