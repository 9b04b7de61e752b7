"""``letterpress check``: tone and leftovers, and what letter would warn about or refuse, one
finding a line (exit 1 when any); with a data file, on each row's filled-in mail-merge letter
and the rows batch would fail."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from .common import add_data_arguments, add_lang_argument

if TYPE_CHECKING:
    from ..batch.tone import ToneRun
    from ..check import Finding
    from ..check.printing import Printing
    from ..source import Source

HELP = "check tone, leftovers and what letter would say (exit 1 when something is found)"
DESCRIPTION: str | None = (
    "Flag over-eager phrasing, pay talk in a thank-you, leftover "
    "placeholders, text copied from the bundled examples, numbers written "
    "where text belongs, and what letter (call, advise) would warn about "
    "or refuse. With DATA, check the letter of each row of a mail merge "
    "and the rows batch would fail. Exit 0 clean, 1 findings, 2 unusable input."
)
EXAMPLES = (
    "letterpress check thank-you.toml",
    "letterpress check letter.toml people.csv    # each row of a mail merge",
    "letterpress check danke.toml --lang en      # the findings in English",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The letter file, the optional mail-merge data and --json."""
    parser.add_argument(
        "file",
        help="the letter file (TOML or JSON), or a mail-merge template; - for standard input",
    )
    parser.add_argument(
        "data",
        nargs="?",
        help="mail-merge data (.csv, .xlsx, .xls, .ods): check each row's filled-in letter",
    )
    parser.add_argument("--rows", metavar="LIST", help="with DATA: only these rows, e.g. 2-5,12")
    add_data_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Print the findings (or that there are none); exit 1 when there are any."""
    from ..check import check_source
    from ..check.findings import REPHRASED
    from ..check.printing import one_line
    from ..check.wording import finding_text, summary_text
    from ..errors import UserError, Where
    from ..source import load_source

    if args.data is not None:
        from .common import one_standard_input

        one_standard_input(args.file, args.data)
        return _run_rows(args)
    for option in ("rows", "delimiter", "encoding", "sheet"):
        if getattr(args, option) is not None:
            raise UserError(
                "applies to a mail-merge check only",
                where=Where(option=f"--{option}"),
                hint="give the data file after the template",
            )
    source = load_source(args.file)
    if not source.data:  # nothing to check is no clean letter
        raise UserError(
            "the file is empty",
            where=Where(file=source.origin),
            hint="write the letter in it (letterpress init thank-you writes a starter)",
        )
    findings = check_source(source, args.lang)
    template = any(f.kind == "placeholder" and "row." in f.phrase for f in findings)
    said = _printing(source, findings, template)
    findings, said = one_line(findings, said)  # date = 5: letter's line, not "quote it"
    count = len(findings) + len(said.warnings)
    words = _words(args.lang or source.data.get("language"))
    if args.json:
        print(
            json.dumps(
                {
                    "file": args.file,
                    "findings": [f.as_json() for f in findings + said.findings()],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for finding in findings:
            print(finding_text(source.origin, finding, words))
        for notice in said.warnings:  # in letter's words, as it warns
            print(notice.line())
        if count:
            # "replace or rephrase" fits wording only: a number, letter's warning or refusal
            # is fixed as its own line says
            rephrase = said.refused is None and not said.warnings
            rephrase = rephrase and all(f.kind in REPHRASED for f in findings)
            print(summary_text(source.origin, count, words, rephrase=rephrase), file=sys.stderr)
        elif said.refused is None:
            print(summary_text(source.origin, 0, words))
        if template:
            print(
                f"{args.file} is a mail-merge template: give the data file too "
                f"(letterpress check {args.file} DATA) to check each row's letter.",
                file=sys.stderr,
            )
    if said.refused is not None:  # what letter would refuse: not clean
        print(f"letterpress: error: {said.refused.line()}", file=sys.stderr)
    return 1 if count or said.refused is not None else 0


def _printing(source: Source, findings: list[Finding], template: bool) -> Printing:
    """What `letterpress letter` (or, for a call file, `letterpress call`) would refuse the
    file with or warn about, except in fields that still hold a placeholder (their finding
    says to fill them in first); nothing for a mail-merge template."""
    from datetime import datetime

    from ..check.printing import Printing, printing

    if template:
        return Printing()
    return printing(source, datetime.now()).without(
        f.field for f in findings if f.kind == "placeholder"
    )


def _words(tag: object) -> dict[str, Any]:
    """What the check says, in the language of ``tag`` (``--lang``, else the letter's)."""
    from ..check.wording import check_wording, language_code

    return check_wording(language_code(tag if isinstance(tag, str) else None))


def _run_rows(args: argparse.Namespace) -> int:
    """``check TEMPLATE DATA``: each row's letter; identical findings of many rows (the
    template's own wording) as one line naming the rows."""
    from ..batch.tone import check_rows

    template: str | Source = args.file
    if args.file == "-":  # standard input is read once: for its language and for the rows
        from ..source import load_source

        template = load_source("-")
    # the lines follow the template's language (--lang), the suggestions too
    tag = args.lang or _template_language(template)
    result = check_rows(
        template,
        args.data,
        rows=args.rows,
        delimiter=args.delimiter,
        sheet=args.sheet,
        encoding=args.encoding,
        language=tag if isinstance(tag, str) and "{" not in tag else None,
    )
    if args.json:
        print(json.dumps(_as_json(args.file, result), ensure_ascii=False, indent=2))
    else:
        _print_rows(result, _words(tag), _code(tag))
    return 1 if any(r.findings or r.error for r in result.rows) or _warnings(result) else 0


def _code(tag: object) -> str:
    """The language code the check's words are in (plurals are counted in it)."""
    from importlib import resources

    from ..check.wording import language_code

    code = language_code(tag if isinstance(tag, str) else None)
    folder = resources.files("letterpress.check") / "wording"
    return code if (folder / f"{code}.toml").is_file() else "en"


def _template_language(template: str | Source) -> object:
    """The template's own ``language`` (a row's may differ; the lines follow the template)."""
    from ..source import load_source

    return load_source(template).data.get("language")


def _print_rows(result: ToneRun, words: dict[str, Any], code: str) -> None:
    from ..batch.rowlist import rows_text
    from ..batch.wording import count
    from ..check.findings import REPHRASED
    from ..check.wording import finding_text, where_text

    def counted(one: str, number: int) -> str:
        return count(words, f"{one}_one", f"{one}_many", number, code, table="lines")

    groups: dict[Finding, list[int]] = {}
    errors = [row.error for row in result.rows if row.error is not None]
    for row in result.rows:
        for finding in row.findings:
            groups.setdefault(finding, []).append(row.row)
    # one cell filled into several places (a company "TODO" in the address and twice in the
    # body) is one line naming them: the same finding in the same rows
    places: dict[tuple[str, str, str, tuple[int, ...]], list[Finding]] = {}
    for finding, numbers in groups.items():
        same = (finding.kind, finding.phrase, finding.alternative, tuple(numbers))
        places.setdefault(same, []).append(finding)
    for (*_, rows_of), found_at in places.items():  # where, as every message says: in English
        shared = f" ({len(rows_of)} rows)" if len(rows_of) > 1 else ""
        where = "; ".join(where_text(f, words) for f in found_at)
        origin = f"{result.origin}, {rows_text(rows_of)}{shared}"
        print(finding_text(origin, found_at[0], words, where))
    for line in result.said:  # every problem line batch --check says, in its words
        print(line, file=sys.stderr)
    found = sum(len(numbers) for numbers in groups.values())
    checked = len(result.rows)
    warned = _warnings(result)
    lines = words["lines"]
    rows = {"rows": counted("row", checked), "checked": counted("checked", checked)}
    if not groups and not errors and not warned:
        print(lines["rows_clean"].format(origin=result.origin, **rows))
        return
    counts = [counted("unfilled", len(errors))] if errors else []
    counts += [counted("warned", warned)] if warned else []
    counts += [counted("finding", found)] if found else []
    todo = [lines["todo_errors"]] if errors else []
    todo += [lines["todo_warnings"]] if warned else []
    if groups:  # wording is replaced or rephrased; a number is fixed as its line says
        key = "todo_findings" if all(f.kind in REPHRASED for f in groups) else "todo_findings_fix"
        todo.append(lines[key if todo else f"{key}_alone"])
    print(
        lines["rows_summary"].format(counts=", ".join(counts), todo=", ".join(todo), **rows),
        file=sys.stderr,
    )


def _warnings(result: ToneRun) -> int:
    """How many warning lines batch --check says (a row's, or once a template's)."""
    return sum(1 for line in result.said if line.startswith("letterpress: warning: "))


def _as_json(template: str, result: ToneRun) -> dict[str, object]:
    return {
        "file": template,
        "data": result.origin,
        "rows": [
            {
                "row": r.row,
                "findings": [f.as_json() for f in r.findings],
                "error": None if r.error is None else r.error.message(),
                "warnings": [w.message() for w in r.warnings],
            }
            for r in result.rows
        ],
    }
