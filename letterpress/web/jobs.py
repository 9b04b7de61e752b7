"""Mail merges running in the background: each in its own private folder, telling how many
rows are done; the page asks for the state until the files are ready."""

from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from msgspec import Struct, field

KEEP = 3  # finished merges whose files stay downloadable; older ones are deleted


class Job(Struct):
    """One merge: its folder, progress, and at the end its files or its one-line error."""

    id: str
    folder: Path
    done: int = 0
    total: int = 0
    state: str = "running"  # "running", "done" or "failed"
    error: str = ""
    slot: str = ""  # the page's box the error concerns ("" for the page)
    reasons: list[str] = field(default_factory=list)  # the rows' problems, when none was made
    files: dict[str, Path] = field(default_factory=dict)  # download name -> file
    rows: list[dict[str, str]] = field(default_factory=list)  # manifest lines not "ok"
    summary: dict[str, int] = field(default_factory=dict)

    def tell(self, done: int, total: int) -> None:
        """The batch's progress callback."""
        self.done, self.total = done, total


Work = Callable[[Job], None]


class Jobs:
    """The merges of one running page (state owned by the app, not by the module)."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def new(self) -> Job:
        """A new job with a private folder (mode 0700) for its inputs and outputs; older
        finished jobs beyond ``KEEP`` are deleted."""
        job = Job(
            id=secrets.token_urlsafe(12), folder=Path(tempfile.mkdtemp(prefix="letterpress-merge-"))
        )
        with self._lock:
            finished = [j for j in self._jobs.values() if j.state != "running"]
            for old in finished[: max(0, len(finished) - KEEP + 1)]:
                self._drop(old)
            self._jobs[job.id] = job
        return job

    def start(self, job: Job, work: Work) -> None:
        """Run ``work`` on the job in a thread of its own."""
        threading.Thread(target=_run, args=(job, work), daemon=True, name=f"merge-{job.id}").start()

    def drop(self, job: Job) -> None:
        """Delete a job and its folder."""
        with self._lock:
            self._drop(job)

    def get(self, job_id: str) -> Job | None:
        """The job, or None when it is unknown or deleted."""
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        """Delete every job's folder (the server is stopping)."""
        with self._lock:
            for job in list(self._jobs.values()):
                self._drop(job)

    def _drop(self, job: Job) -> None:
        shutil.rmtree(job.folder, ignore_errors=True)
        self._jobs.pop(job.id, None)


def _run(job: Job, work: Work) -> None:
    """The work; a failure it did not turn into a message is one line, with the traceback on
    the server's terminal only."""
    try:
        work(job)
        if job.state == "running":
            job.state = "done"
    except Exception as exc:  # noqa: BLE001 - the page must say something, never hang
        traceback.print_exception(exc, file=sys.stderr)
        job.error = (
            f"letterpress failed unexpectedly ({type(exc).__name__}); please report "
            "it with what you did; the terminal shows the details"
        )
        job.state = "failed"
