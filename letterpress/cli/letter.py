"""``letterpress letter``: render a letter file to a print-ready PDF."""
from __future__ import annotations

import argparse

HELP = "render a letter file (TOML or JSON) to a PDF"
DESCRIPTION: str | None = "Render a letter file (TOML or JSON) to a print-ready PDF."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The letter file, -o, --layout, --date, --strict-window and --strict."""
    parser.add_argument("file", help="the letter file")
    parser.add_argument("-o", "--output", help="the PDF to write (default: FILE with .pdf)")
    parser.add_argument("--layout",
                        help="layout name (see 'letterpress layouts') or layout file path")
    parser.add_argument("--date",
                        help="the letter's date, YYYY-MM-DD (default: the file's, or today)")
    parser.add_argument("--strict-window", action="store_true",
                        help="require the address to stay visible wherever the sheet slides")
    parser.add_argument("--strict", action="store_true",
                        help="stop (exit 2) on tone or leftover-placeholder findings, before "
                             "writing")


def run(args: argparse.Namespace) -> int:
    """Check, prepare (everything that can refuse runs first), write, then report."""
    from ..errors import Where
    from ..fields import parse_day
    from ..letter import build_letter, prepare_letter
    from ..output import write_bytes_atomic
    from ..source import load_source
    from .common import output_beside, report, warn_or_stop

    out = output_beside(args.file, args.output, ".pdf")
    source = load_source(args.file)
    warn_or_stop(source, strict=args.strict)
    when = parse_day(args.date, Where(option="--date")) if args.date else None
    # everything that can refuse the input runs before the PDF is written
    prep = prepare_letter(source, layout=args.layout, when=when,
                          strict_window=args.strict_window)
    report(prep.notices, strict=args.strict)
    estimate = None
    if "mailing" in prep.letter.extra:  # the holiday calendars load only for a [mailing] table
        from ..delivery.mailing import mailing_estimate

        estimate = mailing_estimate(source, prep)
    pdf, pages = build_letter(prep)
    write_bytes_atomic(out, pdf)
    print(f"Wrote {out} ({'1 page' if pages == 1 else f'{pages} pages'}, "
          f"layout {prep.layout.name}).")
    print(f"Window check: {prep.window.summary()}.")
    if estimate is not None:
        from ..delivery import describe

        print(f"Delivery: {describe(estimate)}")
    return 0
