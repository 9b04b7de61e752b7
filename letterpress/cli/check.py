"""``letterpress check``: tone and leftovers, one finding a line (exit 1 when any)."""
from __future__ import annotations

import argparse
import json
import sys

HELP = "check tone and leftovers (exit 1 when something is found)"
DESCRIPTION: str | None = ("Flag over-eager phrasing, pay talk in a thank-you, leftover "
                           "placeholders and text copied from the bundled examples. Exit 0 "
                           "clean, 1 findings, 2 unusable input.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The letter file and --json."""
    parser.add_argument("file", help="the letter file (TOML or JSON)")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")


def run(args: argparse.Namespace) -> int:
    """Print the findings (or that there are none); exit 1 when there are any."""
    from ..check import check_source
    from .common import finding_line

    findings = check_source(args.file)
    if args.json:
        print(json.dumps({"file": args.file, "findings": [f.as_json() for f in findings]},
                         ensure_ascii=False, indent=2))
    elif findings:
        for finding in findings:
            print(finding_line(args.file, finding))
        count = "1 finding" if len(findings) == 1 else f"{len(findings)} findings"
        print(f"{count}: replace or rephrase, then check again.", file=sys.stderr)
    else:
        print(f"{args.file}: no findings.")
    return 1 if findings else 0
