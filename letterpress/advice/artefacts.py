"""``advise --write DIR``: the recommended letter PDF, call sheet PDF and email draft."""

from __future__ import annotations

from datetime import date, datetime
from email import policy
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from msgspec.structs import replace

from ..notices import Notice, enforce
from ..output import check_target, make_folder, move_into_place, write_temporary
from ..source import Source
from .decide import Advice, Call
from .emaildraft import build_email, email_table
from .followup import FollowUp

if TYPE_CHECKING:
    from ..callsheet.render import PreparedSheet
    from ..letter.resolve import Prepared


def _call_source(follow: FollowUp, call: Call) -> Source:
    """The file with a ``[call]`` table filled in from the advised ``call`` where the file
    leaves gaps."""
    data = dict(follow.source.data)
    table: dict[str, Any] = dict(data.get("call") or {})
    table.setdefault("phone", call.phone)
    table.setdefault("contact", call.name)
    recipient = follow.letter.recipient.name
    if call.role or not (recipient and recipient.endswith(call.name.split()[-1])):
        table.setdefault("role", call.role)  # not the recipient: not their department either
    table.setdefault("call_on", call.slot.day)
    table.setdefault("best_time", f"{call.slot.start:%H:%M}-{call.slot.end:%H:%M}")
    data["call"] = table
    return replace(follow.source, data=data)


def prepare_followup_call(follow: FollowUp, call: Call, now: datetime) -> PreparedSheet:
    """The call sheet for the advised ``call``, prepared as ``--write`` makes it (the file's
    ``[call]`` table, its gaps filled from the advice): every check that can refuse it runs
    here, as a UserError."""
    from ..callsheet.render import prepare_call_sheet

    return prepare_call_sheet(_call_source(follow, call), now=now)


def prepare_followup_letter(follow: FollowUp, today: date, envelope: str | None) -> Prepared:
    """The letter prepared as ``letterpress letter`` prepares it (dated ``today`` unless the
    file dates it): every check that can refuse it runs here, as a UserError."""
    from ..letter import prepare_letter

    when = None if follow.letter.date else today
    return prepare_letter(follow.source, when=when, envelope=envelope)


def sender_zone(follow: FollowUp, day: date) -> ZoneInfo:
    """The sender's time zone, found as the call sheet finds "your time": the file's
    ``call.caller_timezone``, ``$LETTERPRESS_TZ``, the stored profile, the sender's phone number
    or country, this computer's setting."""
    from ..callsheet.callerzone import caller_zone
    from ..callsheet.timewindow import file_zone
    from ..profile import stored_profile, stored_zone

    table = follow.source.data.get("call")
    name = table.get("caller_timezone") if isinstance(table, dict) else None
    in_file = (
        file_zone(name, follow.source.where.at("call", "caller_timezone"))[0]
        if isinstance(name, str) and name.strip()
        else None
    )
    sender = follow.letter.sender
    return caller_zone(
        in_file=in_file,
        given=None,
        stored=lambda: stored_zone(stored_profile()),
        phone=sender.phone,
        country=sender.country,
        day=day,
    ).zone


def write_artefacts(
    follow: FollowUp,
    advice: Advice,
    folder: Path,
    *,
    envelope: str | None = None,
    strict: bool = False,
) -> tuple[list[Path], tuple[Notice, ...]]:
    """Write what the advice recommends into ``folder`` (created if missing): the paths
    written, and the letter's and the call sheet's warnings (under ``strict`` the first one
    stops it, unwritten).
    ``envelope`` picks one of the letter's layout's envelopes.

    All or nothing: every file is made first (a bad address or subject stops the run before
    anything is written), then each is written under a temporary name, and only when all are
    complete are they renamed into place."""
    made, notices = _make(follow, advice, envelope=envelope, strict=strict)
    if not made:  # nothing recommended (a letter that cannot be printed): no empty folder
        return [], notices
    make_folder(folder)
    targets = [check_target(folder / name) for name, _ in made]
    staged: list[Path] = []
    try:
        for target, (_, data) in zip(targets, made):
            staged.append(write_temporary(target.parent, target.name, data))
    except BaseException:
        for tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in zip(staged, targets):
        move_into_place(tmp, target)
    return [folder / name for name, _ in made], notices


def _make(
    follow: FollowUp, advice: Advice, *, envelope: str | None, strict: bool
) -> tuple[list[tuple[str, bytes]], tuple[Notice, ...]]:
    """The recommended files as (name, bytes), nothing written; and the warnings of the
    letter and the call sheet, as ``letter`` and ``call`` would print them."""
    stem = f"{follow.stem}-" if follow.stem else ""  # from standard input: letter.pdf
    made: list[tuple[str, bytes]] = []
    notices: tuple[Notice, ...] = ()
    if "letter" in advice.recommended:
        from ..letter import build_letter

        prep = prepare_followup_letter(follow, advice.now.date(), envelope)
        enforce(prep.notices, strict=strict)
        notices = prep.notices
        pdf, _ = build_letter(prep)
        made.append((f"{stem}letter.pdf", pdf))
    if "call" in advice.recommended and advice.call is not None and advice.sheet_refused is None:
        from ..callsheet import render_call_sheet

        sheet = render_call_sheet(_call_source(follow, advice.call), None, now=advice.now)
        enforce(sheet.warnings, strict=strict)
        notices += sheet.warnings
        made.append((f"{stem}call-sheet.pdf", sheet.pdf))
    if "email" in advice.recommended and advice.email_to:
        overrides = email_table(follow.source.data.get("email"), follow.source.where)
        msg = build_email(
            follow.letter,
            advice.email_to,
            advice.email_cc,
            now=advice.now,
            where=follow.source.where,
            overrides=overrides,
            zone=sender_zone(follow, advice.now.date()),
        )
        made.append((f"{stem}email.eml", msg.as_bytes(policy=policy.SMTP)))
    return made, tuple(dict.fromkeys(notices))  # a warning both would give: said once
