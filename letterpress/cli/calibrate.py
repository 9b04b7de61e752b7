"""``letterpress calibrate``: the printer test sheet, and storing a printer's offset."""

from __future__ import annotations

import argparse

from .common import add_preview_arguments

HELP = "printer test sheet, or store a printer's offset"
DESCRIPTION: str | None = (
    "Without --set: write a test sheet with two cross-hairs and rulers; print it at 100 %, "
    "measure where cross-hair A landed, and store the difference with --set. With --set: "
    "store the printer's offset in your settings; letter, envelope and labels then move "
    "everything by it (--printer NAME, or the default printer)."
)
EXAMPLES = (
    "letterpress calibrate -o test.pdf             # print it at 100 %, then measure",
    'letterpress calibrate --set "Office laser" --dx -1.5 --dy 0.8',
    "letterpress calibrate --list",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The sheet (--paper, -o) or the offset to store (--set, --dx, --dy, --scale)."""
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        type=str.lower,
        help="paper of the test sheet (default: a4)",
    )
    parser.add_argument(
        "-o",
        "--output",
        help="the test sheet to write (default: calibration.pdf)",
    )
    parser.add_argument(
        "--set", metavar="NAME", dest="set_name", help="store the offset of the printer called NAME"
    )
    parser.add_argument(
        "--dx",
        type=float,
        help="with --set: move the print this many mm to the right (negative: left)",
    )
    parser.add_argument(
        "--dy",
        type=float,
        help="with --set: move the print this many mm down (negative: up)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        help="with --set: scale the print by this factor (default 1)",
    )
    parser.add_argument(
        "--default",
        action="store_true",
        dest="make_default",
        help="with --set: make this the default printer (the first one stored is)",
    )
    parser.add_argument("--list", action="store_true", help="list the stored printers")
    parser.add_argument(
        "--printer",
        metavar="NAME",
        help="without --set: write a check sheet already moved by this printer's stored "
        "offset; it says how to correct the offset from what A measures",
    )
    add_preview_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Store an offset, list them, or write the test sheet."""
    _refuse_unused(args)
    if args.list:
        return _list()
    if args.set_name is not None:
        return _store(args)
    return _sheet(args)


# What each way of calling calibrate reads (option -> its argument's name): storing an
# offset, and writing a sheet; --list reads neither.
_STORE = {"--dx": "dx", "--dy": "dy", "--scale": "scale", "--default": "make_default"}
_SHEET = {"--paper": "paper", "-o": "output", "--printer": "printer", "--png": "png"}
_SHEET |= {"--pages": "pages", "--dpi": "dpi", "--open": "open"}


def _refuse_unused(args: argparse.Namespace) -> None:
    """An option the way of calling does not read would be ignored without a word (``--dx``
    without ``--set`` stores nothing): refuse it, saying what to run instead."""
    from ..errors import UserError, Where

    def given(options: dict[str, str]) -> list[str]:
        return [o for o, name in options.items() if _given(getattr(args, name))]

    if args.list:
        extra = (["--set"] if args.set_name is not None else []) + given(_STORE | _SHEET)
        if extra:
            raise UserError(
                f"lists the stored printers and takes no other option ({extra[0]} was given)",
                where=Where(option="--list"),
                hint="run letterpress calibrate --list on its own",
            )
    elif args.set_name is not None:
        if sheet := given(_SHEET):
            raise UserError(
                "applies to the test sheet, and --set writes none (it stores the offset)",
                where=Where(option=sheet[0]),
                hint=f"leave it out, or run letterpress calibrate {sheet[0]} ... without --set",
            )
    elif store := given(_STORE):
        raise UserError(
            "applies with --set only; without it nothing is stored",
            where=Where(option=store[0]),
            hint=f'name the printer: letterpress calibrate --set "PRINTER NAME" {store[0]} ...',
        )


def _given(value: object) -> bool:
    """Whether an option was given: not its default (None; False for a flag), 0 included."""
    return value is not None and value is not False


def _store(args: argparse.Namespace) -> int:
    from ..calibrate.printers import make_default, save_printer
    from ..errors import UserError, Where
    from ..pdf.shift import Shift

    if (args.dx, args.dy, args.scale) == (None, None, None):  # 0, 0 would replace the offset
        if not args.make_default:
            raise UserError(
                "stores an offset, and none was given",
                where=Where(option="--set"),
                hint="give --dx and --dy as measured on the test sheet (letterpress calibrate), "
                "or --default alone to make a stored printer the default",
            )
        path, kept = make_default(args.set_name)
        print(
            f"Printer {args.set_name!r} is now the default printer (its offset kept: dx "
            f"{kept.dx:+g} mm, dy {kept.dy:+g} mm, scale {kept.scale:g}) in {path}."
        )
        return 0
    shift = Shift(
        dx=args.dx or 0.0,
        dy=args.dy or 0.0,
        scale=1.0 if args.scale is None else args.scale,
        printer=args.set_name,
    )
    path, is_default = save_printer(args.set_name, shift, make_default=args.make_default)
    default = " (the default printer)" if is_default else ""
    print(f"Stored {shift.describe()}{default} in {path}.")
    return 0


def _list() -> int:
    from ..calibrate.printers import known_printers

    printers, default = known_printers()
    if not printers:
        print("No printers stored; see letterpress calibrate --help.")
    for name in sorted(printers):
        mark = "  (default)" if name == default else ""
        shift = printers[name]
        print(f"{name}: dx {shift.dx:+g} mm, dy {shift.dy:+g} mm, scale {shift.scale:g}{mark}")
    return 0


def _sheet(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from ..calibrate.printers import find_shift
    from ..calibrate.sheet import calibration_sheet, length, offset_formula, papers, set_command
    from .common import document_name, wants_png, write_document, wrote

    out = document_name(Path(args.output or "calibration.pdf"))
    wants_png(args, out)
    shift = find_shift(args.printer) if args.printer else None
    paper = args.paper or "a4"
    pdf = calibration_sheet(paper, date.today(), shift)
    written = write_document(out, pdf, args)
    if out.suffix.lower() == ".png":
        from .common import warn

        warn(
            f"{out}: a picture of the sheet does not print at actual size, so what A measures "
            f"on it says nothing about the printer; print the PDF: letterpress calibrate -o "
            f"{out.with_suffix('.pdf')}"
        )
    spec = papers()[paper]
    formulas = f"{offset_formula(spec, shift, 'x')}, {offset_formula(spec, shift, 'y')}"
    if shift is None:
        print(
            f"Wrote {wrote(written)} (calibration sheet, {spec.name}). Print it at 100 %, "
            "measure cross-hair A from the left edge (X mm) and the top edge (Y mm), then run "
            f"{set_command(None)} with {formulas} (S = 1 unless you measure it as the sheet "
            "says)."
        )
        return 0
    scale = f", scale {shift.scale:g}" if shift.scale != 1 else ""
    print(
        f"Wrote {wrote(written)} (check sheet for printer {shift.printer!r}, {spec.name}, "
        f"already moved by its stored offset dx = {length(shift.dx)}, dy = {length(shift.dy)}"
        f"{scale}). Print it at 100 % on that printer: cross-hair A should measure "
        f"{length(spec.inset)} mm from the left and the top edge, and then the offset is right. "
        f"If it measures X and Y mm, the new offset is {formulas} (S = {shift.scale:g} unless "
        "you measure it as the sheet says); store it (it replaces the stored one) with "
        f"{set_command(shift)}."
    )
    return 0
