"""Work done per row, in worker processes: template -> letter file -> checks -> PDF.

Each process compiles the template once (``use``); the functions below take rows and return
plain, picklable results (``tasks``). This module brings in ReportLab; the process that
reads the data and merges the output never imports it when workers do the rendering.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..letter import Prepared, RenderContext, build_letter, prepare_letter
from ..letter.shared import draw_letters
from ..pdf.canvas import plain_flate
from ..source import Source
from .checks import Finding, check_postcodes, from_row_error, from_user_error
from .table import Row
from .tasks import KINDS, ChunkResult, Outcome, Spec, file_name
from .template import LetterTemplate, RowError, compile_template, direct_columns, render_row

LAYOUT_HINT = "shorten long words or lines in the text"


class _Worker:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        source = Source(data=spec.template, origin=spec.origin, base_dir=spec.base_dir)
        self.tpl: LetterTemplate = compile_template(source, spec.date_order)
        self.direct = direct_columns(spec.columns)
        self.kinds = KINDS[spec.kind]


_WORKER: _Worker | None = None


def start(spec: Spec) -> None:
    """Compile the template for this process's rows."""
    global _WORKER
    _WORKER = _Worker(spec)


def use(spec: Spec) -> None:
    """``start``, unless this process already works for the same run."""
    if _WORKER is None or _WORKER.spec != spec:
        start(spec)


def warm(language: Any, typeface: Any) -> None:
    """Load what every letter needs before any row arrives: fonts, the hyphenation patterns
    and the date formats of the template's language. Whatever fails here is reported by the
    rows themselves."""
    from ..language import resolve_language
    from ..language.hyphenation import hyphenator
    from ..pdf import fonts

    try:
        fonts.face(typeface if typeface in fonts.TYPEFACES else "sans")
        lang = resolve_language(language if isinstance(language, str) else "en")
        if lang.hyphenation:
            hyphenator(lang.hyphenation)  # reads the patterns into the cache folder
        lang.long_date(date.today())
    except Exception:  # noqa: BLE001 - only a head start
        return


def _worker() -> _Worker:
    assert _WORKER is not None, "render.start() was not called"
    return _WORKER


def _source(w: _Worker, row: Row) -> Source:
    source = _render(w, row)
    check_postcodes(source.data, w.tpl, w.direct, row.numeric)
    return source


def _render(w: _Worker, row: Row) -> Source:
    return render_row(w.tpl, row.values, w.direct, f"row {row.number}")


def _finding(w: _Worker, row: Row, exc: Exception) -> Finding:
    if isinstance(exc, RowError):
        return from_row_error(row.number, exc)
    assert isinstance(exc, UserError)
    return from_user_error(row.number, exc, w.tpl, w.direct)


def _call_sheet(w: _Worker, source: Source) -> tuple[bytes, int]:
    from ..callsheet import render_call_sheet

    result = render_call_sheet(source, None, now=w.spec.call_now)
    return result.pdf, result.pages


def _prepared_call(w: _Worker, source: Source) -> Any:
    from ..callsheet.render import prepare_call_sheet

    return prepare_call_sheet(source, now=w.spec.call_now)


def _draw_calls(calls: list[tuple[Outcome, Any]]) -> bytes | None:
    """A chunk's call sheets in one PDF (fonts once); a sheet that cannot be drawn becomes
    a finding and the others are kept."""
    from ..callsheet.page import draw_pages, draw_pdf

    def pages(items: list[tuple[Outcome, Any]]) -> bytes:
        return draw_pages([(s.plan, s.geometry) for _, s in items], items[0][1].sheet.call_on)

    try:
        return pages(calls)
    except Exception:  # noqa: BLE001 - find the sheet that fails, keep the others
        good = _single_out(calls, lambda s: draw_pdf(s.plan, s.geometry, s.meta,
                                                      s.sheet.call_on),
                           "call sheet", "drawn", "shorten long words or lines in the [call] texts")
        return pages(good) if good else None


def _single_out(items: list[tuple[Outcome, Any]], attempt: Callable[[Any], object], what: str,
                done: str, hint: str) -> list[tuple[Outcome, Any]]:
    """After a chunk's items failed together: try each alone; one that fails gets a finding.
    The items that work alone are returned, unless all do: then they fail only together,
    and every one gets a finding."""
    good = []
    for outcome, item in items:
        try:
            attempt(item)
            good.append((outcome, item))
        except Exception as exc:  # noqa: BLE001 - reported, the others are kept
            outcome.finding = _failure(outcome, exc, what, done, hint)
    if len(good) < len(items):
        return good
    for outcome, _ in items:
        outcome.finding = Finding(outcome.row, (), "", f"the {what}s of rows {items[0][0].row}-"
                                  f"{items[-1][0].row} could not be {done} together",
                                  "make them with --out-dir")
    return []


