"""Address labels: one address per label of a sheet (Avery, Avery Zweckform, HERMA), in row
order, starting at any label of the first sheet so a half-used sheet can be finished.

Stages: ``batch.table`` reads the data; ``rows`` makes each row a letter-like file (through a
template, or by well-known column names); ``mailpiece.parties`` formats its address as the
letter does; ``place`` sets it on its label (geometries from ``label-sheets/*.toml``);
``mailpiece.sheet`` draws the sheets.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from msgspec import Struct, field
from msgspec.structs import replace

from ..batch.alike import first_differing, warning
from ..batch.table import read_table
from ..config import load_table
from ..countries import country_code, parse_country
from ..errors import UserError, Where
from ..letter.address import AddressRules
from ..mailpiece.block import Misfit
from ..mailpiece.parties import read_parties, recipient_address
from ..mailpiece.posts import Post, post_for
from ..mailpiece.sheet import SheetPage, SheetPlan
from ..notices import Notice
from ..pdf.document import DocumentInfo
from ..pdf.shift import Shift
from ..pdf.units import length_text, size_text
from ..source import Source, load_source
from .place import Placed, place_label
from .rows import RowSource, printed_columns, row_countries, row_sources
from .sheets import LabelSheet, bundled_sheets, find_sheet

__all__ = ["LabelRun", "bundled_sheets", "find_sheet", "make_labels"]


class LabelRun(Struct):
    """What became of the rows: the sheets planned (None when no row could be made), each
    address placed (row number and where), each failed row's one-line message, and the
    notices."""

    sheet: LabelSheet
    post: Post
    plan: SheetPlan | None = None
    placed: list[tuple[int, Placed]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    rows: int = 0
    origin: str = ""  # the data file, for messages


def make_labels(
    data: str | Path,
    sheet: str,
    *,
    template: str | Path | None = None,
    start: int = 1,
    home: str | None = None,
    language: str | None = None,
    shift: Shift | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    worksheet: str | None = None,
) -> LabelRun:
    """Plan the label sheets for every row of ``data``; a row whose address cannot be made
    or does not fit its label is reported and skipped (the next row takes its label)."""
    try:
        spec = find_sheet(sheet)
    except UserError as exc:
        if _is_worksheet(data, sheet):
            raise UserError(
                exc.what,
                where=exc.place,
                hint=f"{sheet!r} is a worksheet of {data}: give it as --worksheet {sheet!r}, "
                "and the label sheet (L7160, 5160, ...) as --sheet",
            ) from None
        raise
    if Path(str(data)).suffix.lower() in (".toml", ".json"):
        raise UserError(
            "a letter file, not an address list",
            where=Where(file=str(data)),
            hint=f"give the addresses (.csv, .xlsx, .xls or .ods) first, and a letter file "
            f"whose [recipient] they fill as --template {data}",
        )
    if not 1 <= start <= spec.count:
        raise UserError(
            f"sheet {spec.name} has labels 1 to {spec.count}",
            where=Where(option="--start"),
            hint="count the used labels left to right, then top to bottom",
        )
    table = read_table(
        data,
        delimiter=delimiter,
        encoding=encoding,
        sheet=worksheet,
        sheet_option="--worksheet",  # --sheet is the label sheet
    )
    tpl = load_source(template) if template is not None else None
    lang = language or _template_text(tpl, "language") or "en"
    country, notices = _home(home, tpl, table)
    notices = [Notice(n, Where(file=table.origin), level="info") for n in table.notes] + notices
    # The columns a label prints, when they are found by their names (a template's: all).
    printed = printed_columns(table.columns) if tpl is None else None
    notices += [
        Notice(what, Where(table.origin, row, column), hint, "rounded")
        for row, column, what, hint in table.doubts
        if printed is None or column in printed
    ]
    cell = first_differing(table.alike, (row.number for row in table.rows), printed)
    if table.alike is not None and cell is not None:
        what, hint = warning(table.alike, cell)
        notices.append(Notice(what, Where(table.origin, cell[0], cell[1]), hint, "encoding"))
    post = post_for(country)
    run = LabelRun(spec, post, notices=notices, rows=len(table.rows), origin=table.origin)
    rules = AddressRules()
    index = start - 1
    pages: dict[int, list] = {}
    for item in row_sources(table, tpl, lang, country):
        outcome = _place(item, spec, post, rules, country, index)
        if isinstance(outcome, str):
            run.failed.append((item.row.number, outcome))
            continue
        made, notices = outcome
        run.notices += notices
        run.placed.append((item.row.number, made))
        pages.setdefault(made.page, []).extend(made.block.lines)
        index += 1
    if run.placed:
        sheets = tuple(
            SheetPage(spec.paper_width, spec.paper_height, tuple(pages.get(i, ())))
            for i in range(max(pages) + 1)
        )
        info = DocumentInfo(
            title=f"{spec.maker} {spec.name} labels from {Path(data).name}",
            author=_sender_name(tpl),
            lang=lang,
        )
        run.plan = SheetPlan(sheets, date.today(), info, shift)
    return run


def _is_worksheet(data: str | Path, name: str) -> bool:
    """Whether ``name``, given as the label sheet, names a worksheet of the workbook ``data``
    (--sheet picks the worksheet in the batch); read only when the label sheet is unknown."""
    if str(data) == "-":
        return False  # standard input is read once, for the labels
    try:
        read_table(data, sheet=name)
    except UserError:
        return False
    return True


def _place(
    item: RowSource,
    sheet: LabelSheet,
    post: Post,
    rules: AddressRules,
    home: str,
    index: int,
) -> tuple[Placed, list[Notice]] | str:
    """The row's address on label ``index`` and the notices about it, or the one line saying
    why not."""
    if item.source is None:
        return item.error
    try:
        parties = read_parties(item.source, home=home)
        address = recipient_address(parties, rules, uppercase=post.uppercase)
    except UserError as exc:
        return UserError(exc.what, where=_with_column(exc.place, item), hint=exc.hint).line()
    lines = list(address.lines)
    placed = place_label(lines, sheet, index, post)
    if isinstance(placed, Misfit):
        return _misfit_error(placed, sheet, post, len(lines), item).line()
    notices = [replace(n, where=_with_column(n.where, item)) for n in address.notices]
    return placed, notices


def _with_column(where: Where, item: RowSource) -> Where:
    """``where`` naming the data column that filled its field, when one column did."""
    columns = item.columns(where.field) if where.field and not where.column else ()
    return replace(where, column=columns[0]) if len(columns) == 1 else where


def _misfit_error(
    misfit: Misfit, sheet: LabelSheet, post: Post, count: int, item: RowSource
) -> UserError:
    size = size_text(sheet.width, sheet.height, sheet.unit)  # inches for US Letter sheets
    if misfit.too_tall:
        what = (
            f"{count} address lines do not fit a label of sheet {sheet.name} ({size}) even at "
            f"{post.label.min_size:g} pt"
        )
    else:
        what = (
            f"address line {misfit.line.text!r} is {length_text(misfit.width, sheet.unit)} "
            f"wide at {post.label.min_size:g} pt; a label of sheet {sheet.name} ({size}) "
            f"leaves {length_text(misfit.room_width, sheet.unit)}"
        )
    # Too many lines is the whole address's fault, not its last line's (the country's).
    line_where = misfit.line.where
    where = (
        Where(file=line_where.file, row=line_where.row)
        if misfit.too_tall
        else _with_column(line_where, item)
    )
    return UserError(
        what, where=where, hint="use a sheet with larger labels, or shorten the address"
    )


def _sender_name(tpl: Source | None) -> str:
    """The template's sender name when it is plain text (the PDF's author), else ""."""
    sender = tpl.data.get("sender") if tpl is not None else None
    name = sender.get("name") if isinstance(sender, dict) else None
    return name if isinstance(name, str) and "{" not in name else ""


def _code(text: str) -> str:
    """A country cell as its ISO code (a name as people write it, or a code)."""
    return country_code(text) or text.strip().upper() if text.strip() else ""


def _template_text(tpl: Source | None, key: str) -> str:
    value = tpl.data.get(key) if tpl is not None else None
    return value if isinstance(value, str) and "{" not in value else ""


def _home(home: str | None, tpl: Source | None, table) -> tuple[str, list[Notice]]:  # type: ignore[no-untyped-def]
    """The country the labels are posted in: ``--from``, the template's sender, the stored
    profile, else the country most rows go to (said in an info line)."""
    if home:
        return parse_country(home, Where(option="--from")), []
    sender = tpl.data.get("sender") if tpl is not None else None
    if (
        tpl is not None
        and isinstance(sender, dict)
        and isinstance(sender.get("country"), str)
        and sender["country"]
        and "{" not in sender["country"]
    ):
        return parse_country(sender["country"], tpl.where.at("sender", "country")), []
    me = load_table("me").get("country")
    if isinstance(me, str) and me:
        return country_code(me) or me.upper(), []
    counts = Counter(_code(cell) for cell in row_countries(table))
    counts.pop("", None)
    country = counts.most_common(1)[0][0] if counts else "DE"
    return country, [
        Notice(
            f"no home country given: taking {country}, where most rows go; "
            "addresses in other countries get a country line",
            where=Where(file=table.origin),
            hint="give --from CC",
            kind="labels-home",
            level="info",
        )
    ]
