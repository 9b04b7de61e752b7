"""The Mail merge page: a template and a CSV/XLSX/ODS uploaded, the rows checked as a table
(row, column, problem, what to do), any row previewed, then the merged PDF or a zip of one file
per row made in the background with its progress shown, and the manifest to download. The
batch does the work (``letterpress.batch.run_batch``), exactly as ``letterpress batch``."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Blueprint, abort, current_app, g, render_template, request, send_file
from msgspec import Struct
from msgspec.structs import replace

from ..errors import UserError, Where
from . import common, mergenames, messages, picture, uploads
from .jobs import Job
from .messages import Message

if TYPE_CHECKING:
    from ..batch.checks import Finding

bp = Blueprint("merge", __name__)
SLOTS = (
    "template",
    "data",
    "signature_image",
    "kind",
    "output",
    "name",
    "delimiter",
    "sheet",
    "row",
)
TEMPLATES = (".toml", ".json")
DATA = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods")  # what the batch reads
KINDS = ("letter", "call", "both", "envelope")
DELIMITERS = ("", "comma", "semicolon", "tab", "pipe")
# The batch's options as the page's controls (their labels in ``g.t.merge``).
BOXES = {"--rows": "row", "--sheet": "sheet", "--delimiter": "delimiter", "--kind": "kind"}
BOXES |= {"--name": "name"}
# The page's own controls, which no letter file has (their labels in ``g.t.merge``).
OWN = ("template", "data", "kind", "output", "name", "delimiter", "sheet", "row")


@bp.app_template_filter("merge_terms")
def page_terms(line: str) -> str:
    """A line of the batch's with its options said as this page's controls, and storing
    your details as the Letter page does it."""
    t = g.t["merge"]
    boxes = {option: t[key] for option, key in BOXES.items()}
    line = messages.stored_here(
        line, g.t["nav"]["letter"], g.t["legend"]["sender"], g.t["letter"]["save_sender"]
    )
    line = messages.detect_named(line, t["detect"])  # “choose “Detect” or “;” in the box”
    delimiters = {"comma": ",", "semicolon": ";", "tab": t["tab"], "pipe": "|"}
    return messages.in_page_terms(line, boxes, {"--kind": t["kinds"], "--delimiter": delimiters})


class Inputs(Struct):
    """The uploads stored in a private folder, the user's names for them, and the choices."""

    template: Path
    data: Path
    names: dict[str, str]  # stored path -> the user's file name, for messages
    kind: str = "letter"
    files: bool = False  # one file per row (a zip), else one merged PDF
    name: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    stem: str = "merged"

    def slot(self, exc: UserError) -> str:
        """The field an error concerns: the upload it names, else its field or option."""
        if exc.place.option == "--rows":
            return "row"
        if exc.place.option and messages.slot_for(exc.place, SLOTS):  # --sheet: its box
            return messages.slot_for(exc.place, SLOTS)
        for slot, path in (("template", self.template), ("data", self.data)):
            if exc.place.file == str(path):
                return slot
        return messages.slot_for(exc.place, SLOTS)

    def options(self, **more: Any) -> Any:
        """The batch's options for these inputs (in this process: the page serves requests
        from threads, and worker processes are not forked from them)."""
        from ..batch import Options
        from ..calibrate.printers import find_shift

        values: dict[str, Any] = {
            "template": self.template,
            "data": self.data,
            "kind": self.kind,
            "jobs": 1,
            "delimiter": self.delimiter,
            "sheet": self.sheet,
            "progress": False,
            "max_rows": uploads.ROW_LIMIT,
            **more,
        }
        if "shift" not in values and self.kind != "call":
            values["shift"] = find_shift(None)  # the default printer's, as the batch uses
        return Options(**values)


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise UserError(
            f"unknown choice {value!r}",
            where=Where(field=option),
            hint="use one of " + ", ".join(a for a in allowed if a),
        )
    return value


# What to choose instead of a file of the wrong kind that users often have at hand.
NUMBERS = "export the sheet from Numbers as .xlsx or as CSV (UTF-8) and choose that"
SPREADSHEET = "save the list from your spreadsheet program as .xlsx or .csv and choose that"


