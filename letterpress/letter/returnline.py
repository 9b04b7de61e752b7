"""The return line's text: the sender's name and postal lines on one line, and its shorter
forms, in the order ``addressing.toml`` documents, for a strip too narrow for the whole."""

from __future__ import annotations

from msgspec import Struct
from msgspec.structs import replace

from .address import AddressLine, one_line
from .addressing import abbreviate_street, without_titles


class ReturnText(Struct, frozen=True):
    """One form of the return line and what was shortened to make it (empty: the whole)."""

    text: str
    changes: tuple[str, ...] = ()


def _is(line: AddressLine, *fields: str) -> bool:
    return line.where.field.rsplit(".", 1)[-1] in fields


def return_texts(lines: list[AddressLine], languages: tuple[str, ...]) -> list[ReturnText]:
    """The sender's lines (name first as formatted; the department never) on one line, then
    each shorter form: without the organisation when a name is there, then with the street's
    words abbreviated in ``languages``, then without academic titles."""
    kept = [line for line in lines if not _is(line, "department")]
    forms = [ReturnText(one_line(kept))]
    changes: tuple[str, ...] = ()
    if any(_is(line, "name") for line in kept) and any(_is(line, "organization") for line in kept):
        kept = [line for line in kept if not _is(line, "organization")]
        changes += ("organisation left out",)
        forms.append(ReturnText(one_line(kept), changes))
    short = [
        replace(line, text=abbreviate_street(line.text, languages)) if _is(line, "street") else line
        for line in kept
    ]
    if short != kept:
        kept, changes = short, changes + ("street abbreviated",)
        forms.append(ReturnText(one_line(kept), changes))
    plain = [
        replace(line, text=without_titles(line.text)) if _is(line, "name") else line
        for line in kept
    ]
    if plain != kept:
        forms.append(ReturnText(one_line(plain), changes + ("academic title left out",)))
    return forms
