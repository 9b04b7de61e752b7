"""The letter file as a template over a data row: every string field is a Jinja2 template,
rendered in a sandbox with strict undefined; columns named like ``recipient.name`` fill fields
directly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError, TemplateError
from msgspec import Struct, field

from ..errors import UserError, Where
from ..letter.markup import literal
from ..letter.model import PARTY_FIELDS, RECIPIENT_FIELDS
from ..source import Source
from . import filters, salutation
from .sandbox import Budget, LimitedSandbox, LimitError, render
from .table import Table, column_hint, listed

FieldPath = tuple[str | int, ...]
# Direct columns: "recipient.name", "sender.city", "references.your_reference".
_DIRECT_TABLES = {"sender": PARTY_FIELDS, "recipient": RECIPIENT_FIELDS, "references": None}
# Around every value a letter's template prints ({{ ... }}), until the field is rendered: the
# body is markup (bold, italic, bullet items), in which a row's values print as typed
# (``_settled``); the template's own stars and dashes stay markup.
_OPEN, _CLOSE = "\ue001", "\ue002"
_VALUE = re.compile("\ue001([^\ue001\ue002]*)\ue002")
_MARKUP_FIELD: FieldPath = ("body",)


class RowError(Exception):
    """A row that cannot become a letter: field path, columns involved, message and hint."""

    def __init__(self, field: str, columns: tuple[str, ...], what: str, hint: str = "") -> None:
        super().__init__(what)
        self.field = field
        self.columns = columns
        self.what = what
        self.hint = hint


class Cell(str):
    """A row value as the cell shows it, remembering its column (so a filter's error can name
    it) and, for a spreadsheet cell holding a number, date or time, that value (``value``)."""

    column = ""
    value: Any = None


class RowView:
    """The row as templates see it: ``row.first_name`` or ``row["First name"]``.

    It has no public attributes, so a column named ``items`` or ``keys`` is still a column.
    Printed whole (``{{ row }}``), it refuses: a letter shows columns, not a row's insides.
    """

    __slots__ = ("_values", "_typed")

    def __init__(self, values: dict[str, str], typed: dict[str, Any] | None = None) -> None:
        self._values = values
        self._typed = typed or {}

    def __getitem__(self, key: str) -> str:
        cell = Cell(self._values[key])
        cell.column = key
        cell.value = self._typed.get(key)
        return cell

    def __str__(self) -> str:
        raise filters.FilterError(
            "the template prints the whole row ({{ row }})",
            "write row.COLUMN for each value the letter shows, e.g. {{ row.last_name }}",
        )

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def path_name(path: FieldPath) -> str:
    """("recipient", "name") -> "recipient.name"; ("enclosures", 0) -> "enclosures[1]"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out = f"{out}.{part}" if out else part
    return out


def make_environment(date_order: str | None, *, marked: bool = False) -> LimitedSandbox:
    """The sandbox: no loader (no file reads), no autoescape, strict undefined, our filters,
    and limits on the work per row (see ``sandbox``); ``marked``: each printed value between
    the marks that ``_settled`` reads."""
    env = LimitedSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        finalize=_mark if marked else None,
    )
    env.filters.update(filters.FILTERS)
    env.filters["salutation"] = salutation.salutation
    env.guard_filters()
    env.globals["date_order"] = date_order
    env.item_types = frozenset({RowView})
    return env


class LetterTemplate(Struct):
    """A letter file compiled as templates, plus what each field reads from the row."""

    data: dict[str, Any]
    origin: str
    base_dir: Path
    date_order: str | None = None
    templates: dict[FieldPath, Any] = field(default_factory=dict)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> columns
    guarded: set[str] = field(default_factory=set)  # columns only used under `is defined`
    dated: set[str] = field(default_factory=set)  # columns read through a date filter
    free_names: dict[str, str] = field(default_factory=dict)  # bare name -> field
    combined: Any = None  # every field but the language in one template (see render_row)
    combined_paths: tuple[FieldPath, ...] = ()
    environment: LimitedSandbox | None = None  # whose budget each row resets


def compile_template(source: Source, date_order: str | None = None) -> LetterTemplate:
    """Compile every string of the letter file; syntax errors are a UserError (exit 2).

    A run compiles its template once and hands it on (``pool.Workers`` gives it to the
    worker processes it forks)."""
    env = make_environment(date_order, marked=True)
    tpl = LetterTemplate(
        data=source.data,
        origin=source.origin,
        base_dir=source.base_dir,
        date_order=date_order,
        environment=env,
    )
    for path, text in _strings(source.data, ()):
        if "{" not in text:
            continue
        where = Where(file=source.origin, field=path_name(path))
        try:
            tree = env.parse(text)
            tpl.templates[path] = env.from_string(tree)
        except TemplateSyntaxError as exc:
            raise UserError(
                f"template error: {exc.message} (line {exc.lineno} of the field)",
                where=where,
                hint="check the {{ }} and {% %} pairs",
            ) from None
        cols, guarded, free, dated = _references(tree, set(env.globals))
        tpl.dated |= dated
        if cols:
            tpl.columns[path_name(path)] = tuple(sorted(cols))
        tpl.guarded |= guarded - cols
        for name in free:
            tpl.free_names.setdefault(name, path_name(path))
    _combine(env, tpl)
    return tpl


