"""The README's Set-up, followed literally in a fresh virtual environment, then the bare
``letterpress`` commands it shows: a new user's first ten minutes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

# What a copy of the repository needs for the set-up commands (tests are not run from it).
COPIED = (
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "letterpress",
    "layouts",
    "fonts",
    "carriers",
    "envelopes",
    "label-sheets",
    "examples",
)


def setup_section() -> str:
    """The README's Set-up section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Set-up\n", 1)[1].split("\n## ", 1)[0]


def sh_blocks(text: str) -> list[str]:
    """The ``sh`` code blocks of a README section, in order."""
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def fresh_env(home: Path) -> dict[str, str]:
    """The environment of a new terminal: no virtual environment active, no letterpress on the
    PATH, its own home and settings folder; pip's index settings kept (it may download)."""
    venv = os.environ.get("VIRTUAL_ENV")
    keep = [
        p
        for p in os.environ.get("PATH", "").split(os.pathsep)
        if p and not (venv and p.startswith(venv)) and not (Path(p) / "letterpress").exists()
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(
        PATH=os.pathsep.join(keep),
        LETTERPRESS_CONFIG_DIR=str(home / "config"),
        LETTERPRESS_CACHE_DIR=str(home / "cache"),
    )
    env.pop("LETTERPRESS_TZ", None)
    return env


def bash(
    command: str, cwd: Path, env: dict[str, str], stdin: str = "", timeout: int = 900
) -> subprocess.CompletedProcess[str]:
    """Run one line as a user types it into bash."""
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        input=stdin,
        text=True,
        capture_output=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def installed(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str], subprocess.CompletedProcess[str]]:
    """A copy of the repository set up with the README's first command, once for the module."""
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    top = tmp_path_factory.mktemp("checkout")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, top / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(source, top / name)
    env = fresh_env(tmp_path_factory.mktemp("home"))
    assert bash("command -v letterpress", top, env).returncode != 0  # not there yet
    first = sh_blocks(setup_section())[0]
    return top, env, bash(first, top, env)


def test_the_setup_is_two_commands_and_ci_runs_them_literally() -> None:
    first, second = sh_blocks(setup_section())[:2]
    assert "\n" not in first and "\n" not in second
    assert first.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -e . ")
    assert "[test]" not in first  # people who only use letterpress do not need the test tools
    assert second == ".venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert first in ci and second in ci
    assert ci.index(first) < ci.index(second)


def test_the_first_command_installs_and_renders_the_example(installed) -> None:  # type: ignore[no-untyped-def]
    top, _, done = installed
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Wrote thank-you.pdf (1 page, layout din5008-b, envelope DL)." in done.stdout
    assert (top / "thank-you.pdf").read_bytes().startswith(b"%PDF-")
    assert not (top / ".venv" / "bin" / "pytest").exists()  # no test tools for users


def test_bare_letterpress_works_in_a_new_terminal_after_activating(installed) -> None:  # type: ignore[no-untyped-def]
    top, env, _ = installed
    assert "`. .venv/bin/activate`" in setup_section()
    assert bash("letterpress --version", top, env).returncode != 0  # a new terminal: not yet
    done = bash(". .venv/bin/activate && command -v letterpress && letterpress --version", top, env)
    assert done.returncode == 0, done.stderr
    where, version = done.stdout.splitlines()
    assert where == str(top / ".venv" / "bin" / "letterpress")
    assert version == "letterpress 0.1.0"


