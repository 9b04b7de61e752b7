"""What the template fixes for every row (its language, layout and envelope, or the
``--envelope`` asked for), checked once before any row: a mistake there is the template's or
the option's, one error naming it (exit 2), not the same error for every row of the data."""

from __future__ import annotations

from typing import Any, TypeGuard

from ..errors import Where
from ..source import Source


def check_fixed(source: Source, kind: str, envelope: str | None) -> None:
    """Raise the UserError a row would raise for a fixed field (a plain value, no ``{{``)."""
    from ..language import resolve_language

    data = source.data
    where = source.where
    language = data.get("language")
    if _fixed(language):
        resolve_language(language, where=where.at("language"))
    if kind not in ("letter", "both"):
        return
    from ..letter.layout import DEFAULT_LAYOUT, choose_envelope, is_layout_file, load_layout

    name = data.get("layout", DEFAULT_LAYOUT)
    if not _fixed(name) or is_layout_file(name):
        return  # a row's layout, or a layout file found beside the template
    layout = load_layout(name, where=where.at("layout"))
    if envelope:
        choose_envelope(layout, envelope, where=Where(option="--envelope"))
    elif _fixed(data.get("envelope")):
        choose_envelope(layout, data["envelope"], where=where.at("envelope"))


def _fixed(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value) and "{" not in value
