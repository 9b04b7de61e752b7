"""Batch mail merge: one letter (and/or call sheet) per row of a CSV or Excel file.

Stages, one module each: ``table`` (read the data), ``template`` and ``filters`` (the letter
file as a sandboxed Jinja2 template), ``checks`` (findings per row), ``render`` (work per row in
worker processes), ``pdfmerge`` (one print job), ``names`` (``--out-dir`` file names),
``manifest`` (what was made) and ``run`` (the stages in order).
"""
from __future__ import annotations

from .run import Options, Summary, run_batch

__all__ = ["Options", "Summary", "run_batch"]
