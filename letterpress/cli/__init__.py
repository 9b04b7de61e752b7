"""The ``letterpress`` command line: one module per command, listed in ``COMMANDS``."""
from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from typing import Protocol

from .. import __version__
from ..errors import UserError
from . import (advise, batch, calibrate, call, carriers, check, envelope, estimate, init, labels,
               layouts, letter, serve)
from .common import print_error


class Command(Protocol):
    """A command module: its help line, description, arguments and run function."""

    HELP: str
    DESCRIPTION: str | None

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add the command's arguments to its parser."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the command's job; return the exit code."""


# The commands, in the order ``--help`` lists them.
COMMANDS: dict[str, Command] = {
    "letter": letter,
    "layouts": layouts,
    "call": call,
    "estimate": estimate,
    "carriers": carriers,
    "batch": batch,
    "advise": advise,
    "check": check,
    "init": init,
    "envelope": envelope,
    "labels": labels,
    "calibrate": calibrate,
    "serve": serve,
}


# Commands that make many documents keep Python's cycle collector running.
LONG_RUNNING = frozenset({"batch", "serve"})


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser: one sub-parser per entry of ``COMMANDS``."""
    parser = argparse.ArgumentParser(
        prog="letterpress",
        description="Print-ready window-envelope letters, delivery estimates and call sheets.",
    )
    parser.add_argument("--version", action="version", version=f"letterpress {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.add_arguments(sub.add_parser(name, help=command.HELP,
                                             description=command.DESCRIPTION))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 partial batch or findings, 2 unusable input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command not in LONG_RUNNING:
        gc.disable()  # one document, a few megabytes: collecting cycles would only cost time
    try:
        return int(COMMANDS[args.command].run(args) or 0)
    except UserError as exc:
        return print_error(exc)
    except KeyboardInterrupt:
        print("letterpress: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


__all__ = ["COMMANDS", "build_parser", "main"]
