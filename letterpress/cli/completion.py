"""``letterpress completion bash|zsh|fish``: the shell code that completes letterpress's
commands, options and file names (argcomplete)."""

from __future__ import annotations

import argparse

HELP = "print shell code for tab completion (bash, zsh, fish)"
DESCRIPTION: str | None = (
    "Print the code that lets your shell complete letterpress's commands, options and file "
    "names with the Tab key. Load it from your shell's start-up file, as the examples show."
)
EXAMPLES = (
    "echo 'eval \"$(letterpress completion bash)\"' >> ~/.bashrc",
    "echo 'eval \"$(letterpress completion zsh)\"' >> ~/.zshrc",
    "letterpress completion fish > ~/.config/fish/completions/letterpress.fish",
)

SHELLS = ("bash", "zsh", "fish")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The shell."""
    parser.add_argument("shell", choices=SHELLS, help="your shell: bash, zsh or fish")


def run(args: argparse.Namespace) -> int:
    """Print the completion code for the shell."""
    import argcomplete

    print(argcomplete.shellcode(["letterpress"], shell=args.shell))
    return 0
