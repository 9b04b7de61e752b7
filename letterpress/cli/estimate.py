"""``letterpress estimate``: delivery dates from postal service standards."""

from __future__ import annotations

import argparse
import json
import sys

from .common import add_now_argument, now_option

HELP = "when a posted letter arrives, or when to post it"
DESCRIPTION: str | None = (
    "Delivery dates from the carrier's published standard. Give --posted "
    "for the arrival dates, or --arrive-by for the last posting time that "
    "still meets a date."
)
EXAMPLES = (
    "letterpress estimate --from DE --to DE --to-postcode 04275 --posted now",
    "letterpress estimate --from GB --to GB --arrive-by 2026-12-30",
    "letterpress estimate --carrier usps --from US --to US-CA --posted 2026-12-23T18:00 --json",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Carrier and service, the two places, and --posted or --arrive-by."""
    parser.add_argument(
        "--carrier",
        help="carrier id (see `letterpress carriers`; default: the national carrier of --from)",
    )
    parser.add_argument("--service", help="service id (default: the carrier's standard letter)")
    parser.add_argument(
        "--from",
        dest="origin",
        metavar="CC[-SUB]",
        help="origin country, optionally with subdivision (DE-BY)",
    )
    parser.add_argument(
        "--to",
        dest="destination",
        metavar="CC[-SUB]",
        help="destination country, optionally with subdivision",
    )
    parser.add_argument(
        "--from-postcode",
        metavar="P",
        help="origin postcode (settles the region and the route where it can)",
    )
    parser.add_argument(
        "--to-postcode",
        metavar="P",
        help="destination postcode (settles the region and the route where it can)",
    )
    parser.add_argument(
        "--posted",
        metavar="WHEN",
        help="posting time: YYYY-MM-DDTHH:MM, `now`, or a date alone (today: "
        "now; another day: before its last collection)",
    )
    parser.add_argument(
        "--arrive-by",
        metavar="WHEN",
        help="reverse mode: the last posting time whose expected date meets this: "
        "YYYY-MM-DD (with a time, YYYY-MM-DDTHH:MM, its day counts)",
    )
    parser.add_argument(
        "--cutoff", metavar="HH:MM", help="last collection time (default per carrier)"
    )
    add_now_argument(parser, "for --posted now and for whether --arrive-by's time has passed")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Estimate (or find the last posting time), then print a sentence plus notes, or JSON."""
    # imported here: the holiday calendars load slowly, and other commands never need them
    from ..delivery import as_json
    from ..delivery.ask import Question, answer, required
    from ..delivery.text import describe_answer
    from .common import report

    question = Question(
        origin=args.origin or "",
        destination=args.destination or "",
        carrier=args.carrier,
        service=args.service,
        origin_postcode=args.from_postcode,
        destination_postcode=args.to_postcode,
        posted=args.posted,
        arrive_by=args.arrive_by,
        cutoff=args.cutoff,
    )
    required(question)
    now = now_option(args.now)
    result = answer(question, now)
    report(result.notices, strict=False)
    estimate = result.estimate
    if args.json:
        out = as_json(estimate)
        if result.arrive_by is not None and result.latest_posting is not None:
            out = {
                "arrive_by": result.arrive_by.isoformat(),
                "latest_posting": result.latest_posting.isoformat(timespec="minutes"),
                "too_late": result.too_late,
                **out,
            }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 1 if result.too_late else 0
    print(describe_answer(result, year=now.year))
    _print_notes(estimate.target, estimate.notes)
    return 1 if result.too_late else 0


def _print_notes(target: str, notes: tuple[str, ...]) -> None:
    """The standard used and the caveats, one per line under the sentence."""
    print(f"  standard: {target}")
    for note in notes:
        print(f"  note: {note}")
    sys.stdout.flush()
