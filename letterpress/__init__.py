"""letterpress: window-envelope letters, delivery estimates and call sheets as print-ready PDFs.

The Python API mirrors the command line:

- :func:`render_letter` (``letterpress.letter``): a letter file (path or dict) to a PDF;
- :func:`render_call_sheet` (``letterpress.callsheet``): its ``[call]`` table to a call sheet;
- :func:`estimate_delivery` and :func:`latest_posting` (``letterpress.delivery``): when a posted
  letter arrives, and the last time to post it.

Each is imported on first use (PEP 562), so ``import letterpress`` stays cheap; type checkers
see the functions' own signatures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .callsheet import render_call_sheet
    from .delivery import estimate_delivery, latest_posting
    from .letter import render_letter

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "estimate_delivery",
    "latest_posting",
    "render_call_sheet",
    "render_letter",
]


def __getattr__(name: str) -> object:
    """The public functions, imported when first used."""
    if name == "render_letter":
        from .letter import render_letter

        return render_letter
    if name == "render_call_sheet":
        from .callsheet import render_call_sheet

        return render_call_sheet
    if name in ("estimate_delivery", "latest_posting"):
        from . import delivery

        return getattr(delivery, name)
    raise AttributeError(f"module 'letterpress' has no attribute {name!r}")
