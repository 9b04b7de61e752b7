"""The advice rules: which channels, in which order, why, and what to do today.

One function per rule, each adding to a ``_Draft``; ``advise`` runs the process rule chosen
from ``PROCESS_RULES`` (email, post, phone), then the business-card rule, then the 24-hour rule.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from msgspec import Struct, field

from ..errors import UserError, Where
from ..letter.model import Letter
from ..notices import Notice
from .calls import CallSlot, call_slot, call_window, rules
from .calltable import CallTable, read_call_table
from .interview import Contact, Interview
from .wording import Wording, wording

CHANNELS = ("email", "letter", "call")


class Call(Struct, frozen=True):
    """Whom to call, on which number, and when."""

    name: str
    phone: str
    slot: CallSlot
    role: str = ""


class Advice(Struct, frozen=True):
    """What ``letterpress advise`` recommends."""

    recommended: tuple[str, ...]
    reasons: tuple[str, ...]
    today: tuple[str, ...]
    later: tuple[str, ...]
    now: datetime
    send_by: datetime
    email_to: tuple[Contact, ...] = ()
    email_cc: tuple[Contact, ...] = ()
    letter: Any = None  # delivery Estimate when a letter was considered
    call: Call | None = None
    language: str = "en"
    # doubtful dates in the [interview] table; a [mailing] value the estimate cannot use
    notices: tuple[Notice, ...] = ()
    # what ``letterpress call`` refuses the call's sheet with (None: it prints)
    sheet_refused: UserError | None = None


class _LetterVerdict:
    """Whether ``letterpress letter`` prints the file's letter as it stands, found out once:
    ``prepare`` (it prepares the letter as ``letter`` does, raising the UserError ``letter``
    would refuse it with; None: every letter is taken as printable) runs when a rule first
    weighs the letter, and never when none does."""

    def __init__(self, prepare: Callable[[], object] | None, file: str) -> None:
        self._prepare = prepare
        self._file = file  # the follow-up file: only its refusals are the letter's
        self._weighed = False
        self.refused: UserError | None = None  # what the letter was refused with, once weighed

    def printable(self) -> bool:
        """Whether the letter prints; weighed the first time a rule asks. A refusal of the
        file is kept in ``refused``, to be said once as a warning. A problem with anything
        else (an ``--envelope`` the layout does not have) stops the advice as it would stop
        the letter."""
        if not self._weighed:
            self._weighed = True
            self.refused = self._weigh()
        return self.refused is None

    def _weigh(self) -> UserError | None:
        if self._prepare is None:
            return None
        try:
            self._prepare()
        except UserError as exc:
            if exc.place.file != self._file:
                raise
            return exc
        return None


class _Draft(Struct):
    """The advice while the rules add to it."""

    letter: Letter
    interview: Interview
    mailing: dict[str, Any] | None
    now: datetime
    where: Where
    country: str
    w: Wording
    verdict: _LetterVerdict  # whether ``letterpress letter`` prints the letter
    subdiv: str | None = None  # the contact's state or canton (regional holidays), if known
    recommended: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    estimate: Any = None
    unknown_post: str = ""  # the sender's country, when no carrier there is known
    left_out: Notice | None = None  # a [mailing] value the estimate cannot use, as a warning
    call: Call | None = None
    call_table: CallTable = CallTable()  # what the file's [call] table fixes of the call
    sheet_refused: UserError | None = None  # what the call sheet is refused with

    def recommend(self, channel: str) -> None:
        if channel not in self.recommended:
            self.recommended.append(channel)

    def people(self) -> list[Contact]:
        """HR contact, everyone involved, then the card: each person once, by name or address."""
        seen: dict[str, Contact] = {}
        cards = [self.interview.card] if self.interview.card else []
        for person in [self.interview.hr_contact, *self.interview.involved, *cards]:
            key = (person.email or person.name).lower()
            if key and key not in seen:
                seen[key] = person
            elif key and not seen[key].phone and person.phone:
                seen[key] = Contact(
                    seen[key].name or person.name, seen[key].email, person.phone, seen[key].role
                )
        return list(seen.values())

    def recipients(self) -> tuple[list[Contact], list[Contact]]:
        """To: the HR contact (or the first person with an address); Cc: the others with one."""
        with_email = [p for p in self.people() if p.email]
        if not with_email:
            return [], []
        return with_email[:1], with_email[1:]

    def callee(self) -> Contact | None:
        """Whom to call: the card's name first (a call is welcome there), then the HR contact."""
        card = self.interview.card
        if card and card.phone and self.interview.in_person:
            return card
        hr = self.interview.hr_contact
        if hr.phone:
            return hr
        return next((p for p in self.people() if p.phone), None)

    def plan_call(self, person: Contact) -> Call:
        if self.call is None:
            self.call = self.fixed(
                person, call_slot(self.interview.when, self.now, self.country, self.subdiv)
            )
            self.recommend("call")
        return self.call

    def fixed(self, person: Contact, slot: CallSlot) -> Call:
        """The call to ``person`` in ``slot``, as far as the file's ``[call]`` table (from which
        ``--write`` makes the call sheet) does not fix another number, person, day (one not
        passed) or window: the advice names the call the sheet prints."""
        table = self.call_table
        day = table.day if table.day and table.day >= self.now.date() else slot.day
        window = table.window or (day != slot.day and call_window(day)) or (slot.start, slot.end)
        slot = CallSlot(day, *window)
        if not table.phone or table.same_number(person.phone, self.country):
            return Call(
                table.contact or display(person), person.phone, slot, table.role or person.role
            )
        recipient = self.letter.recipient
        name = table.contact or recipient.name or recipient.organization or table.phone
        return Call(name, table.phone, slot, table.role)


