"""``letterpress labels``: one address per label of a label sheet, in row order."""

from __future__ import annotations

import argparse

from .common import add_data_arguments, add_preview_arguments, add_printer_argument

HELP = "print one address per label of a label sheet"
DESCRIPTION: str | None = (
    "Print one address per label, in the order of the rows of DATA (.csv, .xlsx, .xls or "
    ".ods), starting at --start so a half-used sheet can be finished. Without --template, "
    "columns named like "
    "name, organization, street, postal_code, city, region, country fill the address; with "
    "--template, a letter file's [recipient] is filled per row as in 'letterpress batch'. "
    "Exit 0: every row printed; 1: some rows failed (the others are printed); 2: unusable "
    "input."
)
EXAMPLES = (
    "letterpress labels examples/labels.csv --sheet L7163 -o labels.pdf --from DE",
    "letterpress labels people.xlsx --sheet 5160 -o labels.pdf --start 5",
    "letterpress labels people.csv --template letter.toml --sheet 3474 -o labels.pdf",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The data, the sheet, where to write, and what fills the labels."""
    parser.add_argument(
        "data",
        help="the addresses: .csv (any common encoding and delimiter), .xlsx, .xls or .ods; "
        "- for standard input",
    )
    parser.add_argument(
        "--sheet",
        required=True,
        metavar="PRODUCT",
        help="the label sheet: L7159, L7160, L7161, L7162, L7163, L7165, L7173, "
        "5160, 5161, 5162, 5163, 5164, 3474, 3475, 4464, 4620, 4625",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="LABELS.pdf",
        help="the PDF to write (or LABELS.png for a preview only)",
    )
    parser.add_argument(
        "--template",
        metavar="FILE",
        help="a letter file whose [recipient] is filled per row ({{ row.COLUMN }})",
    )
    parser.add_argument(
        "--start",
        type=int,
        default=1,
        metavar="N",
        help="the first label to use on the first sheet (default 1; counted "
        "left to right, then top to bottom)",
    )
    parser.add_argument(
        "--from",
        dest="home",
        metavar="CC",
        help="the country the labels are posted in (default: the template's "
        "sender, your stored profile, else where most rows go)",
    )
    parser.add_argument(
        "--language",
        metavar="TAG",
        help="language of country names on foreign addresses (default: the template's, else en)",
    )
    add_data_arguments(parser, worksheet=False)  # --sheet names the label sheet here
    parser.add_argument(
        "--worksheet", metavar="NAME", help="worksheet of a workbook (default: first)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="write nothing if any row fails or any warning is found",
    )
    add_printer_argument(parser)
    add_preview_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Plan every label, report the rows that failed, write the sheets."""
    import sys
    from pathlib import Path

    from ..batch.rowlist import all_rows
    from ..errors import UserError, Where
    from ..labels import make_labels
    from ..mailpiece.sheet import draw_sheets
    from .common import document_name, printer_shift, report, wants_png, write_document, wrote

    out = document_name(Path(args.output))
    wants_png(args, out)
    if str(out) != "-" and args.data != "-" and out.resolve() == Path(args.data).resolve():
        raise UserError(
            "the output would overwrite the input",
            where=Where(file=str(out)),
            hint="choose another -o path",
        )
    shift = printer_shift(args)
    labels = make_labels(
        args.data,
        args.sheet,
        template=args.template,
        start=args.start,
        home=args.home,
        language=args.language,
        shift=shift,
        delimiter=args.delimiter,
        encoding=args.encoding,
        worksheet=args.worksheet,
    )
    report(labels.notices, strict=args.strict)
    for _, line in labels.failed:
        print(f"letterpress: error: {line}", file=sys.stderr)
    if labels.plan is None:
        print(
            f"letterpress: error: {labels.origin}: no label made: {all_rows(labels.rows)} "
            "failed; nothing was written; fix the problems above and run again",
            file=sys.stderr,
        )
        return 2
    if args.strict and labels.failed:
        failed = len(labels.failed)
        print(
            f"letterpress: error: {labels.origin}: --strict: {failed} of {labels.rows} rows "
            f"failed; nothing was written; fix the {'row' if failed == 1 else 'rows'} above, "
            "or leave out --strict to print the others",
            file=sys.stderr,
        )
        return 2
    written = write_document(out, draw_sheets(labels.plan), args)
    sheets = len(labels.plan.pages)
    sheet = labels.sheet
    first_row, first = labels.placed[0]
    made = len(labels.placed)
    print(
        f"Wrote {wrote(written)}: {made} label{'s' if made != 1 else ''} on {sheets} "
        f"{sheet.maker} {sheet.name} sheet{'s' if sheets != 1 else ''} "
        f"(from label {first.position + 1}); {len(labels.failed)} "
        f"row{'s' if len(labels.failed) != 1 else ''} failed."
    )
    if shift is not None and not shift.identity:
        print(f"Calibrated for {shift.describe()}.")
    return 1 if labels.failed else 0
