"""Helpers several commands share: the tone check before writing, one-line messages, paths."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserError, Where

if TYPE_CHECKING:
    from ..check.findings import Finding
    from ..check.printing import Command, Printing
    from ..notices import Notice
    from ..source import LetterInput


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


def warn_or_stop(
    letter_source: LetterInput,
    *,
    strict: bool,
    language: str | None = None,
    command: Command = "letter",
    said: Printing | None = None,
) -> list[Finding]:
    """Run the check; print findings as warnings on stderr (in ``language``, default the
    file's), or stop with exit 2 under --strict. ``command``: the one running (a number in a
    field that command's own line speaks of is that line's, not the check's); ``said``: what
    that command says of the file, when it has prepared the file already (else the file is
    prepared here to learn it).

    Call it before anything is written. Returns the findings (empty when clean).
    """
    from ..check import check_source
    from ..check.wording import check_wording, finding_text, language_code
    from ..source import load_source

    src = load_source(letter_source)
    findings = check_source(src, language)
    if any(f.kind == "number" for f in findings):  # date = 5: the command's own line says it
        from ..check.printing import one_line, printing

        if said is None:
            now = datetime.now().replace(second=0, microsecond=0)
            said = printing(src, now, command=command)
        findings = one_line(findings, said)[0]
    if not findings:
        return findings
    if strict:
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        raise UserError(
            f'{first.kind} "{first.phrase}" in {first.where()}{more}',
            where=src.where,
            hint=f"see letterpress check {src.origin}, or leave out --strict",
        )
    words = check_wording(language_code(language or src.data.get("language")))
    for finding in findings:
        warn(finding_text(src.origin, finding, words))
    return findings


def one_standard_input(template: str | None, data: str) -> None:
    """Refuse ``-`` for both the template and the data: standard input holds one of them."""
    from ..errors import UserError, Where

    if template == "-" and data == "-":
        raise UserError(
            "the template and the data cannot both be read from standard input",
            where=Where(file="-"),
            hint="give one of them as a file",
        )


def output_beside(source: str | os.PathLike[str], output: str | None, suffix: str) -> Path:
    """The ``-o`` path, else the input's name with ``suffix`` (``.pdf``, ``-call.pdf``) beside
    it; ``-`` is standard output. Refuses a name that is not a PDF (or a PNG preview), and a
    path that would overwrite the input."""
    if output == "-":
        return Path("-")
    if output is None and str(source) == "-":
        raise UserError(
            "the input comes from standard input, so there is no file to name the output after",
            where=Where(option="-o"),
            hint="add -o NAME.pdf, or -o - to write the PDF to standard output",
        )
    src = Path(source)
    out = Path(output) if output else src.with_name(src.stem + suffix)
    document_name(out)
    if str(source) != "-" and out.resolve() == src.resolve():
        raise UserError(
            "the output would overwrite the input",
            where=Where(file=str(out)),
            hint="choose another -o path",
        )
    return out


def document_name(out: Path) -> Path:
    """``out`` if it names a PDF (or a PNG preview), standard output (``-``), or a pipe or
    device; else the error that says what to call it."""
    from ..output import is_stream

    if str(out) == "-" or out.suffix.lower() in (".pdf", ".png") or is_stream(out):
        return out  # a pipe or device (/dev/null, a FIFO) has no name to correct
    _named_beyond_the_dot(out)
    stem = out.stem if out.suffix else out.name
    raise UserError(
        "the output is a PDF, so its name must end in .pdf",
        where=Where(file=str(out)),
        hint=f"name it {out.with_name(stem + '.pdf')} (or "
        f"{out.with_name(stem + '.png')} for a preview image)",
    )


def _named_beyond_the_dot(out: Path) -> None:
    """``-o .pdf``: only the ending, which makes a hidden file with no name."""
    if out.name.lower() in (".pdf", ".png"):
        raise UserError(
            f"{out.name} is only the ending of a name (it would make a hidden file)",
            where=Where(option="-o"),
            hint=f"put a name before it, e.g. {out.with_name('letter' + out.name)}",
        )


def pdf_file_name(out: Path) -> Path:
    """``out`` if it names a PDF file (no preview image, no standard output): for the merged
    PDF of a batch."""
    if str(out) == "-":
        raise UserError(
            "the merged PDF is written to a file, not to standard output",
            where=Where(option="-o"),
            hint="name it, e.g. -o merged.pdf",
        )
    _named_beyond_the_dot(out)
    if out.suffix.lower() != ".pdf":
        stem = out.stem if out.suffix else out.name
        raise UserError(
            "the output is a PDF, so its name must end in .pdf",
            where=Where(file=str(out)),
            hint=f"name it {out.with_name(stem + '.pdf')}",
        )
    return out


def add_lang_argument(parser: Any) -> None:
    """``--lang TAG``: the language of what the command says (default: the file's)."""
    parser.add_argument(
        "--lang",
        metavar="TAG",
        type=_lang_tag,
        help="the language of the findings, advice and summaries: en, de or fr "
        "(default: the file's language)",
    )


_WORDED = ("en", "de", "fr")  # the languages the findings, advice and summaries are in


def _lang_tag(text: str) -> str:
    """``--lang``: a tag in one of the languages the words are in (``de``, ``de-CH``)."""
    import argparse
    import re

    tag = text.strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", tag) or (
        re.split(r"[-_]", tag)[0].lower() not in _WORDED
    ):
        raise argparse.ArgumentTypeError(
            f"no words in {text!r}: use en, de or fr (with a country if you like: de-CH)"
        )
    return tag


def add_now_argument(parser: Any, purpose: str) -> None:
    """``--now YYYY-MM-DDTHH:MM``: the current time, for answers that stay the same."""
    parser.add_argument(
        "--now",
        metavar="YYYY-MM-DDTHH:MM",
        help=f"the current time, {purpose} (default: the clock)",
    )


def now_option(text: str | None) -> datetime:
    """``--now`` as a datetime, else the clock to the minute."""
    from ..fields import parse_moment

    if text is None:
        return datetime.now().replace(second=0, microsecond=0)
    return parse_moment(text, Where(option="--now"))[0]


def add_data_arguments(parser: Any, *, worksheet: bool = True) -> None:
    """``--delimiter``, ``--encoding`` and (``worksheet``) ``--sheet``: how a mail merge's
    data file is read, the same on every command that reads one."""
    parser.add_argument(
        "--delimiter",
        metavar="D",
        help="CSV delimiter: a character or tab/comma/semicolon/pipe (default: detected)",
    )
    parser.add_argument(
        "--encoding", metavar="ENC", help="CSV encoding, e.g. cp1252 (default: detected)"
    )
    if worksheet:
        parser.add_argument(
            "--sheet", metavar="NAME", help="worksheet of a workbook (default: first)"
        )


def add_preview_arguments(parser: Any) -> None:
    """``--png``, ``--pages`` and ``--dpi``: PNG previews of the pages made."""
    parser.add_argument(
        "--png",
        action="store_true",
        help="also write the pages as PNG (beside the PDF, or -o NAME.png for PNG only)",
    )
    parser.add_argument(
        "--pages", metavar="N[-M]", help="pages to preview, e.g. 1, 1-2 or 1,3 (default: 1)"
    )
    parser.add_argument(
        "--dpi", type=float, metavar="DPI", help="resolution of the PNG preview (default: 100)"
    )
    parser.add_argument(
        "--open", action="store_true", help="open what was written in the system's viewer"
    )


def add_pdfa_argument(parser: Any) -> None:
    """``--pdfa``: write PDF/A-2b (for archives and hybrid-mail services)."""
    parser.add_argument(
        "--pdfa", action="store_true", help="write PDF/A-2b (XMP metadata, sRGB output intent)"
    )


def add_printer_argument(parser: Any) -> None:
    """``--printer NAME``: move the content by a stored printer calibration."""
    parser.add_argument(
        "--printer",
        metavar="NAME",
        help="move the content by this printer's stored calibration "
        "(default: the default printer, if one is stored; see "
        "'letterpress calibrate')",
    )


def printer_shift(args: Any) -> Any:
    """The calibration of ``--printer`` (or of the default printer), or None."""
    from ..calibrate.printers import find_shift  # not the test sheet's drawing code

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
            raise UserError(
                f"{text!r} is not a page list",
                where=Where(option="--pages"),
                hint="write e.g. 1, 1-2 or 1,3",
            ) from None
        if not numbers or min(numbers) < 1:
            raise UserError(
                f"{text!r} is not a page list",
                where=Where(option="--pages"),
                hint="pages count from 1; write e.g. 1, 1-2 or 1,3",
            )
        pages += [n for n in numbers if n not in pages]
    return pages


def wants_png(args: Any, out: Path) -> bool:
    """Whether PNG previews are asked for (``--png``, or ``-o NAME.png``); ``--pages`` and
    ``--dpi`` without them are an error, and so are ``--png`` and ``--open`` with ``-o -``, and
    ``-o -`` onto a terminal."""
    png = bool(getattr(args, "png", False)) or out.suffix.lower() == ".png"
    if str(out) == "-":
        _stdout_stream(args)
        for option in ("png", "open"):
            if getattr(args, option, False):
                raise UserError(
                    "needs a file, and -o - writes to standard output",
                    where=Where(option=f"--{option}"),
                    hint="name a file with -o NAME.pdf",
                )
    for option in ("pages", "dpi"):
        if getattr(args, option, None) is not None and not png:
            raise UserError(
                "applies to PNG previews only",
                where=Where(option=f"--{option}"),
                hint="add --png, or write -o NAME.png",
            )
    dpi = getattr(args, "dpi", None)
    if dpi is not None and not 10 <= dpi <= 1200:
        raise UserError(
            f"--dpi {dpi:g} is out of range",
            where=Where(option="--dpi"),
            hint="use 10 to 1200, e.g. 150",
        )
    return png


def write_document(out: Path, pdf: bytes, args: Any) -> list[Path]:
    """Write the PDF to ``out`` (``-``: standard output), and the PNG previews asked for beside
    it (``NAME.png``, or ``NAME-2.png`` per page when there are several); ``-o NAME.png``
    writes only the PNGs. Every image is made before anything is written; ``--open`` then
    opens the first file written. Returns the files written."""
    from ..output import write_bytes_atomic

    if str(out) == "-":
        return [write_stdout(pdf, args)]
    if not wants_png(args, out):
        written = [write_bytes_atomic(out, pdf)]
    else:
        from ..pdf.preview import DEFAULT_DPI, png_pages  # only when images are asked for

        pages = parse_pages(getattr(args, "pages", None))
        images = png_pages(pdf, pages, getattr(args, "dpi", None) or DEFAULT_DPI)
        png_only = out.suffix.lower() == ".png"
        base = out if png_only else out.with_suffix(".png")
        names = (
            [base] if len(pages) == 1 else [base.with_name(f"{base.stem}-{n}.png") for n in pages]
        )
        written = [] if png_only else [write_bytes_atomic(out, pdf)]
        written += [write_bytes_atomic(name, image) for name, image in zip(names, images)]
    if getattr(args, "open", False):
        open_in_viewer(written[0])
    return written


def write_stdout(data: bytes, args: Any) -> Path:
    """``-o -``: the document on standard output (never onto a terminal, where it would show
    as noise). Returns ``-`` as the path written."""
    stream = _stdout_stream(args)
    stream.write(data)
    stream.flush()
    return Path("-")


def _stdout_stream(args: Any) -> Any:
    """Where ``-o -`` writes: standard output as it was before the run's summaries were moved
    off it; an error when that is a terminal."""
    stream = getattr(args, "document_stream", None) or sys.stdout.buffer
    if stream.isatty():
        raise UserError(
            "standard output is a terminal, where a PDF shows as noise",
            where=Where(option="-o"),
            hint="pipe it into a program (| lp) or name a file with -o NAME.pdf",
        )
    return stream


def _open_windows(path: Path) -> None:
    """Windows: the program associated with the file's extension."""
    os.startfile(path)  # type: ignore[attr-defined]


def _open_with(command: str) -> Callable[[Path], None]:
    """An opener that runs ``command FILE`` in the background (``open``, ``xdg-open``)."""

    def start(path: Path) -> None:
        """Start the viewer and return at once."""
        import subprocess

        subprocess.Popen(
            [command, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    return start


# How each system opens a file in the user's default viewer (others: freedesktop's xdg-open).
_OPENERS: dict[str, Callable[[Path], None]] = {"win32": _open_windows, "darwin": _open_with("open")}


def open_in_viewer(path: Path) -> None:
    """``--open``: hand the file to the system's viewer; a warning when there is none."""
    opener = _OPENERS.get(sys.platform, _open_with("xdg-open"))
    try:
        opener(path)
    except OSError as exc:
        program = exc.filename or "the viewer"
        warn(
            f"--open: could not start a viewer ({program}: {exc.strerror or exc}); open "
            f"{path} yourself"
        )


def wrote(paths: Sequence[Path]) -> str:
    """The files written, for the "Wrote ..." line: ``a.pdf`` or ``a.pdf and a.png``."""
    names = ["the PDF to standard output" if str(p) == "-" else str(p) for p in paths]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
