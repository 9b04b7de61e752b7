"""The ``salutation`` filter: the formal salutation from a title/gender cell and the name, in
the letter's language (the wording is ``language/salutations/<language>.toml``).

``{{ row.title | salutation(row.first_name, row.last_name) }}`` -> "Sehr geehrte Frau Weiß,",
"Sehr geehrter Herr Dr. Weiß,", "Guten Tag Kim Berger," (no gender), "Dear Ms Weiß,",
"Madame,".
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from ..language.salutation import SalutationError, salutation_text
from .filters import FilterError


@pass_context
def salutation(context: Context, cell: Any, first: Any = "", last: Any = "") -> str:
    """The filter: ``{{ row.title | salutation(row.first_name, row.last_name) }}``."""
    language = str(context.get("letter_language") or "en")
    try:
        return salutation_text(str(cell), str(first), str(last), language)
    except SalutationError as exc:
        raise FilterError(
            str(exc),
            "write Frau or Herr, Ms or Mr, Madame or Monsieur (with a "
            "title such as Dr. if there is one), or leave the cell empty",
            getattr(cell, "column", ""),
        ) from None
