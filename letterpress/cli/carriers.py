"""``letterpress carriers``: the carriers and services the estimates know."""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "list carriers and their services"
DESCRIPTION: str | None = None
EXAMPLES = (
    "letterpress carriers",
    "letterpress carriers --json",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--json only."""
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """One line per carrier and service, or the same as JSON."""
    from ..delivery.data import load_carriers

    rows: list[dict[str, Any]] = []
    for carrier in load_carriers().values():
        for service in carrier.services.values():
            rows.append(
                {
                    "carrier": carrier.id,
                    "service": service.id,
                    "name": carrier.name,
                    "service_name": service.name,
                    "countries": list(carrier.countries),
                    "default": service.id == carrier.default_service,
                    "rules": [
                        {
                            "valid_from": rule.valid_from.isoformat(),
                            "valid_until": rule.valid_until.isoformat()
                            if rule.valid_until
                            else None,
                            "source": rule.source,
                        }
                        for rule in service.rules
                    ],
                }
            )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        where = (
            "EU"
            if row["carrier"] == "eu-cross-border"
            else ("international" if row["countries"] == ["*"] else ", ".join(row["countries"]))
        )
        default = " (default)" if row["default"] else ""
        since = row["rules"][0]["valid_from"]
        print(
            f"{row['carrier']:<16} {row['service']:<19} {row['name']}, "
            f"{row['service_name']}{default} [{where}; rules from {since}]"
        )
    return 0
