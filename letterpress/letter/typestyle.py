"""House style as data: the ``[type]`` table of a layout file (type sizes, pitches, offsets,
rule weights), every entry optional, with the defaults below."""

from __future__ import annotations

import math
from typing import Any

from msgspec import Struct
from msgspec.structs import fields

from ..errors import LayoutError, Where
from ..limits import MAX_LAYOUT_NUMBER


class TypeStyle(Struct, frozen=True):
    """Sizes in points, distances in millimetres, spacing in multiples of the body's leading."""

    letterhead_name_size: float = 13.0  # the sender's name at the top of page 1
    letterhead_size: float = 8.5  # the letterhead's address and contact lines
    letterhead_pitch: float = 1.35  # letterhead line pitch, as a multiple of the line's size
    letterhead_name_min_size: float = 10.0  # a name too wide for its zone shrinks to this
    letterhead_min_size: float = 7.0  # address and contact lines too wide shrink to this
    label_size: float = 8.0  # the information block's labels
    value_size: float = 9.0  # the information block's values
    info_pitch: float = 4.4  # mm between the information block's lines
    date_size: float = 10.0  # the date line
    header_size: float = 8.5  # the continuation header and page labels
    label_below: float = 8.0  # mm: page 1's label below the text's bottom margin
    header_rule_below: float = 2.0  # mm: the rule under the continuation header
    header_rule_weight: float = 0.3  # pt
    mark_weight: float = 0.4  # pt: fold and punch marks
    grey: float = 0.35  # the marks' and rules' grey (0 black, 1 white)
    paragraph_space: float = 0.75  # after each paragraph (leadings)
    subject_space: float = 1.5  # after the subject (leadings)
    reference_space: float = 0.5  # after the reference lines, before enclosures (leadings)
    bullet_space: float = 0.25  # between list items (leadings)
    bullet_indent: float = 5.0  # mm: a list item's text from the left margin
    bullet_offset: float = 1.0  # mm: the bullet from the left margin
    small_step: float = 1.5  # pt: references, enclosures and cc below the body size
    small_leading_step: float = 2.0  # pt: their leading below the body's
    signature_space: float = 2.0  # room for a signature by hand (leadings)
    signature_height: float = 15.0  # mm: a signature image is scaled to this height


def parse_type(table: Any, where: Where) -> TypeStyle:
    """The ``[type]`` table (None when the layout has none) as a TypeStyle; an unknown key or
    a value that is not a positive number is an error naming the field."""
    if table is None:
        return TypeStyle()
    if not isinstance(table, dict):
        raise LayoutError("type must be a table", where=where)
    known = {f.name for f in fields(TypeStyle)}
    values: dict[str, float] = {}
    for key, value in table.items():
        if key not in known:
            raise LayoutError(
                f"unknown entry {key!r} in [type]",
                where=where,
                hint=f"known: {', '.join(sorted(known))}",
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise LayoutError(f"{key} must be a number, not {value!r}", where=where.at(key))
        if not (math.isfinite(value) and value <= MAX_LAYOUT_NUMBER):
            raise LayoutError(
                f"{key} must be a number from 0 to {MAX_LAYOUT_NUMBER:,}, not {value!r}",
                where=where.at(key),
            )
        values[key] = float(value)
    return TypeStyle(**values)
