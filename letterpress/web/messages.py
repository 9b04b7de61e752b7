"""What the engine says (errors, notices, check findings), as the CLI's one line, placed at the
form field it concerns."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec.structs import replace

from ..errors import UserError, Where

if TYPE_CHECKING:
    from ..check.findings import Finding
    from ..notices import Notice

PAGE = ""  # the slot of messages that concern no single field
CARRIERS = "`letterpress carriers`"  # the terminal's list of carriers (a hint's words)
STORE_ME = " with letterpress init --me"  # the terminal's way to store your details (a hint's)
FILL_IN = "fill in this box"  # what to do about a field left empty, said beside it
MORE = "more"  # the box holding, as TOML, what the form has no field for (formdata.MORE)


class Message(Struct, frozen=True):
    """One line as the CLI prints it (without ``letterpress: level:``), and where it goes."""

    level: str  # "error", "warning" or "info"
    text: str
    slot: str = PAGE


def slot_for(place: Where, slots: Collection[str]) -> str:
    """The form field a place concerns: its field path (or option) without list indexes,
    else the nearest enclosing field the form has, else the page."""
    path = (place.field or place.option.lstrip("-").replace("-", "_")).split("[")[0]
    while path:
        if path in slots:
            return path
        path = path.rpartition(".")[0]
    return PAGE


def in_more(place: Where, slots: Collection[str], box: str) -> Where | None:
    """``place`` as the page names it when it is in the box of the file's other settings
    (``box``: that box's label; '' on a page without one): the box itself, or a key the form
    has no field for, which only that box can hold (``mailing.carrier in the “More…” box``).
    None for a place at one of the form's own fields or tables, or at none."""
    path = place.field.split("[")[0]
    if not box or not path or place.row is not None or MORE not in slots:
        return None
    if path != MORE and (slot_for(place, slots) or _in_table(path, slots)):
        return None
    shown = box_name(box) if path == MORE else f"{place.field} in {box_name(box)}"
    return Where(option=shown)


def _in_table(path: str, slots: Collection[str]) -> bool:
    """Whether ``path`` is a table the form has fields in (``recipient``, ``interview.card``)."""
    return any(slot.startswith(path + ".") for slot in slots)


def shown(exc: UserError, names: Mapping[str, str] | None = None) -> str:
    """The error's line, with the page's private file paths shown as the user's file names
    (where the line names the place, and in its text)."""
    file = exc.place.file
    if names and file in names:
        exc = UserError(exc.what, where=replace(exc.place, file=names[file]), hint=exc.hint)
    return named(exc.line(), names)


def named(line: str, names: Mapping[str, str] | None) -> str:
    """``line`` with each of the page's private file paths as the user's file name."""
    for path, name in (names or {}).items():
        line = line.replace(path, name)
    return line


def in_page_terms(
    line: str, boxes: Mapping[str, str], choices: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    """``line`` with the command line's options said as the page's controls (``boxes``: option
    -> the control's label): ``--sheet 'People'`` as ``'People' in the “Worksheet” box``,
    ``--kind letter`` as ``“a letter” in the “Per row” box`` (``choices``: a choice as the
    control shows it), any other mention as ``the “Row” box``."""
    for option, label in boxes.items():
        box = box_name(label)
        shown = (choices or {}).get(option, {})
        value = "|".join(["'[^']*'", *(rf"{re.escape(key)}\b" for key in shown)])
        one = rf"{re.escape(option)} ({value})"
        line = re.sub(rf"{one}(?:, {one})*", partial(_in_box, one, shown, box), line)
        line = re.sub(rf"{re.escape(option)}(?![\w-])", box, line)  # --to, not --to-postcode
    return line


def carriers_named(line: str, choice: str) -> str:
    """``line`` with the terminal's list of carriers (``see `letterpress carriers```) said as
    the page's own carrier choice, ``choice`` (``the “Carrier” box``)."""
    line = line.replace(f"one of {CARRIERS}", f"one of the carriers in {choice}")
    return line.replace(CARRIERS, choice)


def stored_here(line: str, page: str, legend: str, button: str) -> str:
    """``line`` with the terminal's way to store your details (``store yours once with
    letterpress init --me``) said as the page's: fill in ``legend`` on the Letter page
    (``page``) and press its ``button`` (“Remember my details”), which stores the same."""
    return line.replace(STORE_ME, f": fill in “{legend}” on the “{page}” page and press “{button}”")


def detect_named(line: str, detect: str) -> str:
    """``line`` with the delimiter left out said as the delimiter box's choice ``detect``
    (“Detect”): ``choose “Detect” or --delimiter semicolon``, for ``in_page_terms``."""
    choose = f"choose “{detect}”"
    line = line.replace("leave out --delimiter or use --delimiter ", f"{choose} or --delimiter ")
    return line.replace("leave out --delimiter", f"{choose} in --delimiter")


def box_name(label: str) -> str:
    """A control of the page, named by its label: ``the “Worksheet” box``."""
    return f"the “{label}” box"


def at_box(exc: UserError, labels: Mapping[str, str]) -> UserError:
    """``exc`` at one of the page's own controls (``labels``: its field -> its label), that
    control named by its label (``the “Row” box``) instead of the field's name (``row``)."""
    field = exc.place.field
    if field not in labels:
        return exc
    place = replace(exc.place, field="", option=box_name(labels[field]))
    return type(exc)(exc.what, where=place, hint=exc.hint)


def again(exc: UserError, button: str) -> UserError:
    """A run in which nothing could be made, with what to do on the page: correct the files
    and press ``button`` again (not the command line's "run again")."""
    hint = f"fix the problems above in the files, choose them again and press “{button}”"
    return type(exc)(exc.what, where=exc.place, hint=hint)


def _in_box(one: str, shown: Mapping[str, str], box: str, match: re.Match[str]) -> str:
    """``--sheet 'A', --sheet 'B'`` as ``'A' or 'B' in the “Worksheet” box``."""
    found = re.findall(one, match.group(0))
    return " or ".join(f"“{shown[v]}”" if v in shown else v for v in found) + f" in {box}"


def from_lines(lines: Iterable[str], names: Mapping[str, str] | None = None) -> list[Message]:
    """The lines a run printed ("letterpress: error: ..."), as page messages."""
    out = []
    for line in lines:
        level, _, text = line.removeprefix("letterpress: ").partition(": ")
        if level in ("error", "warning", "info"):
            out.append(Message(level, named(text, names)))
    return out


def from_error(
    exc: UserError,
    slots: Collection[str],
    names: Mapping[str, str] | None = None,
    more: str = "",
) -> Message:
    """A refused input: the error line at its field (``more``: the label of the box of the
    file's other settings, where a key the form has no field for is named)."""
    place = in_more(exc.place, slots, more)
    if place is not None:
        return Message("error", UserError(exc.what, where=place, hint=exc.hint).line(), MORE)
    slot = slot_for(exc.place, slots)
    if slot not in (PAGE, MORE) and exc.what == "missing field" and " = " in exc.hint:
        exc = UserError(exc.what, where=exc.place, hint=FILL_IN)  # not the file's `key = ...`
    elif slot not in (PAGE, MORE) and written_here(exc.hint, exc.place.field) != exc.hint:
        exc = UserError(exc.what, where=exc.place, hint=written_here(exc.hint, exc.place.field))
    elif more and free_form(exc.hint, more) != exc.hint:
        exc = UserError(exc.what, where=exc.place, hint=free_form(exc.hint, more))
    return Message("error", shown(exc, names), slot)


def written_here(hint: str, field: str) -> str:
    """``hint`` as said under the box of ``field``: what the file would write as TOML there
    (``write timezone = "Europe/Berlin"``, ``e.g. timezone = "Europe/Berlin"``) as what to
    write in this box (``write Europe/Berlin in this box``, ``e.g. Europe/Berlin``), and the
    field named as the place to write (``write the day as call_on``, ``leave call_on out``)
    as this box (``write the day in this box``, ``leave this box empty``)."""
    key = re.escape(field.rpartition(".")[2].split("[")[0])
    if not key:
        return hint
    hint = re.sub(rf'\bwrite {key} = (?:"([^"]*)"|([^\s,;"]+))', r"write \1\2 in this box", hint)
    hint = re.sub(rf'\be\.g\. {key} = (?:"([^"]*)"|([^\s,;"]+))', r"e.g. \1\2", hint)
    hint = re.sub(rf"\bleave {key} out\b", "leave this box empty", hint)
    return re.sub(rf"\bas {key}\b(?! =)", "in this box", hint)


def free_form(hint: str, more: str) -> str:
    """``hint`` with its advice to give ``address_lines`` or set ``return_line`` (which the
    form has no field for) said where they are written: in the box of the file's other
    settings, ``more``."""
    from ..letter.address import FREE_FORM

    hint = hint.replace(FREE_FORM, FREE_FORM.replace(" for ", f" in {box_name(more)} for "))
    return f"{hint}, in {box_name(more)}" if hint.startswith("set return_line = ") else hint


def from_notices(
    notices: Iterable[Notice], slots: Collection[str], more: str = ""
) -> list[Message]:
    """Doubtful but deliverable: each notice at its field (``more`` as for ``from_error``)."""
    out = []
    for notice in notices:
        place = in_more(notice.where, slots, more)
        if more:
            notice = replace(notice, hint=free_form(notice.hint, more))
        slot = slot_for(notice.where, slots)
        if place is None and slot not in (PAGE, MORE):
            notice = replace(notice, hint=written_here(notice.hint, notice.where.field))
        if place is None:
            out.append(Message(notice.level, notice.line(), slot))
        else:
            out.append(Message(notice.level, replace(notice, where=place).line(), MORE))
    return out


def from_findings(
    findings: Iterable[Finding], origin: str, slots: Collection[str], more: str = ""
) -> list[Message]:
    """Tone and leftovers: each finding beside its text, as ``letter`` prints it (one in
    the box of the file's other settings, ``more``, under that box, naming it)."""
    out = []
    for f in findings:
        place = Where(field=f.field)
        inside = in_more(place, slots, more)
        if inside is None:
            out.append(Message("warning", f.describe(origin), slot_for(place, slots)))
        else:
            line = f.describe(origin).removeprefix(f"{origin}: {f.where()}")
            out.append(Message("warning", f"{f.where()} in {box_name(more)}{line}", MORE))
    return out


def by_slot(messages: Iterable[Message]) -> dict[str, list[Message]]:
    """The messages grouped by the field they belong to (``""``: the page)."""
    out: dict[str, list[Message]] = {}
    for message in messages:
        out.setdefault(message.slot, []).append(message)
    return out
