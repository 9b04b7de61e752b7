"""``letterpress layouts``: list the bundled layouts."""

from __future__ import annotations

import argparse

HELP = "list the bundled layouts"
DESCRIPTION: str | None = None
EXAMPLES = (
    "letterpress layouts",
    "letterpress letter thank-you.toml --layout us-letter-10",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def run(args: argparse.Namespace) -> int:
    """One line per layout: its name, title and envelopes (the default first)."""
    from ..letter.layout import available_layouts, load_layout

    for name, path in available_layouts().items():
        layout = load_layout(path)
        names = [e.name for e in layout.envelopes]
        envelopes = ", ".join([f"{names[0]} (default)", *names[1:]])
        print(f"{name:14} {layout.title}; envelopes {envelopes}")
    return 0
