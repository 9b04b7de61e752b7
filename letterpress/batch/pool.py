"""The batch's worker processes: started as soon as the data is read, so that they import
ReportLab and load fonts and hyphenation patterns while this process is still compiling the
template and checking the rows; then they render chunks of rows in order.

Tasks name their function in ``render`` (looked up when called) and carry the run's ``Spec``;
a worker compiles the template once per run. With one job, or a single chunk, everything runs
in this process instead.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from typing import Any

from .tasks import Spec


def _warm(language: Any, typeface: Any) -> None:
    from . import render

    render.warm(language, typeface)


class _Call:
    """Picklable ``render.NAME(*task)`` for the run described by ``spec``."""

    def __init__(self, spec: Spec, name: str) -> None:
        self.spec = spec
        self.name = name

    def __call__(self, task: tuple[Any, ...]) -> Any:
        from . import render

        render.use(self.spec)
        return getattr(render, self.name)(*task)


class Workers:
    """``jobs`` processes (none when ``jobs`` is 1): use as a context manager."""

    def __init__(self, jobs: int, language: Any = None, typeface: Any = None) -> None:
        self.jobs = jobs
        self._pool: Any = None
        if jobs > 1:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(jobs, initializer=_warm, initargs=(language, typeface))

    def map(self, spec: Spec, name: str, tasks: list[tuple[Any, ...]]) -> Iterator[Any]:
        """``render.NAME(*task)`` for each task, results in task order."""
        call = _Call(spec, name)
        if self._pool is None or len(tasks) <= 1:
            yield from map(call, tasks)
            return
        yield from self._pool.imap(call, tasks)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
