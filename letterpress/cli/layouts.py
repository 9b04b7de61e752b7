"""``letterpress layouts``: list the bundled layouts."""
from __future__ import annotations

import argparse

HELP = "list the bundled layouts"
DESCRIPTION: str | None = None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def run(args: argparse.Namespace) -> int:
    """One line per layout: its name and title."""
    from ..letter.layout import available_layouts, load_layout

    for name, path in available_layouts().items():
        layout = load_layout(path)
        print(f"{name:14} {layout.title}")
    return 0
