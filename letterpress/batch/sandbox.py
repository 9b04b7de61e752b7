"""The sandbox mail-merge templates and ``--name`` patterns run in: Jinja2's immutable sandbox
with limits on the work one row may ask for (processor time, loop steps, the size of what it
makes), so that a template that loops, recurses or builds a huge text fails its row with one
line instead of hanging the batch or exhausting memory. The limits are in ``limits.py``."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from jinja2 import nodes
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

from ..limits import (
    TEMPLATE_CPU_SECONDS,
    TEMPLATE_LOOP_STEPS,
    TEMPLATE_MAX_VALUE,
    TEMPLATE_OUTPUT_CHARS,
)

_HINT = "simplify the template: a letter's field needs no more"
# A width or precision of six digits or more in a format ("%999999d", "{:>999999}").
_HUGE_WIDTH = re.compile(r"\d{6,}")
_CLOCK_EVERY = 64  # steps between looks at the clock (no one step takes long: sizes are capped)
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")  # "{:{width}}": a width given as an argument


class LimitError(Exception):
    """A row's templates asked for more work than the limits allow."""

    def __init__(self, what: str, hint: str = _HINT) -> None:
        super().__init__(what)
        self.what, self.hint = what, hint


class Budget:
    """What one row's templates may still spend: processor time, loop steps, output.

    The processor time counts from the first look at the clock, after the first
    ``_CLOCK_EVERY`` steps: most rows take fewer and never read it (a system call that, on a
    busy machine, can give the processor away for milliseconds)."""

    def __init__(self) -> None:
        self.deadline: float | None = None  # set at the first look
        self.steps = TEMPLATE_LOOP_STEPS
        self.next_look = self.steps - _CLOCK_EVERY
        self.output = TEMPLATE_OUTPUT_CHARS

    def tick(self, steps: int = 1) -> None:
        """Count loop steps, and stop a row that has run out of steps or time."""
        self.steps -= steps
        if self.steps <= self.next_look:
            self.look()

    def look(self) -> None:
        """Every few steps: stop a row that has used up its steps or its time."""
        self.next_look = self.steps - _CLOCK_EVERY
        if self.steps < 0:
            raise LimitError(f"the template loops more than {TEMPLATE_LOOP_STEPS:,} times")
        now = time.process_time()
        if self.deadline is None:
            self.deadline = now + TEMPLATE_CPU_SECONDS
        elif now > self.deadline:
            raise LimitError(
                f"the template takes more than {TEMPLATE_CPU_SECONDS:g} s of "
                "processor time for one row"
            )

    def write(self, chars: int) -> None:
        """Count characters written; stop a row whose templates write too much."""
        self.output -= chars
        if self.output < 0:
            raise LimitError(
                f"the template writes more than {TEMPLATE_OUTPUT_CHARS:,} characters for one row"
            )


def _size(value: Any) -> int:
    """The length of a text, list or tuple; 0 for anything else."""
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


def _check_size(size: int) -> None:
    if size > TEMPLATE_MAX_VALUE:
        raise LimitError(
            f"the template makes a value of {size:,} characters or items "
            f"(at most {TEMPLATE_MAX_VALUE:,})"
        )


def _repeat_size(left: Any, right: Any) -> int:
    """The length ``left * right`` would have (a text or list times a number)."""
    for seq, count in ((left, right), (right, left)):
        if _size(seq) and isinstance(count, int):
            return _size(seq) * max(count, 0)
    return 0


def _power_size(left: Any, right: Any) -> int:
    """About how many digits ``left ** right`` would have."""
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        return right * abs(left).bit_length() // 3
    return 0


def _percent_size(left: Any, right: Any) -> int:
    """A ``%`` format with a huge width counts as huge; ``*`` widths count their value."""
    if not isinstance(left, str):
        return 0
    if _HUGE_WIDTH.search(left):
        return TEMPLATE_MAX_VALUE + 1
    args = right if isinstance(right, tuple) else (right,)
    return max([len(left)] + [a for a in args if isinstance(a, int) and "*" in left])


# The size of a binary operation's result, estimated before it runs.
_BINOP_SIZE: dict[str, Callable[[Any, Any], int]] = {
    "*": _repeat_size,
    "**": _power_size,
    "+": lambda left, right: _size(left) + _size(right),
    "%": _percent_size,
}


def _width_arg(position: int, name: str) -> Callable[..., int]:
    """The size of a filter or method result that is at least its width argument."""

    def size(value: Any, *args: Any, **kwargs: Any) -> int:
        width = kwargs.get(name, args[position] if len(args) > position else 0)
        return width if isinstance(width, int) else _size(width) * _size(value)

    return size


def _replace_size(value: Any, *args: Any, **kwargs: Any) -> int:
    new = args[1] if len(args) > 1 else kwargs.get("new", "")
    return _size(value) + (_size(value) + 1) * _size(new)


# Filters (and text methods) whose result can be far larger than their input, with the size
# their result would have.
_GROWING: dict[str, Callable[..., int]] = {
    "center": _width_arg(0, "width"),
    "ljust": _width_arg(0, "width"),
    "rjust": _width_arg(0, "width"),
    "zfill": _width_arg(0, "width"),
    "indent": lambda value, *a, **k: _size(value) * (1 + _width_arg(0, "width")(value, *a, **k)),
    "expandtabs": lambda value, *a, **k: (
        _size(value) * max(_width_arg(0, "tabsize")(value, *a, **k), 1)
    ),
    "replace": _replace_size,
    "format": lambda value, *a, **k: _percent_size(value, a),
    "slice": _width_arg(0, "slices"),
    "batch": lambda value, *a, **k: 0,
}


