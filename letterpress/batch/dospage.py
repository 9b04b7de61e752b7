"""Telling Excel for Windows' "CSV (MS-DOS)" from its "CSV (Windows)": the first is in the
computer's DOS code page (cp850 in Western Europe, cp437 in the US), the second in cp1252.
Both are one byte a character and any byte decodes, so the letters decide: each reading is
scored by whether its characters beyond ASCII are letters where names and addresses have
letters (``Müller``, ``Straße``), or stray signs inside words (``M³ller``, ``Stra▀e`` read the
other way). ASCII text is the same in all three.

Some bytes are letters both ways: a DOS capital is a Windows small letter (``Überlingen`` is
``šberlingen``, ``Óscar`` is ``àscar``). There the word decides: a small letter that starts
no word in a Western language (à, è, ã, š ...) or an apostrophe where no language elides
(``S’BY`` for ``SÆBY``) does not count for its reading. What still reads as well both ways
is read in the earlier candidate, and :func:`readings` names the other."""

from __future__ import annotations

import re
import unicodedata

# Candidates in order of preference: a tie keeps the earlier one.
CANDIDATES = ("cp1252", "cp850", "cp437")
_UPPER = re.compile(rb"[\x80-\xff]")
_SAMPLE = 256  # bytes beyond ASCII looked at: enough to decide, quick on a big file
_AROUND = 120  # bytes read on either side of one: its word, and its quotes on the line
_VOWELS = frozenset("aeiouyäöüAEIOUYÄÖÜ")
# Typography a cp1252 file holds besides letters, each fitting only in its own place.
_OPENING = frozenset("“„‚‘«‹")  # before a word, a closing quote later on the line
_CLOSING = frozenset("”“’‘»›")  # after a word, an opening quote earlier on the line
_APOSTROPHES = frozenset("’´")  # O’Neill
_MARKS = frozenset("™®©")  # after a word
_SIGNS = frozenset("–—…•·°§€£¢\u00a0")  # between words or numbers, not inside a word
# Small letters no word of a Western language starts with (each is a DOS capital read in
# cp1252: Ó, Ò, Þ, Ù, Ü, ...); Portuguese "às" and "àquele" are the exception.
_NEVER_FIRST = frozenset("àãèëìòõùçšžÿ")
_CONTRACTED = ("àquel", "àquil")
# Where an apostrophe stands between letters: after O' and D' (O’Neill, D’Arcy), after the
# elided words of French and Italian before a vowel or h (l’Abbé, dell’Orto), before the
# endings of English (Peter’s, don’t).
_IRISH = frozenset(("o", "d"))
_ELIDED = frozenset("l d j n s c m t qu dell nell all dall sull quest un".split())
_ENDINGS = frozenset("s t d m ll re ve".split())


def code_page(raw: bytes) -> str:
    """The one-byte code page ``raw`` (no UTF-8, no BOM) reads best in."""
    return readings(raw)[0]


def readings(raw: bytes) -> tuple[str, str]:
    """The one-byte code page ``raw`` reads best in, and another it reads as well in, giving
    other letters (``""`` when none does)."""
    found = [m.start() for _, m in zip(range(_SAMPLE), _UPPER.finditer(raw), strict=False)]
    if not found:
        return CANDIDATES[0], ""
    scores = [sum(_fits_at(raw, at, name) for at in found) for name in CANDIDATES]
    best = scores.index(max(scores))
    text = raw.decode(CANDIDATES[best], errors="replace")
    for name, score in zip(CANDIDATES, scores, strict=True):
        if score == scores[best] and name != CANDIDATES[best]:
            if raw.decode(name, errors="replace") != text:
                return CANDIDATES[best], name
    return CANDIDATES[best], ""


def _fits_at(raw: bytes, at: int, name: str) -> int:
    """How the byte at ``at`` fits, read in ``name`` with its line around it (an undefined
    byte is U+FFFD: one character a byte)."""
    start = max(0, at - _AROUND)
    return _fits(raw[start : at + _AROUND].decode(name, errors="replace"), at - start)


def _fits(text: str, at: int) -> int:
    """+1 a character that fits where it stands, 0 one that may, -1 one that does not."""
    char = text[at]
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if char in _OPENING | _CLOSING | _APOSTROPHES | _MARKS | _SIGNS:
        return _sign_fits(text, at)
    if not (char.isalpha() and unicodedata.name(char, "").startswith("LATIN")) or char == "ƒ":
        return -1
    if char == "ß":  # German: after a vowel (Straße, Weiß), never at a word's start
        return 1 if before in _VOWELS else -1
    if char == "á" and before in _VOWELS:  # rare in names (Fernández, Sánchez: a consonant)
        return 0
    start, word = _word(text, at)
    if len(word) == 1:  # a letter alone: French "à", or a sign read as a letter
        return 1 if char == "à" else 0
    rest = word[: at - start] + word[at - start + 1 :]
    if at == start and char in _NEVER_FIRST:
        lower = word.lower()
        return 1 if lower == "às" or lower.startswith(_CONTRACTED) else 0
    if char in "Ææ" and after.lower() in "aouiåæø":  # Danish and Norwegian: never before a
        return 0  # vowel (D’ARCY read in cp850 is DÆARCY)
    if char.isupper():  # a capital starts its word, or the word is in capitals
        return 1 if at == start or rest.isupper() else -1
    return -1 if after.isupper() or rest.isupper() else 1


def _sign_fits(text: str, at: int) -> int:
    """+1 a quote, mark or sign in its place (“ok”, O’Neill, 5 €), -1 elsewhere."""
    char = text[at]
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    earlier, later = text[line_start:at], text[at + 1 : line_end if line_end >= 0 else None]
    if char in _APOSTROPHES and before.isalpha() and after.isalpha():
        return _apostrophe_fits(text, at)
    if char in _OPENING and not before.isalpha() and after.isalnum():
        if any(close in later for close in _CLOSING):
            return 1
    if char in _CLOSING and not after.isalpha() and (before.isalnum() or before in ".!?"):
        if any(open_ in earlier for open_ in _OPENING):
            return 1
    if char in _MARKS:
        return 1 if before.isalpha() and not after.isalpha() else -1
    if char in _SIGNS:
        return -1 if before.isalpha() or after.isalpha() else 1
    return -1


def _apostrophe_fits(text: str, at: int) -> int:
    """+1 an apostrophe between letters where a language puts one (O’Neill, l’Abbé, Peter’s),
    0 elsewhere (``S’BY``: cp850's Æ of SÆBY)."""
    _, head = _word(text, at - 1)
    _, tail = _word(text, at + 1)
    head, tail = head.lower(), tail.lower()
    if head in _IRISH or tail in _ENDINGS:
        return 1
    return 1 if head in _ELIDED and tail[:1] in "aeiouyhàâéèêëîïôöûüœæ" else 0


def _word(text: str, at: int) -> tuple[int, str]:
    """Where the run of letters holding position ``at`` starts, and the run."""
    start = at
    while start and text[start - 1].isalpha():
        start -= 1
    end = at + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, text[start:end]
