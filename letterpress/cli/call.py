"""``letterpress call``: the one-page phone-call cheat sheet."""

from __future__ import annotations

import argparse
from datetime import datetime

from .common import add_now_argument, add_pdfa_argument, add_preview_arguments

HELP = "render the [call] table as a one-page call sheet PDF"
DESCRIPTION: str | None = (
    "Render a letter file's [call] table as a one-page phone-call "
    "cheat sheet: number and QR code, best time in both zones, "
    "script, voicemail, reminders, outcome box and notes."
)
EXAMPLES = (
    "letterpress call examples/call.toml              # writes examples/call-call.pdf",
    "letterpress call letter.toml -o call.pdf --paper letter",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The letter file, -o, --paper, --now and --strict."""
    parser.add_argument("file", help="the letter file (TOML or JSON) with a [call] table")
    parser.add_argument("-o", "--output", help="the PDF to write (default: FILE with -call.pdf)")
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        type=str.lower,
        help="paper size (default: the paper of the file's layout)",
    )
    add_now_argument(
        parser, "for the day call_on defaults to, and whether it or its best time has passed"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop (exit 2) on tone or leftover-placeholder findings, or on any warning "
        "(a call-on day that has passed or when offices are closed), before writing",
    )
    add_pdfa_argument(parser)
    add_preview_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Check, render the sheet, then report the number to call and when."""
    from ..callsheet import render_call_sheet
    from ..source import load_source
    from .common import (
        now_option,
        output_beside,
        report,
        wants_png,
        warn_or_stop,
        write_document,
        wrote,
    )

    out = output_beside(args.file, args.output, "-call.pdf")
    wants_png(args, out)
    # --now is on your clock; the computer's clock is read with its zone, as "your time" may
    # be another (caller_timezone, $LETTERPRESS_TZ)
    now = now_option(args.now) if args.now else datetime.now().astimezone()
    source = load_source(args.file)
    warn_or_stop(source, strict=args.strict, command="call")
    result = render_call_sheet(source, None, paper=args.paper, now=now, pdfa=args.pdfa)
    report(result.warnings, strict=args.strict)  # --strict: the first stops, nothing written
    written = write_document(out, result.pdf, args)
    sheet = result.sheet
    print(f"Wrote {wrote(written)} (1 page, {result.paper}, {result.size:g} pt type).")
    print(
        f"Call {sheet.contact} on {sheet.phone.international}"
        f" ({sheet.call_on.isoformat()}); voicemail about {sheet.voicemail_seconds} s."
    )
    if sheet.caller_window is not None and sheet.caller_zone is not None:
        print(f"Your time: {sheet.caller_zone.key}, from {sheet.caller_zone_from}.")
    return 0
