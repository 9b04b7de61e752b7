"""The batch's worker processes: started as soon as the data is read, so that they import
ReportLab and load fonts and hyphenation patterns while this process is still compiling the
template and checking the rows; then they run chunks of rows in order.

A task is a function of :mod:`.worker` (passed by reference) and its arguments; the function
gets the process's ``RowWorker`` (the run's compiled template) as its first argument. With one
job, or a single task, everything runs in this process instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from msgspec import Struct

from .tasks import Spec

# The one piece of process state a worker process keeps: the run's compiled template, handed
# over when the process starts, and its RowWorker (compiling a template per chunk would cost
# more than the chunk). Only ``_warm`` and ``_run`` use it.
_PROCESS: dict[str, Any] = {}


class _Task(Struct, frozen=True):
    spec: Spec
    function: Callable[..., Any]
    args: tuple[Any, ...]


def _row_worker(spec: Spec) -> Any:
    """This process's RowWorker for ``spec``, made on the run's first task."""
    from .worker import RowWorker

    worker = _PROCESS.get("worker")
    if worker is None or worker.spec != spec:
        worker = _PROCESS["worker"] = RowWorker(spec, _PROCESS.get("template"))
    return worker


def _run(task: _Task) -> Any:
    return task.function(_row_worker(task.spec), *task.args)


def _warm(language: Any, typeface: Any, template: Any) -> None:
    """Keep the run's compiled template (None: each worker compiles its own), ignore Ctrl-C,
    load what every row needs, then exempt it from cycle collection: ReportLab's many
    long-lived objects would otherwise be scanned again and again, doubling each row's
    cost."""
    import gc
    import signal

    # Ctrl-C reaches every process of the terminal's group: the main process stops the run
    # and says what was kept; a worker just waits to be ended, without a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .worker import warm

    _PROCESS["template"] = template
    warm(language, typeface)
    gc.freeze()


class Workers:
    """``jobs`` processes (none when ``jobs`` is 1): use as a context manager. ``template``
    is the run's compiled template: forked workers inherit it (a spawned one, which would
    have to unpickle it, compiles its own)."""

    def __init__(
        self, jobs: int, language: Any = None, typeface: Any = None, template: Any = None
    ) -> None:
        self.jobs = jobs
        self._pool: Any = None
        self._template = template
        self._local: Any = None  # the RowWorker when everything runs in this process
        if jobs > 1:
            import multiprocessing  # with socket and selectors: only a run with workers

            fork = "fork" in multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if fork else "spawn")
            handed = (language, typeface, template if fork else None)
            self._pool = ctx.Pool(jobs, initializer=_warm, initargs=handed)

    def map(
        self, spec: Spec, function: Callable[..., Any], tasks: list[tuple[Any, ...]]
    ) -> Iterator[Any]:
        """``function(row_worker, *task)`` for each task, results in task order. The workers
        get the tasks at once (the results are collected as they are read); with no workers,
        each task runs in this process when its result is read."""
        if self._pool is None or len(tasks) <= 1:
            return self._here(spec, function, tasks)
        return self._pool.imap(_run, [_Task(spec, function, args) for args in tasks])

    def _here(
        self, spec: Spec, function: Callable[..., Any], tasks: list[tuple[Any, ...]]
    ) -> Iterator[Any]:
        from .worker import RowWorker

        if self._local is None or self._local.spec != spec:
            self._local = RowWorker(spec, self._template)
        for args in tasks:
            yield function(self._local, *args)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
