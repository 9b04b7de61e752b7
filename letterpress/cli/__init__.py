"""The ``letterpress`` command line: one sub-command per job, errors as one line, exit codes."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..errors import UserError

# Each entry adds its sub-commands to the parser; every sub-command sets ``func(args) -> int``.
CommandAdder = Callable[[argparse._SubParsersAction], None]


def _adders() -> list[CommandAdder]:
    """The modules that contribute sub-commands, in the order ``--help`` lists them."""
    from . import advise, batch, call, estimate, letter

    return [letter.add_commands, call.add_commands, estimate.add_commands, batch.add_commands,
            advise.add_commands]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = argparse.ArgumentParser(
        prog="letterpress",
        description="Print-ready window-envelope letters, delivery estimates and call sheets.",
    )
    parser.add_argument("--version", action="version", version=f"letterpress {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in _adders():
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 partial batch or findings, 2 unusable input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"letterpress: error: {exc.line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("letterpress: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
