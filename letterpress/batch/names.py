"""File names for ``--out-dir``: a pattern over the row, made safe and unique."""
from __future__ import annotations

import re
import unicodedata

from jinja2 import TemplateSyntaxError
from jinja2.exceptions import TemplateError

from ..errors import UserError, Where
from .template import RowView, make_environment

DEFAULT_PATTERN = "row-{{ n }}"
MAX_LENGTH = 100
_UNSAFE = re.compile(r"[^\w\-.+()]+")  # \w is Unicode-aware: letters of any script stay
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
             *(f"lpt{i}" for i in range(1, 10))}


class NamePattern:
    """``--name`` compiled once: ``{{ row.last_name }}-{{ row.first_name }}``; ``n`` is the row."""

    def __init__(self, pattern: str | None) -> None:
        self.pattern = pattern or DEFAULT_PATTERN
        env = make_environment(None)
        try:
            self.template = env.from_string(self.pattern)
        except TemplateSyntaxError as exc:
            raise UserError(f"template error: {exc.message}", where=Where(option="--name"),
                            hint='write it like "{{ row.last_name }}-{{ n }}"') from None

    def render(self, number: int, values: dict[str, str]) -> str:
        """The bare, sanitised name (no extension); TemplateError for a bad row."""
        text = self.template.render(row=RowView(values), n=number)
        return sanitise(text) or f"row-{number}"


def sanitise(text: str) -> str:
    """A name safe on Windows, macOS and Linux: no separators or control characters, no
    leading dots, not a reserved device name, at most 100 characters."""
    text = unicodedata.normalize("NFC", text).strip()
    text = _UNSAFE.sub("-", text.replace(" ", "_"))
    text = re.sub(r"-{2,}", "-", text).strip("-._")[:MAX_LENGTH].rstrip("-._ ")
    if text.split(".")[0].lower() in _RESERVED:
        text += "_"
    return text


def unique_names(names: list[str | None]) -> list[str | None]:
    """Make names unique without regard to case ('Lee' twice -> 'Lee', 'Lee-2')."""
    seen: set[str] = set()
    out: list[str | None] = []
    for name in names:
        if name is None:
            out.append(None)
            continue
        candidate, k = name, 1
        while candidate.lower() in seen:
            k += 1
            candidate = f"{name}-{k}"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


__all__ = ["NamePattern", "TemplateError", "sanitise", "unique_names"]
