"""The Letter page: the letter's fields, sender from the stored profile, layout picker, live
preview of page 1 with the window, tone findings and address warnings at their fields, PDF
download, TOML import and export."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template, request
from msgspec import Struct, field
from msgspec.structs import replace

from ..errors import UserError, Where
from . import common, formdata, messages, picture, uploads
from .messages import Message

bp = Blueprint("letter", __name__)
FILE = "letter.toml"  # the name the page's letter has in messages and when exported
SLOTS = (*formdata.LETTER, formdata.MORE, "signature_image", "import")
NAMED = formdata.SIGNATURE_NAMED  # the opened file's signature image, until one is uploaded


class Made(Struct):
    """A letter made from the form: its PDF and picture (None when refused) and what was
    said about it."""

    pdf: bytes | None = None
    picture: str = ""
    pages: int = 0
    window: str = ""
    said: list[Message] = field(default_factory=list)


def make(form: dict[str, str], files: Any, *, picture_too: bool = True) -> Made:
    """Check and render the form's letter as ``letterpress letter`` does."""
    from ..calibrate.printers import find_shift
    from ..check import check_data
    from ..letter import build_letter, prepare_letter
    from ..source import Source

    made = Made(said=common.layout_said(form))
    named = form.get(NAMED, "")
    if named and uploads.uploaded(files, "signature_image") is None:
        made.said.append(not_uploaded(named))
    with uploads.private_folder() as folder:
        try:
            data = formdata.letter_file(form, formdata.LETTER, FILE)
            uploads.bundled_layout(data, FILE)
            uploads.signature(data, FILE, folder, files)
            source = Source(data=data, origin=FILE, base_dir=folder)
            made.said += messages.from_findings(check_data(data), FILE, SLOTS, common.more_box())
            shift = find_shift(None)  # the default printer's, as `letterpress letter` uses
            prep = prepare_letter(source, shift=shift)
            made.said += messages.from_notices(prep.notices, SLOTS, common.more_box())
            made.pdf, made.pages = build_letter(prep)
            moved = shift is not None and not shift.identity
            # the picture shows the sheet as it comes out of that printer: the content where
            # the layout puts it, under the window drawn there
            paper = build_letter(replace(prep, shift=None))[0] if moved else made.pdf
        except UserError as exc:
            made.said.append(refused(exc))
            return made
    made.window = prep.window.summary()
    if moved:
        assert shift is not None
        made.said.append(Message("info", f"Calibrated for {shift.describe()}."))
    if picture_too:
        made.picture = picture.data_url(picture.with_window(paper, prep.layout, prep.window))
    return made


def not_uploaded(named: str) -> Message:
    """The warning that the opened file's signature image is not on the page (yet)."""
    exc = UserError(
        f"signature image {named!r} is not uploaded",
        where=Where(field="signature_image"),
        hint="choose the image file here (the page opens no file by its name)",
    )
    return Message("warning", at_upload(exc).line(), "signature_image")


def at_upload(exc: UserError) -> UserError:
    """``exc`` naming the “Signature image” box as the page labels it, where it names the
    field (``signature_image``) that box fills."""
    return messages.at_box(exc, {"signature_image": g.t["letter"]["signature_image"]})


def refused(exc: UserError) -> Message:
    """A letter the page cannot make: its line at the field it concerns (an upload refused
    as such names its box)."""
    if exc.place == Where(field="signature_image"):
        return Message("error", at_upload(exc).line(), "signature_image")
    return messages.from_error(exc, SLOTS, more=common.more_box())


def _page(values: dict[str, str], said: list[Message], status: int = 200) -> Any:
    return common.page(
        "letter.html",
        status,
        values=values,
        said=messages.by_slot(said),
        layouts=common.layout_choices(),
        languages=[(c, c) for c in common.LETTER_LANGUAGES],
        slots=SLOTS,
    )


