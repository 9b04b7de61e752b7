"""``letterpress letter``: render a letter file to a print-ready PDF."""

from __future__ import annotations

import argparse

from .common import add_pdfa_argument, add_preview_arguments, add_printer_argument

HELP = "render a letter file (TOML or JSON) to a PDF"
DESCRIPTION: str | None = "Render a letter file (TOML or JSON) to a print-ready PDF."
PRINT_ADVICE = (
    'Print at actual size (100 %, not "fit to page"): scaling moves the address out of the window.'
)
EXAMPLES = (
    "letterpress letter thank-you.toml                # writes thank-you.pdf",
    "letterpress letter thank-you.toml --png --open   # and a preview image; opens it",
    "letterpress letter - -o - < letter.toml | lp     # a pipe: TOML in, PDF out",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The letter file, -o, --layout, --envelope, --date, --strict-window and --strict."""
    parser.add_argument("file", help="the letter file")
    parser.add_argument("-o", "--output", help="the PDF to write (default: FILE with .pdf)")
    parser.add_argument(
        "--layout", help="layout name (see 'letterpress layouts') or layout file path"
    )
    parser.add_argument(
        "--envelope",
        metavar="NAME",
        help="which of the layout's envelopes (see 'letterpress layouts'; "
        "default: the file's envelope, else the layout's first)",
    )
    parser.add_argument(
        "--date", help="the letter's date, YYYY-MM-DD (default: the file's, or today)"
    )
    parser.add_argument(
        "--strict-window",
        action="store_true",
        help="stop (exit 2) when the address does not keep clear of the "
        "window's edges wherever the sheet slides (as --strict does)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop (exit 2) on any warning (tone, leftover placeholders, the "
        "window check), before writing",
    )
    add_printer_argument(parser)
    add_pdfa_argument(parser)
    add_preview_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Check, prepare (everything that can refuse runs first), write, then report."""
    from datetime import datetime

    from ..check.printing import Lettered, letter_file
    from ..errors import UserError, Where
    from ..fields import parse_day
    from ..letter import build_letter, prepare_letter
    from ..source import load_source
    from .common import (
        output_beside,
        printer_shift,
        report,
        wants_png,
        warn_or_stop,
        write_document,
        wrote,
    )

    source = load_source(args.file)  # first: letter.pdf given for letter.toml says so
    out = output_beside(args.file, args.output, ".pdf")
    wants_png(args, out)
    shift = printer_shift(args)
    now = datetime.now().replace(second=0, microsecond=0)
    try:
        when = parse_day(args.date, Where(option="--date")) if args.date else None
    except UserError as exc:
        made = Lettered(refused=exc)
    else:  # prepared once, before anything is written
        made = letter_file(
            source,
            now,
            lambda src: prepare_letter(
                src,
                layout=args.layout,
                when=when,
                strict_window=args.strict_window,
                shift=shift,
                envelope=args.envelope,
            ),
        )
    # the check hears what letter says of the file (a number in a field letter speaks of is
    # letter's line); when an option stops letter (--date, --envelope), the check asks itself
    read = made.refused is None or made.refused.place.file == source.where.file
    warn_or_stop(
        source, strict=args.strict, command="letter", said=made.printing() if read else None
    )
    prep = made.letter()
    report(prep.notices, strict=args.strict)
    if made.refused is not None:  # the [mailing] estimate's, after the letter's notices
        raise made.refused
    report(made.no_estimate, strict=args.strict)
    estimate = made.estimate
    pdf, pages = build_letter(prep)
    if args.pdfa:
        from ..pdf.pdfa import to_pdfa

        pdf = to_pdfa(pdf)
    written = write_document(out, pdf, args)
    print(
        f"Wrote {wrote(written)} ({'1 page' if pages == 1 else f'{pages} pages'}, "
        f"layout {prep.layout.name}, envelope {prep.layout.envelope.name})."
    )
    print(f"Window: {prep.window.summary()}")
    print(PRINT_ADVICE)
    if shift is not None and not shift.identity:
        print(f"Calibrated for {shift.describe()}.")
    if estimate is not None:
        from ..delivery import describe

        print(f"Delivery: {describe(estimate, year=now.year)}")
    return 0
