"""Work done per row, in worker processes: template -> document file -> checks -> PDF.

One loop over a chunk's rows (``_each``) fills the template, runs every check of each kind of
document (letter, call sheet) and collects what passed; the three tasks below then check only,
draw the chunk into one PDF for the merged file, or draw each row's documents alone for
``--out-dir``. Each kind is a ``Maker`` in ``MAKERS``: how to prepare one, how to draw a chunk
of them together, how to draw one alone. A chunk gets its own ``RenderContext``, so what it
draws never depends on which chunks its process drew before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from ..errors import UserError
from ..notices import Notice
from ..output import write_temporary
from ..pdf.merge import Drawn
from ..source import Source
from .checks import (
    Finding,
    check_postcodes,
    from_notice,
    from_row_error,
    from_user_error,
    normalise_countries,
)
from .table import Row
from .tasks import KINDS, ChunkResult, Outcome, Spec, file_name
from .template import LetterTemplate, RowError, compile_template, direct_columns, render_row
from .wording import batch_wording, bookmark, language_code

if TYPE_CHECKING:  # the worker's imports load ReportLab: only worker processes need them
    from ..letter.context import RenderContext

LAYOUT_HINT = "shorten long words or lines in the text"


class Made(Struct, frozen=True):
    """One prepared document of one row, and its doubts."""

    row: Row
    item: Any
    title: str
    notices: tuple[Notice, ...] = ()


class Maker(Struct, frozen=True):
    """One kind of document: prepare (every check; raises UserError), draw many together,
    draw one alone (its PDF and page count)."""

    label: str  # "letter", "call sheet"
    prepare: Callable[[RowWorker, RenderContext, Source], tuple[Any, tuple[Notice, ...]]]
    draw_together: Callable[[list[Any], RenderContext], Drawn]
    draw_alone: Callable[[Any], tuple[bytes, int]]


class RowWorker:
    """What one process needs for a run: the compiled template and the run's choices."""

    def __init__(self, spec: Spec, template: LetterTemplate | None = None) -> None:
        """``template`` is the run's compiled template, when the caller has it; else the
        spec's is compiled here."""
        self.spec = spec
        if template is None:
            source = Source(data=spec.template, origin=spec.origin, base_dir=spec.base_dir)
            template = compile_template(source, spec.date_order)
        self.template: LetterTemplate = template
        self.direct = direct_columns(spec.columns)
        self.kinds = KINDS[spec.kind]

    def source(self, row: Row, seen: dict[int, Any] | None = None) -> Source:
        """The row's document file: the template filled with the row (RowError if it fails);
        ``seen`` gets what the spec's ``inspect`` finds in it as filled in."""
        source = render_row(self.template, row.values, self.direct, row.number, row.typed)
        if seen is not None and self.spec.inspect is not None:
            seen[row.number] = self.spec.inspect(source.data)
        normalise_countries(source.data, self.template, self.direct)
        check_postcodes(source.data, self.template, self.direct, row.numeric, self.spec.workbook)
        return source

    def finding(self, row: Row, exc: RowError | UserError) -> Finding:
        """The finding for a row that failed a check, naming the columns behind the field."""
        if isinstance(exc, RowError):
            return from_row_error(row.number, exc)
        return from_user_error(row.number, exc, self.template, self.direct, row.values, row.numeric)

    def warnings(self, made: Made) -> list[Finding]:
        """The row's notices as findings: warnings (errors under --strict) and info lines
        (which never stop a row)."""
        stop = "error" if self.spec.strict else "warning"
        return [
            from_notice(
                made.row.number,
                notice,
                self.template,
                self.direct,
                stop if notice.level == "warning" else "info",
            )
            for notice in made.notices
        ]


def warm(language: Any, typeface: Any) -> None:
    """Load what every document needs before any row arrives: fonts and the template's
    language with its hyphenation dictionary (whose patterns are decoded as words need
    them, see ``_context``). Whatever fails here is reported by the rows themselves."""
    from ..language import resolve_language
    from ..language.hyphenation import patterns
    from ..pdf import fonts

    try:
        fonts.face(typeface if typeface in fonts.TYPEFACES else "sans")
        lang = resolve_language(language if isinstance(language, str) else "en")
        if lang.hyphenation:
            patterns(lang.hyphenation)
    except Exception:  # noqa: BLE001 - only a head start
        return


