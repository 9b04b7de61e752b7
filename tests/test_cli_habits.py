"""What every command understands: pipes (``-o -``, ``-``), output names, --quiet, --open, help
and "did you mean", examples in every --help, one-line parse errors, shell completion."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from letterpress.cli import COMMANDS

EXAMPLE = str(ROOT / "examples" / "thank-you.toml")
WARNING = (
    'letterpress: warning: {file}: body, line 1: copied-example: "Thank you for taking the time '
    'to meet me on Tuesday about …"; suggestion: Write this passage in your own words: '
    "what you talked about, what stayed with you."
)
SUMMARY = [
    "Window: OK, 3.0 mm clear at the worst position (needs 3.0)",
    'Print at actual size (100 %, not "fit to page"): scaling moves the address out of the window.',
]


def run_bytes(
    *args: str, stdin: bytes = b"", cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``python -m letterpress ARGS`` with bytes in and out (a pipe on both ends)."""
    return subprocess.run(
        [sys.executable, "-m", "letterpress", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def pdf_text(data: bytes) -> str:
    """The first page's text of a PDF given as bytes."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_dash_o_dash_writes_the_pdf_to_standard_output() -> None:
    done = run_bytes("letter", EXAMPLE, "-o", "-")
    assert done.returncode == 0, done.stderr
    assert "Ms Mei Lee" in pdf_text(done.stdout)
    assert done.stderr.decode().splitlines() == [
        WARNING.format(file=EXAMPLE),
        "Wrote the PDF to standard output (1 page, layout din5008-b, envelope DL).",
        *SUMMARY,
    ]
    assert not (ROOT / "examples" / "thank-you.pdf").exists()
    assert not Path("-").exists()


def test_a_shell_pipe_from_standard_input_into_a_pdf_reader(tmp_path: Path) -> None:
    reader = (
        "import io, sys; from pypdf import PdfReader; "
        "r = PdfReader(io.BytesIO(sys.stdin.buffer.read())); "
        "print(len(r.pages), r.pages[0].mediabox.width, r.metadata.title)"
    )
    line = (
        f"{sys.executable} -m letterpress letter - -o - < {EXAMPLE} -q | "
        f"{sys.executable} -c '{reader}'"
    )
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {line}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "1 595.2756 Thank you for the interview on 24 November\n"
    assert done.stderr == ""
    assert list(tmp_path.iterdir()) == []  # no file named '-', nothing else


def test_dash_reads_the_letter_from_standard_input(tmp_path: Path) -> None:
    data = Path(EXAMPLE).read_bytes()
    done = run_bytes("letter", "-", "-o", "from-stdin.pdf", stdin=data, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().splitlines()[0] == WARNING.format(file="<stdin>")
    assert (
        done.stdout.decode().splitlines()[0]
        == "Wrote from-stdin.pdf (1 page, layout din5008-b, envelope DL)."
    )
    assert (tmp_path / "from-stdin.pdf").read_bytes() == run_bytes(
        "letter", EXAMPLE, "-o", "-"
    ).stdout  # the same letter, byte for byte
    check = run_bytes("check", "-", stdin=data)
    assert check.returncode == 1
    assert check.stdout.decode().startswith("<stdin>: body, line 1: copied-example: ")


def test_standard_input_needs_an_output_name(tmp_path: Path) -> None:
    done = run_bytes("letter", "-", stdin=Path(EXAMPLE).read_bytes(), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "letterpress: error: -o: the input comes from standard input, so there is no file to "
        "name the output after; add -o NAME.pdf, or -o - to write the PDF to standard output\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_never_goes_onto_a_terminal(tmp_path: Path) -> None:
    if not Path("/usr/bin/script").exists():
        pytest.skip("needs script(1) for a terminal")
    line = f"{sys.executable} -m letterpress letter {EXAMPLE} -o -"
    done = subprocess.run(
        ["script", "-qec", line, "/dev/null"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout.strip() == (
        "letterpress: error: -o: standard output is a terminal, where a PDF shows as noise; "
        "pipe it into a program (| lp) or name a file with -o NAME.pdf"
    )


@pytest.mark.parametrize(
    ("args", "name", "fix"),
    [
        (["letter", EXAMPLE], "letter.txt", "letter.pdf (or letter.png for a preview image)"),
        (["letter", EXAMPLE], "letter", "letter.pdf (or letter.png for a preview image)"),
        (
            ["call", str(ROOT / "examples" / "call.toml")],
            "call.docx",
            "call.pdf (or call.png for a preview image)",
        ),
        (["envelope", EXAMPLE], "env.ps", "env.pdf (or env.png for a preview image)"),
        (["calibrate"], "test.jpg", "test.pdf (or test.png for a preview image)"),
        (
            ["labels", str(ROOT / "examples" / "labels.csv"), "--sheet", "L7163"],
            "labels.txt",
            "labels.pdf (or labels.png for a preview image)",
        ),
        (
            [
                "batch",
                str(ROOT / "examples" / "batch" / "workshop.toml"),
                str(ROOT / "examples" / "batch" / "workshop.csv"),
            ],
            "merged.png",
            "merged.pdf",
        ),
    ],
)
def test_an_output_that_is_not_a_pdf_name_is_refused(
    args: list[str], name: str, fix: str, tmp_path: Path
) -> None:
    done = run_cli(*args, "-o", name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"letterpress: error: {name}: the output is a PDF, so its name must "
        f"end in .pdf; name it {fix}\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_png_name_is_still_a_preview(tmp_path: Path) -> None:
    done = run_cli("letter", EXAMPLE, "-o", "look.png", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["look.png"]
    assert (tmp_path / "look.png").read_bytes().startswith(b"\x89PNG")


def test_png_and_open_need_a_file_not_standard_output() -> None:
    done = run_cli("letter", EXAMPLE, "-o", "-", "--png")
    assert done.returncode == 2
    assert done.stderr == (
        "letterpress: error: --png: needs a file, and -o - writes to "
        "standard output; name a file with -o NAME.pdf\n"
    )


def test_batch_refuses_standard_output_for_the_merged_pdf(tmp_path: Path) -> None:
    done = run_cli(
        "batch",
        str(ROOT / "examples" / "batch" / "workshop.toml"),
        str(ROOT / "examples" / "batch" / "workshop.csv"),
        "-o",
        "-",
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "letterpress: error: -o: the merged PDF is written to a file, not to "
        "standard output; name it, e.g. -o merged.pdf\n"
    )


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_prints_only_errors_and_results(where: str, tmp_path: Path) -> None:
    args = ["letter", EXAMPLE, "-o", str(tmp_path / "q.pdf")]
    done = run_cli(*(["-q", *args] if where == "before" else [*args, "--quiet"]))
    assert done.returncode == 0
    assert (done.stdout, done.stderr) == ("", "")
    assert (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF-")
    loud = run_cli(*args)
    assert loud.stderr.splitlines() == [WARNING.format(file=EXAMPLE)]
    failed = run_cli("-q", "letter", str(tmp_path / "missing.toml"))
    assert failed.returncode == 2
    assert failed.stderr == (
        f"letterpress: error: {tmp_path / 'missing.toml'}: file not found; check the path\n"
    )
    check = run_cli("check", EXAMPLE, "-q")  # the findings are check's result: kept
    assert check.returncode == 1
    assert check.stdout.startswith(f"{EXAMPLE}: body, line 1: copied-example")
    assert check.stderr == ""  # the count is a summary


def _viewer(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A PATH whose xdg-open writes down what it was asked to open."""
    folder = tmp_path / "bin"
    folder.mkdir()
    opened = tmp_path / "opened.txt"
    (folder / "xdg-open").write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > {opened}\n', encoding="utf-8"
    )
    (folder / "xdg-open").chmod(0o755)
    return {**os.environ, "PATH": str(folder)}, opened


def _wait_for(path: Path) -> str:
    for _ in range(100):
        if path.exists() and path.read_text(encoding="utf-8"):
            return path.read_text(encoding="utf-8")
        subprocess.run(["sleep", "0.05"], check=True)
    raise AssertionError(f"{path} was not written")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="xdg-open is the Linux viewer")
