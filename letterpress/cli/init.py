"""``letterpress init``: write a commented starter file to edit."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError, Where

HELP = "write a commented starter file to edit"
DESCRIPTION: str | None = ("Write an editable starter file with placeholders that "
                           "'letterpress check' flags until you replace them.")

# What to run next, per kind of starter.
_NEXT = {"thank-you": "letterpress letter {out}", "call": "letterpress call {out}",
         "follow-up": "letterpress advise {out}"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The kind of starter, --language and -o."""
    from ..starters import KINDS, languages

    parser.add_argument("kind", nargs="?", default="thank-you", choices=KINDS,
                        help="thank-you (default), follow-up (for advise) or call")
    parser.add_argument("--language", default="en", choices=languages(),
                        help="en (default), de or fr")
    parser.add_argument("-o", "--output", help="the file to write (default: KIND.toml); never "
                                               "overwritten")


def run(args: argparse.Namespace) -> int:
    """Write the starter (never over an existing file), then say what to run next."""
    from ..starters import starter_text

    out = Path(args.output or f"{args.kind}.toml")
    text = starter_text(args.kind, args.language)
    try:
        with open(out, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UserError("already exists; not overwritten", where=Where(file=str(out)),
                        hint="choose another -o path or remove the file") from None
    except FileNotFoundError:
        raise UserError(f"output folder {str(out.parent)!r} does not exist",
                        where=Where(file=str(out)),
                        hint="create it or choose another -o path") from None
    except OSError as exc:
        raise UserError(f"cannot write file ({exc.strerror})", where=Where(file=str(out))) from None
    follow = _NEXT[args.kind].format(out=out)
    print(f"Wrote {out}. Replace the [bracketed prompts], run 'letterpress check {out}' until "
          f"it is clean, then '{follow}'.")
    return 0