@bp.get("/")
def show() -> Any:
    """The empty letter, with the stored sender (if any)."""
    values, problem = common.stored_sender()
    values.setdefault("layout", "din5008-b")
    return _page(values, [*([problem] if problem else []), *common.opened_layout(values)])


@bp.post("/letter/preview")
def preview() -> Any:
    """The part of the page that follows the typing: picture, window check, messages."""
    form = common.form_dict()
    if common.untouched(form, ("recipient.", "subject", "body")):
        return render_template(
            "letter_feedback.html", made=Made(), said={}, slots=SLOTS, waiting=True
        )
    made = make(form, request.files)
    return render_template(
        "letter_feedback.html", made=made, said=messages.by_slot(made.said), slots=SLOTS
    )


@bp.post("/letter/pdf")
def pdf() -> Any:
    """The PDF to save; when the letter is refused, the page again with the reason."""
    form = common.form_dict()
    made = make(form, request.files, picture_too=False)
    if made.pdf is None:
        return _page(form, made.said, 422)
    return common.download(made.pdf, f"{_stem(form)}.pdf", "application/pdf")


@bp.post("/letter/envelope")
def envelope() -> Any:
    """The letter's plain envelope, as ``letterpress envelope`` makes it (the post's usual
    size, moved by the default printer's offset); when refused, the page with the reason."""
    from ..calibrate.printers import find_shift
    from ..envelope import prepare_envelope
    from ..mailpiece.sheet import draw_sheets
    from ..source import Source

    form = common.form_dict()
    try:
        data = formdata.letter_file(form, formdata.LETTER, FILE)
        uploads.bundled_layout(data, FILE)
        prep = prepare_envelope(Source(data=data, origin=FILE), shift=find_shift(None))
    except UserError as exc:
        return _page(form, [refused(exc)], 422)
    body = draw_sheets(prep.plan)
    return common.download(body, f"{_stem(form)}-envelope.pdf", "application/pdf")


def _stem(form: dict[str, str]) -> str:
    """The downloads' name: the opened file's, else the recipient's (``letter-Mei-Lee``)."""
    return common.download_stem(form, "letter", ("recipient.name", "recipient.organization"))


@bp.post("/letter/toml")
def export() -> Any:
    """The letter file, as ``letterpress letter`` reads it."""
    form = common.form_dict()
    try:
        saved = formdata.saved_file(
            form, formdata.LETTER, FILE, signature_name(form, request.files)
        )
    except UserError as exc:
        return _page(form, [messages.from_error(exc, SLOTS, more=common.more_box())], 422)
    return common.download(saved, f"{_stem(form)}.toml", "application/toml")


def signature_name(form: dict[str, str], files: Any) -> str:
    """The signature image the saved file names: the one the opened file named (the upload
    is stored under that name), else the uploaded image's own name; '' for none."""
    item = uploads.uploaded(files, "signature_image")
    if form.get(NAMED):
        return form[NAMED]
    return uploads.shown_name(item) if item is not None else ""


@bp.post("/letter/import")
def import_file() -> Any:
    """A letter file read into the form; a named signature image must be uploaded again."""
    try:
        data = common.read_letter_file(request.files, "import")
    except UserError as exc:
        return _page(common.form_dict(), [common.not_opened(exc)], 422)
    named = data.pop("signature_image", None)
    values = formdata.form_values(data, formdata.LETTER)
    common.opened_name(request.files, values)
    said = common.opened_layout(values)
    if not named:
        return _page(values, said)
    values[NAMED] = str(named)  # every preview says it is missing until it is uploaded
    return _page(values, [*said, not_uploaded(values[NAMED])])


@bp.post("/letter/sender")
def save_sender() -> Any:
    """Store the sender for next time."""
    try:
        path = common.store_sender(common.form_dict())
    except UserError as exc:
        problem = messages.from_error(exc, SLOTS)
        return render_template("saved.html", problem=problem, said=messages.by_slot([problem]))
    return render_template("saved.html", path=str(path))
