"""ReportLab's hyphenation of a line's last word, each word's split points measured once per run.

``_hyphenateWord`` (ReportLab's ``platypus.paragraph``) takes a word that does not fit the
line, asks the hyphenator where it may be split, measures each first part and keeps the longest
that fits. What it finds and measures depends on the word alone; only the test against the room
left depends on the line. A batch sets the same words at the ends of lines of letter after
letter, so :func:`hyphenate_word` keeps each word's measured split points (``Splits``) and makes
only that test: the same split as ReportLab's, in the same order, with the same arithmetic.
Bidirectional text is left to ReportLab.

A web or e-mail address is broken where a reader can type it back: after a slash, or before
``. ? # & @ - _`` (no hyphen added), on ReportLab's rule of when to break one (``_hyGenPair``:
when it is wider than the line, or when moving it whole would leave more than
``uriWasteReduce`` of the line empty). ReportLab breaks only an address with a scheme, only
after a slash, and only once: the rest, no longer an address to it, ran off the line. Here the
rest (``AddressEnd``) is broken again, as often as it takes. Another word with a slash (the
rest of an address, joined up again where a paragraph was split across pages) that is wider
than the line breaks at the same places, not at any character.

A paragraph of several fragments (bold or italic words, a link) is broken by ReportLab, which
asks a word with soft hyphens where it may break (``_SHYWord.shyphenate``): its addresses are
such words here (:func:`address_words`), answering with the same break points.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (
    _getFragWords,
    _HSFrag,
    _hy_letters_pat,
    _hy_pfx_pat,
    _hy_sfx_pat,
    _hy_shy_letters_pat,
    _hy_shy_pat,
    _hyphenateWord,
    _rebuildFragWord,
    _SHYWord,
    _SHYWordHS,
    _SplitFrag,
    _SplitFragH,
    _SplitFragHS,
    _splitWord,
    _SplitWordEnd,
    _SplitWordH,
    _SplitWordHY,
    _SplitWordLL,
    isBidiStr,
    uri_pat,
)

# Characters without which no fragment holds (part of) an address: most paragraphs have none.
_MAYBE_ADDRESS = re.compile(r"[/@]|www\.", re.I)

# Where an address breaks: after a slash (not between two), before a run of these characters.
_ADDRESS_BREAK = re.compile(r"(?<=/)(?=[^/])|(?<=[^/.?#&@_-])(?=[.?#&@_-])")


class AddressEnd(_SplitWordEnd):
    """The rest of a web or e-mail address broken at a line's end (broken again if need be)."""


class _Address(tuple[tuple[float, int], ...]):
    """An address's break points, longest first part first: (the first part's width, where
    the word is cut); it breaks by :func:`_break_address`."""


class _Run(_Address):
    """The same break points in a word with a slash that is no address to :func:`_is_address`
    (the rest of one, joined up again where its paragraph was split across pages): broken as
    an address only where it is wider than the line, which would else cut it anywhere."""


# A word's split points: (joiner, joiner's width, first part's width, first part, rest), in
# the order ReportLab tries them; ``None`` for a word ReportLab must look at itself.
Split = tuple[str, float, float, str, str]
Splits = dict[tuple[Any, ...], tuple[Split, ...] | _Address | None]

_LIMIT = 20_000  # words per run before the table starts again


def hyphenate_word(
    splits: Splits,
    hyphenator: Any,
    fontName: str,
    fontSize: float,
    w: str,
    ww: float,
    newWidth: float,
    maxWidth: float,
    uriWasteReduce: Any,
    embeddedHyphenation: Any,
    hymwl: int,
) -> list[Any] | None:
    """What ``_hyphenateWord`` returns for these arguments (the word split in two; an empty
    list for a word without width, None when no split fits), from the word's split points
    kept in ``splits``."""
    if ww == 0:
        return []
    key = (w, type(w), hyphenator, fontName, fontSize, uriWasteReduce, embeddedHyphenation, hymwl)
    if key in splits:
        found = splits[key]
    else:
        if len(splits) > _LIMIT:
            splits.clear()
        found = splits[key] = _measure(
            hyphenator, w, fontName, fontSize, embeddedHyphenation, hymwl
        )
    if found is None:
        return _hyphenateWord(
            hyphenator,
            fontName,
            fontSize,
            w,
            ww,
            newWidth,
            maxWidth,
            uriWasteReduce,
            embeddedHyphenation,
            hymwl,
        )
    w0 = newWidth - ww
    if isinstance(found, _Address):
        return _break_address(found, w, ww, w0, maxWidth, uriWasteReduce, fontName, fontSize)
    for jc, jclen, hw, h, t in found:
        if hw + w0 + jclen <= maxWidth:
            return [(_SplitWordHY if jc else _SplitWordH)(h + jc), _SplitWordEnd(t)]
    return None


