"""Resolve a call file into the sheet's final texts: defaults, number formats, times, dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_time
from msgspec import Struct

from ..errors import UserError, Where
from ..language import resolve_language
from ..language.dates import long_date
from ..language.wording import FALLBACK
from ..notices import Notice
from . import voicemail as vm
from .besttime import named_zone, read_window
from .callerzone import caller_zone as find_caller_zone
from .closed import closed_because, subdivision
from .greeting import spoken_form
from .model import QA, CallFile
from .phone import Phone, parse_phone
from .timewindow import Window, file_zone, guess_zone
from .wording import available, wording


class WhenCell(Struct, frozen=True):
    """One column of the 'when' row: small label, large value, small note."""

    label: str
    value: str
    note: str = ""


class Sheet(Struct, frozen=True):
    """Every text of the sheet, resolved; fitting only arranges these."""

    where: Where  # the file (or mail-merge row) it was made from
    locale: str
    labels: dict[str, str]
    contact: str
    role_line: str
    phone: Phone
    call_on: date
    when: tuple[WhenCell, ...]
    purpose: str
    opening: str
    points: tuple[str, ...]
    questions: tuple[str, ...]
    feedback: str
    if_asked: tuple[QA, ...]
    closing: str
    voicemail: str
    voicemail_seconds: int
    reminders: tuple[str, ...]
    caller: str
    contact_zone: ZoneInfo | None = None
    caller_zone: ZoneInfo | None = None
    window: Window | None = None
    caller_window: Window | None = None
    warnings: tuple[Notice, ...] = ()
    caller_zone_from: str = ""  # what "your time" was taken from, e.g. "your stored profile"

    @property
    def voicemail_too_long(self) -> bool:
        return vm.too_long(self.voicemail_seconds)


def _zone_note(moment: datetime) -> str:
    """'Europe/Berlin · CET' (abbreviations that are only offsets are shown as UTC+hh)."""
    key = str(moment.tzinfo).replace("_", " ")
    abbr = moment.tzname() or ""
    if abbr[:1] in "+-":
        abbr = f"UTC{abbr}"
    return f"{key} · {abbr}" if abbr and abbr != key else key


def _span(window: Window, locale: Locale) -> str:
    start = format_time(window.start.time(), "short", locale=locale)
    end = format_time(window.end.time(), "short", locale=locale)
    return f"{start}\u2013{end}"


def _unknown_zone(phone: Phone, where: Where) -> UserError:
    """The error for a best time whose zone the number leaves open: the zones it may be in
    (up to four), and what to add to [call]."""
    zones = sorted(set(phone.zones))
    if 1 < len(zones) <= 4:
        return UserError(
            "cannot tell the contact's time zone from the number, which may be in "
            + ", ".join(zones[:-1])
            + f" or {zones[-1]}",
            where=where,
            hint=f'add the one they are in to [call], e.g. timezone = "{zones[0]}"',
        )
    example = "America/New_York" if "America/New_York" in zones or not zones else zones[0]
    return UserError(
        "cannot tell the contact's time zone from the number",
        where=where,
        hint=f'add timezone = "{example}" (the IANA name of where they are) to [call]',
    )


def _when(
    file: CallFile,
    phone: Phone,
    day: date,
    contact_zone: ZoneInfo | None,
    caller_zone: ZoneInfo | None,
    locale: Locale,
    labels: dict[str, str],
) -> tuple[tuple[WhenCell, ...], Window | None, Window | None, Notice | None]:
    """The sheet's time cells, the window in the contact's and the caller's zone, and the
    warning a doubtful best time is read with."""
    where = file.where.at("call", "best_time")
    call_on = WhenCell(labels["call_on"], long_date(day, locale, skeleton="yMMMEd"))
    if file.call.best_time is None:
        if contact_zone is None:
            return (call_on,), None, None, None
        noon = datetime(day.year, day.month, day.day, 12, tzinfo=contact_zone)
        return (
            (
                WhenCell(
                    labels["zone"],
                    str(contact_zone).split("/")[-1].replace("_", " "),
                    _zone_note(noon),
                ),
                call_on,
            ),
            None,
            None,
            None,
        )
    if contact_zone is None:
        raise _unknown_zone(phone, where)
    window, doubt = read_window(file.call.best_time, day, contact_zone, where)
    theirs = WhenCell(labels["their_time"], _span(window, locale), _zone_note(window.start))
    assert caller_zone is not None  # resolve finds it whenever there is a best time
    mine = window.to(caller_zone)
    if (
        mine.start.utcoffset() == window.start.utcoffset()
        and mine.end.utcoffset() == window.end.utcoffset()
    ):
        return (
            (
                WhenCell(theirs.label, theirs.value, f"{theirs.note} · {labels['same_zone']}"),
                call_on,
            ),
            window,
            mine,
            doubt,
        )
    note = _zone_note(mine.start)
    shift = mine.day_shift(day)
    if shift:
        note = f"{note} · {labels['next_day' if shift > 0 else 'previous_day']}"
    cells = (theirs, WhenCell(labels["your_time"], _span(mine, locale), note), call_on)
    return cells, window, mine, doubt


def resolve(
    file: CallFile,
    *,
    today: date,
    now: datetime | None = None,
    caller_zone: ZoneInfo | None = None,
    home_zone: Callable[[], str | None] | None = None,
) -> Sheet:
    """Fill defaults in the file's language and resolve number, zones, window and dates.

    ``now`` (aware, or naive on the caller's clock) is what a best time that ended is before.
    ``caller_zone`` is the caller's zone when the file names none; ``home_zone`` gives the
    stored profile's (asked only when needed; see :mod:`.callerzone` for the order). The
    caller's zone is looked for only when there is a best time to convert."""
    call, origin = file.call, file.where
    lang = resolve_language(file.language, where=origin.at("language"))
    code = lang.locale.language
    warnings: list[Notice] = []
    missing = wording_notice(code, file.language, origin.at("language"))
    if missing is not None:
        warnings.append(missing)
        code = FALLBACK
    locale = lang.locale if code == lang.locale.language else Locale.parse(FALLBACK)
    words = wording(code, lang.locale.territory or "")
    labels, text = words["labels"], words["defaults"]

    region = file.recipient.country or file.sender.country
    phone = parse_phone(call.phone, default_region=region, where=origin.at("call", "phone"))
    day = call.call_on or today
    # Both zone fields are checked alike, also when no best time uses them.
    zones: dict[str, ZoneInfo] = {}
    for key, name in (("timezone", call.timezone), ("caller_timezone", call.caller_timezone)):
        if name:
            zones[key], warning = file_zone(name, origin.at("call", key))
            warnings += [warning] if warning is not None else []
    # their zone: the file's, else the one best_time names ("2-4pm ET"), else the number's
    contact_zone = (
        zones.get("timezone")
        or (named_zone(call.best_time) if call.best_time else None)
        or guess_zone(phone.zones, day)
    )
    found = (
        find_caller_zone(
            in_file=zones.get("caller_timezone"),
            given=caller_zone,
            stored=home_zone or (lambda: None),
            phone=file.sender.phone,
            country=file.sender.country,
            day=day,
        )
        if call.best_time is not None
        else None
    )
    mine = found.zone if found is not None else None
    when, window, caller_window, doubt = _when(file, phone, day, contact_zone, mine, locale, labels)
    warnings += [doubt] if doubt is not None else []
    # One warning for the day: one that has passed, or comes before the interview, says so
    # before whether offices are open that day, or the best time has ended.
    on = origin.at("call", "call_on")
    party = file.recipient if file.recipient.country else file.sender
    country = party.country or ""
    gone = past_notice(call.call_on, today, on) if call.call_on is not None else None
    early = early_notice(day, call.interview_on, on) if call.interview_on is not None else None
    day_notice = (
        gone
        or early
        or closed_notice(day, country, on, subdivision(party, country) if country else None)
    )
    if day_notice is None and now is not None and caller_window is not None:
        day_notice = ended_notice(caller_window, now, on)
    if day_notice is None and call.call_at is not None:
        day_notice = time_notice(day, call.call_at, on)
    warnings += [day_notice] if day_notice is not None else []

    contact = call.contact or file.recipient.name or file.recipient.organization
    role = call.role if call.role is not None else file.recipient.department
    organization = (
        call.organization
        if call.organization is not None
        else (file.recipient.organization if contact != file.recipient.organization else "")
    )
    # "_vowel": the wording before a job title that starts with a vowel (French "d'Analyste")
    vowel = call.position[:1].lower() in "aeiouyhàâäéèêëîïôöûüù" if call.position else False
    interview = text["interview"].format(
        date=text["interview_date"].format(date=lang_date(call.interview_on, locale))
        if call.interview_on
        else "",
        position=text["interview_position_vowel" if vowel else "interview_position"].format(
            position=call.position
        )
        if call.position
        else "",
    )
    address = spoken_form(
        contact, words["address"], file.letter_opening if contact == file.recipient.name else None
    )
    values = {
        "contact": contact,
        "address": address,
        "caller": file.sender.name,
        "interview": interview,
    }

    def default(key: str, given: str | None) -> str:
        return given if given is not None else text[key].format(**values)

    points = call.points
    if points is None:
        clarified = (
            text["clarified"].format(clarified=call.clarified)
            if call.clarified
            else text["clarified_general"]
        )
        points = (clarified, text["interest"])
    callback = ""
    if file.sender.phone:
        try:
            own = parse_phone(
                file.sender.phone,
                default_region=file.sender.country,
                where=origin.at("sender", "phone"),
            ).international
        except UserError:
            own = file.sender.phone
        # the number kept on one line, to be read out in one go
        callback = text["callback"].format(phone=own.replace(" ", "\u00a0"))
    if call.opening and not _names(call.opening, contact):
        warnings.append(
            Notice(
                "the opening does not use the contact's name",
                origin.at("call", "opening"),
                "greeting them by name sounds warmer",
                kind="call-nameless",
            )
        )
    voicemail = (
        call.voicemail
        if call.voicemail is not None
        else text["voicemail"].format(callback=callback, **values)
    )
    seconds = vm.spoken_seconds(voicemail)
    long_voicemail = voicemail_notice(seconds, origin.at("call", "voicemail"))
    warnings += [long_voicemail] if long_voicemail is not None else []
    return Sheet(
        where=origin,
        locale=str(locale),
        labels=labels,
        contact=contact,
        role_line="  ·  ".join(p for p in (role, organization) if p),
        phone=phone,
        call_on=day,
        when=when,
        purpose=default("purpose", call.purpose),
        opening=default("opening", call.opening),
        points=points,
        questions=call.questions if call.questions is not None else tuple(text["questions"]),
        feedback=default("feedback", call.feedback),
        if_asked=call.if_asked
        if call.if_asked is not None
        else tuple(QA(item["question"], item["answer"]) for item in text["if_asked"]),
        closing=default("closing", call.closing),
        voicemail=voicemail,
        voicemail_seconds=seconds,
        reminders=tuple(words["reminders"]["items"]),
        caller=file.sender.name,
        contact_zone=contact_zone,
        caller_zone=mine,
        window=window,
        caller_window=caller_window,
        warnings=tuple(warnings),
        caller_zone_from=found.source if found is not None else "",
    )


def _names(text: str, contact: str) -> bool:
    """Whether ``text`` contains the contact's surname (or, for one word, the whole name)."""
    words = [w for w in contact.replace(",", " ").split() if len(w) > 1]
    return not words or words[-1].casefold() in text.casefold()


def lang_date(day: date | None, locale: Locale) -> str:
    """A date written out in the sheet's language ('24 November 2026')."""
    if day is None:
        return ""
    return long_date(day, locale)


def wording_notice(code: str, tag: str, where: Where) -> Notice | None:
    """The warning that the language ``code`` (of the file's ``tag``) has no call-sheet
    wording, so the sheet is in English; None when it has one."""
    if code in available():
        return None
    return Notice(
        f"no call-sheet wording for {tag!r}",
        where,
        "labels and defaults are in English",
        kind="call-wording",
    )


def past_notice(day: date, today: date, where: Where) -> Notice | None:
    """The warning that the call's ``day`` is before ``today``, so the sheet is for a day
    that has gone; None for today or later."""
    if day >= today:
        return None
    return Notice(
        f"{day.isoformat()} has passed (today is {today.isoformat()})",
        where,
        "write the day you will call as call_on, or leave call_on out for today",
        kind="call-past",
    )


def early_notice(day: date, interview_on: date, where: Where) -> Notice | None:
    """The warning that the call's ``day`` comes before the interview it follows up (a
    mistyped date), or None."""
    if day >= interview_on:
        return None
    return Notice(
        f"{day.isoformat()} is before the interview on {interview_on.isoformat()}",
        where,
        "check both dates: the call follows the interview up",
        kind="call-early",
    )


def time_notice(day: date, at: time, where: Where) -> Notice:
    """The warning that call_on was written with a time of day ``at``, which the sheet does
    not print: the time to call is ``best_time``."""
    return Notice(
        f"{day.isoformat()}T{at:%H:%M} has a time of day, which the sheet does not use",
        where,
        f'write call_on = {day.isoformat()}, and the time as best_time = "HH:MM-HH:MM" '
        "(their local time)",
        kind="call-time",
    )


def ended_notice(window: Window, now: datetime, where: Where) -> Notice | None:
    """The warning that the best time, in the caller's zone, ended before ``now`` (aware, or
    naive on the caller's clock), so the sheet is for a window that has gone; else None."""
    moment = now.astimezone(window.zone) if now.tzinfo else now.replace(tzinfo=window.zone)
    if window.end > moment:
        return None
    end = window.end
    return Notice(
        f"the best time ended at {end:%H:%M} your time ({window.zone.key}) on "
        f"{end.date().isoformat()}, before now ({moment:%Y-%m-%d %H:%M})",
        where,
        "write the day you will call as call_on",
        kind="call-past",
    )


def closed_notice(
    day: date, country: str, where: Where, subdiv: str | None = None
) -> Notice | None:
    """The warning that offices in ``country`` (its ``subdiv``, if known) are closed on the
    call's ``day``, or None."""
    closed = closed_because(day, country, subdiv)
    if not closed:
        return None
    return Notice(
        f"{day.isoformat()} is {closed}, when offices are closed",
        where,
        "give a working day as call_on",
        kind="call-closed",
    )


def voicemail_notice(seconds: int, where: Where) -> Notice | None:
    """The warning that a voicemail of ``seconds`` when spoken runs too long, or None."""
    if not vm.too_long(seconds):
        return None
    return Notice(
        f"the voicemail runs about {seconds} s when spoken (over {vm.LIMIT_SECONDS} s)",
        where,
        "shorten it",
        kind="call-voicemail",
    )
