"""Checks of the environment a command runs in, before anything reads it: a ``TZ`` naming a
file that is not a time zone would crash the date library (Babel) on import."""

from __future__ import annotations

import os

from ..errors import UserError, Where


def check_tz(environ: dict[str, str] | None = None) -> None:
    """Refuse a ``TZ`` that names an existing file which is not a time zone file.

    Babel reads ``TZ`` the way the C library does (an existing path, with or without a
    leading ``:``, is read as a zone file) and fails with a traceback on any other file; a
    zone name letterpress does not know is left to the commands that need the zone."""
    value = (environ if environ is not None else os.environ).get("TZ", "")
    path = value[1:] if value.startswith(":") else value
    if not path or not os.path.exists(path):
        return
    import zoneinfo  # only when TZ names a file: most runs have no TZ to check

    try:
        with open(path, "rb") as handle:
            zoneinfo.ZoneInfo.from_file(handle)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a zone file"
        raise UserError(
            f"{value!r} is not a time zone ({reason})",
            where=Where(option="TZ"),
            hint="unset TZ, or set it to a zone name such as Europe/Berlin",
        ) from None
