"""The Call sheet page: the ``[call]`` table as a form, the one-page sheet previewed, its
warnings shown, the PDF to download, the file to open and save; rendered by
``callsheet.render_call_sheet``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from flask import Blueprint, render_template, request

from ..errors import UserError
from . import common, formdata, messages, picture, uploads
from .messages import Message

bp = Blueprint("call", __name__)
FILE = "call.toml"
SLOTS = (*formdata.CALL, formdata.MORE, "paper", "import")
PAPERS = ("", "a4", "letter")


def _sheet(form: dict[str, str]) -> tuple[Any, list[Message]]:
    """The sheet as ``letterpress call`` makes it (None when refused), and what was said:
    checked against now on this computer's clock, as the command does without ``--now`` (a
    best time that ended today warns)."""
    from ..callsheet import render_call_sheet
    from ..check import check_data
    from ..source import Source

    paper = form.get("paper", "")
    try:
        data = formdata.letter_file(form, formdata.CALL, FILE)
        uploads.bundled_layout(data, FILE)
        said = messages.from_findings(check_data(data), FILE, SLOTS, common.more_box())
        result = render_call_sheet(
            Source(data=data, origin=FILE, base_dir=Path.cwd()),
            paper=paper if paper in PAPERS and paper else None,
            now=datetime.now().astimezone(),
        )
    except UserError as exc:
        return None, [
            *common.layout_said(form),
            messages.from_error(exc, SLOTS, more=common.more_box()),
        ]
    notices = messages.from_notices(result.warnings, SLOTS, common.more_box())
    return result, common.layout_said(form) + said + notices


def _page(values: dict[str, str], said: list[Message], status: int = 200) -> Any:
    from ..letter.layout import DEFAULT_LAYOUT

    # the layout `letterpress FILE` uses when the file names none, not the list's first
    values = {"layout": DEFAULT_LAYOUT, **values}
    return common.page(
        "call.html",
        status,
        values=values,
        said=messages.by_slot(said),
        languages=[(c, c) for c in common.LETTER_LANGUAGES],
        slots=SLOTS,
        layouts=common.layout_list(values),
    )


@bp.get("/call")
def show() -> Any:
    """The form, with the stored sender."""
    values, problem = common.stored_sender()
    return _page(values, [*([problem] if problem else []), *common.opened_layout(values)])


@bp.post("/call/preview")
def preview() -> Any:
    """The sheet as a picture, who to call and when, and the warnings."""
    form = common.form_dict()
    if common.untouched(form, ("call.phone", "call.contact", "call.organization", "recipient.")):
        return render_template(
            "call_feedback.html", result=None, said={}, slots=SLOTS, waiting=True
        )
    result, said = _sheet(form)
    image = picture.data_url(picture.page_one(result.pdf)) if result is not None else ""
    return render_template(
        "call_feedback.html", result=result, image=image, said=messages.by_slot(said), slots=SLOTS
    )


@bp.post("/call/pdf")
def pdf() -> Any:
    """The sheet's PDF to save; when refused, the page again with the reason."""
    form = common.form_dict()
    result, said = _sheet(form)
    if result is None:
        return _page(form, said, 422)
    name = f"{form[common.FILE_NAME]}-call" if form.get(common.FILE_NAME) else _stem(form)
    return common.download(result.pdf, f"{name}.pdf", "application/pdf")  # as the CLI's


def _stem(form: dict[str, str], kind: str = "call-sheet") -> str:
    """The downloads' name: the opened file's, else who is called (``call-sheet-Dana-Lee``)."""
    return common.download_stem(
        form, kind, ("call.contact", "recipient.name", "recipient.organization")
    )


@bp.post("/call/toml")
def export() -> Any:
    """The call file, as ``letterpress call`` reads it (with the signature image the opened
    file named)."""
    form = common.form_dict()
    try:
        saved = formdata.saved_file(form, formdata.CALL, FILE)
    except UserError as exc:
        return _page(form, [messages.from_error(exc, SLOTS, more=common.more_box())], 422)
    return common.download(saved, f"{_stem(form, 'call')}.toml", "application/toml")


@bp.post("/call/import")
def import_file() -> Any:
    """A file with a [call] table read into the form."""
    try:
        data = common.read_letter_file(request.files, "import")
    except UserError as exc:
        return _page(common.form_dict(), [common.not_opened(exc)], 422)
    named = data.pop("signature_image", None)  # the sheet prints none; the saved file keeps it
    values = formdata.form_values(data, formdata.CALL)
    common.opened_name(request.files, values)
    if named:
        values[formdata.SIGNATURE_NAMED] = str(named)
    return _page(values, common.opened_layout(values))