def _break_address(
    found: _Address,
    w: str,
    ww: float,
    w0: float,
    maxWidth: float,
    uriWasteReduce: Any,
    fontName: str,
    fontSize: float,
) -> list[Any] | None:
    """The address ``w`` broken at its last break point that fits the line, when ReportLab
    would break it; else None (it goes whole to the next line). One wider than a line whose
    first part does not fit goes to the next line (an empty first part, as ReportLab's
    ``_splitWord`` makes it) and is broken there; a first part wider than a line is cut."""
    if type(found) is _Run:
        uriWasteReduce = 0
    if not (ww > maxWidth or (uriWasteReduce and w0 <= (1 - uriWasteReduce) * maxWidth)):
        return None
    for hw, cut in found:
        if hw + w0 <= maxWidth:
            return [_SplitWordH(w[:cut]), AddressEnd(w[cut:])]
    if ww <= maxWidth:
        return None
    if w0 > 0:
        return [_SplitWordH(""), AddressEnd(w)]
    head = _splitWord(str(w), 0, [maxWidth], 0, fontName, fontSize)[0]
    return [_SplitWordH(head), AddressEnd(w[len(head) :])] if head != w else None


def _is_address(s: str) -> bool:
    """Whether the word ``s`` is a web address as ReportLab knows one (with a scheme), or a
    host with a path or a mailbox (``example.org/jobs``, ``ana@example.org``), or ``www.``."""
    if "://" in s:
        return uri_pat.match(s) is not None
    if "/" in s or "@" in s or s[:4].lower() == "www.":
        return uri_pat.match("://" + s) is not None
    return False


def _address_splits(
    kind: type[_Address], s: str, at: list[int], pfx: str, fontName: str, fontSize: float
) -> _Address:
    """The break points ``at`` of ``s`` (after the prefix ``pfx``), measured part by part: a
    word of thousands of them is measured once, not once per break point."""
    found = []
    width, start = stringWidth(pfx, fontName, fontSize), 0
    for i in at:
        width += stringWidth(s[start:i], fontName, fontSize)
        found.append((width, len(pfx) + i))
        start = i
    return kind(reversed(found))


def _measure(
    hyphenator: Any, s: str, fontName: str, fontSize: float, embeddedHyphenation: Any, hymwl: int
) -> tuple[Split, ...] | _Address | None:
    """The split points ``_hyGenPair`` tries for the word ``s``, measured, in its order (an
    ``_Address``'s, longest first part first, for a web or e-mail address); None for
    bidirectional text."""
    if isBidiStr(s):
        return None
    rest = isinstance(s, AddressEnd)
    # as _hyGenPair: a prefix or suffix match slices the word (a plain str from then on)
    m = _hy_pfx_pat.match(s)
    pfx = ""
    if m:
        pfx = m.group(0)
        s = s[len(pfx) :]
    if isinstance(s, _SplitWordLL) and s[-1] == "-":
        sfx, s = "-", s[:-1]
    else:
        m = _hy_sfx_pat.search(s)
        sfx = ""
        if m:
            sfx = m.group(0)
            s = s[: -len(sfx)]
    if len(s) < hymwl:
        return ()
    address = rest or _is_address(s)
    if address or "/" in s:  # a word with a slash: never hyphenated by ReportLab
        at = [m.start() for m in _ADDRESS_BREAK.finditer(s)]
        if address or at:
            return _address_splits(_Address if address else _Run, s, at, pfx, fontName, fontSize)
    found: list[Split] = []
    H = _hy_shy_pat.split(s)
    if hyphenator and (_hy_letters_pat.match(s) or (_hy_shy_letters_pat.match(s) and "" not in H)):
        hylen = stringWidth("-", fontName, fontSize)
        for h, t in hyphenator(s):
            h = pfx + h
            jc, jclen = ("-", hylen) if not _hy_shy_pat.match(h[-1]) else ("", 0)
            found.append((jc, jclen, stringWidth(h, fontName, fontSize), h, t + sfx))
    n = len(H)
    if n >= 3 and embeddedHyphenation and "" not in H and _hy_shy_letters_pat.match(s):
        for i in reversed(range(2, n, 2)):
            h = pfx + "".join(H[:i])
            found.append(("", 0, stringWidth(h, fontName, fontSize), h, "".join(H[i:]) + sfx))
    return tuple(found)


