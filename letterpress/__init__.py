"""letterpress: window-envelope letters, delivery estimates and call sheets as print-ready PDFs."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "render_letter"]


def render_letter(source, out, **options):  # type: ignore[no-untyped-def]
    """Render a letter file (path or dict) to the PDF ``out``; see :mod:`letterpress.letter`."""
    from .letter import render_letter as _render

    return _render(source, out, **options)
