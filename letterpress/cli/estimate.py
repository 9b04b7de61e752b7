"""``letterpress estimate``: delivery dates from postal service standards."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from ..errors import UserError, Where

HELP = "when a posted letter arrives, or when to post it"
DESCRIPTION: str | None = ("Delivery dates from the carrier's published standard. Give --posted "
                           "for the arrival dates, or --arrive-by for the last posting time that "
                           "still meets a date.")

# Internal field names (the field of a UserError's place) -> the option a user typed.
_OPTIONS = {"carrier": "--carrier", "service": "--service", "from": "--from", "to": "--to",
            "posted": "--posted", "from_postcode": "--from-postcode",
            "to_postcode": "--to-postcode", "arrive_by": "--arrive-by", "cutoff": "--cutoff",
            "postcode": "--to-postcode"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Carrier and service, the two places, and --posted or --arrive-by."""
    parser.add_argument("--carrier", help="carrier id (see `letterpress carriers`; default: the "
                                          "national carrier of --from)")
    parser.add_argument("--service", help="service id (default: the carrier's standard letter)")
    parser.add_argument("--from", dest="origin", metavar="CC[-SUB]",
                        help="origin country, optionally with subdivision (DE-BY)")
    parser.add_argument("--to", dest="destination", metavar="CC[-SUB]",
                        help="destination country, optionally with subdivision")
    parser.add_argument("--from-postcode", metavar="P",
                        help="origin postcode (settles the region and the route where it can)")
    parser.add_argument("--to-postcode", metavar="P",
                        help="destination postcode (settles the region and the route where it "
                             "can)")
    parser.add_argument("--posted", metavar="WHEN",
                        help="posting time: YYYY-MM-DDTHH:MM, `now`, or a date alone (today: "
                             "now; another day: before its last collection)")
    parser.add_argument("--arrive-by", metavar="YYYY-MM-DD",
                        help="reverse mode: the last posting time whose expected date meets this")
    parser.add_argument("--cutoff", metavar="HH:MM",
                        help="last collection time (default per carrier)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _required(args: argparse.Namespace) -> None:
    """argparse would print usage plus an error; one UserError line is clearer."""
    for attr, option, example in (("origin", "--from", "DE"),
                                  ("destination", "--to", "DE")):
        if not getattr(args, attr):
            raise UserError(f"{option} is required", where=Where(command="estimate"),
                            hint=f"for example {option} {example}")
    if bool(args.posted) == bool(args.arrive_by):
        raise UserError("give either --posted or --arrive-by", where=Where(command="estimate"),
                        hint="--posted 2026-12-23T18:00 for arrival dates, --arrive-by "
                             "2026-12-30 for the last posting time")


def run(args: argparse.Namespace) -> int:
    """Check the options, estimate, and name a refused value by the option the user typed."""
    _required(args)
    try:
        return _estimate(args)
    except UserError as exc:
        field = exc.place.field
        if exc.place != Where(field=field) or field not in _OPTIONS:  # not an option's value
            raise UserError(exc.what, where=exc.place, hint=exc.hint) from None
        option = "--arrive-by" if field == "posted" and args.arrive_by else _OPTIONS[field]
        raise UserError(exc.what, where=Where(option=option), hint=exc.hint) from None


def _estimate(args: argparse.Namespace) -> int:
    """Forward or reverse estimate, printed as a sentence plus notes, or as JSON."""
    # imported here: the holiday calendars load slowly, and other commands never need them
    from ..delivery import as_json, describe, estimate_delivery, latest_posting
    from ..delivery.mailing import (
        carrier_or_national,
        parse_cutoff,
        parse_day,
        posting_from_option,
        with_notes,
    )
    from ..delivery.text import describe_latest_posting

    args.carrier = carrier_or_national(args.carrier, args.origin, where=Where(field="carrier"))
    cutoff = parse_cutoff(args.cutoff, where=Where(field="cutoff")) if args.cutoff else None
    common: dict[str, Any] = dict(origin=args.origin, destination=args.destination,
                                  origin_postcode=args.from_postcode,
                                  destination_postcode=args.to_postcode, cutoff=cutoff)
    if args.arrive_by:
        arrive_by = parse_day(args.arrive_by, where=Where(field="arrive_by"))
        posted = latest_posting(args.carrier, args.service, arrive_by=arrive_by, **common)
        estimate = estimate_delivery(args.carrier, args.service, posted=posted, **common)
        if args.json:
            out = {"arrive_by": arrive_by.isoformat(),
                   "latest_posting": posted.isoformat(timespec="minutes"), **as_json(estimate)}
            print(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            print(describe_latest_posting(posted, arrive_by, estimate))
            _print_notes(estimate.target, estimate.notes)
        return 0
    posted, notes = posting_from_option(args.posted, datetime.now(), where=Where(field="posted"))
    estimate = with_notes(
        estimate_delivery(args.carrier, args.service, posted=posted, **common), notes)
    if args.json:
        print(json.dumps(as_json(estimate), ensure_ascii=False, indent=2))
    else:
        print(describe(estimate))
        _print_notes(estimate.target, estimate.notes)
    return 0


def _print_notes(target: str, notes: tuple[str, ...]) -> None:
    """The standard used and the caveats, one per line under the sentence."""
    print(f"  standard: {target}")
    for note in notes:
        print(f"  note: {note}")
    sys.stdout.flush()