def _instead(exc: UserError, slot: str, suffix: str) -> UserError:
    """A refused upload with what to choose instead when it is a word processor's document
    as the template (the merge's template is a letter file), or not a spreadsheet's export
    as the data (``suffix``: the upload's; save refuses a suffix before the size)."""
    t = g.t
    if slot == "template" and suffix in (".doc", ".docx", ".odt"):
        hint = (
            f"the template is a letter file (.toml), not a document: make one on the "
            f"“{t['nav']['letter']}” page with “{t['letter']['download_toml']}”, and write "
            "the columns in it as {{ row.COLUMN }}"
        )
    elif slot == "data" and suffix in (".numbers", ".doc", ".docx", ".pdf"):
        hint = NUMBERS if suffix == ".numbers" else SPREADSHEET
    else:
        return exc
    return UserError(exc.what, where=exc.place, hint=hint)


def _reading(data: Path) -> tuple[str, str]:
    """The CSV delimiter and the worksheet chosen for ``data``; a choice for the other kind
    of file is left out ('')."""
    from ..batch.table import WORKBOOKS

    delimiter = _choice(request.form.get("delimiter", ""), DELIMITERS, "delimiter")
    sheet = request.form.get("sheet", "").strip()
    if data.suffix.lower() in WORKBOOKS:
        return "", sheet
    return delimiter, ""


def receive(folder: Path) -> Inputs:
    """Store the uploads in ``folder`` and read the choices; the template may name only a
    bundled layout and an uploaded signature image."""
    from ..source import load_source

    files = request.files
    got = {}
    for slot, suffixes, default in (("template", TEMPLATES, "template"), ("data", DATA, "data")):
        item = uploads.uploaded(files, slot)
        if item is None:
            raise UserError(
                "no file chosen",
                where=Where(field=slot),
                hint=f"choose the {' or '.join(suffixes)} file",
            )
        try:
            path = uploads.save(item, slot, folder, uploads.safe_stem(item, default), suffixes)
        except UserError as exc:  # a file of another kind: what to choose instead
            raise _instead(exc, slot, Path(uploads.shown_name(item)).suffix.lower()) from None
        got[slot] = (path, uploads.shown_name(item))
    if (
        got["template"][0].stem == got["data"][0].stem
        and got["template"][0].suffix == got["data"][0].suffix
    ):
        raise UserError(
            "the template and the data are the same file",
            where=Where(field="data"),
            hint="choose the data file",
        )
    template, data = got["template"][0], got["data"][0]
    names = {str(template): got["template"][1], str(data): got["data"][1]}
    origin = got["template"][1]
    try:
        source = load_source(template)
    except UserError as exc:  # named by the user's file name, at its upload
        where = Where(file=origin, field="template")
        raise UserError(exc.what, where=where, hint=exc.hint) from None
    layout = source.data.get("layout")
    if layout is not None:
        uploads.bundled_layout({"layout": layout}, origin)
    uploads.signature(dict(source.data), origin, folder, files)
    form = request.form
    delimiter, sheet = _reading(data)
    per_row = form.get("output") == "files"
    name = form.get("name", "").strip() or None
    if per_row:  # before anything is made, not when the merge fails
        mergenames.check(name, data, names[str(data)], delimiter or None, sheet or None)
    return Inputs(
        template=template,
        data=data,
        names=names,
        kind=_choice(form.get("kind", "letter"), KINDS, "kind"),
        files=per_row,
        name=name,
        delimiter=delimiter or None,
        sheet=sheet or None,
        stem=data.stem,
    )


def _refused(exc: UserError, inputs: Inputs | None) -> Message:
    """An unusable input as its line, at the upload or field it concerns."""
    from ..batch import NoDocumentError

    names = inputs.names if inputs is not None else {}
    slot = inputs.slot(exc) if inputs is not None else messages.slot_for(exc.place, SLOTS)
    if isinstance(exc, NoDocumentError):
        exc = messages.again(exc, g.t["merge"]["preview"])
    return Message("error", messages.shown(messages.at_box(exc, _labels()), names), slot)


def _answer(template: str, said: list[Message], **context: Any) -> Any:
    """The part of the page under the form, with the field messages swapped in place."""
    said = [replace(m, text=page_terms(m.text)) for m in said]
    return render_template(template, said=messages.by_slot(said), slots=SLOTS, **context)


