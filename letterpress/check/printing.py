"""What ``letterpress letter`` (``letterpress call`` for a call file; ``letterpress advise`` too
for a follow-up file) says of a file before it prints: the error it refuses the file with, or
its warnings. Their own checks run, short of drawing, so that the check and the command that
prints cannot disagree."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from msgspec import Struct

from ..errors import UserError
from ..notices import Notice
from ..source import Source
from .findings import Finding

if TYPE_CHECKING:
    from ..advice import FollowUp
    from ..delivery.model import Estimate
    from ..letter.resolve import Prepared


Command = Literal["check", "letter", "call", "advise"]  # whose lines printing() gathers


class Printing(Struct, frozen=True):
    """The refusal (None when the file prints) and the warnings printing it would give."""

    refused: UserError | None = None
    warnings: tuple[Notice, ...] = ()

    def without(self, fields: Iterable[str]) -> Printing:
        """Without what is said of ``fields`` (those that still hold a placeholder: the
        placeholder's finding already says to fill them in)."""
        skip = set(fields)
        refused = self.refused
        if refused is not None and refused.place.field in skip:
            refused = None
        return Printing(refused, tuple(n for n in self.warnings if n.where.field not in skip))

    def fields(self) -> set[str]:
        """The fields a warning or the refusal speaks of."""
        said = {n.where.field for n in self.warnings}
        return said | ({self.refused.place.field} if self.refused is not None else set())

    def findings(self) -> list[Finding]:
        """The warnings, then the refusal, as findings of kind ``warning`` and ``refused``:
        the field, what is wrong (``phrase``) and what to do (``alternative``)."""
        said = [Finding("warning", n.where.field, n.what, n.hint) for n in self.warnings]
        if self.refused is not None:
            exc = self.refused
            said.append(Finding("refused", exc.place.field, exc.what, exc.hint))
        return said


def one_line(findings: list[Finding], said: Printing) -> tuple[list[Finding], Printing]:
    """A number in a field letter warns about or refuses is one mistake, one line: a phone
    number's is the number's (phone = +4930123456 lost its +: quote it), any other's is
    letter's, which says what the field takes (date = 5, mailing.posted = 5), and so is a
    number inside a table written where one value belongs (mailing.from = {a = 1}: "a table is
    not a country"). The findings and what letter says, each without the other's line for
    such a field."""
    numbers = {f.field for f in findings if f.kind == "number"}
    said = said.without(f for f in numbers if f.rsplit(".", 1)[-1] == "phone")
    spoken = said.fields()
    return [f for f in findings if f.kind != "number" or not _within(f.field, spoken)], said


def _within(field: str, spoken: set[str]) -> bool:
    """Whether ``field`` is one of ``spoken`` or lies inside one (``mailing.from.a`` inside
    ``mailing.from``, ``call.points[2]`` inside ``call.points``)."""
    while field:
        if field in spoken:
            return True
        cut = max(field.rfind("."), field.rfind("["))
        field = field[:cut] if cut > 0 else ""
    return False


def printing(source: Source, now: datetime, *, command: Command = "check") -> Printing:
    """Prepare the file as ``letterpress letter`` does (with its ``[mailing]`` estimate) and,
    with an ``[interview]`` table, read it as ``letterpress advise`` does; or as ``letterpress
    call`` does for a call file (a ``[call]`` table, no subject or body). A letter file's
    ``[call]`` table is prepared as ``call`` prepares it too (a follow-up file's as ``advise
    --write`` does, its gaps filled from the advice). ``command``: what one command says,
    ``letter`` (the letter alone) or ``call`` (the sheet alone); ``check`` and ``advise`` say
    it all. ``now``: when a letter dated today counts as posted."""
    said: list[Notice] = []
    call_file = "call" in source.data and not source.data.keys() & {"subject", "body"}
    try:
        if command == "call" or (call_file and command != "letter"):
            from ..callsheet.render import prepare_call_sheet

            sheet = prepare_call_sheet(source)
            return Printing(warnings=_warnings(sheet.sheet.warnings))
        from ..letter import prepare_letter

        lettered = letter_file(source, now, prepare_letter)
        if command == "letter" or lettered.refused is not None:
            return lettered.printing()
        said += lettered.notices()
        follow = None
        if "interview" in source.data:  # a follow-up file: advise reads it as well
            from ..advice import load_followup

            follow = load_followup(source)
            said += follow.notices
        if "call" in source.data:
            said += _call_sheet(source, follow, now)
    except UserError as exc:
        return Printing(refused=exc, warnings=_warnings(dict.fromkeys(said)))
    return Printing(warnings=_warnings(dict.fromkeys(said)))


class Lettered(Struct, frozen=True):
    """A letter file as ``letterpress letter`` prepares it: the letter (None when it is refused
    before it is prepared), its ``[mailing]`` estimate (None without one) and the warning when
    none can be given, and what the file is refused with (None when it prints)."""

    prep: Prepared | None = None
    estimate: Estimate | None = None
    no_estimate: tuple[Notice, ...] = ()
    refused: UserError | None = None

    def notices(self) -> tuple[Notice, ...]:
        """The letter's notices, then the estimate's."""
        return (*(self.prep.notices if self.prep is not None else ()), *self.no_estimate)

    def printing(self) -> Printing:
        """What ``letterpress letter`` says of the file: its refusal and its warnings."""
        return Printing(self.refused, _warnings(dict.fromkeys(self.notices())))

    def letter(self) -> Prepared:
        """The prepared letter; the refusal is raised when the letter could not be prepared."""
        if self.prep is None:
            assert self.refused is not None  # a letter not prepared is a letter refused
            raise self.refused
        return self.prep


def letter_file(source: Source, now: datetime, prepare: Callable[[Source], Prepared]) -> Lettered:
    """The file prepared as ``letterpress letter`` prepares it (``prepare``: ``prepare_letter``
    with the command's options), with its ``[mailing]`` estimate (``now``: when a letter dated
    today counts as posted). What refuses it is kept, not raised: the letter's refusal, or the
    estimate's (then with the letter)."""
    try:
        prep = prepare(source)
    except UserError as exc:
        return Lettered(refused=exc)
    if "mailing" not in prep.letter.extra:  # the holiday calendars load only for [mailing]
        return Lettered(prep)
    from ..delivery.mailing import mailing_estimate

    try:
        estimate, no_estimate = mailing_estimate(source, prep, now)
    except UserError as exc:
        return Lettered(prep, refused=exc)
    return Lettered(prep, estimate, no_estimate)


def _call_sheet(source: Source, follow: FollowUp | None, now: datetime) -> tuple[Notice, ...]:
    """The warnings of the call sheet the file's ``[call]`` table makes, or the UserError it
    is refused with: for a follow-up file, the sheet of the call ``advise`` plans (as after
    the interview, for a check before it), as ``--write`` makes it; else as ``call`` does."""
    from ..callsheet.render import prepare_call_sheet

    if follow is not None:
        from ..advice import advise_file
        from ..advice.artefacts import prepare_followup_call

        advice = advise_file(follow, max(now, follow.interview.when))
        if advice.sheet_refused is not None:
            raise advice.sheet_refused
        if advice.call is not None and "call" in advice.recommended:
            # the sheet's "has passed" is said against today, as advise --write says it
            return prepare_followup_call(follow, advice.call, now).sheet.warnings
    return prepare_call_sheet(source, now=now).sheet.warnings


def _warnings(notices: Iterable[Notice]) -> tuple[Notice, ...]:
    return tuple(n for n in notices if n.level == "warning")
