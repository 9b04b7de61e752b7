"""The Follow-up page: ``advise``'s interview questions, the recommendation with its reasons
and dates, and one click for each recommended artefact (letter PDF, call sheet PDF, e-mail
draft), made by ``advice.artefacts`` as ``advise --write`` makes them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from flask import Blueprint, g, render_template, request
from msgspec.structs import replace

from ..errors import UserError, Where
from . import common, formdata, messages, uploads
from .messages import Message

bp = Blueprint("followup", __name__)
FILE = "follow-up.toml"
SLOTS = (*formdata.FOLLOWUP, formdata.MORE, "now", "import")
ARTEFACTS = {
    "letter": ("-letter.pdf", "application/pdf"),
    "call": ("-call-sheet.pdf", "application/pdf"),
    "email": ("-email.eml", "message/rfc822"),
}
_NAMED = {"letter": "a letter", "call": "a call", "email": "an email"}


def _now(text: str) -> datetime:
    """The "as of" field, else the clock (to the minute)."""
    from ..fields import parse_moment

    if not text.strip():
        return datetime.now().replace(second=0, microsecond=0)
    return parse_moment(text.strip(), Where(field="now"))[0]


def _advise(form: dict[str, str]) -> tuple[Any, Any, datetime]:
    """The follow-up file and its advice, as ``letterpress advise`` gives them."""
    from ..advice import advise_file, load_followup
    from ..source import Source

    data = formdata.letter_file(form, formdata.FOLLOWUP, FILE)
    uploads.bundled_layout(data, FILE)
    follow = load_followup(Source(data=data, origin=FILE, base_dir=Path.cwd()))
    now = _now(form.get("now", ""))
    return follow, advise_file(follow, now), now


def _in_page_terms(said: list[Message]) -> list[Message]:
    """The lines with the terminal's list of carriers said as the page's own carrier choice,
    the Delivery estimate page's “Carrier” box (a [mailing] table's problems say it), and
    ``advise``'s option ``--now`` as the page's “As of” box."""
    t = g.t
    choice = f"{messages.box_name(t['delivery']['carrier'])} of the “{t['nav']['delivery']}” page"
    boxes = {"--now": t["followup"]["now"]}
    return [
        replace(m, text=messages.in_page_terms(messages.carriers_named(m.text, choice), boxes))
        for m in said
    ]


def _page(values: dict[str, str], said: list[Message], status: int = 200) -> Any:
    from ..letter.layout import DEFAULT_LAYOUT

    # the layout `letterpress FILE` uses when the file names none, not the list's first
    values = {"layout": DEFAULT_LAYOUT, **values}
    return common.page(
        "followup.html",
        status,
        values=values,
        said=messages.by_slot(_in_page_terms(said)),
        layouts=common.layout_list(values),
        languages=[(c, c) for c in common.LETTER_LANGUAGES],
        slots=SLOTS,
    )


@bp.get("/follow-up")
def show() -> Any:
    """The questions, with the stored sender."""
    values, problem = common.stored_sender()
    values.setdefault("interview.process", "email")
    return _page(values, [*([problem] if problem else []), *common.opened_layout(values)])


@bp.post("/follow-up/advise")
def advise() -> Any:
    """The recommendation, its reasons, what to do today and later, and the downloads."""
    from ..check import check_data

    form = common.form_dict()
    said = common.layout_said(form)
    try:
        follow, advice, _ = _advise(form)
        # the doubts advise prints as warnings (a contact's number, the interview's date, a
        # [mailing] value the estimate cannot use), each at its box
        said += messages.from_notices((*follow.notices, *advice.notices), SLOTS, common.more_box())
        said += messages.from_findings(
            check_data(follow.source.data), FILE, SLOTS, common.more_box()
        )
    except UserError as exc:
        said.append(messages.from_error(exc, SLOTS, more=common.more_box()))
        advice = None
    return render_template(
        "followup_advice.html",
        advice=advice,
        said=messages.by_slot(_in_page_terms(said)),
        slots=SLOTS,
    )


@bp.post("/follow-up/artefact")
def artefact() -> Any:
    """One recommended artefact to save, made in a private folder deleted afterwards."""
    from ..advice.artefacts import write_artefacts

    form = common.form_dict()
    kind = request.form.get("artefact", "")
    if kind not in ARTEFACTS:
        return _page(form, [Message("error", f"unknown artefact {kind!r}; use the buttons")])
    suffix, mimetype = ARTEFACTS[kind]
    try:
        follow, advice, _ = _advise(form)
        with uploads.private_folder() as folder:
            paths, _ = write_artefacts(follow, advice, folder)  # notices: shown by the page
            written = {p.name: p.read_bytes() for p in paths}
    except UserError as exc:
        return _page(form, [messages.from_error(exc, SLOTS, more=common.more_box())], 422)
    name = follow.stem + suffix
    if name not in written:
        return _page(
            form,
            [
                Message(
                    "error",
                    UserError(
                        f"the advice does not recommend {_NAMED[kind]} now",
                        where=Where(file=FILE),
                        hint="use the downloads the advice shows",
                    ).line(),
                )
            ],
            422,
        )
    return common.download(written[name], name, mimetype)


@bp.post("/follow-up/import")
def import_file() -> Any:
    """A follow-up file (a letter file with [interview]) read into the form."""
    try:
        data = common.read_letter_file(request.files, "import")
    except UserError as exc:
        return _page(common.form_dict(), [common.not_opened(exc)], 422)
    named = data.pop("signature_image", None)
    values = formdata.form_values(data, formdata.FOLLOWUP)
    said = common.opened_layout(values)
    if not named:
        return _page(values, said)
    values[formdata.SIGNATURE_NAMED] = str(named)  # kept for the saved file
    return _page(values, [*said, _no_signature(str(named))])


def _no_signature(named: str) -> Message:
    """The warning that the letter made here has no signature image (the page has no place
    to upload it); the saved file keeps naming it."""
    return Message(
        "warning",
        UserError(
            f"signature image {named!r} is not printed by this page",
            where=Where(file=FILE, field="signature_image"),
            hint=f"the saved {FILE} keeps it; to print it, make the letter with "
            f"letterpress advise {FILE} --write DIR",
        ).line(),
    )


@bp.post("/follow-up/toml")
def export() -> Any:
    """The follow-up file, as ``letterpress advise`` reads it (with the signature image the
    opened file named)."""
    form = common.form_dict()
    try:
        saved = formdata.saved_file(form, formdata.FOLLOWUP, FILE)
    except UserError as exc:
        return _page(form, [messages.from_error(exc, SLOTS, more=common.more_box())], 422)
    return common.download(saved, FILE, "application/toml")
