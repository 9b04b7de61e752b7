"""``letterpress batch``: a letter (and/or call sheet) per row of a CSV or Excel file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import add_data_arguments, add_lang_argument, add_now_argument, add_printer_argument

HELP = "mail merge: a letter per row of a CSV or Excel file"
DESCRIPTION: str | None = (
    "Mail merge: render TEMPLATE (a letter file whose texts are Jinja2 "
    "templates over `row`) once per row of DATA (.csv, .xlsx, .xls or "
    ".ods). Bad rows are reported and skipped. Exit 0: all rows made; "
    "1: some rows failed (the others are written); 2: unusable input "
    "(or no row could be made)."
)
EXAMPLES = (
    "letterpress batch examples/batch/workshop.toml examples/batch/workshop.csv -o workshop.pdf",
    'letterpress batch letter.toml people.xlsx --out-dir letters/ --name "{{ row.last_name }}"',
    "letterpress batch letter.toml people.csv --check      # only report the problems",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Template and data, where to write, what to make, and how the data is read."""
    parser.add_argument(
        "template", help="the letter file (TOML or JSON) with {{ row.COLUMN }} fields"
    )
    parser.add_argument(
        "data",
        help="the data: .csv (any common encoding/delimiter), .xlsx, .xls or .ods; "
        "- for standard input",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument(
        "-o",
        "--output",
        metavar="MERGED.pdf",
        help="one PDF with every letter, in row order (one print job)",
    )
    out.add_argument("--out-dir", metavar="DIR", help="one PDF per row in DIR")
    parser.add_argument(
        "--name",
        metavar="PATTERN",
        help="file name pattern for --out-dir, e.g. "
        "'{{ row.last_name }}-{{ n }}' "
        "(default 'row-{{ n }}'; n is the row number)",
    )
    parser.add_argument(
        "--kind",
        choices=("letter", "call", "both", "envelope"),
        default="letter",
        help="what to make per row (default: letter); envelope: the row's plain envelope",
    )
    parser.add_argument(
        "--envelope",
        metavar="NAME",
        help="the window envelope letters are fitted to (see 'letterpress "
        "layouts'; default: the template's, else the layout's first); with --kind "
        "envelope, the envelope's size (DL, C6, C5, C4, #10...; default: the post's usual)",
    )
    parser.add_argument(
        "--rows",
        metavar="LIST",
        help="only these rows, numbered as in the spreadsheet (the header is row 1), e.g. 2-5,12",
    )
    parser.add_argument(
        "--preview",
        metavar="DIR",
        help="write page 1 of each document as DIR/row-N.png (alone: only the PNGs, no PDF)",
    )
    parser.add_argument(
        "--check", action="store_true", help="only check every row and report; write nothing"
    )
    parser.add_argument(
        "--strict", action="store_true", help="write nothing if any row has a problem"
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="keep outputs of an earlier run that match the manifest",
    )
    parser.add_argument(
        "--duplex",
        action="store_true",
        help="blank backs so no letter shares a sheet with the next (-o only)",
    )
    parser.add_argument(
        "--pdfa", action="store_true", help="write the merged PDF as PDF/A-2b (-o only)"
    )
    parser.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes (default: all cores)"
    )
    add_data_arguments(parser)
    parser.add_argument(
        "--manifest",
        metavar="PATH",
        help="manifest file, .csv or .json (default: beside the output)",
    )
    add_lang_argument(parser)
    add_printer_argument(parser)
    add_now_argument(
        parser, "for call sheets: the day call_on defaults to and whether it has passed"
    )


def run(args: argparse.Namespace) -> int:
    """Run the merge (or only check it), then report what was written and what failed."""
    from ..batch import Options, run_batch
    from ..batch.wording import count as counted
    from .common import now_option, one_standard_input, pdf_file_name, printer_shift

    one_standard_input(args.template, args.data)
    if args.output is not None:
        pdf_file_name(Path(args.output))
    shift = printer_shift(args) if args.kind != "call" else None  # call sheets are not posted
    opts = Options(
        template=Path(args.template),
        data=Path(args.data),
        output=Path(args.output) if args.output else None,
        out_dir=Path(args.out_dir) if args.out_dir else None,
        name=args.name,
        kind=args.kind,
        check=args.check,
        strict=args.strict,
        resume=args.resume,
        duplex=args.duplex,
        pdfa=args.pdfa,
        jobs=args.jobs,
        delimiter=args.delimiter,
        sheet=args.sheet,
        encoding=args.encoding,
        manifest=Path(args.manifest) if args.manifest else None,
        envelope=args.envelope,
        rows=args.rows,
        preview=Path(args.preview) if args.preview else None,
        shift=shift,
        call_now=now_option(args.now).date() if args.now else None,
    )
    try:
        summary = run_batch(opts)
    except KeyboardInterrupt:
        print(
            "letterpress: interrupted; what was finished is kept: run the same command with "
            "--resume to continue",
            file=sys.stderr,
        )
        return 130
    words, code = _words(args)
    say = words["summary"]
    errors = {f.row for f in summary.findings if f.severity == "error"}
    warnings = sum(1 for f in summary.findings if f.severity == "warning")
    if opts.check:
        print(
            say["checked"].format(
                rows=counted(words, "checked_row", "checked_rows", summary.rows, code),
                ready=counted(words, "ready_one", "ready_many", summary.rows - len(errors), code),
                bad=len(errors),
                warnings=counted(words, "warning", "warnings", warnings, code) if warnings else "",
            )
        )
        return summary.exit_code
    if opts.strict and summary.exit_code:
        return summary.exit_code
    if opts.preview is not None:
        count = len(summary.previews)
        print(
            say["previews"].format(
                where=f"{opts.preview}/",
                images=counted(words, "image", "images", count, code),
                names=", ".join(p.name for p in summary.previews[:5])
                + (", ..." if count > 5 else ""),
            )
        )
        if opts.output is None and opts.out_dir is None:
            return summary.exit_code
    where = str(opts.output) if opts.output else f"{opts.out_dir}/"
    kept = 0 if summary.current else summary.resumed
    print(
        say["current" if summary.current else "wrote"].format(
            where=where,
            documents=counted(words, "document", "documents", summary.made, code),
            rows=counted(words, "row", "rows", summary.rows, code),
            pages=counted(words, "page", "pages", summary.pages, code),
            kept=counted(words, "kept_one", "kept_many", kept, code) if kept else "",
            failed=counted(words, "failed_one", "failed_many", summary.failed, code),
        )
    )
    print(say["manifest"].format(path=summary.manifest))
    if shift is not None and not shift.identity:
        print(f"Calibrated for {shift.describe()}.")
    return summary.exit_code


def _words(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """The summary's words and their language: --lang, else the template's language."""
    from ..batch.wording import batch_wording, language_code
    from ..source import load_source

    template = {} if args.template == "-" else load_source(args.template).data  # read once
    tag = args.lang or template.get("language")
    code = language_code(tag)
    return batch_wording(code), code
