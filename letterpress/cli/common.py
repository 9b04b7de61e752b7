"""Helpers several commands share: the tone check before writing, one-line messages, paths."""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserError, Where

if TYPE_CHECKING:
    from ..check.findings import Finding
    from ..notices import Notice
    from ..source import Source


def print_error(exc: UserError) -> int:
    """Print a refused input as the one ``letterpress: error:`` line; return its exit code."""
    print(f"letterpress: error: {exc.line()}", file=sys.stderr)
    return exc.exit_code


def warn(line: str) -> None:
    """Print one ``letterpress: warning:`` line on stderr."""
    print(f"letterpress: warning: {line}", file=sys.stderr)


def report(notices: Sequence[Notice], *, strict: bool) -> None:
    """Print the engine's notices (``info:`` and ``warning:`` lines on stderr), or under
    ``--strict`` stop with the first warning as the error (exit 2). Call before writing."""
    from ..notices import enforce

    enforce(list(notices), strict=strict)
    for notice in notices:
        print(f"letterpress: {notice.level}: {notice.line()}", file=sys.stderr)


def finding_line(origin: str, finding: Finding) -> str:
    """A check finding as one line: file, field, kind, the phrase and a suggestion."""
    return (f"{origin}: {finding.where()}: {finding.kind}: \"{finding.phrase}\"; "
            f"suggestion: {finding.alternative}")


def warn_or_stop(letter_source: str | os.PathLike[str] | dict[str, Any] | Source, *,
                 strict: bool) -> list[Finding]:
    """Run the check; print findings as warnings on stderr, or stop with exit 2 under --strict.

    Call it before anything is written. Returns the findings (empty when clean).
    """
    from ..check import check_source
    from ..source import load_source

    src = load_source(letter_source)
    findings = check_source(src)
    if not findings:
        return findings
    if strict:
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        raise UserError(f"{first.kind} \"{first.phrase}\" in {first.where()}{more}",
                        where=src.where,
                        hint=f"see letterpress check {src.origin}, or leave out --strict")
    for finding in findings:
        warn(finding_line(src.origin, finding))
    return findings


def output_beside(source: str | os.PathLike[str], output: str | None, suffix: str) -> Path:
    """The ``-o`` path, else the input's name with ``suffix`` (``.pdf``, ``-call.pdf``) beside
    it; refuses a path that would overwrite the input."""
    src = Path(source)
    out = Path(output) if output else src.with_name(src.stem + suffix)
    if out.resolve() == src.resolve():
        raise UserError("the output would overwrite the input", where=Where(file=str(out)),
                        hint="choose another -o path")
    return out