def _title(row: Row, prep: Prepared | None, source: Source | None, kind: str) -> str:
    name = ""
    if prep is not None:
        name = prep.letter.recipient.name or prep.letter.recipient.organization
    elif source is not None:
        recipient = source.data.get("recipient")
        if isinstance(recipient, dict):
            name = str(recipient.get("name") or recipient.get("organization") or "")
    label = "call sheet" if kind == "call" else "letter"
    return f"Row {row.number}: {label}" + (f" to {name}" if name else "")


def check_rows(rows: list[Row]) -> list[Finding]:
    """``--check``: everything but drawing the PDFs."""
    w = _worker()
    ctx = RenderContext()  # per chunk: what a chunk makes never depends on another chunk
    out = []
    for row in rows:
        try:
            source = _source(w, row)
            if "letter" in w.kinds:
                prepare_letter(source, context=ctx)
            if "call" in w.kinds:
                _prepared_call(w, source)
        except (RowError, UserError) as exc:
            out.append(_finding(w, row, exc))
    return out


def merged_chunk(index: int, rows: list[Row]) -> ChunkResult:
    """Render a run of rows for the merged PDF; bad rows become findings, never exceptions."""
    w = _worker()
    ctx = RenderContext()  # per chunk: what a chunk makes never depends on another chunk
    result = ChunkResult(index, None)
    letters: list[tuple[Outcome, Prepared]] = []
    calls: list[tuple[Outcome, Any]] = []
    for row in rows:
        try:
            source = _source(w, row)
        except (RowError, UserError) as exc:
            finding = _finding(w, row, exc)
            result.outcomes += [Outcome(row.number, k, finding) for k in w.kinds]
            continue
        if "letter" in w.kinds:
            try:
                prep = prepare_letter(source, context=ctx)
                outcome = Outcome(row.number, "letter", title=_title(row, prep, source, "letter"))
                letters.append((outcome, prep))
            except (RowError, UserError) as exc:
                outcome = Outcome(row.number, "letter", _finding(w, row, exc))
            result.outcomes.append(outcome)
        if "call" in w.kinds:
            try:
                sheet = _prepared_call(w, source)
                outcome = Outcome(row.number, "call", pages=1,
                                  title=_title(row, None, source, "call"))
                calls.append((outcome, sheet))
            except (RowError, UserError) as exc:
                outcome = Outcome(row.number, "call", _finding(w, row, exc))
            result.outcomes.append(outcome)
    if calls:
        result.calls_pdf = _draw_calls(calls)
    if letters:
        with plain_flate():
            drawn = draw_letters([prep for _, prep in letters], ctx)
        result.letters_pdf, result.loose = drawn.pdf, drawn.loose
        for index, (outcome, _) in enumerate(letters):
            if index in drawn.failed:
                outcome.finding = _failure(outcome, drawn.failed[index])
            else:
                outcome.pages = drawn.pages[index]
    return result


def _failure(outcome: Outcome, exc: Exception, what: str = "letter", done: str = "laid out",
             hint: str = LAYOUT_HINT) -> Finding:
    """The finding for an item that failed while being made (not while being checked)."""
    return Finding(outcome.row, (), "", f"the {what} could not be {done} "
                   f"({type(exc).__name__}: {exc})", hint)


def file_rows(items: list[tuple[Row, str]]) -> list[Outcome]:
    """``--out-dir``: write each row's PDFs to temporary files in the folder (the caller
    renames them); ``name`` is the sanitised base name."""
    w = _worker()
    ctx = RenderContext()  # per chunk: what a chunk makes never depends on another chunk
    assert w.spec.out_dir is not None
    out: list[Outcome] = []
    for row, name in items:
        try:
            source = _source(w, row)
        except (RowError, UserError) as exc:
            finding = _finding(w, row, exc)
            out += [Outcome(row.number, k, finding) for k in w.kinds]
            continue
        for kind in w.kinds:
            try:
                if kind == "letter":
                    prep = prepare_letter(source, context=ctx)
                    try:
                        pdf, pages = build_letter(prep)
                    except Exception as exc:  # noqa: BLE001 - as in the merged file
                        outcome = Outcome(row.number, kind)
                        outcome.finding = _failure(outcome, exc)
                        out.append(outcome)
                        continue
                else:
                    pdf, pages = _call_sheet(w, source)
            except (RowError, UserError) as exc:
                out.append(Outcome(row.number, kind, _finding(w, row, exc)))
                continue
            tmp = _write_temp(w.spec.out_dir, file_name(name, kind, w.kinds), pdf)
            out.append(Outcome(row.number, kind, pages=pages, file=str(tmp),
                               sha256=hashlib.sha256(pdf).hexdigest()))
    return out


def _write_temp(folder: Path, final: str, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{final}.", suffix=".part", dir=folder)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o644)
    return Path(tmp)