def _subdivision(letter: Letter, country: str) -> str | None:
    """The state or canton the contact works in, found as the call sheet finds it (so that no
    call is planned on a day the sheet then says offices are closed)."""
    from ..callsheet.closed import subdivision

    party = letter.recipient if letter.recipient.country else letter.sender
    return subdivision(party, country) if country else None


def display(person: Contact) -> str:
    return person.name or person.email or person.phone


def _email_rule(d: _Draft) -> None:
    to, cc = d.recipients()
    hr = display(d.interview.hr_contact) or d.w("channels", "email")
    if not to:
        d.reasons.append(d.w("reasons", "email_missing", hr=hr))
        person = d.callee()
        if person:
            d.plan_call(person)
        else:
            _letter_fallback(d)
        return
    _recommend_email(d, "email_process", to, cc)


def _recommend_email(d: _Draft, reason: str, to: list[Contact], cc: list[Contact]) -> None:
    """The email, to the first recipient with the others in copy, and why (``reason``)."""
    d.recommend("email")
    names = d.w.names([display(p) for p in cc])
    d.reasons.append(
        d.w(
            "reasons",
            reason,
            hr=display(to[0]),
            cc=d.w("reasons", "cc", names=names) if cc else "",
        )
    )


def _estimate(d: _Draft) -> Any:
    from ..delivery.mailing import letter_estimate

    return letter_estimate(
        d.mailing or {},
        d.letter,
        where=d.where,
        home_country=d.country,
        default_posted=d.now,
        now=d.now,
    )