# Between the fields of the combined template: no row value is expected to contain it, and
# if one does, the split comes out wrong and the fields are rendered one by one instead.
_SEPARATOR = "\x1e\ue000letterpress-field\ue000\x1e"


def _combine(env: LimitedSandbox, tpl: LetterTemplate) -> None:
    """One template that renders every field at once, each in its own scope (``with``), so
    a ``set`` in one field stays invisible to the next, as when rendered alone. A batch
    renders thousands of rows; one render per row instead of one per field saves most of the
    templating time. Fields that cannot be combined leave ``combined`` unset."""
    paths = tuple(p for p in tpl.templates if p != ("language",))
    if len(paths) < 2:
        return
    texts = [_field_text(tpl.data, p) for p in paths]
    source = _SEPARATOR.join("{% with %}" + t + "{% endwith %}" for t in texts)
    try:
        tpl.combined = env.from_string(source)
    except TemplateError:
        return
    tpl.combined_paths = paths


def _field_text(data: Any, path: FieldPath) -> str:
    for part in path:
        data = data[part]
    return data


def check_columns(tpl: LetterTemplate, table: Table) -> None:
    """Template names that no column provides are one problem for every row: exit 2."""
    columns, data_origin = table.columns, table.origin
    for name, where in tpl.free_names.items():
        hint = f"write row.{name}" if name in columns else "refer to columns as row.NAME"
        raise UserError(
            f"the template uses {name!r}, which is not defined",
            where=Where(file=tpl.origin, field=where),
            hint=hint,
        )
    known = set(columns)
    for field_name, cols in tpl.columns.items():
        for col in cols:
            if col not in known:
                import difflib  # only for the hint: a run with no mistakes never loads it

                close = difflib.get_close_matches(col, columns, n=1)
                hint = column_hint(table, col) or (
                    f"did you mean {close[0]!r}?" if close else f"columns: {listed(columns)}"
                )
                raise UserError(
                    f"the template uses column {col!r}, which {data_origin} does not have",
                    where=Where(file=tpl.origin, field=field_name),
                    hint=hint,
                )


def referenced_columns(tree: nodes.Template, names: set[str]) -> set[str]:
    """The columns a parsed template reads (``row.x``, ``row["x"]``); ``names`` are the
    other names it may use."""
    return _references(tree, names)[0]


