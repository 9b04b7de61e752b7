"""The tone and leftovers detectors: each takes one text and returns its findings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .fields import Text
from .findings import Finding, shorten
from .lists import Lists

_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:[-'’][^\W\d_]+)*(?!\w)")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_MARKS = re.compile(r"[!?]{2,}")


def placeholders(item: Text, lists: Lists, says: dict[str, str]) -> list[Finding]:
    """Square-bracket prompts, unrendered templates, TODO, XXX, Lorem ipsum, sample names."""
    found: dict[int, Finding] = {}
    for pattern in lists.placeholders:
        for match in pattern.finditer(item.text):
            if match.start() not in found:
                found[match.start()] = Finding(
                    "placeholder",
                    item.field,
                    shorten(match.group()),
                    says["placeholder"],
                    item.line_of(match.start()),
                )
    return [found[key] for key in sorted(found)]


def number(item: Text, says: dict[str, str]) -> Finding:
    """A number where text belongs (``phone = 4930123456``, ``body = 5``): printed as its
    digits, but a number keeps no leading 0 or +, no spaces, no trailing zeros."""
    return Finding("number", item.field, item.text, says["number"].format(value=item.text))


def phrases(item: Text, lists: Lists, *, thank_you: bool, language: str = "en") -> list[Finding]:
    """Over-eager phrasing everywhere in prose; pay talk only in a thank-you's wording.

    A call sheet's prepared answers (``call.*``) may mention pay: the contact may ask.
    Every language's lists apply; where two match the same words (an amount in euros), the
    letter's own language speaks, once. Linear in the text: plain phrases are tried only
    at the words they start with, and overlaps are settled on a map of taken characters.
    """
    allowed = [
        not (group.kind == "pay" and (not thank_you or item.field.startswith("call.")))
        for group in lists.groups
    ]
    found = _phrase_matches(item, lists, allowed)
    for order, group in enumerate(lists.groups):
        scan = group.scan(item.vocabulary) if allowed[order] else None
        if scan is not None:
            found += [(order, match) for match in scan.finditer(item.text)]
    # The letter's own language first, then list order, then place; a match that overlaps
    # one kept before it is dropped.
    found.sort(key=lambda f: (lists.groups[f[0]].language != language, f[0], f[1].start()))
    taken = bytearray(len(item.text))
    kept: list[tuple[int, re.Match[str]]] = []
    for order, match in found:
        start, end = match.span()
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((order, match))
    kept.sort(key=lambda k: (k[0], k[1].start()))  # as before: by list, then by place
    return [
        Finding(
            lists.groups[order].kind,
            item.field,
            " ".join(match.group().split()),
            lists.groups[order].alternative,
            item.line_of(match.start()),
        )
        for order, match in kept
    ]


def _phrase_matches(
    item: Text, lists: Lists, allowed: list[bool]
) -> list[tuple[int, re.Match[str]]]:
    """Matches of the plain phrases, one pass over the text's words: each group's matches in
    order and without overlaps, as one search through the text would find them."""
    found: list[tuple[int, re.Match[str]]] = []
    ends = [0] * len(lists.groups)  # where each group's last match ended
    tried: dict[tuple[int, str], re.Pattern[str] | None] = {}  # a word recurs: look up once
    for word, start in item.words:
        for order in lists.first_words.get(word, ()):
            if not allowed[order] or start < ends[order]:
                continue
            if (order, word) not in tried:
                tried[order, word] = lists.groups[order].at_word(word, item.vocabulary)
            pattern = tried[order, word]
            match = pattern.match(item.text, start) if pattern is not None else None
            if match is not None and match.end() > start:
                found.append((order, match))
                ends[order] = match.end()
    return found


def _shouted(word: str, lists: Lists, names: set[str]) -> bool:
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) < 2 or not letters.isupper() or word in names or _ROMAN.fullmatch(word):
        return False
    if word in lists.emphatic:
        return True
    return len(letters) >= 5 and word not in lists.acronyms


def capitals(item: Text, lists: Lists, names: set[str], says: dict[str, str]) -> list[Finding]:
    """ALL CAPS words: emphatic short words, long words, runs of three; not acronyms or names.

    Two to four capitals alone read as an acronym (HR, CV, SQL); "SAP SE" as a name.
    """
    out: list[Finding] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        capital = [m for m in run if m.group() not in names and m.group() not in lists.acronyms]
        if len(capital) >= 3 or any(_shouted(m.group(), lists, names) for m in run):
            start, end = run[0].start(), run[-1].end()
            out.append(
                Finding(
                    "eager", item.field, item.text[start:end], says["caps"], item.line_of(start)
                )
            )
        run.clear()

    previous_end = -1
    for match in _WORD.finditer(item.text):
        word = match.group()
        upper = len(word) >= 2 and word.replace("-", "").isupper()
        gap = item.text[previous_end : match.start()] if previous_end >= 0 else ""
        if run and (not upper or gap.strip(" ,")):
            close()
        if upper:
            run.append(match)
        previous_end = match.end()
    if run:
        close()
    return out


def exclamations(item: Text, lists: Lists, words: dict[str, Any]) -> list[Finding]:
    """Repeated marks ("!!", "?!") always; more single marks in one field than the list allows
    (said in the wording's language)."""
    says = words["alternatives"]["exclamation"]
    out = [
        Finding("eager", item.field, phrase, says, item.line_of(start))
        for start, phrase in _repeated_marks(item.text)
    ]
    singles = [m for m in re.finditer(r"(?<![!?])!(?![!?])", item.text)]
    if len(singles) > lists.max_exclamations:
        first = singles[lists.max_exclamations]
        start = max(item.text.rfind("\n", 0, first.start()), 0)
        sentence = item.text[start : first.end()].strip().split(". ")[-1]
        out.append(
            Finding(
                "eager",
                item.field,
                words["lines"]["exclamations"].format(
                    count=len(singles), sentence=shorten(sentence, 8)
                ),
                says,
                item.line_of(first.start()),
            )
        )
    return out


def _repeated_marks(text: str) -> list[tuple[int, str]]:
    """Runs of two or more of ! and ? holding a "!", as (offset, marks): the whole run (its
    first eight marks and "…" when longer), or its last two marks when its only "!" ends it
    ("??!" -> "?!")."""
    out = []
    for match in _MARKS.finditer(text):
        run = match.group()
        first = run.find("!")
        if first >= 0:
            start = 0 if first < len(run) - 1 else first - 1
            marks = run[start:]
            out.append((match.start() + start, marks if len(marks) <= 8 else marks[:8] + "…"))
    return out


def is_thank_you(items: Iterable[Text], lists: Lists, has_interview: bool) -> bool:
    """A thank-you: the file has an [interview] table, or its wording thanks the reader."""
    return has_interview or any(
        item.prose and not item.field.startswith("call.") and lists.thanks.search(item.text)
        for item in items
    )
