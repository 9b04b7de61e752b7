"""``letterpress envelope``: the recipient and return address printed on a plain envelope."""

from __future__ import annotations

import argparse

from .common import add_preview_arguments, add_printer_argument

HELP = "print the addresses on a plain envelope"
DESCRIPTION: str | None = (
    "Print a letter file's recipient, and the sender as return address, on a plain envelope: "
    "the PDF page is the envelope, for feeding through the printer. Addresses are formatted "
    "as in the letter and placed in the post's read area, clear of its barcode or coding zone."
)
EXAMPLES = (
    "letterpress envelope examples/thank-you.toml     # examples/thank-you-envelope.pdf, DL",
    "letterpress envelope letter.toml --size C5 -o c5.pdf",
    "letterpress envelope letter.toml --size '#10' --png",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The letter file, -o, --size, --printer, --strict and the PNG preview."""
    parser.add_argument("file", help="the letter file (TOML or JSON) with [sender] and [recipient]")
    parser.add_argument(
        "-o", "--output", help="the PDF to write (default: FILE with -envelope.pdf)"
    )
    parser.add_argument(
        "--size",
        metavar="SIZE",
        help="envelope size: DL, C6/5, C6, C5, C4, B6, B5, B4, #10, #9, #6-3/4, "
        "Monarch, A2, A7, 6x9, 9x12 (default: the post's usual one)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="stop (exit 2) on the first warning, before writing"
    )
    add_printer_argument(parser)
    add_preview_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Plan (everything that can refuse runs first), report, write."""
    from ..envelope import prepare_envelope
    from ..errors import UserError
    from ..mailpiece.sheet import draw_sheets
    from ..pdf.units import size_text
    from ..source import load_source
    from .common import output_beside, printer_shift, report, wants_png, write_document, wrote

    out = output_beside(args.file, args.output, "-envelope.pdf")
    wants_png(args, out)
    shift = printer_shift(args)
    try:
        source = load_source(args.file)
    except UserError as exc:
        if not exc.what.startswith("a spreadsheet"):
            raise
        raise UserError(  # an address list: one envelope per row is a merge, or labels
            exc.what,
            where=exc.place,
            hint=f"give the letter file here; for an envelope per row: letterpress batch "
            f"letter.toml {args.file} --kind envelope -o envelopes.pdf, or labels: "
            f"letterpress labels {args.file} --sheet L7163 -o labels.pdf",
        ) from None
    prep = prepare_envelope(source, size=args.size, shift=shift)
    report(prep.notices, strict=args.strict)
    written = write_document(out, draw_sheets(prep.plan), args)
    size, post, block = prep.size, prep.post, prep.layout.address
    area = post.zones.read_area.get("name", "address area")
    back = (
        " and its back (page 2: the return address, as the post asks)"
        if len(prep.plan.pages) > 1
        else ""
    )
    dimensions = size_text(size.width, size.height)
    print(f"Wrote {wrote(written)} ({size.name} envelope, {dimensions}{back}).")
    print(
        f"Address {block.size:g} pt, {block.rect.x:.1f} mm from the left and "
        f"{block.rect.y:.1f} mm from the top edge, inside the {area} of {post.name}."
    )
    if shift is not None and not shift.identity:
        print(f"Calibrated for {shift.describe()}.")
    return 0
