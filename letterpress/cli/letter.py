"""Sub-commands ``letter`` and ``layouts``."""
from __future__ import annotations

import argparse

from ..letter.layout import available_layouts, load_layout


def run_letter(args: argparse.Namespace) -> int:
    from .advise import warn_or_stop
    from ..letter.pipeline import prepare_letter
    from ..letter.model import parse_day
    from ..output import output_beside, write_bytes_atomic
    from ..source import load_source

    out = output_beside(args.file, args.output, ".pdf")
    source = load_source(args.file)
    warn_or_stop(source, strict=args.strict)
    when = parse_day(args.date, "--date") if args.date else None
    # everything that can refuse the input runs before the PDF is written
    prep = prepare_letter(source, layout=args.layout, when=when,
                          strict_window=args.strict_window)
    estimate = None
    if "mailing" in prep.letter.extra:  # the holiday calendars load only for a [mailing] table
        from ..delivery.mailing import mailing_estimate

        estimate = mailing_estimate(source, prep)
    pdf, pages = prep.build()
    write_bytes_atomic(out, pdf)
    print(f"Wrote {out} ({'1 page' if pages == 1 else f'{pages} pages'}, "
          f"layout {prep.layout.name}).")
    print(f"Window check: {prep.window.summary()}.")
    if estimate is not None:
        from ..delivery import describe

        print(f"Delivery: {describe(estimate)}")
    return 0


def run_layouts(args: argparse.Namespace) -> int:
    for name, path in available_layouts().items():
        layout = load_layout(path)
        print(f"{name:14} {layout.title}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("letter", help="render a letter file (TOML or JSON) to a PDF",
                       description="Render a letter file (TOML or JSON) to a print-ready PDF.")
    p.add_argument("file", help="the letter file")
    p.add_argument("-o", "--output", help="the PDF to write (default: FILE with .pdf)")
    p.add_argument("--layout", help="layout name (see 'letterpress layouts') or layout file path")
    p.add_argument("--date", help="the letter's date, YYYY-MM-DD (default: the file's, or today)")
    p.add_argument("--strict-window", action="store_true",
                   help="require the address to stay visible wherever the sheet slides")
    p.add_argument("--strict", action="store_true",
                   help="stop (exit 2) on tone or leftover-placeholder findings, before writing")
    p.set_defaults(func=run_letter)
    q = sub.add_parser("layouts", help="list the bundled layouts")
    q.set_defaults(func=run_layouts)