def _letter_timing(d: _Draft) -> tuple[bool, dict[str, str]] | None:
    """Estimate the letter: whether it arrives on or after the decision (or after a week), and
    the days and deadline its reasons name (the latest day only when later than the expected
    one); None when no estimate can be given: no carrier letterpress knows posts from the
    sender's country and the file names none, or a ``[mailing]`` value the estimate cannot use
    (``to = "DE-XX"``; then a warning names it, as ``letter`` does)."""
    from ..delivery.mailing import NoCarrierError, left_out_notice

    try:
        d.estimate = est = _estimate(d)
    except UserError as exc:
        mailing = d.mailing or {}
        if isinstance(exc, NoCarrierError) and exc.country and not mailing.get("carrier"):
            d.unknown_post = exc.country
            return None
        if exc.place.file != d.where.file:  # a data file's place: not the letter's doing
            raise
        d.left_out = left_out_notice(exc)
        return None
    decision = d.interview.decision_by
    week = d.interview.when.date() + timedelta(days=int(rules()["late_after_days"]))
    late = est.expected >= decision if decision else est.expected > week
    deadline_key = "deadline_decision" if decision else "deadline_week"
    if late:
        deadline_key += "_late"
    latest = d.w("reasons", "latest", day=d.w.day(est.latest)) if est.latest > est.expected else ""
    return late, dict(
        posted=d.w.day(est.posted.date()),
        expected=d.w.day(est.expected),
        latest=latest,
        deadline=d.w("reasons", deadline_key, day=d.w.day(decision or week)),
    )


def _country(d: _Draft) -> str:
    """The sender's country, named in the advice's language."""
    return d.w.country(d.unknown_post)


def _letter_rule(d: _Draft) -> None:
    """Invited by post: a letter, unless it cannot be printed as it stands or would arrive on
    or after the decision (or a week); then a call or an email instead."""
    if not d.verdict.printable():
        d.reasons.append(d.w("reasons", "post_refused"))
        _instead(d, refused=True)
        return
    timing = _letter_timing(d)
    if timing is None:
        d.recommend("letter")
        key = "post_mailing_left_out" if d.left_out else "post_no_estimate"
        d.reasons.append(d.w("reasons", key, country=_country(d)))
        return
    late, days = timing
    if not late:
        d.recommend("letter")
        d.reasons.append(d.w("reasons", "post_on_time", **days))
        return
    d.reasons.append(d.w("reasons", "post_late", **days))
    _instead(d, refused=False)


def _instead(d: _Draft, *, refused: bool) -> None:
    """A call or an email instead of the letter (late, or ``refused``: it cannot be printed as
    it stands); with neither known, the late letter still, or (refused) nothing: the advice
    then says to add a contact."""
    person = d.callee()
    to, _ = d.recipients()
    if to and (_overdue(d) or _call_opens_late(d)):
        # the thanks are late already, or a call could carry them only after the 24 hours
        # (days later over a holiday): the email goes out today
        d.reasons.append(d.w("reasons", "instead_email"))
        d.recommend("email")
    elif person:
        call = d.plan_call(person)
        key = "refused_call" if refused else "instead_call"
        d.reasons.append(d.w("reasons", key, name=call.name, day=d.w.day(call.slot.day)))
    elif to:
        d.reasons.append(d.w("reasons", "instead_email"))
        d.recommend("email")
    elif not refused:
        d.reasons.append(d.w("reasons", "instead_none"))
        d.recommend("letter")


def _send_by(d: _Draft) -> datetime:
    return d.interview.when + timedelta(hours=int(rules()["send_within_hours"]))


def _overdue(d: _Draft) -> bool:
    """More than the 24 hours have passed: the thanks should go out today, by the fastest way."""
    return d.now > _send_by(d)


def _call_opens_late(d: _Draft) -> bool:
    """Whether the first call window opens only after the 24 hours have passed."""
    slot = call_slot(d.interview.when, d.now, d.country, d.subdiv)
    return datetime.combine(slot.day, slot.start) > _send_by(d)


def _goes_out_today(d: _Draft) -> bool:
    """Whether a recommended channel thanks them today: an email, a call today, a letter."""
    if "email" in d.recommended or "letter" in d.recommended:
        return True
    return d.call is not None and d.call.slot.day == d.now.date()