class AddressWord(_SHYWord):
    """A web or e-mail address (or a word with a slash, see ``_Run``) in a paragraph of several
    fragments, as ReportLab's word of them (its width, then (fragment, text) pairs): broken
    by :func:`_break_address` where ReportLab asks a word with soft hyphens to break."""

    waste: Any  # the style's uriWasteReduce
    found: _Address

    def shyphenate(self, newWidth: float, maxWidth: float) -> list[Any]:
        """The word split in two at its last break point that fits the line (the rest an
        address again), or empty; its ``_fsww`` 0 when it is to be broken on the next line."""
        self._fsww = 0x7FFFFFFF
        ww, (f, _) = self[0], self[1]
        text = "".join(t for _, t in self[1:])
        hsw = _break_address(
            self.found, text, ww, newWidth - ww, maxWidth, self.waste, f.fontName, f.fontSize
        )
        if not hsw or not hsw[0]:
            self._fsww = 0 if hsw else self._fsww
            return []
        head: list[Any] = []
        rest: list[Any] = []
        cut = len(hsw[0])
        for g, t in self[1:]:
            if cut > 0:
                head.append((g, t[:cut]))
            if cut < len(t):
                rest.append((g, t[max(cut, 0) :]))
            cut -= len(t)
        end = _AddressEndHS if isinstance(self, _HSFrag) else _AddressEnd
        return [
            _SplitFragH(_rebuildFragWord(head)),
            _address(end, _rebuildFragWord(rest), True, self.waste),
        ]


class _AddressHS(AddressWord, _HSFrag):
    """An address followed by a space."""


class _AddressEnd(AddressWord, _SplitFrag):
    """The rest of an address broken at a line's end."""


class _AddressEndHS(AddressWord, _SplitFragHS):
    """The rest of an address broken at a line's end, followed by a space."""


def address_words(frags: list[Any], width: Any, style: Any) -> list[Any] | None:
    """The words ReportLab breaks a paragraph of several fragments (or of the words a split
    across pages left it) into, each address among them an :class:`AddressWord`; None when
    there is none (the paragraph is left to ReportLab as it is)."""
    if not frags or style.wordWrap or style.shaping:
        return None
    if not isinstance(frags[0], list) and not any(
        _MAYBE_ADDRESS.search(getattr(f, "text", "")) for f in frags
    ):
        return None
    words = _getFragWords(frags, width[0] if isinstance(width, (list, tuple)) else width)
    found = False
    for i, word in enumerate(words):
        if (
            type(word) in (list, _HSFrag, _SHYWord, _SHYWordHS)
            and word[0] > 0
            and all(
                type(t) is str and not hasattr(g, "cbDefn") and not getattr(g, "nobr", False)
                for g, t in word[1:]
            )
        ):
            kind = _AddressHS if isinstance(word, _HSFrag) else AddressWord
            address = _address(kind, word, False, style.uriWasteReduce)
            if address is not None:
                words[i] = address
                found = True
    return words if found else None


def _address(kind: type[AddressWord], word: list[Any], rest: bool, waste: Any) -> Any:
    """``word`` as a ``kind`` with its break points (measured fragment by fragment), or None
    for a word that is no address, nor has a slash it breaks at (see :func:`_measure`)."""
    text = "".join(t for _, t in word[1:])
    if isBidiStr(text):
        return None
    m = _hy_pfx_pat.match(text)
    start = len(m.group(0)) if m else 0
    m = _hy_sfx_pat.search(text, start)
    s = text[start : m.start() if m else len(text)]
    address = rest or _is_address(s)
    if not address and "/" not in s:
        return None
    at = [start + m.start() for m in _ADDRESS_BREAK.finditer(s)]
    if not (address or at):
        return None
    found = []
    for i in at:
        width, pos = 0.0, 0
        for g, t in word[1:]:
            if pos < i:
                width += stringWidth(t[: i - pos], g.fontName, g.fontSize)
            pos += len(t)
        found.append((width, i))
    new = kind(word)
    new.waste, new.found = waste, (_Address if address else _Run)(reversed(found))
    return new
