"""The mail merge under hostile templates, clashing outputs and interruptions (issue #20):
one line per problem, the row fails and not the batch, nothing lost or replaced, and the
merged PDF byte-identical whatever --jobs and after --resume."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "batch"
TEMPLATE = (FIXTURES / "template.toml").read_text(encoding="utf-8")
DATA = FIXTURES / "utf8-bom-comma.csv"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "letterpress", "batch", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _template(tmp_path: Path, extra_body: str = "", name: str = "template.toml") -> Path:
    """The fixture template with ``extra_body`` at the start of the body."""
    path = tmp_path / name
    path.write_text(TEMPLATE.replace('body = """\n', 'body = """\n' + extra_body), encoding="utf-8")
    return path


def _errors(proc: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in proc.stderr, proc.stderr
    return [line for line in proc.stderr.splitlines() if line.startswith("letterpress: error")]


# --- outputs that would overwrite each other, or cannot be written --------------------


def test_manifest_naming_the_merged_pdf_is_refused_before_starting(tmp_path: Path) -> None:
    (tmp_path / "m.pdf").write_bytes(b"the good merged file")
    proc = cli(
        str(_template(tmp_path)), str(DATA), "-o", "m.pdf", "--manifest", "m.pdf", cwd=tmp_path
    )
    assert proc.returncode == 2
    assert _errors(proc) == [
        "letterpress: error: m.pdf: the manifest and the merged PDF would "
        "be the same file; give --manifest a name of its own, e.g. "
        "m.manifest.csv"
    ]
    assert (tmp_path / "m.pdf").read_bytes() == b"the good merged file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pdf", "template.toml"]


def test_manifest_taking_a_row_file_name_is_refused(tmp_path: Path) -> None:
    proc = cli(
        str(_template(tmp_path)),
        str(DATA),
        "--out-dir",
        "out",
        "--manifest",
        "out/row-3.pdf",
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert _errors(proc) == [
        "letterpress: error: out/row-3.pdf: the manifest would replace "
        "the file of row 3; give --manifest another name, e.g. "
        "manifest.csv"
    ]
    assert not (tmp_path / "out").exists()  # the folder the run made is removed again


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ("-o", "missing/m.pdf"),
            "missing/m.pdf: the folder 'missing' does not exist; create it or choose another path",
        ),
        (
            ("--out-dir", "afile/out"),
            "afile/out: cannot write: a part of the path is a file, not a folder; check the path",
        ),
        (("--out-dir", "afile"), "afile: is a file, not a folder; choose a folder name"),
    ],
)
def test_where_a_batch_cannot_write(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    (tmp_path / "afile").write_text("keep me", encoding="utf-8")
    proc = cli(str(_template(tmp_path)), str(DATA), *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert _errors(proc) == [f"letterpress: error: {message}"]
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "template.toml"]


# --- templates and name patterns that fail, loop or grow: the row fails ---------------

ANNA = '{% if row.first_name == "Anna" %}'


@pytest.mark.parametrize(
    "body, message",
    [
        (
            ANNA
            + "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
            "{% endif %}",
            "the template loops more than 100,000 times",
        ),
        (
            ANNA + '{{ "x" * 100000000 }}{% endif %}',
            "the template makes a value of 100,000,000 characters or items (at most 200,000)",
        ),
        (
            ANNA + '{{ "x" | center(1000000000) }}{% endif %}',
            "the template makes a value of 1,000,000,000 characters or items (at most 200,000)",
        ),
        (
            '{% set ns = namespace(x="ab") %}' + ANNA + "{% for i in range(40) %}"
            "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{% endif %}",
            "the template makes a value of 262,144 characters or items (at most 200,000)",
        ),
        (
            ANNA + '{{ "%999999999d" % 1 }}{% endif %}',
            "the template makes a value of 200,001 characters or items (at most 200,000)",
        ),
        (
            ANNA + "{{ 10 ** 100000000 }}{% endif %}",
            "the template makes a value of 133,333,333 characters or items (at most 200,000)",
        ),
    ],
)
def test_a_template_that_loops_or_grows_fails_its_row(
    tmp_path: Path, body: str, message: str
) -> None:
    started = time.monotonic()
    proc = cli(
        str(_template(tmp_path, body)), str(DATA), "--out-dir", "out", "--jobs", "1", cwd=tmp_path
    )
    assert time.monotonic() - started < 60
    assert proc.returncode == 1
    assert _errors(proc) == [
        f"letterpress: error: {DATA}, row 2: {message}; simplify the "
        "template: a letter's field needs no more"
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "manifest.csv",
        "row-3.pdf",
        "row-4.pdf",
        "row-5.pdf",
        "row-6.pdf",
    ]


def test_a_template_that_recurses_fails_its_row(tmp_path: Path) -> None:
    body = "{% macro down() %}{{ down() }}{% endmacro %}" + ANNA + "{{ down() }}{% endif %}"
    proc = cli(
        str(_template(tmp_path, body)), str(DATA), "--out-dir", "out", "--jobs", "1", cwd=tmp_path
    )
    assert proc.returncode == 1
    assert _errors(proc) == [
        f"letterpress: error: {DATA}, row 2, column 'first_name' (body): "
        "the template calls itself without end; check the template's "
        "macros"
    ]


def test_filters_refuse_huge_formats_and_numbers(tmp_path: Path) -> None:
    body = ANNA + '{{ row.workshop | date("%Y" * 60) }}{% endif %}'
    proc = cli(
        str(_template(tmp_path, body)), str(DATA), "--out-dir", "out", "--jobs", "1", cwd=tmp_path
    )
    assert proc.returncode == 1
    assert _errors(proc) == [
        f"letterpress: error: {DATA}, row 2, column 'workshop' (body): "
        "the date format '%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y...' is too long or pads a "
        'field to a width; write a format such as "%d.%m.%Y" (at most '
        "100 characters)"
    ]


def test_lipsum_random_text_is_not_a_template_function(tmp_path: Path) -> None:
    proc = cli(
        str(_template(tmp_path, "{{ lipsum(n=100000) }}")), str(DATA), "-o", "m.pdf", cwd=tmp_path
    )
    assert proc.returncode == 2
    assert _errors(proc) == [
        f"letterpress: error: {tmp_path / 'template.toml'}, body: the "
        "template uses 'lipsum', which is not defined; refer to columns "
        "as row.NAME"
    ]


@pytest.mark.parametrize(
    "pattern, message",
    [
        (
            '{% if row.first_name == "Anna" %}{{ 1 / 0 }}{% endif %}{{ row.last_name }}',
            "ZeroDivisionError: division by zero",
        ),
        (
            '{% macro f() %}{{ f() }}{% endmacro %}{% if row.first_name == "Anna" %}{{ f() }}'
            "{% endif %}{{ row.last_name }}",
            "the pattern calls itself without end",
        ),
        (
            '{% if row.first_name == "Anna" %}{{ "x" * 100000000 }}{% endif %}{{ row.last_name }}',
            "the template makes a value of 100,000,000 characters or items (at most 200,000)",
        ),
    ],
)
def test_a_name_pattern_that_fails_fails_its_row(
    tmp_path: Path, pattern: str, message: str
) -> None:
    proc = cli(
        str(_template(tmp_path)),
        str(DATA),
        "--out-dir",
        "out",
        "--name",
        pattern,
        "--jobs",
        "1",
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert _errors(proc) == [
        f"letterpress: error: {DATA}, row 2, --name: the file name "
        f"pattern failed: {message}; fix --name or fill the column"
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "Brandt.pdf",
        "Durand.pdf",
        "O'Neill, Jr.pdf",
        "Weiß.pdf",
        "manifest.csv",
    ]


# --- interrupted runs ------------------------------------------------------------------


def test_resume_removes_what_an_interrupted_run_was_writing(tmp_path: Path) -> None:
    template = _template(tmp_path)
    leftovers = [
        tmp_path / ".m.pdf.a1b2c3d4.part",
        tmp_path / "m.pdf.parts" / ".chunk-000000.letter.pdf.zz99yy88.part",
    ]
    (tmp_path / "m.pdf.parts").mkdir()
    for path in leftovers:
        path.write_bytes(b"half")
    keep = tmp_path / ".notes.part"
    keep.write_text("not ours", encoding="utf-8")
    proc = cli(str(template), str(DATA), "-o", "m.pdf", "--resume", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not any(path.exists() for path in leftovers) and keep.exists()
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".row-2.pdf.q1w2e3r4.part"
    stale.write_bytes(b"half")
    proc = cli(str(template), str(DATA), "--out-dir", "out", "--resume", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def _rows(path: Path, count: int) -> Path:
    """A CSV of ``count`` rows (all different, so each letter differs)."""
    lines = ["first_name,last_name,street,postcode,city,workshop"]
    lines += [
        f"Name{i},Family{i},Street {i % 97 + 1},{20000 + i % 900:05d},Hamburg,"
        f"2026-12-{i % 28 + 1:02d}"
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _interrupt(args: list[str], cwd: Path, parts: Path) -> subprocess.CompletedProcess[str] | None:
    """Run the batch and press Ctrl-C (SIGINT to its process group, as a terminal does) once
    a chunk is kept; None if it finished first."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterpress", "batch", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if any(parts.glob("chunk-*.json")):
            os.killpg(proc.pid, signal.SIGINT)
            break
        time.sleep(0.005)
    out, err = proc.communicate(timeout=300)
    if not any(parts.glob("chunk-*.json")):
        return None
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_merged_pdf_is_the_same_whatever_jobs_and_after_ctrl_c_and_resume(tmp_path: Path) -> None:
    template = _template(tmp_path)
    data = _rows(tmp_path / "rows.csv", 1000)  # four chunks of 250
    shas = {}
    for jobs in ("1", "2", "4"):
        proc = cli(str(template), str(data), "-o", f"jobs{jobs}.pdf", "--jobs", jobs, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        shas[jobs] = _sha(tmp_path / f"jobs{jobs}.pdf")
    assert shas["1"] == shas["2"] == shas["4"]
    stopped = _interrupt(
        [str(template), str(data), "-o", "stopped.pdf", "--jobs", "2"],
        tmp_path,
        tmp_path / "stopped.pdf.parts",
    )
    if stopped is None:
        pytest.skip("the batch finished before it could be interrupted")
    assert stopped.returncode == 130
    assert "Traceback" not in stopped.stderr and "KeyboardInterrupt" not in stopped.stderr
    assert stopped.stderr.strip().splitlines()[-1] == (
        "letterpress: interrupted; what was finished is kept: run the same command with "
        "--resume to continue"
    )
    assert not (tmp_path / "stopped.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    proc = cli(
        str(template), str(data), "-o", "stopped.pdf", "--jobs", "2", "--resume", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert "rows kept from the last run" in proc.stdout
    assert _sha(tmp_path / "stopped.pdf") == shas["1"]
    proc = cli(
        str(template), str(data), "-o", "stopped.pdf", "--jobs", "4", "--resume", cwd=tmp_path
    )
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.splitlines()[0] == (
        "stopped.pdf is up to date with the data, nothing to do: 1000 documents from 1000 rows "
        "(1000 pages); 0 rows failed."
    )