@bp.get("/merge")
def show() -> Any:
    """The empty form."""
    return common.page(
        "merge.html",
        said={},
        kinds=KINDS,
        delimiters=DELIMITERS,
        limit=uploads.ROW_LIMIT,
        upload_mb=uploads.UPLOAD_LIMIT // uploads.MB,
        data_types=",".join(DATA),
    )


@bp.post("/merge/check")
def check() -> Any:
    """Every row checked, nothing made: the findings as a table."""
    from ..batch import run_batch

    inputs = None
    with uploads.private_folder() as folder:
        try:
            inputs = receive(folder)
            summary = run_batch(inputs.options(check=True), lambda line: None)
        except UserError as exc:
            return _answer("merge_result.html", [_refused(exc, inputs)])
    bad = {f.row for f in summary.findings if f.severity == "error"}
    return _answer(
        "merge_check.html",
        [],
        summary=summary,
        bad=len(bad),
        ready=summary.rows - len(bad),
        warnings=sum(1 for f in summary.findings if f.severity == "warning"),
    )


@bp.post("/merge/names")
def names() -> Any:
    """The file names' pattern checked as soon as the data and the pattern are chosen (the
    form's boxes changed), before any button: its box's message, or none. Whatever else is
    wrong is said by the buttons."""
    said = []
    if request.form.get("output") == "files":
        name = request.form.get("name", "").strip() or None
        item = uploads.uploaded(request.files, "data")
        with uploads.private_folder() as folder:
            try:
                if item is None:
                    mergenames.check(name, None, "", None, None)
                else:
                    data = uploads.save(item, "data", folder, "data", DATA)
                    delimiter, sheet = _reading(data)
                    origin = uploads.shown_name(item)
                    mergenames.check(name, data, origin, delimiter or None, sheet or None)
            except UserError as exc:
                if exc.place.field == mergenames.FIELD:
                    said.append(_refused(exc, None))
    return _answer("merge_names.html", said)


@bp.post("/merge/preview")
def preview() -> Any:
    """One row's document, page 1, as a picture; or why that row cannot be made."""
    from ..batch import run_batch

    inputs = None
    said: list[str] = []  # what the run printed: why the row could not be made
    with uploads.private_folder() as folder:
        try:
            row = _row(request.form.get("row", ""))
            inputs = receive(folder)
            out = folder / "preview.pdf"
            kind = "letter" if inputs.kind == "both" else inputs.kind
            inputs.kind = kind
            summary = run_batch(
                # the picture shows the row as it lands on paper: content where the layout
                # puts it, whatever the printer's calibration
                inputs.options(
                    output=out, rows=str(row), manifest=folder / "preview.csv", shift=None
                ),
                said.append,
            )
            image = picture.data_url(picture.page_one(out.read_bytes())) if summary.made else ""
        except UserError as exc:
            reasons = messages.from_lines(said, inputs.names if inputs is not None else None)
            refused = _refused(exc, inputs)
            if reasons:  # the run's last line, after its reasons ("fix the problems above")
                refused = replace(refused, slot=messages.PAGE)
            return _answer("merge_result.html", [*reasons, refused])
    found = [f for f in summary.findings if f.row == row]
    return _answer(
        "merge_preview.html",
        [],
        row=row,
        image=image,
        findings=found,
        origin=inputs.names[str(inputs.data)],
    )


def _row(text: str) -> int:
    """The row to preview, as the spreadsheet numbers it (the header is row 1)."""
    try:
        row = int(text)
    except ValueError:
        row = 0
    if row < 2:
        raise UserError(
            f"{text!r} is not a data row",
            where=Where(field="row"),
            hint="rows count as the spreadsheet shows them: the first data row is 2",
        )
    return row


@bp.post("/merge/make")
def make() -> Any:
    """Start the merge in the background; the answer shows its progress."""
    jobs = current_app.extensions["letterpress.jobs"]
    job = jobs.new()
    folder = job.folder / "in"
    folder.mkdir()
    try:
        inputs = receive(folder)
    except UserError as exc:
        jobs.drop(job)
        return _answer("merge_result.html", [_refused(exc, None)])
    button = g.t["merge"]["make"]  # the job's thread has no request to ask
    labels = _labels()
    jobs.start(job, lambda running: _merge(running, inputs, button, labels))
    return _job_answer(job)


