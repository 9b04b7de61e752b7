"""``letterpress config``: where your settings are kept and what they hold."""

from __future__ import annotations

import argparse

HELP = "show where your settings are and what they hold"
DESCRIPTION: str | None = (
    "Show the settings file (your stored sender from 'letterpress init --me', printer "
    "calibrations from 'letterpress calibrate') and what it holds. $LETTERPRESS_CONFIG_DIR "
    "moves it."
)
EXAMPLES = (
    "letterpress config",
    "letterpress config --path          # only the file's path, for scripts",
    "letterpress init --me              # store or change your sender",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--path`` only."""
    parser.add_argument("--path", action="store_true", help="print only the file's path")


def run(args: argparse.Namespace) -> int:
    """The file's path, then its tables as TOML (or how to fill it)."""
    from ..config import config_path, load_config

    path = config_path()
    if args.path:
        print(path)
        return 0
    data = load_config()
    if not path.is_file():
        print(f"Settings file: {path} (not created yet).")
    else:
        print(f"Settings file: {path}")
    if not data.get("me"):
        print("No sender stored: 'letterpress init --me' stores yours, for files without [sender].")
    if data:
        import tomli_w

        print()
        print(tomli_w.dumps(data).rstrip())
    return 0