def direct_columns(columns: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Columns that fill a field of the letter directly: name -> (table, field)."""
    out = {}
    for col in columns:
        table, dot, name = col.partition(".")
        if dot and table in _DIRECT_TABLES and name:
            allowed = _DIRECT_TABLES[table]
            if allowed is None or name in allowed:
                out[col] = (table, name)
    return out


def render_row(
    tpl: LetterTemplate,
    values: dict[str, str],
    direct: dict[str, tuple[str, str]],
    row_number: int,
    typed: dict[str, Any] | None = None,
) -> Source:
    """The letter file for one row, as a Source named after the row; ``typed`` holds the
    numbers, dates and times of the row's spreadsheet cells. The row's templates share one
    budget of time and output."""
    if tpl.environment is not None:
        tpl.environment.budget = Budget()
    row = RowView(values, typed)
    language = tpl.data.get("language")
    context: dict[str, Any] = {
        "row": row,
        "letter_language": language if isinstance(language, str) else "en",
    }
    if ("language",) in tpl.templates:
        context["letter_language"] = _render(tpl, ("language",), context, values)
    done = _render_combined(tpl, context)
    data = _fill(tpl.data, (), tpl, context, values, done)
    for col, (table, name) in direct.items():
        value = values.get(col, "")
        if value:
            part = data.setdefault(table, {})
            if not isinstance(part, dict):
                raise RowError(table, (col,), f"[{table}] in the template is not a table")
            part[name] = value
    return Source(data=data, origin="", base_dir=tpl.base_dir, row=row_number)


def _mark(value: Any) -> str:
    """A printed value between the marks (none inside: a macro's output is one value)."""
    text = str(value)
    if _OPEN in text or _CLOSE in text:
        text = text.replace(_OPEN, "").replace(_CLOSE, "")
    return f"{_OPEN}{text}{_CLOSE}"


def _settled(path: FieldPath, text: str) -> str:
    """A rendered field without the marks; in the body, each value escaped so that the
    markup prints it as typed (``**`` in a cell is two stars, a line break a space)."""
    if _OPEN not in text:
        return text
    if path == _MARKUP_FIELD:
        text = _VALUE.sub(lambda m: literal(m.group(1)), text)
    return text.replace(_OPEN, "").replace(_CLOSE, "")


def _render_combined(tpl: LetterTemplate, context: dict[str, Any]) -> dict[FieldPath, str]:
    """All fields in one render; empty when that fails, and then each field is rendered on
    its own, which names the field and column of the failure."""
    if tpl.combined is None:
        return {}
    try:
        parts = render(tpl.combined, context).split(_SEPARATOR)
    except LimitError as exc:  # rendering field by field would spend the same again
        raise RowError("", (), exc.what, exc.hint) from None
    except Exception:  # noqa: BLE001 - the field-by-field render reports it precisely
        return {}
    if len(parts) != len(tpl.combined_paths):
        return {}
    return {path: _settled(path, part) for path, part in zip(tpl.combined_paths, parts)}


def _fill(
    value: Any,
    path: FieldPath,
    tpl: LetterTemplate,
    context: dict[str, Any],
    values: dict[str, str],
    done: dict[FieldPath, str],
) -> Any:
    if isinstance(value, str):
        if path in done:
            return done[path]
        return _render(tpl, path, context, values) if path in tpl.templates else value
    if isinstance(value, dict):
        return {k: _fill(v, (*path, k), tpl, context, values, done) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, (*path, i), tpl, context, values, done) for i, v in enumerate(value)]
    return value


def _render(
    tpl: LetterTemplate, path: FieldPath, context: dict[str, Any], values: dict[str, str]
) -> str:
    name = path_name(path)
    cols = tpl.columns.get(name, ())
    try:
        return _settled(path, render(tpl.templates[path], context))
    except LimitError as exc:
        raise RowError(name, cols, exc.what, exc.hint) from None
    except RecursionError:
        raise RowError(
            name, cols, "the template calls itself without end", "check the template's macros"
        ) from None
    except MemoryError:
        raise RowError(
            name, cols, "the template needs more memory than there is", "simplify the template"
        ) from None
    except UndefinedError as exc:
        missing = _missing_name(str(exc))
        known = tuple(values)
        import difflib  # only for the hint

        close = difflib.get_close_matches(missing or "", known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "add the column or fix the template"
        raise RowError(
            name,
            (missing,) if missing else cols,
            f"the template uses {missing or 'a value'!r}, which this row does not have",
            hint,
        ) from None
    except SecurityError as exc:
        raise RowError(
            name,
            cols,
            f"the template tried something not allowed ({exc})",
            "templates may only read row values and use filters",
        ) from None
    except filters.FilterError as exc:
        raise RowError(name, (exc.column,) if exc.column else cols, exc.what, exc.hint) from None
    except (
        TemplateError,
        ArithmeticError,
        TypeError,
        ValueError,
        LookupError,
        AttributeError,
    ) as exc:
        raise RowError(
            name,
            cols,
            f"the template failed: {type(exc).__name__}: {exc}",
            "check the template expression",
        ) from None


def _missing_name(message: str) -> str:
    # "'...RowView object' has no attribute 'x'" or "'x' is undefined"
    parts = message.split("'")
    if "has no attribute" in message and len(parts) >= 4:
        return parts[3]
    if message.endswith("is undefined") and len(parts) >= 2:
        return parts[1]
    return ""


def _strings(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))


def _references(
    tree: nodes.Template, known: set[str]
) -> tuple[set[str], set[str], set[str], set[str]]:
    """Columns read as ``row.x``/``row["x"]`` (and those only tested with ``is defined`` or
    given a ``default``), and bare names the template reads that nothing defines."""
    from jinja2 import meta

    cols: set[str] = set()
    guarded: set[str] = set()
    dated: set[str] = set()

    def walk(node: nodes.Node, safe: bool) -> None:
        if isinstance(node, nodes.Filter) and node.name in ("date", "long_date"):
            key = _row_key(node.node)
            if key:
                dated.add(key)
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
            safe = True
        if isinstance(node, nodes.Filter) and node.name in ("default", "d"):
            safe = True
        key = _row_key(node)
        if key is not None:
            (guarded if safe else cols).add(key)
        for child in node.iter_child_nodes():
            walk(child, safe)

    walk(tree, False)
    # A name the template sets anywhere is its own (Jinja counts a name set inside an
    # ``{% if %}`` as undeclared where a nested loop reads it); were it read where it is not
    # set, rendering the row says so.
    assigned = {
        target.name
        for node in tree.find_all((nodes.Assign, nodes.AssignBlock, nodes.For, nodes.Macro))
        for target in _targets(node)
    }
    free = meta.find_undeclared_variables(tree) - {"row", "letter_language"} - known - assigned
    return cols, guarded, free, dated


def _targets(node: nodes.Node) -> list[nodes.Name]:
    """The names an assignment, loop or macro defines."""
    if isinstance(node, nodes.Macro):
        return [nodes.Name(node.name, "store")]
    target = getattr(node, "target", None)
    if target is None:
        return []
    return [n for n in [target, *target.find_all(nodes.Name)] if isinstance(n, nodes.Name)]


def _row_key(node: nodes.Node | None) -> str | None:
    """ "x" for ``row.x`` or ``row["x"]``."""
    if isinstance(node, nodes.Getattr) and _is_row(node.node):
        return node.attr
    if (
        isinstance(node, nodes.Getitem)
        and _is_row(node.node)
        and isinstance(node.arg, nodes.Const)
        and isinstance(node.arg.value, str)
    ):
        return node.arg.value
    return None


def _is_row(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Name) and node.name == "row"
