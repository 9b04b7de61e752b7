"""letterpress: window-envelope letters, delivery estimates and call sheets as print-ready PDFs.

The Python API mirrors the command line; heavy modules load on first use.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "estimate_delivery", "latest_posting", "render_call_sheet",
           "render_letter"]


def render_letter(source: Any, out: Any = None, **options: Any) -> Any:
    """Render a letter file (path or dict) to the PDF ``out``.

    See :mod:`letterpress.letter.pipeline`.
    """
    from .letter.pipeline import render_letter as _render

    return _render(source, out, **options)


def render_call_sheet(source: Any, out: Any = None, **options: Any) -> Any:
    """Render the one-page call sheet of a letter file's ``[call]`` table."""
    from .callsheet import render_call_sheet as _render

    return _render(source, out, **options)


def estimate_delivery(carrier: str, service: str | None = None, **options: Any) -> Any:
    """When a posted letter arrives; see :func:`letterpress.delivery.estimate_delivery`."""
    from .delivery import estimate_delivery as _estimate

    return _estimate(carrier, service, **options)


def latest_posting(carrier: str, service: str | None = None, **options: Any) -> Any:
    """The last posting time that still meets a date; see :mod:`letterpress.delivery`."""
    from .delivery import latest_posting as _latest

    return _latest(carrier, service, **options)