def _late_thanks_rule(d: _Draft) -> None:
    """Late thanks go out today: when nothing recommended does (a call on a later day), an
    email is added if an address is known."""
    if not _overdue(d) or _goes_out_today(d):
        return
    to, cc = d.recipients()
    if to:
        _recommend_email(d, "late_email", to, cc)


def _letter_fallback(d: _Draft) -> None:
    """No phone number and no email address: a letter is the way left, even a late one. (Not
    the post rule: the process did not run by post.) One that cannot be printed as it stands
    is not recommended: the advice says to fix it, or to add a contact."""
    if not d.verdict.printable():
        d.reasons.append(d.w("reasons", "letter_fallback_refused"))
        return
    timing = _letter_timing(d)
    d.recommend("letter")
    if timing is None:
        key = "letter_fallback_mailing_left_out" if d.left_out else "letter_fallback_no_estimate"
        d.reasons.append(d.w("reasons", key, country=_country(d)))
        return
    late, days = timing
    d.reasons.append(d.w("reasons", "letter_fallback_late" if late else "letter_fallback", **days))


def _phone_rule(d: _Draft) -> None:
    """A call, to the HR contact if their number is known; without any number the next-best
    channel (an email, else a letter), and how to get the call sheet."""
    hr = d.interview.hr_contact
    person = hr if hr.phone else d.callee()
    to, cc = d.recipients()
    if person is None:
        if not to:
            d.reasons.append(d.w("reasons", "phone_missing_no_email"))
            _letter_fallback(d)
            return
        _recommend_email(d, "phone_missing", to, cc)
        return
    call = d.plan_call(person)
    key = "phone_process" if to else "phone_process_no_email"
    d.reasons.append(d.w("reasons", key, name=call.name))
    if to:
        d.recommend("email")


PROCESS_RULES: dict[str, Callable[[_Draft], None]] = {
    "email": _email_rule,
    "post": _letter_rule,
    "phone": _phone_rule,
}


def _card_rule(d: _Draft) -> None:
    """A business card from someone met in person: a call is welcome."""
    card = d.interview.card
    if card is None:
        return
    name = display(card)
    if not d.interview.in_person:
        if not (d.call and card.phone and d.call.phone == card.phone):  # else: "call them" stands
            d.reasons.append(d.w("reasons", "card_remote", name=name))
        return
    if not card.phone:
        if card.email and "email" in d.recommended:
            d.reasons.append(d.w("reasons", "card_no_phone", name=name))
        return
    call = d.plan_call(card)
    if call.phone == card.phone or call.phone == d.call_table.phone:
        # the card's number, or another the file's [call] table gives (the sheet's)
        key = "card_call" if call.phone == card.phone else "call_table"
        d.reasons.append(
            d.w(
                "reasons",
                key,
                name=name if key == "card_call" else call.name,
                day=d.w.day(call.slot.day),
                start=d.w.time(call.slot.start),
                end=d.w.time(call.slot.end),
            )
        )


def _decision_rule(d: _Draft) -> None:
    """A call after a decision date still to come: the thanks would come too late that way,
    so an email goes out today as well when an address is known. (Once the decision date has
    passed, every call falls after it: "decision_passed" has said so.)"""
    decision = d.interview.decision_by
    if d.call is None or decision is None or decision < d.now.date():
        return
    if d.call.slot.day <= decision:
        return
    w = d.w
    to, cc = d.recipients()
    key = "call_after_decision"
    if to and "email" not in d.recommended:
        key = "call_after_decision_email"
        d.recommend("email")
    d.reasons.append(w("reasons", key, day=w.day(d.call.slot.day), decision=w.day(decision)))


