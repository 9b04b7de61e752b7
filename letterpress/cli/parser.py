"""The argument parser's habits: one-line errors, examples at the end of every ``--help``, and
"did you mean" for a mistyped command."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import NoReturn

from ..errors import UserError, Where


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are letterpress's one ``letterpress: error:`` line (exit 2)
    instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        """Raise the parse error as a UserError naming the command and where its help is."""
        command = self.prog.partition(" ")[2]
        raise UserError(message, where=Where(command=command), hint=f"see '{self.prog} --help'")


class HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions to the terminal; keeps indented lines (the examples) as written."""

    def add_argument(self, action: argparse.Action) -> None:
        """As argparse does, then make room for the command names listed one level deeper
        (argparse measures them one level too shallow, and wraps the longest)."""
        super().add_argument(action)
        if action.nargs == argparse.PARSER and action.help is not argparse.SUPPRESS:
            longest = max((len(name) for name in action.choices or ()), default=0)
            deeper = self._current_indent + 2 * self._indent_increment
            self._action_max_length = max(self._action_max_length, longest + deeper)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Each line of ``text`` wrapped to ``width``, or kept as written when indented."""
        import textwrap

        lines = []
        for line in text.splitlines():
            if line.startswith(" ") or not line:
                lines.append(indent + line)
            else:
                lines.append(
                    textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
                )
        return "\n".join(lines)


def examples_epilog(examples: Iterable[str]) -> str | None:
    """The ``examples:`` block that ends a ``--help``."""
    lines = [f"  {example}" for example in examples]
    return "examples:\n" + "\n".join(lines) if lines else None


def suggestion(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a mistyped ``word``, or None when none is close."""
    import difflib

    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_command(word: str, commands: Iterable[str]) -> UserError:
    """The error for a command letterpress does not have, with the closest one it has."""
    near = suggestion(word, commands)
    hint = (
        f"did you mean 'letterpress {near}'?" if near else "'letterpress --help' lists the commands"
    )
    return UserError(f"unknown command {word!r}", hint=hint)