def _job_answer(job: Job) -> Any:
    """The merge's state: its progress, what it made, or why it failed (an input refused:
    at the box it concerns)."""
    state = job.state  # once: the job's thread may end it meanwhile
    said = [Message("error", job.error, job.slot)] if state == "failed" and job.slot else []
    return _answer("merge_job.html", said, job=job, state=state)


def _labels() -> dict[str, str]:
    """The page's own controls by their labels (``the “Row” box``), for messages."""
    return {field: g.t["merge"][field] for field in (*OWN, "signature_image")}


def _merge(job: Job, inputs: Inputs, button: str, labels: dict[str, str]) -> None:
    """The merge itself (in the job's thread); the uploads are deleted when it ends.
    ``button``: the label of the button that starts it, for "press it again"; ``labels``:
    the page's controls, for an input refused at one of them (``_labels``)."""
    from ..batch import NoDocumentError, run_batch

    out = job.folder / "out"
    out.mkdir()
    manifest = out / "manifest.csv"
    target: dict[str, Any] = (
        {"out_dir": out / "files", "name": inputs.name}
        if inputs.files
        else {"output": out / f"{inputs.stem}.pdf"}
    )
    said: list[str] = []  # what the run printed: why no row could be made
    try:
        summary = run_batch(
            inputs.options(manifest=manifest, on_progress=job.tell, **target), said.append
        )
    except UserError as exc:
        if isinstance(exc, NoDocumentError):
            exc = messages.again(exc, button)
        else:  # an input refused: said at its box, as the buttons' answers say it
            job.slot = inputs.slot(exc)
        job.reasons = [m.text for m in messages.from_lines(said, inputs.names)]
        job.error = messages.shown(messages.at_box(exc, labels), inputs.names)
        job.state = "failed"
        return
    finally:
        shutil.rmtree(job.folder / "in", ignore_errors=True)
    job.rows = _manifest_lines(manifest, {str(out / f"{inputs.stem}.pdf"): f"{inputs.stem}.pdf"})
    for line in job.rows:  # the cells it concerns, which the manifest does not name
        line["columns"] = _columns(line, summary.findings)
    if inputs.files:
        job.files[f"{inputs.stem}.zip"] = _zip(out / "files", manifest, out / f"{inputs.stem}.zip")
    elif summary.made:
        job.files[f"{inputs.stem}.pdf"] = out / f"{inputs.stem}.pdf"
    job.files["manifest.csv"] = manifest
    job.summary = {
        "rows": summary.rows,
        "made": summary.made,
        "failed": summary.failed,
        "pages": summary.pages,
    }


def _manifest_lines(path: Path, shown: dict[str, str]) -> list[dict[str, str]]:
    """The manifest's lines with the outputs named as downloaded (not by the private
    folder); rewritten so. Returns the lines that are not plainly ok."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        lines = list(reader)
    for line in lines:
        line["output"] = shown.get(line.get("output", ""), line.get("output", ""))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(lines)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return [line for line in lines if line.get("status") != "ok" or line.get("message")]


def _columns(line: dict[str, str], findings: list[Finding]) -> str:
    """The columns (else the template's fields) of the findings a manifest line says, as
    the check's table names them: ``postcode``, ``Nachname, Vorname``."""
    said = line.get("message", "")
    out: list[str] = []
    for f in findings:
        if str(f.row) == line.get("row") and f.message() in said:
            out += [c for c in (f.columns or (f.field,)) if c and c not in out]
    return ", ".join(out)


def _zip(folder: Path, manifest: Path, target: Path) -> Path:
    """One file per row, and the manifest, in one zip."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*.pdf")):
            archive.write(path, path.name)
        archive.write(manifest, "manifest.csv")
    return target


@bp.get("/merge/job/<job_id>")
def progress(job_id: str) -> Any:
    """How far the merge is; at the end, what was made and the downloads."""
    job = current_app.extensions["letterpress.jobs"].get(job_id)
    if job is None:
        abort(404, "this merge is no longer kept (the page keeps the last three)")
    return _job_answer(job)


@bp.get("/merge/job/<job_id>/<name>")
def fetch(job_id: str, name: str) -> Any:
    """A finished merge's file (by its download name, never a path)."""
    job = current_app.extensions["letterpress.jobs"].get(job_id)
    if job is None or name not in job.files:
        abort(404, "this file is no longer kept (the page keeps the last three merges)")
    return send_file(job.files[name], as_attachment=True, download_name=name)