def _deadline_reason(d: _Draft, send_by: datetime) -> str:
    """The 24-hour rule, said against what carries the thanks: an email or letter today (a call
    reaching past the 24 hours then follows them up), or the call alone (call early in its
    window, or as soon as calls are welcome); past the 24 hours, thanks today or on the call."""
    w, call = d.w, d.call
    if d.now > send_by:
        if _goes_out_today(d) or call is None:
            return w("reasons", "overdue", send_by=w.moment(send_by))
        # only a call on a later day: no "today" that the Today list would not keep
        return w("reasons", "overdue_call", send_by=w.moment(send_by), day=w.day(call.slot.day))
    if call is None or datetime.combine(call.slot.day, call.slot.end) <= send_by:
        return w("reasons", "within", send_by=w.moment(send_by))
    day = w.day(call.slot.day)
    written = [w("channels", c) for c in ("email", "letter") if c in d.recommended]
    if written:
        return w(
            "reasons",
            "call_follows_up",
            channels=w.names(written),
            send_by=w.moment(send_by),
            day=day,
        )
    start = call.slot.start
    if call.slot.day == d.now.date():
        start = max(start, d.now.time().replace(second=0, microsecond=0))
    if datetime.combine(call.slot.day, start) < send_by:
        return w(
            "reasons",
            "call_within",
            name=call.name,
            day=day,
            start=w.time(start),
            by=w.time(send_by.time()),
        )
    return w(
        "reasons",
        "call_first",
        name=call.name,
        day=day,
        start=w.time(call.slot.start),
        send_by=w.moment(send_by),
    )


def _today(d: _Draft, send_by: datetime) -> tuple[list[str], list[str]]:
    """Today's steps: the thanks that go out today first (in the order recommended), then the
    preparation for a call on a later day, which is not due within the 24 hours."""
    today: list[str] = []
    prepare: list[str] = []
    later: list[str] = []
    w = d.w
    for channel in d.recommended:
        if channel == "email":
            to, cc = d.recipients()
            names = w.names([display(p) for p in cc])
            today.append(
                w(
                    "today",
                    "email",
                    to=display(to[0]),
                    cc=w("today", "email_cc", names=names) if cc else "",
                )
            )
        elif channel == "letter" and d.estimate is None:
            today.append(w("today", "letter_no_estimate"))
        elif channel == "letter":
            est = d.estimate
            cutoff = w.time(est.cutoff)
            if est.deposit_day == d.now.date():
                today.append(w("today", "letter", cutoff=cutoff))
            else:
                today.append(
                    w("today", "letter_late", cutoff=cutoff, deposit=w.day(est.deposit_day))
                )
        elif channel == "call" and d.call is not None:
            call = d.call
            times = dict(
                name=call.name,
                phone=call.phone,
                start=w.time(call.slot.start),
                end=w.time(call.slot.end),
                day=w.day(call.slot.day),
            )
            if call.slot.day == d.now.date():
                today.append(w("today", "call", **times))
            else:
                key = "call_sheet_refused" if d.sheet_refused else "call_prepare"
                prepare.append(w("today", key, **times))
                later.append(w("later", "call", **times))
    return today + prepare, later


def _date_notices(interview: Interview, now: datetime, where: Where) -> tuple[Notice, ...]:
    """Dates that are possible but likely mistyped (often the year): a decision date before the
    interview, an interview long before now."""
    notices = []
    when = interview.when
    if interview.decision_by and interview.decision_by < when.date():
        notices.append(
            Notice(
                f"the decision date {interview.decision_by.isoformat()} is before the interview "
                f"({when.date().isoformat()})",
                where.at("interview", "decision_by"),
                "check the dates, often the year",
                kind="advice-date",
            )
        )
    days = int(rules()["old_interview_days"])
    if now - when > timedelta(days=days):
        notices.append(
            Notice(
                f"the interview ({when.date().isoformat()}) was more than {days // 30} months "
                f"before now ({now.date().isoformat()})",
                where.at("interview", "date"),
                "check the date, often the year, or --now",
                kind="advice-date",
            )
        )
    return tuple(notices)


