"""``letterpress advise``: email, letter or call after an interview, and what to do today."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import add_lang_argument, add_now_argument, now_option

HELP = "recommend email, letter or call after an interview"
DESCRIPTION: str | None = (
    "Recommend how to follow up after a job interview (email, letter, "
    "call), why, and what to do today, from a letter file with an "
    "[interview] table."
)
EXAMPLES = (
    "letterpress advise follow-up.toml",
    "letterpress advise follow-up.toml --now 2026-12-22T16:00 --lang de",
    "letterpress advise follow-up.toml --write out/   # letter, call sheet, e-mail draft",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The follow-up file, --now, --json, --write, --envelope and --strict."""
    parser.add_argument("file", help="the follow-up file (a letter file with [interview])")
    add_now_argument(parser, "for reproducible advice")
    parser.add_argument("--json", action="store_true", help="print the advice as JSON")
    parser.add_argument(
        "--write",
        metavar="DIR",
        help="write the recommended letter PDF, call sheet PDF and .eml draft",
    )
    parser.add_argument(
        "--envelope",
        metavar="NAME",
        help="with --write: which of the layout's envelopes the letter is "
        "fitted to (see 'letterpress layouts')",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop (exit 2) when the tone check or the letter's or call sheet's "
        "checks find anything, before writing",
    )
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check, advise, write the artefacts when asked, then print the advice."""
    from ..advice import advise_file, load_followup
    from ..advice.artefacts import write_artefacts
    from ..advice.report import as_json, as_text, wrote_line
    from .common import report, warn_or_stop

    follow = load_followup(args.file)
    now = now_option(args.now)
    language = args.lang or follow.letter.language
    warn_or_stop(follow.source, strict=args.strict, command="advise", language=language)
    advice = advise_file(follow, now, language, envelope=args.envelope)
    said = (*follow.notices, *advice.notices)
    report(said, strict=args.strict)  # before anything is written
    written, notices = (
        write_artefacts(
            follow, advice, Path(args.write), envelope=args.envelope, strict=args.strict
        )
        if args.write
        else ([], ())
    )
    # the letter's and the call sheet's own; under --strict the first has already stopped it
    report([n for n in notices if n not in said], strict=False)
    if args.json:
        data = as_json(advice)
        if args.write:
            data["written"] = [str(p) for p in written]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(as_text(advice, language))
        for path in written:
            print(wrote_line(path, language))
    return 0
