"""Outputs that cannot be written, or are not regular files: one error line and nothing lost
(issue #20). Special files are made in the test's folder (a FIFO, or with mknod as root):
no test points at a real device."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, assert_one_line_error, letter, run_cli

EXAMPLE = ROOT / "examples" / "thank-you.toml"
root_only = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root"
)


def _source(tmp_path: Path) -> Path:
    """A letter file that renders without warnings, in the test's folder."""
    path = tmp_path / "letter.json"
    if not path.exists():
        path.write_text(json.dumps(letter(), ensure_ascii=False), encoding="utf-8")
    return path


def _letter(tmp_path: Path, *out: str) -> subprocess.CompletedProcess[str]:
    return run_cli("letter", str(_source(tmp_path)), "-o", *out, cwd=tmp_path)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()}


def test_a_fifo_is_written_into_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = _letter(tmp_path, str(fifo))
    reader.join(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].startswith(b"%PDF-") and got[0].rstrip().endswith(b"%%EOF")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_fifo_nobody_reads_is_an_error_not_a_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    proc = _letter(tmp_path, str(fifo))
    assert_one_line_error(proc)
    assert proc.stderr.strip().endswith(
        f"letterpress: error: {fifo}: cannot write: nothing "
        "is reading from the pipe; start the reading program "
        "first"
    )
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@root_only
def test_a_character_device_is_written_into(tmp_path: Path) -> None:
    """The /dev/null case, on a null device made in the test's folder."""
    null = tmp_path / "null"  # no .pdf: a device keeps its name, as /dev/null does
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    proc = _letter(tmp_path, str(null))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.json", "null"]


@root_only
def test_a_full_device_is_one_line(tmp_path: Path) -> None:
    """What /dev/full does: every write fails with 'no space left'."""
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    proc = _letter(tmp_path, str(full))
    assert_one_line_error(proc)
    assert proc.stderr.strip().endswith(
        f"letterpress: error: {full}: cannot write: the disk "
        "is full; free some space or write elsewhere"
    )
    assert stat.S_ISCHR(os.stat(full).st_mode)


@root_only
def test_standard_output_that_cannot_be_written(tmp_path: Path) -> None:
    """`> /dev/full` after the PDF was written: one line, exit 2, the PDF kept."""
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    with open(full, "w") as stdout:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "letterpress",
                "letter",
                str(_source(tmp_path)),
                "-o",
                "out.pdf",
            ],
            cwd=tmp_path,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == (
        "letterpress: error: standard output: cannot write: the disk is full; free some "
        "space or write elsewhere (any files were written before this)"
    )
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_a_reader_that_stops_early_is_no_traceback(tmp_path: Path) -> None:
    """`letterpress letter ... | head -1`: the reader has closed the pipe; the output is
    dropped quietly and the PDF is kept (it was a BrokenPipeError traceback)."""
    reader, writer = os.pipe()
    os.close(reader)  # before anything was written: every write meets a closed pipe
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterpress", "letter", str(_source(tmp_path)), "-o", "out.pdf"],
        cwd=tmp_path,
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(writer)
    _, stderr = proc.communicate(timeout=120)
    assert (proc.returncode, stderr) == (0, "")
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "letter.pdf"
    target.write_bytes(b"old")
    link = tmp_path / "latest.pdf"
    link.symlink_to(target)
    proc = _letter(tmp_path, str(link))
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["letter.pdf"]


@pytest.mark.parametrize(
    "out, message",
    [
        ("folder.pdf", "{tmp}/folder.pdf: is a folder, not a file; name a file inside it"),
        (
            "missing/out.pdf",
            "missing/out.pdf: the folder 'missing' does not exist; create it or "
            "choose another path",
        ),
        ("afile/out.pdf", "afile/out.pdf: 'afile' is a file, not a folder; choose another path"),
        ("x" * 260 + ".pdf", "{long}: cannot write: the file name is too long; use a shorter name"),
    ],
)
def test_outputs_that_cannot_be_written(tmp_path: Path, out: str, message: str) -> None:
    (tmp_path / "folder.pdf").mkdir()
    (tmp_path / "afile").write_text("keep me", encoding="utf-8")
    _source(tmp_path)
    before = _files(tmp_path)
    target = str(tmp_path / out) if out == "folder.pdf" else out
    proc = _letter(tmp_path, target)
    assert_one_line_error(proc)
    assert proc.stderr.strip().endswith(
        "letterpress: error: " + message.format(tmp=tmp_path, long=out)
    )
    assert _files(tmp_path) == before