def _each(
    worker: RowWorker,
    ctx: RenderContext,
    rows: list[Row],
    outcomes: list[Outcome],
    seen: dict[int, Any] | None = None,
) -> Iterator[tuple[str, Made, Outcome]]:
    """Every document of every row that passes its checks, with the outcome to fill in; a
    row or document that fails gets its outcome (with the finding) appended here."""
    for row in rows:
        try:
            source = worker.source(row, seen)
        except (RowError, UserError) as exc:
            finding = worker.finding(row, exc)
            outcomes += [Outcome(row.number, kind, finding) for kind in worker.kinds]
            continue
        for kind in worker.kinds:
            maker = MAKERS[kind]
            try:
                item, notices = maker.prepare(worker, ctx, source)
            except (RowError, UserError) as exc:
                outcomes.append(Outcome(row.number, kind, worker.finding(row, exc)))
                continue
            made = Made(row, item, _title(ctx, row, source, maker.label), notices)
            warnings = worker.warnings(made)
            errors = [w for w in warnings if w.severity == "error"]
            outcome = Outcome(
                row.number,
                kind,
                errors[0] if errors else None,
                title=made.title,
                warnings=tuple(w for w in warnings if w.severity != "error"),
            )
            outcomes.append(outcome)
            if not errors:
                yield kind, made, outcome


def check_rows(worker: RowWorker, rows: list[Row]) -> tuple[list[Finding], dict[int, Any]]:
    """``--check``: every check, nothing drawn; and what the spec's ``inspect`` found in each
    row's document, by row."""
    outcomes: list[Outcome] = []
    seen: dict[int, Any] = {}
    for _ in _each(worker, _context(), rows, outcomes, seen):
        pass
    found = [f for o in outcomes for f in ([o.finding] if o.finding else []) + list(o.warnings)]
    return found, seen


def merged_chunk(worker: RowWorker, index: int, rows: list[Row]) -> ChunkResult:
    """A run of rows for the merged PDF: each kind's documents drawn together into one PDF;
    bad rows become findings, never exceptions."""
    from ..pdf.canvas import plain_flate

    ctx = _context()
    result = ChunkResult(index)
    groups: dict[str, list[tuple[Made, Outcome]]] = {kind: [] for kind in worker.kinds}
    for kind, made, outcome in _each(worker, ctx, rows, result.outcomes):
        groups[kind].append((made, outcome))
    for kind, group in groups.items():
        if not group:
            continue
        maker = MAKERS[kind]
        with plain_flate():
            drawn = maker.draw_together([made.item for made, _ in group], ctx)
        result.parts[kind] = drawn
        for i, (_, outcome) in enumerate(group):
            if i in drawn.failed:
                outcome.finding = _failure(outcome, drawn.failed[i], maker.label)
            else:
                outcome.pages = drawn.pages[i]
    return result


def file_rows(worker: RowWorker, items: list[tuple[Row, str]]) -> list[Outcome]:
    """``--out-dir``: each row's documents written to temporary files in the folder (the
    caller renames them); ``name`` is the row's sanitised base name."""
    folder = worker.spec.out_dir
    assert folder is not None
    names = {row.number: name for row, name in items}
    outcomes: list[Outcome] = []
    for kind, made, outcome in _each(worker, _context(), [row for row, _ in items], outcomes):
        try:
            pdf, outcome.pages = MAKERS[kind].draw_alone(made.item)
        except Exception as exc:  # noqa: BLE001 - reported for this row, the others go on
            outcome.finding = _failure(outcome, exc, MAKERS[kind].label)
            continue
        final = file_name(names[made.row.number], kind, worker.kinds)
        outcome.file = str(write_temporary(folder, final, pdf))
        outcome.sha256 = hashlib.sha256(pdf).hexdigest()
    return outcomes


