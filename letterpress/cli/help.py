"""``letterpress help [COMMAND]``: the help of one command (or of them all)."""

from __future__ import annotations

import argparse

HELP = "show the help of a command"
DESCRIPTION: str | None = "Show what a command does, its options and examples."
EXAMPLES = (
    "letterpress help letter",
    "letterpress help batch",
    "letterpress help              # every command, one line each",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command to explain."""
    parser.add_argument("topic", nargs="?", metavar="COMMAND", help="the command to explain")


def run(args: argparse.Namespace) -> int:
    """Print the command's ``--help``; a mistyped command gets the closest one."""
    from . import COMMANDS, build_parser
    from .parser import unknown_command

    if args.topic is None:
        build_parser().print_help()
        return 0
    if args.topic not in COMMANDS:
        raise unknown_command(args.topic, COMMANDS)
    parser = build_parser(args.topic)
    parser.parse_args([args.topic, "--help"])  # prints the command's help and exits 0
    return 0
