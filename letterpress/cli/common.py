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
    return finding.describe(origin)


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




def add_preview_arguments(parser: Any) -> None:
    """``--png``, ``--pages`` and ``--dpi``: PNG previews of the pages made."""
    parser.add_argument("--png", action="store_true",
                        help="also write the pages as PNG (beside the PDF, or -o NAME.png for "
                             "PNG only)")
    parser.add_argument("--pages", metavar="N[-M]",
                        help="pages to preview, e.g. 1, 1-2 or 1,3 (default: 1)")
    parser.add_argument("--dpi", type=float, metavar="DPI",
                        help="resolution of the PNG preview (default: 100)")


def add_pdfa_argument(parser: Any) -> None:
    """``--pdfa``: write PDF/A-2b (for archives and hybrid-mail services)."""
    parser.add_argument("--pdfa", action="store_true",
                        help="write PDF/A-2b (XMP metadata, sRGB output intent)")


def add_printer_argument(parser: Any) -> None:
    """``--printer NAME``: move the content by a stored printer calibration."""
    parser.add_argument("--printer", metavar="NAME",
                        help="move the content by this printer's stored calibration "
                             "(default: the default printer, if one is stored; see "
                             "'letterpress calibrate')")


def printer_shift(args: Any) -> Any:
    """The calibration of ``--printer`` (or of the default printer), or None."""
    from ..calibrate import find_shift

    return find_shift(getattr(args, "printer", None))


def parse_pages(text: str | None) -> list[int]:
    """``--pages``: "1", "1-2", "1,3" as page numbers (1-based, in order, once each)."""
    if text is None:
        return [1]
    pages: list[int] = []
    for part in text.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        try:
            numbers = range(int(first), int(last) + 1) if dash else [int(first)]
        except ValueError:
            raise UserError(f"{text!r} is not a page list", where="--pages",
                            hint="write e.g. 1, 1-2 or 1,3") from None
        if not numbers or min(numbers) < 1:
            raise UserError(f"{text!r} is not a page list", where="--pages",
                            hint="pages count from 1; write e.g. 1, 1-2 or 1,3")
        pages += [n for n in numbers if n not in pages]
    return pages


def wants_png(args: Any, out: Path) -> bool:
    """Whether PNG previews are asked for (``--png``, or ``-o NAME.png``); ``--pages`` and
    ``--dpi`` without them are an error."""
    png = bool(getattr(args, "png", False)) or out.suffix.lower() == ".png"
    for option in ("pages", "dpi"):
        if getattr(args, option, None) is not None and not png:
            raise UserError("applies to PNG previews only", where=f"--{option}",
                            hint="add --png, or write -o NAME.png")
    dpi = getattr(args, "dpi", None)
    if dpi is not None and not 10 <= dpi <= 1200:
        raise UserError(f"--dpi {dpi:g} is out of range", where="--dpi",
                        hint="use 10 to 1200, e.g. 150")
    return png


def write_document(out: Path, pdf: bytes, args: Any) -> list[Path]:
    """Write the PDF to ``out``, and the PNG previews asked for beside it (``NAME.png``, or
    ``NAME-2.png`` per page when there are several); ``-o NAME.png`` writes only the PNGs.
    Every image is made before anything is written. Returns the files written."""
    from ..output import write_bytes_atomic
    from ..pdf.preview import DEFAULT_DPI, png_pages

    if not wants_png(args, out):
        return [write_bytes_atomic(out, pdf)]
    pages = parse_pages(getattr(args, "pages", None))
    images = png_pages(pdf, pages, getattr(args, "dpi", None) or DEFAULT_DPI)
    png_only = out.suffix.lower() == ".png"
    base = out if png_only else out.with_suffix(".png")
    names = [base] if len(pages) == 1 else [base.with_name(f"{base.stem}-{n}.png")
                                            for n in pages]
    written = [] if png_only else [write_bytes_atomic(out, pdf)]
    return written + [write_bytes_atomic(name, image) for name, image in zip(names, images)]


def wrote(paths: Sequence[Path]) -> str:
    """The files written, for the "Wrote ..." line: ``a.pdf`` or ``a.pdf and a.png``."""
    names = [str(p) for p in paths]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