def _context() -> RenderContext:
    """A chunk's own caches, the kind a single letter uses: hyphenation patterns decoded in
    the groups its words need (a chunk of 250 letters decodes about 85 % of them, as many
    as decoding them whole would, a small run a few: decoding them whole cost a process
    0.2 G instructions) and the date written out from the dates kept in the cache folder
    (Babel's locale data, 0.06 G, loaded only for a date not kept there)."""
    from ..letter.context import RenderContext

    return RenderContext()


def _title(ctx: RenderContext, row: Row, source: Source, label: str) -> str:
    """The bookmark in the letter's language: 'Row 5: letter to Kim Berger' (the language's
    wording file looked up once per run and language, not once per row)."""
    recipient = source.data.get("recipient")
    name = ""
    if isinstance(recipient, dict):
        name = str(recipient.get("name") or recipient.get("organization") or "")
    tag = source.data.get("language")
    tag = tag if isinstance(tag, str) else None  # any other value reads as English
    code = ctx.furniture.get(("batch language", tag), lambda: language_code(tag))
    assert isinstance(code, str)
    words = batch_wording(code)
    return bookmark(words, row.number, label, name)


def _failure(outcome: Outcome, exc: Exception, label: str) -> Finding:
    """The finding for a document that passed its checks but could not be drawn."""
    done = "laid out" if label == "letter" else "drawn"
    hint = LAYOUT_HINT if label == "letter" else "shorten long words or lines in the [call] texts"
    return Finding(
        outcome.row, (), "", f"the {label} could not be {done} ({type(exc).__name__}: {exc})", hint
    )


# --- the kinds of document ---------------------------------------------------------------


def _prepare_letter(
    worker: RowWorker, ctx: RenderContext, source: Source
) -> tuple[Any, tuple[Notice, ...]]:
    from ..letter.prepare import prepare_letter  # one import statement per letter, not six

    prep = prepare_letter(
        source, context=ctx, envelope=worker.spec.envelope, shift=worker.spec.shift
    )
    return prep, prep.notices


def _letters_together(items: list[Any], ctx: RenderContext) -> Drawn:
    from ..letter.shared import draw_letters

    return draw_letters(items, ctx)


def _letter_alone(item: Any) -> tuple[bytes, int]:
    from ..letter import build_letter

    return build_letter(item)


def _prepare_call(
    worker: RowWorker, ctx: RenderContext, source: Source
) -> tuple[Any, tuple[Notice, ...]]:
    from ..callsheet.render import prepare_call_sheet

    prep = prepare_call_sheet(source, now=worker.spec.call_now)
    return prep, prep.sheet.warnings


def _calls_together(items: list[Any], ctx: RenderContext) -> Drawn:
    from ..callsheet.page import draw_sheets

    return draw_sheets([(s.plan, s.geometry) for s in items], items[0].sheet.call_on)


def _call_alone(item: Any) -> tuple[bytes, int]:
    from ..callsheet.page import draw_pdf

    return draw_pdf(item.plan, item.geometry, item.meta, item.sheet.call_on), 1


def _prepare_envelope(
    worker: RowWorker, ctx: RenderContext, source: Source
) -> tuple[Any, tuple[Notice, ...]]:
    from ..envelope import prepare_envelope

    spec = worker.spec
    prep = prepare_envelope(source, size=spec.envelope, rules=ctx.address_rules, shift=spec.shift)
    return prep.plan, prep.notices


def _envelopes_together(items: list[Any], ctx: RenderContext) -> Drawn:
    from ..mailpiece.sheet import draw_together

    return draw_together(items)


def _envelope_alone(item: Any) -> tuple[bytes, int]:
    from ..mailpiece.sheet import draw_sheets

    return draw_sheets(item), len(item.pages)


MAKERS: dict[str, Maker] = {
    "letter": Maker("letter", _prepare_letter, _letters_together, _letter_alone),
    "call": Maker("call sheet", _prepare_call, _calls_together, _call_alone),
    "envelope": Maker("envelope", _prepare_envelope, _envelopes_together, _envelope_alone),
}