def test_open_hands_the_file_to_the_systems_viewer(tmp_path: Path) -> None:
    env, opened = _viewer(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "letterpress", "letter", EXAMPLE, "-o", "mine.pdf", "--open", "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert _wait_for(opened) == "mine.pdf\n"
    preview = subprocess.run(
        [sys.executable, "-m", "letterpress", "envelope", EXAMPLE, "-o", "env.png", "--open", "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert preview.returncode == 0, preview.stderr
    assert _wait_for(opened) in ("mine.pdf\n", "env.png\n")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="xdg-open is the Linux viewer")
def test_open_without_a_viewer_is_a_warning_and_the_file_is_written(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    env = {**os.environ, "PATH": str(tmp_path / "empty")}
    done = subprocess.run(
        [sys.executable, "-m", "letterpress", "letter", EXAMPLE, "-o", "mine.pdf", "--open"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert done.stderr.splitlines()[-1] == (
        "letterpress: warning: --open: could not start a viewer (xdg-open: No such file or "
        "directory); open mine.pdf yourself"
    )
    assert (tmp_path / "mine.pdf").is_file()


def test_a_mistyped_command_names_the_right_one() -> None:
    done = run_cli("lettre", "x.toml")
    assert done.returncode == 2
    assert done.stderr == (
        "letterpress: error: unknown command 'lettre'; did you mean 'letterpress letter'?\n"
    )
    far = run_cli("frobnicate")
    assert far.stderr == (
        "letterpress: error: unknown command 'frobnicate'; 'letterpress "
        "--help' lists the commands\n"
    )
    assert run_cli("help", "calibrat").stderr == (
        "letterpress: error: unknown command 'calibrat'; did you mean 'letterpress calibrate'?\n"
    )


def test_help_letter_is_letter_help() -> None:
    done = run_cli("help", "letter")
    assert done.returncode == 0
    assert done.stdout == run_cli("letter", "--help").stdout
    assert done.stdout.startswith("usage: letterpress letter [-h] ")
    assert run_cli("help").stdout == run_cli("--help").stdout


@pytest.mark.parametrize("name", [*COMMANDS, None])
def test_every_help_ends_with_two_or_three_examples(name: str | None) -> None:
    done = run_cli(*([name] if name else []), "--help")
    assert done.returncode == 0
    tail = done.stdout.rstrip("\n").split("\nexamples:\n")[-1].splitlines()
    assert 2 <= len(tail) <= 3, done.stdout
    for line in tail:
        assert line.startswith("  letterpress ") or line.startswith("  echo ")
        if name:
            assert (
                f"letterpress {name}" in line
                or f"completion {name}" in line
                or name in ("help", "layouts", "config", "completion")
            ), line


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["letter"],
            "letter: the following arguments are required: file; see 'letterpress letter --help'",
        ),
        (
            ["letter", "x.toml", "--bogus"],
            "letter: unrecognized arguments: --bogus; see 'letterpress letter --help'",
        ),
        (
            ["call", "x.toml", "--paper", "a5"],
            "call: argument --paper: invalid choice: 'a5' (choose "
            "from 'a4', 'letter'); see 'letterpress call --help'",
        ),
        (
            ["batch", "t.toml", "d.csv", "--jobs", "two"],
            "batch: argument --jobs: invalid int value: 'two'; see 'letterpress batch --help'",
        ),
        (["--frobnicate"], "unrecognized arguments: --frobnicate; see 'letterpress --help'"),
    ],
)
def test_argument_errors_are_one_letterpress_line(args: list[str], line: str) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    assert done.stderr == f"letterpress: error: {line}\n"
    assert done.stdout == ""


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_shells_code(shell: str) -> None:
    done = run_cli("completion", shell)
    assert done.returncode == 0
    assert "letterpress" in done.stdout and "_ARGCOMPLETE" in done.stdout
    assert run_cli("completion", "tcsh").stderr.startswith(
        "letterpress: error: completion: argument shell: invalid choice: 'tcsh'"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("letterpress let", ["letter"]),
        ("letterpress c", ["call", "carriers", "check", "calibrate", "config", "completion"]),
        ("letterpress letter --stri", ["--strict-window", "--strict"]),
        ("letterpress init --lan", ["--language"]),
    ],
)
def test_completion_completes_commands_and_options(
    typed: str, expected: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "completions.txt"
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "COMP_LINE": typed,
        "COMP_POINT": str(len(typed)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
    }
    done = subprocess.run(
        [str(Path(sys.executable).parent / "letterpress")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    found = [word.strip() for word in out.read_text(encoding="utf-8").split("\013")]
    assert sorted(found) == sorted(expected)


def test_a_run_builds_only_its_own_commands_parser(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from letterpress.cli import main

    built: list[str] = []
    for name, command in COMMANDS.items():
        original = command.add_arguments

        def spy(parser, _name=name, _original=original):  # type: ignore[no-untyped-def]
            built.append(_name)
            _original(parser)

        monkeypatch.setattr(command, "add_arguments", spy)
    assert main(["layouts"]) == 0
    assert built == ["layouts"]
    assert "us-letter-10" in capsys.readouterr().out
    built.clear()
    with pytest.raises(SystemExit):
        main(["--help"])
    assert built == list(COMMANDS)


def test_a_run_imports_only_its_own_command() -> None:
    """A command's run imports its own module of letterpress.cli and the shared helpers, none
    of the other commands (their imports cost every run time)."""
    code = (
        "import sys; from letterpress.cli import main; code = main(['layouts']); "
        "print(sorted(m for m in sys.modules if m.startswith('letterpress.cli.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported = eval(done.stdout.splitlines()[-1])  # our own repr of a list of str
    helpers = {"common", "environment", "parser", "stdio", "streams"}
    assert {m.removeprefix("letterpress.cli.") for m in imported} - helpers == {"layouts"}
