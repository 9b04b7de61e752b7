"""Sub-commands ``letter`` and ``layouts``."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from .errors import UserError
from .layout import available_layouts, load_layout


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{text!r} is not a valid date", where="--date",
                        hint="write it as YYYY-MM-DD") from None


def run_letter(args: argparse.Namespace) -> int:
    from .letter import render_letter

    out = Path(args.output) if args.output else Path(args.file).with_suffix(".pdf")
    if out.resolve() == Path(args.file).resolve():
        raise UserError("the output would overwrite the input", where=str(out),
                        hint="choose another -o path")
    result = render_letter(args.file, out, layout=args.layout,
                           when=_day(args.date) if args.date else None,
                           strict_window=args.strict_window)
    pages = "1 page" if result.pages == 1 else f"{result.pages} pages"
    print(f"Wrote {out} ({pages}, layout {result.layout}).")
    print(f"Window check: {result.window.summary()}.")
    _after_letter(result, args)
    return 0


def _after_letter(result, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    """Hooks other command families add (delivery estimate, tone check)."""
    for hook in AFTER_LETTER:
        hook(result, args)


AFTER_LETTER: list = []


def run_layouts(args: argparse.Namespace) -> int:
    for name, path in available_layouts().items():
        layout = load_layout(path)
        print(f"{name:14} {layout.title}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("letter", help="render a letter file (TOML or JSON) to a PDF",
                       description="Render a letter file (TOML or JSON) to a print-ready PDF.")
    p.add_argument("file", help="the letter file")
    p.add_argument("-o", "--output", help="the PDF to write (default: FILE with .pdf)")
    p.add_argument("--layout", help="layout name (see 'letterpress layouts') or layout file path")
    p.add_argument("--date", help="the letter's date, YYYY-MM-DD (default: the file's, or today)")
    p.add_argument("--strict-window", action="store_true",
                   help="require the address to stay visible wherever the sheet slides")
    p.set_defaults(func=run_letter)
    q = sub.add_parser("layouts", help="list the bundled layouts")
    q.set_defaults(func=run_layouts)
