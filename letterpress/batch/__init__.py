"""Batch mail merge: one letter (and/or call sheet) per row of a CSV or Excel file.

Stages, one module each: ``table`` (read the data), ``template`` and ``filters`` (the letter
file as a sandboxed Jinja2 template), ``checks`` (findings per row), ``worker`` (the work per
row, in worker processes started by ``pool``), ``sinks`` (the merged PDF or one file per row),
``resume`` (what an interrupted run keeps), ``names`` (``--out-dir`` file names), ``manifest``
(what was made) and ``run`` (the stages in order).
"""

from __future__ import annotations

from .options import Options, Summary
from .run import NoDocumentError, run_batch

__all__ = ["NoDocumentError", "Options", "Summary", "run_batch"]
