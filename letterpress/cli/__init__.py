"""The ``letterpress`` command line: one module per command, listed in ``COMMANDS``."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol, cast

from msgspec.structs import replace

from .. import __version__
from ..errors import UserError
from . import environment, stdio
from .common import print_error
from .parser import HelpFormatter, Parser, examples_epilog, unknown_command
from .streams import routed


class Command(Protocol):
    """A command module: its help line, description, examples, arguments and run function."""

    HELP: str
    DESCRIPTION: str | None

    @property
    def EXAMPLES(self) -> tuple[str, ...]:
        """Two or three command lines that end the command's ``--help``."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add the command's arguments to its parser."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the command's job; return the exit code."""


class _Commands(Mapping[str, Command]):
    """The command modules by name (each module of this package is named for its command),
    each imported when first looked up: a run imports only the command it runs (``--help``
    and completion import them all)."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self._names = names

    def __getitem__(self, name: str) -> Command:
        """The command module ``name`` (KeyError when there is no such command)."""
        if name not in self._names:
            raise KeyError(name)
        return cast(Command, importlib.import_module(f"{__name__}.{name}"))

    def __contains__(self, name: object) -> bool:
        """Whether there is a command ``name`` (without importing it)."""
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


# The commands, in the order ``--help`` lists them.
COMMANDS: Mapping[str, Command] = _Commands(
    (
        "letter",
        "layouts",
        "call",
        "estimate",
        "carriers",
        "batch",
        "advise",
        "check",
        "init",
        "envelope",
        "labels",
        "calibrate",
        "serve",
        "config",
        "help",
        "completion",
    )
)

EXAMPLES = (
    "letterpress init thank-you --language en-US    # a starter file to fill in",
    "letterpress letter thank-you.toml              # the letter as thank-you.pdf",
    "letterpress help letter                        # everything 'letter' can do",
)

# Commands that make many documents keep Python's cycle collector running.
LONG_RUNNING = frozenset({"batch", "serve"})

# Commands whose standard output only sums up the files they wrote: --quiet silences it. (The
# others print their result there: findings, advice, lists, estimates.)
WRITERS = frozenset({"letter", "call", "envelope", "labels", "calibrate", "batch", "init"})


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: one sub-parser per entry of ``COMMANDS``, or only the one named
    ``only`` (a run builds just the command it runs; ``--help`` and completion build all)."""
    parser = Parser(
        prog="letterpress",
        description="Print-ready window-envelope letters, delivery estimates and call sheets.",
        epilog=examples_epilog(EXAMPLES),
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"letterpress {__version__}")
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no warnings and no summaries, only errors and results",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMANDS if only is None else [only]:
        command = COMMANDS[name]  # imported here: a run imports only the command it runs
        command_parser = sub.add_parser(
            name,
            help=command.HELP,
            description=command.DESCRIPTION,
            epilog=examples_epilog(command.EXAMPLES),
            formatter_class=HelpFormatter,
        )
        command.add_arguments(command_parser)
        command_parser.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            default=argparse.SUPPRESS,
            help="print no warnings and no summaries, only errors and results",
        )
    return parser


def _command_word(argv: Sequence[str]) -> str | None:
    """The first word that is not an option: the command asked for, or None."""
    return next((word for word in argv if not word.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 partial batch or findings, 2 unusable input)."""
    words = list(sys.argv[1:] if argv is None else argv)
    if "_ARGCOMPLETE" in os.environ:  # a shell asks for completions (letterpress completion)
        import argcomplete

        argcomplete.autocomplete(build_parser())
    name = _command_word(words)
    if name not in LONG_RUNNING:
        gc.disable()  # one document, a few megabytes: collecting cycles would only cost time
    code = _run(words, name)
    if argv is None:  # the process ends now: its objects need no collecting on the way out
        gc.freeze()
    return code


def _run(words: list[str], name: str | None) -> int:
    """Parse ``words`` for the command ``name`` and run it; returns the exit code."""
    try:
        if name is not None and name not in COMMANDS:
            raise unknown_command(name, COMMANDS)
        parser = build_parser(name)
        args = parser.parse_args(words)
    except UserError as exc:
        # an error left over after the command's own: name the command
        if name is not None and name in COMMANDS and not exc.place.command:
            exc = UserError(
                exc.what,
                where=replace(exc.place, command=name),
                hint=f"see 'letterpress {name} --help'",
            )
        return print_error(exc)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    stdio.prepare()
    try:
        environment.check_tz()
        with routed(args, summary_only=args.command in WRITERS):
            code = int(COMMANDS[args.command].run(args) or 0)
        stdio.finish()
        return code
    except UserError as exc:
        return print_error(exc)
    except BrokenPipeError:  # before OSError: the reader of the output (`| head`) stopped
        stdio.quiet_stdout()
        return 0
    except OSError as exc:
        if not stdio.is_stdout_failure(exc):
            raise
        return print_error(stdio.stdout_error(exc))
    except KeyboardInterrupt:
        print("letterpress: interrupted", file=sys.stderr)
        return 130


__all__ = ["COMMANDS", "build_parser", "main"]
