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
    """The file's path, then its tables as TOML (or how to fill it), then what is wrong
    with your stored details, if anything (exit 2 then: every file would stop on it)."""
    import sys

    from ..config import config_path, load_config
    from ..errors import UserError
    from ..profile import stored_profile

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
    try:
        stored_profile()
    except UserError as exc:
        print(f"letterpress: error: {exc.line()}", file=sys.stderr)
        return 2
    return 0
