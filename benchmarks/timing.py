"""Run commands as a user does, alternating, and keep every run's wall time and peak memory."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Runs the command as a child and reports its wall time, and the peak RSS of the largest
# process among it and its children (getrusage of the waited-for children, in KiB). Needs
# the resource module: Linux or macOS, not Windows.
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
peak = peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes
print(f"{took} {peak} {done.returncode}")
if done.returncode:
    print(done.stderr[-2000:], file=sys.stderr)
"""

# Python may write its bytecode caches, as on a user's machine.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Run:
    """One run of one command."""

    seconds: float
    peak_mib: float


def measure(argv: list[str], cwd: Path) -> Run:
    """Run ``argv`` once in ``cwd``; stop the benchmark if it fails."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True, cwd=cwd, env=ENV
    )
    took, peak, code = done.stdout.split()
    if int(code):
        raise SystemExit(f"failed ({code}): {' '.join(argv)}\n{done.stderr}")
    return Run(float(took), int(peak) / 1024)


def alternate(
    commands: dict[str, list[str]], repeat: int, cwd: Path, warm_up: bool
) -> dict[str, list[Run]]:
    """Run each command ``repeat`` times, taking turns, after one untimed run each if
    ``warm_up`` (bytecode and hyphenation caches filled, files in the page cache)."""
    if warm_up:
        for argv in commands.values():
            measure(argv, cwd)
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            runs[name].append(measure(argv, cwd))
    return runs


def instructions(argv: list[str], cwd: Path) -> int | None:
    """The instructions ``argv`` runs, counted by valgrind's callgrind (user space, the same
    whatever else the machine does), or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=ENV,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or found is None:
        raise SystemExit(f"valgrind failed ({done.returncode}): {' '.join(argv)}")
    return int(found.group(1))
