"""What the file's own ``[call]`` table fixes of the call the advice plans: the number, the
person, the day and the window. ``--write`` makes the call sheet from that table, so the advice
names the same call; a value the sheet cannot read is left to the sheet, which refuses it."""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from msgspec import Struct

from ..errors import UserError, Where


class CallTable(Struct, frozen=True):
    """The ``[call]`` values the advice follows (empty: not given, or not readable)."""

    phone: str = ""
    contact: str = ""
    role: str = ""
    day: date | None = None
    window: tuple[time, time] | None = None

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
    from ..callsheet.timewindow import parse_window
    from ..fields import parse_day

    if not isinstance(table, dict):
        return CallTable()
    day = None
    if table.get("call_on") is not None:
        try:
            day = parse_day(table["call_on"], where.at("call", "call_on"))
        except UserError:
            pass
    window = None
    best = _text(table, "best_time")
    if best:
        try:
            span = parse_window(best, day or date.today(), ZoneInfo("UTC"), Where())  # clock times
            window = (span.start.time(), span.end.time())
        except UserError:
            pass
    return CallTable(
        phone=_text(table, "phone"),
        contact=_text(table, "contact"),
        role=_text(table, "role"),
        day=day,
        window=window,
    )