def _guarded_filter(
    name: str, function: Callable[..., Any], env: LimitedSandbox
) -> Callable[..., Any]:
    """A filter that ticks the budget and refuses a result beyond the limits."""

    @wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        env.budget.tick()
        size = _GROWING.get(name)
        if size is not None:
            value_at = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0
            if len(args) > value_at:
                _check_size(size(args[value_at], *args[value_at + 1 :], **kwargs))
        result = function(*args, **kwargs)
        _check_size(_size(result))
        return result

    return guarded


class CountedRange:
    """``range`` as templates see it: at most ``MAX_RANGE`` numbers (the sandbox's rule), and
    every step of a loop over it counted against the row's budget."""

    def __init__(self, env: LimitedSandbox, *args: int) -> None:
        self._numbers = safe_range(*args)
        self._env = env

    def __iter__(self) -> Iterator[int]:
        budget = self._env.budget
        for number in self._numbers:
            budget.tick()
            yield number

    def __reversed__(self) -> Iterator[int]:
        return iter(
            CountedRange(
                self._env,
                self._numbers[-1] if self._numbers else 0,
                self._numbers[0] - 1 if self._numbers else 0,
                -1,
            )
        )

    def __len__(self) -> int:
        return len(self._numbers)

    def __getitem__(self, index: int) -> int:
        return self._numbers[index]

    def __contains__(self, number: object) -> bool:
        return number in self._numbers


# ``a ~ b`` is compiled as a call of this global, so that joined texts count like ``a + b``.
_CONCAT = "_letterpress_concat"


class _CountedConcat(NodeTransformer):
    """Turns every ``~`` (Jinja2 joins texts without calling the environment) into a call."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:
        self.generic_visit(node)
        call = nodes.Call(nodes.Name(_CONCAT, "load"), list(node.nodes), [], None, None)
        call.set_lineno(node.lineno)
        return call


def _concat(*parts: Any) -> str:
    """``a ~ b ~ c``: the parts as texts, joined, within the size limit."""
    texts = [str(part) for part in parts]
    _check_size(sum(map(len, texts)))
    return "".join(texts)


class _CountedNamespace(Namespace):
    """``namespace()``, whose values (kept across loop steps) stay within the size limit."""

    def __setitem__(self, name: str, value: Any) -> None:
        _check_size(_size(value))
        super().__setitem__(name, value)


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with every call, operator, attribute access, range step and
    filter counted against ``budget`` (set a fresh ``Budget()`` before each row)."""

    intercepted_binops = frozenset(_BINOP_SIZE)
    # Types read by item (``row.x`` is ``row["x"]``): only types whose every attribute name
    # starts with an underscore, so that Jinja2 would find no attribute and read the item too.
    item_types: frozenset[type] = frozenset()

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        self.globals["range"] = lambda *args: CountedRange(self, *args)
        self.globals.pop("lipsum", None)  # random filler text: never a letter's words
        self.globals["namespace"] = _CountedNamespace
        self.globals[_CONCAT] = _concat

    def compile(
        self,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Compile as Jinja2 does, with every ``~`` counted (see ``_CountedConcat``)."""
        tree = self.parse(source, name, filename) if isinstance(source, str) else source
        tree = _CountedConcat().visit(tree)
        tree.set_environment(self)
        return super().compile(tree, name, filename, raw, defer_init)  # type: ignore[call-overload]

    def guard_filters(self) -> None:
        """Wrap every filter (call after adding the project's own)."""
        self.filters = {
            name: _guarded_filter(name, function, self) for name, function in self.filters.items()
        }

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        _check_size(_BINOP_SIZE[operator](left, right))
        return super().call_binop(context, operator, left, right)

    def call(
        __self,
        __context: Context,
        __obj: Any,  # Jinja2's signature
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        __self.budget.tick()
        owner = getattr(__obj, "__self__", None)
        size = _GROWING.get(getattr(__obj, "__name__", "")) if isinstance(owner, str) else None
        if size is not None:
            _check_size(size(owner, *args, **kwargs))
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(_size(result))
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        budget = self.budget  # tick() inlined: every row.COLUMN passes here
        budget.steps -= 1
        if budget.steps <= budget.next_look:
            budget.look()
        if type(obj) in self.item_types and attribute[:1] != "_":
            # What Jinja2 returns after its attribute lookup fails (these types have no
            # attribute without an underscore), without raising and catching that failure.
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        budget = self.budget
        budget.steps -= 1
        if budget.steps <= budget.next_look:
            budget.look()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        spec: str = value.__self__
        budget = self.budget
        nested = _NESTED_FIELD.search(spec) is not None

        def limited(*args: Any, **kwargs: Any) -> str:
            budget.tick()
            widths = [a for a in (*args, *kwargs.values()) if isinstance(a, int)] if nested else []
            if _HUGE_WIDTH.search(spec) or any(w > TEMPLATE_MAX_VALUE for w in widths):
                _check_size(TEMPLATE_MAX_VALUE + 1)
            result = wrapped(*args, **kwargs)
            _check_size(len(result))
            return result

        return limited


def render(template: Any, context: dict[str, Any]) -> str:
    """Render ``template`` piece by piece, counting what it writes against its environment's
    budget (the sandbox's; any other environment renders without limits)."""
    budget = getattr(template.environment, "budget", None)
    if budget is None:
        return str(template.render(context))
    pieces = []
    room = budget.output
    for piece in template.root_render_func(template.new_context(context)):
        room -= len(piece)
        if room < 0:
            budget.write(budget.output + 1)  # raises
        pieces.append(piece)
    budget.output = room
    return "".join(pieces)
