"""The command table: what --help lists, and what each command loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_cli

from letterpress.cli import COMMANDS

# Runs ``python -m letterpress ARGS`` in this process, then reports its exit code and the
# heavy modules it loaded.
PROBE = """
import json, runpy, sys
sys.argv = ["letterpress", *sys.argv[1:]]
try:
    runpy.run_module("letterpress", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in sys.modules if m.startswith(("jinja2", "letterpress.batch")))
print(json.dumps({"exit": code, "heavy": heavy}))
"""


def probe(*args: str, cwd: Path) -> dict[str, object]:
    """Exit code and heavy modules of one command, from its last line of output."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_letter_loads_neither_jinja2_nor_the_batch_package(tmp_path: Path) -> None:
    out = tmp_path / "thank-you.pdf"
    report = probe("letter", "examples/thank-you.toml", "-o", str(out), cwd=ROOT)
    assert report == {"exit": 0, "heavy": []}
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_probe_sees_what_batch_loads(tmp_path: Path) -> None:
    """The same probe on ``batch --check`` finds both, so an empty list above means something."""
    data = tmp_path / "rows.csv"
    data.write_text("name\nAda\n", encoding="utf-8")
    report = probe(
        "batch", str(ROOT / "examples/thank-you.toml"), str(data), "--check", cwd=tmp_path
    )
    heavy = report["heavy"]
    assert isinstance(heavy, list)
    assert "jinja2" in heavy and "letterpress.batch" in heavy


def test_help_lists_the_command_table_in_order() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    start = lines.index("  COMMAND") + 1
    # a command's name is indented four spaces; a help text argparse wraps is indented more
    names = [line for line in lines[start:] if line.startswith("    ") and line[4] != " "]
    listed = [line.split()[0] for line in names[: len(COMMANDS)]]
    assert listed == list(COMMANDS)
    assert listed[:3] == ["letter", "layouts", "call"]
