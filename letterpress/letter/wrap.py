"""Breaking text into lines at its natural boundaries (words, or the parts of a contact line),
greedily, each line as long as a measure allows."""

from __future__ import annotations

from collections.abc import Callable

_KEEP = "\x00"  # stands for a space inside a phrase that must not break


def wrap(parts: list[str], joiner: str, fits: Callable[[str], bool]) -> list[str] | None:
    """``parts`` joined by ``joiner`` into as few lines as greedy filling gives, each line one
    that ``fits``; None when a single part does not fit alone."""
    lines: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current}{joiner}{part}" if current else part
        if fits(candidate):
            current = candidate
            continue
        if not current or not fits(part):
            return None
        lines.append(current)
        current = part
    if current:
        lines.append(current)
    return lines


def wrap_words(
    text: str, fits: Callable[[str], bool], keep: tuple[str, ...] = ()
) -> list[str] | None:
    """``text`` broken at its spaces into lines that ``fits``, never inside a phrase of
    ``keep`` (a date, say); None when a word is too long."""
    for phrase in keep:
        text = text.replace(phrase, phrase.replace(" ", _KEEP))
    words = [word.replace(_KEEP, " ") for word in text.split(" ") if word]
    return wrap(words, " ", fits)