def test_a_250_character_name_whose_temporary_name_is_longer(tmp_path: Path) -> None:
    """The temporary name adds 15 characters: it is shortened to stay within 255 bytes."""
    name = "ü" * 123 + ".pdf"  # 250 bytes of UTF-8
    proc = _letter(tmp_path, name)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / name).read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    "code, message",
    [
        (errno.EROFS, "cannot write: the file system is read-only; write elsewhere"),
        (errno.ENOSPC, "cannot write: the disk is full; free some space or write elsewhere"),
        (
            errno.EACCES,
            "cannot write: no permission to write there; choose a folder you can write to",
        ),
    ],
)
def test_write_failures_are_one_line_and_keep_the_old_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
    message: str,
) -> None:
    """A read-only file system, a full disk, no permission: as the file system reports them
    when the finished file is renamed into place (the old file is still there)."""
    from letterpress import output
    from letterpress.cli import main

    out = tmp_path / "out.pdf"
    out.write_bytes(b"the good old letter")

    def refuse(source: object, target: object) -> None:
        raise OSError(code, os.strerror(code), str(source))

    monkeypatch.setattr(output.os, "replace", refuse)
    assert main(["letter", str(_source(tmp_path)), "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"letterpress: error: {out}: {message}\n"
    assert out.read_bytes() == b"the good old letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.json", "out.pdf"]


def test_a_file_name_that_is_not_utf8_prints(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff-letter.json")
    (tmp_path / name).write_bytes(_source(tmp_path).read_bytes())
    proc = subprocess.run(
        [sys.executable, "-m", "letterpress", "letter", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout.startswith("Wrote \\udcff-letter.pdf (1 page")


def test_advise_write_is_all_or_nothing(tmp_path: Path) -> None:
    """A line break in the email's subject used to stop advise --write after the call sheet
    was written; an invalid address likewise."""
    text = (ROOT / "examples" / "follow-up.toml").read_text(encoding="utf-8")
    text = text.replace('process = "post"', 'process = "email"')
    bad = tmp_path / "bad.toml"
    bad.write_text(
        text + '\n[email]\nsubject = "Thank you\\nBcc: someone@example.com"\n', encoding="utf-8"
    )
    proc = run_cli("advise", str(bad), "--now", "2026-12-22T16:00", "--write", "out", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == (
        f"letterpress: error: {bad}, email.subject: the email's subject has a line break; "
        "write the subject on one line"
    )
    assert not (tmp_path / "out").exists()
    bad.write_text(text.replace("mei.lee@example.com", "mei.lee@@example.com"), encoding="utf-8")
    proc = run_cli("advise", str(bad), "--now", "2026-12-22T16:00", "--write", "out", cwd=tmp_path)
    assert proc.stderr.strip().splitlines()[-1] == (
        f"letterpress: error: {bad}, interview.hr_contact.email: 'mei.lee@@example.com' is "
        "not an email address; write it like name@example.com"
    )
    assert not (tmp_path / "out").exists()
    good = tmp_path / "good.toml"
    good.write_text(text, encoding="utf-8")
    (tmp_path / "afile").write_text("", encoding="utf-8")
    proc = run_cli(
        "advise", str(good), "--now", "2026-12-22T16:00", "--write", "afile/out", cwd=tmp_path
    )
    assert proc.stderr.strip().splitlines()[-1] == (
        "letterpress: error: afile/out: cannot write: a part of the path is a file, not a "
        "folder; check the path"
    )
    proc = run_cli("advise", str(good), "--now", "2026-12-22T16:00", "--write", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "good-call-sheet.pdf",
        "good-email.eml",
    ]