def advise(
    letter: Letter,
    interview: Interview,
    *,
    now: datetime,
    where: Where,
    country: str,
    mailing: dict[str, Any] | None = None,
    language: str | None = None,
    prepare: Callable[[], object] | None = None,
    call_table: Any = None,
    prepare_call: Callable[[Call], object] | None = None,
) -> Advice:
    """Run the rules for one follow-up file; ``country`` is the fallback for both sides. The
    advice is worded in ``language`` (default: the letter's). ``prepare`` prepares the letter
    as ``letterpress letter`` does: a letter it refuses is not recommended, and its refusal
    becomes a warning (without it, every letter is taken as printable). ``call_table`` is the
    file's ``[call]`` table: a call is planned with the number, person, day and window it
    gives, as the call sheet ``--write`` makes prints them. ``prepare_call`` prepares that
    sheet as ``letterpress call`` does: one it refuses is not advised, and its refusal becomes
    a warning."""
    if now < interview.when:
        raise UserError(
            f"the interview ({interview.when:%Y-%m-%d %H:%M}) is after now ({now:%Y-%m-%d %H:%M})",
            where=where.at("interview", "date"),
            hint="advice is for after the interview; check the date or --now",
        )
    d = _Draft(
        letter=letter,
        interview=interview,
        mailing=mailing,
        now=now,
        where=where,
        country=letter.recipient.country or country,
        w=wording(language or letter.language, year=now.year),
        subdiv=_subdivision(letter, letter.recipient.country or country),
        verdict=_LetterVerdict(prepare, where.file),
        call_table=read_call_table(call_table, where),
    )
    w = d.w
    if not interview.time_given:
        d.reasons.append(w("reasons", "no_time"))
    if interview.decision_by and interview.decision_by < now.date():
        d.reasons.append(w("reasons", "decision_passed", day=w.day(interview.decision_by)))
    PROCESS_RULES[interview.process](d)
    _card_rule(d)
    _late_thanks_rule(d)
    _decision_rule(d)
    if not d.recommended:
        d.reasons.append(w("reasons", "no_contact"))
    if d.call is not None and "call" in d.recommended and prepare_call is not None:
        try:
            prepare_call(d.call)
        except UserError as exc:
            if exc.place.file != where.file:  # not the file's doing: stop, as call would
                raise
            d.sheet_refused = exc
    send_by = _send_by(d)
    d.reasons.append(_deadline_reason(d, send_by))
    today, later = _today(d, send_by)
    to, cc = d.recipients() if "email" in d.recommended else ([], [])
    return Advice(
        recommended=tuple(d.recommended),
        reasons=tuple(d.reasons),
        today=tuple(today),
        later=tuple(later),
        now=now,
        send_by=send_by,
        email_to=tuple(to),
        email_cc=tuple(cc),
        letter=d.estimate,
        call=d.call,
        language=w.code,
        notices=(
            *_date_notices(interview, now, where),
            *([d.call_table.doubt] if d.call_table.doubt else []),
            *([d.left_out] if d.left_out else []),
            *([_refused_notice(d.verdict.refused)] if d.verdict.refused else []),
            *([_sheet_notice(d.sheet_refused)] if d.sheet_refused else []),
        ),
        sheet_refused=d.sheet_refused,
    )


def _refused_notice(exc: UserError) -> Notice:
    """The letter's refusal as the warning ``advise`` prints: the line ``letterpress letter``
    would stop with (where, what, what to do), saying the letter cannot be printed."""
    return Notice(
        f"the letter cannot be printed as it stands: {exc.what}",
        exc.place,
        exc.hint,
        kind="advice-letter",
    )


def _sheet_notice(exc: UserError) -> Notice:
    """The call sheet's refusal as the warning ``advise`` prints: the line ``letterpress call``
    would stop with (where, what, what to do), saying the call sheet cannot be printed."""
    return Notice(
        f"the call sheet cannot be printed as it stands: {exc.what}",
        exc.place,
        exc.hint,
        kind="advice-call",
    )
