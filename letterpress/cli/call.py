"""Sub-command ``call``: the one-page phone-call cheat sheet."""
from __future__ import annotations

import argparse
import sys



def run_call(args: argparse.Namespace) -> int:
    from ..callsheet import render_call_sheet
    from .advise import warn_or_stop
    from ..output import output_beside
    from ..source import load_source

    out = output_beside(args.file, args.output, "-call.pdf")
    source = load_source(args.file)
    warn_or_stop(source, strict=args.strict)
    result = render_call_sheet(source, out, paper=args.paper)
    for warning in result.warnings:
        print(f"letterpress: warning: {args.file}: {warning}", file=sys.stderr)
    sheet = result.sheet
    print(f"Wrote {out} (1 page, {result.paper}, {result.size:g} pt type).")
    print(f"Call {sheet.contact} on {sheet.phone.international}"
          f" ({sheet.call_on.isoformat()}); voicemail about {sheet.voicemail_seconds} s.")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("call", help="render the [call] table as a one-page call sheet PDF",
                       description="Render a letter file's [call] table as a one-page phone-call "
                                   "cheat sheet: number and QR code, best time in both zones, "
                                   "script, voicemail, reminders, outcome box and notes.")
    p.add_argument("file", help="the letter file (TOML or JSON) with a [call] table")
    p.add_argument("-o", "--output", help="the PDF to write (default: FILE with -call.pdf)")
    p.add_argument("--paper", choices=("a4", "letter"), type=str.lower,
                   help="paper size (default: the paper of the file's layout)")
    p.add_argument("--strict", action="store_true",
                   help="stop (exit 2) on tone or leftover-placeholder findings, before writing")
    p.set_defaults(func=run_call)
