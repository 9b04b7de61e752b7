"""Sub-commands ``advise``, ``check`` and ``init``, and ``warn_or_stop`` for letter and call."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..letter.model import parse_moment


def _now(text: str | None) -> datetime:
    if text is None:
        return datetime.now().replace(second=0, microsecond=0)
    return parse_moment(text, "--now")[0]


def _finding_line(origin: str, finding: Any) -> str:
    return (f"{origin}: {finding.where()}: {finding.kind}: \"{finding.phrase}\"; "
            f"suggestion: {finding.alternative}")


def warn_or_stop(letter_source: Any, *, strict: bool) -> list[Any]:
    """Run the check; print findings as warnings on stderr, or stop with exit 2 under --strict.

    Call it before anything is written. Returns the findings (empty when clean).
    """
    from ..check import check_source
    from ..source import load_source

    src = load_source(letter_source)
    findings = check_source(src)
    if not findings:
        return findings
    if strict:
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        raise UserError(f"{first.kind} \"{first.phrase}\" in {first.where()}{more}",
                        where=src.origin,
                        hint=f"see letterpress check {src.origin}, or leave out --strict")
    for finding in findings:
        print(f"letterpress: warning: {_finding_line(src.origin, finding)}", file=sys.stderr)
    return findings


def run_check(args: argparse.Namespace) -> int:
    from ..check import check_source

    findings = check_source(args.file)
    if args.json:
        print(json.dumps({"file": args.file, "findings": [f.as_json() for f in findings]},
                         ensure_ascii=False, indent=2))
    elif findings:
        for finding in findings:
            print(_finding_line(args.file, finding))
        count = "1 finding" if len(findings) == 1 else f"{len(findings)} findings"
        print(f"{count}: replace or rephrase, then check again.", file=sys.stderr)
    else:
        print(f"{args.file}: no findings.")
    return 1 if findings else 0


def run_advise(args: argparse.Namespace) -> int:
    from ..advice import advise_file, load_followup
    from ..advice.artefacts import write_artefacts
    from ..advice.report import as_json, as_text

    follow = load_followup(args.file)
    now = _now(args.now)
    warn_or_stop(follow.source, strict=args.strict)
    advice = advise_file(follow, now)
    written = write_artefacts(follow, advice, Path(args.write)) if args.write else []
    if args.json:
        data = as_json(advice)
        if args.write:
            data["written"] = [str(p) for p in written]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(as_text(advice, follow.letter.language))
        for path in written:
            print(f"Wrote {path}.")
    return 0


def run_init(args: argparse.Namespace) -> int:
    from ..starters import starter_text

    out = Path(args.output or f"{args.kind}.toml")
    text = starter_text(args.kind, args.language)
    try:
        with open(out, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UserError("already exists; not overwritten", where=str(out),
                        hint="choose another -o path or remove the file") from None
    except FileNotFoundError:
        raise UserError(f"output folder {str(out.parent)!r} does not exist", where=str(out),
                        hint="create it or choose another -o path") from None
    except OSError as exc:
        raise UserError(f"cannot write file ({exc.strerror})", where=str(out)) from None
    follow = {"thank-you": f"letterpress letter {out}", "call": f"letterpress call {out}",
              "follow-up": f"letterpress advise {out}"}[args.kind]
    print(f"Wrote {out}. Replace the [bracketed prompts], run 'letterpress check {out}' until "
          f"it is clean, then '{follow}'.")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    from ..starters import KINDS, languages

    p = sub.add_parser("advise", help="recommend email, letter or call after an interview",
                       description="Recommend how to follow up after a job interview (email, "
                                   "letter, call), why, and what to do today, from a letter "
                                   "file with an [interview] table.")
    p.add_argument("file", help="the follow-up file (a letter file with [interview])")
    p.add_argument("--now", metavar="YYYY-MM-DDTHH:MM",
                   help="the current time, for reproducible advice (default: the clock)")
    p.add_argument("--json", action="store_true", help="print the advice as JSON")
    p.add_argument("--write", metavar="DIR",
                   help="write the recommended letter PDF, call sheet PDF and .eml draft")
    p.add_argument("--strict", action="store_true",
                   help="stop (exit 2) when the tone check finds anything, before writing")
    p.set_defaults(func=run_advise)

    c = sub.add_parser("check", help="check tone and leftovers (exit 1 when something is found)",
                       description="Flag over-eager phrasing, pay talk in a thank-you, leftover "
                                   "placeholders and text copied from the bundled examples. "
                                   "Exit 0 clean, 1 findings, 2 unusable input.")
    c.add_argument("file", help="the letter file (TOML or JSON)")
    c.add_argument("--json", action="store_true", help="print the findings as JSON")
    c.set_defaults(func=run_check)

    i = sub.add_parser("init", help="write a commented starter file to edit",
                       description="Write an editable starter file with placeholders that "
                                   "'letterpress check' flags until you replace them.")
    i.add_argument("kind", nargs="?", default="thank-you", choices=KINDS,
                   help="thank-you (default), follow-up (for advise) or call")
    i.add_argument("--language", default="en", choices=languages(), help="en (default), de or fr")
    i.add_argument("-o", "--output", help="the file to write (default: KIND.toml); never "
                                          "overwritten")
    i.set_defaults(func=run_init)


__all__ = ["add_commands", "warn_or_stop"]
