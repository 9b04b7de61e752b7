"""The Address labels page: a spreadsheet (or CSV) uploaded, a label sheet chosen, one address
per label from any label of the first sheet, as ``letterpress labels`` makes them
(``labels.make_labels``): sheet 1 as a picture, each row that failed as its line, the PDF to
download. Made at once (labels are quick), kept in a private folder like a merge's files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, g, render_template, request, send_file
from msgspec.structs import replace

from ..errors import UserError, Where
from . import common, messages, picture, uploads
from .messages import Message

bp = Blueprint("labels", __name__)
SLOTS = ("data", "template", "sheet", "start", "home", "worksheet", "delimiter")
DATA = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods")  # what the batch reads
DELIMITERS = {"": None, "comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}
# labels' options as the page's controls (their labels in ``g.t.labels``)
BOXES = {
    "--sheet": "sheet",
    "--start": "start",
    "--from": "home",
    "--worksheet": "worksheet",
    "--delimiter": "delimiter",
    "--template": "template",
}


def sheets() -> list[tuple[str, str]]:
    """The label sheets to choose from: product number, and maker, size and title."""
    from ..labels import bundled_sheets

    return [
        (s.name, f"{s.maker} {s.name} · {s.count} × {s.width:g} × {s.height:g} mm · {s.title}")
        for s in bundled_sheets()
    ]


def in_page_terms(line: str) -> str:
    """A line of ``labels`` with its options said as this page's boxes."""
    t = g.t["labels"]
    line = line.replace("give --from CC", "write the country in --from, e.g. DE")
    line = messages.detect_named(line, g.t["merge"]["detect"])
    delimiters = {"comma": ",", "semicolon": ";", "tab": g.t["merge"]["tab"], "pipe": "|"}
    boxes = {option: t[key] for option, key in BOXES.items()}
    return messages.in_page_terms(line, boxes, {"--delimiter": delimiters})


@bp.get("/labels")
def show() -> Any:
    """The form, posted from the stored sender's country."""
    values, _ = common.stored_sender()
    return common.page(
        "labels.html",
        values={"home": values.get("sender.country", ""), "start": "1"},
        said={},
        sheets=sheets(),
        data_types=",".join(DATA),
        upload_mb=uploads.UPLOAD_LIMIT // uploads.MB,
        slots=SLOTS,
    )


def _start(text: str) -> int:
    """The first label to use, as typed."""
    try:
        return int(text.strip() or "1")
    except ValueError:
        raise UserError(
            f"{text!r} is not a label number",
            where=Where(field="start"),
            hint="count the used labels left to right, then top to bottom, and write the "
            "first free one, e.g. 5",
        ) from None


@bp.post("/labels/make")
def make() -> Any:
    """The labels made: sheet 1 as a picture, the rows that failed, the PDF to download; or
    why nothing could be made, at the box it concerns."""
    from ..calibrate.printers import find_shift
    from ..labels import make_labels
    from ..mailpiece.sheet import draw_sheets

    jobs = current_app.extensions["letterpress.jobs"]
    job = jobs.new()
    names: dict[str, str] = {}
    try:
        start = _start(request.form.get("start", ""))
        item = uploads.uploaded(request.files, "data")
        if item is None:
            raise UserError("no file chosen", where=Where(field="data"), hint="choose the list")
        stem = uploads.safe_stem(item, "addresses")
        data = uploads.save(item, "data", job.folder, stem, DATA)
        names[str(data)] = uploads.shown_name(item)
        template = None
        chosen = uploads.uploaded(request.files, "template")
        if chosen is not None:
            template = uploads.save(chosen, "template", job.folder, "template", (".toml", ".json"))
            names[str(template)] = uploads.shown_name(chosen)
        workbook = data.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods")
        labels = make_labels(
            data,
            request.form.get("sheet", ""),
            template=template,
            start=start,
            home=request.form.get("home", "").strip() or None,
            shift=find_shift(None),  # the default printer's, as `letterpress labels` uses
            delimiter=None if workbook else DELIMITERS.get(request.form.get("delimiter", "")),
            worksheet=(request.form.get("worksheet", "").strip() or None) if workbook else None,
        )
    except UserError as exc:
        jobs.drop(job)
        return _answer([_refused(exc, names, data_box=_path(names))])
    said = [Message("error", messages.named(line, names)) for _, line in labels.failed]
    said += messages.from_notices(labels.notices, ())
    said = [replace(m, text=messages.named(m.text, names)) for m in said]
    if labels.plan is None:
        jobs.drop(job)
        return _answer(said, failed=len(labels.failed), rows=labels.rows)
    pdf = draw_sheets(labels.plan)
    name = f"labels-{Path(names[str(data)]).stem}.pdf"
    name = f"{uploads.plain_name(Path(name).stem, 'labels')}.pdf"
    (job.folder / name).write_bytes(pdf)
    job.files[name] = job.folder / name
    job.state = "done"
    first = labels.placed[0][1].position + 1
    return _answer(
        said,
        job=job,
        name=name,
        image=picture.data_url(picture.page_one(pdf)),
        made=len(labels.placed),
        pages=len(labels.plan.pages),
        sheet=f"{labels.sheet.maker} {labels.sheet.name}",
        first=first,
        failed=len(labels.failed),
        rows=labels.rows,
    )


def _path(names: dict[str, str]) -> str:
    """The stored data file's path ('' before it is stored)."""
    return next(iter(names), "")


def _refused(exc: UserError, names: dict[str, str], data_box: str) -> Message:
    """An unusable input as its line, at the box it concerns: its option's, else the upload
    it names, else the field it names."""
    place = exc.place
    slot = BOXES.get(place.option, "") or messages.slot_for(place, SLOTS)
    if not slot and place.file:
        slot = "data" if place.file == data_box else "template"
    labels = {"data": g.t["labels"]["data"], "template": g.t["labels"]["template"]}
    labels |= {"start": g.t["labels"]["start"]}
    line = messages.shown(messages.at_box(exc, labels), names)
    return Message("error", line, slot)


def _answer(said: list[Message], **context: Any) -> Any:
    """The part of the page under the form, with the boxes' messages swapped in place."""
    said = [replace(m, text=in_page_terms(m.text)) for m in said]
    return render_template(
        "labels_result.html", said=messages.by_slot(said), slots=SLOTS, **context
    )


@bp.get("/labels/file/<job_id>/<name>")
def fetch(job_id: str, name: str) -> Any:
    """The labels' PDF (by its download name, never a path)."""
    job = current_app.extensions["letterpress.jobs"].get(job_id)
    if job is None or name not in job.files:
        abort(
            404, "these labels are no longer kept (the page keeps the last three); make them again"
        )
    return send_file(job.files[name], as_attachment=True, download_name=name)
