"""How the contact is spoken to: honorific and surname ("Herr Brandt", "Mr Whitfield"), as the
call's opening and closing say it, instead of the full name."""

from __future__ import annotations

import re
from typing import Any


def _words(text: str) -> list[str]:
    """The words of a name or salutation, commas dropped."""
    return text.replace(",", " ").split()


def _surname(words: list[str], particles: frozenset[str]) -> list[str]:
    """The surname of a name without its titles: the last word, with the particles before it
    (``van der Berg``, ``de la Tour``)."""
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in particles:
        start -= 1
    return words[start:]


def spoken_form(contact: str, address: dict[str, Any], opening: str | None = None) -> str:
    """The contact as addressed in speech: the honorifics written before the name (as the
    language says them) and the surname; else the form a letter's ``opening`` uses for this
    surname ("Dear Ms Lee,"); else the name as written."""
    honorifics: dict[str, str] = address["honorifics"]
    particles = frozenset(address.get("particles", ()))
    words = _words(contact)
    titles = []
    while words and words[0] in honorifics:
        titles.append(honorifics[words.pop(0)])
    if titles and words:
        return " ".join(titles + _surname(words, particles))
    if not words or not opening:
        return contact
    surname = " ".join(_surname(words, particles))
    said = _words(opening)
    for index in range(len(said)):
        run: list[str] = []
        while index + len(run) < len(said) and said[index + len(run)] in honorifics:
            run.append(honorifics[said[index + len(run)]])
        rest = " ".join(said[index + len(run) :])
        if run and re.match(rf"{re.escape(surname)}\b", rest):
            return " ".join(run + [surname])
    return contact
