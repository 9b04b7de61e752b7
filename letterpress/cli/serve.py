"""``letterpress serve``: the local web page, for people who do not use a terminal."""

from __future__ import annotations

import argparse

HELP = "the local web page, for working in the browser"
DESCRIPTION: str | None = (
    "Serve letterpress as a web page on this computer (127.0.0.1, a free "
    "port) and open it in the browser. Nothing leaves the machine. "
    "Ctrl-C stops it."
)
EXAMPLES = (
    "letterpress serve                  # opens the page in your browser",
    "letterpress serve --port 8080 --no-open",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--port, --no-open, --host and --i-know-this-is-exposed."""
    parser.add_argument(
        "--port",
        type=int,
        default=0,
        metavar="N",
        help="the port to listen on (default: a free one)",
    )
    parser.add_argument(
        "--no-open", action="store_true", help="do not open the browser; only print the address"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1, this computer "
        "only); another needs --i-know-this-is-exposed",
    )
    parser.add_argument(
        "--i-know-this-is-exposed",
        dest="exposed",
        action="store_true",
        help="allow a --host that other computers can reach",
    )


def run(args: argparse.Namespace) -> int:
    """Check the options, then serve until Ctrl-C."""
    from ..errors import UserError, Where
    from ..web.server import serve

    if args.port != 0 and not 1024 <= args.port <= 65535:  # 0: the default, a free port
        raise UserError(
            f"{args.port} is not a port number",
            where=Where(option="--port"),
            hint="use 1024 to 65535, or leave out --port for a free one",
        )
    return serve(args.host, args.port, open_browser=not args.no_open, exposed=args.exposed)