def test_the_readme_first_steps_with_the_bare_command(installed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Set-up's next block, line by line: init --me (answers typed in), a US starter, its
    check, and the letter, opened in the viewer; the PDF carries the stored sender."""
    from pypdf import PdfReader

    top, env, _ = installed
    steps = [line.split("#")[0].strip() for line in sh_blocks(setup_section())[2].splitlines()]
    assert steps == [
        "letterpress init --me",
        "letterpress init thank-you --language en-US",
        "letterpress check thank-you.toml",
        "letterpress letter thank-you.toml --open",
    ]
    work = tmp_path / "letters"
    work.mkdir()
    viewer = tmp_path / "viewer"
    viewer.mkdir()
    opened = tmp_path / "opened.txt"
    (viewer / "xdg-open").write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    (viewer / "xdg-open").chmod(0o755)
    env = {**env, "PATH": f"{viewer}{os.pathsep}{env['PATH']}"}
    activate = f". {top / '.venv' / 'bin' / 'activate'} && "
    answers = (
        "\n".join(
            [
                "Dana Whitfield",
                "US",
                "1600 Amphitheatre Pkwy",
                "94043",
                "Mountain View",
                "CA",
                "+1 650 253 0000",
                "dana@example.org",
                "",
                "",
                "",
            ]
        )
        + "\n"
    )
    me = bash(activate + steps[0], work, env, stdin=answers)
    assert me.returncode == 0, me.stderr
    assert (
        "  language     en-US\n  layout       us-letter-10\n"
        "  timezone     America/Los_Angeles\n" in me.stdout
    )
    starter = bash(activate + steps[1], work, env)
    assert starter.returncode == 0, starter.stderr
    text = (work / "thank-you.toml").read_text(encoding="utf-8")
    assert 'layout = "us-letter-10"' in text and "\n[sender]" not in text
    check = bash(activate + steps[2], work, env)
    assert check.returncode == 1 and "placeholder" in check.stdout
    filled = text.replace('place = "[Your town]"', 'place = "Mountain View"')
    filled = re.sub(r"\[[^\]\n]*\]", "Tuesday", filled.split("[recipient]")[0])
    filled += (
        '[recipient]\nname = "Ms Mei Lee"\norganization = "Nordlicht Logistics Inc."\n'
        'street = "350 Fifth Avenue"\npostal_code = "10118"\ncity = "New York"\n'
        'region = "NY"\ncountry = "US"\n'
    )
    (work / "thank-you.toml").write_text(filled, encoding="utf-8")
    letter = bash(activate + steps[3], work, env)
    assert letter.returncode == 0, letter.stderr
    assert letter.stdout.startswith("Wrote thank-you.pdf (1 page, layout us-letter-10, envelope ")
    for _ in range(50):  # the viewer runs in the background
        if opened.exists():
            break
        subprocess.run(["sleep", "0.1"], check=True)
    assert opened.read_text(encoding="utf-8").strip() == "thank-you.pdf"
    page = PdfReader(work / "thank-you.pdf").pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)
    head = page.extract_text().splitlines()
    assert head[0] == "Dana Whitfield", head[:4]
    assert "1600 Amphitheatre Pkwy · Mountain View, CA 94043" in head[1], head[:4]


def test_the_profile_flow_of_the_readme_with_options(installed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The README's init --me for scripts, then a letter file without [sender]: the PDF's
    sender lines are the stored ones."""
    import pdfplumber

    top, env, _ = installed
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"`(letterpress init --me --name [^`]*)`", readme)
    env = {**env, "LETTERPRESS_CONFIG_DIR": str(tmp_path / "config")}
    activate = f". {top / '.venv' / 'bin' / 'activate'} && "
    stored = bash(activate + command, tmp_path, env)
    assert stored.returncode == 0, stored.stderr
    assert (
        stored.stdout.splitlines()[0]
        == f"Stored your details in {tmp_path / 'config' / 'config.toml'}:"
    )
    shown = bash(activate + "letterpress config", tmp_path, env)
    assert 'name = "Jonas Petersen"' in shown.stdout
    assert 'timezone = "Europe/Berlin"' in shown.stdout
    (tmp_path / "danke.toml").write_text(
        'subject = "Vielen Dank für das Gespräch"\n'
        'body = "vielen Dank für das Gespräch am Dienstag."\n'
        'opening = "Sehr geehrte Frau Lee,"\n'
        '[recipient]\nname = "Frau Mei Lee"\norganization = "Nordlicht Logistik GmbH"\n'
        'street = "Hafenstraße 12"\npostal_code = "20457"\ncity = "Hamburg"\n',
        encoding="utf-8",
    )
    letter = bash(activate + "letterpress letter danke.toml", tmp_path, env)
    assert letter.returncode == 0, letter.stderr
    assert "Wrote danke.pdf (1 page, layout din5008-b, envelope DL)." in letter.stdout
    with pdfplumber.open(tmp_path / "danke.pdf") as pdf:
        words = pdf.pages[0].extract_words()
    top_lines: dict[int, list[str]] = {}
    for word in words:
        if word["top"] < 120:
            top_lines.setdefault(round(word["top"]), []).append(word["text"])
    lines = [" ".join(top_lines[y]) for y in sorted(top_lines)]
    assert "Jonas Petersen" in lines[0]
    assert any("Lindenallee 8 · 22587 Hamburg" in line for line in lines), lines
    assert any("+49 40 12345678 · jonas@example.org" in line for line in lines), lines
